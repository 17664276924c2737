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

from ._dom_exception import DOMException

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


# mypy sees DOMException's int `code` and writable `message`; here they are NodeError's (a string
# code, a read-only message), as documented, hence the ignores on these classes.
class _NamedDOMException(NodeError, DOMException):  # type: ignore[misc, override]
    """A ``DOMException`` this package raises by name (Node throws ``new DOMException(msg,
    name)``): ``except DOMException`` catches it, as in Node. As every error of this package
    it is also a :class:`NodeError` whose ``code`` is a string (here the DOMException's name);
    the legacy numeric code, Node's ``err.code``, is ``legacy_code``."""

    legacy_code: ClassVar[int] = 0

    def __init__(self, message: str) -> None:
        Exception.__init__(self, message)  # DOMException's (message, name) form is not used


class InvalidCharacterError(_NamedDOMException, ValueError):  # type: ignore[override]
    """WHATWG's ``DOMException`` named ``InvalidCharacterError``, raised by ``atob``/``btoa``.

    Node raises a ``DOMException`` whose ``name`` is ``'InvalidCharacterError'`` and whose legacy
    numeric ``code`` is 5. Here ``name`` and ``code`` are both ``'InvalidCharacterError'`` (codes
    are strings throughout this package) and ``legacy_code`` is 5; it is a
    :class:`~trio_nodecompat.DOMException` and a :class:`ValueError`.
    """

    code = "InvalidCharacterError"  # type: ignore[assignment]
    name: ClassVar[str] = "InvalidCharacterError"  # type: ignore[misc]
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

# hashes, HMAC, randomness, KDFs (``crypto/_hash.py``, ``_hmac.py``, ``_random.py``, ``_kdf.py``,
# ``_timing.py``)

__all__ += [
    "ERR_CRYPTO_HASH_FINALIZED",
    "ERR_CRYPTO_HASH_UPDATE_FAILED",
    "ERR_CRYPTO_INVALID_DIGEST",
    "ERR_CRYPTO_INVALID_KEYLEN",
    "ERR_CRYPTO_INVALID_SCRYPT_PARAMS",
    "ERR_CRYPTO_SCRYPT_INVALID_PARAMETER",
    "ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH",
    "ERR_OSSL_EVP_NOT_XOF_OR_INVALID_LENGTH",
    "ERR_OSSL_EVP_UNSUPPORTED",
    "CryptoError",
    "QuotaExceededError",
    "TypeMismatchError",
]


class ERR_CRYPTO_HASH_FINALIZED(NodeError):
    """``update``/``digest``/``copy`` on a Hash (or ``update`` on an Hmac) after ``digest()``."""

    code = "ERR_CRYPTO_HASH_FINALIZED"

    def __init__(self) -> None:
        super().__init__("Digest already called")


class ERR_CRYPTO_HASH_UPDATE_FAILED(NodeError):
    """The digest engine refused an ``update`` (OpenSSL reported a failure)."""

    code = "ERR_CRYPTO_HASH_UPDATE_FAILED"

    def __init__(self) -> None:
        super().__init__("Hash update failed")


class ERR_CRYPTO_INVALID_DIGEST(NodeTypeError):
    """An unknown digest name given to ``create_hmac``, ``pbkdf2``, ``hkdf`` or signing.

    ``Invalid digest: nope``; without a name (``create_sign``'s form) just ``Invalid digest``.
    """

    code = "ERR_CRYPTO_INVALID_DIGEST"

    def __init__(self, digest: object = None) -> None:
        super().__init__("Invalid digest" if digest is None else f"Invalid digest: {digest}")
        self.digest = digest


class ERR_CRYPTO_INVALID_KEYLEN(NodeRangeError):
    """A key length the algorithm cannot produce: a cipher key of the wrong size, ``hkdf``
    longer than 255 digests."""

    code = "ERR_CRYPTO_INVALID_KEYLEN"

    def __init__(self) -> None:
        super().__init__("Invalid key length")


