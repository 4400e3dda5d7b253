"""Paragraphs longer than a page: split line by line across pages, and excerpts of the first pages."""

from __future__ import annotations

import pytest

from kehoach.evaluation.metrics import normalize_whitespace
from kehoach.synth import PageStyle, first_pages_text, ground_truth, layout_pages

SMALL = PageStyle(dpi=100)  # the layout is the same in millimetres; fewer pixels to measure
TOP, RIGHT, BOTTOM, LEFT = (SMALL.px(mm) for mm in SMALL.margins_mm)
PAGE_WIDTH, PAGE_HEIGHT = SMALL.page_size

# A web copy of an official letter: a header line, then the whole body in one paragraph (3+ pages).
SENTENCE = (
    "Các cơ quan, đơn vị theo chức năng, nhiệm vụ được giao chủ động rà soát, kiểm tra và khắc phục "
    "hậu quả mưa lũ, bảo đảm an toàn giao thông trên các tuyến quốc lộ trong thời gian sớm nhất. "
)
LONG_PARAGRAPH = "BỘ XÂY DỰNG\n" + SENTENCE * 40 + "\nLê Anh Tuấn\n"


def _body_lines(pages):
    return [
        (number, line) for number, page in enumerate(pages) for line in page.lines if line.source_line == 1
    ]


def test_long_paragraph_fills_every_page_it_crosses():
    pages = layout_pages(LONG_PARAGRAPH, SMALL)
    body = _body_lines(pages)
    crossed = sorted({number for number, _ in body})
    assert crossed == list(range(len(pages))) and len(pages) >= 3
    assert pages[0].lines[0].text == "BỘ XÂY DỰNG"
    assert pages[0].lines[1].source_line == 1  # the paragraph starts under the header, not on page 2
    for number in crossed[:-1]:  # a page the paragraph runs off is full to the bottom margin
        last = pages[number].lines[-1]
        assert last.box[3] > PAGE_HEIGHT - BOTTOM - SMALL.line_height
    for number in crossed[1:]:  # the continuation starts at the top of the page, without an indent
        first = next(line for n, line in body if n == number)
        assert first.box[1] == TOP and first.box[0] == LEFT


def test_split_paragraph_stays_justified_on_every_page():
    body = [line for _, line in _body_lines(layout_pages(LONG_PARAGRAPH, SMALL))]
    right_margin = PAGE_WIDTH - RIGHT
    for line in body[:-1]:  # a page's last line is a normal justified line, on the first page too
        assert line.box[0] == LEFT and abs(line.box[2] - right_margin) <= 1, line.text
    assert body[-1].box[2] < right_margin - SMALL.font_px  # the paragraph's own last line stays short


def test_ground_truth_of_a_split_paragraph_is_what_each_page_draws():
    pages = layout_pages(LONG_PARAGRAPH, SMALL)
    page_texts = ground_truth(pages).rstrip("\n").split("\f")
    assert len(page_texts) == len(pages)
    for page, text in zip(pages, page_texts, strict=True):
        drawn = " ".join(" ".join(word for word, _ in line.words) for line in page.lines)
        assert normalize_whitespace(text) == normalize_whitespace(drawn)
    assert page_texts[1].count("\n") == 0  # one source line continued: one ground-truth line a page
    assert normalize_whitespace(" ".join(page_texts)) == normalize_whitespace(LONG_PARAGRAPH)


def test_first_page_excerpt_cuts_the_long_paragraph_and_redraws_the_same_page():
    full = layout_pages(LONG_PARAGRAPH, SMALL)
    excerpt = first_pages_text(LONG_PARAGRAPH, 1, SMALL)
    again = layout_pages(excerpt, SMALL)
    assert len(again) == 1
    assert ground_truth(again) == ground_truth(full[:1])
    assert len(excerpt) > 1500  # a whole page of text, not the 12-character header
    assert LONG_PARAGRAPH.startswith(excerpt.rstrip("\n"))
    two = first_pages_text(LONG_PARAGRAPH, 2, SMALL)
    assert ground_truth(layout_pages(two, SMALL)) == ground_truth(full[:2])


def test_excerpt_of_a_text_that_fits_is_the_whole_text():
    text = "KẾ HOẠCH\nCăn cứ Kế hoạch số 196/KH-UBND ngày 14 tháng 5 năm 2024;\nTrần Thị Trang\n"
    assert first_pages_text(text, 1, SMALL) == text
    with pytest.raises(ValueError):
        first_pages_text(text, 0, SMALL)


def test_excerpt_never_changes_how_the_cut_line_is_laid_out():
    """A subject line under a title is centred bold when short: cut short, it would be laid out
    differently, so the excerpt ends before it (and redraws a prefix of the first page)."""
    subject = "Về việc khắc phục hậu quả mưa lũ và bảo đảm an toàn giao thông " * 12
    fallbacks = 0
    for fillers in range(30, 40):
        text = "".join(f"Nội dung thứ {i}.\n" for i in range(fillers)) + "KẾ HOẠCH\n" + subject + "\n"
        first_page = ground_truth(layout_pages(text, SMALL)[:1])
        excerpt = first_pages_text(text, 1, SMALL)
        redrawn = ground_truth(layout_pages(excerpt, SMALL))
        assert len(layout_pages(excerpt, SMALL)) == 1
        if redrawn != first_page:
            fallbacks += 1
            assert excerpt.endswith("KẾ HOẠCH\n") and first_page.startswith(redrawn.rstrip("\n"))
    assert fallbacks > 0
