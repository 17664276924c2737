"""Node's numeric read/write and byte-swap methods for :class:`Buffer`.

A mixin so the Buffer core and the number codecs stay in separate files.
The mixin touches bytes only through ``self._mem`` (a 1-D, format ``'B'``,
writable memoryview of exactly the buffer's bytes) and ``len(self)``.
"""

from __future__ import annotations


class BufferNumericMixin:
    """Numeric ``read_*``/``write_*`` and ``swap*`` methods of Node's Buffer."""

    __slots__ = ()

    _mem: memoryview

    def __len__(self) -> int:  # pragma: no cover - provided by Buffer
        raise NotImplementedError
