"""Node's ``+ actual - expected`` diff, over a bounded multi-line rendering of Python values.

Node builds an assertion message in two steps: ``util.inspect`` renders each value one
property per line (``compact: false``, keys sorted), then ``createErrDiff`` walks the two line
lists side by side, marking lines that differ with ``+``/``-`` and collapsing long runs of
identical lines to ``...``. This module does both for Python values:

* :func:`inspect_value` renders with Python's syntax (``repr`` of scalars, ``[``/``{``/``(``
  containers, ``Name(attr=value)`` for objects compared by attributes), sorting dict keys and
  set members as Node sorts keys, ``[...]`` for a container already being rendered (a cycle)
  or nested deeper than :data:`MAX_DEPTH`, and at most :data:`MAX_LINES` lines, so a huge or
  cyclic value never hangs, and nothing recurses on the C stack.
* :func:`create_err_diff` is Node 20's line diff, step for step (``kMaxShortLength``, the
  position indicator, the trailing-comma rule, the five-line collapse, the 50-line cut).
"""

from __future__ import annotations

import array
import collections
import dataclasses
import datetime
import decimal
import enum
import fractions
import itertools
import pathlib
import re
import shutil
import sys
import types
import uuid
from collections.abc import Iterator
from typing import Any, Final

__all__ = [
    "MAX_DEPTH",
    "MAX_LINES",
    "create_err_diff",
    "diff_texts",
    "inline_repr",
    "inspect_value",
    "is_primitive",
    "readable_operator",
]

#: Containers nested deeper than this render as ``[...]`` (Node's ``depth: 1000``).
MAX_DEPTH: Final = 1000
#: A rendering stops after this many lines, ending with a ``...`` line.
MAX_LINES: Final = 10_000
#: Strings longer than this are cut, as Node's ``maxStringLength`` (10000).
MAX_STRING: Final = 10_000
#: Node's ``kMaxShortLength``: short scalars read ``1 !== 2`` instead of a diff.
MAX_SHORT_LENGTH: Final = 12

_PRIMITIVES: Final = (
    type(None),
    bool,
    int,
    float,
    complex,
    str,
    bytes,
    decimal.Decimal,
    fractions.Fraction,
)

_LEAVES: Final = (
    *_PRIMITIVES,
    memoryview,
    datetime.date,
    datetime.time,
    datetime.timedelta,
    datetime.tzinfo,
    uuid.UUID,
    pathlib.PurePath,
    enum.Enum,
    re.Pattern,
    range,
    slice,
    type,
    types.FunctionType,
    types.BuiltinFunctionType,
    types.MethodType,
    types.ModuleType,
    bytearray,
    array.array,
)


def is_primitive(value: object) -> bool:
    """Whether Node would call ``value`` a primitive (SPEC 7's immutable scalars)."""
    return isinstance(value, _PRIMITIVES)


# --------------------------------------------------------------------------------------------
# Rendering


def _safe_repr(value: object) -> str:
    try:
        text = repr(value)
    except RecursionError:
        text = f"<{type(value).__name__} too deep to show>"
    except Exception as exc:  # a broken __repr__ must not hide the assertion
        text = f"<{type(value).__name__} object (repr raised {type(exc).__name__})>"
    return text


def _str_repr(value: str | bytes, total: int | None = None) -> str:
    total = len(value) if total is None else total
    if total > MAX_STRING:
        unit = "characters" if isinstance(value, str) else "bytes"
        return f"{value[:MAX_STRING]!r}... {total - MAX_STRING} more {unit}"
    return repr(value)


def _leaf(value: object) -> str:
    if isinstance(value, str | bytes):
        return _str_repr(value)
    if isinstance(value, bytearray):
        return f"{type(value).__name__}({_str_repr(bytes(value[:MAX_STRING]), len(value))})"
    if isinstance(value, memoryview):
        if value.c_contiguous:
            head = value.cast("B")[:MAX_STRING].tobytes()
        else:
            head = value.tobytes()[:MAX_STRING]
        return f"memoryview({_str_repr(head, value.nbytes)})"
    return _safe_repr(value)


def inline_repr(value: object, limit: int = 200) -> str:
    """A one-line repr cut to ``limit`` characters (dict keys, messages)."""
    text = _leaf(value) if isinstance(value, str | bytes) else _safe_repr(value)
    if "\n" in text:
        text = text.replace("\n", "\\n")
    if len(text) > limit:
        text = text[: limit - 3] + "..."
    return text


