"""Node's ``stream`` module: Readable, Writable, Duplex, Transform, PassThrough.

The classes follow Node's state machines (``lib/internal/streams/``) step for step, with
their events scheduled on the loop's nextTick queue, so a program sees the events Node's
would, in the same order. Streams need a running loop (``trio_nodecompat.open_loop()`` or
``trio_nodecompat.run``); outside one, the first scheduled step raises
:class:`~trio_nodecompat.errors.NoLoopError`.

Implementation methods (``_read``, ``_write``, ``_transform``, ...) take Node's callback, or
may be ``async def`` methods without it, run as tasks of the loop.
"""

from __future__ import annotations

from ._duplex import Duplex
from ._legacy import Stream
from ._readable import Readable
from ._state import get_default_high_water_mark, set_default_high_water_mark
from ._transform import PassThrough, Transform
from ._writable import Writable

__all__ = [
    "Duplex",
    "PassThrough",
    "Readable",
    "Stream",
    "Transform",
    "Writable",
    "get_default_high_water_mark",
    "set_default_high_water_mark",
]
