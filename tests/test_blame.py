"""resdiff blame: each paragraph's origin and changes, chained along the family."""

from __future__ import annotations

import json

import jsonschema
import pytest
from typer.testing import CliRunner

from conftest import ROOT, SAMPLE
from resdiff.cli import app
from test_store import adopted_resolution


@pytest.fixture
def store(tmp_path):
    path = str(tmp_path / "store.db")
    CliRunner().invoke(app, ["add", str(SAMPLE), "--store", path])
    return path


def _blame(store, symbol):
    result = CliRunner().invoke(app, ["blame", symbol, "--format", "json", "--store", store])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    jsonschema.validate(data, json.loads((ROOT / "resdiff" / "schemas" / "blame.schema.json").read_text()))
    return {p["id"]: p for p in data["paragraphs"]}, data


def test_blame_on_the_sample(store):
    paragraphs, data = _blame(store, "L.56")
    assert data["schema"] == "resdiff.blame/1"
    assert len(paragraphs) == 49
    op17 = paragraphs["OP17"]
    assert op17["origin"] == {"symbol": "A/C.2/65/L.22", "revision": 1, "id": "OP15", "ids": ["OP15"]}
    assert op17["history"][-1] == {"symbol": "A/C.2/65/L.56", "revision": 1, "id": "OP17", "kind": "modified",
                                   "previous": ["OP15"], "moved": False, "renumbered": True}
    op3 = paragraphs["OP3"]
    assert op3["origin"]["symbol"] == "A/C.2/65/L.56"
    assert [h["kind"] for h in op3["history"]] == ["added"]
    op21 = paragraphs["OP21"]
    assert op21["origin"]["ids"] == ["OP20", "OP21"]
    assert op21["history"][-1]["kind"] == "merged" and op21["history"][-1]["previous"] == ["OP20", "OP21"]
    # an unchanged paragraph has only its origin
    assert [h["kind"] for h in paragraphs["PP2"]["history"]] == ["original"]


def test_blame_of_the_first_version_is_all_original(store):
    paragraphs, data = _blame(store, "L.22")
    assert [v["symbol"] for v in data["versions"]] == ["A/C.2/65/L.22"]
    assert {h["kind"] for p in paragraphs.values() for h in p["history"]} == {"original"}


def test_blame_chains_through_three_versions(store, tmp_path):
    CliRunner().invoke(app, ["add", str(adopted_resolution(tmp_path)), "--store", store])
    paragraphs, data = _blame(store, "65/141")
    assert [v["symbol"] for v in data["versions"]] == ["A/C.2/65/L.22", "A/C.2/65/L.56", "A/RES/65/141"]
    # OP3 was added in L.56 and reworded in the adopted text
    op3 = paragraphs["OP3"]
    assert op3["origin"]["symbol"] == "A/C.2/65/L.56"
    assert [(h["symbol"], h["kind"]) for h in op3["history"]] == [("A/C.2/65/L.56", "added"), ("A/RES/65/141", "modified")]
    # OP17 traces back two steps to L.22 OP15, and the adoption left it alone
    assert paragraphs["OP17"]["origin"]["id"] == "OP15"
    assert [h["symbol"] for h in paragraphs["OP17"]["history"]] == ["A/C.2/65/L.22", "A/C.2/65/L.56"]


def test_blame_text_output(store):
    result = CliRunner().invoke(app, ["blame", "L.56", "--store", store])
    lines = result.output.splitlines()
    assert lines[0] == "A/C.2/65/L.56: where each paragraph comes from (L.22 → L.56)"
    row = {line.split()[0]: line for line in lines[1:]}
    assert row["OP17"].split()[1:] == ["L.22", "OP15", "L.56", "modified,", "renumbered", "(from", "OP15)"]
    assert row["OP3"].split()[1:] == ["L.56", "OP3", "L.56", "added"]
    assert "merged" in row["OP21"] and "OP20+OP21" in row["OP21"]
