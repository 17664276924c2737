"""Property tests of the deep strict equality engine (hypothesis).

* reflexive on copies: ``is_deep_strict_equal(x, copy.deepcopy(x))``;
* symmetric: ``is_deep_strict_equal(x, y) == is_deep_strict_equal(y, x)``;
* the pickle fast path never says "equal" where the walk says "unequal".
"""

from __future__ import annotations

import copy
import dataclasses
import datetime
import decimal
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from trio_nodecompat._internal import deep_equal as engine
from trio_nodecompat._internal.deep_equal import is_deep_strict_equal


@dataclasses.dataclass
class Record:
    name: str
    value: Any


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-3, max_value=3),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0.0, -0.0, 1.0]),
    st.text(max_size=5),
    st.binary(max_size=5),
    st.complex_numbers(allow_nan=True),
    st.decimals(allow_nan=True),
    st.fractions(),
    st.datetimes(),
    st.timedeltas(),
)
hashables = st.recursive(
    scalars.filter(lambda v: not isinstance(v, decimal.Decimal) or not v.is_snan()),
    lambda inner: st.one_of(st.tuples(inner, inner), st.frozensets(inner, max_size=3)),
    max_leaves=6,
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.tuples(inner, inner),
        st.dictionaries(hashables, inner, max_size=4),
        st.sets(hashables, max_size=4),
        st.builds(Record, st.text(max_size=3), inner),
        st.builds(bytearray, st.binary(max_size=4)),
    ),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None)
@given(values)
def test_equal_to_its_deep_copy(x: object) -> None:
    assert is_deep_strict_equal(x, copy.deepcopy(x))
    assert is_deep_strict_equal(x, x)


@settings(max_examples=150, deadline=None)
@given(values, values)
def test_symmetric(x: object, y: object) -> None:
    assert is_deep_strict_equal(x, y) is is_deep_strict_equal(y, x)


@settings(max_examples=100, deadline=None)
@given(st.lists(values, min_size=1, max_size=5), st.data())
def test_symmetric_on_near_copies(items: list[object], data: st.DataObject) -> None:
    # Most random pairs differ at the top; near copies exercise the deep paths.
    other = copy.deepcopy(items)
    index = data.draw(st.integers(0, len(items) - 1))
    other[index] = data.draw(values)
    assert is_deep_strict_equal(items, other) is is_deep_strict_equal(other, items)


@settings(max_examples=100, deadline=None)
@given(values, values)
def test_fast_path_is_sound(x: object, y: object) -> None:
    if engine._plain_equal(x, y):
        assert engine._walk(x, y, False, engine._Memo()) is True


def test_datetime_values_round_trip() -> None:
    moment = datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.UTC)
    assert is_deep_strict_equal([moment], copy.deepcopy([moment]))


class FixedZone(datetime.tzinfo):
    """A user tzinfo class: no __eq__ of its own, so two instances are not ``==``."""

    def __init__(self, hours: int = 0) -> None:
        self.hours = hours

    def utcoffset(self, dt: object) -> datetime.timedelta:
        return datetime.timedelta(hours=self.hours)

    def dst(self, dt: object) -> datetime.timedelta:
        return datetime.timedelta(0)


def test_user_tzinfo_round_trips() -> None:
    # A deep copy makes a new tzinfo object; the zones are compared deep strictly (by their
    # attributes), not by ==, so a value still equals its deep copy.
    moment = datetime.datetime(2024, 1, 2, 3, tzinfo=FixedZone(2))
    clock = datetime.time(3, tzinfo=FixedZone(2))
    assert is_deep_strict_equal(moment, copy.deepcopy(moment))
    assert is_deep_strict_equal(clock, copy.deepcopy(clock))
    assert not is_deep_strict_equal(moment, moment.replace(tzinfo=FixedZone(3)))
    later = datetime.datetime(2024, 1, 2, 4, tzinfo=FixedZone(3))  # the same instant
    assert not is_deep_strict_equal(moment, later)
    assert not is_deep_strict_equal(clock, datetime.time(3, tzinfo=FixedZone(3)))


@settings(max_examples=150, deadline=None)
@given(values)
def test_fingerprint_is_shared_by_equal_values(x: object) -> None:
    # The deep search trusts fingerprints to never separate deep-equal values.
    assert engine._fingerprint(x) == engine._fingerprint(copy.deepcopy(x))
