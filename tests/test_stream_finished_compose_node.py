"""Node's test-stream-finished.js, test-stream-compose.js, test-stream-compose-operator.js,
test-stream-duplex-from.js, test-readable-from-iterator-closing.js and
test-stream-readable-didRead.js: the blocks tests/test_stream_compose_node.py does not hold,
ported case by case (tests/NODE_PORTS.md says which block is where, and why some are not).

Node's ``fs.createReadStream`` becomes a Readable over bytes (a missing file: a Readable
that fails with ``FileNotFoundError``); its ``http`` blocks become the plain streams whose
``finished`` behaviour they check.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import trio
import trio.testing
from _stream_support import MustCall, next_tick, node_case, set_immediate, set_timeout

from trio_nodecompat.abort import AbortController, AbortSignal
from trio_nodecompat.buffer import Buffer
from trio_nodecompat.errors import (
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_RETURN_VALUE,
    AbortError,
)
from trio_nodecompat.events import EventEmitter, once
from trio_nodecompat.stream import (
    Duplex,
    PassThrough,
    Readable,
    Stream,
    Transform,
    Writable,
    compose,
    finished,
    is_disturbed,
    is_errored,
    pipeline,
    promises,
)


def nothing(*_args: Any) -> None:
    pass


def check(condition: bool) -> None:
    assert condition


def succeeds(err: Any = None) -> None:
    """``common.mustSucceed()``'s check."""
    assert err is None, err


def premature(err: Any = None) -> None:
    assert getattr(err, "code", None) == "ERR_STREAM_PREMATURE_CLOSE", err


async def settle() -> None:
    await trio.testing.wait_all_tasks_blocked()


def file_stream(data: bytes = b"x" * 100_000, chunk: int = 65536) -> Readable:
    """What ``fs.createReadStream(__filename)`` is to these tests: bytes read in chunks."""
    offset = 0

    def read(self: Readable, _size: int) -> None:
        nonlocal offset

        def deliver() -> None:
            nonlocal offset
            piece = data[offset : offset + chunk]
            offset += len(piece)
            self.push(piece if piece else None)

        set_immediate(deliver)

    return Readable(read=read)


def missing_file_stream() -> Readable:
    """``fs.createReadStream('file-does-not-exist')``: fails with ENOENT on its first read."""

    def read(self: Readable, _size: int) -> None:
        set_immediate(lambda: self.destroy(FileNotFoundError(2, "ENOENT: no such file")))

    return Readable(read=read)


def empty_generator_stream() -> Readable:
    def generate() -> Any:
        yield from ()

    return Readable.from_(generate())


# test-stream-finished.js


@node_case
def test_finished_file_stream(must_call: MustCall) -> None:
    rs = file_stream()
    rs.resume()
    finished(rs, must_call(succeeds))


@node_case
async def test_finished_promise_of_a_file_stream(must_call: MustCall) -> None:
    rs = file_stream()
    ended = []
    rs.resume()
    rs.on("end", lambda: ended.append(True))
    await promises.finished(rs)
    assert ended == [True]


@node_case
def test_finished_signal_aborted_after_a_timeout(must_call: MustCall) -> None:
    ac = AbortController()
    rs = empty_generator_stream()
    set_timeout(ac.abort, 1)
    finished(rs, must_call(lambda err=None: check(isinstance(err, AbortError))), signal=ac.signal)


@node_case
def test_finished_signal_aborted_after_the_end_does_not_throw(must_call: MustCall) -> None:
    ac = AbortController()

    def generate() -> Any:
        yield 5
        set_immediate(ac.abort)

    rs = Readable.from_(generate())
    rs.resume()
    finished(rs, must_call(succeeds), signal=ac.signal)


@node_case
async def test_finished_promise_aborted(must_call: MustCall) -> None:
    ac = AbortController()
    rs = empty_generator_stream()
    set_immediate(ac.abort)
    with pytest.raises(AbortError):
        await promises.finished(rs, signal=ac.signal)


@node_case
async def test_finished_promise_pre_aborted(must_call: MustCall) -> None:
    rs = empty_generator_stream()
    with pytest.raises(AbortError):
        await promises.finished(rs, signal=AbortSignal.abort())


@node_case
def test_finished_missing_file(must_call: MustCall) -> None:
    rs = missing_file_stream()
    finished(rs, must_call(lambda err=None: check(isinstance(err, FileNotFoundError))))
    rs.resume()


@node_case
def test_finished_close_after_push_null_is_not_premature(must_call: MustCall) -> None:
    rs = Readable(read=nothing)
    finished(rs, must_call(succeeds))
    rs.push(None)
    rs.emit("close")  # Should not trigger an error
    rs.resume()


@node_case
def test_finished_close_before_push_null_is_premature(must_call: MustCall) -> None:
    rs = Readable(read=nothing)
    finished(rs, must_call(lambda err=None: check(err is not None)))
    rs.emit("close")  # Should trigger an error
    rs.push(None)
    rs.resume()


@node_case
def test_finished_returned_function_removes_the_writable_listeners(must_call: MustCall) -> None:
    ws = Writable(write=lambda self, data, enc, cb: cb())
    remove_listener = finished(ws, must_call.never("finished after cleanup"))
    remove_listener()
    ws.end()


@node_case
def test_finished_returned_function_removes_the_readable_listeners(must_call: MustCall) -> None:
    rs = Readable(read=nothing)
    remove_listeners = finished(rs, must_call.never("finished after cleanup"))
    remove_listeners()
    rs.emit("close")
    rs.push(None)
    rs.resume()


