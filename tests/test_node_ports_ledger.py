"""The ledger of Node's test files (``NODE_PORTS.md``) is well formed and its summary current.

Issue 11's bar is checked here too: at least 90% of the translatable Node test files of the
first stage's modules are ported.
"""

from __future__ import annotations

import re
from pathlib import Path

from node_ports_ledger import (
    LEDGER,
    STAGE_ONE,
    counts,
    current_summary,
    parse,
    summary_block,
    unique,
)

TESTS = Path(__file__).parent


def test_every_entry_has_a_status_and_every_section_lists_a_file_once() -> None:
    sections = parse(LEDGER.read_text())
    assert sum(len(entries) for entries in sections.values()) > 300
    for name, entries in sections.items():
        files = [f for f, _ in entries]
        duplicates = {f for f in files if files.count(f) > 1}
        assert not duplicates, (name, duplicates)


def test_the_summary_is_current() -> None:
    text = LEDGER.read_text()
    assert current_summary(text) == summary_block(text), (
        "run `python tests/node_ports_ledger.py --write` to update the summary"
    )


def test_stage_one_ports_at_least_ninety_percent_of_translatable_files() -> None:
    sections = parse(LEDGER.read_text())
    for name in STAGE_ONE:
        assert sections.get(name), f"section {name!r} is missing or empty"
    c = counts(unique([e for name in STAGE_ONE for e in sections[name]]))
    assert c["ported"] >= 0.9 * c["translatable"], c


def test_every_test_module_the_ledger_names_exists() -> None:
    named = set(re.findall(r"\b(test_[a-z0-9_]+\.py)\b", LEDGER.read_text()))
    assert named
    missing = sorted(n for n in named if not (TESTS / n).exists())
    assert not missing, missing
