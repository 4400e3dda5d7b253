"""Obligations of letters without headings (Công văn bodies run into one line) and bracketed owners.

Texts are cut from real documents of the legal_docs corpus (4085/UBND-ĐT of Thành phố Hồ Chí Minh,
11414/VPCP-CN of the Government Office, 010/CT-UBND of Đắk Lắk); third held-out set, issue #4.
"""

from __future__ import annotations

import pytest

from extractors.obligation_attributes import read_heading_owner
from extractors.obligation_items import sentences
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


# Issue #4 (heldout6): lettered sub-items run into one line ("...: a) Tổ chức .... b) Huy động ...") are
# sentences of their own; the marker belongs to neither. Real phrasings of legal_docs (Công điện 224/CĐ-TTg,
# 234/CĐ-TTg, a Nghị quyết of Hồ Chí Minh City, a Chỉ thị on insurance, 5 Công văn bodies).
RUN_IN_LETTER_ITEMS = [
    (
        "báo cáo Thủ tướng Chính phủ trước ngày 13 tháng 12 năm 2025. b) Khẩn trương thực hiện ý kiến chỉ đạo "
        "của Thủ tướng Chính phủ",
        "Khẩn trương thực hiện ý kiến chỉ đạo",
    ),
    (
        "bảo đảm kịp thời, đầy đủ, đúng quy định pháp luật về kinh doanh bảo hiểm và quy định pháp luật có liên "
        "quan. b) Chỉ đạo Bảo hiểm xã hội Việt Nam chi trả kịp thời",
        "Chỉ đạo Bảo hiểm xã hội Việt Nam",
    ),
    (
        "các tổ chức trung gian hỗ trợ khởi nghiệp đổi mới sáng tạo phát sinh trên địa bàn Thành phố; b) Miễn "
        "thuế thu nhập cá nhân, thuế thu nhập doanh nghiệp",
        "Miễn thuế thu nhập cá nhân",
    ),
    (
        "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố từ Hà Tĩnh đến Lâm Đồng, trong đó trọng tâm là các tỉnh: "
        "Đắk Lắk, Khánh Hòa, Gia Lai và Lâm Đồng: a) Tổ chức xây dựng kế hoạch cụ thể",
        "Tổ chức xây dựng kế hoạch cụ thể",
    ),
    (
        "tại các khu vực miền Trung. b) Huy động lực lượng quân đội, công an, thanh niên, phụ nữ",
        "Huy động lực lượng quân đội",
    ),
    # bracketed numbers (Công điện 227/CĐ-TTg, 232/CĐ-TTg)
    (
        "Thăm hỏi, động viên, hỗ trợ các gia đình bị thiệt hại, nhất là những gia đình có người bị chết, mất "
        "tích, bị thương theo quy định. (2) Huy động các lực lượng hỗ trợ dọn dẹp",
        "Huy động các lực lượng hỗ trợ dọn dẹp",
    ),
    (
        "xây mới, tái định cư cho các hộ có nhà bị sập đổ, trôi, hư hỏng nặng, hoàn thành trước ngày "
        "31/01/2026. (4) Rà soát, tổng hợp đầy đủ, chính xác thiệt hại",
        "Rà soát, tổng hợp đầy đủ",
    ),
    (
        "tiếp theo Công điện 227/CĐ-TTg ngày 23/11/2025 của Thủ tướng Chính phủ và Nghị quyết 380/NQ-CP ngày "
        "25/11/2025,Thủ tướng Chính phủ yêu cầu: (1) Chủ tịch Ủy ban nhân dân các tỉnh: Đắk Lắk",
        "Chủ tịch Ủy ban nhân dân các tỉnh",
    ),
    # small Roman numerals in brackets (Thông báo 653/TB-VPCP, Công văn 11520/VPCP-CN, a legal_qa answer on
    # Nghị định-level rules): the directions of a Thông báo kết luận and the points of a Công văn
    (
        "Để làm tốt các nhiệm vụ sắp tới, đề nghị: (i) Tập đoàn Công nghiệp-Năng lượng quốc gia Việt Nam báo "
        "cáo Thủ tướng Chính phủ",
        "Tập đoàn Công nghiệp-Năng lượng",
    ),
    (
        "chi phí và tác động đến giá xăng E10; (ii) Rà soát năng lực phối trộn của các doanh nghiệp đầu mối",
        "Rà soát năng lực phối trộn",
    ),
    (
        "Chính phủ quy định mẫu bản mô tả công việc và khung năng lực VTVL; (iii) Các đơn vị sự nghiệp công lập "
        "căn cứ khung danh mục",
        "Các đơn vị sự nghiệp công lập",
    ),
]


