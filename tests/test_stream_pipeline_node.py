"""Node's test-stream-pipeline.js (the blocks test_stream_compose_node.py does not hold),
test-stream-pipeline-listeners.js and test-stream-pipeline-uncaught.js, ported block by block.

Each test names what the Node block checks. Where a block runs an ``http``/``net`` server only
to have a socket to pipe through, a connected pair of Trio sockets wrapped by
``Duplex.from_stream`` stands in (what ``net.Socket`` is here), so the block keeps its point:
pipeline semantics over a socket. tests/NODE_PORTS.md lists the blocks and where each went.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import trio
import trio.testing
from _stream_support import MustCall, next_tick, node_case, set_immediate, set_timeout

from trio_nodecompat import current_loop
from trio_nodecompat.abort import AbortController
from trio_nodecompat.buffer import Buffer
from trio_nodecompat.errors import ERR_INVALID_RETURN_VALUE
from trio_nodecompat.stream import (
    Duplex,
    PassThrough,
    Readable,
    Stream,
    Transform,
    Writable,
    add_abort_signal,
    get_default_high_water_mark,
    pipeline,
    promises,
    set_default_high_water_mark,
)

MATRIX = json.loads(
    (Path(__file__).parent / "fixtures" / "stream_pipeline_matrix.json").read_text()
)


def nothing(*_args: Any) -> None:
    pass


def check(condition: bool) -> None:
    assert condition


def message_of(err: Any) -> str | None:
    return None if err is None else str(err)


def concat(res: list[str]) -> Writable:
    """A Writable that appends each chunk (as text) to ``res``."""

    def write(self: Writable, chunk: Any, encoding: Any, callback: Any) -> None:
        res.append(chunk.to_string() if isinstance(chunk, Buffer) else str(chunk))
        callback()

    return Writable(write=write)


def sink() -> Writable:
    return Writable(write=lambda self, chunk, encoding, callback: callback())


async def hello_world() -> Any:
    await trio.sleep(0)
    yield "hello"
    yield "world"


# ---------------------------------------------------------------------------------------------
# Errors at every position, every stage destroyed


@node_case
def test_transform_error_reaches_every_stage_once(must_call: MustCall) -> None:
    # Node checks 'error' on each stage exactly once, with the transform's error.
    read = Readable(read=nothing)
    transform = Transform(transform=lambda self, data, enc, cb: cb(Exception("kaboom")))
    write = sink()
    for stream in (read, transform, write):
        stream.on("close", must_call())
        stream.on("error", must_call(lambda err: check(message_of(err) == "kaboom")))

    def done(err: Any = None) -> None:
        assert message_of(err) == "kaboom"

    assert pipeline(read, transform, write, must_call(done)) is write
    read.push("hello")


@pytest.fixture
def node20_marks() -> Iterator[None]:
    """Node 20's default byte high-water mark (16 KiB) for the blocks whose source never ends:
    how much such a source reads before the sink fails depends on it."""
    saved = get_default_high_water_mark(False)
    set_default_high_water_mark(False, MATRIX["high_water_mark"])
    try:
        yield
    finally:
        set_default_high_water_mark(False, saved)


@pytest.mark.usefixtures("node20_marks")
@node_case
def test_sink_error_after_ten_writes_closes_six_transforms(must_call: MustCall) -> None:
    def make_transform() -> Transform:
        tr = Transform(transform=lambda self, data, enc, cb: cb(None, data))
        tr.on("close", must_call())
        return tr

    reads = 0

    def read(self: Readable, size: int) -> None:
        nonlocal reads
        reads += 1
        self.push("hello")

    rs = Readable(read=read)
    count = 10

    def write(self: Writable, data: Any, enc: Any, cb: Any) -> None:
        nonlocal count
        count -= 1
        if count == 0:
            cb(Exception("kaboom"))
        else:
            cb()

    ws = Writable(write=write)
    rs.on("close", must_call())
    ws.on("close", must_call())
    transforms = [make_transform() for _ in range(6)]

    def done(err: Any = None) -> None:
        assert message_of(err) == "kaboom"
        # As many reads as Node's before the sink fails: the same scheduling, tick by tick,
        # through seven pipes (recorded by tests/oracles/oracle_stream_pipeline.mjs).
        assert [f"cb:{message_of(err)}", f"reads:{reads}"] == MATRIX["reads_before_sink_fails"]

    pipeline(rs, *transforms, ws, must_call(done))


# ---------------------------------------------------------------------------------------------
# Legacy (v1) streams: stream.Stream with write/end or only 'data'/'end' events


def old_stream() -> Stream:
    """Node's ``new Stream()`` given pause/resume/write/end by hand: writes come out as 'data'."""
    s = Stream()
    s.pause = s.resume = nothing  # type: ignore[attr-defined]
    s.write = lambda data, *_a: s.emit("data", data) or True  # type: ignore[attr-defined]
    s.end = lambda *_a: s.emit("end")  # type: ignore[attr-defined]
    return s


