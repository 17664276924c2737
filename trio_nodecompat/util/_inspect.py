"""``util.inspect``: Node's layout of values, applied to the values Python has.

The layout engine is Node's: entries on one line while they fit in ``break_length`` and nest at
most ``compact`` levels deep, otherwise one per line; arrays of more than six short entries
grouped in aligned columns; ``depth`` levels shown and deeper containers summarised as
``[Object]``/``[Array]``/``[ClassName]``; cycles as ``<ref *1>`` ... ``[Circular *1]``;
strings quoted and escaped as Node does. What a value looks like is Python's where Node's would
mislead: ``None``/``True``/``False``, floats by ``repr`` (``1.0`` stays ``1.0``), and any object
whose class defines ``__repr__`` (``Buffer``, ``bytes``, ``datetime``, ``Decimal``, ...) by that
repr. ``docs/modules/util.rst`` has the full table.
"""

from __future__ import annotations

import math
import re
import sys
import threading
import traceback
import types as _pytypes
import unicodedata
from collections.abc import Callable, Mapping
from datetime import date, time, timedelta
from typing import Any, ClassVar, Final

from ..errors import ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE

__all__ = [
    "CUSTOM_INSPECT",
    "DEFAULT_OPTIONS",
    "InspectOptions",
    "Inspector",
    "OUTPUT_BUDGET",
    "format_number",
    "inspect",
    "js_number",
    "str_escape",
]

#: The attribute name that plays Node's ``util.inspect.custom`` symbol.
CUSTOM_INSPECT: Final = "nodejs_util_inspect_custom"

InspectOptions = dict[str, Any]

#: Characters one indentation level may take before ``inspect`` stops descending (Node's
#: ``2 ** 27`` limit on ``ctx.budget``); see :meth:`Inspector._spend`.
OUTPUT_BUDGET: Final = 2**27

#: Node's ``util.inspect.defaultOptions`` in this package's spelling (mutable, as Node's).
DEFAULT_OPTIONS: InspectOptions = {
    "depth": 2,
    "colors": False,
    "custom_inspect": True,
    "max_array_length": 100,
    "max_string_length": 10000,
    "break_length": 80,
    "compact": 3,
    "sorted": False,
    "numeric_separator": False,
}


class _ColorTable(dict[str, tuple[int, int]]):
    """Node's ``util.inspect.colors``: a dict of colors that also answers to their aliases.

    Node defines ``grey``, ``blackBright``, ``faint``, ... as non-enumerable accessors of
    other entries: reading or assigning an alias reads or assigns the color it names, and
    the aliases are not listed among the keys. This dict does the same.
    """

    ALIASES: ClassVar[dict[str, str]] = {
        "grey": "gray",
        "blackBright": "gray",
        "bgGrey": "bgGray",
        "bgBlackBright": "bgGray",
        "faint": "dim",
        "strikeThrough": "strikethrough",
        "crossedout": "strikethrough",
        "crossedOut": "strikethrough",
        "conceal": "hidden",
        "swapColors": "inverse",
        "swapcolors": "inverse",
        "doubleUnderline": "doubleunderline",
    }

    def __getitem__(self, name: str) -> tuple[int, int]:
        return super().__getitem__(self.ALIASES.get(name, name))

    def __setitem__(self, name: str, value: tuple[int, int]) -> None:
        super().__setitem__(self.ALIASES.get(name, name), value)

    def __contains__(self, name: object) -> bool:
        return super().__contains__(self.ALIASES.get(name, name) if isinstance(name, str) else name)

    def get(self, name: str, default: Any = None) -> Any:
        """The color called ``name`` (or an alias of it), else ``default``."""
        return self[name] if name in self else default


#: Node's ``util.inspect.colors``: ANSI codes (on, off) by color name (and alias).
COLORS: Final = _ColorTable(
    {
        "reset": (0, 0),
        "bold": (1, 22),
        "dim": (2, 22),
        "italic": (3, 23),
        "underline": (4, 24),
        "blink": (5, 25),
        "inverse": (7, 27),
        "hidden": (8, 28),
        "strikethrough": (9, 29),
        "doubleunderline": (21, 24),
        "black": (30, 39),
        "red": (31, 39),
        "green": (32, 39),
        "yellow": (33, 39),
        "blue": (34, 39),
        "magenta": (35, 39),
        "cyan": (36, 39),
        "white": (37, 39),
        "bgBlack": (40, 49),
        "bgRed": (41, 49),
        "bgGreen": (42, 49),
        "bgYellow": (43, 49),
        "bgBlue": (44, 49),
        "bgMagenta": (45, 49),
        "bgCyan": (46, 49),
        "bgWhite": (47, 49),
        "framed": (51, 54),
        "overlined": (53, 55),
        "gray": (90, 39),
        "redBright": (91, 39),
        "greenBright": (92, 39),
        "yellowBright": (93, 39),
        "blueBright": (94, 39),
        "magentaBright": (95, 39),
        "cyanBright": (96, 39),
        "whiteBright": (97, 39),
        "bgGray": (100, 49),
        "bgRedBright": (101, 49),
        "bgGreenBright": (102, 49),
        "bgYellowBright": (103, 49),
        "bgBlueBright": (104, 49),
        "bgMagentaBright": (105, 49),
        "bgCyanBright": (106, 49),
        "bgWhiteBright": (107, 49),
    }
)

