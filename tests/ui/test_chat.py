"""The chat interview driven through Textual's Pilot: what the person sees after each key."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.widgets import Input, Label, OptionList, Tree

from advisor.answers_file import load_answers_file, personas
from advisor.engine import Session
from advisor.recording import SessionRecorder
from advisor.store import SessionStore
from advisor.ui.app import AdvisorApp
from advisor.ui.calculator_screen import CalculatorScreen
from advisor.ui.cards import RecommendationCard
from advisor.ui.chat import ChatScreen
from advisor.ui.path import DecisionPathScreen
from advisor.ui.review import EditAnswerScreen, ReviewScreen
from advisor.ui.transcript import AdvisorMessage, HelpMessage, PersonMessage
from tests.ui.screen_text import edit_in_review, from_palette, screen_lines, screen_text, settle, shown_beside

SIZE = (100, 32)
NO_TAX_UNTIL_THE_HOME = {
    "citizenship": "us",
    "domicile": "us",
    "state": "TX",
    "age": 50,
    "married": False,
    "estate_total": "1m",
    "prior_taxable_gifts": 0,
    "estate_growth": "3%",
}
"""A single Texan with a $1M estate, answered up to the home question: the route ends in no action."""


def chat(app: AdvisorApp) -> ChatScreen:
    assert isinstance(app.screen, ChatScreen), app.screen
    return app.screen


def last_advisor_text(app: AdvisorApp) -> str:
    return chat(app).query(AdvisorMessage).last().source


def person_texts(app: AdvisorApp) -> list[str]:
    return [str(message.render()) for message in chat(app).query(PersonMessage)]


async def type_answer(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    field = pilot.app.screen.query_one("#answer-input", Input)
    field.value = text
    await pilot.press("enter")
    await pilot.pause()


async def test_first_question_and_choice_answer() -> None:
    app = AdvisorApp(Session())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert last_advisor_text(app) == "Are you a citizen of the United States?"
        assert isinstance(app.focused, OptionList)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert person_texts(app) == ["Not a US citizen"]
        assert app.session.answers == {"citizenship": "non_us"}
        assert last_advisor_text(app) == "Which country are you a citizen of?"
        label = str(chat(app).query_one("#progress-label", Label).render())
        assert label.startswith("Question 2 of about")
        field = chat(app).query_one("#answer-input", Input)
        field.value = "japan"
        await pilot.pause()
        assert str(chat(app).query_one("#reading", Label).render()) == "→ Japan (JP)"
        await type_answer(pilot, "Japn")
        assert "did you mean Japan (JP)?" in str(chat(app).query_one("#answer-error", Label).render())
        await type_answer(pilot, "japan")
        assert app.session.answers == {"citizenship": "non_us", "citizenship_country": "JP"}
        assert "permanent home" in last_advisor_text(app)


async def test_amount_reading_and_rejection_keep_the_question_open() -> None:
    session = Session.from_answers({"citizenship": "us", "domicile": "us", "state": "NY", "age": 64, "married": False})
    app = AdvisorApp(session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert session.current is not None and session.current.id == "estate_total"
        field = chat(app).query_one("#answer-input", Input)
        field.value = "2.5m"
        await pilot.pause()
        assert str(chat(app).query_one("#reading", Label).render()) == "→ $2,500,000"
        await type_answer(pilot, "lots")
        error = chat(app).query_one("#answer-error", Label)
        assert error.has_class("shown") and "could not read 'lots'" in str(error.render())
        assert session.current.id == "estate_total"
        assert chat(app).query_one("#answer-input", Input).value == "lots"
        await type_answer(pilot, "$2,500,000")
        assert session.answers["estate_total"] == 2_500_000
        assert person_texts(app)[-1] == "$2,500,000"


async def test_help_and_back() -> None:
    app = AdvisorApp(Session())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert "Why we ask" in chat(app).query(HelpMessage).last().source
        await pilot.press("enter")
        await pilot.pause()
        assert app.session.current is not None and app.session.current.id == "domicile"
        await pilot.press("escape")
        await pilot.pause()
        assert app.session.current is not None and app.session.current.id == "citizenship"
        assert last_advisor_text(app) == "Are you a citizen of the United States?"
        await pilot.press("escape")
        await pilot.pause()
        assert app.session.current.id == "citizenship"


async def test_review_edit_reroutes_and_keeps_later_answers() -> None:
    answers = {"citizenship": "us", "domicile": "us", "state": "NY", "age": 64, "married": False, "estate_total": "3m"}
    app = AdvisorApp(Session.from_answers(answers))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        listed = app.screen.query_one("#answers", OptionList)
        assert listed.option_count == len(app.session.review()) >= 6
        listed.highlighted = 1  # domicile
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EditAnswerScreen)
        await pilot.press("down", "enter")  # outside the United States
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert app.session.answers["domicile"] == "abroad"
        assert "state" not in app.session.answers
        assert app.session.current is not None and app.session.current.id == "domicile_country"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ChatScreen)
        assert last_advisor_text(app) == "Which country is your permanent home in?"
        await type_answer(pilot, "Portugal")
        assert app.session.answers["domicile_country"] == "PT"
        assert app.session.answers["estate_total"] == 3_000_000


async def test_edit_rejection_shows_message_in_dialog() -> None:
    app = AdvisorApp(Session.from_answers({"citizenship": "us", "domicile": "us", "state": "NY", "age": 64}))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+r")
        await pilot.pause()
        app.screen.query_one("#answers", OptionList).highlighted = 3
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EditAnswerScreen)
        app.screen.query_one("#answer-input", Input).value = "300"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EditAnswerScreen)
        assert "300" in str(app.screen.query_one("#answer-error", Label).render())
        assert app.session.answers["age"] == 64


async def test_decision_path_lights_the_route() -> None:
    app = AdvisorApp(
        Session.from_answers({"citizenship": "non_us", "citizenship_country": "JP", "domicile": "abroad",
                              "domicile_country": "JP"})
    )  # fmt: skip
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert isinstance(app.screen, DecisionPathScreen)
        labels = [str(node.label) for node in app.screen.query_one(Tree).root.children]
        assert labels[0].startswith("✔ Citizenship = Not a US citizen")
        assert any(label.startswith("◆ Age") for label in labels)
        assert any(label.startswith("· US state") for label in labels)
        assert labels[-1] == "· Screening of the answers (once every question is answered)"
        text = screen_text(app)
        assert "➜ Country of the home — if lives abroad" in text and "  US state — if lives in the US" in text
        assert "_" not in text  # no ids on screen


async def test_palette_opens_a_prefilled_calculator() -> None:
    session = Session.from_answers(
        {"citizenship": "us", "domicile": "us", "state": "NY", "age": 64, "married": False, "estate_total": "20m"}
    )
    app = AdvisorApp(session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await from_palette(pilot, "estate tax")
        await pilot.pause()
        assert isinstance(app.screen, CalculatorScreen)
        assert app.screen.query_one("#field-taxable_estate", Input).value == "20,000,000"
        assert app.screen.query_one("#field-year", Input).value == str(dt.date.today().year)


async def test_palette_describes_each_persona_in_its_own_words() -> None:
    app = AdvisorApp(Session())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"persona expat")
        await settle(pilot)
        first_comment = personas()["expat-couple"].read_text(encoding="utf-8").splitlines()[0].lstrip("# ")
        text = " ".join(screen_text(app).split())
        assert first_comment[:50] in text
        assert "An example person" not in text


async def test_answers_saved_as_accepted(tmp_path: Path) -> None:
    store = SessionStore.open(tmp_path)
    app = AdvisorApp(Session(), SessionRecorder(store, client_name="Ana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert store.list() == []
        await pilot.press("enter")
        await pilot.pause()
        [record] = store.list()
        assert record.client_name == "Ana"
        assert store.answers(record.id) == {"citizenship": "us"}
        assert "saved" in app.sub_title
    transcript = [(e.speaker, e.text) for e in store.transcript(record.id)]
    assert ("person", "US citizen") in transcript
    assert ("advisor", "Are you a citizen of the United States?") in transcript


async def test_loading_a_persona_from_the_palette_shows_its_recommendation_cards() -> None:
    app = AdvisorApp(Session())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await from_palette(pilot, "persona expat")
        await settle(pilot)
        assert app.session.is_complete
        cards = list(chat(app).query(RecommendationCard))
        assert [card.has_class("qdot") for card in cards] == [True]
        assert "QDOT" in str(cards[0].title)
        assert app.report is not None and [r["kind"] for r in app.report["recommendations"]] == ["qdot"]


async def test_finishing_the_interview_shows_no_action_with_what_would_change() -> None:
    answers = NO_TAX_UNTIL_THE_HOME
    app = AdvisorApp(Session.from_answers(answers))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.session.current is not None and app.session.current.id == "owns_residence"
        await pilot.press("down", "enter")
        await settle(pilot)
        [card] = chat(app).query(RecommendationCard)
        assert card.has_class("no_action")
        text = card.source
        assert "What would change the answer" in text


async def test_export_report_from_the_palette(tmp_path: Path) -> None:
    store = SessionStore.open(tmp_path)
    answers = NO_TAX_UNTIL_THE_HOME
    app = AdvisorApp(Session.from_answers(answers), SessionRecorder(store, client_name="<script>x</script>"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down", "enter")  # does not own a residence: the interview completes
        await settle(pilot)
        await from_palette(pilot, "export report printable")
        await settle(pilot)
    [report] = (tmp_path / "reports").glob("*.html")
    html = report.read_text(encoding="utf-8")
    assert "&lt;script&gt;x&lt;/script&gt;" in html and "<script>x</script>" not in html
    assert "What would change the answer" in html


async def test_figures_basis_after_the_recommendations() -> None:
    from advisor.ui.calculator_screen import ProvenanceScreen

    app = AdvisorApp(Session.from_answers(load_answers_file(personas()["expat-couple"]), defaults=True))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert isinstance(app.screen, ProvenanceScreen)
        assert app.report is not None
        [(heading, lines)] = app.screen.provenance.sections
        [recommendation] = app.report["recommendations"]
        assert heading == recommendation["title"]
        assert lines and all(basis for _, _, basis in lines)
        assert not any(label.startswith(("qdot", "qprt", "no_action")) for label, _, _ in lines)  # no kind ids
        shown = screen_lines(app)
        assert any(heading[:40] in line for line in shown)  # the title heads its figures
        label, value, _ = lines[0]
        assert shown_beside(shown, label, value)
        await pilot.press("end")
        await pilot.pause()
        last = app.screen.provenance.citations[-1]  # the parameter rows come last, each with its source
        assert " ".join(last.parameter.split()[:4]) in " ".join(screen_text(app).split())


async def test_changing_an_answer_after_the_results_screens_again() -> None:
    answers = {**NO_TAX_UNTIL_THE_HOME, "owns_residence": False}
    app = AdvisorApp(Session.from_answers(answers))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert [c.has_class("no_action") for c in chat(app).query(RecommendationCard)] == [True]
        field = await edit_in_review(pilot, "estate_total")
        assert field.value == "1,000,000"
        field.value = "40m"
        await pilot.press("enter", "escape")
        await settle(pilot)
        from advisor.ui.transcript import AdvisorNote

        notes = [note.source for note in chat(app).query(AdvisorNote)]
        assert any(note.startswith("Your answers changed") for note in notes)
        (card,) = chat(app).query(RecommendationCard)  # the updated card replaces the old one
        assert "about $10,000,000" in card.source
        assert app.report is not None and "about $10,000,000" in app.report["recommendations"][0]["summary"]


async def test_treaty_lines_come_before_the_cards() -> None:
    answers = load_answers_file(personas()["nonresident-treaty-japan"])
    session = Session.from_answers(answers, today=dt.date(2026, 11, 23), defaults=True)
    app = AdvisorApp(session)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        texts = [message.source for message in chat(app).query(AdvisorMessage)]
        assert "Your country of domicile is Japan, which has an estate tax treaty with the US." in texts
        messages = list(chat(app).query("AdvisorMessage, RecommendationCard"))
        first_card = next(i for i, widget in enumerate(messages) if widget.has_class("card"))
        treaty_at = next(i for i, widget in enumerate(messages) if "Japan" in getattr(widget, "source", ""))
        assert treaty_at < first_card and messages[first_card].has_class("no_action")
