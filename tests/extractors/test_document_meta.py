"""Document metadata: the seed plans against gold, header layouts (merged by OCR or not), end block."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from case_tables import load_cases

from extractors import extract_all
from extractors.document_meta import extract_document_meta
from extractors.issuers import title_case

ROOT = Path(__file__).resolve().parents[2]
SEEDS_WITH_GOLD = {
    "ke-hoach-mn-hoa-lu-papi-2024": ".txt",
    "ke-hoach-phuong-van-phuc-papi-2021-2025": ".txt",
    "ke-hoach-th-nguyen-binh-khiem-par-index-2025": ".md",
    "tin-tphcm-cai-thien-papi-2024": ".md",
}
# The school's announcing sentence spells it "Nguyễn Bình Khiêm" (a typo the diacritics repair
# stage is there to fix); gold holds the real name "Nguyễn Bỉnh Khiêm".

MERGED_OCR_HEADER = """ỦY BAN NHÂN DÂN QUẬN 1 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TRƯỜNG MẦM NON TUỔI HỒNG Độc lập - Tự do - Hạnh phúc

Số: 56/KH-MNTH Quận 1, ngày 3 tháng 5 năm 2023

KẾ HOẠCH
Về cải thiện Chỉ số cải cách hành chính (PAR Index)
và nâng cao sự hài lòng của người dân

Thực hiện Kế hoạch số 1905/KH-UBND ngày 10 tháng 5 năm 2023 của Ủy ban nhân dân Thành phố;
Trên đây là Kế hoạch cải thiện Chỉ số cải cách hành chính (Par Index) tại Trường mầm non Tuổi Hồng./.
Nơi nhận:                                   KT. HIỆU TRƯỞNG
- Phòng Nội vụ Quận 1;                      PHÓ HIỆU TRƯỞNG
- Lưu: VT.

                                            Đỗ Ngọc Chi
"""

SEPARATE_LINES_HEADER = """UBND PHƯỜNG VẠN PHÚC
Số: 12/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Vạn Phúc, ngày 15 tháng 10 năm 2021

KẾ HOẠCH
Cải thiện, nâng cao Chỉ số PAPI giai đoạn 2021-2025

