"""Adversarial review of the stream core: what the differential oracle cannot see.

Cancellation of async iteration, streams used outside (or after) a loop, and the other
Python-only paths. Each test states a behaviour that failed before its fix.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import trio

from trio_nodecompat import open_loop
from trio_nodecompat._loop import LoopClosedError
from trio_nodecompat.errors import (
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_OUT_OF_RANGE,
    ERR_STREAM_NULL_VALUES,
    ERR_UNKNOWN_ENCODING,
    NoLoopError,
)
from trio_nodecompat.stream import Duplex, PassThrough, Readable, Transform, Writable


async def test_cancelled_step_keeps_its_chunk_when_not_destroying() -> None:
    # With destroy_on_return=False the stream outlives the iterator, so a step cancelled
    # before it returned must not have taken a chunk out of the buffer: the next reader gets it.
    async with open_loop():
        r = Readable(object_mode=True, read=lambda self, n: None)
        for i in range(3):
            r.push(i)
        got: list[int] = []
        with trio.CancelScope() as scope:
            scope.cancel()
            async for x in r.iterator(destroy_on_return=False):
                got.append(x)
        assert got == []
        assert not r.destroyed
        assert r.listener_count("readable") == 0
        r.push(None)
        assert [x async for x in r] == [0, 1, 2]


# Streams outside a loop, or after theirs closed: a clear error before any state changes.


def _state_of(s: Any) -> tuple[Any, ...]:
    r = getattr(s, "_readable_state", None)
    w = getattr(s, "_writable_state", None)
    return (
        None if r is None else (r.bits, r.length, list(r.buffer)),
        None if w is None else (w.bits, w.length, w.pendingcb, w.corked),
        sorted(map(str, s.event_names())),
    )


def _refused(s: Any, step: Callable[[], object], error: type[BaseException]) -> None:
    before = _state_of(s)
    with pytest.raises(error):
        step()
    assert _state_of(s) == before


def _every_step(error: type[BaseException]) -> None:
    calls: list[object] = []
    r = Readable(read=lambda self, n: None)
    _refused(r, lambda: r.push(b"abc"), error)
    _refused(r, lambda: r.unshift(b"abc"), error)
    _refused(r, lambda: r.read(), error)
    _refused(r, lambda: r.resume(), error)
    _refused(r, lambda: r.on("data", calls.append), error)
    _refused(r, lambda: r.once("readable", calls.append), error)
    _refused(r, lambda: r.destroy(), error)
    w = Writable(write=lambda self, c, e, cb: cb())
    _refused(w, lambda: w.write(b"x", None, calls.append), error)
    _refused(w, lambda: w.write(b"x"), error)
    _refused(w, lambda: w.end(), error)
    _refused(w, lambda: w.destroy(ValueError("boom")), error)
    _refused(r, lambda: r.pipe(w), error)
    d = PassThrough()
    _refused(d, lambda: d.write(b"x"), error)
    _refused(d, lambda: d.destroy(), error)
    assert calls == []


def test_outside_every_loop_a_step_fails_before_changing_state() -> None:
    _every_step(NoLoopError)


async def test_after_its_loop_closed_a_step_fails_before_changing_state() -> None:
    # destroy() used to mark the stream destroyed and closed, raise nothing, and never
    # emit 'close' (the NoLoopError of the close tick was caught as if _destroy had raised).
    async with open_loop():
        pass
    _every_step(NoLoopError)


async def test_destroy_through_a_closed_loop_raises_and_leaves_the_stream_alive() -> None:
    # A task started from inside the block still sees the loop once the block has ended.
    outcome: list[object] = []

    async def later(r: Readable, closed: trio.Event) -> None:
        await closed.wait()
        try:
            r.destroy()
        except LoopClosedError as exc:
            outcome.append(exc)
        outcome.append((r.destroyed, r.closed))

    async with trio.open_nursery() as nursery:
        closed = trio.Event()
        async with open_loop():
            r = Readable(read=lambda self, n: None)
            nursery.start_soon(later, r, closed)
        closed.set()
    assert isinstance(outcome[0], LoopClosedError)
    assert outcome[1] == (False, False)


async def test_an_iterator_dropped_after_its_loop_closed_lets_go_quietly() -> None:
    # Its __del__ cannot destroy the stream any more (no loop to close it on): it removes
    # its listeners and raises nothing (an unraisable exception fails the run, -W error).
    async def later(r: Readable, closed: trio.Event) -> None:
        it = r.iterator()
        assert await anext(it) == b"a"
        await closed.wait()
        del it
        assert r.listener_count("readable") == r.listener_count("end") == 0
        assert not r.destroyed

    async with trio.open_nursery() as nursery:
        closed = trio.Event()
        async with open_loop():
            r = Readable(read=lambda self, n: None)
            r.push(b"a")
            nursery.start_soon(later, r, closed)
            await trio.sleep(0.01)
        closed.set()


async def test_an_iterator_dropped_outside_every_loop_lets_go_quietly() -> None:
    async with open_loop():
        r = Readable(read=lambda self, n: None)
        r.push(b"a")
        it = r.iterator()
        assert await anext(it) == b"a"
    del it
    assert r.listener_count("readable") == r.listener_count("end") == 0
    assert not r.destroyed


# The async-method form when the stream is destroyed mid-call.


async def test_destroy_cancels_a_pending_async_read() -> None:
    # An async _read waiting for a source that never comes kept the loop open for ever once
    # the consumer had left (Node's process would exit: a pending promise holds nothing).
    # Its outcome is ignored after destroy() anyway (push is a no-op, an error is dropped),
    # so destroy() cancels it.
    seen: list[str] = []
    send, receive = trio.open_memory_channel[int](0)

    class Source(Readable):
        async def _read(self, size: int) -> None:  # type: ignore[override]
            try:
                self.push(await receive.receive())
            except trio.Cancelled:
                seen.append("cancelled")
                raise

    with trio.fail_after(5):
        async with open_loop():
            r = Source(object_mode=True)
            r.on("close", lambda: seen.append("close"))
            async with trio.open_nursery() as nursery:
                nursery.start_soon(send.send, 1)
                async for x in r:
                    assert x == 1
                    break
            assert r.destroyed
    assert sorted(seen) == ["cancelled", "close"]


# Bad input: Node's error, and the stream as it was.


async def test_bad_input_raises_nodes_error_and_changes_nothing() -> None:
    async with open_loop():
        w = Writable(write=lambda self, c, e, cb: cb(), high_water_mark=4)
        w.write(b"ab")
        r = Readable(read=lambda self, n: None)
        r.push(b"ab")
        t = PassThrough()
        t.write(b"x")
        for s, step, error in [
            (w, lambda: w.write(None), ERR_STREAM_NULL_VALUES),
            (w, lambda: w.write(1), ERR_INVALID_ARG_TYPE),
            (w, lambda: w.write(1.5), ERR_INVALID_ARG_TYPE),
            (w, lambda: w.write("a", "bogus"), ERR_UNKNOWN_ENCODING),
            (w, lambda: w.end(object()), ERR_INVALID_ARG_TYPE),
            (w, lambda: w.set_default_encoding("bogus"), ERR_UNKNOWN_ENCODING),
            (t, lambda: t.write(None), ERR_STREAM_NULL_VALUES),
            (t, lambda: t.write({}), ERR_INVALID_ARG_TYPE),
            (r, lambda: r.push("a", "bogus"), ERR_UNKNOWN_ENCODING),
            (r, lambda: r.unshift("a", "bogus"), ERR_UNKNOWN_ENCODING),
            (r, lambda: r.set_encoding("bogus"), ERR_UNKNOWN_ENCODING),
            (r, lambda: r.read(2**31), ERR_OUT_OF_RANGE),
        ]:
            _refused(s, step, error)
        assert r.readable_high_water_mark == 64 * 1024
        for bad in (-1, 1.5, "16", float("nan"), True):
            with pytest.raises(ERR_INVALID_ARG_VALUE):
                Readable(high_water_mark=bad)  # type: ignore[arg-type]
            with pytest.raises(ERR_INVALID_ARG_VALUE):
                Duplex(writable_high_water_mark=bad)  # type: ignore[arg-type]
        w.end()
        r.push(None)
        r.resume()
        t.end()
        t.resume()


# Backpressure with async stages (the oracle's scenarios are all callback-style).


async def test_backpressure_holds_through_async_stages() -> None:
    mark, size, count = 1000, 100, 300
    peaks: dict[str, int] = {}
    async with open_loop():
        sent = 0

        def read(self: Readable, n: int) -> None:
            nonlocal sent
            while sent < count:
                sent += 1
                sample()
                if not self.push(b"x" * size):
                    return
            self.push(None)

        class Upper(Transform):
            async def _transform(self, chunk: Any, encoding: str) -> Any:  # type: ignore[override]
                await trio.sleep(0)
                return chunk

        got = 0

        class Slow(Writable):
            async def _write(self, chunk: Any, encoding: str) -> None:  # type: ignore[override]
                nonlocal got
                sample()
                await trio.sleep(0.0002)
                got += len(chunk)

        src = Readable(read=read, high_water_mark=mark)
        mid = Upper(high_water_mark=mark)
        tee = PassThrough(high_water_mark=mark)
        sink = Slow(high_water_mark=mark)

        def sample() -> None:
            for name, held in [
                ("src", src.readable_length),
                ("mid", mid.readable_length + mid.writable_length),
                ("tee", tee.readable_length + tee.writable_length),
                ("sink", sink.writable_length),
            ]:
                peaks[name] = max(peaks.get(name, 0), held)

        src.pipe(mid).pipe(tee).pipe(sink)
    assert got == size * count
    assert set(peaks) == {"src", "mid", "tee", "sink"}
    for name, peak in peaks.items():
        assert peak <= 2 * mark + size, (name, peak)


async def test_pipe_waits_for_the_slowest_and_unpipe_lets_the_rest_flow() -> None:
    mark, size, count = 500, 100, 120
    got = {"fast": 0, "slow": 0}
    gap = 0
    async with open_loop():
        sent = 0

        def read(self: Readable, n: int) -> None:
            nonlocal sent
            while sent < count:
                sent += 1
                if not self.push(b"x" * size):
                    return
            self.push(None)

        def sink(name: str, delay: float) -> Writable:
            class Sink(Writable):
                async def _write(self, chunk: Any, encoding: str) -> None:  # type: ignore[override]
                    nonlocal gap
                    await trio.sleep(delay)
                    got[name] += len(chunk)
                    if slow in src._readable_state.pipes:
                        gap = max(gap, got["fast"] - got["slow"])
                    if name == "slow" and got["slow"] == 2000:
                        src.unpipe(self)  # mid-backpressure: the fast one goes on alone

            return Sink(high_water_mark=mark)

        src = Readable(read=read, high_water_mark=mark)
        fast, slow = sink("fast", 0), sink("slow", 0.001)
        src.pipe(fast)
        src.pipe(slow)
        finished = trio.Event()
        fast.on("finish", finished.set)
        with trio.fail_after(10):
            await finished.wait()
    assert got["fast"] == size * count
    assert 2000 <= got["slow"] < size * count
    # While both were piped, the source never ran ahead of the slow one by more than the fast
    # one's buffer and its own.
    assert 0 < gap <= 2 * mark + size
    assert not slow.writable_ended


async def test_read_takes_any_size_as_nodes_parse_int_does() -> None:
    # Node's read(n) parses a non-integer n with parseInt(n, 10), and NaN means "no size"
    # (node: r.push('abcdef'); r.read(n) for each n below). Here int() raised ValueError,
    # OverflowError or TypeError, and True read one byte.
    expected: list[tuple[object, str | None, int]] = [
        ("a", "abcdef", 0),
        (float("nan"), "abcdef", 0),
        (float("inf"), "abcdef", 0),
        ({}, "abcdef", 0),
        (True, "abcdef", 0),
        (-1, None, 6),
        (1.7, "a", 5),
        ("2", "ab", 4),
        (" 3px", "abc", 3),
        (None, "abcdef", 0),
    ]
    async with open_loop():
        for size, text, left in expected:
            r = Readable(read=lambda self, n: None)
            r.push(b"abcdef")
            chunk = r.read(size)  # type: ignore[arg-type]
            assert (None if chunk is None else chunk.to_string()) == text, size
            assert r.readable_length == left, size
            r.destroy()


async def test_an_async_read_that_ended_the_stream_finishes_its_own_work() -> None:
    # Only a destroy before the end cancels a running _read: one that pushed the end and is
    # still tidying up (closing its source) runs to its end, though 'end' auto-destroyed it.
    seen: list[str] = []

    class Source(Readable):
        async def _read(self, size: int) -> None:  # type: ignore[override]
            self.push(None)
            await trio.sleep(0.01)  # closing the source, say
            seen.append("tidied")

    async with open_loop():
        r = Source()
        r.on("end", lambda: seen.append("end"))
        r.on("close", lambda: seen.append("close"))
        r.resume()
    assert seen == ["end", "close", "tidied"]
    assert r.destroyed


async def test_a_failing_body_cancels_every_running_async_method() -> None:
    # The loop's teardown cancels them (no callback runs, nothing is left un-awaited) and the
    # body's own exception comes out as it was raised.
    cancelled: list[str] = []

    async def hang(name: str) -> None:
        try:
            await trio.sleep_forever()
        except trio.Cancelled:
            cancelled.append(name)
            raise

    class Sink(Writable):
        async def _write(self, chunk: Any, encoding: str) -> None:  # type: ignore[override]
            await hang("_write")

    class Source(Readable):
        async def _read(self, size: int) -> None:  # type: ignore[override]
            await hang("_read")

    class Step(Transform):
        async def _transform(self, chunk: Any, encoding: str) -> Any:  # type: ignore[override]
            await hang("_transform")

    class Slow(Writable):
        async def _construct(self) -> None:
            await hang("_construct")

    callbacks: list[object] = []
    with pytest.raises(KeyError):
        async with open_loop():
            Sink().write(b"x", None, callbacks.append)
            Source().resume()
            Step().write(b"x", None, callbacks.append)
            Slow(write=lambda self, c, e, cb: cb()).write(b"x", None, callbacks.append)
            await trio.sleep(0.01)
            raise KeyError("body")
    assert sorted(cancelled) == ["_construct", "_read", "_transform", "_write"]
    assert callbacks == []
