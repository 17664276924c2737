"""``AbortController`` and ``AbortSignal``: Node's way to say "stop" to an operation.

A signal is an :class:`EventTarget` that aborts once, with a reason, dispatching one trusted
``'abort'`` event. Three kinds come from the class itself:

- ``AbortSignal.abort(reason)``: born aborted.
- ``AbortSignal.timeout(ms)``: aborted by an ``unref()``'d timer of the current loop with a
  ``TimeoutError`` :class:`DOMException`, so it never keeps the loop open; if the loop's
  block ends first, it never aborts (as a Node process exits). It needs a loop: outside one
  it raises :class:`~trio_nodecompat.errors.NoLoopError`. The timer holds the signal weakly,
  so a dropped signal is collected and its timer cleared, except while the signal has
  ``'abort'`` listeners.
- ``AbortSignal.any(signals)``: a *composite* that aborts with the first of its sources.

Composite signals and memory: each source keeps its dependents through weak references, so a
long-lived signal (a server's shutdown signal) combined into a composite per request does not
keep every composite alive; a composite holds its sources strongly (what can abort it must
live as long as it does, or ``AbortSignal.any([AbortSignal.timeout(5)])`` would lose its
timeout). A composite that has ``'abort'`` listeners is also held strongly by its sources (and
by the timer of a timeout source) until it aborts or loses its listeners, so a listener on an
otherwise unreferenced composite still runs (Node's rule). When a composite aborts it unlinks
itself from its sources at once; a collected composite's entries go by weak-reference
callback, at once in CPython.
"""

from __future__ import annotations

import itertools
import threading
import weakref
from collections.abc import Callable, Iterable
from contextvars import copy_context
from typing import TYPE_CHECKING, Any, Self

from ._dom_exception import DOMException
from ._event_target import Event, EventTarget, _inspect_as, _Listener
from ._internal.validators import validate_uint32
from .errors import ERR_ILLEGAL_CONSTRUCTOR, ERR_INVALID_ARG_TYPE, AbortError

if TYPE_CHECKING:
    from ._timers import Timeout

__all__ = ["AbortController", "AbortSignal", "abort_signal"]

_keys = itertools.count()


def _default_reason() -> DOMException:
    return DOMException("This operation was aborted", "AbortError")


class _EventHandler:
    """What an ``on<event>`` attribute registers: calls the handler currently assigned."""

    __slots__ = ("handler",)

    def __init__(self, handler: Callable[[Event], object]) -> None:
        self.handler = handler

    def __call__(self, event: Event) -> object:
        return self.handler(event)


class _TimeoutFire:
    """The callback of a timeout signal's timer: holds the signal weakly.

    ``held`` keeps strong references while something listens: the signal itself (key
    ``-1``) while it has ``'abort'`` listeners, and each composite depending on it that has
    some (the composite holds the signal). The loop holds the timer, so a listened-to
    timeout signal stays alive until it fires.
    """

    __slots__ = ("ref", "held")

    def __init__(self, signal: AbortSignal) -> None:
        self.ref = weakref.ref(signal)
        self.held: dict[int, AbortSignal] = {}

    def __call__(self) -> None:
        signal = self.ref()
        self.held.clear()
        if signal is not None:
            abort_signal(
                signal, DOMException("The operation was aborted due to timeout", "TimeoutError")
            )


