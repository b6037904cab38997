from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'figures.txt.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_LABELS = l_0_label = l_0_route_name = l_0_years = l_0_basis = missing
    try:
        t_1 = environment.filters['pct']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'pct' found.")
    pass
    l_0_LABELS = {'tax_without_qdot': 'Estate tax at a first death this year without a QDOT', 'projected_estate': 'Estate projected at the growth you gave', 'projected_tax_without_qdot': 'Estate tax on the projected estate without a QDOT', 'amount_to_qdot': 'Amount that would go into the QDOT', 'marginal_rate': 'Tax rate on the next dollar', 'bond_amount': 'Bond or letter of credit without a bank trustee', 'noncitizen_spouse_annual_exclusion': 'Yearly tax-free gifts to a non-citizen spouse', 'residence_value': 'Value of the home today', 'suggested_term': 'Suggested term', 'section_7520_rate': 'Section 7520 rate', 'gift': 'Taxable gift when the trust is funded', 'survival_probability': 'Chance of outliving the term', 'value_at_term_end': 'Value of the home at the end of the term', 'family_tax_without_qprt': 'Estate tax without the QPRT', 'family_tax_with_qprt': 'Estate tax with the QPRT', 'federal_saving': 'Federal estate tax saved if you outlive the term', 'state_saving': 'State estate tax saved if you outlive the term', 'lost_step_up_cost': 'Income tax on the step-up in basis your heirs lose', 'qprt_costs': 'Costs of the trust', 'expected_net_value': 'Expected net value of the suggested term', 'federal_tax_now': "Federal estate tax on today's estate", 'projected_federal_tax': 'Federal estate tax on the projected estate', 'state_estate_tax': 'State estate tax', 'breakeven_spread': 'Discount rate less growth at which a QDOT and paying now change places'}
    context.vars['LABELS'] = l_0_LABELS
    context.exported_vars.add('LABELS')
    def macro(l_1_f):
        t_2 = []
        l_1_n = missing
        if l_1_f is missing:
            l_1_f = undefined("parameter 'f' was not provided", name='f')
        pass
        l_1_n = environment.getattr(l_1_f, 'name')
        if ((undefined(name='n') if l_1_n is missing else l_1_n) == 'taxable_estate'):
            pass
            t_2.append(
                str(("Your estate and your spouse's together" if (context.call(environment.getattr(environment.getattr(l_1_f, 'facts'), 'get'), 'who') == 'couple') else 'Estate the US taxes')),
            )
        elif ((undefined(name='n') if l_1_n is missing else l_1_n) == 'spousal_gifts_from_now'):
            pass
            t_2.append(
                str(str_join(('Such gifts over the next ', context.call(environment.getattr(environment.getattr(l_1_f, 'facts'), 'get'), 'years', ''), ' years', ))),
            )
        elif ((undefined(name='n') if l_1_n is missing else l_1_n) == 'term_net_value'):
            pass
            t_2.append(
                str(str_join(('Expected net value of a ', context.call(environment.getattr(environment.getattr(l_1_f, 'facts'), 'get'), 'term'), '-year term', ))),
            )
        elif ((undefined(name='n') if l_1_n is missing else l_1_n) == 'exclusion_left'):
            pass
            t_2.append(
                str(('Exclusion you have left' if (not context.call(environment.getattr(environment.getattr(l_1_f, 'facts'), 'get'), 'couple')) else 'Exclusion the two of you have left')),
            )
        elif ((undefined(name='n') if l_1_n is missing else l_1_n) == 'route_cost'):
            pass
            t_2.append(
                str(str_join(('Taxes and costs over both deaths: ', context.call((undefined(name='route_name') if l_0_route_name is missing else l_0_route_name), context.call(environment.getattr(environment.getattr(l_1_f, 'facts'), 'get'), 'route')), ))),
            )
        else:
            pass
            t_2.append(
                str(environment.getitem((undefined(name='LABELS') if l_0_LABELS is missing else l_0_LABELS), (undefined(name='n') if l_1_n is missing else l_1_n))),
            )
        return concat(t_2)
    context.exported_vars.add('label')
    context.vars['label'] = l_0_label = Macro(environment, macro, 'label', ('f',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_key):
        t_3 = []
        if l_1_key is missing:
            l_1_key = undefined("parameter 'key' was not provided", name='key')
        pass
        t_3.append(
            str(context.call(environment.getattr({'pay_now': 'pay the tax at the first death', 'qdot': 'a QDOT', 'naturalize_before_return': 'naturalize before the return', 'spousal_gifts': 'yearly gifts to the spouse, then the better of the two', 'canadian_marital_credit': "the Canadian treaty's marital credit, elected instead of a QDOT"}, 'get'), l_1_key, '')),
        )
        return concat(t_3)
    context.exported_vars.add('route_name')
    context.vars['route_name'] = l_0_route_name = Macro(environment, macro, 'route_name', ('key',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_count):
        t_4 = []
        if l_1_count is missing:
            l_1_count = undefined("parameter 'count' was not provided", name='count')
        pass
        t_4.extend((
            str(l_1_count),
            ' years',
        ))
        return concat(t_4)
    context.exported_vars.add('years')
    context.vars['years'] = l_0_years = Macro(environment, macro, 'years', ('count',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_f):
        t_5 = []
        l_1_x = l_1_n = missing
        if l_1_f is missing:
            l_1_f = undefined("parameter 'f' was not provided", name='f')
        pass
        l_1_x = environment.getattr(l_1_f, 'facts')
        l_1_n = environment.getattr(l_1_f, 'name')
        if ((undefined(name='n') if l_1_n is missing else l_1_n) == 'taxable_estate'):
            pass
            if (environment.getattr((undefined(name='x') if l_1_x is missing else l_1_x), 'who') == 'couple'):
                pass
                t_5.append(
                    'both estates: with a US-citizen spouse the survivor is taxed on both',
                )
            else:
                pass
                t_5.extend((
                    'the estate ',
                    str(environment.getattr((undefined(name='x') if l_1_x is missing else l_1_x), 'who')),
                    ' would leave',
                ))
            t_5.extend((
                ', ',
                str(('the US-situs part only (IRC 2103)' if environment.getattr((undefined(name='x') if l_1_x is missing else l_1_x), 'nonresident') else 'worldwide (IRC 2031)')),
            ))
        elif ((undefined(name='n') if l_1_n is missing else l_1_n) == 'tax_without_qdot'):
            pass
            t_5.append(
                'no marital deduction for a spouse who is not a citizen (IRC 2056(d)(1)); ',
            )
            if (environment.getattr((undefined(name='x') if l_1_x is missing else l_1_x), 'nonresident') and environment.getattr((undefined(name='x') if l_1_x is missing else l_1_x), 'treaty')):
                pass
                t_5.append(
                    "the treaty's pro-rata unified credit (IRC 2102(b)(3)(A)) in place of the exclusion",
                )
            elif environment.getattr((undefined(name='x') if l_1_x is missing else l_1_x), 'nonresident'):
                pass
                t_5.append(
                    'the credit of a non-resident (IRC 2102(b)(1)) in place of the exclusion',
                )
            else:
                pass
                t_5.extend((
                    'the exclusion of ',
                    str(environment.getattr((undefined(name='x') if l_1_x is missing else l_1_x), 'year')),
                ))
        elif ((undefined(name='n') if l_1_n is missing else l_1_n) == 'projected_estate'):
            pass
            t_5.extend((
                "today's estate grown ",
                str(t_1(environment.getattr((undefined(name='x') if l_1_x is missing else l_1_x), 'growth'))),
                ' a year for ',
                str(environment.getattr((undefined(name='x') if l_1_x is missing else l_1_x), 'years')),
                ' years, the median remaining lifetime (Table 2010CM)',
            ))
        elif ((undefined(name='n') if l_1_n is missing else l_1_n) in ('projected_tax_without_qdot', 'projected_federal_tax')):
            pass
            t_5.extend((
                'the same rules on the projected estate, with the exclusion of that year',
                str((' (indexed for inflation past the published amounts; see the assumptions)' if (not context.call(environment.getattr((undefined(name='x') if l_1_x is missing else l_1_x), 'get'), 'nonresident')) else cond_expr_undefined("the inline if-expression on line 55 in 'figures.txt.j2' evaluated to false and no else section was defined."))),
            ))
        elif ((undefined(name='n') if l_1_n is missing else l_1_n) == 'amount_to_qdot'):
            pass
            t_5.extend((
                'the ',
                str(('projected ' if environment.getattr((undefined(name='x') if l_1_x is missing else l_1_x), 'projected') else cond_expr_undefined("the inline if-expression on line 57 in 'figures.txt.j2' evaluated to false and no else section was defined."))),
                'estate above the exclusion left (the exclusion less lifetime taxable gifts): what would have to pass to the QDOT to defer all the tax',
            ))
        elif ((undefined(name='n') if l_1_n is missing else l_1_n) == 'marginal_rate'):
            pass
            t_5.append(
                'the rate on the next dollar of the estate (IRC 2001(c))',
            )
        elif ((undefined(name='n') if l_1_n is missing else l_1_n) == 'bond_amount'):
            pass
            t_5.append(
                "65% of the trust's value at the death, needed over the QDOT threshold without a US bank as trustee (26 CFR 20.2056A-2(d))",
            )
        elif ((undefined(name='n') if l_1_n is missing else l_1_n) == 'noncitizen_spouse_annual_exclusion'):
            pass
            t_5.extend((
                'IRC 2523(i)(2), the amount for ',
                str(environment.getattr((undefined(name='x') if l_1_x is missing else l_1_x), 'year')),
            ))
        elif ((undefined(name='n') if l_1_n is missing else l_1_n) == 'spousal_gifts_from_now'):
            pass
            t_5.extend((
                str(environment.getattr((undefined(name='x') if l_1_x is missing else l_1_x), 'years')),
                ' yearly gifts from ',
                str(environment.getattr((undefined(name='x') if l_1_x is missing else l_1_x), 'year')),
                ' on at the ',
                str(environment.getattr((undefined(name='x') if l_1_x is missing else l_1_x), 'year')),
                ' amount, while both of you live (the amount is indexed each year)',
            ))
        elif ((undefined(name='n') if l_1_n is missing else l_1_n) == 'residence_value'):
            pass
            t_5.append(
                'your answer',
            )
        elif ((undefined(name='n') if l_1_n is missing else l_1_n) == 'suggested_term'):
            pass
            t_5.append(
                'the candidate term with the highest expected net value (see the terms below)',
            )
        elif ((undefined(name='n') if l_1_n is missing else l_1_n) == 'section_7520_rate'):
            pass
            t_5.extend((
                'the rate for ',
                str(environment.getattr((undefined(name='x') if l_1_x is missing else l_1_x), 'month')),
                ' (IRC 7520)',
            ))
        elif ((undefined(name='n') if l_1_n is missing else l_1_n) == 'gift'):
            pass
            t_5.append(
                "the home's value times the remainder factor, with the reversion if you die during the term (26 CFR 25.2702-5; IRC 7520 tables)",
            )
        elif ((undefined(name='n') if l_1_n is missing else l_1_n) == 'survival_probability'):
            pass
            t_5.extend((
                'Table 2010CM, your age today, ',
                str(environment.getattr((undefined(name='x') if l_1_x is missing else l_1_x), 'term')),
                ' years',
            ))
        elif ((undefined(name='n') if l_1_n is missing else l_1_n) == 'value_at_term_end'):
            pass
            t_5.extend((
                "today's value grown ",
                str(t_1(environment.getattr((undefined(name='x') if l_1_x is missing else l_1_x), 'growth'))),
                ' a year for ',
                str(environment.getattr((undefined(name='x') if l_1_x is missing else l_1_x), 'term')),
                ' years',
            ))
        elif ((undefined(name='n') if l_1_n is missing else l_1_n) == 'family_tax_without_qprt'):
            pass
            if (environment.getattr((undefined(name='x') if l_1_x is missing else l_1_x), 'marriage') == 'citizen_spouse'):
                pass
                t_5.append(
                    'at the second death at the end of the term: both estates and the home, against two exclusions (marital deduction, IRC 2056(a); portability, IRC 2010(c)(4))',
                )
            elif (environment.getattr((undefined(name='x') if l_1_x is missing else l_1_x), 'marriage') == 'noncitizen_spouse'):
                pass
                t_5.append(
                    "on your own estate and the home at the end of the term (with a non-citizen spouse the deferred QDOT tax is your estate's tax, IRC 2056A(b)(2))",
                )
            else:
                pass
                t_5.append(
                    'on your estate and the home at the end of the term',
                )
            t_5.append(
                ', plus any state estate tax',
            )
        elif ((undefined(name='n') if l_1_n is missing else l_1_n) == 'family_tax_with_qprt'):
            pass
            t_5.append(
                'the same without the home, with the gift added back as a taxable gift (IRC 2001(b)(1)(B))',
            )
        elif ((undefined(name='n') if l_1_n is missing else l_1_n) == 'federal_saving'):
            pass
            t_5.append(
                'federal estate tax without the trust less with it',
            )
        elif ((undefined(name='n') if l_1_n is missing else l_1_n) == 'state_saving'):
            pass
            t_5.append(
                'state estate tax without the trust less with it (the state has no gift tax and no portability)',
            )
        elif ((undefined(name='n') if l_1_n is missing else l_1_n) == 'lost_step_up_cost'):
            pass
            t_5.append(
                "capital gains tax on the home's value at the end of the term above your basis (IRC 1014 against IRC 1015)",
            )
        elif ((undefined(name='n') if l_1_n is missing else l_1_n) == 'qprt_costs'):
            pass
            t_5.extend((
                'the middle of the cost ranges below, setup and ',
                str(environment.getattr((undefined(name='x') if l_1_x is missing else l_1_x), 'term')),
                ' years',
            ))
        elif ((undefined(name='n') if l_1_n is missing else l_1_n) == 'expected_net_value'):
            pass
            t_5.append(
                'chance of outliving the term times (tax saved less the lost step-up), less the costs; if you die during the term the home is back in the estate (IRC 2036(a)(1)) and the gift drops out, so only the costs are lost',
            )
        elif ((undefined(name='n') if l_1_n is missing else l_1_n) == 'term_net_value'):
            pass
            t_5.extend((
                'the same for a ',
                str(environment.getattr((undefined(name='x') if l_1_x is missing else l_1_x), 'term')),
                '-year term',
            ))
        elif ((undefined(name='n') if l_1_n is missing else l_1_n) == 'exclusion_left'):
            pass
            if (environment.getattr((undefined(name='x') if l_1_x is missing else l_1_x), 'nonresident') and environment.getattr((undefined(name='x') if l_1_x is missing else l_1_x), 'treaty')):
                pass
                t_5.append(
                    "what the treaty's pro-rata unified credit shelters: the year's credit in the proportion of the US estate to the worldwide estate (IRC 2102(b)(3)(A))",
                )
            elif environment.getattr((undefined(name='x') if l_1_x is missing else l_1_x), 'nonresident'):
                pass
                t_5.append(
                    "what the non-resident's unified credit shelters (IRC 2102(b)(1)); no lifetime exemption otherwise",
                )
            elif environment.getattr((undefined(name='x') if l_1_x is missing else l_1_x), 'couple'):
                pass
                t_5.extend((
                    'two exclusions of ',
                    str(environment.getattr((undefined(name='x') if l_1_x is missing else l_1_x), 'year')),
                    " (yours and, by portability, your spouse's) less lifetime taxable gifts",
                ))
            else:
                pass
                t_5.extend((
                    'the exclusion of ',
                    str(environment.getattr((undefined(name='x') if l_1_x is missing else l_1_x), 'year')),
                    ' less lifetime taxable gifts',
                ))
        elif ((undefined(name='n') if l_1_n is missing else l_1_n) == 'federal_tax_now'):
            pass
            if environment.getattr((undefined(name='x') if l_1_x is missing else l_1_x), 'couple'):
                pass
                t_5.append(
                    'at the second death, on both estates, if both deaths were this year',
                )
            else:
                pass
                t_5.append(
                    'at a death this year, with nothing passing free of tax to a spouse',
                )
        elif ((undefined(name='n') if l_1_n is missing else l_1_n) == 'route_cost'):
            pass
            t_5.extend((
                "expected present value of every estate tax and added cost on this route until the survivor's death",
                str(('; the lowest' if environment.getattr((undefined(name='x') if l_1_x is missing else l_1_x), 'best') else cond_expr_undefined("the inline if-expression on line 99 in 'figures.txt.j2' evaluated to false and no else section was defined."))),
            ))
        elif ((undefined(name='n') if l_1_n is missing else l_1_n) == 'breakeven_spread'):
            pass
            t_5.extend((
                'the two routes cost the same at this gap; ',
                str(t_1(environment.getattr((undefined(name='x') if l_1_x is missing else l_1_x), 'assumed'))),
                ' is assumed',
            ))
        elif ((undefined(name='n') if l_1_n is missing else l_1_n) == 'state_estate_tax'):
            pass
            t_5.extend((
                str(environment.getattr((undefined(name='x') if l_1_x is missing else l_1_x), 'state')),
                "'s own tax ",
            ))
            if environment.getattr((undefined(name='x') if l_1_x is missing else l_1_x), 'couple'):
                pass
                t_5.append(
                    'at the second death on both estates, with one state exclusion (no portability)',
                )
            else:
                pass
                t_5.append(
                    'on your estate',
                )
            t_5.append(
                '; see the state section',
            )
        return concat(t_5)
    context.exported_vars.add('basis')
    context.vars['basis'] = l_0_basis = Macro(environment, macro, 'basis', ('f',), False, False, False, context.eval_ctx.autoescape)

blocks = {}
debug_info = '4=18&30=21&31=27&32=28&33=33&34=38&35=43&36=48&37=56&39=61&40=67&42=72&43=78&45=84&46=90&47=91&48=92&49=94&50=110&51=115&52=131&53=135&54=140&55=144&56=146&57=150&58=153&60=158&62=163&63=167&64=169&65=172&66=179&68=184&70=189&71=193&72=196&74=201&75=205&76=208&77=212&78=217&79=219&80=237&82=242&84=247&86=252&88=257&89=261&90=264&92=269&93=273&94=276&95=278&96=302&97=304&98=314&99=318&100=320&101=324&102=327&103=330'