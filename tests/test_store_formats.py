"""Word and PDF files go into the version store exactly as text files do."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import CORPUS, ROOT

from test_docx import _draft


def _resdiff(*args, store):
    return subprocess.run([sys.executable, "-m", "resdiff", *args, "--store", str(store)],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)


def test_add_a_pdf_and_its_text_twin_is_the_same_version(tmp_path):
    store = tmp_path / "store.db"
    pdf = _resdiff("add", str(CORPUS / "pdf" / "A_RES_ES-11_3-EN.pdf"), store=store)
    assert pdf.returncode == 0, pdf.stderr
    assert pdf.stdout.startswith("added A/RES/ES-11/3 (4 PP, 3 OP)")
    twin = _resdiff("add", str(CORPUS / "en" / "A_RES_ES-11_3.en.txt"), store=store)
    assert twin.returncode == 0, twin.stderr
    # Same paragraphs read from either file: no new revision.
    assert twin.stdout.startswith("unchanged A/RES/ES-11/3")
    log = json.loads(_resdiff("log", "ES-11/3", "--format", "json", store=store).stdout)
    assert [v["symbol"] for v in log["versions"]] == ["A/RES/ES-11/3"]


def test_add_a_word_draft_and_compare_it_by_symbol(tmp_path):
    store = tmp_path / "store.db"
    draft = tmp_path / "draft.docx"
    draft.write_bytes(_draft())
    added = _resdiff("add", str(draft), store=store)
    assert added.returncode == 0, added.stderr
    assert added.stdout.startswith("added A/C.2/99/L.7")
    same = subprocess.run([sys.executable, "-m", "resdiff", "diff", "L.7", str(draft), "--format", "json",
                           "--store", str(store)], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert same.returncode == 0, same.stderr
    summary = json.loads(same.stdout)["summary"]
    assert summary["unchanged"] > 0 and summary["modified"] == summary["added"] == summary["removed"] == 0
