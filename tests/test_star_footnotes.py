"""Asterisk footnotes: the "*" note of a draft's sponsors line ("Iraq:* draft resolution" /
"* On behalf of the States Members … of the Group of 77 and China.") and the "*", "**" of its
symbol ("Reissued for technical reasons …") are footnotes, read and compared as the numbered
ones are, never numbered themselves nor renumbering the others; a change of on whose behalf a
draft is tabled is a change. Before, they went to the page furniture (their "* " dropped from
the line listed) and such a change read "No changes"."""

from __future__ import annotations

import io
import json
import zipfile

from resdiff.compare import compare
from resdiff.parse import parse_file, parse_text
from test_uncited_footnotes_word import _assert_accept_reject, _read_back

from helpers import run_command

G77 = ("United Nations A/C.2/80/L.30\nGeneral Assembly Distr.: Limited\n5 November 2025\nSecond Committee\n"
       "Agenda item 18\nMacroeconomic policy questions\nIraq:* draft resolution\nInternational trade and development\n"
       "The General Assembly,\nRecalling its resolution 79/1,1\n1. Decides to act;\n2. Requests a report.\n__________\n"
       "* On behalf of the States Members of the United Nations that are members of the Group of 77 and China.\n"
       "1 A/RES/79/1.\n")
BEHALF = "On behalf of the States Members of the United Nations that are members of the Group of 77 and China."


def _files(tmp_path, old: str, new: str):
    a, b = tmp_path / "g77.txt", tmp_path / "g77b.txt"
    a.write_text(old, encoding="utf-8")
    b.write_text(new, encoding="utf-8")
    return str(a), str(b)


def test_a_changed_on_behalf_note_is_a_change_in_every_view(tmp_path):
    a, b = _files(tmp_path, G77, G77.replace("Group of 77 and China", "Group of 77"))
    result = run_command("diff", a, b, "--exit-code", "--only-changes")
    assert result.returncode == 1, result.stdout
    assert result.stderr == ""
    assert result.stdout == (
        "A/C.2/80/L.30 (2025-11-05) → A/C.2/80/L.30 (2025-11-05)\n"
        "International trade and development\n"
        "3 unchanged  0 modified  0 added  0 removed  0 merged  0 split  0 moved  0 renumbered\n"
        "Changed: 1 footnote\n"
        "Left out as page furniture: 5 lines of L.30 (old), 5 lines of L.30 (new) (--show-furniture lists them)\n\n"
        "Footnotes: 1 unchanged  1 modified  0 added  0 removed  0 renumbered\n\n"
        "[modified]  L.30 (old) footnote * → L.30 (new) footnote *  (94% alike)\n"
        "On behalf of the States Members of the United Nations that are members of the Group of 77[- and China-].\n")
    data = json.loads(run_command("diff", a, b, "--format", "json").stdout)
    assert [(f["kind"], f["old"], f["new"]) for f in data["footnotes"]] == [
        ("modified", "*", "*"), ("unchanged", "1", "1")]
    assert data["footnotes"][0]["inline"][-2:] == [{"op": "delete", "text": " and China"}, {"op": "equal", "text": "."}]
    markdown = run_command("diff", a, b, "--format", "markdown").stdout
    assert "### L.30 (old) footnote \\* → L.30 (new) footnote \\* (modified) — 94% alike\n\n" \
           "On behalf of the States Members of the United Nations that are members of the Group of 77<del> and China</del>.\n" \
           in markdown
    html = run_command("diff", a, b, "--format", "html").stdout
    assert "<del> and China</del>" in html


def test_the_note_is_read_as_footnote_star_and_the_furniture_is_listed_as_written():
    document = parse_text(G77, "g77.txt")[0]
    assert document.sponsors == "Iraq:* draft resolution"
    assert [(f.mark, f.text) for f in document.footnotes] == [("*", BEHALF), ("1", "A/RES/79/1.")]
    assert [p.footnotes for p in document.paragraphs] == [("1",), (), ()]
    assert document.warnings == ()
    assert [str(line) for line in document.furniture] == [
        "line 1: United Nations A/C.2/80/L.30", "line 2: General Assembly Distr.: Limited", "line 3: 5 November 2025",
        "line 4: Second Committee", "line 13: __________"]


