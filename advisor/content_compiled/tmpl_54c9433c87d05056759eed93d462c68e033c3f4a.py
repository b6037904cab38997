from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'report/report.md.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_client = resolve('client')
    l_0_report = resolve('report')
    l_0_answers = resolve('answers')
    l_0_defaults = resolve('defaults')
    l_0_recommendation = l_0_state_section = missing
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
    yield '# Estate screening'
    if (undefined(name='client') if l_0_client is missing else l_0_client):
        pass
        yield ' for '
        yield str(t_2((undefined(name='client') if l_0_client is missing else l_0_client)))
    yield '\n\nPrepared '
    yield str(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'date'))
    yield ' · exclusion amounts of '
    yield str(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'tax_year'))
    if environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'flow_version'):
        pass
        yield ' · interview version '
        yield str(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'flow_version'))
    yield '\n\n> '
    yield str(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'disclaimer'))
    yield '\n\n'
    if environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'treaty'):
        pass
        yield '## Estate tax treaties: what may change this result\n\n'
        for l_1_line in environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'treaty'):
            _loop_vars = {}
            pass
            yield '- '
            yield str(l_1_line)
            yield '\n'
        l_1_line = missing
        yield '\n'
    yield '## Summary\n\n'
    l_1_loop = missing
    for l_1_r, l_1_loop in LoopContext(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'recommendations'), undefined):
        _loop_vars = {}
        pass
        yield str(environment.getattr(l_1_loop, 'index'))
        yield '. **'
        yield str(environment.getattr(l_1_r, 'title'))
        yield '**\n'
    l_1_loop = l_1_r = missing
    yield '\n'
    l_1_loop = missing
    for l_1_r, l_1_loop in LoopContext(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'recommendations'), undefined):
        _loop_vars = {}
        pass
        yield '## '
        yield str(environment.getattr(l_1_loop, 'index'))
        yield '. '
        yield str(environment.getattr(l_1_r, 'title'))
        yield '\n\n'
        yield str(context.call((undefined(name='recommendation') if l_0_recommendation is missing else l_0_recommendation), l_1_r, '##', _loop_vars=_loop_vars))
        yield '\n'
    l_1_loop = l_1_r = missing
    if environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'state_tax'):
        pass
        yield '## State estate tax\n\n'
        yield str(context.call((undefined(name='state_section') if l_0_state_section is missing else l_0_state_section), environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'state_tax')))
        yield '\n\n'
    yield '## Your answers\n\n| Question | Answer |\n|---|---|\n'
    for (l_1_question, l_1_answer, l_1_assumed) in (undefined(name='answers') if l_0_answers is missing else l_0_answers):
        _loop_vars = {}
        pass
        yield '| '
        yield str(l_1_question)
        yield ' | '
        yield str(l_1_answer)
        yield str((' (assumed)' if l_1_assumed else cond_expr_undefined("the inline if-expression on line 42 in 'report/report.md.j2' evaluated to false and no else section was defined.")))
        yield ' |\n'
    l_1_question = l_1_answer = l_1_assumed = missing
    if (undefined(name='defaults') if l_0_defaults is missing else l_0_defaults):
        pass
        yield '\nYou did not answer '
        yield str(t_1((undefined(name='defaults') if l_0_defaults is missing else l_0_defaults)))
        yield ' question'
        yield str(('s' if (t_1((undefined(name='defaults') if l_0_defaults is missing else l_0_defaults)) > 1) else cond_expr_undefined("the inline if-expression on line 46 in 'report/report.md.j2' evaluated to false and no else section was defined.")))
        yield '; the screening assumed:\n\n'
        for l_1_item in (undefined(name='defaults') if l_0_defaults is missing else l_0_defaults):
            _loop_vars = {}
            pass
            yield '- '
            yield str(environment.getattr(l_1_item, 'prompt'))
            yield ' Assumed: '
            yield str(environment.getattr(l_1_item, 'answer'))
            yield '.\n'
        l_1_item = missing
    if environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'notes'):
        pass
        yield '\n## Notes on the data\n\n'
        for l_1_note in environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'notes'):
            _loop_vars = {}
            pass
            yield '- '
            yield str(l_1_note)
            yield '\n'
        l_1_note = missing

blocks = {}
debug_info = '3=28&4=38&7=43&10=51&12=53&15=56&16=60&22=66&23=69&26=76&27=80&29=84&31=87&34=90&41=93&42=97&44=103&46=106&48=110&49=114&52=119&56=122&57=126'