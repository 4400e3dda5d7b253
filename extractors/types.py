"""Typed annotations that every extractor yields.

The field names are the SPEC's JSON keys (``kehoach extract --format json``); ``to_dict`` is the
only serialisation. ``start``/``end`` are offsets into the text the extractor was given.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

DateRole = Literal["issued", "cited", "deadline", "event"]
Precision = Literal["day", "month", "quarter", "year"]
Frequency = Literal["monthly", "quarterly", "biannual", "annual"]
PersonRole = Literal["signer", "assignee", "mentioned"]


@dataclass(slots=True)
class DocumentMeta:
    doc_type: str | None = None
    number: str | None = None
    issuer: str | None = None
    parent_issuer: str | None = None
    place: str | None = None
    issued_on: str | None = None
    title: str | None = None
    signer: str | None = None
    recipients: list[str] = field(default_factory=list)


@dataclass(slots=True)
class CitedDocument:
    doc_type: str | None
    number: str | None
    issued_on: str | None = None
    issuer: str | None = None
    subject: str | None = None
    title: str | None = None
    year: int | None = None
    start: int = 0
    end: int = 0


@dataclass(slots=True)
class DateMention:
    date: str
    precision: Precision
    text: str
    role: DateRole
    start: int
    end: int


@dataclass(slots=True)
class Period:
    from_year: int
    to_year: int
    text: str
    start: int = 0
    end: int = 0


@dataclass(slots=True)
class IndicatorCount:
    code: str
    mentions: int


@dataclass(slots=True)
class DimensionCount:
    indicator: str
    code: str
    name: str
    mentions: int


@dataclass(slots=True)
class Person:
    name: str
    honorific: str | None = None
    title: str | None = None
    role: PersonRole = "mentioned"
    start: int = 0
    end: int = 0


@dataclass(slots=True)
class Organization:
    name: str
    kind: str | None = None


@dataclass(slots=True)
class Obligation:
    action: str
    responsible: str | None = None
    deadline: str | None = None
    deadline_precision: Precision | None = None
    # A span counted from an event ("chậm nhất 01 tháng kể từ khi ..."): the phrase, no ISO date.
    deadline_relative: str | None = None
    frequency: Frequency | None = None
    recipient: str | None = None
    via: str | None = None
    indicator: str | None = None
    section: str | None = None
    text: str = ""
    start: int = 0
    end: int = 0


@dataclass(slots=True)
class Extraction:
    """Everything extracted from one text; serialises to the SPEC's JSON (minus ``source``/``text``)."""

    document: DocumentMeta = field(default_factory=DocumentMeta)
    citations: list[CitedDocument] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    periods: list[Period] = field(default_factory=list)
    indicators: list[IndicatorCount] = field(default_factory=list)
    dimensions: list[DimensionCount] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    obligations: list[Obligation] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
