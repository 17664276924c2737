"""Named channels: Node's ``diagnostics_channel`` publish/subscribe, and store binding.

A :class:`Channel` is a name with a list of subscribers and a set of bound
AsyncLocalStorage instances. Node makes an unused channel nearly free by swapping its
prototype between an inactive class (``publish`` is an empty function, ``hasSubscribers`` a
constant) and an active one. Python does the same with ``__class__``: an inactive channel is a
:class:`Channel`, whose ``publish`` does nothing and whose ``has_subscribers`` is the class
constant ``False``; the first subscriber or bound store turns it into an ``_ActiveChannel``
(a subclass, so ``isinstance(ch, Channel)`` holds), and losing the last one turns it back.

Channels are held weakly, as Node's: the registry maps each name to a weak reference, so
``channel(name)`` returns the same object while someone holds it, and an unused channel is
freed with its last reference. An *active* channel is also held strongly (in ``_ACTIVE``),
as Node increments its weak reference's count: a subscriber added through
``subscribe(name, fn)``, with nothing else holding the channel, keeps receiving messages.

A subscriber that raises does not stop the others. Its exception is an uncaught exception of
the loop on the next tick (Node: ``process.nextTick(() => triggerUncaughtException(err))``),
raised in the publisher's frame. Outside every loop there is no next tick and no process to
end, so ``publish`` calls the remaining subscribers and then raises the error itself (several
errors: an :class:`ExceptionGroup`): it reaches the code that published, never only a log.
"""

from __future__ import annotations

import threading
import weakref
from collections import deque
from collections.abc import Callable, Hashable
from contextvars import copy_context
from enum import Enum
from types import CoroutineType
from typing import Any, ClassVar

from ._async_local_storage import AsyncLocalStorage
from ._frame import call_in_frame
from ._internal.current_loop import find_host
from ._internal.validators import validate_function
from ._loop import Loop
from .errors import ERR_INVALID_ARG_TYPE, NoLoopError
from .process import next_tick

__all__ = [
    "Channel",
    "channel",
    "has_subscribers",
    "report_uncaught",
    "subscribe",
    "unsubscribe",
    "validate_channel_name",
]

#: A subscriber: called as ``subscriber(message, name)``; its return value is ignored (an
#: ``async def`` subscriber's coroutine is started on the loop).
Subscriber = Callable[[Any, Any], object]
#: A bound store's transform: ``transform(data)`` gives the value the store holds.
Transform = Callable[[Any], Any]

_COROUTINE_TYPE: type[Any] = CoroutineType

#: Guards every change to the registry and to a channel's subscribers and stores. Publishing
#: reads an immutable tuple and takes no lock.
_LOCK = threading.RLock()


class _ChannelRef(weakref.ref["Channel"]):
    """A weak reference to a channel that remembers the registry key it is stored under."""

    __slots__ = ("key",)
    key: Hashable


def _forget(ref: _ChannelRef) -> None:
    """The channel behind ``ref`` was freed: drop its entry, unless a new channel took it."""
    with _LOCK:
        if _CHANNELS.get(ref.key) is ref:
            del _CHANNELS[ref.key]


#: name -> weak reference to the live channel of that name.
_CHANNELS: dict[Hashable, _ChannelRef] = {}
#: The active channels (with subscribers or bound stores), held strongly.
_ACTIVE: set[Channel] = set()


def validate_channel_name(name: object) -> Hashable:
    """A channel name: a ``str``, or a *symbol*, else ``ERR_INVALID_ARG_TYPE`` (Node's check).

    A JS symbol is a value equal only to itself. Its Python analogue is an object compared by
    identity, whose class keeps ``object``'s ``==`` and ``hash`` (``object()``, an instance
    of a plain sentinel class), or an :class:`enum.Enum` member. ``None``, numbers, bytes,
    tuples and other values compared by content are refused, as Node refuses them.
    """
    if isinstance(name, str) or isinstance(name, Enum):
        return name
    cls = type(name)
    if name is not None and cls.__eq__ is object.__eq__ and cls.__hash__ is object.__hash__:
        return name
    raise ERR_INVALID_ARG_TYPE("channel", ["string", "symbol"], name)


