"""util.types: one row per Node predicate, after Node's test-util-types.js.

Node's test builds one value of each kind and checks that its predicate says yes and every
other predicate says no (array predicates aside for buffers and views). The Python values are
the analogues in the mapping table of docs/modules/util.types.rst.
"""

from __future__ import annotations

import array
import asyncio
import concurrent.futures
import datetime
import inspect
import mmap
import re
import subprocess
import sys
import weakref
from collections import OrderedDict, defaultdict
from pathlib import Path
from typing import Any

import pytest

from trio_nodecompat.buffer import Buffer
from trio_nodecompat.util import promisify, types

NODE_PREDICATES = [
    "isExternal",
    "isDate",
    "isArgumentsObject",
    "isBigIntObject",
    "isBooleanObject",
    "isNumberObject",
    "isStringObject",
    "isSymbolObject",
    "isNativeError",
    "isRegExp",
    "isAsyncFunction",
    "isGeneratorFunction",
    "isGeneratorObject",
    "isPromise",
    "isMap",
    "isSet",
    "isMapIterator",
    "isSetIterator",
    "isWeakMap",
    "isWeakSet",
    "isArrayBuffer",
    "isDataView",
    "isSharedArrayBuffer",
    "isProxy",
    "isModuleNamespaceObject",
    "isAnyArrayBuffer",
    "isBoxedPrimitive",
    "isArrayBufferView",
    "isTypedArray",
    "isUint8Array",
    "isUint8ClampedArray",
    "isUint16Array",
    "isUint32Array",
    "isInt8Array",
    "isInt16Array",
    "isInt32Array",
    "isFloat32Array",
    "isFloat64Array",
    "isBigInt64Array",
    "isBigUint64Array",
    "isKeyObject",
    "isCryptoKey",
]


def snake(name: str) -> str:
    """Node's name in this package's spelling (SPEC section 2)."""
    fixed = {
        "isRegExp": "is_regexp",
        "isBigIntObject": "is_big_int_object",
        "isBigInt64Array": "is_big_int64_array",
        "isBigUint64Array": "is_big_uint64_array",
    }
    if name in fixed:
        return fixed[name]
    out = re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()
    return out.replace("uint_", "uint").replace("int_", "int").replace("float_", "float")


def test_every_node_predicate_exists_and_nothing_more() -> None:
    assert sorted(snake(n) for n in NODE_PREDICATES) == sorted(types.__all__)
    for name in types.__all__:
        assert callable(getattr(types, name))


def test_node_list_is_the_one_node_has() -> None:
    node = subprocess.run(
        ["node", "-e", "console.log(Object.keys(require('util').types).join(' '))"],
        capture_output=True,
        text=True,
        check=False,
    )
    if node.returncode != 0:  # pragma: no cover - node absent
        pytest.skip("node is not installed")
    assert sorted(node.stdout.split()) == sorted(NODE_PREDICATES)


def _arguments(*args: object) -> inspect.BoundArguments:
    return inspect.signature(_arguments).bind(*args)


async def _coroutine_function() -> None:
    pass


def _generator_function() -> Any:
    yield 1


async def _async_generator_function() -> Any:
    yield 1


class _Referent:
    pass


_referent = _Referent()


def _buffer() -> Buffer:
    return Buffer.from_("hello world")


def _coroutine() -> Any:
    coro = _coroutine_function()
    return coro


