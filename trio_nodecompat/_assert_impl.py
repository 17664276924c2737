"""The assertions of ``node:assert`` in strict mode; :mod:`trio_nodecompat.assert_` re-exports them.

Each function follows Node 20's ``lib/assert.js`` step for step (argument checks, the order
of the checks, the operator string, when the message counts as generated); the Python-specific
choices are listed in ``docs/modules/assert_.rst``. Every helper sets ``__tracebackhide__`` so
pytest shows the failing line of the test, not these internals, as Node's ``stackStartFn``
hides its own frames.
"""

from __future__ import annotations

import inspect
import linecache
import re
import sys
import traceback
import types
from collections.abc import Awaitable, Callable
from typing import Any, Final, NoReturn

from ._assertion_error import AssertionError
from ._internal.deep_equal import is_deep_strict_equal, is_partial_deep_strict_equal
from ._internal.diff import inline_repr
from ._internal.validators import validate_function
from .errors import (
    ERR_AMBIGUOUS_ARGUMENT,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_RETURN_VALUE,
    ERR_MISSING_ARGS,
)

__all__ = [
    "deep_strict_equal",
    "does_not_match",
    "does_not_reject",
    "does_not_throw",
    "fail",
    "if_error",
    "match",
    "not_deep_strict_equal",
    "not_strict_equal",
    "ok",
    "partial_deep_strict_equal",
    "rejects",
    "strict_equal",
    "throws",
]


class _NoArgument:
    """Marks a parameter the caller did not pass (Node checks ``arguments.length``)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<no argument>"


_NO_ARG: Final[Any] = _NoArgument()


class _NoException:
    __slots__ = ()


#: What ``throws``/``rejects`` saw when the call did not fail (Node's NO_EXCEPTION_SENTINEL).
_NO_EXCEPTION: Final = _NoException()

#: What ``error`` may be, in the words of ``ERR_INVALID_ARG_TYPE``.
_ERROR_KINDS: Final = ["function", "BaseException", "Pattern", "dict"]

Message = str | BaseException | None


# --------------------------------------------------------------------------------------------
# Failing


def _is_falsy_message(message: object) -> bool:
    """Node's ``!message`` for the values a message can be."""
    if message is None:
        return True
    if isinstance(message, str | int | float):
        return not message
    return False


def _raise(
    actual: object, expected: object, message: object, operator: str, generated: bool | None = None
) -> NoReturn:
    """Node's ``innerFail``: a custom exception as message is raised as is."""
    __tracebackhide__ = True
    if isinstance(message, BaseException):
        raise message
    err = AssertionError(message=message, actual=actual, expected=expected, operator=operator)
    err.generated_message = _is_falsy_message(message) if generated is None else generated
    raise err


def _text(message: object) -> object:
    """A message as Node interpolates it: an exception reads ``TypeError: text``."""
    if isinstance(message, BaseException):
        return _format_error(message)
    return message


def _missing(actual: object, expected: object) -> None:
    if actual is _NO_ARG or expected is _NO_ARG:
        raise ERR_MISSING_ARGS("actual", "expected")


# --------------------------------------------------------------------------------------------
# ok, and the source text of the failing call


def ok(value: object = _NO_ARG, message: Message = None) -> None:
    """Fail unless ``value`` is truthy, in Python's sense (``ok([])`` fails).

    Without a message the error quotes the call, as Node does: ``The expression evaluated to
    a falsy value:\\n\\n  assert_.ok(x == 1)\\n``. Without a value at all it says so.
    """
    __tracebackhide__ = True
    if value is _NO_ARG:
        _raise(None, True, "No value argument passed to `assert_.ok()`", "==", generated=True)
    if value:
        return
    if message is None:
        source = _call_source(sys._getframe(1))
        if source is None:
            _raise(value, True, None, "==")
        _raise(value, True, source, "==", generated=True)
    _raise(value, True, message, "==")


