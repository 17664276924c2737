"""timers: the callback forms on the loop, driven by Trio's MockClock.

Ported from Node's test/parallel/test-timers*.js where a Python analogue exists (each test
names its source); ordering and warning texts are checked against fixtures Node generated
(``tests/fixtures/timers/*.mjs`` next to their JSON).
"""

from __future__ import annotations

import json
import math
import threading
import warnings
from pathlib import Path
from typing import Any

import pytest
import trio
import trio.testing
from trio.testing import MockClock

from trio_nodecompat import Loop, errors, open_loop
from trio_nodecompat.async_hooks import AsyncLocalStorage
from trio_nodecompat.timers import (
    TIMEOUT_MAX,
    Immediate,
    Timeout,
    TimeoutOverflowWarning,
    clear_immediate,
    clear_interval,
    clear_timeout,
    queue_microtask,
    set_immediate,
    set_interval,
    set_timeout,
)

FIXTURES = Path(__file__).parent / "fixtures" / "timers"
als: AsyncLocalStorage[Any] = AsyncLocalStorage(name="timers")


def now_ms() -> float:
    return round(trio.current_time() * 1000, 6)


# ---------------------------------------------------------------------------------------------
# Basics


async def test_set_timeout_fires_once_after_the_delay_with_args(autojump_clock: MockClock) -> None:
    fired = []
    async with open_loop():
        start = now_ms()
        timer = set_timeout(lambda *a: fired.append((now_ms() - start, a)), 100, "x", 2)
        assert isinstance(timer, Timeout)
    assert fired == [(100, ("x", 2))]


async def test_timers_need_a_loop(autojump_clock: MockClock) -> None:
    with pytest.raises(errors.NoLoopError) as info:
        set_timeout(print, 1)
    assert "set_timeout()" in str(info.value)
    for call in (lambda: set_interval(print, 1), lambda: set_immediate(print)):
        with pytest.raises(errors.NoLoopError):
            call()
    with pytest.raises(errors.NoLoopError):
        queue_microtask(print)


async def test_leaving_the_loop_waits_for_timers(autojump_clock: MockClock) -> None:
    start = now_ms()
    async with open_loop():
        set_timeout(lambda: None, 5000)
    assert now_ms() - start == 5000


async def test_callbacks_carry_the_frame_they_were_set_in(autojump_clock: MockClock) -> None:
    seen = []
    async with open_loop():
        als.run("timeout", set_timeout, lambda: seen.append(("t", als.get_store())), 10)
        als.run("immediate", set_immediate, lambda: seen.append(("i", als.get_store())))
        als.run("micro", queue_microtask, lambda: seen.append(("m", als.get_store())))
        ticks = []

        def tick() -> None:
            ticks.append(als.get_store())
            if len(ticks) == 3:
                clear_interval(interval)

        interval = als.run("interval", set_interval, tick, 5)
    assert seen == [("m", "micro"), ("i", "immediate"), ("t", "timeout")]
    assert ticks == ["interval"] * 3


async def test_each_interval_tick_runs_in_a_fresh_copy(autojump_clock: MockClock) -> None:
    import contextvars

    var: contextvars.ContextVar[int] = contextvars.ContextVar("n", default=0)
    seen = []
    async with open_loop():

        def tick() -> None:
            seen.append(var.get())
            var.set(var.get() + 1)
            if len(seen) == 3:
                interval.close()

        interval = set_interval(tick, 1)
    assert seen == [0, 0, 0]


async def test_async_callback_failure_is_an_unhandled_rejection(autojump_clock: MockClock) -> None:
    seen = []

    async def cb() -> None:
        await trio.sleep(0)
        raise ValueError("async cb")

    async with open_loop() as loop:
        loop.on("unhandledRejection", lambda r, p: seen.append((str(r), als.get_store())))
        als.run("frame", set_timeout, cb, 1)
    assert seen == [("async cb", "frame")]


# ---------------------------------------------------------------------------------------------
# Node's order (fixture from tests/fixtures/timers/ordering.mjs)


