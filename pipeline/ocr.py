"""Tesseract OCR of page images: clean-up, layout-aware text, cache, and a page-parallel pool.

Tesseract runs as a command (:mod:`pipeline.ocr_engine`: the page on stdin, TSV on stdout) with a
per-page timeout. The pool runs one Tesseract per worker, and Tesseract's own OpenMP threads would
then oversubscribe the cores (OCRmyPDF's lesson: about 5x slower on 2 cores), so each Tesseract
runs with ``OMP_THREAD_LIMIT=1``. The TSV output gives words, confidences and
Tesseract's layout blocks in one run, so the two-column header of a Vietnamese plan (issuer left,
national motto right) comes out as two blocks, left then right, instead of being merged line by line.
Before the words are joined, free-standing dashes get the glyph their width says
(:mod:`pipeline.ocr_glyphs`) and low-confidence numbers, numerals and codes are cropped, enlarged
and read again (:mod:`pipeline.ocr_reread`). Each page's text then goes through
:mod:`pipeline.ocr_postfix` (document-number dashes, the doubled ``ĐÐ``), residual Tesseract errors
a syllable model cannot see; the rules that need the whole document (misread issuer codes, heading
numerals running on across pages) run later, in the read stage.

Results are cached as JSON by the SHA-256 of the rendered page image, so rebuilding a store
does not OCR a page twice.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import re
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import Image

from kehoach.errors import OcrError
from pipeline.ocr_engine import image_to_osd, image_to_tsv
from pipeline.ocr_engine import tesseract_version as tesseract_version  # re-exported for the read stage
from pipeline.ocr_glyphs import restore_dashes
from pipeline.ocr_layout import assemble_text, looks_sideways, parse_tsv
from pipeline.ocr_postfix import postfix_ocr_text
from pipeline.ocr_reread import reread_doubtful

if TYPE_CHECKING:
    from pipeline.ocr_tables import TableGrid

LOW_CONFIDENCE = 60.0  # mean word confidence under which a page is flagged for review
RETRY_ORIENTATION_BELOW = 70.0  # mean confidence under which the page may be rotated: try OSD
SIDEWAYS_CONFIDENCE_MARGIN = 5.0  # an upright re-reading may score this much lower and still win
REREAD_DOUBTFUL = True  # second reading of low-confidence numbers and codes (pipeline.ocr_reread)
OSD_MIN_CONFIDENCE = 1.0  # Tesseract's orientation confidence below which OSD is ignored
# Bump when clean-up or text assembly changes, so cached pages from older code are not reused.
CACHE_VERSION = "13"  # 8: ruled tables one line per row (pipeline.ocr_tables); 9: cells merged down; 10: short strokes no rules, cells re-read; 11: a type code letter read twice; 12: a glued type code, a legislature term, a type code before its issuer (ocr_postfix); 13: a space after the dash


@dataclass(slots=True)
class PageOcr:
    text: str
    mean_confidence: float  # mean word confidence, 0-100 (0 when no word was found)
    words: int  # number of words Tesseract recognised


@dataclass(frozen=True, slots=True)
class PageJob:
    """One page to OCR, described so a worker process can render it itself (streaming).

    ``render`` is a module-level function ``(path, index, password) -> (image, dpi)``, so the job
    pickles by reference and the parent never holds more than the page descriptions.
    """

    render: Callable[[Path, int, str | None], tuple[Image.Image, float | None]]
    path: Path
    index: int  # 0-based page/frame index
    password: str | None = None


def run_tesseract_tsv(image: Image.Image, lang: str = "vie", psm: int = 3) -> str:
    """Tesseract's TSV output (words, boxes, confidences, layout) for one image."""
    return image_to_tsv(image, lang=lang, psm=psm)


def detect_rotation(image: Image.Image) -> int:
    """Clockwise degrees (0/90/180/270) that Tesseract's OSD says would make the page upright.

    0 when OSD is unsure or cannot decide (too few characters); it costs about one more OCR pass,
    which is why it only runs for pages that read badly (see :func:`ocr_image`).
    """
    try:
        output = image_to_osd(image)
    except OcrError:
        return 0
    rotate = re.search(r"Rotate:\s*(\d+)", output)
    confidence = re.search(r"Orientation confidence:\s*([\d.]+)", output)
    if not rotate or not confidence or float(confidence.group(1)) < OSD_MIN_CONFIDENCE:
        return 0
    return int(rotate.group(1)) % 360


def tsv_to_page(
    tsv: str, image: Image.Image | None = None, lang: str = "vie", tables: Sequence[TableGrid] = ()
) -> PageOcr:
    """Page text and confidence from Tesseract TSV (layout rules in :mod:`pipeline.ocr_layout`,
    residual-error rules in :mod:`pipeline.ocr_postfix`). With ``image``, the page Tesseract read,
    doubtful numbers and codes are read again first (:mod:`pipeline.ocr_reread`). ``tables``: the
    page's ruled tables (:mod:`pipeline.ocr_tables`), each given one line per row."""
    lines, page_width = parse_tsv(tsv)
    restore_dashes(lines)
    if image is not None and REREAD_DOUBTFUL:
        reread_doubtful(image, lines, lang)
    if tables:
        from pipeline.ocr_tables import A4_SHORT_SIDE_INCHES, assemble_with_tables

        ppi = min(image.size) / A4_SHORT_SIDE_INCHES if image is not None else 300.0
        confidences = [word.confidence for line in lines for word in line.words if word.confidence >= 0]
        # the post-fixes run on the text between tables and on each cell, never on " | "
        text = assemble_with_tables(lines, page_width, tables, postfix_ocr_text, ppi, image, lang)
        mean = round(sum(confidences) / len(confidences), 2) if confidences else 0.0
        return PageOcr(text=text, mean_confidence=mean, words=len(confidences))
    page = assemble_text(lines, page_width)
    confidences = page.confidences
    mean = round(sum(confidences) / len(confidences), 2) if confidences else 0.0
    return PageOcr(text=postfix_ocr_text(page.text), mean_confidence=mean, words=len(confidences))


