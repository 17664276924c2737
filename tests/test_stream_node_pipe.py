"""Node's test/parallel/test-stream-pipe-*.js, ported case by case.

Each test names the Node file (and block) it comes from. Several of Node's files check the
pipe's bookkeeping through ``_readableState`` (``pipes``, ``awaitDrainWriters``); the stream
core keeps Node's state layout under snake_case names (``_readable_state.pipes``,
``_readable_state.await_drain_writers``), so those checks are ported as they are.
"""

from __future__ import annotations

from typing import Any

import pytest
import trio
from stream_node_common import Must

from trio_nodecompat import open_loop
from trio_nodecompat.buffer import Buffer
from trio_nodecompat.process import next_tick
from trio_nodecompat.stream import PassThrough, Readable, Stream, Writable
from trio_nodecompat.timers import set_immediate, set_timeout

pytest_plugins = ["stream_node_plugin"]


def _noop(*_args: Any) -> None:
    pass


# test-stream-pipe-after-end.js -----------------------------------------------------------------


async def test_pipe_after_end(must: Must, autojump_clock: Any) -> None:
    class TestReadable(Readable):
        ended_once = False

        def _read(self, size: int) -> None:
            if self.ended_once:
                self.emit("error", Exception("_read called twice"))
            self.ended_once = True
            self.push(None)

    class TestWritable(Writable):
        def _write(self, chunk: Any, encoding: str, cb: Any) -> None:
            cb()

    async with open_loop():
        ender = TestReadable()  # no 'end' until read() later
        piper = TestReadable()
        piper.read()  # pushes EOF with length 0: 'end' comes

        def later() -> None:
            ender.on("end", must.call())
            assert ender.read() is None
            w = TestWritable()
            w.on("finish", must.call())
            piper.pipe(w)

        set_timeout(must.call(later), 1)


# test-stream-pipe-await-drain-manual-resume.js -------------------------------------------------


async def test_await_drain_manual_resume(must: Must) -> None:
    buffering = True
    queue: list[Any] = []
    async with open_loop():
        writable = Writable(high_water_mark=5)

        def _write(chunk: Any, encoding: str, cb: Any) -> None:
            if buffering:
                queue.append(cb)
            else:
                cb()

        writable._write = _write  # type: ignore[method-assign]
        readable = Readable(read=_noop)
        readable.pipe(writable)

        def second_pause() -> None:
            nonlocal buffering
            # resume() does not reset the writers the flow waits for.
            assert readable._readable_state.await_drain_writers is writable
            buffering = False
            for cb in queue:
                cb()

        def first_pause() -> None:
            assert readable._readable_state.await_drain_writers is writable
            next_tick(must.call(readable.resume))
            readable.once("pause", must.call(second_pause))

        readable.once("pause", must.call(first_pause))
        readable.push(Buffer.alloc(100))  # fills the writable's mark: first 'pause'
        readable.push(Buffer.alloc(100))  # second 'pause'
        readable.push(Buffer.alloc(100))  # gets through
        readable.push(None)

        def finish() -> None:
            assert readable._readable_state.await_drain_writers is None

        writable.on("finish", must.call(finish))


# test-stream-pipe-await-drain-push-while-write.js ----------------------------------------------


async def test_await_drain_push_while_write(must: Must) -> None:
    # Node 20's default mark (16 KiB) made explicit: both chunks are above it.
    bufs = [Buffer.alloc(32 * 1024), Buffer.alloc(33 * 1024)]
    async with open_loop():

        def write(self: Any, chunk: Any, encoding: str, cb: Any) -> None:
            assert readable._readable_state.await_drain_writers is None
            if len(chunk) == 32 * 1024:  # the first chunk
                readable.push(Buffer.alloc(34 * 1024))  # above the mark
                # The flow starts waiting for 'drain' once this write returned.
                next_tick(
                    lambda: (
                        readable._readable_state.await_drain_writers is writable
                        or pytest.fail("not awaiting drain")
                    )
                )
            next_tick(cb)

        writable = Writable(high_water_mark=16384, write=must.call(write, 3))

        def read(self: Any, size: int) -> None:
            while bufs:
                self.push(bufs.pop(0))

        readable = Readable(high_water_mark=16384, read=read)
        readable.pipe(writable)


