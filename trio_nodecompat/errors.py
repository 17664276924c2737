"""Node.js error codes, as Python exceptions.

Every error this package raises for bad input carries Node's ``.code`` and reads like Node's
message, and is an instance of the Python built-in that plays the role of Node's error class:

==================  ======================================================================
Node class          Python base
==================  ======================================================================
``TypeError``       :class:`TypeError`
``RangeError``      :class:`ValueError`; codes about positions (``ERR_OUT_OF_RANGE``,
                    ``ERR_BUFFER_OUT_OF_BOUNDS``, ``ERR_INDEX_OUT_OF_RANGE``) are also
                    :class:`IndexError`, so ``except IndexError`` catches a bad offset
``Error``           :class:`Exception` (through :class:`NodeError`)
==================  ======================================================================

Each code is a class named after it (``errors.ERR_INVALID_ARG_TYPE``), so both
``except errors.ERR_OUT_OF_RANGE`` and ``except ValueError`` work, and ``err.code`` holds the
code string for code that dispatches on it the Node way. Like Node's ``internal/errors``, the
message wording lives here once; callers pass only the facts (names, values, ranges).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

__all__ = [
    "CODES",
    "ERR_AMBIGUOUS_ARGUMENT",
    "ERR_BUFFER_OUT_OF_BOUNDS",
    "ERR_ENCODING_INVALID_ENCODED_DATA",
    "ERR_ENCODING_NOT_SUPPORTED",
    "ERR_FALSY_VALUE_REJECTION",
    "ERR_INDEX_OUT_OF_RANGE",
    "ERR_INVALID_ARG_TYPE",
    "ERR_INVALID_ARG_VALUE",
    "ERR_INVALID_BUFFER_SIZE",
    "ERR_INVALID_RETURN_VALUE",
    "ERR_INVALID_STATE",
    "ERR_INVALID_THIS",
    "ERR_METHOD_NOT_IMPLEMENTED",
    "ERR_MISSING_ARGS",
    "ERR_NON_EXCEPTION_REJECTION",
    "ERR_OUT_OF_RANGE",
    "ERR_STRING_TOO_LONG",
    "ERR_UNHANDLED_ERROR",
    "ERR_UNKNOWN_ENCODING",
    "InvalidCharacterError",
    "NoLoopError",
    "NodeError",
    "NodeRangeError",
    "NodeTypeError",
    "U_ILLEGAL_ARGUMENT_ERROR",
    "U_INVALID_CHAR_FOUND",
    "describe_received",
]


class NodeError(Exception):
    """Base class of every error that carries a Node.js error code.

    ``code`` is Node's code string (``'ERR_INVALID_ARG_TYPE'``); ``name`` is the name of the
    Node error class the error stands for (``'TypeError'``, ``'RangeError'``, ``'Error'``), so
    ``f"{err.name} [{err.code}]: {err}"`` prints what Node prints for an uncaught error.
    """

    code: ClassVar[str] = ""
    name: ClassVar[str] = "Error"

    def __init__(self, message: str) -> None:
        super().__init__(message)

    @property
    def message(self) -> str:
        """The message alone, as Node's ``err.message``."""
        return str(self.args[0]) if self.args else ""

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r})"


class NodeTypeError(NodeError, TypeError):
    """A Node ``TypeError``: the argument has the wrong type or shape."""

    name: ClassVar[str] = "TypeError"


class NodeRangeError(NodeError, ValueError):
    """A Node ``RangeError``: the argument is of the right type but outside what is allowed."""

    name: ClassVar[str] = "RangeError"


class _NodeIndexRangeError(NodeRangeError, IndexError):
    """A Node ``RangeError`` about a position, so it is an :class:`IndexError` as well."""


