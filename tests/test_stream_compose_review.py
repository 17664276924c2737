"""Review of stream composition and the Trio bridge (issue 14): each test states a contract
(Node's behaviour, or Trio's documented stream contract) that an earlier version broke."""

from __future__ import annotations

import gc
from typing import Any

import pytest
import trio
import trio.testing

from trio_nodecompat import open_loop
from trio_nodecompat.abort import AbortController
from trio_nodecompat.events import get_event_listeners
from trio_nodecompat.stream import PassThrough, Readable, pipeline, promises

# receive_some: Trio's ReceiveStream contract ("The maximum number of bytes to return";
# b"" "if, and only if, the stream has reached end-of-file"; a cancelled call received nothing)


async def receive_all(stream: trio.abc.ReceiveStream, max_bytes: int) -> list[bytes]:
    got: list[bytes] = []
    while data := await stream.receive_some(max_bytes):
        assert len(data) <= max_bytes
        got.append(bytes(data))
    return got


async def test_receive_some_from_an_object_mode_readable_keeps_max_bytes_and_eof() -> None:
    # Readable.from_ is object mode: its chunks are whole objects, of any size, and an empty
    # bytes object is a chunk like any other, not the end.
    async with open_loop():
        source = Readable.from_([b"hello world", b"", b"xyz"])
        got = await receive_all(source.as_receive_stream(), 3)
    assert got == [b"hel", b"lo ", b"wor", b"ld", b"xyz"]


async def test_receive_some_counts_bytes_not_characters_of_an_encoded_readable() -> None:
    async with open_loop():
        p = PassThrough()
        p.set_encoding("utf8")
        p.end("ééééé".encode())
        got = await receive_all(p.as_receive_stream(), 3)
    assert b"".join(got) == "ééééé".encode()


async def test_duplex_as_stream_keeps_max_bytes_too() -> None:
    async with open_loop():
        p = PassThrough(object_mode=True)
        p.end(b"0123456789")
        got = await receive_all(p.as_stream(), 4)
    assert got == [b"0123", b"4567", b"89"]


@pytest.mark.parametrize("kind", ["receive_stream", "stream", "receive_channel"])
async def test_a_cancelled_receive_takes_nothing(kind: str) -> None:
    # Trio's own receive_some and MemoryReceiveChannel.receive either return data or raise
    # Cancelled having taken nothing (checkpoint_if_cancelled, then cancel_shielded_checkpoint).
    async with open_loop():
        p = PassThrough()
        p.write(b"abc")
        wrapper: Any = {
            "receive_stream": p.as_receive_stream,
            "stream": p.as_stream,
            "receive_channel": p.as_receive_channel,
        }[kind]()
        receive = wrapper.receive if kind == "receive_channel" else wrapper.receive_some
        with trio.CancelScope() as scope:
            scope.cancel()
            await receive()
        assert scope.cancelled_caught
        with trio.fail_after(1):
            assert bytes(await receive()) == b"abc"


# Operators: Node's validateInteger bounds (Number.MAX_SAFE_INTEGER on top)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            {"concurrency": 2**53},
            'The value of "options.concurrency" is out of range. '
            "It must be >= 1 && <= 9007199254740991. Received 9_007_199_254_740_992",
        ),
        (
            {"high_water_mark": 2**53 + 0.5},
            'The value of "options.highWaterMark" is out of range. '
            "It must be >= 0 && <= 9007199254740991. Received 9_007_199_254_740_992",
        ),
    ],
)
async def test_map_options_above_the_largest_safe_integer_are_out_of_range(
    options: dict[str, Any], message: str
) -> None:
    from trio_nodecompat.errors import ERR_OUT_OF_RANGE

    async with open_loop():
        source = Readable.from_([1])
        with pytest.raises(ERR_OUT_OF_RANGE) as info:
            source.map(lambda x: x, **options)
        assert str(info.value) == message
        assert not source.destroyed