_Item = tuple[str, object, str]


def _items(prefixes_values: list[tuple[str, object]]) -> Iterator[_Item]:
    last = len(prefixes_values) - 1
    for i, (prefix, value) in enumerate(prefixes_values):
        yield prefix, value, "," if i < last else ""


def _sequence_items(values: Any) -> Iterator[_Item]:
    last = len(values) - 1
    for i, value in enumerate(values):
        yield "", value, "," if i < last else ""


def _attributes(value: object) -> list[tuple[str, object]]:
    """The attributes deep equality compares, in a stable order for the diff."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = [f.name for f in dataclasses.fields(value)]
        names = [n for n in fields if hasattr(value, n)]
        extra = sorted(k for k in getattr(value, "__dict__", {}) if k not in fields)
        return [(n, getattr(value, n)) for n in names + extra]
    attrs_fields = getattr(type(value), "__attrs_attrs__", None)
    if attrs_fields is not None:
        names = [a.name for a in attrs_fields if hasattr(value, a.name)]
        extra = sorted(k for k in getattr(value, "__dict__", {}) if k not in names)
        return [(n, getattr(value, n)) for n in names + extra]
    pairs: list[tuple[str, object]] = []
    instance_dict = getattr(value, "__dict__", None)
    if isinstance(instance_dict, dict):
        pairs.extend(sorted(((str(k), v) for k, v in instance_dict.items()), key=lambda kv: kv[0]))
    seen: set[str] = set()
    for cls in type(value).__mro__:
        if cls is BaseException:
            continue  # __suppress_context__ and kin: traceback plumbing, not compared
        for name, member in vars(cls).items():
            if isinstance(member, types.MemberDescriptorType) and name not in seen:
                seen.add(name)
                try:
                    pairs.append((name, member.__get__(value)))
                except AttributeError:
                    pass
    return pairs


def _describe(value: object) -> tuple[str, str, str, Iterator[_Item]] | None:
    """``(open, close, empty, children)`` for a value rendered over several lines, else None."""
    t = type(value)
    name = t.__name__
    if isinstance(value, dict):
        # Beyond MAX_LINES entries nothing more is shown: sort only what can be.
        entries = [(inline_repr(k), v) for k, v in itertools.islice(value.items(), MAX_LINES)]
        entries.sort(key=lambda kv: kv[0])
        children = _items([(f"{k}: ", v) for k, v in entries])
        if t is dict:
            return "{", "}", "{}", children
        if isinstance(value, collections.defaultdict):
            factory = inline_repr(value.default_factory)
            return f"{name}({factory}, {{", "})", f"{name}({factory}, {{}})", children
        return f"{name}({{", "})", f"{name}()", children
    if isinstance(value, list):
        if t is list:
            return "[", "]", "[]", _sequence_items(value)
        return f"{name}([", "])", f"{name}()", _sequence_items(value)
    if isinstance(value, tuple):
        fields = getattr(t, "_fields", None)
        if isinstance(fields, tuple) and len(fields) == len(value):
            return f"{name}(", ")", f"{name}()", _items(list(zip(fields, value, strict=True)))
        if t is tuple:
            if len(value) == 1:
                return "(", ")", "()", iter([("", value[0], ",")])
            return "(", ")", "()", _sequence_items(value)
        return f"{name}((", "))", f"{name}()", _sequence_items(value)
    if isinstance(value, set | frozenset):
        members = sorted(itertools.islice(value, MAX_LINES), key=inline_repr)
        if t is set:
            return "{", "}", "set()", _sequence_items(members)
        return f"{name}({{", "})", f"{name}()", _sequence_items(members)
    if isinstance(value, collections.deque):
        return f"{name}([", "])", f"{name}()", _sequence_items(list(value))
    if isinstance(value, BaseException):
        args = [("", a) for a in value.args]
        attrs = [(f"{k}=", v) for k, v in _attributes(value)]
        return f"{name}(", ")", f"{name}()", _items(args + attrs)
    if isinstance(value, _LEAVES):
        return None
    if t.__flags__ & (1 << 9):  # a Python class: shown by its attributes, as compared
        if hasattr(t, "__buffer__"):
            return None  # a bytes-like class (Buffer): its repr shows the bytes
        attrs = [(f"{k}=", v) for k, v in _attributes(value)]
        return f"{name}(", ")", f"{name}()", _items(attrs)
    return None


class _Frame:
    __slots__ = ("children", "close", "indent", "key", "suffix")

    def __init__(
        self, children: Iterator[_Item], indent: str, close: str, suffix: str, key: int
    ) -> None:
        self.children = children
        self.indent = indent
        self.close = close
        self.suffix = suffix
        self.key = key


def inspect_value(value: object, max_lines: int = MAX_LINES) -> str:
    """Render ``value`` one item per line, as Node's ``inspect`` with ``compact: false``.

    Iterative, bounded by ``max_lines`` and :data:`MAX_DEPTH`, cycle-safe (``[...]``).
    """
    lines: list[str] = []
    on_path: set[int] = set()
    stack: list[_Frame] = []
    pending: Iterator[_Item] = iter([("", value, "")])
    indent = ""
    while True:
        for prefix, item, suffix in pending:
            if len(lines) >= max_lines:
                lines.append("...")
                return "\n".join(lines)
            shape = _describe(item)
            if shape is None:
                lines.append(f"{indent}{prefix}{_leaf(item)}{suffix}")
                continue
            opening, closing, empty, children = shape
            key = id(item)
            if key in on_path or len(stack) >= MAX_DEPTH:
                lines.append(f"{indent}{prefix}{opening}...{closing}{suffix}")
                continue
            first = next(children, None)
            if first is None:
                lines.append(f"{indent}{prefix}{empty}{suffix}")
                continue
            lines.append(f"{indent}{prefix}{opening}")
            on_path.add(key)
            stack.append(_Frame(pending, indent, closing, suffix, key))
            pending = _chain_first(first, children)
            indent += "  "
            break
        else:
            if not stack:
                return "\n".join(lines)
            frame = stack.pop()
            on_path.discard(frame.key)
            indent = frame.indent
            lines.append(f"{indent}{frame.close}{frame.suffix}")
            pending = frame.children


def _chain_first(first: _Item, rest: Iterator[_Item]) -> Iterator[_Item]:
    yield first
    yield from rest


# --------------------------------------------------------------------------------------------
# Node's createErrDiff

_READABLE_OPERATOR: Final = {
    "deepStrictEqual": "Expected values to be strictly deep-equal:",
    "partialDeepStrictEqual": "Expected values to be partially and strictly deep-equal:",
    "strictEqual": "Expected values to be strictly equal:",
    "strictEqualObject": 'Expected "actual" to be reference-equal to "expected":',
    "deepEqual": "Expected values to be loosely deep-equal:",
    "notDeepStrictEqual": 'Expected "actual" not to be strictly deep-equal to:',
    "notStrictEqual": 'Expected "actual" to be strictly unequal to:',
    "notStrictEqualObject": 'Expected "actual" not to be reference-equal to "expected":',
    "notDeepEqual": 'Expected "actual" not to be loosely deep-equal to:',
    "notIdentical": "Values have same structure but are not reference-equal:",
    "notDeepEqualUnequal": "Expected values not to be loosely deep-equal:",
}


def readable_operator(operator: str) -> str | None:
    """Node's ``kReadableOperator`` header for ``operator``, if it has one."""
    return _READABLE_OPERATOR.get(operator)


