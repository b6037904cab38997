from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'rules.txt.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_decedent_subject_to_estate_tax = l_0_spouse_not_citizen = l_0_person_not_citizen = l_0_tax_at_first_death_without_qdot = l_0_tax_projected_at_first_death = l_0_spouse_plans_to_naturalize = l_0_residence_significant = l_0_estate_taxable = l_0_qprt_expected_value = l_0_residence_to_heirs = l_0_nonresident_gift_tax = l_0_qprt_not_worth_it = l_0_qprt_no_family_tax = l_0_no_tax_projected = l_0_marital_deduction_unlimited = l_0_tax_without_planning_tool = l_0_state_estate_tax = missing
    try:
        t_1 = environment.filters['float']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'float' found.")
    try:
        t_2 = environment.filters['money']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'money' found.")
    try:
        t_3 = environment.filters['pct']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'pct' found.")
    try:
        t_4 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    def macro(l_1_f):
        t_5 = []
        if l_1_f is missing:
            l_1_f = undefined("parameter 'f' was not provided", name='f')
        pass
        t_5.extend((
            str(('You are' if (environment.getattr(l_1_f, 'decedent') == 'you') else 'Your spouse is')),
            ' subject to US estate tax on ',
            str(('the worldwide estate' if (environment.getattr(l_1_f, 'taxed_on') == 'worldwide_estate') else 'property located in the US')),
            ' (',
            str(t_2(environment.getattr(l_1_f, 'taxable_estate'))),
            '): ',
            str(('a US citizen' if (environment.getattr(l_1_f, 'citizenship') == 'us') else ('living in the US' if (environment.getattr(l_1_f, 'domicile') == 'us') else 'a non-resident who is not a citizen, taxed on US property only'))),
            '.',
        ))
        return concat(t_5)
    context.exported_vars.add('decedent_subject_to_estate_tax')
    context.vars['decedent_subject_to_estate_tax'] = l_0_decedent_subject_to_estate_tax = Macro(environment, macro, 'decedent_subject_to_estate_tax', ('f',), False, False, False, context.eval_ctx.autoescape)
    def macro():
        t_6 = []
        pass
        t_6.append(
            'Your spouse is not a US citizen, so what you leave to your spouse gets no marital deduction unless it passes through a QDOT.',
        )
        return concat(t_6)
    context.exported_vars.add('spouse_not_citizen')
    context.vars['spouse_not_citizen'] = l_0_spouse_not_citizen = Macro(environment, macro, 'spouse_not_citizen', (), False, False, False, context.eval_ctx.autoescape)
    def macro():
        t_7 = []
        pass
        t_7.append(
            'You are not a US citizen, so what your spouse leaves you gets no marital deduction unless it passes through a QDOT.',
        )
        return concat(t_7)
    context.exported_vars.add('person_not_citizen')
    context.vars['person_not_citizen'] = l_0_person_not_citizen = Macro(environment, macro, 'person_not_citizen', (), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_f):
        t_8 = []
        if l_1_f is missing:
            l_1_f = undefined("parameter 'f' was not provided", name='f')
        pass
        t_8.extend((
            'Without that deduction, an estate of ',
            str(t_2(environment.getattr(l_1_f, 'taxable_estate'))),
        ))
        if (t_1(environment.getattr(l_1_f, 'adjusted_taxable_gifts')) > 0):
            pass
            t_8.extend((
                ' with ',
                str(t_2(environment.getattr(l_1_f, 'adjusted_taxable_gifts'))),
                ' of earlier taxable gifts',
            ))
        t_8.extend((
            ' against an exclusion of ',
            str(t_2(environment.getattr(l_1_f, 'exclusion_amount'))),
            ' owes about ',
            str(t_2(environment.getattr(l_1_f, 'net_estate_tax'))),
            ' at a first death this year.',
        ))
        return concat(t_8)
    context.exported_vars.add('tax_at_first_death_without_qdot')
    context.vars['tax_at_first_death_without_qdot'] = l_0_tax_at_first_death_without_qdot = Macro(environment, macro, 'tax_at_first_death_without_qdot', ('f',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_f):
        t_9 = []
        if l_1_f is missing:
            l_1_f = undefined("parameter 'f' was not provided", name='f')
        pass
        t_9.extend((
            'Today an estate of ',
            str(t_2(environment.getattr(l_1_f, 'taxable_estate'))),
            ' is within the exclusion of ',
            str(t_2(environment.getattr(l_1_f, 'exclusion_amount'))),
        ))
        if (t_1(environment.getattr(l_1_f, 'adjusted_taxable_gifts')) > 0):
            pass
            t_9.extend((
                ' less ',
                str(t_2(environment.getattr(l_1_f, 'adjusted_taxable_gifts'))),
                ' of earlier taxable gifts',
            ))
        t_9.extend((
            ', but at the growth you gave it reaches ',
            str(t_2(environment.getattr(l_1_f, 'projected_estate'))),
            ' in ',
            str(environment.getattr(l_1_f, 'horizon_years')),
            ' years, which would owe about ',
            str(t_2(environment.getattr(l_1_f, 'projected_tax'))),
            ' at the first death without the deduction.',
        ))
        return concat(t_9)
    context.exported_vars.add('tax_projected_at_first_death')
    context.vars['tax_projected_at_first_death'] = l_0_tax_projected_at_first_death = Macro(environment, macro, 'tax_projected_at_first_death', ('f',), False, False, False, context.eval_ctx.autoescape)
    def macro():
        t_10 = []
        pass
        t_10.append(
            'Your spouse lives in the US and plans to become a US citizen. Becoming one before the estate tax return is made, while living in the US from the death on, would bring back the ordinary marital deduction (IRC 2056(d)(4)); becoming one later ends the QDOT tax (IRC 2056A(b)(12)).',
        )
        return concat(t_10)
    context.exported_vars.add('spouse_plans_to_naturalize')
    context.vars['spouse_plans_to_naturalize'] = l_0_spouse_plans_to_naturalize = Macro(environment, macro, 'spouse_plans_to_naturalize', (), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_f):
        t_11 = []
        if l_1_f is missing:
            l_1_f = undefined("parameter 'f' was not provided", name='f')
        pass
        t_11.extend((
            'Your ',
            str(('main home' if (environment.getattr(l_1_f, 'residence_type') == 'principal') else 'vacation home')),
            ' is worth ',
            str(t_2(environment.getattr(l_1_f, 'residence_value'))),
            ', at or above the ',
            str(t_2(environment.getattr(l_1_f, 'threshold'))),
            ' at which a QPRT usually repays its costs.',
        ))
        return concat(t_11)
    context.exported_vars.add('residence_significant')
    context.vars['residence_significant'] = l_0_residence_significant = Macro(environment, macro, 'residence_significant', ('f',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_f):
        t_12 = []
        if l_1_f is missing:
            l_1_f = undefined("parameter 'f' was not provided", name='f')
        pass
        if (environment.getattr(l_1_f, 'marriage') == 'citizen_spouse'):
            pass
            t_12.append(
                "Even with the marital deduction and your spouse's unused exclusion, the two estates with the home",
            )
        elif (environment.getattr(l_1_f, 'marriage') == 'noncitizen_spouse'):
            pass
            t_12.append(
                'Your own estate with the home',
            )
        else:
            pass
            t_12.append(
                'Your estate with the home',
            )
        t_12.extend((
            ' would owe about ',
            str(t_2(environment.getattr(l_1_f, 'tax_without'))),
            ' of estate tax',
            str((str_join((' (federal and ', environment.getattr(l_1_f, 'state'), ')', )) if environment.getattr(l_1_f, 'state') else cond_expr_undefined("the inline if-expression on line 25 in 'rules.txt.j2' evaluated to false and no else section was defined."))),
            ' at the end of a ',
            str(environment.getattr(l_1_f, 'term')),
            '-year term, so taking the home and its growth out of the estate saves tax.',
        ))
        return concat(t_12)
    context.exported_vars.add('estate_taxable')
    context.vars['estate_taxable'] = l_0_estate_taxable = Macro(environment, macro, 'estate_taxable', ('f',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_f):
        t_13 = []
        if l_1_f is missing:
            l_1_f = undefined("parameter 'f' was not provided", name='f')
        pass
        t_13.extend((
            'Of the terms you are more likely than not to outlive, a ',
            str(environment.getattr(l_1_f, 'term')),
            '-year term has the highest expected net value: you outlive it with a probability of ',
            str(t_3(environment.getattr(l_1_f, 'survival_probability'))),
            ', and then it saves ',
            str(t_2(environment.getattr(l_1_f, 'tax_saved'))),
            ' of estate tax',
        ))
        if (not t_4(environment.getattr(l_1_f, 'lost_step_up'))):
            pass
            t_13.extend((
                ' against ',
                str(t_2(environment.getattr(l_1_f, 'lost_step_up'))),
                ' of income tax on the lost step-up',
            ))
        t_13.extend((
            '; weighed by that chance and less ',
            str(t_2(environment.getattr(l_1_f, 'costs'))),
            ' of costs, that is worth ',
            str(t_2(environment.getattr(l_1_f, 'expected_net_value'))),
            '.',
        ))
        return concat(t_13)
    context.exported_vars.add('qprt_expected_value')
    context.vars['qprt_expected_value'] = l_0_qprt_expected_value = Macro(environment, macro, 'qprt_expected_value', ('f',), False, False, False, context.eval_ctx.autoescape)
    def macro():
        t_14 = []
        pass
        t_14.append(
            'You want the home to pass to your children or other heirs, which is where a QPRT sends it at the end of the term.',
        )
        return concat(t_14)
    context.exported_vars.add('residence_to_heirs')
    context.vars['residence_to_heirs'] = l_0_residence_to_heirs = Macro(environment, macro, 'residence_to_heirs', (), False, False, False, context.eval_ctx.autoescape)
    def macro():
        t_15 = []
        pass
        t_15.append(
            'A QPRT does not suit you: a non-resident who is not a US citizen has no lifetime exemption against US gift tax, so the gift of a US home to the trust would be taxed at once.',
        )
        return concat(t_15)
    context.exported_vars.add('nonresident_gift_tax')
    context.vars['nonresident_gift_tax'] = l_0_nonresident_gift_tax = Macro(environment, macro, 'nonresident_gift_tax', (), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_f):
        t_16 = []
        if l_1_f is missing:
            l_1_f = undefined("parameter 'f' was not provided", name='f')
        pass
        t_16.extend((
            'A QPRT is not sensible: the best term weighed (',
            str(environment.getattr(l_1_f, 'term')),
            ' years) is outlived with a probability of ',
            str(t_3(environment.getattr(l_1_f, 'survival_probability'))),
        ))
        if (t_1(environment.getattr(l_1_f, 'survival_probability')) < t_1(environment.getattr(l_1_f, 'required_probability'))):
            pass
            t_16.append(
                ', less than the even chance we require before suggesting a term, since dying during it undoes the plan',
            )
        else:
            pass
            t_16.extend((
                ', and it saves ',
                str(t_2(environment.getattr(l_1_f, 'tax_saved'))),
                ' of estate tax',
            ))
            if (not t_4(environment.getattr(l_1_f, 'lost_step_up'))):
                pass
                t_16.extend((
                    ' against ',
                    str(t_2(environment.getattr(l_1_f, 'lost_step_up'))),
                    ' of income tax on the step-up your heirs would lose',
                ))
            t_16.extend((
                ', which after the costs leaves an expected ',
                str(t_2(environment.getattr(l_1_f, 'expected_net_value'))),
            ))
        t_16.append(
            '.',
        )
        return concat(t_16)
    context.exported_vars.add('qprt_not_worth_it')
    context.vars['qprt_not_worth_it'] = l_0_qprt_not_worth_it = Macro(environment, macro, 'qprt_not_worth_it', ('f',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_f):
        t_17 = []
        if l_1_f is missing:
            l_1_f = undefined("parameter 'f' was not provided", name='f')
        pass
        t_17.append(
            'A QPRT would save no estate tax: ',
        )
        if (environment.getattr(l_1_f, 'marriage') == 'citizen_spouse'):
            pass
            t_17.append(
                "with the marital deduction and the survivor's use of the first spouse's unused exclusion (portability), the two of you can pass both estates with the home free of federal estate tax",
            )
        else:
            pass
            t_17.append(
                'your estate with the home stays within the exclusion',
            )
        t_17.extend((
            str((str_join((', and ', environment.getattr(l_1_f, 'state'), "'s tax is not changed by it", )) if environment.getattr(l_1_f, 'state') else cond_expr_undefined("the inline if-expression on line 40 in 'rules.txt.j2' evaluated to false and no else section was defined."))),
            '. Its costs and the lost step-up in basis would be spent for nothing.',
        ))
        return concat(t_17)
    context.exported_vars.add('qprt_no_family_tax')
    context.vars['qprt_no_family_tax'] = l_0_qprt_no_family_tax = Macro(environment, macro, 'qprt_no_family_tax', ('f',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_f):
        t_18 = []
        if l_1_f is missing:
            l_1_f = undefined("parameter 'f' was not provided", name='f')
        pass
        if (environment.getattr(l_1_f, 'measured') == 'second_death'):
            pass
            t_18.extend((
                'With a US-citizen spouse the tax falls at the second death on both estates: ',
                str(t_2(environment.getattr(l_1_f, 'taxable_estate'))),
                ' together',
            ))
        else:
            pass
            t_18.extend((
                'Your estate of ',
                str(t_2(environment.getattr(l_1_f, 'taxable_estate'))),
            ))
        t_18.extend((
            ' is within the exclusion of ',
            str(t_2(environment.getattr(l_1_f, 'exclusion_amount'))),
        ))
        if (t_1(environment.getattr(l_1_f, 'adjusted_taxable_gifts')) > 0):
            pass
            t_18.extend((
                ' less the ',
                str(t_2(environment.getattr(l_1_f, 'adjusted_taxable_gifts'))),
                ' of taxable gifts already made',
            ))
        if (environment.getattr(l_1_f, 'projected_estate') != environment.getattr(l_1_f, 'taxable_estate')):
            pass
            t_18.extend((
                ', and stays within it at the growth you gave (',
                str(t_2(environment.getattr(l_1_f, 'projected_estate'))),
                ' in ',
                str(environment.getattr(l_1_f, 'horizon_years')),
                ' years)',
            ))
        t_18.append(
            ', so no federal estate tax is projected.',
        )
        return concat(t_18)
    context.exported_vars.add('no_tax_projected')
    context.vars['no_tax_projected'] = l_0_no_tax_projected = Macro(environment, macro, 'no_tax_projected', ('f',), False, False, False, context.eval_ctx.autoescape)
    def macro():
        t_19 = []
        pass
        t_19.append(
            'Your spouse is a US citizen, so everything you leave to your spouse passes free of estate tax; the tax falls on what is left at the second death.',
        )
        return concat(t_19)
    context.exported_vars.add('marital_deduction_unlimited')
    context.vars['marital_deduction_unlimited'] = l_0_marital_deduction_unlimited = Macro(environment, macro, 'marital_deduction_unlimited', (), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_f):
        t_20 = []
        if l_1_f is missing:
            l_1_f = undefined("parameter 'f' was not provided", name='f')
        pass
        if (environment.getattr(l_1_f, 'measured') == 'second_death'):
            pass
            t_20.extend((
                'At the second death the two estates (',
                str(t_2(environment.getattr(l_1_f, 'taxable_estate'))),
                ' today)',
            ))
        else:
            pass
            t_20.extend((
                'Your estate of ',
                str(t_2(environment.getattr(l_1_f, 'taxable_estate'))),
            ))
        t_20.extend((
            ' against an exclusion of ',
            str(t_2(environment.getattr(l_1_f, 'exclusion_amount'))),
            ' ',
        ))
        if (t_1(environment.getattr(l_1_f, 'net_estate_tax')) > 0):
            pass
            t_20.extend((
                'would owe about ',
                str(t_2(environment.getattr(l_1_f, 'net_estate_tax'))),
                ' of federal estate tax this year',
            ))
            if (environment.getattr(l_1_f, 'projected_estate') != environment.getattr(l_1_f, 'taxable_estate')):
                pass
                t_20.extend((
                    ', and about ',
                    str(t_2(environment.getattr(l_1_f, 'projected_tax'))),
                    ' at the growth you gave (',
                    str(t_2(environment.getattr(l_1_f, 'projected_estate'))),
                    ' in ',
                    str(environment.getattr(l_1_f, 'horizon_years')),
                    ' years)',
                ))
        else:
            pass
            t_20.extend((
                'owes nothing this year, but at the growth you gave it reaches ',
                str(t_2(environment.getattr(l_1_f, 'projected_estate'))),
                ' in ',
                str(environment.getattr(l_1_f, 'horizon_years')),
                ' years and would owe about ',
                str(t_2(environment.getattr(l_1_f, 'projected_tax'))),
            ))
        t_20.append(
            '.',
        )
        return concat(t_20)
    context.exported_vars.add('tax_without_planning_tool')
    context.vars['tax_without_planning_tool'] = l_0_tax_without_planning_tool = Macro(environment, macro, 'tax_without_planning_tool', ('f',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_f):
        t_21 = []
        if l_1_f is missing:
            l_1_f = undefined("parameter 'f' was not provided", name='f')
        pass
        t_21.extend((
            'Your state charges its own estate tax above ',
            str(t_2(environment.getattr(l_1_f, 'exemption'))),
            ' (',
            str(environment.getattr(l_1_f, 'year')),
            ' figure), with no portability between spouses, and the estate it would fall on is above that.',
        ))
        return concat(t_21)
    context.exported_vars.add('state_estate_tax')
    context.vars['state_estate_tax'] = l_0_state_estate_tax = Macro(environment, macro, 'state_estate_tax', ('f',), False, False, False, context.eval_ctx.autoescape)

blocks = {}
debug_info = '3=36&4=42&6=54&9=63&12=72&13=79&15=98&16=105&18=128&21=137&22=144&24=154&25=159&27=186&28=193&30=217&33=226&36=235&37=242&39=275&40=283&42=300&43=305&45=344&48=353&49=358&51=410&52=417'