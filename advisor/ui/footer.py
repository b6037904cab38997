"""The chat's footer: Textual's, rebuilt only when the keys it shows change."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer

Keys = tuple[tuple[str, str, bool, str], ...]


def shown_keys(screen: Screen[object]) -> Keys:
    """What the footer shows: each key with its description, whether it is enabled, and its tooltip."""
    return tuple(
        (binding.key, binding.description, enabled, tooltip)
        for _, binding, enabled, tooltip in screen.active_bindings.values()
        if binding.show or binding.key == screen.app.COMMAND_PALETTE_BINDING
    )


class KeysFooter(Footer):
    """Textual's footer rebuilds itself (a dozen widgets, restyled) whenever the bindings may have
    changed: at every focus change, so at each answer, and on each return from another screen. Most of
    those times it would show the same keys; this one then stays as it is."""

    def __init__(self) -> None:
        super().__init__()
        self._shown: Keys | None = None
        """The keys of the last rebuild (None before the first)."""

    def bindings_changed(self, screen: Screen[object]) -> None:
        keys = shown_keys(screen)
        if keys == self._shown and screen is self.screen:
            return
        if screen.app.app_focus:  # the only case in which Footer rebuilds
            self._shown = keys
        super().bindings_changed(screen)
