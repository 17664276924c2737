"""util.inspect: Node v20.11.1's test-util-inspect*.js cases, beyond the seeded fixture cases.

JS values map to the Python types ``inspect`` renders as Node renders them (see
``docs/modules/util.rst``): objects are dicts (or instances), arrays lists, Map is a dict too,
Set a set, classes are classes, errors are exceptions. Node's ``true``/``false``/``null`` are
spelt ``True``/``False``/``None`` (the same lengths, so Node's layout must match exactly).
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from trio_nodecompat import errors
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


# --------------------------------------------------------------------------------------------
# test-util-inspect.js. Each block names the part of Node's file it ports; the expected texts
# are Node's, with true/false/null/undefined spelt the Python way and Set spelt set.


def test_primitives_and_functions() -> None:
    def abc() -> None: ...

    async def anon_async() -> None: ...

    async def abc_async_gen() -> Any:
        yield 1

    assert inspect(1) == "1"
    assert inspect(False) == "False"
    assert inspect("") == "''"
    assert inspect("hello") == "'hello'"
    assert inspect(abc) == "[Function: abc]"
    assert inspect(lambda: None) == "[Function (anonymous)]"
    assert inspect(anon_async) == "[AsyncFunction: anon_async]"
    assert inspect(abc_async_gen) == "[AsyncGeneratorFunction: abc_async_gen]"
    assert inspect(None) == "None"
    assert inspect(0) == "0"
    assert inspect(-5e-324) == "-5e-324"


def test_string_escapes_and_line_splitting() -> None:
    assert inspect("\n\x01") == "'\\n\\x01'"
    ones = ",".join(["1"] * 75)
    assert inspect(f"{ones}'\n\x1d\n\x03\x85\x7f\x7e\x9f\xa0") == (
        f"\"{ones}'\\n\" +\n  '\\x1D\\n' +\n  '\\x03\\x85\\x7F~\\x9F\xa0'"
    )
    # Do not escape single quotes if no double quote or backtick is present.
    assert inspect("'") == '"\'"'
    assert inspect("\"'") == "`\"'`"
    assert inspect("\"'${a}") == "'\"\\'${a}'"


def test_arrays_objects_and_depth() -> None:
    assert inspect([]) == "[]"
    assert inspect([1, 2]) == "[ 1, 2 ]"
    assert inspect([1, [2, 3]]) == "[ 1, [ 2, 3 ] ]"
    assert inspect({}) == "{}"
    assert inspect({"a": 1}) == "{ a: 1 }"
    assert inspect({"a": 1, "b": 2}) == "{ a: 1, b: 2 }"
    assert inspect({"a": {}}) == "{ a: {} }"
    assert inspect({"a": {"b": 2}}) == "{ a: { b: 2 } }"
    deep = {"a": {"b": {"c": {"d": 2}}}}
    assert inspect(deep) == "{ a: { b: { c: [Object] } } }"
    assert inspect(deep, depth=None) == "{\n  a: { b: { c: { d: 2 } } }\n}"
    assert inspect({"a": {"b": {"c": 2}}}, depth=0) == "{ a: [Object] }"
    assert inspect({"a": {"b": {"c": 2}}}, depth=1) == "{ a: { b: [Object] } }"
    assert inspect({"a": {"b": ["c"]}}, depth=1) == "{ a: { b: [Array] } }"
    assert "Object" in inspect({"a": {"a": {"a": {"a": {}}}}})
    assert "Object" not in inspect({"a": {"a": {"a": {"a": {}}}}}, depth=None)
    value: dict[str, Any] = {}
    value["a"] = value
    assert inspect(value) == "<ref *1> { a: [Circular *1] }"


def test_keys_are_escaped() -> None:
    w = {"\\": 1, "\\\\": 2, "\\\\\\": 3, "\\\\\\\\": 4, "\n": 5, "\r": 6}
    assert inspect(w) == (
        "{ '\\\\': 1, '\\\\\\\\': 2, '\\\\\\\\\\\\': 3, '\\\\\\\\\\\\\\\\': 4, '\\n': 5, '\\r': 6 }"
    )
    assert inspect({"constructor": 42}) == "{ constructor: 42 }"
    assert inspect({"__proto__": {"a": 1}}) == "{ __proto__: { a: 1 } }"


def test_unpaired_surrogates_are_escaped() -> None:
    edge = chr(0xD799)
    for code in range(0xD800, 0xDFFF):
        surrogate = chr(code)
        assert inspect(surrogate) == f"'\\u{code:x}'"
        assert inspect("a" * 200 + surrogate) == f"'{'a' * 200}\\u{code:x}'"
        assert inspect(surrogate + "a" * 200) == f"'\\u{code:x}{'a' * 200}'"
        if code < 0xDC00:
            high, low = surrogate, chr(code + 1024)
            # A high surrogate followed by a low one is a pair (one JS character): kept.
            assert "\\u" not in inspect(f"{edge}{high}{low}{edge}")
            assert inspect(f"{high}{high}{low}").count("\\u") == 1
        else:
            assert inspect(f"{edge}{surrogate}{edge}") == f"'{edge}\\u{code:x}{edge}'"


def _color_style(style: str, value: object) -> None:
    on, off = inspect.colors.get(inspect.styles[style], ("", ""))
    plain = inspect(value, depth=0)
    assert inspect(value, depth=0, colors=True) == f"\x1b[{on}m{plain}\x1b[{off}m"


def test_styles_and_colors() -> None:
    import datetime
    import re

    _color_style("special", lambda: None)
    _color_style("number", 123.456)
    _color_style("boolean", True)
    _color_style("null", None)
    _color_style("string", "test string")
    _color_style("date", datetime.datetime.now())
    _color_style("regexp", re.compile("regexp"))
    for i, color in enumerate(
        ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]
    ):
        assert inspect.colors[color] == (30 + i, 39)
        assert inspect.colors[f"{color}Bright"] == (90 + i, 39)
        bg = f"bg{color[0].upper()}{color[1:]}"
        assert inspect.colors[bg] == (40 + i, 49)
        assert inspect.colors[f"{bg}Bright"] == (100 + i, 49)
    assert "gray" in inspect.colors
    # Unknown colors are handled gracefully.
    saved = inspect.styles["string"]
    inspect.styles["string"] = "UNKNOWN"
    try:
        assert inspect("foobar", colors=True) == "'foobar'"
    finally:
        inspect.styles["string"] = saved


def test_options_object() -> None:
    subject = {"foo": "bar", "hello": 31, "a": {"b": {"c": {"d": 0}}}}
    assert "\x1b[32m" not in inspect(subject, colors=False)
    assert "\x1b[32m" in inspect(subject, colors=True)
    assert "c: [Object]" in inspect(subject, depth=2)
    assert "a: [Object]" in inspect(subject, depth=0)
    assert "{ d: 0 }" in inspect(subject, depth=None)


def test_custom_inspect_option_and_return_values() -> None:
    seen: list[tuple[Any, ...]] = []

    class Subject:
        def nodejs_util_inspect_custom(self, depth: Any, options: Any, ins: Any) -> object:
            return 123

    assert "123" in inspect(Subject(), custom_inspect=True)
    assert "123" not in inspect(Subject(), custom_inspect=False)

    class Other:
        def nodejs_util_inspect_custom(self, depth: Any, options: Any, ins: Any) -> object:
            return {"foo": "bar"}

    assert inspect(Other()) == "{ foo: 'bar' }"

    class Checks:
        def nodejs_util_inspect_custom(self, depth: Any, options: Any, ins: Any) -> object:
            seen.append((depth, options["compact"], ins is inspect))
            return {}

    inspect(Checks(), depth=None, compact=True)
    assert seen == [(None, True, True)]

    class Self:
        def __init__(self) -> None:
            self.a = 123

        def nodejs_util_inspect_custom(self, depth: Any, options: Any, ins: Any) -> object:
            return self

    assert inspect(Self()) == "Self { a: 123 }"


def test_colors_do_not_change_the_line_count() -> None:
    def lines(value: object) -> None:
        assert inspect(value).count("\n") == inspect(value, colors=True).count("\n")

    lines([1, 2, 3, 4, 5, 6, 7])
    lines(list(range(100)))
    lines({"foo": "bar", "baz": 35, "b": {"a": 35}})
    lines({"a": {"a": 3, "b": 1, "c": 1, "d": 1, "e": 1, "f": 1, "g": 1, "h": 1}, "b": 1})
    lines(
        {
            "foo": "bar",
            "baz": 35,
            "b": {"a": 35},
            "veryLongKey": "very long value",
            "evenLongerKey": ["with even longer value in array"],
        }
    )


def test_sets() -> None:
    assert inspect(set()) == "set(0) {}"
    assert inspect({1, 2, 3}) == "set(3) { 1, 2, 3 }"
    assert inspect({1, 2, 3}, max_array_length=1) == "set(3) { 1, ... 2 more items }"


def test_multiple_circular_references() -> None:
    obj: dict[str, Any] = {}
    obj["a"] = [obj]
    obj["b"] = {}
    obj["b"]["inner"] = obj["b"]
    obj["b"]["obj"] = obj
    assert inspect(obj) == (
        "<ref *1> {\n"
        "  a: [ [Circular *1] ],\n"
        "  b: <ref *2> { inner: [Circular *2], obj: [Circular *1] }\n"
        "}"
    )


def test_alignment_of_items_in_containers() -> None:
    def check(container: object, start: str, line_x: str, end: str) -> None:
        lines = inspect(container).split("\n")
        for i, line in enumerate(lines):
            if i == 0:
                assert line == start
            elif i == len(lines) - 1:
                assert line == end
            else:
                expected = line_x.replace("X", str(i - 1))
                if i != len(lines) - 2:
                    expected += ","
                assert line == expected

    check({str(i): None for i in range(100)}, "{", "  'X': None", "}")
    check(set(range(100)), "set(100) {", "  X", "}")


def test_constructors() -> None:
    class ObjectSubclass:
        pass

    class ArraySubclass(list[Any]):
        pass

    class SetSubclass(set[Any]):
        pass

    x = ObjectSubclass()
    x.foo = 42  # type: ignore[attr-defined]
    assert inspect(x) == "ObjectSubclass { foo: 42 }"
    assert inspect(ArraySubclass([1, 2, 3])) == "ArraySubclass(3) [ 1, 2, 3 ]"
    assert inspect(SetSubclass([1, 2, 3])) == "SetSubclass(3) [set] { 1, 2, 3 }"
    assert inspect({"a": {"b": ArraySubclass([1, [2], 3])}}, depth=1) == (
        "{ a: { b: [ArraySubclass] } }"
    )


def test_empty_and_circular_before_depth() -> None:
    arr: list[Any] = [[[[]]]]
    assert inspect(arr) == "[ [ [ [] ] ] ]"
    arr[0][0][0].append([])
    assert inspect(arr) == "[ [ [ [Array] ] ] ]"
    arr[0][0][0] = {}
    assert inspect(arr) == "[ [ [ {} ] ] ]"
    arr[0][0][0] = {"a": 2}
    assert inspect(arr) == "[ [ [ [Object] ] ] ]"
    arr[0][0][0] = arr
    assert inspect(arr) == "<ref *1> [ [ [ [Circular *1] ] ] ]"
    arr[0][0][0] = arr[0][0]
    assert inspect(arr) == "[ [ <ref *1> [ [Circular *1] ] ] ]"


def test_max_array_length() -> None:
    x = [None] * 101
    assert inspect(x).endswith("1 more item\n]")
    assert not inspect(x, max_array_length=101).endswith("1 more item\n]")
    assert inspect(x, max_array_length=-1) == "[ ... 101 more items ]"
    assert inspect(x, max_array_length=0) == "[ ... 101 more items ]"
    assert not inspect(x, max_array_length=None).endswith("1 more item\n]")
    assert not inspect(x, max_array_length=float("inf")).endswith("1 more item ]")


def test_break_length() -> None:
    obj = {"foo": "abc", "bar": "xyz"}
    one_line = inspect(obj, break_length=float("inf"))
    breakpoint_ = len(one_line) - 5
    two_lines = inspect(obj, break_length=breakpoint_)
    assert one_line == "{ foo: 'abc', bar: 'xyz' }"
    assert inspect(obj, break_length=breakpoint_ + 1) == two_lines
    assert two_lines == "{\n  foo: 'abc',\n  bar: 'xyz'\n}"
    # When breakLength results in a single column.
    long = ["fhqwhgadshgnsdhjsdbkhsdabkfabkveybvf"] * 9
    assert inspect(long, break_length=256) == (
        "[\n" + ",\n".join(["  'fhqwhgadshgnsdhjsdbkhsdabkfabkveybvf'"] * 9) + "\n]"
    )


def test_default_options() -> None:
    arr = [None] * 101
    obj = {"a": {"a": {"a": {"a": 1}}}}
    old = dict(inspect.default_options)
    try:
        # Set single option through property assignment.
        inspect.default_options["max_array_length"] = None
        assert "1 more item" not in inspect(arr)
        inspect.default_options["max_array_length"] = old["max_array_length"]
        assert "1 more item" in inspect(arr)
        inspect.default_options["depth"] = None
        assert "Object" not in inspect(obj)
        inspect.default_options["depth"] = old["depth"]
        assert "Object" in inspect(obj)
        assert inspect.default_options == old
        # Set multiple options through object assignment: they are merged in.
        inspect.default_options = {"max_array_length": None, "depth": 2}
        assert "1 more item" not in inspect(arr)
        assert "Object" in inspect(obj)
        inspect.default_options = old
        assert "1 more item" in inspect(arr)
        assert inspect.default_options == old
        for bad, received in ((None, "Received None"), ("bad", "Received type str ('bad')")):
            with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
                inspect.default_options = bad  # type: ignore[assignment]
            assert str(info.value) == (f'The "options" argument must be of type object. {received}')
        assert inspect.default_options == old
    finally:
        inspect.default_options.clear()
        inspect.default_options.update(old)


def test_compact_and_break_length_layouts() -> None:
    text = (
        "Lorem ipsum dolor\nsit amet,\tconsectetur adipiscing elit, sed do "
        "eiusmod tempor incididunt ut labore et dolore magna aliqua."
    )
    o: dict[str, Any] = {"a": [1, 2, [[text, "test", "foo"]], 4]}
    assert inspect(o, compact=True, depth=5, break_length=80) == "\n".join(
        [
            "{ a:",
            "   [ 1,",
            "     2,",
            "     [ [ 'Lorem ipsum dolor\\nsit amet,\\tconsectetur adipiscing elit, "
            "sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.',",
            "         'test',",
            "         'foo' ] ],",
            "     4 ] }",
        ]
    )
    assert inspect(o, compact=False, depth=5, break_length=60) == "\n".join(
        [
            "{",
            "  a: [",
            "    1,",
            "    2,",
            "    [",
            "      [",
            "        'Lorem ipsum dolor\\n' +",
            "          'sit amet,\\tconsectetur adipiscing elit, sed do eiusmod "
            "tempor incididunt ut labore et dolore magna aliqua.',",
            "        'test',",
            "        'foo'",
            "      ]",
            "    ],",
            "    4",
            "  ]",
            "}",
        ]
    )
    assert inspect(text, compact=False, break_length=30) == "\n".join(
        [
            "'Lorem ipsum dolor\\n' +",
            "  'sit amet,\\tconsectetur adipiscing elit, sed do eiusmod tempor "
            "incididunt ut labore et dolore magna aliqua.'",
        ]
    )
    digits = "12345678901234567890123456789012345678901234567890"
    assert inspect(digits, compact=False, break_length=3) == f"'{digits}'"
    spaced = "12 45 78 01 34 67 90 23 56 89 123456789012345678901234567890"
    assert inspect(spaced, compact=False, break_length=3) == f"'{spaced}'"
    o = {"a": lambda: None}
    assert inspect(o, compact=False, break_length=3) == "{\n  a: [Function (anonymous)]\n}"

    class Custom:
        def __init__(self, result: object) -> None:
            self.result = result

        def nodejs_util_inspect_custom(self, depth: Any, options: Any, ins: Any) -> object:
            return self.result

    assert inspect(Custom(42), compact=False, break_length=3) == "42"
    assert inspect(Custom("12 45 78 01 34 67 90 23"), compact=False, break_length=3) == (
        "12 45 78 01 34 67 90 23"
    )
    assert inspect(Custom({"a": "12 45 78 01 34 67 90 23"}), compact=False, break_length=3) == (
        "{\n  a: '12 45 78 01 34 67 90 23'\n}"
    )


def test_a_long_linked_list() -> None:
    root: dict[str, Any] = {}
    head = root
    for _ in range(100_000):
        head["next"] = {}
        head = head["next"]
    assert inspect(root) == "{ next: { next: { next: [Object] } } }"
    text = inspect(root, depth=None)
    # Node's own bounds: deep, but stopped well before the end, with the reason said once.
    assert 500 < text.count("next") < 10000
    assert text.count("Inspection interrupted prematurely") == 1
    assert "[Object: Inspection interrupted prematurely. Maximum call stack size exceeded.]" in text


def test_the_recursion_limit_is_raised_only_while_inspecting() -> None:
    before = sys.getrecursionlimit()
    seen: list[int] = []

    class Probe:
        def nodejs_util_inspect_custom(self, depth: Any, options: Any, ins: Any) -> object:
            seen.append(sys.getrecursionlimit())
            return "probe"

    def nested(levels: int) -> list[Any]:
        value: list[Any] = [Probe()]
        for _ in range(levels):
            value = [value]
        return value

    # A shallow call leaves the limit alone; a deep one raises it while it runs.
    assert inspect([Probe()]) == "[ probe ]"
    assert "probe" in inspect(nested(100), depth=None)
    assert seen == [before, max(before, _inspect.INSPECT_RECURSION_LIMIT)]
    assert sys.getrecursionlimit() == before
    # A higher limit set by the program is never lowered.
    sys.setrecursionlimit(_inspect.INSPECT_RECURSION_LIMIT + 500)
    try:
        inspect(nested(100), depth=None)
        assert seen[-1] == _inspect.INSPECT_RECURSION_LIMIT + 500
        assert sys.getrecursionlimit() == _inspect.INSPECT_RECURSION_LIMIT + 500
    finally:
        sys.setrecursionlimit(before)


def test_sorted() -> None:
    assert inspect([1, 3, 2], sorted=True) == inspect([1, 3, 2])
    assert inspect({"c": 3, "a": 1, "b": 2}, sorted=True) == "{ a: 1, b: 2, c: 3 }"

    def descending(a: str, b: str) -> int:
        return (a < b) - (a > b)

    assert (
        inspect({"a200": 4, "a100": 1, "a102": 3, "a101": 2}, sorted=descending)
        == "{ a200: 4, a102: 3, a101: 2, a100: 1 }"
    )


def test_compact_number_mode() -> None:
    obj = {
        "a": {
            "b": {
                "x": 5,
                "c": {"x": "10000000000000000 00000000000000000 " * 10, "d": 2, "e": 3},
            }
        },
        "b": [1, 2, [1, 2, {"a": 1, "b": 2, "c": 3}]],
        "c": ["foo", 4, 444444],
        "d": [i * i if i % 2 == 0 else i for i in range(101)],
        "e": ["foobar"] * 6,
        "f": ["foobar"] * 9,
        "g": ["foobar baz"] * 21,
        "h": [100, *range(9)],
        "long": ["This text is too long for grouping!"] * 9,
    }
    out = inspect(obj, compact=3, depth=10, break_length=60)
    expected = "\n".join(
        [
            "{",
            "  a: {",
            "    b: {",
            "      x: 5,",
            "      c: {",
            "        x: '" + "10000000000000000 00000000000000000 " * 10 + "',",
            "        d: 2,",
            "        e: 3",
            "      }",
            "    }",
            "  },",
            "  b: [ 1, 2, [ 1, 2, { a: 1, b: 2, c: 3 } ] ],",
            "  c: [ 'foo', 4, 444444 ],",
            "  d: [",
            "       0,    1,    4,    3,   16,    5,   36,    7,   64,",
            "       9,  100,   11,  144,   13,  196,   15,  256,   17,",
            "     324,   19,  400,   21,  484,   23,  576,   25,  676,",
            "      27,  784,   29,  900,   31, 1024,   33, 1156,   35,",
            "    1296,   37, 1444,   39, 1600,   41, 1764,   43, 1936,",
            "      45, 2116,   47, 2304,   49, 2500,   51, 2704,   53,",
            "    2916,   55, 3136,   57, 3364,   59, 3600,   61, 3844,",
            "      63, 4096,   65, 4356,   67, 4624,   69, 4900,   71,",
            "    5184,   73, 5476,   75, 5776,   77, 6084,   79, 6400,",
            "      81, 6724,   83, 7056,   85, 7396,   87, 7744,   89,",
            "    8100,   91, 8464,   93, 8836,   95, 9216,   97, 9604,",
            "      99,",
            "    ... 1 more item",
            "  ],",
            "  e: [",
            *(["    'foobar',"] * 5),
            "    'foobar'",
            "  ],",
            "  f: [",
            *(["    'foobar', 'foobar',"] * 4),
            "    'foobar'",
            "  ],",
            "  g: [",
            *(["    'foobar baz', 'foobar baz',"] * 10),
            "    'foobar baz'",
            "  ],",
            "  h: [",
            "    100, 0, 1, 2, 3,",
            "      4, 5, 6, 7, 8",
            "  ],",
            "  long: [",
            *(["    'This text is too long for grouping!',"] * 8),
            "    'This text is too long for grouping!'",
            "  ]",
            "}",
        ]
    )
    assert out == expected

    ones = [1] * 26 + [123456789]
    assert inspect(ones, compact=3) == "\n".join(
        ["[", *(["  1, 1,         1, 1,"] * 6), "  1, 1, 123456789", "]"]
    )
    # Unicode: あ has a length of one and a width of two.
    wide = ["123", "123", "123", "123", "あああ"] * 2
    assert inspect(wide, compact=3) == "\n".join(
        [
            "[",
            "  '123',    '123',",
            "  '123',    '123',",
            "  'あああ', '123',",
            "  '123',    '123',",
            "  '123',    'あああ'",
            "]",
        ]
    )
    # Array grouping should prevent lining up outer elements on a single line.
    assert inspect([[[1, 2, 3, 4, 5, 6, 7, 8, 9]]], compact=3) == "\n".join(
        ["[", "  [", "    [", "      1, 2, 3, 4, 5,", "      6, 7, 8, 9", "    ]", "  ]", "]"]
    )
    # Array grouping and line consolidation do not happen together.
    obj2 = {
        "a": {"b": {"x": 5, "c": {"d": 2, "e": 3}}},
        "b": ["foobar" if n % 2 == 0 else "baz" for n in range(9)],
    }
    y, g, c, off = "\x1b[33m", "\x1b[32m", "\x1b[36m", "\x1b[39m"
    assert inspect(obj2, compact=1, break_length=float("inf"), colors=True) == "\n".join(
        [
            "{",
            "  a: {",
            f"    b: {{ x: {y}5{off}, c: {c}[Object]{off} }}",
            "  },",
            "  b: [",
            *([f"    {g}'foobar'{off}, {g}'baz'{off},"] * 4),
            f"    {g}'foobar'{off}",
            "  ]",
            "}",
        ]
    )
    out = inspect(list(range(60)), compact=1, break_length=float("inf"), colors=True)
    rows = []
    for start in range(0, 60, 4):
        cells = [
            f"{y}{i}{off}".rjust(len(f"{y}{i}{off}") + (2 - len(str(i))))
            for i in range(start, start + 4)
        ]
        rows.append("  " + ", ".join(cells) + ("," if start < 56 else ""))
    assert out == "\n".join(["[", *rows, "]"])
    assert inspect([1, 2, 3, 4], compact=1, colors=True) == (
        f"[ {y}1{off}, {y}2{off}, {y}3{off}, {y}4{off} ]"
    )


def test_string_truncation() -> None:
    assert inspect("bl", max_string_length=1) == "'b'... 1 more character"
    x = "a" * 10**6
    assert inspect(x).endswith("... 990000 more characters")
    assert inspect(x, max_string_length=4) == "'aaaa'... 999996 more characters"
    assert inspect(x, max_string_length=None).endswith("a'")


def test_numeric_separator() -> None:
    saved = inspect.default_options["numeric_separator"]
    inspect.default_options["numeric_separator"] = True
    try:
        assert inspect(123456789.12345678) == "123_456_789.123_456_78"
        assert inspect(10_000_000) == "10_000_000"
        assert inspect(1_000_000) == "1_000_000"
        assert inspect(100_000) == "100_000"
        assert inspect(99_999.9) == "99_999.9"
        assert inspect(9_999) == "9_999"
        assert inspect(999) == "999"
        assert inspect(123456789) == "123_456_789"
    finally:
        inspect.default_options["numeric_separator"] = saved
    assert inspect(123456789.12345678, numeric_separator=True) == "123_456_789.123_456_78"
    assert inspect(-123456789.12345678, numeric_separator=True) == "-123_456_789.123_456_78"


def test_custom_inspect_receives_node_options() -> None:
    # Node passes its options: the whole depth option (not what is left: that is the first
    # argument), every default option, and `stylize`; each call gets its own copy.
    calls: list[tuple[Any, dict[str, Any]]] = []

    class Probe:
        def nodejs_util_inspect_custom(self, depth: Any, options: Any, ins: Any) -> object:
            calls.append((depth, dict(options)))
            options["compact"] = "changed"  # must not reach the next call
            return "probe"

    inspect({"a": {"b": Probe()}})
    inspect({"a": Probe()}, depth=None)
    (depth1, opts1), (depth2, opts2) = calls
    assert (depth1, opts1["depth"]) == (0, 2)
    assert (depth2, opts2["depth"]) == (None, None)
    assert set(opts1) == set(inspect.default_options) | {"stylize"}
    assert opts1["compact"] == 3 and opts2["compact"] == 3
    assert opts1["stylize"]("x", "number") == "x"
    inspect(Probe(), colors=True)
    assert calls[-1][1]["stylize"]("1", "number") == "\x1b[33m1\x1b[39m"
    # The options can be handed back to inspect, stylize included.
    assert inspect([1], calls[-1][1]) == "[ \x1b[33m1\x1b[39m ]"


def test_stylize_option() -> None:
    # Node: inspect([1, 2, 3], { stylize() { return 'x'; } }) is '[ x, x, x ]'.
    assert inspect([1, 2, 3], stylize=lambda text, style: "x") == "[ x, x, x ]"
    # colors=True takes over from a given stylize, as in Node.
    assert inspect([1], stylize=lambda text, style: "x", colors=True) == "[ \x1b[33m1\x1b[39m ]"


def test_functions_with_properties() -> None:
    # Node: '[Function: value] { aprop: 42 }', and '[Function (anonymous)] { aprop: 42 }'.
    def value() -> None: ...

    value.aprop = 42  # type: ignore[attr-defined]
    assert inspect(value) == "[Function: value] { aprop: 42 }"
    anonymous = lambda: None  # noqa: E731
    anonymous.aprop = 42  # type: ignore[attr-defined]
    assert inspect(anonymous) == "[Function (anonymous)] { aprop: 42 }"
    # Below the depth, a function with properties is its kind alone; without, its name.
    assert inspect({"a": {"b": {"c": value}}}) == "{ a: { b: { c: [Function] } } }"

    async def af() -> None: ...

    af.x = 1  # type: ignore[attr-defined]
    assert inspect({"a": {"b": {"c": af}}}) == "{ a: { b: { c: [AsyncFunction] } } }"

    def plain() -> None: ...

    assert inspect({"a": {"b": {"c": plain}}}) == "{ a: { b: { c: [Function: plain] } } }"
    value.nested = {"x": {"y": {"z": 1}}}  # type: ignore[attr-defined]
    assert inspect(value) == "[Function: value] { aprop: 42, nested: { x: { y: [Object] } } }"
    assert inspect(value, compact=False) == (
        "[Function: value] {\n  aprop: 42,\n  nested: {\n    x: {\n      y: [Object]\n    }\n  }\n}"
    )
    # Private and dunder attributes (functools.wraps' __wrapped__, ...) are not shown.
    value._private = 1  # type: ignore[attr-defined]
    assert "_private" not in inspect(value)


def test_exceptions_print_their_text_not_an_empty_object() -> None:
    # Node: inspect(err) is err.stack for new Error(), Error('FAIL'), TypeError('FAIL'),
    # SyntaxError('FAIL') and a thrown ReferenceError. Python's counterpart of the stack is
    # the exception's own text: its traceback once raised, else its one-line summary.
    import traceback

    for err in (Exception(), Exception("FAIL"), TypeError("FAIL"), SyntaxError("FAIL")):
        expected = "".join(traceback.format_exception_only(err)).rstrip("\n")
        assert inspect(err) == expected
        assert inspect(err) != "{}"
    try:
        undefined_name  # type: ignore[name-defined]  # noqa: B018, F821
    except NameError as raised:
        assert inspect(raised) == "".join(traceback.format_exception(raised)).rstrip("\n")
        assert inspect(raised).startswith("Traceback (most recent call last):")
