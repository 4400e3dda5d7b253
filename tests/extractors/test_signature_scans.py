"""The signature block as scans deliver it: a name wrapped over two lines, a family name misread.

Rows come from the held-out and seed plans as kehoach's OCR read their office-quality scans
(``scripts/eval_extract_scans.py``): 160/KH-UBND's "PHÓ CHỦ TỊCH Trần" / "Chí Hùng" and the
Nguyễn Bỉnh Khiêm plan's "Đỏ Ngọc Chi" (office) and "Do Ngọc Chi" (poor) for "Đỗ Ngọc Chi".
"""

from __future__ import annotations

import pytest

from extractors.signature import extract_signer, extract_signer_title


@pytest.mark.parametrize(
    ("end_block", "name"),
    [
        # Held-out 160/KH-UBND as its scan came out: the name wrapped after the family name.
        (
            "Nơi nhận:\n- Lưu: VT, CT.\n\nTM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Trần\nChí Hùng\n",
            "Trần Chí Hùng",
        ),
        ("Nơi nhận:\n- Lưu: VT.\nHIỆU TRƯỞNG\n\nĐỗ Ngọc\nChi\n", "Đỗ Ngọc Chi"),
        # A whole name followed by a capitalised line is not a five-syllable name.
        ("Nơi nhận:\n- Lưu: VT.\nHIỆU TRƯỞNG\nĐỗ Ngọc Chi\nGhi Chú\n", "Đỗ Ngọc Chi"),
        # The scan's "Đỏ" has the letters of one family name only, Đỗ.
        ("Nơi nhận:\n- Phòng Nội vụ Quận 1;\n- Lưu: VL\n\nĐỏ Ngọc Chi\n", "Đỗ Ngọc Chi"),
        # The poor-quality scan of the same plan lost both marks of the family name.
        ("Nơi nhận:\n- Phòng Nội vụ Quận 1;\n- Lưu: VT\n\nDo Ngọc Chi\n", "Đỗ Ngọc Chi"),
        ("Nơi nhận:\n- Lưu: VT.\nHIỆU TRƯỞNG\n\nNGUYẾN VĂN AN\n", "Nguyễn Văn An"),
        # The two-column end block flattened onto one line: the name glued in front of the next recipient
        # (dvhcvn corpus line 14059, a resolution of the National Assembly Standing Committee; heldout51).
        (
            "TM. ỦY BAN THƯỜNG VỤ QUỐC HỘI Nơi nhận: CHỦ TỊCH Chính phủ; Ban Tổ chức Trung ương; Ủy ban TW Mặt trận Tổ quốc Việt Nam; Kiểm toán nhà nước; Trần Thanh Mẫn Các Bộ, cơ quan ngang Bộ, cơ quan thuộc CP; Cục Thống kê, Bộ Tài chính; Tỉnh ủy, HĐND, UBND, Đoàn ĐBQH, Ủy ban MTTQVN tỉnh Đồng Nai; Lưu: HC, PLTP.",
            "Trần Thanh Mẫn",
        ),
        # A text PDF of a Word signature table (the capacity cell higher than the Nơi nhận cell): the
        # title alone is no name ("CHỦ TỊCH" is no "Chu Tịch"), the name runs into the last item.
        (
            "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNơi nhận:\n- UBND Quận 1;\n- Lưu: VT. Nguyễn Văn An\n",
            "Nguyễn Văn An",
        ),
        ("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n", None),
        # scans of the held-out plans (scripts/eval_extract_scans.py --sets all): the end block run
        # onto one line with one space before the capacity (11654/VPCP-CN) ...
        (
            "Nơi nhận: Như trên; VPCP: BTCN, các PCN; Lưu: VT, CN(2). y KT. BỘ TRƯỞNG, CHỦ NHIỆM PHÓ CHỦ NHIỆM"
            " Nguyễn Sỹ Hiệp\n",
            "Nguyễn Sỹ Hiệp",
        ),
        # ... the family name wrapped at the end of the capacity line, the rest read as a name (0204/KH)
        (
            "Nơi nhận:\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Lâm\nVăn Bi\n",
            "Lâm Văn Bi",
        ),
        # The poor scan of heldout89's 103/2025/QĐ-UBND (session 15): the name wrapped after the family name, a
        # stray colon of the seal's edge after it.
        (
            "Lưu: VT, NN8\n(HQ).\n\nTM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Đinh\nCông Sứ:\n",
            "Đinh Công Sứ",
        ),
        # A flattened block in capitals with the name in capitals too.
        (
            "Nơi nhận:\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH NGUYỄN VĂN HÙNG\n",
            "Nguyễn Văn Hùng",
        ),
        # Letters shared by two family names (Đặng, Đàng) decide nothing.
        ("Nơi nhận:\n- Lưu: VT.\n\nDang Văn Hùng\n", None),
        # Unmarked text (an English-model OCR) is not corrected into a half-marked name.
        ("Nơi nhận:\n- Lưu: VT.\n\nLe Van An\n", None),
        # legal_docs 5155/SGDĐT-GDTXNNĐH and 157/KH-UBND: an annex's criteria column after the signature
        (
            "Nơi nhận: Như trên; Giám đốc; Hội Khuyến học TP (để phối hợp); Lưu: VT, GDTXNNĐH (ĐPT).\n"
            "KT GIÁM ĐỐC PHÓ GIÁM ĐỐC Trương Hải Thanh\nBẢNG TIÊU CHÍ ĐÁNH GIÁ, XẾP LOẠI TRUNG TÂM HỌC TẬP CỘNG ĐỒNG\n"
            "TIÊU CHÍ\nMức điểm theo yêu cầu\nĐiểm tự chấm\n",
            "Trương Hải Thanh",
        ),
        (
            "Nơi nhận: CT, PCT UBND TP (1AE) Sở: Nội vụ, Y tế, KHCN; Lưu: VT, MX.\nPHỤ LỤC\n"
            "(Kèm theo Kế hoạch số 157/KH-UBND ngày 18 tháng 11 năm 2025 của Ủy ban nhân dân thành phố Cần Thơ)\n"
            "STT\nTIÊU CHÍ THI ĐUA\n",
            None,
        ),
        # legal_docs lines 104321-104323: the head of a national body signs in its own name
        (
            "Nơi nhận: Như Điều 3; Lãnh đạo KTNN; Đảng ủy KTNN; Lưu: VT, Vụ TCCB.\n"
            "TỔNG KIỂM TOÁN NHÀ NƯỚC Ngô Văn Tuấn\nQUY ĐỊNH\n",
            "Ngô Văn Tuấn",
        ),
        # legal_docs web copies: no space after the dot, "K/T", the block of a consolidated text, "Mạnh"
        (
            "Nơi nhận: Như Điều 5; Văn phòng Chính phủ (Cục KSTTHC); Bộ Y tế;\nKT.CHỦ TỊCH PHÓ CHỦ TỊCH Lê Trường Sơn\n",
            "Lê Trường Sơn",
        ),
        (
            "Nơi nhận: Như Điều 3; VPCP; Vụ Pháp chế - Bộ Xây dựng; TT Thành ủy, TT HĐND thành phố;\n"
            "TM.ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Lê Anh Quân\n",
            "Lê Anh Quân",
        ),
        (
            "Nơi nhận: Như Điều 3, Ban Bí thư (để báo cáo), Đ/c Trưởng Ban (để báo cáo), Lãnh đạo Ban, Lưu HCTĐKT.\n"
            "K/T TRƯỞNG BAN PHÓ TRƯỞNG BAN Ngô Đông Hải\nQUY CHẾ\n",
            "Ngô Đông Hải",
        ),
        (
            "Nơi nhận: Văn phòng Chính phủ (để đăng Công báo); Bộ trưởng (để b/c); Website Bộ Công Thương;\n"
            "XÁC THỰC VĂN BẢN HỢP NHẤT KT. BỘ TRƯỞNG THỨ TRƯỞNG Nguyễn Hoàng Long\nPHỤ LỤC\n",
            "Nguyễn Hoàng Long",
        ),
        (
            "Nơi nhận: Như trên; Các đơn vị: Ban NVT, CĐS, PC (CT); Website - CT; Lưu: VT, CS.\nTL. CỤC TRƯỞNG"
            " KT.TRƯỞNG BAN BAN CHÍNH SÁCH, THUẾ QUỐC TẾ PHÓ TRƯỞNG BAN Mạnh Thị Tuyết Mai\n",
            "Mạnh Thị Tuyết Mai",
        ),
        # legal_docs lines 64910-64911 (Cục Thuế): "CỤC TRƯỞNG" before the name
        (
            "Nơi nhận: Như Điều 2; Lãnh đạo Cục Thuế; Các Ban, đơn vị thuộc Cục Thuế; Thuế tỉnh, thành phố; Trang TTĐT"
            " Cục Thuế; Lưu: VT, TCCB (41b)\nCỤC TRƯỞNG Mai Xuân Thành\n",
            "Mai Xuân Thành",
        ),
    ],
)
def test_signer_name_wrapped_over_two_lines(end_block: str, name: str) -> None:
    assert extract_signer(end_block) == name


