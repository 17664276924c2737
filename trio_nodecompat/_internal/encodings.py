"""Node's character encodings, byte for byte: the one implementation the package uses.

Buffer, StringDecoder and util's TextDecoder all convert through this module, so an encoding
rule lives in exactly one place. The rules are Node's (``src/string_bytes.cc``, V8's UTF-8
codec), not Python's codecs':

* A Python ``str`` plays a JS string. JS strings are UTF-16 code units, so where Node looks at
  code units (``latin1``/``ascii``/``hex``/``base64`` writes keep the *low byte* of each unit,
  ``utf16le`` writes units) an astral character counts as its two surrogate units. Two
  surrogate code points next to each other in a ``str`` form a pair, as they would in JS.
* ``utf8`` encoding replaces lone surrogates with U+FFFD (``EF BF BD``); decoding replaces
  invalid input by maximal subparts (one U+FFFD per maximal ill-formed subsequence, the
  WHATWG rule, which CPython's ``'replace'`` handler also follows).
* ``base64``/``base64url`` decoding is lenient: both alphabets are accepted by both, every
  other character is skipped, decoding stops at the first ``=``, a lone trailing character is
  dropped. Encoding: ``base64`` pads, ``base64url`` does not.
* ``hex`` decoding stops at the first pair that is not two hex digits, and drops an odd
  trailing digit.
* ``ascii`` decoding masks the high bit of every byte (``0xe9`` -> ``'i'``), ``latin1``
  maps bytes to U+0000..U+00FF, ``utf16le`` drops an odd trailing byte.

Speed: every path is C-level (``binascii``, codecs, ``bytes.translate``, ``re``); clean input
takes the strict C codec directly and only irregular input pays for the lenient rewrite.
"""

from __future__ import annotations

import binascii
import re
from collections.abc import Callable
from typing import Final, TypeAlias

from ..errors import ERR_STRING_TOO_LONG, ERR_UNKNOWN_ENCODING

__all__ = [
    "DECODERS",
    "ENCODERS",
    "ENCODINGS",
    "K_STRING_MAX_LENGTH",
    "BytesLike",
    "byte_length",
    "decode",
    "decoder",
    "encode",
    "encoder",
    "encode_limited",
    "is_encoding",
    "js_length",
    "max_decodable_bytes",
    "normalize_encoding",
    "resolve_encoding",
]

#: What the decoders accept: anything exposing a C-contiguous byte buffer.
BytesLike: TypeAlias = bytes | bytearray | memoryview

#: Node's ``buffer.kStringMaxLength`` (V8's ``String::kMaxLength`` on 64-bit builds): the
#: longest string, in UTF-16 units, that Node makes.
K_STRING_MAX_LENGTH: Final = 0x1FFFFFE8

#: Node's canonical encoding names, as ``normalize_encoding`` returns them.
ENCODINGS: Final = ("utf8", "utf16le", "latin1", "base64", "base64url", "hex", "ascii")

_ALIASES: Final[dict[str, str]] = {
    "utf8": "utf8",
    "utf-8": "utf8",
    "ucs2": "utf16le",
    "ucs-2": "utf16le",
    "utf16le": "utf16le",
    "utf-16le": "utf16le",
    "latin1": "latin1",
    "binary": "latin1",
    "base64": "base64",
    "base64url": "base64url",
    "hex": "hex",
    "ascii": "ascii",
}


def normalize_encoding(enc: object) -> str | None:
    """Node's ``normalizeEncoding``: the canonical name of ``enc``, or ``None`` if unknown.

    Any letter case is accepted. ``None`` and ``''`` mean ``'utf8'``, as in Node. The aliases
    fold together: ``ucs2``/``ucs-2``/``utf-16le`` -> ``'utf16le'``, ``binary`` ->
    ``'latin1'``, ``utf-8`` -> ``'utf8'``.
    """
    if enc is None or enc == "":
        return "utf8"
    if not isinstance(enc, str):
        return None
    found = _ALIASES.get(enc)
    if found is None and len(enc) <= 9:
        found = _ALIASES.get(enc.lower())
    return found


def resolve_encoding(enc: object) -> str:
    """The canonical name of ``enc``, or raise ``ERR_UNKNOWN_ENCODING`` (Node's wording)."""
    found = normalize_encoding(enc)
    if found is None:
        raise ERR_UNKNOWN_ENCODING(enc)
    return found


def is_encoding(enc: object) -> bool:
    """Node's ``Buffer.isEncoding``: a non-empty string naming a known encoding."""
    return isinstance(enc, str) and enc != "" and normalize_encoding(enc) is not None


# --------------------------------------------------------------------------------------------
# JS string views of a Python str


def _utf16_units(string: str) -> bytes:
    """The UTF-16LE code units of a JS string (lone surrogates kept as units)."""
    return string.encode("utf-16-le", "surrogatepass")


