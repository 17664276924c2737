"""Node streams as Trio streams, held to Trio's own contract: ``trio.testing``'s conformance
checks (``check_half_closeable_stream``, which runs ``check_two_way_stream`` and
``check_one_way_stream`` both ways) over ``duplex.as_stream()``.

The Duplexes under test: a :func:`duplex_pair` (Node's in-memory socket pair), and
``Duplex.from_stream`` over Trio's own test transports (``memory_stream_pair``: buffered;
``lockstep_stream_pair``: every ``send_all`` waits for a ``receive_some``), wrapped on both
ends, or on one end facing the raw Trio stream. A *clogged* pair is one whose next
``send_all``, either way, waits until the other end receives: each Node end's write buffer is
filled to its mark first (a raw lockstep end waits for a receive by itself).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
import trio
import trio.testing

from trio_nodecompat import open_loop
from trio_nodecompat.stream import Duplex, duplex_pair

Pair = tuple[trio.abc.HalfCloseableStream, trio.abc.HalfCloseableStream]
Maker = Callable[[], Awaitable[Pair]]

CLOG_MARK = 64


def clog(duplex: Any) -> None:
    """Fill the write buffer to its mark: the next write must wait for the reader."""
    assert duplex.write(b"c" * duplex.writable_high_water_mark) is False


async def pair_maker() -> Pair:
    a, b = duplex_pair()
    return a.as_stream(), b.as_stream()


async def clogged_pair_maker() -> Pair:
    a, b = duplex_pair(high_water_mark=CLOG_MARK)
    clog(a)
    clog(b)
    return a.as_stream(), b.as_stream()


def from_transport(
    make: Callable[[], tuple[trio.abc.HalfCloseableStream, trio.abc.HalfCloseableStream]],
    *,
    both: bool,
    clogged: bool = False,
) -> Maker:
    async def maker() -> Pair:
        left, right = make()
        options = {"high_water_mark": CLOG_MARK} if clogged else {}
        node_left = Duplex.from_stream(left, **options)
        if clogged:
            clog(node_left)
        if both:
            node_right = Duplex.from_stream(right, **options)
            if clogged:
                clog(node_right)
            return node_left.as_stream(), node_right.as_stream()
        return node_left.as_stream(), right

    return maker


CASES: dict[str, tuple[Maker, Maker | None]] = {
    "duplex_pair": (pair_maker, clogged_pair_maker),
    "memory_stream_pair-both-ends": (
        from_transport(trio.testing.memory_stream_pair, both=True),
        None,  # an unbounded buffer: it never clogs
    ),
    "memory_stream_pair-one-end": (
        from_transport(trio.testing.memory_stream_pair, both=False),
        None,
    ),
    "lockstep_stream_pair-both-ends": (
        from_transport(trio.testing.lockstep_stream_pair, both=True),
        from_transport(trio.testing.lockstep_stream_pair, both=True, clogged=True),
    ),
    "lockstep_stream_pair-one-end": (
        from_transport(trio.testing.lockstep_stream_pair, both=False),
        from_transport(trio.testing.lockstep_stream_pair, both=False, clogged=True),
    ),
}


@pytest.mark.parametrize("name", list(CASES))
async def test_as_stream_is_a_trio_half_closeable_stream(name: str) -> None:
    maker, clogged = CASES[name]
    async with open_loop():
        with trio.fail_after(10):
            await trio.testing.check_half_closeable_stream(maker, clogged)


# duplex_pair: destroying one side reaches the other (Node's later duplexPair ``_destroy``)


async def test_destroy_ends_the_other_sides_readable_after_what_it_received() -> None:
    async with open_loop():
        a, b = duplex_pair()
        events: list[str] = []
        b.on("end", lambda: events.append("end"))
        b.on("error", lambda err: events.append(f"error:{err}"))
        a.write(b"sent before")
        a.destroy()
        with trio.fail_after(5):
            chunks = [bytes(chunk) async for chunk in b.iterator(destroy_on_return=False)]
        assert chunks == [b"sent before"]
        assert events == ["end"]
        assert b.readable_ended
        assert not b.writable_ended  # only the readable side ended: b may still write


async def test_destroy_with_an_error_destroys_the_other_side_without_it() -> None:
    async with open_loop():
        a, b = duplex_pair()
        events: list[str] = []
        a.on("error", lambda err: events.append(f"a:error:{err}"))
        b.on("error", lambda err: events.append(f"b:error:{err}"))
        b.on("close", lambda: events.append("b:close"))
        a.destroy(ValueError("boom"))
        await trio.testing.wait_all_tasks_blocked()
        assert b.destroyed
        assert b.errored is None
        assert events == ["a:error:boom", "b:close"]


async def test_a_write_toward_a_destroyed_side_fails() -> None:
    async with open_loop():
        a, b = duplex_pair()
        results: list[Any] = []
        a.on("error", lambda err: results.append(("error", err.code)))
        a.write(b"unread", lambda err=None: results.append(("unread", err and err.code)))
        b.destroy()  # it never read that chunk
        await trio.testing.wait_all_tasks_blocked()
        assert results[0] == ("unread", "ERR_STREAM_DESTROYED")
        assert ("error", "ERR_STREAM_DESTROYED") in results
        assert a.destroyed and a.errored.code == "ERR_STREAM_DESTROYED"


async def test_a_write_after_the_other_side_is_gone_fails() -> None:
    async with open_loop():
        a, b = duplex_pair()
        b.destroy()
        await trio.testing.wait_all_tasks_blocked()
        assert a._readable_state.ended  # b's plain destroy() pushed EOF to a
        errors: list[str] = []
        a.on("error", lambda err: errors.append(err.code))
        a.write(b"into nothing")
        await trio.testing.wait_all_tasks_blocked()
        assert errors == ["ERR_STREAM_DESTROYED"]


# as_stream(): the Trio side owns the stream's errors and closes gracefully


async def test_aclose_delivers_what_send_all_accepted_then_eof() -> None:
    left, right = trio.testing.lockstep_stream_pair()
    async with open_loop():
        node_side = Duplex.from_stream(left, high_water_mark=1 << 20)
        stream = node_side.as_stream()
        received = bytearray()

        async def peer() -> None:
            await trio.testing.wait_all_tasks_blocked()
            while data := await right.receive_some():
                received.extend(data)

        async with trio.open_nursery() as nursery:
            nursery.start_soon(peer)
            for n in range(5):
                await stream.send_all(bytes([48 + n]) * 1000)  # buffered: none sent yet
            await stream.aclose()
            assert node_side.destroyed
        assert received == b"".join(bytes([48 + n]) * 1000 for n in range(5))


async def test_cancelled_aclose_destroys_at_once() -> None:
    async with open_loop():
        a, b = duplex_pair(high_water_mark=CLOG_MARK)
        stream = a.as_stream()
        await stream.send_all(b"waits for a reader that never comes")
        with trio.CancelScope() as scope:
            scope.cancel()
            await stream.aclose()
        assert a.destroyed
        with pytest.raises(trio.ClosedResourceError):
            await stream.send_all(b"x")


async def test_a_failing_transport_is_a_broken_resource_not_an_uncaught_error() -> None:
    left, right = trio.testing.memory_stream_pair()
    async with open_loop():
        stream = Duplex.from_stream(left).as_stream()
        await right.receive_stream.aclose()  # what the Node side sends now cannot arrive
        await stream.send_all(b"lost")  # taken by the Writable; its write fails later
        await trio.testing.wait_all_tasks_blocked()
        with pytest.raises(trio.BrokenResourceError) as info:
            await stream.send_all(b"more")
        assert isinstance(info.value.__cause__, trio.BrokenResourceError)
        await stream.aclose()


async def test_send_eof_closes_sending_and_a_second_send_eof_is_fine() -> None:
    async with open_loop():
        a, b = duplex_pair()
        s1, s2 = a.as_stream(), b.as_stream()
        async with trio.open_nursery() as nursery:
            nursery.start_soon(s1.send_eof)
            assert await s2.receive_some() == b""
        assert a.writable_finished
        with pytest.raises(trio.ClosedResourceError):
            await s1.send_all(b"y")
        await s1.send_eof()
        await s2.send_all(b"back")  # the other direction is still open
        assert await s1.receive_some() == b"back"
