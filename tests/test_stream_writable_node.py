"""Node's test/parallel/test-stream-writable-*.js, ported case by case.

``write=``/``final=`` functions receive the stream first, as Node's option functions receive
it as ``this``; a function assigned to ``w._write`` directly is not bound (Node's arrow
functions).
"""

from __future__ import annotations

from typing import Any

import pytest
from _stream_support import MustCall, next_tick, node_case, set_immediate

from trio_nodecompat.buffer import Buffer
from trio_nodecompat.errors import (
    ERR_INVALID_ARG_TYPE,
    ERR_MULTIPLE_CALLBACK,
    ERR_STREAM_ALREADY_FINISHED,
    ERR_STREAM_CANNOT_PIPE,
    ERR_STREAM_DESTROYED,
    ERR_STREAM_NULL_VALUES,
    ERR_STREAM_WRITE_AFTER_END,
    ERR_UNKNOWN_ENCODING,
)
from trio_nodecompat.stream import Readable, Transform, Writable


def check(condition: bool) -> None:
    assert condition


def ok_write(self: Writable, chunk: Any, encoding: Any, cb: Any) -> None:
    cb()


# test-stream-writable-needdrain-state.js


@node_case
def test_need_drain_state(must_call: MustCall) -> None:
    def transform(self: Transform, chunk: Any, encoding: Any, cb: Any) -> None:
        def later() -> None:
            assert t._writable_state.need_drain is True
            cb()

        next_tick(later)

    t = Transform(transform=transform, high_water_mark=1)
    assert t._writable_state.need_drain is False
    t.write("asdasd", must_call(lambda *_a: check(t._writable_state.need_drain is False)))
    assert t._writable_state.need_drain is True


# test-stream-writable-write-cb-error.js


@node_case
def test_write_cb_error_sync(must_call: MustCall) -> None:
    called = False
    w = Writable(write=must_call(lambda self, b, e, cb: cb(Exception())))
    w.on("error", must_call(lambda _e: check(called)))

    def on_written(*_a: Any) -> None:
        nonlocal called
        called = True

    w.write("hi", must_call(on_written))


@node_case
def test_write_cb_error_async(must_call: MustCall) -> None:
    called = False
    w = Writable(write=must_call(lambda self, b, e, cb: next_tick(cb, Exception())))
    w.on("error", must_call(lambda _e: check(called)))

    def on_written(*_a: Any) -> None:
        nonlocal called
        called = True

    w.write("hi", must_call(on_written))


@node_case
def test_write_cb_error_no_live_lock(must_call: MustCall) -> None:
    w = Writable(write=must_call(lambda self, b, e, cb: cb(Exception())))
    w.on("error", must_call())
    count = 0
    while w.write("a"):
        count += 1
    assert count == 0


# test-stream-writable-end-cb-error.js


@node_case
def test_end_cb_on_failure(must_call: MustCall) -> None:
    w = Writable()
    err = Exception("kaboom")
    w._write = lambda chunk, enc, cb: next_tick(cb, err)  # type: ignore[method-assign]
    w.on("error", must_call(lambda e: check(e is err)))
    w.write("asd")
    w.end(must_call(lambda e: check(e is err)))
    w.end(must_call(lambda e: check(e is err)))


@node_case
def test_end_cb_not_twice(must_call: MustCall) -> None:
    w = Writable()
    w._write = lambda chunk, enc, cb: next_tick(cb)  # type: ignore[method-assign]
    called = False

    def on_end(err: Any) -> None:
        nonlocal called
        called = True
        assert err is None

    w.end("asd", must_call(on_end))
    w.on("error", must_call(lambda e: check(str(e) == "kaboom")))

    def on_finish() -> None:
        assert called
        w.emit("error", Exception("kaboom"))

    w.on("finish", must_call(on_finish))


@node_case
def test_end_after_end(must_call: MustCall) -> None:
    w = Writable(write=lambda self, c, e, cb: set_immediate(cb))
    is_after_end = lambda err: check(isinstance(err, ERR_STREAM_WRITE_AFTER_END))  # noqa: E731
    w.end("testing ended state", must_call(is_after_end))
    assert w.destroyed is False
    assert w.writable_ended is True
    w.end(must_call(is_after_end))
    assert w.destroyed is False
    assert w.writable_ended is True
    w.end("end", must_call(is_after_end))
    assert w.destroyed is True
    w.on("error", must_call(is_after_end))
    w.on("finish", must_call.never("finish"))


