"""The Readable operators (Node's ``internal/streams/operators``): ``map``, ``filter``, ...

``map`` is the engine: a pump task pulls the source and calls ``fn`` on each chunk; an async
result runs as a task of the pump's own nursery (the pump itself is a task of the loop,
cancelled when the result stream is destroyed), at most ``concurrency`` at once, and up to
``high_water_mark`` results wait in order (Node's default mark is ``concurrency - 1`` more
than the running ones). Results come out in the source's order, as Node keeps them, whatever
order they complete in. ``filter``, ``for_each``, ``some``, ``every``, ``find`` and
``flat_map`` are built on it, as in Node; ``take``, ``drop``, ``as_indexed_pairs``,
``to_array`` and ``reduce`` iterate the source directly.

``fn`` may be sync or async (or return an awaitable). Node passes it ``{ signal }``; here a
function that declares a ``signal`` keyword receives the AbortSignal, others get the chunk
only. The stream-returning operators give ``Readable.from_`` of the results; the others are
coroutines (``await readable.to_array()``).
"""

from __future__ import annotations

import inspect
import math
from collections import deque
from collections.abc import AsyncIterator, Callable
from typing import Any

import trio

from .._abort_scope import abort_scope
from .._abort_signal import AbortController
from .._internal.validators import is_number, validate_abort_signal, validate_integer
from ..errors import (
    ERR_INVALID_ARG_TYPE,
    ERR_MISSING_ARGS,
    ERR_OUT_OF_RANGE,
    AbortError,
)
from ._pipeline import call_with_signal, is_async_iterable
from ._tasks import OwnedTask, spawn_owned

__all__ = [
    "as_indexed_pairs",
    "drop",
    "every",
    "filter_",
    "find",
    "flat_map",
    "for_each",
    "map_",
    "reduce",
    "some",
    "take",
    "to_array",
]

_FN_TYPES = ["Function", "AsyncFunction"]


class _Marker:
    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"<{self.name}>"


#: A result that is skipped (``filter`` rejected it; ``for_each`` has none).
EMPTY: Any = _Marker("empty")
_EOF: Any = _Marker("eof")
_NO_INITIAL: Any = _Marker("no initial value")


def _validate_fn(fn: object, name: str = "fn") -> Callable[..., Any]:
    if not callable(fn):
        raise ERR_INVALID_ARG_TYPE(name, _FN_TYPES, fn)
    return fn


def _validate_signal(signal: object) -> Any:
    if signal is not None:
        validate_abort_signal(signal, "options.signal")
    return signal


def _floor_integer(value: object, name: str, low: int) -> int:
    """Node's ``validateInteger(MathFloor(value), name, low)`` (NaN for a non-number)."""
    if not is_number(value):
        raise ERR_OUT_OF_RANGE(name, "an integer", math.nan)
    assert isinstance(value, int | float)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ERR_OUT_OF_RANGE(name, "an integer", value)
        value = math.floor(value)
    return validate_integer(value, name, low)


def _aborted_error(signal: Any) -> AbortError:
    return AbortError(cause=signal.reason)


class _Slot:
    """One result in the ordered queue: ready, or still being computed by a task."""

    __slots__ = ("event", "value", "error")

    def __init__(self) -> None:
        self.event: trio.Event | None = None
        self.value: Any = None
        self.error: BaseException | None = None

    async def get(self) -> Any:
        if self.event is not None:
            await self.event.wait()
        if self.error is not None:
            raise self.error
        return self.value


