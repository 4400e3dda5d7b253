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
