"""Node's test-stream-backpressure.js, -big-push.js, -end-paused.js, -events-prepend.js,
-push-order.js, -push-strings.js, -unshift-*.js and -once-readable-pipe.js, ported case by case.

(test-stream-objectmode-undefined.js is not translatable: it pushes JS ``undefined``, which is
not ``null`` and so not EOF in object mode; Python has one ``None``, and it is EOF.)
"""

from __future__ import annotations

from typing import Any

import pytest
from stream_node_common import Must

from trio_nodecompat import open_loop
from trio_nodecompat.buffer import Buffer
from trio_nodecompat.process import next_tick
from trio_nodecompat.stream import Readable, Writable
from trio_nodecompat.timers import set_immediate, set_timeout

pytest_plugins = ["stream_node_plugin"]

# test-stream-backpressure.js -------------------------------------------------------------------


async def test_backpressure(must: Must) -> None:
    # Node 20's default marks (16 KiB) made explicit.
    pushes = 0
    total = 65500 + 40 * 1024
    async with open_loop():

        def read(self: Any, size: int) -> None:
            nonlocal pushes
            pushes += 1
            if pushes - 1 == 10:
                self.push(None)
                return
            # At most two full runs of _read before stopping: Readable is greedy.
            assert self._readable_state.length <= total
            self.push(Buffer.alloc(65500))
            for _ in range(40):
                self.push(Buffer.alloc(1024))
            # Over the mark now, but another _read is scheduled anyway.

        rs = Readable(high_water_mark=16384, read=must.call(read, 11))
        ws = Writable(
            high_water_mark=16384,
            write=must.call(lambda self, data, enc, cb: set_immediate(cb), 41 * 10),
        )
        rs.pipe(ws)


# test-stream-big-push.js -----------------------------------------------------------------------


async def test_big_push(must: Must, autojump_clock: Any) -> None:
    s = "asdfasdfasdfasdfasdf"
    reads = 0
    async with open_loop():
        r = Readable(high_water_mark=5, encoding="utf8")

        def _read(size: int) -> None:
            nonlocal reads
            if reads == 0:
                set_timeout(lambda: r.push(s), 1)
                reads += 1
            elif reads == 1:
                assert r.push(s) is False
                reads += 1
            else:
                r.push(None)

        r._read = must.call(_read, 3)  # type: ignore[method-assign]
        r.on("end", must.call())
        # Push some data to start, before any read: above the mark.
        assert r.push(s) is False
        assert r.read() == s
        assert r.read() is None

        def on_readable() -> None:
            # All the rest at once: the read would take the buffer below the mark, so it
            # called _read again, which pushed synchronously.
            assert r.read() == s + s
            assert r.read() is None

        r.once("readable", must.call(on_readable))


# test-stream-end-paused.js ---------------------------------------------------------------------


async def test_end_paused(must: Must, autojump_clock: Any) -> None:
    # 'end' of a paused 0-length stream is not missed.
    called_read = False
    async with open_loop():
        stream = Readable()

        def _read(size: int) -> None:
            nonlocal called_read
            assert not called_read
            called_read = True
            stream.push(None)

        stream._read = _read  # type: ignore[method-assign]
        stream.on("data", must.not_call("'data'"))
        stream.pause()

        def later() -> None:
            stream.on("end", must.call())
            stream.resume()

        set_timeout(must.call(later), 1)
    assert called_read


# test-stream-events-prepend.js -----------------------------------------------------------------


async def test_pipe_into_writable_without_prepend_listener(must: Must) -> None:
    class W(Writable):
        def __init__(self) -> None:
            super().__init__()
            self.prepend_listener = None  # type: ignore[assignment,method-assign]

        def _write(self, chunk: Any, encoding: str, cb: Any) -> None:
            cb()

    class R(Readable):
        def _read(self, size: int) -> None:
            self.push(None)

    async with open_loop():
        w = W()
        w.on("pipe", must.call())
        R().pipe(w)


# test-stream-push-order.js ---------------------------------------------------------------------


async def test_push_order() -> None:
    items = ["1", "2", "3", "4", "5", "6"]
    async with open_loop():
        s = Readable(high_water_mark=20, encoding="ascii")

        def _read(n: int) -> None:
            one = items.pop(0) if items else None
            if not one:
                s.push(None)
            else:
                two = items.pop(0)
                s.push(one)
                s.push(two)

        s._read = _read  # type: ignore[method-assign]
        s.read(0)
    assert ",".join(s.readable_buffer) == "1,2,3,4,5,6"


# test-stream-push-strings.js -------------------------------------------------------------------


async def test_push_strings(autojump_clock: Any) -> None:
    results: list[str] = []

    class MyStream(Readable):
        def __init__(self) -> None:
            super().__init__()
            self.chunks = 3

        def _read(self, n: int) -> Any:
            left = self.chunks
            self.chunks -= 1
            if left == 0:
                return self.push(None)
            if left == 1:
                return set_timeout(lambda: self.push("last chunk"), 100)
            if left == 2:
                return self.push("second to last chunk")
            if left == 3:
                return next_tick(lambda: self.push("first chunk"))
            raise AssertionError("?")

    async with open_loop():
        ms = MyStream()

        def on_readable() -> None:
            while (chunk := ms.read()) is not None:
                results.append(chunk.to_string())

        ms.on("readable", on_readable)
    assert ms.chunks == -1
    assert results == ["first chunksecond to last chunk", "last chunk"]


