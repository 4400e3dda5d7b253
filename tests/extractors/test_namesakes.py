"""Namesakes of schools and streets (data/namesakes.tsv, built from the corpus) respell a misspelt tone."""

from __future__ import annotations

import pytest

from extractors.namesakes import namesake_spelling


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Trường Tiểu học Nguyễn Bình Khiêm", "Trường Tiểu học Nguyễn Bỉnh Khiêm"),  # seed 003's own issuer
        ("Trường THCS Trần Hưng Đảo", "Trường THCS Trần Hưng Đạo"),
        ("Trường Tiểu học Nguyễn Bỉnh Khiêm", "Trường Tiểu học Nguyễn Bỉnh Khiêm"),  # already right
        ("Ủy ban nhân dân thành phố Hà Nội", "Ủy ban nhân dân thành phố Hà Nội"),
        ("Trường Mầm non Tuổi Hồng", "Trường Mầm non Tuổi Hồng"),  # no namesake
        ("Trường THPT Nguyễn Văn Hưng", "Trường THPT Nguyễn Văn Hưng"),  # a vowel's shape is never changed
        ("Trường THCS Kim Đông", "Trường THCS Kim Đông"),  # a commune's name, one tone from "Kim Đồng"
        ("Ủy ban nhân dân xã Nguyên Bình", "Ủy ban nhân dân xã Nguyên Bình"),  # only a school's name
    ],
)
def test_namesake_spelling(written: str, expected: str) -> None:
    assert namesake_spelling(written) == expected
