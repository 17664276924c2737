"""Node's test-stream-transform-*.js and test-stream-duplex-*.js, ported case by case."""

from __future__ import annotations

from typing import Any

import pytest
from _stream_support import MustCall, next_tick, node_case, set_immediate, set_timeout

from trio_nodecompat.buffer import Buffer
from trio_nodecompat.errors import (
    ERR_MULTIPLE_CALLBACK,
    ERR_STREAM_PUSH_AFTER_EOF,
    ERR_STREAM_WRITE_AFTER_END,
)
from trio_nodecompat.stream import Duplex, PassThrough, Readable, Transform


def nothing(*_args: Any) -> None:
    pass


def check(condition: bool) -> None:
    assert condition


# test-stream-transform-final.js and -final-sync.js (the same sequence; _final calls back
# after a timer, or synchronously)


@pytest.mark.parametrize("final_sync", [False, True])
async def test_transform_final_order(final_sync: bool) -> None:
    await _final_order(final_sync)()


def _final_order(final_sync: bool) -> Any:
    return node_case(lambda must_call: _final_order_body(must_call, final_sync))


def _final_order_body(must_call: MustCall, final_sync: bool) -> None:
    state = 0

    def bump() -> int:
        nonlocal state
        state += 1
        return state

    def transform(self: Transform, chunk: int, _enc: Any, next_: Any) -> None:
        assert bump() == chunk
        self.push(state)
        assert bump() == chunk + 2
        next_tick(next_)

    def final(self: Transform, done: Any) -> None:
        assert bump() == 10

        def later() -> None:
            assert bump() == 11
            done()

        if final_sync:
            later()
        else:
            set_timeout(later, 100)

    def flush(self: Transform, done: Any) -> None:
        assert bump() == 12

        def later() -> None:
            assert bump() == 13
            done()

        next_tick(later)

    t = Transform(
        object_mode=True,
        transform=must_call(transform, 3),
        final=must_call(final),
        flush=must_call(flush),
    )
    t.on("finish", must_call(lambda: check(bump() == 15)))
    t.on("end", must_call(lambda: check(bump() == 16)))
    t.on("data", must_call(lambda d: check(bump() == d + 1), 3))
    t.write(1)
    t.write(4)
    t.end(7, must_call(lambda *_a: check(bump() == 14)))


# test-stream-transform-flush-data.js


@node_case
def test_flush_data(must_call: MustCall) -> None:
    t = Transform(transform=lambda self, d, e, n: n(), flush=lambda self, n: n(None, "asdf"))
    t.end(Buffer.from_("blerg"))
    t.on("data", must_call(lambda data: check(data.to_string() == "asdf")))


# test-stream-transform-split-objectmode.js (Node 20's 16 KiB byte mark made explicit)


@node_case
def test_split_object_mode(must_call: MustCall) -> None:
    parser = Transform(readable_object_mode=True, writable_high_water_mark=16 * 1024)
    assert parser._readable_state.object_mode
    assert not parser._writable_state.object_mode
    assert parser.readable_high_water_mark == 16
    assert parser.writable_high_water_mark == 16 * 1024
    parser._transform = lambda chunk, enc, cb: cb(None, {"val": chunk[0]})  # type: ignore[method-assign]
    parser.on("data", must_call(lambda obj: check(obj == {"val": 42})))
    parser.end(Buffer.from_([42]))

    serializer = Transform(writable_object_mode=True)
    assert not serializer._readable_state.object_mode
    assert serializer._writable_state.object_mode
    assert serializer.readable_high_water_mark == 64 * 1024
    assert serializer.writable_high_water_mark == 16
    serializer._transform = lambda obj, _e, cb: cb(None, Buffer.from_([obj["val"]]))  # type: ignore[method-assign]
    serializer.on("data", must_call(lambda chunk: check(chunk[0] == 42)))
    serializer.write({"val": 42})


# test-stream-transform-hwm0.js


@node_case
def test_transform_hwm_0(must_call: MustCall) -> None:
    t = Transform(
        object_mode=True,
        high_water_mark=0,
        transform=lambda self, chunk, enc, cb: next_tick(lambda: cb(None, chunk, enc)),
    )
    assert t.write(1) is False

    def on_drain() -> None:
        assert t.write(2) is False
        t.end()

    t.on("drain", must_call(on_drain))

    def first_readable() -> None:
        assert t.read() == 1

        def later() -> None:
            assert t.read() is None
            t.once("readable", must_call(lambda: check(t.read() == 2)))

        set_immediate(must_call(later))

    t.once("readable", must_call(first_readable))


# test-stream-transform-callback-twice.js


@node_case
def test_transform_callback_twice(must_call: MustCall) -> None:
    s = Transform(transform=lambda self, chunk, enc, cb: (cb(), cb()))
    s.on("error", must_call(lambda e: check(isinstance(e, ERR_MULTIPLE_CALLBACK))))
    s.write("foo")


