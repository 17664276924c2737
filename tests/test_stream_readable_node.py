"""Node's test/parallel/test-stream-readable-*.js, ported case by case.

Each test names the Node file (and case) it comes from. ``read=`` functions receive the stream
first, as Node's option functions receive it as ``this``.
"""

from __future__ import annotations

from typing import Any

import pytest
from _stream_support import MustCall, next_tick, node_case, set_immediate

from trio_nodecompat.buffer import Buffer
from trio_nodecompat.errors import (
    ERR_INVALID_ARG_TYPE,
    ERR_METHOD_NOT_IMPLEMENTED,
    ERR_OUT_OF_RANGE,
    ERR_STREAM_PUSH_AFTER_EOF,
    ERR_STREAM_UNSHIFT_AFTER_END_EVENT,
)
from trio_nodecompat.stream import PassThrough, Readable


def nothing(*_args: Any) -> None:
    pass


# test-stream-readable-needReadable.js


@node_case
def test_need_readable_sync_push(must_call: MustCall) -> None:
    readable = Readable(read=nothing)
    assert readable._readable_state.need_readable is False

    def on_readable() -> None:
        assert readable._readable_state.need_readable is False
        readable.read()

    readable.on("readable", must_call(on_readable))
    assert readable._readable_state.need_readable is True
    readable.push("foo")
    readable.push(None)
    readable.on("end", must_call(lambda: _check(readable._readable_state.need_readable is False)))


def _check(condition: bool) -> None:
    assert condition


@node_case
def test_need_readable_async_pushes(must_call: MustCall) -> None:
    r = Readable(read=nothing)

    def on_readable() -> None:
        if r.read() is not None:
            assert r._readable_state.need_readable is True

    r.on("readable", must_call(on_readable, 2))
    next_tick(must_call(lambda: r.push("foooo")))
    next_tick(must_call(lambda: r.push("bar")))

    def end() -> None:
        r.push(None)
        assert r._readable_state.need_readable is False

    set_immediate(must_call(end))


@node_case
def test_need_readable_flowing(must_call: MustCall) -> None:
    flowing = Readable(read=nothing)
    for chunk in ("foooo", "bar", "quo"):
        flowing.push(chunk)
    next_tick(must_call(lambda: flowing.push(None)))
    flowing.on("data", must_call(lambda _d: _check(not flowing._readable_state.need_readable), 3))


@node_case
def test_need_readable_slow_producer(must_call: MustCall) -> None:
    slow = Readable(read=nothing)

    def on_readable() -> None:
        chunk = slow.read(8)
        state = slow._readable_state
        assert state.need_readable is (chunk is None)

    slow.on("readable", must_call(on_readable, 4))

    def step(n: int) -> None:
        if n == 3:
            slow.push(None)
            return
        slow.push("foo")
        next_tick(must_call(step), n + 1)

    next_tick(must_call(step), 0)


# test-stream-readable-emittedReadable.js


@node_case
def test_emitted_readable(must_call: MustCall) -> None:
    readable = Readable(read=nothing)
    assert readable._readable_state.emitted_readable is False
    expected: list[Any] = [b"foobar", b"quo", None]

    def on_readable() -> None:
        assert readable._readable_state.emitted_readable is True
        got = readable.read()
        want = expected.pop(0)
        assert (got is None and want is None) or got == want
        assert readable._readable_state.emitted_readable is False

    readable.on("readable", must_call(on_readable, 3))
    next_tick(must_call(lambda: readable.push("foo")))
    next_tick(must_call(lambda: readable.push("bar")))

    def later() -> None:
        readable.push("quo")
        next_tick(must_call(lambda: readable.push(None)))

    set_immediate(must_call(later))


@node_case
def test_emitted_readable_read0(must_call: MustCall) -> None:
    no_read = Readable(read=nothing)

    def on_readable() -> None:
        assert no_read._readable_state.emitted_readable is True
        no_read.read(0)
        assert no_read._readable_state.emitted_readable is True

    no_read.on("readable", must_call(on_readable))
    no_read.push("foo")
    no_read.push(None)


@node_case
def test_emitted_readable_flowing(must_call: MustCall) -> None:
    flowing = Readable(read=nothing)

    def on_data(_chunk: Any) -> None:
        assert flowing._readable_state.emitted_readable is False
        flowing.read()
        assert flowing._readable_state.emitted_readable is False

    flowing.on("data", must_call(on_data, 3))
    for chunk in ("foooo", "bar", "quo"):
        flowing.push(chunk)
    next_tick(must_call(lambda: flowing.push(None)))


