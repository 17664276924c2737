"""``node:util`` for Python: promisify, callbackify, types, inspect, format and the rest."""

from __future__ import annotations

from . import types
from ._promisify import promisify

__all__ = ["promisify", "types"]
