"""The one deep strict equality engine: Node's ``isDeepStrictEqual`` rules, mapped to Python.

``assert_.deep_strict_equal``, ``assert_.partial_deep_strict_equal`` and
``util.is_deep_strict_equal`` all call :func:`is_deep_strict_equal` /
:func:`is_partial_deep_strict_equal` here, so the three can never disagree.

How values compare (the table in ``docs/modules/assert_.rst`` is the user-facing copy):

* identical objects are equal (Node's ``Object.is`` short cut);
* ``type(a) is type(b)`` at every level, else unequal;
* scalars (``None``, ``bool``, ``int``, ``str``, ``bytes``, ``Fraction``) by ``==``; ``float``
  and ``complex`` by ``Object.is`` (NaN equals NaN, ``0.0`` is not ``-0.0``); ``Decimal`` the
  same way (NaN equals NaN of the same kind, signed zeros differ, ``1.0`` equals ``1.00``);
* value types by value: ``date``/``timedelta``/``UUID``/paths/``range``/``slice`` by ``==``,
  ``datetime``/``time`` by ``==`` and equal ``tzinfo``, ``re.Pattern`` by pattern and flags,
  enum members by identity;
* ``list``/``tuple`` (and ``deque``) by position; ``dict`` and ``set``/``frozenset`` without
  regard to order, keys and members matched strictly (``{1: 'a'}`` is not ``{True: 'a'}``),
  with a deep search for members that are deep-equal without being ``==`` (Node's slow path
  for object keys);
* bytes-likes (``bytearray``, ``memoryview``, ``array.array``, ``mmap``, Buffer, anything with
  the buffer protocol or PEP 688 ``__buffer__``) by type, format, shape and byte content;
* exceptions by type, ``args`` and attributes; functions, classes and modules by identity,
  bound methods by their function and ``__self__`` identity;
* other objects by their attributes (``__dict__`` and every slot, which covers dataclasses and
  attrs classes), never by a custom ``__eq__``; subclasses of the builtins above compare as
  their base and by their attributes;
* C objects with none of the above by their type's own ``==`` when it has one, else identity.

The engine is iterative (an explicit stack of frames, one per container pair), so nesting
depth is bounded by memory, not by Python's recursion limit. Cycles are handled as Node's
``memos``: each container pair on the current path gets a position; meeting an object that is
already on the path on both sides compares their positions. Exact builtin containers holding
exact ``str``/``int`` take fast paths that allocate nothing per element.
"""

from __future__ import annotations

import array
import collections
import datetime
import decimal
import enum
import fractions
import functools
import io
import itertools
import math
import pathlib
import pickle
import re
import sys
import types
import uuid
from collections.abc import Callable, Hashable, Iterable, Iterator
from typing import Any, Final, TypeAlias

__all__ = ["MISSING", "is_deep_strict_equal", "is_partial_deep_strict_equal"]


