"""Node's test/parallel/test-stream2-*.js, ported case by case.

Each test names the Node file (and block) it comes from; ``tests/NODE_PORTS.md`` lists every
file with what was left out and why. ``must.call(fn, n)`` is Node's ``common.mustCall``:
checked once the test's loop has closed. Node's tests lean on the default high-water mark
only where it does not matter to the outcome (the data is smaller than either default); where
it matters, the port passes Node 20's 16 KiB explicitly.
"""

from __future__ import annotations

from typing import Any

import pytest
from stream_node_common import Must

from trio_nodecompat import open_loop
from trio_nodecompat.buffer import Buffer
from trio_nodecompat.events import EventEmitter
from trio_nodecompat.process import next_tick
from trio_nodecompat.stream import Readable, Writable
from trio_nodecompat.timers import clear_timeout, set_immediate, set_timeout

pytest_plugins = ["stream_node_plugin"]

# test-stream2-basic.js -------------------------------------------------------------------------


class _BasicReader(Readable):
    """The file's TestReader: ``n`` bytes of 'x' at a time, ten times, refilled after 10 ms."""

    def __init__(self, n: int = 100) -> None:
        super().__init__()
        self.buffer = Buffer.alloc(n, "x")
        self.pos = 0
        self.bufs = 10

    def _read(self, n: int) -> None:
        to_read = min(max(n, 0), len(self.buffer) - self.pos)
        if to_read == 0:

            def later() -> None:
                self.pos = 0
                self.bufs -= 1
                if self.bufs <= 0:
                    if not self.readable_ended:
                        self.push(None)
                else:
                    self._read(n)

            set_timeout(later, 10)
            return
        ret = self.buffer.subarray(self.pos, self.pos + to_read)
        self.pos += to_read
        self.push(ret)


class _BasicWriter(EventEmitter):
    """The file's TestWriter: a plain EventEmitter with write/end, not a Writable."""

    def __init__(self) -> None:
        super().__init__()
        self.received: list[str] = []

    def write(self, c: Any, *_args: Any) -> bool:
        self.received.append(c.to_string())
        self.emit("write", c)
        return True

    def end(self, c: Any = None, *_args: Any) -> None:
        if c:
            self.write(c)
        self.emit("end", self.received)


async def test_basic_functionality(must: Must, autojump_clock: Any) -> None:
    expect = ["x" * k for k in (1, 2, 3, 4, 5, 9, 10, 12, 13, 15, 17, 19, 21, 23, 25, 21)]
    reads: list[str] = []
    async with open_loop():
        r = _BasicReader(20)
        r.on("end", must.call(lambda: reads == expect or pytest.fail(repr(reads))))
        read_size = 1

        def flow() -> None:
            nonlocal read_size
            while (res := r.read(read_size)) is not None:
                read_size += 1
                reads.append(res.to_string())
            read_size += 1
            r.once("readable", flow)

        flow()
    assert reads == expect


async def test_basic_pipe(must: Must, autojump_clock: Any) -> None:
    async with open_loop():
        r = _BasicReader(5)
        w = _BasicWriter()
        w.on("end", must.call(lambda received: received == ["xxxxx"] * 10 or pytest.fail()))
        r.pipe(w)


@pytest.mark.parametrize("split", range(1, 10))
@pytest.mark.parametrize("third", [False, True], ids=["unpipe", "multi-unpipe"])
async def test_basic_unpipe(must: Must, autojump_clock: Any, split: int, third: bool) -> None:
    expect = [["xxxxx"] * split, ["xxxxx"] * (10 - split)]
    ended = 0
    async with open_loop():
        r = _BasicReader(5)
        w = [_BasicWriter(), _BasicWriter(), _BasicWriter()]
        writes = split

        def on_write(_c: Any) -> None:
            nonlocal writes
            writes -= 1
            if writes == 0:
                r.unpipe()
                if not third:
                    assert r._readable_state.pipes == []
                w[0].end()
                r.pipe(w[1])
                if not third:
                    assert r._readable_state.pipes == [w[1]]

        w[0].on("write", on_write)

        def on_end(i: int) -> Any:
            def check(results: list[str]) -> None:
                nonlocal ended
                ended += 1
                assert ended == i + 1
                assert results == expect[i]

            return check

        w[0].on("end", must.call(on_end(0)))
        w[1].on("end", must.call(on_end(1)))
        r.pipe(w[0])
        if third:
            r.pipe(w[2])