# test-stream-readable-hwm-0.js, -hwm-0-async.js, -resume-hwm.js


@node_case
def test_hwm_0_read_called_once(must_call: MustCall) -> None:
    pushed_null = False
    r = Readable(read=must_call(nothing), high_water_mark=0)

    def on_readable() -> None:
        assert r.read() is None
        assert pushed_null

    r.on("readable", must_call(on_readable))
    r.on("end", must_call())

    def tick() -> None:
        nonlocal pushed_null
        assert r.read() is None
        pushed_null = True
        r.push(None)

    next_tick(tick)


@node_case
def test_hwm_0_async(must_call: MustCall) -> None:
    count = 5

    def produce() -> None:
        nonlocal count
        if count:
            count -= 1
            r.push("a")
        else:
            r.push(None)

    r = Readable(
        read=must_call(lambda self, n: next_tick(must_call(produce)), 6), high_water_mark=0
    )
    r.on("end", must_call())
    r.on("data", must_call(times=5))


@node_case
def test_resume_hwm(must_call: MustCall) -> None:
    readable = Readable(read=must_call.never("_read"), high_water_mark=100)
    for _ in range(10):
        readable.push("a" * 200)
    readable.resume()
    readable.once("data", must_call(lambda _c: readable.pause()))


# test-stream-readable-pause-and-resume.js


@node_case
def test_pause_and_resume_loop(must_call: MustCall) -> None:
    ticks = 18
    expected_data = 19

    def read(self: Readable, n: int) -> None:
        nonlocal ticks
        if ticks > 0:
            ticks -= 1
            next_tick(lambda: rs.push({}))
            return
        ticks -= 1
        rs.push({})
        rs.push(None)

    rs = Readable(object_mode=True, read=read)
    rs.on("end", must_call())

    def read_and_pause() -> None:
        def on_data(_data: Any) -> None:
            nonlocal expected_data
            rs.pause()
            expected_data -= 1
            if expected_data <= 0:
                return

            def again() -> None:
                rs.remove_listener("data", ondata)
                read_and_pause()
                rs.resume()

            set_immediate(again)

        ondata = must_call(on_data, 1)
        rs.on("data", ondata)

    read_and_pause()


@node_case
def test_pause_after_readable_listener_removed(must_call: MustCall) -> None:
    readable = Readable(read=nothing)
    readable.set_encoding("utf8")
    readable.on("readable", nothing)
    readable.remove_listener("readable", nothing)
    readable.pause()
    next_tick(must_call(lambda: _check(readable.is_paused())))


@node_case
def test_pause_pipe_into_full_destination(must_call: MustCall) -> None:
    source = PassThrough()
    target = PassThrough()
    chunk = Buffer.alloc_unsafe(1000)
    while target.write(chunk):
        pass
    source.pipe(target)
    target.on("drain", must_call(lambda: _check(not source.is_paused())))
    target.on("data", nothing)


# test-stream-readable-data.js, -add-chunk-during-data.js


@node_case
def test_data_after_readable_removed(must_call: MustCall) -> None:
    readable = Readable(read=nothing)
    readable.set_encoding("utf8")
    readable.on("readable", nothing)
    readable.remove_listener("readable", nothing)

    def later() -> None:
        readable.on("data", must_call())
        readable.push("hello")

    next_tick(later)


@pytest.mark.parametrize("method", ["push", "unshift"])
async def test_add_chunk_during_data(method: str) -> None:
    @node_case
    def case(must_call: MustCall) -> None:
        r = Readable(read=nothing)

        def once_data(chunk: Any) -> None:
            assert r.readable_length == 0
            getattr(r, method)(chunk)
            assert r.readable_length == len(chunk)
            r.on("data", must_call(lambda c: _check(c.to_string() == "Hello, world")))

        r.once("data", must_call(once_data))
        r.push("Hello, world")

    await case()


# test-stream-readable-error-end.js, -end-destroyed.js


@node_case
def test_error_no_end(must_call: MustCall) -> None:
    r = Readable(read=nothing)
    r.on("end", must_call.never("end"))
    r.on("data", must_call())
    r.on("error", must_call())
    r.push("asd")
    r.push(None)
    r.destroy(Exception("kaboom"))


