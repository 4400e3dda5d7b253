"""Line breaks a scan leaves inside sentences (``extractors.reflow``), and what extraction gains.

Case table ``cases/reflow.tsv``: real breaks from the held-out and seed plans as kehoach's OCR read
their scans, each marked joined or kept by hand. The end-to-end tests feed :func:`extract_all` the
same plans' sentences broken the way the scans broke them.
"""

from __future__ import annotations

import pytest
from case_tables import load_cases

from extractors import extract_all
from extractors.reflow import reflow


@pytest.mark.parametrize("case", load_cases("reflow.tsv"))
def test_reflow_joins_only_breaks_inside_sentences(case: dict) -> None:
    text = case["text"].replace("\\n", "\n")
    flowed = reflow(text)
    assert len(flowed) == len(text)  # offsets into the reflowed text index the original
    assert ("\n" not in flowed) == (case["joined"] == "yes"), flowed


def test_reflow_changes_only_line_breaks_and_page_numbers() -> None:
    text = "Ban Thanh tra nhân dân, để phát huy tốt vai trò đại diện của công đoàn\n\n2\n\nviên.\nII. TỔ CHỨC"
    flowed = reflow(text)
    changed = {text[i] for i in range(len(text)) if text[i] != flowed[i]}
    assert changed == {"\n", "2"}
    assert flowed.endswith("viên.\nII. TỔ CHỨC")


def test_reflow_keeps_text_of_one_paragraph_a_line() -> None:
    text = (
        "Căn cứ Kế hoạch số 196/KH-UBND ngày 14 tháng 5 năm 2024 của Ủy ban nhân dân Quận 1;\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n- Triển khai tuyên truyền kịp thời.\n"
    )
    assert reflow(text) == text


def test_citation_issuer_across_a_line_break_keeps_its_unit() -> None:
    # Held-out 160/KH-UBND: the scan wrapped the citing sentence after "Ủy ban nhân dân".
    text = (
        "Căn cứ Kế hoạch số 77/KH-UBND ngày 17 tháng 9 năm 2025 của Ủy ban nhân dân thành phố\n"
        "Cần Thơ về thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững;"
    )
    (citation,) = extract_all(text).citations
    assert (citation.number, citation.issuer) == ("77/KH-UBND", "Ủy ban nhân dân thành phố Cần Thơ")


def test_surfaces_of_dates_broken_over_a_page_break_index_the_original_text() -> None:
    # Seed Nguyễn Bỉnh Khiêm plan, its report sentence broken by a page break inside the deadline.
    text = (
        "III. TỔ CHỨC THỰC HIỆN\n"
        "- Xây dựng kế hoạch khắc phục hạn chế Chỉ số cải cách hành chính tại đơn vị; gửi về Ủy ban nhân dân "
        "Quận 1 (qua Phòng Nội vụ) trước ngày 30 tháng\n\n5 năm 2025 để theo dõi, tổng hợp.\n"
    )
    extraction = extract_all(text)
    (obligation,) = extraction.obligations
    assert (obligation.deadline, obligation.recipient, obligation.via) == (
        "2025-05-30",
        "Ủy ban nhân dân Quận 1",
        "Phòng Nội vụ",
    )
    (deadline,) = [d for d in extraction.dates if d.role == "deadline"]
    # The extractors read the reflowed text; the surface is cut from the text they were given.
    assert deadline.text == text[deadline.start : deadline.end] == "ngày 30 tháng\n\n5 năm 2025"


@pytest.mark.parametrize("case", load_cases("scan_citations.tsv"))
def test_citation_broken_by_a_scan_keeps_number_date_and_issuer(case: dict) -> None:
    text = case["text"].replace("\\n", "\n")
    found = {(c.number or c.title): c for c in extract_all(text).citations}
    citation = found[case["key"]]
    assert (citation.issued_on, citation.issuer) == (case["issued_on"] or None, case["issuer"] or None)


def test_page_number_between_the_halves_of_a_report_sentence_is_no_part_of_its_recipient() -> None:
    # Held-out 7360/KH-UBND (Lai Châu), its closing instruction broken by a page whose number a
    # plain-text export of the scan kept: "tỉnh" + "4" read as a unit "tỉnh 4".
    text = (
        "IV. TỔ CHỨC THỰC HIỆN\n"
        "3. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc các cơ quan, đơn vị, địa phương kịp thời "
        "phản ánh về Ủy ban nhân dân tỉnh\n\n4\n\n(qua Sở Khoa học và Công nghệ) để xem xét, giải quyết.\n"
    )
    (obligation,) = extract_all(text).obligations
    assert (obligation.recipient, obligation.via) == ("Ủy ban nhân dân tỉnh", "Sở Khoa học và Công nghệ")
