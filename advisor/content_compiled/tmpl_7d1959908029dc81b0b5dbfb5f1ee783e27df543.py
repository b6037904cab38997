from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'report/recommendation.md.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_state_section = l_0_recommendation = missing
    try:
        t_1 = environment.filters['money']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'money' found.")
    try:
        t_2 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    def macro(l_1_s):
        t_3 = []
        if l_1_s is missing:
            l_1_s = undefined("parameter 's' was not provided", name='s')
        pass
        t_3.extend((
            str(environment.getattr(l_1_s, 'name')),
            ' charges its own estate tax above ',
            str(t_1(environment.getattr(l_1_s, 'exemption'))),
            ' (the ',
            str(environment.getattr(l_1_s, 'exemption_year')),
            ' figure',
        ))
        if environment.getattr(l_1_s, 'top_rate_percent'):
            pass
            t_3.extend((
                ', top rate ',
                str(environment.getattr(l_1_s, 'top_rate_percent')),
                '%',
            ))
        t_3.extend((
            '), with no portability between spouses. The estate it would fall on (',
            str(t_1(environment.getattr(l_1_s, 'estate'))),
            str((", the survivor's: both estates together" if environment.getattr(l_1_s, 'both_estates') else cond_expr_undefined("the inline if-expression on line 3 in 'report/recommendation.md.j2' evaluated to false and no else section was defined."))),
            ') is ',
            str(('above' if environment.getattr(l_1_s, 'applies') else 'within')),
            ' that',
        ))
        if (not t_2(environment.getattr(l_1_s, 'tax'))):
            pass
            t_3.extend((
                ", and the state's tax on it would be about ",
                str(t_1(environment.getattr(l_1_s, 'tax'))),
            ))
            if environment.getattr(l_1_s, 'applies'):
                pass
                t_3.append(
                    ' at a death this year',
                )
        elif environment.getattr(l_1_s, 'applies'):
            pass
            t_3.append(
                "; the state's rate table is not in our data, so its tax is not computed",
            )
        t_3.append(
            '. State exclusions change often: check the current figure with the state before relying on it.',
        )
        return concat(t_3)
    context.exported_vars.add('state_section')
    context.vars['state_section'] = l_0_state_section = Macro(environment, macro, 'state_section', ('s',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_r, l_1_level):
        t_4 = []
        if l_1_r is missing:
            l_1_r = undefined("parameter 'r' was not provided", name='r')
        if l_1_level is missing:
            l_1_level = '##'
        pass
        t_4.extend((
            str(environment.getattr(l_1_r, 'summary')),
            '\n\n',
            str(l_1_level),
            '# Why\n\n',
        ))
        for l_2_reason in environment.getattr(l_1_r, 'reasons'):
            _loop_vars = {}
            pass
            t_4.extend((
                '- ',
                str(environment.getattr(l_2_reason, 'text')),
                '\n',
            ))
        l_2_reason = missing
        t_4.extend((
            '\n',
            str(l_1_level),
            '# Figures\n\n| Figure | Value | Basis |\n|---|---:|---|\n',
        ))
        for l_2_f in environment.getattr(l_1_r, 'figures'):
            _loop_vars = {}
            pass
            t_4.extend((
                '| ',
                str(environment.getattr(l_2_f, 'label')),
                ' | ',
                str(environment.getattr(l_2_f, 'display')),
                ' | ',
                str(environment.getattr(l_2_f, 'basis')),
                ' |\n',
            ))
        l_2_f = missing
        t_4.extend((
            '\n',
            str(l_1_level),
            '# Costs\n\n| Item | Range | Assumption |\n|---|---|---|\n',
        ))
        for l_2_cost in environment.getattr(l_1_r, 'costs'):
            _loop_vars = {}
            pass
            t_4.extend((
                '| ',
                str(environment.getattr(l_2_cost, 'item')),
                ' | ',
            ))
            if (environment.getattr(l_2_cost, 'low') == environment.getattr(l_2_cost, 'high')):
                pass
                t_4.append(
                    str(t_1(environment.getattr(l_2_cost, 'low'))),
                )
            else:
                pass
                t_4.extend((
                    str(t_1(environment.getattr(l_2_cost, 'low'))),
                    ' to ',
                    str(t_1(environment.getattr(l_2_cost, 'high'))),
                ))
            t_4.extend((
                str((' a year' if (environment.getattr(l_2_cost, 'per') == 'year') else ' once')),
                ' | ',
                str(environment.getattr(l_2_cost, 'assumption')),
                ' |\n',
            ))
        l_2_cost = missing
        t_4.append(
            '\n',
        )
        if environment.getattr(l_1_r, 'pitfalls'):
            pass
            t_4.extend((
                str(l_1_level),
                '# Pitfalls\n\n',
            ))
            for l_2_item in environment.getattr(l_1_r, 'pitfalls'):
                _loop_vars = {}
                pass
                t_4.extend((
                    '- ',
                    str(environment.getattr(l_2_item, 'text')),
                    '\n',
                ))
            l_2_item = missing
            t_4.append(
                '\n',
            )
        if environment.getattr(l_1_r, 'next_steps'):
            pass
            t_4.extend((
                str(l_1_level),
                '# Next steps\n\n',
            ))
            for l_2_item in environment.getattr(l_1_r, 'next_steps'):
                _loop_vars = {}
                pass
                t_4.extend((
                    '- ',
                    str(environment.getattr(l_2_item, 'text')),
                    '\n',
                ))
            l_2_item = missing
            t_4.append(
                '\n',
            )
        if environment.getattr(l_1_r, 'alternatives'):
            pass
            t_4.extend((
                str(l_1_level),
                '# Alternatives to weigh\n\n',
            ))
            for l_2_item in environment.getattr(l_1_r, 'alternatives'):
                _loop_vars = {}
                pass
                t_4.extend((
                    '- ',
                    str(environment.getattr(l_2_item, 'text')),
                    '\n',
                ))
            l_2_item = missing
            t_4.append(
                '\n',
            )
        if (environment.getattr(l_1_r, 'kind') == 'no_action'):
            pass
            t_4.extend((
                str(l_1_level),
                '# What would change the answer\n\n',
            ))
            l_2_loop = missing
            t_5 = 1
            for l_2_change, l_2_loop in LoopContext(environment.getattr(l_1_r, 'what_would_change'), undefined):
                _loop_vars = {}
                pass
                t_4.extend((
                    str(environment.getattr(l_2_loop, 'index')),
                    '. ',
                    str(environment.getattr(l_2_change, 'text')),
                    '\n',
                ))
                t_5 = 0
            l_2_loop = l_2_change = missing
            if t_5:
                pass
                t_4.append(
                    'No single change to your answers would change this outcome.\n',
                )
            t_4.append(
                '\n',
            )
        t_4.extend((
            str(l_1_level),
            '# Assumptions\n\n',
        ))
        for l_2_line in environment.getattr(l_1_r, 'assumptions'):
            _loop_vars = {}
            pass
            t_4.extend((
                '- ',
                str(l_2_line),
                '\n',
            ))
        l_2_line = missing
        t_4.extend((
            '\n',
            str(l_1_level),
            '# Legal basis and sources\n\n',
        ))
        for l_2_line in environment.getattr(l_1_r, 'legal_basis'):
            _loop_vars = {}
            pass
            t_4.extend((
                '- ',
                str(l_2_line),
                '\n',
            ))
        l_2_line = missing
        for l_2_citation in environment.getattr(l_1_r, 'citations'):
            _loop_vars = {}
            pass
            t_4.extend((
                '- ',
                str(environment.getattr(l_2_citation, 'text')),
                '\n',
            ))
        l_2_citation = missing
        t_4.extend((
            '\n> ',
            str(environment.getattr(l_1_r, 'disclaimer')),
            '\n',
        ))
        return concat(t_4)
    context.exported_vars.add('recommendation')
    context.vars['recommendation'] = l_0_recommendation = Macro(environment, macro, 'recommendation', ('r', 'level'), False, False, False, context.eval_ctx.autoescape)

blocks = {}
debug_info = '2=24&3=30&5=74&6=82&8=84&10=87&11=92&14=98&18=101&19=106&22=116&26=119&27=124&30=149&31=152&33=155&34=160&38=167&39=170&41=173&42=178&46=185&47=188&49=191&50=196&54=203&55=206&57=211&58=215&64=231&66=234&67=239&70=245&72=248&73=253&75=257&76=262&79=268'