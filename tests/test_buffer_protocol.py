"""PEP 688: on Python 3.12+ a Buffer *is* a bytes-like object, with no copy.

``memoryview``, ``hashlib``, sockets and Trio streams take a Buffer directly and see (or write)
its own memory. Python 3.11 has no ``__buffer__`` hook, so these tests need 3.12+; run them with
``nox -s tests-3.12 -- tests/test_buffer_protocol.py`` (and 3.13).
"""

from __future__ import annotations

import hashlib
import socket
import sys

import pytest
import trio
import trio.testing

from trio_nodecompat.buffer import Buffer

pytestmark = pytest.mark.skipif(
    sys.version_info < (3, 12), reason="PEP 688 __buffer__ exists from Python 3.12"
)


def test_memoryview_shares_the_bytes() -> None:
    buf = Buffer.from_("hello")
    view = memoryview(buf)
    assert view.format == "B" and view.ndim == 1 and not view.readonly
    assert view.tobytes() == b"hello"
    view[0] = ord("j")
    assert buf.to_string() == "jello"
    buf[1] = ord("E")
    assert view.tobytes() == b"jEllo"
    view.release()


def test_memoryview_of_a_subarray_sees_the_parent() -> None:
    parent = Buffer.from_(bytearray(b"0123456789"))
    child = parent.subarray(2, 5)
    view = memoryview(child)
    assert view.tobytes() == b"234"
    view[:] = b"abc"
    assert parent.to_string() == "01abc56789"
    assert parent.buffer == bytearray(b"01abc56789")


def test_bytes_like_consumers() -> None:
    buf = Buffer.from_("abc")
    assert hashlib.sha256(buf).hexdigest() == hashlib.sha256(b"abc").hexdigest()
    assert bytes(buf) == b"abc"
    assert bytearray(buf) == bytearray(b"abc")
    assert b"x" + bytes(memoryview(buf)) == b"xabc"
    assert b"-".join([buf, Buffer.from_("d")]) == b"abc-d"
    assert b"abc".startswith(buf)


def test_socket_send_and_recv_into() -> None:
    left, right = socket.socketpair()
    with left, right:
        left.sendall(Buffer.from_("ping"))
        target = Buffer.alloc(4)
        assert right.recv_into(target) == 4
        assert target.to_string() == "ping"
        # receiving into a subarray writes into the parent's memory
        whole = Buffer.alloc(8, ".")
        left.sendall(Buffer.from_("pong"))
        assert right.recv_into(whole.subarray(2, 6)) == 4
        assert whole.to_string() == "..pong.."


async def test_trio_socket_stream() -> None:
    left, right = socket.socketpair()
    a = trio.SocketStream(trio.socket.from_stdlib_socket(left))
    b = trio.SocketStream(trio.socket.from_stdlib_socket(right))
    async with a, b:
        payload = Buffer.from_("data over a trio stream " * 100)
        await a.send_all(payload)
        received = bytearray()
        while len(received) < len(payload):
            received += await b.receive_some()
        assert Buffer.from_(received) == payload


async def test_trio_memory_stream() -> None:
    left, right = trio.testing.memory_stream_pair()
    await left.send_all(Buffer.from_("hello"))
    assert await right.receive_some() == b"hello"
