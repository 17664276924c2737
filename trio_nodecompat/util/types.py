"""``util.types``: Node's brand checks, answered for the Python types that play each role.

Node's predicates ask "is this value of that built-in kind?" without trusting what the value
says about itself. The Python answer is an ``isinstance`` check against the built-in type that
plays the role (a ``dict`` is Python's ``Map``, a ``bytearray`` its ``ArrayBuffer``, a
``memoryview`` its ``DataView``, an exception its native ``Error``). Where Python has no such
kind (boxed primitives, ``Uint8ClampedArray``, crypto keys) the predicate exists and returns
``False``, so code ported from Node keeps working. Like Node's, the array-view brands are
disjoint: a value is a ``DataView`` or a typed array, never both. The full table is in the docs
(``docs/modules/util.types.rst``).
"""

from __future__ import annotations

import array
import datetime
import inspect
import mmap
import re
import sys
import types as _pytypes
import weakref

__all__ = [
    "is_any_array_buffer",
    "is_arguments_object",
    "is_array_buffer",
    "is_array_buffer_view",
    "is_async_function",
    "is_big_int_object",
    "is_big_int64_array",
    "is_big_uint64_array",
    "is_boolean_object",
    "is_boxed_primitive",
    "is_crypto_key",
    "is_data_view",
    "is_date",
    "is_external",
    "is_float32_array",
    "is_float64_array",
    "is_generator_function",
    "is_generator_object",
    "is_int16_array",
    "is_int32_array",
    "is_int8_array",
    "is_key_object",
    "is_map",
    "is_map_iterator",
    "is_module_namespace_object",
    "is_native_error",
    "is_number_object",
    "is_promise",
    "is_proxy",
    "is_regexp",
    "is_set",
    "is_set_iterator",
    "is_shared_array_buffer",
    "is_string_object",
    "is_symbol_object",
    "is_typed_array",
    "is_uint16_array",
    "is_uint32_array",
    "is_uint8_array",
    "is_uint8_clamped_array",
    "is_weak_map",
    "is_weak_set",
]

# --------------------------------------------------------------------------------------------
# The Python types behind the brands

#: ``types.CapsuleType`` (named only from Python 3.13): the type of a PyCapsule.
_CAPSULE: type = type(datetime.datetime_CAPI)
_MAP_ITERATORS: tuple[type, ...] = tuple(
    {
        type(iter({})),
        type(iter({}.values())),
        type(iter({}.items())),
        type(reversed({})),
        type(reversed({}.values())),
        type(reversed({}.items())),
        type({}.keys()),
        type({}.values()),
        type({}.items()),
    }
)
_SET_ITERATORS: tuple[type, ...] = (type(iter(set())),)
_PROXIES: tuple[type, ...] = tuple(weakref.ProxyTypes)

# array.array type codes and JS typed arrays: (kind, itemsize) -> brand.
_ARRAY_BRANDS: dict[tuple[str, int], str] = {
    ("i", 1): "Int8Array",
    ("u", 1): "Uint8Array",
    ("i", 2): "Int16Array",
    ("u", 2): "Uint16Array",
    ("i", 4): "Int32Array",
    ("u", 4): "Uint32Array",
    ("i", 8): "BigInt64Array",
    ("u", 8): "BigUint64Array",
    ("f", 4): "Float32Array",
    ("f", 8): "Float64Array",
}
_KIND = {
    "b": "i",
    "h": "i",
    "i": "i",
    "l": "i",
    "q": "i",
    "B": "u",
    "H": "u",
    "I": "u",
    "L": "u",
    "Q": "u",
    "f": "f",
    "d": "f",
}


_buffer_types: dict[type, bool] = {}


def _is_buffer_type(tp: type) -> bool:
    """Whether ``tp`` is (a subclass of) ``trio_nodecompat``'s ``Buffer``.

    Checked by name along the MRO so this module needs no import of ``buffer`` (which may
    import ``util``); a Buffer instance can only exist once its class is defined anyway.
    """
    known = _buffer_types.get(tp)
    if known is None:
        known = _buffer_types[tp] = any(
            k.__name__ == "Buffer" and k.__module__.startswith("trio_nodecompat")
            for k in tp.__mro__
        )
    return known


