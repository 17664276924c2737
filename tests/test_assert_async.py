"""rejects / does_not_reject: Node's test-assert-async.js, ported to Trio.

Node's promise is an awaitable here (a coroutine object or anything with ``__await__``), its
``promiseFn`` an async function. The suite runs with ``-W error`` and pytest's unraisable
warning as an error, so an awaitable left un-awaited on any path would fail these tests.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Generator
from typing import Any

import pytest
import trio
import trio.testing

import trio_nodecompat.assert_ as a
from trio_nodecompat import errors
from trio_nodecompat.assert_ import AssertionError


async def rejecting_fn() -> None:
    a.fail()


ERR_OBJ = {"code": "ERR_ASSERTION", "name": "AssertionError", "message": "Failed"}


class Awaitable:
    """Anything with ``__await__``: the analogue of Node's valid thenable."""

    def __init__(self, error: BaseException | None = None) -> None:
        self.error = error

    def __await__(self) -> Generator[Any, None, None]:
        if self.error is not None:
            raise self.error
        return
        yield


async def test_rejects_with_async_function_and_awaitable() -> None:
    await a.rejects(rejecting_fn, ERR_OBJ)
    await a.rejects(rejecting_fn(), ERR_OBJ)
    fail_error = Exception("FAIL")
    fail_error.code = "FAIL"  # type: ignore[attr-defined]
    await a.rejects(Awaitable(fail_error), {"code": "FAIL"})
    await a.rejects(Awaitable(fail_error), Exception)
    await a.rejects(Awaitable(fail_error), re.compile("FA"))
    await a.rejects(Awaitable(fail_error), lambda e: e is fail_error)


async def test_rejects_validation_function_message() -> None:
    err = Exception("foobar")

    async def reject() -> None:
        raise err

    def validate(e: BaseException) -> object:
        return "baz"

    with pytest.raises(AssertionError) as info:
        await a.rejects(reject(), validate)
    e = info.value
    assert str(e) == (
        'The "validate" validation function is expected to return "True". Received \'baz\''
        "\n\nCaught error:\n\nException: foobar"
    )
    assert (e.code, e.actual, e.expected, e.name, e.operator) == (
        "ERR_ASSERTION",
        err,
        validate,
        "AssertionError",
        "rejects",
    )


async def test_missing_expected_rejection() -> None:
    def must_not_call(e: BaseException) -> bool:
        raise RuntimeError("must not be called")

    async def resolves() -> None:
        pass

    for awaitable in (resolves, resolves(), Awaitable()):
        with pytest.raises(AssertionError) as info:
            await a.rejects(awaitable, must_not_call)
        assert str(info.value) == "Missing expected rejection (must_not_call)."
        assert info.value.operator == "rejects"
        assert info.value.code == "ERR_ASSERTION"
    with pytest.raises(AssertionError, match=r"^Missing expected rejection\.$"):
        await a.rejects(resolves)


async def test_rejects_invalid_return_value() -> None:
    with pytest.raises(errors.ERR_INVALID_RETURN_VALUE) as info:
        await a.rejects(lambda: None, ValueError)
    assert info.value.code == "ERR_INVALID_RETURN_VALUE"
    assert str(info.value) == (
        'Expected an awaitable to be returned from the "async_fn" function but got None.'
    )
    assert isinstance(info.value, TypeError)
    with pytest.raises(errors.ERR_INVALID_RETURN_VALUE) as info:
        await a.does_not_reject(lambda: {}, ValueError)
    assert str(info.value) == (
        'Expected an awaitable to be returned from the "async_fn" function but got type dict.'
    )


async def test_synchronous_raise_propagates() -> None:
    thrown = Exception()

    def fn() -> None:
        raise thrown

    with pytest.raises(Exception) as info:
        await a.rejects(fn, {})
    assert info.value is thrown


@pytest.mark.parametrize(
    ("value", "shown"), [("fail", "type str ('fail')"), (123, "type int (123)")]
)
async def test_invalid_async_fn(value: object, shown: str) -> None:
    for method in (a.rejects, a.does_not_reject):
        with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
            await method(value, {})
        assert str(info.value) == (
            'The "async_fn" argument must be of type function or an instance of Awaitable. '
            f"Received {shown}"
        )