def _rows() -> list[tuple[str, Any, str]]:
    """(id, value factory, predicate): one per row of the mapping table."""
    return [
        ("capsule", lambda: datetime.datetime_CAPI, "is_external"),
        ("date", lambda: datetime.date(2024, 1, 1), "is_date"),
        ("datetime", lambda: datetime.datetime.now(), "is_date"),
        ("bound-arguments", lambda: _arguments(1, 2), "is_arguments_object"),
        ("exception", lambda: ValueError("x"), "is_native_error"),
        ("base-exception", lambda: KeyboardInterrupt(), "is_native_error"),
        ("pattern", lambda: re.compile("x"), "is_regexp"),
        ("async-def", lambda: _coroutine_function, "is_async_function"),
        ("promisified", lambda: promisify(lambda cb: cb()), "is_async_function"),
        ("generator-function", lambda: _generator_function, "is_generator_function"),
        ("generator", lambda: _generator_function(), "is_generator_object"),
        ("future", lambda: concurrent.futures.Future(), "is_promise"),
        ("dict", lambda: {}, "is_map"),
        ("ordered-dict", lambda: OrderedDict(), "is_map"),
        ("defaultdict", lambda: defaultdict(int), "is_map"),
        ("set", lambda: set(), "is_set"),
        ("frozenset", lambda: frozenset(), "is_set"),
        ("dict-keys", lambda: {}.keys(), "is_map_iterator"),
        ("dict-items-iter", lambda: iter({1: 2}.items()), "is_map_iterator"),
        ("dict-iter", lambda: iter({}), "is_map_iterator"),
        ("set-iter", lambda: iter(set()), "is_set_iterator"),
        ("frozenset-iter", lambda: iter(frozenset()), "is_set_iterator"),
        ("weak-key-dict", lambda: weakref.WeakKeyDictionary(), "is_weak_map"),
        ("weak-set", lambda: weakref.WeakSet(), "is_weak_set"),
        ("bytearray", lambda: bytearray(), "is_array_buffer"),
        ("mmap", lambda: mmap.mmap(-1, 16), "is_shared_array_buffer"),
        ("memoryview", lambda: memoryview(bytearray(16)), "is_data_view"),
        ("array-B", lambda: array.array("B"), "is_uint8_array"),
        ("array-H", lambda: array.array("H"), "is_uint16_array"),
        ("array-I", lambda: array.array("I"), "is_uint32_array"),
        ("array-b", lambda: array.array("b"), "is_int8_array"),
        ("array-h", lambda: array.array("h"), "is_int16_array"),
        ("array-i", lambda: array.array("i"), "is_int32_array"),
        ("array-f", lambda: array.array("f"), "is_float32_array"),
        ("array-d", lambda: array.array("d"), "is_float64_array"),
        ("array-q", lambda: array.array("q"), "is_big_int64_array"),
        ("array-Q", lambda: array.array("Q"), "is_big_uint64_array"),
        ("buffer", _buffer, "is_uint8_array"),
        ("weak-proxy", lambda: weakref.proxy(_referent), "is_proxy"),
        ("module", lambda: sys, "is_module_namespace_object"),
    ]


ROWS = _rows()


def _matches(value: object) -> set[str]:
    skip_arrays = types.is_array_buffer_view(value) or types.is_any_array_buffer(value)
    found = set()
    for name in types.__all__:
        if name == "is_boxed_primitive":
            continue
        if skip_arrays and "array" in name:
            continue
        if getattr(types, name)(value):
            found.add(name)
    return found


