"""``node:util`` for Python: promisify, callbackify, types, inspect, format and the rest."""

from __future__ import annotations

from . import types
from ._format import format, format_with_options
from ._inspect import inspect
from ._promisify import promisify

__all__ = ["format", "format_with_options", "inspect", "promisify", "types"]
