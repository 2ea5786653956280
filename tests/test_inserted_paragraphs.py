"""Paragraphs a negotiated draft inserts without renumbering the rest: "2 bis." between OP2 and
OP3 ("2bis.", "2 ter.", "OP2bis", "2 之二." in Chinese) is an operative paragraph of its own,
id OP2bis, and a diff shows it added; it was read as part of OP2 before."""

from __future__ import annotations

import json

import jsonschema
import pytest
from conftest import ROOT
from typer.testing import CliRunner

from resdiff.cli import app
from resdiff.model import ParagraphKind
from resdiff.parse import parse_text
from resdiff.render.docx import _prefix

runner = CliRunner()

EN = "The General Assembly,\n\nRecalling x,\n\n1. Decides a;\n\n2. Decides b;\n\n{bis}3. Decides c.\n"
ZH = "大会，\n\n回顾x，\n\n1. 决定a；\n\n2. 决定b；\n\n{bis}3. 决定c。\n"
FR = ("L'Assemblée générale,\n\nRappelant sa résolution 1/1,\n\n1. Décide de rester saisie de la question;\n\n"
      "2. Prie le Secrétaire général de présenter un rapport;\n\n{bis}"
      "3. Décide d'inscrire la question à l'ordre du jour.\n")


def diff(tmp_path, old: str, new: str) -> str:
    (tmp_path / "a.txt").write_text(old, encoding="utf-8")
    (tmp_path / "b.txt").write_text(new, encoding="utf-8")
    result = runner.invoke(app, ["--ui-lang", "en", "diff", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"),
                                   "--width", "100"])
    assert result.exit_code == 0, result.output
    return result.stdout.replace(str(tmp_path) + "/", "")


def test_english_bis_paragraph_is_added_not_glued_into_op2(tmp_path):
    assert diff(tmp_path, EN.format(bis=""), EN.format(bis="2 bis. Decides new;\n\n")) == (
        "a.txt → b.txt\n"
        "The General Assembly,\n"
        "4 unchanged  0 modified  1 added  0 removed  0 merged  0 split  0 moved  0 renumbered\n"
        "\n"
        "[unchanged]  a.txt PP1 → b.txt PP1\n"
        "Recalling x,\n"
        "\n"
        "[unchanged]  a.txt OP1 → b.txt OP1\n"
        "Decides a;\n"
        "\n"
        "[unchanged]  a.txt OP2 → b.txt OP2\n"
        "Decides b;\n"
        "\n"
        "[added]  b.txt OP2bis\n"
        "{+Decides new;+}\n"
        "\n"
        "[unchanged]  a.txt OP3 → b.txt OP3\n"
        "Decides c.\n"
    )


def test_chinese_zhi_er_paragraph_is_op2bis(tmp_path):
    assert diff(tmp_path, ZH.format(bis=""), ZH.format(bis="2 之二. 决定新的；\n\n")) == (
        "a.txt → b.txt\n"
        "大会，\n"
        "4 unchanged  0 modified  1 added  0 removed  0 merged  0 split  0 moved  0 renumbered\n"
        "\n"
        "[unchanged]  a.txt PP1 → b.txt PP1\n"
        "回顾x，\n"
        "\n"
        "[unchanged]  a.txt OP1 → b.txt OP1\n"
        "决定a；\n"
        "\n"
        "[unchanged]  a.txt OP2 → b.txt OP2\n"
        "决定b；\n"
        "\n"
        "[added]  b.txt OP2bis\n"
        "{+决定新的；+}\n"
        "\n"
        "[unchanged]  a.txt OP3 → b.txt OP3\n"
        "决定c。\n"
    )


def test_french_bis_paragraph_is_added(tmp_path):
    assert diff(tmp_path, FR.format(bis=""), FR.format(bis="2 bis. Encourage les États Membres à coopérer;\n\n")) == (
        "a.txt → b.txt\n"
        "L'Assemblée générale,\n"
        "4 unchanged  0 modified  1 added  0 removed  0 merged  0 split  0 moved  0 renumbered\n"
        "\n"
        "[unchanged]  a.txt PP1 → b.txt PP1\n"
        "Rappelant sa résolution 1/1,\n"
        "\n"
        "[unchanged]  a.txt OP1 → b.txt OP1\n"
        "Décide de rester saisie de la question;\n"
        "\n"
        "[unchanged]  a.txt OP2 → b.txt OP2\n"
        "Prie le Secrétaire général de présenter un rapport;\n"
        "\n"
        "[added]  b.txt OP2bis\n"
        "{+Encourage les États Membres à coopérer;+}\n"
        "\n"
        "[unchanged]  a.txt OP3 → b.txt OP3\n"
        "Décide d'inscrire la question à l'ordre du jour.\n"
    )


