"""Node's ``Buffer``: a fixed-length, mutable view of bytes, with Node's API and encodings.

A :class:`Buffer` is to a :class:`bytearray` what Node's ``Buffer`` (a ``Uint8Array``) is to
its ``ArrayBuffer``: the bytearray owns the memory, the Buffer is a window on it, and
``subarray``/``slice`` make more windows on the same memory instead of copying. The bytes are
held in ``_mem``, a 1-D, format ``'B'``, writable :class:`memoryview` of exactly this Buffer's
bytes; every method works through it with C-level tools (codecs, ``binascii``, slice
assignment, ``bytearray.find``), never a Python loop per byte.

The numeric ``read_*``/``write_*``/``swap*`` methods come from
:class:`~trio_nodecompat._buffer_numeric.BufferNumericMixin`; the encodings from
:mod:`trio_nodecompat._internal.encodings`. Argument handling follows Node's
``lib/buffer.js`` step by step (the order of checks decides which error wins), with the
JavaScript-only coercions (strings as offsets, objects as numbers) rejected with Node's code.
"""

from __future__ import annotations

import binascii
import builtins
import math
import re
import sys
from array import array
from collections.abc import Callable, Iterator, Sequence
from typing import Any, ClassVar, Final, Generic, TypeVar, overload

import attrs

from ._buffer_numeric import BufferNumericMixin
from ._internal import encodings as _enc
from ._internal.validators import (
    MAX_SAFE_INTEGER,
    is_number,
    validate_integer,
    validate_number,
    validate_string,
)
from .errors import (
    ERR_BUFFER_OUT_OF_BOUNDS,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_MISSING_ARGS,
    ERR_OUT_OF_RANGE,
    ERR_UNKNOWN_ENCODING,
    U_ILLEGAL_ARGUMENT_ERROR,
    U_INVALID_CHAR_FOUND,
    InvalidCharacterError,
)

__all__ = [
    "INSPECT_MAX_BYTES_DEFAULT",
    "K_MAX_LENGTH",
    "K_STRING_MAX_LENGTH",
    "Buffer",
    "BufferConstants",
    "atob",
    "btoa",
    "constants",
    "get_inspect_max_bytes",
    "is_ascii",
    "is_utf8",
    "set_inspect_max_bytes",
    "transcode",
]

#: Node's ``buffer.kMaxLength`` (64-bit builds of Node 20): the largest Buffer.
K_MAX_LENGTH: Final = 2**32
#: Node's ``buffer.kStringMaxLength``: the longest string V8 makes. ``to_string`` and
#: ``StringDecoder`` raise ``ERR_STRING_TOO_LONG`` rather than return a longer one.
K_STRING_MAX_LENGTH: Final = _enc.K_STRING_MAX_LENGTH
#: Node's default ``buffer.INSPECT_MAX_BYTES``.
INSPECT_MAX_BYTES_DEFAULT: Final = 50

_inspect_max_bytes: int | float = INSPECT_MAX_BYTES_DEFAULT


def get_inspect_max_bytes() -> int | float:
    """The current ``INSPECT_MAX_BYTES``: how many bytes ``repr`` shows."""
    return _inspect_max_bytes


def set_inspect_max_bytes(value: object) -> None:
    """Set ``INSPECT_MAX_BYTES`` with Node's validation (a number >= 0)."""
    global _inspect_max_bytes
    _inspect_max_bytes = validate_number(value, "INSPECT_MAX_BYTES", 0)


@attrs.frozen
class BufferConstants:
    """Node's read-only ``buffer.constants``."""

    MAX_LENGTH: int = K_MAX_LENGTH
    MAX_STRING_LENGTH: int = K_STRING_MAX_LENGTH


#: ``buffer.constants``: ``constants.MAX_LENGTH``, ``constants.MAX_STRING_LENGTH``.
constants: Final = BufferConstants()

_UINT8_TYPES: Final = ("Buffer", "Uint8Array")
_LITTLE: Final = sys.byteorder == "little"


# --------------------------------------------------------------------------------------------
# Small helpers


def _view(obj: object) -> memoryview | None:
    """A flat ``'B'`` view of a Uint8Array-like value (Buffer, bytes, bytearray, memoryview)."""
    if isinstance(obj, Buffer):
        return obj._mem
    if isinstance(obj, bytes | bytearray):
        return memoryview(obj)
    if isinstance(obj, memoryview):
        if obj.format == "B" and obj.ndim == 1 and obj.c_contiguous:
            return obj
        if obj.c_contiguous:
            return obj.cast("B")
        return memoryview(obj.tobytes())
    return None


def _to_uint8(value: int | float) -> int:
    """JS ``ToUint8``: what a ``Uint8Array`` stores for a number."""
    if isinstance(value, int):
        return value & 0xFF
    if not math.isfinite(value):
        return 0
    return int(value) & 0xFF


def _trunc(value: int | float) -> int | float:
    """JS ``Math.trunc``, keeping NaN and the infinities as floats."""
    if isinstance(value, int) or not math.isfinite(value):
        return value
    return int(value)


def _number(value: object, name: str) -> int | float:
    if not is_number(value):
        raise ERR_INVALID_ARG_TYPE(name, "number", value)
    return value  # type: ignore[return-value]


def _to_integer(value: object, name: str) -> int:
    """Node's ``toInteger(n, 0)`` for ``copy``'s offsets: floor, NaN/huge -> 0."""
    number = _number(value, name)
    if isinstance(number, int):
        return number
    if math.isnan(number) or not (-MAX_SAFE_INTEGER <= number <= MAX_SAFE_INTEGER):
        return 0
    return math.floor(number)


