"""A tiny tracer built on diagnostics_channel: the app publishes, the tracer listens.

Port of ``17-tracer.mjs``. The app traces each request and each database query on a tracing
channel. The tracer binds an AsyncLocalStorage to each channel's ``start``: the transform
makes a span, child of the span current at that moment, so the span is current in
everything the traced work does, across every ``await`` and into the Trio tasks it starts.
Three requests run concurrently; spans are numbered by their parent (1, 1.1, ...), and the
tree is printed at the end, so the output does not depend on timing.
"""

from __future__ import annotations

from collections.abc import Awaitable
from typing import Any

import trio

import trio_nodecompat
from trio_nodecompat import diagnostics_channel as dc
from trio_nodecompat.async_hooks import AsyncLocalStorage
from trio_nodecompat.timers.promises import set_timeout as sleep

# ---- the tracer ---------------------------------------------------------------------------
current_span: AsyncLocalStorage[dict[str, Any]] = AsyncLocalStorage()
roots: list[dict[str, Any]] = []


def trace_spans(channel_name: str, kind: str) -> dc.TracingChannel:
    tc = dc.tracing_channel(channel_name)

    def make_span(ctx: dict[str, Any]) -> dict[str, Any]:
        parent = current_span.get_store()
        siblings = parent["children"] if parent else roots
        span_id = f"{parent['id']}.{len(siblings) + 1}" if parent else f"{len(siblings) + 1}"
        span = {"id": span_id, "kind": kind, "name": ctx["name"], "notes": [], "children": []}
        span["outcome"] = "unfinished"
        siblings.append(span)
        return span

    def async_end(ctx: dict[str, Any], name: object) -> None:
        span = current_span.get_store()
        assert span is not None
        span["outcome"] = f"error: {ctx['error']}" if "error" in ctx else f"ok: {ctx['result']}"

    tc.start.bind_store(current_span, make_span)
    tc.subscribe({"async_end": async_end})
    return tc


def note(text: str) -> None:
    span = current_span.get_store()
    if span is not None:
        span["notes"].append(text)


def print_span(span: dict[str, Any], depth: int) -> None:
    pad = "  " * depth
    print(f"{pad}[{span['id']}] {span['kind']} {span['name']} -> {span['outcome']}")
    for text in span["notes"]:
        print(f"{pad}    note: {text}")
    for child in span["children"]:
        print_span(child, depth + 1)


# ---- the app --------------------------------------------------------------------------------
requests = trace_spans("app.request", "request")
queries = trace_spans("app.query", "query")


async def gather(*awaitables: Awaitable[Any]) -> list[Any]:
    """Await all concurrently, in a nursery (``Promise.all``); results in order."""
    results: list[Any] = [None] * len(awaitables)

    async def run_one(index: int, awaitable: Awaitable[Any]) -> None:
        results[index] = await awaitable

    async with trio.open_nursery() as nursery:
        for index, awaitable in enumerate(awaitables):
            nursery.start_soon(run_one, index, awaitable)
    return results


def query(sql: str, ms: int, rows: int) -> Awaitable[str]:
    async def run() -> str:
        await sleep(ms)
        note(f"ran in the span of {sql}")
        if rows < 0:
            raise ConnectionResetError("connection reset")
        return f"{rows} rows"

    return queries.trace_promise(run, {"name": sql})  # type: ignore[no-any-return]


async def handle(path: str) -> str:
    note(f"handling {path}")
    if path == "/users":
        users, _roles = await gather(query("SELECT users", 30, 3), query("SELECT roles", 10, 2))
        return f"200 ({users})"
    if path == "/orders":
        try:
            await query("SELECT orders", 5, -1)
        except ConnectionResetError as err:
            note(f"caught {err}")
            return "503"
    await sleep(20)
    return "200"


async def main() -> None:
    paths = ["/users", "/orders", "/health"]
    await gather(*(requests.trace_promise(handle, {"name": f"GET {p}"}, p) for p in paths))
    print("outside every request, current span:", current_span.get_store())
    for span in roots:
        print_span(span, 0)


if __name__ == "__main__":
    trio_nodecompat.run(main)
