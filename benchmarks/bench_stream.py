"""Stream speed and memory: ``Readable -> PassThrough -> Writable`` with ``pipe``.

- Per-chunk cost of the pipe chain against the Trio floor a user would write instead: three
  tasks joined by two memory channels (a producer, one forwarding task per stage, a
  consumer), each channel buffering as many chunks as a high-water mark holds. Both sides run
  the same pre-made Buffers inside their own ``trio.run``, whose start-up is spread over the
  chunks. With 1 KiB chunks the row measures the per-chunk machinery; with 64 KiB chunks,
  how much of it remains when chunks are big.
- Node's own time for the same program (when ``node`` is on PATH): the same three streams
  with the same marks, timed inside Node with ``process.hrtime``; the row's ratio is ours /
  Node's.
- Memory: a 1 GiB source (quick: 16 MiB) behind a slow consumer (its write callback waits
  for the next immediate); the peak number of bytes each stage holds (readable plus writable buffers) is
  sampled at every write and compared with twice the high-water mark (the row's ratio is
  peak / (2 x mark); the report's time columns hold the byte counts, 1 kB shown as 1 µs).

Run: ``/work/venv/bin/python -m benchmarks.bench_stream`` (``--quick`` for a short run).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from typing import Any

import trio

import trio_nodecompat
from benchmarks._harness import Result, compare
from trio_nodecompat.buffer import Buffer
from trio_nodecompat.stream import PassThrough, Readable, Writable
from trio_nodecompat.timers import set_immediate

HWM = 64 * 1024


def stream_chain(chunks: list[Buffer]) -> None:
    """Readable -> PassThrough -> Writable with pipe, over ``chunks``, in its own loop."""

    async def main() -> None:
        it = iter(chunks)

        def read(self: Readable, size: int) -> None:
            self.push(next(it, None))

        def write(self: Writable, chunk: Any, encoding: Any, callback: Any) -> None:
            callback()

        source = Readable(read=read, high_water_mark=HWM)
        middle = PassThrough(high_water_mark=HWM)
        sink = Writable(write=write, high_water_mark=HWM)
        source.pipe(middle).pipe(sink)

    trio_nodecompat.run(main)


def channel_chain(chunks: list[Buffer], buffer: int) -> None:
    """The Trio floor: producer -> forwarding task -> consumer over two memory channels."""

    async def produce(send: trio.MemorySendChannel[Buffer]) -> None:
        async with send:
            for chunk in chunks:
                await send.send(chunk)

    async def forward(
        receive: trio.MemoryReceiveChannel[Buffer], send: trio.MemorySendChannel[Buffer]
    ) -> None:
        async with receive, send:
            async for chunk in receive:
                await send.send(chunk)

    async def consume(receive: trio.MemoryReceiveChannel[Buffer]) -> None:
        async with receive:
            async for _chunk in receive:
                pass

    async def main() -> None:
        send1, receive1 = trio.open_memory_channel[Buffer](buffer)
        send2, receive2 = trio.open_memory_channel[Buffer](buffer)
        async with trio.open_nursery() as nursery:
            nursery.start_soon(produce, send1)
            nursery.start_soon(forward, receive1, send2)
            nursery.start_soon(consume, receive2)

    trio.run(main)


_NODE_SCRIPT = r"""
const { Readable, PassThrough, Writable } = require('stream');
const [count, size, hwm, rounds] = process.argv.slice(1).map(Number);
const chunks = Array.from({ length: count }, () => Buffer.alloc(size));
function once() {
  return new Promise((resolve) => {
    let i = 0;
    const source = new Readable({ highWaterMark: hwm, read() {
      this.push(i < chunks.length ? chunks[i++] : null); } });
    const middle = new PassThrough({ highWaterMark: hwm });
    const sink = new Writable({ highWaterMark: hwm, write(c, e, cb) { cb(); } });
    sink.on('finish', resolve);
    source.pipe(middle).pipe(sink);
  });
}
(async () => {
  await once();  // warm the JIT up first, as a long-running Node program would be
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint();
    await once();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
  }
  console.log(JSON.stringify({ seconds: best }));
})();
"""


def node_time(count: int, size: int, rounds: int, script: str = _NODE_SCRIPT) -> float | None:
    """Node's best time for ``script`` (default: the same chain), or None without ``node``.

    The script reads ``count size hwm rounds`` from its arguments and prints
    ``{"seconds": best}``; ``bench_stream_pipeline`` runs its pipeline through this too.
    """
    node = shutil.which("node")
    if node is None:
        return None
    result = subprocess.run(
        [node, "-e", script, str(count), str(size), str(HWM), str(rounds)],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    seconds: float = json.loads(result.stdout)["seconds"]
    return seconds


def slow_consumer_peaks(total: int, size: int) -> dict[str, int]:
    """Peak bytes held per stage while a slow sink drains a ``total``-byte source."""
    peaks = {"source": 0, "passthrough": 0, "sink": 0}
    chunk = Buffer.alloc(size)

    async def main() -> None:
        produced = 0

        def read(self: Readable, n: int) -> None:
            nonlocal produced
            if produced >= total:
                self.push(None)
            else:
                produced += size
                self.push(chunk)

        def write(self: Writable, data: Any, encoding: Any, callback: Any) -> None:
            held = {
                "source": source.readable_length,
                "passthrough": middle.readable_length + middle.writable_length,
                "sink": sink.writable_length,
            }
            for stage, value in held.items():
                peaks[stage] = max(peaks[stage], value)
            set_immediate(callback)

        source = Readable(read=read, high_water_mark=HWM)
        middle = PassThrough(high_water_mark=HWM)
        sink = Writable(write=write, high_water_mark=HWM)
        source.pipe(middle).pipe(sink)

    trio_nodecompat.run(main)
    return peaks


def _size(total: int) -> str:
    """``1 GiB`` or ``16 MiB``: the row names the transfer as SPEC 18 does."""
    return f"{total >> 30} GiB" if total >= 1 << 30 else f"{total >> 20} MiB"


def run(quick: bool = False) -> list[Result]:
    """The stream rows of SPEC 18 (per-chunk ratio, Node's time, memory under a slow sink)."""
    rows = []
    count = 300 if quick else 2000
    for size in (1024, 64 * 1024):
        chunks = [Buffer.alloc(size) for _ in range(count)]
        buffer = max(1, HWM // size)
        result = compare(
            "stream",
            f"pipe Readable->PassThrough->Writable, {size // 1024} KiB chunks, per chunk",
            lambda chunks=chunks: stream_chain(chunks),
            f"Trio memory channels, a task per stage (buffer {buffer})",
            lambda chunks=chunks, buffer=buffer: channel_chain(chunks, buffer),
            target="<= 2.5x" if size == 1024 else "<= 1.5x",
            max_ratio=2.5 if size == 1024 else 1.5,
            quick=quick,
        )
        per_chunk = Result(
            result.area,
            result.operation,
            result.baseline,
            result.ours_s / count,
            result.baseline_s / count,
            result.target,
            result.met,
        )
        rows.append(per_chunk)
        node_s = node_time(count, size, 10)
        if node_s is not None:
            rows.append(
                Result(
                    "stream",
                    f"the same pipe chain, {size // 1024} KiB chunks, per chunk",
                    "Node 20, the same program",
                    per_chunk.ours_s,
                    node_s / count,
                    "report",
                    None,
                )
            )
    total = (16 if quick else 1024) << 20  # SPEC 18's 1 GiB: about 1.5 s here
    peaks = slow_consumer_peaks(total, 64 * 1024)
    for stage, peak in peaks.items():
        rows.append(
            Result(
                "stream",
                f"slow sink under a {_size(total)} source: peak held by the {stage}, "
                f"{peak} B (time columns: kB shown as µs)",
                f"2 x high-water mark, {2 * HWM} B",
                peak * 1e-9,
                2 * HWM * 1e-9,
                "<= 1x",
                peak <= 2 * HWM,
            )
        )
    return rows


if __name__ == "__main__":
    for row in run(quick="--quick" in sys.argv):
        verdict = {True: "met", False: "NOT MET", None: ""}[row.met]
        if "peak" in row.operation:
            print(f"{row.operation:<78} ratio {row.ratio:5.2f}  {row.target} {verdict}")
        else:
            print(
                f"{row.operation:<78} ours {row.ours_s * 1e6:8.2f} us  "
                f"{row.baseline:<45} {row.baseline_s * 1e6:8.2f} us  ratio {row.ratio:5.2f}  "
                f"{row.target} {verdict}"
            )
