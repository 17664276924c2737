"""util.TextEncoder / TextDecoder: WHATWG behaviour, checked against Node.

``fixtures/util/text_decoder_cases.json`` (from ``gen_text_decoder.js``) holds 210 damaged
UTF-8/UTF-16 byte strings as Node decoded them whole, in chunks with ``stream=True``, and with
``fatal``; ``text_decoder_stream_cases.json`` holds 450 decoders fed messages cut at random
points, with what Node returned (or threw) from every single ``decode`` call. The rest ports
Node's test-whatwg-encoding-custom-*.js cases.
"""

from __future__ import annotations

import array
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trio_nodecompat import errors
from trio_nodecompat.buffer import Buffer
from trio_nodecompat.util import EncodeIntoResult, TextDecoder, TextEncoder

CASES = json.loads(
    (Path(__file__).parent / "fixtures" / "util" / "text_decoder_cases.json").read_text()
)


@pytest.mark.parametrize("case", CASES, ids=[f"{c['encoding']}-{i}" for i, c in enumerate(CASES)])
def test_decode_matches_node(case: dict[str, Any]) -> None:
    data = bytes(case["bytes"])
    bom = case["ignoreBOM"]
    assert TextDecoder(case["encoding"], ignore_bom=bom).decode(data) == case["whole"]
    decoder = TextDecoder(case["encoding"], ignore_bom=bom)
    out = ""
    for k in range(0, len(data), case["chunk"]):
        out += decoder.decode(data[k : k + case["chunk"]], stream=True)
    out += decoder.decode()
    assert out == case["streamed"]
    fatal = TextDecoder(case["encoding"], fatal=True, ignore_bom=bom)
    if case["fatal"] == "ERR_ENCODING_INVALID_ENCODED_DATA":
        with pytest.raises(errors.ERR_ENCODING_INVALID_ENCODED_DATA):
            fatal.decode(data)
    else:
        assert fatal.decode(data) == case["fatal"]


STREAM_CASES = json.loads(
    (Path(__file__).parent / "fixtures" / "util" / "text_decoder_stream_cases.json").read_text()
)


@pytest.mark.parametrize(
    "case", STREAM_CASES, ids=[f"{c['encoding']}-{i}" for i, c in enumerate(STREAM_CASES)]
)
def test_each_streamed_call_returns_what_node_returns(case: dict[str, Any]) -> None:
    # Each call returns every character its bytes complete, and a byte that cannot start or
    # continue one (ED A0 is no prefix: after ED only 80-9F may follow) is replaced, or
    # raised when fatal, by the call that received it, not held for the next.
    # After a fatal error the decoder starts a new stream here, where Node's goes on from
    # whatever state ICU was left in; the rest of that message is not compared (the next
    # message starts fresh on both sides).
    decoder = TextDecoder(case["encoding"], fatal=case["fatal"], ignore_bom=case["ignoreBOM"])
    expected = iter(case["out"])
    for chunks in case["msgs"]:
        failed = False
        for i, chunk in enumerate(chunks):
            try:
                got: object = decoder.decode(bytes(chunk), stream=i != len(chunks) - 1)
            except errors.ERR_ENCODING_INVALID_ENCODED_DATA as exc:
                got = {"error": exc.code}
            want = next(expected)
            if not failed:
                assert got == want
                failed = isinstance(got, dict)


STRING = "\x00123ABCabc\x80\xff\u0100\u1000\ufffd\U00010000\U0010ffff"
OCTETS = {
    "utf-8": [0x00, 0x31, 0x32, 0x33, 0x41, 0x42, 0x43, 0x61, 0x62, 0x63, 0xC2, 0x80, 0xC3, 0xBF,
              0xC4, 0x80, 0xE1, 0x80, 0x80, 0xEF, 0xBF, 0xBD, 0xF0, 0x90, 0x80, 0x80, 0xF4, 0x8F,
              0xBF, 0xBF],
    "utf-16le": [0x00, 0x00, 0x31, 0x00, 0x32, 0x00, 0x33, 0x00, 0x41, 0x00, 0x42, 0x00, 0x43,
                 0x00, 0x61, 0x00, 0x62, 0x00, 0x63, 0x00, 0x80, 0x00, 0xFF, 0x00, 0x00, 0x01,
                 0x00, 0x10, 0xFD, 0xFF, 0x00, 0xD8, 0x00, 0xDC, 0xFF, 0xDB, 0xFF, 0xDF],
}  # fmt: skip


@pytest.mark.parametrize("encoding", OCTETS)
@pytest.mark.parametrize("size", [1, 2, 3, 4, 5])
def test_streaming_in_every_chunk_size(encoding: str, size: int) -> None:
    """test-whatwg-encoding-custom-textdecoder-streaming.js."""
    encoded = bytes(OCTETS[encoding])
    decoder = TextDecoder(encoding)
    out = "".join(
        decoder.decode(encoded[i : i + size], stream=True) for i in range(0, len(encoded), size)
    )
    out += decoder.decode()
    assert out == STRING


@pytest.mark.parametrize(
    ("encoding", "sequence"), [("utf-8", b"\xc0"), ("utf-16le", b"\x00"), ("utf-16be", b"\x00")]
)
def test_fatal_errors(encoding: str, sequence: bytes) -> None:
    """test-whatwg-encoding-custom-fatal-streaming.js."""
    with pytest.raises(errors.ERR_ENCODING_INVALID_ENCODED_DATA) as info:
        TextDecoder(encoding, fatal=True).decode(sequence)
    assert isinstance(info.value, TypeError)
    assert str(info.value) == f"The encoded data was not valid for encoding {encoding}"


