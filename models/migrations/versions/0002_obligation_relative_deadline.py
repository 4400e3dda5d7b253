"""Obligations keep relative deadlines: ``deadline_relative`` ("chậm nhất 01 tháng kể từ khi ...").

A relative deadline counts from an event the text names, so it has no ISO date; the phrase is
stored as written and added to ``v_obligations`` as its last column (the SPEC allows adding
columns to a view, never renaming or removing one). A store made by revision 0001 is upgraded in
place: its obligations get NULL until their documents are re-extracted.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_V_OBLIGATIONS_0001 = """
    SELECT o.id AS obligation_id, o.document_id, d.number AS document_number,
           d.issuer AS document_issuer, o.action, o.responsible, o.deadline,
           o.deadline_precision, o.frequency, o.recipient, o.via, o.indicator, o.section, o.text,
           o.deadline_due_by
    FROM obligations o JOIN documents d ON d.id = o.document_id"""

_V_OBLIGATIONS_0002 = """
    SELECT o.id AS obligation_id, o.document_id, d.number AS document_number,
           d.issuer AS document_issuer, o.action, o.responsible, o.deadline,
           o.deadline_precision, o.frequency, o.recipient, o.via, o.indicator, o.section, o.text,
           o.deadline_due_by, o.deadline_relative
    FROM obligations o JOIN documents d ON d.id = o.document_id"""


def upgrade() -> None:
    # The view reads the table: drop it first (SQLite's ALTER cannot see through views reliably).
    op.execute("DROP VIEW IF EXISTS v_obligations")
    op.add_column("obligations", sa.Column("deadline_relative", sa.Text(), nullable=True))
    op.execute(f"CREATE VIEW v_obligations AS {_V_OBLIGATIONS_0002}")


def downgrade() -> None:
    op.execute("DROP VIEW IF EXISTS v_obligations")
    with op.batch_alter_table("obligations") as batch:
        batch.drop_column("deadline_relative")
    op.execute(f"CREATE VIEW v_obligations AS {_V_OBLIGATIONS_0001}")
