"""The store on SQLite and PostgreSQL: migrations, SPEC views, idempotent writes, read-only queries.

Every test taking ``db_url`` runs once per backend (see ``tests/conftest.py``); the PostgreSQL run
uses a throwaway server started from Debian's binaries.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import inspect, text

from extractors.types import (
    CitedDocument,
    DateMention,
    DimensionCount,
    DocumentMeta,
    Extraction,
    IndicatorCount,
    Obligation,
    Organization,
    Period,
    Person,
)
from kehoach.document import Document, Page, Section
from kehoach.errors import ReadOnlyQueryError
from kehoach.store import Store
from models import Base
from models.engine import sqlite_path
from models.migrate import alembic_config, head_revision, upgrade
from models.readonly import sqlite_authorizer

SPEC_VIEWS = {
    "v_documents": ["document_id", "source_path", "sha256", "kind", "status", "error", "doc_type", "number",
                    "issuer", "parent_issuer", "place", "issued_on", "title", "signer", "ingested_at"],
    "v_citations": ["document_id", "doc_type", "number", "issued_on", "issuer", "subject", "cited_document_id"],
    "v_obligations": ["obligation_id", "document_id", "document_number", "document_issuer", "action",
                      "responsible", "deadline", "deadline_precision", "frequency", "recipient", "via",
                      "indicator", "section", "text"],
    "v_people": ["document_id", "name", "honorific", "title", "role"],
    "v_indicators": ["document_id", "code", "mentions"],
    "v_dimensions": ["document_id", "indicator", "code", "name", "mentions"],
    "v_dates": ["document_id", "date", "precision", "role", "text"],
}  # fmt: skip

DISTRICT = "Ủy ban nhân dân Quận 1"
EXTRACTOR_VERSION = "test-1"


def _sha(label: str) -> str:
    return hashlib.sha256(label.encode()).hexdigest()


def district_plan() -> Document:
    """The district's higher-level plan 196/KH-UBND: cited by the school plan below."""
    doc = Document(path=Path("/corpus/196-KH-UBND.pdf"), sha256=_sha("district"), kind="pdf-text")
    doc.pages = [Page(number=1, text="KẾ HOẠCH 196/KH-UBND", method="text-layer")]
    doc.add_text("raw", "KẾ HOẠCH 196/KH-UBND")
    doc.extraction = Extraction(
        document=DocumentMeta(doc_type="Kế hoạch", number="196/KH-UBND", issuer=DISTRICT, issued_on="2024-05-14"),
        dimensions=[DimensionCount("PAPI", "PAPI-6", "Cung ứng dịch vụ công", 3)],
        obligations=[Obligation(action="Tổng hợp báo cáo", responsible="Phòng Nội vụ", frequency="annual",
                                recipient="Ủy ban nhân dân Thành phố")],
    )  # fmt: skip
    return doc


