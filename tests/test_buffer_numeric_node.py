"""Node's own tests of Buffer's numeric methods, ported case by case.

From ``test/parallel/test-buffer-read.js``, ``-readint.js``, ``-readuint.js``,
``-readfloat.js``, ``-readdouble.js``, ``-writeint.js``, ``-writeuint.js``,
``-writefloat.js``, ``-writedouble.js``, ``-bigint64.js`` and ``-swap.js``. JS arguments
with no Python analogue map as follows: ``undefined`` and (for offsets with a default)
``null`` are ``None``; strings, containers, functions and booleans stay what they are.
"""

from __future__ import annotations

import math
import re
import struct
from collections.abc import Callable
from typing import Any

import pytest

from trio_nodecompat import errors
from trio_nodecompat.buffer import Buffer

#: Node's list of non-number offsets, in Python terms (``null`` is ``None`` = the default).
NOT_NUMBERS: list[Any] = ["", "0", {}, [], lambda: None, True, False]

FIXED_READS = ["uint8", "uint16_be", "uint16_le", "uint32_be", "uint32_le"]
FIXED_READS += ["int8", "int16_be", "int16_le", "int32_be", "int32_le"]


def raises(
    code: str, call: Callable[..., object], *args: Any, message: str | None = None
) -> errors.NodeError:
    """Call ``call(*args)`` and check it raises Node's ``code`` (and ``message``, if given)."""
    with pytest.raises(errors.NodeError) as info:
        call(*args)
    assert info.value.code == code
    if message is not None:
        assert info.value.message == message
    return info.value


def hex_of(buf: Buffer) -> str:
    return bytes(buf).hex()


# ----------------------------------------------------------------------- test-buffer-read.js

READ_BUF = bytes([0xA4, 0xFD, 0x48, 0xEA, 0xCF, 0xFF, 0xD9, 0x01, 0xDE])


@pytest.mark.parametrize(
    ("method", "args", "expected"),
    [
        ("read_double_be", [1], -3.1827727774563287e295),
        ("read_double_le", [1], -6.966010051009108e144),
        ("read_float_be", [1], -1.6691549692541768e37),
        ("read_float_le", [1], -7861303808),
        ("read_int8", [1], -3),
        ("read_int16_be", [1], -696),
        ("read_int16_le", [1], 0x48FD),
        ("read_int32_be", [1], -45552945),
        ("read_int32_le", [1], -806729475),
        ("read_int_be", [1, 1], -3),
        ("read_int_le", [2, 1], 0x48),
        ("read_uint8", [1], 0xFD),
        ("read_uint16_be", [2], 0x48EA),
        ("read_uint16_le", [2], 0xEA48),
        ("read_uint32_be", [1], 0xFD48EACF),
        ("read_uint32_le", [1], 0xCFEA48FD),
        ("read_uint_be", [2, 2], 0x48EA),
        ("read_uint_le", [2, 2], 0xEA48),
    ],
)
def test_read_values_and_negative_offset(method: str, args: list[int], expected: float) -> None:
    buf = Buffer.from_(READ_BUF)
    assert getattr(buf, method)(*args) == expected
    raises("ERR_OUT_OF_RANGE", getattr(buf, method), -1, *args[1:])


@pytest.mark.parametrize("method", ["read_float_be", "read_float_le"])
@pytest.mark.parametrize("offset", [0xFFFFFFFF, -1])
def test_read_float_offset_out_of_range(method: str, offset: int) -> None:
    err = raises("ERR_OUT_OF_RANGE", lambda: getattr(Buffer.from_(bytes(8)), method)(offset))
    assert err.name == "RangeError"
    assert isinstance(err, ValueError) and isinstance(err, IndexError)


@pytest.mark.parametrize("method", ["read_uint8", "read_int8"])
def test_read_from_empty_buffer(method: str) -> None:
    raises(
        "ERR_BUFFER_OUT_OF_BOUNDS",
        lambda: getattr(Buffer.from_(b""), method)(0),
        message="Attempt to access memory outside buffer bounds",
    )