async def test_basic_both_writers_get_the_data(must: Must, autojump_clock: Any) -> None:
    async with open_loop():
        r = _BasicReader(5)
        w = [_BasicWriter(), _BasicWriter()]
        for x in w:
            x.on("end", must.call(lambda received: received == ["xxxxx"] * 10 or pytest.fail()))
        r.pipe(w[0])
        r.pipe(w[1])


class _FakeDest(Readable):
    """A Readable posing as a destination (the file does this with ``new R()``)."""

    def __init__(self, write: Any, end: Any) -> None:
        super().__init__()
        self.write = write  # type: ignore[method-assign]
        self.end = end  # type: ignore[method-assign]


async def test_basic_back_pressure_respected(must: Must, autojump_clock: Any) -> None:
    counter = 0
    expected = ["two", "two", "three", "three", "four", "four"]
    async with open_loop():
        r = Readable(object_mode=True)
        r._read = must.not_call("_read")  # type: ignore[method-assign]
        for word in ("one", "two", "three", "four"):
            r.push([word])
        r.push(None)
        w2: _FakeDest
        w3: _FakeDest

        def w1_write(chunk: Any, *_a: Any) -> None:
            assert chunk[0] == "one"
            w1.emit("close")

            def later() -> None:
                r.pipe(w2)
                r.pipe(w3)

            next_tick(later)

        w1 = _FakeDest(w1_write, must.not_call("w1.end"))
        r.pipe(w1)

        def slow_write(dest: list[_FakeDest], before: int, delay: int) -> Any:
            def write(chunk: Any, *_a: Any) -> bool:
                nonlocal counter
                assert chunk[0] == expected.pop(0)
                assert counter == before
                counter += 1
                if chunk[0] == "four":
                    return True

                def drained() -> None:
                    nonlocal counter
                    counter -= 1
                    dest[0].emit("drain")

                set_timeout(drained, delay)
                return False

            return write

        box2: list[_FakeDest] = []
        box3: list[_FakeDest] = []
        w2 = _FakeDest(slow_write(box2, 0, 10), must.call())

        def w3_end(*_a: Any) -> None:
            assert counter == 2
            assert expected == []

        w3 = _FakeDest(slow_write(box3, 1, 50), must.call(w3_end))
        box2.append(w2)
        box3.append(w3)


async def test_basic_read0_of_ended_stream(must: Must) -> None:
    written = False
    ended = False
    async with open_loop():
        r = Readable()
        r._read = must.not_call("_read")  # type: ignore[method-assign]
        r.push(Buffer.from_("foo"))
        r.push(None)
        assert r.read(0) is None

        def write(buffer: Any, *_a: Any) -> None:
            nonlocal written
            written = True
            assert not ended
            assert buffer.to_string() == "foo"

        def end(*_a: Any) -> None:
            nonlocal ended
            ended = True
            assert written

        r.pipe(_FakeDest(write, must.call(end)))


async def test_basic_synchronous_read_ending(must: Must) -> None:
    called = False
    async with open_loop():
        r = Readable()
        r._read = lambda n: r.push(None)  # type: ignore[method-assign]

        def on_end() -> None:
            nonlocal called
            called = True

        r.once("end", on_end)
        r.read()

        def check() -> None:
            assert called

        next_tick(must.call(check))


async def test_basic_readable_listener_triggers_flow(must: Must) -> None:
    read_called = 0
    on_readable = False
    async with open_loop():
        r = Readable(high_water_mark=5)

        def _read(n: int) -> None:
            nonlocal read_called
            read_called += 1
            r.push(None if read_called == 3 else Buffer.from_("asdf"))

        r._read = _read  # type: ignore[method-assign]

        def readable() -> None:
            nonlocal on_readable
            on_readable = True
            r.read()

        r.on("readable", readable)

        def end() -> None:
            assert read_called == 3
            assert on_readable

        r.on("end", must.call(end))


async def test_basic_chainable(must: Must) -> None:
    async with open_loop():
        r = Readable()
        r._read = must.call()  # type: ignore[method-assign]
        assert r.set_encoding("utf8").pause().resume().pause() is r


async def test_basic_encoding_and_object_mode_properties() -> None:
    async with open_loop():
        assert Readable(encoding="utf8").readable_encoding == "utf8"
        assert Readable(object_mode=True).readable_object_mode is True
        assert Writable(object_mode=True).writable_object_mode is True