def school_plan(label: str = "school", deadline: str = "2024-11-10") -> Document:
    """A school's PAPI plan, with one of each annotation, built by hand (no extractor involved)."""
    raw = "Kế hoạch 56/KH-MNHL ... Thực hiện báo cáo trước ngày 10 tháng 11 năm 2024 ..."
    doc = Document(path=Path(f"/corpus/{label}.pdf"), sha256=_sha(label), kind="pdf-scan", language="vi")
    doc.pages = [
        Page(number=1, text=raw[:40], method="ocr", confidence=91.5),
        Page(number=2, text=raw[40:], method="ocr", confidence=42.0, low_confidence=True),
    ]
    doc.add_text("raw", raw)
    doc.add_text("repaired", raw)
    doc.ocr = {"engine": "tesseract 5.3", "lang": "vie", "mean_confidence": 66.7}
    doc.repaired = True
    doc.sections = [Section(number="V", title="TỔ CHỨC THỰC HIỆN", level=1, start=20, end=len(raw))]
    doc.extraction = Extraction(
        document=DocumentMeta(
            doc_type="Kế hoạch", number="56/KH-MNHL", issuer="Trường Mầm non Hoa Lư", parent_issuer=DISTRICT,
            place="Quận 1", issued_on="2024-05-20", title="Về cải thiện Chỉ số PAPI năm 2024",
            signer="Trần Thị Trang", recipients=["Phòng Nội vụ Quận 1"],
        ),
        citations=[
            CitedDocument("Kế hoạch", "196/KH-UBND", issued_on="2024-05-14", issuer=DISTRICT,
                          subject="về cải thiện Chỉ số PAPI", start=10, end=30),
            CitedDocument("Luật", None, title="Luật Tiếp cận thông tin", year=2016),
        ],
        dates=[
            DateMention("2024-11-10", "day", "ngày 10 tháng 11 năm 2024", "deadline", 50, 75),
            DateMention("2025-12", "quarter", "Quý IV/2025", "event", 80, 91),
        ],
        periods=[Period(2021, 2025, "giai đoạn 2021 - 2025")],
        indicators=[IndicatorCount("PAPI", 14)],
        dimensions=[DimensionCount("PAPI", "PAPI-6", "Cung ứng dịch vụ công", 2),
                    DimensionCount("PAPI", "PAPI-2", "Công khai, minh bạch", 1)],
        people=[Person("Trần Thị Trang", "Bà", "Hiệu trưởng", "signer")],
        organizations=[Organization(DISTRICT, "people's committee")],
        obligations=[
            Obligation(action="Thực hiện báo cáo", responsible="Thủ trưởng đơn vị", deadline=deadline,
                       deadline_precision="day", recipient=DISTRICT, via="Phòng Nội vụ", indicator="PAPI",
                       section="V", text="Thực hiện báo cáo trước ngày 10 tháng 11 năm 2024", start=40, end=90),
            Obligation(action="Rà soát, đánh giá tình hình", frequency="quarterly", indicator="PAPI"),
        ],
    )  # fmt: skip
    return doc


@pytest.fixture
def store(db_url: str) -> Store:
    opened = Store.open(db_url)
    yield opened
    opened.close()


def rows(store: Store, sql: str, **params: object) -> list[tuple]:
    return store.query(sql, params or None)[1]


def one(store: Store, sql: str, **params: object) -> object:
    return rows(store, sql, **params)[0][0]


def table_counts(store: Store) -> dict[str, int]:
    tables = sorted(Base.metadata.tables)
    return {name: one(store, f"SELECT count(*) FROM {name}") for name in tables}


# -- schema -------------------------------------------------------------------------------------


def test_downgrade_removes_everything_and_upgrade_rebuilds_it(store: Store) -> None:
    with store.engine.begin() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
    assert set(inspect(store.engine).get_table_names()) <= {"alembic_version"}
    assert inspect(store.engine).get_view_names() == []
    upgrade(store.engine)
    assert set(inspect(store.engine).get_view_names()) == set(SPEC_VIEWS)


@pytest.mark.parametrize("view", sorted(SPEC_VIEWS))
def test_migrations_create_spec_view_with_its_columns_in_order(store: Store, view: str) -> None:
    columns, _ = store.query(f"SELECT * FROM {view} WHERE 1 = 0")
    assert columns[: len(SPEC_VIEWS[view])] == SPEC_VIEWS[view]


def test_migration_creates_exactly_the_orm_schema(store: Store) -> None:
    with store.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_open_twice_migrates_once_and_keeps_data(db_url: str) -> None:
    with Store.open(db_url) as first:
        first.save_document(school_plan(), EXTRACTOR_VERSION)
    with Store.open(db_url) as again:
        assert one(again, "SELECT version_num FROM alembic_version") == head_revision()
        assert again.summary()["ok"] == 1


def test_sqlite_store_is_created_with_its_folder_in_wal_mode(sqlite_url: str) -> None:
    with Store.open(sqlite_url):
        pass
    path = sqlite_path(sqlite_url)
    assert path is not None and path.exists()
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


# -- writing and reading back -------------------------------------------------------------------


