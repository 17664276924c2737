"""Property tests: encoding round trips, fast paths that agree with the lenient decoders, and
"whatever you pass, a Buffer method either answers or raises a Node-coded error, leaving the
buffer unchanged"."""

from __future__ import annotations

import math
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from trio_nodecompat._internal import encodings as enc
from trio_nodecompat.buffer import Buffer
from trio_nodecompat.errors import NodeError

SETTINGS = settings(max_examples=150, deadline=None)

B64_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_= \n\t*\u00e9\u0141"


@SETTINGS
@given(st.binary(max_size=300), st.sampled_from(["hex", "base64", "base64url", "latin1"]))
def test_bytes_round_trip(data: bytes, encoding: str) -> None:
    text = Buffer.from_(data).to_string(encoding)
    assert Buffer.from_(text, encoding) == data


@SETTINGS
@given(st.binary(max_size=300))
def test_utf16le_round_trip(data: bytes) -> None:
    even = data[: len(data) & ~1]
    assert Buffer.from_(Buffer.from_(even).to_string("utf16le"), "utf16le") == even


@SETTINGS
@given(st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=200))
def test_text_round_trip(text: str) -> None:
    assert Buffer.from_(text).to_string() == text
    assert Buffer.from_(text, "utf16le").to_string("utf16le") == text
    assert Buffer.byte_length(text) == len(text.encode("utf-8"))


@SETTINGS
@given(st.text(alphabet=B64_CHARS, max_size=200))
def test_base64_fast_path_agrees_with_lenient_decoder(text: str) -> None:
    lenient = enc._base64_decode_lenient(enc._low_bytes(text))
    assert enc._base64_decode(text) == lenient
    assert enc._base64url_decode(text) == lenient


@SETTINGS
@given(st.text(alphabet="0123456789abcdefABCDEFxyz \u0131", max_size=200))
def test_hex_decode_stops_at_first_bad_pair(text: str) -> None:
    units = enc._low_bytes(text)
    expected = bytearray()
    for i in range(0, len(units) - 1, 2):
        pair = units[i : i + 2]
        if not all(c in b"0123456789abcdefABCDEF" for c in pair):
            break
        expected.append(int(pair, 16))
    assert enc.encode(text, "hex") == bytes(expected)


@SETTINGS
@given(
    st.text(max_size=40),
    st.sampled_from(list(enc.ENCODINGS)),
    st.integers(min_value=0, max_value=50),
)
def test_write_is_a_prefix_and_never_splits_a_character(
    text: str, encoding: str, size: int
) -> None:
    buf = Buffer.alloc(size, 0xEE)
    written = buf.write(text, 0, encoding)
    full = Buffer.from_(text, encoding)
    assert bytes(buf[:written]) == bytes(full[:written])
    assert bytes(buf[written:]) == b"\xee" * (size - written)
    if encoding == "utf8" and written < len(full):
        assert full[written] & 0xC0 != 0x80  # the cut is at a character boundary
        assert len(full) > size
    if encoding == "utf16le":
        assert written % 2 == 0


ARGUMENTS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**40), max_value=2**40),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=8),
    st.sampled_from(["hex", "base64", "ucs2", "latin1", "utf8", "bogus", ""]),
    st.binary(max_size=8),
    st.builds(bytearray, st.binary(max_size=8)),
    st.builds(Buffer.from_, st.binary(max_size=8)),
    st.lists(st.integers(min_value=-300, max_value=300), max_size=4),
    st.just({}),
    st.just(object()),
)

METHODS = [
    "to_string",
    "write",
    "fill",
    "index_of",
    "last_index_of",
    "includes",
    "compare",
    "equals",
    "copy",
    "subarray",
    "slice",
    "to_json",
]

STATICS = ["from_", "alloc", "byte_length", "concat", "compare", "is_encoding", "of"]


@settings(max_examples=400, deadline=None)
@given(
    st.binary(max_size=16),
    st.sampled_from(METHODS),
    st.lists(ARGUMENTS, max_size=4),
)
def test_methods_raise_only_node_errors(data: bytes, method: str, args: list[Any]) -> None:
    buf = Buffer.from_(data)
    try:
        getattr(buf, method)(*args)
    except NodeError:
        assert buf == data  # a rejected call leaves the buffer as it was
    except TypeError as err:
        # Python's own arity check (too many positional arguments) is the one non-Node error
        assert "positional argument" in str(err)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(STATICS), st.lists(ARGUMENTS, max_size=3))
def test_statics_raise_only_node_errors(name: str, args: list[Any]) -> None:
    if name == "alloc" and args and isinstance(args[0], int | float) and not math.isnan(args[0]):
        args[0] = min(args[0], 64)  # keep allocations small
    try:
        getattr(Buffer, name)(*args)
    except NodeError:
        pass
    except TypeError as err:
        assert "positional argument" in str(err)
