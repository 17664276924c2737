"""Node's test-stream-readable-destroy.js, -writable-destroy.js, -duplex-destroy.js,
-transform-destroy.js, -destroy.js and -destroy-event-order.js, ported case by case.

The AbortSignal cases (``signal=`` and ``add_abort_signal``) are at the end.
"""

from __future__ import annotations

from typing import Any

from _stream_support import MustCall, next_tick, node_case, set_immediate

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


# test-stream-writable-destroy.js, the remaining blocks


@node_case
def test_writable_end_in_destroy_no_finish(must_call: MustCall) -> None:
    w = Writable(write=lambda self, c, e, cb: cb())

    def destroy(err: Any, cb: Any) -> None:
        assert err is None

        def later() -> None:
            w.end()
            cb()

        next_tick(later)

    w._destroy = must_call(destroy)  # type: ignore[method-assign]
    w.on("finish", must_call.never("finish"))
    w.on("close", must_call())
    w.destroy()
    assert w.destroyed is True


@node_case
def test_writable_destroy_callback_error(must_call: MustCall) -> None:
    w = Writable(write=lambda self, c, e, cb: cb())
    expected = Exception("kaboom")
    w._destroy = must_call(lambda err, cb: (check(err is None), cb(expected)))  # type: ignore[method-assign]
    w.on("close", must_call())
    w.on("finish", must_call.never("finish"))
    w.on("error", must_call(lambda err: check(err is expected)))
    w.destroy()
    assert w.destroyed is True


@node_case
def test_writable_double_error(must_call: MustCall) -> None:
    w = Writable(write=lambda self, c, e, cb: cb())
    ticked = False
    w.on("close", must_call(lambda: check(ticked)))

    def on_error(err: Any) -> None:
        assert ticked
        assert str(err) == "kaboom 1"
        assert w._writable_state.error_emitted is True

    w.on("error", must_call(on_error))
    expected = Exception("kaboom 1")
    w.destroy(expected)
    w.destroy(Exception("kaboom 2"))
    assert w._writable_state.errored is expected
    assert w._writable_state.error_emitted is False
    assert w.destroyed is True
    ticked = True


@node_case
def test_writable_destroy_again_before_callback(must_call: MustCall) -> None:
    w = Writable(
        destroy=must_call(lambda self, err, cb: next_tick(cb, Exception("kaboom 1"))),
        write=lambda self, c, e, cb: cb(),
    )
    ticked = False

    def on_close() -> None:
        w.on("error", must_call.never("error"))
        w.destroy(Exception("hello"))
        assert ticked
        assert w._writable_state.error_emitted is True

    def on_error(err: Any) -> None:
        assert ticked
        assert str(err) == "kaboom 1"
        assert w._writable_state.error_emitted is True

    w.on("close", must_call(on_close))
    w.on("error", must_call(on_error))
    w.destroy()
    assert w.destroyed is True
    assert w._writable_state.errored is None
    assert w._writable_state.error_emitted is False
    w.destroy(Exception("kaboom 2"))
    assert w._writable_state.error_emitted is False
    assert w._writable_state.errored is None
    ticked = True


@node_case
def test_writable_destroyed_set_by_hand(must_call: MustCall) -> None:
    w = Writable(write=lambda self, c, e, cb: cb())
    w.destroyed = True
    assert w.destroyed is True
    w.on("close", must_call.never("close"))
    w.destroy()


@node_case
def test_writable_destroy_twice_callback(must_call: MustCall) -> None:
    w = Writable(write=lambda self, c, e, cb: cb())
    w.destroy()
    w.destroy(Exception("kaboom"), must_call(lambda *args: check(args == ())))


@node_case
def test_writable_undestroy_calls_final_again(must_call: MustCall) -> None:
    w = Writable(
        write=must_call.never("write"), final=must_call(lambda self, cb: cb(), 2), auto_destroy=True
    )
    w.end()

    def again() -> None:
        w._undestroy()
        w.end()

    w.once("close", must_call(again))


@node_case
def test_writable_corked_writes_then_destroy(must_call: MustCall) -> None:
    w = Writable(write=lambda self, c, e, cb: cb())
    w.on("error", must_call.never("error"))
    w.cork()
    w.write("asd", must_call())
    w.uncork()
    w.cork()
    destroyed = lambda err: check(  # noqa: E731
        isinstance(err, ERR_STREAM_DESTROYED)
        and str(err) == "Cannot call write after a stream was destroyed"
    )
    w.write("asd", must_call(destroyed))
    w.destroy()
    w.write("asd", must_call(destroyed))
    w.uncork()


