"""What the Python port adds or decides: the async-method form, keyword options, the loop
requirement, chunk conversion, the state properties, and error routing."""

from __future__ import annotations

from typing import Any

import pytest
import trio
from _stream_support import MustCall, node_case

from trio_nodecompat import open_loop
from trio_nodecompat.async_hooks import AsyncLocalStorage
from trio_nodecompat.buffer import Buffer
from trio_nodecompat.errors import (
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_OUT_OF_RANGE,
    NoLoopError,
)
from trio_nodecompat.stream import (
    Duplex,
    PassThrough,
    Readable,
    Transform,
    Writable,
    get_default_high_water_mark,
    set_default_high_water_mark,
)


def check(condition: bool) -> None:
    assert condition


# The async-method form


class AsyncSink(Writable):
    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.got: list[bytes] = []
        self.finals = 0

    async def _write(self, chunk: Any, encoding: str) -> None:  # type: ignore[override]
        await trio.sleep(0)
        self.got.append(bytes(chunk))

    async def _final(self) -> None:  # type: ignore[override]
        await trio.sleep(0)
        self.finals += 1


async def test_async_write_and_final() -> None:
    events: list[str] = []
    async with open_loop():
        w = AsyncSink(high_water_mark=3)
        assert w.write(b"ab") is True
        assert w.write(b"cd") is False  # 4 >= 3: backpressure while the task runs
        w.on("drain", lambda: events.append("drain"))
        w.on("finish", lambda: events.append("finish"))
        w.end(b"ef", lambda err: events.append(f"end cb {err}"))
    assert w.got == [b"ab", b"cd", b"ef"]
    assert w.finals == 1
    assert events == ["end cb None", "finish"]  # no drain once ending, as in Node


async def test_async_write_failure_plays_callback_error() -> None:
    seen: list[Any] = []

    async def write(self: Writable, chunk: Any, encoding: str) -> None:
        await trio.sleep(0)
        raise ValueError("disk full")

    async with open_loop():
        w = Writable(write=write)
        w.on("error", lambda err: seen.append(("error", str(err))))
        w.write(b"x", lambda err: seen.append(("cb", str(err))))
    assert seen == [("cb", "disk full"), ("error", "disk full")]
    assert w.destroyed


async def test_async_transform_return_is_pushed_and_flush() -> None:
    class Upper(Transform):
        async def _transform(self, chunk: Any, encoding: Any) -> Any:  # type: ignore[override]
            await trio.sleep(0)
            return chunk.to_string().upper()

        async def _flush(self) -> Any:  # type: ignore[override]
            return "!"

    out: list[str] = []
    async with open_loop():
        t = Upper()
        t.set_encoding("utf8")
        t.on("data", out.append)
        t.write("ab")
        t.end("cd")
    assert out == ["AB", "CD", "!"]


async def test_async_read_pushes_and_error_destroys() -> None:
    async def read(self: Readable, size: int) -> None:
        await trio.sleep(0)
        if self.count < 3:
            self.count += 1
            self.push(f"{self.count}")
        else:
            raise RuntimeError("source broke")

    errors: list[BaseException] = []
    data: list[str] = []
    async with open_loop():
        r = Readable(read=read, encoding="utf8")
        r.count = 0  # type: ignore[attr-defined]
        r.on("data", data.append)
        r.on("error", errors.append)
    assert data == ["1", "2", "3"]
    assert [str(e) for e in errors] == ["source broke"]
    assert r.destroyed


async def test_async_construct_and_destroy() -> None:
    order: list[str] = []

    class Resource(Readable):
        async def _construct(self) -> None:  # type: ignore[override]
            await trio.sleep(0)
            order.append("constructed")

        def _read(self, size: int) -> None:
            order.append("read")
            self.push(None)

        async def _destroy(self, err: BaseException | None) -> None:  # type: ignore[override]
            await trio.sleep(0)
            order.append(f"destroyed {err}")

    async with open_loop():
        r = Resource()
        r.on("end", lambda: order.append("end"))
        r.on("close", lambda: order.append("close"))
        r.resume()
    assert order == ["constructed", "read", "end", "destroyed None", "close"]