# test-stream2-base64-single-char-read-end.js ---------------------------------------------------


async def test_base64_single_char_read_end(must: Must) -> None:
    accum: list[Any] = []
    async with open_loop():
        src = Readable(encoding="base64")
        dst = Writable()
        has_read = False

        def _read(n: int) -> None:
            nonlocal has_read
            if not has_read:
                has_read = True

                def later() -> None:
                    src.push(Buffer.from_("1"))
                    src.push(None)

                next_tick(later)

        src._read = _read  # type: ignore[method-assign]

        def _write(chunk: Any, enc: str, cb: Any) -> None:
            accum.append(chunk)
            cb()

        dst._write = _write  # type: ignore[method-assign]
        timeout = set_timeout(must.not_call("timed out waiting for _write"), 100)

        def on_end() -> None:
            assert Buffer.concat(accum).to_string() == "MQ=="
            clear_timeout(timeout)

        src.on("end", must.call(on_end))
        src.pipe(dst)


# test-stream2-compatibility.js -----------------------------------------------------------------


async def test_compatibility() -> None:
    ondata_called = 0

    class TestReader(Readable):
        def __init__(self) -> None:
            super().__init__()
            self.buffer = Buffer.alloc(100, "x")

            def ondata(_chunk: Any) -> None:
                nonlocal ondata_called
                ondata_called += 1

            self.on("data", ondata)

        def _read(self, n: int) -> None:
            self.push(self.buffer)
            self.buffer = Buffer.alloc(0)

    class TestWriter(Writable):
        def __init__(self) -> None:
            super().__init__()
            self.write("foo")
            self.end()

        def _write(self, chunk: Any, enc: str, cb: Any) -> None:
            cb()

    async with open_loop():
        reader = TestReader()

        def check() -> None:
            assert ondata_called == 1
            reader.push(None)

        set_immediate(check)
        writer = TestWriter()
    assert reader.readable is False
    assert writer.writable is False


# test-stream2-decode-partial.js ----------------------------------------------------------------


async def test_decode_partial() -> None:
    buf = ""
    source = Buffer.from_([0xE2, 0x82, 0xAC, 0xC2, 0xA2])
    async with open_loop():
        readable = Readable(encoding="utf8")
        readable.push(source.subarray(0, 2))
        readable.push(source.subarray(2, 4))
        readable.push(source.subarray(4, 6))
        readable.push(None)

        def ondata(data: str) -> None:
            nonlocal buf
            buf += data

        readable.on("data", ondata)
    assert buf == "€¢"


# test-stream2-finish-pipe-error.js -------------------------------------------------------------


async def test_finish_pipe_error(must: Must) -> None:
    async with open_loop() as loop:
        loop.on("uncaughtException", must.call())
        r = Readable()
        r._read = lambda size: r.push(Buffer.alloc_unsafe(size))  # type: ignore[method-assign]
        w = Writable()
        w._write = lambda data, encoding, cb: cb(None)  # type: ignore[method-assign]
        r.pipe(w)
        # end() after pipe: the next piped write is a write after end, and nobody listens
        # for 'error' on w, so it is an uncaught exception.
        w.end()


# test-stream2-finish-pipe.js -------------------------------------------------------------------


async def test_finish_pipe() -> None:
    async with open_loop():
        r = Readable()
        r._read = lambda size: r.push(Buffer.alloc_unsafe(size))  # type: ignore[method-assign]
        w = Writable()
        w._write = lambda data, encoding, cb: next_tick(cb, None)  # type: ignore[method-assign]
        r.pipe(w)
        # end() on a nextTick, or the piped write would be a write after end.
        next_tick(w.end)


# test-stream2-large-read-stall.js --------------------------------------------------------------


async def test_large_read_stall(must: Must, autojump_clock: Any) -> None:
    read_size, push_size, push_count, hwm = 100, 20, 1000, 50
    pushes = 0
    async with open_loop():
        r = Readable(high_water_mark=hwm)

        def push(*_a: Any) -> None:
            nonlocal pushes
            if pushes > push_count:
                return
            pushes += 1
            if pushes - 1 == push_count:
                r.push(None)
                return
            if r.push(Buffer.alloc_unsafe(push_size)):
                set_timeout(push, 1)

        r._read = push  # type: ignore[method-assign]

        def readable() -> None:
            while True:
                ret = r.read(read_size)
                if not (ret is not None and len(ret) == read_size):
                    break

        r.on("readable", readable)

        def end() -> None:
            assert pushes == push_count + 1

        r.on("end", must.call(end))


