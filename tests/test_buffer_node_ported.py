"""Cases ported from Node's own ``test/parallel/test-buffer-*.js``.

They were first taken from Node 25's test tree; the baseline is Node v20.11.1 (the Node of
the oracles, ``tests/NODE_PORTS.md``). Newer than v20.11.1's files are the ``totalLength``
checks of ``test_concat_errors`` (``3.5``, ``-2``, ``[1]`` with ``-1``, ``[hello, 1]`` with
``1``) and ``test_write_rejects_non_strings``; Node 20 behaves the same on each (checked with
``node``). The full case-by-case ports of ``test-buffer-alloc.js`` and ``-includes.js`` at
v20.11.1 are ``test_buffer_node_alloc.py`` and ``test_buffer_node_includes.py``.

Each section names the Node file it comes from. Inputs and expected results are Node's;
assertions about JavaScript-only behaviour (``null`` vs ``undefined``, ``valueOf`` objects,
``Symbol.toPrimitive``, vm contexts, detached ArrayBuffers, strings as numbers) have no Python
analogue and are left out; where Python's typing makes Node coerce and us refuse, the test
checks that we refuse with Node's code.
"""

from __future__ import annotations

import array
import json
import math
import os
from pathlib import Path

import pytest

from trio_nodecompat import errors
from trio_nodecompat.buffer import K_MAX_LENGTH, Buffer, is_ascii, is_utf8

FIXTURES = Path(__file__).parent / "fixtures" / "buffer"


def B(*args: object) -> Buffer:  # noqa: N802 - reads like Node's Buffer.from
    return Buffer.from_(*args)


# --------------------------------------------------------------------------------------------
# test-buffer-alloc.js (the parts with a Python analogue)


def test_alloc_basics() -> None:
    b = Buffer.alloc_unsafe(1024)
    assert len(b) == 1024
    b[0] = -1
    assert b[0] == 255
    for i in range(1024):
        b[i] = i % 256
    assert all(b[i] == i % 256 for i in range(1024))
    c = Buffer.alloc_unsafe(512)
    assert len(c) == 512
    d = Buffer.from_([])
    assert len(d) == 0
    e = Buffer.alloc(5, "abc")
    assert e.to_string() == "abcab"
    assert Buffer.alloc(0).length == 0
    assert Buffer.alloc_unsafe_slow(4).length == 4


def test_alloc_write_and_read_back() -> None:
    b = Buffer.alloc(1024)
    assert b.write("", 0) == 0
    assert b.write("", 1) == 0
    assert b.write("", 1024) == 0
    with pytest.raises(errors.ERR_OUT_OF_RANGE):
        b.write("", 1025)
    written = b.write("abcdefghij", 0)
    assert written == 10
    assert b.to_string("utf8", 0, 10) == "abcdefghij"
    assert b.to_string("utf8", 1, 3) == "bc"


def test_alloc_size_validation() -> None:
    for size in (-1, K_MAX_LENGTH + 1, math.nan):
        with pytest.raises(errors.ERR_OUT_OF_RANGE) as info:
            Buffer.alloc(size)
        assert info.value.message.startswith('The value of "size" is out of range.')
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
        Buffer.alloc("5")  # type: ignore[arg-type]
    with pytest.raises(errors.ERR_OUT_OF_RANGE):
        Buffer.alloc_unsafe(-1)
    with pytest.raises(errors.ERR_OUT_OF_RANGE):
        Buffer.alloc_unsafe_slow(-1)


def test_alloc_utf8_ucs2_round_trips() -> None:
    # test-buffer-alloc.js: "ucs2 string" and the surrogate-pair cases
    assert B("\u00e9", "ucs2").to_string("ucs2") == "\u00e9"
    f = B("über", "ucs2")
    assert f == bytes([252, 0, 98, 0, 101, 0, 114, 0])
    f = Buffer.alloc(4)
    assert f.write("\u0030\u0031\u0032\u0033", 0, 4, "ucs2") == 4
    assert f == bytes([0x30, 0, 0x31, 0])
    f = B("\U00010437", "ucs2")
    assert f.to_string("ucs2") == "\U00010437"
    assert f == bytes([0x01, 0xD8, 0x37, 0xDC])
    assert B("\ud801\udc37", "ucs2") == f  # a pair written as two code points


def test_alloc_base64_cases() -> None:
    quote = (
        "Man is distinguished, not only by his reason, but by this "
        "singular passion from other animals, which is a lust "
        "of the mind, that by a perseverance of delight in the "
        "continued and indefatigable generation of knowledge, "
        "exceeds the short vehemence of any carnal pleasure."
    )
    expected = (
        "TWFuIGlzIGRpc3Rpbmd1aXNoZWQsIG5vdCBvbmx5IGJ5IGhpcyByZWFzb24sIGJ1dCBieSB0aGlzIHNpbmd1bGFy"
        "IHBhc3Npb24gZnJvbSBvdGhlciBhbmltYWxzLCB3aGljaCBpcyBhIGx1c3Qgb2YgdGhlIG1pbmQsIHRoYXQgYnkg"
        "YSBwZXJzZXZlcmFuY2Ugb2YgZGVsaWdodCBpbiB0aGUgY29udGludWVkIGFuZCBpbmRlZmF0aWdhYmxlIGdlbmVy"
        "YXRpb24gb2Yga25vd2xlZGdlLCBleGNlZWRzIHRoZSBzaG9ydCB2ZWhlbWVuY2Ugb2YgYW55IGNhcm5hbCBwbGVh"
        "c3VyZS4="
    )
    assert B(quote).to_string("base64") == expected
    assert B(expected, "base64").to_string() == quote
    # whitespace and line breaks every 64 characters are skipped
    wrapped = "\n".join(expected[i : i + 64] for i in range(0, len(expected), 64))
    assert B(wrapped, "base64").to_string() == quote
    spaced = " ".join(expected[i : i + 4] for i in range(0, len(expected), 4))
    assert B(spaced, "base64").to_string() == quote
    # illegal characters are skipped
    assert B("*" + expected.replace("a", "a*"), "base64").to_string() == quote
    assert B("", "base64").to_string() == ""
    assert B("K", "base64").to_string() == ""
    assert B("Kg==", "base64").to_string() == "*"
    assert B("Kio=", "base64").to_string() == "*" * 2
    assert B("KioqKioqKioqKioqKioqKioqKio=", "base64").to_string() == "*" * 20
    assert B("KioqKioqKioqKioqKioqKioqKio", "base64").to_string() == "*" * 20
    # stops at the first padding, even mid-string
    assert B("YQ==YQ==", "base64").to_string() == "a"
    assert B("72INjkR5fchcxk9+VgdGPFJDxUBFR5/rMFsghgxADiw==", "base64").length == 32
    assert B("72INjkR5fchcxk9-VgdGPFJDxUBFR5_rMFsghgxADiw", "base64url").length == 32
    assert B("w69jACy6BgZmaFvv96HG6MYksWytuZu3T1FvGnulPg==", "base64").length == 31
    assert B("w69jACy6BgZmaFvv96HG6MYksWytuZu3T1FvGnulPg", "base64url").length == 31
    # base64 and base64url decode both alphabets
    assert B("//++/++/++//", "base64") == B("__--_--_--__", "base64url")
    assert B("//++/++/++//", "base64url") == B("__--_--_--__", "base64")


