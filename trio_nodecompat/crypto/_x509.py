"""``X509Certificate``: Node's certificate object on ``cryptography.x509``.

Parsing and signature checks are ``cryptography``'s; the strings are written the way Node
(through OpenSSL's printers) writes them: names one ``key=value`` per line with OpenSSL's
short attribute names (``emailAddress``), values escaped as RFC 2253 says; dates as
``'Sep  3 21:40:37 2022 GMT'``; fingerprints and serial numbers in colon-separated or plain
upper-case hex; ``subject_alt_name`` as ``'DNS:a, IP Address:10.0.0.1, email:...'``, escaped as Node escapes
it (``_general_names``, which reads those names from the DER: ``cryptography`` refuses some
that OpenSSL keeps). Host, e-mail and IP checks follow OpenSSL's ``X509_check_host``/``_email``/
``_ip`` rules on the same raw names (subject-name fallback only without SAN entries of the
kind, wildcards in the leftmost label, bytes compared, ASCII case folded).

Node's ``keyUsage`` property holds the *extended* key usage OIDs; ``key_usage`` does too.
"""

from __future__ import annotations

import hashlib
import ipaddress
import re
from collections.abc import Mapping
from typing import Any, Final

from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization as ser
from cryptography.hazmat.primitives.asymmetric import dsa, ec, ed448, ed25519, rsa
from cryptography.x509.oid import ExtensionOID, NameOID

from .._buffer import Buffer
from ..errors import (
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_OSSL_ASN1_WRONG_TAG,
    ERR_OSSL_PEM_NO_START_LINE,
)
from ._convert import owned_bytes
from ._curves import JWK_CURVES, node_curve_name
from ._general_names import (
    DNS,
    EMAIL,
    INFO_ACCESS,
    IP_ADDRESS,
    SHORT_NAMES,
    SUBJECT_ALT_NAME,
    access_descriptions,
    extension_values,
    general_names,
    legacy_info_access,
    print_access_method,
    print_general_name,
    without_extensions,
)
from ._keys import KeyObject

__all__ = ["X509Certificate"]

_MONTHS: Final = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def _escape(value: str) -> str:
    """RFC 2253 escaping as OpenSSL's ``ASN1_STRFLGS_ESC_2253 | ESC_CTRL`` writes it."""
    out = []
    for i, ch in enumerate(value):
        if ch in ',+"\\<>;' or (i == 0 and ch in "# ") or (i == len(value) - 1 and ch == " "):
            out.append("\\" + ch)
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\{ord(ch):02X}")
        else:
            out.append(ch)
    return "".join(out)


def _attribute_name(oid: x509.ObjectIdentifier) -> str:
    return SHORT_NAMES.get(oid.dotted_string, oid.dotted_string)


def _name_lines(name: x509.Name) -> str:
    """OpenSSL's multi-line name: one RDN per line, the members of a multi-valued RDN
    joined with `` + `` (``XN_FLAG_SEP_MULTILINE``)."""
    lines = []
    for rdn in name.rdns:
        members = []
        for attr in rdn:
            value = attr.value if isinstance(attr.value, str) else attr.value.hex()
            members.append(f"{_attribute_name(attr.oid)}={_escape(value)}")
        lines.append(" + ".join(members))
    return "\n".join(lines)


def _name_dict(name: x509.Name) -> dict[str, str | list[str]]:
    out: dict[str, str | list[str]] = {}
    for attr in name:
        key = _attribute_name(attr.oid)
        value = attr.value if isinstance(attr.value, str) else attr.value.hex()
        if key in out:
            prior = out[key]
            out[key] = [*prior, value] if isinstance(prior, list) else [prior, value]
        else:
            out[key] = value
    return out


def _time(moment: Any) -> str:
    return (
        f"{_MONTHS[moment.month - 1]} {moment.day:2d} "
        f"{moment.hour:02d}:{moment.minute:02d}:{moment.second:02d} {moment.year} GMT"
    )


def _colon_hex(data: bytes) -> str:
    return ":".join(f"{b:02X}" for b in data)


#: What a ``*`` may stand for (OpenSSL's ``wildcard_match``): letters, digits and hyphens.
_WILDCARD_PART: Final = re.compile(r"[A-Za-z0-9-]*")


