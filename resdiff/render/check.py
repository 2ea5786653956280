"""The views of ``resdiff check``: terminal (rich), JSON (``resdiff.check/1``) and one
self-contained HTML page. Each takes a finished CheckResult and returns text.
"""

from __future__ import annotations

import base64
import hashlib
from html import escape
from typing import Any

from rich.text import Text

from .. import i18n
from ..check import ISSUE_KINDS, CheckResult, Cited, Issue, Pair, first_and_second, shown_value, version_name
from ..i18n import N_, _, language_label, ngettext, tr
from ..model import Document
from . import RenderOptions, opening_words
from .json import dumps

CHECK_SCHEMA = "resdiff.check/1"


def _names(result: CheckResult) -> tuple[str, str]:
    names = (version_name(result.a, result.b), version_name(result.b, result.a))
    if names[0] == names[1]:
        return first_and_second(names)
    return names


def _shown(names: tuple[str, str]) -> tuple[str, str]:
    """The two versions' names in the interface language."""
    return tr(names[0]), tr(names[1])


def _text_of(document: Document, pid: str | None) -> str:
    if pid is None:
        return ""
    try:
        return document.paragraph(pid).body
    except KeyError:
        return ""


def summary_line(result: CheckResult) -> str:
    """The counts in one sentence."""
    counts = result.summary()
    names = _shown(_names(result))
    line = ngettext("{paired} paragraph paired: {agree} agree, {disagree} disagree; "
                    "{only_a} in {name_a} only, {only_b} in {name_b} only",
                    "{paired} paragraphs paired: {agree} agree, {disagree} disagree; "
                    "{only_a} in {name_a} only, {only_b} in {name_b} only", counts["paired"]).format(
        paired=counts["paired"], agree=counts["agree"], disagree=counts["disagree"], only_a=counts["only_a"],
        name_a=names[0], only_b=counts["only_b"], name_b=names[1])
    if result.footnotes:
        line += _("; {footnotes} footnotes, {disagree} disagree").format(
            footnotes=len(result.footnotes), disagree=counts["footnotes_disagree"])
    return line


# --- JSON ----------------------------------------------------------------------------------------


def _side(document: Document) -> dict:
    return {"symbol": document.symbol, "title": document.title, "language": document.language,
            "date": document.date, "source": document.source, "paragraphs": len(document.paragraphs),
            "footnotes": len(document.footnotes)}


def _issue(issue: Issue) -> dict:
    return {"kind": issue.kind, "side": issue.side, "where": issue.where, "value": issue.value,
            "text": issue.text, "message": issue.message}


def _cited(items: tuple[Cited, ...], unmatched: frozenset[int]) -> list[dict]:
    return [{"kind": c.kind, "value": c.value, "text": c.text, "start": c.start, "end": c.end,
             "matched": index not in unmatched} for index, c in enumerate(items)]


def check_dict(result: CheckResult) -> dict:
    """The result as the check schema describes it."""
    data: dict[str, Any] = {
        "schema": CHECK_SCHEMA,
        "a": _side(result.a),
        "b": _side(result.b),
        "agree": not result.disagrees,
        "summary": result.summary(),
        "pairs": [{"a": p.a, "b": p.b, "agree": p.agrees, "disagreements": [_issue(i) for i in p.issues],
                   "notes": list(p.notes),
                   "cited": {"a": _cited(p.cited_a, p.unmatched_a), "b": _cited(p.cited_b, p.unmatched_b)}}
                  for p in result.pairs],
        "footnotes": [{"a": f.a, "b": f.b, "agree": not f.issues, "disagreements": [_issue(i) for i in f.issues],
                       "notes": list(f.notes)} for f in result.footnotes],
        "notes": list(result.notes),
    }
    return data


def render_json(result: CheckResult, options: RenderOptions | None = None) -> str:
    """The ``resdiff check --format json`` output."""
    return dumps(check_dict(result))


