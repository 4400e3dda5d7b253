"""People: names with honorific, title and role, on real phrasings (tests/extractors/cases/people*.tsv).

``people.tsv`` has a row per person: every person a text names has a row, so the table also measures
precision (``test_people_finds_exactly_the_labelled_names``). A row with a reason in its last column
is a strict expected failure.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

import pytest

from extractors.people import extract_people

CASES = Path(__file__).parent / "cases"
RAW = Path(__file__).parents[2] / "data" / "raw"
NOT_FOUND = "not found: "


def _rows(name: str) -> list[list[str]]:
    with (CASES / name).open(encoding="utf-8") as handle:
        rows = [
            row
            for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
            if row and not row[0].startswith("#")
        ]
    return [[row[0].replace("\\n", "\n"), *row[1:]] for row in rows]


def _params(rows: list[list[str]], width: int) -> list:
    """Rows as pytest params of ``width`` values; a further column is a strict xfail's reason."""
    params = []
    for index, row in enumerate(rows, start=1):
        reason = row[width] if len(row) > width else ""
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        params.append(pytest.param(*row[:width], marks=marks, id=f"row{index:03d}"))
    return params


PEOPLE = _rows("people.tsv")


@pytest.mark.parametrize(("text", "name", "honorific", "title", "role", "source"), _params(PEOPLE, 6))
def test_people_name_honorific_title_role(
    text: str, name: str, honorific: str, title: str, role: str, source: str
) -> None:
    people = {p.name: p for p in extract_people(text)}
    assert name in people, source
    person = people[name]
    assert (person.honorific or "", person.title or "", person.role) == (honorific, title, role), source
    surface = text[person.start : person.end]
    # a name printed in capitals ("Ông TRẦN ANH TUẤN") is stored in title case, its offsets on the capitals
    assert surface == name or (surface.isupper() and surface == name.upper())


def _texts_with_their_names() -> list:
    names: dict[str, list[str]] = defaultdict(list)
    missed: dict[str, str] = {}
    for row in PEOPLE:
        names[row[0]].append(row[1])
        if len(row) > 6 and row[6].startswith(NOT_FOUND):
            missed[row[0]] = row[6]
    return [
        pytest.param(
            text,
            ";".join(labelled),
            marks=[pytest.mark.xfail(strict=True, reason=missed[text])] if text in missed else [],
            id=f"text{index:03d}",
        )
        for index, (text, labelled) in enumerate(names.items(), start=1)
    ]


@pytest.mark.parametrize(("text", "names"), _texts_with_their_names())
def test_people_finds_exactly_the_labelled_names(text: str, names: str) -> None:
    assert sorted(p.name for p in extract_people(text)) == sorted(set(names.split(";")))


@pytest.mark.parametrize(("text", "source"), _params(_rows("not_people.tsv"), 2))
def test_people_places_and_namesakes_are_not_people(text: str, source: str) -> None:
    assert extract_people(text) == [], source


def test_people_hoa_lu_assignees_match_gold() -> None:
    text = (RAW / "ke-hoach-mn-hoa-lu-papi-2024.txt").read_text(encoding="utf-8")
    found = [(p.name, p.honorific, p.title, p.role) for p in extract_people(text)]
    assert found == [
        ("Trần Thị Trang", "Bà", "Hiệu trưởng", "assignee"),
        ("Nguyễn Thị Như Văn", "Bà", "Phó Hiệu trưởng", "assignee"),
        ("Nguyễn Thị Mỹ Dung", "Bà", "Chủ tịch Công đoàn", "assignee"),
    ]


def test_people_repeated_name_keeps_strongest_role() -> None:
    text = "Giao bà Lê Thị Hoa - Hiệu trưởng phụ trách.\nHIỆU TRƯỞNG\n\nLê Thị Hoa"
    (person,) = extract_people(text)
    assert (person.name, person.title, person.role) == ("Lê Thị Hoa", "Hiệu trưởng", "signer")


@pytest.mark.parametrize(("passage", "names", "source"), _params(_rows("people_passages.tsv"), 3))
def test_people_finds_every_hand_labelled_name_in_corpus_passages(
    passage: str, names: str, source: str
) -> None:
    assert {p.name for p in extract_people(passage)} == set(names.split(";")), source


def test_people_a_name_written_once_with_other_tone_marks_is_the_same_person() -> None:
    # A typo or an OCR mark error in one mention (heldout14: "Vũ Tiễn Lộc" once, "Vũ Tiến Lộc" twice);
    # a different vowel ("Hùng", "Hưng") is a different person.
    text = (
        "Ông Vũ Tiến Lộc, Chủ tịch VCCI phát biểu. Ông Vũ Tiễn Lộc cho biết thêm. Ông Vũ Tiến Lộc nói. "
        "Ông Nguyễn Văn Hùng, Giám đốc Sở Y tế và ông Nguyễn Văn Hưng, Giám đốc Sở Nội vụ dự họp."
    )
    names = [person.name for person in extract_people(text)]
    assert names == ["Vũ Tiến Lộc", "Nguyễn Văn Hùng", "Nguyễn Văn Hưng"]


def test_a_birth_year_and_hien_giu_chuc_vu_stand_between_a_name_and_its_title() -> None:
    # The shape of a 2017 news sentence (heldout19), constructed: "(SN 1961)" after the name, then the post.
    text = "Báo phản ánh việc ông Nguyễn Văn Hưng (SN 1961) - hiện giữ chức vụ Phó chủ tịch UBND xã Chu Phan - dùng bằng giả."
    assert [(p.name, p.title) for p in extract_people(text)] == [
        ("Nguyễn Văn Hưng", "Phó Chủ tịch Ủy ban nhân dân xã Chu Phan")
    ]


