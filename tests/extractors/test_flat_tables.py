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


# legal_docs lines 109586-109656 (1-based): the annex of Kế hoạch 179/KH-UBND Đồng Nai (heldout12): group rows "A" / "I"
# whose rows are numbered by group ("1.1" … "2.9", then "3" alone under "III"), empty cells dropped, a "Thời gian thực
# hiện" column of periods ("2026 - 2030", and the single year "2026" of row 3).
DIGITAL_ECONOMY = "STT\nNhiệm vụ, giải pháp\nĐơn vị thực hiện\nĐơn vị phối hợp\nThời gian thực hiện\nSản phẩm đầu ra\nA\nPHÁT TRIỂN NỀN MÓNG CHO KINH TẾ SỐ VÀ XÃ HỘI SỐ\nI\nHoàn thiện thể chế\n1.1\nRà soát, xây dựng, sửa đổi, bổ sung các quy định pháp luật cho phù hợp với sự phát triển kinh tế số, xã hội số của tỉnh; rà soát, chỉnh sửa, bổ sung cơ chế, chính sách, văn bản quy phạm pháp luật trong từng ngành, lĩnh vực để cụ thể hóa việc thúc đẩy giao dịch điện tử trong mọi mặt kinh tế - xã hội; xây dựng các chính sách để bảo đảm tỷ lệ hoạt động trực tuyến chiếm tối thiểu 50% tổng số hoạt động trong mỗi cơ quan, tổ chức, ngành, lĩnh vực\nSở Tư pháp\nCác sở, ban, ngành; UBND các phường, xã\n2026 - 2030\nCác cơ chế, chính sách; các văn bản quy phạm pháp luật\nII\nPhát triển hạ tầng\n2.1\nTriển khai hạ tầng số và hạ tầng bưu chính; Triển khai chiến lược, kế hoạch chuyển đổi số, lộ trình số hóa và thông minh hóa lĩnh vực hạ tầng khoa học công nghệ và đổi mới sáng tạo\nSở Khoa học và Công nghệ\nCác sở, ban, ngành; UBND các phường, xã; Các doanh nghiệp cung cấp dịch vụ bưu chính\n2026 - 2030\nCác giải pháp về hạ tầng số và hạ tầng bưu chính; Chiến lược và Kế hoạch\n2.2\nTriển khai chiến lược, kế hoạch chuyển đổi số, lộ trình số hoá và thông minh hoá lĩnh vực giao thông và lĩnh vực hạ tầng đô thị\nSở Xây dựng\n2026 - 2030\nChiến lược và Kế hoạch\n2.3\nTriển khai chiến lược, kế hoạch chuyển đổi số, lộ trình số hóa và thông minh hóa lĩnh vực hạ tầng cung cấp điện; hạ tầng thương mại, công nghiệp, năng lượng, nâng cao năng lực cạnh tranh và phát triển dịch vụ logistics\nSở Công Thương\n2026 - 2030\nChiến lược và Kế hoạch\n2.4\nTriển khai chiến lược, kế hoạch chuyển đổi số, lộ trình số hóa và thông minh hóa lĩnh vực hạ tầng thủy lợi và ứng phó với biến đổi khí hậu\n2026 - 2030\nChiến lược và Kế hoạch\n2.5\nTriển khai chiến lược, kế hoạch chuyển đổi số, lộ trình số hóa và thông minh hóa lĩnh vực hạ tầng y tế\nSở Y tế\n2026 - 2030\nChiến lược và Kế hoạch\n2.6\nTriển khai chiến lược, kế hoạch chuyển đổi số, lộ trình số hóa và thông minh hóa lĩnh vực hạ tầng văn hóa, thể thao, du lịch\n2026 - 2030\nChiến lược và Kế hoạch\n2.7\nXây dựng Kế hoạch đẩy mạnh phát triển hạ tầng kết nối số cho người dân; phủ mạng cáp quang, mạng di động băng thông rộng đến tất cả các thôn, tổ dân phố, khu vực dân sinh; tăng nhanh tỷ lệ người dùng Internet, đặc biệt ở khu vực nông thôn; nâng cao dung lượng kết nối và chất lượng dịch vụ mạng. Triển khai Nền tảng địa chỉ số, bản đồ số tạo hạ tầng mềm cho phát triển kinh tế số và xã hội số\nSở Khoa học và Công nghệ\nUBND các phường xã; Các doanh nghiệp cung cấp dịch vụ viễn thông\n2026 - 2030\nKế hoạch và nền tảng địa chỉ số và bản đồ số\n2.8\nTriển khai chiến lược, kế hoạch chuyển đổi số, lộ trình số hóa và thông minh hóa lĩnh vực hạ tầng khu công nghiệp, khu kinh tế\nBan Quản lý các Khu công nghiệp, khu kinh tế\n2026 - 2030\nChiến lược và Kế hoạch\n2.9\nTriển khai Khu công nghệ số tập trung Long thành, Khu đổi mới sáng tạo, Khu công nghệ cao\nSở Khoa học và Công nghệ\nBan Quản lý các Khu công nghiệp khu kinh tế, Sở Tài chính, UBND các phường, xã có liên quan\n2026 - 2030\nDự án được triển khai\nIII\nPhát triển nền tảng số\n3\nXây dựng và tổ chức triển khai kế hoạch thúc đẩy sử dụng nền tảng số quốc gia trên địa bàn tỉnh\nSở Khoa học và Công nghệ\n2026\nKế hoạch"
# The same table's trade part (the header, then lines 109968-109986): the header again under the group row, and a
# sub-group "5.1 / Thương mại" before its rows "5.1.1", "5.1.2".
DIGITAL_ECONOMY_TRADE = 'STT\nNhiệm vụ, giải pháp\nĐơn vị thực hiện\nĐơn vị phối hợp\nThời gian thực hiện\nSản phẩm đầu ra\nIV\nPhát triển kinh tế số thương mại, công nghiệp và năng lượng\nNội dung\nĐơn vị thực hiện\nĐơn vị phối hợp\nThời gian thực hiện\nSản phẩm đầu ra\n5.1\nThương mại\n5.1.1\nTriển khai Kế hoạch phát triển thương mại điện tử tỉnh Đồng Nai giai đoạn 2026 - 2030\nSở Công Thương\n2026 - 2030\nKế hoạch\n5.1.2\nTriển khai Kế hoạch của Ủy ban nhân dân tỉnh về thực hiện Quyết định số 1968/QĐ-TTg ngày 22/11/2021 của Thủ tướng Chính phủ phê duyệt Đề án "Đẩy mạnh ứng dụng công nghệ thông tin và chuyển đổi số trong hoạt động xúc tiến thương mại giai đoạn 2021-2030" trên địa bàn tỉnh Đồng Nai giai đoạn 2026-2030.\nSở Công Thương\n2026 - 2030\nKế hoạch'
# Its solutions part (the header, then lines 110070-110086): row "1.1" lost its task cell ("Sở Khoa học và Công nghệ"
# / "2025" / "Quyết định").
DIGITAL_ECONOMY_SOLUTIONS = "STT\nNhiệm vụ, giải pháp\nĐơn vị thực hiện\nĐơn vị phối hợp\nThời gian thực hiện\nSản phẩm đầu ra\nC\nCÁC GIẢI PHÁP PHÁT TRIỂN KINH TẾ SỐ VÀ XÃ HỘI SỐ\nI\nTổ chức, bộ máy, mạng lưới\nNội dung\nĐơn vị thực hiện\nĐơn vị phối hợp\nThời gian thực hiện\nSản phẩm đầu ra\n1.1\nSở Khoa học và Công nghệ\n2025\nQuyết định\n1.2\nTổ chức các Tổ công nghệ số cộng đồng đến từng thôn, tổ dân phố\nSở Khoa học và Công nghệ; UBND các phường xã\n2026-2030"
# legal_docs lines 18897-18926: a national programme's "Thời gian thực hiện" column holding months and a span of years.
DIGITAL_GOVERNMENT = "TT\nNhiệm vụ, giải pháp\nCơ quan chủ trì\nCơ quan phối hợp\nKết quả\nThời gian thực hiện\nI\nHoàn thiện thể chế\n1\nNghiên cứu, xây dựng Luật Chuyển đổi số và các Nghị định, văn bản hướng dẫn thi hành, thay thế để đẩy mạnh chuyển đổi số.\nBộ Khoa học và Công nghệ\nBộ Công an, Bộ Tài chính, Bộ Nội vụ và các bộ, ngành, địa phương khác có liên quan\nTrình Quốc hội dự thảo Luật\nTháng 12/2025\n2\nNghiên cứu, xây dựng Luật Trí tuệ nhân tạo và các Nghị định, văn bản hướng dẫn thi hành.\nBộ Khoa học và Công nghệ\nBộ Công an, Bộ Quốc phòng và các bộ, ngành, địa phương khác có liên quan\nTháng 12/2025\n3\nXây dựng Luật An ninh dữ liệu.\nBộ Công an\nBộ Khoa học và Công nghệ, Bộ Tài chính và các bộ, ngành, địa phương khác có liên quan\nTháng 12/2026\n4\nXây dựng các tiêu chuẩn, quy chuẩn, hướng dẫn kỹ thuật về Chính phủ số, tập trung vào những tiêu chuẩn, quy chuẩn về dữ liệu, nền tảng số, an ninh mạng, các công nghệ mới (IoT, AI, Blockchain), theo kịp sự phát triển công nghệ toàn cầu, phù hợp với các mô hình Chính phủ số, bảo đảm an ninh mạng, an toàn kết nối liên thông, chia sẻ hạ tầng kỹ thuật, dữ liệu giữa các hệ thống thông tin.\nBộ Công an, Bộ Khoa học và Công nghệ với các tiêu chuẩn, quy chuẩn, hướng dẫn kỹ thuật áp dụng chung toàn quốc; các bộ, ngành với các tiêu chuẩn, quy chuẩn, hướng dẫn kỹ thuật nội ngành\nCác bộ, ngành có liên quan\nTiêu chuẩn, Quy chuẩn, Hướng dẫn kỹ thuật được ban hành\nNăm 2025-2030"
# legal_docs lines 106705-106730: a "Thời gian triển khai" column of years and spans ("2026", "2026-2027").
CONSTRUCTION_DATA = "STT\nTên nhiệm vụ/dự án\nCơ quan chủ trì\nCơ quan phối hợp\nKết quả dự kiến\nThời gian triển khai\nI\nCƠ CHẾ, CHÍNH SÁCH\n1\nRà soát toàn diện các luật, nghị định, thông tư có liên quan đến đầu tư xây dựng, quản lý, khai thác kết cấu hạ tầng để cập nhật, bổ sung nội dung về chuyển đổi số, dữ liệu số, hồ sơ điện tử, bản sao số (Digital Twin), mô hình thông tin công trình (BIM), và vận hành thông minh\nBộ Xây dựng\nCác bộ, ngành liên quan\nCác Văn bản quy phạm pháp luật được sửa đổi, bổ sung\n2026\n2\nĐề xuất sửa đổi hoặc ban hành mới các quy định về giá trị pháp lý của dữ liệu điện tử, quy trình sử dụng hồ sơ số trong công tác thẩm định, nghiệm thu, bàn giao, giám sát, kiểm tra công trình\nBộ Xây dựng\nCác bộ, ngành liên quan\nCác Văn bản quy phạm pháp luật được ban hành mới hoặc sửa đổi, bổ sung\n2026\n3\nXây dựng và ban hành các tiêu chuẩn quốc gia, quy chuẩn kỹ thuật về cơ sở dữ liệu số về công trình hạ tầng, bản sao số (Digital Twin) công trình hạ tầng, chuẩn kết nối và chia sẻ dữ liệu hạ tầng; áp dụng BIM trong toàn bộ vòng đời công trình; ứng dụng các công nghệ như IoT, AI, cảm biến thông minh trong quản lý vận hành hạ tầng\nBộ Xây dựng\nBộ Khoa học và Công nghệ\nCác tiêu chuẩn quốc gia, quy chuẩn kỹ thuật được ban hành\n2026-2027"


