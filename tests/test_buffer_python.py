"""Buffer as a Python object: protocols, memory sharing, and the module functions.

The choices tested here are documented in docs/modules/buffer.rst: indexing is Python's
(negative indexes, IndexError) with JS's uint8 wrap on assignment; a step-1 slice is a view like
``subarray``; ``==`` compares bytes with any bytes-like object; a Buffer is unhashable (it is
mutable); ``repr`` is Node's inspect output.
"""

from __future__ import annotations

import copy
import json
import math
import pickle
import tracemalloc
from pathlib import Path

import pytest

from trio_nodecompat import buffer as buffer_module
from trio_nodecompat import errors
from trio_nodecompat.buffer import (
    INSPECT_MAX_BYTES,
    K_MAX_LENGTH,
    K_STRING_MAX_LENGTH,
    Buffer,
    atob,
    btoa,
    constants,
    is_ascii,
    is_utf8,
    transcode,
)

# --------------------------------------------------------------------------------------------
# Protocols


def test_len_index_and_iteration() -> None:
    buf = Buffer.from_("hello")
    assert len(buf) == buf.length == 5
    assert buf[0] == 0x68
    assert buf[-1] == 0x6F
    assert list(buf) == list(b"hello")
    with pytest.raises(IndexError):
        buf[5]
    with pytest.raises(IndexError):
        buf[-6]
    assert bool(Buffer.alloc(0)) is False
    assert bool(buf) is True


def test_item_assignment_wraps_like_uint8array() -> None:
    buf = Buffer.alloc(4)
    buf[0] = 256
    buf[1] = -1
    buf[2] = 3.9
    buf[3] = math.nan
    assert list(buf) == [0, 255, 3, 0]
    with pytest.raises(IndexError):
        buf[4] = 1
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
        buf[0] = "a"
    assert list(buf) == [0, 255, 3, 0]


def test_slices_are_views_and_step_slices_are_copies() -> None:
    buf = Buffer.from_("0123456789")
    view = buf[2:5]
    assert isinstance(view, Buffer) and view.to_string() == "234"
    view[0] = ord("X")
    assert buf.to_string() == "01X3456789"
    assert view.buffer is buf.buffer and view.byte_offset == 2
    assert buf[5:2].length == 0
    assert buf[-3:].to_string() == "789"
    stepped = buf[::2]
    assert stepped.to_string() == "0X468"
    stepped[0] = ord("Z")
    assert buf[0] == ord("0")


def test_slice_assignment_keeps_the_length() -> None:
    buf = Buffer.from_("abcdef")
    buf[1:3] = b"XY"
    buf[3:5] = [0x31, 0x32]
    assert buf.to_string() == "aXY12f"
    with pytest.raises(ValueError, match="fixed length"):
        buf[0:2] = b"toolong"
    assert buf.to_string() == "aXY12f"


def test_equality_with_bytes_like_objects() -> None:
    buf = Buffer.from_("abc")
    assert buf == b"abc"
    assert buf == bytearray(b"abc")
    assert buf == memoryview(b"abc")
    assert buf == Buffer.from_("abc")
    assert b"abc" == buf
    assert buf != b"abd"
    assert buf != "abc"
    assert (buf == 5) is False


def test_unhashable_because_mutable() -> None:
    with pytest.raises(TypeError):
        hash(Buffer.from_("abc"))


def test_contains() -> None:
    buf = Buffer.from_("hello world")
    assert ord("w") in buf
    assert b"lo w" in buf
    assert "world" in buf
    assert b"xyz" not in buf
    with pytest.raises(ValueError):
        assert 300 in buf


def test_bytes_copy_and_pickle() -> None:
    buf = Buffer.from_("abc")
    assert bytes(buf) == b"abc"
    clone = copy.copy(buf)
    assert clone == buf and clone.buffer is not buf.buffer
    restored = pickle.loads(pickle.dumps(buf))
    assert isinstance(restored, Buffer) and restored == buf


def test_copies_of_a_view_are_independent_buffers() -> None:
    """``copy.copy``, ``copy.deepcopy`` and pickle copy the bytes a view shows, no more: the
    clone owns a fresh store of exactly its length and shares nothing with the original."""
    store = bytearray(b"0123456789")
    view = Buffer.from_(store, 2, 3)
    for clone in (copy.copy(view), copy.deepcopy(view), pickle.loads(pickle.dumps(view))):
        assert type(clone) is Buffer and clone == b"234"
        assert clone.byte_offset == 0 and len(clone.buffer) == 3
        clone[0] = 0
    assert store == bytearray(b"0123456789")


