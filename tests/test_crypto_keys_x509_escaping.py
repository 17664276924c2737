"""Node's ``test-x509-escaping.js`` (v20.11.1), ported on ``X509Certificate``.

The certificates are Node's (``fixtures/crypto_keys/x509_escaping/``, see its README). Node's
file reads each certificate twice: as an ``X509Certificate`` and as the peer certificate of a
TLS connection (``checkServerIdentity``). There is no ``node:tls`` here, so the second half
is kept where its point is how a certificate's names are read or matched: the legacy object
Node's TLS peer certificate equals is :meth:`X509Certificate.to_legacy_object`, and the
host-name matching of ``checkServerIdentity`` is :meth:`X509Certificate.check_host`. The
tables below are Node's, with ``hasOpenSSL3`` true. ``test_matches_node`` then compares every
field and check of each certificate with ``tests/oracles/oracle_crypto_x509_escaping.mjs``'s
record.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from crypto_oracle_support import FIXTURES, load

from trio_nodecompat.buffer import Buffer
from trio_nodecompat.crypto import X509Certificate

ESCAPING = Path(__file__).parent / "fixtures" / "crypto_keys" / "x509_escaping"


def _cert(kind: str, i: int) -> X509Certificate:
    return X509Certificate((ESCAPING / f"{kind}-{i}-cert.pem").read_text())


# ---------------------------------------------------------------------------------------------
# "Test escaping rules for subject alternative names."

EXPECTED_SANS = [
    'DNS:"good.example.com\\u002c DNS:evil.example.com"',
    # URIs should not require escaping.
    "URI:http://example.com/",
    "URI:http://example.com/?a=b&c=d",
    # Unless they contain commas.
    'URI:"http://example.com/a\\u002cb"',
    # Percent encoding should not require escaping.
    "URI:http://example.com/a%2Cb",
    # Malicious attempts should be escaped.
    'URI:"http://example.com/a\\u002c DNS:good.example.com"',
    # Non-ASCII characters in DNS names should be treated as Latin-1.
    'DNS:"ex\\u00e4mple.com"',
    # It should not be possible to cause unescaping without escaping.
    'DNS:"\\"evil.example.com\\""',
    # IPv4 addresses should be represented as usual.
    "IP Address:8.8.8.8",
    "IP Address:8.8.4.4",
    # For backward-compatibility, include invalid IP address lengths.
    "IP Address:<invalid length=5>",
    "IP Address:<invalid length=6>",
    # IPv6 addresses are represented as OpenSSL does.
    "IP Address:A0B:C0D:E0F:0:0:0:7A7B:7C7D",
    # Regular email addresses don't require escaping.
    "email:foo@example.com",
    # ... but should be escaped if they contain commas.
    'email:"foo@example.com\\u002c DNS:good.example.com"',
    # RFC 2253 DirName entries almost always hold commas, which are escaped.
    'DirName:"L=Hannover\\u002cC=DE"',
    # ASN1_STRFLGS_ESC_MSB is unset: Unicode characters are preserved.
    'DirName:"L=München\\u002cC=DE"',
    'DirName:"L=Berlin\\\\\\u002c DNS:good.example.com\\u002cC=DE"',
    # ASN1_STRFLGS_ESC_CTRL is unset too: control characters get the JSON escapes.
    'DirName:"L=Berlin\\\\\\u002c DNS:good.example.com\\u0000evil.example.com\\u002cC=DE"',
    'DirName:"L=Berlin\\\\\\u002c DNS:good.example.com\\\\\\\\\\u0000evil.example.com\\u002cC=DE"',
    'DirName:"L=Berlin\\u000d\\u000a\\u002cC=DE"',
    'DirName:"L=Berlin/CN=good.example.com\\u002cC=DE"',
    # Even well-known OIDs (sha256WithRSAEncryption) are represented numerically only.
    "Registered ID:1.2.840.113549.1.1.11",
    # An OID OpenSSL does not know.
    "Registered ID:1.3.9999.12.34",
    "othername:XmppAddr:abc123",
    'othername:"XmppAddr:abc123\\u002c DNS:good.example.com"',
    'othername:"XmppAddr:good.example.com\\u0000abc123"',
    # Unsupported because the OID is not recognized.
    "othername:<unsupported>",
    "othername:SRVName:abc123",
    # Unsupported: an SRVName with a UTF8String value, which SRVName does not allow.
    "othername:<unsupported>",
    'othername:"SRVName:abc\\u0000def"',
]


@pytest.mark.parametrize("i", range(len(EXPECTED_SANS)))
def test_subject_alt_name_escaping(i: int) -> None:
    cert = _cert("alt", i)
    assert cert.subject_alt_name == EXPECTED_SANS[i]
    # Node also checks the TLS peer certificate's ``subjectaltname``; that object is the
    # legacy object (the TLS connection itself is node:tls).
    assert cert.to_legacy_object()["subjectaltname"] == EXPECTED_SANS[i]


# ---------------------------------------------------------------------------------------------
# "Test escaping rules for authority info access."

EXPECTED_INFO_ACCESS: list[tuple[str, dict[str, list[str]]]] = [
    (
        'OCSP - URI:"http://good.example.com/\\u000aOCSP - URI:http://evil.example.com/"',
        {"OCSP - URI": ["http://good.example.com/\nOCSP - URI:http://evil.example.com/"]},
    ),
    (
        'CA Issuers - URI:"http://ca.example.com/\\u000a'
        'OCSP - URI:http://evil.example.com"\n'
        'OCSP - DNS:"good.example.com\\u000a'
        'OCSP - URI:http://ca.nodejs.org/ca.cert"',
        {
            "CA Issuers - URI": ["http://ca.example.com/\nOCSP - URI:http://evil.example.com"],
            "OCSP - DNS": ["good.example.com\nOCSP - URI:http://ca.nodejs.org/ca.cert"],
        },
    ),
    (
        "1.3.9999.12.34 - URI:http://ca.example.com/",
        {"1.3.9999.12.34 - URI": ["http://ca.example.com/"]},
    ),
    (
        "OCSP - othername:XmppAddr:good.example.com\n"
        "OCSP - othername:<unsupported>\n"
        "OCSP - othername:SRVName:abc123",
        {"OCSP - othername": ["XmppAddr:good.example.com", "<unsupported>", "SRVName:abc123"]},
    ),
    (
        'OCSP - othername:"XmppAddr:good.example.com\\u0000abc123"',
        {"OCSP - othername": ["XmppAddr:good.example.com\0abc123"]},
    ),
]


@pytest.mark.parametrize("i", range(len(EXPECTED_INFO_ACCESS)))
def test_info_access_escaping(i: int) -> None:
    text, legacy = EXPECTED_INFO_ACCESS[i]
    cert = _cert("info", i)
    assert cert.info_access == text
    # The TLS peer certificate's ``infoAccess`` (unescaped, by access method and name kind);
    # ``toLegacyObject()`` is what Node asserts the peer certificate deep-equals.
    obj = cert.to_legacy_object()
    assert obj["infoAccess"] == legacy
    assert "issuerCertificate" not in obj


# ---------------------------------------------------------------------------------------------
# "Test escaping rules for the subject field."

EXPECTED_SUBJECTS: list[tuple[str, dict[str, str | list[str]]]] = [
    ("L=Somewhere\nCN=evil.example.com", {"L": "Somewhere", "CN": "evil.example.com"}),
    ("L=Somewhere\\00evil.example.com", {"L": "Somewhere\0evil.example.com"}),
    ("L=Somewhere\\0ACN=evil.example.com", {"L": "Somewhere\nCN=evil.example.com"}),
    ("L=Somewhere\\, CN = evil.example.com", {"L": "Somewhere, CN = evil.example.com"}),
    ("L=Somewhere/CN=evil.example.com", {"L": "Somewhere/CN=evil.example.com"}),
    ("L=München\\\\\\0ACN=evil.example.com", {"L": "München\\\nCN=evil.example.com"}),
    ("L=Somewhere + CN=evil.example.com", {"L": "Somewhere", "CN": "evil.example.com"}),
    ("L=Somewhere \\+ CN=evil.example.com", {"L": "Somewhere + CN=evil.example.com"}),
    # The legacy representation cannot tell a multi-value RDN from single-value RDNs.
    ("L=L1 + L=L2\nL=L3", {"L": ["L1", "L2", "L3"]}),
    ("L=L1\nL=L2\nL=L3", {"L": ["L1", "L2", "L3"]}),
]


@pytest.mark.parametrize("i", range(len(EXPECTED_SUBJECTS)))
def test_subject_escaping(i: int) -> None:
    text, legacy = EXPECTED_SUBJECTS[i]
    cert = _cert("subj", i)
    assert cert.subject == text
    # The issuer MUST be the same as the subject since the certificate is self-signed.
    assert cert.issuer == text
    obj = cert.to_legacy_object()
    assert obj["subject"] == legacy
    assert obj["issuer"] == legacy
    assert "issuerCertificate" not in obj


# ---------------------------------------------------------------------------------------------
# "While node does not produce commas within SAN entries, it should parse them correctly."
# Node asks tls.checkServerIdentity about a hand-made subjectaltname string; the matching
# itself is check_host here, on alt-0, whose one DNS name is 'good.example.com, DNS:evil...'.


def test_a_comma_in_a_dns_name_does_not_make_a_second_name() -> None:
    cert = _cert("alt", 0)
    san = cert.subject_alt_name
    assert san is not None
    # The name's comma is escaped, so splitting the list at ', ' finds the one name only
    # (the old, unescaped format split into 'DNS:good.example.com' and 'DNS:evil...').
    assert san.split(", ") == [san]
    assert cert.check_host("evil.example.com") is None
    assert cert.check_host("good.example.com") is None
    # The subject's CN=evil.example.com is not consulted while a DNS name exists...
    assert cert.check_host("evil.example.com", subject="default") is None
    # ... unless asked for.
    assert cert.check_host("evil.example.com", subject="always") == "evil.example.com"


def test_escaped_names_are_matched_as_they_are() -> None:
    # A quoted DNS name and a Latin-1 one are DNS names: the CN is not a fallback.
    assert _cert("alt", 7).check_host("evil.example.com") is None
    assert _cert("alt", 6).check_host("evil.example.com") is None
    assert _cert("alt", 6).check_host("exämple.com") is None
    # An e-mail name holding a comma matches only itself, whole.
    tricky = _cert("alt", 14)
    assert tricky.check_email("foo@example.com") is None
    whole = "foo@example.com, DNS:good.example.com"
    assert tricky.check_email(whole) == whole
    # Invalid IP lengths match no address; the valid ones match.
    assert _cert("alt", 10).check_ip("0.8.8.4") is None
    assert _cert("alt", 11).check_ip("0.1.2.3") is None
    assert _cert("alt", 8).check_ip("8.8.8.8") == "8.8.8.8"
    assert _cert("alt", 12).check_ip("a0b:c0d:e0f::7a7b:7c7d") == "a0b:c0d:e0f::7a7b:7c7d"
    # Other kinds of names (URI, DirName, otherName) are no DNS names: the CN counts.
    for i in (5, 17, 25):
        assert _cert("alt", i).check_host("good.example.com") is None
        assert _cert("alt", i).check_host("evil.example.com") == "evil.example.com"


# ---------------------------------------------------------------------------------------------
# "The subject MUST be ignored if a dNSName subject alternative name exists." and "The subject
# MUST NOT be ignored if no dNSName subject alternative name exists, even if other subject
# alternative names exist." (Node then connects with TLS; the host check is check_host.)

NODE_KEYS = FIXTURES / "node_keys"


def test_subject_ignored_when_a_dns_name_exists() -> None:
    cert = X509Certificate((NODE_KEYS / "incorrect_san_correct_subject-cert.pem").read_bytes())
    servername = "good.example.com"
    assert cert.subject == f"CN={servername}"
    assert cert.subject_alt_name == "DNS:evil.example.com"
    assert cert.check_host(servername) is None
    assert cert.check_host(servername, {"subject": "default"}) is None
    assert cert.check_host(servername, {"subject": "always"}) == servername
    assert cert.check_host(servername, {"subject": "never"}) is None


def test_subject_used_when_no_dns_name_exists() -> None:
    cert = X509Certificate((NODE_KEYS / "irrelevant_san_correct_subject-cert.pem").read_bytes())
    servername = "good.example.com"
    assert cert.subject == f"CN={servername}"
    assert cert.subject_alt_name == "IP Address:1.2.3.4"
    assert cert.check_host(servername) == servername
    assert cert.check_host(servername, {"subject": "default"}) == servername
    assert cert.check_host(servername, {"subject": "always"}) == servername
    assert cert.check_host(servername, {"subject": "never"}) is None


# ---------------------------------------------------------------------------------------------
# Every field of every certificate above against Node's own answers.

RECORDED: dict[str, Any] = load("x509_escaping.json")


def _plain(value: Any) -> Any:
    """The legacy object in the oracle's JSON shape (Buffers as ``{"buffer": hex}``)."""
    if isinstance(value, Buffer):
        return {"buffer": bytes(value).hex()}
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