class MapIterator:
    """The async iterator of ``map``'s results (Node's ``map`` async generator)."""

    def __init__(
        self,
        stream: Any,
        fn: Callable[..., Any],
        concurrency: int,
        high_water_mark: int,
        signal: Any,
    ) -> None:
        self.stream = stream
        self.fn = fn
        self.concurrency = concurrency
        self.high_water_mark = high_water_mark
        self.signal = signal
        self.controller = AbortController()
        self.fn_signal = signal if signal is not None else self.controller.signal
        self.queue: deque[Any] = deque()
        self.count = 0
        self.done = False
        self.started = False
        self.yielded_front = False
        self.finished = False
        self.next_event: trio.Event | None = None
        self.resume_event: trio.Event | None = None
        self.task: OwnedTask | None = None

    def __aiter__(self) -> MapIterator:
        return self

    # ----------------------------------------------------------------------------------------
    # The pump

    def _wake_consumer(self) -> None:
        event = self.next_event
        if event is not None:
            self.next_event = None
            event.set()

    def _maybe_resume(self) -> None:
        event = self.resume_event
        if (
            event is not None
            and not self.done
            and self.count < self.concurrency
            and len(self.queue) < self.high_water_mark
        ):
            self.resume_event = None
            event.set()

    def _after_item(self, slot: _Slot) -> None:
        self.count -= 1
        if slot.error is not None:
            self.done = True
        self._maybe_resume()

    async def _settle(self, slot: _Slot, awaitable: Any) -> None:
        try:
            slot.value = await awaitable
        except Exception as err:
            slot.error = err
        assert slot.event is not None
        slot.event.set()
        self._after_item(slot)

    async def _pump(self) -> None:
        signal = self.signal
        try:
            async with trio.open_nursery() as nursery:
                try:
                    async with self.stream.iterator() as chunks:
                        async for value in chunks:
                            if self.done:
                                return
                            if signal is not None and signal.aborted:
                                raise AbortError()
                            slot = _Slot()
                            try:
                                result = call_with_signal(self.fn, value, signal=self.fn_signal)
                                if self.concurrency == 1 and inspect.isawaitable(result):
                                    # One at a time, the pump would wait for this result
                                    # before its next read anyway: awaited here, a result
                                    # that is ready at once lets no other task (and no
                                    # tick) run before that read, as in Node, where it
                                    # settles within the microtask queue.
                                    result = await result
                            except Exception as err:
                                slot.error = err
                                self.done = True
                            else:
                                if result is EMPTY:
                                    continue
                                if inspect.isawaitable(result):
                                    slot.event = trio.Event()
                                    self.count += 1
                                    nursery.start_soon(self._settle, slot, result)
                                else:
                                    slot.value = result
                            self.queue.append(slot)
                            self._wake_consumer()
                            if not self.done and (
                                len(self.queue) >= self.high_water_mark
                                or self.count >= self.concurrency
                            ):
                                self.resume_event = trio.Event()
                                await self.resume_event.wait()
                    self.queue.append(_EOF)
                except Exception as err:
                    slot = _Slot()
                    slot.error = err
                    self.queue.append(slot)
        finally:
            self.done = True
            self._wake_consumer()

    # ----------------------------------------------------------------------------------------
    # The consumer

    async def __anext__(self) -> Any:
        if self.finished:
            raise StopAsyncIteration
        if not self.started:
            self.started = True
            self.task = spawn_owned("Readable.map()", self._pump)
        signal = self.signal
        try:
            if signal is not None:
                with abort_scope(signal):
                    return await self._next()
            return await self._next()
        except BaseException:
            await self._close()
            raise

    async def _next(self) -> Any:
        queue = self.queue
        signal = self.signal
        if self.yielded_front:
            self.yielded_front = False
            queue.popleft()
            self._maybe_resume()
        while True:
            while queue:
                slot = queue[0]
                if slot is _EOF:
                    raise StopAsyncIteration
                value = await slot.get()
                if signal is not None and signal.aborted:
                    raise AbortError()
                if value is not EMPTY:
                    self.yielded_front = True
                    return value
                queue.popleft()
                self._maybe_resume()
            if self.done and not queue:
                # The pump ended without an end marker: it was stopped.
                raise StopAsyncIteration
            self.next_event = trio.Event()
            await self.next_event.wait()

    async def _close(self) -> None:
        if self.finished:
            return
        self.finished = True
        self.done = True
        event, self.resume_event = self.resume_event, None
        if event is not None:
            event.set()
        task = self.task
        if task is not None and not task.done:
            task.cancel()
        if not self.controller.signal.aborted:
            self.controller.abort()

    async def aclose(self) -> None:
        """Stop: cancel the pump (which destroys the source) and every running ``fn``."""
        await self._close()
        await trio.lowlevel.checkpoint()


def _readable_from(iterator: Any) -> Any:
    from ._readable import Readable

    return Readable.from_(iterator)


def _map_iterator(
    stream: Any,
    fn: Any,
    concurrency: object,
    high_water_mark: object,
    signal: Any,
) -> MapIterator:
    _validate_fn(fn)
    _validate_signal(signal)
    conc = _floor_integer(1 if concurrency is None else concurrency, "options.concurrency", 1)
    hwm = _floor_integer(
        conc - 1 if high_water_mark is None else high_water_mark, "options.highWaterMark", 0
    )
    return MapIterator(stream, fn, conc, hwm + conc, signal)


def map_(
    stream: Any,
    fn: Callable[..., Any],
    *,
    concurrency: int | None = None,
    high_water_mark: int | None = None,
    signal: Any = None,
) -> Any:
    """``readable.map(fn, { concurrency, highWaterMark, signal })``."""
    return _readable_from(_map_iterator(stream, fn, concurrency, high_water_mark, signal))