@node_case
def test_writable_end_cb_after_error_and_destroy(must_call: MustCall) -> None:
    w = Writable(write=lambda self, c, e, cb: cb(Exception("asd")))

    def on_error(_err: Any) -> None:
        w.destroy()
        ticked = False

        def ended(err: Any) -> None:
            assert ticked
            assert isinstance(err, ERR_STREAM_DESTROYED)

        w.end(must_call(ended))
        ticked = True

    w.on("error", must_call(on_error))
    w.write("asd")


@node_case
def test_writable_end_cb_after_finish_and_destroy(must_call: MustCall) -> None:
    from trio_nodecompat.errors import ERR_STREAM_ALREADY_FINISHED

    w = Writable(write=lambda self, c, e, cb: cb())

    def on_finish() -> None:
        w.destroy()
        ticked = False

        def ended(err: Any) -> None:
            assert ticked
            assert isinstance(err, ERR_STREAM_ALREADY_FINISHED)

        w.end(must_call(ended))
        ticked = True

    w.on("finish", must_call(on_finish))
    w.end()


@node_case
def test_writable_end_cb_gets_destroy_error(must_call: MustCall) -> None:
    w = Writable(write=lambda self, c, e, cb: next_tick(cb))
    err = Exception("asd")
    w.once("error", must_call(lambda e: check(str(e) == "asd")))
    w.end("asd", must_call(lambda e: check(e is err)))
    w.destroy(err)


@node_case
def test_writable_buffered_callbacks_get_error(must_call: MustCall) -> None:
    err = Exception("asd")
    w = Writable(write=lambda self, c, e, cb: next_tick(cb, err), auto_destroy=False)
    w.cork()
    w.write("asd", must_call(lambda e: check(e is err)))
    w.write("asd", must_call(lambda e: check(e is err)))
    w.on("error", must_call(lambda e: check(e is err)))
    w.uncork()


@node_case
def test_writable_callback_order_on_destroy(must_call: MustCall) -> None:
    state = 0

    def first(*_a: Any) -> None:
        nonlocal state
        assert state == 0
        state += 1

    def second(err: Any) -> None:
        nonlocal state
        assert isinstance(err, ERR_STREAM_DESTROYED)
        assert state == 1
        state += 1

    w = Writable(write=lambda self, c, e, cb: set_immediate(cb))
    w.write("asd", must_call(first))
    w.write("asd", must_call(second))
    w.destroy()


@node_case
def test_writable_callback_twice_without_auto_destroy(must_call: MustCall) -> None:
    w = Writable(auto_destroy=False, write=lambda self, c, e, cb: (cb(), cb()))
    w.on("error", must_call(lambda _e: check(w._writable_state.errored is not None)))
    w.write("asd")


@node_case
def test_writable_destroy_twice_after_end(must_call: MustCall) -> None:
    w = Writable(write=lambda self, c, e, cb: cb())
    w.end(must_call())
    w.destroy()
    w.destroy()


@node_case
def test_writable_final_never_calls_back_destroy_error(must_call: MustCall) -> None:
    s = Writable(final=lambda self, cb: None)
    err = Exception("oh no")
    s.end(must_call(lambda e: check(e is err)))
    s.on("error", must_call(lambda e: check(e is err)))
    s.destroy(err)


# test-stream-duplex-destroy.js, the remaining blocks


def _duplex(**options: Any) -> Duplex:
    return Duplex(write=lambda self, c, e, cb: cb(), read=nothing, **options)


@node_case
def test_duplex_custom_destroy_variants(must_call: MustCall) -> None:
    expected = Exception("kaboom")
    d1 = Duplex(
        write=lambda self, c, e, cb: cb(),
        read=nothing,
        destroy=must_call(lambda self, err, cb: (check(err is expected), cb())),
    )
    d1.on("finish", must_call.never("finish"))
    d1.on("end", must_call.never("end"))
    d1.on("error", must_call.never("error"))
    d1.on("close", must_call())
    d1.destroy(expected)
    assert d1.destroyed is True

    d2 = _duplex()
    d2._destroy = must_call(lambda err, cb: (check(err is None), cb()))  # type: ignore[method-assign]
    d2.destroy()
    assert d2.destroyed is True

    d3 = _duplex()
    d3._destroy = must_call(lambda err, cb: (check(err is None), cb(expected)))  # type: ignore[method-assign]
    d3.on("finish", must_call.never("finish"))
    d3.on("end", must_call.never("end"))
    d3.on("error", must_call(lambda err: check(err is expected)))
    d3.destroy()
    assert d3.destroyed is True