# --- terminal ------------------------------------------------------------------------------------


def _pair_ids(pair: Pair) -> tuple[str, str]:
    return pair.a or "—", pair.b or "—"


def render_terminal(result: CheckResult, options: RenderOptions | None = None, to_terminal: bool = False) -> str:
    """The result as terminal text: the two versions, the counts, then one line per pair (a
    mark, both ids, 'agree' or the first disagreement), further disagreements and notes below."""
    from .terminal import _console, _printed, visible

    options = options or RenderOptions()
    console, color = _console(options, to_terminal)
    names = _shown(_names(result))

    def style(name: str) -> str:
        return name if color else ""

    head = Text()
    head.append(_("{name}: ").format(name=names[0]), style=style("bold"))
    head.append(visible(_describe(result.a)))
    console.print(head, soft_wrap=True)
    head = Text()
    head.append(_("{name}: ").format(name=names[1]), style=style("bold"))
    head.append(visible(_describe(result.b)))
    console.print(head, soft_wrap=True)
    console.print(Text(summary_line(result), style=style("bold")), soft_wrap=True)
    for note in result.notes:
        console.print(Text(_("note: {note}").format(note=tr(note)), style=style("dim")), soft_wrap=True)
    console.print()
    width_a = max([len(p.a or "—") for p in result.pairs] + [2])
    width_b = max([len(p.b or "—") for p in result.pairs] + [2])
    for pair in result.pairs:
        a_id, b_id = _pair_ids(pair)
        line = Text()
        line.append("✗ " if pair.issues else "  ", style=style("bold red") if pair.issues else None)
        line.append(f"{a_id:<{width_a}} ↔ {b_id:<{width_b}}  ", style=style("bold"))
        if not pair.issues:
            line.append(_("agree"), style=style("green"))
        else:
            line.append(visible(tr(pair.issues[0].message)), style=style("red"))
        console.print(line, soft_wrap=True)
        indent = " " * (width_a + width_b + 7)
        for issue in pair.issues[1:]:
            console.print(Text(indent + visible(tr(issue.message)), style=style("red")), soft_wrap=True)
        if pair.a is None or pair.b is None:
            document, pid = (result.a, pair.a) if pair.a else (result.b, pair.b)
            console.print(Text(indent + "“" + visible(opening_words(_text_of(document, pid), 60)) + "”",
                               style=style("dim")), soft_wrap=True)
        for note in pair.notes:
            console.print(Text(indent + _("note: {note}").format(note=visible(tr(note))), style=style("dim")),
                          soft_wrap=True)
    disagreeing = [f for f in result.footnotes if f.issues or f.notes]
    if disagreeing:
        console.print()
        for footnote in disagreeing:
            for issue in footnote.issues:
                console.print(Text("✗ " + visible(tr(issue.message)), style=style("red")), soft_wrap=True)
            for note in footnote.notes:
                console.print(Text("  " + _("footnote {mark}: note: {note}").format(
                    mark=footnote.a or footnote.b, note=visible(tr(note))), style=style("dim")), soft_wrap=True)
    console.print()
    verdict = _("The versions agree.") if not result.disagrees else \
        _("The versions disagree: {counts}.").format(counts=_count_line(result))
    console.print(Text(verdict, style=style("bold green" if not result.disagrees else "bold red")), soft_wrap=True)
    return _printed(console)


def _describe(document: Document) -> str:
    pp, op = document.counts()
    parts = [document.symbol or document.label,
             "· " + _("{preambular} preambular, {operative} operative, {footnotes} footnotes").format(
                 preambular=pp, operative=op, footnotes=len(document.footnotes))]
    if document.source and document.symbol:
        parts.append(f"· {document.source}")
    return " ".join(parts)


