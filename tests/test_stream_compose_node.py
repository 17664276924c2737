"""Node's composition tests ported case by case: test-readable-from.js,
test-stream-add-abort-signal.js, test-stream-promises.js, and the translatable blocks of
test-stream-pipeline.js, test-stream-finished.js and test-stream-compose.js (the ledger,
tests/NODE_PORTS.md, says which)."""

from __future__ import annotations

from functools import partial
from typing import Any

import pytest
import trio
import trio.testing
from _stream_support import MustCall, node_case, set_immediate

from trio_nodecompat.abort import AbortController, AbortSignal
from trio_nodecompat.buffer import Buffer
from trio_nodecompat.errors import (
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_RETURN_VALUE,
    ERR_MISSING_ARGS,
    ERR_STREAM_PREMATURE_CLOSE,
    AbortError,
)
from trio_nodecompat.events import once
from trio_nodecompat.stream import (
    Duplex,
    PassThrough,
    Readable,
    Transform,
    Writable,
    add_abort_signal,
    compose,
    duplex_pair,
    finished,
    is_disturbed,
    is_errored,
    is_readable,
    pipeline,
    promises,
)


def nothing(*_args: Any) -> None:
    pass


def accumulate(into: list[Any]) -> Writable:
    def write(self: Writable, chunk: Any, encoding: Any, callback: Any) -> None:
        into.append(chunk)
        callback()

    return Writable(write=write)


async def settle() -> None:
    await trio.testing.wait_all_tasks_blocked()


# test-readable-from.js


def test_from_none_is_invalid() -> None:
    with pytest.raises(ERR_INVALID_ARG_TYPE):
        Readable.from_(None)


@node_case
async def test_from_async_generator(must_call: MustCall) -> None:
    async def generate() -> Any:
        yield "a"
        yield "b"
        yield "c"

    assert [chunk async for chunk in Readable.from_(generate())] == ["a", "b", "c"]


@node_case
async def test_from_sync_iterator(must_call: MustCall) -> None:
    def generate() -> Any:
        yield "a"
        yield "b"
        yield "c"

    assert [chunk async for chunk in Readable.from_(generate())] == ["a", "b", "c"]


@node_case
async def test_from_awaitables(must_call: MustCall) -> None:
    async def value(v: str) -> str:
        return v

    stream = Readable.from_([value("a"), value("b"), value("c")])
    assert [chunk async for chunk in stream] == ["a", "b", "c"]


@node_case
async def test_from_string_and_buffer_are_one_chunk(must_call: MustCall) -> None:
    assert [chunk async for chunk in Readable.from_("abc")] == ["abc"]
    chunks = [chunk async for chunk in Readable.from_(Buffer.from_("abc"))]
    assert [c.to_string() for c in chunks] == ["abc"]


@node_case
async def test_from_on_data(must_call: MustCall) -> None:
    async def generate() -> Any:
        yield "a"
        yield "b"
        yield "c"

    stream = Readable.from_(generate())
    seen: list[Any] = []
    stream.on("data", seen.append)
    await once(stream, "end")
    assert seen == ["a", "b", "c"]


@node_case
async def test_from_on_data_non_object(must_call: MustCall) -> None:
    async def generate() -> Any:
        yield "a"
        yield "b"
        yield "c"

    stream = Readable.from_(generate(), object_mode=False)
    seen: list[Any] = []
    stream.on("data", seen.append)
    await once(stream, "end")
    assert all(isinstance(c, Buffer) for c in seen)
    assert [c.to_string() for c in seen] == ["a", "b", "c"]


@node_case
async def test_from_destroys_the_stream_when_throwing(must_call: MustCall) -> None:
    async def generate() -> Any:
        raise Exception("kaboom")
        yield  # pragma: no cover

    stream = Readable.from_(generate())
    stream.read()
    [err] = await once(stream, "error")
    assert str(err) == "kaboom"
    assert stream.destroyed is True


@node_case
async def test_from_as_transform_stream(must_call: MustCall) -> None:
    async def generate(stream: Any) -> Any:
        async for chunk in stream:
            yield chunk.upper()

    def read(self: Readable, n: int) -> None:
        for c in ("a", "b", "c", None):
            self.push(c)

    source = Readable(object_mode=True, read=read)
    assert [c async for c in Readable.from_(generate(source))] == ["A", "B", "C"]


