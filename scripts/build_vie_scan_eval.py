"""Build the ``vie`` scan set for ``kehoach eval repair``: what repair receives from degraded scans.

For every ``NAME.QUALITY.pdf`` with its ``NAME.QUALITY.gt.txt`` (``kehoach synth`` or
``scripts/bench_ocr.py`` writes both), the pipeline's read stage (clean-up, layout, Tesseract ``vie``,
post-OCR rules) and the normalise and language stages run, and the text the repair stage would get is
written beside the ground truth:

    tests/data/ocr_eval/vie_scans/<set>/NAME.QUALITY.vie.gt.txt   the drawn text
    tests/data/ocr_eval/vie_scans/<set>/NAME.QUALITY.vie.ocr.txt  the text entering repair

so that repair alone can be measured on real ``vie`` output of photocopies and photos in seconds,
without OCR (:func:`kehoach.evaluation.repair.evaluate_vie_scans`). Run on dev machines:

    nice -n 10 .venv/bin/python scripts/build_vie_scan_eval.py data/processed/bench/scans2/accuracy \
        --set heldout2
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from kehoach.document import Document
from pipeline.language import language
from pipeline.normalize import normalize
from pipeline.options import PipelineOptions
from pipeline.read import read

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "tests" / "data" / "ocr_eval" / "vie_scans"


def text_entering_repair(pdf: Path, options: PipelineOptions) -> str:
    """The normalised text of ``pdf`` as the repair stage receives it."""
    doc = read(Document(path=pdf), options)
    return language(normalize(doc, options), options).text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("scan_dir", type=Path, help="folder of NAME.QUALITY.pdf with NAME.QUALITY.gt.txt")
    parser.add_argument("--set", required=True, help="subfolder name: which plans these are (heldout2, ...)")
    parser.add_argument("--cache", type=Path, help="OCR cache folder (reruns need no OCR)")
    args = parser.parse_args()
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    options = PipelineOptions(ocr_workers=1, cache_dir=args.cache, repair=False)
    out = OUT_DIR / args.set
    out.mkdir(parents=True, exist_ok=True)
    for pdf in sorted(args.scan_dir.glob("*.pdf")):
        truth = pdf.with_suffix(".gt.txt")
        if not truth.is_file():
            continue
        (out / f"{pdf.stem}.vie.gt.txt").write_text(truth.read_text(encoding="utf-8"), encoding="utf-8")
        (out / f"{pdf.stem}.vie.ocr.txt").write_text(text_entering_repair(pdf, options), encoding="utf-8")
        print(pdf.name, flush=True)


if __name__ == "__main__":
    main()
