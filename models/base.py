"""Declarative base shared by every table of the store.

The naming convention gives every index and constraint a stable, predictable name, so that later
Alembic migrations can refer to them by name on SQLite (batch mode) and PostgreSQL alike.
"""

from __future__ import annotations

from sqlalchemy import JSON, MetaData, Text
from sqlalchemy.orm import DeclarativeBase

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# ISO date strings at their precision ("2024-11-10", "2025-12", "2025") are compared as text
# (``deadline BETWEEN '2024-11-01' AND '2024-11-30'``). On PostgreSQL these columns use the
# byte-order "C" collation, so that their order never depends on the server's locale (locale
# collations skip punctuation) and ``LIKE '2024-11%'`` can use the index; SQLite's default BINARY
# collation is already byte order.
IsoDateText = Text().with_variant(Text(collation="C"), "postgresql")


class Base(DeclarativeBase):
    """Base class of the ORM; ``Base.metadata`` is what Alembic autogenerates against."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {dict: JSON, list: JSON}
