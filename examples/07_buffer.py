"""Buffer: encodings, and a Buffer is a window on shared bytes.

Port of the article's ``07-buffer.mjs``. ``Buffer.from_`` encodes a string, ``to_string``
decodes in any of Node's encodings, and ``subarray`` is a view, not a copy: filling the view
changes the original, as it does in Node. (Node's ``buf instanceof Uint8Array`` becomes
``Buffer.is_buffer(buf)``; on Python 3.12+ a Buffer is also a real bytes-like object.)
"""

from __future__ import annotations

from trio_nodecompat.buffer import Buffer


def main() -> None:
    buf = Buffer.from_("hello world", "utf8")
    print(buf.to_string("hex"))
    print(buf.to_string("base64"))
    print(Buffer.is_buffer(buf), buf.length)
    print(Buffer.from_("68656c6c6f", "hex").to_string())
    view = buf.subarray(0, 5)
    view.fill("j", 0, 1)
    print(buf.to_string())
    print(buf.read_uint32_be(0), buf.index_of("world"))


if __name__ == "__main__":
    main()
