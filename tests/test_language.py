"""Language detection: Vietnamese (even OCR-garbled) is repaired, English is not."""

from pathlib import Path

import pytest

from pipeline.language import detect_language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Căn cứ Kế hoạch số 04/KH-UBND ngày 04 tháng 01 năm 2024 của Ủy ban nhân dân Quận 1", "vi"),
        ("Thuc hien Ke hoach so 1905/KH-UBND ngay 10 thang 5 nam 2023 ctia Uy ban nhan dan Thanh pho", "vi"),
        (
            "Please find attached the minutes of the meeting. The committee will review the budget "
            "and report to the board of directors by the end of the month.",
            "en",
        ),
        ("12345 67890", "und"),
    ],
)
def test_detect_language(text: str, expected: str) -> None:
    assert detect_language(text) == expected


def test_detect_language_on_sample_plan_is_vietnamese() -> None:
    root = Path(__file__).resolve().parent.parent
    text = (root / "data/raw/ke-hoach-mn-tuoi-hong-par-index-2023.ocr-eng.txt").read_text(encoding="utf-8")
    assert detect_language(text) == "vi"
