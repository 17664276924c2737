"""``sign``/``verify`` and ``create_sign``/``create_verify``: Node's signatures on ``cryptography``.

A digest name, data and a key make a signature: RSA with PKCS#1 v1.5 (Node's default) or PSS
(``padding=constants.RSA_PKCS1_PSS_PADDING``, ``salt_length`` in bytes or Node's
``RSA_PSS_SALTLEN_DIGEST``/``_MAX_SIGN``/``_AUTO``), ECDSA and DSA (``dsa_encoding='der'`` or
``'ieee-p1363'``, the fixed-width ``r || s``), Ed25519/Ed448 (digest ``None``, the data signed
as it is). ``rsa-pss`` keys sign with PSS and default to the salt length and MGF1 digest their
parameters name. PKCS#1 v1.5 and EdDSA signatures are deterministic and byte-exact with Node;
ECDSA, DSA and PSS are randomized and verify both ways (see the tests).

``Sign`` and ``Verify`` keep a running ``cryptography`` hash and sign the digest
(``Prehashed``), as OpenSSL's ``EVP_DigestSign*`` does. As in Node they are Writable streams:
``pipe`` a Readable into one, or ``write``/``end`` it, then call ``sign``/``verify``
(``_write`` is ``update``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import dsa, ec, ed448, ed25519, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import (
    Prehashed,
    decode_dss_signature,
    encode_dss_signature,
)

from .._buffer import Buffer
from .._internal.validators import validate_function
from ..errors import (
    ERR_CRYPTO_INVALID_DIGEST,
    ERR_CRYPTO_INVALID_STATE,
    ERR_CRYPTO_OPERATION_FAILED,
    ERR_CRYPTO_SIGN_KEY_REQUIRED,
    ERR_CRYPTO_UNSUPPORTED_OPERATION,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_OSSL_DIGEST_NOT_ALLOWED,
    ERR_OSSL_EVP_OPERATION_NOT_SUPPORTED_FOR_THIS_KEYTYPE,
    ERR_OSSL_ILLEGAL_OR_UNSUPPORTED_PADDING_MODE,
    ERR_OSSL_INVALID_DIGEST,
    ERR_OSSL_INVALID_PADDING_MODE,
    ERR_OSSL_INVALID_SALT_LENGTH,
    ERR_OSSL_INVALID_X931_DIGEST,
    ERR_OSSL_PSS_SALTLEN_TOO_SMALL,
    ERR_OSSL_RSA_DATA_TOO_LARGE_FOR_KEY_SIZE,
    OpenSSLError,
)
from ..stream import Writable
from ._constants import constants
from ._convert import DATA_TYPES, VIEW_TYPES, as_view, data_bytes, encode_output, owned_bytes
from ._keys import KeyObject, option, prepare_private_key, prepare_public_key
from ._offload import Job, promisified_by, run, start
from ._signing_digests import digest_by_name

__all__ = ["Sign", "Verify", "create_sign", "create_verify", "sign", "verify"]

_PKCS1 = constants.RSA_PKCS1_PADDING
_PSS = constants.RSA_PKCS1_PSS_PADDING
_NO_PADDING = constants.RSA_NO_PADDING
_X931 = 5  # RSA_X931_PADDING, which Node's constants do not list
_SALTLEN_MAX = -3  # OpenSSL 3's RSA_PSS_SALTLEN_MAX, not in Node's constants but passed on


def _int32_option(options: Mapping[str, Any], value: object, name: str) -> int | None:
    """Node's ``getIntOption``: absent, or a 32-bit integer (``value === value >> 0``)."""
    if value is None:
        value = option(options, name)
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if type(value) is not int or not -(2**31) <= value < 2**31:
        camel = "saltLength" if name == "salt_length" else name
        raise ERR_INVALID_ARG_VALUE(f"options.{camel}", value)
    return value


