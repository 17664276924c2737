"""Property tests for the numeric Buffer methods (hypothesis).

* Round trips: every in-range value written at any valid offset reads back unchanged (floats
  through float32 read back as ``struct``'s float32 rounding says), the write returns the
  end offset, and no byte outside the written span changes.
* Whatever the arguments, a method returns or raises a Node-coded error, and a failed write
  leaves every byte as it was.
"""

from __future__ import annotations

import math
import struct
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from trio_nodecompat.buffer import Buffer
from trio_nodecompat.errors import NodeError

INTS = {
    "uint8": (1, False),
    "int8": (1, True),
    "uint16_le": (2, False),
    "uint16_be": (2, False),
    "int16_le": (2, True),
    "int16_be": (2, True),
    "uint32_le": (4, False),
    "uint32_be": (4, False),
    "int32_le": (4, True),
    "int32_be": (4, True),
    "big_uint64_le": (8, False),
    "big_uint64_be": (8, False),
    "big_int64_le": (8, True),
    "big_int64_be": (8, True),
}


def limits(size: int, signed: bool) -> tuple[int, int]:
    bits = size * 8
    return (-(1 << (bits - 1)), (1 << (bits - 1)) - 1) if signed else (0, (1 << bits) - 1)


@st.composite
def int_case(draw: st.DrawFn) -> tuple[str, int, int, bytes, int]:
    name = draw(st.sampled_from(sorted(INTS)))
    size, signed = INTS[name]
    low, high = limits(size, signed)
    data = draw(st.binary(min_size=size, max_size=size + 12))
    offset = draw(st.integers(0, len(data) - size))
    return name, size, offset, data, draw(st.integers(low, high))


@settings(max_examples=300, deadline=None)
@given(int_case())
def test_fixed_int_round_trip(case: tuple[str, int, int, bytes, int]) -> None:
    name, size, offset, data, value = case
    buf = Buffer.from_(data)
    assert getattr(buf, f"write_{name}")(value, offset) == offset + size
    assert getattr(buf, f"read_{name}")(offset) == value
    after = bytes(buf)
    assert after[:offset] == data[:offset]
    assert after[offset + size :] == data[offset + size :]
    order = "big" if name.endswith("be") else "little"
    signed = INTS[name][1]
    assert after[offset : offset + size] == value.to_bytes(size, order, signed=signed)


@settings(max_examples=300, deadline=None)
@given(
    st.integers(1, 6),
    st.booleans(),
    st.sampled_from(["le", "be"]),
    st.data(),
)
def test_variable_width_round_trip(
    size: int, signed: bool, order: str, data: st.DataObject
) -> None:
    low, high = limits(size, signed)
    value = data.draw(st.integers(low, high))
    raw = data.draw(st.binary(min_size=size, max_size=size + 8))
    offset = data.draw(st.integers(0, len(raw) - size))
    buf = Buffer.from_(raw)
    kind = "int" if signed else "uint"
    assert getattr(buf, f"write_{kind}_{order}")(value, offset, size) == offset + size
    assert getattr(buf, f"read_{kind}_{order}")(offset, size) == value
    # The same bytes as the fixed-width method of that size, where there is one.
    fixed = {1: "8", 2: "16", 4: "32"}.get(size)
    if fixed is not None:
        suffix = "" if size == 1 else f"_{order}"
        assert getattr(buf, f"read_{kind}{fixed}{suffix}")(offset) == value


@settings(max_examples=300, deadline=None)
@given(st.floats(allow_nan=True, allow_infinity=True), st.sampled_from(["le", "be"]))
def test_float_round_trip(value: float, order: str) -> None:
    buf = Buffer.from_(bytes(12))
    assert getattr(buf, f"write_double_{order}")(value, 2) == 10
    back = getattr(buf, f"read_double_{order}")(2)
    assert struct.pack("<d", back) == struct.pack("<d", value)

    assert getattr(buf, f"write_float_{order}")(value, 0) == 4
    single = getattr(buf, f"read_float_{order}")(0)
    if math.isnan(value):
        assert math.isnan(single)
    else:
        try:
            expected = struct.unpack("<f", struct.pack("<f", value))[0]
        except OverflowError:
            expected = math.copysign(math.inf, value)
        assert struct.pack("<d", single) == struct.pack("<d", expected)


METHODS = [f"read_{n}" for n in INTS] + [f"write_{n}" for n in INTS]
METHODS += [
    f"{rw}_{k}_{o}" for rw in ("read", "write") for k in ("int", "uint") for o in ("le", "be")
]
METHODS += [
    f"{rw}_{k}_{o}" for rw in ("read", "write") for k in ("float", "double") for o in ("le", "be")
]

anything: st.SearchStrategy[Any] = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(-10, 20),
    st.floats(),
    st.floats(-10, 20),
    st.text(max_size=3),
    st.binary(max_size=3),
    st.lists(st.integers(), max_size=2),
)


@settings(max_examples=500, deadline=None)
@given(st.sampled_from(METHODS), st.binary(max_size=12), st.lists(anything, max_size=4))
def test_only_node_errors_and_failed_writes_change_nothing(
    method: str, data: bytes, args: list[Any]
) -> None:
    buf = Buffer.from_(data)
    try:
        result = getattr(buf, method)(*args)
    except NodeError as err:
        assert err.code in {
            "ERR_INVALID_ARG_TYPE",
            "ERR_OUT_OF_RANGE",
            "ERR_BUFFER_OUT_OF_BOUNDS",
        }
        assert bytes(buf) == data
    except TypeError as err:
        # Python's own arity check: too many or too few arguments for the signature.
        assert "positional argument" in str(err), err
        assert bytes(buf) == data
    else:
        assert isinstance(result, int | float) and not isinstance(result, bool)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=40), st.sampled_from([("swap16", 2), ("swap32", 4), ("swap64", 8)]))
def test_swaps(data: bytes, method_width: tuple[str, int]) -> None:
    method, width = method_width
    buf = Buffer.from_(data)
    if len(data) % width:
        try:
            getattr(buf, method)()
        except NodeError as err:
            assert err.code == "ERR_INVALID_BUFFER_SIZE"
        else:
            raise AssertionError("no error")
        assert bytes(buf) == data
        return
    assert getattr(buf, method)() is buf
    expected = b"".join(data[i : i + width][::-1] for i in range(0, len(data), width))
    assert bytes(buf) == expected
    getattr(buf, method)()
    assert bytes(buf) == data