class NoLoopError(RuntimeError):
    """Raised when work that needs a :func:`trio_nodecompat.open_loop` runs outside one.

    Node has an implicit event loop; Trio has none, so fire-and-forget work (async listeners,
    timers, ``callbackify``) needs an explicit place to live. The message says how to open it.
    """

    code: ClassVar[str] = "ERR_TRIO_NODECOMPAT_NO_LOOP"

    def __init__(self, what: str) -> None:
        super().__init__(
            f"{what} needs a running trio_nodecompat loop: run this code inside "
            "`async with trio_nodecompat.open_loop():`, or start the program with "
            "`trio_nodecompat.run(main)`"
        )


# --------------------------------------------------------------------------------------------
# Rendering values inside messages


def _short_repr(value: object, limit: int = 28) -> str:
    text = repr(value)
    if len(text) > limit:
        text = text[: limit - 3] + "..."
    return text


def describe_received(value: object) -> str:
    """Describe a received value the way Node's ``determineSpecificType`` does.

    ``None`` is ``None``; a named function or class is ``function name``; a scalar is
    ``type int (1)`` with a repr cut to 28 characters; any other object is
    ``an instance of list``.
    """
    if value is None:
        return "None"
    if isinstance(value, bool | int | float | complex | str | bytes):
        return f"type {type(value).__name__} ({_short_repr(value)})"
    if callable(value):
        name = getattr(value, "__name__", "")
        if isinstance(name, str) and name and name != "<lambda>":
            return f"function {name}"
        return f"function {_short_repr(value)}"
    return f"an instance of {type(value).__name__}"


def _format_number(value: object) -> str:
    """Node's ``addNumericalSeparator`` for big integers, repr for the rest.

    Node tests ``Number.isInteger``, so an integral float (``1e10``) is grouped like an int.
    """
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 2**32:
        sign = "-" if value < 0 else ""
        digits = str(abs(value))
        groups = []
        while len(digits) > 3:
            groups.append(digits[-3:])
            digits = digits[:-3]
        groups.append(digits)
        return sign + "_".join(reversed(groups))
    if isinstance(value, float):
        return {"nan": "NaN", "inf": "Infinity", "-inf": "-Infinity"}.get(repr(value), repr(value))
    return repr(value)


def _join_alternatives(items: Sequence[str], last: str = "or") -> str:
    if len(items) == 1:
        return items[0]
    if len(items) == 2:
        return f"{items[0]} {last} {items[1]}"
    return ", ".join(items[:-1]) + f", {last} {items[-1]}"


#: Expected-type words that read "of type X"; any other single word is a class ("an instance of X").
_TYPE_WORDS = frozenset(
    {"string", "function", "number", "integer", "boolean", "object", "bigint", "symbol", "bytes"}
)


def _argument_label(name: str) -> str:
    if name.endswith(" argument"):
        return f"The {name}"
    kind = "property" if "." in name else "argument"
    return f'The "{name}" {kind}'


#: "No value given" for constructors where ``None`` is a value (JS ``undefined``) of its own.
_NO_CONTEXT: object = object()


def _inspect_for_message(value: object) -> str:
    """``util.inspect(value)`` for a message; if that fails, a repr that cannot fail.

    Node falls back to the value itself when ``inspect`` throws. A Python value whose
    ``__repr__`` raises gets ``object.__repr__``, so building the error never fails.
    """
    from .util._inspect import inspect  # errors is imported by util: import at call time

    try:
        return inspect(value)
    except Exception:
        return object.__repr__(value)


# --------------------------------------------------------------------------------------------
# The codes


