"""``Buffer.from_(array.array)``: Node's ``Buffer.from(typedArray)``, one byte per element.

The fixture is Node's own output (``tests/oracles/oracle_buffer_from_typed_array.js`` ->
``tests/fixtures/buffer/from_typed_array.json``).
"""

from __future__ import annotations

import json
import sys
from array import array
from pathlib import Path
from typing import Any

import pytest

from trio_nodecompat import Buffer

CASES: list[dict[str, Any]] = json.loads(
    (Path(__file__).parent / "fixtures" / "buffer" / "from_typed_array.json").read_text()
)
TYPECODES = {
    "Int8Array": "b",
    "Uint8Array": "B",
    "Int16Array": "h",
    "Uint16Array": "H",
    "Int32Array": "i",
    "Uint32Array": "I",
    "Float32Array": "f",
    "Float64Array": "d",
    "BigInt64Array": "q",
    "BigUint64Array": "Q",
}
JS_FLOATS = {"NaN": float("nan"), "Infinity": float("inf"), "-Infinity": float("-inf")}


def python_array(case: dict[str, Any]) -> array[Any]:
    code = TYPECODES[case["type"]]
    if code in "fd":
        return array(code, [JS_FLOATS.get(v) or float(v) for v in case["values"]])
    return array(code, [int(v) for v in case["values"]])


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['type']}-{len(c['values'])}")
def test_buffer_from_typed_array_matches_node(case: dict[str, Any]) -> None:
    source = python_array(case)
    if "error" in case:
        with pytest.raises(TypeError, match=case["message"]):
            Buffer.from_(source)
        return
    made = Buffer.from_(source)
    assert list(made) == case["bytes"]
    # A copy: changing the array afterwards leaves the Buffer as it was.
    if len(source):
        before = list(made)
        source[0] = source[0] + 1
        assert list(made) == before


def test_a_text_array_is_copied_byte_for_byte() -> None:
    text = array("w" if sys.version_info >= (3, 13) else "u", "hé")  # 'u' is deprecated in 3.13
    assert bytes(Buffer.from_(text)) == text.tobytes()
