"""util.promisify: Node's test-util-promisify.js cases, plus the Trio-specific hand-offs.

The callback may fire synchronously, from another task, or from another thread; cancellation
abandons the wait and a late callback is ignored.
"""

from __future__ import annotations

import inspect
import os
import threading

import pytest
import trio
import trio.testing

from trio_nodecompat import errors
from trio_nodecompat.util import promisify, types

# --------------------------------------------------------------------------------------------
# Node's cases


async def test_custom_attribute_is_returned_as_is() -> None:
    def fn(callback: object) -> None: ...

    async def promisified_fn() -> None: ...

    setattr(fn, promisify.custom, promisified_fn)
    assert promisify(fn) is promisified_fn
    assert promisify(promisify(fn)) is promisified_fn


def test_custom_is_a_string_attribute_name() -> None:
    assert isinstance(promisify.custom, str)
    assert promisify.custom.isidentifier()


def test_custom_that_is_not_callable_is_refused() -> None:
    def fn() -> None: ...

    setattr(fn, promisify.custom, 42)
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
        promisify(fn)
    assert info.value.code == "ERR_INVALID_ARG_TYPE"
    assert isinstance(info.value, TypeError)


async def test_extra_callback_values_are_dropped() -> None:
    def fn(callback):  # type: ignore[no-untyped-def]
        callback(None, "foo", "bar")

    assert await promisify(fn)() == "foo"


@pytest.mark.parametrize("call", [lambda cb: cb(None), lambda cb: cb()], ids=["null", "none"])
async def test_no_value_resolves_to_none(call: object) -> None:
    def fn(callback):  # type: ignore[no-untyped-def]
        call(callback)  # type: ignore[operator]

    assert await promisify(fn)() is None


async def test_arguments_come_before_the_callback() -> None:
    def fn(err, val, callback):  # type: ignore[no-untyped-def]
        callback(err, val)

    assert await promisify(fn)(None, 42) == 42
    with pytest.raises(ValueError, match="oops"):
        await promisify(fn)(ValueError("oops"), None)


async def test_method_binding_keeps_self() -> None:
    class Obj:
        def raw(self, cb):  # type: ignore[no-untyped-def]
            cb(None, self)

        fn = promisify(raw)

    o = Obj()
    assert await o.fn() is o


async def test_second_callback_call_is_ignored() -> None:
    err = ValueError("Should not have called the callback with the error.")

    def fn(cb):  # type: ignore[no-untyped-def]
        cb(None)
        cb(err)

    assert await promisify(fn)() is None
    await trio.lowlevel.checkpoint()
    assert err.__traceback__ is None  # it was never raised


def test_promisify_of_promisified_is_the_same_function() -> None:
    def c() -> None: ...

    a = promisify(lambda: None)
    b = promisify(a)
    assert c is not a
    assert a is b


async def test_synchronous_raise_propagates() -> None:
    to_throw = RuntimeError()

    def thrower(a, b, c, cb):  # type: ignore[no-untyped-def]
        raise to_throw

    with pytest.raises(RuntimeError) as info:
        await promisify(thrower)(1, 2, 3)
    assert info.value is to_throw


async def test_callback_error_and_thrown_error_are_the_same_object() -> None:
    err = RuntimeError()

    def via_callback(cb):  # type: ignore[no-untyped-def]
        cb(err)

    def via_raise(cb):  # type: ignore[no-untyped-def]
        raise err

    with pytest.raises(RuntimeError) as a:
        await promisify(via_callback)()
    with pytest.raises(RuntimeError) as b:
        await promisify(via_raise)()
    assert a.value is err
    assert b.value is err


@pytest.mark.parametrize("value", [None, True, 0, "str", {}, [], object()])
def test_non_callables_are_refused(value: object) -> None:
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
        promisify(value)  # type: ignore[arg-type]
    assert str(info.value).startswith('The "original" argument must be of type function.')


async def test_promisify_of_a_real_callback_api() -> None:
    """Node promisifies fs.stat; os.stat wrapped in callback style plays that part."""

    def stat(path, callback):  # type: ignore[no-untyped-def]
        try:
            result = os.stat(path)
        except OSError as exc:
            callback(exc)
        else:
            callback(None, result)

    assert await promisify(stat)(__file__) == os.stat(__file__)
    with pytest.raises(FileNotFoundError):
        await promisify(stat)("/dontexist")


