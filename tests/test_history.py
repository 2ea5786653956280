"""resdiff history: the proceedings a committee report records, Chinese and English."""

from __future__ import annotations

import json

import jsonschema
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import FIXTURES, ROOT, SAMPLE
from resdiff.history import header_links, proceedings

EN_REPORT = FIXTURES / "reports" / "second_committee_report_made_by_hand_en.txt"


def _history(path):
    result = CliRunner().invoke(app_(), ["history", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    jsonschema.validate(data, json.loads((ROOT / "resdiff" / "schemas" / "history.schema.json").read_text()))
    return data


def app_():
    from resdiff.cli import app

    return app


def _brief(event):
    return (event["kind"], event["date"], event["meeting"], event["symbol"],
            [s["name"] for s in event["speakers"]], event["timing"])


def test_chinese_sample_timeline():
    data = _history(SAMPLE)
    assert data["schema"] == "resdiff.history/1" and data["agenda_item"] == "17"
    assert [_brief(e) for e in data["events"]] == [
        ("introduced", "2010-11-04", 27, "A/C.2/65/L.22", ["也门"], None),
        ("submitted", "2010-11-24", 31, "A/C.2/65/L.56", ["让·克洛迪·皮埃尔(海地)"], None),
        ("statement", "2010-11-24", 31, "A/C.2/65/L.56", ["美利坚合众国"], "before"),
        ("adopted", "2010-11-24", 31, "A/C.2/65/L.56", [], None),
        ("statement", "2010-11-24", 31, "A/C.2/65/L.56", ["比利时", "加拿大"], "after"),
        ("withdrawn", "2010-11-24", 31, "A/C.2/65/L.22", [], None),
    ]
    introduced, submitted, _, _, after, _ = data["events"]
    assert introduced["speakers"][0]["on_behalf_of"] == "属于 77 国集团的联合国会员国和中国"
    assert submitted["speakers"][0]["role"] == "副主席" and submitted["basis"] == "A/C.2/65/L.22"
    assert after["speakers"][0]["on_behalf_of"].startswith("欧洲联盟")
    assert after["speakers"][1] == {"name": "加拿大", "on_behalf_of": "澳大利亚和新西兰", "also": True, "role": None}


def test_english_report_timeline():
    data = _history(EN_REPORT)
    assert data["report"] == "A/65/440" and data["agenda_item"] == "23"
    assert [_brief(e) for e in data["events"]] == [
        ("introduced", "2010-11-04", 27, "A/C.2/65/L.30", ["Yemen"], None),
        ("submitted", "2010-11-24", 31, "A/C.2/65/L.61", ["Jean Claudy Pierre (Haiti)"], None),
        ("revised", "2010-11-24", 31, "A/C.2/65/L.61", ["Vice-Chair"], None),
        ("revised", "2010-11-24", 31, "A/C.2/65/L.61", ["Paraguay"], None),
        ("statement", "2010-11-24", 31, "A/C.2/65/L.61", ["United States of America"], "before"),
        ("adopted", "2010-11-24", 31, "A/C.2/65/L.61", [], None),
        ("statement", "2010-11-24", 31, "A/C.2/65/L.61", ["Belgium", "Canada", "Trinidad and Tobago"], "after"),
        ("withdrawn", "2010-11-24", 31, "A/C.2/65/L.30", [], None),
    ]
    events = data["events"]
    assert events[0]["speakers"][0]["on_behalf_of"].endswith("members of the Group of 77 and China")
    assert events[1]["speakers"][0]["role"] == "Vice-Chair" and events[1]["basis"] == "A/C.2/65/L.30"
    assert events[5]["detail"] == "as orally revised, recorded vote 150-1-3"
    assert events[6]["speakers"][1]["also"] is True


def test_english_phrasings_of_other_reports():
    text = ("1. At its 40th meeting, on 21 November 2023, the Committee had before it draft resolution A/C.3/78/L.41.\n"
            "2. The Vice-Chair of the Committee, Ms. A (Ghana), submitted a draft resolution entitled "
            "\"X\" (A/C.3/78/L.60), submitted on the basis of informal consultations held on draft resolution "
            "A/C.3/78/L.41.\n"
            "3. At the same meeting, draft resolution A/C.3/78/L.41 was introduced by the representative of Canada.\n"
            "4. Also at its 40th meeting, the Committee adopted draft resolution A/C.3/78/L.60 without a vote (see para. 9).\n")
    events = proceedings(text).events
    assert [(e.kind.value, e.symbol, e.date) for e in events] == [
        ("submitted", "A/C.3/78/L.60", "2023-11-21"),
        ("introduced", "A/C.3/78/L.41", "2023-11-21"),
        ("adopted", "A/C.3/78/L.60", "2023-11-21"),
    ]
    assert events[0].speakers[0].name == "Ms. A (Ghana)" and events[0].basis == "A/C.3/78/L.41"
    assert events[2].detail == "without a vote"


def test_header_links_of_adopted_resolutions():
    corpus = FIXTURES / "corpus" / "en"
    assert header_links((corpus / "A_RES_80_1.md").read_text(encoding="utf-8")) == (("draft", "A/80/L.2/Rev.1"),)
    assert header_links((corpus / "A_RES_ES-11_1.en.txt").read_text(encoding="utf-8")) == (("draft", "A/ES-11/L.1"),)
    assert header_links("[根据第二委员会的报告(A/65/433)通过]") == (("report", "A/65/433"),)


def test_history_text_output_and_a_file_without_proceedings():
    result = CliRunner().invoke(app_(), ["history", str(SAMPLE)])
    lines = result.output.splitlines()
    assert lines[0] == "Proceedings, agenda item 17"
    assert lines[1].split()[:5] == ["2010-11-04", "meeting", "27", "introduced", "A/C.2/65/L.22"]
    plain = CliRunner().invoke(app_(), ["history", str(FIXTURES / "corpus" / "en" / "A_RES_80_2.md"), "--format", "json"])
    assert plain.exit_code == 1 and plain.stdout == ""  # a resolution is no committee report: an error, below


# The rule for an adoption's manner as one pattern, which scanned 300 characters from every
# "以记录表决" of a paragraph: the rule that replaced it finds exactly what it found.
_FORMER_ZH_ADOPTED = r"(未经表决|以记录表决[^，,]{0,300}?)?\s*[，,]?\s*通过了?(经口头订正的)?决议草案\s*("


@settings(max_examples=300)
@example("以记录表决" + "x" * 300 + " ，通过了决议草案A/C.2/65/L.22")  # the longest vote
@example("以记录表决" + "x" * 301 + "通过了决议草案A/C.2/65/L.22")  # one character too long
@example("以记录表决x，以记录表决y通过决议草案A/C.2/65/L.22以记录表决通过了经口头订正的决议草案A/C.2/65/L.56")
@given(st.lists(st.sampled_from(["未经表决", "以记录表决", "通过", "通过了", "经口头订正的", "决议草案", "A/C.2/65/L.22",
                                 " ", "，", ",", "（150票对2票）", "x", "未经", "x" * 290]), max_size=14).map("".join))
def test_the_manner_of_adoption_is_found_as_the_former_pattern_found_it(body):
    import re

    from resdiff.parse import reports

    former = re.compile(_FORMER_ZH_ADOPTED + reports.DRAFT + ")")
    found, previous = [], 0
    for match in reports._ZH_ADOPTED.finditer(body):
        found.append((reports._zh_manner(body, previous, match.start()), match.group(1), match.group(2)))
        previous = match.end()
    assert found == [(m.group(1), m.group(2), m.group(3)) for m in former.finditer(body)]


def test_history_names_no_report_by_a_symbol_a_footnote_cites(tmp_path, capsys):
    """A draft cites the report A/78/53 in footnote 3 ("(A/78/53), chap. III."): no report's symbol; a
    resolution text is no committee report, one error line and exit status 2, as any other text."""
    from resdiff.cli import main

    from conftest import CORPUS

    draft = CORPUS / "en" / "A_C.3_78_L.41.en.txt"
    for argv in (["history", str(draft)], ["history", str(draft), "--format", "json"]):
        with pytest.raises(SystemExit) as exit_:
            main(argv)
        assert exit_.value.code == 2
        assert capsys.readouterr() == ("", f"resdiff: error: {draft} reads as a resolution text (A/C.3/78/L.41), not "
                                           "a committee report: history needs a committee report quoting drafts, with "
                                           "the narrative of their introduction, revision and adoption\n")
    zh = CORPUS / "zh" / "A_RES_68_262.zh-Hans.excerpt_start.txt"
    with pytest.raises(SystemExit) as exit_:
        main(["history", str(zh), "--ui-lang", "zh"])
    assert exit_.value.code == 2
    assert capsys.readouterr() == ("", f"resdiff：错误：{zh} 读作决议文本（A/RES/68/262），不是委员会报告：history "
                                       "需要引述决议草案的委员会报告，其中叙述草案的介绍、订正和通过经过\n")
    hello = tmp_path / "hello.txt"
    hello.write_text("Hello world\n", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_:
        main(["history", str(hello)])
    assert exit_.value.code == 2


def test_an_option_without_its_value_points_to_its_command_help(capsys):
    from resdiff.cli import main

    for argv, command in ((["diff", "a.txt", "b.txt", "--old"], "diff"), (["history", "x.txt", "--format"], "history")):
        with pytest.raises(SystemExit) as exit_:
            main(argv)
        assert exit_.value.code == 2
        assert capsys.readouterr().err == (f"resdiff: error: Option '{argv[-1]}' requires an argument "
                                           f"(see 'resdiff {command} --help')\n")
