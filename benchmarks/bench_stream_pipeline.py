"""Stream composition speed and memory: ``pipeline`` against Trio's own plumbing.

- ``pipeline(Readable.from_(chunks), PassThrough(), Writable)`` against the Trio floor a user
  would write instead: a producer, one forwarding task, and a consumer joined by two memory
  channels (each buffering a high-water mark's worth of chunks). Both run the same pre-made
  Buffers inside their own ``trio.run``. 64 MiB in 64 KiB chunks (target <= 1.5x); and 1 KiB
  chunks (target <= 2.5x) over 8 MiB rather than 64 MiB, so a full run stays under a minute
  (the per-chunk cost is what the row measures; 8,192 chunks are plenty). Quick mode uses
  8 MiB and 1 MiB.
- Node's own time for the same pipeline (``stream.pipeline`` with a callback), run from here
  when ``node`` is on PATH, after a warm-up round.
- Two localhost Trio sockets: bytes per second moved from one to the other by
  ``promises.pipeline(Readable.from_receive_stream(a), Writable.from_send_stream(b))``
  against a plain ``receive_some``/``send_all`` copy loop between the same kind of sockets
  (target: at least half its rate, i.e. a time ratio <= 2).
- Memory: SPEC 18's 1 GiB source (quick: 16 MiB) through a PassThrough into a slow sink
  (each write called back on the next immediate); the peak bytes each stage holds (readable
  plus writable buffers) against twice its high-water marks. The full run takes about 1.5 s
  here: the chunk is one Buffer pushed again and again, so the time is the machinery's.

Run: ``/work/venv/bin/python -m benchmarks.bench_stream_pipeline`` (``--quick``).
"""

from __future__ import annotations

import sys
import time
from typing import Any

import trio

import trio_nodecompat
from benchmarks._harness import Result, compare
from benchmarks.bench_stream import HWM, _size, channel_chain, node_time
from trio_nodecompat.buffer import Buffer
from trio_nodecompat.stream import PassThrough, Readable, Writable, pipeline, promises
from trio_nodecompat.timers import set_immediate


def _sink_write(self: Writable, chunk: Any, encoding: Any, callback: Any) -> None:
    callback()


def node_pipeline(chunks: list[Buffer]) -> None:
    """``pipeline(Readable.from_(chunks), PassThrough(), Writable)`` in its own loop."""

    async def main() -> None:
        done = trio.Event()
        source = Readable.from_(chunks, object_mode=False, high_water_mark=HWM)
        middle = PassThrough(high_water_mark=HWM)
        sink = Writable(write=_sink_write, high_water_mark=HWM)

        def finished(err: BaseException | None = None) -> None:
            if err is not None:
                raise err
            done.set()

        pipeline(source, middle, sink, finished)
        await done.wait()

    trio_nodecompat.run(main)


_NODE_SCRIPT = r"""
const { Readable, PassThrough, Writable, pipeline } = require('stream');
const [count, size, hwm, rounds] = process.argv.slice(1).map(Number);
const chunks = Array.from({ length: count }, () => Buffer.alloc(size));
function once() {
  return new Promise((resolve, reject) => {
    pipeline(
      Readable.from(chunks, { objectMode: false, highWaterMark: hwm }),
      new PassThrough({ highWaterMark: hwm }),
      new Writable({ highWaterMark: hwm, write(c, e, cb) { cb(); } }),
      (err) => (err ? reject(err) : resolve()));
  });
}
(async () => {
  await once();
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint();
    await once();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
  }
  console.log(JSON.stringify({ seconds: best }));
})();
"""


# --------------------------------------------------------------------------------------------
# Sockets


async def _socket_pair() -> tuple[trio.SocketStream, trio.SocketStream]:
    listeners = await trio.open_tcp_listeners(0, host="127.0.0.1")
    port = listeners[0].socket.getsockname()[1]
    async with trio.open_nursery() as nursery:
        client_box: list[trio.SocketStream] = []

        async def connect() -> None:
            client_box.append(await trio.open_tcp_stream("127.0.0.1", port))

        nursery.start_soon(connect)
        server = await listeners[0].accept()
    await listeners[0].aclose()
    return client_box[0], server


def socket_copy(total: int, use_pipeline: bool) -> float:
    """Seconds to move ``total`` bytes from socket pair A to socket pair B through a copier."""
    chunk = b"s" * (64 * 1024)

    async def main() -> float:
        a_out, a_in = await _socket_pair()
        b_out, b_in = await _socket_pair()

        async def produce() -> None:
            sent = 0
            while sent < total:
                await a_out.send_all(chunk)
                sent += len(chunk)
            await a_out.send_eof()

        async def consume() -> None:
            got = 0
            while data := await b_in.receive_some(65536):
                got += len(data)
            assert got == total

        async def plain_copy() -> None:
            while data := await a_in.receive_some(65536):
                await b_out.send_all(data)
            await b_out.send_eof()

        async def node_copy() -> None:
            await promises.pipeline(
                Readable.from_receive_stream(a_in, max_bytes=65536),
                Writable.from_send_stream(b_out),
            )

        start = time.perf_counter()
        async with trio_nodecompat.open_loop(), trio.open_nursery() as nursery:
            nursery.start_soon(produce)
            nursery.start_soon(consume)
            nursery.start_soon(node_copy if use_pipeline else plain_copy)
        elapsed = time.perf_counter() - start
        for s in (a_out, a_in, b_out, b_in):
            await s.aclose()
        return elapsed

    return trio.run(main)


