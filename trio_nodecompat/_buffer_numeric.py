"""Node's numeric read/write and byte-swap methods for :class:`~trio_nodecompat.buffer.Buffer`.

A mixin, so the Buffer core and the number codecs live in separate files. It touches bytes
only through ``self._mem`` (a 1-D, format ``'B'``, writable memoryview of exactly the
buffer's bytes), so it works for any class that provides one.

Speed comes from the shape of each method: the common call (an ``int`` offset that fits, an
``int`` value in range) goes straight to a precompiled :class:`struct.Struct`, and ``struct``
itself reports "does not fit" by raising; only then do we walk Node's validation order on a
slow path, to raise exactly the error Node raises. Every check happens before the first byte
is written, so a failed write leaves the buffer unchanged, as in Node.

Validation follows Node's ``lib/internal/buffer.js``:

* the offset must be a number (``ERR_INVALID_ARG_TYPE``); an integral ``float`` counts as an
  integer, as in JS; a fraction or NaN is ``ERR_OUT_OF_RANGE`` "an integer"; a position past
  the end is ``ERR_OUT_OF_RANGE`` ``>= 0 and <= N``, or ``ERR_BUFFER_OUT_OF_BOUNDS`` when the
  buffer is too small for the width at all;
* an integer value outside the width is ``ERR_OUT_OF_RANGE`` with Node's range text
  (``>= 0 and <= 255``; ``>= 0 and < 2 ** 40`` from five bytes up; ``n`` suffixes for BigInt);
* Node coerces any value with ``+value``; we accept ``int`` and ``float`` (never ``bool``) and
  raise ``ERR_INVALID_ARG_TYPE`` for anything else. A fractional value written as an integer
  is truncated exactly as Node's typed-array stores truncate it; NaN writes zeros.
* the 64-bit ``write_big_*`` methods take a Python ``int`` (Node requires a BigInt; a
  ``float`` is ``ERR_INVALID_ARG_TYPE``).
"""

from __future__ import annotations

import math
import struct
from array import array
from collections.abc import Callable
from typing import Literal, Self, TypeAlias

from .errors import (
    ERR_BUFFER_OUT_OF_BOUNDS,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_BUFFER_SIZE,
    ERR_OUT_OF_RANGE,
)

__all__ = ["BufferNumericMixin"]

# --------------------------------------------------------------------------------------------
# Precompiled codecs: one bound method per width and byte order.

_U8 = struct.Struct("B")
_I8 = struct.Struct("b")
_U16LE, _U16BE = struct.Struct("<H"), struct.Struct(">H")
_I16LE, _I16BE = struct.Struct("<h"), struct.Struct(">h")
_U32LE, _U32BE = struct.Struct("<I"), struct.Struct(">I")
_I32LE, _I32BE = struct.Struct("<i"), struct.Struct(">i")
_U64LE, _U64BE = struct.Struct("<Q"), struct.Struct(">Q")
_I64LE, _I64BE = struct.Struct("<q"), struct.Struct(">q")
_F32LE, _F32BE = struct.Struct("<f"), struct.Struct(">f")
_F64LE, _F64BE = struct.Struct("<d"), struct.Struct(">d")

#: ``unpack_from`` bound to each format, typed by what it returns (struct says ``Any``).
_IntReader: TypeAlias = Callable[[memoryview, int], tuple[int]]
_FloatReader: TypeAlias = Callable[[memoryview, int], tuple[float]]

_u16le: _IntReader = _U16LE.unpack_from
_u16be: _IntReader = _U16BE.unpack_from
_i16le: _IntReader = _I16LE.unpack_from
_i16be: _IntReader = _I16BE.unpack_from
_u32le: _IntReader = _U32LE.unpack_from
_u32be: _IntReader = _U32BE.unpack_from
_i32le: _IntReader = _I32LE.unpack_from
_i32be: _IntReader = _I32BE.unpack_from
_u64le: _IntReader = _U64LE.unpack_from
_u64be: _IntReader = _U64BE.unpack_from
_i64le: _IntReader = _I64LE.unpack_from
_i64be: _IntReader = _I64BE.unpack_from
_f32le: _FloatReader = _F32LE.unpack_from
_f32be: _FloatReader = _F32BE.unpack_from
_f64le: _FloatReader = _F64LE.unpack_from
_f64be: _FloatReader = _F64BE.unpack_from