class _Missing:
    """The value of an attribute or slot that is not set (an unset slot, a missing key)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<missing>"


#: Stands for an absent slot value; compared by identity like any other object.
MISSING: Final = _Missing()

_Pair: TypeAlias = tuple[object, object]
#: A handler's verdict: ``True``/``False``, or an iterator of child pairs still to compare.
_Verdict: TypeAlias = "bool | Iterator[_Pair]"
_Handler: TypeAlias = Callable[[Any, Any, bool, "_Memo"], "bool | Iterator[_Pair]"]

#: A pair that is never equal (different types): yielding it makes the walk fail.
_UNEQUAL_PAIR: Final[_Pair] = (False, None)


class _Memo:
    """Node's ``memos``: the objects (both sides mixed) of every container pair on the path.

    A pair whose two objects are both already on the path counts as equal, which is how Node
    ends the walk around a cycle, including cycles unrolled differently on each side.
    """

    __slots__ = ("path", "reordered")

    def __init__(self) -> None:
        self.path: set[int] = set()
        #: A dict pair had its keys in different orders: their pickles cannot match.
        self.reordered = False


def is_deep_strict_equal(actual: object, expected: object) -> bool:
    """Whether ``actual`` and ``expected`` are deep strictly equal (Node's ``isDeepStrictEqual``)."""
    if actual is expected:
        return True
    t = type(actual)
    if t is not type(expected):
        return False
    if t is str or t is int:
        return actual == expected
    if t not in _PLAIN_CONTAINERS:
        return _walk(actual, expected, False, _Memo()) is True
    memo = _Memo()
    verdict = _walk(actual, expected, False, memo, _FAST_PATH_AFTER)
    if verdict is not None:
        return verdict
    # A big container: plain data compares far faster as its pickle (see _plain_equal),
    # unless dicts met so far list their keys in different orders (the pickles would differ).
    if not memo.reordered and _plain_equal(actual, expected):
        return True
    return _walk(actual, expected, False, _Memo()) is True


def is_partial_deep_strict_equal(actual: object, expected: object) -> bool:
    """Whether ``expected`` is deep strictly contained in ``actual`` (Node 23's partial rules).

    Mappings and objects need only ``expected``'s keys and attributes, with partially equal
    values; sequences and bytes-likes need ``expected``'s items as an in-order subsequence
    (Node's greedy match); sets need a distinct ``actual`` member for each ``expected`` member.
    Scalars, keys and set members still compare strictly.
    """
    if actual is expected:
        return True
    if type(actual) is not type(expected):
        return False
    return _walk(actual, expected, True, _Memo()) is True


# --------------------------------------------------------------------------------------------
# The walk


def _walk(
    actual: object, expected: object, partial: bool, memo: _Memo, budget: int = -1
) -> bool | None:
    """Compare one pair to the end, iteratively; nested containers do not use the C stack.

    With a positive ``budget``, give up (returning ``None``) after entering that many
    containers, so the caller can try the plain-data fast path on a big input.

    The loop is the hot path of every deep comparison, so it is written for speed: builtins
    are bound to locals, exact ``str``/``int``/``float``/``bool`` are compared inline, and a
    ``list`` or ``dict`` pair is first scanned in place; only when it holds a container does it
    get a frame on the stack and its objects a place on the path. A leaf container therefore
    costs no allocation beyond its ``zip`` iterator.
    """
    if actual is expected:
        return True
    t = type(actual)
    if t is not type(expected):
        return False
    handlers = _HANDLERS
    handler = handlers.get(t)
    if handler is None:
        handler = _classify(t, actual)
    verdict = handler(actual, expected, partial, memo)
    if verdict is True or verdict is False:
        return verdict
    path = memo.path
    # A frame takes off the path only the objects it put there: an object of an outer pair
    # met again (the other object new) stays, or the walk would go round its cycle for ever.
    # 0 is never an id, so it stands for "already on the path".
    cur_a = id(actual)
    cur_e = id(expected)
    if cur_a in path:
        if cur_e in path:
            return True
        cur_a = 0
    elif cur_e in path:
        cur_e = 0
    path.add(cur_a)
    path.add(cur_e)
    _type, _str, _int, _float, _bool, _list, _dict = type, str, int, float, bool, list, dict
    _id, _len, _zip, _chain = id, len, zip, itertools.chain
    copysign = math.copysign
    stack: list[tuple[Iterator[_Pair], int, int]] = []
    push = stack.append
    pop = stack.pop
    add = path.add
    discard = path.discard
    pairs: Iterator[tuple[Any, Any]] = verdict
    children: Iterator[tuple[Any, Any]]
    cx: Any
    cy: Any
    while True:
        for x, y in pairs:
            if x is y:
                continue
            t = _type(x)
            if t is not _type(y):
                return _unwind(path, stack, cur_a, cur_e)
            if t is _str or t is _int:
                if x != y:
                    return _unwind(path, stack, cur_a, cur_e)
                continue
            if t is _float:
                if x == y:
                    if x != 0.0 or copysign(1.0, x) == copysign(1.0, y):
                        continue
                elif x != x and y != y:
                    continue
                return _unwind(path, stack, cur_a, cur_e)
            if t is _bool:
                return _unwind(path, stack, cur_a, cur_e)
            if t is _list and _len(x) == _len(y):
                if not x:
                    continue
                children = _zip(x, y)  # noqa: B905 (lengths are equal)
            elif t is _dict and _len(x) == _len(y):
                if not x:
                    continue
                # The same keys in the same order (a copy, a JSON round trip), else the slow path.
                children = _zip(x.values(), y.values())  # noqa: B905
                for kx, ky in _zip(x, y):  # noqa: B905
                    if kx is ky:
                        continue
                    tk = _type(kx)
                    if (tk is _str or tk is _int) and _type(ky) is tk and kx == ky:
                        continue
                    verdict = _dict_unordered(x, y, partial, memo)
                    if verdict is False:
                        return _unwind(path, stack, cur_a, cur_e)
                    if verdict is True:
                        children = iter(())
                    else:
                        children = verdict
                    break
            else:
                handler = handlers.get(t)
                if handler is None:
                    handler = _classify(t, x)
                verdict = handler(x, y, partial, memo)
                if verdict is True:
                    continue
                if verdict is False:
                    return _unwind(path, stack, cur_a, cur_e)
                ix = _id(x)
                iy = _id(y)
                if ix in path:
                    if iy in path:
                        continue
                    ix = 0
                elif iy in path:
                    iy = 0
                budget -= 1
                if budget == 0:
                    _unwind(path, stack, cur_a, cur_e)
                    return None
                add(ix)
                add(iy)
                push((pairs, cur_a, cur_e))
                pairs = verdict
                cur_a = ix
                cur_e = iy
                break
            # A list or dict: scan its leaves here; descend only at its first container child.
            ix = _id(x)
            iy = _id(y)
            if ix in path:
                if iy in path:
                    continue
                ix = 0
            elif iy in path:
                iy = 0
            for cx, cy in children:
                if cx is cy:
                    continue
                tc = _type(cx)
                if tc is not _type(cy):
                    return _unwind(path, stack, cur_a, cur_e)
                if tc is _str or tc is _int:
                    if cx != cy:
                        return _unwind(path, stack, cur_a, cur_e)
                    continue
                if tc is _float:
                    if cx == cy:
                        if cx != 0.0 or copysign(1.0, cx) == copysign(1.0, cy):
                            continue
                    elif cx != cx and cy != cy:
                        continue
                    return _unwind(path, stack, cur_a, cur_e)
                if tc is _bool:
                    return _unwind(path, stack, cur_a, cur_e)
                break
            else:
                continue
            budget -= 1
            if budget == 0:
                _unwind(path, stack, cur_a, cur_e)
                return None
            add(ix)
            add(iy)
            push((pairs, cur_a, cur_e))
            pairs = _chain(((cx, cy),), children)
            cur_a = ix
            cur_e = iy
            break
        else:
            discard(cur_a)
            discard(cur_e)
            if not stack:
                return True
            pairs, cur_a, cur_e = pop()


def _unwind(path: set[int], stack: list[tuple[Iterator[_Pair], int, int]], a: int, e: int) -> bool:
    """Take a failed walk's pairs off the path (a search may go on with other candidates)."""
    path.discard(a)
    path.discard(e)
    for _, a, e in stack:
        path.discard(a)
        path.discard(e)
    return False


def _same(actual: object, expected: object, memo: _Memo) -> bool:
    """Strict comparison of keys and set members (never partial), sharing the path memo."""
    if actual is expected:
        return True
    t = type(actual)
    if t is not type(expected):
        return False
    if t in _PLAIN_SCALARS:
        return actual == expected
    return _walk(actual, expected, False, memo) is True


# --------------------------------------------------------------------------------------------
# The plain-data fast path

#: Containers entered by the walk before a top-level comparison tries the fast path.
_FAST_PATH_AFTER: Final = 256

_PLAIN_CONTAINERS: Final = frozenset({list, tuple, dict, set, frozenset})


class _NotPlain(Exception):
    """Raised while pickling when an object is not plain data."""


class _Mismatch(Exception):
    """Raised while pickling ``expected`` at the first byte that differs from ``actual``'s."""


class _PlainPickler(pickle.Pickler):
    """A pickler that accepts only plain data and refuses everything else.

    CPython's C pickler serialises ``None``, ``bool``, and exact ``int``, ``float``, ``str``,
    ``bytes``, ``list``, ``tuple``, ``dict``, ``set`` and ``frozenset`` natively and calls
    ``reducer_override`` for every other object (subclasses included; protocol 4 has no
    out-of-band buffers). Raising there restricts the pickle to exactly those types.
    """

    def reducer_override(self, obj: Any) -> Any:
        raise _NotPlain


class _Matcher:
    """A write-only file that checks the pickle being written against an expected one."""

    __slots__ = ("data", "pos")

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0

    def write(self, chunk: bytes) -> int:
        end = self.pos + len(chunk)
        if self.data[self.pos : end] != chunk:
            raise _Mismatch
        self.pos = end
        return len(chunk)


def _plain_equal(actual: object, expected: object) -> bool:
    """True when both values are plain data with byte-identical pickles; else "don't know".

    A pickle is a faithful encoding of an object graph: exact types (``1``, ``True`` and
    ``1.0`` differ), float bits (``-0.0`` differs from ``0.0``; NaN matches NaN of the same
    bits), order, and shared or cyclic references. Equal pickles of plain data therefore mean
    graphs that are isomorphic, which Node's rules call deep strictly equal. Different
    pickles prove nothing (dict order, NaN payloads, sharing), so the caller then walks.
    The C pickler runs an order of magnitude faster than the Python walk; ``expected`` is
    checked chunk by chunk as it is written, so a difference stops it early.
    """
    out = io.BytesIO()
    try:
        _PlainPickler(out, 4).dump(actual)
        matcher = _Matcher(out.getvalue())
        _PlainPickler(matcher, 4).dump(expected)
    except Exception:  # not plain data, too deep for the C pickler, or a difference
        return False
    return matcher.pos == len(matcher.data)


# --------------------------------------------------------------------------------------------
# Scalars and value types


def _by_eq(a: Any, b: Any, partial: bool, memo: _Memo) -> bool:
    return a == b  # type: ignore[no-any-return]


def _by_identity(a: Any, b: Any, partial: bool, memo: _Memo) -> bool:
    return a is b


def _float_is(a: float, b: float) -> bool:
    if a == b:
        return a != 0.0 or math.copysign(1.0, a) == math.copysign(1.0, b)
    return a != a and b != b


def _float(a: float, b: float, partial: bool, memo: _Memo) -> bool:
    return _float_is(a, b)


def _complex(a: complex, b: complex, partial: bool, memo: _Memo) -> bool:
    return _float_is(a.real, b.real) and _float_is(a.imag, b.imag)


def _decimal(a: decimal.Decimal, b: decimal.Decimal, partial: bool, memo: _Memo) -> bool:
    if a.is_nan() or b.is_nan():
        return a.is_nan() and b.is_nan() and a.is_snan() == b.is_snan()
    return a == b and (not a.is_zero() or a.is_signed() == b.is_signed())


def _zones(a: Any, b: Any) -> _Verdict:
    """Equal moments must also have deep strictly equal zones (naive is not aware).

    The zones are compared as values, not by ``==``: a user ``tzinfo`` class has no ``__eq__``
    of its own, and a deep copy of a moment has a new zone object that must still match.
    """
    za, zb = a.tzinfo, b.tzinfo
    if za is zb:
        return True
    if type(za) is datetime.timezone and type(zb) is datetime.timezone:
        return bool(za == zb)
    return iter(((za, zb),))


def _with_tz(a: Any, b: Any, partial: bool, memo: _Memo) -> _Verdict:
    return a == b and _zones(a, b)


# Subclasses of the value types compare by their base's own ``==`` (Node's boxed primitives:
# the intrinsic ``valueOf``), never by an ``__eq__`` the subclass defines.


def _base_eq(base: type) -> _Handler:
    eq: Callable[[Any, Any], object] = base.__eq__  # type: ignore[assignment]  # unbound

    def handler(a: Any, b: Any, partial: bool, memo: _Memo) -> bool:
        return eq(a, b) is True

    return handler


def _base_with_tz(base: type) -> _Handler:
    eq: Callable[[Any, Any], object] = base.__eq__  # type: ignore[assignment]  # unbound

    def handler(a: Any, b: Any, partial: bool, memo: _Memo) -> _Verdict:
        return eq(a, b) is True and _zones(a, b)

    return handler


def _float_subclass(a: float, b: float, partial: bool, memo: _Memo) -> bool:
    return _float_is(float.__float__(a), float.__float__(b))


def _complex_subclass(a: complex, b: complex, partial: bool, memo: _Memo) -> bool:
    x, y = complex.__complex__(a), complex.__complex__(b)
    return _float_is(x.real, y.real) and _float_is(x.imag, y.imag)


def _decimal_subclass(a: decimal.Decimal, b: decimal.Decimal, partial: bool, memo: _Memo) -> bool:
    return _decimal(decimal.Decimal(a), decimal.Decimal(b), partial, memo)


def _pattern(a: re.Pattern[Any], b: re.Pattern[Any], partial: bool, memo: _Memo) -> bool:
    return a.pattern == b.pattern and type(a.pattern) is type(b.pattern) and a.flags == b.flags


def _bound_method(a: Any, b: Any, partial: bool, memo: _Memo) -> bool:
    return a.__func__ is b.__func__ and a.__self__ is b.__self__


def _builtin_method(a: Any, b: Any, partial: bool, memo: _Memo) -> bool:
    return a == b and getattr(a, "__self__", None) is getattr(b, "__self__", None)


# --------------------------------------------------------------------------------------------
# Sequences


def _sequence(a: Any, b: Any, partial: bool, memo: _Memo) -> bool | Iterator[_Pair]:
    if len(a) == len(b):
        return zip(a, b)  # noqa: B905 (lengths are equal)
    if not partial or len(b) > len(a):
        return False
    return _subsequence(a, b, memo)


def _subsequence(a: Any, b: Any, memo: _Memo) -> bool:
    """Node's ``partialArrayEquiv``: each item of ``b``, in order, matches a later item of ``a``."""
    a_len = len(a)
    b_len = len(b)
    a_pos = 0
    for i, item in enumerate(b):
        while not _walk_partial(a[a_pos], item, memo):
            a_pos += 1
            if a_pos > a_len - b_len + i:
                return False
        a_pos += 1
    return True


def _walk_partial(actual: object, expected: object, memo: _Memo) -> bool:
    if actual is expected:
        return True
    if type(actual) is not type(expected):
        return False
    return _walk(actual, expected, True, memo) is True


# --------------------------------------------------------------------------------------------
# Mappings and sets


def _dict(a: dict[Any, Any], b: dict[Any, Any], partial: bool, memo: _Memo) -> _Verdict:
    if len(a) != len(b):
        if not partial or len(b) > len(a):
            return False
        return _dict_unordered(a, b, partial, memo)
    # Fast path: the same keys in the same order (a copy, a JSON round trip).
    for ka, kb in zip(a, b):  # noqa: B905
        if ka is kb:
            continue
        t = type(ka)
        if (t is str or t is int) and type(kb) is t and ka == kb:
            continue
        return _dict_unordered(a, b, partial, memo)
    return zip(a.values(), b.values())  # noqa: B905


def _dict_unordered(a: dict[Any, Any], b: dict[Any, Any], partial: bool, memo: _Memo) -> _Verdict:
    """Match ``b``'s keys to ``a``'s strictly: hash lookup first, then a deep search."""
    memo.reordered = True
    if (
        not partial
        and len(a) == len(b)
        and a.keys() == b.keys()
        and set(map(type, a)) == _STR_ONLY
        and set(map(type, b)) == _STR_ONLY
    ):
        # Exact-str keys on both sides (attribute dicts, JSON objects): equal key sets are
        # strictly equal ones, and the values pair up in C without a Python loop.
        return zip(a.values(), map(b.__getitem__, a))  # noqa: B905 (same keys)
    stored = {key: key for key in a}
    pairs: list[_Pair] = []
    used: set[int] = set()
    leftover: list[_Pair] = []
    for kb, vb in b.items():
        ka = stored.get(kb, MISSING)
        if ka is not MISSING and id(ka) not in used and _same(ka, kb, memo):
            pairs.append((a[ka], vb))
            used.add(id(ka))
        else:
            leftover.append((kb, vb))
    if leftover:
        # Keys are matched strictly even in partial mode, so their fingerprints narrow the search.
        rest = _Buckets((k, v) for k, v in a.items() if id(k) not in used)
        compare_values = _walk_partial if partial else _same_value
        for kb, vb in leftover:
            candidates = rest.get(kb)
            for i, (ka, va) in enumerate(candidates):
                if _same(ka, kb, memo) and compare_values(va, vb, memo):
                    del candidates[i]
                    break
            else:
                return False
    return iter(pairs)


def _same_value(actual: object, expected: object, memo: _Memo) -> bool:
    if actual is expected:
        return True
    if type(actual) is not type(expected):
        return False
    return _walk(actual, expected, False, memo) is True


def _set(a: Any, b: Any, partial: bool, memo: _Memo) -> bool:
    if len(a) != len(b) and (not partial or len(b) > len(a)):
        return False
    stored = {member: member for member in a}
    used: set[int] = set()
    leftover: list[object] = []
    for member in b:
        found = stored.get(member, MISSING)
        # Each member matches once, even if a non-transitive __eq__ finds it for two.
        if (
            found is not MISSING
            and id(found) not in used
            and (found is member or _same(found, member, memo))
        ):
            used.add(id(found))
        else:
            leftover.append(member)
    if not leftover:
        return True
    if partial:
        # A partial match need not share a fingerprint: search every remaining member.
        rest = [m for m in a if id(m) not in used]
        for member in leftover:
            for i, candidate in enumerate(rest):
                if _walk_partial(candidate, member, memo):
                    del rest[i]
                    break
            else:
                return False
        return True
    buckets = _Buckets((m, None) for m in a if id(m) not in used)
    for member in leftover:
        candidates = buckets.get(member)
        for i, (candidate, _) in enumerate(candidates):
            if _same_value(candidate, member, memo):
                del candidates[i]
                break
        else:
            return False
    return True


def _fingerprint(value: object, depth: int = 2) -> Hashable:
    """A cheap hashable summary that deep strictly equal values always share.

    It narrows the deep search for keys and members that are not found by hash (Node's slow
    path, quadratic in Node) to those with the same type and a similar shape; values that
    share a fingerprint are still compared in full.
    """
    t = type(value)
    if t is str or t is int or t is bytes or t is bool or value is None:
        return (t, value)
    if t is float:
        return (t, "nan") if value != value else (t, value, math.copysign(1.0, value))  # type: ignore[arg-type]
    if depth == 0:
        return (t,)
    if t is list or t is tuple:
        items: Any = value
        return (t, len(items), tuple(_fingerprint(v, depth - 1) for v in items[:8]))
    if t is dict:
        entries: Any = value
        return (
            t,
            len(entries),
            frozenset((_fingerprint(k, 0), _fingerprint(v, depth - 1)) for k, v in entries.items()),
        )
    if t is set or t is frozenset:
        members: Any = value
        return (t, len(members), frozenset(_fingerprint(m, depth - 1) for m in members))
    attributes = getattr(value, "__dict__", None)
    if type(attributes) is dict:
        return (t, _fingerprint(attributes, depth - 1))
    return (t,)


class _Buckets:
    """Unmatched ``(key, value)`` pairs grouped by the key's fingerprint."""

    __slots__ = ("groups",)

    def __init__(self, pairs: Iterable[_Pair]) -> None:
        self.groups: dict[Hashable, list[_Pair]] = {}
        for pair in pairs:
            self.groups.setdefault(_fingerprint(pair[0]), []).append(pair)

    def get(self, key: object) -> list[_Pair]:
        return self.groups.get(_fingerprint(key), [])


# --------------------------------------------------------------------------------------------
# Bytes-likes


def _as_view(value: object) -> memoryview:
    try:
        return memoryview(value)  # type: ignore[arg-type]
    except TypeError:
        buffer = getattr(type(value), "__buffer__", None)
        if buffer is None:
            raise
    view = buffer(value, 0)
    if not isinstance(view, memoryview):
        raise TypeError(f"{type(value).__name__}.__buffer__ did not return a memoryview")
    return view


_CHUNK: Final = 1 << 20


def _same_bytes(va: memoryview, vb: memoryview) -> bool:
    if va.format != vb.format or va.shape != vb.shape or va.nbytes != vb.nbytes:
        return False
    n = va.nbytes
    if n <= _CHUNK or not (va.c_contiguous and vb.c_contiguous):
        return va.tobytes() == vb.tobytes()
    ba = va.cast("B")
    bb = vb.cast("B")
    for start in range(0, n, _CHUNK):
        if ba[start : start + _CHUNK] != bb[start : start + _CHUNK]:
            return False
    return True


def _bytes_like(a: Any, b: Any, partial: bool, memo: _Memo) -> bool:
    with _as_view(a) as va, _as_view(b) as vb:
        if partial and va.nbytes != vb.nbytes:
            if va.format != vb.format or va.ndim != 1 or vb.ndim != 1:
                return False
            return _subsequence(va.tolist(), vb.tolist(), memo)
        return _same_bytes(va, vb)


# --------------------------------------------------------------------------------------------
# Objects by attributes


_SLOTS: dict[type, tuple[Any, ...]] = {}


def _slot_descriptors(t: type) -> tuple[Any, ...]:
    """Every slot of ``t`` (member descriptors along the MRO), so mangled names are right."""
    cached = _SLOTS.get(t)
    if cached is not None:
        return cached
    found: list[Any] = []
    for cls in t.__mro__:
        if cls is BaseException:
            continue  # __suppress_context__ and kin: traceback plumbing, not compared
        for value in vars(cls).values():
            if isinstance(value, types.MemberDescriptorType) and value not in found:
                found.append(value)
    _SLOTS[t] = result = tuple(found)
    return result


def _attribute_pairs(a: Any, b: Any, partial: bool) -> list[_Pair]:
    pairs: list[_Pair] = []
    da = getattr(a, "__dict__", None)
    if isinstance(da, dict):
        db = getattr(b, "__dict__", None)
        if not isinstance(db, dict):
            return [_UNEQUAL_PAIR]
        if da or db:
            pairs.append((da, db))
    for slot in _slot_descriptors(type(a)):
        try:
            vb = slot.__get__(b)
        except AttributeError:
            vb = MISSING
        if vb is MISSING and partial:
            continue
        try:
            va = slot.__get__(a)
        except AttributeError:
            va = MISSING
        pairs.append((va, vb))
    return pairs


def _object(a: Any, b: Any, partial: bool, memo: _Memo) -> _Verdict:
    pairs = _attribute_pairs(a, b, partial)
    return iter(pairs) if pairs else True


def _exception(a: BaseException, b: BaseException, partial: bool, memo: _Memo) -> _Verdict:
    pairs = [(a.args, b.args), *_attribute_pairs(a, b, partial)]
    return iter(pairs)


def _with_attributes(base: _Handler) -> _Handler:
    """A subclass of a builtin: compare as the base, then by the instance's attributes."""

    def handler(a: Any, b: Any, partial: bool, memo: _Memo) -> _Verdict:
        verdict = base(a, b, partial, memo)
        if verdict is False:
            return False
        extra = _attribute_pairs(a, b, partial)
        if isinstance(a, collections.defaultdict):
            extra.append((a.default_factory, b.default_factory))
        if isinstance(a, collections.deque):
            extra.append((a.maxlen, b.maxlen))
        if verdict is True:
            return iter(extra) if extra else True
        return itertools.chain(verdict, extra)

    return handler


def _c_object(a: Any, b: Any, partial: bool, memo: _Memo) -> _Verdict:
    """A C type with none of the known shapes: its ``__dict__`` if any, its own ``==`` if any."""
    pairs = _attribute_pairs(a, b, partial)
    if pairs:
        return iter(pairs)
    if _has_own_eq(type(a)):
        return a == b  # type: ignore[no-any-return]
    return False


def _has_own_eq(t: type) -> bool:
    eq: object = getattr(t, "__eq__", None)
    base_eq: object = object.__eq__
    return eq is not base_eq


# --------------------------------------------------------------------------------------------
# Classification: one handler per type, computed once


_STR_ONLY: Final = {str}

_PLAIN_SCALARS: Final = frozenset({type(None), bool, int, str, bytes, fractions.Fraction})

_HANDLERS: dict[type, _Handler] = {
    type(None): _by_eq,
    bool: _by_eq,
    int: _by_eq,
    str: _by_eq,
    bytes: _by_eq,
    fractions.Fraction: _by_eq,
    float: _float,
    complex: _complex,
    decimal.Decimal: _decimal,
    datetime.date: _by_eq,
    datetime.timedelta: _by_eq,
    datetime.datetime: _with_tz,
    datetime.time: _with_tz,
    datetime.timezone: _by_eq,
    uuid.UUID: _by_eq,
    range: _by_eq,
    slice: _by_eq,
    re.Pattern: _pattern,
    list: _sequence,
    tuple: _sequence,
    dict: _dict,
    set: _set,
    frozenset: _set,
    bytearray: _bytes_like,
    memoryview: _bytes_like,
    array.array: _bytes_like,
    types.FunctionType: _by_identity,
    types.BuiltinFunctionType: _builtin_method,
    types.MethodType: _bound_method,
    types.MethodWrapperType: _builtin_method,
    types.ModuleType: _by_identity,
    types.CodeType: _by_identity,
    types.FrameType: _by_identity,
    types.TracebackType: _by_identity,
    types.GeneratorType: _by_identity,
    types.CoroutineType: _by_identity,
    types.AsyncGeneratorType: _by_identity,
    functools.partial: _by_identity,
    type: _by_identity,
    _Missing: _by_identity,
}

#: Builtin bases whose subclasses compare as the base plus their attributes, most specific first.
_BASES: Final[tuple[tuple[type, _Handler], ...]] = (
    (int, _base_eq(int)),
    (float, _float_subclass),
    (complex, _complex_subclass),
    (str, _base_eq(str)),
    (bytes, _base_eq(bytes)),
    (decimal.Decimal, _decimal_subclass),
    (fractions.Fraction, _base_eq(fractions.Fraction)),
    (datetime.datetime, _base_with_tz(datetime.datetime)),
    (datetime.time, _base_with_tz(datetime.time)),
    (datetime.date, _base_eq(datetime.date)),
    (datetime.timedelta, _base_eq(datetime.timedelta)),
    (list, _sequence),
    (tuple, _sequence),
    (collections.deque, _sequence),
    (dict, _dict),
    (set, _set),
    (frozenset, _set),
    (bytearray, _bytes_like),
    (array.array, _bytes_like),
)

_HEAPTYPE: Final = 1 << 9


def _classify(t: type, sample: object) -> _Handler:
    """Find (and cache) the handler for values of type ``t``; ``sample`` is one of them."""
    handler = _choose(t, sample)
    _HANDLERS[t] = handler
    return handler


def _choose(t: type, sample: object) -> _Handler:
    if issubclass(t, enum.Enum):
        return _by_identity
    if issubclass(t, type):
        return _by_identity
    if issubclass(t, BaseException):
        return _exception
    if issubclass(t, pathlib.PurePath):
        return _base_eq(pathlib.PurePath)
    if issubclass(t, uuid.UUID):
        return _base_eq(uuid.UUID)
    if issubclass(t, re.Pattern):
        return _pattern
    for base, handler in _BASES:
        if issubclass(t, base):
            return _with_attributes(handler)
    if _supports_buffer(t, sample):
        return _bytes_like
    if _is_python_class(t):
        return _object
    return _c_object


def _is_python_class(t: type) -> bool:
    """A class statement's class: its instances carry a ``__dict__`` or declared slots.

    Many stdlib C types are heap types too (``_thread.lock``); those have neither, and compare
    by their own ``==`` or identity instead of as attribute-less, hence all-equal, objects.
    """
    if not t.__flags__ & _HEAPTYPE:
        return False
    return any("__slots__" in vars(c) or "__dict__" in vars(c) for c in t.__mro__[:-1])


def _supports_buffer(t: type, sample: object) -> bool:
    if hasattr(t, "__buffer__"):
        return True
    if sys.version_info >= (3, 12):
        return False
    try:
        memoryview(sample).release()  # type: ignore[arg-type]
    except TypeError:
        return False
    return True