def test_symbol_and_sponsors_notes_and_a_note_without_its_rule():
    text = (G77.replace("L.30\n", "L.30*\n", 1).replace("Iraq:*", "Iraq:**")
            .replace("__________\n* On behalf", "__________\n* Reissued for technical reasons on 7 November 2025.\n"
                     "** On behalf"))
    document = parse_text(text, "g77s.txt")[0]
    assert [(f.mark, f.text[:20]) for f in document.footnotes] == [
        ("*", "Reissued for technic"), ("**", "On behalf of the Sta"), ("1", "A/RES/79/1.")]
    assert document.warnings == ()
    # printed with no rule above it (a drawn rule, lost by the extraction), after the text
    document = parse_text(G77.replace("__________\n", ""), "g77n.txt")[0]
    assert [(f.mark, f.text) for f in document.footnotes] == [("*", BEHALF), ("1", "A/RES/79/1.")]
    assert document.warnings == ()
    # a web page's bulleted line is still a bullet: no "*" is cited
    document = parse_text(G77.replace("Iraq:*", "Iraq:").replace("__________\n* On behalf", "* On behalf")
                          .replace("\n1 A/RES/79/1.\n", "\n"), "bullet.txt")[0]
    assert document.footnotes == ()
    assert [str(line) for line in document.furniture][-1] == f"line 13: {BEHALF}"


def _word_with_custom_mark(tmp_path) -> bytes:
    """A Word draft whose sponsors line carries its "On behalf of …" note with the custom mark
    "*", as Word drafts set it (w:customMarkFollows, the mark written after the reference)."""
    plain = tmp_path / "plain.txt"
    plain.write_text(G77.replace("Iraq:*", "Iraq:").replace(f"* {BEHALF}\n", ""), encoding="utf-8")
    word = tmp_path / "plain.docx"
    assert run_command("diff", str(plain), str(plain), "-o", str(word)).returncode == 0
    out = io.BytesIO()
    with zipfile.ZipFile(word) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info.filename).decode("utf-8") if info.filename.endswith(".xml") else None
            if info.filename == "word/document.xml":
                assert content.count("Iraq: draft resolution") == 1
                content = content.replace(
                    "Iraq: draft resolution",
                    'Iraq:</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                    '<w:footnoteReference w:customMarkFollows="1" w:id="99"/><w:t>*</w:t></w:r>'
                    '<w:r><w:t xml:space="preserve"> draft resolution')
            elif info.filename == "word/footnotes.xml":
                content = content.replace("</w:footnotes>", '<w:footnote w:id="99"><w:p><w:r>'
                                          f'<w:t>* {BEHALF}</w:t></w:r></w:p></w:footnote></w:footnotes>')
            target.writestr(info, content.encode("utf-8") if content is not None else source.read(info.filename))
    return out.getvalue()


def test_a_word_custom_mark_star_is_footnote_star_and_numbers_nothing(tmp_path):
    path = tmp_path / "g77d.docx"
    path.write_bytes(_word_with_custom_mark(tmp_path))
    document = parse_file(str(path))[0]
    assert document.sponsors == "Iraq:* draft resolution"
    assert [(f.mark, f.text) for f in document.footnotes] == [("1", "A/RES/79/1."), ("*", BEHALF)]
    assert [p.footnotes for p in document.paragraphs] == [("1",), (), ()]
    assert [str(line) for line in document.furniture] == ["paragraph 1: A/C.2/80/L.30"]
    text = tmp_path / "g77.txt"
    text.write_text(G77, encoding="utf-8")
    result = run_command("diff", str(text), str(path), "--exit-code", "--stat")
    assert result.returncode == 0, result.stdout


def test_word_output_gives_each_version_its_star_note():
    old = parse_text(G77, "a.txt")[0]
    new = parse_text(G77.replace("Group of 77 and China", "Group of 77"), "b.txt")[0]
    comparison = compare(old, new)
    from resdiff.render.docx import render
    data = render(comparison)
    _assert_accept_reject(comparison, data)
    assert _read_back(data, accept=False) == [("1", "A/RES/79/1."), ("*", BEHALF)]
    assert _read_back(data, accept=True) == [("1", "A/RES/79/1."), ("*", BEHALF.replace(" and China", ""))]
