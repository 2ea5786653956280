"""resdiff's benchmark: cold start, scaling on generated drafts, and a plain difflib baseline.

Run with ``make bench``. Prints a table, writes bench/results.json. Every measurement that
needs a clean process (cold start, peak memory) runs in one of its own.

- Cold start: wall time of ``resdiff diff SAMPLE --format json`` in a new process, against
  ``python -c pass`` measured in the same run. The first run starts with an empty segmentation
  cache (a machine that never compared this text); the median is of the runs after it.
- Scaling: compare() (alignment and inline diff) on generated pairs of 100 to 2,000 paragraphs,
  English and Chinese, each in a new process with jieba already loaded and the on-disk cache
  off, so that the time is the comparison's own; peak resident memory of that process;
  alignment F1 against the generator's truth.
- Baseline: the same pairs aligned by the plain method, each old paragraph linked to its best
  difflib match (ratio at least BASELINE_CUTOFF); its F1 and time.
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
RESULTS = ROOT / "bench" / "results.json"
PYTHON = Path(sys.executable)
RESDIFF = PYTHON.parent / "resdiff"
# The interpreter the virtual environment was made from, with the machine's own site-packages:
# what typing ``python -c pass`` at a prompt starts. The environment's own interpreter starts
# faster, having almost nothing on its path; both are measured and shown.
BASE_PYTHON = Path(getattr(sys, "_base_executable", sys.executable)).resolve()

SIZES = (100, 500, 1000, 2000)
LANGUAGES = ("en", "zh")
COLD_RUNS = 7
SCALING_RUNS = 3
BASELINE_CUTOFF = 0.5
# The baseline scores every pair of paragraphs; a size it cannot finish in this time is noted.
BASELINE_TIMEOUT = 240

TARGETS = {
    "cold_start_ratio": 8.0,
    "seconds_2000": 3.0,
    "growth_500_to_2000": 6.0,
    "peak_mb": 300.0,
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
    tokenize("加载分词词典")  # load jieba before the clock starts: a one-off cost, measured apart
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
    found = set()
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


# --- the driver ----------------------------------------------------------------------------------


def _run_worker(name: str, size: int, language: str, timeout: float | None = None) -> dict | None:
    env = dict(os.environ, RESDIFF_CACHE="0", PYTHONHASHSEED="0")
    try:
        done = subprocess.run([str(PYTHON), __file__, "--worker", name, str(size), language],
                              capture_output=True, text=True, env=env, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return None
    except subprocess.CalledProcessError as exc:
        raise SystemExit(f"bench worker {name} {size} {language} failed:\n{exc.stderr}") from None
    return json.loads(done.stdout)


def _wall(argv: list[str], env: dict) -> float:
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=True)
    return time.perf_counter() - start


def cold_start() -> dict:
    with tempfile.TemporaryDirectory(prefix="resdiff-bench-") as cache:
        env = dict(os.environ, XDG_CACHE_HOME=cache)
        env.pop("RESDIFF_CACHE", None)
        command = [str(RESDIFF), "diff", str(SAMPLE), "--format", "json"]
        bare = [str(BASE_PYTHON), "-c", "pass"]
        venv_bare = [str(PYTHON), "-c", "pass"]
        _wall(bare, env)  # let the OS cache the interpreter's files, as for every later run
        _wall(venv_bare, env)
        first = _wall(command, env)
        runs, bare_runs, venv_runs = [], [], []
        for _ in range(COLD_RUNS):
            bare_runs.append(_wall(bare, env))
            venv_runs.append(_wall(venv_bare, env))
            runs.append(_wall(command, env))
        no_cache = statistics.median(
            _wall(command, dict(env, RESDIFF_CACHE="0")) for _ in range(3))
    resdiff_s, bare_s = statistics.median(runs), statistics.median(bare_runs)
    venv_s = statistics.median(venv_runs)
    return {"resdiff_seconds": resdiff_s, "python_pass_seconds": bare_s,
            "python": str(BASE_PYTHON), "venv_python_pass_seconds": venv_s,
            "ratio": resdiff_s / bare_s, "ratio_to_venv_python": resdiff_s / venv_s,
            "first_run_empty_cache_seconds": first,
            "cache_off_seconds": no_cache, "runs": COLD_RUNS}


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


def verdicts(results: dict) -> dict:
    scaling = results["scaling"]
    by = {(r["language"], r["size"]): r for r in scaling}
    growth = {lang: by[(lang, 2000)]["seconds"] / by[(lang, 500)]["seconds"] for lang in LANGUAGES}
    return {
        "cold_start_ratio": results["cold_start"]["ratio"] <= TARGETS["cold_start_ratio"],
        "seconds_2000": all(by[(lang, 2000)]["seconds"] <= TARGETS["seconds_2000"] for lang in LANGUAGES),
        "growth_500_to_2000": all(g <= TARGETS["growth_500_to_2000"] for g in growth.values()),
        "peak_mb": all(r["peak_mb"] < TARGETS["peak_mb"] for r in scaling),
        "f1": all(r["f1"] >= TARGETS["f1"] for r in scaling),
        "growth": {lang: round(g, 2) for lang, g in growth.items()},
    }


def table(results: dict) -> str:
    m, cold, v = results["machine"], results["cold_start"], results["verdicts"]
    ok = {True: "met", False: "MISSED"}
    lines = [
        f"Machine: {m['cpu']}, {m['nproc']} CPUs, Python {m['python']}.",
        "",
        "| Cold start (sample report, --format json) | seconds |",
        "|---|---:|",
        f"| `python -c pass`, the machine's interpreter (median of {cold['runs']}) | {cold['python_pass_seconds']:.3f} |",
        f"| `.venv/bin/python -c pass`, the environment's (median of {cold['runs']}) | {cold['venv_python_pass_seconds']:.3f} |",
        f"| `resdiff diff` (median of {cold['runs']}) | {cold['resdiff_seconds']:.3f} |",
        f"| ratio to the machine's interpreter (target ≤ {TARGETS['cold_start_ratio']:g}×: {ok[v['cold_start_ratio']]}) | {cold['ratio']:.1f}× |",
        f"| ratio to the environment's interpreter | {cold['ratio_to_venv_python']:.1f}× |",
        f"| first run, empty segmentation cache | {cold['first_run_empty_cache_seconds']:.3f} |",
        f"| with `RESDIFF_CACHE=0` (jieba's dictionary loaded every run) | {cold['cache_off_seconds']:.3f} |",
        "",
        "| Pair | paragraphs (old/new) | compare() s | of which align s | peak MB | F1 | baseline s | baseline F1 |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    base = {(b["language"], b["size"]): b for b in results["baseline"] if b}
    for r in results["scaling"]:
        b = base.get((r["language"], r["size"]))
        bs = f"{b['seconds']:.2f}" if b else f"> {BASELINE_TIMEOUT}"
        bf = f"{b['f1']:.4f}" if b else "–"
        lines.append(f"| {r['language']} {r['size']} | {r['old_paragraphs']}/{r['new_paragraphs']} | "
                     f"{r['seconds']:.2f} | {r['align_seconds']:.2f} | {r['peak_mb']:.0f} | {r['f1']:.4f} | {bs} | {bf} |")
    growth = ", ".join(f"{lang} {g:.1f}×" for lang, g in v["growth"].items())
    lines += [
        "",
        f"Targets: 2,000 paragraphs ≤ {TARGETS['seconds_2000']:g} s: {ok[v['seconds_2000']]}; "
        f"growth 500 → 2,000 ≤ {TARGETS['growth_500_to_2000']:g}× ({growth}): {ok[v['growth_500_to_2000']]}; "
        f"peak memory < {TARGETS['peak_mb']:g} MB: {ok[v['peak_mb']]}; F1 ≥ {TARGETS['f1']}: {ok[v['f1']]}.",
    ]
    return "\n".join(lines)


def main() -> int:
    if len(sys.argv) == 5 and sys.argv[1] == "--worker":
        worker = {"compare": _worker_compare, "baseline": _worker_baseline}[sys.argv[2]]
        print(json.dumps(worker(int(sys.argv[3]), sys.argv[4])))
        return 0
    results: dict = {"machine": machine()}
    print("cold start …", file=sys.stderr)
    results["cold_start"] = cold_start()
    results["scaling"] = []
    results["baseline"] = []
    for language in LANGUAGES:
        for size in SIZES:
            print(f"{language} {size} …", file=sys.stderr)
            results["scaling"].append(_run_worker("compare", size, language))
            results["baseline"].append(_run_worker("baseline", size, language, timeout=BASELINE_TIMEOUT))
    results["verdicts"] = verdicts(results)
    RESULTS.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(table(results))
    print(f"\n(written to {RESULTS.relative_to(ROOT)})")
    met = all(v for k, v in results["verdicts"].items() if k != "growth")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
