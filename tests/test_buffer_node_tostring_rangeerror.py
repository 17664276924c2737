"""Node's ``test-buffer-tostring-rangeerror.js`` and the string-length case of
``test-string-decoder.js``: no string longer than ``constants.MAX_STRING_LENGTH``.

Node (V8) cannot make a string of more than ``0x1fffffe8`` UTF-16 units; ``buf.toString()``
and ``StringDecoder`` raise ``ERR_STRING_TOO_LONG`` (a plain ``Error``) instead. Node decides
before decoding, from the byte count alone (even UTF-8 is refused by byte length: 4-byte
characters that would make half as many units are refused all the same). The boundaries come
from ``tests/oracles/oracle_string_too_long.js`` (``fixtures/buffer/string_too_long.json``).

The big inputs are views of an anonymous ``mmap``: its pages are zero and never touched,
because the refusal happens before any byte is read, so these tests cost no real memory.
"""

from __future__ import annotations

import json
import mmap
from collections.abc import Iterator
from pathlib import Path

import pytest

from trio_nodecompat import errors
from trio_nodecompat._internal import encodings
from trio_nodecompat.buffer import Buffer, constants
from trio_nodecompat.string_decoder import StringDecoder

ORACLE = json.loads(
    (Path(__file__).parent / "fixtures" / "buffer" / "string_too_long.json").read_text()
)
M = constants.MAX_STRING_LENGTH
MESSAGE = "Cannot create a string longer than 0x1fffffe8 characters"
ENCODINGS = sorted(ORACLE["encodings"])


@pytest.fixture(scope="module")
def huge() -> Iterator[Buffer]:
    """A Buffer of ``2 * M + 2`` untouched zero bytes (virtual memory only)."""
    area = mmap.mmap(-1, 2 * M + 2)
    yield Buffer.from_(memoryview(area))


def test_the_oracle_is_this_limit() -> None:
    assert ORACLE["MAX_STRING_LENGTH"] == M == 0x1FFFFFE8


def check_refused(exc: pytest.ExceptionInfo[BaseException]) -> None:
    assert isinstance(exc.value, errors.ERR_STRING_TOO_LONG)
    assert exc.value.code == "ERR_STRING_TOO_LONG"
    # Node's is a plain Error, not a RangeError.
    assert not isinstance(exc.value, ValueError | TypeError)
    assert str(exc.value) == MESSAGE == ORACLE["encodings"]["utf8"]["past_max"]["message"]


def test_node_cases(huge: Buffer) -> None:
    # Buffer(len), SlowBuffer(len), Buffer.alloc(len), allocUnsafe, allocUnsafeSlow, each
    # .toString('utf8'): all are plain Buffers of MAX_STRING_LENGTH + 1 bytes here.
    too_long = huge.subarray(0, M + 1)
    with pytest.raises(errors.ERR_STRING_TOO_LONG) as exc:
        too_long.to_string("utf8")
    check_refused(exc)
    with pytest.raises(errors.ERR_STRING_TOO_LONG):
        too_long.to_string()


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_one_byte_past_the_boundary_is_refused(huge: Buffer, encoding: str) -> None:
    case = ORACLE["encodings"][encoding]
    assert case["past_max"]["error"] == "ERR_STRING_TOO_LONG"
    with pytest.raises(errors.ERR_STRING_TOO_LONG) as exc:
        huge.subarray(0, case["max_bytes"] + 1).to_string(encoding)
    check_refused(exc)


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_the_boundary_is_nodes(encoding: str) -> None:
    # Node decodes max_bytes (to a string of at most M units) and refuses one byte more.
    case = ORACLE["encodings"][encoding]
    assert case["at_max"]["ok"] <= M
    assert encodings.max_decodable_bytes(encoding) == case["max_bytes"]


def test_a_range_under_the_limit_decodes(huge: Buffer) -> None:
    # toString(enc, start, end) looks at the bytes of the range only.
    assert huge.to_string("hex", 0, 4) == "00000000"
    assert huge.to_string("latin1", 2 * M, 2 * M + 2) == "\0\0"


def test_utf8_is_refused_by_byte_length(huge: Buffer) -> None:
    assert ORACLE["utf8_astral_past_max"]["error"] == "ERR_STRING_TOO_LONG"
    with pytest.raises(errors.ERR_STRING_TOO_LONG):
        huge.subarray(0, M + 4).to_string("utf-8")


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_string_decoder(huge: Buffer, encoding: str) -> None:
    # test-string-decoder.js: new StringDecoder().write(Buffer.alloc(0x1fffffe8 + 1)) throws.
    case = ORACLE["encodings"][encoding]
    chunk = huge.subarray(0, case["max_bytes"] + 1)
    if "error" in case["decoder_past_max"]:
        with pytest.raises(errors.ERR_STRING_TOO_LONG) as exc:
            StringDecoder(encoding).write(chunk)
        check_refused(exc)
        with pytest.raises(errors.ERR_STRING_TOO_LONG):
            StringDecoder(encoding).end(chunk)
    else:
        # base64 keeps the byte past the last whole group back, so the rest fits: Node
        # returns it. Decoding it for real would cost 1 GB here; the boundary test above
        # covers the length rule.
        assert encoding in {"base64", "base64url"}
        assert (case["max_bytes"] + 1) % 3 == 1
