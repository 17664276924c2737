"""``stream.pipeline``: join stages, propagate the first real error, destroy what is unfinished.

Node's ``internal/streams/pipeline``, step for step. Each Node stream stage is piped into the
next (``src.pipe(dst, end=False)``, the end forwarded by hand so ``end=False`` can hold it
back); an iterable or async iterable is pumped into the next stream by a task of the loop that
writes and waits for ``'drain'``; a function stage is called with the previous stage as an
async iterable (and ``signal=``, when it takes one) and must return an async iterable, except
the last, which may return an awaitable (an ``async def``), whose value is the pipeline's.

Every stage gets an end-of-stream watcher. The first error wins (a premature close gives way
to a real error that comes later); every stream that has not finished is then destroyed,
the pump tasks are cancelled, and the callback runs on the next tick. Python-specific: a sync
iterable handed to a function stage is wrapped as an async iterable, so the function can
``async for`` over whatever came before it; and the sources handed to function stages are
closed by the pipeline when their chain ends (JS's ``for await`` closes its source itself).
Legacy streams take part as in Node: a v1 stream without ``read`` feeds a function stage
through an object-mode Readable wrapping it. A stage that is refused while the pipeline is
being joined raises from ``pipeline()`` as in Node, but no pump has started yet (Node's have,
and run on or stall): the pipeline's tasks start only once every stage is joined.
"""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator, Callable, Iterable
from functools import partial
from typing import Any

import trio

from .._abort_signal import AbortController
from .._internal.validators import validate_abort_signal, validate_function
from ..errors import (
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_RETURN_VALUE,
    ERR_MISSING_ARGS,
    ERR_STREAM_DESTROYED,
    ERR_STREAM_PREMATURE_CLOSE,
    AbortError,
)
from ._async_methods import cancel_running_methods
from ._destroy import aggregate_two_errors
from ._destroy import destroyer as destroy_as_consumer
from ._end_of_stream import eos
from ._iterator import ReadableIterator
from ._tasks import OwnedTask, spawn_owned
from ._utils import (
    is_node_stream,
    is_readable,
    is_readable_finished,
    is_readable_node_stream,
    next_tick,
)

__all__ = [
    "call_with_signal",
    "is_async_iterable",
    "is_iterable",
    "make_async_iterable",
    "pipeline",
    "pipeline_impl",
]


def is_async_iterable(obj: object) -> bool:
    """Has ``__aiter__`` (Node's ``isIterable(obj, true)``)."""
    return obj is not None and callable(getattr(obj, "__aiter__", None))


def is_iterable(obj: object) -> bool:
    """Has ``__aiter__`` or ``__iter__`` (Node's ``isIterable(obj)``)."""
    return obj is not None and (
        callable(getattr(obj, "__aiter__", None)) or callable(getattr(obj, "__iter__", None))
    )


def _takes_signal(fn: Callable[..., Any]) -> bool:
    try:
        params = inspect.signature(fn).parameters.values()
    except (TypeError, ValueError):
        return False
    return any(p.name == "signal" or p.kind is p.VAR_KEYWORD for p in params)


def call_with_signal(fn: Callable[..., Any], *args: Any, signal: Any) -> Any:
    """``fn(*args, signal=signal)`` if ``fn`` takes a ``signal`` keyword, else ``fn(*args)``.

    Node hands every stage and operator function ``{ signal }``; a Python function that has
    no use for it need not declare it.
    """
    if _takes_signal(fn):
        return fn(*args, signal=signal)
    return fn(*args)


class _SyncAsAsync:
    """A sync iterable seen through ``async for`` (JS's ``for await`` accepts both)."""

    __slots__ = ("_it",)

    def __init__(self, iterable: Iterable[Any]) -> None:
        self._it = iter(iterable)

    def __aiter__(self) -> _SyncAsAsync:
        return self

    async def __anext__(self) -> Any:
        await trio.lowlevel.checkpoint()
        try:
            value = next(self._it)
        except StopIteration:
            raise StopAsyncIteration from None
        if inspect.isawaitable(value):
            value = await value
        return value

    async def aclose(self) -> None:
        close = getattr(self._it, "close", None)
        if callable(close):
            close()