@node_case
async def test_from_end_with_error(must_call: MustCall) -> None:
    async def boum() -> Any:
        raise Exception("Boum")

    async def generate() -> Any:
        yield 1
        yield 2
        yield boum()

    got: list[int] = []
    with pytest.raises(Exception, match="Boum"):
        async for chunk in Readable.from_(generate()):
            got.append(chunk)
    assert got == [1, 2]


@node_case
async def test_from_destroy_with_error_throws_in_generator(must_call: MustCall) -> None:
    boum = Exception("Boum")
    validate = must_call(lambda e: None)

    async def generate() -> Any:
        try:
            yield 1
            yield 2
            yield 3
            raise Exception()
        except Exception as e:
            assert e is boum
            validate(e)

    stream = Readable.from_(generate())
    stream.read()
    await settle()
    stream.once("error", must_call())
    stream.destroy(boum)


# test-readable-from-iterator-closing.js (the async-generator blocks)


@node_case
async def test_from_closes_the_generator_when_destroyed(must_call: MustCall) -> None:
    closed = must_call()

    async def infinite() -> Any:
        try:
            while True:
                yield "a"
        finally:
            closed()

    stream = Readable.from_(infinite())
    async for _ in stream:
        break
    await settle()
    assert stream.destroyed


# test-stream-add-abort-signal.js


def test_add_abort_signal_validation() -> None:
    with pytest.raises(ERR_INVALID_ARG_TYPE):
        add_abort_signal("INVALID_SIGNAL", Readable(read=nothing))
    ac = AbortController()
    with pytest.raises(ERR_INVALID_ARG_TYPE):
        add_abort_signal(ac.signal, "INVALID_STREAM")


@node_case
async def test_add_abort_signal_destroys_with_abort_error(must_call: MustCall) -> None:
    ac = AbortController()
    r = add_abort_signal(ac.signal, Readable(read=nothing))
    r.on("error", must_call(lambda err: None))
    ac.abort("why")
    await settle()
    assert r.destroyed
    assert isinstance(r.errored, AbortError) and r.errored.cause == "why"


# test-stream-promises.js


@node_case
async def test_promises_pipeline_success(must_call: MustCall) -> None:
    processed: list[Any] = []
    expected = [Buffer.from_("a"), Buffer.from_("b"), Buffer.from_("c")]
    read = Readable(read=nothing)
    write = accumulate(processed)
    finished_flag = []
    write.on("finish", lambda: finished_flag.append(True))
    for chunk in expected:
        read.push(chunk)
    read.push(None)
    await promises.pipeline(read, write)
    assert finished_flag == [True]
    assert processed == expected


@node_case
async def test_promises_pipeline_error(must_call: MustCall) -> None:
    read = Readable(read=nothing)
    write = Writable(write=lambda self, c, e, cb: cb())
    read.push("data")
    set_immediate(read.destroy)
    with pytest.raises(ERR_STREAM_PREMATURE_CLOSE):
        await promises.pipeline(read, write)


@node_case
async def test_promises_finished_success_and_error(must_call: MustCall) -> None:
    rs = Readable.from_([b"x" * 10], object_mode=False)
    ended = []
    rs.resume()
    rs.on("end", lambda: ended.append(True))
    await promises.finished(rs)
    assert ended == [True]

    failing = Readable(read=lambda self, n: self.destroy(OSError("ENOENT")))
    failing.resume()
    with pytest.raises(OSError, match="ENOENT"):
        await promises.finished(failing)


@node_case
async def test_promises_finished_cleanup_option(must_call: MustCall) -> None:
    with pytest.raises(ERR_INVALID_ARG_TYPE):
        await promises.finished(Readable(), cleanup=2)  # type: ignore[arg-type]
    kept = Writable(write=lambda self, c, e, cb: cb())
    assert kept.listener_count("end") == 0
    kept.end()
    await promises.finished(kept, cleanup=False)
    assert kept.listener_count("end") == 1
    cleaned = Writable(write=lambda self, c, e, cb: cb())
    cleaned.end()
    await promises.finished(cleaned, cleanup=True)
    assert cleaned.listener_count("end") == 0
    default = Writable(write=lambda self, c, e, cb: cb())
    default.end()
    await promises.finished(default)
    assert default.listener_count("end") == 1


# test-stream-pipeline.js


