"""The ciphers this port offers, under Node's (OpenSSL's) names, and what each needs.

Node takes any cipher OpenSSL has; here the list is what ``cryptography`` can stream with
Node's semantics: AES-128/192/256 in CBC, CTR, ECB and GCM, and ChaCha20-Poly1305. Names are
matched without regard to case, as OpenSSL does (``AES-256-CBC``), including OpenSSL's
aliases ``aes128``/``aes192``/``aes256`` (CBC) and ``id-aes128-GCM``... A name Node knows but
this port cannot stream (``aes-256-ccm``, ``aes-256-ocb``, ``des-ede3-cbc``...) is
``ERR_CRYPTO_UNKNOWN_CIPHER`` here, and absent from :func:`get_ciphers`.
"""

from __future__ import annotations

from typing import Final, Literal, NamedTuple

__all__ = ["CipherSpec", "cipher_spec", "get_ciphers"]

Mode = Literal["cbc", "ctr", "ecb", "gcm", "chacha20-poly1305"]


class CipherSpec(NamedTuple):
    """What a cipher name means: its mode, key length and IV length (0: no IV)."""

    name: str
    mode: Mode
    key_length: int
    iv_length: int

    @property
    def aead(self) -> bool:
        """Whether the mode authenticates (has ``set_aad``/auth tags)."""
        return self.mode in ("gcm", "chacha20-poly1305")

    @property
    def block(self) -> bool:
        """Whether the mode pads to 16-byte blocks (CBC, ECB)."""
        return self.mode in ("cbc", "ecb")


def _table() -> dict[str, CipherSpec]:
    table: dict[str, CipherSpec] = {}
    for bits in (128, 192, 256):
        size = bits // 8
        for mode, iv in (("cbc", 16), ("ctr", 16), ("ecb", 0), ("gcm", 12)):
            name = f"aes-{bits}-{mode}"
            table[name] = CipherSpec(name, mode, size, iv)  # type: ignore[arg-type]
        table[f"aes{bits}"] = CipherSpec(f"aes{bits}", "cbc", size, 16)
        table[f"id-aes{bits}-GCM"] = CipherSpec(f"id-aes{bits}-GCM", "gcm", size, 12)
    table["chacha20-poly1305"] = CipherSpec("chacha20-poly1305", "chacha20-poly1305", 32, 12)
    return table


_TABLE: Final = _table()
_BY_LOWER: Final = {name.lower(): spec for name, spec in _TABLE.items()}


def cipher_spec(name: str) -> CipherSpec | None:
    """The spec for a Node cipher name (any case), or ``None`` if this port has no such cipher."""
    return _BY_LOWER.get(name.lower())


def get_ciphers() -> list[str]:
    """Node's ``crypto.getCiphers()``, limited to the ciphers usable here, in Node's order."""
    return sorted(_TABLE)
