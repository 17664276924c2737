"""Shared by the crypto key/cipher tests: reading the Node fixtures and comparing errors.

The fixtures are written by ``tests/oracles/oracle_crypto_keys.mjs`` (run it with ``node``
from the repository root); an error there is recorded as ``{name, code, message}``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from trio_nodecompat.errors import NodeError

FIXTURES = Path(__file__).parent / "fixtures" / "crypto_keys"


def load(name: str) -> Any:
    """One fixture file, parsed."""
    with open(FIXTURES / name, encoding="utf-8") as f:
        return json.load(f)


def error_record(exc: BaseException) -> dict[str, object]:
    """An exception in the fixture's shape (Node's missing ``code`` is ``None``)."""
    assert isinstance(exc, NodeError), f"not a Node error: {exc!r}"
    return {"name": exc.name, "code": exc.code or None, "message": exc.message}


def comparable(record: dict[str, Any]) -> dict[str, Any]:
    """Drop the part of a message that differs by language on purpose.

    ``ERR_INVALID_ARG_TYPE`` ends with how the received value is described, which is the
    Python type here (``Received None`` for JS ``undefined``, ``type int (5)`` for ``type
    number (5)``); everything before it must match. Elsewhere JS ``undefined`` reads ``None``.
    """
    record = dict(record)
    if isinstance(record.get("message"), str) and record["message"].endswith("Received undefined"):
        record["message"] = record["message"][: -len("undefined")] + "None"
    if record.get("code") == "ERR_INVALID_ARG_TYPE":
        record["message"] = record["message"].split(". Received")[0]
    return record


def outcome(fn: Any) -> dict[str, Any]:
    """``{'ok': value}`` or ``{'error': record}``, as the generator's ``attempt``."""
    try:
        return {"ok": fn()}
    except NodeError as exc:
        return {"error": comparable(error_record(exc))}


def expect(recorded: dict[str, Any]) -> dict[str, Any]:
    """A fixture outcome made comparable with :func:`outcome`."""
    if "error" in recorded:
        return {"error": comparable(recorded["error"])}
    return recorded