@node_case
def test_pipeline_basic(must_call: MustCall) -> None:
    processed: list[Any] = []
    expected = [Buffer.from_("a"), Buffer.from_("b"), Buffer.from_("c")]
    read = Readable(read=nothing)
    write = accumulate(processed)
    done: list[bool] = []
    write.on("finish", lambda: done.append(True))
    for chunk in expected:
        read.push(chunk)
    read.push(None)

    def callback(err: Any = None) -> None:
        assert err is None
        assert done == [True]
        assert processed == expected

    pipeline(read, write, must_call(callback))


def test_pipeline_missing_args() -> None:
    read = Readable(read=nothing)
    with pytest.raises(ERR_MISSING_ARGS):
        pipeline(read, nothing)
    with pytest.raises(ERR_MISSING_ARGS):
        pipeline(nothing)
    with pytest.raises(ERR_MISSING_ARGS):  # Node: ERR_INVALID_ARG_TYPE (no callback)
        pipeline()


def test_pipeline_without_a_callback() -> None:
    read = Readable(read=nothing)
    with pytest.raises(ERR_INVALID_ARG_TYPE):
        pipeline(read, Transform(transform=nothing), Writable(write=nothing))


@node_case
def test_pipeline_premature_close_of_the_source(must_call: MustCall) -> None:
    read = Readable(read=nothing)
    write = Writable(write=lambda self, c, e, cb: cb())
    read.push("data")
    set_immediate(read.destroy)
    pipeline(read, write, must_call(lambda err=None: premature(err)))


def premature(err: Any = None) -> None:
    assert getattr(err, "code", None) == "ERR_STREAM_PREMATURE_CLOSE"


@node_case
def test_pipeline_returns_the_destination_and_the_error(must_call: MustCall) -> None:
    read = Readable(read=nothing)
    write = Writable(write=lambda self, c, e, cb: cb())
    read.push("data")
    boom = Exception("kaboom")
    set_immediate(lambda: read.destroy(boom))

    def callback(err: Any = None) -> None:
        assert err is boom

    dst = pipeline(read, write, must_call(callback))
    assert dst is write


@node_case
def test_pipeline_transform_error_destroys_all(must_call: MustCall) -> None:
    read = Readable(read=nothing)
    transform = Transform(transform=lambda self, data, enc, cb: cb(Exception("kaboom")))
    write = Writable(write=lambda self, d, e, cb: cb())
    read.on("close", must_call())
    transform.on("close", must_call())
    write.on("close", must_call())
    for stream in (read, transform, write):
        stream.on("error", must_call.at_least(nothing, 0))
    dst = pipeline(read, transform, write, must_call(lambda err=None: check_message(err, "kaboom")))
    assert dst is write
    read.push("hello")


def check_message(err: Any, message: str) -> None:
    assert err is not None and str(err) == message


def concat_writable(res: list[str]) -> Writable:
    def write(self: Writable, chunk: Any, encoding: Any, callback: Any) -> None:
        res.append(chunk.to_string())
        callback()

    return Writable(write=write)


@node_case
async def test_pipeline_generators_as_sources(must_call: MustCall) -> None:
    def sync_gen() -> Any:
        yield "hello"
        yield "world"

    async def async_gen() -> Any:
        await trio.sleep(0)
        yield "hello"
        yield "world"

    for source in (sync_gen(), async_gen(), sync_gen, async_gen):
        res: list[str] = []
        done = trio.Event()

        def callback(err: Any = None, res: list[str] = res, done: trio.Event = done) -> None:
            assert err is None
            assert "".join(res) == "helloworld"
            done.set()

        pipeline(source, concat_writable(res), must_call(callback))
        await done.wait()


@node_case
async def test_pipeline_of_functions_to_an_async_def(must_call: MustCall) -> None:
    async def produce() -> Any:
        await trio.sleep(0)
        yield "hello"
        yield "world"

    async def upper(source: Any) -> Any:
        async for chunk in source:
            yield chunk.upper()

    async def collect(source: Any) -> str:
        ret = ""
        async for chunk in source:
            ret += chunk
        return ret

    done = trio.Event()

    def callback(err: Any = None, value: Any = None) -> None:
        assert err is None
        assert value == "HELLOWORLD"
        done.set()

    pipeline(produce, upper, collect, must_call(callback))
    await done.wait()


@node_case
async def test_pipeline_async_iterable_destination_is_returned(must_call: MustCall) -> None:
    async def produce() -> Any:
        yield "hello"

    async def drain(source: Any) -> Any:
        async for _ in source:
            pass
        return
        yield  # pragma: no cover

    ret = pipeline(produce, drain, must_call(lambda err=None: check(err is None)))
    ret.resume()
    assert callable(ret.pipe)


