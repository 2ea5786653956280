"""Every character of a text is accounted for: read into a paragraph, a sub-paragraph, the
title, the header (chapeau, agenda item, sponsors), a footnote, listed as page furniture, or
named in a warning. Never lost in silence.

The parser takes some characters off by design (an operative number's full stop, the brackets of
a sub-paragraph's label, the quotation marks of a quoted draft, a web page's list bullets): what a
real text loses so is its baseline, and a text changed as users' files are changed (invisible
characters inserted anywhere, the chapeau mistyped or unknown) may lose nothing more.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest
from hypothesis import given, settings, strategies as st

from resdiff.errors import ResdiffError
from resdiff.parse import parse_text
from resdiff.parse.patterns import _ARTICLE, MASTHEAD_LINES
from resdiff.text import has_cjk

from conftest import CORPUS, FIXTURES, SAMPLE

TEXTS = {
    "sample (zh report quoting two drafts)": SAMPLE,
    "A/C.3/78/L.41 (en, PDF text)": CORPUS / "en" / "A_C.3_78_L.41.en.txt",
    "A/RES/ES-11/1 (en, PDF text)": CORPUS / "en" / "A_RES_ES-11_1.en.txt",
    "A/RES/80/1 (en, Markdown)": CORPUS / "en" / "A_RES_80_1.md",
    "A/RES/61/211 OP1-19 (zh, no chapeau)": CORPUS / "zh" / "A_RES_61_211.ops1-19.zh.txt",
    "A/RES/68/262 (zh excerpt)": CORPUS / "zh" / "A_RES_68_262.zh-Hans.excerpt_start.txt",
}
TEXTS.update({f"{p.name}": p for p in sorted((FIXTURES / "languages").glob("*.txt"))[:8]})
# made by hand in the shapes extractions print: rules of every kind (a footnote area's, a lone
# short one between paragraphs, one under the adoption line), page feet, a Markdown footnote
# with a web page's text at the margin right under it
TEXTS.update({f"{p.name}": p for p in sorted((FIXTURES / "layouts").glob("*.*"))})

# Invisible format characters a copy from a web page or a word processor leaves in a text.
INVISIBLE = ["\u200b", "\ufeff", "\u2060", "\u00ad", "\u200e", "\u200f", "\u200c", "\u200d"]


def accounted(documents) -> Counter[str]:
    """The characters the documents hold, wherever: every part a view shows or lists."""
    parts: list[str] = []
    for d in documents:
        parts += [d.symbol or "", d.title or "", d.chapeau or "", d.agenda_item or "", d.sponsors or ""]
        for p in d.paragraphs:
            parts += [str(p.number or ""), p.text, *p.footnotes]
            parts += [f"{item.label}{item.text}{''.join(item.footnotes)}" for item in p.items]
        parts += [f"{f.mark}{f.text}" for f in d.footnotes]
        parts += list(d.furniture) + list(d.warnings)
    return Counter(ch for ch in "".join(parts) if not ch.isspace())


def lost(text: str) -> Counter[str]:
    """The characters of ``text`` none of its documents accounts for, by how many."""
    try:
        documents = parse_text(text, "conserved.txt")
    except ResdiffError:
        return Counter(ch for ch in text if not ch.isspace())
    return Counter(ch for ch in text if not ch.isspace()) - accounted(documents)


def _read(name: str) -> str:
    return TEXTS[name].read_text(encoding="utf-8")


BASELINE = {name: lost(_read(name)) for name in TEXTS}


def _warned_invisible(text: str) -> bool:
    try:
        documents = parse_text(text, "conserved.txt")
    except ResdiffError:
        return False
    return any("invisible character" in w for d in documents for w in d.warnings)


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(sorted(TEXTS)), st.lists(st.tuples(st.floats(0, 1), st.sampled_from(INVISIBLE)),
                                                 min_size=1, max_size=4))
def test_invisible_characters_anywhere_lose_nothing_in_silence(name, insertions):
    text = _read(name)
    for where, ch in sorted(insertions, reverse=True):
        at = int(where * len(text))
        text = text[:at] + ch + text[at:]
    missing = lost(text) - BASELINE[name]
    # the invisible characters taken out are named in a warning; nothing else goes missing
    if _warned_invisible(text):
        missing = Counter({ch: n for ch, n in missing.items() if ch not in INVISIBLE})
    assert missing == Counter(), name


def _chapeau_variants(chapeau: str) -> list[str]:
    """What a user's copy makes of a chapeau: its article dropped, its comma doubled or a
    semicolon, or another body's chapeau altogether (in the text's script)."""
    bare = chapeau.rstrip(",，、،:：.;； ")
    mark = chapeau[len(bare):].strip() or ","
    variants = [bare + mark + mark, bare + ";", re.sub(_ARTICLE, "", chapeau, flags=re.I)]
    if re.search(r"[\u4e00-\u9fff]", chapeau):
        variants.append("缔约方会议，")
    else:
        variants.append("The Conference of the Parties,")
    return [v for v in dict.fromkeys(variants) if v != chapeau]


CHAPEAU_CASES = []
for _name in TEXTS:
    _lines = _read(_name).split("\n")
    for _k, _line in enumerate(_lines):
        _chapeau = _line.strip().lstrip("“\"")
        if _chapeau and any(d.chapeau and d.chapeau.lstrip("“\"") == _chapeau for d in parse_text(_read(_name), "x")):
            CHAPEAU_CASES += [(_name, _k, v) for v in _chapeau_variants(_chapeau)]
            break


@pytest.mark.parametrize(("name", "at", "variant"), CHAPEAU_CASES)
def test_a_chapeau_mistyped_or_unknown_loses_nothing_in_silence(name, at, variant):
    lines = _read(name).split("\n")
    quote = lines[at][: len(lines[at]) - len(lines[at].lstrip(" “\""))]
    lines[at] = quote + variant
    text = "\n".join(lines)
    assert lost(text) - BASELINE[name] == Counter(), (name, variant)
    # and the paragraphs are read as before
    before = [[(p.id, p.text) for p in d.paragraphs] for d in parse_text(_read(name), "x")]
    after = [[(p.id, p.text) for p in d.paragraphs] for d in parse_text(text, "x")]
    assert after == before, (name, variant)


def test_the_cases_cover_every_text_with_a_chapeau():
    assert len({name for name, _, _ in CHAPEAU_CASES}) >= 8


REPORTS = [SAMPLE, FIXTURES / "annex" / "report_quoting_annexes_made_by_hand.zh.txt",
           FIXTURES / "reports" / "second_committee_report_made_by_hand_en.txt"]


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.name)
def test_a_quoted_line_without_its_quotation_mark_loses_nothing_in_silence(path):
    # Each line of a draft quoted in a report in turn loses its opening quotation mark: the
    # drafts read as before, or a warning says what was read otherwise; no character is lost.
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    original = parse_text(text, "report.txt")
    before = [[(p.id, p.text, p.items) for p in d.paragraphs] for d in original]
    baseline = lost(text)
    quoted = [k for k, line in enumerate(lines) if line.lstrip().startswith(("“", '"'))]
    assert len(quoted) >= 7
    for k in quoted:
        changed = list(lines)
        mark = changed[k].lstrip()[0]
        changed[k] = changed[k].replace(mark, "", 1)
        documents = parse_text("\n".join(changed), "report.txt")
        after = [[(p.id, p.text, p.items) for p in d.paragraphs] for d in documents]
        warned = sum(len(d.warnings) for d in documents) > sum(len(d.warnings) for d in original)
        assert after == before or warned, (path.name, k + 1)
        assert lost("\n".join(changed)) - baseline == Counter(), (path.name, k + 1)


# Where a text names the Organization or the Assembly inside a paragraph, the name wrapped onto
# a line of its own (as a narrow page or a PDF's extraction wraps it): (text, line, name).
WRAPPED = []
for _name, _at, _ in dict.fromkeys((n, k, None) for n, k, _ in CHAPEAU_CASES):
    for _k, _line in enumerate(_read(_name).split("\n")):
        if _k <= _at:
            continue
        for _word in sorted(MASTHEAD_LINES):
            _i = _line.find(_word)
            _end = _i + len(_word)
            if _i <= 0 or _end >= len(_line.rstrip()) or re.fullmatch(r"\W*\d*\W*", _line[:_i]):
                # (not right after a footnote's mark: no line wraps there)
                continue
            if has_cjk(_word) and has_cjk(_line[_i - 1]) and has_cjk(_line[_end]) \
                    or not has_cjk(_word) and _line[_i - 1] == " " and _line[_end] == " ":
                WRAPPED.append((_name, _k, _word))
                break


def test_the_wrapped_names_cover_several_texts_and_scripts():
    assert len(WRAPPED) >= 50 and len({name for name, _, _ in WRAPPED}) >= 8
    assert {word for _, _, word in WRAPPED} >= {"大会", "United Nations", "General Assembly", "Naciones Unidas"}


@pytest.mark.parametrize("name", sorted({name for name, _, _ in WRAPPED}))
def test_a_name_wrapped_onto_a_line_of_its_own_stays_in_its_paragraph(name):
    text = _read(name)
    before = [[(p.id, p.text, p.items) for p in d.paragraphs] for d in parse_text(text, "x")]
    for _, k, word in (case for case in WRAPPED if case[0] == name):
        lines = text.split("\n")
        line = lines[k]
        at = line.find(word)
        lines[k:k + 1] = [line[:at].rstrip(), word, line[at + len(word):].lstrip()]
        changed = "\n".join(lines)
        after = [[(p.id, p.text, p.items) for p in d.paragraphs] for d in parse_text(changed, "x")]
        assert after == before, (name, k + 1, word)
        assert lost(changed) - BASELINE[name] == Counter(), (name, k + 1, word)


# A web page's own text after a resolution: its footer and notes, in the six languages.
PAGE_TEXT = ["© United Nations", "This page was last edited on 3 May 2020, at 10:15.", "Privacy policy",
             "Share this page", "© 联合国", "本页面最后修订于2020年5月3日 (星期日) 10:15。", "隐私政策",
             "Politique de confidentialité", "© الأمم المتحدة", "سياسة الخصوصية", "Политика конфиденциальности",
             "Términos de uso"]


def _ends_with_full_stop(name: str) -> bool:
    """Whether a text's last paragraph ends it with its full stop (an excerpt cut mid-sentence
    does not: what follows it may be its own words)."""
    last = [p for p in parse_text(_read(name), "x")[-1].paragraphs if p.kind.value != "heading"][-1]
    return (last.items[-1].text if last.items else last.text).rstrip("”\"’)")[-1:] in ".。"


ENDED = sorted(name for name in TEXTS if _ends_with_full_stop(name))


def test_the_page_text_cases_cover_texts_in_several_languages():
    assert len(ENDED) >= 10


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(ENDED), st.lists(st.sampled_from(PAGE_TEXT), min_size=1, max_size=3, unique=True),
       st.sampled_from(["\n", "\n\n"]), st.sampled_from(["\n", "\n\n"]))
def test_page_text_after_a_texts_last_paragraph_changes_no_paragraph_and_is_listed(name, page, before, between):
    original = _read(name)
    was = parse_text(original, "x")
    last = was[-1].paragraphs[-1]
    # the text's last line is its last paragraph's, or lines after it (an adoption line, a page's
    # foot, footnotes: a Markdown footnote definition goes on only on indented lines, so page text
    # at the margin right under one is none of it)
    at_paragraph = "".join(original.rstrip().split("\n")[-1].split())[-12:] in "".join(
        (last.items[-1].text if last.items else last.text).split())
    under_definition = original.rstrip().split("\n")[-1].startswith("[^")
    text = original.rstrip("\n") + (before if at_paragraph or under_definition else "\n\n") + between.join(page) + "\n"
    now = parse_text(text, "x")
    assert [[(p.id, p.text, p.items, p.footnotes) for p in d.paragraphs] for d in now] == \
           [[(p.id, p.text, p.items, p.footnotes) for p in d.paragraphs] for d in was], (name, page)
    assert [d.footnotes for d in now] == [d.footnotes for d in was], (name, page)
    # every line of it listed with the furniture ("line N: text")
    furniture = [str(f) for d in now for f in d.furniture]
    listed = {f.split(": ", 1)[1]: f.split(": ", 1)[0].split()[-1] for f in furniture}
    assert all(line in listed for line in page), (name, page, furniture[-4:])
    assert lost(text) - BASELINE[name] == Counter(), (name, page)
    # after the last paragraph itself, it is said in one warning naming those lines
    warned = [str(w) for d in now for w in d.warnings if "last operative paragraph" in str(w)]
    if at_paragraph:
        assert len(warned) == 1 and all(listed[line] in warned[0] for line in page), (name, page, warned)


@pytest.mark.parametrize("name", sorted({name for name, _, _ in CHAPEAU_CASES}))
def test_invisible_characters_in_the_chapeau_and_the_numbers_change_no_reading(name):
    # Where random insertions seldom fall: before and inside the chapeau's words, and before each
    # operative number. Each character is taken out and named; the reading stays as it was.
    text = _read(name)
    at = next(k for n, k, _ in CHAPEAU_CASES if n == name)
    before = [[(p.id, p.text, p.items) for p in d.paragraphs] for d in parse_text(text, "x")]
    for ch in INVISIBLE:
        lines = text.split("\n")
        line = lines[at]
        inside = len(line) - len(line.lstrip(" “\"")) + 1
        lines[at] = ch + line[:inside] + ch + line[inside:]
        lines = [ch + line if re.match(r"\s*“?\d{1,3}\.", line) else line for line in lines]
        changed = "\n".join(lines)
        documents = parse_text(changed, "x")
        assert [[(p.id, p.text, p.items) for p in d.paragraphs] for d in documents] == before, (name, hex(ord(ch)))
        assert "invisible character" in documents[0].warnings[0], (name, hex(ord(ch)))
        assert lost(changed) - BASELINE[name] - Counter({ch: len(changed)}) == Counter(), (name, hex(ord(ch)))


# Rules as text extractions print them: a footnote area's separator, and shorter ones that no
# footnote follows. A rule is never a resolution's words: it is listed with the page furniture.
# ("---" alone is a Markdown page's rule under its text: it ends the text, what follows is listed.)
RULES = ["_____", "__________________", "———", "-----", "___", "----", "＿＿＿＿＿＿", "_ _ _ _ _", "───"]


def _paragraph_starts(text: str) -> list[int]:
    """The lines of a text that open a paragraph below its chapeau: after a blank line or with
    an operative number (where a page may break, and a rule stand)."""
    lines = text.split("\n")
    chapeaus = {d.chapeau.lstrip("“\"") for d in parse_text(text, "x") if d.chapeau}
    chapeau = next((k for k, line in enumerate(lines) if line.strip().lstrip("“\"") in chapeaus), 0)
    return [k for k in range(chapeau + 2, len(lines)) if lines[k].strip() and not lines[k].lstrip().startswith("“")
            and (not lines[k - 1].strip() or re.match(r"\s*\d{1,3}\.\s", lines[k]))]


STARTS = {name: _paragraph_starts(_read(name)) for name in TEXTS}


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(sorted(n for n in TEXTS if STARTS[n])), st.sampled_from(RULES), st.integers(0, 10_000),
       st.sampled_from(["", "\n"]), st.sampled_from(["", "\n"]))
def test_a_rule_between_paragraphs_is_listed_and_changes_no_paragraph(name, rule, pick, above, below):
    original = _read(name)
    lines = original.split("\n")
    at = STARTS[name][pick % len(STARTS[name])]
    text = "\n".join(lines[:at]) + "\n" + above + rule + "\n" + below + "\n".join(lines[at:])
    number = at + 1 + (1 if above else 0)
    was, now = parse_text(original, "x"), parse_text(text, "x")
    assert [[(p.id, p.text, p.items) for p in d.paragraphs] for d in now] == \
           [[(p.id, p.text, p.items) for p in d.paragraphs] for d in was], (name, rule, number)
    assert f"line {number}: {rule}" in [str(f) for d in now for f in d.furniture], (name, rule, number)
    assert lost(text) - BASELINE[name] == Counter(), (name, rule, number)


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(RULES), st.sampled_from(["", "\n"]), st.sampled_from(["en", "zh"]))
def test_a_footnote_under_any_rule_is_read_and_the_rule_listed(rule, gap, language):
    if language == "en":
        text = (f"The General Assembly,\n\nRecalling its resolution 60/1,1\n\n1. Decides to act;\n\n"
                f"2. Decides to remain seized of the matter.\n{gap}{rule}\n1 See resolution 60/1.\n")
    else:
        text = f"大会，\n\n回顾其第60/1号决议，1\n\n1. 决定采取行动；\n\n2. 决定继续处理此案。\n{gap}{rule}\n1 见第60/1号决议。\n"
    (document,) = parse_text(text, "x")
    assert [f.mark for f in document.footnotes] == ["1"], (rule, document.paragraphs[-1].text)
    assert document.paragraphs[-1].text in ("Decides to remain seized of the matter.", "决定继续处理此案。")
    assert [str(f) for f in document.furniture] == [f"line {8 + len(gap)}: {rule}"]
    assert lost(text) == Counter({".": 2})  # (the operative numbers' full stops)


MARKDOWN = CORPUS / "en" / "A_RES_80_1.md"


@pytest.mark.parametrize("page", PAGE_TEXT[:4])
def test_page_text_at_the_margin_under_a_markdown_footnote_is_no_part_of_it(page):
    original = MARKDOWN.read_text(encoding="utf-8")
    assert original.rstrip().endswith("[^1]: See resolution 169 (II).")
    text = original.rstrip("\n") + "\n" + page + "\n"
    (was,), (now,) = parse_text(original, "x"), parse_text(text, "x")
    assert [(f.mark, f.text) for f in now.footnotes] == [(f.mark, f.text) for f in was.footnotes] == \
        [("1", "See resolution 169 (II).")]
    number = len(original.rstrip("\n").split("\n")) + 1
    assert [str(f) for f in now.furniture][-1] == f"line {number}: {page}"
    assert lost(text) - BASELINE["A/RES/80/1 (en, Markdown)"] == Counter()
    # an indented line under it is the footnote's own, as Markdown reads it
    (indented,) = parse_text(original.rstrip("\n") + "\n    " + page + "\n", "x")
    assert indented.footnotes[0].text == "See resolution 169 (II). " + page


# Real texts whose footnotes stand under a typed rule, one mark and body to a line: a copy may
# lose any of its rules (the PDF drew them) and may set a blank line after every line (a PDF
# viewer's copy), and still read the same paragraphs and footnotes, losing nothing more.
RULED = [CORPUS / "en" / "A_C.3_78_L.41.en.txt", CORPUS / "en" / "A_RES_68_262.en.txt",
         CORPUS / "en" / "A_RES_ES-11_1.en.txt", CORPUS / "en" / "A_RES_ES-11_2.en.txt",
         FIXTURES / "extractions" / "A_RES_ES-11_1-EN.pymupdf.txt", FIXTURES / "extractions" / "A_RES_68_262-EN.pypdf.txt"]
_RULE_LINE = re.compile(r"(?m)^_{5,}[ \t]*\n")


def _readings(text: str):
    return [([(p.id, p.text, p.all_footnotes()) for p in d.paragraphs], [(f.mark, f.text) for f in d.footnotes])
            for d in parse_text(text, "x")]


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(RULED), st.lists(st.booleans(), min_size=8, max_size=8), st.booleans())
def test_footnotes_without_some_rules_or_double_spaced_lose_nothing_in_silence(path, dropped, double):
    text = path.read_text(encoding="utf-8")
    rules = list(_RULE_LINE.finditer(text))
    assert rules
    changed, end = [], 0
    for k, rule in enumerate(rules):
        changed.append(text[end : rule.start()] + ("" if dropped[k % len(dropped)] else rule.group(0)))
        end = rule.end()
    changed_text = "".join(changed) + text[end:]
    if double:
        changed_text = changed_text.replace("\n", "\n\n")
    assert _readings(changed_text) == _readings(text)
    assert lost(changed_text) - lost(text) == Counter()
