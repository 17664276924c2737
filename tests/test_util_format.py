"""util.format / format_with_options: Node's test-util-format.js cases with a Python analogue.

JS values are spelled the Python way (``null``/``undefined`` -> ``None``, ``true`` -> ``True``);
a JS BigInt is a Python ``int`` (exact, without the ``n``). Cases on symbols, prototypes and
``toPrimitive`` have no Python analogue and are left out; ``toString`` becomes ``__str__``.
"""

from __future__ import annotations

import math
from typing import Any

import pytest

from trio_nodecompat import errors
from trio_nodecompat.util import format, format_with_options, inspect


def fn() -> None: ...


CASES: list[tuple[tuple[Any, ...], str]] = [
    ((), ""),
    (("",), ""),
    (([],), "[]"),
    (([0],), "[ 0 ]"),
    (({},), "{}"),
    (({"foo": 42},), "{ foo: 42 }"),
    ((None,), "None"),
    ((True,), "True"),
    ((False,), "False"),
    (("test",), "test"),
    (("foo", "bar", "baz"), "foo bar baz"),
    # %d
    (("%d",), "%d"),
    (("%d", 42.0), "42"),
    (("%d", 42), "42"),
    (("%d", "42"), "42"),
    (("%d", "42.0"), "42"),
    (("%d", 1.5), "1.5"),
    (("%d", -0.5), "-0.5"),
    (("%d", -0.0), "-0"),
    (("%d", ""), "0"),
    (("%d", " -0.000"), "-0"),
    (("%d", math.inf), "Infinity"),
    (("%d", -math.inf), "-Infinity"),
    (("%d %d", 42, 43), "42 43"),
    (("%d %d", 42), "42 %d"),
    (("%d", 1180591620717411303424.0), "1.1805916207174113e+21"),
    (("%d", 1180591620717411303424), "1180591620717411303424"),
    (
        ("%d %d", 1180591620717411303424, 12345678901234567890123),
        "1180591620717411303424 12345678901234567890123",
    ),
    (("%d", "0x1F"), "31"),
    (("%d", "abc"), "NaN"),
    (("%d", object()), "NaN"),
    (("%d", True), "1"),
    # %i
    (("%i",), "%i"),
    (("%i", 42.0), "42"),
    (("%i", 42), "42"),
    (("%i", "42"), "42"),
    (("%i", "42.0"), "42"),
    (("%i", 1.5), "1"),
    (("%i", -0.5), "-0"),
    (("%i", ""), "NaN"),
    (("%i", math.inf), "NaN"),
    (("%i", -math.inf), "NaN"),
    (("%i %i", 42, 43), "42 43"),
    (("%i %i", 42), "42 %i"),
    (("%i", 1180591620717411303424.0), "1"),
    (("%i", 1180591620717411303424), "1180591620717411303424"),
    (("%i", "  0x1F"), "31"),
    # parseInt(-0) reads String(-0), which is "0"; the string "-0" keeps its sign.
    (("%i", -0.0), "0"),
    (("%i", "-0"), "-0"),
    # parseInt(true) reads "true": NaN (Number(true), for %d, is 1).
    (("%i", True), "NaN"),
    (("%i", False), "NaN"),
    # %f
    (("%f",), "%f"),
    (("%f", 42.0), "42"),
    (("%f", 42), "42"),
    (("%f", "42"), "42"),
    (("%f", "-0.0"), "-0"),
    (("%f", "42.0"), "42"),
    (("%f", 1.5), "1.5"),
    (("%f", -0.5), "-0.5"),
    (("%f", math.pi), "3.141592653589793"),
    (("%f", ""), "NaN"),
    (("%f", 5), "5"),
    (("%f", math.inf), "Infinity"),
    (("%f", -math.inf), "-Infinity"),
    (("%f %f", 42, 43), "42 43"),
    (("%f %f", 42), "42 %f"),
    (("%f", "3.5abc"), "3.5"),
    (("%f", -0.0), "0"),
    (("%f", True), "NaN"),
    # %s
    (("%s",), "%s"),
    (("%s", None), "None"),
    (("%s", "foo"), "foo"),
    (("%s", 42), "42"),
    (("%s", "42"), "42"),
    (("%s", "-0.0"), "-0.0"),
    (("%s %s", 42, 43), "42 43"),
    (("%s %s", 42), "42 %s"),
    (("%s", True), "True"),
    (("%s", {"a": [1, 2, 3]}), "{ a: [Array] }"),
    (("%s", {"toString": 5}), "{ toString: 5 }"),
    (("%s", fn), "[Function: fn]"),
    (("%s", math.inf), "inf"),
    # %j
    (("%j",), "%j"),
    (("%j", 42), "42"),
    (("%j", "42"), '"42"'),
    (("%j %j", 42, 43), "42 43"),
    (("%j %j", 42), "42 %j"),
    (("%j", {"a": [1, "x", None, True]}), '{"a":[1,"x",null,true]}'),
    # %o / %O
    (("%o",), "%o"),
    (("%o", 42), "42"),
    (("%o", "foo"), "'foo'"),
    (("%O",), "%O"),
    (("%O", 42), "42"),
    (("%O", "foo"), "'foo'"),
    (
        ("%O", {"foo": "bar", "foobar": 1, "func": fn}),
        "{ foo: 'bar', foobar: 1, func: [Function: fn] }",
    ),
    (
        ("%O", {"foo": "bar", "foobar": {"foo": "bar", "func": fn}}),
        "{ foo: 'bar', foobar: { foo: 'bar', func: [Function: fn] } }",
    ),
    (
        ("%O %O", {"foo": "bar", "foobar": 1, "func": fn}),
        "{ foo: 'bar', foobar: 1, func: [Function: fn] } %O",
    ),
    # Various
    (("%%s%s", "foo"), "%sfoo"),
    (("%s:%s",), "%s:%s"),
    (("%s:%s", None), "None:%s"),
    (("%s:%s", "foo"), "foo:%s"),
    (("%s:%i", "foo"), "foo:%i"),
    (("%s:%f", "foo"), "foo:%f"),
    (("%s:%s", "foo", "bar"), "foo:bar"),
    (("%s:%s", "foo", "bar", "baz"), "foo:bar baz"),
    (("%%%s%%", "hi"), "%hi%"),
    (("%%%s%%%%", "hi"), "%hi%%"),
    (("%sbc%%def", "a"), "abc%def"),
    (("%d:%d", 12, 30), "12:30"),
    (("%d:%d", 12), "12:%d"),
    (("%d:%d",), "%d:%d"),
    (("%i:%i", 12, 30), "12:30"),
    (("%i:%i", 12), "12:%i"),
    (("%i:%i",), "%i:%i"),
    (("%f:%f", 12, 30), "12:30"),
    (("%f:%f", 12), "12:%f"),
    (("%f:%f",), "%f:%f"),
    (("o: %j, a: %j", {}, []), "o: {}, a: []"),
    (("o: %j, a: %j", {}), "o: {}, a: %j"),
    (("o: %j, a: %j",), "o: %j, a: %j"),
    (("o: %o, a: %O", {}, []), "o: {}, a: []"),
    (("o: %o, a: %o", {}), "o: {}, a: %o"),
    (("o: %O, a: %O",), "o: %O, a: %O"),
    # A lone format string is returned as it is, %% and all (formatWithOptionsInternal).
    (("%%",), "%%"),
    (("a%%b",), "a%%b"),
    (("a%%b", 1), "a%b 1"),
    # Invalid specifiers
    (("a% b", "x"), "a% b x"),
    (("percent: %d%, fraction: %d", 10, 0.1), "percent: 10%, fraction: 0.1"),
    (("abc%", 1), "abc% 1"),
    # Extra arguments
    (("%i", 1, "number"), "1 number"),
    (("%i", 1, lambda: None), "1 [Function (anonymous)]"),
    # %c
    (("%c",), "%c"),
    (("%cab",), "%cab"),
    (("%cab", "color: blue"), "ab"),
    (("%cab", "color: blue", "c"), "ab c"),
    # The first argument's type does not change the others
    (("1", "1"), "1 1"),
    ((1, "1"), "1 1"),
    (("1", 1), "1 1"),
    ((1, -0.0), "1 -0.0"),
    (("1", lambda: None), "1 [Function (anonymous)]"),
    ((1, lambda: None), "1 [Function (anonymous)]"),
    (("1", "'"), "1 '"),
    ((1, "'"), "1 '"),
    (("1", "number"), "1 number"),
    ((1, "number"), "1 number"),
    ((5, 5), "5 5"),
]