def read_page(image: Image.Image, lang: str = "vie", psm: int = 3) -> tuple[PageOcr, str]:
    """OCR of a cleaned page, and Tesseract's TSV. On a page with ruled tables
    (:mod:`pipeline.ocr_tables`) the rules are erased before Tesseract reads it, and each table
    comes out one line per row; any other page is read exactly as it is."""
    import numpy as np

    from pipeline.ocr_tables import detect, erase_rules

    grey = np.asarray(image if image.mode == "L" else image.convert("L"))
    detection = detect(grey)
    if detection.tables:
        erased = Image.fromarray(erase_rules(grey, detection), mode="L")
        erased.info = dict(image.info)
        image = erased
    tsv = run_tesseract_tsv(image, lang=lang, psm=psm)
    return tsv_to_page(tsv, image, lang, tables=detection.tables), tsv


def ocr_image(
    image: Image.Image,
    lang: str = "vie",
    dpi: float | None = None,
    steps: Sequence[str] | None = None,
    psm: int = 3,
) -> PageOcr:
    """Clean up one page image and OCR it. ``dpi``: the page's resolution (None: guessed);
    ``steps``: the clean-up steps (None: :data:`pipeline.image_cleanup.DEFAULT_STEPS`).

    A page that reads badly, or whose words come out sideways, is checked for a turned scan with
    Tesseract's OSD and read again upright; the better of the two readings is kept.
    """
    # Imported here, in the worker that reads the page: OpenCV and NumPy take ~0.2 s to import,
    # time the parent would otherwise spend alone before any worker starts (forked workers
    # import them at the same time, in parallel).
    from pipeline.image_cleanup import A4_WIDTH_INCHES, DEFAULT_STEPS, clean_page, upscale_factor

    steps = DEFAULT_STEPS if steps is None else steps
    cleaned = clean_page(image, dpi=dpi, steps=steps)
    factor = upscale_factor(image.width, dpi) if "upscale" in steps else 1.0
    effective_dpi = round((dpi or image.width / A4_WIDTH_INCHES) * factor)
    cleaned.info["dpi"] = (effective_dpi, effective_dpi)
    page, tsv = read_page(cleaned, lang=lang, psm=psm)
    sideways = looks_sideways(tsv)
    if page.mean_confidence >= RETRY_ORIENTATION_BELOW and not sideways:
        return page
    rotation = detect_rotation(cleaned)
    if rotation == 0:
        return page
    upright = cleaned.rotate(-rotation, expand=True)  # PIL rotates counter-clockwise
    upright.info["dpi"] = (effective_dpi, effective_dpi)
    turned, _ = read_page(upright, lang=lang, psm=psm)
    # A sideways reading can score well (Tesseract rotates lines itself) but loses the layout.
    margin = SIDEWAYS_CONFIDENCE_MARGIN if sideways else 0.0
    return turned if turned.mean_confidence + margin > page.mean_confidence else page


def image_sha256(image: Image.Image) -> str:
    """Hash of the decoded pixels (not the file), so one page keyed the same from PDF or PNG."""
    digest = hashlib.sha256(f"{image.mode}:{image.size}".encode())
    digest.update(image.tobytes())
    return digest.hexdigest()


def ocr_image_cached(
    image: Image.Image, lang: str = "vie", dpi: float | None = None, cache_dir: Path | None = None
) -> PageOcr:
    """:func:`ocr_image` through the JSON cache under ``cache_dir`` (None: no cache)."""
    if cache_dir is None:
        return ocr_image(image, lang=lang, dpi=dpi)
    key = hashlib.sha256(f"{image_sha256(image)}:{lang}:{dpi}:{CACHE_VERSION}".encode()).hexdigest()
    cache_file = Path(cache_dir) / key[:2] / f"{key}.json"
    if cache_file.is_file():
        try:
            return PageOcr(**json.loads(cache_file.read_text(encoding="utf-8")))
        except (ValueError, TypeError):
            pass  # a damaged cache entry is simply recomputed
    result = ocr_image(image, lang=lang, dpi=dpi)
    cache_file.parent.mkdir(parents=True, exist_ok=True)
    temporary = cache_file.with_suffix(f".{os.getpid()}.tmp")
    temporary.write_text(json.dumps(asdict(result), ensure_ascii=False), encoding="utf-8")
    temporary.replace(cache_file)  # atomic: parallel workers never read half a file
    return result


def _run_job(job: PageJob, lang: str, cache_dir: Path | None) -> PageOcr:
    image, dpi = job.render(job.path, job.index, job.password)
    try:
        return ocr_image_cached(image, lang=lang, dpi=dpi, cache_dir=cache_dir)
    finally:
        image.close()


def ocr_pages(
    jobs: Sequence[PageJob], lang: str = "vie", workers: int = 1, cache_dir: Path | None = None
) -> Iterator[PageOcr]:
    """OCR pages in job order; with ``workers > 1`` in a process pool, each worker rendering its page.

    Results are yielded in order as they complete, so the caller can stream them.
    """
    if workers <= 1 or len(jobs) <= 1 or multiprocessing.current_process().daemon:
        # a daemonic worker (multiprocessing.Pool) may not start children: read pages in turn
        for job in jobs:
            yield _run_job(job, lang, cache_dir)
        return
    with ProcessPoolExecutor(max_workers=min(workers, len(jobs))) as pool:
        yield from pool.map(_run_job, jobs, [lang] * len(jobs), [cache_dir] * len(jobs))
