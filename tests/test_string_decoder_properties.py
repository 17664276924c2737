"""Property tests for StringDecoder (hypothesis).

* Splitting the input at any points and decoding chunk by chunk gives the same text as
  decoding it whole, for every encoding (joined the JS way: surrogate halves from separate
  writes pair up), which is the invariant Node's ``test-string-decoder-fuzz.js`` checks.
* Whatever is passed in, the decoder returns ``str`` or raises a Node-coded error, and a
  rejected call leaves the decoder's state unchanged.
"""

from __future__ import annotations

import base64

from hypothesis import given, settings
from hypothesis import strategies as st

from trio_nodecompat.errors import NodeError
from trio_nodecompat.string_decoder import StringDecoder

ENCODINGS = ["utf8", "utf16le", "latin1", "ascii", "hex", "base64", "base64url"]


def js_join(parts: list[str]) -> str:
    return "".join(parts).encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")


def whole(data: bytes, encoding: str) -> str:
    """An independent statement of Node's ``buf.toString(encoding)`` for these encodings."""
    if encoding == "utf8":
        return data.decode("utf-8", "replace")
    if encoding == "utf16le":
        return data[: len(data) // 2 * 2].decode("utf-16-le", "surrogatepass")
    if encoding == "latin1":
        return data.decode("latin-1")
    if encoding == "ascii":
        return bytes(b & 0x7F for b in data).decode("ascii")
    if encoding == "hex":
        return data.hex()
    if encoding == "base64":
        return base64.b64encode(data).decode()
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


#: Bytes that are often UTF-8 or UTF-16 text, often broken, sometimes anything.
texty = st.one_of(
    st.binary(max_size=64),
    st.text(max_size=24).map(lambda s: s.encode("utf-8", "surrogatepass")),
    st.text(max_size=24).map(lambda s: s.encode("utf-16-le", "surrogatepass")),
    st.lists(
        st.sampled_from(
            [
                b"\xe2",
                b"\x82",
                b"\xac",
                b"\xf0\x9f",
                b"\x98\x80",
                b"a",
                b"\x3d\xd8",
                b"\x4d\xdc",
                b"\xed\xa0\x80",
                b"\xc0",
            ]
        ),
        max_size=16,
    ).map(b"".join),
)


@st.composite
def split_input(draw: st.DrawFn) -> tuple[str, bytes, list[bytes]]:
    encoding = draw(st.sampled_from(ENCODINGS))
    data = draw(texty)
    cuts = sorted(draw(st.lists(st.integers(0, len(data)), max_size=8)))
    bounds = [0, *cuts, len(data)]
    return encoding, data, [data[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]


@settings(max_examples=300, deadline=None)
@given(split_input())
def test_any_split_decodes_like_the_whole(case: tuple[str, bytes, list[bytes]]) -> None:
    encoding, data, chunks = case
    decoder = StringDecoder(encoding)
    parts = [decoder.write(chunk) for chunk in chunks]
    parts.append(decoder.end())
    assert all(isinstance(p, str) for p in parts)
    assert js_join(parts) == whole(data, encoding)
    assert (decoder.last_need, decoder.last_total) == (0, 0)


@settings(max_examples=150, deadline=None)
@given(split_input())
def test_end_with_last_chunk_equals_write_then_end(case: tuple[str, bytes, list[bytes]]) -> None:
    encoding, _, chunks = case
    one, two = StringDecoder(encoding), StringDecoder(encoding)
    head = [one.write(c) for c in chunks[:-1]] + [one.end(chunks[-1])]
    tail = [two.write(c) for c in chunks[:-1]] + [two.write(chunks[-1]), two.end()]
    assert js_join(head) == js_join(tail)


anything = st.one_of(
    st.none(),
    st.integers(),
    st.floats(),
    st.booleans(),
    st.text(max_size=8),
    st.binary(max_size=8),
    st.lists(st.integers(0, 255), max_size=4),
    st.dictionaries(st.text(max_size=2), st.integers(), max_size=2),
    st.builds(object),
)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(ENCODINGS), st.binary(max_size=8), anything)
def test_never_raises_anything_but_a_node_error(
    encoding: str, prefix: bytes, value: object
) -> None:
    decoder = StringDecoder(encoding)
    decoder.write(prefix)
    state = (decoder.last_need, decoder.last_total, bytes(decoder.last_char))
    try:
        out = decoder.write(value)  # type: ignore[arg-type]
    except NodeError as err:
        assert err.code == "ERR_INVALID_ARG_TYPE"
        assert (decoder.last_need, decoder.last_total, bytes(decoder.last_char)) == state
    else:
        assert isinstance(out, str)
    assert isinstance(decoder.end(), str)


@settings(max_examples=100, deadline=None)
@given(anything)
def test_unknown_encodings_are_node_errors(encoding: object) -> None:
    try:
        decoder = StringDecoder(encoding)  # type: ignore[arg-type]
    except NodeError as err:
        assert err.code == "ERR_UNKNOWN_ENCODING"
    else:
        assert decoder.encoding in ENCODINGS
