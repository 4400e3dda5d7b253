"""OCR: image clean-up, two-column layout assembly, the page cache, and real Tesseract (slow).

Pages are drawn in the test with Pillow and DejaVu Serif (full Vietnamese coverage), so the
ground truth is exact.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont
from tesseract_tsv import tesseract_tsv, words_from

from kehoach.document import Document
from kehoach.evaluation.metrics import error_rates
from pipeline import ocr as ocr_module
from pipeline.image_cleanup import (
    clean_page,
    estimate_skew,
    normalize_background,
    suppress_red,
    upscale_factor,
)
from pipeline.ocr import ocr_image, ocr_image_cached, tsv_to_page
from pipeline.options import PipelineOptions
from pipeline.read import read

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf"
HEADER_LEFT = ["ỦY BAN NHÂN DÂN QUẬN 1", "TRƯỜNG TIỂU HỌC HÒA BÌNH", "Số: 27/KH-THHB"]
HEADER_RIGHT = [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Quận 1, ngày 12 tháng 3 năm 2025",
]
BODY = [
    "Căn cứ Kế hoạch số 16/KH-UBND ngày 15 tháng 01 năm 2025 của Ủy ban nhân dân",
    "Quận 1 về thực hiện công tác cải cách hành chính trên địa bàn Quận 1 năm 2025;",
    "Trường xây dựng Kế hoạch cải thiện Chỉ số Hiệu quả quản trị và Hành chính công",
    "cấp tỉnh (PAPI) năm 2025 như sau: báo cáo kết quả về Phòng Nội vụ trước ngày",
    "15 tháng 12 năm 2025; thủ trưởng đơn vị chịu trách nhiệm tổ chức thực hiện.",
]


def draw_plan_page(dpi: int = 300) -> tuple[Image.Image, str]:
    """A half A4 page: two-column header, then body lines; returns the image and its text."""
    width, height = int(8.27 * dpi), int(5.2 * dpi)
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    size = int(12 * dpi / 72)
    regular, bold = ImageFont.truetype(FONT, size), ImageFont.truetype(FONT_BOLD, size)
    y = int(0.5 * dpi)
    for row, (left, right) in enumerate(zip(HEADER_LEFT, HEADER_RIGHT, strict=True)):
        font = bold if row < 2 else regular
        draw.text((width * 0.24 - draw.textlength(left, font=font) / 2, y), left, font=font, fill="black")
        draw.text((width * 0.66 - draw.textlength(right, font=font) / 2, y), right, font=font, fill="black")
        y += int(size * 1.5)
    y += size
    for line in BODY:
        draw.text((int(1.0 * dpi), y), line, font=regular, fill="black")
        y += int(size * 1.5)
    image.info["dpi"] = (dpi, dpi)
    return image, "\n".join([*HEADER_LEFT, *HEADER_RIGHT, *BODY])


# --- clean-up steps (fast) -----------------------------------------------------------------------


def test_suppress_red_whitens_a_seal_but_keeps_black_text() -> None:
    rgb = np.full((10, 20, 3), 255, np.uint8)
    rgb[:, :10] = (200, 30, 40)  # seal red
    rgb[:, 10:] = (20, 20, 20)  # ink
    grey = suppress_red(rgb)
    assert grey[:, :10].min() == 255 and grey[:, 10:].max() < 40


@pytest.mark.parametrize(
    ("width", "dpi", "factor"), [(2480, 300.0, 1.0), (1240, 150.0, 2.0), (1240, None, 2.0)]
)
def test_upscale_factor_reaches_300_dpi(width: int, dpi: float | None, factor: float) -> None:
    assert upscale_factor(width, dpi) == pytest.approx(factor, rel=0.01)


def test_normalize_background_flattens_a_light_gradient() -> None:
    gradient = np.tile(np.linspace(150, 250, 400, dtype=np.float32), (300, 1)).astype(np.uint8)
    gradient[140:160, 100:300] = 30  # a stroke of ink
    flat = normalize_background(gradient)
    paper = np.concatenate([flat[:100].ravel(), flat[200:].ravel()])
    assert paper.min() > 230 and flat[145:155, 120:280].mean() < 90


def test_estimate_skew_finds_the_rotation_of_a_page() -> None:
    image, _ = draw_plan_page(dpi=150)
    rotated = image.convert("L").rotate(2.0, expand=False, fillcolor=255, resample=Image.BICUBIC)
    assert estimate_skew(np.asarray(rotated)) == pytest.approx(-2.0, abs=0.3)


def test_clean_page_rejects_unknown_steps() -> None:
    with pytest.raises(ValueError, match="unknown"):
        clean_page(Image.new("RGB", (10, 10)), steps=("sharpen",))


# --- layout assembly from TSV (fast) -------------------------------------------------------------


def _tsv(lines: list[list[tuple[str, int]]], page_width: int = 2480) -> str:
    """Tesseract TSV for words given as (text, left) per line, lines 40 px high at a 60 px pitch
    (body text at 1.4 line spacing)."""
    return tesseract_tsv([(60 * n, words) for n, words in enumerate(lines, start=1)], 40, page_width)


def _words(text: str, left: int) -> list[tuple[str, int]]:
    return words_from(text, left)


def test_two_column_header_is_read_left_column_then_right() -> None:
    tsv = _tsv(
        [
            _words("ỦY BAN NHÂN DÂN", 300) + _words("CỘNG HÒA XÃ HỘI", 1400),
            _words("TRƯỜNG TIỂU HỌC", 320) + _words("Độc lập - Tự do", 1440),
            _words("Quận 1, ngày 12 tháng 3", 1330),  # right column only
            _words("KẾ HOẠCH", 1130),  # centred on the page: not part of the header
            _words("Căn cứ Kế hoạch số 16/KH-UBND của Ủy ban nhân dân Quận 1 về", 290),
        ]
    )
    page = tsv_to_page(tsv)
    assert page.text.split("\n") == [
        "ỦY BAN NHÂN DÂN",
        "TRƯỜNG TIỂU HỌC",
        "",
        "CỘNG HÒA XÃ HỘI",
        "Độc lập - Tự do",
        "Quận 1, ngày 12 tháng 3",
        "",
        "KẾ HOẠCH",
        "Căn cứ Kế hoạch số 16/KH-UBND của Ủy ban nhân dân Quận 1 về",
    ]
    assert page.mean_confidence == 90.0 and page.words == 38


def test_justified_body_lines_are_not_split() -> None:
    spaced = [
        (word, 290 + 160 * index)
        for index, word in enumerate(["Căn", "cứ", "Kế", "hoạch", "số", "16", "của", "Ủy", "ban"])
    ]
    assert tsv_to_page(_tsv([spaced])).text == "Căn cứ Kế hoạch số 16 của Ủy ban"


# --- real Tesseract (slow) -------------------------------------------------------------------------


@pytest.mark.slow
def test_ocr_of_a_generated_page_is_accurate_and_keeps_header_columns() -> None:
    image, truth = draw_plan_page()
    page = ocr_image(image, dpi=300)
    assert error_rates(truth, page.text)["cer"] < 0.02
    text = page.text
    assert text.index("Số: 27/KH-THHB") < text.index("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert page.mean_confidence > 80


@pytest.mark.slow
def test_ocr_cache_avoids_a_second_tesseract_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    image, _ = draw_plan_page(dpi=200)
    first = ocr_image_cached(image, dpi=200, cache_dir=tmp_path)
    assert len(list(tmp_path.glob("*/*.json"))) == 1

    def no_tesseract(*args, **kwargs):
        raise AssertionError("tesseract ran although the page was cached")

    monkeypatch.setattr(ocr_module, "run_tesseract_tsv", no_tesseract)
    assert ocr_image_cached(image, dpi=200, cache_dir=tmp_path) == first


@pytest.mark.slow
def test_read_scanned_pdf_with_a_worker_pool(tmp_path: Path) -> None:
    image, truth = draw_plan_page(dpi=200)
    path = tmp_path / "scan.pdf"
    image.save(path, "PDF", save_all=True, append_images=[image.copy()], resolution=200.0)
    doc = read(Document(path=path), PipelineOptions(ocr_workers=2, cache_dir=tmp_path / "cache"))
    assert doc.kind == "pdf-scan" and [page.method for page in doc.pages] == ["ocr", "ocr"]
    assert doc.text.count("\f") == 1
    for page in doc.pages:
        assert error_rates(truth, page.text)["cer"] < 0.02
    assert doc.ocr is not None and doc.ocr["mean_confidence"] > 80 and doc.warnings == []


@pytest.mark.slow
def test_upside_down_scan_is_turned_upright() -> None:
    image, truth = draw_plan_page(dpi=200)
    page = ocr_image(image.rotate(180), dpi=200)
    assert error_rates(truth, page.text)["cer"] < 0.02