def _rethrow(err: BaseException) -> None:
    raise err


def report_uncaught(err: BaseException) -> bool:
    """Make ``err`` an uncaught exception of the current loop on its next tick.

    Node: ``process.nextTick(() => triggerUncaughtException(err))``. Returns ``False`` when
    there is no open loop to report to (the caller then raises it). From a worker thread the
    error is handed to the loop's thread through its microtask queue, the only queue a
    thread can reach. Either way it is raised in a copy of the caller's frame.
    """
    host = find_host()
    if not isinstance(host, Loop) or host._closed:
        return False
    try:
        if threading.get_ident() == host._thread_id:
            next_tick(_rethrow, err)
        else:
            host.call_soon(_rethrow, err)
    except NoLoopError:  # closed meanwhile
        return False
    return True


def _raise_collected(errors: list[Exception], where: str) -> None:
    """No loop: raise the errors that would have been uncaught exceptions."""
    if len(errors) == 1:
        raise errors[0]
    raise ExceptionGroup(f"{len(errors)} subscribers of {where} raised", errors)


def _start_coroutine(result: object) -> None:
    """An ``async def`` subscriber's coroutine: started on the loop, as emit starts one."""
    host = find_host()
    if host is None:
        result.close()  # type: ignore[attr-defined]
        raise NoLoopError("an async diagnostics_channel subscriber")
    host.spawn(result)  # type: ignore[arg-type]


def _no_subscriber(message: object, name: object) -> None:
    """The subscriber of a channel that has none (see ``Channel._sole``): does nothing."""


#: Accepts one object and keeps nothing: the idle channel's ``publish``.
_SINK: Callable[[object], None] = deque[object](maxlen=0).append


