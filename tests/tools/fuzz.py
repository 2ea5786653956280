"""The long fuzz run of ``make fuzz``: rounds of the stress and fuzz tests, each with new examples,
until a time budget (ten minutes by default) has passed.

    python tests/tools/fuzz.py [--minutes 10] [--scale 10] [--seed 1]

Round k runs tests/test_store_stress.py, tests/test_fuzz.py, tests/test_mirror.py and
tests/test_unbreakable.py with RESDIFF_FUZZ_SCALE times the examples of ``make test`` and the
seed SEED+k: Hypothesis draws new examples (not the fixed ones of ``make test``), the store's
kill -9 rounds fall at new points. A round starts while the budget is not spent, so the run
lasts the budget plus at most one round. A round that fails, or runs past ROUND_LIMIT (a hang:
its Python stack is printed), stops the run with status 1 and the seed that reproduces it:

    RESDIFF_FUZZ_SCALE=10 RESDIFF_FUZZ_SEED=SEED .venv/bin/python -m pytest -p no:randomly \\
        --hypothesis-seed=SEED tests/test_fuzz.py ...
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
FILES = ["tests/test_store_stress.py", "tests/test_fuzz.py", "tests/test_mirror.py", "tests/test_unbreakable.py"]
ROUND_LIMIT = 15 * 60  # seconds: a round takes one to three minutes on a loaded machine


def command(seed: int) -> list[str]:
    return [sys.executable, "-m", "pytest", "-p", "no:randomly", "-o", "addopts=", "-q",
            f"--hypothesis-seed={seed}", *FILES]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=float(os.environ.get("RESDIFF_FUZZ_MINUTES", "10")))
    parser.add_argument("--scale", type=int, default=int(os.environ.get("RESDIFF_FUZZ_SCALE", "10")))
    parser.add_argument("--seed", type=int, default=int(os.environ.get("RESDIFF_FUZZ_SEED", "1")))
    args = parser.parse_args(argv)
    started = time.monotonic()
    budget = args.minutes * 60
    round_ = 0
    while round_ == 0 or time.monotonic() - started < budget:
        seed = args.seed + round_
        round_ += 1
        env = dict(os.environ, RESDIFF_FUZZ_SCALE=str(args.scale), RESDIFF_FUZZ_SEED=str(seed))
        round_started = time.monotonic()
        print(f"fuzz: round {round_}, scale {args.scale}, seed {seed}", flush=True)
        process = subprocess.Popen(command(seed), cwd=ROOT, env=env)
        try:
            status = process.wait(timeout=ROUND_LIMIT)
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGABRT)  # pytest's faulthandler prints where it hangs
            process.wait()
            print(f"fuzz: round {round_} (seed {seed}) hung: still running after {ROUND_LIMIT} s", flush=True)
            return 1
        spent = time.monotonic() - round_started
        if status != 0:
            print(f"fuzz: round {round_} FAILED (seed {seed}, scale {args.scale}) after {spent:.0f} s; "
                  f"rerun it with --seed {seed} --minutes 0", flush=True)
            return 1
        print(f"fuzz: round {round_} clean in {spent:.0f} s", flush=True)
    total = time.monotonic() - started
    print(f"fuzz: {round_} rounds clean in {total / 60:.1f} minutes (scale {args.scale}, "
          f"seeds {args.seed}-{args.seed + round_ - 1})", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