@pytest.mark.parametrize(("text", "second"), RUN_IN_LETTER_ITEMS)
def test_run_in_lettered_sub_item_starts_a_sentence(text: str, second: str) -> None:
    spans = sentences(text, 0, len(text))
    assert len(spans) == 2
    assert text[spans[1][0] :].startswith(second)
    assert not text[spans[0][0] : spans[0][1]].rstrip().endswith(("a)", "b)"))


def test_a_letter_inside_a_reference_is_no_sub_item() -> None:
    text = "theo quy định tại điểm a) khoản 2 Điều 5 Nghị định số 30/2020/NĐ-CP"
    assert sentences(text, 0, len(text)) == [(0, len(text))]


# "..., hoàn thành trước ngày X; xây mới ..., hoàn thành trước ngày Y": two tasks, each with its deadline.
DATED_CLAUSES = [
    (
        "b) Huy động lực lượng quân đội, công an, thanh niên, phụ nữ, cựu chiến binh, các cơ quan, tổ chức, doanh "
        "nghiệp và cả hệ thống chính trị hỗ trợ sửa chữa nhà cho các gia đình có nhà bị hư hỏng nặng, hoàn thành "
        "chậm nhất trước ngày 31/12/2025; xây dựng lại nhà, tái định cư cho tất cả các gia đình có nhà bị đổ, "
        "sập, trôi chậm nhất trước ngày 31/01/2026.",
        ["2025-12-31", "2026-01-31"],
    ),
    (
        "Trong đó việc sửa chữa nhà ở bị hư hỏng phải hoàn thành trước ngày 31/12/2025; nhà bị sập đổ, trôi được "
        "xây dựng lại, hoàn thành trước ngày 31/01/2026.",
        ["2025-12-31", "2026-01-31"],
    ),
    (
        "Bố trí chỗ ở tạm; huy động lực lượng quân đội, công an,... hỗ trợ Nhân dân sửa chữa nhà cửa, hoàn thành "
        "trước ngày 30/11/2025; xây mới, tái định cư cho các hộ có nhà bị sập đổ, trôi, hư hỏng nặng, hoàn thành "
        "trước ngày 31/01/2026.",
        ["2025-11-30", "2026-01-31"],
    ),
    (
        "xây dựng báo cáo tổng thể; báo cáo Bộ Chính trị trước ngày 07/4/2025; tiếp thu, hoàn thiện, gửi trình "
        "Ban Chấp hành Trung ương Đảng trước ngày 09/4/2025.",
        ["2025-04-07", "2025-04-09"],
    ),
    (
        "Hoàn thành việc rà soát, khắc phục sai sót, cập nhật bảo đảm tính chính xác, đầy đủ, nhất quán của dữ "
        "liệu; chia sẻ dữ liệu và công bố thông tin trong cơ sở dữ liệu được khai thác, sử dụng thay thế thành "
        "phần hồ sơ thủ tục hành chính trước ngày 01 tháng 01 năm 2026; ban hành hướng dẫn và phối hợp triển khai "
        "kết nối để khai thác, sử dụng thông tin trong cơ sở dữ liệu, hoàn thành trước ngày 01 tháng 01 năm 2026.",
        ["2026-01-01", "2026-01-01"],
    ),
    # one side without a date: one task ("trước ngày Nghị định này có hiệu lực" names no date)
    (
        "Các đơn vị hành chính đã được phân loại trước ngày Nghị định này có hiệu lực thi hành và không thực hiện "
        "sắp xếp năm 2025 thì phải được phân loại lại theo quy định của Nghị định này trước ngày 30 tháng 4 năm "
        "2026; trong thời gian chưa thực hiện phân loại thì được giữ nguyên loại đơn vị hành chính trước ngày "
        "Nghị định này có hiệu lực.",
        ["2026-04-30"],
    ),
]


