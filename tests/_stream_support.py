"""Shared pieces of the stream tests: Node's ``common.mustCall`` and a loop per case."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Awaitable, Callable
from typing import Any

import trio
import trio.testing

from trio_nodecompat import open_loop
from trio_nodecompat.process import next_tick
from trio_nodecompat.timers import set_immediate, set_timeout

__all__ = ["MustCall", "next_tick", "node_case", "set_immediate", "set_timeout", "settle"]


class _Calls:
    def __init__(self, fn: Callable[..., Any] | None, times: int | None, where: str) -> None:
        self.fn = fn
        self.times = times
        self.where = where
        self.calls: list[tuple[Any, ...]] = []

    def __call__(self, *args: Any) -> Any:
        self.calls.append(args)
        if self.fn is not None:
            return self.fn(*args)
        return None


class MustCall:
    """``must_call(fn, n)`` wraps ``fn`` and checks, at the end of the case, it ran n times."""

    def __init__(self) -> None:
        self._all: list[_Calls] = []

    def __call__(self, fn: Callable[..., Any] | None = None, times: int = 1) -> Any:
        return self._add(fn, times)

    def at_least(self, fn: Callable[..., Any] | None = None, times: int = 1) -> Any:
        calls = self._add(fn, None)
        calls.at_least = times  # type: ignore[attr-defined]
        return calls

    def never(self, what: str = "") -> Callable[..., Any]:
        def fail(*args: Any) -> None:
            raise AssertionError(f"must not be called ({what}): {args!r}")

        return fail

    def _add(self, fn: Callable[..., Any] | None, times: int | None) -> _Calls:
        frame = inspect.stack()[2]
        calls = _Calls(fn, times, f"{frame.filename}:{frame.lineno}")
        self._all.append(calls)
        return calls

    def verify(self) -> None:
        for calls in self._all:
            if calls.times is None:
                least = getattr(calls, "at_least", 1)
                assert len(calls.calls) >= least, f"{calls.where}: called {len(calls.calls)}"
            else:
                assert len(calls.calls) == calls.times, (
                    f"{calls.where}: expected {calls.times} calls, got {len(calls.calls)}"
                )


def node_case(
    fn: Callable[[MustCall], Awaitable[None] | None],
) -> Callable[[], Awaitable[None]]:
    """Run a ported Node test body inside a loop, then check its must-call counts.

    Leaving the loop waits for every tick, immediate and timer the case scheduled, as a Node
    process runs until its loop is empty.
    """

    @functools.wraps(fn)
    async def case() -> None:
        must_call = MustCall()
        async with open_loop():
            result = fn(must_call)
            if inspect.isawaitable(result):
                await result
        must_call.verify()

    case.__signature__ = inspect.Signature()  # type: ignore[attr-defined]
    return case


async def settle() -> None:
    """Wait until the loop ran every tick and microtask it has (all tasks are blocked)."""
    await trio.testing.wait_all_tasks_blocked()