# test-stream-pipe-await-drain.js ---------------------------------------------------------------


async def test_await_drain_multiple_writers(must: Must) -> None:
    # 560000 bytes: above the default mark (Node 20's 16 KiB and ours), so write() is False.
    buffer = Buffer.alloc_unsafe(560000)
    async with open_loop():
        reader = Readable()
        reader._read = _noop  # type: ignore[method-assign]
        writer1, writer2, writer3 = Writable(), Writable(), Writable()

        def w1(chunk: Any, encoding: str, cb: Any) -> None:
            writer1.emit("chunk-received")
            next_tick(cb)

        writer1._write = must.call(w1, 1)  # type: ignore[method-assign]

        def on_chunk() -> None:
            assert len(reader._readable_state.await_drain_writers) == 0
            # Must not get through to writer1: writer2 has not finished its write.
            set_immediate(lambda: reader.push(buffer))

        writer1.once("chunk-received", on_chunk)

        def slow(expected: int) -> Any:
            def _write(chunk: Any, encoding: str, cb: Any) -> None:
                # Never calls back: a slow consumer, written to once.
                assert len(reader._readable_state.await_drain_writers) == expected

            return _write

        writer2._write = must.call(slow(1), 1)  # type: ignore[method-assign]
        writer3._write = must.call(slow(2), 1)  # type: ignore[method-assign]
        reader.pipe(writer1)
        reader.pipe(writer2)
        reader.pipe(writer3)
        reader.push(buffer)


# test-stream-pipe-cleanup-pause.js -------------------------------------------------------------


async def test_cleanup_pause(must: Must) -> None:
    buffer = Buffer.alloc_unsafe(560000)  # above the default mark: write() returns False
    async with open_loop():
        reader = Readable()
        reader._read = _noop  # type: ignore[method-assign]
        writer1, writer2 = Writable(), Writable()

        def w1(chunk: Any, encoding: str, cb: Any) -> None:
            writer1.emit("chunk-received")
            cb()

        writer1._write = must.call(w1, 1)  # type: ignore[method-assign]

        def on_chunk() -> None:
            reader.unpipe(writer1)
            reader.pipe(writer2)
            reader.push(buffer)

            def later() -> None:
                reader.push(buffer)
                set_immediate(lambda: reader.push(buffer))

            set_immediate(later)

        writer1.once("chunk-received", on_chunk)
        writer2._write = must.call(lambda chunk, encoding, cb: cb(), 3)  # type: ignore[method-assign]
        reader.pipe(writer1)
        reader.push(buffer)
        # Nothing ends these streams; the pushes above are all the work there is.


# test-stream-pipe-cleanup.js -------------------------------------------------------------------


class _LegacyWritable(Stream):
    def __init__(self) -> None:
        super().__init__()
        self.writable = True
        self.end_calls = 0

    def end(self, *_args: Any) -> None:
        self.end_calls += 1

    def destroy(self, *_args: Any) -> None:
        self.end_calls += 1

    def write(self, *_args: Any) -> bool:
        return True


class _LegacyReadable(Stream):
    def __init__(self) -> None:
        super().__init__()
        self.readable = True


class _LegacyDuplex(_LegacyWritable):
    def __init__(self) -> None:
        super().__init__()
        self.readable = True


