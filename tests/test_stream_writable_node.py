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


# test-stream-writable-constructor-set-methods.js


@node_case
def test_constructor_write_and_writev(must_call: MustCall) -> None:
    from trio_nodecompat.errors import ERR_METHOD_NOT_IMPLEMENTED

    blerg = Buffer.from_("blerg")
    w = Writable()
    with pytest.raises(ERR_METHOD_NOT_IMPLEMENTED, match=r"The _write\(\) method"):
        w.end(blerg)

    def writev(self: Writable, chunks: Any, next_: Any) -> None:
        assert len(chunks) == 2
        next_()

    w2 = Writable(write=must_call(lambda self, c, _, n: n()), writev=must_call(writev))
    w2.write(blerg)
    w2.cork()
    w2.write(blerg)
    w2.write(blerg)
    w2.end()


# test-stream-writable-ended-state.js, -finished-state.js, -properties.js


@node_case
def test_ended_state(must_call: MustCall) -> None:
    w = Writable()

    def write(chunk: Any, enc: Any, cb: Any) -> None:
        assert w._writable_state.ended is False
        assert w._writable_state.writable is None
        assert w.writable_ended is False
        cb()

    w._write = write  # type: ignore[method-assign]
    assert w._writable_state.ended is False
    assert w.writable is True
    assert w.writable_ended is False

    def ended(*_a: Any) -> None:
        assert w._writable_state.ended is True
        assert w._writable_state.writable is None
        assert w.writable is False
        assert w.writable_ended is True

    w.end("testing ended state", must_call(ended))
    ended()


@node_case
def test_finished_state(must_call: MustCall) -> None:
    w = Writable()

    def write(chunk: Any, enc: Any, cb: Any) -> None:
        assert w._writable_state.finished is False
        cb()

    w._write = write  # type: ignore[method-assign]
    w.on("finish", must_call(lambda: check(w._writable_state.finished is True)))
    w.end("testing finished state", must_call(lambda *_a: check(w._writable_state.finished)))


def test_corked_property() -> None:
    w = Writable()
    assert w.writable_corked == 0
    w.uncork()
    assert w.writable_corked == 0
    w.cork()
    assert w.writable_corked == 1
    w.cork()
    assert w.writable_corked == 2
    w.uncork()
    assert w.writable_corked == 1
    w.uncork()
    assert w.writable_corked == 0
    w.uncork()
    assert w.writable_corked == 0


# test-stream-writable-end-multiple.js


@node_case
def test_end_multiple(must_call: MustCall) -> None:
    from trio_nodecompat.timers import set_timeout

    w = Writable()
    w._write = lambda chunk, enc, cb: set_timeout(cb, 10)  # type: ignore[method-assign]
    w.end("testing ended state", must_call())
    w.end(must_call())

    def on_finish() -> None:
        ticked = False

        def late(err: Any) -> None:
            assert ticked
            assert isinstance(err, ERR_STREAM_ALREADY_FINISHED)

        w.end(must_call(late))
        ticked = True

    w.on("finish", must_call(on_finish))


# test-stream-writable-final-async.js (an async _final that takes the callback: Node's form)


@node_case
def test_final_async_with_callback(must_call: MustCall) -> None:
    from trio_nodecompat.stream import Duplex
    from trio_nodecompat.timers import set_timeout

    class Foo(Duplex):
        def _final(self, callback: Any) -> None:
            set_timeout(callback, 1)

        def _read(self, size: int) -> None:
            pass

    foo = Foo()
    foo._write = must_call(lambda chunk, enc, cb: cb())  # type: ignore[method-assign]
    foo.end("test", must_call())
    foo.on("error", must_call.never("error"))


# test-stream-writable-final-destroy.js, -final-throw.js


@node_case
def test_final_then_destroy(must_call: MustCall) -> None:
    from trio_nodecompat.timers import queue_microtask

    w = Writable(write=lambda self, c, e, cb: cb(None), final=lambda self, cb: queue_microtask(cb))
    w.end()
    w.destroy()
    w.on("prefinish", must_call.never("prefinish"))
    w.on("finish", must_call.never("finish"))
    w.on("close", must_call())


@node_case
def test_final_throws(must_call: MustCall) -> None:
    from trio_nodecompat.stream import Duplex

    class Foo(Duplex):
        def _final(self, callback: Any) -> None:
            raise Exception("fhqwhgads")

        def _read(self, size: int) -> None:
            pass

    foo = Foo()
    foo._write = must_call(lambda chunk, enc, cb: cb())  # type: ignore[method-assign]
    foo.end("test", must_call(lambda err: check(str(err) == "fhqwhgads")))
    foo.on("error", must_call())


