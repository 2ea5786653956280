"""A web page's numbered lists read with the numbers a browser shows: the footnotes under the
text (``<ol class="footnotes">``, or a list whose items the marks link to) are read as the
footnotes, and compared; a list of operative paragraphs keeps its numbers, a list in letters
its sub-paragraph labels."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from resdiff.cli import app
from resdiff.parse import parse_text
from resdiff.parse.html import html_text

runner = CliRunner()

WEB = ('<html><body><h2>Resolution 80/99. Protection of journalists</h2><p>The General Assembly,</p>'
       '<p><em>Recalling</em> its resolution 78/1,<sup><a href="#fn1">1</a></sup></p>'
       '<p><em>Noting</em> the report of the Secretary-General,<sup><a href="#fn2">2</a></sup></p>'
       '<p>1. <em>Condemns</em> all attacks on journalists;</p><p>2. <em>Requests</em> the Secretary-General to '
       'report.</p><hr><ol class="footnotes"><li id="fn1">See A/78/PV.1.</li><li id="fn2">A/80/123.</li></ol>'
       '<footer>© United Nations 2026</footer></body></html>')


def test_a_footnote_list_is_read_under_a_separator():
    assert html_text(WEB).endswith("2. Requests the Secretary-General to report.\n\n__________\n1 See A/78/PV.1.\n\n"
                                   "2 A/80/123.\n\n© United Nations 2026\n")
    (document,) = parse_text(html_text(WEB), "web0.html")
    assert [(p.id, p.footnotes) for p in document.paragraphs] == [("PP1", ("1",)), ("PP2", ("2",)), ("OP1", ()),
                                                                  ("OP2", ())]
    assert [(f.mark, f.text) for f in document.footnotes] == [("1", "See A/78/PV.1."), ("2", "A/80/123.")]
    # from the heading "Resolution 80/99. …", never from a footnote ("A/80/123.")
    assert (document.symbol, document.title) == ("A/RES/80/99", "Protection of journalists")


def test_a_changed_footnote_in_the_list_is_a_change(tmp_path):
    (tmp_path / "web0.html").write_text(WEB, encoding="utf-8")
    (tmp_path / "web2.html").write_text(WEB.replace("A/80/123.", "A/80/123 and Corr.1."), encoding="utf-8")
    result = runner.invoke(app, ["diff", str(tmp_path / "web0.html"), str(tmp_path / "web2.html"), "--exit-code",
                                 "--only-changes"])
    assert result.exit_code == 1
    assert "A/80/123{+ and Corr.1+}." in result.output


WIKI = ('<html><body><p>The General Assembly,</p><p><i>Recalling</i> its resolution 78/1,<sup id="r1">'
        '<a href="#cite_note-1">[1]</a></sup></p><ol><li><i>Condemns</i> all attacks on journalists;</li>'
        '<li><i>Requests</i>:<ol type="a"><li>a report;</li><li>a plan.</li></ol></li></ol><h3>Notes</h3>'
        '<ol><li id="cite_note-1"><a href="#r1">^</a> See A/78/PV.1.</li></ol></body></html>')


def test_lists_of_paragraphs_sub_paragraphs_and_linked_footnotes():
    assert html_text(WIKI) == ("The General Assembly,\n\nRecalling its resolution 78/1,[1]\n\n"
                               "1. Condemns all attacks on journalists;\n\n2. Requests:\n\n(a) a report;\n\n"
                               "(b) a plan.\n\nNotes\n\n__________\n1 ^ See A/78/PV.1.\n")
    (document,) = parse_text(html_text(WIKI), "wiki.html")
    assert [(p.id, p.text, p.footnotes, [(i.label, i.text) for i in p.items]) for p in document.paragraphs] == [
        ("PP1", "Recalling its resolution 78/1,", ("1",), []),
        ("OP1", "Condemns all attacks on journalists;", (), []),
        ("OP2", "Requests:", (), [("a", "a report;"), ("b", "a plan.")])]
    assert [(f.mark, f.text) for f in document.footnotes] == [("1", "^ See A/78/PV.1.")]


@pytest.mark.parametrize(("attributes", "items", "numbers"), [
    ('start="5"', 2, ["5. ", "6. "]), ('type="I"', 3, ["I. ", "II. ", "III. "]), ('type="i"', 2, ["(i) ", "(ii) "]),
    ('type="A" start="27"', 1, ["AA. "]),
])
def test_list_numbers_as_a_browser_shows_them(attributes, items, numbers):
    page = f"<html><body><ol {attributes}>" + "".join(f"<li>item {k}</li>" for k in range(items)) + "</ol></body></html>"
    assert html_text(page).split("\n\n") == [f"{n}item {k}" for k, n in enumerate(numbers[:-1])] + \
        [f"{numbers[-1]}item {items - 1}\n"]


def test_an_unnumbered_list_gets_no_numbers():
    assert html_text("<html><body><ul><li>one</li><li>two</li></ul></body></html>") == "one\n\ntwo\n"
