from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'recommendations.txt.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_route_name = l_0_title = l_0_summary = missing
    try:
        t_1 = environment.filters['abs']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'abs' found.")
    try:
        t_2 = environment.filters['float']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'float' found.")
    try:
        t_3 = environment.filters['int']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'int' found.")
    try:
        t_4 = environment.filters['money']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'money' found.")
    try:
        t_5 = environment.filters['pct']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'pct' found.")
    pass
    included_template = environment.get_template('figures.txt.j2', 'recommendations.txt.j2')._get_default_module(context)
    l_0_route_name = getattr(included_template, 'route_name', missing)
    if l_0_route_name is missing:
        l_0_route_name = undefined(f"the template {included_template.__name__!r} (imported on line 3 in 'recommendations.txt.j2') does not export the requested name 'route_name'", name='route_name')
    context.vars['route_name'] = l_0_route_name
    context.exported_vars.discard('route_name')
    def macro(l_1_r, l_1_p, l_1_f):
        t_6 = []
        if l_1_r is missing:
            l_1_r = undefined("parameter 'r' was not provided", name='r')
        if l_1_p is missing:
            l_1_p = undefined("parameter 'p' was not provided", name='p')
        if l_1_f is missing:
            l_1_f = undefined("parameter 'f' was not provided", name='f')
        pass
        if ((environment.getattr(l_1_r, 'kind') == 'qdot') and environment.getattr(l_1_r, 'standby')):
            pass
            t_6.extend((
                'QDOT provisions in your documents, in case ',
                str(('you die' if (environment.getattr(l_1_r, 'scenario') == 'person_dies_first') else 'your spouse dies')),
                ' first',
            ))
        elif ((environment.getattr(l_1_r, 'kind') == 'qdot') and (environment.getattr(l_1_r, 'scenario') == 'person_dies_first')):
            pass
            t_6.append(
                'A qualified domestic trust (QDOT) in case you die first',
            )
        elif (environment.getattr(l_1_r, 'kind') == 'qdot'):
            pass
            t_6.append(
                'A qualified domestic trust (QDOT) in case your spouse dies first',
            )
        elif (environment.getattr(l_1_r, 'kind') == 'qprt'):
            pass
            t_6.append(
                'A qualified personal residence trust (QPRT) for your home',
            )
        elif (context.call(environment.getattr(l_1_r, 'rule'), 'tax_without_planning_tool') or context.call(environment.getattr(l_1_r, 'rule'), 'state_estate_tax')):
            pass
            t_6.append(
                'No QDOT or QPRT fits, but estate tax is still projected',
            )
        else:
            pass
            t_6.append(
                'No estate planning structure needed now',
            )
        return concat(t_6)
    context.exported_vars.add('title')
    context.vars['title'] = l_0_title = Macro(environment, macro, 'title', ('r', 'p', 'f'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_r, l_1_p, l_1_f, l_1_routes, l_1_best):
        t_7 = []
        l_1_who = resolve('who')
        l_1_survivor = resolve('survivor')
        l_1_s = resolve('s')
        l_1_flip = resolve('flip')
        l_1_pay = resolve('pay')
        l_1_q = resolve('q')
        l_1_term = resolve('term')
        l_1_later = resolve('later')
        l_1_state = resolve('state')
        if l_1_r is missing:
            l_1_r = undefined("parameter 'r' was not provided", name='r')
        if l_1_p is missing:
            l_1_p = undefined("parameter 'p' was not provided", name='p')
        if l_1_f is missing:
            l_1_f = undefined("parameter 'f' was not provided", name='f')
        if l_1_routes is missing:
            l_1_routes = undefined("parameter 'routes' was not provided", name='routes')
        if l_1_best is missing:
            l_1_best = undefined("parameter 'best' was not provided", name='best')
        pass
        if (environment.getattr(l_1_r, 'kind') == 'qdot'):
            pass
            l_1_who = ('you' if (environment.getattr(l_1_r, 'scenario') == 'person_dies_first') else 'your spouse')
            l_1_survivor = ('your spouse' if (environment.getattr(l_1_r, 'scenario') == 'person_dies_first') else 'you')
            l_1_s = ('s' if ((undefined(name='survivor') if l_1_survivor is missing else l_1_survivor) == 'your spouse') else '')
            if environment.getattr(l_1_r, 'standby'):
                pass
                t_7.extend((
                    'No estate tax would be due if ',
                    str((undefined(name='who') if l_1_who is missing else l_1_who)),
                    ' died this year, but at the growth you gave the estate reaches ',
                    str(t_4(environment.getattr(environment.getattr(l_1_f, 'projected_estate'), 'value'))),
                    ' and would owe about ',
                    str(t_4(environment.getattr(environment.getattr(l_1_f, 'projected_tax_without_qdot'), 'value'))),
                    " at the first death, because property left to a spouse who is not a US citizen gets no marital deduction. Wills or revocable trusts that can send the spouse's share to a QDOT, or let ",
                    str((undefined(name='survivor') if l_1_survivor is missing else l_1_survivor)),
                    ' assign it to one after the death, cost little now and leave the choice to be made when the facts are known.',
                ))
            else:
                pass
                t_7.extend((
                    'If ',
                    str((undefined(name='who') if l_1_who is missing else l_1_who)),
                    ' died this year leaving the estate to ',
                    str((undefined(name='survivor') if l_1_survivor is missing else l_1_survivor)),
                    ', the estate would owe about ',
                    str(t_4(environment.getattr(environment.getattr(l_1_f, 'tax_without_qdot'), 'value'))),
                    ' of federal estate tax straight away, because property left to a spouse who is not a US citizen gets no marital deduction. Leaving it through a QDOT restores the deduction: the tax is postponed until principal is paid out of the trust or until ',
                    str((undefined(name='survivor') if l_1_survivor is missing else l_1_survivor)),
                    ' die',
                    str((undefined(name='s') if l_1_s is missing else l_1_s)),
                ))
                if ('naturalize_after_return' in environment.getattr(l_1_r, 'alternatives')):
                    pass
                    t_7.extend((
                        ', and it ends if ',
                        str((undefined(name='survivor') if l_1_survivor is missing else l_1_survivor)),
                        ' become',
                        str((undefined(name='s') if l_1_s is missing else l_1_s)),
                        ' a citizen under the conditions below',
                    ))
                t_7.append(
                    '.',
                )
            l_1_flip = (environment.getattr(l_1_f, 'breakeven_spread') if ('breakeven_spread' in l_1_f) else None)
            if l_1_best:
                pass
                l_1_pay = environment.getattr(l_1_routes, 'pay_now')
                l_1_q = environment.getattr(l_1_routes, 'qdot')
                t_7.extend((
                    ' Followed over both deaths, with ',
                    str((undefined(name='survivor') if l_1_survivor is missing else l_1_survivor)),
                    ' ',
                    str(('living in the US' if ('naturalize_after_return' in environment.getattr(l_1_r, 'alternatives')) else 'living abroad')),
                    ', the comparison favours ',
                    str(context.call((undefined(name='route_name') if l_0_route_name is missing else l_0_route_name), environment.getattr(environment.getattr(l_1_best, 'facts'), 'route'))),
                    ', at about ',
                    str(t_4(environment.getattr(l_1_best, 'value'))),
                    " of taxes and costs in today's money",
                ))
                if (environment.getattr(environment.getattr(l_1_best, 'facts'), 'route') != 'qdot'):
                    pass
                    t_7.extend((
                        '; a QDOT alone costs ',
                        str(t_4(environment.getattr((undefined(name='q') if l_1_q is missing else l_1_q), 'value'))),
                    ))
                if (environment.getattr(environment.getattr(l_1_best, 'facts'), 'route') != 'pay_now'):
                    pass
                    t_7.extend((
                        '; paying the tax at the first death costs ',
                        str(t_4(environment.getattr((undefined(name='pay') if l_1_pay is missing else l_1_pay), 'value'))),
                    ))
                t_7.append(
                    '.',
                )
                if (undefined(name='flip') if l_1_flip is missing else l_1_flip):
                    pass
                    t_7.extend((
                        ' A QDOT and paying at the first death change places if the discount rate is ',
                        str(t_5(t_1(environment.getattr((undefined(name='flip') if l_1_flip is missing else l_1_flip), 'value')))),
                        ' ',
                        str(('above' if (environment.getattr((undefined(name='flip') if l_1_flip is missing else l_1_flip), 'value') >= 0) else 'below')),
                        ' the growth rather than the ',
                        str(t_5(t_1(t_2(environment.getattr(environment.getattr((undefined(name='flip') if l_1_flip is missing else l_1_flip), 'facts'), 'assumed'))))),
                        ' ',
                        str(('above' if (t_2(environment.getattr(environment.getattr((undefined(name='flip') if l_1_flip is missing else l_1_flip), 'facts'), 'assumed')) >= 0) else 'below')),
                        ' assumed.',
                    ))
                t_7.append(
                    ' The decision is still best made at the first death, with the facts of the day.',
                )
            else:
                pass
                t_7.append(
                    ' Whether to use the QDOT or to pay the tax at the first death is best decided then, with the facts of the day.',
                )
            t_7.append(
                ' The trust needs a US trustee, annual attention and careful drafting.',
            )
        elif (environment.getattr(l_1_r, 'kind') == 'qprt'):
            pass
            l_1_term = t_3(environment.getattr(environment.getattr(l_1_f, 'suggested_term'), 'value'))
            t_7.extend((
                'Putting your home into a QPRT for ',
                str((undefined(name='term') if l_1_term is missing else l_1_term)),
                ' years would count as a gift of about ',
                str(t_4(environment.getattr(environment.getattr(l_1_f, 'gift'), 'value'))),
                ' today instead of leaving a home worth ',
                str(t_4(environment.getattr(environment.getattr(l_1_f, 'value_at_term_end'), 'value'))),
                ' (at ',
                str(('the growth you gave' if environment.getattr(environment.getattr(environment.getattr(l_1_f, 'value_at_term_end'), 'facts'), 'given') else 'the assumed growth')),
                ') in the estate. You keep living in it for the term; if you outlive it, which the life tables put at ',
                str(t_5(environment.getattr(environment.getattr(l_1_f, 'survival_probability'), 'value'))),
                ', the estate tax falls from ',
                str(t_4(environment.getattr(environment.getattr(l_1_f, 'family_tax_without_qprt'), 'value'))),
                ' to ',
                str(t_4(environment.getattr(environment.getattr(l_1_f, 'family_tax_with_qprt'), 'value'))),
                '. Weighed by that chance, less the income tax on the lost step-up in basis and the costs, the trust is worth an expected ',
                str(t_4(environment.getattr(environment.getattr(l_1_f, 'expected_net_value'), 'value'))),
                '. If you die during the term the home comes back into the estate and only the costs are lost.',
            ))
        elif (context.call(environment.getattr(l_1_r, 'rule'), 'no_tax_projected') and (not context.call(environment.getattr(l_1_r, 'rule'), 'state_estate_tax'))):
            pass
            t_7.extend((
                "On today's figures no federal estate tax is projected: ",
                str(t_4(environment.getattr(environment.getattr(l_1_f, 'taxable_estate'), 'value'))),
                ' is within the ',
                str(t_4(environment.getattr(environment.getattr(l_1_f, 'exclusion_left'), 'value'))),
                ' of exclusion ',
                str(('the two of you have' if environment.getattr(environment.getattr(environment.getattr(l_1_f, 'exclusion_left'), 'facts'), 'couple') else 'you have')),
                ' left. Neither a QDOT nor a QPRT would save anything, so the costs and constraints of either are not worth taking on. The changes listed below are the ones that would alter this.',
            ))
        else:
            pass
            l_1_later = (environment.getattr(l_1_f, 'projected_federal_tax') if ('projected_federal_tax' in l_1_f) else None)
            l_1_state = (environment.getattr(l_1_f, 'state_estate_tax') if ('state_estate_tax' in l_1_f) else None)
            if context.call(environment.getattr(l_1_r, 'rule'), 'tax_without_planning_tool'):
                pass
                t_7.extend((
                    'Federal estate tax of about ',
                    str(t_4(environment.getattr(environment.getattr(l_1_f, 'federal_tax_now'), 'value'))),
                    " would be due on today's estate",
                ))
                if (undefined(name='later') if l_1_later is missing else l_1_later):
                    pass
                    t_7.extend((
                        ', and about ',
                        str(t_4(environment.getattr((undefined(name='later') if l_1_later is missing else l_1_later), 'value'))),
                        ' on the estate projected at the growth you gave',
                    ))
            else:
                pass
                t_7.append(
                    'No federal estate tax is projected',
                )
            if (undefined(name='state') if l_1_state is missing else l_1_state):
                pass
                t_7.extend((
                    "; your state's estate tax would be about ",
                    str(t_4(environment.getattr((undefined(name='state') if l_1_state is missing else l_1_state), 'value'))),
                ))
            elif context.call(environment.getattr(l_1_r, 'rule'), 'state_estate_tax'):
                pass
                t_7.append(
                    "; your state's own estate tax also applies (see the state section)",
                )
            t_7.append(
                '. Neither a QDOT nor a QPRT fits, for the reasons below, but the planning listed under the alternatives can reduce the tax.',
            )
        return concat(t_7)
    context.exported_vars.add('summary')
    context.vars['summary'] = l_0_summary = Macro(environment, macro, 'summary', ('r', 'p', 'f', 'routes', 'best'), False, False, False, context.eval_ctx.autoescape)

blocks = {}
debug_info = '3=42&4=48&5=57&6=61&7=64&9=69&11=74&13=79&20=93&21=115&22=117&23=118&24=119&25=120&26=124&28=137&30=159&31=160&32=162&33=163&34=166&39=214&40=216&41=219&42=236&43=240&45=249&46=250&47=251'