"""Node's test/parallel/test-stream2-writable.js, ported case by case.

Each test names the block of the Node file it comes from (Node's comment on it). Node's
LatencyWriter calls back after a random 0-9 ms; here the latency comes from a seeded generator
(and the autojump clock), so a failure replays.
"""

from __future__ import annotations

import random
from typing import Any

import pytest
from stream_node_common import Must

from trio_nodecompat import open_loop
from trio_nodecompat.buffer import Buffer
from trio_nodecompat.process import next_tick
from trio_nodecompat.stream import Duplex, Writable
from trio_nodecompat.timers import set_timeout

pytest_plugins = ["stream_node_plugin"]

CHUNKS = ["x" * i for i in range(50)]
ENCODINGS = [
    "hex",
    "utf8",
    "utf-8",
    "ascii",
    "latin1",
    "binary",
    "base64",
    "ucs2",
    "ucs-2",
    "utf16le",
    "utf-16le",
    None,
]


class LatencyWriter(Writable):
    """The file's TestWriter: records each chunk after a small latency."""

    def __init__(self, **opts: Any) -> None:
        super().__init__(**opts)
        self.buffer: list[str] = []
        self.written = 0
        self.latency = random.Random(len(CHUNKS))

    def _write(self, chunk: Any, encoding: str, cb: Any) -> None:
        def later() -> None:
            self.buffer.append(chunk.to_string())
            self.written += len(chunk)
            cb()

        set_timeout(later, self.latency.randrange(10))


async def test_fast_writing(must: Must, autojump_clock: Any) -> None:
    async with open_loop():
        tw = LatencyWriter(high_water_mark=100)
        tw.on("finish", must.call(lambda: tw.buffer == CHUNKS or pytest.fail()))
        for chunk in CHUNKS:
            tw.write(chunk)  # ignore backpressure: buffer it all
        tw.end()


async def test_slow_writing(must: Must, autojump_clock: Any) -> None:
    async with open_loop():
        tw = LatencyWriter(high_water_mark=100)
        tw.on("finish", must.call(lambda: tw.buffer == CHUNKS or pytest.fail()))
        i = 0

        def w() -> None:
            nonlocal i
            tw.write(CHUNKS[i])
            i += 1
            if i < len(CHUNKS):
                set_timeout(w, 10)
            else:
                tw.end()

        w()


async def test_write_backpressure(must: Must, autojump_clock: Any) -> None:
    drains = 0
    async with open_loop():
        tw = LatencyWriter(high_water_mark=50)

        def finish() -> None:
            assert tw.buffer == CHUNKS
            assert drains == 17

        tw.on("finish", must.call(finish))

        def on_drain() -> None:
            nonlocal drains
            drains += 1

        tw.on("drain", on_drain)
        i = 0

        def w() -> None:
            nonlocal i
            while True:
                ret = tw.write(CHUNKS[i])
                i += 1
                if ret is False or i >= len(CHUNKS):
                    break
            if i < len(CHUNKS):
                assert tw.writable_length >= 50
                tw.once("drain", w)
            else:
                tw.end()

        w()


@pytest.mark.parametrize("decode_strings", [True, False], ids=["buffersize", "no-buffersize"])
async def test_write_encodings(must: Must, autojump_clock: Any, decode_strings: bool) -> None:
    async with open_loop():
        tw = LatencyWriter(high_water_mark=100, decode_strings=decode_strings)
        if not decode_strings:
            inner = tw._write

            def _write(chunk: Any, encoding: str, cb: Any) -> None:
                assert isinstance(chunk, str)
                inner(Buffer.from_(chunk, encoding), encoding, cb)

            tw._write = _write  # type: ignore[method-assign]
        # A UTF-16 string holds whole code units: an odd byte count loses its last byte on
        # the way through toString('ucs2') (Node 20 writes the same, checked with `node`).
        utf16 = {"ucs2", "ucs-2", "utf16le", "utf-16le"}
        expected = [
            c[:-1] if ENCODINGS[i % len(ENCODINGS)] in utf16 and len(c) % 2 else c
            for i, c in enumerate(CHUNKS)
        ]
        tw.on("finish", must.call(lambda: tw.buffer == expected or pytest.fail(repr(tw.buffer))))
        for i, chunk in enumerate(CHUNKS):
            enc = ENCODINGS[i % len(ENCODINGS)]
            encoded = Buffer.from_(chunk).to_string(enc) if enc else Buffer.from_(chunk).to_string()
            tw.write(encoded, enc)
        # Node's block never ends the stream, so its 'finish' check (which expects the chunks
        # unchanged) never runs; ending it here makes the check run, against what Node writes.
        tw.end()


