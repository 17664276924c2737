"""Node's small ``test/parallel/test-buffer-*.js`` files (v20.11.1), ported case by case.

One section per Node file. ``SlowBuffer(n)`` (deprecated, DEP0030) is ported as its
replacement ``Buffer.alloc_unsafe_slow(n)``; ``new Buffer(...)``/``Buffer(...)`` as the legacy
``Buffer(...)`` constructor. What a file checks that has no Python analogue is named where it
is left out.
"""

from __future__ import annotations

import array
import math
import warnings
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from trio_nodecompat import buffer as buffer_module
from trio_nodecompat import errors, util
from trio_nodecompat.buffer import K_MAX_LENGTH, K_STRING_MAX_LENGTH, Buffer, constants

# --------------------------------------------------------------------------------------------
# test-buffer-ascii.js


def test_ascii_decoding_masks_the_high_bit() -> None:
    assert Buffer.from_("hérité").to_string("ascii") == "hC)ritC)"
    text = "C’est, graphiquement, la réunion d’un accent aigu et d’un accent grave."
    expected = (
        "Cb\u0000\u0019est, graphiquement, la rC)union "
        "db\u0000\u0019un accent aigu et db\u0000\u0019un "
        "accent grave."
    )
    buf = Buffer.from_(text)
    i = 0
    # Walk the JS string's code units; skip the rest of each multi-byte sequence.
    while i < len(expected):
        assert buf.slice(i).to_string("ascii") == expected[i:]
        if i < len(text) and ord(text[i]) > 65535:
            i += 1
        if i < len(text) and ord(text[i]) > 127:
            i += 1
        i += 1


# --------------------------------------------------------------------------------------------
# test-buffer-constants.js (Node also checks that V8 refuses ' '.repeat(MAX_STRING_LENGTH + 1),
# a JS engine limit; Buffer's side of it is test_buffer_node_tostring_rangeerror.py)


def test_constants() -> None:
    assert isinstance(constants.MAX_LENGTH, int)
    assert isinstance(constants.MAX_STRING_LENGTH, int)
    assert constants.MAX_STRING_LENGTH <= constants.MAX_LENGTH
    assert K_MAX_LENGTH == constants.MAX_LENGTH
    assert K_STRING_MAX_LENGTH == constants.MAX_STRING_LENGTH


# --------------------------------------------------------------------------------------------
# test-buffer-new.js


def test_legacy_constructor_refuses_a_number_with_an_encoding() -> None:
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as exc:
        Buffer(42, "utf8")
    assert isinstance(exc.value, TypeError)
    assert str(exc.value) == (
        'The "string" argument must be of type string. Received type int (42)'
    )


# --------------------------------------------------------------------------------------------
# test-buffer-no-negative-allocation.js and test-buffer-over-max-length.js

ALLOCATORS: list[Callable[[Any], Buffer]] = [
    Buffer,
    Buffer.alloc,
    Buffer.alloc_unsafe,
    Buffer.alloc_unsafe_slow,
]


@pytest.mark.parametrize("allocate", ALLOCATORS)
@pytest.mark.parametrize("size", [-Buffer.pool_size, -100, -1, math.nan, K_MAX_LENGTH + 1])
def test_negative_nan_and_too_big_sizes(allocate: Callable[[Any], Buffer], size: float) -> None:
    with pytest.raises(errors.ERR_OUT_OF_RANGE) as exc:
        allocate(size)
    assert isinstance(exc.value, ValueError)  # Node's RangeError


def test_out_of_range_messages_group_big_numbers_like_node() -> None:
    # Node's addNumericalSeparator applies to every integral number past 2**32, floats too.
    for size, shown in [(1e10, "10_000_000_000"), (2**32 + 1, "4_294_967_297"), (-1, "-1")]:
        with pytest.raises(errors.ERR_OUT_OF_RANGE) as exc:
            Buffer.alloc(size)
        assert str(exc.value) == (
            'The value of "size" is out of range. It must be >= 0 && <= 4294967296. '
            f"Received {shown}"
        )


# --------------------------------------------------------------------------------------------
# test-buffer-safe-unsafe.js, test-buffer-zero-fill.js, test-buffer-zero-fill-reset.js


def test_allocations_are_zero_filled() -> None:
    assert all(byte == 0 for byte in Buffer.alloc(10))
    Buffer.alloc_unsafe(10)
    assert all(byte == 0 for byte in Buffer.alloc(10))
    for buf in (Buffer(100), Buffer.alloc_unsafe(100), Buffer.alloc_unsafe_slow(100)):
        assert all(byte == 0 for byte in buf)
    for _ in range(100):
        Buffer.alloc(0)
        assert all(byte == 0 for byte in Buffer.alloc_unsafe(65))


# --------------------------------------------------------------------------------------------
# test-buffer-failed-alloc-typed-arrays.js: a failed allocation leaves fresh memory zeroed


