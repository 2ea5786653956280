"""A resolution in parts A and B, each with its heading and chapeau, is one document: a change
in part A shows and `diff --exit-code` exits 1; `add` stores it as one document, and counts
its operative paragraphs without the parts' headings."""

from __future__ import annotations

from typer.testing import CliRunner

from resdiff.cli import app

TEXT = ("United Nations A/RES/78/999\nGeneral Assembly Distr.: General\n\n78/999. Questions relating to information\n\n"
        "A\nInformation in the service of humanity\n\nThe General Assembly,\n\n"
        "Taking note of the report of the Committee,\n\n1. Urges all countries to cooperate;\n\n2. Requests a report.\n\n"
        "B\nUnited Nations public information policies and activities\n\nThe General Assembly,\n\n"
        "Emphasizing the role of the Department of Global Communications,\n\n"
        "1. Reaffirms the central role of the Committee on Information;\n\n"
        "2. Requests the Department to continue its work.\n\n77th plenary meeting\n18 December 2023\n")


def run(*args: str):
    result = CliRunner().invoke(app, ["--ui-lang", "en", *args])
    return result.exit_code, result.stdout


def test_a_change_in_part_a_shows_and_the_parts_are_stored_as_one_document(tmp_path):
    old, new = tmp_path / "ab0.txt", tmp_path / "ab2.txt"
    old.write_text(TEXT, encoding="utf-8")
    new.write_text(TEXT.replace("to cooperate", "to refrain"), encoding="utf-8")
    assert run("diff", str(old), str(new), "--exit-code", "--only-changes", "--width", "120") == (1, (
        "A/RES/78/999 → A/RES/78/999\n"
        "Questions relating to information\n"
        "8 unchanged  1 modified  0 added  0 removed  0 merged  0 split  0 moved  0 renumbered\n"
        "Left out as page furniture: 4 lines of 78/999 (old), 4 lines of 78/999 (new) (--show-furniture lists them)\n"
        "\n"
        "[modified]  78/999 (old) A.OP1 → 78/999 (new) A.OP1  (71% alike)\n"
        "Urges all countries to [-cooperate-]{+refrain+};\n"))
    store = str(tmp_path / "s.db")
    assert run("add", str(old), "--store", store) == (0, "added A/RES/78/999 (2 PP, 4 OP)\n")
    assert run("add", str(new), "--store", store) == (0, "revised A/RES/78/999 (revision 2, 2 PP, 4 OP)\n")
    assert run("log", "--store", store) == (0, (
        "Questions relating to information\n"
        "  ----------  A/RES/78/999           2 PP 4 OP  first version\n"
        "  ----------  A/RES/78/999 rev 2     2 PP 4 OP  +0 −0 ~1\n"))
