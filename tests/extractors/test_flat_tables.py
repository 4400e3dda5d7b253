"""Tables flattened to one cell per line (corpus web copies): rows, cells by role, deadlines, reflow."""

from __future__ import annotations

from extractors import extract_all
from extractors.dates import extract_dates
from extractors.flat_tables import flat_table_obligations, flat_table_spans, mark_table_deadlines
from extractors.reflow import reflow

# legal_docs lines 78099-78123: annex of Kế hoạch 980/KH-UBND (civil defence), group rows "I" / "II"
# whose numbering restarts, a deadline column followed by "Sản phẩm dự kiến", rows with empty cells.
CIVIL_DEFENCE = "TT\nNội dung thực hiện\nCơ quan chủ trì\nCơ quan phối hợp\nThời gian hoàn thành\nSản phẩm dự kiến\nI\nKIỆN TOÀN VÀ HOÀN THIỆN CƠ CHẾ CHỈ ĐẠO, ĐIỀU HÀNH PHÒNG THỦ DÂN SỰ\n1\nTổ chức lại Ban Chỉ huy Phòng thủ dân sự cấp tỉnh, cấp xã; ban hành quy chế hoạt động của Ban Chỉ huy phòng thủ dân sự các cấp (Điều 7, 8 Nghị định)\nBộ CHQS tỉnh; UBND cấp xã\nVăn phòng Ban Chỉ huy; các sở, ban, ngành\nTrước ngày 30/11/2025\nQuyết định của Chủ tịch UBND cấp tỉnh, cấp xã\nII\nTRIỂN KHAI ĐỒNG BỘ VĂN BẢN QUY PHẠM PHÁP LUẬT, CƠ CHẾ, CHÍNH SÁCH VỀ PHÒNG THỦ DÂN SỰ\n1\nTriển khai thực hiện một số nội dung chi, mức chi đặc thù trong nội dung chi ngân sách cho hoạt động phòng thủ dân sự.\nSở Tài chính\nCơ quan, địa phương liên quan\nThường xuyên\n2\nTriển khai thực hiện khi có sửa đổi hoặc ban hành mới Quyết định thay thế Quyết định số 118/2008/QĐ-TTg ngày 27/8/2008 của Thủ tướng Chính phủ ban hành Quy chế quản lý tài chính đối với hoạt động tìm kiếm cứu nạn, cứu hộ, ứng phó thiên tai, thảm họa.\nSở Tài chính\n2025"
# legal_docs lines 48885-48904: row numbers "1." and a row whose task cell was merged away (row 2).
FINANCE_TASKS = "STT\nNhiệm vụ\nVăn bản giao nhiệm vụ\nCơ quan chủ trì thực hiện\nThời hạn hoàn thành\n1.\nKhẩn trương xây dựng kế hoạch và tổ chức triển khai thực hiện nghiêm túc, hiệu quả các nhiệm vụ, giải pháp trọng tâm theo chức năng, nhiệm vụ được giao tại Thông báo số 07-TB/CQTTBCĐ ngày 15/10/2025, gửi về Văn phòng Trung ương Đảng - Cơ quan Thường trực Ban Chỉ đạo trước ngày 18/10/2025. Yêu cầu phải giữ vững kỷ cương, khơi thông nguồn lực, tạo đột phá ngay từ những tháng cuối năm 2025, tạo đà vững chắc cho năm 2026 và cho cả nhiệm kỳ.\nThông báo số 07-TB/CQTTBCĐ ngày 15/10/2025\nCác cơ quan Trung ương và địa phương\n18/10/2025\n2.\nNghị quyết số 71/NQ-CP\nCác bộ, ngành\n30/06/2025\n3.\nXây dựng các Luật sửa đổi, bổ sung các Luật: (1) Luật Ngân sách nhà nước; (2) Luật Quản lý và đầu tư vốn nhà nước tại doanh nghiệp; (3) Luật Doanh nghiệp; (4) Luật Quản lý thuế.\nNghị quyết số 71/NQ-CP\nBộ Tài chính\n31/05/2025\n4."


