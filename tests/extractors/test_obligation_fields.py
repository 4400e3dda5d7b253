"""Issue #4 (fifth held-out set): task records with labelled fields, run-in lists, the closing, laws.

Each rule is checked on a real phrasing of the legal_docs corpus and, where the corpus has one, on a
second document's phrasing, so that no rule fits one plan only.
"""

from __future__ import annotations

from extractors.citations import extract_citations
from extractors.document_meta import extract_document_meta
from extractors.law_names import expand_law_abbreviation, passed_by
from extractors.obligations import extract_obligations
from extractors.task_fields import field_owner, is_field_label, is_timing_label

# Quyết định 2623/QĐ-TTg (legal_docs line 57029): a task's title, then one labelled field per line.
RECORD_OF_FIELDS = """II. NỘI DUNG
5. Xây dựng Nghị định của Chính phủ Nghị định quy định chi tiết một số điều Luật Bảo vệ dữ liệu cá nhân
+ Nội dung: quy định chi tiết một số điều Luật Bảo vệ dữ liệu cá nhân quy định chi tiết: khoản 2, khoản 3 Điều 2.
+ Cơ quan chủ trì: Bộ Công an.
+ Cơ quan phối hợp: Văn phòng Chính phủ, Bộ Tư pháp và các cơ quan có liên quan.
+ Thời hạn ban hành: trước ngày 01 tháng 01 năm 2026. Nghị định xử phạt vi phạm hành chính trong lĩnh vực an ninh mạng và bảo vệ dữ liệu cá nhân.
+ Nội dung: bao gồm quy định chi tiết khoản 7 Điều 8 của Luật Bảo vệ dữ liệu cá nhân.
+ Thời hạn ban hành: Theo tiến độ được giao của Luật An ninh mạng 2025.
"""


def test_fields_of_a_task_record_date_and_own_the_task_not_tasks_of_their_own() -> None:
    found = [(o.action[:24], o.deadline, o.responsible) for o in extract_obligations(RECORD_OF_FIELDS)]
    assert found == [
        ("Xây dựng Nghị định của C", "2026-01-01", "Bộ Công an"),
        ("Nghị định xử phạt vi phạ", None, None),
    ]


def test_field_labels_read() -> None:
    assert is_timing_label("Thời hạn ban hành: trước ngày 31 tháng 12 năm 2026.")
    assert is_field_label("Cơ quan phối hợp: Văn phòng Chính phủ và các cơ quan có liên quan.")
    assert field_owner("Cơ quan chủ trì: Sở Khoa học và Công nghệ.") == "Sở Khoa học và Công nghệ"
    # several owners: none is the owner
    assert field_owner("Cơ quan thực hiện: Bộ Công an, Bộ Tư pháp, Bộ Giáo dục và Đào tạo.") is None
    # heldout (Cần Thơ): a field that goes on into clauses of its own is a task, not a field
    assert not is_field_label(
        "Cơ quan thực hiện: Sở Khoa học và Công nghệ tiến hành rà soát các văn bản quy phạm pháp luật có liên "
        "quan đến Luật thuộc thẩm quyền quản lý nhà nước của mình; các sở, ngành liên quan và Ủy ban nhân dân "
        "các xã, phường rà soát văn bản quy phạm pháp luật do cơ quan mình tham mưu ban hành và gửi kết quả rà "
        "soát về Sở Khoa học và Công nghệ."
    )


def test_semicolon_before_a_capitalised_task_verb_starts_a_new_task() -> None:
    # legal_docs line 70150: two submissions in one item, the second capitalised after ";"
    item = (
        "II. NHIỆM VỤ VÀ GIẢI PHÁP\nd) Rà soát, trình Ủy ban nhân dân tỉnh phê duyệt bổ sung danh mục các dự án "
        "đầu tư thu gom, xử lý chất thải rắn sinh hoạt trên địa bàn tỉnh cần kêu gọi đầu tư; Chủ trì thẩm định, "
        "trình Ủy ban nhân dân tỉnh quyết định chủ trương đầu tư, cấp giấy chứng nhận đăng ký đầu tư các dự án "
        "thu gom, xử lý chất thải rắn sinh hoạt theo quy định."
    )
    found = [(o.action.split(",")[0], o.recipient) for o in extract_obligations(item)]
    assert found == [("Rà soát", None), ("Chủ trì thẩm định", None)]
    # HCM 2853/QĐ-UBND V.1: the yearly report is a task of its own, with its own frequency
    owner_item = (
        "V. TỔ CHỨC THỰC HIỆN\n1. Giao Sở Nông nghiệp và Môi trường là cơ quan đầu mối, tổ chức thực hiện các "
        "nhiệm vụ sau: Điều phối chung, đôn đốc, hướng dẫn việc triển khai Kế hoạch; tham mưu Ủy ban nhân dân "
        "Thành phố phê duyệt chủ trương thực hiện các chương trình; Tổ chức đánh giá, báo cáo kết quả thực hiện "
        "Đề án hàng năm và tổng kết sau khi kết thúc Đề án."
    )
    last = extract_obligations(owner_item)[-1]
    assert (last.action[:30], last.frequency, last.responsible) == (
        "Tổ chức đánh giá, báo cáo kết ",
        "annual",
        "Sở Nông nghiệp và Môi trường",
    )


