"""Properties: however registrations tied to signals come and go, nothing leaks.

Hypothesis drives random sequences of operations on a few targets and controllers (add a
listener with or without ``once``/``signal``, remove one, dispatch, abort, make composites) and
checks after each step, against a plain model of which registrations are alive, that every
target holds exactly the live registrations and that every signal holds exactly one abort
listener per live registration tied to it (plus the ones its composites need).
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from trio_nodecompat import AbortController, AbortSignal, Event, EventTarget, events

N_TARGETS = 2
N_CONTROLLERS = 2
N_LISTENERS = 3

operation = st.one_of(
    st.tuples(
        st.just("add"),
        st.integers(0, N_TARGETS - 1),
        st.integers(0, N_LISTENERS - 1),
        st.booleans(),  # once
        st.booleans(),  # capture
        st.one_of(st.none(), st.integers(0, N_CONTROLLERS - 1)),  # signal
    ),
    st.tuples(
        st.just("remove"),
        st.integers(0, N_TARGETS - 1),
        st.integers(0, N_LISTENERS - 1),
        st.booleans(),
    ),
    st.tuples(st.just("dispatch"), st.integers(0, N_TARGETS - 1)),
    st.tuples(st.just("abort"), st.integers(0, N_CONTROLLERS - 1)),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(operation, max_size=40))
def test_registrations_and_abort_hooks_never_leak(ops: list[tuple[Any, ...]]) -> None:
    targets = [EventTarget() for _ in range(N_TARGETS)]
    controllers = [AbortController() for _ in range(N_CONTROLLERS)]
    listeners = [lambda e, i=i: None for i in range(N_LISTENERS)]
    # The model: (target, listener, capture) -> (once, signal index or None), in add order.
    live: dict[tuple[int, int, bool], tuple[bool, int | None]] = {}

    for op in ops:
        kind = op[0]
        if kind == "add":
            _, t, fn, once, capture, sig = op
            signal = None if sig is None else controllers[sig].signal
            targets[t].add_event_listener(
                "x", listeners[fn], once=once, capture=capture, signal=signal
            )
            key = (t, fn, capture)
            if key not in live and (signal is None or not signal.aborted):
                live[key] = (once, sig)
        elif kind == "remove":
            _, t, fn, capture = op
            targets[t].remove_event_listener("x", listeners[fn], capture=capture)
            live.pop((t, fn, capture), None)
        elif kind == "dispatch":
            _, t = op
            targets[t].dispatch_event(Event("x"))
            for key, (once, _sig) in list(live.items()):
                if key[0] == t and once:
                    del live[key]
        else:
            _, c = op
            controllers[c].abort()
            for key, (_once, sig) in list(live.items()):
                if sig == c:
                    del live[key]

        for t, target in enumerate(targets):
            assert events.listener_count(target, "x") == sum(1 for k in live if k[0] == t)
        for c, controller in enumerate(controllers):
            tied = sum(1 for _once, sig in live.values() if sig == c)
            assert events.listener_count(controller.signal, "abort") == tied


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.lists(st.integers(0, 3), max_size=4), min_size=1, max_size=6),
    st.lists(st.integers(0, 3), max_size=4),
    st.lists(st.booleans(), min_size=6, max_size=6),
)
def test_composites_abort_exactly_when_a_source_does(
    groups: list[list[int]], aborts: list[int], listen: list[bool]
) -> None:
    controllers = [AbortController() for _ in range(4)]
    composites = [AbortSignal.any([controllers[i].signal for i in g]) for g in groups]
    fired = [0] * len(composites)
    for i, composite in enumerate(composites):
        if listen[i]:
            composite.add_event_listener("abort", lambda e, i=i: fired.__setitem__(i, fired[i] + 1))
    for i in aborts:
        controllers[i].abort(f"r{i}")
    first = {i: aborts.index(i) for i in set(aborts)}
    for i, (group, composite) in enumerate(zip(groups, composites, strict=True)):
        hit = [j for j in group if j in first]
        assert composite.aborted == bool(hit)
        if hit:
            assert composite.reason == f"r{min(hit, key=lambda j: first[j])}"
        assert fired[i] == (1 if listen[i] and hit else 0)
    for controller in controllers:
        if controller.signal.aborted:
            assert not controller.signal._dependents and not controller.signal._held
