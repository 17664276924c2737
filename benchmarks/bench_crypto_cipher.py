"""Cipher speed: streaming AES-256-GCM against ``cryptography``'s one-shot AEAD.

Issue 15 / SPEC section 18: ``create_cipheriv('aes-256-gcm', ...)`` encrypting 1 MiB with
``update`` + ``final`` + ``get_auth_tag`` must reach at least 0.75x the throughput of
``cryptography``'s one-shot ``AESGCM(key).encrypt(iv, data, None)`` (the floor: one C call,
ciphertext and tag in one buffer). Ours pays for the Node object, the Buffer it returns and
the tag call; the bulk work is the same OpenSSL context, fed through ``update_into`` into the
Buffer's own store so the megabyte is not copied a second time.

Two report-only rows show the same for ChaCha20-Poly1305 (streamed here from ChaCha20 and
Poly1305, one-shot in ``cryptography``) and for 64-byte messages, where per-call overhead
dominates.

Run: ``/work/venv/bin/python -m benchmarks.bench_crypto_cipher`` (``--quick`` for a short run).
"""

from __future__ import annotations

import sys

from cryptography.hazmat.primitives.ciphers.aead import AESGCM, ChaCha20Poly1305

from benchmarks._harness import Result, compare
from trio_nodecompat.buffer import Buffer
from trio_nodecompat.crypto import create_cipheriv

KEY = bytes(range(32))
IV = bytes(12)
MIB = Buffer.alloc(1 << 20, "a")
MIB_BYTES = bytes(MIB)


def _ours(algorithm: str, data: Buffer) -> None:
    cipher = create_cipheriv(algorithm, KEY, IV)
    cipher.update(data)
    cipher.final()
    cipher.get_auth_tag()


def run(quick: bool = False) -> list[Result]:
    """The AES-256-GCM target row and two report rows."""
    aesgcm = AESGCM(KEY)
    chacha = ChaCha20Poly1305(KEY)
    small = Buffer.alloc(64, "a")
    small_bytes = bytes(small)
    return [
        compare(
            "crypto",
            "aes-256-gcm update+final+tag, 1 MiB",
            lambda: _ours("aes-256-gcm", MIB),
            "AESGCM.encrypt (one shot)",
            lambda: aesgcm.encrypt(IV, MIB_BYTES, None),
            target=">= 0.75x throughput",
            max_ratio=1 / 0.75,
            quick=quick,
        ),
        compare(
            "crypto",
            "chacha20-poly1305 update+final+tag, 1 MiB",
            lambda: _ours("chacha20-poly1305", MIB),
            "ChaCha20Poly1305.encrypt (one shot)",
            lambda: chacha.encrypt(IV, MIB_BYTES, None),
            quick=quick,
        ),
        compare(
            "crypto",
            "aes-256-gcm update+final+tag, 64 B",
            lambda: _ours("aes-256-gcm", small),
            "AESGCM.encrypt (one shot)",
            lambda: aesgcm.encrypt(IV, small_bytes, None),
            quick=quick,
        ),
    ]


if __name__ == "__main__":
    for row in run(quick="--quick" in sys.argv):
        verdict = {True: "met", False: "NOT MET", None: ""}[row.met]
        print(
            f"{row.operation:<42} vs {row.baseline:<36} ours {row.ours_s * 1e6:9.1f} us  "
            f"throughput {1 / row.ratio:5.2f}x  target {row.target:<20} {verdict}"
        )
