"""assert_: Node's test-assert.js, test-assert-fail.js and test-assert-if-error.js, ported.

Values are rendered with Python's repr where Node uses ``util.inspect``, so messages that
involve strings and numbers only are Node's byte for byte; the others are Node's layout with
Python spellings (``None``, ``True``, ``'key': value``, ``Name(attr=value)``).
"""

from __future__ import annotations

import builtins
import copy
import decimal
import fractions
import math
import pickle
import re
import sys
from typing import Any

import pytest

import trio_nodecompat.assert_ as a
from trio_nodecompat import errors
from trio_nodecompat.assert_ import AssertionError

START = "Expected values to be strictly deep-equal:"
ACT_EXP = "+ actual - expected"
STRICT_START = "Expected values to be strictly equal:\n"


def raises(fn: Any, **expected: Any) -> BaseException:
    """Run ``fn``; it must raise; each keyword is an attribute the error must have."""
    with pytest.raises(BaseException) as info:
        fn()
    err = info.value
    for key, value in expected.items():
        if key == "type":
            assert isinstance(err, value), err
        elif key == "message":
            assert str(err) == value
        else:
            assert getattr(err, key) == value, key
    return err


# --------------------------------------------------------------------------------------------
# The module


def test_module_shape() -> None:
    assert issubclass(AssertionError, builtins.AssertionError)
    assert a.strict is a
    assert a.strict.strict is a
    assert a.equal is a.strict_equal
    assert a.not_equal is a.not_strict_equal
    assert a.deep_equal is a.deep_strict_equal
    assert a.not_deep_equal is a.not_deep_strict_equal
    assert set(a.__all__) >= {"ok", "throws", "rejects", "AssertionError", "strict"}


def test_assertion_error_attributes_and_repr() -> None:
    err = AssertionError(actual=1, expected=2, operator="strictEqual")
    assert err.code == "ERR_ASSERTION"
    assert err.name == "AssertionError"
    assert err.generated_message is True
    assert err.message == str(err) == f"{STRICT_START}\n1 !== 2\n"
    assert repr(err).startswith("AssertionError [ERR_ASSERTION]: Expected")
    custom = AssertionError(message="boom", actual=1, expected=2, operator="strictEqual")
    assert str(custom) == "boom"
    assert custom.generated_message is False
    node_style = AssertionError({"message": "m", "operator": "fail"})
    assert (str(node_style), node_style.operator) == ("m", "fail")


def test_assertion_error_positional_message_as_pythons() -> None:
    # Liskov: Python code (pytest's rewritten asserts) raises AssertionError("text").
    err = AssertionError("text")
    assert (str(err), err.generated_message, err.operator) == ("text", False, None)
    assert str(AssertionError(1)) == "1"


def test_assertion_error_copies_and_pickles() -> None:
    err = AssertionError(actual=[1], expected=[2], operator="deepStrictEqual")
    for clone in (copy.deepcopy(err), pickle.loads(pickle.dumps(err))):
        assert type(clone) is AssertionError
        assert (clone.actual, clone.expected, clone.operator) == ([1], [2], "deepStrictEqual")
        assert str(clone) == str(err)
        assert clone.generated_message is True


def test_pytest_sees_a_failed_assertion() -> None:
    with pytest.raises(builtins.AssertionError):
        a.strict_equal(1, 2)


# --------------------------------------------------------------------------------------------
# ok


def test_ok_passes_on_truthy_values() -> None:
    for value in (True, 1, "test", [0], {"a": 1}, 7, object()):
        a.ok(value)
        a.ok(value, "message")


@pytest.mark.parametrize("value", [False, 0, 0.0, "", [], {}, set(), None, b""])
def test_ok_uses_python_truthiness(value: object) -> None:
    err = raises(lambda: a.ok(value), type=AssertionError, operator="==", generated_message=True)
    assert err.actual is value  # type: ignore[attr-defined]
    assert err.expected is True  # type: ignore[attr-defined]


def test_ok_quotes_the_failing_call() -> None:
    x = 0
    with pytest.raises(AssertionError) as info:
        a.ok(x == 1)
    assert str(info.value) == "The expression evaluated to a falsy value:\n\n  a.ok(x == 1)\n"
    with pytest.raises(AssertionError) as info:
        a.ok(None)
    assert str(info.value) == "The expression evaluated to a falsy value:\n\n  a.ok(None)\n"
    # fmt: off
    with pytest.raises(AssertionError) as info:
        try: a.ok(0)  # noqa: E701 (code before the call on its line, as Node's #30872)
        finally:
            pass
    # fmt: on
    assert str(info.value) == "The expression evaluated to a falsy value:\n\n  a.ok(0)\n"


def test_ok_quotes_a_multiline_call_with_normalised_indentation() -> None:
    # fmt: off
    with pytest.raises(AssertionError) as info:
        a.ok(
            isinstance(123, str)
        )
    # fmt: on
    assert str(info.value) == (
        "The expression evaluated to a falsy value:\n\n  a.ok(\n      isinstance(123, str)\n  )\n"
    )
    with pytest.raises(AssertionError) as info:
        a.ok(None,
             None)  # fmt: skip
    assert (
        str(info.value)
        == "The expression evaluated to a falsy value:\n\n  a.ok(None,\n       None)\n"
    )