@node_case
def test_legacy_stream_in_the_middle(must_call: MustCall) -> None:
    expected = [Buffer.from_("hello"), Buffer.from_("world")]

    def read(self: Readable, size: int) -> None:
        for chunk in expected:
            self.push(chunk)
        self.push(None)

    rs = Readable(read=read)
    remaining = list(expected)

    def write(self: Writable, data: Any, enc: Any, cb: Any) -> None:
        assert data == remaining.pop(0)
        cb()

    ws = Writable(write=write)
    finished: list[bool] = []
    ws.on("finish", lambda: finished.append(True))

    def done(err: Any = None) -> None:
        assert err is None
        assert finished == [True], "last stream finished"

    pipeline(rs, old_stream(), ws, must_call(done))


@node_case
def test_source_error_destroys_legacy_streams_once(must_call: MustCall) -> None:
    destroyable = old_stream()
    destroyable.destroy = must_call(lambda *_a: destroyable.emit("close"))  # type: ignore[attr-defined]
    rs = Readable(read=lambda self, size: self.destroy(Exception("stop")))
    ws = sink()
    finished: list[bool] = []
    ws.on("finish", lambda: finished.append(True))

    def done(err: Any = None) -> None:
        assert message_of(err) == "stop"
        assert not finished, "should not finish"

    pipeline(rs, old_stream(), destroyable, ws, must_call(done))


class NoIterator(PassThrough):
    """A Readable without its async iterator (Node's ``s[Symbol.asyncIterator] = null``)."""

    __aiter__ = None  # type: ignore[assignment]
    iterator = None  # type: ignore[assignment]


@node_case
async def test_readable_without_async_iterator_into_an_async_def(must_call: MustCall) -> None:
    s = NoIterator()
    s.push("asd")
    s.push(None)
    ret: list[str] = []

    async def collect(source: Any) -> None:
        async for chunk in source:
            ret.append(chunk.to_string())

    def done(err: Any = None) -> None:
        assert err is None
        assert "".join(ret) == "asd"

    pipeline(s, collect, must_call(done))


@node_case
async def test_v1_stream_without_read_into_an_async_def(must_call: MustCall) -> None:
    s = Stream()

    def emit() -> None:
        s.emit("data", "asd")
        s.emit("end")

    next_tick(emit)
    # Node: the destroyer may be called more than once (the stream wrapper and the iterator).
    s.close = must_call.at_least(nothing, 1)  # type: ignore[attr-defined]
    ret: list[str] = []

    async def collect(source: Any) -> None:
        async for chunk in source:
            ret.append(chunk)

    def done(err: Any = None) -> None:
        assert err is None
        assert "".join(ret) == "asd"

    pipeline(s, collect, must_call(done))


@node_case
async def test_v1_stream_error_without_read(must_call: MustCall) -> None:
    s = Stream()
    next_tick(lambda: s.emit("error", Exception("kaboom")))
    s.destroy = must_call()  # type: ignore[attr-defined]

    async def consume(source: Any) -> None:
        pass

    pipeline(s, consume, must_call(lambda err=None: check(message_of(err) == "kaboom")))


class LegacyWritable(Stream):
    """A legacy writable without ``destroy`` (Node's ``class extends Stream { write() }``)."""

    def write(self, chunk: Any, encoding: Any = None, callback: Any = None) -> None:
        callback()


class RejectingIterable:
    """An async iterable whose first step fails (Node: ``next()`` returns a rejected promise)."""

    def __aiter__(self) -> RejectingIterable:
        return self

    async def __anext__(self) -> Any:
        raise Exception("stop")


@node_case
async def test_legacy_writable_without_destroy_gets_the_error(must_call: MustCall) -> None:
    writable = LegacyWritable()
    writable.on("error", must_call(lambda err: check(message_of(err) == "stop")))
    pipeline(
        Readable.from_(RejectingIterable()),
        writable,
        must_call(lambda err=None: check(message_of(err) == "stop")),
    )


# ---------------------------------------------------------------------------------------------
# Function stages: async generators, async defs, and what they may return


async def upper(source: Any) -> Any:
    async for chunk in source:
        yield chunk.upper()


