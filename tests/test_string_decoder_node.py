"""Node's own StringDecoder tests, ported case by case.

From ``test/parallel/test-string-decoder.js`` and ``test-string-decoder-end.js``. JS joins
strings as UTF-16 code units, so a high and a low surrogate that arrive in separate strings
form one character once concatenated; ``js_concat`` does the same in Python.
"""

from __future__ import annotations

import array
import ctypes
from collections.abc import Iterator

import pytest

from trio_nodecompat import errors
from trio_nodecompat.buffer import Buffer
from trio_nodecompat.string_decoder import StringDecoder


def js_concat(*parts: str) -> str:
    """``a + b + ...`` in JS: adjacent surrogate halves pair up."""
    return "".join(parts).encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")


def write_sequences(length: int, start: int = 0) -> Iterator[list[tuple[int, int]]]:
    """Every way to cut ``range(length)`` into consecutive ``write`` calls (Node's helper)."""
    if start == length:
        yield []
        return
    for end in range(length, start, -1):
        for rest in write_sequences(length, end):
            yield [(start, end), *rest]


def decode_all_ways(encoding: str, data: bytes, expected: str) -> None:
    sequences = list(write_sequences(len(data)))
    assert len(sequences) == 2 ** max(len(data) - 1, 0)
    for sequence in sequences:
        decoder = StringDecoder(encoding)
        parts = [decoder.write(data[a:b]) for a, b in sequence]
        parts.append(decoder.end())
        assert js_concat(*parts) == expected, (data.hex(), sequence)


def test_default_encoding_is_utf8() -> None:
    assert StringDecoder().encoding == "utf8"
    assert StringDecoder(None).encoding == "utf8"


@pytest.mark.parametrize(
    ("encoding", "data", "expected"),
    [
        ("utf-8", b"$", "$"),
        ("utf-8", "¢".encode(), "¢"),
        ("utf-8", "€".encode(), "€"),
        ("utf-8", "𤭢".encode(), "𤭢"),
        (
            "utf-8",
            bytes([0xCB, 0xA4, 0x64, 0xE1, 0x8B, 0xA4, 0x30, 0xE3, 0x81, 0x85]),
            "\u02e4\u0064\u12e4\u0030\u3045",
        ),
        ("utf-8", bytes.fromhex("C9B5A941"), "\u0275\ufffdA"),
        ("utf-8", bytes.fromhex("E2"), "\ufffd"),
        ("utf-8", bytes.fromhex("E241"), "\ufffdA"),
        ("utf-8", bytes.fromhex("CCCCB8"), "\ufffd\u0338"),
        ("utf-8", bytes.fromhex("F0B841"), "\ufffdA"),
        ("utf-8", bytes.fromhex("F1CCB8"), "\ufffd\u0338"),
        ("utf-8", bytes.fromhex("F0FB00"), "\ufffd\ufffd\0"),
        ("utf-8", bytes.fromhex("CCE2B8B8"), "\ufffd\u2e38"),
        ("utf-8", bytes.fromhex("E2B8CCB8"), "\ufffd\u0338"),
        ("utf-8", bytes.fromhex("E2FBCC01"), "\ufffd\ufffd\ufffd\u0001"),
        ("utf-8", bytes.fromhex("CCB8CDB9"), "\u0338\u0379"),
        # CESU-8 of U+1D40D: six replacement characters since V8's maximal-subpart change.
        ("utf-8", bytes.fromhex("EDA0B5EDB08D"), "\ufffd" * 6),
        ("ucs2", "ababc".encode("utf-16-le"), "ababc"),
        ("utf16le", bytes.fromhex("3DD84DDC"), "\U0001f44d"),
    ],
)
def test_every_write_sequence_decodes_the_same(encoding: str, data: bytes, expected: str) -> None:
    decode_all_ways(encoding, data, expected)


def test_last_char_last_need_last_total() -> None:
    decoder = StringDecoder("utf8")
    assert decoder.write(bytes.fromhex("E1")) == ""
    assert isinstance(decoder.last_char, Buffer)
    assert decoder.last_char.equals(bytes([0xE1, 0, 0, 0]))
    assert decoder.last_need == 2
    assert decoder.last_total == 3
    assert decoder.end() == "\ufffd"


def _views(data: bytes) -> list[object]:
    """Python's analogues of Node's ``common.getArrayBufferViews``."""
    padded = Buffer.from_(b"??" + data + b"??")
    views: list[object] = [Buffer.from_(data), padded.subarray(2, 2 + len(data))]
    views += [data, bytearray(data), memoryview(data)]
    for code in "bBhHiIlLqQfd":
        item = array.array(code).itemsize
        if len(data) % item == 0:
            views.append(_array(code, data))
    views.append((ctypes.c_ubyte * len(data)).from_buffer_copy(data))
    return views


def _array(code: str, data: bytes) -> array.array[int] | array.array[float]:
    arr = array.array(code)
    arr.frombytes(data)
    return arr