#: Node's ``util.inspect.styles``: the color of each kind of token.
STYLES: Final[dict[str, str]] = {
    "special": "cyan",
    "number": "yellow",
    "bigint": "yellow",
    "boolean": "yellow",
    "undefined": "grey",
    "null": "bold",
    "string": "green",
    "symbol": "green",
    "date": "magenta",
    "regexp": "red",
    "module": "underline",
}

_OBJECT = 0  # entries are ``key: value``; never grouped in columns
_ARRAY = 1  # entries are values; long runs of short ones are grouped in columns

_KEY_IDENTIFIER = re.compile(r"^[a-zA-Z_][a-zA-Z_0-9]*$")
_ANSI = re.compile(r"\x1b\[\d\d?m")
_MIN_LINE_WIDTH = 16


_C0 = re.compile(r"[\x00-\x1f]")


def string_width(text: str) -> int:
    """The columns ``text`` takes in a terminal, as Node's ``getStringWidth`` counts them.

    East Asian wide and fullwidth characters take two columns; control characters,
    combining marks and other zero-width characters none; everything else one.
    """
    if text.isascii():
        return len(text) - len(_C0.findall(text))
    width = 0
    for char in unicodedata.normalize("NFC", text):
        code = ord(char)
        if code < 0x20 or 0x7F <= code <= 0x9F:
            continue
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def _meta(code: int) -> str:
    if code == 8:
        return "\\b"
    if code == 9:
        return "\\t"
    if code == 10:
        return "\\n"
    if code == 12:
        return "\\f"
    if code == 13:
        return "\\r"
    if code == 39:
        return "\\'"
    if code == 92:
        return "\\\\"
    if 0xD800 <= code <= 0xDFFF:
        return f"\\u{code:x}"
    return f"\\x{code:02X}"


# Lone surrogates only: a high surrogate followed by a low one is one JS character (as Node).
# The look-around is slow, so text without surrogates (nearly all) takes the plain classes.
_LONE_SURROGATE = r"[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]"
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_ESCAPE_ALL = re.compile(r"[\x00-\x1f\x27\x5c\x7f-\x9f]")
_ESCAPE_NO_QUOTE = re.compile(r"[\x00-\x1f\x5c\x7f-\x9f]")
_ESCAPE_ALL_SURROGATES = re.compile(r"[\x00-\x1f\x27\x5c\x7f-\x9f]|" + _LONE_SURROGATE)
_ESCAPE_NO_QUOTE_SURROGATES = re.compile(r"[\x00-\x1f\x5c\x7f-\x9f]|" + _LONE_SURROGATE)


def str_escape(text: str) -> str:
    """Quote ``text`` as Node's inspect does.

    Single quotes unless the text has one: then double quotes, or backticks if it has both,
    or single quotes with ``\\'`` if it has all three. Control characters, C1 controls, the
    backslash and lone surrogates are escaped (``\\n``, ``\\x1B``, ``\\ud800``).
    """
    quote = "'"
    pattern = _ESCAPE_ALL
    if "'" in text:
        if '"' not in text:
            quote = '"'
        elif "`" not in text and "${" not in text:
            quote = "`"
        if quote != "'":
            pattern = _ESCAPE_NO_QUOTE
    if not text.isascii() and _SURROGATE.search(text):
        pattern = _ESCAPE_ALL_SURROGATES if pattern is _ESCAPE_ALL else _ESCAPE_NO_QUOTE_SURROGATES
    escaped = pattern.sub(lambda m: _meta(ord(m.group())), text)
    return f"{quote}{escaped}{quote}"


# --------------------------------------------------------------------------------------------
# Numbers


def _separate_int(digits: str) -> str:
    """Node's ``addNumericalSeparator``: ``'-1234567'`` -> ``'-1_234_567'``."""
    start = 1 if digits.startswith("-") else 0
    result = ""
    i = len(digits)
    while i >= start + 4:
        result = f"_{digits[i - 3 : i]}{result}"
        i -= 3
    return digits if i == len(digits) else f"{digits[:i]}{result}"


