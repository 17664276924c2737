"""Property tests: frames against a model, and timer order against Node's rule.

- Any program of nested ``run``/``exit`` calls over several instances, sync or async, sees at
  every point the stores a simple stack model predicts, and leaves the caller's frame as it was.
- Any set of timers fires in order of (truncated delay, creation), Node's rule, under a
  MockClock.
"""

from __future__ import annotations

import math
from typing import Any

import trio
import trio.testing
from hypothesis import given, settings
from hypothesis import strategies as st

from trio_nodecompat import open_loop
from trio_nodecompat.async_hooks import AsyncLocalStorage
from trio_nodecompat.timers import set_timeout

INSTANCES = [AsyncLocalStorage[int](name=f"p{i}") for i in range(3)]

# A program is a list of steps; a step is ("run", instance, store, body), ("exit", instance,
# body) or ("check",).
step = st.deferred(
    lambda: st.one_of(
        st.tuples(st.just("check")),
        st.tuples(
            st.just("run"), st.integers(0, 2), st.integers(0, 99), st.lists(step, max_size=3)
        ),
        st.tuples(st.just("exit"), st.integers(0, 2), st.lists(step, max_size=3)),
    )
)
programs = st.lists(step, max_size=4)


def current() -> list[int | None]:
    return [als.get_store() for als in INSTANCES]


def run_sync(program: list[Any], model: list[int | None]) -> None:
    for item in program:
        assert current() == model
        if item[0] == "check":
            continue
        if item[0] == "run":
            _, which, store, body = item
            inner = list(model)
            inner[which] = store
            INSTANCES[which].run(store, run_sync, body, inner)
        else:
            _, which, body = item
            inner = list(model)
            inner[which] = None
            INSTANCES[which].exit(run_sync, body, inner)
        assert current() == model


async def run_async(program: list[Any], model: list[int | None]) -> None:
    for item in program:
        assert current() == model
        await trio.lowlevel.checkpoint()
        assert current() == model
        if item[0] == "check":
            continue
        if item[0] == "run":
            _, which, store, body = item
            inner = list(model)
            inner[which] = store
            await INSTANCES[which].run(store, run_async, body, inner)
        else:
            _, which, body = item
            inner = list(model)
            inner[which] = None
            await INSTANCES[which].exit(run_async, body, inner)
        assert current() == model


@settings(max_examples=60, deadline=None)
@given(programs)
def test_sync_programs_match_the_stack_model(program: list[Any]) -> None:
    run_sync(program, [None, None, None])
    assert current() == [None, None, None]


@settings(max_examples=40, deadline=None)
@given(programs, programs)
def test_async_programs_match_the_model_even_when_interleaved(
    first: list[Any], second: list[Any]
) -> None:
    async def main() -> None:
        async with trio.open_nursery() as nursery:
            nursery.start_soon(INSTANCES[0].run, 1000, run_async, first, [1000, None, None])
            nursery.start_soon(run_async, second, [None, None, None])
        assert current() == [None, None, None]

    trio.run(main)


delays = st.one_of(
    st.integers(-5, 30),
    st.floats(-5, 30),
    st.just(math.nan),
    st.none(),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(delays, min_size=1, max_size=12))
def test_timers_fire_by_truncated_delay_then_creation(values: list[Any]) -> None:
    fired: list[int] = []

    async def main() -> None:
        async with open_loop():
            for index, delay in enumerate(values):
                set_timeout(fired.append, delay, index)

    trio.run(main, clock=trio.testing.MockClock(autojump_threshold=0))

    def effective(delay: Any) -> int:
        if delay is None or (isinstance(delay, float) and math.isnan(delay)) or delay < 1:
            return 1
        return math.trunc(delay)

    expected = sorted(range(len(values)), key=lambda i: (effective(values[i]), i))
    assert fired == expected
