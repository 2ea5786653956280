"""Every view shows both texts whole: with its marks taken off, each change reads the old text on
one side and the new text on the other, width- and spacing-only differences included.

The property is checked on the sample, on the scenario cases, on real texts with widths changed,
and on generated pairs, for every renderer: the terminal view (no colour, no wrapping), the
Markdown report (as a GFM renderer turns it into HTML), the HTML report's inline and
side-by-side views, the JSON spans, and the Word file (every revision accepted gives the new
version, every one rejected the old).
"""

from __future__ import annotations

import html as htmllib
import json
import re
from dataclasses import replace

import pytest
from markdown_it import MarkdownIt

from resdiff.compare import compare
from resdiff.inline import rebuild
from resdiff.model import ChangeKind
from resdiff.parse import parse_file
from resdiff.render import RenderOptions
from resdiff.render import html as html_render
from resdiff.render import json as json_render
from resdiff.render import markdown as markdown_render
from resdiff.render import terminal

from conftest import FIXTURES, ROOT
from generator import generate

_HEADING = re.compile(r"^\[(?:" + "|".join(k.value for k in ChangeKind) + r")\]")
_WIDE = 1_000_000


def _expected(comparison) -> list[tuple[str, str]]:
    return [rebuild(change.inline) for change in comparison.changes]


def _terminal_sides(comparison, part: str = "paragraphs") -> list[tuple[str, str]]:
    out = terminal.render(comparison, RenderOptions(width=_WIDE, color=False))
    paragraphs, _, footnotes = out.partition("\nFootnotes: ")
    out = paragraphs if part == "paragraphs" else footnotes.split("\n[footnote references]")[0]
    blocks: list[list[str]] = []
    for line in out.split("\n"):
        if _HEADING.match(line):
            blocks.append([])
        elif blocks and not blocks[-1] and line.startswith("Sub-paragraphs: "):
            continue  # what became of the sub-paragraphs, said before the text
        elif blocks:
            blocks[-1].append(line)
    sides = []
    for block in blocks:
        text = "\n".join(block).strip("\n")  # the blank line before the next heading
        old = re.sub(r"\{\+(.*?)\+\}", "", text, flags=re.S)
        old = re.sub(r"\[-(.*?)-\]", r"\1", old, flags=re.S)
        new = re.sub(r"\[-(.*?)-\]", "", text, flags=re.S)
        new = re.sub(r"\{\+(.*?)\+\}", r"\1", new, flags=re.S)
        sides.append((old, new))
    return sides


def _html_sides(fragment: str) -> tuple[str, str]:
    fragment = re.sub(r"<br\s*/?>\n?", "\n", fragment)
    fragment = re.sub(r'<span class="pilcrow"[^>]*>¶</span>', "\n", fragment)
    fragment = fragment.replace("¶\n", "\n")  # Markdown's mark of a removed paragraph break
    old = re.sub(r"<(ins|strong)\b[^>]*>.*?</\1>", "", fragment, flags=re.S)
    new = re.sub(r"<(del|s)\b[^>]*>.*?</\1>", "", fragment, flags=re.S)
    strip = lambda text: htmllib.unescape(re.sub(r"<[^>]+>", "", text))  # noqa: E731
    return strip(old), strip(new)


def _markdown_sides(comparison, part: str = "paragraphs") -> list[tuple[str, str]]:
    source = markdown_render.render(comparison, RenderOptions())
    rendered = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).render(source)
    changes = rendered.split("<h2>Changes</h2>", 1)[1]
    changes, _, footnotes = changes.partition("<h2>Footnotes</h2>")
    if part == "footnotes":
        changes = footnotes
    paragraphs = re.findall(r"<h3>.*?</h3>\n(?:<p>(?:Merges|Splits into) .*?</p>\n)?(?:<p>Sub-paragraphs: .*?</p>\n)?<p>(.*?)</p>", changes, re.S)
    return [_html_sides(p) for p in paragraphs]


def _html_inline_sides(comparison) -> list[tuple[str, str]]:
    page = html_render.render(comparison, RenderOptions())
    fragments = re.findall(r'<div class="inline"><p class="text"[^>]*>(.*?)</p></div>', page, re.S)
    return [_html_sides(f) for f in fragments]