def _columns() -> int:
    try:
        if sys.stderr is not None and sys.stderr.isatty():
            return shutil.get_terminal_size().columns
    except (AttributeError, ValueError, OSError):
        pass
    return 80


def _is_zero(value: object) -> bool:
    return (
        isinstance(value, int | float | decimal.Decimal)
        and not isinstance(value, bool)
        and value == 0
    )


def create_err_diff(actual: object, expected: object, operator: str) -> str:
    """Node's ``createErrDiff``: the header and the ``+ actual - expected`` diff.

    ``operator`` is ``'strictEqual'``, ``'deepStrictEqual'`` or ``'partialDeepStrictEqual'``.
    """
    actual_text = inspect_value(actual)
    expected_text = inspect_value(expected)
    if operator == "strictEqual" and not is_primitive(actual) and not is_primitive(expected):
        operator = "strictEqualObject"
    return diff_texts(
        actual_text,
        expected_text,
        _READABLE_OPERATOR[operator],
        short_form=is_primitive(actual)
        and is_primitive(expected)
        and not (_is_zero(actual) and _is_zero(expected)),
        indicator=operator != "strictEqualObject",
    )


def diff_texts(
    actual_text: str,
    expected_text: str,
    header: str,
    *,
    short_form: bool,
    indicator: bool,
    columns: int | None = None,
) -> str:
    """The text part of Node's ``createErrDiff`` (separated so it can be tested on lines).

    ``short_form``: both values are primitives and not both zero, so a short pair reads
    ``a !== b``. ``indicator``: a single-line pair may get a ``^`` under the first difference.
    """
    other = ""
    res = ""
    end = ""
    skipped = False
    actual_lines = actual_text.split("\n")
    expected_lines = expected_text.split("\n")
    i = 0
    position = ""

    if len(actual_lines) == 1 and len(expected_lines) == 1 and actual_lines[0] != expected_lines[0]:
        a_raw = actual_lines[0]
        e_raw = expected_lines[0]
        input_length = len(a_raw) + len(e_raw)
        if input_length <= MAX_SHORT_LENGTH:
            if short_form:
                return f"{header}\n\n{a_raw} !== {e_raw}\n"
        elif indicator:
            max_length = _columns() if columns is None else columns
            if input_length < max_length:
                while i < len(a_raw) and i < len(e_raw) and a_raw[i] == e_raw[i]:
                    i += 1
                if i > 2:
                    position = "\n  " + " " * i + "^"
                    i = 0

    # Remove all ending lines that match.
    a = actual_lines[-1]
    b = expected_lines[-1]
    while a == b:
        if i < 3:
            end = f"\n  {a}{end}"
        else:
            other = a
        i += 1
        actual_lines.pop()
        expected_lines.pop()
        if not actual_lines or not expected_lines:
            break
        a = actual_lines[-1]
        b = expected_lines[-1]

    max_lines = max(len(actual_lines), len(expected_lines))
    if max_lines == 0:
        lines = actual_text.split("\n")
        if len(lines) > 50:
            lines[46] = "..."
            del lines[47:]
        return f"{_READABLE_OPERATOR['notIdentical']}\n\n" + "\n".join(lines) + "\n"

    if i >= 5:
        end = f"\n...{end}"
        skipped = True
    if other != "":
        end = f"\n  {other}{end}"
        other = ""

    printed = 0
    identical = 0
    msg = f"{header}\n+ actual - expected"
    skipped_msg = " ... Lines skipped"

    lines = actual_lines
    plus_minus = "+"
    max_length = len(expected_lines)
    if len(actual_lines) < max_lines:
        lines = expected_lines
        plus_minus = "-"
        max_length = len(actual_lines)

    for i in range(max_lines):
        if max_length < i + 1:
            if identical > 2:
                if identical > 3:
                    if identical > 4:
                        if identical == 5:
                            res += f"\n  {lines[i - 3]}"
                            printed += 1
                        else:
                            res += "\n..."
                            skipped = True
                    res += f"\n  {lines[i - 2]}"
                    printed += 1
                res += f"\n  {lines[i - 1]}"
                printed += 1
            identical = 0
            if lines is actual_lines:
                res += f"\n{plus_minus} {lines[i]}"
            else:
                other += f"\n{plus_minus} {lines[i]}"
            printed += 1
        else:
            expected_line = expected_lines[i]
            actual_line = actual_lines[i]
            diverging = actual_line != expected_line and (
                not actual_line.endswith(",") or actual_line[:-1] != expected_line
            )
            if diverging and expected_line.endswith(",") and expected_line[:-1] == actual_line:
                diverging = False
                actual_line += ","
            if diverging:
                if identical > 2:
                    if identical > 3:
                        if identical > 4:
                            if identical == 5:
                                res += f"\n  {actual_lines[i - 3]}"
                                printed += 1
                            else:
                                res += "\n..."
                                skipped = True
                        res += f"\n  {actual_lines[i - 2]}"
                        printed += 1
                    res += f"\n  {actual_lines[i - 1]}"
                    printed += 1
                identical = 0
                res += f"\n+ {actual_line}"
                other += f"\n- {expected_line}"
                printed += 2
            else:
                res += other
                other = ""
                identical += 1
                if identical <= 2:
                    res += f"\n  {actual_line}"
                    printed += 1
        if printed > 50 and i < max_lines - 2:
            return f"{msg}{skipped_msg}\n{res}\n...{other}\n..."

    return f"{msg}{skipped_msg if skipped else ''}\n{res}{other}{end}{position}"
