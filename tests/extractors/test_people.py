"""People: names with honorific, title and role, on real phrasings (tests/extractors/cases/people.tsv)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from extractors.people import extract_people

CASES = Path(__file__).parent / "cases"
RAW = Path(__file__).parents[2] / "data" / "raw"


def _rows(name: str) -> list[list[str]]:
    with (CASES / name).open(encoding="utf-8") as handle:
        rows = [row for row in csv.reader(handle, delimiter="\t") if row and not row[0].startswith("#")]
    return [[row[0].replace("\\n", "\n"), *row[1:]] for row in rows]


@pytest.mark.parametrize(("text", "name", "honorific", "title", "role", "source"), _rows("people.tsv"))
def test_people_name_honorific_title_role(
    text: str, name: str, honorific: str, title: str, role: str, source: str
) -> None:
    people = {p.name: p for p in extract_people(text)}
    assert name in people, source
    person = people[name]
    assert (person.honorific or "", person.title or "", person.role) == (honorific, title, role), source
    assert text[person.start : person.end] == name


@pytest.mark.parametrize(("text", "source"), _rows("not_people.tsv"))
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


@pytest.mark.parametrize(("passage", "names", "source"), _rows("people_passages.tsv"))
def test_people_finds_every_hand_labelled_name_in_corpus_passages(
    passage: str, names: str, source: str
) -> None:
    assert {p.name for p in extract_people(passage)} == set(names.split(";")), source
