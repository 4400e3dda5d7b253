"""OCR measurement: kehoach's read stage against bare Tesseract on scans with ground truth.

For each ``*.pdf`` in a folder with a ``*.gt.txt`` beside it (``kehoach.synth.synth_scan`` writes
both), three texts are scored with whitespace-normalised CER/WER against the ground truth:

- ``raw``: the read stage's text (clean-up + layout + Tesseract ``vie`` + :mod:`pipeline.ocr_postfix`);
- ``final``: the pipeline's final text, what ``kehoach extract --format json`` gives as ``text``
  (normalise + language + repair + segment run on the raw text; extraction does not change it);
- ``bare``: the baseline ``pdftoppm -r 300 | tesseract -l vie``.

Document numbers (``1905/KH-UBND``, ``73/2023/NĐ-CP``) are counted apart: the share of the ground
truth's numbers that come out character for character (:func:`number_matches`). Scans named
``name.QUALITY.pdf`` (``plan.office.pdf``) are grouped by quality level.

Only whitespace is normalised (line breaks of a page are layout, not text); dashes and quotes are
compared as they are. One exception, for the final text only: the normalise stage writes every
syllable in one tone-placement convention (``hoá`` → ``hóa``, ``UỶ`` → ``ỦY``, both correct
spellings), so ``final_cer`` compares it with the ground truth put in the same convention (as
``kehoach eval repair`` does); ``final_cer_strict`` is the plain comparison.
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import subprocess
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from kehoach.document import Document
from kehoach.evaluation.metrics import error_rates
from kehoach.repair.syllables import normalize_tone_placement
from kehoach.synth.degrade import QUALITIES
from pipeline.extract import extract
from pipeline.options import PipelineOptions
from pipeline.read import read
from pipeline.runner import TEXT_STAGES, run_stages

#: the text stages that make the final text; extraction reads the text and leaves it as it is
FINAL_TEXT_STAGES = tuple(stage for stage in TEXT_STAGES if stage is not extract)
DOCUMENT_NUMBER = re.compile(
    r"""
    (?<![\w/])\d{1,5}/                  # the number: "1905/"
    (?:\d{4}/)?                         # the year of national documents: "73/2023/"
    [^\W\d_][\w&.]*(?:-[\w&.]+)*     # the symbol: "KH-UBND", "NĐ-CP", "QĐ-BVHTTDL", "QH15"
    """,
    re.VERBOSE,
)


def quality_of(pdf: Path) -> str:
    """``plan.office.pdf`` → ``office``; ``plan.pdf`` → ``all``."""
    parts = pdf.name.split(".")
    return parts[-2] if len(parts) >= 3 and parts[-2] in QUALITIES else "all"


def bare_tesseract(pdf: Path, lang: str = "vie") -> str:
    """Baseline text: each page rendered by ``pdftoppm -r 300`` and read by plain ``tesseract``."""
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    pages: list[str] = []
    with tempfile.TemporaryDirectory(prefix="kehoach-bare-") as folder:
        count = _pdf_page_count(pdf)
        for number in range(1, count + 1):
            prefix = Path(folder) / f"page{number}"
            subprocess.run(
                [
                    "pdftoppm",
                    "-r",
                    "300",
                    "-gray",
                    "-png",
                    "-f",
                    str(number),
                    "-l",
                    str(number),
                    "-singlefile",
                    str(pdf),
                    str(prefix),
                ],
                check=True,
                capture_output=True,
            )
            result = subprocess.run(
                ["tesseract", f"{prefix}.png", "stdout", "-l", lang], check=True, capture_output=True, env=env
            )
            pages.append(result.stdout.decode("utf-8", "replace"))
            prefix.with_suffix(".png").unlink()
    return "\n\f\n".join(pages)


def document_numbers(text: str) -> list[str]:
    """Every document number in ``text`` (a trailing full stop, the end of a sentence, dropped)."""
    return [match.group().rstrip(".") for match in DOCUMENT_NUMBER.finditer(text)]


def missed_numbers(truth: str, hypothesis: str) -> list[str]:
    """The document numbers of ``truth`` that do not come out exactly in ``hypothesis`` (multiset)."""
    missing = Counter(document_numbers(truth)) - Counter(document_numbers(hypothesis))
    return sorted(missing.elements())


def number_matches(truth: str, hypothesis: str) -> tuple[int, int]:
    """(numbers of ``truth`` found exactly in ``hypothesis``, numbers in ``truth``), as multisets."""
    wanted, found = Counter(document_numbers(truth)), Counter(document_numbers(hypothesis))
    return sum(min(count, found[number]) for number, count in wanted.items()), sum(wanted.values())


def _pdf_page_count(pdf: Path) -> int:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    try:
        return len(document)
    finally:
        document.close()


def _peak_rss_mib() -> float:
    """Peak resident memory of this process and of its (waited-for) children, in MiB (Linux: KiB)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return round(max(own, children) / 1024, 1)


