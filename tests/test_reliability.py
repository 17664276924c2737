"""Reliability: nothing lost, nothing left behind, under volume and under a real server.

Each test drives one of the package's promises far past what the unit tests do: every injected
failure reaches the loop in its own frame; cancelled waits leave no listener even with the
garbage collector off; a loop torn down mid-flight leaves no task and no un-awaited coroutine;
callbacks from foreign threads are never lost; ``als.run`` leaks nothing; and a real Trio HTTP
server (hypercorn) under a few hundred concurrent requests keeps every request's store apart.

The suite is marked ``reliability``: ``pytest -m reliability`` runs it alone, and it runs with
the rest of the tests in ``nox`` (on every Python). Sizes are the issue's; the suite takes a
few seconds.
"""

from __future__ import annotations

import gc
import random
import ssl
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
import trio
import trio.testing

from trio_nodecompat import errors, events, open_loop
from trio_nodecompat.async_hooks import AsyncLocalStorage
from trio_nodecompat.events import EventEmitter
from trio_nodecompat.timers import set_timeout
from trio_nodecompat.util import callbackify, promisify

pytestmark = pytest.mark.reliability

als: AsyncLocalStorage[Any] = AsyncLocalStorage(name="reliability")


def _all_tasks() -> set[trio.lowlevel.Task]:
    """Every task of this run, found by walking the task tree from the root."""
    found: set[trio.lowlevel.Task] = set()
    stack = [trio.lowlevel.current_root_task()]
    while stack:
        task = stack.pop()
        if task is None or task in found:
            continue
        found.add(task)
        for nursery in task.child_nurseries:
            stack.extend(nursery.child_tasks)
    return found


class Injected(Exception):
    """A failure injected on purpose; ``n`` says which one."""

    def __init__(self, n: int) -> None:
        super().__init__(f"injected {n}")
        self.n = n


# ---------------------------------------------------------------------------------------------
# 2,000 injected failures, each reported in its own frame


async def test_two_thousand_injected_failures_each_reach_the_loop_in_their_frame() -> None:
    n_failures = 2_000
    reported: dict[int, tuple[str, object]] = {}
    ee = EventEmitter()

    async def failing_listener(n: int) -> None:
        await trio.sleep(0)
        raise Injected(n)

    ee.on("work", failing_listener)

    async def succeeds(n: int) -> int:
        await trio.sleep(0)
        return n

    def failing_callback(err: object, value: int) -> None:
        raise Injected(value)

    def failing_timer(n: int) -> None:
        raise Injected(n)

    def start(n: int) -> None:
        kind = n % 3
        if kind == 0:
            ee.emit("work", n)  # an async listener's failure: an unhandled rejection
        elif kind == 1:
            set_timeout(failing_timer, n % 7, n)  # a timer's: an uncaught exception
        else:
            callbackify(succeeds)(n, failing_callback)  # a callback's: an uncaught exception

    def on_rejection(reason: BaseException, task: object) -> None:
        assert isinstance(reason, Injected)
        reported[reason.n] = ("rejection", als.get_store())

    def on_exception(err: BaseException, origin: str) -> None:
        assert isinstance(err, Injected)
        reported[err.n] = (origin, als.get_store())

    async with open_loop() as loop:
        loop.on("unhandledRejection", on_rejection)
        loop.on("uncaughtException", on_exception)
        for n in range(n_failures):
            als.run(("frame", n), start, n)
            if n % 100 == 0:
                await trio.sleep(0)  # let some fail while others are still being started
    assert len(reported) == n_failures
    for n, (how, store) in reported.items():
        assert store == ("frame", n), n
        assert how == ("rejection" if n % 3 == 0 else "uncaughtException"), n


# ---------------------------------------------------------------------------------------------
# 10,000 cancelled waits, garbage collector off


async def test_ten_thousand_cancelled_waits_leave_no_listener_with_gc_off() -> None:
    ee = EventEmitter()
    gc.disable()
    try:
        for _ in range(5_000):
            with trio.CancelScope() as scope:
                scope.cancel()
                await events.once(ee, "data")
            assert scope.cancelled_caught
        for i in range(5_000):
            with trio.move_on_after(0) if i % 2 else trio.CancelScope() as scope:
                if not i % 2:
                    scope.cancel()
                async for _ in events.on(ee, "data"):
                    pytest.fail("no event was emitted")  # pragma: no cover
        assert ee.listener_count("data") == 0
        assert ee.listener_count("error") == 0
        assert ee.event_names() == []
    finally:
        gc.enable()