async def test_order_matches_node(autojump_clock: MockClock) -> None:
    log: list[str] = []
    async with open_loop():

        def scenario() -> None:
            n = 0
            set_timeout(lambda: log.append("T1 0ms"), 0)

            def i1() -> None:
                log.append("I1")
                queue_microtask(lambda: log.append("M in I1"))

            set_immediate(i1)
            set_immediate(lambda: log.append("I2"))
            queue_microtask(lambda: log.append("M1"))

            def t2() -> None:
                log.append("T2 1ms")
                queue_microtask(lambda: log.append("M in T2"))

            set_timeout(t2, 1)
            set_timeout(lambda: log.append("T3 50ms"), 50)

            def iv() -> None:
                nonlocal n
                n += 1
                log.append(f"IV 20ms #{n}")
                if n == 2:
                    clear_interval(interval)

            interval = set_interval(iv, 20)
            set_timeout(lambda: log.append("T4 30ms"), 30)
            queue_microtask(lambda: log.append("M2"))
            log.append("sync")

        set_timeout(scenario, 0)
    assert log == json.loads((FIXTURES / "ordering.json").read_text())


# Ported: test/parallel/test-timers-ordering.js
async def test_chained_timers_keep_order_and_advance(autojump_clock: MockClock) -> None:
    order: list[tuple[int, float]] = []
    async with open_loop():

        def f(i: int) -> None:
            if i <= 30:
                order.append((i, now_ms()))
                set_timeout(f, 1, i + 1)

        set_timeout(f, 1, 1)
    assert [i for i, _ in order] == list(range(1, 31))
    assert all(b[1] >= a[1] + 1 for a, b in zip(order, order[1:], strict=False))


# Ported: test/parallel/test-timers-non-integer-delay.js
async def test_non_integer_delays_are_truncated_and_keep_creation_order(
    autojump_clock: MockClock,
) -> None:
    ordering: list[int] = []
    count = 0
    async with open_loop():
        for n, delay in [(1, 1), (2, 1.8), (3, 1.1), (4, 1)]:
            set_timeout(ordering.append, delay, n)

        def tick() -> None:
            nonlocal count
            count += 1
            if count == 50:
                clear_interval(interval)

        interval = set_interval(tick, 1.1)
    assert ordering == [1, 2, 3, 4]
    assert count == 50


# Ported: test/parallel/test-timers-immediate-queue.js (immediates set by an immediate run
# on the next turn, after the timers that came due)
async def test_immediate_set_in_an_immediate_waits_for_due_timers(
    autojump_clock: MockClock,
) -> None:
    log: list[str] = []
    async with open_loop():

        def first() -> None:
            log.append("first")
            set_timeout(lambda: log.append("timer"), 1)
            set_immediate(lambda: log.append("next immediate"))

        set_immediate(first)
        set_immediate(lambda: log.append("second"))
    assert log[:2] == ["first", "second"]
    assert sorted(log[2:]) == ["next immediate", "timer"]


# ---------------------------------------------------------------------------------------------
# Delays (Node's clamping)


# Ported: test/parallel/test-timers.js (the inputs that have a Python analogue)
async def test_every_odd_delay_fires_and_clamps_to_one_ms(autojump_clock: MockClock) -> None:
    inputs: list[Any] = [
        None,
        True,
        False,
        math.nan,
        -math.inf,
        -10,
        -1,
        -0.5,
        -0.1,
        -0.0,
        0,
        0.0,
        0.1,
        0.5,
        1,
        1.0,
    ]
    timeouts: dict[int, float] = {}
    intervals: dict[int, float] = {}
    handles: dict[int, Timeout] = {}
    async with open_loop():
        for index, value in enumerate(inputs):
            set_timeout(lambda i=index: timeouts.setdefault(i, now_ms()), value)

            def once(i: int = index) -> None:
                clear_interval(handles[i])
                intervals[i] = now_ms()

            handles[index] = set_interval(once, value)
    assert timeouts == {i: 1 for i in range(len(inputs))}
    assert intervals == {i: 1 for i in range(len(inputs))}


@pytest.mark.parametrize("value", [2**31, 12345678901234, math.inf])
async def test_overflowing_delays_warn_and_fire_after_one_ms(
    value: float, autojump_clock: MockClock
) -> None:
    fired = []
    async with open_loop():
        with pytest.warns(TimeoutOverflowWarning) as record:
            set_timeout(lambda: fired.append(now_ms()), value)
        assert record[0].filename == __file__
        with pytest.warns(TimeoutOverflowWarning):
            interval = set_interval(lambda: (fired.append(now_ms()), interval.close()), value)
    assert fired == [1, 1]


