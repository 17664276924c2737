"""Node's test-stream-readable-destroy.js, -writable-destroy.js, -duplex-destroy.js,
-transform-destroy.js, -destroy.js and -destroy-event-order.js, ported case by case.

The AbortSignal cases wait for the ``abort`` module (they are listed in NODE_PORTS.md).
"""

from __future__ import annotations

from typing import Any

from _stream_support import MustCall, next_tick, node_case

from trio_nodecompat.errors import ERR_STREAM_DESTROYED
from trio_nodecompat.stream import Duplex, Readable, Transform, Writable


def nothing(*_args: Any) -> None:
    pass


def check(condition: bool) -> None:
    assert condition


# test-stream-readable-destroy.js


@node_case
def test_readable_destroy_plain(must_call: MustCall) -> None:
    read = Readable(read=nothing)
    read.resume()
    read.on("close", must_call())
    read.destroy()
    assert read.errored is None
    assert read.destroyed is True


@node_case
def test_readable_destroy_with_error(must_call: MustCall) -> None:
    read = Readable(read=nothing)
    read.resume()
    expected = Exception("kaboom")
    read.on("end", must_call.never("end"))
    read.on("close", must_call())
    read.on("error", must_call(lambda err: check(err is expected)))
    read.destroy(expected)
    assert read.errored is expected
    assert read.destroyed is True


@node_case
def test_readable_custom_destroy_passes_error(must_call: MustCall) -> None:
    read = Readable(read=nothing)
    expected = Exception("kaboom")

    def destroy(err: Any, cb: Any) -> None:
        assert err is expected
        cb(err)

    read._destroy = must_call(destroy)  # type: ignore[method-assign]
    read.on("end", must_call.never("end"))
    read.on("close", must_call())
    read.on("error", must_call(lambda err: check(err is expected)))
    read.destroy(expected)
    assert read.destroyed is True


@node_case
def test_readable_custom_destroy_swallows_error(must_call: MustCall) -> None:
    expected = Exception("kaboom")

    def destroy(self: Readable, err: Any, cb: Any) -> None:
        assert err is expected
        cb()

    read = Readable(read=nothing, destroy=must_call(destroy))
    read.on("end", must_call.never("end"))
    read.on("error", must_call.never("error"))
    read.on("close", must_call())
    read.destroy(expected)
    assert read.destroyed is True


@node_case
def test_readable_destroy_no_error_is_none(must_call: MustCall) -> None:
    read = Readable(read=nothing)
    read._destroy = must_call(lambda err, cb: (check(err is None), cb()))  # type: ignore[method-assign]
    read.destroy()
    assert read.destroyed is True


@node_case
def test_readable_push_eof_in_destroy(must_call: MustCall) -> None:
    read = Readable(read=nothing)
    read.resume()

    def destroy(err: Any, cb: Any) -> None:
        assert err is None

        def later() -> None:
            read.push(None)
            cb()

        next_tick(later)

    read._destroy = must_call(destroy)  # type: ignore[method-assign]
    fail = must_call.never("end")
    read.on("end", fail)
    read.on("close", must_call())
    read.destroy()
    read.remove_listener("end", fail)
    read.on("end", must_call.never("end"))
    assert read.destroyed is True


@node_case
def test_readable_destroy_callback_error(must_call: MustCall) -> None:
    read = Readable(read=nothing)
    expected = Exception("kaboom")
    read._destroy = must_call(lambda err, cb: (check(err is None), cb(expected)))  # type: ignore[method-assign]
    ticked = False

    def on_error(err: Any) -> None:
        assert ticked
        assert read._readable_state.error_emitted is True
        assert read._readable_state.errored is expected
        assert err is expected

    read.on("end", must_call.never("end"))
    read.on("error", must_call(on_error))
    read.destroy()
    assert read._readable_state.error_emitted is False
    assert read._readable_state.errored is expected
    assert read.destroyed is True
    ticked = True


@node_case
def test_readable_destroyed_set_by_hand(must_call: MustCall) -> None:
    read = Readable(read=nothing)
    read.resume()
    read.destroyed = True
    assert read.destroyed is True
    read.on("end", must_call.never("end"))
    read.destroy()


@node_case
def test_readable_destroy_and_callback(must_call: MustCall) -> None:
    read = Readable(read=nothing)
    read.resume()
    expected = Exception("kaboom")
    ticked = False
    read.on(
        "close",
        must_call(lambda: check(read._readable_state.error_emitted is True and ticked)),
    )
    read.on("error", must_call(lambda err: check(err is expected)))
    assert read._readable_state.errored is None
    assert read._readable_state.error_emitted is False

    def on_destroyed(err: Any) -> None:
        assert read._readable_state.errored is expected
        assert err is expected

    read.destroy(expected, must_call(on_destroyed))
    assert read._readable_state.error_emitted is False
    assert read._readable_state.errored is expected
    ticked = True