def test_saved_document_reads_back_through_the_views(store: Store) -> None:
    document_id = store.save_document(school_plan(), EXTRACTOR_VERSION)
    document = rows(store, "SELECT * FROM v_documents WHERE document_id = :id", id=document_id)[0]
    assert document[:14] == (
        document_id, "/corpus/school.pdf", _sha("school"), "pdf-scan", "ok", None, "Kế hoạch", "56/KH-MNHL",
        "Trường Mầm non Hoa Lư", DISTRICT, "Quận 1", "2024-05-20", "Về cải thiện Chỉ số PAPI năm 2024",
        "Trần Thị Trang",
    )  # fmt: skip
    assert rows(
        store, "SELECT number, issuer, subject, cited_document_id FROM v_citations ORDER BY number NULLS LAST"
    ) == [
        ("196/KH-UBND", DISTRICT, "về cải thiện Chỉ số PAPI", None),
        (None, None, None, None),
    ]
    assert rows(store, "SELECT date, precision, role FROM v_dates ORDER BY date") == [
        ("2024-11-10", "day", "deadline"),
        ("2025-12", "quarter", "event"),
    ]
    assert rows(store, "SELECT name, honorific, title, role FROM v_people") == [
        ("Trần Thị Trang", "Bà", "Hiệu trưởng", "signer")
    ]
    assert rows(store, "SELECT code, mentions FROM v_indicators") == [("PAPI", 14)]
    assert rows(store, "SELECT code, name, mentions FROM v_dimensions ORDER BY code") == [
        ("PAPI-2", "Công khai, minh bạch", 1),
        ("PAPI-6", "Cung ứng dịch vụ công", 2),
    ]
    obligation = rows(
        store,
        "SELECT document_number, document_issuer, action, responsible, deadline, deadline_precision, "
        "recipient, via, indicator, section FROM v_obligations WHERE deadline IS NOT NULL",
    )
    assert obligation == [
        ("56/KH-MNHL", "Trường Mầm non Hoa Lư", "Thực hiện báo cáo", "Thủ trưởng đơn vị", "2024-11-10", "day",
         DISTRICT, "Phòng Nội vụ", "PAPI", "V"),
    ]  # fmt: skip


def test_pages_and_text_versions_are_kept_for_reextraction(store: Store) -> None:
    document_id = store.save_document(school_plan(), EXTRACTOR_VERSION)
    (stored,) = store.stored_texts([document_id])
    assert list(stored.texts) == ["raw", "repaired"]
    assert [(p.number, p.method, p.low_confidence) for p in stored.pages] == [
        (1, "ocr", False),
        (2, "ocr", True),
    ]
    again = stored.as_document()
    assert again.text == school_plan().texts["raw"] and again.sha256 == _sha("school")


def test_save_is_idempotent_by_sha256(store: Store) -> None:
    first = store.save_document(school_plan(), EXTRACTOR_VERSION)
    before = table_counts(store)
    assert store.save_document(school_plan(), EXTRACTOR_VERSION) == first
    assert table_counts(store) == before
    assert store.has_document(_sha("school"))


def test_force_replaces_the_stored_document_without_duplicates(store: Store) -> None:
    store.save_document(school_plan(), EXTRACTOR_VERSION)
    before = table_counts(store)
    store.save_document(school_plan(deadline="2024-12-01"), "test-2", force=True)
    assert table_counts(store) == before
    assert one(store, "SELECT deadline FROM v_obligations WHERE deadline IS NOT NULL") == "2024-12-01"
    assert one(store, "SELECT extractor_version FROM v_documents") == "test-2"


def test_failure_row_is_visible_then_replaced_by_a_later_success(store: Store) -> None:
    path, sha = Path("/corpus/school.pdf"), _sha("school")
    failed_id = store.record_failure(path, sha, "pdf-scan", "OcrError: tesseract crashed on page 2")
    assert rows(store, "SELECT document_id, status, error FROM v_documents") == [
        (failed_id, "failed", "OcrError: tesseract crashed on page 2")
    ]
    assert not store.has_document(sha)
    store.save_document(school_plan(), EXTRACTOR_VERSION)
    assert rows(store, "SELECT status, error FROM v_documents") == [("ok", None)]
    assert one(store, "SELECT count(*) FROM ingestion_errors") == 1


def test_unreadable_file_fails_once_per_path_until_it_loads(store: Store) -> None:
    path = Path("/corpus/school.pdf")
    first = store.record_failure(path, None, None, "cannot read file: Permission denied")
    assert store.record_failure(path, None, None, "cannot read file: Permission denied") == first
    assert store.summary() == {"documents": 1, "ok": 0, "failed": 1, "citations": 0, "obligations": 0}
    store.save_document(school_plan(), EXTRACTOR_VERSION)
    assert rows(store, "SELECT status, sha256 FROM v_documents") == [("ok", _sha("school"))]