@pytest.mark.parametrize("allocate", ALLOCATORS)
def test_failed_allocations_leave_nothing_behind(allocate: Callable[[Any], Buffer]) -> None:
    for size in [1e10, 0, 0.1, -1, "a", None, math.nan]:
        try:
            allocate(size)
        except (errors.ERR_OUT_OF_RANGE, errors.ERR_INVALID_ARG_TYPE):
            assert array.array("I", bytes(40)) == array.array("I", [0] * 10)
            assert all(byte == 0 for byte in Buffer.alloc_unsafe(40))


# --------------------------------------------------------------------------------------------
# test-buffer-isencoding.js


@pytest.mark.parametrize(
    "encoding",
    ["hex", "utf8", "utf-8", "ascii", "latin1", "binary", "base64", "base64url", "ucs2",
     "ucs-2", "utf16le", "utf-16le"],
)  # fmt: skip
def test_is_encoding_true(encoding: str) -> None:
    assert Buffer.is_encoding(encoding) is True


@pytest.mark.parametrize(
    "value", ["utf9", "utf-7", "Unicode-FTW", "new gnu gun", False, math.nan, {}, math.inf, [],
              1, 0, -1],
)  # fmt: skip
def test_is_encoding_false(value: object) -> None:
    assert Buffer.is_encoding(value) is False


# --------------------------------------------------------------------------------------------
# test-buffer-of-no-deprecation.js


def test_of_warns_nothing() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert Buffer.of(0, 1) == b"\x00\x01"


# --------------------------------------------------------------------------------------------
# test-buffer-inheritance.js (a Python subclass plays the prototype chain)


class T(Buffer):
    """Node's ``T``: a Buffer subclass with one method of its own."""

    __slots__ = ()

    def sum(self) -> int:
        return sum(self)


def test_subclass_keeps_the_buffer_api() -> None:
    t = T(4)
    assert type(t) is T
    assert isinstance(t, Buffer)
    assert T.__mro__[1] is Buffer
    t.fill(5)
    count = 0
    for i in range(t.length):
        count += t[i]
    assert count == t.length * 5 == t.sum()
    assert t.to_string() == "\x05" * 4


# --------------------------------------------------------------------------------------------
# test-buffer-parent-property.js (``parent``, a deprecated alias of ``buffer``, is not
# provided; the ``buffer`` half is ported)


def test_buffer_is_the_array_buffer() -> None:
    assert isinstance(Buffer(0).buffer, bytearray)
    assert isinstance(Buffer(Buffer.pool_size).buffer, bytearray)
    array_buffer = bytearray(0)
    assert Buffer(array_buffer).buffer is array_buffer
    assert Buffer.from_(array_buffer).buffer is array_buffer


# --------------------------------------------------------------------------------------------
# test-buffer-prototype-inspect.js and test-buffer-inspect.js


def test_util_inspect_of_buffers() -> None:
    assert util.inspect(Buffer.from_("fhqwhgads")) == "<Buffer 66 68 71 77 68 67 61 64 73>"
    assert util.inspect(Buffer.from_("")) == "<Buffer >"
    assert util.inspect(Buffer.from_("x" * 51)) == "<Buffer " + "78 " * 50 + "... 1 more byte>"


@pytest.fixture
def inspect_max_bytes() -> Iterator[None]:
    saved = buffer_module.INSPECT_MAX_BYTES
    try:
        yield
    finally:
        buffer_module.INSPECT_MAX_BYTES = saved  # type: ignore[misc]


@pytest.mark.usefixtures("inspect_max_bytes")
def test_inspect_max_bytes() -> None:
    # test-buffer-inspect.js (its last cases add properties to a Buffer instance: JS object
    # model, a Buffer here has no instance dict).
    buffer_module.INSPECT_MAX_BYTES = 2  # type: ignore[misc]
    b = Buffer.alloc_unsafe(4)
    b.fill("1234")
    s = Buffer.alloc_unsafe_slow(4)
    s.fill("1234")
    assert util.inspect(b) == util.inspect(s) == "<Buffer 31 32 ... 2 more bytes>"
    b = Buffer.alloc_unsafe(2)
    b.fill("12")
    s = Buffer.alloc_unsafe_slow(2)
    s.fill("12")
    assert util.inspect(b) == util.inspect(s) == "<Buffer 31 32>"
    buffer_module.INSPECT_MAX_BYTES = math.inf  # type: ignore[misc]
    assert util.inspect(b) == util.inspect(s) == "<Buffer 31 32>"


@pytest.mark.usefixtures("inspect_max_bytes")
def test_set_inspect_max_bytes_validation() -> None:
    # test-buffer-set-inspect-max-bytes.js
    for value in (math.nan, -1):
        with pytest.raises(errors.ERR_OUT_OF_RANGE) as exc:
            buffer_module.INSPECT_MAX_BYTES = value  # type: ignore[misc]
        assert isinstance(exc.value, ValueError)
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as type_exc:
        buffer_module.INSPECT_MAX_BYTES = "and even this"  # type: ignore[misc]
    assert isinstance(type_exc.value, TypeError)
    assert buffer_module.INSPECT_MAX_BYTES == 50


# --------------------------------------------------------------------------------------------
# test-buffer-sharedarraybuffer.js (a bytearray under a 'H' memoryview plays the
# SharedArrayBuffer under a Uint16Array)


