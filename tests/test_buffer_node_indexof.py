"""Node's ``test/parallel/test-buffer-indexof.js`` (v20.11.1), ported case by case in file order.

JS ``NaN``/``Infinity`` offsets are ``math.nan``/``math.inf``; ``undefined`` is ``None``.
Node's offsets ``{}``, ``[]``, ``[2]`` and ``null`` are JavaScript coercions (to NaN, 0, 2 and
0): here ``None`` means "omitted" for both methods (``docs/modules/buffer.rst``), so
``last_index_of('b', None)`` searches the whole buffer where Node's ``null`` searches from 0,
and containers as offsets are refused with ``ERR_INVALID_ARG_TYPE``. Node's last case calls
``Buffer.prototype.lastIndexOf`` as a constructor (``new``), the JS object model.
"""

from __future__ import annotations

import math

import pytest

from trio_nodecompat import errors
from trio_nodecompat.buffer import Buffer

NAN, INF = math.nan, math.inf

b = Buffer.from_("abcdef")
BUF_A = Buffer.from_("a")
BUF_BC = Buffer.from_("bc")
BUF_F = Buffer.from_("f")
BUF_Z = Buffer.from_("z")
BUF_EMPTY = Buffer.from_("")
S = "abcdef"


@pytest.mark.parametrize("a", ["a", BUF_A, 0x61], ids=["str", "buffer", "number"])
def test_index_of_a_single_byte(a: object) -> None:
    assert b.index_of(a) == 0
    assert b.index_of(a, 1) == -1
    assert b.index_of(a, -1) == -1
    assert b.index_of(a, -4) == -1
    assert b.index_of(a, -b.length) == 0
    assert b.index_of(a, NAN) == 0
    assert b.index_of(a, -INF) == 0
    assert b.index_of(a, INF) == -1


@pytest.mark.parametrize("bc", ["bc", BUF_BC], ids=["str", "buffer"])
def test_index_of_two_bytes(bc: object) -> None:
    assert b.index_of(bc) == 1
    assert b.index_of(bc, 2) == -1
    assert b.index_of(bc, -1) == -1
    assert b.index_of(bc, -3) == -1
    assert b.index_of(bc, -5) == 1
    assert b.index_of(bc, NAN) == 1
    assert b.index_of(bc, -INF) == 1
    assert b.index_of(bc, INF) == -1


@pytest.mark.parametrize(
    ("f", "z", "empty"), [("f", "z", ""), (BUF_F, BUF_Z, BUF_EMPTY)], ids=["str", "buffer"]
)
def test_index_of_last_missing_and_empty(f: object, z: object, empty: object) -> None:
    assert b.index_of(f) == b.length - 1
    assert b.index_of(z) == -1
    assert b.index_of(empty) == 0
    assert b.index_of(empty, 1) == 1
    assert b.index_of(empty, b.length + 1) == b.length
    assert b.index_of(empty, INF) == b.length
    assert b.index_of(0x0) == -1


def test_offsets() -> None:
    for make in (lambda s: s, Buffer.from_):
        assert b.index_of(make("d"), 2) == 3
        assert b.index_of(make("f"), 5) == 5
        assert b.index_of(make("f"), -1) == 5
        assert b.index_of(make("f"), 6) == -1
    assert Buffer.from_("ff").index_of(Buffer.from_("f"), 1, "ucs2") == -1


def test_invalid_and_uppercase_encodings() -> None:
    assert b.index_of("b", "utf8") == 1
    assert b.index_of("b", "UTF8") == 1
    assert b.index_of("62", "HEX") == 1
    with pytest.raises(errors.ERR_UNKNOWN_ENCODING, match="Unknown encoding: enc"):
        b.index_of("bad", "enc")


