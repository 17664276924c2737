"""``create_cipheriv``/``create_decipheriv``: Node's Cipher and Decipher on ``cryptography``.

Node streams bytes through OpenSSL's ``EVP_Cipher*``; this module gives the same bytes at the
same calls. AES runs on ``cryptography``'s ``Cipher(...).encryptor()`` (``update_into`` into a
buffer the result Buffer then owns, so a large update is not copied again). Two things are
Node's and not ``cryptography``'s, and are reproduced here:

* Padding. OpenSSL's decryptor holds back the last whole block only when the input so far
  ends on a block boundary (it may be the padding); the PKCS#7 pad/unpad themselves are
  ``cryptography``'s padders.
* ChaCha20-Poly1305. ``cryptography`` offers it only one-shot (``ChaCha20Poly1305``), which
  cannot give ciphertext per ``update`` the way Node does. So the stream is ``cryptography``'s
  ChaCha20 (from block 1) and the tag ``cryptography``'s Poly1305, keyed and fed as RFC 8439
  section 2.8 lays out (key from block 0; AAD, ciphertext, each zero-padded to 16 bytes; the
  two lengths). OpenSSL, and so Node, also takes ``setAAD`` after data has gone through; its
  MAC input then follows OpenSSL's state machine (the AAD goes in where it is given, its
  padding before the next data or at the end), reproduced here. No primitive is written
  here; the composition is checked byte for byte against Node's output in the tests.

Errors, and the state each leaves, are Node's (``tests/fixtures/crypto_keys/ciphers.json``
records them): after ``final()``, success or failure, the object is finalized (``update``
raises ``Trying to add data in unsupported state``, ``final`` raises ``Invalid state``).

Node's Cipher and Decipher are Transform streams; so are these: ``_transform`` pushes what
``update`` returns, ``_flush`` what ``final`` returns, so a Readable can be piped through one.
(Node builds the stream half lazily, on first stream use; here it is built with the object,
after the arguments are checked: about ten microseconds, measured in the 64-byte benchmark row.)
"""

from __future__ import annotations

import hmac
from collections.abc import Callable
from typing import Any, Protocol

from cryptography.hazmat.primitives import padding as _padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.poly1305 import Poly1305

from .._buffer import Buffer
from .._internal import encodings as _enc
from .._string_decoder import StringDecoder
from ..errors import (
    ERR_CRYPTO_INVALID_AUTH_TAG,
    ERR_CRYPTO_INVALID_IV,
    ERR_CRYPTO_INVALID_KEYLEN,
    ERR_CRYPTO_INVALID_STATE,
    ERR_CRYPTO_UNKNOWN_CIPHER,
    ERR_INTERNAL_ASSERTION,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_OSSL_BAD_DECRYPT,
    ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH,
    ERR_TRIO_NODECOMPAT_CRYPTO_UNSUPPORTED,
    ERR_UNKNOWN_ENCODING,
    CryptoOperationError,
)
from ..stream import Transform
from ._cipher_table import CipherSpec, cipher_spec
from ._convert import array_buffer_or_view, data_bytes, owned_bytes, prepare_secret_key

__all__ = ["Cipheriv", "Decipheriv", "create_cipheriv", "create_decipheriv"]

_BLOCK = 16
_GCM_TAG_LENGTHS = frozenset({4, 8, 12, 13, 14, 15, 16})


class _Engine(Protocol):
    def aad(self, data: bytes | bytearray | memoryview) -> None: ...
    def update(self, data: bytes | bytearray | memoryview) -> Buffer: ...
    def finalize(self) -> bytes: ...


def _into(ctx: Any, data: bytes | bytearray | memoryview) -> Buffer:
    """``ctx.update`` straight into the store of the Buffer returned (no second copy)."""
    size = len(data)
    if size == 0:
        return Buffer._own(b"")
    store = bytearray(size + _BLOCK - 1)
    written = ctx.update_into(data, store)
    return Buffer._wrap(memoryview(store)[:written], store, 0)