@node_case
async def test_async_def_destination_without_a_value(must_call: MustCall) -> None:
    res: list[str] = []

    async def collect(source: Any) -> None:
        async for chunk in source:
            res.append(chunk)

    def done(err: Any = None, *value: Any) -> None:
        assert err is None
        assert value == ()  # Node: callback(undefined, undefined)
        assert "".join(res) == "HELLOWORLD"

    pipeline(hello_world, upper, collect, must_call(done))


@node_case
async def test_failing_source_reaches_an_async_generator_destination(must_call: MustCall) -> None:
    async def failing() -> Any:
        await trio.sleep(0)
        raise Exception("kaboom")
        yield  # pragma: no cover

    async def drain(source: Any) -> Any:
        async for _ in source:
            pass
        return
        yield  # pragma: no cover

    ret = pipeline(failing, drain, must_call(lambda err=None: check(message_of(err) == "kaboom")))
    ret.resume()
    assert callable(ret.pipe)


@node_case
async def test_list_source_through_a_stream_to_a_failing_generator(must_call: MustCall) -> None:
    s = PassThrough()

    async def fail(source: Any) -> Any:
        async for _ in source:
            raise Exception("kaboom")
        yield  # pragma: no cover

    def done(err: Any = None) -> None:
        assert message_of(err) == "kaboom"
        assert s.destroyed is True

    ret = pipeline(lambda: ["hello", "world"], s, fail, must_call(done))
    ret.resume()
    assert callable(ret.pipe)


def test_stages_returning_nothing_are_refused_without_destroying() -> None:
    # Node: ERR_INVALID_RETURN_VALUE, thrown by pipeline() itself, and no stream destroyed.
    async def main() -> None:
        from trio_nodecompat import open_loop

        def returns_nothing(*_source: Any) -> None:
            return None

        def sync_generator(source: Any) -> Any:
            yield  # pragma: no cover

        async with open_loop():
            for stages in (
                lambda s: (returns_nothing, s),  # source
                lambda s: (s, returns_nothing, s),  # transform
                lambda s: (s, returns_nothing),  # destination
                lambda s: (s, sync_generator),  # a sync generator is not an async iterable
            ):
                s = PassThrough()
                with pytest.raises(ERR_INVALID_RETURN_VALUE):
                    pipeline(*stages(s), nothing)
                assert s.destroyed is False

    trio.run(main)


def failing_transform(asynchronous: bool) -> Transform:
    def transform(self: Transform, chunk: Any, encoding: Any, cb: Any) -> None:
        if asynchronous:
            next_tick(cb, Exception("kaboom"))
        else:
            cb(Exception("kaboom"))

    return Transform(transform=transform)


@node_case
async def test_transform_error_between_function_stages(must_call: MustCall) -> None:
    for asynchronous in (False, True):
        res: list[str] = []
        done = trio.Event()

        async def collect(source: Any, res: list[str] = res) -> None:
            async for chunk in source:
                res.append(chunk)

        def callback(
            err: Any = None, *_v: Any, res: list[str] = res, done: trio.Event = done
        ) -> None:
            assert message_of(err) == "kaboom"
            assert res == []
            done.set()

        pipeline(hello_world, failing_transform(asynchronous), collect, must_call(callback))
        await done.wait()


@node_case
async def test_transform_without_decoding_strings_between_functions(must_call: MustCall) -> None:
    res: list[str] = []
    transform = Transform(
        decode_strings=False,
        transform=lambda self, chunk, encoding, cb: cb(None, chunk.upper()),
    )

    async def collect(source: Any) -> None:
        async for chunk in source:
            res.append(chunk.to_string())

    def done(err: Any = None) -> None:
        assert err is None
        assert "".join(res) == "HELLOWORLD"

    pipeline(hello_world, transform, collect, must_call(done))


@node_case
async def test_failing_async_def_destination_is_not_unhandled(must_call: MustCall) -> None:
    async def produce() -> Any:
        yield "hello"

    async def fail(source: Any) -> None:
        raise Exception("kaboom")

    pipeline(produce, fail, must_call(lambda err=None: check(message_of(err) == "kaboom")))


@node_case
async def test_generator_error_stops_the_rest(must_call: MustCall) -> None:
    res: list[str] = []

    def read(self: Readable, size: int) -> None:
        set_immediate(lambda: self.push("hello"))

    rs = Readable(read=read)
    ws = Writable(write=must_call.never("write"))

    async def fail(stream: Any) -> Any:
        async for _ in stream:
            raise Exception("kaboom")
        yield  # pragma: no cover

    async def collect(source: Any) -> Any:
        async for chunk in source:
            res.append(chunk)
        return
        yield  # pragma: no cover

    def done(err: Any = None) -> None:
        assert message_of(err) == "kaboom"
        assert res == []

    pipeline(rs, fail, collect, ws, must_call(done))


