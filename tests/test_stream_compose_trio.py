"""The Trio side of stream composition: promises without a loop, cancellation that leaves
nothing behind, the bridges both ways (checked with Trio's own stream conformance suites),
and backpressure end to end across them."""

from __future__ import annotations

import itertools
from functools import partial
from typing import Any

import pytest
import trio
import trio.testing

from trio_nodecompat import open_loop
from trio_nodecompat.abort import AbortController
from trio_nodecompat.errors import ERR_STREAM_PREMATURE_CLOSE, AbortError
from trio_nodecompat.stream import (
    Duplex,
    PassThrough,
    Readable,
    Transform,
    Writable,
    promises,
)


def upper(self: Any, chunk: Any, encoding: Any, callback: Any) -> None:
    callback(None, bytes(chunk).upper())


def collector(out: list[bytes], **options: Any) -> Writable:
    def write(self: Any, chunk: Any, encoding: Any, callback: Any) -> None:
        out.append(bytes(chunk))
        callback()

    return Writable(write=write, **options)


def endless(size: int = 1024, **options: Any) -> Readable:
    # An async _read: a source that pushes synchronously forever would starve the loop
    # on the nextTick queue, in Node as here.
    async def read(self: Readable, n: int) -> None:
        await trio.sleep(0)
        self.push(b"x" * size)

    return Readable(read=read, **options)


# stream.promises from plain Trio code


async def test_promises_pipeline_without_a_loop_opens_one() -> None:
    out: list[bytes] = []
    await promises.pipeline(
        Readable.from_([b"ab", b"cd"]), Transform(transform=upper), collector(out)
    )
    assert out == [b"AB", b"CD"]


async def test_promises_pipeline_returns_the_last_async_def_value() -> None:
    async def total(source: Any) -> int:
        n = 0
        async for chunk in source:
            n += len(chunk)
        return n

    assert await promises.pipeline(Readable.from_([b"abc", b"de"]), PassThrough(), total) == 5


async def test_promises_pipeline_raises_the_stream_error_itself() -> None:
    boom = ValueError("boom")

    def read(self: Readable, n: int) -> None:
        self.destroy(boom)

    with pytest.raises(ValueError) as info:
        await promises.pipeline(Readable(read=read), PassThrough(), collector([]))
    assert info.value is boom


async def test_cancelled_pipeline_destroys_every_stream_and_leaves_no_task() -> None:
    with trio.fail_after(5):
        async with open_loop():
            source, middle, sink = endless(), PassThrough(), collector([])
            with trio.move_on_after(0.05) as scope:
                await promises.pipeline(source, middle, sink)
            assert scope.cancelled_caught
            await trio.testing.wait_all_tasks_blocked()
            assert source.destroyed and middle.destroyed and sink.destroyed
        # Leaving the loop returned: no pump, read or write task was left running.


async def test_cancelled_pipeline_of_async_generators_closes_them() -> None:
    closed: list[str] = []

    async def forever() -> Any:
        try:
            while True:
                await trio.sleep(0.001)
                yield b"x"
        finally:
            closed.append("source")

    async def through(source: Any) -> Any:
        try:
            async for chunk in source:
                yield chunk
        finally:
            closed.append("through")

    with trio.fail_after(5):
        async with open_loop():
            sink = collector([])
            with trio.move_on_after(0.05):
                await promises.pipeline(forever, through, sink)
            await trio.testing.wait_all_tasks_blocked()
            assert sink.destroyed
    assert sorted(closed) == ["source", "through"]


async def test_signal_aborts_a_pipeline_with_abort_error() -> None:
    async with open_loop():
        controller = AbortController()
        source = endless()

        async def abort_soon() -> None:
            await trio.sleep(0.02)
            controller.abort("enough")

        async with trio.open_nursery() as nursery:
            nursery.start_soon(abort_soon)
            with pytest.raises(AbortError):
                await promises.pipeline(
                    source, PassThrough(), collector([]), signal=controller.signal
                )
        assert source.destroyed


