from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'changes.txt.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_outcome = l_0_estate_total = l_0_estate_us_situs = l_0_spouse_estate_total = l_0_spouse_estate_us_situs = l_0_spouse_citizenship = l_0_residence_value = l_0_residence_to_children = l_0_state = missing
    try:
        t_1 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_2 = environment.filters['map']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'map' found.")
    try:
        t_3 = environment.filters['money']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'money' found.")
    try:
        t_4 = environment.filters['unique']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'unique' found.")
    pass
    def macro(l_1_c):
        t_5 = []
        if l_1_c is missing:
            l_1_c = undefined("parameter 'c' was not provided", name='c')
        pass
        if (environment.getattr(l_1_c, 'effect') == 'state_estate_tax'):
            pass
            t_5.append(
                'a state estate tax would apply',
            )
        elif (('qdot' in environment.getattr(l_1_c, 'kinds')) or ('qprt' in environment.getattr(l_1_c, 'kinds'))):
            pass
            t_5.extend((
                'the screening would recommend ',
                str(t_1(context.eval_ctx, t_2(context, t_4(environment, environment.getattr(l_1_c, 'kinds')), 'upper'), ' and ')),
            ))
        else:
            pass
            t_5.append(
                'federal estate tax would start to be due',
            )
        return concat(t_5)
    context.exported_vars.add('outcome')
    context.vars['outcome'] = l_0_outcome = Macro(environment, macro, 'outcome', ('c',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_c, l_1_p):
        t_6 = []
        if l_1_c is missing:
            l_1_c = undefined("parameter 'c' was not provided", name='c')
        if l_1_p is missing:
            l_1_p = undefined("parameter 'p' was not provided", name='p')
        pass
        t_6.extend((
            'If your estate were ',
            str(t_3(environment.getattr(l_1_c, 'changed_to'))),
            ' instead of ',
            str(t_3(environment.getattr(l_1_c, 'current'))),
            ', ',
            str(context.call((undefined(name='outcome') if l_0_outcome is missing else l_0_outcome), l_1_c)),
            '.',
        ))
        return concat(t_6)
    context.exported_vars.add('estate_total')
    context.vars['estate_total'] = l_0_estate_total = Macro(environment, macro, 'estate_total', ('c', 'p'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_c, l_1_p):
        t_7 = []
        if l_1_c is missing:
            l_1_c = undefined("parameter 'c' was not provided", name='c')
        if l_1_p is missing:
            l_1_p = undefined("parameter 'p' was not provided", name='p')
        pass
        t_7.extend((
            'If your US property were worth ',
            str(t_3(environment.getattr(l_1_c, 'changed_to'))),
            ' instead of ',
            str(t_3(environment.getattr(l_1_c, 'current'))),
            ', ',
            str(context.call((undefined(name='outcome') if l_0_outcome is missing else l_0_outcome), l_1_c)),
            '.',
        ))
        return concat(t_7)
    context.exported_vars.add('estate_us_situs')
    context.vars['estate_us_situs'] = l_0_estate_us_situs = Macro(environment, macro, 'estate_us_situs', ('c', 'p'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_c, l_1_p):
        t_8 = []
        if l_1_c is missing:
            l_1_c = undefined("parameter 'c' was not provided", name='c')
        if l_1_p is missing:
            l_1_p = undefined("parameter 'p' was not provided", name='p')
        pass
        t_8.extend((
            "If your spouse's estate were ",
            str(t_3(environment.getattr(l_1_c, 'changed_to'))),
            ' instead of ',
            str(t_3(environment.getattr(l_1_c, 'current'))),
            ', ',
            str(context.call((undefined(name='outcome') if l_0_outcome is missing else l_0_outcome), l_1_c)),
            '.',
        ))
        return concat(t_8)
    context.exported_vars.add('spouse_estate_total')
    context.vars['spouse_estate_total'] = l_0_spouse_estate_total = Macro(environment, macro, 'spouse_estate_total', ('c', 'p'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_c, l_1_p):
        t_9 = []
        if l_1_c is missing:
            l_1_c = undefined("parameter 'c' was not provided", name='c')
        if l_1_p is missing:
            l_1_p = undefined("parameter 'p' was not provided", name='p')
        pass
        t_9.extend((
            "If your spouse's US property were worth ",
            str(t_3(environment.getattr(l_1_c, 'changed_to'))),
            ' instead of ',
            str(t_3(environment.getattr(l_1_c, 'current'))),
            ', ',
            str(context.call((undefined(name='outcome') if l_0_outcome is missing else l_0_outcome), l_1_c)),
            '.',
        ))
        return concat(t_9)
    context.exported_vars.add('spouse_estate_us_situs')
    context.vars['spouse_estate_us_situs'] = l_0_spouse_estate_us_situs = Macro(environment, macro, 'spouse_estate_us_situs', ('c', 'p'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_c, l_1_p):
        t_10 = []
        if l_1_c is missing:
            l_1_c = undefined("parameter 'c' was not provided", name='c')
        if l_1_p is missing:
            l_1_p = undefined("parameter 'p' was not provided", name='p')
        pass
        t_10.extend((
            'If your spouse were not a US citizen, the marital deduction would not apply and ',
            str(context.call((undefined(name='outcome') if l_0_outcome is missing else l_0_outcome), l_1_c)),
            '.',
        ))
        return concat(t_10)
    context.exported_vars.add('spouse_citizenship')
    context.vars['spouse_citizenship'] = l_0_spouse_citizenship = Macro(environment, macro, 'spouse_citizenship', ('c', 'p'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_c, l_1_p):
        t_11 = []
        if l_1_c is missing:
            l_1_c = undefined("parameter 'c' was not provided", name='c')
        if l_1_p is missing:
            l_1_p = undefined("parameter 'p' was not provided", name='p')
        pass
        t_11.extend((
            'If your home were worth ',
            str(t_3(environment.getattr(l_1_c, 'changed_to'))),
            ' instead of ',
            str(t_3(environment.getattr(l_1_c, 'current'))),
            ', ',
            str(context.call((undefined(name='outcome') if l_0_outcome is missing else l_0_outcome), l_1_c)),
            '.',
        ))
        return concat(t_11)
    context.exported_vars.add('residence_value')
    context.vars['residence_value'] = l_0_residence_value = Macro(environment, macro, 'residence_value', ('c', 'p'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_c, l_1_p):
        t_12 = []
        if l_1_c is missing:
            l_1_c = undefined("parameter 'c' was not provided", name='c')
        if l_1_p is missing:
            l_1_p = undefined("parameter 'p' was not provided", name='p')
        pass
        t_12.extend((
            'If you wanted the home to pass to your children, ',
            str(context.call((undefined(name='outcome') if l_0_outcome is missing else l_0_outcome), l_1_c)),
            '.',
        ))
        return concat(t_12)
    context.exported_vars.add('residence_to_children')
    context.vars['residence_to_children'] = l_0_residence_to_children = Macro(environment, macro, 'residence_to_children', ('c', 'p'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_c, l_1_p):
        t_13 = []
        if l_1_c is missing:
            l_1_c = undefined("parameter 'c' was not provided", name='c')
        if l_1_p is missing:
            l_1_p = undefined("parameter 'p' was not provided", name='p')
        pass
        t_13.extend((
            'If you moved to ',
            str(environment.getattr(environment.getattr(l_1_c, 'details'), 'state_name')),
            ', its estate tax would apply above ',
            str(t_3(environment.getattr(environment.getattr(l_1_c, 'details'), 'exemption'))),
            ' (the ',
            str(environment.getattr(environment.getattr(l_1_c, 'details'), 'exemption_year')),
            ' figure; check the current one with the state).',
        ))
        return concat(t_13)
    context.exported_vars.add('state')
    context.vars['state'] = l_0_state = Macro(environment, macro, 'state', ('c', 'p'), False, False, False, context.eval_ctx.autoescape)

blocks = {}
debug_info = '2=36&3=41&5=60&6=69&8=79&9=88&11=98&12=107&14=117&15=126&17=136&18=145&20=151&21=160&23=170&24=179&26=185&27=194'