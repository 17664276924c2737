"""Sign a JSON Web Token with RS256, as Google service-account and OAuth libraries do.

Port of ``examples/node/15-jwt-rs256.mjs``. RS256 is RSASSA-PKCS1-v1_5 with SHA-256, which is
deterministic, so with a fixed key the token is the same byte for byte as Node's.
``JSON.stringify`` of plain data is ``json.dumps`` without spaces; Node's
``'base64url'`` encoding works the same in ``Buffer`` and ``sign(..., 'base64url')``.
Needs the ``crypto`` extra (``pip install 'trio_nodecompat[crypto]'``).
"""

from __future__ import annotations

import json

from trio_nodecompat.buffer import Buffer
from trio_nodecompat.crypto import (
    create_private_key,
    create_public_key,
    create_sign,
    create_verify,
)

PRIVATE_KEY_PEM = """-----BEGIN PRIVATE KEY-----
MIIEugIBADANBgkqhkiG9w0BAQEFAASCBKQwggSgAgEAAoIBAQCyEC7ELIWLTT6b
nWdYbbp0tzPtlKdeusy0c/J3XmZhHsZyEi3FfoniTY6CMc21zathbwT9cU1D3g1W
kCjTE6/+n8nmo4e3X4hr7SAJb3En9NLl4Yu7tF98UeLD4ZcMF6qQY7GrCYAPeGLj
ZGIALNpbkp5FfEg/GBF9KfpQXFR5IT4152uLUM0cMRo7pcicNC0rizYqVVmzH3UT
tCa3+wMK2Cq+V6dk6EN8p92nfLCcurpk5VuzaFw4jSaGYeQXqfKlGX6edgG4Y8i9
yZsrZbPhh4n6pYfdo3NEr1TI1m9Yacbp58EnfDuF/H7Zp1bBoHMQmS4nyWD1rwgm
ffi8JvetAgMBAAECggEAC0l70WsaDv23P4F/hMs108KuK7vtzRMtuS2VW8wz1Kmw
/heZZ6ixAFOWujmCdukB2VQCfrdBJNFtSoSqVdDsaclCsNhCWNUZLnAyRO7Xvybl
fHVq2FvjZpvBMlX5L2bLpMnw/+zC/ZgNuqjJDoZJVB8r4a8yXC+AIk04JQJpR2FB
MDqgs292PRrXaT6fKqCcyOIb8pSap3mL/a+FgAB36nq7AaI90WuEgi6siOaEyiVn
6m45rtPerZaBrYrKrRPKN4vkPPwlymUZn0dIJ0i2QrguODT9n3r23ZXsQTmKbgyr
t15SXV1d7FnFykgVzMoheh8+kxpoiG85b7Gg1/tr4QKBgQDk/Fq+l0kCZea+kpzh
2IgiMMa1tjHB2WRakxgfndeDUmzjeReV3MDYuUv87cxUxrthUcwfYXMeJMHbHYr4
UoVpIwGJiE4gNYb8+ZTqMNqT5zyCqnDmkRWw5pSTba8HQO9Tal9GvkO+LF8XWrQJ
OnyZ5mLMwsz3FzZbBtRRIMLJoQKBgQDHEefxzGGJM7huqncqwCxRYoR8OIPVtz10
fUfyPbZ94+qUC+jbzS69P9uz47p0CzptAShLrTQ0wmSws0xU1MBB4Xr0H6MwL8Ec
SQK78ZHybTmL7y5+XDdXco+qSMmLVbo3GsawMmxIL67tcmrsuZFeLelenYrJXVK9
Tg+zflmqjQKBgC+s7wPRoczTBJjXE7zeBXIA785zkaaHqaJGD/a9OVrJNYyi8Ksu
HCTDZ7PQmwNnoSnhCvvZoUs8YfRKEV4kaEx8klxdOc7w9hsDp+Keq1OyCGI4NGt8
96QuTe7oHlIHTgzzD8U95gLZYC8Pnn5xY/HzCs0RHfWwKowHPvtpM8UhAoGAV+cd
P5VbQGV5PEzDoDoJl8pj7CJcfKOUXHrxqRL9IWvh6ouzwFNDH0gycKXPcGyA2R9Y
tsn9sopgQfJ6cz8awjyZuXC6840yvZWzwl/ybVUzwwnTwvJfcZrhu3S2onMxbiHB
uI4baGi92pXahzuN6ENnuGLipPYzkeoFXuIdIAUCf1mpSH9v26JKBnId8S51j0GI
PQ2FNAv3XNZ2m4QvAGx7Nmus20T2f1RNuwZ+tCgz0Vgmy97I1lPuGGFaDHkspMt9
ygcX9E3e8BiwDGq5FifcF0jWDU2JwXHyusQ9ey7XE08fCcDjXU7/W3BGj9qkpAHS
qH03M/skBCrwAuF24ko=
-----END PRIVATE KEY-----
"""


def base64url(value: object) -> str:
    return Buffer.from_(json.dumps(value, separators=(",", ":"))).to_string("base64url")


def main() -> None:
    header = {"alg": "RS256", "typ": "JWT"}
    claims = {
        "iss": "service@example.iam.gserviceaccount.com",
        "scope": "https://www.googleapis.com/auth/cloud-platform",
        "aud": "https://oauth2.googleapis.com/token",
        "iat": 1700000000,
        "exp": 1700003600,
    }
    signing_input = f"{base64url(header)}.{base64url(claims)}"

    private_key = create_private_key(PRIVATE_KEY_PEM)
    signature = create_sign("RSA-SHA256").update(signing_input).sign(private_key, "base64url")
    jwt = f"{signing_input}.{signature}"
    print(jwt)

    public_key = create_public_key(private_key)
    verifier = create_verify("RSA-SHA256").update(signing_input)
    print(verifier.verify(public_key, signature, "base64url"))
    tampered = create_verify("RSA-SHA256").update(signing_input + "x")
    print(tampered.verify(public_key, signature, "base64url"))
    jwk = public_key.export(format="jwk")
    assert isinstance(jwk, dict)
    details = private_key.asymmetric_key_details or {}
    print(jwk["kty"], jwk["e"], len(jwk["n"]), details["modulus_length"])


if __name__ == "__main__":
    main()