async def test_promises_finished_cancel_removes_its_listeners() -> None:
    async with open_loop():
        r = Readable(read=lambda self, n: None)
        before = {e: r.listener_count(e) for e in ("end", "error", "close", "finish")}
        with trio.move_on_after(0.01):
            await promises.finished(r)
        assert {e: r.listener_count(e) for e in before} == before
        r.destroy()
        with pytest.raises(ERR_STREAM_PREMATURE_CLOSE):
            await promises.finished(r)


# The async iterator's schedule points: Node's chunk boundaries, and still fair to Trio


async def test_an_always_ready_source_lets_other_tasks_run_and_deadlines_fire() -> None:
    # A sync infinite source is always ready: a step never waits, and takes no schedule
    # point of its own (Node's boundaries, tests/test_stream_chunk_oracle.py). One schedule
    # point every READY_RUN steps keeps other tasks running and lets a deadline cancel it.
    from trio_nodecompat.stream._iterator import READY_RUN

    ticks = 0
    steps = 0

    async def other() -> None:
        nonlocal ticks
        while True:
            ticks += 1
            await trio.lowlevel.checkpoint()

    async with open_loop():
        async with trio.open_nursery() as nursery:
            nursery.start_soon(other)
            source = Readable.from_(itertools.count())
            with trio.move_on_after(0.05) as scope:
                async for _ in source:
                    steps += 1
            nursery.cancel_scope.cancel()
    assert scope.cancelled_caught
    assert source.destroyed  # the cancelled step closed the iterator, which destroys
    assert steps > READY_RUN
    assert ticks >= steps // READY_RUN


async def test_a_step_finding_a_chunk_is_still_a_cancellation_point() -> None:
    async with open_loop():
        source = Readable.from_(["a", "b"])
        chunks = source.iterator(destroy_on_return=False)
        assert await chunks.__anext__() == "a"
        with trio.CancelScope() as scope:
            scope.cancel()
            await chunks.__anext__()
        assert scope.cancelled_caught
        # Cancelled before a chunk was taken: the stream keeps it for its next reader.
        assert await source.to_array() == ["b"]


# The bridges, checked by Trio's own conformance suites


async def test_passthrough_as_trio_one_way_stream() -> None:
    async def maker() -> tuple[Any, Any]:
        p = PassThrough(high_water_mark=16)
        return p.as_send_stream(), p.as_receive_stream()

    async with open_loop():
        await trio.testing.check_one_way_stream(maker, None)


async def test_duplex_from_stream_round_trip_and_half_close() -> None:
    left, right = trio.testing.memory_stream_pair()
    async with open_loop():
        node_side = Duplex.from_stream(left)
        got: list[bytes] = []

        async def peer() -> None:
            await right.send_all(b"hello")
            await right.send_eof()
            while data := await right.receive_some():
                got.append(data)

        async with trio.open_nursery() as nursery:
            nursery.start_soon(peer)
            chunks = [bytes(c) async for c in node_side.iterator(destroy_on_return=False)]
            assert b"".join(chunks) == b"hello"
            node_side.end(b"HELLO")  # end() sends EOF: the peer's loop ends
        assert b"".join(got) == b"HELLO"


async def test_socket_echo_through_a_transform() -> None:
    async with open_loop():

        async def handler(stream: trio.SocketStream) -> None:
            sock = Duplex.from_stream(stream)
            await promises.pipeline(sock, Transform(transform=upper), sock)

        async with trio.open_nursery() as nursery:
            listeners = await nursery.start(partial(trio.serve_tcp, handler, 0, host="127.0.0.1"))
            port = listeners[0].socket.getsockname()[1]
            client = await trio.open_tcp_stream("127.0.0.1", port)
            await client.send_all(b"quiet words")
            await client.send_eof()
            received = b""
            while data := await client.receive_some():
                received += data
            await client.aclose()
            nursery.cancel_scope.cancel()
    assert received == b"QUIET WORDS"


