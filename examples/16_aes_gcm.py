"""Encrypt with AES-256-GCM: ciphertext, tag, decryption, and a forged tag refused.

Port of ``examples/node/16-aes-gcm.mjs``. With a fixed key and IV the ciphertext and tag are
Node's byte for byte (a fixed IV is for the example only: never reuse one with a real key).
``update``/``final`` take and give encodings as in Node; a wrong tag makes ``final`` raise
Node's ``Unsupported state or unable to authenticate data``.
Needs the ``crypto`` extra (``pip install 'trio_nodecompat[crypto]'``).
"""

from __future__ import annotations

from trio_nodecompat.buffer import Buffer
from trio_nodecompat.crypto import create_cipheriv, create_decipheriv
from trio_nodecompat.errors import CryptoOperationError

KEY = Buffer.from_("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "hex")
IV = Buffer.from_("cafebabefacedbaddecaf888", "hex")
AAD = Buffer.from_("message-id: 42")


def main() -> None:
    cipher = create_cipheriv("aes-256-gcm", KEY, IV)
    cipher.set_aad(AAD)
    ciphertext = str(cipher.update("attack at dawn, bring snacks", "utf8", "hex"))
    ciphertext += str(cipher.final("hex"))
    tag = cipher.get_auth_tag()
    print(ciphertext)
    print(tag.to_string("hex"))

    decipher = create_decipheriv("aes-256-gcm", KEY, IV)
    decipher.set_aad(AAD)
    decipher.set_auth_tag(tag)
    print(str(decipher.update(ciphertext, "hex", "utf8")) + str(decipher.final("utf8")))

    forged = create_decipheriv("aes-256-gcm", KEY, IV)
    forged.set_aad(AAD)
    forged.set_auth_tag(Buffer.alloc(16))
    forged.update(ciphertext, "hex")
    try:
        forged.final()
    except CryptoOperationError as err:
        print(err.message)


if __name__ == "__main__":
    main()