@pytest.mark.parametrize(("args", "expected"), CASES, ids=[repr(c[0])[:60] for c in CASES])
def test_format(args: tuple[Any, ...], expected: str) -> None:
    assert format(*args) == expected


def test_s_uses_a_user_defined_str() -> None:
    class Foo:
        def __str__(self) -> str:
            return "Bar"

    class Sub(Foo):
        pass

    class Plain:
        def __init__(self) -> None:
            self.abc = True

    assert format("%s", Foo()) == "Bar"
    assert format("%s", Sub()) == "Bar"
    assert format("%s", Plain()) == "Plain { abc: True }"


def test_j_circular_and_to_json() -> None:
    o: dict[str, Any] = {}
    o["o"] = o
    assert format("%j", o) == "[Circular]"

    class WithToJson:
        def to_json(self) -> object:
            return {"type": "Thing"}

    assert format("%j", WithToJson()) == '{"type":"Thing"}'

    class Throws:
        def to_json(self) -> object:
            raise RuntimeError("Not a circular object but still not serializable")

    with pytest.raises(RuntimeError, match="still not serializable"):
        format("%j", Throws())


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # Each expected text is node -e "console.log(util.format('%j', value))".
        (math.nan, "null"),
        ([math.inf, -math.inf, -0.0, 1.0], "[null,null,0,1]"),
        (
            [1e21, 1.5e-7, 0.00001, 1e16, 0.1 + 0.2],
            "[1e+21,1.5e-7,0.00001,10000000000000000,0.30000000000000004]",
        ),
        ({"a": 2.0, "b": [None, True, "x"]}, '{"a":2,"b":[null,true,"x"]}'),
        ({1: "a", 2.5: "b"}, '{"1":"a","2.5":"b"}'),
        ("\ud800 \ud83d\ude00 \u2028 \x1f", '"\\ud800 \ud83d\ude00 \u2028 \\u001f"'),
        (10**30, "1000000000000000000000000000000"),
        (fn, "undefined"),
        ({"f": fn, "n": 1}, '{"n":1}'),
        ([fn], "[null]"),
    ],
)
def test_j_is_json_stringify(value: object, expected: str) -> None:
    # JSON.stringify: NaN and Infinity are null, numbers print as JavaScript prints them,
    # lone surrogates are escaped, functions are undefined (left out of objects).
    assert format("%j", value) == expected


