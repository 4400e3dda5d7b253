"""English sentences inside stripped Vietnamese text (legal texts carry translations) are left as
written: restoring marks would turn "shall be" into "shall bé". Uses the committed model."""

from __future__ import annotations

import pytest

from kehoach.repair import Repairer

ENGLISH = [
    "The following fines shall be imposed upon a company for performing prohibited acts",
    "a) A fine ranging from VND 20.000.000 to VND 30.000.000 shall be imposed if the value is to be paid",
    "Pursuant to the Decree No. 15/2020/ND-CP dated February 3, 2020 of the Government",
]
STRIPPED_DOCUMENT = [
    "Can cu Ke hoach so 12/KH-UBND cua Uy ban nhan dan huyen ve cai cach hanh chinh",
    "Cac phong, ban chuyen mon thuc hien bao cao dinh ky hang quy",
]


@pytest.fixture(scope="module")
def repairer() -> Repairer:
    return Repairer.load()


@pytest.mark.parametrize("line", ENGLISH)
def test_repair_leaves_english_line_unchanged(repairer: Repairer, line: str) -> None:
    assert repairer.is_foreign_line(line)
    assert repairer.repair_text(line) == line


def test_repair_keeps_english_line_inside_stripped_document(repairer: Repairer) -> None:
    text = "\n".join([STRIPPED_DOCUMENT[0], ENGLISH[0], STRIPPED_DOCUMENT[1]])
    out = repairer.repair_text(text).split("\n")
    assert out[1] == ENGLISH[0]
    assert out[0].startswith("Căn cứ Kế hoạch số 12/KH-UBND của Ủy ban nhân dân huyện")
    assert out[2].startswith("Các phòng, ban chuyên môn thực hiện báo cáo định kỳ")


@pytest.mark.parametrize(
    "line",
    [
        "Tinh Dak Lak",  # place names that are no Vietnamese skeleton: too few to call a line English
        "Ung dung phan mem Microsoft Office trong cong tac van thu, luu tru",
        "Cap nhat du lieu len he thong eOffice va iGate cua tinh",
    ],
)
def test_vietnamese_line_with_foreign_words_is_not_english(repairer: Repairer, line: str) -> None:
    assert not repairer.is_foreign_line(line)


def test_vietnamese_line_with_foreign_words_is_repaired(repairer: Repairer) -> None:
    out = repairer.repair_text("Ung dung phan mem Microsoft Office trong cong tac van thu, luu tru")
    assert out == "Ứng dụng phần mềm Microsoft Office trong công tác văn thư, lưu trữ"
