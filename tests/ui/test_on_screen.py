"""What a person reads, key by key, at 80x24 and 120x40: every label beside its value, the keys the
footer offers doing what they say, and the results reachable with the usual keys."""

from __future__ import annotations

from typing import Any

import pytest
from textual.widgets import Input

from advisor.answers_file import load_answers_file, personas
from advisor.engine import Session
from advisor.ui.app import AdvisorApp
from advisor.ui.calculator_screen import CalculatorScreen, ProvenanceScreen
from advisor.ui.cards import RecommendationCard
from advisor.ui.catalog import CALCULATORS
from advisor.ui.chat import ChatScreen
from advisor.ui.transcript import HelpMessage
from tests.ui.screen_text import (
    edit_in_review,
    label_start,
    lines_while_scrolling,
    screen_lines,
    screen_text,
    settle,
    shown_beside,
)

SIZES = [(80, 24), (120, 40)]
EXPAT = load_answers_file(personas()["qdot-and-qprt-couple"])


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("key", list(CALCULATORS))
async def test_every_figure_beside_its_value_and_every_basis_line(size: tuple[int, int], key: str) -> None:
    app = AdvisorApp(Session.from_answers(EXPAT, defaults=True))
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        app.open_calculator(key)
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CalculatorScreen) and screen.evaluation is not None
        assert "f2 Form ⇄ figures" in screen_lines(app)[-1] and "^b How computed" in screen_lines(app)[-1]
        await pilot.press("f2")
        assert app.focused is screen.query_one("#results")
        seen = await lines_while_scrolling(pilot)
        for label, value in screen.evaluation.figures:
            assert shown_beside(seen, label, value), f"{label!r} is not shown with {value!r}"
        await pilot.press("ctrl+b")
        await pilot.pause()
        basis = app.screen
        assert isinstance(basis, ProvenanceScreen)
        seen = await lines_while_scrolling(pilot)
        text = " ".join(" ".join(seen).split())
        for label, value, why in basis.provenance.lines:
            assert why, f"{label} has no basis"
            assert shown_beside(seen, label, value), f"{label!r} is not shown with {value!r}"
            assert label_start(why, 30) in text
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen


@pytest.mark.parametrize("size", SIZES)
async def test_results_take_focus_and_scroll_and_esc_undoes_nothing(size: tuple[int, int]) -> None:
    app = AdvisorApp(Session.from_answers(EXPAT, defaults=True))
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        chat = app.screen
        assert isinstance(chat, ChatScreen)
        transcript = chat.query_one("#transcript")
        assert app.focused is transcript
        cards = list(chat.query(RecommendationCard))
        assert len(cards) == 2
        assert "1. " + cards[0].title.split(". ", 1)[1][:40] in screen_text(app)  # the first card from its top
        top = transcript.scroll_y
        await pilot.press("pagedown")
        await pilot.pause()
        assert transcript.scroll_y > top
        await pilot.press("end")
        await pilot.pause()
        assert transcript.scroll_y == transcript.max_scroll_y
        assert cards[1].region.height > 10  # the second card is open, not a folded line at the bottom
        answers = app.session.to_answers()
        await pilot.press("escape")
        await pilot.pause()
        assert app.session.is_complete and app.session.to_answers() == answers
        assert any(n.message.startswith("Every question is answered") for n in app._notifications)


async def test_closing_review_shows_progress_then_the_updated_route(monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    import advisor.advice
    from advisor.screening import screen as real

    app = AdvisorApp(Session.from_answers(EXPAT, defaults=True))
    released = threading.Event()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)

        def slow(*args: Any, **kwargs: Any) -> Any:
            released.wait(timeout=60)  # the screening runs until the screen has been read while it runs
            return real(*args, **kwargs)

        monkeypatch.setattr(advisor.advice, "screen", slow)
        await pilot.press("ctrl+r")
        await pilot.pause()
        app.session.edit("owns_residence", False)
        await pilot.press("escape")
        await pilot.pause(ChatScreen.REVIEW_HOLD)  # the chat waits that long, unseen, for the screening
        await pilot.pause()
        assert "screening them…" in screen_text(app)
        assert app.report is None and all(card.has_class("stale") for card in app.screen.query(RecommendationCard))
        await pilot.press("escape")  # a second Esc while it runs goes back nowhere
        await pilot.pause()
        assert "screening them…" in screen_text(app)
        released.set()
        await settle(pilot)
        assert app.session.is_complete and app.session.answers["owns_residence"] is False
        (card,) = app.screen.query(RecommendationCard)  # the home is gone, and so is the QPRT
        assert card.has_class("qdot") and "QDOT" in screen_text(app)
        assert app.report is not None and [r["kind"] for r in app.report["recommendations"]] == ["qdot"]
        assert "Your answers changed, so I screened them again" in screen_lines(app)[2]  # the other route's note
        assert len(app.screen.query(".reviewed")) == 1


