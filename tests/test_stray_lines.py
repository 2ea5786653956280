"""A short line standing alone between two numbered paragraphs of a web copy ("Advertisement",
"Publicité", "Read more") is no part of the paragraph before: listed as page furniture, named in
a warning."""

from __future__ import annotations

import pytest

from resdiff.parse import parse_text

EN = ("The Security Council,\n\n1. Calls upon all parties to cease all firing;\n\n{line}\n\n"
      "2. Calls upon the parties to start negotiations;\n\n3. Decides to remain seized of the matter.\n")
FR = ("Le Conseil de sécurité,\n1. Demande à toutes les parties de cesser le feu ;\n{line}\n"
      "2. Demande aux parties d'engager des négociations ;\n3. Décide de rester saisi de la question.\n")


@pytest.mark.parametrize("template, line, at", [(EN, "Advertisement", 5), (EN, "Read more", 5), (FR, "Publicité", 3),
                                                (FR, "Lire aussi : la crise au Sahel", 3)])
def test_the_stray_line_is_furniture_with_a_warning(template, line, at):
    (document,) = parse_text(template.format(line=line), "x.txt")
    assert [p.text for p in document.paragraphs][0] in ("Calls upon all parties to cease all firing;",
                                                        "Demande à toutes les parties de cesser le feu ;")
    assert len(document.paragraphs) == 3
    assert [str(f) for f in document.furniture] == [f"line {at}: {line}"]
    assert [str(w) for w in document.warnings] == [
        f"document: line {at}: “{line}” stands alone between two numbered paragraphs and is no sentence of either: "
        "left out as page furniture (if it is a heading of the text, it is not compared)"]


def test_a_section_heading_there_stays_a_heading():
    (document,) = parse_text(EN.format(line="A. Negotiations"), "x.txt")
    assert [(p.id, p.text) for p in document.paragraphs][1] == ("H1", "A. Negotiations")
    assert document.warnings == ()


def test_a_line_continuing_the_paragraph_stays_in_it():
    (document,) = parse_text(EN.format(line="and to respect the ceasefire;"), "x.txt")
    assert document.paragraphs[0].text == "Calls upon all parties to cease all firing; and to respect the ceasefire;"
