"""Node's test-stream-readable-async-iterators.js, ported case by case, plus the Trio side.

Node lets several ``next()`` calls wait at once on one iterator; Trio's rule is one waiter per
resource, so those cases are ported as sequential steps (and a second concurrent step raises
``trio.BusyResourceError``).
"""

from __future__ import annotations

import gc
from typing import Any

import pytest
import trio
from _stream_support import MustCall, next_tick, node_case, set_immediate, settle

from trio_nodecompat.errors import ERR_STREAM_PREMATURE_CLOSE
from trio_nodecompat.stream import Readable, Transform


def nothing(*_args: Any) -> None:
    pass


@node_case
async def test_object_mode_values(must_call: MustCall) -> None:
    readable = Readable(object_mode=True, read=nothing)
    readable.push(0)
    readable.push(1)
    readable.push(None)
    it = readable.iterator()
    assert await it.__anext__() == 0
    seen = [d async for d in it]
    assert seen == [1]


@node_case
async def test_read_without_async_for(must_call: MustCall) -> None:
    readable = Readable(object_mode=True, read=nothing)
    it = aiter(readable)
    assert it.stream is readable

    def produce() -> None:
        for i in range(5):
            readable.push(f"hello-{i}")
        readable.push(None)

    next_tick(produce)
    values = [await anext(it) for _ in range(5)]
    assert values == [f"hello-{i}" for i in range(5)]
    with pytest.raises(StopAsyncIteration):
        await anext(it)


@node_case
async def test_error_while_waiting(must_call: MustCall) -> None:
    readable = Readable(object_mode=True, read=nothing)
    it = aiter(readable)
    for i in range(3):
        readable.push(f"hello-{i}")
    assert [await anext(it) for _ in range(3)] == ["hello-0", "hello-1", "hello-2"]
    set_immediate(lambda: readable.destroy(Exception("kaboom")))
    with pytest.raises(Exception, match="kaboom"):
        await anext(it)
    with pytest.raises(StopAsyncIteration):
        await anext(it)


@node_case
async def test_next_after_error(must_call: MustCall) -> None:
    readable = Readable(read=nothing)
    it = aiter(readable)
    err = Exception("kaboom")
    readable.destroy(err)
    with pytest.raises(Exception) as info:
        await anext(it)
    assert info.value is err


@node_case
async def test_read_object_mode(must_call: MustCall) -> None:
    readed = 0

    def read(self: Readable, n: int) -> None:
        nonlocal readed
        self.push("hello")
        readed += 1
        if readed == 42:
            self.push(None)

    received = 0
    async for k in Readable(object_mode=True, read=read):
        received += 1
        assert k == "hello"
    assert received == readed


@node_case
async def test_destroy_sync_in_read(must_call: MustCall) -> None:
    readable = Readable(
        object_mode=True, read=lambda self, n: self.destroy(Exception("kaboom from read"))
    )
    with pytest.raises(Exception, match="kaboom from read"):
        async for _ in readable:
            pass


@node_case
async def test_destroy_async(must_call: MustCall) -> None:
    pushed = False

    def read(self: Readable, n: int) -> None:
        nonlocal pushed
        if not pushed:
            self.push("hello")
            pushed = True
            set_immediate(lambda: self.destroy(Exception("kaboom")))

    received = 0
    with pytest.raises(Exception, match="kaboom"):
        async for _ in Readable(object_mode=True, read=read):
            received += 1
    assert received == 1


@node_case
async def test_destroyed_by_throw(must_call: MustCall) -> None:
    readable = Readable(object_mode=True, read=lambda self, n: self.push("hello"))
    with pytest.raises(Exception, match="kaboom"):
        async for k in readable:
            assert k == "hello"
            raise Exception("kaboom")
    assert readable.destroyed is True


@node_case
async def test_destroyed_sync_after_push(must_call: MustCall) -> None:
    def read(self: Readable, n: int) -> None:
        self.push("hello")
        self.destroy(Exception("kaboom"))

    received = 0
    with pytest.raises(Exception, match="kaboom"):
        async for k in Readable(object_mode=True, read=read):
            assert k == "hello"
            received += 1
    assert received == 1


@node_case
async def test_destroyed_will_not_deadlock(must_call: MustCall) -> None:
    readable = Readable()
    readable.destroy()
    await settle()
    readable.on("close", must_call.never("close"))
    with pytest.raises(ERR_STREAM_PREMATURE_CLOSE):
        async for _ in readable:
            pass


