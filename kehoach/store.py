"""The store facade: the only way the runner and the CLI touch the database.

One transaction per document; a document is identified by the SHA-256 of its file (unique in
``documents``), so loading is idempotent and two loaders running at once can never store the same
file twice: SQLite serialises writers (``BEGIN IMMEDIATE``), and on PostgreSQL the loser of a race
hits the unique index, rolls back and finds the winner's row on its retry. Analysts' SQL goes
through :meth:`Store.query`, which only reads (see :mod:`models.readonly`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from alembic.util.exc import CommandError
from sqlalchemy import Engine, delete, func, insert, select, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session

from extractors.types import Extraction
from kehoach.config import default_db_url
from kehoach.document import Document, Page, Section
from kehoach.errors import StoreError, UsageError
from models import (
    CitationRow,
    DocumentRow,
    IngestionErrorRow,
    ObligationRow,
    PageRow,
    SectionRow,
    TextVersionRow,
)
from models.engine import create_store_engine, sqlite_path
from models.migrate import upgrade
from models.readonly import check_read_only_sql, run_server_read_only, run_sqlite_read_only
from models.rows import EXTRACTION_TABLES, extraction_rows, header_values, storable_text

SAVE_ATTEMPTS = 3  # a lost race on the unique sha256 is retried; a third loss means something else


@dataclass(slots=True)
class StoredText:
    """What the store keeps of a document's reading: enough to re-extract without re-OCR."""

    document_id: int
    sha256: str | None
    source_path: str
    kind: str | None
    extractor_version: str | None
    texts: dict[str, str] = field(default_factory=dict)  # in order of creation
    pages: list[Page] = field(default_factory=list)
    ocr: dict[str, Any] | None = None

    def as_document(self) -> Document:
        """A :class:`Document` holding only the raw text and pages, ready for the text stages."""
        doc = Document(path=Path(self.source_path), sha256=self.sha256 or "", kind=self.kind)  # type: ignore[arg-type]
        doc.pages = list(self.pages)
        doc.ocr = self.ocr
        raw = self.texts.get("raw") or next(iter(self.texts.values()), "")
        doc.add_text("raw", raw)
        return doc