class _Options:
    """The signing options of a call, from keywords and Node's key dict."""

    __slots__ = ("padding", "salt_length", "dsa_encoding")

    def __init__(
        self,
        options: Mapping[str, Any],
        padding: int | None,
        salt_length: int | None,
        dsa_encoding: str | None,
    ) -> None:
        self.padding = _int32_option(options, padding, "padding")
        self.salt_length = _int32_option(options, salt_length, "salt_length")
        encoding = dsa_encoding if dsa_encoding is not None else option(options, "dsa_encoding")
        if encoding is None:
            encoding = "der"
        if encoding not in ("der", "ieee-p1363"):
            raise ERR_INVALID_ARG_VALUE("options.dsaEncoding", encoding)
        self.dsa_encoding = encoding


def _key_dict(key: object) -> Mapping[str, Any]:
    """The options of a key input: Node's ``{key, padding, ...}`` dict, or nothing."""
    return key if isinstance(key, Mapping) else {}


def _prepared_with_options(
    key: object,
    prepare: Callable[[object], tuple[KeyObject, Mapping[str, Any]]],
    keywords: tuple[Any, ...],
) -> tuple[KeyObject, _Options]:
    """A key and its signing options, checked in Node's order for ``Sign.sign`` and
    ``Verify.verify``: what the JavaScript layer checks about the key (its type, a KeyObject's
    kind, a JWK) comes first, then the options, and only then does OpenSSL parse PEM/DER text
    or bytes, so a bad option is reported before a key that would not parse."""
    options = _key_dict(key)
    inner = options.get("key", key) if options else key
    parsed_later = options.get("format") != "jwk" and (
        isinstance(inner, str) or as_view(inner) is not None
    )
    if not parsed_later:
        prepared = prepare(key)[0]
        return prepared, _Options(options, *keywords)
    opts = _Options(options, *keywords)
    return prepare(key)[0], opts


def _rsa_padding(
    key: KeyObject,
    digest: hashes.HashAlgorithm,
    opts: _Options,
    signing: bool,
    streaming: bool = False,
) -> padding.AsymmetricPadding:
    params = key._pss_params
    pad = opts.padding
    if pad is None:
        pad = _PSS if key._pss else _PKCS1
    if pad == _PKCS1 and not key._pss:
        return padding.PKCS1v15()
    if pad == _NO_PADDING:
        raise ERR_OSSL_INVALID_PADDING_MODE()
    if pad == _X931 and not key._pss:
        raise ERR_OSSL_INVALID_X931_DIGEST()
    if pad != _PSS:
        raise ERR_OSSL_ILLEGAL_OR_UNSUPPORTED_PADDING_MODE()
    salt = opts.salt_length
    if params is not None:
        # A restricted RSA-PSS key (its parameters name a digest and a minimum salt length):
        # OpenSSL refuses any other digest and a shorter salt. Which comes first is the order
        # Node hands them to OpenSSL: the one-shot forms set the digest first
        # (EVP_DigestSignInit), Sign.sign sets the salt length before the signature digest.
        allowed = digest_by_name(params.hash_algorithm)
        salt_too_small = salt is not None and 0 <= salt < params.salt_length
        if streaming and salt_too_small:
            raise ERR_OSSL_PSS_SALTLEN_TOO_SMALL()
        if allowed is None or allowed.name != digest.name:
            raise ERR_OSSL_DIGEST_NOT_ALLOWED()
        if salt_too_small:
            raise ERR_OSSL_PSS_SALTLEN_TOO_SMALL()
    if salt is None:
        if params is not None:
            salt = params.salt_length
        else:
            salt = constants.RSA_PSS_SALTLEN_MAX_SIGN if signing else constants.RSA_PSS_SALTLEN_AUTO
    mgf_digest = digest
    if params is not None:
        mgf_hash = digest_by_name(params.mgf1_hash_algorithm)
        assert mgf_hash is not None
        mgf_digest = mgf_hash
    length: Any
    if salt == constants.RSA_PSS_SALTLEN_DIGEST:
        length = padding.PSS.DIGEST_LENGTH
    elif salt == constants.RSA_PSS_SALTLEN_MAX_SIGN:
        length = padding.PSS.MAX_LENGTH if signing else padding.PSS.AUTO
    elif salt == _SALTLEN_MAX:
        # cryptography's MAX_LENGTH means "auto" when verifying; OpenSSL's -3 checks the
        # maximum itself: emLen - hLen - 2
        raw = key._key
        assert isinstance(raw, rsa.RSAPrivateKey | rsa.RSAPublicKey)
        length = (raw.key_size + 6) // 8 - digest.digest_size - 2
        if signing:
            length = padding.PSS.MAX_LENGTH
    elif salt >= 0:
        length = salt
    else:
        raise ERR_OSSL_INVALID_SALT_LENGTH()
    return padding.PSS(mgf=padding.MGF1(mgf_digest), salt_length=length)