# test-stream2-objects.js -----------------------------------------------------------------------


def _to_array(must: Must, callback: Any) -> Writable:
    stream = Writable(object_mode=True)
    items: list[Any] = []
    stream.write = lambda chunk, *_a: items.append(chunk)  # type: ignore[method-assign,assignment,misc]
    stream.end = must.call(lambda *_a: callback(items))  # type: ignore[method-assign]
    return stream


def _from_array(must: Must, items: list[Any]) -> Readable:
    r = Readable(object_mode=True)
    r._read = must.not_call("_read")  # type: ignore[method-assign]
    for chunk in items:
        r.push(chunk)
    r.push(None)
    return r


async def test_objects_read(must: Must) -> None:
    async with open_loop():
        r = _from_array(must, [{"one": "1"}, {"two": "2"}])
        assert r.read() == {"one": "1"}
        assert r.read() == {"two": "2"}
        assert r.read() is None


async def test_objects_piped(must: Must) -> None:
    async with open_loop():
        r = _from_array(must, [{"one": "1"}, {"two": "2"}])
        expected = [{"one": "1"}, {"two": "2"}]
        r.pipe(_to_array(must, must.call(lambda got: got == expected or pytest.fail(repr(got)))))


async def test_objects_read_n_ignored(must: Must) -> None:
    async with open_loop():
        r = _from_array(must, [{"one": "1"}, {"two": "2"}])
        assert r.read(2) == {"one": "1"}


@pytest.mark.parametrize("deferred", [False, True], ids=["sync", "async"])
async def test_objects_read_by_read(must: Must, deferred: bool) -> None:
    async with open_loop():
        r = Readable(object_mode=True)
        items: list[Any] = [{"one": "1"}, {"two": "2"}]

        def _read(n: int) -> None:
            item = items.pop(0) if items else None
            if deferred:
                next_tick(lambda: r.push(item))
            else:
                r.push(item)

        r._read = _read  # type: ignore[method-assign]
        expected = [{"one": "1"}, {"two": "2"}]
        r.pipe(_to_array(must, must.call(lambda got: got == expected or pytest.fail(repr(got)))))


@pytest.mark.parametrize(
    ("pushed", "expected"),
    [
        (["one", "two", "three"], ["one", "two", "three"]),
        (["foobar"], ["foobar"]),
        ([False, 0, ""], [False, 0, ""]),
    ],
    ids=["strings", "read0", "falsy"],
)
async def test_objects_pushed_values(must: Must, pushed: list[Any], expected: list[Any]) -> None:
    async with open_loop():
        r = _from_array(must, pushed)

        def check(got: list[Any]) -> None:
            # Exact types: False is not 0 here, as in JS.
            assert [(type(x), x) for x in got] == [(type(x), x) for x in expected]

        r.pipe(_to_array(must, must.call(check)))


async def test_objects_high_water_mark_read() -> None:
    calls = 0
    async with open_loop():
        r = Readable(high_water_mark=6, object_mode=True)

        def _read(n: int) -> None:
            nonlocal calls
            calls += 1

        r._read = _read  # type: ignore[method-assign]
        for c in "12345678":
            r.push(c)
        assert r.read() == "1"
        assert calls == 0
        assert r.read() == "2"
        assert r.read() == "3"
        assert calls == 1


async def test_objects_high_water_mark_push(must: Must) -> None:
    async with open_loop():
        r = Readable(high_water_mark=6, object_mode=True)
        r._read = must.not_call("_read")  # type: ignore[method-assign]
        for i in range(6):
            assert r.push(i) is (i != 5)


async def test_objects_written(must: Must) -> None:
    async with open_loop():
        w = Writable(object_mode=True)

        def _write(chunk: Any, encoding: str, cb: Any) -> None:
            assert chunk == {"foo": "bar"}
            cb()

        w._write = _write  # type: ignore[method-assign]
        w.on("finish", must.call())
        w.write({"foo": "bar"})
        w.end()


