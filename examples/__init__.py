"""The article's code samples, ported from ``seed/examples/*.mjs`` to Python on Trio.

``python -m examples`` runs every one and prints its output under its name.
"""