def test_alloc_hex_and_binary() -> None:
    hexb = Buffer.alloc(256)
    for i in range(256):
        hexb[i] = i
    hexstr = hexb.to_string("hex")
    assert hexstr == bytes(range(256)).hex()
    assert B(hexstr, "hex") == hexb
    assert B("ff", "hex").to_string("binary") == "\xff"
    assert B("\xff", "binary") == b"\xff"
    assert B("\u00ff\u00fe", "latin1").to_string("latin1") == "\xff\xfe"


def test_alloc_slice_shares_memory() -> None:
    b = B("abcde")
    s = b.slice(1, 3)
    s[0] = ord("X")
    assert b.to_string() == "aXcde"
    assert b.subarray(-3).to_string() == "cde"


def test_alloc_utf8_replacement_rules() -> None:
    # Node: utf8 decoding of invalid input, one U+FFFD per maximal subpart
    assert B([0xE2, 0x82]).to_string() == "\ufffd"
    assert B([0xE2, 0x82, 0x41]).to_string() == "\ufffdA"
    assert B([0xF0, 0x9F, 0x98, 0x80]).to_string() == "\U0001f600"
    assert B([0xED, 0xA0, 0x80]).to_string() == "\ufffd" * 3
    assert B([0xC0, 0xAF]).to_string() == "\ufffd" * 2
    assert B("\ud800").to_string("hex") == "efbfbd"
    assert B("\ud83d\ude00").to_string("hex") == "f09f9880"


def test_alloc_from_list_wraps_like_uint8array() -> None:
    assert B([256, -1, 1.7, math.nan, 3]) == bytes([0, 255, 1, 0, 3])
    assert Buffer.of(1, 2, 300) == bytes([1, 2, 44])


# --------------------------------------------------------------------------------------------
# test-buffer-badhex.js


def test_badhex() -> None:
    buf = Buffer.alloc(4)
    assert buf == bytes(4)
    assert buf.write("abcdxx", 0, "hex") == 2
    assert buf == bytes([0xAB, 0xCD, 0, 0])
    assert buf.to_string("hex") == "abcd0000"
    assert buf.write("abcdef01", 0, "hex") == 4
    assert buf.to_string("hex") == "abcdef01"
    assert B(buf.to_string("hex"), "hex").to_string("hex") == buf.to_string("hex")

    buf = Buffer.alloc(5)
    assert buf.write("abcdxx", 1, "hex") == 2
    assert buf.to_string("hex") == "00abcd0000"

    buf = Buffer.alloc(4)
    assert buf.write("xxabcd", 0, "hex") == 0
    assert buf == bytes(4)
    assert buf.write("xxab", 1, "hex") == 0
    assert buf == bytes(4)
    assert buf.write("cdxxab", 0, "hex") == 1
    assert buf == bytes([0xCD, 0, 0, 0])

    buf = Buffer.alloc(256)
    for i in range(256):
        buf[i] = i
    hexed = buf.to_string("hex")
    assert B(hexed, "hex") == buf
    bad = f"{hexed[:256]}xx{hexed[256:510]}"
    assert B(bad, "hex") == buf.slice(0, 128)


# --------------------------------------------------------------------------------------------
# test-buffer-bytelength.js


def test_byte_length_errors() -> None:
    for bad in (32, math.nan, {}):
        with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
            Buffer.byte_length(bad)
        assert info.value.message.startswith(
            'The "string" argument must be of type string or an instance of Buffer or '
            "ArrayBuffer. Received"
        )


def test_byte_length_of_views() -> None:
    assert Buffer.byte_length(B([0xE4, 0xB8, 0xAD, 0xE6, 0x96])) == 5
    assert Buffer.byte_length(B("abc")) == 3
    assert Buffer.byte_length(bytearray(8)) == 8
    assert Buffer.byte_length(array.array("b", bytes(8))) == 8
    assert Buffer.byte_length(array.array("h", [0] * 8)) == 16
    assert Buffer.byte_length(array.array("i", [0] * 8)) == 32
    assert Buffer.byte_length(array.array("f", [0] * 8)) == 32
    assert Buffer.byte_length(array.array("d", [0] * 8)) == 64
    assert Buffer.byte_length(memoryview(bytearray(2))) == 2


@pytest.mark.parametrize(
    ("string", "encoding", "expected"),
    [
        ("", "ascii", 0),
        ("", "HeX", 0),
        ("∑éllö wørl∂!", "utf-8", 19),
        ("κλμνξο", "utf8", 12),
        ("挵挶挷挸挹", "utf-8", 15),
        ("𠝹𠱓𠱸", "UTF8", 12),
        ("hey there", None, 9),
        ("𠱸挶νξ#xx :)", None, 17),
        ("hello world", "", 11),
        ("hello world", "abc", 11),
        ("ßœ∑≈", "unkn0wn enc0ding", 10),
        ("aGVsbG8gd29ybGQ=", "base64", 11),
        ("aGVsbG8gd29ybGQ=", "BASE64", 11),
        ("bm9kZS5qcyByb2NrcyE=", "base64", 14),
        ("aGkk", "base64", 3),
        ("bHNrZGZsa3NqZmtsc2xrZmFqc2RsZmtqcw==", "base64", 25),
        ("aGVsbG8gd29ybGQ", "base64url", 11),
        ("aGVsbG8gd29ybGQ", "BASE64URL", 11),
        ("bm9kZS5qcyByb2NrcyE", "base64url", 14),
        ("aGkk", "base64url", 3),
        ("bHNrZGZsa3NqZmtsc2xrZmFqc2RsZmtqcw", "base64url", 25),
        ("aaa=", "base64", 2),
        ("aaaa==", "base64", 3),
        ("aaa=", "base64url", 2),
        ("aaaa==", "base64url", 3),
        ("Il était tué", None, 14),
        ("Il était tué", "utf8", 14),
    ],
)
def test_byte_length_strings(string: str, encoding: str | None, expected: int) -> None:
    if encoding is None:
        assert Buffer.byte_length(string) == expected
    else:
        assert Buffer.byte_length(string, encoding) == expected


def test_byte_length_single_byte_and_ucs2_encodings() -> None:
    for encoding in ("ascii", "latin1", "binary"):
        for spelled in (encoding, encoding.upper()):
            assert Buffer.byte_length("Il était tué", spelled) == 12
    for encoding in ("ucs2", "ucs-2", "utf16le", "utf-16le"):
        for spelled in (encoding, encoding.upper()):
            assert Buffer.byte_length("Il était tué", spelled) == 24
    for i in range(1, 10):
        encoding = str(i) * i
        assert not Buffer.is_encoding(encoding)
        assert Buffer.byte_length("foo", encoding) == Buffer.byte_length("foo", "utf8")


# --------------------------------------------------------------------------------------------
# test-buffer-compare.js