def make_async_iterable(val: Any) -> Any:
    """What a function stage receives: the previous stage as an async iterable."""
    if is_readable_node_stream(val) and callable(getattr(val, "iterator", None)):
        return val.iterator()
    if is_async_iterable(val):
        return val
    if is_iterable(val):
        return _SyncAsAsync(val)
    if is_readable_node_stream(val):
        # A legacy stream (no async iterator of its own; a v1 stream without ``read`` is
        # wrapped in an object-mode Readable), iterated as Node's ``fromReadable`` does.
        return ReadableIterator(val)
    raise ERR_INVALID_ARG_TYPE("val", ["Readable", "Iterable", "AsyncIterable"], val)


class _Destroyer:
    """Destroys one stage unless it already finished (Node's pipeline ``destroyer``)."""

    __slots__ = ("stream", "finished", "cleanup")

    def __init__(self, stream: Any, reading: bool, writing: bool) -> None:
        self.stream = stream
        self.finished = False
        stream.on("close", self._on_close)
        self.cleanup = eos(stream, self._on_eos, readable=reading, writable=writing)

    def _on_close(self, *_args: Any) -> None:
        self.finished = True

    def _on_eos(self, err: BaseException | None = None) -> None:
        self.finished = err is None

    def destroy(self, err: BaseException | None) -> None:
        if self.finished:
            return
        self.finished = True
        destroy_as_consumer(self.stream, err or ERR_STREAM_DESTROYED("pipe"))