def test_signer_title_read_beside_a_wrapped_name() -> None:
    block = "Nơi nhận: Bộ NN&MT;\nTM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Trần\nChí Hùng\n"
    assert extract_signer_title(block, "Trần Chí Hùng") == "Phó Chủ tịch"


def test_signer_and_title_where_the_capacity_wrapped_onto_the_names_line() -> None:
    # Cục Thuế 5402/CT-CS (tests/heldout71) as its office scan came out: "TẾ" of the capacity before the name.
    block = (
        "Nơi nhận: Như trên; Lưu: VT, CS.\nTL. CỤC TRƯỞNG TRƯỞNG BAN BAN CHÍNH SÁCH, THUẾ QUỐC\n"
        "TẾ Nguyễn Thị Thanh Hằng\n"
    )
    assert extract_signer(block) == "Nguyễn Thị Thanh Hằng"
    assert extract_signer_title(block, "Nguyễn Thị Thanh Hằng") == "Trưởng ban"


def test_recipients_cut_by_the_signature_column_read_as_bands() -> None:
    # OCR reads the end block's two columns as bands: the capacity lines fall inside the Nơi nhận list.
    from extractors.signature import extract_recipients

    block = (
        "Nơi nhận:\n- UBND Quận 1;\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\n- Phòng Nội vụ Quận 1;\n\n"
        "- Lưu: VT.\n\nNguyễn Văn An\n"
    )
    assert extract_recipients(block) == ["Ủy ban nhân dân Quận 1", "Phòng Nội vụ Quận 1"]