async def test_async_destroy_keeps_the_error() -> None:
    class R(Readable):
        async def _destroy(self, err: BaseException | None) -> None:  # type: ignore[override]
            await trio.sleep(0)

    seen: list[Any] = []
    async with open_loop():
        r = R(read=lambda self, n: None)
        r.on("error", lambda e: seen.append(str(e)))
        r.destroy(ValueError("boom"))
    assert seen == ["boom"]


async def test_async_method_detected_once_per_class() -> None:
    class W(Writable):
        async def _write(self, chunk: Any, encoding: str) -> None:  # type: ignore[override]
            pass

    # The class attribute is the callback-style adapter; the coroutine function is kept.
    assert not __import__("inspect").iscoroutinefunction(W._write)
    assert W._write.__wrapped__.__name__ == "_write"  # type: ignore[attr-defined]


async def test_async_write_runs_in_the_callers_frame() -> None:
    als: AsyncLocalStorage[str] = AsyncLocalStorage()
    stores: list[str | None] = []

    async def write(self: Writable, chunk: Any, encoding: str) -> None:
        stores.append(als.get_store())

    async with open_loop():
        w = Writable(write=write)
        als.run("request-1", w.write, b"x")
    assert stores == ["request-1"]


# The loop requirement


async def test_streams_need_a_loop() -> None:
    r = Readable(read=lambda self, n: None)
    with pytest.raises(NoLoopError):
        r.resume()
    w = Writable(write=lambda self, c, e, cb: cb())
    with pytest.raises(NoLoopError):
        w.end()


# Options, validation


def test_high_water_mark_validation() -> None:
    with pytest.raises(ERR_INVALID_ARG_VALUE):
        Readable(high_water_mark=-1)
    with pytest.raises(ERR_INVALID_ARG_VALUE):
        Writable(high_water_mark=1.5)
    with pytest.raises(ERR_INVALID_ARG_VALUE):
        Duplex(readable_high_water_mark=True)  # type: ignore[arg-type]
    assert Readable(high_water_mark=2.0).readable_high_water_mark == 2


def test_default_high_water_marks() -> None:
    assert get_default_high_water_mark(False) == 64 * 1024
    assert get_default_high_water_mark(True) == 16
    assert Readable().readable_high_water_mark == 64 * 1024
    assert Writable(object_mode=True).writable_high_water_mark == 16
    try:
        set_default_high_water_mark(False, 1024)
        assert Writable().writable_high_water_mark == 1024
        with pytest.raises(ERR_OUT_OF_RANGE):
            set_default_high_water_mark(True, -1)
        with pytest.raises(ERR_INVALID_ARG_TYPE):
            set_default_high_water_mark(True, "x")  # type: ignore[arg-type]
    finally:
        set_default_high_water_mark(False, 64 * 1024)
    assert get_default_high_water_mark(False) == 64 * 1024


def test_duplex_options_per_side() -> None:
    d = Duplex(readable_object_mode=True, writable_high_water_mark=5)
    assert d.readable_object_mode is True
    assert d.writable_object_mode is False
    assert d.readable_high_water_mark == 16
    assert d.writable_high_water_mark == 5
    d2 = Duplex(high_water_mark=7, readable_high_water_mark=1)
    assert d2.readable_high_water_mark == d2.writable_high_water_mark == 7
    t = Transform(readable_high_water_mark=0)
    assert t.writable_high_water_mark == 0


def test_state_properties_of_a_fresh_stream() -> None:
    d = PassThrough()
    assert d.readable_length == 0
    assert d.readable_flowing is None
    assert d.readable_ended is False
    assert d.readable_encoding is None
    assert d.readable_aborted is False
    assert d.readable_did_read is False
    assert d.writable_length == 0
    assert d.writable_need_drain is False
    assert d.writable_finished is False
    assert d.writable_ended is False
    assert d.writable_corked == 0
    assert d.destroyed is False
    assert d.closed is False
    assert d.errored is None
    assert d.readable is True
    assert d.writable is True
    d.cork()
    assert d.writable_corked == 1