async def test_an_answer_changed_in_the_review_updates_the_cards_in_place_before_it_closes() -> None:
    app = AdvisorApp(Session.from_answers(EXPAT, defaults=True))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        cards = list(app.screen.query(RecommendationCard))
        assert "about $5,200,000" in cards[0].source
        (await edit_in_review(pilot, "estate_total")).value = "40m"
        await pilot.press("enter")
        await settle(pilot)  # screened while the review is still open
        assert app.report is not None and "about $10,000,000" in app.report["recommendations"][0]["summary"]
        await pilot.press("escape")
        await pilot.pause()
        assert list(app.screen.query(RecommendationCard)) == cards  # the same route: the same cards, updated
        assert "about $10,000,000" in cards[0].source and not any(card.has_class("stale") for card in cards)
        shown = screen_lines(app)
        assert "Your answers changed, so I screened them again" in shown[2]  # the note above the first card
        assert "about $10,000,000" in screen_text(app) and "1. A qualified domestic trust" in screen_text(app)
        assert app.advice is not None
        (await edit_in_review(pilot, "estate_total")).value = "30m"  # a second review: its note replaces the first's
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert len(app.screen.query(".reviewed")) == 1
        assert "Your answers changed, so I screened them again" in screen_lines(app)[2]


async def test_esc_before_the_screening_is_done_updates_the_same_route_in_place() -> None:
    app = AdvisorApp(Session.from_answers(EXPAT, defaults=True))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        cards = list(app.screen.query(RecommendationCard))
        await pilot.press("ctrl+r")
        await pilot.pause()
        app.session.edit("estate_total", "40m")  # nothing screened yet when the review closes
        await pilot.press("escape")
        await settle(pilot)
        assert list(app.screen.query(RecommendationCard)) == cards and not any(c.has_class("stale") for c in cards)
        assert "about $10,000,000" in cards[0].source and "about $10,000,000" in screen_text(app)
        assert all(card.border_subtitle == "updated after your review" for card in cards)
        assert app.report is not None and "about $10,000,000" in app.report["recommendations"][0]["summary"]
        assert "Your answers changed, so I screened them again" in screen_lines(app)[2]  # above the cards, in view
        assert "1. A qualified domestic trust" in screen_text(app)


