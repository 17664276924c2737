"""A certificate's alternative names read from DER and printed the way Node prints them.

``subjectAltName`` and ``infoAccess`` are byte-exact copies of what Node's
``PrintGeneralName`` (``src/crypto/crypto_common.cc``, the CVE-2021-44532 fix) writes, and
that printer works on the raw bytes OpenSSL keeps: a DNS name is IA5 bytes printed as Latin-1,
an IP address of any length is printed (``<invalid length=5>``), an otherName's value keeps
its string type. ``cryptography`` refuses such names outright (one non-ASCII DNS name makes
the whole extension list unreadable), so these two extensions are read here from the
certificate's DER, and the host, e-mail and IP checks use the same raw names, as OpenSSL's
``X509_check_*`` do. ``_x509`` reads every other extension through ``cryptography``.

Printing rules, from Node 20:

* IA5 names (DNS, e-mail, URI, SRVName) are written as they are when every byte is printable
  ASCII other than ``"\\,'``; otherwise the name is JSON-quoted: ``\\"``, ``\\\\``, and
  ``\\u00XX`` for a comma, a control byte or a byte above ``~`` (Latin-1).
* UTF-8 names (DirName, the UTF8String otherNames) are quoted by the same rule, except that
  bytes of non-ASCII characters are neither unsafe nor escaped.
* A DirName is ``X509_NAME_print_ex`` with ``XN_FLAG_RFC2253`` minus ``ASN1_STRFLGS_ESC_MSB``
  and ``ASN1_STRFLGS_ESC_CTRL``: RDNs last first, ``,`` between them, ``+`` inside one,
  RFC 2253 backslashes, control and non-ASCII characters left for the quoting above.
* An otherName's label goes inside the quotes: ``othername:"XmppAddr:a\\u002c b"``.
"""

from __future__ import annotations

import json
import re
from typing import Final, NamedTuple

from . import _der

__all__ = [
    "SHORT_NAMES",
    "GeneralName",
    "access_descriptions",
    "extension_values",
    "general_names",
    "legacy_info_access",
    "print_access_method",
    "print_general_name",
    "without_extensions",
]

#: OpenSSL's short names for name attributes (``OBJ_nid2sn``), by dotted OID.
SHORT_NAMES: Final = {
    "2.5.4.6": "C",
    "2.5.4.8": "ST",
    "2.5.4.7": "L",
    "2.5.4.10": "O",
    "2.5.4.11": "OU",
    "2.5.4.3": "CN",
    "1.2.840.113549.1.9.1": "emailAddress",
    "2.5.4.5": "serialNumber",
    "0.9.2342.19200300.100.1.25": "DC",
    "0.9.2342.19200300.100.1.1": "UID",
    "2.5.4.9": "street",
    "2.5.4.12": "title",
    "2.5.4.42": "GN",
    "2.5.4.4": "SN",
    "2.5.4.43": "initials",
    "2.5.4.65": "pseudonym",
    "2.5.4.44": "generationQualifier",
    "2.5.4.46": "dnQualifier",
    "2.5.4.17": "postalCode",
    "2.5.4.15": "businessCategory",
    "1.3.6.1.4.1.311.60.2.1.3": "jurisdictionC",
    "1.3.6.1.4.1.311.60.2.1.2": "jurisdictionST",
    "1.3.6.1.4.1.311.60.2.1.1": "jurisdictionL",
    "2.5.4.97": "organizationIdentifier",
    "1.2.840.113549.1.9.2": "unstructuredName",
}

SUBJECT_ALT_NAME: Final = "2.5.29.17"
INFO_ACCESS: Final = "1.3.6.1.5.5.7.1.1"

_ACCESS_METHODS: Final = {
    "1.3.6.1.5.5.7.48.1": "OCSP",
    "1.3.6.1.5.5.7.48.2": "CA Issuers",
}

#: The otherName types Node prints: label, and whether the value is a UTF8String (else IA5).
_OTHER_NAMES: Final = {
    "1.3.6.1.5.5.7.8.9": ("SmtpUTF8Mailbox", True),
    "1.3.6.1.5.5.7.8.5": ("XmppAddr", True),
    "1.3.6.1.5.5.7.8.7": ("SRVName", False),
    "1.3.6.1.4.1.311.20.2.3": ("UPN", True),
    "1.3.6.1.5.5.7.8.8": ("NAIRealm", True),
}

# GeneralName's context tags (RFC 5280, section 4.2.1.6).
OTHER_NAME: Final = 0
EMAIL: Final = 1
DNS: Final = 2
_X400: Final = 3
_DIRECTORY: Final = 4
_EDI_PARTY: Final = 5
_URI: Final = 6
IP_ADDRESS: Final = 7
_REGISTERED_ID: Final = 8