_p16le_u, _p16be_u = _U16LE.pack_into, _U16BE.pack_into
_p16le_i, _p16be_i = _I16LE.pack_into, _I16BE.pack_into
_p32le_u, _p32be_u = _U32LE.pack_into, _U32BE.pack_into
_p32le_i, _p32be_i = _I32LE.pack_into, _I32BE.pack_into
_p64le_u, _p64be_u = _U64LE.pack_into, _U64BE.pack_into
_p64le_i, _p64be_i = _I64LE.pack_into, _I64BE.pack_into
_pf32le, _pf32be = _F32LE.pack_into, _F32BE.pack_into
_pf64le, _pf64be = _F64LE.pack_into, _F64BE.pack_into

_Order: TypeAlias = Literal["little", "big"]

# What struct raises when the offset does not fit: the signal to take the slow path. Values
# are range-checked before any ``pack_into``, because ``pack_into`` zeroes its target bytes
# before it packs, so a value it rejects would leave zeros behind.
_MISFIT = (struct.error, OverflowError, IndexError)


def _array_code(size: int) -> str:
    for code in "HILQ":
        if array(code).itemsize == size:
            return code
    raise ImportError(f"no array type code of {size} bytes")  # pragma: no cover


_SWAP_CODES = {2: _array_code(2), 4: _array_code(4), 8: _array_code(8)}

# --------------------------------------------------------------------------------------------
# The slow paths: Node's validation order and wording, shared by every method.


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _shown(value: int | float) -> int | float:
    """The number as Node prints it in ``Received ...``: integral floats as integers."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e21:
        return int(value)
    return value


def _out_of_range(
    name: str, range_: str, received: int | float, suffix: str = ""
) -> ERR_OUT_OF_RANGE:
    """``ERR_OUT_OF_RANGE`` with ``Received`` spelled as Node spells it.

    Node prints an integer above ``2 ** 32`` with ``_`` separators; for a JS number of
    ``1e21`` or more that is its exponent form, separated all the same (``1e+_300``), and a
    BigInt gets an ``n`` suffix. The shared error class covers the common cases; the two odd
    ones are finished here, where only numeric methods meet them.
    """
    shown = _shown(received)
    err = ERR_OUT_OF_RANGE(name, range_, shown)
    if isinstance(shown, float) and shown.is_integer():
        head = err.args[0][: err.args[0].rindex("Received ") + len("Received ")]
        err.args = (head + _separated(repr(shown)),)
    if suffix:
        err.args = (err.args[0] + suffix,)
    return err


def _separated(text: str) -> str:
    """Node's ``addNumericalSeparator``: ``_`` before every group of three from the right."""
    start = 1 if text.startswith("-") else 0
    end = len(text)
    groups = ""
    while end >= start + 4:
        groups = "_" + text[end - 3 : end] + groups
        end -= 3
    return text[:end] + groups


def _check_bounds(offset: object, size: int, length: int, optional: bool = True) -> int:
    """Node's ``checkBounds`` + ``boundsError``: return ``offset`` as a valid ``int`` start.

    ``optional`` is true for the methods whose offset defaults to 0 in Node (``None`` plays
    JS ``undefined`` there); the variable-width methods have no default.
    """
    if offset is None and optional:
        offset = 0
    if not _is_number(offset):
        raise ERR_INVALID_ARG_TYPE("offset", "number", offset)
    assert isinstance(offset, int | float)
    if isinstance(offset, float) and (
        math.isnan(offset) or (math.isfinite(offset) and not offset.is_integer())
    ):
        raise ERR_OUT_OF_RANGE("offset", "an integer", offset)
    last = length - size
    if 0 <= offset <= last:
        return int(offset)
    if last < 0:
        raise ERR_BUFFER_OUT_OF_BOUNDS()
    raise _out_of_range("offset", f">= 0 and <= {last}", offset)


