"""Document header: a parent and its unit on one line, a Công văn without type line, a Chairman's Chỉ thị.

Every header below is a real one from the legal_docs corpus (thuvienphapluat.vn crawl), cut after
its first lines; third held-out set, issue #4.
"""

from __future__ import annotations

import pytest

from extractors.document_meta import extract_document_meta
from extractors.header_units import split_units

TWO_UNIT_HEADERS = [
    (
        "BỘ TÀI CHÍNH CỤC THUẾ\nSố: 5348/CT-CS V/v hướng dẫn góp vốn điều lệ\nHà Nội, ngày 20 tháng 11 năm 2025",
        "Cục Thuế",
        "Bộ Tài chính",
    ),
    (
        "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH SỞ GIÁO DỤC VÀ ĐÀO TẠO\n"
        "Số: 5155/SGDĐT-GDTXNNĐH Về hướng dẫn đánh giá, xếp loại trung tâm học tập cộng đồng\n"
        "Thành phố Hồ Chí Minh, ngày 28 tháng 11 năm 2025",
        "Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh",
        "Ủy ban nhân dân Thành phố Hồ Chí Minh",
    ),
    (
        "UBND THÀNH PHỐ HÀ NỘI SỞ GIÁO DỤC VÀ ĐÀO TẠO\n"
        "Số: 5095/SGDĐT-CTTTHSSV V/v tăng cường các biện pháp cấp bách về kiểm soát ô nhiễm\nKính gửi:",
        "Sở Giáo dục và Đào tạo Thành phố Hà Nội",
        "Ủy ban nhân dân Thành phố Hà Nội",
    ),
    (
        "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG CỤC BẢO TỒN THIÊN NHIÊN VÀ ĐA DẠNG SINH HỌC\n"
        "Số: 12/BTTN-VP V/v lấy ý kiến về dự thảo Danh mục loài ngoại lai xâm hại\nHà Nội, ngày 3 tháng 5 năm 2025",
        "Cục Bảo tồn Thiên nhiên và Đa dạng Sinh học",
        "Bộ Nông nghiệp và Môi trường",
    ),
    # legal_docs lines 11401-11403 and 96928-96930: the provincial tax offices under the Cục Thuế since 2025
    (
        "CỤC THUẾ THUẾ TỈNH TÂY NINH\nSố: 3257/TNI-QLDN1 V/v thuế suất thuế GTGT\nTây Ninh, ngày 01 tháng 12 năm 2025",
        "Thuế tỉnh Tây Ninh",
        "Cục Thuế",
    ),
    (
        "CỤC THUẾ THUẾ TỈNH VĨNH LONG\nSố: 1539/VLO-QLDN3 V/v trả lãi tiền vay cho cổ đông\nVĩnh Long, ngày 02 tháng 12 năm 2025",
        "Thuế tỉnh Vĩnh Long",
        "Cục Thuế",
    ),
]


@pytest.mark.parametrize(("header", "issuer", "parent"), TWO_UNIT_HEADERS)
def test_document_meta_parent_and_unit_on_one_header_line(header: str, issuer: str, parent: str) -> None:
    meta = extract_document_meta(header)
    assert meta.issuer.casefold() == issuer.casefold()
    assert meta.parent_issuer.casefold() == parent.casefold()
    assert meta.doc_type == "Công văn"


# Header and authority lines of the corpus that name one body only.
ONE_BODY_LINES = [
    "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG",  # a city whose name ends with the head "Phòng"
    "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG",  # "MÔI TRƯỜNG" holds the head "Trường"
    "VĂN PHÒNG CHÍNH PHỦ",
    "CỤC TRƯỞNG CỤC THUẾ",  # an office over its body
    "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK",
]


@pytest.mark.parametrize("line", ONE_BODY_LINES)
def test_header_units_line_of_one_body_is_not_split(line: str) -> None:
    assert split_units(line) == [line]


def test_header_units_parent_and_unit_cut_at_the_units_head() -> None:
    # "MÔI TRƯỜNG" holds the head "Trường" before the real unit head "CỤC"
    assert split_units("BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG CỤC TRỒNG TRỌT VÀ BẢO VỆ THỰC VẬT") == [
        "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG",
        "CỤC TRỒNG TRỌT VÀ BẢO VỆ THỰC VẬT",
    ]
    assert split_units("BỘ NỘI VỤ CỤC QUẢN LÝ LAO ĐỘNG NGOÀI NƯỚC") == [
        "BỘ NỘI VỤ",
        "CỤC QUẢN LÝ LAO ĐỘNG NGOÀI NƯỚC",
    ]


