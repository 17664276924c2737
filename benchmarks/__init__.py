"""Benchmarks: ratios against the floors and peers of SPEC section 11, measured in one process.

Each ``bench_*.py`` module defines ``run(quick: bool) -> list[Result]``; ``python -m benchmarks``
runs them all and prints the table (see ``__main__.py``).
"""