@pytest.mark.parametrize("values", [[0, 1, 2, 3, 4], ["0", "1", "2", "3", "4"]])
async def test_objects_multiple_written(must: Must, values: list[Any]) -> None:
    got: list[Any] = []
    async with open_loop():
        w = Writable(object_mode=True)

        def _write(chunk: Any, encoding: str, cb: Any) -> None:
            got.append(chunk)
            if isinstance(chunk, str):
                next_tick(cb)
            else:
                cb()

        w._write = _write  # type: ignore[method-assign]
        w.on("finish", must.call(lambda: got == values or pytest.fail(repr(got))))
        for v in values:
            w.write(v)
        w.end()


async def test_objects_finish_waits_for_callback(must: Must) -> None:
    called = False
    async with open_loop():
        w = Writable(object_mode=True)

        def _write(chunk: Any, encoding: str, cb: Any) -> None:
            assert chunk == "foo"

            def later() -> None:
                nonlocal called
                called = True
                cb()

            next_tick(later)

        w._write = _write  # type: ignore[method-assign]
        w.on("finish", must.call(lambda: called or pytest.fail("finish before callback")))
        w.write("foo")
        w.end()


# test-stream2-pipe-error-handling.js -----------------------------------------------------------


@pytest.mark.parametrize("auto_destroy", [True, False])
async def test_pipe_error_handling(auto_destroy: bool) -> None:
    count = 1000
    unpiped_dest: list[Any] = []
    unpiped_source: list[Any] = []
    got_err: list[BaseException] = []
    async with open_loop():

        class Source(Readable):
            def _read(self, n: int) -> None:
                nonlocal count
                n = min(count, n)
                count -= n
                self.push(Buffer.alloc_unsafe(n))

            def unpipe(self, dest: Any = None) -> Any:
                unpiped_dest.append(dest)
                return super().unpipe(dest)

        source = Source()
        dest = Writable(auto_destroy=auto_destroy)
        dest._write = lambda chunk, encoding, cb: cb()  # type: ignore[method-assign]
        source.pipe(dest)
        if auto_destroy:
            dest.on("error", got_err.append)
        dest.on("unpipe", lambda src, *_info: unpiped_source.append(src))
        err = Exception("This stream turned into bacon.")
        if auto_destroy:
            dest.emit("error", err)
        else:
            # The only 'error' listener left is pipe's, which unpipes and rethrows.
            with pytest.raises(Exception) as info:
                dest.emit("error", err)
            got_err.append(info.value)
        assert got_err == [err]
        assert unpiped_source == [source]
        assert unpiped_dest == [dest]


# test-stream2-pipe-error-once-listener.js ------------------------------------------------------


async def test_pipe_error_once_listener(must: Must) -> None:
    class Read(Readable):
        def _read(self, size: int) -> None:
            self.push("x")
            self.push(None)

    class Write(Writable):
        def _write(self, buffer: Any, encoding: str, cb: Any) -> None:
            self.emit("error", Exception("boom"))
            self.emit("alldone")

    async with open_loop():
        read = Read()
        write = Write()
        write.once("error", lambda err: None)
        write.once("alldone", must.call())
        read.pipe(write)


# test-stream2-push.js --------------------------------------------------------------------------


async def test_push(must: Must, autojump_clock: Any) -> None:
    written: list[str] = []
    reading = False
    ended = False
    async with open_loop():
        stream = Readable(high_water_mark=16, encoding="utf8")
        source = EventEmitter()

        def read_start() -> None:
            nonlocal reading
            reading = True

        def read_stop() -> None:
            nonlocal reading
            reading = False

            def later() -> None:
                r = stream.read()
                if r is not None:
                    writer.write(r)

            next_tick(later)

        stream._read = lambda *_a: read_start()  # type: ignore[method-assign]

        def on_end() -> None:
            nonlocal ended
            ended = True

        stream.on("end", on_end)

        def on_data(chunk: Any) -> None:
            if not stream.push(chunk):
                read_stop()

        source.on("data", on_data)
        source.on("end", lambda: stream.push(None))
        writer = Writable(decode_strings=False)

        def _write(chunk: Any, encoding: str, cb: Any) -> None:
            written.append(chunk)
            next_tick(cb)

        writer._write = _write  # type: ignore[method-assign]
        writer.on(
            "finish",
            must.call(
                lambda: written == ["asdfgasdfgasdfgasdfg"] * 6 or pytest.fail(repr(written))
            ),
        )
        chunk = "asdfg"
        sets = 0

        def end() -> None:
            source.emit("end")
            assert not reading
            writer.end(stream.read())
            set_immediate(must.call(lambda: ended or pytest.fail("no 'end'")))

        def data() -> None:
            nonlocal sets
            for _ in range(4):
                assert reading
                source.emit("data", chunk)
            assert not reading
            sets += 1
            if sets <= 5:
                set_timeout(data, 10)
            else:
                end()

        read_start()
        data()


