"""The HTML report delegates forward: one self-contained file, readable offline and in print.

The page holds a header (both documents and the summary as a small chart), a correspondence
table (every old paragraph id beside its new id) and the text of the new version in reading
order with ``<ins>`` and ``<del>`` marks. Both the inline view and the side-by-side view are in
the page; a small inline script switches between them and filters unchanged paragraphs. A
Content-Security-Policy allows only that script and style (by hash), so the page asks nothing
of the network and document text can never run as code.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import replace
from html import escape

from .. import i18n
from ..i18n import N_, _, language_label, tr
from ..inline import Shown, for_display
from ..model import Change, ChangeKind, Comparison, Document, Op, Span
from ..text import SUPERSCRIPT_DIGITS, direction
from . import (
    RenderOptions,
    alike,
    counted,
    distinct_sides,
    document_direction,
    form_note,
    furniture_heading,
    furniture_line,
    header_name,
    kind_name,
    layout_line,
    marked_item_notes,
    marks_shown,
    moved_item_spans,
    no_changes_line,
    opening_words,
    parts_line,
    reading_warnings,
    warnings_heading,
)
from .docx import chapeau, paragraph_lines, part_cuts, placed_marks

# Order of the counts in the header; the first six are kinds of change, the last two are flags.
SUMMARY_ORDER = ("modified", "added", "removed", "merged", "split", "moved", "renumbered", "unchanged")
KINDS = ("unchanged", "modified", "added", "removed", "merged", "split")
# The direction of the page's own words (labels, captions, notes): the interface's languages are
# written left to right. A document's text takes the direction of its letters (text.direction).
UI_DIRECTION = "ltr"

_CSS = """
:root{--ink:#1d2430;--muted:#5b6472;--line:#d9dee6;--paper:#fff;--wash:#f5f7fa;
--ins-bg:#dff3e4;--ins-ink:#0b5a1e;--del-bg:#fde4e4;--del-ink:#8c1d1d;
--k-unchanged:#9aa3af;--k-modified:#c98a00;--k-added:#1f8a3a;--k-removed:#c0392b;
--k-merged:#7b3fb0;--k-split:#2f6fb5;--k-moved:#0f8a8a;--k-renumbered:#4a5568;--focus:#1a5fd0}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--wash);color:var(--ink);line-height:1.6;
font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,sans-serif;font-size:16px}
:lang(zh){font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Hiragino Sans GB","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;
line-break:strict;word-break:normal;overflow-wrap:anywhere}
:lang(ar){font-family:"Noto Naskh Arabic","Geeza Pro","Segoe UI","Arial",sans-serif}
main,.report-head,.toolbar-inner{max-width:72rem;margin:0 auto;padding:0 1rem}
a{color:#1a4fa0}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px;border-radius:3px}
.report-head{padding-top:1.25rem;padding-bottom:.5rem}
.eyebrow{margin:0;color:var(--muted);font-size:.8rem;letter-spacing:.06em;text-transform:uppercase}
h1{font-size:1.6rem;line-height:1.25;margin:.2rem 0 .8rem;overflow-wrap:anywhere}
h1 .arrow{color:var(--muted);font-weight:400}
h2{font-size:1.2rem;margin:1.6rem 0 .6rem}
.docs{display:grid;grid-template-columns:repeat(auto-fit,minmax(15rem,1fr));gap:.75rem;margin:0 0 1rem}
.doc{background:var(--paper);border:1px solid var(--line);border-radius:8px;padding:.6rem .9rem}
.doc h2{margin:0;font-size:.8rem;color:var(--muted);text-transform:uppercase;letter-spacing:.05em}
.doc .symbol{font-weight:700;font-size:1.05rem;margin:.1rem 0;overflow-wrap:anywhere}
.doc .title{margin:0}
.doc .meta{margin:.2rem 0 0;color:var(--muted);font-size:.85rem}
.heading-parts{background:var(--paper);border:1px solid var(--line);border-radius:8px;padding:.5rem .9rem;margin:0 0 1rem}
.heading-parts dl{margin:0;display:grid;grid-template-columns:minmax(6rem,max-content) 1fr;gap:.2rem 1rem}
.heading-parts dt{color:var(--muted);font-size:.85rem}
.heading-parts dd{margin:0;overflow-wrap:anywhere}
.reading-warnings{border:1px solid #c98a00;border-left-width:4px;border-radius:8px;padding:.5rem .9rem;margin:0 0 1rem;background:#fff8e6}
.reading-warnings h2{margin:0 0 .3rem;font-size:1rem}
.reading-warnings h3{margin:.4rem 0 .1rem;font-size:.9rem;overflow-wrap:anywhere}
.reading-warnings p{margin:0 0 .2rem}
.reading-warnings ul{margin:0;padding-left:1.2rem}
.summary{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1.5rem;background:var(--paper);
border:1px solid var(--line);border-radius:8px;padding:.7rem .9rem}
.summary svg{width:100%;max-width:26rem;height:auto;display:block}
.summary .bar-wrap{flex:1 1 16rem}
.summary .caption{font-size:.8rem;color:var(--muted);margin:.3rem 0 0}
.counts{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.35rem .5rem;flex:1 1 20rem}
.counts li{display:inline-flex;align-items:center;gap:.35rem;border:1px solid var(--line);border-radius:999px;
padding:.05rem .6rem .05rem .45rem;font-size:.85rem;background:var(--wash)}
.counts li b{font-variant-numeric:tabular-nums}
.counts li.zero{color:var(--muted);opacity:.7}
.sw{display:inline-block;width:.7rem;height:.7rem;border-radius:2px;background:var(--k-unchanged)}
.sw.k-modified{background:var(--k-modified)}.sw.k-added{background:var(--k-added)}
.sw.k-removed{background:var(--k-removed)}.sw.k-merged{background:var(--k-merged)}
.sw.k-split{background:var(--k-split)}.sw.k-moved{background:var(--k-moved)}
.sw.k-renumbered{background:var(--k-renumbered)}
svg .k-unchanged{fill:var(--k-unchanged)}svg .k-modified{fill:var(--k-modified)}svg .k-added{fill:var(--k-added)}
svg .k-removed{fill:var(--k-removed)}svg .k-merged{fill:var(--k-merged)}svg .k-split{fill:var(--k-split)}
svg .k-moved{fill:var(--k-moved)}svg .k-renumbered{fill:var(--k-renumbered)}
.toolbar{position:sticky;top:0;z-index:5;background:rgba(255,255,255,.96);border-bottom:1px solid var(--line);
box-shadow:0 1px 4px rgba(0,0,0,.06)}
.no-js .toolbar{display:none}
.toolbar-inner{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1rem;padding-top:.45rem;padding-bottom:.45rem}
.seg{display:inline-flex;border:1px solid #8a94a3;border-radius:6px;overflow:hidden}
.seg button{font:inherit;font-size:.9rem;border:0;background:var(--paper);color:var(--ink);padding:.35rem .8rem;cursor:pointer;min-height:2.2rem}
.seg button+button{border-left:1px solid #8a94a3}
.seg button[aria-pressed="true"]{background:#1d2f4f;color:#fff}
.seg button:focus-visible{outline-offset:-3px}
.toggle{display:inline-flex;align-items:center;gap:.4rem;font-size:.9rem;cursor:pointer;min-height:2.2rem}
.toggle input{width:1.1rem;height:1.1rem;margin:0}
.shown{color:var(--muted);font-size:.85rem}
.jump{margin-left:auto;font-size:.9rem;display:flex;gap:.9rem}
table.corr{border-collapse:collapse;width:100%;background:var(--paper);border:1px solid var(--line);font-size:.9rem}
.corr-wrap{border-radius:8px;border:1px solid var(--line);background:var(--paper);max-width:100%}
.corr-tools{display:flex;flex-wrap:wrap;align-items:center;gap:.4rem .8rem;margin:0 0 .5rem;font-size:.9rem}
table.corr td.words{white-space:normal;overflow-wrap:anywhere;min-width:8rem}
#correspondence,#text{scroll-margin-top:4rem}
.copy{font:inherit;font-size:.9rem;border:1px solid #8a94a3;border-radius:6px;background:var(--paper);color:var(--ink);
padding:.35rem .8rem;cursor:pointer;min-height:2.2rem}
.corr-wrap table.corr{border:0}
table.corr th,table.corr td{padding:.3rem .6rem;border-bottom:1px solid var(--line);text-align:start;vertical-align:top;white-space:nowrap}
table.corr thead th{position:sticky;top:0;background:#eef1f5;z-index:1}
table.corr td.arrow{color:var(--muted);padding:.3rem 0}
table.corr td.renum a{font-weight:700}
table.corr tr.k-unchanged td{color:var(--muted)}
table.corr tr.k-unchanged td a{color:inherit}
.badge{display:inline-block;font-size:.72rem;font-weight:700;letter-spacing:.03em;text-transform:uppercase;
border-radius:4px;padding:.05rem .4rem;color:#fff;background:var(--k-unchanged);vertical-align:.1em;line-height:1.5}
.badge.k-unchanged{background:#e6e9ee;color:#4b5563}
.badge.k-modified{background:var(--k-modified);color:#1f1600}.badge.k-added{background:var(--k-added)}
.badge.k-removed{background:var(--k-removed)}.badge.k-merged{background:var(--k-merged)}
.badge.k-split{background:var(--k-split)}.badge.k-moved{background:var(--k-moved)}
.badge.k-renumbered{background:var(--k-renumbered)}
.sbs-head{display:none}
.change{background:var(--paper);border:1px solid var(--line);border-left:4px solid var(--k-unchanged);border-radius:6px;
margin:.6rem 0;padding:.5rem .9rem .6rem;scroll-margin-top:4rem}
.change.k-modified{border-left-color:var(--k-modified)}.change.k-added{border-left-color:var(--k-added)}
.change.k-removed{border-left-color:var(--k-removed)}.change.k-merged{border-left-color:var(--k-merged)}
.change.k-split{border-left-color:var(--k-split)}
.change.k-unchanged .text{color:#3d4654}
.change:target,.moved-from:target{box-shadow:0 0 0 3px var(--focus)}
.change-head{display:flex;flex-wrap:wrap;align-items:baseline;gap:.2rem .5rem;font-size:.88rem;margin-bottom:.25rem}
.ids{font-weight:700}
.ids .old-ids{color:var(--muted);font-weight:600}
.sim{color:var(--muted)}
.origin{font-size:.85rem}
.text{margin:0;white-space:pre-wrap;overflow-wrap:anywhere;font-size:1.02rem;line-height:1.75}
ins{background:var(--ins-bg);color:var(--ins-ink);text-decoration:underline;text-decoration-thickness:1.5px;text-underline-offset:.18em;border-radius:2px}
del{background:var(--del-bg);color:var(--del-ink);text-decoration:line-through;text-decoration-thickness:1.5px;border-radius:2px}
ins.layout,del.layout{background:none;color:inherit;text-decoration-style:dotted;text-decoration-thickness:1px}
ins.moved,del.moved{outline:1px dashed var(--k-moved);outline-offset:1px}
.item-moved{color:var(--k-moved);font-weight:600}
.pilcrow{font-weight:700;padding:0 .15em}
ins::before,ins::after,del::before,del::after{clip-path:inset(100%);clip:rect(1px,1px,1px,1px);height:1px;width:1px;
overflow:hidden;position:absolute;white-space:nowrap}
ins::before{content:" [insertion start] "}ins::after{content:" [insertion end] "}
del::before{content:" [deletion start] "}del::after{content:" [deletion end] "}
.sources{margin:.15rem 0 .35rem;font-size:.85rem;color:var(--muted)}
.moved-from{display:flex;flex-wrap:wrap;gap:.2rem 1.5rem;margin:.6rem 0;padding:.35rem .9rem;border:1px dashed var(--k-moved);border-radius:6px;font-size:.88rem;
color:#0b5f5f;background:#effafa;scroll-margin-top:4rem}
.sbs{display:none}
.col .src+.src{margin-top:.6rem;padding-top:.5rem;border-top:1px dotted var(--line)}
.col .src-id{display:block;font-size:.78rem;font-weight:700;color:var(--muted)}
.col .empty{color:var(--muted);font-style:italic;font-size:.9rem}
body.view-sbs main{max-width:96rem}
body.view-sbs .sbs{display:grid;grid-template-columns:1fr 1fr;gap:0 1.2rem}
body.view-sbs .inline{display:none}
body.view-sbs .sbs-head{display:grid;grid-template-columns:1fr 1fr;gap:0 1.2rem;position:sticky;top:3.2rem;z-index:2;
background:var(--wash);padding:.3rem .9rem .3rem 1.15rem;font-weight:700;font-size:.9rem;border-bottom:1px solid var(--line)}
body.view-sbs .col.old{border-inline-end:1px solid var(--line);padding-inline-end:1.2rem}
body.view-sbs .text{font-size:.98rem}
body.view-sbs .change,body.view-sbs .moved-from{scroll-margin-top:6.5rem}
body.view-sbs .moved-from{display:grid;grid-template-columns:1fr 1fr;gap:0 1.2rem}
body.only-changes [data-changed="false"]{display:none}
.empty-note{display:none;color:var(--muted)}
body.only-changes .empty-note.none-changed{display:block}
footer{max-width:72rem;margin:2rem auto;padding:0 1rem;color:var(--muted);font-size:.8rem}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (max-width:40rem){body{font-size:15px}h1{font-size:1.3rem}.toolbar{position:static}.jump{display:none}
#correspondence,#text{scroll-margin-top:0}table.corr th,table.corr td{padding:.3rem .3rem;white-space:normal}
table.corr td.words{min-width:6rem}table.corr .badge{font-size:.62rem}
body.view-sbs .sbs-head{top:0}.change,.moved-from{scroll-margin-top:2.5rem}
body.view-sbs .change,body.view-sbs .moved-from{scroll-margin-top:4.5rem}
body.view-sbs .sbs,body.view-sbs .sbs-head,body.view-sbs .moved-from{gap:0 .6rem}
body.view-sbs .col.old{padding-inline-end:.6rem}.change{padding:.45rem .6rem}}
details.furniture{margin:.4rem 0}details.furniture ul{margin:.3rem 0;color:var(--muted);font-size:.9rem;overflow-wrap:anywhere}
@media print{
@page{margin:16mm 14mm}
body{background:#fff;font-size:10.5pt;line-height:1.5}
.toolbar,.sbs,.sbs-head,.corr-tools,.copy{display:none!important}
.corr-wrap{border:0}table.corr thead th{position:static}table.corr tr{break-inside:avoid}
body.view-sbs .inline{display:block}
main,.report-head{max-width:none;padding:0}
.summary,.doc,.change{border-color:#999;background:#fff}
.change{break-inside:avoid;page-break-inside:avoid;margin:.35rem 0;padding:.3rem .6rem}
.text{font-size:10.5pt}
a{color:inherit;text-decoration:none}
ins{background:none;color:#000;text-decoration:underline 1.5px}
del{background:none;color:#444;text-decoration:line-through 1.5px}
.badge,.sw,svg rect{-webkit-print-color-adjust:exact;print-color-adjust:exact}
.moved-from{background:none;color:#000;border-color:#999}
}
"""

# The script runs once the page is parsed; without it the page still reads as the inline view.
_SCRIPT = """
(function () {
  var root = document.documentElement, body = document.body;
  root.className = root.className.replace('no-js', 'js');
  var buttons = document.querySelectorAll('[data-view]');
  var box = document.getElementById('only-changes');
  var shown = document.getElementById('shown-count');
  var items = document.querySelectorAll('.change');
  function setView(view) {
    body.classList.toggle('view-sbs', view === 'sbs');
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].setAttribute('aria-pressed', String(buttons[i].getAttribute('data-view') === view));
    }
  }
  function setFilter(on) {
    box.checked = on;
    body.classList.toggle('only-changes', on);
    var count = 0;
    for (var i = 0; i < items.length; i++) {
      if (!on || items[i].getAttribute('data-changed') === 'true') { count++; }
    }
    shown.textContent = count + ' of ' + items.length + ' entries shown';
  }
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].addEventListener('click', function (event) {
      setView(event.currentTarget.getAttribute('data-view'));
    });
  }
  box.addEventListener('change', function () { setFilter(box.checked); });
  // A link to a paragraph the filter hides shows everything again, then goes there.
  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (target && target.getAttribute('data-changed') === 'false' && box.checked) {
      setFilter(false);
      target.scrollIntoView();
    }
  }
  window.addEventListener('hashchange', reveal);
  // The correspondence table in the old version's order or the new one's.
  var tbody = document.querySelector('table.corr tbody');
  var sorts = document.querySelectorAll('[data-sort]');
  function sortBy(key) {
    var rows = Array.prototype.slice.call(tbody.rows);
    rows.sort(function (a, b) { return Number(a.getAttribute('data-' + key)) - Number(b.getAttribute('data-' + key)); });
    for (var i = 0; i < rows.length; i++) { tbody.appendChild(rows[i]); }
    for (var j = 0; j < sorts.length; j++) {
      sorts[j].setAttribute('aria-pressed', String(sorts[j].getAttribute('data-sort') === key));
    }
  }
  for (var k = 0; k < sorts.length; k++) {
    sorts[k].addEventListener('click', function (event) { sortBy(event.currentTarget.getAttribute('data-sort')); });
  }
  // Copy the new version's text, clean of every mark.
  var copy = document.getElementById('copy-new');
  var source = document.getElementById('new-text');
  var copied = document.getElementById('copy-status');
  copy.addEventListener('click', function () {
    function done() { copied.textContent = 'Copied'; }
    function fallback() {
      source.hidden = false; source.select(); document.execCommand('copy'); source.hidden = true; done();
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(source.value).then(done, fallback);
    } else { fallback(); }
  });
  setView('inline');
  setFilter(body.getAttribute('data-only-changes') === 'true');
  reveal();
})();
"""


# The page's own words that stand inside f-strings, marked here for extraction (a _() inside an
# f-string is not extracted) and shown with _w().
_PAGE_WORDS = frozenset((
    N_("."),
    N_("Alike"),
    N_("Change"),
    N_("Comparison of two versions"),
    N_("Correspondence"),
    N_("Correspondence table"),
    N_("Footnotes"),
    N_("Page furniture"),
    N_("Comparing the two versions"),
    N_("Inline"),
    N_("Layout"),
    N_("No changes: the two versions read the same."),
    N_("Only changed paragraphs"),
    N_("Opening words"),
    N_("Order of the table"),
    N_("Order:"),
    N_("Report view"),
    N_("Side by side"),
    N_("Summary"),
    N_("Text"),
    N_("Warnings from reading the files"),
    N_("becomes"),
    N_("resdiff could not vouch for these parts of the text, or left them out: check them by hand."),
    N_("paragraph break"),
    N_("width or spacing only"),
))


def _w(text: str) -> str:
    """One of the page's words, translated and escaped."""
    if text not in _PAGE_WORDS:
        raise KeyError(f"{text!r} is not in _PAGE_WORDS")
    return _e(_(text))


def _w_join(words: list[str]) -> str:
    """Words joined as a list in the interface language (\"modified, moved\")."""
    return _(", ").join(words)


def _css() -> str:
    """The style sheet, its words for screen readers (where an insertion or deletion starts and
    ends) in the interface language."""
    css = _CSS
    for english, said in (("[insertion start]", _("[insertion start]")), ("[insertion end]", _("[insertion end]")),
                          ("[deletion start]", _("[deletion start]")), ("[deletion end]", _("[deletion end]"))):
        css = css.replace(f'content:" {english} "', f"content:{_css_string(' ' + said + ' ')}")
    return css


def _css_string(text: str) -> str:
    """A CSS string holding ``text``."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _script() -> str:
    """The page's script, its two messages in the interface language."""
    shown = _js_template(_("{count} of {total} entries shown"), {"count": "count", "total": "items.length"})
    copied = _js_template(_("Copied"), {})
    return (_SCRIPT.replace("count + ' of ' + items.length + ' entries shown'", shown)
            .replace("copied.textContent = 'Copied'", "copied.textContent = " + copied))


def _js_template(template: str, fields: dict[str, str]) -> str:
    """A JavaScript expression joining the literal pieces of ``template`` and its ``{fields}``.

    >>> _js_template("{count} of {total} changes shown", {"count": "count", "total": "items.length"})
    "count + ' of ' + items.length + ' changes shown'"
    """
    import re

    pieces = []
    for index, piece in enumerate(re.split(r"\{(\w+)\}", template)):
        if index % 2:
            pieces.append(fields[piece])
        elif piece:
            pieces.append("'" + piece.replace("\\", "\\\\").replace("'", "\\'").replace("<", "\\u003c") + "'")
    return " + ".join(pieces) or "''"


def _csp_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _e(text: str | None) -> str:
    return escape(_isolated(text or ""), quote=True)


_EMBEDDINGS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def _isolated(text: str) -> str:
    """``text`` with its bidirectional controls kept to itself: wrapped in an isolate (FSI …
    PDI), closers without an opener dropped, so that an override in a paragraph can reorder
    nothing outside it.

    >>> _isolated("abc\u202edef") == "\u2068abc\u202edef\u2069"
    True
    """
    if not any(ch in _EMBEDDINGS for ch in text):
        return text
    out = []
    isolates = 0
    for ch in text:
        if ch in "\u2066\u2067\u2068":
            isolates += 1
        elif ch == "\u2069":
            if not isolates:
                continue  # it would close the isolate this function opens
            isolates -= 1
        out.append(ch)
    # a PDI also closes every embedding and override opened since its isolate began
    return "\u2068" + "".join(out) + "\u2069" * (isolates + 1)


def _lang(document: Document, text: str | None = None, context: str = UI_DIRECTION) -> str:
    """The lang attribute for text of ``document``, and a dir attribute when the text's direction
    (read from its letters; the document's when it has none) differs from its ``context``'s.

    Direction comes from the script, never from the language code: an Arabic paragraph quoted in
    an English document is right to left, a symbol in an Arabic one left to right.
    """
    attrs = f' lang="{_e(document.language)}"'
    found = (direction(text) if text is not None else None) or document_direction(document)
    if found and found != context:
        attrs += f' dir="{found}"'
    return attrs


def _mirrored(comparison: Comparison) -> bool:
    """Whether the side-by-side view reads right to left: old on the right, new on the left."""
    return document_direction(comparison.old) == "rtl" and document_direction(comparison.new) == "rtl"


def _name(text: str) -> str:
    """A document's name for running text: isolated (``<bdi>``) when written right to left, so
    that an Arabic file name never reorders the words around it."""
    return f"<bdi>{_e(text)}</bdi>" if direction(text) == "rtl" else _e(text)


def _ltr(html: str) -> str:
    """The page's own words inside text that runs right to left: isolated, left to right."""
    return f'<bdi dir="{UI_DIRECTION}">{html}</bdi>'


def _is_changed(change: Change) -> bool:
    return change.kind is not ChangeKind.UNCHANGED or change.moved or change.renumbered


# --- spans ---------------------------------------------------------------------------------------

def side_spans(spans: tuple[Span, ...], side: str) -> tuple[Shown, ...]:
    """The display spans of one side: they rebuild that side's text exactly.

    On the old side the deleted text is kept as ``Op.DELETE``, on the new side the inserted text
    as ``Op.INSERT``; width- and spacing-only differences keep their ``layout`` flag.

    >>> [(s.op.value, s.text) for s in side_spans((Span(Op.EQUAL, "a "), Span(Op.DELETE, "b"), Span(Op.INSERT, "c")), "old")]
    [('equal', 'a '), ('delete', 'b')]
    """
    dropped = Op.DELETE if side == "new" else Op.INSERT
    return tuple(s for s in for_display(spans) if s.op is not dropped)


def split_at_paragraphs(spans: tuple, lengths: list[int]) -> list[tuple]:
    """Cut one side's spans into its paragraphs, whose bodies were joined by one newline each.

    >>> [[s.text for s in part] for part in split_at_paragraphs((Span(Op.EQUAL, "ab\\ncd"),), [2, 2])]
    [['ab'], ['cd']]
    """
    if len(lengths) <= 1:
        return [tuple(spans)]
    cuts = []
    position = 0
    for length in lengths[:-1]:
        position += length
        cuts.append(position)  # the joining newline sits at this offset
        position += 1
    parts: list[list[Span]] = [[] for _ in lengths]
    index = 0
    offset = 0
    for span in spans:
        text = span.text
        while text:
            if index < len(cuts) and offset == cuts[index]:
                text = text[1:]  # the newline that joined two paragraphs
                offset += 1
                index += 1
                continue
            limit = cuts[index] - offset if index < len(cuts) else len(text)
            piece, text = text[:limit], text[limit:]
            parts[index].append(replace(span, text=piece))
            offset += len(piece)
    return [tuple(p) for p in parts]


def _footnote_section(comparison: Comparison) -> str:
    """The footnotes: each one's change, whole, then the paragraphs whose references changed."""
    if not comparison.footnotes and not comparison.marks:
        return ""
    old, new = comparison.old, comparison.new
    summary = comparison.footnote_summary()
    counts = " · ".join(counted(key, summary[key]) for key in ("unchanged", "modified", "added", "removed", "renumbered"))
    items = []
    for change in comparison.footnotes:
        shown = for_display(change.inline)
        sides = [_("{symbol} footnote {mark}").format(symbol=document.short_symbol, mark=mark)
                 for document, mark in ((old, change.old), (new, change.new)) if mark is not None]
        flags = [kind_name(change.kind.value)] + ([kind_name("renumbered")] if change.renumbered else [])
        changed = "true" if change.kind is not ChangeKind.UNCHANGED or change.renumbered else "false"
        items.append(f'<li class="footnote" data-changed="{changed}"><p class="fn-head"><strong>{_e(" → ".join(sides))}'
                     f'</strong> ({_e(_w_join(flags))})</p><p class="text"{_lang(new, _plain(shown))}>'
                     f"{_spans_html(shown)}</p></li>")
    for mark in comparison.marks:
        said = _("<strong>Footnote references of {old} → {new}</strong>: {old_marks} → {new_marks}").format(
            old=_e(_ids(old, mark.old)), new=_e(_ids(new, mark.new)),
            old_marks=_e(marks_shown(mark, False)), new_marks=_e(marks_shown(mark, True)))
        items.append(f'<li class="footnote" data-changed="true"><p class="fn-head">{said}</p></li>')
    return (f'<section id="footnotes" aria-labelledby="footnotes-title"><h2 id="footnotes-title">{_w("Footnotes")}</h2>'
            f'<p class="fn-counts">{_e(counts)}</p><ol class="footnotes">{"".join(items)}</ol></section>\n')


def _furniture_section(comparison: Comparison) -> str:
    """The lines each version left out as page furniture, folded away under their count: the
    report accounts for every line of both texts, compared above or listed here."""
    parts = []
    for document in (comparison.old, comparison.new):
        if document.furniture:
            lines = "".join(f"<li{_lang(document, line)}>{_e(tr(line))}</li>" for line in document.furniture)
            parts.append(f'<details class="furniture"><summary>{_e(furniture_heading(document))}</summary>'
                         f"<ul>{lines}</ul></details>")
    if not parts:
        return ""
    return (f'<section id="furniture" aria-labelledby="furniture-title"><h2 id="furniture-title">'
            f'{_w("Page furniture")}</h2>{"".join(parts)}</section>\n')


def _plain(spans) -> str:
    """The text the spans show, marks aside (to read its direction)."""
    return "".join(span.text for span in spans)


def _spans_html(spans: tuple[Shown, ...], moves: list[str | None] | None = None) -> str:
    """The spans marked; ``moves``, one a span, the phrase of the sub-paragraph move a span
    shows (``moved_item_spans``): that span is marked moved, the phrase its title."""
    out = []
    for k, span in enumerate(spans):
        text = _e(span.text)
        layout = f' class="layout" title="{_w("width or spacing only")}"' if span.layout else ""
        move = moves[k] if moves is not None else None
        if move is not None:
            layout = f' class="{"layout moved" if span.layout else "moved"}" title="{_e(move)}"'
        if span.op is Op.EQUAL:
            out.append(text)
        elif span.op is Op.DELETE:
            # A paragraph break that was removed (paragraphs merged) shows as a pilcrow.
            text = text.replace("\n", f'<span class="pilcrow" aria-label="{_w("paragraph break")}">¶</span>')
            out.append(f"<del{layout}>{text}</del>")
        else:
            out.append(f"<ins{layout}>{text}</ins>")
    return "".join(out)


# --- pieces of the page --------------------------------------------------------------------------


def _ids(document: Document, ids: tuple[str, ...]) -> str:
    return f"{document.short_symbol} {' + '.join(ids)}"


def _doc_card(role: str, document: Document) -> str:
    """A version's card; ``role`` is "old" or "new"."""
    pp, op = document.counts()
    meta = [_("{pp} preambular, {op} operative paragraphs").format(pp=pp, op=op)]
    if document.date:
        meta.insert(0, _("dated {date}").format(date=_e(document.date)))
    meta.append(_("language {language}").format(language=_e(language_label(document.language))))
    title = f'<p class="title"{_lang(document, document.title)}>{_e(document.title)}</p>' if document.title else ""
    label, heading = (_("Old version"), _("Old")) if role == "old" else (_("New version"), _("New"))
    return (f'<section class="doc" aria-label="{_e(label)}"><h2>{_e(heading)}</h2>'
            f'<p class="symbol"{_lang(document, document.label)}>{_e(document.label)}</p>{title}'
            f'<p class="meta">{" · ".join(meta)}</p></section>')


def _heading_parts(comparison: Comparison, only_changes: bool) -> str:
    """The header (agenda item, sponsors line, chapeau) of both versions, and the titles when
    they differ (the version cards show each title), in the order a text prints them, marked
    where they differ."""
    old, new = comparison.old, comparison.new
    rows = []
    for part in comparison.header:
        if part.part == "chapeau" and comparison.title_changed:
            rows.append((_("Title changed"), comparison.title, new))
        if only_changes and part.kind is ChangeKind.UNCHANGED:
            continue
        rows.append((header_name(part, old, new), part.inline, old if part.kind is ChangeKind.REMOVED else new))
    if comparison.title_changed and not any(p.part == "chapeau" for p in comparison.header):
        rows.append((_("Title changed"), comparison.title, new))
    if not rows:
        return ""
    items = "".join(f"<dt>{_e(name)}</dt><dd{_lang(document)}>{_spans_html(for_display(spans))}</dd>"
                    for name, spans, document in rows)
    label = _e(_("Title and header"))
    return f'<section class="heading-parts" aria-label="{label}"><dl>{items}</dl></section>'


def _warnings_section(comparison: Comparison) -> str:
    """What reading each version's file left out or could not vouch for (the notes and warnings
    said on standard error while reading), near the top of the page: a delegate forwarding the
    report is told which parts were not compared. Empty when both readings were in order."""
    parts = []
    if comparison.warnings:
        items = "".join(f"<li>{_e(tr(w))}</li>" for w in comparison.warnings)
        parts.append(f"<h3>{_w('Comparing the two versions')}</h3><ul>{items}</ul>")
    for role, document in (("old", comparison.old), ("new", comparison.new)):
        said = reading_warnings(document)
        if said:
            items = "".join(f"<li>{_e(tr(w))}</li>" for w in said)
            parts.append(f"<h3>{_e(warnings_heading(document, role))}</h3><ul>{items}</ul>")
    if not parts:
        return ""
    return (f'<section class="reading-warnings" id="reading-warnings" aria-labelledby="warnings-title">'
            f'<h2 id="warnings-title">{_w("Warnings from reading the files")}</h2>'
            f'<p>{_w("resdiff could not vouch for these parts of the text, or left them out: check them by hand.")}</p>'
            + "".join(parts) + "</section>")


def _summary(comparison: Comparison) -> str:
    summary = comparison.summary()
    total = len(comparison.changes) or 1
    width = 400
    x = 0.0
    rects = []
    for kind in KINDS:
        count = summary[kind]
        if not count:
            continue
        w = width * count / total
        rects.append(f'<rect class="k-{kind}" x="{x:.2f}" y="0" width="{w:.2f}" height="18">'
                     f"<title>{_e(counted(kind, count))}</title></rect>")
        x += w
    flags = []
    for row, flag in enumerate(("moved", "renumbered")):
        w = width * summary[flag] / total
        y = 26 + row * 10
        flags.append(f'<rect class="k-{flag}" x="0" y="{y}" width="{w:.2f}" height="6">'
                     f"<title>{_e(counted(flag, summary[flag]))}</title></rect>")
    label = _e(_("Changes by kind: {counts}").format(counts=_(", ").join(counted(key, summary[key]) for key in SUMMARY_ORDER)))
    svg = (f'<svg viewBox="0 0 {width} 42" role="img" aria-label="{label}" '
           f'xmlns="http://www.w3.org/2000/svg" preserveAspectRatio="none">'
           f'<rect x="0" y="0" width="{width}" height="18" fill="#eef1f5"/>{"".join(rects)}'
           f'<rect x="0" y="26" width="{width}" height="6" fill="#eef1f5"/>'
           f'<rect x="0" y="36" width="{width}" height="6" fill="#eef1f5"/>{"".join(flags)}</svg>')
    items = []
    for key in SUMMARY_ORDER:
        count = summary[key]
        cls = ' class="zero"' if count == 0 else ""
        said = _("{count} {kind}").format(count=f"<b>{count}</b>", kind=_e(kind_name(key)))
        items.append(f'<li{cls}><span class="sw k-{key}" aria-hidden="true"></span>{said}</li>')
    caption = _e(_("{n} entries in the correspondence, unchanged ones included (a merge or a split is one "
                   "entry); top bar: share of each kind; thin bars: moved, renumbered").format(n=len(comparison.changes)))
    return (f'<section class="summary" aria-label="{_w("Summary")}">'
            f'<div class="bar-wrap">{svg}<p class="caption">{caption}</p>'
            + (f'<p class="caption parts">{_e(parts_line(comparison))}{_w(".")}</p>' if parts_line(comparison) else "")
            + (f'<p class="caption layout">{_e(layout_line(comparison))}{_w(".")}</p>' if layout_line(comparison) else "")
            + (f'<p class="caption furniture"><a href="#furniture">{_e(furniture_line(comparison, listed=True))}</a>{_w(".")}</p>'
               if furniture_line(comparison) else "")
            + "</div>"
            f'<ul class="counts">{"".join(items)}</ul></section>')


def _badges(change: Change) -> str:
    out = [f'<span class="badge k-{change.kind.value}">{_e(kind_name(change.kind.value))}</span>']
    for flag in ("moved", "renumbered"):
        if getattr(change, flag):
            out.append(f'<span class="badge k-{flag}">{_e(kind_name(flag))}</span>')
    return " ".join(out)


def _moved_origins(comparison: Comparison) -> dict[int, list[int]]:
    """For each change, the moved changes whose old position was right after it (-1: the start).

    A moved paragraph's old place is after the nearest old paragraph before it that stayed
    where it was (removed paragraphs stand where they were, too).
    """
    old_index = {p.id: i for i, p in enumerate(comparison.old.paragraphs)}
    anchor_of_old: dict[int, int] = {}
    for position, change in enumerate(comparison.changes):
        if not change.moved:
            for pid in change.old:
                if pid in old_index:
                    anchor_of_old[old_index[pid]] = position
    origins: dict[int, list[int]] = {}
    for position, change in enumerate(comparison.changes):
        if not change.moved or not change.old or change.old[0] not in old_index:
            continue
        anchor = -1
        for k in range(old_index[change.old[0]] - 1, -1, -1):
            if k in anchor_of_old:
                anchor = anchor_of_old[k]
                break
        origins.setdefault(anchor, []).append(position)
    for moved in origins.values():
        moved.sort(key=lambda p: old_index[comparison.changes[p].old[0]])
    return origins


def _placeholder(comparison: Comparison, position: int, anchor: int) -> str:
    """The marker where a moved paragraph stood; it follows change ``anchor`` (-1: the start)."""
    change = comparison.changes[position]
    old_ids = _e(_ids(comparison.old, change.old))
    new_ids = _e(_ids(comparison.new, change.new))
    arrow = "↓" if anchor < position else "↑"
    link = f'<a href="#c{position}">' + _("moved to {ids} {arrow}").format(ids=new_ids, arrow=arrow) + "</a>"
    stood = _("{ids} stood here").format(ids=old_ids)
    return (f'<aside class="moved-from" id="was-c{position}" data-changed="true">'
            f'<div><span class="badge k-moved">{_e(kind_name("moved"))}</span> {stood}</div>'
            f"<div>{link}</div></aside>")


def _orders(comparison: Comparison) -> list[tuple[float, float]]:
    """Each change's place in the old version's order and in the new one's (the order of the
    changes). A paragraph only in one version sorts right after the change before it."""
    old_index = {p.id: i for i, p in enumerate(comparison.old.paragraphs)}
    orders = []
    previous = -1.0
    for position, change in enumerate(comparison.changes):
        if change.old and change.old[0] in old_index:
            key = float(old_index[change.old[0]])
        else:
            key = previous + 0.001
        previous = key
        orders.append((key, float(position)))
    return orders


def _opening(comparison: Comparison, change: Change) -> str:
    """The opening words of the paragraph: of the new version, or of the old if it was removed."""
    document, ids = (comparison.new, change.new) if change.new else (comparison.old, change.old)
    try:
        return opening_words(document.paragraph(ids[0]).body)
    except (KeyError, IndexError):
        return ""


def _correspondence(comparison: Comparison) -> str:
    old, new = comparison.old, comparison.new
    rows = []
    for position, (change, (old_key, new_key)) in enumerate(zip(comparison.changes, _orders(comparison))):
        old_cell = "—"
        if change.old:
            target = f"was-c{position}" if change.moved else f"c{position}"
            old_cell = f'<a href="#{target}">{_e(" + ".join(change.old))}</a>'
        new_cell = f'<a href="#c{position}">{_e(" + ".join(change.new))}</a>' if change.new else "—"
        renum = ' class="renum"' if change.renumbered else ""
        sim = ""
        if change.similarity is not None and change.kind is not ChangeKind.UNCHANGED:
            sim = alike(change.similarity)
        opening = _opening(comparison, change)
        lang = _lang(new if change.new else old, opening)
        rows.append(f'<tr class="k-{change.kind.value}" data-changed="{str(_is_changed(change)).lower()}" '
                    f'data-old="{old_key:g}" data-new="{new_key:g}">'
                    f"<td>{old_cell}</td><td class=\"arrow\" aria-hidden=\"true\">→</td><td{renum}>{new_cell}</td>"
                    f"<td>{_badges(change)}</td><td>{sim}</td>"
                    f'<td class="words"{lang}>{_e(opening)}</td></tr>')
    as_in_new = _e(_("as in {symbol}").format(symbol=new.short_symbol))
    as_in_old = _e(_("as in {symbol}").format(symbol=old.short_symbol))
    return (f'<section id="correspondence" aria-labelledby="corr-title"><h2 id="corr-title">{_w("Correspondence")}</h2>'
            f'<div class="corr-tools"><span>{_w("Order:")}</span><div class="seg" role="group" aria-label="{_w("Order of the table")}">'
            f'<button type="button" data-sort="new" aria-pressed="true">{as_in_new}</button>'
            f'<button type="button" data-sort="old" aria-pressed="false">{as_in_old}</button>'
            '</div></div>'
            f'<div class="corr-wrap" role="region" aria-label="{_w("Correspondence table")}">'
            '<table class="corr"><thead><tr>'
            f'<th scope="col">{_e(old.short_symbol)}</th><th scope="col"><span class="sr-only">{_w("becomes")}</span></th>'
            f'<th scope="col">{_e(new.short_symbol)}</th><th scope="col">{_w("Change")}</th><th scope="col">{_w("Alike")}</th>'
            f'<th scope="col">{_w("Opening words")}</th>'
            f'</tr></thead><tbody>{"".join(rows)}</tbody></table></div></section>')


def clean_text(document: Document) -> str:
    """A document's whole text as a delegate would paste it, with no mark of any change: the
    agenda item and sponsors line where it prints them, the title, the chapeau, then each paragraph
    as printed ("3. Decides:", "(a) …"), one a line, each footnote mark where the text sets it
    (superscript digits; at the line's end where its place is not known), then,
    under a rule, the footnotes ("1 See A/78/511.")."""
    lines = [part for part in (document.agenda_item, document.sponsors, document.title) if part]
    # a resolution in parts: part A's label and title above the chapeau, each part's label and
    # title on lines of their own, as printed
    cuts = part_cuts(document)
    paragraphs = list(document.paragraphs)
    if paragraphs and paragraphs[0].id in cuts and not paragraphs[0].footnotes:
        first = paragraphs.pop(0)
        lines.extend(first.text.split(" ", 1))
    lines.append(chapeau(document))
    for paragraph in paragraphs:
        if paragraph.id in cuts:
            paragraph = replace(paragraph, text=paragraph.text[:cuts[paragraph.id]] + "\n"
                                + paragraph.text[cuts[paragraph.id] + 1:])
        printed = paragraph_lines(paragraph)
        body = paragraph.body
        for n, (line, places) in enumerate(zip(body.split("\n"), placed_marks(paragraph, body))):
            # each mark where the text sets it (at the line's end where its place is not known)
            text, done = printed[n][: len(printed[n]) - len(line)], 0
            for place, marks in places:
                text += line[done:place] + "".join(_printed_mark(m) for m in marks)
                done = place
            lines.append(text)
    if document.footnotes:
        lines.append("__________")
        lines.extend(f"{footnote.mark} {footnote.text}" for footnote in document.footnotes)
    return "\n".join(lines) + "\n"


_TO_SUPERSCRIPT = str.maketrans("0123456789", SUPERSCRIPT_DIGITS)


def _printed_mark(mark: str) -> str:
    """A footnote mark as it stands after the text that cites it: "5" → "⁵"; "*" as it is."""
    return mark.translate(_TO_SUPERSCRIPT) if mark.isdigit() else mark


def _column(document: Document, ids: tuple[str, ...], spans: tuple[Span, ...], side: str, empty: str = "",
            context: str = UI_DIRECTION) -> str:
    """One side of a change in the side-by-side view; ``context`` is the direction of the columns
    (right to left when both versions are): the page's own words are isolated inside it."""
    words = _ltr if context != UI_DIRECTION else (lambda html: html)
    if not ids:
        return f'<div class="col {side}"><p class="empty">{words(_e(empty))}</p></div>'
    lengths = []
    for pid in ids:
        try:
            lengths.append(len(document.paragraph(pid).body))
        except KeyError:
            lengths = []
            break
    shown = side_spans(spans, side)
    parts = split_at_paragraphs(shown, lengths) if lengths and len(ids) > 1 else [shown]
    if len(parts) != len(ids):
        parts = [shown]
    blocks = []
    for index, part in enumerate(parts):
        label = ids[index] if len(parts) == len(ids) else " + ".join(ids)
        blocks.append(f'<div class="src"><span class="src-id">{words(_e(document.short_symbol + " " + label))}</span>'
                      f'<p class="text"{_lang(document, _plain(part), context)}>{_spans_html(part)}</p></div>')
    return f'<div class="col {side}">{"".join(blocks)}</div>'


def _change(comparison: Comparison, position: int, change: Change, origin_above: bool = True) -> str:
    old, new = comparison.old, comparison.new
    heads = [_badges(change)]
    if change.old and change.new:
        heads.append(f'<span class="ids"><span class="old-ids">{_e(_ids(old, change.old))}</span> → '
                     f"{_e(_ids(new, change.new))}</span>")
    elif change.old:
        heads.append(f'<span class="ids"><span class="old-ids">{_e(_ids(old, change.old))}</span></span>')
    else:
        heads.append(f'<span class="ids">{_e(_ids(new, change.new))}</span>')
    if change.similarity is not None and change.kind is not ChangeKind.UNCHANGED:
        heads.append('<span class="sim">' + _e(_("{percent} alike").format(percent=alike(change.similarity))) + "</span>")
    if form_note(change):
        heads.append('<span class="sim">' + _e(form_note(change) or "") + "</span>")
    if change.moved:
        arrow = "↑" if origin_above else "↓"
        where = _("{arrow} where it stood in {symbol}").format(arrow=arrow, symbol=_e(old.short_symbol))
        heads.append(f'<a class="origin" href="#was-c{position}">{where}</a>')
    sources = ""
    if change.kind is ChangeKind.MERGED:
        said = _("Merges {ids} into {into}.").format(ids=_e(_(" and ").join(_ids(old, (pid,)) for pid in change.old)),
                                                      into=_e(_ids(new, change.new)))
        sources = f'<p class="sources">{said}</p>'
    elif change.kind is ChangeKind.SPLIT:
        said = _("Splits {ids} into {into}.").format(ids=_e(_ids(old, change.old)),
                                                      into=_e(_(" and ").join(_ids(new, (pid,)) for pid in change.new)))
        sources = f'<p class="sources">{said}</p>'
    notes = marked_item_notes(change)
    if notes:
        # a sub-paragraph's move marked as a move, as its lines below are
        said = _e(_("; ")).join(f'<span class="item-moved">{_e(note)}</span>' if moved else _e(note)
                                for note, moved in notes)
        template, stop = _e(_("Sub-paragraphs: {notes}")), _e(_("."))
        sources += f'<p class="items">{template.format(notes=said)}{stop}</p>'
    lang_doc = old if change.kind is ChangeKind.REMOVED else new
    pairs = moved_item_spans(change, comparison)
    shown = tuple(span for span, _move in pairs)
    inline = (f'<div class="inline"><p class="text"{_lang(lang_doc, _plain(shown))}>'
              f'{_spans_html(shown, [move for _span, move in pairs])}</p></div>')
    # An empty column says what became of the paragraph: "Removed (was L.22 OP17)". When both
    # versions run right to left, so do the columns: the old version on the right.
    context = "rtl" if _mirrored(comparison) else UI_DIRECTION
    mirror = f' dir="{context}"' if context != UI_DIRECTION else ""
    added = _("Added (now {ids})").format(ids=_ids(new, change.new))
    removed = _("Removed (was {ids})").format(ids=_ids(old, change.old))
    sbs = (f'<div class="sbs"{mirror}>'
           f'{_column(old, change.old, change.inline, "old", added, context)}'
           f'{_column(new, change.new, change.inline, "new", removed, context)}</div>')
    return (f'<article class="change k-{change.kind.value}" id="c{position}" '
            f'data-kind="{change.kind.value}" data-changed="{str(_is_changed(change)).lower()}">'
            f'<div class="change-head">{" ".join(heads)}</div>{sources}{inline}{sbs}</article>')


def _sbs_head(comparison: Comparison) -> str:
    """The heads of the side-by-side columns, mirrored with them."""
    old, new = comparison.old, comparison.new
    heads = (_("{name} (old)").format(name=_name(old.label)),
             _("{name} (new)").format(name=_name(new.label)))
    if not _mirrored(comparison):
        return f'<div class="sbs-head" aria-hidden="true"><div>{heads[0]}</div><div>{heads[1]}</div></div>\n'
    return (f'<div class="sbs-head" aria-hidden="true" dir="rtl"><div>{_ltr(heads[0])}</div>'
            f"<div>{_ltr(heads[1])}</div></div>\n")


def render(comparison: Comparison, options: RenderOptions | None = None) -> str:
    """The comparison as one self-contained HTML page (UTF-8 text, no external resource)."""
    options = options or RenderOptions()
    comparison = distinct_sides(comparison)
    old, new = comparison.old, comparison.new
    css, script = _css(), _script()
    csp = (f"default-src 'none'; style-src {_csp_hash(css)}; script-src {_csp_hash(script)}; "
           "img-src data:; base-uri 'none'; form-action 'none'")
    title = f"{old.short_symbol} → {new.short_symbol}"
    if new.title:
        title += f" · {new.title}"
    origins = _moved_origins(comparison)
    anchor_of = {p: anchor for anchor, moved in origins.items() for p in moved}
    body = [_placeholder(comparison, p, -1) for p in origins.get(-1, [])]
    for position, change in enumerate(comparison.changes):
        body.append(_change(comparison, position, change, anchor_of.get(position, -1) < position))
        body.extend(_placeholder(comparison, p, position) for p in origins.get(position, []))
    any_changed = comparison.differs
    none_note = "" if any_changed else " none-changed"
    only = "true" if options.only_changes else "false"
    return "".join([
        "<!DOCTYPE html>\n",
        f'<html lang="{i18n.current()}" class="no-js">\n<head>\n<meta charset="utf-8">\n',
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        '<meta name="generator" content="resdiff">\n',
        f"<title>{_e(title)}</title>\n<style>{css}</style>\n</head>\n",
        f'<body data-only-changes="{only}">\n',
        '<header class="report-head">',
        f'<p class="eyebrow">{_w("Comparison of two versions")}</p>',
        f'<h1><span{_lang(old, old.label)}>{_name(old.label)}</span> <span class="arrow">→</span> '
        f'<span{_lang(new, new.label)}>{_name(new.label)}</span></h1>',
        f'<div class="docs">{_doc_card("old", old)}{_doc_card("new", new)}</div>',
        _heading_parts(comparison, options.only_changes),
        _warnings_section(comparison),
        _summary(comparison),
        "</header>\n",
        f'<nav class="toolbar" aria-label="{_w("Report view")}"><div class="toolbar-inner">',
        f'<div class="seg" role="group" aria-label="{_w("Layout")}">',
        f'<button type="button" data-view="inline" aria-pressed="true">{_w("Inline")}</button>',
        f'<button type="button" data-view="sbs" aria-pressed="false">{_w("Side by side")}</button></div>',
        f'<label class="toggle"><input type="checkbox" id="only-changes"> {_w("Only changed paragraphs")}</label>',
        '<span class="shown" id="shown-count" aria-live="polite"></span>',
        '<button type="button" class="copy" id="copy-new">'
        + _e(_("Copy the text of {symbol}").format(symbol=new.short_symbol)) + "</button>",
        '<span class="shown" id="copy-status" aria-live="polite"></span>',
        f'<span class="jump"><a href="#correspondence">{_w("Correspondence")}</a><a href="#text">{_w("Text")}</a></span>',
        "</div></nav>\n<main>\n",
        _correspondence(comparison),
        '\n<section id="text" aria-labelledby="text-title">',
        '<h2 id="text-title">' + _e(_("Text of {new}, with the changes from {old}").format(
            new=new.short_symbol, old=old.short_symbol)) + "</h2>",
        _sbs_head(comparison),
        "\n".join(body),
        f'\n<p class="empty-note{none_note}">{_e(no_changes_line(comparison)) if none_note else _w("No changes: the two versions read the same.")}</p>',
        "</section>\n",
        _footnote_section(comparison),
        _furniture_section(comparison),
        "</main>\n",
        "<footer>" + _("Made by resdiff. Insertions are <ins>underlined</ins>, deletions <del>struck through</del>; "
                       "width- and spacing-only differences are marked with a dotted line.") + "</footer>\n",
        f'<textarea id="new-text" hidden readonly aria-hidden="true"{_lang(new, None)}>{_e(clean_text(new))}</textarea>\n',
        f"<script>{script}</script>\n</body>\n</html>\n",
    ])
