"""A cache of the operating system's random bytes, for the small synchronous draws.

``os.urandom(32)`` is a system call (about half a microsecond), and the Buffer that
``random_bytes`` must return around it costs about as much again. Node keeps an entropy cache
for ``randomUUID`` (``lib/internal/crypto/random.js``: entropy for 128 UUIDs per draw); here one
cache serves :func:`~trio_nodecompat.crypto.random_uuid` and the synchronous
:func:`~trio_nodecompat.crypto.random_bytes` of up to :data:`MAX_CACHED` bytes, so a 32-byte
``random_bytes`` costs about 1.4 ``os.urandom(32)`` instead of 2.3 (CPython 3.11: the draw is
about half a call, the Buffer around it the rest).

What makes it as safe as calling ``os.urandom`` each time:

- Every byte comes from ``os.urandom`` and is handed out once. A draw is one
  ``io.BytesIO.readinto``: a single C call under the GIL, so two threads never read the same
  bytes. A refill reads its share from the new cache *before* publishing it, and replaces the
  cache object whole; the bytes left in a cache two threads refilled at once are dropped.
- A child made by ``os.fork`` starts with an empty cache (``os.register_at_fork``), so parent
  and child never hand out the same bytes.
- Larger draws, the callback forms, the ``random_fill`` functions, ``get_random_values`` and
  ``random_uuid(disable_entropy_cache=True)`` call ``os.urandom`` directly.

What it does not do: erase the bytes it has served before the cache (at most
:data:`CACHE_SIZE` bytes) is dropped. Python erases no freed memory (nor the Buffer a caller
drops), so this keeps the process's exposure what it was.
"""

from __future__ import annotations

import io
import os
from typing import Final

__all__ = ["CACHE_SIZE", "MAX_CACHED", "draw"]

#: Bytes fetched from ``os.urandom`` per refill.
CACHE_SIZE: Final = 4096
#: The largest draw served from the cache (a 2048-bit key's worth); larger ones go to the OS.
MAX_CACHED: Final = 256

_urandom: Final = os.urandom
_cache = io.BytesIO()


def draw(size: int) -> bytearray:
    """``size`` (at most :data:`MAX_CACHED`) fresh random bytes, in a new ``bytearray``."""
    store = bytearray(size)
    got = _cache.readinto(store)
    if got < size:
        _refill(store, got)
    return store


def _refill(store: bytearray, got: int) -> None:
    """Finish a draw the cache could not cover, from a new cache, then publish that cache."""
    global _cache
    fresh = io.BytesIO(_urandom(CACHE_SIZE))
    store[got:] = fresh.read(len(store) - got)
    _cache = fresh


def _forget() -> None:
    """In a child made by ``os.fork``: drop the bytes inherited from the parent."""
    global _cache
    _cache = io.BytesIO()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget)
