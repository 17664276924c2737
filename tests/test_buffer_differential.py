"""Differential tests: every case Node's own ``node:buffer`` answered, replayed on our Buffer.

The fixtures ``tests/fixtures/buffer/cases_seed*.jsonl`` were produced by Node 20 running
``tests/fixtures/buffer/oracle_buffer.js`` (regenerate with
``node oracle_buffer.js --seed 1 --n 3000 > cases_seed1.jsonl``; seeds 2 and 3 with
``--no-fixed``). Each case names a Node call (``op``), its receiver (``this``, hex) and
arguments; we make the same call through the Python names of SPEC section 2 and check:

* a result: the same value (Buffers by their bytes), and the receiver (``this_after``) and
  ``copy``'s target (``target_after``) hold the same bytes afterwards;
* an error: we raise a :class:`~trio_nodecompat.errors.NodeError` with Node's ``code``; where
  Node's message names no Python-visible type, the same message; and the receiver is unchanged;
* ``coerce.*`` cases probe JavaScript's argument coercion (fractional or NaN offsets, strings
  as numbers), and so do plain JS objects passed where a number goes. We either give Node's
  answer or reject the argument with a Node-coded error and leave the receiver untouched
  (documented in docs/modules/buffer.rst).
* JS ``null`` arguments: Python has one ``None``, which this package reads as "omitted"
  (``undefined``). For those cases ``null_as_undefined.jsonl`` (made by
  ``null_as_undefined.js``) holds Node's answer with ``undefined`` in that place, and that is
  the answer we must give.
* ``swap16/32/64`` return the receiver; the oracle records its length.
* ``write*.number_arg``: Node refuses a JS number where a BigInt goes (``writeBigInt64LE(5)``,
  a plain TypeError). A Python ``int`` is both, so an integral value is the BigInt there: the
  expected bytes are ``int.to_bytes`` of it (or we may refuse it with a Node-coded error).

Every case in the fixtures runs: the numeric ``read*``/``write*``/``swap*`` cases included.
"""

from __future__ import annotations

import json
import math
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from trio_nodecompat.buffer import Buffer
from trio_nodecompat.errors import NodeError

FIXTURES = Path(__file__).parent / "fixtures" / "buffer"

_NAMES = {
    "toString": "to_string",
    "toJSON": "to_json",
    "indexOf": "index_of",
    "lastIndexOf": "last_index_of",
    "byteLength": "byte_length",
    "isEncoding": "is_encoding",
    "from": "from_",
}


def python_name(node_name: str) -> str:
    """``readUInt32LE`` -> ``read_uint32_le``, ``toJSON`` -> ``to_json`` (SPEC section 2)."""
    if node_name in _NAMES:
        return _NAMES[node_name]
    name = node_name.replace("UInt", "Uint")
    suffix = ""
    match = re.fullmatch(r"(.*?)(LE|BE)", name)
    if match:
        name, suffix = match.group(1), "_" + match.group(2).lower()
    return re.sub(r"(?<!^)([A-Z])", r"_\1", name).lower() + suffix


def decode_value(value: Any) -> Any:
    """The oracle's JSON value encoding -> Python values (see the oracle's header)."""
    if isinstance(value, list):
        return [decode_value(v) for v in value]
    if isinstance(value, dict):
        if "buf" in value:
            return Buffer.from_(bytes.fromhex(value["buf"]))
        if "num" in value:
            return {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf, "-0": -0.0}[
                value["num"]
            ]
        if "u8" in value:
            return bytearray.fromhex(value["u8"])
        if "undefined" in value:
            return None
        if "bigint" in value:
            return int(value["bigint"])
        if "object" in value:
            return {k: decode_value(v) for k, v in value["object"].items()}
    return value


def same(ours: Any, expected_json: Any) -> bool:
    """Is our return value the value Node returned?"""
    if isinstance(expected_json, dict) and "buf" in expected_json:
        return type(ours) is Buffer and bytes(ours).hex() == expected_json["buf"]
    expected = decode_value(expected_json)
    if isinstance(expected, float) and math.isnan(expected):
        return isinstance(ours, float) and math.isnan(ours)
    if isinstance(expected, bool) or isinstance(ours, bool):
        return type(ours) is type(expected) and ours == expected
    if isinstance(expected, int | float) and not isinstance(expected, bool):
        if not isinstance(ours, int | float) or ours != expected:
            return False
        if ours == 0 and isinstance(expected, float) and isinstance(ours, float):
            return math.copysign(1, ours) == math.copysign(1, expected)
        return True
    return bool(ours == expected)


#: Codes whose Node message mentions no JS-only type name: we must match it word for word.
EXACT_MESSAGE_CODES = {
    "ERR_OUT_OF_RANGE",
    "ERR_BUFFER_OUT_OF_BOUNDS",
    "ERR_UNKNOWN_ENCODING",
    "ERR_INVALID_BUFFER_SIZE",
}


def call(case: dict[str, Any]) -> tuple[Any, Buffer | None, list[Any]]:
    op: str = case["op"]
    args = [decode_value(a) for a in case.get("args", [])]
    owner, _, method = op.partition(".")
    if owner == "Buffer":
        receiver = None
        fn = getattr(Buffer, python_name(method))
    else:
        receiver = Buffer.from_(bytes.fromhex(case["this"]))
        fn = getattr(receiver, python_name(method))
    return fn, receiver, args


