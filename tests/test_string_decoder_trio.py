"""StringDecoder on a Trio byte stream: the use the docs page shows."""

from __future__ import annotations

from collections.abc import AsyncIterator

import trio
import trio.testing

from trio_nodecompat.string_decoder import StringDecoder


async def read_text(stream: trio.abc.ReceiveStream) -> AsyncIterator[str]:
    decoder = StringDecoder("utf8")
    async for chunk in stream:
        if text := decoder.write(chunk):
            yield text
    if rest := decoder.end():
        yield rest


async def test_characters_cut_by_stream_chunks_arrive_whole() -> None:
    send, receive = trio.testing.memory_stream_one_way_pair()
    data = "naïve € 😀 café".encode()
    received: list[str] = []

    async def consume() -> None:
        async for text in read_text(receive):
            received.append(text)

    async with trio.open_nursery() as nursery:
        nursery.start_soon(consume)
        for i in range(len(data)):
            await send.send_all(data[i : i + 1])
            await trio.testing.wait_all_tasks_blocked()
        await send.send_all(b"\xe2\x82")  # a character the stream never finishes
        await send.aclose()

    assert "".join(received) == "naïve € 😀 café\ufffd"
    # Each chunk that ends inside a character yields nothing until the character is whole.
    assert "€" in received and "😀" in received