def test_finished_refuses_a_stream_like_emitter() -> None:
    stream_like = EventEmitter()
    stream_like.readable_ended = True  # type: ignore[attr-defined]
    stream_like.readable = True  # type: ignore[attr-defined]
    with pytest.raises(ERR_INVALID_ARG_TYPE):
        finished(stream_like, nothing)
    stream_like.emit("close")


@node_case
def test_finished_destroyed_writable_set_not_writable(must_call: MustCall) -> None:
    writable = Writable(write=nothing)
    writable.writable = False
    writable.destroy()
    finished(writable, must_call(premature))


@node_case
def test_finished_destroyed_readable_set_not_readable(must_call: MustCall) -> None:
    readable = Readable(read=nothing)
    readable.readable = False
    readable.destroy()
    finished(readable, must_call(premature))


@node_case
def test_finished_destroy_while_a_write_is_pending(must_call: MustCall) -> None:
    def write(self: Writable, chunk: Any, encoding: Any, callback: Any) -> None:
        set_immediate(callback)

    w = Writable(write=write)
    finished(w, must_call(premature))
    w.end("asd")
    w.destroy()


def readable_factory(**options: Any) -> Any:
    return Readable(**options)


def writable_factory(**options: Any) -> Any:
    return Writable(write=nothing, **options)


FACTORIES = pytest.mark.parametrize(
    "factory", [readable_factory, writable_factory], ids=["Readable", "Writable"]
)


@FACTORIES
async def test_finished_closed_and_disposed_in_the_same_tick(factory: Any) -> None:
    @node_case
    def body(must_call: MustCall) -> None:
        s = factory()
        s.destroy()
        dispose = finished(s, must_call.never("disposed"))
        dispose()

    await body()


@FACTORIES
async def test_finished_already_destroyed(factory: Any) -> None:
    @node_case
    def body(must_call: MustCall) -> None:
        s = factory()
        s.destroy()
        finished(s, must_call())

    await body()


@FACTORIES
async def test_finished_waits_for_destroy_to_complete(factory: Any) -> None:
    @node_case
    def body(must_call: MustCall) -> None:
        destroyed = False

        def destroy(self: Any, err: Any, cb: Any) -> None:
            def later() -> None:
                nonlocal destroyed
                destroyed = True
                cb()

            set_immediate(later)

        s = factory(destroy=destroy)
        s.destroy()
        finished(s, must_call(lambda err=None: check(destroyed)))

    await body()


@FACTORIES
async def test_finished_even_when_close_is_inhibited(factory: Any) -> None:
    @node_case
    def body(must_call: MustCall) -> None:
        def destroy(self: Any, err: Any, cb: Any) -> None:
            cb()
            finished(self, must_call())

        s = factory(emit_close=False, destroy=destroy)
        s.destroy()

    await body()


@FACTORIES
async def test_finished_with_deep_async_destroy(factory: Any) -> None:
    @node_case
    def body(must_call: MustCall) -> None:
        def destroy(self: Any, err: Any, cb: Any) -> None:
            def later() -> None:
                cb()
                set_immediate(lambda: finished(self, must_call()))

            set_immediate(later)

        s = factory(destroy=destroy)
        s.destroy()

    await body()


@node_case
def test_finished_after_end_without_auto_destroy(must_call: MustCall) -> None:
    w = Writable(write=lambda self, chunk, enc, cb: cb(), auto_destroy=False)
    w.end("asd")
    next_tick(lambda: finished(w, must_call()))


@node_case
def test_finished_inside_error_without_auto_destroy(must_call: MustCall) -> None:
    w = Writable(write=lambda self, chunk, enc, cb: cb(Exception()), auto_destroy=False)
    w.write("asd")
    w.on("error", must_call(lambda err: finished(w, must_call())))


@node_case
def test_finished_inside_end_without_auto_destroy(must_call: MustCall) -> None:
    r = Readable(read=nothing, auto_destroy=False)
    r.push(None)
    r.resume()
    r.on("end", must_call(lambda: finished(r, must_call())))


@node_case
def test_finished_file_stream_without_auto_close(must_call: MustCall) -> None:
    # fs.createReadStream(__filename, { autoClose: false }): ends, never closes.
    rs = file_stream()
    rs._readable_state.auto_destroy = False
    rs.resume()
    rs.on("close", must_call.never("close"))
    rs.on("end", must_call(lambda: finished(rs, must_call())))


@node_case
def test_finished_stream_like_with_a_finished_state(must_call: MustCall) -> None:
    # A duck-typed stream whose state's ``errored`` is a flag, not an error.
    d = EventEmitter()
    d._writable_state = SimpleNamespace(finished=True)  # type: ignore[attr-defined]
    finished(d, must_call(premature), readable=False, writable=True)
    d._writable_state.errored = True  # type: ignore[attr-defined]
    d.emit("close")


@node_case
def test_finished_destroy_before_the_end_is_read(must_call: MustCall) -> None:
    r = Readable(read=nothing)
    finished(r, must_call(premature))
    r.push("asd")
    r.push(None)
    r.destroy()


def _never_finishing_duplex() -> Duplex:
    return Duplex(
        final=lambda self, cb: None,  # Never close the writable side, for the test's purpose
        read=lambda self, n: self.push(None),
    )


@node_case
def test_finished_readable_side_only_attached_before_end(must_call: MustCall) -> None:
    d = _never_finishing_duplex()
    d.on("end", must_call())
    finished(d, must_call(succeeds), readable=True, writable=False)
    d.end()
    d.resume()


@node_case
def test_finished_readable_side_only_attached_after_end(must_call: MustCall) -> None:
    d = _never_finishing_duplex()
    d.on("end", must_call())
    d.end()
    finished(d, must_call(succeeds), readable=True, writable=False)
    d.resume()


