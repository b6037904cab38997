"""Each calculator presented once, for every front end: its inputs (generated from its pydantic input
model) and ``present(result)``, a typed :class:`~advisor.presentation.model.Presentation` that the command
line prints as text and the app shows as a screen. Headless: no UI toolkit here, and the wording comes
from ``content/calculators/``.
"""