def test_signer_of_a_decision_above_its_attached_plan_with_the_name_on_its_own_line() -> None:
    # 980/KH-UBND's scan: the Quyết định is signed above its long annex, the name under the capacity.
    text = (
        "Nơi nhận:\n- Lưu: VT, NC.\n\nTM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH\nNguyễn Văn Đệ\n"
        "PHỤ LỤC DANH MỤC NHIỆM VỤ\n" + "".join(f"{i}\nNhiệm vụ số {i}\nSở Tư pháp\n" for i in range(1, 15))
    )
    assert extract_signer(text) == "Nguyễn Văn Đệ"


@pytest.mark.parametrize(
    "heading",
    # Quyết định 87/QĐ-UBND Lai Châu and 144/QĐ-UBND Đồng Tháp (heldout15): a regulation attached after
    # the signature ends with its chapter "TỔ CHỨC THỰC HIỆN", one mark away from "Tô Chức Thực Hiện"
    ["Chương III\nTỔ CHỨC THỰC HIỆN\nĐiều 12. Trách nhiệm tổ chức thực hiện", "Chương I\nPHẠM VI ÁP DỤNG"],
)
def test_a_chapter_heading_in_capitals_after_the_signature_is_no_signer(heading: str) -> None:
    text = "Nơi nhận: Như Điều 3; Lưu: VT.\nTM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Tống Thanh Hải\n"
    assert extract_signer(text + "QUY ĐỊNH\n" + heading) == "Tống Thanh Hải"