def _html_sbs_sides(comparison) -> list[tuple[str, str]]:
    """The side-by-side view: the old column reads the old paragraphs, the new column the new."""
    page = html_render.render(comparison, RenderOptions())
    sides = []
    for block in re.findall(r'<div class="sbs">(.*?)</div></article>', page, re.S):
        columns = []
        for side in ("old", "new"):
            column = re.search(rf'<div class="col {side}">(.*?)</div>(?=<div class="col|$)', block, re.S).group(1)
            texts = re.findall(r'<p class="text"[^>]*>(.*?)</p>', column, re.S)
            columns.append("\n".join(_html_sides(t)[0 if side == "old" else 1] for t in texts))
        sides.append(tuple(columns))
    return sides


def _json_sides(comparison) -> list[tuple[str, str]]:
    data = json.loads(json_render.render(comparison))
    return [("".join(s["text"] for s in c["inline"] if s["op"] != "insert"),
             "".join(s["text"] for s in c["inline"] if s["op"] != "delete")) for c in data["changes"]]


VIEWS = {"terminal": _terminal_sides, "markdown": _markdown_sides, "html": _html_inline_sides,
         "html-side-by-side": _html_sbs_sides, "json": _json_sides}


def _assert_whole(comparison, view: str) -> None:
    if view == "word":
        _assert_word_whole(comparison)
        return
    expected = _expected(comparison)
    shown = VIEWS[view](comparison)
    assert len(shown) == len(expected)
    for change, (old, new), (want_old, want_new) in zip(comparison.changes, shown, expected):
        if view == "markdown":
            # A rendered Markdown page shows a run of spaces as one and none at a line's ends:
            # there both texts are whole up to runs of white space.
            want_old, want_new, old, new = (_spaces(t) for t in (want_old, want_new, old, new))
        assert (old, new) == (want_old, want_new), (change.old, change.new)


def _assert_word_whole(comparison) -> None:
    """Word: accepting every revision gives the new version as printed, rejecting every one the
    old, width- and spacing-only differences included."""
    from resdiff.render import docx as docx_render
    from test_tracked_changes import _assert_accept_reject

    _assert_accept_reject(comparison, docx_render.render(comparison, RenderOptions()))


def _spaces(text: str) -> str:
    return re.sub(r" *\n *", "\n", re.sub(r"[ \t]+", " ", text)).strip()


def _with_widths_changed(document):
    """The document with every second full-width comma turned half-width and a space added."""
    paragraphs = []
    for index, paragraph in enumerate(document.paragraphs):
        text = paragraph.text
        if index % 2:
            text = text.replace("，", ",", 2).replace(",", ", ", 1)
        paragraphs.append(replace(paragraph, text=text))
    return replace(document, paragraphs=tuple(paragraphs))


@pytest.mark.parametrize("view", sorted(VIEWS) + ["word"])
def test_sample_reads_whole_in_every_view(sample_comparison, view):
    _assert_whole(sample_comparison, view)


@pytest.mark.parametrize("view", ["terminal", "markdown"])
def test_footnotes_read_whole_in_the_terminal_and_markdown(view):
    # A/RES/ES-11/1 against a copy with footnote 2 reworded and footnote 3 removed: every
    # footnote of both versions is shown, its old and new bodies whole.
    document = parse_file(str(FIXTURES / "corpus/en/A_RES_ES-11_1.en.txt"))[0]
    notes = list(document.footnotes)
    notes[1] = replace(notes[1], text=notes[1].text.replace("vol. 75", "vol. 76"))
    comparison = compare(document, replace(document, footnotes=tuple(notes[:2])))
    expected = [rebuild(change.inline) for change in comparison.footnotes]
    shown = _terminal_sides(comparison, "footnotes") if view == "terminal" else _markdown_sides(comparison, "footnotes")
    assert [(o.strip(), n.strip()) for o, n in shown] == [(o.strip(), n.strip()) for o, n in expected]
    assert [c.kind.value for c in comparison.footnotes] == ["unchanged", "modified", "removed"]