@node_case
async def test_destroying_the_returned_stream_is_a_premature_close(must_call: MustCall) -> None:
    src = PassThrough()

    async def forward(source: Any) -> Any:
        async for chunk in source:
            yield chunk

    dst = pipeline(
        src,
        forward,
        must_call(
            lambda err=None: check(err is not None and err.code == "ERR_STREAM_PREMATURE_CLOSE")
        ),
    )
    src.push("asd")
    dst.destroy()


@node_case
async def test_generator_yielding_objects(must_call: MustCall) -> None:
    async def produce() -> Any:
        yield "asd"

    async def wrap(source: Any) -> Any:
        async for chunk in source:
            yield {"chunk": chunk}

    pipeline(produce, wrap, must_call(lambda err=None: check(err is None)))


@node_case
async def test_break_in_async_def_destroys_the_stream_before(must_call: MustCall) -> None:
    s = PassThrough(object_mode=True)

    async def produce() -> Any:
        await trio.sleep(0)
        yield "hello"
        yield "world"
        yield "world"

    async def collect_two(source: Any) -> str:
        ret = ""
        n = 0
        async for chunk in source:
            if n > 1:
                break
            n += 1
            ret += chunk
        return ret

    def done(err: Any = None, val: Any = None) -> None:
        assert err is None
        assert val == "helloworld"
        assert s.destroyed is True

    pipeline(produce, s, collect_two, must_call(done))


@node_case
async def test_async_def_destination_returning_none(must_call: MustCall) -> None:
    # Node's block returns null: Python has one None for both null and undefined.
    s = PassThrough(object_mode=True)

    async def nothing_returned(source: Any) -> None:
        return None

    def done(err: Any = None, val: Any = None) -> None:
        assert err is None
        assert val is None

    pipeline(hello_world, s, nothing_returned, must_call(done))


@node_case
async def test_list_and_buffer_sources(must_call: MustCall) -> None:
    pipeline(
        [1, 2, 3], PassThrough(object_mode=True), must_call(lambda err=None: check(err is None))
    )
    res: list[str] = []

    def done(err: Any = None) -> None:
        assert err is None
        assert "".join(res) == "123"

    pipeline(["1", "2", "3"], concat(res), must_call(done))

    content = "abc"
    pipeline(
        Buffer.from_(content),
        PassThrough(object_mode=True),
        must_call(lambda err=None: check(err is None)),
    )
    seen: list[str] = []

    async def each_byte(previous: Any) -> Any:
        async for val in previous:  # a Buffer iterates as its byte values, as in JS
            seen.append(chr(val))
            yield val

    def bytes_done(err: Any = None) -> None:
        assert err is None
        assert "".join(seen) == content

    pipeline(Buffer.from_(content), each_byte, must_call(bytes_done))


# ---------------------------------------------------------------------------------------------
# What pipeline destroys, and when it calls back


@node_case
def test_streams_without_auto_destroy_are_left_alone(must_call: MustCall) -> None:
    src = PassThrough(auto_destroy=False)
    dst = PassThrough(auto_destroy=False)

    def done(err: Any = None) -> None:
        assert src.destroyed is False
        assert dst.destroyed is False

    pipeline(src, dst, must_call(done))
    src.end()


@node_case
def test_close_before_end_after_eof_is_success(must_call: MustCall) -> None:
    # nodejs/node#29699: 'close' before 'end' once the readable has its EOF is not an error.
    r = Readable()
    w = sink()
    pipeline(r, w, must_call(lambda err=None: check(err is None)))
    r.push("asd")
    r.push(None)
    r.emit("close")


@node_case
def test_readable_last_stream_is_not_destroyed(must_call: MustCall) -> None:
    src = PassThrough()
    dst = PassThrough()

    def done(err: Any = None) -> None:
        assert err is None
        assert dst.destroyed is False

    pipeline(src, dst, must_call(done))
    src.end()


@node_case
def test_last_stream_no_longer_readable_is_destroyed(must_call: MustCall) -> None:
    src = PassThrough()
    dst = PassThrough()
    dst.readable = False

    def done(err: Any = None) -> None:
        assert err is None
        assert dst.destroyed is True

    pipeline(src, dst, must_call(done))
    src.end()


@node_case
def test_first_duplex_keeps_its_writable_side(must_call: MustCall) -> None:
    # The Duplex input may still be written to (e.g. echoing back on the same socket).
    src = PassThrough()
    assert src.writable is True
    dst = PassThrough()

    def done(err: Any = None) -> None:
        assert src.writable is True
        assert src.destroyed is False

    pipeline(src, dst, must_call(done))
    src.push(None)