def test_ok_quotes_the_call_through_a_wrapper() -> None:
    def wrapper(fn: Any, value: object) -> None:
        fn(value)

    with pytest.raises(AssertionError) as info:
        wrapper(a.ok, False)
    assert str(info.value) == "The expression evaluated to a falsy value:\n\n  fn(value)\n"


def test_ok_without_source_says_value_equals_true() -> None:
    # Node: "Works in eval" -> 'false == true'.
    scope = {"a": a}
    with pytest.raises(AssertionError) as info:
        exec(compile("a.ok(1 == 2)", "<string>", "exec"), scope)
    assert str(info.value) == "False == True"
    assert info.value.generated_message is True


def test_ok_without_arguments() -> None:
    raises(
        lambda: a.ok(),
        type=AssertionError,
        message="No value argument passed to `assert_.ok()`",
        generated_message=True,
    )


def test_ok_custom_message_and_error() -> None:
    raises(lambda: a.ok(False, "test"), message="test", generated_message=False)
    raises(lambda: a.ok(0, "custom"), message="custom")
    err = ValueError("ok(false)")
    with pytest.raises(ValueError) as info:
        a.ok(False, err)
    assert info.value is err


# --------------------------------------------------------------------------------------------
# strict_equal / not_strict_equal (Object.is)


@pytest.mark.parametrize(
    ("x", "y"),
    [
        (None, None),
        (True, True),
        (2, 2),
        (10**30, 10**30),
        (math.nan, float("nan")),
        (-0.0, -0.0),
        ("ab", "a" + "b"),
        (b"x", b"x"),
        (complex(1, 2), complex(1, 2)),
        (decimal.Decimal("1.0"), decimal.Decimal("1.0")),
        (fractions.Fraction(1, 2), fractions.Fraction(2, 4)),
    ],
)
def test_strict_equal_scalars(x: object, y: object) -> None:
    a.strict_equal(x, y)
    a.equal(x, y)
    raises(lambda: a.not_strict_equal(x, y), type=AssertionError, operator="notStrictEqual")


@pytest.mark.parametrize(
    ("x", "y"),
    [
        (2, "2"),
        (None, False),
        (1, True),
        (1, 1.0),
        (0.0, -0.0),
        (True, False),
        (tuple([1]), tuple([1])),
        (frozenset([1]), frozenset([1])),
        ([], []),
        ({}, {}),
    ],
)
def test_strict_equal_fails(x: object, y: object) -> None:
    raises(lambda: a.strict_equal(x, y), type=AssertionError, operator="strictEqual")
    a.not_strict_equal(x, y)
    a.not_equal(x, y)


def test_strict_equal_identity_for_everything_else() -> None:
    t = (1, 2)
    a.strict_equal(t, t)
    items: list[int] = []
    a.strict_equal(items, items)


def short_message(value: object) -> str:
    return f"{STRICT_START}\n{value!r} !== ''\n"


@pytest.mark.parametrize(
    "value", [None, True, False, 100, math.nan, math.inf, "a", "foo", 0, -math.inf]
)
def test_short_assertion_messages(value: object) -> None:
    raises(lambda: a.strict_equal(value, ""), message=short_message(value), generated_message=True)


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ([], "[]"),
        (re.compile("a"), "re.compile('a')"),
        ({}, "{}"),
        ([1, 2, 3], "[\n+   1,\n+   2,\n+   3\n+ ]"),
        ({"a": None, "b": math.nan}, "{\n+   'a': None,\n+   'b': nan\n+ }"),
    ],
)
def test_long_assertion_messages(value: object, shown: str) -> None:
    raises(
        lambda: a.strict_equal(value, ""),
        message=f"{STRICT_START}+ actual - expected\n\n+ {shown}\n- ''",
        generated_message=True,
    )


def test_circular_value_in_message() -> None:
    circular: dict[str, Any] = {"y": 1}
    circular["x"] = circular
    raises(
        lambda: a.strict_equal(circular, ""),
        message=f"{STRICT_START}+ actual - expected\n\n+ {{\n+   'x': {{...}},\n+   'y': 1\n+ }}\n- ''",
    )