# test-stream-writable-clear-buffer.js


@node_case
def test_clear_buffer_counts(must_call: MustCall) -> None:
    class StreamWritable(Writable):
        def __init__(self) -> None:
            super().__init__(object_mode=True)

        def _write(self, chunk: Any, encoding: Any, cb: Any) -> None:
            set_immediate(cb)

    s = StreamWritable()
    s.cork()
    state = s._writable_state
    for i in range(1, 6):
        s.write(
            i,
            must_call(lambda *_a: check(state.buffered_request_count == len(state.get_buffer()))),
        )
    s.end()


# test-stream-writable-aborted.js, -writable.js


@node_case
def test_writable_aborted(must_call: MustCall) -> None:
    w = Writable(write=nothing)
    assert w.writable_aborted is False
    w.destroy()
    assert w.writable_aborted is True
    w2 = Writable(write=nothing)
    w2.end()
    w2.destroy()
    assert w2.writable_aborted is True


@node_case
def test_writable_property(must_call: MustCall) -> None:
    w = Writable(write=nothing)
    assert w.writable is True
    w.destroy()
    assert w.writable is False

    w2 = Writable(write=must_call(lambda self, c, e, cb: cb(Exception())))
    assert w2.writable is True
    w2.write("asd")
    assert w2.writable is False
    w2.on("error", must_call())

    def write3(self: Writable, c: Any, e: Any, cb: Any) -> None:
        def later() -> None:
            cb(Exception())
            assert w3.writable is False

        next_tick(later)

    w3 = Writable(write=must_call(write3))
    w3.write("asd")
    w3.on("error", must_call())

    w4 = Writable(write=must_call.never("write"))
    assert w4.writable is True
    w4.end()
    assert w4.writable is False


# test-stream-writable-finish-destroyed.js


@node_case
def test_finish_destroyed(must_call: MustCall) -> None:
    def write(self: Writable, chunk: Any, enc: Any, cb: Any) -> None:
        self.on("close", must_call(lambda: cb()))

    w = Writable(write=must_call(write))
    w.on("finish", must_call.never("finish"))
    w.end("asd")
    w.destroy()

    def write2(self: Writable, chunk: Any, enc: Any, cb: Any) -> None:
        self.on("close", must_call(lambda: (cb(), self.end())))

    w2 = Writable(write=must_call(write2))
    w2.on("finish", must_call.never("finish"))
    w2.write("asd")
    w2.destroy()

    w3 = Writable(write=nothing)
    w3.on("finish", must_call.never("finish"))
    w3.end()
    w3.destroy()


# test-stream-writable-end-cb-uncaught.js


async def test_end_cb_uncaught() -> None:
    from trio_nodecompat import open_loop

    err = Exception("kaboom")
    seen: list[Any] = []
    async with open_loop() as loop:
        loop.on("uncaughtException", lambda e, origin: seen.append(("uncaught", e)))
        w = Writable()
        w._write = lambda chunk, enc, cb: cb()  # type: ignore[method-assign]
        w._final = lambda cb: cb(err)  # type: ignore[method-assign]
        w.write("asd")
        w.end(lambda e: seen.append(("end", e)))
    assert seen == [("uncaught", err), ("end", err)]  # Node 20 prints them in this order


def nothing(*_args: Any) -> None:
    pass


# test-stream-writable-write-error.js (both auto_destroy settings)


@pytest.mark.parametrize("auto_destroy", [False, True])
async def test_write_error_matrix(auto_destroy: bool) -> None:
    @node_case
    def case(must_call: MustCall) -> None:
        w = Writable(auto_destroy=auto_destroy, write=nothing)
        w.end()
        error_called = False
        ticked = False

        def on_callback(err: Any) -> None:
            assert ticked
            assert not error_called
            assert isinstance(err, ERR_STREAM_WRITE_AFTER_END)

        def on_error(err: Any) -> None:
            nonlocal error_called
            error_called = True
            assert isinstance(err, ERR_STREAM_WRITE_AFTER_END)

        w.write("asd", must_call(on_callback))
        ticked = True
        w.on("error", must_call(on_error))

        Writable(auto_destroy=auto_destroy, write=nothing).destroy()
        with pytest.raises(ERR_STREAM_NULL_VALUES):
            Writable(auto_destroy=auto_destroy, write=nothing).write(None)
        with pytest.raises(ERR_INVALID_ARG_TYPE):
            Writable(auto_destroy=auto_destroy, write=nothing).write({})
        with pytest.raises(ERR_UNKNOWN_ENCODING):
            Writable(decode_strings=False, auto_destroy=auto_destroy, write=nothing).write(
                "asd", "noencoding"
            )

    await case()
