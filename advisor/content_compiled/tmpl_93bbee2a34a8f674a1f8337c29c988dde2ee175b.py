from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'pitfalls.txt.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_qdot_disqualification = l_0_qdot_principal_distributions = l_0_qdot_tax_at_survivor_death = l_0_qdot_annual_return = l_0_qdot_security_large = l_0_qdot_security_small = l_0_qdot_foreign_real_estate = l_0_qdot_retirement_accounts = l_0_qprt_death_during_term = l_0_qprt_lost_step_up = l_0_qprt_gst = l_0_qprt_rent_after_term = l_0_qprt_sale = l_0_qprt_mortgage = l_0_qprt_vacation_use = l_0_qprt_with_qdot = l_0_review_when_things_change = l_0_portability = l_0_qdot_dsue_provisional = l_0_no_dsue_for_survivor_abroad = l_0_joint_property_noncitizen = l_0_state_tax_applies = missing
    try:
        t_1 = environment.filters['int']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'int' found.")
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
    def macro():
        t_5 = []
        pass
        t_5.append(
            'A QDOT must keep qualifying for as long as it exists: a trustee who is a US citizen or a US corporation, the power to withhold the tax from principal distributions, the QDOT election made on the estate tax return (at the latest on the last return filed within a year after its extended due date), and the security rules. If it stops qualifying, the deferred tax falls due at once (a return is due nine months after the failure).',
        )
        return concat(t_5)
    context.exported_vars.add('qdot_disqualification')
    context.vars['qdot_disqualification'] = l_0_qdot_disqualification = Macro(environment, macro, 'qdot_disqualification', (), False, False, False, context.eval_ctx.autoescape)
    def macro():
        t_6 = []
        pass
        t_6.append(
            "Income paid to the surviving spouse is not taxed by the QDOT rules, but each payment of principal is, at the first spouse's estate tax rates, unless it is a hardship distribution: one made for an immediate and substantial need for health, support, maintenance or education of the spouse or someone the spouse must support.",
        )
        return concat(t_6)
    context.exported_vars.add('qdot_principal_distributions')
    context.vars['qdot_principal_distributions'] = l_0_qdot_principal_distributions = Macro(environment, macro, 'qdot_principal_distributions', (), False, False, False, context.eval_ctx.autoescape)
    def macro():
        t_7 = []
        pass
        t_7.append(
            "The deferral ends at the surviving spouse's death: everything still in the trust is then taxed as if it had been part of the first spouse's estate, with a return due nine months after the death. Deferral is not forgiveness, unless the survivor becomes a citizen.",
        )
        return concat(t_7)
    context.exported_vars.add('qdot_tax_at_survivor_death')
    context.vars['qdot_tax_at_survivor_death'] = l_0_qdot_tax_at_survivor_death = Macro(environment, macro, 'qdot_tax_at_survivor_death', (), False, False, False, context.eval_ctx.autoescape)
    def macro():
        t_8 = []
        pass
        t_8.append(
            'The trustee files Form 706-QDT for each year with a principal distribution or a hardship distribution, by April 15 of the following year; an extension to file (Form 4768) does not extend the time to pay. The first return includes a copy of the trust instrument.',
        )
        return concat(t_8)
    context.exported_vars.add('qdot_annual_return')
    context.vars['qdot_annual_return'] = l_0_qdot_annual_return = Macro(environment, macro, 'qdot_annual_return', (), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_r, l_1_p, l_1_f):
        t_9 = []
        l_1_qdot_rule = resolve('qdot_rule')
        if l_1_r is missing:
            l_1_r = undefined("parameter 'r' was not provided", name='r')
        if l_1_p is missing:
            l_1_p = undefined("parameter 'p' was not provided", name='p')
        if l_1_f is missing:
            l_1_f = undefined("parameter 'f' was not provided", name='f')
        pass
        t_9.extend((
            'With ',
            str(t_2(environment.getattr(environment.getattr(l_1_f, 'amount_to_qdot'), 'value'))),
            ' going into the trust, more than ',
            str(t_2(context.call((undefined(name='qdot_rule') if l_1_qdot_rule is missing else l_1_qdot_rule), 'security_threshold'))),
            ', the trust must at all times have a US bank as trustee, or the US trustee must post a bond or an irrevocable bank letter of credit for ',
            str(t_3(context.call((undefined(name='qdot_rule') if l_1_qdot_rule is missing else l_1_qdot_rule), 'bond_or_letter_of_credit_percent'))),
            " of the trust's value at the death. Up to ",
            str(t_2(context.call((undefined(name='qdot_rule') if l_1_qdot_rule is missing else l_1_qdot_rule), 'residence_exclusion_limit'))),
            ' of a home the surviving spouse lives in can be left out of that value if the executor elects it.',
        ))
        return concat(t_9)
    context.exported_vars.add('qdot_security_large')
    context.vars['qdot_security_large'] = l_0_qdot_security_large = Macro(environment, macro, 'qdot_security_large', ('r', 'p', 'f'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_r, l_1_p, l_1_f):
        t_10 = []
        l_1_qdot_rule = resolve('qdot_rule')
        if l_1_r is missing:
            l_1_r = undefined("parameter 'r' was not provided", name='r')
        if l_1_p is missing:
            l_1_p = undefined("parameter 'p' was not provided", name='p')
        if l_1_f is missing:
            l_1_f = undefined("parameter 'f' was not provided", name='f')
        pass
        t_10.extend((
            'With ',
            str(t_2(environment.getattr(environment.getattr(l_1_f, 'amount_to_qdot'), 'value'))),
            ' going into the trust, at most ',
            str(t_2(context.call((undefined(name='qdot_rule') if l_1_qdot_rule is missing else l_1_qdot_rule), 'security_threshold'))),
            ', the trust must either keep no more than ',
            str(t_3(context.call((undefined(name='qdot_rule') if l_1_qdot_rule is missing else l_1_qdot_rule), 'foreign_real_property_max_percent'))),
            ' of its value in real estate outside the US (tested each year) or meet the bank-trustee, bond or letter-of-credit rules that apply to larger trusts. All QDOTs for the same spouse count together for the ',
            str(t_2(context.call((undefined(name='qdot_rule') if l_1_qdot_rule is missing else l_1_qdot_rule), 'security_threshold'))),
            ' test.',
        ))
        return concat(t_10)
    context.exported_vars.add('qdot_security_small')
    context.vars['qdot_security_small'] = l_0_qdot_security_small = Macro(environment, macro, 'qdot_security_small', ('r', 'p', 'f'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_r, l_1_p, l_1_f):
        t_11 = []
        l_1_qdot_rule = resolve('qdot_rule')
        if l_1_r is missing:
            l_1_r = undefined("parameter 'r' was not provided", name='r')
        if l_1_p is missing:
            l_1_p = undefined("parameter 'p' was not provided", name='p')
        if l_1_f is missing:
            l_1_f = undefined("parameter 'f' was not provided", name='f')
        pass
        t_11.extend((
            'You have ',
            str(t_2(environment.getattr(l_1_p, 'foreign_real_estate'))),
            ' of real estate outside the US. If it would go into a QDOT worth ',
            str(t_2(context.call((undefined(name='qdot_rule') if l_1_qdot_rule is missing else l_1_qdot_rule), 'security_threshold'))),
            ' or less, keep it under ',
            str(t_3(context.call((undefined(name='qdot_rule') if l_1_qdot_rule is missing else l_1_qdot_rule), 'foreign_real_property_max_percent'))),
            ' of the trust or use a bank trustee, bond or letter of credit.',
        ))
        return concat(t_11)
    context.exported_vars.add('qdot_foreign_real_estate')
    context.vars['qdot_foreign_real_estate'] = l_0_qdot_foreign_real_estate = Macro(environment, macro, 'qdot_foreign_real_estate', ('r', 'p', 'f'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_r, l_1_p, l_1_f):
        t_12 = []
        if l_1_r is missing:
            l_1_r = undefined("parameter 'r' was not provided", name='r')
        if l_1_p is missing:
            l_1_p = undefined("parameter 'p' was not provided", name='p')
        if l_1_f is missing:
            l_1_f = undefined("parameter 'f' was not provided", name='f')
        pass
        t_12.extend((
            'Retirement accounts (',
            str(t_2(environment.getattr(l_1_p, 'retirement_accounts'))),
            ') cannot simply be retitled into a QDOT; they need a separate arrangement with the account and the trustee so that the principal part of each payout is taxed as a QDOT distribution.',
        ))
        return concat(t_12)
    context.exported_vars.add('qdot_retirement_accounts')
    context.vars['qdot_retirement_accounts'] = l_0_qdot_retirement_accounts = Macro(environment, macro, 'qdot_retirement_accounts', ('r', 'p', 'f'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_r, l_1_p, l_1_f):
        t_13 = []
        if l_1_r is missing:
            l_1_r = undefined("parameter 'r' was not provided", name='r')
        if l_1_p is missing:
            l_1_p = undefined("parameter 'p' was not provided", name='p')
        if l_1_f is missing:
            l_1_f = undefined("parameter 'f' was not provided", name='f')
        pass
        t_13.extend((
            'If you die before the term ends, the home is back in your estate at its full value, and the fees are lost (the gift counted at funding is credited back, so you are no worse off for tax than without the trust). You outlive the suggested term of ',
            str(t_1(environment.getattr(environment.getattr(l_1_f, 'suggested_term'), 'value'))),
            ' years with a probability of ',
            str(t_3(environment.getattr(environment.getattr(l_1_f, 'survival_probability'), 'value'))),
            '; that chance is already weighed in its expected net value.',
        ))
        return concat(t_13)
    context.exported_vars.add('qprt_death_during_term')
    context.vars['qprt_death_during_term'] = l_0_qprt_death_during_term = Macro(environment, macro, 'qprt_death_during_term', ('r', 'p', 'f'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_r, l_1_p, l_1_f):
        t_14 = []
        if l_1_r is missing:
            l_1_r = undefined("parameter 'r' was not provided", name='r')
        if l_1_p is missing:
            l_1_p = undefined("parameter 'p' was not provided", name='p')
        if l_1_f is missing:
            l_1_f = undefined("parameter 'f' was not provided", name='f')
        pass
        t_14.append(
            'Your heirs lose the step-up in basis: a home inherited at death takes its value then as its tax basis, but one received from a QPRT keeps your original basis, so they may owe capital gains tax when they sell',
        )
        if ('lost_step_up_cost' in l_1_f):
            pass
            t_14.extend((
                ' (about ',
                str(t_2(environment.getattr(environment.getattr(l_1_f, 'lost_step_up_cost'), 'value'))),
                ' on the projection)',
            ))
        t_14.append(
            '.',
        )
        return concat(t_14)
    context.exported_vars.add('qprt_lost_step_up')
    context.vars['qprt_lost_step_up'] = l_0_qprt_lost_step_up = Macro(environment, macro, 'qprt_lost_step_up', ('r', 'p', 'f'), False, False, False, context.eval_ctx.autoescape)
    def macro():
        t_15 = []
        pass
        t_15.append(
            'Generation-skipping transfer tax exemption cannot be allocated until the term ends, by which time the home has grown, so a QPRT is an inefficient way to pass a home to grandchildren.',
        )
        return concat(t_15)
    context.exported_vars.add('qprt_gst')
    context.vars['qprt_gst'] = l_0_qprt_gst = Macro(environment, macro, 'qprt_gst', (), False, False, False, context.eval_ctx.autoescape)
    def macro():
        t_16 = []
        pass
        t_16.append(
            'After the term the home belongs to the trust or your heirs. To keep living there you must pay them fair market rent; not paying it can pull the home back into your estate. The rent itself moves more wealth to the heirs without using your exemption.',
        )
        return concat(t_16)
    context.exported_vars.add('qprt_rent_after_term')
    context.vars['qprt_rent_after_term'] = l_0_qprt_rent_after_term = Macro(environment, macro, 'qprt_rent_after_term', (), False, False, False, context.eval_ctx.autoescape)
    def macro():
        t_17 = []
        pass
        t_17.append(
            'If the home is sold during the term, the trust must buy a replacement within two years, convert to an annuity trust that pays you for the rest of the term, or give the proceeds back to you, which ends the tax benefit.',
        )
        return concat(t_17)
    context.exported_vars.add('qprt_sale')
    context.vars['qprt_sale'] = l_0_qprt_sale = Macro(environment, macro, 'qprt_sale', (), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_r, l_1_p, l_1_f):
        t_18 = []
        if l_1_r is missing:
            l_1_r = undefined("parameter 'r' was not provided", name='r')
        if l_1_p is missing:
            l_1_p = undefined("parameter 'p' was not provided", name='p')
        if l_1_f is missing:
            l_1_f = undefined("parameter 'f' was not provided", name='f')
        pass
        t_18.extend((
            'The home has a mortgage of ',
            str(t_2(environment.getattr(l_1_p, 'residence_mortgage'))),
            '. Each payment you make after funding is a further gift to the trust, so most owners pay off or refinance the loan first.',
        ))
        return concat(t_18)
    context.exported_vars.add('qprt_mortgage')
    context.vars['qprt_mortgage'] = l_0_qprt_mortgage = Macro(environment, macro, 'qprt_mortgage', ('r', 'p', 'f'), False, False, False, context.eval_ctx.autoescape)
    def macro():
        t_19 = []
        pass
        t_19.append(
            'A vacation home qualifies only if you use it yourself enough each year: more than 14 days, or more than 10% of the days it is rented out if that is longer (IRC 280A(d)(1), applied by 26 CFR 25.2702-5(c)(2)).',
        )
        return concat(t_19)
    context.exported_vars.add('qprt_vacation_use')
    context.vars['qprt_vacation_use'] = l_0_qprt_vacation_use = Macro(environment, macro, 'qprt_vacation_use', (), False, False, False, context.eval_ctx.autoescape)
    def macro():
        t_20 = []
        l_1_qdot_rule = resolve('qdot_rule')
        pass
        t_20.extend((
            'Your spouse is not a US citizen: a home placed in a QPRT no longer passes to your spouse, so it cannot be used to fund a QDOT or claim its ',
            str(t_2(context.call((undefined(name='qdot_rule') if l_1_qdot_rule is missing else l_1_qdot_rule), 'residence_exclusion_limit'))),
            ' residence exclusion. Giving a non-citizen spouse a contingent term interest in the trust gets no marital deduction (IRC 2523(i)), and gift-splitting needs both spouses to be citizens or residents (IRC 2513(a)(1)). Plan the two together.',
        ))
        return concat(t_20)
    context.exported_vars.add('qprt_with_qdot')
    context.vars['qprt_with_qdot'] = l_0_qprt_with_qdot = Macro(environment, macro, 'qprt_with_qdot', (), False, False, False, context.eval_ctx.autoescape)
    def macro():
        t_21 = []
        pass
        t_21.append(
            "This answer depends on today's figures. A larger estate, a change of citizenship or home, or a change in the law (the exclusion is indexed yearly) can change it, so run the screening again when something changes.",
        )
        return concat(t_21)
    context.exported_vars.add('review_when_things_change')
    context.vars['review_when_things_change'] = l_0_review_when_things_change = Macro(environment, macro, 'review_when_things_change', (), False, False, False, context.eval_ctx.autoescape)
    def macro():
        t_22 = []
        pass
        t_22.append(
            'When the first spouse dies, filing an estate tax return even if no tax is due lets the survivor keep the unused exclusion (portability, IRC 2010(c)(5)(A)). If no return was otherwise required, a late election is possible for five years under Rev. Proc. 2022-32; after that the unused exclusion is lost.',
        )
        return concat(t_22)
    context.exported_vars.add('portability')
    context.vars['portability'] = l_0_portability = Macro(environment, macro, 'portability', (), False, False, False, context.eval_ctx.autoescape)
    def macro():
        t_23 = []
        pass
        t_23.append(
            "If property passes to a QDOT, the first spouse's unused exclusion (the DSUE amount) is only provisional: it is worked out again after the last QDOT tax event, usually the survivor's death, and the survivor can use it only from then (26 CFR 20.2010-2(c)(4), 20.2010-3(c)(3)). If the survivor becomes a citizen and the QDOT tax ends under IRC 2056A(b)(12), it can be used from the date of citizenship. The executor must still elect portability on a timely return.",
        )
        return concat(t_23)
    context.exported_vars.add('qdot_dsue_provisional')
    context.vars['qdot_dsue_provisional'] = l_0_qdot_dsue_provisional = Macro(environment, macro, 'qdot_dsue_provisional', (), False, False, False, context.eval_ctx.autoescape)
    def macro():
        t_24 = []
        pass
        t_24.append(
            "A surviving spouse who is neither a US citizen nor living in the US at death cannot use the first spouse's unused exclusion (the DSUE amount), except where a tax treaty allows it (26 CFR 20.2010-3(e)); the survivor's own US estate tax falls only on US property, with only the small unified credit of a non-resident (IRC 2102(b)(1)).",
        )
        return concat(t_24)
    context.exported_vars.add('no_dsue_for_survivor_abroad')
    context.vars['no_dsue_for_survivor_abroad'] = l_0_no_dsue_for_survivor_abroad = Macro(environment, macro, 'no_dsue_for_survivor_abroad', (), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_r, l_1_p, l_1_f):
        t_25 = []
        if l_1_r is missing:
            l_1_r = undefined("parameter 'r' was not provided", name='r')
        if l_1_p is missing:
            l_1_p = undefined("parameter 'p' was not provided", name='p')
        if l_1_f is missing:
            l_1_f = undefined("parameter 'f' was not provided", name='f')
        pass
        t_25.extend((
            'You own ',
            str(t_2(environment.getattr(l_1_p, 'joint_property'))),
            " of property jointly with your spouse. With a spouse who is not a citizen the rule that counts half of a married couple's joint property at the first death does not apply (IRC 2056(d)(1)(B)): all of it is counted in the estate of the first to die except what the survivor shows they paid for (IRC 2040(a)), so keep records of who paid for what.",
        ))
        return concat(t_25)
    context.exported_vars.add('joint_property_noncitizen')
    context.vars['joint_property_noncitizen'] = l_0_joint_property_noncitizen = Macro(environment, macro, 'joint_property_noncitizen', ('r', 'p', 'f'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_r, l_1_p, l_1_f):
        t_26 = []
        l_1_s = missing
        if l_1_r is missing:
            l_1_r = undefined("parameter 'r' was not provided", name='r')
        if l_1_p is missing:
            l_1_p = undefined("parameter 'p' was not provided", name='p')
        if l_1_f is missing:
            l_1_f = undefined("parameter 'f' was not provided", name='f')
        pass
        l_1_s = environment.getattr(l_1_r, 'state_tax')
        t_26.extend((
            str(environment.getattr((undefined(name='s') if l_1_s is missing else l_1_s), 'name')),
            ' has its own estate tax above ',
            str(t_2(environment.getattr((undefined(name='s') if l_1_s is missing else l_1_s), 'exemption'))),
            ' (the ',
            str(environment.getattr((undefined(name='s') if l_1_s is missing else l_1_s), 'exemption_year')),
            ' figure), which applies even where no federal tax does, with no portability between spouses',
        ))
        if (not t_4(environment.getattr((undefined(name='s') if l_1_s is missing else l_1_s), 'tax'))):
            pass
            t_26.extend((
                ': about ',
                str(t_2(environment.getattr((undefined(name='s') if l_1_s is missing else l_1_s), 'tax'))),
                ' on ',
                str(("the survivor's estate (both estates together)" if environment.getattr((undefined(name='s') if l_1_s is missing else l_1_s), 'both_estates') else 'your estate')),
                ' at a death this year',
            ))
        else:
            pass
            t_26.append(
                '; its tax is not computed here',
            )
        t_26.append(
            '.',
        )
        return concat(t_26)
    context.exported_vars.add('state_tax_applies')
    context.vars['state_tax_applies'] = l_0_state_tax_applies = Macro(environment, macro, 'state_tax_applies', ('r', 'p', 'f'), False, False, False, context.eval_ctx.autoescape)

blocks = {}
debug_info = '2=36&5=45&8=54&11=63&14=72&15=84&17=96&18=108&20=120&21=132&23=142&24=153&26=159&27=170&29=178&30=190&32=203&35=212&38=221&41=230&42=241&44=247&47=256&48=262&50=268&53=277&56=286&59=295&62=304&63=315&65=321&66=331&67=333'