@pytest.mark.parametrize("inserted, pid", [
    ("2 bis. Decides new;", "OP2bis"), ("2bis. Decides new;", "OP2bis"), ("2 ter. Decides new;", "OP2ter"),
    ("OP2bis Decides new;", "OP2bis"), ("OP 2 bis. Decides new;", "OP2bis"), ("2 Bis. Decides new;", "OP2bis"),
])
def test_forms_of_the_number(inserted, pid):
    for separator in ("\n\n", "\n"):  # set apart by blank lines, or one paragraph a line
        document = parse_text(EN.format(bis=inserted + "\n\n").replace("\n\n", separator))[0]
        assert [(p.id, p.number, p.text) for p in document.paragraphs] == [
            ("PP1", None, "Recalling x,"), ("OP1", 1, "Decides a;"), ("OP2", 2, "Decides b;"),
            (pid, None, "Decides new;"), ("OP3", 3, "Decides c."),
        ]
        assert document.paragraphs[3].kind is ParagraphKind.OPERATIVE
        assert document.warnings == ()  # OP3 follows OP2: the numbering has no gap


def test_bis_and_ter_with_sub_paragraphs_and_the_json_schema():
    text = EN.format(bis="2 bis. Decides new;\n\n2 ter. Decides newer:\n\n(a) one;\n\n(b) two;\n\n")
    document = parse_text(text)[0]
    assert [p.id for p in document.paragraphs] == ["PP1", "OP1", "OP2", "OP2bis", "OP2ter", "OP3"]
    assert [(i.label, i.text) for i in document.paragraphs[4].items] == [("a", "one;"), ("b", "two;")]
    result = runner.invoke(app, ["parse", "--format", "json", "-"], input=text)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    schema = json.loads((ROOT / "resdiff" / "schemas" / "parse.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    paragraphs = data["documents"][0]["paragraphs"] if "documents" in data else data[0]["paragraphs"]
    assert [(p["id"], p["number"]) for p in paragraphs][3:5] == [("OP2bis", None), ("OP2ter", None)]


def test_bis_in_running_text_stays_text():
    # "2 bis" without the number's full stop, "2 bisected": words, not an inserted paragraph
    for line in ("2 bis of the Convention applies;", "2 bisected areas remain;"):
        document = parse_text(EN.format(bis=line + "\n\n"))[0]
        assert [p.id for p in document.paragraphs] == ["PP1", "OP1", "OP2", "OP3"]
        assert document.paragraphs[2].text == "Decides b; " + line


def test_word_output_prints_the_inserted_number():
    english, chinese = parse_text(EN.format(bis="2 bis. Decides new;\n\n"))[0], parse_text(ZH.format(bis="2 之二. 决定新的；\n\n"))[0]
    assert (_prefix(english.paragraphs[3]), _prefix(chinese.paragraphs[3])) == ("2 bis. ", "2 之二. ")


def test_forms_still_read_into_the_paragraph_before_are_a_warning_naming_them():
    # "2 bis" without its full stop, Chinese "2之二" without one: read as part of OP2 as before,
    # and said so, never in silence; an alternative glued after it ("… new; [2. alt …]") too
    english = parse_text(EN.format(bis="2 bis Decides new; [2. alt Decides other;]\n\n"))[0]
    assert english.paragraphs[2].text == "Decides b; 2 bis Decides new; [2. alt Decides other;]"
    assert english.warnings == (
        "document: a paragraph numbered “2 bis” is read as part of OP2: check it by hand",
        "document: a paragraph numbered “2. alt” is read as part of OP2: check it by hand",
    )
    french = parse_text(FR.format(bis="2 ter Encourage les États Membres à coopérer;\n\n"))[0]
    assert french.warnings == ("document: a paragraph numbered “2 ter” is read as part of OP2: check it by hand",)
    # article numbers in running text are no paragraph numbers
    assert parse_text(EN.format(bis="").replace("Decides b;", "Recalls article 2 bis of the Convention;"))[0].warnings == ()


def test_the_warning_in_chinese(tmp_path):
    (tmp_path / "b.txt").write_text(ZH.format(bis="2之二 决定新的；\n\n"), encoding="utf-8")
    result = runner.invoke(app, ["--ui-lang", "zh", "parse", str(tmp_path / "b.txt")])
    assert result.exit_code == 0, result.output
    assert result.stderr == f"resdiff：警告：{tmp_path / 'b.txt'}：文档：编号为“2之二”的段落被读作 OP2 的一部分：请人工核对\n"


def test_a_final_text_that_numbers_the_inserted_paragraph_renumbers_it(tmp_path):
    final = EN.format(bis="3. Decides new;\n\n").replace("3. Decides c.", "4. Decides c.")
    assert diff(tmp_path, EN.format(bis="2 bis. Decides new;\n\n"), final) == (
        "a.txt → b.txt\n"
        "The General Assembly,\n"
        "5 unchanged  0 modified  0 added  0 removed  0 merged  0 split  0 moved  2 renumbered\n"
        "\n"
        "[unchanged]  a.txt PP1 → b.txt PP1\n"
        "Recalling x,\n"
        "\n"
        "[unchanged]  a.txt OP1 → b.txt OP1\n"
        "Decides a;\n"
        "\n"
        "[unchanged]  a.txt OP2 → b.txt OP2\n"
        "Decides b;\n"
        "\n"
        "[unchanged] [renumbered]  a.txt OP2bis → b.txt OP3\n"
        "Decides new;\n"
        "\n"
        "[unchanged] [renumbered]  a.txt OP3 → b.txt OP4\n"
        "Decides c.\n"
    )


def test_an_inserted_paragraph_out_of_place_is_a_numbering_warning(tmp_path):
    after_op2 = parse_text(EN.format(bis="5 bis. Decides new;\n\n"))[0]
    assert after_op2.warnings == ("document: OP5bis follows OP2, not OP5: a paragraph may be missing or misread",)
    at_start = parse_text("The General Assembly,\n\nRecalling x,\n\n1 bis. Decides new;\n\n1. Decides a.\n")[0]
    assert [p.id for p in at_start.paragraphs] == ["PP1", "OP1bis", "OP1"]
    assert at_start.warnings == (
        "document: OP1bis follows nothing (at the start), not OP1: a paragraph may be missing or misread",)
    (tmp_path / "b.txt").write_text(ZH.format(bis="5 之二. 决定新的；\n\n"), encoding="utf-8")
    result = runner.invoke(app, ["--ui-lang", "zh", "parse", str(tmp_path / "b.txt")])
    assert result.stderr == f"resdiff：警告：{tmp_path / 'b.txt'}：文档：OP5bis 紧接 OP2，而不是 OP5：可能缺少段落或误读\n"


def test_spanish_and_the_language_check_pairs_inserted_paragraphs(tmp_path):
    spanish = parse_text("La Asamblea General,\n\nRecordando su resolución 1/1,\n\n1. Decide seguir ocupándose de la "
                         "cuestión;\n\n2. Solicita un informe;\n\n2 bis. Alienta a los Estados Miembros a cooperar;\n\n"
                         "3. Decide incluir el tema en el programa.\n")[0]
    assert [(p.id, p.text) for p in spanish.paragraphs][2:] == [
        ("OP2", "Solicita un informe;"), ("OP2bis", "Alienta a los Estados Miembros a cooperar;"),
        ("OP3", "Decide incluir el tema en el programa.")]
    (tmp_path / "en.txt").write_text(EN.format(bis="2 bis. Decides new;\n\n"), encoding="utf-8")
    (tmp_path / "zh.txt").write_text(ZH.format(bis="2 之二. 决定新的；\n\n"), encoding="utf-8")
    result = runner.invoke(app, ["--ui-lang", "en", "check", str(tmp_path / "en.txt"), str(tmp_path / "zh.txt")])
    assert result.exit_code == 0, result.output
    assert "  OP2bis ↔ OP2bis  agree\n" in result.stdout
    assert "5 paragraphs paired: 5 agree, 0 disagree; 0 in English only, 0 in Chinese only\n" in result.stdout


# --- alternatives: "[2. alt …]", "[OP2 alt] …", "OP2 alt: …", "2 alt. …" ---------------------------


@pytest.mark.parametrize("alternative", [
    "[2. alt Decides other;]", "[OP2 alt] Decides other;", "OP2 alt: Decides other;", "2 alt. Decides other;",
    "[2 alt. Decides other;]", "2. Alt. Decides other;", "[OP 2 alt] Decides other;", "OP2 (alt) Decides other;",
])
def test_an_alternative_is_a_paragraph_of_its_own(alternative):
    for separator in ("\n\n", "\n"):  # set apart by blank lines, or one paragraph a line
        document = parse_text(EN.format(bis=alternative + "\n\n").replace("\n\n", separator))[0]
        # printed in brackets whole, number and all, it keeps them (it is not agreed); its label
        # in brackets alone, the label as printed heads its text, so that the brackets are compared
        text = ("[Decides other;]" if alternative.startswith("[") and alternative.endswith("]")
                else alternative if alternative.startswith("[") else "Decides other;")
        assert [(p.id, p.number, p.text) for p in document.paragraphs] == [
            ("PP1", None, "Recalling x,"), ("OP1", 1, "Decides a;"), ("OP2", 2, "Decides b;"),
            ("OP2alt", None, text), ("OP3", 3, "Decides c."),
        ], (alternative, separator)
        assert document.paragraphs[3].kind is ParagraphKind.OPERATIVE
        assert document.warnings == ()


def test_two_alternatives_in_brackets_one_after_the_other():
    document = parse_text(EN.format(bis="[2. alt Decides other;]\n\n[2. alt Decides [yet] another;]\n\n"
                                        "2 alt 2. Decides a third;\n\n"))[0]
    assert [(p.id, p.text) for p in document.paragraphs][2:] == [
        ("OP2", "Decides b;"), ("OP2alt", "[Decides other;]"), ("OP2alt.2", "[Decides [yet] another;]"),
        ("OP2alt2", "Decides a third;"), ("OP3", "Decides c."),
    ]
    assert document.warnings == ()


def test_operative_paragraphs_that_begin_with_the_word_alternative_stay_numbered():
    text = EN.format(bis="").replace("2. Decides b;", "2. Alternative development programmes are encouraged;")
    document = parse_text(text)[0]
    assert [(p.id, p.text) for p in document.paragraphs][2] == ("OP2", "Alternative development programmes are encouraged;")


def test_a_diff_shows_the_alternative_added_and_word_prints_its_number(tmp_path):
    assert diff(tmp_path, EN.format(bis=""), EN.format(bis="[2. alt Decides other;]\n\n")) == (
        "a.txt → b.txt\n"
        "The General Assembly,\n"
        "4 unchanged  0 modified  1 added  0 removed  0 merged  0 split  0 moved  0 renumbered\n"
        "\n"
        "[unchanged]  a.txt PP1 → b.txt PP1\n"
        "Recalling x,\n"
        "\n"
        "[unchanged]  a.txt OP1 → b.txt OP1\n"
        "Decides a;\n"
        "\n"
        "[unchanged]  a.txt OP2 → b.txt OP2\n"
        "Decides b;\n"
        "\n"
        "[added]  b.txt OP2alt\n"
        "{+[Decides other;]+}\n"
        "\n"
        "[unchanged]  a.txt OP3 → b.txt OP3\n"
        "Decides c.\n"
    )
    chinese = parse_text(ZH.format(bis="[2. alt 决定其他；]\n\n"))[0]
    assert [(p.id, p.text) for p in chinese.paragraphs][3] == ("OP2alt", "[决定其他；]")
    assert _prefix(chinese.paragraphs[3]) == "2 alt. "


def test_an_alternative_run_into_the_paragraph_before_is_a_warning():
    # "OP2 alt:" after OP2's semicolon on the same line: read as part of OP2, and said so
    document = parse_text(EN.format(bis="").replace("Decides b;", "Decides b; OP2 alt: Decides other;"))[0]
    assert document.paragraphs[2].text == "Decides b; OP2 alt: Decides other;"
    assert document.warnings == ("document: a paragraph numbered “OP2 alt” is read as part of OP2: check it by hand",)


@pytest.mark.parametrize("alternative", ["[PP1 alt] Noting y,", "[PP1 alt Noting y,]", "PP1 alt: Noting y,"])
def test_a_preambular_alternative_is_a_paragraph_of_its_own_and_the_count_goes_on(alternative):
    # before: "[PP1 alt] Noting y," was PP2, its label in its text, and the next preambular
    # paragraph PP3 where the version without the alternative has PP2
    text = f"The General Assembly,\n\nRecalling x,\n\n{alternative}\n\nWelcoming z,\n\n1. Decides a.\n"
    document = parse_text(text)[0]
    assert [(p.id, p.kind.value, p.text) for p in document.paragraphs] == [
        ("PP1", "preambular", "Recalling x,"),
        ("PP1alt", "preambular", "[Noting y,]" if alternative.endswith("]") else
         alternative if alternative.startswith("[") else "Noting y,"),
        ("PP2", "preambular", "Welcoming z,"), ("OP1", "operative", "Decides a."),
    ]
    assert document.warnings == ()
    # Word prints the label as the text does: in brackets where they are, else "PP1 alt: "
    assert _prefix(document.paragraphs[1]) == ("" if alternative.startswith("[PP1 alt]") else "PP1 alt: ")


def test_a_preambular_alternative_diffs_as_added_and_meets_the_schema(tmp_path):
    old = "The General Assembly,\n\nRecalling x,\n\nWelcoming z,\n\n1. Decides a.\n"
    new = old.replace("Welcoming z,", "[PP1 alt] Noting y,\n\nWelcoming z,")
    out = diff(tmp_path, old, new)
    assert "[added]  b.txt PP1alt\n{+[PP1 alt] Noting y,+}\n" in out
    assert "[unchanged]  a.txt PP2 → b.txt PP2\n" in out
    (tmp_path / "c.txt").write_text(new, encoding="utf-8")
    result = runner.invoke(app, ["parse", "--format", "json", str(tmp_path / "c.txt")])
    schema = json.loads((ROOT / "resdiff" / "schemas" / "parse.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(result.stdout), schema)