def test_failure_never_touches_a_good_row(store: Store) -> None:
    good = store.save_document(school_plan(), EXTRACTOR_VERSION)
    assert store.record_failure(Path("/elsewhere/copy.pdf"), _sha("school"), None, "boom") == good
    assert rows(store, "SELECT status, error, source_path FROM v_documents") == [
        ("ok", None, "/corpus/school.pdf")
    ]
    assert store.summary()["obligations"] == 2


def test_deleting_a_document_cascades_to_every_child_table(store: Store) -> None:
    document_id = store.save_document(school_plan(), EXTRACTOR_VERSION)
    with store.engine.begin() as connection:
        connection.execute(text("DELETE FROM documents WHERE id = :id"), {"id": document_id})
    assert set(table_counts(store).values()) == {0}


def test_reextraction_replaces_annotations_and_keeps_pages(store: Store) -> None:
    document_id = store.save_document(school_plan(), EXTRACTOR_VERSION)
    assert store.documents_needing_reextract(EXTRACTOR_VERSION) == []
    assert store.documents_needing_reextract("test-2") == [document_id]
    newer = school_plan(deadline="2024-11-15").extraction
    store.update_extraction(document_id, newer, "test-2", texts={"raw": "x", "repaired": "y"})
    assert store.documents_needing_reextract("test-2") == []
    assert rows(store, "SELECT deadline FROM v_obligations WHERE deadline IS NOT NULL") == [("2024-11-15",)]
    assert one(store, "SELECT count(*) FROM citations") == 2
    assert one(store, "SELECT count(*) FROM pages") == 2
    assert next(store.stored_texts()).texts == {"raw": "x", "repaired": "y"}


# -- citations linking --------------------------------------------------------------------------


def test_cited_document_id_links_when_the_cited_plan_is_stored(store: Store) -> None:
    school = store.save_document(school_plan(), EXTRACTOR_VERSION)
    assert one(store, "SELECT cited_document_id FROM v_citations WHERE number = '196/KH-UBND'") is None
    district = store.save_document(district_plan(), EXTRACTOR_VERSION)
    assert rows(
        store, "SELECT document_id, cited_document_id FROM v_citations WHERE number = '196/KH-UBND'"
    ) == [(school, district)]


def test_same_number_from_another_issuer_is_not_linked(store: Store) -> None:
    other = district_plan()
    other.sha256 = _sha("another district")
    other.extraction.document.issuer = "Ủy ban nhân dân Quận 3"
    store.save_document(other, EXTRACTOR_VERSION)
    store.save_document(school_plan(), EXTRACTOR_VERSION)
    assert one(store, "SELECT cited_document_id FROM v_citations WHERE number = '196/KH-UBND'") is None


# -- the SPEC's analyst questions ---------------------------------------------------------------


def test_spec_analyst_questions_answer_on_stored_plans(store: Store) -> None:
    store.save_document(school_plan(), EXTRACTOR_VERSION)
    store.save_document(school_plan("december", deadline="2024-12-01"), EXTRACTOR_VERSION)
    store.save_document(school_plan("month-only", deadline="2024-11"), EXTRACTOR_VERSION)
    store.save_document(district_plan(), EXTRACTOR_VERSION)
    due = rows(
        store,
        """SELECT document_issuer, action, responsible, deadline, recipient, via
        FROM v_obligations WHERE deadline BETWEEN '2024-11-01' AND '2024-11-30' ORDER BY deadline""",
    )
    assert due == [("Trường Mầm non Hoa Lư", "Thực hiện báo cáo", "Thủ trưởng đơn vị", "2024-11-10", DISTRICT,
                    "Phòng Nội vụ")]  # fmt: skip
    cited = rows(
        store,
        """SELECT doc_type, number, issuer, count(*) AS n FROM v_citations
        GROUP BY 1, 2, 3 ORDER BY n DESC LIMIT 20""",
    )
    assert set(cited) == {("Kế hoạch", "196/KH-UBND", DISTRICT, 3), ("Luật", None, None, 3)}
    implementing = rows(
        store,
        """SELECT d.issuer, d.number, d.issued_on FROM v_citations c
        JOIN v_documents d USING (document_id) WHERE c.number = '196/KH-UBND'""",
    )
    assert implementing == [("Trường Mầm non Hoa Lư", "56/KH-MNHL", "2024-05-20")] * 3
    acted_on = rows(
        store,
        """SELECT d.issuer, m.code, sum(m.mentions) FROM v_dimensions m
        JOIN v_documents d USING (document_id) GROUP BY 1, 2 ORDER BY 1, 2""",
    )
    assert acted_on == [("Trường Mầm non Hoa Lư", "PAPI-2", 3), ("Trường Mầm non Hoa Lư", "PAPI-6", 6),
                        (DISTRICT, "PAPI-6", 3)]  # fmt: skip
    recurring = rows(
        store,
        """SELECT frequency, recipient, count(*) FROM v_obligations
        WHERE frequency IS NOT NULL GROUP BY 1, 2 ORDER BY 1""",
    )
    assert recurring == [("annual", "Ủy ban nhân dân Thành phố", 1), ("quarterly", None, 3)]


