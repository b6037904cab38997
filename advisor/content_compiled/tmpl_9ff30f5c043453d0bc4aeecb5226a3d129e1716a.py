from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'report/report.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_state_section = l_0_document = missing
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
            '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>Estate screening',
        )
        if l_1_client:
            pass
            t_3.extend((
                ' for ',
                escape(l_1_client),
            ))
        t_3.append(
            '</title>\n<style>\n  body { font-family: Georgia, "Times New Roman", serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; color: #111; line-height: 1.45; }\n  h1, h2, h3 { font-family: "Helvetica Neue", Arial, sans-serif; line-height: 1.2; }\n  h2 { border-bottom: 1px solid #999; padding-bottom: .2rem; margin-top: 2rem; }\n  table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .92rem; }\n  th, td { border: 1px solid #bbb; padding: .3rem .5rem; vertical-align: top; text-align: left; }\n  td.num { text-align: right; white-space: nowrap; }\n  .disclaimer { border-left: 4px solid #b00; padding: .4rem .8rem; background: #fff6f6; }\n  .treaty { border-left: 4px solid #06c; padding: .1rem .8rem; background: #f4f8ff; }\n  .meta, .rule { color: #555; font-size: .9rem; }\n  code { font-size: .85rem; }\n  @media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } section { break-inside: avoid-page; } }\n</style>\n</head>\n<body>\n<h1>Estate screening',
        )
        if l_1_client:
            pass
            t_3.extend((
                ' for ',
                escape(l_1_client),
            ))
        t_3.extend((
            '</h1>\n<p class="meta">Prepared ',
            escape(environment.getattr(l_1_report, 'date')),
            ' · exclusion amounts of ',
            escape(environment.getattr(l_1_report, 'tax_year')),
        ))
        if environment.getattr(l_1_report, 'flow_version'):
            pass
            t_3.extend((
                ' · interview version ',
                escape(environment.getattr(l_1_report, 'flow_version')),
            ))
        t_3.extend((
            '</p>\n<p class="disclaimer">',
            escape(environment.getattr(l_1_report, 'disclaimer')),
            '</p>\n',
        ))
        if environment.getattr(l_1_report, 'treaty'):
            pass
            t_3.append(
                '<section class="treaty">\n<h2>Estate tax treaties: what may change this result</h2>\n<ul>\n',
            )
            for l_2_line in environment.getattr(l_1_report, 'treaty'):
                _loop_vars = {}
                pass
                t_3.extend((
                    '<li>',
                    escape(l_2_line),
                    '</li>\n',
                ))
            l_2_line = missing
            t_3.append(
                '</ul>\n</section>\n',
            )
        t_3.append(
            '<h2>Summary</h2>\n<ol>\n',
        )
        for l_2_r in environment.getattr(l_1_report, 'recommendations'):
            _loop_vars = {}
            pass
            t_3.extend((
                '  <li><strong>',
                escape(environment.getattr(l_2_r, 'title')),
                '</strong></li>\n',
            ))
        l_2_r = missing
        t_3.append(
            '</ol>\n',
        )
        l_2_loop = missing
        for l_2_r, l_2_loop in LoopContext(environment.getattr(l_1_report, 'recommendations'), undefined):
            _loop_vars = {}
            pass
            t_3.extend((
                '<section>\n<h2>',
                escape(environment.getattr(l_2_loop, 'index')),
                '. ',
                escape(environment.getattr(l_2_r, 'title')),
                '</h2>\n<p>',
                escape(environment.getattr(l_2_r, 'summary')),
                '</p>\n<h3>Why</h3>\n<ul>\n',
            ))
            for l_3_reason in environment.getattr(l_2_r, 'reasons'):
                _loop_vars = {}
                pass
                t_3.extend((
                    '  <li>',
                    escape(environment.getattr(l_3_reason, 'text')),
                    '</li>\n',
                ))
            l_3_reason = missing
            t_3.append(
                '</ul>\n<h3>Figures</h3>\n<table>\n  <tr><th>Figure</th><th>Value</th><th>Basis</th></tr>\n',
            )
            for l_3_f in environment.getattr(l_2_r, 'figures'):
                _loop_vars = {}
                pass
                t_3.extend((
                    '  <tr><td>',
                    escape(environment.getattr(l_3_f, 'label')),
                    '</td><td class="num">',
                    escape(environment.getattr(l_3_f, 'display')),
                    '</td><td>',
                    escape(environment.getattr(l_3_f, 'basis')),
                    '</td></tr>\n',
                ))
            l_3_f = missing
            t_3.append(
                '</table>\n<h3>Costs</h3>\n<table>\n  <tr><th>Item</th><th>Range</th><th>Assumption</th></tr>\n',
            )
            for l_3_cost in environment.getattr(l_2_r, 'costs'):
                _loop_vars = {}
                pass
                t_3.extend((
                    '  <tr><td>',
                    escape(environment.getattr(l_3_cost, 'item')),
                    '</td><td class="num">',
                ))
                if (environment.getattr(l_3_cost, 'low') == environment.getattr(l_3_cost, 'high')):
                    pass
                    t_3.append(
                        escape(t_2(environment.getattr(l_3_cost, 'low'))),
                    )
                else:
                    pass
                    t_3.extend((
                        escape(t_2(environment.getattr(l_3_cost, 'low'))),
                        ' to ',
                        escape(t_2(environment.getattr(l_3_cost, 'high'))),
                    ))
                if (environment.getattr(l_3_cost, 'per') == 'year'):
                    pass
                    t_3.append(
                        ' a year',
                    )
                else:
                    pass
                    t_3.append(
                        ' once',
                    )
                t_3.extend((
                    '</td><td>',
                    escape(environment.getattr(l_3_cost, 'assumption')),
                    '</td></tr>\n',
                ))
            l_3_cost = missing
            t_3.append(
                '</table>\n',
            )
            def t_4(fiter):
                for (l_3_heading, l_3_items) in fiter:
                    if l_3_items:
                        yield (l_3_heading, l_3_items)
            for (l_3_heading, l_3_items) in t_4([('Pitfalls', environment.getattr(l_2_r, 'pitfalls')), ('Next steps', environment.getattr(l_2_r, 'next_steps')), ('Alternatives to weigh', environment.getattr(l_2_r, 'alternatives'))]):
                _loop_vars = {}
                pass
                t_3.extend((
                    '<h3>',
                    escape(l_3_heading),
                    '</h3>\n<ul>\n',
                ))
                for l_4_item in l_3_items:
                    _loop_vars = {}
                    pass
                    t_3.extend((
                        '  <li>',
                        escape(environment.getattr(l_4_item, 'text')),
                        '</li>\n',
                    ))
                l_4_item = missing
                t_3.append(
                    '</ul>\n',
                )
            l_3_heading = l_3_items = missing
            if (environment.getattr(l_2_r, 'kind') == 'no_action'):
                pass
                t_3.append(
                    '<h3>What would change the answer</h3>\n',
                )
                if environment.getattr(l_2_r, 'what_would_change'):
                    pass
                    t_3.append(
                        '<ol>\n',
                    )
                    for l_3_change in environment.getattr(l_2_r, 'what_would_change'):
                        _loop_vars = {}
                        pass
                        t_3.extend((
                            '  <li>',
                            escape(environment.getattr(l_3_change, 'text')),
                            '</li>\n',
                        ))
                    l_3_change = missing
                    t_3.append(
                        '</ol>\n',
                    )
                else:
                    pass
                    t_3.append(
                        '<p>No single change to your answers would change this outcome.</p>\n',
                    )
            t_3.append(
                '<h3>Assumptions</h3>\n<ul>\n',
            )
            for l_3_line in environment.getattr(l_2_r, 'assumptions'):
                _loop_vars = {}
                pass
                t_3.extend((
                    '  <li>',
                    escape(l_3_line),
                    '</li>\n',
                ))
            l_3_line = missing
            t_3.append(
                '</ul>\n<h3>Legal basis and sources</h3>\n<ul>\n',
            )
            for l_3_line in environment.getattr(l_2_r, 'legal_basis'):
                _loop_vars = {}
                pass
                t_3.extend((
                    '  <li>',
                    escape(l_3_line),
                    '</li>\n',
                ))
            l_3_line = missing
            for l_3_citation in environment.getattr(l_2_r, 'citations'):
                _loop_vars = {}
                pass
                t_3.extend((
                    '  <li>',
                    escape(environment.getattr(l_3_citation, 'text')),
                    '</li>\n',
                ))
            l_3_citation = missing
            t_3.extend((
                '</ul>\n<p class="disclaimer">',
                escape(environment.getattr(l_2_r, 'disclaimer')),
                '</p>\n</section>\n',
            ))
        l_2_loop = l_2_r = missing
        if environment.getattr(l_1_report, 'state_tax'):
            pass
            t_3.extend((
                '<h2>State estate tax</h2>\n<p>',
                escape(context.call((undefined(name='state_section') if l_0_state_section is missing else l_0_state_section), environment.getattr(l_1_report, 'state_tax'))),
                '</p>\n',
            ))
        t_3.append(
            '<h2>Your answers</h2>\n<table>\n  <tr><th>Question</th><th>Answer</th></tr>\n',
        )
        for (l_2_question, l_2_answer, l_2_assumed) in l_1_answers:
            _loop_vars = {}
            pass
            t_3.extend((
                '  <tr><td>',
                escape(l_2_question),
                '</td><td>',
                escape(l_2_answer),
            ))
            if l_2_assumed:
                pass
                t_3.append(
                    ' (assumed)',
                )
            t_3.append(
                '</td></tr>\n',
            )
        l_2_question = l_2_answer = l_2_assumed = missing
        t_3.append(
            '</table>\n',
        )
        if l_1_defaults:
            pass
            t_3.extend((
                '<p>You did not answer ',
                escape(t_1(l_1_defaults)),
                ' question',
                escape(('s' if (t_1(l_1_defaults) > 1) else cond_expr_undefined("the inline if-expression on line 119 in 'report/report.html.j2' evaluated to false and no else section was defined."))),
                '; the screening assumed:</p>\n<ul>\n',
            ))
            for l_2_item in l_1_defaults:
                _loop_vars = {}
                pass
                t_3.extend((
                    '  <li>',
                    escape(environment.getattr(l_2_item, 'prompt')),
                    ' Assumed: ',
                    escape(environment.getattr(l_2_item, 'answer')),
                    '.</li>\n',
                ))
            l_2_item = missing
            t_3.append(
                '</ul>\n',
            )
        if environment.getattr(l_1_report, 'notes'):
            pass
            t_3.append(
                '<h2>Notes on the data</h2>\n<ul>\n',
            )
            for l_2_note in environment.getattr(l_1_report, 'notes'):
                _loop_vars = {}
                pass
                t_3.extend((
                    '  <li>',
                    escape(l_2_note),
                    '</li>\n',
                ))
            l_2_note = missing
            t_3.append(
                '</ul>\n',
            )
        t_3.append(
            '</body>\n</html>\n',
        )
        return concat(t_3)
    context.exported_vars.add('document')
    context.vars['document'] = l_0_document = Macro(environment, macro, 'document', ('report', 'answers', 'defaults', 'client'), False, False, False, context.eval_ctx.autoescape)

blocks = {}
debug_info = '3=24&4=30&10=44&26=53&27=61&28=73&29=76&33=81&34=86&41=96&42=101&45=109&47=114&48=118&51=121&52=126&58=133&59=138&65=149&66=154&69=188&70=197&72=200&73=205&77=213&79=218&81=223&82=228&91=243&92=248&97=255&98=260&100=264&101=269&104=275&107=279&109=283&114=289&115=294&118=310&119=314&121=319&122=324&126=333&129=338&130=343'