"""Precedent search: each paragraph of a draft against every stored text, by the trigram index."""

from __future__ import annotations

import json

import jsonschema
import pytest
from conftest import CORPUS, ROOT, SAMPLE
from typer.testing import CliRunner

from resdiff.cli import app, main
from resdiff.parse import parse_file
from resdiff.precedent import find_precedents
from resdiff.store import Store

EN = CORPUS / "en"
SCHEMA = json.loads((ROOT / "resdiff" / "schemas" / "precedent.schema.json").read_text(encoding="utf-8"))


def run(*args: str):
    return CliRunner().invoke(app, list(args))


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """68/262 (2014) and ES-11/1 to ES-11/3 (2022), English; the two Chinese drafts of the sample."""
    path = str(tmp_path_factory.mktemp("precedent") / "store.db")
    files = [EN / "A_RES_68_262.en.txt", *(EN / f"A_RES_ES-11_{n}.en.txt" for n in (1, 2, 3)), SAMPLE]
    result = run("add", *map(str, files), "--store", path)
    assert result.exit_code == 0, result.output
    return path


def test_es_11_4_finds_its_agreed_language_in_the_earlier_texts(store):
    result = run("precedent", str(EN / "A_RES_ES-11_4.en.txt"), "--store", store, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    jsonschema.validate(data, SCHEMA)
    best = {p["id"]: (p["status"], [(q["symbol"], q["id"], q["similarity"]) for q in p["precedents"]][:1])
            for p in data["paragraphs"]}
    # OP1 reaffirms ES-11/1 OP1 word for word; OP8 adjourns the session as ES-11/1 OP16 did.
    assert best["OP1"] == ("identical", [("A/RES/ES-11/1", "OP1", 1.0)])
    assert best["OP8"] == ("identical", [("A/RES/ES-11/1", "OP16", 1.0)])
    # PP1 recalls Article 2 as ES-11/2 PP3 did, with the end of Article 2(3) added.
    assert best["PP1"][0] == "changed" and best["PP1"][1][0][:2] == ("A/RES/ES-11/2", "PP3")
    # OP4: 68/262 OP6's call not to recognize any alteration of status, rewritten for 2022.
    assert best["OP4"][0] == "changed" and best["OP4"][1][0][:2] == ("A/RES/68/262", "OP6")
    assert data["summary"] == {"identical": 2, "changed": 3, "new": 10}
    # Every precedent's spans rebuild its stored paragraph and the draft paragraph exactly.
    with Store.open(store, create=False) as opened:
        stored = {(v.symbol, p.id): p.body for v in opened.versions() for p in opened.document(v).paragraphs}
    for paragraph in data["paragraphs"]:
        for p in paragraph["precedents"]:
            assert "".join(s["text"] for s in p["spans"] if s["op"] != "insert") == stored[(p["symbol"], p["id"])]
            assert "".join(s["text"] for s in p["spans"] if s["op"] != "delete") == paragraph["text"]
        similarities = [p["similarity"] for p in paragraph["precedents"]]
        assert similarities == sorted(similarities, reverse=True)
        assert all(s >= 0.5 for s in similarities) and len(similarities) <= 3


def test_terminal_view_says_identical_changed_and_new(store):
    result = run("precedent", str(EN / "A_RES_ES-11_4.en.txt"), "--store", store, "--top", "1")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == ("Precedents of A/RES/ES-11/4 among 87 stored paragraphs (en); "
                        "kept share 0.50 or more, best 1")
    assert "OP1  identical to A/RES/ES-11/1 OP1 (2022-03-18)" in lines
    assert "PP2  no precedent: new language" in lines
    assert any(line.startswith("OP4  A/RES/68/262 OP6 (2014-04-01), 0.66 kept: Calls upon all States, "
                               "international organizations and {+United Nations +}specialized") for line in lines)
    assert lines[-1] == "2 identical to a precedent, 3 changed from one, 10 new"


def test_a_stored_draft_is_not_its_own_precedent_and_since_filters_sessions(store):
    with Store.open(store, create=False) as opened:
        document = opened.document(opened.find("ES-11/2")[-1])
        search = find_precedents(opened, document, top=5)
        assert all(p.symbol != "A/RES/ES-11/2" for f in search.paragraphs for p in f.precedents)
        assert any(p.symbol == "A/RES/68/262" for f in search.paragraphs for p in f.precedents)
        later = find_precedents(opened, document, top=5, since=70)
        assert all(p.session >= 70 for f in later.paragraphs for p in f.precedents)
        assert not any(p.symbol == "A/RES/68/262" for f in later.paragraphs for p in f.precedents)


def test_chinese_finds_chinese_and_never_english_unless_asked(store):
    l56 = next(d for d in parse_file(str(SAMPLE)) if d.symbol.endswith("L.56"))
    with Store.open(store, create=False) as opened:
        search = find_precedents(opened, l56, top=1)
        assert search.languages == ("zh",)
        symbols = {p.symbol for f in search.paragraphs for p in f.precedents}
        assert symbols == {"A/C.2/65/L.22"}
        statuses = [("new" if not f.precedents else "identical" if f.precedents[0].identical else "changed")
                    for f in search.paragraphs]
        # identical as `resdiff diff` reads it (its 8 unchanged: width-only differences count as none)
        assert (statuses.count("identical"), statuses.count("changed"), statuses.count("new")) == (8, 34, 7)
        english = find_precedents(opened, l56, top=1, languages=("en",))
        assert all(not f.precedents for f in english.paragraphs)


@pytest.mark.parametrize("args, message", [
    (["A/RES/99/1"], "resdiff: error: 'A/RES/99/1' is neither a file nor a stored symbol"),
    (["ES-11/2", "--since", "last"], "resdiff: error: Invalid value for --since: give a session number, such as 79"),
    (["ES-11/2", "--format", "xml"], "resdiff: error: Invalid value for --format: choose text, json or html"),
])
def test_bad_arguments_are_one_line_errors(store, args, message, capsys):
    with pytest.raises(SystemExit) as exit:
        main(["precedent", *args, "--store", store])
    assert exit.value.code == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_html_marks_each_paragraph_and_keeps_the_draft_text_whole(store):
    import html as html_module
    import re

    result = run("precedent", str(EN / "A_RES_ES-11_4.en.txt"), "--store", store, "--format", "html")
    assert result.exit_code == 0, result.output
    page = result.output
    data = json.loads(run("precedent", str(EN / "A_RES_ES-11_4.en.txt"), "--store", store, "--format", "json").output)
    sections = re.findall(r'<section class="(\w+)" id="([^"]+)">.*?<p class="text">(.*?)</p>', page, re.S)
    assert [(status, pid) for status, pid, _ in sections] == [(p["status"], p["id"]) for p in data["paragraphs"]]
    for (_, _, text), paragraph in zip(sections, data["paragraphs"]):
        # Without the struck words, the page reads the draft paragraph exactly.
        shown = html_module.unescape(re.sub(r"<[^>]+>", "", re.sub(r"<del>.*?</del>", "", text, flags=re.S)))
        assert shown == paragraph["text"]
    assert "<li>A/RES/ES-11/1 OP1 (2022-03-18): identical</li>" in page
    assert page.count('class="new"') == 10



def test_earlier_revisions_of_the_drafts_own_symbol_are_precedents(tmp_path):
    text = (CORPUS / "en" / "A_C.3_78_L.41.en.txt").read_text(encoding="utf-8")
    first, second = tmp_path / "A_C.3_78_L.41.txt", tmp_path / "r2.txt"
    first.write_text(text, encoding="utf-8")
    second.write_text(text.replace("4.5 million", "5 million"), encoding="utf-8")
    store = str(tmp_path / "s.db")
    runner = CliRunner()
    assert runner.invoke(app, ["add", str(first), "--store", store]).exit_code == 0
    lines = runner.invoke(app, ["precedent", str(second), "--store", store]).output.splitlines()
    assert lines[0].startswith("Precedents of A/C.3/78/L.41 among 38 stored paragraphs")
    assert lines[1] == "PP1   identical to A/C.3/78/L.41 rev 1 PP1"
    assert lines[-1] == "37 identical to a precedent, 1 changed from one, 0 new"
    # the draft's own stored text is no precedent of itself
    alone = runner.invoke(app, ["precedent", str(first), "--store", store]).output.splitlines()
    assert alone[-1] == "0 identical to a precedent, 0 changed from one, 38 new"
    # a stored revision has the revisions before it, not itself nor those after it
    assert runner.invoke(app, ["add", str(second), "--store", store]).exit_code == 0
    assert runner.invoke(app, ["precedent", "L.41@2", "--store", store]).output.splitlines()[-1] == \
        "37 identical to a precedent, 1 changed from one, 0 new"
    assert runner.invoke(app, ["precedent", "L.41@1", "--store", store]).output.splitlines()[-1] == \
        "0 identical to a precedent, 0 changed from one, 38 new"