def _view_bytes(value: object, name: str) -> bytes:
    """The one-shot ``verify``'s ``signature``: an ``ArrayBufferView``, not a string."""
    return owned_bytes(value, name, expected=VIEW_TYPES, strings=False)


_DSS_KEYS = (
    ec.EllipticCurvePrivateKey,
    ec.EllipticCurvePublicKey,
    dsa.DSAPrivateKey,
    dsa.DSAPublicKey,
)


def _fixed(value: int, size: int) -> bytes:
    return value.to_bytes(size, "big")


def _dss_size(key: Any) -> int:
    if isinstance(key, ec.EllipticCurvePrivateKey | ec.EllipticCurvePublicKey):
        return (key.curve.key_size + 7) // 8
    divisor: int = key.parameters().parameter_numbers().q
    return (divisor.bit_length() + 7) // 8


def _sign_digest(
    key: KeyObject,
    digest: hashes.HashAlgorithm,
    hashed: bytes,
    opts: _Options,
    streaming: bool = False,
) -> bytes:
    """Sign an already computed digest with a private key (RSA, ECDSA, DSA).

    ``streaming`` is ``Sign.sign`` (as opposed to the one-shot ``sign``).
    """
    raw = key._key
    prehashed = Prehashed(digest)
    if isinstance(raw, rsa.RSAPrivateKey):
        pad = _rsa_padding(key, digest, opts, True, streaming)
        try:
            return raw.sign(hashed, pad, prehashed)
        except ValueError:
            raise ERR_OSSL_RSA_DATA_TOO_LARGE_FOR_KEY_SIZE() from None
    if isinstance(raw, ec.EllipticCurvePrivateKey | dsa.DSAPrivateKey):
        if isinstance(raw, ec.EllipticCurvePrivateKey):
            der = raw.sign(hashed, ec.ECDSA(prehashed))
        else:
            der = raw.sign(hashed, prehashed)
        if opts.dsa_encoding == "der":
            return der
        r, s = decode_dss_signature(der)
        size = _dss_size(raw)
        return _fixed(r, size) + _fixed(s, size)
    if isinstance(raw, ed25519.Ed25519PrivateKey | ed448.Ed448PrivateKey):
        raise ERR_CRYPTO_UNSUPPORTED_OPERATION()
    raise ERR_OSSL_EVP_OPERATION_NOT_SUPPORTED_FOR_THIS_KEYTYPE()


def _verify_digest(
    key: KeyObject,
    digest: hashes.HashAlgorithm,
    hashed: bytes,
    signature: bytes,
    opts: _Options,
    streaming: bool = False,
) -> bool:
    """Whether ``signature`` fits; OpenSSL's refusals of the padding are Node's, per API.

    ``Verify.verify`` answers false for a padding or salt length OpenSSL refuses; the
    one-shot ``verify`` raises it (except X9.31's, false in both).
    """
    raw = key._key
    if key.type == "private":
        raw = raw.public_key()  # type: ignore[union-attr]
    prehashed = Prehashed(digest)
    try:
        if isinstance(raw, rsa.RSAPublicKey):
            try:
                pad = _rsa_padding(key, digest, opts, False)
            except OpenSSLError as exc:
                if streaming or isinstance(exc, ERR_OSSL_INVALID_X931_DIGEST):
                    return False
                raise
            raw.verify(signature, hashed, pad, prehashed)
            return True
        if isinstance(raw, ec.EllipticCurvePublicKey | dsa.DSAPublicKey):
            if opts.dsa_encoding == "ieee-p1363":
                size = _dss_size(raw)
                if len(signature) != 2 * size:
                    return False
                r = int.from_bytes(signature[:size], "big")
                s = int.from_bytes(signature[size:], "big")
                signature = encode_dss_signature(r, s)
            if isinstance(raw, ec.EllipticCurvePublicKey):
                raw.verify(signature, hashed, ec.ECDSA(prehashed))
            else:
                raw.verify(signature, hashed, prehashed)
            return True
    except (InvalidSignature, ValueError):
        return False
    if isinstance(raw, ed25519.Ed25519PublicKey | ed448.Ed448PublicKey):
        raise ERR_CRYPTO_UNSUPPORTED_OPERATION()
    raise ERR_OSSL_EVP_OPERATION_NOT_SUPPORTED_FOR_THIS_KEYTYPE()


