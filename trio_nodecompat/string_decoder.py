"""``node:string_decoder``: decode byte chunks to text without splitting characters.

``StringDecoder(encoding)`` keeps the bytes of a character cut at a chunk boundary until the
next ``write`` completes it, exactly as Node does for every encoding Node knows. See
:doc:`/modules/string_decoder` for the Node -> Python mapping.
"""

from __future__ import annotations

from ._string_decoder import StringDecoder

__all__ = ["StringDecoder"]