@pytest.mark.parametrize("bits", [16, 32])
@pytest.mark.parametrize("kind", ["int", "uint"])
@pytest.mark.parametrize("order", ["be", "le"])
def test_read_from_too_short_buffer(bits: int, kind: str, order: str) -> None:
    buf = Buffer.from_(bytes(bits // 8 - 1))
    raises("ERR_BUFFER_OUT_OF_BOUNDS", getattr(buf, f"read_{kind}{bits}_{order}"), 0)


@pytest.mark.parametrize("bits", [16, 32])
@pytest.mark.parametrize("order", ["le", "be"])
def test_read_all_ones(bits: int, order: str) -> None:
    buf = Buffer.from_(b"\xff\xff\xff\xff")
    assert getattr(buf, f"read_uint{bits}_{order}")(0) == 0xFFFFFFFF >> (32 - bits)
    assert getattr(buf, f"read_int{bits}_{order}")(0) == -1


# ------------------------------------------------------- test-buffer-readint.js / readuint.js


@pytest.mark.parametrize("name", FIXED_READS)
def test_fixed_read_offsets(name: str) -> None:
    buf = Buffer.from_(bytes(4))
    read = getattr(buf, f"read_{name}")
    assert read(None) == read() == 0
    for bad in NOT_NUMBERS:
        err = raises("ERR_INVALID_ARG_TYPE", read, bad)
        assert err.name == "TypeError" and isinstance(err, TypeError)
    for offset in (math.inf, -1, -4294967295):
        raises("ERR_OUT_OF_RANGE", read, offset)
    for offset, shown in ((math.nan, "NaN"), (1.01, "1.01")):
        raises(
            "ERR_OUT_OF_RANGE",
            read,
            offset,
            message=f'The value of "offset" is out of range. It must be an integer. Received {shown}',
        )


def test_read_uint_values() -> None:
    data = Buffer.from_(bytes([0xFF, 0x2A, 0x2A, 0x2A]))
    assert [data.read_uint8(i) for i in range(4)] == [255, 42, 42, 42]
    data = Buffer.from_(bytes([0x00, 0x2A, 0x42, 0x3F]))
    assert [data.read_uint16_be(i) for i in range(3)] == [0x2A, 0x2A42, 0x423F]
    assert [data.read_uint16_le(i) for i in range(3)] == [0x2A00, 0x422A, 0x3F42]
    data.write_uint8(0xFE, 0)
    data.write_uint8(0xFE, 1)
    assert data.read_uint16_be(0) == data.read_uint16_le(0) == 0xFEFE
    data = Buffer.from_(bytes([0x32, 0x65, 0x42, 0x56, 0x23, 0xFF]))
    assert [data.read_uint32_be(i) for i in range(3)] == [0x32654256, 0x65425623, 0x425623FF]
    assert [data.read_uint32_le(i) for i in range(3)] == [0x56426532, 0x23564265, 0xFF235642]


def test_read_int_values() -> None:
    data = Buffer.from_(bytes([0x23, 0xAB, 0x7C, 0xEF]))
    assert data.read_int8(0) == 0x23
    data.write_uint8(0xFF, 0)
    assert data.read_int8(0) == -1
    data.write_uint8(0x87, 0)
    assert [data.read_int8(i) for i in range(4)] == [-121, -85, 124, -17]

    buf = Buffer.from_(bytes([0x16, 0x79, 0x65, 0x6E, 0x69, 0x78]))
    assert buf.read_int16_be(0) == 0x1679
    assert buf.read_int16_le(0) == 0x7916
    buf.write_uint16_be(0xFF80, 0)
    assert buf.read_int16_be(0) == -128
    assert buf.read_int16_le(0) == -32513
    buf.write_uint16_be(0x7765, 0)
    assert [buf.read_int16_be(i) for i in range(5)] == [0x7765, 0x6565, 0x656E, 0x6E69, 0x6978]
    assert [buf.read_int16_le(i) for i in range(5)] == [0x6577, 0x6565, 0x6E65, 0x696E, 0x7869]

    buf = Buffer.from_(bytes([0x43, 0x53, 0x16, 0x79, 0x36, 0x17]))
    assert buf.read_int32_be(0) == 0x43531679
    assert buf.read_int32_le(0) == 0x79165343
    buf.write_uint32_be(0xFFFEEFFA, 0)
    assert buf.read_int32_be(0) == -69638
    assert buf.read_int32_le(0) == -84934913
    buf.write_uint32_be(0x42C395A9, 0)
    assert [buf.read_int32_be(i) for i in range(3)] == [0x42C395A9, -1013601994, -1784072681]
    assert [buf.read_int32_le(i) for i in range(3)] == [-1449802942, 917083587, 389458325]


EIGHT = bytes([0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08])


@pytest.mark.parametrize("kind", ["uint", "int"])
def test_variable_width_reads(kind: str) -> None:
    buf = Buffer.from_(EIGHT)
    le, be = getattr(buf, f"read_{kind}_le"), getattr(buf, f"read_{kind}_be")
    assert (le(0, 1), be(0, 1)) == (0x01, 0x01)
    assert (le(0, 3), be(0, 3)) == (0x030201, 0x010203)
    assert (le(0, 5), be(0, 5)) == (0x0504030201, 0x0102030405)
    assert (le(0, 6), be(0, 6)) == (0x060504030201, 0x010203040506)
    assert (le(1, 6), be(1, 6)) == (0x070605040302, 0x020304050607)
    assert (le(2, 6), be(2, 6)) == (0x080706050403, 0x030405060708)


@pytest.mark.parametrize("method", ["read_uint_be", "read_uint_le", "read_int_be", "read_int_le"])
def test_variable_width_read_validation(method: str) -> None:
    read = getattr(Buffer.from_(EIGHT), method)
    for bad in [*NOT_NUMBERS, None]:
        raises("ERR_INVALID_ARG_TYPE", read, 0, bad)
    for byte_length, shown in ((math.inf, "Infinity"), (-1, "-1")):
        raises(
            "ERR_OUT_OF_RANGE",
            read,
            0,
            byte_length,
            message='The value of "byteLength" is out of range. '
            f"It must be >= 1 and <= 6. Received {shown}",
        )
    for byte_length, shown in ((math.nan, "NaN"), (1.01, "1.01")):
        raises(
            "ERR_OUT_OF_RANGE",
            read,
            0,
            byte_length,
            message=f'The value of "byteLength" is out of range. It must be an integer. Received {shown}',
        )
    for i in range(1, 7):
        for bad in [*NOT_NUMBERS, None]:
            raises("ERR_INVALID_ARG_TYPE", read, bad, i)
        for offset, shown in ((math.inf, "Infinity"), (-1, "-1"), (-4294967295, "-4294967295")):
            raises(
                "ERR_OUT_OF_RANGE",
                read,
                offset,
                i,
                message='The value of "offset" is out of range. '
                f"It must be >= 0 and <= {8 - i}. Received {shown}",
            )
        for offset, shown in ((math.nan, "NaN"), (1.01, "1.01")):
            raises(
                "ERR_OUT_OF_RANGE",
                read,
                offset,
                i,
                message=f'The value of "offset" is out of range. It must be an integer. Received {shown}',
            )


# ------------------------------------------------------------- readfloat.js / readdouble.js


@pytest.mark.parametrize(
    ("data", "be", "le"),
    [
        ("0000803f", 4.600602988224807e-41, 1.0),
        ("000000c0", 2.6904930515036488e-43, -2.0),
        ("ffff7f7f", math.nan, 3.4028234663852886e38),
        ("abaaaa3e", -1.2126478207002966e-12, 0.3333333432674408),
        ("00000000", 0.0, 0.0),
        ("00000080", 1.793662034335766e-43, -0.0),
        ("0000807f", 4.609571298396486e-41, math.inf),
        ("000080ff", 4.627507918739843e-41, -math.inf),
    ],
)
def test_read_float(data: str, be: float, le: float) -> None:
    buf = Buffer.from_(bytes.fromhex(data))
    for got, want in ((buf.read_float_be(0), be), (buf.read_float_le(0), le)):
        assert struct.pack("<d", got) == struct.pack("<d", want) or (
            math.isnan(got) and math.isnan(want)
        )


@pytest.mark.parametrize(
    ("data", "be", "le"),
    [
        ("555555555555d53f", 1.1945305291680097e103, 0.3333333333333333),
        ("010000000000f03f", 7.291122019655968e-304, 1.0000000000000002),
        ("020000000000f03f", 4.778309726801735e-299, 1.0000000000000004),
        ("0100000000000000", 7.291122019556398e-304, 5e-324),
        ("ffffffffffff0f00", math.nan, 2.225073858507201e-308),
        ("ffffffffffffef7f", math.nan, 1.7976931348623157e308),
        ("000000000000f03f", 3.03865e-319, 1.0),
        ("0000000000000040", 3.16e-322, 2.0),
        ("00000000000000c0", 9.5e-322, -2.0),
        ("0000000000001000", 2.0237e-320, 2.2250738585072014e-308),
        ("0000000000000000", 0.0, 0.0),
        ("0000000000000080", 6.3e-322, -0.0),
        ("000000000000f07f", 3.0418e-319, math.inf),
        ("000000000000f0ff", 3.04814e-319, -math.inf),
    ],
)
def test_read_double(data: str, be: float, le: float) -> None:
    buf = Buffer.from_(bytes.fromhex(data))
    for got, want in ((buf.read_double_be(0), be), (buf.read_double_le(0), le)):
        assert struct.pack("<d", got) == struct.pack("<d", want) or (
            math.isnan(got) and math.isnan(want)
        )


@pytest.mark.parametrize(
    ("method", "size"),
    [("read_float_le", 4), ("read_float_be", 4), ("read_double_le", 8), ("read_double_be", 8)],
)
def test_float_read_offsets(method: str, size: int) -> None:
    read = getattr(Buffer.from_(bytes(size)), method)
    read(None)
    read()
    for bad in NOT_NUMBERS:
        raises("ERR_INVALID_ARG_TYPE", read, bad)
    for offset, shown in ((math.inf, "Infinity"), (-1, "-1"), (1, "1")):
        raises(
            "ERR_OUT_OF_RANGE",
            read,
            offset,
            message=f'The value of "offset" is out of range. It must be >= 0 and <= 0. Received {shown}',
        )
    raises(
        "ERR_BUFFER_OUT_OF_BOUNDS",
        lambda: getattr(Buffer.from_(bytes(1)), method)(1),
        message="Attempt to access memory outside buffer bounds",
    )
    for offset, shown in ((math.nan, "NaN"), (1.01, "1.01")):
        raises(
            "ERR_OUT_OF_RANGE",
            read,
            offset,
            message=f'The value of "offset" is out of range. It must be an integer. Received {shown}',
        )


# ------------------------------------------------------------------------ writeint.js


def _value_range_message(text: str) -> bool:
    return bool(
        re.fullmatch(
            r'The value of "value" is out of range\. It must be >= -\d+ and <= \d+\. Received .+',
            text,
        )
    )


def test_write_int8() -> None:
    buf = Buffer.from_(bytes(2))
    buf.write_int8(0x23, 0)
    buf.write_int8(-5, 1)
    assert hex_of(buf) == "23fb"
    buf.write_int8(0x7F, 0)
    buf.write_int8(-0x80, 1)
    assert hex_of(buf) == "7f80"
    for value in (0x7F + 1, -0x80 - 1):
        err = raises("ERR_OUT_OF_RANGE", buf.write_int8, value, 0)
        assert _value_range_message(err.message)
    assert hex_of(buf) == "7f80"
    buf.write_int8(23, None)
    buf.write_int8(23)
    for bad in NOT_NUMBERS:
        raises("ERR_INVALID_ARG_TYPE", buf.write_int8, 23, bad)
    for offset in (math.nan, math.inf, -1, 1.01):
        raises("ERR_OUT_OF_RANGE", buf.write_int8, 23, offset)


def test_write_int16() -> None:
    buf = Buffer.from_(bytes(4))
    buf.write_int16_be(0x0023, 0)
    buf.write_int16_le(0x0023, 2)
    assert hex_of(buf) == "00232300"
    buf.write_int16_be(-5, 0)
    buf.write_int16_le(-5, 2)
    assert hex_of(buf) == "fffbfbff"
    buf.write_int16_be(-1679, 0)
    buf.write_int16_le(-1679, 2)
    assert hex_of(buf) == "f97171f9"
    buf.write_int16_be(0x7FFF, 0)
    buf.write_int16_be(-0x8000, 2)
    assert hex_of(buf) == "7fff8000"
    buf.write_int16_le(0x7FFF, 0)
    buf.write_int16_le(-0x8000, 2)
    assert hex_of(buf) == "ff7f0080"
    for name in ("write_int16_be", "write_int16_le"):
        write = getattr(buf, name)
        write(23, None)
        write(23)
        for value in (0x7FFF + 1, -0x8000 - 1):
            assert _value_range_message(raises("ERR_OUT_OF_RANGE", write, value, 0).message)
        for bad in NOT_NUMBERS:
            raises("ERR_INVALID_ARG_TYPE", write, 23, bad)
        for offset in (math.nan, math.inf, -1, 1.01):
            raises("ERR_OUT_OF_RANGE", write, 23, offset)


def test_write_int32() -> None:
    buf = Buffer.from_(bytes(8))
    buf.write_int32_be(0x23, 0)
    buf.write_int32_le(0x23, 4)
    assert hex_of(buf) == "0000002323000000"
    buf.write_int32_be(-5, 0)
    buf.write_int32_le(-5, 4)
    assert hex_of(buf) == "fffffffbfbffffff"
    buf.write_int32_be(-805306713, 0)
    buf.write_int32_le(-805306713, 4)
    assert hex_of(buf) == "cffffea7a7feffcf"
    buf.write_int32_be(0x7FFFFFFF, 0)
    buf.write_int32_be(-0x80000000, 4)
    assert hex_of(buf) == "7fffffff80000000"
    buf.write_int32_le(0x7FFFFFFF, 0)
    buf.write_int32_le(-0x80000000, 4)
    assert hex_of(buf) == "ffffff7f00000080"
    for name in ("write_int32_be", "write_int32_le"):
        write = getattr(buf, name)
        write(23, None)
        write(23)
        for value in (0x7FFFFFFF + 1, -0x80000000 - 1):
            assert _value_range_message(raises("ERR_OUT_OF_RANGE", write, value, 0).message)
        for bad in NOT_NUMBERS:
            raises("ERR_INVALID_ARG_TYPE", write, 23, bad)
        for offset in (math.nan, math.inf, -1, 1.01):
            raises("ERR_OUT_OF_RANGE", write, 23, offset)


@pytest.mark.parametrize("kind", ["int", "uint"])
def test_write_48_bits(kind: str) -> None:
    buf = Buffer.from_(bytes(6))
    assert getattr(buf, f"write_{kind}_be")(0x1234567890AB, 0, 6) == 6
    assert hex_of(buf) == "1234567890ab"
    assert getattr(buf, f"write_{kind}_le")(0x1234567890AB, 0, 6) == 6
    assert hex_of(buf) == "ab9078563412"


def _separated(value: int) -> str:
    return f"{value:_}"


@pytest.mark.parametrize("method", ["write_int_be", "write_int_le"])
def test_write_int_variable_width_validation(method: str) -> None:
    data = Buffer.from_(bytes(8))
    write = getattr(data, method)
    for bad in [*NOT_NUMBERS, None]:
        raises("ERR_INVALID_ARG_TYPE", write, 23, 0, bad)
    for byte_length, shown in ((math.inf, "Infinity"), (-1, "-1")):
        raises(
            "ERR_OUT_OF_RANGE",
            write,
            23,
            0,
            byte_length,
            message='The value of "byteLength" is out of range. '
            f"It must be >= 1 and <= 6. Received {shown}",
        )
    for byte_length, shown in ((math.nan, "NaN"), (1.01, "1.01")):
        raises(
            "ERR_OUT_OF_RANGE",
            write,
            42,
            0,
            byte_length,
            message=f'The value of "byteLength" is out of range. It must be an integer. Received {shown}',
        )
    for i in range(1, 7):
        low, high = -(2 ** (i * 8 - 1)), 2 ** (i * 8 - 1) - 1
        range_ = f">= {low} and <= {high}"
        if i > 4:
            range_ = f">= -(2 ** {i * 8 - 1}) and < 2 ** {i * 8 - 1}"
        for value in (low - 1, high + 1):
            shown = _separated(value) if i > 4 else str(value)
            raises(
                "ERR_OUT_OF_RANGE",
                write,
                value,
                0,
                i,
                message=f'The value of "value" is out of range. It must be {range_}. Received {shown}',
            )
        for bad in [*NOT_NUMBERS, None]:
            raises("ERR_INVALID_ARG_TYPE", write, low, bad, i)
        for offset, shown in ((math.inf, "Infinity"), (-1, "-1"), (-4294967295, "-4294967295")):
            raises(
                "ERR_OUT_OF_RANGE",
                write,
                low,
                offset,
                i,
                message='The value of "offset" is out of range. '
                f"It must be >= 0 and <= {8 - i}. Received {shown}",
            )
        for offset, shown in ((math.nan, "NaN"), (1.01, "1.01")):
            raises(
                "ERR_OUT_OF_RANGE",
                write,
                high,
                offset,
                i,
                message=f'The value of "offset" is out of range. It must be an integer. Received {shown}',
            )
    assert hex_of(data) == "00" * 8


# ----------------------------------------------------------------------- writeuint.js


@pytest.mark.parametrize("name", ["uint8", "uint16_be", "uint16_le", "uint32_be", "uint32_le"])
def test_fixed_uint_write_offsets(name: str) -> None:
    data = Buffer.from_(bytes(8))
    write = getattr(data, f"write_{name}")
    write(23, None)
    write(23)
    for bad in NOT_NUMBERS:
        raises("ERR_INVALID_ARG_TYPE", write, 23, bad)
    for offset in (math.nan, math.inf, -1, 1.01):
        raises("ERR_OUT_OF_RANGE", write, 23, offset)


def test_write_uint8() -> None:
    data = Buffer.from_(bytes(4))
    for i in range(4):
        assert data.write_uint8(23, i) == i + 1
    assert hex_of(data) == "17171717"
    data.write_uint8(255, 0)
    assert data.read_uint8(0) == 255


def test_write_uint16() -> None:
    data = Buffer.from_(bytes(4))
    data.write_uint16_be(0x2343, 0)
    assert hex_of(data) == "23430000"
    data.write_uint16_be(0x2343, 1)
    assert hex_of(data) == "23234300"
    data.write_uint16_be(0x2343, 2)
    assert hex_of(data) == "23232343"
    data.write_uint16_le(0x2343, 0)
    assert hex_of(data) == "43232343"
    data.write_uint16_le(0x2343, 1)
    assert hex_of(data) == "43432343"
    data.write_uint16_le(0x2343, 2)
    assert hex_of(data) == "43434323"
    data.write_uint16_le(0xFF80, 0)
    assert hex_of(data) == "80ff4323"
    data.write_uint16_be(0xFF80, 0)
    assert hex_of(data) == "ff804323"
    for name in ("write_uint16_be", "write_uint16_le"):
        raises(
            "ERR_OUT_OF_RANGE",
            getattr(data, name),
            0xFFFFF,
            0,
            message='The value of "value" is out of range. It must be >= 0 and <= 65535. Received 1048575',
        )
    assert hex_of(data) == "ff804323"


def test_write_uint32() -> None:
    data = Buffer.from_(bytes(6))
    value = 0xE7F90A6D
    expected_be = ["e7f90a6d0000", "e7e7f90a6d00", "e7e7e7f90a6d"]
    for offset, want in enumerate(expected_be):
        assert data.write_uint32_be(value, offset) == offset + 4
        assert hex_of(data) == want
    expected_le = ["6d0af9e70a6d", "6d6d0af9e76d", "6d6d6d0af9e7"]
    for offset, want in enumerate(expected_le):
        assert data.write_uint32_le(value, offset) == offset + 4
        assert hex_of(data) == want


@pytest.mark.parametrize("method", ["write_uint_be", "write_uint_le"])
def test_write_uint_variable_width_validation(method: str) -> None:
    data = Buffer.from_(bytes(8))
    write = getattr(data, method)
    for bad in [*NOT_NUMBERS, None]:
        raises("ERR_INVALID_ARG_TYPE", write, 23, 0, bad)
    for byte_length, shown in ((math.inf, "Infinity"), (-1, "-1")):
        raises(
            "ERR_OUT_OF_RANGE",
            write,
            23,
            0,
            byte_length,
            message='The value of "byteLength" is out of range. '
            f"It must be >= 1 and <= 6. Received {shown}",
        )
    for byte_length, shown in ((math.nan, "NaN"), (1.01, "1.01")):
        raises(
            "ERR_OUT_OF_RANGE",
            write,
            42,
            0,
            byte_length,
            message=f'The value of "byteLength" is out of range. It must be an integer. Received {shown}',
        )
    value = 0x100
    for i in range(1, 7):
        range_ = f"<= {value - 1}" if i < 5 else f"< 2 ** {i * 8}"
        shown = _separated(value) if i > 4 else str(value)
        raises(
            "ERR_OUT_OF_RANGE",
            write,
            value,
            0,
            i,
            message=f'The value of "value" is out of range. It must be >= 0 and {range_}. Received {shown}',
        )
        for bad in NOT_NUMBERS:
            raises("ERR_INVALID_ARG_TYPE", write, 23, bad, i)
        for offset, shown in ((math.inf, "Infinity"), (-1, "-1"), (-4294967295, "-4294967295")):
            raises(
                "ERR_OUT_OF_RANGE",
                write,
                value - 1,
                offset,
                i,
                message='The value of "offset" is out of range. '
                f"It must be >= 0 and <= {8 - i}. Received {shown}",
            )
        for offset, shown in ((math.nan, "NaN"), (1.01, "1.01")):
            raises(
                "ERR_OUT_OF_RANGE",
                write,
                value - 1,
                offset,
                i,
                message=f'The value of "offset" is out of range. It must be an integer. Received {shown}',
            )
        value *= 0x100
    assert hex_of(data) == "00" * 8


# --------------------------------------------------------------------- writefloat.js


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1, "3f800000" + "0000803f"),
        (1 / 3, "3eaaaaab" + "abaaaa3e"),
        (3.4028234663852886e38, "7f7fffff" + "ffff7f7f"),
        (-0.0, "80000000" + "00000080"),
        (math.inf, "7f800000" + "0000807f"),
        (-math.inf, "ff800000" + "000080ff"),
        (math.nan, "7fc00000" + "0000c07f"),
    ],
)
def test_write_float(value: float, expected: str) -> None:
    buf = Buffer.from_(bytes(8))
    assert buf.write_float_be(value, 0) == 4
    assert buf.write_float_le(value, 4) == 8
    assert hex_of(buf) == expected
    back = buf.read_float_be(0), buf.read_float_le(4)
    if math.isnan(value):
        assert all(math.isnan(v) for v in back)
    elif math.isinf(value):
        assert back == (value, value)