def check(condition: bool) -> None:
    assert condition


@node_case
async def test_pipeline_failing_source_function_destroys_the_stream(must_call: MustCall) -> None:
    async def failing() -> Any:
        raise Exception("kaboom")
        yield  # pragma: no cover

    def sync_failing() -> Any:
        raise Exception("kaboom")
        yield  # pragma: no cover

    for source in (failing, failing(), sync_failing, sync_failing()):
        s = PassThrough()
        done = trio.Event()

        def callback(err: Any = None, s: PassThrough = s, done: trio.Event = done) -> None:
            check_message(err, "kaboom")
            assert s.destroyed
            done.set()

        pipeline(source, s, must_call(callback))
        await done.wait()


@node_case
async def test_pipeline_failing_async_def_destination(must_call: MustCall) -> None:
    async def produce() -> Any:
        yield "hello"
        yield "world"

    async def fail(source: Any) -> None:
        async for _ in source:
            raise Exception("kaboom")

    s = PassThrough()
    done = trio.Event()

    def callback(err: Any = None, *_v: Any) -> None:
        check_message(err, "kaboom")
        assert s.destroyed
        done.set()

    pipeline(produce, s, fail, must_call(callback))
    await done.wait()


@node_case
async def test_pipeline_abort_signals(must_call: MustCall) -> None:
    ac = AbortController()

    async def aborting() -> Any:
        ac.abort()
        await trio.sleep(0)
        yield "8"

    with pytest.raises(AbortError):
        await promises.pipeline(
            aborting, Writable(write=lambda s, c, e, cb: cb()), signal=ac.signal
        )

    ac2 = AbortController()

    async def aborting_later() -> Any:
        yield "5"
        await trio.sleep(0)
        ac2.abort()
        await trio.sleep(0)
        yield "8"

    with pytest.raises(AbortError):
        await promises.pipeline(
            aborting_later, Writable(write=lambda s, c, e, cb: cb()), signal=ac2.signal
        )

    async def producer() -> Any:
        yield "5"
        yield "8"

    with pytest.raises(AbortError):
        await promises.pipeline(
            producer, Writable(write=lambda s, c, e, cb: cb()), signal=AbortSignal.abort()
        )


def test_pipeline_bad_signal_and_bad_stages() -> None:
    with pytest.raises(ERR_INVALID_ARG_TYPE):
        trio.run(partial(promises.pipeline, Readable.from_([1]), PassThrough(), signal=True))

    async def main() -> None:
        from trio_nodecompat import open_loop

        async with open_loop():
            with pytest.raises(ERR_INVALID_ARG_TYPE):
                pipeline(Readable.from_([1]), 42, nothing)
            with pytest.raises(ERR_INVALID_RETURN_VALUE):
                pipeline(lambda: 42, PassThrough(), nothing)

    trio.run(main)


# test-stream-finished.js


@node_case
def test_finished_readable(must_call: MustCall) -> None:
    rs = Readable(read=nothing)
    finished(rs, must_call(lambda err=None: check(err is None)))
    rs.push(None)
    rs.resume()


@node_case
def test_finished_writable(must_call: MustCall) -> None:
    ws = Writable(write=lambda self, data, enc, cb: cb())
    finished(ws, must_call(lambda err=None: check(err is None)))
    ws.end()


@node_case
def test_finished_transform(must_call: MustCall) -> None:
    tr = Transform(transform=lambda self, data, enc, cb: cb())
    finish = []
    ended = []
    tr.on("finish", lambda: finish.append(True))
    tr.on("end", lambda: ended.append(True))

    def callback(err: Any = None) -> None:
        assert err is None
        assert finish and ended

    finished(tr, must_call(callback))
    tr.end()
    tr.resume()


@node_case
def test_finished_with_signal_aborted_first(must_call: MustCall) -> None:
    ac = AbortController()
    rs = Readable(read=nothing)

    def callback(err: Any = None) -> None:
        assert isinstance(err, AbortError)
        assert err.cause == "reason"

    finished(rs, must_call(callback), signal=ac.signal)
    ac.abort("reason")


@node_case
def test_finished_with_a_pre_aborted_signal(must_call: MustCall) -> None:
    rs = Readable(read=nothing)
    finished(
        rs,
        must_call(lambda err=None: check(isinstance(err, AbortError))),
        signal=AbortSignal.abort(),
    )