@node_case
def test_finished_when_destroyed_is_set_by_hand(must_call: MustCall) -> None:
    # Compat for e.g. fd-slicer, whose non-standard destroy might not emit 'close'.
    r = Readable()
    finished(r, must_call())
    r.resume()
    r.push("asd")
    r.destroyed = True
    r.push(None)


@node_case
async def test_finished_duplex_reading_a_response_regression_33130(must_call: MustCall) -> None:
    response = PassThrough()

    class HelloWorld(Duplex):
        def __init__(self, response: PassThrough) -> None:
            super().__init__(auto_destroy=False)
            self.response = response
            self.read_more = False
            response.once("end", lambda: self.push(None))

            def onreadable() -> None:
                if self.read_more:
                    self._read(0)

            response.on("readable", onreadable)

        def _read(self, size: int) -> None:
            self.read_more = True
            if self.response.readable_length:
                self.read_more = False
            while (data := self.response.read()) is not None:
                self.push(data)

    instance = HelloWorld(response)
    instance.set_encoding("utf8")
    instance.end()
    await once(instance, "finish")

    def feed() -> None:
        response.write("chunk 1")
        response.write("chunk 2")
        response.write("chunk 3")
        response.end()

    set_immediate(feed)
    res = ""
    async for data in instance:
        res += data
    assert res == "chunk 1chunk 2chunk 3"


@node_case
def test_finished_ended_pass_through_never_read(must_call: MustCall) -> None:
    p = PassThrough()
    p.end()
    finished(p, must_call.never("the readable side never ends"))


@node_case
def test_finished_ended_pass_through_attached_on_finish(must_call: MustCall) -> None:
    p = PassThrough()
    p.end()
    p.on("finish", must_call(lambda: finished(p, must_call.never("never read"))))


@node_case
def test_finished_inside_close_of_an_ended_writable(must_call: MustCall) -> None:
    # The http server response block: finished(res) from res's 'close' after res.end().
    res = Writable(write=lambda self, chunk, enc, cb: cb())
    res.on("close", must_call(lambda: finished(res, must_call(succeeds))))
    res.end()


@node_case
def test_finished_inside_close_of_a_destroyed_readable(must_call: MustCall) -> None:
    # The http request block: finished(req) from req's 'close' after req.destroy().
    req = Readable(read=nothing)
    req.on("close", must_call(lambda: finished(req, must_call(premature))))
    req.destroy()


@node_case
def test_finished_waits_for_close_after_aborted(must_call: MustCall) -> None:
    def write(self: Writable, chunk: Any, encoding: Any, callback: Any) -> None:
        next_tick(callback)

    w = Writable(write=write)
    w.aborted = False  # type: ignore[attr-defined]
    w.end()
    closed = False

    def onfinish() -> None:
        assert closed is False
        w.emit("aborted")

    def onclose() -> None:
        nonlocal closed
        closed = True

    w.on("finish", onfinish)
    w.on("close", must_call(onclose))
    finished(w, must_call(lambda err=None: check(closed)))


@node_case
def test_finished_destroyed_with_an_error_twice(must_call: MustCall) -> None:
    w = Writable()
    error = Exception()
    w.destroy(error)
    assert w.errored is error

    def first(err: Any = None) -> None:
        assert err is error
        assert w.closed is True
        finished(w, must_call(lambda err=None: check(err is error)))

    finished(w, must_call(first))


@node_case
def test_finished_destroyed_without_an_error_twice(must_call: MustCall) -> None:
    w = Writable()
    w.destroy()
    assert w.errored is None

    def first(err: Any = None) -> None:
        assert w.closed is True
        premature(err)
        finished(w, must_call(premature))

    finished(w, must_call(first))


@node_case
def test_finished_legacy_stream_is_never_finished(must_call: MustCall) -> None:
    # Legacy streams do not inherit from Readable or Writable: nothing is assumed about them.
    s = Stream()
    finished(s, must_call.never("a legacy stream"))


@node_case
def test_finished_both_ends_of_a_piped_file(must_call: MustCall) -> None:
    # The http block piping fs.createReadStream into the response: both ends finish cleanly.
    got: list[bytes] = []
    res = Writable(write=lambda self, chunk, enc, cb: (got.append(bytes(chunk)), cb()))
    source = file_stream(b"abc" * 1000, chunk=1000)
    source.pipe(res)
    finished(res, must_call(lambda err=None: check(err is None and len(b"".join(got)) == 3000)))
    finished(source, must_call(succeeds))


@node_case
def test_finished_writable_side_of_a_duplex_with_a_slow_write(must_call: MustCall) -> None:
    def write(self: Duplex, chunk: Any, enc: Any, cb: Any) -> None:
        set_immediate(cb)

    stream = Duplex(write=write)
    stream.end("foo")
    finished(stream, must_call(succeeds), readable=False)


# Legacy streams and 'aborted' (eos's branches for them; what Node 20 does, asked of `node`:
# a Stream with a write method is a legacy writable whose 'end'/'close' with writable false
# finish it; a stream with a boolean ``aborted`` that will not emit 'close' by itself ends at
# 'aborted').


def legacy_writable() -> Any:
    s = Stream()
    s.write = lambda *args: True  # type: ignore[attr-defined]
    s.writable = True  # type: ignore[attr-defined]
    return s


@node_case
def test_finished_legacy_writable_closed_once_not_writable(must_call: MustCall) -> None:
    s = legacy_writable()
    finished(s, must_call(succeeds))
    s.writable = False
    s.emit("close")


@node_case
def test_finished_legacy_writable_closed_while_writable(must_call: MustCall) -> None:
    s = legacy_writable()
    finished(s, must_call(premature))
    s.emit("close")


@node_case
def test_finished_legacy_writable_ended_writable_side_only(must_call: MustCall) -> None:
    s = legacy_writable()
    finished(s, must_call(succeeds), readable=False)
    s.writable = False
    s.emit("end")


