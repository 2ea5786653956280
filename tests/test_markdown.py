"""The Markdown report: golden output, every change marked when rendered as GFM, escaping."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from markdown_it import MarkdownIt

from resdiff.compare import compare
from resdiff.inline import for_display
from resdiff.model import ChangeKind, Document, Op, Paragraph, ParagraphKind, Span
from resdiff.render import RenderOptions
from resdiff.render.markdown import escape_markdown, render

from helpers import small_comparison


def gfm(text: str) -> str:
    """The HTML a GitHub-flavoured renderer makes of ``text`` (tables, strikethrough, raw HTML)."""
    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).render(text)


def marked(html: str) -> tuple[str, str]:
    """All deleted and all inserted text of rendered Markdown."""
    deleted = "".join(re.findall(r"<(?:s|del)>(.*?)</(?:s|del)>", html, re.S))
    inserted = "".join(re.findall(r"<(?:strong|ins)>(.*?)</(?:strong|ins)>", html, re.S))
    return deleted, inserted


@pytest.fixture(scope="module")
def small():
    return small_comparison()


def test_golden_small_case(small, golden):
    golden("small.md", render(small, RenderOptions()))


def test_summary_and_correspondence_tables(small):
    html = gfm(render(small))
    summary = small.summary()
    assert "<table>" in html
    cells = re.findall(r"<td[^>]*>(.*?)</td>", html)
    counts = [int(c) for c in cells[:8]]
    assert counts == [summary[k] for k in ("modified", "added", "removed", "merged", "split", "moved",
                                           "renumbered", "unchanged")]
    assert "OP2 + OP3" in html and "split, renumbered" in html


def _assert_every_change_is_marked(comparison) -> None:
    html = gfm(render(comparison))
    deleted, inserted = marked(html)
    for change in comparison.changes:
        if change.kind is ChangeKind.UNCHANGED:
            continue
        for span in for_display(change.inline):
            # Rendered marks hold each changed word (compare without white space and escapes).
            words = re.sub(r"\s+", "", span.text)
            if not words:
                continue
            if span.op is Op.DELETE:
                assert words.replace("\n", "") in re.sub(r"\s+|¶", "", _unescape(deleted)), span
            elif span.op is Op.INSERT:
                assert words in re.sub(r"\s+", "", _unescape(inserted)), span


def _unescape(html: str) -> str:
    from html import unescape

    return unescape(re.sub(r"<br\s*/?>", "", html))


def test_every_change_is_marked_once_rendered(small):
    _assert_every_change_is_marked(small)


def test_every_chinese_change_is_marked_once_rendered(sample_comparison):
    # Chinese insertions often start with "，" right after a Han character, where GFM would not
    # take "**" as a delimiter: those must still come out marked.
    _assert_every_change_is_marked(sample_comparison)


def test_plain_text_marks_read_as_such(small):
    text = render(small)
    assert "**unequivocally**" in text
    assert "~~Encourages the sharing of good practices among Member States;~~" in text
    heading = f"### {small.old.short_symbol} OP5 → {small.new.short_symbol} OP4 + OP5 (split, renumbered)"
    assert heading in text


def test_document_text_cannot_become_markdown_or_html():
    hostile = "<script>alert(1)</script> *not bold* [link](http://example.org) | pipe ~~x~~ &amp;"
    old = Document("A/1", "# heading?", "en", (Paragraph("OP1", ParagraphKind.OPERATIVE, 1, "Decides to act;"),))
    new = replace(old, paragraphs=(
        Paragraph("OP1", ParagraphKind.OPERATIVE, 1, "Decides to act;"),
        Paragraph("OP2", ParagraphKind.OPERATIVE, 2, hostile),
        Paragraph("OP3", ParagraphKind.OPERATIVE, 3, "- not a list\n1. nor a numbered one"),
    ))
    html = gfm(render(compare(old, new)))
    assert "<script>" not in html and "<a " not in html and "<em>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "*not bold*" in html and "[link](http://example.org)" in html
    assert "&amp;amp;" in html  # the entity stays the characters it was written with
    changes = html[html.index("<h2>Changes</h2>"):]
    assert "<ul>" not in changes and "<ol>" not in changes
    assert html.count("<h1>") == 1 and "# heading?" in html


def test_escape_keeps_plain_text_readable():
    assert escape_markdown("resolution 64/187 (2009).") == "resolution 64/187 (2009)."
    assert escape_markdown("大会第 56/183 号决议，") == "大会第 56/183 号决议，"


def test_delimiters_fall_back_to_html_where_gfm_would_not_take_them():
    old = Document("A/1", None, "zh", (Paragraph("OP1", ParagraphKind.OPERATIVE, 1, "决定继续处理此问题"),))
    new = replace(old, paragraphs=(Paragraph("OP1", ParagraphKind.OPERATIVE, 1, "决定，并继续处理此问题"),))
    from resdiff.model import Change, Comparison

    spans = (Span(Op.EQUAL, "决定"), Span(Op.INSERT, "，并"), Span(Op.EQUAL, "继续处理此问题"))
    comparison = Comparison(old, new, (Change(ChangeKind.MODIFIED, ("OP1",), ("OP1",), inline=spans),))
    text = render(comparison)
    assert "决定<ins>，并</ins>继续处理此问题" in text
    assert "<ins>，并</ins>" in gfm(text)


def test_only_changes_leaves_out_unchanged_paragraphs(small):
    full = render(small)
    short = render(small, RenderOptions(only_changes=True))
    assert "Decides to remain seized of the matter." in full
    assert "Decides to remain seized of the matter." not in short
    assert render(small) == render(small_comparison())


def test_arabic_pair_every_change_marked_and_names_isolated():
    from resdiff.parse import parse_file

    rtl = "tests/fixtures/rtl/"
    old, = parse_file(rtl + "S_RES_338_1973.ar.old.txt")
    new, = parse_file(rtl + "S_RES_338_1973.ar.edited.txt")
    titled = replace(new, title="وقف إطلاق النار")
    text = render(compare(old, titled))
    # An Arabic title inside the report's own line is isolated, so that "· 1 preambular" stays after it.
    assert "- **New:** S/RES/338 (1973) · \u2068وقف إطلاق النار\u2069 · 1 preambular, 4 operative paragraphs" in text
    body = text[text.index("### "):]
    deleted, inserted = marked(gfm(body))
    assert deleted == "12" and "24 " in inserted and "(S/RES/242 (1967))" in inserted and "وشامل" in inserted
    # The paragraphs themselves are written as stored: no control character inside them.
    assert not any(ch in body for ch in "\u200e\u200f\u2066\u2067\u2068\u2069\u202a\u202b\u202c\u202d\u202e")
