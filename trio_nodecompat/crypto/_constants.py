"""``crypto.constants``: Node's numeric OpenSSL constants, with Node's values.

Pure data, so it works without the ``cryptography`` extra. The values are the ones Node 20
reports (``require('crypto').constants``; a test compares them with a fixture from ``node``).
``OPENSSL_VERSION_NUMBER`` is left out: it describes the OpenSSL Node links, and Python's
``cryptography`` links its own. Node's two cipher-list strings are here in snake case
(``default_core_cipher_list``, ``default_cipher_list``); they only matter to TLS.
"""

from __future__ import annotations

from typing import Final

__all__ = ["CryptoConstants", "constants"]


class CryptoConstants:
    """The constants, as read-only class attributes (``constants.RSA_PKCS1_PADDING``)."""

    __slots__ = ()

    SSL_OP_ALL: Final = 2147485776
    SSL_OP_ALLOW_NO_DHE_KEX: Final = 1024
    SSL_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION: Final = 262144
    SSL_OP_CIPHER_SERVER_PREFERENCE: Final = 4194304
    SSL_OP_CISCO_ANYCONNECT: Final = 32768
    SSL_OP_COOKIE_EXCHANGE: Final = 8192
    SSL_OP_CRYPTOPRO_TLSEXT_BUG: Final = 2147483648
    SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS: Final = 2048
    SSL_OP_LEGACY_SERVER_CONNECT: Final = 4
    SSL_OP_NO_COMPRESSION: Final = 131072
    SSL_OP_NO_ENCRYPT_THEN_MAC: Final = 524288
    SSL_OP_NO_QUERY_MTU: Final = 4096
    SSL_OP_NO_RENEGOTIATION: Final = 1073741824
    SSL_OP_NO_SESSION_RESUMPTION_ON_RENEGOTIATION: Final = 65536
    SSL_OP_NO_SSLv2: Final = 0
    SSL_OP_NO_SSLv3: Final = 33554432
    SSL_OP_NO_TICKET: Final = 16384
    SSL_OP_NO_TLSv1: Final = 67108864
    SSL_OP_NO_TLSv1_1: Final = 268435456
    SSL_OP_NO_TLSv1_2: Final = 134217728
    SSL_OP_NO_TLSv1_3: Final = 536870912
    SSL_OP_PRIORITIZE_CHACHA: Final = 2097152
    SSL_OP_TLS_ROLLBACK_BUG: Final = 8388608
    ENGINE_METHOD_RSA: Final = 1
    ENGINE_METHOD_DSA: Final = 2
    ENGINE_METHOD_DH: Final = 4
    ENGINE_METHOD_RAND: Final = 8
    ENGINE_METHOD_EC: Final = 2048
    ENGINE_METHOD_CIPHERS: Final = 64
    ENGINE_METHOD_DIGESTS: Final = 128
    ENGINE_METHOD_PKEY_METHS: Final = 512
    ENGINE_METHOD_PKEY_ASN1_METHS: Final = 1024
    ENGINE_METHOD_ALL: Final = 65535
    ENGINE_METHOD_NONE: Final = 0
    DH_CHECK_P_NOT_SAFE_PRIME: Final = 2
    DH_CHECK_P_NOT_PRIME: Final = 1
    DH_UNABLE_TO_CHECK_GENERATOR: Final = 4
    DH_NOT_SUITABLE_GENERATOR: Final = 8
    RSA_PKCS1_PADDING: Final = 1
    RSA_NO_PADDING: Final = 3
    RSA_PKCS1_OAEP_PADDING: Final = 4
    RSA_X931_PADDING: Final = 5
    RSA_PKCS1_PSS_PADDING: Final = 6
    RSA_PSS_SALTLEN_DIGEST: Final = -1
    RSA_PSS_SALTLEN_MAX_SIGN: Final = -2
    RSA_PSS_SALTLEN_AUTO: Final = -2
    TLS1_VERSION: Final = 769
    TLS1_1_VERSION: Final = 770
    TLS1_2_VERSION: Final = 771
    TLS1_3_VERSION: Final = 772
    POINT_CONVERSION_COMPRESSED: Final = 2
    POINT_CONVERSION_UNCOMPRESSED: Final = 4
    POINT_CONVERSION_HYBRID: Final = 6
    default_core_cipher_list: Final = (
        "TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256:ECDHE"
        "-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384"
        ":ECDHE-ECDSA-AES256-GCM-SHA384:DHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-SHA256"
        ":DHE-RSA-AES128-SHA256:ECDHE-RSA-AES256-SHA384:DHE-RSA-AES256-SHA384:ECDHE-RSA-A"
        "ES256-SHA256:DHE-RSA-AES256-SHA256:HIGH:!aNULL:!eNULL:!EXPORT:!DES:!RC4:!MD5:!PS"
        "K:!SRP:!CAMELLIA"
    )
    default_cipher_list: Final = default_core_cipher_list

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"crypto.constants is read-only: cannot set {name!r}")

    def __repr__(self) -> str:
        return "<crypto.constants>"


#: Node's ``crypto.constants``.
constants: Final = CryptoConstants()
