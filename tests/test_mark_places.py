"""Where a footnote mark stands in its paragraph: kept when the text is read (an offset in the
paragraph's text, in the model, the parse JSON and the store), and a mark set on other words of
the same paragraph is a change of the paragraph's footnote references in every view (exit 1 with
--exit-code). Before, the place was thrown away and such a move read "No changes"."""

from __future__ import annotations

import json

import jsonschema

from resdiff.compare import compare
from resdiff.parse import parse_text
from resdiff.store import _read_document, _stored

from conftest import ROOT
from helpers import run_command

FM0 = ("The General Assembly,\n\nGuided by the Universal Declaration of Human Rights,1 the International Covenants on "
       "Human Rights2 and other instruments,\n\n1. Decides to act;\n\n2. Requests a report.\n\n__________\n"
       "1 Resolution 217 A (III).\n2 Resolution 2200 A (XXI), annex.\n")
FM3 = FM0.replace("Human Rights2 and", "Human Rights and").replace("other instruments,\n", "other instruments,2\n")
PP1 = ("Guided by the Universal Declaration of Human Rights, the International Covenants on Human Rights and other "
       "instruments,")


def _schema(name: str) -> dict:
    return json.loads((ROOT / "resdiff" / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))


def test_each_mark_keeps_its_place_in_the_text():
    old, new = parse_text(FM0, "fm0.txt")[0], parse_text(FM3, "fm3.txt")[0]
    assert (old.paragraphs[0].text, old.paragraphs[0].footnotes, old.paragraphs[0].marks_at) == (PP1, ("1", "2"), (52, 96))
    assert (new.paragraphs[0].text, new.paragraphs[0].marks_at) == (PP1, (52, 119))
    assert PP1[:52].endswith("Human Rights,") and PP1[:96].endswith("on Human Rights")
    # superscript marks, a mark after a gap, a sub-paragraph's marks
    text = ("The General Assembly,\n\nRecalling the Charter,¹ the Declaration² and the Rules ³ of 1955,\n\n"
            "1. Decides:\n\n(a) To act1 now;\n\n(b) To report.\n\n__________\n¹ A.\n² B.\n³ C.\n")
    document = parse_text(text.replace("To act1 now", "To act⁴ now").replace("³ C.\n", "³ C.\n⁴ D.\n"), "sup.txt")[0]
    pp1, op1 = document.paragraphs
    assert (pp1.text, pp1.marks_at) == ("Recalling the Charter, the Declaration and the Rules of 1955,", (22, 38, 52))
    assert (op1.items[0].text, op1.items[0].footnotes, op1.items[0].marks_at) == ("To act now;", ("4",), (6,))
    assert op1.mark_places() == (len("Decides:\n(a) To act"),)


def test_a_mark_moved_to_other_words_is_a_change_of_references_in_every_view(tmp_path):
    a, b = tmp_path / "fm0.txt", tmp_path / "fm3.txt"
    a.write_text(FM0, encoding="utf-8")
    b.write_text(FM3, encoding="utf-8")
    result = run_command("diff", str(a), str(b), "--exit-code", "--only-changes")
    assert result.returncode == 1
    assert result.stdout == (
        "fm0.txt → fm3.txt\n"
        "3 unchanged  0 modified  0 added  0 removed  0 merged  0 split  0 moved  0 renumbered\n"
        "Changed: 1 paragraph's footnote references\n"
        "Left out as page furniture: 1 line of fm0.txt, 1 line of fm3.txt (--show-furniture lists them)\n\n"
        "Footnotes: 2 unchanged  0 modified  0 added  0 removed  0 renumbered\n\n"
        "[footnote references]  fm0.txt PP1 → fm3.txt PP1: 1 after “of Human Rights,”, 2 after “on Human Rights” → "
        "1 after “of Human Rights,”, 2 after “and other instruments,”\n")
    data = json.loads(run_command("diff", str(a), str(b), "--format", "json").stdout)
    jsonschema.validate(data, _schema("diff"))
    assert data["footnote_references"] == [{
        "old": ["PP1"], "new": ["PP1"], "old_marks": ["1", "2"], "new_marks": ["1", "2"],
        "old_at": [52, 96], "new_at": [52, 119], "old_words": ["of Human Rights,", "on Human Rights"],
        "new_words": ["of Human Rights,", "and other instruments,"]}]
    markdown = run_command("diff", str(a), str(b), "--format", "markdown").stdout
    assert ("- Footnote references of fm0.txt PP1 → fm3.txt PP1: 1 after “of Human Rights,”, 2 after “on Human Rights” "
            "→ 1 after “of Human Rights,”, 2 after “and other instruments,”\n") in markdown
    html = run_command("diff", str(a), str(b), "--format", "html").stdout
    assert ("Footnote references of fm0.txt PP1 → fm3.txt PP1</strong>: 1 after “of Human Rights,”, 2 after “on Human "
            "Rights” → 1 after “of Human Rights,”, 2 after “and other instruments,”") in html
    parsed = json.loads(run_command("parse", str(a), "--format", "json").stdout)
    jsonschema.validate(parsed, _schema("parse"))
    assert parsed["documents"][0]["paragraphs"][0]["marks_at"] == [52, 96]