def _digest(algorithm: object, with_name: bool) -> hashes.HashAlgorithm:
    found = digest_by_name(algorithm)
    if found is None:
        raise ERR_CRYPTO_INVALID_DIGEST(algorithm if with_name else None)
    return found


def _hash(digest: hashes.HashAlgorithm, data: bytes) -> bytes:
    ctx = hashes.Hash(digest)
    ctx.update(data)
    return ctx.finalize()


def _write_through(
    stream: Sign | Verify, chunk: Any, encoding: str | None, callback: Callable[..., Any]
) -> None:
    """Node's ``Sign.prototype._write``: ``update`` with the chunk, then the callback."""
    try:
        stream.update(chunk, encoding)
    except Exception as exc:
        callback(exc)
        return
    callback()


class Sign(Writable):
    """Node's ``Sign``: ``update`` the data (or write it, it is a Writable), then ``sign`` once.

    ``options`` are the Writable's (``high_water_mark``...).
    """

    def __init__(self, algorithm: str, **options: Any) -> None:
        if not isinstance(algorithm, str):
            raise ERR_INVALID_ARG_TYPE("algorithm", "string", algorithm)
        self._digest = _digest(algorithm, False)
        self._hash: hashes.Hash | None = hashes.Hash(self._digest)
        super().__init__(**options)

    def _write(self, chunk: Any, encoding: str | None, callback: Callable[..., Any]) -> None:
        _write_through(self, chunk, encoding, callback)

    def update(self, data: object, input_encoding: str | None = None) -> Sign:
        """Add ``data`` (a string in ``input_encoding``, default UTF-8, or bytes)."""
        chunk = data_bytes(data, input_encoding)
        if self._hash is None:
            raise ERR_CRYPTO_INVALID_STATE(text="Not initialised")
        self._hash.update(chunk)
        return self

    def sign(
        self,
        private_key: object = None,
        output_encoding: str | None = None,
        *,
        padding: int | None = None,
        salt_length: int | None = None,
        dsa_encoding: str | None = None,
    ) -> Buffer | str:
        """The signature, as a Buffer or a string in ``output_encoding``. Usable once."""
        if private_key is None:
            raise ERR_CRYPTO_SIGN_KEY_REQUIRED()
        key, opts = _prepared_with_options(
            private_key, prepare_private_key, (padding, salt_length, dsa_encoding)
        )
        if self._hash is None:
            raise ERR_CRYPTO_INVALID_STATE(text="Not initialised")
        hashed = self._hash.finalize()
        self._hash = None
        return encode_output(
            _sign_digest(key, self._digest, hashed, opts, streaming=True),
            output_encoding,
            strict=True,
        )


