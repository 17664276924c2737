"""Deep strict equality speed: a 100,000-node JSON-like tree against ``==`` and against Node.

The tree is deterministic random JSON (dicts of short string keys, lists, ints, floats,
strings, booleans, ``None``), counted as every value in it, containers and leaves alike. The
two sides are two ``json.loads`` of the same text, so no subtree is shared and every string is
a distinct object, the case a real comparison of two payloads meets.

Rows:

- ``deep_strict_equal`` against Python's ``==`` on the same pair: the issue's target,
  at most 10x. Plain data like this is decided by the pickle fast path.
- the same with every dict's keys inserted in reverse order on one side, which the fast path
  cannot decide, so the Python walk does it all: reported against ``==`` too.
- ``deep_strict_equal`` against Node's ``assert.deepStrictEqual`` on the same JSON, timed by
  ``node`` itself with the harness's method (best of 5 runs of at least ``min_time``); the row
  is skipped when ``node`` is not installed.

Run: ``.venv/bin/python -m benchmarks.bench_deep_equal`` (``--quick`` for a short run).
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from benchmarks._harness import Result, best_time, compare
from trio_nodecompat._internal.deep_equal import is_deep_strict_equal
from trio_nodecompat.assert_ import deep_strict_equal

NODES = 100_000

_NODE_SCRIPT = r"""
const fs = require('fs');
const assert = require('assert');
const text = fs.readFileSync(process.argv[2], 'utf8');
const minTime = Number(process.argv[3]);
const a = JSON.parse(text);
const b = JSON.parse(text);
function bestTime(fn) {
  let number = 1;
  let elapsed;
  for (;;) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < number; i++) fn();
    elapsed = Number(process.hrtime.bigint() - start) / 1e9;
    if (elapsed >= minTime) break;
    number *= elapsed > minTime / 10 ? 2 : 10;
  }
  let best = elapsed / number;
  for (let r = 0; r < 4; r++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < number; i++) fn();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9 / number);
  }
  return best;
}
let best = Infinity;
for (let round = 0; round < 3; round++) best = Math.min(best, bestTime(() => assert.deepStrictEqual(a, b)));
console.log(best);
"""


def make_tree(nodes: int = NODES, seed: int = 8) -> list[Any]:
    """A JSON-like list of records holding about ``nodes`` values in all."""
    rng = random.Random(seed)
    count = 0

    def leaf() -> Any:
        kind = rng.random()
        if kind < 0.3:
            return rng.randrange(1_000_000)
        if kind < 0.45:
            return rng.random() * 1000
        if kind < 0.8:
            return "".join(rng.choice("abcdefghij") for _ in range(rng.randrange(3, 12)))
        if kind < 0.92:
            return rng.random() < 0.5
        return None

    def value(depth: int) -> Any:
        nonlocal count
        count += 1
        roll = rng.random()
        if depth >= 5 or roll < 0.65:
            return leaf()
        if roll < 0.8:
            return [value(depth + 1) for _ in range(rng.randrange(1, 8))]
        return {f"field{i}": value(depth + 1) for i in range(rng.randrange(1, 8))}

    tree: list[Any] = []
    while count < nodes:
        count += 1
        tree.append({f"key{i}": value(1) for i in range(rng.randrange(3, 9))})
    return tree


def reverse_key_order(value: Any) -> Any:
    """The same value with every dict's keys inserted in reverse order."""
    if isinstance(value, dict):
        return {k: reverse_key_order(value[k]) for k in reversed(list(value))}
    if isinstance(value, list):
        return [reverse_key_order(v) for v in value]
    return value


def node_seconds(text: str, min_time: float) -> float | None:
    """Seconds per ``assert.deepStrictEqual`` in Node on two parses of ``text``."""
    node = shutil.which("node")
    if node is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "tree.json"
        data.write_text(text)
        script = Path(tmp) / "bench.js"
        script.write_text(_NODE_SCRIPT)
        done = subprocess.run(
            [node, str(script), str(data), str(min_time)],
            capture_output=True,
            text=True,
            timeout=600,
            check=True,
        )
    return float(done.stdout.strip())


def run(quick: bool = False) -> list[Result]:
    """One row per speed target of the deep-equality issue."""
    text = json.dumps(make_tree())
    a = json.loads(text)
    b = json.loads(text)
    reordered = reverse_key_order(json.loads(text))
    assert a == b and is_deep_strict_equal(a, b) and is_deep_strict_equal(a, reordered)

    results = [
        compare(
            "assert",
            "deep_strict_equal, 100k-node JSON tree",
            lambda: deep_strict_equal(a, b),
            "Python ==",
            lambda: a == b,
            target="<= 10x",
            max_ratio=10.0,
            quick=quick,
        ),
        compare(
            "assert",
            "deep_strict_equal, same tree, dict keys reordered (Python walk)",
            lambda: deep_strict_equal(a, reordered),
            "Python ==",
            lambda: a == reordered,
            target="report",
            quick=quick,
        ),
    ]
    node_s = node_seconds(text, 0.01 if quick else 0.05)
    if node_s is not None:
        ours_s = min(
            best_time(lambda: deep_strict_equal(a, b), min_time=0.01 if quick else 0.05)
            for _ in range(3)
        )
        results.append(
            Result(
                "assert",
                "deep_strict_equal, 100k-node JSON tree",
                "Node assert.deepStrictEqual",
                ours_s,
                node_s,
                "report",
                None,
            )
        )
    return results


if __name__ == "__main__":
    for result in run(quick="--quick" in sys.argv):
        met = "-" if result.met is None else ("yes" if result.met else "NO")
        print(
            f"{result.operation:64} vs {result.baseline:28} ratio {result.ratio:6.2f}x  "
            f"(ours {result.ours_s * 1e3:.2f} ms, baseline {result.baseline_s * 1e3:.2f} ms)  "
            f"target {result.target:8} met {met}"
        )
