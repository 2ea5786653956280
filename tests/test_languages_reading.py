"""Reading the forms French, Spanish, Russian and Arabic texts print as an English or Chinese
reader expects them read: a draft's masthead (title, sponsors line, agenda item, date), footnotes
numbered in brackets and marks set before the Arabic comma, inserted "bis" paragraphs.

Each text is written as the UN prints that language's version, cut to a few paragraphs.
"""

from __future__ import annotations

import json

import pytest
from helpers import ROOT, run_command

from resdiff.parse import parse_text

# A Third Committee draft's first page, in five languages: (masthead lines, the chapeau and
# paragraphs, the sponsors line's first country, the same with a co-sponsor added).
MASTHEADS = {
    "en": ("United Nations A/C.3/80/L.15\nGeneral Assembly Distr.: Limited\n20 October 2025\nThird Committee\n"
           "Agenda item 71 (b)\nPromotion and protection of human rights\n"
           "Belgium, France and Luxembourg: draft resolution\nThe right to food\n"
           "The General Assembly,\nRecalling its resolution 79/166,\n1. Reaffirms that hunger is an outrage;\n"
           "2. Decides to remain seized of the matter.\n", "Belgium, France", "Belgium, Chile, France"),
    "fr": ("Nations Unies A/C.3/80/L.15\nAssemblée générale Distr. limitée\n20 octobre 2025\nTroisième Commission\n"
           "Point 71 b) de l'ordre du jour\nPromotion et protection des droits humains\n"
           "Belgique, France et Luxembourg : projet de résolution\nDroit à l'alimentation\n"
           "L'Assemblée générale,\nRappelant sa résolution 79/166,\n1. Réaffirme que la faim est un outrage ;\n"
           "2. Décide de poursuivre l'examen de la question.\n", "Belgique, France", "Belgique, Chili, France"),
    "es": ("Naciones Unidas A/C.3/80/L.15\nAsamblea General Distr. limitada\n20 de octubre de 2025\nTercera Comisión\n"
           "Tema 71 b) del programa\nPromoción y protección de los derechos humanos\n"
           "Bélgica, Francia y Luxemburgo: proyecto de resolución\nEl derecho a la alimentación\n"
           "La Asamblea General,\nRecordando su resolución 79/166,\n1. Reafirma que el hambre es un ultraje;\n"
           "2. Decide seguir examinando la cuestión.\n", "Bélgica, Francia", "Bélgica, Chile, Francia"),
    "ru": ("Организация Объединенных Наций A/C.3/80/L.15\nГенеральная Ассамблея Distr.: Limited\n20 октября 2025 года\n"
           "Третий комитет\nПункт 71 b повестки дня\nПоощрение и защита прав человека\n"
           "Бельгия, Франция и Люксембург: проект резолюции\nПраво на питание\n"
           "Генеральная Ассамблея,\nссылаясь на свою резолюцию 79/166,\n"
           "1. вновь подтверждает, что голод является возмутительным явлением;\n"
           "2. постановляет продолжить рассмотрение этого вопроса.\n", "Бельгия, Франция", "Бельгия, Чили, Франция"),
    "ar": ("الأمم المتحدة A/C.3/80/L.15\nالجمعية العامة Distr.: Limited\n20 تشرين الأول/أكتوبر 2025\nاللجنة الثالثة\n"
           "البند 71 (ب) من جدول الأعمال\nتعزيز حقوق الإنسان وحمايتها\nبلجيكا وفرنسا ولكسمبرغ: مشروع قرار\n"
           "الحق في الغذاء\nإن الجمعية العامة،\nإذ تشير إلى قرارها 79/166،\n1 - تؤكد من جديد أن الجوع إهانة؛\n"
           "2 - تقرر مواصلة النظر في هذه المسألة.\n", "بلجيكا وفرنسا", "بلجيكا وشيلي وفرنسا"),
}
# (title, agenda item, sponsors line) as each language prints them.
MASTHEAD_READ = {
    "en": ("The right to food", "Agenda item 71 (b) Promotion and protection of human rights",
           "Belgium, France and Luxembourg: draft resolution"),
    "fr": ("Droit à l'alimentation", "Point 71 b) de l'ordre du jour Promotion et protection des droits humains",
           "Belgique, France et Luxembourg : projet de résolution"),
    "es": ("El derecho a la alimentación", "Tema 71 b) del programa Promoción y protección de los derechos humanos",
           "Bélgica, Francia y Luxemburgo: proyecto de resolución"),
    "ru": ("Право на питание", "Пункт 71 b повестки дня Поощрение и защита прав человека",
           "Бельгия, Франция и Люксембург: проект резолюции"),
    "ar": ("الحق في الغذاء", "البند 71 (ب) من جدول الأعمال تعزيز حقوق الإنسان وحمايتها",
           "بلجيكا وفرنسا ولكسمبرغ: مشروع قرار"),
}


