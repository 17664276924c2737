"""Edge cases of the crypto stdlib half found in review, each checked against node 20.

Every expected value here is what ``node`` printed for the same call (the script lines are in
the comments). Stream-side cases live in ``test_crypto_std_stream.py``.
"""

from __future__ import annotations

import pytest

import trio_nodecompat
from trio_nodecompat import crypto
from trio_nodecompat.buffer import Buffer
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


async def test_random_bytes_of_zero_calls_back_synchronously() -> None:
    # node: randomBytes(0, cb) calls cb(null, <Buffer >) before returning (it is randomFill of
    # nothing, which calls back at once), while randomInt/pbkdf2/hkdf/scrypt of nothing call
    # back later.
    calls: list[tuple[object, ...]] = []
    async with trio_nodecompat.open_loop():
        assert crypto.random_bytes(0, lambda *args: calls.append(args)) is None
        assert len(calls) == 1
        crypto.random_bytes(0.5, lambda *args: calls.append(args))  # node: sync too
        assert len(calls) == 2
        for err, buf in calls:
            assert err is None and isinstance(buf, Buffer) and len(buf) == 0
        later: list[object] = []
        crypto.pbkdf2("p", "s", 1, 0, "sha1", lambda *args: later.append(args))
        crypto.hkdf("sha256", "k", "s", "i", 0, lambda *args: later.append(args))
        assert later == []
    assert len(later) == 2