def test_strict_equal_messages() -> None:
    raises(
        lambda: a.strict_equal(1, 2), message=f"{STRICT_START}\n1 !== 2\n", generated_message=True
    )
    raises(lambda: a.strict_equal(1, 2, "oh no"), message="oh no", generated_message=False)
    range_error = ValueError("my range")
    with pytest.raises(ValueError) as info:
        a.strict_equal(1, 2, range_error)
    assert info.value is range_error
    raises(
        lambda: a.strict_equal("test test", "test foobar"),
        message=f"{STRICT_START}+ actual - expected\n\n+ 'test test'\n- 'test foobar'\n        ^",
    )
    raises(
        lambda: a.strict_equal("A" * 1000, ""),
        message=f"{STRICT_START}+ actual - expected\n\n+ '{'A' * 1000}'\n- ''",
    )
    raises(
        lambda: a.strict_equal([], []),
        message="Values have same structure but are not reference-equal:\n\n[]\n",
    )
    raises(
        lambda: a.strict_equal(Exception("foo"), Exception("foobar")),
        message='Expected "actual" to be reference-equal to "expected":\n'
        + "+ actual - expected\n\n  Exception(\n+   'foo'\n-   'foobar'\n  )",
    )
    raises(
        lambda: a.strict_equal(0, -0.0),
        message=f"{STRICT_START}+ actual - expected\n\n+ 0\n- -0.0",
    )


def test_not_strict_equal_messages() -> None:
    raises(
        lambda: a.not_strict_equal(2, 2), message='Expected "actual" to be strictly unequal to: 2'
    )
    raises(
        lambda: a.not_strict_equal("a " * 30, "a " * 30),
        message=f"Expected \"actual\" to be strictly unequal to:\n\n'{'a ' * 30}'",
    )
    empty: dict[str, Any] = {}
    raises(
        lambda: a.not_strict_equal(empty, empty),
        message='Expected "actual" not to be reference-equal to "expected": {}',
    )
    full = {"a": True}
    raises(
        lambda: a.not_strict_equal(full, full),
        message='Expected "actual" not to be reference-equal to "expected":\n\n{\n  \'a\': True\n}\n',
    )
    raises(lambda: a.not_equal(1, 1), operator="notStrictEqual")


@pytest.mark.parametrize(
    "call",
    [
        lambda: a.equal(1),
        lambda: a.deep_equal(re.compile("a")),
        lambda: a.not_equal(None),
        lambda: a.not_deep_equal("test"),
        lambda: a.strict_equal({}),
        lambda: a.deep_strict_equal(object()),
        lambda: a.not_strict_equal(5),
        lambda: a.not_deep_strict_equal(None),
        lambda: a.partial_deep_strict_equal(1),
        lambda: a.strict_equal(),
    ],
)
def test_missing_args(call: Any) -> None:
    raises(
        call,
        type=errors.ERR_MISSING_ARGS,
        code="ERR_MISSING_ARGS",
        message='The "actual" and "expected" arguments must be specified',
    )


# --------------------------------------------------------------------------------------------
# deep_strict_equal messages (test-assert.js "Test error diffs", test-assert-deep.js)


def test_error_diffs() -> None:
    message = "\n".join(
        [START, f"{ACT_EXP} ... Lines skipped", "", "  [", "    [", "      [", "        1,", "        2,",
         "+       3", "-       '3'", "      ]", "...", "    4,", "    5", "  ]"]
    )  # fmt: skip
    raises(lambda: a.deep_equal([[[1, 2, 3]], 4, 5], [[[1, 2, "3"]], 4, 5]), message=message)

    message = "\n".join(
        [START, f"{ACT_EXP} ... Lines skipped", "", "  [", "    1,", "...", "    1,", "    0,",
         "-   1,", "    1,", "...", "    1,", "    1", "  ]"]
    )  # fmt: skip
    raises(
        lambda: a.deep_equal(
            [1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1], [1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1]
        ),
        message=message,
    )
    message = "\n".join(
        [START, f"{ACT_EXP} ... Lines skipped", "", "  [", "    1,", "...", "    1,", "    0,",
         "+   1,", "    1,", "    1,", "    1", "  ]"]
    )  # fmt: skip
    raises(
        lambda: a.deep_equal(
            [1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1], [1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1]
        ),
        message=message,
    )
    message = "\n".join(
        [START, ACT_EXP, "", "  [", "    1,", "+   2,", "-   1,", "    1,", "    1,", "    0,", "+   1,",
         "    1", "  ]"]
    )  # fmt: skip
    raises(lambda: a.deep_equal([1, 2, 1, 1, 0, 1, 1], [1, 1, 1, 1, 0, 1]), message=message)
    message = "\n".join([START, ACT_EXP, "", "+ [", "+   1,", "+   2,", "+   1", "+ ]", "- None"])
    raises(lambda: a.deep_equal([1, 2, 1], None), message=message)
    message = "\n".join([START, ACT_EXP, "", "  [", "+   1,", "    2,", "    1", "  ]"])
    raises(lambda: a.deep_equal([1, 2, 1], [2, 1]), message=message)
    message = (
        f"{START}\n{ACT_EXP} ... Lines skipped\n\n  [\n"
        + "+   1,\n" * 25
        + "...\n"
        + "-   2,\n" * 25
        + "..."
    )
    raises(lambda: a.deep_equal([1] * 28, [2] * 28), message=message)


