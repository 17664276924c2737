"""StringDecoder against Node: every write/end output and the partial-character state.

The cases come from ``tests/oracles/oracle_string_decoder.js`` (random bytes shaped per
encoding, cut at random points, after Node's ``test-string-decoder-fuzz.js``); Node's answers
are committed in ``tests/fixtures/string_decoder/cases.jsonl``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from trio_nodecompat.string_decoder import StringDecoder

FIXTURES = Path(__file__).parent / "fixtures" / "string_decoder" / "cases.jsonl"
CASES: list[dict[str, Any]] = [json.loads(line) for line in FIXTURES.read_text().splitlines()]


def test_fixture_covers_every_encoding() -> None:
    assert {case["normalized"] for case in CASES} == {
        "utf8",
        "utf16le",
        "latin1",
        "ascii",
        "hex",
        "base64",
        "base64url",
    }
    assert len(CASES) >= 1000


def _state(decoder: StringDecoder, out: str) -> dict[str, Any]:
    return {
        "out": out,
        "last_char": bytes(decoder.last_char).hex(),
        "last_need": decoder.last_need,
        "last_total": decoder.last_total,
    }


@pytest.mark.parametrize("encoding", sorted({c["normalized"] for c in CASES}))
def test_matches_node_write_by_write(encoding: str) -> None:
    cases = [c for c in CASES if c["normalized"] == encoding]
    for case in cases:
        decoder = StringDecoder(case["encoding"])
        assert decoder.encoding == case["normalized"]
        got = [_state(decoder, decoder.write(bytes.fromhex(chunk))) for chunk in case["chunks"]]
        assert got == case["writes"], case["id"]
        end_chunk = case["end_chunk"]
        out = decoder.end() if end_chunk is None else decoder.end(bytes.fromhex(end_chunk))
        assert _state(decoder, out) == case["end"], case["id"]


@pytest.mark.parametrize("encoding", sorted({c["normalized"] for c in CASES}))
def test_reuse_after_end_starts_clean(encoding: str) -> None:
    """After end() the same decoder decodes the next stream exactly like a fresh one."""
    cases = [c for c in CASES if c["normalized"] == encoding][:60]
    decoder = StringDecoder(encoding)
    for case in cases:
        outs = [decoder.write(bytes.fromhex(chunk)) for chunk in case["chunks"]]
        end_chunk = case["end_chunk"]
        outs.append(decoder.end() if end_chunk is None else decoder.end(bytes.fromhex(end_chunk)))
        assert outs == [w["out"] for w in case["writes"]] + [case["end"]["out"]], case["id"]