Thực hiện Kế hoạch số 273/KH-UBND ngày 28/9/2021 của UBND quận Hà Đông;
Nơi nhận:
- UBND quận;
- Phòng Nội vụ quận;
- Lưu: VT, VP.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
NGUYỄN VĂN AN
"""


def _seed_field_params() -> list:
    params = []
    for stem in SEEDS_WITH_GOLD:
        for field in ("doc_type", "number", "issuer", "issued_on", "signer"):
            # the school's name misspelt in its own text ("Nguyễn Bình Khiêm") is read with the
            # namesake's spelling (extractors/namesakes.py)
            params.append(pytest.param(stem, field, id=f"{stem}-{field}"))
    return params


@pytest.mark.parametrize(("stem", "field"), _seed_field_params())
def test_document_meta_seed_plans_match_gold(stem: str, field: str) -> None:
    gold = json.loads((ROOT / "tests/gold" / f"{stem}.json").read_text(encoding="utf-8"))["document"]
    text = (ROOT / "data/raw" / f"{stem}{SEEDS_WITH_GOLD[stem]}").read_text(encoding="utf-8")
    assert getattr(extract_document_meta(text), field) == gold[field]


def test_document_meta_merged_ocr_header() -> None:
    meta = extract_document_meta(MERGED_OCR_HEADER)
    assert (meta.issuer, meta.parent_issuer) == ("Trường Mầm non Tuổi Hồng", "Ủy ban nhân dân Quận 1")
    assert (meta.number, meta.place, meta.issued_on) == ("56/KH-MNTH", "Quận 1", "2023-05-03")
    assert meta.doc_type == "Kế hoạch"
    assert (
        meta.title
        == "Về cải thiện Chỉ số cải cách hành chính (PAR Index) và nâng cao sự hài lòng của người dân"
    )
    assert meta.signer == "Đỗ Ngọc Chi"
    assert meta.recipients == ["Phòng Nội vụ Quận 1"]


def test_document_meta_header_on_separate_lines_with_caps_signer() -> None:
    meta = extract_document_meta(SEPARATE_LINES_HEADER)
    assert (meta.issuer, meta.parent_issuer) == ("Ủy ban nhân dân phường Vạn Phúc", None)
    assert (meta.number, meta.place, meta.issued_on) == ("12/KH-UBND", "Vạn Phúc", "2021-10-15")
    assert meta.title == "Cải thiện, nâng cao Chỉ số PAPI giai đoạn 2021-2025"
    assert meta.signer == "Nguyễn Văn An"
    assert meta.recipients == ["Ủy ban nhân dân quận", "Phòng Nội vụ quận"]


_VERB_TITLE_HEADER = (
    "ỦY BAN NHÂN DÂN\nXÃ TÂN HÒA\nSố: 56/KH-UBND\nTân Hòa, ngày 02 tháng 4 năm 2025\nKẾ HOẠCH\n{title}\n"
    "Thực hiện Kế hoạch số 1120/KH-UBND ngày 15/3/2025 của Ủy ban nhân dân huyện Châu Thành, Ủy ban nhân dân xã "
    "xây dựng Kế hoạch thực hiện như sau:\nI. MỤC ĐÍCH, YÊU CẦU\n"
)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # a title may open with a verb that opens bodies too, when the body's sentence follows it
        (
            "Triển khai các giải pháp nâng cao Chỉ số PAPI trên địa bàn xã năm 2025",
            "Triển khai các giải pháp nâng cao Chỉ số PAPI trên địa bàn xã năm 2025",
        ),
        (
            "Thực hiện Nghị quyết số 12-NQ/TU của Tỉnh ủy về cải thiện PAPI",
            "Thực hiện Nghị quyết số 12-NQ/TU của Tỉnh ủy về cải thiện PAPI",
        ),
        # ... wrapped by a scan in lower case
        (
            "Triển khai các giải pháp nâng cao Chỉ số PAPI\ntrên địa bàn xã năm 2025",
            "Triển khai các giải pháp nâng cao Chỉ số PAPI trên địa bàn xã năm 2025",
        ),
        # a body's sentence that lost its title line and its full stop is no title
        ("Thực hiện Kế hoạch số 11/KH-UBND ngày 1/3/2025 của UBND huyện, UBND xã ban hành kế hoạch", None),
        ("Để nâng cao Chỉ số PAPI, Ủy ban nhân dân xã ban hành Kế hoạch như sau:", None),
    ],
)
def test_document_meta_title_opened_by_a_verb(title: str, expected: str | None) -> None:
    assert extract_document_meta(_VERB_TITLE_HEADER.format(title=title)).title == expected


def test_document_meta_department_under_a_province_keeps_the_level_in_lower_case() -> None:
    # "Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh" capitalises the city's level; a province's stays "tỉnh"
    meta = extract_document_meta(
        "UBND TỈNH QUẢNG TRỊ\nSỞ TƯ PHÁP\nSố: 318/KH-STP\nQuảng Trị, ngày 25 tháng 02 năm 2025\nKẾ HOẠCH\n"
        "Nâng cao Chỉ số cải cách hành chính năm 2025\nCăn cứ Kế hoạch số 25/KH-UBND ngày 10/02/2025 của UBND tỉnh;\n"
    )
    assert (meta.issuer, meta.parent_issuer) == (
        "Sở Tư pháp tỉnh Quảng Trị",
        "Ủy ban nhân dân tỉnh Quảng Trị",
    )


def test_document_meta_without_header_reads_issuer_from_announcing_sentence() -> None:
    text = (
        "Về việc cải thiện Chỉ số PAPI năm 2024\n\n"
        "Căn cứ Kế hoạch số 04/KH-UBND ngày 04 tháng 01 năm 2024 của Ủy ban nhân dân Quận 1;\n"
        "Trường Mầm non Hoa Lư xây dựng và triển khai Kế hoạch về cải thiện Chỉ số PAPI như sau:\n"
    )
    meta = extract_document_meta(text)
    assert (meta.doc_type, meta.issuer, meta.number, meta.issued_on) == (
        "Kế hoạch",
        "Trường Mầm non Hoa Lư",
        None,
        None,
    )
    assert meta.title == "Về việc cải thiện Chỉ số PAPI năm 2024"


def test_document_meta_news_article_has_no_type_or_issuer() -> None:
    text = "• Tháng Sáu 26, 2024\n\nKế hoạch nhằm cải thiện Chỉ số PAPI; UBND TP yêu cầu các sở, ban, ngành thực hiện."
    meta = extract_document_meta(text)
    assert (meta.doc_type, meta.issuer, meta.signer, meta.recipients) == (None, None, None, [])


@pytest.mark.parametrize("case", load_cases("title_case.tsv"))
def test_document_meta_title_case_of_caps_bodies(case: dict[str, str]) -> None:
    assert title_case(case["caps"]) == case["expected"]


def test_document_meta_motto_garbled_by_ocr_is_still_cut_from_the_header() -> None:
    header = (
        "ỦY BAN NHÂN DÂN QUẬN 1 CQONG HỎA XA HQI CHỦ NGHĨA VIỆT NAM\n"
        "TRƯỜNG MẦM NON TUỔI HỒNG Độc lập - Tự do - Hạnh phúc\n\n"
        "$6:5b /KKH-MNTH Quận 1, ngày 3 tháng 5 năm 2023\n\nKẾ HOẠCH\n"
        "Về cải thiện Chỉ số cải cách hành chính (PAR Index)\nvà nâng cao sự hài lòng\n\n"
        "hành chính nhà nước trên địa bàn Quận 1 năm 2023\n\nThực hiện Kế hoạch số 1905/KH-UBND;\n"
    )
    meta = extract_document_meta(header)
    assert (meta.issuer, meta.parent_issuer) == ("Trường Mầm non Tuổi Hồng", "Ủy ban nhân dân Quận 1")
    assert (meta.number, meta.place, meta.issued_on) == (None, "Quận 1", "2023-05-03")
    assert meta.title == (
        "Về cải thiện Chỉ số cải cách hành chính (PAR Index) và nâng cao sự hài lòng "
        "hành chính nhà nước trên địa bàn Quận 1 năm 2023"
    )


def test_document_meta_one_line_signature_block_of_a_web_copy() -> None:
    # Held-out (legal_docs 160/KH-UBND): the flattened block used to give no signer.
    text = (
        "Số: 160/KH-UBND\nKẾ HOẠCH\nGIÁM SÁT, ĐÁNH GIÁ CHƯƠNG TRÌNH\nI. MỤC ĐÍCH\nNội dung.\n"
        "Nơi nhận: Bộ NN&MT; Lưu: VT.\nTM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Trần Chí Hùng\n"
    )
    assert extract_document_meta(text).signer == "Trần Chí Hùng"


def test_document_meta_decision_with_attached_plan_signer_and_date_from_attachment_line() -> None:
    # Held-out (legal_docs 4385/QĐ-BVHTTDL): signed above the attached plan, dated only under its title.
    plan_body = "\n".join(f"{index}. Nhiệm vụ số {index} của kế hoạch." for index in range(1, 40))
    text = (
        "BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH\nSố: 4385/QĐ-BVHTTDL\nQUYẾT ĐỊNH\nVỀ VIỆC BAN HÀNH KẾ HOẠCH\n"
        "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch.\nKT. BỘ TRƯỞNG THỨ TRƯỞNG Tạ Quang Đông\n"
        "KẾ HOẠCH\n(Kèm theo Quyết định số 4385/QĐ-BVHTTDL ngày 18 tháng 11 năm 2025 của Bộ trưởng)\n"
        + plan_body
    )
    meta = extract_document_meta(text)
    assert (meta.number, meta.issued_on, meta.signer) == ("4385/QĐ-BVHTTDL", "2025-11-18", "Tạ Quang Đông")


def test_document_meta_announced_bare_level_issuer_completed_with_named_city() -> None:
    # Held-out (legal_docs 157/KH-UBND): the announcing sentence names only "Ủy ban nhân dân thành phố".
    text = (
        "Số: 157/KH-UBND\nKẾ HOẠCH\nPHÁT ĐỘNG PHONG TRÀO THI ĐUA\n"
        "Nhằm thúc đẩy chuyển đổi số, Ủy ban nhân dân thành phố ban hành Kế hoạch thi đua trên địa bàn "
        "thành phố Cần Thơ, cụ thể như sau:\nI. MỤC ĐÍCH\n"
    )
    assert extract_document_meta(text).issuer == "Ủy ban nhân dân thành phố Cần Thơ"


@pytest.mark.parametrize(
    ("header", "issuer"),
    [
        # legal_docs lines 70799-70803 and 8356-8358: the body and its unit on two header lines
        (
            "ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố: 144/KH-UBND\nBắc Ninh, ngày 24 tháng 11 năm 2025\nKẾ HOẠCH\n",
            "Ủy ban nhân dân tỉnh Bắc Ninh",
        ),
        (
            "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ\nSố: 2691/QĐ-UBND\nQUYẾT ĐỊNH\nCÔNG BỐ THỦ TỤC HÀNH CHÍNH NỘI BỘ\n",
            "Ủy ban nhân dân tỉnh Quảng Trị",
        ),
    ],
)
def test_document_meta_issuer_on_two_header_lines(header: str, issuer: str) -> None:
    assert extract_document_meta(header).issuer == issuer


def test_document_meta_authority_line_of_a_decision_without_header_issuer() -> None:
    # legal_docs lines 1562-1567, copied from the "Số:" line as web copies are: the capitals line
    # above "Căn cứ" names the issuing office.
    text = (
        "Số: 4001/QĐ-BKHCN\nHà Nội, ngày 02 tháng 12 năm 2025\nQUYẾT ĐỊNH\n"
        "VỀ VIỆC CÔNG BỐ THỦ TỤC HÀNH CHÍNH MỚI BAN HÀNH VÀ BỊ BÃI BỎ LĨNH VỰC HOẠT ĐỘNG KHOA HỌC VÀ CÔNG NGHỆ\n"
        "BỘ TRƯỞNG BỘ KHOA HỌC VÀ CÔNG NGHỆ\n"
        "Căn cứ Nghị định số 55/2025/NĐ-CP ngày 02/3/2025 của Chính phủ quy định chức năng, nhiệm vụ;\n"
    )
    meta = extract_document_meta(text)
    assert (meta.issuer, meta.place, meta.issued_on) == (
        "Bộ trưởng Bộ Khoa học và Công nghệ",
        "Hà Nội",
        "2025-12-02",
    )


def test_document_meta_header_issuer_wins_over_authority_line() -> None:
    # legal_docs lines 1561-1567: with the header line, the ministry is the issuer.
    text = (
        "BỘ KHOA HỌC VÀ CÔNG NGHỆ\nSố: 4001/QĐ-BKHCN\nHà Nội, ngày 02 tháng 12 năm 2025\nQUYẾT ĐỊNH\n"
        "VỀ VIỆC CÔNG BỐ THỦ TỤC HÀNH CHÍNH\nBỘ TRƯỞNG BỘ KHOA HỌC VÀ CÔNG NGHỆ\nCăn cứ Nghị định số 55/2025/NĐ-CP;\n"
    )
    assert extract_document_meta(text).issuer == "Bộ Khoa học và Công nghệ"


def test_document_meta_chairman_of_the_header_body_issues_his_decision() -> None:
    # legal_docs lines 70456-70458 (2890/QĐ-UBND Hà Tĩnh, tests/heldout79): the committee in the header, the
    # Chairman's authority line run in after the title; the golds of the provincial decisions file it under him.
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\nSố: 2890/QĐ-UBND\nQUYẾT ĐỊNH CÔNG BỐ DANH MỤC VÀ QUY TRÌNH THỦ TỤC HÀNH CHÍNH"
        " BÃI BỎ LĨNH VỰC ĐẤU THẦU THUỘC PHẠM VI CHỨC NĂNG QUẢN LÝ CỦA NGÀNH TÀI CHÍNH CẤP TỈNH ÁP DỤNG TRÊN ĐỊA BÀN"
        " TỈNH HÀ TĨNH CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025;\n"
    )
    assert extract_document_meta(text).issuer == "Chủ tịch Ủy ban nhân dân tỉnh Hà Tĩnh"


def test_document_meta_number_typed_with_a_space_before_the_slash() -> None:
    """Typists often write "Số: 56 /KH-MNTH" (room to fill in the number by hand on the draft)."""
    header = (
        "TRƯỜNG MẦM NON HOA MAI\nSố: 56 /KH-MNHM    Quận 3, ngày 3 tháng 5 năm 2023\nKẾ HOẠCH\nVề cải cách"
    )
    assert extract_document_meta(header).number == "56/KH-MNHM"


# legal_docs lines 15222-15225 (17809/BTC-CTK): a Công văn copied from "Kính gửi:", its first sentence
# cut; number, type, date and issuer are only in the annex line, which is no citation of the letter.
LETTER_WITHOUT_HEADER = "Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương Thực hiện Nghị định số 94/2022/NĐ-CP ngày 07/11/2022 của Chính phủ quy định nội dung chi tiêu thống kê thuộc hệ thống chỉ tiêu thống kê quốc gia và quy trình biên soạn chỉ tiêu tổng sản phẩm trong nước (GDP), chỉ tiêu tổng sản phẩm trên địa bàn tỉnh, thành phố trực thuộc trung ương (GRDP).\nNơi nhận: Như trên; Bộ trưởng (để b/c); Văn phòng Chính phủ (để b/c); Thống kê tỉnh, TP trực thuộc TW; Lưu: VT, CTK.\nKT. BỘ TRƯỞNG THỨ TRƯỞNG Nguyễn Thị Bích Ngọc\nPHỤ LỤC HỆ BIỂU THU THẬP THÔNG TIN PHỤC VỤ BIÊN SOẠN CHỈ TIÊU TỔNG SẢN PHẨM TRONG NƯỚC, CHỈ TIÊU TỔNG SẢN PHẨM TRÊN ĐỊA BÀN TỈNH, THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG SƠ BỘ QUÝ III, 9 THÁNG VÀ ƯỚC TÍNH QUÝ IV, NĂM 2025 ÁP DỤNG ĐỐI VỚI ỦY BAN NHÂN DÂN TỈNH, THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG (Kèm theo Công văn số 17809/BTC-CTK ngày 17 tháng 11 năm 2025 của Bộ Tài chính) Đơn vị tính: Triệu đồng"


def test_a_letter_without_header_is_read_from_its_annex_line() -> None:
    meta = extract_document_meta(LETTER_WITHOUT_HEADER)
    assert (meta.doc_type, meta.number, meta.issued_on, meta.issuer, meta.signer) == (
        "Công văn",
        "17809/BTC-CTK",
        "2025-11-17",
        "Bộ Tài chính",
        "Nguyễn Thị Bích Ngọc",
    )
    numbers = [c.number for c in extract_all(LETTER_WITHOUT_HEADER).citations]
    assert numbers == ["94/2022/NĐ-CP"]


def test_a_plan_keeps_its_type_when_its_annex_line_names_the_decision() -> None:
    text = (
        "KẾ HOẠCH\nTriển khai ...\nPHỤ LỤC\n(Kèm theo Quyết định số 12/QĐ-UBND ngày 01/02/2025 của UBND tỉnh)"
    )
    meta = extract_document_meta(text)
    assert (meta.doc_type, meta.number) == ("Kế hoạch", None)


@pytest.mark.parametrize(
    ("header", "doc_type", "title_start"),
    [
        # legal_docs lines 6772-6774: type and title in capitals on one line, then the sender formula
        (
            "THỦ TƯỚNG CHÍNH PHỦ\nSố: 223/CĐ-TTg\nCÔNG ĐIỆN V/V TẬP TRUNG ỨNG PHÓ LŨ ĐẶC BIỆT LỚN TẠI KHÁNH HÒA,"
            " ĐẮK LẮK VÀ GIA LAI THỦ TƯỚNG CHÍNH PHỦ điện:",
            "Công điện",
            "V/V TẬP TRUNG",
        ),
        # legal_docs lines 14697-14698: a Thông báo kết luận with its title and the first sentence on one line
        (
            "VĂN PHÒNG CHÍNH PHỦ\nSố: 648/TB-VPCP\nTHÔNG BÁO KẾT LUẬN CỦA PHÓ THỦ TƯỚNG CHÍNH PHỦ LÊ THÀNH LONG"
            " TẠI BUỔI LÀM VIỆC VỚI LÃNH ĐẠO TỈNH ĐIỆN BIÊN Trong các ngày 08 và 09 tháng 11",
            "Thông báo",
            "CỦA PHÓ THỦ TƯỚNG",
        ),
    ],
)
def test_type_and_title_on_one_line_in_capitals(header: str, doc_type: str, title_start: str) -> None:
    meta = extract_document_meta(header)
    assert meta.doc_type == doc_type
    assert meta.title is not None and meta.title.startswith(title_start)


def test_a_wrapped_annex_title_naming_another_type_is_not_the_documents_type() -> None:
    # heldout5 980/KH-UBND Nghệ An as its office scan reads it: the copy keeps only "Số:", the date, the
    # end block and the annex, whose title wrapped so that "NGHỊ ĐỊNH QUY ĐỊNH ..." opens a line
    text = (
        "Số: 980/KH-UBND\nNghệ An, ngày 18 tháng 11 năm 2025\n"
        "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH\nNguyễn Văn Đệ\n"
        "PHỤ LỤC DANH MỤC NHIỆM VỤ TRIỂN KHAI THI HÀNH\n"
        "NGHỊ ĐỊNH QUY ĐỊNH CHI TIẾT MỘT SỐ ĐIỀU CỦA LUẬT\n"
        "PHÒNG THỦ DÂN SỰ (Kèm theo Kế hoạch số 980/KH-UBND ngày 18 tháng 11 năm 2025 của UBND tỉnh Nghệ An)"
    )
    assert extract_document_meta(text).doc_type == "Kế hoạch"


# Headers of national bodies whose title case by rule is not their spelling ("Thủ Tướng chính Phủ"), and copies
# that keep only the "Số:" line: the symbol's type code gives the type (NĐ 30/2020, Phụ lục III).
NATIONAL_HEADERS = [
    # legal_docs lines 18767-18769: a Quyết định of the Prime Minister without its type line
    (
        "THỦ TƯỚNG CHÍNH PHỦ\nSố: 2629/QĐ-TTg\nHà Nội, ngày 01 tháng 12 năm 2025",
        "Quyết định",
        "Thủ tướng Chính phủ",
    ),
    # legal_docs lines 42659-42661
    (
        "THỦ TƯỚNG CHÍNH PHỦ\nSố: 2530/QĐ-TTg\nNơi nhận: Ban Bí thư Trung ương Đảng; Thủ tướng, các Phó Thủ tướng"
        " Chính phủ;\nKT. THỦ TƯỚNG PHÓ THỦ TƯỚNG Trần Hồng Hà",
        "Quyết định",
        "Thủ tướng Chính phủ",
    ),
    # legal_docs lines 20323-20325 (heldout6 230/CĐ-TTg and 234/CĐ-TTg have the same header)
    (
        "THỦ TƯỚNG CHÍNH PHỦ\nSố: 220/CĐ-TTg\nCÔNG ĐIỆN TẬP TRUNG HOÀN THÀNH THỰC THI CÁC PHƯƠNG ÁN CẮT GIẢM, ĐƠN"
        " GIẢN HÓA THỦ TỤC HÀNH CHÍNH, ĐIỀU KIỆN KINH DOANH NĂM 2025 THỦ TƯỚNG CHÍNH PHỦ điện:",
        "Công điện",
        "Thủ tướng Chính phủ",
    ),
    # legal_docs lines 1407-1410: a Nghị quyết of the Government, header and end block only
    (
        "CHÍNH PHỦ\nSố: 08/2025/NQ-CP\nNơi nhận: Ban Bí thư Trung ương Đảng; Thủ tướng, các Phó Thủ tướng Chính"
        " phủ;\nTM. CHÍNH PHỦ KT. THỦ TƯỚNG PHÓ THỦ TƯỚNG Hồ Đức Phớc",
        "Nghị quyết",
        "Chính phủ",
    ),
    # legal_docs lines 1550-1553
    ("CHÍNH PHỦ\nSố: 388/NQ-CP\nHà Nội ngày 01 tháng 12 năm 2025", None, "Chính phủ"),
    # legal_docs lines 104310-104313
    ("KIỂM TOÁN NHÀ NƯỚC\nSố: 1760/QĐ-KTNN\nQUYẾT ĐỊNH", "Quyết định", "Kiểm toán Nhà nước"),
    # legal_docs lines 942-944, 994-996, 19364-19365: provincial and ministry copies without the type line
    (
        "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH\nSố: 84/2025/QĐ-UBND\nHà Tĩnh, ngày 02 tháng 12 năm 2025",
        "Quyết định",
        None,
    ),
    (
        "HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ HÀ NỘI\nSố: 55/2025/NQ-HĐND\nHà Nội, ngày 26 tháng 11 năm 2025",
        "Nghị quyết",
        None,
    ),
    (
        "BỘ XÂY DỰNG\nSố: 38/2025/TT-BXD\nNơi nhận: Bộ trưởng (để b/c); Văn phòng Chính phủ;",
        "Thông tư",
        "Bộ Xây dựng",
    ),
    # legal_docs lines 24402-24403: a Cục Hải quan notice
    (
        "Số: 37698/TB-CHQ\n1. Hàng hóa đề nghị xác định trước mã số do tổ chức, cá nhân cung cấp:",
        "Thông báo",
        None,
    ),
    # heldout6 980/KH-UBND Nghệ An: only the number, the date line and the annex table are left
    (
        "Số: 980/KH-UBND\nNghệ An, ngày 18 tháng 11 năm 2025\nNơi nhận: Chủ tịch UBND tỉnh; Các PCT UBND tỉnh;\n"
        "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Văn Đệ",
        "Kế hoạch",
        "Ủy ban nhân dân tỉnh Nghệ An",
    ),
    # legal_docs lines 6785-6788: a resolution of the Standing Committee of the National Assembly, header cut
    (
        "Số: 1664/NQ-UBTVQH15\nNGHỊ QUYẾT\nVề việc sắp xếp các đơn vị hành chính cấp xã của tỉnh Gia Lai năm 2025",
        None,
        "Ủy ban Thường vụ Quốc hội",
    ),
]


@pytest.mark.parametrize(("header", "doc_type", "issuer"), NATIONAL_HEADERS)
def test_document_meta_national_body_header_and_type_from_the_symbol(
    header: str, doc_type: str | None, issuer: str | None
) -> None:
    meta = extract_document_meta(header)
    if doc_type:
        assert meta.doc_type == doc_type
    if issuer:
        assert meta.issuer == issuer


@pytest.mark.parametrize(
    ("text", "issuer", "title_end"),
    [
        # legal_docs lines 19574-19577: a Công điện copied without "Số:" and its header
        (
            "CÔNG ĐIỆN\nV/V TẬP TRUNG ỨNG PHÓ VÀ KỊP THỜI KHẮC PHỤC HẬU QUẢ MƯA LŨ TẠI KHU VỰC TRUNG BỘ\n"
            "THỦ TƯỚNG CHÍNH PHỦ điện:\nĐồng chí Bí thư tỉnh ủy, thành ủy và Chủ tịch Ủy ban nhân dân các tỉnh,"
            " thành phố: Hà Tĩnh, Quảng Trị, Huế, Đà Nẵng",
            "Thủ tướng Chính phủ",
            None,
        ),
        # legal_docs lines 70193-70195
        (
            "CÔNG ĐIỆN\nV/V TẬP TRUNG ỨNG PHÓ VÀ KHẮC PHỤC HẬU QUẢ MƯA LŨ ĐẶC BIỆT LỚN TẠI KHU VỰC TRUNG BỘ\n"
            "THỦ TƯỚNG CHÍNH PHỦ điện: Đồng chí Bí thư Tỉnh ủy và Chủ tịch Ủy ban nhân dân các tỉnh: Khánh Hòa;"
            " Đắk Lắk, Gia Lai và Lâm Đồng",
            "Thủ tướng Chính phủ",
            None,
        ),
        # legal_docs lines 69267-69268 (its header line left out): the ministry ends the title line, "TRUNG BỘ" is none
        (
            "Số: 96/CĐ-BXD\nCÔNG ĐIỆN VỀ VIỆC TẬP TRUNG ỨNG PHÓ VÀ KỊP THỜI KHẮC PHỤC HẬU QUẢ MƯA LŨ ĐẶC BIỆT LỚN"
            " TẠI KHU VỰC TRUNG BỘ BỘ XÂY DỰNG điện: Các Cục: Đường bộ Việt Nam",
            "Bộ Xây dựng",
            "TẠI KHU VỰC TRUNG BỘ",
        ),
        # heldout6 230/CĐ-TTg (legal_docs lines 113193-113195), header cut to the title line
        (
            "Số: 230/CĐ-TTg\nCÔNG ĐIỆN VỀ VIỆC KHẨN TRƯƠNG HOÀN THÀNH CẬP NHẬT, RÀ SOÁT VÀ PHÂN LOẠI KẾT QUẢ THANH TRA"
            " CHUYÊN ĐỀ CÁC DỰ ÁN TỒN ĐỌNG KÉO DÀI THỦ TƯỚNG CHÍNH PHỦ điện:\nBộ trưởng; Thủ trưởng cơ quan ngang Bộ",
            "Thủ tướng Chính phủ",
            "CÁC DỰ ÁN TỒN ĐỌNG KÉO DÀI",
        ),
        # legal_docs lines 86217-86219
        (
            "Số: 231/CĐ-TTg\nCÔNG ĐIỆN V/V CHỦ ĐỘNG PHÒNG, TRÁNH, ỨNG PHÓ BÃO SỐ 15 NĂM 2025 THỦ TƯỚNG CHÍNH PHỦ điện:"
            " Chủ tịch Ủy ban nhân dân các tỉnh, thành phố: Đà Nẵng, Quảng Ngãi",
            "Thủ tướng Chính phủ",
            "BÃO SỐ 15 NĂM 2025",
        ),
    ],
)
def test_document_meta_cable_sender_read_before_dien(text: str, issuer: str, title_end: str | None) -> None:
    meta = extract_document_meta(text)
    assert (meta.doc_type, meta.issuer) == ("Công điện", issuer)
    if title_end:
        assert meta.title is not None and meta.title.endswith(title_end)


def test_document_meta_issuer_from_the_annex_line_of_its_own_number() -> None:
    # legal_docs lines 62908-62921 (cut): the header lost its issuer, the annex line under the table names it
    text = (
        "Số: 4422/QĐ-BVHTTDL\nQUYẾT ĐỊNH\nVỀ VIỆC CÔNG BỐ NHÓM THỦ TỤC HÀNH CHÍNH LIÊN THÔNG ĐIỆN TỬ\n"
        "Nơi nhận: Như Điều 3; Bộ trưởng (để báo cáo); Các Thứ trưởng; Lưu: VT, VHCS\n"
        "NHÓM THỦ TỤC HÀNH CHÍNH LIÊN THÔNG ĐIỆN TỬ\n"
        "(Kèm theo Quyết định số 4422 /QĐ-BVHTTDL ngày 21 tháng 11 năm 2025 của Bộ trưởng Bộ Văn hóa, Thể thao"
        " và Du lịch)"
    )
    assert extract_document_meta(text).issuer == "Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch"


def test_document_meta_head_of_a_national_body_signs_in_its_own_name() -> None:
    # legal_docs lines 104321-104322: "TỔNG KIỂM TOÁN NHÀ NƯỚC" is an office, not the name "Tống Kiểm Toán"
    text = "KIỂM TOÁN NHÀ NƯỚC\nSố: 1760/QĐ-KTNN\nQUYẾT ĐỊNH\n...\nNơi nhận: Như Điều 3; Lãnh đạo KTNN; Đảng ủy KTNN;"
    text += " Lưu: VT, Vụ TCCB.\nTỔNG KIỂM TOÁN NHÀ NƯỚC Ngô Văn Tuấn\nQUY ĐỊNH\nTỔNG KIỂM TOÁN NHÀ NƯỚC"
    assert extract_document_meta(text).signer == "Ngô Văn Tuấn"


@pytest.mark.parametrize(
    ("text", "place", "issued_on"),
    [
        # legal_docs line 1552: the comma of the place-and-date line left out
        ("CHÍNH PHỦ\nSố: 388/NQ-CP\nHà Nội ngày 01 tháng 12 năm 2025\nNGHỊ QUYẾT", "Hà Nội", "2025-12-01"),
        # legal_docs line 14549: a law's date inside a legal basis is no place-and-date line
        (
            "BỘ NỘI VỤ\nSố: 1383/QĐ-BNV\nQUYẾT ĐỊNH\nCăn cứ Luật Thống kê ngày 23 tháng 11 năm 2015",
            None,
            None,
        ),
    ],
)
def test_document_meta_place_and_date_line_without_its_comma(
    text: str, place: str | None, issued_on: str | None
) -> None:
    meta = extract_document_meta(text)
    assert (meta.place, meta.issued_on) == (place, issued_on)


def test_document_meta_party_number_without_colon_but_not_a_numbered_item() -> None:
    # legal_docs lines 13498-13501 (221-KL/TW) and 27995 ("Số 5: Mộng thịt", an item of a list)
    party = "BAN CHẤP HÀNH TRUNG ƯƠNG\nĐẢNG CỘNG SẢN VIỆT NAM\nSố 221-KL/TW\nKẾT LUẬN CỦA BỘ CHÍNH TRỊ, BAN BÍ THƯ VỀ"
    meta = extract_document_meta(party)
    assert (meta.number, meta.doc_type) == ("221-KL/TW", "Kết luận")
    assert (
        meta.issuer is not None and meta.issuer.casefold() == "ban chấp hành trung ương"
    )  # title case: "Trung Ương"
    assert (
        extract_document_meta("Số 5: Mộng thịt. Phân độ mộng theo mức độ mộng bò vào giác mạc.").number
        is None
    )


def test_document_meta_chairman_heads_his_own_decision() -> None:
    # legal_docs lines 35792-35795 (144/2025/QĐ-CTUBND)
    text = "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP\nSố: 144/2025/QĐ-CTUBND\nĐồng Tháp, ngày 02 tháng 12 năm 2025\nQUYẾT ĐỊNH"
    meta = extract_document_meta(text)
    assert (meta.issuer, meta.parent_issuer) == ("Chủ tịch Ủy ban nhân dân tỉnh Đồng Tháp", None)


@pytest.mark.parametrize(
    "header",
    [
        # the left column of a scanned header too narrow for the unit's name
        "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH\nSỞ GIÁO DỤC VÀ\nĐÀO TẠO\n",
        # a merged header line wrapped by the page inside a field ("GIÁO" / "DỤC", heldout3's scan)
        "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH SỞ GIÁO\nDỤC VÀ ĐÀO TẠO\n",
    ],
)
def test_document_meta_body_name_wrapped_over_two_header_lines(header: str) -> None:
    text = header + "Số: 5155/SGDĐT-GDTXNNĐH\nThành phố Hồ Chí Minh, ngày 28 tháng 11 năm 2025\nKẾ HOẠCH\n"
    meta = extract_document_meta(text)
    assert (meta.issuer, meta.parent_issuer) == (
        "Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh",
        "Ủy ban nhân dân thành phố Hồ Chí Minh",
    )


def test_a_headerless_text_announcing_a_numbered_document_takes_no_type_from_it() -> None:
    # legal_qa (heldout16): a Q&A article about Công văn 2492/BYT-KCB is no Công văn of the ministry
    text = (
        "Công văn 2492/BYT-KCB bảo đảm công tác khám chữa bệnh và cấp cứu tai nạn giao thông?\n"
        "Ngày 25 tháng 4 năm 2025, Bộ Y Tế ban hành Công văn 2492/BYT-KCB năm 2025 về việc bảo đảm công tác khám"
        " chữa bệnh.\n"
    )
    meta = extract_document_meta(text)
    assert (meta.doc_type, meta.issuer) == (None, None)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # news (heldout115, constructed from its phrasing): a decision by its bare serial is another document
        (
            "Chủ tịch UBND TP Thái Bình ban hành Quyết định số 9589 về việc giải quyết khiếu nại của ông Điền.",
            None,
        ),
        (
            "Chủ tịch UBND TP Thái Bình ban hành Quyết định 9589 về việc giải quyết khiếu nại của ông Điền.",
            None,
        ),
        # a year after the type is a period, not a serial: the text's own plan
        ("Ủy ban nhân dân phường Vạn Phúc ban hành Kế hoạch 2025 về cải thiện chỉ số PAPI.", "Kế hoạch"),
        # news (heldout143, heldout142): a number after "số", a body advised to issue, a partner body: none the text's own
        (
            "Bộ Công an đã chủ trì, phối hợp với các bộ, ngành tham mưu Chính phủ ban hành Nghị định số 82/2011 quy định.",
            None,
        ),
        (
            "TANDTC đã phối hợp với kênh Truyền hình Quốc hội xây dựng Chương trình Truyền hình TAND phát sóng.",
            None,
        ),
    ],
)
def test_an_announced_document_with_a_bare_serial_is_a_cited_one(sentence: str, expected: str | None) -> None:
    assert extract_document_meta("Tin tức\n" + sentence + "\n").doc_type == expected


def test_a_number_cited_in_running_text_is_not_the_documents_own() -> None:
    # News (heldout19): "Báo cáo số:" after running text cites a report; "Luật số:" heading a line is a header.
    text = "Trước đó, ngày 3/7, UBND huyện Vân Đồn đã gửi Báo cáo số: 198/BC-UBND lên UBND tỉnh.\n"
    meta = extract_document_meta(text)
    assert (meta.number, meta.doc_type) == (None, None)


def test_a_plan_pasted_without_its_header_takes_its_type_from_a_sentence_case_title() -> None:
    # Web and Word copies often drop the header and keep "Kế hoạch <title>" as the first line (constructed).
    meta = extract_document_meta(
        "# Kế hoạch cải cách hành chính năm 2025\n\nI. Mục đích, yêu cầu\n1. Mục đích\n"
    )
    assert (meta.doc_type, meta.title) == ("Kế hoạch", "Cải cách hành chính năm 2025")
    # a news headline that begins with the word, with no Roman-numbered parts, or a citation, stays untyped
    assert (
        extract_document_meta("Kế hoạch mới của Hà Nội về giao thông\nHà Nội vừa công bố.\n").doc_type is None
    )
    assert extract_document_meta("Kế hoạch số 12/KH-UBND gây tranh cãi\nI. Bối cảnh\n").doc_type is None


def test_document_meta_copy_without_header_reads_the_authority_run_into_its_title_line() -> None:
    # legal_docs (heldout22, Thái Nguyên 1936/QĐ-UBND): the copy starts at "Số:"; title, authority and the
    # first legal basis are one line. With no header, the authority that acts is the issuer (heldout15).
    text = (
        "Số: 1936/QĐ-UBND\nThái Nguyên, ngày 19 tháng 11 năm 2025\n"
        "QUYẾT ĐỊNH VỀ VIỆC CÔNG BỐ DANH MỤC THỦ TỤC HÀNH CHÍNH LĨNH VỰC ĐẦU TƯ TẠI VIỆT NAM THUỘC PHẠM VI "
        "CHỨC NĂNG QUẢN LÝ CỦA SỞ TÀI CHÍNH CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN Căn cứ Luật Tổ chức "
        "chính quyền địa phương ngày 16/6/2025; QUYẾT ĐỊNH: Điều 1. Công bố kèm theo Quyết định này.\n"
    )
    meta = extract_document_meta(text)
    assert (meta.issuer, meta.place, meta.number) == (
        "Chủ tịch Ủy ban nhân dân tỉnh Thái Nguyên",
        "Thái Nguyên",
        "1936/QĐ-UBND",
    )


def test_document_meta_bare_committee_takes_the_place_of_its_date_line() -> None:
    # legal_docs (heldout22, Phú Thọ 105/2025/QĐ-UBND): "Ủy ban nhân dân ban hành Quyết định ..." names no
    # unit; the date line's place is a province the text names as "tỉnh Phú Thọ".
    text = (
        "Số: 105/2025/QĐ-UBND\nPhú Thọ, ngày 21 tháng 11 năm 2025\nQUYẾT ĐỊNH\n"
        "PHÂN CẤP THẨM QUYỀN QUYẾT ĐỊNH TIÊU CHUẨN, ĐỊNH MỨC SỬ DỤNG MÁY MÓC, THIẾT BỊ\n"
        "Căn cứ Quyết định số 15/2025/QĐ-TTg ngày 16 tháng 6 năm 2025 của Thủ tướng Chính phủ;\n"
        "Ủy ban nhân dân ban hành Quyết định phân cấp thẩm quyền thuộc phạm vi quản lý của tỉnh Phú Thọ:\n"
    )
    assert extract_document_meta(text).issuer == "Ủy ban nhân dân tỉnh Phú Thọ"


def test_an_authority_run_into_the_title_and_wrapped_by_a_scan() -> None:
    # heldout84's Cao Bằng 2028/QĐ-UBND as its office scan wraps it: the web copy runs title, authority line and the
    # first basis into one line, the scan breaks it before "CAO BẰNG" and inside "Căn cứ".
    text = (
        "Số: 2028/QĐ-UBND\n"
        "QUYẾT ĐỊNH VỀ VIỆC CÔNG BỐ DANH MỤC THỦ TỤC HÀNH CHÍNH … TRONG PHẠM VI TỈNH\n"
        "CAO BẰNG CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH CAO BẰNG Căn\n"
        "cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\n"
    )
    assert extract_document_meta(text).issuer == "Chủ tịch Ủy ban nhân dân tỉnh Cao Bằng"


def test_an_annex_lead_in_running_text_is_a_citation_not_the_documents_own() -> None:
    # news (heldout145): "(Ban hành kèm theo Quyết định số ...)" inside a sentence's bracket cites the decision
    text = (
        "Bộ GD&ĐT chính thức lên tiếng về sai sót đề tham khảo\n"
        "Trên thực tế tại văn bản pháp lý thì không có quốc lộ 1A mà chỉ có quốc lộ 1 (Tham khảo hướng dẫn và thông tin "
        "chung về hệ thống quốc lộ (Ban hành kèm theo Quyết định số 3937/QĐ-TCĐBVN ngày 01 tháng 12 năm 2015 của Tổng "
        "cục Đường bộ Việt Nam công bố khổ giới hạn các tuyến đường bộ)).\n"
    )
    meta = extract_document_meta(text)
    assert (meta.number, meta.doc_type, meta.issuer) == (None, None, None)
