"""A pytest plugin with fixtures for testing code that uses trio_nodecompat.

It is registered as the ``trio_nodecompat`` pytest plugin (entry point ``pytest11``), so the
fixtures are available to any project that has this package installed.
"""

from __future__ import annotations
