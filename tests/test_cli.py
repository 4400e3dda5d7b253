"""The command line: every command documented, usage errors exit 2 (sqlite-utils' habit)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from kehoach.cli import app
from kehoach.schema import validate_extraction

runner = CliRunner()
COMMANDS = ["ingest", "ocr", "repair", "extract", "query", "synth", "eval"]


def _command_names() -> list[str]:
    return sorted(typer.main.get_command(app).commands)


def test_cli_lists_the_spec_commands() -> None:
    assert set(COMMANDS) <= set(_command_names())


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_command_has_help(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    click_command = typer.main.get_command(app).commands[command]
    assert (click_command.help or "").strip(), f"{command} has no help text"


def test_cli_unknown_option_is_usage_error() -> None:
    result = subprocess.run(
        [sys.executable, "-c", "from kehoach.cli import main; main()", "query", "--bogus"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert "bogus" in result.stderr


def test_cli_missing_file_is_usage_error(tmp_path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", "from kehoach.cli import main; main()", "ocr", str(tmp_path / "nope.pdf")],
        capture_output=True,
        text=True,
    )
    assert result.returncode in (1, 2)
    assert "nope.pdf" in result.stderr


@pytest.mark.parametrize(
    ("sample", "kind"),
    [
        ("generated/ke-hoach-phuong-van-phuc-papi-2021-2025.docx", "docx"),
        ("generated/ke-hoach-mn-hoa-lu-papi-2024.pdf", "pdf-text"),
        ("ke-hoach-mn-tuoi-hong-par-index-2023.ocr-eng.txt", "text"),
    ],
)
def test_cli_extract_prints_the_spec_json(sample: str, kind: str, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("KEHOACH_PROCESSED", str(tmp_path))
    path = Path(__file__).resolve().parent.parent / "data" / "raw" / sample
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from kehoach.cli import main; main()",
            "extract",
            str(path),
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    validate_extraction(data)
    assert data["source"]["kind"] == kind
    assert data["document"]["doc_type"] == "Kế hoạch"
    assert data["citations"]


def test_eval_extract_of_a_corpus_rebuilt_set_reads_and_writes_its_own_docs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A set with corpus_lines.tsv (tests/heldout14, tests/heldout16) keeps its texts in its docs/: without
    # --docs they were once written into data/raw, the sample corpus `make corpus` loads.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data" / "raw").mkdir(parents=True)
    set_dir = tmp_path / "heldout"
    (set_dir / "gold").mkdir(parents=True)
    (set_dir / "docs").mkdir()
    (set_dir / "corpus_lines.tsv").write_text("hoi-dap-x\tlegal_qa.txt.xz\t0\t1\n", encoding="utf-8")
    (set_dir / "docs" / "hoi-dap-x.txt").write_text(
        "Theo Nghị định 168/2025/NĐ-CP về đăng ký doanh nghiệp, hồ sơ gồm các giấy tờ sau.\n",
        encoding="utf-8",
    )
    gold = {
        "document": dict.fromkeys(
            ("doc_type", "number", "issuer", "parent_issuer", "place", "issued_on", "signer")
        ),
        "citations": [
            {"doc_type": "Nghị định", "number": "168/2025/NĐ-CP", "issued_on": None, "issuer": "Chính phủ"}
        ],
        **{key: [] for key in ("deadlines", "indicators", "dimensions", "people", "obligations")},
    }
    (set_dir / "gold" / "hoi-dap-x.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    result = runner.invoke(app, ["eval", "extract", str(set_dir / "gold")])
    assert result.exit_code == 0, result.output
    assert "citations         1    0    0" in result.output
    assert list((tmp_path / "data" / "raw").iterdir()) == []
