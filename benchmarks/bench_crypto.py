"""crypto speed (stdlib half): hashes and random bytes against the hashlib / os floor.

- ``create_hash('sha256').update(1 MiB).digest()`` against ``hashlib.sha256(data).digest()``:
  throughput, so the ratio must stay within 1 / 0.95 (SPEC 18: >= 0.95x hashlib's throughput).
- A 64-byte ``create_hash('sha256').update(b).digest('hex')`` against
  ``hashlib.sha256(b).hexdigest()``: the per-call overhead of the Node-shaped API, <= 2x.
- ``random_bytes(32)`` against ``os.urandom(32)``, <= 2x.
- Reported only: ``create_hmac`` against ``hmac.new``, ``crypto.hash`` (the one-shot), and two
  bounds: :class:`MinimalHash` (the cheapest pure-Python class with Hash's shape) and
  ``Buffer._own(os.urandom(32))`` (the Buffer that ``random_bytes`` must return), each against
  the same floor, so the report shows how much of a ratio is the Node-shaped API itself.

Where the 64-byte row's time goes: three Python-level calls (``create_hash``, ``update``,
``digest``) around hashlib's work, as for any pure-Python class of that shape: the MinimalHash
row is that bound (about 2x on CPython 3.11-3.13), so the 2x target sits on the floor.
``create_hash`` makes the Hash without calling the class (no EventEmitter ``__new__``, no
``__init__`` frame): its listener tables and stream state are built on first use.
``random_bytes(32)`` is served from the entropy cache (``crypto._entropy``): one ``bytearray``
filled by a single ``BytesIO.readinto`` and the Buffer around it, instead of a system call
and a copy; the ``Buffer._own(os.urandom(32))`` row shows what the uncached path would cost.

Short operations run ``BATCH`` times per timed call on both sides (as bench_events does), so
the harness's call overhead does not flatten the ratios.

Run: ``/work/venv/bin/python -m benchmarks.bench_crypto`` (``--quick`` for a short run).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import sys
from collections.abc import Callable

from benchmarks._harness import Result, compare
from trio_nodecompat.buffer import Buffer
from trio_nodecompat.crypto import create_hash, create_hmac, hash, random_bytes

BATCH = 100


class MinimalHash:
    """The least a Python class with Node's Hash shape can do: one slot write per call, a
    finalized check, hashlib underneath. A reported row times it, to show how much of the
    64-byte ratio any pure-Python Hash pays (three Python-level calls and one object)."""

    __slots__ = ("_handle", "_finalized")

    def __init__(self, algorithm: str) -> None:
        self._handle = hashlib.sha256()
        self._finalized = False

    def update(self, data: bytes) -> MinimalHash:
        if self._finalized:
            raise ValueError("Digest already called")
        self._handle.update(data)
        return self

    def digest(self, encoding: str) -> str:
        if self._finalized:
            raise ValueError("Digest already called")
        self._finalized = True
        return str(self._handle.hexdigest())


def batched(body: str, namespace: dict[str, object]) -> Callable[[], None]:
    """A function running the expression ``body`` ``BATCH`` times (10 x 10 written out)."""
    lines = "\n".join(["        " + body] * 10)
    params = ", ".join(f"{k}={k}" for k in namespace)
    source = f"def run({params}):\n    for _ in range({BATCH // 10}):\n{lines}\n"
    scope: dict[str, object] = dict(namespace)
    exec(source, scope)
    run: Callable[[], None] = scope["run"]  # type: ignore[assignment]
    return run


def run(quick: bool = False) -> list[Result]:
    """The stdlib-half rows of SPEC 18."""
    big = os.urandom(1 << 20)
    small = os.urandom(64)
    rows = [
        compare(
            "crypto",
            "create_hash('sha256').update(1 MiB).digest()",
            lambda: create_hash("sha256").update(big).digest(),
            "hashlib.sha256(data).digest()",
            lambda: hashlib.sha256(big).digest(),
            target=">= 0.95x throughput",
            max_ratio=1 / 0.95,
            quick=quick,
        ),
        compare(
            "crypto",
            "64-byte create_hash('sha256')...digest('hex')",
            batched(
                "create_hash('sha256').update(b).digest('hex')",
                {"create_hash": create_hash, "b": small},
            ),
            "hashlib.sha256(b).hexdigest()",
            batched("sha256(b).hexdigest()", {"sha256": hashlib.sha256, "b": small}),
            target="<= 2x",
            max_ratio=2.0,
            quick=quick,
        ),
        compare(
            "crypto",
            "64-byte MinimalHash('sha256')...digest('hex') (bound)",
            batched(
                "MinimalHash('sha256').update(b).digest('hex')",
                {"MinimalHash": MinimalHash, "b": small},
            ),
            "hashlib.sha256(b).hexdigest()",
            batched("sha256(b).hexdigest()", {"sha256": hashlib.sha256, "b": small}),
            target="report",
            quick=quick,
        ),
        compare(
            "crypto",
            "random_bytes(32)",
            batched("random_bytes(32)", {"random_bytes": random_bytes}),
            "os.urandom(32)",
            batched("urandom(32)", {"urandom": os.urandom}),
            target="<= 2x",
            max_ratio=2.0,
            quick=quick,
        ),
        compare(
            "crypto",
            "Buffer._own(os.urandom(32)) (bound)",
            batched("own(urandom(32))", {"own": Buffer._own, "urandom": os.urandom}),
            "os.urandom(32)",
            batched("urandom(32)", {"urandom": os.urandom}),
            target="report",
            quick=quick,
        ),
        compare(
            "crypto",
            "64-byte crypto.hash('sha256', b)",
            batched("hash('sha256', b)", {"hash": hash, "b": small}),
            "hashlib.sha256(b).hexdigest()",
            batched("sha256(b).hexdigest()", {"sha256": hashlib.sha256, "b": small}),
            target="report",
            quick=quick,
        ),
        compare(
            "crypto",
            "64-byte create_hmac('sha256', k)...digest('hex')",
            batched(
                "create_hmac('sha256', k).update(b).digest('hex')",
                {"create_hmac": create_hmac, "k": small[:32], "b": small},
            ),
            "hmac.new(k, b, 'sha256').hexdigest()",
            batched(
                "new(k, b, 'sha256').hexdigest()", {"new": hmac.new, "k": small[:32], "b": small}
            ),
            target="report",
            quick=quick,
        ),
    ]
    return rows


if __name__ == "__main__":
    from benchmarks.__main__ import render_text, table_rows

    print(render_text(table_rows(run(quick="--quick" in sys.argv))))