def test_an_age_or_birth_year_after_a_full_name_names_a_person() -> None:
    # The shapes of 2017 news sentences (heldout24), constructed: no honorific, no title.
    text = (
        "Đối tượng bị Công an quận bắt giữ là Nguyễn Văn Minh (36 tuổi, trú tại phường Hoàng Liệt). "
        "Cô giáo đưa cháu Phạm Thị Thu Phương (SN 2014) đi vệ sinh."
    )
    assert [(p.name, p.honorific, p.title) for p in extract_people(text)] == [
        ("Nguyễn Văn Minh", None, None),
        ("Phạm Thị Thu Phương", None, None),
    ]


def test_a_profession_before_a_name_gives_way_to_the_post_after_it() -> None:
    # constructed in the press's wording (baomoi_news): "thầy giáo <name>, <post>"; alone, the profession
    text = (
        "Thầy giáo Lê Xuân Sơn, Phó Hiệu trưởng Trường THPT chuyên Phan Bội Châu, cho biết. "
        "Với cô giáo Ngô Thị Thùy Linh, nhà trường tạm đình chỉ công tác."
    )
    assert [(p.name, p.title) for p in extract_people(text)] == [
        ("Lê Xuân Sơn", "Phó Hiệu trưởng Trường THPT chuyên Phan Bội Châu"),
        ("Ngô Thị Thùy Linh", "Cô giáo"),
    ]


def test_a_department_named_by_an_unlisted_abbreviation_keeps_its_place_in_the_title() -> None:
    # heldout24's wording, constructed: "Sở VHTT" (no entry in data/abbreviations.yaml), then the city
    text = "Tại công văn do Phó Giám đốc Sở VHTT Hà Nội Trương Minh Tiến ký ngày 25/1, Sở đề nghị thị xã Sơn Tây."
    assert [(p.name, p.title) for p in extract_people(text)] == [
        ("Trương Minh Tiến", "Phó Giám đốc Sở VHTT Hà Nội")
    ]


def test_a_q_and_a_byline_names_its_lawyer_without_the_page_heading_after_it() -> None:
    # legal_qa's byline, as the corpus writes it 258 times: the label glued to the name, a heading after it
    for text, name in [
        (
            "Tham vấn bởi Luật sư:Nguyễn Thụy Hân Nội dung chính Mức phạt khi tự ý chuyển đất",
            "Nguyễn Thụy Hân",
        ),
        ("Tham vấn bởi Luật sư:Phạm Thanh Hữu Mua bán Đất tại Hà Nội", "Phạm Thanh Hữu"),
    ]:
        assert [(p.name, p.title) for p in extract_people(text)] == [(name, "Luật sư")]


def test_people_listed_after_a_plural_lead_share_its_post() -> None:
    # News (baomoi_news, heldout90): a plural post before "gồm có", then one honorific for a list of names; each
    # listed name is a person with the lead's post, the honorific only where it is written (heldout40's rule).
    text = (
        "Cụ thể, người đứng đầu Sở Nội vụ hiện nay là ông Trần Huy Sáng - Giám đốc; 8 Phó Giám đốc Sở Nội vụ gồm có "
        "ông Nguyễn Ngọc Việt, Nguyễn Văn Hiếu, Phùng Văn Thiệp, Nguyễn Đình Hoa, Ngô Anh Tuấn, Lê Văn Cửu, Phùng Minh "
        "Sơn và bà Nguyễn Thị Thùy."
    )
    people = {p.name: (p.honorific, p.title) for p in extract_people(text)}
    assert people["Trần Huy Sáng"] == ("Ông", "Giám đốc")
    assert people["Nguyễn Ngọc Việt"] == ("Ông", "Phó Giám đốc Sở Nội vụ")
    assert people["Phùng Minh Sơn"] == (None, "Phó Giám đốc Sở Nội vụ")
    assert people["Nguyễn Thị Thùy"] == ("Bà", "Phó Giám đốc Sở Nội vụ")
    assert len(people) == 9


def test_a_name_in_capitals_below_a_signature_title_is_the_signer() -> None:
    # A school's or a scan's signature: the name printed in capitals on its own line under the capacity.
    text = "I. MỤC ĐÍCH\nNội dung kế hoạch của nhà trường.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\nKT. HIỆU TRƯỞNG\nPHÓ HIỆU TRƯỞNG\n\n\nTRẦN THỊ MAI\n"
    people = extract_people(text)
    assert [(p.name, p.title, p.role) for p in people] == [("Trần Thị Mai", "Phó Hiệu trưởng", "signer")]


@pytest.mark.parametrize(
    ("name", "foreign"),
    [
        ("Donald Trump", True),
        ("Theresa May", True),  # "May" spells a Vietnamese syllable, "Theresa" none
        ("Park Geun-hye", True),
        ("Nguyen Van An", False),  # a Vietnamese name that lost its marks (an English-model OCR)
        ("Tan Binh", False),
        ("Toyota Motor", False),  # a brand opens no name (data/foreign_names.yaml not_first_words)
    ],
)
def test_a_foreign_name_has_a_word_no_vietnamese_syllable_spells(name: str, foreign: bool) -> None:
    from extractors.foreign_names import looks_foreign

    assert looks_foreign(name) is foreign
