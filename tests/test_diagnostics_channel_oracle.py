"""diagnostics_channel event order and context fields, replayed against Node's own log.

``tests/oracles/oracle_diagnostics_channel.mjs`` runs each scenario under Node and records
what happened, in order (``tests/fixtures/diagnostics_channel/scenarios.json``). Each test
here runs the same scenario on the Python port, writing the same entries, and compares.
One difference is designed in and kept out of the scenarios: a JS async function runs up to
its first ``await`` when called, a Trio coroutine only when awaited, so the traced promise
bodies log only after their first await (``test_diagnostics_channel.py`` checks the Python
order itself).
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
import trio

from trio_nodecompat import AsyncLocalStorage, open_loop
from trio_nodecompat import diagnostics_channel as dc
from trio_nodecompat.timers import promises as timers_promises
from trio_nodecompat.timers import queue_microtask, set_immediate, set_timeout

FIXTURE = Path(__file__).parent / "fixtures" / "diagnostics_channel" / "scenarios.json"
NODE = json.loads(FIXTURE.read_text())["scenarios"]

Log = list[list[Any]]
SCENARIOS: dict[str, Callable[[Log], Awaitable[None]]] = {}


def scenario(fn: Callable[[Log], Awaitable[None]]) -> Callable[[Log], Awaitable[None]]:
    SCENARIOS[fn.__name__] = fn
    return fn


def show(value: Any) -> Any:
    if isinstance(value, BaseException):
        return f"Error: {value}"
    return value


def store_value(value: Any) -> Any:
    if isinstance(value, dict) and "id" in value:
        return f"context {value['id']}"
    return show(value)


def fields(ctx: dict[str, Any]) -> list[list[Any]]:
    return [[key, show(value)] for key, value in ctx.items()]


_counter = 0


def fresh() -> str:
    global _counter
    _counter += 1
    return f"py-oracle{_counter}"


def tracer(log: Log, name: str, store: AsyncLocalStorage[Any] | None = None) -> dc.TracingChannel:
    tc = dc.tracing_channel(name)

    def handler(event: str) -> Callable[[Any, Any], None]:
        def on(ctx: Any, _name: Any) -> None:
            entry = [event, fields(ctx)]
            if store is not None:
                entry.append(store_value(store.get_store()))
            log.append(entry)

        return on

    tc.subscribe(
        {event: handler(event) for event in ("start", "end", "asyncStart", "asyncEnd", "error")}
    )
    return tc


async def next_turn() -> None:
    await timers_promises.set_immediate()


@scenario
async def publish_order(log: Log) -> None:
    name = fresh()
    ch = dc.channel(name)
    log.append(["has", ch.has_subscribers, dc.has_subscribers(name)])

    def a(m: Any, n: Any) -> None:
        log.append(["a", m, n == name])

    def b(m: Any, n: Any) -> None:
        log.append(["b", m])

    ch.subscribe(a)
    dc.subscribe(name, b)
    ch.subscribe(a)
    log.append(["has", ch.has_subscribers, dc.has_subscribers(name)])
    ch.publish(1)
    log.append(["unsub", ch.unsubscribe(a)])
    ch.publish(2)
    log.append(["unsub", ch.unsubscribe(a), dc.unsubscribe(name, b), ch.unsubscribe(b)])
    log.append(["has", ch.has_subscribers, dc.has_subscribers(name)])
    ch.publish(3)


@scenario
async def mutation_during_publish(log: Log) -> None:
    ch = dc.channel(fresh())

    def s4(m: Any, n: Any) -> None:
        log.append(["s4"])

    def s1(m: Any, n: Any) -> None:
        log.append(["s1"])
        ch.unsubscribe(s1)

    def s2(m: Any, n: Any) -> None:
        log.append(["s2"])
        ch.subscribe(s4)

    def s3(m: Any, n: Any) -> None:
        log.append(["s3"])

    for s in (s1, s2, s3):
        ch.subscribe(s)
    ch.publish("x")
    log.append(["|"])
    ch.publish("y")


@scenario
async def subscriber_error_next_tick(log: Log) -> None:
    from trio_nodecompat.process import next_tick

    done = trio.Event()

    def in_immediate() -> None:
        ch = dc.channel(fresh())

        def first(m: Any, n: Any) -> None:
            raise Exception("first")

        def third(m: Any, n: Any) -> None:
            raise Exception("third")

        ch.subscribe(first)
        ch.subscribe(lambda m, n: log.append(["second ran"]))
        ch.subscribe(third)
        queue_microtask(lambda: log.append(["microtask"]))
        next_tick(lambda: log.append(["tick before"]))
        ch.publish(None)
        next_tick(lambda: log.append(["tick after"]))
        log.append(["publish returned"])
        set_immediate(done.set)

    set_immediate(in_immediate)
    await done.wait()


@scenario
async def trace_sync(log: Log) -> None:
    tc = tracer(log, fresh())
    ctx = {"id": 1}

    def add(a: int, b: int) -> int:
        log.append(["fn", a, b])
        return a + b

    r = tc.trace_sync(add, ctx, 2, 3)
    log.append(["returned", r, True])
    tc.trace_sync(lambda: log.append(["fn default context"]) or 6)


@scenario
async def trace_sync_error(log: Log) -> None:
    tc = tracer(log, fresh())

    def boom() -> None:
        raise Exception("boom")

    try:
        tc.trace_sync(boom, {"id": 2})
    except Exception as err:
        log.append(["caught", show(err)])


@scenario
async def trace_sync_nested(log: Log) -> None:
    tc = tracer(log, fresh())

    def outer() -> str:
        tc.trace_sync(lambda: "inner", {"id": "inner"})
        return "outer"

    tc.trace_sync(outer, {"id": "outer"})


@scenario
async def trace_promise_resolve(log: Log) -> None:
    tc = tracer(log, fresh())

    async def double(v: int) -> int:
        await next_turn()
        log.append(["fn", v])
        return v * 2

    p = tc.trace_promise(double, {"id": 3}, 21)
    log.append(["call returned"])
    log.append(["awaited", await p])


@scenario
async def trace_promise_reject(log: Log) -> None:
    tc = tracer(log, fresh())

    async def nope() -> None:
        await next_turn()
        raise Exception("nope")

    p = tc.trace_promise(nope, {"id": 4})
    log.append(["call returned"])
    try:
        await p
    except Exception as err:
        log.append(["caught", show(err)])


@scenario
async def trace_promise_sync_throw(log: Log) -> None:
    tc = tracer(log, fresh())

    def early() -> None:
        raise Exception("early")

    try:
        tc.trace_promise(early, {"id": 5})
    except Exception as err:
        log.append(["caught", show(err)])


@scenario
async def trace_promise_plain_value(log: Log) -> None:
    tc = tracer(log, fresh())
    p = tc.trace_promise(lambda: "plain", {"id": 6})
    log.append(["call returned"])
    log.append(["awaited", await p])


@scenario
async def trace_callback_result(log: Log) -> None:
    tc = tracer(log, fresh())
    done = trio.Event()

    def fn(x: int, cb: Callable[..., Any]) -> None:
        log.append(["fn", x])
        set_immediate(lambda: cb(None, x + 1))

    def callback(err: Any, res: Any) -> None:
        log.append(["callback", err, res])
        done.set()

    tc.trace_callback(fn, -1, {"id": 7}, 41, callback)
    log.append(["call returned"])
    await done.wait()


@scenario
async def trace_callback_error(log: Log) -> None:
    tc = tracer(log, fresh())
    done = trio.Event()

    def fn(cb: Callable[..., Any]) -> None:
        set_immediate(lambda: cb(Exception("cb failed")))

    def callback(err: Any, res: Any = None) -> None:
        log.append(["callback", show(err), show(res)])
        done.set()

    tc.trace_callback(fn, 0, {"id": 8}, callback)
    await done.wait()


@scenario
async def trace_callback_sync_call(log: Log) -> None:
    tc = tracer(log, fresh())

    def fn(cb: Callable[..., Any]) -> None:
        cb(None, "now")
        log.append(["after cb"])

    tc.trace_callback(fn, 0, {"id": 9}, lambda err, res: log.append(["callback", err, res]))


@scenario
async def trace_callback_throw(log: Log) -> None:
    tc = tracer(log, fresh())

    def fn(cb: Callable[..., Any]) -> None:
        raise Exception("thrown")

    try:
        tc.trace_callback(fn, 0, {"id": 10}, lambda *a: log.append(["never"]))
    except Exception as err:
        log.append(["caught", show(err)])


@scenario
async def run_stores_order(log: Log) -> None:
    ch = dc.channel(fresh())
    a: AsyncLocalStorage[Any] = AsyncLocalStorage()
    b: AsyncLocalStorage[Any] = AsyncLocalStorage()
    c: AsyncLocalStorage[Any] = AsyncLocalStorage()

    def transform_a(d: Any) -> str:
        log.append(["transform a", b.get_store(), c.get_store()])
        return f"a:{d}"

    def transform_b(d: Any) -> str:
        log.append(["transform b", a.get_store(), c.get_store()])
        return f"b:{d}"

    ch.bind_store(a, transform_a)
    ch.bind_store(b, transform_b)
    ch.bind_store(c)
    ch.subscribe(
        lambda m, n: log.append(["subscriber", m, a.get_store(), b.get_store(), c.get_store()])
    )

    def fn(x: Any) -> str:
        log.append(["fn", x, a.get_store(), b.get_store(), c.get_store()])
        return "R"

    r = ch.run_stores("D", fn, "X")
    log.append(["returned", r, a.get_store(), b.get_store()])
    ch.bind_store(a, lambda d: f"a2:{d}")
    ch.run_stores("E", lambda: log.append(["rebound", a.get_store()]))
    log.append(["unbind", ch.unbind_store(b), ch.unbind_store(b)])
    ch.run_stores(
        "F", lambda: log.append(["after unbind", a.get_store(), b.get_store(), c.get_store()])
    )


@scenario
async def run_stores_transform_error(log: Log) -> None:
    ch = dc.channel(fresh())
    a: AsyncLocalStorage[Any] = AsyncLocalStorage()
    b: AsyncLocalStorage[Any] = AsyncLocalStorage()

    def failing(d: Any) -> Any:
        raise Exception("transform failed")

    ch.bind_store(a)
    ch.bind_store(b, failing)
    ch.run_stores("G", lambda: log.append(["fn", a.get_store(), b.get_store()]))
    log.append(["runStores returned"])


@scenario
async def has_subscribers_stores(log: Log) -> None:
    name = fresh()
    tc = dc.tracing_channel(name)
    als: AsyncLocalStorage[Any] = AsyncLocalStorage()
    log.append(["before", tc.has_subscribers, tc.start.has_subscribers])
    tc.async_end.bind_store(als)
    log.append(
        [
            "store on asyncEnd",
            tc.has_subscribers,
            tc.async_end.has_subscribers,
            dc.has_subscribers(f"tracing:{name}:asyncEnd"),
        ]
    )
    tc.async_end.unbind_store(als)
    log.append(["unbound", tc.has_subscribers])

    def on_error(m: Any, n: Any) -> None:
        pass

    h = {"error": on_error}
    tc.subscribe(h)
    log.append(["error handler", tc.has_subscribers, tc.error.has_subscribers])
    log.append(["unsubscribe", tc.unsubscribe(h), tc.unsubscribe(h), tc.has_subscribers])
    tc.subscribe({"start": on_error})
    log.append(["partial unsubscribe", tc.unsubscribe({"start": on_error, "end": on_error})])


@scenario
async def stores_follow_trace_promise(log: Log) -> None:
    als: AsyncLocalStorage[Any] = AsyncLocalStorage()
    tc = tracer(log, fresh(), als)
    tc.start.bind_store(als, lambda ctx: f"span:{ctx['id']}")
    log.append(["outside", als.get_store()])

    async def body() -> str:
        await next_turn()
        log.append(["body", als.get_store()])
        await next_turn()
        log.append(["body after await", als.get_store()])
        return "done"

    p = tc.trace_promise(body, {"id": 11})
    log.append(["after call", als.get_store()])
    await p
    log.append(["after await", als.get_store()])


@scenario
async def stores_follow_trace_callback(log: Log) -> None:
    als: AsyncLocalStorage[Any] = AsyncLocalStorage()
    tc = tracer(log, fresh(), als)
    tc.start.bind_store(als, lambda ctx: f"start:{ctx['id']}")
    tc.async_start.bind_store(als, lambda ctx: f"asyncStart:{ctx['id']}")
    done = trio.Event()

    def fn(cb: Callable[..., Any]) -> None:
        log.append(["fn", als.get_store()])

        def timer() -> None:
            log.append(["timer", als.get_store()])
            cb(None, "ok")

        set_timeout(timer, 1)

    def callback(err: Any, res: Any) -> None:
        log.append(["callback", als.get_store()])
        done.set()

    tc.trace_callback(fn, 0, {"id": 12}, callback)
    await done.wait()


@scenario
async def trace_sync_stores_and_error(log: Log) -> None:
    als: AsyncLocalStorage[Any] = AsyncLocalStorage()
    tc = tracer(log, fresh(), als)
    tc.start.bind_store(als)

    def inside() -> None:
        log.append(["fn", als.get_store()["id"]])
        raise Exception("inside")

    try:
        tc.trace_sync(inside, {"id": 13})
    except Exception as err:
        log.append(["caught", show(err), store_value(als.get_store())])


def test_every_node_scenario_has_a_replay() -> None:
    assert set(NODE) == set(SCENARIOS)


@pytest.mark.parametrize("name", sorted(NODE))
async def test_scenario_matches_node(name: str) -> None:
    log: Log = []
    async with open_loop() as loop:
        loop.on("uncaughtException", lambda err, origin: log.append(["uncaught", show(err)]))
        await SCENARIOS[name](log)
        await next_turn()
        await next_turn()
    assert json.loads(json.dumps(log)) == NODE[name]
