"""OCR a rendered page and give every OCR word back to the rendered line it was read from.

Because we drew the page ourselves we know each line's box; Tesseract's word boxes, rotated back
through the known skew, fall into those boxes. This pairs OCR output with ground truth line by line
without trusting Tesseract's own line segmentation (which merges and splits lines on skewed scans).
"""

from __future__ import annotations

import os

import pytesseract
from PIL import Image

from kehoach.synth.degrade import Degradation, rotate_point
from kehoach.synth.render import PageLayout

os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # one core per Tesseract: we share the machine
TESSERACT_CONFIG = "--psm 4"


def ocr_words(image: Image.Image, lang: str) -> list[tuple[str, float, float]]:
    """Tesseract words with their box centres, in Tesseract's reading order."""
    data = pytesseract.image_to_data(
        image, lang=lang, config=TESSERACT_CONFIG, output_type=pytesseract.Output.DICT
    )
    words = []
    for text, conf, left, top, width, height in zip(
        data["text"], data["conf"], data["left"], data["top"], data["width"], data["height"], strict=True
    ):
        if text.strip() and float(conf) >= 0:
            words.append((text.strip(), left + width / 2, top + height / 2))
    return words


def _distance_to_box(x: float, y: float, box: tuple[int, int, int, int]) -> tuple[float, float]:
    """(vertical, horizontal) distance from a point to a line box; 0 inside."""
    x0, y0, x1, y1 = box
    return abs((y0 + y1) / 2 - y), max(x0 - x, 0.0, x - x1)


def words_by_line(
    page: PageLayout, words: list[tuple[str, float, float]], degradation: Degradation, size: tuple[int, int]
) -> list[list[str]]:
    """For each laid-out line of ``page``, the OCR words whose centre falls on it, left to right.

    A word belongs to the line whose vertical centre is within half a line pitch of it; when two
    lines share a row (the two header columns) the one whose box is horizontally nearest wins.
    Words far outside every box (stamp residue, page-edge noise) belong to no line.
    """
    found: list[list[tuple[float, str]]] = [[] for _ in page.lines]
    for text, x, y in words:
        x, y = rotate_point(x, y, degradation, size)
        best, best_key = None, None
        for index, line in enumerate(page.lines):
            vertical, horizontal = _distance_to_box(x, y, line.box)
            pitch = line.box[3] - line.box[1]
            if (
                vertical <= pitch / 2
                and horizontal <= pitch
                and (best_key is None or (horizontal, vertical) < best_key)
            ):
                best, best_key = index, (horizontal, vertical)
        if best is not None:
            found[best].append((x, text))
    return [[text for _, text in sorted(line_words)] for line_words in found]
