from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'assumptions.txt.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_death_this_year = l_0_estate_growth = l_0_spouse_gifts_not_asked = l_0_gifts_at_this_years_amount = l_0_home_growth = l_0_second_death_at_term_end = l_0_valuation_month = l_0_costs_midpoint = l_0_home_basis_unknown = l_0_second_death_couple = l_0_comparison = l_0_survivor_age_unknown = missing
    try:
        t_1 = environment.filters['float']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'float' found.")
    try:
        t_2 = environment.filters['pct']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'pct' found.")
    pass
    def macro(l_1_f):
        t_3 = []
        if l_1_f is missing:
            l_1_f = undefined("parameter 'f' was not provided", name='f')
        pass
        t_3.extend((
            "The tax at a death is computed as if it happened this year, on today's estate, with the ",
            str(environment.getattr(l_1_f, 'year')),
            ' exclusion and no deductions other than those named.',
        ))
        return concat(t_3)
    context.exported_vars.add('death_this_year')
    context.vars['death_this_year'] = l_0_death_this_year = Macro(environment, macro, 'death_this_year', ('f',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_f):
        t_4 = []
        if l_1_f is missing:
            l_1_f = undefined("parameter 'f' was not provided", name='f')
        pass
        if environment.getattr(l_1_f, 'given'):
            pass
            t_4.extend((
                'The estate grows at the ',
                str(t_2(environment.getattr(l_1_f, 'growth'))),
                ' a year you gave',
            ))
        else:
            pass
            t_4.append(
                'You gave no growth, so none is assumed',
            )
        t_4.extend((
            ', over ',
            str(environment.getattr(l_1_f, 'years')),
            ' years (the median remaining lifetime); the exclusion of each later year is the last published one indexed at ',
            str(t_2(environment.getattr(l_1_f, 'inflation'))),
            ' a year (the law indexes it to inflation, which is not forecast).',
        ))
        return concat(t_4)
    context.exported_vars.add('estate_growth')
    context.vars['estate_growth'] = l_0_estate_growth = Macro(environment, macro, 'estate_growth', ('f',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_f):
        t_5 = []
        if l_1_f is missing:
            l_1_f = undefined("parameter 'f' was not provided", name='f')
        pass
        t_5.append(
            "Your spouse's lifetime taxable gifts were not asked; none are assumed.",
        )
        return concat(t_5)
    context.exported_vars.add('spouse_gifts_not_asked')
    context.vars['spouse_gifts_not_asked'] = l_0_spouse_gifts_not_asked = Macro(environment, macro, 'spouse_gifts_not_asked', ('f',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_f):
        t_6 = []
        if l_1_f is missing:
            l_1_f = undefined("parameter 'f' was not provided", name='f')
        pass
        t_6.extend((
            'Yearly gifts to a non-citizen spouse are counted for ',
            str(environment.getattr(l_1_f, 'years')),
            ' years from ',
            str(environment.getattr(l_1_f, 'year')),
            ' at the ',
            str(environment.getattr(l_1_f, 'year')),
            ' amount; the law indexes it each year, and only gifts made while both of you live count.',
        ))
        return concat(t_6)
    context.exported_vars.add('gifts_at_this_years_amount')
    context.vars['gifts_at_this_years_amount'] = l_0_gifts_at_this_years_amount = Macro(environment, macro, 'gifts_at_this_years_amount', ('f',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_f):
        t_7 = []
        if l_1_f is missing:
            l_1_f = undefined("parameter 'f' was not provided", name='f')
        pass
        if environment.getattr(l_1_f, 'given'):
            pass
            t_7.extend((
                'The home grows at the ',
                str(t_2(environment.getattr(l_1_f, 'growth'))),
                ' a year you gave for your estate.',
            ))
        else:
            pass
            t_7.extend((
                'You gave no growth, so the home is assumed to grow ',
                str(t_2(environment.getattr(l_1_f, 'growth'))),
                ' a year, a long-run assumption rather than a forecast.',
            ))
        return concat(t_7)
    context.exported_vars.add('home_growth')
    context.vars['home_growth'] = l_0_home_growth = Macro(environment, macro, 'home_growth', ('f',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_f):
        t_8 = []
        if l_1_f is missing:
            l_1_f = undefined("parameter 'f' was not provided", name='f')
        pass
        if (environment.getattr(l_1_f, 'marriage') == 'citizen_spouse'):
            pass
            t_8.append(
                "The tax is measured at the second death, as if it came at the end of the term, with everything left to the survivor and the first spouse's unused exclusion carried over by a timely return (portability).",
            )
        elif (environment.getattr(l_1_f, 'marriage') == 'noncitizen_spouse'):
            pass
            t_8.append(
                'The tax is measured on your own estate at the end of the term: what you leave your spouse is taxed at your death or, through a QDOT, later at your rates.',
            )
        else:
            pass
            t_8.append(
                'The tax is measured at your death, as if it came at the end of the term.',
            )
        t_8.extend((
            ' The exclusion is that of the year the term ends, the last published one indexed at ',
            str(t_2(environment.getattr(l_1_f, 'inflation'))),
            " a year; a state's exclusion is kept at its latest figure.",
        ))
        return concat(t_8)
    context.exported_vars.add('second_death_at_term_end')
    context.vars['second_death_at_term_end'] = l_0_second_death_at_term_end = Macro(environment, macro, 'second_death_at_term_end', ('f',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_f):
        t_9 = []
        if l_1_f is missing:
            l_1_f = undefined("parameter 'f' was not provided", name='f')
        pass
        t_9.extend((
            'The trust is valued as if funded on ',
            str(environment.getattr(l_1_f, 'today')),
            ' at the section 7520 rate for ',
            str(environment.getattr(l_1_f, 'month')),
            '; the rate of the month the trust is funded applies.',
        ))
        return concat(t_9)
    context.exported_vars.add('valuation_month')
    context.vars['valuation_month'] = l_0_valuation_month = Macro(environment, macro, 'valuation_month', ('f',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_f):
        t_10 = []
        if l_1_f is missing:
            l_1_f = undefined("parameter 'f' was not provided", name='f')
        pass
        t_10.append(
            'The costs are the middle of the ranges shown below.',
        )
        return concat(t_10)
    context.exported_vars.add('costs_midpoint')
    context.vars['costs_midpoint'] = l_0_costs_midpoint = Macro(environment, macro, 'costs_midpoint', ('f',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_f):
        t_11 = []
        if l_1_f is missing:
            l_1_f = undefined("parameter 'f' was not provided", name='f')
        pass
        t_11.append(
            'Your basis in the home is not known, so the income tax on the lost step-up is not counted; it lowers the value of the trust.',
        )
        return concat(t_11)
    context.exported_vars.add('home_basis_unknown')
    context.vars['home_basis_unknown'] = l_0_home_basis_unknown = Macro(environment, macro, 'home_basis_unknown', ('f',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_f):
        t_12 = []
        if l_1_f is missing:
            l_1_f = undefined("parameter 'f' was not provided", name='f')
        pass
        t_12.append(
            "With a US-citizen spouse nothing is taxed at the first death; the federal tax falls at the second death on both estates, against both exclusions if the first spouse's executor files a return to carry the unused one over (portability).",
        )
        return concat(t_12)
    context.exported_vars.add('second_death_couple')
    context.vars['second_death_couple'] = l_0_second_death_couple = Macro(environment, macro, 'second_death_couple', ('f',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_f):
        t_13 = []
        if l_1_f is missing:
            l_1_f = undefined("parameter 'f' was not provided", name='f')
        pass
        t_13.extend((
            "The routes are compared over both deaths: the first death, any QDOT tax, and the survivor's own estate tax with the credit for tax already paid, the survivor's death weighted by Table 2010CM. Amounts are in today's money, discounted at ",
            str(t_2(environment.getattr(l_1_f, 'discount'))),
            ' a year (the section 7520 rate) against growth of ',
            str(t_2(environment.getattr(l_1_f, 'growth'))),
            ' a year',
        ))
        if environment.getattr(l_1_f, 'survivor_in_us'):
            pass
            t_13.extend((
                '; the survivor becomes a citizen after the return with a probability of ',
                str(t_2(environment.getattr(l_1_f, 'naturalize_probability'))),
            ))
        elif (t_1(environment.getattr(l_1_f, 'inherited_us_situs')) == 0):
            pass
            t_13.append(
                '; the survivor, living abroad, holds what is inherited outright, once its tax is paid, in assets that are not US property (bank deposits, portfolio debt, non-US funds), so it leaves the US tax base (keeping it in US assets would favour a QDOT)',
            )
        else:
            pass
            t_13.extend((
                '; the survivor, living abroad, keeps ',
                str(t_2(environment.getattr(l_1_f, 'inherited_us_situs'))),
                ' of what is inherited outright in US assets, which stay taxable by the US',
            ))
        t_13.extend((
            '; exclusions after the last published year are indexed at ',
            str(t_2(environment.getattr(l_1_f, 'inflation'))),
            " a year; the QDOT's drafting, returns and bond premium are its own added costs.",
        ))
        return concat(t_13)
    context.exported_vars.add('comparison')
    context.vars['comparison'] = l_0_comparison = Macro(environment, macro, 'comparison', ('f',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_f):
        t_14 = []
        if l_1_f is missing:
            l_1_f = undefined("parameter 'f' was not provided", name='f')
        pass
        t_14.append(
            "The surviving spouse's age is not known, so the routes are not compared over both deaths.",
        )
        return concat(t_14)
    context.exported_vars.add('survivor_age_unknown')
    context.vars['survivor_age_unknown'] = l_0_survivor_age_unknown = Macro(environment, macro, 'survivor_age_unknown', ('f',), False, False, False, context.eval_ctx.autoescape)

blocks = {}
debug_info = '2=24&3=31&5=37&6=42&8=64&11=75&12=82&14=92&15=97&17=114&18=119&20=142&21=149&23=157&26=168&29=179&32=190&33=197&35=228'