def test_deadlines_order_as_iso_text_at_every_precision(store: Store) -> None:
    for label, deadline in [("a", "2025-01-05"), ("b", "2024-12"), ("c", "2024"), ("d", "2024-12-31")]:
        store.save_document(school_plan(label, deadline=deadline), EXTRACTOR_VERSION)
    ordered = rows(store, "SELECT deadline FROM v_obligations WHERE deadline IS NOT NULL ORDER BY deadline")
    assert [r[0] for r in ordered] == ["2024", "2024-12", "2024-12-31", "2025-01-05"]
    due_by = rows(store, "SELECT deadline_due_by FROM v_obligations WHERE deadline = '2024-12'")
    assert str(due_by[0][0]) == "2024-12-31"


def test_relative_deadline_is_stored_and_read_through_v_obligations(store: Store) -> None:
    plan = school_plan()
    plan.extraction.obligations.append(
        Obligation(
            action="Tổng hợp báo cáo UBND Quận", deadline_relative="chậm nhất 01 tháng kể từ khi có kết quả"
        )
    )
    store.save_document(plan, EXTRACTOR_VERSION)
    assert rows(
        store, "SELECT deadline, deadline_relative FROM v_obligations WHERE deadline_relative IS NOT NULL"
    ) == [(None, "chậm nhất 01 tháng kể từ khi có kết quả")]


def test_upgrade_from_the_first_revision_keeps_stored_plans(db_url: str) -> None:
    """A store made by release 0001 (no ``deadline_relative``) upgrades in place, data kept."""
    with Store.open(db_url) as store:
        store.save_document(school_plan(), EXTRACTOR_VERSION)
        with store.engine.begin() as connection:
            config = alembic_config()
            config.attributes["connection"] = connection
            command.downgrade(config, "0001")
        columns, _ = store.query("SELECT * FROM v_obligations WHERE 1 = 0")
        assert "deadline_relative" not in columns
        before = rows(store, "SELECT action, deadline FROM v_obligations ORDER BY obligation_id")
    with Store.open(db_url) as again:  # opening migrates to head
        assert one(again, "SELECT version_num FROM alembic_version") == head_revision()
        assert rows(again, "SELECT action, deadline FROM v_obligations ORDER BY obligation_id") == before
        assert {row[0] for row in rows(again, "SELECT deadline_relative FROM v_obligations")} == {None}


# -- read-only queries --------------------------------------------------------------------------

WRITES = {
    "delete": "DELETE FROM documents",
    "drop": "DROP VIEW v_documents",
    "insert": "INSERT INTO ingestion_errors (path, error, created_at) VALUES ('x', 'y', '2024-01-01')",
    "update": "UPDATE documents SET status = 'failed'",
    "attach": "ATTACH DATABASE '/tmp/kehoach-attached.sqlite' AS other",
    "writable_schema": "PRAGMA writable_schema = 1",
    "multi_statement": "SELECT 1; DELETE FROM documents",
    "copy_to_program": "COPY (SELECT 1) TO PROGRAM 'touch /tmp/kehoach-pwned'",
    "cte_delete": "WITH gone AS (DELETE FROM documents RETURNING id) SELECT count(*) FROM gone",
    "create": "CREATE TABLE scratch (x integer)",
    "select_into": "SELECT * INTO scratch FROM documents",
    "set_config": "SELECT set_config('default_transaction_read_only', 'off', false)",
}


