"""resdiff's benchmark: every figure in a new process, against the environment's interpreter.

Run with ``make bench``. Prints the tables, writes them into README.md's Performance section
(between its bench markers) and bench/results.json, and exits 1 if a target is missed.

The reference is ``.venv/bin/python -c pass``, the interpreter that runs resdiff, measured in the
same run (median of several starts); every time is also given as a multiple of it, so that the
figures of a busy machine and a quiet one compare. The machine's own ``python -c pass`` is shown
beside it.

- Cold start, the sample report (``resdiff diff SAMPLE --format json``):
  first run on never-seen Chinese text (an empty segmentation cache, the dictionary loaded),
  warm run (the segmentations known, a new process), the same with the cache off, and with
  jieba instead of rjieba; and ``resdiff --help``.
- Scale, end to end: generated pairs of 100 to 2,000 paragraphs (tests/generator.py) written as
  text files and compared by ``resdiff diff OLD NEW --format json`` in a new process with an
  empty cache (new text, parse included): wall time, peak resident memory of that process.
- Real texts: the real version pairs of the corpus, and the largest real resolutions compared
  with a revision the generator makes of them, the same way.
- Quality: compare() in a worker process on the same generated pairs, its alignment F1 against
  the generator's truth, beside the plain difflib method (each old paragraph linked to its best
  match, ratio at least BASELINE_CUTOFF).
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "A_C.2_65_433_second_committee_report_ict_zh.txt"
CORPUS = ROOT / "tests" / "fixtures" / "corpus"
OMNIBUS = ROOT / "tests" / "fixtures" / "omnibus" / "A_RES_79_144.en.txt"
RESULTS = ROOT / "bench" / "results.json"
README = ROOT / "README.md"
# The README's Performance section holds the latest table between these two lines.
README_START, README_END = "<!-- bench:start -->", "<!-- bench:end -->"
PYTHON = Path(sys.executable)
RESDIFF = PYTHON.parent / "resdiff"
# The interpreter the virtual environment was made from, with the machine's own site-packages:
# what typing ``python -c pass`` at a prompt starts. Shown beside the reference, never used as it.
BASE_PYTHON = Path(getattr(sys, "_base_executable", sys.executable)).resolve()

SIZES = (100, 500, 1000, 2000)
LANGUAGES = ("en", "zh")
COLD_RUNS = 7
# The start-up figures are measured this many times over, each round against its own reference.
COLD_ROUNDS = 3
FIRST_RUNS = 5
SCALE_RUNS = 3
SCALING_RUNS = 3
BASELINE_CUTOFF = 0.5
# The baseline scores every pair of paragraphs; a size it cannot finish in this time is noted.
BASELINE_TIMEOUT = 240

# Real version pairs: (label, language, files).
REAL_PAIRS = (
    ("sample report: A/C.2/65/L.22 → L.56", "zh", (SAMPLE,)),
    ("A/RES/ES-11/1 → A/RES/ES-11/4", "en", (CORPUS / "en" / "A_RES_ES-11_1.en.txt",
                                             CORPUS / "en" / "A_RES_ES-11_4.en.txt")),
    ("A/RES/68/262 → A/RES/ES-11/1", "en", (CORPUS / "en" / "A_RES_68_262.en.txt",
                                            CORPUS / "en" / "A_RES_ES-11_1.en.txt")),
)
# The largest real resolutions at hand, each compared with a revision the generator makes of it.
REAL_REVISED = (
    ("A/RES/79/144 (oceans and the law of the sea, the omnibus)", OMNIBUS, None),
    ("A/RES/80/5 (Doha Political Declaration, with its annex)", CORPUS / "en" / "A_RES_80_5.md", None),
    ("A/RES/80/24 (nuclear disarmament)", CORPUS / "en" / "A_RES_80_24.md", None),
    ("A/RES/80/11 (peacebuilding architecture)", CORPUS / "en" / "A_RES_80_11.md", None),
    ("A/C.3/78/L.41", CORPUS / "en" / "A_C.3_78_L.41.en.txt", None),
    ("A/C.2/65/L.56 (sample, recommended draft)", SAMPLE, "A/C.2/65/L.56"),
    ("A/RES/61/211 operative paragraphs 1-19", CORPUS / "zh" / "A_RES_61_211.ops1-19.zh.txt", None),
)

TARGETS = {
    "first_run_seconds": 0.35,      # or:
    "first_run_ratio": 20.0,
    "warm_ratio": 8.0,
    "help_ratio": 8.0,
    "zh_2000_seconds": 1.5,         # and:
    "zh_2000_ratio": 80.0,
    "growth_500_to_2000": 4.0,
    "peak_mb": 200.0,
    "f1": 0.99,
}


# --- workers (run in their own process) ----------------------------------------------------------


def _worker_compare(size: int, language: str) -> dict:
    import resource

    sys.path.insert(0, str(ROOT / "tests"))
    from generator import generate, links_of, scores

    from resdiff.align import align
    from resdiff.compare import compare
    from resdiff.text import tokenize

    pair = generate(size, language, seed=0)
    tokenize("加载分词词典")  # load the segmenter before the clock starts: measured apart
    times, align_times = [], []
    for _ in range(SCALING_RUNS):
        start = time.perf_counter()
        align(pair.old, pair.new)
        align_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        comparison = compare(pair.old, pair.new)
        times.append(time.perf_counter() - start)
    precision, recall, f1 = scores(links_of(comparison), pair.links)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "size": size, "language": language,
        "old_paragraphs": len(pair.old.paragraphs), "new_paragraphs": len(pair.new.paragraphs),
        "seconds": statistics.median(times), "align_seconds": statistics.median(align_times),
        "peak_mb": round(peak_kb / 1024, 1),
        "precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
    }


def _worker_baseline(size: int, language: str) -> dict:
    import difflib

    sys.path.insert(0, str(ROOT / "tests"))
    from generator import generate, scores

    from resdiff.text import normalize, tokenize

    pair = generate(size, language, seed=0)
    tokenize("加载分词词典")
    start = time.perf_counter()
    ids: dict[str, int] = {}

    def encode(text: str) -> list[int]:
        return [ids.setdefault(t, len(ids)) for t in tokenize(normalize(text)) if not t.isspace()]

    olds = [(p.id, encode(p.body)) for p in pair.old.paragraphs]
    news = [(p.id, encode(p.body)) for p in pair.new.paragraphs]
    matcher = difflib.SequenceMatcher(autojunk=False)
    best: dict[str, tuple[float, str]] = {}
    for new_id, new_words in news:
        matcher.set_seq2(new_words)  # difflib caches facts about the second sequence
        for old_id, old_words in olds:
            matcher.set_seq1(old_words)
            if matcher.real_quick_ratio() < BASELINE_CUTOFF or matcher.quick_ratio() < BASELINE_CUTOFF:
                continue
            ratio = matcher.ratio()
            if ratio >= BASELINE_CUTOFF and ratio > best.get(old_id, (0.0, ""))[0]:
                best[old_id] = (ratio, new_id)
    found = frozenset((old_id, new_id) for old_id, (_, new_id) in best.items())
    seconds = time.perf_counter() - start
    precision, recall, f1 = scores(found, pair.links)
    return {"size": size, "language": language, "seconds": seconds,
            "precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def _worker_write(size: str, language: str) -> dict:
    """Write a generated pair (``size`` paragraphs) or a revision of a real text (``size`` is
    ``path[#symbol]``) as two text files in the folder named by $RESDIFF_BENCH_DIR."""
    sys.path.insert(0, str(ROOT / "tests"))
    from generator import as_text, generate, revise

    folder = Path(os.environ["RESDIFF_BENCH_DIR"])
    if size.isdigit():
        pair = generate(int(size), language, seed=0)
    else:
        from resdiff.parse import parse_file

        path, _, symbol = size.partition("#")
        documents = parse_file(path)
        base = next((d for d in documents if d.symbol == symbol), documents[-1]) if symbol else documents[-1]
        pair = revise(base, seed=0)
    old, new = folder / "old.txt", folder / "new.txt"
    old.write_text(as_text(pair.old), encoding="utf-8")
    new.write_text(as_text(pair.new), encoding="utf-8")
    return {"old": str(old), "new": str(new), "old_paragraphs": len(pair.old.paragraphs),
            "new_paragraphs": len(pair.new.paragraphs)}


# --- the driver ----------------------------------------------------------------------------------


def _clean_env(**extra: str) -> dict:
    env = dict(os.environ, **extra)
    # Bytecode is written and read as on a user's machine (an installed package has it).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    for name in ("RESDIFF_CACHE", "RESDIFF_SEGMENTER", "PYTHONPROFILEIMPORTTIME"):
        if name not in extra:
            env.pop(name, None)
    return env


def _run_worker(name: str, size, language: str, timeout: float | None = None, **env: str) -> dict | None:
    environment = _clean_env(RESDIFF_CACHE="0", PYTHONHASHSEED="0", **env)
    try:
        done = subprocess.run([str(PYTHON), __file__, "--worker", name, str(size), language],
                              capture_output=True, text=True, env=environment, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return None
    except subprocess.CalledProcessError as exc:
        raise SystemExit(f"bench worker {name} {size} {language} failed:\n{exc.stderr}") from None
    return json.loads(done.stdout)


def _wall(argv: list[str], env: dict) -> tuple[float, float]:
    """Wall seconds and peak resident MB of one new process."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):  # 1: resdiff diff found differences
        raise SystemExit(f"bench: {' '.join(argv)} exited with {process.returncode}")
    return seconds, usage.ru_maxrss / 1024


def _median_wall(argv: list[str], env: dict, runs: int) -> float:
    return statistics.median(_wall(argv, env)[0] for _ in range(runs))


def _reference(env: dict) -> dict:
    venv = [str(PYTHON), "-c", "pass"]
    bare = [str(BASE_PYTHON), "-c", "pass"]
    _wall(venv, env), _wall(bare, env)  # let the OS cache the interpreters' files
    return {"venv_python_pass_seconds": _median_wall(venv, env, 2 * COLD_RUNS + 1),
            "python_pass_seconds": _median_wall(bare, env, COLD_RUNS), "python": str(BASE_PYTHON)}


def _cold_round(command: list[str], folder: str, k: int) -> dict:
    """One round of the start-up figures, each against the reference measured in the round."""
    env = _clean_env(XDG_CACHE_HOME=os.path.join(folder, "warm"))
    reference = _reference(env)
    first = []
    for n in range(FIRST_RUNS):  # each a machine that never segmented this text
        first.append(_wall(command, _clean_env(XDG_CACHE_HOME=os.path.join(folder, f"new{k}-{n}")))[0])
    _wall(command, env)  # fills the warm caches (segmentations, compiled patterns)
    warm = _median_wall(command, env, COLD_RUNS)
    help_seconds = _median_wall([str(RESDIFF), "--help"], env, COLD_RUNS)
    venv = reference["venv_python_pass_seconds"]
    return {**reference, "first_run_seconds": statistics.median(first), "warm_seconds": warm,
            "help_seconds": help_seconds, "first_run_ratio": statistics.median(first) / venv,
            "warm_ratio": warm / venv, "help_ratio": help_seconds / venv}


def cold_start() -> dict:
    """The start-up figures, measured in COLD_ROUNDS rounds (each its own reference): the
    medians over the rounds, and each ratio's lowest and highest, the spread a shared machine
    gives."""
    command = [str(RESDIFF), "diff", str(SAMPLE), "--format", "json"]
    with tempfile.TemporaryDirectory(prefix="resdiff-bench-") as folder:
        _wall([str(PYTHON), "-m", "compileall", "-q", str(ROOT / "resdiff")], _clean_env())
        rounds = [_cold_round(command, folder, k) for k in range(COLD_ROUNDS)]
        jieba_first = _median_wall(command, _clean_env(XDG_CACHE_HOME=os.path.join(folder, "jieba"),
                                                       RESDIFF_SEGMENTER="jieba", RESDIFF_CACHE="0"), 3)
        off = _median_wall(command, _clean_env(RESDIFF_CACHE="0"), 3)
    result: dict = {"rounds": rounds, "python": rounds[0]["python"], "runs": COLD_RUNS, "first_runs": FIRST_RUNS}
    for key in ("venv_python_pass_seconds", "python_pass_seconds", "first_run_seconds", "warm_seconds",
                "help_seconds", "first_run_ratio", "warm_ratio", "help_ratio"):
        values = [r[key] for r in rounds]
        result[key] = statistics.median(values)
        result[f"{key}_range"] = (min(values), max(values))
    venv = result["venv_python_pass_seconds"]
    result.update({"cache_off_seconds": off, "jieba_first_run_seconds": jieba_first,
                   "cache_off_ratio": off / venv, "jieba_ratio": jieba_first / venv})
    return result


def _cli_pair(size, language: str, paths: tuple[Path, ...] | None = None) -> dict:
    """``resdiff diff`` on a pair in new processes, each with an empty cache."""
    with tempfile.TemporaryDirectory(prefix="resdiff-bench-") as folder:
        if paths is None:
            written = _run_worker("write", size, language, RESDIFF_BENCH_DIR=folder)
            paths = (Path(written["old"]), Path(written["new"]))
        else:
            written = {}
        command = [str(RESDIFF), "diff", *map(str, paths), "--format", "json"]
        runs = [_wall(command, _clean_env(XDG_CACHE_HOME=os.path.join(folder, f"cache{k}")))
                for k in range(SCALE_RUNS)]
    return {"seconds": statistics.median(r[0] for r in runs), "peak_mb": round(max(r[1] for r in runs), 1),
            "old_paragraphs": written.get("old_paragraphs"), "new_paragraphs": written.get("new_paragraphs")}


def _paragraphs(paths: tuple[Path, ...]) -> str:
    sys.path.insert(0, str(ROOT))
    from resdiff.parse import parse_file

    documents = [d for p in paths for d in parse_file(str(p))]
    return "/".join(str(len(d.paragraphs)) for d in documents[-2:])


def machine() -> dict:
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"nproc": os.cpu_count(), "cpu": model, "python": platform.python_version(),
            "platform": platform.platform()}


def startup_verdicts(cold: dict) -> dict:
    return {
        "first_run": cold["first_run_seconds"] <= TARGETS["first_run_seconds"]
        or cold["first_run_ratio"] <= TARGETS["first_run_ratio"],
        "warm": cold["warm_ratio"] <= TARGETS["warm_ratio"],
        "help": cold["help_ratio"] <= TARGETS["help_ratio"],
    }


def verdicts(results: dict) -> dict:
    cold, venv = results["cold_start"], results["cold_start"]["venv_python_pass_seconds"]
    cli = {(r["language"], r["size"]): r for r in results["cli"]}
    growth = {lang: cli[(lang, 2000)]["seconds"] / cli[(lang, 500)]["seconds"] for lang in LANGUAGES}
    zh = cli[("zh", 2000)]["seconds"]
    peaks = [r["peak_mb"] for r in results["cli"] + results["real"]]
    return {
        **startup_verdicts(cold),
        "zh_2000": zh <= TARGETS["zh_2000_seconds"] and zh / venv <= TARGETS["zh_2000_ratio"],
        "growth_500_to_2000": all(g <= TARGETS["growth_500_to_2000"] for g in growth.values()),
        "peak_mb": max(peaks) <= TARGETS["peak_mb"],
        "f1": all(r["f1"] >= TARGETS["f1"] for r in results["scaling"]),
        "growth": {lang: round(g, 2) for lang, g in growth.items()},
    }


def startup_table(m: dict, cold: dict, v: dict) -> list[str]:
    """The start-up part of the table: the reference and the sample report's rows."""
    venv = cold["venv_python_pass_seconds"]
    ok = {True: "met", False: "MISSED"}

    def x(seconds: float) -> str:
        return f"{seconds / venv:.1f}×"

    def spread(key: str) -> str:
        low, high = cold[f"{key}_range"]
        return f"{low:.1f}–{high:.1f}×"

    rounds = len(cold["rounds"])
    low, high = cold["venv_python_pass_seconds_range"]
    lines = [
        f"Machine: {m['cpu']}, {m['nproc']} CPUs, Python {m['python']}. Reference: "
        f"`.venv/bin/python -c pass` = {venv * 1000:.1f} ms (median of {2 * cold['runs'] + 1} starts, "
        f"{low * 1000:.1f}–{high * 1000:.1f} ms over {rounds} rounds); "
        f"the machine's `python -c pass` = {cold['python_pass_seconds'] * 1000:.1f} ms. The start-up rows "
        f"are measured in {rounds} rounds, each against the reference of its round: the median, and "
        "the lowest and highest ratio of the rounds.",
        "",
        "| Sample report, `resdiff diff … --format json` | seconds | × venv python | rounds | target |",
        "|---|---:|---:|---:|---|",
        f"| first run on never-seen text (empty caches, rjieba; median of {cold['first_runs']}) | "
        f"{cold['first_run_seconds']:.3f} | {cold['first_run_ratio']:.1f}× | {spread('first_run_ratio')} | "
        f"≤ {TARGETS['first_run_seconds']} s or ≤ {TARGETS['first_run_ratio']:g}×: {ok[v['first_run']]} |",
        f"| warm run, new process (segmentations and patterns cached; median of {cold['runs']}) | "
        f"{cold['warm_seconds']:.3f} | {cold['warm_ratio']:.1f}× | {spread('warm_ratio')} | "
        f"≤ {TARGETS['warm_ratio']:g}×: {ok[v['warm']]} |",
        f"| `resdiff --help` (median of {cold['runs']}) | {cold['help_seconds']:.3f} | {cold['help_ratio']:.1f}× | "
        f"{spread('help_ratio')} | ≤ {TARGETS['help_ratio']:g}×: {ok[v['help']]} |",
        f"| caches off (`RESDIFF_CACHE=0`: rjieba's dictionary loaded, patterns compiled, every run) | "
        f"{cold['cache_off_seconds']:.3f} | {x(cold['cache_off_seconds'])} | | |",
        f"| first run with jieba instead (`RESDIFF_SEGMENTER=jieba`, caches off) | {cold['jieba_first_run_seconds']:.3f} | "
        f"{x(cold['jieba_first_run_seconds'])} | | |",
    ]
    return lines


def table(results: dict) -> str:
    m, cold, v = results["machine"], results["cold_start"], results["verdicts"]
    venv = cold["venv_python_pass_seconds"]
    ok = {True: "met", False: "MISSED"}

    def x(seconds: float) -> str:
        return f"{seconds / venv:.1f}×"

    lines = startup_table(m, cold, v) + [
        "",
        "| Generated pair, end to end (`resdiff diff OLD NEW`, new process, new text) | paragraphs (old/new) | "
        "seconds | × venv python | peak MB |",
        "|---|---:|---:|---:|---:|",
    ]
    for r in results["cli"]:
        lines.append(f"| {r['language']} {r['size']} | {r['old_paragraphs']}/{r['new_paragraphs']} | "
                     f"{r['seconds']:.2f} | {x(r['seconds'])} | {r['peak_mb']:.0f} |")
    growth = ", ".join(f"{lang} {g:.1f}×" for lang, g in v["growth"].items())
    lines += [
        "",
        f"Targets: zh 2,000 ≤ {TARGETS['zh_2000_seconds']} s and ≤ {TARGETS['zh_2000_ratio']:g}×: {ok[v['zh_2000']]}; "
        f"growth 500 → 2,000 ≤ {TARGETS['growth_500_to_2000']:g}× ({growth}): {ok[v['growth_500_to_2000']]}; "
        f"peak memory ≤ {TARGETS['peak_mb']:g} MB (every run here and below): {ok[v['peak_mb']]}.",
        "",
        "| Real text, end to end (new process, new text) | paragraphs | seconds | × venv python | peak MB |",
        "|---|---:|---:|---:|---:|",
    ]
    for r in results["real"]:
        lines.append(f"| {r['label']} | {r['paragraphs']} | {r['seconds']:.2f} | {x(r['seconds'])} | {r['peak_mb']:.0f} |")
    lines += [
        "",
        "| Generated pair, compare() in process | compare() s | of which align s | F1 | baseline s | baseline F1 |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    base = {(b["language"], b["size"]): b for b in results["baseline"] if b}
    for r in results["scaling"]:
        b = base.get((r["language"], r["size"]))
        bs = f"{b['seconds']:.2f}" if b else f"> {BASELINE_TIMEOUT}"
        bf = f"{b['f1']:.4f}" if b else "–"
        lines.append(f"| {r['language']} {r['size']} | {r['seconds']:.2f} | {r['align_seconds']:.2f} | "
                     f"{r['f1']:.4f} | {bs} | {bf} |")
    lines += ["", f"Target: F1 ≥ {TARGETS['f1']}: {ok[v['f1']]}."]
    return "\n".join(lines)


# Precedent search (bench/precedent.py): a generated store of this many paragraphs by default;
# --precedent-paragraphs 1000000 for the scale (about ten minutes to build here), and
# --precedent-only to run that part alone.
PRECEDENT_PARAGRAPHS = 100_000


def precedent(paragraphs: int) -> dict:
    """The precedent bench in a process of its own: its JSON summary."""
    process = subprocess.run([str(PYTHON), str(ROOT / "bench" / "precedent.py"), str(paragraphs)],
                             capture_output=True, text=True, check=True)
    return json.loads(process.stdout)


def precedent_table(r: dict) -> str:
    ok = {True: "met", False: "MISSED"}
    v = r["verdicts"]
    return "\n".join([
        "| Precedent search, generated store | value |",
        "|---|---:|",
        f"| stored paragraphs ({r['documents']:,} resolutions of {r['families']:,} families) | {r['paragraphs']:,} |",
        f"| store size on disk | {r['bytes'] / 2**20:,.0f} MiB |",
        f"| import rate through Store.add (paragraphs/s, generation excluded) | {r['paragraphs_per_second']:,} |",
        f"| {r['draft_paragraphs']}-paragraph draft, first search / median / slowest of {r['drafts']} (s) | "
        f"{r['first_seconds']:.2f} / {r['median_seconds']:.2f} / {r['max_seconds']:.2f} |",
        f"| recall of the true precedent ({r['with_precedent']} paragraphs) | {r['recall']:.4f} |",
        f"| new paragraphs reported new | {r['new_reported_new']} |",
        "",
        f"Targets: ≤ 2 s a draft: {ok[v['seconds']]}; recall ≥ 0.98: {ok[v['recall']]}.",
    ])


USAGE = """usage: bench/run.py [--only startup | --only scale | --precedent-only] [--precedent-paragraphs N]

With no option, every part (make bench): prints the tables, writes bench/results.json and the
README's table, exits 1 if a target is missed.
  --only startup            the start-up part alone (the sample report: first run, warm run,
                            --help, caches off, jieba), printed only; exits 1 if one of its
                            targets is missed
  --only scale              the end-to-end rows alone (generated pairs, real texts), each
                            against the reference measured just before it, printed only;
                            exits 1 if the 2,000-paragraph Chinese pair misses its target
  --precedent-only          the precedent search alone, printed only
  --precedent-paragraphs N  the precedent search's store size (default 100,000)
  -h, --help                this text"""


def scale_only() -> int:
    """The end-to-end rows alone, each against the reference measured just before it."""
    rows = [(f"{language} {size}", size, language, None) for language in LANGUAGES for size in SIZES]
    rows += [(label, 0, language, paths) for label, language, paths in REAL_PAIRS]
    rows += [(f"{label}, and a revision of it", f"{path}#{symbol or ''}", "", None)
             for label, path, symbol in REAL_REVISED]
    print("| Pair, end to end (new process, new text) | paragraphs (old/new) | seconds | × venv python | peak MB |")
    print("|---|---:|---:|---:|---:|")
    met = True
    for label, size, language, paths in rows:
        venv = _reference(_clean_env())["venv_python_pass_seconds"]
        row = _cli_pair(size, language, paths)
        counts = f"{row['old_paragraphs']}/{row['new_paragraphs']}" if row["old_paragraphs"] else _paragraphs(paths)
        print(f"| {label} | {counts} | {row['seconds']:.2f} | {row['seconds'] / venv:.1f}× | {row['peak_mb']:.0f} |",
              flush=True)
        if label == "zh 2000":
            met = row["seconds"] <= TARGETS["zh_2000_seconds"] and row["seconds"] / venv <= TARGETS["zh_2000_ratio"]
    return 0 if met else 1


def main() -> int:
    if {"-h", "--help"} & set(sys.argv[1:]):
        print(USAGE)
        return 0
    if sys.argv[1:2] != ["--worker"]:
        known = {"--only", "startup", "scale", "--precedent-only", "--precedent-paragraphs"}
        unknown = [a for a in sys.argv[1:] if a not in known and not a.isdigit()]
        if unknown or ("--only" in sys.argv and sys.argv[sys.argv.index("--only") + 1:][:1] not in (["startup"], ["scale"])):
            print(USAGE, file=sys.stderr)
            return 2
    if "--only" in sys.argv and sys.argv[sys.argv.index("--only") + 1] == "scale":
        return scale_only()
    if "--only" in sys.argv:
        m = machine()
        print("cold start …", file=sys.stderr)
        cold = cold_start()
        v = startup_verdicts(cold)
        print("\n".join(startup_table(m, cold, v)))
        return 0 if all(v.values()) else 1
    paragraphs = PRECEDENT_PARAGRAPHS
    if "--precedent-paragraphs" in sys.argv:
        k = sys.argv.index("--precedent-paragraphs")
        paragraphs = int(sys.argv[k + 1])
        del sys.argv[k:k + 2]
    if "--precedent-only" in sys.argv:
        result = precedent(paragraphs)
        print(precedent_table(result))
        return 0 if all(result["verdicts"].values()) else 1
    if len(sys.argv) == 5 and sys.argv[1] == "--worker":
        name, size, language = sys.argv[2:]
        worker = {"compare": _worker_compare, "baseline": _worker_baseline, "write": _worker_write}[name]
        print(json.dumps(worker(int(size) if name != "write" else size, language)))
        return 0
    results: dict = {"machine": machine()}
    print("cold start …", file=sys.stderr)
    results["cold_start"] = cold_start()
    venv = results["cold_start"]["venv_python_pass_seconds"]
    results["cli"], results["real"], results["scaling"], results["baseline"] = [], [], [], []
    for language in LANGUAGES:
        for size in SIZES:
            print(f"{language} {size} …", file=sys.stderr)
            row = _cli_pair(size, language)
            results["cli"].append({"size": size, "language": language, **row, "ratio": row["seconds"] / venv})
    for label, language, paths in REAL_PAIRS:
        print(f"{label} …", file=sys.stderr)
        row = _cli_pair(0, language, paths)
        results["real"].append({"label": label, "paragraphs": _paragraphs(paths), **row,
                                "ratio": row["seconds"] / venv})
    for label, path, symbol in REAL_REVISED:
        print(f"{label} revised …", file=sys.stderr)
        row = _cli_pair(f"{path}#{symbol or ''}", "", None)
        results["real"].append({"label": f"{label}, and a revision of it", "paragraphs":
                                f"{row['old_paragraphs']}/{row['new_paragraphs']}", **row, "ratio": row["seconds"] / venv})
    for language in LANGUAGES:
        for size in SIZES:
            print(f"compare() {language} {size} …", file=sys.stderr)
            results["scaling"].append(_run_worker("compare", size, language))
            results["baseline"].append(_run_worker("baseline", size, language, timeout=BASELINE_TIMEOUT))
    print(f"precedent search, {paragraphs:,} paragraphs …", file=sys.stderr)
    results["precedent"] = precedent(paragraphs)
    results["verdicts"] = verdicts(results)
    results["verdicts"]["precedent"] = all(results["precedent"]["verdicts"].values())
    RESULTS.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    text = table(results)
    print(text)
    print("\n" + precedent_table(results["precedent"]))
    readme = README.read_text(encoding="utf-8")
    if README_START in readme and README_END in readme:
        head, rest = readme.split(README_START, 1)
        _, tail = rest.split(README_END, 1)
        README.write_text(f"{head}{README_START}\n{text}\n{README_END}{tail}", encoding="utf-8")
    print(f"\n(written to {RESULTS.relative_to(ROOT)} and README.md)")
    met = all(v for k, v in results["verdicts"].items() if k != "growth")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
