"""A line splitter: a Transform between a Readable and a Writable, ported from Node.

Port of ``examples/node/13-line-splitter.mjs``. The source delivers text in pieces that cut
lines anywhere; ``LineSplitter`` keeps the unfinished tail between chunks and pushes one
object per line (its readable side is in object mode), flushing the last partial line when
the input ends; the sink prints each line and calls back on the next immediate, so it applies
backpressure (a high-water mark of one line). ``pipe`` wires them up, and the events come in
Node's order: the source ends early (everything is buffered downstream), the sink finishes
after the last line, then closes.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import trio_nodecompat
from trio_nodecompat.stream import Readable, Transform, Writable
from trio_nodecompat.timers import set_immediate

PIECES = ["first li", "ne\nsecond", " line\nthi", "rd line\n\nfifth", " line, no newline"]


class LineSplitter(Transform):
    """Text in, one object per line out."""

    def __init__(self) -> None:
        super().__init__(readable_object_mode=True)
        self.rest = ""

    def _transform(self, chunk: Any, encoding: str | None, callback: Callable[..., Any]) -> None:
        lines = (self.rest + chunk.to_string("utf8")).split("\n")
        self.rest = lines.pop()
        for line in lines:
            self.push(line)
        callback()

    def _flush(self, callback: Callable[..., Any]) -> None:
        if self.rest:
            self.push(self.rest)
        callback()


async def main() -> None:
    pieces = list(PIECES)

    def read(self: Readable, size: int) -> None:
        self.push(pieces.pop(0) if pieces else None)

    count = 0

    def write(self: Writable, line: str, encoding: str | None, callback: Any) -> None:
        nonlocal count
        count += 1
        print(f"line {count}: {json.dumps(line)}")
        set_immediate(callback)

    source = Readable(read=read)
    splitter = LineSplitter()
    sink = Writable(object_mode=True, high_water_mark=1, write=write)
    source.on("end", lambda: print("source: end"))
    splitter.on("end", lambda: print("splitter: end"))
    sink.on("finish", lambda: print(f"sink: finish after {count} lines"))
    sink.on("close", lambda: print("sink: close"))
    source.pipe(splitter).pipe(sink)


if __name__ == "__main__":
    trio_nodecompat.run(main)