async def test_waits_cancelled_while_events_arrive_lose_no_listener_and_no_event() -> None:
    # The racy variant: each wait is cancelled by a deadline while another task emits.
    ee = EventEmitter()
    got = 0
    gc.disable()
    try:
        async with trio.open_nursery() as nursery:

            async def emitter() -> None:
                for _ in range(2_000):
                    ee.emit("data", 1)
                    await trio.sleep(0)

            nursery.start_soon(emitter)
            for _ in range(2_000):
                with trio.move_on_after(0.0001):
                    got += len(await events.once(ee, "data"))
        assert ee.listener_count("data") == 0 and ee.listener_count("error") == 0
        assert got > 0
    finally:
        gc.enable()


# ---------------------------------------------------------------------------------------------
# A loop torn down by its enclosing cancel scope while work is in flight


async def test_a_loop_cancelled_mid_flight_leaves_no_task_and_tells_every_thread() -> None:
    n_threads = 16
    before = _all_tasks()
    ee = EventEmitter()
    started = 0

    async def forever() -> None:
        nonlocal started
        started += 1
        await trio.sleep_forever()

    ee.on("go", forever)
    thread_errors: list[BaseException | None] = [None] * n_threads
    handed_off = [0] * n_threads
    stop = threading.Event()

    def feeder(index: int, loop: Any) -> None:
        # Hands work to the loop until the loop refuses it; that refusal is the clear error.
        while not stop.is_set():
            try:
                if handed_off[index] % 2:
                    loop.spawn(forever())
                else:
                    loop.call_soon(lambda: None)
            except BaseException as exc:
                thread_errors[index] = exc
                return
            handed_off[index] += 1
            time.sleep(0.0005)

    threads: list[threading.Thread] = []
    with trio.CancelScope() as outer:
        async with open_loop() as loop:
            for i in range(1_000):
                set_timeout(lambda: None, 60_000 + i)  # referenced timers, far in the future
                ee.emit("go")  # async listeners that never finish
            for i in range(n_threads):
                thread = threading.Thread(target=feeder, args=(i, loop), daemon=True)
                threads.append(thread)
                thread.start()
            while min(handed_off) < 3:
                await trio.sleep(0.001)
            outer.cancel()
    assert outer.cancelled_caught
    for thread in threads:
        thread.join(timeout=10)
    stop.set()
    assert not any(t.is_alive() for t in threads)
    assert started >= 1_000
    # Every thread was told, with the loop's own error, that the loop is gone.
    for exc in thread_errors:
        assert isinstance(exc, errors.NoLoopError), exc
        assert "not open" in str(exc)
    # No task of the loop survives, and no coroutine was left un-awaited (warnings are
    # errors, and pytest turns an unraisable RuntimeWarning into a failure).
    assert _all_tasks() == before
    gc.collect()


# ---------------------------------------------------------------------------------------------
# promisify from 8 tasks, callbacks from foreign threads


async def test_promisify_from_eight_tasks_with_thread_callbacks_loses_no_call() -> None:
    per_task = 400
    executor = ThreadPoolExecutor(max_workers=16)
    rng = random.Random(11)
    delays = [rng.random() * 0.0005 for _ in range(8 * per_task)]

    def double_later(x: int, callback: Callable[..., None]) -> None:
        def work() -> None:
            time.sleep(delays[x])
            callback(None, x * 2)

        if x % 5 == 0:
            callback(None, x * 2)  # some call back synchronously, on the Trio thread
        else:
            executor.submit(work)

    doubled = promisify(double_later)
    results: dict[int, int] = {}

    async def caller(task_index: int) -> None:
        for i in range(per_task):
            x = task_index * per_task + i
            value = await als.run(x, doubled, x)
            assert als.get_store() is None
            results[x] = value

    try:
        with trio.fail_after(60):
            async with trio.open_nursery() as nursery:
                for t in range(8):
                    nursery.start_soon(caller, t)
    finally:
        executor.shutdown(wait=True)
    assert results == {x: x * 2 for x in range(8 * per_task)}


# ---------------------------------------------------------------------------------------------
# 1,000,000 als.run calls


def test_a_million_als_run_calls_grow_memory_by_nothing() -> None:
    store_als: AsyncLocalStorage[int] = AsyncLocalStorage()

    def body(n: int) -> int:
        return store_als.get_store() or 0

    run = store_als.run
    for i in range(10_000):  # warm up caches and free lists
        run(i, body, i)
    gc.collect()
    blocks_before = sys.getallocatedblocks()
    total = 0
    for i in range(1_000_000):
        total += run(i, body, i)
    gc.collect()
    blocks_after = sys.getallocatedblocks()
    assert total == sum(range(1_000_000))
    # A leak of even one object per call would be a million blocks; allow the interpreter's
    # own noise (free lists, caches) of a few dozen.
    assert blocks_after - blocks_before < 100, blocks_after - blocks_before
    assert store_als.get_store() is None