async def test_memory_channels_in_and_out_object_mode() -> None:
    send, receive = trio.open_memory_channel[Any](0)
    out_send, out_receive = trio.open_memory_channel[Any](0)
    async with open_loop():

        async def produce() -> None:
            async with send:
                for item in [{"n": 1}, {"n": 2}, {"n": 3}]:
                    await send.send(item)

        async with trio.open_nursery() as nursery:
            nursery.start_soon(produce)
            doubled = Readable.from_(receive).map(lambda item: item["n"] * 2)
            channel = doubled.as_receive_channel()
            assert [x async for x in channel] == [2, 4, 6]

            w = Writable.from_send_channel(out_send)
            ch = PassThrough(object_mode=True)
            nursery.start_soon(promises.pipeline, ch, w)
            sink = ch.as_send_channel()
            got: list[Any] = []

            async def consume() -> None:
                async with out_receive:
                    async for value in out_receive:
                        got.append(value)

            nursery.start_soon(consume)
            await sink.send("a")
            await sink.send(("b", 2))
            await sink.aclose()
        assert got == ["a", ("b", 2)]


# Backpressure end to end


class SlowSink(trio.abc.SendStream):
    def __init__(self) -> None:
        self.received = 0

    async def send_all(self, data: Any) -> None:
        await trio.sleep(0.0005)
        self.received += len(data)

    async def wait_send_all_might_not_block(self) -> None:
        await trio.lowlevel.checkpoint()

    async def aclose(self) -> None:
        await trio.lowlevel.checkpoint()


async def test_a_slow_trio_peer_pauses_a_node_source() -> None:
    hwm = 4096
    total = 400 * 1024
    sent = 0
    peaks = {"source": 0, "middle": 0, "sink": 0}

    def read(self: Readable, n: int) -> None:
        nonlocal sent
        if sent >= total:
            self.push(None)
            return
        sent += 1024
        self.push(b"y" * 1024)

    async with open_loop():
        slow = SlowSink()
        source = Readable(read=read, high_water_mark=hwm)
        middle = PassThrough(high_water_mark=hwm)
        sink = Writable.from_send_stream(slow, high_water_mark=hwm)

        async def watch() -> None:
            while True:
                peaks["source"] = max(peaks["source"], source.readable_length)
                peaks["middle"] = max(
                    peaks["middle"], middle.readable_length + middle.writable_length
                )
                peaks["sink"] = max(peaks["sink"], sink.writable_length)
                await trio.sleep(0)

        async with trio.open_nursery() as nursery:
            nursery.start_soon(watch)
            await promises.pipeline(source, middle, sink)
            nursery.cancel_scope.cancel()
        assert slow.received == total
    assert peaks["source"] <= 2 * hwm
    assert peaks["middle"] <= 2 * (2 * hwm)  # a Transform has two buffers, one mark each
    assert peaks["sink"] <= 2 * hwm


class FastSource(trio.abc.ReceiveStream):
    def __init__(self, total: int) -> None:
        self.total = total
        self.handed = 0

    async def receive_some(self, max_bytes: int | None = None) -> bytes:
        await trio.lowlevel.checkpoint()
        n = min(max_bytes or 65536, self.total - self.handed)
        self.handed += n
        return b"z" * n

    async def aclose(self) -> None:
        await trio.lowlevel.checkpoint()


async def test_a_slow_node_consumer_pauses_a_trio_source() -> None:
    hwm = 8192
    source = FastSource(1024 * 1024)
    consumed = 0
    peak = 0

    async def write(self: Any, chunk: Any, encoding: Any) -> None:
        nonlocal consumed, peak
        peak = max(peak, source.handed - consumed)
        await trio.sleep(0.0002)
        consumed += len(chunk)

    async with open_loop():
        r = Readable.from_receive_stream(source, high_water_mark=hwm, max_bytes=1024)
        w = Writable(write=write, high_water_mark=hwm)
        await promises.pipeline(r, w)
    assert consumed == source.total
    assert peak <= 2 * hwm + 2 * 1024  # both marks, and the chunk in flight


async def test_destroying_a_bridged_readable_cancels_its_reading_task() -> None:
    left, right = trio.testing.memory_stream_pair()
    with trio.fail_after(5):
        async with open_loop():
            sock = Duplex.from_stream(left)
            sock.resume()  # reading task waits in receive_some
            await trio.testing.wait_all_tasks_blocked()
            sock.destroy()
            await trio.testing.wait_all_tasks_blocked()
            assert sock.closed
            with pytest.raises(trio.BrokenResourceError):
                await right.send_all(b"late")  # the Trio stream was closed
