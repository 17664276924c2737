"""util.inspect: Node's layout, checked against 300 cases Node printed, plus Python's own kinds.

``fixtures/util/inspect_cases.json`` comes from ``fixtures/util/gen_inspect.js`` (seeded JSON
values under 15 option sets). Node's ``true``/``false``/``null`` tokens are respelled as
``True``/``False``/``None``: the same lengths, so the layout Node chose must match exactly.
"""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path
from typing import Any

import pytest

from trio_nodecompat import errors
from trio_nodecompat.util import inspect

FIXTURE = Path(__file__).parent / "fixtures" / "util" / "inspect_cases.json"
CASES = json.loads(FIXTURE.read_text())
_TOKEN = re.compile(r"(?:(?<=\x1b\[\d\dm)|(?<=\x1b\[\dm)|(?<![\w]))(true|false|null)\b")
_PY = {"true": "True", "false": "False", "null": "None"}


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


@pytest.mark.parametrize("case", CASES, ids=[f"{i}-{c['options']}" for i, c in enumerate(CASES)])
def test_matches_node(case: dict[str, Any]) -> None:
    expected = _TOKEN.sub(lambda m: _PY[m[1]], case["output"])
    options = {_snake(k): v for k, v in case["options"].items()}
    assert inspect(case["value"], **options) == expected


def test_options_mapping_as_second_argument() -> None:
    assert inspect({"a": {"b": {}}}, {"depth": 0}) == "{ a: [Object] }"
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
        inspect(1, 5)  # type: ignore[arg-type]
    with pytest.raises(errors.ERR_INVALID_ARG_VALUE):
        inspect(1, show_hidden=True)


def test_cycles_are_marked_with_references() -> None:
    a: list[Any] = [1]
    a.append(a)
    assert inspect(a) == "<ref *1> [ 1, [Circular *1] ]"
    o: dict[str, Any] = {}
    o["self"] = o
    o["arr"] = [o]
    assert inspect(o) == "<ref *1> { self: [Circular *1], arr: [ [Circular *1] ] }"
    x: dict[str, Any] = {}
    y: dict[str, Any] = {"x": x}
    x["y"] = y
    assert inspect({"x": x, "y": y}) == (
        "{\n  x: <ref *1> { y: { x: [Circular *1] } },\n  y: <ref *2> { x: <ref *1> { y: [Circular *2] } }\n}"
    )


def test_python_containers() -> None:
    assert inspect((1, 2)) == "tuple(2) [ 1, 2 ]"
    assert inspect(()) == "tuple(0) []"
    assert inspect({1, 2}) == "set(2) { 1, 2 }"
    assert inspect(set()) == "set(0) {}"
    assert inspect(frozenset({1})) == "frozenset(1) { 1 }"
    assert inspect({1: "a", (1, 2): "b"}) == "{ 1: 'a', tuple(2) [ 1, 2 ]: 'b' }"
    assert inspect([[[[1]]]]) == "[ [ [ [Array] ] ] ]"
    assert inspect({"a": {"b": {"c": {"d": 1}}}}) == "{ a: { b: { c: [Object] } } }"
    assert inspect([{1, 2}], depth=0) == "[ [set] ]"


def test_scalars_are_spelled_the_python_way() -> None:
    assert inspect(None) == "None"
    assert inspect(True) == "True"
    assert inspect(1.0) == "1.0"
    assert inspect(-0.0) == "-0.0"
    assert inspect(float("nan")) == "nan"
    assert inspect(10**30) == "1000000000000000000000000000000"
    assert inspect(1 + 2j) == "(1+2j)"
    assert inspect(b"ab") == "b'ab'"
    assert inspect("it's") == '"it\'s"'
    assert inspect("a\x00b\x7f\ud800") == "'a\\x00b\\x7F\\ud800'"


def test_functions_and_classes() -> None:
    class Foo:
        pass

    class Bar(Foo):
        def method(self) -> None: ...

    async def af() -> None: ...

    def gf() -> Any:
        yield 1

    async def agf() -> Any:
        yield 1

    assert inspect(Foo) == "[class Foo]"
    assert inspect(Bar) == "[class Bar extends Foo]"
    assert inspect(af) == "[AsyncFunction: af]"
    assert inspect(gf) == "[GeneratorFunction: gf]"
    assert inspect(agf) == "[AsyncGeneratorFunction: agf]"
    assert inspect(lambda: 1) == "[Function (anonymous)]"
    assert inspect(len) == "[Function: len]"
    assert inspect(Bar().method) == "[Function: bound method]"


