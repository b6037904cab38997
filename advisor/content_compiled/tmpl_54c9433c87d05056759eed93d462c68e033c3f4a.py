from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'report/report.md.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_recommendation = l_0_state_section = l_0_document = missing
    try:
        t_1 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_2 = environment.filters['md']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'md' found.")
    pass
    included_template = environment.get_template('report/recommendation.md.j2', 'report/report.md.j2')._get_default_module(context)
    l_0_recommendation = getattr(included_template, 'recommendation', missing)
    if l_0_recommendation is missing:
        l_0_recommendation = undefined(f"the template {included_template.__name__!r} (imported on line 3 in 'report/report.md.j2') does not export the requested name 'recommendation'", name='recommendation')
    l_0_state_section = getattr(included_template, 'state_section', missing)
    if l_0_state_section is missing:
        l_0_state_section = undefined(f"the template {included_template.__name__!r} (imported on line 3 in 'report/report.md.j2') does not export the requested name 'state_section'", name='state_section')
    context.vars.update({'recommendation': l_0_recommendation, 'state_section': l_0_state_section})
    context.exported_vars.difference_update(('recommendation', 'state_section'))
    def macro(l_1_report, l_1_answers, l_1_defaults, l_1_client):
        t_3 = []
        if l_1_report is missing:
            l_1_report = undefined("parameter 'report' was not provided", name='report')
        if l_1_answers is missing:
            l_1_answers = undefined("parameter 'answers' was not provided", name='answers')
        if l_1_defaults is missing:
            l_1_defaults = undefined("parameter 'defaults' was not provided", name='defaults')
        if l_1_client is missing:
            l_1_client = undefined("parameter 'client' was not provided", name='client')
        pass
        t_3.append(
            '# Estate screening',
        )
        if l_1_client:
            pass
            t_3.extend((
                ' for ',
                str(t_2(l_1_client)),
            ))
        t_3.extend((
            '\n\nPrepared ',
            str(environment.getattr(l_1_report, 'date')),
            ' · exclusion amounts of ',
            str(environment.getattr(l_1_report, 'tax_year')),
        ))
        if environment.getattr(l_1_report, 'flow_version'):
            pass
            t_3.extend((
                ' · interview version ',
                str(environment.getattr(l_1_report, 'flow_version')),
            ))
        t_3.extend((
            '\n\n> ',
            str(environment.getattr(l_1_report, 'disclaimer')),
            '\n\n',
        ))
        if environment.getattr(l_1_report, 'treaty'):
            pass
            t_3.append(
                '## Estate tax treaties: what may change this result\n\n',
            )
            for l_2_line in environment.getattr(l_1_report, 'treaty'):
                _loop_vars = {}
                pass
                t_3.extend((
                    '- ',
                    str(l_2_line),
                    '\n',
                ))
            l_2_line = missing
            t_3.append(
                '\n',
            )
        t_3.append(
            '## Summary\n\n',
        )
        l_2_loop = missing
        for l_2_r, l_2_loop in LoopContext(environment.getattr(l_1_report, 'recommendations'), undefined):
            _loop_vars = {}
            pass
            t_3.extend((
                str(environment.getattr(l_2_loop, 'index')),
                '. **',
                str(environment.getattr(l_2_r, 'title')),
                '**\n',
            ))
        l_2_loop = l_2_r = missing
        t_3.append(
            '\n',
        )
        l_2_loop = missing
        for l_2_r, l_2_loop in LoopContext(environment.getattr(l_1_report, 'recommendations'), undefined):
            _loop_vars = {}
            pass
            t_3.extend((
                '## ',
                str(environment.getattr(l_2_loop, 'index')),
                '. ',
                str(environment.getattr(l_2_r, 'title')),
                '\n\n',
                str(context.call((undefined(name='recommendation') if l_0_recommendation is missing else l_0_recommendation), l_2_r, '##', _loop_vars=_loop_vars)),
                '\n',
            ))
        l_2_loop = l_2_r = missing
        if environment.getattr(l_1_report, 'state_tax'):
            pass
            t_3.extend((
                '## State estate tax\n\n',
                str(context.call((undefined(name='state_section') if l_0_state_section is missing else l_0_state_section), environment.getattr(l_1_report, 'state_tax'))),
                '\n\n',
            ))
        t_3.append(
            '## Your answers\n\n| Question | Answer |\n|---|---|\n',
        )
        for (l_2_question, l_2_answer, l_2_assumed) in l_1_answers:
            _loop_vars = {}
            pass
            t_3.extend((
                '| ',
                str(l_2_question),
                ' | ',
                str(l_2_answer),
            ))
            if l_2_assumed:
                pass
                t_3.append(
                    ' (assumed)',
                )
            t_3.append(
                ' |\n',
            )
        l_2_question = l_2_answer = l_2_assumed = missing
        if l_1_defaults:
            pass
            t_3.extend((
                '\nYou did not answer ',
                str(t_1(l_1_defaults)),
                ' question',
                str(('s' if (t_1(l_1_defaults) > 1) else cond_expr_undefined("the inline if-expression on line 47 in 'report/report.md.j2' evaluated to false and no else section was defined."))),
                '; the screening assumed:\n\n',
            ))
            for l_2_item in l_1_defaults:
                _loop_vars = {}
                pass
                t_3.extend((
                    '- ',
                    str(environment.getattr(l_2_item, 'prompt')),
                    ' Assumed: ',
                    str(environment.getattr(l_2_item, 'answer')),
                    '.\n',
                ))
            l_2_item = missing
        if environment.getattr(l_1_report, 'notes'):
            pass
            t_3.append(
                '\n## Notes on the data\n\n',
            )
            for l_2_note in environment.getattr(l_1_report, 'notes'):
                _loop_vars = {}
                pass
                t_3.extend((
                    '- ',
                    str(l_2_note),
                    '\n',
                ))
            l_2_note = missing
        return concat(t_3)
    context.exported_vars.add('document')
    context.vars['document'] = l_0_document = Macro(environment, macro, 'document', ('report', 'answers', 'defaults', 'client'), False, False, False, context.eval_ctx.autoescape)

blocks = {}
debug_info = '3=24&4=33&5=47&8=55&11=67&13=70&16=75&17=80&23=91&24=95&27=105&28=110&30=114&32=118&35=122&42=128&43=133&45=146&47=150&49=155&50=160&53=166&57=171&58=176'