async def test_legacy_pipe_cleanup() -> None:
    limit = 100
    w = _LegacyWritable()
    r: Any = None
    for _ in range(limit):
        r = _LegacyReadable()
        r.pipe(w)
        r.emit("end")
    assert r.listeners("end") == []
    assert w.end_calls == limit
    w.end_calls = 0
    for _ in range(limit):
        r = _LegacyReadable()
        r.pipe(w)
        r.emit("close")
    assert r.listeners("close") == []
    assert w.end_calls == limit
    r = _LegacyReadable()
    for _ in range(limit):
        w = _LegacyWritable()
        r.pipe(w)
        w.emit("close")
    assert w.listeners("close") == []

    r = _LegacyReadable()
    w = _LegacyWritable()
    d = _LegacyDuplex()
    r.pipe(d)  # pipeline A
    d.pipe(w)  # pipeline B
    counts = lambda: [  # noqa: E731
        len(s.listeners(e)) for s in (r, d, w) for e in ("end", "close")
    ]
    # r: A.onend+A.cleanup, A.onclose+A.cleanup; d: B.onend+B.cleanup,
    # A.cleanup+B.onclose+B.cleanup; w: none, B.cleanup.
    assert counts() == [2, 2, 2, 3, 0, 1]
    r.emit("end")
    assert (d.end_calls, w.end_calls) == (1, 0)
    assert counts() == [0, 0, 2, 2, 0, 1]
    d.emit("end")
    assert (d.end_calls, w.end_calls) == (1, 1)
    assert counts() == [0, 0, 0, 0, 0, 0]


# test-stream-pipe-deadlock.js ------------------------------------------------------------------


async def test_pipe_deadlock(must: Must) -> None:
    async with open_loop():
        # A source internally ended, with buffered data pending.
        src = Readable(read=_noop)
        src.push(Buffer.alloc(100))
        src.push(None)
        src.pause()
        settled = trio.Event()
        set_immediate(settled.set)
        await settled.wait()
        dst = Writable(high_water_mark=1000, write=lambda self, buf, enc, cb: next_tick(cb))
        dst.write(Buffer.alloc(1000))  # fill the write buffer
        dst.on("finish", must.call())
        src.pipe(dst)


# test-stream-pipe-error-handling.js ------------------------------------------------------------


async def test_legacy_pipe_source_error_with_listener() -> None:
    source, dest = Stream(), Stream()
    source.pipe(dest)
    got: list[BaseException] = []
    source.on("error", got.append)
    err = Exception("This stream turned into bacon.")
    source.emit("error", err)
    assert got == [err]


async def test_legacy_pipe_source_error_without_listener() -> None:
    source, dest = Stream(), Stream()
    source.pipe(dest)
    err = Exception("This stream turned into bacon.")
    with pytest.raises(Exception) as info:
        source.emit("error", err)
    assert info.value is err


async def test_pipe_error_listener_removed(must: Must, autojump_clock: Any) -> None:
    removed = False
    async with open_loop():
        r = Readable(auto_destroy=False)
        w = Writable(auto_destroy=False)

        def _read(size: int) -> None:
            def later() -> None:
                assert removed
                # Only pipe's own listener is left: it unpipes and rethrows.
                with pytest.raises(Exception, match="^fail$"):
                    w.emit("error", Exception("fail"))

            set_timeout(must.call(later), 1)

        r._read = must.call(_read)  # type: ignore[method-assign]

        def my_on_error(_err: Any) -> None:
            raise AssertionError("this should not happen")

        w.on("error", my_on_error)
        r.pipe(w)
        w.remove_listener("error", my_on_error)
        removed = True


async def test_pipe_error_other_listener_removed(must: Must, autojump_clock: Any) -> None:
    removed = False
    async with open_loop():
        r = Readable()
        w = Writable()

        def _read(size: int) -> None:
            def later() -> None:
                assert removed
                w.emit("error", Exception("fail"))

            set_timeout(must.call(later), 1)

        r._read = must.call(_read)  # type: ignore[method-assign]
        w.on("error", must.call())
        w._write = _noop  # type: ignore[method-assign]
        r.pipe(w)
        w.remove_listener("error", lambda *_a: None)  # some other listener: no effect
        removed = True


