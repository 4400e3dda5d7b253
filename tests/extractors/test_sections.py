"""Sections: numbering read through export remnants, levels and nesting."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from extractors.sections import ancestors, parse_sections, section_at

CASES = Path(__file__).parent / "cases"
RAW = Path(__file__).parents[2] / "data" / "raw"


def _rows(name: str) -> list[list[str]]:
    with (CASES / name).open(encoding="utf-8") as handle:
        return [row for row in csv.reader(handle, delimiter="\t") if row and not row[0].startswith("#")]


@pytest.mark.parametrize(("line", "number", "level", "kind", "title", "source"), _rows("sections.tsv"))
def test_sections_reads_number_level_kind_title(
    line: str, number: str, level: str, kind: str, title: str, source: str
) -> None:
    (section,) = parse_sections(line)
    assert (section.number, section.level, section.kind, section.title) == (
        number,
        int(level),
        kind,
        title,
    ), source
    assert line[section.title_start :] == title


@pytest.mark.parametrize(("line", "source"), _rows("not_sections.tsv"))
def test_sections_ignores_lines_that_are_not_headings(line: str, source: str) -> None:
    assert parse_sections(line) == [], source


def test_sections_nesting_spans_and_parents() -> None:
    text = "I. NHIỆM VỤ\n1. Văn phòng\n- Tham mưu A.\n- Tham mưu B.\n2. Công an\na) Phối hợp.\nII. TỔ CHỨC\nNội dung."
    sections = parse_sections(text)
    assert [(s.number, s.parent) for s in sections] == [
        ("I", None),
        ("1", 0),
        ("-", 1),
        ("-", 1),
        ("2", 0),
        ("a", 4),
        ("II", None),
    ]
    assert text[sections[1].start : sections[1].end] == "1. Văn phòng\n- Tham mưu A.\n- Tham mưu B."
    assert text[sections[0].start : sections[0].end].endswith("a) Phối hợp.")
    assert text[sections[6].start : sections[6].end] == "II. TỔ CHỨC\nNội dung."
    inner = section_at(sections, text.index("Tham mưu B"))
    assert [sections[i].number for i in ancestors(sections, inner)] == ["-", "1", "I"]


def test_sections_bullets_directly_under_roman_nest_there() -> None:
    sections = parse_sections("III. TỔ CHỨC THỰC HIỆN\n- Triển khai thực hiện.\n- Báo cáo kết quả.")
    assert [s.parent for s in sections] == [None, 0, 0]


def test_sections_van_phuc_has_three_top_level_parts() -> None:
    text = (RAW / "ke-hoach-phuong-van-phuc-papi-2021-2025.txt").read_text(encoding="utf-8")
    top = [s.number + ". " + s.title for s in parse_sections(text) if s.parent is None]
    assert top == ["I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG", "III. TỔ CHỨC THỰC HIỆN"]


def test_chapters_and_articles_of_a_regulation_nest_their_items() -> None:
    # Quy chế attached to Quyết định 144/2025/QĐ-CTUBND Đồng Tháp (legal_docs, heldout15)
    text = (
        "Chương III\nTRÁCH NHIỆM\nĐiều 14. Trách nhiệm của Sở Khoa học và Công nghệ\n"
        "1. Quản lý, hướng dẫn, kiểm tra các thuê bao.\n4. Định kỳ hoặc đột xuất báo cáo Ủy ban nhân dân Tỉnh.\n"
        "Điều 15. Trách nhiệm của cơ quan, tổ chức quản lý trực tiếp\n1. Tổ chức triển khai.\n"
    )
    sections = parse_sections(text)
    assert [(s.kind, s.number) for s in sections] == [
        ("chapter", "Chương III"),
        ("article", "Điều 14"),
        ("arabic", "1"),
        ("arabic", "4"),
        ("article", "Điều 15"),
        ("arabic", "1"),
    ]
    assert [s.parent for s in sections] == [None, 0, 1, 1, 0, 4]


def test_a_sentence_opening_with_an_article_reference_is_no_heading() -> None:
    assert parse_sections("Điều 5 Nghị định số 123/2020/NĐ-CP quy định như sau\n") == []
