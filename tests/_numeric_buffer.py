"""The Buffer the numeric tests run on."""

from __future__ import annotations

from trio_nodecompat._buffer_numeric import BufferNumericMixin


class NumericBuffer(BufferNumericMixin):
    """A minimal holder of ``_mem`` for testing the mixin on its own."""

    __slots__ = ("_mem",)

    def __init__(self, data: bytes) -> None:
        self._mem = memoryview(bytearray(data))

    def __len__(self) -> int:
        return len(self._mem)


def make_buffer(data: bytes) -> NumericBuffer:
    return NumericBuffer(data)


def window(buf: NumericBuffer, start: int, end: int) -> NumericBuffer:
    """A view of ``buf[start:end]`` sharing its memory, like Node's ``buf.slice``."""
    view = NumericBuffer(b"")
    view._mem = buf._mem[start:end]
    return view