def test_a_viewed_bytearray_cannot_be_resized() -> None:
    """Like an ArrayBuffer, the store has a fixed size while a Buffer views it."""
    store = bytearray(b"abc")
    buf = Buffer.from_(store)
    with pytest.raises(BufferError):
        store.append(1)
    with pytest.raises(BufferError):
        del store[0]
    assert buf == b"abc" and store == bytearray(b"abc")
    del buf
    store.append(1)  # once no Buffer views it, it is an ordinary bytearray again
    assert store == bytearray(b"abc\x01")


def test_repr_is_nodes_inspect() -> None:
    assert repr(Buffer.from_("hello")) == "<Buffer 68 65 6c 6c 6f>"
    assert str(Buffer.alloc(0)) == "<Buffer >"
    long = Buffer.alloc(60, 1)
    assert repr(long) == "<Buffer " + " ".join(["01"] * 50) + " ... 10 more bytes>"
    assert repr(Buffer.alloc(51)).endswith(" ... 1 more byte>")


def test_inspect_max_bytes_is_live_and_validated() -> None:
    assert INSPECT_MAX_BYTES == 50
    try:
        buffer_module.INSPECT_MAX_BYTES = 2
        assert repr(Buffer.from_("hello")) == "<Buffer 68 65 ... 3 more bytes>"
        with pytest.raises(errors.ERR_OUT_OF_RANGE):
            buffer_module.INSPECT_MAX_BYTES = -1
        with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
            buffer_module.INSPECT_MAX_BYTES = "3"
        assert buffer_module.INSPECT_MAX_BYTES == 2
    finally:
        buffer_module.INSPECT_MAX_BYTES = 50
    assert repr(Buffer.from_("hello")) == "<Buffer 68 65 6c 6c 6f>"


def test_constants() -> None:
    assert K_MAX_LENGTH == constants.MAX_LENGTH == 2**32
    assert K_STRING_MAX_LENGTH == constants.MAX_STRING_LENGTH == 0x1FFFFFE8
    with pytest.raises(AttributeError):
        constants.MAX_LENGTH = 1  # type: ignore[misc]


def test_legacy_constructor() -> None:
    assert Buffer(3) == bytes(3)
    assert Buffer("abc") == b"abc"
    assert Buffer("616263", "hex") == b"abc"
    assert Buffer([1, 2]) == bytes([1, 2])
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
        Buffer(3, "utf8")


# --------------------------------------------------------------------------------------------
# Memory sharing and copying (SPEC section 6)


def test_subarray_shares_and_does_not_copy() -> None:
    big = Buffer.alloc(1 << 20)
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        views = [big.subarray(1, -1) for _ in range(10)]
        after = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    # ten views of a MiB cost a few hundred bytes each, not a MiB each
    assert after - before < 10 * 4096
    views[0][0] = 7
    assert big[1] == 7
    assert views[9][0] == 7
    assert views[0].buffer is big.buffer
    assert views[0].byte_offset == 1


def test_from_copies_where_node_copies() -> None:
    source = Buffer.from_("abc")
    for made in (
        Buffer.from_(source),
        Buffer.from_(b"abc"),
        Buffer.from_([0x61, 0x62, 0x63]),
        Buffer.from_("abc"),
        Buffer.from_(memoryview(b"abc")),
    ):
        made[0] = ord("X")
        assert source.to_string() == "abc"
    data = bytearray(b"abc")
    shared = Buffer.from_(memoryview(data))
    shared[0] = ord("X")
    assert data == bytearray(b"Xbc")
    assert Buffer.from_({"type": "Buffer", "data": [1, 2]}) == bytes([1, 2])


def test_from_memoryview_offset_and_length() -> None:
    data = bytearray(range(10))
    view = memoryview(data)[2:]
    buf = Buffer.from_(view, 1, 3)
    assert list(buf) == [3, 4, 5]
    assert buf.buffer is view and buf.byte_offset == 1
    buf[0] = 99
    assert data[3] == 99


@pytest.mark.parametrize(
    ("byte_offset", "length", "expected"),
    [  # (byte_offset, length) of Buffer.from(ArrayBuffer(4), ...) in Node 20
        (1.5, None, (1, 2)),
        (1.5, 3, "length"),
        (1.5, 2.5, (1, 2)),
        (4.5, None, "offset"),
        (-0.5, None, (0, 4)),
        (-0.5, 4.5, (0, 4)),
        (3.9, None, (3, 0)),
        (3.9, 0.5, "length"),
        (0.5, 3.6, "length"),
        (math.nan, 2.5, (0, 2)),
        (1, math.inf, "length"),
        (math.inf, None, "offset"),
        (1, -math.inf, (1, 0)),
    ],
)
def test_from_bytearray_fractional_offset_and_length(
    byte_offset: float, length: float | None, expected: tuple[int, int] | str
) -> None:
    """Node measures the room left from the fractional offset (``byteLength - byteOffset``)
    and only then truncates both numbers, as ``new Uint8Array(ab, offset, length)`` does."""
    if isinstance(expected, str):
        with pytest.raises(errors.ERR_BUFFER_OUT_OF_BOUNDS) as info:
            Buffer.from_(bytearray(4), byte_offset, length)
        assert info.value.message == f'"{expected}" is outside of buffer bounds'
    else:
        made = Buffer.from_(bytearray(4), byte_offset, length)
        assert (made.byte_offset, made.length) == expected