class ERR_INVALID_ARG_TYPE(NodeTypeError):
    """An argument has the wrong type.

    ``expected`` names what was wanted, in Node's words: type names (``'function'``,
    ``'string'``, ``'number'``, ``'integer'``, ``'boolean'``, ``'object'``, ``'bytes'``) read
    "of type X"; any other single word is a class and reads "an instance of X" (``'Buffer'``,
    ``'bytearray'``); a phrase with spaces is used as it is.
    """

    code = "ERR_INVALID_ARG_TYPE"

    def __init__(self, name: str, expected: str | Sequence[str], actual: object) -> None:
        wanted = [expected] if isinstance(expected, str) else list(expected)
        types = [w for w in wanted if w in _TYPE_WORDS]
        instances = [w for w in wanted if w not in _TYPE_WORDS and " " not in w]
        other = [w for w in wanted if w not in _TYPE_WORDS and " " in w]
        text = f"{_argument_label(name)} must be "
        if types:
            if len(types) == 1:
                text += f"of type {types[0]}"
            else:
                text += f"one of type {_join_alternatives(types)}"
            if instances or other:
                text += " or "
        if instances:
            text += f"an instance of {_join_alternatives(instances)}"
            if other:
                text += " or "
        if other:
            if len(other) == 1 and other[0].lower() != other[0]:
                text += "an "
            text += _join_alternatives(other)
        super().__init__(f"{text}. Received {describe_received(actual)}")
        self.actual = actual


class ERR_INVALID_ARG_VALUE(NodeTypeError):
    """An argument has an acceptable type but an invalid value.

    Node raises this code as a ``TypeError`` by default and as a ``RangeError`` at some call
    sites; ``ERR_INVALID_ARG_VALUE.RangeError`` is that variant (also a :class:`ValueError`).
    """

    code = "ERR_INVALID_ARG_VALUE"
    RangeError: ClassVar[type[ERR_INVALID_ARG_VALUE]]

    def __init__(self, name: str, value: object, reason: str = "is invalid") -> None:
        kind = "property" if "." in name else "argument"
        super().__init__(f"The {kind} '{name}' {reason}. Received {_short_repr(value, 128)}")
        self.value = value


class _ERR_INVALID_ARG_VALUE_RangeError(ERR_INVALID_ARG_VALUE, ValueError):
    name: ClassVar[str] = "RangeError"


ERR_INVALID_ARG_VALUE.RangeError = _ERR_INVALID_ARG_VALUE_RangeError


class ERR_OUT_OF_RANGE(_NodeIndexRangeError):
    """A number is outside its allowed range: ``The value of "offset" is out of range. ...``."""

    code = "ERR_OUT_OF_RANGE"

    def __init__(self, name: str, range_: str, received: object) -> None:
        super().__init__(
            f'The value of "{name}" is out of range. It must be {range_}. '
            f"Received {_format_number(received)}"
        )
        self.received = received


class ERR_BUFFER_OUT_OF_BOUNDS(_NodeIndexRangeError):
    """A read or write would run past the end of a buffer."""

    code = "ERR_BUFFER_OUT_OF_BOUNDS"

    def __init__(self, name: str | None = None) -> None:
        super().__init__(
            f'"{name}" is outside of buffer bounds'
            if name
            else "Attempt to access memory outside buffer bounds"
        )


class ERR_INDEX_OUT_OF_RANGE(_NodeIndexRangeError):
    """An index is outside the valid range."""

    code = "ERR_INDEX_OUT_OF_RANGE"

    def __init__(self) -> None:
        super().__init__("Index out of range")


class ERR_INVALID_BUFFER_SIZE(NodeRangeError):
    """A buffer's size is not a multiple of what the operation needs (``swap16`` and kin)."""

    code = "ERR_INVALID_BUFFER_SIZE"

    def __init__(self, suffix: str) -> None:
        super().__init__(f"Buffer size must be a multiple of {suffix}")


class ERR_UNKNOWN_ENCODING(NodeTypeError):
    """An encoding name Node does not know."""

    code = "ERR_UNKNOWN_ENCODING"

    def __init__(self, encoding: object) -> None:
        shown = encoding if isinstance(encoding, str) else _short_repr(encoding)
        super().__init__(f"Unknown encoding: {shown}")
        self.encoding = encoding


class ERR_ENCODING_NOT_SUPPORTED(NodeRangeError):
    """A WHATWG encoding label that ``TextDecoder`` does not support."""

    code = "ERR_ENCODING_NOT_SUPPORTED"

    def __init__(self, encoding: str) -> None:
        super().__init__(f'The "{encoding}" encoding is not supported')


