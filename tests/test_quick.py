"""The command's quick start: ``resdiff diff`` of files runs without the command-line framework,
and compiled regular expressions are kept between runs. Neither may change anything a user sees:
each case runs through the installed entry point and through the full command line, and the two
must agree on standard output, standard error, the exit status and any file written."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from conftest import CORPUS, ROOT, SAMPLE

ES_1 = CORPUS / "en" / "A_RES_ES-11_1.en.txt"
ES_4 = CORPUS / "en" / "A_RES_ES-11_4.en.txt"
# The full command line, as it ran before the quick path existed.
FULL = "import sys; from resdiff.cli import main; sys.argv[0] = 'resdiff'; main()"


def _run(entry: list[str], args: list[str], cwd, env: dict) -> tuple[int, str, str]:
    done = subprocess.run([sys.executable, *entry, *args], capture_output=True, text=True, cwd=cwd,
                          env=env, timeout=120)
    return done.returncode, done.stdout, done.stderr


@pytest.mark.parametrize("args", [
    ["diff", str(SAMPLE), "--format", "json"],
    ["diff", str(SAMPLE), "--format=markdown", "--only-changes", "--exit-code"],
    ["diff", str(SAMPLE), "--stat", "--color", "always", "--width", "60"],
    ["diff", "--old", "L.22", str(SAMPLE), "--new=L.56", "-f", "md", "--offline"],
    ["diff", str(ES_1), str(ES_4), "-o", "out.html"],
    ["diff", str(ES_1), str(ES_4), "--width", "19"],                    # below the minimum
    ["diff", str(ES_1), str(ES_4), "--format", "json", "-o", "out.md"],  # the two disagree
    ["diff", str(SAMPLE), "--stat", "--format", "json"],
    ["diff", str(SAMPLE), "--old", "L.99"],                             # no such draft
    ["diff", "missing.txt", str(ES_4)],                                 # not a file: the store
    ["diff", str(ES_1)],                                                # one document only
    ["diff", str(ES_1), str(ES_4), "--bogus"],
    ["diff", str(ES_1), str(ES_4), "--format", "json", "--format", "md"],
    ["diff", "--help"],
    ["diff", str(SAMPLE), "--old", "L.99", "--ui-lang", "zh"],
    ["--ui-lang=zh", "diff", str(SAMPLE), "--old", "L.99"],
])
def test_the_quick_path_and_the_full_command_line_agree(args, tmp_path):
    _agree(args, "en", tmp_path)


@pytest.mark.parametrize("ui_lang", ["zh", "xx"])  # the errors in Chinese; an unknown language
def test_the_interface_language_is_the_same_on_both_paths(ui_lang, tmp_path):
    _agree(["diff", str(SAMPLE), "--old", "L.99"], ui_lang, tmp_path)
    _agree(["diff", str(SAMPLE), "--format", "json"], ui_lang, tmp_path)


def _agree(args: list[str], ui_lang: str, tmp_path) -> None:
    tmp_path = tmp_path / ui_lang / str(abs(hash(tuple(args))))
    tmp_path.mkdir(parents=True)
    env = dict(os.environ, RESDIFF_STORE=str(tmp_path / "store.db"), NO_COLOR="1", RESDIFF_UI_LANG=ui_lang)
    results = []
    for k, entry in enumerate((["-m", "resdiff"], ["-c", FULL])):
        folder = tmp_path / str(k)
        folder.mkdir()
        status, stdout, stderr = _run(entry, args, folder, env)
        written = {p.name: p.read_bytes() for p in folder.iterdir()}
        results.append((status, stdout, stderr, written))
    assert results[0] == results[1]


def test_the_quick_path_never_imports_the_command_line_framework(tmp_path):
    code = ("import sys; sys.argv = ['resdiff', 'diff', sys.argv[1], '--format', 'json']\n"
            "from resdiff.__main__ import run\n"
            "try:\n    run()\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('typer', 'click', 'rich', 'httpx')),"
            " file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code, str(SAMPLE)], capture_output=True, text=True,
                          cwd=tmp_path, timeout=120)
    assert done.returncode == 0
    assert done.stderr.strip() == "[]"


def _regex_files(folder):
    return sorted((folder / "resdiff").glob("regex-*.marshal")) if (folder / "resdiff").exists() else []


def test_compiled_patterns_kept_between_runs_change_nothing(tmp_path):
    def diff(**env):
        environment = dict(os.environ, XDG_CACHE_HOME=str(tmp_path), **env)
        return _run(["-m", "resdiff"], ["diff", str(SAMPLE), "--format", "json"], ROOT, environment)

    off = diff(RESDIFF_CACHE="0")
    assert _regex_files(tmp_path) == []
    cold = diff()
    (path,) = _regex_files(tmp_path)
    warm = diff()
    assert off == cold == warm
    path.write_bytes(path.read_bytes()[:-10] + b"\x00" * 10)  # damaged: its checksum fails
    assert diff() == off


def test_every_pattern_of_the_parser_and_text_module_rebuilds_from_its_stored_form():
    import _sre  # type: ignore[import-not-found]

    from resdiff import regexcache, text
    from resdiff.parse import classification, identity, layout, pages, patterns, reports

    compiled = [value for module in (text, classification, identity, layout, pages, patterns, reports)
                for value in vars(module).values() if isinstance(value, re.Pattern)]
    compiled.append(re.compile(rb"<title[^>]*>(.*?)</title>", re.I | re.S))
    assert len(compiled) > 50
    for pattern in compiled:
        entry = regexcache._entry((type(pattern.pattern), pattern.pattern, pattern.flags), pattern)
        assert entry is not None, pattern
        rebuilt = _sre.compile(pattern.pattern, *entry[3:])
        assert rebuilt == pattern and rebuilt.groupindex == pattern.groupindex and rebuilt.flags == pattern.flags


def test_patterns_stored_from_what_their_constructor_was_given_are_those_a_fresh_compilation_gives(tmp_path):
    # A first run stores each new pattern from the arguments re gave the engine when it compiled
    # it, instead of parsing and compiling it again: the stored forms must be exactly those.
    script = (
        "import re, sys\n"
        "from resdiff import regexcache\n"
        "regexcache.load()\n"
        "import resdiff.text, resdiff.parse.structure, resdiff.parse.reports, resdiff.parse.classification\n"
        "re.compile(rb'<title[^>]*>(.*?)</title>', re.I | re.S); re.compile('(?P<a>x)(?P<b>y)?', re.X)\n"
        "new = [(k, c) for k, c in re._cache.items() if k not in regexcache._loaded]\n"
        "assert len(new) > 50, len(new)\n"
        "for key, compiled in new:\n"
        "    assert regexcache._recorded(key, compiled) == regexcache._entry(key, compiled) is not None, key\n"
        "print(len(new))\n")
    environment = dict(os.environ, XDG_CACHE_HOME=str(tmp_path))
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT,
                          env=environment, timeout=120)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) > 50


def _code_files(folder):
    return sorted((folder / "resdiff").glob("code-*.marshal")) if (folder / "resdiff").exists() else []


def test_compiled_record_methods_kept_between_runs_change_nothing(tmp_path):
    def diff(**env):
        environment = dict(os.environ, XDG_CACHE_HOME=str(tmp_path), **env)
        return _run(["-m", "resdiff"], ["diff", str(SAMPLE), "--format", "json"], ROOT, environment)

    off = diff(RESDIFF_CACHE="0")
    assert _code_files(tmp_path) == []
    cold = diff()
    (path,) = _code_files(tmp_path)
    warm = diff()
    assert off == cold == warm
    path.write_bytes(path.read_bytes()[:-10] + b"\x00" * 10)  # damaged: its checksum fails
    assert diff() == off


# The methods dataclasses made for every record class of the modules a comparison loads, described
# by their code and annotations, and how many texts this process had to compile.
_RECORD_METHODS = """
import sys, types
from resdiff import codecache
codecache.load()
import resdiff.model, resdiff.align, resdiff.inline, resdiff.check, resdiff.render, resdiff.parse
import resdiff.parse.identity, resdiff.parse.header, resdiff.parse.reports, resdiff.parse.records

