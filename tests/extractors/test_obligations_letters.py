"""Obligations of letters without headings (Công văn bodies run into one line) and bracketed owners.

Texts are cut from real documents of the legal_docs corpus (4085/UBND-ĐT of Thành phố Hồ Chí Minh,
11414/VPCP-CN of the Government Office, 010/CT-UBND of Đắk Lắk); third held-out set, issue #4.
"""

from __future__ import annotations

from extractors.obligation_attributes import read_heading_owner
from extractors.obligations import extract_obligations

HCM_LETTER = (
    "Số: 4085/UBND-ĐT V/v rà soát và chuẩn hóa dữ liệu số nhà sau sắp xếp\n"
    "Thành phố Hồ Chí Minh, ngày 25 tháng 11 năm 2025\nKính gửi:\n"
    "Công an Thành phố; Sở Xây dựng; Sở Nông nghiệp và Môi trường.\n"
    "Chủ tịch Ủy ban nhân dân Thành phố có ý kiến chỉ đạo như sau: 1. Về việc rà soát, làm sạch dữ liệu số "
    "nhà đã cấp 1.1. Giao Sở Nông nghiệp và Môi trường Khẩn trương chia sẻ toàn bộ cơ sở dữ liệu đất đai đã "
    "được cập nhật đến Ủy ban nhân dân các phường, xã, đặc khu. Thời gian thực hiện hoàn thành xong trước ngày "
    "05 tháng 12 năm 2025. 1.2. Giao Công an Thành phố Chỉ đạo Công an các phường, xã, đặc khu phối hợp và "
    "hướng dẫn Ủy ban nhân dân các phường, xã, đặc khu trong công tác rà soát. 2. Về công tác triển khai "
    "ứng dụng phần mềm Giao Sở Xây dựng chủ trì, tổ chức khảo sát, đánh giá hiện trạng sử dụng phần mềm. "
    "Trên cơ sở kết quả khảo sát, Sở Xây dựng chủ trì, phối hợp Trung tâm Chuyển đổi số Thành phố xây dựng, "
    "đề xuất trình Ủy ban nhân dân Thành phố phương án lựa chọn phần mềm dùng chung. Thời gian hoàn thành "
    "trong tháng 12 năm 2025. Trường hợp có khó khăn, vướng mắc trong quá trình thực hiện, đề nghị các cơ "
    "quan, đơn vị có văn bản báo cáo gửi Sở Xây dựng để tổng hợp./.\n"
    "Nơi nhận: Như trên; Lưu: VT.\nKT. CHỦ TỊCH PHÓ CHỦ TỊCH Bùi Xuân Cường"
)
GOVERNMENT_OFFICE_LETTER = (
    "VĂN PHÒNG CHÍNH PHỦ\nSố: 11414/VPCP-CN V/v đẩy nhanh tiến độ Dự án đường cao tốc Bến Lức - Long Thành\n"
    "Kính gửi:\nBộ trưởng Bộ Xây dựng; Chủ tịch Ủy ban nhân dân tỉnh Đồng Nai.\n"
    "Xét đề nghị của Bộ Xây dựng tại văn bản số 308/BC-BXD ngày 13 tháng 11 năm 2025 về kết quả tháo gỡ các "
    "khó khăn, Phó Thủ tướng Chính phủ Hồ Đức Phớc có ý kiến như sau: 1. Ủy ban nhân dân tỉnh Đồng Nai: Về "
    "công tác giải phóng mặt bằng, di dời hạ tầng kỹ thuật: chỉ đạo các đơn vị liên quan đẩy nhanh tiến độ "
    "bàn giao mặt bằng (0,3km của dự án cao tốc Bến Lức - Long Thành) trước ngày 30 tháng 11 năm 2025.\n"
    "Nơi nhận: Như trên; Thủ tướng, các Phó Thủ tướng CP (để b/c)."
)


def test_obligations_letter_items_run_together_on_one_line() -> None:
    found = [(o.deadline, o.responsible, o.recipient) for o in extract_obligations(HCM_LETTER)]
    assert found == [
        # the timing sentence after each item dates it; the item numbers "1.1." cut the line
        ("2025-12-05", "Sở Nông nghiệp và Môi trường", None),
        # "trình Ủy ban nhân dân Thành phố" submits for decision: no report, no recipient (issue #4)
        ("2025-12", "Sở Xây dựng", None),
        (None, "Các cơ quan, đơn vị", "Sở Xây dựng"),
    ]


