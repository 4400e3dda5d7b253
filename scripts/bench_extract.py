"""Time ``extract_all`` on a 10-page plan: ``python scripts/bench_extract.py [--runs N] [--profile]``.

The plan is built from the committed seed plans (``data/raw/*.txt``, ``*.md``: real headers,
citations, task sections and signature blocks), concatenated and repeated up to
``--pages`` x ``--chars-per-page`` characters and cut at a line end. A typed A4 page of a
Vietnamese plan holds about 3,000 characters, so the default is a 30,000-character, 10-page plan.

The process is pinned to one core (where the OS allows), the first run (which compiles the lazily
built patterns) is a warm-up outside the timing, and the headline is the median CPU time of the
process, with the median wall time beside it. The script prints markdown: a row with the
command, the machine and the median, then the per-extractor breakdown (each extractor timed alone
on the same text, so the breakdown does not add up exactly to ``extract_all``, which also composes).
``--profile`` adds the cProfile hot spots of ``extract_all``; ``--one-line`` times the same plan with
its line breaks turned into spaces (a PDF text layer that lost them), where costs that grow with a
line's length show.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import platform
import pstats
import shlex
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from extractors import extract_all  # noqa: E402
from extractors.citations import extract_citations  # noqa: E402
from extractors.dates import extract_dates  # noqa: E402
from extractors.document_meta import extract_document_meta  # noqa: E402
from extractors.indicators import extract_dimensions, extract_indicators  # noqa: E402
from extractors.obligations import extract_obligations  # noqa: E402
from extractors.organizations import extract_organizations  # noqa: E402
from extractors.people import extract_people  # noqa: E402
from extractors.periods import extract_periods  # noqa: E402
from extractors.sections import parse_sections  # noqa: E402

SEED_DIR = REPO / "data" / "raw"
GOAL_MS = 100.0

EXTRACTORS: dict[str, Callable[[str], object]] = {
    "extract_document_meta": extract_document_meta,
    "extract_citations": extract_citations,
    "extract_dates": extract_dates,
    "extract_periods": extract_periods,
    "extract_indicators": extract_indicators,
    "extract_dimensions": extract_dimensions,
    "extract_people": extract_people,
    "extract_organizations": extract_organizations,
    "extract_obligations": extract_obligations,
    "parse_sections": parse_sections,
}


def build_plan(pages: int, chars_per_page: int) -> str:
    """Seed plans concatenated and repeated to ``pages * chars_per_page`` characters, cut at a line end."""
    seeds = [
        p.read_text(encoding="utf-8") for p in sorted(SEED_DIR.glob("*.txt")) + sorted(SEED_DIR.glob("*.md"))
    ]
    if not seeds:
        raise SystemExit(f"no seed plans under {SEED_DIR}")
    target = pages * chars_per_page
    text = ""
    while len(text) < target:
        for seed in seeds:
            text += seed.rstrip("\n") + "\n\n"
    cut = text.rfind("\n", 0, target)
    return text[: cut if cut > 0 else target]


def pin_to_one_core() -> str:
    """Run on one CPU so the number means one core, as the goal does; say which when it worked."""
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    return "not pinned"


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def median_ms(function: Callable[[str], object], text: str, runs: int) -> tuple[float, float]:
    """Median CPU time and median wall time of ``function(text)`` in milliseconds, after one warm-up call.

    CPU time (``time.process_time``) is the headline: on a shared machine wall time also counts the
    time spent waiting for a core, which is load, not extraction. Each run gets the text with its
    own number of trailing spaces, so a cache keyed by the text (``organizations._named_units``) is
    cold in every run, as it is for every new plan.
    """
    function(text)
    cpu_samples, wall_samples = [], []
    for run in range(runs):
        variant = text + " " * (run + 1)
        cpu_start, wall_start = time.process_time(), time.perf_counter()
        function(variant)
        cpu_samples.append((time.process_time() - cpu_start) * 1000)
        wall_samples.append((time.perf_counter() - wall_start) * 1000)
    return statistics.median(cpu_samples), statistics.median(wall_samples)


def hot_spots(text: str, top: int) -> str:
    profiler = cProfile.Profile()
    profiler.enable()
    extract_all(text)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(top)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="timed runs per measurement (median reported)")
    parser.add_argument("--pages", type=int, default=10)
    parser.add_argument("--chars-per-page", type=int, default=3000)
    parser.add_argument("--profile", action="store_true", help="print cProfile hot spots of extract_all")
    parser.add_argument("--one-line", action="store_true", help="the plan without line breaks (worst case)")
    args = parser.parse_args(argv)

    pinning = pin_to_one_core()
    text = build_plan(args.pages, args.chars_per_page)
    if args.one_line:
        text = text.replace("\n", " ")
    total_median, total_wall = median_ms(extract_all, text, args.runs)
    command = "python " + " ".join(shlex.quote(a) for a in [str(Path(sys.argv[0])), *sys.argv[1:]])
    machine = f"{cpu_model()} ({platform.processor() or platform.machine()}, {pinning}), Python {platform.python_version()}"
    verdict = "meets" if total_median < GOAL_MS else "MISSES"

    print("| command | machine | plan | extract_all median CPU ms (wall) | goal |")
    print("| --- | --- | --- | --- | --- |")
    print(
        f"| `{command}` | {machine} | {args.pages} pages, {len(text):,} chars{', one line' if args.one_line else ''} | "
        f"{total_median:.1f} ms ({total_wall:.1f}) | {verdict} < {GOAL_MS:.0f} ms |"
    )
    print()
    print("| extractor | median CPU ms | share of extract_all |")
    print("| --- | ---: | ---: |")
    for name, function in EXTRACTORS.items():
        extractor_median, _ = median_ms(function, text, args.runs)
        print(f"| {name} | {extractor_median:.1f} | {extractor_median / total_median:.0%} |")
    if args.profile:
        print("\n```\n" + hot_spots(text, top=25) + "```")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