def test_document_meta_a_head_inside_a_word_does_not_split_the_header() -> None:
    # "MÔI TRƯỜNG" holds the head "Trường"; "VĂN PHÒNG" holds "Phòng".
    meta = extract_document_meta("SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG\nSố: 15/KH-SNNMT\nKẾ HOẠCH\nVề kiểm tra")
    assert (meta.issuer, meta.parent_issuer) == ("Sở Nông nghiệp và Môi trường", None)
    meta = extract_document_meta(
        "VĂN PHÒNG CHÍNH PHỦ\nSố: 11299/VPCP-KGVX V/v thành lập Mạng lưới quan trắc và cảnh báo phóng xạ"
        "\nHà Nội, ngày 18 tháng 11 năm 2025\nKính gửi: Bộ trưởng Bộ Khoa học và Công nghệ."
    )
    assert meta.parent_issuer is None and meta.issuer.casefold() == "văn phòng chính phủ"


def test_document_meta_letter_subject_after_number_makes_a_cong_van() -> None:
    meta = extract_document_meta(
        "Số: 4085/UBND-ĐT V/v rà soát và chuẩn hóa dữ liệu số nhà sau sắp xếp\n"
        "Thành phố Hồ Chí Minh, ngày 25 tháng 11 năm 2025\nKính gửi:\nSở Xây dựng.\n"
        "Chủ tịch Ủy ban nhân dân Thành phố có ý kiến chỉ đạo như sau: giao Ủy ban nhân dân Thành phố ..."
    )
    assert meta.doc_type == "Công văn"
    assert meta.title == "Rà soát và chuẩn hóa dữ liệu số nhà sau sắp xếp"
    # no header body: the symbol's UBND and the city the text names after it
    assert meta.issuer.casefold() == "ủy ban nhân dân thành phố hồ chí minh"


def test_document_meta_plan_with_v_v_title_keeps_its_type_line() -> None:
    meta = extract_document_meta(
        "Số: 0129/KH-UBND\nĐắk Lắk, ngày 21 tháng 11 năm 2025\nKẾ HOẠCH\nV/V HỖ TRỢ NHU YẾU PHẨM KHẨN CẤP"
    )
    assert meta.doc_type == "Kế hoạch"


CHAIRMAN_DIRECTIVE = (
    "Số: 010/CT-UBND\nĐắk Lắk, ngày 17 tháng 11 năm 2025\nCHỈ THỊ\nVỀ VIỆC NÂNG CAO TRÁCH NHIỆM\n"
    "Công tác phối hợp giữa các sở và UBND tỉnh Đắk Lắk ... Bộ Chỉ huy Quân sự tỉnh Đánh giá sự phù hợp.\n"
    "Để khắc phục những tồn tại, hạn chế nêu trên, Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các sở, ban, ngành:"
)
COMMITTEE_DIRECTIVE = (
    "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ\nSố: 06/CT-UBND\nQuảng Trị, ngày 25 tháng 11 năm 2025\nCHỈ THỊ\n"
    "VỀ VIỆC TĂNG CƯỜNG XỬ LÝ CHỒNG LẤN, LẤN CHIẾM RỪNG VÀ ĐẤT LÂM NGHIỆP TRÊN ĐỊA BÀN TỈNH QUẢNG TRỊ\n"
    "Yêu cầu Giám đốc các sở, ban, ngành; Chủ tịch Ủy ban nhân dân các xã, phường, đặc khu Cồn Cỏ; Thủ "
    "trưởng các cơ quan, đơn vị có liên quan triển khai thực hiện nghiêm túc Chỉ thị này./."
)


def test_document_meta_directive_of_the_chairman_and_province_from_the_date_line() -> None:
    # "tỉnh Đánh giá" is a run-in task, not a province named "Đánh"
    assert extract_document_meta(CHAIRMAN_DIRECTIVE).issuer == "Chủ tịch Ủy ban nhân dân tỉnh Đắk Lắk"


def test_document_meta_directive_that_names_no_directing_chairman_is_the_committees() -> None:
    assert extract_document_meta(COMMITTEE_DIRECTIVE).issuer == "Ủy ban nhân dân tỉnh Quảng Trị"


def test_document_meta_letter_subject_in_lower_case_and_a_code_that_is_the_issuers_initials() -> None:
    # legal_docs lines 71170-71172: "v/v" in lower case; "CT" in "5387/CT-CS" is the Cục Thuế, not a Chỉ thị
    text = (
        "BỘ TÀI CHÍNH CỤC THUẾ\nSố: 5387/CT-CS v/v trả lời phản ánh kiến nghị\nKính gửi: Độc giả Hoàng Văn Trung"
        " Cục Thuế nhận được đơn phản ánh kiến nghị của Độc giả Hoàng Văn Trung"
    )
    meta = extract_document_meta(text)
    assert (meta.doc_type, meta.issuer, meta.title) == ("Công văn", "Cục Thuế", "Trả lời phản ánh kiến nghị")
