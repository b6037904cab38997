from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'disclaimer.txt.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_disclaimer = missing
    pass
    def macro():
        t_1 = []
        pass
        t_1.append(
            'This is general guidance from a screening tool, not legal or tax advice. It rests on the answers given and on stated assumptions, and tax law changes. Before acting, take it to an estate planning attorney or tax adviser who can review your documents and your whole situation.',
        )
        return concat(t_1)
    context.exported_vars.add('disclaimer')
    context.vars['disclaimer'] = l_0_disclaimer = Macro(environment, macro, 'disclaimer', (), False, False, False, context.eval_ctx.autoescape)

blocks = {}
debug_info = '1=12'