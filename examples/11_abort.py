"""AbortController and AbortSignal: EventTarget events, an aborted timer, a timeout combined
with AbortSignal.any, and what a Node API raises when its signal aborts.

Port of ``examples/node/11-abort.mjs``. ``signal=`` is Node's ``{ signal }`` option; the
``AbortError`` raised carries the signal's reason as ``cause``. ``AbortSignal.timeout`` is an
``unref()``'d timer of the loop that ``trio_nodecompat.run`` opens: it does not keep the program
alive. Node needs a referenced timer beside it, since a pending promise does not keep a Node
process alive; here the awaiting ``main`` does, and the same keep-alive timer is set and cleared
to mirror the original.
"""

from __future__ import annotations

import trio_nodecompat
from trio_nodecompat import AbortController, AbortSignal, CustomEvent, Event, EventTarget, events
from trio_nodecompat.errors import AbortError
from trio_nodecompat.timers import clear_timeout, promises, set_timeout


async def main() -> None:
    target = EventTarget()

    def greet(event: Event) -> None:
        assert isinstance(event, CustomEvent)
        print("hello", event.detail)

    target.add_event_listener("greet", greet, once=True)
    print("dispatched:", target.dispatch_event(CustomEvent("greet", detail="world")))
    print("dispatched again:", target.dispatch_event(CustomEvent("greet", detail="again")))

    controller = AbortController()
    controller.signal.add_event_listener(
        "abort", lambda event: print("abort event, reason:", controller.signal.reason)
    )
    set_timeout(lambda: controller.abort("user cancelled"), 10)
    try:
        await promises.set_timeout(1000, "finished", signal=controller.signal)
    except AbortError as err:
        print(err.name, err.code, err.cause)

    keep_alive = set_timeout(lambda: None, 1000)
    signal = AbortSignal.any([AbortSignal.timeout(20), AbortController().signal])
    try:
        await events.once(target, "never", signal=signal)
    except AbortError as err:
        print(err.name, err.cause.name, err.cause.code)
    clear_timeout(keep_alive)

    print("already aborted:", AbortSignal.abort().aborted, AbortSignal.abort().reason.name)


if __name__ == "__main__":
    trio_nodecompat.run(main)