@node_case
def test_readable_destroy_again_before_callback(must_call: MustCall) -> None:
    readable = Readable(
        destroy=must_call(lambda self, err, cb: next_tick(cb, Exception("kaboom 1"))),
        read=nothing,
    )
    ticked = False
    readable.on(
        "close",
        must_call(lambda: check(ticked and readable._readable_state.error_emitted is True)),
    )

    def on_error(err: Any) -> None:
        assert ticked
        assert str(err) == "kaboom 1"
        assert readable._readable_state.error_emitted is True

    readable.on("error", must_call(on_error))
    readable.destroy()
    assert readable.destroyed is True
    assert readable._readable_state.errored is None
    assert readable._readable_state.error_emitted is False
    readable.destroy(Exception("kaboom 2"))
    assert readable._readable_state.error_emitted is False
    assert readable._readable_state.errored is None
    ticked = True


@node_case
def test_readable_push_after_destroy(must_call: MustCall) -> None:
    read = Readable(read=nothing)
    read.destroy()
    read.push("hi")
    read.on("data", must_call.never("data"))

    read2 = Readable(read=must_call.never("_read"))
    read2.destroy()
    assert read2.destroyed is True
    read2.read()


@node_case
def test_readable_push_after_eof_without_auto_destroy(must_call: MustCall) -> None:
    def read(self: Readable, n: int) -> None:
        self.push(None)
        self.push("asd")

    r = Readable(auto_destroy=False, read=read)
    r.on("error", must_call(lambda _e: check(r._readable_state.errored is not None)))
    r.resume()


@node_case
def test_readable_no_data_after_destroy(must_call: MustCall) -> None:
    read = Readable(read=nothing)
    read.on("data", must_call.never("data"))

    def again(*_a: Any) -> None:
        read.push("asd")
        read.read()

    read.on("error", must_call(again))
    read.on("close", must_call(again))
    read.destroy(Exception("asd"))

    read2 = Readable(read=nothing)
    read2.on("data", must_call.never("data"))
    read2.on("close", must_call(lambda: (read2.push("asd"), read2.read())))
    read2.destroy()

    read3 = Readable(read=nothing)
    read3.on("data", must_call.never("data"))
    read3.on("close", must_call(lambda: (read3.push("asd"), read3.unshift("asd"))))
    read3.destroy()

    read4 = Readable(read=nothing)
    read4.on("data", must_call.never("data"))
    read4.destroy()
    read4.unshift("asd")

    read5 = Readable(read=nothing)
    read5.resume()
    read5.on("data", must_call.never("data"))
    read5.on("close", must_call(lambda: read5.push("asd")))
    read5.destroy()

    read6 = Readable(read=nothing)
    read6.on("data", must_call.never("data"))
    read6.destroy()
    read6.push("asd")


# test-stream-writable-destroy.js


@node_case
def test_writable_destroy_plain(must_call: MustCall) -> None:
    write = Writable(write=lambda self, c, e, cb: cb())
    write.on("finish", must_call.never("finish"))
    write.on("close", must_call())
    write.destroy()
    assert write.destroyed is True


@node_case
def test_writable_destroy_pending_write_fails(must_call: MustCall) -> None:
    write = Writable(write=lambda self, c, e, cb: (self.destroy(Exception("asd")), cb()))
    write.on("error", must_call())
    write.on("finish", must_call.never("finish"))
    write.end("asd")
    assert write.destroyed is True


@node_case
def test_writable_destroy_with_error(must_call: MustCall) -> None:
    write = Writable(write=lambda self, c, e, cb: cb())
    expected = Exception("kaboom")
    write.on("finish", must_call.never("finish"))
    write.on("close", must_call())
    write.on("error", must_call(lambda err: check(err is expected)))
    write.destroy(expected)
    assert write.destroyed is True


@node_case
def test_writable_destroy_swallowed(must_call: MustCall) -> None:
    expected = Exception("kaboom")
    write = Writable(
        write=lambda self, c, e, cb: cb(),
        destroy=must_call(lambda self, err, cb: (check(err is expected), cb())),
    )
    write.on("finish", must_call.never("finish"))
    write.on("close", must_call())
    write.on("error", must_call.never("error"))
    write.destroy(expected)
    assert write.destroyed is True


@node_case
def test_writable_destroy_then_write(must_call: MustCall) -> None:
    write = Writable(write=lambda self, c, e, cb: cb())
    write.destroy()
    write.on("error", must_call.never("error"))
    write.write("asd", must_call(lambda err: check(isinstance(err, ERR_STREAM_DESTROYED))))


@node_case
def test_writable_destroy_fails_buffered_writes(must_call: MustCall) -> None:
    write = Writable(write=lambda self, c, e, cb: next_tick(cb))
    write.cork()
    write.write("asd", must_call(lambda err: check(err is None)))  # already in flight
    write.uncork()
    write.cork()
    write.write("asd", must_call(lambda err: check(isinstance(err, ERR_STREAM_DESTROYED))))
    write.end(must_call(lambda err: check(isinstance(err, ERR_STREAM_DESTROYED))))
    write.destroy()
    write.on("close", must_call())


