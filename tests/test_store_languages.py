"""A symbol stored in several languages: diff compares two revisions in one language, and names
the languages in its heading where the two sides are in two."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from resdiff.cli import app

MASTHEAD = {
    "fr": ("Nations Unies A/C.3/80/L.15\nAssemblée générale Distr. limitée\n20 octobre 2025\nTroisième Commission\n"
           "Point 71 b) de l'ordre du jour\nPromotion et protection des droits humains\n"
           "Belgique, France et Luxembourg : projet de résolution\nDroit à l'alimentation\nL'Assemblée générale,\n"
           "Rappelant sa résolution 79/166,\n1. Réaffirme que la faim est un outrage ;\n"
           "2. Décide de poursuivre l'examen de la question.\n"),
    "ru": ("Организация Объединенных Наций A/C.3/80/L.15\nГенеральная Ассамблея Distr.: Limited\n"
           "20 октября 2025 года\nТретий комитет\nПункт 71 b повестки дня\nПоощрение и защита прав человека\n"
           "Бельгия, Франция и Люксембург: проект резолюции\nПраво на питание\nГенеральная Ассамблея,\n"
           "ссылаясь на свою резолюцию 79/166,\n1. вновь подтверждает, что голод является надругательством;\n"
           "2. постановляет продолжить рассмотрение этого вопроса.\n"),
    "en": ("United Nations A/C.3/80/L.15\nGeneral Assembly Distr.: Limited\n20 October 2025\nThird Committee\n"
           "Agenda item 71 (b)\nPromotion and protection of human rights\nBelgium and France: draft resolution\n"
           "The right to food\nThe General Assembly,\nRecalling the Universal Declaration of Human Rights,\n"
           "1. Reaffirms that hunger is an outrage;\n2. Decides to continue its consideration of the question.\n"),
}


def run(*args: str):
    return CliRunner().invoke(app, [*args, "--offline"])


@pytest.fixture
def store(tmp_path):
    """L.15 in French, Russian and English (revision 1 of each), then a Russian revision 2."""
    path = str(tmp_path / "store.db")
    files = []
    for language, text in MASTHEAD.items():
        files.append(tmp_path / f"{language}.txt")
        files[-1].write_text(text, encoding="utf-8")
    revised = tmp_path / "ru2.txt"
    revised.write_text(MASTHEAD["ru"].replace("79/166", "79/167"), encoding="utf-8")
    assert CliRunner().invoke(app, ["add", *map(str, files), "--store", path]).exit_code == 0
    assert CliRunner().invoke(app, ["add", str(revised), "--store", path]).exit_code == 0
    return path, tmp_path


def test_two_revisions_are_compared_in_the_one_language_holding_both(store):
    path, _ = store
    result = run("diff", "L.15@1", "L.15@2", "--stat", "--store", path)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[:3] == [
        "A/C.3/80/L.15 rev 1 (2025-10-20) → A/C.3/80/L.15 rev 2 (2025-10-20)",
        "Право на питание",
        "2 unchanged  1 modified  0 added  0 removed  0 merged  0 split  0 moved  0 renumbered"]
    assert result.stderr == ("resdiff: note: the texts in ru are compared, the one language both L.15@1 and L.15@2 "
                             "are stored in\n")


def test_the_latest_and_the_first_revision_in_the_language_stored_last(store):
    path, _ = store
    result = run("diff", "L.15@1", "L.15", "--stat", "--store", path)
    assert result.stdout.splitlines()[:2] == [
        "A/C.3/80/L.15 rev 1 (2025-10-20) → A/C.3/80/L.15 rev 2 (2025-10-20)", "Право на питание"]
    assert result.stderr.splitlines() == [
        "resdiff: note: L.15@1 and L.15 are both stored in fr, en, ru: the texts in ru are compared, the language "
        "stored last (--lang picks another)",
        "resdiff: note: L.15 is A/C.3/80/L.15 rev 2, the latest stored revision (L.15@1 names the first)"]
    # --lang chooses, as before
    english = run("diff", "L.15@1", "L.15", "--stat", "--lang", "en", "--store", path)
    assert english.stdout.splitlines()[:2] == ["A/C.3/80/L.15 (2025-10-20) → A/C.3/80/L.15 (2025-10-20)",
                                              "The right to food"]
    assert english.stderr == ""


def test_a_stored_symbol_beside_a_file_is_taken_in_the_file_language(store):
    path, folder = store
    result = run("diff", "L.15", str(folder / "fr.txt"), "--exit-code", "--store", path)
    assert result.exit_code == 0 and result.stdout.splitlines()[3] == "Droit à l'alimentation"
    assert result.stderr == (f"resdiff: note: L.15 is stored in fr, en, ru: its text in fr is compared, the language "
                             f"of {folder / 'fr.txt'} (--lang picks another)\n")


def test_one_symbol_in_two_languages_is_named_with_its_languages_in_the_heading(store):
    path, folder = store
    result = run("diff", "L.15@2", str(folder / "en.txt"), "--stat", "--store", path)
    assert result.stdout.splitlines()[0] == "A/C.3/80/L.15 rev 2 [ru] (2025-10-20) → A/C.3/80/L.15 [en] (2025-10-20)"
    assert "is in Russian and A/C.3/80/L.15 [en] in English" in result.stderr
    assert "both files also hold" not in result.stderr
    markdown = run("diff", "L.15@2", str(folder / "en.txt"), "--format", "markdown", "--store", path).stdout
    assert markdown.startswith("# A/C.3/80/L.15 rev 2 \\[ru\\] → A/C.3/80/L.15 \\[en\\]\n")
