"""Argument validators shared by every module, after Node's ``internal/validators``.

Each validator either returns the (normalised) value or raises the Node-coded error Node
raises for the same input, with Node's wording. JS numbers map to Python ``int`` and
``float``; ``bool`` is never a number here (in Python it is an ``int`` subclass, in JS it is
not), and an integral ``float`` such as ``2.0`` counts as the integer ``2``, as it does in JS.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Container, Sequence
from typing import Any, TypeVar

from ..errors import ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_OUT_OF_RANGE

__all__ = [
    "MAX_SAFE_INTEGER",
    "MIN_SAFE_INTEGER",
    "is_nan",
    "is_number",
    "validate_abort_signal",
    "validate_boolean",
    "validate_function",
    "validate_int32",
    "validate_integer",
    "validate_number",
    "validate_one_of",
    "validate_string",
    "validate_uint32",
]

MAX_SAFE_INTEGER = 2**53 - 1
MIN_SAFE_INTEGER = -(2**53 - 1)

F = TypeVar("F", bound=Callable[..., Any])


def is_number(value: object) -> bool:
    """True for what JS calls a number: an ``int`` or ``float``, never a ``bool``."""
    return isinstance(value, int | float) and not isinstance(value, bool)


def validate_function(value: object, name: str) -> Callable[..., Any]:
    """Return ``value`` if it is callable, else raise ``ERR_INVALID_ARG_TYPE``."""
    if not callable(value):
        raise ERR_INVALID_ARG_TYPE(name, "function", value)
    return value


def validate_abort_signal(value: object, name: str) -> Any:
    """Node's ``validateAbortSignal``: an :class:`~trio_nodecompat.AbortSignal`, else
    ``ERR_INVALID_ARG_TYPE`` ("must be an instance of AbortSignal").

    Returns the signal (typed ``Any`` here: the signal class imports this module).
    """
    from .._abort_signal import AbortSignal

    if not isinstance(value, AbortSignal):
        raise ERR_INVALID_ARG_TYPE(name, "AbortSignal", value)
    return value


def validate_string(value: object, name: str) -> str:
    """Return ``value`` if it is a ``str``, else raise ``ERR_INVALID_ARG_TYPE``."""
    if not isinstance(value, str):
        raise ERR_INVALID_ARG_TYPE(name, "string", value)
    return value


def validate_boolean(value: object, name: str) -> bool:
    """Return ``value`` if it is a ``bool``, else raise ``ERR_INVALID_ARG_TYPE``."""
    if not isinstance(value, bool):
        raise ERR_INVALID_ARG_TYPE(name, "boolean", value)
    return value


def _range_text(low: float | None, high: float | None) -> str:
    parts = []
    if low is not None:
        parts.append(f">= {_plain(low)}")
    if high is not None:
        parts.append(f"<= {_plain(high)}")
    return " && ".join(parts)


def _plain(bound: float) -> str:
    if isinstance(bound, float) and bound.is_integer():
        return str(int(bound))
    return str(bound)


def validate_number(
    value: object, name: str, low: float | None = None, high: float | None = None
) -> int | float:
    """Node's ``validateNumber``: a number, and within ``[low, high]`` when bounds are given.

    NaN is out of range whenever a bound is given, as in Node.
    """
    if not is_number(value):
        raise ERR_INVALID_ARG_TYPE(name, "number", value)
    assert isinstance(value, int | float)
    if (low is not None and not value >= low) or (high is not None and not value <= high):
        raise ERR_OUT_OF_RANGE(name, _range_text(low, high), value)
    return value


def validate_integer(
    value: object, name: str, low: int = MIN_SAFE_INTEGER, high: int = MAX_SAFE_INTEGER
) -> int:
    """Node's ``validateInteger``: a number that is an integer within ``[low, high]``.

    Returns it as an ``int`` (``2.0`` becomes ``2``). A non-number is ``ERR_INVALID_ARG_TYPE``;
    a fraction, NaN or infinity is ``ERR_OUT_OF_RANGE`` "an integer"; a number outside the
    bounds is ``ERR_OUT_OF_RANGE`` with the bounds.
    """
    if not is_number(value):
        raise ERR_INVALID_ARG_TYPE(name, "number", value)
    if isinstance(value, float):
        if not value.is_integer():
            raise ERR_OUT_OF_RANGE(name, "an integer", value)
        value = int(value)
    assert isinstance(value, int)
    if value < low or value > high:
        raise ERR_OUT_OF_RANGE(name, f">= {low} && <= {high}", value)
    return value


def validate_int32(value: object, name: str, low: int = -(2**31), high: int = 2**31 - 1) -> int:
    """Node's ``validateInt32``: an integer within the signed 32-bit range (or narrower)."""
    if not is_number(value):
        raise ERR_INVALID_ARG_TYPE(name, "number", value)
    assert isinstance(value, int | float)
    if isinstance(value, float) and not value.is_integer():
        raise ERR_OUT_OF_RANGE(name, "an integer", value)
    if value < low or value > high:
        raise ERR_OUT_OF_RANGE(name, f">= {low} && <= {high}", value)
    return int(value)


def validate_uint32(value: object, name: str, positive: bool = False) -> int:
    """Node's ``validateUint32``: an integer in ``[0, 2**32 - 1]`` (``[1, ...]`` if positive)."""
    return validate_int32(value, name, 1 if positive else 0, 2**32 - 1)


def validate_one_of(value: object, name: str, choices: Sequence[object]) -> object:
    """Node's ``validateOneOf``: ``value`` must be one of ``choices``, else ``ERR_INVALID_ARG_VALUE``."""
    if not _contains(choices, value):
        allowed = ", ".join(repr(c) for c in choices)
        raise ERR_INVALID_ARG_VALUE(name, value, f"must be one of: {allowed}")
    return value


def _contains(choices: Container[object], value: object) -> bool:
    try:
        return value in choices
    except TypeError:
        return False


def is_nan(value: object) -> bool:
    """True for a float NaN."""
    return isinstance(value, float) and math.isnan(value)