def js_length(string: str) -> int:
    """``string.length`` in JS: UTF-16 code units (an astral character counts two)."""
    if string.isascii():
        return len(string)
    return len(_utf16_units(string)) >> 1


def _low_bytes(string: str) -> bytes:
    """The low byte of every UTF-16 code unit: what Node's one-byte writers store."""
    try:
        return string.encode("latin-1")
    except UnicodeEncodeError:
        return _utf16_units(string)[::2]


def _utf8_encode(string: str) -> bytes:
    try:
        return string.encode("utf-8")
    except UnicodeEncodeError:
        # Surrogates: pair adjacent high+low ones, the rest become U+FFFD, as V8 does.
        return _utf16_units(string).decode("utf-16-le", "replace").encode("utf-8")


# --------------------------------------------------------------------------------------------
# base64


_B64_STD_ALPHABET: Final = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
#: Every byte that is not a base64 or base64url letter: skipped by Node's decoder.
_B64_ILLEGAL: Final = bytes(c for c in range(256) if c not in _B64_STD_ALPHABET + b"-_")
#: base64url letters -> base64 letters (Node decodes both alphabets in both encodings).
_B64_URL_TO_STD: Final = bytes.maketrans(b"-_", b"+/")
_B64_STD_TO_URL: Final = bytes.maketrans(b"+/", b"-_")


def _base64_decode_lenient(data: bytes) -> bytes:
    cut = data.find(b"=")
    if cut >= 0:
        data = data[:cut]
    data = data.translate(_B64_URL_TO_STD, _B64_ILLEGAL)
    rest = len(data) & 3
    if rest == 1:
        data = data[:-1]
    elif rest:
        data += b"=" * (4 - rest)
    return binascii.a2b_base64(data)


#: Characters per chunk when decoding large clean input (a multiple of 4). Working in chunks
#: that stay in the CPU cache, and joining once into the Buffer's own bytearray, beats whole-
#: string passes that each allocate (and page-fault) a fresh megabyte.
_DECODE_CHUNK: Final = 4 * 16384
#: Bytes per chunk when encoding (a multiple of 3, so only the last chunk is padded).
_ENCODE_CHUNK: Final = 3 * 16384


def _base64_decode_clean(string: str, url: bool) -> bytes | bytearray | None:
    """Decode regular input with the strict C codec, chunk by chunk; ``None`` if irregular.

    Regular: ASCII, only alphabet letters, ``=`` padding only at the very end (optional).
    Anything else goes to the lenient decoder, which gives Node's answer for it.
    """
    size = len(string)
    if size & 3 == 1 or not string.isascii():
        return None
    parts = []
    try:
        for start in range(0, size, _DECODE_CHUNK):
            text = string[start : start + _DECODE_CHUNK]
            if start + _DECODE_CHUNK < size:
                if text[-1] == "=":  # padding before the end: Node stops there
                    return None
            elif len(text) & 3:
                text = (text + "==")[: (len(text) + 2) & ~3]
            piece = text.encode("ascii").translate(_B64_URL_TO_STD) if url else text
            parts.append(binascii.a2b_base64(piece, strict_mode=True))
    except binascii.Error:
        return None
    if len(parts) == 1:
        return parts[0]
    return bytearray().join(parts)


def _base64_decode(string: str) -> bytes | bytearray:
    """Node's lenient base64 decoder (both alphabets; see the module docstring)."""
    size = len(string)
    if size <= _DECODE_CHUNK and not size & 3:
        try:  # the common case: short, clean, padded
            return binascii.a2b_base64(string, strict_mode=True)
        except ValueError:  # binascii.Error, or a non-ASCII str
            pass
    else:
        clean = _base64_decode_clean(string, False)
        if clean is not None:
            return clean
    if string.isascii():
        return _base64_decode_lenient(string.encode("ascii"))
    return _base64_decode_lenient(_low_bytes(string))


def _base64url_decode(string: str) -> bytes | bytearray:
    clean = _base64_decode_clean(string, True)
    if clean is not None:
        return clean
    if string.isascii():
        return _base64_decode_lenient(string.encode("ascii"))
    return _base64_decode_lenient(_low_bytes(string))


def _base64_encode(data: BytesLike) -> str:
    if len(data) <= _ENCODE_CHUNK:
        return binascii.b2a_base64(data, newline=False).decode("ascii")
    mem = memoryview(data)
    b2a = binascii.b2a_base64
    return "".join(
        [
            b2a(mem[i : i + _ENCODE_CHUNK], newline=False).decode("ascii")
            for i in range(0, len(mem), _ENCODE_CHUNK)
        ]
    )


