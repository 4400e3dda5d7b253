"""The store's ORM (SQLAlchemy 2.0) and its Alembic migrations; knows nothing of OCR or extraction."""

from models.base import Base
from models.extraction_tables import (
    CitationRow,
    DateRow,
    DimensionRow,
    IndicatorRow,
    ObligationRow,
    OrganizationRow,
    PeriodRow,
    PersonRow,
)
from models.tables import DocumentRow, IngestionErrorRow, PageRow, SectionRow, TextVersionRow

__all__ = [
    "Base",
    "CitationRow",
    "DateRow",
    "DimensionRow",
    "DocumentRow",
    "IndicatorRow",
    "IngestionErrorRow",
    "ObligationRow",
    "OrganizationRow",
    "PageRow",
    "PeriodRow",
    "PersonRow",
    "SectionRow",
    "TextVersionRow",
]