@pytest.mark.parametrize(("factory", "method"), [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_value_matches_its_predicate_and_no_other(factory: Any, method: str) -> None:
    value = factory()
    try:
        assert getattr(types, method)(value), f"want {value!r} to match {method}"
        # Array predicates are skipped for buffers and views (as in Node's test).
        expected = set() if "array" in method else {method}
        assert _matches(value) == expected
    finally:
        if isinstance(value, mmap.mmap):
            value.close()


async def test_coroutine_and_asyncio_future_are_promises() -> None:
    coro = _coroutine()
    try:
        assert types.is_promise(coro)
        assert _matches(coro) == {"is_promise"}
    finally:
        coro.close()
    loop = asyncio.new_event_loop()
    try:
        fut = loop.create_future()
        assert types.is_promise(fut)
    finally:
        loop.close()


async def test_async_generator_counts_as_both_kinds_as_in_node() -> None:
    assert types.is_async_function(_async_generator_function)
    assert types.is_generator_function(_async_generator_function)
    agen = _async_generator_function()
    assert types.is_generator_object(agen)
    await agen.aclose()


def test_typed_array_brands_by_itemsize() -> None:
    long_kind = {4: "is_int32_array", 8: "is_big_int64_array"}[array.array("l").itemsize]
    assert getattr(types, long_kind)(array.array("l"))
    ulong_kind = {4: "is_uint32_array", 8: "is_big_uint64_array"}[array.array("L").itemsize]
    assert getattr(types, ulong_kind)(array.array("L"))
    text_code = "w" if sys.version_info >= (3, 13) else "u"  # 'u' is deprecated in 3.13
    assert not types.is_typed_array(array.array(text_code))
    assert types.is_array_buffer_view(array.array(text_code))


def test_array_family_relations() -> None:
    for code in "bBhHiIlLqQfd":
        a = array.array(code)
        assert types.is_typed_array(a)
        assert types.is_array_buffer_view(a)
        assert not types.is_any_array_buffer(a)
        assert not types.is_data_view(a)
    view = memoryview(b"abc")
    assert types.is_array_buffer_view(view)
    assert not types.is_typed_array(view)
    assert types.is_any_array_buffer(bytearray(4))
    assert not types.is_array_buffer_view(bytearray(4))
    assert not types.is_array_buffer(mmap.mmap(-1, 1))


def test_buffer_is_a_uint8_array_view() -> None:
    buf = _buffer()
    assert types.is_uint8_array(buf)
    assert types.is_typed_array(buf)
    assert types.is_array_buffer_view(buf)
    assert not types.is_data_view(buf)
    assert not types.is_any_array_buffer(buf)


def test_buffer_brand_goes_by_class_not_name_alone() -> None:
    class Buffer:  # a user class of the same name is not Node's Buffer
        pass

    assert not types.is_uint8_array(Buffer())
    assert not types.is_array_buffer_view(Buffer())


@pytest.mark.parametrize(
    "value", [1, 1.5, True, "s", b"bytes", None, [], (), object(), 10**30, complex(1, 2)]
)
def test_plain_values_match_nothing(value: object) -> None:
    assert _matches(value) == set()
    assert not types.is_boxed_primitive(value)


@pytest.mark.parametrize(
    "name",
    [
        "is_boxed_primitive",
        "is_number_object",
        "is_string_object",
        "is_boolean_object",
        "is_big_int_object",
        "is_symbol_object",
        "is_uint8_clamped_array",
        "is_key_object",
        "is_crypto_key",
    ],
)
def test_predicates_without_python_analogue_say_no(name: str) -> None:
    for value in [0, "", False, 10**20, object(), bytearray(1), array.array("B", [255])]:
        assert getattr(types, name)(value) is False


def test_look_alike_objects_do_not_carry_brands() -> None:
    """Node: ``{ [Symbol.toStringTag]: 'Uint8Array' }`` is not a Uint8Array."""

    class FakeArray:
        typecode = "B"
        itemsize = 1
        __class_getitem__ = None

    class FakeError:
        args = ("x",)

    assert not types.is_uint8_array(FakeArray())
    assert not types.is_native_error(FakeError())
    assert not types.is_date("2024-01-01")
    assert not types.is_regexp("x")
    assert not types.is_async_function(lambda: _coroutine_function)


def test_subclasses_keep_the_brand() -> None:
    class MyDict(dict):  # type: ignore[type-arg]
        pass

    class MyError(Exception):
        pass

    class MyArray(array.array):  # type: ignore[type-arg]
        pass

    assert types.is_map(MyDict())
    assert types.is_native_error(MyError())
    assert types.is_float64_array(MyArray("d"))


def test_article_example_10() -> None:
    """The article's examples, with the Python analogues named in SPEC section 8."""
    assert types.is_any_array_buffer(bytearray()) is True  # new ArrayBuffer()
    with mmap.mmap(-1, 16) as shared:
        assert types.is_any_array_buffer(shared) is True  # new SharedArrayBuffer()
    assert types.is_array_buffer_view(array.array("b")) is True  # new Int8Array()
    assert types.is_array_buffer_view(_buffer()) is True  # Buffer.from('hello world')
    assert types.is_array_buffer_view(memoryview(bytearray(16))) is True  # new DataView(...)
    assert types.is_array_buffer_view(bytearray()) is False  # new ArrayBuffer()

    def foo(*args: object) -> bool:
        return types.is_arguments_object(inspect.signature(foo).bind(*args))

    assert foo() is True

    def not_async() -> None: ...

    async def is_async() -> None: ...

    assert types.is_async_function(not_async) is False
    assert types.is_async_function(is_async) is True


def test_examples_file_exists() -> None:
    assert (Path(__file__).parent.parent / "examples" / "10_types.py").exists()