@node_case
def test_callback_waits_for_an_asynchronous_destroy(must_call: MustCall) -> None:
    for dst in (sink(), Duplex()):
        closed: list[bool] = []
        src = Readable(read=nothing, destroy=lambda self, err, cb: next_tick(cb))
        src.on("close", must_call(lambda closed=closed: closed.append(True)))
        src.push(None)
        pipeline(src, dst, must_call(lambda err=None, closed=closed: check(closed == [True])))


@node_case
def test_slow_final_without_auto_destroy_is_not_destroyed(must_call: MustCall) -> None:
    # Node's final waits 1000 ms; 50 ms keeps the point: the pipeline is done (the readable
    # side ended, the sink finished) while the writable side is still finishing, and destroy()
    # is never called.
    def write(self: Duplex, data: Any, enc: Any, cb: Any) -> None:
        self.push(data)
        cb()

    def final(self: Duplex, cb: Any) -> None:
        def later() -> None:
            assert self.destroyed is False
            cb()

        set_timeout(later, 50)

    d = Duplex(
        auto_destroy=False,
        write=must_call(write),
        read=must_call(lambda self, size: self.push(None)),
        final=must_call(final),
        destroy=must_call.never("destroy"),
    )
    pipeline(d, Writable(write=must_call(lambda self, c, e, cb: cb())), must_call(check_ok))
    d.write("test")
    d.end()


def check_ok(err: Any = None, *_value: Any) -> None:
    assert err is None


@node_case
def test_streams_given_as_one_list(must_call: MustCall) -> None:
    r = Readable(read=nothing)
    r.push("hello")
    r.push("world")
    r.push(None)
    res: list[str] = []

    def done(err: Any = None) -> None:
        assert err is None
        assert "".join(res) == "helloworld"

    pipeline([r, concat(res)], must_call(done))


@node_case
def test_callback_waits_for_the_last_flush(must_call: MustCall) -> None:
    flushed = False

    def flush(self: Transform, cb: Any) -> None:
        def later() -> None:
            nonlocal flushed
            flushed = True
            cb(None)

        set_timeout(later, 1)

    stream = Transform(transform=lambda self, chunk, enc, cb: cb(None, chunk), flush=flush)
    source = Readable()
    source.push(None)
    pipeline(source, stream, must_call(lambda err=None: check(flushed)))


@node_case
async def test_add_abort_signal_on_the_returned_stream(must_call: MustCall) -> None:
    ac = AbortController()

    async def produce() -> Any:
        for i in range(10):
            await trio.sleep(0)
            yield str(i)
            if i == 5:
                ac.abort()

    r = Readable.from_(produce())
    res: list[str] = []
    w = concat(res)
    pipelined: Any = None

    def done(err: Any = None) -> None:
        assert getattr(err, "name", None) == "AbortError"
        assert "".join(res) == "012345"
        assert w.destroyed is True
        assert r.destroyed is True
        assert pipelined.destroyed is True

    pipelined = add_abort_signal(ac.signal, pipeline([r, w], must_call(done)))


@node_case
async def test_promise_pipeline_aborted_while_the_source_waits(must_call: MustCall) -> None:
    from trio_nodecompat.timers import promises as timers_promises

    ac = AbortController()

    async def produce(*, signal: Any) -> Any:
        await timers_promises.set_timeout(1e6, signal=signal)
        yield  # pragma: no cover

    async def consume(source: Any) -> None:
        pass

    # Node aborts synchronously after starting the pipeline, before any stage ran: the
    # abort comes on the next tick here, still before the stages' tasks take a step.
    next_tick(ac.abort)
    with pytest.raises(Exception) as info:
        await promises.pipeline(produce, consume, signal=ac.signal)
    assert getattr(info.value, "name", None) == "AbortError"


@node_case
async def test_string_source_in_a_list(must_call: MustCall) -> None:
    for awaited in (True, False):
        finished: list[bool] = []
        text: list[str] = []
        write = concat(text)
        write.on("finish", lambda finished=finished: finished.append(True))
        streams = [Readable.from_("Hello World!"), write]
        if awaited:
            await promises.pipeline(streams)
            assert finished == [True]
            assert "".join(text) == "Hello World!"
        else:
            done = trio.Event()

            def callback(
                err: Any = None,
                finished: list[bool] = finished,
                text: list[str] = text,
                done: trio.Event = done,
            ) -> None:
                assert err is None
                assert finished == [True]
                assert "".join(text) == "Hello World!"
                done.set()

            pipeline(streams, must_call(callback))
            await done.wait()