class _AesEngine:
    """AES in CBC, ECB, CTR or GCM on one ``cryptography`` context."""

    __slots__ = ("_ctx", "_encrypt", "_block", "_pad", "_padder", "_held", "_fed", "_gcm")

    def __init__(
        self, spec: CipherSpec, key: bytes | bytearray | memoryview, iv: bytes, encrypt: bool
    ):
        mode: modes.Mode
        if spec.mode == "cbc":
            mode = modes.CBC(iv)
        elif spec.mode == "ctr":
            mode = modes.CTR(iv)
        elif spec.mode == "ecb":
            mode = modes.ECB()
        else:
            mode = modes.GCM(iv, min_tag_length=4) if not encrypt else modes.GCM(iv)
        cipher = Cipher(algorithms.AES(bytes(key)), mode)
        self._ctx: Any = cipher.encryptor() if encrypt else cipher.decryptor()
        self._encrypt = encrypt
        self._block = spec.block
        self._gcm = spec.mode == "gcm"
        self._pad = spec.block
        self._padder: Any = None
        self._held = b""
        self._fed = 0

    def set_padding(self, on: bool) -> None:
        self._pad = self._block and on

    def aad(self, data: bytes | bytearray | memoryview) -> None:
        self._ctx.authenticate_additional_data(data)

    def update(self, data: bytes | bytearray | memoryview) -> Buffer:
        if not self._pad:
            return _into(self._ctx, data)
        if self._encrypt:
            if self._padder is None:
                self._padder = _padding.PKCS7(128).padder()
            return _into(self._ctx, self._padder.update(data))
        # OpenSSL's rule: keep the last whole block back only when the input so far ends on a
        # block boundary (it may be all padding).
        self._fed += len(data)
        out = self._held + self._ctx.update(data)
        if self._fed % _BLOCK == 0 and out:
            self._held = out[-_BLOCK:]
            out = out[:-_BLOCK]
        else:
            self._held = b""
        return Buffer._own(out)

    def finalize(self) -> bytes:
        if self._pad and self._encrypt:
            padder = self._padder or _padding.PKCS7(128).padder()
            tail = self._ctx.update(padder.finalize())
            return bytes(tail) + self._finish()
        rest = self._finish()
        if self._pad:
            if not self._held:
                raise ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH()
            unpadder = _padding.PKCS7(128).unpadder()
            try:
                return unpadder.update(self._held) + unpadder.finalize()
            except ValueError:
                raise ERR_OSSL_BAD_DECRYPT() from None
        return rest

    def _finish(self) -> bytes:
        try:
            return bytes(self._ctx.finalize())
        except ValueError:
            raise ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH() from None

    def tag(self) -> bytes:
        return bytes(self._ctx.tag)

    def finalize_with_tag(self, tag: bytes) -> bytes:
        return bytes(self._ctx.finalize_with_tag(tag))


class _ChaChaPolyEngine:
    """ChaCha20-Poly1305 as a stream: ``cryptography``'s ChaCha20 and Poly1305, RFC 8439."""

    __slots__ = ("_stream", "_mac", "_encrypt", "_aad_length", "_length", "_aad_open")

    def __init__(self, key: bytes | bytearray | memoryview, iv: bytes, encrypt: bool):
        key = bytes(key)
        block0 = Cipher(algorithms.ChaCha20(key, b"\0\0\0\0" + iv), None).encryptor()
        self._mac = Poly1305(block0.update(bytes(32)))
        self._stream: Any = Cipher(
            algorithms.ChaCha20(key, (1).to_bytes(4, "little") + iv), None
        ).encryptor()
        self._encrypt = encrypt
        self._aad_length = 0
        self._length = 0
        self._aad_open = False  # AAD given since the last data: its padding is still due

    def aad(self, data: bytes | bytearray | memoryview) -> None:
        # OpenSSL's chacha20_poly1305 cipher: AAD is MACed where it comes, at any time.
        self._mac.update(data)
        self._aad_length += len(data)
        self._aad_open = True

    def _close_aad(self) -> None:
        # OpenSSL pads by the total AAD length so far, before the next data or the lengths.
        if self._aad_open:
            self._aad_open = False
            self._mac.update(bytes(-self._aad_length % 16))

    def update(self, data: bytes | bytearray | memoryview) -> Buffer:
        if not data:
            return Buffer._own(b"")  # OpenSSL does nothing for an empty update
        self._close_aad()
        out = _into(self._stream, data)
        self._mac.update(out._mem if self._encrypt else data)
        self._length += len(data)
        return out

    def finalize(self) -> bytes:
        return b""

    def tag(self) -> bytes:
        """The tag; called once per object (``final`` runs once), as Poly1305 allows."""
        self._close_aad()
        self._mac.update(bytes(-self._length % 16))
        self._mac.update(
            self._aad_length.to_bytes(8, "little") + self._length.to_bytes(8, "little")
        )
        return self._mac.finalize()