def test_deep_equal_messages_from_test_assert_deep() -> None:
    raises(lambda: a.deep_strict_equal(4, "4"), message=f"{START}\n\n4 !== '4'\n")
    raises(lambda: a.deep_strict_equal(True, 1), message=f"{START}\n\nTrue !== 1\n")
    raises(
        lambda: a.deep_strict_equal([4], ["4"]),
        message=f"{START}\n{ACT_EXP}\n\n  [\n+   4\n-   '4'\n  ]",
    )
    raises(
        lambda: a.deep_strict_equal({"a": 4}, {"a": 4, "b": True}),
        message=f"{START}\n{ACT_EXP}\n\n  {{\n    'a': 4,\n-   'b': True\n  }}",
    )
    raises(
        lambda: a.deep_strict_equal([1, 2, 3], [1, 2]),
        message=f"{START}\n{ACT_EXP}\n\n  [\n    1,\n    2,\n+   3\n  ]",
    )
    raises(
        lambda: a.deep_strict_equal(re.compile("ab"), re.compile("a")),
        message=f"{START}\n{ACT_EXP}\n\n+ re.compile('ab')\n- re.compile('a')\n  {' ' * 13}^",
    )
    raises(
        lambda: a.deep_strict_equal({1: 1}, {1: "1"}),
        message=f"{START}\n{ACT_EXP}\n\n  {{\n+   1: 1\n-   1: '1'\n  }}",
    )


def test_not_deep_equal_messages() -> None:
    raises(
        lambda: a.not_deep_equal([1], [1]),
        message='Expected "actual" not to be strictly deep-equal to:\n\n[\n  1\n]\n',
        operator="notDeepStrictEqual",
    )
    data = [1] * 51
    raises(
        lambda: a.not_deep_equal(data, data),
        message='Expected "actual" not to be strictly deep-equal to:'
        + "\n\n["
        + "\n  1," * 45
        + "\n...\n",
    )
    a.not_deep_strict_equal({"a": 1}, {"a": True})


def test_values_that_render_alike_but_differ() -> None:
    class Obj:
        def __init__(self, token: object) -> None:
            self.token = token

    class Tagged(str):
        pass

    tagged = Tagged("x")
    tagged.hidden = 1  # type: ignore[attr-defined]
    raises(
        lambda: a.deep_strict_equal(Obj(tagged), Obj(Tagged("x"))),
        message="Values have same structure but are not reference-equal:\n\nObj(\n  token='x'\n)\n",
    )
    symbols_a = {f"symbol{i}": object() for i in range(55)}
    symbols_b = {f"symbol{i}": object() for i in range(55)}
    err = raises(lambda: a.deep_strict_equal(symbols_a, symbols_b), type=AssertionError)
    assert "..." in str(err)


def test_huge_and_cyclic_values_render_bounded() -> None:
    big = list(range(200_000))
    other = [*big[:-1], -1]
    err = raises(lambda: a.deep_strict_equal(big, other), type=AssertionError)
    assert len(str(err).split("\n")) < 60
    deep: list[Any] = []
    cur = deep
    for _ in range(50_000):
        nxt: list[Any] = []
        cur.append(nxt)
        cur = nxt
    raises(lambda: a.deep_strict_equal(deep, [1]), type=AssertionError)
    loop: list[Any] = [1]
    loop.append(loop)
    err = raises(lambda: a.deep_strict_equal(loop, [2, loop]), type=AssertionError)
    assert "[...]" in str(err)


def test_deep_strict_equal_passes() -> None:
    a.deep_strict_equal({"a": 4, "b": "1"}, {"b": "1", "a": 4})
    a.deep_equal({"a": [1, {"b": (2,)}]}, {"a": [1, {"b": (2,)}]})
    a.not_deep_strict_equal({1: "a"}, {True: "a"})


def test_partial_deep_strict_equal() -> None:
    # Newer than the v20.11.1 baseline: partialDeepStrictEqual arrived in Node 23.4 (SPEC 7
    # asks for it); the message is Node 23's.
    a.partial_deep_strict_equal({"a": 1, "b": 2}, {"b": 2})
    a.partial_deep_strict_equal([1, 2, 3, 4], [2, 4])
    err = raises(
        lambda: a.partial_deep_strict_equal({"a": 1}, {"a": 2}),
        type=AssertionError,
        operator="partialDeepStrictEqual",
        generated_message=True,
    )
    assert str(err).startswith(
        "Expected values to be partially and strictly deep-equal:\n+ actual - expected"
    )
    raises(lambda: a.partial_deep_strict_equal({"a": 1}, {"a": 2}, "mine"), message="mine")


# --------------------------------------------------------------------------------------------
# throws / does_not_throw


def thrower(error_class: type[BaseException]) -> Any:
    def fn() -> None:
        raise error_class({})

    return fn


class ES6Error(Exception):
    pass


class AnotherErrorType(Exception):
    pass


def test_throws_basic_calls() -> None:
    a.throws(thrower(AssertionError), AssertionError, "message")
    a.throws(thrower(AssertionError), AssertionError)
    a.throws(thrower(AssertionError))
    a.throws(thrower(TypeError))


