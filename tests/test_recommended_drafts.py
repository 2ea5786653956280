"""A resolution recommending a draft to another organ ("2. Recommends to the General Assembly the
approval of the following draft resolution:" and the quoted draft): one document, the draft read
as the recommending paragraph's quoted text, every paragraph compared; a committee report's
drafts, introduced by the report's account, stay documents of their own."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from resdiff.cli import app
from resdiff.parse import parse_text

runner = CliRunner()

ECOSOC = ("United Nations E/RES/2025/10\nEconomic and Social Council Distr.: General\n1 August 2025\n"
          "Resolution adopted by the Economic and Social Council on 24 July 2025\n"
          "2025/10. Strengthening crime prevention\nThe Economic and Social Council,\n"
          "Recalling its resolution 2024/15,\n1. Welcomes the report of the Commission;\n"
          "2. Recommends to the General Assembly the approval of the following draft resolution:\n"
          "“The General Assembly,\n“Recalling its resolution 79/100,\n“1. Requests the Secretary-General to report;\n"
          "“2. Decides to remain seized of the matter.”\n")


def rows(text: str) -> list[tuple[str, str, str]]:
    (document,) = parse_text(text, "x.txt")
    return [(p.id, p.kind.value, p.text) for p in document.paragraphs]


def test_the_recommended_draft_is_the_recommending_paragraphs_quoted_text():
    documents = parse_text(ECOSOC, "x.txt")
    assert len(documents) == 1
    document = documents[0]
    assert (document.symbol, document.title, document.date) == \
        ("E/RES/2025/10", "Strengthening crime prevention", "2025-08-01")
    assert rows(ECOSOC) == [
        ("PP1", "preambular", "Recalling its resolution 2024/15,"),
        ("OP1", "operative", "Welcomes the report of the Commission;"),
        ("OP2", "operative", "Recommends to the General Assembly the approval of the following draft resolution:"),
        ("OP2 draft", "heading", "The General Assembly,"),
        ("OP2 draft PP1", "preambular", "Recalling its resolution 79/100,"),
        ("OP2 draft OP1", "operative", "Requests the Secretary-General to report;"),
        ("OP2 draft OP2", "operative", "Decides to remain seized of the matter."),
    ]
    assert document.warnings == ()


def test_without_quotation_marks_the_same(tmp_path):
    plain = ECOSOC.replace("“", "").replace("”", "")
    assert rows(plain) == [(i, k, t) for i, k, t in rows(ECOSOC)]
    assert parse_text(plain, "x.txt")[0].symbol == "E/RES/2025/10"


def test_a_change_to_the_resolutions_own_paragraphs_is_reported(tmp_path):
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(ECOSOC, encoding="utf-8")
    new.write_text(ECOSOC.replace("Welcomes the report", "Takes note of the report"), encoding="utf-8")
    result = runner.invoke(app, ["diff", str(old), str(new), "--format", "json", "--exit-code"])
    assert result.exit_code == 1, result.output
    data = json.loads(result.stdout)
    changed = [(c["kind"], c["old"]) for c in data["changes"] if c["kind"] != "unchanged"]
    assert changed == [("modified", ["OP1"])]
    assert len(data["changes"]) == 7


def test_the_drafts_title_footnotes_and_adoption_lines_are_read():
    text = ("The Economic and Social Council,\nRecalling its resolution 2024/15,\n1. Welcomes the report;\n"
            "2. Recommends to the General Assembly the adoption of the following draft resolution:\n"
            "“Strengthening crime prevention\n“The General Assembly,\n“Recalling its resolution 79/100,1\n"
            "“1. Requests a report;\n“2. Decides to remain seized of the matter.”\n__________\n1 See A/79/100.\n"
            "\n39th plenary meeting\n24 July 2025\n")
    (document,) = parse_text(text, "x.txt")
    assert [(p.id, p.text, p.footnotes) for p in document.paragraphs][3:5] == [
        ("OP2 draft title", "Strengthening crime prevention", ()),
        ("OP2 draft", "The General Assembly,", ()),
    ]
    assert document.paragraphs[5].footnotes == ("1",)
    assert [(f.mark, f.text) for f in document.footnotes] == [("1", "See A/79/100.")]
    assert [str(f) for f in document.furniture] == \
        ["line 10: __________", "line 13: 39th plenary meeting", "line 14: 24 July 2025"]
    assert document.warnings == ()


def test_french_too():
    text = ("Le Conseil économique et social,\nRappelant sa résolution 2024/15,\n1. Accueille le rapport ;\n"
            "2. Recommande à l'Assemblée générale d'adopter le projet de résolution suivant :\n"
            "L'Assemblée générale,\nRappelant sa résolution 79/100,\n1. Prie le Secrétaire général de faire rapport ;\n"
            "2. Décide de rester saisie de la question.\n")
    assert [i for i, _, _ in rows(text)] == ["PP1", "OP1", "OP2", "OP2 draft", "OP2 draft PP1", "OP2 draft OP1",
                                             "OP2 draft OP2"]


def test_a_reports_account_recommending_a_draft_keeps_it_a_document_of_its_own():
    text = ("The General Assembly,\nRecalling its resolution 60/1,\n1. Decides to act.\n\n"
            "9. The Second Committee recommends to the General Assembly the adoption of the following draft resolution:\n"
            "The General Assembly,\nRecalling its resolution 79/100,\n1. Requests a report.\n")
    assert len(parse_text(text, "x.txt")) == 2
