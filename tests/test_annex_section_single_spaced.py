"""In single-spaced text an annex's title and the Roman-numbered section heading under it are
two headings, not one."""

from __future__ import annotations

from resdiff.parse import parse_text


def test_the_section_heading_under_the_annex_title_is_its_own():
    text = ("The General Assembly,\nRecalling its resolution 60/1,\n"
            "1. Adopts the Declaration annexed to the present resolution.\nAnnex\n"
            "Political declaration of the high-level meeting\nI. Commitments\n1. We commit to act.\n"
            "II. Follow-up\n2. We will meet again.\n")
    (document,) = parse_text(text, "x.txt")
    assert [(p.id, p.text) for p in document.paragraphs if p.id.startswith("Annex")] == [
        ("Annex H1", "Annex"), ("Annex H2", "Political declaration of the high-level meeting"),
        ("Annex H3", "I. Commitments"), ("Annex 1", "We commit to act."), ("Annex H4", "II. Follow-up"),
        ("Annex 2", "We will meet again."),
    ]