# pipeline(): a stage that fails at construction (Node throws at once) leaves nothing running.
# Node has by then started pumping the stages before it (and keeps its signal listener); a
# Node process does not wait for a stalled pump, but the loop's nursery does: here nothing of
# the abandoned pipeline starts, runs on, or calls back.


async def test_a_bad_stage_after_a_generator_leaves_no_task_behind() -> None:
    from trio_nodecompat.errors import ERR_INVALID_ARG_TYPE

    started: list[str] = []

    async def forever() -> Any:
        started.append("source")
        while True:
            await trio.sleep(0)
            yield b"x"

    with trio.fail_after(2):
        async with open_loop():
            middle = PassThrough()
            with pytest.raises(ERR_INVALID_ARG_TYPE):
                await promises.pipeline(forever, middle, 42)
            await trio.testing.wait_all_tasks_blocked()
            assert middle.writable_length == 0 and not middle.destroyed
        # Leaving the loop returned: no pump was left waiting for a 'drain' that never comes.
    assert started == []


async def test_a_middle_stage_returning_a_coroutine_is_refused_and_closed() -> None:
    from trio_nodecompat.errors import ERR_INVALID_RETURN_VALUE

    async def not_a_generator(source: Any) -> int:
        return 1

    async with open_loop():
        controller = AbortController()
        with pytest.raises(ERR_INVALID_RETURN_VALUE):
            await promises.pipeline(
                Readable.from_([b"a"]), not_a_generator, PassThrough(), signal=controller.signal
            )
        gc.collect()  # a coroutine never awaited would warn here (an error under -W error)
        # The pipeline that never was keeps no listener on the caller's signal.
        assert get_event_listeners(controller.signal, "abort") == []


async def test_a_source_function_returning_a_coroutine_is_refused_and_closed() -> None:
    from trio_nodecompat.errors import ERR_INVALID_RETURN_VALUE

    async def not_a_source() -> int:
        return 1

    called: list[Any] = []
    async with open_loop():
        with pytest.raises(ERR_INVALID_RETURN_VALUE):
            pipeline(not_a_source, PassThrough(), called.append)
        gc.collect()
        await trio.testing.wait_all_tasks_blocked()
    assert called == []


# A cancelled promises.pipeline leaves no task behind (SPEC 15), even when a stage is inside
# an async implementation method: a _write waiting on a stalled peer, a slow _final, ...


async def _forever(*_args: Any) -> None:
    await trio.sleep_forever()


async def _passthrough(self: Any, chunk: Any, encoding: Any) -> Any:
    return chunk


async def _accept(self: Any, chunk: Any, encoding: Any) -> None:
    pass


@pytest.mark.parametrize("where", ["_write", "_final", "_transform", "_flush"])
async def test_a_cancelled_pipeline_cancels_the_async_methods_of_its_stages(where: str) -> None:
    from trio_nodecompat.stream import Transform, Writable

    write_options: dict[str, Any] = {"write": _accept}
    transform_options: dict[str, Any] = {"transform": _passthrough}
    if where == "_write":
        write_options["write"] = _forever
    elif where == "_final":
        write_options["final"] = _forever
    elif where == "_transform":
        transform_options["transform"] = _forever
    else:
        transform_options["flush"] = _forever
    with trio.fail_after(2):
        async with open_loop():
            stages = [
                Readable.from_([b"a", b"b"]),
                Transform(**transform_options),
                Writable(**write_options),
            ]
            with trio.move_on_after(0.02) as scope:
                await promises.pipeline(*stages)
            assert scope.cancelled_caught
            assert all(stage.destroyed for stage in stages)
            await trio.testing.wait_all_tasks_blocked()
            assert all(stage.closed for stage in stages)
        # Leaving the loop returned: the method's task did not outlive its pipeline.


# flat_map: an inner iterable left early is closed at once, as Node's `for await` returns it
# (Node: take(3) of flatMap(async function* inner) runs inner's finally before toArray ends)