def test_group_rows_restart_the_numbering_and_every_row_is_read() -> None:
    rows = flat_table_obligations(CIVIL_DEFENCE, [])
    assert [row.action.split(",")[0] for row in rows] == [
        "Tổ chức lại Ban Chỉ huy Phòng thủ dân sự cấp tỉnh",
        "Triển khai thực hiện một số nội dung chi",
        "Triển khai thực hiện khi có sửa đổi hoặc ban hành mới Quyết định thay thế Quyết định số 118/2008/QĐ-TTg ngày 27/8/2008 của Thủ tướng Chính phủ ban hành Quy chế quản lý tài chính đối với hoạt động tìm kiếm cứu nạn",
    ]


def test_cells_by_role_with_empty_cells_dropped() -> None:
    first, second, third = flat_table_obligations(CIVIL_DEFENCE, [])
    # two units ("Bộ CHQS tỉnh; UBND cấp xã") own no row alone; "Thường xuyên" is no date
    assert (first.responsible, first.deadline, first.deadline_precision) == (None, "2025-11-30", "day")
    assert (second.responsible, second.deadline) == ("Sở Tài chính", None)
    # three cells for five columns: the year alone is the deadline cell, the unit the one before it
    assert (third.responsible, third.deadline, third.deadline_precision) == ("Sở Tài chính", "2025", "year")


def test_a_citation_left_in_an_emptied_task_cell_is_no_task() -> None:
    rows = flat_table_obligations(FINANCE_TASKS, [])
    assert [row.deadline for row in rows] == ["2025-10-18", "2025-05-31"]
    assert rows[0].responsible is None  # "Các cơ quan Trung ương và địa phương": a plural owner
    assert rows[1].responsible == "Bộ Tài chính"  # the cell after "Văn bản giao nhiệm vụ"
    assert not any(row.action.startswith("Nghị quyết số") for row in rows)


def test_a_date_alone_in_the_deadline_column_is_a_deadline() -> None:
    dates = mark_table_deadlines(FINANCE_TASKS, extract_dates(FINANCE_TASKS))
    due = [(date.date, date.text) for date in dates if date.role == "deadline"]
    # "trước ngày 18/10/2025" inside the task cell, then the cells of rows 1 and 3 (row 2 has no task)
    assert due == [
        ("2025-10-18", "ngày 18/10/2025"),
        ("2025-10-18", "18/10/2025"),
        ("2025-05-31", "31/05/2025"),
    ]
    # the year cell "2025" is not a date mention by itself: it is added as one
    civil = mark_table_deadlines(CIVIL_DEFENCE, extract_dates(CIVIL_DEFENCE))
    assert [(d.date, d.text) for d in civil if d.role == "deadline"] == [
        ("2025-11-30", "ngày 30/11/2025"),
        ("2025", "2025"),
    ]


def test_reflow_leaves_every_cell_on_its_line() -> None:
    (span,) = flat_table_spans(CIVIL_DEFENCE)
    assert span[0] == 0 and CIVIL_DEFENCE[: span[1]].endswith("Sở Tài chính\n2025")
    assert reflow(CIVIL_DEFENCE) == CIVIL_DEFENCE


def test_a_text_without_a_flattened_header_has_no_table() -> None:
    text = "STT\nNội dung\n1\nMột việc\n"  # two header cells only
    assert flat_table_spans(text) == []
    assert flat_table_spans("Kế hoạch số 12/KH-UBND.\nTT\n") == []


def test_extract_all_files_the_rows_and_their_deadlines() -> None:
    extraction = extract_all(FINANCE_TASKS)
    # the task cell's own sentence ("... trước ngày 18/10/2025") is the row, not a second obligation
    assert [o.deadline for o in extraction.obligations if o.deadline] == ["2025-10-18", "2025-05-31"]
    assert {d.date for d in extraction.dates if d.role == "deadline"} >= {"2025-10-18", "2025-05-31"}


