"""Names read without their marks by Tesseract vie get them from the same name elsewhere in the text."""

from __future__ import annotations

from kehoach.repair.marked_names import restore_marked_names

HEADER = "ỦY BAN NHÂN DÂN QUẬN 1\nỦY BAN NHÂN DÂN\nPHƯƠNG BEN NGHE\nSố: 45/KH-UBND\n"


def test_header_name_takes_the_marks_the_date_line_gives_it() -> None:
    text = HEADER + "Bến Nghé, ngày 12 tháng 3 năm 2025"
    assert restore_marked_names(text).split("\n")[2] == "PHƯƠNG BẾN NGHÉ"  # "PHƯƠNG" is left to the decoder


def test_title_case_run_and_text_without_evidence() -> None:
    assert restore_marked_names("tại Ha Noi và Hà Nội") == "tại Hà Nội và Hà Nội"
    assert restore_marked_names(HEADER) == HEADER  # no marked spelling in the text: nothing to learn
    assert restore_marked_names("UBND Quận 1 và UBND quan 1") == "UBND Quận 1 và UBND quan 1"  # one syllable
