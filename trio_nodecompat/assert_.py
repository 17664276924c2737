"""``node:assert`` in strict mode (``assert`` is a Python keyword, hence ``assert_``).

The loose names (``equal``, ``not_equal``, ``deep_equal``, ``not_deep_equal``) are the strict
functions themselves, as in ``assert.strict``; ``strict`` is this module again. Failures raise
:class:`AssertionError`, a subclass of Python's, so pytest reports them as failed assertions.
``rejects`` and ``does_not_reject`` are Trio async functions taking an async function or an
awaitable. ``util.is_deep_strict_equal`` uses the same deep-equality engine.
"""

from __future__ import annotations

import sys
from types import ModuleType

from ._assert_impl import (
    deep_strict_equal,
    does_not_match,
    does_not_reject,
    does_not_throw,
    fail,
    if_error,
    match,
    not_deep_strict_equal,
    not_strict_equal,
    ok,
    partial_deep_strict_equal,
    rejects,
    strict_equal,
    throws,
)
from ._assertion_error import AssertionError

__all__ = [
    "AssertionError",
    "deep_equal",
    "deep_strict_equal",
    "does_not_match",
    "does_not_reject",
    "does_not_throw",
    "equal",
    "fail",
    "if_error",
    "match",
    "not_deep_equal",
    "not_deep_strict_equal",
    "not_equal",
    "not_strict_equal",
    "ok",
    "partial_deep_strict_equal",
    "rejects",
    "strict",
    "strict_equal",
    "throws",
]

# Report the public home (pytest shows "trio_nodecompat.assert_.AssertionError"), as Trio does.
AssertionError.__module__ = __name__
for _fn in (
    deep_strict_equal,
    does_not_match,
    does_not_reject,
    does_not_throw,
    fail,
    if_error,
    match,
    not_deep_strict_equal,
    not_strict_equal,
    ok,
    partial_deep_strict_equal,
    rejects,
    strict_equal,
    throws,
):
    _fn.__module__ = __name__
del _fn

#: Strict mode: ``equal`` is :func:`strict_equal`.
equal = strict_equal
#: Strict mode: ``not_equal`` is :func:`not_strict_equal`.
not_equal = not_strict_equal
#: Strict mode: ``deep_equal`` is :func:`deep_strict_equal`.
deep_equal = deep_strict_equal
#: Strict mode: ``not_deep_equal`` is :func:`not_deep_strict_equal`.
not_deep_equal = not_deep_strict_equal

#: ``assert.strict``: this module again (every function here is already the strict one).
strict: ModuleType = sys.modules[__name__]
