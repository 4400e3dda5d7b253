"""Scale and crash safety of ingestion: the Dask executor, concurrent and incremental loads, SIGKILL.

The plans are small synthetic ones (:mod:`kehoach.devtools.synthetic_plans` around a few sentences
of Vietnamese administrative prose), so every test runs the real pipeline in seconds.
"""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

import kehoach.ingest
from kehoach.devtools.synthetic_plans import HUB_NUMBERS, generate_plans, plan_number, write_plans
from kehoach.document import Document
from kehoach.ingest import ingest
from kehoach.store import Store
from pipeline.options import PipelineOptions
from pipeline.runner import TEXT_STAGES

BODY = (
    "Tuyên truyền, phổ biến về nội dung, kết quả Chỉ số PAPI nhằm nâng cao nhận thức của đội ngũ cán bộ, "
    "công chức, viên chức trong đơn vị.",
    "Niêm yết công khai thủ tục hành chính tại bộ phận một cửa; tiếp nhận, giải quyết kịp thời phản ánh, "
    "kiến nghị của người dân và doanh nghiệp.",
    "Đẩy mạnh ứng dụng công nghệ thông tin, chuyển đổi số trong giải quyết thủ tục hành chính, nâng cao "
    "tỷ lệ hồ sơ trực tuyến toàn trình.",
)
CLI = [sys.executable, "-c", "from kehoach.cli import main; main()"]
# Each plan's own rows; summed over the store they must not depend on how the batch ran.
PER_DOCUMENT_COUNTS = """
    SELECT d.sha256,
           (SELECT count(*) FROM citations c WHERE c.document_id = d.id) AS citations,
           (SELECT count(*) FROM obligations o WHERE o.document_id = d.id) AS obligations,
           (SELECT count(*) FROM text_versions t WHERE t.document_id = d.id AND t.name = 'raw') AS raw_texts
    FROM documents d WHERE d.status = 'ok' ORDER BY d.sha256
"""
DUPLICATED_SHA256 = "SELECT sha256, count(*) FROM documents GROUP BY sha256 HAVING count(*) > 1"


@pytest.fixture(autouse=True)
def processed_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Text artifacts and OCR caches go to the test's folder (also in the CLI subprocesses)."""
    processed = tmp_path / "processed"
    monkeypatch.setenv("KEHOACH_PROCESSED", str(processed))
    monkeypatch.delenv("KEHOACH_DB", raising=False)
    return processed


def make_plans(folder: Path, count: int, seed: int = 7, first: int = 1) -> list[Path]:
    """``count`` short plans (header, Số: N/KH-UBND, one to three citations, a deadline) in ``folder``."""
    plans = list(generate_plans(first + count - 1, BODY, seed=seed, paragraphs_per_plan=2))[first - 1 :]
    return write_plans(plans, folder)


def store_url(tmp_path: Path, name: str) -> str:
    return f"sqlite:///{tmp_path / name / 'kehoach.sqlite'}"


