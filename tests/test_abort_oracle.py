"""Differential tests: Node 20's answers (``tests/oracles/abort_event_target.mjs``, stored in
``tests/fixtures/abort/node_oracle.json``) replayed on trio_nodecompat.

Dispatch scenarios run with no loop open, so a throwing listener's exception is raised by
``dispatch_event`` after every listener ran (Node reports it on ``process`` instead); the
order of calls, the return value and the flags must match Node's exactly.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from trio_nodecompat import AbortController, AbortSignal, DOMException, Event, EventTarget, events

ORACLE = json.loads((Path(__file__).parent / "fixtures" / "abort" / "node_oracle.json").read_text())


def test_dom_exception_codes_match_node() -> None:
    table = ORACLE["dom_exception"]
    for name, code in table["codes"].items():
        assert DOMException("m", name).code == code, name
    for constant, value in table["constants"].items():
        assert getattr(DOMException, constant) == value, constant
    default = DOMException()
    assert {"message": default.message, "name": default.name, "code": default.code} == table[
        "default"
    ]
    reason = AbortSignal.abort().reason
    assert {"message": reason.message, "name": reason.name, "code": reason.code} == table[
        "abort_reason"
    ]


def play(scenario: dict[str, Any]) -> list[dict[str, Any]]:
    target = EventTarget()
    log: list[int] = []

    def make(spec: dict[str, Any]) -> Any:
        def listener(event: Event) -> None:
            log.append(spec["id"])
            for action in spec["actions"]:
                kind = action[0]
                if kind == "stop":
                    event.stop_immediate_propagation()
                elif kind == "stop_propagation":
                    event.stop_propagation()
                elif kind == "prevent":
                    event.prevent_default()
                elif kind == "remove":
                    target.remove_event_listener("x", functions[action[1]], capture=action[2])
                elif kind == "throw":
                    raise ValueError(f"listener {spec['id']}")

        return listener

    functions = [make(spec) for spec in scenario["fns"]]
    for reg in scenario["regs"]:
        target.add_event_listener(
            "x",
            functions[reg["fn"]],
            once=reg["once"],
            capture=reg["capture"],
            passive=reg["passive"],
        )
    results = []
    for spec in scenario["dispatches"]:
        log.clear()
        event = Event("x", cancelable=spec["cancelable"])
        try:
            returned = target.dispatch_event(event)
        except (ValueError, ExceptionGroup):
            # No loop: the listeners' exceptions come back after the dispatch; Node's value
            # is what the dispatch would have returned.
            returned = not event.default_prevented
        results.append(
            {
                "called": list(log),
                "returned": returned,
                "default_prevented": event.default_prevented,
                "cancel_bubble": event.cancel_bubble,
            }
        )
    return results


@pytest.mark.parametrize(
    "scenario", ORACLE["dispatch"], ids=[s["name"] for s in ORACLE["dispatch"]]
)
def test_dispatch_matches_node(scenario: dict[str, Any]) -> None:
    assert play(scenario) == scenario["results"]


def test_abort_order_matches_node() -> None:
    log: list[str] = []
    c = AbortController()
    a = AbortSignal.any([c.signal])
    b = AbortSignal.any([a, c.signal])
    c.signal.add_event_listener("abort", lambda e: log.append("source 1"))
    c.signal.onabort = lambda e: log.append("source onabort")

    def stopper(e: Event) -> None:
        log.append("source stops")
        e.stop_immediate_propagation()

    c.signal.add_event_listener("abort", stopper)
    events.add_abort_listener(c.signal, lambda *args: log.append("addAbortListener"))
    c.signal.add_event_listener("abort", lambda e: log.append("source after stop"))
    b.add_event_listener(
        "abort", lambda e: log.append(f"b sees a.aborted={str(a.aborted).lower()}")
    )
    a.add_event_listener(
        "abort", lambda e: log.append(f"a sees b.aborted={str(b.aborted).lower()}")
    )
    c.abort("r")
    assert {"log": log, "reasons": [a.reason, b.reason]} == ORACLE["abort_order"]


def _error_of(fn: Any) -> dict[str, str]:
    try:
        fn()
    except Exception as err:  # the shape is compared below
        shaped: Any = err
        return {"code": shaped.code, "name": shaped.name, "message": str(err)}
    raise AssertionError("did not raise")


def test_error_codes_match_node() -> None:
    expected = ORACLE["errors"]
    target = EventTarget()

    def recursion() -> dict[str, str]:
        got: list[dict[str, str]] = []
        t = EventTarget()
        t.add_event_listener("x", lambda e: got.append(_error_of(lambda: t.dispatch_event(e))))
        t.dispatch_event(Event("x"))
        return got[0]

    cases = {
        "dispatch_non_event": lambda: target.dispatch_event(object()),
        "listener_number": lambda: target.add_event_listener("x", 5),
        "signal_number": lambda: target.add_event_listener("x", lambda e: None, signal=5),
        "illegal_constructor": lambda: AbortSignal(),
        "any_non_signal": lambda: AbortSignal.any([AbortSignal.abort(), None]),
        "add_abort_listener_signal": lambda: events.add_abort_listener({}, lambda *a: None),
        "add_abort_listener_listener": lambda: events.add_abort_listener(
            AbortController().signal, {}
        ),
    }
    for name, fn in cases.items():
        got = _error_of(fn)
        want = expected[name]
        assert got["code"] == want["code"], name
        assert got["name"] == want["name"], name
        # Messages name Python's types ("an instance of object", "None", "options." dropped
        # because Python's options are keyword arguments); the part before "Received" is Node's.
        node_head = (
            want["message"]
            .split(" Received")[0]
            .replace('"options.signal" property', '"signal" argument')
        )
        assert got["message"].split(" Received")[0] == node_head, name
    assert recursion() == expected["recursion"]
    thrown = _error_of(lambda: AbortSignal.abort().throw_if_aborted())
    assert thrown["code"] == expected["throw_if_aborted"]["code"]
    assert expected["throw_if_aborted"]["code"] == 20
    assert thrown["name"] == expected["throw_if_aborted"]["name"]
    assert thrown["message"] == expected["throw_if_aborted"]["message"]


def play_graph(graph: dict[str, Any]) -> dict[str, Any]:
    log: list[str] = []
    controllers: list[AbortController] = []
    signals: list[AbortSignal] = []
    for idx, node in enumerate(graph["nodes"]):
        if node["kind"] == "controller":
            controller = AbortController()
            controllers.append(controller)
            signals.append(controller.signal)
            if idx == graph["pre_aborted"]:
                controller.abort(f"pre {node['name']}")
        else:
            signals.append(AbortSignal.any([signals[k] for k in node["sources"]]))
    for idx, node in enumerate(graph["nodes"]):
        signal = signals[idx]
        signal.add_event_listener(
            "abort", lambda e, n=node["name"], s=signal: log.append(f"{n}:{s.reason}")
        )
    for j in graph["aborts"]:
        controllers[j].abort(f"r{j}")
    state = [[s.aborted, None if s.reason is None else str(s.reason)] for s in signals]
    return {"log": log, "state": state}


@pytest.mark.parametrize(
    "graph", ORACLE["any_graphs"], ids=[g["name"] for g in ORACLE["any_graphs"]]
)
def test_any_graphs_match_node(graph: dict[str, Any]) -> None:
    assert play_graph(graph) == graph["result"]