# --------------------------------------------------------------------------------------------
# Memory


def slow_consumer_peaks(total: int, size: int) -> dict[str, int]:
    """Peak bytes held per stage while a slow sink drains a ``total``-byte pipeline."""
    peaks = {"source": 0, "passthrough": 0, "sink": 0}
    chunk = Buffer.alloc(size)

    def chunks() -> Any:
        for _ in range(total // size):
            yield chunk

    async def main() -> None:
        done = trio.Event()

        def write(self: Writable, data: Any, encoding: Any, callback: Any) -> None:
            held = {
                "source": source.readable_length,
                "passthrough": middle.readable_length + middle.writable_length,
                "sink": sink.writable_length,
            }
            for stage, value in held.items():
                peaks[stage] = max(peaks[stage], value)
            set_immediate(callback)

        source = Readable.from_(chunks(), object_mode=False, high_water_mark=HWM)
        middle = PassThrough(high_water_mark=HWM)
        sink = Writable(write=write, high_water_mark=HWM)
        pipeline(source, middle, sink, lambda err=None: done.set())
        await done.wait()

    trio_nodecompat.run(main)
    return peaks


def run(quick: bool = False) -> list[Result]:
    """The composition rows of SPEC 18."""
    rows: list[Result] = []
    for size, total in ((64 * 1024, (8 if quick else 64) << 20), (1024, (1 if quick else 8) << 20)):
        count = total // size
        chunks = [Buffer.alloc(size) for _ in range(count)]
        buffer = max(1, HWM // size)
        result = compare(
            "stream.pipeline",
            f"pipeline(Readable.from_, PassThrough, Writable), {total >> 20} MiB "
            f"in {size // 1024} KiB chunks",
            lambda chunks=chunks: node_pipeline(chunks),
            f"Trio memory channels, a task per stage (buffer {buffer})",
            lambda chunks=chunks, buffer=buffer: channel_chain(chunks, buffer),
            target="<= 1.5x" if size > 1024 else "<= 2.5x",
            max_ratio=1.5 if size > 1024 else 2.5,
            quick=quick,
        )
        rows.append(result)
        node_s = node_time(count, size, 3 if quick else 10, _NODE_SCRIPT)
        if node_s is not None:
            rows.append(
                Result(
                    "stream.pipeline",
                    f"the same pipeline, {total >> 20} MiB in {size // 1024} KiB chunks",
                    "Node 20, the same program",
                    result.ours_s,
                    node_s,
                    "report",
                    None,
                )
            )
    total = (8 if quick else 64) << 20
    plain = min(socket_copy(total, False) for _ in range(2 if quick else 3))
    ours = min(socket_copy(total, True) for _ in range(2 if quick else 3))
    rows.append(
        Result(
            "stream.pipeline",
            f"localhost sockets, {total >> 20} MiB through pipeline(from_receive_stream, "
            "from_send_stream)",
            "receive_some/send_all copy loop",
            ours,
            plain,
            "<= 2x (>= half the bytes/s)",
            ours / plain <= 2,
        )
    )
    total = (16 if quick else 1024) << 20
    peaks = slow_consumer_peaks(total, 64 * 1024)
    bounds = {"source": 2 * HWM, "passthrough": 2 * (2 * HWM), "sink": 2 * HWM}
    for stage, peak in peaks.items():
        rows.append(
            Result(
                "stream.pipeline",
                f"slow sink under a {_size(total)} pipeline: peak held by the {stage}, "
                f"{peak} B (time columns: kB shown as µs)",
                f"2 x its high-water marks, {bounds[stage]} B",
                peak * 1e-9,
                bounds[stage] * 1e-9,
                "<= 1x",
                peak <= bounds[stage],
            )
        )
    return rows


if __name__ == "__main__":
    for row in run(quick="--quick" in sys.argv):
        verdict = {True: "met", False: "NOT MET", None: ""}[row.met]
        if "peak" in row.operation:
            print(f"{row.operation:<90} ratio {row.ratio:5.2f}  {row.target} {verdict}")
        else:
            print(
                f"{row.operation:<90} ours {row.ours_s * 1e3:9.2f} ms  "
                f"{row.baseline:<45} {row.baseline_s * 1e3:9.2f} ms  ratio {row.ratio:5.2f}  "
                f"{row.target} {verdict}"
            )
