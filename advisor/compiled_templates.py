"""The templates as shipped: content/'s report, card, transcript and comparison templates compiled to
Python modules (``advisor/content_compiled/``, one per template, named by Jinja after the template).

A process then renders its first report without parsing and compiling the templates (about 0.13 s of
its start). The questions and the app's fixed messages are not among them: they ship rendered in the
compiled interview (:mod:`advisor.compiled_flow`). The tests compile the templates again and fail if a
shipped module differs, so it is never stale. Rebuild after changing a template in content/::

    python -m advisor.compiled_templates
"""

from __future__ import annotations

import shutil
from pathlib import Path

from advisor.content import source_environment
from advisor.resources import COMPILED_TEMPLATES

RENDERED_FROM_SOURCE = ("questions/", "ui/")
"""Folders of content/ whose templates are rendered only to compile the interview."""


def shipped(name: str) -> bool:
    """Whether a file of content/ is a template shipped compiled."""
    return name.endswith(".j2") and not name.startswith(RENDERED_FROM_SOURCE)


def compile_templates(target: Path) -> None:
    """Every shipped template compiled into ``target``; a template that does not compile is an error."""
    source_environment().compile_templates(target, filter_func=shipped, zip=None, ignore_errors=False)


def main() -> None:
    shutil.rmtree(COMPILED_TEMPLATES, ignore_errors=True)  # a removed template leaves no module behind
    compile_templates(COMPILED_TEMPLATES)
    count = len(list(COMPILED_TEMPLATES.glob("*.py")))
    print(f"compiled {count} templates from content/ into advisor/{COMPILED_TEMPLATES.name}/")


if __name__ == "__main__":
    main()