# Ported: test/parallel/test-timers-max-duration-warning.js, message checked against Node
def _parse_js_number(text: str) -> float:
    value = float(text)
    return int(value) if value.is_integer() and abs(value) < 2**63 else value


@pytest.mark.parametrize(
    ("key", "expected"),
    sorted(json.loads((FIXTURES / "overflow_warnings.json").read_text()).items()),
)
async def test_overflow_warning_matches_node(
    key: str, expected: list[str], autojump_clock: MockClock
) -> None:
    async with open_loop():
        with pytest.warns(TimeoutOverflowWarning) as record:
            clear_timeout(set_timeout(lambda: None, _parse_js_number(key)))
    (warning,) = record
    assert [TimeoutOverflowWarning.name, str(warning.message)] == expected


async def test_delay_max_is_accepted_without_warning(autojump_clock: MockClock) -> None:
    async with open_loop():
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            clear_timeout(set_timeout(lambda: None, TIMEOUT_MAX))


@pytest.mark.parametrize("value", ["10", b"1", [], {}])
async def test_non_number_delays_are_refused(value: object, autojump_clock: MockClock) -> None:
    async with open_loop():
        with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
            set_timeout(lambda: None, value)  # type: ignore[arg-type]
        assert str(info.value).startswith('The "delay" argument must be of type number.')


# Ported: test/parallel/test-timers-throw-when-cb-not-function.js
@pytest.mark.parametrize("callback", ["foo", {"foo": "bar"}, None, False])
async def test_callback_must_be_callable(callback: object, autojump_clock: MockClock) -> None:
    async with open_loop():
        for setter in (set_timeout, set_interval, set_immediate, queue_microtask):
            with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
                setter(callback)  # type: ignore[operator]
            assert str(info.value).startswith('The "callback" argument must be of type function.')


# ---------------------------------------------------------------------------------------------
# Arguments


# Ported: test/parallel/test-timers-args.js and test-timers-zero-timeout.js
async def test_args_reach_the_callback(autojump_clock: MockClock) -> None:
    seen: list[tuple[Any, ...]] = []
    async with open_loop():
        for nargs in (0, 1, 5, 128):
            set_timeout(lambda *a: seen.append(a), 1, *range(nargs))
        calls = 0

        def f(a: str, b: str, c: str) -> None:
            nonlocal calls
            seen.append((a, b, c))
            calls += 1
            if calls == 3:
                clear_timeout(iv)  # clear_timeout clears intervals too, as in Node

        iv = set_interval(f, 0, "foo", "bar", "baz")
        set_immediate(lambda *a: seen.append(a), "imm", 1)
    assert sorted(map(len, seen)) == [0, 1, 2, 3, 3, 3, 5, 128]


# ---------------------------------------------------------------------------------------------
# clear_*


# Ported: test/parallel/test-timers-clear-null-does-not-throw-error.js and
# test-timers-clear-object-does-not-throw-error.js (Node v20.11.1). Newer than v20: the
# clear_immediate(timer) / clear_timeout(immediate) cases come from test-timers-invalid-clear.js,
# added in Node 24.0.0 by nodejs/node#57069 (semver-major). Node 20.11 itself still cancels a
# Timeout passed to clearImmediate (it unlinks it from its timer list; checked with node v20);
# we follow the fix: the wrong clear function ignores the handle.
async def test_clearing_none_or_other_objects_does_nothing(autojump_clock: MockClock) -> None:
    async with open_loop():
        for clear in (clear_timeout, clear_interval, clear_immediate):
            clear(None)
            clear({})
            clear(42)
        timer = set_timeout(lambda: None, 1)
        clear_immediate(timer)  # not an Immediate: ignored, as Node ignores it
        immediate = set_immediate(lambda: None)
        clear_timeout(immediate)
    assert timer.has_ref()


async def test_cleared_timers_and_immediates_never_fire(autojump_clock: MockClock) -> None:
    fired = []
    async with open_loop():
        clear_timeout(set_timeout(fired.append, 1, "timeout"))
        clear_interval(set_interval(fired.append, 1, "interval"))
        clear_immediate(set_immediate(fired.append, "immediate"))
        set_timeout(lambda: None, 10).close()
        with set_timeout(fired.append, 1, "with timeout"):
            pass
        with set_immediate(fired.append, "with immediate"):
            pass
    assert fired == []