class Verify(Writable):
    """Node's ``Verify``: ``update`` the data (or write it), then ``verify`` once."""

    def __init__(self, algorithm: str, **options: Any) -> None:
        if not isinstance(algorithm, str):
            raise ERR_INVALID_ARG_TYPE("algorithm", "string", algorithm)
        self._digest = _digest(algorithm, False)
        self._hash: hashes.Hash | None = hashes.Hash(self._digest)
        super().__init__(**options)

    def _write(self, chunk: Any, encoding: str | None, callback: Callable[..., Any]) -> None:
        _write_through(self, chunk, encoding, callback)

    def update(self, data: object, input_encoding: str | None = None) -> Verify:
        """Add ``data`` (a string in ``input_encoding``, default UTF-8, or bytes)."""
        chunk = data_bytes(data, input_encoding)
        if self._hash is None:
            raise ERR_CRYPTO_INVALID_STATE(text="Not initialised")
        self._hash.update(chunk)
        return self

    def verify(
        self,
        object: object,
        signature: object,
        signature_encoding: str | None = None,
        *,
        padding: int | None = None,
        salt_length: int | None = None,
        dsa_encoding: str | None = None,
    ) -> bool:
        """Whether ``signature`` is valid for the data and the key ``object``. Usable once."""
        key, opts = _prepared_with_options(
            object, prepare_public_key, (padding, salt_length, dsa_encoding)
        )
        sig = owned_bytes(signature, "signature", signature_encoding, expected=DATA_TYPES)
        if self._hash is None:
            raise ERR_CRYPTO_INVALID_STATE(text="Not initialised")
        raw = key._key
        if (
            opts.dsa_encoding == "ieee-p1363"
            and isinstance(raw, _DSS_KEYS)
            and len(sig) != 2 * _dss_size(raw)
        ):
            # Node converts r || s to DER before OpenSSL sees it, and refuses here (the data
            # is kept: the Verify stays usable); the one-shot verify answers false instead.
            raise ERR_CRYPTO_OPERATION_FAILED("Malformed signature")
        hashed = self._hash.finalize()
        self._hash = None
        return _verify_digest(key, self._digest, hashed, sig, opts, streaming=True)


def create_sign(algorithm: str, **options: Any) -> Sign:
    """Node's ``crypto.createSign(algorithm[, options])``: ``'sha256'``, ``'RSA-SHA256'``...

    ``options`` are the Writable's (``high_water_mark``...).
    """
    return Sign(algorithm, **options)


def create_verify(algorithm: str, **options: Any) -> Verify:
    """Node's ``crypto.createVerify(algorithm[, options])``."""
    return Verify(algorithm, **options)


def _fail(error: Exception) -> Callable[[], Any]:
    """A job's work that fails: Node reports these from the job, so through the callback."""

    def work() -> Any:
        raise error

    return work


def _one_shot_sign(
    algorithm: str | None, data: bytes, key: object, opts_in: tuple[Any, ...]
) -> Job[Buffer, Buffer]:
    """Node's ``signOneShot``: the key, options and digest are checked now (they throw, even
    from the callback form); the job signs."""
    opts = _Options(_key_dict(key), *opts_in)  # Node's one-shot reads the options first
    prepared = prepare_private_key(key)[0]
    raw = prepared._key
    if isinstance(raw, ed25519.Ed25519PrivateKey | ed448.Ed448PrivateKey):
        if algorithm is not None:
            _digest(algorithm, True)
            return Job(_fail(ERR_OSSL_INVALID_DIGEST()))
        return Job(lambda: Buffer._own(raw.sign(data)))
    if algorithm is None:
        if isinstance(raw, rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey | dsa.DSAPrivateKey):
            algorithm = "sha256"  # OpenSSL's default digest for these keys, as in Node
        else:
            return Job(_fail(ERR_OSSL_EVP_OPERATION_NOT_SUPPORTED_FOR_THIS_KEYTYPE()))
    digest = _digest(algorithm, True)
    return Job(lambda: Buffer._own(_sign_digest(prepared, digest, _hash(digest, data), opts)))


def _one_shot_verify(
    algorithm: str | None, data: bytes, key: object, signature: bytes, opts_in: tuple[Any, ...]
) -> Job[bool, bool]:
    """Node's ``verifyOneShot``: checked now as :func:`_one_shot_sign`; the job verifies."""
    opts = _Options(_key_dict(key), *opts_in)  # Node's one-shot reads the options first
    prepared = prepare_public_key(key)[0]
    raw = prepared._key
    if prepared.type == "private":
        raw = raw.public_key()  # type: ignore[union-attr]
    if isinstance(raw, ed25519.Ed25519PublicKey | ed448.Ed448PublicKey):
        if algorithm is not None:
            _digest(algorithm, True)
            return Job(_fail(ERR_OSSL_INVALID_DIGEST()))
        eddsa = raw

        def verify_eddsa() -> bool:
            try:
                eddsa.verify(signature, data)
            except InvalidSignature:
                return False
            return True

        return Job(verify_eddsa)
    if algorithm is None:
        if isinstance(raw, rsa.RSAPublicKey | ec.EllipticCurvePublicKey | dsa.DSAPublicKey):
            algorithm = "sha256"
        else:
            return Job(_fail(ERR_OSSL_EVP_OPERATION_NOT_SUPPORTED_FOR_THIS_KEYTYPE()))
    digest = _digest(algorithm, True)

    def verify_digest() -> bool:
        try:
            return _verify_digest(prepared, digest, _hash(digest, data), signature, opts)
        except UnsupportedAlgorithm:
            return False

    return Job(verify_digest)


