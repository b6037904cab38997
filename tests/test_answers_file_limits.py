"""Every hostile answers file is one line and exit status 2: bounded size, depth, aliases and numbers, real
dates only, UTF-8 only; an alias bomb is refused before it can take memory (checked under a memory ceiling)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from advisor.answers_file import (
    MAX_ALIASES,
    MAX_BYTES,
    MAX_DEPTH,
    MAX_DIGITS,
    AnswersFileError,
    parse_answers,
    personas,
)

MEMORY_CEILING = """
import resource, sys
limit = int(sys.argv[1]) * 2**20
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
from advisor.cli import main
sys.exit(main(sys.argv[2:]))
"""


def alias_bomb(levels: int = 9) -> str:
    """The "billion laughs" in YAML: each level holds nine aliases of the one before (9**9 strings when walked)."""
    lines = ["citizenship:", '  - &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, levels):
        lines.append(f"  - &l{level} [{','.join([f'*l{level - 1}'] * 9)}]")
    return "\n".join(lines) + "\n"


def interview(path: Path, ceiling_mb: int = 400) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", MEMORY_CEILING, str(ceiling_mb), "interview", "--answers", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_an_alias_bomb_is_refused_within_a_memory_ceiling(tmp_path: Path) -> None:
    """Before the bound, this file took 1 GB (MemoryError and a traceback under this ceiling)."""
    path = tmp_path / "bomb.yaml"
    path.write_text(alias_bomb(), encoding="utf-8")
    assert path.stat().st_size < 834  # smaller than the reported one
    proc = interview(path)
    assert proc.returncode == 2, proc.stderr[-500:]
    assert (
        proc.stderr
        == f"estate-advisor: error: {path}: more than {MAX_ALIASES} YAML aliases (*name); write the values out\n"
    )


CASES = {
    "date.yaml": ("citizenship: us\nbirth_date: 1960-02-30\n", "line 2: '1960-02-30' is not a real date or time"),
    "time.yaml": ("citizenship: us\nwhen: 2020-01-01 25:00:00\n", "'2020-01-01 25:00:00' is not a real date or time"),
    "digits.yaml": ("age: " + "9" * 5000 + "\n", f"line 1: a number of more than {MAX_DIGITS} digits"),
    "digits.json": ('{"age": ' + "9" * 5000 + "}", f"a number of more than {MAX_DIGITS} digits"),
    "float.json": ('{"age": 1.' + "5" * 5000 + "}", f"a number of more than {MAX_DIGITS} digits"),
    "nan.json": ('{"age": NaN}', "NaN is not a number an answer can take"),
    "deep.json": ('{"a": ' + "[" * 50_000 + "]" * 50_000 + "}", f"nested more than {MAX_DEPTH} levels deep"),
    "deep.yaml": ("a: " + "[" * 50_000 + "]" * 50_000 + "\n", f"nested more than {MAX_DEPTH} levels deep"),
    "shallow.json": ('{"a": ' + "[" * 20 + "]" * 20 + "}", f"nested more than {MAX_DEPTH} levels deep"),
    "big.yaml": ("# padding\n" * (MAX_BYTES // 10 + 1), f"larger than {MAX_BYTES // 1024} KB"),
    "tag.yaml": ("citizenship: !!python/object/apply:os.system ['true']\n", "not valid YAML"),
    "list.yaml": ("- citizenship\n- us\n", "expected one mapping of question ids to answers"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_hostile_file_is_one_line_and_exit_2(tmp_path: Path, name: str) -> None:
    content, message = CASES[name]
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    proc = interview(path)
    assert proc.returncode == 2, proc.stderr[-500:]
    assert proc.stderr.count("\n") == 1 and proc.stderr.startswith(f"estate-advisor: error: {path}: ")
    assert message in proc.stderr


def test_a_latin_1_name_says_which_line_and_byte(tmp_path: Path) -> None:
    path = tmp_path / "latin.yaml"
    path.write_bytes("citizenship: us\nclient: Jos\xe9\n".encode("latin-1"))
    proc = interview(path)
    assert proc.returncode == 2
    assert proc.stderr.startswith(f"estate-advisor: error: {path}: line 2: byte 0xe9 is not UTF-8; save the file as")
    assert proc.stderr.count("\n") == 1


def test_a_few_aliases_are_still_read(tmp_path: Path) -> None:
    path = tmp_path / "aliases.yaml"
    path.write_text(
        "citizenship: &c us\ndomicile: *c\nstate: NY\nage: 64\nmarried: no\nestate_total: 2m\n"
        "prior_taxable_gifts: 0\nestate_growth: 3\nowns_residence: no\n",
        encoding="utf-8",
    )
    proc = interview(path)
    assert proc.returncode == 0, proc.stderr
    assert "# " in proc.stdout  # the Markdown report


def test_typed_in_plain_mode_latin_1_and_superscript_digits_get_a_message(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "advisor", "--plain", "--no-save"],
        input="Jos\xe9\n".encode("latin-1") + "²\n1\n".encode(),
        capture_output=True,
        timeout=60,
        check=False,
    )
    out = proc.stdout.decode()
    assert proc.returncode == 0 and b"Traceback" not in proc.stderr, proc.stderr
    assert "Not accepted: that line is not UTF-8 text; type it again." in out
    assert "Not accepted: '²' is not one of the answers" in out
    assert "Noted: US citizen" in out


def _depth(value: object) -> int:
    """A value's nesting, the mapping itself at 1 and every value one below its container."""
    children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
    return 1 + max((_depth(child) for child in children), default=0)


