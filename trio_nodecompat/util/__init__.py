"""``node:util`` for Python: promisify, callbackify, types, inspect, format and the rest.

Each name is Node's in snake_case; ``docs/modules/util.rst`` maps every one and records where
Python and JavaScript differ.
"""

from __future__ import annotations

from .._internal.deep_equal import is_deep_strict_equal
from . import types
from ._callbackify import callbackify
from ._debug import DebugLogger, debuglog, deprecate
from ._format import format, format_with_options
from ._inspect import inspect
from ._promisify import promisify
from ._text_codec import EncodeIntoResult, TextDecoder, TextEncoder

#: Node's ``util.debug``: another name for :func:`debuglog`.
debug = debuglog

__all__ = [
    "DebugLogger",
    "EncodeIntoResult",
    "TextDecoder",
    "TextEncoder",
    "callbackify",
    "debug",
    "debuglog",
    "deprecate",
    "format",
    "format_with_options",
    "inspect",
    "is_deep_strict_equal",
    "promisify",
    "types",
]