class ERR_CRYPTO_INVALID_SCRYPT_PARAMS(NodeRangeError):
    """scrypt's ``N``/``r``/``p``/``maxmem`` are unusable together.

    ``detail`` is OpenSSL's error text when Node shows one (the memory limit), appended as
    Node appends it: ``Invalid scrypt params: error:030000AC:...``.
    """

    code = "ERR_CRYPTO_INVALID_SCRYPT_PARAMS"

    def __init__(self, detail: str = "") -> None:
        super().__init__(f"Invalid scrypt params: {detail}" if detail else "Invalid scrypt params")


class ERR_CRYPTO_SCRYPT_INVALID_PARAMETER(NodeError):
    """A scrypt option given under both of its names (``N`` and ``cost``, ...)."""

    code = "ERR_CRYPTO_SCRYPT_INVALID_PARAMETER"

    def __init__(self) -> None:
        super().__init__("Invalid scrypt parameter")


class ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH(NodeRangeError):
    """``timing_safe_equal`` of two inputs of different byte lengths."""

    code = "ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH"

    def __init__(self) -> None:
        super().__init__("Input buffers must have the same byte length")


class ERR_OSSL_EVP_UNSUPPORTED(NodeError):
    """OpenSSL knows the algorithm but no loaded provider implements it (``md4``, ``whirlpool``:
    OpenSSL 3 keeps them in its legacy provider). Message and code are what Node reports."""

    code = "ERR_OSSL_EVP_UNSUPPORTED"

    def __init__(self) -> None:
        super().__init__("error:0308010C:digital envelope routines::unsupported")


class ERR_OSSL_EVP_NOT_XOF_OR_INVALID_LENGTH(NodeError):
    """``output_length`` given for a fixed-length digest, and not equal to its size."""

    code = "ERR_OSSL_EVP_NOT_XOF_OR_INVALID_LENGTH"

    def __init__(self) -> None:
        super().__init__("error:030000B2:digital envelope routines::not XOF or invalid length")


class CryptoError(NodeError):
    """A plain ``Error`` that Node's crypto throws with no ``code`` at all.

    Node reports some failures this way: ``createHash('nope')`` (``Digest method not
    supported``), ``pbkdf2``/``hkdf`` with an extendable-output digest (``Deriving bits
    failed``). The message is Node's; ``code`` is ``''`` (Node's is ``undefined``).
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)


class QuotaExceededError(_NamedDOMException, ValueError):  # type: ignore[override]
    """WHATWG's ``DOMException`` named ``QuotaExceededError`` (``get_random_values`` over 64 KiB).

    As :class:`InvalidCharacterError`: ``name`` and ``code`` are the DOMException's name, and
    ``legacy_code`` is its numeric code (22), which is what Node's ``err.code`` holds.
    """

    code = "QuotaExceededError"  # type: ignore[assignment]
    name: ClassVar[str] = "QuotaExceededError"  # type: ignore[misc]
    legacy_code: ClassVar[int] = 22


class TypeMismatchError(_NamedDOMException, TypeError):  # type: ignore[override]
    """WHATWG's ``DOMException`` named ``TypeMismatchError`` (``get_random_values`` of a value
    that is not an integer typed array); ``legacy_code`` is 17, Node's ``err.code``."""

    code = "TypeMismatchError"  # type: ignore[assignment]
    name: ClassVar[str] = "TypeMismatchError"  # type: ignore[misc]
    legacy_code: ClassVar[int] = 17


# keys, signatures, ciphers