class _Pipeline:
    """The shared state of one pipeline: its error, value, pending finishes, and cleanups."""

    def __init__(self, callback: Callable[..., Any], outer_signal: Any) -> None:
        self.callback = callback
        self.outer_signal = outer_signal
        self.controller = AbortController()
        self.error: BaseException | None = None
        self.value: Any = None
        self.finish_count = 0
        self.destroys: list[Callable[[BaseException | None], None]] = []
        self.last_stream_cleanup: list[Callable[[], Any]] = []
        self.tasks: list[OwnedTask] = []
        self.outer_listener: Any = None
        self.settled = False
        #: The stream iterators handed to function stages: closed when the pipeline settles,
        #: so none is left for the garbage collector (a failed stage's frame holds its own).
        self.iterators: list[Any] = []
        #: While the stages are being joined, the tasks to start once all of them are (None
        #: after): a stage that fails then leaves no task of the pipeline running.
        self.pending: list[tuple[Callable[[], OwnedTask], Any]] | None = []
        #: Every Node stream of the pipeline (those it made included), for :meth:`cancel`.
        self.streams: list[Any] = []

    def spawn(self, start: Callable[[], OwnedTask], awaitable: Any = None) -> None:
        """Start a task of the pipeline, or hold it until every stage is joined."""
        if self.pending is None:
            self.tasks.append(start())
        else:
            self.pending.append((start, awaitable))

    def start(self) -> None:
        """Every stage is joined: start the held tasks."""
        pending, self.pending = self.pending or [], None
        for start, _awaitable in pending:
            self.tasks.append(start())

    def abandon(self) -> None:
        """A stage failed while joining (``pipeline()`` raises): nothing held starts, no
        coroutine is left unawaited, and nothing calls back or listens to the caller's
        signal. (Node has by then started its pumps, which run on or stall; a stalled task
        would keep the loop's nursery open forever.)"""
        pending, self.pending = self.pending or [], None
        self.settled = True
        for _start, awaitable in pending:
            _close_unawaited(awaitable)
        listener, self.outer_listener = self.outer_listener, None
        if listener is not None:
            self.outer_signal.remove_event_listener("abort", listener)

    def cancel(self) -> None:
        """The caller's await was cancelled (Trio): abort, and cancel what the destroyed
        stages are still doing in async implementation methods (a ``_write`` waiting on a
        stalled peer, a slow ``_final``), so that no task outlives the pipeline."""
        self.abort()
        for stream in self.streams:
            if getattr(stream, "destroyed", False):  # a legacy stream has no such flag
                cancel_running_methods(stream)

    def abort(self, *_args: Any) -> None:
        signal = self.outer_signal
        cause = signal.reason if signal is not None and signal.aborted else None
        self.finish_impl(AbortError(cause=cause), False)

    def finish(self, err: BaseException | None = None) -> None:
        self.finish_count -= 1
        self.finish_impl(err, self.finish_count == 0)

    def finish_impl(self, err: BaseException | None, final: bool) -> None:
        if err is not None and (
            self.error is None or getattr(self.error, "code", None) == "ERR_STREAM_PREMATURE_CLOSE"
        ):
            self.error = err
        if self.error is None and not final:
            return
        while self.destroys:
            self.destroys.pop(0)(self.error)
        if self.error is not None:
            # Python-specific: the pump tasks stop now instead of failing one by one.
            for task in self.tasks:
                task.cancel()
        listener, self.outer_listener = self.outer_listener, None
        if listener is not None:
            self.outer_signal.remove_event_listener("abort", listener)
        if not self.controller.signal.aborted:
            self.controller.abort()
        if final and not self.settled:
            self.settled = True
            for iterator in self.iterators:
                iterator._close()
            self.iterators.clear()
            if self.error is None:
                for fn in self.last_stream_cleanup:
                    fn()
            if self.value is None:
                next_tick(self.callback, self.error)
            else:
                next_tick(self.callback, self.error, self.value)

    # ----------------------------------------------------------------------------------------

    def pipe(self, src: Any, dst: Any, end: bool) -> Callable[[], None]:
        """Node's pipeline ``pipe``: ``src.pipe(dst)`` with the end and the errors watched."""
        ended = False

        def on_dst_close(*_args: Any) -> None:
            if not ended:
                self.finish(ERR_STREAM_PREMATURE_CLOSE())

        dst.on("close", on_dst_close)
        src.pipe(dst, end=False)
        if end:

            def end_fn(*_args: Any) -> None:
                nonlocal ended
                ended = True
                dst.end()

            if is_readable_finished(src):
                next_tick(end_fn)
            else:
                src.once("end", end_fn)
        else:
            self.finish()

        def on_src_done(err: BaseException | None = None) -> None:
            r = src._readable_state
            if (
                err is not None
                and getattr(err, "code", None) == "ERR_STREAM_PREMATURE_CLOSE"
                and r is not None
                and r.ended
                and r.errored is None
                and not r.error_emitted
            ):
                # Some streams emit 'close' before 'end'; 'end' still counts, as in Node.
                src.once("end", self.finish).once("error", self.finish)
            else:
                self.finish(err)

        eos(src, on_src_done, readable=True, writable=False)
        return eos(dst, self.finish, readable=False, writable=True)

    def pump_to_node(
        self, iterable: Any, writable: Any, end: bool, upstream: list[Any] | None = None
    ) -> None:
        self.finish_count += 1
        self.spawn(
            partial(
                spawn_owned,
                "pipeline() pumping an iterable",
                self._pump,
                iterable,
                writable,
                end,
                upstream or [],
            )
        )

    async def _close_upstream(self, upstream: list[Any]) -> None:
        """Close the sources the function stages of a chain iterated, nearest first.

        JS's ``for await`` calls ``return()`` on its source when it is left early, so closing
        the last generator of a chain closes every one before it; Python's ``async for``
        does not, so the pipeline closes each (closing a finished one does nothing; closing
        a stream's iterator left early destroys the stream, as ``return()`` does in Node).
        """
        with trio.CancelScope(shield=True):
            for source in reversed(upstream):
                if isinstance(source, ReadableIterator):
                    # Left early, it destroys the stream, as JS's `for await` return() does.
                    # Never stepped, it waits for the pipeline to settle: Node's function
                    # stage gets the stream through a generator (fromReadable) that makes the
                    # iterator at its first step, so returning it untouched touches nothing.
                    if source.stepped:
                        source._close()
                    continue
                aclose = getattr(source, "aclose", None)
                if callable(aclose):
                    try:
                        await aclose()
                    except Exception as exc:  # the pipeline's outcome is already decided
                        self.finish_impl(exc, False)

    async def _pump(self, iterable: Any, writable: Any, end: bool, upstream: list[Any]) -> None:
        error: BaseException | None = None
        wakeup: trio.Event | None = None

        def resume(err: BaseException | None = None) -> None:
            nonlocal error
            if err is not None:
                error = err
            if wakeup is not None:
                wakeup.set()

        async def wait() -> None:
            nonlocal wakeup
            if error is not None:
                raise error
            wakeup = trio.Event()
            try:
                await wakeup.wait()
            finally:
                wakeup = None
            if error is not None:
                raise error

        writable.on("drain", resume)
        cleanup = eos(writable, resume, readable=False)
        iterator: AsyncIterator[Any] = make_async_iterable(iterable).__aiter__()
        try:
            if writable.writable_need_drain:
                await wait()
            async for chunk in iterator:
                if not writable.write(chunk):
                    await wait()
            if end:
                writable.end()
                await wait()
            self.finish()
        except Exception as err:
            self.finish(aggregate_two_errors(error, err) if error is not err else err)
        except trio.Cancelled:
            # Cancelled by finish_impl (the pipeline already failed): this stage is done too.
            self.finish(error or self.error or ERR_STREAM_PREMATURE_CLOSE())
            raise
        finally:
            cleanup()
            writable.remove_listener("drain", resume)
            await self._close_upstream([*upstream, iterator])

    def await_last(self, awaitable: Any, pt: Any, end: bool, upstream: list[Any]) -> None:
        self.finish_count += 1

        async def settle() -> None:
            try:
                value = await awaitable
            except Exception as err:
                pt.destroy(err)
                next_tick(self.finish, err)
                return
            except trio.Cancelled:
                pt.destroy(self.error)
                next_tick(self.finish, self.error or ERR_STREAM_PREMATURE_CLOSE())
                raise
            finally:
                await self._close_upstream(upstream)
            self.value = value
            if value is not None:
                pt.write(value)
            if end:
                pt.end()
            next_tick(self.finish)

        self.spawn(partial(spawn_owned, "pipeline() awaiting its last stage", settle), awaitable)