@pytest.mark.parametrize("view", sorted(VIEWS) + ["word"])
@pytest.mark.parametrize("case", ["en_revision", "zh_revision", "en_subparagraphs", "en_parts"])
def test_cases_read_whole_in_every_view(case, view):
    old = parse_file(str(ROOT / f"tests/cases/{case}/old.txt"))[-1]
    new = parse_file(str(ROOT / f"tests/cases/{case}/new.txt"))[-1]
    _assert_whole(compare(old, new), view)


@pytest.mark.parametrize("view", sorted(VIEWS) + ["word"])
def test_width_only_differences_keep_both_texts(view):
    # A/RES/61/211 with commas turned half-width: "unchanged" paragraphs are shown whole, the
    # old commas and the new ones both present (before, the terminal cut OP4 short).
    document = parse_file(str(FIXTURES / "corpus/zh/A_RES_61_211.ops1-19.zh.txt"))[-1]
    comparison = compare(document, _with_widths_changed(document))
    assert any(c.kind is ChangeKind.UNCHANGED and len(c.inline) > 1 for c in comparison.changes)
    _assert_whole(comparison, view)


def test_terminal_shows_the_whole_of_a_width_only_change():
    document = parse_file(str(FIXTURES / "corpus/zh/A_RES_61_211.ops1-19.zh.txt"))[-1]
    comparison = compare(document, _with_widths_changed(document))
    out = terminal.render(comparison, RenderOptions(width=_WIDE, color=False))
    op4 = document.paragraph("OP4").text
    changed = op4.replace("，", ",", 2).replace(",", ", ", 1)
    assert op4 != changed
    block = out.split("OP4  (width or spacing only)\n", 1)[1].split("\n\n", 1)[0]
    assert block.replace("[-，-]", "").replace("{+", "").replace("+}", "").replace("[-", "").replace("-]", "") \
        != op4  # marks are there
    assert re.sub(r"\{\+.*?\+\}", "", block).replace("[-", "").replace("-]", "") == op4
    assert re.sub(r"\[-.*?-\]", "", block).replace("{+", "").replace("+}", "") == changed


@pytest.mark.parametrize("view", sorted(VIEWS) + ["word"])
@pytest.mark.parametrize("language,seed", [("en", 1), ("zh", 2), ("en", 3), ("zh", 4)])
def test_generated_pairs_read_whole_in_every_view(language, seed, view):
    pair = generate(40, language, seed=seed)
    _assert_whole(compare(pair.old, pair.new), view)


_FRENCH = ("L'Assemblée générale,\n\nRappelant sa résolution intitulée « Droit à l'alimentation »,\n\n"
           "1. Réaffirme que la faim est un outrage ;\n\n2. Décide de poursuivre l'examen de l'article 2.\n")


@pytest.mark.parametrize("view", sorted(VIEWS) + ["word"])
def test_no_break_spaces_are_read_kept_and_shown_in_every_view(tmp_path, view):
    # French typography's narrow no-break space before ";" and no-break spaces inside « », and an
    # English-style "article\u00a02": kept as read, so that the Word file an editor sends on keeps
    # them, and a change to or from one is a width-or-spacing difference (quiet), never nothing.
    typeset = (_FRENCH.replace(" ;", "\u202f;").replace("« ", "«\u00a0").replace(" »", "\u00a0»")
               .replace("article 2", "article\u00a02"))
    (tmp_path / "plain.txt").write_text(_FRENCH, encoding="utf-8")
    (tmp_path / "typeset.txt").write_text(typeset, encoding="utf-8")
    old = parse_file(str(tmp_path / "plain.txt"))[-1]
    new = parse_file(str(tmp_path / "typeset.txt"))[-1]
    assert [p.text for p in new.paragraphs] == [
        "Rappelant sa résolution intitulée «\u00a0Droit à l'alimentation\u00a0»,",
        "Réaffirme que la faim est un outrage\u202f;", "Décide de poursuivre l'examen de l'article\u00a02."]
    comparison = compare(old, new)
    assert [c.kind for c in comparison.changes] == [ChangeKind.UNCHANGED] * 3
    assert all(len(c.inline) > 1 for c in comparison.changes)  # each marked, quietly
    _assert_whole(comparison, view)
