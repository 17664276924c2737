"""Edge cases of the crypto stdlib half found in review, each checked against node 20.

Every expected value here is what ``node`` printed for the same call (the script lines are in
the comments). Stream-side cases live in ``test_crypto_std_stream.py``.
"""

from __future__ import annotations

import pytest

from trio_nodecompat import crypto
from trio_nodecompat.errors import ERR_CRYPTO_INVALID_KEYLEN, CryptoError


@pytest.mark.parametrize(
    ("digest", "size"),
    [
        ("md4", 16),
        ("RSA-MD4", 16),
        ("mdc2", 16),
        ("whirlpool", 64),
        ("shake128", 16),
        ("shake256", 32),
    ],
)
def test_hkdf_keylen_limit_holds_for_digests_that_cannot_run(digest: str, size: int) -> None:
    # node: hkdfSync('md4', 'k', 's', 'i', 255 * 16 + 1) -> ERR_CRYPTO_INVALID_KEYLEN (Node's
    # native check uses the digest's size before the job runs); at 255 * size the job itself
    # fails ('...unsupported' for legacy digests, 'Deriving bits failed' for SHAKE).
    with pytest.raises(ERR_CRYPTO_INVALID_KEYLEN):
        crypto.hkdf_sync(digest, "k", "s", "i", 255 * size + 1)
    with pytest.raises(ERR_CRYPTO_INVALID_KEYLEN):
        crypto.hkdf(digest, "k", "s", "i", 255 * size + 1, lambda *args: None)
    with pytest.raises(CryptoError):
        crypto.hkdf_sync(digest, "k", "s", "i", 255 * size)