async def test_legacy_pipe_into_destroyed_passthrough(must: Must) -> None:
    err = Exception("this should be handled")
    async with open_loop():
        destination = PassThrough()
        destination.once("error", must.call(lambda e: e is err or pytest.fail()))
        Stream().pipe(destination)
        destination.destroy(err)


# test-stream-pipe-error-unhandled.js -----------------------------------------------------------


async def test_pipe_error_unhandled(must: Must) -> None:
    async with open_loop() as loop:
        loop.on("uncaughtException", must.call(lambda err, *_a: str(err) == "asd" or pytest.fail()))
        r = Readable(read=lambda self, size: self.push("asd"))
        w = Writable(auto_destroy=True, write=_noop)
        r.pipe(w)
        w.destroy(Exception("asd"))


# test-stream-pipe-event.js ---------------------------------------------------------------------


async def test_pipe_event() -> None:
    passed = False
    w = _LegacyWritable()

    def on_pipe(src: Any) -> None:
        nonlocal passed
        passed = True

    w.on("pipe", on_pipe)
    _LegacyReadable().pipe(w)
    assert passed


# test-stream-pipe-flow-after-unpipe.js ---------------------------------------------------------


async def test_flow_after_unpipe(must: Must) -> None:
    # unpipe() unblocks a stream paused while waiting for a write that never finishes.
    chunks = 0
    async with open_loop():
        rs = Readable(
            high_water_mark=1, read=must.call_at_least(lambda self, n: rs.push("foo"), 20)
        )
        ws = Writable(
            high_water_mark=1,
            write=must.call(lambda self, c, e, cb: set_immediate(lambda: rs.unpipe(ws))),
        )

        def on_data(_c: Any) -> None:
            nonlocal chunks
            chunks += 1
            if chunks >= 20:
                rs.pause()  # the end of the test

        rs.on("data", must.call_at_least(on_data, 1))
        rs.pipe(ws)


# test-stream-pipe-flow.js ----------------------------------------------------------------------


async def test_pipe_flow_object_mode_zero_mark(must: Must) -> None:
    ticks = 17
    async with open_loop():

        def read(self: Any, n: int) -> None:
            nonlocal ticks
            ticks -= 1
            if ticks + 1 > 0:
                next_tick(lambda: rs.push({}))
                return
            rs.push({})
            rs.push(None)

        rs = Readable(object_mode=True, high_water_mark=16, read=read)
        ws = Writable(
            high_water_mark=0,
            object_mode=True,
            write=lambda self, data, enc, cb: set_immediate(cb),
        )
        rs.on("end", must.call())
        ws.on("finish", must.call())
        rs.pipe(ws)


async def test_pipe_flow_through_passthroughs(must: Must) -> None:
    missing = 8
    async with open_loop():

        def read(self: Any, n: int) -> None:
            nonlocal missing
            missing -= 1
            rs.push({} if missing + 1 else None)

        rs = Readable(object_mode=True, high_water_mark=16, read=read)
        pt = rs.pipe(PassThrough(object_mode=True, high_water_mark=2)).pipe(
            PassThrough(object_mode=True, high_water_mark=2)
        )
        pt.on("end", lambda: wrapper.push(None))

        def wrapper_read(self: Any, n: int) -> None:
            def later() -> None:
                data = pt.read()
                if data is None:

                    def on_readable() -> None:
                        d = pt.read()
                        if d is not None:
                            wrapper.push(d)

                    pt.once("readable", on_readable)
                else:
                    wrapper.push(data)

            next_tick(later)

        wrapper = Readable(object_mode=True, high_water_mark=16, read=wrapper_read)
        wrapper.resume()
        wrapper.on("end", must.call())


