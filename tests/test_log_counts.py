"""add and log count a version's paragraphs as parse does: preambular, operative, and an annex's
paragraphs apart (text and JSON). Before, A/RES/80/9 (1 operative paragraph, 31 annex paragraphs,
1 heading) was "added A/RES/80/9 (0 PP, 33 OP)", then "(0 PP, 1 OP)" with its 31 annex
paragraphs counted nowhere."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

from typer.testing import CliRunner

from resdiff.cli import app
from conftest import CORPUS

R80_9 = CORPUS / "en" / "A_RES_80_9.md"
TITLE = ("2025 Political Declaration on the Implementation of the United Nations Global Plan of Action to Combat "
         "Trafficking in Persons")


def run(*args: str, lang: str = "en"):
    result = CliRunner().invoke(app, ["--ui-lang", lang, *args])
    return result.exit_code, result.stdout


def test_add_and_log_count_annex_paragraphs_apart(tmp_path):
    store = str(tmp_path / "s.db")
    assert run("add", str(R80_9), "--store", store) == (0, "added A/RES/80/9 (0 PP, 1 OP, 31 annex)\n")
    edited = tmp_path / "A_RES_80_9.md"
    edited.write_text(R80_9.read_text(encoding="utf-8").replace("We commit", "We pledge", 1),
                      encoding="utf-8")
    assert run("add", str(edited), "--store", store) == (0, "revised A/RES/80/9 (revision 2, 0 PP, 1 OP, 31 annex)\n")
    assert run("log", "--store", store) == (0, (
        f"{TITLE}\n"
        "  2025-11-25  A/RES/80/9        0 PP 1 OP 31 annex  first version\n"
        "  2025-11-25  A/RES/80/9 rev 2  0 PP 1 OP 31 annex  +0 −0 ~1\n"))
    status, out = run("log", "--store", store, "--format", "json")
    assert [v["counts"] for v in json.loads(out)["versions"]] == [{"preambular": 0, "operative": 1, "annex": 31}] * 2
    assert run("log", "--store", store, lang="zh") == (0, (
        f"{TITLE}\n"
        "  2025-11-25  A/RES/80/9          0 PP 1 OP 附件 31 段  第一版\n"
        "  2025-11-25  A/RES/80/9 第 2 版  0 PP 1 OP 附件 31 段  +0 −0 ~1\n"))
    assert run("add", str(R80_9), "--store", str(tmp_path / "z.db"), lang="zh") == (
        0, "已添加 A/RES/80/9（PP 0 段，OP 1 段，附件 31 段）\n")


def test_a_text_without_annex_keeps_its_line(tmp_path):
    text = tmp_path / "A_C.3_78_L.41.txt"
    shutil.copy(CORPUS / "en" / "A_C.3_78_L.41.en.txt", text)
    store = str(tmp_path / "s.db")
    assert run("add", str(text), "--store", store) == (0, "added A/C.3/78/L.41 (3 PP, 35 OP)\n")
    status, out = run("log", "--store", store, "--format", "json")
    assert json.loads(out)["versions"][0]["counts"] == {"preambular": 3, "operative": 35, "annex": 0}


def test_add_of_a_text_without_symbol_nor_title_says_so(tmp_path):
    # before: "… no symbol found for a document titled None; …"
    (tmp_path / "x.txt").write_text("The General Assembly,\n\nRecalling x,\n\n1. Decides to act.\n", encoding="utf-8")
    for lang, message in (
        ("en", "resdiff: error: x.txt: no symbol found (and no title); name the file after its symbol "
               "(A_C.2_65_L.22.txt)\n"),
        ("zh", "resdiff：错误：x.txt：未找到文号（也没有标题）；请以文号命名该文件（A_C.2_65_L.22.txt）\n"),
    ):
        result = subprocess.run([sys.executable, "-m", "resdiff", "--ui-lang", lang, "add", "x.txt", "--store", "s.db"],
                                capture_output=True, text=True, cwd=tmp_path, timeout=120)
        assert (result.returncode, result.stderr) == (2, message)