def pipeline_impl(
    streams: list[Any],
    callback: Callable[..., Any],
    *,
    signal: Any = None,
    end: bool = True,
) -> tuple[Any, Callable[[], None]]:
    """Build the pipeline; returns the last stream and the function that aborts it when its
    awaiting caller is cancelled (:meth:`_Pipeline.cancel`)."""
    if len(streams) == 1 and isinstance(streams[0], list | tuple):
        streams = list(streams[0])
    if len(streams) < 2:
        raise ERR_MISSING_ARGS("streams")
    if signal is not None:
        validate_abort_signal(signal, "options.signal")
    p = _Pipeline(callback, signal)
    if signal is not None:
        p.outer_listener = p.abort
        signal.add_event_listener("abort", p.abort, once=True)
    inner_signal = p.controller.signal
    ret: Any = None
    #: The sources handed to the function stages since the last Node stream: the pump or the
    #: awaitable ending this chain closes them (see ``_Pipeline._close_upstream``).
    chain: list[Any] = []
    count = len(streams)
    try:
        for i, stream in enumerate(streams):
            reading = i < count - 1
            writing = i > 0
            stage_end = reading or end is not False
            is_last = i == count - 1
            if is_node_stream(stream):
                p.streams.append(stream)
                if stage_end:
                    d = _Destroyer(stream, reading, writing)
                    p.destroys.append(d.destroy)
                    if is_readable(stream) and is_last:
                        p.last_stream_cleanup.append(d.cleanup)
                on_error = _StageError(p)
                stream.on("error", on_error)
                if is_readable(stream) and is_last:
                    p.last_stream_cleanup.append(_RemoveListener(stream, "error", on_error))
            if i == 0:
                if callable(stream) and not is_node_stream(stream):
                    ret = call_with_signal(stream, signal=inner_signal)
                    if not is_iterable(ret):
                        _close_unawaited(ret)
                        raise ERR_INVALID_RETURN_VALUE(
                            "Iterable, AsyncIterable or Stream", "source", ret
                        )
                elif is_readable_node_stream(stream) or is_iterable(stream):
                    ret = stream
                else:
                    from ._duplexify import duplexify

                    ret = duplexify(stream)
            elif callable(stream) and not is_node_stream(stream):
                source = make_async_iterable(ret)
                if isinstance(source, ReadableIterator):
                    p.iterators.append(source)
                # Closed when this chain ends (see _close_upstream): a stream's iterator left
                # early destroys the stream (an AbortError), which ends a pipeline whose
                # source would otherwise never end.
                chain.append(source)
                ret = call_with_signal(stream, source, signal=inner_signal)
                if reading:
                    if not is_async_iterable(ret):
                        _close_unawaited(ret)
                        raise ERR_INVALID_RETURN_VALUE("AsyncIterable", f"transform[{i - 1}]", ret)
                else:
                    from ._transform import PassThrough

                    pt = PassThrough(object_mode=True)
                    p.streams.append(pt)
                    if inspect.isawaitable(ret):
                        p.await_last(ret, pt, stage_end, chain)
                    elif is_async_iterable(ret):
                        p.pump_to_node(ret, pt, stage_end, chain)
                    else:
                        raise ERR_INVALID_RETURN_VALUE(
                            "AsyncIterable or Promise", "destination", ret
                        )
                    ret = pt
                    d = _Destroyer(ret, False, True)
                    p.destroys.append(d.destroy)
                    if is_last:
                        p.last_stream_cleanup.append(d.cleanup)
            elif is_node_stream(stream):
                if is_readable_node_stream(ret):
                    p.finish_count += 2
                    cleanup = p.pipe(ret, stream, stage_end)
                    if is_readable(stream) and is_last:
                        p.last_stream_cleanup.append(cleanup)
                elif is_iterable(ret):
                    p.pump_to_node(ret, stream, stage_end, chain)
                else:
                    raise ERR_INVALID_ARG_TYPE(
                        "val",
                        [
                            "Readable",
                            "Iterable",
                            "AsyncIterable",
                            "ReadableStream",
                            "TransformStream",
                        ],
                        ret,
                    )
                ret = stream
                chain = []
            else:
                from ._duplexify import duplexify

                ret = duplexify(stream)
    except BaseException:
        p.abandon()
        raise
    p.start()
    if inner_signal.aborted or (signal is not None and signal.aborted):
        next_tick(p.abort)
    return ret, p.cancel


