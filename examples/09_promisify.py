"""promisify and callbackify bridge Node-style callbacks and async functions.

``promisify(foo)`` is an ``async def`` function: awaiting it calls ``foo(value, callback)``
and returns what the callback was given. ``callbackify(bar)`` runs the async ``bar`` on the
trio_nodecompat loop and reports to a ``(err, value)`` callback, as Node does; ``None`` plays
JavaScript's ``null``. A Trio event stands in for the JavaScript promise the example awaits.
"""

import trio

import trio_nodecompat
from trio_nodecompat.util import callbackify, promisify


def foo(value, callback):
    try:
        callback(None, value * 2)
    except Exception as err:
        callback(err)


async def bar(value):
    if value < 0:
        raise ValueError("boom")
    return value + 1


async def main():
    promisified_foo = promisify(foo)
    print("promisified:", await promisified_foo(21))

    callbackified_bar = callbackify(bar)
    done = trio.Event()

    def first(err, value=None):
        print("callbackified:", err, value)

        def second(err2, value=None):
            print("callbackified error:", err2)
            done.set()

        callbackified_bar(-1, second)

    callbackified_bar(1, first)
    await done.wait()


trio_nodecompat.run(main)