def _separate_fraction(digits: str) -> str:
    """Node's ``addNumericalSeparatorEnd``: ``'.0001234'`` -> ``'.000_123_4'``."""
    result = ""
    i = 0
    while i < len(digits) - 3:
        result += f"{digits[i : i + 3]}_"
        i += 3
    return digits if i == 0 else f"{result}{digits[i:]}"


def js_number(value: float) -> str:
    """A float as JavaScript's ``Number.prototype.toString`` prints it.

    Integral values lose their ``.0``; exponents appear from ``1e21`` and below ``1e-6``
    (``1e+21``, ``1e-7``); ``NaN``, ``Infinity``, ``-0``.
    """
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    if value == 0:
        return "-0" if math.copysign(1.0, value) < 0 else "0"
    sign = "-" if value < 0 else ""
    mantissa, _, exp_text = repr(abs(value)).partition("e")
    whole, _, frac = mantissa.partition(".")
    digits = whole + frac
    # value == 0.<digits> * 10**point
    point = len(whole) + (int(exp_text) if exp_text else 0)
    stripped = digits.lstrip("0")
    point -= len(digits) - len(stripped)
    digits = stripped.rstrip("0")
    k = len(digits)
    if k <= point <= 21:
        return sign + digits + "0" * (point - k)
    if 0 < point <= 21:
        return sign + digits[:point] + "." + digits[point:]
    if -6 < point <= 0:
        return sign + "0." + "0" * (-point) + digits
    e = point - 1
    exponent = f"e{'+' if e >= 0 else '-'}{abs(e)}"
    return sign + digits[0] + ("." + digits[1:] if k > 1 else "") + exponent


def format_number(value: int | float, numeric_separator: bool = False, *, js: bool = False) -> str:
    """An ``int`` exactly, a float by ``repr`` (``js=True``: as JavaScript prints it).

    With ``numeric_separator`` the digits are grouped by three with ``_`` as Node does.
    """
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, int):
        text = str(value)
        return _separate_int(text) if numeric_separator else text
    text = js_number(value) if js else repr(value)
    if not numeric_separator or not math.isfinite(value) or "e" in text:
        return text
    whole, dot, frac = text.partition(".")
    return _separate_int(whole) + (dot + _separate_fraction(frac) if dot else "")


# --------------------------------------------------------------------------------------------
# The engine


def _has_own_repr(tp: type) -> bool:
    method: object = tp.__repr__
    return method is not object.__repr__