def test_compare() -> None:
    b = Buffer.alloc(1, "a")
    c = Buffer.alloc(1, "c")
    d = Buffer.alloc(2, "aa")
    e = bytearray([0x61, 0x61])
    assert b.compare(c) == -1
    assert c.compare(d) == 1
    assert d.compare(b) == 1
    assert d.compare(e) == 0
    assert b.compare(d) == -1
    assert b.compare(b) == 0
    assert Buffer.compare(b, c) == -1
    assert Buffer.compare(c, d) == 1
    assert Buffer.compare(d, b) == 1
    assert Buffer.compare(b, d) == -1
    assert Buffer.compare(c, c) == 0
    assert Buffer.compare(e, e) == 0
    assert Buffer.compare(d, e) == 0
    assert Buffer.compare(Buffer.alloc(0), Buffer.alloc(0)) == 0
    assert Buffer.compare(Buffer.alloc(0), Buffer.alloc(1)) == -1
    assert Buffer.compare(Buffer.alloc(1), Buffer.alloc(0)) == 1
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
        Buffer.compare(Buffer.alloc(1), "abc")
    assert info.value.message == (
        "The \"buf2\" argument must be an instance of Buffer or Uint8Array. Received type str ('abc')"
    )
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
        Buffer.compare("abc", Buffer.alloc(1))
    assert info.value.message.startswith('The "buf1" argument must be an instance of Buffer')
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
        Buffer.alloc(1).compare("abc")
    assert info.value.message.startswith('The "target" argument must be an instance of Buffer')


# --------------------------------------------------------------------------------------------
# test-buffer-compare-offset.js


def test_compare_offset() -> None:
    a = B([1, 2, 3, 4, 5, 6, 7, 8, 9, 0])
    b = B([5, 6, 7, 8, 9, 0, 1, 2, 3, 4])
    assert a.compare(b) == -1
    assert a.compare(b, 0) == -1
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
        a.compare(b, "0")  # type: ignore[arg-type]
    assert a.compare(b, None) == -1
    assert a.compare(b, 0, None, 0) == -1
    assert a.compare(b, 0, 0, 0) == 1
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
        a.compare(b, 0, "0", "0")  # type: ignore[arg-type]
    assert a.compare(b, 6, 10) == 1
    assert a.compare(b, 6, 10, 0, 0) == -1
    assert a.compare(b, 0, 0, 0, 0) == 0
    assert a.compare(b, 1, 1, 2, 2) == 0
    assert a.compare(b, 0, 5, 4) == 1
    assert a.compare(b, 5, None, 1) == 1
    assert a.compare(b, 2, 4, 2) == -1
    assert a.compare(b, 0, 7, 4) == -1
    assert a.compare(b, 0, 7, 4, 6) == -1
    with pytest.raises(errors.ERR_OUT_OF_RANGE):
        a.compare(b, math.inf, -math.inf)  # type: ignore[arg-type]
    assert a.compare(b, 0xFF) == 1
    for args in ((0, 100, 0), (0, 1, 0, 100), (-1,), (0, math.inf), (0, 1, -1)):
        with pytest.raises(errors.ERR_OUT_OF_RANGE):
            a.compare(b, *args)  # type: ignore[arg-type]
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
        a.compare(None)
    assert info.value.message == (
        'The "target" argument must be an instance of Buffer or Uint8Array. Received None'
    )


# --------------------------------------------------------------------------------------------
# test-buffer-concat.js


def test_concat() -> None:
    one = [B("asdf")]
    long = [B("asdf") for _ in range(10)]
    assert Buffer.concat([]).length == 0
    flat_one = Buffer.concat(one)
    assert flat_one.to_string() == "asdf"
    assert flat_one is not one[0]
    flat_one[0] = 0
    assert one[0].to_string() == "asdf"  # a copy, not a view
    assert Buffer.concat(long).to_string() == "asdf" * 10
    assert Buffer.concat(long, 40).to_string() == "asdf" * 10


def test_concat_errors() -> None:
    for value in (None, B("hello")):
        with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
            Buffer.concat(value)  # type: ignore[arg-type]
        assert info.value.message.startswith('The "list" argument must be an instance of Array.')
    for value in ([42], ["hello", B("world")]):
        with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
            Buffer.concat(value)
        assert info.value.message.startswith(
            'The "list[0]" argument must be an instance of Buffer or Uint8Array.'
        )
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
        Buffer.concat([B("hello"), 3])
    assert info.value.message == (
        'The "list[1]" argument must be an instance of Buffer or Uint8Array. Received type int (3)'
    )
    with pytest.raises(errors.ERR_OUT_OF_RANGE) as info:
        Buffer.concat([B("hello")], 3.5)  # type: ignore[arg-type]
    assert info.value.message == (
        'The value of "length" is out of range. It must be an integer. Received 3.5'
    )
    with pytest.raises(errors.ERR_OUT_OF_RANGE) as info:
        Buffer.concat([B("hello")], -2)
    assert info.value.message == (
        f'The value of "length" is out of range. It must be >= 0 && <= {K_MAX_LENGTH}. Received -2'
    )
    # Node validates totalLength before it looks at the items (lib/buffer.js).
    with pytest.raises(errors.ERR_OUT_OF_RANGE) as info:
        Buffer.concat([1], -1)  # type: ignore[list-item]
    assert info.value.message == (
        f'The value of "length" is out of range. It must be >= 0 && <= {K_MAX_LENGTH}. Received -1'
    )
    # ... and still checks every item when totalLength stops the copy early.
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
        Buffer.concat([B("hello"), 1], 1)  # type: ignore[list-item]
    assert info.value.message.startswith('The "list[1]" argument must be an instance of Buffer')


def test_concat_total_length() -> None:
    random10 = B(os.urandom(10))
    derived18 = Buffer.alloc(18)
    derived18[0:10] = random10
    derived18[10:18] = random10[0:8]
    empty = Buffer.alloc(0)
    assert Buffer.concat([], 100) == empty
    assert Buffer.concat([random10], 0) == empty
    assert Buffer.concat([random10], 10) == random10
    assert Buffer.concat([random10, random10], 10) == random10
    assert Buffer.concat([random10, random10], 18) == derived18
    assert Buffer.concat([empty, random10]) == random10
    assert Buffer.concat([random10, empty, empty]) == random10
    assert Buffer.concat([empty], 100) == Buffer.alloc(100)
    assert Buffer.concat([empty], 4096) == Buffer.alloc(4096)
    assert Buffer.concat([random10], 40) == Buffer.concat([random10, Buffer.alloc(30)])
    assert Buffer.concat([bytearray([0x41, 0x42]), b"CD"]) == B("ABCD")


# --------------------------------------------------------------------------------------------
# test-buffer-copy.js


