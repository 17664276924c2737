"""Node's ``internal/streams/lazy_transform``: a Transform whose stream state is built on first use.

Hash and Hmac are Transform streams in Node, but almost every program only calls ``update`` and
``digest``. Node therefore gives them a prototype whose stream state appears the first time a
stream member is touched. Here a :class:`LazyTransform` is a
:class:`~trio_nodecompat.stream.Transform` (``isinstance`` holds, ``pipe`` accepts it) whose
``__init__`` does not build the stream. The stream code reaches its state through
``_readable_state``/``_writable_state`` (properties here that build it on first read) or
through the emitter's own attributes (missing until then: :meth:`LazyTransform.__getattr__`
builds it). So a hash that is only updated and digested pays nothing for the stream face and
needs no loop; the first ``write``, ``end``, ``on`` or ``pipe`` builds it.
"""

from __future__ import annotations

from typing import Any

from ..stream import Transform

__all__ = ["LazyTransform"]

#: Key in the instance ``__dict__`` marking that the stream state was built (or is being built).
_STARTED = "_lazy_transform_started"


def _start(stream: LazyTransform) -> bool:
    """Build the Transform state once; False if it was built (or is being built) already."""
    state = stream.__dict__
    if _STARTED in state:
        return False
    state[_STARTED] = True
    Transform.__init__(stream)
    return True


def _state_property(name: str) -> property:
    def get(self: LazyTransform) -> Any:
        state = self.__dict__
        if name not in state and not _start(self):
            return None  # while Transform.__init__ runs, before it sets this side
        return state.get(name)

    def set_(self: LazyTransform, value: Any) -> None:
        self.__dict__[name] = value

    return property(get, set_, doc=f"The stream's ``{name}``, built on first use.")


class LazyTransform(Transform):
    """A Transform that builds its stream state on first use (see the module docstring)."""

    _readable_state = _state_property("_readable_state")
    _writable_state = _state_property("_writable_state")

    def __init__(self) -> None:  # deliberately not Transform.__init__: that runs on first use
        pass

    def __getattr__(self, name: str) -> Any:
        # Only reached when ordinary lookup found nothing: an attribute the stream state (the
        # emitter's listener tables, ...) would hold. Build the state once, then look again.
        if name.startswith("__") or not _start(self):
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        return object.__getattribute__(self, name)