class _CipherBase(Transform):
    """The state machine Node's ``CipherBase`` keeps, shared by Cipheriv and Decipheriv.

    It is also the Transform (see the module docs).
    """

    def __init__(
        self,
        cipher: str,
        key: object,
        iv: object,
        auth_tag_length: int | None,
        encrypt: bool,
        stream_options: dict[str, Any] | None = None,
    ) -> None:
        if not isinstance(cipher, str):
            raise ERR_INVALID_ARG_TYPE("cipher", "string", cipher)
        key_bytes = prepare_secret_key(key)
        if iv is None:
            iv_bytes = None
        else:
            iv_bytes = owned_bytes(iv, "iv")
        spec = cipher_spec(cipher)
        if spec is None:
            raise ERR_CRYPTO_UNKNOWN_CIPHER()
        if len(key_bytes) != spec.key_length:
            raise ERR_CRYPTO_INVALID_KEYLEN()
        if spec.iv_length == 0:
            if iv_bytes:
                raise ERR_CRYPTO_INVALID_IV()
            iv_bytes = b""
        elif iv_bytes is None:
            raise ERR_CRYPTO_INVALID_IV()
        elif spec.mode == "gcm":
            if not iv_bytes:
                raise ERR_CRYPTO_INVALID_IV()
            if len(iv_bytes) < 8:
                raise ERR_TRIO_NODECOMPAT_CRYPTO_UNSUPPORTED(
                    "cryptography needs a GCM IV of at least 8 bytes (Node allows 1); "
                    "use the standard 12"
                )
        elif len(iv_bytes) != spec.iv_length:
            raise ERR_CRYPTO_INVALID_IV()
        if auth_tag_length is not None and spec.aead:
            valid = (
                auth_tag_length in _GCM_TAG_LENGTHS
                if spec.mode == "gcm"
                else 1 <= auth_tag_length <= 16
            )
            if not valid:
                raise ERR_CRYPTO_INVALID_AUTH_TAG(
                    f"Invalid authentication tag length: {auth_tag_length}"
                )
        self._spec = spec
        self._encrypt = encrypt
        self._engine: _AesEngine | _ChaChaPolyEngine = (
            _ChaChaPolyEngine(key_bytes, iv_bytes, encrypt)
            if spec.mode == "chacha20-poly1305"
            else _AesEngine(spec, key_bytes, iv_bytes, encrypt)
        )
        self._finalized = False
        self._started = False
        self._decoder: StringDecoder | None = None
        self._tag_length = auth_tag_length
        self._tag: bytes | None = None  # the tag made by encryption
        self._auth_tag: bytes | None = None  # the tag given for decryption
        super().__init__(**(stream_options or {}))

    def _transform(self, chunk: Any, encoding: str | None, callback: Callable[..., Any]) -> None:
        try:
            self.push(self.update(chunk, encoding))
        except Exception as exc:
            callback(exc)
            return
        callback()

    def _flush(self, callback: Callable[..., Any]) -> None:
        try:
            self.push(self.final())
        except Exception as exc:
            callback(exc)
            return
        callback()

    def _decode(self, data: Buffer | bytes, output_encoding: object, end: bool) -> Buffer | str:
        if output_encoding is None or output_encoding == "buffer":
            return data if isinstance(data, Buffer) else Buffer._own(data)
        normalized = _enc.normalize_encoding(output_encoding)
        if self._decoder is None:
            if normalized is None:
                raise ERR_UNKNOWN_ENCODING(output_encoding)
            self._decoder = StringDecoder(normalized)
        elif self._decoder.encoding != normalized:
            if normalized is None:
                raise ERR_UNKNOWN_ENCODING(output_encoding)
            raise ERR_INTERNAL_ASSERTION("Cannot change encoding")
        raw = data._mem if isinstance(data, Buffer) else data
        return self._decoder.end(raw) if end else self._decoder.write(raw)

    def update(
        self,
        data: object,
        input_encoding: str | None = None,
        output_encoding: str | None = None,
    ) -> Buffer | str:
        """Feed ``data``; return the output it completes (a Buffer, or a string).

        A string is read in ``input_encoding`` (default UTF-8; as in Node, an unknown input
        encoding is read as UTF-8). With ``output_encoding`` the result is a string decoded
        through one StringDecoder per object, so a character split between calls is kept for
        the next, as Node does (and the encoding cannot change between calls).
        """
        view = data_bytes(data, input_encoding)
        if self._finalized:
            raise CryptoOperationError("Trying to add data in unsupported state")
        if len(view):
            self._started = True  # an empty update does not start OpenSSL's data phase
        out = self._engine.update(view)
        return self._decode(out, output_encoding, False)

    def final(self, output_encoding: str | None = None) -> Buffer | str:
        """Finish: the last output (padding, held-back block), and for AEAD the tag check.

        After ``final`` the object is finalized whether it succeeded or raised, as in Node.
        """
        if self._finalized:
            raise ERR_CRYPTO_INVALID_STATE(text="Invalid state")
        self._finalized = True
        out = self._finish()
        return self._decode(out, output_encoding, True)

    def _finish(self) -> bytes:
        engine = self._engine
        if not self._spec.aead:
            return engine.finalize()
        if self._encrypt:
            rest = engine.finalize()
            tag = engine.tag()
            self._tag = tag[: self._tag_length] if self._tag_length else tag
            return rest
        expected = self._auth_tag
        if expected is None:
            raise CryptoOperationError("Unsupported state or unable to authenticate data")
        if isinstance(engine, _AesEngine):
            try:
                return engine.finalize_with_tag(expected)
            except Exception:
                raise CryptoOperationError(
                    "Unsupported state or unable to authenticate data"
                ) from None
        made = engine.tag()
        if not hmac.compare_digest(made[: len(expected)], expected):
            raise CryptoOperationError("Unsupported state or unable to authenticate data")
        return b""

    def set_auto_padding(self, auto_padding: bool = True) -> _CipherBase:
        """Turn PKCS#7 padding off (or on) for CBC/ECB; no effect on stream modes."""
        if self._finalized:
            raise ERR_CRYPTO_INVALID_STATE("setAutoPadding")
        if isinstance(self._engine, _AesEngine):
            self._engine.set_padding(bool(auto_padding))
        return self

    def set_aad(
        self,
        buffer: object,
        *,
        plaintext_length: int | None = None,
        encoding: str | None = None,
    ) -> _CipherBase:
        """Additional authenticated data (GCM: before any data; ChaCha20-Poly1305: any time).

        A string is read in ``encoding`` (default UTF-8). ``plaintext_length`` (an unsigned
        32-bit integer) is checked as Node checks it; it matters only for Node's CCM/OCB,
        which GCM and ChaCha20-Poly1305 are not. OpenSSL's ChaCha20-Poly1305 takes AAD after
        data too (Node passes that on), GCM refuses it (``ERR_CRYPTO_INVALID_STATE``).
        """
        if encoding is not None and not isinstance(encoding, str):
            raise ERR_INVALID_ARG_TYPE("options.encoding", "string", encoding)
        if plaintext_length is not None and (
            type(plaintext_length) is not int or not 0 <= plaintext_length <= 0xFFFFFFFF
        ):
            raise ERR_INVALID_ARG_VALUE("options.plaintextLength", plaintext_length)
        view = array_buffer_or_view(buffer, "aadbuf", encoding)  # Node's getArrayBufferOrView
        if (
            not self._spec.aead
            or self._finalized
            or (self._started and isinstance(self._engine, _AesEngine))
        ):
            raise ERR_CRYPTO_INVALID_STATE("setAAD")
        self._engine.aad(view)
        return self


