"""The diff JSON marks width-only differences and honours --only-changes; a Word document,
which must hold the whole text, refuses --only-changes. On a real Chinese text
(A/RES/61/211) whose full-width commas of one paragraph are written half-width."""

from __future__ import annotations

import json
from dataclasses import replace
from importlib import resources

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from resdiff.cli import app
from resdiff.compare import compare
from resdiff.model import ChangeKind
from resdiff.parse import parse_file
from resdiff.render import RenderOptions
from resdiff.render.json import dumps, render

from conftest import CORPUS

SOURCE = CORPUS / "zh" / "A_RES_61_211.ops1-19.zh.txt"
SCHEMA = json.loads(resources.files("resdiff").joinpath("schemas/diff.schema.json").read_text())


@pytest.fixture(scope="module")
def pair(tmp_path_factory):
    text = SOURCE.read_text(encoding="utf-8")
    line = "的承诺，其中他们再次承诺在迈向脱贫、和平与发展目标的路上"
    assert text.count(line) == 1
    edited = tmp_path_factory.mktemp("layout") / "A_RES_61_211.halfwidth.zh.txt"
    edited.write_text(text.replace(line, line.replace("，", ",")), encoding="utf-8")
    return SOURCE, edited


def test_a_width_only_change_is_marked_layout(pair):
    comparison = compare(parse_file(str(pair[0]))[0], parse_file(str(pair[1]))[0])
    assert not comparison.differs
    data = json.loads(render(comparison))
    jsonschema.validate(data, SCHEMA)
    marked = [c for c in data["changes"] if c.get("layout")]
    assert len(marked) == 1
    change = marked[0]
    assert change["kind"] == "unchanged"
    assert {s["op"] for s in change["inline"]} == {"equal", "delete", "insert"}
    assert [s["text"] for s in change["inline"] if s["op"] != "equal"] == ["，", ","]
    # Every other entry has no layout key at all: diff/1 readers see the shape they knew.
    assert all("layout" not in c for c in data["changes"] if c is not change)
    assert "only_changes" not in data


def test_only_changes_leaves_out_unchanged_entries_but_not_the_counts(pair):
    old, new = parse_file(str(pair[0]))[0], parse_file(str(pair[1]))[0]
    edited = new.paragraphs[0]
    new = replace(new, paragraphs=(replace(edited, text=edited.text + "修改"),) + new.paragraphs[1:])
    comparison = compare(old, new)
    data = json.loads(render(comparison, RenderOptions(only_changes=True)))
    jsonschema.validate(data, SCHEMA)
    assert data["only_changes"] is True
    assert [c["kind"] for c in data["changes"]] == ["modified"]
    assert data["changes"][0]["new"] == [edited.id]
    assert data["summary"] == json.loads(render(comparison))["summary"]
    assert data["summary"]["unchanged"] == sum(c.kind is ChangeKind.UNCHANGED for c in comparison.changes) > 10


def test_word_output_refuses_only_changes(pair, tmp_path):
    result = CliRunner().invoke(app, ["diff", str(pair[0]), str(pair[1]), "--only-changes",
                                      "-o", str(tmp_path / "out.docx")])
    assert result.exit_code == 2
    assert "--only-changes has no docx form" in result.output
    assert not (tmp_path / "out.docx").exists()


def test_only_changes_in_json_through_the_command(pair):
    result = CliRunner().invoke(app, ["diff", str(pair[0]), str(pair[1]), "-f", "json", "--only-changes",
                                      "--exit-code"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["changes"] == [] and data["only_changes"] is True


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda children: st.lists(children, max_size=4) | st.tuples(children, children)
    | st.dictionaries(st.text(max_size=6), children, max_size=4),
    max_leaves=25)


@given(_JSON_VALUES)
def test_the_json_writer_is_byte_for_byte_the_standard_library(value):
    assert dumps(value) == json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def test_the_json_writer_leaves_what_it_does_not_know_to_the_standard_library(pair):
    assert dumps({1: [2.5, None]}) == json.dumps({1: [2.5, None]}, ensure_ascii=False, indent=2) + "\n"
    comparison = compare(parse_file(str(pair[0]))[0], parse_file(str(pair[1]))[0])
    data = json.loads(render(comparison))
    assert render(comparison) == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