class ERR_ENCODING_INVALID_ENCODED_DATA(NodeTypeError):
    """A fatal ``TextDecoder`` met bytes that are not valid in its encoding."""

    code = "ERR_ENCODING_INVALID_ENCODED_DATA"

    def __init__(self, encoding: str) -> None:
        super().__init__(f"The encoded data was not valid for encoding {encoding}")


class ERR_STRING_TOO_LONG(NodeError):
    """The result would be longer than the longest string Node can make."""

    code = "ERR_STRING_TOO_LONG"

    def __init__(self, max_length: int = 0x1FFFFFE8) -> None:
        super().__init__(f"Cannot create a string longer than 0x{max_length:x} characters")


class ERR_UNHANDLED_ERROR(NodeError):
    """``emit('error', value)`` with no listener, where ``value`` is not an exception.

    ``context`` holds the value, as Node's ``err.context``. The message shows it as Node's
    ``events`` does, through ``util.inspect`` (``Unhandled error. ({ message: 'Error!' })``,
    ``Unhandled error. (None)`` for a missing value), falling back to ``object.__repr__`` when
    inspecting it fails, as Node falls back to the value itself. Built with no argument at all,
    the message is just ``Unhandled error.``.
    """

    code = "ERR_UNHANDLED_ERROR"

    def __init__(self, context: object = _NO_CONTEXT) -> None:
        text = "Unhandled error."
        if context is not _NO_CONTEXT:
            text += f" ({_inspect_for_message(context)})"
        super().__init__(text)
        self.context = None if context is _NO_CONTEXT else context


class ERR_AMBIGUOUS_ARGUMENT(NodeTypeError):
    """An argument could mean two things (``assert.throws`` with a message equal to the error's)."""

    code = "ERR_AMBIGUOUS_ARGUMENT"

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f'The "{name}" argument is ambiguous. {reason}')


class ERR_MISSING_ARGS(NodeTypeError):
    """Required arguments are missing."""

    code = "ERR_MISSING_ARGS"

    def __init__(self, *names: str) -> None:
        quoted = [f'"{n}"' for n in names]
        if len(quoted) == 1:
            text = f"The {quoted[0]} argument must be specified"
        else:
            text = f"The {_join_alternatives(quoted, 'and')} arguments must be specified"
        super().__init__(text)


class ERR_INVALID_RETURN_VALUE(NodeTypeError):
    """A user function returned something of the wrong kind."""

    code = "ERR_INVALID_RETURN_VALUE"

    def __init__(self, expected: str, name: str, value: object) -> None:
        got = "None" if value is None else f"type {type(value).__name__}"
        super().__init__(
            f'Expected {expected} to be returned from the "{name}" function but got {got}.'
        )
        self.value = value


class ERR_FALSY_VALUE_REJECTION(NodeError):
    """A callback reported a falsy non-``None`` error value (``callbackify``); ``reason`` holds it."""

    code = "ERR_FALSY_VALUE_REJECTION"

    def __init__(self, reason: object) -> None:
        super().__init__("Promise was rejected with falsy value")
        self.reason = reason


class ERR_NON_EXCEPTION_REJECTION(NodeError):
    """A callback reported an error value that is not an exception (``promisify``).

    This package's own code: Node rejects the promise with the bare value, but Python can only
    raise exceptions, so the value is wrapped and ``reason`` holds it. Raise it yourself to
    reject with a plain value; ``callbackify`` unwraps it again, as Node passes the value on.
    """

    code = "ERR_NON_EXCEPTION_REJECTION"

    def __init__(self, reason: object) -> None:
        super().__init__(
            f"Promise was rejected with a non-exception value: {_short_repr(reason, 128)}"
        )
        self.reason = reason


class ERR_INVALID_THIS(NodeTypeError):
    """A method was called on an object of the wrong type."""

    code = "ERR_INVALID_THIS"

    def __init__(self, type_name: str) -> None:
        super().__init__(f'Value of "this" must be of type {type_name}')


class ERR_INVALID_STATE(NodeError):
    """An operation is not valid in the object's current state."""

    code = "ERR_INVALID_STATE"

    def __init__(self, detail: str) -> None:
        super().__init__(f"Invalid state: {detail}")


