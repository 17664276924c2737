"""Node's ``EventEmitterAsyncResource``: an emitter whose listeners run in its creator's frame.

A plain emitter calls its listeners in the frame of whoever emits. When the emitting code runs
somewhere unrelated (a connection pool, a shared worker), AsyncLocalStorage stores of the code
that *created* the emitter would be lost; this emitter carries an
:class:`~trio_nodecompat.async_hooks.AsyncResource` made at construction and runs every ``emit``
inside it, as Node's does.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from ._async_resource import AsyncResource
from ._event_emitter import EventEmitter
from .errors import ERR_INVALID_ARG_TYPE

__all__ = ["EventEmitterAsyncResource"]


class _EmitterResource(AsyncResource):
    """The resource of an :class:`EventEmitterAsyncResource`, pointing back at it (Node's
    ``asyncResource.eventEmitter``)."""

    def __init__(self, emitter: EventEmitterAsyncResource, name: str) -> None:
        super().__init__(name)
        self.event_emitter = emitter


class EventEmitterAsyncResource(EventEmitter):
    """An :class:`EventEmitter` whose ``emit`` runs in the frame current at its construction.

    ``name`` (Node's ``name`` option, or its string argument) is the resource's type, by
    default the class name; ``trigger_async_id`` is refused
    as :class:`~trio_nodecompat.async_hooks.AsyncResource` refuses it. Listeners, async
    listeners scheduled on the loop, and the awaitables of :meth:`emit_async` all see the
    creator's AsyncLocalStorage stores (each ``emit`` in a fresh copy of that frame).
    """

    def __init__(
        self,
        name: str | None = None,
        *,
        capture_rejections: bool | None = None,
        trigger_async_id: int | None = None,
    ) -> None:
        if name is None:
            name = type(self).__name__
        elif not isinstance(name, str):
            raise ERR_INVALID_ARG_TYPE("name", "string", name)
        if trigger_async_id is not None:
            # Refused with AsyncResource's own error, before anything is set up.
            AsyncResource(name, trigger_async_id=trigger_async_id)
        super().__init__(capture_rejections=capture_rejections)
        self._async_resource = _EmitterResource(self, name)

    def emit(self, event: Hashable, *args: Any) -> bool:
        """:meth:`EventEmitter.emit`, run in the resource's frame."""
        result: bool = self._async_resource.run_in_async_scope(
            EventEmitter.emit, self, event, *args
        )
        return result

    async def emit_async(self, event: Hashable, *args: Any) -> bool:
        """:meth:`EventEmitter.emit_async`, run (awaitables included) in the resource's frame."""
        result: bool = await self._async_resource.run_in_async_scope(
            EventEmitter.emit_async, self, event, *args
        )
        return result

    @property
    def async_resource(self) -> AsyncResource:
        """The :class:`~trio_nodecompat.async_hooks.AsyncResource` the listeners run in."""
        return self._async_resource

    @property
    def async_id(self) -> int:
        """The resource's id (Node's ``asyncId`` property)."""
        return self._async_resource.async_id()

    @property
    def trigger_async_id(self) -> int:
        """The id of the resource current when this one was made (Node's ``triggerAsyncId``)."""
        return self._async_resource.trigger_async_id()

    def emit_destroy(self) -> None:
        """Mark the resource destroyed (Node calls its ``destroy`` hooks; there are none here)."""
        self._async_resource.emit_destroy()
