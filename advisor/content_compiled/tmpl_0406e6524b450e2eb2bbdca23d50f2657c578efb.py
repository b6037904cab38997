from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'notes.txt.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_exclusion_year_missing = l_0_rate_month_missing = missing
    try:
        t_1 = environment.filters['pct']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'pct' found.")
    pass
    def macro(l_1_f):
        t_2 = []
        if l_1_f is missing:
            l_1_f = undefined("parameter 'f' was not provided", name='f')
        pass
        t_2.extend((
            'The exclusion amounts for ',
            str(environment.getattr(l_1_f, 'year')),
            ' are not in the data yet; the ',
            str(environment.getattr(l_1_f, 'used')),
            ' amounts are used, so the figures may understate the exclusion if it has been indexed since.',
        ))
        return concat(t_2)
    context.exported_vars.add('exclusion_year_missing')
    context.vars['exclusion_year_missing'] = l_0_exclusion_year_missing = Macro(environment, macro, 'exclusion_year_missing', ('f',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_f):
        t_3 = []
        if l_1_f is missing:
            l_1_f = undefined("parameter 'f' was not provided", name='f')
        pass
        t_3.extend((
            'The section 7520 rate for ',
            str(environment.getattr(l_1_f, 'month')),
            ' is not in the data yet; the latest published rate, for ',
            str(environment.getattr(l_1_f, 'used')),
            ' (',
            str(t_1(environment.getattr(l_1_f, 'rate'))),
            '), is used. The rate of the month the trust is funded applies.',
        ))
        return concat(t_3)
    context.exported_vars.add('rate_month_missing')
    context.vars['rate_month_missing'] = l_0_rate_month_missing = Macro(environment, macro, 'rate_month_missing', ('f',), False, False, False, context.eval_ctx.autoescape)

blocks = {}
debug_info = '2=18&3=25&5=33&6=40'