def test_write_float_smallest_normal_le_then_be() -> None:
    buf = Buffer.from_(bytes(8))
    buf.write_float_le(1.1754943508222875e-38, 0)
    buf.write_float_be(1.1754943508222875e-38, 4)
    assert hex_of(buf) == "0000800000800000"


@pytest.mark.parametrize(
    ("method", "size"),
    [("write_float_le", 4), ("write_float_be", 4), ("write_double_le", 8), ("write_double_be", 8)],
)
def test_float_write_offsets(method: str, size: int) -> None:
    buf = Buffer.from_(bytes(8 if size == 4 else 16))
    small = Buffer.from_(bytes(1))
    write = getattr(buf, method)
    write(23, None)
    write(23)
    raises(
        "ERR_BUFFER_OUT_OF_BOUNDS",
        getattr(small, method),
        11.11,
        0,
        message="Attempt to access memory outside buffer bounds",
    )
    for bad in NOT_NUMBERS:
        raises("ERR_INVALID_ARG_TYPE", getattr(small, method), 23, bad)
    last = len(buf) - size
    for offset, shown in ((math.inf, "Infinity"), (-1, "-1"), (last + 1, str(last + 1))):
        raises(
            "ERR_OUT_OF_RANGE",
            write,
            23,
            offset,
            message='The value of "offset" is out of range. '
            f"It must be >= 0 and <= {last}. Received {shown}",
        )
    for offset, shown in ((math.nan, "NaN"), (1.01, "1.01")):
        raises(
            "ERR_OUT_OF_RANGE",
            write,
            42,
            offset,
            message=f'The value of "offset" is out of range. It must be an integer. Received {shown}',
        )