def test_rows_numbered_by_group_are_read_with_their_unit() -> None:
    rows = flat_table_obligations(DIGITAL_ECONOMY, [])
    assert len(rows) == 11  # 1.1, 2.1-2.9, 3
    assert rows[0].responsible == "Sở Tư pháp"
    # three cells for five columns: the unit cell right after the task is the Đơn vị thực hiện
    assert [row.responsible for row in rows[2:5]] == [
        "Sở Xây dựng",
        "Sở Công Thương",
        None,
    ]  # 2.4 has no unit
    assert rows[-1].action.startswith("Xây dựng và tổ chức triển khai kế hoạch thúc đẩy")
    assert rows[-1].responsible == "Sở Khoa học và Công nghệ"


def test_a_period_column_gives_no_deadline_but_its_month_does() -> None:
    # "2026 - 2030" and the single year "2026" under "Thời gian thực hiện": when the work runs (heldout12 gold)
    assert [row.deadline for row in flat_table_obligations(DIGITAL_ECONOMY, [])] == [None] * 11
    assert mark_table_deadlines(DIGITAL_ECONOMY, []) == []
    # a month in such a column is still the due month; the span "Năm 2025-2030" is not
    national = flat_table_obligations(DIGITAL_GOVERNMENT, [])
    assert [(row.deadline, row.responsible) for row in national] == [
        ("2025-12", "Bộ Khoa học và Công nghệ"),
        ("2025-12", "Bộ Khoa học và Công nghệ"),
        ("2026-12", "Bộ Công an"),
        (None, None),
    ]
    # "Thời gian triển khai": the same
    assert [row.deadline for row in flat_table_obligations(CONSTRUCTION_DATA, [])] == [None, None, None]
    # a "Thời gian hoàn thành" column keeps its year (heldout6): CIVIL_DEFENCE's third row
    assert flat_table_obligations(CIVIL_DEFENCE, [])[2].deadline == "2025"


def test_a_repeated_header_and_a_sub_group_title_are_no_rows() -> None:
    rows = flat_table_obligations(DIGITAL_ECONOMY_TRADE, [])
    assert [row.action.split(" tỉnh")[0] for row in rows] == [
        "Triển khai Kế hoạch phát triển thương mại điện tử",
        "Triển khai Kế hoạch của Ủy ban nhân dân",
    ]
    assert [row.responsible for row in rows] == ["Sở Công Thương", "Sở Công Thương"]
    (span,) = flat_table_spans(DIGITAL_ECONOMY_TRADE)
    assert DIGITAL_ECONOMY_TRADE[: span[1]].endswith("Kế hoạch")


def test_a_unit_moved_up_into_an_empty_task_cell_is_no_task() -> None:
    rows = flat_table_obligations(DIGITAL_ECONOMY_SOLUTIONS, [])
    assert [row.action for row in rows] == ["Tổ chức các Tổ công nghệ số cộng đồng đến từng thôn, tổ dân phố"]
    assert rows[0].responsible is None  # "Sở Khoa học và Công nghệ; UBND các phường xã": two owners