def _array_brand(value: object) -> str | None:
    """The typed-array brand of ``value``: ``'Uint8Array'`` for a Buffer, by type code for
    an ``array.array``; ``None`` for anything else."""
    if isinstance(value, array.array):
        kind = _KIND.get(value.typecode)
        if kind is None:  # 'u'/'w' (characters): no typed array holds text
            return None
        return _ARRAY_BRANDS.get((kind, value.itemsize))
    if _is_buffer_type(type(value)):
        return "Uint8Array"
    return None


# --------------------------------------------------------------------------------------------
# Predicates with a Python analogue


def is_external(value: object) -> bool:
    """A ``PyCapsule``: an opaque C pointer handed to Python, as a V8 ``External`` is."""
    return type(value) is _CAPSULE


def is_date(value: object) -> bool:
    """A :class:`datetime.date` (``datetime.datetime`` included), Python's ``Date``."""
    return isinstance(value, datetime.date)


def is_arguments_object(value: object) -> bool:
    """An :class:`inspect.BoundArguments`: the arguments of one call, as JS ``arguments``."""
    return isinstance(value, inspect.BoundArguments)


def is_native_error(value: object) -> bool:
    """An exception instance (any :class:`BaseException`), as a native ``Error`` is."""
    return isinstance(value, BaseException)


def is_regexp(value: object) -> bool:
    """A compiled :class:`re.Pattern`, Python's ``RegExp``."""
    return isinstance(value, re.Pattern)


def is_async_function(value: object) -> bool:
    """An ``async def`` function or async generator function (Node counts both).

    Wrappers :func:`inspect.iscoroutinefunction` sees through count too (bound methods,
    ``functools.partial``), so ``util.promisify`` results are async functions.
    """
    return inspect.iscoroutinefunction(value) or inspect.isasyncgenfunction(value)


def is_generator_function(value: object) -> bool:
    """A generator function or async generator function (Node counts both)."""
    return inspect.isgeneratorfunction(value) or inspect.isasyncgenfunction(value)


def is_generator_object(value: object) -> bool:
    """A generator or async generator object (Node counts both)."""
    return inspect.isgenerator(value) or inspect.isasyncgen(value)


def is_promise(value: object) -> bool:
    """A coroutine object, or an ``asyncio``/``concurrent.futures`` future.

    Calling a JS async function gives a Promise; calling an ``async def`` function gives a
    coroutine, Python's pending-result object. Other awaitables are "thenables" and, as in
    Node, do not carry the brand.
    """
    if inspect.iscoroutine(value):
        return True
    for module_name in ("asyncio", "concurrent.futures"):
        module = sys.modules.get(module_name)
        if module is not None and isinstance(value, module.Future):
            return True
    return False


def is_map(value: object) -> bool:
    """A ``dict`` (subclasses included): Python's ``Map``."""
    return isinstance(value, dict)


def is_set(value: object) -> bool:
    """A ``set`` or ``frozenset``: Python's ``Set``."""
    return isinstance(value, set | frozenset)


def is_map_iterator(value: object) -> bool:
    """A dict view (``d.keys()``, ``d.values()``, ``d.items()``) or an iterator over a dict.

    Where JS writes ``map.keys()`` Python writes ``d.keys()``, which gives a view, so views
    carry the brand along with the iterators proper.
    """
    return isinstance(value, _MAP_ITERATORS)


def is_set_iterator(value: object) -> bool:
    """An iterator over a ``set`` or ``frozenset``."""
    return isinstance(value, _SET_ITERATORS)


def is_weak_map(value: object) -> bool:
    """A :class:`weakref.WeakKeyDictionary`, which holds its keys weakly as a ``WeakMap``."""
    return isinstance(value, weakref.WeakKeyDictionary)


def is_weak_set(value: object) -> bool:
    """A :class:`weakref.WeakSet`."""
    return isinstance(value, weakref.WeakSet)


def is_array_buffer(value: object) -> bool:
    """A ``bytearray``: Python's fixed store of bytes that views share (``ArrayBuffer``)."""
    return isinstance(value, bytearray)


def is_shared_array_buffer(value: object) -> bool:
    """An :class:`mmap.mmap`: memory that can be shared between processes."""
    return isinstance(value, mmap.mmap)


def is_any_array_buffer(value: object) -> bool:
    """A ``bytearray`` or an :class:`mmap.mmap` (``ArrayBuffer`` or ``SharedArrayBuffer``)."""
    return isinstance(value, bytearray | mmap.mmap)


