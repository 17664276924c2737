"""A TCP echo server on ``trio.serve_tcp`` whose connections are Node Duplexes.

Port of ``14-echo-server.mjs``. Each accepted ``trio.SocketStream`` becomes a Node Duplex
(``Duplex.from_stream``, as Node hands a ``net.Socket`` to its connection listener) and is
piped through an upper-casing Transform back into itself with ``stream.promises.pipeline``,
which a Trio task simply awaits. The client is plain Trio: it sends lines, half-closes
(``send_eof``), and reads until the server's EOF, which comes when the pipeline ends the
socket's writable side. Backpressure holds across the bridge in both directions: the socket
is read only while the Transform wants data, and written only as fast as the peer takes it.
"""

from __future__ import annotations

import json
from functools import partial
from typing import Any

import trio

import trio_nodecompat
from trio_nodecompat.stream import Duplex, Transform, promises


def upper_case() -> Transform:
    def transform(self: Transform, chunk: Any, encoding: str | None, callback: Any) -> None:
        callback(None, chunk.to_string().upper())

    return Transform(transform=transform)


async def main() -> None:
    served = 0

    async def handle(connection: trio.SocketStream) -> None:
        nonlocal served
        socket = Duplex.from_stream(connection)
        await promises.pipeline(socket, upper_case(), socket)
        served += 1

    async with trio.open_nursery() as nursery:
        listeners = await nursery.start(partial(trio.serve_tcp, handle, 0, host="127.0.0.1"))
        port = listeners[0].socket.getsockname()[1]
        print("server listening")

        async def talk(lines: list[str]) -> str:
            client = await trio.open_tcp_stream("127.0.0.1", port)
            async with client:
                for line in lines:
                    await client.send_all((line + "\n").encode())
                await client.send_eof()
                received = b""
                while data := await client.receive_some():
                    received += data
            return received.decode()

        first = await talk(["hello", "node streams"])
        print("client 1 received:", json.dumps(first))
        second = await talk(["in a trio program"])
        print("client 2 received:", json.dumps(second))
        nursery.cancel_scope.cancel()  # server.close()
    print("connections served:", served)


if __name__ == "__main__":
    trio_nodecompat.run(main)
