"""The installed command in real shells: closed pipes, Ctrl-C, huge and odd input.

Sizes are bounded so that the suite stays fast, yet past the limits they prove.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from resdiff import align, inline
from resdiff.compare import compare
from resdiff.errors import ResdiffError
from resdiff.inline import rebuild
from resdiff.model import Document, Paragraph, ParagraphKind
from resdiff.parse import reading

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "A_C.2_65_433_second_committee_report_ict_zh.txt"
RESDIFF = Path(sys.executable).parent / "resdiff"
HEAD = "Draft resolution A/C.2/65/L.{n}\n\nThe General Assembly,\n\n"
WORDS = ["development", "information", "technology", "States", "Assembly", "digital", "divide"]


def _sigint_default() -> None:
    """In the child, before resdiff starts: Ctrl-C as in a terminal (the default action), not
    ignored as it is when the tests run in a shell's background job."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def run(*args, **kwargs):
    env = dict(os.environ, RESDIFF_CACHE="0")
    return subprocess.run([str(RESDIFF), *map(str, args)], capture_output=True, text=True,
                          env=env, timeout=120, **kwargs)


def words(count: int, seed: int) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) for _ in range(count))


def test_a_closed_pipe_ends_quietly():
    done = subprocess.run(f"'{RESDIFF}' diff '{SAMPLE}' --format json | head -1", shell=True,
                          capture_output=True, text=True, timeout=120,
                          env=dict(os.environ, RESDIFF_CACHE="0"))
    assert done.returncode == 0
    assert done.stdout == "{\n"
    assert "Traceback" not in done.stderr and "Error" not in done.stderr


