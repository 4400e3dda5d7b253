"""Batch ingestion helpers that need no engine: file collection."""

import os
from pathlib import Path

from kehoach.ingest import collect_files


def test_collect_files_walks_folders_in_stable_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    for name in ["b/2.txt", "a.pdf", "b/1.docx"]:
        (tmp_path / name).write_text("x")
    assert [p.relative_to(tmp_path).as_posix() for p in collect_files([tmp_path])] == [
        "a.pdf",
        "b/1.docx",
        "b/2.txt",
    ]


def test_collect_files_skips_hidden_files_and_folders(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text("x")
    (tmp_path / ".DS_Store").write_text("x")
    (tmp_path / "kế hoạch số 1.txt").write_text("x")
    assert [p.name for p in collect_files([tmp_path])] == ["kế hoạch số 1.txt"]


def test_collect_files_survives_a_symlink_loop(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "plan.txt").write_text("x")
    os.symlink(tmp_path, tmp_path / "sub" / "loop")
    assert [p.name for p in collect_files([tmp_path])] == ["plan.txt"]


def test_collect_files_takes_a_file_reached_twice_once(tmp_path: Path) -> None:
    (tmp_path / "plan.txt").write_text("x")
    os.symlink(tmp_path / "plan.txt", tmp_path / "alias.txt")
    assert len(collect_files([tmp_path, tmp_path / "plan.txt"])) == 1


def test_collect_files_keeps_missing_paths_for_the_error_report(tmp_path: Path) -> None:
    assert collect_files([tmp_path / "missing.pdf"]) == [tmp_path / "missing.pdf"]