@pytest.mark.parametrize(("item", "deadlines"), DATED_CLAUSES)
def test_a_semicolon_between_two_dated_tasks_makes_two_obligations(item: str, deadlines: list[str]) -> None:
    found = extract_obligations("II. NHIỆM VỤ VÀ GIẢI PHÁP\n" + item)
    assert [o.deadline for o in found] == deadlines
    assert all(not o.action.startswith((";", " ")) and not o.action.endswith(";") for o in found)


# 230/CĐ-TTg (heldout6): "Thời hạn hoàn thành: ..." closing an item dates its last task and every other
# undated task of the item that asks to complete something; 4085/UBND-ĐT (heldout3): a first sentence
# that only asks to take part ("Phối hợp thực hiện ...") keeps no date.
def test_a_closing_timing_label_dates_the_item_tasks_that_ask_to_complete() -> None:
    text = (
        "Thủ tướng Chính phủ yêu cầu: 1. Cơ quan thanh tra khẩn trương hoàn thành việc thanh tra và ban hành "
        "kết luận trước ngày 26/11/2025. 2. Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan trực thuộc Chính "
        "phủ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương chủ trì, phối hợp với cơ quan "
        "thanh tra khẩn trương hoàn thành việc cập nhật, rà soát và phân loại các dự án theo hướng dẫn của Bộ "
        "Tài chính. UBND thành phố Đà Nẵng khẩn trương hoàn thành việc rà soát, xác định rõ các dự án có tình "
        "huống pháp lý tương tự trên Hệ thống 751. Thời hạn hoàn thành: trước ngày 30/11/2025. 3. Giao Bộ Tài "
        "chính đôn đốc các Bộ, cơ quan, địa phương khẩn trương triển khai thực hiện Công điện này./."
    )
    found = [(o.action.split()[0], o.deadline, o.responsible) for o in extract_obligations(text)]
    assert found == [
        ("Cơ", "2025-11-26", "Cơ quan thanh tra"),
        ("Bộ", "2025-11-30", None),
        ("UBND", "2025-11-30", "Ủy ban nhân dân thành phố Đà Nẵng"),
    ]
    dated = [(o.action.split(",")[0], o.deadline) for o in extract_obligations(HCM_LETTER) if o.deadline]
    # "Giao Sở Xây dựng chủ trì, tổ chức khảo sát ..." asks to complete nothing: the label dates only the
    # sentence before it, and the undated first sentence of the item is no obligation of the letter
    assert dated == [
        (
            "Giao Sở Nông nghiệp và Môi trường Khẩn trương chia sẻ toàn bộ cơ sở dữ liệu đất đai đã được cập nhật đến Ủy ban nhân dân các phường",
            "2025-12-05",
        ),
        ("Trên cơ sở kết quả khảo sát", "2025-12"),
    ]