async def test_write_callbacks(must: Must, autojump_clock: Any) -> None:
    called: list[str] = []
    async with open_loop():
        tw = LatencyWriter(high_water_mark=100)

        def callback(chunk: str) -> Any:
            def cb(err: Any = None) -> None:
                assert err is None
                called.append(chunk)

            return cb

        def finish() -> None:
            def later() -> None:
                assert tw.buffer == CHUNKS
                assert called == CHUNKS

            next_tick(must.call(later))

        tw.on("finish", must.call(finish))
        for chunk in CHUNKS:
            tw.write(chunk, callback=callback(chunk))
        tw.end()


async def test_end_callbacks(must: Must, autojump_clock: Any) -> None:
    hello = Buffer.from_("hello world")

    def no_error(err: Any = None) -> None:
        assert err is None

    async with open_loop():
        LatencyWriter().end(callback=must.call(no_error))
        LatencyWriter().end(hello, callback=must.call(no_error))
        LatencyWriter().end("hello world", "ascii", must.call())
        tw = LatencyWriter()
        tw.write(hello)
        tw.end(callback=must.call())
        tw = LatencyWriter()
        write_called_back = False

        def on_write(*_a: Any) -> None:
            nonlocal write_called_back
            write_called_back = True

        tw.write(hello, callback=on_write)
        tw.end(callback=must.call(lambda *_a: write_called_back or pytest.fail()))


async def test_encoding_ignored_for_buffers(must: Must) -> None:
    hex_ = "018b5e9a8f6236ffe30e31baf80d2cf6eb"
    async with open_loop():
        tw = Writable()

        def _write(chunk: Any, *_a: Any) -> None:
            assert chunk.to_string("hex") == hex_

        tw._write = must.call(_write)  # type: ignore[method-assign]
        tw.write(Buffer.from_(hex_, "hex"), "latin1")


async def test_writables_cannot_be_piped(must: Must) -> None:
    errors: list[BaseException] = []
    async with open_loop():
        w = Writable(auto_destroy=False)
        w._write = must.not_call("_write")  # type: ignore[method-assign]
        w.on("error", errors.append)
        w.pipe(Writable())
        assert [getattr(e, "code", None) for e in errors] == ["ERR_STREAM_CANNOT_PIPE"]


async def test_duplex_streams_can_be_piped(must: Must) -> None:
    errors: list[BaseException] = []
    async with open_loop():
        d = Duplex()
        d._read = must.call()  # type: ignore[method-assign]
        d._write = must.not_call("_write")  # type: ignore[method-assign]
        d.on("error", errors.append)
        sink = Writable()
        sink._write = lambda chunk, encoding, cb: cb()  # type: ignore[method-assign]
        d.pipe(sink)
        assert errors == []


async def test_end_chunk_twice_is_an_error(must: Must) -> None:
    got_error = False
    async with open_loop():
        w = Writable()
        w._write = must.call(  # type: ignore[method-assign]
            lambda msg, *_a: msg.to_string() == "this is the end" or pytest.fail()
        )

        def on_error(er: BaseException) -> None:
            nonlocal got_error
            got_error = True
            assert str(er) == "write after end"

        w.on("error", on_error)
        w.end("this is the end")
        w.end("and so is this")
        next_tick(must.call(lambda: got_error or pytest.fail("no error")))


