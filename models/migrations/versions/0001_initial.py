"""Initial schema: the tables of the store and the SPEC views analysts query.

A snapshot, on purpose independent of ``models/*.py``: later changes to the ORM come as new
revisions, and this file keeps creating exactly the schema that revision 0001 shipped.
Dates are ISO text at their precision (``IsoDate``: byte-order "C" collation on PostgreSQL so that
``BETWEEN '2024-11-01' AND '2024-11-30'`` compares like SQLite does), plus a typed ``DATE`` where the
day is known (``issued_on_date``) or implied (``deadline_due_by``, the last day of the period).

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

IsoDate = sa.Text().with_variant(sa.Text(collation="C"), "postgresql")


def _id() -> sa.Column:
    return sa.Column("id", sa.Integer(), primary_key=True)


def _document_id(table: str) -> sa.Column:
    fk = sa.ForeignKey("documents.id", ondelete="CASCADE", name=f"fk_{table}_document_id_documents")
    return sa.Column("document_id", sa.Integer(), fk, nullable=False)


def _offsets() -> list[sa.Column]:
    return [
        sa.Column("start_offset", sa.Integer(), nullable=False),
        sa.Column("end_offset", sa.Integer(), nullable=False),
    ]


def _child_table(name: str, *columns: sa.Column | sa.Constraint, indexed: Sequence[str] = ()) -> None:
    """A table owned by a document: id, document_id (indexed, cascading) and its own columns."""
    op.create_table(name, _id(), _document_id(name), *columns)
    for column in ("document_id", *indexed):
        op.create_index(f"ix_{name}_{column}", name, [column])


TABLES = (
    "documents",
    "ingestion_errors",
    "pages",
    "text_versions",
    "sections",
    "citations",
    "dates",
    "periods",
    "indicators",
    "dimensions",
    "people",
    "organizations",
    "obligations",
)


def _create_documents() -> None:
    op.create_table(
        "documents",
        _id(),
        sa.Column("source_path", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(64)),
        sa.Column("kind", sa.String(16)),
        sa.Column("status", sa.String(8), nullable=False),
        sa.Column("error", sa.Text()),
        sa.Column("language", sa.String(16)),
        sa.Column("doc_type", sa.Text()),
        sa.Column("number", sa.Text()),
        sa.Column("issuer", sa.Text()),
        sa.Column("parent_issuer", sa.Text()),
        sa.Column("place", sa.Text()),
        sa.Column("issued_on", IsoDate),
        sa.Column("issued_on_date", sa.Date()),
        sa.Column("title", sa.Text()),
        sa.Column("signer", sa.Text()),
        sa.Column("recipients", sa.JSON()),
        sa.Column("extractor_version", sa.String(64)),
        sa.Column("page_count", sa.Integer()),
        sa.Column("ocr_engine", sa.Text()),
        sa.Column("ocr_lang", sa.String(32)),
        sa.Column("ocr_mean_confidence", sa.Float()),
        sa.Column("repaired", sa.Boolean(), nullable=False),
        sa.Column("warnings", sa.JSON()),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("status IN ('ok', 'failed')", name="ck_documents_status"),
    )
    op.create_index("ix_documents_sha256", "documents", ["sha256"], unique=True)
    for column in ("status", "number", "issuer", "issued_on", "extractor_version"):
        op.create_index(f"ix_documents_{column}", "documents", [column])
    op.create_table(
        "ingestion_errors",
        _id(),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(64)),
        sa.Column("kind", sa.String(16)),
        sa.Column("error", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_ingestion_errors_sha256", "ingestion_errors", ["sha256"])


def _create_source_tables() -> None:
    _child_table(
        "pages",
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("method", sa.String(16), nullable=False),
        sa.Column("confidence", sa.Float()),
        sa.Column("low_confidence", sa.Boolean(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.UniqueConstraint("document_id", "number", name="uq_pages_document_id_number"),
    )
    _child_table(
        "text_versions",
        sa.Column("name", sa.String(32), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.UniqueConstraint("document_id", "name", name="uq_text_versions_document_id_name"),
    )
    _child_table(
        "sections",
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("number", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        *_offsets(),
    )


def _create_extraction_tables() -> None:
    _child_table(
        "citations",
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("doc_type", sa.Text()),
        sa.Column("number", sa.Text()),
        sa.Column("issued_on", IsoDate),
        sa.Column("issuer", sa.Text()),
        sa.Column("subject", sa.Text()),
        sa.Column("title", sa.Text()),
        sa.Column("year", sa.Integer()),
        *_offsets(),
        indexed=["number"],
    )
    _child_table(
        "dates",
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("date", IsoDate, nullable=False),
        sa.Column("precision", sa.String(8), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        *_offsets(),
        indexed=["date", "role"],
    )
    _child_table(
        "periods",
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("from_year", sa.Integer(), nullable=False),
        sa.Column("to_year", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        *_offsets(),
    )
    _child_table(
        "indicators",
        sa.Column("code", sa.String(16), nullable=False),
        sa.Column("mentions", sa.Integer(), nullable=False),
        indexed=["code"],
    )
    _child_table(
        "dimensions",
        sa.Column("indicator", sa.String(16), nullable=False),
        sa.Column("code", sa.String(16), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("mentions", sa.Integer(), nullable=False),
        indexed=["code"],
    )
    _child_table(
        "people",
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("honorific", sa.Text()),
        sa.Column("title", sa.Text()),
        sa.Column("role", sa.String(16), nullable=False),
        *_offsets(),
        indexed=["name"],
    )
    _child_table(
        "organizations",
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text()),
        indexed=["name"],
    )
    _child_table(
        "obligations",
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("responsible", sa.Text()),
        sa.Column("deadline", IsoDate),
        sa.Column("deadline_precision", sa.String(8)),
        sa.Column("deadline_due_by", sa.Date()),
        sa.Column("frequency", sa.String(16)),
        sa.Column("recipient", sa.Text()),
        sa.Column("via", sa.Text()),
        sa.Column("indicator", sa.String(16)),
        sa.Column("section", sa.Text()),
        sa.Column("text", sa.Text(), nullable=False),
        *_offsets(),
        indexed=["deadline", "deadline_due_by", "frequency"],
    )


# The SPEC's views: the stable face of the store. Columns may be added at the end, never renamed.
# A citation links to a stored document (cited_document_id) when the numbers match and neither
# the issuer nor the year contradicts: "04/KH-UBND" is issued by hundreds of People's Committees.
VIEWS: dict[str, str] = {
    "v_documents": """
        SELECT d.id AS document_id, d.source_path, d.sha256, d.kind, d.status, d.error,
               d.doc_type, d.number, d.issuer, d.parent_issuer, d.place, d.issued_on, d.title,
               d.signer, d.ingested_at,
               d.extractor_version, d.page_count AS pages, d.ocr_mean_confidence, d.repaired
        FROM documents d""",
    "v_citations": """
        SELECT c.document_id, c.doc_type, c.number, c.issued_on, c.issuer, c.subject,
               (SELECT min(t.id) FROM documents t
                WHERE t.status = 'ok' AND t.number = c.number AND t.id <> c.document_id
                  AND (c.issuer IS NULL OR t.issuer IS NULL OR lower(t.issuer) = lower(c.issuer))
                  AND (c.issued_on IS NULL OR t.issued_on IS NULL
                       OR substr(t.issued_on, 1, 4) = substr(c.issued_on, 1, 4))
               ) AS cited_document_id,
               c.title, c.year, c.id AS citation_id
        FROM citations c""",
    "v_obligations": """
        SELECT o.id AS obligation_id, o.document_id, d.number AS document_number,
               d.issuer AS document_issuer, o.action, o.responsible, o.deadline,
               o.deadline_precision, o.frequency, o.recipient, o.via, o.indicator, o.section, o.text,
               o.deadline_due_by
        FROM obligations o JOIN documents d ON d.id = o.document_id""",
    "v_people": """
        SELECT p.document_id, p.name, p.honorific, p.title, p.role
        FROM people p""",
    "v_indicators": """
        SELECT i.document_id, i.code, i.mentions
        FROM indicators i""",
    "v_dimensions": """
        SELECT m.document_id, m.indicator, m.code, m.name, m.mentions
        FROM dimensions m""",
    "v_dates": """
        SELECT t.document_id, t.date, t.precision, t.role, t.text
        FROM dates t""",
}


def upgrade() -> None:
    _create_documents()
    _create_source_tables()
    _create_extraction_tables()
    for name, select in VIEWS.items():
        op.execute(f"CREATE VIEW {name} AS {select}")


def downgrade() -> None:
    for name in reversed(VIEWS):
        op.execute(f"DROP VIEW IF EXISTS {name}")
    for table in reversed(TABLES):
        op.drop_table(table)
