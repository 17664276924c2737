"""Sessions: ``nox`` runs tests on every installed Python >= 3.11, lint, typecheck and docs.

``nox -s bench`` runs the benchmark report (not a default session: it measures, it does not test).
"""

from __future__ import annotations

import nox

PYTHONS = ["3.11", "3.12", "3.13"]

nox.options.sessions = ["tests", "lint", "typecheck", "docs"]
# Test on every interpreter that is installed; a machine without 3.13 still runs the rest.
nox.options.error_on_missing_interpreters = False
nox.options.reuse_existing_virtualenvs = True


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    """The test suite, warnings as errors (configured in pyproject.toml)."""
    session.install("-e", ".[test]")
    session.run("python", "-m", "pytest", "-W", "error", *session.posargs)


@nox.session(python="3.11")
def lint(session: nox.Session) -> None:
    """ruff check and ruff format --check."""
    session.install("ruff")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session(python="3.11")
def typecheck(session: nox.Session) -> None:
    """mypy --strict on the package."""
    session.install("-e", ".[test]", "mypy")
    session.run("mypy", "--strict", "trio_nodecompat")


@nox.session(python="3.11")
def docs(session: nox.Session) -> None:
    """The Sphinx site and its doctests, warnings as errors."""
    session.install("-e", ".[docs]")
    session.run("sphinx-build", "-W", "--keep-going", "-b", "html", "docs", "docs/_build/html")
    session.run(
        "sphinx-build", "-W", "--keep-going", "-b", "doctest", "docs", "docs/_build/doctest"
    )


@nox.session(python="3.11")
def bench(session: nox.Session) -> None:
    """The benchmark report: ratios against the floors and peers of SPEC section 11."""
    session.install("-e", ".[bench]")
    session.run("python", "-m", "benchmarks", *session.posargs)