def _label_match(pattern: str, label: str, partial: bool) -> bool:
    star = pattern.find("*")
    if star < 0:
        return pattern == label
    if not partial and pattern != "*":
        return False
    prefix, suffix = pattern[:star], pattern[star + 1 :]
    if label.startswith("xn--") and pattern != "*":
        return False
    if len(label) < len(prefix) + len(suffix):
        return False
    if not (label.startswith(prefix) and label.endswith(suffix)):
        return False
    return _WILDCARD_PART.fullmatch(label[len(prefix) : len(label) - len(suffix)]) is not None


#: OpenSSL folds only ASCII letters when it compares names.
_ASCII_LOWER: Final = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _octets(text: str) -> str:
    """A Python string as the bytes OpenSSL compares (UTF-8), one character per byte."""
    return text.encode("utf-8").decode("latin-1")


def _host_matches(pattern: str, host: str, options: _HostOptions) -> bool:
    """OpenSSL's ``equal_wildcard``: a ``*`` only in the leftmost of at least three labels.

    Both are byte strings (``_octets``), as OpenSSL compares them.
    """
    pattern = pattern.translate(_ASCII_LOWER).rstrip(".")
    host = host.translate(_ASCII_LOWER).rstrip(".")
    if "*" not in pattern or not options.wildcards:
        return pattern == host
    labels = pattern.split(".")
    if "*" in ".".join(labels[1:]) or len(labels) < 3 or labels[0].count("*") != 1:
        return pattern == host
    host_labels = host.split(".")
    rest = labels[1:]
    if len(host_labels) < len(labels):
        return False
    if host_labels[-len(rest) :] != rest:
        return False
    covered = host_labels[: len(host_labels) - len(rest)]
    if len(covered) != 1:
        return (
            options.multi_label_wildcards
            and labels[0] == "*"
            and len(covered) >= 1
            and all(_WILDCARD_PART.fullmatch(label) for label in covered)
        )
    return _label_match(labels[0], covered[0], options.partial_wildcards)


class _HostOptions:
    __slots__ = ("subject", "wildcards", "partial_wildcards", "multi_label_wildcards")

    def __init__(self, options: Mapping[str, Any] | None, given: dict[str, Any]) -> None:
        merged = dict(options or {})
        for key, value in given.items():
            if value is not None:
                merged[key] = value

        def pick(snake: str, camel: str, default: Any) -> Any:
            return merged.get(snake, merged.get(camel, default))

        subject = pick("subject", "subject", "default")
        if subject not in ("default", "always", "never"):
            raise ERR_INVALID_ARG_VALUE("options.subject", subject)
        self.subject = subject
        self.wildcards = bool(pick("wildcards", "wildcards", True))
        self.partial_wildcards = bool(pick("partial_wildcards", "partialWildcards", True))
        self.multi_label_wildcards = bool(
            pick("multi_label_wildcards", "multiLabelWildcards", False)
        )


