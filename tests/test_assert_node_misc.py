"""Node's ``test-assert-first-line.js`` and ``test-assert-strict-exists.js`` (v20.11.1).

``test-assert-first-line.js`` loads two fixture files whose failing ``assert.ok('')`` has to be
quoted exactly: one where it sits on the first line after a non-ASCII identifier
(``ässört.ok('')``), one where it follows ~9,000 characters on the same line. The Python
fixtures are written to a temporary directory and run with :func:`runpy.run_path`, so the
message comes from the real source file, as Node's does.
"""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

from trio_nodecompat import assert_


def run_failing(path: Path, source: str) -> assert_.AssertionError:
    path.write_text(source, encoding="utf-8")
    with pytest.raises(assert_.AssertionError) as exc:
        runpy.run_path(str(path))
    return exc.value


def test_first_line_with_a_non_ascii_name(tmp_path: Path) -> None:
    err = run_failing(
        tmp_path / "assert_first_line.py",
        "from trio_nodecompat import assert_ as ässört; ässört.ok('')\n",
    )
    assert str(err) == "The expression evaluated to a falsy value:\n\n  ässört.ok('')\n"
    assert err.generated_message is True


def test_a_long_line(tmp_path: Path) -> None:
    err = run_failing(
        tmp_path / "assert_long_line.py",
        "import trio_nodecompat.assert_ as assert_; "
        f"_ = '{'a' * 9000}'; assert_.ok(True); assert_.ok(''); assert_.ok(None)\n",
    )
    assert str(err) == "The expression evaluated to a falsy value:\n\n  assert_.ok('')\n"


def test_strict_exists() -> None:
    # require('assert/strict') === assert.strict: here the strict module is assert_ itself.
    assert assert_.strict is assert_