def run_cli_ingest(folder: Path, db_url: str, *extra: str) -> subprocess.Popen:
    return subprocess.Popen(
        [*CLI, "ingest", str(folder), "--db", db_url, *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def per_document_counts(url: str) -> list[tuple]:
    with Store.open(url) as store:
        return store.query(PER_DOCUMENT_COUNTS)[1]


def test_synthetic_plans_are_reproducible_and_cite_hub_plans_most() -> None:
    plans = list(generate_plans(300, BODY, seed=3, paragraphs_per_plan=2))
    assert plans == list(generate_plans(300, BODY, seed=3, paragraphs_per_plan=2))
    assert [p.number for p in plans[:2]] == ["1/KH-UBND", "2/KH-UBND"]
    assert all(f"Số: {p.number}\n" in p.text for p in plans)
    cited = Counter(re.findall(r"Căn cứ Kế hoạch số (\S+)", "\n".join(p.text for p in plans)))
    assert set(cited) <= {plan_number(n) for n in HUB_NUMBERS}
    assert cited.most_common(1)[0][0] == "196/KH-UBND"  # the SPEC's example query has plans to find


@pytest.mark.slow
def test_dask_executor_loads_like_the_process_pool(tmp_path: Path) -> None:
    files = make_plans(tmp_path / "plans", 5)
    with Store.open(store_url(tmp_path, "pool")) as pool_store:
        by_pool = ingest(files, pool_store, workers=2, executor="process")
        pool_totals = pool_store.summary()
    with Store.open(store_url(tmp_path, "dask")) as dask_store:
        by_dask = ingest(files, dask_store, workers=2, executor="dask")
        dask_totals = dask_store.summary()

    assert by_pool.count("loaded") == by_dask.count("loaded") == 5
    assert pool_totals == dask_totals
    assert dask_totals["ok"] == 5 and dask_totals["citations"] >= 5 and dask_totals["obligations"] >= 5
    assert per_document_counts(store_url(tmp_path, "dask")) == per_document_counts(
        store_url(tmp_path, "pool")
    )


@pytest.mark.slow
def test_cli_ingest_sends_documents_to_a_given_dask_scheduler(tmp_path: Path) -> None:
    from distributed import LocalCluster

    files = make_plans(tmp_path / "plans", 3)
    url = store_url(tmp_path, "store")
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        process = run_cli_ingest(
            tmp_path / "plans", url, "--executor", "dask", "--scheduler", cluster.scheduler_address
        )
        _, err = process.communicate(timeout=240)
        task_prefixes = set(cluster.scheduler.task_prefixes)  # what this scheduler was given to run
    assert process.returncode == 0, err
    assert "process_one" in task_prefixes
    with Store.open(url) as store:
        assert store.summary()["ok"] == len(files)


def test_two_ingests_at_once_store_every_file_exactly_once(tmp_path: Path, db_url: str) -> None:
    files = make_plans(tmp_path / "plans", 6)
    first = run_cli_ingest(tmp_path / "plans", db_url, "--workers", "1")
    second = run_cli_ingest(tmp_path / "plans", db_url, "--workers", "1")
    outputs = [process.communicate(timeout=240) for process in (first, second)]

    assert [first.returncode, second.returncode] == [0, 0], outputs
    with Store.open(db_url) as store:
        assert store.query(DUPLICATED_SHA256)[1] == []
        stored = {row[0] for row in store.query("SELECT sha256 FROM documents WHERE status = 'ok'")[1]}
        assert store.summary()["failed"] == 0
    assert stored == {kehoach.ingest.sha256_of(path) for path in files}


def test_a_second_ingest_loads_only_the_new_file(tmp_path: Path, db_url: str) -> None:
    folder = tmp_path / "plans"
    make_plans(folder, 3)
    with Store.open(db_url) as store:
        assert ingest([folder], store).count("loaded") == 3
        (new_file,) = make_plans(folder, 1, first=4)
        again = ingest([folder], store)
        assert [(r.path, r.status) for r in again.results if r.status != "skipped"] == [(new_file, "loaded")]
        assert again.count("skipped") == 3
        assert store.summary()["ok"] == 4


def test_a_new_extractor_version_reextracts_from_stored_text_without_reading(
    tmp_path: Path, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "plans"
    make_plans(folder, 3)
    with Store.open(db_url) as store:
        ingest([folder], store)
        before = store.query(PER_DOCUMENT_COUNTS)[1]

        reads: list[Path] = []

        def read_must_not_run(doc: Document, options: PipelineOptions) -> Document:
            reads.append(doc.path)
            raise AssertionError(f"re-extraction read {doc.path} again")

        monkeypatch.setattr(kehoach.ingest, "PIPELINE", (read_must_not_run, *TEXT_STAGES))
        monkeypatch.setattr(kehoach.ingest, "EXTRACTOR_VERSION", "test-next-version")
        summary = ingest([folder], store)

        assert reads == []
        assert sorted(r.status for r in summary.results) == ["reextracted"] * 3 + ["skipped"] * 3
        versions = store.query("SELECT DISTINCT extractor_version FROM v_documents")[1]
        assert versions == [("test-next-version",)]
        assert store.query(PER_DOCUMENT_COUNTS)[1] == before  # same text, same extraction
        assert ingest([folder], store).count("reextracted") == 0  # now up to date


def _committed_documents(sqlite_file: Path) -> int:
    """Good documents visible to a reader now (0 while the store does not exist yet)."""
    if not sqlite_file.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{sqlite_file}?mode=ro", uri=True, timeout=1) as connection:
            return connection.execute("SELECT count(*) FROM documents WHERE status = 'ok'").fetchone()[0]
    except sqlite3.Error:  # tables not created yet, or the migration holds the lock
        return 0


def _kill_after_first_commit(process: subprocess.Popen, sqlite_file: Path, timeout: float = 120) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        committed = _committed_documents(sqlite_file)
        if committed >= 1:
            os.kill(process.pid, signal.SIGKILL)
            process.wait()
            return committed
        time.sleep(0.01)
    process.kill()
    pytest.fail(f"ingest ended (rc={process.returncode}) before the first document was committed")


@pytest.mark.slow
def test_sigkill_during_ingest_leaves_no_partial_document_and_a_rerun_completes(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    files = make_plans(folder, 12)
    sqlite_file = tmp_path / "store" / "kehoach.sqlite"
    url = f"sqlite:///{sqlite_file}"

    killed = run_cli_ingest(folder, url, "--workers", "1")
    _kill_after_first_commit(killed, sqlite_file)
    assert killed.returncode == -signal.SIGKILL
    with Store.open(url) as store:
        after_kill = store.query(PER_DOCUMENT_COUNTS)[1]
        orphans = store.query(
            "SELECT count(*) FROM text_versions WHERE document_id NOT IN (SELECT id FROM documents)"
        )[1]
    assert 1 <= len(after_kill) < len(files), "the kill came after the whole batch"
    assert all(raw_texts == 1 for *_, raw_texts in after_kill)
    assert orphans == [(0,)]

    rerun = run_cli_ingest(folder, url, "--workers", "1")
    out, err = rerun.communicate(timeout=240)
    assert rerun.returncode == 0, err
    assert f"loaded {len(files) - len(after_kill)}, skipped {len(after_kill)}" in err
    with Store.open(store_url(tmp_path, "reference")) as reference:
        ingest([folder], reference)
    resumed = per_document_counts(url)
    assert resumed == per_document_counts(store_url(tmp_path, "reference"))  # no partial document
    assert len(resumed) == len(files)
    with Store.open(url) as store:
        assert store.query(DUPLICATED_SHA256)[1] == []