@node_case
def test_finished_legacy_writable_ended(must_call: MustCall) -> None:
    s = legacy_writable()
    finished(s, must_call(succeeds))
    s.writable = False
    s.emit("end")
    set_immediate(lambda: s.emit("close"))


@node_case
def test_finished_legacy_readable_closed_or_ended(must_call: MustCall) -> None:
    closed = Stream()
    finished(closed, must_call(succeeds))
    closed.emit("close")
    ended = Stream()
    finished(ended, must_call(succeeds))
    ended.emit("end")


@node_case
def test_finished_aborted_without_auto_destroy_is_premature(must_call: MustCall) -> None:
    w = Writable(write=lambda self, c, e, cb: cb(), auto_destroy=False)
    w.aborted = False  # type: ignore[attr-defined]
    finished(w, must_call(premature))
    w.emit("aborted")


@node_case
def test_finished_aborted_after_end_without_close(must_call: MustCall) -> None:
    w = Writable(write=lambda self, c, e, cb: cb(), emit_close=False)
    w.aborted = False  # type: ignore[attr-defined]
    w.end()
    finished(w, must_call(succeeds))
    w.emit("aborted")


@node_case
def test_finished_aborted_is_ignored_without_the_flag(must_call: MustCall) -> None:
    w = Writable(write=lambda self, c, e, cb: cb(), auto_destroy=False)
    finished(w, must_call.never("no aborted flag"))
    w.emit("aborted")


# test-stream-compose.js (the blocks tests/test_stream_compose_node.py does not hold)


def text(chunk: Any) -> str:
    """JS ``String(chunk)`` / ``chunk + ''`` of a Buffer or a string."""
    return chunk.to_string() if isinstance(chunk, Buffer) else str(chunk)


@node_case
def test_compose_two_transforms_doubling_then_upper_casing(must_call: MustCall) -> None:
    res = ""

    def on_data(buf: Any) -> None:
        nonlocal res
        res += text(buf)

    (
        compose(
            Transform(transform=must_call(lambda self, chunk, enc, cb: cb(None, text(chunk) * 2))),
            Transform(
                transform=must_call(lambda self, chunk, enc, cb: cb(None, text(chunk).upper()))
            ),
        )
        .end("asd")
        .on("data", must_call(on_data))
        .on("end", must_call(lambda: check(res == "ASDASD")))
    )


@node_case
def test_compose_two_async_generator_functions(must_call: MustCall) -> None:
    res = ""

    async def double(source: Any) -> Any:
        async for chunk in source:
            yield chunk + chunk

    async def upper(source: Any) -> Any:
        async for chunk in source:
            yield text(chunk).upper()

    def on_data(buf: Any) -> None:
        nonlocal res
        res += text(buf)

    (
        compose(double, upper)
        .end("asd")
        .on("data", must_call(on_data))
        .on("end", must_call(lambda: check(res == "ASDASD")))
    )


@node_case
def test_compose_one_async_generator_function(must_call: MustCall) -> None:
    res = ""

    async def double(source: Any) -> Any:
        async for chunk in source:
            yield chunk + chunk

    def on_data(buf: Any) -> None:
        nonlocal res
        res += text(buf)

    (
        compose(double)
        .end("asd")
        .on("data", must_call(on_data))
        .on("end", must_call(lambda: check(res == "asdasd")))
    )


def _upper_transform(must_call: MustCall, **options: Any) -> Transform:
    return Transform(
        transform=must_call(lambda self, chunk, enc, cb: cb(None, text(chunk).upper())), **options
    )


@node_case
def test_compose_readable_from_then_transform(must_call: MustCall) -> None:
    res = ""

    def on_data(buf: Any) -> None:
        nonlocal res
        res += text(buf)

    (
        compose(Readable.from_(["asd"]), _upper_transform(must_call))
        .on("data", must_call(on_data))
        .on("end", must_call(lambda: check(res == "ASD")))
    )


@node_case
def test_compose_async_generator_object_then_transform(must_call: MustCall) -> None:
    res = ""

    async def generate() -> Any:
        yield "asd"

    def on_data(buf: Any) -> None:
        nonlocal res
        res += text(buf)

    (
        compose(generate(), _upper_transform(must_call))
        .on("data", must_call(on_data))
        .on("end", must_call(lambda: check(res == "ASD")))
    )


async def _forward(source: Any) -> Any:
    async for chunk in source:
        yield chunk


@node_case
def test_compose_transform_generator_writable(must_call: MustCall) -> None:
    res = ""

    def write(self: Writable, chunk: Any, encoding: Any, callback: Any) -> None:
        nonlocal res
        res += text(chunk)
        callback(None)

    (
        compose(_upper_transform(must_call), _forward, Writable(write=must_call(write)))
        .end("asd")
        .on("finish", must_call(lambda: check(res == "ASD")))
    )


@node_case
def test_compose_transform_generator_async_def(must_call: MustCall) -> None:
    res = ""

    async def consume(source: Any) -> None:
        nonlocal res
        async for chunk in source:
            res += text(chunk)

    (
        compose(_upper_transform(must_call), _forward, consume)
        .end("asd")
        .on("finish", must_call(lambda: check(res == "ASD")))
    )


@node_case
def test_compose_object_mode_transforms_around_a_generator(must_call: MustCall) -> None:
    res: Any = None

    def wrap(self: Transform, chunk: Any, enc: Any, cb: Any) -> None:
        cb(None, {"chunk": chunk})

    def on_data(buf: Any) -> None:
        nonlocal res
        res = buf

    (
        compose(
            Transform(object_mode=True, transform=must_call(wrap)),
            _forward,
            Transform(object_mode=True, transform=must_call(wrap)),
        )
        .end(True)
        .on("data", must_call(on_data))
        .on("end", must_call(lambda: check(res["chunk"]["chunk"] is True)))
    )


