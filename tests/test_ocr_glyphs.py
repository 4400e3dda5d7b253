"""Dashes told apart by the width of their box (pipeline.ocr_glyphs); widths as Tesseract measured
them on the seed plans' clean scans (words 50 px high: hyphen 14 px, en dash 22-23 px)."""

from __future__ import annotations

from pipeline.ocr_glyphs import dash_for_width, restore_dashes
from pipeline.ocr_layout import OcrLine, OcrWord


def line_of(*words: tuple[str, int]) -> OcrLine:
    """Words of 50 px height laid out left to right, each (text, width in px)."""
    line, left = OcrLine("1"), 100
    for text, width in words:
        line.words.append(OcrWord(text, left, left + width, 95.0, top=10, bottom=60))
        left += width + 15
    return line


def test_dash_for_width() -> None:
    assert [dash_for_width(width, 50) for width in (14, 17, 22, 25, 45)] == ["-", "-", "–", "–", "—"]


def test_free_standing_dashes_get_the_glyph_their_width_says() -> None:
    years = line_of(("đoạn", 110), ("2020", 100), ("-", 23), ("2030.", 120))
    hyphen = line_of(("kinh", 95), ("tế", 45), ("-", 14), ("xã", 50), ("hội", 70))
    symbol = line_of(("Số:", 70), ("16/KH-UBND", 260))
    assert restore_dashes([years, hyphen, symbol]) == 1
    assert [line.text() for line in (years, hyphen, symbol)] == [
        "đoạn 2020 – 2030.",
        "kinh tế - xã hội",
        "Số: 16/KH-UBND",
    ]


def test_a_line_of_dashes_alone_is_left_as_read() -> None:
    rule = line_of(("-", 40), ("-", 40))
    assert restore_dashes([rule]) == 0 and rule.text() == "- -"
