"""Node's random-number functions on the operating system's CSPRNG (``os.urandom``, ``secrets``).

What counts as what (Node's value kinds, this package's Python types):

- ``ArrayBuffer``: ``bytearray`` (and ``mmap.mmap``, Node's ``SharedArrayBuffer``);
- ``ArrayBufferView``: a :class:`~trio_nodecompat.buffer.Buffer`, a writable ``memoryview``
  (``DataView``) or an :class:`array.array` (a typed array: offsets and sizes count its
  items, as Node counts ``BYTES_PER_ELEMENT``);
- an integer typed array (``get_random_values``): a Buffer or an ``array.array`` of an
  integer type code (``b B h H i I l L q Q``). ``bytes`` is immutable, so it is none of these.

The callback forms run the system call in a worker thread through the loop
(``crypto._offload``); the sync forms call it directly, as Node's sync forms block.
"""

from __future__ import annotations

import array
import math
import os
import secrets
from collections.abc import Callable
from typing import Any, Final, TypeVar

from .._buffer import Buffer
from .._internal.validators import (
    MAX_SAFE_INTEGER,
    is_number,
    validate_boolean,
    validate_function,
    validate_number,
)
from ..errors import (
    ERR_INVALID_ARG_TYPE,
    ERR_OUT_OF_RANGE,
    QuotaExceededError,
    TypeMismatchError,
)
from ..util.types import _array_brand
from ._entropy import MAX_CACHED as _MAX_CACHED
from ._entropy import draw as _cached_bytes
from ._offload import Job, promisified_by, run, start

__all__ = [
    "get_random_values",
    "random_bytes",
    "random_fill",
    "random_fill_sync",
    "random_int",
    "random_uuid",
]

B = TypeVar("B")

#: Node's ``kMaxPossibleLength``: the largest size one call fills (V8's int32 limit here).
MAX_POSSIBLE_LENGTH: Final = 2**31 - 1
#: The largest range ``random_int`` draws from: six random bytes.
RAND_MAX: Final = 0xFFFF_FFFF_FFFF
#: Web Crypto's quota for one ``getRandomValues`` call.
_QUOTA: Final = 65536

_urandom: Final = os.urandom
_own: Final = Buffer._own


# --------------------------------------------------------------------------------------------
# Sizes and offsets (Node's assertSize / assertOffset)


def _assert_offset(offset: object, element_size: int, length: int) -> int:
    value = validate_number(offset, "offset") * element_size
    max_length = min(length, MAX_POSSIBLE_LENGTH)
    if math.isnan(value) or value > max_length or value < 0:
        raise ERR_OUT_OF_RANGE("offset", f">= 0 && <= {max_length}", value)
    return int(value)


def _assert_size(size: object, element_size: int, offset: int, length: float) -> int:
    value = validate_number(size, "size") * element_size
    if math.isnan(value) or value > MAX_POSSIBLE_LENGTH or value < 0:
        raise ERR_OUT_OF_RANGE("size", f">= 0 && <= {MAX_POSSIBLE_LENGTH}", value)
    if value + offset > length:
        raise ERR_OUT_OF_RANGE("size + offset", f"<= {_plain(length)}", value + offset)
    return int(value)


def _plain(number: float) -> str:
    return str(int(number)) if number == int(number) else str(number)


def _writable_view(buf: object) -> tuple[memoryview, int] | None:
    """The writable byte view of an ArrayBuffer or ArrayBufferView, and its element size."""
    if isinstance(buf, Buffer):
        return buf._mem, 1
    if isinstance(buf, array.array):
        return memoryview(buf).cast("B"), buf.itemsize
    if isinstance(buf, bytes | str):
        return None
    try:
        mem = memoryview(buf)  # type: ignore[arg-type]
    except TypeError:
        return None
    if mem.readonly or not mem.c_contiguous:
        return None
    return (mem if mem.format == "B" and mem.ndim == 1 else mem.cast("B")), 1


def _fill_target(buf: object) -> tuple[memoryview, int]:
    found = _writable_view(buf)
    if found is None:
        raise ERR_INVALID_ARG_TYPE("buf", ["ArrayBuffer", "ArrayBufferView"], buf)
    return found


# --------------------------------------------------------------------------------------------
# random_bytes


def _prepare_random_bytes(size: object) -> Job[bytes, Buffer]:
    count = _assert_size(size, 1, 0, math.inf)
    return Job(lambda: _urandom(count), _own)