# Newer than v20: the DEP0174 warning of the three tests below is a runtime deprecation since
# Node 21.0.0 (documentation-only in 20.8); Node v20.11.1 promisifies an async function
# silently (checked with node 20). The package follows the newer Node; that the coroutine still
# runs is Python's need.
async def test_async_original_warns_dep0174_and_still_runs() -> None:
    async def original(callback):  # type: ignore[no-untyped-def]
        callback(None, "ran")

    with pytest.warns(DeprecationWarning, match="likely a mistake"):
        assert await promisify(original)() == "ran"


async def test_async_original_that_never_calls_back_waits_until_cancelled() -> None:
    async def original(callback):  # type: ignore[no-untyped-def]
        return None

    with trio.move_on_after(0.01) as scope:
        with pytest.warns(DeprecationWarning):
            await promisify(original)()
    assert scope.cancelled_caught


def test_async_original_under_warnings_as_errors_leaves_nothing_unawaited() -> None:
    async def original(callback):  # type: ignore[no-untyped-def]
        callback(None, 1)

    async def main() -> None:
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("error")
            with pytest.raises(DeprecationWarning):
                await promisify(original)()

    trio.run(main)  # a never-awaited coroutine would fail the test (-W error)


# --------------------------------------------------------------------------------------------
# Error values that are not exceptions


async def test_non_exception_error_is_wrapped_with_reason() -> None:
    def fn(cb):  # type: ignore[no-untyped-def]
        cb("boom")

    with pytest.raises(errors.ERR_NON_EXCEPTION_REJECTION) as info:
        await promisify(fn)()
    assert info.value.reason == "boom"
    assert info.value.code == "ERR_NON_EXCEPTION_REJECTION"
    assert str(info.value) == "Promise was rejected with a non-exception value: 'boom'"


@pytest.mark.parametrize("falsy", [None, False, 0, "", 0.0])
async def test_falsy_error_value_resolves_as_node(falsy: object) -> None:
    """Node rejects only when ``err`` is truthy; truthiness is Python's here."""

    def fn(cb):  # type: ignore[no-untyped-def]
        cb(falsy, "value")

    assert await promisify(fn)() == "value"


# --------------------------------------------------------------------------------------------
# The result is an async function Trio recognises


def test_result_is_an_async_def_function() -> None:
    def read(path, flags, callback):  # type: ignore[no-untyped-def]
        """Read a thing."""

    p = promisify(read)
    assert inspect.iscoroutinefunction(p)
    assert types.is_async_function(p)
    assert p.__name__ == "read"
    assert p.__doc__ == "Read a thing."
    assert str(inspect.signature(p)) == "(path, flags)"


async def test_start_soon_accepts_the_result() -> None:
    results = []

    def fn(x, cb):  # type: ignore[no-untyped-def]
        cb(None, x * 2)

    async def worker(x: int) -> None:
        results.append(await promisify(fn)(x))

    async with trio.open_nursery() as nursery:
        nursery.start_soon(worker, 1)
        nursery.start_soon(promisify(fn), 2)
    assert results == [2]


async def test_keyword_arguments_pass_through() -> None:
    def fn(a, cb, *, scale=1):  # type: ignore[no-untyped-def]
        cb(None, a * scale)

    assert await promisify(fn)(3, scale=5) == 15


# --------------------------------------------------------------------------------------------
# Where the callback fires from


async def test_callback_from_another_task() -> None:
    async with trio.open_nursery() as nursery:

        def fn(value, cb):  # type: ignore[no-untyped-def]
            async def later() -> None:
                await trio.sleep(0)
                cb(None, value + 1)

            nursery.start_soon(later)

        assert await promisify(fn)(41) == 42


async def test_error_from_another_task() -> None:
    async with trio.open_nursery() as nursery:

        def fn(cb):  # type: ignore[no-untyped-def]
            async def later() -> None:
                await trio.sleep(0)
                cb(KeyError("late"))

            nursery.start_soon(later)

        with pytest.raises(KeyError):
            await promisify(fn)()


async def test_callback_from_a_foreign_thread() -> None:
    threads = []

    def fn(value, cb):  # type: ignore[no-untyped-def]
        t = threading.Thread(target=cb, args=(None, value * 2))
        threads.append(t)
        t.start()

    assert await promisify(fn)(21) == 42
    threads[0].join()


async def test_callback_from_a_thread_before_fn_returns() -> None:
    """The thread calls back while fn is still running: the hand-off waits in the queue."""

    def fn(cb):  # type: ignore[no-untyped-def]
        t = threading.Thread(target=cb, args=(None, "early"))
        t.start()
        t.join()

    assert await promisify(fn)() == "early"


async def test_callback_from_a_trio_worker_thread() -> None:
    async with trio.open_nursery() as nursery:

        def fn(cb):  # type: ignore[no-untyped-def]
            nursery.start_soon(trio.to_thread.run_sync, cb, None, "from worker")

        assert await promisify(fn)() == "from worker"