def test_copy() -> None:
    b = Buffer.alloc_unsafe(1024)
    c = Buffer.alloc_unsafe(512)
    counter = 0

    def refill() -> None:
        nonlocal counter
        counter += 1
        b.fill(counter)
        counter += 1
        c.fill(counter)

    refill()
    assert b.copy(c, 0, 0, 512) == 512
    assert bytes(c) == bytes(b[:512])
    refill()
    assert b.copy(c, 0, 0, 512.5) == 512  # type: ignore[arg-type]
    assert bytes(c) == bytes(b[:512])
    refill()
    assert c.copy(b, 0, 0) == len(c)
    assert bytes(b[:512]) == bytes(c)
    refill()
    assert c.copy(b, 0) == len(c)
    refill()
    assert c.copy(b, 0, 0, len(c) + 1) == len(c)
    refill()
    assert b.copy(c) == len(c)
    refill()
    half = len(c) // 2
    assert b.copy(c, 0, len(b) - half) == half
    assert bytes(c[:half]) == bytes(b[len(b) - half :])
    refill()
    assert b.copy(c, 0, 0, 513) == len(c)
    # copy within the same buffer
    counter += 1
    b.fill(counter)
    counter += 1
    b.fill(counter, 256)
    assert b.copy(b, 0, 256, 1024) == 768
    assert all(byte == counter for byte in b)
    # a copy longer than the source is clamped
    refill()
    b.copy(c, 0, 0, 1025)
    assert bytes(c) == bytes(b[:512])
    assert b.copy(c, 0, 100, 10) == 0
    assert b.copy(c, 512, 0, 10) == 0


def test_copy_errors_and_targets() -> None:
    with pytest.raises(errors.ERR_OUT_OF_RANGE) as info:
        Buffer.alloc_unsafe(5).copy(Buffer.alloc_unsafe(5), -1, 0)
    assert info.value.message == (
        'The value of "targetStart" is out of range. It must be >= 0. Received -1'
    )
    with pytest.raises(errors.ERR_OUT_OF_RANGE):
        Buffer.alloc_unsafe(5).copy(Buffer.alloc_unsafe(5), 0, -1)
    with pytest.raises(errors.ERR_OUT_OF_RANGE):
        Buffer.alloc_unsafe(5).copy(Buffer.alloc_unsafe(5), 0, 100)
    with pytest.raises(errors.ERR_OUT_OF_RANGE) as info:
        Buffer.alloc(4).copy(Buffer.alloc(4), 0, 0, -1)
    assert info.value.message == (
        'The value of "sourceEnd" is out of range. It must be >= 0. Received -1'
    )
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
        Buffer.alloc(4).copy(b"immutable")
    # a bytearray plays Uint8Array as the target
    target = bytearray(4)
    assert Buffer.of(1, 2, 3, 4).copy(target) == 4
    assert target == bytearray([1, 2, 3, 4])
    # a typed memoryview receives raw bytes, as Node's Uint16Array does
    x = array.array("H", [0, 0, 0, 0])
    assert Buffer.of(1, 2, 3, 4).copy(memoryview(x)) == 4
    assert bytes(memoryview(x))[:4] == bytes([1, 2, 3, 4])
    assert bytes(memoryview(x))[4:] == bytes(4)


# --------------------------------------------------------------------------------------------
# test-buffer-equals.js


def test_equals() -> None:
    b = B("abcdf")
    c = B("abcdf")
    d = B("abcde")
    e = B("abcdef")
    assert b.equals(c)
    assert not c.equals(d)
    assert not d.equals(e)
    assert d.equals(d)
    assert d.equals(bytearray([0x61, 0x62, 0x63, 0x64, 0x65]))
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
        Buffer.alloc(1).equals("abc")
    assert info.value.message == (
        'The "otherBuffer" argument must be an instance of Buffer or Uint8Array. '
        "Received type str ('abc')"
    )


# --------------------------------------------------------------------------------------------
# test-buffer-fill.js


FILL_CASES = json.loads((FIXTURES / "node_fill_cases.json").read_text())


@pytest.mark.parametrize(("args", "expected"), FILL_CASES, ids=[repr(c[0]) for c in FILL_CASES])
def test_fill_matches_node(args: list[object], expected: str) -> None:
    buf = Buffer.alloc(28)
    assert buf.fill(*args) is buf
    assert buf.to_string("hex") == expected


def test_fill_errors_leave_buffer_unchanged() -> None:
    buf = B("abcdefgh")
    for args, code in [
        (("yKJh", "hex"), "ERR_INVALID_ARG_VALUE"),
        (("\u0222", "hex"), "ERR_INVALID_ARG_VALUE"),
        (("a", 0, 0, math.nan), "ERR_INVALID_ARG_TYPE"),
        (("a", 0, 0, False), "ERR_INVALID_ARG_TYPE"),
        (("a", 0, 0, "foo"), "ERR_UNKNOWN_ENCODING"),
        (("a", -1), "ERR_OUT_OF_RANGE"),
        (("a", 0, 9), "ERR_OUT_OF_RANGE"),
        ((Buffer.alloc(0),), "ERR_INVALID_ARG_VALUE"),
        (("This is not correctly encoded", "hex"), "ERR_INVALID_ARG_VALUE"),
    ]:
        with pytest.raises(errors.NodeError) as info:
            buf.fill(*args)  # type: ignore[arg-type]
        assert info.value.code == code, args
        assert buf.to_string() == "abcdefgh"
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
        buf.fill("a", 0, 0, math.nan)  # type: ignore[arg-type]
    assert info.value.message.startswith('The "encoding" argument must be of type string.')
    with pytest.raises(errors.ERR_UNKNOWN_ENCODING) as info:
        buf.fill("a", 0, 0, "foo")
    assert info.value.message == "Unknown encoding: foo"


def test_fill_values() -> None:
    assert Buffer.alloc_unsafe(1).fill(0).fill("\u0222")[0] == 0xC8
    assert Buffer.alloc_unsafe(1).fill("\u0222", "ucs2")[0] == 0x22
    buf = Buffer.alloc(64, 10)
    assert all(byte == 10 for byte in buf)
    buf.fill(11, 0, len(buf) >> 1)
    assert all(byte == 11 for byte in buf[:32]) and all(byte == 10 for byte in buf[32:])
    buf.fill("h")
    assert all(byte == ord("h") for byte in buf)
    buf.fill(0)
    assert not any(buf)
    buf.fill(1, 16, 32)
    assert list(buf[:16]) == [0] * 16 and list(buf[16:32]) == [1] * 16
    buf = Buffer.alloc(10, "abc")
    assert buf.to_string() == "abcabcabca"
    buf.fill("\u0567")
    assert buf.to_string() == "\u0567" * 5
    assert Buffer.alloc_unsafe_slow(16).fill("ab", "utf16le") == bytes.fromhex(
        "61006200610062006100620061006200"
    )
    assert Buffer.alloc_unsafe_slow(15).fill("ab", "utf16le") == bytes.fromhex(
        "610062006100620061006200610062"
    )
    assert Buffer.alloc_unsafe_slow(16).fill("a", "utf16le").to_string("utf16le") == "a" * 8
    assert Buffer.alloc_unsafe_slow(16).fill("a", "latin1").to_string("latin1") == "a" * 16
    assert Buffer.alloc_unsafe_slow(16).fill("a", "utf8").to_string("utf8") == "a" * 16
    assert Buffer.alloc_unsafe_slow(16).fill("Љ", "utf16le").to_string("utf16le") == "Љ" * 8
    assert Buffer.alloc_unsafe_slow(16).fill("Љ", "latin1").to_string("latin1") == "\t" * 16
    assert Buffer.alloc_unsafe_slow(16).fill("Љ", "utf8").to_string("utf8") == "Љ" * 8
    assert Buffer.alloc(5, "").to_string() == "\x00" * 5
    assert Buffer.alloc(5, Buffer.alloc(5)).to_string() == "\x00" * 5
    assert Buffer.alloc(5, 0).to_string() == "\x00" * 5
    Buffer.alloc_unsafe(8).fill("")
    Buffer.alloc(8, "")