def test_array_buffer_views() -> None:
    data = ("String for ArrayBufferView tests\n" * 8).encode()
    decoder = StringDecoder("utf8")
    views = _views(data)
    assert len(views) >= 12
    for view in views:
        assert decoder.write(view) == data.decode()  # type: ignore[arg-type]
        assert decoder.end() == ""


def test_non_contiguous_memoryview_is_read_in_order() -> None:
    decoder = StringDecoder("latin1")
    assert decoder.write(memoryview(b"a-b-c-")[::2]) == "abc"


@pytest.mark.parametrize(
    ("writes", "end"),
    [
        ([("E18B", "")], "\ufffd"),
        ([("efbfbd".upper(), "\ufffd")], ""),
        ([("efbfbd" * 3, "\ufffd" * 3)], ""),
        ([("EFBFBDE2", "\ufffd")], "\ufffd"),
        ([("F1", ""), ("41F2", "\ufffdA")], "\ufffd"),
        # nodejs/node#22626: enough replacement characters for a longer incomplete character.
        ([("f69b", ""), ("d1", "\ufffd\ufffd")], "\ufffd"),
    ],
)
def test_utf8_write_then_end(writes: list[tuple[str, str]], end: str) -> None:
    decoder = StringDecoder("utf8")
    for chunk, out in writes:
        assert decoder.write(bytes.fromhex(chunk)) == out
    assert decoder.end() == end


def test_utf8_decoder_is_reusable_after_end() -> None:
    decoder = StringDecoder("utf8")
    assert decoder.write(bytes.fromhex("f69b")) == ""
    assert decoder.write(bytes.fromhex("d1")) == "\ufffd\ufffd"
    assert decoder.end() == "\ufffd"
    assert decoder.write(bytes.fromhex("f4")) == ""
    assert decoder.write(bytes.fromhex("bde5")) == "\ufffd\ufffd"
    assert decoder.end() == "\ufffd"


@pytest.mark.parametrize(
    ("writes", "end"),
    [
        ([("3DD8", ""), ("4D", ""), ("DC", "\U0001f44d")], ""),
        ([("3DD8", "")], "\ud83d"),
        ([("3DD8", ""), ("4D", "")], "\ud83d"),
        ([("3DD84D", "\ud83d")], ""),
    ],
)
def test_utf16le_surrogate_pairs(writes: list[tuple[str, str]], end: str) -> None:
    decoder = StringDecoder("utf16le")
    for chunk, out in writes:
        assert decoder.write(bytes.fromhex(chunk)) == out
    assert decoder.end() == end


def test_utf16le_unaligned_chunks() -> None:
    """nodejs/node#22358: an odd first chunk shifts every later one by a byte."""
    decoder = StringDecoder("utf16le")
    assert decoder.write(bytes(1)) == ""
    assert decoder.write(bytes(20)) == "\0" * 10
    assert decoder.write(bytes(48)) == "\0" * 24
    assert decoder.end() == ""


@pytest.mark.parametrize("encoding", [1, "test", False, "utf16", "buffer"])
def test_unknown_encoding(encoding: object) -> None:
    with pytest.raises(errors.ERR_UNKNOWN_ENCODING) as info:
        StringDecoder(encoding)  # type: ignore[arg-type]
    assert isinstance(info.value, TypeError)
    assert info.value.code == "ERR_UNKNOWN_ENCODING"
    if isinstance(encoding, str | int) and not isinstance(encoding, bool):
        assert str(info.value) == f"Unknown encoding: {encoding}"


@pytest.mark.parametrize("value", [None, 5, 1.5, [1, 2], object()])
def test_write_rejects_non_buffers(value: object) -> None:
    decoder = StringDecoder("utf8")
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
        decoder.write(value)  # type: ignore[arg-type]
    assert str(info.value).startswith(
        'The "buf" argument must be an instance of Buffer, TypedArray, or DataView. Received '
    )
    if value is None:
        assert str(info.value).endswith("Received None")


def test_write_returns_a_string_unchanged_and_keeps_state() -> None:
    decoder = StringDecoder("utf8")
    assert decoder.write(b"\xe2\x82") == ""
    assert decoder.write("xy") == "xy"
    assert decoder.last_need == 1
    assert decoder.write(b"\xac") == "€"


# ----------------------------------------------------------------- test-string-decoder-end.js

END_ENCODINGS = ["base64", "base64url", "hex", "utf8", "utf16le", "ucs2"]
END_BUFS = ["☃💩".encode(), b"asdf"] + [bytes(range(0x78, 0x78 + i - 1)) for i in range(1, 17)]

