"""Node's test/parallel/test-stream3-*.js, ported case by case."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from stream_node_common import Must

from trio_nodecompat import open_loop
from trio_nodecompat.buffer import Buffer
from trio_nodecompat.process import next_tick
from trio_nodecompat.stream import Readable, Writable
from trio_nodecompat.timers import set_immediate

pytest_plugins = ["stream_node_plugin"]

# test-stream3-cork-end.js and test-stream3-cork-uncork.js --------------------------------------


@pytest.mark.parametrize("flush", ["end", "uncork"])
async def test_cork_then_flush(must: Must, flush: str) -> None:
    # Corked chunks are stored, and written out in the same tick by end() (which then
    # finishes the stream on a later tick) or by uncork() (which does not end it).
    expected = ["please", "buffer", "me", "kindly"]
    seen: list[Any] = []
    seen_end = False
    async with open_loop():
        w = Writable()

        def _write(chunk: Any, encoding: str, cb: Any) -> None:
            assert not seen_end  # no 'finish' before the last write
            assert encoding == "buffer"  # the default when none was given
            seen.append(chunk)
            cb()

        w._write = _write  # type: ignore[method-assign]

        def on_finish() -> None:
            nonlocal seen_end
            seen_end = True

        w.on("finish", on_finish)

        def write_chunks(remaining: list[str], callback: Any) -> None:
            if remaining:

                def later() -> None:
                    assert w.write(remaining[0])  # not told to stop
                    write_chunks(remaining[1:], callback)

                set_immediate(later)
            else:
                callback()

        w.write("stuff")
        assert len(seen) == 1  # the first write went through at once
        seen.clear()
        w.cork()

        def done() -> None:
            assert seen == []
            if flush == "end":
                w.end()
                assert not seen_end  # not ended in this tick
            else:
                w.uncork()
            assert [c.to_string() for c in seen] == expected
            assert all(c.equals(Buffer.from_(e)) for c, e in zip(seen, expected, strict=True))

            def after() -> None:
                assert seen_end is (flush == "end")

            set_immediate(must.call(after))

        write_chunks(list(expected), must.call(done))


# test-stream3-pause-then-read.js ---------------------------------------------------------------


async def test_pause_then_read(must: Must) -> None:
    total_chunks, chunk_size = 100, 99
    expect_total = total_chunks * chunk_size
    expect_ending = expect_total
    chunks = total_chunks
    total_pushed = 0
    async with open_loop():
        r = Readable(high_water_mark=1000)

        def push() -> None:
            nonlocal chunks, total_pushed
            chunk = Buffer.alloc(chunk_size, "x") if chunks > 0 else None
            chunks -= 1
            if chunk is not None:
                total_pushed += len(chunk)
            r.push(chunk)

        def _read(n: int) -> None:
            if not chunks % 2:
                set_immediate(push)
            elif not chunks % 3:
                next_tick(push)
            else:
                push()

        r._read = _read  # type: ignore[method-assign]

        def readn(n: int, then: Any) -> None:
            nonlocal expect_ending
            expect_ending -= n

            def read() -> None:
                c = r.read(n)
                if not c:
                    r.once("readable", read)
                else:
                    assert len(c) == n
                    assert not r.readable_flowing
                    then()

            read()

        def on_data() -> None:
            # Listen to some 'data', pause at 100 bytes, put the extra back.
            nonlocal expect_ending
            expect_ending -= 100
            seen = 0

            def od(c: Any) -> None:
                nonlocal seen
                seen += len(c)
                if seen >= 100:
                    r.remove_listener("data", od)
                    r.pause()
                    if seen > 100:
                        diff = seen - 100
                        r.unshift(c.subarray(len(c) - diff))
                    set_immediate(pipe_little)

            r.on("data", od)

        def pipe_little() -> None:
            # Pipe exactly 200 bytes, then unshift the extra and unpipe.
            nonlocal expect_ending
            expect_ending -= 200
            w = Writable()
            written = 0

            def finish() -> None:
                assert written == 200
                set_immediate(lambda: readn(1234, resume_pause))

            w.on("finish", must.call(finish))

            def _write(chunk: Any, encoding: str, cb: Any) -> None:
                nonlocal written
                written += len(chunk)
                if written >= 200:
                    r.unpipe(w)
                    w.end()
                    cb()
                    if written > 200:
                        diff = written - 200
                        written -= diff
                        r.unshift(chunk.subarray(len(chunk) - diff))
                else:
                    set_immediate(cb)

            w._write = _write  # type: ignore[method-assign]
            r.pipe(w)

        def resume_pause() -> None:
            for _ in range(5):
                r.resume()
                r.pause()
            set_immediate(pipe)

        def pipe() -> None:
            w = Writable()
            written = 0

            def _write(chunk: Any, encoding: str, cb: Any) -> None:
                nonlocal written
                written += len(chunk)
                cb()

            w._write = _write  # type: ignore[method-assign]

            def finish() -> None:
                assert written == expect_ending
                assert total_pushed == expect_total

            w.on("finish", must.call(finish))
            r.pipe(w)

        readn(100, on_data)


# test-stream3-pipeline-async-iterator.js -------------------------------------------------------


async def test_pipeline_async_iterators_as_streams() -> None:
    from trio_nodecompat.stream.promises import pipeline

    messages: list[Any] = []

    async def my_custom_readable() -> AsyncIterator[str]:
        yield "Hello"
        yield "World"

    async def my_custom_writable(stream: Any) -> AsyncIterator[Any]:
        async for chunk in stream:
            messages.append(chunk)
        return
        yield  # an async generator function, as Node's `async function*`

    await pipeline(my_custom_readable, my_custom_writable)
    assert messages == ["Hello", "World"]