# --------------------------------------------------------------------------------------------
# test-buffer-includes.js and test-buffer-indexof.js


def test_index_of_basics() -> None:
    b = B("abcdef")
    buf_a, buf_bc, buf_f, buf_z, buf_empty = B("a"), B("bc"), B("f"), B("z"), B("")
    for needle in ("a", buf_a, 0x61):
        assert b.index_of(needle) == 0
        assert b.index_of(needle, 1) == -1
        assert b.index_of(needle, -1) == -1
        assert b.index_of(needle, -4) == -1
        assert b.index_of(needle, -len(b)) == 0
        assert b.index_of(needle, math.nan) == 0  # type: ignore[arg-type]
        assert b.index_of(needle, -math.inf) == 0  # type: ignore[arg-type]
        assert b.index_of(needle, math.inf) == -1  # type: ignore[arg-type]
    for needle in ("bc", buf_bc):
        assert b.index_of(needle) == 1
        assert b.index_of(needle, 2) == -1
        assert b.index_of(needle, -1) == -1
        assert b.index_of(needle, -3) == -1
        assert b.index_of(needle, -5) == 1
        assert b.index_of(needle, math.nan) == 1  # type: ignore[arg-type]
        assert b.index_of(needle, -math.inf) == 1  # type: ignore[arg-type]
        assert b.index_of(needle, math.inf) == -1  # type: ignore[arg-type]
    assert b.index_of("f") == len(b) - 1
    assert b.index_of(buf_f) == len(b) - 1
    assert b.index_of("z") == -1
    assert b.index_of(buf_z) == -1
    for needle in ("", buf_empty):
        assert b.index_of(needle) == 0
        assert b.index_of(needle, 1) == 1
        assert b.index_of(needle, len(b) + 1) == len(b)
        assert b.index_of(needle, math.inf) == len(b)  # type: ignore[arg-type]
    assert b.index_of(0x0) == -1
    for needle in ("d", 100, B("d")):
        assert b.index_of(needle, 2) == 3
    for needle in ("f", 102, B("f")):
        assert b.index_of(needle, 5) == 5
        assert b.index_of(needle, -1) == 5
        assert b.index_of(needle, 6) == -1
    assert B("ff").index_of(B("f"), 1, "ucs2") == -1
    assert b.index_of("b", "utf8") == 1
    assert b.index_of("b", "UTF8") == 1
    assert b.index_of("62", "HEX") == 1
    with pytest.raises(errors.ERR_UNKNOWN_ENCODING, match="Unknown encoding: enc"):
        b.index_of("bad", "enc")


def test_index_of_encodings() -> None:
    b = B("abcdef")
    assert B(b.to_string("hex"), "hex").index_of("64", 0, "hex") == 3
    assert B(b.to_string("hex"), "hex").index_of(B("64", "hex"), 0, "hex") == 3
    assert B(b.to_string("base64"), "base64").index_of("ZA==", 0, "base64") == 3
    assert B(b.to_string("base64"), "base64").index_of(B("ZA==", "base64"), 0, "base64") == 3
    assert B(b.to_string("base64url"), "base64url").index_of("ZA==", 0, "base64url") == 3
    assert B(b.to_string("ascii"), "ascii").index_of("d", 0, "ascii") == 3
    assert B(b.to_string("latin1"), "latin1").index_of("d", 0, "latin1") == 3
    assert B("aa\u00e8aa", "latin1").index_of("\u00e8", "latin1") == 2
    assert B("\u00e8", "latin1").index_of("\u00e8", "latin1") == 0
    assert B("\u00e8", "latin1").index_of(B("\u00e8", "latin1"), "latin1") == 0
    assert B("aa\u00e8aa", "binary").index_of("\u00e8", "binary") == 2
    assert B("aaaa0").index_of("30", "hex") == 4
    assert B("aaaa00a").index_of("3030", "hex") == 4


def test_index_of_utf16() -> None:
    for encoding in ("ucs2", "utf16le"):
        two = B("\u039a\u0391\u03a3\u03a3\u0395", encoding)
        assert two.index_of("\u0395", 4, encoding) == 8
        assert two.index_of("\u03a3", -4, encoding) == 6
        assert two.index_of("\u03a3", -6, encoding) == 4
        assert two.index_of(B("\u03a3", encoding), -6, encoding) == 4
        assert two.index_of("\u03a3", -2, encoding) == -1
    mixed = B("\u039a\u0391abc\u03a3\u03a3\u0395", "ucs2")
    assert mixed.index_of("bc", 0, "ucs2") == 6
    assert mixed.index_of("\u03a3", 0, "ucs2") == 10
    assert mixed.index_of("\u0396", 0, "ucs2") == -1
    assert mixed.index_of(B("bc", "ucs2"), 0, "ucs2") == 6
    assert mixed.index_of(B("\u03a3", "ucs2"), 0, "ucs2") == 10
    assert mixed.index_of(B("\u0396", "ucs2"), 0, "ucs2") == -1
    two = B("\u039a\u0391\u03a3\u03a3\u0395", "ucs2")
    assert two.index_of("\u039a", 0, "ucs2") == 0
    assert two.index_of("\u0391", 0, "ucs2") == 2
    assert two.index_of("\u03a3", 0, "ucs2") == 4
    assert two.index_of("\u03a3", 6, "ucs2") == 6
    assert two.index_of("\u0395", 0, "ucs2") == 8
    assert two.index_of("\u0392", 0, "ucs2") == -1
    assert two.index_of("\u039a\u0391", 0, "ucs2") == 0
    assert two.index_of("\u0391\u03a3", 0, "ucs2") == 2
    assert two.index_of("\u03a3\u03a3", 0, "ucs2") == 4
    assert two.index_of("\u03a3\u0395", 0, "ucs2") == 6
    assert B("aaaa").index_of("a" * 4, "ucs2") == -1
    assert B("aaaa").index_of("a" * 4, "utf8") == 0
    assert B("aaaa").index_of("你好", "ucs2") == -1
    assert B("aaaaa").index_of("b", "ucs2") == -1


def test_index_of_utf8_and_long_strings() -> None:
    mixed = B("\u039a\u0391abc\u03a3\u03a3\u0395")
    assert mixed.index_of("bc") == 5
    assert mixed.index_of("bc", 5) == 5
    assert mixed.index_of("bc", -8) == 5
    assert mixed.index_of("\u03a3") == 7
    assert mixed.index_of("\u0396") == -1
    long_string = "A"
    for i in range(66, 76):
        long_string = long_string + chr(i) + long_string
    long_buffer = B(long_string)
    pattern = "ABACABADABACABA"
    for i in range(0, len(long_buffer) - len(pattern), 7):
        assert long_buffer.index_of(pattern, i) == (i + 15) & ~0xF
    assert long_buffer.index_of("AJABACA") == 510
    assert long_buffer.index_of("AJABACA", 511) == 1534
    assert long_buffer.index_of("JABACABADABACABA") == 511
    assert long_buffer.index_of("JABACABADABACABA", 512) == 1535
    ascii_string = B("arglebargleglopglyfarglebargleglopglyfarglebargleglopglyf")
    assert ascii_string.index_of("\x2061") == -1
    assert ascii_string.index_of("leb", 0) == 3


