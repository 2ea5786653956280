"""A resolution adopted in parts keeps its part letter in its symbol, as its masthead and title
line print it ("A/RES/79/247 A", "79/247 B.", "A/RES/79/247 A-B"): parts A and B are two
resolutions, and the store keeps them apart. Before, both were "A/RES/79/247" and `add` filed
part B as revision 2 of part A."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from resdiff.cli import app
from resdiff.errors import StoreError
from resdiff.parse import parse_text

MASTHEAD = ("United Nations A/RES/79/247 {part}\nGeneral Assembly Distr.: General\n\n"
            "79/247 {part}. {title}\n\nThe General Assembly,\n\nRecalling its resolution 78/252,\n\n"
            "1. {op1};\n\n2. Requests a report.\n")
PART_A = MASTHEAD.format(part="A", title="Questions relating to the proposed programme budget", op1="Approves the budget")
PART_B = MASTHEAD.format(part="B", title="Budget appropriations for 2025", op1="Appropriates the amounts")


def run(*args: str):
    result = CliRunner().invoke(app, ["--ui-lang", "en", *args])
    return result.exit_code, result.stdout


@pytest.mark.parametrize("text, symbol, title", [
    (PART_A, "A/RES/79/247 A", "Questions relating to the proposed programme budget"),
    (PART_B, "A/RES/79/247 B", "Budget appropriations for 2025"),
    (PART_A.split("\n\n", 1)[1], "A/RES/79/247 A", "Questions relating to the proposed programme budget"),  # title line only
    (PART_A.replace(" A\n", " A–B\n").replace("247 A.", "247 A-B."), "A/RES/79/247 A-B",
     "Questions relating to the proposed programme budget"),
    (PART_A.replace(" A\n", " A  Distr.: General\n", 1), "A/RES/79/247 A", "Questions relating to the proposed programme budget"),
    (PART_A.replace(" A\n", "\n").replace("247 A.", "247."), "A/RES/79/247", "Questions relating to the proposed programme budget"),
])
def test_the_part_letter_stays_in_the_symbol(text, symbol, title):
    document = parse_text(text)[0]
    assert (document.symbol, document.title) == (symbol, title)


def test_parts_are_stored_apart_and_found_by_their_tail(tmp_path):
    (tmp_path / "rA.txt").write_text(PART_A, encoding="utf-8")
    (tmp_path / "rB.txt").write_text(PART_B, encoding="utf-8")
    store = str(tmp_path / "s.db")
    assert run("add", str(tmp_path / "rA.txt"), str(tmp_path / "rB.txt"), "--store", store) == (0, (
        "added A/RES/79/247 A (1 PP, 2 OP)\n"
        "added A/RES/79/247 B (1 PP, 2 OP)\n"
        "2 files: 2 added, 0 revised, 0 unchanged, 0 failed\n"))
    assert run("log", "--store", store) == (0, (
        "Questions relating to the proposed programme budget\n"
        "  ----------  A/RES/79/247 A     1 PP 2 OP  first version\n"
        "\n"
        "Budget appropriations for 2025\n"
        "  ----------  A/RES/79/247 B     1 PP 2 OP  first version\n"))
    for key in ("A/RES/79/247 B", "79/247 B", "247 B", "247B"):
        assert run("log", key, "--store", store) == (0, (
            "Budget appropriations for 2025\n"
            "  ----------  A/RES/79/247 B     1 PP 2 OP  first version\n")), key
    result = CliRunner().invoke(app, ["--ui-lang", "en", "log", "79/247", "--store", store])
    assert isinstance(result.exception, StoreError)
    assert str(result.exception) == ("'79/247' names several stored symbols (A/RES/79/247 A, A/RES/79/247 B): "
                                     "give more of the symbol")