__all__ += [
    "CryptoOperationError",
    "ERR_CRYPTO_ECDH_INVALID_FORMAT",
    "ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY",
    "ERR_CRYPTO_INCOMPATIBLE_KEY",
    "ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS",
    "ERR_CRYPTO_INVALID_AUTH_TAG",
    "ERR_CRYPTO_INVALID_CURVE",
    "ERR_CRYPTO_INVALID_IV",
    "ERR_CRYPTO_INVALID_JWK",
    "ERR_CRYPTO_INVALID_KEYPAIR",
    "ERR_CRYPTO_INVALID_KEYTYPE",
    "ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE",
    "ERR_CRYPTO_INVALID_STATE",
    "ERR_CRYPTO_JWK_UNSUPPORTED_CURVE",
    "ERR_CRYPTO_JWK_UNSUPPORTED_KEY_TYPE",
    "ERR_CRYPTO_OPERATION_FAILED",
    "ERR_CRYPTO_SIGN_KEY_REQUIRED",
    "ERR_CRYPTO_UNKNOWN_CIPHER",
    "ERR_CRYPTO_UNKNOWN_DH_GROUP",
    "ERR_CRYPTO_UNSUPPORTED_OPERATION",
    "ERR_INTERNAL_ASSERTION",
    "ERR_MISSING_PASSPHRASE",
    "ERR_OSSL_ASN1_HEADER_TOO_LONG",
    "ERR_OSSL_ASN1_WRONG_TAG",
    "ERR_OSSL_BAD_DECRYPT",
    "ERR_OSSL_CRYPTO_INTERRUPTED_OR_CANCELLED",
    "ERR_OSSL_EVP_INVALID_DIGEST",
    "ERR_OSSL_EVP_OPERATION_NOT_SUPPORTED_FOR_THIS_KEYTYPE",
    "ERR_OSSL_ILLEGAL_OR_UNSUPPORTED_PADDING_MODE",
    "ERR_OSSL_INVALID_DIGEST",
    "ERR_OSSL_INVALID_PADDING_MODE",
    "ERR_OSSL_DIGEST_NOT_ALLOWED",
    "ERR_OSSL_PSS_SALTLEN_TOO_SMALL",
    "ERR_OSSL_INVALID_SALT_LENGTH",
    "ERR_OSSL_INVALID_X931_DIGEST",
    "ERR_OSSL_MISMATCHING_DOMAIN_PARAMETERS",
    "ERR_OSSL_PEM_BAD_PASSWORD_READ",
    "ERR_OSSL_PEM_NO_START_LINE",
    "ERR_OSSL_RSA_DATA_TOO_LARGE_FOR_KEY_SIZE",
    "ERR_OSSL_RSA_INVALID_PADDING",
    "ERR_OSSL_RSA_OAEP_DECODING_ERROR",
    "ERR_OSSL_RSA_UNKNOWN_PADDING_TYPE",
    "ERR_OSSL_UNSUPPORTED",
    "ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH",
    "ERR_TRIO_NODECOMPAT_CRYPTO_UNSUPPORTED",
    "MissingCryptoExtraError",
    "OpenSSLError",
]


class MissingCryptoExtraError(ImportError):
    """A key, signature or cipher API was used without the optional ``cryptography`` package.

    ``trio_nodecompat.crypto`` imports without it (hashes, HMAC, randomness and KDFs need only
    the standard library); the names built on ``cryptography`` raise this when called. It is an
    :class:`ImportError`, and its message says how to install the extra.
    """

    code: ClassVar[str] = "ERR_TRIO_NODECOMPAT_MISSING_EXTRA"

    def __init__(self, what: str) -> None:
        super().__init__(
            f"crypto.{what} needs the optional 'cryptography' package: "
            "pip install 'trio_nodecompat[crypto]'",
            name="cryptography",
        )


class CryptoOperationError(NodeError):
    """An error Node raises from OpenSSL's cipher code *without* a code.

    A wrong GCM/Poly1305 tag (``Unsupported state or unable to authenticate data``) and data
    after ``final()`` (``Trying to add data in unsupported state``) are plain ``Error`` objects
    in Node: ``err.code`` is ``undefined``. Here ``code`` is the empty string for the same reason.
    """