def describe(code):
    consts = tuple(describe(c) if isinstance(c, types.CodeType) else repr(c) for c in code.co_consts)
    return (code.co_name, code.co_code, code.co_names, code.co_varnames, code.co_flags,
            code.co_argcount, code.co_kwonlyargcount, code.co_filename, consts)

found = []
for name, module in sorted(sys.modules.items()):
    if not name.startswith("resdiff"):
        continue
    for cls in vars(module).values():
        if isinstance(cls, type) and cls.__module__ == name and hasattr(cls, "__dataclass_fields__"):
            for attr, value in sorted(vars(cls).items()):
                if isinstance(value, types.FunctionType) and value.__code__.co_filename == "<string>":
                    found.append((cls.__qualname__, attr, describe(value.__code__), repr(value.__annotations__)))
print(len(found), len(codecache._new), hash(repr(found)))
for text, code in codecache._codes.items():
    assert code == compile(text, "<string>", "exec", dont_inherit=True)
"""


def test_record_methods_from_the_cache_are_the_ones_dataclasses_compiles(tmp_path):
    def methods(**env):
        done = subprocess.run([sys.executable, "-c", _RECORD_METHODS], capture_output=True, text=True, cwd=ROOT,
                              env=dict(os.environ, XDG_CACHE_HOME=str(tmp_path), PYTHONHASHSEED="0", **env),
                              timeout=120)
        assert done.returncode == 0, done.stderr
        return done.stdout.split()

    off_count, off_new, off_methods = methods(RESDIFF_CACHE="0")
    cold_count, cold_new, cold_methods = methods()
    warm_count, warm_new, warm_methods = methods()
    assert int(off_count) > 60 and off_count == cold_count == warm_count
    assert off_methods == cold_methods == warm_methods
    assert off_new == "0" and int(cold_new) > 60 and warm_new == "0"  # the warm run compiled none


_WITHOUT_INSPECT = """
import sys, types
from resdiff import codecache
codecache.load()
import dataclasses
import resdiff.model, resdiff.align, resdiff.inline, resdiff.check, resdiff.render, resdiff.parse
loaded_early = "inspect" in sys.modules