def is_data_view(value: object) -> bool:
    """A ``memoryview``: Python's untyped view over a buffer (``DataView``).

    Its typed reads are ``memoryview.cast`` and :mod:`struct`; it is never a typed array
    here, so the brands stay disjoint as in Node.
    """
    return isinstance(value, memoryview)


def is_array_buffer_view(value: object) -> bool:
    """A view over a buffer: a ``Buffer``, a ``memoryview`` or an :class:`array.array`.

    ``bytes`` and ``bytearray`` are stores, not views (``bytearray`` is the
    ``ArrayBuffer``), so they are not.
    """
    return isinstance(value, memoryview | array.array) or _is_buffer_type(type(value))


def is_typed_array(value: object) -> bool:
    """A ``Buffer`` or a numeric :class:`array.array` (``'b'`` … ``'d'``)."""
    return _array_brand(value) is not None


def is_uint8_array(value: object) -> bool:
    """A ``Buffer`` (a ``Uint8Array`` in Node too) or an ``array.array('B')``."""
    return _array_brand(value) == "Uint8Array"


def is_uint16_array(value: object) -> bool:
    """An unsigned 16-bit ``array.array`` (``'H'``)."""
    return _array_brand(value) == "Uint16Array"


def is_uint32_array(value: object) -> bool:
    """An unsigned 32-bit ``array.array`` (``'I'``, and ``'L'`` where it is 4 bytes)."""
    return _array_brand(value) == "Uint32Array"


def is_int8_array(value: object) -> bool:
    """A signed 8-bit ``array.array`` (``'b'``)."""
    return _array_brand(value) == "Int8Array"


def is_int16_array(value: object) -> bool:
    """A signed 16-bit ``array.array`` (``'h'``)."""
    return _array_brand(value) == "Int16Array"


def is_int32_array(value: object) -> bool:
    """A signed 32-bit ``array.array`` (``'i'``, and ``'l'`` where it is 4 bytes)."""
    return _array_brand(value) == "Int32Array"


def is_float32_array(value: object) -> bool:
    """A 32-bit float ``array.array`` (``'f'``)."""
    return _array_brand(value) == "Float32Array"


def is_float64_array(value: object) -> bool:
    """A 64-bit float ``array.array`` (``'d'``)."""
    return _array_brand(value) == "Float64Array"


def is_big_int64_array(value: object) -> bool:
    """A signed 64-bit ``array.array`` (``'q'``, and ``'l'`` where it is 8 bytes)."""
    return _array_brand(value) == "BigInt64Array"


def is_big_uint64_array(value: object) -> bool:
    """An unsigned 64-bit ``array.array`` (``'Q'``, and ``'L'`` where it is 8 bytes)."""
    return _array_brand(value) == "BigUint64Array"


def is_proxy(value: object) -> bool:
    """A :func:`weakref.proxy` object, Python's built-in transparent proxy."""
    return isinstance(value, _PROXIES)


def is_module_namespace_object(value: object) -> bool:
    """A module object (:class:`types.ModuleType`), as an ES module namespace is."""
    return isinstance(value, _pytypes.ModuleType)


# --------------------------------------------------------------------------------------------
# Predicates without a Python analogue: Python has no boxed primitives (``int``, ``str``,
# ``bool`` values are already objects and cannot be wrapped), no clamped byte arrays, and no
# ``node:crypto`` keys in this package. They exist so ported code runs, and answer ``False``.


def is_boxed_primitive(value: object) -> bool:
    """Always ``False``: Python has no boxed primitives (``new Number(1)`` has no analogue)."""
    return False


def is_number_object(value: object) -> bool:
    """Always ``False``: Python has no boxed numbers."""
    return False


def is_string_object(value: object) -> bool:
    """Always ``False``: Python has no boxed strings."""
    return False


def is_boolean_object(value: object) -> bool:
    """Always ``False``: Python has no boxed booleans."""
    return False


def is_big_int_object(value: object) -> bool:
    """Always ``False``: Python has no boxed big integers."""
    return False


def is_symbol_object(value: object) -> bool:
    """Always ``False``: Python has neither symbols nor boxed symbols."""
    return False


def is_uint8_clamped_array(value: object) -> bool:
    """Always ``False``: no Python array type clamps on store."""
    return False


def is_key_object(value: object) -> bool:
    """Always ``False``: ``node:crypto`` is outside this package."""
    return False


def is_crypto_key(value: object) -> bool:
    """Always ``False``: Web Crypto is outside this package."""
    return False
