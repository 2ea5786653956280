"""What resdiff writes, resdiff reads back: a tracked-changes file is the new version, accepted."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from resdiff.cli import app

from conftest import SAMPLE

runner = CliRunner()


def test_the_tracked_changes_file_reads_back_as_the_new_version(tmp_path):
    target = tmp_path / "changes.docx"
    written = runner.invoke(app, ["diff", str(SAMPLE), "--format", "docx", "-o", str(target)])
    assert written.exit_code == 0, written.output
    result = runner.invoke(app, ["diff", str(SAMPLE), str(target), "--old", "L.56", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["new"]["symbol"] == "A/C.2/65/L.56"
    assert data["summary"] == {"unchanged": 49, "modified": 0, "added": 0, "removed": 0, "merged": 0,
                               "split": 0, "moved": 0, "renumbered": 0}
