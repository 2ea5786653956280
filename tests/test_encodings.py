"""Encodings and line ends are detected without options and parse identically."""

from __future__ import annotations

import codecs
from dataclasses import replace

import pytest

from conftest import CORPUS, SAMPLE
from resdiff.parse import parse_bytes

ENGLISH = CORPUS / "en" / "A_C.3_78_L.41.en.txt"


def encodings(text: str):
    yield "utf-8", text.encode("utf-8")
    yield "utf-8-bom", codecs.BOM_UTF8 + text.encode("utf-8")
    yield "utf-16-le-bom", codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    yield "utf-16-be-bom", codecs.BOM_UTF16_BE + text.encode("utf-16-be")
    yield "crlf", text.replace("\n", "\r\n").encode("utf-8")
    yield "utf-16-crlf", codecs.BOM_UTF16_LE + text.replace("\n", "\r\n").encode("utf-16-le")
    yield "gb18030", text.encode("gb18030")
    yield "gb18030-crlf", text.replace("\n", "\r\n").encode("gb18030")


def without_source(documents):
    return tuple(replace(d, source=None) for d in documents)


@pytest.mark.parametrize("path", [SAMPLE, ENGLISH], ids=["sample-zh", "L.41-en"])
def test_every_encoding_parses_identically(path):
    text = path.read_text(encoding="utf-8")
    expected = without_source(parse_bytes(text.encode("utf-8"), "x.txt"))
    assert expected and all(d.paragraphs for d in expected)
    seen = []
    for name, data in encodings(text):
        assert without_source(parse_bytes(data, "x.txt")) == expected, name
        seen.append(name)
    assert len(seen) == 8


def test_gbk_sample_is_not_mistaken_for_utf8():
    text = SAMPLE.read_text(encoding="utf-8")
    data = text.encode("gbk", errors="strict") if all(_gbk(ch) for ch in text) else text.encode("gb18030")
    documents = parse_bytes(data, "x.txt")
    assert [d.symbol for d in documents] == ["A/C.2/65/L.22", "A/C.2/65/L.56"]
    assert documents[0].title == "信息和通信技术促进发展"


def _gbk(ch: str) -> bool:
    try:
        ch.encode("gbk")
        return True
    except UnicodeEncodeError:
        return False


def test_a_french_text_in_windows_1252_is_not_read_as_gb18030(tmp_path):
    from resdiff.parse import parse_file

    text = ("L'Assemblée générale,\n\nRappelant sa résolution 64/187 sur les technologies de l'information,\n\n"
            "Prenant note du rapport du Secrétaire général,\n\n1. Décide de poursuivre l'examen de la question;\n")
    path = tmp_path / "fr.txt"
    path.write_bytes(text.encode("cp1252"))
    (document,) = parse_file(str(path))
    assert document.language == "fr"
    assert [p.text for p in document.paragraphs] == [
        "Rappelant sa résolution 64/187 sur les technologies de l'information,",
        "Prenant note du rapport du Secrétaire général,",
        "Décide de poursuivre l'examen de la question;",
    ]


# The legacy encodings a text in each script may come in; the language is the file name's.
LEGACY = {"zh-Hant": ("big5", "cp950"), "zh": ("gb18030",), "ru": ("cp1251", "koi8_r", "cp866"), "ar": ("cp1256",),
          "fr": ("cp1252",), "es": ("cp1252",), "en": ("cp1252",)}


def _real_texts():
    from conftest import FIXTURES

    for path in sorted((FIXTURES / "languages").rglob("*.txt")):
        language = next((lang for lang in LEGACY if f".{lang}." in path.name), None)
        if language is None:
            continue
        text = path.read_text(encoding="utf-8")
        for encoding in LEGACY[language]:
            try:
                data = text.encode(encoding)
            except UnicodeEncodeError:  # a letter the encoding lacks (a Ukrainian і in KOI8-R)
                continue
            if not data.isascii():
                yield path, encoding, data


def test_real_texts_in_their_scripts_legacy_encodings_parse_as_in_utf8():
    # Before, anything not UTF-8 or GB18030 was read as Windows-1252: a Big5, Windows-1251 or
    # Windows-1256 file became accented Latin letters, with no word of warning.
    seen = set()
    for path, encoding, data in _real_texts():
        expected = without_source(parse_bytes(path.read_text(encoding="utf-8").encode("utf-8"), path.name))
        assert without_source(parse_bytes(data, path.name)) == expected, (path.name, encoding)
        seen.add(encoding)
    assert seen == {"big5", "cp950", "gb18030", "cp1251", "koi8_r", "cp866", "cp1256", "cp1252"}


def test_a_russian_draft_in_the_dos_code_page_is_read_as_russian():
    # Before, CP866 (named CP1125, its Ukrainian twin, by the detector) was read as Windows-1252:
    # a gibberish title, "language fr", no word on the encoding.
    text = ("Организация Объединенных Наций A/C.3/80/L.15\nГенеральная Ассамблея Distr.: Limited\n"
            "20 октября 2025 года\nТретий комитет\nПункт 71 b повестки дня\nПоощрение и защита прав человека\n"
            "Бельгия, Франция и Люксембург: проект резолюции\nПраво на питание\nГенеральная Ассамблея,\n"
            "ссылаясь на свою резолюцию 79/166,\n1. вновь подтверждает, что голод является надругательством;\n"
            "2. постановляет продолжить рассмотрение этого вопроса.\n")
    document = parse_bytes(text.encode("cp866"), "ru866.txt")[0]
    assert (document.title, document.language, document.warnings) == ("Право на питание", "ru", ())
    assert without_source(parse_bytes(text.encode("cp866"), "x.txt")) == without_source(parse_bytes(text.encode(), "x.txt"))