class Store:
    """A migrated database holding the documents; open with :meth:`Store.open`."""

    def __init__(self, engine: Engine, url: str) -> None:
        self.engine = engine
        self.url = url

    @classmethod
    def open(cls, url: str | None = None) -> Store:
        """Open (creating and migrating as needed) the store at ``url`` (default: ``KEHOACH_DB`` or SQLite)."""
        url = url or default_db_url()
        try:
            parsed = make_url(url)
        except Exception as error:  # SQLAlchemy raises ArgumentError, ValueError ... for bad URLs
            raise UsageError(f"not a database URL: {url!r} ({error})") from error
        path = sqlite_path(url)
        if parsed.get_backend_name() == "sqlite" and path is None:
            raise UsageError(
                "in-memory SQLite cannot hold a store: give a file (sqlite:///path/kehoach.sqlite)"
            )
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        try:
            engine = create_store_engine(url)
            upgrade(engine)
        except (SQLAlchemyError, CommandError) as error:
            raise StoreError(
                f"cannot open the store {parsed.render_as_string(hide_password=True)}: {error}"
            ) from error
        return cls(engine, url)

    @property
    def url_for_display(self) -> str:
        return make_url(self.url).render_as_string(hide_password=True)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- writing ------------------------------------------------------------------------------

    def has_document(self, sha256: str) -> bool:
        """True when a file with this content is stored successfully (a failed row does not count)."""
        with self.engine.connect() as connection:
            found = connection.scalar(
                select(DocumentRow.id).where(DocumentRow.sha256 == sha256, DocumentRow.status == "ok")
            )
        return found is not None

    def save_document(self, doc: Document, extractor_version: str, force: bool = False) -> int:
        """Store ``doc`` in one transaction and return its document_id.

        A document already stored with the same sha256 is kept as is (idempotent) unless ``force``,
        which replaces it; a failed row for the same content or path is replaced by this success.
        """
        if not doc.sha256:
            raise StoreError(f"{doc.path}: a document needs its sha256 to be stored")
        return self._retry_on_conflict(lambda session: self._save(session, doc, extractor_version, force))

    def record_failure(self, path: Path, sha256: str | None, kind: str | None, error: str) -> int:
        """Record that ``path`` failed; returns the document_id of its ``failed`` row.

        Every failure is logged in ``ingestion_errors``. A good row with the same sha256 is never
        touched (its id is returned); a previous failed row of the same content (or, without a
        sha256, of the same path) is updated rather than duplicated.
        """
        return self._retry_on_conflict(lambda session: self._fail(session, path, sha256, kind, error))

    def update_extraction(
        self,
        document_id: int,
        extraction: Extraction,
        version: str,
        texts: Mapping[str, str] | None = None,
        sections: Iterable[Section] | None = None,
    ) -> None:
        """Replace a stored document's extraction (and, if given, its text versions and sections)."""
        with Session(self.engine) as session, session.begin():
            found = session.scalar(select(DocumentRow.id).where(DocumentRow.id == document_id))
            if found is None:
                raise StoreError(f"no document {document_id} in the store")
            for table in EXTRACTION_TABLES:
                session.execute(delete(table).where(table.document_id == document_id))
            values = {**header_values(extraction.document), "extractor_version": version}
            session.execute(update(DocumentRow).where(DocumentRow.id == document_id).values(**values))
            self._insert_extraction(session, document_id, extraction)
            if texts is not None:
                session.execute(delete(TextVersionRow).where(TextVersionRow.document_id == document_id))
                self._insert_texts(session, document_id, texts)
            if sections is not None:
                session.execute(delete(SectionRow).where(SectionRow.document_id == document_id))
                self._insert_sections(session, document_id, sections)

    # -- reading ------------------------------------------------------------------------------

    def summary(self) -> dict[str, int]:
        """Counts for the end-of-ingest line: documents (all), ok, failed, citations, obligations."""
        with self.engine.connect() as connection:
            by_status = dict(
                connection.execute(
                    select(DocumentRow.status, func.count()).group_by(DocumentRow.status)
                ).all()
            )
            citations = connection.scalar(select(func.count()).select_from(CitationRow)) or 0
            obligations = connection.scalar(select(func.count()).select_from(ObligationRow)) or 0
        ok, failed = by_status.get("ok", 0), by_status.get("failed", 0)
        return {
            "documents": ok + failed,
            "ok": ok,
            "failed": failed,
            "citations": citations,
            "obligations": obligations,
        }

    def documents_needing_reextract(self, current_version: str) -> list[int]:
        """Ids of good documents extracted by another extractor version than ``current_version``."""
        with self.engine.connect() as connection:
            rows = connection.scalars(
                select(DocumentRow.id)
                .where(DocumentRow.status == "ok")
                .where(
                    (DocumentRow.extractor_version != current_version)
                    | DocumentRow.extractor_version.is_(None)
                )
                .order_by(DocumentRow.id)
            )
            return list(rows)

    def stored_texts(self, document_ids: Iterable[int] | None = None) -> Iterator[StoredText]:
        """The stored text versions and pages of good documents (all, or those of ``document_ids``)."""
        wanted = None if document_ids is None else list(document_ids)
        with Session(self.engine) as session:
            query = select(DocumentRow).where(DocumentRow.status == "ok").order_by(DocumentRow.id)
            if wanted is not None:
                query = query.where(DocumentRow.id.in_(wanted))
            for row in session.scalars(query):
                yield _stored_text(row)

    def query(self, sql: str, params: Mapping[str, Any] | None = None) -> tuple[list[str], list[tuple]]:
        """Run one read-only statement; returns (column names, rows). Writes raise ReadOnlyQueryError.

        ``params`` are named (``:name`` in ``sql``) on both backends.
        """
        check_read_only_sql(sql)
        path = sqlite_path(self.url)
        if path is not None:
            return run_sqlite_read_only(path, sql, params)
        return run_server_read_only(self.engine, sql, params)

    # -- internals ----------------------------------------------------------------------------

    def _retry_on_conflict(self, work: Callable[[Session], int]) -> int:
        for attempt in range(SAVE_ATTEMPTS):
            try:
                with Session(self.engine) as session, session.begin():
                    return work(session)
            except IntegrityError as error:
                if attempt == SAVE_ATTEMPTS - 1:
                    raise StoreError(f"could not write to the store: {error.orig}") from error
            except SQLAlchemyError as error:  # lost connection, lock timeout, a value the database refuses
                raise StoreError(f"could not write to the store: {getattr(error, 'orig', error)}") from error
        raise AssertionError("unreachable")

    def _save(self, session: Session, doc: Document, extractor_version: str, force: bool) -> int:
        existing = session.scalar(select(DocumentRow).where(DocumentRow.sha256 == doc.sha256))
        if existing is not None and existing.status == "ok" and not force:
            return existing.id
        if existing is not None:
            session.execute(delete(DocumentRow).where(DocumentRow.id == existing.id))
            session.expunge(existing)
        session.execute(
            delete(DocumentRow).where(
                DocumentRow.status == "failed",
                DocumentRow.sha256.is_(None),
                DocumentRow.source_path == str(doc.path),
            )
        )
        extraction = doc.extraction or Extraction()
        row = DocumentRow(
            source_path=str(doc.path),
            sha256=doc.sha256,
            kind=doc.kind,
            status="ok",
            language=doc.language,
            extractor_version=extractor_version,
            page_count=len(doc.pages) or 1,
            ocr_engine=(doc.ocr or {}).get("engine"),
            ocr_lang=(doc.ocr or {}).get("lang"),
            ocr_mean_confidence=(doc.ocr or {}).get("mean_confidence"),
            repaired=bool(doc.repaired),
            warnings=list(doc.warnings),
            ingested_at=datetime.now(UTC),
            **header_values(extraction.document),
        )
        session.add(row)
        session.flush()
        pages = [
            {"document_id": row.id, "number": p.number, "method": p.method, "confidence": p.confidence,
             "low_confidence": bool(p.low_confidence), "text": storable_text(p.text)}
            for p in doc.pages
        ]  # fmt: skip
        if pages:
            session.execute(insert(PageRow), pages)
        self._insert_texts(session, row.id, doc.texts)
        self._insert_sections(session, row.id, doc.sections)
        self._insert_extraction(session, row.id, extraction)
        return row.id

    def _fail(self, session: Session, path: Path, sha256: str | None, kind: str | None, error: str) -> int:
        now, error = datetime.now(UTC), storable_text(error)
        session.add(IngestionErrorRow(path=str(path), sha256=sha256, kind=kind, error=error, created_at=now))
        if sha256:
            existing = session.scalar(select(DocumentRow).where(DocumentRow.sha256 == sha256))
        else:
            existing = session.scalar(
                select(DocumentRow).where(
                    DocumentRow.sha256.is_(None),
                    DocumentRow.status == "failed",
                    DocumentRow.source_path == str(path),
                )
            )
        if existing is not None and existing.status == "ok":
            return existing.id
        if existing is None:
            existing = DocumentRow(sha256=sha256, status="failed", repaired=False)
            session.add(existing)
        existing.source_path, existing.kind, existing.error, existing.ingested_at = (
            str(path),
            kind,
            error,
            now,
        )
        session.flush()
        return existing.id

    @staticmethod
    def _insert_texts(session: Session, document_id: int, texts: Mapping[str, str]) -> None:
        values = [
            {"document_id": document_id, "name": name, "ordinal": i, "text": storable_text(body)}
            for i, (name, body) in enumerate(texts.items())
        ]
        if values:
            session.execute(insert(TextVersionRow), values)

    @staticmethod
    def _insert_sections(session: Session, document_id: int, sections: Iterable[Section]) -> None:
        values = [
            {"document_id": document_id, "ordinal": i, "number": s.number, "title": s.title, "level": s.level,
             "start_offset": s.start, "end_offset": s.end}
            for i, s in enumerate(sections)
        ]  # fmt: skip
        if values:
            session.execute(insert(SectionRow), values)

    @staticmethod
    def _insert_extraction(session: Session, document_id: int, extraction: Extraction) -> None:
        for table, values in extraction_rows(document_id, extraction).items():
            if values:
                session.execute(insert(table), values)


def _stored_text(row: DocumentRow) -> StoredText:
    pages = [
        Page(
            number=p.number,
            text=p.text,
            method=p.method,
            confidence=p.confidence,
            low_confidence=p.low_confidence,
        )  # type: ignore[arg-type]
        for p in sorted(row.pages, key=lambda p: p.number)
    ]
    texts = {v.name: v.text for v in sorted(row.text_versions, key=lambda v: v.ordinal)}
    ocr = None
    if row.ocr_engine or row.ocr_mean_confidence is not None:
        ocr = {"engine": row.ocr_engine, "lang": row.ocr_lang, "mean_confidence": row.ocr_mean_confidence}
    return StoredText(
        document_id=row.id,
        sha256=row.sha256,
        source_path=row.source_path,
        kind=row.kind,
        extractor_version=row.extractor_version,
        texts=texts,
        pages=pages,
        ocr=ocr,
    )