async def test_many_threads_racing_only_first_counts() -> None:
    barrier = threading.Barrier(8)
    threads = []

    def fn(cb):  # type: ignore[no-untyped-def]
        def shoot(i: int) -> None:
            barrier.wait()
            cb(None, i)

        for i in range(8):
            t = threading.Thread(target=shoot, args=(i,))
            threads.append(t)
            t.start()

    assert await promisify(fn)() in range(8)
    for t in threads:
        t.join()


async def test_awaiting_from_a_worker_thread_call() -> None:
    """A promisified function awaited in a task, its callback from trio.from_thread."""

    token = trio.lowlevel.current_trio_token()
    threads = []

    def fn(cb):  # type: ignore[no-untyped-def]
        def in_thread() -> None:
            trio.from_thread.run_sync(cb, None, "via from_thread", trio_token=token)

        t = threading.Thread(target=in_thread)
        threads.append(t)
        t.start()

    async with trio.open_nursery() as nursery:
        result = []

        async def waiter() -> None:
            result.append(await promisify(fn)())

        nursery.start_soon(waiter)
    assert result == ["via from_thread"]
    threads[0].join()


# --------------------------------------------------------------------------------------------
# Cancellation


async def test_cancellation_stops_the_wait_and_late_callback_is_ignored() -> None:
    saved = []

    def fn(cb):  # type: ignore[no-untyped-def]
        saved.append(cb)

    with trio.move_on_after(0.01) as scope:
        await promisify(fn)()
    assert scope.cancelled_caught
    saved[0](None, "late")  # no error, nothing happens
    saved[0](ValueError("late error"))
    await trio.testing.wait_all_tasks_blocked()


async def test_late_callback_from_thread_after_cancel_is_ignored() -> None:
    saved = []

    def fn(cb):  # type: ignore[no-untyped-def]
        saved.append(cb)

    with trio.CancelScope() as scope:
        scope.cancel()
        # Already cancelled: fn is not even called.
        await promisify(fn)()
    assert saved == []

    with trio.move_on_after(0.001):
        await promisify(fn)()
    t = threading.Thread(target=saved[0], args=(None, 1))
    t.start()
    t.join()
    await trio.testing.wait_all_tasks_blocked()


async def test_sync_callback_result_survives_a_pending_cancel_after_it_fired() -> None:
    """The operation happened before the checkpoint, so its result is reported."""
    scope_holder: list[trio.CancelScope] = []

    def fn(cb):  # type: ignore[no-untyped-def]
        scope_holder[0].cancel()
        cb(None, "done")

    with trio.CancelScope() as scope:
        scope_holder.append(scope)
        assert await promisify(fn)() == "done"
    assert not scope.cancelled_caught


async def test_promisified_call_is_a_checkpoint() -> None:
    """Trio's rule: an async library call is a schedule point and a cancel point."""

    def sync(cb):  # type: ignore[no-untyped-def]
        cb(None, None)

    def later(cb):  # type: ignore[no-untyped-def]
        nursery.start_soon(_call_soon, cb)

    async def _call_soon(cb):  # type: ignore[no-untyped-def]
        cb(None, None)

    async with trio.open_nursery() as nursery:
        with trio.testing.assert_checkpoints():
            await promisify(sync)()
        with trio.testing.assert_checkpoints():
            await promisify(later)()


def test_late_callback_after_the_run_finished_is_ignored() -> None:
    saved = []

    def fn(cb):  # type: ignore[no-untyped-def]
        saved.append(cb)

    async def main() -> None:
        with trio.move_on_after(0.001):
            await promisify(fn)()

    trio.run(main)
    t = threading.Thread(target=saved[0], args=(None, 1))
    t.start()
    t.join()
    saved[0](None, 2)  # same thread, run over


async def test_raise_after_calling_back_still_propagates() -> None:
    """Node would drop it (the promise already settled); nothing is swallowed here."""

    def fn(cb):  # type: ignore[no-untyped-def]
        cb(None, "value")
        raise RuntimeError("after the callback")

    with pytest.raises(RuntimeError, match="after the callback"):
        await promisify(fn)()


async def test_callback_after_fn_raised_is_harmless() -> None:
    threads = []

    def fn(cb):  # type: ignore[no-untyped-def]
        t = threading.Thread(target=cb, args=(None, 1))
        threads.append(t)
        t.start()
        raise KeyError("sync failure")

    with pytest.raises(KeyError):
        await promisify(fn)()
    threads[0].join()
    await trio.testing.wait_all_tasks_blocked()
