"""Tables about the source file itself: documents, pages, text versions, sections, failures.

The tables are the store's inside; analysts query the SPEC views (``v_documents`` ...) created by
the migrations. Dates keep two forms: an ISO text column at its precision (``issued_on``:
"2024-11-10", "2025-12", "2025"), which is what the views show and what SQL compares as text on
both backends, and a typed ``DATE`` column (``issued_on_date``) filled only when the day is known,
for date arithmetic on PostgreSQL.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, IsoDateText

DOCUMENT_STATUSES = ("ok", "failed")


class DocumentRow(Base):
    """One ingested file: its identity (sha256), its status and the extracted header fields."""

    __tablename__ = "documents"
    __table_args__ = (CheckConstraint("status IN ('ok', 'failed')", name="status"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_path: Mapped[str] = mapped_column(Text)
    # NULL only for a failed file that could not even be read; unique so that concurrent loaders
    # can never store the same content twice (NULLs do not collide on SQLite or PostgreSQL).
    sha256: Mapped[str | None] = mapped_column(String(64), unique=True, index=True)
    kind: Mapped[str | None] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(8), default="ok", index=True)
    error: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(16))
    doc_type: Mapped[str | None] = mapped_column(Text)
    number: Mapped[str | None] = mapped_column(Text, index=True)
    issuer: Mapped[str | None] = mapped_column(Text, index=True)
    parent_issuer: Mapped[str | None] = mapped_column(Text)
    place: Mapped[str | None] = mapped_column(Text)
    issued_on: Mapped[str | None] = mapped_column(IsoDateText, index=True)
    issued_on_date: Mapped[date | None] = mapped_column(Date)
    title: Mapped[str | None] = mapped_column(Text)
    signer: Mapped[str | None] = mapped_column(Text)
    recipients: Mapped[list[str] | None] = mapped_column(JSON)
    extractor_version: Mapped[str | None] = mapped_column(String(64), index=True)
    page_count: Mapped[int | None] = mapped_column(Integer)
    ocr_engine: Mapped[str | None] = mapped_column(Text)
    ocr_lang: Mapped[str | None] = mapped_column(String(32))
    ocr_mean_confidence: Mapped[float | None] = mapped_column(Float)
    repaired: Mapped[bool] = mapped_column(Boolean, default=False)
    warnings: Mapped[list[str] | None] = mapped_column(JSON)
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    pages: Mapped[list[PageRow]] = relationship(
        back_populates="document", cascade="all, delete-orphan", passive_deletes=True
    )
    text_versions: Mapped[list[TextVersionRow]] = relationship(
        back_populates="document", cascade="all, delete-orphan", passive_deletes=True
    )


class PageRow(Base):
    """One page as read: by its text layer or by OCR, with Tesseract's mean confidence."""

    __tablename__ = "pages"
    __table_args__ = (UniqueConstraint("document_id", "number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    method: Mapped[str] = mapped_column(String(16))
    confidence: Mapped[float | None] = mapped_column(Float)
    low_confidence: Mapped[bool] = mapped_column(Boolean, default=False)
    text: Mapped[str] = mapped_column(Text)

    document: Mapped[DocumentRow] = relationship(back_populates="pages")


class TextVersionRow(Base):
    """A named text version (raw, normalized, repaired): re-extraction reads these, not the file."""

    __tablename__ = "text_versions"
    __table_args__ = (UniqueConstraint("document_id", "name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(32))
    ordinal: Mapped[int] = mapped_column(Integer)  # order of creation; the last one is the final text
    text: Mapped[str] = mapped_column(Text)

    document: Mapped[DocumentRow] = relationship(back_populates="text_versions")


class SectionRow(Base):
    """A heading of the plan (I, 1, a ...) with its span in the final text."""

    __tablename__ = "sections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    ordinal: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text)
    level: Mapped[int] = mapped_column(Integer)
    start_offset: Mapped[int] = mapped_column(Integer)
    end_offset: Mapped[int] = mapped_column(Integer)


class IngestionErrorRow(Base):
    """Append-only log of every failure, kept even when a later run succeeds on the same file."""

    __tablename__ = "ingestion_errors"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    path: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str | None] = mapped_column(String(64), index=True)
    kind: Mapped[str | None] = mapped_column(String(16))
    error: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