# 637/TB-VPCP (legal_docs, unseen): "...: (1) Bộ Y tế chỉ đạo .... Chỉ đạo .... Chủ trì, ... báo cáo Chính phủ ....
# (2) Đồng chí Bộ trưởng Bộ Y tế, Thứ trưởng Bộ Y tế ...": a run-in sub-item's opening unit does its sentences; the
# next sub-item, opened by two officials, has no single owner.
HOSPITALS_NOTICE = (
    "yêu cầu Bộ Y tế, Ban Quản lý dự án, các nhà thầu và các bộ, cơ quan liên quan theo chức năng, nhiệm "
    "vụ, thẩm quyền tiếp tục quyết tâm, nỗ lực, chủ động hơn nữa để thực hiện đồng bộ, quyết liệt, hiệu "
    "quả các giải pháp đã đề ra và hoàn thành các công việc, nhiệm vụ còn lại tại 02 công trình dự án, "
    "trong đó lưu ý một số nội dung trọng tâm như sau: (1) Bộ Y tế chỉ đạo Ban Quản lý dự án, các đơn vị "
    "liên quan phối hợp chặt chẽ với các cơ quan liên quan thuộc Bộ Xây dựng, Bộ Quốc phòng chỉ đạo các "
    "nhà thầu tập trung tối đa nguồn lực, khẩn trương hoàn thiện hồ sơ thiết kế phòng cháy, chữa cháy "
    "theo đúng hướng dẫn của Bộ Công an; tập trung thực hiện các hạng mục cụ thể, các dự án thành phần "
    "của 02 công trình dự án, hoàn thành việc xây dựng trước ngày 30 tháng 11 năm 2025 và tổ chức nghiệm "
    "thu, bàn giao, hướng dẫn vận hành theo quy định. Chỉ đạo Ban Quản lý dự án, Bệnh viện Hữu nghị Việt "
    "Đức, Bệnh viện Bạch Mai thúc đẩy công tác mua sắm, đấu thầu thiết bị đảm bảo chất lượng, tiến độ, "
    "theo đúng quy định của pháp luật; chỉ đạo 02 bệnh viện chuẩn bị sẵn sàng các phương án về nhân lực, "
    "thiết bị, hệ thống công nghệ thông tin và các điều kiện cần thiết khác để vận hành hoạt động 02 bệnh "
    "viện sau khi hoàn thành 02 công trình dự án. Chủ trì, phối hợp với Bộ Tài chính và các bộ, cơ quan "
    "liên quan tập trung hoàn thiện hồ sơ trình về các cơ chế đảm bảo việc vận hành hoạt động của 02 bệnh "
    "viện; khẩn trương báo cáo Chính phủ đảm bảo chất lượng, tiến độ theo đúng chỉ đạo của Phó Thủ tướng "
    "Chính phủ tại Thông báo số 591/TB-VPCP ngày 31 tháng 10 năm 2025. (2) Đồng chí Bộ trưởng Bộ Y tế, "
    "Thứ trưởng Bộ Y tế phụ trách lĩnh vực tiếp tục bám sát tình hình thực tế; trực tiếp chỉ đạo rà soát "
    "kỹ tiến độ các công việc, hạng mục còn lại cần triển khai thực hiện để hoàn thành 02 công trình dự "
    "án; chỉ đạo tiếp tục thực hiện nghiêm việc báo cáo Thủ tướng Chính phủ hằng tuần về tiến độ, tình "
    "hình, kết quả thực hiện các nhiệm vụ được giao; kịp thời báo cáo, kiến nghị cấp có thẩm quyền đối "
    "với những vấn đề vượt thẩm quyền."
)


def test_a_run_in_sub_item_unit_owns_its_sentences() -> None:
    found = [
        (o.action.split(",")[0], o.responsible, o.deadline, o.recipient)
        for o in extract_obligations(HOSPITALS_NOTICE)
    ]
    assert found == [
        ("Bộ Y tế chỉ đạo Ban Quản lý dự án", "Bộ Y tế", "2025-11-30", None),
        ("Chủ trì", "Bộ Y tế", None, "Chính phủ"),
        ("Đồng chí Bộ trưởng Bộ Y tế", None, None, "Thủ tướng Chính phủ"),
    ]