async def test_rejects_messages_and_generated_flag() -> None:
    err = Exception()

    async def reject_with(value: BaseException) -> None:
        raise value

    with pytest.raises(AssertionError) as info:
        await a.rejects(reject_with(err), {"code": "FOO"})
    assert info.value.generated_message is True
    assert info.value.actual is err
    assert info.value.operator == "rejects"
    with pytest.raises(AssertionError) as info:
        await a.rejects(reject_with(err), {"code": "FOO"}, "AAAAA")
    assert info.value.generated_message is False
    assert str(info.value) == "AAAAA"
    assert info.value.actual is err


async def test_does_not_reject() -> None:
    async def resolves() -> None:
        pass

    await a.does_not_reject(resolves)
    await a.does_not_reject(resolves())
    await a.does_not_reject(Awaitable())

    def handler1(err: BaseException) -> bool:
        assert isinstance(err, AssertionError)
        assert err.code == "ERR_ASSERTION"
        assert str(err) == "Failed"
        return True

    for awaitable in (rejecting_fn, rejecting_fn()):
        with pytest.raises(AssertionError) as info:
            await a.does_not_reject(awaitable, handler1)
        assert str(info.value) == 'Got unwanted rejection.\nActual message: "Failed"'
        assert info.value.operator == "doesNotReject"

    def must_not_call(e: BaseException) -> bool:
        raise RuntimeError("must not be called")

    with pytest.raises(AssertionError) as info:
        await a.does_not_reject(lambda: a.fail(), must_not_call)
    assert str(info.value) == "Failed"  # a synchronous raise propagates as is


async def test_does_not_reject_rethrows_non_matching() -> None:
    async def boom() -> None:
        raise KeyError("k")

    with pytest.raises(KeyError):
        await a.does_not_reject(boom, ValueError)
    with pytest.raises(AssertionError, match="Got unwanted rejection: custom"):
        await a.does_not_reject(boom, KeyError, "custom")
    with pytest.raises(AssertionError, match="^Got unwanted rejection: msg"):
        await a.does_not_reject(boom, "msg")


async def test_really_waits_in_trio(autojump_clock: trio.testing.MockClock) -> None:
    async def slow_failure() -> None:
        await trio.sleep(5)
        raise ValueError("late")

    start = trio.current_time()
    await a.rejects(slow_failure, ValueError)
    assert trio.current_time() - start == pytest.approx(5)


async def test_cancellation_is_not_a_rejection(autojump_clock: trio.testing.MockClock) -> None:
    async def forever() -> None:
        await trio.sleep_forever()

    with trio.move_on_after(1) as scope:
        await a.rejects(forever)
    assert scope.cancelled_caught
    with trio.move_on_after(1) as scope:
        await a.does_not_reject(forever)
    assert scope.cancelled_caught


async def test_no_unawaited_coroutine_on_error_paths() -> None:
    async def resolves() -> None:
        pass

    async def rejects() -> None:
        raise ValueError("x")

    # Bad expectations are only checked after awaiting, as in Node.
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
        await a.rejects(rejects(), 5)
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
        await a.rejects(resolves(), 5)
    with pytest.raises(errors.ERR_INVALID_ARG_VALUE):
        await a.rejects(rejects(), {})
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
        await a.does_not_reject(rejects(), {"a": 1})
    await a.does_not_reject(resolves(), {"a": 1})
    with pytest.raises(errors.ERR_AMBIGUOUS_ARGUMENT):
        await a.rejects(rejects(), "x")
    gc.collect()  # any un-awaited coroutine would warn here, and -W error makes it fail


async def test_rejects_exception_group_and_base_exceptions() -> None:
    async def group() -> None:
        raise ExceptionGroup("many", [ValueError("a"), KeyError("b")])

    await a.rejects(group, ExceptionGroup)

    async def leave() -> None:
        raise SystemExit(2)

    with pytest.raises(SystemExit):
        await a.rejects(leave)
    await a.rejects(leave, SystemExit)
