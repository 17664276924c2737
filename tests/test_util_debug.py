"""util.deprecate, util.debuglog and util.is_deep_strict_equal."""

from __future__ import annotations

import inspect
import os
import uuid
import warnings

import pytest

from trio_nodecompat import errors
from trio_nodecompat._internal import deep_equal
from trio_nodecompat.util import debug, debuglog, deprecate, is_deep_strict_equal


def fresh_code() -> str:
    return f"DEP_TEST_{uuid.uuid4().hex[:8]}"


def test_deprecate_warns_once_per_code() -> None:
    code = fresh_code()
    a = deprecate(lambda x: x + 1, "a is old", code)
    b = deprecate(lambda x: x + 2, "b is old", code)
    with pytest.warns(DeprecationWarning, match=rf"^\[{code}\] a is old$") as record:
        assert a(1) == 2
    assert record[0].message.code == code  # type: ignore[union-attr]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert a(1) == 2  # no second warning
        assert b(1) == 3  # same code: none either


def test_deprecate_without_code_warns_once_per_wrapper() -> None:
    def f() -> str:
        """Docs."""
        return "f"

    first = deprecate(f, "f is old")
    second = deprecate(f, "f is old")
    assert first.__name__ == "f" and first.__doc__ == "Docs."
    with pytest.warns(DeprecationWarning, match="^f is old$"):
        first()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        first()
    with pytest.warns(DeprecationWarning):
        second()


async def test_deprecate_keeps_async_functions_async() -> None:
    async def g() -> int:
        return 7

    wrapped = deprecate(g, "g is old", fresh_code())
    assert inspect.iscoroutinefunction(wrapped)
    with pytest.warns(DeprecationWarning):
        assert await wrapped() == 7


def test_deprecate_bad_arguments() -> None:
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE, match='"fn"'):
        deprecate("nope", "msg")  # type: ignore[type-var]
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE, match='"code"'):
        deprecate(len, "msg", 5)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("node_debug", "section", "enabled"),
    [
        ("", "foo", False),
        ("foo", "foo", True),
        ("FOO", "foo", True),
        ("foo", "foobar", False),
        ("foo*", "foobar", True),
        ("bar,foo", "foo", True),
        ("*", "anything", True),
        ("f.o", "fxo", False),
        ("tls,net", "http", False),
    ],
)
def test_debuglog_section_matching(
    monkeypatch: pytest.MonkeyPatch, node_debug: str, section: str, enabled: bool
) -> None:
    monkeypatch.setenv("NODE_DEBUG", node_debug)
    assert debuglog(section).enabled is enabled


def test_debuglog_writes_section_pid_and_message(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("NODE_DEBUG", "tls")
    log = debuglog("tls")
    log("hello %s", "world", {"a": 1})
    quiet = debuglog("net")
    quiet("nothing")
    assert capsys.readouterr().err == f"TLS {os.getpid()}: hello world {{ a: 1 }}\n"


def test_debuglog_callback_gets_the_logger_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NODE_DEBUG", raising=False)
    seen = []
    log = debuglog("x", seen.append)
    log("a")
    log("b")
    assert seen == [log]
    assert debug is debuglog
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
        debuglog(5)  # type: ignore[arg-type]


def test_is_deep_strict_equal_is_the_assert_engine() -> None:
    assert is_deep_strict_equal is deep_equal.is_deep_strict_equal
    assert is_deep_strict_equal({"a": [1, 2]}, {"a": [1, 2]})
    assert not is_deep_strict_equal([1], [1.0])
