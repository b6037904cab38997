from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'report/report.html.j2'

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
    l_0_state_section = missing
    try:
        t_1 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_2 = environment.filters['money']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'money' found.")
    pass
    included_template = environment.get_template('report/recommendation.md.j2', 'report/report.html.j2')._get_default_module(context)
    l_0_state_section = getattr(included_template, 'state_section', missing)
    if l_0_state_section is missing:
        l_0_state_section = undefined(f"the template {included_template.__name__!r} (imported on line 3 in 'report/report.html.j2') does not export the requested name 'state_section'", name='state_section')
    context.vars['state_section'] = l_0_state_section
    context.exported_vars.discard('state_section')
    yield '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>Estate screening'
    if (undefined(name='client') if l_0_client is missing else l_0_client):
        pass
        yield ' for '
        yield escape((undefined(name='client') if l_0_client is missing else l_0_client))
    yield '</title>\n<style>\n  body { font-family: Georgia, "Times New Roman", serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; color: #111; line-height: 1.45; }\n  h1, h2, h3 { font-family: "Helvetica Neue", Arial, sans-serif; line-height: 1.2; }\n  h2 { border-bottom: 1px solid #999; padding-bottom: .2rem; margin-top: 2rem; }\n  table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .92rem; }\n  th, td { border: 1px solid #bbb; padding: .3rem .5rem; vertical-align: top; text-align: left; }\n  td.num { text-align: right; white-space: nowrap; }\n  .disclaimer { border-left: 4px solid #b00; padding: .4rem .8rem; background: #fff6f6; }\n  .treaty { border-left: 4px solid #06c; padding: .1rem .8rem; background: #f4f8ff; }\n  .meta, .rule { color: #555; font-size: .9rem; }\n  code { font-size: .85rem; }\n  @media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } section { break-inside: avoid-page; } }\n</style>\n</head>\n<body>\n<h1>Estate screening'
    if (undefined(name='client') if l_0_client is missing else l_0_client):
        pass
        yield ' for '
        yield escape((undefined(name='client') if l_0_client is missing else l_0_client))
    yield '</h1>\n<p class="meta">Prepared '
    yield escape(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'date'))
    yield ' · exclusion amounts of '
    yield escape(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'tax_year'))
    if environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'flow_version'):
        pass
        yield ' · interview version '
        yield escape(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'flow_version'))
    yield '</p>\n<p class="disclaimer">'
    yield escape(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'disclaimer'))
    yield '</p>\n'
    if environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'treaty'):
        pass
        yield '<section class="treaty">\n<h2>Estate tax treaties: what may change this result</h2>\n<ul>\n'
        for l_1_line in environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'treaty'):
            _loop_vars = {}
            pass
            yield '<li>'
            yield escape(l_1_line)
            yield '</li>\n'
        l_1_line = missing
        yield '</ul>\n</section>\n'
    yield '<h2>Summary</h2>\n<ol>\n'
    for l_1_r in environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'recommendations'):
        _loop_vars = {}
        pass
        yield '  <li><strong>'
        yield escape(environment.getattr(l_1_r, 'title'))
        yield '</strong></li>\n'
    l_1_r = missing
    yield '</ol>\n'
    l_1_loop = missing
    for l_1_r, l_1_loop in LoopContext(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'recommendations'), undefined):
        _loop_vars = {}
        pass
        yield '<section>\n<h2>'
        yield escape(environment.getattr(l_1_loop, 'index'))
        yield '. '
        yield escape(environment.getattr(l_1_r, 'title'))
        yield '</h2>\n<p>'
        yield escape(environment.getattr(l_1_r, 'summary'))
        yield '</p>\n<h3>Why</h3>\n<ul>\n'
        for l_2_reason in environment.getattr(l_1_r, 'reasons'):
            _loop_vars = {}
            pass
            yield '  <li>'
            yield escape(environment.getattr(l_2_reason, 'text'))
            yield '</li>\n'
        l_2_reason = missing
        yield '</ul>\n<h3>Figures</h3>\n<table>\n  <tr><th>Figure</th><th>Value</th><th>Basis</th></tr>\n'
        for l_2_f in environment.getattr(l_1_r, 'figures'):
            _loop_vars = {}
            pass
            yield '  <tr><td>'
            yield escape(environment.getattr(l_2_f, 'label'))
            yield '</td><td class="num">'
            yield escape(environment.getattr(l_2_f, 'display'))
            yield '</td><td>'
            yield escape(environment.getattr(l_2_f, 'basis'))
            yield '</td></tr>\n'
        l_2_f = missing
        yield '</table>\n<h3>Costs</h3>\n<table>\n  <tr><th>Item</th><th>Range</th><th>Assumption</th></tr>\n'
        for l_2_cost in environment.getattr(l_1_r, 'costs'):
            _loop_vars = {}
            pass
            yield '  <tr><td>'
            yield escape(environment.getattr(l_2_cost, 'item'))
            yield '</td><td class="num">'
            if (environment.getattr(l_2_cost, 'low') == environment.getattr(l_2_cost, 'high')):
                pass
                yield escape(t_2(environment.getattr(l_2_cost, 'low')))
            else:
                pass
                yield escape(t_2(environment.getattr(l_2_cost, 'low')))
                yield ' to '
                yield escape(t_2(environment.getattr(l_2_cost, 'high')))
            yield escape((' a year' if (environment.getattr(l_2_cost, 'per') == 'year') else ' once'))
            yield '</td><td>'
            yield escape(environment.getattr(l_2_cost, 'assumption'))
            yield '</td></tr>\n'
        l_2_cost = missing
        yield '</table>\n'
        def t_3(fiter):
            for (l_2_heading, l_2_items) in fiter:
                if l_2_items:
                    yield (l_2_heading, l_2_items)
        for (l_2_heading, l_2_items) in t_3([('Pitfalls', environment.getattr(l_1_r, 'pitfalls')), ('Next steps', environment.getattr(l_1_r, 'next_steps')), ('Alternatives to weigh', environment.getattr(l_1_r, 'alternatives'))]):
            _loop_vars = {}
            pass
            yield '<h3>'
            yield escape(l_2_heading)
            yield '</h3>\n<ul>\n'
            for l_3_item in l_2_items:
                _loop_vars = {}
                pass
                yield '  <li>'
                yield escape(environment.getattr(l_3_item, 'text'))
                yield '</li>\n'
            l_3_item = missing
            yield '</ul>\n'
        l_2_heading = l_2_items = missing
        if (environment.getattr(l_1_r, 'kind') == 'no_action'):
            pass
            yield '<h3>What would change the answer</h3>\n'
            if environment.getattr(l_1_r, 'what_would_change'):
                pass
                yield '<ol>\n'
                for l_2_change in environment.getattr(l_1_r, 'what_would_change'):
                    _loop_vars = {}
                    pass
                    yield '  <li>'
                    yield escape(environment.getattr(l_2_change, 'text'))
                    yield '</li>\n'
                l_2_change = missing
                yield '</ol>\n'
            else:
                pass
                yield '<p>No single change to your answers would change this outcome.</p>\n'
        yield '<h3>Assumptions</h3>\n<ul>\n'
        for l_2_line in environment.getattr(l_1_r, 'assumptions'):
            _loop_vars = {}
            pass
            yield '  <li>'
            yield escape(l_2_line)
            yield '</li>\n'
        l_2_line = missing
        yield '</ul>\n<h3>Legal basis and sources</h3>\n<ul>\n'
        for l_2_line in environment.getattr(l_1_r, 'legal_basis'):
            _loop_vars = {}
            pass
            yield '  <li>'
            yield escape(l_2_line)
            yield '</li>\n'
        l_2_line = missing
        for l_2_citation in environment.getattr(l_1_r, 'citations'):
            _loop_vars = {}
            pass
            yield '  <li>'
            yield escape(environment.getattr(l_2_citation, 'text'))
            yield '</li>\n'
        l_2_citation = missing
        yield '</ul>\n<p class="disclaimer">'
        yield escape(environment.getattr(l_1_r, 'disclaimer'))
        yield '</p>\n</section>\n'
    l_1_loop = l_1_r = missing
    if environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'state_tax'):
        pass
        yield '<h2>State estate tax</h2>\n<p>'
        yield escape(context.call((undefined(name='state_section') if l_0_state_section is missing else l_0_state_section), environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'state_tax')))
        yield '</p>\n'
    yield '<h2>Your answers</h2>\n<table>\n  <tr><th>Question</th><th>Answer</th></tr>\n'
    for (l_1_question, l_1_answer, l_1_assumed) in (undefined(name='answers') if l_0_answers is missing else l_0_answers):
        _loop_vars = {}
        pass
        yield '  <tr><td>'
        yield escape(l_1_question)
        yield '</td><td>'
        yield escape(l_1_answer)
        yield escape((' (assumed)' if l_1_assumed else cond_expr_undefined("the inline if-expression on line 114 in 'report/report.html.j2' evaluated to false and no else section was defined.")))
        yield '</td></tr>\n'
    l_1_question = l_1_answer = l_1_assumed = missing
    yield '</table>\n'
    if (undefined(name='defaults') if l_0_defaults is missing else l_0_defaults):
        pass
        yield '<p>You did not answer '
        yield escape(t_1((undefined(name='defaults') if l_0_defaults is missing else l_0_defaults)))
        yield ' question'
        yield escape(('s' if (t_1((undefined(name='defaults') if l_0_defaults is missing else l_0_defaults)) > 1) else cond_expr_undefined("the inline if-expression on line 118 in 'report/report.html.j2' evaluated to false and no else section was defined.")))
        yield '; the screening assumed:</p>\n<ul>\n'
        for l_1_item in (undefined(name='defaults') if l_0_defaults is missing else l_0_defaults):
            _loop_vars = {}
            pass
            yield '  <li>'
            yield escape(environment.getattr(l_1_item, 'prompt'))
            yield ' Assumed: '
            yield escape(environment.getattr(l_1_item, 'answer'))
            yield '.</li>\n'
        l_1_item = missing
        yield '</ul>\n'
    if environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'notes'):
        pass
        yield '<h2>Notes on the data</h2>\n<ul>\n'
        for l_1_note in environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'notes'):
            _loop_vars = {}
            pass
            yield '  <li>'
            yield escape(l_1_note)
            yield '</li>\n'
        l_1_note = missing
        yield '</ul>\n'
    yield '</body>\n</html>\n'

blocks = {}
debug_info = '3=28&9=35&25=40&26=45&27=53&28=55&32=58&33=62&40=67&41=71&44=76&46=80&47=84&50=86&51=90&57=94&58=98&64=106&65=110&68=126&69=134&71=136&72=140&76=145&78=148&80=151&81=155&90=163&91=167&96=171&97=175&99=178&100=182&103=186&106=189&108=192&113=195&114=199&117=206&118=209&120=213&121=217&125=223&128=226&129=230'