@node_case
async def test_promise_pipeline_into_a_duplex_and_end_false(must_call: MustCall) -> None:
    for end in (True, False):
        read = Readable(read=nothing)
        duplex = PassThrough()
        read.push(None)
        await promises.pipeline(read, duplex, end=end)
        assert duplex.destroyed is False
        assert duplex.writable_ended is end


@node_case
async def test_promise_pipeline_of_two_streams(must_call: MustCall) -> None:
    read = Readable(read=nothing)
    write = sink()
    read.push("data")
    read.push(None)
    finished: list[bool] = []
    write.on("finish", lambda: finished.append(True))
    await promises.pipeline(read, write)
    assert finished == [True]


class CustomReadable(Readable):
    def _read(self, size: int) -> None:
        self.push("asd")
        self.push(None)


class CustomWritable(Writable):
    def __init__(self) -> None:
        super().__init__()
        self.end_count = 0
        self.text = ""

    def _write(self, chunk: Any, encoding: Any, callback: Any) -> None:
        self.text += chunk.to_string()
        callback()

    def end(self, *args: Any, **kwargs: Any) -> Any:
        self.end_count += 1
        return super().end()


@node_case
def test_end_is_called_once(must_call: MustCall) -> None:
    readable = CustomReadable()
    writable = CustomWritable()

    def done(err: Any = None) -> None:
        assert err is None
        assert writable.text == "asd"
        assert writable.end_count == 1

    pipeline(readable, writable, must_call(done))


@node_case
def test_pipeline_of_an_already_ended_readable(must_call: MustCall) -> None:
    readable = Readable(read=nothing)
    readable.on("end", must_call(lambda: pipeline(readable, PassThrough(), must_call(check_ok))))
    readable.push(None)
    readable.read()

    dup = Duplex(read=nothing, write=lambda self, chunk, enc, cb: cb())
    dup.on("end", must_call(lambda: pipeline(dup, PassThrough(), must_call(check_ok))))
    dup.push(None)
    dup.read()


@node_case
async def test_promise_pipeline_from_a_generator_with_end_false(must_call: MustCall) -> None:
    res: list[str] = []
    writable = concat(res)

    async def produce() -> Any:
        yield "hello"
        await trio.sleep(0)
        yield "world"

    await promises.pipeline(produce, writable, end=False)
    assert "".join(res) == "helloworld"
    assert writable.closed is False


@node_case
def test_final_runs_after_the_source_ended(must_call: MustCall) -> None:
    r = Readable()
    for _ in range(4000):
        r.push("asdfdagljanfgkaljdfn")
    r.push(None)
    ended = False

    def on_end() -> None:
        nonlocal ended
        ended = True

    r.on("end", on_end)

    def final(self: Writable, cb: Any) -> None:
        assert ended is True
        cb(None)

    w = Writable(write=lambda self, chunk, enc, cb: cb(None), final=must_call(final))
    pipeline(r, w, must_call(lambda err=None: check(err is None)))


# ---------------------------------------------------------------------------------------------
# Over a socket. Node's blocks run an http or net server to get one; here a connected pair of
# Trio sockets does, the Node side wrapped by Duplex.from_stream (what net.Socket is), the peer
# driven by plain Trio code. Blocks that count chunks use duplex_pair, which keeps each write
# one chunk, where a socket may merge them.


def socket_pair() -> tuple[trio.SocketStream, trio.SocketStream]:
    a, b = trio.socket.socketpair()
    return trio.SocketStream(a), trio.SocketStream(b)


async def receive_all(stream: trio.abc.ReceiveStream) -> bytes:
    data = b""
    while chunk := await stream.receive_some():
        data += chunk
    return data


@node_case
async def test_pipeline_into_a_socket(must_call: MustCall) -> None:
    # Node: an http response is the destination; the client receives 'hello'.
    server, client = socket_pair()

    def read(self: Readable, size: int) -> None:
        self.push("hello")
        self.push(None)

    socket = Duplex.from_stream(server)
    pipeline(Readable(read=read), socket, must_call(check_ok))
    assert await receive_all(client) == b"hello"
    socket.destroy()
    await client.aclose()


@node_case
async def test_peer_closing_the_socket_destroys_the_source(must_call: MustCall) -> None:
    # Node: the client destroys the response; the server's pipeline destroys its source. The
    # socket reads, as net.Socket does, and closes when its peer has gone.
    server, client = socket_pair()
    sent = False

    def read(self: Readable, size: int) -> None:
        nonlocal sent
        if not sent:
            sent = True
            self.push("hello")

    rs = Readable(read=read, destroy=must_call(lambda self, err, cb: cb()))
    socket = Duplex.from_stream(server, allow_half_open=False)
    socket.resume()
    callback = must_call(lambda err=None: check(err.code == "ERR_STREAM_PREMATURE_CLOSE"))
    pipeline(rs, socket, callback)
    assert await client.receive_some() == b"hello"
    await client.aclose()


