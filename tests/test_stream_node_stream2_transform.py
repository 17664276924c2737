"""Node's test/parallel/test-stream2-transform.js, ported case by case.

Each test names the block of the Node file it comes from (Node's comment on it).
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from stream_node_common import Must

from trio_nodecompat import open_loop
from trio_nodecompat.buffer import Buffer
from trio_nodecompat.process import next_tick
from trio_nodecompat.stream import PassThrough, Transform
from trio_nodecompat.timers import set_timeout

pytest_plugins = ["stream_node_plugin"]


def _js(value: Any) -> str:
    """JSON.stringify for the values of the file (compact separators, as JS writes them)."""
    return json.dumps(value, separators=(",", ":"))


def _write_words(pt: Any, words: list[str]) -> None:
    for word in words:
        pt.write(Buffer.from_(word))
    pt.end()


def _reads(pt: Any, n: int, count: int) -> list[str | None]:
    out: list[str | None] = []
    for _ in range(count):
        chunk = pt.read(n)
        out.append(None if chunk is None else chunk.to_string())
    return out


async def test_writable_side_consumption() -> None:
    transformed = 0
    async with open_loop():
        tx = Transform(high_water_mark=10)

        def _transform(chunk: Any, encoding: str, cb: Any) -> None:
            nonlocal transformed
            transformed += len(chunk)
            tx.push(chunk)
            cb()

        tx._transform = _transform  # type: ignore[method-assign]
        for i in range(1, 11):
            tx.write(Buffer.alloc_unsafe(i))
        tx.end()
        assert tx.readable_length == 10
        assert transformed == 10
        assert [len(c.chunk) for c in tx.writable_buffer] == [5, 6, 7, 8, 9, 10]


async def test_passthrough_behavior() -> None:
    async with open_loop():
        pt = PassThrough()
        _write_words(pt, ["foog", "bark", "bazy", "kuel"])
        assert _reads(pt, 5, 4) == ["foogb", "arkba", "zykue", "l"]


async def test_object_passthrough_behavior() -> None:
    values: list[Any] = [1, True, False, 0, "foo", "", {"a": "b"}]
    async with open_loop():
        pt = PassThrough(object_mode=True)
        for v in values:
            pt.write(v)
        pt.end()
        got = [pt.read() for _ in values]
        assert [(type(x), x) for x in got] == [(type(x), x) for x in values]


async def test_constructor_behavior() -> None:
    # Node: PassThrough() and Transform() without `new`; Python has only the call form.
    async with open_loop():
        assert isinstance(PassThrough(), PassThrough)
        assert isinstance(Transform(), Transform)


async def test_simple_transform() -> None:
    async with open_loop():
        pt = Transform()

        def _transform(c: Any, e: str, cb: Any) -> None:
            pt.push(Buffer.alloc(len(c), "x"))
            cb()

        pt._transform = _transform  # type: ignore[method-assign]
        _write_words(pt, ["foog", "bark", "bazy", "kuel"])
        assert _reads(pt, 5, 4) == ["xxxxx", "xxxxx", "xxxxx", "x"]


async def test_simple_object_transform() -> None:
    values: list[Any] = [1, True, False, 0, "foo", "", {"a": "b"}]
    async with open_loop():
        pt = Transform(object_mode=True)

        def _transform(c: Any, e: str, cb: Any) -> None:
            pt.push(_js(c))
            cb()

        pt._transform = _transform  # type: ignore[method-assign]
        for v in values:
            pt.write(v)
        pt.end()
        assert [pt.read() for _ in values] == [
            "1",
            "true",
            "false",
            "0",
            '"foo"',
            '""',
            '{"a":"b"}',
        ]


async def test_async_passthrough(must: Must, autojump_clock: Any) -> None:
    async with open_loop():
        pt = Transform()

        def _transform(chunk: Any, encoding: str, cb: Any) -> None:
            def later() -> None:
                pt.push(chunk)
                cb()

            set_timeout(later, 10)

        pt._transform = _transform  # type: ignore[method-assign]
        _write_words(pt, ["foog", "bark", "bazy", "kuel"])

        def finish() -> None:
            assert _reads(pt, 5, 4) == ["foogb", "arkba", "zykue", "l"]

        pt.on("finish", must.call(finish))


async def test_asymmetric_transform_expand(must: Must, autojump_clock: Any) -> None:
    async with open_loop():
        pt = Transform()

        def _transform(chunk: Any, encoding: str, cb: Any) -> None:
            def first() -> None:
                pt.push(chunk)

                def second() -> None:
                    pt.push(chunk)
                    cb()

                set_timeout(second, 10)

            set_timeout(first, 10)

        pt._transform = _transform  # type: ignore[method-assign]
        _write_words(pt, ["foog", "bark", "bazy", "kuel"])

        def finish() -> None:
            assert _reads(pt, 5, 7) == ["foogf", "oogba", "rkbar", "kbazy", "bazyk", "uelku", "el"]

        pt.on("finish", must.call(finish))


async def test_asymmetric_transform_compress(must: Must, autojump_clock: Any) -> None:
    state = ""
    async with open_loop():
        pt = Transform()

        def _transform(chunk: Any, encoding: str, cb: Any) -> None:
            s = chunk.to_string() if chunk else ""

            def later() -> None:
                nonlocal state
                state += s[:1]
                if len(state) == 3:
                    pt.push(Buffer.from_(state))
                    state = ""
                cb()

            set_timeout(later, 10)

        def _flush(cb: Any) -> None:
            nonlocal state
            pt.push(Buffer.from_(state))
            state = ""
            cb()

        pt._transform = _transform  # type: ignore[method-assign]
        pt._flush = _flush  # type: ignore[attr-defined]
        _write_words(pt, [c * 4 for c in "abcdeabcdeabcd"])

        def finish() -> None:
            assert _reads(pt, 5, 3) == ["abcde", "abcde", "abcd"]

        pt.on("finish", must.call(finish))


async def test_complex_transform_no_stall(must: Must) -> None:
    # A stall when data is written to a full stream that has empty transforms.
    count = 0
    saved: Any = None
    async with open_loop():
        pt = Transform(high_water_mark=3)

        def _transform(c: Any, e: str, cb: Any) -> None:
            nonlocal count, saved
            count += 1
            if count - 1 == 1:
                saved = c
            else:
                if saved:
                    pt.push(saved)
                    saved = None
                pt.push(c)
            cb()

        pt._transform = _transform  # type: ignore[method-assign]

        def on_readable() -> None:
            def later() -> None:
                pt.write(Buffer.from_("d"))
                pt.write(Buffer.from_("ef"), callback=must.call(lambda *_a: pt.end()))
                assert pt.read().to_string() == "abcdef"
                assert pt.read() is None

            next_tick(later)

        pt.once("readable", on_readable)
        pt.write(Buffer.from_("abc"))


async def test_passthrough_event_emission() -> None:
    emits = 0
    async with open_loop():
        pt = PassThrough()

        def on_readable() -> None:
            nonlocal emits
            emits += 1

        pt.on("readable", on_readable)
        pt.write(Buffer.from_("foog"))
        pt.write(Buffer.from_("bark"))
        assert emits == 0
        assert _reads(pt, 5, 2) == ["foogb", None]
        assert emits == 0
        pt.write(Buffer.from_("bazy"))
        pt.write(Buffer.from_("kuel"))
        assert emits == 0
        assert _reads(pt, 5, 3) == ["arkba", "zykue", None]
        pt.end()
        assert emits == 1
        assert _reads(pt, 5, 2) == ["l", None]
        assert emits == 1


async def test_passthrough_event_emission_reordering(must: Must) -> None:
    emits = 0
    async with open_loop():
        pt = PassThrough()

        def count() -> None:
            nonlocal emits
            emits += 1

        pt.on("readable", count)
        pt.write(Buffer.from_("foog"))
        pt.write(Buffer.from_("bark"))
        assert emits == 0
        assert _reads(pt, 5, 2) == ["foogb", None]

        def third() -> None:
            assert _reads(pt, 5, 2) == ["l", None]
            assert emits == 3

        def second() -> None:
            assert _reads(pt, 5, 2) == ["zykue", None]
            pt.once("readable", must.call(third))
            pt.end()

        def first() -> None:
            assert _reads(pt, 5, 2) == ["arkba", None]
            pt.once("readable", must.call(second))
            pt.write(Buffer.from_("kuel"))

        pt.once("readable", must.call(first))
        pt.write(Buffer.from_("bazy"))


async def test_passthrough_facade(must: Must, autojump_clock: Any) -> None:
    datas: list[str] = []
    async with open_loop():
        pt = PassThrough()
        pt.on("data", lambda chunk: datas.append(chunk.to_string()))
        pt.on("end", must.call(lambda: datas == ["foog", "bark", "bazy", "kuel"] or pytest.fail()))
        pt.write(Buffer.from_("foog"))

        def step(words: list[str]) -> None:
            if not words:
                pt.end()
                return
            pt.write(Buffer.from_(words[0]))
            set_timeout(step, 10, words[1:])

        set_timeout(step, 10, ["bark", "bazy", "kuel"])


_OBJECTS: list[Any] = [
    {"foo": "bar"},
    100,
    "string",
    {"nested": {"things": [{"foo": "bar"}, 100, "string"]}},
]


@pytest.mark.parametrize("direction", ["parse", "stringify"])
async def test_object_transform_json(must: Must, direction: str) -> None:
    ended = False
    async with open_loop():
        jt = Transform(object_mode=True)
        convert = json.loads if direction == "parse" else _js

        def _transform(data: Any, encoding: str, cb: Any) -> None:
            try:
                jt.push(convert(data))
                cb()
            except Exception as er:  # noqa: BLE001 - handed to the stream, as Node's test does
                cb(er)

        jt._transform = _transform  # type: ignore[method-assign]

        def on_end() -> None:
            nonlocal ended
            ended = True

        jt.on("end", on_end)
        for obj in _OBJECTS:
            jt.write(_js(obj) if direction == "parse" else obj)
            assert jt.read() == (obj if direction == "parse" else _js(obj))
        jt.end()
        jt.read()  # one more read to get the 'end' event
        next_tick(must.call(lambda: ended or pytest.fail("no 'end'")))


async def test_construct_pushes_header(must: Must) -> None:
    expected = ["header from constructor", "firstLine", "secondLine"]
    async with open_loop():

        def construct(self: Any, callback: Any) -> None:
            self.push("header from constructor")
            callback()

        s = Transform(
            object_mode=True,
            construct=construct,
            transform=lambda self, row, encoding, callback: callback(None, row),
        )
        s.on("data", must.call(lambda data: data == expected.pop(0) or pytest.fail(data), 3))
        s.write("firstLine")
        next_tick(lambda: s.write("secondLine"))