async def test_no_end_while_writing(must: Must, autojump_clock: Any) -> None:
    wrote = False
    async with open_loop():

        class W(Writable):
            def _write(self, chunk: Any, e: str, cb: Any) -> None:
                nonlocal wrote
                assert getattr(self, "user_writing", None) is None
                wrote = True
                self.user_writing = True

                def later() -> None:
                    self.user_writing = False
                    cb()

                set_timeout(later, 1)

        w = W()

        def finish() -> None:
            assert wrote
            assert w.user_writing is False

        w.on("finish", must.call(finish))
        w.write(Buffer.alloc(0))
        w.end()


@pytest.mark.parametrize("sync", [False, True], ids=["async-cb", "sync-cb"])
async def test_finish_not_before_write_callback(
    must: Must, autojump_clock: Any, sync: bool
) -> None:
    write_cb = False
    async with open_loop():
        w = Writable()

        def done(*_a: Any) -> None:
            nonlocal write_cb
            write_cb = True

        if sync:
            w._write = lambda chunk, e, cb: cb()  # type: ignore[method-assign]
            w.on("finish", must.call(lambda: write_cb or pytest.fail()))
            w.write(Buffer.alloc(0), callback=done)
        else:

            def _write(chunk: Any, e: str, cb: Any) -> None:
                def later() -> None:
                    done()
                    cb()

                set_timeout(later, 10)

            w._write = _write  # type: ignore[method-assign]
            w.on("finish", must.call(lambda: write_cb or pytest.fail()))
            w.write(Buffer.alloc(0))
        w.end()


async def test_finish_if_last_chunk_empty(must: Must) -> None:
    async with open_loop():
        w = Writable()
        w._write = lambda chunk, e, cb: next_tick(cb)  # type: ignore[method-assign]
        w.on("finish", must.call())
        w.write(Buffer.alloc_unsafe(1))
        w.end(Buffer.alloc(0))


async def test_finish_after_shutdown(must: Must, autojump_clock: Any) -> None:
    shutdown = False
    async with open_loop():
        w = Writable()

        def _final(cb: Any) -> None:
            def later() -> None:
                nonlocal shutdown
                shutdown = True
                cb()

            set_timeout(later, 100)

        w._final = must.call(_final)  # type: ignore[attr-defined]
        w._write = lambda chunk, e, cb: next_tick(cb)  # type: ignore[method-assign]
        w.on("finish", must.call(lambda: shutdown or pytest.fail()))
        w.write(Buffer.alloc_unsafe(1))
        w.end(Buffer.alloc_unsafe(0))


async def test_error_once_when_final_fails(must: Must) -> None:
    async with open_loop():
        w = Writable()
        w._final = must.call(lambda cb: cb(Exception("test")))  # type: ignore[attr-defined]

        def on_error(err: BaseException) -> None:
            assert w._writable_state.error_emitted is True
            assert str(err) == "test"
            w.on("error", must.not_call("second 'error'"))
            w.destroy(Exception())

        w.on("error", must.call(on_error))
        w.end()


async def test_error_once_when_write_fails(must: Must) -> None:
    async with open_loop():
        w = Writable()
        w.on("error", must.not_call("'error'"))
        with pytest.raises(TypeError) as info:
            w.write(None)
        assert getattr(info.value, "code", None) == "ERR_STREAM_NULL_VALUES"


async def test_error_once_for_write_after_end(must: Must) -> None:
    async with open_loop():
        w = Writable()

        def on_error(err: Any) -> None:
            assert w._writable_state.error_emitted is True
            assert err.code == "ERR_STREAM_WRITE_AFTER_END"

        w.on("error", must.call(on_error))
        w.end()
        w.write("hello")
        w.destroy(Exception())


async def test_no_finish_after_error(must: Must) -> None:
    async with open_loop():
        w = Writable()
        w._final = must.call(lambda cb: cb(Exception()))  # type: ignore[attr-defined]
        w._write = lambda chunk, e, cb: next_tick(cb)  # type: ignore[method-assign]
        w.on("error", must.call())
        w.on("prefinish", must.not_call("'prefinish'"))
        w.on("finish", must.not_call("'finish'"))
        w.write(Buffer.alloc_unsafe(1))
        w.end(Buffer.alloc_unsafe(0))
