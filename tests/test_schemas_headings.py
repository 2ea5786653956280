"""Every JSON output validates against its schema on texts with headings, parts and annexes.

The paragraph kinds "heading" and "annex" (resdiff.parse/1) reach blame, precedent, log and
diff too: each schema must accept what resdiff writes for a resolution in parts, with sections
or with an annex."""

from __future__ import annotations

import json

import jsonschema
import pytest
from conftest import CORPUS, ROOT
from helpers import TWO_PARTS
from typer.testing import CliRunner

from resdiff.cli import app

SCHEMAS = ROOT / "resdiff" / "schemas"
EN = CORPUS / "en"
ANNEXED = EN / "A_RES_80_9.md"  # 1 operative paragraph, an annex of 31 paragraphs with its title
PARTS = TWO_PARTS


def schema(name: str) -> dict:
    return json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))


def run(*args: str) -> dict:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def texts(tmp_path_factory):
    folder = tmp_path_factory.mktemp("schemas")
    parts = folder / "A_RES_78_999.txt"
    parts.write_text(PARTS, encoding="utf-8")
    store = str(folder / "store.db")
    result = CliRunner().invoke(app, ["add", str(ANNEXED), str(parts), "--store", store])
    assert result.exit_code == 0, result.output
    return store, {"80/9": ANNEXED, "78/999": parts}


@pytest.mark.parametrize("symbol", ["80/9", "78/999"])
def test_blame_json_of_headings_and_annexes_validates(texts, symbol):
    store, _ = texts
    data = run("blame", symbol, "--format", "json", "--store", store)
    jsonschema.validate(data, schema("blame"))
    kinds = {p["kind"] for p in data["paragraphs"]}
    assert kinds == ({"operative", "annex", "heading"} if symbol == "80/9" else {"preambular", "operative", "heading"})


@pytest.mark.parametrize("symbol", ["80/9", "78/999"])
def test_precedent_json_of_headings_and_annexes_validates(texts, symbol):
    store, files = texts
    data = run("precedent", str(files[symbol]), "--format", "json", "--store", store)
    jsonschema.validate(data, schema("precedent"))
    assert "heading" in {p["kind"] for p in data["paragraphs"]}


@pytest.mark.parametrize("symbol", ["80/9", "78/999"])
def test_parse_diff_and_log_json_of_headings_and_annexes_validate(texts, symbol):
    store, files = texts
    path = str(files[symbol])
    jsonschema.validate(run("parse", path, "--format", "json"), schema("parse"))
    jsonschema.validate(run("diff", path, path, "--format", "json"), schema("diff"))
    jsonschema.validate(run("log", "--format", "json", "--store", store), schema("log"))