def _check_byte_length(byte_length: object) -> int:
    """The ``byteLength`` dispatch of ``readUIntLE`` and kin: 1 to 6, else Node's error."""
    if _is_number(byte_length):
        assert isinstance(byte_length, int | float)
        if byte_length in (1, 2, 3, 4, 5, 6):
            return int(byte_length)
        if isinstance(byte_length, float) and (
            math.isnan(byte_length) or (math.isfinite(byte_length) and not byte_length.is_integer())
        ):
            raise ERR_OUT_OF_RANGE("byteLength", "an integer", byte_length)
        raise _out_of_range("byteLength", ">= 1 and <= 6", byte_length)
    raise ERR_INVALID_ARG_TYPE("byteLength", "number", byte_length)


def _number_value(value: object) -> int | float:
    """Node's ``value = +value``, minus JS coercion: only real numbers are accepted."""
    if not _is_number(value):
        raise ERR_INVALID_ARG_TYPE("value", "number", value)
    assert isinstance(value, int | float)
    return value


def _range_error(value: int | float, size: int, signed: bool, bigint: bool) -> ERR_OUT_OF_RANGE:
    """Node's ``checkInt`` message: exact bounds up to 4 bytes, powers of two from 5 up."""
    n = "n" if bigint else ""
    bits = size * 8
    if size > 4:
        if signed:
            range_ = f">= -(2{n} ** {bits - 1}{n}) and < 2{n} ** {bits - 1}{n}"
        else:
            range_ = f">= 0{n} and < 2{n} ** {bits}{n}"
    else:
        low, high = _limits(size, signed)
        range_ = f">= {low}{n} and <= {high}{n}"
    return _out_of_range("value", range_, value, "n" if bigint else "")


def _limits(size: int, signed: bool) -> tuple[int, int]:
    bits = size * 8
    if signed:
        return -(1 << (bits - 1)), (1 << (bits - 1)) - 1
    return 0, (1 << bits) - 1


def _int_bits(value: int | float, size: int) -> int:
    """The unsigned pattern Node's typed-array stores leave for an in-range ``value``.

    Integers wrap modulo ``2 ** (8 * size)``. A fraction is truncated toward zero for the low
    32 bits (JS ``ToUint8``/``>>>``) while the bytes above 32 bits take
    ``floor(value / 2 ** 32)``, exactly as ``writeU_Int40``/``48`` compute them; NaN is 0.
    """
    mask = (1 << (size * 8)) - 1
    if isinstance(value, int):
        return value & mask
    if math.isnan(value):
        return 0
    if size <= 4:
        return int(value) & mask
    low = int(value) & 0xFFFFFFFF
    high = math.floor(value * 2.0**-32)
    return ((high << 32) | low) & mask


def _write_int_slow(
    mem: memoryview,
    value: object,
    offset: object,
    size: int,
    signed: bool,
    order: _Order,
    optional: bool = True,
) -> int:
    """Validate an integer write in Node's order, then store it; returns the end offset."""
    number = _number_value(value)
    low, high = _limits(size, signed)
    if size == 1:
        # Node's writeU_Int8 checks the offset's type before the value's range.
        if offset is None and optional:
            offset = 0
        if not _is_number(offset):
            raise ERR_INVALID_ARG_TYPE("offset", "number", offset)
    if number > high or number < low:
        raise _range_error(number, size, signed, bigint=False)
    start = _check_bounds(offset, size, len(mem), optional)
    mem[start : start + size] = _int_bits(number, size).to_bytes(size, order)
    return start + size


def _write_bigint_slow(
    mem: memoryview, value: object, offset: object, signed: bool, order: _Order
) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise ERR_INVALID_ARG_TYPE("value", "bigint", value)
    low, high = _limits(8, signed)
    if value > high or value < low:
        raise _range_error(value, 8, signed, bigint=True)
    start = _check_bounds(offset, 8, len(mem))
    mem[start : start + 8] = (value & 0xFFFFFFFFFFFFFFFF).to_bytes(8, order)
    return start + 8


def _to_double(value: object) -> float:
    number = _number_value(value)
    try:
        return float(number)
    except OverflowError:
        # An int beyond the double range is Infinity as a JS number.
        return math.copysign(math.inf, number)


