"""AsyncLocalStorage across real I/O: Node v20.11.1's socket, dgram, TLS and http tests.

Node's tests check that a store set around ``net.connect``/``dgram.send``/``http.get`` is the
store its I/O callbacks see. Here the I/O is Trio's (TCP streams and UDP sockets on
localhost) and the callbacks are the code after each ``await``, or a task started from the
frame: the store must survive every wait on the network, and concurrent clients must never
see each other's. node:http is not part of this package: its tests become a minimal HTTP/1.1
exchange over Trio TCP.
"""

from __future__ import annotations

import functools
import ssl
from pathlib import Path
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

    async def on_data(data: bytes | bytearray) -> None:
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


# Ported: test/async-hooks/test-async-local-storage-tlssocket.js, with trio.SSLStream and a
# self-signed certificate (tests/fixtures/tls).
async def test_the_store_survives_a_tls_round_trip() -> None:
    tls = Path(__file__).parent / "fixtures" / "tls"
    server_ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_ctx.load_cert_chain(tls / "localhost.crt", tls / "localhost.key")
    client_ctx = ssl.create_default_context(cafile=str(tls / "localhost.crt"))
    als: AsyncLocalStorage[dict[str, str]] = AsyncLocalStorage()
    store = {"val": "abcd"}
    seen: list[object] = []

    async def handle(plain: trio.SocketStream) -> None:
        stream = trio.SSLStream(plain, server_ctx, server_side=True)
        async with stream:
            await stream.send_all(b"Hello, world!")
            async for data in stream:
                await stream.send_all(data)

    async with trio.open_nursery() as nursery:
        listeners = await nursery.start(
            functools.partial(trio.serve_tcp, handle, 0, host="127.0.0.1")
        )
        port = listeners[0].socket.getsockname()[1]

        async def client() -> None:
            stream = await trio.open_ssl_over_tcp_stream("127.0.0.1", port, ssl_context=client_ctx)
            async with stream:
                assert await stream.receive_some() == b"Hello, world!"
                seen.append(als.get_store())

        await als.run(store, client)
        nursery.cancel_scope.cancel()
    assert seen == [store]


async def _http_server(nursery: trio.Nursery, seen: list[str]) -> int:
    """A minimal HTTP/1.1 server answering every request on a connection with ``ok``."""

    async def handle(stream: trio.SocketStream) -> None:
        async with stream:
            buffer = b""
            async for data in stream:
                buffer += data
                while b"\r\n\r\n" in buffer:
                    head, _, buffer = buffer.partition(b"\r\n\r\n")
                    seen.append(head.split(b" ")[1].decode())
                    await stream.send_all(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")

    listeners = await nursery.start(functools.partial(trio.serve_tcp, handle, 0, host="127.0.0.1"))
    port: int = listeners[0].socket.getsockname()[1]
    return port


async def _get(stream: trio.abc.Stream, path: str) -> bytes:
    await stream.send_all(f"GET {path} HTTP/1.1\r\nHost: localhost\r\n\r\n".encode())
    response = b""
    while not response.endswith(b"\r\n\r\nok"):
        response += await stream.receive_some()
    return response


# Ported: test/async-hooks/test-async-local-storage-http.js, with a minimal HTTP exchange over
# Trio TCP (node:http is not part of this package): the response handler sees the store.
async def test_the_store_survives_an_http_request() -> None:
    als: AsyncLocalStorage[dict[str, str]] = AsyncLocalStorage()
    requests: list[str] = []
    seen: list[object] = []
    async with trio.open_nursery() as nursery:
        port = await _http_server(nursery, requests)

        async def get() -> None:
            store = als.get_store()
            assert store is not None
            store["hello"] = "world"
            stream = await trio.open_tcp_stream("127.0.0.1", port)
            async with stream:
                assert (await _get(stream, "/")).startswith(b"HTTP/1.1 200 OK")
                seen.append(als.get_store())

        await als.run({}, get)
        nursery.cancel_scope.cancel()
    assert seen == [{"hello": "world"}]
    assert requests == ["/"]


# Ported: test/async-hooks/test-async-local-storage-http-agent.js. Node's agent with
# maxSockets: 1 queues three requests on one socket; here three tasks, each in its own store,
# take turns on one shared connection (a lock plays the agent's queue), and each response is
# read in the store of the request that sent it.
async def test_requests_queued_on_one_connection_keep_their_stores() -> None:
    als: AsyncLocalStorage[int] = AsyncLocalStorage()
    requests: list[str] = []
    responses: list[tuple[int | None, int]] = []
    async with trio.open_nursery() as nursery:
        port = await _http_server(nursery, requests)
        connection = await trio.open_tcp_stream("127.0.0.1", port)
        agent = trio.Lock()

        async def get(i: int) -> None:
            async with agent:
                await _get(connection, f"/{i}")
                responses.append((als.get_store(), i))

        async with connection, trio.open_nursery() as clients:
            for i in range(3):
                als.run(i, clients.start_soon, get, i)
        nursery.cancel_scope.cancel()
    assert sorted(responses, key=lambda r: r[1]) == [(0, 0), (1, 1), (2, 2)]
    assert sorted(requests) == ["/0", "/1", "/2"]
