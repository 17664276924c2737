"""Node's ``internal/streams/lazy_transform``: a Transform whose stream state is built on first use.

Hash and Hmac are Transform streams in Node, but almost every program only calls ``update`` and
``digest``. Node therefore gives them a prototype whose stream state appears the first time a
stream member is touched. Here a :class:`LazyTransform` is a
:class:`~trio_nodecompat.stream.Transform` (``isinstance`` holds, ``pipe`` accepts it) whose
``__init__`` does not build the stream. Every instance attribute that ``Transform.__init__``
sets (the emitter's listener tables, ``_readable_state``, ...) is, on this class, a descriptor
that builds the state on first read and then answers from the instance ``__dict__``. So a hash
that is only updated and digested pays nothing for the stream face and needs no loop; the first
``write``, ``end``, ``on`` or ``pipe`` builds it, with the stream options the constructor kept
(Node's ``createHash(algorithm, options)`` hands its options to the Transform).

Descriptors, not ``__getattr__``: on CPython a class that defines ``__getattr__`` pays for it on
every attribute read of every instance (about 3x for a slotted attribute on 3.11), and the
hash's ``update``/``digest`` path is made of such reads.
"""

from __future__ import annotations

import inspect
from typing import Any, Final

from .._event_emitter import EventEmitter
from ..stream import Duplex, Transform

__all__ = ["LazyTransform"]

#: Key in the instance ``__dict__`` marking that the stream state was built (or is being built).
_STARTED: Final = "_lazy_transform_started"
#: Key in the instance ``__dict__`` holding the stream options until the state is built.
_OPTIONS: Final = "_lazy_transform_options"


def _start(stream: LazyTransform) -> bool:
    """Build the Transform state once; False if it was built (or is being built) already."""
    state = stream.__dict__
    if _STARTED in state:
        return False
    state[_STARTED] = True
    options = state.pop(_OPTIONS, {})
    before = set(state)
    try:
        Transform.__init__(stream, **options)
    except BaseException:
        # A bad stream option (Node checks their values here): undo the partial build so the
        # next stream access builds again and raises the same error, as Node's lazy getters
        # do, and leave a working emitter, whose tables in Node never depend on the stream.
        for name in state.keys() - before:
            del state[name]
        del state[_STARTED]
        if options:
            state[_OPTIONS] = options
        EventEmitter.__init__(stream)
        raise
    return True


class _StateProperty:
    """A data descriptor for ``_readable_state``/``_writable_state``: built on first read."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __get__(self, obj: LazyTransform | None, objtype: type | None = None) -> Any:
        if obj is None:
            return self
        state = obj.__dict__
        if self.name not in state and not _start(obj):
            return None  # while Transform.__init__ runs, before it sets this side
        return state.get(self.name)

    def __set__(self, obj: LazyTransform, value: Any) -> None:
        obj.__dict__[self.name] = value


class _LazyAttribute:
    """A non-data descriptor for the other attributes ``Transform.__init__`` sets: the first
    read builds the state; after that the instance ``__dict__`` wins and this is not
    consulted."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __get__(self, obj: LazyTransform | None, objtype: type | None = None) -> Any:
        if obj is None:
            return self
        state = obj.__dict__
        if self.name not in state and not _start(obj):
            # Read while Transform.__init__ runs, before it set the attribute.
            raise AttributeError(f"{type(obj).__name__!r} object has no attribute {self.name!r}")
        return state[self.name]


def _stream_option_names() -> frozenset[str]:
    """The keyword options ``Transform.__init__`` accepts (its own and Duplex's)."""
    names = {"transform", "flush"}
    for parameter in inspect.signature(Duplex.__init__).parameters.values():
        if parameter.kind is inspect.Parameter.KEYWORD_ONLY:
            names.add(parameter.name)
    return frozenset(names)


_STREAM_OPTIONS: Final = _stream_option_names()


def _instance_attributes() -> list[str]:
    """The names ``Transform.__init__`` puts in an instance's ``__dict__`` (read off a probe,
    so the list follows the stream code)."""
    probe = Transform.__new__(Transform)
    Transform.__init__(probe)
    return list(vars(probe))


class LazyTransform(Transform):
    """A Transform that builds its stream state on first use (see the module docstring)."""

    _readable_state = _StateProperty("_readable_state")
    _writable_state = _StateProperty("_writable_state")

    def __new__(cls, *args: Any, **kwargs: Any) -> Any:
        """An instance with no state at all, not even EventEmitter.__new__'s listener tables.

        Those tables are among the attributes built on first use (with the stream state), as
        Node's emitter tables appear on a LazyTransform's first ``on``. Made with them, a Hash
        or Hmac built by calling its class would take a listener without building the stream,
        so stream options such as ``signal`` and ``capture_rejections`` would never act,
        unlike the same object made by ``create_hash``/``create_hmac``.
        """
        base_new = super(EventEmitter, cls).__new__
        return base_new(cls) if base_new is object.__new__ else base_new(cls, *args, **kwargs)

    def __init__(self) -> None:  # deliberately not Transform.__init__: that runs on first use
        pass

    def _keep_stream_options(self, options: dict[str, Any]) -> None:
        """Keep Transform keyword options (``encoding``, ``high_water_mark``, ...) for the
        moment the stream state is built; Node checks their values then, not at construction.

        The names are checked now, as any Python keyword is: a misspelt option (say
        ``outputLength``) must not be silently kept for a stream that may never be built.
        """
        if options:
            unknown = options.keys() - _STREAM_OPTIONS
            if unknown:
                raise TypeError(
                    f"{type(self).__name__}() got an unexpected keyword argument "
                    f"{sorted(unknown)[0]!r}"
                )
            self.__dict__[_OPTIONS] = options


for _name in _instance_attributes():
    if _name not in ("_readable_state", "_writable_state"):
        setattr(LazyTransform, _name, _LazyAttribute(_name))
del _name