# test-stream2-read-sync-stack.js ---------------------------------------------------------------


async def test_read_sync_stack(must: Must) -> None:
    # Node pushes 256 Ki one-byte chunks synchronously; the point is that deep nesting of
    # synchronous _read/push does not overflow the stack. 20000 is far past Python's
    # recursion limit and keeps the test fast.
    n = 20000
    reads = 0
    async with open_loop():
        r = Readable()

        def _read(size: int) -> None:
            nonlocal reads
            chunk = None if reads == n else Buffer.alloc_unsafe(1)
            reads += 1
            r.push(chunk)

        r._read = _read  # type: ignore[method-assign]
        r.on("readable", lambda: r.read(n * 2))
        r.on("end", must.call())
        r.read(0)


# test-stream2-readable-empty-buffer-no-eof.js --------------------------------------------------


async def test_readable_empty_buffer_no_eof() -> None:
    results: list[str] = []
    async with open_loop():
        r = Readable()
        buf = Buffer.alloc(5, "x")
        reads = 5

        def _read(n: int) -> Any:
            # An empty chunk from _read means "no data for now", not EOF.
            nonlocal reads
            case = reads
            reads -= 1
            if case == 5:
                return set_immediate(lambda: r.push(buf))
            if case == 4:
                set_immediate(lambda: r.push(Buffer.alloc(0)))
                return set_immediate(r.read, 0)
            if case == 3:
                set_immediate(r.read, 0)
                return next_tick(lambda: r.push(Buffer.alloc(0)))
            if case == 2:
                set_immediate(r.read, 0)
                return r.push(Buffer.alloc(0))
            if case == 1:
                return r.push(buf)
            if case == 0:
                return r.push(None)
            raise AssertionError("unreachable")

        r._read = _read  # type: ignore[method-assign]

        def flow() -> None:
            while (chunk := r.read()) is not None:
                results.append(chunk.to_string())

        r.on("readable", flow)
        r.on("end", lambda: results.append("EOF"))
        flow()
    assert results == ["xxxxx", "xxxxx", "EOF"]


async def test_readable_empty_buffer_no_eof_base64() -> None:
    results: list[str] = []
    async with open_loop():
        r = Readable(encoding="base64")
        reads = 5

        def _read(n: int) -> Any:
            nonlocal reads
            left = reads
            reads -= 1
            return r.push(None if not left else Buffer.from_("x"))

        r._read = _read  # type: ignore[method-assign]

        def flow() -> None:
            while (chunk := r.read()) is not None:
                results.append(chunk)

        r.on("readable", flow)
        r.on("end", lambda: results.append("EOF"))
        flow()
    assert results == ["eHh4", "eHg=", "EOF"]


# test-stream2-readable-legacy-drain.js ---------------------------------------------------------


async def test_readable_legacy_drain(must: Must) -> None:
    n = 256
    reads = 0
    buffered = 0
    async with open_loop():
        r = Readable()

        def _read(size: int) -> Any:
            nonlocal reads
            reads += 1
            return r.push(None if reads == n else Buffer.alloc_unsafe(1))

        r._read = _read  # type: ignore[method-assign]
        r.on("end", must.call())

        class Legacy(EventEmitter):
            """Node's bare ``new Stream()`` with write/end: an EventEmitter destination."""

            writable = True

            def write(self, c: Any, *_a: Any) -> bool:
                nonlocal buffered
                buffered += len(c)
                next_tick(drain)
                return False

        w = Legacy()

        def drain() -> None:
            nonlocal buffered
            assert buffered <= 3
            buffered = 0
            w.emit("drain")

        w.end = must.call()  # type: ignore[attr-defined]
        r.pipe(w)


# test-stream2-readable-non-empty-end.js --------------------------------------------------------


