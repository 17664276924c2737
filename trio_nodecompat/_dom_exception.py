"""WHATWG's ``DOMException``: the reason a web API gives for a failure, by name.

Node has it as a global; an aborted ``AbortSignal``'s default reason is one named
``'AbortError'``, a timed-out one's is named ``'TimeoutError'``. Each name from WebIDL's
table has a legacy numeric ``code`` (``AbortError`` 20, ``TimeoutError`` 23, ...), every other
name has 0, and the class carries the table's constants (``DOMException.ABORT_ERR == 20``).
"""

from __future__ import annotations

from typing import ClassVar

__all__ = ["DOMException"]

#: WebIDL's error names that have a legacy code, and the code.
_LEGACY_CODES: dict[str, int] = {
    "IndexSizeError": 1,
    "HierarchyRequestError": 3,
    "WrongDocumentError": 4,
    "InvalidCharacterError": 5,
    "NoModificationAllowedError": 7,
    "NotFoundError": 8,
    "NotSupportedError": 9,
    "InUseAttributeError": 10,
    "InvalidStateError": 11,
    "SyntaxError": 12,
    "InvalidModificationError": 13,
    "NamespaceError": 14,
    "InvalidAccessError": 15,
    "TypeMismatchError": 17,
    "SecurityError": 18,
    "NetworkError": 19,
    "AbortError": 20,
    "URLMismatchError": 21,
    "QuotaExceededError": 22,
    "TimeoutError": 23,
    "InvalidNodeTypeError": 24,
    "DataCloneError": 25,
}

_NO_CAUSE: object = object()


class DOMException(Exception):
    """Node's global ``DOMException(message='', name='Error')``, an :class:`Exception`.

    ``message`` and ``name`` are what was given; ``code`` is the legacy numeric code of
    ``name`` (0 for names without one). ``cause`` (Node's ``{ name, cause }`` options form)
    is stored as ``.cause`` and, when it is an exception, as ``__cause__``. ``str()`` is the
    message, as for any Python exception; ``repr`` shows the name.
    """

    INDEX_SIZE_ERR: ClassVar[int] = 1
    DOMSTRING_SIZE_ERR: ClassVar[int] = 2
    HIERARCHY_REQUEST_ERR: ClassVar[int] = 3
    WRONG_DOCUMENT_ERR: ClassVar[int] = 4
    INVALID_CHARACTER_ERR: ClassVar[int] = 5
    NO_DATA_ALLOWED_ERR: ClassVar[int] = 6
    NO_MODIFICATION_ALLOWED_ERR: ClassVar[int] = 7
    NOT_FOUND_ERR: ClassVar[int] = 8
    NOT_SUPPORTED_ERR: ClassVar[int] = 9
    INUSE_ATTRIBUTE_ERR: ClassVar[int] = 10
    INVALID_STATE_ERR: ClassVar[int] = 11
    SYNTAX_ERR: ClassVar[int] = 12
    INVALID_MODIFICATION_ERR: ClassVar[int] = 13
    NAMESPACE_ERR: ClassVar[int] = 14
    INVALID_ACCESS_ERR: ClassVar[int] = 15
    VALIDATION_ERR: ClassVar[int] = 16
    TYPE_MISMATCH_ERR: ClassVar[int] = 17
    SECURITY_ERR: ClassVar[int] = 18
    NETWORK_ERR: ClassVar[int] = 19
    ABORT_ERR: ClassVar[int] = 20
    URL_MISMATCH_ERR: ClassVar[int] = 21
    QUOTA_EXCEEDED_ERR: ClassVar[int] = 22
    TIMEOUT_ERR: ClassVar[int] = 23
    INVALID_NODE_TYPE_ERR: ClassVar[int] = 24
    DATA_CLONE_ERR: ClassVar[int] = 25

    def __init__(self, message: str = "", name: str = "Error", *, cause: object = _NO_CAUSE):
        from ._internal.validators import validate_string

        validate_string(message, "message")
        validate_string(name, "name")
        super().__init__(message)
        self.message = message
        self.name = name
        if cause is not _NO_CAUSE:
            self.cause = cause
            if isinstance(cause, BaseException):
                self.__cause__ = cause

    @property
    def code(self) -> int:
        """The legacy numeric code of :attr:`name` (``AbortError`` 20), 0 if it has none."""
        return _LEGACY_CODES.get(self.name, 0)

    def __repr__(self) -> str:
        return f"DOMException({self.message!r}, {self.name!r})"