async def test_pipe_drain_only_on_backpressure() -> None:
    async with open_loop():
        rs = Readable(read=_noop)
        pt = rs.pipe(PassThrough(object_mode=True, high_water_mark=2))
        assert pt.listener_count("drain") == 0
        pt.on("finish", lambda: pt.listener_count("drain") == 0 or pytest.fail())
        rs.push("asd")
        assert pt.listener_count("drain") == 0

        def later() -> None:
            rs.push("asd")
            assert pt.listener_count("drain") == 0
            rs.push(None)
            assert pt.listener_count("drain") == 0

        next_tick(later)


# test-stream-pipe-manual-resume.js -------------------------------------------------------------


@pytest.mark.parametrize("inbetween", ["read", "resume", "nothing"])
async def test_pipe_manual_resume(must: Must, inbetween: str) -> None:
    # A pipe does not stall when read() (or resume()) is called behind its back.
    n = 1000
    counter = n
    async with open_loop():

        def read(self: Any, size: int) -> None:
            nonlocal counter
            counter -= 1
            rs.push({"counter": counter} if counter >= 0 else None)

        rs = Readable(object_mode=True, high_water_mark=16, read=must.call_at_least(read, n))
        ws = Writable(
            object_mode=True,
            high_water_mark=16,
            write=must.call(lambda self, data, enc, cb: set_immediate(cb), n),
        )

        def meddle() -> None:
            if inbetween == "read":
                rs.read()
            elif inbetween == "resume":
                rs.resume()

        set_immediate(meddle)
        rs.pipe(ws)


# test-stream-pipe-multiple-pipes.js ------------------------------------------------------------


async def test_multiple_pipes(must: Must) -> None:
    outputs: list[list[Any]] = []
    async with open_loop():
        readable = Readable(read=_noop)
        writables = []
        for _ in range(5):
            output: list[Any] = []
            outputs.append(output)

            def writer(out: list[Any]) -> Any:
                def collect(self: Any, chunk: Any, encoding: str, callback: Any) -> None:
                    out.append(chunk)
                    callback()

                return collect

            write = writer(output)
            target = Writable(write=must.call(write, 1))
            target.on("pipe", must.call())
            readable.pipe(target)
            writables.append(target)
        inp = Buffer.from_([1, 2, 3, 4, 5])
        readable.push(inp)

        def later() -> None:
            # pipe() defers its 'resume' to a tick: the data arrives only now.
            for target, out in zip(writables, outputs, strict=True):
                assert out == [inp]
                target.on("unpipe", must.call())
                readable.unpipe(target)
            readable.push("something else")  # does not get through
            readable.push(None)
            readable.resume()  # so that 'end' comes

        next_tick(must.call(later))

        def on_end() -> None:
            assert outputs == [[inp]] * 5

        readable.on("end", must.call(on_end))


# test-stream-pipe-needDrain.js -----------------------------------------------------------------


async def test_pipe_pauses_when_dest_needs_drain(must: Must) -> None:
    async with open_loop():
        w = Writable(
            write=lambda self, buf, encoding, callback: next_tick(callback), high_water_mark=1
        )
        while w.write("asd"):
            pass
        assert w.writable_need_drain is True

        def read(self: Any, size: int) -> None:
            self.push("asd")
            self.push(None)

        r = Readable(read=read)
        r.on("pause", must.call(n=2))
        r.on("end", must.call())
        r.pipe(w)


# test-stream-pipe-same-destination-twice.js ----------------------------------------------------


async def test_same_destination_twice_unpipe_once(must: Must) -> None:
    async with open_loop():
        pt = PassThrough()
        dest = Writable(
            write=must.call(
                lambda self, chunk, enc, cb: (chunk.to_string() == "foobar" or pytest.fail(), cb())
            )
        )
        pt.pipe(dest)
        pt.pipe(dest)
        assert pt.listener_count("data") == 2
        assert pt._readable_state.pipes == [dest, dest]
        pt.unpipe(dest)
        assert pt.listener_count("data") == 1
        assert pt._readable_state.pipes == [dest]
        pt.write("foobar")
        pt.pipe(dest)


