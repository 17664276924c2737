"""What the ports of Node's stream tests share: ``common.mustCall`` and friends.

Node's tests wrap callbacks in ``common.mustCall(fn, n)`` and check at process exit that each
was called exactly ``n`` times. Here a :class:`Must` (the ``must`` fixture) hands out such
wrappers and checks them after the test has run (its loop closed), so a callback that never
comes fails the test as it fails Node's. The port modules load ``stream_node_plugin`` (the
``must`` fixture) with ``pytest_plugins``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["Must"]


class _Counted:
    def __init__(self, fn: Callable[..., Any] | None, expected: int | None, where: str) -> None:
        self.fn = fn
        self.expected = expected
        self.where = where
        self.calls: list[tuple[Any, ...]] = []

    def __call__(self, *args: Any) -> Any:
        self.calls.append(args)
        if self.expected == 0:
            raise AssertionError(f"{self.where}: must not be called, got {args!r}")
        return self.fn(*args) if self.fn is not None else None


class Must:
    """A registry of call-count expectations, checked by :meth:`verify`."""

    def __init__(self) -> None:
        self._all: list[_Counted] = []

    def call(self, fn: Callable[..., Any] | None = None, n: int = 1) -> Callable[..., Any]:
        """``common.mustCall(fn, n)``: ``fn`` must be called exactly ``n`` times."""
        counted = _Counted(fn, n, getattr(fn, "__name__", "callback"))
        self._all.append(counted)
        return counted

    def call_at_least(self, fn: Callable[..., Any] | None = None, n: int = 1) -> Callable[..., Any]:
        """``common.mustCallAtLeast(fn, n)``."""
        counted = _Counted(fn, None, getattr(fn, "__name__", "callback"))
        counted.expected = -n
        self._all.append(counted)
        return counted

    def not_call(self, what: str = "callback") -> Callable[..., Any]:
        """``common.mustNotCall()``: raises (an uncaught exception on the loop) if called."""
        counted = _Counted(None, 0, what)
        self._all.append(counted)
        return counted

    def verify(self) -> None:
        for c in self._all:
            n = len(c.calls)
            if c.expected is not None and c.expected < 0:
                assert n >= -c.expected, (
                    f"{c.where}: called {n} times, expected at least {-c.expected}"
                )
            else:
                assert n == c.expected, f"{c.where}: called {n} times, expected {c.expected}"