def _fingerprint(store: Store) -> tuple:
    """Row counts, plus the bytes of the database files on SQLite."""
    path = sqlite_path(store.url)
    files = [] if path is None else [p for p in (path, Path(f"{path}-wal")) if p.exists()]
    return table_counts(store), [hashlib.sha256(p.read_bytes()).hexdigest() for p in files]


@pytest.mark.parametrize("sql", list(WRITES.values()), ids=list(WRITES))
def test_query_refuses_writes_and_the_store_is_unchanged(store: Store, sql: str) -> None:
    store.save_document(school_plan(), EXTRACTOR_VERSION)
    before = _fingerprint(store)
    with pytest.raises(ReadOnlyQueryError):
        store.query(sql)
    assert _fingerprint(store) == before
    assert not Path("/tmp/kehoach-pwned").exists()


@pytest.mark.parametrize(
    "sql", [WRITES["delete"], WRITES["update"], WRITES["create"]], ids=["delete", "update", "create"]
)
def test_connection_refuses_writes_even_past_the_text_check(
    store: Store, sql: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Second line of defence: a read-only connection (SQLite ro + authorizer, PostgreSQL READ ONLY)."""
    store.save_document(school_plan(), EXTRACTOR_VERSION)
    before = _fingerprint(store)
    monkeypatch.setattr("kehoach.store.check_read_only_sql", lambda _sql: None)
    with pytest.raises(ReadOnlyQueryError):
        store.query(sql)
    assert _fingerprint(store) == before


def test_sqlite_authorizer_refuses_a_write_the_text_check_never_saw(tmp_path: Path) -> None:
    connection = sqlite3.connect(tmp_path / "plain.sqlite")
    connection.execute("CREATE TABLE t (x integer)")
    connection.set_authorizer(sqlite_authorizer)
    for sql in ["INSERT INTO t VALUES (1)", "DELETE FROM t", "PRAGMA writable_schema = 1", "DROP TABLE t"]:
        with pytest.raises(sqlite3.DatabaseError, match="not authorized"):
            connection.execute(sql)
    assert connection.execute("SELECT count(*) FROM t").fetchone() == (0,)


def test_query_takes_named_parameters_and_keeps_literal_percent_and_colon(store: Store) -> None:
    store.save_document(school_plan(), EXTRACTOR_VERSION)
    assert rows(store, "SELECT number FROM v_documents WHERE issuer LIKE :who", who="Trường%") == [
        ("56/KH-MNHL",)
    ]
    assert rows(store, "SELECT count(*), '10:30' FROM v_documents WHERE number LIKE '56/%'") == [(1, "10:30")]


def test_query_lets_analysts_read_the_schema(store: Store) -> None:
    if store.dialect == "sqlite":
        names = {row[1] for row in rows(store, "PRAGMA table_info(v_obligations)")}
    else:
        names = {row[0] for row in rows(store, "SELECT column_name FROM information_schema.columns "
                                               "WHERE table_name = 'v_obligations' AND table_schema = current_schema()")}  # fmt: skip
    assert set(SPEC_VIEWS["v_obligations"]) <= names


def test_month_query_uses_the_deadline_index_on_sqlite(sqlite_url: str) -> None:
    with Store.open(sqlite_url) as store:
        store.save_document(school_plan(), EXTRACTOR_VERSION)
        plan = rows(store, "EXPLAIN QUERY PLAN SELECT * FROM v_obligations "
                           "WHERE deadline BETWEEN '2024-11-01' AND '2024-11-30'")  # fmt: skip
    assert any("ix_obligations_deadline" in step[-1] for step in plan)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(literal=st.text(alphabet=st.characters(exclude_categories=["Cs", "Cc"]), max_size=40))
def test_any_string_literal_reads_back_unchanged(sqlite_url: str, literal: str) -> None:
    """Keywords, ';' and quotes inside a literal never trip the read-only check."""
    with Store.open(sqlite_url) as store:
        quoted = "'" + literal.replace("'", "''") + "'"
        assert store.query(f"SELECT {quoted} AS value")[1] == [(literal,)]


# -- concurrent loaders -------------------------------------------------------------------------


def _load_all(url: str, start: Any, labels: list[str]) -> list[int]:
    """One loader process: open the store, wait for the other loader, then save every plan."""
    store = Store.open(url)
    start.wait(timeout=60)
    ids = [store.save_document(school_plan(label), EXTRACTOR_VERSION) for label in labels]
    store.close()
    return ids


def test_two_loaders_at_once_store_each_sha256_once(db_url: str) -> None:
    labels = [f"plan-{i}" for i in range(8)]
    context = multiprocessing.get_context("spawn")
    with context.Manager() as manager:
        start = manager.Barrier(2)
        with context.Pool(2) as pool:
            results = pool.starmap(
                _load_all, [(db_url, start, labels), (db_url, start, list(reversed(labels)))]
            )
    assert results[0] == list(reversed(results[1]))  # both saw the same document_id per file
    with Store.open(db_url) as store:
        assert one(store, "SELECT count(*) FROM v_documents") == len(labels)
        assert one(store, "SELECT count(DISTINCT sha256) FROM v_documents") == len(labels)
        assert one(store, "SELECT count(*) FROM v_obligations") == 2 * len(labels)


# -- documentation ------------------------------------------------------------------------------

STORE_DOC = Path(__file__).parents[1] / "docs" / "STORE.md"


def _read_only_role_sql() -> str:
    section = STORE_DOC.read_text(encoding="utf-8").split("### A read-only role for PostgreSQL", 1)[1]
    return section.split("```sql", 1)[1].split("```", 1)[0]


@pytest.mark.postgres
def test_documented_read_only_role_reads_views_and_cannot_write(postgres_url: str) -> None:
    """The role SQL of docs/STORE.md, run as written (database and schema names swapped in)."""
    import psycopg
    from sqlalchemy.engine import make_url

    with Store.open(postgres_url) as owner:
        owner.save_document(school_plan(), EXTRACTOR_VERSION)
    url = make_url(postgres_url)
    schema = url.query["options"].split("=", 1)[1]
    role_sql = _read_only_role_sql().replace("DATABASE kehoach", f'DATABASE "{url.database}"')
    role_sql = role_sql.replace("SCHEMA public", f'SCHEMA "{schema}"')
    libpq = url.set(drivername="postgresql").render_as_string(hide_password=False)
    reader_url = url.set(username="kehoach_reader").render_as_string(hide_password=False)
    with psycopg.connect(libpq, autocommit=True) as admin:
        admin.execute(role_sql)
    try:
        with Store.open(reader_url) as reader:
            assert reader.query("SELECT number FROM v_documents")[1] == [("56/KH-MNHL",)]
        with psycopg.connect(reader_url.replace("+psycopg", ""), autocommit=True) as connection:
            with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
                connection.execute("DELETE FROM documents")
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                connection.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE")
                connection.execute("DELETE FROM documents")
    finally:
        with psycopg.connect(libpq, autocommit=True) as admin:
            admin.execute("DROP OWNED BY kehoach_reader")
            admin.execute("DROP ROLE kehoach_reader")


def test_nul_characters_of_a_text_layer_are_stored_on_both_backends(store: Store) -> None:
    doc = school_plan()
    doc.texts["raw"] = "Kế hoạch\x0056/KH-MNHL"
    doc.pages[0].text = "trang\x001"
    doc.extraction.obligations[0].action = "Báo\x00cáo"
    doc.extraction.document.title = "Kế\x00hoạch"
    document_id = store.save_document(doc, EXTRACTOR_VERSION)
    (stored,) = store.stored_texts([document_id])
    assert stored.texts["raw"] == "Kế hoạch\ufffd56/KH-MNHL"
    assert stored.pages[0].text == "trang\ufffd1"
    assert one(store, "SELECT title FROM v_documents") == "Kế\ufffdhoạch"
    assert "Báo\ufffdcáo" in {r[0] for r in rows(store, "SELECT action FROM v_obligations")}


def test_documented_view_columns_are_the_spec_columns() -> None:
    """docs/STORE.md's view table lists exactly the columns the migration is tested to create."""
    documented = {}
    for line in STORE_DOC.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[0].startswith("`v_"):
            documented[cells[0].strip("`")] = [c.split(" (")[0].strip() for c in cells[1].split(", ")]
    assert documented == SPEC_VIEWS