class ERR_CRYPTO_INVALID_IV(NodeTypeError):
    """An initialization vector of the wrong length, or one missing where the mode needs it."""

    code = "ERR_CRYPTO_INVALID_IV"

    def __init__(self) -> None:
        super().__init__("Invalid initialization vector")


class ERR_CRYPTO_UNKNOWN_CIPHER(NodeError):
    """A cipher name this build does not know."""

    code = "ERR_CRYPTO_UNKNOWN_CIPHER"

    def __init__(self) -> None:
        super().__init__("Unknown cipher")


class ERR_CRYPTO_INVALID_AUTH_TAG(NodeTypeError):
    """An authentication tag (or ``auth_tag_length``) of a length the mode does not allow."""

    code = "ERR_CRYPTO_INVALID_AUTH_TAG"

    def __init__(self, detail: str) -> None:
        super().__init__(detail)


class ERR_CRYPTO_INVALID_STATE(NodeError):
    """An operation called when the object's state does not allow it.

    ``operation`` gives Node's ``Invalid state for operation setAAD``; Node's C++ layer also
    raises this code with fixed texts (``Not initialised``, ``Invalid state``): pass ``text``.
    """

    code = "ERR_CRYPTO_INVALID_STATE"

    def __init__(self, operation: str | None = None, *, text: str | None = None) -> None:
        if text is None:
            text = f"Invalid state for operation {operation}" if operation else "Invalid state"
        super().__init__(text)


class ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(NodeTypeError):
    """A KeyObject of the wrong type (``secret``/``public``/``private``) for the operation."""

    code = "ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE"

    def __init__(self, actual: str, expected: str) -> None:
        super().__init__(f"Invalid key object type {actual}, expected {expected}.")


class ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS(NodeError):
    """An export/encoding option that does not fit the key (``sec1`` for an RSA key...)."""

    code = "ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS"

    def __init__(self, encoding: str, reason: str) -> None:
        super().__init__(f"The selected key encoding {encoding} {reason}.")


class ERR_CRYPTO_INCOMPATIBLE_KEY(NodeError):
    """Two keys that cannot be used together."""

    code = "ERR_CRYPTO_INCOMPATIBLE_KEY"

    def __init__(self, name: str, detail: str) -> None:
        super().__init__(f"Incompatible key types for {name}: {detail}")


class ERR_CRYPTO_INVALID_JWK(NodeTypeError):
    """A JSON Web Key whose members do not describe a valid key."""

    code = "ERR_CRYPTO_INVALID_JWK"

    def __init__(self, message: str = "Invalid JWK data") -> None:
        super().__init__(message)


class ERR_CRYPTO_JWK_UNSUPPORTED_KEY_TYPE(NodeError):
    """A key that has no JWK form (rsa-pss, dsa, dh)."""

    code = "ERR_CRYPTO_JWK_UNSUPPORTED_KEY_TYPE"

    def __init__(self) -> None:
        super().__init__("Unsupported JWK Key Type.")


class ERR_CRYPTO_JWK_UNSUPPORTED_CURVE(NodeError):
    """An EC key on a curve that JWK does not name."""

    code = "ERR_CRYPTO_JWK_UNSUPPORTED_CURVE"

    def __init__(self, curve: str) -> None:
        super().__init__(f"Unsupported JWK EC curve: {curve}.")


class ERR_CRYPTO_INVALID_CURVE(NodeTypeError):
    """An elliptic curve name this build does not know."""

    code = "ERR_CRYPTO_INVALID_CURVE"

    def __init__(self) -> None:
        super().__init__("Invalid EC curve name")


class ERR_CRYPTO_INVALID_KEYPAIR(NodeRangeError):
    """``ECDH.compute_secret`` before the ECDH object has keys."""

    code = "ERR_CRYPTO_INVALID_KEYPAIR"

    def __init__(self) -> None:
        super().__init__("Invalid key pair")