def test_throws_wrong_class() -> None:
    err = raises(
        lambda: a.throws(thrower(TypeError), AssertionError),
        type=AssertionError,
        generated_message=True,
        expected=AssertionError,
        code="ERR_ASSERTION",
        operator="throws",
        message='The error is expected to be an instance of "AssertionError". '
        'Received "TypeError"\n\nError message:\n\n{}',
    )
    assert isinstance(err.actual, TypeError)  # type: ignore[attr-defined]
    actual = AnotherErrorType("foo")

    def fn() -> None:
        raise actual

    err = raises(
        lambda: a.throws(fn, ES6Error),
        message='The error is expected to be an instance of "ES6Error". '
        'Received "AnotherErrorType"\n\nError message:\n\nfoo',
    )
    assert err.actual is actual  # type: ignore[attr-defined]
    raises(
        lambda: a.throws(thrower(TypeError), RangeErrorLike),
        message='The error is expected to be an instance of "RangeErrorLike". Received "TypeError"\n\nError message:\n\n{}',
    )


class RangeErrorLike(ValueError):
    pass


def test_throws_same_name_other_class() -> None:
    first = type("Twin", (Exception,), {})
    second = type("Twin", (Exception,), {})

    def fn() -> None:
        raise first("x")

    raises(
        lambda: a.throws(fn, second),
        message='The error is expected to be an instance of "Twin". Received an error with '
        "identical name but a different class.\n\nError message:\n\nx",
    )


def test_throws_with_non_exception_class_as_validator() -> None:
    # Node: a class that is not an Error class is called as a validation function.
    class Wrapper:
        def __init__(self, err: BaseException) -> None:
            self.err = err

    err = raises(
        lambda: a.throws(thrower(TypeError), Wrapper), type=AssertionError, operator="throws"
    )
    assert str(err).startswith(
        'The "Wrapper" validation function is expected to return "True". Received '
    )
    with pytest.raises(TypeError):  # the class cannot take the error: its TypeError propagates
        a.throws(thrower(TypeError), int)


def test_does_not_throw_passes_errors_through() -> None:
    with pytest.raises(TypeError):
        a.does_not_throw(thrower(TypeError), AssertionError)
    raises(lambda: a.does_not_throw(thrower(TypeError), TypeError), type=AssertionError)
    raises(
        lambda: a.does_not_throw(thrower(Exception), "user message"),
        type=AssertionError,
        code="ERR_ASSERTION",
        operator="doesNotThrow",
        message='Got unwanted exception: user message\nActual message: "{}"',
    )
    raises(
        lambda: a.does_not_throw(thrower(Exception)),
        message='Got unwanted exception.\nActual message: "{}"',
    )
    raises(
        lambda: a.does_not_throw(thrower(Exception), re.compile(r"\{\}"), "user message"),
        operator="doesNotThrow",
        message='Got unwanted exception: user message\nActual message: "{}"',
    )
    with pytest.raises(TypeError):
        a.does_not_throw(thrower(TypeError), re.compile("zz"))
    raises(lambda: a.does_not_throw(thrower(TypeError), lambda e: True), type=AssertionError)
    with pytest.raises(TypeError):
        a.does_not_throw(thrower(TypeError), lambda e: 1)
    a.does_not_throw(lambda: None)
    a.does_not_throw(lambda: None, "message")


def test_does_not_throw_custom_error_message() -> None:
    range_error = ValueError("my range")

    def fn() -> None:
        raise TypeError("wrong type")

    err = raises(lambda: a.does_not_throw(fn, TypeError, range_error), type=AssertionError)
    assert "my range" in str(err)


def test_throws_regexp_validation() -> None:
    a.throws(thrower(TypeError), re.compile(r"\{\}"))
    a.throws(thrower(TypeError), re.compile(rb"\{\}"))
    err = raises(
        lambda: a.throws(thrower(TypeError), re.compile("abc")),
        type=AssertionError,
        message="The input did not match the regular expression re.compile('abc'). Input:\n\n'{}'\n",
        code="ERR_ASSERTION",
        operator="throws",
        generated_message=True,
    )
    assert err.expected.pattern == "abc"  # type: ignore[attr-defined]
    raises(
        lambda: a.throws(thrower(TypeError), re.compile("abc"), "mine"),
        message="mine",
        generated_message=False,
    )


def test_throws_function_validation() -> None:
    a.throws(thrower(TypeError), lambda err: isinstance(err, TypeError) and "{}" in str(err))

    def boom() -> None:
        raise Exception("foobar")

    def validate(err: BaseException) -> object:
        return "baz"

    raises(
        lambda: a.throws(boom, validate),
        message='The "validate" validation function is expected to return "True". Received \'baz\''
        "\n\nCaught error:\n\nException: foobar",
        operator="throws",
        generated_message=True,
    )
    raises(
        lambda: a.throws(boom, lambda e: 1),
        message='The validation function is expected to return "True". Received 1\n\nCaught error:\n\nException: foobar',
    )

    def broken(err: BaseException) -> bool:
        raise KeyError("from the validator")

    with pytest.raises(KeyError):
        a.throws(boom, broken)