def evaluate_ocr(scan_dir: Path, workers: int = 2, baseline: bool = True) -> dict[str, Any]:
    """Score every scan in ``scan_dir``; returns per-file rows and per-quality means.

    The OCR cache is disabled (a temporary folder), so pages per second measure real OCR work.
    """
    scans = sorted(pdf for pdf in Path(scan_dir).glob("*.pdf") if pdf.with_suffix(".gt.txt").is_file())
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="kehoach-ocr-eval-") as cache:
        options = PipelineOptions(ocr_workers=workers, cache_dir=Path(cache))
        for pdf in scans:
            rows.append(_score_scan(pdf, options, baseline))
            shutil.rmtree(cache, ignore_errors=True)
    return {"files": rows, "by_quality": _group(rows), "workers": workers, "peak_rss_mib": _peak_rss_mib()}


def _score_scan(pdf: Path, options: PipelineOptions, baseline: bool) -> dict[str, Any]:
    truth = pdf.with_suffix(".gt.txt").read_text(encoding="utf-8")
    started = time.perf_counter()
    doc = read(Document(path=pdf), options)
    seconds = time.perf_counter() - started
    raw = doc.text
    final = run_stages(doc, FINAL_TEXT_STAGES, options).text
    raw_numbers, numbers = number_matches(truth, raw)
    final_numbers, _ = number_matches(truth, final)
    row: dict[str, Any] = {
        "file": pdf.name,
        "quality": quality_of(pdf),
        "pages": len(doc.pages),
        "seconds": round(seconds, 2),
        "pages_per_second": round(len(doc.pages) / seconds, 3) if seconds else None,
        "mean_confidence": (doc.ocr or {}).get("mean_confidence"),
        **{key: value for key, value in error_rates(truth, raw).items() if key in ("cer", "wer")},
        **{
            f"final_{key}": value
            for key, value in error_rates(normalize_tone_placement(truth), final).items()
            if key in ("cer", "wer")
        },
        "final_cer_strict": error_rates(truth, final)["cer"],
        "numbers": numbers,
        "numbers_exact": raw_numbers,
        "final_numbers_exact": final_numbers,
        "final_numbers_missed": missed_numbers(truth, final),
    }
    if baseline:
        started = time.perf_counter()
        bare_text = bare_tesseract(pdf)
        bare = error_rates(truth, bare_text)
        row.update(
            bare_cer=bare["cer"],
            bare_wer=bare["wer"],
            bare_seconds=round(time.perf_counter() - started, 2),
            bare_numbers_exact=number_matches(truth, bare_text)[0],
        )
    return row


def _group(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    groups: dict[str, dict[str, Any]] = {}
    for quality in sorted({row["quality"] for row in rows}):
        members = [row for row in rows if row["quality"] == quality]
        summary: dict[str, Any] = {"files": len(members), "pages": sum(row["pages"] for row in members)}
        for key in ("cer", "wer", "final_cer", "final_cer_strict", "final_wer", "bare_cer", "bare_wer"):
            values = [row[key] for row in members if key in row]
            if values:
                summary[key] = round(sum(values) / len(values), 5)
        summary["numbers"] = sum(row["numbers"] for row in members)
        for key in ("numbers_exact", "final_numbers_exact", "bare_numbers_exact"):
            if all(key in row for row in members):
                summary[key] = sum(row[key] for row in members)
        total_seconds = sum(row["seconds"] for row in members)
        summary["pages_per_second"] = round(summary["pages"] / total_seconds, 3) if total_seconds else None
        groups[quality] = summary
    return groups


def _share(row: dict[str, Any], key: str) -> str:
    """``"41/42"`` document numbers exact, or ``"-"`` when not measured."""
    return f"{row[key]}/{row['numbers']}" if key in row else "-"


def format_report(result: dict[str, Any]) -> str:
    """A plain-text table: one line per quality level; raw and final kehoach text vs bare Tesseract.

    CER/WER columns: raw = read stage, final = after repair (``kehoach extract`` text; tone placement
    folded, "strict" without), bare = ``pdftoppm | tesseract``; "numbers" = document numbers exactly
    right, final / raw / bare.
    """
    nan = float("nan")
    lines = [
        f"{'quality':<8} {'files':>5} {'pages':>5} {'raw CER':>8} {'final CER':>9} {'(strict)':>9} "
        f"{'bare CER':>9} {'raw WER':>8} {'final WER':>9} {'bare WER':>9} "
        f"{'numbers final/raw/bare':>24} {'pages/s':>8}"
    ]
    for quality, row in result["by_quality"].items():
        numbers = " ".join(
            _share(row, key) for key in ("final_numbers_exact", "numbers_exact", "bare_numbers_exact")
        )
        lines.append(
            f"{quality:<8} {row['files']:>5} {row['pages']:>5} {row.get('cer', nan):>8.3%} "
            f"{row.get('final_cer', nan):>9.3%} {row.get('final_cer_strict', nan):>9.3%} "
            f"{row.get('bare_cer', nan):>9.3%} {row.get('wer', nan):>8.2%} "
            f"{row.get('final_wer', nan):>9.2%} {row.get('bare_wer', nan):>9.2%} {numbers:>24} "
            f"{row['pages_per_second'] or 0:>8.3f}"
        )
    lines.append(f"workers: {result['workers']}, peak RSS: {result['peak_rss_mib']} MiB")
    return "\n".join(lines)