def test_marks_kept_on_their_words_are_no_change_however_the_text_around_them_changes():
    old = parse_text(FM0, "fm0.txt")[0]
    same = compare(old, parse_text(FM0, "again.txt")[0])
    assert same.marks == ()
    reworded = FM0.replace("Guided by the Universal", "Guided also by the whole Universal").replace(
        "and other instruments", "and all other relevant instruments")
    comparison = compare(old, parse_text(reworded, "reworded.txt")[0])
    assert [c.kind.value for c in comparison.changes][:1] == ["modified"]
    assert comparison.marks == ()


def test_the_store_keeps_the_places_and_reads_versions_stored_before_them():
    old, new = parse_text(FM0, "fm0.txt")[0], parse_text(FM3, "fm3.txt")[0]
    row = {"symbol": None, "title": None, "language": "en", "source": "fm0.txt", "date": None}
    stored = _read_document({**row, "content": json.dumps(_stored(old))})
    assert stored.paragraphs[0].marks_at == (52, 96)
    assert [m.new_at for m in compare(stored, new).marks] == [(52, 119)]
    # a version stored before marks had places: read, its marks taken as placed nowhere known,
    # never reported as moved
    content = _stored(old)
    for paragraph in content["paragraphs"]:
        paragraph.pop("marks_at", None)
    before = _read_document({**row, "content": json.dumps(content)})
    assert before.paragraphs[0].marks_at == ()
    assert compare(before, new).marks == ()


def test_the_word_file_writes_each_reference_where_its_mark_stands():
    from resdiff.parse.docx import parse_docx
    from resdiff.render.docx import render
    from test_uncited_footnotes_word import _settled

    old, new = parse_text(FM0, "fm0.txt")[0], parse_text(FM3, "fm3.txt")[0]
    comparison = compare(old, new)
    data = render(comparison)
    accepted = parse_docx(_settled(data, accept=True), "x.docx")[0]
    rejected = parse_docx(_settled(data, accept=False), "x.docx")[0]
    for document, places in ((accepted, (52, 119)), (rejected, (52, 96))):
        paragraph = document.paragraphs[0]
        assert (paragraph.text, paragraph.footnotes, paragraph.marks_at) == (PP1, ("1", "2"), places)
        assert [(f.mark, f.text) for f in document.footnotes] == [
            ("1", "Resolution 217 A (III)."), ("2", "Resolution 2200 A (XXI), annex.")]
    # the file of one version against itself: every reference where the text has its mark
    again = parse_docx(render(compare(old, old)), "y.docx")[0]
    assert again.paragraphs[0].marks_at == (52, 96)


def test_a_version_whose_only_change_is_a_moved_mark_is_a_new_revision(tmp_path):
    first, second = tmp_path / "s0.txt", tmp_path / "s3.txt"
    first.write_text("United Nations A/C.3/80/L.41\n" + FM0, encoding="utf-8")
    second.write_text("United Nations A/C.3/80/L.41\n" + FM3, encoding="utf-8")
    store = str(tmp_path / "s.db")
    said = [run_command("add", str(path), "--store", store).stdout for path in (first, second, second)]
    assert said == ["added A/C.3/80/L.41 (1 PP, 2 OP)\n", "revised A/C.3/80/L.41 (revision 2, 1 PP, 2 OP)\n",
                    "unchanged A/C.3/80/L.41 (already stored as revision 2)\n"]
    result = run_command("diff", "L.41@1", "L.41@2", "--store", store, "--exit-code", "--only-changes")
    assert result.returncode == 1
    assert result.stdout.endswith(
        "[footnote references]  L.41 rev 1 PP1 → L.41 rev 2 PP1: 1 after “of Human Rights,”, 2 after “on Human "
        "Rights” → 1 after “of Human Rights,”, 2 after “and other instruments,”\n")


def test_the_html_copy_of_the_text_sets_each_mark_where_it_stands():
    from resdiff.render.html import clean_text

    assert clean_text(parse_text(FM3, "fm3.txt")[0]) == (
        "The General Assembly,\n"
        "Guided by the Universal Declaration of Human Rights,¹ the International Covenants on Human Rights and other "
        "instruments,²\n1. Decides to act;\n2. Requests a report.\n__________\n"
        "1 Resolution 217 A (III).\n2 Resolution 2200 A (XXI), annex.\n")
