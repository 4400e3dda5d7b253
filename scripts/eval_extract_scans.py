"""What extraction loses when a plan arrives as a scan: ``python scripts/eval_extract_scans.py``.

Every plan with gold (``tests/heldout`` and the seeds of ``tests/gold`` with ``data/raw``) is
rendered as a whole-document scan (``kehoach.synth.synth_scan``, ``--quality office`` by default),
run through the whole pipeline (read with OCR, normalise, repair), and scored with the same scorer
as ``kehoach eval extract`` (``kehoach.evaluation.extract.score_document``), beside the clean text
of the same plan run through the same text stages, and beside that clean text hard-wrapped at 90
characters with a page number every 42 lines (the shape of a plain-text or old text-layer export of
a scan, where no reader joined the lines). The table compares the three per field (P/R/F1) and per
attribute; ``--misses`` lists what the scan lost or added, document by document; ``--no-reflow``
scores with the extractors reading every line break as given (as before ``extractors.reflow``).

Two steps, so that extractors can be changed and re-scored without OCR again:

- ``--build`` writes ``OUT/QUALITY/STEM.pdf`` (+ ``.gt.txt``), runs the pipeline once per scan
  and keeps in ``OUT/QUALITY/texts/`` the final text (``STEM.scan.txt``: what extraction offsets
  refer to) and the clean run's final text (``STEM.clean.txt``), with the OCR CPU time in
  ``timings.json``;
- without ``--build`` the kept final texts are re-extracted with the current extractors (the
  extract stage is ``extract_all(doc.text)``, nothing else), which takes a second.

The scans live under ``data/processed/`` (git-ignored) unless ``--out`` says otherwise. OCR is
cached per page image (``data/processed/ocr-cache``), so a rebuild with unchanged scans is cheap.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import textwrap
import time
import unicodedata
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from extractors import extract_all  # noqa: E402
from kehoach.evaluation.extract import aggregate, score_document  # noqa: E402


def _heldout_number(folder: Path) -> int:
    """1 for ``tests/heldout``, N for ``tests/heldoutN``: the sets sort in the order they were made."""
    suffix = folder.name.removeprefix("heldout")
    return int(suffix) if suffix.isdigit() else 1


def _gold_sets() -> dict[str, tuple[Path, Path]]:
    """Every held-out set (``tests/heldout*/`` with ``gold/`` and ``docs/``) and the seeds.

    ``tests/heldout14`` (news articles copied from the corpus) is included like the others, as its
    ``docs/`` are in the repository."""
    sets: dict[str, tuple[Path, Path]] = {}
    folders = [
        p for p in (REPO / "tests").glob("heldout*") if (p / "gold").is_dir() and (p / "docs").is_dir()
    ]
    for folder in sorted(folders, key=_heldout_number):
        sets[folder.name] = (folder / "gold", folder / "docs")
    sets["seeds"] = (REPO / "tests" / "gold", REPO / "data" / "raw")
    return sets


#: set name -> (gold folder, folder of the clean documents, matched by stem as
#: ``kehoach eval extract --docs``)
GOLD_SETS: dict[str, tuple[Path, Path]] = _gold_sets()
#: what ``make eval-scans`` builds and scores (``--sets`` without a value); ``--sets all``: every set
DEFAULT_SETS = ["heldout", "seeds"]
DEFAULT_OUT = REPO / "data" / "processed" / "scan-eval"
# Final texts are kept in a subfolder, so that OUT/QUALITY holds only the scans (and their .gt.txt,
# which the CLI skips): ``kehoach eval extract tests/heldout/gold --docs OUT/QUALITY`` reads the PDFs.
TEXTS = "texts"
SCAN_SEED = 41  # the degradation is reproducible; any fixed seed will do
WRAP_WIDTH = 90  # characters of a hard-wrapped line: about one A4 line of 13 pt text
PAGE_LINES = 42  # lines of a hard-wrapped page, after which a page number is inserted


def _clean_source(docs: Path, stem: str) -> Path | None:
    matches = sorted(p for p in docs.glob(f"{stem}.*") if p.suffix in (".txt", ".md"))
    return matches[0] if matches else None


def _cpu_seconds() -> float:
    """CPU time of this process and of its finished children (Tesseract runs as a child)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def build(out: Path, quality: str, set_names: list[str]) -> None:
    """Render, OCR and repair every gold plan of ``set_names`` once; keep the final texts of scan
    and clean runs (``timings.json`` is merged with the timings of earlier builds)."""
    from kehoach.synth import synth_scan
    from pipeline.read_text import read_text_file
    from pipeline.runner import process_file

    folder = out / quality
    texts = folder / TEXTS
    texts.mkdir(parents=True, exist_ok=True)
    timings_path = texts / "timings.json"
    earlier = json.loads(timings_path.read_text(encoding="utf-8")) if timings_path.exists() else {}
    timings: dict[str, Any] = {"load_average": os.getloadavg(), "documents": earlier.get("documents", {})}
    for set_name in set_names:
        gold_dir, docs = GOLD_SETS[set_name]
        for index, gold_path in enumerate(sorted(gold_dir.glob("*.json"))):
            source = _clean_source(docs, gold_path.stem)
            if source is None:
                continue
            stem = gold_path.stem
            clean = process_file(source)
            (texts / f"{stem}.clean.txt").write_text(clean.text, encoding="utf-8")
            pdf = folder / f"{stem}.pdf"
            if not pdf.exists():
                # The scan shows what the author wrote: export debris (markdown) is not drawn.
                synth_scan(read_text_file(source) + "\n", pdf, quality=quality, seed=SCAN_SEED + index)
            cpu_before, wall_before = _cpu_seconds(), time.perf_counter()
            scanned = process_file(pdf)
            timings["documents"][stem] = {
                "set": set_name,
                "pages": len(scanned.pages),
                "cpu_s": round(_cpu_seconds() - cpu_before, 2),
                "wall_s": round(time.perf_counter() - wall_before, 2),
                "stages_wall_s": {k: round(v, 2) for k, v in scanned.timings.items()},
            }
            (texts / f"{stem}.scan.txt").write_text(scanned.text, encoding="utf-8")
            print(f"{stem}: {timings['documents'][stem]}", file=sys.stderr)
    timings["load_average_after"] = os.getloadavg()
    timings_path.write_text(json.dumps(timings, indent=2), encoding="utf-8")


