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

# Composition (pipeline, finished, compose, ...): its own modules, its own block of names.
from . import promises
from ._compose import compose
from ._duplex_pair import duplex_pair
from ._finished import finished
from ._pipeline import pipeline
from ._probes import add_abort_signal, is_disturbed, is_errored, is_readable

__all__ += [
    "add_abort_signal",
    "compose",
    "duplex_pair",
    "finished",
    "is_disturbed",
    "is_errored",
    "is_readable",
    "pipeline",
    "promises",
]