# test-stream-writable-write-writev-finish.js


@node_case
def test_write_error_no_finish_sync(must_call: MustCall) -> None:
    w = Writable()
    w._write = lambda c, e, cb: cb(Exception("write test error"))  # type: ignore[method-assign]
    w.on("finish", must_call.never("finish"))
    w.on("prefinish", must_call.never("prefinish"))
    w.on("error", must_call(lambda er: check(str(er) == "write test error")))
    w.end("test")


@node_case
def test_write_error_no_finish_async(must_call: MustCall) -> None:
    w = Writable()
    w._write = lambda c, e, cb: set_immediate(cb, Exception("write test error"))  # type: ignore[method-assign]
    w.on("finish", must_call.never("finish"))
    w.on("prefinish", must_call.never("prefinish"))
    w.on("error", must_call(lambda er: check(str(er) == "write test error")))
    w.end("test")


@pytest.mark.parametrize("sync", [True, False])
async def test_writev_error_no_finish(sync: bool) -> None:
    @node_case
    def case(must_call: MustCall) -> None:
        w = Writable()

        def fail(cb: Any, message: str) -> None:
            if sync:
                cb(Exception(message))
            else:
                set_immediate(cb, Exception(message))

        w._write = lambda c, e, cb: fail(cb, "write test error")  # type: ignore[method-assign]
        w._writev = lambda chunks, cb: fail(cb, "writev test error")
        w.on("finish", must_call.never("finish"))
        w.on("prefinish", must_call.never("prefinish"))
        w.on("error", must_call(lambda er: check(str(er) == "writev test error")))
        w.cork()
        w.write("test")
        set_immediate(lambda: w.end("test"))

    await case()


@pytest.mark.parametrize("sync", [True, False])
async def test_pipe_into_failing_writable(sync: bool) -> None:
    @node_case
    def case(must_call: MustCall) -> None:
        rs = Readable()
        rs.push("ok")
        rs.push(None)
        rs._read = lambda n: None  # type: ignore[method-assign]
        ws = Writable()
        ws.on("finish", must_call.never("finish"))
        ws.on("error", must_call())
        if sync:
            ws._write = lambda c, e, done: done(Exception())  # type: ignore[method-assign]
        else:
            ws._write = lambda c, e, done: set_immediate(done, Exception())  # type: ignore[method-assign]
        rs.pipe(ws)

    await case()


@node_case
def test_write_in_prefinish(must_call: MustCall) -> None:
    w = Writable()
    w._write = lambda c, e, cb: next_tick(cb)  # type: ignore[method-assign]
    w.on("error", must_call())
    w.on("finish", must_call.never("finish"))
    w.on("prefinish", lambda: w.write("shouldn't write in prefinish listener"))
    w.end()


@node_case
def test_write_in_finish(must_call: MustCall) -> None:
    w = Writable()
    w._write = lambda c, e, cb: next_tick(cb)  # type: ignore[method-assign]
    w.on("error", must_call())
    w.on("finish", lambda: w.write("shouldn't write in finish listener"))
    w.end()


# test-stream-writable-finished.js


@node_case
def test_writable_finished(must_call: MustCall) -> None:
    w = Writable()

    def write(chunk: Any, enc: Any, cb: Any) -> None:
        assert w.writable_finished is False
        cb()

    w._write = write  # type: ignore[method-assign]
    w.on("finish", must_call(lambda: check(w.writable_finished is True)))
    w.end("testing finished state", must_call(lambda *_a: check(w.writable_finished is True)))


@node_case
def test_finish_async_prefinish_sync(must_call: MustCall) -> None:
    w = Writable(write=ok_write)
    w.end()
    w.on("finish", must_call())

    sync = True
    w2 = Writable(write=ok_write)
    w2.on("prefinish", must_call(lambda: check(sync)))
    w2.end()
    w3 = Writable(write=ok_write, final=lambda self, cb: cb())
    w3.on("prefinish", must_call(lambda: check(sync)))
    w3.end()
    w4 = Writable(write=ok_write, final=must_call(lambda self, cb: (check(sync), cb())))
    w4.end()
    sync = False


# test-stream-writable-null.js, -invalid-chunk.js


def test_write_none_raises() -> None:
    w = Writable(write=ok_write)
    with pytest.raises(ERR_STREAM_NULL_VALUES) as info:
        w.write(None)
    assert str(info.value) == "May not write null values to stream"
    w2 = Writable(write=ok_write, object_mode=True)
    with pytest.raises(ERR_STREAM_NULL_VALUES):
        w2.write(None)