TO_STRING = {
    "base64": lambda b: __import__("base64").b64encode(b).decode(),
    "base64url": lambda b: __import__("base64").urlsafe_b64encode(b).decode().rstrip("="),
    "hex": bytes.hex,
    "utf8": lambda b: b.decode("utf-8", "replace"),
    "utf16le": lambda b: b[: len(b) // 2 * 2].decode("utf-16-le", "surrogatepass"),
    "ucs2": lambda b: b[: len(b) // 2 * 2].decode("utf-16-le", "surrogatepass"),
}


@pytest.mark.parametrize("encoding", END_ENCODINGS)
@pytest.mark.parametrize("data", END_BUFS, ids=lambda b: b.hex() or "empty")
def test_byte_at_a_time_and_whole_match_to_string(encoding: str, data: bytes) -> None:
    decoder = StringDecoder(encoding)
    one_by_one = js_concat(
        *(decoder.write(data[i : i + 1]) for i in range(len(data))), decoder.end()
    )
    decoder = StringDecoder(encoding)
    whole = js_concat(decoder.write(data), decoder.end())
    expected = TO_STRING[encoding](data)
    assert one_by_one == expected
    assert whole == expected


@pytest.mark.parametrize(
    ("encoding", "incomplete", "following", "expected"),
    [
        ("utf8", [0xE2], [0x61], "\ufffda"),
        ("utf8", [0xE2], [0x82], "\ufffd\ufffd"),
        ("utf8", [0xE2], [0xE2], "\ufffd\ufffd"),
        ("utf8", [0xE2, 0x82], [0x61], "\ufffda"),
        ("utf8", [0xE2, 0x82], [0xAC], "\ufffd\ufffd"),
        ("utf8", [0xE2, 0x82], [0xE2], "\ufffd\ufffd"),
        ("utf8", [0xE2, 0x82, 0xAC], [0x61], "€a"),
        ("utf16le", [0x3D], [0x61, 0x00], "a"),
        ("utf16le", [0x3D], [0xD8, 0x4D, 0xDC], "\u4dd8"),
        ("utf16le", [0x3D, 0xD8], [], "\ud83d"),
        ("utf16le", [0x3D, 0xD8], [0x61, 0x00], "\ud83da"),
        ("utf16le", [0x3D, 0xD8], [0x4D, 0xDC], "\U0001f44d"),
        ("utf16le", [0x3D, 0xD8, 0x4D], [], "\ud83d"),
        ("utf16le", [0x3D, 0xD8, 0x4D], [0x61, 0x00], "\ud83da"),
        ("utf16le", [0x3D, 0xD8, 0x4D], [0xDC], "\ud83d"),
        ("utf16le", [0x3D, 0xD8, 0x4D, 0xDC], [0x61, 0x00], "\U0001f44da"),
        ("base64", [0x61], [], "YQ=="),
        ("base64", [0x61], [0x61], "YQ==YQ=="),
        ("base64", [0x61, 0x61], [], "YWE="),
        ("base64", [0x61, 0x61], [0x61], "YWE=YQ=="),
        ("base64", [0x61, 0x61, 0x61], [], "YWFh"),
        ("base64", [0x61, 0x61, 0x61], [0x61], "YWFhYQ=="),
        ("base64url", [0x61], [], "YQ"),
        ("base64url", [0x61], [0x61], "YQYQ"),
        ("base64url", [0x61, 0x61], [], "YWE"),
        ("base64url", [0x61, 0x61], [0x61], "YWEYQ"),
        ("base64url", [0x61, 0x61, 0x61], [], "YWFh"),
        ("base64url", [0x61, 0x61, 0x61], [0x61], "YWFhYQ"),
    ],
)
def test_end_flushes_and_resets(
    encoding: str, incomplete: list[int], following: list[int], expected: str
) -> None:
    decoder = StringDecoder(encoding)
    parts = [decoder.write(bytes(incomplete)), decoder.end()]
    parts += [decoder.write(bytes(following)), decoder.end()]
    assert js_concat(*parts) == expected


def test_end_with_a_final_chunk() -> None:
    decoder = StringDecoder("utf8")
    assert decoder.write(b"\xe2") == ""
    assert decoder.end(b"\x82\xac") == "€"
    assert decoder.end(b"\xe2\x82") == "\ufffd"
    assert decoder.end("text") == "text"


def test_last_char_shares_memory_with_the_decoder_like_node() -> None:
    """Node's ``lastChar`` is a live view of the decoder's 4-byte scratch array."""
    decoder = StringDecoder("utf16le")
    view = decoder.last_char
    assert decoder.write(b"\x3d\xd8") == ""
    assert bytes(view) == b"\x3d\xd8\x00\x00"
    assert (decoder.last_need, decoder.last_total) == (2, 4)
    assert decoder.end() == "\ud83d"
    # Flushing resets the counters, not the bytes: Node's stale bytes stay visible.
    assert bytes(decoder.last_char) == b"\x3d\xd8\x00\x00"
    assert (decoder.last_need, decoder.last_total) == (0, 0)


def test_repr_and_encoding() -> None:
    assert repr(StringDecoder("UCS-2")) == "StringDecoder(encoding='utf16le')"
    assert StringDecoder("BINARY").encoding == "latin1"
    assert StringDecoder("").encoding == "utf8"