@dataclasses.dataclass(frozen=True)
class NoDocstring:
    number: int
    name: str = "x"

import inspect
print(loaded_early, NoDocstring.__doc__, type(inspect) is types.ModuleType, inspect.signature(len) is not None)
"""


def test_the_record_classes_are_made_without_importing_inspect(tmp_path):
    """dataclasses imports inspect for the signature it writes into a class with no docstring:
    the command gives it a stand-in, so that none of resdiff's classes (all documented) loads
    it, and a class with no docstring still gets its signature from the real module."""
    done = subprocess.run([sys.executable, "-c", _WITHOUT_INSPECT], capture_output=True, text=True, cwd=ROOT,
                          env=dict(os.environ, XDG_CACHE_HOME=str(tmp_path)), timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False NoDocstring(number: int, name: str = 'x') True True"


def test_the_quick_path_loads_no_module_it_does_not_use(tmp_path):
    """typing, pathlib (with urllib.parse), inspect (with ast) and the pure-Python
    diff-match-patch cost a warm comparison a fifth of its time to import, and it uses none of
    them: none is loaded beyond what the interpreter itself starts with."""
    names = ("typing", "pathlib", "urllib.parse", "inspect", "ast", "diff_match_patch")
    pytest.importorskip("fast_diff_match_patch")
    show = f"print(sorted(m for m in {names!r} if m in sys.modules), file=sys.stderr)"
    code = ("import sys; sys.argv = ['resdiff', 'diff', sys.argv[1], '--format', 'json']\n"
            "from resdiff.__main__ import run\n"
            f"try:\n    run()\nexcept SystemExit:\n    pass\n{show}")
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path))
    for _ in range(2):  # the second run with the caches of the first
        done = subprocess.run([sys.executable, "-c", code, str(SAMPLE)], capture_output=True, text=True,
                              cwd=tmp_path, timeout=120, env=env)
        assert done.returncode == 0, done.stderr
    start = subprocess.run([sys.executable, "-c", "import sys; " + show], capture_output=True, text=True, env=env)
    assert done.stderr.strip() == start.stderr.strip()
