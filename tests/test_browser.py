"""The HTML report of the sample in a real browser (headless Chromium through Playwright).

Chromium comes from Debian (``make system-deps``); Playwright only drives it, no browser is
downloaded. A missing Chromium fails this test: it is never skipped.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from resdiff.render import RenderOptions
from resdiff.render.html import render

CHROMIUM = Path("/usr/bin/chromium")
# Flags the machines here need: no sandbox as root, no GPU, and no traffic of Chromium's own.
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from playwright.sync_api import sync_playwright

    assert CHROMIUM.exists(), "Chromium is missing: run `make system-deps` (Debian packages chromium, chromium-driver)"
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=str(CHROMIUM), headless=True, args=FLAGS,
            viewport={"width": 1280, "height": 900})
        try:
            yield context
        finally:
            context.close()
    shutil.rmtree(profile, ignore_errors=True)


def _open(browser, path: Path):
    page = browser.new_page()
    problems: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type in {"error", "warning"} else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page, problems, requests


def _visible(page, selector: str) -> int:
    return page.eval_on_selector_all(selector, "els => els.filter(e => e.offsetParent !== null).length")


def test_report_of_the_sample_works_in_chromium(browser, sample_comparison, tmp_path):
    report = tmp_path / "report.html"
    report.write_text(render(sample_comparison, RenderOptions()), encoding="utf-8")
    page, problems, requests = _open(browser, report)
    changes = len(sample_comparison.changes)
    unchanged = sum(1 for c in sample_comparison.changes
                    if c.kind.value == "unchanged" and not c.moved and not c.renumbered)

    # The script ran (the toolbar shows only with it) and the inline view is the default.
    assert page.get_attribute("html", "class") == "js"
    assert _visible(page, ".toolbar button") == 3  # inline, side by side, copy
    assert _visible(page, ".change .inline") == changes
    assert _visible(page, ".change .sbs") == 0
    merged = page.get_attribute(".change.k-merged", "id")
    page.evaluate(f"document.getElementById('{merged}').scrollIntoView()")
    page.screenshot(path=str(_screens(tmp_path) / "inline.png"))

    # Side by side, by keyboard: Tab to the button and press Enter.
    page.focus('[data-view="inline"]')
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('data-view')") == "sbs"
    page.keyboard.press("Enter")
    assert page.get_attribute('[data-view="sbs"]', "aria-pressed") == "true"
    assert page.get_attribute('[data-view="inline"]', "aria-pressed") == "false"
    assert _visible(page, ".change .sbs") == changes
    assert _visible(page, ".change .inline") == 0
    boxes = page.eval_on_selector(".change.k-modified .sbs", "e => [...e.children].map(c => c.getBoundingClientRect().toJSON())")
    assert boxes[0]["x"] < boxes[1]["x"] and abs(boxes[0]["y"] - boxes[1]["y"]) < 1  # old left, new right, one row
    page.evaluate(f"document.getElementById('{merged}').scrollIntoView()")
    page.screenshot(path=str(_screens(tmp_path) / "side-by-side.png"))

    # Only changed paragraphs: a real checkbox.
    page.check("#only-changes")
    assert _visible(page, ".change") == changes - unchanged
    assert page.text_content("#shown-count") == f"{changes - unchanged} of {changes} entries shown"
    page.uncheck("#only-changes")
    assert _visible(page, ".change") == changes

    # A link to a moved paragraph's old place, and back.
    page.click('[data-view="inline"]')
    moved = page.get_attribute(".change .origin", "href")
    page.click(f'.change .origin[href="{moved}"]')
    assert page.evaluate("location.hash") == moved

    # Printing shows the inline view even when side by side is on screen.
    page.click('[data-view="sbs"]')
    page.emulate_media(media="print")
    assert _visible(page, ".change .inline") == changes and _visible(page, ".change .sbs") == 0
    assert _visible(page, ".toolbar") == 0
    page.emulate_media(media="screen")

    assert problems == []
    assert requests == [report.as_uri()], "the report asked for something besides itself"
    for name in ("inline.png", "side-by-side.png"):
        assert (_screens(tmp_path) / name).stat().st_size > 10_000


def test_hostile_text_runs_nothing_in_chromium(browser, tmp_path):
    from dataclasses import replace

    from resdiff.compare import compare
    from resdiff.model import Document, Paragraph, ParagraphKind

    old = Document("A/1", "<img src=x onerror=alert(1)>", "en",
                   (Paragraph("OP1", ParagraphKind.OPERATIVE, 1, "Decides to act;"),))
    new = replace(old, paragraphs=old.paragraphs + (
        Paragraph("OP2", ParagraphKind.OPERATIVE, 2, "<script>window.pwned = 1</script><b onmouseover=x>"),))
    report = tmp_path / "hostile.html"
    report.write_text(render(compare(old, new)), encoding="utf-8")
    page, problems, requests = _open(browser, report)
    assert page.evaluate("window.pwned") is None
    assert "<script>window.pwned = 1</script>" in page.text_content(".change.k-added .inline")
    assert problems == [] and requests == [report.as_uri()]


def _screens(tmp_path: Path) -> Path:
    """Where screenshots are kept for review: $RESDIFF_SCREENSHOTS if set, else the test's folder."""
    import os

    folder = Path(os.environ.get("RESDIFF_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_report_reads_right_in_chromium(browser, sample_comparison, tmp_path):
    from resdiff.render.html import clean_text

    comparison = sample_comparison
    report = tmp_path / "report.html"
    report.write_text(render(comparison, RenderOptions()), encoding="utf-8")
    screens = _screens(tmp_path)
    page, problems, requests = _open(browser, report)

    # Every arrow points to where its target is on the page: "moved to … ↓" and "↑ where it stood".
    arrows = page.eval_on_selector_all(".moved-from a, .change .origin", """links => links.map(a => {
        const target = document.getElementById(a.getAttribute('href').slice(1));
        const below = !!(a.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_FOLLOWING);
        return [a.textContent, below];
    })""")
    moved = sum(1 for c in comparison.changes if c.moved)
    assert len(arrows) == 2 * moved and moved >= 5
    for text, below in arrows:
        assert ("↓" in text) == below and ("↑" in text) == (not below), text
    assert {below for _, below in arrows} == {True, False}  # the sample has moves both ways

    # The count says what it counts.
    assert page.text_content("#shown-count") == f"{len(comparison.changes)} of {len(comparison.changes)} entries shown"

    # The correspondence table: every change, its opening words, in the new order or the old.
    rows = page.eval_on_selector_all("table.corr tbody tr", "rows => rows.map(r => [...r.cells].map(c => c.textContent))")
    assert len(rows) == len(comparison.changes)
    assert all(row[5] for row in rows)
    assert rows[0][5].startswith(comparison.new.paragraphs[0].body[:5])
    page.click('[data-sort="old"]')
    old_rows = page.eval_on_selector_all("table.corr tbody tr", "rows => rows.map(r => r.cells[0].textContent)")
    firsts = [cell.split(" + ")[0] for cell in old_rows if cell != "—"]
    assert firsts == [c.old[0] for c in sorted((c for c in comparison.changes if c.old),
                                                key=lambda c: [p.id for p in comparison.old.paragraphs].index(c.old[0]))]
    assert page.get_attribute('[data-sort="old"]', "aria-pressed") == "true"
    page.evaluate("document.getElementById('correspondence').scrollIntoView()")
    page.screenshot(path=str(screens / "correspondence-old-order.png"))
    page.click('[data-sort="new"]')
    assert page.eval_on_selector_all("table.corr tbody tr", "rows => rows.map(r => r.cells[5].textContent)") == \
        [row[5] for row in rows]

    # A removed paragraph's empty column says what became of it.
    removed = [c for c in comparison.changes if c.kind.value == "removed"]
    page.click('[data-view="sbs"]')
    labels = page.eval_on_selector_all(".change.k-removed .col.new .empty", "els => els.map(e => e.textContent)")
    assert labels == [f"Removed (was {comparison.old.short_symbol} {c.old[0]})" for c in removed]
    page.click('[data-view="inline"]')

    # The "Text" link brings its heading below the sticky toolbar, not under it.
    page.click('.jump a[href="#text"]')
    page.wait_for_timeout(100)
    heading = page.eval_on_selector("#text-title", "e => e.getBoundingClientRect().top")
    toolbar = page.eval_on_selector(".toolbar", "e => e.getBoundingClientRect().bottom")
    assert heading >= toolbar, (heading, toolbar)

    # The copy button copies the clean text of the new version.
    browser.grant_permissions(["clipboard-read", "clipboard-write"])
    page.click("#copy-new")
    for _ in range(50):  # the page's CSP forbids wait_for_function's eval
        if page.text_content("#copy-status") == "Copied":
            break
        page.wait_for_timeout(20)
    assert page.text_content("#copy-status") == "Copied"
    assert page.evaluate("navigator.clipboard.readText()") == clean_text(comparison.new)

    # Printed, the correspondence table comes whole, without its buttons.
    page.emulate_media(media="print")
    assert _visible(page, "table.corr tbody tr") == len(comparison.changes)
    assert page.eval_on_selector(".corr-wrap", "e => e.scrollHeight <= e.clientHeight + 1")
    assert _visible(page, ".corr-tools button") == 0
    page.emulate_media(media="screen")

    # On a phone (390 px) nothing is wider than the screen, in either view.
    page.set_viewport_size({"width": 390, "height": 844})
    for view in ("inline", "sbs"):
        page.click(f'[data-view="{view}"]')
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, view
        assert page.eval_on_selector("table.corr", "e => e.getBoundingClientRect().right") <= 390, view
        page.evaluate("document.getElementById('correspondence').scrollIntoView()")
        page.screenshot(path=str(screens / f"phone-{view}-correspondence.png"))
        merged = page.get_attribute('.change.k-merged', 'id')
        page.evaluate(f"document.getElementById('{merged}').scrollIntoView()")
        page.screenshot(path=str(screens / f"phone-{view}.png"))
        # A paragraph scrolled to shows its heading below the sticky column heads.
        if view == "sbs":
            top = page.eval_on_selector(f"#{merged}", "e => e.getBoundingClientRect().top")
            heads = page.eval_on_selector(".sbs-head", "e => e.getBoundingClientRect().bottom")
            assert top >= heads, (top, heads)
    page.set_viewport_size({"width": 1280, "height": 900})
    assert problems == [] and requests == [report.as_uri()]


RTL_FIXTURES = Path(__file__).parent / "fixtures" / "rtl"


def _arabic_comparison():
    from resdiff.compare import compare
    from resdiff.parse import parse_file

    old, = parse_file(RTL_FIXTURES / "S_RES_338_1973.ar.old.txt")
    new, = parse_file(RTL_FIXTURES / "S_RES_338_1973.ar.edited.txt")
    return compare(old, new)


# The x of the character at ``index`` of the first text node holding ``needle`` under ``selector``.
_CHAR_X = """([selector, needle, index]) => {
  const root = document.querySelector(selector);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.data.indexOf(needle);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at + index); range.setEnd(node, at + index + 1);
    return range.getBoundingClientRect().x;
  }
  return null;
}"""


def _x(page, selector: str, needle: str, index: int = 0) -> float:
    x = page.evaluate(_CHAR_X, [selector, needle, index])
    assert x is not None, (selector, needle)
    return x


def test_arabic_report_reads_right_to_left_in_chromium(browser, tmp_path):
    comparison = _arabic_comparison()
    report = tmp_path / "arabic.html"
    report.write_text(render(comparison, RenderOptions()), encoding="utf-8")
    screens = _screens(tmp_path)
    page, problems, requests = _open(browser, report)

    # Every paragraph of text runs right to left; the page's own words stay left to right.
    directions = page.eval_on_selector_all(".change .inline .text", "els => els.map(e => getComputedStyle(e).direction)")
    assert directions == ["rtl"] * len(comparison.changes)
    assert page.eval_on_selector(".change-head", "e => getComputedStyle(e).direction") == "ltr"
    # Text starts at the right: each paragraph's first word ends at the paragraph's right edge.
    for position in range(len(comparison.changes)):
        right = page.eval_on_selector(f"#c{position} .inline .text", "e => e.getBoundingClientRect().right")
        first = page.eval_on_selector(f"#c{position} .inline .text", """e => {
          const range = document.createRange(); range.setStart(e.firstChild.firstChild || e.firstChild, 0);
          range.setEnd(e.firstChild.firstChild || e.firstChild, 1); return range.getBoundingClientRect().right; }""")
        assert abs(first - right) < 2, position

    # A changed number: the deleted "12" comes first in reading order, so it stands to the right of "24".
    assert _x(page, "#c1 .inline del", "12") > _x(page, "#c1 .inline ins", "24")
    # An inserted Latin symbol reads left to right inside the Arabic sentence, whole.
    ins = "#c2 .inline ins"
    assert _x(page, ins, "S/RES/242", 0) < _x(page, ins, "S/RES/242", 2) < _x(page, ins, "S/RES/242", 6)
    assert page.eval_on_selector(ins, "e => e.getClientRects().length") == 1
    # The paragraph's own "242 (1967)" before it stands to its right (it comes first).
    assert _x(page, "#c2 .inline .text", "رقم") > _x(page, ins, "S/RES/242")
    page.evaluate("document.getElementById('text').scrollIntoView()")
    page.screenshot(path=str(screens / "arabic-inline.png"))

    # The correspondence table's opening words run right to left, cut at their left end.
    words = page.eval_on_selector_all("td.words", "els => els.map(e => [getComputedStyle(e).direction, e.textContent])")
    assert [d for d, _ in words] == ["rtl"] * len(comparison.changes)
    cut = next(i for i, (_, text) in enumerate(words) if text.endswith("…"))
    selector = f"table.corr tbody tr:nth-child({cut + 1}) td.words"
    assert _x(page, selector, "…") < _x(page, selector, words[cut][1][:3])

    # Side by side, mirrored: the old version on the right, the new on the left, heads likewise.
    page.click('[data-view="sbs"]')
    boxes = page.eval_on_selector("#c1 .sbs", "e => [...e.children].map(c => c.getBoundingClientRect().toJSON())")
    assert boxes[0]["x"] > boxes[1]["x"] and abs(boxes[0]["y"] - boxes[1]["y"]) < 1
    heads = page.eval_on_selector(".sbs-head", "e => [...e.children].map(c => [c.textContent, c.getBoundingClientRect().x])")
    assert heads[0][0].endswith("(old)") and heads[0][1] > heads[1][1]
    # The ids stay readable: "338 OP1" left to right, at the column's right (where its text starts).
    label = "#c1 .col.old .src-id"
    assert page.text_content(label) == "338 (1973) (old) OP1"  # both versions are S/RES/338 (1973)
    assert _x(page, label, "OP1", 0) > _x(page, label, "338 (1973) (old)", 0)
    assert _x(page, label, "OP1", 0) < _x(page, label, "OP1", 2)
    column = page.eval_on_selector("#c1 .col.old", "e => e.getBoundingClientRect().right")
    assert column - page.eval_on_selector(label, "e => e.firstElementChild.getBoundingClientRect().right") < 2
    # An empty column's note reads as written: "Added (now 338 PP1)".
    note = "#c0 .col.old .empty"
    assert page.text_content(note) == "Added (now 338 (1973) (new) PP1)"
    assert _x(page, note, "Added") < _x(page, note, "PP1")
    page.evaluate("document.getElementById('text').scrollIntoView()")
    page.screenshot(path=str(screens / "arabic-side-by-side.png"))

    assert problems == [] and requests == [report.as_uri()]


def test_direction_follows_the_script_in_a_mixed_document_in_chromium(browser, tmp_path):
    from dataclasses import replace

    from resdiff.compare import compare
    from resdiff.model import Document, Paragraph, ParagraphKind as K

    # An English document quoting an Arabic paragraph: only that paragraph runs right to left,
    # and the side-by-side view is not mirrored (the documents are not right to left).
    old = Document("A/RES/1", "Languages", "en", (
        Paragraph("PP1", K.PREAMBULAR, None, "Recalling its resolution A/RES/67/19 of 29 November 2012,"),
        Paragraph("OP1", K.OPERATIVE, 1, "Decides to print the following words: «تؤكد قرارها 67/19 (2012)»;")))
    new = replace(old, paragraphs=(old.paragraphs[0], replace(
        old.paragraphs[1], text="Decides to print the following words: «تؤكد من جديد قرارها 67/19 (2012)»;"),
        Paragraph("OP2", K.OPERATIVE, 2, "إن الجمعية العامة تقرر أن تبقي المسألة A/RES/67/19 قيد نظرها.")))
    report = tmp_path / "mixed.html"
    report.write_text(render(compare(old, new)), encoding="utf-8")
    page, problems, requests = _open(browser, report)
    directions = page.eval_on_selector_all(".change .inline .text", "els => els.map(e => getComputedStyle(e).direction)")
    assert directions == ["ltr", "ltr", "rtl"]
    # The Arabic quotation inside the English sentence reads right to left, after "words:".
    text = "#c1 .inline .text"
    assert _x(page, text, "words") < _x(page, text, "تؤكد") and _x(page, text, "قرارها") < _x(page, text, "تؤكد")
    page.click('[data-view="sbs"]')
    boxes = page.eval_on_selector("#c1 .sbs", "e => [...e.children].map(c => c.getBoundingClientRect().x)")
    assert boxes[0] < boxes[1]
    page.screenshot(path=str(_screens(tmp_path) / "mixed-side-by-side.png"))
    assert problems == [] and requests == [report.as_uri()]


def test_arabic_markdown_reads_right_in_chromium(browser, tmp_path):
    # Rendered as a GitHub-flavoured page is (each block dir="auto", as GitHub sets it): the
    # Arabic paragraphs run right to left, and an Arabic title isolated in the report's own
    # line keeps the counts after it, to its right.
    import re
    from dataclasses import replace

    from markdown_it import MarkdownIt

    from resdiff.render.markdown import render as markdown

    comparison = _arabic_comparison()
    comparison = replace(comparison, new=replace(comparison.new, title="وقف إطلاق النار"))
    body = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).render(markdown(comparison))
    body = re.sub(r"<(p|li|h[1-6]|td|th)>", r'<\1 dir="auto">', body)
    page_file = tmp_path / "arabic-markdown.html"
    page_file.write_text(f'<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>{body}</body></html>',
                         encoding="utf-8")
    page, problems, requests = _open(browser, page_file)
    line = "li:nth-child(2)"
    assert page.text_content(line).startswith("New:")
    assert _x(page, line, "وقف") < _x(page, line, "1 preambular") and _x(page, line, "New") < _x(page, line, "النار")
    directions = page.eval_on_selector_all("h3 + p", "els => els.map(e => getComputedStyle(e).direction)")
    assert directions == ["rtl"] * len(comparison.changes)
    assert _x(page, "h3 + p s", "12") > _x(page, "h3 + p ins", "24")  # deleted first, to the right
    page.screenshot(path=str(_screens(tmp_path) / "arabic-markdown.png"), full_page=True)
    assert problems == []
