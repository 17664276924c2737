"""Implementation methods assigned to a stream *instance* after construction.

JavaScript code often writes ``stream._read = function (n) {...}``. An ``async def`` assigned
that way is not adapted (only class bodies and constructor options are), so it is called as
it is, with the callback where the method has one; the coroutine it returns is started on the
loop, as Node runs the async function and ignores its promise but for a rejection, which is the
loop's ``'unhandledRejection'``. Without this the coroutine was dropped: the stream hung and
Python warned that it was never awaited.
"""

from __future__ import annotations

from typing import Any

import trio

from trio_nodecompat import current_loop, open_loop
from trio_nodecompat.stream import Readable, Transform, Writable


async def test_an_async_read_assigned_to_the_instance_runs() -> None:
    async with open_loop():
        r = Readable()

        async def fetch(size: int) -> None:
            await trio.sleep(0)
            r.push(b"x")
            r.push(None)

        r._read = fetch  # type: ignore[method-assign]
        with trio.fail_after(5):  # a dropped coroutine would leave to_array waiting
            assert [bytes(c) for c in await r.to_array()] == [b"x"]


async def test_an_async_write_and_final_assigned_to_the_instance_run() -> None:
    got: list[object] = []
    async with open_loop():
        w = Writable()

        async def write(chunk: Any, encoding: str, callback: Any) -> None:
            await trio.sleep(0)
            got.append(bytes(chunk))
            callback()

        async def final(callback: Any) -> None:
            await trio.sleep(0)
            got.append("final")
            callback()

        w._write = write  # type: ignore[method-assign]
        w._final = final  # type: ignore[method-assign]
        w.on("finish", lambda: got.append("finish"))
        w.write(b"a")
        w.end(b"b")
        await trio.sleep(0.05)
    assert got == [b"a", b"b", "final", "finish"]


async def test_an_async_transform_assigned_to_the_instance_runs() -> None:
    async with open_loop():
        t = Transform()

        async def upper(chunk: Any, encoding: str, callback: Any) -> None:
            await trio.sleep(0)
            callback(None, bytes(chunk).upper())

        t._transform = upper  # type: ignore[method-assign]
        t.end(b"abc")
        with trio.fail_after(5):
            assert [bytes(c) for c in await t.to_array()] == [b"ABC"]


async def test_its_failure_is_an_unhandled_rejection() -> None:
    seen: list[BaseException] = []
    async with open_loop():
        current_loop().on("unhandledRejection", lambda reason, _task: seen.append(reason))
        w = Writable()

        async def broken(chunk: Any, encoding: str, callback: Any) -> None:
            raise ValueError("boom")

        w._write = broken  # type: ignore[method-assign]
        w.write(b"a")
        await trio.sleep(0.02)
    assert len(seen) == 1 and isinstance(seen[0], ValueError)
