"""A year a Markdown copy's footnote wraps to, misread as a footnote definition ("[^2013]: …"),
is read into the footnote it goes on."""

from __future__ import annotations

import pytest
from conftest import CORPUS

from resdiff.parse import parse_file


def _footnotes(path) -> dict[str, str]:
    return {f.mark: f.text for f in parse_file(str(path))[0].footnotes}


def test_a_year_wrapped_from_a_footnote_goes_on_that_footnote():
    document = parse_file(str(CORPUS / "en" / "A_RES_80_6.md"))[0]
    notes = {f.mark: f.text for f in document.footnotes}
    assert notes["9"] == ("S/PRST/2013/2; see Resolutions and Decisions of the Security Council, "
                          "1 August 2012–31 July 2013 (S/INF/68).")
    assert list(notes) == [str(n) for n in range(1, 11)]
    assert document.warnings == ()
    notes = _footnotes(CORPUS / "en" / "A_RES_80_10.md")
    assert notes["10"] == ("Report of the International Conference on Population and Development, Cairo, "
                           "5–13 September 1994 (United Nations publication, Sales No. E.95.XIII.18), chap. I, "
                           "resolution 1, annex.")
    assert list(notes) == [str(n) for n in range(1, 14)]


TEXT = """The General Assembly,

Recalling its resolution 1/1,[^1] and its resolution 2/2,[^2]

1. Decides to act;

2. Decides also to act.

[^1]: See A/1, adopted on 3 May
[^1999]: (A/2).

[^2]: See A/3.
"""


def test_a_year_under_a_footnote_it_goes_on_is_read_into_it(tmp_path):
    path = tmp_path / "text.md"
    path.write_text(TEXT, encoding="utf-8")
    document = parse_file(str(path))[0]
    assert [(f.mark, f.text) for f in document.footnotes] == [("1", "See A/1, adopted on 3 May 1999 (A/2)."),
                                                              ("2", "See A/3.")]
    assert document.warnings == ()


@pytest.mark.parametrize("text", [
    # a full sentence above: no year goes on it
    TEXT.replace("3 May\n", "3 May.\n"),
    # a blank line between: a definition of its own
    TEXT.replace("3 May\n", "3 May\n\n"),
])
def test_a_year_out_of_sequence_that_goes_on_nothing_stays_a_footnote_and_is_named(tmp_path, text):
    path = tmp_path / "text.md"
    path.write_text(text, encoding="utf-8")
    document = parse_file(str(path))[0]
    assert [f.mark for f in document.footnotes] == ["1", "1999", "2"]
    line = text.split("\n").index("[^1999]: (A/2).") + 1
    assert [str(w) for w in document.warnings] == [
        "document: footnote 1999 is cited by no paragraph: its mark may be missing or misread",
        f"document: line {line}: footnote 1999 breaks the footnotes' sequence after footnote 1: if it is a year "
        "going on footnote 1's text, the two are misread",
    ]


def test_a_footnote_numbered_next_is_no_year(tmp_path):
    text = "\n".join(f"Recalling resolution {n}/1,[^{n}]" for n in range(1, 3))
    path = tmp_path / "text.md"
    path.write_text(f"The General Assembly,\n\n{text}\n\n1. Decides;\n\n2. Decides.\n\n"
                    "[^1]: Adopted in\n[^2]: Ibid.\n", encoding="utf-8")
    assert [(f.mark, f.text) for f in parse_file(str(path))[0].footnotes] == [("1", "Adopted in"), ("2", "Ibid.")]

