"""Benchmark the text path and the analysts' queries at corpus scale (part of ``make bench``).

Generates N synthetic plans (default 2,000: real paragraphs of the legal corpus in a plan's frame,
see :mod:`kehoach.devtools.synthetic_plans`), ingests them with ``kehoach.ingest.ingest`` into SQLite
and PostgreSQL (a throwaway server, or ``--pg-url``), and times every analyst query of SPEC.md
(median of ``--runs``) with its query plan. Prints a markdown section for docs/BENCHMARKS.md.

This is a dev-machine tool: it reads ``legal_docs.txt.xz`` of the shared corpus (``../shared/corpus``,
``KEHOACH_CORPUS`` or ``--corpus``), which users do not have. ``--profile N`` adds a cProfile of the
in-process text path over N plans.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import lzma
import os
import platform
import pstats
import re
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from kehoach.repair.corpus import CORPUS

# Letters only Vietnamese uses (with their marks): English paragraphs of the corpus have none.
VIETNAMESE_MARKED = re.compile(r"[ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]", re.I)
DEFAULT_CORPUS = CORPUS / "legal_docs.txt.xz"  # ../shared/corpus or KEHOACH_CORPUS, as the LM build
GOAL_PLANS_PER_SECOND = 50.0
GOAL_QUERY_MS = 200.0
SPEC_QUERIES: tuple[tuple[str, str], ...] = (
    (
        "obligations due in a month",
        "SELECT document_issuer, action, responsible, deadline, recipient, via FROM v_obligations "
        "WHERE deadline BETWEEN '2024-11-01' AND '2024-11-30' ORDER BY deadline",
    ),
    (
        "the most cited documents",
        "SELECT doc_type, number, issuer, count(*) AS n FROM v_citations GROUP BY 1, 2, 3 "
        "ORDER BY n DESC LIMIT 20",
    ),
    (
        "plans implementing a given plan",
        "SELECT d.issuer, d.number, d.issued_on FROM v_citations c JOIN v_documents d USING (document_id) "
        "WHERE c.number = '196/KH-UBND'",
    ),
    (
        "PAPI dimensions per unit",
        "SELECT d.issuer, m.code, sum(m.mentions) FROM v_dimensions m JOIN v_documents d USING (document_id) "
        "GROUP BY 1, 2 ORDER BY 1, 2",
    ),
    (
        "recurring reports",
        "SELECT frequency, recipient, count(*) FROM v_obligations WHERE frequency IS NOT NULL GROUP BY 1, 2",
    ),
)


def body_paragraphs(corpus: Path) -> list[str]:
    """Paragraphs of running administrative prose (not headers, bases or signature lines)."""
    if not corpus.exists():
        raise SystemExit(
            f"bench_store: the corpus {corpus} is missing; this benchmark runs on a dev machine "
            "with the shared corpus (set KEHOACH_CORPUS, or give --corpus PATH to a legal_docs.txt.xz)"
        )
    with lzma.open(corpus, "rt", encoding="utf-8") as handle:
        lines = [line.strip() for line in handle]
    return [
        line
        for line in lines
        if 200 <= len(line) <= 1500
        and not line.startswith(("Căn cứ", "Nơi nhận"))
        and len(VIETNAMESE_MARKED.findall(line)) >= 0.1 * len(line.split())  # not an English translation
    ]


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return f"{model}, {os.cpu_count()} cores visible, load average {load}, Python {platform.python_version()}"


@contextmanager
def postgres_url(given: str | None) -> Iterator[str]:
    if given:
        yield given
        return
    from kehoach.devtools.pgserver import throwaway_postgres

    with throwaway_postgres() as server:
        yield server.create_database("kehoach_bench")


def cpu_seconds(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def ingest_timed(files: list[Path], url: str, workers: int) -> dict[str, float]:
    """Wall time and CPU time of one ingest: the parent (hashing, store writes) and its workers.

    On a shared machine the wall rate depends on the neighbours; CPU seconds per plan do not, and
    ``workers / worker CPU per plan`` is the rate the same machine gives when it is otherwise idle
    (as long as the parent keeps up). Workers count once the pool has shut down (RUSAGE_CHILDREN).
    """
    from kehoach.ingest import ingest
    from kehoach.store import Store

    with Store.open(url) as store:
        parent, children = cpu_seconds(resource.RUSAGE_SELF), cpu_seconds(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        summary = ingest(files, store, workers=workers)
        seconds = time.perf_counter() - started
        parent = cpu_seconds(resource.RUSAGE_SELF) - parent
        children = cpu_seconds(resource.RUSAGE_CHILDREN) - children
        totals = store.summary()
    loaded, failed = summary.count("loaded"), summary.count("failed")
    if failed:
        print(f"bench_store: {failed} plans failed, e.g. {summary.failed[0].error}", file=sys.stderr)
    return {
        "seconds": seconds,
        "loaded": loaded,
        "failed": failed,
        "rate": loaded / seconds,
        "parent_ms": 1000 * parent / max(1, loaded),
        "worker_ms": 1000 * children / max(1, loaded),
        **totals,
    }


def time_queries(url: str, runs: int) -> list[dict]:
    from kehoach.store import Store

    explain = "EXPLAIN QUERY PLAN " if url.startswith("sqlite") else "EXPLAIN "
    out = []
    with Store.open(url) as store:
        for title, sql in SPEC_QUERIES:
            timings, rows = [], []
            for _ in range(runs):
                started = time.perf_counter()
                _, rows = store.query(sql)
                timings.append((time.perf_counter() - started) * 1000)
            _, plan_rows = store.query(explain + sql)
            plan = "\n".join(str(row[-1]) for row in plan_rows)
            out.append(
                {
                    "title": title,
                    "sql": sql,
                    "ms": statistics.median(timings),
                    "rows": len(rows),
                    "plan": plan,
                }
            )
    return out


def profile_text_path(files: list[Path]) -> str:
    """cProfile of the whole pipeline in this process over ``files`` (top functions by own time)."""
    from kehoach.ingest import process_one, sha256_of
    from pipeline.options import PipelineOptions

    options = PipelineOptions()
    process_one(files[0], sha256_of(files[0]), options)  # load models outside the measurement
    profiler = cProfile.Profile()
    profiler.enable()
    for path in files:
        process_one(path, sha256_of(path), options)
    profiler.disable()
    buffer = io.StringIO()
    stats = pstats.Stats(profiler, stream=buffer)
    stats.sort_stats("cumulative").print_stats(30)
    return buffer.getvalue()


def report(args: argparse.Namespace, results: dict[str, dict], profile: str | None) -> str:
    lines = [
        f"### Store benchmark: {args.plans} synthetic plans, text path, {args.workers} workers",
        "",
        f"Command: `{' '.join(['.venv/bin/python', 'scripts/bench_store.py', *sys.argv[1:]])}`  ",
        f"Machine: {machine()}",
        "",
        f"| backend | plans loaded | failed | seconds | plans/s (goal ≥ {GOAL_PLANS_PER_SECOND:.0f}) "
        "| parent CPU ms/plan | worker CPU ms/plan "
        "| citations | obligations |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for backend, result in results.items():
        ing = result["ingest"]
        lines.append(
            f"| {backend} | {ing['loaded']} | {ing['failed']} | {ing['seconds']:.1f} | {ing['rate']:.1f} "
            f"| {ing['parent_ms']:.1f} | {ing['worker_ms']:.1f} | {ing['citations']} | {ing['obligations']} |"
        )
    lines += [
        "",
        f"Analyst queries of SPEC.md, median of {args.runs} runs (goal < {GOAL_QUERY_MS:.0f} ms):",
        "",
    ]
    lines += ["| query | " + " | ".join(f"{b} ms (rows)" for b in results) + " |"]
    lines += ["| --- |" + " --- |" * len(results)]
    for i, (title, _) in enumerate(SPEC_QUERIES):
        cells = [f"{r['queries'][i]['ms']:.1f} ({r['queries'][i]['rows']})" for r in results.values()]
        lines.append(f"| {title} | " + " | ".join(cells) + " |")
    for backend, result in results.items():
        lines += ["", f"Query plans, {backend}:", ""]
        for query in result["queries"]:
            lines += [f"- {query['title']}:", "", "```", query["plan"], "```", ""]
    if profile:
        lines += [
            "",
            "Profile of the text path (in one process, cumulative time):",
            "",
            "```",
            profile,
            "```",
        ]
    return "\n".join(lines)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--plans", type=int, default=2000, help="synthetic plans to generate (default 2000)")
    parser.add_argument("--workers", type=int, default=2, help="ingest worker processes (default 2)")
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument(
        "--pg-url", help="an existing empty PostgreSQL database (default: a throwaway server)"
    )
    parser.add_argument("--runs", type=int, default=5, help="runs per query; the median is reported")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="also profile N plans in-process")
    return parser.parse_args()


def main() -> None:
    args = parse_args()
    from kehoach.devtools.synthetic_plans import generate_plans, write_plans

    paragraphs = body_paragraphs(args.corpus)
    with ExitStack() as stack:
        work = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="kehoach-bench-")))
        os.environ["KEHOACH_PROCESSED"] = str(work / "processed")  # text artifacts, OCR cache
        files = write_plans(generate_plans(args.plans, paragraphs, seed=args.seed), work / "plans")
        urls = {}
        if args.backend in ("sqlite", "both"):
            urls["SQLite"] = f"sqlite:///{work / 'bench.sqlite'}"
        if args.backend in ("postgresql", "both"):
            urls["PostgreSQL"] = stack.enter_context(postgres_url(args.pg_url))
        results = {}
        for backend, url in urls.items():
            print(f"bench_store: ingesting {len(files)} plans into {backend} ...", file=sys.stderr)
            results[backend] = {"ingest": ingest_timed(files, url, args.workers)}
            results[backend]["queries"] = time_queries(url, args.runs)
        profile = profile_text_path(files[: args.profile]) if args.profile else None
    print(report(args, results, profile))


if __name__ == "__main__":
    main()
