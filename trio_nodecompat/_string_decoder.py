"""Node's ``StringDecoder``: decode a stream of byte chunks without splitting characters.

The characters themselves are decoded by :mod:`trio_nodecompat._internal.encodings`, the
package's one codec; this module only decides, chunk by chunk, which trailing bytes belong to
a character (or base64 group) that the next chunk will finish, exactly as Node's native
decoder (``src/string_decoder.cc``) decides:

* ``utf8``: a chunk that ends inside a multi-byte sequence keeps the sequence's bytes back,
  judging only by the lead byte (so ``C0``, ``C1``, ``F5``-``F7`` leads wait too). The next
  chunk completes it; a byte that is not a continuation byte ends it early, and the kept
  bytes then decode (to U+FFFD) on their own.
* ``utf16le``: an odd trailing byte waits, and so does a trailing high surrogate (two bytes,
  unless the chunk had an odd length, in which case Node emits the surrogate alone).
* ``base64``/``base64url``: bytes beyond the last whole 3-byte group wait.
* ``hex``, ``latin1``, ``ascii``: every byte stands alone; nothing waits.

The kept bytes live in a 4-byte scratch array, like Node's, so ``last_char`` shows the same
bytes Node's ``lastChar`` shows, stale ones included.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._buffer_numeric import BufferNumericMixin
from ._internal.encodings import decode, resolve_encoding
from .errors import ERR_INVALID_ARG_TYPE

if TYPE_CHECKING:
    from typing_extensions import Buffer as _BytesLike

    from .buffer import Buffer

__all__ = ["StringDecoder"]

_UTF8, _UTF16LE, _BASE64, _OTHER = 0, 1, 2, 3
_KINDS = {"utf8": _UTF8, "utf16le": _UTF16LE, "base64": _BASE64, "base64url": _BASE64}


def _as_bytes(buf: object) -> bytes | bytearray | memoryview:
    """A flat byte view of ``buf`` (Node: a Buffer, TypedArray or DataView)."""
    if type(buf) is bytes or type(buf) is bytearray:
        return buf
    if isinstance(buf, BufferNumericMixin):
        # A Buffer: on Python 3.11 it cannot export the buffer protocol, so use its view.
        return buf._mem
    try:
        view = memoryview(buf)  # type: ignore[arg-type]
    except TypeError:
        raise ERR_INVALID_ARG_TYPE("buf", ["Buffer", "TypedArray", "DataView"], buf) from None
    if view.format == "B" and view.ndim == 1 and view.c_contiguous:
        return view
    if view.c_contiguous:
        return view.cast("B")
    return memoryview(view.tobytes())


def _join(head: str, tail: str) -> str:
    """Concatenate as JS does: a high surrogate meeting a low one forms one character."""
    if head and tail and "\ud800" <= head[-1] <= "\udbff" and "\udc00" <= tail[0] <= "\udfff":
        pair = (head[-1] + tail[0]).encode("utf-16-le", "surrogatepass").decode("utf-16-le")
        return head[:-1] + pair + tail[1:]
    return head + tail


class StringDecoder:
    """Decode byte chunks to ``str``, holding back characters split across chunks.

    ``StringDecoder(encoding='utf8')`` accepts every encoding name Node does (any case,
    ``ucs2``, ``binary``, ...) and raises ``ERR_UNKNOWN_ENCODING`` otherwise. ``write(buf)``
    returns what can be decoded so far; ``end()`` flushes what is left, and the decoder can
    then be reused.
    """

    __slots__ = ("_buffered", "_chars", "_kind", "_missing", "encoding")

    encoding: str
    """Node's canonical name of the encoding (``'utf8'``, ``'utf16le'``, ``'latin1'``, ...)."""

    def __init__(self, encoding: str | None = "utf8") -> None:
        self.encoding = resolve_encoding(encoding)
        self._kind = _KINDS.get(self.encoding, _OTHER)
        # Node's native state: 4 bytes of incomplete character, bytes missing, bytes kept.
        self._chars = bytearray(4)
        self._missing = 0
        self._buffered = 0

    def __repr__(self) -> str:
        return f"StringDecoder(encoding={self.encoding!r})"

    @property
    def last_char(self) -> Buffer:
        """Node's ``lastChar``: the 4-byte scratch array holding the kept bytes (shared)."""
        from .buffer import Buffer

        return Buffer.from_(self._chars, 0, 4)

    @property
    def last_need(self) -> int:
        """Node's ``lastNeed``: how many more bytes the kept character needs."""
        return self._missing

    @property
    def last_total(self) -> int:
        """Node's ``lastTotal``: bytes kept plus bytes still needed."""
        return self._buffered + self._missing

    def write(self, buf: Buffer | _BytesLike | str) -> str:
        """Decode ``buf``, keeping back any incomplete character at its end for later.

        ``buf`` is a Buffer or any bytes-like object; a ``str`` is returned unchanged, as in
        Node. Anything else raises ``ERR_INVALID_ARG_TYPE``.
        """
        if isinstance(buf, str):
            return buf
        data = _as_bytes(buf)
        kind = self._kind
        if kind == _OTHER:
            return decode(data, self.encoding)
        size = len(data)
        start = 0
        head = ""
        chars = self._chars
        if self._missing:
            missing = self._missing
            buffered = self._buffered
            if kind == _UTF8:
                # A byte that is not a continuation byte ends the kept character early.
                for i in range(min(size, missing)):
                    if data[i] & 0xC0 != 0x80:
                        missing = 0
                        chars[buffered : buffered + i] = data[:i]
                        buffered += i
                        start = i
                        break
            take = min(size - start, missing)
            chars[buffered : buffered + take] = data[start : start + take]
            start += take
            missing -= take
            buffered += take
            if not missing:
                head = decode(chars[:buffered], self.encoding)
                buffered = 0
            self._missing = missing
            self._buffered = buffered
        if start == size:
            return head

        # Nothing is kept now; see whether the chunk ends inside a character.
        buffered = missing = 0
        if kind == _UTF8:
            if data[size - 1] & 0x80:
                i = size - 1
                while True:
                    buffered += 1
                    byte = data[i]
                    if byte & 0xC0 == 0x80:
                        if buffered >= 4 or i == start:
                            buffered = 0
                            break
                        i -= 1
                        continue
                    if byte & 0xE0 == 0xC0:
                        missing = 2
                    elif byte & 0xF0 == 0xE0:
                        missing = 3
                    elif byte & 0xF8 == 0xF0:
                        missing = 4
                    else:
                        buffered = 0
                        break
                    if buffered >= missing:
                        missing = buffered = 0
                    missing -= buffered
                    break
        elif kind == _UTF16LE:
            if (size - start) & 1:
                buffered = missing = 1
            elif data[size - 1] & 0xFC == 0xD8:
                buffered = missing = 2
        else:
            buffered = (size - start) % 3
            if buffered:
                missing = 3 - buffered
        end = size
        if buffered:
            end = size - buffered
            chars[:buffered] = data[end:]
            self._buffered = buffered
            self._missing = missing
        if end - start == size:
            body = decode(data, self.encoding)
        else:
            body = decode(data[start:end], self.encoding) if end > start else ""
        return _join(head, body) if head else body

    def end(self, buf: Buffer | _BytesLike | str | None = None) -> str:
        """Decode ``buf`` if given, then flush any kept bytes as they are (U+FFFD for a cut
        UTF-8 character, padding for base64), and reset the decoder for reuse."""
        text = "" if buf is None else self.write(buf)
        if self._buffered:
            text = _join(text, self._flush())
        return text

    def _flush(self) -> str:
        buffered = self._buffered
        if self._kind == _UTF16LE and buffered & 1:
            # A lone trailing byte of UTF-16 is dropped, as Node does.
            buffered -= 1
            self._buffered = buffered
            self._missing -= 1
        if not buffered:
            return ""
        text = decode(self._chars[:buffered], self.encoding)
        self._missing = self._buffered = 0
        return text