def _kind_count(kind: str, n: int) -> str:
    """'2 numbers', '1 paragraph in one version only': a count of disagreements of one kind."""
    if kind == "paragraph":
        text = ngettext("{n} paragraph in one version only", "{n} paragraphs in one version only", n)
    elif kind == "kind":
        text = ngettext("{n} paragraph of another kind", "{n} paragraphs of another kind", n)
    elif kind == "numbering":
        text = ngettext("{n} numbering difference", "{n} numbering differences", n)
    elif kind == "sub-paragraphs":
        text = ngettext("{n} sub-paragraph count", "{n} sub-paragraph counts", n)
    elif kind == "footnote":
        text = ngettext("{n} footnote", "{n} footnotes", n)
    elif kind == "number":
        text = ngettext("{n} number", "{n} numbers", n)
    elif kind == "date":
        text = ngettext("{n} date", "{n} dates", n)
    else:
        text = ngettext("{n} symbol", "{n} symbols", n)
    return text.format(n=n)


def _count_line(result: CheckResult) -> str:
    counts = result.summary()
    return _(", ").join(_kind_count(kind, counts[kind]) for kind in ISSUE_KINDS if counts[kind])


# --- HTML ----------------------------------------------------------------------------------------

_CSS = """
:root{--ink:#1d2430;--muted:#5b6472;--line:#d9dee6;--paper:#fff;--wash:#f5f7fa;--bad:#b3261e;--bad-bg:#fde4e4;
--ok:#1f7a3a;--mark:#eef3ff}
*{box-sizing:border-box}
body{margin:0;background:var(--wash);color:var(--ink);line-height:1.6;font-size:16px;
font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,sans-serif}
:lang(zh){font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif}
:lang(ar){font-family:"Noto Naskh Arabic","Geeza Pro","Segoe UI",Arial,sans-serif}
header,main{max-width:80rem;margin:0 auto;padding:0 1rem}
header{padding-top:1.2rem}
.eyebrow{margin:0;color:var(--muted);font-size:.8rem;letter-spacing:.06em;text-transform:uppercase}
h1{font-size:1.5rem;line-height:1.3;margin:.2rem 0 .8rem}
h2{font-size:1.15rem;margin:1.5rem 0 .6rem}
.docs{display:grid;grid-template-columns:1fr 1fr;gap:.75rem}
.doc{background:var(--paper);border:1px solid var(--line);border-radius:8px;padding:.6rem .9rem}
.doc h2{margin:0;font-size:.8rem;color:var(--muted);text-transform:uppercase;letter-spacing:.05em}
.doc p{margin:.1rem 0}
.verdict{font-weight:700;margin:.9rem 0 .3rem}
.verdict.bad{color:var(--bad)}.verdict.ok{color:var(--ok)}
.notes{color:var(--muted);font-size:.9rem}
table{border-collapse:collapse;width:100%;background:var(--paper);border:1px solid var(--line);font-size:.92rem}
th,td{padding:.3rem .6rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
thead th{background:#eef1f5}
tr.bad td.verdict-cell{color:var(--bad);font-weight:700}
tr.ok td.verdict-cell{color:var(--ok)}
.pair{background:var(--paper);border:1px solid var(--line);border-left:4px solid var(--ok);border-radius:6px;
margin:.6rem 0;padding:.5rem .9rem}
.pair.bad{border-left-color:var(--bad)}
.pair:target{box-shadow:0 0 0 3px #1a5fd0}
.pair-head{font-weight:700;font-size:.9rem}
.issues{margin:.2rem 0;padding-left:1.2rem;color:var(--bad)}
.pair-notes{margin:.2rem 0;padding-left:1.2rem;color:var(--muted);font-size:.88rem}
.texts{display:grid;grid-template-columns:1fr 1fr;gap:0 1.2rem}
.texts .col-name{font-size:.78rem;font-weight:700;color:var(--muted)}
.text{margin:0;white-space:pre-wrap;overflow-wrap:anywhere;line-height:1.75}
.absent{color:var(--muted);font-style:italic}
mark{background:var(--mark);color:inherit;border-bottom:1px dotted #6b7a99;unicode-bidi:isolate}
mark.only{background:var(--bad-bg);color:var(--bad);border-bottom:2px solid var(--bad);font-weight:700}
footer{max-width:80rem;margin:1.5rem auto;padding:0 1rem 2rem;color:var(--muted);font-size:.85rem}
@media (max-width:40rem){.docs,.texts{grid-template-columns:1fr}}
@media print{.pair{break-inside:avoid}}
"""