CLOSING_OF_A_BUDGET_PLAN = """ỦY BAN NHÂN DÂN
TỈNH CÀ MAU
Số: 0204/KH-UBND
Cà Mau, ngày 24 tháng 11 năm 2025
KẾ HOẠCH
Tài chính ngân sách nhà nước 03 năm 2026 - 2028
I. TÌNH HÌNH THỰC HIỆN NHIỆM VỤ KINH TẾ - XÃ HỘI NĂM 2025
Ngành Thuế đã tập trung triển khai thực hiện tốt công tác quản lý thu; đồng thời, tham mưu Chủ tịch Ủy ban nhân dân tỉnh giao dự toán thu hàng quý.
II. GIẢI PHÁP
Định kỳ hằng quý, Sở Tài chính báo cáo Ủy ban nhân dân tỉnh kết quả thực hiện.
Trên đây là Kế hoạch tài chính ngân sách nhà nước 03 năm 2026 - 2028 tỉnh Cà Mau, Ủy ban nhân dân tỉnh Cà Mau báo cáo Bộ Tài chính, Hội đồng nhân dân tỉnh theo quy định./.
Nơi nhận:
"""


def test_the_issuer_sending_its_plan_and_a_review_of_past_work_are_no_tasks() -> None:
    found = [(o.action[:20], o.frequency, o.recipient) for o in extract_obligations(CLOSING_OF_A_BUDGET_PLAN)]
    assert found == [("Định kỳ hằng quý, Sở", "quarterly", "Ủy ban nhân dân tỉnh Cà Mau")]


def test_a_standing_instruction_of_the_closing_stays_a_task() -> None:
    text = CLOSING_OF_A_BUDGET_PLAN.replace(
        "Ủy ban nhân dân tỉnh Cà Mau báo cáo Bộ Tài chính, Hội đồng nhân dân tỉnh theo quy định./.",
        "nếu có khó khăn, vướng mắc, đề nghị các sở, ngành kịp thời phản ánh về Sở Tài chính./.",
    )
    assert [o.recipient for o in extract_obligations(text)][-1] == "Sở Tài chính"


def test_law_names_abbreviated_amending_passed_by_and_year_without_nam() -> None:
    laws = {
        c.title: c
        for c in extract_citations(
            "theo quy định của Luật NSNN năm 2025, tỉnh Cà Mau. Mức đóng theo Luật BHXH 2024 và Luật An ninh mạng "
            "2025. Căn cứ Luật Sửa đổi, bổ sung một số điều của Luật Phòng, chống thiên tai và Luật Đê điều ngày 17 "
            "tháng 6 năm 2020; Luật Bảo vệ dữ liệu cá nhân ngày 26 tháng 6 năm 2025. Luật Bảo vệ dữ liệu cá nhân "
            "được Quốc hội khóa XV thông qua tại kỳ họp thứ 9."
        )
        if c.number is None
    }
    assert {title: (c.year, c.issuer) for title, c in laws.items()} == {
        "Luật Ngân sách nhà nước": (2025, None),
        "Luật Bảo hiểm xã hội": (2024, None),
        "Luật An ninh mạng": (2025, None),
        "Luật Sửa đổi, bổ sung một số điều của Luật Phòng, chống thiên tai và Luật Đê điều": (2020, None),
        "Luật Bảo vệ dữ liệu cá nhân": (2025, "Quốc hội"),
    }
    assert expand_law_abbreviation("Luật Đất đai") == "Luật Đất đai"
    # legal_docs: "Luật Ban hành văn bản quy phạm pháp luật được Quốc hội khóa XV thông qua tại Kỳ họp ..."
    assert (
        passed_by(
            "Luật Ban hành văn bản quy phạm pháp luật được Quốc hội khóa XV thông qua tại Kỳ họp bất thường",
            "Luật Ban hành văn bản quy phạm pháp luật",
        )
        == "Quốc hội"
    )


def test_a_party_committee_named_by_its_level_is_completed_with_the_province() -> None:
    # Nghệ An 982/KH-UBND and legal_docs ("Kế hoạch số 466-KH/TU ngày 12/5/2025 của Tỉnh ủy về ...")
    text = (
        "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN. Các sở của tỉnh Nghệ An và UBND tỉnh Nghệ An triển khai Kế hoạch số "
        "319-KH/TU ngày 10/4/2025 của Tỉnh ủy về tăng cường sự lãnh đạo của Đảng."
    )
    (citation,) = extract_citations(text)
    assert citation.issuer == "Tỉnh ủy Nghệ An"


def test_a_decision_title_above_its_legal_bases_is_no_issuer() -> None:
    # HCM 2853/QĐ-UBND: the web copy lost the header; the title line stands above "Căn cứ".
    text = (
        "Số: 2853/QĐ-UBND\nThành phố Hồ Chí Minh, ngày 21 tháng 11 năm 2025\nQUYẾT ĐỊNH\n"
        "BAN HÀNH KẾ HOẠCH TRIỂN KHAI THỰC HIỆN ĐỀ ÁN TRÊN ĐỊA BÀN THÀNH PHỐ HỒ CHÍ MINH\n"
        "Căn cứ Luật Tổ chức Chính quyền địa phương ngày 16 tháng 6 năm 2025;\n"
    )
    assert extract_document_meta(text).issuer.casefold() == "ủy ban nhân dân thành phố hồ chí minh"