def test_j_circular_through_to_json_and_attributes() -> None:
    class Box:
        def __init__(self) -> None:
            self.me = self

    assert format("%j", Box()) == "[Circular]"
    shared = [1]
    assert format("%j", [shared, shared]) == "[[1],[1]]"  # shared is not circular


def test_o_goes_four_levels_deep_and_O_uses_the_options() -> None:
    nested = {"a": {"b": {"c": {"d": {"e": 1}}}}}
    assert format("%o", nested) == inspect(nested, depth=4)
    assert format("%O", nested) == inspect(nested)
    assert format_with_options({"depth": 0}, "%O", nested) == "{ a: [Object] }"


def test_numeric_separator() -> None:
    assert format_with_options(
        {"numeric_separator": True}, "%i %d", 1180591620717411303424, 12345678901234567890123
    ) == ("1_180_591_620_717_411_303_424 12_345_678_901_234_567_890_123")
    assert (
        format_with_options({"numeric_separator": True}, "%d %s %i", 1e20, 123123123, 123123123)
        == "100_000_000_000_000_000_000 123_123_123 123_123_123"
    )


def test_errors_render_as_python_prints_them() -> None:
    err = ValueError("foo")
    assert format(err) == "ValueError: foo"
    try:
        raise err
    except ValueError:
        pass
    assert format(err).startswith("Traceback (most recent call last):")
    assert format(err).endswith("ValueError: foo")


def test_format_with_options_colors() -> None:
    assert (
        format_with_options({"colors": True}, True, None, 1, 5, "foobar")
        == "\x1b[33mTrue\x1b[39m \x1b[1mNone\x1b[22m \x1b[33m1\x1b[39m \x1b[33m5\x1b[39m foobar"
    )
    assert format_with_options({"colors": True, "compact": 3}, "%s", [1, {"a": True}]) == (
        "[ 1, [Object] ]"
    )


@pytest.mark.parametrize("invalid", [None, False, 5, "test"])
def test_format_with_options_refuses_non_mappings(invalid: object) -> None:
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE, match='"inspectOptions".+object'):
        format_with_options(invalid, {"a": True})  # type: ignore[arg-type]