async def _sign_async(
    algorithm: str | None,
    data: object,
    key: object,
    *,
    padding: int | None = None,
    salt_length: int | None = None,
    dsa_encoding: str | None = None,
) -> Buffer:
    """``util.promisify(sign)``: the signature, made on a worker thread; cancellable."""
    payload = owned_bytes(data, "data")  # a string is UTF-8, as in Node
    opts = (padding, salt_length, dsa_encoding)
    return await run(_one_shot_sign(algorithm, payload, key, opts))


@promisified_by(_sign_async)
def sign(
    algorithm: str | None,
    data: object,
    key: object,
    callback: object = None,
    *,
    padding: int | None = None,
    salt_length: int | None = None,
    dsa_encoding: str | None = None,
) -> Buffer | None:
    """Node's one-shot ``crypto.sign(algorithm, data, key[, callback])``.

    ``algorithm`` is ``None`` for Ed25519/Ed448 (and means SHA-256 for RSA/EC/DSA, as in
    Node). ``key`` is anything :func:`create_private_key` takes, or Node's dict with
    ``padding``/``saltLength``/``dsaEncoding`` (also accepted as keywords). With ``callback``
    a bad key, option or digest still raises at once (as in Node), the signing runs off the
    Trio thread and ``callback(err, signature)`` is called from the loop in the caller's
    context; ``util.promisify(sign)`` is a cancellable ``async`` form.
    """
    fn = None if callback is None else validate_function(callback, "callback")
    payload = owned_bytes(data, "data")  # a string is UTF-8, as in Node
    opts = (padding, salt_length, dsa_encoding)
    job = _one_shot_sign(algorithm, payload, key, opts)
    if fn is not None:
        start("crypto.sign with a callback", job, fn)
        return None
    return job.finish(job.work())


async def _verify_async(
    algorithm: str | None,
    data: object,
    key: object,
    signature: object,
    *,
    padding: int | None = None,
    salt_length: int | None = None,
    dsa_encoding: str | None = None,
) -> bool:
    """``util.promisify(verify)``: whether ``signature`` is valid, checked on a worker thread;
    cancellable."""
    payload = owned_bytes(data, "data")  # a string is UTF-8, as in Node
    sig = _view_bytes(signature, "signature")
    opts = (padding, salt_length, dsa_encoding)
    return await run(_one_shot_verify(algorithm, payload, key, sig, opts))


@promisified_by(_verify_async)
def verify(
    algorithm: str | None,
    data: object,
    key: object,
    signature: object,
    callback: object = None,
    *,
    padding: int | None = None,
    salt_length: int | None = None,
    dsa_encoding: str | None = None,
) -> bool | None:
    """Node's one-shot ``crypto.verify(algorithm, data, key, signature[, callback])``.

    With ``callback``, ``callback(err, valid)`` is called from the loop in the caller's
    context; ``util.promisify(verify)`` is a cancellable ``async`` form.
    """
    fn = None if callback is None else validate_function(callback, "callback")
    payload = owned_bytes(data, "data")  # a string is UTF-8, as in Node
    sig = _view_bytes(signature, "signature")
    opts = (padding, salt_length, dsa_encoding)
    job = _one_shot_verify(algorithm, payload, key, sig, opts)
    if fn is not None:
        start("crypto.verify with a callback", job, fn)
        return None
    return job.finish(job.work())
