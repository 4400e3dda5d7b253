"""Citation extractor: real phrasings (cases/citations.tsv), the seed plans against gold, and rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from case_tables import load_cases

from extractors.citations import doc_type_from_symbol, extract_citations, issuer_from_symbol
from extractors.types import CitedDocument

ROOT = Path(__file__).resolve().parents[2]
SEEDS_WITH_GOLD = [
    "ke-hoach-mn-hoa-lu-papi-2024.txt",
    "ke-hoach-phuong-van-phuc-papi-2021-2025.txt",
    "ke-hoach-th-nguyen-binh-khiem-par-index-2025.md",
    "tin-tphcm-cai-thien-papi-2024.md",
]


def _by_number(citations: list[CitedDocument]) -> dict[str | None, CitedDocument]:
    return {citation.number: citation for citation in citations}


def _citation_cases() -> list:
    """The rows of citations.tsv; a row whose ``note`` starts with ``xfail:`` is a known miss (strict)."""
    cases = []
    for param in load_cases("citations.tsv"):
        (row,) = param.values
        note = row.get("note") or ""
        marks = [pytest.mark.xfail(reason=note[6:].strip(), strict=True)] if note.startswith("xfail:") else []
        cases.append(pytest.param(row, id=param.id, marks=marks))
    return cases


@pytest.mark.parametrize("case", _citation_cases())
def test_citations_real_phrasings(case: dict[str, str]) -> None:
    citations = extract_citations(case["text"])
    if not case["number"]:
        assert citations == []
        return
    if "@" in case["number"]:  # a law cited by name: "Luật Giá@2023" is its title and year
        title, year = case["number"].rsplit("@", 1)
        laws = {c.title: c for c in citations if c.number is None}
        assert title in laws, f"{title} not in {list(laws)}"
        citation = laws[title]
        assert citation.year == int(year)
    else:
        found = _by_number(citations)
        assert case["number"] in found, f"{case['number']} not in {list(found)}"
        citation = found[case["number"]]
    assert citation.doc_type == case["doc_type"]
    assert citation.issued_on == (case["issued_on"] or None)
    assert citation.issuer == (case["issuer"] or None)
    if case["subject_start"] == "":
        assert citation.subject is None
    elif case["subject_start"] != "*":
        assert citation.subject is not None and citation.subject.startswith(case["subject_start"])


def _gold_key(entry: dict) -> tuple:
    return (entry.get("number"),) if entry.get("number") else (entry["title"], entry["year"])


@pytest.mark.parametrize("seed", SEEDS_WITH_GOLD)
def test_citations_seed_plans_match_gold(seed: str) -> None:
    gold = json.loads((ROOT / "tests/gold" / (seed.split(".")[0] + ".json")).read_text(encoding="utf-8"))
    got = extract_citations((ROOT / "data/raw" / seed).read_text(encoding="utf-8"))
    got_by_key = {(c.number,) if c.number else (c.title, c.year): c for c in got}
    assert set(got_by_key) == {_gold_key(entry) for entry in gold["citations"]}
    for entry in gold["citations"]:
        citation = got_by_key[_gold_key(entry)]
        for field in ("doc_type", "issued_on", "issuer", "title", "year"):
            if field in entry:
                assert getattr(citation, field) == entry[field], (entry, field)


def test_citations_law_by_name_and_year_has_no_number() -> None:
    text = "của Luật Tiếp cận thông tin năm 2016 và Luật Thực hiện dân chủ ở cơ sở năm 2022."
    laws = extract_citations(text)
    assert [(c.doc_type, c.number, c.title, c.year) for c in laws] == [
        ("Luật", None, "Luật Tiếp cận thông tin", 2016),
        ("Luật", None, "Luật Thực hiện dân chủ ở cơ sở", 2022),
    ]
    assert text[laws[0].start : laws[0].end] == "Luật Tiếp cận thông tin năm 2016"


# Corpus phrasings (legal_docs) of laws whose names a comma joins; the last is no law's name.
LAWS_WITH_A_COMMA = [
    ("Căn cứ Luật Tín ngưỡng, tôn giáo ngày 18/11/2016;", [("Luật Tín ngưỡng, tôn giáo", 2016)]),
    ("Căn cứ Luật Cán bộ, công chức ngày 24 tháng 6 năm 2025", [("Luật Cán bộ, công chức", 2025)]),
    ("Luật Thi đua, khen thưởng ngày 15/6/2022 và các văn bản", [("Luật Thi đua, khen thưởng", 2022)]),
    ("theo quy định của Luật Cán bộ, công chức năm 2025.", [("Luật Cán bộ, công chức", 2025)]),
    ("ân và viên chức quốc phòng và Luật Cơ yếu, nhưng đến ngày 1/1/2025 cấp có thẩm quyền", []),
    # news (heldout150): the year in brackets
    (
        "Nhớ lại khi xây dựng Luật Cán bộ, công chức (năm 2008) nhiều ý kiến đề nghị",
        [("Luật Cán bộ, công chức", 2008)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), LAWS_WITH_A_COMMA)
def test_citations_law_name_goes_on_after_a_comma_in_lower_case(text: str, expected: list) -> None:
    assert [(c.title, c.year) for c in extract_citations(text)] == expected


def test_citations_law_with_number_is_numbered_and_keeps_title() -> None:
    (law,) = extract_citations("Căn cứ Luật Đường sắt số 95/2025/QH15;")
    assert (law.doc_type, law.number, law.title, law.year) == ("Luật", "95/2025/QH15", "Luật Đường sắt", 2025)


def test_citations_shared_type_word_applies_to_following_numbers() -> None:
    text = "Chương trình hành động số 05-CTr/QU và số 06-CTr/QU của Ban Thường vụ Quận ủy"
    assert [(c.doc_type, c.number) for c in extract_citations(text)] == [
        ("Chương trình hành động", "05-CTr/QU"),
        ("Chương trình hành động", "06-CTr/QU"),
    ]


def test_citations_joined_number_with_shared_code_keeps_the_written_type() -> None:
    text = "Nghị quyết số 55/2010/QH12 và số 107/2020/QH14 ngày 10/6/2020 về kéo dài thời hạn miễn thuế"
    assert [(c.doc_type, c.number) for c in extract_citations(text)] == [
        ("Nghị quyết", "55/2010/QH12"),
        ("Nghị quyết", "107/2020/QH14"),
    ]


def test_citations_header_number_is_not_a_citation() -> None:
    header = "UBND QUẬN 1\nSố: 56/KH-MNTH Quận 1, ngày 3 tháng 5 năm 2023\nKẾ HOẠCH\n"
    body = "Thực hiện Kế hoạch số 207/KH-UBND ngày 25 tháng 5 năm 2023 của Ủy ban nhân dân Quận 1;"
    assert [c.number for c in extract_citations(header + body)] == ["207/KH-UBND"]


def test_citations_repeated_number_merged_into_fullest_mention() -> None:
    text = (
        "Thực hiện Kế hoạch số 16/KH-UBND ngày 15 tháng 01 năm 2025 của Ủy ban nhân dân Quận 1; "
        "theo Kế hoạch số 16/KH-UBND, đơn vị báo cáo."
    )
    (citation,) = extract_citations(text)
    assert (citation.issued_on, citation.issuer) == ("2025-01-15", "Ủy ban nhân dân Quận 1")


def test_citations_bare_level_completed_from_named_unit_in_text() -> None:
    text = (
        "Kế hoạch số 273/KH-UBND ngày 28/9/2021 của UBND quận Hà Đông về PAPI; "
        "Kế hoạch số 198/KH-UBND ngày 23/6/2021 của UBND quận về thông tin, tuyên truyền."
    )
    assert _by_number(extract_citations(text))["198/KH-UBND"].issuer == "Ủy ban nhân dân quận Hà Đông"


@pytest.mark.parametrize(
    ("text", "issuer"),
    [
        # districts named in title case after a level keep their last syllable, though "thành"/"thị" in lower case
        # (the verb "into", a "thành phố" cut by a line) is no name's end (constructed: such districts are many)
        (
            "Kế hoạch số 1120/KH-UBND ngày 15/3/2025 của UBND huyện Châu Thành về nâng cao Chỉ số PAPI.",
            "Ủy ban nhân dân huyện Châu Thành",
        ),
        (
            "Quyết định số 12/QĐ-UBND ngày 15/3/2025 của Ủy ban nhân dân huyện Long Thành;",
            "Ủy ban nhân dân huyện Long Thành",
        ),
        (
            "Quyết định số 29/QĐ-UBND ngày 05/01/2025 của UBND TP thành “Danh mục các dự án”",
            "Ủy ban nhân dân Thành phố",
        ),
    ],
)
def test_citations_issuer_keeps_a_place_name_ending_in_thanh(text: str, issuer: str) -> None:
    (citation,) = extract_citations(text)
    assert citation.issuer == issuer


def test_citations_span_covers_type_word_to_subject_end() -> None:
    text = (
        "Căn cứ Kế hoạch số 04/KH-UBND ngày 04 tháng 01 năm 2024 của UBND Quận 1 về cải cách hành chính; tiếp"
    )
    (citation,) = extract_citations(text)
    assert text[citation.start : citation.end] == (
        "Kế hoạch số 04/KH-UBND ngày 04 tháng 01 năm 2024 của UBND Quận 1 về cải cách hành chính"
    )
    assert citation.subject == "về cải cách hành chính"


@pytest.mark.parametrize(
    ("number", "doc_type"),
    [
        ("38-KH/QU", "Kế hoạch"),
        ("14-KL/TW", "Kết luận"),
        ("01-CTr/TU", "Chương trình"),
        ("73/2023/NĐ-CP", "Nghị định"),
        ("56/2022/TT-BTC", "Thông tư"),
        ("34/2007/PL-UBTVQH11", "Pháp lệnh"),
        ("72/2025/QH15", "Luật"),
        ("1086/UBND-NV", "Công văn"),
        ("104/BC-BVHXH", "Báo cáo"),
        ("419/TTr-UBND", "Tờ trình"),
    ],
)
def test_citations_doc_type_inferred_from_symbol(number: str, doc_type: str) -> None:
    assert doc_type_from_symbol(number) == doc_type


def test_citations_scan_wrapped_lines_keep_number_and_issuer_whole() -> None:
    text = (
        "triển khai thực hiện Kế hoạch số 1482/KH-\nUBND ngày 14 tháng 4 năm 2023 của Ủy ban\n"
        "nhân dân Thành phố về triển khai thực hiện\ntinh giản biên chế;"
    )
    (citation,) = extract_citations(text)
    assert (citation.number, citation.issued_on) == ("1482/KH-UBND", "2023-04-14")
    assert citation.issuer == "Ủy ban nhân dân Thành phố"
    assert citation.subject == "về triển khai thực hiện tinh giản biên chế"


def test_citations_amending_law_by_name_and_date_is_one_law_not_its_last_amended_law() -> None:
    # Held-out (legal_docs 4385/QĐ-BVHTTDL): the amending law used to be read as "Luật Đấu thầu" 2024.
    text = (
        "Căn cứ Luật Quy hoạch ngày 24/11/2017; Luật sửa đổi, bổ sung một số điều của 37 luật có liên quan "
        "đến quy hoạch ngày 20/11/2018; Luật sửa đổi, bổ sung một số điều của Luật Quy hoạch, Luật Đầu tư, "
        "Luật Đầu tư theo phương thức đối tác công tư và Luật Đấu thầu ngày 29/11/2024;"
    )
    assert [(c.title, c.year) for c in extract_citations(text)] == [
        ("Luật Quy hoạch", 2017),
        ("Luật sửa đổi, bổ sung một số điều của 37 luật có liên quan đến quy hoạch", 2018),
        (
            "Luật sửa đổi, bổ sung một số điều của Luật Quy hoạch, Luật Đầu tư, "
            "Luật Đầu tư theo phương thức đối tác công tư và Luật Đấu thầu",
            2024,
        ),
    ]


def test_citations_amending_law_without_year_is_no_citation() -> None:
    text = (
        "thi hành Luật sửa đổi, bổ sung một số điều của Luật Tiêu chuẩn và quy chuẩn kỹ thuật. Năm 2025 tới"
    )
    assert extract_citations(text) == []


def test_citations_document_citing_its_own_number_under_an_attached_plan() -> None:
    text = (
        "Số: 4385/QĐ-BVHTTDL\nQUYẾT ĐỊNH\nCăn cứ Quyết định số 991/QĐ-TTg ngày 16/9/2024 của Thủ tướng Chính phủ;\n"
        "KẾ HOẠCH\n(Kèm theo Quyết định số 4385/QĐ-BVHTTDL ngày 18 tháng 11 năm 2025 của Bộ trưởng)\n"
    )
    assert [c.number for c in extract_citations(text)] == ["991/QĐ-TTg"]


@pytest.mark.parametrize(
    ("number", "issuer"),
    [
        ("73/2023/NĐ-CP", "Chính phủ"),
        ("50/NQ-CP", "Chính phủ"),
        ("991/QĐ-TTg", "Thủ tướng Chính phủ"),
        ("61/2022/QH15", "Quốc hội"),
        ("34/2007/PL-UBTVQH11", "Ủy ban Thường vụ Quốc hội"),
        ("10902/VPCP-KGVX", "Văn phòng Chính phủ"),
        ("38162/CHQ-GSQL", "Cục Hải quan"),  # legal_docs: the customs department's letters and notices
        ("37698/TB-CHQ", "Cục Hải quan"),
        ("04/KH-UBND", None),  # a people's committee of some unit: the text must say which
        ("14-KL/TW", None),  # Bộ Chính trị, Ban Bí thư or Ban Chấp hành Trung ương
        ("10/2022/TT-BLĐTBXH", None),  # a ministry: the text says Minister or ministry
    ],
)
def test_citations_issuer_from_national_symbol(number: str, issuer: str | None) -> None:
    assert issuer_from_symbol(number) == issuer


@pytest.mark.parametrize(
    ("text", "number", "issuer"),
    [
        # heldout6 06/CT-UBND Quảng Trị (legal_docs line 29608): the Standing Board of the province's own Party committee
        (
            "Trong những năm qua, thực hiện chỉ đạo của Đảng, Chính phủ và Bộ Nông nghiệp và Môi trường, Tỉnh ủy, Ủy"
            " ban nhân dân tỉnh, các địa phương, đơn vị trên địa bàn tỉnh Quảng Trị đã tích cực triển khai thực hiện."
            " Để tiếp tục thực hiện nghiêm Chỉ thị số 05/CT-TTg ngày 18/5/2022 của Thủ tướng Chính phủ về tăng cường"
            " công tác quản lý bảo vệ rừng; Chỉ thị số 31-CT/TU ngày 06/6/2023, Kế hoạch số 134-KH/TU ngày"
            " 29/12/2023 của Ban Thường vụ Tỉnh ủy; Chỉ thị số 03/CT-UBND ngày 19/3/2019",
            "134-KH/TU",
            "Ban Thường vụ Tỉnh ủy Quảng Trị",
        ),
        # legal_docs lines 109530 and 109553 (a Sở Tài chính plan of Đồng Nai)
        (
            "các cơ chế chính sách theo chức năng nhiệm vụ của Sở Tài chính trên địa bàn tỉnh Đồng Nai.\n"
            "g) Chủ trì, phối hợp với các cơ quan, đơn vị, địa phương kiểm soát tiêu chí đầu vào của các chương trình,"
            " nhiệm vụ, dự án đảm bảo phù hợp với Nghị quyết số 57-NQ/TW của Bộ Chính trị, Nghị quyết số 71/NQ-CP của"
            " Chính phủ, Kế hoạch hành động 469-KH/TU ngày 16/5/2025 của Ban Thường vụ Tỉnh ủy, Kế hoạch số"
            " 92/KH-UBND ngày 15/9/2025 của UBND tỉnh.",
            "469-KH/TU",
            "Ban Thường vụ Tỉnh ủy Đồng Nai",
        ),
        # legal_docs line 31003: a city that names itself only as "Thành phố" keeps the bare name
        (
            "Căn cứ Kế hoạch số 13-KH/TU ngày 17 tháng 11 năm 2025 của Ban Thường vụ Thành ủy về tổ chức kiểm điểm và"
            " đánh giá, xếp loại chất lượng đối với tập thể, cá nhân trong hệ thống chính trị từ Thành phố đến cơ sở;",
            "13-KH/TU",
            "Ban Thường vụ Thành ủy",
        ),
    ],
)
def test_citations_party_committee_organ_completed_with_the_documents_province(
    text: str, number: str, issuer: str
) -> None:
    assert _by_number(extract_citations(text))[number].issuer == issuer


def test_citations_subject_ends_before_the_preambles_main_clause() -> None:
    # "..., Ủy ban nhân dân tỉnh ban hành Kế hoạch ..." (legal_docs line 85650 has this clause) ends the subject.
    text = (
        "Căn cứ Kế hoạch số 04/KH-UBND ngày 04 tháng 01 năm 2025 của Ủy ban nhân dân Quận 1 về cải thiện"
        " Chỉ số PAPI, Ủy ban nhân dân phường ban hành Kế hoạch như sau:"
    )
    (citation,) = extract_citations(text)
    assert citation.subject == "về cải thiện Chỉ số PAPI"


def test_a_law_by_name_and_year_is_the_one_its_reference_numbers_in_brackets() -> None:
    # news (heldout157): "Luật Kế toán 2015" in the text, "Luật Kế toán (Luật số 88/2015/QH13)" in its references
    text = (
        "Theo quy định của Luật Kế toán 2015, doanh nghiệp dịch vụ kế toán phải đăng ký. Tài liệu tham khảo: 1. Quốc "
        "hội (2015), Luật Kế toán (Luật số 88/2015/QH13); 2. Bộ Tài chính, Thông tư 297/2016/TT-BTC ngày 15/11/2016."
    )
    assert [(c.number, c.title) for c in extract_citations(text) if c.doc_type == "Luật"] == [
        ("88/2015/QH13", "Luật Kế toán")
    ]


def test_a_short_form_of_a_document_cited_in_full_is_that_document() -> None:
    # legal_qa: "Thông tư 99 của Bộ Tài chính" and "Thông tư 99/2025/TT-BTC" in one headline, one document.
    text = (
        "Từ 1/1/2026, Doanh nghiệp ban hành Quy chế mở tài khoản kế toán theo Thông tư 99 của Bộ Tài chính đúng "
        "không? Hệ thống biểu mẫu chứng từ kế toán mới nhất theo Thông tư 99/2025/TT-BTC là gì?"
    )
    assert [(c.number, c.issuer) for c in extract_citations(text)] == [("99/2025/TT-BTC", "Bộ Tài chính")]


def test_a_letter_cited_by_type_số_and_a_bare_serial_is_a_citation() -> None:
    # The press's wording (heldout24, constructed): "số" says a document's number even without a symbol;
    # a bare head and its verb ("của Sở nêu") is no issuer. A headline's "Công văn 2512:" (heldout26) too.
    text = (
        "Đề xuất này trái với văn bản số 253 của Sở nêu. Dự án đã được Bộ thỏa thuận tại công văn số 3478 "
        "năm 2011.\nCông văn 2512: Yêu cầu trường học không tự ý đặt ra các khoản thu.\n"
    )
    found = [(c.number, c.issuer, c.year) for c in extract_citations(text)]
    assert found == [("253", None, None), ("3478", None, 2011), ("2512", None, None)]


def test_a_headlines_short_symbol_is_the_document_the_text_cites_in_full() -> None:
    # legal_qa (heldout28): the headline's "2690/NHNN" lacks the type code of "2690/QĐ-NHNN"; same serial,
    # same issuer code, same type: one document, with the full citation's date and issuer.
    text = (
        "Quyết định 2690/NHNN về mức lãi suất trong năm 2025 thế nào?\n"
        "Ngày 18/12/2024, Thống đốc Ngân hàng Nhà nước Việt Nam (NHNN) đã ban hành Quyết định 2690/QĐ-NHNN "
        "năm 2024 về mức lãi suất của các ngân hàng thương mại.\n"
    )
    assert [(c.number, c.issued_on, c.issuer) for c in extract_citations(text)] == [
        ("2690/QĐ-NHNN", "2024-12-18", "Thống đốc Ngân hàng Nhà nước Việt Nam")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # news (heldout118's phrasings, constructed around them): "cấp" with no level after it grants the permit;
        # the day an approval was given is the document's date
        (
            "Công ty thi công sai nội dung giấy phép xây dựng số 95/GPXD ngày 18/6/2015 do Sở Xây dựng cấp. Sau đó",
            ("95/GPXD", "2015-06-18", "Sở Xây dựng"),
        ),
        (
            "Trực thăng bay theo phép bay số 2664/TC - QC của Cục Tác chiến phê duyệt ngày 30/05/2017. Khoảng 13h25",
            ("2664/TC-QC", "2017-05-30", "Cục Tác chiến"),
        ),
        # a level after "cấp" is still part of the name
        (
            "Quyết định số 12/QĐ-UBND ngày 3/4/2017 do UBND cấp tỉnh ban hành",
            ("12/QĐ-UBND", "2017-04-03", "Ủy ban nhân dân cấp tỉnh"),
        ),
    ],
)
def test_citations_granted_by_a_body_or_approved_on_a_day(text: str, expected: tuple) -> None:
    (citation,) = extract_citations(text)
    assert (citation.number, citation.issued_on, citation.issuer) == expected


def test_a_shorter_form_of_a_short_form_is_the_same_document() -> None:
    # baomoi_news: "Thông tư 20/2011" (number and year, no symbol) then "Thông tư 20" many times; and "Nghị định 38"
    # before "Nghị định 38/2012" (heldout141's "Thông tư 15/2015 … Thông tư 15 của Bộ")
    after = (
        "Trong đó Bộ Tài chính nêu rõ Thông tư 20/2011 của Bộ Công Thương quy định thương nhân nhập khẩu ô tô. "
        "Hiện Thông tư 20 của Bộ Công Thương chưa được bãi bỏ hoặc thay thế."
    )
    before = (
        "Các doanh nghiệp kiến nghị phải sửa Nghị định 38 của Chính phủ. Theo quy định Nghị định 38/2012, việc Cục "
        "An toàn thực phẩm xem xét cấp giấy xác nhận công bố thực phẩm."
    )
    assert [c.number for c in extract_citations(after)] == ["20/2011"]
    assert [(c.number, c.issuer) for c in extract_citations(before)] == [("38/2012", "Chính phủ")]