def _write_float_slow(mem: memoryview, value: object, offset: object, little: bool) -> int:
    """``writeFloatLE``/``BE``: round to float32 as ``Float32Array`` does (overflow is inf)."""
    number = _to_double(value)
    start = _check_bounds(offset, 4, len(mem))
    pack = _pf32le if little else _pf32be
    try:
        pack(mem, start, number)
    except OverflowError:
        # struct refuses what rounds past FLT_MAX; IEEE (and JS) round it to infinity.
        pack(mem, start, math.copysign(math.inf, number))
    return start + 4


def _write_double_slow(mem: memoryview, value: object, offset: object, little: bool) -> int:
    number = _to_double(value)
    start = _check_bounds(offset, 8, len(mem))
    (_pf64le if little else _pf64be)(mem, start, number)
    return start + 8


def _read_var(
    mem: memoryview, offset: object, byte_length: object, order: _Order, signed: bool
) -> int:
    if offset is None:
        raise ERR_INVALID_ARG_TYPE("offset", "number", offset)
    size = _check_byte_length(byte_length)
    start = _check_bounds(offset, size, len(mem), optional=False)
    return int.from_bytes(mem[start : start + size], order, signed=signed)


def _swap(mem: memoryview, size: int) -> None:
    """Reverse every ``size``-byte group in place with one C-level ``array.byteswap``."""
    length = len(mem)
    if length % size:
        raise ERR_INVALID_BUFFER_SIZE(f"{size * 8}-bits")
    if length:
        words = array(_SWAP_CODES[size])
        words.frombytes(mem)
        words.byteswap()
        mem[:] = memoryview(words).cast("B")


# --------------------------------------------------------------------------------------------
# The mixin