@node_case
def test_no_end_after_close(must_call: MustCall) -> None:
    r = Readable()
    r.on("end", must_call.never("end"))
    r.resume()
    r.destroy()
    r.on("close", must_call(lambda: r.push(None)))


# test-stream-readable-setEncoding-null.js, -with-unimplemented-_read.js,
# -constructor-set-methods.js


def test_set_encoding_none_is_utf8() -> None:
    readable = Readable(encoding="hex")
    assert readable._readable_state.encoding == "hex"
    readable.set_encoding(None)
    assert readable._readable_state.encoding == "utf8"


@node_case
def test_unimplemented_read(must_call: MustCall) -> None:
    readable = Readable()
    readable.read()

    def on_error(err: BaseException) -> None:
        assert isinstance(err, ERR_METHOD_NOT_IMPLEMENTED)
        assert str(err) == "The _read() method is not implemented"

    readable.on("error", must_call(on_error))
    readable.on("close", must_call())


@node_case
def test_constructor_read(must_call: MustCall) -> None:
    r = Readable(read=must_call(lambda self, n: self.push(None)))
    r.resume()


# test-stream-readable-invalid-chunk.js


@pytest.mark.parametrize("method", ["push", "unshift"])
@pytest.mark.parametrize("value", [[], {}, 0])
async def test_invalid_chunk(method: str, value: object) -> None:
    @node_case
    def case(must_call: MustCall) -> None:
        readable = Readable(read=nothing)
        readable.on("error", must_call(lambda err: _check(isinstance(err, ERR_INVALID_ARG_TYPE))))
        getattr(readable, method)(value)

    await case()


# test-stream-readable-default-encoding.js


def test_default_encoding_invalid() -> None:
    from trio_nodecompat.errors import ERR_UNKNOWN_ENCODING

    with pytest.raises(ERR_UNKNOWN_ENCODING):
        Readable(read=nothing, default_encoding="my invalid encoding")


@node_case
def test_default_encoding_hex(must_call: MustCall) -> None:
    r = Readable(read=nothing, default_encoding="hex")
    r.push("ab")
    r.on("data", must_call(lambda chunk: _check(chunk.to_string("hex") == "ab")))


@node_case
def test_default_encoding_overridden(must_call: MustCall) -> None:
    r = Readable(read=nothing, default_encoding="hex")
    r.push("xy", "utf-8")
    r.on("data", must_call(lambda chunk: _check(chunk.to_string("utf-8") == "xy")))


# test-stream-readable-ended.js


@node_case
def test_readable_ended(must_call: MustCall) -> None:
    readable = Readable()

    def read(n: int) -> None:
        assert readable.readable_ended is False
        readable.push("asd")
        assert readable.readable_ended is False
        readable.push(None)
        assert readable.readable_ended is False

    readable._read = read  # type: ignore[method-assign]
    readable.on("end", must_call(lambda: _check(readable.readable_ended is True)))
    readable.on("data", must_call(lambda _c: _check(readable.readable_ended is False)))


@node_case
def test_readable_ended_double_eof(must_call: MustCall) -> None:
    readable = Readable()
    readable.on("readable", lambda: readable.read())
    readable.on("error", must_call.never("error"))
    readable.on("end", must_call())
    readable.push("a")
    readable.push(None)
    readable.push(None)


# test-stream-readable-readable.js


@node_case
def test_readable_property(must_call: MustCall) -> None:
    r = Readable(read=nothing)
    assert r.readable is True
    r.destroy()
    assert r.readable is False

    never = must_call.never("end")
    r2 = Readable(read=nothing)
    assert r2.readable is True
    r2.on("end", never)
    r2.resume()
    r2.push(None)
    assert r2.readable is True
    r2.off("end", never)
    r2.on("end", must_call(lambda: _check(r2.readable is False)))

    def destroy_later() -> None:
        r3.destroy(Exception())
        assert r3.readable is False

    r3 = Readable(read=must_call(lambda self, n: next_tick(destroy_later)))
    r3.resume()
    r3.on("error", must_call(lambda _e: _check(r3.readable is False)))


# test-stream-readable-aborted.js


