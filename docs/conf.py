"""Sphinx configuration for the trio_nodecompat docs."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import trio_nodecompat  # noqa: E402

project = "trio_nodecompat"
author = "trio_nodecompat developers"
copyright = "2026, trio_nodecompat developers"
release = trio_nodecompat.__version__  # one version, the package's

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.doctest",
    "sphinx.ext.viewcode",
]
autodoc_member_order = "bysource"
# Types in the signatures: compact, and right. ("description" lists a parameter's type under
# the class when a class attribute shares its name, e.g. ``capture_rejections: ClassVar[bool]``
# shown for ``EventEmitter(capture_rejections: bool | None)``.)
autodoc_typehints = "signature"
autodoc_default_options = {"members": True, "show-inheritance": True}
nitpicky = False
exclude_patterns = ["_build"]
html_theme = "furo"
html_title = "trio_nodecompat"
html_static_path = ["_static"]
html_css_files = ["custom.css"]
doctest_global_setup = """
import trio
import trio_nodecompat
"""


def _unlink_builtin_type(app: object, doctree: object) -> None:
    """Render the builtin ``type`` of annotations (``type[BaseException]``) as plain text.

    Without intersphinx there is no target for it, and Sphinx's fuzzy lookup would link it to
    any documented attribute named ``type`` (``Event.type``, ``AsyncResource.type``), or warn
    that there are several.
    """
    from sphinx.addnodes import pending_xref

    for node in list(doctree.findall(pending_xref)):  # type: ignore[attr-defined]
        if node.get("refdomain") == "py" and node.get("reftarget") == "type":
            node.replace_self(node.children)


def setup(app: object) -> None:
    app.connect("doctree-read", _unlink_builtin_type)  # type: ignore[attr-defined]