class BufferNumericMixin:
    """Node's ``buf.readUInt32LE(offset)`` family, ``write*`` and ``swap16/32/64``.

    Reads return ``int`` (``float`` for ``read_float_*``/``read_double_*``; ``int`` for the
    64-bit ``read_big_*``, which are BigInt in Node). Writes return ``offset`` plus the bytes
    written, like Node, so calls chain through offsets.
    """

    __slots__ = ()

    _mem: memoryview

    # ---------------------------------------------------------------- 8-bit

    def read_uint8(self, offset: int = 0) -> int:
        """Read an unsigned byte at ``offset`` (Node ``buf.readUInt8``)."""
        if type(offset) is int and offset >= 0:
            try:
                return self._mem[offset]
            except IndexError:
                pass
        return self._mem[_check_bounds(offset, 1, len(self._mem))]

    def read_int8(self, offset: int = 0) -> int:
        """Read a two's-complement signed byte at ``offset`` (Node ``buf.readInt8``)."""
        if type(offset) is int and offset >= 0:
            try:
                value = self._mem[offset]
            except IndexError:
                pass
            else:
                return value - 256 if value > 127 else value
        value = self._mem[_check_bounds(offset, 1, len(self._mem))]
        return value - 256 if value > 127 else value

    def write_uint8(self, value: int, offset: int = 0) -> int:
        """Write ``value`` (0..255) as one byte; return ``offset + 1`` (Node ``writeUInt8``)."""
        if type(value) is int and type(offset) is int and 0 <= value <= 0xFF and offset >= 0:
            try:
                self._mem[offset] = value
                return offset + 1
            except IndexError:
                pass
        return _write_int_slow(self._mem, value, offset, 1, False, "little")

    def write_int8(self, value: int, offset: int = 0) -> int:
        """Write ``value`` (-128..127) as one byte; return ``offset + 1`` (Node ``writeInt8``)."""
        if type(value) is int and type(offset) is int and -0x80 <= value <= 0x7F and offset >= 0:
            try:
                self._mem[offset] = value & 0xFF
                return offset + 1
            except IndexError:
                pass
        return _write_int_slow(self._mem, value, offset, 1, True, "little")

    # ---------------------------------------------------------------- 16-bit

    def read_uint16_le(self, offset: int = 0) -> int:
        """Read an unsigned little-endian 16-bit integer (Node ``readUInt16LE``)."""
        if type(offset) is int and offset >= 0:
            try:
                return _u16le(self._mem, offset)[0]
            except _MISFIT:
                pass
        return _u16le(self._mem, _check_bounds(offset, 2, len(self._mem)))[0]

    def read_uint16_be(self, offset: int = 0) -> int:
        """Read an unsigned big-endian 16-bit integer (Node ``readUInt16BE``)."""
        if type(offset) is int and offset >= 0:
            try:
                return _u16be(self._mem, offset)[0]
            except _MISFIT:
                pass
        return _u16be(self._mem, _check_bounds(offset, 2, len(self._mem)))[0]

    def read_int16_le(self, offset: int = 0) -> int:
        """Read a signed little-endian 16-bit integer (Node ``readInt16LE``)."""
        if type(offset) is int and offset >= 0:
            try:
                return _i16le(self._mem, offset)[0]
            except _MISFIT:
                pass
        return _i16le(self._mem, _check_bounds(offset, 2, len(self._mem)))[0]

    def read_int16_be(self, offset: int = 0) -> int:
        """Read a signed big-endian 16-bit integer (Node ``readInt16BE``)."""
        if type(offset) is int and offset >= 0:
            try:
                return _i16be(self._mem, offset)[0]
            except _MISFIT:
                pass
        return _i16be(self._mem, _check_bounds(offset, 2, len(self._mem)))[0]

    def write_uint16_le(self, value: int, offset: int = 0) -> int:
        """Write ``value`` (0..65535) little-endian; return ``offset + 2`` (``writeUInt16LE``)."""
        if type(value) is int and type(offset) is int and 0 <= value <= 0xFFFF and offset >= 0:
            try:
                _p16le_u(self._mem, offset, value)
                return offset + 2
            except _MISFIT:
                pass
        return _write_int_slow(self._mem, value, offset, 2, False, "little")

    def write_uint16_be(self, value: int, offset: int = 0) -> int:
        """Write ``value`` (0..65535) big-endian; return ``offset + 2`` (``writeUInt16BE``)."""
        if type(value) is int and type(offset) is int and 0 <= value <= 0xFFFF and offset >= 0:
            try:
                _p16be_u(self._mem, offset, value)
                return offset + 2
            except _MISFIT:
                pass
        return _write_int_slow(self._mem, value, offset, 2, False, "big")

    def write_int16_le(self, value: int, offset: int = 0) -> int:
        """Write ``value`` (-32768..32767) little-endian; return ``offset + 2``."""
        if (
            type(value) is int
            and type(offset) is int
            and -0x8000 <= value <= 0x7FFF
            and offset >= 0
        ):
            try:
                _p16le_i(self._mem, offset, value)
                return offset + 2
            except _MISFIT:
                pass
        return _write_int_slow(self._mem, value, offset, 2, True, "little")

    def write_int16_be(self, value: int, offset: int = 0) -> int:
        """Write ``value`` (-32768..32767) big-endian; return ``offset + 2``."""
        if (
            type(value) is int
            and type(offset) is int
            and -0x8000 <= value <= 0x7FFF
            and offset >= 0
        ):
            try:
                _p16be_i(self._mem, offset, value)
                return offset + 2
            except _MISFIT:
                pass
        return _write_int_slow(self._mem, value, offset, 2, True, "big")

    # ---------------------------------------------------------------- 32-bit

    def read_uint32_le(self, offset: int = 0) -> int:
        """Read an unsigned little-endian 32-bit integer (Node ``readUInt32LE``)."""
        if type(offset) is int and offset >= 0:
            try:
                return _u32le(self._mem, offset)[0]
            except _MISFIT:
                pass
        return _u32le(self._mem, _check_bounds(offset, 4, len(self._mem)))[0]

    def read_uint32_be(self, offset: int = 0) -> int:
        """Read an unsigned big-endian 32-bit integer (Node ``readUInt32BE``)."""
        if type(offset) is int and offset >= 0:
            try:
                return _u32be(self._mem, offset)[0]
            except _MISFIT:
                pass
        return _u32be(self._mem, _check_bounds(offset, 4, len(self._mem)))[0]

    def read_int32_le(self, offset: int = 0) -> int:
        """Read a signed little-endian 32-bit integer (Node ``readInt32LE``)."""
        if type(offset) is int and offset >= 0:
            try:
                return _i32le(self._mem, offset)[0]
            except _MISFIT:
                pass
        return _i32le(self._mem, _check_bounds(offset, 4, len(self._mem)))[0]

    def read_int32_be(self, offset: int = 0) -> int:
        """Read a signed big-endian 32-bit integer (Node ``readInt32BE``)."""
        if type(offset) is int and offset >= 0:
            try:
                return _i32be(self._mem, offset)[0]
            except _MISFIT:
                pass
        return _i32be(self._mem, _check_bounds(offset, 4, len(self._mem)))[0]

    def write_uint32_le(self, value: int, offset: int = 0) -> int:
        """Write ``value`` (0..2**32-1) little-endian; return ``offset + 4``."""
        if type(value) is int and type(offset) is int and 0 <= value <= 0xFFFFFFFF and offset >= 0:
            try:
                _p32le_u(self._mem, offset, value)
                return offset + 4
            except _MISFIT:
                pass
        return _write_int_slow(self._mem, value, offset, 4, False, "little")

    def write_uint32_be(self, value: int, offset: int = 0) -> int:
        """Write ``value`` (0..2**32-1) big-endian; return ``offset + 4``."""
        if type(value) is int and type(offset) is int and 0 <= value <= 0xFFFFFFFF and offset >= 0:
            try:
                _p32be_u(self._mem, offset, value)
                return offset + 4
            except _MISFIT:
                pass
        return _write_int_slow(self._mem, value, offset, 4, False, "big")

    def write_int32_le(self, value: int, offset: int = 0) -> int:
        """Write ``value`` (-2**31..2**31-1) little-endian; return ``offset + 4``."""
        if (
            type(value) is int
            and type(offset) is int
            and -0x80000000 <= value <= 0x7FFFFFFF
            and offset >= 0
        ):
            try:
                _p32le_i(self._mem, offset, value)
                return offset + 4
            except _MISFIT:
                pass
        return _write_int_slow(self._mem, value, offset, 4, True, "little")

    def write_int32_be(self, value: int, offset: int = 0) -> int:
        """Write ``value`` (-2**31..2**31-1) big-endian; return ``offset + 4``."""
        if (
            type(value) is int
            and type(offset) is int
            and -0x80000000 <= value <= 0x7FFFFFFF
            and offset >= 0
        ):
            try:
                _p32be_i(self._mem, offset, value)
                return offset + 4
            except _MISFIT:
                pass
        return _write_int_slow(self._mem, value, offset, 4, True, "big")

    # ---------------------------------------------------------------- variable width, 1-6

    def read_uint_le(self, offset: int, byte_length: int) -> int:
        """Read a ``byte_length``-byte (1-6) unsigned little-endian integer (``readUIntLE``)."""
        return _read_var(self._mem, offset, byte_length, "little", False)

    def read_uint_be(self, offset: int, byte_length: int) -> int:
        """Read a ``byte_length``-byte (1-6) unsigned big-endian integer (``readUIntBE``)."""
        return _read_var(self._mem, offset, byte_length, "big", False)

    def read_int_le(self, offset: int, byte_length: int) -> int:
        """Read a ``byte_length``-byte (1-6) signed little-endian integer (``readIntLE``)."""
        return _read_var(self._mem, offset, byte_length, "little", True)

    def read_int_be(self, offset: int, byte_length: int) -> int:
        """Read a ``byte_length``-byte (1-6) signed big-endian integer (``readIntBE``)."""
        return _read_var(self._mem, offset, byte_length, "big", True)

    def write_uint_le(self, value: int, offset: int, byte_length: int) -> int:
        """Write ``value`` as ``byte_length`` (1-6) unsigned little-endian bytes."""
        size = _check_byte_length(byte_length)
        return _write_int_slow(self._mem, value, offset, size, False, "little", optional=False)

    def write_uint_be(self, value: int, offset: int, byte_length: int) -> int:
        """Write ``value`` as ``byte_length`` (1-6) unsigned big-endian bytes."""
        size = _check_byte_length(byte_length)
        return _write_int_slow(self._mem, value, offset, size, False, "big", optional=False)

    def write_int_le(self, value: int, offset: int, byte_length: int) -> int:
        """Write ``value`` as ``byte_length`` (1-6) signed little-endian bytes."""
        size = _check_byte_length(byte_length)
        return _write_int_slow(self._mem, value, offset, size, True, "little", optional=False)

    def write_int_be(self, value: int, offset: int, byte_length: int) -> int:
        """Write ``value`` as ``byte_length`` (1-6) signed big-endian bytes."""
        size = _check_byte_length(byte_length)
        return _write_int_slow(self._mem, value, offset, size, True, "big", optional=False)

    # ---------------------------------------------------------------- 64-bit BigInt

    def read_big_uint64_le(self, offset: int = 0) -> int:
        """Read an unsigned little-endian 64-bit integer (Node ``readBigUInt64LE``)."""
        if type(offset) is int and offset >= 0:
            try:
                return _u64le(self._mem, offset)[0]
            except _MISFIT:
                pass
        return _u64le(self._mem, _check_bounds(offset, 8, len(self._mem)))[0]

    def read_big_uint64_be(self, offset: int = 0) -> int:
        """Read an unsigned big-endian 64-bit integer (Node ``readBigUInt64BE``)."""
        if type(offset) is int and offset >= 0:
            try:
                return _u64be(self._mem, offset)[0]
            except _MISFIT:
                pass
        return _u64be(self._mem, _check_bounds(offset, 8, len(self._mem)))[0]

    def read_big_int64_le(self, offset: int = 0) -> int:
        """Read a signed little-endian 64-bit integer (Node ``readBigInt64LE``)."""
        if type(offset) is int and offset >= 0:
            try:
                return _i64le(self._mem, offset)[0]
            except _MISFIT:
                pass
        return _i64le(self._mem, _check_bounds(offset, 8, len(self._mem)))[0]

    def read_big_int64_be(self, offset: int = 0) -> int:
        """Read a signed big-endian 64-bit integer (Node ``readBigInt64BE``)."""
        if type(offset) is int and offset >= 0:
            try:
                return _i64be(self._mem, offset)[0]
            except _MISFIT:
                pass
        return _i64be(self._mem, _check_bounds(offset, 8, len(self._mem)))[0]

    def write_big_uint64_le(self, value: int, offset: int = 0) -> int:
        """Write ``value`` (an ``int``, 0..2**64-1) little-endian; return ``offset + 8``."""
        if (
            type(value) is int
            and type(offset) is int
            and 0 <= value <= 0xFFFFFFFFFFFFFFFF
            and offset >= 0
        ):
            try:
                _p64le_u(self._mem, offset, value)
                return offset + 8
            except _MISFIT:
                pass
        return _write_bigint_slow(self._mem, value, offset, False, "little")

    def write_big_uint64_be(self, value: int, offset: int = 0) -> int:
        """Write ``value`` (an ``int``, 0..2**64-1) big-endian; return ``offset + 8``."""
        if (
            type(value) is int
            and type(offset) is int
            and 0 <= value <= 0xFFFFFFFFFFFFFFFF
            and offset >= 0
        ):
            try:
                _p64be_u(self._mem, offset, value)
                return offset + 8
            except _MISFIT:
                pass
        return _write_bigint_slow(self._mem, value, offset, False, "big")

    def write_big_int64_le(self, value: int, offset: int = 0) -> int:
        """Write ``value`` (an ``int``, -2**63..2**63-1) little-endian; return ``offset + 8``."""
        if (
            type(value) is int
            and type(offset) is int
            and -0x8000000000000000 <= value <= 0x7FFFFFFFFFFFFFFF
            and offset >= 0
        ):
            try:
                _p64le_i(self._mem, offset, value)
                return offset + 8
            except _MISFIT:
                pass
        return _write_bigint_slow(self._mem, value, offset, True, "little")

    def write_big_int64_be(self, value: int, offset: int = 0) -> int:
        """Write ``value`` (an ``int``, -2**63..2**63-1) big-endian; return ``offset + 8``."""
        if (
            type(value) is int
            and type(offset) is int
            and -0x8000000000000000 <= value <= 0x7FFFFFFFFFFFFFFF
            and offset >= 0
        ):
            try:
                _p64be_i(self._mem, offset, value)
                return offset + 8
            except _MISFIT:
                pass
        return _write_bigint_slow(self._mem, value, offset, True, "big")

    # ---------------------------------------------------------------- IEEE 754

    def read_float_le(self, offset: int = 0) -> float:
        """Read a little-endian float32 as a Python ``float`` (Node ``readFloatLE``)."""
        if type(offset) is int and offset >= 0:
            try:
                return _f32le(self._mem, offset)[0]
            except _MISFIT:
                pass
        return _f32le(self._mem, _check_bounds(offset, 4, len(self._mem)))[0]

    def read_float_be(self, offset: int = 0) -> float:
        """Read a big-endian float32 as a Python ``float`` (Node ``readFloatBE``)."""
        if type(offset) is int and offset >= 0:
            try:
                return _f32be(self._mem, offset)[0]
            except _MISFIT:
                pass
        return _f32be(self._mem, _check_bounds(offset, 4, len(self._mem)))[0]

    def read_double_le(self, offset: int = 0) -> float:
        """Read a little-endian float64 (Node ``readDoubleLE``)."""
        if type(offset) is int and offset >= 0:
            try:
                return _f64le(self._mem, offset)[0]
            except _MISFIT:
                pass
        return _f64le(self._mem, _check_bounds(offset, 8, len(self._mem)))[0]

    def read_double_be(self, offset: int = 0) -> float:
        """Read a big-endian float64 (Node ``readDoubleBE``)."""
        if type(offset) is int and offset >= 0:
            try:
                return _f64be(self._mem, offset)[0]
            except _MISFIT:
                pass
        return _f64be(self._mem, _check_bounds(offset, 8, len(self._mem)))[0]

    def write_float_le(self, value: float, offset: int = 0) -> int:
        """Write ``value`` rounded to float32, little-endian; return ``offset + 4``.

        Rounds as ``Float32Array`` does: to nearest, ties to even, past the float32 range to
        infinity (where :mod:`struct` alone would raise ``OverflowError``).
        """
        if type(value) is float and type(offset) is int and offset >= 0:
            try:
                _pf32le(self._mem, offset, value)
                return offset + 4
            except _MISFIT:
                pass
        return _write_float_slow(self._mem, value, offset, True)

    def write_float_be(self, value: float, offset: int = 0) -> int:
        """Write ``value`` rounded to float32, big-endian; return ``offset + 4``."""
        if type(value) is float and type(offset) is int and offset >= 0:
            try:
                _pf32be(self._mem, offset, value)
                return offset + 4
            except _MISFIT:
                pass
        return _write_float_slow(self._mem, value, offset, False)

    def write_double_le(self, value: float, offset: int = 0) -> int:
        """Write ``value`` as a little-endian float64; return ``offset + 8``."""
        if type(value) is float and type(offset) is int and offset >= 0:
            try:
                _pf64le(self._mem, offset, value)
                return offset + 8
            except _MISFIT:
                pass
        return _write_double_slow(self._mem, value, offset, True)

    def write_double_be(self, value: float, offset: int = 0) -> int:
        """Write ``value`` as a big-endian float64; return ``offset + 8``."""
        if type(value) is float and type(offset) is int and offset >= 0:
            try:
                _pf64be(self._mem, offset, value)
                return offset + 8
            except _MISFIT:
                pass
        return _write_double_slow(self._mem, value, offset, False)

    # ---------------------------------------------------------------- byte order swaps

    def swap16(self) -> Self:
        """Reverse the byte order of every 16-bit group in place; return self.

        Raises ``ERR_INVALID_BUFFER_SIZE`` unless the length is a multiple of 2.
        """
        _swap(self._mem, 2)
        return self

    def swap32(self) -> Self:
        """Reverse the byte order of every 32-bit group in place; return self."""
        _swap(self._mem, 4)
        return self

    def swap64(self) -> Self:
        """Reverse the byte order of every 64-bit group in place; return self."""
        _swap(self._mem, 8)
        return self
