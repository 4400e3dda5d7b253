"""Glyphs Tesseract ``vie`` reads as a look-alike, told apart by the width of their box.

Tesseract reads the en dash of ``2020 – 2025`` and ``tài chính – ngân sách`` as a hyphen ``-``; the
text alone cannot tell them apart (``kinh tế - xã hội`` has a real hyphen between spaces), but the
ink can: in the serif faces of official documents a hyphen is about a third of an em wide and an
en dash half an em. Measured on the seed plans' clean scans against the height of the line's words
(cap height plus descender, about 0.9 em): hyphens 0.28–0.35, en dashes 0.44–0.52. A dash standing
alone as a word is given the glyph its width says; dashes inside words (``KH-UBND``) are left alone.
"""

from __future__ import annotations

from pipeline.ocr_layout import OcrLine

DASHES = frozenset("-–—")
EN_DASH_MIN_WIDTH = 0.40  # dash width / median word height from which the dash is an en dash
EM_DASH_MIN_WIDTH = 0.85  # ... and an em dash


def _median_word_height(line: OcrLine) -> int:
    heights = sorted(word.bottom - word.top for word in line.words if len(word.text) >= 2)
    return heights[len(heights) // 2] if heights else 0


def dash_for_width(width: int, word_height: int) -> str:
    """The dash a box ``width`` pixels wide is, in a line whose words are ``word_height`` high."""
    ratio = width / word_height
    if ratio >= EM_DASH_MIN_WIDTH:
        return "—"
    return "–" if ratio >= EN_DASH_MIN_WIDTH else "-"


def restore_dashes(lines: list[OcrLine]) -> int:
    """Give every free-standing dash the glyph its width says; returns how many changed."""
    changed = 0
    for line in lines:
        height = 0
        for word in line.words:
            if word.text not in DASHES:
                continue
            height = height or _median_word_height(line)
            if height <= 0:
                break  # a line of dashes only: nothing to measure them against
            dash = dash_for_width(word.right - word.left, height)
            if dash != word.text:
                word.text = dash
                changed += 1
    return changed
