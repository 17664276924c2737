"""The loop: Node's event loop, as a Trio nursery with an owner.

Node runs fire-and-forget work (async listeners, callbacks, timers, immediates, microtasks) on
an implicit event loop that keeps the process alive while it has referenced work. Trio has no
implicit background: every task lives in a nursery. :func:`open_loop` is the bridge: it opens
a nursery, starts one *runner* task in it, and makes the :class:`Loop` the current host of
background work (``trio_nodecompat._internal.current_loop``).

- :meth:`Loop.spawn` starts async work as a task of the nursery, in a copy of the context
  captured when it was scheduled. Its unhandled failure is Node's unhandled rejection.
- :meth:`Loop.call_soon` queues a sync callback (Node's microtask queue), and
  ``process.next_tick`` queues on Node's nextTick queue; timers and immediates have queues of
  their own. The runner task runs all of them, in Node's order, each in its captured context:
  it drains the two queues (every nextTick, then every microtask, until both are empty: Node's
  ``processTicksAndRejections``), then runs the expired timers by deadline, then the
  immediates queued before the check phase, draining both queues between callbacks and after
  the last one. A callback that raises skips the drain that would follow it, and a nextTick
  callback that raises ends a drain between callbacks early, leaving the rest for after the
  next callback: Node's timers and immediates behave so (``test-timers-immediate-queue-throw.js``).
  One runner keeps the order deterministic: Trio deliberately runs ready tasks in an
  unspecified order, Node runs callbacks in a specified one.
- Leaving ``async with open_loop()`` waits until no *referenced* work is left (running
  spawned tasks, queued callbacks, referenced timers and immediates), then stops the runner,
  dropping ``unref()``'d timers. If the body raises, the nursery cancels everything pending.

Failures follow Node's ``process`` events, emitted on the loop (an :class:`EventEmitter`)
with the failed work's context current: ``'unhandledRejection'`` ``(reason, promise)``, where
``promise`` is the :class:`trio.lowlevel.Task` that ran the work; without a listener, or if a
listener raises, the error becomes an uncaught exception: ``'uncaughtExceptionMonitor'`` then
``'uncaughtException'`` ``(err, origin)``, with Node's origin strings. With no
``'uncaughtException'`` listener, or if one raises, the error propagates out of the task that
met it, so the nursery cancels the rest and ``open_loop`` raises it in an ExceptionGroup.
"""

from __future__ import annotations

import heapq
import inspect
import itertools
import math
import threading
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine
from contextlib import asynccontextmanager
from contextvars import Context, copy_context
from types import CoroutineType
from typing import Any, Protocol, TypeVar

import trio

from ._event_emitter import EventEmitter
from ._frame import FramedCoroutine
from ._internal.current_loop import FailureKind, current_host, find_host
from .errors import ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, NoLoopError

__all__ = ["Loop", "current_loop", "open_loop", "run"]

T = TypeVar("T")

_COROUTINE_TYPE: type[Any] = CoroutineType
_HOST = current_host()


class LoopClosedError(NoLoopError):
    """Work was scheduled on a loop whose ``async with open_loop()`` block is not running."""

    def __init__(self, what: str) -> None:
        RuntimeError.__init__(
            self,
            f"{what} was called on a trio_nodecompat loop that is not open (its "
            "`async with trio_nodecompat.open_loop():` block has ended, or never started); "
            "schedule work while the block is running",
        )


class TimerLike(Protocol):
    """What the runner needs from a timer (``trio_nodecompat._timers.Timeout``)."""

    _heap_seq: int | None

    def _fire(self, loop: Loop, now: float) -> bool: ...


class ImmediateLike(Protocol):
    """What the runner needs from an immediate (``trio_nodecompat._timers.Immediate``)."""

    def _fire(self, loop: Loop) -> bool: ...


def _close_if_coroutine(work: object) -> None:
    """Close a never-started coroutine we refuse, so Python does not warn it was never awaited."""
    if isinstance(work, Coroutine):
        work.close()


