"""The emitter's O(1) listener bookkeeping against Node's algorithm, written the naive way.

The reference model keeps a plain list per event and does what Node's ``lib/events.js`` does:
append or insert at the front, remove the *last* entry matching the listener (or whose
``once`` wrapper wraps it), snapshot on emit, and drop an event when its list empties. Random
sequences of operations must leave both with the same listeners, counts, event order and
calls.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from trio_nodecompat.events import EventEmitter

NAMES = ["a", "b", "c"]
EVENTS = ["x", "y"]


class Model:
    """Node's listener lists, naively: entries are [name, is_once, fired]."""

    def __init__(self) -> None:
        self.events: dict[str, list[list[Any]]] = {}
        self.calls: list[tuple[str, str]] = []

    def add(self, event: str, name: str, once: bool, prepend: bool) -> None:
        entry = [name, once, False]
        lst = self.events.setdefault(event, [])
        if prepend:
            lst.insert(0, entry)
        else:
            lst.append(entry)

    def remove_entry(self, event: str, entry: list[Any]) -> None:
        lst = self.events[event]
        for i in range(len(lst) - 1, -1, -1):
            if lst[i] is entry:
                del lst[i]
                break
        if not lst:
            del self.events[event]

    def off(self, event: str, name: str) -> None:
        lst = self.events.get(event, [])
        for i in range(len(lst) - 1, -1, -1):
            if lst[i][0] == name:
                self.remove_entry(event, lst[i])
                return

    def emit(self, event: str) -> bool:
        lst = self.events.get(event)
        if not lst:
            return False
        for entry in list(lst):
            if entry[1]:
                if entry[2]:
                    continue
                entry[2] = True
                self.remove_entry(event, entry)
            self.calls.append((event, entry[0]))
        return True

    def remove_all(self, event: str | None) -> None:
        if event is None:
            self.events.clear()
        else:
            self.events.pop(event, None)

    def listeners(self, event: str) -> list[str]:
        return [e[0] for e in self.events.get(event, [])]


add = st.tuples(
    st.just("add"), st.sampled_from(EVENTS), st.sampled_from(NAMES), st.booleans(), st.booleans()
)
off = st.tuples(st.just("off"), st.sampled_from(EVENTS), st.sampled_from(NAMES))
emit = st.tuples(st.just("emit"), st.sampled_from(EVENTS))
remove_all = st.tuples(st.just("remove_all"), st.sampled_from([*EVENTS, None]))
# Adds weigh most, so lists grow long enough for duplicates, once/plain mixes and prepends.
operation = st.one_of(add, add, add, add, off, off, emit, emit, remove_all)


@settings(max_examples=200, deadline=None)
@given(st.lists(operation, min_size=6, max_size=80))
def test_matches_nodes_algorithm(ops: list[tuple[Any, ...]]) -> None:
    model = Model()
    ee = EventEmitter().set_max_listeners(0)
    calls: list[tuple[str, str]] = []
    fns = {
        name: (lambda event, name=name: calls.append((event, name)))  # type: ignore[misc]
        for name in NAMES
    }
    by_fn = {fn: name for name, fn in fns.items()}
    for op in ops:
        kind = op[0]
        if kind == "add":
            _, event, name, once, prepend = op
            model.add(event, name, once, prepend)
            if once:
                (ee.prepend_once_listener if prepend else ee.once)(event, fns[name])
            else:
                (ee.prepend_listener if prepend else ee.on)(event, fns[name])
        elif kind == "off":
            _, event, name = op
            model.off(event, name)
            ee.off(event, fns[name])
        elif kind == "emit":
            _, event = op
            assert ee.emit(event, event) == model.emit(event)
        else:
            _, event = op
            model.remove_all(event)
            if event is None:
                ee.remove_all_listeners()
            else:
                ee.remove_all_listeners(event)
        assert calls == model.calls
        assert ee.event_names() == list(model.events)
        for event in EVENTS:
            assert [by_fn[f] for f in ee.listeners(event)] == model.listeners(event)
            assert ee.listener_count(event) == len(model.listeners(event))
            for name in NAMES:
                assert ee.listener_count(event, fns[name]) == model.listeners(event).count(name)
            raw = ee.raw_listeners(event)
            onces = [e[1] for e in model.events.get(event, [])]
            assert [r is not fns[by_fn.get(r, "a")] for r in raw] == onces