def _typed_array_values(value: array[Any]) -> bytearray:
    """Node's ``Buffer.from(typedArray)``: each element's value as one byte (``ToUint8``).

    Integer elements keep their low byte, read straight from the array's memory (a strided
    view, no Python loop); float elements are truncated toward zero and wrapped, NaN and the
    infinities becoming 0, one element at a time.
    """
    code = value.typecode
    if code in "uw":  # text: no typed array holds it; the bytes as they are
        return bytearray(memoryview(value).cast("B"))
    size = value.itemsize
    if code in "fd":
        return bytearray(int(x) & 0xFF if math.isfinite(x) else 0 for x in value)
    if size == 8:
        raise TypeError("Cannot mix BigInt and other types, use explicit conversions")
    if size == 1:
        return bytearray(memoryview(value).cast("B"))
    low = 0 if sys.byteorder == "little" else size - 1
    return bytearray(memoryview(value).cast("B")[low::size])


def _ints_to_bytes(items: Sequence[object], name: str = "first argument") -> bytes:
    """Array-like of numbers -> bytes, each wrapped to uint8 as a ``Uint8Array`` does."""
    try:
        return bytes(items)  # type: ignore[arg-type]
    except (ValueError, TypeError):
        pass
    try:
        packed = array("q", items)  # type: ignore[type-var]
    except (TypeError, OverflowError):
        out = bytearray(len(items))
        for i, item in enumerate(items):
            if not is_number(item) and not isinstance(item, bool):
                raise ERR_INVALID_ARG_TYPE(f"{name}[{i}]", "number", item) from None
            out[i] = _to_uint8(item)  # type: ignore[arg-type]
        return bytes(out)
    raw = packed.tobytes()
    return raw[::8] if _LITTLE else raw[7::8]


def _not_a_string(value: object) -> ERR_INVALID_ARG_TYPE:
    """The C++ writers' error for a non-string, with Node's short wording."""
    err = ERR_INVALID_ARG_TYPE("argument", "string", value)
    err.args = ("argument must be a string",)
    return err


def _index_offset(length: int, offset: int, needle_length: int, forward: bool) -> int:
    """Node's ``IndexOfOffset`` (``node_buffer.cc``): where a search starts, or -1."""
    if offset < 0:
        if offset + length >= 0:
            return length + offset
        if forward or needle_length == 0:
            return 0
        return -1
    if offset + needle_length <= length:
        return offset
    if needle_length == 0:
        return length
    if forward:
        return -1
    return length - 1


def _even_pattern(needle: bytes, greedy: bool) -> re.Pattern[bytes]:
    body = b"(?:..)*" if greedy else b"(?:..)*?"
    return re.compile(b"(?s)" + body + re.escape(needle))


# --------------------------------------------------------------------------------------------
# A name that is a static method on the class and an instance method on instances

_F = TypeVar("_F", bound=Callable[..., Any])
_G = TypeVar("_G", bound=Callable[..., Any])


class _ClassOrInstance(Generic[_F, _G]):
    """``Buffer.compare(a, b)`` and ``buf.compare(target, ...)`` share a name in Node."""

    def __init__(self, on_class: _F, on_instance: _G) -> None:
        self._on_class = on_class
        self._on_instance = on_instance
        self.__doc__ = on_instance.__doc__

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> _F: ...
    @overload
    def __get__(self, obj: object, owner: type | None = None) -> _G: ...
    def __get__(self, obj: object, owner: type | None = None) -> Any:
        if obj is None:
            return self._on_class
        return self._on_instance.__get__(obj, owner)


def _compare_static(buf1: object, buf2: object) -> int:
    """``Buffer.compare(buf1, buf2)``: -1, 0 or 1, comparing bytes (for ``sorted(key=...)``)."""
    a = _view(buf1)
    if a is None:
        raise ERR_INVALID_ARG_TYPE("buf1", _UINT8_TYPES, buf1)
    b = _view(buf2)
    if b is None:
        raise ERR_INVALID_ARG_TYPE("buf2", _UINT8_TYPES, buf2)
    return _cmp(a, b)


def _cmp(a: memoryview, b: memoryview) -> int:
    if a == b:
        return 0
    return -1 if a.tobytes() < b.tobytes() else 1


# --------------------------------------------------------------------------------------------
# Buffer

_new_object: Final = object.__new__