# Ported: test/parallel/test-timers-clearImmediate-als.js
async def test_clear_immediate_from_its_own_callback_via_the_store(
    autojump_clock: MockClock,
) -> None:
    calls = []
    async with open_loop():

        def on_immediate() -> None:
            immediate = als.get_store()["immediate"]
            assert isinstance(immediate, Immediate)
            clear_immediate(immediate)
            calls.append(True)

        def nxt() -> None:
            immediate = set_immediate(on_immediate)
            als.get_store()["immediate"] = immediate

        for _ in range(3):
            als.run({}, nxt)
    assert calls == [True] * 3


# Ported: test/parallel/test-timers-clear-timeout-interval-equivalent.js
async def test_clear_timeout_and_clear_interval_are_equivalent(autojump_clock: MockClock) -> None:
    fired = []
    async with open_loop():
        clear_interval(set_timeout(fired.append, 1, "t"))
        clear_timeout(set_interval(fired.append, 1, "i"))
    assert fired == []


# ---------------------------------------------------------------------------------------------
# ref / unref / has_ref


# Ported: test/parallel/test-timers-unref.js
async def test_unref_timers_do_not_hold_the_loop(autojump_clock: MockClock) -> None:
    fired: list[str] = []
    start = now_ms()
    async with open_loop():
        timer = set_timeout(lambda: None, 10)
        assert timer.has_ref() is True
        assert timer.unref().ref().unref() is timer
        assert timer.has_ref() is False
        set_interval(lambda: None, 10).unref().ref().unref()
        set_interval(fired.append, 10_000, "long interval").unref()
        set_timeout(fired.append, 10_000, "long timeout").unref()
        interval = set_interval(lambda: (fired.append("short interval"), interval.close()), 100)
        interval.unref()
        set_timeout(fired.append, 100, "short timeout").unref()
        checks = 0

        def check() -> None:
            nonlocal checks
            checks += 1
            if checks > 5:
                clear_interval(check_unref)

        check_unref = set_interval(check, 100)
    assert sorted(fired) == ["short interval", "short timeout"]
    assert now_ms() - start == 600


# Ported: test/parallel/test-timers-unrefd-interval-still-fires.js
async def test_unrefd_interval_still_fires_while_something_holds_the_loop(
    autojump_clock: MockClock,
) -> None:
    n = 3
    async with open_loop():
        keep_open = set_timeout(lambda: pytest.fail("timed out"), 1000)

        def tick() -> None:
            nonlocal n
            n -= 1
            if n == 0:
                clear_interval(timer)
                clear_timeout(keep_open)

        timer = set_interval(tick, 1)
        timer.unref()
    assert n == 0


# Ported: test/parallel/test-timers-immediate-unref.js
async def test_immediate_ref_and_unref(autojump_clock: MockClock) -> None:
    log: list[str] = []
    async with open_loop():
        immediate = set_immediate(lambda: None)
        assert immediate.has_ref() is True
        assert immediate.unref() is immediate
        assert immediate.has_ref() is False
        clear_immediate(immediate)

        def first_step() -> None:
            log.append("first")
            set_immediate(log.append, "unref'd, runs while the timer holds the loop").unref()
            set_timeout(lambda: set_immediate(second_step), 0)

        def second_step() -> None:
            log.append("second")

            def a() -> None:
                clear_immediate(imm_a)
                clear_immediate(imm_b)
                imm_a.ref()
                imm_b.ref()

            imm_a = set_immediate(a).unref()
            imm_b = set_immediate(log.append, "must not run").unref()
            set_immediate(final_step)

        def final_step() -> None:
            log.append("final")
            set_immediate(log.append, "must not run either").unref()

        set_immediate(first_step).ref().unref().unref().ref()
    assert log == [
        "first",
        "unref'd, runs while the timer holds the loop",
        "second",
        "final",
    ]


# ---------------------------------------------------------------------------------------------
# refresh


# Ported: test/parallel/test-timers-refresh.js
async def test_refresh_restarts_the_countdown(autojump_clock: MockClock) -> None:
    log: list[str] = []
    async with open_loop():
        timer = set_timeout(log.append, 1, "refreshed")
        timer.unref()
        set_timeout(log.append, 1, "plain")
        assert timer.refresh() is timer
    # refresh moved the unref'd timer behind the plain one; both were due in the same turn
    assert log == ["plain", "refreshed"]

    log.clear()
    async with open_loop():
        timer = set_timeout(log.append, 1, "refreshed")
        set_timeout(log.append, 1, "plain")
        assert timer.refresh() is timer
    assert log == ["plain", "refreshed"]

    log.clear()
    async with open_loop():
        called = 0

        def tick() -> None:
            nonlocal called
            called += 1
            log.append(f"interval {called}")
            if called == 2:
                clear_interval(interval)

        interval = set_interval(tick, 1)
        set_timeout(log.append, 1, "timeout")
        assert interval.refresh() is interval
    assert log == ["timeout", "interval 1", "interval 2"]