async def test_same_destination_twice_writes_twice(must: Must) -> None:
    async with open_loop():
        pt = PassThrough()
        dest = Writable(
            write=must.call(
                lambda self, chunk, enc, cb: (chunk.to_string() == "foobar" or pytest.fail(), cb()),
                2,
            )
        )
        pt.pipe(dest)
        pt.pipe(dest)
        assert pt.listener_count("data") == 2
        assert pt._readable_state.pipes == [dest, dest]
        pt.write("foobar")


async def test_same_destination_twice_unpipe_twice(must: Must) -> None:
    async with open_loop():
        pt = PassThrough()
        dest = Writable(write=must.not_call("write"))
        pt.pipe(dest)
        pt.pipe(dest)
        assert pt.listener_count("data") == 2
        assert pt._readable_state.pipes == [dest, dest]
        pt.unpipe(dest)
        pt.unpipe(dest)
        assert pt.listener_count("data") == 0
        assert pt._readable_state.pipes == []
        pt.write("foobar")


# test-stream-pipe-unpipe-streams.js ------------------------------------------------------------


async def test_unpipe_in_reverse_order(must: Must) -> None:
    async with open_loop():
        source = Readable(read=_noop)
        dest1 = Writable(write=_noop)
        dest2 = Writable(write=_noop)
        source.pipe(dest1)
        source.pipe(dest2)
        dest1.on("unpipe", must.call())
        dest2.on("unpipe", must.call())
        assert source._readable_state.pipes == [dest1, dest2]
        source.unpipe(dest2)
        assert source._readable_state.pipes == [dest1]
        dest2.on("unpipe", must.not_call("second unpipe of dest2"))
        source.unpipe(dest2)
        source.unpipe(dest1)
        assert source._readable_state.pipes == []


async def test_unpipe_all_cleans_up(must: Must) -> None:
    async with open_loop():
        source = Readable(read=_noop)
        dest1 = Writable(write=_noop)
        dest2 = Writable(write=_noop)
        dest_count = 0

        def check_src_cleanup() -> None:
            assert source._readable_state.pipes == []
            assert source._readable_state.flowing is False
            for event in ("end", "data"):
                assert source.listener_count(event) == 0, event

        checker = must.call(check_src_cleanup)

        def check_dest_cleanup(dest: Writable) -> None:
            nonlocal dest_count
            dest_count += 1
            source.pipe(dest)

            def unpipe_checker(*_a: Any) -> None:
                nonlocal dest_count
                assert dest.listeners("unpipe") == [counted]
                dest.remove_listener("unpipe", counted)
                for event in ("close", "finish", "drain", "error", "unpipe"):
                    assert dest.listener_count(event) == 0, event
                dest_count -= 1
                if dest_count == 0:
                    checker()

            counted = must.call(unpipe_checker)
            dest.on("unpipe", counted)

        check_dest_cleanup(dest1)
        check_dest_cleanup(dest2)
        source.unpipe()


async def test_unpipe_in_resume_pauses(must: Must) -> None:
    async with open_loop():
        src = Readable(read=_noop)
        dst = Writable(write=_noop)
        src.pipe(dst)

        def on_resume() -> None:
            src.on("pause", must.call())
            src.unpipe(dst)

        src.on("resume", must.call(on_resume))


# test-stream-pipe-without-listenerCount.js -----------------------------------------------------


async def test_pipe_without_listener_count(must: Must) -> None:
    r = Stream()
    r.listener_count = None  # type: ignore[assignment,method-assign]
    w = Stream()
    w.listener_count = None  # type: ignore[assignment,method-assign]

    def on_pipe(*_a: Any) -> None:
        r.emit("error", Exception("Readable Error"))
        w.emit("error", Exception("Writable Error"))

    w.on("pipe", on_pipe)
    r.on("error", must.call())
    w.on("error", must.call())
    r.pipe(w)