#: How wide a character of each ASN.1 string type is (OpenSSL's ``tag2nbyte``); 0 is UTF-8.
_CHAR_WIDTH: Final = {0x0C: 0, 0x12: 1, 0x13: 1, 0x14: 1, 0x16: 1, 0x1A: 1, 0x1C: 4, 0x1E: 2}


class GeneralName(NamedTuple):
    """One GeneralName: its context tag number and its content octets."""

    kind: int
    content: bytes


# ---------------------------------------------------------------------------------------------
# Reading


def _extension_list(tbs: bytes) -> tuple[_der.TLV, _der.TLV, list[_der.TLV]]:
    """The TBSCertificate, its ``[3]`` extensions element and the Extension elements."""
    certificate = _der.read_tlv(tbs)
    for field in _der.read_children(certificate.content):
        if field.tag == 0xA3:
            return certificate, field, _der.read_children(_der.read_tlv(field.content).content)
    return certificate, certificate, []


def extension_values(tbs: bytes) -> dict[str, bytes]:
    """Each extension's value (the OCTET STRING's content) by dotted OID, the first of each.

    ``ValueError`` if the TBSCertificate is not DER.
    """
    values: dict[str, bytes] = {}
    for extension in _extension_list(tbs)[2]:
        fields = _der.read_children(extension.content)
        oid = _der.oid_text(fields[0].content)
        values.setdefault(oid, fields[-1].content)
    return values


def without_extensions(certificate: bytes, dropped: frozenset[str]) -> bytes:
    """``certificate`` (DER) re-encoded without the extensions named in ``dropped``.

    The signature is no longer valid for the result: it is only for reading the other
    extensions with ``cryptography`` when one of ``dropped`` is more than it accepts.
    """
    outer = _der.read_tlv(certificate)
    tbs_element = _der.read_tlv(outer.content)
    tbs = outer.content[: tbs_element.end]
    rest = outer.content[tbs_element.end :]
    tbs_tlv, field, extensions = _extension_list(tbs)
    kept = b"".join(
        _der.write_tlv(0x30, e.content)
        for e in extensions
        if _der.oid_text(_der.read_children(e.content)[0].content) not in dropped
    )
    fields = b"".join(
        _der.write_tlv(0xA3, _der.write_tlv(0x30, kept))
        if f.tag == 0xA3 and f == field
        else _der.write_tlv(f.tag, f.content)
        for f in _der.read_children(tbs_tlv.content)
    )
    return _der.write_tlv(0x30, _der.write_tlv(0x30, fields) + rest)


def _general_name(element: _der.TLV) -> GeneralName:
    if element.tag & 0xC0 != 0x80:
        raise ValueError("not a GeneralName")
    return GeneralName(element.tag & 0x1F, element.content)


def general_names(value: bytes) -> list[GeneralName]:
    """A GeneralNames SEQUENCE (the subjectAltName extension's value)."""
    return [_general_name(e) for e in _der.read_children(_der.read_tlv(value).content)]


def access_descriptions(value: bytes) -> list[tuple[str, GeneralName]]:
    """An AuthorityInfoAccessSyntax: (access method OID, location) pairs."""
    out = []
    for description in _der.read_children(_der.read_tlv(value).content):
        method, location = _der.read_children(description.content)[:2]
        out.append((_der.oid_text(method.content), _general_name(location)))
    return out


# ---------------------------------------------------------------------------------------------
# Printing


def _is_safe(data: bytes, utf8: bool) -> bool:
    """Node's ``IsSafeAltName``."""
    for byte in data:
        if byte in b"\"\\,'":
            return False
        if utf8:
            if byte < 0x20 or byte == 0x7F:
                return False
        elif byte < 0x20 or byte > 0x7E:
            return False
    return True


def _alt_name(data: bytes, utf8: bool, prefix: str | None = None) -> bytes:
    """Node's ``PrintAltName``: as it is if safe, else JSON-quoted (``prefix`` inside)."""
    head = b"" if prefix is None else prefix.encode() + b":"
    if _is_safe(data, utf8):
        return head + data
    out = bytearray(b'"' + head)
    for byte in data:
        if byte == 0x5C:
            out += b"\\\\"
        elif byte == 0x22:
            out += b'\\"'
        elif (0x20 <= byte <= 0x7E and byte != 0x2C) or (utf8 and byte & 0x80):
            out.append(byte)
        else:
            out += b"\\u00%02x" % byte
    return bytes(out + b'"')