# Chunks


@node_case
def test_chunk_conversion(must_call: MustCall) -> None:
    got: list[Any] = []

    def write(self: Writable, chunk: Any, encoding: str, cb: Any) -> None:
        got.append(chunk)
        cb()

    w = Writable(write=write)
    shared = bytearray(b"ab")
    w.write(shared)
    w.write(b"cd")
    w.write(memoryview(b"ef"))
    w.write("6869", "hex")
    w.end()
    assert all(isinstance(chunk, Buffer) for chunk in got)
    assert [bytes(c) for c in got] == [b"ab", b"cd", b"ef", b"hi"]
    shared[0] = ord("z")
    assert bytes(got[0]) == b"zb"  # a bytearray is shared, as Node shares a TypedArray


# Errors with no listener are the loop's uncaught exceptions


async def test_error_without_listener_is_uncaught() -> None:
    seen: list[tuple[Any, str]] = []
    async with open_loop() as loop:
        loop.on("uncaughtException", lambda err, origin: seen.append((err, origin)))
        r = Readable(read=lambda self, n: None)
        r.destroy(ValueError("nobody listens"))
    assert [(str(e), o) for e, o in seen] == [("nobody listens", "uncaughtException")]


async def test_error_without_any_listener_propagates() -> None:
    with pytest.RaisesGroup(pytest.RaisesExc(ValueError, match="nobody")):
        async with open_loop():
            Writable(write=lambda self, c, e, cb: cb(ValueError("nobody"))).write(b"x")


async def test_decoded_lengths_are_utf16_code_units() -> None:
    async with open_loop():
        r = Readable(read=lambda self, n: None, encoding="utf8")
        r.push("a\U0001d11eb".encode())
        assert r.readable_length == 4  # a, the pair (2 units), b: JS's 'a𝄞b'.length
        assert r.read(2) == "a\ud834"  # cuts the pair, as JS's slice does
        assert r.readable_length == 2
        assert r.read(2) == "\udd1eb"
        r.push(None)


class _FakeSignal:
    """The part of AbortSignal that ``signal=`` uses (the abort module brings the real one)."""

    def __init__(self, aborted: bool = False) -> None:
        self.aborted = aborted
        self.reason: Any = ValueError("because") if aborted else None
        self.listeners: list[Any] = []

    def add_event_listener(self, type: str, listener: Any, *, once: bool = False) -> None:
        assert type == "abort" and once
        self.listeners.append(listener)

    def remove_event_listener(self, type: str, listener: Any) -> None:
        self.listeners.remove(listener)

    def abort(self) -> None:
        self.aborted = True
        self.reason = ValueError("because")
        for listener in list(self.listeners):
            listener(None)


async def test_signal_option_destroys_with_abort_error() -> None:
    seen: list[Any] = []
    async with open_loop():
        signal = _FakeSignal()
        w = Writable(signal=signal, write=lambda self, c, e, cb: cb())
        w.on("error", lambda e: seen.append((e.code, e.name, str(e.cause))))
        w.write("asd")
        signal.abort()
        assert w.destroyed
    assert seen == [("ABORT_ERR", "AbortError", "because")]
    assert signal.listeners == []  # removed once the stream closed

    async with open_loop():
        r = Readable(signal=_FakeSignal(aborted=True), read=lambda self, n: None)
        assert r.destroyed
        errors: list[Any] = []
        r.on("error", errors.append)
    assert [e.code for e in errors] == ["ABORT_ERR"]


async def test_capture_rejections_destroys_the_stream() -> None:
    seen: list[Any] = []
    async with open_loop():
        r = Readable(read=lambda self, n: None, capture_rejections=True, object_mode=True)

        async def on_data(chunk: Any) -> None:
            raise ValueError(f"bad {chunk}")

        r.on("data", on_data)
        r.on("error", lambda e: seen.append(str(e)))
        r.push(1)
    assert seen == ["bad 1"]
    assert r.destroyed