# test-stream-unshift-empty-chunk.js ------------------------------------------------------------


async def test_unshift_empty_chunk(must: Must) -> None:
    # unshift() of an empty chunk does not clear state.reading.
    seen: list[str] = []
    n_chunks = 10
    read_all = False
    chunk = Buffer.alloc(10, "x")
    async with open_loop():
        r = Readable()

        def _read(n: int) -> None:
            def later() -> None:
                nonlocal n_chunks
                n_chunks -= 1
                r.push(None if n_chunks == 0 else chunk)

            set_immediate(later)

        r._read = _read  # type: ignore[method-assign]

        def on_readable() -> None:
            nonlocal read_all
            while (c := r.read()) is not None:
                seen.append(c.to_string())
                # Read part of it and put the rest back, as a parser might ('y's, to see
                # which bytes were touched).
                put_back = Buffer.alloc(0 if read_all else 5, "y")
                read_all = not read_all
                r.unshift(put_back)

        r.on("readable", on_readable)
        r.on(
            "end", must.call(lambda: seen == ["xxxxxxxxxx", "yyyyy"] * 9 or pytest.fail(repr(seen)))
        )


# test-stream-unshift-read-race.js --------------------------------------------------------------


async def test_unshift_read_race(must: Must, autojump_clock: Any) -> None:
    # 1. unshift() does not cause colliding _read() calls. 2. unshift() after the EOF null
    # (before 'end') is fine and makes a new chunk. 3. push() after EOF is an error.
    # 4. _read() is not called after the EOF null.
    hwm = 10
    chunks = 10
    data = Buffer.alloc_unsafe(chunks * hwm + -(-hwm // 2))
    for i in range(len(data)):
        data[i] = ord("asdf"[i % 4])
    pos = 0
    pushed_null = False
    written: list[str] = []
    async with open_loop():
        r = Readable(high_water_mark=hwm, auto_destroy=False)
        w = Writable()

        def push_error() -> None:
            r.unshift(Buffer.alloc_unsafe(1))
            w.end()
            with pytest.raises(Exception, match=r"^stream\.push\(\) after EOF$") as info:
                r.push(Buffer.alloc_unsafe(1))
            assert getattr(info.value, "code", None) == "ERR_STREAM_PUSH_AFTER_EOF"

        def _read(n: int) -> None:
            assert not pushed_null, "_read after null push"

            def push(fast: bool) -> None:
                nonlocal pushed_null
                assert not pushed_null, "push() after null push"
                c = None if pos >= len(data) else data.subarray(pos, pos + n)
                pushed_null = c is None

                def go() -> None:
                    nonlocal pos
                    pos += n
                    r.push(c)
                    if c is None:
                        push_error()

                if fast:
                    go()
                else:
                    set_timeout(go, 1)

            push(not (chunks % 3))  # every third chunk is fast

        r._read = _read  # type: ignore[method-assign]

        def _write(chunk: Any, encoding: str, cb: Any) -> None:
            written.append(chunk.to_string())
            cb()

        w._write = _write  # type: ignore[method-assign]
        r.on("end", must.not_call("'end'"))

        def on_readable() -> None:
            while (chunk := r.read(10)) is not None:
                w.write(chunk)
                if len(chunk) > 4:
                    r.unshift(Buffer.from_("1234"))

        r.on("readable", on_readable)

        def finish() -> None:
            # Each chunk starts with 1234, then asdfasdf...; the first was read before the
            # first unshift('1234').
            assert written[0] == "asdfasdfas"
            nxt = {"a": "s", "s": "d", "d": "f", "f": "a"}
            asdf = "d"
            for piece in written[1:]:
                assert piece[:4] == "1234"
                for c in piece[4:]:
                    assert c == asdf
                    asdf = nxt[asdf]

        w.on("finish", must.call(finish))
    assert len(written) == 18


# test-stream-once-readable-pipe.js -------------------------------------------------------------


@pytest.mark.parametrize("listen_first", [True, False])
async def test_once_readable_does_not_disrupt_pipe(must: Must, listen_first: bool) -> None:
    received = ""
    data = ["foo", "bar", "baz"]
    async with open_loop():

        def write(self: Any, chunk: Any, env: str, callback: Any) -> None:
            nonlocal received
            received += chunk.to_string()
            callback()

        w = Writable(write=write)
        r = Readable(read=lambda self, size: None)
        if listen_first:
            r.once("readable", must.call())
        r.pipe(w)
        for d in data:
            r.push(d)
        r.push(None)
        if not listen_first:
            r.once("readable", must.call())
        w.on("finish", must.call(lambda: received == "".join(data) or pytest.fail(received)))
