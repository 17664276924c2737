"""Buffer's numeric reads, writes and swaps against Node, case by case.

``tests/oracles/oracle_buffer_numeric.js`` asked Node 20 (seeded, random widths, values near
and past every limit, float32 rounding edges, bad offsets and byte lengths); its answers are
``tests/fixtures/buffer_numeric/cases.jsonl``. Each case must give Node's return value (bit
for bit for floats) or raise Node's code with Node's message, and leave the bytes as Node
left them.
"""

from __future__ import annotations

import json
import math
import re
import struct
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from trio_nodecompat._buffer_numeric import BufferNumericMixin
from trio_nodecompat.buffer import Buffer
from trio_nodecompat.errors import NodeError

FIXTURES = Path(__file__).parent / "fixtures" / "buffer_numeric" / "cases.jsonl"
CASES: list[dict[str, Any]] = [json.loads(line) for line in FIXTURES.read_text().splitlines()]


class MemOnly(BufferNumericMixin):
    """The mixin's whole contract: a ``_mem`` view and nothing else of Buffer's."""

    __slots__ = ("_mem",)

    def __init__(self, data: bytes) -> None:
        self._mem = memoryview(bytearray(data))

    def __bytes__(self) -> bytes:
        return bytes(self._mem)


MAKERS: dict[str, Callable[[bytes], Any]] = {"Buffer": Buffer.from_, "mixin-only": MemOnly}

SPECIAL = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf, "-0": -0.0}


def python_name(op: str) -> str:
    """``readBigUInt64LE`` -> ``read_big_uint64_le`` (SPEC section 2)."""
    name = op.replace("UInt", "Uint")
    name = re.sub(r"(LE|BE)$", r"_\1", name)
    name = re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name)
    return name.lower()


def value(encoded: Any) -> Any:
    if isinstance(encoded, dict):
        if "num" in encoded:
            return SPECIAL[encoded["num"]]
        if "bigint" in encoded:
            return int(encoded["bigint"])
    return encoded


def same(got: Any, expected: Any) -> bool:
    if isinstance(expected, float) or isinstance(got, float):
        if math.isnan(expected):
            return isinstance(got, float) and math.isnan(got)
        return struct.pack("<d", got) == struct.pack("<d", float(expected))
    return type(got) is type(expected) and got == expected


def test_names_map_to_snake_case() -> None:
    assert python_name("readUInt32LE") == "read_uint32_le"
    assert python_name("readBigUInt64BE") == "read_big_uint64_be"
    assert python_name("writeUIntLE") == "write_uint_le"
    assert python_name("writeDoubleBE") == "write_double_be"
    assert python_name("readInt8") == "read_int8"
    assert python_name("swap16") == "swap16"


def test_fixture_covers_every_method() -> None:
    ops = {python_name(case["op"]) for case in CASES}
    assert len(ops) == 47
    assert sum("error" in case["result"] for case in CASES) > 500


@pytest.mark.parametrize("maker", sorted(MAKERS))
@pytest.mark.parametrize("group", ["read", "write", "swap"])
def test_matches_node(group: str, maker: str) -> None:
    failures = []
    for case in CASES:
        if not case["op"].startswith(group):
            continue
        buf = MAKERS[maker](bytes.fromhex(case["this"]))
        method = getattr(buf, python_name(case["op"]))
        args = [value(a) for a in case["args"]]
        result = case["result"]
        try:
            got = method(*args)
        except NodeError as err:
            if "error" not in result:
                failures.append((case["id"], "raised", repr(err)))
            elif (err.code, err.name, err.message) != (
                result["error"],
                result["name"],
                result["message"],
            ):
                failures.append((case["id"], err.code, err.message, result))
        else:
            if "error" in result:
                failures.append((case["id"], "returned", got, result))
            elif result["ret"] == "this":
                if got is not buf:
                    failures.append((case["id"], "did not return self"))
            elif not same(got, value(result["ret"])):
                failures.append((case["id"], got, result["ret"]))
        if bytes(buf).hex() != case["this_after"]:
            failures.append((case["id"], "bytes", bytes(buf).hex(), case["this_after"]))
    assert not failures, failures[:10]