def _then(result: Any, after: Callable[[Any], Any]) -> Any:
    """``after(result)``, after awaiting ``result`` if it is awaitable (a promise's then)."""
    if inspect.isawaitable(result):

        async def chained() -> Any:
            return after(await result)

        return chained()
    return after(result)


def _filter_fn(fn: Callable[..., Any]) -> Callable[..., Any]:
    takes_signal = "signal" in _param_names(fn)

    def filter_fn(value: Any, signal: Any = None) -> Any:
        result = fn(value, signal=signal) if takes_signal else fn(value)
        return _then(result, lambda keep: value if keep else EMPTY)

    return filter_fn


def _param_names(fn: Callable[..., Any]) -> set[str]:
    try:
        params = inspect.signature(fn).parameters.values()
    except (TypeError, ValueError):
        return set()
    names = {p.name for p in params}
    if any(p.kind is p.VAR_KEYWORD for p in params):
        names.add("signal")
    return names


def _filter_iterator(stream: Any, fn: Any, concurrency: Any, signal: Any) -> MapIterator:
    _validate_fn(fn)
    return _map_iterator(stream, _filter_fn(fn), concurrency, None, signal)


def filter_(
    stream: Any, fn: Callable[..., Any], *, concurrency: int | None = None, signal: Any = None
) -> Any:
    """``readable.filter(fn, { concurrency, signal })``: the chunks ``fn`` holds true."""
    return _readable_from(_filter_iterator(stream, fn, concurrency, signal))


async def for_each(
    stream: Any, fn: Callable[..., Any], *, concurrency: int | None = None, signal: Any = None
) -> None:
    """``readable.forEach(fn, { concurrency, signal })``: call ``fn`` on every chunk."""
    _validate_fn(fn)
    takes_signal = "signal" in _param_names(fn)

    def for_each_fn(value: Any, signal: Any = None) -> Any:
        result = fn(value, signal=signal) if takes_signal else fn(value)
        return _then(result, lambda _r: EMPTY)

    iterator = _map_iterator(stream, for_each_fn, concurrency, None, signal)
    try:
        async for _ in iterator:
            pass
    finally:
        await iterator.aclose()


async def to_array(stream: Any, *, signal: Any = None) -> list[Any]:
    """``readable.toArray({ signal })``: every chunk, in a list."""
    _validate_signal(signal)
    result: list[Any] = []
    if signal is None:
        async with stream.iterator() as chunks:
            async for value in chunks:
                result.append(value)
        return result
    with abort_scope(signal):
        async with stream.iterator() as chunks:
            async for value in chunks:
                if signal.aborted:
                    raise _aborted_error(signal)
                result.append(value)
    return result


async def some(
    stream: Any, fn: Callable[..., Any], *, concurrency: int | None = None, signal: Any = None
) -> bool:
    """``readable.some(fn)``: True as soon as ``fn`` holds for a chunk (the rest is not read)."""
    iterator = _filter_iterator(stream, fn, concurrency, signal)
    try:
        async for _ in iterator:
            return True
        return False
    finally:
        await iterator.aclose()


async def every(
    stream: Any, fn: Callable[..., Any], *, concurrency: int | None = None, signal: Any = None
) -> bool:
    """``readable.every(fn)``: False as soon as ``fn`` fails for a chunk."""
    _validate_fn(fn)
    takes_signal = "signal" in _param_names(fn)

    def negated(value: Any, signal: Any = None) -> Any:
        result = fn(value, signal=signal) if takes_signal else fn(value)
        return _then(result, lambda ok: not ok)

    return not await some(stream, negated, concurrency=concurrency, signal=signal)


async def find(
    stream: Any, fn: Callable[..., Any], *, concurrency: int | None = None, signal: Any = None
) -> Any:
    """``readable.find(fn)``: the first chunk ``fn`` holds for, else None."""
    iterator = _filter_iterator(stream, fn, concurrency, signal)
    try:
        async for value in iterator:
            return value
        return None
    finally:
        await iterator.aclose()


async def reduce(
    stream: Any, reducer: Callable[..., Any], initial: Any = _NO_INITIAL, *, signal: Any = None
) -> Any:
    """``readable.reduce(reducer, initial, { signal })``: fold the chunks in order."""
    _validate_fn(reducer, "reducer")
    _validate_signal(signal)
    has_initial = initial is not _NO_INITIAL
    if signal is not None and signal.aborted:
        err = _aborted_error(signal)
        stream.once("error", lambda *_: None)  # the error is raised here
        from .promises import finished

        stream.destroy(err)
        try:
            await finished(stream)
        except Exception:
            pass
        raise err
    controller = AbortController()
    inner = controller.signal
    on_abort = None
    if signal is not None:

        def on_abort(*_args: Any) -> None:
            controller.abort()

        signal.add_event_listener("abort", on_abort, once=True)
    try:
        if signal is not None:
            # The reducer may never settle (Node's test hangs it on purpose): the signal
            # cancels the wait, as Node's reduce rejects at the abort.
            with abort_scope(signal):
                return await _fold(stream, reducer, initial, has_initial, signal, inner)
        return await _fold(stream, reducer, initial, has_initial, signal, inner)
    finally:
        if on_abort is not None:
            signal.remove_event_listener("abort", on_abort)
        if not inner.aborted:
            controller.abort()


