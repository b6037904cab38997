"""The interview as shipped: the checked flow file, its question texts and the app's fixed messages,
compiled into one JSON file (``advisor/interview.json``).

Starting the app then reads that file instead of validating YAML and rendering templates, which
keeps the first question's way to the screen short. The tests compile it again from its sources and
fail if the shipped file differs, so it is never stale. Rebuild after changing
``flows/interview.yaml``, ``content/questions/`` or ``content/ui/``::

    python -m advisor.compiled_flow
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from advisor.content import source_environment
from advisor.engine.flow_file import read_flow_file
from advisor.resources import COMPILED_INTERVIEW, data_dir

INTERVIEW_FILE = "interview.yaml"


@dataclass(frozen=True, slots=True)
class QuestionText:
    """What a question says: the prompt and its 'why do we ask this?' help."""

    prompt: str
    help: str


@cache
def question_text(help_key: str) -> QuestionText:
    """A question's texts rendered from content/questions/ (the engine reads them precompiled)."""
    template = source_environment().get_template(f"questions/{help_key}.md.j2")
    context = template.new_context({})
    return QuestionText(
        prompt="".join(template.blocks["prompt"](context)).strip(),
        help="".join(template.blocks["help"](context)).strip(),
    )


UI_TEXTS = (
    "welcome",
    "complete",
    "updated",
    "reviewed",
    "card_updated",
    "basis_assumption",
    "basis_note",
    "basis_hint",
    "calculator_unread",
)
"""The app's fixed messages in content/ui/, shipped precompiled."""


def render_ui_text(name: str) -> str:
    """A fixed message of the app rendered from content/ui/, in Textual markup."""
    return source_environment().get_template(f"ui/{name}.txt.j2").render().strip()


def compile_flow(path: Path) -> dict[str, Any]:
    """A flow file checked, with the prompt and help text of each of its questions (by help key) and the
    app's fixed messages (by name)."""
    flow = read_flow_file(path)
    keys = sorted({state["help"] for state in flow["states"] if "help" in state})
    texts = {key: [question_text(key).prompt, question_text(key).help] for key in keys}
    return {"flow": flow, "texts": texts, "ui": {name: render_ui_text(name) for name in UI_TEXTS}}


def compiled_text(path: Path) -> str:
    """The compiled flow as the shipped file holds it (stable, readable JSON)."""
    return json.dumps(compile_flow(path), indent=1, ensure_ascii=False, sort_keys=True) + "\n"


def interview_source() -> Path:
    return data_dir("flows") / INTERVIEW_FILE


def main() -> None:
    COMPILED_INTERVIEW.write_text(compiled_text(interview_source()), encoding="utf-8")
    print(f"wrote {COMPILED_INTERVIEW.name} from {INTERVIEW_FILE}, content/questions/ and content/ui/")


if __name__ == "__main__":
    main()
