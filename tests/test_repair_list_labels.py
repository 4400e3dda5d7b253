"""Lettered list labels: ``d)`` and ``đ)`` told apart by the list's order (stripped text loses the
stroke, and the language model cannot tell them apart at the start of a line)."""

from __future__ import annotations

from kehoach.repair import Repairer
from kehoach.repair.list_labels import fix_list_labels


def test_label_after_d_is_d_with_stroke() -> None:
    original = ["c) Ba", "d) Bon", "d) Nam", "e) Sau"]
    repaired = ["c) Ba", "d) Bốn", "d) Năm", "e) Sáu"]
    assert fix_list_labels(original, repaired, {0, 1, 2, 3}) == ["c) Ba", "d) Bốn", "đ) Năm", "e) Sáu"]


def test_label_after_c_is_plain_d_even_if_decoded_with_stroke() -> None:
    assert fix_list_labels(["c) x", "d) y"], ["c) x", "đ) y"], {1}) == ["c) x", "d) y"]


def test_label_without_a_previous_label_keeps_the_decoders_choice() -> None:
    assert fix_list_labels(["d) y"], ["đ) y"], {0}) == ["đ) y"]
    assert fix_list_labels(["a) x", "Doan van", "d) y"], ["a) x", "Đoạn văn", "đ) y"], {0, 1, 2})[2] == "đ) y"


def test_paragraph_between_labels_starts_a_new_list() -> None:
    original = ["d) Bon", "Dieu 5. Trach nhiem", "d) Nam"]
    repaired = ["d) Bốn", "Điều 5. Trách nhiệm", "d) Năm"]
    assert fix_list_labels(original, repaired, {0, 1, 2}) == repaired


def test_sub_bullets_inside_an_item_keep_the_list_going() -> None:
    original = ["d) Bon", "- Mot y", "+ Y nho", "d) Nam"]
    repaired = ["d) Bốn", "- Một ý", "+ Ý nhỏ", "d) Năm"]
    assert fix_list_labels(original, repaired, {0, 1, 2, 3})[3] == "đ) Năm"


def test_unrepaired_line_is_never_changed_but_counts_as_previous() -> None:
    original = ["d) Bốn", "d) Nam", "“d) Sau"]
    repaired = ["d) Bốn", "d) Nam", "“d) Sáu"]
    # line 1 was not repaired (not in the changed set): kept; line 2 follows it
    assert fix_list_labels(original, repaired, {2}) == ["d) Bốn", "d) Nam", "“đ) Sáu"]


def test_upper_case_label_keeps_its_case() -> None:
    assert fix_list_labels(["D) x", "D) y"], ["D) x", "D) y"], {1}) == ["D) x", "Đ) y"]


def test_stripped_document_list_labels_follow_the_alphabet() -> None:
    text = "\n".join(
        [
            "a) Tuyen truyen, pho bien ke hoach;",
            "b) Kiem tra, giam sat viec thuc hien;",
            "c) Tong hop ket qua;",
            "d) Bao cao Uy ban nhan dan huyen;",
            "d) Khen thuong to chuc, ca nhan;",
            "e) Cac nhiem vu khac.",
        ]
    )
    labels = [line[:2] for line in Repairer.load().repair_text(text).split("\n")]
    assert labels == ["a)", "b)", "c)", "d)", "đ)", "e)"]