def test_index_of_all_characters() -> None:
    all_chars = "".join(chr(i) for i in range(65536))
    utf8 = B(all_chars)
    ucs2 = B(all_chars, "ucs2")
    assert utf8.index_of("notfound") == -1
    assert ucs2.index_of("notfound") == -1
    for length in (2, 4, 16):
        for index in (0x5, 0x65, 0x105, 0x205, 0x285, 0x2005, 0x2085, 0xFFF0):
            start = index * 2
            pattern = ucs2.slice(start, start + length)
            assert ucs2.index_of(pattern, 0, "ucs2") == start
            assert ucs2.index_of(pattern.to_string("ucs2"), 0, "ucs2") == start


def test_index_of_value_type_errors() -> None:
    b = B("abcdef")
    for value in (lambda: None, {}, [], None):
        with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
            b.index_of(value)
        assert info.value.message.startswith(
            'The "value" argument must be one of type number or string or an instance of '
            "Buffer or Uint8Array."
        )
    assert b.index_of("b", None) == 1
    assert b.index_of("b", 0) == 1


def test_last_index_of() -> None:
    # test-buffer-indexof.js, the lastIndexOf part
    b = B("abcdef")
    buf_a, buf_bc, buf_f, buf_z, buf_empty = B("a"), B("bc"), B("f"), B("z"), B("")
    assert b.last_index_of("a") == 0
    assert b.last_index_of("a", 1) == 0
    assert b.last_index_of("b", 1) == 1
    assert b.last_index_of("c", 1) == -1
    assert b.last_index_of("a", -1) == 0
    assert b.last_index_of("a", -4) == 0
    assert b.last_index_of("a", -len(b)) == 0
    assert b.last_index_of("a", -len(b) - 1) == -1
    assert b.last_index_of("a", math.nan) == 0  # type: ignore[arg-type]
    assert b.last_index_of("a", -math.inf) == -1  # type: ignore[arg-type]
    assert b.last_index_of("a", math.inf) == 0  # type: ignore[arg-type]
    assert b.last_index_of("bc") == 1
    assert b.last_index_of("bc", 2) == 1
    assert b.last_index_of("bc", -1) == 1
    assert b.last_index_of("bc", -3) == 1
    assert b.last_index_of("bc", -5) == 1
    assert b.last_index_of("bc", -6) == -1
    assert b.last_index_of("bc", math.nan) == 1  # type: ignore[arg-type]
    assert b.last_index_of("bc", -math.inf) == -1  # type: ignore[arg-type]
    assert b.last_index_of("bc", math.inf) == 1  # type: ignore[arg-type]
    assert b.last_index_of("f") == len(b) - 1
    assert b.last_index_of("z") == -1
    assert b.last_index_of("") == len(b)
    assert b.last_index_of("", 1) == 1
    assert b.last_index_of("", len(b) + 1) == len(b)
    assert b.last_index_of("", math.inf) == len(b)  # type: ignore[arg-type]
    assert b.last_index_of(buf_a) == 0
    assert b.last_index_of(buf_a, 1) == 0
    assert b.last_index_of(buf_a, -1) == 0
    assert b.last_index_of(buf_bc) == 1
    assert b.last_index_of(buf_bc, -6) == -1
    assert b.last_index_of(buf_f) == len(b) - 1
    assert b.last_index_of(buf_z) == -1
    assert b.last_index_of(buf_empty) == len(b)
    assert b.last_index_of(0x61) == 0
    assert b.last_index_of(0x61, 1) == 0
    assert b.last_index_of(0x61, -len(b) - 1) == -1
    assert b.last_index_of(0x0) == -1
    # the needle must fit before the end
    assert B("abc").last_index_of("bcd") == -1
    assert B("abcabc").last_index_of("abc", 3) == 3
    assert B("abcabc").last_index_of("abc", 2) == 0
    bufferb = B("ab")
    assert bufferb.last_index_of("ab", -3) == -1
    assert B("\u0117\u011b\u0119").last_index_of("\u011b") == 2


def test_includes() -> None:
    # test-buffer-includes.js
    b = B("abcdef")
    assert b.includes("a")
    assert not b.includes("a", 1)
    assert not b.includes("a", -1)
    assert b.includes("a", -len(b))
    assert b.includes("bc")
    assert not b.includes("bc", 2)
    assert b.includes("bc", -5)
    assert b.includes("f")
    assert not b.includes("z")
    assert b.includes("")
    assert b.includes("", 1)
    assert b.includes("", len(b) + 1)
    assert b.includes(B("bc"))
    assert not b.includes(B("z"))
    assert b.includes(0x61)
    assert not b.includes(0x0)
    assert b.includes("d", 2)
    assert b.includes(100, 2)
    assert b.includes("62", "hex")
    assert B(b.to_string("hex"), "hex").includes("64", 0, "hex")
    assert B(b.to_string("base64"), "base64").includes("ZA==", 0, "base64")
    two = B("\u039a\u0391\u03a3\u03a3\u0395", "ucs2")
    assert two.includes("\u0395", 4, "ucs2")
    assert two.includes("\u03a3", -4, "ucs2")
    assert not two.includes("\u0396", 0, "ucs2")
    assert B("aaaa").includes("a" * 4)
    assert not B("aaaa").includes("a" * 4, "ucs2")
    with pytest.raises(errors.ERR_UNKNOWN_ENCODING):
        b.includes("bad", "enc")
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
        b.includes({})


# --------------------------------------------------------------------------------------------
# test-buffer-iterator.js


def test_iterators() -> None:
    buffer = B([1, 2, 3, 4, 5])
    assert list(buffer) == [1, 2, 3, 4, 5]
    assert list(iter(buffer)) == [1, 2, 3, 4, 5]
    assert list(buffer.values()) == [1, 2, 3, 4, 5]
    assert list(buffer.keys()) == [0, 1, 2, 3, 4]
    assert list(buffer.entries()) == [(0, 1), (1, 2), (2, 3), (3, 4), (4, 5)]


# --------------------------------------------------------------------------------------------
# test-buffer-slice.js