async def test_readable_non_empty_end(must: Must, autojump_clock: Any) -> None:
    chunks = [Buffer.alloc_unsafe(i) for i in range(1, 11)]
    length = sum(range(1, 11))
    n = 0
    bytesread = 0
    async with open_loop():
        test = Readable()

        def _read(size: int) -> None:
            nonlocal n
            chunk = chunks[n] if n < len(chunks) else None
            n += 1
            set_timeout(lambda: test.push(chunk), 1)

        test._read = _read  # type: ignore[method-assign]

        def thrower() -> None:
            raise AssertionError("this should not happen!")

        test.on("end", thrower)

        def next_() -> None:
            test.remove_listener("end", thrower)
            test.on("end", must.call())
            r = test.read()
            assert r is not None
            assert len(r) == 1
            assert test.read() is None

        def readable() -> None:
            nonlocal bytesread
            res = test.read(length - bytesread - 1)
            if res:
                bytesread += len(res)
                set_timeout(next_, 1)
            test.read(0)

        test.on("readable", readable)
        test.read(0)


# test-stream2-readable-wrap-destroy.js, -wrap-empty.js, -wrap-error.js, -wrap.js -------------


class _OldStream(EventEmitter):
    """A pre-streams2 stream: an EventEmitter with pause/resume."""

    def pause(self) -> None:
        pass

    def resume(self) -> None:
        pass


@pytest.mark.parametrize("event", ["destroy", "close"])
async def test_readable_wrap_destroy(must: Must, event: str) -> None:
    async with open_loop():
        old = _OldStream()
        Readable(auto_destroy=False, destroy=must.call()).wrap(old)
        old.emit(event)


async def test_readable_wrap_empty(must: Must) -> None:
    async with open_loop():
        old = _OldStream()
        new = Readable().wrap(old)
        new.on("readable", lambda: None).on("end", must.call())
        old.emit("end")


@pytest.mark.parametrize("auto_destroy", [True, False])
async def test_readable_wrap_error(must: Must, auto_destroy: bool) -> None:
    err = Exception()
    async with open_loop():
        old = _OldStream()
        r = Readable(auto_destroy=auto_destroy).wrap(old)

        def on_error(e: BaseException) -> None:
            assert e is err
            assert r._readable_state.error_emitted is True
            assert r._readable_state.errored is err
            assert r.errored is err
            assert r.destroyed is auto_destroy

        r.on("error", must.call(on_error))
        old.emit("error", err)


_OBJECT_CHUNKS: list[Any] = [5, "a", False, 0, "", "xyz", {"x": 4}, 7, [], 555]


@pytest.mark.parametrize(
    ("hwm", "object_mode", "kind"),
    [(100, False, "bytes100"), (10, False, "bytes10"), (1, True, "objects"), (1, True, "values")],
)
async def test_readable_wrap(
    must: Must, autojump_clock: Any, hwm: int, object_mode: bool, kind: str
) -> None:
    values = iter(_OBJECT_CHUNKS)
    produce = {
        "bytes100": lambda: Buffer.alloc_unsafe(100),
        "bytes10": lambda: Buffer.from_("xxxxxxxxxx"),
        "objects": lambda: {"foo": "bar"},
        "values": lambda: next(values),
    }[kind]
    expected: list[Any] = []
    written: list[Any] = []
    flowing = False
    chunks = 10
    old_ended = False
    pausing = False
    async with open_loop():
        old = EventEmitter()
        r = Readable(high_water_mark=hwm, object_mode=object_mode)
        assert r.wrap(old) is r
        r.on("end", must.call())

        def flow() -> None:
            nonlocal flowing, chunks, old_ended
            flowing = True
            while flowing and chunks > 0:
                chunks -= 1
                item = produce()
                expected.append(item)
                old.emit("data", item)
            if chunks <= 0:
                chunks -= 1
                old_ended = True
                old.emit("end")

        def pause() -> None:
            nonlocal flowing
            old.emit("pause")
            flowing = False

        def resume() -> None:
            old.emit("resume")
            flow()

        old.pause = pause  # type: ignore[attr-defined]
        old.resume = resume  # type: ignore[attr-defined]

        def on_pause() -> None:
            nonlocal pausing
            assert not pausing  # 'pause' is emitted once per pause
            pausing = True

            def unset() -> None:
                nonlocal pausing
                pausing = False

            next_tick(unset)

        r.on("pause", on_pause)
        w = Writable(high_water_mark=hwm * 2, object_mode=object_mode)

        def _write(chunk: Any, encoding: str, cb: Any) -> None:
            written.append(chunk)
            set_timeout(cb, 1)

        w._write = _write  # type: ignore[method-assign]

        def finish() -> None:
            assert old_ended
            assert written == expected

        w.on("finish", must.call(finish))
        r.pipe(w)
        flow()