def _load_null_variants() -> dict[tuple[str, int], dict[str, Any]]:
    table = {}
    for line in (FIXTURES / "null_as_undefined.jsonl").read_text("utf-8").splitlines():
        row = json.loads(line)
        table[(row["file"], row["id"])] = row["result"]
    return table


NULL_VARIANTS = _load_null_variants()


def _js_only(args: list[Any]) -> bool:
    return any(isinstance(a, dict) and "object" in a for a in args)


def _bigint_write(case: dict[str, Any], args: list[Any]) -> dict[str, Any]:
    """What ``writeBig(U)Int64(LE|BE)(BigInt(value), offset)`` does: Python's ``int`` is a BigInt."""
    match = re.fullmatch(r"buf\.writeBig(U?)Int64(LE|BE)", case["op"])
    assert match, case["op"]
    value, offset = args[0], (args[1] if len(args) > 1 else 0)
    data = bytearray.fromhex(case["this"])
    if not 0 <= offset <= len(data) - 8:
        message = (
            f'The value of "offset" is out of range. It must be >= 0 and <= {len(data) - 8}. '
            f"Received {offset}"
        )
        return {"error": "ERR_OUT_OF_RANGE", "message": message, "this_after": case["this"]}
    order = "little" if match.group(2) == "LE" else "big"
    data[offset : offset + 8] = value.to_bytes(8, order, signed=not match.group(1))
    return {"ret": offset + 8, "this_after": data.hex()}


def check_case(case: dict[str, Any]) -> str | None:
    """None if we agree with Node on this case, else a description of the difference."""
    fn, receiver, args = call(case)
    before = bytes(receiver).hex() if receiver is not None else None
    result = case["result"]
    if any(a is None for a in case.get("args", [])):
        result = NULL_VARIANTS[(case["file"], case["id"])]
    coerce = case["cat"].startswith("coerce.") or _js_only(case.get("args", []))
    if case["cat"].endswith(".number_arg") and isinstance(args[0], int):
        result = _bigint_write(case, args)
    try:
        ours = fn(*args)
    except NodeError as err:
        if "error" in result:
            if result["error"] is not None and err.code != result["error"]:
                return f"code {err.code} ({err}) != Node's {result['error']}"
            if err.code in EXACT_MESSAGE_CODES and err.message != result["message"]:
                return f"message {err.message!r} != Node's {result['message']!r}"
            if err.code == "ERR_INVALID_ARG_TYPE":
                head = result["message"].split(". Received")[0]
                if err.message.split(". Received")[0] != head:
                    return f"message {err.message!r} != Node's {result['message']!r}"
        elif not coerce:
            return f"raised {err!r}, Node returned {result.get('ret')!r}"
        if receiver is not None and bytes(receiver).hex() != before:
            return "an error left the receiver changed"
        return None
    except Exception as err:  # anything not Node-coded is a bug
        return f"raised a non-Node error {err!r}"
    if "error" in result:
        return f"returned {ours!r}, Node raised {result['error']} ({result['message']})"
    if case["op"].startswith("buf.swap"):
        if ours is not receiver or len(receiver) != result["ret"]:
            return f"returned {ours!r}, not the receiver"
    elif not same(ours, result["ret"]):
        return f"returned {ours!r}, Node returned {result['ret']!r}"
    if "this_after" in result and bytes(receiver).hex() != result["this_after"]:  # type: ignore[arg-type]
        return f"receiver is {bytes(receiver).hex()}, Node's is {result['this_after']}"  # type: ignore[arg-type]
    if "target_after" in result and bytes(args[0]).hex() != result["target_after"]:
        return f"target is {bytes(args[0]).hex()}, Node's is {result['target_after']}"
    return None


def load_cases() -> dict[str, list[dict[str, Any]]]:
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for path in sorted(FIXTURES.glob("cases_seed*.jsonl")):
        for line in path.read_text().splitlines():
            case = json.loads(line)
            case["file"] = path.name
            groups[case["op"]].append(case)
    return dict(sorted(groups.items()))


CASES = load_cases()


def test_fixtures_are_there() -> None:
    assert sum(len(v) for v in CASES.values()) > 9000


@pytest.mark.parametrize("op", list(CASES))
def test_matches_node(op: str) -> None:
    failures = []
    for case in CASES[op]:
        problem = check_case(case)
        if problem is not None:
            failures.append(
                f"{case['file']}#{case['id']} [{case['cat']}] {case.get('this')} "
                f"{case.get('args')}: {problem}"
            )
    assert not failures, f"{len(failures)} of {len(CASES[op])} differ:\n" + "\n".join(failures[:15])


def test_python_names() -> None:
    assert python_name("readUInt32LE") == "read_uint32_le"
    assert python_name("readUint32BE") == "read_uint32_be"
    assert python_name("readBigUInt64LE") == "read_big_uint64_le"
    assert python_name("writeIntBE") == "write_int_be"
    assert python_name("swap16") == "swap16"
    assert python_name("toJSON") == "to_json"
    assert python_name("readDoubleLE") == "read_double_le"