async def test_flat_map_closes_the_inner_iterable_it_leaves() -> None:
    closed: list[Any] = []

    async def inner(x: int) -> Any:
        try:
            for i in range(100):
                await trio.sleep(0)
                yield (x, i)
        finally:
            closed.append(("async", x))

    def inner_sync(x: int) -> Any:
        try:
            yield from [(x, i) for i in range(100)]
        finally:
            closed.append(("sync", x))

    async with open_loop():
        assert await Readable.from_([1, 2]).flat_map(inner).take(3).to_array() == [
            (1, 0),
            (1, 1),
            (1, 2),
        ]
        assert closed == [("async", 1)]
        assert await Readable.from_([1, 2]).flat_map(inner_sync).take(2).to_array() == [
            (1, 0),
            (1, 1),
        ]
        assert closed == [("async", 1), ("sync", 1)]


# aclose: "if this fails, then it still *must* close any underlying resources before
# returning" (trio.abc.AsyncResource.aclose). A cancelled aclose destroys the stream, and what
# it was still running in an async _write goes with it (nothing outlives the loop's block).


async def _stalled_write(self: Any, chunk: Any, encoding: Any) -> None:
    await trio.sleep_forever()


@pytest.mark.parametrize("kind", ["send_channel", "stream"])
async def test_a_cancelled_aclose_still_closes_and_leaves_no_task(kind: str) -> None:
    from trio_nodecompat.stream import Duplex, Writable

    with trio.fail_after(2):
        async with open_loop():
            if kind == "send_channel":
                node: Any = Writable(object_mode=True, write=_stalled_write)
                wrapper: Any = node.as_send_channel()
                await wrapper.send(1)
            else:
                node = Duplex(write=_stalled_write, read=lambda self, n: None)
                wrapper = node.as_stream()
                await wrapper.send_all(b"x")
            with trio.move_on_after(0.02) as scope:
                await wrapper.aclose()
            assert scope.cancelled_caught
            assert node.destroyed
            with pytest.raises(trio.ClosedResourceError):
                if kind == "send_channel":
                    await wrapper.send(2)
                else:
                    await wrapper.send_all(b"y")
        # Leaving the loop returned: the stalled _write did not outlive the closed stream.


# A function stage that leaves its stream source early: JS's `for await` return() destroys
# the stream (an AbortError), which ends the pipeline. Node (v20), with a source that never
# ends: both pipelines below reject with ABORT_ERR, and every stream is destroyed.


def _never_ending() -> Readable:
    source = Readable(read=lambda self, n: None)
    source.push("a")
    source.push("b")
    return source


async def _first(source: Any) -> Any:
    async for chunk in source:
        return bytes(chunk)
    return None


async def _one(source: Any) -> Any:
    async for chunk in source:
        yield chunk
        return


async def _collect(source: Any) -> list[Any]:
    return [chunk async for chunk in source]


@pytest.mark.parametrize("stages", ["async_def_last", "generator_then_async_def"])
async def test_a_stage_leaving_its_stream_source_early_ends_the_pipeline(stages: str) -> None:
    from trio_nodecompat.errors import AbortError

    with trio.fail_after(2):
        async with open_loop():
            source, middle = _never_ending(), PassThrough()
            rest: list[Any] = [_first] if stages == "async_def_last" else [_one, _collect]
            with pytest.raises(AbortError):
                await promises.pipeline(source, middle, *rest)
            assert source.destroyed and middle.destroyed


async def test_receive_some_refuses_chunks_that_are_not_bytes() -> None:
    # bytes(5) is five zero bytes: an object-mode stream of ints must not turn into zeros.
    async with open_loop():
        receive = Readable.from_([5, 6]).as_receive_stream()
        with pytest.raises(TypeError, match="as_receive_channel"):
            await receive.receive_some()
        await receive.aclose()
        text = Readable.from_(["hé", memoryview(b"xy")]).as_receive_stream()
        assert await text.receive_some() == "hé".encode()
        assert await text.receive_some() == b"xy"
        await text.aclose()