# heldout6 980/KH-UBND (legal_docs lines 78098-78164): section II, rows 1 to 8, the copy's gap "….....",
# then rows "2" to "4" of a section whose heading was cut; a deadline cell "Tháng 12 hằng năm".
CIVIL_DEFENCE_GAP = (
    "TT\n"
    "Nội dung thực hiện\n"
    "Cơ quan chủ trì\n"
    "Cơ quan phối hợp\n"
    "Thời gian hoàn thành\n"
    "Sản phẩm dự kiến\n"
    "II\n"
    "TRIỂN KHAI ĐỒNG BỘ VĂN BẢN QUY PHẠM PHÁP LUẬT, CƠ CHẾ, CHÍNH SÁCH VỀ PHÒNG THỦ DÂN SỰ\n"
    "1\n"
    "Triển khai thực hiện một số nội dung chi, mức chi đặc thù trong nội dung chi ngân sách cho hoạt động phòng thủ dân sự.\n"
    "Sở Tài chính\n"
    "Cơ quan, địa phương liên quan\n"
    "Thường xuyên\n"
    "2\n"
    "Triển khai thực hiện khi có sửa đổi hoặc ban hành mới Quyết định thay thế Quyết định số 118/2008/QĐ-TTg ngày 27/8/2008 của Thủ tướng Chính phủ ban hành Quy chế quản lý tài chính đối với hoạt động tìm kiếm cứu nạn, cứu hộ, ứng phó thiên tai, thảm họa.\n"
    "Sở Tài chính\n"
    "2025\n"
    "3\n"
    "Triển khai thực hiện khi có Thông tư mới thay thế Thông tư số 92/2009/TT- BTC ngày 12/5/2009 và Thông tư số 85/2020/TT-BTC ngày 01/10/2020 của Bộ Tài chính\n"
    "Sở Tài chính\n"
    "2025\n"
    "4\n"
    "Hướng dẫn phương pháp, trình tự thống kê phù hợp với lĩnh vực quản lý các ngành\n"
    "Sở, ban, ngành, tổ chức chính trị - xã hội\n"
    "Cơ quan liên quan\n"
    "2025\n"
    "5\n"
    "Hướng dẫn thanh toán chi phí khám bệnh, chữa bệnh, xử lý môi trường, phòng, chống dịch bệnh nguy hiểm trong phòng thủ dân sự\n"
    "Sở Y tế\n"
    "Sở Tài chính và cơ quan, địa phương liên quan\n"
    "2025\n"
    "6\n"
    "Tiếp nhận các số, tần số trực canh, cấp cứu khẩn cấp; bảo đảm quyền ưu tiên sử dụng các phương tiện thông tin liên lạc phục vụ chỉ đạo, điều hành về phòng thủ dân sự\n"
    "Sở Khoa học và Công nghệ\n"
    "2025\n"
    "7\n"
    "Ban hành Quy chế Phối hợp tìm kiếm, cứu nạn trên biển, trong vùng nước cảng biển và thủy nội địa thay thế Quy chế hiện hành\n"
    "Sở Xây dựng\n"
    "Văn phòng Ban Chỉ huy và cơ quan, địa phương liên quan\n"
    "Sau khi có Quy chế của TW\n"
    "Quyết định Chủ tịch UBND tỉnh\n"
    "8\n"
    "Ban hành Quy chế Phối hợp tìm kiếm, cứu nạn hàng không dân dụng thay thế Quy chế hiện hành\n"
    "Sở Xây dựng\n"
    "….................................\n"
    "2\n"
    "Thành lập bộ máy quản lý Quỹ và ban hành Quy chế hoạt động Quỹ Phòng thủ dân sự cấp tỉnh (khoản 4, Điều 51 Nghị định)\n"
    "Sở Tài chính\n"
    "2025\n"
    "Quyết định của Chủ tịch UBND tỉnh\n"
    "3\n"
    "Tiếp nhận và duy trì Hệ thống Tổng đài 112 phục vụ hoạt động phòng thủ dân sự hoạt động hiệu quả\n"
    "Bộ CHQS tỉnh\n"
    "Bộ Quốc phòng và cơ quan, địa phương liên quan\n"
    "2025\n"
    "4\n"
    "Rà soát, tổng hợp danh mục các công trình phòng thủ dân sự chuyên dụng, công trình có công năng sử dụng cho phòng thủ dân sự thuộc lĩnh vực, địa bàn quản lý, báo cáo Ban Chỉ huy Phòng thủ dân sự các cấp (khoản 2 Điều 11, khoản 2 Điều 12 Nghị định)\n"
    "Ban Chỉ huy Phòng thủ dân sự cấp tỉnh, cấp xã\n"
    "Cơ quan có liên quan\n"
    "Tháng 12 hằng năm\n"
    "Báo cáo của Ban Chỉ huy Phòng thủ dân sự cấp tỉnh, cấp xã"
)