def _csp_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _e(text: str | None) -> str:
    return escape(text or "", quote=True)


def _lang(document: Document, text: str | None = None) -> str:
    """lang, and dir where the text (or the document) reads right to left: the HTML report's rule."""
    from .html import _lang as lang

    return lang(document, text)


_CITED_TITLE = {"number": N_("number {value}"), "date": N_("date {value}"), "symbol": N_("symbol {value}"),
                "mark": N_("mark {value}")}


def _marked(text: str, items: tuple[Cited, ...], unmatched: frozenset[int]) -> str:
    """The text with what it cites marked: in the other version too, or (class "only") in
    this one alone."""
    out = []
    position = 0
    for index, c in enumerate(items):
        if c.start < position or text[c.start:c.end] != c.text:
            continue
        out.append(_e(text[position:c.start]))
        shown = tr(shown_value(c.kind, c.value))
        title = _(_CITED_TITLE[c.kind]).format(value=shown) if c.kind in _CITED_TITLE else f"{c.kind} {shown}"
        cls = ' class="only"' if index in unmatched else ""
        out.append(f'<mark{cls} title="{_e(title)}">{_e(c.text)}</mark>')
        position = c.end
    out.append(_e(text[position:]))
    return "".join(out)


def _column(document: Document, pid: str | None, items: tuple[Cited, ...], unmatched: frozenset[int],
            name: str) -> str:
    if pid is None:
        return f'<div><span class="col-name">{_e(name)}</span><p class="absent">' + _e(_("No counterpart.")) + "</p></div>"
    text = _text_of(document, pid)
    return (f'<div><span class="col-name">{_e(name)} {_e(pid)}</span>'
            f'<p class="text"{_lang(document, text)}>{_marked(text, items, unmatched)}</p></div>')


