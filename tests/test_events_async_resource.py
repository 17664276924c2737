"""``EventEmitterAsyncResource``: Node's test-eventemitter-asyncresource.js (the parts without
async_hooks' createHook), and the frame rule it exists for."""

from __future__ import annotations

from typing import Any

import pytest
import trio

from trio_nodecompat import open_loop
from trio_nodecompat.async_hooks import AsyncLocalStorage, AsyncResource
from trio_nodecompat.errors import ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE
from trio_nodecompat.events import EventEmitter, EventEmitterAsyncResource

als: AsyncLocalStorage[str] = AsyncLocalStorage()


class Foo(EventEmitterAsyncResource):
    pass


def test_ids_type_and_back_reference() -> None:
    outer = AsyncResource("outer")
    foo = outer.run_in_async_scope(Foo)
    calls: list[Any] = []
    foo.on("someEvent", lambda *a: calls.append(a))
    assert foo.emit("someEvent", 1) is True
    assert calls == [(1,)]
    assert isinstance(foo, EventEmitter)
    assert foo.trigger_async_id == outer.async_id()
    assert foo.async_id == foo.async_resource.async_id()
    assert foo.async_resource.type == "Foo"
    assert foo.async_resource.event_emitter is foo  # type: ignore[attr-defined]
    foo.emit_destroy()
    assert foo.async_resource.destroyed


def test_name_positional_or_keyword() -> None:
    assert Foo("ResourceName").async_resource.type == "ResourceName"
    assert Foo(name="ResourceName").async_resource.type == "ResourceName"
    assert EventEmitterAsyncResource().async_resource.type == "EventEmitterAsyncResource"


def test_bad_options() -> None:
    with pytest.raises(ERR_INVALID_ARG_TYPE):
        EventEmitterAsyncResource(42)  # type: ignore[arg-type]
    with pytest.raises(ERR_INVALID_ARG_VALUE):
        EventEmitterAsyncResource(trigger_async_id=3)
    with pytest.raises(ERR_INVALID_ARG_TYPE):
        EventEmitterAsyncResource(capture_rejections=1)  # type: ignore[arg-type]


def test_listeners_run_in_the_creators_frame() -> None:
    seen: list[Any] = []
    plain = EventEmitter()
    framed = als.run("creator", EventEmitterAsyncResource)
    for ee in (plain, framed):
        ee.on("x", lambda: seen.append(als.get_store()))
    als.run("emitter", plain.emit, "x")
    als.run("emitter", framed.emit, "x")
    assert seen == ["emitter", "creator"]


async def test_async_listeners_on_the_loop_run_in_the_creators_frame() -> None:
    seen: list[Any] = []
    async with open_loop():
        framed = als.run("creator", EventEmitterAsyncResource)

        @framed.on("x")
        async def listener() -> None:
            await trio.sleep(0)
            seen.append(als.get_store())

        als.run("emitter", framed.emit, "x")
    assert seen == ["creator"]


async def test_emit_async_runs_awaitables_in_the_creators_frame() -> None:
    seen: list[Any] = []
    framed = als.run("creator", EventEmitterAsyncResource)

    @framed.on("x")
    async def listener(value: int) -> None:
        await trio.sleep(0)
        seen.append((value, als.get_store()))

    assert await als.run("emitter", framed.emit_async, "x", 7) is True
    assert seen == [(7, "creator")]
