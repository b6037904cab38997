from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'alternatives.txt.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_naturalize_before_return = l_0_naturalize_before_return_planned = l_0_naturalize_after_return = l_0_annual_gifts_to_spouse = l_0_gifts_of_intangibles_nonresident = l_0_spouse_assigns_to_qdot = l_0_pay_tax_now = l_0_outright_gift_of_home = l_0_sale_to_grantor_trust = l_0_keep_home = l_0_us_situs_mix = l_0_nonrecourse_debt = l_0_gifts_of_intangibles = l_0_treaty_relief = l_0_life_insurance = l_0_lifetime_gifts = l_0_charitable_planning = l_0_liquidity_planning = l_0_state_credit_shelter = missing
    try:
        t_1 = environment.filters['money']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'money' found.")
    pass
    def macro():
        t_2 = []
        pass
        t_2.append(
            'The surviving spouse becomes a US citizen before the estate tax return is made and has lived in the US at all times since the death: the ordinary marital deduction then applies and no QDOT is needed (IRC 2056(d)(4)). A return filed early counts as made on its extended due date, so filing early does not cut this short. It is realistic only for a spouse who already has permanent residence.',
        )
        return concat(t_2)
    context.exported_vars.add('naturalize_before_return')
    context.vars['naturalize_before_return'] = l_0_naturalize_before_return = Macro(environment, macro, 'naturalize_before_return', (), False, False, False, context.eval_ctx.autoescape)
    def macro():
        t_3 = []
        pass
        t_3.append(
            'Your spouse plans to naturalize. If that happens before you die, or after your death but before the estate tax return is made (while living in the US throughout), the ordinary marital deduction applies and no QDOT is needed (IRC 2056(d)(4)). A QDOT in the documents is still the safety net if it takes longer.',
        )
        return concat(t_3)
    context.exported_vars.add('naturalize_before_return_planned')
    context.vars['naturalize_before_return_planned'] = l_0_naturalize_before_return_planned = Macro(environment, macro, 'naturalize_before_return_planned', (), False, False, False, context.eval_ctx.autoescape)
    def macro():
        t_4 = []
        pass
        t_4.append(
            "If the surviving spouse becomes a citizen after the return, the QDOT tax ends (IRC 2056A(b)(12)) when the spouse lived in the US at all times after the death, or no QDOT tax was paid on earlier distributions, or the spouse elects to treat those distributions as their own taxable gifts. The trustee files a final Form 706-QDT, the trust's assets are simply part of the spouse's estate, and the first spouse's unused exclusion can be used from the date of citizenship. Paying the tax at the first death gives up this path.",
        )
        return concat(t_4)
    context.exported_vars.add('naturalize_after_return')
    context.vars['naturalize_after_return'] = l_0_naturalize_after_return = Macro(environment, macro, 'naturalize_after_return', (), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_r, l_1_p, l_1_f):
        t_5 = []
        if l_1_r is missing:
            l_1_r = undefined("parameter 'r' was not provided", name='r')
        if l_1_p is missing:
            l_1_p = undefined("parameter 'p' was not provided", name='p')
        if l_1_f is missing:
            l_1_f = undefined("parameter 'f' was not provided", name='f')
        pass
        t_5.extend((
            'Gifts to a non-citizen spouse are free of gift tax up to a yearly amount (',
            str(t_1(environment.getattr(environment.getattr(l_1_f, 'noncitizen_spouse_annual_exclusion'), 'value'))),
            ' in ',
            str(environment.getattr(environment.getattr(environment.getattr(l_1_f, 'noncitizen_spouse_annual_exclusion'), 'facts'), 'year')),
            ', indexed each year) if they would qualify for the marital deduction were the spouse a citizen (26 CFR 25.2523(i)-1(c)). Made each year from now on while you both live, they move about ',
            str(t_1(environment.getattr(environment.getattr(l_1_f, 'spousal_gifts_from_now'), 'value'))),
            ' over ',
            str(environment.getattr(environment.getattr(environment.getattr(l_1_f, 'spousal_gifts_from_now'), 'facts'), 'years')),
            " years, and their growth, out of your estate into your spouse's. Larger gifts are not forbidden: they use your lifetime exemption.",
        ))
        return concat(t_5)
    context.exported_vars.add('annual_gifts_to_spouse')
    context.vars['annual_gifts_to_spouse'] = l_0_annual_gifts_to_spouse = Macro(environment, macro, 'annual_gifts_to_spouse', ('r', 'p', 'f'), False, False, False, context.eval_ctx.autoescape)
    def macro():
        t_6 = []
        pass
        t_6.append(
            'A donor who is neither a US citizen nor a US resident pays no US gift tax on gifts of intangible property, such as shares of US companies, or of property outside the US (IRC 2501(a)(2), 2511(a)), so such gifts to the spouse are not limited to the yearly amount for a non-citizen spouse. Gifts of US real estate or of tangible property in the US remain taxable, with no lifetime exemption.',
        )
        return concat(t_6)
    context.exported_vars.add('gifts_of_intangibles_nonresident')
    context.vars['gifts_of_intangibles_nonresident'] = l_0_gifts_of_intangibles_nonresident = Macro(environment, macro, 'gifts_of_intangibles_nonresident', (), False, False, False, context.eval_ctx.autoescape)
    def macro():
        t_7 = []
        pass
        t_7.append(
            'If no QDOT was set up in advance, the surviving spouse can still create one by irrevocably assigning what was inherited to a QDOT before the QDOT election is made on the estate tax return (IRC 2056(d)(2)(B); 26 CFR 20.2056A-4), so documents that allow a QDOT keep the choice open until the death.',
        )
        return concat(t_7)
    context.exported_vars.add('spouse_assigns_to_qdot')
    context.vars['spouse_assigns_to_qdot'] = l_0_spouse_assigns_to_qdot = Macro(environment, macro, 'spouse_assigns_to_qdot', (), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_r, l_1_p, l_1_f):
        t_8 = []
        if l_1_r is missing:
            l_1_r = undefined("parameter 'r' was not provided", name='r')
        if l_1_p is missing:
            l_1_p = undefined("parameter 'p' was not provided", name='p')
        if l_1_f is missing:
            l_1_f = undefined("parameter 'f' was not provided", name='f')
        pass
        t_8.extend((
            "Pay the tax at the first death and leave the rest outright: simpler, with no trustee or annual returns. The tax paid is then a credit against the survivor's own estate tax on the same property, with no reduction for the years between the deaths (IRC 2013 as modified by IRC 2056(d)(3)), but the credit is capped at the tax paid at the first death, so growth after it can be taxed again",
            str((', and the naturalization path above is lost' if ('naturalize_after_return' in environment.getattr(l_1_r, 'alternatives')) else cond_expr_undefined("the inline if-expression on line 21 in 'alternatives.txt.j2' evaluated to false and no else section was defined."))),
            '.',
        ))
        return concat(t_8)
    context.exported_vars.add('pay_tax_now')
    context.vars['pay_tax_now'] = l_0_pay_tax_now = Macro(environment, macro, 'pay_tax_now', ('r', 'p', 'f'), False, False, False, context.eval_ctx.autoescape)
    def macro():
        t_9 = []
        pass
        t_9.append(
            'Give the home (or a share of it) outright now: no survival risk, but the gift is the full value, not the reduced QPRT value.',
        )
        return concat(t_9)
    context.exported_vars.add('outright_gift_of_home')
    context.vars['outright_gift_of_home'] = l_0_outright_gift_of_home = Macro(environment, macro, 'outright_gift_of_home', (), False, False, False, context.eval_ctx.autoescape)
    def macro():
        t_10 = []
        pass
        t_10.append(
            'Sell the home to a trust for your heirs in exchange for a note: no survival test, but it needs cash flow and careful valuation. A QPRT itself may not sell the home back to you or your spouse (26 CFR 25.2702-5(c)(9)).',
        )
        return concat(t_10)
    context.exported_vars.add('sale_to_grantor_trust')
    context.vars['sale_to_grantor_trust'] = l_0_sale_to_grantor_trust = Macro(environment, macro, 'sale_to_grantor_trust', (), False, False, False, context.eval_ctx.autoescape)
    def macro():
        t_11 = []
        pass
        t_11.append(
            'Keep the home and let it pass at death: the estate tax applies to its full value, but your heirs get a stepped-up basis.',
        )
        return concat(t_11)
    context.exported_vars.add('keep_home')
    context.vars['keep_home'] = l_0_keep_home = Macro(environment, macro, 'keep_home', (), False, False, False, context.eval_ctx.autoescape)
    def macro():
        t_12 = []
        pass
        t_12.append(
            "Hold fewer US-situs assets: bank deposits, portfolio debt and non-US funds are not US property for a non-resident's estate tax (IRC 2105), while US real estate and shares of US companies are.",
        )
        return concat(t_12)
    context.exported_vars.add('us_situs_mix')
    context.vars['us_situs_mix'] = l_0_us_situs_mix = Macro(environment, macro, 'us_situs_mix', (), False, False, False, context.eval_ctx.autoescape)
    def macro():
        t_13 = []
        pass
        t_13.append(
            'Finance US real estate with non-recourse debt: only the equity is then included in the US estate (26 CFR 20.2053-7), while recourse debt is only deducted in proportion to US assets against worldwide ones (IRC 2106(a)(1)).',
        )
        return concat(t_13)
    context.exported_vars.add('nonrecourse_debt')
    context.vars['nonrecourse_debt'] = l_0_nonrecourse_debt = Macro(environment, macro, 'nonrecourse_debt', (), False, False, False, context.eval_ctx.autoescape)
    def macro():
        t_14 = []
        pass
        t_14.append(
            'Give away US shares and other intangibles during life: a non-resident who is not a citizen pays no US gift tax on them (IRC 2501(a)(2), 2511(a)). Gifts of US real estate, by contrast, are taxed with no lifetime exemption.',
        )
        return concat(t_14)
    context.exported_vars.add('gifts_of_intangibles')
    context.vars['gifts_of_intangibles'] = l_0_gifts_of_intangibles = Macro(environment, macro, 'gifts_of_intangibles', (), False, False, False, context.eval_ctx.autoescape)
    def macro():
        t_15 = []
        pass
        t_15.append(
            'Check the estate tax treaty with your country of domicile, if there is one: several limit what the US may tax or give a pro-rata unified credit (IRC 2102(b)(3)(A)) that can remove this tax entirely.',
        )
        return concat(t_15)
    context.exported_vars.add('treaty_relief')
    context.vars['treaty_relief'] = l_0_treaty_relief = Macro(environment, macro, 'treaty_relief', (), False, False, False, context.eval_ctx.autoescape)
    def macro():
        t_16 = []
        pass
        t_16.append(
            "Life insurance on a non-resident's life is not US property for estate tax (IRC 2105(a)), so it can pay the tax on US assets without adding to it.",
        )
        return concat(t_16)
    context.exported_vars.add('life_insurance')
    context.vars['life_insurance'] = l_0_life_insurance = Macro(environment, macro, 'life_insurance', (), False, False, False, context.eval_ctx.autoescape)
    def macro():
        t_17 = []
        pass
        t_17.append(
            'Lifetime gifts: the yearly exclusion per recipient, and gifts of assets likely to grow, move future growth out of the estate.',
        )
        return concat(t_17)
    context.exported_vars.add('lifetime_gifts')
    context.vars['lifetime_gifts'] = l_0_lifetime_gifts = Macro(environment, macro, 'lifetime_gifts', (), False, False, False, context.eval_ctx.autoescape)
    def macro():
        t_18 = []
        pass
        t_18.append(
            'Charitable bequests or trusts are deductible without limit (IRC 2055) and can reduce the tax to the level you choose.',
        )
        return concat(t_18)
    context.exported_vars.add('charitable_planning')
    context.vars['charitable_planning'] = l_0_charitable_planning = Macro(environment, macro, 'charitable_planning', (), False, False, False, context.eval_ctx.autoescape)
    def macro():
        t_19 = []
        pass
        t_19.append(
            'Plan how the tax would be paid: life insurance held outside the estate, or paying in instalments where a business is a large part of the estate (IRC 6166).',
        )
        return concat(t_19)
    context.exported_vars.add('liquidity_planning')
    context.vars['liquidity_planning'] = l_0_liquidity_planning = Macro(environment, macro, 'liquidity_planning', (), False, False, False, context.eval_ctx.autoescape)
    def macro():
        t_20 = []
        pass
        t_20.append(
            "Your state allows no portability, so leaving everything to the survivor wastes the first spouse's state exclusion. A credit shelter (bypass) trust at the first death, funded up to the state exclusion, keeps it, and may save state tax at the second death.",
        )
        return concat(t_20)
    context.exported_vars.add('state_credit_shelter')
    context.vars['state_credit_shelter'] = l_0_state_credit_shelter = Macro(environment, macro, 'state_credit_shelter', (), False, False, False, context.eval_ctx.autoescape)

blocks = {}
debug_info = '2=18&5=27&8=36&11=45&12=56&14=68&17=77&20=86&21=97&23=103&26=112&29=121&32=130&35=139&38=148&41=157&44=166&47=175&50=184&53=193&56=202'