async def _random_bytes_async(size: int) -> Buffer:
    """``await util.promisify(random_bytes)(size)``: cancellable; a Buffer of ``size`` bytes."""
    return await run(_prepare_random_bytes(size))


@promisified_by(_random_bytes_async)
def random_bytes(size: int, callback: Callable[..., object] | None = None) -> Any:
    """Node's ``crypto.randomBytes(size[, callback])``: ``size`` random bytes as a Buffer.

    Without ``callback`` the Buffer is returned. With one, the bytes are drawn in a worker
    thread and ``callback(None, buf)`` runs on the current loop in the caller's context
    (``util.promisify(random_bytes)`` gives a cancellable ``async`` form). ``size`` must be a
    number in ``[0, 2**31 - 1]`` (a fraction is truncated, as Node does). A size below 1 calls
    back at once, synchronously, as Node does. Up to 256 bytes without ``callback`` come from
    the entropy cache (``crypto._entropy``: bytes of ``os.urandom`` fetched 4 KiB at a time,
    each handed out once, dropped in a forked child); the rest from ``os.urandom`` directly.
    """
    if callback is None and type(size) is int and 0 <= size <= MAX_POSSIBLE_LENGTH:
        return _own(_cached_bytes(size) if size <= _MAX_CACHED else _urandom(size))
    job = _prepare_random_bytes(size)
    if callback is None:
        return job.finish(job.work())
    validate_function(callback, "callback")
    if int(size) == 0:  # validated above: a number in [0, 2**31 - 1]
        # Node's randomBytes is a randomFill, which calls back at once for zero bytes.
        callback(None, _own(b""))
        return None
    start("crypto.random_bytes()", job, callback)
    return None


# --------------------------------------------------------------------------------------------
# random_fill_sync / random_fill


def _fill_range(buf: object, offset: object, size: object) -> tuple[memoryview, int, int]:
    view, element_size = _fill_target(buf)
    length = len(view)
    start_at = _assert_offset(offset, element_size, length)
    count = (
        length - start_at if size is None else _assert_size(size, element_size, start_at, length)
    )
    return view, start_at, count


def random_fill_sync(buf: B, offset: int = 0, size: int | None = None) -> B:
    """Node's ``crypto.randomFillSync(buf[, offset[, size]])``: fill with random bytes in place.

    ``buf`` is a ``bytearray``, Buffer, writable ``memoryview`` or ``array.array`` (offset and
    size count its items); returns ``buf``.
    """
    view, start_at, count = _fill_range(buf, offset, size)
    if count:
        view[start_at : start_at + count] = _urandom(count)
    return buf


def _prepare_random_fill(buf: B, offset: object, size: object) -> tuple[Job[bytes, B], int]:
    view, start_at, count = _fill_range(buf, offset, size)

    def write(data: bytes) -> B:
        # On the Trio thread, and only if the job was not cancelled.
        view[start_at : start_at + count] = data
        return buf

    return Job(lambda: _urandom(count), write), count


async def _random_fill_async(buf: B, offset: int = 0, size: int | None = None) -> B:
    """``await util.promisify(random_fill)(buf, offset=0, size=None)``: cancellable.

    A cancelled call leaves ``buf`` untouched: the bytes are written on the Trio thread after
    the worker returns.
    """
    return await run(_prepare_random_fill(buf, offset, size)[0])


@promisified_by(_random_fill_async)
def random_fill(
    buf: B,
    offset: int | Callable[..., object] = 0,
    size: int | Callable[..., object] | None = None,
    callback: Callable[..., object] | None = None,
) -> None:
    """Node's ``crypto.randomFill(buf[, offset[, size]], callback)``.

    As :func:`random_fill_sync`, with the bytes drawn in a worker thread and
    ``callback(None, buf)`` called on the current loop, in the caller's context. The callback
    may take the place of ``offset`` or ``size``, as in Node. A fill of zero bytes calls back at
    once, synchronously, as Node does.
    """
    view, element_size = _fill_target(buf)
    if callable(offset):
        callback = offset
        offset = 0
        size = len(view) // element_size
    elif callable(size):
        callback = size
        size = len(view) // element_size - offset if is_number(offset) else None
    else:
        validate_function(callback, "callback")
    assert callback is not None
    job, count = _prepare_random_fill(buf, offset, size)
    if not count:
        callback(None, buf)
        return
    start("crypto.random_fill()", job, callback)


# --------------------------------------------------------------------------------------------
# random_int