def hello_source(times: int, **options: Any) -> Readable:
    """Pushes 'hello' ``times`` times, then nothing (never ends), as the http blocks' source."""
    sent = 0

    def read(self: Readable, size: int) -> None:
        nonlocal sent
        if sent < times:
            sent += 1
            self.push("hello")

    return Readable(read=read, **options)


@node_case
async def test_failing_sink_of_the_peer_destroys_the_source(must_call: MustCall) -> None:
    # Node: the client pipes the response into a sink that fails on its 10th write; the
    # server's source is destroyed. A socket may merge writes, so the sink fails at 50 bytes.
    server, client = socket_pair()
    rs = hello_source(11, destroy=must_call(lambda self, err, cb: cb()))
    server_socket = Duplex.from_stream(server, allow_half_open=False)
    server_socket.resume()
    pipeline(rs, server_socket, nothing)
    received = 0

    def write(self: Writable, data: Any, enc: Any, cb: Any) -> None:
        nonlocal received
        received += len(data)
        cb(Exception("kaboom") if received >= 50 else None)

    client_socket = Duplex.from_stream(client)
    pipeline(
        client_socket,
        Writable(write=write),
        must_call(lambda err=None: check(message_of(err) == "kaboom")),
    )


@node_case
async def test_echo_with_the_source_destroyed_midway(must_call: MustCall) -> None:
    # Node: an echo server (pipeline(req, res)); the client pipes a source into the request
    # and destroys it after 10 chunks of the answer (50 bytes here): its pipeline calls back.
    server, client = socket_pair()
    echo = Duplex.from_stream(server, allow_half_open=False)
    pipeline(echo, echo, must_call(check_ok))
    rs = hello_source(11)
    client_socket = Duplex.from_stream(client)
    done = trio.Event()
    pipeline(rs, client_socket, must_call(lambda *args: done.set()))
    received = 0

    def on_data(chunk: Any) -> None:
        nonlocal received
        received += len(chunk)
        if received >= 50:
            rs.destroy()

    client_socket.on("data", on_data)
    await done.wait()
    assert rs.destroyed and client_socket.destroyed


@node_case
async def test_destroying_the_stream_after_a_socket_source(must_call: MustCall) -> None:
    server, client = socket_pair()
    stream = PassThrough()
    stream.on("error", must_call())
    pipeline(
        Duplex.from_stream(client),
        stream,
        must_call(lambda err=None: check(message_of(err) == "oh no")),
    )
    stream.destroy(Exception("oh no"))
    await server.send_all(b"asd")
    await server.aclose()


@node_case
async def test_body_into_a_socket_nobody_answers(must_call: MustCall) -> None:
    # Node: a request body piped into an http request whose server never responds: the
    # pipeline succeeds once the body is written, and the request is aborted after.
    server, client = socket_pair()
    request = Duplex.from_stream(client)
    body = PassThrough()

    def done(err: Any = None) -> None:
        assert err is None
        assert request.destroyed is False
        request.destroy()

    pipeline(body, request, must_call(done))
    body.end()
    assert await receive_all(server) == b""
    await server.aclose()


@node_case
async def test_socket_into_a_passthrough(must_call: MustCall) -> None:
    # Node: a PUT request body piped into a PassThrough by the server, which then answers.
    server, client = socket_pair()
    request = Duplex.from_stream(server)
    request.on("error", must_call.never("socket error"))

    def done(err: Any = None) -> None:
        assert err is None
        request.end()

    pipeline(request, PassThrough(), must_call(done))
    await client.send_all(b"asd123")
    await client.send_eof()
    assert await receive_all(client) == b""
    await client.aclose()


@node_case
async def test_echo_server_pipes_a_socket_into_itself(must_call: MustCall) -> None:
    # Node's net echo server (two copies of the block): pipeline(socket, socket) succeeds and
    # the socket finishes when the client ends at once.
    server, client = socket_pair()
    socket = Duplex.from_stream(server)
    pipeline(socket, socket, must_call(check_ok))
    socket.on("finish", must_call())
    await client.send_eof()
    assert await receive_all(client) == b""
    await client.aclose()


# ---------------------------------------------------------------------------------------------
# test-stream-pipeline-listeners.js: the 'error' listeners pipeline leaves behind. A readable
# last stream keeps none once the pipeline succeeded (so a later error of it is uncaught);
# other stages keep theirs (a later error of them goes to the finished pipeline, unheard).