def test_missing_expected_exception() -> None:
    def noop() -> None:
        pass

    raises(lambda: a.throws(noop), code="ERR_ASSERTION", message="Missing expected exception.",
           operator="throws", actual=None, expected=None)  # fmt: skip
    raises(lambda: a.throws(noop, TypeError), message="Missing expected exception (TypeError).",
           actual=None, expected=TypeError)  # fmt: skip
    raises(lambda: a.throws(noop, "fhqwhgads"), message="Missing expected exception: fhqwhgads",
           actual=None, expected=None)  # fmt: skip
    raises(lambda: a.throws(noop, TypeError, "fhqwhgads"),
           message="Missing expected exception (TypeError): fhqwhgads", expected=TypeError)  # fmt: skip

    def check(err: BaseException) -> bool:
        return True

    raises(lambda: a.throws(noop, check), message="Missing expected exception (check).")
    raises(lambda: a.throws(noop, re.compile("x")), message="Missing expected exception.")
    raises(
        lambda: a.throws(noop, {"name": "TypeError"}),
        message="Missing expected exception (TypeError).",
    )
    raises(lambda: a.throws(lambda: a.if_error(None)), message="Missing expected exception.")


@pytest.mark.parametrize("fn", ["string", 1, True, False, [], {}, re.compile("foo"), None])
def test_throws_on_non_functions(fn: object) -> None:
    for method in (a.throws, a.does_not_throw):
        raises(
            lambda method=method: method(fn),
            type=errors.ERR_INVALID_ARG_TYPE,
            code="ERR_INVALID_ARG_TYPE",
            message=f'The "fn" argument must be of type function. Received {errors.describe_received(fn)}',
        )
    raises(lambda: a.throws(), type=errors.ERR_INVALID_ARG_TYPE, code="ERR_INVALID_ARG_TYPE")


def test_bad_error_argument() -> None:
    raises(
        lambda: a.throws(lambda: None, "Error message", "message"),
        code="ERR_INVALID_ARG_TYPE",
        message='The "error" argument must be of type function or an instance of BaseException, '
        "Pattern, or dict. Received type str ('Error message')",
    )
    for bad in (1, False, 2.5, b"x", [1]):
        raises(
            lambda bad=bad: a.throws(lambda: None, bad),
            code="ERR_INVALID_ARG_TYPE",
            message='The "error" argument must be of type function or an instance of BaseException, '
            f"Pattern, or dict. Received {errors.describe_received(bad)}",
        )
    raises(
        lambda: a.throws(thrower(Exception), {}),
        code="ERR_INVALID_ARG_VALUE",
        message="The argument 'error' may not be an empty object. Received {}",
    )
    raises(lambda: a.throws(thrower(Exception), {1: 2}), code="ERR_INVALID_ARG_VALUE")
    raises(
        lambda: a.does_not_throw(thrower(Exception), {"foo": "bar"}),
        type=errors.ERR_INVALID_ARG_TYPE,
        message='The "expected" argument must be of type function or an instance of Pattern. '
        "Received an instance of dict",
    )


def test_ambiguous_argument() -> None:
    def fn() -> None:
        raise TypeError("foo")

    raises(
        lambda: a.throws(fn, "foo"),
        code="ERR_AMBIGUOUS_ARGUMENT",
        type=errors.ERR_AMBIGUOUS_ARGUMENT,
        message='The "error/message" argument is ambiguous. The error message "foo" is identical to the message.',
    )
    a.throws(fn, "bar")  # a message, not an expectation


def err_fn() -> None:
    err = TypeError("Wrong value")
    err.code = 404  # type: ignore[attr-defined]
    raise err


def test_validation_objects() -> None:
    err_obj: dict[str, Any] = {"name": "TypeError", "message": "Wrong value"}
    a.throws(err_fn, err_obj)
    err_obj["code"] = 404
    a.throws(err_fn, err_obj)
    err_obj["foo"] = None
    raises(
        lambda: a.throws(err_fn, err_obj),
        code="ERR_ASSERTION",
        message=f"{START}\n{ACT_EXP}\n\n  Comparison(\n    code=404,\n-   foo=None,\n"
        "    message='Wrong value',\n    name='TypeError'\n  )",
    )
    err_obj["code"] = "404"
    err = raises(
        lambda: a.throws(err_fn, err_obj),
        message=f"{START}\n{ACT_EXP}\n\n  Comparison(\n+   code=404,\n-   code='404',\n-   foo=None,\n"
        "    message='Wrong value',\n    name='TypeError'\n  )",
        operator="throws",
        generated_message=True,
    )
    assert err.expected is err_obj  # type: ignore[attr-defined]
    assert isinstance(err.actual, TypeError)  # type: ignore[attr-defined]
    raises(lambda: a.throws(thrower(Exception), {"foo": "bar"}, "foobar"), message="foobar",
           type=AssertionError, generated_message=False)  # fmt: skip


