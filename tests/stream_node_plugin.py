"""The ``must`` fixture of the ports of Node's stream tests (a pytest plugin).

Loaded by the port modules with ``pytest_plugins = ["stream_node_plugin"]``. The fixture's
:class:`~stream_node_common.Must` is checked after the test, and only when the test itself
passed: a test that already failed (or is an expected failure) is reported once, as the test's
own failure, not again as an error of the fixture.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from stream_node_common import Must

__all__ = ["must", "pytest_runtest_makereport"]

_CALL_OK = pytest.StashKey[bool]()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    report = yield
    if report.when == "call":
        item.stash[_CALL_OK] = report.passed and not hasattr(report, "wasxfail")
    return report


@pytest.fixture
def must(request: pytest.FixtureRequest) -> Iterator[Must]:
    """``common.mustCall`` for one test: checked once the test has passed."""
    m = Must()
    yield m
    if request.node.stash.get(_CALL_OK, False):
        m.verify()
