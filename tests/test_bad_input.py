"""Bad input is recorded with a clear reason, the batch goes on, and nothing stored is lost."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from bad_inputs import BAD, write_bad_inputs, write_good_inputs

from kehoach.ingest import ingest
from kehoach.store import Store


@pytest.fixture()
def batch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, str]:
    monkeypatch.setenv("KEHOACH_PROCESSED", str(tmp_path / "processed"))
    folder = tmp_path / "inbox"
    write_bad_inputs(folder)
    write_good_inputs(folder)
    return folder, f"sqlite:///{tmp_path / 'store.sqlite'}"


def test_bad_inputs_fail_one_by_one_with_their_reason(batch: tuple[Path, str]) -> None:
    folder, url = batch
    store = Store.open(url)
    summary = ingest([folder], store, workers=1)
    failed = {r.path.name: (r.error or "").lower() for r in summary.failed}
    assert set(failed) == set(BAD)
    for name, reason in BAD.items():
        assert reason in failed[name], f"{name}: {failed[name]!r} does not say {reason!r}"
    rows = store.query("SELECT source_path, status, error FROM v_documents WHERE status = 'failed'")[1]
    assert {Path(path).name for path, _, _ in rows} == set(BAD)
    assert all(error for _, _, error in rows)


def test_good_files_of_a_bad_batch_are_loaded(batch: tuple[Path, str]) -> None:
    folder, url = batch
    store = Store.open(url)
    summary = ingest([folder], store, workers=2)
    loaded = {r.path.name for r in summary.results if r.status == "loaded"}
    assert loaded == {"kế hoạch số 12 phường Bến Thành.txt", "english memo.txt"}
    memo = next(r for r in summary.results if r.path.name == "english memo.txt")
    assert any("not vietnamese" in w.lower() for w in memo.warnings)
    number = store.query("SELECT number FROM v_documents WHERE status = 'ok' AND number IS NOT NULL")[1]
    assert number == [("12/KH-UBND",)]


def test_a_failing_batch_never_touches_stored_documents(batch: tuple[Path, str], tmp_path: Path) -> None:
    folder, url = batch
    store = Store.open(url)
    good = write_good_inputs(tmp_path / "first")
    ingest([good["plan"]], store)
    before = store.query("SELECT document_id, sha256, number, issuer FROM v_documents ORDER BY document_id")[
        1
    ]
    ingest([folder], store, workers=2)
    after = store.query("SELECT document_id, sha256, number, issuer FROM v_documents WHERE status = 'ok'")[1]
    assert before[0] in after


def test_cli_ingest_of_a_bad_batch_exits_1_naming_each_file(batch: tuple[Path, str]) -> None:
    folder, url = batch
    result = subprocess.run(
        [sys.executable, "-c", "from kehoach.cli import main; main()", "ingest", str(folder), "--db", url],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 1
    for name in BAD:
        assert any(name in line and "FAILED" in line for line in result.stderr.splitlines()), name