# -------------------------------------------------------------------- writedouble.js


@pytest.mark.parametrize(
    ("value", "be"),
    [
        (2.225073858507201e-308, "000fffffffffffff"),
        (1.0000000000000004, "3ff0000000000002"),
        (-2, "c000000000000000"),
        (1.7976931348623157e308, "7fefffffffffffff"),
        (-0.0, "8000000000000000"),
        (math.inf, "7ff0000000000000"),
        (-math.inf, "fff0000000000000"),
        (math.nan, "7ff8000000000000"),
    ],
)
def test_write_double(value: float, be: str) -> None:
    buf = Buffer.from_(bytes(16))
    assert buf.write_double_be(value, 0) == 8
    assert buf.write_double_le(value, 8) == 16
    assert hex_of(buf) == be + bytes.fromhex(be)[::-1].hex()


# ---------------------------------------------------------------------- bigint64.js


@pytest.mark.parametrize("order", ["le", "be"])
def test_bigint64(order: str) -> None:
    buf = Buffer.from_(bytes(9))
    write_signed = getattr(buf, f"write_big_int64_{order}")
    read_signed = getattr(buf, f"read_big_int64_{order}")
    write_unsigned = getattr(buf, f"write_big_uint64_{order}")
    read_unsigned = getattr(buf, f"read_big_uint64_{order}")
    for value in (123456789, 0x7FFFFFFFFFFFFFFF, -123456789):
        write_signed(value, 0)
        assert read_signed(0) == value
    write_unsigned(123456789, 0)
    assert read_unsigned(0) == 123456789
    assert write_unsigned(123456789, 0) == 8
    assert write_signed(123456789, 0) == 8
    assert write_unsigned(123456789, 1) == 9
    assert write_signed(123456789, 1) == 9

    before = hex_of(buf)
    with pytest.raises(ValueError):
        write_signed(0x8000000000000000, 0)
    raises(
        "ERR_OUT_OF_RANGE",
        write_unsigned,
        0x10000000000000000,
        0,
        message='The value of "value" is out of range. It must be >= 0n and < 2n ** 64n. '
        "Received 18_446_744_073_709_551_616n",
    )
    with pytest.raises(TypeError):
        write_signed("bad", 0)
    with pytest.raises(TypeError):
        write_unsigned("bad", 0)
    assert hex_of(buf) == before


