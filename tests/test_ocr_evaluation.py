"""``kehoach eval ocr``: raw, final (after repair) and bare-Tesseract scores, document numbers apart."""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach.evaluation.ocr import _group, evaluate_ocr, format_report
from kehoach.synth import synth_scan

PLAN = """ỦY BAN NHÂN DÂN QUẬN 1
TRƯỜNG MẦM NON TUỔI HỒNG
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 56/KH-MNTH
Quận 1, ngày 03 tháng 5 năm 2023
KẾ HOẠCH
Về cải thiện Chỉ số cải cách hành chính (PAR Index) năm 2023
Căn cứ Nghị định số 73/2023/NĐ-CP ngày 29 tháng 9 năm 2023 của Chính phủ và Kế hoạch số 1905/KH-UBND ngày 10 tháng 5 năm 2023 của Ủy ban nhân dân Quận 1;
Trường xây dựng kế hoạch cải thiện Chỉ số cải cách hành chính năm 2023 như sau: báo cáo kết quả về Phòng Nội vụ trước ngày 15 tháng 12 năm 2023.
"""


def _row(quality: str, cer: float, final_cer: float, numbers_exact: int) -> dict[str, object]:
    return {
        "file": f"plan.{quality}.pdf",
        "quality": quality,
        "pages": 2,
        "seconds": 4.0,
        "cer": cer,
        "wer": 2 * cer,
        "final_cer": final_cer,
        "final_cer_strict": final_cer,
        "final_wer": 2 * final_cer,
        "numbers": 5,
        "numbers_exact": numbers_exact,
        "final_numbers_exact": numbers_exact,
    }


def test_group_averages_rates_and_adds_up_document_numbers() -> None:
    groups = _group(
        [_row("office", 0.004, 0.002, 5), _row("office", 0.002, 0.001, 4), _row("clean", 0, 0, 5)]
    )
    office = groups["office"]
    assert office["cer"] == pytest.approx(0.003) and office["final_cer"] == pytest.approx(0.0015)
    assert (office["numbers"], office["final_numbers_exact"], office["pages"]) == (10, 9, 4)
    assert office["pages_per_second"] == pytest.approx(0.5)
    assert "bare_numbers_exact" not in office  # no baseline was run


def test_format_report_shows_raw_final_and_numbers() -> None:
    result = {"by_quality": _group([_row("poor", 0.004, 0.002, 4)]), "workers": 2, "peak_rss_mib": 300.0}
    header, line, footer = format_report(result).split("\n")
    assert "final CER" in header and "numbers final/raw/bare" in header
    assert line.split()[:5] == ["poor", "1", "2", "0.400%", "0.200%"]
    assert "4/5 4/5 -" in line and footer == "workers: 2, peak RSS: 300.0 MiB"


@pytest.mark.slow
def test_evaluate_ocr_scores_raw_final_and_bare_text_of_a_scan(tmp_path: Path) -> None:
    synth_scan(PLAN, tmp_path / "plan.clean.pdf", quality="clean", seed=1)
    result = evaluate_ocr(tmp_path, workers=1, baseline=True)
    (row,) = result["files"]
    assert row["quality"] == "clean" and row["pages"] == 1
    assert row["numbers"] == 3  # 56/KH-MNTH, 73/2023/NĐ-CP, 1905/KH-UBND
    assert row["final_numbers_exact"] == 3
    assert row["cer"] < 0.005 and row["final_cer"] < 0.005
    # bare Tesseract reads the header table line by line, gluing issuer and motto together
    assert row["bare_cer"] > 0.02
    assert result["by_quality"]["clean"]["files"] == 1
