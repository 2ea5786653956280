"""Patterns compiled on first use behave as compiled ones, and a Chinese draft's comparison
compiles none of the other languages', the committee reports' or ``resdiff check``'s."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap

from resdiff.lazypattern import LazyPattern, lazy


def test_same_results_as_a_compiled_pattern():
    source, flags = r"(?P<word>[^\W\d_]+)\s*(\d+)?", re.IGNORECASE
    compiled, deferred = re.compile(source, flags), lazy(source, flags)
    text = "Decides 12 that ÉTATS 3, and 大会"
    assert deferred.match(text).groups() == compiled.match(text).groups()
    assert deferred.findall(text) == compiled.findall(text)
    assert [m.span() for m in deferred.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert deferred.sub("<\\g<word>>", text) == compiled.sub("<\\g<word>>", text)
    assert deferred.split(text) == compiled.split(text)
    assert deferred.search(text, 5).span() == compiled.search(text, 5).span()
    assert deferred.fullmatch("ab 1").group(2) == "1"
    assert (deferred.pattern, deferred.flags, deferred.groups, dict(deferred.groupindex)) == \
        (compiled.pattern, compiled.flags, compiled.groups, dict(compiled.groupindex))


def test_compiled_once_on_first_use():
    deferred = lazy(r"\d+")
    assert isinstance(deferred, LazyPattern) and "match" not in vars(deferred)
    assert deferred.match("42").group() == "42"
    assert vars(deferred)["match"].__self__ is vars(deferred)["search"].__self__  # one compiled pattern
    try:
        deferred.no_such_attribute  # noqa: B018
    except AttributeError:
        pass
    else:
        raise AssertionError("a name no pattern has is still an AttributeError")


def test_a_chinese_comparison_compiles_only_what_it_reads(tmp_path):
    # In a new interpreter, so that no other test has used the patterns already.
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text("大会，\n\n回顾其决议，\n\n1. 决定继续审议该问题。\n", encoding="utf-8")
    new.write_text("大会，\n\n回顾其各项决议，\n\n1. 决定继续审议该问题。\n", encoding="utf-8")
    script = textwrap.dedent(f"""
        from resdiff import check
        from resdiff.compare import compare
        from resdiff.parse import parse_file, patterns, reports
        check.diff_warnings(compare(parse_file({str(old)!r})[-1], parse_file({str(new)!r})[-1]))

        def compiled(module, name):
            return "match" in vars(getattr(module, name))
        unread = [("patterns", n) for n in ("_RU_OPENER", "_AR_OPENER", "_RU_OPERATIVE", "_AR_OPERATIVE")
                  if compiled(patterns, n)]
        unread += [("reports", n) for n in ("_EN_MEETING", "_ZH_ADOPTED") if compiled(reports, n)]
        unread += [("check", n) for n in ("_MONTH", "_ZH_DATE", "_GLUED_MARK") if compiled(check, n)]
        print(unread)
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