class AbortSignal(EventTarget):
    """Node's ``AbortSignal``: ``aborted``, ``reason``, an ``'abort'`` event, ``onabort``.

    Not constructed directly (``ERR_ILLEGAL_CONSTRUCTOR``): get one from an
    :class:`AbortController` or from :meth:`abort`, :meth:`timeout`, :meth:`any`.
    """

    __slots__ = (
        "_aborted",
        "_reason",
        "_onabort",
        "_dependents",
        "_held",
        "_links",
        "_fire",
    )

    _aborted: bool
    _reason: Any
    _onabort: _Listener | None
    #: Composites depending on this signal: key -> weak reference (in creation order).
    _dependents: dict[int, weakref.ref[AbortSignal]] | None
    #: Composites pinned by their 'abort' listeners: key -> the composite.
    _held: dict[int, AbortSignal] | None
    #: For a composite: its sources (held strongly: a composite keeps what can abort it
    #: alive, while the sources hold it weakly) and its key in each.
    _links: list[tuple[AbortSignal, int]] | None
    _fire: _TimeoutFire | None

    def __init__(self) -> None:
        raise ERR_ILLEGAL_CONSTRUCTOR()

    @classmethod
    def _create(cls) -> Self:
        signal = cls.__new__(cls)
        signal._aborted = False
        signal._reason = None
        signal._onabort = None
        signal._dependents = None
        signal._held = None
        signal._links = None
        signal._fire = None
        return signal

    # ----------------------------------------------------------------------------------------
    # State

    @property
    def aborted(self) -> bool:
        """Whether the signal has aborted."""
        return self._aborted

    @property
    def reason(self) -> Any:
        """Why it aborted (``None`` while it has not)."""
        return self._reason

    def throw_if_aborted(self) -> None:
        """Raise the reason if the signal has aborted; otherwise do nothing.

        A reason that is an exception is raised as it is (Node throws the reason itself); a
        reason that is not (a string, a number) cannot be raised in Python, so
        :class:`~trio_nodecompat.errors.AbortError` is raised with it as ``cause``.
        """
        if self._aborted:
            reason = self._reason
            if isinstance(reason, BaseException):
                raise reason
            raise AbortError(cause=reason)

    @property
    def onabort(self) -> Callable[[Event], object] | None:
        """The ``'abort'`` event handler attribute: one callable, or ``None``.

        Assigning replaces the handler in its place among the listeners; assigning ``None``
        removes it (a later handler is added at the end), as the DOM specifies.
        """
        record = self._onabort
        if record is None or record.removed:
            return None
        fn: Callable[[Event], object] = record.listener.handler
        return fn

    @onabort.setter
    def onabort(self, value: Callable[[Event], object] | None) -> None:
        if value is not None and not callable(value):
            raise ERR_INVALID_ARG_TYPE("onabort", ["function", "None"], value)
        record = self._onabort
        if record is not None and not record.removed:
            if value is not None:
                record.listener.handler = value
                return
            self._remove_record("abort", record)
            self._onabort = None
            return
        if value is not None:
            self._onabort = self._add("abort", _EventHandler(value), False, False, False, False, 2)

    # ----------------------------------------------------------------------------------------
    # The three factories

    @classmethod
    def abort(cls, reason: object = None) -> AbortSignal:
        """A signal born aborted with ``reason`` (default: an ``AbortError`` DOMException)."""
        signal = AbortSignal._create()
        signal._aborted = True
        signal._reason = _default_reason() if reason is None else reason
        return signal

    @classmethod
    def timeout(cls, delay: int) -> AbortSignal:
        """A signal that aborts after ``delay`` ms with a ``TimeoutError`` DOMException.

        Its timer is a timer of the current loop, ``unref()``'d: it does not keep the loop
        open, and if the loop's block ends first the signal never aborts. Outside a loop,
        :class:`~trio_nodecompat.errors.NoLoopError`. ``delay`` is an integer in
        ``[0, 2**32 - 1]`` (``ERR_INVALID_ARG_TYPE`` / ``ERR_OUT_OF_RANGE``), clamped as timers
        clamp theirs.
        """
        from ._timers import Timeout, _loop_for, clamp_delay

        ms = validate_uint32(delay, "delay")
        loop = _loop_for("AbortSignal.timeout()")
        after = clamp_delay(ms, stacklevel=3)
        signal = AbortSignal._create()
        fire = signal._fire = _TimeoutFire(signal)
        timer = Timeout(loop, fire, after, False, (), copy_context())
        timer.unref()
        # The timer holds the signal weakly; a collected signal clears its timer at once.
        thread_id = loop._thread_id
        fire.ref = weakref.ref(signal, lambda _: _clear_timer(timer, thread_id))
        return signal

    @classmethod
    def any(cls, signals: Iterable[AbortSignal]) -> AbortSignal:
        """A signal that aborts when the first of ``signals`` does, with its reason.

        If one has already aborted, the result is born aborted with the first such reason.
        Each element must be an :class:`AbortSignal` (``ERR_INVALID_ARG_TYPE`` naming
        ``signals[i]``), checked before anything is linked. The sources hold the result
        weakly (see the module docs).
        """
        given: object = signals
        if isinstance(given, str | bytes) or not isinstance(given, Iterable):
            raise ERR_INVALID_ARG_TYPE("signals", "Iterable", given)
        items: list[object] = list(given)
        for i, item in enumerate(items):
            if not isinstance(item, AbortSignal):
                raise ERR_INVALID_ARG_TYPE(f"signals[{i}]", "AbortSignal", item)
        checked: list[AbortSignal] = [i for i in items if isinstance(i, AbortSignal)]
        result = AbortSignal._create()
        for item in checked:
            if item._aborted:
                result._aborted = True
                result._reason = item._reason
                result._unlink()
                return result
        links: list[tuple[AbortSignal, int]] = []
        seen: set[int] = set()
        # The sources hold this reference; its callback unlinks a collected composite.
        own = weakref.ref(result, lambda _: _drop_links(links))
        for item in checked:
            sources = [item] if item._links is None else item._sources()
            for source in sources:
                if id(source) in seen:
                    continue
                seen.add(id(source))
                key = next(_keys)
                if source._dependents is None:
                    source._dependents = {}
                source._dependents[key] = own
                links.append((source, key))
        result._links = links
        return result

    def _sources(self) -> list[AbortSignal]:
        """A composite's sources."""
        return [source for source, _ in self._links or ()]

    # ----------------------------------------------------------------------------------------
    # Keeping a listened-to signal alive

    def _listener_added(self, type: str, size: int) -> None:
        if type == "abort" and size == 1 and not self._aborted:
            self._pin(True)

    def _listener_removed(self, type: str, size: int) -> None:
        if type == "abort" and size == 0:
            self._pin(False)

    def _pin(self, on: bool) -> None:
        """Hold (or stop holding) this signal from what would abort it, while it has listeners."""
        fire = self._fire
        if fire is not None:
            if on:
                fire.held[-1] = self
            else:
                fire.held.pop(-1, None)
        for source, key in self._links or ():
            # A source that is a timeout is held by its timer: hold this composite from
            # there too, or the pair would only be reachable from each other.
            source_fire = source._fire
            if on:
                if source._held is None:
                    source._held = {}
                source._held[key] = self
                if source_fire is not None:
                    source_fire.held[key] = self
            else:
                if source._held is not None:
                    source._held.pop(key, None)
                if source_fire is not None:
                    source_fire.held.pop(key, None)

    def _unlink(self) -> None:
        """Forget the sources (this composite has aborted): nothing holds it any more."""
        links, self._links = self._links, None
        if links:
            _drop_links(links)
        fire = self._fire
        if fire is not None:
            fire.held.clear()

    def nodejs_util_inspect_custom(
        self, depth: float | None, options: dict[str, Any], inspect: Callable[..., str]
    ) -> str:
        """What :func:`trio_nodecompat.util.inspect` shows: ``AbortSignal { aborted: False }``."""
        if depth is not None and depth < 0:
            return f"[{type(self).__name__}]"
        return _inspect_as(type(self).__name__, {"aborted": self._aborted}, depth, options, inspect)

    def __repr__(self) -> str:
        return f"<AbortSignal aborted={self._aborted}>"


