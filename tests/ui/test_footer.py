"""The chat's footer rebuilds only when the keys it shows change, and then shows the new ones."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.reactive import reactive
from textual.widgets import Input
from textual.widgets._footer import FooterKey

from advisor.ui.footer import KeysFooter


class Keys(App[None]):
    BINDINGS = [Binding("f5", "save", "Save"), Binding("f6", "open", "Open")]
    saving = reactive(True, bindings=True)

    def compose(self) -> ComposeResult:
        yield Input(id="first")
        yield Input(id="second")
        yield KeysFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.saving or action != "save"

    def action_save(self) -> None: ...

    def action_open(self) -> None: ...


def shown(app: Keys) -> list[str]:
    return [key.description for key in app.query(FooterKey)]


async def test_the_footer_stays_while_its_keys_stay_and_follows_them_when_they_change() -> None:
    app = Keys()
    async with app.run_test() as pilot:
        await pilot.pause()
        footer = app.query_one(KeysFooter)
        keys = list(footer.children)
        assert "Save" in shown(app) and "Open" in shown(app)
        app.query_one("#second").focus()  # the same keys with another field focused
        await pilot.pause()
        assert list(footer.children) == keys
        app.saving = False  # Save is no longer offered
        await pilot.pause()
        await pilot.pause()
        assert "Save" not in shown(app) and "Open" in shown(app)