class X509Certificate:
    """Node's ``X509Certificate``: an X.509 certificate, from PEM or DER."""

    __slots__ = ("_cert", "_der", "_extensions", "_raw_extensions")

    def __init__(self, buffer: object) -> None:
        data = owned_bytes(buffer, "buffer")
        try:
            if data.lstrip().startswith(b"-----BEGIN"):
                try:
                    cert = x509.load_pem_x509_certificate(data)
                except ValueError:
                    raise ERR_OSSL_ASN1_WRONG_TAG() from None
            else:
                try:
                    cert = x509.load_der_x509_certificate(data)
                except ValueError:
                    raise ERR_OSSL_PEM_NO_START_LINE() from None
        except UnsupportedAlgorithm:
            raise ERR_OSSL_ASN1_WRONG_TAG() from None
        self._cert = cert
        self._der = cert.public_bytes(ser.Encoding.DER)
        self._extensions: x509.Extensions | None = None
        self._raw_extensions: dict[str, bytes] | None = None

    # ----------------------------------------------------------------------------------------
    # Names and extensions

    @property
    def subject(self) -> str | None:
        """The subject name, one ``key=value`` per line (``'C=US\\nCN=agent1'``).

        ``None`` for an empty name, where Node gives ``undefined``.
        """
        return _name_lines(self._cert.subject) or None

    @property
    def issuer(self) -> str | None:
        """The issuer name, in the format of :attr:`subject` (``None`` if empty)."""
        return _name_lines(self._cert.issuer) or None

    def _extension(self, oid: x509.ObjectIdentifier) -> Any:
        """An extension other than the two of ``_general_names``, read by ``cryptography``."""
        if self._extensions is None:
            try:
                self._extensions = self._cert.extensions
            except ValueError:
                # cryptography reads the extension list whole and refuses names OpenSSL keeps
                # (a Latin-1 DNS name, a 5-byte IP address): read the others without those.
                dropped = frozenset((SUBJECT_ALT_NAME, INFO_ACCESS))
                self._extensions = x509.load_der_x509_certificate(
                    without_extensions(self._der, dropped)
                ).extensions
        try:
            return self._extensions.get_extension_for_oid(oid).value
        except x509.ExtensionNotFound:
            return None

    def _raw_extension(self, oid: str) -> bytes | None:
        if self._raw_extensions is None:
            self._raw_extensions = extension_values(self._cert.tbs_certificate_bytes)
        return self._raw_extensions.get(oid)

    @property
    def subject_alt_name(self) -> str | None:
        """The subject alternative names as Node prints them, or ``None``.

        ``'DNS:a.example, IP Address:10.0.0.1'``; a name that holds a comma, quote, control or
        (in an IA5 name) non-ASCII byte is JSON-quoted, so the list splits unambiguously.
        ``None`` also for an extension OpenSSL cannot parse (Node's ``null``).
        """
        value = self._raw_extension(SUBJECT_ALT_NAME)
        if value is None:
            return None
        try:
            return ", ".join(map(print_general_name, general_names(value)))
        except ValueError:
            return None

    @property
    def info_access(self) -> str | None:
        """Authority information access, ``'OCSP - URI:http://...'`` per line, or ``None``.

        Names are escaped as in :attr:`subject_alt_name`.
        """
        value = self._raw_extension(INFO_ACCESS)
        if value is None:
            return None
        try:
            return "\n".join(
                f"{print_access_method(method)} - {print_general_name(location)}"
                for method, location in access_descriptions(value)
            )
        except ValueError:
            return None

    @property
    def key_usage(self) -> list[str] | None:
        """The *extended* key usage OIDs (Node's ``keyUsage``), or ``None``."""
        usage = self._extension(ExtensionOID.EXTENDED_KEY_USAGE)
        return None if usage is None else [oid.dotted_string for oid in usage]

    @property
    def ca(self) -> bool:
        """Whether this is a CA certificate, by OpenSSL's ``X509_check_ca`` rule.

        Node asks ``X509_check_ca(cert) == 1``: basic constraints with ``CA:TRUE``, and no key
        usage extension that leaves out ``keyCertSign``. (A version 1 self-issued certificate,
        which OpenSSL rates 3, is not a CA for Node.)
        """
        if not self._may_sign_certificates():
            return False
        constraints = self._extension(ExtensionOID.BASIC_CONSTRAINTS)
        return bool(constraints is not None and constraints.ca)

    def _may_sign_certificates(self) -> bool:
        usage = self._extension(ExtensionOID.KEY_USAGE)
        return usage is None or bool(usage.key_cert_sign)

    # ----------------------------------------------------------------------------------------
    # Validity, identity

    @property
    def valid_from(self) -> str:
        """Start of validity: ``'Sep  3 21:40:37 2022 GMT'``."""
        return _time(self._cert.not_valid_before_utc)

    @property
    def valid_to(self) -> str:
        """End of validity, in the format of :attr:`valid_from`."""
        return _time(self._cert.not_valid_after_utc)

    def _fingerprint(self, algorithm: str) -> str:
        return _colon_hex(hashlib.new(algorithm, self._der).digest())

    @property
    def fingerprint(self) -> str:
        """SHA-1 of the DER, colon-separated upper-case hex."""
        return self._fingerprint("sha1")

    @property
    def fingerprint256(self) -> str:
        """SHA-256 fingerprint."""
        return self._fingerprint("sha256")

    @property
    def fingerprint512(self) -> str:
        """SHA-512 fingerprint."""
        return self._fingerprint("sha512")

    @property
    def serial_number(self) -> str:
        """The serial number in upper-case hex, whole bytes (``'03'``)."""
        serial = self._cert.serial_number
        text = f"{serial:X}"
        return text if len(text) % 2 == 0 else "0" + text

    @property
    def public_key(self) -> KeyObject:
        """The subject's public key, as a public KeyObject."""
        return KeyObject._make("public", key=self._cert.public_key())  # type: ignore[arg-type]

    @property
    def raw(self) -> Buffer:
        """The DER encoding."""
        return Buffer._own(self._der)

    @property
    def issuer_certificate(self) -> None:
        """Node sets this only for certificates of a TLS peer chain: always ``None`` here."""
        return None

    # ----------------------------------------------------------------------------------------
    # Checks

    def _sans(self, kind: int) -> list[bytes]:
        """The raw subject alternative names of one GeneralName kind (OpenSSL's view: none
        if the extension does not parse)."""
        value = self._raw_extension(SUBJECT_ALT_NAME)
        if value is None:
            return []
        try:
            return [name.content for name in general_names(value) if name.kind == kind]
        except ValueError:
            return []

    def _subject_values(self, oid: x509.ObjectIdentifier) -> list[str]:
        return [
            a.value
            for a in self._cert.subject.get_attributes_for_oid(oid)
            if isinstance(a.value, str)
        ]

    def check_host(
        self,
        name: str,
        options: Mapping[str, Any] | None = None,
        *,
        subject: str | None = None,
        wildcards: bool | None = None,
        partial_wildcards: bool | None = None,
        multi_label_wildcards: bool | None = None,
    ) -> str | None:
        """The certificate's name that matches host ``name``, or ``None``.

        ``subject='default'`` checks the subject's CN only if there are no DNS SANs;
        ``'always'`` also checks it; ``'never'`` never does.
        """
        if not isinstance(name, str):
            raise ERR_INVALID_ARG_TYPE("name", "string", name)
        opts = _HostOptions(
            options,
            {
                "subject": subject,
                "wildcards": wildcards,
                "partial_wildcards": partial_wildcards,
                "multi_label_wildcards": multi_label_wildcards,
            },
        )
        host = _octets(name)
        dns = self._sans(DNS)
        for raw in dns:
            if _host_matches(raw.decode("latin-1"), host, opts):
                return raw.decode("utf-8", "replace")
        if opts.subject == "always" or (opts.subject == "default" and not dns):
            for candidate in self._subject_values(NameOID.COMMON_NAME):
                if _host_matches(_octets(candidate), host, opts):
                    return candidate
        return None

    def check_email(
        self, email: str, options: Mapping[str, Any] | None = None, *, subject: str | None = None
    ) -> str | None:
        """``email`` if the certificate names it (domain part compared without case), else ``None``."""
        if not isinstance(email, str):
            raise ERR_INVALID_ARG_TYPE("email", "string", email)
        opts = _HostOptions(options, {"subject": subject})

        want_local, _, want_domain = _octets(email).rpartition("@")

        def same(candidate: str) -> bool:
            local, _, domain = candidate.rpartition("@")
            return local == want_local and domain.translate(_ASCII_LOWER) == (
                want_domain.translate(_ASCII_LOWER)
            )

        listed = self._sans(EMAIL)
        if any(same(raw.decode("latin-1")) for raw in listed):
            return email
        if opts.subject == "always" or (opts.subject == "default" and not listed):
            if any(same(_octets(c)) for c in self._subject_values(NameOID.EMAIL_ADDRESS)):
                return email
        return None

    def check_ip(self, ip: str) -> str | None:
        """``ip`` if a SAN entry names that address, else ``None``."""
        if not isinstance(ip, str):
            raise ERR_INVALID_ARG_TYPE("ip", "string", ip)
        try:
            wanted = ipaddress.ip_address(ip)
        except ValueError:
            raise ERR_INVALID_ARG_VALUE("ip", ip) from None
        return ip if wanted.packed in self._sans(IP_ADDRESS) else None

    def check_issued(self, other_cert: X509Certificate) -> bool:
        """Whether ``other_cert`` issued this one (names and key identifiers agree)."""
        if not isinstance(other_cert, X509Certificate):
            raise ERR_INVALID_ARG_TYPE("otherCert", "X509Certificate", other_cert)
        if self._cert.issuer != other_cert._cert.subject:
            return False
        if not other_cert._may_sign_certificates():
            return False
        akid = self._extension(ExtensionOID.AUTHORITY_KEY_IDENTIFIER)
        skid = other_cert._extension(ExtensionOID.SUBJECT_KEY_IDENTIFIER)
        if akid is not None and akid.key_identifier is not None and skid is not None:
            return bool(akid.key_identifier == skid.digest)
        return True

    def check_private_key(self, private_key: KeyObject) -> bool:
        """Whether ``private_key`` is the private half of this certificate's public key."""
        if not isinstance(private_key, KeyObject) or private_key.type != "private":
            raise ERR_INVALID_ARG_TYPE("privateKey", "KeyObject", private_key)
        return private_key._public().equals(self.public_key)

    def verify(self, public_key: KeyObject) -> bool:
        """Whether this certificate's signature was made by ``public_key``'s private key."""
        if not isinstance(public_key, KeyObject) or public_key.type != "public":
            raise ERR_INVALID_ARG_TYPE("publicKey", "KeyObject", public_key)
        key: Any = public_key._key
        cert = self._cert
        try:
            if isinstance(key, rsa.RSAPublicKey):
                key.verify(
                    cert.signature,
                    cert.tbs_certificate_bytes,
                    cert.signature_algorithm_parameters,  # type: ignore[arg-type]
                    cert.signature_hash_algorithm,  # type: ignore[arg-type]
                )
            elif isinstance(key, ec.EllipticCurvePublicKey):
                key.verify(
                    cert.signature,
                    cert.tbs_certificate_bytes,
                    ec.ECDSA(cert.signature_hash_algorithm),  # type: ignore[arg-type]
                )
            elif isinstance(key, ed25519.Ed25519PublicKey | ed448.Ed448PublicKey):
                key.verify(cert.signature, cert.tbs_certificate_bytes)
            elif isinstance(key, dsa.DSAPublicKey):
                key.verify(
                    cert.signature,
                    cert.tbs_certificate_bytes,
                    cert.signature_hash_algorithm,  # type: ignore[arg-type]
                )
            else:
                return False
        except (InvalidSignature, ValueError, TypeError, UnsupportedAlgorithm):
            return False
        return True

    # ----------------------------------------------------------------------------------------
    # Conversions

    def to_string(self) -> str:
        """The PEM encoding."""
        return self._cert.public_bytes(ser.Encoding.PEM).decode("ascii")

    def to_json(self) -> str:
        """The PEM encoding (Node's ``toJSON``)."""
        return self.to_string()

    def __str__(self) -> str:
        return self.to_string()

    def __repr__(self) -> str:
        return f"X509Certificate(subject={self.subject!r}, valid_to={self.valid_to!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, X509Certificate):
            return NotImplemented
        return self._der == other._der

    def __hash__(self) -> int:
        return hash(self._der)

    def to_legacy_object(self) -> dict[str, Any]:
        """Node's ``toLegacyObject()``: the dict ``tls`` gives for a peer certificate.

        Its keys are Node's, as Node spells them (``valid_from``, ``fingerprint256``,
        ``serialNumber``, ``subjectaltname``, ``ext_key_usage``...): the dict is data, not API.
        """
        legacy: dict[str, Any] = {
            "subject": _name_dict(self._cert.subject),
            "issuer": _name_dict(self._cert.issuer),
        }
        san = self.subject_alt_name
        if san is not None:
            legacy["subjectaltname"] = san
        access = self.info_access
        if access is not None:
            legacy["infoAccess"] = legacy_info_access(access)
        legacy["ca"] = self.ca
        key: Any = self._cert.public_key()
        if isinstance(key, rsa.RSAPublicKey):
            numbers = key.public_numbers()
            legacy["modulus"] = f"{numbers.n:X}"
            legacy["bits"] = key.key_size
            legacy["exponent"] = f"0x{numbers.e:x}"
            legacy["pubkey"] = Buffer._own(
                key.public_bytes(ser.Encoding.DER, ser.PublicFormat.SubjectPublicKeyInfo)
            )
        elif isinstance(key, ec.EllipticCurvePublicKey):
            legacy["bits"] = key.curve.key_size
            legacy["pubkey"] = Buffer._own(
                key.public_bytes(ser.Encoding.X962, ser.PublicFormat.UncompressedPoint)
            )
            name = node_curve_name(key.curve)
            legacy["asn1Curve"] = name
            nist = JWK_CURVES.get(name)
            if nist is not None and nist.startswith("P-"):
                legacy["nistCurve"] = nist
        legacy["valid_from"] = self.valid_from
        legacy["valid_to"] = self.valid_to
        legacy["fingerprint"] = self.fingerprint
        legacy["fingerprint256"] = self.fingerprint256
        legacy["fingerprint512"] = self.fingerprint512
        usage = self.key_usage
        if usage is not None:
            legacy["ext_key_usage"] = usage
        legacy["serialNumber"] = self.serial_number
        legacy["raw"] = self.raw
        return legacy