@pytest.mark.parametrize("language", sorted(MASTHEADS))
def test_a_drafts_masthead_reads_alike_in_every_language(language):
    text = MASTHEADS[language][0]
    (document,) = parse_text(text, "draft.txt")
    title, agenda, sponsors = MASTHEAD_READ[language]
    assert (document.language, document.symbol, document.date) == (language, "A/C.3/80/L.15", "2025-10-20")
    assert (document.title, document.agenda_item, document.sponsors) == (title, agenda, sponsors)
    assert [p.id for p in document.paragraphs] == ["PP1", "OP1", "OP2"]


@pytest.mark.parametrize("language", sorted(MASTHEADS))
def test_a_co_sponsor_added_is_one_part_of_the_header_not_the_title(tmp_path, language):
    text, before, after = MASTHEADS[language]
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(text, encoding="utf-8")
    assert text.count(before) == 1
    new.write_text(text.replace(before, after), encoding="utf-8")
    result = run_command("diff", str(old), str(new), "--only-changes", "--lang", "en")
    lines = result.stdout.splitlines()
    assert lines[0] == "A/C.3/80/L.15 (2025-10-20) → A/C.3/80/L.15 (2025-10-20)"
    assert lines[2] == MASTHEAD_READ[language][0]  # the title, unchanged
    assert "Changed: 1 part of the header" in lines
    assert not any("the title" in line for line in lines)


@pytest.mark.parametrize(("line", "date"), [
    ("20 October 2025", "2025-10-20"), ("1er juin 1970", "1970-06-01"), ("3 août 2024", "2024-08-03"),
    ("20 de octubre de 2025", "2025-10-20"), ("7 de setiembre de 2021", "2021-09-07"),
    ("20 октября 2025 года", "2025-10-20"), ("20 تشرين الأول/أكتوبر 2025", "2025-10-20"),
    ("٢٠ حزيران/يونيه ٢٠٢٥", "2025-06-20"), ("2025年10月20日", "2025-10-20"),
])
def test_the_masthead_date_in_each_languages_form(line, date):
    (document,) = parse_text(f"A/C.3/80/L.15\n{line}\nThe right to food\nThe General Assembly,\n1. Decides to act.\n",
                             "draft.txt")
    assert document.date == date


# --- footnotes numbered in brackets ---

_V2_AR = ("إن الجمعية العامة،\nإذ تشير إلى الإعلان العالمي لحقوق الإنسان(1)،\n1 - تقرر أن تتخذ إجراءات؛\n"
          "2 - تقرر مواصلة النظر في هذه المسألة.\n__________\n(1) القرار 217 ألف (د-3).\n")
_V2_EN = ("The General Assembly,\nRecalling the Universal Declaration of Human Rights,(1)\n1. Decides to act;\n"
          "2. Decides to remain seized of the matter.\n__________\n(1) Resolution 217 A (III).\n")


def _read(text: str):
    (document,) = parse_text(text, "text.txt")
    return ([(p.id, p.text, p.footnotes) for p in document.paragraphs],
            [(f.mark, f.text) for f in document.footnotes], [str(w) for w in document.warnings])


