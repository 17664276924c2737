"""AsyncResource: Node's test-asyncresource-bind.js, test-embedder.api.async-resource*.js and
test-async-hooks-asyncresource-constructor.js cases that have a Python analogue.

Node's ``executionAsyncId()`` is not exported here; where Node's tests read it inside a bound
function, these tests read ``AsyncResource(...).trigger_async_id()`` made there instead, which
is the execution id at that moment.
"""

from __future__ import annotations

import inspect

import pytest
import trio

from trio_nodecompat import errors
from trio_nodecompat.async_hooks import AsyncLocalStorage, AsyncResource


def execution_async_id() -> int:
    return AsyncResource("probe").trigger_async_id()


# Ported: test/async-hooks/test-embedder.api.async-resource.runInAsyncScope.js
def test_run_in_async_scope_returns_the_value() -> None:
    assert AsyncResource("foobar").run_in_async_scope(lambda: 1729) == 1729


def test_run_in_async_scope_passes_args_and_runs_in_the_captured_frame() -> None:
    als = AsyncLocalStorage()
    resource = als.run("made here", AsyncResource, "T")
    got = als.run(
        "other", resource.run_in_async_scope, lambda a, *, b: (als.get_store(), a, b), 1, b=2
    )
    assert got == ("made here", 1, 2)


# Ported: test/async-hooks/test-embedder.api.async-resource.js (ids and triggers)
def test_ids_and_triggers() -> None:
    root = execution_async_id()
    assert root == 1
    event = AsyncResource("alcazares")
    assert isinstance(event.async_id(), int)
    assert event.async_id() != root
    assert event.trigger_async_id() == root
    inner = event.run_in_async_scope(lambda: AsyncResource("poblado"))
    assert inner.trigger_async_id() == event.async_id()
    assert inner.async_id() > event.async_id()
    assert event.run_in_async_scope(execution_async_id) == event.async_id()
    assert execution_async_id() == root


def test_emit_destroy_returns_the_resource_and_can_repeat() -> None:
    resource = AsyncResource("x")
    assert not resource.destroyed
    assert resource.emit_destroy() is resource
    assert resource.emit_destroy() is resource
    assert resource.destroyed
    assert resource.run_in_async_scope(lambda: 5) == 5


# Ported: test/parallel/test-async-hooks-asyncresource-constructor.js and
# test/async-hooks/test-embedder.api.async-resource-no-type.js
@pytest.mark.parametrize("value", [None, 1, dict, {}, []])
def test_type_must_be_a_string(value: object) -> None:
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
        AsyncResource(value)  # type: ignore[arg-type]
    assert str(info.value).startswith('The "type" argument must be of type string.')


def test_type_defaults_to_empty_and_is_kept() -> None:
    assert AsyncResource().type == ""
    assert AsyncResource("db").type == "db"
    assert "db" in repr(AsyncResource("db"))


@pytest.mark.parametrize("value", [-4, 3.14, 111, 0])
def test_trigger_async_id_is_refused(value: int) -> None:
    with pytest.raises(errors.ERR_INVALID_ARG_VALUE) as info:
        AsyncResource("type", trigger_async_id=value)
    assert "trigger_async_id" in str(info.value)


# Ported: test/parallel/test-asyncresource-bind.js
def test_static_bind_runs_in_a_new_resource() -> None:
    fn = AsyncResource.bind(execution_async_id)
    assert fn() != execution_async_id()
    assert isinstance(fn.async_resource, AsyncResource)  # type: ignore[attr-defined]
    assert fn() == fn.async_resource.async_id()  # type: ignore[attr-defined]
    assert fn.async_resource.type == "execution_async_id"  # type: ignore[attr-defined]
    assert AsyncResource.bind(lambda: 0).async_resource.type == "bound-anonymous-fn"  # type: ignore[attr-defined]
    assert AsyncResource.bind(lambda: 0, "mytype").async_resource.type == "mytype"  # type: ignore[attr-defined]


@pytest.mark.parametrize("value", [1, False, "", {}, []])
def test_bind_rejects_non_callables(value: object) -> None:
    resource = AsyncResource("test")
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
        resource.bind(value)
    assert str(info.value).startswith('The "fn" argument must be of type function.')
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
        AsyncResource.bind(value)
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
        resource.run_in_async_scope(value)  # type: ignore[arg-type]


def test_instance_bind_keeps_signature_and_runs_in_the_resource() -> None:
    resource = AsyncResource("test")

    def fn2(a: int, b: int) -> int:
        return execution_async_id()

    bound = resource.bind(fn2)
    assert len(inspect.signature(bound).parameters) == 2
    assert bound.__name__ == "fn2"
    assert bound.async_resource is resource  # type: ignore[attr-defined]
    assert bound(1, 2) == resource.async_id()
    assert execution_async_id() != bound(1, 2)


def test_bound_method_keeps_its_self() -> None:
    class Foo:
        def who(self) -> object:
            return self

    foo = Foo()
    assert AsyncResource("t").bind(foo.who)() is foo


async def test_async_functions_in_scope() -> None:
    als = AsyncLocalStorage()
    resource = als.run("r", AsyncResource, "T")

    async def work() -> tuple[object, int]:
        await trio.sleep(0)
        return als.get_store(), execution_async_id()

    assert await resource.run_in_async_scope(work) == ("r", resource.async_id())
    assert await resource.bind(work)() == ("r", resource.async_id())


def test_subclassing_as_node_does() -> None:
    als = AsyncLocalStorage()

    class Pool(AsyncResource):
        def __init__(self) -> None:
            super().__init__("Pool")

        def on_release(self) -> object:
            return self.run_in_async_scope(als.get_store)

    pool = als.run("owner", Pool)
    assert als.run("borrower", pool.on_release) == "owner"
