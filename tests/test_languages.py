"""Real resolution texts in the six languages and of other organs than the General Assembly, as
web pages and newspapers transcribe them (tests/fixtures/languages, provenance in its README).

The counts were written by hand from reading each text, as a careful reader counts: preambular
paragraphs (a paragraph two transcribed on one line still counts as two), operative paragraphs
(numbered or not), sub-paragraphs, footnotes. Excerpts (".excerpt.") are cut where the stored
page ends; their last paragraph is counted though it is cut short.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import FIXTURES
from resdiff.model import ParagraphKind
from resdiff.parse import parse_file, parse_text

LANGUAGES = FIXTURES / "languages"

# file: (symbol, language, preambular, operative, sub-paragraphs, footnotes)
COUNTS = {
    "web/S_RES_338_1973__lexicorient.en.txt": ("S/RES/338 (1973)", "en", 0, 3, 0, 0),
    "web/S_RES_338_1973__monbalagan.fr.txt": ("S/RES/338 (1973)", "fr", 0, 3, 0, 0),
    "web/S_RES_338_1973__marefa.ar.txt": ("S/RES/338 (1973)", "ar", 0, 3, 0, 0),
    "S_RES_338_1973__aljazeera.ar.txt": ("S/RES/338 (1973)", "ar", 0, 3, 0, 0),
    "web/S_RES_2446_2018__unscr.en.txt": ("S/RES/2446 (2018)", "en", 4, 2, 0, 0),
    "web/S_RES_1224_1999__iplex360.ru.txt": ("S/RES/1224 (1999)", "ru", 1, 3, 0, 0),
    "web/S_RES_1232_1999__zhwikisource.zh.txt": ("S/RES/1232 (1999)", "zh", 3, 5, 0, 0),
    "web/A_RES_2758_XXVI__mondiplo.es.txt": ("A/RES/2758 (XXVI)", "es", 3, 1, 0, 0),
    "S_RES_381_1975__ppc-plo.ar.txt": ("S/RES/381 (1975)", "ar", 3, 1, 3, 0),
    "S_RES_1518_2003__zhwikisource.zh.txt": ("S/RES/1518 (2003)", "zh", 5, 4, 0, 0),
    "S_RES_1263_1999__zhwikisource.zh.txt": ("S/RES/1263 (1999)", "zh", 3, 4, 0, 0),
    "S_RES_1228_1999__zhwikisource.zh-Hant.txt": ("S/RES/1228 (1999)", "zh", 2, 5, 0, 0),
    "S_RES_1754_2007__aujourdhui.fr.excerpt.txt": ("S/RES/1754 (2007)", "fr", 6, 4, 0, 0),
    "S_RES_1675_2006__spsrasd.es.excerpt.txt": ("S/RES/1675 (2006)", "es", 4, 3, 0, 0),
    "S_RES_1929_2010__iplex360.ru.excerpt.txt": ("S/RES/1929 (2010)", "ru", 3, 0, 0, 0),
    "S_RES_1263_1999__lica.ru.excerpt.txt": ("S/RES/1263 (1999)", "ru", 3, 1, 0, 0),
    "S_RES_1282_1999__lica.ru.excerpt.txt": ("S/RES/1282 (1999)", "ru", 2, 2, 0, 0),
    "S_RES_1263_1999__hrlibrary.en.txt": ("S/RES/1263 (1999)", "en", 3, 4, 0, 0),
    "S_RES_2351_2017__girlsrightsplatform.fr.excerpt.txt": ("S/RES/2351 (2017)", "fr", 7, 0, 0, 0),
    "S_2025_WesternSahara_draft_2025-10-17__moroccomail.es.excerpt.txt": (None, "es", 5, 0, 0, 0),
    "S_2025_WesternSahara_draft_2025-10-30__moroccomail.es.excerpt.txt": (None, "es", 5, 0, 0, 0),
    "A_RES_2758_XXVI__kantie.en.txt": ("A/RES/2758 (XXVI)", "en", 3, 1, 0, 0),
    "A_RES_2758_XXVI__langloishg.fr.txt": ("A/RES/2758 (XXVI)", "fr", 3, 1, 0, 0),
    "A_RES_2758_XXVI__eswikisource.es.txt": ("A/RES/2758 (XXVI)", "es", 3, 1, 0, 0),
    "S_RES_2797_2025__chamaly.es.excerpt.txt": ("S/RES/2797 (2025)", "es", 2, 0, 0, 0),
    # the French yearbook's text, OCR'd: one footnote each (291's mark was read "38" for "36")
    "S_RES_277_1970__machinman.fr.excerpt.txt": ("S/RES/277 (1970)", "fr", 5, 0, 4, 0),
    "S_RES_281_1970__machinman.fr.txt": ("S/RES/281 (1970)", "fr", 3, 3, 0, 1),
    "S_RES_291_1970__machinman.fr.txt": ("S/RES/291 (1970)", "fr", 3, 3, 0, 1),
}


def _counts(document):
    kinds = [p.kind for p in document.paragraphs]
    return (document.symbol, document.language, kinds.count(ParagraphKind.PREAMBULAR),
            kinds.count(ParagraphKind.OPERATIVE), sum(len(p.items) for p in document.paragraphs),
            len(document.footnotes))


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_real_texts_read_as_a_careful_reader_counts_them(name):
    documents = parse_file(LANGUAGES / name)
    assert len(documents) == 1
    assert _counts(documents[0]) == COUNTS[name]


def test_every_language_has_real_texts_pinned():
    assert {counts[1] for counts in COUNTS.values()} == {"zh", "en", "fr", "es", "ru", "ar"}


# What a web page prints around the text: its adoption line, licence note and links are
# furniture (listed, never glued to the last paragraph).
FURNITURE = {
    "web/S_RES_338_1973__lexicorient.en.txt": ["line 1: Bookmark and Share",
                                               "line 23: Adopted with 14 votes, while China abstained from voting."],
    "web/S_RES_1224_1999__iplex360.ru.txt": ["line 1: Правова система ipLex360", "line 2: Законодавство",
                                             "line 11: Перейти до повного тексту"],
    "web/A_RES_2758_XXVI__mondiplo.es.txt": ["line 7: 1967.ª sesión plenaria, 25 de octubre de 1971"],
    "S_RES_1518_2003__zhwikisource.zh.txt": ["line 17: 第4872次会议一致通过。"],
    "web/S_RES_338_1973__monbalagan.fr.txt": ["line 19: Adoptée à la 1748e séance par 14 voix contre 0"],
    "S_RES_381_1975__ppc-plo.ar.txt": ["line 13: تبنى المجلس هذا القرار, في"],
    "S_RES_1263_1999__hrlibrary.en.txt": ["line 36: Home || Treaties || Search || Links"],
    # "1976a." for "1976.ª": the wiki's own spelling of the plenary meeting's number
    "A_RES_2758_XXVI__eswikisource.es.txt": ["line 21: 1976a. sesión plenaria,", "line 22: 25 de octubre de 1971."],
    "A_RES_2758_XXVI__kantie.en.txt": ["line 7: 1976th plenary meeting,", "line 9: 决议原文。"],
}


@pytest.mark.parametrize("name", sorted(FURNITURE))
def test_adoption_lines_and_site_navigation_are_furniture(name):
    document = parse_file(LANGUAGES / name)[0]
    for line in FURNITURE[name]:
        assert line in document.furniture
    last = document.paragraphs[-1].body
    assert not any(line.split(": ", 1)[1] in last for line in FURNITURE[name])


# The resolution's own title, as its heading names it (with its adoption line), never a page's
# label, introduction, tags or headline: those are furniture. None where the page prints no title.
TITLES = {
    "web/S_RES_1224_1999__iplex360.ru.txt":
        ("Резолюция 1224 (1999), принятая Советом Безопасности на его 3971-м заседании, 28 января 1999 года",
         ["line 3: Резолюція", "line 4: Резолюція 1224 (1999), ухвалена Радою Безпеки на її 3971-му засіданні"]),
    "S_RES_1929_2010__iplex360.ru.excerpt.txt":
        ("Резолюция 1929 (2010), принятая Советом Безопасности на его 6335-м заседании", ["line 3: Резолюція"]),
    "S_RES_1263_1999__lica.ru.excerpt.txt":
        ("Резолюция 1263, принятая Советом Безопасности на его 4044-м заседании, 13 сентября 1999 года",
         ["line 1: Резолюція 1263,", "line 3: що прийнята Радою Безпеки на її 4044-му засіданні,", "line 5: 13 вересня 1999 року"]),
    "S_RES_1282_1999__lica.ru.excerpt.txt":
        ("Резолюция 1282 (1999), принятая Советом Безопасности на его 4080-м заседании, 14 декабря 1999 года", []),
    "web/S_RES_338_1973__monbalagan.fr.txt":
        (None, ["line 3: La résolution 338 est adoptée par le Conseil de sécurité, le 22 octobre 1973, pour mettre fin à la "
                "guerre du Kippour, déclenchée le 6 octobre 1973 par l'attaque de l'Égypte et de la Syrie contre Israël. "
                "Les négociations entre l'Égypte et Israël, encouragées par les États-Unis, sont entamées et en novembre 1977, "
                "le président Sadate se rend à Jérusalem. Les accords de Camp David en septembre 1978, parrainés par le "
                "président Carter, conduisent à un traité de paix entre les deux pays, signé le 26 mars 1979. Israël évacue "
                "la péninsule du Sinaï occupée en 1967.(1)"]),
    "S_RES_1754_2007__aujourdhui.fr.excerpt.txt":
        (None, ["line 1: Texte intégral de la résolution du Conseil de sécurité sur le Sahara"]),
    "S_RES_2351_2017__girlsrightsplatform.fr.excerpt.txt":
        ("Résolution 2351 (2017) Adoptée par le Conseil de Sécurité à sa 7933e séance, le 28 avril 2017",
         ["line 1: S/RES/2351 (2017)* Nations Unies Conseil de sécurité Distr. générale 28 avril 2017"]),
    "web/S_RES_2446_2018__unscr.en.txt":
        ("Resolution 2446 (2018) Adopted by the Security Council at its 8401st meeting, on 15 November 2018",
         ["line 1: S/RES/2446 (2018)", "line 2: Security Council Distr.: General 15 November 2018"]),
    "web/S_RES_338_1973__lexicorient.en.txt":
        ("UN Security Council Resolution 338", ["line 11: Detailed articleArticle with explanations", "line 13: October 22, 1973"]),
    "S_RES_1263_1999__hrlibrary.en.txt":
        ("Security Council resolution 1263 (1999) on the situation concerning Western Sahara "
         "Adopted by the Security Council at its 4044th meeting, on 13 September 1999",
         ["line 1: , U.N. Doc. S/RES/1263 (1999)."]),
    "S_RES_1518_2003__zhwikisource.zh.txt": ("联合国安理会第1518号决议", ["line 3: 维基文库,自由的图书馆"]),
    "web/S_RES_1232_1999__zhwikisource.zh.txt": ("联合国安理会第1232号决议", ["line 2: 外观"]),
    "web/S_RES_338_1973__marefa.ar.txt": ("قرار الأمم المتحدة 338 / أكتوبر 1973", ["line 2: قرارمجلس الأمن 338 |"]),
    "S_RES_338_1973__aljazeera.ar.txt": ("القرار رقم 338", ["line 8: نص القرار"]),
    "S_RES_381_1975__ppc-plo.ar.txt":
        ("قرار مجلس الأمن رقم 381 بتاريخ 30 تشرين الثاني (نوفمبر) 1975", ["line 1: دائرة العمل والتخطيط الفلسطيني"]),
    "S_RES_281_1970__machinman.fr.txt": ("Résolution 281 (1970) du 9 juin 1970", []),
    # an early Assembly resolution's numbered title, "2758 (XXVI). …", as the Assembly prints it
    "A_RES_2758_XXVI__kantie.en.txt": ("Restoration of the lawful rights of the People's Republic of China in the United Nations", []),
    "A_RES_2758_XXVI__langloishg.fr.txt":
        ("Rétablissement des droits légitimes de la République populaire de Chine à l’Organisation des Nations unies",
         ["line 1: La résolution 2758 de l’Assemblée générale des Nations unies"]),
    "A_RES_2758_XXVI__eswikisource.es.txt":
        ("Restitución de los legítimos derechos de la República Popular China en las Naciones Unidas.",
         ["line 3: De Wikisource, la biblioteca libre.",
          "line 5: Resolución 2758 (XXVI) de la Asamblea General de las Naciones Unidas,"]),
    "S_2025_WesternSahara_draft_2025-10-17__moroccomail.es.excerpt.txt":
        (None, ["line 1: Tags : Sahara Occidental, Marruecos, Frente Polisario, borrador de la resolución del Consejo de "
                "Seguridad de la ONU,"]),
    "S_2025_WesternSahara_draft_2025-10-30__moroccomail.es.excerpt.txt":
        (None, ["line 2: Esta es la versión más reciente, según una fuente fidedigna. Votación aplazada hasta el viernes",
                "line 3: Consejo de Seguridad"]),
}


@pytest.mark.parametrize("name", sorted(TITLES))
def test_the_title_is_the_resolutions_and_the_page_text_is_furniture(name):
    document = parse_file(LANGUAGES / name)[0]
    title, furniture = TITLES[name]
    assert document.title == title
    for line in furniture:
        assert line in document.furniture


def test_every_word_above_the_chapeau_is_the_titles_or_listed():
    from resdiff.parse.patterns import organ_of

    for name in TITLES:
        document = parse_file(LANGUAGES / name)[0]
        lines = (LANGUAGES / name).read_text(encoding="utf-8").split("\n")
        above = next((k for k, line in enumerate(lines) if organ_of(line.strip().strip('"'))), 0)
        listed = "\n".join(document.furniture)
        for number, line in enumerate(lines[:above], 1):
            for word in (w.strip(",.;:") for w in line.split()):
                # the number before a title ("2758 (XXVI).") is read as the symbol
                assert word in (document.title or "") or word in listed or word in (document.symbol or ""), \
                    (name, number, word)


def test_wiki_licence_note_is_furniture_not_operative_paragraphs():
    # The licence note's own list ("1. 官方纪录…") follows the adoption line: it is no part of the text.
    document = parse_file(LANGUAGES / "S_RES_1518_2003__zhwikisource.zh.txt")[0]
    assert [p.id for p in document.paragraphs if p.kind is ParagraphKind.OPERATIVE] == ["OP1", "OP2", "OP3", "OP4"]
    assert "line 23: 1. 官方纪录(会议、逐字、摘要记录等);" in document.furniture


def test_show_furniture_lists_a_web_pages_furniture_on_the_command_line():
    path = LANGUAGES / "web" / "S_RES_1232_1999__zhwikisource.zh.txt"
    result = subprocess.run([sys.executable, "-m", "resdiff", "parse", str(path), "--show-furniture", "--format", "json"],
                            capture_output=True, text=True, encoding="utf-8", check=True)
    furniture = json.loads(result.stdout)["documents"][0]["furniture"]
    assert "line 14: 第3990次会议一致通过。" in furniture
    assert furniture[-1] == "line 20: Public domainPublic domainfalsefalse"


# --- layouts and organs, each shown on a text made by hand in the form real ones take ----------


@pytest.mark.parametrize("chapeau, organ_symbol", [
    ("The Economic and Social Council,", None),
    ("Le Conseil économique et social,", None),
    ("The Human Rights Council,", None),
    ("Совет по правам человека,", None),
    ("إن مجلس حقوق الإنسان،", None),
    ("人权理事会，", None),
    ("El Consejo de Seguridad,", None),
])
def test_other_organs_chapeaus_open_a_text(chapeau, organ_symbol):
    # made by hand: a chapeau, one preambular paragraph in the same language, one operative
    openers = {"T": "Recalling its resolution 1/1,", "L": "Rappelant sa résolution 1/1,", "С": "ссылаясь на свою резолюцию 1/1,",
               "إ": "إذ يشير إلى قراره 1/1،", "人": "回顾其第1/1号决议，", "E": "Recordando su resolución 1/1,"}
    text = f"{chapeau}\n{openers[chapeau[0]]}\n1. Decides to act.\n"
    document = parse_text(text)[0]
    assert [p.id for p in document.paragraphs] == ["PP1", "OP1"]


def test_a_resolution_on_one_line_reads_as_the_official_layout():
    document = parse_file(LANGUAGES / "web" / "S_RES_2446_2018__unscr.en.txt")[0]
    assert [p.body[:14] for p in document.paragraphs] == [
        "Recalling its ", "Taking note of", "Determining th", "Acting under C", "Decides to ext", "Decides to rem"]


def test_arabic_numbering_with_a_dash_and_arabic_indic_digits():
    # made by hand: the layouts Arabic web pages print ("1-", "١-")
    for one, two in (("1-", "2-"), ("١-", "٢-"), ("1 -", "2 -")):
        text = f"إن مجلس الأمن،\nإذ يشير إلى قراراته السابقة،\n{one} يقرر تمديد الولاية؛\n{two} يقرر أن يبقي المسألة قيد نظره.\n"
        document = parse_text(text)[0]
        assert [(p.id, p.number) for p in document.paragraphs] == [("PP1", None), ("OP1", 1), ("OP2", 2)]


def test_sub_paragraph_labels_in_other_scripts():
    # made by hand: "a)" as French and Spanish print it, Cyrillic and Arabic letters
    cases = [
        ("Le Conseil de sécurité,\n1. Décide que :\na) Les juges mèneront l'affaire à son terme;\nb) Le mandat est prorogé.\n", ["a", "b"]),
        ("Совет Безопасности,\n1. постановляет, что:\nа) мандат продлевается;\nб) доклад представляется.\n", ["а", "б"]),
        ("إن مجلس الأمن،\nيقرر:\n(أ) أن يجتمع مرة أخرى؛\n(ب) أن يجدد الولاية؛\n(هـ) أن يطلب تقريرا.\n", ["أ", "ب", "هـ"]),
    ]
    for text, labels in cases:
        document = parse_text(text)[0]
        assert [item.label for item in document.paragraphs[-1].items] == labels


def test_french_sub_paragraph_labels_of_a_real_text():
    # resolution 277 (1970) in the French yearbook: a preambular paragraph "Notant … que:"
    # with four sub-paragraphs "a)" to "d)", as French prints the labels (and as the body keeps them)
    document = parse_file(LANGUAGES / "S_RES_277_1970__machinman.fr.excerpt.txt")[0]
    noting = document.paragraphs[3]
    assert noting.id == "PP4" and noting.body.startswith("Notant avec une profonde préoccupation que:\na) Les")
    assert [(item.label, item.text.split()[0]) for item in noting.items] == [
        ("a", "Les"), ("b", "Certains"), ("c", "Les"), ("d", "La")]


def test_an_unnumbered_decides_is_operative():
    document = parse_file(LANGUAGES / "web" / "A_RES_2758_XXVI__mondiplo.es.txt")[0]
    assert document.paragraphs[-1].kind is ParagraphKind.OPERATIVE
    assert document.paragraphs[-1].body.startswith("Decide restituir")


def test_two_arabic_preambular_paragraphs_run_together_are_two():
    document = parse_file(LANGUAGES / "S_RES_381_1975__ppc-plo.ar.txt")[0]
    assert [p.body[:8] for p in document.paragraphs[:3]] == ["وقد نظر ", "وقد أحاط", "وإذ يعرب"]


def test_one_text_in_three_languages_reads_alike():
    # resolution 1263 (1999): Chinese and English complete, Russian cut in OP1
    chinese, english, russian = (parse_file(LANGUAGES / name)[0] for name in (
        "S_RES_1263_1999__zhwikisource.zh.txt", "S_RES_1263_1999__hrlibrary.en.txt", "S_RES_1263_1999__lica.ru.excerpt.txt"))
    assert [p.id for p in chinese.paragraphs] == [p.id for p in english.paragraphs] == [
        "PP1", "PP2", "PP3", "OP1", "OP2", "OP3", "OP4"]
    assert [p.id for p in russian.paragraphs] == ["PP1", "PP2", "PP3", "OP1"]


def test_a_drafts_negotiator_labels_read_as_the_official_layout():
    # "PP1–" / "PP1." before preambular paragraphs, and a draft without its chapeau
    for name in ("S_2025_WesternSahara_draft_2025-10-17__moroccomail.es.excerpt.txt",
                 "S_2025_WesternSahara_draft_2025-10-30__moroccomail.es.excerpt.txt"):
        document = parse_file(LANGUAGES / name)[0]
        assert [p.body[:10] for p in document.paragraphs] == [
            "Recordando", "Expresando", "Reafirmand", "Tomando no", "Acogiendo "]
    text = "The Security Council,\nPP1. Recalling its resolutions,\nOP1. Decides to act;\nOP2. Decides to remain seized.\n"
    assert [(p.id, p.body) for p in parse_text(text)[0].paragraphs] == [
        ("PP1", "Recalling its resolutions,"), ("OP1", "Decides to act;"), ("OP2", "Decides to remain seized.")]


def test_a_chapeau_after_a_flattened_masthead_on_one_line():
    document = parse_file(LANGUAGES / "S_RES_2351_2017__girlsrightsplatform.fr.excerpt.txt")[0]
    assert [p.body.split()[0] for p in document.paragraphs] == [
        "Rappelant", "Réaffirmant", "Réaffirmant", "Demandant", "Considérant", "Se", "Soulignant"]


def test_section_headings_read_alike_in_the_official_and_the_web_layout():
    # made by hand: a Chinese text with two sections, as the official layout prints the headings
    # (numeral alone, title below) and as a web page does ("一、总则")
    official = "大会，\n\n回顾其各项决议，\n\n一\n总则\n\n1. 决定采取行动；\n\n2. 请提出报告；\n\n二\n后续行动\n\n3. 决定继续审议。\n"
    web = "大会，\n回顾其各项决议，\n一、总则\n1. 决定采取行动；\n2. 请提出报告；\n二、后续行动\n3. 决定继续审议。\n"
    english = ("The General Assembly,\n\nRecalling its resolutions,\n\nI\nScope\n\n1. Decides to act;\n\n"
               "2. Requests a report;\n\nII. Follow-up\n\n3. Decides to continue.\n")
    shapes = [[(p.id, p.kind.value) for p in parse_text(text)[0].paragraphs] for text in (official, web, english)]
    assert shapes[0] == shapes[1] == shapes[2] == [
        ("PP1", "preambular"), ("H1", "heading"), ("OP1", "operative"), ("OP2", "operative"), ("H2", "heading"),
        ("OP3", "operative")]
    assert [p.body for p in parse_text(web)[0].paragraphs if p.kind is ParagraphKind.HEADING] == ["一、总则", "二、后续行动"]


def test_arabic_and_latin_commas_are_one_mark_to_the_comparison():
    # made by hand: the same paragraph with the Arabic comma and with the Latin comma some Arabic
    # transcriptions print (as resolution 381's page does)
    from resdiff.compare import compare
    from resdiff.model import ChangeKind

    old = parse_text("إن مجلس الأمن،\nإذ يشير إلى قراراته السابقة،\n1- يقرر تمديد الولاية؛\n")[0]
    new = parse_text("إن مجلس الأمن,\nإذ يشير إلى قراراته السابقة,\n1- يقرر تمديد الولاية;\n")[0]
    assert [c.kind for c in compare(old, new).changes] == [ChangeKind.UNCHANGED, ChangeKind.UNCHANGED]


# --- a version pair outside English and Chinese, with footnotes: two renewals of one mandate ----


def test_a_french_renewal_pair_with_its_footnotes_compares_as_a_reader_reads_it():
    # Resolutions 281 (1970) and 291 (1970) renew the Cyprus force for six months each, in the
    # French yearbook's words; the second reworks the first's dates and adds 281 to the
    # resolutions it reaffirms. Each cites the Secretary-General's report in a footnote.
    from resdiff.compare import compare
    from resdiff.model import ChangeKind, Op

    old, new = (parse_file(LANGUAGES / name)[0] for name in (
        "S_RES_281_1970__machinman.fr.txt", "S_RES_291_1970__machinman.fr.txt"))
    assert old.footnotes[0].mark == "33" and [p.footnotes for p in old.paragraphs][0] == ("33",)
    assert "line 10: Adoptée à l'unanimité" in old.furniture and "line 11: d la 1543e séance." in old.furniture
    assert "line 10: Adoptée d l'unanimité à la 15648 séance." in new.furniture
    comparison = compare(old, new)
    assert [(c.kind, c.old, c.new) for c in comparison.changes] == [
        (ChangeKind.MODIFIED, ("PP1",), ("PP1",)), (ChangeKind.MODIFIED, ("PP2",), ("PP2",)),
        (ChangeKind.UNCHANGED, ("PP3",), ("PP3",)), (ChangeKind.MODIFIED, ("OP1",), ("OP1",)),
        (ChangeKind.UNCHANGED, ("OP2",), ("OP2",)), (ChangeKind.MODIFIED, ("OP3",), ("OP3",))]
    extended = comparison.changes[-1].inline
    assert [s.text.strip() for s in extended if s.op is Op.DELETE] == ["décembre 1970"]
    assert [s.text.strip() for s in extended if s.op is Op.INSERT] == ["juin 1971"]
    reaffirmed = [s.text for s in comparison.changes[3].inline if s.op is Op.INSERT]
    assert any("281 (1970) du 9 juin 1970" in text for text in reaffirmed)
    # The footnote cites the next report: one footnote, renumbered 33 -> 36 and modified; the
    # mark the OCR read "38" stays in the text, as printed, and the reference is reported lost.
    assert [(f.kind, f.old, f.new, f.renumbered) for f in comparison.footnotes] == [
        (ChangeKind.MODIFIED, "33", "36", True)]
    assert [(m.old, m.old_marks, m.new_marks) for m in comparison.marks] == [(("PP1",), ("33",), ())]


def test_the_adoption_line_above_a_footnote_area_is_listed_not_lost():
    # made by hand in the yearbook's layout, with the rule printed and without it (as a web
    # page or an OCR leaves it); the date under an adoption line is no footnote
    for rule in ("__________\n", ""):
        text = ("Le Conseil de sécurité,\nNotant le rapport du Secrétaire général, en date du 1er juin 1970 3,\n"
                "1. Décide de proroger le mandat.\nAdoptée à l'unanimité à la 1543e séance.\n"
                f"{rule}3 Ibid., document S/9814.\n")
        document = parse_text(text)[0]
        assert [(f.mark, f.text) for f in document.footnotes] == [("3", "Ibid., document S/9814.")]
        assert document.paragraphs[0].footnotes == ("3",)
        # the rule printed is listed; the one a web page lost is given back to read the area, never listed
        assert document.furniture == ("line 4: Adoptée à l'unanimité à la 1543e séance.",) + (("line 5: __________",) if rule else ())
    english = "The Security Council,\n1. Decides to act.\n1st plenary meeting\n2 March 2022\n"
    assert parse_text(english)[0].furniture == ("line 3: 1st plenary meeting", "line 4: 2 March 2022")


def test_one_assembly_resolution_in_three_languages_agrees_with_itself():
    # resolution 2758 (XXVI) in English, French and Spanish as three sites print it: the same
    # four paragraphs, and nothing that survives translation differs (the plenary meeting's
    # line, "1976th" or "1976a.", is the page's furniture, not the operative paragraph's end)
    from resdiff.check import check

    english, french, spanish = (parse_file(LANGUAGES / name)[0] for name in (
        "A_RES_2758_XXVI__kantie.en.txt", "A_RES_2758_XXVI__langloishg.fr.txt", "A_RES_2758_XXVI__eswikisource.es.txt"))
    assert english.symbol == french.symbol == spanish.symbol == "A/RES/2758 (XXVI)"
    for a, b in ((french, english), (spanish, english), (spanish, french)):
        result = check(a, b)
        assert [(p.a, p.b) for p in result.pairs] == [("PP1", "PP1"), ("PP2", "PP2"), ("PP3", "PP3"), ("OP1", "OP1")]
        assert not result.disagrees


def test_a_spanish_draft_and_its_adopted_text():
    # the Western Sahara draft as circulated on 30 October 2025 and resolution 2797 (2025) as
    # adopted the next day, both in Spanish, both cut by their pages (the adopted text in its
    # second paragraph): the first preambular paragraph lost "la cuestión del" on adoption
    from resdiff.compare import compare
    from resdiff.model import ChangeKind, Op

    draft, adopted = (parse_file(LANGUAGES / name)[0] for name in (
        "S_2025_WesternSahara_draft_2025-10-30__moroccomail.es.excerpt.txt", "S_RES_2797_2025__chamaly.es.excerpt.txt"))
    first = compare(draft, adopted).changes[0]
    assert (first.kind, first.old, first.new) == (ChangeKind.MODIFIED, ("PP1",), ("PP1",))
    assert [(s.op, s.text.strip()) for s in first.inline if s.op is not Op.EQUAL] == [
        (Op.DELETE, "la cuestión del"), (Op.INSERT, "el")]


def test_a_page_printing_two_language_versions_on_one_line_gives_two_texts():
    # resolution 2758 (XXVI) in English and then in Chinese (Traditional script, the early
    # volumes' Chinese numerals "二七五八 (二十六)."), all on one line of a blog page: two
    # documents, each with its title, its unnumbered operative paragraph after the last
    # preambular one's comma ("…Security Council, Decides …", "…之一, 決定:…"), its adoption line
    # as furniture, and the two agree paragraph for paragraph
    from resdiff.check import check

    english, chinese = parse_file(LANGUAGES / "A_RES_2758_XXVI__blophin.en+zh-Hant.txt")
    assert [_counts(d) for d in (english, chinese)] == [
        ("A/RES/2758 (XXVI)", "en", 3, 1, 0, 0), ("A/RES/2758 (XXVI)", "zh", 3, 1, 0, 0)]
    assert (english.title, chinese.title) == (
        "Restoration of the lawful rights of the People's Republic of China in the United Nations", "恢復中華人民共和國在聯合國的合法權利")
    assert english.paragraphs[-1].body.startswith("Decides to restore") and english.paragraphs[-1].body.endswith("related to it.")
    assert chinese.paragraphs[-1].body.startswith("決定:恢復") and chinese.paragraphs[-1].body.endswith("驅逐出去。")
    assert english.furniture == ("line 1: 聯合國二七五八號決議文 |", "line 8: 1967th plenary meeting, 25 October 1971.")
    assert chinese.furniture == ("line 15: 一九七一年十月二十五日, 第一九七六次全體會議。",
                                 "line 16: 英文資料來源:聯合國網站 中文資料來源:聯合國網站簡體中文網頁 |")
    assert not check(chinese, english).disagrees
