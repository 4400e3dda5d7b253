"""extract_all: every extractor in one Extraction, signer reconciled with the header reader."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.compose import _ensure_signer, extract_all
from extractors.types import Person

RAW = Path(__file__).parents[2] / "data" / "raw"


def test_extract_all_nguyen_binh_khiem_seed() -> None:
    text = (RAW / "ke-hoach-th-nguyen-binh-khiem-par-index-2025.md").read_text(encoding="utf-8")
    extraction = extract_all(text)
    assert [(p.name, p.role) for p in extraction.people] == [("Đỗ Ngọc Chi", "signer")]
    assert [i.code for i in extraction.indicators] == ["PAR_INDEX", "SIPAS", "PCI", "DTI", "DDCI"]
    due = [o for o in extraction.obligations if o.deadline]
    assert [(o.deadline, o.recipient, o.via) for o in due] == [
        ("2025-05-30", "Ủy ban nhân dân Quận 1", "Phòng Nội vụ")
    ]
    assert "2025-05-30" in {d.date for d in extraction.dates if d.role == "deadline"}
    assert set(extraction.to_dict()) == {
        "document",
        "citations",
        "dates",
        "periods",
        "indicators",
        "dimensions",
        "people",
        "organizations",
        "obligations",
    }


def test_ensure_signer_marks_a_known_person_or_adds_one() -> None:
    people = [Person(name="Lê Thị Hoa", title="Hiệu trưởng", role="assignee")]
    _ensure_signer(people, "Lê Thị Hoa")
    assert [(p.name, p.role) for p in people] == [("Lê Thị Hoa", "signer")]
    _ensure_signer(people, "Phạm Văn Nam")
    assert [(p.name, p.role) for p in people] == [("Lê Thị Hoa", "signer"), ("Phạm Văn Nam", "signer")]
    _ensure_signer(people, None)
    assert len(people) == 2


def test_compose_signer_of_one_line_block_gets_the_office_stated_before_the_name() -> None:
    # Held-out (legal_docs 160/KH-UBND): "KT. CHỦ TỊCH" is the office signed for, "PHÓ CHỦ TỊCH" the signer's.
    text = (
        "Số: 160/KH-UBND\nKẾ HOẠCH\nNội dung.\nTM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Trần Chí Hùng\n"
    )
    signers = [p for p in extract_all(text).people if p.role == "signer"]
    assert [(p.name, p.title) for p in signers] == [("Trần Chí Hùng", "Phó Chủ tịch")]


def test_a_cuc_letters_abbreviated_heads_and_its_signers_capacity() -> None:
    # Công văn 5528/CT-CS of the Cục Thuế (legal_docs, heldout15): in a Cục's own letter "PCT" is its
    # Phó Cục trưởng; the signer's title is the capacity he signs in, not a longer mention elsewhere.
    text = (
        "BỘ TÀI CHÍNH CỤC THUẾ\nSố: 5528/CT-CS V/v tiền thuê đất.\nHà Nội, ngày 25 tháng 11 năm 2025.\n"
        "Kính gửi: Thuế tỉnh Hà Tĩnh.\n"
        "Nơi nhận: Như trên; PCT Đặng Ngọc Minh (để b/c) Ban PC, Ban NVT (CT); Website (CT); Lưu: VT, CS (2b).\n"
        "TL. CỤC TRƯỞNG KT. TRƯỞNG BAN CHÍNH SÁCH,THUẾ QUỐC TẾ PHÓ TRƯỞNG BAN Phạm Thị Minh Hiền\n"
    )
    people = {person.name: person for person in extract_all(text).people}
    assert people["Đặng Ngọc Minh"].title == "Phó Cục trưởng"
    assert (people["Phạm Thị Minh Hiền"].role, people["Phạm Thị Minh Hiền"].title) == (
        "signer",
        "Phó Trưởng ban",
    )


def test_a_cuc_notices_abbreviation_with_a_full_stop() -> None:
    # Thông báo 37691/TB-CHQ of the Cục Hải quan (legal_docs, heldout82): no header, the authority line "CỤC
    # TRƯỞNG CỤC HẢI QUAN"; "PCT. Nguyễn Thành Hưng (để b/cáo)" in its Nơi nhận is its Phó Cục trưởng.
    text = (
        "Số: 37691/TB-CHQ\nTHÔNG BÁO VỀ KẾT QUẢ XÁC ĐỊNH TRƯỚC MÃ SỐ CỤC TRƯỞNG CỤC HẢI QUAN Căn cứ Luật Hải quan "
        "ngày 23 tháng 6 năm 2014;\nNơi nhận: Công ty TNHH Công nghệ Huawei Việt Nam; PCT. Nguyễn Thành Hưng (để "
        "b/cáo); Chi cục Kiểm định Hải quan;\n"
    )
    people = {person.name: person for person in extract_all(text).people}
    assert people["Nguyễn Thành Hưng"].title == "Phó Cục trưởng"


def test_the_signers_capacity_is_his_title_over_a_recipient_mention() -> None:
    # Quyết định 2020/QĐ-UBND Lào Cai (heldout15): named in the "Nơi nhận" with his committee, signing
    # as "PHÓ CHỦ TỊCH"
    text = (
        "ỦY BAN NHÂN DÂN TỈNH LÀO CAI\nSố: 2020/QĐ-UBND\nLào Cai, ngày 20 tháng 11 năm 2025\n"
        "Nơi nhận: Như Điều 3; Chủ tịch UBND tỉnh; Phó CT UBND tỉnh Ngô Hạnh Phúc; Lưu: VT.\n"
        "KT. CHỦ TỊCH PHÓ CHỦ TỊCH Ngô Hạnh Phúc\n"
    )
    (person,) = extract_all(text).people
    assert (person.role, person.title) == ("signer", "Phó Chủ tịch")


def test_a_committee_letter_keeps_pct_as_phó_chủ_tịch() -> None:
    text = "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN\nSố: 980/KH-UBND\nNơi nhận: Các PCT UBND tỉnh; PCT Nguyễn Văn Đệ;\n"
    (person,) = extract_all(text).people
    assert person.title == "Phó Chủ tịch"


# legal_qa corpus (an article on electricity prices, lines 175917–175925): a Q&A headline and the
# statutory duties it quotes, no document header, signature or task heading. Issue #4 (heldout17).
QA_ARTICLE = (
    "Evn tăng giá điện? Giá điện tăng bao nhiêu từ ngày 10/5/2025? (Hình từ Internet)\n"
    "Trong thời hạn 05 ngày làm việc kể từ ngày thực hiện điều chỉnh, Tập đoàn Điện lực Việt Nam có trách "
    "nhiệm báo cáo Bộ Công Thương.\n"
    "Trong thời hạn 15 ngày làm việc kể từ ngày nhận đủ hồ sơ phương án giá của Tập đoàn Điện lực Việt Nam, "
    "Bộ Công Thương có trách nhiệm trả lời bằng văn bản.\n"
)


def test_an_article_quoting_statutory_duties_gives_no_task() -> None:
    assert extract_all(QA_ARTICLE).obligations == []


def test_the_same_duties_under_a_plans_task_heading_are_tasks() -> None:
    obligations = extract_all("III. TỔ CHỨC THỰC HIỆN\n" + QA_ARTICLE.split("\n", 1)[1]).obligations
    assert [(o.responsible, o.recipient) for o in obligations if o.recipient] == [
        ("Tập đoàn Điện lực Việt Nam", "Bộ Công Thương")
    ]


def test_an_article_keeps_a_dated_task_and_drops_its_questions() -> None:
    # heldout14's one task (baomoi, the Prime Minister's conclusions for Hồ Chí Minh City), shortened.
    text = (
        "Thủ tướng: Áo đã quá chật, phải tìm cách đột phá?\n"
        "Thủ tướng giao Bộ Tài nguyên và Môi trường nghiên cứu đề xuất của Thành phố, báo cáo Thủ tướng "
        "trong tháng 8/2017.\n"
    )
    obligations = extract_all(text).obligations
    assert [(o.deadline, o.deadline_precision, o.recipient) for o in obligations] == [
        ("2017-08", "month", "Thủ tướng")
    ]


def test_a_question_is_no_task() -> None:
    # heldout17's university article: its sub-headlines are questions, read as items of a section.
    from extractors.obligations import extract_obligations

    text = (
        "II. NHIỆM VỤ VÀ GIẢI PHÁP\n"
        "1. Công bố danh sách các trường Đại học sáp nhập khi nào?\n"
        "2. Sở Nội vụ báo cáo UBND tỉnh trước ngày 15/12/2025.\n"
    )
    assert [o.action for o in extract_obligations(text)] == [
        "Sở Nội vụ báo cáo UBND tỉnh trước ngày 15/12/2025."
    ]


def test_an_article_gives_a_task_to_the_body_ordered_to_act_and_keeps_it_for_the_next_sentences() -> None:
    # Shaped on a 2017 news report (heldout19): the official asks, the companies act; the dated sentence
    # after names no doer of its own.
    text = (
        "Theo đó, Thứ trưởng Hoàng Quốc Vượng yêu cầu các tập đoàn, tổng công ty tiến hành rà soát lại các "
        "phương án xử lý. Hoàn thành báo cáo và gửi về Bộ Công Thương chậm nhất ngày 4/2/2017.\n"
    )
    (task,) = extract_all(text).obligations
    assert (task.responsible, task.deadline, task.recipient) == (
        "các tập đoàn, tổng công ty",
        "2017-02-04",
        "Bộ Công Thương",
    )


def test_an_article_mentions_the_officials_it_reports_on_and_assigns_no_one() -> None:
    # The same report: the deputy minister asks; an article assigns no task of its own (the news golds'
    # convention, heldout14/19/20: every person "mentioned"). A plan's "giao ông ..." still assigns.
    text = (
        "Theo đó, Thứ trưởng Hoàng Quốc Vượng yêu cầu các tập đoàn, tổng công ty tiến hành rà soát lại các "
        "phương án xử lý. Hoàn thành báo cáo và gửi về Bộ Công Thương chậm nhất ngày 4/2/2017.\n"
    )
    (person,) = extract_all(text).people
    assert (person.name, person.title, person.role) == ("Hoàng Quốc Vượng", "Thứ trưởng", "mentioned")


def test_the_body_ordered_to_act() -> None:
    from extractors.obligation_attributes import ordered_doer

    # baomoi news (heldout124): a person or group asked first, a body ordered after "đồng thời" does the task
    assert ordered_doer(
        "Cũng tại cuộc họp này, Phó Chủ tịch UBND tỉnh Bình Định Trần Châu đã đề nghị ngư dân khởi kiện, đồng thời "
        "yêu cầu Công an tỉnh Bình Định lập hồ sơ báo cáo Bộ Công an để điều tra."
    ) == ("Công an tỉnh Bình Định")

    # legal_docs corpus
    assert ordered_doer(
        "Thủ tướng Chính phủ giao Bộ Tài chính chủ trì, phối hợp với các cơ quan liên quan tiếp tục thực hiện "
        "chính sách tài khóa mở rộng hợp lý, có trọng tâm, trọng điểm và bảo đảm hiệu quả."
    ) == ("Bộ Tài chính")
    # several bodies: no one doer
    assert (
        ordered_doer(
            "Thủ tướng Thường trực Chính phủ Nguyễn Hòa Bình chỉ đạo Bộ Công an và các bộ, cơ quan liên quan "
            "trong quá trình chỉnh lý, hoàn thiện dự án Pháp lệnh này."
        )
        is None
    )
    # baomoi news corpus: the actor of a passive ("đã được <official> giao <body>"), the bodies a sentence opens
    # by addressing ("Đối với các tổ chức tín dụng, Thống đốc yêu cầu ..."); a country addressed is no doer
    assert (
        ordered_doer(
            "Phương án này đã được Phó chủ tịch UBND TP.HCM Lê Văn Khoa giao Sở Lao động - Thương binh và Xã hội "
            "chủ trì nghiên cứu, báo cáo UBND TP quyết định."
        )
        == "Sở Lao động - Thương binh và Xã hội"
    )
    assert (
        ordered_doer(
            "Đối với các tổ chức tín dụng, Thống đốc yêu cầu tiếp tục thực hiện các nội dung chương trình cho vay "
            "bình ổn thị trường theo chỉ đạo của NHNN"
        )
        == "các tổ chức tín dụng"
    )
    assert (
        ordered_doer("Đối với nước ta, đổi mới là yêu cầu bức thiết, là vấn đề có tầm quan trọng sống còn.")
        is None
    )
    # "Giao" in "Bộ Giao thông Vận tải" orders nothing: the ministry asks the Government Office (baomoi)
    assert (
        ordered_doer(
            "Vì vậy, Bộ Giao thông Vận tải đề nghị Văn phòng Chính phủ báo cáo Thủ tướng giao UBND tỉnh Cao Bằng "
            "và UBND tỉnh Lạng Sơn chủ trì vay lại khoản vay 300 triệu USD của Trung Quốc để đầu tư tuyến đường bộ "
            "cao tốc Đồng Đăng - Trà Lĩnh."
        )
        == "Văn phòng Chính phủ"
    )
    # several bodies ordered together (baomoi, verbatim): as written, up to their task
    assert (
        ordered_doer(
            "UBND tỉnh Gia Lai cũng yêu cầu Sở NN&PTNT tỉnh và UBND huyện Chư Păh khẩn trương trong quá trình điều "
            "tra, xử lý vụ việc đồng thời gửi báo cáo kết quả thực hiện về cho UBND tỉnh trước ngày 20/02/2017."
        )
        == "Sở NN&PTNT tỉnh và UBND huyện Chư Păh"
    )


# Plans without their header keep their undated tasks (constructed, in the wording of such copies):
WEB_COPY_OF_A_PLAN = (  # a provincial site's page: headline, a lead announcing the plan, its "NỘI DUNG THỰC HIỆN"
    "Cải thiện, nâng cao Chỉ số PAPI của tỉnh năm 2025\n"
    "Ngày 31/3, UBND tỉnh đã ban hành Kế hoạch số 1331/KH-UBND về việc cải thiện Chỉ số PAPI năm 2025.\n"
    "NỘI DUNG THỰC HIỆN\n"
    "1. Tiếp tục đẩy mạnh thực hiện các giải pháp nâng cao các chỉ số nội dung, cụ thể:\n"
    "a) Sở Nội vụ chủ trì thực hiện tốt dân chủ ở cơ sở, định kỳ hằng quý báo cáo UBND tỉnh kết quả.\n"
)
PASTED_WARD_PLAN = (  # a ward's plan pasted as plain text: sentence-case title, Roman-numbered headings
    "Kế hoạch cải thiện Chỉ số PAPI năm 2025 của phường Tân Định\n"
    "I. Mục đích, yêu cầu\n"
    "Nâng cao chất lượng phục vụ người dân.\n"
    "II. Nhiệm vụ và giải pháp\n"
    "1. Văn phòng UBND phường chủ trì rà soát thủ tục hành chính, báo cáo UBND phường hằng quý.\n"
)


@pytest.mark.parametrize(
    ("text", "recipient"),
    [(WEB_COPY_OF_A_PLAN, "Ủy ban nhân dân tỉnh"), (PASTED_WARD_PLAN, "Ủy ban nhân dân phường Tân Định")],
)
def test_a_plan_without_its_header_keeps_its_undated_tasks(text: str, recipient: str) -> None:
    (task,) = extract_all(text).obligations
    assert (task.frequency, task.recipient) == ("quarterly", recipient)


def test_an_article_reads_report_lên_the_prime_minister_and_a_day_month_deadline_with_a_dot() -> None:
    # The shape of 2017 news (heldout20): "báo cáo lên Thủ tướng", "trước ngày 30.5" (no year).
    text = "Thủ tướng yêu cầu Bộ Văn hóa, Thể thao và Du lịch khẩn trương rà soát, báo cáo lên Thủ tướng trước ngày 30.5.\n"
    (task,) = extract_all(text).obligations
    assert (task.responsible, task.recipient) == ("Bộ Văn hóa, Thể thao và Du lịch", "Thủ tướng")


def test_an_article_paragraph_ending_in_a_colon_still_gives_its_dated_tasks() -> None:
    # Shaped on a 2017 news report of a Công điện (heldout24): the page's "Xem thêm:" trailer closes the
    # paragraph; each due date closes its own task, after "và" or a comma.
    text = (
        "Thủ tướng Chính phủ vừa có Công điện về việc giải quyết vướng mắc trong bồi thường giải phóng mặt bằng.\n"
        "Thủ tướng Chính phủ yêu cầu UBND tỉnh Bình Thuận khẩn trương hoàn thành phê duyệt giá đất cụ thể trong "
        "tháng 7/2017 và Chủ tịch UBND các tỉnh trực tiếp chỉ đạo các sở, ngành hoàn thành đưa công trình vào "
        "vận hành trong tháng 3/2018. Đồng thời, khẩn trương phê duyệt phương án bồi thường trong tháng 7/2017, "
        "bàn giao xong toàn bộ hành lang tuyến các đường dây nêu trên trong tháng 9/2017. Xem thêm:\n"
    )
    tasks = extract_all(text).obligations
    assert [(t.deadline, t.action.split()[0]) for t in tasks] == [
        ("2017-07", "Thủ"),
        ("2018-03", "Chủ"),
        ("2017-07", "Đồng"),
        ("2017-09", "bàn"),
    ]
    assert tasks[0].responsible == "Ủy ban nhân dân tỉnh Bình Thuận"


def test_a_list_of_due_dates_is_one_task() -> None:
    from extractors.obligation_items import dated_clauses

    text = "Tổ chức kiểm tra trong tháng 7/2017, tháng 8/2017 và tháng 9/2017 tại các xã."
    due = [text.index("tháng 7"), text.index("tháng 8"), text.index("tháng 9")]
    assert dated_clauses(text, 0, len(text), due) == [(0, len(text))]


def test_an_article_keeps_an_ordered_undated_task_with_its_recipient_but_not_reported_speech() -> None:
    # Shaped on 2017 news reports (heldout24, heldout27), constructed: an order the article reports keeps its
    # undated report; a statute quoted, reported speech and a dated narration give none.
    text = (
        "UBND thành phố Hải Phòng yêu cầu UBND quận Đồ Sơn tạm dừng lễ hội, có báo cáo gửi UBND thành phố.\n"
        "Theo Điều 5 của Luật, cơ quan quản lý có trách nhiệm báo cáo Ủy ban nhân dân cấp xã.\n"
        "Tổng giám đốc cho biết, hàng năm công ty phải đầu tư hàng tỷ đồng theo yêu cầu của Bộ.\n"
        "Tuy nhiên, đến ngày 6/1/2017, Bộ báo cáo Thủ tướng vẫn còn 9 cơ quan chưa gửi báo cáo theo yêu cầu.\n"
    )
    tasks = extract_all(text).obligations
    assert [(t.recipient, t.deadline) for t in tasks] == [("Ủy ban nhân dân thành phố Hải Phòng", None)]


def test_the_rest_of_a_wrapped_signer_name_is_no_second_person() -> None:
    # heldout91's office scan of 210/2025/QĐ-UBND (Hải Phòng): the signer's family name ends the capacity's line and the
    # rest of the name ("Văn Quân", "Văn" being a family name too) is the next line.
    text = (
        "Số: 210/2025/QĐ-UBND\nHải Phòng, ngày 17 tháng 11 năm 2025\nNơi nhận: Như Điều 4; Lưu: VT.\n\n"
        "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Trần\nVăn Quân\n"
    )
    people = [(p.name, p.role) for p in extract_all(text).people]
    assert people == [("Trần Văn Quân", "signer")]