def test_slice() -> None:
    assert B("hello", "utf8").slice(0, 0).length == 0
    buf = B("0123456789", "utf8")
    expected = [
        (buf.slice(-10, 10), "0123456789"),
        (buf.slice(-20, 10), "0123456789"),
        (buf.slice(-20, -10), ""),
        (buf.slice(), "0123456789"),
        (buf.slice(0), "0123456789"),
        (buf.slice(0, 0), ""),
        (buf.slice(None), "0123456789"),
        (buf.slice(None, None), "0123456789"),
        (buf.slice(2), "23456789"),
        (buf.slice(5), "56789"),
        (buf.slice(10), ""),
        (buf.slice(5, 8), "567"),
        (buf.slice(8, -1), "8"),
        (buf.slice(-10), "0123456789"),
        (buf.slice(0, -9), "0"),
        (buf.slice(0, -10), ""),
        (buf.slice(0, -1), "012345678"),
        (buf.slice(2, -2), "234567"),
        (buf.slice(0, 65536), "0123456789"),
        (buf.slice(65536, 0), ""),
        (buf.slice(-5, -8), ""),
        (buf.slice(-5, -3), "56"),
    ]
    text = buf.to_string()
    for i in range(len(buf)):
        expected += [
            (buf.slice(i), text[i:]),
            (buf.slice(0, i), text[:i]),
            (buf.slice(-i), text[-i:] if i else text),
            (buf.slice(0, -i), text[:-i] if i else ""),
        ]
    for got, want in expected:
        assert Buffer.compare(got, B(want)) == 0
    utf16 = B("0123456789", "utf16le")
    assert utf16.slice(0, 6) == B("012", "utf16le")
    assert Buffer.alloc(0).slice(0, 1).length == 0
    assert B("abcde", "utf8").slice(1).to_string("utf8") == "bcde"
    four = B("abcd", "utf8")
    assert four.slice(len(four) / 3).to_string("utf8") == "bcd"
    assert four.slice(len(four) / 3, len(four)).to_string() == "bcd"
    seven = B("abcdefg", "utf8")
    assert seven.slice(-(2**32 - 1) - 1).to_string("utf8") == seven.to_string("utf8")
    three = B("abc", "utf8")
    assert three.slice(-0.5).to_string("utf8") == three.to_string("utf8")
    data = B([1, 29, 0, 0, 1, 143, 216, 162, 92, 254, 248, 63, 0, 0, 0, 18, 184, 6, 0, 175])
    middle = len(data) // 2
    assert data.slice(0, middle) == bytes(data)[:middle]
    assert data.slice(middle) == bytes(data)[middle:]
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
        buf.slice("0", "1")  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------
# test-buffer-tojson.js


def test_to_json() -> None:
    assert json.dumps(Buffer.alloc(0).to_json(), separators=(",", ":")) == (
        '{"type":"Buffer","data":[]}'
    )
    assert json.dumps(B([1, 2, 3, 4]).to_json(), separators=(",", ":")) == (
        '{"type":"Buffer","data":[1,2,3,4]}'
    )
    buf = B("test")
    text = json.dumps(buf.to_json(), separators=(",", ":"))
    assert text == '{"type":"Buffer","data":[116,101,115,116]}'
    assert B(json.loads(text)) == buf

    def receiver(value: dict[str, object]) -> object:
        if value.get("type") == "Buffer":
            return B(value["data"])
        return value

    assert json.loads(text, object_hook=receiver) == buf


# --------------------------------------------------------------------------------------------
# test-buffer-tostring.js


def test_to_string_encodings() -> None:
    names = ["utf8", "utf-8", "ucs2", "ucs-2", "ascii", "latin1", "binary", "utf16le", "utf-16le"]
    for encoding in names + [n.upper() for n in names]:
        assert B("foo", encoding).to_string(encoding) == "foo"
    for encoding in ("base64", "BASE64"):
        assert B("Zm9v", encoding).to_string(encoding) == "Zm9v"
    for encoding in ("hex", "HEX"):
        assert B("666f6f", encoding).to_string(encoding) == "666f6f"
    for i in range(1, 10):
        encoding = str(i) * i
        assert not Buffer.is_encoding(encoding)
        with pytest.raises(errors.ERR_UNKNOWN_ENCODING) as info:
            B("foo").to_string(encoding)
        assert info.value.message == f"Unknown encoding: {encoding}"
        assert info.value.name == "TypeError"


def test_to_string_range() -> None:
    # test-buffer-tostring-range.js
    raw = B("abc")
    assert raw.to_string("ascii", 0, 0) == ""
    assert raw.to_string("ascii", -100, -100) == ""
    assert raw.to_string("ascii", 100, 100) == ""
    assert raw.to_string("ascii", 0, 3) == "abc"
    assert raw.to_string("ascii", 0, 100) == "abc"
    assert raw.to_string("ascii", 0, 1) == "a"
    assert raw.to_string("ascii", -1, 3) == "abc"
    assert raw.to_string("ascii", 1.99, 3) == "bc"
    assert raw.to_string("ascii", 1, 2.99) == "b"
    assert raw.to_string("ascii", math.nan, 3) == "abc"
    assert raw.to_string("ascii", 0, math.nan) == ""
    assert raw.to_string("ascii", -math.inf, math.inf) == "abc"
    assert raw.to_string("ascii", 3, 1) == ""
    assert raw.to_string("ascii", 3) == ""
    # an unknown encoding is only reported when there is something to decode
    assert raw.to_string("bogus", 3) == ""
    with pytest.raises(errors.ERR_UNKNOWN_ENCODING):
        raw.to_string("bogus", 0)
    with pytest.raises(errors.ERR_UNKNOWN_ENCODING):
        raw.to_string("")


# --------------------------------------------------------------------------------------------
# test-buffer-write.js


def test_write_offset_errors() -> None:
    for offset in (-1, 10):
        with pytest.raises(errors.ERR_OUT_OF_RANGE) as info:
            Buffer.alloc(9).write("foo", offset)
        assert info.value.message == (
            f'The value of "offset" is out of range. It must be >= 0 && <= 9. Received {offset}'
        )
        assert info.value.name == "RangeError"


RESULTS = {
    "utf8": [102, 111, 111, 0, 0, 0, 0, 0, 0],
    "ucs2": [102, 0, 111, 0, 111, 0, 0, 0, 0],
    "ascii": [102, 111, 111, 0, 0, 0, 0, 0, 0],
    "latin1": [102, 111, 111, 0, 0, 0, 0, 0, 0],
    "binary": [102, 111, 111, 0, 0, 0, 0, 0, 0],
    "utf16le": [102, 0, 111, 0, 111, 0, 0, 0, 0],
    "base64": [102, 111, 111, 0, 0, 0, 0, 0, 0],
    "base64url": [102, 111, 111, 0, 0, 0, 0, 0, 0],
    "hex": [102, 111, 111, 0, 0, 0, 0, 0, 0],
}


def test_write_each_encoding() -> None:
    names = ["utf8", "utf-8", "ucs2", "ucs-2", "ascii", "latin1", "binary", "utf16le", "utf-16le"]
    for encoding in names + [n.upper() for n in names]:
        buf = Buffer.alloc(9)
        length = Buffer.byte_length("foo", encoding)
        assert buf.write("foo", 0, length, encoding) == length
        assert list(buf) == RESULTS[encoding.replace("-", "").lower()]
    for encoding in ("base64", "BASE64", "base64url", "BASE64URL"):
        buf = Buffer.alloc(9)
        length = Buffer.byte_length("Zm9v", encoding)
        assert buf.write("Zm9v", 0, length, encoding) == length
        assert list(buf) == RESULTS[encoding.lower()]
    for encoding in ("hex", "HEX"):
        buf = Buffer.alloc(9)
        length = Buffer.byte_length("666f6f", encoding)
        assert buf.write("666f6f", 0, length, encoding) == length
        assert list(buf) == RESULTS["hex"]
    for i in range(1, 10):
        encoding = str(i) * i
        with pytest.raises(errors.ERR_UNKNOWN_ENCODING) as info:
            Buffer.alloc(9).write("foo", encoding)
        assert info.value.message == f"Unknown encoding: {encoding}"


