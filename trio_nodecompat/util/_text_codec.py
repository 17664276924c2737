"""WHATWG ``TextEncoder`` and ``TextDecoder``, as Node exposes them in ``node:util``.

UTF-8 goes through the package's one encodings module (lone surrogates encode to U+FFFD;
invalid input decodes to one U+FFFD per maximal ill-formed subsequence, the WHATWG rule);
streaming and the other WHATWG encodings use Python's incremental codecs, which follow the
same replacement rule. Labels are matched as WHATWG says (trimmed, any case); ``latin1``,
``ascii`` and ``iso-8859-1`` name ``windows-1252``, as the Encoding Standard requires.
"""

from __future__ import annotations

import codecs
from typing import Any, Final

import attrs

from .._internal import encodings as _enc
from ..errors import (
    ERR_ENCODING_INVALID_ENCODED_DATA,
    ERR_ENCODING_NOT_SUPPORTED,
    ERR_INVALID_ARG_TYPE,
)
from .types import _is_buffer_type

__all__ = ["EncodeIntoResult", "TextDecoder", "TextEncoder"]

# canonical WHATWG name -> (Python codec, labels)
_ENCODINGS: Final[dict[str, tuple[str, tuple[str, ...]]]] = {
    "utf-8": ("utf-8", ("unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf8", "x-unicode20utf8")),
    "utf-16le": ("utf-16-le", ("csunicode", "iso-10646-ucs-2", "ucs-2", "unicode", "unicodefeff", "utf-16")),
    "utf-16be": ("utf-16-be", ("unicodefffe",)),
    "windows-1252": (
        "cp1252",
        ("ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819", "iso-8859-1",
         "iso-ir-100", "iso8859-1", "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1",
         "us-ascii", "x-cp1252"),
    ),
    "ibm866": ("cp866", ("866", "cp866", "csibm866")),
    "iso-8859-2": ("iso8859-2", ("csisolatin2", "iso-ir-101", "iso8859-2", "iso88592", "iso_8859-2", "iso_8859-2:1987", "l2", "latin2")),
    "iso-8859-3": ("iso8859-3", ("csisolatin3", "iso-ir-109", "iso8859-3", "iso88593", "iso_8859-3", "iso_8859-3:1988", "l3", "latin3")),
    "iso-8859-4": ("iso8859-4", ("csisolatin4", "iso-ir-110", "iso8859-4", "iso88594", "iso_8859-4", "iso_8859-4:1988", "l4", "latin4")),
    "iso-8859-5": ("iso8859-5", ("csisolatincyrillic", "cyrillic", "iso-ir-144", "iso8859-5", "iso88595", "iso_8859-5", "iso_8859-5:1988")),
    "iso-8859-6": ("iso8859-6", ("arabic", "asmo-708", "csiso88596e", "csiso88596i", "csisolatinarabic", "ecma-114", "iso-8859-6-e", "iso-8859-6-i", "iso-ir-127", "iso8859-6", "iso88596", "iso_8859-6", "iso_8859-6:1987")),
    "iso-8859-7": ("iso8859-7", ("csisolatingreek", "ecma-118", "elot_928", "greek", "greek8", "iso-ir-126", "iso8859-7", "iso88597", "iso_8859-7", "iso_8859-7:1987", "sun_eu_greek")),
    "iso-8859-8": ("iso8859-8", ("csiso88598e", "csisolatinhebrew", "hebrew", "iso-8859-8-e", "iso-ir-138", "iso8859-8", "iso88598", "iso_8859-8", "iso_8859-8:1988", "visual")),
    "iso-8859-10": ("iso8859-10", ("csisolatin6", "iso-ir-157", "iso8859-10", "iso885910", "l6", "latin6")),
    "iso-8859-13": ("iso8859-13", ("iso8859-13", "iso885913")),
    "iso-8859-14": ("iso8859-14", ("iso8859-14", "iso885914")),
    "iso-8859-15": ("iso8859-15", ("csisolatin9", "iso8859-15", "iso885915", "iso_8859-15", "l9")),
    "iso-8859-16": ("iso8859-16", ()),
    "koi8-r": ("koi8-r", ("cskoi8r", "koi", "koi8", "koi8_r")),
    "koi8-u": ("koi8-u", ("koi8-ru",)),
    "macintosh": ("mac-roman", ("csmacintosh", "mac", "x-mac-roman")),
    "windows-874": ("cp874", ("dos-874", "iso-8859-11", "iso8859-11", "iso885911", "tis-620")),
    "windows-1250": ("cp1250", ("cp1250", "x-cp1250")),
    "windows-1251": ("cp1251", ("cp1251", "x-cp1251")),
    "windows-1253": ("cp1253", ("cp1253", "x-cp1253")),
    "windows-1254": ("cp1254", ("cp1254", "csisolatin5", "iso-8859-9", "iso-ir-148", "iso8859-9", "iso88599", "iso_8859-9", "iso_8859-9:1989", "l5", "latin5", "x-cp1254")),
    "windows-1255": ("cp1255", ("cp1255", "x-cp1255")),
    "windows-1256": ("cp1256", ("cp1256", "x-cp1256")),
    "windows-1257": ("cp1257", ("cp1257", "x-cp1257")),
    "windows-1258": ("cp1258", ("cp1258", "x-cp1258")),
    "x-mac-cyrillic": ("mac-cyrillic", ("x-mac-ukrainian",)),
    "gbk": ("gbk", ("chinese", "csgb2312", "csiso58gb231280", "gb2312", "gb_2312", "gb_2312-80", "iso-ir-58", "x-gbk")),
    "gb18030": ("gb18030", ()),
    "big5": ("big5hkscs", ("big5-hkscs", "cn-big5", "csbig5", "x-x-big5")),
    "euc-jp": ("euc-jp", ("cseucpkdfmtjapanese", "x-euc-jp")),
    "iso-2022-jp": ("iso2022-jp", ("csiso2022jp",)),
    "shift_jis": ("shift_jis", ("csshiftjis", "ms932", "ms_kanji", "shift-jis", "sjis", "windows-31j", "x-sjis")),
    "euc-kr": ("euc-kr", ("cseuckr", "csksc56011987", "iso-ir-149", "korean", "ks_c_5601-1987", "ks_c_5601-1989", "ksc5601", "ksc_5601", "windows-949")),
}  # fmt: skip

