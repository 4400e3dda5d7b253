"""Tables holding what the extractors found in a document's final text, one row per annotation.

Each mirrors a dataclass of ``extractors.types`` field for field; ``ordinal`` keeps the order the
extractor gave, ``start_offset``/``end_offset`` are offsets into the document's final text version
(named so to avoid SQL's reserved word ``END``). Every row belongs to a document and goes with it
(``ON DELETE CASCADE``), which is how a forced re-ingest or a re-extraction replaces them.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, IsoDateText


def _document_fk() -> Mapped[int]:
    return mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)


class CitationRow(Base):
    """A document cited by this one (``Kế hoạch số 04/KH-UBND``, ``Luật ... năm 2016``)."""

    __tablename__ = "citations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = _document_fk()
    ordinal: Mapped[int] = mapped_column(Integer)
    doc_type: Mapped[str | None] = mapped_column(Text)
    number: Mapped[str | None] = mapped_column(Text, index=True)
    issued_on: Mapped[str | None] = mapped_column(IsoDateText)
    issuer: Mapped[str | None] = mapped_column(Text)
    subject: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    year: Mapped[int | None] = mapped_column(Integer)
    start_offset: Mapped[int] = mapped_column(Integer, default=0)
    end_offset: Mapped[int] = mapped_column(Integer, default=0)


class DateRow(Base):
    """A date mention with its precision and role (issued, cited, deadline, event)."""

    __tablename__ = "dates"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = _document_fk()
    ordinal: Mapped[int] = mapped_column(Integer)
    date: Mapped[str] = mapped_column(IsoDateText, index=True)
    precision: Mapped[str] = mapped_column(String(8))
    role: Mapped[str] = mapped_column(String(16), index=True)
    text: Mapped[str] = mapped_column(Text)
    start_offset: Mapped[int] = mapped_column(Integer, default=0)
    end_offset: Mapped[int] = mapped_column(Integer, default=0)


class PeriodRow(Base):
    """A multi-year period the plan covers (``giai đoạn 2021 - 2025``)."""

    __tablename__ = "periods"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = _document_fk()
    ordinal: Mapped[int] = mapped_column(Integer)
    from_year: Mapped[int] = mapped_column(Integer)
    to_year: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    start_offset: Mapped[int] = mapped_column(Integer, default=0)
    end_offset: Mapped[int] = mapped_column(Integer, default=0)


class IndicatorRow(Base):
    """How often the plan names a governance index (PAPI, PAR_INDEX, SIPAS, PCI, DTI, DDCI)."""

    __tablename__ = "indicators"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = _document_fk()
    code: Mapped[str] = mapped_column(String(16), index=True)
    mentions: Mapped[int] = mapped_column(Integer)


class DimensionRow(Base):
    """How often the plan names a dimension of an index (``PAPI-6`` Cung ứng dịch vụ công)."""

    __tablename__ = "dimensions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = _document_fk()
    indicator: Mapped[str] = mapped_column(String(16))
    code: Mapped[str] = mapped_column(String(16), index=True)
    name: Mapped[str] = mapped_column(Text)
    mentions: Mapped[int] = mapped_column(Integer)


class PersonRow(Base):
    """A named person: the signer, an assignee, or someone mentioned."""

    __tablename__ = "people"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = _document_fk()
    ordinal: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text, index=True)
    honorific: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(16))
    start_offset: Mapped[int] = mapped_column(Integer, default=0)
    end_offset: Mapped[int] = mapped_column(Integer, default=0)


class OrganizationRow(Base):
    """A named body (People's Committee, department, school ...)."""

    __tablename__ = "organizations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = _document_fk()
    ordinal: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text, index=True)
    kind: Mapped[str | None] = mapped_column(Text)


class ObligationRow(Base):
    """Something someone must do, possibly by a deadline, possibly reported to a recipient.

    ``deadline`` is the ISO text at its precision (never a day the text does not state);
    ``deadline_due_by`` is the last day of that period as a typed date (``2025-12`` -> 2025-12-31),
    for sorting and overdue checks.
    ``deadline_relative`` is a span counted from an event ("chậm nhất 01 tháng kể từ khi ..."), kept as
    written because it has no date (revision 0002).
    """

    __tablename__ = "obligations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = _document_fk()
    ordinal: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(Text)
    responsible: Mapped[str | None] = mapped_column(Text)
    deadline: Mapped[str | None] = mapped_column(IsoDateText, index=True)
    deadline_precision: Mapped[str | None] = mapped_column(String(8))
    deadline_due_by: Mapped[date | None] = mapped_column(Date, index=True)
    deadline_relative: Mapped[str | None] = mapped_column(Text)
    frequency: Mapped[str | None] = mapped_column(String(16), index=True)
    recipient: Mapped[str | None] = mapped_column(Text)
    via: Mapped[str | None] = mapped_column(Text)
    indicator: Mapped[str | None] = mapped_column(String(16))
    section: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text, default="")
    start_offset: Mapped[int] = mapped_column(Integer, default=0)
    end_offset: Mapped[int] = mapped_column(Integer, default=0)