class Inspector:
    """One ``inspect`` call's state: Node's ``ctx``."""

    def __init__(self, options: Mapping[str, Any]) -> None:
        depth = options.get("depth", 2)
        self.depth: float = math.inf if depth is None else depth
        self.colors = bool(options.get("colors", False))
        self.custom_inspect = bool(options.get("custom_inspect", True))
        max_array = options.get("max_array_length", 100)
        self.max_array_length: float = math.inf if max_array is None else max(0, max_array)
        max_string = options.get("max_string_length", 10000)
        self.max_string_length: float = math.inf if max_string is None else max(0, max_string)
        self.break_length: float = options.get("break_length", 80)
        self.compact: bool | int = options.get("compact", 3)
        self.sorted: bool | Callable[[str, str], int] = options.get("sorted", False)
        self.numeric_separator = bool(options.get("numeric_separator", False))
        #: A ``stylize(text, style)`` given as an option; ``colors=True`` takes over from it.
        self.user_stylize: Callable[[str, str], str] | None = options.get("stylize")
        self.options = {k: v for k, v in options.items() if k != "stylize"}
        self.indentation_lvl = 0
        self.current_depth = 0
        self.seen: list[object] = []
        self.circular: dict[int, int] = {}
        # Characters written so far per indentation level (Node's ``ctx.budget``).
        self.budget: dict[int, int] = {}
        #: Nesting went past ``_RAISE_LIMIT_AT``: the recursion limit is raised for this call.
        self.deep = False

    # -- tokens -----------------------------------------------------------------------------

    def stylize(self, text: str, style: str) -> str:
        """Color ``text`` as a ``style`` token when colors are on (Node's ``stylizeWithColor``)."""
        if not self.colors:
            return text if self.user_stylize is None else self.user_stylize(text, style)
        color = STYLES.get(style)
        codes = COLORS.get(color) if color is not None else None
        if codes is None:
            return text  # an unknown color name prints plain, as in Node
        on, off = codes
        return f"\x1b[{on}m{text}\x1b[{off}m"

    def _width(self, text: str) -> int:
        """Characters of ``text`` without its colors (Node's ``isBelowBreakLength`` count)."""
        return len(_ANSI.sub("", text)) if self.colors else len(text)

    def _columns(self, text: str) -> int:
        """Terminal columns of ``text`` without its colors (Node's ``getStringWidth``)."""
        return string_width(_ANSI.sub("", text) if self.colors else text)

    def format_primitive(self, value: object) -> str | None:
        """The rendering of a scalar, or ``None`` if ``value`` is not one."""
        if value is None:
            return self.stylize("None", "null")
        if isinstance(value, bool):
            return self.stylize("True" if value else "False", "boolean")
        if isinstance(value, int | float) and type(value) in (int, float):
            return self.stylize(format_number(value, self.numeric_separator), "number")
        if type(value) is complex:
            return self.stylize(repr(value), "number")
        if isinstance(value, str) and type(value) is str:
            return self.format_string(value)
        return None

    def format_string(self, value: str) -> str:
        trailer = ""
        if len(value) > self.max_string_length:
            keep = int(self.max_string_length)
            remaining = len(value) - keep
            value = value[:keep]
            trailer = f"... {remaining} more character{'s' if remaining > 1 else ''}"
        if (
            self.compact is not True
            and len(value) > _MIN_LINE_WIDTH
            and len(value) > self.break_length - self.indentation_lvl - 4
        ):
            # Node splits after each "\n" only (not at other line breaks).
            parts = value.split("\n")
            lines = [part + "\n" for part in parts[:-1]]
            if parts[-1]:
                lines.append(parts[-1])
            joiner = " +\n" + " " * (self.indentation_lvl + 2)
            return joiner.join(self.stylize(str_escape(line), "string") for line in lines) + trailer
        return self.stylize(str_escape(value), "string") + trailer

    # -- values -----------------------------------------------------------------------------

    def format_value(self, value: object, recurse_times: int) -> str:
        """Node's ``formatValue``."""
        text = self.format_primitive(value)
        if text is not None:
            return text
        if self.custom_inspect:
            custom = getattr(type(value), CUSTOM_INSPECT, None)
            if custom is not None and callable(custom) and not isinstance(value, type):
                depth: float | None = self.depth - recurse_times
                if depth == math.inf:
                    depth = None
                # Node's getUserOptions: the options as given (``depth`` the whole depth, not
                # what is left), and ``stylize``; a fresh dict for each call.
                options = {**self.options, "stylize": self.stylize}
                result = custom(value, depth, options, inspect)
                if result is not value:
                    if not isinstance(result, str):
                        return self.format_value(result, recurse_times)
                    return result.replace("\n", "\n" + " " * self.indentation_lvl)
        for seen in self.seen:
            if seen is value:
                index = self.circular.get(id(value))
                if index is None:
                    index = len(self.circular) + 1
                    self.circular[id(value)] = index
                return self.stylize(f"[Circular *{index}]", "special")
        return self.format_raw(value, recurse_times)

    def format_raw(self, value: object, recurse_times: int) -> str:
        """Node's ``formatRaw``: pick braces and entries for a container, or a one-token form."""
        tp = type(value)
        entries: Callable[[int], list[str]]
        base = ""
        kind = _OBJECT
        if isinstance(value, dict):
            name = tp.__name__
            braces = ["{", "}"] if tp is dict else [f"{name} {{", "}"]
            if not value:
                return f"{braces[0]}}}"
            summary = "[Object]" if tp is dict else f"[{name}]"
            entries = lambda rt: self._dict_entries(value, rt)  # noqa: E731
        elif isinstance(value, list | tuple) and not hasattr(value, "_fields"):
            prefix = "" if tp is list else f"{tp.__name__}({len(value)}) "
            braces = [f"{prefix}[", "]"]
            if not value:
                return f"{braces[0]}]"
            kind = _ARRAY
            summary = "[Array]" if tp is list else f"[{tp.__name__}]"
            entries = lambda rt: self._list_entries(value, rt)  # noqa: E731
        elif isinstance(value, set | frozenset):
            prefix = f"{tp.__name__}({len(value)}) "
            if tp not in (set, frozenset):
                # Node tags a subclass with its builtin: ``SetSubclass(3) [Set] { ... }``.
                prefix += f"[{'frozenset' if isinstance(value, frozenset) else 'set'}] "
            if not value:
                return f"{prefix}{{}}"
            braces = [f"{prefix}{{", "}"]
            summary = f"[{tp.__name__}]"
            entries = lambda rt: self._set_entries(value, rt)  # noqa: E731
        elif isinstance(value, BaseException):
            return self._format_error(value, recurse_times)
        elif isinstance(value, type):
            return self.stylize(_class_name(value), "special")
        elif isinstance(
            value,
            _pytypes.FunctionType
            | _pytypes.BuiltinFunctionType
            | _pytypes.MethodType
            | _pytypes.BuiltinMethodType,
        ):
            name = _function_name(value)
            attrs = _public_attributes(value)
            if not attrs:
                return self.stylize(name, "special")
            # Node prints a function's own properties after its name; below the depth, the
            # function is only its kind (``[Function]``).
            base = self.stylize(name, "special")
            braces = ["{", "}"]
            summary = f"[{name[1:].split(':')[0].split(' (')[0].rstrip(']')}]"
            entries = lambda rt: self._mapping_entries(attrs, rt)  # noqa: E731
        elif _has_own_repr(tp):
            return self._format_repr(value)
        else:
            attrs = _attributes(value)
            name = tp.__name__
            if not attrs:
                return f"{name} {{}}"
            braces = [f"{name} {{", "}"]
            summary = f"[{name}]"
            entries = lambda rt: self._mapping_entries(attrs, rt)  # noqa: E731

        if recurse_times > self.depth:
            return self.stylize(summary, "special")
        recurse_times += 1
        if recurse_times == _RAISE_LIMIT_AT and not self.deep:
            self.deep = True
            _acquire_deep_recursion()
        self.seen.append(value)
        self.current_depth = recurse_times
        indentation = self.indentation_lvl
        try:
            output = entries(recurse_times)
        except RecursionError:
            # Node's handleMaxCallStackSize: say where inspection stopped instead of failing.
            self.indentation_lvl = indentation
            name = summary[1:-1]
            return self.stylize(
                f"[{name}: Inspection interrupted prematurely. Maximum call stack size exceeded.]",
                "special",
            )
        finally:
            self.seen.pop()
        index = self.circular.get(id(value))
        if index is not None:
            reference = self.stylize(f"<ref *{index}>", "special")
            if self.compact is not True:
                base = reference if base == "" else f"{reference} {base}"
            else:
                braces[0] = f"{reference} {braces[0]}"
        if self.sorted and kind == _OBJECT:
            if callable(self.sorted):
                import functools

                output.sort(key=functools.cmp_to_key(self.sorted))
            else:
                output.sort()
        return self._spend(
            self.reduce_to_single_string(output, base, braces, kind, recurse_times, value)
        )

    def _spend(self, text: str) -> str:
        """Count ``text`` against its indentation level's budget; past it, stop descending.

        Node keeps a running total of the characters written at each indentation level; once
        one passes ``OUTPUT_BUDGET`` (2**27), the depth drops to -1, so every container still
        to come prints as its one-word summary (``[Object]``). A large graph that shares
        sub-objects (without cycles) would otherwise print in full at each of its exponentially
        many paths: ``depth=None`` on such a graph ends in seconds instead of never.
        """
        total = self.budget.get(self.indentation_lvl, 0) + len(text)
        self.budget[self.indentation_lvl] = total
        if total > OUTPUT_BUDGET:
            self.depth = -1
            self.options["depth"] = -1
        return text

    def _format_repr(self, value: object) -> str:
        text = repr(value)
        if self.indentation_lvl:
            text = text.replace("\n", "\n" + " " * self.indentation_lvl)
        if isinstance(value, date | time | timedelta):
            return self.stylize(text, "date")
        if isinstance(value, re.Pattern):
            return self.stylize(text, "regexp")
        if isinstance(value, _pytypes.ModuleType):
            return self.stylize(text, "module")
        return text

    def _format_error(self, err: BaseException, recurse_times: int) -> str:
        if err.__traceback__ is not None:
            text = "".join(traceback.format_exception(err)).rstrip("\n")
        else:
            text = "".join(traceback.format_exception_only(err)).rstrip("\n")
        if self.indentation_lvl:
            text = text.replace("\n", "\n" + " " * self.indentation_lvl)
        attrs = {k: v for k, v in _attributes(err).items() if not k.startswith("_")}
        code = getattr(err, "code", None)
        if isinstance(code, str) and "code" not in attrs:
            attrs = {"code": code, **attrs}
        if not attrs:
            return text
        if recurse_times > self.depth:
            return f"[{text}]"
        recurse_times += 1
        self.seen.append(err)
        self.current_depth = recurse_times
        try:
            output = self._mapping_entries(attrs, recurse_times)
        finally:
            self.seen.pop()
        return self._spend(
            self.reduce_to_single_string(output, text, ["{", "}"], _OBJECT, recurse_times, err)
        )

    # -- entries ----------------------------------------------------------------------------

    def _property(self, key: object, value: object, recurse_times: int, kind: int) -> str:
        """Node's ``formatProperty``: ``key: value`` (or just the value in an array)."""
        diff = 3 if self.compact is True and kind == _OBJECT else 2
        extra = " "
        self.indentation_lvl += diff
        text = self.format_value(value, recurse_times)
        if diff == 3 and self.break_length < self._columns(text):
            extra = "\n" + " " * self.indentation_lvl
        self.indentation_lvl -= diff
        if kind == _ARRAY:
            return text
        if isinstance(key, str) and type(key) is str:
            name = key if _KEY_IDENTIFIER.match(key) else self.stylize(str_escape(key), "string")
        else:
            self.indentation_lvl += 2
            name = self.format_value(key, recurse_times)
            self.indentation_lvl -= 2
        return f"{name}:{extra}{text}"

    def _dict_entries(self, value: dict[Any, Any], recurse_times: int) -> list[str]:
        return [self._property(k, v, recurse_times, _OBJECT) for k, v in list(value.items())]

    def _mapping_entries(self, value: Mapping[str, object], recurse_times: int) -> list[str]:
        return [self._property(k, v, recurse_times, _OBJECT) for k, v in value.items()]

    def _remaining(self, remaining: int) -> str:
        return f"... {remaining} more item{'s' if remaining > 1 else ''}"

    def _list_entries(self, value: list[Any] | tuple[Any, ...], recurse_times: int) -> list[str]:
        shown = int(min(self.max_array_length, len(value)))
        output = [self._property(i, value[i], recurse_times, _ARRAY) for i in range(shown)]
        if len(value) > shown:
            output.append(self._remaining(len(value) - shown))
        return output

    def _set_entries(self, value: set[Any] | frozenset[Any], recurse_times: int) -> list[str]:
        shown = int(min(self.max_array_length, len(value)))
        output = []
        self.indentation_lvl += 2
        for i, item in enumerate(list(value)):
            if i >= shown:
                break
            output.append(self.format_value(item, recurse_times))
        self.indentation_lvl -= 2
        if len(value) > shown:
            output.append(self._remaining(len(value) - shown))
        return output

    # -- layout -----------------------------------------------------------------------------

    def _below_break_length(self, output: list[str], start: int, base: str) -> bool:
        total = len(output) + start
        if total + len(output) > self.break_length:
            return False
        for entry in output:
            total += self._width(entry)
            if total > self.break_length:
                return False
        return base == "" or "\n" not in base

    def reduce_to_single_string(
        self,
        output: list[str],
        base: str,
        braces: list[str],
        kind: int,
        recurse_times: int,
        value: object,
    ) -> str:
        """Node's ``reduceToSingleString``: one line if it fits, else one entry per line."""
        compact = self.compact
        if compact is not True:
            if not isinstance(compact, bool) and compact >= 1:
                entries = len(output)
                if kind == _ARRAY and entries > 6:
                    output = self._group_array_elements(output, value)
                if self.current_depth - recurse_times < compact and entries == len(output):
                    start = len(output) + self.indentation_lvl + len(braces[0]) + len(base) + 10
                    if self._below_break_length(output, start, base):
                        joined = ", ".join(output)
                        if "\n" not in joined:
                            return f"{base + ' ' if base else ''}{braces[0]} {joined} {braces[1]}"
            indentation = "\n" + " " * self.indentation_lvl
            head = f"{base + ' ' if base else ''}{braces[0]}{indentation}  "
            tail = f"{indentation}{braces[1]}"
            if len(output) < 2:
                return head + "".join(output) + tail
            # One join over the entries, the braces glued to the first and last: a huge
            # output is copied once here, not twice (join, then an f-string around it).
            return f",{indentation}  ".join([head + output[0], *output[1:-1], output[-1] + tail])
        if self._below_break_length(output, 0, base):
            return f"{braces[0]}{' ' + base if base else ''} {', '.join(output)} {braces[1]}"
        indentation = " " * self.indentation_lvl
        ln = (
            " "
            if base == "" and len(braces[0]) == 1
            else f"{' ' + base if base else ''}\n{indentation}  "
        )
        return f"{braces[0]}{ln}{(',' + chr(10) + indentation + '  ').join(output)} {braces[1]}"

    def _group_array_elements(self, output: list[str], value: object) -> list[str]:
        """Node's ``groupArrayElements``: many short entries in aligned columns."""
        total_length = 0
        max_length = 0
        output_length = len(output)
        if self.max_array_length < len(output):
            output_length -= 1  # the "... more items" entry is not grouped
        separator_space = 2
        data_len = []
        for i in range(output_length):
            length = self._columns(output[i])
            data_len.append(length)
            total_length += length + separator_space
            max_length = max(max_length, length)
        actual_max = max_length + separator_space
        if actual_max * 3 + self.indentation_lvl < self.break_length and (
            total_length / actual_max > 5 or max_length <= 6
        ):
            average_bias = math.sqrt(actual_max - total_length / len(output))
            biased_max = max(actual_max - 3 - average_bias, 1)
            compact = self.compact if not isinstance(self.compact, bool) else 3
            # min() of these is never the (possibly infinite) break_length term alone.
            columns = int(
                min(
                    _js_round(math.sqrt(2.5 * biased_max * output_length) / biased_max),
                    _js_floor((self.break_length - self.indentation_lvl) / actual_max),
                    compact * 4,
                    15,
                )
            )
            if columns <= 1:
                return output
            max_line_length = []
            for i in range(columns):
                line_length = 0
                for j in range(i, output_length, columns):
                    line_length = max(line_length, data_len[j])
                max_line_length.append(line_length + separator_space)
            pad_start = True
            if isinstance(value, list | tuple):
                for i in range(min(len(output), len(value))):
                    item = value[i]
                    if not isinstance(item, int | float) or isinstance(item, bool):
                        pad_start = False
                        break
            grouped = []
            for i in range(0, output_length, columns):
                end = min(i + columns, output_length)
                line = ""
                j = i
                while j < end - 1:
                    padding = max_line_length[j - i] + len(output[j]) - data_len[j]
                    cell = f"{output[j]}, "
                    line += cell.rjust(padding) if pad_start else cell.ljust(padding)
                    j += 1
                if pad_start:
                    padding = (
                        max_line_length[j - i] + len(output[j]) - data_len[j] - separator_space
                    )
                    line += output[j].rjust(padding)
                else:
                    line += output[j]
                grouped.append(line)
            if self.max_array_length < len(output):
                grouped.append(output[output_length])
            output = grouped
        return output