_LABELS: Final[dict[str, str]] = {}
for _name, (_codec, _aliases) in _ENCODINGS.items():
    _LABELS[_name] = _name
    for _alias in _aliases:
        _LABELS[_alias] = _name

_BOMS: Final = {"utf-8": b"\xef\xbb\xbf", "utf-16le": b"\xff\xfe", "utf-16be": b"\xfe\xff"}
_WHATWG_SPACE = "\t\n\f\r "


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    """WHATWG maps the five bytes cp1252 leaves undefined to the same C1 code points."""
    assert isinstance(error, UnicodeDecodeError)
    byte = error.object[error.start]
    if byte in (0x81, 0x8D, 0x8F, 0x90, 0x9D):
        return chr(byte), error.start + 1
    return "\ufffd", error.start + 1


codecs.register_error("trio_nodecompat.cp1252", _cp1252_fallback)


def _view(value: object) -> memoryview:
    """A memoryview of ``value``; a ``Buffer`` through its public ``buffer``/``byte_offset``
    where the Python version has no PEP 688 ``__buffer__`` (3.11). ``TypeError`` otherwise."""
    try:
        return memoryview(value)  # type: ignore[arg-type]
    except TypeError:
        if not _is_buffer_type(type(value)):
            raise
    store: Any = value
    start = store.byte_offset
    return memoryview(store.buffer)[start : start + store.length]


def _as_bytes(value: object) -> memoryview:
    """A byte view of an ArrayBuffer/ArrayBufferView analogue, or ``ERR_INVALID_ARG_TYPE``."""
    if isinstance(value, str) or value is None:
        raise ERR_INVALID_ARG_TYPE(
            "input", ["ArrayBuffer", "ArrayBufferView", "bytes-like object"], value
        )
    try:
        view = _view(value)
    except TypeError:
        raise ERR_INVALID_ARG_TYPE(
            "input", ["ArrayBuffer", "ArrayBufferView", "bytes-like object"], value
        ) from None
    return view.cast("B") if view.format != "B" or view.ndim != 1 else view


