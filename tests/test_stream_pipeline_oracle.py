"""stream.pipeline matrices replayed against Node's log of the same scenarios
(``tests/oracles/oracle_stream_pipeline.mjs`` -> ``tests/fixtures/stream_pipeline_matrix.json``):
an error at every position of a 4-stage pipeline, each way a stage can fail, with streams or
generator functions as the first stages; the ``end`` option against each kind of last stream;
what each kind of source writes into byte and object-mode destinations; and how often a
never-ending source is read before the sink of test-stream-pipeline.js fails.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import trio

from trio_nodecompat import open_loop
from trio_nodecompat.buffer import Buffer
from trio_nodecompat.process import next_tick
from trio_nodecompat.stream import (
    Duplex,
    PassThrough,
    Readable,
    Transform,
    Writable,
    get_default_high_water_mark,
    pipeline,
    promises,
    set_default_high_water_mark,
)
from trio_nodecompat.timers import set_immediate

FIXTURE = json.loads(
    (Path(__file__).parent / "fixtures" / "stream_pipeline_matrix.json").read_text()
)
Done = Callable[[], None]
Log = list[str]


def describe(err: BaseException | None) -> str:
    if err is None:
        return "null"
    return getattr(err, "code", None) or str(err)


def js(value: bool) -> str:
    return "true" if value else "false"


def watch(log: Log, name: str, stream: Any) -> Any:
    for event in ("end", "finish", "close", "error"):

        def record(err: Any = None, event: str = event) -> None:
            log.append(f"{name}:{event}:{describe(err)}" if event == "error" else f"{name}:{event}")

        stream.on(event, record)
    return stream


def show(chunk: Any) -> str:
    if isinstance(chunk, Buffer):
        return f"buf:{chunk.to_string('hex')}"
    if isinstance(chunk, str):
        return f"str:{chunk}"
    if isinstance(chunk, int):
        return f"num:{chunk}"
    return "obj:" + json.dumps(chunk, separators=(",", ":"))


# An error at every position -------------------------------------------------------------------


def fail_at(log: Log, position: int, how: str, kind: str, done: Done) -> None:
    def error() -> Exception:
        return Exception(f"failed at {position}")

    def fail_stage(stream: Any, cb: Any) -> None:
        if how == "callback":
            cb(error())
        elif how == "tick":
            next_tick(cb, error())
        else:
            stream.destroy(error())

    stages: list[Any] = []
    if kind == "streams":
        chunks = ["a", "b", "c"]

        def read(self: Readable, size: int) -> None:
            chunk = chunks.pop(0) if chunks else None
            if chunk == "b" and position == 0:
                if how == "tick":
                    next_tick(lambda: self.destroy(error()))
                else:
                    self.destroy(error())
                return
            self.push(chunk)

        stages.append(watch(log, "s0", Readable(object_mode=True, read=read)))

        def transform1(self: Transform, chunk: Any, enc: Any, cb: Any) -> None:
            log.append(f"s1:{chunk}")
            if chunk != "b" or position != 1:
                cb(None, chunk)
            else:
                fail_stage(self, cb)

        stages.append(watch(log, "s1", Transform(object_mode=True, transform=transform1)))
    else:

        async def source() -> Any:
            for chunk in ("a", "b", "c"):
                if chunk == "b" and position == 0:
                    if how == "tick":
                        await trio.sleep(0)
                    raise error()
                yield chunk

        async def middle(source: Any) -> Any:
            async for chunk in source:
                log.append(f"s1:{chunk}")
                if chunk == "b" and position == 1:
                    if how == "tick":
                        await trio.sleep(0)
                    raise error()
                yield chunk

        stages += [source, middle]

    def transform2(self: Transform, chunk: Any, enc: Any, cb: Any) -> None:
        log.append(f"s2:{chunk}")
        if chunk != "b" or position != 2:
            cb(None, chunk)
        else:
            fail_stage(self, cb)

    def write3(self: Writable, chunk: Any, enc: Any, cb: Any) -> None:
        log.append(f"s3:{chunk}")
        if chunk != "b" or position != 3:
            cb()
        else:
            fail_stage(self, cb)

    stages.append(watch(log, "s2", Transform(object_mode=True, transform=transform2)))
    stages.append(watch(log, "s3", Writable(object_mode=True, write=write3)))
    streams = [s for s in stages if not callable(s) or hasattr(s, "on")]

    def callback(err: BaseException | None = None, *_value: Any) -> None:
        log.append(f"cb:{describe(err)}")
        log.append("destroyed:" + ",".join(js(s.destroyed) for s in streams))
        done()

    pipeline(*stages, callback)


# The end option -------------------------------------------------------------------------------


def end_option(log: Log, source_kind: str, last_kind: str, end: bool, done: Done) -> None:
    source: Any
    if source_kind == "stream":
        source = watch(log, "src", Readable.from_(["a", "b"]))
    else:

        async def generate() -> Any:
            yield "a"
            yield "b"

        source = generate

    def write(self: Writable, chunk: Any, enc: Any, cb: Any) -> None:
        log.append(f"write:{chunk}")
        cb()

    last: Any
    if last_kind == "writable":
        last = Writable(object_mode=True, write=write)
    elif last_kind == "passthrough":
        last = PassThrough(object_mode=True)
        last.on("data", lambda chunk: log.append(f"data:{chunk}"))
    else:

        def final(self: Duplex, cb: Any) -> None:
            log.append("final")
            self.push(None)
            cb()

        last = Duplex(object_mode=True, read=lambda self, size: None, write=write, final=final)
        last.resume()
    watch(log, "dst", last)

    async def run() -> None:
        try:
            await promises.pipeline(source, last, end=end)
        except Exception as err:
            log.append(f"rejected:{describe(err)}")
        else:
            log.append("resolved")
        log.append(
            f"dst:ended={js(last.writable_ended)},finished={js(last.writable_finished)},"
            f"destroyed={js(last.destroyed)}"
        )

        def later() -> None:
            log.append(f"later:closed={js(last.closed)},destroyed={js(last.destroyed)}")
            done()

        set_immediate(later)

    from trio_nodecompat._internal.current_loop import require_host

    require_host("the end option scenario").spawn(run)


# What each source writes into each destination ----------------------------------------------


async def generator_buffers() -> Any:
    yield Buffer.from_("a")
    yield Buffer.from_("b")


SOURCES: dict[str, Callable[[], Any]] = {
    "strings": lambda: ["a", "b"],
    "numbers": lambda: [1, 2],
    "objects": lambda: [{"x": 1}],
    "buffer": lambda: Buffer.from_("ab"),
    "string": lambda: "ab",
    "readable_strings": lambda: Readable.from_(["a", "b"]),
    "generator_buffers": lambda: generator_buffers,
}


def object_mode_case(log: Log, source_name: str, destination: str, done: Done) -> None:
    def record(chunk: Any) -> None:
        log.append(f"got:{show(chunk)}")

    def write(self: Writable, chunk: Any, enc: Any, cb: Any) -> None:
        record(chunk)
        cb()

    last: Any
    if destination in ("bytes_writable", "object_writable"):
        last = Writable(object_mode=destination == "object_writable", write=write)
    elif destination == "bytes_passthrough":
        last = PassThrough()
        last.on("data", record)
    else:

        async def collect(source: Any) -> None:
            async for chunk in source:
                record(chunk)

        last = collect

    def callback(err: BaseException | None = None, *_value: Any) -> None:
        log.append(f"cb:{describe(err)}")
        done()

    pipeline(SOURCES[source_name](), last, callback)


# ----------------------------------------------------------------------------------------------


def scenario(name: str) -> Callable[[Log, Done], None]:
    parts = name.split("_")
    if parts[0] == "fail":
        kind, how, position = parts[1], parts[2], int(parts[4])
        return lambda log, done: fail_at(log, position, how, kind, done)
    if parts[0] == "end":
        end, source_kind, last_kind = parts[1] == "true", parts[2], parts[4]
        return lambda log, done: end_option(log, source_kind, last_kind, end, done)
    source_name, destination = name.removeprefix("object_mode_").split("_to_")
    return lambda log, done: object_mode_case(log, source_name, destination, done)


@pytest.fixture
def node20_marks() -> Iterator[None]:
    """The fixture was recorded with Node 20's 16 KiB default high-water mark."""
    saved = get_default_high_water_mark(False)
    set_default_high_water_mark(False, FIXTURE["high_water_mark"])
    try:
        yield
    finally:
        set_default_high_water_mark(False, saved)


@pytest.mark.usefixtures("node20_marks")
@pytest.mark.parametrize("name", sorted(FIXTURE["scenarios"]))
async def test_pipeline_matrix_matches_node(name: str) -> None:
    log: Log = []
    with trio.fail_after(5):
        async with open_loop():
            done = trio.Event()
            scenario(name)(log, done.set)
            await done.wait()
            await trio.sleep(0.005)
    assert log == FIXTURE["scenarios"][name]
