"""``util.format`` and ``util.format_with_options``: printf-like formatting, Node's rules.

``%s`` string, ``%d`` number, ``%i`` integer, ``%f`` float, ``%j`` JSON, ``%o``/``%O`` inspect,
``%c`` (CSS: consumed, prints nothing), ``%%`` a percent sign; a specifier without an argument
stays as it is, and extra arguments are appended, separated by spaces (strings as they are,
anything else through :func:`inspect`). The numeric specifiers convert as JavaScript's
``Number()``/``parseInt()``/``parseFloat()`` do and print the result as JavaScript prints a
number (``'42.0'`` -> ``42``, ``NaN``, ``Infinity``, ``-0``); a Python ``int`` stays exact.
"""

from __future__ import annotations

import json
import math
import re
import types
from collections.abc import Mapping
from typing import Any

from ..errors import ERR_INVALID_ARG_TYPE
from ._inspect import DEFAULT_OPTIONS, format_number, inspect

__all__ = ["format", "format_with_options"]

_JS_SPACE = " \t\n\v\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
_DECIMAL = re.compile(r"[+-]?(?:Infinity|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)")
_INT_PREFIX = re.compile(r"([+-]?)(0[xX])?")


def _string_to_number(text: str) -> float:
    """JavaScript's ``Number(string)``."""
    text = text.strip(_JS_SPACE)
    if text == "":
        return 0.0
    lowered = text[:2].lower()
    if lowered in ("0x", "0o", "0b"):
        base = {"0x": 16, "0o": 8, "0b": 2}[lowered]
        try:
            return float(int(text[2:], base))
        except ValueError:
            return math.nan
    match = _DECIMAL.fullmatch(text)
    if match is None:
        return math.nan
    return float(text.replace("Infinity", "inf"))


def _parse_float(text: str) -> float:
    """JavaScript's ``parseFloat``: the longest decimal prefix after leading space."""
    match = _DECIMAL.match(text.lstrip(_JS_SPACE))
    if match is None:
        return math.nan
    return float(match.group().replace("Infinity", "inf"))


def _parse_int(text: str) -> int | float:
    """JavaScript's ``parseInt`` (radix 10, or 16 after ``0x``); ``-0`` comes back as -0.0."""
    text = text.lstrip(_JS_SPACE)
    prefix = _INT_PREFIX.match(text)
    assert prefix is not None
    sign, hex_prefix = prefix.group(1), prefix.group(2)
    rest = text[prefix.end() :]
    digits = re.match(r"[0-9a-fA-F]*" if hex_prefix else r"[0-9]*", rest)
    assert digits is not None
    if not digits.group():
        return math.nan
    value = int(digits.group(), 16 if hex_prefix else 10)
    if sign == "-":
        return -value if value else -0.0
    return value


def _to_number(value: object) -> int | float:
    """JavaScript's ``Number(value)`` for Python values; an ``int`` stays exact."""
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return value
    if isinstance(value, str):
        return _string_to_number(value)
    if hasattr(value, "__float__") and not isinstance(value, complex):
        try:
            return float(value)
        except (TypeError, ValueError):
            return math.nan
    return math.nan


def _js(value: int | float, numeric_separator: bool) -> str:
    return format_number(value, numeric_separator, js=True)


def _format_d(value: object, sep: bool) -> str:
    return _js(_to_number(value), sep)


def _format_i(value: object, sep: bool) -> str:
    # parseInt/parseFloat read String(value): String(-0) is "0" and String(true) is "true"
    # (NaN), where Number(), for %d, keeps -0 and makes true 1.
    if isinstance(value, int) and not isinstance(value, bool):
        return _js(int(value), sep)
    if isinstance(value, float):
        text = "0" if value == 0 else _js(value, False)
    else:
        text = value if isinstance(value, str) else str(value)
    return _js(_parse_int(text), sep)


def _format_f(value: object, sep: bool) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        return _js(int(value), sep)
    if isinstance(value, float):
        return _js(0.0 if value == 0 else value, sep)
    text = value if isinstance(value, str) else str(value)
    return _js(_parse_float(text), sep)


def _has_own_str(value: object) -> bool:
    """Python's "user-defined toString": a ``__str__`` other than the built-in fallbacks."""
    method: object = type(value).__str__
    return method is not object.__str__ and method is not BaseException.__str__


def _format_s(value: object, options: Mapping[str, Any]) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or value is None:
        return str(value)
    if isinstance(value, int | float):
        return format_number(value, bool(options.get("numeric_separator")))
    if _has_own_str(value) and not isinstance(value, dict | list | tuple | set | frozenset):
        return str(value)
    return inspect(value, options, depth=0, colors=False, compact=3)


class _Circular(Exception):
    """JSON.stringify met an object that contains itself."""


_LONE_SURROGATE = re.compile(
    "(?<![\ud800-\udbff])[\udc00-\udfff]|[\ud800-\udbff](?![\udc00-\udfff])"
)
_FUNCTIONS = (types.FunctionType, types.BuiltinFunctionType, types.MethodType, type)