def test_copy_bytes_from() -> None:
    import array

    words = array.array("H", [1, 2, 3])
    copied = Buffer.copy_bytes_from(words, 1)
    assert copied == array.array("H", [2, 3]).tobytes()
    words[1] = 9
    assert copied == array.array("H", [2, 3]).tobytes()
    assert Buffer.copy_bytes_from(words, 1, 1) == array.array("H", [9]).tobytes()
    assert Buffer.copy_bytes_from(words, 5).length == 0
    assert Buffer.copy_bytes_from(array.array("H")).length == 0
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
        Buffer.copy_bytes_from("abc")
    with pytest.raises(errors.ERR_OUT_OF_RANGE):
        Buffer.copy_bytes_from(words, -1)


def test_is_buffer_and_is_encoding() -> None:
    assert Buffer.is_buffer(Buffer.alloc(1))
    assert not Buffer.is_buffer(b"x")
    assert Buffer.is_encoding("UCS-2")
    assert Buffer.is_encoding("utf-16LE")
    assert not Buffer.is_encoding("")
    assert not Buffer.is_encoding(None)
    assert Buffer.pool_size == 8192


# --------------------------------------------------------------------------------------------
# atob / btoa / transcode (expected values from Node 20)


def test_atob_btoa() -> None:
    assert atob(" QU JD\nRA= = ") == "ABCD"
    assert atob("QUJDRA") == "ABCD"
    assert atob("") == ""
    assert atob("QR==") == "A"
    assert btoa("é") == "6Q=="
    for bad in ("QUJD*", "QUJD=", "Q===", "\u0100QUJD", "QQ=", "QQ\u000b=="):
        with pytest.raises(errors.InvalidCharacterError, match="Invalid character"):
            atob(bad)
    with pytest.raises(errors.InvalidCharacterError) as info:
        atob("QUJDR")
    assert info.value.message == "The string to be decoded is not correctly encoded."
    assert info.value.name == "InvalidCharacterError" and info.value.legacy_code == 5
    with pytest.raises(errors.InvalidCharacterError):
        btoa("\U0001f600")
    with pytest.raises(errors.ERR_MISSING_ARGS) as missing:
        atob()
    assert missing.value.message == 'The "input" argument must be specified'


def test_atob_raises_a_dom_exception() -> None:
    # test-global-domexception.js: `assert.throws(() => atob('我要抛错！'), DOMException)`.
    from trio_nodecompat import DOMException

    with pytest.raises(DOMException) as info:
        atob("我要抛错！")
    assert isinstance(info.value, errors.InvalidCharacterError)
    assert isinstance(info.value, ValueError) and info.value.legacy_code == 5
    assert issubclass(errors.QuotaExceededError, DOMException)
    assert issubclass(errors.TypeMismatchError, DOMException) and issubclass(
        errors.TypeMismatchError, TypeError
    )


@pytest.mark.parametrize(
    ("source", "from_enc", "to_enc", "expected"),
    [
        ("61c3a9e282ac", "utf8", "ascii", "613f3f"),
        ("61c3a9e282ac", "utf8", "latin1", "61e93f"),
        ("61c3a9e282acefbfbd", "utf8", "ucs2", "6100e900ac20fdff"),
        ("61e9ff80", "latin1", "utf8", "61c3a9c3bfc280"),
        ("61e9ff80", "ascii", "utf8", "61efbfbdefbfbdefbfbd"),
        ("61e9ff80", "ascii", "latin1", "613f3f3f"),
        ("61e9ff80", "latin1", "ascii", "613f3f3f"),
        ("00d86100e9003dd800de", "utf16le", "latin1", "3f61e93f"),
        ("6162", "utf8", "utf8", "6162"),
        ("c3", "utf8", "latin1", "3f"),
        ("610041", "ucs2", "utf8", "61"),
        ("610041", "ucs2", "latin1", "61"),
        ("610041", "ucs2", "ucs2", "6100fdff"),
        ("00d86100", "ucs2", "ucs2", "fdff6100"),
        ("61e9ff80", "ascii", "ucs2", "6100e900ff008000"),
        ("61e9ff80", "utf8", "utf8", "61efbfbdefbfbdefbfbd"),
        ("f09f9880", "utf8", "ascii", "3f"),
        ("eda080", "utf8", "latin1", "3f3f3f"),
        ("61e9ff80", "latin1", "latin1", "61e9ff80"),
        ("01", "binary", "UCS-2", "0100"),
        ("", "hex", "base64", ""),
    ],
)
def test_transcode(source: str, from_enc: str, to_enc: str, expected: str) -> None:
    result = transcode(Buffer.from_(source, "hex"), from_enc, to_enc)
    assert isinstance(result, Buffer)
    assert result.to_string("hex") == expected