def _string_value(value: _der.TLV) -> str | None:
    """An attribute value as text (OpenSSL's ``ASN1_STRFLGS_UTF8_CONVERT``), or ``None``
    for a type that is not a string (OpenSSL then dumps it)."""
    width = _CHAR_WIDTH.get(value.tag)
    if width is None:
        return None
    if width == 0:
        return value.content.decode("utf-8", "replace")
    if width == 1:
        return value.content.decode("latin-1")
    return value.content.decode("utf-16-be" if width == 2 else "utf-32-be", "replace")


def _escape_2253(value: str) -> str:
    """``ASN1_STRFLGS_ESC_2253`` alone: backslashes, control and non-ASCII left as they are."""
    out = []
    for i, ch in enumerate(value):
        if ch in ',+"\\<>;' or (i == 0 and ch in "# ") or (i == len(value) - 1 and ch == " "):
            out.append("\\" + ch)
        else:
            out.append(ch)
    return "".join(out)


def _rfc2253_name(name: bytes) -> bytes:
    """A Name as Node writes a DirName (``kX509NameFlagsRFC2253WithinUtf8JSON``), UTF-8.

    An attribute OpenSSL has no name for, or a value that is no string, is written as ``#``
    and the hex of its DER (``XN_FLAG_DUMP_UNKNOWN_FIELDS``, ``ASN1_STRFLGS_DUMP_UNKNOWN``).
    """
    rdns = []
    for rdn in _der.read_children(_der.read_tlv(name).content):
        members = []
        for attribute in _der.read_children(rdn.content):
            oid_element, value = _der.read_children(attribute.content)[:2]
            oid = _der.oid_text(oid_element.content)
            short = SHORT_NAMES.get(oid)
            text = _string_value(value) if short is not None else None
            if text is None:
                der = _der.write_tlv(value.tag, value.content)
                members.append(f"{short or oid}=#{der.hex().upper()}")
            else:
                members.append(f"{short}={_escape_2253(text)}")
        rdns.append("+".join(members))
    return ",".join(reversed(rdns)).encode("utf-8")


def _ip_address(data: bytes) -> str:
    if len(data) == 4:
        return ".".join(map(str, data))
    if len(data) == 16:
        return ":".join(f"{int.from_bytes(data[i : i + 2], 'big'):X}" for i in range(0, 16, 2))
    return f"<invalid length={len(data)}>"


def _other_name(content: bytes) -> bytes:
    type_id, explicit = _der.read_children(content)[:2]
    known = _OTHER_NAMES.get(_der.oid_text(type_id.content))
    value = _der.read_tlv(explicit.content)
    if known is None or value.tag != (0x0C if known[1] else 0x16):
        return b"othername:<unsupported>"
    return b"othername:" + _alt_name(value.content, known[1], known[0])


def _print(name: GeneralName) -> bytes:
    kind, content = name
    if kind == DNS:
        return b"DNS:" + _alt_name(content, False)
    if kind == EMAIL:
        return b"email:" + _alt_name(content, False)
    if kind == _URI:
        return b"URI:" + _alt_name(content, False)
    if kind == _DIRECTORY:
        return b"DirName:" + _alt_name(_rfc2253_name(content), True)
    if kind == IP_ADDRESS:
        return b"IP Address:" + _ip_address(content).encode()
    if kind == _REGISTERED_ID:
        return b"Registered ID:" + _der.oid_text(content).encode()
    if kind == OTHER_NAME:
        return _other_name(content)
    if kind == _X400:
        return b"X400Name:<unsupported>"
    if kind == _EDI_PARTY:
        return b"EdiPartyName:<unsupported>"
    raise ValueError("unknown GeneralName")


def print_general_name(name: GeneralName) -> str:
    """One name as Node's ``PrintGeneralName`` writes it (``ValueError`` if malformed)."""
    return _print(name).decode("utf-8", "replace")


def print_access_method(oid: str) -> str:
    """An access method as OpenSSL's ``i2t_ASN1_OBJECT`` names it (else the dotted OID)."""
    return _ACCESS_METHODS.get(oid, oid)


# ---------------------------------------------------------------------------------------------
# The legacy object

_INFO_LINE: Final = re.compile(r"([^\n:]*):([^\n]*)(?:\n|$)")


def legacy_info_access(text: str) -> dict[str, list[str]]:
    """Node's ``translatePeerCertificate`` of an ``infoAccess`` string: values by
    ``'<method> - <kind>'``, a quoted value JSON-decoded."""
    info: dict[str, list[str]] = {}
    for match in _INFO_LINE.finditer(text):
        key, value = match.group(1), match.group(2)
        if value.startswith('"'):
            value = json.loads(value)
        info.setdefault(key, []).append(value)
    return info
