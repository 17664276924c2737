"""Differential tests against Node's own answers, recorded by ``fixtures/assert/gen_fixtures.js``.

* 400 random JSON-like pairs (with NaN, -0, Sets and Maps) and Node's ``isDeepStrictEqual``
  verdict: our engine must agree on every one.
* Node's assertion messages with the two ``inspect`` texts they were built from: our port of
  ``createErrDiff`` must produce the same message from the same texts, byte for byte.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from trio_nodecompat._internal.deep_equal import is_deep_strict_equal
from trio_nodecompat._internal.diff import diff_texts, readable_operator

FIXTURES = Path(__file__).parent / "fixtures" / "assert"


def decode(value: Any) -> Any:
    """Rebuild a tagged JSON value as the Python value it stands for."""
    if isinstance(value, list):
        return [decode(v) for v in value]
    if isinstance(value, dict):
        if "$nan" in value:
            return float("nan")
        if "$negzero" in value:
            return -0.0
        if "$float" in value:
            return float(value["$float"])
        if "$set" in value:
            return {decode(v) for v in value["$set"]}
        if "$map" in value:
            return {decode(k): decode(v) for k, v in value["$map"]}
        return {k: decode(v) for k, v in value.items()}
    return value


DEEP_CASES = json.loads((FIXTURES / "deep_equal_cases.json").read_text())
DIFF_CASES = json.loads((FIXTURES / "diff_cases.json").read_text())


def test_fixtures_cover_both_verdicts() -> None:
    verdicts = [case["equal"] for case in DEEP_CASES]
    assert verdicts.count(True) > 100 and verdicts.count(False) > 100


@pytest.mark.parametrize("case", DEEP_CASES, ids=lambda c: json.dumps(c["actual"])[:40])
def test_deep_equal_agrees_with_node(case: dict[str, Any]) -> None:
    actual = decode(case["actual"])
    expected = decode(case["expected"])
    assert is_deep_strict_equal(actual, expected) is case["equal"]
    assert is_deep_strict_equal(expected, actual) is case["equal"]


@pytest.mark.parametrize("case", DIFF_CASES, ids=lambda c: c["message"].split("\n")[0][:30])
def test_diff_matches_node_message(case: dict[str, Any]) -> None:
    operator = "strictEqualObject" if case["object_pair"] else case["operator"]
    header = readable_operator(operator)
    assert header is not None
    message = diff_texts(
        case["actual_text"],
        case["expected_text"],
        header,
        short_form=case["short_form"],
        indicator=case["indicator"],
        columns=80,
    )
    assert message == case["message"]