def test_write_never_splits_a_character() -> None:
    for _ in range(1, 4):
        x = Buffer.alloc_unsafe(4).fill(0)
        y = Buffer.alloc_unsafe(4).fill(1)
        assert x.write("ыыыыыы", 3, "ucs2") == 0
        assert Buffer.compare(y, Buffer.alloc(4, 1)) == 0
    z = Buffer.alloc(4, 0)
    assert z.write("\u0001", 3, "ucs2") == 0
    assert Buffer.compare(z, Buffer.alloc(4, 0)) == 0
    assert z.write("abcd", 2) == 2
    assert list(z) == [0, 0, 0x61, 0x62]
    assert Buffer.alloc(4).write("ыыыыыы" * 100, 3, "utf16le") == 0
    buf = Buffer.alloc(8)
    assert buf.write("ыы", 1, "utf16le") == 4
    assert list(buf) == [0, 0x4B, 0x04, 0x4B, 0x04, 0, 0, 0]
    one = Buffer.alloc(1)
    assert one.write("ww") == 1
    assert one.to_string() == "w"


def test_write_rejects_non_strings() -> None:
    buf = Buffer.alloc(4)
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
        buf.write(123)  # type: ignore[arg-type]
    assert info.value.message == "argument must be a string"
    assert buf == bytes(4)


# --------------------------------------------------------------------------------------------
# test-buffer-isutf8.js and test-buffer-isascii.js


INVALID_UTF8 = [
    [0xFF],
    [0xC0],
    [0xE0],
    [0xC0, 0x00],
    [0xC0, 0xC0],
    [0xE0, 0x00],
    [0xE0, 0xC0],
    [0xE0, 0x80, 0x00],
    [0xE0, 0x80, 0xC0],
    [0xFC, 0x80, 0x80, 0x80, 0x80, 0x80],
    [0xFE, 0x80, 0x80, 0x80, 0x80, 0x80],
    [0xC0, 0x80],
    [0xE0, 0x80, 0x80],
    [0xF0, 0x80, 0x80, 0x80],
    [0xF8, 0x80, 0x80, 0x80, 0x80],
    [0xFC, 0x80, 0x80, 0x80, 0x80, 0x80],
    [0xC1, 0xBF],
    [0xE0, 0x81, 0xBF],
    [0xF0, 0x80, 0x81, 0xBF],
    [0xF8, 0x80, 0x80, 0x81, 0xBF],
    [0xFC, 0x80, 0x80, 0x80, 0x81, 0xBF],
    [0xE0, 0x9F, 0xBF],
    [0xF0, 0x80, 0x9F, 0xBF],
    [0xF8, 0x80, 0x80, 0x9F, 0xBF],
    [0xFC, 0x80, 0x80, 0x80, 0x9F, 0xBF],
    [0xF0, 0x8F, 0xBF, 0xBF],
    [0xF8, 0x80, 0x8F, 0xBF, 0xBF],
    [0xFC, 0x80, 0x80, 0x8F, 0xBF, 0xBF],
    [0xF8, 0x84, 0x8F, 0xBF, 0xBF],
    [0xFC, 0x80, 0x84, 0x8F, 0xBF, 0xBF],
    [0xED, 0xA0, 0x80],
    [0xED, 0xB0, 0x80],
    [0xED, 0xA0, 0x80, 0xED, 0xB0, 0x80],
]


def test_is_utf8() -> None:
    assert is_utf8(b"hello")
    assert is_utf8("ğ".encode())
    assert is_utf8(B([]))
    assert is_utf8(bytearray("ğ".encode()))
    assert is_utf8(array.array("B", b"hello"))
    for data in INVALID_UTF8:
        assert not is_utf8(B(data)), data
    for bad in (None, "hello", True, False):
        with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
            is_utf8(bad)
        assert info.value.message.startswith(
            'The "input" argument must be an instance of ArrayBuffer, Buffer, or TypedArray.'
        )


def test_is_ascii() -> None:
    assert is_ascii(b"hello")
    assert not is_ascii("ğ".encode())
    assert is_ascii(B([]))
    assert is_ascii(memoryview(b"abc"))
    for bad in (None, "", "hello", False, True, 0, 1, object(), lambda: None, {}, []):
        with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
            is_ascii(bad)


# --------------------------------------------------------------------------------------------
# test-buffer-arraybuffer.js (a bytearray plays the ArrayBuffer)


def test_from_bytearray_shares_memory() -> None:
    ab = bytearray(16)
    buf = Buffer.from_(ab)
    assert isinstance(buf, Buffer)
    assert buf.buffer is ab
    assert buf.length == len(ab)
    buf.fill(0xC)
    for i in range(16):
        assert ab[i] == 0xC
        ab[i] = 0xF
        assert buf[i] == 0xF


def test_from_bytearray_offset_and_length() -> None:
    ab = bytearray([1, 2, 3, 4, 5])
    buf = Buffer.from_(ab, 1, 3)
    assert buf.length == 3
    assert list(buf) == [2, 3, 4]
    assert buf.byte_offset == 1
    buf[0] = 9
    assert ab[1] == 9
    with pytest.raises(errors.ERR_BUFFER_OUT_OF_BOUNDS) as info:
        Buffer.from_(ab, 6)
    assert info.value.message == '"offset" is outside of buffer bounds'
    assert info.value.name == "RangeError"
    with pytest.raises(errors.ERR_BUFFER_OUT_OF_BOUNDS) as info:
        Buffer.from_(ab, 3, 6)
    assert info.value.message == '"length" is outside of buffer bounds'
    # the legacy constructor does the same
    legacy = Buffer(ab, 1, 3)
    assert list(legacy) == [9, 3, 4]
    legacy[1] = 7
    assert ab[2] == 7


def test_from_bytearray_coercions() -> None:
    ab = bytearray(10)
    expected = Buffer.from_(ab, 0)
    assert Buffer.from_(ab, math.nan) == expected
    with pytest.raises(errors.ERR_BUFFER_OUT_OF_BOUNDS) as info:
        Buffer.from_(ab, math.inf)
    assert info.value.message == '"offset" is outside of buffer bounds'
    empty = Buffer.from_(ab, 0, 0)
    assert Buffer.from_(ab, 0, math.nan) == empty
    assert Buffer.from_(ab, 0, -3) == empty
    with pytest.raises(errors.ERR_BUFFER_OUT_OF_BOUNDS) as info:
        Buffer.from_(ab, 0, math.inf)
    assert info.value.message == '"length" is outside of buffer bounds'
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
        Buffer.from_(ab, "fhqwhgads")


def test_from_rejects_other_objects() -> None:
    class AB:
        pass

    with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
        Buffer.from_(AB())
    assert info.value.message == (
        "The first argument must be of type string or an instance of Buffer, ArrayBuffer, "
        "or Array or an Array-like Object. Received an instance of AB"
    )
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
        Buffer.from_(5)
