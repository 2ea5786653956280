"""Unnumbered operative paragraphs opening with the common verbs of the six languages' operative
parts ("Notes", "Recognizes", "Reconoce", "Rappelle", "отмечает", "تشير") are paragraphs of their
own, not the rest of the paragraph before; a line after a semicolon that opens with a verb the
tables lack is named in a warning."""

from __future__ import annotations

import pytest

from resdiff.parse import parse_text


def operative(text: str) -> list[str]:
    (document,) = parse_text(text, "x.txt")
    return [p.text for p in document.paragraphs if p.kind.value == "operative"]


CASES = [
    ("The Security Council,\nRecalling its previous resolutions,\nTakes note of the report;\n{verb} the efforts of the parties;\n"
     "Decides to remain seized of the matter.\n",
     ["Notes", "Recalls", "Recognizes", "Reiterates", "Considers", "Acknowledges", "Supports", "Affirms",
      "Highlights", "Pays tribute to", "Looks forward to"]),
    ("El Consejo de Seguridad,\nRecordando sus resoluciones anteriores,\nToma nota del informe;\n{verb} los esfuerzos de las partes;\n"
     "Decide seguir ocupándose de la cuestión.\n",
     ["Reconoce", "Observa", "Recuerda", "Reitera", "Pone de relieve", "Hace hincapié en", "Destaca", "Señala",
      "Acoge con satisfacción"]),
    ("Le Conseil de sécurité,\nRappelant ses résolutions antérieures,\nPrend note du rapport ;\n{verb} les efforts des parties ;\n"
     "Décide de rester saisi de la question.\n",
     ["Note", "Rappelle", "Réitère", "Constate", "Estime", "Considère", "Remercie", "Rend hommage à", "Insiste sur"]),
    ("Совет Безопасности,\nссылаясь на свои предыдущие резолюции,\nпринимает к сведению доклад;\n{verb} усилия сторон;\n"
     "постановляет продолжать заниматься этим вопросом.\n",
     ["отмечает", "особо отмечает", "напоминает", "признает", "считает", "высоко оценивает", "с удовлетворением отмечает"]),
    ("إن مجلس الأمن،\nإذ يشير إلى قراراته السابقة،\nيحيط علما بالتقرير؛\n{verb} جهود الأطراف؛\nيقرر أن يبقي المسألة قيد نظره.\n",
     ["يسلم ب", "يعترف ب", "يشيد ب", "يدعم", "يرى أهمية"]),
]


@pytest.mark.parametrize("template, verb", [(t, v) for t, verbs in CASES for v in verbs])
def test_each_verb_opens_an_operative_paragraph_of_its_own(template, verb):
    text = template.format(verb=verb)
    (document,) = parse_text(text, "x.txt")
    lines = text.split("\n")
    assert operative(text) == [lines[2], lines[3], lines[4]]
    assert document.warnings == ()


def test_a_verb_the_tables_lack_is_named_in_a_warning():
    text = ("The Security Council,\nRecalling its previous resolutions,\nTakes note of the report;\n"
            "Compliments the efforts of the parties;\nDecides to remain seized of the matter.\n")
    (document,) = parse_text(text, "x.txt")
    assert operative(text) == ["Takes note of the report; Compliments the efforts of the parties;",
                               "Decides to remain seized of the matter."]
    assert [str(w) for w in document.warnings] == [
        "document: line 4: “Compliments the efforts of the parties;” is read as part of the operative paragraph "
        "above, whose line before it ends with “;”: if it opens an operative paragraph of its own (with a verb "
        "resdiff does not know), that paragraph is misread"]


def test_a_numbered_paragraph_wrapped_after_a_semicolon_is_no_such_line():
    text = ("The Security Council,\nRecalling its previous resolutions,\n1. Takes note of the reports of Mali;\n"
            "Niger and Chad;\n2. Decides to remain seized of the matter.\n")
    (document,) = parse_text(text, "x.txt")
    assert document.warnings == ()


ZH_VERBS = ["决定", "请", "鼓励", "敦促", "呼吁", "欢迎", "重申", "强调", "确认", "表示", "赞扬", "促请", "吁请", "邀请",
            "支持", "建议", "认可", "注意到", "又决定", "鼓勵", "歡迎", "呼籲"]


@pytest.mark.parametrize("verb", ZH_VERBS)
def test_each_chinese_verb_opens_an_operative_paragraph_of_its_own(verb):
    # Before, only 决定/请/吁请/促请/敦促/要求/核准/授权 did: "鼓励…；" or "欢迎…；" (also preambular
    # openers) was read into the paragraph before. A Chinese verb opens either part; the end
    # ("，" or "；"/"。") tells them apart.
    text = f"安全理事会，\n回顾其以往各项决议，\n请秘书长提交报告；\n{verb}各方作出的努力；\n决定继续处理此案。\n"
    (document,) = parse_text(text, "x.txt")
    assert operative(text) == ["请秘书长提交报告；", f"{verb}各方作出的努力；", "决定继续处理此案。"]
    assert [p.text for p in document.paragraphs if p.kind.value == "preambular"] == ["回顾其以往各项决议，"]
    assert document.warnings == ()


def test_chinese_preambular_paragraphs_opening_with_the_same_verbs_stay_preambular():
    text = "大会，\n欢迎秘书长的报告，\n重申其承诺，\n注意到各国的努力，\n请各国合作；\n鼓励各国交流经验；\n决定继续审议这个问题。\n"
    (document,) = parse_text(text, "x.txt")
    assert [(p.kind.value, p.text) for p in document.paragraphs] == [
        ("preambular", "欢迎秘书长的报告，"), ("preambular", "重申其承诺，"), ("preambular", "注意到各国的努力，"),
        ("operative", "请各国合作；"), ("operative", "鼓励各国交流经验；"), ("operative", "决定继续审议这个问题。")]
