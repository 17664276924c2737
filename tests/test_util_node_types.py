"""util.types: Node v20.11.1's test-util-types-exists.js (test-util-types.js is ported in
test_util_types.py)."""

from __future__ import annotations

import importlib


# Ported: test/parallel/test-util-types-exists.js: require('util/types') is util.types.
def test_util_types_module_is_util_types() -> None:
    util = importlib.import_module("trio_nodecompat.util")
    assert importlib.import_module("trio_nodecompat.util.types") is util.types
