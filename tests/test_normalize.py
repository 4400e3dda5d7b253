"""The normalise stage: Unicode, whitespace, and paragraphs rebuilt from wrapped lines."""

import unicodedata

import pytest

from pipeline.normalize import join_wrapped_lines, normalize_text


def test_normalize_composes_decomposed_marks() -> None:
    decomposed = unicodedata.normalize("NFD", "Kế hoạch số 04/KH-UBND")
    assert normalize_text(decomposed) == "Kế hoạch số 04/KH-UBND\n"


def test_normalize_removes_invisible_and_control_characters() -> None:
    assert normalize_text("Ủy\u200b ban\u00ad nhân\x07 dân\ufeff") == "Ủy ban nhân dân\n"


def test_normalize_folds_whitespace_inside_lines() -> None:
    assert normalize_text("  Căn cứ \t Luật   Tiếp cận\u00a0thông tin  \n\n\n\nI. MỤC ĐÍCH") == (
        "Căn cứ Luật Tiếp cận thông tin\n\nI. MỤC ĐÍCH\n"
    )


def test_normalize_joins_line_continued_in_lower_case() -> None:
    text = "Thực hiện Kế hoạch số 1905/KH-UBND ngày 10 tháng 5 năm 2023 của Ủy ban\nnhân dân Thành phố;"
    assert normalize_text(text) == (
        "Thực hiện Kế hoạch số 1905/KH-UBND ngày 10 tháng 5 năm 2023 của Ủy ban nhân dân Thành phố;\n"
    )


@pytest.mark.parametrize(
    "second",
    [
        "- Tuyên truyền, phổ biến về nội dung",
        "+ Công khai, minh bạch",
        "• Kiểm soát tham nhũng",
        "II. MỤC TIÊU",
        "2. Yêu cầu",
        "1.2. Nhiệm vụ cụ thể",
        "a) Văn phòng UBND phường",
        "b. Công an phường",
        "Nơi nhận:",
    ],
)
def test_normalize_keeps_block_starts_on_their_own_line(second: str) -> None:
    first = "Các đơn vị chủ động kiểm tra, giám sát thường xuyên việc thực hiện kế hoạch"
    assert normalize_text(f"{first}\n{second}").splitlines() == [first, second]


def test_normalize_keeps_upper_case_heading_apart() -> None:
    lines = ["KẾ HOẠCH", "Về cải thiện Chỉ số cải cách hành chính (PAR Index)"]
    assert join_wrapped_lines(lines) == lines


def test_wrapped_page_lines_are_joined_by_width() -> None:
    body = [
        "Tiếp tục phát huy những mặt đạt được và khắc phục các hạn chế Chỉ số cải cách",
        "hành chính năm 2023 của Trường mầm non Tuổi Hồng trong các lĩnh vực tiêu chí.",
    ] * 6
    wrapped = [
        "Chủ động xác định và dự báo kết quả Chỉ số cải cách hành chính của Trường mầm",
        "Mầm non Tuổi Hồng năm 2023 dựa trên các lĩnh vực, tiêu chí đã được phê duyệt.",
    ]
    joined = join_wrapped_lines(body + wrapped)
    assert joined[-1] == " ".join(wrapped)


def test_exported_paragraph_lines_are_not_joined_by_width() -> None:
    paragraphs = [
        "Căn cứ Kế hoạch số 04/KH-UBND ngày 04 tháng 01 năm 2024 của Ủy ban nhân dân Quận 1 " * (i % 5 + 1)
        for i in range(12)
    ]
    paragraphs.append("Trường Mầm non Hoa Lư xây dựng Kế hoạch")
    assert join_wrapped_lines(paragraphs) == paragraphs