def _close_unawaited(value: Any) -> None:
    """Close a coroutine that will not be awaited (no "never awaited" warning for it)."""
    if inspect.iscoroutine(value):
        value.close()


class _StageError:
    """A stage's 'error' listener: a real error (not an abort or premature close) fails it."""

    __slots__ = ("p",)

    def __init__(self, p: _Pipeline) -> None:
        self.p = p

    def __call__(self, err: BaseException | None = None) -> None:
        if (
            err is not None
            and getattr(err, "name", None) != "AbortError"
            and getattr(err, "code", None) != "ERR_STREAM_PREMATURE_CLOSE"
        ):
            self.p.finish(err)


class _RemoveListener:
    __slots__ = ("stream", "event", "listener")

    def __init__(self, stream: Any, event: str, listener: Any) -> None:
        self.stream = stream
        self.event = event
        self.listener = listener

    def __call__(self) -> None:
        self.stream.remove_listener(self.event, self.listener)


def pipeline(*streams: Any) -> Any:
    """Pipe ``streams`` into one another; ``callback(err)`` (the last argument) when done.

    Node's ``stream.pipeline(source, ...transforms, destination, callback)``: stages are
    Node streams, iterables, async iterables, or functions (the first called with no source,
    the others with the previous stage as an async iterable; a function taking a ``signal``
    keyword gets the pipeline's AbortSignal). The first real error wins and every stream that
    has not finished is destroyed. When the last stage is a function returning an awaitable
    (an ``async def``), the callback is ``callback(err, value)`` with its value. Returns the
    last stream (a PassThrough when the last stage is a function).
    """
    if not streams:
        raise ERR_MISSING_ARGS("streams")
    callback = validate_function(streams[-1], "streams[stream.length - 1]")
    ret, _abort = pipeline_impl(list(streams[:-1]), callback)
    return ret