class Channel:
    """A named channel (Node's ``Channel``): publish messages to its subscribers.

    Get one with :func:`channel` (``Channel(name)`` does the same: one object per name while
    it lives). A channel without subscribers or bound stores costs almost nothing to
    publish to: its :meth:`publish` is empty and :attr:`has_subscribers` is a constant.
    """

    __slots__ = ("_name", "_subscribers", "_sole", "_stores", "_tracers", "__weakref__")

    #: Whether the channel has subscribers or bound stores (Node's ``hasSubscribers``, true
    #: for a channel with only bound stores too). A class constant, swapped with the class.
    has_subscribers: ClassVar[bool] = False

    _name: Hashable
    _subscribers: tuple[Subscriber, ...]
    #: The first subscriber, or :func:`_no_subscriber` when there is none: what the
    #: one-subscriber ``publish`` calls. Never unset, so a ``publish`` that resolved to that
    #: class just before another thread removed the last subscriber calls a no-op instead of
    #: indexing an empty tuple.
    _sole: Subscriber
    _stores: dict[AsyncLocalStorage[Any], Transform | None]
    _tracers: weakref.WeakSet[Any] | None

    def __new__(cls, name: Hashable) -> Channel:
        """The live channel named ``name``, or a new one registered under it."""
        ref = _lookup(name)
        if ref is not None:
            found = ref()
            if found is not None:
                return found
        validate_channel_name(name)
        with _LOCK:
            ref = _CHANNELS.get(name)
            found = ref() if ref is not None else None
            if found is not None:
                return found
            self = object.__new__(Channel)
            self._name = name
            self._subscribers = ()
            self._sole = _no_subscriber
            self._stores = {}
            self._tracers = None
            new_ref = _ChannelRef(self, _forget)
            new_ref.key = name
            _CHANNELS[name] = new_ref
        return self

    @property
    def name(self) -> Hashable:
        """The channel's name (a ``str``, or the symbol object it was created with)."""
        return self._name

    #: ``publish(message)``: call every subscriber with ``(message, name)``. On an idle channel
    #: it does nothing, and it is built to cost as little as Python allows: the ``append`` of
    #: a deque that keeps nothing (``maxlen=0``), one call into C with no Python frame, so a
    #: library can publish unguarded instead of testing :attr:`has_subscribers` first. Takes
    #: the message positionally, as the active channel's ``publish`` does.
    publish: Callable[[object], None] = _SINK

    def subscribe(self, subscription: Subscriber) -> None:
        """Add ``subscription``; it is called as ``subscription(message, name)`` on publish.

        The same function may be subscribed twice, and is then called twice. Not callable:
        ``ERR_INVALID_ARG_TYPE``.
        """
        validate_function(subscription, "subscription")
        with _LOCK:
            self._subscribers = (*self._subscribers, subscription)
            self._update_activity()

    def unsubscribe(self, subscription: Subscriber) -> bool:
        """Remove the first subscriber equal to ``subscription``; ``False`` if there is none.

        Compared with ``==``, so a bound method (a new object at each attribute access)
        unsubscribes the one subscribed. A publish under way still calls the subscribers it
        started with; the change applies from the next publish.
        """
        with _LOCK:
            subscribers = self._subscribers
            for index, subscriber in enumerate(subscribers):
                if subscriber is subscription or subscriber == subscription:
                    self._subscribers = subscribers[:index] + subscribers[index + 1 :]
                    self._update_activity()
                    return True
        return False

    def bind_store(self, store: AsyncLocalStorage[Any], transform: Transform | None = None) -> None:
        """Bind ``store``: :meth:`run_stores` runs its function with ``store`` set.

        The store holds ``transform(data)`` (or ``data`` itself, with no transform). Binding
        a bound store again replaces its transform. ``store`` must be an AsyncLocalStorage
        and ``transform`` callable (Node checks neither, and fails later).
        """
        if not isinstance(store, AsyncLocalStorage):
            raise ERR_INVALID_ARG_TYPE("store", "AsyncLocalStorage", store)
        if transform is not None:
            validate_function(transform, "transform")
        with _LOCK:
            stores = dict(self._stores)
            stores[store] = transform
            self._stores = stores
            self._update_activity()

    def unbind_store(self, store: AsyncLocalStorage[Any]) -> bool:
        """Unbind ``store``; ``False`` if it was not bound."""
        with _LOCK:
            if store not in self._stores:
                return False
            stores = dict(self._stores)
            del stores[store]
            self._stores = stores
            self._update_activity()
        return True

    def run_stores(self, data: object, fn: Callable[..., Any], /, *args: Any) -> Any:
        """Run ``fn(*args)`` with every bound store set from ``data``, publishing ``data`` first.

        Without bound stores or subscribers this is ``fn(*args)``. An async ``fn`` gives an
        awaitable running the whole coroutine with the stores set (as
        :meth:`AsyncLocalStorage.run` does).
        """
        return fn(*args)

    # ----------------------------------------------------------------------------------------

    def _update_activity(self) -> None:
        """Swap the class to match the state; hold active channels strongly. Under _LOCK."""
        subscribers = self._subscribers
        self._sole = subscribers[0] if subscribers else _no_subscriber
        was_active = self.__class__ is not Channel
        if self._stores or len(subscribers) > 1:
            self.__class__ = _ActiveChannel
        elif subscribers:
            self.__class__ = _SoleSubscriberChannel
        else:
            self.__class__ = Channel
        active = self.__class__ is not Channel
        if active == was_active:
            return
        if active:
            _ACTIVE.add(self)
        else:
            _ACTIVE.discard(self)
        tracers = self._tracers
        if tracers:
            for tracer in list(tracers):
                tracer._recount()

    def _watch(self, tracer: Any) -> None:
        """Tell ``tracer`` (a TracingChannel) when this channel turns active or inactive."""
        with _LOCK:
            if self._tracers is None:
                self._tracers = weakref.WeakSet()
            self._tracers.add(tracer)

    def __repr__(self) -> str:
        return (
            f"<Channel {self._name!r} subscribers={len(self._subscribers)} "
            f"stores={len(self._stores)}>"
        )


