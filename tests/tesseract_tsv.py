"""Tesseract TSV output built by hand, for testing how pages are assembled without running OCR."""

from __future__ import annotations

PAGE_WIDTH = 2480  # A4 at 300 dpi
CHAR_WIDTH = 22  # a 13 pt letter at 300 dpi
WORD_GAP = 20
HYPHEN_WIDTH_OF_HEIGHT = 0.3  # a hyphen is narrower than a letter (an en dash would be 0.5)
TSV_HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"


def tesseract_tsv(
    lines: list[tuple[int, list[tuple[str, int]]]], height: int, page_width: int = PAGE_WIDTH, conf: int = 90
) -> str:
    """TSV for lines given as (top, [(word, left), ...]), all in one block, words ``height`` px high."""
    rows = [TSV_HEADER, f"1\t1\t0\t0\t0\t0\t0\t0\t{page_width}\t3508\t-1\t"]
    for line_number, (top, words) in enumerate(lines, start=1):
        for word_number, (text, left) in enumerate(words, start=1):
            width = round(HYPHEN_WIDTH_OF_HEIGHT * height) if text == "-" else CHAR_WIDTH * len(text)
            rows.append(
                f"5\t1\t1\t1\t{line_number}\t{word_number}\t{left}\t{top}\t{width}\t{height}\t{conf}\t{text}"
            )
    return "\n".join(rows)


def words_from(text: str, left: int) -> list[tuple[str, int]]:
    """The words of ``text`` laid out from ``left`` as (word, left) pairs."""
    out = []
    for word in text.split():
        out.append((word, left))
        left += CHAR_WIDTH * len(word) + WORD_GAP
    return out
