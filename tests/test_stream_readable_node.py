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


# test-stream-readable-event.js


@node_case
def test_readable_event_cases(must_call: MustCall) -> None:
    from trio_nodecompat.timers import set_timeout

    r1 = Readable(high_water_mark=3)
    r1._read = must_call.never("_read")  # type: ignore[method-assign]
    r1.push(Buffer.from_("blerg"))

    def later1() -> None:
        assert not r1._readable_state.reading
        r1.on("readable", must_call())

    set_timeout(later1, 1)

    r2 = Readable(high_water_mark=3)
    r2._read = must_call()  # type: ignore[method-assign]
    r2.push(Buffer.from_("bl"))

    def later2() -> None:
        assert r2._readable_state.reading
        r2.on("readable", must_call())

    set_timeout(later2, 1)

    r3 = Readable(high_water_mark=30)
    r3._read = must_call.never("_read")  # type: ignore[method-assign]
    r3.push(Buffer.from_("blerg"))
    r3.push(None)

    def later3() -> None:
        assert not r3._readable_state.reading
        r3.on("readable", must_call())

    set_timeout(later3, 1)


@node_case
def test_readable_event_empty_strings_trigger_reads(must_call: MustCall) -> None:
    underlying = ["", "x", "y", "", "z"]
    expected = [d for d in underlying if d]
    result: list[str] = []
    r = Readable(encoding="utf8")

    def read(n: int) -> None:
        next_tick(lambda: r.push(underlying.pop(0) if underlying else None))

    r._read = read  # type: ignore[method-assign]

    def on_readable() -> None:
        data = r.read()
        if data is not None:
            result.append(data)

    r.on("readable", on_readable)
    r.on("end", must_call(lambda: _check(result == expected)))


@node_case
def test_remove_all_listeners_after_data(must_call: MustCall) -> None:
    r = Readable(read=nothing)
    r.on("data", nothing)
    r.remove_all_listeners()
    assert r.event_names() == []


# test-stream-readable-resumeScheduled.js


@node_case
def test_resume_scheduled(must_call: MustCall) -> None:
    from trio_nodecompat.stream import Writable

    r = Readable(read=nothing)
    w = Writable()
    assert r._readable_state.resume_scheduled is False
    r.pipe(w)
    assert r._readable_state.resume_scheduled is True
    next_tick(must_call(lambda: _check(r._readable_state.resume_scheduled is False)))

    r2 = Readable(read=nothing)
    assert r2._readable_state.resume_scheduled is False
    r2.push(Buffer.from_([1, 2, 3]))
    r2.on("data", must_call(lambda _c: _check(r2._readable_state.resume_scheduled is False)))
    assert r2._readable_state.resume_scheduled is True
    next_tick(must_call(lambda: _check(r2._readable_state.resume_scheduled is False)))

    r3 = Readable(read=nothing)
    assert r3._readable_state.resume_scheduled is False
    r3.resume()
    assert r3._readable_state.resume_scheduled is True
    r3.on("resume", must_call(lambda: _check(r3._readable_state.resume_scheduled is False)))
    next_tick(must_call(lambda: _check(r3._readable_state.resume_scheduled is False)))


# test-stream-readable-didRead.js (isDisturbed/isErrored are issue 14's; the property is here)


@pytest.mark.parametrize("case", ["read", "resume", "destroy", "destroy-error", "data", "data-off"])
async def test_did_read(case: str) -> None:
    @node_case
    def body(must_call: MustCall) -> None:
        pushes_data = case in ("data", "data-off")

        def read(self: Readable, n: int) -> None:
            if pushes_data:
                self.push("data")
            self.push(None)

        readable = Readable(read=read)
        assert readable.readable_did_read is False
        data = {"destroy": -2, "destroy-error": -1}.get(case, 1 if pushes_data else 0)
        if data == -1:
            readable.on("error", must_call())
            readable.on("data", must_call.never("data"))
            readable.on("end", must_call.never("end"))
        else:
            readable.on("error", must_call.never("error"))
            readable.on("end", must_call.never("end") if data == -2 else must_call())
            readable.on("data", must_call.at_least() if data > 0 else must_call.never("data"))
        readable.on("close", must_call())
        if case == "read":
            readable.read()
        elif case == "resume":
            readable.resume()
        elif case == "destroy":
            readable.destroy()
        elif case == "destroy-error":
            readable.destroy(Exception())
        else:
            readable.on("data", nothing)
            if case == "data-off":
                readable.off("data", nothing)
        set_immediate(lambda: _check(readable.readable_did_read is (data > 0)))

    await body()