def test_fatal_streaming_odd_bytes() -> None:
    decoder = TextDecoder("utf-16le", fatal=True)
    with pytest.raises(errors.ERR_ENCODING_INVALID_ENCODED_DATA):
        decoder.decode(b"\x00\x00", stream=True)
        decoder.decode(b"\x00")
    with pytest.raises(errors.ERR_ENCODING_INVALID_ENCODED_DATA):
        decoder.decode(b"\x00", stream=True)
        decoder.decode(b"\x00\x00")


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("utf-8", "utf-8"),
        (" UTF8 ", "utf-8"),
        ("unicode-1-1-utf-8", "utf-8"),
        ("utf-16", "utf-16le"),
        ("UTF-16BE", "utf-16be"),
        ("latin1", "windows-1252"),
        ("ascii", "windows-1252"),
        ("iso-8859-2", "iso-8859-2"),
        ("sjis", "shift_jis"),
        ("koi8-r", "koi8-r"),
    ],
)
def test_labels(label: str, name: str) -> None:
    assert TextDecoder(label).encoding == name


@pytest.mark.parametrize("label", ["foo", "utf-7", "", "utf-32", "\u2028utf-8"])
def test_unknown_labels(label: str) -> None:
    with pytest.raises(errors.ERR_ENCODING_NOT_SUPPORTED) as info:
        TextDecoder(label)
    assert isinstance(info.value, ValueError)
    assert str(info.value) == f'The "{label}" encoding is not supported'


def test_windows_1252_follows_the_encoding_standard() -> None:
    assert TextDecoder("latin1").decode(b"\x80\x81\xe9") == "\u20ac\x81\xe9"


def test_bom_handling() -> None:
    assert TextDecoder().decode(b"\xef\xbb\xbfA") == "A"
    assert TextDecoder(ignore_bom=True).decode(b"\xef\xbb\xbfA") == "\ufeffA"
    assert TextDecoder("utf-16le").decode(b"\xff\xfeA\x00") == "A"
    assert TextDecoder("utf-16be").decode(b"\xfe\xff\x00A") == "A"
    decoder = TextDecoder()
    assert decoder.decode(b"\xef\xbb", stream=True) == ""
    assert decoder.decode(b"\xbfA\xe2\x82", stream=True) == "A"
    assert decoder.decode(b"\xac") == "\u20ac"
    # A new stream strips a BOM again; a BOM later in a stream is kept.
    assert decoder.decode(b"\xef\xbb\xbfB") == "B"
    assert decoder.decode(b"C", stream=True) == "C"
    assert decoder.decode(b"\xef\xbb\xbfD") == "\ufeffD"


def test_inputs_are_any_bytes_like() -> None:
    decoder = TextDecoder()
    assert decoder.decode(bytearray(b"hi")) == "hi"
    assert decoder.decode(memoryview(b"hi")) == "hi"
    assert decoder.decode(Buffer.from_("hi")) == "hi"
    assert decoder.decode(array.array("H", [0x6968])) == "hi"
    assert decoder.decode() == ""
    for bad in ["x", 5, object()]:
        with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
            decoder.decode(bad)


def test_properties_and_repr() -> None:
    decoder = TextDecoder("utf-16", fatal=True, ignore_bom=True)
    assert (decoder.encoding, decoder.fatal, decoder.ignore_bom) == ("utf-16le", True, True)
    assert (
        repr(TextDecoder()) == "TextDecoder { encoding: 'utf-8', fatal: False, ignore_bom: False }"
    )


def test_encoder() -> None:
    encoder = TextEncoder()
    assert encoder.encoding == "utf-8"
    assert encoder.encode() == b""
    assert encoder.encode("h\u00e9\u20ac\U0001f600") == "h\u00e9\u20ac\U0001f600".encode()
    assert encoder.encode("\ud800x") == b"\xef\xbf\xbdx"


def test_encode_into() -> None:
    encoder = TextEncoder()
    dest = bytearray(5)
    assert encoder.encode_into("a\u20ac\U0001f600b", dest) == EncodeIntoResult(read=2, written=4)
    assert dest == bytearray([97, 226, 130, 172, 0])
    big = bytearray(16)
    result = encoder.encode_into("a\U0001f600", big)
    assert (result.read, result.written) == (3, 5)
    buf = Buffer.alloc(3)
    assert encoder.encode_into("abcd", buf).written == 3
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
        encoder.encode_into("a", b"readonly")
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
        encoder.encode_into("a", object())


@settings(max_examples=150, deadline=None)
@given(
    data=st.binary(max_size=40),
    cuts=st.lists(st.integers(min_value=0, max_value=40), max_size=6),
    encoding=st.sampled_from(["utf-8", "utf-16le", "utf-16be", "windows-1252", "shift_jis"]),
)
def test_streaming_in_any_chunks_equals_decoding_whole(
    data: bytes, cuts: list[int], encoding: str
) -> None:
    """The WHATWG invariant: how the input is cut never changes the text."""
    bounds = sorted({0, len(data), *(c for c in cuts if c <= len(data))})
    decoder = TextDecoder(encoding)
    streamed = "".join(
        decoder.decode(data[a:b], stream=True) for a, b in zip(bounds, bounds[1:], strict=False)
    )
    streamed += decoder.decode()
    assert streamed == TextDecoder(encoding).decode(data)
