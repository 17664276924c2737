"""Run every example in this folder, in order, printing each one's output under its name.

Each example runs as its own program (``python examples/NN_name.py``), as each ``.mjs`` file
runs as its own Node process, so one example's state cannot leak into the next. The exit
status is non-zero if any example fails.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def example_files() -> list[Path]:
    """The example scripts, in the article's order (their names start with a number)."""
    return sorted(p for p in HERE.glob("[0-9][0-9]_*.py"))


def run_example(path: Path) -> subprocess.CompletedProcess[str]:
    """Run one example as its own Python process and capture what it prints.

    The folder above ``examples/`` goes first on ``PYTHONPATH``, so a checkout's examples run
    against that checkout's package (a copy of ``examples/`` elsewhere finds none there and
    uses the installed one).
    """
    env = dict(os.environ)
    root = str(path.resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
    return subprocess.run(
        [sys.executable, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
    )


def main() -> int:
    """Run the tour; return the process exit status."""
    failed = 0
    for path in example_files():
        result = run_example(path)
        print(f"## {path.stem}")
        print(result.stdout, end="")
        if result.returncode != 0:
            failed += 1
            print(result.stderr, end="", file=sys.stderr)
            print(f"!! {path.name} exited with status {result.returncode}", file=sys.stderr)
        print()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