@node_case
async def test_error_listeners_left_after_success(must_call: MustCall) -> None:
    uncaught: list[str] = []

    def on_uncaught(err: BaseException, origin: str) -> None:
        uncaught.append(str(err))

    loop = current_loop()
    loop.on("uncaughtException", on_uncaught)

    # A readable last stream: its listeners removed, the others' kept.
    a = PassThrough()
    a.end("foobar")
    b = Duplex(write=lambda self, chunk, encoding, callback: callback())

    def a_b_done(err: Any = None) -> None:
        assert err is None
        assert a.listener_count("error") > 0
        assert b.listener_count("error") == 0

        def later() -> None:
            assert b.listener_count("error") == 0
            b.destroy(Exception("no way"))

        set_timeout(later, 100)

    pipeline(a, b, must_call(a_b_done))

    # An async generator last: the PassThrough pipeline returns is the readable last stream.
    c = PassThrough()
    c.end("foobar")

    async def shout(source: Any) -> Any:
        async for chunk in source:
            yield chunk.to_string().upper()

    def c_d_done(err: Any = None) -> None:
        assert err is None
        assert c.listener_count("error") > 0
        assert d.listener_count("error") == 0

        def later() -> None:
            assert b.listener_count("error") == 0
            d.destroy(Exception("no way"))

        set_timeout(later, 100)

    d = pipeline(c, shout, must_call(c_d_done))

    # A last stream that is not readable keeps its listener: its later error is swallowed.
    e = PassThrough()
    e.end("foobar")
    f = Writable(write=lambda self, chunk, encoding, callback: callback())

    def e_f_done(err: Any = None) -> None:
        assert err is None
        assert e.listener_count("error") > 0
        assert f.listener_count("error") > 0

        def later() -> None:
            assert f.listener_count("error") > 0
            f.destroy(Exception("no way"))

        set_timeout(later, 100)

    pipeline(e, f, must_call(e_f_done))
    await trio.sleep(0.2)
    # Node: process.on('uncaughtException') is called twice, with 'no way'.
    assert uncaught == ["no way", "no way"]
    loop.remove_listener("uncaughtException", on_uncaught)


# test-stream-pipeline-uncaught.js


@node_case
async def test_exception_in_the_callback_is_uncaught(must_call: MustCall) -> None:
    # A pipeline ending with an async def (Node: a Promise) still lets an exception of its
    # callback reach the loop's uncaught-exception path, not a swallowed rejection.
    loop = current_loop()
    uncaught: list[BaseException] = []
    loop.on("uncaughtException", must_call(lambda err, origin: uncaught.append(err)))
    s = PassThrough()
    s.end("data")

    async def consume(source: Any) -> None:
        async for _ in source:
            pass

    def callback(err: Any = None, *_value: Any) -> None:
        assert err is None
        raise Exception("error")

    pipeline(s, consume, must_call(callback))
    await trio.sleep(0.01)
    assert [str(err) for err in uncaught] == ["error"]


# ---------------------------------------------------------------------------------------------
# Python-specific: JS's ``for await`` closes its source when it is left early, so a failed
# chain of generators closes from the last to the first; Python's ``async for`` does not, so
# the pipeline closes each source it handed to a function stage (none is left for the GC).


@node_case
async def test_failing_stage_closes_every_generator_before_it(must_call: MustCall) -> None:
    closed: list[str] = []

    async def source() -> Any:
        try:
            for chunk in ("a", "b", "c"):
                yield chunk
        finally:
            closed.append("source")

    async def middle(source: Any) -> Any:
        try:
            async for chunk in source:
                yield chunk
        finally:
            closed.append("middle")

    def fail(self: Writable, chunk: Any, encoding: Any, cb: Any) -> None:
        cb(Exception("kaboom") if chunk == "b" else None)

    destination = Writable(object_mode=True, write=fail)
    pipeline(source, middle, destination, must_call(lambda err=None: check_message(err)))
    await trio.testing.wait_all_tasks_blocked()
    assert closed == ["middle", "source"]

    # An async def destination leaving its loop early (Node: the for-await's return()).
    closed.clear()

    async def first_only(source: Any) -> Any:
        async for chunk in source:
            return chunk

    def got_a(err: Any = None, value: Any = None) -> None:
        assert err is None
        assert value == "a"

    pipeline(source, middle, first_only, must_call(got_a))
    await trio.testing.wait_all_tasks_blocked()
    assert closed == ["middle", "source"]


def check_message(err: Any) -> None:
    assert message_of(err) == "kaboom"