def _js_floor(x: float) -> float:
    """JavaScript's ``Math.floor``: an infinite ``break_length`` stays infinite."""
    return x if math.isinf(x) else math.floor(x)


def _js_round(x: float) -> int:
    """JavaScript's ``Math.round``: halves round up."""
    return math.floor(x + 0.5)


def _class_name(cls: type) -> str:
    bases = [b for b in cls.__bases__ if b is not object]
    if bases:
        return f"[class {cls.__name__} extends {bases[0].__name__}]"
    return f"[class {cls.__name__}]"


def _function_name(fn: object) -> str:
    import inspect as _inspect

    target = fn.__func__ if isinstance(fn, _pytypes.MethodType) else fn
    if _inspect.isasyncgenfunction(target):
        kind = "AsyncGeneratorFunction"
    elif _inspect.iscoroutinefunction(target):
        kind = "AsyncFunction"
    elif _inspect.isgeneratorfunction(target):
        kind = "GeneratorFunction"
    else:
        kind = "Function"
    name = getattr(fn, "__name__", "")
    if not isinstance(name, str) or not name or name == "<lambda>":
        return f"[{kind} (anonymous)]"
    if isinstance(fn, _pytypes.MethodType):
        name = f"bound {name}"
    return f"[{kind}: {name}]"


