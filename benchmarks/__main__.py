"""The benchmark report: every ``bench_*.py`` module, one table of ratios, and a plot.

``python -m benchmarks`` (or ``nox -s bench``) imports each ``benchmarks/bench_*.py``, calls its
``run(quick)``, prints a table with one row per comparison, and writes the docs' part of the report: one plot
per area (``docs/topics/benchmarks-<area>.png``) and the per-area tables as reStructuredText
(``docs/topics/benchmarks-table.inc``). Options: ``--quick`` for shorter timings,
``--only NAME`` to run the modules whose name contains NAME (it prints, and writes nothing),
``--no-write`` to print only.
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
    """The report as rows of text cells, header first (the plain-text table)."""
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


def by_area(results: list[Result]) -> dict[str, list[Result]]:
    """The rows grouped by area, in the order the areas first appear."""
    groups: dict[str, list[Result]] = {}
    for r in results:
        groups.setdefault(r.area, []).append(r)
    return groups


def plot_name(area: str) -> str:
    """The file name of an area's plot: ``benchmarks-<area>.png``."""
    slug = "".join(c if c.isalnum() else "-" for c in area.lower()).strip("-")
    return f"benchmarks-{slug}.png"


def render_rst(results: list[Result]) -> str:
    """The docs' part of the report: per area, a heading, its plot, and a narrow table.

    One section per area keeps each table to five columns that fit the page (operation and
    baseline share a cell; the two times share one), and each plot to a few bars whose
    labels can be read at the page's width.
    """
    out: list[str] = []
    for area, rows in by_area(results).items():
        title = f"{area}"
        out += [title, "~" * len(title), ""]
        out += [
            f".. image:: {plot_name(area)}",
            f"   :alt: {area}: time ratios against each baseline, log scale, coloured by target met.",
            "",
            ".. list-table::",
            "   :header-rows: 1",
            "   :widths: 44 22 12 14 8",
            "   :class: bench-table",
            "",
            "   * - operation (vs baseline)",
            "     - ours / baseline",
            "     - ratio",
            "     - target",
            "     - met",
        ]
        for r in rows:
            out += [
                f"   * - ``{r.operation}``",
                "",
                f"       vs {r.baseline}",
                f"     - {format_seconds(r.ours_s)} / {format_seconds(r.baseline_s)}",
                f"     - {r.ratio:.2f}x",
                f"     - {r.target}",
                f"     - {verdict(r) if r.met is not None else 'report'}",
            ]
        out.append("")
    return "\n".join(out)


def plot(results: list[Result], directory: Path) -> list[Path]:
    """One horizontal bar chart per area (log scale), one bar per row, coloured by verdict.

    Drawn at the width the docs show it (7.5 inches), with 10-point labels, so the labels are
    as large on the page as the text around them.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib import ticker

    written = []
    for area, rows in by_area(results).items():
        labels = [
            textwrap.fill(
                textwrap.shorten(f"{r.operation} vs {r.baseline}", 70, placeholder="…"), 38
            )
            for r in rows
        ]
        ratios = [r.ratio for r in rows]
        colours = ["#4c9a2a" if r.met else "#c0392b" if r.met is False else "#7f8c8d" for r in rows]
        height = 1.0 + 0.55 * len(rows)
        fig, ax = plt.subplots(figsize=(7.5, height))
        ax.barh(range(len(rows)), ratios, color=colours)
        ax.set_yticks(range(len(rows)), labels, fontsize=9)
        ax.invert_yaxis()
        ax.set_xscale("log")
        # Major ticks only, written as plain ratios: matplotlib's default labels the minor
        # ticks of a short log range too, and they overlap.
        ax.xaxis.set_major_locator(ticker.LogLocator(base=10, subs=(1.0, 2.0, 5.0)))
        ax.xaxis.set_major_formatter(ticker.FuncFormatter(lambda x, _: f"{x:g}x"))
        ax.xaxis.set_minor_formatter(ticker.NullFormatter())
        ax.axvline(1.0, color="black", linewidth=0.8)
        for index, ratio in enumerate(ratios):
            ax.annotate(
                f" {ratio:.2f}x", (ratio, index), va="center", fontsize=9, annotation_clip=False
            )
        ax.tick_params(axis="x", labelsize=9)
        ax.set_xlabel("ours / baseline (log scale; < 1 is faster)", fontsize=9)
        ax.set_title(
            f"{area} — Python {platform.python_version()} "
            "(green: met, red: missed, grey: reported)",
            fontsize=10,
        )
        ax.margins(x=0.25)
        fig.tight_layout()
        path = directory / plot_name(area)
        fig.savefig(path, dpi=130, bbox_inches="tight")
        plt.close(fig)
        written.append(path)
    return written


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
    # A partial run (--only) prints only: the docs show the whole report or nothing.
    if not args.no_write and results and args.only is None:
        DOCS_TOPICS.mkdir(parents=True, exist_ok=True)
        for old in DOCS_TOPICS.glob("benchmarks*.png"):
            old.unlink()  # areas that no longer exist lose their plots
        (DOCS_TOPICS / "benchmarks-table.inc").write_text(render_rst(results))
        written = plot(results, DOCS_TOPICS)
        print(f"wrote {len(written)} plots and benchmarks-table.inc", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
