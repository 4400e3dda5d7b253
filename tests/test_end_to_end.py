"""The whole pipeline on the sample corpus: data/raw/ into a temporary store, checked through the views."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kehoach.errors import ReadOnlyQueryError
from kehoach.ingest import ingest
from kehoach.store import Store

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "data" / "raw"
GOLD = ROOT / "tests" / "gold"
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Store, str, object]:
    processed = tmp_path_factory.mktemp("processed")
    mp = pytest.MonkeyPatch()
    mp.setenv("KEHOACH_PROCESSED", str(processed))
    url = f"sqlite:///{processed / 'kehoach.sqlite'}"
    store = Store.open(url)
    summary = ingest([RAW], store, workers=2)
    yield store, url, summary
    mp.undo()


def _one(store: Store, sql: str) -> object:
    return store.query(sql)[1][0][0]


def test_corpus_loads_every_sample_without_failure(corpus_store) -> None:
    store, _, summary = corpus_store
    assert [r.error for r in summary.failed] == []
    assert summary.count("loaded") >= 8
    assert _one(store, "SELECT count(*) FROM v_documents WHERE status = 'ok'") == summary.count("loaded")
    kinds = {row[0] for row in store.query("SELECT DISTINCT kind FROM v_documents")[1]}
    assert {"text", "docx", "pdf-text", "pdf-scan", "image"} <= kinds


def test_corpus_second_ingest_loads_nothing_new(corpus_store) -> None:
    store, _, first = corpus_store
    again = ingest([RAW], store, workers=1)
    assert again.count("loaded") == 0
    assert again.count("skipped") == first.count("loaded")


def test_hoa_lu_report_due_2024_11_10_to_district_via_home_affairs(corpus_store) -> None:
    store, _, _ = corpus_store
    rows = store.query(
        "SELECT o.recipient, o.via, d.source_path FROM v_obligations o JOIN v_documents d USING (document_id) "
        "WHERE o.deadline = '2024-11-10'"
    )[1]
    hoa_lu = [(r, v) for r, v, path in rows if path.endswith("ke-hoach-mn-hoa-lu-papi-2024.txt")]
    assert ("Ủy ban nhân dân Quận 1", "Phòng Nội vụ") in hoa_lu


def test_nguyen_binh_khiem_deadline_2025_05_30(corpus_store) -> None:
    store, _, _ = corpus_store
    deadlines = {
        row[0] for row in store.query("SELECT deadline FROM v_obligations WHERE deadline IS NOT NULL")[1]
    }
    assert {"2024-11-10", "2025-05-30"} <= deadlines


def test_nguyen_binh_khiem_cites_its_nine_documents(corpus_store) -> None:
    store, _, _ = corpus_store
    gold = json.loads(
        (GOLD / "ke-hoach-th-nguyen-binh-khiem-par-index-2025.json").read_text(encoding="utf-8")
    )
    rows = store.query(
        "SELECT c.number FROM v_citations c JOIN v_documents d USING (document_id) "
        "WHERE d.source_path LIKE '%ke-hoach-th-nguyen-binh-khiem-par-index-2025.md' AND c.number IS NOT NULL"
    )[1]
    assert {row[0] for row in rows} == {c["number"] for c in gold["citations"]}


def test_query_refuses_to_delete_and_changes_nothing(corpus_store) -> None:
    store, _, _ = corpus_store
    before = _one(store, "SELECT count(*) FROM v_documents")
    with pytest.raises(ReadOnlyQueryError):
        store.query("DELETE FROM documents")
    assert _one(store, "SELECT count(*) FROM v_documents") == before


def test_spec_analyst_queries_run(corpus_store) -> None:
    store, _, _ = corpus_store
    spec_queries = [
        "SELECT document_issuer, action, responsible, deadline, recipient, via FROM v_obligations "
        "WHERE deadline BETWEEN '2024-11-01' AND '2024-11-30' ORDER BY deadline",
        "SELECT doc_type, number, issuer, count(*) AS n FROM v_citations GROUP BY 1, 2, 3 ORDER BY n DESC LIMIT 20",
        "SELECT d.issuer, d.number, d.issued_on FROM v_citations c JOIN v_documents d USING (document_id) "
        "WHERE c.number = '196/KH-UBND'",
        "SELECT d.issuer, m.code, sum(m.mentions) FROM v_dimensions m JOIN v_documents d USING (document_id) "
        "GROUP BY 1, 2 ORDER BY 1, 2",
        "SELECT frequency, recipient, count(*) FROM v_obligations WHERE frequency IS NOT NULL GROUP BY 1, 2",
    ]
    results = [store.query(sql)[1] for sql in spec_queries]
    assert results[0] and results[2] and results[3] and results[4]


def test_text_versions_are_kept_as_files(corpus_store) -> None:
    store, _, _ = corpus_store
    from kehoach.config import processed_dir

    folders = list((processed_dir() / "texts").iterdir())
    assert len(folders) == _one(store, "SELECT count(*) FROM v_documents WHERE status = 'ok'")
    scan = [f for f in folders if (f / "repaired.txt").exists()]
    assert scan, "the garbled OCR seed must have a repaired version"


def test_notebook_runs_against_the_store(corpus_store, monkeypatch: pytest.MonkeyPatch) -> None:
    import nbformat
    from nbclient import NotebookClient

    _, url, _ = corpus_store
    monkeypatch.setenv("KEHOACH_DB", url)
    notebook = nbformat.read(ROOT / "notebooks" / "01_corpus_overview.ipynb", as_version=4)
    NotebookClient(
        notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(ROOT)}}
    ).execute()
    images = [
        output
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.get("outputs", [])
        if "image/png" in output.get("data", {})
    ]
    assert len(images) >= 3


def test_a_news_article_on_an_act_asked_for_or_awaited_has_no_document_fields(tmp_path: Path) -> None:
    # news (heldout120, constructed from its phrasing): "trình Chính phủ ban hành Nghị định …" asks for a decree,
    # "chờ Chính phủ ban hành Nghị định …" awaits it; neither is the article's own document
    from pipeline.runner import process_file

    article = tmp_path / "tin.txt"
    article.write_text(
        "Ngân hàng nhà nước đề xuất giải cứu xe thế chấp bị phạt\n"
        "Hai văn bản vừa được cơ quan này gửi tới Bộ Tư pháp và Bộ Công an.\n"
        "Ngày 12.7, Thống đốc đã có văn bản gửi Bộ Tư pháp đề nghị Bộ Tư pháp hoàn thiện và trình Chính phủ ban hành "
        "Nghị định thay thế Nghị định 163/2006/NĐ-CP. Đồng thời, trong thời gian chờ Chính phủ ban hành Nghị định "
        "thay thế, Ngân hàng nhà nước cũng đề nghị Bộ Công an chỉ đạo lực lượng cảnh sát giao thông.\n",
        encoding="utf-8",
    )
    document = process_file(article).to_json_dict()["document"]
    assert (document["doc_type"], document["issuer"]) == (None, None)
