"""Turn an :class:`extractors.types.Extraction` into row values for the extraction tables.

Kept apart from the store's transaction logic so that saving a new document and re-extracting a
stored one build exactly the same rows. Dates stay ISO text at their precision; the typed date
columns are derived here, never a day the text did not state in the text column.
"""

from __future__ import annotations

import calendar
from datetime import date
from typing import Any

from extractors.types import DocumentMeta, Extraction
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

EXTRACTION_TABLES: tuple[type[Base], ...] = (
    CitationRow,
    DateRow,
    PeriodRow,
    IndicatorRow,
    DimensionRow,
    PersonRow,
    OrganizationRow,
    ObligationRow,
)


def exact_day(iso: str | None) -> date | None:
    """The date of a full ``YYYY-MM-DD`` string; None for a month, a year or garbage."""
    if not iso or len(iso) != 10:
        return None
    try:
        return date.fromisoformat(iso)
    except ValueError:
        return None


def last_day_of(iso: str | None) -> date | None:
    """The last day of the period an ISO string at its precision names ("2025-12" -> 2025-12-31).

    A quarter is written as its last month by the SPEC ("Quý IV/2025" -> "2025-12"), so month and
    quarter precision give the same answer.
    """
    if not iso:
        return None
    try:
        if len(iso) == 10:
            return date.fromisoformat(iso)
        if len(iso) == 7:
            year, month = int(iso[:4]), int(iso[5:7])
            return date(year, month, calendar.monthrange(year, month)[1])
        if len(iso) == 4:
            return date(int(iso), 12, 31)
    except ValueError:
        return None
    return None


def storable_text(value: str) -> str:
    """``value`` with NUL characters replaced by U+FFFD, one for one (offsets stay valid).

    PostgreSQL's text type refuses NUL, which PDF text layers and OCR output sometimes hold.
    """
    return value.replace("\x00", "\ufffd")


def header_values(meta: DocumentMeta) -> dict[str, Any]:
    """The ``documents`` columns that come from the extracted header."""
    values = {
        "doc_type": meta.doc_type,
        "number": meta.number,
        "issuer": meta.issuer,
        "parent_issuer": meta.parent_issuer,
        "place": meta.place,
        "issued_on": meta.issued_on,
        "issued_on_date": exact_day(meta.issued_on),
        "title": meta.title,
        "signer": meta.signer,
        "recipients": [storable_text(r) for r in meta.recipients],
    }
    return {key: storable_text(v) if isinstance(v, str) else v for key, v in values.items()}


def extraction_rows(document_id: int, extraction: Extraction) -> dict[type[Base], list[dict[str, Any]]]:
    """Row values per extraction table, in the extractor's order (``ordinal``)."""
    x = extraction
    rows: dict[type[Base], list[dict[str, Any]]] = {
        CitationRow: [
            {"doc_type": c.doc_type, "number": c.number, "issued_on": c.issued_on, "issuer": c.issuer,
             "subject": c.subject, "title": c.title, "year": c.year, **_span(c)}
            for c in x.citations
        ],
        DateRow: [
            {"date": d.date, "precision": d.precision, "role": d.role, "text": d.text, **_span(d)}
            for d in x.dates
        ],
        PeriodRow: [
            {"from_year": p.from_year, "to_year": p.to_year, "text": p.text, **_span(p)} for p in x.periods
        ],
        IndicatorRow: [{"code": i.code, "mentions": i.mentions} for i in x.indicators],
        DimensionRow: [
            {"indicator": m.indicator, "code": m.code, "name": m.name, "mentions": m.mentions}
            for m in x.dimensions
        ],
        PersonRow: [
            {"name": p.name, "honorific": p.honorific, "title": p.title, "role": p.role, **_span(p)}
            for p in x.people
        ],
        OrganizationRow: [{"name": o.name, "kind": o.kind} for o in x.organizations],
        ObligationRow: [
            {"action": o.action, "responsible": o.responsible, "deadline": o.deadline,
             "deadline_precision": o.deadline_precision, "deadline_due_by": last_day_of(o.deadline),
             "deadline_relative": o.deadline_relative,
             "frequency": o.frequency, "recipient": o.recipient, "via": o.via, "indicator": o.indicator,
             "section": o.section, "text": o.text, **_span(o)}
            for o in x.obligations
        ],
    }  # fmt: skip
    ordered = {CitationRow, DateRow, PeriodRow, PersonRow, OrganizationRow, ObligationRow}
    for table, values in rows.items():
        for ordinal, value in enumerate(values):
            for key, item in value.items():
                if isinstance(item, str):
                    value[key] = storable_text(item)
            value["document_id"] = document_id
            if table in ordered:
                value["ordinal"] = ordinal
    return rows


def _span(annotation: Any) -> dict[str, int]:
    return {"start_offset": annotation.start, "end_offset": annotation.end}
