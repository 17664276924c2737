"""``finished`` at every state of every stream kind, with every option set, against Node.

The matrix (4 kinds x 9 states x 5 option sets x attached before/after, 320 scenarios) is
recorded from Node by ``tests/oracles/oracle_stream_finished_matrix.mjs`` into
``tests/fixtures/stream_finished_matrix.json``; each scenario is rebuilt here step for step
and must call back the same way (the error, or none, and in which phase: during the state's
steps, once attached late, or at the final ``destroy()``), and as many times.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import trio

from trio_nodecompat import open_loop
from trio_nodecompat.buffer import Buffer
from trio_nodecompat.stream import Duplex, Readable, Transform, Writable, finished
from trio_nodecompat.timers import set_immediate

FIXTURE = json.loads(
    (Path(__file__).parent / "fixtures" / "stream_finished_matrix.json").read_text()
)["scenarios"]


def describe(err: BaseException | None) -> str | None:
    if err is None:
        return None
    return getattr(err, "code", None) or str(err)


def write(self: Any, chunk: Any, encoding: Any, callback: Callable[..., Any]) -> None:
    text = chunk.to_string() if isinstance(chunk, Buffer) else str(chunk)  # JS String(chunk)
    callback(Exception("boom") if text == "bad" else None)


def transform(self: Any, chunk: Any, encoding: Any, callback: Callable[..., Any]) -> None:
    write(self, chunk, encoding, lambda err: callback(err, chunk))


KINDS: dict[str, tuple[bool, bool, Callable[..., Any]]] = {
    "readable": (True, False, lambda **o: Readable(read=lambda self, n: None, **o)),
    "writable": (False, True, lambda **o: Writable(write=write, **o)),
    "duplex": (True, True, lambda **o: Duplex(read=lambda self, n: None, write=write, **o)),
    "transform": (True, True, lambda **o: Transform(transform=transform, **o)),
}


def ignore(*_args: Any) -> None:
    pass


def run_state(state: str, s: Any, readable: bool, writable: bool) -> None:
    if state == "read_end":
        s.push(None)
        s.resume()
    elif state == "write_end":
        s.end()
    elif state == "both_end":
        s.push(None)
        s.resume()
        s.end()
    elif state in ("destroyed", "destroyed_no_close"):
        s.destroy()
    elif state == "destroyed_error":
        s.on("error", ignore)
        s.destroy(Exception("boom"))
    elif state == "errored_kept":
        s.on("error", ignore)
        if writable:
            s.write("bad")
        else:
            s.push(42)
    elif state == "ended_kept":
        if readable:
            s.push(None)
            s.resume()
        if writable:
            s.end()
    else:
        assert state == "fresh"


STATE_OPTIONS: dict[str, dict[str, Any]] = {
    "errored_kept": {"auto_destroy": False},
    "ended_kept": {"auto_destroy": False},
    "destroyed_no_close": {"emit_close": False},
}

OPTIONS: dict[str, dict[str, Any]] = {
    "none": {},
    "readable_false": {"readable": False},
    "writable_false": {"writable": False},
    "readable_true": {"readable": True},
    "error_false": {"error": False},
}


async def immediates(n: int) -> None:
    for _ in range(n):
        event = trio.Event()
        set_immediate(event.set)
        await event.wait()


@pytest.mark.parametrize("name", sorted(FIXTURE))
async def test_finished_matrix(name: str) -> None:
    kind, state, option, timing = name.split("/")
    readable, writable, make = KINDS[kind]
    log: list[str] = []
    phase = "run"

    def callback(err: BaseException | None = None) -> None:
        log.append(f"{phase}:{describe(err)}")

    async with open_loop():
        s = make(**STATE_OPTIONS.get(state, {}))
        if timing == "before":
            finished(s, callback, **OPTIONS[option])
        run_state(state, s, readable, writable)
        await immediates(3)
        if timing == "after":
            phase = "attached"
            finished(s, callback, **OPTIONS[option])
            await immediates(3)
        phase = "destroy"
        if not s.destroyed:
            s.destroy()
        await immediates(3)
    expected = [entry.replace(":null", ":None") for entry in FIXTURE[name]]
    assert log == expected