async def _fold(
    stream: Any,
    reducer: Callable[..., Any],
    initial: Any,
    has_initial: bool,
    signal: Any,
    inner: Any,
) -> Any:
    got_any = False
    value = initial
    async with stream.iterator() as chunks:
        async for chunk in chunks:
            got_any = True
            if signal is not None and signal.aborted:
                raise AbortError()
            if not has_initial:
                value = chunk
                has_initial = True
            else:
                value = call_with_signal(reducer, value, chunk, signal=inner)
                if inspect.isawaitable(value):
                    value = await value
    if not got_any and not has_initial:
        raise _ReduceOfEmptyStream()
    return value


class _ReduceOfEmptyStream(ERR_MISSING_ARGS):
    def __init__(self) -> None:
        super().__init__("reduce")
        self.args = ("Reduce of an empty stream requires an initial value",)

    def __str__(self) -> str:
        return "Reduce of an empty stream requires an initial value"


def flat_map(
    stream: Any, fn: Callable[..., Any], *, concurrency: int | None = None, signal: Any = None
) -> Any:
    """``readable.flatMap(fn)``: ``fn``'s results (iterables, async iterables, streams), flat."""
    values = _map_iterator(stream, fn, concurrency, None, signal)

    async def flatten() -> AsyncIterator[Any]:
        # Each inner iterable left early (the consumer stopped, or failed) is closed at once,
        # as JS's `for await` returns it; Python's `for` and `async for` leave that to the
        # garbage collector.
        try:
            async for value in values:
                if is_async_iterable(value):
                    inner = value.__aiter__()
                    try:
                        async for item in inner:
                            yield item
                    finally:
                        aclose = getattr(inner, "aclose", None)
                        if callable(aclose):
                            await aclose()
                else:
                    items = iter(value)
                    try:
                        for item in items:
                            yield item
                    finally:
                        close = getattr(items, "close", None)
                        if callable(close):
                            close()
        finally:
            await values.aclose()

    return _readable_from(flatten())


def _to_integer_or_infinity(number: object) -> float:
    try:
        value = float(number)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 0
    if math.isnan(value):
        return 0
    if value < 0:
        raise ERR_OUT_OF_RANGE("number", ">= 0", number)
    return value


def drop(stream: Any, number: object, *, signal: Any = None) -> Any:
    """``readable.drop(n)``: every chunk after the first ``n``."""
    _validate_signal(signal)
    remaining = _to_integer_or_infinity(number)

    async def dropped() -> AsyncIterator[Any]:
        nonlocal remaining
        if signal is not None and signal.aborted:
            raise AbortError()
        async with stream.iterator() as chunks:
            async for value in chunks:
                if signal is not None and signal.aborted:
                    raise AbortError()
                if remaining <= 0:
                    yield value
                remaining -= 1

    return _readable_from(dropped())


def take(stream: Any, number: object, *, signal: Any = None) -> Any:
    """``readable.take(n)``: the first ``n`` chunks (the source is destroyed after them)."""
    _validate_signal(signal)
    remaining = _to_integer_or_infinity(number)

    async def taken() -> AsyncIterator[Any]:
        nonlocal remaining
        if signal is not None and signal.aborted:
            raise AbortError()
        async with stream.iterator() as chunks:
            async for value in chunks:
                if signal is not None and signal.aborted:
                    raise AbortError()
                if remaining > 0:
                    remaining -= 1
                    yield value
                else:
                    remaining -= 1
                if remaining <= 0:
                    return

    return _readable_from(taken())


def as_indexed_pairs(stream: Any, *, signal: Any = None) -> Any:
    """``readable.asIndexedPairs()``: ``[index, chunk]`` pairs (deprecated in Node)."""
    _validate_signal(signal)

    async def pairs() -> AsyncIterator[Any]:
        index = 0
        async with stream.iterator() as chunks:
            async for value in chunks:
                if signal is not None and signal.aborted:
                    raise _aborted_error(signal)
                yield [index, value]
                index += 1

    return _readable_from(pairs())