# test-stream-transform-objectmode-falsey-value.js (writes on immediates, not a 1 ms interval)


@node_case
def test_object_mode_falsy_values_through_pipes(must_call: MustCall) -> None:
    src = PassThrough(object_mode=True)
    tx = PassThrough(object_mode=True)
    dest = PassThrough(object_mode=True)
    expect = list(range(-1, 11))
    results: list[int] = []
    dest.on("data", must_call(results.append, len(expect)))
    src.pipe(tx).pipe(dest)
    values = iter(expect)

    def step() -> None:
        if len(results) == len(expect):
            src.end()
            assert results == expect
        else:
            value = next(values, None)
            if value is not None:
                src.write(value)
            set_immediate(step)

    set_immediate(step)


# test-stream-duplex-end.js


@node_case
def test_duplex_end_half_open(must_call: MustCall) -> None:
    stream = Duplex(read=nothing)
    assert stream.allow_half_open is True
    stream.on("finish", must_call.never("finish"))
    assert stream.listener_count("end") == 0
    stream.resume()
    stream.push(None)

    stream2 = Duplex(read=nothing, allow_half_open=False)
    assert stream2.allow_half_open is False
    stream2.on("finish", must_call())
    stream2.resume()
    stream2.push(None)

    stream3 = Duplex(read=nothing, allow_half_open=False)
    stream3._writable_state.ended = True
    stream3.on("finish", must_call.never("finish"))
    stream3.resume()
    stream3.push(None)


# test-stream-duplex-props.js


def test_duplex_props() -> None:
    d = Duplex(object_mode=True, high_water_mark=100)
    assert d.writable_object_mode is True
    assert d.writable_high_water_mark == 100
    assert d.readable_object_mode is True
    assert d.readable_high_water_mark == 100
    d2 = Duplex(
        readable_object_mode=False,
        readable_high_water_mark=10,
        writable_object_mode=True,
        writable_high_water_mark=100,
    )
    assert d2.writable_object_mode is True
    assert d2.writable_high_water_mark == 100
    assert d2.readable_object_mode is False
    assert d2.readable_high_water_mark == 10


# test-stream-duplex-readable-end.js


@node_case
def test_duplex_readable_end_pauses_source(must_call: MustCall) -> None:
    loops = 5

    def read(self: Readable, n: int) -> None:
        nonlocal loops
        if loops:
            loops -= 1
            self.push(Buffer.alloc(20000))
        else:
            loops -= 1

    src = Readable(read=read, high_water_mark=16 * 1024)
    dst = Transform(
        transform=lambda self, chunk, output, fn: (self.push(None), fn()),
        high_water_mark=16 * 1024,
    )
    src.pipe(dst)
    dst.on("data", nothing)
    dst.on("end", must_call(lambda: check(loops == 3 and src.is_paused())))


# test-stream-duplex-writable-finished.js


@node_case
def test_duplex_writable_finished(must_call: MustCall) -> None:
    duplex = Duplex()

    def write(chunk: Any, encoding: Any, cb: Any) -> None:
        assert duplex.writable_finished is False
        cb()

    duplex._write = write  # type: ignore[method-assign]
    duplex.on("finish", must_call(lambda: check(duplex.writable_finished is True)))
    duplex.end("testing finished state", must_call(lambda *_a: check(duplex.writable_finished)))


# test-stream-duplex-readable-writable.js


@node_case
async def test_duplex_disabled_sides(must_call: MustCall) -> None:
    duplex = Duplex(readable=False)
    assert duplex.readable is False
    duplex.push("asd")
    duplex.on("error", must_call(lambda e: check(isinstance(e, ERR_STREAM_PUSH_AFTER_EOF))))
    duplex.on("data", must_call.never("data"))
    duplex.on("end", must_call.never("end"))

    duplex2 = Duplex(writable=False, write=must_call.never("write"))
    assert duplex2.writable is False
    duplex2.write("asd")
    duplex2.on("error", must_call(lambda e: check(isinstance(e, ERR_STREAM_WRITE_AFTER_END))))
    duplex2.on("finish", must_call.never("finish"))

    duplex3 = Duplex(readable=False)
    assert duplex3.readable is False
    duplex3.on("data", must_call.never("data"))
    duplex3.on("end", must_call.never("end"))
    async for chunk in duplex3:
        raise AssertionError(chunk)


# test-stream-transform-constructor-set-methods.js (functions are bound, so identity differs)


