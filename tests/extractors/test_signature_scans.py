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
        # Letters shared by two family names (Đặng, Đàng) decide nothing.
        ("Nơi nhận:\n- Lưu: VT.\n\nDang Văn Hùng\n", None),
        # Unmarked text (an English-model OCR) is not corrected into a half-marked name.
        ("Nơi nhận:\n- Lưu: VT.\n\nLe Van An\n", None),
    ],
)
def test_signer_name_wrapped_over_two_lines(end_block: str, name: str) -> None:
    assert extract_signer(end_block) == name


def test_signer_title_read_beside_a_wrapped_name() -> None:
    block = "Nơi nhận: Bộ NN&MT;\nTM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Trần\nChí Hùng\n"
    assert extract_signer_title(block, "Trần Chí Hùng") == "Phó Chủ tịch"