# Ported: test/parallel/test-timers-refresh-in-callback.js and the nextTick case of
# test-timers-refresh.js: a fired timer is re-armed by refresh, and holds the loop again.
async def test_refresh_in_or_after_the_callback_rearms(autojump_clock: MockClock) -> None:
    calls: list[float] = []
    start = now_ms()
    async with open_loop():

        def cb() -> None:
            calls.append(now_ms() - start)
            if len(calls) == 1:
                timer.refresh()

        timer = set_timeout(cb, 1)
    assert calls == [1, 2]

    calls.clear()
    start = now_ms()
    async with open_loop():

        def cb2() -> None:
            calls.append(now_ms() - start)
            if len(calls) == 1:
                queue_microtask(lambda: (timer2.refresh(), calls.append(timer2.has_ref())))

        timer2 = set_timeout(cb2, 1)
    assert calls == [1, True, 2]


async def test_refresh_of_a_cleared_timer_does_nothing(autojump_clock: MockClock) -> None:
    fired = []
    async with open_loop():
        timer = set_timeout(fired.append, 1, "x")
        timer.close()
        assert timer.refresh() is timer
    assert fired == []
    assert "cleared" in repr(timer)


# ---------------------------------------------------------------------------------------------
# Failures


# Ported: test/parallel/test-timers-interval-throw.js
async def test_interval_that_raises_keeps_going_until_cleared(autojump_clock: MockClock) -> None:
    count = 2
    errors_seen: list[str] = []
    async with open_loop() as loop:
        interval = set_interval(lambda: 1 / 0, 1)

        def on_uncaught(err: BaseException, origin: str) -> None:
            nonlocal count
            errors_seen.append(f"{type(err).__name__}:{origin}")
            count -= 1
            if count == 0:
                clear_interval(interval)

        loop.on("uncaughtException", on_uncaught)
    assert errors_seen == ["ZeroDivisionError:uncaughtException"] * 2


async def test_timer_failure_without_listener_propagates(autojump_clock: MockClock) -> None:
    with pytest.raises(ExceptionGroup) as info:
        async with open_loop():
            set_timeout(lambda: 1 / 0, 1)
            set_timeout(lambda: pytest.fail("must be cancelled"), 100)
    assert isinstance(info.value.exceptions[0], ZeroDivisionError)


async def test_queue_microtask_failure_is_uncaught_exception(autojump_clock: MockClock) -> None:
    seen = []
    async with open_loop() as loop:
        loop.on("uncaughtException", lambda e, o: seen.append((type(e).__name__, o)))
        queue_microtask(lambda: [][0])
    assert seen == [("IndexError", "uncaughtException")]


# ---------------------------------------------------------------------------------------------
# Threads and the fixture


async def test_timers_refuse_other_threads_but_queue_microtask_works(
    autojump_clock: MockClock,
) -> None:
    seen = []
    async with open_loop():

        def in_thread() -> None:
            with pytest.raises(RuntimeError, match="Trio thread"):
                set_timeout(print, 1)
            queue_microtask(lambda: seen.append(als.get_store()))

        await als.run("thread", trio.to_thread.run_sync, in_thread)
    assert seen == ["thread"]


async def test_clearing_from_another_thread_is_refused_and_changes_nothing(
    autojump_clock: MockClock,
) -> None:
    # Clearing changes the loop's bookkeeping, which lives in the Trio thread. Done from a
    # worker while the loop waits for that timer, it used to drop the timer without waking
    # the loop, which then waited forever. Now it is refused like the other timer calls.
    fired = []
    errors_seen: list[str] = []
    start = now_ms()
    async with open_loop():
        timeout = set_timeout(fired.append, 3000, "timeout")

        def in_thread() -> None:
            for clear in (clear_timeout, clear_interval, Timeout.close):
                try:
                    clear(timeout)
                except RuntimeError as exc:
                    errors_seen.append(str(exc))

        await trio.to_thread.run_sync(in_thread)

        # A pending immediate: hold the runner in a microtask while a thread tries.
        immediate = set_immediate(fired.append, "immediate")
        done = threading.Event()

        def clear_immediate_in_thread() -> None:
            try:
                clear_immediate(immediate)
            except RuntimeError as exc:
                errors_seen.append(str(exc))
            finally:
                done.set()

        def hold_the_runner() -> None:
            threading.Thread(target=clear_immediate_in_thread).start()
            assert done.wait(10)

        queue_microtask(hold_the_runner)
    assert now_ms() - start == 3000
    assert sorted(fired) == ["immediate", "timeout"]
    assert len(errors_seen) == 4
    assert all("Trio thread" in text for text in errors_seen)