@pytest.mark.parametrize(
    ("encoding", "needle", "with_buffer"),
    [
        ("hex", "64", True),
        ("base64", "ZA==", True),
        ("base64url", "ZA==", False),
        ("ascii", "d", True),
        ("latin1", "d", True),
        ("binary", "d", True),
    ],
)
def test_encodings(encoding: str, needle: str, with_buffer: bool) -> None:
    haystack = Buffer.from_(b.to_string(encoding), encoding)
    assert haystack.index_of(needle, 0, encoding) == 3
    if with_buffer:
        assert haystack.index_of(Buffer.from_(needle, encoding), 0, encoding) == 3


@pytest.mark.parametrize("encoding", ["latin1", "binary"])
def test_one_byte_encodings_of_non_ascii(encoding: str) -> None:
    assert Buffer.from_("aa\u00e8aa", encoding).index_of("\u00e8", encoding) == 2
    assert Buffer.from_("\u00e8", encoding).index_of("\u00e8", encoding) == 0
    assert (
        Buffer.from_("\u00e8", encoding).index_of(Buffer.from_("\u00e8", encoding), encoding) == 0
    )


def test_optional_offset_with_an_encoding() -> None:
    assert Buffer.from_("aaaa0").index_of("30", "hex") == 4
    assert Buffer.from_("aaaa00a").index_of("3030", "hex") == 4


@pytest.mark.parametrize("encoding", ["ucs2", "utf16le"])
def test_ucs2_and_utf16le(encoding: str) -> None:
    two = Buffer.from_("\u039a\u0391\u03a3\u03a3\u0395", encoding)
    assert two.index_of("\u0395", 4, encoding) == 8
    assert two.index_of("\u03a3", -4, encoding) == 6
    assert two.index_of("\u03a3", -6, encoding) == 4
    assert two.index_of(Buffer.from_("\u03a3", encoding), -6, encoding) == 4
    assert two.index_of("\u03a3", -2, encoding) == -1


def test_mixed_ucs2() -> None:
    mixed = Buffer.from_("\u039a\u0391abc\u03a3\u03a3\u0395", "ucs2")
    assert mixed.index_of("bc", 0, "ucs2") == 6
    assert mixed.index_of("\u03a3", 0, "ucs2") == 10
    assert mixed.index_of("\u0396", 0, "ucs2") == -1
    assert mixed.index_of(Buffer.from_("bc", "ucs2"), 0, "ucs2") == 6
    assert mixed.index_of(Buffer.from_("\u03a3", "ucs2"), 0, "ucs2") == 10
    assert mixed.index_of(Buffer.from_("\u0396", "ucs2"), 0, "ucs2") == -1


def test_ucs2_single_and_multi_char_patterns() -> None:
    two = Buffer.from_("\u039a\u0391\u03a3\u03a3\u0395", "ucs2")
    assert two.index_of("\u039a", 0, "ucs2") == 0
    assert two.index_of("\u0391", 0, "ucs2") == 2, "Alpha"
    assert two.index_of("\u03a3", 0, "ucs2") == 4, "First Sigma"
    assert two.index_of("\u03a3", 6, "ucs2") == 6, "Second Sigma"
    assert two.index_of("\u0395", 0, "ucs2") == 8, "Epsilon"
    assert two.index_of("\u0392", 0, "ucs2") == -1, "Not beta"
    assert two.index_of("\u039a\u0391", 0, "ucs2") == 0, "Lambda Alpha"
    assert two.index_of("\u0391\u03a3", 0, "ucs2") == 2, "Alpha Sigma"
    assert two.index_of("\u03a3\u03a3", 0, "ucs2") == 4, "Sigma Sigma"
    assert two.index_of("\u03a3\u0395", 0, "ucs2") == 6, "Sigma Epsilon"


def test_mixed_utf8() -> None:
    mixed = Buffer.from_("\u039a\u0391abc\u03a3\u03a3\u0395")
    assert mixed.index_of("bc") == 5
    assert mixed.index_of("bc", 5) == 5
    assert mixed.index_of("bc", -8) == 5
    assert mixed.index_of("\u03a3") == 7
    assert mixed.index_of("\u0396") == -1