@node_case
def test_compose_first_transform_fails(must_call: MustCall) -> None:
    error = Exception("asd")
    (
        compose(
            Transform(object_mode=True, transform=must_call(lambda self, c, e, cb: cb(error))),
            _forward,
            Transform(object_mode=True, transform=must_call.never("second transform")),
        )
        .end(True)
        .on("data", must_call.never("data"))
        .on("end", must_call.never("end"))
        .on("error", must_call(lambda err: check(err is error)))
    )


@node_case
def test_compose_generator_throws(must_call: MustCall) -> None:
    error = Exception("asd")

    async def fail(source: Any) -> Any:
        tmp = ""
        async for chunk in source:
            tmp += str(chunk)
            raise error
        yield tmp  # pragma: no cover

    (
        compose(
            Transform(object_mode=True, transform=must_call(lambda self, c, e, cb: cb(None, c))),
            fail,
            Transform(object_mode=True, transform=must_call.never("second transform")),
        )
        .end(True)
        .on("data", must_call.never("data"))
        .on("end", must_call.never("end"))
        .on("error", must_call(lambda err: check(err is error)))
    )


async def _hello_world() -> Any:
    yield "Hello"
    yield "World"


async def _upper(source: Any) -> Any:
    async for chunk in source:
        yield text(chunk).upper()


@node_case
def test_compose_into_a_duplex_neither_readable_nor_writable(must_call: MustCall) -> None:
    buf = ""

    async def consume(source: Any) -> None:
        nonlocal buf
        async for chunk in source:
            buf += chunk

    s1 = compose(_hello_world(), _upper, consume)
    assert s1.writable is False
    assert s1.readable is False
    finished(s1.resume(), must_call(lambda err=None: check(err is None and buf == "HELLOWORLD")))


@node_case
def test_compose_into_a_transform_duplex(must_call: MustCall) -> None:
    buf = ""
    s2 = compose(_upper)
    s2.end("helloworld")
    s2.resume()

    def on_data(chunk: Any) -> None:
        nonlocal buf
        buf += chunk

    s2.on("data", on_data)
    finished(s2.resume(), must_call(lambda err=None: check(err is None and buf == "HELLOWORLD")))


@node_case
def test_compose_of_composed_duplexes(must_call: MustCall) -> None:
    buf = ""

    async def consume(source: Any) -> None:
        nonlocal buf
        async for chunk in source:
            buf += chunk

    s1 = compose(_hello_world())  # a readable Duplex
    s2 = compose(_upper)  # a transform Duplex
    s3 = compose(consume)  # a writable Duplex
    s4 = compose(s1, s2, s3)
    finished(s4, must_call(lambda err=None: check(err is None and buf == "HELLOWORLD")))


@node_case
def test_compose_finished_without_resume(must_call: MustCall) -> None:
    buf = ""

    async def consume(source: Any) -> None:
        nonlocal buf
        async for chunk in source:
            buf += chunk

    s1 = compose(_hello_world(), _upper, consume)
    finished(s1, must_call(lambda err=None: check(err is None and buf == "HELLOWORLD")))


@node_case
def test_compose_last_async_def_returning_a_value(must_call: MustCall) -> None:
    buf = ""

    async def consume(source: Any) -> str:
        nonlocal buf
        async for chunk in source:
            buf += chunk
        return buf

    s1 = compose(_hello_world(), _upper, consume)
    finished(
        s1,
        must_call(lambda err=None: check(getattr(err, "code", None) == "ERR_INVALID_RETURN_VALUE")),
    )


@node_case
def test_compose_a_string_source(must_call: MustCall) -> None:
    buf = ""

    async def consume(source: Any) -> None:
        nonlocal buf
        async for chunk in source:
            buf += chunk

    s1 = compose("HelloWorld", _upper, consume)
    finished(s1, must_call(lambda err=None: check(err is None and buf == "HELLOWORLD")))


@node_case
async def test_compose_takes_the_first_writable_and_last_readable_object_mode(
    must_call: MustCall,
) -> None:
    # #46829: the new stream writes like its first stage and reads like its last.
    new_stream = compose(
        PassThrough(readable_object_mode=False, writable_object_mode=False),
        Transform(
            readable_object_mode=True,
            writable_object_mode=False,
            transform=lambda self, chunk, enc, cb: cb(None, {"value": chunk.to_string()}),
        ),
    )
    assert new_stream.writable_object_mode is False
    assert new_stream.readable_object_mode is True
    new_stream.write("Steve Rogers")
    new_stream.write("On your left")
    new_stream.end()
    assert await new_stream.to_array() == [{"value": "Steve Rogers"}, {"value": "On your left"}]


@node_case
async def test_compose_object_mode_in_bytes_out(must_call: MustCall) -> None:
    new_stream = compose(
        PassThrough(readable_object_mode=True, writable_object_mode=True),
        Transform(
            readable_object_mode=False,
            writable_object_mode=True,
            transform=lambda self, chunk, enc, cb: cb(None, chunk["value"]),
        ),
    )
    assert new_stream.writable_object_mode is True
    assert new_stream.readable_object_mode is False
    new_stream.write({"value": "Steve Rogers"})
    new_stream.write({"value": "On your left"})
    new_stream.end()
    result = await new_stream.to_array()
    assert [bytes(chunk) for chunk in result] == [b"Steve RogersOn your left"]


# test-stream-compose-operator.js (the blocks tests/test_stream_compose_node.py does not hold)


