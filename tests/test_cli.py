"""The command line: every command documented, usage errors exit 2 (sqlite-utils' habit)."""

import subprocess
import sys

import pytest
import typer
from typer.testing import CliRunner

from kehoach.cli import app

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
