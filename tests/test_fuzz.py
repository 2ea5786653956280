"""The standing fuzz suite: every parser entry point on adversarial lines and random input.

Zero tracebacks (only resdiff's own errors), and a time budget per line measured as a ratio to
a baseline in the same run: parsing a line of ordinary prose of the same length. ``make fuzz``
runs it with RESDIFF_FUZZ_SCALE times more examples.
"""

from __future__ import annotations

import itertools
import os
import time

from hypothesis import given, settings
from hypothesis import strategies as st

import crafted
from resdiff import history
from resdiff.compare import compare
from resdiff.errors import ResdiffError
from resdiff.inline import diff_texts, rebuild
from resdiff.parse import parse_bytes, parse_text

SCALE = int(os.environ.get("RESDIFF_FUZZ_SCALE", "1"))
HEAD = "Draft resolution A/C.2/65/L.1\n\nThe General Assembly,\n\n"
PIECES = [" ", "1", ".", "(", ")", "[", "]", "，", "。", "、", "（", "）", "a", "A/", "L.", "1.", "(a)", "第",
          "\t", "-", "“", "/", "Rev.", "大会", "*"]
# Catastrophic backtracking grows exponentially with the line; this ratio to ordinary prose of
# the same length leaves room for the parser's known linear and quadratic passes at this length.
RATIO = 400
LENGTH = 2000


def _entry_points():
    return {
        "parse_text": lambda line: parse_text(HEAD + "1. Decides " + line + ";\n\n" + line + "\n", "fuzz.txt"),
        # numbered, as a report's paragraphs are: only those are read for events
        "history": lambda line: history.proceedings("1. " + line + "\n" + line + "\n"),
        "parse_bytes": lambda line: parse_bytes((HEAD + line + "\n").encode("utf-8"), "fuzz.txt"),
    }


def _timed(function, line) -> float:
    """The processor time one call takes: the work done, not the wall time, which on a machine
    shared with other work grows whenever this process waits for a processor."""
    started = time.process_time()
    try:
        function(line)
    except ResdiffError:
        pass
    return time.process_time() - started


def _adversarial_lines(length: int):
    for piece in PIECES:
        yield piece * (length // len(piece))
    for a, b in itertools.combinations(PIECES[:12 if SCALE == 1 else len(PIECES)], 2):
        yield (a + b) * (length // (len(a) + len(b)))
        yield a * (length // 2) + b * (length // 2)


def test_adversarial_lines_parse_within_a_budget_relative_to_prose():
    prose = ("Recalling its resolution 65/141 of 20 December 2010 on information and communications "
             "technologies for development, ") * (LENGTH // 100 + 1)
    prose = prose[:LENGTH]
    slow = []
    for name, function in _entry_points().items():
        baseline = min(_timed(function, prose) for _ in range(3))
        for line in _adversarial_lines(LENGTH):
            spent = _timed(function, line)
            if spent > max(RATIO * baseline, 0.05):
                spent = min(spent, _timed(function, line))  # once more: a busy machine is no failure
                if spent > max(RATIO * baseline, 0.05):
                    slow.append((name, line[:24], round(spent / baseline)))
    assert slow == []


TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=400)
LINES = st.lists(st.one_of(st.sampled_from(["The General Assembly,", "大会，", "1. Decides;", "(a) to;", "Recalling",
                                            "A/C.2/65/L.22", "Draft resolution", "* * *", "¹ Footnote."]),
                           TEXT), max_size=20).map("\n".join)


@settings(max_examples=60 * SCALE)
@given(LINES)
def test_random_text_parses_or_is_refused_and_compares_with_itself(text):
    try:
        documents = parse_text(text, "fuzz.txt")
    except ResdiffError:
        return
    for document in documents:
        comparison = compare(document, document)
        assert not comparison.differs
    history.proceedings(text)


@settings(max_examples=60 * SCALE)
@given(st.binary(max_size=600))
def test_random_bytes_parse_or_are_refused(data):
    try:
        parse_bytes(data, "fuzz.bin")
    except ResdiffError:
        pass


@settings(max_examples=30 * SCALE)
@given(st.binary(min_size=0, max_size=200), st.integers(min_value=0, max_value=10_000))
def test_damaged_word_files_are_read_or_refused(noise, where):
    data = bytearray(crafted.draft_docx())
    where %= len(data)
    data[where:where + len(noise)] = noise
    try:
        parse_bytes(bytes(data), "fuzz.docx")
    except ResdiffError:
        pass


@settings(max_examples=60 * SCALE)
@given(TEXT, TEXT)
def test_inline_diffs_of_any_texts_rebuild_both(a, b):
    assert rebuild(diff_texts(a, b)) == (a, b)


# --- long lines: time linear in the line ----------------------------------------------------------

LONG = 12_000
# Runs that once made a pattern backtrack: runs of glued symbols (exponential), white space
# between optional parts (quadratic and cubic), phrases a report's rules wait on, digits after "A/".
LONG_PIECES = ["AA/", "A/", "A1/", "x1/", " ", "\u3000", "\t", " \u3000", "¹", " ¹", "1", "A/1", "主席", "\u3000主席",
               "代表", "代表（", "介绍了", "决议草案", "通过了", "口头订正", "发了言", "以记录表决", "根据就决议草案",
               "The representative of ", "the Chair, (", "statements were made by ", "draft resolution A/C.2/1/L.1 ",
               "on behalf of (", "[", "“", "大会", "The General Assembly ", "Agenda item "]


def _long_lines():
    for piece in LONG_PIECES:
        yield piece * (LONG // len(piece))
    if SCALE > 1:
        for a, b in itertools.combinations(LONG_PIECES, 2):
            yield (a + b) * (LONG // (len(a) + len(b)))
            yield a * (LONG // 2 // len(a)) + b * (LONG // 2 // len(b))


def _budget_check(queue, name, ratio):
    """In a child process (a runaway pattern cannot be interrupted): each long line's time
    against ordinary prose of the same length, through one entry point."""
    function = _entry_points()[name] if name in _entry_points() else \
        (lambda line: history.header_links(line + "\n[" + line + "]\n"))
    prose = ("Recalling its resolution 65/141 of 20 December 2010 on information and communications "
             "technologies for development, ") * (LONG // 100 + 1)
    baseline = min(_timed(function, prose[:LONG]) for _ in range(3))
    slow = []
    for line in _long_lines():
        spent = _timed(function, line)
        if spent > max(ratio * baseline, 0.1):
            spent = min(spent, _timed(function, line))
            if spent > max(ratio * baseline, 0.1):
                slow.append((name, line[:24], round(spent / baseline)))
    queue.put(slow)


def test_long_adversarial_lines_take_time_linear_in_their_length():
    """Every pattern that reads user text is linear (or bounded) in the line: on a line of 12,000
    characters a quadratic pattern costs hundreds of times what prose costs, an exponential one
    never ends; the budget is 25 times prose of the same length."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    slow = []
    for name in ("parse_text", "history", "header_links", "parse_bytes"):
        queue = context.Queue()
        child = context.Process(target=_budget_check, args=(queue, name, 25))
        child.start()
        child.join(60 * SCALE)
        if child.is_alive():
            child.kill()
            child.join()
            slow.append((name, "did not finish in a minute"))
        else:
            slow.extend(queue.get(timeout=5))
    assert slow == []