class ERR_CRYPTO_INVALID_KEYTYPE(NodeRangeError):
    """A private key that is not valid for the ECDH object's curve."""

    code = "ERR_CRYPTO_INVALID_KEYTYPE"

    def __init__(self, detail: str = "Invalid key type") -> None:
        super().__init__(detail)


class ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY(NodeError):
    """A peer public key that is not a point of the ECDH object's curve."""

    code = "ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY"

    def __init__(self) -> None:
        super().__init__("Public key is not valid for specified curve")


class ERR_CRYPTO_ECDH_INVALID_FORMAT(NodeTypeError):
    """A point format other than ``compressed``/``uncompressed``/``hybrid``."""

    code = "ERR_CRYPTO_ECDH_INVALID_FORMAT"

    def __init__(self, format: object) -> None:
        super().__init__(f"Invalid ECDH format: {format}")


class ERR_CRYPTO_OPERATION_FAILED(NodeError):
    """An operation failed for a reason Node describes in words (``Failed to get ECDH public key``)."""

    code = "ERR_CRYPTO_OPERATION_FAILED"

    def __init__(self, detail: str) -> None:
        super().__init__(detail)


class ERR_CRYPTO_UNSUPPORTED_OPERATION(NodeError):
    """The key cannot do what was asked (a digest with an Ed25519 key, signing with X25519)."""

    code = "ERR_CRYPTO_UNSUPPORTED_OPERATION"

    def __init__(self) -> None:
        super().__init__("Unsupported crypto operation")


class ERR_CRYPTO_SIGN_KEY_REQUIRED(NodeError):
    """``sign()`` called without a key."""

    code = "ERR_CRYPTO_SIGN_KEY_REQUIRED"

    def __init__(self) -> None:
        super().__init__("No key provided to sign")


class ERR_CRYPTO_UNKNOWN_DH_GROUP(NodeError):
    """A Diffie-Hellman group name that is not one of the RFC 2409/3526 groups."""

    code = "ERR_CRYPTO_UNKNOWN_DH_GROUP"

    def __init__(self) -> None:
        super().__init__("Unknown DH group")


class ERR_INTERNAL_ASSERTION(NodeError):
    """Node's internal assertion, which some public misuse reaches (a Cipher's output encoding
    changed between ``update`` calls: ``Cannot change encoding``). The message is Node's."""

    code = "ERR_INTERNAL_ASSERTION"

    def __init__(self, detail: str) -> None:
        super().__init__(
            f"{detail}\nThis is caused by either a bug in Node.js or incorrect usage of Node.js "
            "internals.\nPlease open an issue with this stack trace at "
            "https://github.com/nodejs/node/issues\n"
        )


class ERR_MISSING_PASSPHRASE(NodeTypeError):
    """An encrypted key needs a passphrase for encryption (export with ``cipher``)."""

    code = "ERR_MISSING_PASSPHRASE"

    def __init__(self, what: str) -> None:
        super().__init__(f"Passphrase required for {what}")


class ERR_TRIO_NODECOMPAT_CRYPTO_UNSUPPORTED(NodeError):
    """Node can do this, but ``cryptography`` offers no API for it, so this port refuses.

    This package's own code: ``private_encrypt`` (raw RSA with signature-type padding, which
    ``cryptography`` deliberately does not expose) and inputs outside ``cryptography``'s limits
    (a GCM IV shorter than 8 bytes). The message says which and why; nothing here falls back
    to a hand-written primitive.
    """

    code = "ERR_TRIO_NODECOMPAT_CRYPTO_UNSUPPORTED"

    def __init__(self, detail: str) -> None:
        super().__init__(detail)


class OpenSSLError(NodeError):
    """An error Node reports from OpenSSL: ``ERR_OSSL_*`` codes with ``library`` and ``reason``.

    The message is OpenSSL's packed form, as Node prints it
    (``error:1C800064:Provider routines::bad decrypt``). Each ``ERR_OSSL_*`` class fixes its
    packed number, library and reason.
    """

    packed: ClassVar[str] = ""
    library: ClassVar[str] = ""
    reason: ClassVar[str] = ""

    def __init__(self) -> None:
        super().__init__(f"error:{self.packed}:{self.library}::{self.reason}")


