"""Node's ``test/parallel/test-buffer-includes.js`` (v20.11.1), ported case by case.

JS ``NaN``/``Infinity`` offsets are Python's ``math.nan``/``math.inf``. Node's loop of
``assert(index, buf.includes(pattern))`` only checks ``index``; here the ``includes`` result
itself is checked (Node returns ``true`` for every one of them, checked with ``node``).
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


@pytest.mark.parametrize("a", ["a", BUF_A, 0x61], ids=["str", "buffer", "number"])
def test_single_byte_needle_and_offsets(a: object) -> None:
    assert b.includes(a)
    assert not b.includes(a, 1)
    assert not b.includes(a, -1)
    assert not b.includes(a, -4)
    assert b.includes(a, -b.length)
    assert b.includes(a, NAN)
    assert b.includes(a, -INF)
    assert not b.includes(a, INF)


@pytest.mark.parametrize("bc", ["bc", BUF_BC], ids=["str", "buffer"])
def test_two_byte_needle_and_offsets(bc: object) -> None:
    assert b.includes(bc)
    assert not b.includes(bc, 2)
    assert not b.includes(bc, -1)
    assert not b.includes(bc, -3)
    assert b.includes(bc, -5)
    assert b.includes(bc, NAN)
    assert b.includes(bc, -INF)
    assert not b.includes(bc, INF)


@pytest.mark.parametrize(
    ("f", "z", "empty"), [("f", "z", ""), (BUF_F, BUF_Z, BUF_EMPTY)], ids=["str", "buffer"]
)
def test_last_byte_missing_byte_and_empty_needle(f: object, z: object, empty: object) -> None:
    assert b.includes(f)
    assert not b.includes(z)
    assert b.includes(empty)
    assert b.includes(empty, 1)
    assert b.includes(empty, b.length + 1)
    assert b.includes(empty, INF)
    assert not b.includes(0x0)


def test_offsets() -> None:
    for make in (lambda s: s, Buffer.from_):
        assert b.includes(make("d"), 2)
        assert b.includes(make("f"), 5)
        assert b.includes(make("f"), -1)
        assert not b.includes(make("f"), 6)
    assert not Buffer.from_("ff").includes(Buffer.from_("f"), 1, "ucs2")


@pytest.mark.parametrize(
    ("encoding", "needle"),
    [
        ("hex", "64"),
        ("base64", "ZA=="),
        ("ascii", "d"),
        ("latin1", "d"),
        ("binary", "d"),
    ],
)
def test_encodings(encoding: str, needle: str) -> None:
    haystack = Buffer.from_(b.to_string(encoding), encoding)
    assert haystack.includes(needle, 0, encoding) is True
    assert haystack.includes(Buffer.from_(needle, encoding), 0, encoding) is True


def test_ucs2() -> None:
    two_byte_string = Buffer.from_("\u039a\u0391\u03a3\u03a3\u0395", "ucs2")
    assert two_byte_string.includes("\u0395", 4, "ucs2")
    assert two_byte_string.includes("\u03a3", -4, "ucs2")
    assert two_byte_string.includes("\u03a3", -6, "ucs2")
    assert two_byte_string.includes(Buffer.from_("\u03a3", "ucs2"), -6, "ucs2")
    assert not two_byte_string.includes("\u03a3", -2, "ucs2")

    mixed = Buffer.from_("\u039a\u0391abc\u03a3\u03a3\u0395", "ucs2")
    assert mixed.includes("bc", 0, "ucs2")
    assert mixed.includes("\u03a3", 0, "ucs2")
    assert not mixed.includes("\u0396", 0, "ucs2")
    assert mixed.includes(Buffer.from_("bc", "ucs2"), 0, "ucs2")
    assert mixed.includes(Buffer.from_("\u03a3", "ucs2"), 0, "ucs2")
    assert not mixed.includes(Buffer.from_("\u0396", "ucs2"), 0, "ucs2")

    # Single-character patterns.
    assert two_byte_string.includes("\u039a", 0, "ucs2")
    assert two_byte_string.includes("\u0391", 0, "ucs2"), "Alpha"
    assert two_byte_string.includes("\u03a3", 0, "ucs2"), "First Sigma"
    assert two_byte_string.includes("\u03a3", 6, "ucs2"), "Second Sigma"
    assert two_byte_string.includes("\u0395", 0, "ucs2"), "Epsilon"
    assert not two_byte_string.includes("\u0392", 0, "ucs2"), "Not beta"
    # Multi-character patterns.
    assert two_byte_string.includes("\u039a\u0391", 0, "ucs2"), "Lambda Alpha"
    assert two_byte_string.includes("\u0391\u03a3", 0, "ucs2"), "Alpha Sigma"
    assert two_byte_string.includes("\u03a3\u03a3", 0, "ucs2"), "Sigma Sigma"
    assert two_byte_string.includes("\u03a3\u0395", 0, "ucs2"), "Sigma Epsilon"


def test_mixed_utf8() -> None:
    mixed = Buffer.from_("\u039a\u0391abc\u03a3\u03a3\u0395")
    assert mixed.includes("bc")
    assert mixed.includes("bc", 5)
    assert mixed.includes("bc", -8)
    assert mixed.includes("\u03a3")
    assert not mixed.includes("\u0396")


def test_long_strings() -> None:
    # A long string that is not a simple repeat of a shorter one (the complex algorithms).
    long_string = "A"
    for i in range(66, 76):  # 'B' to 'K'
        long_string = long_string + chr(i) + long_string
    long_buffer = Buffer.from_(long_string)
    pattern = "ABACABADABACABA"  # 15 chars, repeated every 16
    for i in range(0, long_buffer.length - len(pattern), 7):
        assert long_buffer.includes(pattern, i), f"Long ABACABA...-string at index {i}"
    assert long_buffer.includes("AJABACA"), "Long AJABACA, First J"
    assert long_buffer.includes("AJABACA", 511), "Long AJABACA, Second J"
    pattern = "JABACABADABACABA"
    assert long_buffer.includes(pattern), "Long JABACABA..., First J"
    assert long_buffer.includes(pattern, 512), "Long JABACABA..., Second J"

    # A non-ASCII string in a pure ASCII string.
    ascii_string = Buffer.from_("arglebargleglopglyfarglebargleglopglyfarglebargleglopglyf")
    assert not ascii_string.includes("\x2061")
    assert ascii_string.includes("leb", 0)


# Every UTF-16 code unit, as String.fromCharCode(0..65535): lone surrogates included (and the
# one pair \udbff\udc00 they happen to form, as in JS).
ALL_CHARS = "".join(map(chr, range(65536)))
ALL_UTF8 = Buffer.from_(ALL_CHARS)
ALL_UCS2 = Buffer.from_(ALL_CHARS, "ucs2")


def test_ascii_pattern_in_many_non_ascii_characters() -> None:
    assert not ALL_UTF8.includes("notfound")
    assert not ALL_UCS2.includes("notfound")


@pytest.mark.parametrize("base_length", [1, 3, 15])  # single char, simple and complex
def test_substrings_of_every_character_utf8(base_length: int) -> None:
    for index in [0x5, 0x60, 0x400, 0x680, 0x7EE, 0xFF02, 0x16610, 0x2F77B]:
        length = base_length
        if index + length > 0x7F:
            length *= 2
        if index + length > 0x7FF:
            length *= 3
        if index + length > 0xFFFF:
            length *= 4
        pattern = ALL_UTF8.slice(index, index + length)
        assert ALL_UTF8.includes(pattern), index
        assert ALL_UTF8.includes(pattern.to_string()), index


@pytest.mark.parametrize("length", [2, 4, 16])  # single char, simple and complex
def test_substrings_of_every_character_ucs2(length: int) -> None:
    for unit in [0x5, 0x65, 0x105, 0x205, 0x285, 0x2005, 0x2085, 0xFFF0]:
        index = unit * 2
        pattern = ALL_UCS2.slice(index, index + length)
        assert ALL_UCS2.includes(pattern, 0, "ucs2"), unit
        assert ALL_UCS2.includes(pattern.to_string("ucs2"), 0, "ucs2"), unit


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
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as exc:
        b.includes(value)  # type: ignore[arg-type]
    assert isinstance(exc.value, TypeError)
    assert str(exc.value) == (
        'The "value" argument must be one of type number or string or an instance of Buffer '
        f"or Uint8Array. {received}"
    )


@pytest.mark.parametrize(
    ("needle", "found"),
    [
        (0x6973, True),
        (0x697320, True),
        (0x69732069, True),
        (0x697374657374, True),
        (0x69737374, True),
        (0x69737465, True),
        (-140, True),
        (-152, True),
        (0xFF, False),
        (0xFFFF, False),
    ],
)
def test_numbers_are_truncated_to_uint8(needle: int, found: bool) -> None:
    assert Buffer.from_("this is a test").includes(needle) is found