def _long_buffer() -> Buffer:
    """A long string that is not a simple repeat of a shorter one ('A', 'B' .. 'K')."""
    long_string = "A"
    for i in range(66, 76):
        long_string = long_string + chr(i) + long_string
    return Buffer.from_(long_string)


LONG = _long_buffer()


def test_long_strings() -> None:
    pattern = "ABACABADABACABA"  # 15 chars, repeated every 16
    for i in range(0, LONG.length - len(pattern), 7):
        assert LONG.index_of(pattern, i) == (i + 15) & ~0xF, f"Long ABACABA...-string at {i}"
    assert LONG.index_of("AJABACA") == 510, "Long AJABACA, First J"
    assert LONG.index_of("AJABACA", 511) == 1534, "Long AJABACA, Second J"
    pattern = "JABACABADABACABA"
    assert LONG.index_of(pattern) == 511, "Long JABACABA..., First J"
    assert LONG.index_of(pattern, 512) == 1535, "Long JABACABA..., Second J"
    ascii_string = Buffer.from_("arglebargleglopglyfarglebargleglopglyfarglebargleglopglyf")
    assert ascii_string.index_of("\x2061") == -1
    assert ascii_string.index_of("leb", 0) == 3


ALL_CHARS = "".join(map(chr, range(65536)))  # every UTF-16 code unit, as in JS
ALL_UTF8 = Buffer.from_(ALL_CHARS)
ALL_UCS2 = Buffer.from_(ALL_CHARS, "ucs2")


def test_needles_in_many_non_ascii_characters() -> None:
    assert ALL_UTF8.index_of("notfound") == -1
    assert ALL_UCS2.index_of("notfound") == -1
    # The needle is longer than the haystack only as UTF-16.
    assert Buffer.from_("aaaa").index_of("a" * 4, "ucs2") == -1
    assert Buffer.from_("aaaa").index_of("a" * 4, "utf8") == 0
    assert Buffer.from_("aaaa").index_of("你好", "ucs2") == -1
    # An odd-length haystack, a UCS2 needle.
    assert Buffer.from_("aaaaa").index_of("b", "ucs2") == -1


@pytest.mark.parametrize("base_length", [1, 3, 15])
def test_substrings_utf8(base_length: int) -> None:
    for index in [0x5, 0x60, 0x400, 0x680, 0x7EE, 0xFF02, 0x16610, 0x2F77B]:
        length = base_length
        if index + length > 0x7F:
            length *= 2
        if index + length > 0x7FF:
            length *= 3
        if index + length > 0xFFFF:
            length *= 4
        pattern = ALL_UTF8.slice(index, index + length)
        assert ALL_UTF8.index_of(pattern) == index
        assert ALL_UTF8.index_of(pattern.to_string()) == index


@pytest.mark.parametrize("length", [2, 4, 16])
def test_substrings_ucs2(length: int) -> None:
    for unit in [0x5, 0x65, 0x105, 0x205, 0x285, 0x2005, 0x2085, 0xFFF0]:
        index = unit * 2
        pattern = ALL_UCS2.slice(index, index + length)
        assert ALL_UCS2.index_of(pattern, 0, "ucs2") == index
        assert ALL_UCS2.index_of(pattern.to_string("ucs2"), 0, "ucs2") == index


def _function() -> None:
    """A function value: Node's ``() => {}``."""


@pytest.mark.parametrize(
    ("value", "received"),
    [
        (_function, "Received function _function"),
        ({}, "Received an instance of dict"),
        ([], "Received an instance of list"),
    ],
)
def test_invalid_needles(value: object, received: str) -> None:
    for method in (b.index_of, b.last_index_of):
        with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as exc:
            method(value)  # type: ignore[arg-type]
        assert isinstance(exc.value, TypeError)
        assert str(exc.value) == (
            'The "value" argument must be one of type number or string or an instance of '
            f"Buffer or Uint8Array. {received}"
        )