class ERR_OSSL_BAD_DECRYPT(OpenSSLError):
    """Wrong padding after CBC/ECB decryption, or a wrong passphrase for an encrypted key."""

    code = "ERR_OSSL_BAD_DECRYPT"
    packed = "1C800064"
    library = "Provider routines"
    reason = "bad decrypt"


class ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH(OpenSSLError):
    """``final()`` of a block cipher without padding, with a partial block left."""

    code = "ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH"
    packed = "1C80006B"
    library = "Provider routines"
    reason = "wrong final block length"


class ERR_OSSL_UNSUPPORTED(OpenSSLError):
    """Key material in no format the decoder understands."""

    code = "ERR_OSSL_UNSUPPORTED"
    packed = "1E08010C"
    library = "DECODER routines"
    reason = "unsupported"


class ERR_OSSL_PEM_NO_START_LINE(OpenSSLError):
    """Input that should be PEM has no ``-----BEGIN`` line."""

    code = "ERR_OSSL_PEM_NO_START_LINE"
    packed = "0480006C"
    library = "PEM routines"
    reason = "no start line"


class ERR_OSSL_PEM_BAD_PASSWORD_READ(OpenSSLError):
    """An encrypted DER key whose passphrase is longer than OpenSSL's 1024-byte buffer."""

    code = "ERR_OSSL_PEM_BAD_PASSWORD_READ"
    packed = "04800068"
    library = "PEM routines"
    reason = "bad password read"


class ERR_OSSL_ASN1_HEADER_TOO_LONG(OpenSSLError):
    """DER input that ends inside an ASN.1 header."""

    code = "ERR_OSSL_ASN1_HEADER_TOO_LONG"
    packed = "0680007B"
    library = "asn1 encoding routines"
    reason = "header too long"


class ERR_OSSL_ASN1_WRONG_TAG(OpenSSLError):
    """DER whose structure is not the one expected (a PEM block that is not a certificate)."""

    code = "ERR_OSSL_ASN1_WRONG_TAG"
    packed = "068000A8"
    library = "asn1 encoding routines"
    reason = "wrong tag"


class ERR_OSSL_CRYPTO_INTERRUPTED_OR_CANCELLED(OpenSSLError):
    """An encrypted private key given without a passphrase (OpenSSL's prompt was refused)."""

    code = "ERR_OSSL_CRYPTO_INTERRUPTED_OR_CANCELLED"
    packed = "07880109"
    library = "common libcrypto routines"
    reason = "interrupted or cancelled"


class ERR_OSSL_EVP_OPERATION_NOT_SUPPORTED_FOR_THIS_KEYTYPE(OpenSSLError):
    """An operation the key type cannot do (signing with an X25519 key)."""

    code = "ERR_OSSL_EVP_OPERATION_NOT_SUPPORTED_FOR_THIS_KEYTYPE"
    packed = "03000096"
    library = "digital envelope routines"
    reason = "operation not supported for this keytype"


class ERR_OSSL_INVALID_DIGEST(OpenSSLError):
    """A digest given to a key type that takes none (``sign('sha256', data, ed25519_key)``)."""

    code = "ERR_OSSL_INVALID_DIGEST"
    packed = "1C80007A"
    library = "Provider routines"
    reason = "invalid digest"


class ERR_OSSL_MISMATCHING_DOMAIN_PARAMETERS(OpenSSLError):
    """``diffie_hellman`` with EC keys on two different curves."""

    code = "ERR_OSSL_MISMATCHING_DOMAIN_PARAMETERS"
    packed = "1C8000CB"
    library = "Provider routines"
    reason = "mismatching domain parameters"


