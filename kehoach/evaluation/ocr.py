"""OCR measurement: kehoach's read stage against bare Tesseract on scans with ground truth.

For each ``*.pdf`` in a folder with a ``*.gt.txt`` beside it (``kehoach.synth.synth_scan`` writes
both), the ``raw`` text of the read stage (clean-up + layout + Tesseract ``vie``) and the output of
the baseline ``pdftoppm -r 300 | tesseract -l vie`` are scored with whitespace-normalised CER/WER.
Scans named ``name.QUALITY.pdf`` (``plan.office.pdf``) are grouped by quality level.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

from kehoach.document import Document
from kehoach.evaluation.metrics import error_rates
from kehoach.synth.degrade import QUALITIES
from pipeline.options import PipelineOptions
from pipeline.read import read


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
    row: dict[str, Any] = {
        "file": pdf.name,
        "quality": quality_of(pdf),
        "pages": len(doc.pages),
        "seconds": round(seconds, 2),
        "pages_per_second": round(len(doc.pages) / seconds, 3) if seconds else None,
        "mean_confidence": (doc.ocr or {}).get("mean_confidence"),
        **{key: value for key, value in error_rates(truth, doc.text).items() if key in ("cer", "wer")},
    }
    if baseline:
        started = time.perf_counter()
        bare = error_rates(truth, bare_tesseract(pdf))
        row.update(
            bare_cer=bare["cer"], bare_wer=bare["wer"], bare_seconds=round(time.perf_counter() - started, 2)
        )
    return row


def _group(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    groups: dict[str, dict[str, Any]] = {}
    for quality in sorted({row["quality"] for row in rows}):
        members = [row for row in rows if row["quality"] == quality]
        summary: dict[str, Any] = {"files": len(members), "pages": sum(row["pages"] for row in members)}
        for key in ("cer", "wer", "bare_cer", "bare_wer"):
            values = [row[key] for row in members if key in row]
            if values:
                summary[key] = round(sum(values) / len(values), 4)
        total_seconds = sum(row["seconds"] for row in members)
        summary["pages_per_second"] = round(summary["pages"] / total_seconds, 3) if total_seconds else None
        groups[quality] = summary
    return groups


def format_report(result: dict[str, Any]) -> str:
    """A plain-text table: one line per quality level, kehoach vs bare Tesseract."""
    lines = [
        f"{'quality':<8} {'files':>5} {'pages':>5} {'CER':>7} {'WER':>7} {'bare CER':>9} {'bare WER':>9} {'pages/s':>8}"
    ]
    for quality, row in result["by_quality"].items():
        lines.append(
            f"{quality:<8} {row['files']:>5} {row['pages']:>5} {row.get('cer', float('nan')):>7.2%} "
            f"{row.get('wer', float('nan')):>7.2%} {row.get('bare_cer', float('nan')):>9.2%} "
            f"{row.get('bare_wer', float('nan')):>9.2%} {row['pages_per_second'] or 0:>8.3f}"
        )
    lines.append(f"workers: {result['workers']}, peak RSS: {result['peak_rss_mib']} MiB")
    return "\n".join(lines)