def _is_safe_integer(value: object) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return -MAX_SAFE_INTEGER <= value <= MAX_SAFE_INTEGER
    return (
        isinstance(value, float)
        and value.is_integer()
        and -MAX_SAFE_INTEGER <= value <= MAX_SAFE_INTEGER
    )


def _check_range(low: object, high: object, min_given: bool) -> tuple[int, int]:
    if not _is_safe_integer(low):
        raise ERR_INVALID_ARG_TYPE("min", "a safe integer", low)
    if not _is_safe_integer(high):
        raise ERR_INVALID_ARG_TYPE("max", "a safe integer", high)
    lo = int(low)  # type: ignore[call-overload]
    hi = int(high)  # type: ignore[call-overload]
    if hi <= lo:
        raise ERR_OUT_OF_RANGE("max", f'greater than the value of "min" ({lo})', hi)
    span = hi - lo
    if not span <= RAND_MAX:
        raise ERR_OUT_OF_RANGE("max - min" if min_given else "max", f"<= {RAND_MAX}", span)
    return lo, span


def _draw(low: int, span: int) -> int:
    # secrets.randbelow draws uniformly (rejection sampling): no modulo bias.
    return low + secrets.randbelow(span)


async def _random_int_async(min: int, max: int | None = None) -> int:
    """``await util.promisify(random_int)([min, ]max)``: cancellable."""
    low, span = _check_range(0, min, False) if max is None else _check_range(min, max, True)
    return await run(Job(lambda: _draw(low, span)))


@promisified_by(_random_int_async)
def random_int(
    min: int,
    max: int | Callable[..., object] | None = None,
    callback: Callable[..., object] | None = None,
) -> Any:
    """Node's ``crypto.randomInt([min, ]max[, callback])``: a uniform integer in ``[min, max)``.

    ``random_int(max)`` draws from ``[0, max)``. Both bounds must be safe integers
    (``ERR_INVALID_ARG_TYPE``), ``max > min`` and ``max - min <= 2**48 - 1``
    (``ERR_OUT_OF_RANGE``), Node's rules and messages. The draw is unbiased
    (:func:`secrets.randbelow`). With ``callback``, ``callback(None, n)`` runs on the current
    loop in the caller's context.
    """
    min_given = not (max is None or callable(max))
    if not min_given:
        callback = max  # type: ignore[assignment]
        max = min
        min = 0
    if callback is not None:
        validate_function(callback, "callback")
    low, span = _check_range(min, max, min_given)
    if callback is None:
        return _draw(low, span)
    start("crypto.random_int()", Job(lambda: _draw(low, span)), callback)
    return None


# --------------------------------------------------------------------------------------------
# random_uuid, get_random_values


def random_uuid(*, disable_entropy_cache: bool = False) -> str:
    """Node's ``crypto.randomUUID([options])``: a random RFC 4122 version 4 UUID string.

    The bytes come from the entropy cache (``crypto._entropy``, refilled 4 KiB at a time, as
    Node caches entropy for 128 UUIDs) unless ``disable_entropy_cache=True``; a process made by
    ``os.fork`` starts with an empty cache, so it never repeats its parent's UUIDs.
    """
    if disable_entropy_cache is not False:
        validate_boolean(disable_entropy_cache, "options.disableEntropyCache")
    raw = bytearray(_urandom(16)) if disable_entropy_cache else _cached_bytes(16)
    raw[6] = (raw[6] & 0x0F) | 0x40
    raw[8] = (raw[8] & 0x3F) | 0x80
    h = raw.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


_NOT_INTEGER_ARRAYS: Final = frozenset({None, "Float32Array", "Float64Array"})


def get_random_values(typed_array: B) -> B:
    """Web Crypto's ``crypto.getRandomValues(typedArray)``: fill an integer typed array.

    ``typed_array`` is a Buffer or an ``array.array`` of an integer type code; anything else
    (floats, ``memoryview`` = ``DataView``, ``bytearray`` = ``ArrayBuffer``) is a
    :class:`~trio_nodecompat.errors.TypeMismatchError`; more than 65,536 bytes is a
    :class:`~trio_nodecompat.errors.QuotaExceededError` (Node's DOMExceptions). Returns it.
    """
    if _array_brand(typed_array) in _NOT_INTEGER_ARRAYS:
        raise TypeMismatchError("The data argument must be an integer-type TypedArray")
    view, _ = _fill_target(typed_array)
    if len(view) > _QUOTA:
        raise QuotaExceededError("The requested length exceeds 65,536 bytes")
    view[:] = _urandom(len(view))
    return typed_array