class Loop(EventEmitter):
    """The host of Node-style background work: a Trio nursery, and an EventEmitter.

    Get one from :func:`open_loop` (or :func:`run`, or :func:`current_loop` inside either);
    it is not meant to be constructed directly. Listen on it as on Node's ``process``:
    ``loop.on('unhandledRejection', handler)``, ``loop.on('uncaughtException', handler)``.
    :meth:`spawn` and :meth:`call_soon` may be called from any thread.
    """

    def __init__(self) -> None:
        super().__init__()
        self._nursery: trio.Nursery | None = None
        self._token: trio.lowlevel.TrioToken | None = None
        self._thread_id = 0
        self._lock = threading.Lock()
        self._closed = False
        #: The block is being torn down by an exception (or a cancel): work arriving now is
        #: cancelled on arrival, so nothing can keep the cancelled nursery from emptying.
        self._cancelling = False
        self._stopping = False
        self._draining = False
        #: Referenced pieces of work alive now (tasks, queued callbacks, ref'd timers).
        self._refs = 0
        #: Hand-offs from other threads accepted but not yet run in the Trio thread.
        self._inflight = 0
        self._idle: trio.Event | None = None
        self._wakeup: trio.Event | None = None
        self._microtasks: deque[tuple[Context, Callable[..., Any], tuple[Any, ...]]] = deque()
        #: Node's nextTick queue: drained before the microtask queue (``process.next_tick``).
        self._ticks: deque[tuple[Context, Callable[..., Any], tuple[Any, ...]]] = deque()
        self._immediates: deque[ImmediateLike] = deque()
        self._timers: list[tuple[float, int, TimerLike]] = []
        self._seq = itertools.count()

    # ----------------------------------------------------------------------------------------
    # Scheduling (the BackgroundHost protocol)

    def spawn(
        self,
        work: Callable[..., Awaitable[object]] | Awaitable[object],
        *args: object,
        context: Context | None = None,
        on_error: Callable[[BaseException], object] | None = None,
        failure: FailureKind = "rejection",
    ) -> None:
        """Run ``await work(*args)`` (or ``await work``, for an awaitable) in the loop's nursery.

        The work runs in a copy of ``context`` (default: the caller's context, copied now), so
        AsyncLocalStorage stores current here are current there. If it raises,
        ``on_error(exc)`` is called in that context (an awaitable it returns is awaited); with
        no ``on_error`` the failure is reported as ``failure`` says (``'rejection'``: Node's
        unhandled rejection; ``'exception'``: an uncaught exception), and an exception raised
        by ``on_error`` is an uncaught exception. A sync ``work`` is allowed: its return value
        is the result. Callable from any thread.
        """
        if type(work) is not _COROUTINE_TYPE and not callable(work):
            if not inspect.isawaitable(work):
                raise ERR_INVALID_ARG_TYPE("work", ["function", "Awaitable"], work)
        handler: object = on_error
        kind: object = failure
        if handler is not None and not callable(handler):
            _close_if_coroutine(work)
            raise ERR_INVALID_ARG_TYPE("on_error", "function", handler)
        if kind != "rejection" and kind != "exception":
            _close_if_coroutine(work)
            raise ERR_INVALID_ARG_VALUE.RangeError(
                "failure", kind, "must be 'rejection' or 'exception'"
            )
        ctx = copy_context() if context is None else context.copy()
        if threading.get_ident() != self._thread_id:
            self._hand_off(self._spawn_now, work, (work, args, ctx, on_error, failure))
            return
        if self._closed:
            _close_if_coroutine(work)
            raise LoopClosedError("Loop.spawn()")
        self._spawn_now(work, args, ctx, on_error, failure)

    def call_soon(
        self, fn: Callable[..., object], *args: object, context: Context | None = None
    ) -> None:
        """Call ``fn(*args)`` soon, from the loop, in a copy of ``context`` (default: now's).

        This is Node's microtask queue: callbacks run in the order they were queued, before
        timers and immediates. An exception ``fn`` raises is an uncaught exception of the
        loop; a coroutine it returns is spawned as async work. Callable from any thread.
        """
        if not callable(fn):
            raise ERR_INVALID_ARG_TYPE("fn", "function", fn)
        ctx = copy_context() if context is None else context.copy()
        if threading.get_ident() != self._thread_id:
            self._hand_off(self._call_soon_now, None, (fn, args, ctx))
            return
        if self._closed:
            raise LoopClosedError("Loop.call_soon()")
        self._call_soon_now(fn, args, ctx)

    def _spawn_now(
        self,
        work: Callable[..., Awaitable[object]] | Awaitable[object],
        args: tuple[object, ...],
        ctx: Context,
        on_error: Callable[[BaseException], object] | None,
        failure: FailureKind,
    ) -> None:
        nursery = self._nursery
        assert nursery is not None
        if self._cancelling:
            # As the pending work was, this is cancelled: a task started in the cancelled
            # nursery would only be cancelled at its first checkpoint, and a stream of them
            # would keep the nursery (and the block) open for as long as they came.
            _close_if_coroutine(work)
            return
        if ctx.get(_HOST) is not self:
            ctx.run(_HOST.set, self)  # work hosted here sees this loop as current_loop()
        self._refs += 1
        try:
            # Trio copies the current context into the new task: run start_soon inside ``ctx``.
            name = getattr(work, "__qualname__", None) or repr(work)
            ctx.run(self._start_work, nursery, work, args, on_error, failure, name)
        except BaseException:
            self._release()
            _close_if_coroutine(work)
            raise

    def _start_work(
        self,
        nursery: trio.Nursery,
        work: Callable[..., Awaitable[object]] | Awaitable[object],
        args: tuple[object, ...],
        on_error: Callable[[BaseException], object] | None,
        failure: FailureKind,
        name: str,
    ) -> None:
        nursery.start_soon(self._run_work, work, args, on_error, failure, name=name)

    def _call_soon_now(self, fn: Callable[..., Any], args: tuple[Any, ...], ctx: Context) -> None:
        if ctx.get(_HOST) is not self:
            ctx.run(_HOST.set, self)
        self._refs += 1
        self._microtasks.append((ctx, fn, args))
        self._wake()

    def _queue_tick(self, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
        """``process.next_tick``: queue ``fn(*args)`` on the nextTick queue, in the caller's frame.

        Only from the loop's Trio thread (the queue is not locked: it is on every stream
        event's path), and only while the loop is open.
        """
        if threading.get_ident() != self._thread_id:
            self._check_thread("process.next_tick()")
        if self._closed:
            raise LoopClosedError("process.next_tick()")
        self._refs += 1
        self._ticks.append((copy_context(), fn, args))
        wakeup = self._wakeup
        if wakeup is not None:
            self._wakeup = None  # woken once: the next ticks skip the Event's Python call
            wakeup.set()

    def _hand_off(self, method: Callable[..., None], work: object, args: tuple[Any, ...]) -> None:
        """From another thread: count the work now, run ``method(*args)`` in the Trio thread."""
        with self._lock:
            if self._closed or self._token is None:
                _close_if_coroutine(work)
                raise LoopClosedError("Loop.spawn()" if work is not None else "Loop.call_soon()")
            self._inflight += 1
        try:
            self._token.run_sync_soon(self._handed_off, method, work, args)
        except BaseException:
            with self._lock:
                self._inflight -= 1
            _close_if_coroutine(work)
            raise

    def _handed_off(self, method: Callable[..., None], work: object, args: tuple[Any, ...]) -> None:
        # Runs from TrioToken.run_sync_soon: it must not raise, or Trio itself crashes.
        with self._lock:
            self._inflight -= 1
            closed = self._closed
        if not closed:
            try:
                method(*args)
                closed = False
            except RuntimeError:  # the nursery closed to new arrivals: the body raised
                closed = True
        if closed:
            # Only after the body raised and the nursery was torn down: the pending work is
            # cancelled, as all other pending work was.
            _close_if_coroutine(work)
        self._check_idle()

    async def _run_work(
        self,
        work: Callable[..., Awaitable[object]] | Awaitable[object],
        args: tuple[object, ...],
        on_error: Callable[[BaseException], object] | None,
        failure: FailureKind,
    ) -> None:
        # The frame of a coroutine that runs in one of its own (``als.run(s, fn)``, a bound
        # function, a snapshot): its unhandled failure is reported there, as Node reports a
        # rejection in the frame its promise was created in.
        frame: Context | None = None
        try:
            try:
                if callable(work):
                    result: object = work(*args)
                    if inspect.isawaitable(result):
                        if type(result) is FramedCoroutine:
                            frame = result.context
                        await result
                    else:
                        await trio.lowlevel.checkpoint()
                else:
                    if type(work) is FramedCoroutine:
                        frame = work.context
                    await work
            except Exception as exc:
                if on_error is None:
                    if frame is None:
                        self._report(exc, failure)
                    else:
                        self._report_in(frame, exc, failure)
                else:
                    try:
                        handled = on_error(exc)
                        if handled is not None and inspect.isawaitable(handled):
                            await handled
                    except Exception as err:
                        self._uncaught(err, "uncaughtException")
        finally:
            self._release()

    # ----------------------------------------------------------------------------------------
    # Failure routing (Node's process events)

    def _report(self, exc: BaseException, failure: FailureKind) -> None:
        """Report a failure nothing handled, in the current (the failed work's) context."""
        if failure == "rejection":
            if self.listener_count("unhandledRejection"):
                try:
                    self.emit("unhandledRejection", exc, trio.lowlevel.current_task())
                except Exception as err:
                    self._uncaught(err, "uncaughtException")
                return
            self._uncaught(exc, "unhandledRejection")
        else:
            self._uncaught(exc, "uncaughtException")

    def _report_in(self, frame: Context, exc: BaseException, failure: FailureKind) -> None:
        """:meth:`_report` in a copy of ``frame`` (which still sees this loop as current)."""
        ctx = frame.copy()
        if ctx.get(_HOST) is not self:
            ctx.run(_HOST.set, self)
        ctx.run(self._report, exc, failure)

    def _uncaught(self, err: BaseException, origin: str) -> None:
        """Node's uncaught exception: monitor, then the listeners; with none, raise ``err``."""
        self.emit("uncaughtExceptionMonitor", err, origin)
        if not self.emit("uncaughtException", err, origin):
            raise err

    def _call_guarded(self, fn: Callable[..., Any], args: tuple[Any, ...]) -> bool:
        """Call a callback from the runner; runs inside the callback's context.

        Returns ``True`` if it returned, ``False`` if it raised and a listener handled the
        uncaught exception (with none, the exception propagates and the loop fails).
        """
        try:
            result = fn(*args)
        except Exception as exc:
            self._uncaught(exc, "uncaughtException")
            return False
        if result is not None and inspect.isawaitable(result):
            # An async callback: Node turns its rejection into 'unhandledRejection'.
            self._spawn_now(result, (), copy_context(), None, "rejection")
        return True

    # ----------------------------------------------------------------------------------------
    # Reference counting and the runner

    def _retain(self) -> None:
        self._refs += 1

    def _release(self) -> None:
        self._refs -= 1
        if self._refs == 0 and self._idle is not None:
            self._check_idle()

    def _check_idle(self) -> None:
        idle = self._idle
        if idle is not None and self._refs == 0 and self._inflight == 0:
            idle.set()

    def _wake(self) -> None:
        wakeup = self._wakeup
        if wakeup is not None:
            self._wakeup = None  # the runner is woken; it looks at every queue when it runs
            wakeup.set()

    def _check_thread(self, what: str) -> None:
        """Timers are not thread-safe: refuse them from threads, as Trio refuses its calls."""
        self._check_thread_if_open(what)
        if self._closed:
            raise LoopClosedError(what)

    def _check_thread_if_open(self, what: str) -> None:
        """Refuse a change to the loop's bookkeeping from another thread while it is open.

        Once the loop has closed nothing reads that bookkeeping, so clearing a leftover
        timer from anywhere is harmless.
        """
        if threading.get_ident() != self._thread_id and not self._closed:
            raise RuntimeError(
                f"{what} must be called from the loop's Trio thread; from a worker thread, "
                "use trio.from_thread.run_sync"
            )

    def _push_timer(self, timer: TimerLike, deadline: float) -> None:
        seq = next(self._seq)
        timer._heap_seq = seq
        heapq.heappush(self._timers, (deadline, seq, timer))
        self._wake()

    def _push_immediate(self, immediate: ImmediateLike) -> None:
        self._immediates.append(immediate)
        self._wake()

    def _drain_queues(self) -> bool:
        """Node's ``processTicksAndRejections``: every tick, then every microtask, repeated.

        Ticks queued by a microtask run after the microtask queue is empty; microtasks queued
        by a tick run after the tick queue is. A tick that raises (an uncaught exception that
        a listener handled) ends the drain at once and returns ``False``, leaving the queued
        ticks and microtasks for the next drain, as Node's does; a microtask that raises does
        not stop the others.
        """
        # The hot path of every stream event: each callback is run here directly (no
        # _call_guarded frame), and the references the callbacks held are released once, at
        # the end (nothing reads the count while this synchronous drain runs).
        ticks = self._ticks
        microtasks = self._microtasks
        ran = 0
        try:
            while ticks or microtasks:
                while ticks:
                    ctx, fn, args = ticks.popleft()
                    ran += 1
                    try:
                        result = ctx.run(fn, *args) if args else ctx.run(fn)
                    except Exception as exc:
                        ctx.run(self._uncaught, exc, "uncaughtException")
                        return False
                    if result is not None:
                        self._spawn_if_awaitable(result, ctx)
                while microtasks:
                    ctx, fn, args = microtasks.popleft()
                    ran += 1
                    try:
                        result = ctx.run(fn, *args) if args else ctx.run(fn)
                    except Exception as exc:
                        ctx.run(self._uncaught, exc, "uncaughtException")
                        continue
                    if result is not None:
                        self._spawn_if_awaitable(result, ctx)
        finally:
            if ran:
                self._refs -= ran
                if self._refs == 0:
                    self._check_idle()
        return True

    def _spawn_if_awaitable(self, result: object, ctx: Context) -> None:
        """A queued callback returned ``result``: an awaitable is started as async work.

        As :meth:`_call_guarded` does (Node turns its rejection into ``'unhandledRejection'``),
        in a copy of the callback's context.
        """
        if inspect.isawaitable(result):
            self._spawn_now(result, (), ctx.copy(), None, "rejection")

    def _drain_all(self) -> None:
        """The drain that closes a phase: after a tick raised, the drain starts again, once.

        Node drains when the callback scope of a phase closes; after the uncaught exception
        of a tick there, the scope around the exception handler drains once more before the
        next phase (unlike the drains between the callbacks of a phase, where the next
        callback comes first). If a tick raises in that second drain too, what is left waits
        for the drain after the next callback, as in Node.
        """
        if not self._drain_queues():
            self._drain_queues()

    def _run_timers(self, timers: list[tuple[float, int, TimerLike]]) -> None:
        """The timers phase: every expired timer by deadline, draining the queues between.

        As Node's ``listOnTimeout``, the queues drain before each timer but the first, and a
        timer whose callback raised is followed by the next timer directly (Node restarts the
        phase after the uncaught exception); the phase ends with a drain.
        """
        now = trio.current_time()
        drain_first = False
        while timers and timers[0][0] <= now:
            if drain_first:
                drain_first = False
                self._drain_queues()
                continue  # the drain may have cleared, refreshed or added timers: look again
            _, seq, timer = heapq.heappop(timers)
            if timer._heap_seq == seq:
                timer._heap_seq = None
                drain_first = timer._fire(self, now)
        self._drain_all()

    def _run_immediates(self, immediates: deque[ImmediateLike]) -> None:
        """The check phase: the immediates queued before it, with Node's drains between.

        Immediates queued during the phase wait for the next one, as in Node.
        """
        drain_first = False
        for _ in range(len(immediates)):
            if drain_first:
                self._drain_queues()
            drain_first = immediates.popleft()._fire(self)
        self._drain_all()

    async def _runner(self) -> None:
        timers = self._timers
        immediates = self._immediates
        while not self._stopping:
            if self._draining and self._refs == 0 and self._inflight == 0:
                # Only unref'd work is left and the body is done: Node's loop would exit
                # here, so fire nothing. Wait for the drain to stop us, or for a late
                # hand-off from a thread to bring referenced work.
                await self._wait_for_wakeup(math.inf)
                continue
            self._drain_all()
            if timers and timers[0][0] <= trio.current_time():
                self._run_timers(timers)
            if immediates:
                self._run_immediates(immediates)
            if self._ticks or self._microtasks or immediates:
                await trio.lowlevel.checkpoint()
                continue
            while timers and timers[0][2]._heap_seq != timers[0][1]:
                heapq.heappop(timers)  # drop entries of cleared or refreshed timers
            await self._wait_for_wakeup(timers[0][0] if timers else math.inf)

    async def _wait_for_wakeup(self, deadline: float) -> None:
        """Sleep until ``deadline`` or until new work arrives (:meth:`_wake`)."""
        self._wakeup = wakeup = trio.Event()
        try:
            with trio.move_on_at(deadline):
                await wakeup.wait()
        finally:
            self._wakeup = None

    async def _drain(self) -> None:
        """Wait until no referenced work is left, then close and stop the runner."""
        self._draining = True
        self._wake()
        while True:
            with self._lock:
                if self._refs == 0 and self._inflight == 0:
                    self._closed = True
                    break
                self._idle = trio.Event()
            await self._idle.wait()
        self._idle = None
        self._stopping = True
        self._wake()

    def __repr__(self) -> str:
        state = "closed" if self._closed else "open"
        return f"<Loop {state} refs={self._refs}>"


@asynccontextmanager
async def open_loop() -> AsyncIterator[Loop]:
    """Open a loop for Node-style background work; leaving the block waits for its work.

    ``async with trio_nodecompat.open_loop() as loop:`` inside any Trio program. Inside the
    block (and in everything started from it), :func:`current_loop` is ``loop``, and async
    listeners, timers, immediates, microtasks and ``callbackify`` calls run on it. Leaving
    the block waits until no referenced work is left; if the body raises, pending work is
    cancelled and the body's exception propagates. A failure of background work that no
    listener handled propagates out of the block inside an :class:`ExceptionGroup`.
    """
    loop = Loop()
    body_exc: BaseException | None = None
    unwrap: BaseException | None = None
    try:
        async with trio.open_nursery() as nursery:
            loop._nursery = nursery
            loop._token = trio.lowlevel.current_trio_token()
            loop._thread_id = threading.get_ident()
            nursery.start_soon(loop._runner, name=f"{__name__}.Loop runner")
            token = _HOST.set(loop)
            try:
                yield loop
            except BaseException as exc:
                body_exc = exc
                loop._cancelling = True
                raise
            finally:
                _HOST.reset(token)
            try:
                await loop._drain()
            except BaseException:
                loop._cancelling = True  # cancelled (or failed) while waiting for the work
                raise
    except BaseExceptionGroup as group:
        # The body's own exception, alone (the rest was only cancelled): let it out as it
        # was raised, as trio.run lets main's out. Raised after this block, so that neither
        # its __cause__ nor its __context__ is touched.
        if body_exc is None or len(group.exceptions) != 1 or group.exceptions[0] is not body_exc:
            raise
        unwrap = body_exc
    finally:
        with loop._lock:
            loop._closed = True
    if unwrap is not None:
        raise unwrap


def current_loop() -> Loop:
    """The innermost running loop; outside every loop, :class:`NoLoopError` saying how to open one."""
    return require_loop("current_loop()")


def require_loop(what: str) -> Loop:
    """The innermost loop; outside every loop, :class:`NoLoopError` naming ``what`` needed it."""
    host = find_host()
    if not isinstance(host, Loop):
        raise NoLoopError(what)
    return host


def run(async_fn: Callable[..., Awaitable[T]], *args: Any, **trio_options: Any) -> T:
    """``trio.run(async_fn, *args)`` with ``async_fn`` running inside :func:`open_loop`.

    The Node-shaped program entry point: returns ``async_fn``'s result once the loop has no
    referenced work left. ``trio_options`` go to :func:`trio.run` (``clock=``,
    ``instruments=``, ...).
    """
    if not callable(async_fn):
        raise ERR_INVALID_ARG_TYPE("async_fn", "function", async_fn)

    async def main() -> T:
        async with open_loop():
            return await async_fn(*args)

    return trio.run(main, **trio_options)
