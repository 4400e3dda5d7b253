"""National bodies misspelt in the source are filed under their name; other names are left alone."""

from __future__ import annotations

import pytest

from extractors.citations import extract_citations
from extractors.known_bodies import known_body_spelling
from extractors.organizations import expand_abbreviations


@pytest.mark.parametrize(
    ("written", "filed"),
    [
        ("Thủ tưởng Chính phủ", "Thủ tướng Chính phủ"),  # one mark off (corpus 0134/KH-UBND, Đắk Lắk)
        ("Bộ Tài nguyên Môi trường", "Bộ Tài nguyên và Môi trường"),  # "và" left out (same document)
        ("Bộ Tài Chính", "Bộ Tài chính"),  # a header line in title case (legal_docs, 39 lines)
        ("Bộ trưởng Bộ Tài nguyên Môi trường", "Bộ trưởng Bộ Tài nguyên và Môi trường"),  # the end of a name
        ("Bộ Công an và Bộ Nông nghiệp và Môi trường", "Bộ Công an và Bộ Nông nghiệp và Môi trường"),
        ("Thủ tưởng cơ quan ngang bộ", "Thủ tưởng cơ quan ngang bộ"),  # legal_docs line 24058: no body
        ("Ủy ban nhân dân tỉnh Đắk Lắk", "Ủy ban nhân dân tỉnh Đắk Lắk"),
        ("Bộ Tài chính và", "Bộ Tài chính và"),
    ],
)
def test_known_body_spelling(written: str, filed: str) -> None:
    assert known_body_spelling(written) == filed


def test_an_abbreviated_field_inside_a_name_is_expanded() -> None:
    # legal_docs line 105385; "Bộ Nông nghiệp và PTNT" is how corpus citations of the former ministry read.
    (citation,) = extract_citations(
        "Quyết định 2416/QĐ- UBND ngày 26/11/2021 của Chủ tịch UBND tỉnh Bắc Giang về việc công bố thủ tục"
        " hành chính mới ban hành trong lĩnh vực Đê điều thuộc thẩm quyền giải quyết của Sở Nông nghiệp và PTNT"
    )
    assert citation.issuer == "Chủ tịch Ủy ban nhân dân tỉnh Bắc Giang"
    assert citation.subject is not None
    assert citation.subject.endswith("của Sở Nông nghiệp và PTNT")  # the subject is kept as written
    assert expand_abbreviations("Sở Nông nghiệp và PTNT") == "Sở Nông nghiệp và Phát triển nông thôn"