def _call_source(frame: types.FrameType) -> str | None:
    """The source of the call being made in ``frame``, formatted as Node's ``getErrMessage``."""
    try:
        positions = list(frame.f_code.co_positions())
        lineno, end_lineno, col, end_col = positions[frame.f_lasti // 2]
    except (AttributeError, IndexError, ValueError):
        return None
    if lineno is None or end_lineno is None or col is None or end_col is None:
        return None
    lines = linecache.getlines(frame.f_code.co_filename, frame.f_globals)
    if end_lineno > len(lines):
        return None
    chunk = [line.rstrip("\r\n").encode("utf-8") for line in lines[lineno - 1 : end_lineno]]
    if not chunk:
        return None
    try:
        if len(chunk) == 1:
            parts = [chunk[0][col:end_col].decode("utf-8")]
        else:
            parts = [chunk[0][col:].decode("utf-8")]
            parts.extend(c.decode("utf-8") for c in chunk[1:-1])
            parts.append(chunk[-1][:end_col].decode("utf-8"))
        column = len(chunk[0][:col].decode("utf-8"))
    except UnicodeDecodeError:
        return None
    text = parts[0]
    for part in parts[1:]:
        pos = 0
        while pos < column and pos < len(part) and part[pos] in " \t":
            pos += 1
        text += "\n  " + part[pos:]
    return f"The expression evaluated to a falsy value:\n\n  {text}\n"


# --------------------------------------------------------------------------------------------
# Equality


def _object_is(actual: object, expected: object) -> bool:
    """Node's ``Object.is`` in SPEC 7's terms: scalars by type and value, the rest by identity."""
    if actual is expected:
        return True
    if type(actual) is not type(expected) or type(actual) not in _SCALARS:
        return False
    return is_deep_strict_equal(actual, expected)


def _scalar_types() -> frozenset[type]:
    from decimal import Decimal
    from fractions import Fraction

    return frozenset({type(None), bool, int, float, complex, str, bytes, Decimal, Fraction})


_SCALARS: Final = _scalar_types()


def strict_equal(
    actual: object = _NO_ARG, expected: object = _NO_ARG, message: Message = None
) -> None:
    """Fail unless ``actual`` is ``expected`` in Node's ``Object.is`` sense.

    Immutable scalars (``None``, ``bool``, ``int``, ``float``, ``complex``, ``str``, ``bytes``,
    ``Decimal``, ``Fraction``) are the same when they have the same type and value (NaN is
    NaN, ``0.0`` is not ``-0.0``, ``1`` is not ``True`` is not ``1.0``); anything else must be
    the very same object.
    """
    __tracebackhide__ = True
    _missing(actual, expected)
    if not _object_is(actual, expected):
        _raise(actual, expected, message, "strictEqual")


def not_strict_equal(
    actual: object = _NO_ARG, expected: object = _NO_ARG, message: Message = None
) -> None:
    """Fail if ``actual`` is ``expected`` in the :func:`strict_equal` sense."""
    __tracebackhide__ = True
    _missing(actual, expected)
    if _object_is(actual, expected):
        _raise(actual, expected, message, "notStrictEqual")


def deep_strict_equal(
    actual: object = _NO_ARG, expected: object = _NO_ARG, message: Message = None
) -> None:
    """Fail unless ``actual`` and ``expected`` are deep strictly equal (see the docs' table)."""
    __tracebackhide__ = True
    _missing(actual, expected)
    if not is_deep_strict_equal(actual, expected):
        _raise(actual, expected, message, "deepStrictEqual")


def not_deep_strict_equal(
    actual: object = _NO_ARG, expected: object = _NO_ARG, message: Message = None
) -> None:
    """Fail if ``actual`` and ``expected`` are deep strictly equal."""
    __tracebackhide__ = True
    _missing(actual, expected)
    if is_deep_strict_equal(actual, expected):
        _raise(actual, expected, message, "notDeepStrictEqual")


def partial_deep_strict_equal(
    actual: object = _NO_ARG, expected: object = _NO_ARG, message: Message = None
) -> None:
    """Fail unless ``expected`` is deep strictly contained in ``actual`` (Node 23's rules).

    Dicts and objects need only ``expected``'s keys and attributes; lists, tuples and
    bytes-likes need ``expected``'s items as an in-order subsequence; sets need a member of
    ``actual`` for each member of ``expected``; everything else compares strictly.
    """
    __tracebackhide__ = True
    _missing(actual, expected)
    if not is_partial_deep_strict_equal(actual, expected):
        _raise(actual, expected, message, "partialDeepStrictEqual")


# --------------------------------------------------------------------------------------------
# throws / rejects


def _catchable(error: object) -> tuple[type[BaseException], ...]:
    """Exceptions, plus a ``BaseException`` class the caller explicitly expects."""
    if isinstance(error, type) and issubclass(error, BaseException):
        return (Exception, error)
    return (Exception,)


def _discard(value: object) -> object:
    """Close a coroutine a synchronous call returned, so it never warns "never awaited".

    ``throws(async_fn)`` calls the async function and gets a coroutine, not an exception (in
    Node, a promise): that is :func:`rejects`'s job, and the coroutine would otherwise leak.
    """
    if inspect.iscoroutine(value):
        value.close()
    return value


def _call(fn: Callable[[], object], catch: tuple[type[BaseException], ...]) -> object:
    try:
        _discard(fn())
    except catch as exc:
        return exc
    return _NO_EXCEPTION


async def _wait_for(async_fn: object, catch: tuple[type[BaseException], ...]) -> object:
    """Node's ``waitForActual``: call (or take) the awaitable and await it."""
    awaitable: Awaitable[object]
    if callable(async_fn):
        result = async_fn()  # a synchronous raise propagates, as in Node
        if not inspect.isawaitable(result):
            raise ERR_INVALID_RETURN_VALUE("an awaitable", "async_fn", result)
        awaitable = result
    elif inspect.isawaitable(async_fn):
        awaitable = async_fn
    else:
        raise ERR_INVALID_ARG_TYPE("async_fn", ["function", "Awaitable"], async_fn)
    try:
        await awaitable
    except catch as exc:
        return exc
    return _NO_EXCEPTION


def _error_name(error: object) -> str:
    if isinstance(error, dict):
        name = error.get("name")
        return name if isinstance(name, str) else ""
    name = getattr(error, "__name__", "")
    return name if isinstance(name, str) and name != "<lambda>" else ""


def _expects_error(
    operator: str, actual: object, error: object, message: object, fn_type: str
) -> None:
    """Node's ``expectsError``."""
    __tracebackhide__ = True
    if isinstance(error, str):
        if message is not _NO_ARG:
            raise ERR_INVALID_ARG_TYPE("error", _ERROR_KINDS, error)
        if isinstance(actual, BaseException) and str(actual) == error:
            raise ERR_AMBIGUOUS_ARGUMENT(
                "error/message", f'The error message "{error}" is identical to the message.'
            )
        message = error
        error = None
    elif error is not _NO_ARG and error is not None and not _is_error_expectation(error):
        raise ERR_INVALID_ARG_TYPE("error", _ERROR_KINDS, error)
    if message is _NO_ARG:
        message = None
    if error is _NO_ARG:
        error = None

    if actual is _NO_EXCEPTION:
        details = ""
        name = _error_name(error) if error is not None else ""
        if name:
            details += f" ({name})"
        details += "." if _is_falsy_message(message) else f": {_text(message)}"
        _raise(None, error, f"Missing expected {fn_type}{details}", operator)
    if error is None:
        return
    assert isinstance(actual, BaseException)
    _expected_exception(actual, error, message, operator)


def _is_error_expectation(error: object) -> bool:
    return isinstance(error, re.Pattern | dict | BaseException) or callable(error)


def _format_error(err: BaseException) -> str:
    """Node's ``${err}`` for an error: ``TypeError: message``."""
    return "".join(traceback.format_exception_only(type(err), err)).rstrip("\n")


def _expected_exception(
    actual: BaseException, expected: object, message: object, operator: str
) -> None:
    """Node's ``expectedException``: does the caught error meet the expectation?"""
    __tracebackhide__ = True
    if isinstance(expected, re.Pattern):
        text = str(actual)
        if _search(expected, text):
            return
        generated = _is_falsy_message(message)
        if generated:
            message = (
                f"The input did not match the regular expression {inline_repr(expected)}. "
                f"Input:\n\n{inline_repr(text)}\n"
            )
        _raise(actual, expected, _text(message), operator, generated)
    if isinstance(expected, dict | BaseException):
        _check_validation_object(actual, expected, message, operator)
        return
    if isinstance(expected, type):
        if isinstance(actual, expected):
            return
        if issubclass(expected, BaseException):
            generated = _is_falsy_message(message)
            if generated:
                message = (
                    f'The error is expected to be an instance of "{expected.__name__}". Received '
                )
                name = type(actual).__name__
                if name == expected.__name__:
                    message += "an error with identical name but a different class."
                else:
                    message += f'"{name}"'
                if str(actual):
                    message += f"\n\nError message:\n\n{actual}"
            _raise(actual, expected, _text(message), operator, generated)
    assert callable(expected)
    result = _discard(expected(actual))
    if result is not True:
        generated = _is_falsy_message(message)
        if generated:
            name = _error_name(expected)
            label = f'"{name}" ' if name else ""
            message = (
                f'The {label}validation function is expected to return "True". '
                f"Received {inline_repr(result)}\n\nCaught error:\n\n{_format_error(actual)}"
            )
        _raise(actual, expected, _text(message), operator, generated)


def _search(pattern: re.Pattern[Any], text: str) -> bool:
    if isinstance(pattern.pattern, bytes):
        return pattern.search(text.encode("utf-8", "surrogatepass")) is not None
    return pattern.search(text) is not None


_ABSENT: Final = object()


def _get(obj: object, key: str) -> object:
    """An expectation's or an error's property, with JS's ``name``/``message`` for errors."""
    if isinstance(obj, dict):
        return obj.get(key, _ABSENT)
    value = getattr(obj, key, _ABSENT)
    if value is _ABSENT and isinstance(obj, BaseException):
        if key == "message":
            return str(obj)
        if key == "name":
            return type(obj).__name__
    return value


class Comparison:
    """The placeholder Node shows in a validation-object diff: only the compared keys."""

    def __init__(self, obj: object, keys: list[str], actual: object = _ABSENT) -> None:
        for key in keys:
            value = _get(obj, key)
            if value is _ABSENT:
                continue
            if actual is not _ABSENT:
                seen = _get(actual, key)
                if isinstance(seen, str) and isinstance(value, re.Pattern) and _search(value, seen):
                    value = seen
            setattr(self, key, value)


def _check_validation_object(
    actual: BaseException, expected: dict[Any, Any] | BaseException, message: object, operator: str
) -> None:
    __tracebackhide__ = True
    if isinstance(expected, BaseException):
        keys = [k for k in vars(expected) if isinstance(k, str) and not k.startswith("__")]
        keys += ["name", "message"]
    else:
        keys = list(expected)
        if not keys:
            raise ERR_INVALID_ARG_VALUE("error", expected, "may not be an empty object")
        for key in keys:
            if not isinstance(key, str):
                raise ERR_INVALID_ARG_VALUE(
                    "error", expected, "may only have string keys (attribute names)"
                )
    for key in keys:
        seen = _get(actual, key)
        wanted = _get(expected, key)
        if isinstance(seen, str) and isinstance(wanted, re.Pattern) and _search(wanted, seen):
            continue
        if seen is _ABSENT or not is_deep_strict_equal(seen, wanted):
            if _is_falsy_message(message):
                err = AssertionError(
                    actual=Comparison(actual, keys),
                    expected=Comparison(expected, keys, actual),
                    operator="deepStrictEqual",
                )
                err.actual = actual
                err.expected = expected
                err.operator = operator
                raise err
            _raise(actual, expected, message, operator)


def throws(fn: Any = _NO_ARG, error: Any = _NO_ARG, message: Any = _NO_ARG) -> None:
    """Fail unless calling ``fn()`` raises, and the exception meets ``error`` if given.

    ``error`` is an exception class (``isinstance``), a compiled pattern (searched in
    ``str(err)``), a validation function (must return exactly ``True``), or a dict of expected
    attributes (values compared deep strictly, or a pattern searched in a string attribute;
    ``'name'`` and ``'message'`` default to the class name and ``str(err)``, as JS errors have
    them). A ``str`` in its place is the message. Only :class:`Exception` is caught, plus the
    ``error`` class itself when it is a bare ``BaseException`` subclass; the rest propagates.
    """
    __tracebackhide__ = True
    validate_function(fn, "fn")
    _expects_error("throws", _call(fn, _catchable(error)), error, message, "exception")


async def rejects(async_fn: Any = _NO_ARG, error: Any = _NO_ARG, message: Any = _NO_ARG) -> None:
    """Fail unless awaiting ``async_fn()`` (or the awaitable ``async_fn``) raises as expected.

    The expectations are those of :func:`throws`. The awaitable is always awaited before
    anything else is checked, so it never leaks un-awaited. Cancellation and other
    ``BaseException`` that are not :class:`Exception` propagate (unless ``error`` names them).
    """
    __tracebackhide__ = True
    actual = await _wait_for(async_fn, _catchable(error))
    _expects_error("rejects", actual, error, message, "rejection")


def _has_matching_error(actual: BaseException, expected: Any) -> bool:
    """Node's ``hasMatchingError`` (``doesNotThrow``'s narrower expectation)."""
    if isinstance(expected, re.Pattern):
        return _search(expected, str(actual))
    if not callable(expected) or isinstance(expected, BaseException):
        raise ERR_INVALID_ARG_TYPE("expected", ["function", "Pattern"], expected)
    if isinstance(expected, type):
        if isinstance(actual, expected):
            return True
        if issubclass(expected, BaseException):
            return False
    return _discard(expected(actual)) is True


def _expects_no_error(
    operator: str, actual: object, error: object, message: object, fn_type: str
) -> None:
    __tracebackhide__ = True
    if actual is _NO_EXCEPTION:
        return
    assert isinstance(actual, BaseException)
    if isinstance(error, str):
        message = error
        error = None
    if message is _NO_ARG:
        message = None
    if error is _NO_ARG:
        error = None
    if error is None or _has_matching_error(actual, error):
        details = "." if _is_falsy_message(message) else f": {_text(message)}"
        _raise(
            actual,
            error,
            f'Got unwanted {fn_type}{details}\nActual message: "{actual}"',
            operator,
        )
    raise actual


def does_not_throw(fn: Any = _NO_ARG, error: Any = _NO_ARG, message: Any = _NO_ARG) -> None:
    """Fail if calling ``fn()`` raises an exception that matches ``error`` (any, if not given).

    ``error`` is an exception class, a compiled pattern or a validation function; a ``str`` in
    its place is the message. An exception that does not match propagates unchanged.
    """
    __tracebackhide__ = True
    validate_function(fn, "fn")
    _expects_no_error("doesNotThrow", _call(fn, _catchable(error)), error, message, "exception")


async def does_not_reject(
    async_fn: Any = _NO_ARG, error: Any = _NO_ARG, message: Any = _NO_ARG
) -> None:
    """Fail if awaiting ``async_fn()`` (or the awaitable ``async_fn``) raises a matching error.

    The counterpart of :func:`rejects`, with :func:`does_not_throw`'s expectations.
    """
    __tracebackhide__ = True
    actual = await _wait_for(async_fn, _catchable(error))
    _expects_no_error("doesNotReject", actual, error, message, "rejection")


# --------------------------------------------------------------------------------------------
# if_error, match, fail


def if_error(value: object = None) -> None:
    """Raise an ``AssertionError`` if ``value`` is not ``None`` (a callback's error slot).

    The message names the error (``ifError got unwanted exception: boom``); an exception
    ``value`` becomes the new error's ``__cause__``, so its traceback is kept, as Node keeps
    the original stack.
    """
    __tracebackhide__ = True
    if value is None:
        return
    message = "ifError got unwanted exception: "
    text = str(value) if isinstance(value, BaseException) else getattr(value, "message", None)
    if isinstance(text, str):
        message += text if text else type(value).__name__
    else:
        message += inline_repr(value, 512)
    err = AssertionError(message=message, actual=value, expected=None, operator="ifError")
    if isinstance(value, BaseException):
        raise err from value
    raise err


def _pattern(regexp: object) -> re.Pattern[str]:
    if isinstance(regexp, str):
        try:
            return re.compile(regexp)
        except re.error as exc:
            raise ERR_INVALID_ARG_VALUE(
                "regexp", regexp, f"is not a valid regular expression ({exc})"
            ) from None
    if isinstance(regexp, re.Pattern) and isinstance(regexp.pattern, str):
        return regexp
    raise ERR_INVALID_ARG_TYPE("regexp", ["string", "Pattern"], regexp)


def _internal_match(string: object, regexp: object, message: object, operator: str) -> None:
    __tracebackhide__ = True
    pattern = _pattern(regexp)
    want = operator == "match"
    if not isinstance(string, str) or (pattern.search(string) is not None) != want:
        if isinstance(message, BaseException):
            raise message
        generated = _is_falsy_message(message)
        if generated:
            if not isinstance(string, str):
                message = (
                    'The "string" argument must be of type string. Received type '
                    f"{type(string).__name__} ({inline_repr(string)})"
                )
            else:
                verb = "did not match" if want else "was expected to not match"
                message = (
                    f"The input {verb} the regular expression {inline_repr(pattern)}. "
                    f"Input:\n\n{inline_repr(string)}\n"
                )
        _raise(string, pattern, message, operator, generated)


def match(string: object, regexp: re.Pattern[str] | str, message: Message = None) -> None:
    """Fail unless ``string`` is a ``str`` in which ``regexp`` (a pattern or its source) is found."""
    __tracebackhide__ = True
    _internal_match(string, regexp, message, "match")


def does_not_match(string: object, regexp: re.Pattern[str] | str, message: Message = None) -> None:
    """Fail unless ``string`` is a ``str`` in which ``regexp`` is not found."""
    __tracebackhide__ = True
    _internal_match(string, regexp, message, "doesNotMatch")


def fail(message: Message = None) -> NoReturn:
    """Always fail: with ``message``, or ``'Failed'``; an exception ``message`` is raised as is.

    Node's deprecated multi-argument form (``fail(actual, expected, message, operator)``,
    DEP0094) is not provided.
    """
    __tracebackhide__ = True
    if isinstance(message, BaseException):
        raise message
    if message is None:
        _raise(None, None, "Failed", "fail", generated=True)
    _raise(None, None, message, "fail")
