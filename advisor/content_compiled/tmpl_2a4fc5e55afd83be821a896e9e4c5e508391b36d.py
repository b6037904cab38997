from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'report/diff.md.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_before_name = resolve('before_name')
    l_0_after_name = resolve('after_name')
    l_0_diff = resolve('diff')
    l_0_route = missing
    try:
        t_1 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_2 = environment.filters['md']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'md' found.")
    try:
        t_3 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    def macro(l_1_kinds):
        t_4 = []
        if l_1_kinds is missing:
            l_1_kinds = undefined("parameter 'kinds' was not provided", name='kinds')
        pass
        if t_3(l_1_kinds):
            pass
            t_4.append(
                'interview not finished',
            )
        elif l_1_kinds:
            pass
            t_4.append(
                str(t_1(context.eval_ctx, l_1_kinds, ' + ')),
            )
        else:
            pass
            t_4.append(
                'none',
            )
        return concat(t_4)
    context.exported_vars.add('route')
    context.vars['route'] = l_0_route = Macro(environment, macro, 'route', ('kinds',), False, False, False, context.eval_ctx.autoescape)
    yield '# What changed: '
    yield str(t_2((undefined(name='before_name') if l_0_before_name is missing else l_0_before_name)))
    yield ' → '
    yield str(t_2((undefined(name='after_name') if l_0_after_name is missing else l_0_after_name)))
    yield '\n\n'
    if environment.getattr((undefined(name='diff') if l_0_diff is missing else l_0_diff), 'unchanged'):
        pass
        yield 'Nothing changed: the same answers, the same route and the same figures.\n'
    else:
        pass
        yield '**Route:** '
        yield str(context.call((undefined(name='route') if l_0_route is missing else l_0_route), environment.getattr((undefined(name='diff') if l_0_diff is missing else l_0_diff), 'route_before')))
        yield ' → '
        yield str(context.call((undefined(name='route') if l_0_route is missing else l_0_route), environment.getattr((undefined(name='diff') if l_0_diff is missing else l_0_diff), 'route_after')))
        if (environment.getattr((undefined(name='diff') if l_0_diff is missing else l_0_diff), 'route_before') == environment.getattr((undefined(name='diff') if l_0_diff is missing else l_0_diff), 'route_after')):
            pass
            yield ' (unchanged)'
        yield '\n\n## Answers\n\n'
        if environment.getattr((undefined(name='diff') if l_0_diff is missing else l_0_diff), 'answers'):
            pass
            yield '| Question | Before | After |\n|---|---|---|\n'
            for l_1_d in environment.getattr((undefined(name='diff') if l_0_diff is missing else l_0_diff), 'answers'):
                _loop_vars = {}
                pass
                yield '| '
                yield str(environment.getattr(l_1_d, 'item'))
                yield ' | '
                yield str((environment.getattr(l_1_d, 'before') or 'not asked'))
                yield ' | '
                yield str((environment.getattr(l_1_d, 'after') or 'not asked'))
                yield ' |\n'
            l_1_d = missing
        else:
            pass
            yield 'The answers are the same.\n'
        yield '\n## Figures\n\n'
        if environment.getattr((undefined(name='diff') if l_0_diff is missing else l_0_diff), 'figures'):
            pass
            yield '| Figure | Before | After |\n|---|---:|---:|\n'
            for l_1_d in environment.getattr((undefined(name='diff') if l_0_diff is missing else l_0_diff), 'figures'):
                _loop_vars = {}
                pass
                yield '| '
                yield str(environment.getattr(l_1_d, 'item'))
                yield ' | '
                yield str((environment.getattr(l_1_d, 'before') or '—'))
                yield ' | '
                yield str((environment.getattr(l_1_d, 'after') or '—'))
                yield ' |\n'
            l_1_d = missing
        else:
            pass
            yield 'The figures are the same.\n'

blocks = {}
debug_info = '1=33&2=57&4=61&7=67&12=74&15=77&16=81&24=92&27=95&28=99'