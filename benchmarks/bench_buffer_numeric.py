"""Buffer's numeric methods and StringDecoder against the floor Python allows.

- ``buf.read_uint32_le(off)`` against ``struct.unpack_from('<I', data, off)`` on a bytearray:
  the SPEC target is at most 2x. ``write_uint32_le`` and ``read_double_le`` are reported
  against ``struct.pack_into``/``struct.unpack_from`` the same way.
- ``StringDecoder.write`` over 1 MiB of UTF-8 text (one byte in four non-ASCII, so chunk
  boundaries cut characters) in 4 KiB chunks, plus ``end()``, against one
  ``bytes.decode('utf-8')`` of the whole: reported.

Each timed callable makes ``CALLS`` calls written the way user code writes them (attribute
lookup included on both sides), over offsets that vary, so the loop's own cost is shared.

Run: ``.venv/bin/python -m benchmarks.bench_buffer_numeric`` (``--quick`` for a short run).
"""

from __future__ import annotations

import struct
import sys

from benchmarks._harness import Result, compare
from trio_nodecompat.buffer import Buffer
from trio_nodecompat.string_decoder import StringDecoder

CALLS = 100
_OFFSETS = [(i * 37) % 1000 for i in range(CALLS)]


def _numeric_rows(quick: bool) -> list[Result]:
    data = bytearray(range(256)) * 4
    buf = Buffer.from_(bytes(data))
    offsets = _OFFSETS

    def ours_read_u32() -> None:
        for off in offsets:
            buf.read_uint32_le(off)

    def floor_read_u32() -> None:
        for off in offsets:
            struct.unpack_from("<I", data, off)

    def ours_write_u32() -> None:
        for off in offsets:
            buf.write_uint32_le(0xDEADBEEF, off)

    def floor_write_u32() -> None:
        for off in offsets:
            struct.pack_into("<I", data, off, 0xDEADBEEF)

    def ours_read_f64() -> None:
        for off in offsets:
            buf.read_double_le(off)

    def floor_read_f64() -> None:
        for off in offsets:
            struct.unpack_from("<d", data, off)

    return [
        compare(
            "buffer",
            "buf.read_uint32_le(off)",
            ours_read_u32,
            "struct.unpack_from('<I')",
            floor_read_u32,
            target="<= 2x",
            max_ratio=2.0,
            quick=quick,
        ),
        compare(
            "buffer",
            "buf.write_uint32_le(v, off)",
            ours_write_u32,
            "struct.pack_into('<I')",
            floor_write_u32,
            quick=quick,
        ),
        compare(
            "buffer",
            "buf.read_double_le(off)",
            ours_read_f64,
            "struct.unpack_from('<d')",
            floor_read_f64,
            quick=quick,
        ),
    ]


def _decoder_row(quick: bool) -> Result:
    text = ("trio, nodecompat — naïve café 😀 " * 40000)[: 1 << 20]
    data = text.encode()[: 1 << 20]
    chunks = [data[i : i + 4096] for i in range(0, len(data), 4096)]
    expected = data.decode("utf-8", "replace")

    def ours() -> None:
        decoder = StringDecoder("utf8")
        parts = [decoder.write(chunk) for chunk in chunks]
        parts.append(decoder.end())

    def floor() -> None:
        data.decode("utf-8")

    decoder = StringDecoder("utf8")
    assert "".join([*(decoder.write(c) for c in chunks), decoder.end()]) == expected
    return compare(
        "string_decoder",
        "StringDecoder.write, 1 MiB utf8 in 4 KiB chunks",
        ours,
        "bytes.decode of the whole",
        floor,
        quick=quick,
    )


def run(quick: bool = False) -> list[Result]:
    """One row per speed target of the numeric methods and StringDecoder."""
    return [*_numeric_rows(quick), _decoder_row(quick)]


if __name__ == "__main__":
    for row in run(quick="--quick" in sys.argv):
        verdict = "-" if row.met is None else ("met" if row.met else "MISSED")
        print(
            f"{row.operation:52} {row.ours_s * 1e6:10.2f} µs  vs {row.baseline:28} "
            f"{row.baseline_s * 1e6:10.2f} µs  ratio {row.ratio:5.2f}x  {row.target:7} {verdict}"
        )