@node_case
async def test_push_async(must_call: MustCall) -> None:
    readed = 0

    def read(self: Readable, n: int) -> None:
        def later() -> None:
            nonlocal readed
            self.push("hello")
            readed += 1
            if readed == 42:
                self.push(None)

        set_immediate(later)

    received = [k async for k in Readable(object_mode=True, read=read)]
    assert len(received) == readed == 42


@node_case
async def test_push_binary_async_same_data_as_listener(must_call: MustCall) -> None:
    readed = 0

    def read(self: Readable, n: int) -> None:
        def later() -> None:
            nonlocal readed
            self.push("hello")
            readed += 1
            if readed == 42:
                self.push(None)

        set_immediate(later)

    readable = Readable(read=read)
    expected: list[str] = []
    readable.set_encoding("utf8")
    readable.pause()
    readable.on("data", expected.append)
    data = "".join([k async for k in readable])
    assert data == "".join(expected)


@node_case
async def test_next_on_destroyed_stream(must_call: MustCall) -> None:
    readable = Readable(read=nothing)
    readable.destroy()
    with pytest.raises(ERR_STREAM_PREMATURE_CLOSE):
        await anext(aiter(readable))


@node_case
async def test_iterating_ended_stream_completes(must_call: MustCall) -> None:
    def read(self: Readable, n: int) -> None:
        self.push("asdf")
        self.push("hehe")
        self.push(None)

    r = Readable(object_mode=True, read=read)
    assert [a async for a in r] == ["asdf", "hehe"]
    assert [b async for b in r] == []


@node_case
async def test_destroy_mid_stream_errors(must_call: MustCall) -> None:
    r = Readable(object_mode=True, read=lambda self, n: (self.push("asdf"), self.push("hehe")))
    with pytest.raises(ERR_STREAM_PREMATURE_CLOSE):
        async for _ in r:
            r.destroy(None)


@node_case
async def test_transform_readable_side_pushes_none(must_call: MustCall) -> None:
    t = Transform(object_mode=True, transform=lambda self, c, e, cb: cb(None, c))
    t.push(0)
    t.push(1)
    next_tick(lambda: t.push(None))
    it = aiter(t)
    assert await anext(it) == 0
    reached = must_call()
    async for d in it:
        assert d == 1
        reached()


@node_case
async def test_end_resolves_waiting_step(must_call: MustCall) -> None:
    r = Readable(object_mode=True, read=nothing)
    it = aiter(r)
    next_tick(lambda: r.push(None))
    with pytest.raises(StopAsyncIteration):
        await anext(it)
    with pytest.raises(StopAsyncIteration):
        await anext(it)


@node_case
async def test_destroy_rejects_waiting_step(must_call: MustCall) -> None:
    r = Readable(object_mode=True, read=nothing)
    it = aiter(r)
    next_tick(r.destroy)
    with pytest.raises(ERR_STREAM_PREMATURE_CLOSE):
        await anext(it)
    with pytest.raises(StopAsyncIteration):
        await anext(it)


@node_case
async def test_destroy_error_from_destroy_callback(must_call: MustCall) -> None:
    err = Exception("asd")

    def destroy(self: Readable, e: Any, callback: Any) -> None:
        set_immediate(callback, err)

    r = Readable(read=nothing, destroy=destroy)
    r.destroy()
    with pytest.raises(Exception) as info:
        await anext(aiter(r))
    assert info.value is err


@node_case
async def test_no_auto_destroy_not_destroyed_at_end(must_call: MustCall) -> None:
    r = Readable(auto_destroy=False, read=lambda self, n: (self.push("asd"), self.push(None)))
    async for _ in r:
        pass
    assert r.destroyed is False


@node_case
async def test_no_auto_destroy_destroyed_on_break(must_call: MustCall) -> None:
    r = Readable(auto_destroy=False, read=lambda self, n: self.push("asd"))
    r.on("error", must_call(lambda e: _check_abort(e)))
    async for _ in r:
        break
    assert r.destroyed is True


@node_case
async def test_not_destroyed_before_end(must_call: MustCall) -> None:
    r = Readable(read=lambda self, n: (self.push("asd"), self.push(None)))
    r.on("end", must_call(lambda: _not(r.destroyed)))
    async for _ in r:
        pass
    assert r.destroyed is True


