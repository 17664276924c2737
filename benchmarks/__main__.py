"""The benchmark report: every ``bench_*.py`` module, one table of ratios, and a plot.

``python -m benchmarks`` (or ``nox -s bench``) imports each ``benchmarks/bench_*.py``, calls its
``run(quick)``, prints a table with one row per comparison, and writes the plot that the docs
show (``docs/topics/benchmarks.png``) plus the table as reStructuredText
(``docs/topics/benchmarks-table.inc``). Options: ``--quick`` for shorter timings,
``--only NAME`` to run the modules whose name contains NAME, ``--no-write`` to print only.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import platform
import sys
import textwrap
from pathlib import Path

from ._harness import Result

HERE = Path(__file__).resolve().parent
DOCS_TOPICS = HERE.parent / "docs" / "topics"


def bench_modules(only: str | None) -> list[str]:
    """Names of the benchmark modules, sorted, filtered by ``only``."""
    names = sorted(
        info.name for info in pkgutil.iter_modules([str(HERE)]) if info.name.startswith("bench_")
    )
    return [n for n in names if only is None or only in n]


def format_seconds(seconds: float) -> str:
    """A per-call time with a unit that keeps it readable."""
    if seconds < 1e-6:
        return f"{seconds * 1e9:.0f} ns"
    if seconds < 1e-3:
        return f"{seconds * 1e6:.2f} µs"
    return f"{seconds * 1e3:.2f} ms"


def verdict(result: Result) -> str:
    """'yes', 'NO' or '-' (a row that only reports)."""
    if result.met is None:
        return "-"
    return "yes" if result.met else "NO"


def table_rows(results: list[Result]) -> list[list[str]]:
    """The report as rows of text cells, header first."""
    rows = [["area", "operation", "baseline", "ours", "baseline time", "ratio", "target", "met"]]
    for r in results:
        rows.append(
            [
                r.area,
                r.operation,
                r.baseline,
                format_seconds(r.ours_s),
                format_seconds(r.baseline_s),
                f"{r.ratio:.2f}x",
                r.target,
                verdict(r),
            ]
        )
    return rows


def render_text(rows: list[list[str]]) -> str:
    """A plain-text table with aligned columns."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for index, row in enumerate(rows):
        lines.append("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
        if index == 0:
            lines.append("  ".join("-" * width for width in widths))
    return "\n".join(lines)


def render_rst(rows: list[list[str]]) -> str:
    """The same table as a reStructuredText list-table, for the docs."""
    out = [".. list-table::", "   :header-rows: 1", ""]
    for row in rows:
        out.append(f"   * - {row[0]}")
        out.extend(f"     - {cell}" for cell in row[1:])
    return "\n".join(out) + "\n"


def plot(results: list[Result], path: Path) -> None:
    """A horizontal bar chart of ratios (log scale), one bar per row, coloured by verdict."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    labels = [
        textwrap.shorten(f"{r.area}: {r.operation} vs {r.baseline}", 76, placeholder="…")
        for r in results
    ]
    ratios = [r.ratio for r in results]
    colours = ["#4c9a2a" if r.met else "#c0392b" if r.met is False else "#7f8c8d" for r in results]
    height = max(3.0, 0.32 * len(results) + 1.2)
    fig, ax = plt.subplots(figsize=(12, height))
    ax.barh(range(len(results)), ratios, color=colours)
    ax.set_yticks(range(len(results)), labels, fontsize=7)
    ax.invert_yaxis()
    ax.set_xscale("log")
    ax.axvline(1.0, color="black", linewidth=0.8)
    ax.set_xlabel("time ratio, ours / baseline (log scale; < 1 is faster than the baseline)")
    ax.set_title(
        f"trio_nodecompat benchmarks — Python {platform.python_version()}\n"
        "green: target met, red: target missed, grey: reported only",
        fontsize=9,
    )
    fig.tight_layout()
    fig.savefig(path, dpi=110, bbox_inches="tight")
    plt.close(fig)


def main(argv: list[str] | None = None) -> int:
    """Run the report; return the exit status (0 even when a target is missed: it reports)."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="shorter timings")
    parser.add_argument("--only", help="run only the modules whose name contains this")
    parser.add_argument("--no-write", action="store_true", help="print only; write no files")
    args = parser.parse_args(argv)

    results: list[Result] = []
    for name in bench_modules(args.only):
        module = importlib.import_module(f"benchmarks.{name}")
        print(f"running {name} ...", file=sys.stderr, flush=True)
        results.extend(module.run(quick=args.quick))

    rows = table_rows(results)
    print(render_text(rows))
    missed = [r for r in results if r.met is False]
    print(f"\n{len(results)} rows, {len(missed)} targets missed")
    if not args.no_write and results:
        DOCS_TOPICS.mkdir(parents=True, exist_ok=True)
        (DOCS_TOPICS / "benchmarks-table.inc").write_text(render_rst(rows))
        plot(results, DOCS_TOPICS / "benchmarks.png")
        print(f"wrote {DOCS_TOPICS / 'benchmarks.png'} and benchmarks-table.inc", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