# -------------------------------------------------------------------------- swap.js

SIXTEEN = bytes(range(1, 17))


def test_swap_whole_buffer_returns_self() -> None:
    buf = Buffer.from_(SIXTEEN)
    assert buf.swap16() is buf
    assert hex_of(buf) == "0201040306050807" + "0a090c0b0e0d100f"
    buf.swap16()
    assert buf.swap32() is buf
    assert hex_of(buf) == "0403020108070605" + "0c0b0a09100f0e0d"
    buf.swap32()
    assert buf.swap64() is buf
    assert hex_of(buf) == "0807060504030201" + "100f0e0d0c0b0a09"


def test_swap_through_a_slice_changes_the_parent() -> None:
    buf = Buffer.from_(bytes([1, 2, 3, 4, 5, 6, 7]))
    buf.slice(1, 5).swap32()
    assert hex_of(buf) == "01050403020607"
    buf.slice(1, 5).swap16()
    assert hex_of(buf) == "01040502030607"


@pytest.mark.parametrize(
    ("make", "method", "bits"),
    [
        (lambda buf: Buffer.from_(bytes(buf)), "swap16", 16),
        (lambda buf: Buffer.from_(bytes(1025)), "swap16", 16),
        (lambda buf: Buffer.from_(bytes(buf)), "swap32", 32),
        (lambda buf: buf.slice(1, 3), "swap32", 32),
        (lambda buf: Buffer.from_(bytes(1025)), "swap32", 32),
        (lambda buf: buf.slice(1, 3), "swap64", 64),
        (lambda buf: Buffer.from_(bytes(1025)), "swap64", 64),
    ],
)
def test_swap_size_must_be_a_multiple(make: Callable[[Any], Any], method: str, bits: int) -> None:
    target = make(Buffer.from_(bytes([1, 4, 5, 2, 3, 6, 7])))
    before = hex_of(target)
    err = raises(
        "ERR_INVALID_BUFFER_SIZE",
        getattr(target, method),
        message=f"Buffer size must be a multiple of {bits}-bits",
    )
    assert isinstance(err, ValueError) and err.name == "RangeError"
    assert hex_of(target) == before


