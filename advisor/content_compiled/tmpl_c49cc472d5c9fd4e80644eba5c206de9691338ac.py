from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'treaty.txt.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_whose = l_0_question = l_0_box = missing
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
    def macro(l_1_who):
        t_3 = []
        if l_1_who is missing:
            l_1_who = undefined("parameter 'who' was not provided", name='who')
        pass
        t_3.append(
            str(('Your' if (l_1_who == 'you') else "Your spouse's")),
        )
        return concat(t_3)
    context.exported_vars.add('whose')
    context.vars['whose'] = l_0_whose = Macro(environment, macro, 'whose', ('who',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_id):
        t_4 = []
        if l_1_id is missing:
            l_1_id = undefined("parameter 'id' was not provided", name='id')
        pass
        t_4.append(
            str(environment.getitem({'domicile_country': 'your country of domicile', 'citizenship_country': 'your country of citizenship', 'spouse_domicile_country': "your spouse's country of domicile", 'spouse_citizenship_country': "your spouse's country of citizenship"}, l_1_id)),
        )
        return concat(t_4)
    context.exported_vars.add('question')
    context.vars['question'] = l_0_question = Macro(environment, macro, 'question', ('id',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_t):
        t_5 = []
        l_1_namespace = resolve('namespace')
        l_1_shown = missing
        if l_1_t is missing:
            l_1_t = undefined("parameter 't' was not provided", name='t')
        pass
        l_1_shown = context.call((undefined(name='namespace') if l_1_namespace is missing else l_1_namespace), rows=[])
        if environment.getattr(l_1_t, 'unknown'):
            pass
            t_5.append(
                'No estate tax treaty was considered for ',
            )
            l_2_loop = missing
            for l_2_id, l_2_loop in LoopContext(environment.getattr(l_1_t, 'unknown'), undefined):
                _loop_vars = {}
                pass
                t_5.extend((
                    str(context.call((undefined(name='question') if l_0_question is missing else l_0_question), l_2_id, _loop_vars=_loop_vars)),
                    str((', ' if (not environment.getattr(l_2_loop, 'last')) else cond_expr_undefined("the inline if-expression on line 13 in 'treaty.txt.j2' evaluated to false and no else section was defined."))),
                ))
            l_2_loop = l_2_id = missing
            t_5.extend((
                ': ',
                str(('it was' if (t_1(environment.getattr(l_1_t, 'unknown')) == 1) else 'they were')),
                ' not given (answers written before the interview asked for countries leave ',
                str(('it' if (t_1(environment.getattr(l_1_t, 'unknown')) == 1) else 'them')),
                ' out). A treaty with ',
                str(('that country' if (t_1(environment.getattr(l_1_t, 'unknown')) == 1) else 'those countries')),
                ' may change this result; answer the country questions to check.\n',
            ))
        for l_2_c in environment.getattr(l_1_t, 'countries'):
            _loop_vars = {}
            pass
            if environment.getattr(l_2_c, 'provisions'):
                pass
                t_5.extend((
                    str(context.call((undefined(name='whose') if l_0_whose is missing else l_0_whose), environment.getattr(l_2_c, 'who'), _loop_vars=_loop_vars)),
                    ' country of ',
                    str(environment.getattr(l_2_c, 'via')),
                    ' is ',
                    str(environment.getattr(l_2_c, 'country_name')),
                    ', which has an estate tax treaty with the US.',
                ))
                if (environment.getattr(l_2_c, 'via') == 'citizenship'):
                    pass
                    t_5.append(
                        ' Most of these treaties apply by domicile rather than citizenship.',
                    )
                t_5.append(
                    '\n',
                )
                for l_3_p in environment.getattr(l_2_c, 'provisions'):
                    l_3_key = missing
                    _loop_vars = {}
                    pass
                    l_3_key = str_join((environment.getattr(l_3_p, 'country'), '/', environment.getattr(l_3_p, 'provision'), ))
                    _loop_vars['key'] = l_3_key
                    if (((undefined(name='key') if l_3_key is missing else l_3_key) in environment.getattr((undefined(name='shown') if l_1_shown is missing else l_1_shown), 'rows')) and (environment.getattr(l_3_p, 'provision') not in environment.getattr(l_2_c, 'applied'))):
                        pass
                    elif (environment.getattr(l_3_p, 'provision') in environment.getattr(l_2_c, 'applied')):
                        pass
                        t_5.extend((
                            'Applied in the figures below: ',
                            str(environment.getattr(l_3_p, 'article')),
                            ' (',
                            str(environment.getattr(l_3_p, 'instrument')),
                            '): ',
                            str(environment.getattr(l_3_p, 'gives')),
                            '. Conditions: ',
                            str(environment.getattr(l_3_p, 'conditions')),
                            '. The worldwide estate you gave, after debts, stands in for the gross estate wherever situated; the claim attaches the foreign return or an inventory of the worldwide estate.\n',
                        ))
                    elif ((environment.getattr(l_3_p, 'provision') == 'marital_credit') and environment.getattr(l_1_t, 'marital_credit')):
                        pass
                    elif ((environment.getattr(l_3_p, 'provision') == 'pro_rata_credit') and (not environment.getattr(l_2_c, 'nonresident'))):
                        pass
                    elif environment.getattr(l_3_p, 'computed'):
                        pass
                        if not isinstance(l_1_shown, Namespace):
                            raise TemplateRuntimeError("cannot assign attribute on non-namespace object")
                        l_1_shown['rows'] = (environment.getattr((undefined(name='shown') if l_1_shown is missing else l_1_shown), 'rows') + [(undefined(name='key') if l_3_key is missing else l_3_key)])
                        t_5.extend((
                            str(environment.getattr(l_3_p, 'article')),
                            ' (',
                            str(environment.getattr(l_3_p, 'instrument')),
                            '): ',
                            str(environment.getattr(l_3_p, 'gives')),
                            '. It applies only where its conditions hold (',
                            str(environment.getattr(l_3_p, 'conditions')),
                            '); a treaty may change this result — not computed here.\n',
                        ))
                    else:
                        pass
                        if not isinstance(l_1_shown, Namespace):
                            raise TemplateRuntimeError("cannot assign attribute on non-namespace object")
                        l_1_shown['rows'] = (environment.getattr((undefined(name='shown') if l_1_shown is missing else l_1_shown), 'rows') + [(undefined(name='key') if l_3_key is missing else l_3_key)])
                        t_5.extend((
                            str(environment.getattr(l_3_p, 'article')),
                            ' (',
                            str(environment.getattr(l_3_p, 'instrument')),
                            '): ',
                            str(environment.getattr(l_3_p, 'gives')),
                            '. A treaty may change this result — not computed',
                        ))
                        if (not environment.getattr(l_3_p, 'verified')):
                            pass
                            t_5.append(
                                ': this provision was not verified against the treaty text',
                            )
                        t_5.append(
                            '.\n',
                        )
                l_3_p = l_3_key = missing
            else:
                pass
                t_5.extend((
                    str(context.call((undefined(name='whose') if l_0_whose is missing else l_0_whose), environment.getattr(l_2_c, 'who'), _loop_vars=_loop_vars)),
                    ' country of ',
                    str(environment.getattr(l_2_c, 'via')),
                    ', ',
                    str(environment.getattr(l_2_c, 'country_name')),
                    ', has no estate tax treaty with the US in our data: the figures use the Internal Revenue Code alone.\n',
                ))
        l_2_c = missing
        if environment.getattr(l_1_t, 'marital_credit'):
            pass
            t_5.extend((
                'Canadian marital credit (Art. XXIX B(3)-(4)), an alternative to the QDOT: if you die first and everything the US taxes passes to your spouse, electing it would bring the US estate tax from ',
                str(t_2(environment.getattr(environment.getattr(l_1_t, 'marital_credit'), 'tax_without'))),
                ' to ',
                str(t_2(environment.getattr(environment.getattr(l_1_t, 'marital_credit'), 'tax_with_credit'))),
                ' (a credit of ',
                str(t_2(environment.getattr(environment.getattr(l_1_t, 'marital_credit'), 'credit'))),
                '). The election waives the QDOT marital deduction irrevocably: a treaty marital relief and a QDOT are alternatives, never both (Reg. 20.2056A-1(c)). Compare it with the QDOT figures below before choosing.\n',
            ))
        if (environment.getattr(l_1_t, 'foreign_real_estate') > 0):
            pass
            t_5.extend((
                'You hold ',
                str(t_2(environment.getattr(l_1_t, 'foreign_real_estate'))),
                " of real estate outside the US. In a QDOT it counts as foreign real property, which the security rules limit; the country where it lies may tax it at death whatever the US does; and a residence trust (QPRT) for a home abroad needs advice under that country's law as well as US law.\n",
            ))
        elif environment.getattr(l_1_t, 'home_may_be_abroad'):
            pass
            t_5.append(
                "You live outside the US and own a home: if the home is abroad, a residence trust (QPRT) for it needs advice under that country's law as well as US law.\n",
            )
        return concat(t_5)
    context.exported_vars.add('box')
    context.vars['box'] = l_0_box = Macro(environment, macro, 'box', ('t',), False, False, False, context.eval_ctx.autoescape)

blocks = {}
debug_info = '3=24&4=35&9=41&10=46&11=53&12=54&13=60&15=77&16=80&17=83&19=98&20=102&21=104&22=106&23=110&24=119&25=121&26=123&27=127&28=129&30=142&31=144&35=163&38=171&39=175&41=182&42=186&43=189'