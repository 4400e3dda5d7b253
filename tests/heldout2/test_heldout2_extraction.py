"""Second held-out set: the generic causes of its misses, each as a case in the plan's own wording.

The set's score floors are in ``tests/test_heldout_extraction.py``; provenance, method and the
before/after numbers in ``tests/heldout2/README.md``.
"""

from __future__ import annotations

import pytest

from extractors.citations import extract_citations
from extractors.dates import extract_dates
from extractors.document_meta import extract_document_meta


def test_heldout2_misspelt_announced_issuer_completed_from_symbol_and_place() -> None:
    # 624/KH-UBND: no header body; the preamble misspells "Ủy ban nhân tỉnh"; no unit named in mixed case.
    text = (
        "Số: 624/KH-UBND\nHà Tĩnh, ngày 19 tháng 11 năm 2025\nKẾ HOẠCH\nTHỰC HIỆN CHƯƠNG TRÌNH\n"
        "Thực hiện Quyết định số 2270/QĐ-TTg ngày 14/10/2025 của Thủ tướng Chính phủ, trên cơ sở đề xuất "
        "tham mưu của Sở Giáo dục và Đào tạo, Ủy ban nhân tỉnh ban hành Kế hoạch thực hiện như sau:\n"
    )
    assert extract_document_meta(text).issuer == "Ủy ban nhân dân tỉnh Hà Tĩnh"


def test_heldout2_cited_plan_announcement_is_not_the_issuer() -> None:
    # 1627/QĐ-UBND: "... của Bộ trưởng Bộ Tài chính về ban hành Kế hoạch" is the Ministry's plan.
    text = (
        "Số: 1627/QĐ-UBND\nQUYẾT ĐỊNH\nVỀ VIỆC BAN HÀNH KẾ HOẠCH KIỂM KÊ TÀI SẢN CÔNG\n"
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI\n"
        "Căn cứ Quyết định số 3531/QĐ-BTC ngày 17 tháng 10 năm 2025 của Bộ trưởng Bộ Tài chính về ban hành "
        "Kế hoạch triển khai thực hiện Tổng kiểm kê tài sản công;\n"
    )
    assert extract_document_meta(text).issuer == "Chủ tịch Ủy ban nhân dân tỉnh Quảng Ngãi"


@pytest.mark.parametrize(
    ("text", "number", "issuer"),
    [
        (
            "Theo đề nghị của Sở Tài chính tại Công văn số 11033/STC-CSTH ngày 29 tháng 10 năm 2025.",
            "11033/STC-CSTH",
            "Sở Tài chính",
        ),
        (
            "Kế hoạch số 01-KH/BCĐ ngày 28/06/2025 của Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới "
            "sáng tạo, chuyển đổi số, cải cách hành chính và đề án 06 về Kế hoạch hành động triển khai thực "
            "hiện Kế hoạch số 02-KH/BCĐTW, ngày 19/6/2025 của Ban Chỉ đạo Trung ương, Ủy ban nhân dân tỉnh "
            "ban hành Kế hoạch",
            "01-KH/BCĐ",
            "Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số, cải cách hành chính "
            "và đề án 06",
        ),
        (
            "Kế hoạch số 02-KH/BCĐTW, ngày 19/6/2025 của Ban Chỉ đạo Trung ương, Ủy ban nhân dân tỉnh ban hành",
            "02-KH/BCĐTW",
            "Ban Chỉ đạo Trung ương",
        ),
        (
            "BAN HÀNH KẾ HOẠCH TRIỂN KHAI QUYẾT ĐỊNH SỐ 06/QĐ-TTG NGÀY 02 THÁNG 01 NĂM 2025 CỦA THỦ TƯỚNG "
            "CHÍNH PHỦ VÀ QUYẾT ĐỊNH SỐ 3103/QĐ-BTC NGÀY 05 THÁNG 9 NĂM 2025 CỦA BỘ TÀI CHÍNH\n"
            "Căn cứ Quyết định số 06/QĐ-TTg ngày 02 tháng 01 năm 2025 của Thủ tướng Chính phủ về Phê duyệt Đề án;",
            "06/QĐ-TTg",
            "Thủ tướng Chính phủ",
        ),
    ],
)
def test_heldout2_citation_issuer(text: str, number: str, issuer: str) -> None:
    found = {citation.number: citation for citation in extract_citations(text)}
    assert found[number].issuer == issuer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thời gian hoàn thành: Tháng 11 - 12/2025. Phối hợp", ("2025-12", "month", "deadline")),
        ("Thời gian hoàn thành: Tháng 12/2025. Làm đầu mối", ("2025-12", "month", "deadline")),
        ("Thời gian thực hiện: Tháng 11 - 12/2025. Đôn đốc", ("2025-12", "month", "event")),
    ],
)
def test_heldout2_completion_label_dates(text: str, expected: tuple[str, str, str]) -> None:
    (mention,) = extract_dates(text)
    assert (mention.date, mention.precision, mention.role) == expected