def _check_abort(err: BaseException) -> None:
    assert getattr(err, "code", None) == "ABORT_ERR"
    assert getattr(err, "name", None) == "AbortError"


def _not(value: bool) -> None:
    assert not value


# destroy_on_return (test-stream-readable-async-iterators.js, the iterator() cases)


@node_case
async def test_iterator_destroy_on_return_false(must_call: MustCall) -> None:
    r = Readable(object_mode=True, read=nothing)
    for i in range(3):
        r.push(i)
    async for x in r.iterator(destroy_on_return=False):
        assert x == 0
        break
    assert r.destroyed is False
    assert r.listener_count("readable") == 0
    assert r.listener_count("error") == 0
    r.push(None)
    assert [x async for x in r.iterator()] == [1, 2]


@node_case
async def test_iterator_context_manager_closes(must_call: MustCall) -> None:
    r = Readable(object_mode=True, read=nothing)
    r.push(1)
    async with r.iterator() as chunks:
        assert await anext(chunks) == 1
    assert r.destroyed is True
    await settle()
    assert r.listener_count("readable") == 0
    assert r.listener_count("close") == 0


# The Trio side: cancellation and concurrency


@node_case
async def test_cancelled_step_leaves_no_listener(must_call: MustCall) -> None:
    r = Readable(object_mode=True, read=nothing)
    with trio.move_on_after(0.01):
        async for _ in r.iterator(destroy_on_return=False):
            pass
    assert r.destroyed is False
    assert r.listener_count("readable") == 0
    for event in ("end", "error", "close", "finish"):
        assert r.listener_count(event) == 0


@node_case
async def test_cancelled_step_destroys_and_cleans_up(must_call: MustCall) -> None:
    r = Readable(object_mode=True, read=nothing)
    with trio.move_on_after(0.01):
        async for _ in r:
            pass
    assert r.destroyed is True
    await settle()
    for event in ("readable", "end", "error", "close"):
        assert r.listener_count(event) == 0


@node_case
async def test_dropped_iterator_destroys(must_call: MustCall) -> None:
    r = Readable(object_mode=True, read=lambda self, n: self.push("x"))
    it = aiter(r)
    assert await anext(it) == "x"
    del it
    gc.collect()
    assert r.destroyed is True


@node_case
async def test_concurrent_steps_refused(must_call: MustCall) -> None:
    r = Readable(object_mode=True, read=nothing)
    it = aiter(r)
    async with trio.open_nursery() as nursery:
        nursery.start_soon(anext, it)
        await settle()
        with pytest.raises(trio.BusyResourceError):
            await anext(it)
        r.push("a")


# The v1 (old-style) stream blocks: Node's `Readable.prototype[Symbol.asyncIterator].call(s)`
# is `Readable.__aiter__(s)` / `Readable.iterator(s)` here.


@node_case
async def test_v1_stream(must_call: MustCall) -> None:
    from trio_nodecompat.stream import Stream

    stream = Stream()
    stream.destroy = must_call()  # type: ignore[attr-defined]

    def produce() -> None:
        stream.emit("data", "hello")
        stream.emit("data", "world")
        stream.emit("end")

    next_tick(produce)
    res = "".join([d async for d in Readable.__aiter__(stream)])  # type: ignore[arg-type]
    assert res == "helloworld"


@node_case
async def test_v1_stream_error(must_call: MustCall) -> None:
    from trio_nodecompat.stream import Stream

    stream = Stream()
    stream.close = must_call()  # type: ignore[attr-defined]

    def produce() -> None:
        stream.emit("data", 0)
        stream.emit("data", 1)
        stream.emit("error", Exception("asd"))

    next_tick(produce)
    it = Readable.iterator(stream)  # type: ignore[arg-type]
    with pytest.raises(Exception, match="asd"):
        await anext(it)


# The pipeline block ('.next() on pipelined stream'): a source destroyed with an error while a
# pipeline holds it fails the pipeline with that error, and a new iterator over it raises it.


@node_case
async def test_next_on_a_pipelined_stream(must_call: MustCall) -> None:
    from trio_nodecompat.stream import PassThrough, pipeline

    readable = Readable(read=nothing)
    passthrough = PassThrough()
    err = Exception("kaboom")

    def done(e: Any = None) -> None:
        assert e is err

    pipeline(readable, passthrough, must_call(done))
    readable.destroy(err)
    with pytest.raises(Exception) as info:
        await aiter(readable).__anext__()
    assert info.value is err