@pytest.mark.parametrize(("text", "expected"), [
    (_V2_AR, ([("PP1", "إذ تشير إلى الإعلان العالمي لحقوق الإنسان،", ("1",)), ("OP1", "تقرر أن تتخذ إجراءات؛", ()),
               ("OP2", "تقرر مواصلة النظر في هذه المسألة.", ())], [("1", "القرار 217 ألف (د-3).")], [])),
    (_V2_AR.replace("(1)", "(١)"),
     ([("PP1", "إذ تشير إلى الإعلان العالمي لحقوق الإنسان،", ("١",)), ("OP1", "تقرر أن تتخذ إجراءات؛", ()),
       ("OP2", "تقرر مواصلة النظر في هذه المسألة.", ())], [("١", "القرار 217 ألف (د-3).")], [])),
    (_V2_EN, ([("PP1", "Recalling the Universal Declaration of Human Rights,", ("1",)), ("OP1", "Decides to act;", ()),
               ("OP2", "Decides to remain seized of the matter.", ())], [("1", "Resolution 217 A (III).")], [])),
])
def test_footnotes_numbered_in_brackets_are_read_as_footnotes(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize(("text", "paragraph"), [
    (_V2_AR.replace("الإنسان(1)،", "الإنسان (1)،"), ("PP1", "إذ تشير إلى الإعلان العالمي لحقوق الإنسان،", ("1",))),
    (_V2_EN.replace("Rights,(1)", "Rights (1),"), ("PP1", "Recalling the Universal Declaration of Human Rights,", ("1",))),
    # a number in brackets that is the text's own stays: no footnote of that number, or not before punctuation
    ("The General Assembly,\nRecalling paragraph (1) of the Convention, and article 5 (1),\n1. Decides to act.\n",
     ("PP1", "Recalling paragraph (1) of the Convention, and article 5 (1),", ())),
    ("The General Assembly,\nRecalling the Convention (1),\n1. Decides to act.\n",
     ("PP1", "Recalling the Convention (1),", ())),
])
def test_a_mark_in_brackets_set_apart_from_its_word_is_read_where_its_footnote_is(text, paragraph):
    assert _read(text)[0][0] == paragraph


def test_a_footnote_in_brackets_changed_is_a_footnote_change_not_a_paragraphs(tmp_path):
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(_V2_AR, encoding="utf-8")
    new.write_text(_V2_AR.replace("(د-3)", "(د-4)"), encoding="utf-8")
    result = run_command("diff", str(old), str(new), "--only-changes", "--lang", "en")
    lines = result.stdout.splitlines()
    assert lines[1] == "3 unchanged  0 modified  0 added  0 removed  0 merged  0 split  0 moved  0 renumbered"
    assert "Changed: 1 footnote" in lines
    assert lines[-2:] == ["[modified]  old.txt footnote 1 → new.txt footnote 1  (95% alike)", "القرار 217 ألف (د-[-3-]{+4+})."]


_V3_AR = ("إن الجمعية العامة،\nإذ تشير إلى الإعلان العالمي لحقوق الإنسان1،\nوإذ تشير إلى العهد الدولي2،\n"
          "1 - تقرر أن تتخذ إجراءات3؛\n2 - تقرر مواصلة النظر في هذه المسألة.\n__________\n"
          "1 القرار 217 ألف (د-3).\n2 القرار 2200 ألف (د-21).\n3 A/80/123.\n")


def test_arabic_marks_before_the_arabic_comma_and_semicolon_are_read():
    paragraphs, footnotes, warnings = _read(_V3_AR)
    assert paragraphs == [("PP1", "إذ تشير إلى الإعلان العالمي لحقوق الإنسان،", ("1",)),
                          ("PP2", "وإذ تشير إلى العهد الدولي،", ("2",)), ("OP1", "تقرر أن تتخذ إجراءات؛", ("3",)),
                          ("OP2", "تقرر مواصلة النظر في هذه المسألة.", ())]
    assert [mark for mark, _ in footnotes] == ["1", "2", "3"]
    assert warnings == []


@pytest.mark.parametrize(("text", "warning"), [
    ("The General Assembly,\nRecalling the Universal Declaration of Human Rights,\n1. Decides to act;\n"
     "2. Decides to remain seized of the matter.\n__________\n1 Resolution 217 A (III).\n2 A/80/123.\n",
     "document: footnotes 1, 2 are cited by no paragraph: their marks may be missing or misread"),
    (_V3_AR.replace("الإنسان1،", "الإنسان،").replace("الدولي2،", "الدولي،").replace("إجراءات3؛", "إجراءات؛"),
     "document: footnotes 1, 2, 3 are cited by no paragraph: their marks may be missing or misread"),
    ("The General Assembly,\nRecalling the Universal Declaration of Human Rights,\n1. Decides to act.\n"
     "__________\n1 Resolution 217 A (III).\n",
     "document: footnote 1 is cited by no paragraph: its mark may be missing or misread"),
])
def test_footnotes_no_paragraph_cites_are_said_even_when_none_is_cited(text, warning):
    assert _read(text)[2] == [warning]


# --- paragraphs inserted "bis" in Russian and Arabic ---

_BIS = {
    "ar": ("إن الجمعية العامة،\nإذ تشير إلى قرارها 60/1،\n1 - تقرر أن تتخذ إجراءات؛\n2 - تطلب تقديم تقرير؛\n"
           "2 مكررا - تدعو الدول إلى التعاون؛\n3 - تقرر مواصلة النظر في هذه المسألة.\n", "2 مكررا - ",
           "تدعو الدول إلى التعاون؛"),
    "ru": ("Генеральная Ассамблея,\nссылаясь на свою резолюцию 60/1,\n1. постановляет действовать;\n"
           "2. просит представить доклад;\n2 бис. предлагает государствам сотрудничать;\n"
           "3. постановляет продолжить рассмотрение этого вопроса.\n", "2 бис. ", "предлагает государствам сотрудничать;"),
    "fr": ("L'Assemblée générale,\nRappelant sa résolution 60/1,\n1. Décide d'agir ;\n2. Demande un rapport ;\n"
           "2 bis. Invite les États à coopérer ;\n3. Décide de rester saisie de la question.\n", "2 bis. ",
           "Invite les États à coopérer ;"),
}


@pytest.mark.parametrize(("language", "number"), [("ar", "2 مكررا - "), ("ar", "2 مكرراً - "), ("ru", "2 бис. "),
                                                  ("ru", "2-бис. "), ("fr", "2 bis. ")])
def test_an_inserted_bis_paragraph_is_a_paragraph_of_its_own(language, number):
    text, printed, words = _BIS[language]
    paragraphs, _, warnings = _read(text.replace(printed, number))
    assert [p[0] for p in paragraphs] == ["PP1", "OP1", "OP2", "OP2bis", "OP3"]
    assert paragraphs[3][1] == words
    assert warnings == []


@pytest.mark.parametrize("language", ["ar", "ru"])
def test_an_inserted_bis_paragraph_is_added_in_the_diff(tmp_path, language):
    text, printed, words = _BIS[language]
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text("".join(line for line in text.splitlines(True) if not line.startswith(printed)), encoding="utf-8")
    new.write_text(text, encoding="utf-8")
    lines = run_command("diff", str(old), str(new), "--only-changes", "--lang", "en").stdout.splitlines()
    assert lines[1:] == ["4 unchanged  0 modified  1 added  0 removed  0 merged  0 split  0 moved  0 renumbered", "",
                         "[added]  new.txt OP2bis", "{+" + words + "+}"]


@pytest.mark.parametrize(("text", "number"), [
    (_BIS["ru"][0].replace("2 бис. ", "2 бис "), "2 бис"), (_BIS["ar"][0].replace("2 مكررا - ", "2 مكررا "), "2 مكررا")])
def test_a_bis_number_without_its_punctuation_glued_on_is_said(text, number):
    assert _read(text)[2] == [f"document: a paragraph numbered “{number}” is read as part of OP2: check it by hand"]


# --- sub-paragraph labels printed "a)" ---

_LABELS = {
    "fr": ("L'Assemblée générale,\nRappelant sa résolution 79/166,\n1. Demande aux États :\na) De prendre des mesures ;\n"
           "b) De coopérer.\n2. Décide de poursuivre l'examen de la question.\n",
           "Demande aux États :\na) De prendre des mesures ;\nb) De coopérer."),
    "es": ("La Asamblea General,\nRecordando su resolución 79/166,\n1. Exhorta a los Estados a:\na) Adoptar medidas;\n"
           "b) Cooperar.\n2. Decide seguir examinando la cuestión.\n", "Exhorta a los Estados a:\na) Adoptar medidas;\nb) Cooperar."),
    "ru": ("Генеральная Ассамблея,\nссылаясь на свою резолюцию 79/166,\n1. призывает государства:\nа) принять меры;\n"
           "б) сотрудничать.\n2. постановляет продолжить рассмотрение этого вопроса.\n",
           "призывает государства:\nа) принять меры;\nб) сотрудничать."),
    "en": ("The General Assembly,\nRecalling its resolution 79/166,\n1. Calls upon States:\n(a) To take measures;\n"
           "(b) To cooperate.\n2. Decides to remain seized of the matter.\n", "Calls upon States:\n(a) To take measures;\n(b) To cooperate."),
}


@pytest.mark.parametrize("language", sorted(_LABELS))
def test_sub_paragraph_labels_are_printed_as_the_text_prints_them(language):
    text, body = _LABELS[language]
    (document,) = parse_text(text, "text.txt")
    assert document.paragraphs[1].body == body
    assert [item.label for item in document.paragraphs[1].items] == (["а", "б"] if language == "ru" else ["a", "b"])


def test_the_json_says_how_a_label_is_printed_where_not_in_brackets(tmp_path):
    source = tmp_path / "fr.txt"
    source.write_text(_LABELS["fr"][0], encoding="utf-8")
    data = json.loads(run_command("parse", str(source), "--format", "json").stdout)
    assert data["documents"][0]["paragraphs"][1]["items"] == [
        {"label": "a", "text": "De prendre des mesures ;", "footnotes": [], "printed": "a)"},
        {"label": "b", "text": "De coopérer.", "footnotes": [], "printed": "b)"}]


def test_the_word_file_prints_the_labels_as_the_text_does(tmp_path):
    import zipfile
    source, out = tmp_path / "fr.txt", tmp_path / "fr.docx"
    source.write_text(_LABELS["fr"][0], encoding="utf-8")
    assert run_command("diff", str(source), str(source), "-o", str(out)).returncode == 0
    xml = zipfile.ZipFile(out).read("word/document.xml").decode()
    assert "a) De prendre des mesures" in xml and "b) De coopérer." in xml
    assert "(a)" not in xml and "(b)" not in xml


@pytest.mark.parametrize("language", ["fr", "ru"])
def test_a_change_of_label_form_is_a_quiet_difference_that_is_counted(tmp_path, language):
    text = _LABELS[language][0]
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(text, encoding="utf-8")
    labels = ("а", "б") if language == "ru" else ("a", "b")
    new.write_text(text.replace(f"\n{labels[0]}) ", f"\n({labels[0]}) ").replace(f"\n{labels[1]}) ", f"\n({labels[1]}) "),
                   encoding="utf-8")
    result = run_command("diff", str(old), str(new), "--only-changes", "--lang", "en")
    assert result.stdout.splitlines()[1:] == [
        "3 unchanged  0 modified  0 added  0 removed  0 merged  0 split  0 moved  0 renumbered",
        "Width or spacing only: 1 paragraph", "",
        "No changes in wording: the versions differ in width or spacing only (shown without --only-changes)."]
    data = json.loads(run_command("diff", str(old), str(new), "--format", "json").stdout)
    (op1,) = [c for c in data["changes"] if c["old"] == ["OP1"]]
    assert op1["kind"] == "unchanged"
    assert [s["text"] for s in op1["inline"] if s["op"] != "equal"] == ["(", "("]


def test_the_store_keeps_how_labels_are_printed(tmp_path, monkeypatch):
    source = tmp_path / "A_C.3_80_L.15.fr.txt"
    source.write_text(_LABELS["fr"][0], encoding="utf-8")
    monkeypatch.setenv("RESDIFF_STORE", str(tmp_path / "store.db"))
    assert run_command("add", str(source)).returncode == 0
    result = run_command("diff", "A/C.3/80/L.15", str(source), "--offline", "--format", "json")
    changes = json.loads(result.stdout)["changes"]
    assert [(c["kind"], [s["op"] for s in c["inline"]]) for c in changes] == [("unchanged", ["equal"])] * 3


# --- the parse JSON of sub-paragraphs in every script validates ---

_SCRIPTS = [
    _LABELS["ru"][0], _LABELS["fr"][0],
    "إن الجمعية العامة،\nإذ تشير إلى قرارها 79/166،\n1 - تهيب بالدول:\n(أ) أن تتخذ تدابير؛\n(ب) أن تتعاون؛\n(هـ) أن تقدم تقارير.\n"
    "2 - تقرر مواصلة النظر في هذه المسألة.\n",
]


@pytest.mark.parametrize("text", _SCRIPTS)
def test_the_parse_json_of_cyrillic_arabic_and_latin_labels_validates(tmp_path, text):
    import jsonschema

    source = tmp_path / "text.txt"
    source.write_text(text, encoding="utf-8")
    data = json.loads(run_command("parse", str(source), "--format", "json").stdout)
    labels = [item["label"] for item in data["documents"][0]["paragraphs"][1]["items"]]
    assert labels in (["a", "b"], ["а", "б"], ["أ", "ب", "هـ"])
    schema = json.loads((ROOT / "resdiff" / "schemas" / "parse.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)


@pytest.mark.parametrize(("text", "paragraph"), [
    ("L'Assemblée générale,\nRappelant « Droit à l'alimentation »1,\n1. Décide d'agir.\n__________\n1 Résolution 79/166.\n",
     ("PP1", "Rappelant « Droit à l'alimentation »,", ("1",))),
    ("L'Assemblée générale,\nRappelant «Droit à l'alimentation»1,\n1. Décide d'agir.\n__________\n1 Résolution 79/166.\n",
     ("PP1", "Rappelant «Droit à l'alimentation»,", ("1",))),
    ("Генеральная Ассамблея,\nссылаясь на «Право на питание»1,\n1. постановляет действовать.\n__________\n"
     "1 Резолюция 79/166.\n", ("PP1", "ссылаясь на «Право на питание»,", ("1",))),
    ("The General Assembly,\nRecalling “The right to food”1,\n1. Decides to act.\n__________\n1 Resolution 79/166.\n",
     ("PP1", "Recalling “The right to food”,", ("1",))),
])
def test_a_footnote_mark_after_a_closing_guillemet_is_read(text, paragraph):
    paragraphs, footnotes, warnings = _read(text)
    assert (paragraphs[0], len(footnotes), warnings) == (paragraph, 1, [])


# --- unnumbered operative paragraphs opening with common verbs ---

_UNNUMBERED = {
    "en": ("The General Assembly,\nRecalling its resolution 79/166,\nDecides to act;\n{}\nDecides to remain seized of the matter.\n",
           ["Notes the report;", "Recalls its resolution;", "Recognizes the role of States;", "Reiterates its call;",
            "Considers the matter;", "Acknowledges the work;", "Supports the efforts;", "Affirms the right;",
            "Highlights the need;", "Pays tribute to the staff;", "Looks forward to the report;"]),
    "fr": ("L'Assemblée générale,\nRappelant sa résolution 79/166,\nDécide d'agir ;\n{}\nDécide de rester saisie de la question.\n",
           ["Note le rapport ;", "Rappelle sa résolution ;", "Réitère son appel ;", "Constate les progrès ;",
            "Estime nécessaire d'agir ;", "Considère la question ;", "Remercie les États ;", "Rend hommage au personnel ;",
            "Insiste sur la nécessité ;"]),
    "es": ("La Asamblea General,\nRecordando su resolución 79/166,\nDecide actuar;\n{}\nDecide seguir examinando la cuestión.\n",
           ["Reconoce la función;", "Observa el informe;", "Recuerda su resolución;", "Reitera su llamamiento;",
            "Pone de relieve la necesidad;", "Hace hincapié en la necesidad;", "Destaca la labor;", "Señala el informe;",
            "Acoge con satisfacción el informe;"]),
    "ru": ("Генеральная Ассамблея,\nссылаясь на свою резолюцию 79/166,\nпостановляет действовать;\n{}\n"
           "постановляет продолжить рассмотрение этого вопроса.\n",
           ["отмечает доклад;", "особо отмечает необходимость;", "напоминает о своей резолюции;", "признает роль государств;",
            "считает необходимым действовать;", "высоко оценивает работу;", "с удовлетворением отмечает доклад;"]),
}


@pytest.mark.parametrize(("language", "paragraph"), [(language, paragraph) for language, (_, paragraphs)
                                                     in sorted(_UNNUMBERED.items()) for paragraph in paragraphs])
def test_an_unnumbered_operative_paragraph_opening_with_a_common_verb_is_a_paragraph(language, paragraph):
    template = _UNNUMBERED[language][0]
    paragraphs, _, _ = _read(template.format(paragraph))
    assert [(p[0], p[1]) for p in paragraphs][2] == ("OP2", paragraph)
    assert [p[0] for p in paragraphs] == ["PP1", "OP1", "OP2", "OP3"]


def test_a_number_in_brackets_run_into_a_word_is_text_where_no_such_footnote_is_printed():
    text = ("The General Assembly,\n\nRecalling Additional Protocol I(1) to the Geneva Conventions,\n\n"
            "Noting that, under rule X(2), the Committee acts,\n\n1. Decides to act;\n\n2. Requests a report.\n")
    (document,) = parse_text(text, "k.txt")
    assert [(p.text, p.footnotes) for p in document.paragraphs[:2]] == [
        ("Recalling Additional Protocol I(1) to the Geneva Conventions,", ()),
        ("Noting that, under rule X(2), the Committee acts,", ())]
    assert document.warnings == ()
