"""util.inspect: Node v20.11.1's test-util-inspect*.js cases, beyond the seeded fixture cases.

JS values map to the Python types ``inspect`` renders as Node renders them (see
``docs/modules/util.rst``): objects are dicts (or instances), arrays lists, Map is a dict too,
Set a set, classes are classes, errors are exceptions. Node's ``true``/``false``/``null`` are
spelt ``True``/``False``/``None`` (the same lengths, so Node's layout must match exactly).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from trio_nodecompat.util import _inspect, inspect

FIXTURES = Path(__file__).parent / "fixtures" / "util"


def _digest(text: str) -> dict[str, Any]:
    return {
        "length": len(text),
        "sha256": hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
        "summaries": text.count("[Object]"),
    }


# --------------------------------------------------------------------------------------------
# test-util-inspect-long-running.js: the output budget


BUDGET = json.loads((FIXTURES / "inspect_budget.json").read_text())


def _fan_out() -> dict[str, Any]:
    node: dict[str, Any] = {f"s{k}": chr(97 + k) * 9000 for k in range(10)}
    for _ in range(6):
        node = {f"k{k}": node for k in range(10)}
    return node


def _linked(n: int) -> dict[str, Any]:
    last: dict[str, Any] = {}
    obj = last
    links = []
    for _ in range(n):
        link = {"circular": obj, "last": last, "obj": {"a": 1, "b": 2, "c": True}}
        last["next"] = link
        last = link
        links.append(link)
    # A JS object lists its integer-like keys first, ascending, then the others.
    ordered = {str(i): link for i, link in enumerate(links)} | {"next": obj["next"]}
    obj.clear()
    obj.update(ordered)
    return obj


def test_a_huge_shared_graph_stops_at_node_budget() -> None:
    # Printed in full this is 90 GB; Node stops descending past 2 ** 27 characters at one
    # indentation level, and so must we, to the same character (hash of Node's output).
    assert _inspect.OUTPUT_BUDGET == 2**27
    assert _digest(inspect(_fan_out(), depth=None)) == BUDGET["fan_out"]


def test_the_linked_graph_of_the_node_test_prints_as_node_prints_it() -> None:
    # The shape of test-util-inspect-long-running.js (circular and shared links), under the
    # budget, printed in full exactly as Node does.
    assert _digest(inspect(_linked(60), depth=None)) == BUDGET["linked_60"]


def test_past_the_budget_every_later_container_is_summarised(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(_inspect, "OUTPUT_BUDGET", 100)
    item = {"name": "x" * 20, "inner": {"q": 1}}
    text = inspect([item] * 8, depth=None)
    # Each item prints as 49 characters at indentation level 2; the budget (100) is passed by
    # the third, so the fourth and later print as summaries, their contents no longer visited.
    full = "{ name: 'xxxxxxxxxxxxxxxxxxxx', inner: { q: 1 } }"
    assert text == "[\n  " + ",\n  ".join([full] * 3 + ["[Object]"] * 5) + "\n]"
    # The budget belongs to one call: the next one starts afresh.
    assert inspect(item) == full
