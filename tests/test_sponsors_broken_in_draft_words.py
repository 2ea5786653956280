"""A sponsors line broken inside its draft words, as a long list breaks it ("…, Chile and
Canada: revised draft" / "resolution", "…、智利和加拿大：订正" / "决议草案"), is the sponsors line,
compared with the old one; the title and agenda item are unchanged. Before, it was glued to the
title ("Albania, Andorra, Chile and Canada: revised draft resolution Situation of human rights in
Somewhere") and the old sponsors line was "Only in L.12 (old)"."""

from __future__ import annotations

from typer.testing import CliRunner

from resdiff.cli import app
from resdiff.parse import parse_text

EN = ("United Nations A/C.3/80/L.12\nGeneral Assembly Distr.: Limited\n20 October 2025\nThird Committee\n"
      "Agenda item 71 (c)\nPromotion and protection of human rights\nAlbania, Andorra and Canada: draft resolution\n"
      "Situation of human rights in Somewhere\nThe General Assembly,\nGuided by the Charter,\n1. Decides to act;\n"
      "2. Requests a report.\n")
EN_BROKEN = EN.replace("Andorra and Canada: draft resolution", "Andorra, Chile and Canada: revised draft\nresolution")
ZH = ("联合国 A/C.3/80/L.12\n大会 Distr.: Limited\n2025 年 10 月 20 日\n第三委员会\n议程项目 71(c)\n促进和保护人权\n"
      "阿尔巴尼亚、安道尔和加拿大：决议草案\n某地人权状况\n大会，\n遵循《宪章》，\n1. 决定采取行动；\n2. 请提交报告。\n")
ZH_BROKEN = ZH.replace("阿尔巴尼亚、安道尔和加拿大：决议草案", "阿尔巴尼亚、安道尔、智利和加拿大：订正\n决议草案")


def test_the_broken_line_is_the_sponsors_line():
    english = parse_text(EN_BROKEN)[0]
    assert (english.title, english.agenda_item, english.sponsors) == (
        "Situation of human rights in Somewhere", "Agenda item 71 (c) Promotion and protection of human rights",
        "Albania, Andorra, Chile and Canada: revised draft resolution")
    chinese = parse_text(ZH_BROKEN)[0]
    assert (chinese.title, chinese.agenda_item, chinese.sponsors) == (
        "某地人权状况", "议程项目 71(c) 促进和保护人权", "阿尔巴尼亚、安道尔、智利和加拿大：订正决议草案")


def test_diff_compares_the_sponsors_lines(tmp_path):
    for name, old, new, expected in (
        ("en", EN, EN_BROKEN,
         "Albania, Andorra[- -]{+, Chile +}and Canada: {+revised +}draft resolution\n"
         "Situation of human rights in Somewhere\n"),
        ("zh", ZH, ZH_BROKEN, "阿尔巴尼亚、安道尔{+、智利+}和加拿大：{+订正+}决议草案\n某地人权状况\n"),
    ):
        (tmp_path / f"{name}0.txt").write_text(old, encoding="utf-8")
        (tmp_path / f"{name}1.txt").write_text(new, encoding="utf-8")
        result = CliRunner().invoke(app, ["--ui-lang", "en", "diff", str(tmp_path / f"{name}0.txt"),
                                          str(tmp_path / f"{name}1.txt"), "--only-changes", "--exit-code"])
        assert result.exit_code == 1, result.output
        assert result.stdout == (
            "A/C.3/80/L.12 (2025-10-20) → A/C.3/80/L.12 (2025-10-20)\n" + expected +
            "3 unchanged  0 modified  0 added  0 removed  0 merged  0 split  0 moved  0 renumbered\n"
            "Changed: 1 part of the header\n"
            "Left out as page furniture: 4 lines of L.12 (old), 4 lines of L.12 (new) (--show-furniture lists them)\n"
            "\n"
            "The paragraphs and footnotes read the same.\n"), name
