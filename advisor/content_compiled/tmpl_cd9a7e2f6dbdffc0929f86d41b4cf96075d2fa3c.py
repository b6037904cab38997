from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'next_steps.txt.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_cross_border_attorney = l_0_choose_us_trustee = l_0_update_estate_documents = l_0_inventory_us_situs = l_0_appraise_home = l_0_term_with_attorney = l_0_deal_with_mortgage = l_0_plan_after_term = l_0_estate_attorney_review = l_0_keep_documents_current = missing
    pass
    def macro():
        t_1 = []
        pass
        t_1.append(
            'Talk to a US estate planning attorney who handles non-citizen spouses; bring this report and a list of assets by country.',
        )
        return concat(t_1)
    context.exported_vars.add('cross_border_attorney')
    context.vars['cross_border_attorney'] = l_0_cross_border_attorney = Macro(environment, macro, 'cross_border_attorney', (), False, False, False, context.eval_ctx.autoescape)
    def macro():
        t_2 = []
        pass
        t_2.append(
            'Decide who would be the US trustee (a US-citizen relative, a trust company or a bank) and whether a bond or letter of credit would be needed.',
        )
        return concat(t_2)
    context.exported_vars.add('choose_us_trustee')
    context.vars['choose_us_trustee'] = l_0_choose_us_trustee = Macro(environment, macro, 'choose_us_trustee', (), False, False, False, context.eval_ctx.autoescape)
    def macro():
        t_3 = []
        pass
        t_3.append(
            "Have wills or revocable trusts drafted so that the spouse's share can pass to a QDOT, or can be assigned to one after the death.",
        )
        return concat(t_3)
    context.exported_vars.add('update_estate_documents')
    context.vars['update_estate_documents'] = l_0_update_estate_documents = Macro(environment, macro, 'update_estate_documents', (), False, False, False, context.eval_ctx.autoescape)
    def macro():
        t_4 = []
        pass
        t_4.append(
            'List exactly which assets are US property for estate tax (US real estate, shares of US companies, tangible property in the US) and check whether an estate tax treaty with your country changes the result: several give a pro-rata unified credit (IRC 2102(b)(3)(A)) or a marital deduction or credit elected instead of a QDOT.',
        )
        return concat(t_4)
    context.exported_vars.add('inventory_us_situs')
    context.vars['inventory_us_situs'] = l_0_inventory_us_situs = Macro(environment, macro, 'inventory_us_situs', (), False, False, False, context.eval_ctx.autoescape)
    def macro():
        t_5 = []
        pass
        t_5.append(
            'Get a qualified appraisal of the home: the gift is computed from it and reported on Form 709.',
        )
        return concat(t_5)
    context.exported_vars.add('appraise_home')
    context.vars['appraise_home'] = l_0_appraise_home = Macro(environment, macro, 'appraise_home', (), False, False, False, context.eval_ctx.autoescape)
    def macro():
        t_6 = []
        pass
        t_6.append(
            'Choose the term with your attorney: longer terms mean smaller gifts but a higher chance of dying during the term.',
        )
        return concat(t_6)
    context.exported_vars.add('term_with_attorney')
    context.vars['term_with_attorney'] = l_0_term_with_attorney = Macro(environment, macro, 'term_with_attorney', (), False, False, False, context.eval_ctx.autoescape)
    def macro():
        t_7 = []
        pass
        t_7.append(
            'Decide what to do about any mortgage before funding the trust.',
        )
        return concat(t_7)
    context.exported_vars.add('deal_with_mortgage')
    context.vars['deal_with_mortgage'] = l_0_deal_with_mortgage = Macro(environment, macro, 'deal_with_mortgage', (), False, False, False, context.eval_ctx.autoescape)
    def macro():
        t_8 = []
        pass
        t_8.append(
            'Plan where you will live after the term and how fair rent would be set and paid.',
        )
        return concat(t_8)
    context.exported_vars.add('plan_after_term')
    context.vars['plan_after_term'] = l_0_plan_after_term = Macro(environment, macro, 'plan_after_term', (), False, False, False, context.eval_ctx.autoescape)
    def macro():
        t_9 = []
        pass
        t_9.append(
            'Estate tax is still projected: take this report to an estate planning attorney to weigh the planning listed above against its costs.',
        )
        return concat(t_9)
    context.exported_vars.add('estate_attorney_review')
    context.vars['estate_attorney_review'] = l_0_estate_attorney_review = Macro(environment, macro, 'estate_attorney_review', (), False, False, False, context.eval_ctx.autoescape)
    def macro():
        t_10 = []
        pass
        t_10.append(
            'Keep wills, beneficiary designations and the way property is titled up to date.',
        )
        return concat(t_10)
    context.exported_vars.add('keep_documents_current')
    context.vars['keep_documents_current'] = l_0_keep_documents_current = Macro(environment, macro, 'keep_documents_current', (), False, False, False, context.eval_ctx.autoescape)

blocks = {}
debug_info = '2=12&5=21&8=30&11=39&14=48&17=57&20=66&23=75&26=84&29=93'