def _base64url_encode(data: BytesLike) -> str:
    if len(data) <= _ENCODE_CHUNK:
        out = binascii.b2a_base64(data, newline=False).translate(_B64_STD_TO_URL)
        return out.decode("ascii").rstrip("=")
    mem = memoryview(data)
    b2a = binascii.b2a_base64
    table = _B64_STD_TO_URL
    parts = [
        b2a(mem[i : i + _ENCODE_CHUNK], newline=False).translate(table).decode("ascii")
        for i in range(0, len(mem), _ENCODE_CHUNK)
    ]
    parts[-1] = parts[-1].rstrip("=")
    return "".join(parts)


def _base64_byte_length(string: str) -> int:
    """Node's ``base64ByteLength``: an estimate from the length, ignoring up to two ``=``."""
    size = js_length(string)
    if size and string[-1] == "=":
        size -= 1
        if size > 1 and string[-2] == "=":
            size -= 1
    return (size * 3) >> 2


# --------------------------------------------------------------------------------------------
# hex

_NON_HEX: Final = re.compile(rb"[^0-9A-Fa-f]")


def _hex_decode(string: str) -> bytes:
    """Node's hex decoder: pairs of hex digits up to the first bad pair; odd tail dropped."""
    if not len(string) & 1:
        try:
            return binascii.unhexlify(string)
        except ValueError:  # binascii.Error, or a non-ASCII str
            pass
    data = string.encode("ascii") if string.isascii() else _low_bytes(string)
    data = data[: len(data) & ~1]
    bad = _NON_HEX.search(data)
    if bad is not None:
        data = data[: bad.start() & ~1]
    return binascii.unhexlify(data)


# --------------------------------------------------------------------------------------------
# ascii

#: Clears the high bit of every byte, as Node's ascii decoder does.
_MASK_HIGH_BIT: Final = bytes(c & 0x7F for c in range(256))


def _ascii_decode(data: BytesLike) -> str:
    try:
        return str(data, "ascii")
    except UnicodeDecodeError:
        return bytes(data).translate(_MASK_HIGH_BIT).decode("ascii")


# --------------------------------------------------------------------------------------------
# The public entry points


def _utf16le_decode(data: BytesLike) -> str:
    size = len(data)
    if size & 1:
        data = memoryview(data)[: size - 1]
    return str(data, "utf-16-le", "surrogatepass")


#: Canonical name -> string-to-bytes function (what ``Buffer.from(string, enc)`` stores).
ENCODERS: Final[dict[str, Callable[[str], bytes | bytearray]]] = {
    "utf8": _utf8_encode,
    "utf16le": _utf16_units,
    "latin1": _low_bytes,
    "ascii": _low_bytes,
    "hex": _hex_decode,
    "base64": _base64_decode,
    "base64url": _base64url_decode,
}

# --------------------------------------------------------------------------------------------
# The longest string Node makes


def _max_bytes(encoding: str, limit: int) -> int:
    """The most bytes whose ``encoding`` decoding is at most ``limit`` UTF-16 units long.

    Node refuses by byte count before decoding, so each bound is exact arithmetic on the
    byte length: one unit per byte for ``utf8`` (V8 refuses more UTF-8 bytes than the limit,
    whatever they decode to), ``latin1`` and ``ascii``; two hex digits per byte; one unit per
    two ``utf16le`` bytes (an odd last byte is dropped); four ``base64`` characters per
    started 3-byte group, and ``ceil(4n / 3)`` unpadded ``base64url`` characters.
    """
    if encoding == "hex":
        return limit // 2
    if encoding == "utf16le":
        return 2 * limit + 1
    if encoding == "base64":
        return limit // 4 * 3
    if encoding == "base64url":
        return 3 * limit // 4
    return limit


_MAX_BYTES: Final = {name: _max_bytes(name, K_STRING_MAX_LENGTH) for name in ENCODINGS}


def max_decodable_bytes(encoding: str) -> int:
    """The most bytes Node turns into a string in ``encoding`` (a canonical name); one byte
    more raises ``ERR_STRING_TOO_LONG``."""
    return _MAX_BYTES[encoding]


def _too_long() -> ERR_STRING_TOO_LONG:
    return ERR_STRING_TOO_LONG(K_STRING_MAX_LENGTH)


def _limited(name: str, decode: Callable[[BytesLike], str]) -> Callable[[BytesLike], str]:
    """``decode`` refusing, before it reads a byte, input that decodes past Node's limit."""
    most = _MAX_BYTES[name]

    def checked(data: BytesLike) -> str:
        if len(data) > most:
            raise _too_long()
        return decode(data)

    checked.__name__ = checked.__qualname__ = f"decode_{name}"
    return checked


# The three hottest decoders check inline, so they cost no extra call.
_MOST_UTF8: Final = _MAX_BYTES["utf8"]
_MOST_LATIN1: Final = _MAX_BYTES["latin1"]
_MOST_HEX: Final = _MAX_BYTES["hex"]


