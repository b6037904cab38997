from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'report/recommendation.md.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_range = l_0_state_section = l_0_recommendation = missing
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
    def macro(l_1_cost):
        t_3 = []
        if l_1_cost is missing:
            l_1_cost = undefined("parameter 'cost' was not provided", name='cost')
        pass
        if (environment.getattr(l_1_cost, 'low') == environment.getattr(l_1_cost, 'high')):
            pass
            t_3.append(
                str(t_1(environment.getattr(l_1_cost, 'low'))),
            )
        else:
            pass
            t_3.extend((
                str(t_1(environment.getattr(l_1_cost, 'low'))),
                ' to ',
                str(t_1(environment.getattr(l_1_cost, 'high'))),
            ))
        t_3.append(
            str((' a year' if (environment.getattr(l_1_cost, 'per') == 'year') else ' once')),
        )
        return concat(t_3)
    context.exported_vars.add('range')
    context.vars['range'] = l_0_range = Macro(environment, macro, 'range', ('cost',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_s):
        t_4 = []
        if l_1_s is missing:
            l_1_s = undefined("parameter 's' was not provided", name='s')
        pass
        t_4.extend((
            str(environment.getattr(l_1_s, 'name')),
            ' charges its own estate tax above ',
            str(t_1(environment.getattr(l_1_s, 'exemption'))),
            ' (the ',
            str(environment.getattr(l_1_s, 'exemption_year')),
            ' figure',
        ))
        if environment.getattr(l_1_s, 'top_rate_percent'):
            pass
            t_4.extend((
                ', top rate ',
                str(environment.getattr(l_1_s, 'top_rate_percent')),
                '%',
            ))
        t_4.extend((
            '), with no portability between spouses. The estate it would fall on (',
            str(t_1(environment.getattr(l_1_s, 'estate'))),
            str((", the survivor's: both estates together" if environment.getattr(l_1_s, 'both_estates') else cond_expr_undefined("the inline if-expression on line 4 in 'report/recommendation.md.j2' evaluated to false and no else section was defined."))),
            ') is ',
            str(('above' if environment.getattr(l_1_s, 'applies') else 'within')),
            ' that',
        ))
        if (not t_2(environment.getattr(l_1_s, 'tax'))):
            pass
            t_4.extend((
                ", and the state's tax on it would be about ",
                str(t_1(environment.getattr(l_1_s, 'tax'))),
            ))
            if environment.getattr(l_1_s, 'applies'):
                pass
                t_4.append(
                    ' at a death this year',
                )
        elif environment.getattr(l_1_s, 'applies'):
            pass
            t_4.append(
                "; the state's rate table is not in our data, so its tax is not computed",
            )
        t_4.append(
            '. State exclusions change often: check the current figure with the state before relying on it.',
        )
        return concat(t_4)
    context.exported_vars.add('state_section')
    context.vars['state_section'] = l_0_state_section = Macro(environment, macro, 'state_section', ('s',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_r, l_1_level):
        t_5 = []
        if l_1_r is missing:
            l_1_r = undefined("parameter 'r' was not provided", name='r')
        if l_1_level is missing:
            l_1_level = '##'
        pass
        t_5.extend((
            str(environment.getattr(l_1_r, 'summary')),
            '\n\n',
            str(l_1_level),
            '# Why\n\n',
        ))
        for l_2_reason in environment.getattr(l_1_r, 'reasons'):
            _loop_vars = {}
            pass
            t_5.extend((
                '- ',
                str(environment.getattr(l_2_reason, 'text')),
                '\n',
            ))
        l_2_reason = missing
        t_5.extend((
            '\n',
            str(l_1_level),
            '# Figures\n\n| Figure | Value | Basis |\n|---|---:|---|\n',
        ))
        for l_2_f in environment.getattr(l_1_r, 'figures'):
            _loop_vars = {}
            pass
            t_5.extend((
                '| ',
                str(environment.getattr(l_2_f, 'label')),
                ' | ',
                str(environment.getattr(l_2_f, 'display')),
                ' | ',
                str(environment.getattr(l_2_f, 'basis')),
                ' |\n',
            ))
        l_2_f = missing
        t_5.extend((
            '\n',
            str(l_1_level),
            '# Costs\n\n| Item | Range | Assumption |\n|---|---|---|\n',
        ))
        for l_2_cost in environment.getattr(l_1_r, 'costs'):
            _loop_vars = {}
            pass
            t_5.extend((
                '| ',
                str(environment.getattr(l_2_cost, 'item')),
                ' | ',
                str(context.call((undefined(name='range') if l_0_range is missing else l_0_range), l_2_cost, _loop_vars=_loop_vars)),
                ' | ',
                str(environment.getattr(l_2_cost, 'assumption')),
                ' |\n',
            ))
        l_2_cost = missing
        t_5.append(
            '\n',
        )
        if environment.getattr(l_1_r, 'pitfalls'):
            pass
            t_5.extend((
                str(l_1_level),
                '# Pitfalls\n\n',
            ))
            for l_2_item in environment.getattr(l_1_r, 'pitfalls'):
                _loop_vars = {}
                pass
                t_5.extend((
                    '- ',
                    str(environment.getattr(l_2_item, 'text')),
                    '\n',
                ))
            l_2_item = missing
            t_5.append(
                '\n',
            )
        if environment.getattr(l_1_r, 'next_steps'):
            pass
            t_5.extend((
                str(l_1_level),
                '# Next steps\n\n',
            ))
            for l_2_item in environment.getattr(l_1_r, 'next_steps'):
                _loop_vars = {}
                pass
                t_5.extend((
                    '- ',
                    str(environment.getattr(l_2_item, 'text')),
                    '\n',
                ))
            l_2_item = missing
            t_5.append(
                '\n',
            )
        if environment.getattr(l_1_r, 'alternatives'):
            pass
            t_5.extend((
                str(l_1_level),
                '# Alternatives to weigh\n\n',
            ))
            for l_2_item in environment.getattr(l_1_r, 'alternatives'):
                _loop_vars = {}
                pass
                t_5.extend((
                    '- ',
                    str(environment.getattr(l_2_item, 'text')),
                    '\n',
                ))
            l_2_item = missing
            t_5.append(
                '\n',
            )
        if (environment.getattr(l_1_r, 'kind') == 'no_action'):
            pass
            t_5.extend((
                str(l_1_level),
                '# What would change the answer\n\n',
            ))
            l_2_loop = missing
            t_6 = 1
            for l_2_change, l_2_loop in LoopContext(environment.getattr(l_1_r, 'what_would_change'), undefined):
                _loop_vars = {}
                pass
                t_5.extend((
                    str(environment.getattr(l_2_loop, 'index')),
                    '. ',
                    str(environment.getattr(l_2_change, 'text')),
                    '\n',
                ))
                t_6 = 0
            l_2_loop = l_2_change = missing
            if t_6:
                pass
                t_5.append(
                    'No single change to your answers would change this outcome.\n',
                )
            t_5.append(
                '\n',
            )
        t_5.extend((
            str(l_1_level),
            '# Assumptions\n\n',
        ))
        for l_2_line in environment.getattr(l_1_r, 'assumptions'):
            _loop_vars = {}
            pass
            t_5.extend((
                '- ',
                str(l_2_line),
                '\n',
            ))
        l_2_line = missing
        t_5.extend((
            '\n',
            str(l_1_level),
            '# Legal basis and sources\n\n',
        ))
        for l_2_line in environment.getattr(l_1_r, 'legal_basis'):
            _loop_vars = {}
            pass
            t_5.extend((
                '- ',
                str(l_2_line),
                '\n',
            ))
        l_2_line = missing
        for l_2_citation in environment.getattr(l_1_r, 'citations'):
            _loop_vars = {}
            pass
            t_5.extend((
                '- ',
                str(environment.getattr(l_2_citation, 'text')),
                '\n',
            ))
        l_2_citation = missing
        t_5.extend((
            '\n> ',
            str(environment.getattr(l_1_r, 'disclaimer')),
            '\n',
        ))
        return concat(t_5)
    context.exported_vars.add('recommendation')
    context.vars['recommendation'] = l_0_recommendation = Macro(environment, macro, 'recommendation', ('r', 'level'), False, False, False, context.eval_ctx.autoescape)

blocks = {}
debug_info = '2=24&3=47&4=53&6=97&7=105&9=107&11=110&12=115&15=121&19=124&20=129&23=139&27=142&28=147&31=158&32=161&34=164&35=169&39=176&40=179&42=182&43=187&47=194&48=197&50=200&51=205&55=212&56=215&58=220&59=224&65=240&67=243&68=248&71=254&73=257&74=262&76=266&77=271&80=277'