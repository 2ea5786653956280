"""A text's language told from a line or two: each web text of the six UN languages
(tests/fixtures/languages/web) cut to one or two of its paragraphs, with or without the
chapeau, is still told right, and so is a document parsed from such a cut."""

from __future__ import annotations

import re

import pytest
from conftest import FIXTURES

from resdiff.parse import parse_bytes
from resdiff.text import detect_language

WEB = FIXTURES / "languages" / "web"
# Each text's chapeau as printed, and how many paragraphs follow it.
TEXTS = {
    "S_RES_338_1973__lexicorient.en.txt": ("en", "The Security Council,", 3),
    "S_RES_2446_2018__unscr.en.txt": ("en", "The Security Council,", 6),
    "S_RES_338_1973__monbalagan.fr.txt": ("fr", "Le Conseil de sécurité,", 3),
    "A_RES_2758_XXVI__mondiplo.es.txt": ("es", "La Asamblea General,", 4),
    "S_RES_1224_1999__iplex360.ru.txt": ("ru", "Совет Безопасности,", 4),
    "S_RES_1232_1999__zhwikisource.zh.txt": ("zh", "安全理事会,", 8),
    "S_RES_338_1973__marefa.ar.txt": ("ar", "إن مجلس الأمن،", 3),
}


def paragraphs(name: str) -> tuple[str, list[str]]:
    """A web text's chapeau and the paragraphs after it, one a line (the page that prints the
    whole resolution on one line cut where each paragraph begins)."""
    _, chapeau, count = TEXTS[name]
    text = (WEB / name).read_text(encoding="utf-8")
    after = text[text.index(chapeau) + len(chapeau):]
    lines = [line.strip().lstrip("- ").strip() for line in after.splitlines() if line.strip()]
    if name.startswith("S_RES_2446"):
        lines = re.split(r"(?<=[,;]) (?=Taking|Determining|Acting|\d+\. )", lines[0].strip())
    return chapeau, lines[:count]


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_one_or_two_paragraphs_are_enough(name):
    language = TEXTS[name][0]
    chapeau, found = paragraphs(name)
    assert len(found) == TEXTS[name][2]
    cuts = [chapeau, chapeau + "\n" + found[0]] + found + [a + "\n" + b for a, b in zip(found, found[1:])]
    assert {cut: detect_language(cut) for cut in cuts} == {cut: language for cut in cuts}


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_a_document_of_its_chapeau_and_one_paragraph_is_in_its_language(name):
    language = TEXTS[name][0]
    chapeau, found = paragraphs(name)
    for paragraph in found[:2]:
        body = paragraph if re.match(r"\d+\.", paragraph) or language != "en" else "1. " + paragraph
        documents = parse_bytes(f"{chapeau}\n{body}\n".encode(), "cut.txt")
        assert [d.language for d in documents] == [language]


def test_short_lines_of_resolutions_in_three_latin_languages():
    lines = {
        "Condemns Al-Shabaab and Al-Qaida;": "en",
        "Decides to remain seized of the matter.": "en",
        "Urges all States": "en",
        "L'Assemblée générale,": "fr",
        "Décide de rester saisi de la question.": "fr",
        "Ayant examiné le rapport": "fr",
        "La Asamblea General,": "es",
        "El Consejo de Seguridad,": "es",
        "Decide seguir ocupándose de la cuestión.": "es",
        "Pidiendo de nuevo": "es",
        "Совет Безопасности,": "ru",
        "大会，": "zh",
        "إن مجلس الأمن،": "ar",
    }
    assert {line: detect_language(line) for line in lines} == lines