async def test_ref_and_unref_from_another_thread_are_refused_and_change_nothing(
    autojump_clock: MockClock,
) -> None:
    # ref()/unref() move the loop's reference count, which lives in the Trio thread: from a
    # worker they are refused, and the handle's state must be exactly as before (a handle
    # marked referenced without the loop holding its reference would later release one the
    # loop never took).
    seen: list[tuple[str, bool]] = []
    errors_seen: list[str] = []
    async with open_loop():
        timeout = set_timeout(print, 50).unref()
        immediate = set_immediate(print).unref()
        done = threading.Event()

        def try_from_thread() -> None:
            try:
                for handle in (timeout, immediate):
                    for method in ("ref", "unref"):
                        was = handle.has_ref()
                        try:
                            getattr(handle, method)()
                        except RuntimeError as exc:
                            errors_seen.append(str(exc))
                        seen.append((type(handle).__name__, handle.has_ref() == was))
            finally:
                done.set()

        def hold_the_runner() -> None:
            threading.Thread(target=try_from_thread).start()
            assert done.wait(10)

        queue_microtask(hold_the_runner)
        await trio.sleep(0.01)
        timeout.ref()  # from the Trio thread it works, and the loop waits for it again
        assert timeout.has_ref() and not immediate.has_ref()
    # unref() of an unref'd handle is a no-op, so only ref() reaches the thread check.
    assert errors_seen and all("Trio thread" in text for text in errors_seen)
    assert len(errors_seen) == 2
    assert seen == [
        ("Timeout", True),
        ("Timeout", True),
        ("Immediate", True),
        ("Immediate", True),
    ]


async def test_clearing_after_the_loop_closed_works_from_any_thread() -> None:
    async with open_loop():
        timeout = set_timeout(print, 10).unref()
        immediate = set_immediate(print).unref()
    await trio.to_thread.run_sync(clear_timeout, timeout)
    await trio.to_thread.run_sync(clear_immediate, immediate)
    assert "cleared" in repr(timeout)


async def test_with_the_fixture(nodecompat_loop: Loop, autojump_clock: MockClock) -> None:
    fired = []
    set_timeout(fired.append, 1000, "done")
    await trio.sleep(2)
    assert fired == ["done"]
    assert "pending" not in repr(set_timeout(lambda: None, 1).close())


# Ported: test/async-hooks/test-async-local-storage-no-mix-contexts.js, with timers as Node's
async def test_stores_of_two_instances_do_not_mix_across_timers(autojump_clock: MockClock) -> None:
    als2: AsyncLocalStorage[dict[str, str]] = AsyncLocalStorage()
    checked: list[str] = []
    async with open_loop():

        def first() -> None:
            def in_both() -> None:
                store, store2 = als.get_store(), als2.get_store()
                store["hello"] = "world"
                store2["hello"] = "foo"

                def later() -> None:
                    assert als.get_store()["hello"] == "world"
                    assert als2.get_store()["hello"] == "foo"

                    def outside() -> None:
                        assert als.get_store() is None
                        assert als2.get_store()["hello"] == "foo"
                        checked.append("exit")

                    als.exit(outside)
                    assert als.get_store()["hello"] == "world"
                    checked.append("first")

                set_timeout(later, 200)

            als.run({}, als2.run, {}, in_both)

        def second() -> None:
            def body() -> None:
                als.get_store()["hello"] = "earth"

                def later() -> None:
                    assert als.get_store()["hello"] == "earth"
                    checked.append("second")

                set_timeout(later, 100)

            als.run({}, body)

        set_timeout(first, 100)
        set_timeout(second, 100)
    assert checked == ["second", "exit", "first"]