def _public_attributes(value: object) -> dict[str, object]:
    """A function's own attributes not starting with ``_`` (what Node lists as properties)."""
    own = getattr(value, "__dict__", None)
    if not isinstance(own, dict) or not own:
        return {}
    return {k: v for k, v in own.items() if not (isinstance(k, str) and k.startswith("_"))}


def _attributes(value: object) -> dict[str, object]:
    """An object's own attributes: its ``__dict__`` and filled ``__slots__``, in order."""
    attrs: dict[str, object] = {}
    for klass in reversed(type(value).__mro__):
        slots = klass.__dict__.get("__slots__", ())
        if isinstance(slots, str):
            slots = (slots,)
        for slot in slots:
            if slot in ("__dict__", "__weakref__"):
                continue
            try:
                attrs[slot] = getattr(value, slot)
            except AttributeError:
                continue
    own = getattr(value, "__dict__", None)
    if isinstance(own, dict):
        attrs.update(own)
    return attrs


_OPTION_NAMES = frozenset(DEFAULT_OPTIONS)
#: What one ``inspect`` call accepts: the default options, and Node's ``stylize`` function.
_CALL_OPTION_NAMES = _OPTION_NAMES | {"stylize"}

#: The recursion limit ``inspect`` runs under (Python frames). Node descends until its stack
#: overflows, near a thousand levels of nesting; at six Python frames a level, Python's
#: default limit (1000) would stop at about 150, this one at about 650 (past the 500 levels
#: Node's own test asks for, and the work grows with the square of the depth). The limit is
#: only ever raised, and only while an ``inspect`` call that nests deeper than
#: ``_RAISE_LIMIT_AT`` levels runs: calls between Python functions use no C stack.
INSPECT_RECURSION_LIMIT: Final = 4_000

