"""Random sequences of emitter operations, replayed against Node 20's own log of them.

``tests/fixtures/events/make_sequences.py`` generates the sequences (adds, prepends, ``once``
listeners, removals, ``remove_all_listeners`` with and without an event, emits, listeners that
run a further operation re-entrantly while being called, ``'removeListener'`` listeners);
``sequences.mjs`` runs them in Node and logs every call, every ``emit`` result, and the
listeners and ``listenerCount`` after each step. The Python emitter must log the same.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from trio_nodecompat.events import EventEmitter

FIXTURES = Path(__file__).parent / "fixtures" / "events"
CASES: list[list[list[Any]]] = json.loads((FIXTURES / "sequences_cases.json").read_text())
NODE: list[list[str]] = json.loads((FIXTURES / "sequences_node.json").read_text())
MAX_DEPTH = 50  # as in sequences.mjs: re-entrant operations stop nesting here


def replay(ops: list[list[Any]]) -> list[str]:
    ee = EventEmitter()
    ee.set_max_listeners(0)
    log: list[str] = []
    fns: dict[str, Callable[..., None]] = {}
    acts: dict[str, list[Any]] = {}
    depth = 0

    def make(name: str) -> Callable[..., None]:
        if name not in fns:

            def listener(*args: Any) -> None:
                nonlocal depth
                log.append(f"call {name} {','.join(str(a) for a in args)}")
                act = acts.get(name)
                if act and depth < MAX_DEPTH:
                    depth += 1
                    try:
                        run(act)
                    finally:
                        depth -= 1

            fns[name] = listener
        return fns[name]

    def find(fn: object) -> str:
        for key, value in fns.items():
            if value is fn or getattr(fn, "listener", None) is value:
                return key
        return "undefined"

    def run(op: list[Any]) -> None:
        kind, event, name, extra = op
        if kind == "on":
            ee.on(event, make(name))
        elif kind == "once":
            ee.once(event, make(name))
        elif kind == "pre":
            ee.prepend_listener(event, make(name))
        elif kind == "preonce":
            ee.prepend_once_listener(event, make(name))
        elif kind == "off":
            ee.off(event, make(name))
        elif kind == "rmall":
            if event is None:
                ee.remove_all_listeners()
            else:
                ee.remove_all_listeners(event)
        elif kind == "emit":
            log.append(f"emit {event} -> {'true' if ee.emit(event, extra) else 'false'}")
        elif kind == "act":
            acts[name] = extra
        elif kind == "rl":
            ee.on("removeListener", lambda e, fn: log.append(f"rl {e} {find(fn)}"))
        names = " ".join(
            f"{e}:{''.join(find(f) if find(f) != 'undefined' else '' for f in ee.listeners(e))}"
            for e in ee.event_names()
        )
        count = ee.listener_count("x", fns["a"]) if "a" in fns else ee.listener_count("x")
        log.append(f"state {names} | {count}")

    for op in ops:
        run(op)
    return log


def test_fixture_is_complete() -> None:
    assert len(CASES) == len(NODE) == 200


@pytest.mark.parametrize("index", range(len(CASES)))
def test_sequence_matches_node(index: int) -> None:
    assert replay(CASES[index]) == NODE[index]