def test_validation_object_patterns() -> None:
    def fn() -> None:
        raise TypeError("foobar")

    a.throws(fn, {"message": re.compile("foo"), "name": re.compile("^TypeError$")})
    raises(
        lambda: a.throws(fn, {"message": re.compile("fooa"), "name": re.compile("^TypeError$")}),
        message=f"{START}\n{ACT_EXP}\n\n  Comparison(\n+   message='foobar',\n"
        "-   message=re.compile('fooa'),\n    name='TypeError'\n  )",
    )


def test_exception_instance_as_expectation() -> None:
    def fn() -> None:
        raise Exception("e")

    a.throws(fn, Exception("e"))

    def type_error() -> None:
        raise TypeError("e")

    raises(
        lambda: a.throws(type_error, Exception("e")),
        message=f"{START}\n{ACT_EXP}\n\n  Comparison(\n    message='e',\n+   name='TypeError'\n-   name='Exception'\n  )",
    )

    def foo() -> None:
        raise Exception("foo")

    raises(
        lambda: a.throws(foo, Exception("")),
        generated_message=True,
        message=f"{START}\n{ACT_EXP}\n\n  Comparison(\n+   message='foo',\n-   message='',\n    name='Exception'\n  )",
    )


def test_throws_nested_assertion_error_message() -> None:
    # test-assert-deep.js: the message of a nested assertion failure, compared by attributes.
    first, second = TypeError("foo"), TypeError("foo")
    first.foo = "bar"  # type: ignore[attr-defined]
    second.foo = "baz"  # type: ignore[attr-defined]
    err = raises(
        lambda: a.throws(lambda: a.deep_strict_equal(first, second), {"operator": "throws"}),
        type=AssertionError,
    )
    assert "+   operator='deepStrictEqual'" in str(err)
    assert "-   operator='throws'" in str(err)


def test_base_exceptions_are_not_caught_unless_expected() -> None:
    def leave() -> None:
        raise SystemExit(3)

    with pytest.raises(SystemExit):
        a.throws(leave)
    with pytest.raises(KeyboardInterrupt):
        a.throws(lambda: (_ for _ in ()).throw(KeyboardInterrupt))
    a.throws(leave, SystemExit)
    a.throws(leave, SystemExit, "message")
    with pytest.raises(SystemExit):
        a.does_not_throw(leave)


# --------------------------------------------------------------------------------------------
# if_error (test-assert-if-error.js)


def test_if_error() -> None:
    err = Exception("test error")
    with pytest.raises(AssertionError) as info:
        a.if_error(err)
    e = info.value
    assert str(e) == "ifError got unwanted exception: test error"
    assert e.actual is err
    assert e.expected is None
    assert e.operator == "ifError"
    assert e.generated_message is False
    assert e.__cause__ is err
    raises(lambda: a.if_error(TypeError()), message="ifError got unwanted exception: TypeError")
    raises(
        lambda: a.if_error({"stack": False}),
        message="ifError got unwanted exception: {'stack': False}",
    )
    raises(lambda: a.if_error(False), message="ifError got unwanted exception: False")
    raises(lambda: a.if_error(0), message="ifError got unwanted exception: 0")
    raises(lambda: a.if_error("e"), message="ifError got unwanted exception: 'e'")

    class WithMessage:
        message = ""

    raises(lambda: a.if_error(WithMessage()), message="ifError got unwanted exception: WithMessage")
    a.if_error(None)
    a.if_error()


# --------------------------------------------------------------------------------------------
# fail (test-assert-fail.js)


def test_fail() -> None:
    raises(
        a.fail,
        type=AssertionError,
        code="ERR_ASSERTION",
        name="AssertionError",
        message="Failed",
        operator="fail",
        actual=None,
        expected=None,
        generated_message=True,
    )
    raises(
        lambda: a.fail("custom message"),
        code="ERR_ASSERTION",
        message="custom message",
        operator="fail",
        actual=None,
        expected=None,
        generated_message=False,
    )
    with pytest.raises(TypeError, match="custom message"):
        a.fail(TypeError("custom message"))
    raises(lambda: a.fail(""), code="ERR_ASSERTION", message="", generated_message=True)


# --------------------------------------------------------------------------------------------
# match / does_not_match


def test_match() -> None:
    a.match("I will pass", re.compile("pass"))
    a.match("I will pass", "pass$")
    a.does_not_match("I will pass", re.compile("different"))
    raises(
        lambda: a.match("abc", re.compile("x")),
        type=AssertionError,
        operator="match",
        generated_message=True,
        actual="abc",
        message="The input did not match the regular expression re.compile('x'). Input:\n\n'abc'\n",
    )
    raises(
        lambda: a.does_not_match("abc", "b"),
        operator="doesNotMatch",
        message="The input was expected to not match the regular expression re.compile('b'). Input:\n\n'abc'\n",
    )
    for method, operator in ((a.match, "match"), (a.does_not_match, "doesNotMatch")):
        raises(
            lambda method=method: method(5, re.compile("x")),
            type=AssertionError,
            operator=operator,
            message='The "string" argument must be of type string. Received type int (5)',
        )
        raises(lambda method=method: method(b"x", "x"), type=AssertionError)
        raises(lambda method=method: method("abc", "x" if method is a.match else "b", "custom"),
               message="custom", generated_message=False)  # fmt: skip
        with pytest.raises(KeyError):
            method(1, "x", KeyError("own"))
        raises(
            lambda method=method: method("x", 5),
            type=errors.ERR_INVALID_ARG_TYPE,
            message='The "regexp" argument must be of type string or an instance of Pattern. Received type int (5)',
        )
        raises(lambda method=method: method("x", re.compile(b"x")), code="ERR_INVALID_ARG_TYPE")
        raises(lambda method=method: method("x", "("), code="ERR_INVALID_ARG_VALUE")