_limit_lock = threading.Lock()
_limit_users = 0
_limit_saved = 0
#: How deep an ``inspect`` call nests before it raises the limit: most calls never get there,
#: so they pay nothing for it.
_RAISE_LIMIT_AT = 50


def _acquire_deep_recursion() -> None:
    """Raise the recursion limit to :data:`INSPECT_RECURSION_LIMIT` for one deep ``inspect``.

    The first deep call in (of any thread) raises it, the last one out
    (:func:`_release_deep_recursion`) restores the value it found, unless someone changed the
    limit meanwhile. Other code never sees a lower limit than its own; a nested or concurrent
    ``inspect`` that still runs out prints Node's "Inspection interrupted prematurely" where
    it stopped.
    """
    global _limit_users, _limit_saved
    with _limit_lock:
        if _limit_users == 0:
            _limit_saved = sys.getrecursionlimit()
            if _limit_saved < INSPECT_RECURSION_LIMIT:
                sys.setrecursionlimit(INSPECT_RECURSION_LIMIT)
        _limit_users += 1


def _release_deep_recursion() -> None:
    """The end of a deep ``inspect`` call: see :func:`_acquire_deep_recursion`."""
    global _limit_users
    with _limit_lock:
        _limit_users -= 1
        if _limit_users == 0 and sys.getrecursionlimit() == max(
            _limit_saved, INSPECT_RECURSION_LIMIT
        ):
            sys.setrecursionlimit(_limit_saved)