class ERR_OSSL_ILLEGAL_OR_UNSUPPORTED_PADDING_MODE(OpenSSLError):
    """An RSA padding constant that does not fit the operation."""

    code = "ERR_OSSL_ILLEGAL_OR_UNSUPPORTED_PADDING_MODE"
    packed = "1C8000A5"
    library = "Provider routines"
    reason = "illegal or unsupported padding mode"


class ERR_OSSL_INVALID_PADDING_MODE(OpenSSLError):
    """RSA_NO_PADDING (3) given to a signature, which needs a padding scheme."""

    code = "ERR_OSSL_INVALID_PADDING_MODE"
    packed = "1C8000A8"
    library = "Provider routines"
    reason = "invalid padding mode"


class ERR_OSSL_DIGEST_NOT_ALLOWED(OpenSSLError):
    """A digest other than the one a restricted RSA-PSS key names (its ``hash_algorithm``)."""

    code = "ERR_OSSL_DIGEST_NOT_ALLOWED"
    packed = "1C8000AE"
    library = "Provider routines"
    reason = "digest not allowed"


class ERR_OSSL_PSS_SALTLEN_TOO_SMALL(OpenSSLError):
    """A PSS salt length below the minimum a restricted RSA-PSS key names (its
    ``salt_length``)."""

    code = "ERR_OSSL_PSS_SALTLEN_TOO_SMALL"
    packed = "1C8000AC"
    library = "Provider routines"
    reason = "pss saltlen too small"


class ERR_OSSL_INVALID_X931_DIGEST(OpenSSLError):
    """RSA_X931_PADDING (5) given to ``Sign.sign``: X9.31 is not offered by ``cryptography``."""

    code = "ERR_OSSL_INVALID_X931_DIGEST"
    packed = "1C8000AA"
    library = "Provider routines"
    reason = "invalid x931 digest"


class ERR_OSSL_INVALID_SALT_LENGTH(OpenSSLError):
    """A PSS ``saltLength`` below OpenSSL's lowest sentinel (-3, the maximum)."""

    code = "ERR_OSSL_INVALID_SALT_LENGTH"
    packed = "1C800070"
    library = "Provider routines"
    reason = "invalid salt length"


class ERR_OSSL_RSA_DATA_TOO_LARGE_FOR_KEY_SIZE(OpenSSLError):
    """More data than the RSA key and padding can hold, or a salt too long for PSS."""

    code = "ERR_OSSL_RSA_DATA_TOO_LARGE_FOR_KEY_SIZE"
    packed = "0200006E"
    library = "rsa routines"
    reason = "data too large for key size"


class ERR_OSSL_RSA_INVALID_PADDING(OpenSSLError):
    """``public_decrypt`` of data that does not carry PKCS#1 type-1 padding for this key."""

    code = "ERR_OSSL_RSA_INVALID_PADDING"
    packed = "0200008A"
    library = "rsa routines"
    reason = "invalid padding"


class ERR_OSSL_RSA_UNKNOWN_PADDING_TYPE(OpenSSLError):
    """An RSA encryption ``padding`` OpenSSL does not know (Node passes any uint32 on)."""

    code = "ERR_OSSL_RSA_UNKNOWN_PADDING_TYPE"
    packed = "02000076"
    library = "rsa routines"
    reason = "unknown padding type"


class ERR_OSSL_EVP_INVALID_DIGEST(NodeError):
    """An ``oaepHash`` OpenSSL does not know; Node's own words, with an OpenSSL-style code."""

    code = "ERR_OSSL_EVP_INVALID_DIGEST"

    def __init__(self) -> None:
        super().__init__("Invalid digest used")


class ERR_OSSL_RSA_OAEP_DECODING_ERROR(OpenSSLError):
    """OAEP decryption failed (wrong key, label, hash or tampered data)."""

    code = "ERR_OSSL_RSA_OAEP_DECODING_ERROR"
    packed = "02000079"
    library = "rsa routines"
    reason = "oaep decoding error"


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