# ---------------------------------------------------------------------------------------------
# A real Trio HTTP server: hypercorn's Trio worker, a few hundred concurrent httpx requests


async def test_a_hypercorn_server_keeps_each_requests_store_apart() -> None:
    httpx = pytest.importorskip("httpx")
    hypercorn_config = pytest.importorskip("hypercorn.config")
    hypercorn_trio = pytest.importorskip("hypercorn.trio")
    n_requests = 300
    request_id: AsyncLocalStorage[str] = AsyncLocalStorage(name="request_id")
    bus = EventEmitter()
    executor = ThreadPoolExecutor(max_workers=8)

    def lookup(key: str, callback: Callable[..., None]) -> None:
        # A Node-style API that calls back from a foreign thread.
        executor.submit(lambda: (time.sleep(0.001), callback(None, key.upper())))

    async def enrich(value: str) -> str:
        await trio.sleep(0.001)
        return value + "!"

    async def handle(path: str) -> dict[str, object]:
        seen: dict[str, object] = {"start": request_id.get_store()}
        await trio.sleep(random.random() * 0.005)
        seen["after sleep"] = request_id.get_store()

        timer_done = trio.Event()

        def on_timer() -> None:
            seen["timer"] = request_id.get_store()
            timer_done.set()

        set_timeout(on_timer, random.randint(0, 5))

        listener_done = trio.Event()

        async def on_event(tag: str) -> None:
            await trio.sleep(0.001)
            seen[f"listener {tag}"] = request_id.get_store()
            listener_done.set()

        bus.once(path, on_event)
        bus.emit(path, "a")

        value = await promisify(lookup)(path)
        seen["after promisify"] = request_id.get_store()
        seen["promisify value"] = value

        callback_done = trio.Event()

        def on_enriched(err: object, result: str) -> None:
            seen["callbackify"] = (request_id.get_store(), result)
            callback_done.set()

        callbackify(enrich)(path, on_enriched)
        await timer_done.wait()
        await listener_done.wait()
        await callback_done.wait()
        seen["end"] = request_id.get_store()
        return seen

    async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "lifespan":
            while True:
                message = await receive()
                if message["type"] == "lifespan.startup":
                    await send({"type": "lifespan.startup.complete"})
                elif message["type"] == "lifespan.shutdown":
                    await send({"type": "lifespan.shutdown.complete"})
                    return
        headers = dict(scope["headers"])
        rid = headers[b"x-request-id"].decode()
        seen = await request_id.run(rid, handle, scope["path"])
        import json

        body = json.dumps(seen).encode()
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": body})

    config = hypercorn_config.Config()
    config.bind = ["127.0.0.1:0"]
    config.accesslog = None
    config.errorlog = None
    # A loaded CI machine can take seconds to get to a fresh connection's request: hypercorn's
    # 5 s keep-alive timeout (which also runs before the first request) would drop it.
    config.keep_alive_timeout = 60
    config.backlog = 1024
    shutdown = trio.Event()
    try:
        with trio.fail_after(60):
            async with open_loop():
                async with trio.open_nursery() as nursery:
                    binds = await nursery.start(
                        lambda task_status: hypercorn_trio.serve(
                            app, config, shutdown_trigger=shutdown.wait, task_status=task_status
                        )
                    )
                    base = binds[0]
                    results: dict[str, Any] = {}
                    tls = ssl.create_default_context()  # built once: loading CAs is slow

                    async def client_group(first: int) -> None:
                        # httpcore's pool scans every connection per request, so a few hundred
                        # concurrent requests go through several clients of 25 connections.
                        limits = httpx.Limits(max_connections=25)
                        async with httpx.AsyncClient(
                            base_url=base, limits=limits, verify=tls, timeout=60
                        ) as client:

                            async def one(i: int) -> None:
                                rid = f"req-{i}"
                                response = await client.get(
                                    f"/item{i}", headers={"x-request-id": rid}
                                )
                                assert response.status_code == 200
                                results[rid] = response.json()

                            async with trio.open_nursery() as requests:
                                for i in range(first, min(first + 25, n_requests)):
                                    requests.start_soon(one, i)

                    async with trio.open_nursery() as clients:
                        for first in range(0, n_requests, 25):
                            clients.start_soon(client_group, first)
                    shutdown.set()
    finally:
        executor.shutdown(wait=True)
    assert len(results) == n_requests
    for rid, seen in results.items():
        i = rid.split("-")[1]
        expected_keys = {
            "start",
            "after sleep",
            "timer",
            "listener a",
            "after promisify",
            "end",
        }
        for key in expected_keys:
            assert seen[key] == rid, (rid, key, seen)
        assert seen["promisify value"] == f"/ITEM{i}"
        assert seen["callbackify"] == [rid, f"/item{i}!"]
