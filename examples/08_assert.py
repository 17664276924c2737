"""assert in strict mode: the non-strict names behave like the strict ones.

Port of the article's ``08-assert.mjs``. ``does_not_reject`` is a Trio async function, so the
script runs under ``trio.run``.
"""

from __future__ import annotations

from collections.abc import Callable

import trio

from trio_nodecompat.assert_ import (
    AssertionError,
    deep_equal,
    deep_strict_equal,
    does_not_reject,
    ok,
    strict_equal,
)


def attempt(label: str, fn: Callable[[], object]) -> None:
    try:
        fn()
        print(label, "ok")
    except Exception as err:
        name = "AssertionError" if isinstance(err, AssertionError) else type(err).__name__
        print(label, name, getattr(err, "code", None))


async def main() -> None:
    attempt("strictEqual(1, 1)", lambda: strict_equal(1, 1))
    attempt('strictEqual(1, "1")', lambda: strict_equal(1, "1"))
    attempt("deepStrictEqual same", lambda: deep_strict_equal({"a": {"b": 1}}, {"a": {"b": 1}}))
    attempt("deepStrictEqual differ", lambda: deep_strict_equal({"a": {"b": 1}}, {"a": {"b": 2}}))
    attempt("ok(True)", lambda: ok(True))
    attempt("ok(False)", lambda: ok(False))
    assert deep_equal is deep_strict_equal  # strict mode: the loose name is the strict one

    async def resolves() -> None:
        pass

    await does_not_reject(resolves)
    print("doesNotReject(resolving) ok")

    async def rejecting() -> None:
        raise Exception("boom")

    try:
        await does_not_reject(rejecting)
    except AssertionError as err:
        print("doesNotReject(rejecting)", err.name, err.code)


if __name__ == "__main__":
    trio.run(main)