@node_case
def test_object_mode_falsy_values(must_call: MustCall) -> None:
    w = Writable(write=must_call(ok_write, 2), object_mode=True)
    w.write(False)
    w.write(0)
    w.end()


@pytest.mark.parametrize("value", [{}, [], 1, True, 1.5])
def test_invalid_chunk(value: object) -> None:
    w = Writable(write=ok_write)
    with pytest.raises(ERR_INVALID_ARG_TYPE) as info:
        w.write(value)
    assert 'The "chunk" argument must be of type string or an instance of Buffer' in str(info.value)


def test_unknown_encoding() -> None:
    w = Writable(write=ok_write)
    with pytest.raises(ERR_UNKNOWN_ENCODING):
        w.write("x", "nope")
    with pytest.raises(ERR_UNKNOWN_ENCODING):
        w.set_default_encoding("nope")


# test-stream-writable-write-cb-twice.js


@pytest.mark.parametrize("how", ["sync", "async", "tick"])
async def test_write_callback_twice(how: str) -> None:
    @node_case
    def case(must_call: MustCall) -> None:
        def write(self: Writable, buf: Any, enc: Any, cb: Any) -> None:
            if how == "sync":
                cb()
                cb()
            elif how == "async":
                next_tick(cb)
                next_tick(cb)
            else:
                cb()
                next_tick(cb)

        w = Writable(write=must_call(write))
        w.write("hi", must_call())
        w.on("error", must_call(lambda e: check(isinstance(e, ERR_MULTIPLE_CALLBACK))))

    await case()


# test-stream-writable-write-error.js (write after end / destroyed, callbacks and return)


@node_case
def test_write_after_end_and_destroyed(must_call: MustCall) -> None:
    w = Writable(write=ok_write)
    w.on("error", must_call(lambda e: check(isinstance(e, ERR_STREAM_WRITE_AFTER_END))))
    w.end()
    written = w.write("a", must_call(lambda e: check(isinstance(e, ERR_STREAM_WRITE_AFTER_END))))
    assert written is False

    d = Writable(write=ok_write)
    d.destroy()
    d.on("error", must_call.never("error"))
    assert d.write("a", must_call(lambda e: check(isinstance(e, ERR_STREAM_DESTROYED)))) is False

    f = Writable(write=ok_write)
    f.on(
        "finish",
        must_call(
            lambda: f.end(must_call(lambda e: check(isinstance(e, ERR_STREAM_ALREADY_FINISHED))))
        ),
    )
    f.end()


@node_case
def test_writable_cannot_pipe(must_call: MustCall) -> None:
    w = Writable()
    w.on("error", must_call(lambda e: check(isinstance(e, ERR_STREAM_CANNOT_PIPE))))
    w.pipe(Writable())


# test-stream-writable-decoded-encoding.js


@node_case
def test_decode_strings(must_call: MustCall) -> None:
    def write_decoded(self: Writable, chunk: Any, encoding: Any, cb: Any) -> None:
        assert isinstance(chunk, Buffer)
        assert encoding == "buffer"
        cb()

    m = Writable(write=must_call(write_decoded), decode_strings=True)
    m.write("some-text", "utf8")
    m.end()

    def write_raw(self: Writable, chunk: Any, encoding: Any, cb: Any) -> None:
        assert isinstance(chunk, str)
        assert encoding == "utf8"
        cb()

    m2 = Writable(write=must_call(write_raw), decode_strings=False)
    m2.write("some-text", "utf8")
    m2.end()


# test-stream-writable-change-default-encoding.js


@node_case
def test_default_encoding(must_call: MustCall) -> None:
    def expect(encoding: str) -> Any:
        def write(self: Writable, chunk: Any, enc: Any, cb: Any) -> None:
            assert enc == encoding
            cb()

        return write

    w = Writable(write=must_call(expect("utf8")), decode_strings=False)
    w.write("foo")
    w.end()
    w2 = Writable(write=must_call(expect("hex")), decode_strings=False, default_encoding="hex")
    w2.write("ff")
    w2.end()
    w3 = Writable(write=must_call(expect("ascii")), decode_strings=False)
    w3.set_default_encoding("ASCII")
    w3.write("bar")
    w3.end()
    w4 = Writable(write=must_call(expect("base64")), decode_strings=False)
    w4.set_default_encoding("base64")
    w4.write("bar", "base64")
    w4.end()