@node_case
def test_duplex_end_in_destroy(must_call: MustCall) -> None:
    d = _duplex()
    d.resume()

    def destroy(err: Any, cb: Any) -> None:
        assert err is None

        def later() -> None:
            d.push(None)
            d.end()
            cb()

        next_tick(later)

    d._destroy = must_call(destroy)  # type: ignore[method-assign]
    fail = must_call.never("finish or end")
    d.on("finish", fail)
    d.on("end", fail)
    d.destroy()
    d.remove_listener("end", fail)
    d.remove_listener("finish", fail)
    d.on("end", must_call.never("end"))
    d.on("finish", must_call.never("finish"))
    assert d.destroyed is True


@node_case
def test_duplex_half_open_destroy_and_by_hand(must_call: MustCall) -> None:
    d = _duplex(allow_half_open=True)
    d.resume()
    d.on("finish", must_call.never("finish"))
    d.on("end", must_call.never("end"))
    d.destroy()
    assert d.destroyed is True

    d2 = _duplex()
    d2.destroyed = True
    assert d2.destroyed is True
    d2.on("finish", must_call.never("finish"))
    d2.on("end", must_call.never("end"))
    d2.destroy()


@node_case
def test_duplex_auto_destroy_one_side_disabled(must_call: MustCall) -> None:
    d = _duplex(writable=False, auto_destroy=True)
    d.push(None)
    d.resume()
    d.on("close", must_call())

    d2 = _duplex(readable=False, auto_destroy=True)
    d2.end()
    d2.on("close", must_call())


@node_case
def test_duplex_no_half_open_end_on_next_tick(must_call: MustCall) -> None:
    d = _duplex(allow_half_open=False, auto_destroy=True)
    d.push(None)
    d.resume()
    original_end = d.end
    d.end = must_call.never("end() before the tick")  # type: ignore[method-assign]

    def on_end() -> None:
        def restore() -> None:
            d.end = must_call(original_end)  # type: ignore[method-assign]

        next_tick(restore)

    d.on("end", on_end)
    d.on("close", must_call())


# test-stream-transform-destroy.js, the remaining blocks


@node_case
def test_transform_custom_destroy_swallows(must_call: MustCall) -> None:
    expected = Exception("kaboom")
    t = Transform(
        transform=nothing,
        destroy=must_call(lambda self, err, cb: (check(err is expected), cb())),
    )
    t.resume()
    t.on("end", must_call.never("end"))
    t.on("close", must_call())
    t.on("finish", must_call.never("finish"))
    t.on("error", must_call.never("error"))
    t.destroy(expected)

    t2 = Transform(transform=nothing)
    t2._destroy = must_call(lambda err, cb: (check(err is None), cb()))  # type: ignore[method-assign]
    t2.destroy()


@node_case
def test_transform_end_in_destroy_still_ends(must_call: MustCall) -> None:
    t = Transform(transform=nothing)
    t.resume()

    def destroy(err: Any, cb: Any) -> None:
        assert err is None

        def later() -> None:
            t.push(None)
            t.end()
            cb()

        next_tick(later)

    t._destroy = must_call(destroy)  # type: ignore[method-assign]
    fail = must_call.never("finish or end")
    t.on("finish", fail)
    t.on("end", fail)
    t.on("close", must_call())
    t.destroy()
    t.remove_listener("end", fail)
    t.remove_listener("finish", fail)
    t.on("end", must_call())
    t.on("finish", must_call.never("finish"))


# The signal= blocks of test-stream-readable-destroy.js, -writable-destroy.js and
# -duplex-destroy.js (addAbortSignal itself is issue 14's)


@node_case
def test_readable_signal_option(must_call: MustCall) -> None:
    from trio_nodecompat.abort import AbortController

    controller = AbortController()
    read = Readable(signal=controller.signal, read=lambda self, n: self.push("asd"))
    read.on("error", must_call(lambda e: check(e.name == "AbortError")))
    controller.abort()
    read.on("data", must_call.never("data"))


