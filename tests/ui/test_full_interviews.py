"""Whole interviews typed and picked through the UI, as a person would, ending on the routes the
personas are known to take (content/personas/routes.yaml)."""

from __future__ import annotations

import pytest
import yaml
from textual.widgets import Input, OptionList

from advisor.answers_file import load_answers_file, personas
from advisor.engine import Session
from advisor.resources import data_dir
from advisor.ui.answer import options_for
from advisor.ui.app import AdvisorApp
from advisor.ui.cards import RecommendationCard
from tests.ui.screen_text import settle

ROUTES = yaml.safe_load((data_dir("content") / "personas" / "routes.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("persona", ["us-couple-valuable-home", "qdot-and-qprt-couple"])
async def test_persona_interview_through_the_ui(persona: str) -> None:
    answers = load_answers_file(personas()[persona])
    app = AdvisorApp(Session())
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        while (question := app.session.current) is not None:
            given = next((answers[key] for key in question.keys if key in answers), question.default)
            if given is None:  # a question the persona leaves to its default of "unknown"
                given = "unknown"
            if question.kind in {"choice", "yes_no"}:
                values = [value for value, _ in options_for(question)]
                options = app.screen.query_one("#options", OptionList)
                assert app.focused is options
                steps = values.index(given) - (options.highlighted or 0)
                await pilot.press(*(["down"] * steps if steps > 0 else ["up"] * -steps), "enter")
            else:
                field = app.screen.query_one("#answer-input", Input)
                assert app.focused is field
                field.value = ""
                await pilot.press(*str(given).replace(" ", ""))
                await pilot.press("enter")
            await pilot.pause()
            assert question.id in app.session.answers, f"{question.id} was not accepted"
        await settle(pilot)
        cards = list(app.screen.query(RecommendationCard))
        kinds = [kind for card in cards for kind in ("qdot", "qprt", "no_action") if card.has_class(kind)]
        assert sorted(set(kinds)) == sorted(ROUTES[persona]["kinds"])
        assert app.report is not None
