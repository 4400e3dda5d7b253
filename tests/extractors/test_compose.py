"""extract_all: every extractor in one Extraction, signer reconciled with the header reader."""

from __future__ import annotations

from pathlib import Path

from extractors.compose import _ensure_signer, extract_all
from extractors.types import Person

RAW = Path(__file__).parents[2] / "data" / "raw"


def test_extract_all_nguyen_binh_khiem_seed() -> None:
    text = (RAW / "ke-hoach-th-nguyen-binh-khiem-par-index-2025.md").read_text(encoding="utf-8")
    extraction = extract_all(text)
    assert [(p.name, p.role) for p in extraction.people] == [("Đỗ Ngọc Chi", "signer")]
    assert [i.code for i in extraction.indicators] == ["PAR_INDEX", "SIPAS", "PCI", "DTI", "DDCI"]
    due = [o for o in extraction.obligations if o.deadline]
    assert [(o.deadline, o.recipient, o.via) for o in due] == [
        ("2025-05-30", "Ủy ban nhân dân Quận 1", "Phòng Nội vụ")
    ]
    assert "2025-05-30" in {d.date for d in extraction.dates if d.role == "deadline"}
    assert set(extraction.to_dict()) == {
        "document",
        "citations",
        "dates",
        "periods",
        "indicators",
        "dimensions",
        "people",
        "organizations",
        "obligations",
    }


def test_ensure_signer_marks_a_known_person_or_adds_one() -> None:
    people = [Person(name="Lê Thị Hoa", title="Hiệu trưởng", role="assignee")]
    _ensure_signer(people, "Lê Thị Hoa")
    assert [(p.name, p.role) for p in people] == [("Lê Thị Hoa", "signer")]
    _ensure_signer(people, "Phạm Văn Nam")
    assert [(p.name, p.role) for p in people] == [("Lê Thị Hoa", "signer"), ("Phạm Văn Nam", "signer")]
    _ensure_signer(people, None)
    assert len(people) == 2


def test_compose_signer_of_one_line_block_gets_the_office_stated_before_the_name() -> None:
    # Held-out (legal_docs 160/KH-UBND): "KT. CHỦ TỊCH" is the office signed for, "PHÓ CHỦ TỊCH" the signer's.
    text = (
        "Số: 160/KH-UBND\nKẾ HOẠCH\nNội dung.\nTM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Trần Chí Hùng\n"
    )
    signers = [p for p in extract_all(text).people if p.role == "signer"]
    assert [(p.name, p.title) for p in signers] == [("Trần Chí Hùng", "Phó Chủ tịch")]