# legal_docs lines 66-111: annex of Quyết định 2820/QĐ-UBND Hồ Chí Minh City; "Năm 2025 - 2026" deadline
# cells, a full row II.1 followed by a line of a merged sub-row, then row "2".
PLANNING_DATA = (
    "TT\n"
    "Nhiệm vụ\n"
    "Cơ quan chủ trì\n"
    "Cơ quan phối hợp\n"
    "Thời gian dự kiến hoàn thành\n"
    "Kết quả dự kiến\n"
    "Nguồn kinh phí\n"
    "I\n"
    "Hoàn thiện thể chế, ban hành quy định, hướng dẫn yêu cầu kỹ thuật để xây dựng và triển khai Hệ thống thông tin và cơ sở dữ liệu quốc gia về quy hoạch\n"
    "1\n"
    "Phối hợp rà soát, sửa đổi Luật Quy hoạch và xây dựng các văn bản quy phạm pháp luật có liên quan để tạo hành lang pháp lý cho hoạt động của Hệ thống thông tin và cơ sở dữ liệu quốc gia về quy hoạch.\n"
    "Sở Tài chính\n"
    "Các sở, ngành, UBND xã, phường, đặc khu\n"
    "Quý IV/2025\n"
    "Luật Quy hoạch, Quyết định của cấp có thẩm quyền\n"
    "Chi thường xuyên hoặc nguồn vốn hợp pháp khác (nếu có)\n"
    "2\n"
    "Phối hợp xây dựng nội dung quy định việc xây dựng, cập nhật, duy trì và khai thác, sử dụng cơ sở dữ liệu quốc gia về quy hoạch trong Nghị định hướng dẫn chi tiết thi hành Luật Quy hoạch sửa đổi.\n"
    "Sở Tài chính\n"
    "Năm 2025 - 2026\n"
    "Nghị định\n"
    "3\n"
    "Phối hợp góp ý Thông tư quy định yêu cầu về cấu trúc, kỹ thuật, giải pháp công nghệ và về thu thập, xử lý, chuẩn hóa dữ liệu, cập nhật, quản lý, vận hành, kết nối, cung cấp, chia sẻ và khai thác, sử dụng cơ sở dữ liệu hồ sơ quy hoạch (cơ sở dữ liệu về quy hoạch) của Hệ thống thông tin và cơ sở dữ liệu quốc gia về quy hoạch.\n"
    "Sở Tài chính\n"
    "Năm 2025 - 2026\n"
    "Thông tư\n"
    "4\n"
    "Tham gia rà soát, đơn giản hóa các thủ tục hành chính liên quan đến quy hoạch dựa trên việc khai thác, tái sử dụng dữ liệu của Hệ thống thông tin và cơ sở dữ liệu quốc gia về quy hoạch.\n"
    "Sở Tài chính\n"
    "Quý II/2027\n"
    "Báo cáo\n"
    "II\n"
    "Xây dựng hạ tầng công nghệ thông tin đảm bảo triển khai Hệ thống thông tin và cơ sở dữ liệu quốc gia về quy hoạch\n"
    "1\n"
    "Xây dựng hạ tầng công nghệ thông tin, trang thiết bị tại Sở Tài chính để vận hành, khai thác và chia sẻ cơ sở dữ liệu quốc gia về quy hoạch đáp ứng an toàn hệ thống thông tin tối thiểu đạt cấp độ tương ứng\n"
    "Trung tâm Chuyển đổi số Thành phố\n"
    "Sở Khoa học và Công nghệ, các sở, ngành, UBND xã, phường, đặc khu\n"
    "Quý IV/2026\n"
    "Cổng thông tin cơ sở dữ liệu quốc gia về quy hoạch\n"
    "Đầu tư công hoặc nguồn vốn hợp pháp khác (nếu có)\n"
    "Xây dựng hạ tầng kỹ thuật dự phòng phục vụ triển khai cơ sở dữ liệu quốc gia hoạt động song song, đảm bảo năng lực sao lưu dữ liệu và có khả năng phục hồi sau sự cố.\n"
    "2\n"
    "Đầu tư trang thiết bị hiện đại, công cụ tiện ích đảm bảo việc xây dựng, thu thập, cập nhật, xử lý, phân tích dữ liệu của Hệ thống thông tin và cơ sở dữ liệu quốc gia về quy hoạch.\n"
    "Sở Tài chính\n"
    "Quý IV/2026\n"
    "Các thiết bị phần cứng, phần mềm ứng dụng"
)

