from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'sessions/transcript.md.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_client = resolve('client')
    l_0_session_id = resolve('session_id')
    l_0_created = resolve('created')
    l_0_updated = resolve('updated')
    l_0_status = resolve('status')
    l_0_entries = resolve('entries')
    try:
        t_1 = environment.filters['md']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'md' found.")
    pass
    yield '# Interview transcript: '
    yield str((t_1((undefined(name='client') if l_0_client is missing else l_0_client)) if (undefined(name='client') if l_0_client is missing else l_0_client) else 'unnamed client'))
    yield '\n\nSession '
    yield str((undefined(name='session_id') if l_0_session_id is missing else l_0_session_id))
    yield ' · started '
    yield str((undefined(name='created') if l_0_created is missing else l_0_created))
    yield ' · last saved '
    yield str((undefined(name='updated') if l_0_updated is missing else l_0_updated))
    yield ' · '
    yield str((undefined(name='status') if l_0_status is missing else l_0_status))
    yield '.\nThis is general guidance, not legal or tax advice.\n'
    t_2 = 1
    for l_1_entry in (undefined(name='entries') if l_0_entries is missing else l_0_entries):
        _loop_vars = {}
        pass
        yield '\n**'
        yield str(('Advisor' if (environment.getattr(l_1_entry, 'speaker') == 'advisor') else 'Client'))
        yield '** · '
        yield str(environment.getattr(l_1_entry, 'at'))
        yield '\n\n'
        if (environment.getattr(l_1_entry, 'speaker') == 'advisor'):
            pass
            yield str(environment.getattr(l_1_entry, 'text'))
            yield '\n'
        else:
            pass
            yield '> '
            yield str(t_1(environment.getattr(l_1_entry, 'text')))
            yield '\n'
        t_2 = 0
    l_1_entry = missing
    if t_2:
        pass
        yield '\nNothing has been said in this session yet.\n'

blocks = {}
debug_info = '3=24&5=26&7=35&9=39&11=43&12=45&14=50'