class ERR_METHOD_NOT_IMPLEMENTED(NodeError):
    """A method Node has that this port deliberately does not provide (as workerd)."""

    code = "ERR_METHOD_NOT_IMPLEMENTED"

    def __init__(self, method: str, hint: str = "") -> None:
        text = f"The {method} method is not implemented"
        if hint:
            text += f". {hint}"
        super().__init__(text)


class U_ILLEGAL_ARGUMENT_ERROR(NodeError):
    """``buffer.transcode`` between encodings ICU cannot convert (hex, base64, unknown names).

    Node's code is ICU's error name, not an ``ERR_*`` code; the message is Node's.
    """

    code = "U_ILLEGAL_ARGUMENT_ERROR"

    def __init__(self) -> None:
        super().__init__("Unable to transcode Buffer [U_ILLEGAL_ARGUMENT_ERROR]")


class U_INVALID_CHAR_FOUND(NodeError):
    """``buffer.transcode`` met input ICU refuses (invalid UTF-8 to UTF-16, lone surrogates to UTF-8)."""

    code = "U_INVALID_CHAR_FOUND"

    def __init__(self) -> None:
        super().__init__("Unable to transcode Buffer [U_INVALID_CHAR_FOUND]")


class InvalidCharacterError(NodeError, ValueError):
    """WHATWG's ``DOMException`` named ``InvalidCharacterError``, raised by ``atob``/``btoa``.

    Node raises a ``DOMException`` whose ``name`` is ``'InvalidCharacterError'`` and whose legacy
    numeric ``code`` is 5. Here ``name`` and ``code`` are both ``'InvalidCharacterError'`` (codes
    are strings throughout this package) and ``legacy_code`` is 5; it is a :class:`ValueError`.
    """

    code = "InvalidCharacterError"
    name: ClassVar[str] = "InvalidCharacterError"
    legacy_code: ClassVar[int] = 5


# Stage two's codes, one section per module; each section extends ``__all__`` itself
# (``__all__ += [...]``) so the sections stay independent of each other.


# --------------------------------------------------------------------------------------------
# AbortController, AbortSignal, EventTarget, process (SPEC 13-14)


class ERR_EVENT_RECURSION(NodeError):
    """``dispatch_event`` was given an event that is being dispatched right now."""

    code = "ERR_EVENT_RECURSION"

    def __init__(self, type: str) -> None:
        super().__init__(f'The event "{type}" is already being dispatched')


class ERR_ILLEGAL_CONSTRUCTOR(NodeTypeError):
    """A class that only the library creates (``AbortSignal``) was called directly."""

    code = "ERR_ILLEGAL_CONSTRUCTOR"

    def __init__(self) -> None:
        super().__init__("Illegal constructor")


class AbortError(NodeError):
    """What a Node API raises when the ``AbortSignal`` it was given aborts (Node's ``AbortError``).

    ``code`` is ``'ABORT_ERR'`` and ``name`` ``'AbortError'``. ``cause`` is the signal's
    reason, whatever it is (JS ``{ cause }``); when the reason is an exception it is also the
    Python ``__cause__``, so tracebacks show it (a non-exception reason, such as a string,
    cannot be a ``__cause__`` and is only ``cause``). Without a cause, ``cause`` is ``None``.
    """

    code = "ABORT_ERR"
    name: ClassVar[str] = "AbortError"

    def __init__(self, message: str = "The operation was aborted", *, cause: object = None) -> None:
        super().__init__(message)
        self.cause = cause
        if isinstance(cause, BaseException):
            self.__cause__ = cause


__all__ += ["ERR_EVENT_RECURSION", "ERR_ILLEGAL_CONSTRUCTOR", "AbortError"]


# --------------------------------------------------------------------------------------------
# stream (SPEC 15)

