"""timers: the Node v20.11.1 test-timers*.js files not ported in test_timers_callbacks.py.

Each test names the Node file it ports. Node's ``common.mustCall()`` becomes a list of calls
checked after the loop closes (exactly once unless said otherwise), ``mustNotCall()`` a
callback that records a failure. Node's busy-wait ``sleep(ms)`` (internal/util) becomes
``MockClock.jump``: the clock moves on while the callback runs, as it does in Node. Node's
``process.nextTick`` is ``trio_nodecompat.process.next_tick``.
``process.on('uncaughtException')`` is the loop's ``'uncaughtException'`` event.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import trio
from trio.testing import MockClock

from trio_nodecompat import open_loop, timers
from trio_nodecompat.process import next_tick
from trio_nodecompat.timers import (
    Immediate,
    Timeout,
    clear_immediate,
    clear_interval,
    clear_timeout,
    queue_microtask,
    set_immediate,
    set_interval,
    set_timeout,
)


def now_ms() -> float:
    return round(trio.current_time() * 1000, 6)


class Calls:
    """``common.mustCall`` / ``mustNotCall``: callbacks that record who ran, with what."""

    def __init__(self) -> None:
        self.log: list[tuple[str, tuple[Any, ...]]] = []

    def must_call(self, name: str, fn: Callable[..., Any] | None = None) -> Callable[..., Any]:
        def callback(*args: Any) -> Any:
            self.log.append((name, args))
            return fn(*args) if fn is not None else None

        return callback

    def must_not_call(self, name: str) -> Callable[..., None]:
        def callback(*args: Any) -> None:
            self.log.append((f"NOT {name}", args))

        return callback

    def names(self) -> list[str]:
        return [name for name, _ in self.log]

    def count(self, name: str) -> int:
        return self.names().count(name)


# --------------------------------------------------------------------------------------------
# Failures in timer callbacks


# Ported: test/parallel/test-timers-uncaught-exception.js
async def test_a_throwing_timer_is_uncaught_and_the_next_timer_still_runs(
    autojump_clock: MockClock,
) -> None:
    calls = Calls()
    errors: list[tuple[str, str]] = []

    def bam() -> None:
        raise RuntimeError("BAM!")

    async with open_loop() as loop:
        loop.on("uncaughtException", lambda err, origin: errors.append((str(err), origin)))
        set_timeout(calls.must_call("first", bam), 1)
        set_timeout(calls.must_call("second"), 1)
    assert calls.names() == ["first", "second"]
    assert errors == [("BAM!", "uncaughtException")]


# Ported: test/parallel/test-timers-unref-throw-then-ref.js
async def test_an_unrefd_timer_that_refs_itself_then_throws(autojump_clock: MockClock) -> None:
    calls = Calls()
    errors: list[str] = []

    def body() -> None:
        t.ref()
        raise RuntimeError("Timeout Error")

    async with open_loop() as loop:
        loop.once("uncaughtException", lambda err, origin: errors.append(str(err)))
        t = set_timeout(calls.must_call("t", body), 1).unref()
        set_timeout(calls.must_call("other"), 1)
    assert calls.names() == ["t", "other"]
    assert errors == ["Timeout Error"]
    # It fired and threw: it no longer holds the loop, ref'd or not.
    assert t.has_ref()
    assert loop._refs == 0


# --------------------------------------------------------------------------------------------
# Clearing timers from inside other callbacks


# Ported: test/parallel/test-timers-next-tick.js, with process.next_tick as in Node, and the
# same with queue_microtask (the loop drains both queues after each timer and immediate).
@pytest.mark.parametrize("queue", [next_tick, queue_microtask], ids=["next_tick", "microtask"])
async def test_clearing_from_a_tick_of_an_earlier_callback(
    queue: Callable[..., None], autojump_clock: MockClock
) -> None:
    calls = Calls()

    async with open_loop():

        def first_timer() -> None:
            def clear() -> None:
                clear_timeout(t2)
                clear_timeout(t3)

            queue(clear)

        set_timeout(calls.must_call("t1", first_timer), 1)
        t2 = set_timeout(calls.must_not_call("t2"), 1)
        t3 = set_timeout(calls.must_not_call("t3"), 1)
        set_timeout(calls.must_call("t4"), 1)
        autojump_clock.jump(0.005)  # Node's sleep(5): the timers are all due at once

        def first_immediate() -> None:
            def clear() -> None:
                clear_immediate(i2)
                clear_immediate(i3)

            queue(clear)

        set_immediate(calls.must_call("i1", first_immediate))
        i2 = set_immediate(calls.must_not_call("i2"))
        i3 = set_immediate(calls.must_not_call("i3"))
        set_immediate(calls.must_call("i4"))
    assert calls.names() == ["t1", "t4", "i1", "i4"]  # as node prints it


# Ported: test/parallel/test-timers-same-timeout-wrong-list-deleted.js
async def test_a_timer_cleared_by_itself_does_not_take_a_new_one_of_its_delay(
    autojump_clock: MockClock,
) -> None:
    calls = Calls()
    start = now_ms()
    async with open_loop():

        def first() -> None:
            clear_timeout(handle1)
            handle2 = set_timeout(calls.must_not_call("handle2"), 100)
            set_timeout(calls.must_call("clearer", lambda: clear_timeout(handle2)), 1)

        handle1 = set_timeout(calls.must_call("handle1", first), 100)
    assert calls.names() == ["handle1", "clearer"]
    assert now_ms() - start == 101


# Ported: test/parallel/test-timers-unref-remove-other-unref-timers.js, with unref'd
# set_timeout timers in place of the deprecated timers.enroll/_unrefActive/unenroll.
async def test_an_unrefd_timer_clears_another_unrefd_one(autojump_clock: MockClock) -> None:
    calls = Calls()
    async with open_loop():
        foo = set_timeout(calls.must_not_call("foo"), 50).unref()
        set_timeout(calls.must_call("bar", lambda: clear_timeout(foo)), 1).unref()
        set_timeout(calls.must_call("holder"), 100)
    assert calls.names() == ["bar", "holder"]


# Ported: test/parallel/test-timers-unref-remove-other-unref-timers-only-one-fires.js (same
# substitution): two unref'd timers due together, each clearing the other: only one fires.
async def test_two_unrefd_timers_clearing_each_other_fire_once(autojump_clock: MockClock) -> None:
    fired: list[str] = []
    async with open_loop():

        def on_bar() -> None:
            fired.append("bar")
            clear_timeout(foo)

        def on_foo() -> None:
            fired.append("foo")
            clear_timeout(bar)

        bar = set_timeout(on_bar, 1).unref()
        foo = set_timeout(on_foo, 1).unref()
        set_timeout(lambda: fired.append("check"), 20)
    assert fired == ["bar", "check"]


# Ported: test/parallel/test-timers-unenroll-unref-interval.js (the clearTimeout and close()
# cases; timers.unenroll and the writes to _idleTimeout/_onTimeout are private JS fields).
async def test_unrefd_intervals_stopped_from_their_own_callback(autojump_clock: MockClock) -> None:
    calls = Calls()
    async with open_loop():
        by_clear = set_interval(calls.must_call("clear", lambda: clear_timeout(by_clear)), 1)
        by_clear.unref()
        by_close = set_interval(calls.must_call("close", lambda: by_close.close()), 1).unref()
        set_timeout(calls.must_call("outer", lambda: set_timeout(calls.must_call("inner"), 1)), 1)
    assert sorted(calls.names()) == ["clear", "close", "inner", "outer"]
    assert calls.names()[-1] == "inner"


# Ported: test/parallel/test-timers-api-refs.js: the module's own functions (Node deletes the
# globals first; here there are none) clear each timer from its callback.
async def test_timers_module_functions_clear_from_their_callbacks(
    autojump_clock: MockClock,
) -> None:
    calls = Calls()
    async with open_loop():
        timeout = timers.set_timeout(
            calls.must_call("timeout", lambda: timers.clear_timeout(timeout)), 1
        )
        interval = timers.set_interval(
            calls.must_call("interval", lambda: timers.clear_interval(interval)), 1
        )
        immediate = timers.set_immediate(
            calls.must_call("immediate", lambda: timers.clear_immediate(immediate))
        )
    assert sorted(calls.names()) == ["immediate", "interval", "timeout"]


# Ported: test/parallel/test-timers-destroyed.js. Node checks the private _destroyed field at
# exit; here, what ran, and that no timer still holds the loop.
async def test_cleared_and_fired_timers_release_the_loop(autojump_clock: MockClock) -> None:
    calls = Calls()
    async with open_loop() as loop:
        t1 = set_timeout(calls.must_not_call("t1"), 1)
        set_timeout(calls.must_call("t2"), 1)
        i1 = set_interval(calls.must_not_call("i1"), 1)
        i2 = set_interval(lambda: None, 1)
        i2.unref()
        set_timeout(calls.must_call("t3"), 1)
        clear_timeout(t1)
        clear_interval(i1)
    assert calls.names() == ["t2", "t3"]
    assert loop._refs == 0
    assert "cleared" in repr(t1) and "cleared" in repr(i1)
    assert "cleared" not in repr(i2)  # unref'd, never cleared: Node's _destroyed is false


# Ported: test/parallel/test-timers-dispose.js: Symbol.dispose is the context manager exit.
async def test_disposing_timers_and_immediates_cancels_them(autojump_clock: MockClock) -> None:
    calls = Calls()
    async with open_loop() as loop:
        timer = set_timeout(calls.must_not_call("timer"), 10)
        interval = set_interval(calls.must_not_call("interval"), 10)
        immediate = set_immediate(calls.must_not_call("immediate"))
        timer.__exit__(None, None, None)
        interval.__exit__(None, None, None)
        immediate.__exit__(None, None, None)
        assert loop._refs == 0
        with set_timeout(calls.must_not_call("with"), 10):
            pass
    assert calls.log == []


# Ported: test/parallel/test-timers-timeout-with-non-integer.js (nodejs/node#24203)
async def test_a_non_integer_delay_rearmed_from_its_callback(autojump_clock: MockClock) -> None:
    count = 0
    start = now_ms()

    async with open_loop():

        def exec_() -> None:
            nonlocal count
            count += 1
            if count < 50:
                set_timeout(exec_, 1.00000000000001)

        exec_()
    assert count == 50
    assert now_ms() - start == 49


# Ported: test/parallel/test-timers-nested.js. A timer set by a timer with the same delay joins
# the list being processed, but must wait for the next turn even after the clock moved past
# its deadline (Node's sleep(delay)). The check runs in a nextTick, as in Node, and in a
# microtask.
@pytest.mark.parametrize("queue", [next_tick, queue_microtask], ids=["next_tick", "microtask"])
@pytest.mark.parametrize("delay", [0, 100])
async def test_a_nested_timer_waits_for_the_next_turn(
    delay: int, queue: Callable[..., None], autojump_clock: MockClock
) -> None:
    nested_called = False
    checked: list[bool] = []

    async with open_loop():

        def a() -> None:
            def b() -> None:
                nonlocal nested_called
                nested_called = True

            set_timeout(b, delay)
            autojump_clock.jump(max(delay, 1) / 1000)
            queue(lambda: checked.append(nested_called))

        set_timeout(a, delay)
    assert checked == [False]
    assert nested_called


# Ported: test/parallel/test-timers-unrefed-in-callback.js. Node holds the loop with a listening
# server and closes it; here a ref'd timer plays the server and is cleared instead.
async def test_intervals_that_unref_themselves_while_the_loop_is_held(
    autojump_clock: MockClock,
) -> None:
    counters = [0, 0]

    async with open_loop():

        def test2() -> None:
            server = set_timeout(lambda: None, 10**6)

            def tick2() -> None:
                timer2.unref()
                counters[1] += 1
                if counters[1] == 4:
                    server.close()

            timer2 = set_interval(tick2, 1)

        server = set_timeout(lambda: None, 10**6)

        def tick1() -> None:
            timer1.unref()
            counters[0] += 1
            if counters[0] == 4:
                clear_interval(timer1)
                server.close()
                test2()

        timer1 = set_interval(tick1, 1)
    # The first interval ran 4 times; the second, once nothing held the loop, stopped.
    assert counters == [4, 4]


# Ported: test/parallel/test-timers-unref-active.js, with Timeout.refresh() on an unref'd
# timer in place of the deprecated timers._unrefActive: re-armed from its own callback 5 times.
async def test_an_unrefd_timer_rearmed_by_refresh_from_its_callback(
    autojump_clock: MockClock,
) -> None:
    fired = 0
    checked: list[int] = []

    async with open_loop():

        def on_timeout() -> None:
            nonlocal fired
            fired += 1
            if fired < 5:
                timer.refresh()

        timer = set_timeout(on_timeout, 1).unref()
        set_timeout(lambda: checked.append(fired), 1000)
    assert checked == [5]


# --------------------------------------------------------------------------------------------
# Immediates


# Ported: test/parallel/test-timers-immediate.js
async def test_immediates_run_after_the_main_code_with_their_args(
    autojump_clock: MockClock,
) -> None:
    calls = Calls()
    main_finished = False
    async with open_loop():

        def first() -> None:
            assert main_finished
            clear_immediate(immediate_b)

        set_immediate(calls.must_call("first", first))
        immediate_b = set_immediate(calls.must_not_call("b"))
        set_immediate(calls.must_call("three"), 1, 2, 3)
        set_immediate(calls.must_call("five"), 1, 2, 3, 4, 5)
        main_finished = True
    assert calls.log == [("first", ()), ("three", (1, 2, 3)), ("five", (1, 2, 3, 4, 5))]


# Ported: test/parallel/test-timers-clearImmediate.js
async def test_an_immediate_clearing_itself_runs_once(autojump_clock: MockClock) -> None:
    calls = Calls()
    handles: list[Immediate] = []

    def make(i: int) -> Immediate:
        return set_immediate(calls.must_call(f"i{i}", lambda: clear_immediate(handles[i])))

    async with open_loop():
        handles.extend(make(i) for i in range(3))
    assert calls.names() == ["i0", "i1", "i2"]


# Ported: test/parallel/test-timers-setimmediate-infinite-loop.js
async def test_an_immediate_clears_the_later_ones(autojump_clock: MockClock) -> None:
    calls = Calls()
    async with open_loop():

        def first() -> None:
            clear_immediate(i2)
            clear_immediate(i3)

        set_immediate(calls.must_call("i1", first))
        i2 = set_immediate(calls.must_not_call("i2"))
        i3 = set_immediate(calls.must_not_call("i3"))
    assert calls.names() == ["i1"]


# Ported: test/parallel/test-timers-immediate-unref-simple.js
async def test_an_unrefd_immediate_alone_never_runs(autojump_clock: MockClock) -> None:
    calls = Calls()
    async with open_loop():
        set_immediate(calls.must_not_call("unrefd")).unref()
    assert calls.log == []


# Ported: test/parallel/test-timers-immediate-unref-nested-once.js
async def test_an_unrefd_immediate_set_by_an_immediate_never_runs(
    autojump_clock: MockClock,
) -> None:
    calls = Calls()
    async with open_loop():
        set_immediate(
            calls.must_call("outer", lambda: set_immediate(calls.must_not_call("inner")).unref())
        )
    assert calls.names() == ["outer"]


# Ported: test/parallel/test-timers-user-call.js (the argument counts; the overridden
# fn.call/fn.apply of the JS test are JS object model).
async def test_callbacks_get_zero_to_four_args(autojump_clock: MockClock) -> None:
    calls = Calls()
    arg_lists: list[tuple[Any, ...]] = [
        (),
        ("oneArg",),
        ("two", "args"),
        ("three", "(3)", "args"),
        ("more", "than", "three", "args"),
    ]
    async with open_loop():
        fn = calls.must_call("fn")
        for args in arg_lists:
            set_timeout(fn, 1, *args)
            set_immediate(fn, 1, *args)
        for args in arg_lists:
            interval: list[Timeout] = []
            cb = calls.must_call("interval", lambda *a, box=interval: clear_interval(box[0]))
            interval.append(set_interval(cb, 1, *args))
    assert calls.count("fn") == 10
    assert sorted((a for n, a in calls.log if n == "fn"), key=repr) == sorted(
        arg_lists + [(1, *a) for a in arg_lists], key=repr
    )
    assert [a for n, a in calls.log if n == "interval"] == arg_lists