# test-stream-readable-readable-then-resume.js


@node_case
def test_readable_then_resume(must_call: MustCall) -> None:
    first = False

    def read(self: Readable, n: int) -> None:
        nonlocal first
        if not first:
            self.push("hello")
            first = True
            return
        self.push(None)

    s = Readable(object_mode=True, high_water_mark=1, read=read)
    listener = must_call.never("readable")
    s.on("readable", listener)
    s.on("end", must_call())
    assert Readable.remove_listener is Readable.off
    s.remove_listener("readable", listener)
    s.resume()


# test-stream-readable-no-unneeded-readable.js


def _wrap_test(r: Readable, must_call: MustCall) -> None:
    def read(self: Readable, n: int) -> None:
        data = r.read()
        if data:
            wrapper.push(data)
            return

        def again() -> None:
            more = r.read()
            if more:
                wrapper.push(more)

        r.once("readable", again)

    wrapper = Readable(read=read)
    r.once("end", lambda: wrapper.push(None))
    wrapper.resume()
    wrapper.once("end", must_call())


@node_case
def test_no_unneeded_readable_through_passthrough(must_call: MustCall) -> None:
    source = Readable(read=nothing)
    source.push("foo")
    source.push("bar")
    source.push(None)
    _wrap_test(source.pipe(PassThrough()), must_call)


@node_case
def test_no_unneeded_readable_sync_then_async(must_call: MustCall) -> None:
    chunks = ["foo", "bar"]

    def read(self: Readable, n: int) -> None:
        if chunks:
            self.push(chunks.pop(0))
        else:
            next_tick(lambda: self.push(None))

    _wrap_test(Readable(read=read), must_call)


# test-stream-readable-reading-readingMore.js


def _reading_more_case(must_call: MustCall, readable: Readable, flowing_check: bool) -> Any:
    state = readable._readable_state
    assert state.reading is False
    assert state.reading_more is False

    def on_data(_data: Any) -> None:
        if flowing_check and readable.readable_flowing:
            assert state.reading_more is True
        assert state.reading is (not state.ended)

    readable.on("data", must_call(on_data, 2))

    def on_stream_end() -> None:
        assert state.reading_more is False
        assert state.reading is False

    readable.on("end", must_call(on_stream_end))
    return on_stream_end


@node_case
def test_reading_more_paused(must_call: MustCall) -> None:
    readable = Readable(read=nothing)
    state = readable._readable_state
    on_stream_end = _reading_more_case(must_call, readable, True)
    expected = [True, True, False]

    def on_readable() -> None:
        assert state.reading_more is expected.pop(0)
        assert state.ended is (not state.reading)
        while readable.read() is not None:
            pass
        if not expected:
            next_tick(must_call(on_stream_end))

    readable.on("readable", must_call(on_readable, 3))
    readable.push("pushed")
    readable.read(6)
    assert state.reading is True
    assert state.reading_more is True
    readable.unshift("unshifted")
    readable.push(None)


@node_case
def test_reading_more_flowing(must_call: MustCall) -> None:
    readable = Readable(read=nothing)
    state = readable._readable_state
    _reading_more_case(must_call, readable, True)
    readable.push("pushed")
    assert state.flowing is True
    readable.pause()
    assert state.reading is False
    assert state.flowing is False
    readable.resume()
    assert state.reading is False
    assert state.flowing is True
    readable.unshift("unshifted")
    readable.push(None)


