"""The optional ``cryptography`` dependency, and what stands in for its names without it.

Keys, signatures and ciphers are built on ``cryptography`` (the ``trio_nodecompat[crypto]``
extra); hashes, HMAC, randomness and KDFs need only the standard library. So
``trio_nodecompat.crypto`` must import without ``cryptography``: each name that needs it is
then replaced by a stand-in that raises :class:`~trio_nodecompat.errors.MissingCryptoExtraError`
(an :class:`ImportError` whose message says ``pip install 'trio_nodecompat[crypto]'``) when it
is *used*, not when it is imported. ``isinstance(x, KeyObject)`` stays valid (always false).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NoReturn

from ..errors import MissingCryptoExtraError

__all__ = ["HAVE_CRYPTOGRAPHY", "missing_class", "missing_function"]


def _probe() -> bool:
    try:
        import cryptography.hazmat.primitives.ciphers  # noqa: F401
    except ImportError:
        return False
    return True


#: Whether ``cryptography`` can be imported here.
HAVE_CRYPTOGRAPHY: bool = _probe()


def missing_function(name: str) -> Callable[..., NoReturn]:
    """A function named ``name`` that raises the missing-extra error when called."""

    def stand_in(*args: Any, **kwargs: Any) -> NoReturn:
        raise MissingCryptoExtraError(name)

    stand_in.__name__ = stand_in.__qualname__ = name
    stand_in.__module__ = "trio_nodecompat.crypto"
    stand_in.__doc__ = f"``crypto.{name}``: needs ``pip install 'trio_nodecompat[crypto]'``."
    return stand_in


def missing_class(name: str) -> type:
    """A class named ``name`` whose construction (and every class-level call) raises."""

    def refuse(cls: type, *args: Any, **kwargs: Any) -> NoReturn:
        raise MissingCryptoExtraError(name)

    def refuse_attribute(cls: type, attribute: str) -> NoReturn:
        raise MissingCryptoExtraError(f"{name}.{attribute}")

    meta = type(f"_{name}Missing", (type,), {"__getattr__": refuse_attribute})
    made: type = meta(
        name,
        (),
        {
            "__new__": refuse,
            "__module__": "trio_nodecompat.crypto",
            "__doc__": f"``crypto.{name}``: needs ``pip install 'trio_nodecompat[crypto]'``.",
        },
    )
    return made