# legal_docs lines 66-72 and 196-209: the same annex's group VI, deadline cells "Hằng năm.".
PLANNING_DATA_OTHER_TASKS = (
    "TT\n"
    "Nhiệm vụ\n"
    "Cơ quan chủ trì\n"
    "Cơ quan phối hợp\n"
    "Thời gian dự kiến hoàn thành\n"
    "Kết quả dự kiến\n"
    "Nguồn kinh phí\n"
    "Các nhiệm vụ khác\n"
    "1\n"
    "Tuyên truyền, nâng cao nhận thức về xây dựng và quản lý Hệ thống thông tin và cơ sở dữ liệu quốc gia về quy hoạch.\n"
    "Sở Khoa học và Công nghệ, Viện Nghiên cứu phát triển Thành phố\n"
    "Hằng năm.\n"
    "2\n"
    "Tổng hợp kế hoạch thực hiện Đề án của các sở, ngành, UBND xã, phường, đặc khu.\n"
    "Sở Tài chính\n"
    "Hằng năm.\n"
    "3\n"
    "Tham mưu UBND Thành phố Báo cáo Bộ Tài chính tình hình thực hiện Đề án.\n"
    "Sở Tài chính\n"
    "Hằng năm.\n"
    "4"
)


def test_a_line_of_dots_is_a_gap_after_which_numbering_goes_on_at_any_number() -> None:
    rows = flat_table_obligations(CIVIL_DEFENCE_GAP, [])
    assert len(rows) == 11  # rows 1-8 of section II, then rows 2-4 after the gap
    assert [row.action.split(" ")[0:2] for row in rows[-4:]] == [
        ["Ban", "hành"],
        ["Thành", "lập"],
        ["Tiếp", "nhận"],
        ["Rà", "soát,"],
    ]
    assert "…" not in rows[7].text  # the gap is no cell of row 8
    assert [(row.deadline, row.deadline_precision) for row in rows[8:10]] == [
        ("2025", "year"),
        ("2025", "year"),
    ]
    assert rows[8].responsible == "Sở Tài chính"


def test_a_recurring_deadline_cell_gives_a_frequency_and_no_date() -> None:
    recurring = flat_table_obligations(CIVIL_DEFENCE_GAP, [])[-1]
    assert (recurring.deadline, recurring.frequency) == (None, "annual")  # "Tháng 12 hằng năm"
    rows = flat_table_obligations(PLANNING_DATA_OTHER_TASKS, [])
    assert [(row.deadline, row.frequency) for row in rows] == [(None, "annual")] * 3  # "Hằng năm."
    assert rows[1].responsible == "Sở Tài chính"  # the cell before the timing cell, as for a date
    # through extract_all the row's action names its report's recipient
    reports = [o for o in extract_all(PLANNING_DATA_OTHER_TASKS).obligations if o.recipient]
    assert [(o.recipient, o.frequency) for o in reports] == [("Bộ Tài chính", "annual")]


def test_a_run_of_years_is_due_in_its_last_year_and_a_split_off_sub_row_line_is_skipped() -> None:
    rows = flat_table_obligations(PLANNING_DATA, [])
    assert [(row.deadline, row.deadline_precision) for row in rows] == [
        ("2025-12", "quarter"),
        ("2026", "year"),  # "Năm 2025 - 2026"
        ("2026", "year"),
        ("2027-06", "quarter"),
        ("2026-12", "quarter"),  # II.1, then a line of its merged sub-row
        ("2026-12", "quarter"),  # II.2 is still read
    ]
