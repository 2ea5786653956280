"""The HTML report: golden output of a small case, structure, escaping, self-containment."""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import replace
from html.parser import HTMLParser

import pytest

from resdiff.compare import compare
from resdiff.model import ChangeKind, Document, Op, Paragraph, ParagraphKind, Span
from resdiff.render import RenderOptions
from resdiff.render.html import render, side_spans, split_at_paragraphs

from helpers import small_comparison


class Page(HTMLParser):
    """Every element with its attributes, the text inside each element kind, and the scripts."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[str] = []
        self.text_in: dict[str, list[str]] = {}
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        if tag not in {"meta", "br", "input", "rect", "link", "img"}:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass

    def handle_data(self, data):
        for tag in set(self.stack):
            self.text_in.setdefault(tag, []).append(data)
        if self.stack and self.stack[-1] == "script":
            self.scripts.append(data)
        if self.stack and self.stack[-1] == "style":
            self.styles.append(data)

    def all(self, tag: str, **wanted) -> list[dict]:
        return [attrs for name, attrs in self.elements if name == tag
                and all(attrs.get(k.replace("_", "-")) == v for k, v in wanted.items())]

    def text(self, tag: str) -> str:
        return "".join(self.text_in.get(tag, []))


@pytest.fixture(scope="module")
def small():
    return small_comparison()


def test_golden_small_case(small, golden):
    golden("small.html", render(small, RenderOptions()))


def test_same_input_gives_the_same_bytes(small, sample_comparison):
    assert render(small) == render(small_comparison())
    assert render(sample_comparison) == render(sample_comparison)


def test_every_change_is_an_article_with_its_kind(small):
    page = Page(render(small))
    articles = [a for a in page.all("article")]
    assert [a["data-kind"] for a in articles] == [c.kind.value for c in small.changes]
    assert {c.kind for c in small.changes} == set(ChangeKind)  # the case covers every kind
    changed = [a["data-changed"] for a in articles]
    assert changed.count("false") == sum(
        1 for c in small.changes if c.kind is ChangeKind.UNCHANGED and not c.moved and not c.renumbered)


def test_changes_are_real_ins_and_del_elements(small):
    page = Page(render(small))
    assert "unequivocally" in page.text("ins")
    assert "deep" in page.text("ins")
    # The removed paragraph is deleted text where it stood, on its own.
    assert "Encourages the sharing of good practices among Member States;" in page.text("del")
    assert "Stresses the importance of protecting women journalists online;" in page.text("ins")


def test_correspondence_lists_every_paragraph_of_both_versions(small):
    html = render(small)
    table = html[html.index('<table class="corr">'):html.index("</table>")]
    rows = re.findall(r"<tr class=\"k-(\w+)\".*?</tr>", table)
    assert rows == [c.kind.value for c in small.changes]
    for paragraph in small.old.paragraphs + small.new.paragraphs:
        assert f">{paragraph.id}<" in table or f" {paragraph.id}<" in table or f">{paragraph.id} " in table


def test_renumbered_paragraph_reads_old_to_new(small):
    page = Page(render(small))
    heads = page.text("div")
    split = next(c for c in small.changes if c.kind is ChangeKind.SPLIT)
    old, new = small.old.short_symbol, small.new.short_symbol
    assert f"{old} {split.old[0]} → {new} {' + '.join(split.new)}" in heads


def test_merged_and_split_show_all_their_sources(small):
    html = render(small)
    page = Page(html)
    merged = next(c for c in small.changes if c.kind is ChangeKind.MERGED)
    split = next(c for c in small.changes if c.kind is ChangeKind.SPLIT)
    old, new = small.old.short_symbol, small.new.short_symbol
    labels = [t for t in page.text_in.get("span", [])]
    for pid in merged.old:
        assert f"{old} {pid}" in labels  # one block per source in the side-by-side view
    for pid in split.new:
        assert f"{new} {pid}" in labels
    assert f"Merges {old} OP2 and {old} OP3 into {new} OP3." in page.text("p")
    assert f"Splits {old} OP5 into {new} OP4 and {new} OP5." in page.text("p")


def test_moved_paragraph_links_to_where_it_stood_and_back(small):
    html = render(small)
    page = Page(html)
    moved = [i for i, c in enumerate(small.changes) if c.moved]
    assert moved
    for position in moved:
        assert page.all("aside", id=f"was-c{position}"), "a placeholder where the paragraph stood"
        assert page.all("a", href=f"#was-c{position}")
        assert page.all("a", href=f"#c{position}")
    # Every in-page link has its target.
    ids = {attrs["id"] for _, attrs in page.elements if attrs.get("id")}
    for _, attrs in page.elements:
        href = attrs.get("href")
        if href and href.startswith("#"):
            assert href[1:] in ids, href


def test_lang_attributes_follow_the_documents(small, sample_comparison):
    page = Page(render(small))
    assert page.all("html")[0]["lang"] == "en"
    zh = Page(render(sample_comparison))
    zh_text = [a for a in zh.all("p") if a.get("lang") == "zh"]
    assert len(zh_text) >= len(sample_comparison.changes)
    assert all(a.get("lang") == "zh" for a in zh.all("p") if "text" in (a.get("class") or "").split())
    assert '"Noto Sans CJK SC"' in zh.styles[0] and ":lang(zh)" in zh.styles[0]


def test_right_to_left_languages_get_dir_rtl():
    doc = Document("A/RES/1", None, "ar", (Paragraph("OP1", ParagraphKind.OPERATIVE, 1, "يقرر"),))
    page = Page(render(compare(doc, doc)))
    assert any(a.get("dir") == "rtl" and a.get("lang") == "ar" for a in page.all("p"))


def _dirs(html: str, selector_class: str) -> list[str | None]:
    return [a.get("dir") for a in Page(html).all("p") if selector_class in (a.get("class") or "").split()]


def test_direction_comes_from_the_script_not_the_language_code():
    # A document labelled English holding an Arabic paragraph, and one labelled Arabic holding a
    # Latin symbol: each paragraph takes the direction of its own letters; the symbol line of a
    # document card stays left to right.
    arabic = "إن الجمعية العامة تقرر أن تبقي المسألة A/RES/67/19 قيد نظرها."
    english = Document("A/RES/67/19", None, "en", (
        Paragraph("PP1", ParagraphKind.PREAMBULAR, None, "Recalling its resolution 67/19 of 29 November 2012,"),
        Paragraph("OP1", ParagraphKind.OPERATIVE, 1, "Decides to print the following words in Arabic:"),
        Paragraph("OP2", ParagraphKind.OPERATIVE, 2, arabic)))
    html = render(compare(english, english))
    # Each paragraph inline, then on each side (the columns left to right: not mirrored).
    assert _dirs(html, "text") == [None] * 6 + ["rtl"] * 3
    assert '<div class="sbs">' in html and 'dir="rtl"><div>' not in html
    labelled = Document("A/RES/67/19", "تؤكد", "ar", (Paragraph("OP1", ParagraphKind.OPERATIVE, 1, "Decides;"),))
    page = Page(render(compare(labelled, labelled)))
    assert [a.get("dir") for a in page.all("p") if a.get("class") == "symbol"] == [None, None]
    assert [a.get("dir") for a in page.all("p") if a.get("class") == "title"] == ["rtl", "rtl"]
    assert [a.get("dir") for a in page.all("p") if a.get("class") == "text"] == [None, None, None]


def test_arabic_pair_runs_right_to_left_and_mirrors_side_by_side():
    from resdiff.parse import parse_file

    old, = parse_file("tests/fixtures/rtl/S_RES_338_1973.ar.old.txt")
    new, = parse_file("tests/fixtures/rtl/S_RES_338_1973.ar.edited.txt")
    comparison = compare(old, new)
    html = render(comparison)
    page = Page(html)
    inline = [a.get("dir") for tag, a in page.elements if tag == "p" and a.get("class") == "text"]
    # Inline paragraphs carry dir="rtl"; inside the mirrored columns (dir="rtl") they need none.
    assert inline.count("rtl") == len(comparison.changes) and set(inline) == {"rtl", None}
    assert [a.get("dir") for a in page.all("div") if a.get("class") == "sbs"] == ["rtl"] * len(comparison.changes)
    assert '<div class="sbs-head" aria-hidden="true" dir="rtl"><div><bdi dir="ltr">S/RES/338 (1973) (old)</bdi></div>' in html
    # The page's own words inside the right-to-left columns are isolated left to right.
    # Both versions are S/RES/338 (1973): the short labels say which is which.
    assert '<span class="src-id"><bdi dir="ltr">338 (1973) (old) OP1</bdi></span>' in html
    assert '<p class="empty"><bdi dir="ltr">Added (now 338 (1973) (new) OP4)</bdi></p>' in html
    assert all(a.get("dir") == "rtl" for a in page.all("td") if a.get("class") == "words")
    # The marks sit in the text as written: nothing is reordered or given control characters.
    assert "لا تتجاوز <del>12 </del><ins>24 </ins>ساعة" in html
    assert "<ins>(S/RES/242 (1967)) </ins>بجميع" in html
    assert not any(ch in html for ch in "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def test_report_is_self_contained(small, sample_comparison):
    for comparison in (small, sample_comparison):
        html = render(comparison)
        page = Page(html)
        for _, attrs in page.elements:
            for name in ("src", "href", "action", "data", "poster"):
                value = attrs.get(name) or ""
                assert not re.match(r"\s*(https?:)?//", value), (name, value)
        assert "@import" not in html
        assert "url(" not in "".join(page.styles)
        assert not page.all("link") and not page.all("img") and not page.all("iframe")
        assert len(page.all("script")) == 1 and not page.all("script")[0].get("src")


def test_content_security_policy_allows_only_the_page_own_script_and_style(small):
    page = Page(render(small))
    csp = page.all("meta", http_equiv="Content-Security-Policy")[0]["content"]
    assert "default-src 'none'" in csp
    for source, directive in ((page.scripts[0], "script-src"), (page.styles[0], "style-src")):
        digest = base64.b64encode(hashlib.sha256(source.encode()).digest()).decode()
        assert f"{directive} 'sha256-{digest}'" in csp


def test_hostile_text_is_shown_not_run():
    hostile = "<script>alert(1)</script> & \"quoted\" <img src=x onerror=alert(2)>"
    old = Document('A/"><script>alert(3)</script>', "<b>title</b>", 'en" onload="x', (
        Paragraph("OP1", ParagraphKind.OPERATIVE, 1, "Decides to act;"),
    ))
    new = replace(old, paragraphs=(
        Paragraph("OP1", ParagraphKind.OPERATIVE, 1, "Decides to act " + hostile + ";"),
        Paragraph('OP2"><script>alert(4)</script>', ParagraphKind.OPERATIVE, 2, hostile),
    ))
    html = render(compare(old, new))
    page = Page(html)
    assert len(page.all("script")) == 1  # only the report's own
    assert not page.all("img")
    assert "<b>title</b>" in page.text("title") and "&lt;b&gt;title&lt;/b&gt;" in html
    assert all("onerror" not in attrs and "onload" not in attrs for _, attrs in page.elements)
    assert "<script>alert(1)</script>" in page.text("ins")  # shown as characters
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "alert(1)" not in page.scripts[0]


def test_only_changes_option_starts_with_the_filter_on(small):
    assert 'data-only-changes="true"' in render(small, RenderOptions(only_changes=True))
    assert 'data-only-changes="false"' in render(small, RenderOptions())


def test_print_stylesheet_prints_the_inline_view(small):
    style = Page(render(small)).styles[0]
    printed = style[style.index("@media print"):]
    assert ".toolbar" in printed and ".sbs" in printed and "display:none" in printed
    assert "body.view-sbs .inline{display:block}" in printed


def test_sides_rebuild_each_version_paragraph_by_paragraph(sample_comparison, small):
    for comparison in (sample_comparison, small):
        for change in comparison.changes:
            for side, document, ids in (("old", comparison.old, change.old), ("new", comparison.new, change.new)):
                if not ids:
                    continue
                bodies = [document.paragraph(pid).body for pid in ids]
                spans = side_spans(change.inline, side)
                parts = split_at_paragraphs(spans, [len(b) for b in bodies])
                rebuilt = ["".join(s.text for s in part) for part in parts]
                if change.kind is ChangeKind.UNCHANGED:
                    continue  # an unchanged paragraph is shown in its new form on both sides
                assert rebuilt == bodies, (change.kind, ids)
                assert all(s.op is not (Op.INSERT if side == "old" else Op.DELETE) for s in spans)


def test_removed_paragraph_break_shows_as_pilcrow():
    spans = (Span(Op.EQUAL, "a"), Span(Op.DELETE, " x\n"), Span(Op.EQUAL, "b"))
    old = Document("X/1", None, "en", (Paragraph("OP1", ParagraphKind.OPERATIVE, 1, "a"),))
    from resdiff.model import Change, Comparison

    comparison = Comparison(old=old, new=old, changes=(Change(ChangeKind.MERGED, ("OP1",), ("OP1",), inline=spans),))
    assert '<del> x<span class="pilcrow" aria-label="paragraph break">¶</span></del>' in render(comparison)


def test_copied_text_is_the_whole_new_version_with_its_footnotes(tmp_path):
    """The copy button's text: header parts, title, chapeau, paragraphs with the marks they cite,
    then the footnotes; so a change of a footnote alone is in what is copied."""
    import html as html_module

    from resdiff.parse import parse_text
    from resdiff.render.html import clean_text

    text = ("United Nations A/C.3/80/L.12\nGeneral Assembly Distr.: Limited\n20 October 2025\nThird Committee\n"
            "Agenda item 71 (c)\nPromotion and protection of human rights\nAlbania and Canada: draft resolution\n"
            "Situation of human rights in Somewhere\nThe General Assembly,\nGuided by the Charter,1\n"
            "1. Requests:\n(a) A report;2\n(b) A plan.\n__________\n1 See A/78/511.\n2 A/80/1 and Corr.1.\n")
    (new,) = parse_text(text, "l12.txt")
    assert clean_text(new) == (
        "Agenda item 71 (c) Promotion and protection of human rights\nAlbania and Canada: draft resolution\n"
        "Situation of human rights in Somewhere\nThe General Assembly,\nGuided by the Charter,¹\n"
        "1. Requests:\n(a) A report;²\n(b) A plan.\n__________\n1 See A/78/511.\n2 A/80/1 and Corr.1.\n")
    (old,) = parse_text(text.replace(" and Corr.1", ""), "l12.txt")
    page = render(compare(old, new))
    copied = html_module.unescape(re.search(r'id="new-text"[^>]*>(.*?)</textarea>', page, re.S).group(1))
    assert copied == clean_text(new) and "A/80/1 and Corr.1." in copied