async def test_esc_while_the_reviews_screening_runs_shows_why_the_cards_are_dimmed_then_updates_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The screening a changed answer starts in the review goes on when Esc comes before it is done (it is
    not started again), and the note above the cards says what is happening, where the person looks."""
    import threading

    import advisor.advice
    from advisor.screening import screen as real

    app = AdvisorApp(Session.from_answers(EXPAT, defaults=True))
    released = threading.Event()
    screened: list[object] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        cards = list(app.screen.query(RecommendationCard))

        def slow(*args: Any, **kwargs: Any) -> Any:
            screened.append(args)
            released.wait(timeout=60)  # the screening runs until the screen has been read while it runs
            return real(*args, **kwargs)

        monkeypatch.setattr(advisor.advice, "screen", slow)
        (await edit_in_review(pilot, "estate_total")).value = "40m"
        await pilot.press("enter")  # the screening starts, the review still open
        await pilot.press("escape")
        await pilot.pause(ChatScreen.REVIEW_HOLD)
        await pilot.pause()
        assert isinstance(app.screen, ChatScreen) and all(card.has_class("stale") for card in cards)
        shown = screen_lines(app)
        assert "screening them…" in screen_text(app)
        assert "Your answers changed, so I am screening them again" in shown[2]
        assert "1. A qualified domestic trust" in screen_text(app)
        released.set()
        await settle(pilot)
        assert len(screened) == 1  # the review's screening, not a second one
        assert list(app.screen.query(RecommendationCard)) == cards and not any(c.has_class("stale") for c in cards)
        shown = screen_lines(app)
        assert "Your answers changed, so I screened them again" in shown[2]  # the dimmed cards' note gives way
        assert len(app.screen.query(".reviewed")) == 1
        assert "about $10,000,000" in screen_text(app)


async def test_a_review_s_screening_that_fails_says_why_above_the_dimmed_cards(monkeypatch: pytest.MonkeyPatch) -> None:
    """The note that promised the dimmed cards' update gives way to the reason they were not updated, in view."""
    import threading

    import advisor.advice
    from advisor.calculators.parameters import MissingParameterError

    app = AdvisorApp(Session.from_answers(EXPAT, defaults=True))
    released = threading.Event()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        cards = list(app.screen.query(RecommendationCard))

        def failing(*args: Any, **kwargs: Any) -> Any:
            released.wait(timeout=60)  # fails only once the dimmed cards are on screen
            raise MissingParameterError("no basic exclusion amount for 2027; give it with --data-dir")

        monkeypatch.setattr(advisor.advice, "screen", failing)
        (await edit_in_review(pilot, "estate_total")).value = "40m"
        await pilot.press("enter")
        await pilot.press("escape")
        await pilot.pause(ChatScreen.REVIEW_HOLD)
        await pilot.pause()
        assert "will be updated" in screen_lines(app)[2] + screen_lines(app)[3]
        released.set()
        await settle(pilot)
        shown = screen_lines(app)
        assert "The answers cannot be screened yet: no basic exclusion amount for" in shown[2] and "2027" in shown[3]
        words = " ".join(" ".join(shown[2:5]).replace("█", " ").replace("▃", " ").split())
        assert "The dimmed recommendations below are for your earlier answers; Ctrl+R reviews them." in words
        assert "will be updated" not in screen_text(app) and len(app.screen.query(".reviewed")) == 1
        assert all(card.has_class("stale") for card in cards)  # still the earlier answers' recommendations


@pytest.mark.parametrize("size", SIZES)
async def test_keys_as_people_type_them(size: tuple[int, int]) -> None:
    app = AdvisorApp(Session.from_answers({"citizenship": "us", "domicile": "abroad", "domicile_country": "PT"}))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        footer = screen_lines(app)[-1]
        assert "f1 Why we ask" in footer and "^q Quit" in footer
        assert app.session.current is not None and app.session.current.id == "age"
        await pilot.press("?")
        await pilot.pause()
        assert app.screen.query(HelpMessage) and "Why we ask: A residence trust" in screen_text(app)
        assert app.screen.query_one("#answer-input", Input).value == ""
        await pilot.press(*"fifty", "enter")
        await pilot.pause()
        assert "could not read 'fifty' as an age" in screen_text(app)
        await pilot.press(*["backspace"] * 5, "5", "8")
        await pilot.pause()
        assert "could not read" not in screen_text(app) and "→ 58 years" in screen_text(app)
        await pilot.press("enter", "y")  # married? y
        await pilot.pause()
        assert app.session.answers["married"] is True and app.session.current.id == "spouse_citizenship"
        await pilot.press("n")  # the only option starting with n: Not a US citizen
        await pilot.pause()
        assert app.session.answers["spouse_citizenship"] == "non_us"
        await pilot.press("P", "T", "enter")  # the spouse's country
        await pilot.pause()
        assert app.session.current is not None and app.session.current.id == "spouse_domicile"
        await pilot.press("2")  # spouse's home: the second option
        await pilot.pause()
        assert app.session.answers["spouse_domicile"] == "abroad"
        assert app.session.current is not None and app.session.current.id == "spouse_domicile_country"
        await pilot.press("f1")  # F1 in a typed question too
        await pilot.pause()
        assert len(app.screen.query(HelpMessage)) == 2


async def test_decision_path_in_words_at_80_columns() -> None:
    app = AdvisorApp(Session.from_answers(EXPAT, defaults=True))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+t")
        await pilot.pause()
        seen = " ".join(await lines_while_scrolling(pilot))
        assert "✔ Spouse's citizenship = Not a US citizen" in seen
        assert "➜ Spouse's country of citizenship — if spouse not a US citizen" in seen
        assert "➜ QDOT" in seen and "➜ QPRT" in seen and "✔ the spouse is not a US citizen" in seen
        for identifier in ("spouse_citizenship", "(otherwise)", "qdot + ", "no_action"):
            assert identifier not in seen