def test_obligations_letter_of_the_government_office_item_after_its_lead_in() -> None:
    (obligation,) = extract_obligations(GOVERNMENT_OFFICE_LETTER)
    assert (obligation.deadline, obligation.responsible) == ("2025-11-30", "Ủy ban nhân dân tỉnh Đồng Nai")


def test_obligations_heading_owner_before_its_members_in_brackets() -> None:
    heading = (
        "Các cơ quan đăng ký đầu tư (Sở Tài chính, Ban quản lý Khu Kinh tế Phú Yên, Ban quản lý Khu Nông "
        "nghiệp ứng dụng Công nghệ cao Phú Yên, Ban Quản lý các Khu công nghiệp tỉnh):"
    )
    assert read_heading_owner(heading) == "Các cơ quan đăng ký đầu tư"


# legal_docs line 73209 (a Party resolution's tasks run into one line): a lead-in that names no doer
# ("4. Về phân công nhiệm vụ của các cơ quan liên quan:") gives its sub-items none; each keeps its own.
RUN_IN_SUB_ITEMS = "4. Về phân công nhiệm vụ của các cơ quan liên quan: 4.1. Giao Đảng uỷ Chính phủ: (i) Chỉ đạo Đảng uỷ Bộ Y tế chủ trì xây dựng và hoàn thiện quy trình liên thông từ phát hiện - tiếp nhận - chăm sóc ban đầu đối với trẻ em bị bỏ rơi, bảo đảm mọi trẻ bị bỏ rơi đều được hỗ trợ ngay từ đầu và quản lý kết nối với cơ sở dữ liệu dân cư. (ii) Chỉ đạo Đảng uỷ Bộ Giáo dục và Đào tạo chủ trì xây dựng các chương trình giáo dục, hỗ trợ hoà nhập cho trẻ theo từng lứa tuổi; bảo đảm mọi trẻ được đến trường đầy đủ, không bị kỳ thị. 4.2. Giao Đảng uỷ Công an Trung ương chủ trì, phối hợp với Đảng uỷ Bộ Tư pháp, Uỷ ban nhân dân các tỉnh, thành phố chỉ đạo chính quyền cơ sở chịu trách nhiệm thực hiện đầy đủ các thủ tục pháp lý để trẻ em có hoàn cảnh đặc biệt được hưởng đầy đủ các chính sách an sinh, học tập, chăm sóc sức khoẻ; giám sát chặt chẽ, ngăn ngừa tình trạng lạm dụng, xâm hại trẻ em."


def test_run_in_sub_items_keep_their_own_doer_under_a_lead_in_without_one() -> None:
    from extractors.run_in_owners import inherit_run_in_owners
    from extractors.types import Obligation

    start = RUN_IN_SUB_ITEMS.index("Chỉ đạo Đảng uỷ Bộ Giáo dục")
    orphan = Obligation(action="Chỉ đạo ...", start=start, end=start + 10)
    own = Obligation(
        action="Giao ...", responsible="Đảng ủy Công an Trung ương", start=start + 400, end=start + 410
    )
    inherit_run_in_owners(RUN_IN_SUB_ITEMS, [orphan, own])
    assert (orphan.responsible, own.responsible) == (None, "Đảng ủy Công an Trung ương")


def test_run_in_sub_items_get_the_doer_their_lead_in_names() -> None:
    # The lead-in of the fourth held-out set's 11554/VPCP-V.I, with a sub-item made from its pattern.
    from extractors.run_in_owners import inherit_run_in_owners
    from extractors.types import Obligation

    text = (
        "có ý kiến như sau: 3. Bộ trưởng Bộ Tài chính - Phó Trưởng ban Thường trực Ban Chỉ đạo 389 quốc gia "
        "tập trung lãnh đạo, chỉ đạo các đơn vị liên quan khẩn trương thực hiện một số nhiệm vụ sau: "
        "3.1. Hoàn thiện Kế hoạch cao điểm; báo cáo Thủ tướng Chính phủ trước ngày 30 tháng 11 năm 2025. "
        "4. Đài Truyền hình Việt Nam tăng cường tuyên truyền."
    )
    start = text.index("Hoàn thiện")
    task = Obligation(action="Hoàn thiện ...", start=start, end=start + 20)
    inherit_run_in_owners(text, [task])
    assert task.responsible == "Bộ trưởng Bộ Tài chính"