class Cipheriv(_CipherBase):
    """Node's ``Cipheriv``: encrypt with ``update``/``final``; ``get_auth_tag`` after ``final``.

    Also a Transform (``pipe`` plaintext in, ciphertext out); ``options`` are its options.
    """

    def __init__(
        self,
        cipher: str,
        key: object,
        iv: object,
        *,
        auth_tag_length: int | None = None,
        **options: Any,
    ) -> None:
        super().__init__(cipher, key, iv, auth_tag_length, True, options)

    def get_auth_tag(self) -> Buffer:
        """The authentication tag (GCM, ChaCha20-Poly1305), available once ``final`` ran."""
        if self._tag is None:
            raise ERR_CRYPTO_INVALID_STATE("getAuthTag")
        return Buffer._own(self._tag)


class Decipheriv(_CipherBase):
    """Node's ``Decipheriv``: decrypt with ``update``/``final``; ``set_auth_tag`` before ``final``.

    Also a Transform (``pipe`` ciphertext in, plaintext out); ``options`` are its options.
    """

    def __init__(
        self,
        cipher: str,
        key: object,
        iv: object,
        *,
        auth_tag_length: int | None = None,
        **options: Any,
    ) -> None:
        super().__init__(cipher, key, iv, auth_tag_length, False, options)

    def set_auth_tag(self, buffer: object, encoding: str | None = None) -> Decipheriv:
        """The tag to check at ``final`` (GCM: 4, 8 or 12-16 bytes; ChaCha20-Poly1305: 16).

        With ``auth_tag_length`` the tag must have exactly that length.
        """
        tag = owned_bytes(buffer, "buffer", encoding)  # Node's getArrayBufferOrView
        if not self._spec.aead or self._finalized or self._auth_tag is not None:
            raise ERR_CRYPTO_INVALID_STATE("setAuthTag")
        if self._tag_length is not None:
            valid = len(tag) == self._tag_length
        elif self._spec.mode == "gcm":
            valid = len(tag) in _GCM_TAG_LENGTHS
        else:  # ChaCha20-Poly1305: Node's default authTagLength is 16
            valid = len(tag) == 16
        if not valid:
            raise ERR_CRYPTO_INVALID_AUTH_TAG(f"Invalid authentication tag length: {len(tag)}")
        self._auth_tag = tag
        return self


def create_cipheriv(
    algorithm: str, key: object, iv: object, *, auth_tag_length: int | None = None, **options: Any
) -> Cipheriv:
    """Node's ``crypto.createCipheriv(algorithm, key, iv, { authTagLength })``.

    ``algorithm`` is one of :func:`get_ciphers` (any case); ``key`` is bytes, a string (UTF-8)
    or a secret KeyObject; ``iv`` is bytes (``None`` for ECB).
    """
    return Cipheriv(algorithm, key, iv, auth_tag_length=auth_tag_length, **options)


def create_decipheriv(
    algorithm: str, key: object, iv: object, *, auth_tag_length: int | None = None, **options: Any
) -> Decipheriv:
    """Node's ``crypto.createDecipheriv(algorithm, key, iv, { authTagLength })``."""
    return Decipheriv(algorithm, key, iv, auth_tag_length=auth_tag_length, **options)