@node_case
def test_finished_signal_not_aborted_leaves_no_listener(must_call: MustCall) -> None:
    ac = AbortController()
    rs = Readable(read=nothing)
    finished(rs, must_call(lambda err=None: check(err is None)), signal=ac.signal)
    rs.push(None)
    rs.resume()


def test_finished_validation() -> None:
    rs = Readable(read=nothing)
    with pytest.raises(ERR_INVALID_ARG_TYPE):
        finished(rs, "foo")  # type: ignore[arg-type]
    with pytest.raises(ERR_INVALID_ARG_TYPE):
        finished(rs, nothing, signal="foo")
    with pytest.raises(ERR_INVALID_ARG_TYPE):
        finished("not a stream", nothing)


@node_case
def test_finished_cleanup_removes_listeners(must_call: MustCall) -> None:
    rs = Readable(read=nothing)
    before = rs.listener_count("close")
    cleanup = finished(rs, must_call.never("cleaned up before the end"))
    cleanup()
    assert rs.listener_count("close") == before
    rs.destroy()


@node_case
def test_finished_premature_close_of_a_writable(must_call: MustCall) -> None:
    ws = Writable(write=lambda self, d, e, cb: None)
    finished(ws, must_call(premature))
    ws.write("x")
    ws.destroy()


@node_case
def test_finished_duplex_readable_false(must_call: MustCall) -> None:
    d = PassThrough()
    finished(d, must_call(lambda err=None: check(err is None)), readable=False)
    d.end()


# test-stream-compose.js


@node_case
async def test_compose_transforms(must_call: MustCall) -> None:
    def upper(self: Any, chunk: Any, enc: Any, cb: Any) -> None:
        cb(None, chunk.to_string().upper())

    def exclaim(self: Any, chunk: Any, enc: Any, cb: Any) -> None:
        cb(None, chunk.to_string() + "!")

    res: list[str] = []
    c = compose(Transform(transform=upper), Transform(transform=exclaim))
    c.on("data", lambda chunk: res.append(chunk.to_string()))
    c.on("end", must_call())
    c.end("asd")
    await once(c, "end")
    assert "".join(res) == "ASD!"


@node_case
async def test_compose_async_generator_functions(must_call: MustCall) -> None:
    async def upper(source: Any) -> Any:
        async for chunk in source:
            yield chunk.upper()  # Duplex.from_ of a function is in object mode: a str

    async def exclaim(source: Any) -> Any:
        async for chunk in source:
            yield chunk + "!"

    c = compose(upper, exclaim)
    c.end("asd")
    assert await c.to_array() == ["ASD!"]


@node_case
async def test_compose_readable_first_and_writable_last(must_call: MustCall) -> None:
    res: list[str] = []
    c = compose(Readable.from_(["a", "b"]), PassThrough(object_mode=True), concat_writable(res))
    assert c.readable is False
    await promises.finished(c)
    assert "".join(res) == "ab"


def test_compose_validation() -> None:
    with pytest.raises(ERR_MISSING_ARGS):
        compose()
    with pytest.raises(ERR_INVALID_ARG_VALUE):
        compose(Writable(write=nothing), PassThrough())
    with pytest.raises(ERR_INVALID_ARG_VALUE):
        compose(PassThrough(), Readable(read=nothing), PassThrough())


@node_case
async def test_compose_error_destroys_it(must_call: MustCall) -> None:
    def fail(self: Any, chunk: Any, enc: Any, cb: Any) -> None:
        cb(Exception("asd"))

    c = compose(PassThrough(), Transform(transform=fail))
    c.on("error", must_call(lambda err: check_message(err, "asd")))
    closed = trio.Event()
    c.on("close", closed.set)
    c.end("x")
    c.resume()
    await closed.wait()
    assert c.destroyed


# Duplex.from_ and duplex_pair (test-stream-duplex-from.js's function cases; Node 22's
# test-stream-duplexpair.js)


@node_case
async def test_duplex_from_async_generator_function(must_call: MustCall) -> None:
    async def echo(source: Any) -> Any:
        async for chunk in source:
            yield chunk * 2

    d = Duplex.from_(echo)
    d.write(1)
    d.write(2)
    d.end()
    assert await d.to_array() == [2, 4]


@node_case
async def test_duplex_from_async_def_is_writable_only(must_call: MustCall) -> None:
    got: list[Any] = []

    async def consume(source: Any) -> None:
        async for chunk in source:
            got.append(chunk)

    d = Duplex.from_(consume)
    d.on("finish", must_call())
    d.write("a")
    d.end("b")
    await once(d, "finish")
    assert got == ["a", "b"]