def test_swap64_of_an_unaligned_slice() -> None:
    buf = Buffer.from_(SIXTEEN + SIXTEEN)
    buf.slice(2, 18).swap64()
    assert hex_of(buf) == (
        "0102" + "0a09080706050403" + "0201100f0e0d0c0b" + "030405060708090a0b0c0d0e0f10"
    )


def test_large_swaps() -> None:
    buf = Buffer.from_(struct.pack("<256I", *[0x04030201] * 256))
    buf.swap16()
    assert bytes(buf) == struct.pack("<256I", *[0x03040102] * 256)
    buf = Buffer.from_(struct.pack("<256I", *[0x04030201] * 256))
    buf.swap32()
    assert bytes(buf) == struct.pack("<256I", *[0x01020304] * 256)
    data = bytes(i % 8 for i in range(256 * 8))
    buf = Buffer.from_(data)
    buf.swap64()
    assert bytes(buf) == data[::-1]


@pytest.mark.parametrize(("method", "width"), [("swap16", 2), ("swap32", 4), ("swap64", 8)])
def test_large_swaps_of_offset_slices(method: str, width: int) -> None:
    data = bytes(i % width for i in range(256 * 8))
    buf = Buffer.from_(data)
    getattr(buf.slice(1, len(data) - (width - 1)), method)()
    other = bytearray(256 * 8 - width)
    for i in range(1, len(other)):
        other[len(other) - i] = (i + 1) % width
    assert bytes(buf)[: len(other)] == bytes(other)
