"""X509Certificate name fields against Node 20 on certificates with unusual names.

``tests/oracles/oracle_crypto_x509_names.mjs`` reads ``unusual-names-*.pem`` (made with
``openssl req``) and records ``subject``, ``issuer``, ``subjectAltName``, ``infoAccess``, the
legacy object's subject and the ``check*`` answers: multi-valued RDNs, escaped and UTF-8
values, repeated attributes, an empty subject (``undefined`` in Node, ``None`` here), and
alt names of every kind, DirName and otherName included.
"""

from __future__ import annotations

from typing import Any

import pytest
from crypto_oracle_support import FIXTURES, load

from trio_nodecompat.crypto import X509Certificate

RECORDED = load("x509_names.json")


@pytest.mark.parametrize("name", sorted(RECORDED))
def test_names_match_node(name: str) -> None:
    want: dict[str, Any] = RECORDED[name]
    cert = X509Certificate((FIXTURES / name).read_bytes())
    got = {
        "subject": cert.subject,
        "issuer": cert.issuer,
        "subjectAltName": cert.subject_alt_name,
        "infoAccess": cert.info_access,
        "legacySubject": cert.to_legacy_object()["subject"],
        "checkHost": {h: cert.check_host(h) for h in want["checkHost"]},
        "checkEmail": {h: cert.check_email(h) for h in want["checkEmail"]},
        "checkIP": {h: cert.check_ip(h) for h in want["checkIP"]},
    }
    assert got == want
