"""High-water marks: the defaults, and reading one from a constructor's keyword arguments.

The defaults are Node 22's and workerd's (SPEC 15): 64 KiB for byte streams, 16 objects for
object-mode streams. Node 20 used 16 KiB for bytes; everything else about the marks is the
same in both.
"""

from __future__ import annotations

from .._internal.validators import is_number, validate_integer
from ..errors import ERR_INVALID_ARG_VALUE

__all__ = [
    "get_default_high_water_mark",
    "high_water_mark_from",
    "set_default_high_water_mark",
]

_default_bytes = 64 * 1024
_default_objects = 16


def get_default_high_water_mark(object_mode: bool) -> int:
    """The high-water mark a new stream gets when none is given (bytes, or objects)."""
    return _default_objects if object_mode else _default_bytes


def set_default_high_water_mark(object_mode: bool, value: int) -> None:
    """Change the default high-water mark of new byte (or object-mode) streams.

    ``value`` must be an integer ``>= 0`` (``ERR_INVALID_ARG_TYPE``/``ERR_OUT_OF_RANGE``
    otherwise); streams already built keep theirs.
    """
    global _default_bytes, _default_objects
    checked = validate_integer(value, "value", 0)
    if object_mode:
        _default_objects = checked
    else:
        _default_bytes = checked


def high_water_mark_from(value: object, name: str, object_mode: bool) -> int:
    """The mark a constructor was given as ``name`` (``None``: the default for the mode).

    Node's ``getHighWaterMark``: a non-negative integer (``2.0`` counts, as in JS), else
    ``ERR_INVALID_ARG_VALUE``.
    """
    if value is None:
        return _default_objects if object_mode else _default_bytes
    if type(value) is int and value >= 0:
        return value
    if is_number(value):
        assert isinstance(value, int | float)
        if value >= 0 and (isinstance(value, int) or value.is_integer()):
            return int(value)
    raise ERR_INVALID_ARG_VALUE(name, value)
