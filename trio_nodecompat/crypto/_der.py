"""Just enough DER to carry RSA-PSS keys, which ``cryptography`` loads as plain RSA keys,
and to walk the certificate structures ``cryptography`` refuses (see ``_general_names``).

Node keeps an ``rsa-pss`` key's identity: its SPKI and PKCS#8 forms name the algorithm
``id-RSASSA-PSS`` (1.2.840.113549.1.1.10), optionally with ``RSASSA-PSS-params`` (RFC 4055)
that bind the hash, the MGF1 hash and the minimum salt length. ``cryptography`` reads such keys
as RSA keys and writes only ``rsaEncryption``. So this module wraps and unwraps the outer
structure around the PKCS#1 key that ``cryptography`` reads and writes: ASN.1 framing, no
cryptography. The byte layout is OpenSSL's (hash identifiers with NULL parameters, defaults
omitted), checked against keys made by Node.
"""

from __future__ import annotations

from typing import Final, NamedTuple

__all__ = [
    "PSS_HASH_OIDS",
    "PssParams",
    "TLV",
    "oid_text",
    "read_children",
    "read_tlv",
    "unwrap_pss_pkcs8",
    "unwrap_pss_spki",
    "wrap_pss_pkcs8",
    "wrap_pss_spki",
    "write_tlv",
]

_RSASSA_PSS: Final = bytes.fromhex("06092a864886f70d01010a")
_MGF1: Final = bytes.fromhex("06092a864886f70d010108")

#: DER of each hash's OBJECT IDENTIFIER, by Node's hash name.
PSS_HASH_OIDS: Final[dict[str, bytes]] = {
    "sha1": bytes.fromhex("06052b0e03021a"),
    "sha224": bytes.fromhex("0609608648016503040204"),
    "sha256": bytes.fromhex("0609608648016503040201"),
    "sha384": bytes.fromhex("0609608648016503040202"),
    "sha512": bytes.fromhex("0609608648016503040203"),
    "sha512-224": bytes.fromhex("0609608648016503040205"),
    "sha512-256": bytes.fromhex("0609608648016503040206"),
}
_HASH_BY_OID: Final = {oid: name for name, oid in PSS_HASH_OIDS.items()}


class PssParams(NamedTuple):
    """The constraints of an ``rsa-pss`` key (``None`` for a key without parameters)."""

    hash_algorithm: str
    mgf1_hash_algorithm: str
    salt_length: int


class TLV(NamedTuple):
    """One DER element: its tag byte, its content, and the offset just past it."""

    tag: int
    content: bytes
    end: int


def read_tlv(data: bytes, offset: int = 0) -> TLV:
    """Read one element at ``offset``; ``ValueError`` if the bytes are not DER."""
    if offset + 2 > len(data):
        raise ValueError("truncated DER")
    tag = data[offset]
    length = data[offset + 1]
    pos = offset + 2
    if length & 0x80:
        count = length & 0x7F
        if count == 0 or count > 4 or pos + count > len(data):
            raise ValueError("bad DER length")
        length = int.from_bytes(data[pos : pos + count], "big")
        pos += count
    if pos + length > len(data):
        raise ValueError("truncated DER")
    return TLV(tag, data[pos : pos + length], pos + length)


def read_children(content: bytes) -> list[TLV]:
    """The elements one after another in ``content`` (a SEQUENCE's or SET's body)."""
    children = []
    pos = 0
    while pos < len(content):
        child = read_tlv(content, pos)
        children.append(child)
        pos = child.end
    return children