def test_buffers_over_shared_memory() -> None:
    sab = bytearray(24)
    arr1 = memoryview(sab).cast("H")
    arr2 = array.array("H", [0] * 12)
    arr2[0] = 5000
    arr1[0] = 5000
    arr1[1] = 4000
    arr2[1] = 4000
    arr_buf = Buffer.from_(sab)
    ar_buf = Buffer.from_(memoryview(arr2).cast("B"))
    assert arr_buf == ar_buf
    arr1[1] = 6000
    arr2[1] = 6000
    assert arr_buf == ar_buf
    assert Buffer.byte_length(sab) == len(sab)


# --------------------------------------------------------------------------------------------
# test-buffer-from.js (String objects, Symbol.toPrimitive and vm contexts are the JS object
# model; a str subclass plays ``class MyString extends String``)


def test_from_a_str_subclass() -> None:
    class MyString(str):
        pass

    assert Buffer.from_(MyString("test")) == Buffer.from_("test")


def _three(one: object, two: object, three: object) -> None:
    """Node's ``(one, two, three) => {}``."""


@pytest.mark.parametrize(
    ("value", "received"),
    [
        ({}, "an instance of dict"),
        (True, "type bool (True)"),
        (object(), "an instance of object"),
        (5, "type int (5)"),
        (_three, "function _three"),
        (None, "None"),
    ],
)
def test_from_refuses_other_values(value: object, received: str) -> None:
    for args in [(value,), (value, "hex")]:
        with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as exc:
            Buffer.from_(*args)
        assert isinstance(exc.value, TypeError)
        assert str(exc.value) == (
            "The first argument must be of type string or an instance of Buffer, ArrayBuffer, "
            f"or Array or an Array-like Object. Received {received}"
        )


def test_copy_bytes_from_copies_typed_views() -> None:
    u16 = array.array("H", [0xFFFF])
    b16 = Buffer.copy_bytes_from(u16)
    u16[0] = 0
    assert list(b16) == [255, 255]
    u16 = array.array("H", [0, 0xFFFF])
    b16 = Buffer.copy_bytes_from(u16, 1, 5)
    u16[0] = 0xFFFF
    u16[1] = 0
    assert list(b16) == [255, 255]
    u32 = array.array("I", [0xFFFFFFFF])
    b32 = Buffer.copy_bytes_from(u32)
    u32[0] = 0
    assert list(b32) == [255] * 4


def test_copy_bytes_from_validation() -> None:
    for not_a_view in ["", True, False, {}, [], _three, 1, None, "nope"]:
        with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
            Buffer.copy_bytes_from(not_a_view)
    for not_a_number in ["", True, False, {}, [], _three]:
        with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
            Buffer.copy_bytes_from(bytearray(1), not_a_number)  # type: ignore[arg-type]
        with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
            Buffer.copy_bytes_from(bytearray(1), 0, not_a_number)  # type: ignore[arg-type]
    for out_of_range in [-1, math.nan, 1.1, -math.inf]:
        with pytest.raises(errors.ERR_OUT_OF_RANGE):
            Buffer.copy_bytes_from(bytearray(1), out_of_range)  # type: ignore[arg-type]
        with pytest.raises(errors.ERR_OUT_OF_RANGE):
            Buffer.copy_bytes_from(bytearray(1), 0, out_of_range)  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------
# test-buffer-slow.js (SlowBuffer is Buffer.alloc_unsafe_slow; SlowBuffer(kMaxLength) itself
# may fail for lack of memory in Node too, so it is not tried)


def test_slow_buffer() -> None:
    for _ in range(2):
        sb = Buffer.alloc_unsafe_slow(4)
        assert isinstance(sb, Buffer)
        assert sb.length == 4
        sb.fill(1)
        for key, value in sb.entries():
            assert value == [1, 1, 1, 1][key]
        assert len(sb.buffer) == 4
    assert Buffer.alloc_unsafe_slow(0).length == 0
    for bad in [{}, "6", True, None]:
        with pytest.raises(errors.ERR_INVALID_ARG_TYPE, match='^The "size" argument must be of'):
            Buffer.alloc_unsafe_slow(bad)  # type: ignore[arg-type]
    for size in [math.nan, math.inf, -1, K_MAX_LENGTH + 1]:
        with pytest.raises(errors.ERR_OUT_OF_RANGE):
            Buffer.alloc_unsafe_slow(size)  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------
# test-buffer-fill.js: its ``buf.fill(null)`` case (the rest is ported in
# test_buffer_node_ported.py; None is JS null/undefined, which fill as zero)


def test_fill_null_fills_zeros() -> None:
    buf = Buffer.alloc(64, 10)
    buf.fill(0)
    buf.fill(None)
    assert all(byte == 0 for byte in buf)
    buf.fill(1, 16, 32)
    assert list(buf[:16]) == [0] * 16
    assert list(buf[16:32]) == [1] * 16
    assert list(buf[32:]) == [0] * 32
    buf.fill(None, 16, 32)
    assert not any(buf)