@node_case
async def test_duplex_pair_passes_data_both_ways(must_call: MustCall) -> None:
    a, b = duplex_pair()
    a.write(b"ping")
    a.end()
    b.write(b"pong")
    b.end()
    assert b"".join(bytes(c) for c in await b.to_array()) == b"ping"
    assert b"".join(bytes(c) for c in await a.to_array()) == b"pong"


# The probes


@node_case
async def test_probes(must_call: MustCall) -> None:
    r = Readable.from_([1, 2])
    assert is_readable(r) is True and is_disturbed(r) is False and is_errored(r) is False
    assert await r.to_array() == [1, 2]
    assert is_readable(r) is False and is_disturbed(r) is True
    failing = Readable(read=nothing)
    failing.on("error", nothing)
    failing.destroy(Exception("x"))
    await settle()
    assert is_errored(failing) is True and is_disturbed(failing) is True
    assert is_readable("nope") is None


# test-stream-pipeline-with-empty-string.js, -async-iterator.js, -duplex.js,
# -queued-end-in-destroy.js


@node_case
async def test_pipeline_with_an_empty_string(must_call: MustCall) -> None:
    async def sink(source: Any) -> None:
        async for _ in source:
            pass

    await promises.pipeline("", PassThrough(object_mode=True), must_call(sink))


@node_case
async def test_pipeline_result_iterated_with_an_encoding(must_call: MustCall) -> None:
    err = Exception("kaboom")
    source = Readable(read=nothing)
    source.push("hello")
    source.push("world")
    set_immediate(lambda: source.destroy(err))
    iterator = pipeline(source, PassThrough(), nothing)
    iterator.set_encoding("utf8")
    with pytest.raises(Exception) as info:
        async for k in iterator:
            assert k == "helloworld"
    assert info.value is err


@node_case
def test_pipeline_duplex_ended_remote(must_call: MustCall) -> None:
    remote = PassThrough()
    local = Duplex(read=nothing, write=lambda self, chunk, enc, cb: cb())
    pipeline(remote, local, remote, must_call(premature))
    set_immediate(remote.end)


@node_case
def test_pipeline_queued_end_in_destroy(must_call: MustCall) -> None:
    readable = Readable(read=must_call(nothing))

    def destroy(self: Duplex, err: Any, cb: Any) -> None:
        self.end()
        cb(err)

    duplex = Duplex(write=nothing, read=nothing, destroy=destroy)
    duplex.on("finished", must_call.never("finished"))
    pipeline(readable, duplex, must_call(premature))
    readable.push("foo")
    set_immediate(readable.destroy)


# test-stream-compose-operator.js


@node_case
async def test_readable_compose_with_an_async_generator(must_call: MustCall) -> None:
    async def pairs(stream: Any) -> Any:
        text = ""
        async for chunk in stream:
            text += chunk
            if len(text) == 2:
                yield text
                text = ""

    stream = Readable.from_(["a", "b", "c", "d"]).compose(pairs)
    assert [item async for item in stream] == ["ab", "cd"]


@node_case
async def test_readable_compose_with_a_transform(must_call: MustCall) -> None:
    transform = must_call(lambda self, chunk, enc, cb: cb(None, chunk), 4)
    stream = Readable.from_(["a", "b", "c", "d"]).compose(
        Transform(object_mode=True, transform=transform)
    )
    assert [item async for item in stream] == ["a", "b", "c", "d"]


@node_case
async def test_readable_compose_error_before_data(must_call: MustCall) -> None:
    async def fail(stream: Any) -> Any:
        raise Exception("boom")
        yield  # pragma: no cover

    with pytest.raises(Exception, match="boom"):
        await Readable.from_([1, 2, 3, 4, 5]).compose(fail).to_array()


# test-stream-readable-next-no-null.js


@node_case
async def test_from_refuses_a_none_value(must_call: MustCall) -> None:
    async def generate() -> Any:
        yield None

    stream = Readable.from_(generate())

    def on_error(err: Any) -> None:
        assert getattr(err, "code", None) == "ERR_STREAM_NULL_VALUES"
        assert isinstance(err, TypeError)
        assert str(err) == "May not write null values to stream"

    stream.on("error", must_call(on_error))
    stream.on("data", must_call.never("data"))
    stream.on("end", must_call.never("end"))