class Buffer(BufferNumericMixin):
    """Node's ``Buffer``: a fixed-length, mutable window on a byte store.

    Build one with :meth:`from_`, :meth:`alloc` or :meth:`of` (or ``Buffer(value)``, which is
    Node's legacy ``Buffer(value)`` constructor). ``len``, indexing, iteration, ``==`` with any
    bytes-like object, ``bytes()`` and (on Python 3.12+) the buffer protocol work the Python
    way; ``repr`` is Node's ``<Buffer 68 69>``. See the module docs for each choice.
    """

    __slots__ = ("_mem", "_owner", "_offset", "__weakref__")

    _mem: memoryview
    _owner: bytearray | memoryview
    _offset: int

    #: Node's ``Buffer.poolSize``. Kept for compatibility: this port does not pool small
    #: buffers (every Buffer made from a value owns its own ``bytearray``).
    pool_size: ClassVar[int] = 8 * 1024

    def __init__(
        self,
        value: object = 0,
        encoding_or_offset: object = None,
        length: object = None,
    ) -> None:
        """Node's deprecated ``Buffer(arg, encodingOrOffset, length)`` constructor.

        A number is ``Buffer.alloc(value)`` (zero-filled, as in current Node); anything else is
        ``Buffer.from_(value, encoding_or_offset, length)``.
        """
        if is_number(value):
            if isinstance(encoding_or_offset, str):
                raise ERR_INVALID_ARG_TYPE("string", "string", value)
            made = Buffer.alloc(value)  # type: ignore[arg-type]
        else:
            made = Buffer.from_(value, encoding_or_offset, length)
        self._mem = made._mem
        self._owner = made._owner
        self._offset = made._offset

    @classmethod
    def _wrap(cls, mem: memoryview, owner: bytearray | memoryview, offset: int) -> Buffer:
        new = object.__new__(Buffer)
        new._mem = mem
        new._owner = owner
        new._offset = offset
        return new

    @staticmethod
    def _own(data: bytes | bytearray) -> Buffer:
        """The one cheap constructor: a Buffer over fresh bytes that nobody else holds.

        A ``bytearray`` becomes the store as it is; ``bytes`` are copied into one. Every path
        that wraps new bytes (digests, random bytes, decoders, concat) comes here, so it is
        kept to the bare minimum: a static method (no class binding per call), an exact type
        test and the three slot writes.
        """
        store = data if type(data) is bytearray else bytearray(data)
        new = _new_object(Buffer)
        new._mem = memoryview(store)
        new._owner = store
        new._offset = 0
        return new

    # ----------------------------------------------------------------------------------------
    # Factories

    @staticmethod
    def from_(value: object, encoding_or_offset: object = None, length: object = None) -> Buffer:
        """Node's ``Buffer.from``: copy a string, Buffer, bytes or list; share a bytearray.

        * ``str``: encoded with ``encoding_or_offset`` (default ``'utf8'``).
        * ``bytearray`` or writable ``memoryview`` (Node's ``ArrayBuffer``): the new Buffer
          *shares* that memory, from ``byte_offset`` for ``length`` bytes.
        * ``Buffer``, ``bytes``, a read-only ``memoryview``, any other buffer-protocol object:
          a copy of the bytes.
        * ``list``/``tuple`` of numbers (each wrapped to 0..255), or Node's JSON form
          ``{'type': 'Buffer', 'data': [...]}``: a copy.
        * an :class:`array.array` (a typed array): one byte per element, each element's value
          wrapped to 0..255 as Node copies a ``Uint16Array`` or ``Float64Array`` (a float is
          truncated; NaN and infinities give 0); a 64-bit integer array is Node's
          ``BigInt64Array``, which Node refuses with a ``TypeError``. A text array (``'u'``,
          ``'w'``) is copied byte for byte.
        """
        if isinstance(value, str):
            enc = encoding_or_offset
            data: bytes | bytearray
            if not enc or not isinstance(enc, str):
                data = _enc._utf8_encode(value)
            else:
                data = (_ENCODER_BY_ALIAS.get(enc) or _enc.encoder(enc))(value)
            store = data if isinstance(data, bytearray) else bytearray(data)
            new = object.__new__(Buffer)
            new._mem = memoryview(store)
            new._owner = store
            new._offset = 0
            return new
        if isinstance(value, Buffer):
            return Buffer._own(bytearray(value._mem))
        if isinstance(value, bytearray):
            return Buffer._from_array_buffer(value, memoryview(value), encoding_or_offset, length)
        if isinstance(value, memoryview):
            flat = _view(value)
            assert flat is not None
            if flat.readonly or flat.obj is None:
                shared = Buffer._from_array_buffer(value, flat, encoding_or_offset, length)
                return Buffer._own(bytearray(shared._mem))
            return Buffer._from_array_buffer(value, flat, encoding_or_offset, length)
        if isinstance(value, bytes):
            return Buffer._own(value)
        if isinstance(value, list | tuple):
            return Buffer._own(_ints_to_bytes(value))
        if isinstance(value, array):
            return Buffer._own(_typed_array_values(value))
        if isinstance(value, dict) and value.get("type") == "Buffer":
            items = value.get("data")
            if isinstance(items, list):
                return Buffer._own(_ints_to_bytes(items))
        try:
            raw = memoryview(value)  # type: ignore[arg-type]
        except TypeError:
            raise ERR_INVALID_ARG_TYPE(
                "first argument",
                ["string", "Buffer", "ArrayBuffer", "Array", "Array-like Object"],
                value,
            ) from None
        return Buffer._own(raw.tobytes())

    @staticmethod
    def _from_array_buffer(
        owner: bytearray | memoryview, flat: memoryview, byte_offset: object, length: object
    ) -> Buffer:
        # Node's fromArrayBuffer: the room left is measured from the offset as given
        # (fractions included), and only ``new Uint8Array(ab, offset, length)`` truncates.
        size = len(flat)
        if byte_offset is None:
            offset = 0
            max_length: int | float = size
        else:
            number = _number(byte_offset, "byteOffset")
            if isinstance(number, float) and math.isnan(number):
                number = 0
            max_length = size - number
            # A negative offset that does not truncate to 0 is a RangeError in Node too.
            if max_length < 0 or number <= -1:
                raise ERR_BUFFER_OUT_OF_BOUNDS("offset")
            offset = int(number)
        if length is None:
            count = int(max_length)
        else:
            wanted = _number(length, "length")
            if wanted > 0:
                if wanted > max_length:
                    raise ERR_BUFFER_OUT_OF_BOUNDS("length")
                count = int(wanted)
            else:
                count = 0
        return Buffer._wrap(flat[offset : offset + count], owner, offset)

    @staticmethod
    def of(*items: int | float) -> Buffer:
        """Node's ``Buffer.of(...items)``: a Buffer of these byte values (wrapped to 0..255)."""
        return Buffer._own(_ints_to_bytes(items, "items"))

    @staticmethod
    def _check_size(size: object) -> int:
        number = validate_number(size, "size", 0, K_MAX_LENGTH)
        return int(number)

    @staticmethod
    def alloc(size: int, fill: object = None, encoding: str | None = None) -> Buffer:
        """Node's ``Buffer.alloc(size, fill, encoding)``: zero-filled, or filled with ``fill``."""
        count = Buffer._check_size(size)
        new = Buffer._own(bytearray(count))
        if fill is not None and not (is_number(fill) and fill == 0) and count > 0:
            new._fill(fill, 0, count, encoding)
        return new

    @staticmethod
    def alloc_unsafe(size: int) -> Buffer:
        """Node's ``Buffer.allocUnsafe(size)``. Always zero-filled here: Python's allocator
        hands out zeroed memory as cheaply, so there is no uninitialised memory to leak."""
        return Buffer._own(bytearray(Buffer._check_size(size)))

    @staticmethod
    def alloc_unsafe_slow(size: int) -> Buffer:
        """Node's ``Buffer.allocUnsafeSlow(size)``: zero-filled, never pooled (nothing is)."""
        return Buffer._own(bytearray(Buffer._check_size(size)))

    @staticmethod
    def byte_length(string: object, encoding: str | None = "utf8") -> int:
        """Node's ``Buffer.byteLength``: bytes ``string`` takes in ``encoding``.

        For a bytes-like value, its size. An unknown encoding counts as utf8, as in Node;
        for base64 it is Node's estimate from the length, not the decoded size.
        """
        if not isinstance(string, str):
            mem = _view(string)
            if mem is not None:
                return mem.nbytes
            try:
                return memoryview(string).nbytes  # type: ignore[arg-type]
            except TypeError:
                raise ERR_INVALID_ARG_TYPE(
                    "string", ["string", "Buffer", "ArrayBuffer"], string
                ) from None
        if not string:
            return 0
        name = _enc.normalize_encoding(encoding) if encoding else "utf8"
        return _enc.byte_length(string, name or "utf8")

    @staticmethod
    def concat(list: Sequence[object], total_length: int | None = None) -> Buffer:
        """Node's ``Buffer.concat(list, totalLength)``: one new Buffer holding them all.

        With ``total_length`` the result is cut or zero-padded to exactly that size.
        """
        if not isinstance(list, builtins.list | tuple):
            raise ERR_INVALID_ARG_TYPE("list", "Array", list)
        if not list:
            return Buffer._own(bytearray())
        # Node checks totalLength first, then every item (even past totalLength).
        wanted = (
            None
            if total_length is None
            else validate_integer(total_length, "length", 0, K_MAX_LENGTH)
        )
        views = []
        for i, item in enumerate(list):
            mem = _view(item)
            if mem is None:
                raise ERR_INVALID_ARG_TYPE(f"list[{i}]", _UINT8_TYPES, item)
            views.append(mem)
        if wanted is None:
            return Buffer._own(bytearray().join(views))
        if sum(len(mem) for mem in views) <= wanted:
            joined = bytearray().join(views)
            joined.extend(bytes(wanted - len(joined)))
            return Buffer._own(joined)
        # Cut short: copy only what fits, as Node does, not the whole join.
        out = bytearray(wanted)
        pos = 0
        for mem in views:
            take = min(len(mem), wanted - pos)
            out[pos : pos + take] = mem[:take]
            pos += take
            if pos == wanted:
                break
        return Buffer._own(out)

    @staticmethod
    def is_buffer(obj: object) -> bool:
        """Node's ``Buffer.isBuffer``: is ``obj`` a :class:`Buffer` (not bytes or bytearray)."""
        return isinstance(obj, Buffer)

    @staticmethod
    def is_encoding(encoding: object) -> bool:
        """Node's ``Buffer.isEncoding``: a non-empty string naming an encoding Node knows."""
        return _enc.is_encoding(encoding)

    @staticmethod
    def copy_bytes_from(
        view: object, offset: int | None = None, length: int | None = None
    ) -> Buffer:
        """Node's ``Buffer.copyBytesFrom(view, offset, length)``: a copy of part of a typed view.

        ``view`` is any buffer-protocol object (``array.array``, ``memoryview``, ``bytes``,
        Buffer...); ``offset`` and ``length`` count its *elements*, as Node counts a
        TypedArray's.
        """
        mem = view._mem if isinstance(view, Buffer) else None
        if mem is None:
            try:
                mem = memoryview(view)  # type: ignore[arg-type]
            except TypeError:
                raise ERR_INVALID_ARG_TYPE("view", ["TypedArray"], view) from None
            if mem.ndim != 1:
                mem = mem.cast("B") if mem.c_contiguous else memoryview(mem.tobytes())
        count = len(mem)
        if count == 0:
            return Buffer._own(bytearray())
        if offset is not None or length is not None:
            start = 0
            if offset is not None:
                start = validate_integer(offset, "offset", 0)
                if start >= count:
                    return Buffer._own(bytearray())
            end = count
            if length is not None:
                end = start + validate_integer(length, "length", 0)
            mem = mem[start:end]
        return Buffer._own(bytearray(mem.tobytes()))

    # ----------------------------------------------------------------------------------------
    # Properties

    @property
    def length(self) -> int:
        """Node's ``buf.length``: the number of bytes (also ``len(buf)``)."""
        return len(self._mem)

    @property
    def buffer(self) -> bytearray | memoryview:
        """Node's ``buf.buffer``: the store this Buffer is a window on.

        The ``bytearray`` (or the ``memoryview`` given to :meth:`from_`) that plays Node's
        ``ArrayBuffer``; ``buf.byte_offset`` says where in it this Buffer starts.
        """
        return self._owner

    @property
    def byte_offset(self) -> int:
        """Node's ``buf.byteOffset``: where this Buffer starts in ``buf.buffer``."""
        return self._offset

    # ----------------------------------------------------------------------------------------
    # Strings

    def to_string(
        self,
        encoding: str | None = None,
        start: int | float | None = None,
        end: int | float | None = None,
    ) -> str:
        """Node's ``buf.toString(encoding, start, end)``: decode bytes ``[start, end)``.

        Out-of-range ``start``/``end`` are clamped, as Node does; an unknown encoding raises
        ``ERR_UNKNOWN_ENCODING`` (``None`` means utf8).
        """
        mem = self._mem
        if start is None and end is None:
            if encoding is None:
                return _DECODE_UTF8(mem)
            name = _enc._ALIASES.get(encoding) if isinstance(encoding, str) else None
            if name is not None:
                return _DECODERS[name](mem)
        size = len(mem)
        first: int | float = 0
        if start is not None:
            number = _number(start, "start")
            if number <= 0:
                first = 0
            elif number >= size:
                return ""
            else:
                first = _trunc(number)
                if isinstance(first, float):
                    first = 0
        last: int | float
        if end is None:
            last = size
        else:
            number = _number(end, "end")
            if number > size:
                last = size
            else:
                last = _trunc(number)
                if isinstance(last, float):
                    last = 0 if math.isnan(last) else last
        if last <= first:
            return ""
        if encoding is None:
            name = "utf8"
        else:
            found = _enc.normalize_encoding(encoding) if encoding != "" else None
            if found is None:
                raise ERR_UNKNOWN_ENCODING(encoding)
            name = found
        return _DECODERS[name](mem[int(first) : int(last)])

    def write(
        self,
        string: str,
        offset: int | str | None = 0,
        length: int | str | None = None,
        encoding: str | None = "utf8",
    ) -> int:
        """Node's ``buf.write(string, offset, length, encoding)``: encode into the buffer.

        Returns the number of bytes written; never writes part of a character. Node's
        shorthands work: ``buf.write(s, 'hex')``, ``buf.write(s, 2, 'hex')``.
        """
        size = len(self._mem)
        if offset is None:
            start, limit, encoding = 0, size, "utf8"
        elif length is None and isinstance(offset, str):
            encoding, start, limit = offset, 0, size
        else:
            start = validate_integer(offset, "offset", 0, size)
            remaining = size - start
            if length is None:
                limit = remaining
            elif isinstance(length, str):
                encoding, limit = length, remaining
            else:
                limit = min(validate_integer(length, "length", 0, size), remaining)
        if not encoding or encoding == "utf8":
            name = "utf8"
        else:
            found = _enc.normalize_encoding(encoding)
            if found is None:
                raise ERR_UNKNOWN_ENCODING(encoding)
            name = found
        if not isinstance(string, str):
            raise _not_a_string(string)
        data = _enc.encode_limited(string, name, limit)
        count = len(data)
        if count:
            self._mem[start : start + count] = data
        return count

    def to_json(self) -> dict[str, object]:
        """Node's ``buf.toJSON()``: ``{'type': 'Buffer', 'data': [byte, ...]}``.

        ``Buffer.from_`` takes this form back.
        """
        return {"type": "Buffer", "data": self._mem.tolist()}

    # ----------------------------------------------------------------------------------------
    # Comparing

    def equals(self, other_buffer: object) -> bool:
        """Node's ``buf.equals(otherBuffer)``: same bytes (any bytes-like ``other_buffer``)."""
        other = _view(other_buffer)
        if other is None:
            raise ERR_INVALID_ARG_TYPE("otherBuffer", _UINT8_TYPES, other_buffer)
        return self._mem == other

    def _compare(
        self,
        target: object,
        target_start: int | None = None,
        target_end: int | None = None,
        source_start: int | None = None,
        source_end: int | None = None,
    ) -> int:
        """Node's ``buf.compare(target, targetStart, targetEnd, sourceStart, sourceEnd)``.

        -1, 0 or 1: how ``self[source_start:source_end]`` sorts against
        ``target[target_start:target_end]``. On the class, ``Buffer.compare(buf1, buf2)`` is
        Node's static ``Buffer.compare``.
        """
        other = _view(target)
        if other is None:
            raise ERR_INVALID_ARG_TYPE("target", _UINT8_TYPES, target)
        mem = self._mem
        if target_start is None and target_end is None and source_start is None:
            if source_end is None:
                return _cmp(mem, other)
        t_start = (
            0
            if target_start is None
            else validate_integer(target_start, "targetStart", 0, K_MAX_LENGTH)
        )
        t_end = (
            len(other)
            if target_end is None
            else validate_integer(target_end, "targetEnd", 0, len(other))
        )
        s_start = (
            0
            if source_start is None
            else validate_integer(source_start, "sourceStart", 0, K_MAX_LENGTH)
        )
        s_end = (
            len(mem)
            if source_end is None
            else validate_integer(source_end, "sourceEnd", 0, len(mem))
        )
        if s_start >= s_end:
            return 0 if t_start >= t_end else -1
        if t_start >= t_end:
            return 1
        return _cmp(mem[s_start:s_end], other[t_start:t_end])

    compare = _ClassOrInstance(_compare_static, _compare)

    # ----------------------------------------------------------------------------------------
    # Copying and views

    def copy(
        self,
        target: object,
        target_start: int | None = None,
        source_start: int | None = None,
        source_end: int | None = None,
    ) -> int:
        """Node's ``buf.copy(target, targetStart, sourceStart, sourceEnd)``: bytes copied.

        ``target`` is a Buffer, ``bytearray`` or writable ``memoryview``; overlapping regions
        of the same memory copy correctly (memmove semantics).
        """
        dest = _view(target)
        if dest is None or dest.readonly:
            raise ERR_INVALID_ARG_TYPE("target", _UINT8_TYPES, target)
        source = self._mem
        source_length = len(source)
        if target_start is None:
            t_start = 0
        else:
            t_start = _to_integer(target_start, "targetStart")
            if t_start < 0:
                raise ERR_OUT_OF_RANGE("targetStart", ">= 0", t_start)
        if source_start is None:
            s_start = 0
        else:
            s_start = _to_integer(source_start, "sourceStart")
            if s_start < 0 or s_start > source_length:
                raise ERR_OUT_OF_RANGE("sourceStart", f">= 0 && <= {source_length}", s_start)
        if source_end is None:
            s_end = source_length
        else:
            s_end = _to_integer(source_end, "sourceEnd")
            if s_end < 0:
                raise ERR_OUT_OF_RANGE("sourceEnd", ">= 0", s_end)
        if t_start >= len(dest) or s_start >= s_end:
            return 0
        count = min(s_end - s_start, len(dest) - t_start, source_length - s_start)
        if count > 0:
            dest[t_start : t_start + count] = source[s_start : s_start + count]
        return max(count, 0)

    def subarray(self, start: int | float | None = None, end: int | float | None = None) -> Buffer:
        """Node's ``buf.subarray(start, end)``: a new Buffer *sharing* these bytes.

        Negative positions count from the end; positions are clamped. No byte is copied.
        """
        size = len(self._mem)
        if start is None or start == 0:
            first = 0
        elif type(start) is int and 0 < start < size:
            first = start
        else:
            first = _adjust_offset(_number(start, "start"), size)
        if end is None:
            last = size
        elif type(end) is int and 0 <= end < size:
            last = end
        else:
            last = _adjust_offset(_number(end, "end"), size)
        if last < first:
            last = first
        return Buffer._wrap(self._mem[first:last], self._owner, self._offset + first)

    def slice(self, start: int | float | None = None, end: int | float | None = None) -> Buffer:
        """Node's ``buf.slice(start, end)``: the same as :meth:`subarray` (shares memory)."""
        return self.subarray(start, end)

    # ----------------------------------------------------------------------------------------
    # Filling

    def fill(
        self,
        value: object = 0,
        offset: int | str | None = 0,
        end: int | str | None = None,
        encoding: str | None = "utf8",
    ) -> Buffer:
        """Node's ``buf.fill(value, offset, end, encoding)``: repeat ``value``; returns self.

        ``value`` is a number (wrapped to 0..255), a string (encoded, default utf8) or a
        bytes-like pattern. Node's shorthand ``buf.fill('aa', 'hex')`` works. A pattern that
        encodes to nothing raises ``ERR_INVALID_ARG_VALUE`` and leaves the buffer unchanged.
        No value (or ``None``, Node's ``undefined``/``null``) fills zeros, as in Node.
        """
        return self._fill(value, offset, end, encoding)

    def _fill(self, value: object, offset: object, end: object, encoding: object) -> Buffer:
        mem = self._mem
        size = len(mem)
        name = "utf8"
        if value is None:
            value = 0
        elif isinstance(value, str):
            if offset is None or isinstance(offset, str):
                encoding, offset, end = offset, 0, size
            elif isinstance(end, str):
                encoding, end = end, size
            found = _enc.normalize_encoding(encoding)
            if found is None:
                validate_string(encoding, "encoding")
                raise ERR_UNKNOWN_ENCODING(encoding)
            name = found
            if value == "":
                value = 0
            elif len(value) == 1 and ord(value) < 0x10000:
                code = ord(value)
                if (name == "utf8" and code < 128) or name == "latin1":
                    value = code
        if offset is None:
            first, last = 0, size
        else:
            first = validate_integer(offset, "offset", 0, K_MAX_LENGTH)
            last = size if end is None else validate_integer(end, "end", 0, size)
            if first >= last:
                return self
        count = last - first
        if is_number(value) or isinstance(value, bool):
            mem[first:last] = bytes((_to_uint8(value),)) * count  # type: ignore[arg-type]
            return self
        if isinstance(value, str):
            pattern = _enc.encode(value, name)
        else:
            view = _view(value)
            if view is None:
                raise ERR_INVALID_ARG_TYPE(
                    "value", ["string", "number", "Buffer", "Uint8Array"], value
                )
            pattern = view.tobytes()
        if not pattern:
            raise ERR_INVALID_ARG_VALUE("value", value)
        if len(pattern) >= count:
            mem[first:last] = pattern[:count]
        else:
            mem[first:last] = (pattern * (count // len(pattern) + 1))[:count]
        return self

    # ----------------------------------------------------------------------------------------
    # Searching

    def index_of(
        self, value: object, byte_offset: int | str | None = None, encoding: str | None = None
    ) -> int:
        """Node's ``buf.indexOf(value, byteOffset, encoding)``: first position, or -1.

        ``value`` is a number (a byte), a string (encoded) or a bytes-like needle. A negative
        ``byte_offset`` counts from the end; ``buf.index_of(s, 'hex')`` is Node's shorthand.
        """
        return self._index(value, byte_offset, encoding, True)

    def last_index_of(
        self, value: object, byte_offset: int | str | None = None, encoding: str | None = None
    ) -> int:
        """Node's ``buf.lastIndexOf(value, byteOffset, encoding)``: last position at or before
        ``byte_offset``, or -1."""
        return self._index(value, byte_offset, encoding, False)

    def includes(
        self, value: object, byte_offset: int | str | None = None, encoding: str | None = None
    ) -> bool:
        """Node's ``buf.includes(value, byteOffset, encoding)``: ``index_of(...) != -1``."""
        return self._index(value, byte_offset, encoding, True) != -1

    def _index(self, value: object, byte_offset: object, encoding: object, forward: bool) -> int:
        size = len(self._mem)
        if isinstance(byte_offset, str):
            encoding, byte_offset = byte_offset, None
        if byte_offset is None:
            offset = 0 if forward else size
        else:
            number = _number(byte_offset, "byteOffset")
            if isinstance(number, float) and math.isnan(number):
                offset = 0 if forward else size
            else:
                number = max(-0x80000000, min(0x7FFFFFFF, number))
                offset = int(number)
        if is_number(value):
            return self._index_byte(_to_uint8(value), offset, forward)  # type: ignore[arg-type]
        if encoding is None:
            name: str | None = "utf8"
        else:
            name = _enc.normalize_encoding(encoding) if encoding != "" else None
        if isinstance(value, str):
            if name is None:
                raise ERR_UNKNOWN_ENCODING(encoding)
            if name == "utf16le":
                # A string needle searches the even-length part only (node_buffer.cc).
                return self._search(_enc._utf16_units(value), offset, forward, True, True)
            if name == "utf8":
                needle = _enc._utf8_encode(value)
            elif name == "latin1" or name == "ascii":
                needle = _enc._low_bytes(value)
            else:
                needle = _enc.encode(value, name)
            return self._search(needle, offset, forward, False)
        view = _view(value)
        if view is None:
            raise ERR_INVALID_ARG_TYPE("value", ["number", "string", "Buffer", "Uint8Array"], value)
        return self._search(view.tobytes(), offset, forward, name == "utf16le")

    def _finder(self) -> tuple[bytes | bytearray, int]:
        owner = self._owner
        if isinstance(owner, bytearray):
            return owner, self._offset
        return self._mem.tobytes(), 0

    def _index_byte(self, byte: int, offset: int, forward: bool) -> int:
        size = len(self._mem)
        start = _index_offset(size, offset, 1, forward)
        if start <= -1 or size == 0:
            return -1
        hay, base = self._finder()
        if forward:
            found = hay.find(byte, base + start, base + size)
        else:
            found = hay.rfind(byte, base, base + start + 1)
        return found - base if found >= 0 else -1

    def _search(
        self, needle: bytes, offset: int, forward: bool, ucs2: bool, even: bool = False
    ) -> int:
        size = len(self._mem)
        if even:
            size &= ~1
        needle_length = len(needle)
        start = _index_offset(size, offset, needle_length, forward)
        if needle_length == 0:
            return start
        if size == 0 or start <= -1:
            return -1
        if (forward and needle_length + start > size) or needle_length > size:
            return -1
        hay, base = self._finder()
        if not ucs2:
            if forward:
                found = hay.find(needle, base + start, base + size)
            else:
                last = min(start, size - needle_length)
                found = hay.rfind(needle, base, base + last + needle_length)
            return found - base if found >= 0 else -1
        # UTF-16 search: in whole code units, at even positions only (node_buffer.cc).
        if size < 2 or needle_length < 2:
            return -1
        units = size // 2
        needle = needle[: needle_length & ~1]
        needle_units = len(needle) // 2
        result = units
        if units >= needle_units:
            unit_start = start // 2
            if forward:
                match = _even_pattern(needle, False).match(
                    hay, base + 2 * unit_start, base + 2 * units
                )
                if match is not None:
                    result = (match.end() - base) // 2 - needle_units
            else:
                diff = units - needle_units
                last = min(unit_start, diff)
                match = _even_pattern(needle, True).match(
                    hay, base, base + 2 * (last + needle_units)
                )
                if match is not None:
                    result = (match.end() - base) // 2 - needle_units
        result *= 2
        return -1 if result == size else result

    # ----------------------------------------------------------------------------------------
    # Iteration

    def keys(self) -> Iterator[int]:
        """Node's ``buf.keys()``: an iterator over the positions ``0 .. len - 1``."""
        return iter(range(len(self._mem)))

    def values(self) -> Iterator[int]:
        """Node's ``buf.values()``: an iterator over the byte values (as ``iter(buf)``)."""
        return iter(self._mem)

    def entries(self) -> Iterator[tuple[int, int]]:
        """Node's ``buf.entries()``: an iterator of ``(index, byte)`` pairs."""
        return enumerate(self._mem)

    # ----------------------------------------------------------------------------------------
    # Python protocols

    def __len__(self) -> int:
        return len(self._mem)

    @overload
    def __getitem__(self, index: int) -> int: ...
    @overload
    def __getitem__(self, index: builtins.slice) -> Buffer: ...
    def __getitem__(self, index: int | builtins.slice) -> int | Buffer:
        if isinstance(index, builtins.slice):
            start, stop, step = index.indices(len(self._mem))
            if step == 1:
                if stop < start:
                    stop = start
                return Buffer._wrap(self._mem[start:stop], self._owner, self._offset + start)
            return Buffer._own(bytearray(self._mem[index].tobytes()))
        try:
            return self._mem[index]
        except IndexError:
            raise IndexError("Buffer index out of range") from None

    def __setitem__(self, index: int | builtins.slice, value: object) -> None:
        if isinstance(index, builtins.slice):
            view = _view(value)
            if view is None:
                if isinstance(value, list | tuple):
                    view = memoryview(_ints_to_bytes(value, "value"))
                else:
                    raise ERR_INVALID_ARG_TYPE("value", ["Buffer", "Uint8Array", "Array"], value)
            target = self._mem[index]
            if len(target) != len(view):
                raise ValueError(
                    "a Buffer has a fixed length: slice assignment must keep it "
                    f"({len(target)} bytes, got {len(view)})"
                )
            self._mem[index] = view
            return
        if not is_number(value) and not isinstance(value, bool):
            raise ERR_INVALID_ARG_TYPE("value", "number", value)
        try:
            self._mem[index] = _to_uint8(value)  # type: ignore[arg-type]
        except IndexError:
            raise IndexError("Buffer index out of range") from None

    def __iter__(self) -> Iterator[int]:
        return iter(self._mem)

    def __contains__(self, value: object) -> bool:
        if isinstance(value, int) and not isinstance(value, bool):
            if not 0 <= value <= 255:
                raise ValueError("byte must be in range(0, 256)")
        return self._index(value, None, None, True) != -1

    def __eq__(self, other: object) -> bool:
        view = _view(other)
        if view is None:
            return NotImplemented
        return self._mem == view

    def __ne__(self, other: object) -> bool:
        view = _view(other)
        if view is None:
            return NotImplemented
        return not self._mem == view

    __hash__ = None  # type: ignore[assignment]

    def __bytes__(self) -> bytes:
        return self._mem.tobytes()

    def __buffer__(self, flags: int, /) -> memoryview:
        return self._mem[:]

    def __release_buffer__(self, view: memoryview, /) -> None:
        pass

    def __repr__(self) -> str:
        mem = self._mem
        limit = _inspect_max_bytes
        shown = len(mem) if limit >= len(mem) else math.floor(limit) if limit > 0 else 0
        text = mem[:shown].hex(" ")
        remaining = len(mem) - limit
        if remaining > 0:
            more = int(remaining) if float(remaining).is_integer() else remaining
            text += f" ... {more} more byte{'s' if remaining > 1 else ''}"
        return f"<Buffer {text}>"

    __str__ = __repr__

    def __reduce__(self) -> tuple[Callable[..., Buffer], tuple[bytes]]:
        return (Buffer.from_, (self._mem.tobytes(),))


def _adjust_offset(offset: int | float, length: int) -> int:
    """Node's ``adjustOffset`` for ``subarray``."""
    if isinstance(offset, float):
        if math.isnan(offset):
            return 0
        if math.isinf(offset):
            return length if offset > 0 else 0
        offset = int(offset)
    if offset == 0:
        return 0
    if offset < 0:
        offset += length
        return offset if offset > 0 else 0
    return offset if offset < length else length


_DECODERS: Final = _enc.DECODERS
_DECODE_UTF8: Final = _DECODERS["utf8"]
_ENCODER_BY_ALIAS: Final = _enc._ENCODER_BY_ALIAS


# --------------------------------------------------------------------------------------------
# Module functions


def _any_view(value: object, name: str, expected: list[str]) -> memoryview:
    mem = _view(value)
    if mem is not None:
        return mem
    try:
        raw = memoryview(value)  # type: ignore[arg-type]
    except TypeError:
        raise ERR_INVALID_ARG_TYPE(name, expected, value) from None
    return raw.cast("B") if raw.c_contiguous else memoryview(raw.tobytes())


_TYPED: Final = ["ArrayBuffer", "Buffer", "TypedArray"]
_HIGH_BYTE: Final = re.compile(rb"[\x80-\xff]")


def is_utf8(input: object) -> bool:
    """Node's ``buffer.isUtf8(input)``: are these bytes well-formed UTF-8 (no surrogates)."""
    mem = _any_view(input, "input", _TYPED)
    try:
        str(mem, "utf-8")
    except UnicodeDecodeError:
        return False
    return True


def is_ascii(input: object) -> bool:
    """Node's ``buffer.isAscii(input)``: is every byte below 0x80."""
    mem = _any_view(input, "input", _TYPED)
    return _HIGH_BYTE.search(mem) is None


_ASCII_WHITESPACE: Final = b" \t\n\f\r"
_B64_LETTERS: Final = _enc._B64_STD_ALPHABET


def atob(*args: object) -> str:
    """WHATWG ``atob(data)``: strict ("forgiving-base64") decoding to a latin1 string.

    Unlike ``Buffer.from_(s, 'base64')`` it rejects bad input: ``InvalidCharacterError``.
    Only ASCII whitespace is skipped.
    """
    if not args:
        raise ERR_MISSING_ARGS("input")
    data = args[0]
    if not isinstance(data, str):
        raise ERR_INVALID_ARG_TYPE("input", "string", data)
    if not data.isascii():
        raise InvalidCharacterError("Invalid character")
    raw = data.encode("ascii").translate(None, _ASCII_WHITESPACE)
    padding = 2 if raw.endswith(b"==") else 1 if raw.endswith(b"=") else 0
    if padding:
        raw = raw[:-padding]
    if raw.translate(None, _B64_LETTERS):
        raise InvalidCharacterError("Invalid character")
    rest = len(raw) & 3
    if rest == 1:
        raise InvalidCharacterError("The string to be decoded is not correctly encoded.")
    if padding and (rest + padding) & 3:
        raise InvalidCharacterError("Invalid character")
    if rest:
        raw += b"=" * (4 - rest)
    return binascii.a2b_base64(raw).decode("latin-1")


def btoa(*args: object) -> str:
    """WHATWG ``btoa(data)``: base64 of a string of code points U+0000..U+00FF.

    Any other character raises ``InvalidCharacterError``.
    """
    if not args:
        raise ERR_MISSING_ARGS("input")
    data = args[0]
    if not isinstance(data, str):
        raise ERR_INVALID_ARG_TYPE("input", "string", data)
    try:
        raw = data.encode("latin-1")
    except UnicodeEncodeError:
        raise InvalidCharacterError("Invalid character") from None
    return binascii.b2a_base64(raw, newline=False).decode("ascii")


_TRANSCODABLE: Final = frozenset({"ascii", "latin1", "utf8", "utf16le"})

#: Unicode's default-ignorable code points, as ICU's converter callbacks list them
#: (``IS_DEFAULT_IGNORABLE_CODE_POINT`` in ``ucnv_err.cpp``): when the target encoding cannot
#: hold one, ICU drops it instead of writing ``?``. U+00AD is in the list too, but latin1 holds
#: it, so only the ascii pattern has it.
_IGNORABLE_RANGES: Final = (
    "\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0000-\U000e0fff"
)
_DROP_FOR_LATIN1: Final = re.compile(f"[{_IGNORABLE_RANGES}]")
_DROP_FOR_ASCII: Final = re.compile(f"[\u00ad{_IGNORABLE_RANGES}]")


def transcode(source: object, from_enc: str, to_enc: str) -> Buffer:
    """Node's ``buffer.transcode(source, fromEnc, toEnc)``: re-encode bytes, as Node's ICU does.

    Between ascii, latin1, utf8 and utf16le only (others: ``U_ILLEGAL_ARGUMENT_ERROR``).
    Characters the target cannot hold become ``?`` (default-ignorable ones, like U+200B or
    U+FEFF, are dropped instead, as ICU does); ICU's strict UTF-8 <-> UTF-16 paths
    raise ``U_INVALID_CHAR_FOUND`` on invalid input, as in Node.
    """
    mem = _view(source)
    if mem is None:
        raise ERR_INVALID_ARG_TYPE("source", _UINT8_TYPES, source)
    if len(mem) == 0:
        return Buffer._own(bytearray())
    src = _enc.normalize_encoding(from_enc) if from_enc else None
    dst = _enc.normalize_encoding(to_enc) if to_enc else None
    if src not in _TRANSCODABLE or dst not in _TRANSCODABLE:
        raise U_ILLEGAL_ARGUMENT_ERROR()
    raw = mem.tobytes()
    try:
        if src == "ascii":
            text = raw.decode("latin-1" if dst == "utf16le" else "ascii", "replace")
        elif src == "latin1":
            text = raw.decode("latin-1")
        elif src == "utf8":
            text = raw.decode("utf-8", "strict" if dst == "utf16le" else "replace")
        elif dst == "utf16le":
            text = raw.decode("utf-16-le", "replace")
        elif dst == "utf8":
            if len(raw) < 2:  # no whole code unit: ICU's u_strToUTF8 refuses, as in Node
                raise U_INVALID_CHAR_FOUND()
            text = raw[: len(raw) & ~1].decode("utf-16-le")
        else:
            text = raw[: len(raw) & ~1].decode("utf-16-le", "surrogatepass")
    except UnicodeDecodeError:
        raise U_INVALID_CHAR_FOUND() from None
    if dst == "ascii":
        if not text.isascii():
            text = _DROP_FOR_ASCII.sub("", text)
        out = text.encode("ascii", "replace")
    elif dst == "latin1":
        try:
            out = text.encode("latin-1")
        except UnicodeEncodeError:
            out = _DROP_FOR_LATIN1.sub("", text).encode("latin-1", "replace")
    elif dst == "utf8":
        out = text.encode("utf-8")
    else:
        out = text.encode("utf-16-le")
    return Buffer._own(out)
