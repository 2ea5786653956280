"""resdiff's worst cases: the inputs that once ran for minutes or took gigabytes, each in a new
process, its wall time and peak resident memory against the bound the README states.

Run by ``make bench`` (after the main benchmark), or alone: ``python bench/worst.py``. Prints a
table, writes it into README.md between the worst-case markers and into bench/worst.json, and
exits 1 if a bound is missed.

- Shuffled paragraphs: a generated pair (tests/generator.py) of 5,000 and of 20,000 paragraphs
  (the paragraph limit), the new version's paragraphs in random order, so that every pair is
  found by content and nearly all are moved: compare() in process (alignment and word diffs).
- One pair of 20,000 word units: two paragraphs of the same 10,000 words, shuffled, the worst
  the word diff's search can meet; it stops at its budget and the comparison says so.
- Width variants: 20,000 paragraphs whose second version differs only in full- and half-width
  punctuation, ``resdiff diff`` end to end; and 50,000 such paragraphs, refused by the limit as
  soon as the first file's paragraphs are counted.
- A 19 MB text (the sample report, repeated: 1,257 drafts in one file), ``resdiff parse``.
- PDF: 500 pages of text (the page limit), ``resdiff parse``; 5,000 pages, refused at once.
- Word: 15,000 paragraphs compared and written as tracked changes, ``--format docx``.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "A_C.2_65_433_second_committee_report_ict_zh.txt"
RESULTS = ROOT / "bench" / "worst.json"
README = ROOT / "README.md"
README_START, README_END = "<!-- bench-worst:start -->", "<!-- bench-worst:end -->"
PYTHON = Path(sys.executable)
RESDIFF = PYTHON.parent / "resdiff"

# (name, what, bound in seconds, bound in MB): the bounds the README's limits section states.
# None is over a minute or 1 GB: no input within resdiff's limits may take more on this machine.
CASES = (
    ("shuffled-5000", "5,000 shuffled paragraphs a side, compare()", 30, 400),
    ("shuffled-20000", "20,000 shuffled paragraphs a side (the limit), compare()", 60, 800),
    ("units-20000", "one pair of 20,000 word units (10,000 shuffled words a side)", 60, 300),
    ("width-20000", "20,000 paragraphs differing in width only, `resdiff diff`", 60, 800),
    ("width-50000", "50,000 paragraphs, `resdiff diff` (refused: over the limit)", 10, 200),
    ("text-19mb", "a 19 MB text of 1,257 drafts, `resdiff parse`", 60, 1000),
    ("pdf-500", "a PDF of 500 pages (the limit), `resdiff parse`", 60, 600),
    ("pdf-5000", "a PDF of 5,000 pages, `resdiff parse` (refused: over the limit)", 10, 300),
    ("docx-15000", "15,000 paragraphs to Word tracked changes, `--format docx`", 60, 300),
)


# --- inputs and workers ---------------------------------------------------------------------------


def _shuffled(size: int) -> tuple:
    import dataclasses

    sys.path.insert(0, str(ROOT / "tests"))
    from generator import generate

    pair = generate(size, "en", seed=0)
    # the generator's splits can take a side past the size asked: both are cut back to it
    paragraphs = list(pair.new.paragraphs)[:size]
    random.Random(0).shuffle(paragraphs)
    return (dataclasses.replace(pair.old, paragraphs=pair.old.paragraphs[:size]),
            dataclasses.replace(pair.new, paragraphs=tuple(paragraphs)))


def _worker(name: str) -> dict:
    """Run in a process of its own: an in-process case, timed here (inputs made before the clock)."""
    from resdiff.compare import compare
    from resdiff.model import Document, Paragraph, ParagraphKind

    if name.startswith("shuffled-"):
        old, new = _shuffled(int(name.split("-")[1]))
    else:  # units-20000
        rng = random.Random(0)
        words = ["w" + "".join("abcdefghijklmnopqrstuvwxyz"[k // 26 ** n % 26] for n in range(3))
                 for k in range(10_000)]
        shuffled = words[:]
        rng.shuffle(shuffled)
        old, new = (Document(f"A/BENCH/L.{k}", None, "en", (Paragraph("OP1", ParagraphKind.OPERATIVE, 1,
                                                                        " ".join(text)),))
                    for k, text in ((1, words), (2, shuffled)))
    started = time.perf_counter()
    comparison = compare(old, new)
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "paragraphs": f"{len(old.paragraphs)}/{len(new.paragraphs)}",
            "coarse": bool(comparison.notes)}


def _width_text(count: int, wide: bool) -> str:
    lines = ["Draft resolution A/BENCH/L.1" if not wide else "Draft resolution A/BENCH/L.2", "",
             "The General Assembly,", ""]
    for k in range(count):
        text = (f"Recalling its resolution {k} and the report of the Secretary-General, "
                f"including section {k % 97}; the views of Member States (a), (b) and (c): noted.")
        if wide:
            text = text.replace(",", "，").replace(";", "；").replace("(", "（").replace(")", "）").replace(":", "：")
        lines += [text, ""]
    return "\n".join(lines)


def _pdf(path: Path, pages: int) -> None:
    """A PDF of ``pages`` pages of text (an English resolution's lines, forty to a page)."""
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    source = (ROOT / "tests" / "fixtures" / "corpus" / "en" / "A_RES_80_24.md").read_text(encoding="utf-8")
    lines = [line.encode("ascii", "replace").decode().replace("\\", "/").replace("(", "[").replace(")", "]")
             for line in source.split("\n") if line.strip()]
    writer = PdfWriter()
    font = writer._add_object(DictionaryObject({
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Helvetica")}))
    for k in range(pages):
        page = writer.add_blank_page(width=595, height=842)
        page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): DictionaryObject(
            {NameObject("/F1"): font})})
        chosen = [lines[(k * 40 + n) % len(lines)][:90] for n in range(40)]
        text = "BT /F1 9 Tf 12 TL 56 800 Td " + " ".join(f"({line}) Tj T*" for line in chosen) + " ET"
        stream = DecodedStreamObject()
        stream.set_data(text.encode("latin-1"))
        page[NameObject("/Contents")] = writer._add_object(stream)
    with open(path, "wb") as handle:
        writer.write(handle)


def _inputs(name: str, folder: Path) -> list[str]:
    """The command line of an end-to-end case, its files written into ``folder``."""
    if name.startswith("width-"):
        count = int(name.split("-")[1])
        old, new = folder / "old.txt", folder / "new.txt"
        old.write_text(_width_text(count, False), encoding="utf-8")
        new.write_text(_width_text(count, True), encoding="utf-8")
        return ["diff", str(old), str(new), "--format", "json"]
    if name == "text-19mb":
        sample = SAMPLE.read_bytes()
        big = folder / "reports.txt"
        big.write_bytes((sample * (19 * 1024 * 1024 // len(sample) + 1))[: 19 * 1024 * 1024])
        return ["parse", str(big), "--format", "json"]
    if name.startswith("pdf-"):
        path = folder / "long.pdf"
        _pdf(path, int(name.split("-")[1]))
        return ["parse", str(path), "--format", "json"]
    if name == "docx-15000":
        sys.path.insert(0, str(ROOT / "tests"))
        from generator import as_text, generate

        pair = generate(15_000, "en", seed=0)
        old, new = folder / "old.txt", folder / "new.txt"
        old.write_text(as_text(pair.old), encoding="utf-8")
        new.write_text(as_text(pair.new), encoding="utf-8")
        return ["diff", str(old), str(new), "--format", "docx", "-o", str(folder / "out.docx")]
    raise ValueError(name)


def _measure(argv: list[str]) -> tuple[float, float, int, str]:
    """Wall seconds, peak resident MB, exit status and last line of standard error of one process."""
    env = dict(os.environ, RESDIFF_CACHE="0", PYTHONHASHSEED="0")
    started = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    out, err = process.communicate()  # read as it comes: a full pipe would stall the process
    seconds = time.perf_counter() - started
    # communicate() has reaped it; its peak memory is the children's maximum so far
    import resource

    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    last = (err.decode("utf-8", "replace").strip().splitlines() or [""])[-1]
    return seconds, peak, process.returncode, last


def run_case(name: str) -> dict:
    with tempfile.TemporaryDirectory(prefix="resdiff-worst-") as folder:
        if name.startswith(("shuffled-", "units-")):
            # a fresh interpreter for each, so that peak memory is this case's alone
            done = subprocess.run([str(PYTHON), __file__, "--worker", name], capture_output=True, text=True,
                                  env=dict(os.environ, RESDIFF_CACHE="0", PYTHONHASHSEED="0"))
            if done.returncode != 0:
                raise SystemExit(f"bench worker {name} failed:\n{done.stderr}")
            row = json.loads(done.stdout.splitlines()[-1])
            row["peak_mb"] = json.loads(done.stdout.splitlines()[-2])["peak_mb"]
            return row
        argv = [str(RESDIFF), *_inputs(name, Path(folder))]
        # a wrapper process per case, so that RUSAGE_CHILDREN is this case's command alone
        done = subprocess.run([str(PYTHON), __file__, "--measure", json.dumps(argv)], capture_output=True,
                              text=True)
        if done.returncode != 0:
            raise SystemExit(f"bench case {name} failed:\n{done.stderr}")
        return json.loads(done.stdout)


def table(rows: list[dict]) -> str:
    ok = {True: "met", False: "MISSED"}
    lines = ["| Worst case (new process) | paragraphs | seconds | peak MB | bound | result |",
             "|---|---:|---:|---:|---|---|"]
    for row in rows:
        outcome = row.get("refused") or ("coarse word diffs, said so" if row.get("coarse") else "done")
        lines.append(f"| {row['what']} | {row.get('paragraphs') or '–'} | {row['seconds']:.1f} | {row['peak_mb']:.0f} | "
                     f"≤ {row['bound_seconds']} s, ≤ {row['bound_mb']} MB: {ok[row['met']]} | {outcome} |")
    return "\n".join(lines)


def run(only: list[str] | None = None) -> tuple[list[dict], bool]:
    rows = []
    for name, what, seconds, mb in CASES:
        if only and name not in only:
            continue
        print(f"worst case {name} …", file=sys.stderr)
        row = run_case(name)
        row.update(name=name, what=what, bound_seconds=seconds, bound_mb=mb)
        row["met"] = row["seconds"] <= seconds and row["peak_mb"] <= mb
        rows.append(row)
    return rows, all(row["met"] for row in rows)


def write(rows: list[dict]) -> str:
    RESULTS.write_text(json.dumps(rows, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    text = table(rows)
    readme = README.read_text(encoding="utf-8")
    if README_START in readme and README_END in readme:
        head, rest = readme.split(README_START, 1)
        _, tail = rest.split(README_END, 1)
        README.write_text(f"{head}{README_START}\n{text}\n{README_END}{tail}", encoding="utf-8")
    return text


def main() -> int:
    if len(sys.argv) == 3 and sys.argv[1] == "--worker":
        import resource

        row = _worker(sys.argv[2])
        print(json.dumps({"peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}))
        print(json.dumps(row))
        return 0
    if len(sys.argv) == 3 and sys.argv[1] == "--measure":
        seconds, peak, status, last = _measure(json.loads(sys.argv[2]))
        if status not in (0, 1, 2):
            print(f"exit status {status}: {last}", file=sys.stderr)
            return 1
        print(json.dumps({"seconds": seconds, "peak_mb": round(peak, 1), "status": status,
                          **({"refused": "refused in one line"} if status == 2 and last.startswith("resdiff: error: ")
                             and "\n" not in last else {})}))
        return 0
    rows, met = run(sys.argv[1:] or None)
    print(write(rows) if not sys.argv[1:] else table(rows))
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