def oid_text(content: bytes) -> str:
    """An OBJECT IDENTIFIER's content octets in dotted form (``'1.2.840.113549.1.1.11'``)."""
    if not content or content[-1] & 0x80:
        raise ValueError("bad OBJECT IDENTIFIER")
    arcs: list[int] = []
    value = 0
    for byte in content:
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            arcs.append(value)
            value = 0
    first = min(arcs[0] // 40, 2)
    return ".".join(map(str, [first, arcs[0] - 40 * first, *arcs[1:]]))


def write_tlv(tag: int, content: bytes) -> bytes:
    """One DER element (definite length)."""
    n = len(content)
    if n < 0x80:
        head = bytes([tag, n])
    else:
        size = n.to_bytes((n.bit_length() + 7) // 8, "big")
        head = bytes([tag, 0x80 | len(size)]) + size
    return head + content


def _seq(*parts: bytes) -> bytes:
    return write_tlv(0x30, b"".join(parts))


def _hash_id(name: str) -> bytes:
    return _seq(PSS_HASH_OIDS[name], b"\x05\x00")


def _algorithm_id(params: PssParams | None) -> bytes:
    if params is None:
        return _seq(_RSASSA_PSS)
    fields = b""
    if params.hash_algorithm != "sha1":
        fields += write_tlv(0xA0, _hash_id(params.hash_algorithm))
    if params.mgf1_hash_algorithm != "sha1":
        fields += write_tlv(0xA1, _seq(_MGF1, _hash_id(params.mgf1_hash_algorithm)))
    if params.salt_length != 20:
        salt = params.salt_length
        fields += write_tlv(0xA2, write_tlv(0x02, salt.to_bytes(salt.bit_length() // 8 + 1, "big")))
    return _seq(_RSASSA_PSS, _seq(fields))


def wrap_pss_spki(pkcs1_public: bytes, params: PssParams | None) -> bytes:
    """SubjectPublicKeyInfo naming ``id-RSASSA-PSS`` around a PKCS#1 ``RSAPublicKey``."""
    return _seq(_algorithm_id(params), write_tlv(0x03, b"\x00" + pkcs1_public))


def wrap_pss_pkcs8(pkcs1_private: bytes, params: PssParams | None) -> bytes:
    """PKCS#8 ``PrivateKeyInfo`` naming ``id-RSASSA-PSS`` around a PKCS#1 ``RSAPrivateKey``."""
    return _seq(b"\x02\x01\x00", _algorithm_id(params), write_tlv(0x04, pkcs1_private))


def _hash_of(algorithm_id: bytes) -> str:
    oid = read_tlv(algorithm_id)
    name = _HASH_BY_OID.get(algorithm_id[: oid.end])
    if name is None:
        raise ValueError("unknown hash in RSASSA-PSS-params")
    return name


def _parse_params(algorithm: TLV) -> PssParams | None:
    """The parameters inside an ``AlgorithmIdentifier`` whose OID is ``id-RSASSA-PSS``."""
    oid = read_tlv(algorithm.content)
    if oid.end == len(algorithm.content):
        return None
    params = read_tlv(algorithm.content, oid.end)
    hash_name = mgf1_name = "sha1"
    salt = 20
    pos = 0
    while pos < len(params.content):
        field = read_tlv(params.content, pos)
        pos = field.end
        if field.tag == 0xA0:
            hash_name = _hash_of(read_tlv(field.content).content)
        elif field.tag == 0xA1:
            mgf = read_tlv(field.content).content
            mgf_oid = read_tlv(mgf)
            mgf1_name = _hash_of(read_tlv(mgf, mgf_oid.end).content)
        elif field.tag == 0xA2:
            salt = int.from_bytes(read_tlv(field.content).content, "big")
    return PssParams(hash_name, mgf1_name, salt)


def _is_pss(algorithm: TLV) -> bool:
    return algorithm.content.startswith(_RSASSA_PSS)


def unwrap_pss_spki(der: bytes) -> tuple[bytes, PssParams | None] | None:
    """``(pkcs1_public, params)`` if ``der`` is an RSA-PSS SubjectPublicKeyInfo, else ``None``."""
    try:
        outer = read_tlv(der)
        algorithm = read_tlv(outer.content)
        if outer.tag != 0x30 or algorithm.tag != 0x30 or not _is_pss(algorithm):
            return None
        key = read_tlv(outer.content, algorithm.end)
        return key.content[1:], _parse_params(algorithm)
    except ValueError:
        return None


def unwrap_pss_pkcs8(der: bytes) -> tuple[bytes, PssParams | None] | None:
    """``(pkcs1_private, params)`` if ``der`` is an RSA-PSS PKCS#8 key, else ``None``."""
    try:
        outer = read_tlv(der)
        version = read_tlv(outer.content)
        algorithm = read_tlv(outer.content, version.end)
        if outer.tag != 0x30 or algorithm.tag != 0x30 or not _is_pss(algorithm):
            return None
        key = read_tlv(outer.content, algorithm.end)
        return key.content, _parse_params(algorithm)
    except ValueError:
        return None