@node_case
async def test_readable_signal_aborts_async_iteration(must_call: MustCall) -> None:
    import pytest

    from trio_nodecompat.abort import AbortController
    from trio_nodecompat.errors import AbortError
    from trio_nodecompat.timers import set_timeout

    controller = AbortController()
    read = Readable(signal=controller.signal, object_mode=True, read=lambda self, n: None)
    read.push("asd")
    read.on("error", must_call(lambda e: check(e.name == "AbortError")))
    set_timeout(controller.abort, 0)
    with pytest.raises(AbortError):
        async for _ in read:
            pass


@node_case
def test_writable_signal_option(must_call: MustCall) -> None:
    from trio_nodecompat.abort import AbortController, AbortSignal

    controller = AbortController()
    w = Writable(signal=controller.signal, write=lambda self, c, e, cb: cb())
    w.on("error", must_call(lambda e: check(e.name == "AbortError" and w.destroyed)))
    w.write("asd")
    controller.abort()

    w2 = Writable(signal=AbortSignal.abort(), write=lambda self, c, e, cb: cb())
    w2.on("error", must_call(lambda e: check(e.name == "AbortError" and w2.destroyed)))


@node_case
def test_duplex_signal_option(must_call: MustCall) -> None:
    from trio_nodecompat.abort import AbortController

    controller = AbortController()
    d = Duplex(write=lambda self, c, e, cb: cb(), read=nothing, signal=controller.signal)
    count = 0

    def on_error(e: Any) -> None:
        nonlocal count
        assert count == 0
        count += 1
        assert e.name == "AbortError"

    d.on("error", must_call(on_error))
    d.on("close", must_call())
    controller.abort()


# The addAbortSignal(...) blocks of test-stream-readable-destroy.js and
# test-stream-writable-destroy.js: the same checks as the signal= blocks above, the signal
# attached after construction.


@node_case
def test_readable_add_abort_signal(must_call: MustCall) -> None:
    from trio_nodecompat.abort import AbortController
    from trio_nodecompat.stream import add_abort_signal

    controller = AbortController()
    read = add_abort_signal(controller.signal, Readable(read=lambda self, n: self.push("asd")))
    read.on("error", must_call(lambda e: check(e.name == "AbortError")))
    controller.abort()
    read.on("data", must_call.never("data"))


@node_case
async def test_readable_add_abort_signal_aborts_async_iteration(must_call: MustCall) -> None:
    import pytest

    from trio_nodecompat.abort import AbortController
    from trio_nodecompat.errors import AbortError
    from trio_nodecompat.stream import add_abort_signal
    from trio_nodecompat.timers import set_timeout

    controller = AbortController()
    read = add_abort_signal(
        controller.signal, Readable(object_mode=True, read=lambda self, n: False)
    )
    read.push("asd")
    read.on("error", must_call(lambda e: check(e.name == "AbortError")))
    set_timeout(controller.abort, 0)
    with pytest.raises(AbortError):
        async for _ in read:
            pass


@node_case
def test_writable_add_abort_signal(must_call: MustCall) -> None:
    from trio_nodecompat.abort import AbortController
    from trio_nodecompat.stream import add_abort_signal

    controller = AbortController()
    w = add_abort_signal(controller.signal, Writable(write=lambda self, c, e, cb: cb()))
    w.on("error", must_call(lambda e: check(e.name == "AbortError" and w.destroyed)))
    w.write("asd")
    controller.abort()


# test-stream-destroy.js: Node's ``stream.destroy(stream, err)``, the destroyer pipeline,
# finished and the iterators use (undocumented in Node and not in SPEC 15, so it stays
# internal here: tested through ``_destroy.destroyer``). Without an error, an unfinished
# stream is destroyed with an AbortError.


@node_case
def test_destroyer_of_an_unfinished_stream_uses_an_abort_error(must_call: MustCall) -> None:
    from trio_nodecompat.stream._destroy import destroyer

    for stream in (Readable(read=nothing), Writable(write=nothing)):
        destroyer(stream, None)
        assert stream.destroyed is True
        stream.on("error", must_call(lambda err: check(getattr(err, "name", None) == "AbortError")))
        stream.on("close", must_call())


@node_case
def test_destroyer_with_an_error(must_call: MustCall) -> None:
    from trio_nodecompat.stream._destroy import destroyer

    for stream in (Readable(read=nothing), Writable(write=nothing)):
        destroyer(stream, Exception("asd"))
        assert stream.destroyed is True
        stream.on("error", must_call(lambda err: check(str(err) == "asd")))
        stream.on("close", must_call())
