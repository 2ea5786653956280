"""``resdiff parse``: its outputs, and one clean error line for every bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from conftest import ROOT, SAMPLE
from resdiff.cli import app
from resdiff.errors import InputError, ParseError

RESDIFF = str(Path(sys.executable).parent / "resdiff")
SCHEMA = json.loads((ROOT / "resdiff" / "schemas" / "parse.schema.json").read_text(encoding="utf-8"))
SAMPLE_ARG = "samples/A_C.2_65_433_second_committee_report_ict_zh.txt"


def run(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in {"NO_COLOR", "FORCE_COLOR", "COLUMNS"}}
    return subprocess.run([RESDIFF, *args], cwd=ROOT, capture_output=True, text=True, env=env, timeout=120)


@pytest.fixture
def bad_inputs(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "image.bin"
    binary.write_bytes(bytes(range(256)) * 8)
    damaged_pdf = tmp_path / "draft.pdf"
    damaged_pdf.write_bytes(bytes(range(256)) * 8)
    damaged_docx = tmp_path / "draft.docx"
    damaged_docx.write_bytes(bytes(range(256)) * 8)
    minutes = tmp_path / "minutes.txt"
    minutes.write_text("Summary record of the 12th meeting.\nThe meeting rose at 1 p.m.\n", encoding="utf-8")
    return {
        "missing": (str(tmp_path / "nowhere.txt"), "no such file"),
        "directory": (str(tmp_path), "is a directory"),
        "empty": (str(empty), "file is empty"),
        "binary": (str(binary), "binary file"),
        # named as a document resdiff reads, but the bytes are none: a damaged download
        "damaged pdf": (str(damaged_pdf), "named .pdf, but the content is not a PDF (nor text): the file is "
                        "damaged or incomplete; check the download"),
        "damaged docx": (str(damaged_docx), "named .docx, but the content is not a Word document (nor text)"),
        "no resolution": (str(minutes), "no resolution text found"),
    }


@pytest.mark.parametrize("case", ["missing", "directory", "empty", "binary", "damaged pdf", "damaged docx",
                                  "no resolution"])
def test_bad_input_is_one_line_and_exit_2(bad_inputs, case):
    path, cause = bad_inputs[case]
    result = run("parse", path)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"resdiff: error: {path}: ")
    assert cause in lines[0]
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("case, error", [
    ("missing", InputError), ("directory", InputError), ("empty", InputError), ("binary", InputError),
    ("no resolution", ParseError),
])
def test_bad_input_raises_an_error_the_cli_maps(bad_inputs, case, error):
    # CliRunner drives the typer app; cli.main() turns the error into the line checked above.
    path, cause = bad_inputs[case]
    result = CliRunner().invoke(app, ["parse", path])
    assert isinstance(result.exception, error)
    assert result.exception.path == path
    assert cause in str(result.exception)


def test_parse_json_through_the_installed_command(golden):
    result = run("parse", SAMPLE_ARG, "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    jsonschema.validate(data, SCHEMA)
    assert data["source"] == SAMPLE_ARG
    golden("parse_sample.json", result.stdout)


def test_parse_text_view():
    result = CliRunner().invoke(app, ["parse", str(SAMPLE)])
    assert result.exit_code == 0
    assert "A/C.2/65/L.22  信息和通信技术促进发展" in result.output
    assert "language zh · 25 preambular · 26 operative · 0 footnotes" in result.output
    assert "language zh · 25 preambular · 24 operative · 11 footnotes" in result.output


def test_parse_unknown_format_is_a_usage_error():
    result = CliRunner().invoke(app, ["parse", str(SAMPLE), "--format", "xml"])
    assert result.exit_code == 2
    assert "choose text or json" in result.output


def test_parse_writes_to_a_file(tmp_path):
    out = tmp_path / "out.json"
    result = CliRunner().invoke(app, ["parse", str(SAMPLE), "--format", "json", "-o", str(out)])
    assert result.exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["documents"][1]["symbol"] == "A/C.2/65/L.56"
