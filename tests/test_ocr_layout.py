"""Two-column header bands: a wrapped left cell stays in its column, table rows are read in turn."""

from __future__ import annotations

from tesseract_tsv import PAGE_WIDTH, tesseract_tsv, words_from

from pipeline.ocr import tsv_to_page

HEIGHT = 45  # a 13 pt capital line at 300 dpi, marks included


def _tsv(lines: list[tuple[int, list[tuple[str, int]]]]) -> str:
    return tesseract_tsv(lines, height=HEIGHT, conf=92)


def _words(text: str, left: int) -> list[tuple[str, int]]:
    return words_from(text, left)


def _centred(text: str, center: int) -> list[tuple[str, int]]:
    width = sum(22 * len(word) + 20 for word in text.split()) - 20
    return _words(text, center - width // 2)


LEFT, RIGHT = 600, 1640  # column centres of the header table


def test_wrapped_left_header_cell_stays_in_the_left_column() -> None:
    tsv = _tsv(
        [
            (240, _centred("ỦY BAN NHÂN DÂN QUẬN 1", LEFT) + _centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA", RIGHT)),
            (318, _centred("TRƯỜNG MẦM NON TUỔI", LEFT) + _centred("Độc lập - Tự do", RIGHT)),
            (396, _centred("HỒNG", LEFT)),  # the left cell wraps onto a third line
            (700, _centred("KẾ HOẠCH", PAGE_WIDTH // 2)),
        ]
    )
    assert tsv_to_page(tsv).text.split("\n") == [
        "ỦY BAN NHÂN DÂN QUẬN 1",
        "TRƯỜNG MẦM NON TUỔI",
        "HỒNG",
        "",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA",
        "Độc lập - Tự do",
        "",
        "KẾ HOẠCH",
    ]


def test_header_table_rows_are_read_one_after_the_other() -> None:
    tsv = _tsv(
        [
            (240, _centred("ỦY BAN NHÂN DÂN QUẬN 1", LEFT) + _centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA", RIGHT)),
            (318, _centred("TRƯỜNG TIỂU HỌC", LEFT) + _centred("Độc lập - Tự do", RIGHT)),
            (440, _centred("Số: 27/KH-THHB", LEFT) + _centred("Quận 1, ngày 12 tháng 3 năm 2025", RIGHT)),
        ]
    )
    assert tsv_to_page(tsv).text.split("\n") == [
        "ỦY BAN NHÂN DÂN QUẬN 1",
        "TRƯỜNG TIỂU HỌC",
        "",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA",
        "Độc lập - Tự do",
        "",
        "Số: 27/KH-THHB",
        "",
        "Quận 1, ngày 12 tháng 3 năm 2025",
    ]


def test_short_body_line_after_a_header_row_is_not_taken_into_the_left_column() -> None:
    tsv = _tsv(
        [
            (240, _centred("ỦY BAN NHÂN DÂN QUẬN 1", LEFT) + _centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA", RIGHT)),
            (420, _words("1. Mục đích", 360)),  # a heading well below: body text
        ]
    )
    assert tsv_to_page(tsv).text.split("\n")[-1] == "1. Mục đích"
    assert tsv_to_page(tsv).text.split("\n")[-2] == ""