def test_ctrl_c_ends_with_status_130_and_no_traceback(tmp_path):
    old, new = tmp_path / "a.txt", tmp_path / "b.txt"
    # Two long paragraphs, to keep the command busy long enough to be interrupted.
    old.write_text(HEAD.format(n=1) + "Recalling " + words(400_000, 1) + ",\n")
    new.write_text(HEAD.format(n=2) + "Recalling " + words(400_000, 2) + ",\n")
    # As a terminal starts it: Ctrl-C not ignored, even when this test runs in the background
    # (a shell ignores SIGINT in its background jobs, and the children inherit that).
    process = subprocess.Popen([str(RESDIFF), "diff", str(old), str(new)], preexec_fn=_sigint_default, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, env=dict(os.environ, RESDIFF_CACHE="0"))
    # Interrupt once the command has done some work (past its imports), as a user would.
    ticks = os.sysconf("SC_CLK_TCK")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        fields = Path(f"/proc/{process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        if int(fields[11]) / ticks >= 0.5:  # user CPU seconds
            break
        time.sleep(0.05)
    assert process.poll() is None, "the command ended before it could be interrupted"
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130
    assert "Traceback" not in stderr


def test_one_huge_paragraph_is_diffed_coarsely_and_still_rebuilds_both_texts():
    old_text = "Recalling " + words(inline.MAX_UNITS, 1)
    new_text = "Recalling " + words(inline.MAX_UNITS, 2) + " and"
    spans = inline.diff_texts(old_text, new_text)
    assert rebuild(spans) == (old_text, new_text)
    assert spans[0].text == "Recalling "
    assert inline.diff_texts(old_text, new_text) == spans


def test_a_long_run_of_width_changes_is_compared_word_by_word():
    old_text = "，".join(["信息"] * 3000)
    new_text = ", ".join(["信息"] * 3000)
    assert rebuild(inline.diff_texts(old_text, new_text)) == (old_text, new_text)


_SHUFFLED_ALIGNMENT = """
import dataclasses, random, resource, sys
sys.path.insert(0, {tests!r})
from generator import generate
from resdiff.align import align
pair = generate(5000, "en", seed=0)
paragraphs = list(pair.new.paragraphs)
random.Random(0).shuffle(paragraphs)
new = dataclasses.replace(pair.new, paragraphs=tuple(paragraphs))
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
alignment = align(pair.old, new)
print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024, len(alignment.groups))
"""


def test_five_thousand_shuffled_paragraphs_align_in_bounded_memory():
    """Finding candidate partners keeps each paragraph's best few, not every paragraph it shares
    a word with: 5,000 shuffled paragraphs a side once took 190 MB more to align, now about 40."""
    done = subprocess.run([sys.executable, "-c", _SHUFFLED_ALIGNMENT.format(tests=str(ROOT / "tests"))],
                          capture_output=True, text=True, timeout=300, env=dict(os.environ, RESDIFF_CACHE="0"))
    assert done.returncode == 0, done.stderr
    grown_mb, groups = map(int, done.stdout.split())
    assert grown_mb < 100
    assert groups > 4500  # nearly every paragraph still found its partner


def test_looking_up_every_paragraph_of_a_long_document_takes_linear_time():
    paragraphs = tuple(Paragraph(f"OP{k}", ParagraphKind.OPERATIVE, k, f"Decides {k};")
                       for k in range(1, align.MAX_PARAGRAPHS + 1))
    document = Document("A/TEST/L.1", None, "en", paragraphs)
    started = time.perf_counter()
    assert all(document.paragraph(p.id) is p for p in paragraphs)
    assert time.perf_counter() - started < 1.0  # a pass over all of them for each took seconds, growing with the square
    with pytest.raises(KeyError):
        document.paragraph("OP0")


def test_too_many_paragraphs_are_refused_with_a_clear_message():
    count = align.MAX_PARAGRAPHS + 1
    paragraphs = tuple(Paragraph(f"OP{k}", ParagraphKind.OPERATIVE, k, f"Decides {k};")
                       for k in range(1, count + 1))
    document = Document("A/TEST/L.1", None, "en", paragraphs)
    small = Document("A/TEST/L.2", None, "en", paragraphs[:3])
    with pytest.raises(ResdiffError, match="20,000"):
        compare(document, small)


def test_a_file_over_the_size_limit_is_refused(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as handle:
        handle.truncate(reading.MAX_BYTES + 1)  # sparse: no 20 MB written to disk
    done = run("diff", big, SAMPLE)
    assert done.returncode == 2
    assert done.stderr.startswith("resdiff: error: ") and "MB" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_same_file_as_old_and_new_compares_its_last_drafts_unchanged():
    done = run("diff", SAMPLE, SAMPLE, "--format", "json")
    assert done.returncode == 0, done.stderr
    import json

    changes = json.loads(done.stdout)["changes"]
    assert changes and {c["kind"] for c in changes} == {"unchanged"}


def test_a_file_given_once_with_one_draft_asks_for_a_second(tmp_path):
    draft = tmp_path / "one.txt"
    draft.write_text(HEAD.format(n=1) + "1. Decides " + words(10, 1) + ";\n", encoding="utf-8")
    done = run("diff", draft)
    assert done.returncode == 2
    assert done.stderr.startswith("resdiff: error: ") and "Traceback" not in done.stderr


def test_two_drafts_with_nothing_in_common_are_all_removed_and_added(tmp_path):
    old, new = tmp_path / "a.txt", tmp_path / "b.txt"
    old.write_text(HEAD.format(n=1) + "1. Decides to consider cybersecurity;\n", encoding="utf-8")
    new.write_text(HEAD.format(n=2) + "1. Welcomes maternal health services;\n", encoding="utf-8")
    done = run("diff", old, new, "--format", "json")
    assert done.returncode == 0, done.stderr
    import json

    kinds = sorted(c["kind"] for c in json.loads(done.stdout)["changes"])
    assert kinds == ["added", "removed"]


@pytest.mark.parametrize("content", [b"\x00\x01\x02" * 1000, b"   \n\n", "随便的文字".encode("utf-8")])
def test_odd_files_end_with_one_error_line_or_a_result(tmp_path, content):
    odd = tmp_path / "odd.txt"
    odd.write_bytes(content)
    done = run("diff", odd, SAMPLE)
    assert done.returncode in {0, 2}
    assert "Traceback" not in done.stderr
    if done.returncode == 2:
        assert done.stderr.startswith("resdiff: error: ") and done.stderr.count("\n") == 1


def test_a_report_of_many_drafts_parses_in_time_linear_in_its_length():
    """A report's account (which draft was adopted, "see para. 12") is read once, not once for
    each draft it holds: ten times the report took fifty times as long, a 19 MB one minutes."""
    from resdiff.parse import parse_text

    sample = SAMPLE.read_text(encoding="utf-8")

    def spent(copies: int) -> float:
        started = time.perf_counter()
        documents = parse_text(sample * copies, "reports.txt")
        assert len(documents) == 2 * copies
        return time.perf_counter() - started

    small = min(spent(8) for _ in range(2))
    assert spent(80) < 30 * small


def _shuffled_pair(count: int) -> tuple[Document, Document]:
    rng = random.Random(3)
    # words of letters only: numbered words ("w1 w2 w3") read as footnote marks in sequence
    words = ["w" + "".join("abcdefghijklmnopqrstuvwxyz"[k // 26 ** n % 26] for n in range(3)) for k in range(count)]
    shuffled = words[:]
    rng.shuffle(shuffled)
    old = Document("A/TEST/L.1", None, "en", (
        Paragraph("OP1", ParagraphKind.OPERATIVE, 1, "Decides " + " ".join(words) + ";"),
        Paragraph("OP2", ParagraphKind.OPERATIVE, 2, "Requests the Secretary-General to report;")))
    new = Document("A/TEST/L.2", None, "en", (
        Paragraph("OP1", ParagraphKind.OPERATIVE, 1, "Decides " + " ".join(shuffled) + ";"),
        Paragraph("OP2", ParagraphKind.OPERATIVE, 2, "Requests the Secretary-General to report again;")))
    return old, new


def test_word_diffs_past_their_budget_turn_coarse_and_the_comparison_says_so(monkeypatch):
    """The word diffs of one comparison share a budget of steps (10,000 shuffled words a side
    once took a minute, and a file of many such pairs hours): past it, pairs are diffed
    coarsely, both texts still whole, the mirror still exact, and the output says so."""
    from resdiff.compare import COARSE_NOTE
    from resdiff.render.json import comparison_dict

    old, new = _shuffled_pair(1500)
    assert compare(old, new).notes == ()
    monkeypatch.setattr(inline, "INLINE_STEPS", 200_000)
    comparison = compare(old, new)
    assert comparison.notes == (COARSE_NOTE,)
    assert comparison_dict(comparison)["notes"] == [COARSE_NOTE]
    for change in comparison.changes:
        assert rebuild(change.inline) == (old.paragraph(change.old[0]).body, new.paragraph(change.new[0]).body)
    mirrored = compare(new, old)
    assert [inline.mirror(c.inline) for c in mirrored.changes] == [c.inline for c in comparison.changes]
    assert [c.similarity for c in mirrored.changes] == [c.similarity for c in comparison.changes]


def test_the_command_names_a_coarse_comparison_on_standard_error(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from resdiff.cli import app
    from resdiff.compare import COARSE_NOTE

    old, new = _shuffled_pair(1500)
    paths = []
    for document, name in ((old, "old.txt"), (new, "new.txt")):
        path = tmp_path / name
        path.write_text(f"Draft resolution {document.symbol}\n\nThe General Assembly,\n\n"
                        + "\n\n".join(f"{p.number}. {p.body}" for p in document.paragraphs) + "\n", encoding="utf-8")
        paths.append(str(path))
    monkeypatch.setattr(inline, "INLINE_STEPS", 200_000)
    result = CliRunner().invoke(app, ["diff", *paths, "--format", "json"])
    assert result.exit_code == 0, result.output
    assert f"resdiff: note: {COARSE_NOTE}\n" in result.stderr


_WORD_MEMORY = """
import resource, sys
sys.path.insert(0, {tests!r})
from generator import generate
from resdiff.compare import compare
from resdiff.render.docx import render
pair = generate(4000, "en", seed=0)
comparison = compare(pair.old, pair.new)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
data = render(comparison)
print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024, len(data))
"""


def test_the_word_writer_adds_little_memory_to_the_comparison():
    """The tracked-changes body goes into word/document.xml as text, not parsed into a tree
    first: 4,000 paragraphs took about 100 MB more that way, 15,000 paragraphs 350 MB."""
    done = subprocess.run([sys.executable, "-c", _WORD_MEMORY.format(tests=str(ROOT / "tests"))],
                          capture_output=True, text=True, timeout=300, env=dict(os.environ, RESDIFF_CACHE="0"))
    assert done.returncode == 0, done.stderr
    grown_mb, size = map(int, done.stdout.split())
    assert size > 100_000
    assert grown_mb < 50