def _utf8_decode(data: BytesLike) -> str:
    if len(data) > _MOST_UTF8:
        raise _too_long()
    return str(data, "utf-8", "replace")


def _latin1_decode(data: BytesLike) -> str:
    if len(data) > _MOST_LATIN1:
        raise _too_long()
    return str(data, "latin-1")


def _hex_encode(data: BytesLike) -> str:
    if len(data) > _MOST_HEX:
        raise _too_long()
    return data.hex()


#: Canonical name -> bytes-to-string function (what ``buf.toString(enc)`` returns). Each
#: refuses input longer than :func:`max_decodable_bytes` with ``ERR_STRING_TOO_LONG``.
DECODERS: Final[dict[str, Callable[[BytesLike], str]]] = {
    "utf8": _utf8_decode,
    "utf16le": _limited("utf16le", _utf16le_decode),
    "latin1": _latin1_decode,
    "ascii": _limited("ascii", _ascii_decode),
    "hex": _hex_encode,
    "base64": _limited("base64", _base64_encode),
    "base64url": _limited("base64url", _base64url_encode),
}

#: Every exact spelling Node accepts without lower-casing -> its encoder (a fast path).
_ENCODER_BY_ALIAS: Final = {alias: ENCODERS[name] for alias, name in _ALIASES.items()}
_DECODER_BY_ALIAS: Final = {alias: DECODERS[name] for alias, name in _ALIASES.items()}


def encoder(encoding: object) -> Callable[[str], bytes | bytearray]:
    """The string-to-bytes function for ``encoding``; ``ERR_UNKNOWN_ENCODING`` if unknown."""
    found = _ENCODER_BY_ALIAS.get(encoding) if isinstance(encoding, str) else None
    return found or ENCODERS[resolve_encoding(encoding)]


def decoder(encoding: object) -> Callable[[BytesLike], str]:
    """The bytes-to-string function for ``encoding``; ``ERR_UNKNOWN_ENCODING`` if unknown."""
    found = _DECODER_BY_ALIAS.get(encoding) if isinstance(encoding, str) else None
    return found or DECODERS[resolve_encoding(encoding)]


def encode(string: str, encoding: str = "utf8") -> bytes:
    """The bytes Node's ``Buffer.from(string, encoding)`` holds, as ``bytes``.

    ``encoding`` is any spelling Node accepts; an unknown one raises ``ERR_UNKNOWN_ENCODING``.
    """
    data = encoder(encoding)(string)
    return bytes(data) if isinstance(data, bytearray) else data


def decode(data: BytesLike, encoding: str = "utf8") -> str:
    """The string Node's ``buf.toString(encoding)`` returns for these bytes.

    Accepts any bytes-like object (``bytes``, ``bytearray``, ``memoryview`` of format ``B``)
    without copying it where the codec allows.
    """
    return decoder(encoding)(data)


def byte_length(string: str, encoding: str = "utf8") -> int:
    """Node's ``Buffer.byteLength(string, encoding)``.

    Exact for utf8, utf16le, latin1, ascii; for hex it is ``length >>> 1`` and for base64 /
    base64url Node's estimate from the length (it ignores skipped characters), as Node does.
    """
    enc = _ALIASES.get(encoding) or resolve_encoding(encoding)
    if enc == "utf8":
        if string.isascii():
            return len(string)
        return len(_utf8_encode(string))
    if enc == "latin1" or enc == "ascii":
        return js_length(string)
    if enc == "utf16le":
        return js_length(string) * 2
    if enc == "hex":
        return js_length(string) >> 1
    return _base64_byte_length(string)


def encode_limited(string: str, encoding: str, limit: int) -> bytes:
    """What Node's ``buf.write(string, offset, limit, encoding)`` stores: at most ``limit`` bytes.

    Node never writes part of a character: utf8 stops before a character that does not fit
    whole, utf16le before a code unit that does not fit; the byte-oriented encodings (latin1,
    ascii, hex, base64) simply stop at ``limit``.
    """
    enc = _ALIASES.get(encoding) or resolve_encoding(encoding)
    if enc == "utf8":
        # A UTF-8 byte is at most 4 per code point and at least 1: trim the input first so a
        # short write into a huge string costs little.
        if len(string) > limit:
            string = string[: limit + 1]
        data = _utf8_encode(string)
        if len(data) <= limit:
            return data
        end = limit
        while end > 0 and (data[end] & 0xC0) == 0x80:
            end -= 1
        return data[:end]
    if enc == "utf16le":
        if len(string) > limit:
            string = string[: limit + 1]
        return _utf16_units(string)[: limit & ~1]
    if enc == "latin1" or enc == "ascii":
        if len(string) > limit:
            string = string[: limit + 1]
        return _low_bytes(string)[:limit]
    data = encode(string, enc)
    return data[:limit] if len(data) > limit else data