class TextDecoder:
    """WHATWG ``TextDecoder(encoding='utf-8', *, fatal=False, ignore_bom=False)``.

    ``decode(input, stream=True)`` keeps an incomplete character for the next call;
    ``decode()`` or a call without ``stream`` flushes it (a U+FFFD, or
    ``ERR_ENCODING_INVALID_ENCODED_DATA`` when ``fatal``) and starts a new stream. A byte
    order mark at the start of a stream is dropped unless ``ignore_bom``.
    """

    __slots__ = ("_encoding", "_fatal", "_ignore_bom", "_codec", "_decoder", "_bom_checked")

    def __init__(
        self, encoding: str = "utf-8", *, fatal: bool = False, ignore_bom: bool = False
    ) -> None:
        label = str(encoding).strip(_WHATWG_SPACE).lower()
        name = _LABELS.get(label)
        if name is None:
            raise ERR_ENCODING_NOT_SUPPORTED(str(encoding))
        self._encoding = name
        self._fatal = bool(fatal)
        self._ignore_bom = bool(ignore_bom)
        self._codec = _ENCODINGS[name][0]
        self._decoder = self._new_decoder()
        self._bom_checked = False

    def _new_decoder(self) -> codecs.IncrementalDecoder:
        errors = "strict" if self._fatal else "replace"
        if self._codec == "cp1252" and not self._fatal:
            errors = "trio_nodecompat.cp1252"
        return codecs.getincrementaldecoder(self._codec)(errors)

    @property
    def encoding(self) -> str:
        """The canonical WHATWG name of the encoding (``'utf-8'``, ``'windows-1252'``...)."""
        return self._encoding

    @property
    def fatal(self) -> bool:
        """Whether invalid input raises instead of decoding to U+FFFD."""
        return self._fatal

    @property
    def ignore_bom(self) -> bool:
        """Whether a leading byte order mark is kept in the output."""
        return self._ignore_bom

    def decode(self, input: Any = None, *, stream: bool = False) -> str:
        """Decode ``input`` (any bytes-like object); ``stream=True`` to continue later."""
        data = b"" if input is None else _as_bytes(input)
        if (
            self._encoding == "utf-8"
            and not stream
            and not self._fatal
            and not self._bom_checked
            and self._decoder.getstate()[0] == b""
        ):
            # A whole message: the package's one UTF-8 decoder.
            text = _enc.decode(data, "utf8")
            if text.startswith("\ufeff") and not self._ignore_bom:
                text = text[1:]
            return text
        try:
            text = self._decoder.decode(data, final=not stream)
        except UnicodeDecodeError:
            self._reset()
            raise ERR_ENCODING_INVALID_ENCODED_DATA(self._encoding) from None
        if stream and self._encoding == "utf-8":
            text += self._refuse_surrogate_prefix()
        if not self._bom_checked and (text or not stream):
            if text.startswith("\ufeff") and not self._ignore_bom and self._encoding in _BOMS:
                text = text[1:]
            self._bom_checked = bool(text) or stream
        if not stream:
            self._reset()
        return text

    def _refuse_surrogate_prefix(self) -> str:
        """Replace (or, when fatal, raise for) a held ``ED A0``-``ED BF`` at once.

        CPython's incremental UTF-8 decoder holds a trailing ``ED`` plus a byte ``A0``-``BF``
        as an incomplete character (a UTF-8 encoded surrogate, for the ``surrogatepass``
        handler), where WHATWG's decoder knows no third byte can make it valid: after ``ED``
        only ``80``-``9F`` may follow. Node replaces both bytes (two U+FFFD, one per maximal
        ill-formed subsequence), or throws, in the call that received them.
        """
        pending = self._decoder.getstate()[0]
        if len(pending) != 2 or pending[0] != 0xED or pending[1] < 0xA0:
            return ""
        if self._fatal:
            self._reset()
            raise ERR_ENCODING_INVALID_ENCODED_DATA(self._encoding)
        self._decoder.setstate((b"", 0))
        return "\ufffd\ufffd"

    def _reset(self) -> None:
        self._decoder.reset()
        self._bom_checked = False

    def __repr__(self) -> str:
        return (
            f"TextDecoder {{ encoding: {self._encoding!r}, fatal: {self._fatal}, "
            f"ignore_bom: {self._ignore_bom} }}"
        )


@attrs.frozen
class EncodeIntoResult:
    """What :meth:`TextEncoder.encode_into` reports: UTF-16 units ``read``, bytes ``written``."""

    read: int
    written: int


class TextEncoder:
    """WHATWG ``TextEncoder``: strings to UTF-8 (lone surrogates become U+FFFD)."""

    __slots__ = ()

    @property
    def encoding(self) -> str:
        """Always ``'utf-8'``."""
        return "utf-8"

    def encode(self, input: str = "") -> bytes:
        """The UTF-8 bytes of ``input``.

        Node returns a ``Uint8Array``; this returns immutable ``bytes`` (wrap it with
        ``Buffer.from_`` or ``bytearray`` when you need to write into it).
        """
        return _enc.encode(str(input), "utf8")

    def encode_into(self, src: str, dest: Any) -> EncodeIntoResult:
        """Encode as much of ``src`` as fits into the writable buffer ``dest``.

        Only whole characters are written. ``read`` counts UTF-16 code units of ``src`` (as
        a JS string has them), ``written`` the bytes stored.
        """
        try:
            view = _view(dest)
        except TypeError:
            raise ERR_INVALID_ARG_TYPE("dest", "Uint8Array", dest) from None
        if view.readonly:
            raise ERR_INVALID_ARG_TYPE("dest", "Uint8Array", dest)
        view = view.cast("B") if view.format != "B" or view.ndim != 1 else view
        src = str(src)
        data = _enc.encode(src, "utf8")
        capacity = len(view)
        if len(data) <= capacity:
            view[: len(data)] = data
            return EncodeIntoResult(_enc.js_length(src), len(data))
        read = written = 0
        for char in src:
            code = ord(char)
            size = 1 if code < 0x80 else 2 if code < 0x800 else 3 if code < 0x10000 else 4
            if written + size > capacity:
                break
            written += size
            read += 2 if code >= 0x10000 else 1
        view[:written] = data[:written]
        return EncodeIntoResult(read, written)

    def __repr__(self) -> str:
        return "TextEncoder { encoding: 'utf-8' }"
