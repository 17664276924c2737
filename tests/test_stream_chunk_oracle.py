"""Chunk boundaries of a Readable's async iteration, against Node's record of the same sources
(``tests/oracles/oracle_stream_chunks.mjs`` -> ``tests/fixtures/stream_chunk_boundaries.json``).

In byte and string mode, what one step of ``async for`` (or ``to_array``) returns depends on
how the reads interleave with the stream's own ticks (``maybe_read_more``, ``'readable'``): a
step that reads while a tick has already refilled the buffer gets the chunks joined. Node runs
the consumer of its async iterator as microtasks, before any queued tick; these cases pin that
order. Each runs several times, because Trio runs ready tasks in a deliberately random order
and the order here must not depend on it.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterable, Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
import trio

from trio_nodecompat import Buffer, open_loop
from trio_nodecompat.stream import PassThrough, Readable, Transform
from trio_nodecompat.timers import set_immediate

FIXTURE = json.loads(
    (Path(__file__).parent / "fixtures" / "stream_chunk_boundaries.json").read_text()
)
REPEATS = 6


def b(text: str) -> bytes:
    return text.encode("latin1")


def show(chunk: Any) -> str:
    if isinstance(chunk, str):
        return f"str:{chunk}"
    if isinstance(chunk, Buffer | bytes | bytearray | memoryview):
        return f"buf:{bytes(chunk).decode('latin1')}"
    return f"obj:{json.dumps(chunk, separators=(',', ':'))}"


async def agen(values: list[Any]) -> Any:
    for value in values:
        yield value


async def collect(iterable: AsyncIterable[Any]) -> list[str]:
    return [show(chunk) async for chunk in iterable]


async def immediate() -> None:
    event = trio.Event()
    set_immediate(event.set)
    await event.wait()


def byte_source(*parts: str, **options: Any) -> Readable:
    return Readable.from_([b(p) for p in parts], object_mode=False, **options)


async def from_bytes_to_array() -> list[str]:
    return [show(c) for c in await byte_source("a", "b", "c").to_array()]


async def from_bytes_async_for() -> list[str]:
    return await collect(byte_source("a", "b", "c", "d", "e"))


async def from_bytes_high_water_mark_4() -> list[str]:
    return await collect(byte_source("ab", "c", "de", "f", "ghij", "k", high_water_mark=4))


async def from_bytes_long() -> list[str]:
    return await collect(byte_source(*(chr(97 + i % 26) for i in range(40))))


async def from_bytes_past_a_ready_run() -> list[str]:
    return await collect(byte_source(*(str(i % 10) for i in range(100))))


async def from_objects() -> list[str]:
    return await collect(Readable.from_(["a", "b", {"c": 1}, 2]))


async def from_strings_utf8() -> list[str]:
    return await collect(Readable.from_(["a", "bc", "d"], object_mode=False, encoding="utf8"))


async def from_strings_as_bytes() -> list[str]:
    return await collect(Readable.from_(["a", "bc", "d"], object_mode=False))


async def from_split_utf8_character() -> list[str]:
    parts = [bytes([0x61, 0xE2, 0x82]), bytes([0xAC, 0x62]), b"c"]
    return await collect(Readable.from_(parts, object_mode=False, encoding="utf8"))


async def from_bytes_hex_encoding() -> list[str]:
    return await collect(byte_source("a", "bc", "d", encoding="hex"))


async def from_async_generator_bytes() -> list[str]:
    return await collect(Readable.from_(agen([b"a", b"b", b"c", b"d"]), object_mode=False))


async def from_async_generator_to_array() -> list[str]:
    chunks = await Readable.from_(agen([b"a", b"b", b"c"]), object_mode=False).to_array()
    return [show(c) for c in chunks]


async def from_async_generator_strings_utf8() -> list[str]:
    source = agen(["a", "b", "c"])
    return await collect(Readable.from_(source, object_mode=False, encoding="utf8"))


async def read_pushes_two_per_call() -> list[str]:
    n = 0

    def read(self: Readable, size: int) -> None:
        nonlocal n
        n += 1
        if n <= 3:
            self.push(b(f"{n}x"))
            self.push(b(f"{n}y"))
        else:
            self.push(None)

    return await collect(Readable(read=read))


async def read_pushes_one_per_call_high_water_mark_2() -> list[str]:
    n = 0

    def read(self: Readable, size: int) -> None:
        nonlocal n
        if n < 5:
            self.push(b(str(n)))
            n += 1
        else:
            self.push(None)

    return await collect(Readable(read=read, high_water_mark=2))


def same(self: Any, chunk: Any, encoding: Any, callback: Any) -> None:
    callback(None, chunk)


async def transform_output() -> list[str]:
    t = Transform(transform=same)
    byte_source("a", "b", "c", "d").pipe(t)
    return await collect(t)


async def transform_pushing_twice() -> list[str]:
    def twice(self: Transform, chunk: Any, encoding: Any, callback: Any) -> None:
        self.push(chunk)
        self.push(chunk)
        callback()

    t = Transform(transform=twice)
    byte_source("a", "b").pipe(t)
    return await collect(t)


async def transform_object_mode() -> list[str]:
    def upper(self: Transform, chunk: Any, encoding: Any, callback: Any) -> None:
        callback(None, chunk.upper())

    t = Transform(object_mode=True, transform=upper)
    Readable.from_(["a", "b", "c"]).pipe(t)
    return await collect(t)


async def passthrough_prefilled() -> list[str]:
    p = PassThrough()
    p.write("a")
    p.write("b")
    p.end("c")
    return await collect(p)


async def passthrough_written_while_iterating() -> list[str]:
    p = PassThrough()
    out: list[str] = []

    async def consume() -> None:
        out.extend(await collect(p))

    async with trio.open_nursery() as nursery:
        nursery.start_soon(consume)
        p.write("a")
        p.write("b")
        await immediate()
        p.write("c")
        p.end("d")
    return out


async def to_array_objects() -> list[str]:
    return [show(c) for c in await Readable.from_(["x", "y", "z"]).to_array()]


def five() -> Readable:
    return byte_source("a", "b", "c", "d", "e")


async def shown(readable: Readable) -> list[str]:
    return [show(c) for c in await readable.to_array()]


async def echo(chunk: Any) -> Any:
    return chunk


async def map_sync() -> list[str]:
    return await shown(five().map(lambda c: c))


async def map_async() -> list[str]:
    return await shown(five().map(echo))


async def map_concurrency_2() -> list[str]:
    return await shown(five().map(lambda c: c, concurrency=2))


async def map_async_concurrency_2() -> list[str]:
    return await shown(five().map(echo, concurrency=2))


async def filter_async() -> list[str]:
    async def keep(chunk: Any) -> bool:
        return True

    return await shown(five().filter(keep))


async def filter_all() -> list[str]:
    return await shown(five().filter(lambda c: True))


async def for_each_sync() -> list[str]:
    out: list[str] = []
    await five().for_each(lambda c: out.append(show(c)))
    return out


async def for_each_async() -> list[str]:
    out: list[str] = []

    async def record(chunk: Any) -> None:
        out.append(show(chunk))

    await five().for_each(record)
    return out


async def reduce_chunks() -> list[str]:
    result: list[str] = await five().reduce(lambda acc, c: [*acc, show(c)], [])
    return result


async def take_3() -> list[str]:
    return await shown(five().take(3))


async def drop_1() -> list[str]:
    return await shown(five().drop(1))


SCENARIOS: dict[str, Callable[[], Awaitable[list[str]]]] = {
    fn.__name__: fn
    for fn in (
        from_bytes_to_array,
        from_bytes_async_for,
        from_bytes_high_water_mark_4,
        from_bytes_long,
        from_bytes_past_a_ready_run,
        from_objects,
        from_strings_utf8,
        from_strings_as_bytes,
        from_split_utf8_character,
        from_bytes_hex_encoding,
        from_async_generator_bytes,
        from_async_generator_to_array,
        from_async_generator_strings_utf8,
        read_pushes_two_per_call,
        read_pushes_one_per_call_high_water_mark_2,
        transform_output,
        transform_pushing_twice,
        transform_object_mode,
        passthrough_prefilled,
        passthrough_written_while_iterating,
        to_array_objects,
        map_sync,
        map_async,
        map_concurrency_2,
        map_async_concurrency_2,
        filter_async,
        filter_all,
        for_each_sync,
        for_each_async,
        reduce_chunks,
        take_3,
        drop_1,
    )
}


#: Where the boundaries may differ from Node's: scenario -> (why, how many chunks fewer a run
#: may give). Trio's random task order decides whether a run differs at all, so these cannot
#: be strict xfails; they are checked for what is guaranteed instead: the same bytes in the
#: same order, only a few boundaries moved.
KNOWN_DIFFERENCES = {
    "from_bytes_past_a_ready_run": (
        "the iterator takes a schedule point after READY_RUN (64) chunks in a row, so a Trio "
        "task cannot starve the others; the stream's ticks may run there and refill the "
        "buffer, and the next step then returns two one-byte chunks joined (Node never "
        "yields here)",
        2,
    ),
    "map_async_concurrency_2": (
        "with concurrency > 1 each async fn runs in a Trio task of its own: the loop's "
        "runner may get a turn before those tasks finish, where Node settles them within the "
        "microtask queue, so a read of the source may come after a tick and join two chunks",
        3,
    ),
}


def test_every_recorded_scenario_is_replayed() -> None:
    assert set(SCENARIOS) == set(FIXTURE["scenarios"])
    assert FIXTURE["node"].startswith("v20.")


@pytest.mark.parametrize(
    "name", [name for name in sorted(FIXTURE["scenarios"]) if name not in KNOWN_DIFFERENCES]
)
async def test_chunks_as_node_yields_them(name: str) -> None:
    seen = set()
    for _ in range(REPEATS):
        async with open_loop():
            seen.add(tuple(await SCENARIOS[name]()))
    assert seen == {tuple(FIXTURE["scenarios"][name])}


def payload(chunks: list[str]) -> tuple[str, str]:
    """The kind and the concatenated payload of same-kind chunks."""
    kinds = {chunk.partition(":")[0] for chunk in chunks}
    assert len(kinds) == 1
    return kinds.pop(), "".join(chunk.partition(":")[2] for chunk in chunks)


@pytest.mark.parametrize("name", sorted(KNOWN_DIFFERENCES))
async def test_known_differences_only_join_chunks(name: str) -> None:
    _why, most = KNOWN_DIFFERENCES[name]
    node = FIXTURE["scenarios"][name]
    for _ in range(REPEATS):
        async with open_loop():
            ours = await SCENARIOS[name]()
        assert payload(ours) == payload(node), (ours, node)
        assert len(node) - most <= len(ours) <= len(node), (ours, node)