def hard_wrapped(text: str, width: int = WRAP_WIDTH, page_lines: int = PAGE_LINES) -> str:
    """``text`` as a plain-text export of a scan shows it: every paragraph wrapped at ``width``
    characters, a blank line, the page number and a blank line after every ``page_lines`` lines."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        wrapped = textwrap.wrap(paragraph, width, break_long_words=False, break_on_hyphens=False)
        lines += wrapped or [""]
    out: list[str] = []
    for index, line in enumerate(lines, start=1):
        out.append(line)
        if index % page_lines == 0:
            out += ["", str(index // page_lines + 1), ""]
    return "\n".join(out)


def score_versions(folder: Path, set_names: list[str]) -> dict[str, dict[str, tuple]]:
    """``{version: {stem: (prediction, gold, score)}}`` for the kept ``clean`` and ``scan`` texts,
    and ``wrapped``: the clean text hard-wrapped by :func:`hard_wrapped` (no OCR involved)."""
    results: dict[str, dict[str, tuple]] = {"clean": {}, "scan": {}, "wrapped": {}}
    for set_name in set_names:
        gold_dir, _ = GOLD_SETS[set_name]
        for gold_path in sorted(gold_dir.glob("*.json")):
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            texts = {}
            for version in ("clean", "scan"):
                text_path = folder / TEXTS / f"{gold_path.stem}.{version}.txt"
                if text_path.exists():
                    texts[version] = unicodedata.normalize("NFC", text_path.read_text(encoding="utf-8"))
            if "clean" in texts:
                texts["wrapped"] = hard_wrapped(texts["clean"])
            for version, text in texts.items():
                predicted = extract_all(text).to_dict()
                results[version][gold_path.stem] = (predicted, gold, score_document(predicted, gold))
    return results


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def comparison_table(aggregated: dict[str, dict[str, Any]]) -> str:
    """Markdown: per field P / R / F1 and per attribute correct/total, one column per text version."""
    versions = list(aggregated)
    first = aggregated[versions[0]]
    lines = [
        "| field | " + " | ".join(f"{v} P / R / F1 (tp/fp/fn)" for v in versions) + " |",
        "| --- |" + " --- |" * len(versions),
    ]
    for name in first["fields"]:
        cells = []
        for version in versions:
            c = aggregated[version]["fields"].get(name, {})
            cells.append(
                f"{_fmt(c.get('precision'))} / {_fmt(c.get('recall'))} / {_fmt(c.get('f1'))} "
                f"({c.get('tp')}/{c.get('fp')}/{c.get('fn')})"
            )
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    lines += ["", "| attribute | " + " | ".join(versions) + " |", "| --- |" + " --- |" * len(versions)]
    names = sorted({name for result in aggregated.values() for name in result["attributes"]})
    for name in names:
        cells = []
        for version in versions:
            c = aggregated[version]["attributes"].get(name, {})
            cells.append(f"{c.get('correct')}/{c.get('total')}")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


#: the columns of :func:`per_set_table`: fields (F1) and attributes (correct/total)
SUMMARY_FIELDS = ("citations", "deadlines", "people", "obligations")
SUMMARY_ATTRIBUTES = (
    "citation.issued_on",
    "citation.issuer",
    "obligation.deadline",
    "obligation.recipient",
    "obligation.responsible",
)


def per_set_table(results: dict[str, dict[str, tuple]], set_names: list[str]) -> str:
    """Markdown: per set, clean -> scan F1 of the main fields, the main attributes and the
    document fields together (``document.*`` summed), then all sets."""
    header = ["set", "docs", *SUMMARY_FIELDS, *SUMMARY_ATTRIBUTES, "document.*"]
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    groups = [(name, set(_set_stems(name))) for name in set_names]
    groups.append(("all", set().union(*(stems for _, stems in groups))))
    for name, stems in groups:
        agg = {
            version: aggregate(score for stem, (_, _, score) in results[version].items() if stem in stems)
            for version in ("clean", "scan")
        }
        if not agg["scan"]["documents"]:
            continue
        cells = [name, str(agg["scan"]["documents"])]
        for field in SUMMARY_FIELDS:
            cells.append(
                " → ".join(_fmt(agg[v]["fields"].get(field, {}).get("f1")) for v in ("clean", "scan"))
            )
        for attribute in SUMMARY_ATTRIBUTES:
            cells.append(" → ".join(_correct_total(agg[v], (attribute,)) for v in ("clean", "scan")))
        document = tuple(a for a in agg["clean"]["attributes"] if a.startswith("document."))
        cells.append(" → ".join(_correct_total(agg[v], document) for v in ("clean", "scan")))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _set_stems(set_name: str) -> list[str]:
    gold_dir, _ = GOLD_SETS[set_name]
    return [p.stem for p in sorted(gold_dir.glob("*.json"))]


def _correct_total(aggregated: dict[str, Any], names: tuple[str, ...]) -> str:
    correct = sum(aggregated["attributes"].get(n, {}).get("correct", 0) for n in names)
    total = sum(aggregated["attributes"].get(n, {}).get("total", 0) for n in names)
    return f"{correct}/{total}"


def _citation_keys(prediction: dict) -> dict[str, dict]:
    return {
        (c.get("number") or f"{c.get('title')} {c.get('year')}"): c for c in prediction.get("citations", [])
    }


def _obligation_view(o: dict) -> str:
    return f"{o.get('action')!r} dl={o.get('deadline')} fr={o.get('frequency')} rc={o.get('recipient')}"


def describe_misses(results: dict[str, dict[str, Any]]) -> str:
    """Per document, every difference between the clean run's extraction and the scan's."""
    out: list[str] = []
    for stem, (scan_pred, gold, _) in sorted(results["scan"].items()):
        clean_pred = results["clean"][stem][0]
        notes: list[str] = []
        for field in ("doc_type", "number", "issuer", "parent_issuer", "place", "issued_on", "signer"):
            c, s = (clean_pred.get("document") or {}).get(field), (scan_pred.get("document") or {}).get(field)
            if c != s:
                notes.append(
                    f"  document.{field}: clean={c!r} scan={s!r} gold={gold['document'].get(field)!r}"
                )
        clean_cit, scan_cit = _citation_keys(clean_pred), _citation_keys(scan_pred)
        for key in sorted(clean_cit.keys() - scan_cit.keys()):
            notes.append(f"  citation lost: {key}")
        for key in sorted(scan_cit.keys() - clean_cit.keys()):
            notes.append(f"  citation added: {key}")
        for key in sorted(clean_cit.keys() & scan_cit.keys()):
            for attr in ("issued_on", "issuer", "doc_type"):
                if clean_cit[key].get(attr) != scan_cit[key].get(attr):
                    notes.append(
                        f"  citation {key}.{attr}: clean={clean_cit[key].get(attr)!r} "
                        f"scan={scan_cit[key].get(attr)!r}"
                    )
        for kind in ("people", "indicators", "dimensions"):
            key = "name" if kind == "people" else "code"
            c = {item[key] for item in clean_pred.get(kind, [])}
            s = {item[key] for item in scan_pred.get(kind, [])}
            notes += [f"  {kind} lost: {v}" for v in sorted(c - s)]
            notes += [f"  {kind} added: {v}" for v in sorted(s - c)]
        c = {d["date"] for d in clean_pred.get("dates", []) if d.get("role") == "deadline"}
        s = {d["date"] for d in scan_pred.get("dates", []) if d.get("role") == "deadline"}
        notes += [f"  deadline lost: {v}" for v in sorted(c - s)]
        notes += [f"  deadline added: {v}" for v in sorted(s - c)]
        c_obl = {_obligation_view(o) for o in clean_pred.get("obligations", [])}
        s_obl = {_obligation_view(o) for o in scan_pred.get("obligations", [])}
        notes += [f"  obligation only clean: {v}" for v in sorted(c_obl - s_obl)]
        notes += [f"  obligation only scan:  {v}" for v in sorted(s_obl - c_obl)]
        if notes:
            out.append(stem)
            out += notes
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where scans and final texts are kept")
    parser.add_argument("--quality", default="office", help="clean, office, poor or photo")
    parser.add_argument("--build", action="store_true", help="render and OCR the scans (slow, once)")
    parser.add_argument(
        "--sets",
        nargs="+",
        default=DEFAULT_SETS,
        choices=[*GOLD_SETS, "all"],
        help=f"gold sets to build and score (default: {' '.join(DEFAULT_SETS)}; all: every held-out set)",
    )
    parser.add_argument("--per-set", action="store_true", help="also a clean/scan summary per set")
    parser.add_argument("--misses", action="store_true", help="list every clean/scan difference")
    parser.add_argument("--no-reflow", action="store_true", help="extract without joining broken lines")
    args = parser.parse_args(argv)
    if args.no_reflow:
        import extractors.reflow

        extractors.reflow.reflow = lambda text: text  # extract_all looks it up at each call
    if "all" in args.sets:
        args.sets = list(GOLD_SETS)
    folder = args.out / args.quality
    if args.build:
        build(args.out, args.quality, args.sets)
    results = score_versions(folder, args.sets)
    if not results["scan"]:
        parser.error(f"no scan texts in {folder}: run with --build first")
    aggregated = {
        version: aggregate(score for _, _, score in per_stem.values())
        for version, per_stem in results.items()
    }
    documents = aggregated["scan"]["documents"]
    print(
        f"Extraction: clean text, {args.quality} scan, hard-wrapped text ({documents} documents: {args.sets})\n"
    )
    print(comparison_table(aggregated))
    if args.per_set:
        print("\n" + per_set_table(results, args.sets))
    if args.misses:
        print("\n" + describe_misses(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
