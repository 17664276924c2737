"""Each ported example prints what Node prints for the article's original.

The expected output is Node's, recorded in ``fixtures/node_examples_output.md`` (a copy of
``seed/examples/README.md``), with JS spellings of values turned into Python's
(``undefined``/``null`` -> ``None``, ``true``/``false`` -> ``True``/``False``).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from examples.__main__ import example_files, run_example  # noqa: E402

FIXTURE = Path(__file__).parent / "fixtures" / "node_examples_output.md"
#: What Node prints for the examples past the article's ten (``examples/node/NN-name.mjs``),
#: one file per example: ``NN-name.txt``, recorded by running ``node`` on the ``.mjs``.
MORE_OUTPUTS = Path(__file__).parent / "fixtures" / "node_examples"
JS_TO_PY = {"undefined": "None", "null": "None", "true": "True", "false": "False"}


def node_outputs() -> dict[str, str]:
    """Map ``01_request_id`` to what Node printed for ``01-request-id.mjs``, Python-spelled."""
    text = FIXTURE.read_text()
    outputs = {}
    for name, body in re.findall(r"^## (\S+)\.mjs\n```\n(.*?)```", text, re.M | re.S):
        body = re.sub(r"\b(undefined|null|true|false)\b", lambda m: JS_TO_PY[m[1]], body)
        outputs[name.replace("-", "_")] = body
    for path in sorted(MORE_OUTPUTS.glob("*.txt")):
        body = re.sub(
            r"\b(undefined|null|true|false)\b", lambda m: JS_TO_PY[m[1]], path.read_text()
        )
        outputs[path.stem.replace("-", "_")] = body
    return outputs


def test_fixture_has_every_article_example() -> None:
    assert len(re.findall(r"^## (\S+)\.mjs$", FIXTURE.read_text(), re.M)) == 10


def test_every_example_has_nodes_output() -> None:
    assert {p.stem for p in example_files()} <= set(node_outputs())


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.stem)
def test_example_prints_what_node_prints(path: Path) -> None:
    expected = node_outputs()[path.stem]
    result = run_example(path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == expected
