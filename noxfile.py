"""Sessions: ``nox`` runs tests on every installed Python >= 3.11, lint, typecheck and docs.

``nox -s bench`` runs the benchmark report (not a default session: it measures, it does not test).
"""

from __future__ import annotations

import nox

PYTHONS = ["3.11", "3.12", "3.13"]

nox.options.sessions = ["tests", "lint", "typecheck", "docs", "package"]
# Test on every interpreter that is installed; a machine without 3.13 still runs the rest.
nox.options.error_on_missing_interpreters = False
nox.options.reuse_existing_virtualenvs = True


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    """The test suite, warnings as errors (configured in pyproject.toml)."""
    session.install("-e", ".[test,crypto]")
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
    session.install("-e", ".[test,crypto]", "mypy")
    session.run("mypy", "--strict", "trio_nodecompat")


@nox.session(python="3.11")
def docs(session: nox.Session) -> None:
    """The Sphinx site and its doctests, warnings as errors."""
    session.install("-e", ".[docs,test,crypto]")  # autodoc imports the pytest plugin module
    session.run("sphinx-build", "-W", "--keep-going", "-b", "html", "docs", "docs/_build/html")
    session.run(
        "sphinx-build", "-W", "--keep-going", "-b", "doctest", "docs", "docs/_build/doctest"
    )


@nox.session(python="3.11")
def bench(session: nox.Session) -> None:
    """The benchmark report: ratios against the floors and peers of SPEC section 11."""
    session.install("-e", ".[bench,crypto]")
    session.run("python", "-m", "benchmarks", *session.posargs)


@nox.session(python="3.11")
def package(session: nox.Session) -> None:
    """Build the wheel and sdist, twine-check them, and run the examples tour from the wheel.

    The tour runs in a fresh virtual environment that has only the wheel installed, from a
    temporary folder holding a copy of ``examples/``, so nothing is imported from the source tree.
    """
    import glob
    import shutil
    from pathlib import Path

    session.install("build", "twine")
    tmp = Path(session.create_tmp()).resolve()
    dist = tmp / "dist"
    shutil.rmtree(dist, ignore_errors=True)
    session.run("python", "-m", "build", "--outdir", str(dist))
    artifacts = sorted(glob.glob(str(dist / "*")))
    session.run("twine", "check", "--strict", *artifacts)

    venv = tmp / "wheel-venv"
    shutil.rmtree(venv, ignore_errors=True)
    session.run("python", "-m", "venv", str(venv))
    python = str(venv / "bin" / "python")
    wheels = [a for a in artifacts if a.endswith(".whl")]
    # With the crypto extra: two examples sign and encrypt (keys and ciphers need it).
    extras = [f"{wheel}[crypto]" for wheel in wheels]
    session.run(python, "-m", "pip", "install", "--quiet", *extras, external=True)
    tour = tmp / "tour"
    shutil.rmtree(tour, ignore_errors=True)
    shutil.copytree(
        Path("examples"), tour / "examples", ignore=shutil.ignore_patterns("__pycache__")
    )
    check = "import trio_nodecompat, sys; assert 'site-packages' in trio_nodecompat.__file__"
    with session.chdir(tour):
        session.run(python, "-c", check, external=True)
        session.run(python, "-m", "examples", external=True)
