"""The adoption block printed date first ("2023 年 12 月 18 日" / "第 77 次全体会议", "18 December
2023" / "77th plenary meeting") is the text's adoption lines, listed with the page furniture as in
the other order: never stray text after the last paragraph (warned, --strict failing), never
glued into the last part's last operative paragraph of a resolution in parts."""

from __future__ import annotations

import pytest

from resdiff.compare import compare
from resdiff.parse import parse_text

ZH = "大会，\n\n注意到委员会的报告，\n\n1. 敦促所有国家合作；\n\n2. 请该部继续工作。\n\n"
EN = "The General Assembly,\n\nRecalling x,\n\n1. Decides to act;\n\n2. Requests a report.\n\n"
ZH_PARTS = ("78/999. 新闻问题\n\nA\n信息为人类服务\n\n大会，\n\n注意到委员会的报告，\n\n1. 敦促所有国家合作；\n\n"
            "2. 请提交报告。\n\nB\n联合国新闻政策和活动\n\n大会，\n\n强调全球传播部的作用，\n\n"
            "1. 重申新闻委员会的核心作用；\n\n2. 请该部继续工作。\n\n")
EN_PARTS = ("78/999. Questions relating to information\n\nA\nInformation in the service of humanity\n\n"
            "The General Assembly,\n\nTaking note of the report of the Committee,\n\n"
            "1. Urges all countries to cooperate;\n\n2. Requests a report.\n\nB\n"
            "United Nations public information policies and activities\n\nThe General Assembly,\n\n"
            "Emphasizing the role of the Department of Global Communications,\n\n"
            "1. Reaffirms the central role of the Committee on Information;\n\n"
            "2. Requests the Department to continue its work.\n\n")
ZH_BLOCK = "2023 年 12 月 18 日\n第 77 次全体会议\n"
EN_BLOCK = "18 December 2023\n77th plenary meeting\n"


def _read(text: str):
    (document,) = parse_text(text, "z.txt")
    return ([(p.id, p.text) for p in document.paragraphs][-1], [str(f) for f in document.furniture],
            [str(w) for w in document.warnings])


@pytest.mark.parametrize(("text", "last", "lines"), [
    (ZH + ZH_BLOCK, ("OP2", "请该部继续工作。"), ["line 9: 2023 年 12 月 18 日", "line 10: 第 77 次全体会议"]),
    (ZH + "2023年12月18日\n第77次全体会议\n", ("OP2", "请该部继续工作。"),
     ["line 9: 2023年12月18日", "line 10: 第77次全体会议"]),
    (ZH + "第 77 次全体会议\n2023 年 12 月 18 日\n", ("OP2", "请该部继续工作。"),
     ["line 9: 第 77 次全体会议", "line 10: 2023 年 12 月 18 日"]),
    (EN + EN_BLOCK, ("OP2", "Requests a report."), ["line 9: 18 December 2023", "line 10: 77th plenary meeting"]),
    (ZH_PARTS + ZH_BLOCK, ("B.OP2", "请该部继续工作。"),
     ["line 25: 2023 年 12 月 18 日", "line 26: 第 77 次全体会议"]),
    (EN_PARTS + EN_BLOCK, ("B.OP2", "Requests the Department to continue its work."),
     ["line 25: 18 December 2023", "line 26: 77th plenary meeting"]),
    (ZH_PARTS.replace("\n\n", "\n") + ZH_BLOCK, ("B.OP2", "请该部继续工作。"),
     ["line 14: 2023 年 12 月 18 日", "line 15: 第 77 次全体会议"]),
    (EN_PARTS.replace("\n\n", "\n") + EN_BLOCK, ("B.OP2", "Requests the Department to continue its work."),
     ["line 14: 18 December 2023", "line 15: 77th plenary meeting"]),
])
def test_the_date_above_the_meeting_line_is_the_adoption_block(text, last, lines):
    assert _read(text) == (last, lines, [])


def test_a_changed_date_is_no_rewording_of_the_last_paragraph():
    (old,) = parse_text(ZH_PARTS + ZH_BLOCK, "old.txt")
    (new,) = parse_text(ZH_PARTS + ZH_BLOCK.replace("18 日", "19 日"), "new.txt")
    assert {c.kind.value for c in compare(old, new).changes} == {"unchanged"}
    assert [str(f) for f in new.furniture] == ["line 25: 2023 年 12 月 19 日", "line 26: 第 77 次全体会议"]


def test_a_date_that_ends_the_last_paragraphs_sentence_stays_its_text():
    # "…the meeting on" / "15 May 2025." wraps the paragraph's own words onto a line of their own
    text = EN.replace("Requests a report.", "Decides to convene the meeting on\n15 May 2025.") + "77th plenary meeting\n"
    assert _read(text) == (("OP2", "Decides to convene the meeting on 15 May 2025."),
                           ["line 10: 77th plenary meeting"], [])


def test_a_text_on_one_line_ends_at_its_date_and_meeting_line_in_either_order():
    one_line = ("The General Assembly, Recalling its resolutions, Noting the report, 1. Decides to act; "
                "2. Requests a report. {block}\n")
    for block in ("18 December 2023 77th plenary meeting", "77th plenary meeting 18 December 2023"):
        assert _read(one_line.format(block=block)) == (("OP2", "Requests a report."), [f"line 6: {block}"], [])
