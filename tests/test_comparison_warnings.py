"""What makes a comparison doubtful is said on standard error and listed by the reports a user
forwards: the JSON's top-level `warnings`, and "Comparing the two versions" in the HTML and
Markdown reports' warnings section."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import CORPUS, ROOT, SAMPLE

CHINESE = CORPUS / "zh" / "A_RES_61_211.ops1-19.zh.txt"
ENGLISH = CORPUS / "zh" / "A_RES_61_211.ops1-19.en.txt"
TWO_LANGUAGES = ("A/RES/61/211 is in Chinese and A/RES/61/211 in English: diff compares versions in "
                 "one language; to see whether two language versions agree, run 'resdiff check' on them")


def _diff(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "resdiff", "diff", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)


def test_two_languages_are_warned_in_every_report():
    result = _diff(str(CHINESE), str(ENGLISH), "--format", "json")
    assert result.stderr.splitlines()[-1] == f"resdiff: warning: {TWO_LANGUAGES}"
    assert json.loads(result.stdout)["warnings"] == [TWO_LANGUAGES]
    page = _diff(str(CHINESE), str(ENGLISH), "--format", "html").stdout
    assert ("<h3>Comparing the two versions</h3><ul><li>A/RES/61/211 is in Chinese and A/RES/61/211 in "
            "English: diff compares versions in one language; to see whether two language versions agree, run "
            "&#x27;resdiff check&#x27; on them</li></ul>") in page
    markdown = _diff(str(CHINESE), str(ENGLISH), "--format", "md").stdout
    assert f"**Comparing the two versions**\n\n- {TWO_LANGUAGES}\n" in markdown


def test_a_quoted_draft_that_differs_but_is_not_compared_is_in_the_report(tmp_path):
    # Two copies of the report that differ only in the draft they quote first (L.22): the
    # recommended drafts (L.56) compare unchanged, and the report says what was left aside.
    text = SAMPLE.read_text(encoding="utf-8")
    edited = tmp_path / "edited.txt"
    edited.write_text(text.replace("“回顾其 2001 年 12 月 21 日", "“回顾其 2001 年 12 月 22 日", 1), encoding="utf-8")
    said = ("both files also hold A/C.2/65/L.22, which differs between them; only A/C.2/65/L.56 is compared here "
            "(give --old A/C.2/65/L.22 --new A/C.2/65/L.22 to compare it)")
    result = _diff(str(SAMPLE), str(edited), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert result.stderr == f"resdiff: warning: {said}\n"
    assert json.loads(result.stdout)["warnings"] == [said]
    chinese = subprocess.run([sys.executable, "-m", "resdiff", "--ui-lang", "zh", "diff", str(SAMPLE), str(edited),
                              "--format", "md"], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert "**比较这两个版本**\n\n- 两个文件都还载有 A/C.2/65/L.22，两者并不相同；此处只比较了 A/C.2/65/L.56" in chinese.stdout


def test_no_doubt_no_key():
    result = _diff(str(SAMPLE), "--format", "json")
    assert result.stderr == "" and "warnings" not in json.loads(result.stdout)
    assert "Comparing the two versions" not in _diff(str(SAMPLE), "--format", "html").stdout
