"""trio_nodecompat: the Node.js core APIs of Cloudflare Workers' ``nodejs_compat``, on Trio.

One public module per Node module: :mod:`~trio_nodecompat.async_hooks`,
:mod:`~trio_nodecompat.events`, :mod:`~trio_nodecompat.buffer`,
:mod:`~trio_nodecompat.assert_`, :mod:`~trio_nodecompat.util`,
:mod:`~trio_nodecompat.string_decoder`, :mod:`~trio_nodecompat.timers`, and
:mod:`~trio_nodecompat.errors` for Node's error codes.
"""

from __future__ import annotations

from ._loop import Loop, current_loop, open_loop, run

__version__ = "0.1.0"

__all__ = ["Loop", "__version__", "current_loop", "open_loop", "run"]
