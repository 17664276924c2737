"""Every module page's Node -> Python table names exactly the package's public API.

A table is marked in the ``.rst`` source by a comment ``.. nodecompat-mapping: <module>``
followed by a ``list-table`` whose second column holds the Python names in double backquotes
(``Buffer.read_uint32_le``). The test checks both directions: every name in the table resolves
in the module, and every public name (each name in ``__all__``, and each public method or
property of a class in ``__all__``, exceptions aside) is in the table. So the docs cannot drift.
"""

from __future__ import annotations

import importlib
import inspect
import re
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parent.parent / "docs"
MARKER = re.compile(r"^\.\. nodecompat-mapping: (\S+)\s*$", re.M)
PY_CELL = re.compile(r"^\s+- (.*)$")
NAME = re.compile(r"``([A-Za-z_][\w.]*)``")


def mapping_tables() -> list[tuple[Path, str, set[str]]]:
    tables = []
    for page in sorted(DOCS.rglob("*.rst")):
        if "_build" in page.parts:
            continue
        text = page.read_text()
        for match in MARKER.finditer(text):
            rest = text[match.end() :]
            body = []
            started = False
            for line in rest.splitlines():
                if line.startswith(".. list-table::"):
                    started = True
                    continue
                if started and line and not line.startswith(" "):
                    break
                if started:
                    body.append(line)
            names: set[str] = set()
            for line in body:
                if line.lstrip().startswith("* -"):
                    continue
                cell = PY_CELL.match(line)
                if cell:
                    names.update(NAME.findall(cell.group(1)))
            tables.append((page, match.group(1), names))
    return tables


def exported_elsewhere(obj: object, module_name: str) -> bool:
    """True for a class that another documented module exports (its members are listed there)."""
    for other, _, _ in TABLES:
        if other == module_name:
            continue
        module = importlib.import_module(other)
        if any(getattr(module, n, None) is obj for n in getattr(module, "__all__", ())):
            return True
    return False


def public_names(module_name: str) -> set[str]:
    module = importlib.import_module(module_name)
    names = set(module.__all__) - {"__version__"}
    for name in module.__all__:
        obj = getattr(module, name)
        if not inspect.isclass(obj) or issubclass(obj, BaseException):
            continue
        if exported_elsewhere(obj, module_name):
            continue
        if not obj.__module__.startswith("trio_nodecompat"):
            continue
        for member, value in vars(obj).items():
            if member.startswith("_"):
                continue
            if isinstance(value, staticmethod | classmethod | property) or inspect.isfunction(
                value
            ):
                names.add(f"{name}.{member}")
    return names


def tables_by_module() -> list[tuple[str, list[str], set[str]]]:
    """Union the tables of each module: a module may spread its table over several pages."""
    merged: dict[str, tuple[list[str], set[str]]] = {}
    for page, module_name, names in mapping_tables():
        pages, union = merged.setdefault(module_name, ([], set()))
        pages.append(page.name)
        union.update(names)
    return [(module, pages, names) for module, (pages, names) in sorted(merged.items())]


TABLES = tables_by_module()


def test_there_are_mapping_tables() -> None:
    assert TABLES, "no docs page carries a '.. nodecompat-mapping:' table"


@pytest.mark.parametrize(
    ("module_name", "pages", "documented"), TABLES, ids=[m for m, _, _ in TABLES]
)
def test_mapping_table_matches_public_api(
    module_name: str, pages: list[str], documented: set[str]
) -> None:
    module = importlib.import_module(module_name)
    unresolved = []
    for dotted in sorted(documented):
        obj: object = module
        try:
            for part in dotted.split("."):
                obj = getattr(obj, part)
        except AttributeError:
            unresolved.append(dotted)
    assert not unresolved, f"{pages} name what {module_name} lacks: {unresolved}"
    missing = sorted(public_names(module_name) - documented)
    assert not missing, f"{pages} leave out public names of {module_name}: {missing}"
