"""``util.deprecate`` and ``util.debuglog``: Node's two diagnostics helpers.

``deprecate`` warns through Python's :mod:`warnings` (so warning filters, ``-W error`` and
``pytest.warns`` apply) with a :class:`DeprecationWarning` that carries Node's ``code``; like
Node it warns once per code (or once per wrapper without a code). ``debuglog`` writes
``SECTION pid: message`` to ``sys.stderr`` when ``NODE_DEBUG`` names the section, with Node's
matching (comma-separated, ``*`` wildcards, any case).
"""

from __future__ import annotations

import functools
import inspect as _pyinspect
import os
import re
import sys
import threading
import warnings
from collections.abc import Callable
from typing import Any, TypeVar

from ..errors import ERR_INVALID_ARG_TYPE
from ._format import format_with_options

__all__ = ["DebugLogger", "debuglog", "deprecate"]

F = TypeVar("F", bound=Callable[..., Any])

_warned_codes: set[str] = set()
_lock = threading.Lock()


def _first_time(code: str | None, state: list[bool]) -> bool:
    with _lock:
        if code is not None:
            if code in _warned_codes:
                return False
            _warned_codes.add(code)
            return True
        if state[0]:
            return False
        state[0] = True
        return True


def deprecate(fn: F, msg: str, code: str | None = None) -> F:
    """Wrap ``fn`` so its first call issues a :class:`DeprecationWarning` with ``msg``.

    With a ``code`` (Node's ``'DEP0001'`` style), the warning carries it as ``.code``, its
    text starts with ``[code]`` as Node prints it, and it is issued once for all wrappers
    sharing the code; without one, once per wrapper. ``async def`` functions stay async.
    """
    if not callable(fn):
        raise ERR_INVALID_ARG_TYPE("fn", "function", fn)
    if code is not None and not isinstance(code, str):
        raise ERR_INVALID_ARG_TYPE("code", "string", code)
    state = [False]

    def warn() -> None:
        if _first_time(code, state):
            warning = DeprecationWarning(f"[{code}] {msg}" if code else msg)
            warning.code = code  # type: ignore[attr-defined]
            warnings.warn(warning, stacklevel=3)

    wrapper: Callable[..., Any]
    if _pyinspect.iscoroutinefunction(fn):

        async def async_deprecated(*args: Any, **kwargs: Any) -> Any:
            warn()
            return await fn(*args, **kwargs)

        wrapper = async_deprecated
    else:

        def deprecated(*args: Any, **kwargs: Any) -> Any:
            warn()
            return fn(*args, **kwargs)

        wrapper = deprecated
    functools.update_wrapper(wrapper, fn)
    return wrapper  # type: ignore[return-value]


def _enabled(section: str) -> bool:
    """Node's ``NODE_DEBUG`` test: ``*`` wildcards, commas, whole-name match, any case."""
    spec = os.environ.get("NODE_DEBUG", "")
    if not spec:
        return False
    escaped = re.sub(r"[|\\{}()\[\]^$+?.]", lambda m: "\\" + m.group(), spec)
    pattern = "^" + escaped.replace("*", ".*").replace(",", "$|^") + "$"
    return re.match(pattern, section, re.IGNORECASE) is not None


class DebugLogger:
    """The function ``debuglog(section)`` returns: ``logger(fmt, *args)``.

    Whether it logs is decided on first use from ``NODE_DEBUG`` (as Node decides at the
    first call), and then fixed; ``logger.enabled`` tells.
    """

    __slots__ = ("_section", "_callback", "_enabled")

    def __init__(self, section: str, callback: Callable[[Callable[..., None]], object] | None):
        self._section = section
        self._callback = callback
        self._enabled: bool | None = None

    @property
    def enabled(self) -> bool:
        """Whether ``NODE_DEBUG`` names this section."""
        if self._enabled is None:
            self._enabled = _enabled(self._section)
        return self._enabled

    def __call__(self, *args: object) -> None:
        """Write ``SECTION pid: <util.format(*args)>`` to ``sys.stderr`` if enabled."""
        first = self._enabled is None
        if self.enabled:
            stream = sys.stderr
            colors = bool(getattr(stream, "isatty", lambda: False)())
            message = format_with_options({"colors": colors}, *args)
            stream.write(f"{self._section.upper()} {os.getpid()}: {message}\n")
        if first and self._callback is not None:
            callback, self._callback = self._callback, None
            callback(self)


def debuglog(
    section: str, callback: Callable[[Callable[..., None]], object] | None = None
) -> DebugLogger:
    """Node's ``util.debuglog(section[, callback])`` (also ``util.debug``).

    ``callback`` is called once, at the first log call, with the logging function.
    """
    if not isinstance(section, str):
        raise ERR_INVALID_ARG_TYPE("section", "string", section)
    return DebugLogger(section, callback)