def test_transcode_errors() -> None:
    with pytest.raises(errors.U_ILLEGAL_ARGUMENT_ERROR) as info:
        transcode(Buffer.from_([1]), "hex", "ascii")
    assert info.value.message == "Unable to transcode Buffer [U_ILLEGAL_ARGUMENT_ERROR]"
    with pytest.raises(errors.U_INVALID_CHAR_FOUND):
        transcode(Buffer.from_("61e9ff80", "hex"), "utf8", "utf16le")
    with pytest.raises(errors.U_INVALID_CHAR_FOUND):
        transcode(Buffer.from_("610000dc", "hex"), "utf16le", "utf8")
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as type_info:
        transcode("x", "utf8", "ucs2")
    assert type_info.value.message.startswith(
        'The "source" argument must be an instance of Buffer or Uint8Array.'
    )


TRANSCODE_CASES = json.loads(
    (Path(__file__).parent / "fixtures" / "buffer" / "transcode_cases.json").read_text()
)


def test_transcode_matches_node_on_random_input() -> None:
    """600 cases from ``fixtures/buffer/transcode_cases.js`` (Node 20 with ICU)."""
    for case in TRANSCODE_CASES:
        source = Buffer.from_(case["src"], "hex")
        try:
            got = {"ret": transcode(source, case["from"], case["to"]).to_string("hex")}
        except errors.NodeError as err:
            got = {"error": err.code}
        assert got == case["result"], case


TRANSCODE_IGNORABLE_CASES = json.loads(
    (Path(__file__).parent / "fixtures" / "buffer" / "transcode_ignorable_cases.json").read_text()
)


def test_transcode_drops_default_ignorables_the_target_cannot_hold() -> None:
    """ICU's substitution callback skips unmappable default-ignorable code points (U+00AD,
    U+200B, U+FEFF, U+FE0F, U+E0001...) instead of writing ``?``: 674 cases from
    ``fixtures/buffer/transcode_ignorable_cases.js``."""
    assert transcode(Buffer.from_("a\u00adb\u200bc\ufeff", "utf8"), "utf8", "ascii") == b"abc"
    assert transcode(Buffer.from_("a\u00adb", "latin1"), "latin1", "latin1") == b"a\xadb"
    assert transcode(Buffer.from_("\ud800\ufe0f", "utf16le"), "utf16le", "ascii") == b"?"
    for case in TRANSCODE_IGNORABLE_CASES:
        source = Buffer.from_(case["src"], "hex")
        try:
            got = {"ret": transcode(source, case["from"], case["to"]).to_string("hex")}
        except errors.NodeError as err:
            got = {"error": err.code}
        assert got == case["result"], case


ATOB_CASES = json.loads(
    (Path(__file__).parent / "fixtures" / "buffer" / "atob_btoa_cases.json").read_text()
)


def test_atob_btoa_match_node_on_random_input() -> None:
    """800 strings from ``fixtures/buffer/atob_btoa_cases.js``: results, errors and messages."""
    for case in ATOB_CASES:
        for fn, key in ((atob, "atob"), (btoa, "btoa")):
            try:
                got = {"ret": fn(case["input"])}
            except errors.NodeError as err:
                got = {"error": err.name, "message": err.message}
            assert got == case[key], (key, case["input"])


UTF8_CASES = json.loads(
    (Path(__file__).parent / "fixtures" / "buffer" / "utf8_validity_cases.json").read_text()
)


def test_utf8_validity_and_decoding_match_node() -> None:
    """2000 byte strings from ``fixtures/buffer/utf8_validity_cases.js``."""
    for hexed, valid, ascii_only, text in UTF8_CASES:
        buf = Buffer.from_(hexed, "hex")
        assert (is_utf8(buf), is_ascii(buf), buf.to_string()) == (valid, ascii_only, text), hexed