@node_case
async def test_readable_compose_error_while_waiting_for_data(must_call: MustCall) -> None:
    async def fail_at_three(source: Any) -> Any:
        async for chunk in source:
            if chunk == 3:
                raise Exception("boom")
            yield chunk

    stream = Readable.from_([1, 2, 3, 4, 5]).compose(fail_at_three)
    with pytest.raises(Exception, match="boom"):
        await stream.to_array()


@node_case
async def test_readable_compose_error_after_all_the_data(must_call: MustCall) -> None:
    async def fail_at_the_end(source: Any) -> Any:
        async for _chunk in source:
            pass
        raise Exception("boom")
        yield  # pragma: no cover

    stream = Readable.from_([1, 2, 3, 4, 5]).compose(fail_at_the_end)
    with pytest.raises(Exception, match="boom"):
        await stream.to_array()


@node_case
async def test_readable_compose_with_an_aborted_signal(must_call: MustCall) -> None:
    ac = AbortController()
    reached = must_call.never("the stage reads nothing")

    async def forward(source: Any) -> Any:
        async for chunk in source:
            reached(chunk)
            yield chunk

    stream = Readable.from_([1, 2, 3, 4, 5]).compose(forward, signal=ac.signal)
    ac.abort()
    with pytest.raises(AbortError):
        async for item in stream:
            raise AssertionError(f"should not reach here, got {item!r}")


@node_case
def test_readable_compose_refuses_a_readable(must_call: MustCall) -> None:
    with pytest.raises(ERR_INVALID_ARG_VALUE):
        Readable.from_(["a"]).compose(Readable.from_(["b"]))


@node_case
def test_readable_compose_refuses_nothing(must_call: MustCall) -> None:
    # Node's ``.compose()`` without a stream; Python's missing argument is a TypeError of its
    # own, so the port passes None (Node's undefined).
    with pytest.raises(ERR_INVALID_ARG_TYPE):
        Readable.from_(["a"]).compose(None)


@node_case
def test_readable_compose_checks_its_signal_before_composing(must_call: MustCall) -> None:
    # Node validates options.signal first: a bad signal leaves the source untouched.
    source = Readable.from_(["a"])
    with pytest.raises(ERR_INVALID_ARG_TYPE):
        source.compose(PassThrough(object_mode=True), signal="not a signal")
    assert source.readable_flowing is None
    assert source.listener_count("data") == 0
    assert source.listener_count("close") == 0


# test-stream-duplex-from.js (the blocks with an analogue: no Blob, no web streams here)


def _asd_readable() -> Readable:
    def read(self: Readable, n: int) -> None:
        self.push("asd")
        self.push(None)

    return Readable(read=read)


def _check_readable_only(must_call: MustCall, d: Any) -> None:
    assert d.readable is True
    assert d.writable is False
    d.once("readable", must_call(lambda: check(text(d.read()) == "asd")))
    d.once("end", must_call(lambda: check(d.readable is False)))


@node_case
def test_duplex_from_a_readable_half(must_call: MustCall) -> None:
    _check_readable_only(must_call, Duplex.from_({"readable": _asd_readable()}))


@node_case
def test_duplex_from_a_readable(must_call: MustCall) -> None:
    _check_readable_only(must_call, Duplex.from_(_asd_readable()))


def _collecting_writable(into: list[str]) -> Writable:
    def write(self: Writable, chunk: Any, encoding: Any, callback: Any) -> None:
        into.append(text(chunk))
        callback()

    return Writable(write=write)


@node_case
def test_duplex_from_a_writable(must_call: MustCall) -> None:
    ret: list[str] = []
    d = Duplex.from_(_collecting_writable(ret))
    assert d.readable is False
    assert d.writable is True
    d.end("asd")
    d.on("finish", must_call(lambda: check(d.writable is False and "".join(ret) == "asd")))


@node_case
def test_duplex_from_a_writable_half(must_call: MustCall) -> None:
    ret: list[str] = []
    d = Duplex.from_({"writable": _collecting_writable(ret)})
    assert d.readable is False
    assert d.writable is True
    d.end("asd")
    d.on("finish", must_call(lambda: check(d.writable is False and "".join(ret) == "asd")))


@node_case
def test_duplex_from_both_halves(must_call: MustCall) -> None:
    ret: list[str] = []
    d = Duplex.from_({"readable": _asd_readable(), "writable": _collecting_writable(ret)})
    assert d.readable is True
    assert d.writable is True
    d.once("readable", must_call(lambda: check(text(d.read()) == "asd")))
    d.once("end", must_call(lambda: check(d.readable is False)))
    d.end("asd")
    d.once("finish", must_call(lambda: check(d.writable is False and "".join(ret) == "asd")))


@node_case
def test_duplex_from_an_awaitable(must_call: MustCall) -> None:
    # Node's Duplex.from(Promise.resolve('asd')): here a coroutine.
    async def value() -> str:
        return "asd"

    d = Duplex.from_(value())
    assert d.readable is True
    assert d.writable is False
    d.once("readable", must_call(lambda: check(text(d.read()) == "asd")))
    d.once("end", must_call(lambda: check(d.readable is False)))


@node_case
def test_duplex_from_a_line_splitter_in_a_pipeline_40497(must_call: MustCall) -> None:
    async def lines(source: Any) -> Any:
        rest = ""
        async for chunk in source:
            parts = (rest + text(chunk)).split("\n")
            rest = parts.pop()
            for line in parts:
                yield line
        yield rest

    async def consume(source: Any) -> Any:
        ret = ""
        async for x in source:
            ret += x
        assert ret == "abcdefghi"
        return
        yield  # pragma: no cover

    pipeline(["abc\ndef\nghi"], Duplex.from_(lines), consume, must_call(succeeds))