class _Inspect:
    """The type of :func:`inspect`: a function that also carries Node's ``inspect.*`` tables."""

    #: The attribute name of a custom inspection method, as Node's ``util.inspect.custom``:
    #: ``def nodejs_util_inspect_custom(self, depth, options, inspect)`` returns a string, or
    #: a value to inspect in place of ``self``.
    custom: Final = CUSTOM_INSPECT
    #: Node's ``util.inspect.colors``.
    colors: Final = COLORS
    #: Node's ``util.inspect.styles``.
    styles: Final = STYLES

    __name__ = "inspect"
    __qualname__ = "inspect"

    def __call__(
        self, value: object, options: Mapping[str, Any] | None = None, /, **kwargs: Any
    ) -> str:
        """Node's ``util.inspect(object[, options])``: a readable rendering of ``value``.

        Options are keyword arguments in snake_case (``depth=2``, ``colors=False``,
        ``compact=3``, ``break_length=80``, ``max_array_length=100``,
        ``max_string_length=10000``, ``sorted=False``, ``numeric_separator=False``,
        ``custom_inspect=True``); a mapping of them may also be passed as the second
        argument, as Node's options object. ``depth=None`` means no limit. Defaults come
        from ``inspect.default_options``. ``stylize=fn`` styles every token as
        ``fn(text, style)`` (Node's ``stylize`` option; ``colors=True`` takes over from it).

        A custom inspection method (:attr:`custom`) is called as ``(depth, options, inspect)``:
        ``depth`` is what is left of the depth, ``options`` a fresh dict of the options as
        given (Node's: ``options['depth']`` is the whole depth) plus ``stylize``, which it
        may hand back to ``inspect``.
        """
        if options is not None and not isinstance(options, Mapping):
            raise ERR_INVALID_ARG_TYPE("options", "object", options)
        merged = dict(DEFAULT_OPTIONS)
        if options:
            merged.update(options)
        merged.update(kwargs)
        unknown = set(merged) - _CALL_OPTION_NAMES
        if unknown:
            raise ERR_INVALID_ARG_VALUE("options", sorted(unknown), "has unknown option(s)")
        inspector = Inspector(merged)
        try:
            return inspector.format_value(value, 0)
        finally:
            if inspector.deep:
                _release_deep_recursion()

    @property
    def default_options(self) -> InspectOptions:
        """Node's ``util.inspect.defaultOptions`` (snake_case keys), a dict to change in place.

        Assigning a mapping merges it in, as Node's setter does (``Object.assign``); anything
        but a mapping raises ``ERR_INVALID_ARG_TYPE`` and an unknown option
        ``ERR_INVALID_ARG_VALUE``, leaving the defaults as they were.
        """
        return DEFAULT_OPTIONS

    @default_options.setter
    def default_options(self, options: Mapping[str, Any]) -> None:
        if not isinstance(options, Mapping):
            raise ERR_INVALID_ARG_TYPE("options", "object", options)
        unknown = set(options) - _OPTION_NAMES
        if unknown:
            raise ERR_INVALID_ARG_VALUE("options", sorted(unknown), "has unknown option(s)")
        DEFAULT_OPTIONS.update(options)

    def __repr__(self) -> str:
        return "<function inspect>"


#: ``util.inspect(value, **options)``; see :meth:`_Inspect.__call__`.
inspect: Final = _Inspect()