# Issue #4 (heldout13): a Thông báo kết luận's directions, each sub-item "(i)", "(ii)", "c)", "d)" addressed to a
# body of its own ("(i) Ủy ban nhân dân ...", "Giao Bộ Xây dựng ...", "Chủ đầu tư ..."), run into one line (Thông
# báo 653/TB-VPCP of the Văn phòng Chính phủ, directions 2.b-2.d, legal_docs).
DIRECTIONS_NOTICE = (
    "VĂN PHÒNG CHÍNH PHỦ\nSố: 653/TB-VPCP\n"
    "Phó Thủ tướng Chính phủ Bùi Thanh Sơn đã có ý kiến chỉ đạo như sau: 2. Về Dự án Nhà máy điện Hiệp Phước "
    "giai đoạn 1 b) Để đạt được mục tiêu phát điện sớm hơn tiến độ đã đề ra trong Điều chỉnh Quy hoạch điện "
    "VIII, đề nghị: (i) Ủy ban nhân dân Thành phố Hồ Chí Minh chỉ đạo các sở, ngành liên quan hướng dẫn Chủ đầu "
    "tư hoàn thiện quy hoạch 1/500 theo quy định. (ii) Bộ Công Thương chỉ đạo Tập đoàn Điện lực Việt Nam đẩy "
    "nhanh quá trình đàm phán, thẩm tra Hợp đồng mua bán điện, ký hợp đồng chính thức trong tháng 12 năm 2025. "
    "(iii) Về thủ tục nhập khẩu tàu LNG để thực hiện công tác vận chuyển khí LNG: Giao Bộ Xây dựng hướng dẫn "
    "Chủ đầu tư các thủ tục cần thiết để thực hiện. (iv) Chủ đầu tư, trong phạm vi, trách nhiệm của mình, nỗ "
    "lực, đẩy nhanh tiến độ thực hiện, hoàn thành đưa dự án vào vận hành trong năm 2027, đảm bảo chất lượng và "
    "lưới điện giải tỏa công suất của dự án đồng bộ. c) Về việc thỏa thuận giao cắt tuyến ống Cái Mép-Phú Mỹ: "
    "Ủy ban nhân dân Thành phố Hồ Chí Minh xử lý dứt điểm trong tháng 11 năm 2025, bảo đảm đưa vào vận hành "
    "cung cấp khí cho Trung tâm nhiệt điện Phú Mỹ. d) Bộ Công Thương phối hợp các bộ, cơ quan, đơn vị liên "
    "quan báo cáo Phó Thủ tướng Chính phủ Bùi Thanh Sơn chương trình kiểm tra tiến độ các công trình.\n"
    "Nơi nhận: Thủ tướng, PTTg Bùi Thanh Sơn (để b/c); Lưu: VT,CN (2)."
)


def test_each_direction_of_a_notice_has_its_own_addressee_and_date() -> None:
    found = [
        (o.responsible, o.deadline, o.deadline_precision) for o in extract_obligations(DIRECTIONS_NOTICE)
    ]
    assert found == [
        ("Bộ Công Thương", "2025-12", "month"),
        ("Chủ đầu tư", "2027", "year"),  # its own "trong năm 2027", not the month of (ii)
        ("Ủy ban nhân dân Thành phố Hồ Chí Minh", "2025-11", "month"),
        ("Bộ Công Thương", None, None),  # reports to the Deputy Prime Minister
    ]


def test_articles_owners_for_their_items() -> None:
    # Quy chế of Quyết định 144/2025/QĐ-CTUBND Đồng Tháp: the article's heading owns its items
    text = (
        "Điều 14. Trách nhiệm của Sở Khoa học và Công nghệ\n1. Quản lý, hướng dẫn, kiểm tra các thuê bao.\n"
        "4. Định kỳ hoặc đột xuất báo cáo Ủy ban nhân dân Tỉnh, Bộ Khoa học và Công nghệ về tình hình quản lý.\n"
    )
    owners = {o.responsible for o in extract_obligations(text)}
    assert owners == {"Sở Khoa học và Công nghệ"}


def test_an_article_run_into_the_decisions_line_owns_its_items() -> None:
    # Quyết định 3565/QĐ-UBND Huế (legal_docs, heldout15): the web copy runs Điều 1-4 onto one line
    text = (
        "QUYẾT ĐỊNH VỀ VIỆC CÔNG BỐ DANH MỤC THỦ TỤC HÀNH CHÍNH Căn cứ Luật Tổ chức chính quyền địa phương;"
        " QUYẾT ĐỊNH: Điều 1. Công bố kèm theo Quyết định này danh mục thủ tục hành chính. Điều 2. Sở Khoa"
        " học và Công nghệ có trách nhiệm: 1. Đồng bộ dữ liệu TTHC công bố về Cơ sở dữ liệu TTHC của thành phố Huế"
        " theo đúng quy định; Trình Chủ tịch UBND thành phố phê duyệt quy trình nội bộ trước ngày 26/11/2025. 2."
        " Niêm yết, công khai và triển khai thực hiện giải quyết TTHC liên quan."
    )
    (dated,) = [o for o in extract_obligations(text) if o.deadline]
    assert (dated.deadline, dated.responsible) == ("2025-11-26", "Sở Khoa học và Công nghệ")