def test_weird_offsets() -> None:
    # undefined searches the whole buffer, like String.prototype.indexOf.
    assert b.index_of("b", None) == 1 == S.find("b")
    assert b.index_of("b", 0) == 1 == S.find("b", 0)
    assert b.last_index_of("b", None) == 1 == S.rfind("b")
    # lastIndexOf from 0 finds nothing after position 0.
    assert b.last_index_of("b", 0) == -1
    # {} / [] / [2] / null are JS coercions: refused here, as the docstring says.
    for offset in ({}, [], [2]):
        for method in (b.index_of, b.last_index_of):
            with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
                method("b", offset)  # type: ignore[arg-type]


@pytest.mark.parametrize("a", ["a", BUF_A, 0x61], ids=["str", "buffer", "number"])
def test_last_index_of_a_single_byte(a: object) -> None:
    assert b.last_index_of(a) == 0
    assert b.last_index_of(a, 1) == 0
    assert b.last_index_of(a, -1) == 0
    assert b.last_index_of(a, -4) == 0
    assert b.last_index_of(a, -b.length) == 0
    assert b.last_index_of(a, -b.length - 1) == -1
    assert b.last_index_of(a, NAN) == 0
    assert b.last_index_of(a, -INF) == -1
    assert b.last_index_of(a, INF) == 0


def test_last_index_of_basics() -> None:
    assert b.last_index_of("b", 1) == 1
    assert b.last_index_of("c", 1) == -1
    assert b.last_index_of(BUF_BC) == 1
    assert b.last_index_of(BUF_BC, 2) == 1
    assert b.last_index_of(BUF_BC, -1) == 1
    assert b.last_index_of(BUF_BC, -3) == 1
    assert b.last_index_of(BUF_BC, -5) == 1
    assert b.last_index_of(BUF_BC, -6) == -1
    assert b.last_index_of(BUF_BC, NAN) == 1
    assert b.last_index_of(BUF_BC, -INF) == -1
    assert b.last_index_of(BUF_BC, INF) == 1
    assert b.last_index_of(BUF_F) == b.length - 1
    assert b.last_index_of(BUF_Z) == -1
    assert b.last_index_of(BUF_EMPTY) == b.length
    assert b.last_index_of(BUF_EMPTY, 1) == 1
    assert b.last_index_of(BUF_EMPTY, b.length + 1) == b.length
    assert b.last_index_of(BUF_EMPTY, INF) == b.length
    assert b.last_index_of(0x0) == -1


@pytest.mark.parametrize(
    ("haystack", "needle"),
    [(b, "aaaaaaaaaaaaaaa"), (BUF_BC, "你好")],  # 你好: 6 bytes as UTF-8, 4 as UTF-16
)
def test_needles_longer_than_the_haystack(haystack: Buffer, needle: str) -> None:
    for encoding in ("ucs2", "utf8", "latin1", "binary"):
        assert haystack.last_index_of(needle, encoding) == -1
    assert haystack.last_index_of(Buffer.from_(needle)) == -1
    assert haystack.last_index_of(needle, 2, "ucs2") == -1
    assert haystack.last_index_of(needle, 3, "utf8") == -1
    assert haystack.last_index_of(needle, 5, "latin1") == -1
    assert haystack.last_index_of(needle, 5, "binary") == -1
    assert haystack.last_index_of(Buffer.from_(needle), 7) == -1