def test_duplex_from_a_duplex_is_that_duplex() -> None:
    duplex = Duplex()
    assert Duplex.from_(duplex) is duplex


@node_case
def test_duplex_from_a_failing_awaitable(must_call: MustCall) -> None:
    # Node rejects with a string; a Python awaitable raises an exception.
    error = Exception("myCustomError")

    async def fail() -> None:
        raise error

    Duplex.from_(fail()).on("error", must_call(lambda err: check(err is error)))


@node_case
def test_duplex_from_a_failing_async_function(must_call: MustCall) -> None:
    error = Exception("myCustomError")

    async def fail(source: Any) -> None:
        raise error

    Duplex.from_(fail).on("error", must_call(lambda err: check(err is error)))


def test_duplex_from_a_function_returning_nothing() -> None:
    with pytest.raises(ERR_INVALID_RETURN_VALUE):
        Duplex.from_(lambda source: None)


def _hello_readable(msg: Buffer) -> Readable:
    def read(self: Readable, n: int) -> None:
        self.push(msg)
        self.push(None)

    return Readable(read=read)


@node_case
def test_duplex_from_a_readable_half_passes_the_chunk_itself(must_call: MustCall) -> None:
    msg = Buffer.from_("hello")
    duplex = Duplex.from_({"readable": _hello_readable(msg)}).on(
        "data", must_call(lambda data: check(data is msg))
    )
    assert duplex.writable is False


@node_case
def test_duplex_from_a_writable_half_passes_the_chunk_itself(must_call: MustCall) -> None:
    msg = Buffer.from_("hello")
    duplex = Duplex.from_(
        {"writable": Writable(write=must_call(lambda self, data, enc, cb: check(data is msg)))}
    )
    duplex.write(msg)
    assert duplex.readable is False


@node_case
def test_duplex_from_both_halves_piped_into_itself(must_call: MustCall) -> None:
    msg = Buffer.from_("hello")
    duplex = Duplex.from_(
        {
            "readable": _hello_readable(msg),
            "writable": Writable(write=must_call(lambda self, data, enc, cb: check(data is msg))),
        }
    )

    def on_data(data: Any) -> None:
        assert data is msg
        assert duplex.readable is True
        assert duplex.writable is True

    duplex.pipe(duplex).on("data", must_call(on_data)).on("end", must_call())


@node_case
def test_duplex_from_a_readable_whose_read_raises(must_call: MustCall) -> None:
    def read(self: Readable, n: int) -> None:
        raise Exception("error!")

    duplex = Duplex.from_(Readable(read=read))
    duplex.on("error", must_call(lambda err: check(str(err) == "error!")))


@node_case
def test_duplex_from_a_writable_whose_write_fails(must_call: MustCall) -> None:
    error = Exception("error!")
    duplex = Duplex.from_(Writable(write=lambda self, chunk, enc, cb: cb(error)))
    duplex.on("error", must_call(lambda err: check(err is error)))
    duplex.write("test")


@node_case
def test_duplex_from_one_pass_through_as_both_halves(must_call: MustCall) -> None:
    through = PassThrough(object_mode=True)
    res = ""
    d = Readable.from_(["foo", "bar"], object_mode=True).pipe(
        Duplex.from_({"writable": through, "readable": through})
    )

    def on_data(data: Any) -> None:
        nonlocal res
        d.pause()
        set_immediate(d.resume)
        res += data

    d.on("data", on_data).on("end", must_call(lambda: check(res == "foobar"))).on(
        "close", must_call()
    )


# test-readable-from-iterator-closing.js (the async-generator block is
# test_stream_compose_node.py::test_from_closes_the_generator_when_destroyed). Node's
# ``iterator.return()`` is a generator's ``close()``, ``iterator.throw(e)`` its ``throw(e)``;
# Node awaits the value either one gives back, and so does the port (a generator's return
# value, which its ``close()`` drops before Python 3.13, is taken from its StopIteration).


@node_case
async def test_from_closes_a_sync_generator_on_break(must_call: MustCall) -> None:
    finally_must_call = must_call()
    body_must_call = must_call()

    def infinite() -> Any:
        try:
            while True:
                yield "a"
        finally:
            finally_must_call()

    async for chunk in Readable.from_(infinite()):
        body_must_call()
        assert chunk == "a"
        break


@node_case
async def test_from_awaits_what_a_sync_generator_returns_when_closed(must_call: MustCall) -> None:
    return_must_be_awaited = must_call()
    body_must_call = must_call()

    async def value() -> str:
        return "a"

    async def returned() -> None:
        return_must_be_awaited()

    def infinite() -> Any:
        try:
            while True:
                yield value()
        finally:
            return returned()  # noqa: B012 -- Node's test returns a thenable from finally

    async for chunk in Readable.from_(infinite()):
        body_must_call()
        assert chunk == "a"
        break


@node_case
async def test_from_throws_a_failed_value_into_the_sync_generator(must_call: MustCall) -> None:
    return_must_be_awaited = must_call()
    body_must_not_call = must_call.never("body")
    catch_must_call = must_call()
    second_next_must_not_call = must_call.never("second next")

    async def rejected() -> None:
        raise Exception("a")

    async def returned() -> None:
        return_must_be_awaited()

    def generate() -> Any:
        try:
            yield rejected()
            second_next_must_not_call()
        finally:
            return returned()  # noqa: B012 -- Node's test returns a thenable from finally

    try:
        async for chunk in Readable.from_(generate()):
            body_must_not_call(chunk)
    except Exception:
        catch_must_call()


