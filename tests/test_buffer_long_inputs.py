"""Long inputs against Node: the chunked fast paths must give Node's bytes at every boundary.

``_internal/encodings.py`` decodes clean base64 65536 characters at a time and encodes 49152
bytes at a time, and only irregular input takes the lenient path. The short strings of the
differential fixtures never reach a second chunk, so ``fixtures/buffer/long_input_cases.js``
asks Node about strings of 49,152 to 196,609 characters with trouble (``=``, whitespace, the
other alphabet, non-ASCII, lone surrogates, bad hex digits) placed at, just before and just
after the chunk boundaries. The strings are rebuilt here from the stored recipe; Node's
answers are stored as lengths and SHA-256 digests.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from trio_nodecompat.buffer import Buffer

CASES: list[dict[str, Any]] = json.loads(
    (Path(__file__).parent / "fixtures" / "buffer" / "long_input_cases.json").read_text()
)
ENCODINGS = ("utf8", "utf16le", "latin1", "ascii", "hex", "base64", "base64url")


def build(case: dict[str, Any]) -> str:
    """The recipe of the generator: SHAKE256 picks code units of the alphabet, then inserts.

    Built as UTF-16LE bytes, where positions count code units as they do in JS: the low and
    high byte of each picked unit come from two ``bytes.translate`` tables, interleaved.
    """
    units = case["alphabet"].encode("utf-16-le", "surrogatepass")
    count = len(units) // 2
    digest = hashlib.shake_256(str(case["seed"]).encode()).digest(case["n"])
    indexes = digest.translate(bytes(b % count for b in range(256)))
    low = bytes(units[2 * (i % count)] for i in range(256))
    high = bytes(units[2 * (i % count) + 1] for i in range(256))
    raw = bytearray(2 * case["n"])
    raw[0::2] = indexes.translate(low)
    raw[1::2] = indexes.translate(high)
    for position, insert in case["inserts"]:
        raw[2 * position : 2 * position] = insert.encode("utf-16-le", "surrogatepass")
    return raw.decode("utf-16-le", "surrogatepass")


def sha256(data: bytes | Buffer) -> str:
    return hashlib.sha256(bytes(data)).hexdigest()


def sha256_text(text: str) -> str:
    return sha256(text.encode("utf-16-le", "surrogatepass"))


def test_fixture_crosses_every_chunk_boundary() -> None:
    assert len(CASES) >= 60
    assert {case["encoding"] for case in CASES} == set(ENCODINGS)
    assert max(case["n"] for case in CASES) > 2 * 65536
    assert sum(bool(case["inserts"]) for case in CASES) > 30


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['encoding']}-{c['n']}-{c['seed']}")
def test_long_input_matches_node(case: dict[str, Any]) -> None:
    text = build(case)
    encoding = case["encoding"]
    buf = Buffer.from_(text, encoding)
    assert (len(buf), sha256(buf)) == (case["from"]["length"], case["from"]["sha256"])
    assert Buffer.byte_length(text, encoding) == case["byte_length"]
    for name in ENCODINGS:
        assert sha256_text(buf.to_string(name)) == case["to_string"][name], name
    spec = case["write"]
    target = Buffer.alloc(spec["size"], 0xEE)
    assert target.write(text, spec["offset"], spec["length"], encoding) == spec["ret"]
    assert sha256(target) == spec["sha256"]
