"""AsyncLocalStorage across real I/O: Node v20.11.1's socket, dgram and http-multiclients tests.

Node's tests check that a store set around ``net.connect``/``dgram.send``/``http.get`` is the
store its I/O callbacks see. Here the I/O is Trio's (TCP streams and UDP sockets on
localhost) and the callbacks are the code after each ``await``, or a task started from the
frame: the store must survive every wait on the network, and concurrent clients must never
see each other's. (node:http itself is not part of this package.)
"""

from __future__ import annotations

import functools
from typing import Any

import trio
import trio.socket

from trio_nodecompat.async_hooks import AsyncLocalStorage


async def _echo_server(nursery: trio.Nursery) -> int:
    """An echo server (Node's ``socket.pipe(socket)``) that greets first; returns its port."""

    async def handle(stream: trio.SocketStream) -> None:
        async with stream:
            await stream.send_all(b"Hello, world!")
            async for data in stream:
                await stream.send_all(data)

    listeners = await nursery.start(functools.partial(trio.serve_tcp, handle, 0, host="127.0.0.1"))
    port: int = listeners[0].socket.getsockname()[1]
    return port


# Ported: test/async-hooks/test-async-local-storage-socket.js
async def test_the_store_survives_a_tcp_round_trip() -> None:
    als: AsyncLocalStorage[dict[str, str]] = AsyncLocalStorage()
    store = {"val": "abcd"}
    seen: list[object] = []
    async with trio.open_nursery() as nursery:
        port = await _echo_server(nursery)

        async def client() -> None:
            stream = await trio.open_tcp_stream("127.0.0.1", port)
            async with stream:
                await stream.receive_some()  # Node's 'data' event
                seen.append(als.get_store())

        await als.run(store, client)
        # A task started from inside the frame sees it too (Node's callbacks).
        async with trio.open_nursery() as clients:
            als.run(store, clients.start_soon, client)
        nursery.cancel_scope.cancel()
    assert seen == [store, store]
    assert als.get_store() is None


# Ported: test/async-hooks/test-async-local-storage-dgram.js
async def test_the_store_survives_a_udp_round_trip() -> None:
    als: AsyncLocalStorage[dict[str, str]] = AsyncLocalStorage()
    store = {"val": "abcd"}
    seen: list[object] = []
    with trio.socket.socket(trio.socket.AF_INET, trio.socket.SOCK_DGRAM) as server:
        await server.bind(("127.0.0.1", 0))

        async def echo() -> None:
            msg, address = await server.recvfrom(1024)
            await server.sendto(msg, address)

        async def client() -> None:
            with trio.socket.socket(trio.socket.AF_INET, trio.socket.SOCK_DGRAM) as sock:
                await sock.sendto(b"Hello, world!", server.getsockname())
                msg = await sock.recv(1024)
                assert msg == b"Hello, world!"
                seen.append(als.get_store())

        async with trio.open_nursery() as nursery:
            nursery.start_soon(echo)
            await als.run(store, client)
    assert seen == [store]


# Ported: test/parallel/test-async-local-storage-http-multiclients.js, over TCP: ten clients,
# each in its own store, read a 1 MiB body of one repeated digit in many chunks; every chunk
# goes to the store of the client that read it.
async def test_concurrent_clients_each_fill_their_own_store() -> None:
    cls: AsyncLocalStorage[dict[str, Any]] = AsyncLocalStorage()
    num_clients = 10
    index = 0
    done: list[str] = []

    async def handle(stream: trio.SocketStream) -> None:
        nonlocal index
        body = str(index % 10).encode() * (1024 * 1024)
        index += 1
        async with stream:
            await stream.send_all(body)

    async def on_data(data: bytes) -> None:
        store = cls.get_store()
        assert store is not None
        store["data"] += data.decode()
        await trio.sleep(0)

    async def on_end() -> None:
        store = cls.get_store()
        assert store is not None
        data: str = store["data"]
        assert data == data[0] * len(data)
        done.append(data[0])

    async with trio.open_nursery() as nursery:
        listeners = await nursery.start(
            functools.partial(trio.serve_tcp, handle, 0, host="127.0.0.1")
        )
        port = listeners[0].socket.getsockname()[1]

        async def get() -> None:
            cls.get_store()["data"] = ""  # type: ignore[index]
            stream = await trio.open_tcp_stream("127.0.0.1", port)
            async with stream:
                async for chunk in stream:
                    await on_data(chunk)
            await on_end()

        async with trio.open_nursery() as clients:
            for _ in range(num_clients):
                cls.run({}, clients.start_soon, get)
        nursery.cancel_scope.cancel()
    assert sorted(done) == [str(i) for i in range(num_clients)]