@pytest.mark.parametrize("name", sorted(RECORDED))
def test_matches_node(name: str) -> None:
    want = RECORDED[name]
    cert = X509Certificate((FIXTURES / name).read_bytes())
    got = {
        "subject": cert.subject,
        "issuer": cert.issuer,
        "subjectAltName": cert.subject_alt_name,
        "infoAccess": cert.info_access,
        "ca": cert.ca,
        "keyUsage": cert.key_usage,
        "legacy": _plain(cert.to_legacy_object()),
        "checkHost": {
            subject: {h: cert.check_host(h, subject=subject) for h in hosts}
            for subject, hosts in want["checkHost"].items()
        },
        "checkEmail": {e: cert.check_email(e) for e in want["checkEmail"]},
        "checkIP": {ip: cert.check_ip(ip) for ip in want["checkIP"]},
    }
    assert got == want


def test_a_name_cryptography_refuses_leaves_the_other_extensions_readable() -> None:
    # Beyond Node's file: cryptography refuses the whole extension list of a certificate with
    # a Latin-1 DNS name; Node (OpenSSL) reads each extension on its own.
    cert = X509Certificate((ESCAPING / "latin1-san-ca-cert.pem").read_bytes())
    assert cert.subject_alt_name == (
        'DNS:"ex\\u00e4mple.com", DNS:good.example.com, IP Address:8.8.8.8, email:foo@example.com'
    )
    assert cert.ca is True
    assert cert.key_usage == ["1.3.6.1.5.5.7.3.1"]
    assert cert.info_access == "OCSP - URI:http://ocsp.example.com/"
    assert cert.check_host("good.example.com") == "good.example.com"
    assert cert.check_host("evil.example.com") is None
    assert cert.check_ip("8.8.8.8") == "8.8.8.8"
    assert cert.check_email("foo@example.com") == "foo@example.com"