def test_objects_by_attributes_or_own_repr() -> None:
    class Point:
        def __init__(self) -> None:
            self.x = 1
            self.y = [1, 2]

    class Slotted:
        __slots__ = ("a", "b")

        def __init__(self) -> None:
            self.a = 1

    class Empty:
        pass

    class Custom:
        def __repr__(self) -> str:
            return "<Custom>"

    assert inspect(Point()) == "Point { x: 1, y: [ 1, 2 ] }"
    assert inspect(Slotted()) == "Slotted { a: 1 }"
    assert inspect(Empty()) == "Empty {}"
    assert inspect({"c": Custom()}) == "{ c: <Custom> }"
    assert inspect(datetime.date(2024, 1, 2)) == "datetime.date(2024, 1, 2)"
    assert inspect([Point()], depth=0) == "[ [Point] ]"


def test_custom_inspect_method() -> None:
    class Money:
        def __init__(self, cents: int) -> None:
            self.cents = cents

        def nodejs_util_inspect_custom(
            self, depth: int | None, options: dict[str, Any], inspect_: Any
        ) -> object:
            return f"Money<{self.cents}>"

    class Proxyish:
        def nodejs_util_inspect_custom(self, depth: int | None, options: Any, ins: Any) -> object:
            return {"inner": depth}

    assert inspect.custom == "nodejs_util_inspect_custom"
    assert inspect({"m": Money(5)}) == "{ m: Money<5> }"
    assert inspect({"p": Proxyish()}) == "{ p: { inner: 1 } }"
    assert inspect({"m": Money(5)}, custom_inspect=False) == "{ m: Money { cents: 5 } }"


def test_errors() -> None:
    err = errors.ERR_INVALID_ARG_TYPE("name", "string", 1)
    text = inspect(err)
    assert text.startswith('trio_nodecompat.errors.ERR_INVALID_ARG_TYPE: The "name" argument')
    assert "code: 'ERR_INVALID_ARG_TYPE'" in text
    assert inspect(ValueError("x")) == "ValueError: x"


def test_colors_follow_node_styles() -> None:
    assert inspect([1, "s", None, True, len], colors=True) == (
        "[ \x1b[33m1\x1b[39m, \x1b[32m's'\x1b[39m, \x1b[1mNone\x1b[22m, "
        "\x1b[33mTrue\x1b[39m, \x1b[36m[Function: len]\x1b[39m ]"
    )
    assert inspect.styles["number"] == "yellow"
    assert inspect.colors["yellow"] == (33, 39)


def test_default_options_can_be_changed() -> None:
    saved = dict(inspect.default_options)
    try:
        inspect.default_options["depth"] = 0
        assert inspect({"a": {"b": 1}}) == "{ a: [Object] }"
    finally:
        inspect.default_options.clear()
        inspect.default_options.update(saved)
    assert inspect({"a": {"b": 1}}) == "{ a: { b: 1 } }"


def test_buffer_renders_by_its_repr() -> None:
    from trio_nodecompat.buffer import Buffer

    assert inspect({"b": Buffer.from_("hello")}) == "{ b: <Buffer 68 65 6c 6c 6f> }"


def test_very_deep_nesting_reports_where_it_stopped() -> None:
    """Node's "Inspection interrupted prematurely" instead of a RecursionError."""
    root: list[Any] = []
    current = root
    for _ in range(5000):
        child: list[Any] = []
        current.append(child)
        current = child
    text = inspect(root, depth=None)
    assert text.startswith("[\n  [\n")
    assert (
        text.count("[Array: Inspection interrupted prematurely. Maximum call stack size exceeded.]")
        == 1
    )
    assert inspect([1, [2]]) == "[ 1, [ 2 ] ]"  # the inspector is fine afterwards


@pytest.mark.parametrize(
    ("value", "options", "node"),
    [
        ({1, 2, 3}, {}, "Set(3) { 1, 2, 3 }"),
        ([{1, (2, (3, (4,)))}], {}, None),
        (set(range(30)), {}, "Set(30) {\n" + "".join(f"  {i},\n" for i in range(29)) + "  29\n}"),
        ({1, 2}, {"max_array_length": 1}, "Set(2) { 1, ... 1 more item }"),
        ({3, 1, 2}, {"sorted": True}, "Set(3) { 1, 2, 3 }"),
        ({"b": 1, "a": {"d": 1, "c": 2}}, {"sorted": True}, "{ a: { c: 2, d: 1 }, b: 1 }"),
    ],
)
def test_sets_as_node_prints_sets(value: Any, options: dict[str, Any], node: str | None) -> None:
    """Node's output for the same Set, with ``Set`` spelled ``set`` (the Python class)."""
    if node is None:
        assert inspect(value, **options) == "[ set(2) { 1, tuple(2) [ 2, [tuple] ] } ]"
        return
    assert inspect(value, **options) == node.replace("Set(", "set(")


def test_sorted_with_a_comparator() -> None:
    def reverse(a: str, b: str) -> int:
        return (a < b) - (a > b)

    assert inspect({"a": 1, "c": 3, "b": 2}, sorted=reverse) == "{ c: 3, b: 2, a: 1 }"