@node_case
def test_readable_aborted(must_call: MustCall) -> None:
    from trio_nodecompat.stream import Duplex
    from trio_nodecompat.timers import queue_microtask

    readable = Readable(read=nothing)
    assert readable.readable_aborted is False
    readable.destroy()
    assert readable.readable_aborted is True

    readable = Readable(read=nothing)
    readable.push(None)
    readable.destroy()
    assert readable.readable_aborted is True

    readable = Readable(read=nothing)
    readable.push("asd")
    readable.destroy()
    assert readable.readable_aborted is True

    ended = Readable(read=nothing)
    ended.push("asd")
    ended.push(None)
    assert ended.readable_aborted is False

    def on_end() -> None:
        assert ended.readable_aborted is False
        ended.destroy()
        assert ended.readable_aborted is False
        queue_microtask(lambda: _check(ended.readable_aborted is False))

    ended.on("end", must_call(on_end))
    ended.resume()

    duplex = Duplex(readable=False, write=nothing)
    duplex.destroy()
    assert duplex.readable_aborted is False


# test-stream-readable-setEncoding-existing-buffers.js


@node_case
def test_set_encoding_existing_buffers(must_call: MustCall) -> None:
    cases: list[tuple[list[bytes], list[bytes]]] = [
        ([b"a", b"b"], []),
        ([b"\xf0", b"\x9f", b"\x8e", b"\x89"], []),
        ([b"\xf0", b"\x9f"], [b"\x8e", b"\x89"]),
    ]
    expected = [["ab"], ["\U0001f389"], ["\U0001f389"]]
    for (before, after), want in zip(cases, expected, strict=True):
        r = Readable(read=nothing)
        for chunk in before:
            r.push(Buffer.from_(chunk))
        r.set_encoding("utf8")
        for chunk in after:
            r.push(Buffer.from_(chunk))
        chunks: list[str] = []
        r.on("data", chunks.append)
        next_tick(must_call(lambda c=chunks, w=want: _check(c == w)))


# test-stream-readable-flow-recursion.js


@node_case
def test_flow_recursion(must_call: MustCall) -> None:
    stream = Readable(high_water_mark=2)
    reads = 0
    total = 5000

    def read(size: int) -> None:
        nonlocal reads, total
        reads += 1
        size = min(size, total)
        total -= size
        stream.push(None if size == 0 else Buffer.alloc_unsafe(size))

    stream._read = read  # type: ignore[method-assign]
    depth = 0
    done = must_call()

    def flow(size: int) -> None:
        nonlocal depth
        depth += 1
        chunk = stream.read(size)
        if not chunk:
            stream.once("readable", lambda: flow(size))
        else:
            done(chunk)
        depth -= 1

    flow(5000)

    def at_exit() -> None:
        assert reads == 2
        assert stream.readable_high_water_mark == 8192
        assert stream.readable_length == 0
        assert depth == 0

    set_immediate(must_call(at_exit))


# test-stream-readable-infinite-read.js (Node 20's default mark, given explicitly)


@node_case
def test_infinite_read(must_call: MustCall) -> None:
    buf = Buffer.alloc(8192)
    readable = Readable(read=must_call(lambda self, n: self.push(buf), 31), high_water_mark=16384)
    i = 0

    def on_readable() -> None:
        nonlocal i
        i += 1
        if i == 11:
            readable.remove_all_listeners("readable")
            return
        data = readable.read()
        assert len(data) == (8192 * 2 if i == 1 else 8192 * 3)

    readable.on("readable", must_call(on_readable, 11))


# Errors pushed at the wrong time


@node_case
def test_push_after_eof(must_call: MustCall) -> None:
    r = Readable(read=nothing)
    r.on("error", must_call(lambda e: _check(isinstance(e, ERR_STREAM_PUSH_AFTER_EOF))))
    r.push(None)
    r.push("x")


@node_case
def test_unshift_after_end_event(must_call: MustCall) -> None:
    r = Readable(read=nothing)
    r.on(
        "error",
        must_call(lambda e: _check(isinstance(e, ERR_STREAM_UNSHIFT_AFTER_END_EVENT))),
    )
    r.resume()
    r.push(None)
    r.on("end", must_call(lambda: r.unshift("x")))


def test_read_raising_mark_past_1gib() -> None:
    r = Readable(read=nothing)
    with pytest.raises(ERR_OUT_OF_RANGE):
        r.read(0x40000001)
    assert r.readable_high_water_mark == 64 * 1024
