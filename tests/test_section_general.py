"""A section titled "General" under its numeral ("I" / "General", "A" / "General") is the
section's heading, not the masthead's distribution word dropped to the furniture."""

from __future__ import annotations

import pytest

from resdiff.parse import parse_text


@pytest.mark.parametrize("gap", ["\n", "\n\n"])
@pytest.mark.parametrize("label", ["I", "A"])
def test_general_under_its_numeral_is_the_sections_title(gap, label):
    text = gap.join(["The General Assembly,", "Recalling its resolution 60/1,", label, "General",
                     "1. Decides to act;", "2. Requests a report."]) + "\n"
    (document,) = parse_text(text, "x.txt")
    assert [(p.id, p.text) for p in document.paragraphs] == [
        ("PP1", "Recalling its resolution 60/1,"), ("H1", f"{label} General"), ("OP1", "Decides to act;"),
        ("OP2", "Requests a report.")]
    assert document.furniture == () and document.warnings == ()


def test_the_mastheads_distribution_line_is_still_furniture():
    text = ("United Nations A/RES/80/1\nGeneral Assembly Distr.:\nGeneral\n1 December 2025\n"
            "The General Assembly,\nRecalling its resolution 60/1,\n1. Decides to act.\n")
    (document,) = parse_text(text, "x.txt")
    assert "line 3: General" in [str(f) for f in document.furniture]