nested = st.recursive(
    st.integers() | st.text(max_size=2) | st.none(),
    lambda inner: st.lists(inner, max_size=2) | st.dictionaries(st.text(max_size=2), inner, max_size=2),
    max_leaves=30,
)


def refused_exactly_when_too_deep(value: object, suffix: str) -> None:
    """JSON, and YAML in block style (read by libyaml, its nesting bounded on the parser's events first)."""
    answers = {"age": value}
    text = json.dumps(answers) if suffix == ".json" else yaml.safe_dump(answers, default_flow_style=False)
    if _depth(answers) > MAX_DEPTH:
        with pytest.raises(AnswersFileError, match="nested more than"):
            parse_answers(text.encode(), suffix, "deep")
    else:
        assert parse_answers(text.encode(), suffix, "deep") == answers


@given(value=nested)
@pytest.mark.parametrize("suffix", [".json", ".yaml"])
def test_a_file_is_refused_exactly_when_a_value_lies_deeper_than_the_limit(value: object, suffix: str) -> None:
    refused_exactly_when_too_deep(value, suffix)


@pytest.mark.parametrize("suffix", [".json", ".yaml"])
@pytest.mark.parametrize("levels", range(MAX_DEPTH - 3, MAX_DEPTH + 2))
@pytest.mark.parametrize("leaf", [1, [], {}, [1], {"a": 1}])
def test_the_depth_limit_counts_the_innermost_value(levels: int, leaf: object, suffix: str) -> None:
    value: object = leaf
    for _ in range(levels):
        value = [value]
    refused_exactly_when_too_deep(value, suffix)


@pytest.mark.parametrize("aliases", [MAX_ALIASES, MAX_ALIASES + 1])
def test_a_yaml_file_is_refused_exactly_past_the_alias_limit(aliases: int) -> None:
    text = "a: &x us\n" + "".join(f"k{n}: *x\n" for n in range(aliases))
    if aliases > MAX_ALIASES:
        with pytest.raises(AnswersFileError, match="YAML aliases"):
            parse_answers(text.encode(), ".yaml", "aliases")
    else:
        assert parse_answers(text.encode(), ".yaml", "aliases")[f"k{aliases - 1}"] == "us"


def test_every_persona_reads_as_pyyaml_s_own_safe_loader_reads_it() -> None:
    """libyaml's parser gives the answers PyYAML's pure-Python one gives."""
    for path in personas().values():
        text = path.read_text(encoding="utf-8")
        assert parse_answers(text.encode(), ".yaml", path.name) == yaml.load(text, Loader=yaml.SafeLoader)


@pytest.mark.parametrize("digits", [MAX_DIGITS - 1, MAX_DIGITS, MAX_DIGITS + 1])
@pytest.mark.parametrize(("before", "after"), [("", ""), ("-", ""), ("", ".5"), ("-", ".5e+3"), ("0.", "")])
@pytest.mark.parametrize("suffix", [".json", ".yaml"])
def test_a_number_is_refused_exactly_when_it_has_too_many_digits(
    digits: int, before: str, after: str, suffix: str
) -> None:
    number = before + "9" * digits + after
    document = f'{{"age": {number}}}' if suffix == ".json" else f"age: {number}\n"
    if sum(char.isdigit() for char in number) > MAX_DIGITS:
        with pytest.raises(AnswersFileError, match="digits"):
            parse_answers(document.encode(), suffix, "numbers")
    else:
        assert "age" in parse_answers(document.encode(), suffix, "numbers")