def render_html(result: CheckResult, options: RenderOptions | None = None) -> str:
    """The result as one self-contained HTML page: both versions, the verdict, a table of the
    pairs, and each pair's two texts side by side with what they cite marked."""
    a, b = result.a, result.b
    names = _shown(_names(result))
    csp = f"default-src 'none'; style-src {_csp_hash(_CSS)}; base-uri 'none'; form-action 'none'"
    title = _("{symbol} · {name_a} and {name_b}").format(symbol=a.symbol or a.label, name_a=names[0], name_b=names[1])
    rows = []
    sections = []
    for position, pair in enumerate(result.pairs):
        bad = bool(pair.issues)
        verdict = _("disagree") if bad else _("agree")
        what = _("; ").join(tr(i.message) for i in pair.issues)
        rows.append(f'<tr class="{"bad" if bad else "ok"}"><td><a href="#p{position}">{_e(pair.a or "—")}</a></td>'
                    f'<td><a href="#p{position}">{_e(pair.b or "—")}</a></td>'
                    f'<td class="verdict-cell">{verdict}</td><td>{_e(what)}</td></tr>')
        issues = "".join(f"<li>{_e(tr(i.message))}</li>" for i in pair.issues)
        notes = "".join(f"<li>{_e(tr(n))}</li>" for n in pair.notes)
        sections.append(
            f'<article class="pair{" bad" if bad else ""}" id="p{position}">'
            f'<div class="pair-head">{_e(pair.a or "—")} ↔ {_e(pair.b or "—")} · {verdict}</div>'
            + (f'<ul class="issues">{issues}</ul>' if issues else "")
            + (f'<ul class="pair-notes">{notes}</ul>' if notes else "")
            + '<div class="texts">'
            + _column(a, pair.a, pair.cited_a, pair.unmatched_a, names[0])
            + _column(b, pair.b, pair.cited_b, pair.unmatched_b, names[1])
            + "</div></article>")
    footnote_items: list[str] = []
    for footnote in result.footnotes:
        if footnote.issues or footnote.notes:
            footnote_items.extend(f"<li>{_e(tr(i.message))}</li>" for i in footnote.issues)
            footnote_items.extend('<li class="notes">' + _e(_("footnote {mark}: {note}").format(
                mark=footnote.a or footnote.b, note=tr(n))) + "</li>" for n in footnote.notes)
    footnotes = ""
    if result.footnotes:
        listed = f'<ul class="issues">{"".join(footnote_items)}</ul>' if footnote_items else \
            "<p>" + _e(_("Every footnote is in both versions and cites the same numbers, dates and symbols.")) + "</p>"
        footnotes = '<section id="footnotes"><h2>' + _e(_("Footnotes")) + f"</h2>{listed}</section>"
    verdict = ('<p class="verdict ok">' + _e(_("The versions agree.")) + "</p>" if not result.disagrees else
               '<p class="verdict bad">' + _e(_("The versions disagree: {counts}.").format(counts=_count_line(result)))
               + "</p>")
    notes = "".join('<p class="notes">' + _e(_("Note: {note}").format(note=tr(n))) + "</p>" for n in result.notes)
    heading = _e(_("{symbol_a} ({name_a}) and {symbol_b} ({name_b})")).format(
        symbol_a=f"<span{_lang(a)}>{_e(a.symbol or a.label)}</span>", name_a=_e(names[0]),
        symbol_b=f"<span{_lang(b)}>{_e(b.symbol or b.label)}</span>", name_b=_e(names[1]))
    return "".join([
        "<!DOCTYPE html>\n",
        f'<html lang="{i18n.current()}">\n<head>\n<meta charset="utf-8">\n',
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        '<meta name="generator" content="resdiff">\n',
        f"<title>{_e(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n",
        '<header><p class="eyebrow">' + _e(_("Check of two language versions")) + "</p>",
        f"<h1>{heading}</h1>",
        f'<div class="docs">{_card(names[0], a)}{_card(names[1], b)}</div>',
        verdict, "<p>" + _e(_("{summary}.").format(summary=summary_line(result))) + "</p>", notes,
        "</header>\n<main>\n",
        '<section id="pairs"><h2>' + _e(_("Paragraphs paired")) + "</h2><table><thead><tr>"
        f"<th>{_e(names[0])}</th><th>{_e(names[1])}</th><th>" + _e(_("Verdict")) + "</th>"
        "<th>" + _e(_("Disagreements")) + "</th></tr></thead><tbody>",
        "".join(rows), "</tbody></table></section>\n",
        '<section id="texts"><h2>' + _e(_("Texts side by side")) + "</h2>", "\n".join(sections), "</section>\n",
        footnotes, "</main>\n",
        "<footer>" + _e(_("Made by resdiff check. Marked: the numbers, dates and symbols each version cites; in red, "
                          "those the other version does not cite.")) + "</footer>\n</body>\n</html>\n",
    ])


def _card(name: str, document: Document) -> str:
    pp, op = document.counts()
    title = f'<p{_lang(document)}>{_e(document.title)}</p>' if document.title else ""
    return (f'<section class="doc"><h2>{_e(name)}</h2><p{_lang(document)}><strong>{_e(document.symbol or document.label)}'
            f"</strong></p>{title}<p class=\"notes\">"
            + _e(_("{preambular} preambular, {operative} operative paragraphs, {footnotes} footnotes · language {language}")
                 .format(preambular=pp, operative=op, footnotes=len(document.footnotes), language=language_label(document.language)))
            + "</p></section>")