__all__ += [
    "ERR_MULTIPLE_CALLBACK",
    "ERR_STREAM_ALREADY_FINISHED",
    "ERR_STREAM_CANNOT_PIPE",
    "ERR_STREAM_DESTROYED",
    "ERR_STREAM_NULL_VALUES",
    "ERR_STREAM_PREMATURE_CLOSE",
    "ERR_STREAM_PUSH_AFTER_EOF",
    "ERR_STREAM_UNSHIFT_AFTER_END_EVENT",
    "ERR_STREAM_WRITE_AFTER_END",
]


class ERR_MULTIPLE_CALLBACK(NodeError):
    """A stream callback (``_write``'s, ``_final``'s, ``_construct``'s) was called twice."""

    code = "ERR_MULTIPLE_CALLBACK"

    def __init__(self) -> None:
        super().__init__("Callback called multiple times")


class ERR_STREAM_ALREADY_FINISHED(NodeError):
    """``end()`` (or another call named ``method``) on a stream that already emitted 'finish'."""

    code = "ERR_STREAM_ALREADY_FINISHED"

    def __init__(self, method: str) -> None:
        super().__init__(f"Cannot call {method} after a stream was finished")


class ERR_STREAM_CANNOT_PIPE(NodeError):
    """``pipe()`` was called on a stream that is not readable (a plain Writable)."""

    code = "ERR_STREAM_CANNOT_PIPE"

    def __init__(self) -> None:
        super().__init__("Cannot pipe, not readable")


class ERR_STREAM_DESTROYED(NodeError):
    """``method`` (``'write'``, ``'end'``) was called on a destroyed stream."""

    code = "ERR_STREAM_DESTROYED"

    def __init__(self, method: str) -> None:
        super().__init__(f"Cannot call {method} after a stream was destroyed")


class ERR_STREAM_NULL_VALUES(NodeTypeError):
    """``write(None)``: ``None`` (JS ``null``) is the end-of-stream marker, never a chunk."""

    code = "ERR_STREAM_NULL_VALUES"

    def __init__(self) -> None:
        super().__init__("May not write null values to stream")


class ERR_STREAM_PREMATURE_CLOSE(NodeError):
    """A stream closed before it ended or finished."""

    code = "ERR_STREAM_PREMATURE_CLOSE"

    def __init__(self) -> None:
        super().__init__("Premature close")


class ERR_STREAM_PUSH_AFTER_EOF(NodeError):
    """``push(chunk)`` after ``push(None)`` ended the readable side."""

    code = "ERR_STREAM_PUSH_AFTER_EOF"

    def __init__(self) -> None:
        super().__init__("stream.push() after EOF")


class ERR_STREAM_UNSHIFT_AFTER_END_EVENT(NodeError):
    """``unshift(chunk)`` after the readable side emitted 'end'."""

    code = "ERR_STREAM_UNSHIFT_AFTER_END_EVENT"

    def __init__(self) -> None:
        super().__init__("stream.unshift() after end event")


class ERR_STREAM_WRITE_AFTER_END(NodeError):
    """``write(chunk)`` after ``end()``."""

    code = "ERR_STREAM_WRITE_AFTER_END"

    def __init__(self) -> None:
        super().__init__("write after end")


# --------------------------------------------------------------------------------------------
# crypto (SPEC 16)


# --------------------------------------------------------------------------------------------
# diagnostics_channel (SPEC 17)
#
# No codes of its own: Node's module raises only ERR_INVALID_ARG_TYPE (a bad channel name, a
# subscriber or callback that is not a function, a bad nameOrChannels); ours also raises
# ERR_INVALID_ARG_VALUE for a handler mapping with an unknown or doubled key.


def _catch_all_codes() -> dict[str, type[NodeError]]:
    table: dict[str, type[NodeError]] = {}
    for value in list(globals().values()):
        if isinstance(value, type) and issubclass(value, NodeError) and value.code:
            table.setdefault(value.code, value)
    return table


#: Every code this module defines, mapped to its class: ``CODES['ERR_OUT_OF_RANGE']``.
CODES: dict[str, type[NodeError]] = _catch_all_codes()