def test_last_index_of_a_longer_buffer() -> None:
    text = Buffer.from_("a man a plan a canal panama")
    assert text.last_index_of("canal") == 15
    assert text.last_index_of("panama") == 21
    assert text.last_index_of("a man a plan a canal panama") == 0
    assert text.last_index_of("a man a plan a canal mexico") == -1
    assert text.last_index_of("a man a plan a canal mexico city") == -1
    assert text.last_index_of(Buffer.from_("a" * 1000)) == -1
    assert text.last_index_of("a man a plan", 4) == 0
    assert text.last_index_of("a ") == 13
    assert text.last_index_of("a ", 13) == 13
    assert text.last_index_of("a ", 12) == 6
    assert text.last_index_of("a ", 5) == 0
    assert text.last_index_of("a ", -1) == 13
    assert text.last_index_of("a ", -27) == 0
    assert text.last_index_of("a ", -28) == -1


def test_first_character_found_where_the_needle_cannot_fit() -> None:
    ab_in_ucs2 = Buffer.from_("ab", "ucs2")
    assert Buffer.from_("µaaaa¶bbbb", "latin1").last_index_of("µ") == -1
    assert Buffer.from_("µaaaa¶bbbb", "binary").last_index_of("µ") == -1
    assert Buffer.from_("bc").last_index_of("ab") == -1
    assert Buffer.from_("abc").last_index_of("qa") == -1
    assert Buffer.from_("abcdef").last_index_of("qabc") == -1
    assert Buffer.from_("bc").last_index_of(Buffer.from_("ab")) == -1
    assert Buffer.from_("bc", "ucs2").last_index_of("ab", "ucs2") == -1
    assert Buffer.from_("bc", "ucs2").last_index_of(ab_in_ucs2) == -1
    for offset in (None, 1, 2, 3):
        assert Buffer.from_("abc").last_index_of("ab", offset) == 0


def test_last_index_of_long_buffer_multiple_matches() -> None:
    # The Boyer-Moore-Horspool strategy.
    pattern = "JABACABADABACABA"
    assert LONG.last_index_of(pattern) == 1535
    assert LONG.last_index_of(pattern, 1535) == 1535
    assert LONG.last_index_of(pattern, 1534) == 511


def test_really_long_thue_morse_input() -> None:
    # ~5 MB of 'yolo'/'swag' by the parity of each index's bit count: it all looks alike
    # and never repeats, the worst case that makes Node fall back from BMH to Boyer-Moore.
    parts = ["yolo" if i.bit_count() % 2 == 0 else "swag" for i in range(1_000_000)]
    really_long = Buffer.from_(" ".join(parts))
    assert really_long.slice(0, 19).to_string() == "yolo swag swag yolo"
    pattern = really_long.slice(0, 100_000)
    assert really_long.last_index_of(pattern) == 4_751_360
    assert really_long.last_index_of(pattern, 4_000_000) == 3_932_160
    assert really_long.last_index_of(pattern, 3_000_000) == 2_949_120
    pattern = really_long.slice(100_000, 200_000)
    assert really_long.last_index_of(pattern) == 4_728_480
    pattern = really_long.slice(0, 1_000_000)
    assert really_long.last_index_of(pattern) == 3_932_160
    pattern = really_long.slice(0, 2_000_000)
    assert really_long.last_index_of(pattern) == 0


@pytest.mark.parametrize(
    ("needle", "index"),
    [
        (0x6973, 3),
        (0x697320, 4),
        (0x69732069, 2),
        (0x697374657374, 0),
        (0x69737374, 0),
        (0x69737465, 11),
        (-140, 0),
        (-152, 1),
        (0xFF, -1),
        (0xFFFF, -1),
    ],
)
def test_numbers_are_truncated_to_uint8(needle: int, index: int) -> None:
    assert Buffer.from_("this is a test").index_of(needle) == index


def test_uint8_array_needles() -> None:
    haystack = Buffer.from_("a foo b foo")
    for needle in (bytearray([0x66, 0x6F, 0x6F]), memoryview(bytes([0x66, 0x6F, 0x6F]))):
        assert haystack.index_of(needle) == 2
        assert haystack.last_index_of(needle) == haystack.length - 3
