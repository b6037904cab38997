"""The batch job is a pure function of what it carries, and both it and its result pickle (so the same
function maps over a process pool here, or over Dask or Ray elsewhere)."""

from __future__ import annotations

import datetime as dt
import pickle

from advisor.advice import AdviceOptions
from advisor.answers_file import personas
from advisor.batch import NOT_ANSWERS, Job, Result, screen_answers

DAY = dt.date(2026, 3, 2)


def job(data: bytes, name: str = "client.yaml", fmt: str = "md") -> Job:
    return Job(name, data, ".yaml", "client", DAY, AdviceOptions(projections=False), fmt)  # type: ignore[arg-type]


def test_job_and_result_pickle_and_the_job_gives_the_same_result_everywhere() -> None:
    original = job(personas()["expat-couple"].read_bytes())
    copied = pickle.loads(pickle.dumps(original))
    assert copied == original
    result = screen_answers(original)
    assert result.error is None and result.report is not None
    assert screen_answers(copied) == result
    assert pickle.loads(pickle.dumps(result)) == result
    assert "2026-03-02" in result.report, "the report is dated by the job's day, not the clock's"
    assert result.route == ("qdot",)


def test_a_bad_file_is_a_result_naming_the_file() -> None:
    result = screen_answers(job(b"citizenship: martian\n", name="in/bad.yaml"))
    assert result == Result(error=result.error)
    assert result.error is not None and result.error.startswith("in/bad.yaml: ")


def test_yaml_that_is_not_answers_is_skipped_not_failed() -> None:
    assert screen_answers(job(b"expat-couple: [qdot]\nmodest-estate: [no_action]\n")) == Result(skipped=NOT_ANSWERS)
