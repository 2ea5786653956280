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
    assert page.text_content("#shown-count") == f"{changes - unchanged} of {changes} changes shown"
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
    assert page.text_content("#shown-count") == f"{len(comparison.changes)} of {len(comparison.changes)} changes shown"

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
        page.evaluate(f"document.getElementById('{page.get_attribute('.change.k-merged', 'id')}').scrollIntoView()")
        page.screenshot(path=str(screens / f"phone-{view}.png"))
    page.set_viewport_size({"width": 1280, "height": 900})
    assert problems == [] and requests == [report.as_uri()]