@node_case
def test_reading_more_readable_removed(must_call: MustCall) -> None:
    readable = Readable(read=nothing)
    state = readable._readable_state
    on_readable = must_call.never("readable")
    readable.on("readable", on_readable)
    _reading_more_case(must_call, readable, False)
    readable.remove_listener("readable", on_readable)
    readable.push("pushed")
    assert state.flowing is False

    def later() -> None:
        readable.resume()
        assert state.flowing is True
        readable.pause()
        assert state.flowing is False
        readable.resume()
        assert state.flowing is True
        readable.unshift("unshifted")
        readable.push(None)

    next_tick(later)


# test-stream-readable-unshift.js


@node_case
def test_unshift_string_becomes_buffer(must_call: MustCall) -> None:
    readable = Readable(read=nothing)

    def on_data(chunk: Any) -> None:
        assert isinstance(chunk, Buffer)
        assert chunk.to_string("utf8") == "abc"

    readable.on("data", must_call(on_data))
    readable.unshift("abc")


@node_case
def test_unshift_goes_first(must_call: MustCall) -> None:
    readable = Readable(read=nothing)
    expected = ["front", "back"]
    readable.on("data", must_call(lambda c: _check(c.to_string("utf8") == expected.pop(0)), 2))
    readable.push("back")
    readable.unshift("front")


@node_case
def test_unshift_with_encoding(must_call: MustCall) -> None:
    readable = Readable(read=nothing)
    string = Buffer.from_("abc").to_string("base64")
    readable.on("data", must_call(lambda c: _check(c.to_string("base64") == string)))
    readable.unshift(string, "base64")


@pytest.mark.parametrize("how", ["set_encoding", "option"])
async def test_unshift_into_decoding_stream(how: str) -> None:
    @node_case
    def case(must_call: MustCall) -> None:
        stream_encoding = "base64"
        r = (
            Readable(read=nothing).set_encoding(stream_encoding)
            if how == "set_encoding"
            else Readable(read=nothing, encoding=stream_encoding)
        )
        encodings = ["utf8", "binary", "hex", "base64"]
        expected: list[tuple[str, str]] = []

        def on_data(chunk: Any) -> None:
            encoding, string = expected.pop()
            got = chunk if isinstance(chunk, str) else chunk.to_string(encoding)
            assert got == string

        r.on("data", must_call(on_data, len(encodings)))
        for encoding in encodings:
            string = "abc"
            expect = (
                Buffer.from_(string, encoding).to_string(stream_encoding)
                if encoding != stream_encoding
                else string
            )
            expected.append((encoding, expect))
            r.unshift(string, encoding)

    await case()


@pytest.mark.parametrize("how", ["set_encoding", "option"])
async def test_push_then_unshift_decoding(how: str) -> None:
    @node_case
    def case(must_call: MustCall) -> None:
        r = (
            Readable(read=nothing).set_encoding("base64")
            if how == "set_encoding"
            else Readable(read=nothing, encoding="base64")
        )
        want = Buffer.from_("abc").to_string("base64")
        r.on("data", must_call(lambda c: _check(c == want), 2))
        r.push("abc")
        r.unshift("abc")

    await case()


@node_case
def test_unshift_object_mode(must_call: MustCall) -> None:
    readable = Readable(object_mode=True, read=nothing)
    chunks: list[Any] = ["a", 1, {}, []]
    readable.on("data", must_call(lambda c: _check(c is chunks.pop()), len(chunks)))
    for chunk in list(chunks):
        readable.unshift(chunk)


@node_case
def test_unshift_in_readable_then_data(must_call: MustCall) -> None:
    hwm = 50

    class ArrayReader(Readable):
        def __init__(self) -> None:
            super().__init__(high_water_mark=hwm)
            self.items = [str(i) for i in [0] * (hwm * 2)]

        def _read(self, size: int) -> None:
            while self.items:
                chunk = self.items.pop(0)
                if not self.items:
                    self.push(chunk)
                    self.push(None)
                    return
                if not self.push(chunk):
                    return

    stream = ArrayReader()

    def on_read() -> None:
        while stream.read() is not None:
            stream.remove_listener("readable", on_read)
            stream.unshift("a")
            stream.on("data", nothing)
            break

    stream.once("readable", must_call(on_read))
    stream.on("end", must_call())