def test_tracebacks_hide_internals() -> None:
    # As Node's stackStartFn: pytest shows the test's line, not the helpers.
    frames = []
    try:
        a.deep_strict_equal([1], [2])
    except AssertionError as err:
        tb = err.__traceback__
        while tb is not None:
            frames.append(tb.tb_frame.f_locals.get("__tracebackhide__", False))
            tb = tb.tb_next
    assert frames[0] is False
    assert all(frames[1:])


def test_messages_do_not_depend_on_recursion_limit() -> None:
    old = sys.getrecursionlimit()
    try:
        sys.setrecursionlimit(200)
        nested: Any = 0
        for _ in range(1000):
            nested = [nested]
        raises(lambda: a.deep_strict_equal(nested, [1]), type=AssertionError)
    finally:
        sys.setrecursionlimit(old)


def test_async_callables_in_sync_assertions_do_not_leak() -> None:
    # Node: throws(asyncFn) sees a promise, not an exception. Here the coroutine is closed.
    async def boom() -> None:
        raise ValueError("never runs")

    raises(lambda: a.throws(boom), type=AssertionError, message="Missing expected exception.")
    a.does_not_throw(boom)

    async def validator(err: BaseException) -> bool:
        return True

    err = raises(lambda: a.throws(thrower(TypeError), validator), type=AssertionError)
    assert "Received <coroutine object" in str(err)
    with pytest.raises(TypeError):
        a.does_not_throw(thrower(TypeError), validator)
    import gc

    gc.collect()  # a leaked coroutine would warn here, and -W error makes that fail


def test_exception_messages_in_throws_read_as_node_interpolates_them() -> None:
    # node -e: assert.throws(() => { throw new TypeError('x') }, RangeError, new Error('k'))
    # -> AssertionError "Error: k"; a validation object raises the Error itself.
    def fn() -> None:
        raise TypeError("x")

    raises(
        lambda: a.throws(fn, ValueError, KeyError("k")),
        type=AssertionError,
        message="KeyError: 'k'",
    )
    raises(
        lambda: a.does_not_throw(fn, TypeError, ValueError("my range")),
        message='Got unwanted exception: ValueError: my range\nActual message: "x"',
    )
    raises(
        lambda: a.throws(lambda: None, TypeError, ValueError("v")),
        message="Missing expected exception (TypeError): ValueError: v",
    )
    own = ValueError("own")
    with pytest.raises(ValueError) as info:
        a.throws(fn, {"message": "y"}, own)
    assert info.value is own


def test_validation_function_returning_an_object() -> None:
    err = TypeError("foo")

    def fn() -> None:
        raise err

    def validate(e: BaseException) -> object:
        return {"a": True, "b": [1, 2, 3]}

    failure = raises(
        lambda: a.throws(fn, validate),
        type=AssertionError,
        message='The "validate" validation function is expected to return "True". Received '
        "{'a': True, 'b': [1, 2, 3]}\n\nCaught error:\n\nTypeError: foo",
        code="ERR_ASSERTION",
        expected=validate,
        operator="throws",
    )
    assert failure.actual is err  # type: ignore[attr-defined]


def test_match_more_node_cases() -> None:
    pattern = re.compile("abc")
    raises(
        lambda: a.match("string", pattern),
        actual="string",
        expected=pattern,
        operator="match",
        message="The input did not match the regular expression re.compile('abc'). Input:\n\n'string'\n",
        generated_message=True,
    )
    raises(lambda: a.match("string", pattern, "foobar"), message="foobar", generated_message=False)
    error_message = ValueError("foobar")
    with pytest.raises(ValueError) as info:
        a.match("string", pattern, error_message)
    assert info.value is error_message
    raises(
        lambda: a.match({"abc": 123}, pattern),
        actual={"abc": 123},
        operator="match",
        message="The \"string\" argument must be of type string. Received type dict ({'abc': 123})",
    )
    raises(
        lambda: a.does_not_match({"abc": 123}, pattern),
        operator="doesNotMatch",
        message="The \"string\" argument must be of type string. Received type dict ({'abc': 123})",
    )
    # A str is a pattern source here, so Node's match(/abc/, 'string') is a bad input value.
    raises(lambda: a.match(pattern, "string"), type=AssertionError, operator="match")
    a.does_not_match("I will pass", re.compile("different$"))