def _drop_links(links: list[tuple[AbortSignal, int]]) -> None:
    for source, key in links:
        if source._dependents is not None:
            source._dependents.pop(key, None)
        if source._held is not None:
            source._held.pop(key, None)
        if source._fire is not None:
            source._fire.held.pop(key, None)


def _clear_timer(timer: Timeout, thread_id: int) -> None:
    # A weak-reference callback may run wherever the last reference died; timers are not
    # thread-safe, and an unref'd timer that stays pending is harmless (the loop does not
    # wait for it).
    if threading.get_ident() == thread_id:
        timer.close()


def abort_signal(signal: AbortSignal, reason: object) -> None:
    """Abort ``signal``, then the composites depending on it (Node 20's order).

    The signal is marked aborted and dispatches its ``'abort'`` event; then each dependent
    composite, in the order they were created, is marked aborted with the same reason and
    dispatches its own (so a dependent's listeners see later dependents not yet aborted, as in
    Node 20). Listener failures go to the loop; with none open they are raised here after
    every event was dispatched.
    """
    errors: list[BaseException] = []
    _abort_collecting(signal, reason, errors)
    if errors:
        from ._event_target import _raise_collected

        _raise_collected(errors, "abort")


def _abort_collecting(signal: AbortSignal, reason: object, errors: list[BaseException]) -> None:
    if signal._aborted:
        return
    signal._aborted = True
    signal._reason = reason
    dependents, signal._dependents = signal._dependents, None
    # Take the dependents first: those pinned by this signal live on through ``pending``.
    pending = [ref() for ref in dependents.values()] if dependents else []
    signal._held = None
    signal._unlink()
    signal._dispatch_collecting(Event._trusted_event("abort"), errors)
    for dependent in pending:
        if dependent is not None:
            _abort_collecting(dependent, reason, errors)


class AbortController:
    """Node's ``AbortController``: owns a :class:`AbortSignal` and aborts it."""

    __slots__ = ("_signal",)

    def __init__(self) -> None:
        self._signal = AbortSignal._create()

    @property
    def signal(self) -> AbortSignal:
        """The controller's signal."""
        return self._signal

    def abort(self, reason: object = None) -> None:
        """Abort the signal with ``reason`` (``None``: an ``AbortError`` DOMException); once only.

        JS distinguishes ``undefined`` (the default reason) from ``null`` (a reason); Python
        has only ``None``, which means the default here.
        """
        abort_signal(self._signal, _default_reason() if reason is None else reason)

    def nodejs_util_inspect_custom(
        self, depth: float | None, options: dict[str, Any], inspect: Callable[..., str]
    ) -> str:
        """What :func:`trio_nodecompat.util.inspect` shows: ``AbortController { signal: ... }``."""
        if depth is not None and depth < 0:
            return "[AbortController]"
        return _inspect_as("AbortController", {"signal": self._signal}, depth, options, inspect)

    def __repr__(self) -> str:
        return f"<AbortController signal={self._signal!r}>"
