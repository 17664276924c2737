"""Make ``tests/fixtures/crypto_keys/x509_escaping/latin1-san-ca-cert.pem`` (run once, from
the repository root, with the dev venv).

A CA certificate whose subjectAltName holds a DNS name with a Latin-1 byte (0xE4), which
OpenSSL (and so Node) reads but ``cryptography`` refuses along with the whole extension list,
next to extensions that must still be read: basic constraints (CA), key usage, extended key
usage, and authority information access. ``cryptography`` cannot write such a name, so the
certificate is signed with ``exbmple.com`` and that byte is changed afterwards (the signature
no longer verifies; ``X509Certificate`` does not check it). The oracle
``oracle_crypto_x509_escaping.mjs`` records what Node reads from it.
"""

from __future__ import annotations

import datetime
import ipaddress

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import AuthorityInformationAccessOID, ExtendedKeyUsageOID, NameOID

key = ec.generate_private_key(ec.SECP256R1())
name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "evil.example.com")])
start = datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)
cert = (
    x509.CertificateBuilder()
    .subject_name(name)
    .issuer_name(name)
    .public_key(key.public_key())
    .serial_number(0x1234)
    .not_valid_before(start)
    .not_valid_after(start + datetime.timedelta(days=3650))
    .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
    .add_extension(
        x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True
    )
    .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
    .add_extension(
        x509.SubjectAlternativeName(
            [
                x509.DNSName("exbmple.com"),
                x509.DNSName("good.example.com"),
                x509.IPAddress(ipaddress.ip_address("8.8.8.8")),
                x509.RFC822Name("foo@example.com"),
            ]
        ),
        critical=False,
    )
    .add_extension(
        x509.AuthorityInformationAccess(
            [
                x509.AccessDescription(
                    AuthorityInformationAccessOID.OCSP,
                    x509.UniformResourceIdentifier("http://ocsp.example.com/"),
                )
            ]
        ),
        critical=False,
    )
    .sign(key, hashes.SHA256())
)
der = cert.public_bytes(serialization.Encoding.DER)
assert der.count(b"exbmple.com") == 1
der = der.replace(b"exbmple.com", b"ex\xe4mple.com")
pem = x509.load_der_x509_certificate(der).public_bytes(serialization.Encoding.PEM)
with open("tests/fixtures/crypto_keys/x509_escaping/latin1-san-ca-cert.pem", "wb") as f:
    f.write(pem)