@node_case
async def test_from_a_failing_next_still_closes_the_iterator(must_call: MustCall) -> None:
    # Node's noReturnAfterThrow: its return() is wrapped in mustNotCall, but Node 20 does call
    # it (asked of `node`; the mustNotCall's throw becomes the stream's error and is caught
    # with the rest). The port checks what Node does: one next(), the error, one return().
    next_must_call = must_call()
    return_must_call = must_call()
    catch_must_call = must_call()

    class Failing:
        def __aiter__(self) -> Failing:
            return self

        async def __anext__(self) -> Any:
            next_must_call()
            raise Exception("a")

        async def aclose(self) -> None:
            return_must_call()

    try:
        async for chunk in Readable.from_(Failing()):
            raise AssertionError(f"body must not run: {chunk!r}")
    except Exception as err:
        assert str(err) == "a"
        catch_must_call()


@node_case
async def test_from_close_while_next_is_pending(must_call: MustCall) -> None:
    finally_must_call = must_call()
    data_must_call = must_call()
    destroyed = trio.Event()
    yielded = trio.Event()

    async def infinite() -> Any:
        try:
            while True:
                yield "a"
                yielded.set()
                await destroyed.wait()
        finally:
            finally_must_call()

    stream = Readable.from_(infinite())

    def on_data(data: Any) -> None:
        data_must_call()
        assert data == "a"

    stream.on("data", on_data)
    await yielded.wait()
    stream.destroy()
    destroyed.set()


@node_case
def test_from_a_sync_generator_run_to_its_end(must_call: MustCall) -> None:
    finally_must_call = must_call()
    data_must_call = must_call(times=3)

    def generate() -> Any:
        try:
            yield "a"
            yield "a"
            yield "a"
        finally:
            finally_must_call()

    stream = Readable.from_(generate())

    def on_data(chunk: Any) -> None:
        data_must_call()
        assert chunk == "a"

    stream.on("data", on_data)


# Readable.from_ destroyed mid-iteration: the orders Node gives
# (tests/oracles/oracle_readable_from_closing.mjs -> tests/fixtures/readable_from_closing.json)

CLOSING = json.loads(
    (Path(__file__).parent / "fixtures" / "readable_from_closing.json").read_text()
)["scenarios"]


def _closing_generators(mode: str, log: list[str]) -> dict[str, Any]:
    def answer(e: Exception) -> Any:
        """What the generator does with the error thrown into it (a generator itself)."""
        if mode == "no_catch":
            raise e
        log.append(f"caught {e}")
        if mode == "catch_yield":
            try:
                yield "again"
            finally:
                log.append("inner finally")
        if mode == "rethrow_other":
            raise Exception("other")

    def sync() -> Any:
        try:
            try:
                i = 0
                while True:
                    log.append(f"yield {i}")
                    yield i
                    i += 1
            except Exception as e:
                yield from answer(e)
        finally:
            log.append("finally")

    async def async_() -> Any:
        try:
            try:
                i = 0
                while True:
                    log.append(f"yield {i}")
                    yield i
                    i += 1
            except Exception as e:
                for again in answer(e):
                    yield again
        finally:
            log.append("finally")

    return {"sync": sync, "async": async_}


@pytest.mark.parametrize("name", sorted(CLOSING))
async def test_from_destroyed_mid_iteration(name: str) -> None:
    kind, mode = name.split("/")
    log: list[str] = []

    @node_case
    async def body(must_call: MustCall) -> None:
        r = Readable.from_(_closing_generators(mode, log)[kind]())
        r.on("error", lambda e: log.append(f"error {e}"))
        r.on("close", lambda: log.append(f"close errored={r.errored and str(r.errored)}"))

        def on_data(d: Any) -> None:
            log.append(f"data {d}")
            if d == 1:
                log.append("destroy")
                r.destroy(None if mode == "no_error" else Exception("boom"))

        r.on("data", on_data)
        for _ in range(5):
            await immediate()

    await body()
    assert log == [entry.replace("errored=null", "errored=None") for entry in CLOSING[name]]


async def immediate() -> None:
    event = trio.Event()
    set_immediate(event.set)
    await event.wait()


# test-stream-readable-didRead.js, whole (readable_did_read alone is also checked by
# test_stream_readable_node.py::test_did_read): is_disturbed and is_errored beside it.

DID_READ_CASES = ["read", "resume", "destroy", "destroy-error", "data", "data-off"]


@pytest.mark.parametrize("case", DID_READ_CASES)
async def test_did_read_is_disturbed_is_errored(case: str) -> None:
    @node_case
    def body(must_call: MustCall) -> None:
        pushes_data = case in ("data", "data-off")

        def read(self: Readable, n: int) -> None:
            if pushes_data:
                self.push("data")
            self.push(None)

        readable = Readable(read=read)
        data = {"destroy": -2, "destroy-error": -1}.get(case, 1 if pushes_data else 0)
        assert readable.readable_did_read is False
        assert is_disturbed(readable) is False
        assert is_errored(readable) is False
        if data == -1:
            readable.on("error", must_call(lambda err: check(is_errored(readable) is True)))
            readable.on("data", must_call.never("data"))
            readable.on("end", must_call.never("end"))
        else:
            readable.on("error", must_call.never("error"))
            readable.on("end", must_call.never("end") if data == -2 else must_call())
            readable.on("data", must_call.at_least() if data > 0 else must_call.never("data"))
        readable.on("close", must_call())
        if case == "read":
            readable.read()
        elif case == "resume":
            readable.resume()
        elif case == "destroy":
            readable.destroy()
        elif case == "destroy-error":
            readable.destroy(Exception())
        else:
            readable.on("data", nothing)
            if case == "data-off":
                readable.off("data", nothing)

        def later() -> None:
            assert readable.readable_did_read is (data > 0)
            if data > 0:
                assert is_disturbed(readable) is True

        set_immediate(must_call(later))

    await body()