# test-stream-readable-hwm-0-no-flow-data.js


@node_case
def test_hwm_0_no_flow_data(must_call: MustCall) -> None:
    stream_data: list[Any] = ["a", None]
    calls: list[str] = []

    def shown(value: Any) -> str:
        return "null" if value is None else str(value)

    def read(self: Readable, n: int) -> None:
        calls.append("_read:" + shown(stream_data[0]))

        def later() -> None:
            calls.append("push:" + shown(stream_data[0]))
            self.push(stream_data.pop(0))

        next_tick(later)

    r = Readable(read=must_call(read, 2), high_water_mark=0, object_mode=True)
    assert r.readable_flowing is None
    r.on("readable", must_call(lambda: calls.append("readable"), 2))
    assert r.readable_flowing is False
    r.on("data", must_call(lambda data: calls.append("data:" + data)))
    r.on("end", must_call(lambda: calls.append("end")))
    assert r.readable_flowing is False
    first = ["_read:a", "push:a", "readable"]

    def step1() -> None:
        assert calls == first
        assert r.read() == "a"
        assert calls == [*first, "data:a"]
        assert r.read() is None

        def step2() -> None:
            second = [*first, "data:a", "_read:null", "push:null", "readable"]
            assert calls == second
            assert r.read() is None
            assert calls == second
            next_tick(must_call(lambda: _check(calls == [*second, "end"])))

        set_immediate(must_call(step2))

    set_immediate(must_call(step1))


# test-stream-readable-object-multi-push-async.js

_MAX = 42
_BATCH = 10


@pytest.mark.parametrize("consumer", ["readable", "data", "data-eof-with-last-batch"])
async def test_object_multi_push_async(consumer: str) -> None:
    from trio_nodecompat.timers import set_timeout

    @node_case
    def case(must_call: MustCall) -> None:
        i = 0
        eof_with_batch = consumer == "data-eof-with-last-batch"

        def fetch(cb: Any) -> None:
            nonlocal i
            if i > _MAX and not eof_with_batch:
                set_timeout(cb, 10, None, [])
                return
            batch = list(range(i, i + _BATCH))
            i += _BATCH
            set_timeout(cb, 10, None, batch)

        def read(self: Readable, n: int) -> None:
            def got(err: Any, data: list[int]) -> None:
                if err:
                    self.destroy(err)
                    return
                if not eof_with_batch and not data:
                    self.push(None)
                    return
                for d in data:
                    self.push(d)
                if eof_with_batch and data[_BATCH - 1] >= _MAX:
                    self.push(None)

            fetch(got)

        reads = _MAX // _BATCH + (1 if eof_with_batch else 2)
        readable = Readable(object_mode=True, read=must_call(read, reads))
        if consumer == "readable":

            def on_readable() -> None:
                while readable.read() is not None:
                    pass

            readable.on("readable", on_readable)
        else:
            readable.on("data", nothing)
        readable.on("end", must_call(lambda: _check(i == (_MAX // _BATCH + 1) * _BATCH)))

    await case()


@node_case
def test_object_push_eof_end_after_tick(must_call: MustCall) -> None:
    readable = Readable(object_mode=True, read=must_call.never("_read"))
    readable.on("data", must_call.never("data"))
    readable.push(None)
    ticked = False

    def tick() -> None:
        nonlocal ticked
        ticked = True

    next_tick(tick)
    readable.on("end", must_call(lambda: _check(ticked)))


@node_case
def test_object_push_from_immediate(must_call: MustCall) -> None:
    readable = Readable(object_mode=True, read=must_call())
    readable.on("data", nothing)
    readable.on("end", must_call())
    set_immediate(lambda: (readable.push("aaa"), readable.push(None)))