def test_a_recipients_name_wrapped_by_a_scan_is_the_signers_not_a_second_person() -> None:
    # Quyết định 2020/QĐ-UBND Lào Cai as its office scan reads it (heldout15): "Ngô Hạnh" / "Phúc"
    from extractors import extract_all

    text = (
        "Nơi nhận: Như Điều 3; Chủ tịch UBND tỉnh; Phó CT UBND tỉnh Ngô Hạnh\n\nPhúc; Phó Chánh VP UBND tỉnh (đ/c"
        " Tú); Lưu: VT, HCC(KSTT).\nKT. CHỦ TỊCH PHÓ CHỦ TỊCH Ngô Hạnh Phúc\n"
    )
    assert [(p.name, p.role) for p in extract_all(text).people] == [("Ngô Hạnh Phúc", "signer")]


def test_a_filing_mark_misread_as_capitals_is_no_signer() -> None:
    # office scan of heldout34's 1512/QĐ-UBND: "Lưu: VT, TTPVHCC." read as "VI TTPVHCC" (no syllable without a vowel)
    assert (
        extract_signer("Nơi nhận:\n- Như Điều 4;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nVI TTPVHCC\n")
        is None
    )


@pytest.mark.parametrize("name", ["Y Giang Gry Niê Knơng", "H’Yim Kđoh"])
def test_a_central_highlands_signer(name: str) -> None:
    # Đắk Lắk's officials: men's names open with "Y", women's with "H'"
    assert extract_signer(f"Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n{name}\n") == name


def test_a_heading_in_capitals_that_the_text_repeats_in_lower_case_is_no_signer() -> None:
    # legal_qa (heldout45): "PHÍ THẨM ĐỊNH HỒ SƠ" ("Phí" is a family name), then the phrase in the body
    text = (
        "PHÍ THẨM ĐỊNH HỒ SƠ\nCăn cứ theo khoản 5 Điều 3 Thông tư 85/2019/TT-BTC phí thẩm định hồ sơ khi sang tên "
        "nhà đất thuộc thẩm quyền của Hội đồng nhân dân cấp tỉnh.\n"
    )
    assert extract_signer(text) is None


def test_a_signer_after_his_capacity_is_the_signer_though_the_recipients_name_him() -> None:
    # legal_docs (heldout46, Thông báo 631/TB-VPCP): "Nơi nhận: ...; VPCP: BTCN, PCN: Phạm Mạnh Cường, Thư ký TTg"
    text = (
        "Nơi nhận: Thủ tướng Chính phủ (để b/c); VPCP: BTCN, PCN: Phạm Mạnh Cường, Thư ký TTg; Lưu: VT.\n"
        "KT. BỘ TRƯỞNG, CHỦ NHIỆM PHÓ CHỦ NHIỆM Phạm Mạnh Cường\n"
    )
    assert extract_signer(text) == "Phạm Mạnh Cường"


@pytest.mark.parametrize("heading", ["TRƯỞNG TIỂU BAN", "ĐOÀN THƯ KÝ"])
def test_a_title_or_a_body_and_a_title_in_capitals_is_no_signer(heading: str) -> None:
    # The letter form of a union congress quoted in legal Q&A (heldout57): its headings and signature captions.
    text = f"Nơi nhận:\n- Như trên;\n- Lưu: VT.\n{heading}\n(Chữ ký)\nHọ và tên\n"
    assert extract_signer(text) is None


def test_signer_in_capitals_gets_the_capacity_before_it() -> None:
    # The capacity and the name both in capitals on one line: the signer's own office is the title before the name.
    block = "Nơi nhận:\n- Lưu: VT.\n\nKT. HIỆU TRƯỞNG PHÓ HIỆU TRƯỞNG NGUYỄN THỊ MINH KHAI\n"
    assert extract_signer(block) == "Nguyễn Thị Minh Khai"
    assert extract_signer_title(block, "Nguyễn Thị Minh Khai") == "Phó Hiệu trưởng"
