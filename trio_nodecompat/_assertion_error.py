"""``assert.AssertionError``: Node's assertion failure, as a Python :class:`AssertionError`."""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from typing import Any, ClassVar, Final

from ._internal.diff import create_err_diff, inspect_value, is_primitive, readable_operator

__all__ = ["AssertionError"]


_CUT: Final = 512


class AssertionError(builtins.AssertionError):  # noqa: A001 (Node's name, on purpose)
    """An assertion failed: Node's ``assert.AssertionError``.

    It subclasses Python's :class:`AssertionError`, so pytest and ``except AssertionError``
    treat it as any failed ``assert``. Built, as Node's, from an options object, here keyword
    arguments: ``AssertionError(message=None, actual=..., expected=..., operator=None)``.
    Without a ``message`` the message is generated the Node way from ``actual``,
    ``expected`` and ``operator`` (a ``+ actual - expected`` diff for ``'strictEqual'`` and
    ``'deepStrictEqual'``); a given ``message`` replaces it.

    Attributes: ``actual``, ``expected``, ``operator`` (Node's operator string),
    ``generated_message`` (whether the message was generated), ``code`` (always
    ``'ERR_ASSERTION'``), ``name`` (``'AssertionError'``) and ``message``.
    """

    code: ClassVar[str] = "ERR_ASSERTION"
    name: ClassVar[str] = "AssertionError"

    actual: Any
    expected: Any
    operator: str | None
    generated_message: bool

    def __init__(
        self,
        *args: object,
        message: object = None,
        actual: object = None,
        expected: object = None,
        operator: str | None = None,
    ) -> None:
        if len(args) == 1 and isinstance(args[0], Mapping):
            # Node's options object, for code ported as is: AssertionError({"message": ...}).
            options = args[0]
            message = options.get("message", message)
            actual = options.get("actual", actual)
            expected = options.get("expected", expected)
            operator = options.get("operator", operator)
        elif args:
            # Python's AssertionError(message): pytest's rewritten asserts build it this way.
            message = args[0] if len(args) == 1 else str(args)
        if message is not None:
            text = str(message)
        else:
            text = _generate(actual, expected, operator)
        super().__init__(text)
        self.actual = actual
        self.expected = expected
        self.operator = operator
        self.generated_message = message is None

    @property
    def message(self) -> str:
        """The message, as Node's ``err.message``."""
        return str(self.args[0]) if self.args else ""

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"AssertionError [ERR_ASSERTION]: {self.message}"

    def __reduce__(self) -> tuple[Any, ...]:
        # Keyword-only construction: rebuild from the state instead of the args.
        return (_rebuild, (type(self), self.message, dict(self.__dict__)))


def _rebuild(cls: type[AssertionError], message: str, state: dict[str, Any]) -> AssertionError:
    err = cls(message=message)
    err.__dict__.update(state)
    return err


def _cut(text: str, limit: int) -> str:
    return text[: limit - 3] + "..." if len(text) > limit else text


def _generate(actual: object, expected: object, operator: str | None) -> str:
    """Node's ``AssertionError`` constructor, message part, without a custom message."""
    op = operator or ""
    if op in ("deepStrictEqual", "strictEqual", "partialDeepStrictEqual"):
        return create_err_diff(actual, expected, op)
    if op in ("notDeepStrictEqual", "notStrictEqual"):
        base = readable_operator(op) or ""
        lines = inspect_value(actual).split("\n")
        if op == "notStrictEqual" and not is_primitive(actual):
            base = readable_operator("notStrictEqualObject") or base
        if len(lines) > 50:
            lines[46] = "..."
            del lines[47:]
        if len(lines) == 1:
            return f"{base}{chr(10) * 2 if len(lines[0]) > 5 else ' '}{lines[0]}"
        return f"{base}\n\n" + "\n".join(lines) + "\n"
    res = _cut(inspect_value(actual), _CUT)
    other = _cut(inspect_value(expected), _CUT)
    return f"{res} {operator} {other}"