# test-stream2-set-encoding.js ------------------------------------------------------------------


class _EncodingReader(Readable):
    """The file's TestReader: ``n`` bytes of 'a', each push 1 ms after its _read."""

    def __init__(self, n: int = 100, **opts: Any) -> None:
        super().__init__(**opts)
        self.pos = 0
        self.len = n

    def _read(self, n: int) -> None:
        def later() -> Any:
            nonlocal n
            n = min(n, self.len - self.pos)
            if self.pos >= self.len or n <= 0:
                self.push(None)  # pushed twice: the second must be harmless
                return self.push(None)
            self.pos += n
            return self.push(Buffer.alloc(n, "a"))

        set_timeout(later, 1)


_ENCODING_EXPECT = {
    ("utf8", 10): ["a" * 10] * 10,
    ("hex", 10): ["6161616161"] * 20,
    ("hex", 13): ["6161616161616", "1616161616161"] * 7 + ["6161616161616", "16161"],
    ("base64", 10): ["YWFhYWFhYW", "FhYWFhYWFh"] * 6 + ["YWFhYWFhYW", "FhYQ=="],
}


@pytest.mark.parametrize("how", ["set_encoding", "option"])
@pytest.mark.parametrize(("encoding", "size"), list(_ENCODING_EXPECT))
async def test_set_encoding(
    must: Must, autojump_clock: Any, how: str, encoding: str, size: int
) -> None:
    out: list[str] = []
    async with open_loop():
        if how == "option":
            tr = _EncodingReader(100, encoding=encoding)
        else:
            tr = _EncodingReader(100)
            tr.set_encoding(encoding)

        def flow() -> None:
            while (chunk := tr.read(size)) is not None:
                out.append(chunk)

        tr.on("readable", flow)
        tr.on("end", must.call())
    assert out == _ENCODING_EXPECT[(encoding, size)]


async def test_set_encoding_chaining() -> None:
    async with open_loop():
        tr = _EncodingReader(100)
        assert tr.set_encoding("utf8") is tr


# test-stream2-unpipe-drain.js ------------------------------------------------------------------


async def test_unpipe_drain() -> None:
    # Node 20's default marks (16 KiB) made explicit: _read pushes `size` bytes.
    class TestWriter(Writable):
        def _write(self, buffer: Any, encoding: str, callback: Any) -> None:
            pass  # a very slow destination: the callback never comes

    class TestReader(Readable):
        def __init__(self) -> None:
            super().__init__(high_water_mark=16384)
            self.reads = 0

        def _read(self, size: int) -> None:
            self.reads += 1
            self.push(Buffer.alloc(size))

    async with open_loop():
        dest = TestWriter(high_water_mark=16384)
        src1 = TestReader()
        src2 = TestReader()
        src1.pipe(dest)

        def first() -> None:
            def later() -> None:
                src2.pipe(dest)
                src2.once("readable", lambda: next_tick(lambda: src1.unpipe(dest)))

            next_tick(later)

        src1.once("readable", first)
    assert src1.reads == 2
    assert src2.reads == 2


# test-stream2-unpipe-leak.js -------------------------------------------------------------------


async def test_unpipe_leak() -> None:
    chunk = Buffer.from_("hallo")

    class TestWriter(Writable):
        def _write(self, buffer: Any, encoding: str, callback: Any) -> None:
            callback(None)

    class TestReader(Readable):
        def __init__(self) -> None:
            # High, so that a wrong maybeReadMore would loop.
            super().__init__(high_water_mark=0x10000)

        def _read(self, size: int) -> None:
            self.push(chunk)

    async with open_loop():
        dest = TestWriter()
        src = TestReader()
        for _ in range(10):
            src.pipe(dest)
            src.unpipe(dest)
        assert src.listeners("end") == []
        assert src.listeners("readable") == []
        for event in ("unpipe", "drain", "error", "close", "finish"):
            assert dest.listeners(event) == [], event
    assert src.readable_length >= src.readable_high_water_mark