class _ActiveChannel(Channel):
    """A channel with subscribers or bound stores: the class :class:`Channel` swaps to."""

    __slots__ = ()

    has_subscribers: ClassVar[bool] = True

    def publish(self, message: object, /) -> None:
        """Call every subscriber with ``(message, name)``, on a snapshot of the list."""
        name = self._name
        errors: list[Exception] | None = None
        for subscriber in self._subscribers:
            try:
                result = subscriber(message, name)
                if result is not None and type(result) is _COROUTINE_TYPE:
                    _start_coroutine(result)
            except Exception as err:
                if not report_uncaught(err):
                    if errors is None:
                        errors = []
                    errors.append(err)
        if errors is not None:
            _raise_collected(errors, f"channel {name!r}")

    def run_stores(self, data: object, fn: Callable[..., Any], /, *args: Any) -> Any:
        stores = self._stores
        if not stores:
            self.publish(data)
            return fn(*args)
        # Node nests one store.run() per store, the last bound outermost, each transform
        # called inside the frames of the stores set before it. One copied context with the
        # stores set in that order is the same frame, built without the nesting.
        context = copy_context()
        for store, transform in reversed(stores.items()):
            if transform is None:
                value = data
            else:
                try:
                    value = context.run(transform, data)
                except Exception as err:
                    # As Node: the store is skipped, the error is uncaught on the next tick.
                    if not report_uncaught(err):
                        raise
                    continue
            context.run(store._set, value)
        return call_in_frame(context, self._publish_and_call, (data, fn, args), {})

    def _publish_and_call(self, data: object, fn: Callable[..., Any], args: tuple[Any, ...]) -> Any:
        self.publish(data)
        return fn(*args)


class _SoleSubscriberChannel(_ActiveChannel):
    """An active channel with exactly one subscriber and no store: a shorter ``publish``."""

    __slots__ = ()

    def publish(self, message: object, /) -> None:
        """Call the one subscriber with ``(message, name)``."""
        # Read into a local first: ``self._sole(...)`` would compile to a method load, which
        # CPython cannot specialize for a callable kept in a slot (a slot read it can).
        subscriber = self._sole
        try:
            result = subscriber(message, self._name)
            if result is not None and type(result) is _COROUTINE_TYPE:
                _start_coroutine(result)
        except Exception as err:
            if not report_uncaught(err):
                raise

    def run_stores(self, data: object, fn: Callable[..., Any], /, *args: Any) -> Any:
        self.publish(data)
        return fn(*args)


def _lookup(name: object) -> _ChannelRef | None:
    try:
        return _CHANNELS.get(name)
    except TypeError:  # unhashable: never a channel name
        return None


def channel(name: Hashable) -> Channel:
    """The channel named ``name``: the same object while it lives, else a new one.

    ``name`` is a ``str`` or a symbol-like object (see :func:`validate_channel_name`);
    anything else is ``ERR_INVALID_ARG_TYPE``.
    """
    ref = _lookup(name)
    if ref is not None:
        found = ref()
        if found is not None:
            return found
    return Channel(name)


def has_subscribers(name: Hashable) -> bool:
    """Whether the channel named ``name`` exists and has subscribers (or bound stores).

    Never creates the channel; a name that cannot be a channel's is simply ``False``, as
    in Node.
    """
    ref = _lookup(name)
    if ref is None:
        return False
    found = ref()
    return found is not None and found.has_subscribers


def subscribe(name: Hashable, subscription: Subscriber) -> None:
    """``channel(name).subscribe(subscription)``; the channel stays alive while subscribed."""
    channel(name).subscribe(subscription)


def unsubscribe(name: Hashable, subscription: Subscriber) -> bool:
    """``channel(name).unsubscribe(subscription)``: ``False`` if it was not subscribed."""
    return channel(name).unsubscribe(subscription)