@node_case
def test_writable_end_then_destroy(must_call: MustCall) -> None:
    write = Writable(write=lambda self, c, e, cb: cb())
    write.end()
    write.on("finish", must_call())
    write.on("close", must_call())


@node_case
def test_writable_destroy_once_error(must_call: MustCall) -> None:
    w = Writable(write=lambda self, c, e, cb: cb())
    w.on("error", must_call())
    w.on("close", must_call())
    w.destroy(Exception("a"))
    w.destroy(Exception("b"))
    assert str(w.errored) == "a"


@node_case
def test_writable_write_cb_error_and_destroy(must_call: MustCall) -> None:
    # A _write failing after destroy: the callback still gets the write's error, once.
    def write(self: Writable, chunk: Any, enc: Any, cb: Any) -> None:
        self.destroy()
        cb(Exception("asd"))

    w = Writable(write=write)
    w.on("error", must_call.never("error"))
    w.on("close", must_call())
    w.write("a", must_call(lambda err: check(str(err) == "asd")))


# test-stream-duplex-destroy.js


@node_case
def test_duplex_destroy(must_call: MustCall) -> None:
    duplex = Duplex(write=lambda self, c, e, cb: cb(), read=nothing)
    duplex.resume()
    duplex.on("end", must_call.never("end"))
    duplex.on("finish", must_call.never("finish"))
    duplex.on("close", must_call())
    duplex.destroy()
    assert duplex.destroyed is True


@node_case
def test_duplex_destroy_error(must_call: MustCall) -> None:
    duplex = Duplex(write=lambda self, c, e, cb: cb(), read=nothing)
    duplex.resume()
    expected = Exception("kaboom")
    duplex.on("end", must_call.never("end"))
    duplex.on("finish", must_call.never("finish"))
    duplex.on("error", must_call(lambda err: check(err is expected)))
    duplex.destroy(expected)
    assert duplex.destroyed is True


@node_case
def test_duplex_destroyed_needs_both_sides(must_call: MustCall) -> None:
    duplex = Duplex(write=lambda self, c, e, cb: cb(), read=nothing)
    duplex._writable_state.destroyed = True
    assert duplex.destroyed is False
    duplex._readable_state.destroyed = True
    assert duplex.destroyed is True
    duplex.destroyed = False
    assert duplex.destroyed is False


@node_case
def test_duplex_allow_half_open_false_destroy_after_end(must_call: MustCall) -> None:
    duplex = Duplex(allow_half_open=False, write=lambda self, c, e, cb: cb(), read=nothing)
    duplex.on("finish", must_call())
    duplex.on("end", must_call())
    duplex.on("close", must_call())
    duplex.resume()
    duplex.push(None)


# test-stream-transform-destroy.js


@node_case
def test_transform_destroy(must_call: MustCall) -> None:
    t = Transform(transform=nothing)
    t.resume()
    t.on("end", must_call.never("end"))
    t.on("close", must_call())
    t.on("finish", must_call.never("finish"))
    t.destroy()


@node_case
def test_transform_destroy_error(must_call: MustCall) -> None:
    t = Transform(transform=nothing)
    t.resume()
    expected = Exception("kaboom")
    t.on("end", must_call.never("end"))
    t.on("finish", must_call.never("finish"))
    t.on("close", must_call())
    t.on("error", must_call(lambda err: check(err is expected)))
    t.destroy(expected)


@node_case
def test_transform_destroy_callback_error(must_call: MustCall) -> None:
    t = Transform(transform=nothing)
    expected = Exception("kaboom")
    t._destroy = must_call(lambda err, cb: (check(err is None), cb(expected)))  # type: ignore[method-assign]
    t.on("close", must_call())
    t.on("finish", must_call.never("finish"))
    t.on("end", must_call.never("end"))
    t.on("error", must_call(lambda err: check(err is expected)))
    t.destroy()


# test-stream-destroy-event-order.js


@node_case
def test_destroy_event_order(must_call: MustCall) -> None:
    rs = Readable(read=nothing)
    closed = False
    errored = False

    def on_close() -> None:
        nonlocal closed
        closed = True
        assert errored

    def on_error() -> None:
        nonlocal errored
        errored = True
        assert not closed

    rs.on("close", must_call(on_close))
    rs.on("error", must_call(lambda _e: on_error()))
    rs.destroy(Exception("kaboom"))


# test-stream-destroy.js (the parts about core streams; http and pipeline are not here)


@node_case
def test_construct_then_destroy(must_call: MustCall) -> None:
    w = Writable(
        construct=must_call(lambda self, cb: next_tick(cb)),
        destroy=must_call(lambda self, err, cb: cb(err)),
        write=lambda self, c, e, cb: cb(),
    )
    w.on("close", must_call())
    w.destroy()