def _json_string(text: str) -> str:
    """A JSON string literal as JSON.stringify writes it: non-ASCII kept, lone surrogates escaped."""
    quoted = json.dumps(text, ensure_ascii=False)
    return _LONE_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def _json_number(value: float) -> str:
    """A number as JSON.stringify writes it: NaN and infinities are ``null``, ``-0`` is ``0``."""
    if not math.isfinite(value):
        return "null"
    return format_number(0.0 if value == 0 else value, js=True)


def _json_key(key: object) -> str:
    if isinstance(key, str):
        return key
    if key is None or isinstance(key, bool):
        return "null" if key is None else "true" if key else "false"
    if isinstance(key, int):
        return str(int(key))
    if isinstance(key, float):
        return format_number(0.0 if key == 0 else key, js=True)  # a JS property key: "NaN"...
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")


def _stringify(value: object, path: set[int]) -> str | None:
    """``JSON.stringify(value)``; ``None`` for JavaScript's ``undefined`` (a function)."""
    if value is None:
        return "null"
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, str):
        return _json_string(value)
    if isinstance(value, int):
        return str(int(value))
    if isinstance(value, float):
        return _json_number(float(value))
    if isinstance(value, _FUNCTIONS):
        return None
    to_json = getattr(value, "to_json", None)
    if callable(to_json):
        return _stringify(to_json(), path)
    if isinstance(value, set | frozenset):
        return "{}"
    if not isinstance(value, dict | list | tuple):
        own = getattr(value, "__dict__", None)
        if not isinstance(own, dict):
            raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")
        entries: object = own
    else:
        entries = value
    key = id(value)
    if key in path:
        raise _Circular
    path.add(key)
    try:
        if isinstance(entries, dict):
            members = []
            for k, v in entries.items():
                text = _stringify(v, path)
                if text is not None:
                    members.append(f"{_json_string(_json_key(k))}:{text}")
            return "{" + ",".join(members) + "}"
        assert isinstance(entries, list | tuple)
        items = (_stringify(v, path) for v in entries)
        return "[" + ",".join("null" if text is None else text for text in items) + "]"
    finally:
        path.discard(key)


def _format_j(value: object) -> str:
    """``JSON.stringify``: compact, non-ASCII kept, ``to_json()`` honoured, cycles ``[Circular]``."""
    try:
        text = _stringify(value, set())
    except _Circular:
        return "[Circular]"
    return "undefined" if text is None else text


def _format(options: Mapping[str, Any], args: tuple[object, ...]) -> str:
    """Node's ``formatWithOptionsInternal``."""
    sep = bool(options.get("numeric_separator"))
    out: list[str] = []
    a = 0
    join = ""
    if args and isinstance(args[0], str):
        first = args[0]
        if len(args) == 1:
            return first  # nothing to substitute: "%%" stays as it is, as in Node
        last_pos = 0
        i = 0
        n = len(first)
        while i < n - 1:
            if first[i] == "%":
                i += 1
                spec = first[i]
                if a + 1 != len(args):
                    if spec == "s":
                        a += 1
                        text = _format_s(args[a], options)
                    elif spec == "j":
                        a += 1
                        text = _format_j(args[a])
                    elif spec == "d":
                        a += 1
                        text = _format_d(args[a], sep)
                    elif spec == "O":
                        a += 1
                        text = inspect(args[a], options)
                    elif spec == "o":
                        a += 1
                        text = inspect(args[a], options, depth=4)
                    elif spec == "i":
                        a += 1
                        text = _format_i(args[a], sep)
                    elif spec == "f":
                        a += 1
                        text = _format_f(args[a], sep)
                    elif spec == "c":
                        a += 1
                        text = ""
                    elif spec == "%":
                        out.append(first[last_pos:i])
                        last_pos = i + 1
                        i += 1
                        continue
                    else:
                        i += 1
                        continue
                    if last_pos != i - 1:
                        out.append(first[last_pos : i - 1])
                    out.append(text)
                    last_pos = i + 1
                elif spec == "%":
                    out.append(first[last_pos:i])
                    last_pos = i + 1
            i += 1
        if last_pos != 0:
            a += 1
            join = " "
            if last_pos < n:
                out.append(first[last_pos:])
    while a < len(args):
        value = args[a]
        out.append(join)
        out.append(value if isinstance(value, str) else inspect(value, options))
        join = " "
        a += 1
    return "".join(out)


def format(*args: object) -> str:
    """Node's ``util.format(format, ...args)``: a printf-like string.

    With a string first argument, its ``%s %d %i %f %j %o %O %c %%`` specifiers consume the
    following arguments; arguments left over are appended, separated by spaces. Anything that
    is not a string is rendered with :func:`inspect`. ``format()`` is ``''``.
    """
    return _format(DEFAULT_OPTIONS, args)


def format_with_options(inspect_options: Mapping[str, Any], *args: object) -> str:
    """Node's ``util.formatWithOptions(inspectOptions, format, ...args)``.

    Like :func:`format`, with ``inspect_options`` (a mapping of :func:`inspect`'s keyword
    options, e.g. ``{'colors': True}``) applied wherever a value is inspected.
    """
    if not isinstance(inspect_options, Mapping):
        raise ERR_INVALID_ARG_TYPE("inspectOptions", "object", inspect_options)
    if not args:
        return ""
    options = dict(DEFAULT_OPTIONS)
    options.update(inspect_options)
    return _format(options, args)