@node_case
def test_transform_constructor_methods(must_call: MustCall) -> None:
    import pytest

    from trio_nodecompat.errors import ERR_METHOD_NOT_IMPLEMENTED

    t = Transform()
    with pytest.raises(ERR_METHOD_NOT_IMPLEMENTED, match=r"The _transform\(\) method"):
        t.end(Buffer.from_("blerg"))
    t2 = Transform(
        transform=must_call(lambda self, chunk, _e, next_: next_()),
        flush=must_call(lambda self, next_: next_()),
        final=must_call(lambda self, next_: next_()),
    )
    t2.end(Buffer.from_("blerg"))
    t2.resume()


# test-stream-transform-split-highwatermark.js (64 KiB default here; Node 20's is 16 KiB)


def test_transform_split_high_water_mark() -> None:
    import pytest

    from trio_nodecompat.errors import ERR_INVALID_ARG_VALUE
    from trio_nodecompat.stream import Writable

    default = 64 * 1024

    def marks(**options: Any) -> tuple[int, int]:
        t = Transform(**options)
        return t._readable_state.high_water_mark, t._writable_state.high_water_mark

    assert marks(readable_high_water_mark=666) == (666, default)
    assert marks(writable_high_water_mark=777) == (default, 777)
    assert marks(readable_high_water_mark=666, writable_high_water_mark=777) == (666, 777)
    assert marks(high_water_mark=555, readable_high_water_mark=666) == (555, 555)
    assert marks(high_water_mark=555, writable_high_water_mark=777) == (555, 555)
    assert marks(
        high_water_mark=555, readable_high_water_mark=666, writable_high_water_mark=777
    ) == (555, 555)
    assert marks(readable_high_water_mark=None) == (default, default)
    assert marks(writable_high_water_mark=None) == (default, default)
    assert marks(high_water_mark=None, readable_high_water_mark=666) == (666, default)
    assert marks(high_water_mark=None, writable_high_water_mark=777) == (default, 777)
    for name in ("readable_high_water_mark", "writable_high_water_mark"):
        with pytest.raises(ERR_INVALID_ARG_VALUE, match=f"'{name}' is invalid. Received nan"):
            Transform(**{name: float("nan")})
    # Plain Readables and Writables have no per-side options (Node ignores them).
    with pytest.raises(TypeError):
        Readable(readable_high_water_mark=666)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Writable(writable_high_water_mark=777)  # type: ignore[call-arg]


# test-stream-readable-emit-readable-short-stream.js


def _drain_readable(stream: Readable) -> Any:
    def on_readable() -> None:
        while True:
            chunk = stream.read()
            if not chunk:
                break
            assert chunk.to_string() == "content"

    return on_readable


def _echo_transform(must_call: MustCall) -> Transform:
    return Transform(
        transform=must_call(lambda self, chunk, enc, cb: (self.push(chunk), cb())),
        flush=must_call(lambda self, cb: cb()),
    )


@node_case
def test_short_stream_piped_into_transform(must_call: MustCall) -> None:
    r = Readable(read=must_call(lambda self, n: (self.push("content"), self.push(None))))
    t = _echo_transform(must_call)
    r.pipe(t)
    t.on("readable", must_call(_drain_readable(t), 2))


@node_case
def test_short_stream_transform_end_with_chunk(must_call: MustCall) -> None:
    t = _echo_transform(must_call)
    t.end("content")
    t.on("readable", must_call(_drain_readable(t)))


@node_case
def test_short_stream_transform_write_then_end(must_call: MustCall) -> None:
    t = _echo_transform(must_call)
    t.write("content")
    t.end()
    t.on("readable", must_call(_drain_readable(t)))


@node_case
def test_short_stream_readable_sync_pushes(must_call: MustCall) -> None:
    t = Readable(read=nothing)
    t.on("readable", must_call(_drain_readable(t)))
    t.push("content")
    t.push(None)


@node_case
def test_short_stream_readable_pushes_on_tick(must_call: MustCall) -> None:
    t = Readable(read=nothing)
    t.on("readable", must_call(_drain_readable(t), 2))
    next_tick(lambda: (t.push("content"), t.push(None)))


@node_case
def test_short_stream_transform_listener_first(must_call: MustCall) -> None:
    t = _echo_transform(must_call)
    t.on("readable", must_call(_drain_readable(t), 2))
    t.write("content")
    t.end()


# test-stream-readable-unpipe-resume.js (a 1 MiB Readable stands in for fs.createReadStream)


@node_case
def test_unpipe_then_resume_reaches_end(must_call: MustCall) -> None:
    remaining = 16

    def read(self: Readable, n: int) -> None:
        nonlocal remaining
        remaining -= 1
        self.push(Buffer.alloc(64 * 1024) if remaining >= 0 else None)

    read_stream = Readable(read=read)

    def transform(self: Transform, chunk: Any, enc: Any, cb: Any) -> None:
        read_stream.unpipe()
        read_stream.resume()

    transform_stream = Transform(transform=must_call(transform))
    read_stream.on("end", must_call())
    read_stream.pipe(transform_stream).resume()
