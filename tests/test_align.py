"""Alignment rules on small hand-written cases, in English and Chinese."""

from __future__ import annotations

from resdiff.compare import compare
from resdiff.inline import for_display

from helpers import document, rows

PP = [
    "Recalling its resolution 64/187 of 21 December 2009 on information and communications technologies for development,",
    "Noting with appreciation the report of the Broadband Commission for Digital Development,",
    "Concerned that the financial and economic crisis has had a negative impact on investment in infrastructure,",
    "Welcoming the efforts of the host countries of the Internet Governance Forum,",
]
OP = [
    "Recognizes that information and communications technologies can help to meet development challenges;",
    "Expresses concern about the widening gap in broadband connectivity between countries;",
    "Encourages all stakeholders to strengthen cooperation to implement the outcomes of the World Summit;",
    "Decides to extend the mandate of the Internet Governance Forum for a further five years;",
    "Requests the Secretary-General to submit a report on the implementation of the present resolution;",
]


def test_identical_documents_are_all_unchanged():
    doc = document(PP, OP)
    assert [r[2] for r in rows(compare(doc, doc))] == ["unchanged"] * 9


def test_an_inserted_operative_paragraph_renumbers_the_rest_without_moving_them():
    old = document(PP, OP)
    new = document(PP, OP[:1] + ["Acknowledges the gender gap in access to the digital economy;"] + OP[1:])
    result = rows(compare(old, new))
    assert ((), ("OP2",), "added", False, False) in result
    assert (("OP2",), ("OP3",), "unchanged", False, True) in result
    assert (("OP5",), ("OP6",), "unchanged", False, True) in result
    assert not any(r[3] for r in result)


def test_a_paragraph_moved_up_is_flagged_moved_and_only_it():
    old = document(PP, OP)
    new = document([PP[3]] + PP[:3], OP)
    result = rows(compare(old, new))
    assert result[0] == (("PP4",), ("PP1",), "unchanged", True, False)
    assert [r for r in result if r[3]] == [result[0]]


def test_a_preambular_paragraph_that_became_operative_is_found():
    old = document(PP, OP)
    # Last preambular → first operative: its place among the others is the same, so not moved.
    new = document(PP[:3], ["Welcomes the efforts of the host countries of the Internet Governance Forum;"] + OP)
    result = rows(compare(old, new))
    assert (("PP4",), ("OP1",), "modified", False, False) in result
    # Into the middle of the operative part: moved.
    new = document(PP[:3], OP[:3] + ["Welcomes the efforts of the host countries of the Internet Governance Forum;"] + OP[3:])
    result = rows(compare(old, new))
    assert (("PP4",), ("OP4",), "modified", True, False) in result


def test_two_operative_paragraphs_merged_into_one():
    old = document(PP, OP)
    merged = ("Decides to extend the mandate of the Internet Governance Forum for a further five years, "
              "and requests the Secretary-General to submit a report on the implementation of the present resolution;")
    new = document(PP, OP[:3] + [merged])
    result = rows(compare(old, new))
    assert (("OP4", "OP5"), ("OP4",), "merged", False, False) in result
    assert len(result) == 8


def test_one_paragraph_split_in_two_mirrors_the_merge():
    merged = ("Decides to extend the mandate of the Internet Governance Forum for a further five years, "
              "and requests the Secretary-General to submit a report on the implementation of the present resolution;")
    old = document(PP, OP[:3] + [merged])
    new = document(PP, OP)
    result = rows(compare(old, new))
    assert (("OP4",), ("OP4", "OP5"), "split", False, False) in result


def test_rewording_keeps_the_link():
    old = document(PP, OP)
    new = document(PP, OP[:3] + [
        "Decides to extend for another ten years the mandate of the Forum, established by the Tunis Agenda;"] + OP[4:])
    result = rows(compare(old, new))
    assert (("OP4",), ("OP4",), "modified", False, False) in result


def test_unrelated_paragraphs_sharing_boilerplate_are_not_paired():
    boiler = "Encourages Member States and all relevant stakeholders to strengthen cooperation on "
    old = document([], [boiler + "cybersecurity capacity-building in developing countries;",
                        boiler + "the financing of broadband infrastructure;",
                        boiler + "the protection of migrant workers;"])
    new = document([], [boiler + "cybersecurity capacity-building in developing countries;",
                        boiler + "the financing of broadband infrastructure;",
                        boiler + "maternal health services in rural areas;"])
    result = rows(compare(old, new))
    assert (("OP3",), (), "removed", False, False) in result
    assert ((), ("OP3",), "added", False, False) in result


def test_width_and_spacing_alone_leave_a_chinese_paragraph_unchanged():
    old = document(["回顾其 2009 年 12 月 21 日第 64/187 号决议, 并注意到“信息社会”的发展,"], [])
    new = document(["回顾其2009年12月21日第64/187号决议，并注意到“信息社会”的发展，"], [])
    assert rows(compare(old, new)) == [(("PP1",), ("PP1",), "unchanged", False, False)]


def test_a_change_of_quotes_or_dashes_is_a_modification_of_the_same_paragraph():
    old = document(["回顾其2009年决议，并注意到“信息社会”的发展，"], ["Decides that drug-related offences and the prisoner’s family;"])
    new = document(["回顾其2009年决议，并注意到\"信息社会\"的发展，"], ["Decides that drug—related offences and the prisoner's family;"])
    comparison = compare(old, new)
    assert rows(comparison) == [(("PP1",), ("PP1",), "modified", False, False),
                                (("OP1",), ("OP1",), "modified", False, False)]
    assert comparison.differs
    shown = [(s.op.value, s.text, s.layout) for s in for_display(comparison.changes[1].inline) if s.op.value != "equal"]
    assert shown == [("delete", "-", False), ("insert", "—", False), ("delete", "’", False), ("insert", "'", False)]


def test_chinese_reworded_and_reordered():
    pp = ["回顾其关于信息和通信技术促进发展的各项决议，",
          "注意到科学和技术促进发展委员会第十三届会议，",
          "关切世界金融和经济危机对信息和通信技术传播的影响，"]
    old = document(pp, ["请秘书长向大会第六十六届会议提交报告；"], language="zh")
    new = document([pp[2], pp[0], "又注意到2010年在日内瓦举行的科学和技术促进发展委员会第十三届会议，"],
                   ["请秘书长向大会第六十六届会议提交一份报告；"], language="zh")
    result = rows(compare(old, new))
    assert (("PP2",), ("PP3",), "modified", False, False) in result
    assert (("OP1",), ("OP1",), "modified", False, False) in result
    # PP1 and PP2 keep their order; PP3 jumped ahead of them and is the one shown as moved.
    moved = [r for r in result if r[3]]
    assert moved == [(("PP3",), ("PP1",), "unchanged", True, False)]


def test_of_two_swapped_paragraphs_the_shorter_is_shown_as_moved():
    short = "注意到委员会第十三届会议，"
    long = "关切世界金融和经济危机对信息和通信技术传播方面的积极趋势的影响，"
    result = rows(compare(document([short, long], [], language="zh"), document([long, short], [], language="zh")))
    assert [r for r in result if r[3]] == [(("PP1",), ("PP2",), "unchanged", True, False)]


def test_the_scorer_adds_the_shared_words_of_every_pair_exactly_as_the_plain_sum():
    """The scorer's fast sum of shared word weights is bit for bit _shared's, on every pair of
    the sample's drafts and of generated pairs of both languages (their ties and thresholds
    depend on the exact float)."""
    from conftest import SAMPLE
    from generator import generate

    from resdiff import align
    from resdiff.parse import parse_file

    sample = parse_file(str(SAMPLE))
    pairs = [(sample[0], sample[-1])] + [(p.old, p.new) for p in (generate(60, "zh", 1), generate(60, "en", 1))]
    for old, new in pairs:
        scorer = align._Scorer(align._Side(old), align._Side(new))
        for i in range(len(old.paragraphs)):
            for j in range(len(new.paragraphs)):
                expected = align._shared(scorer.old.counts[i], scorer.new.counts[j], scorer.idf)
                value = scorer.shared(i, j)
                assert value == expected and type(value) is type(expected), (i, j)


def test_the_best_partners_are_the_largest_sums_ties_by_index():
    """The candidate search keeps, of the paragraphs sharing a paragraph's words, the k of the
    largest summed weights, equal sums by reading order: exactly the first k of the pairs
    (-sum, index) sorted, with many equal sums (one common word finding many paragraphs)."""
    import random

    from conftest import SAMPLE

    from resdiff import align
    from resdiff.parse import parse_file

    sample = parse_file(str(SAMPLE))
    scorer = align._Scorer(align._Side(sample[0]), align._Side(sample[-1]))
    rng = random.Random(7)
    vocabulary = sorted(scorer.idf)[:12]
    for _ in range(300):
        keys = rng.sample(vocabulary, rng.randint(1, 6))
        postings = {word: sorted(rng.sample(range(80), rng.randint(1, 60))) for word in keys}
        sums: dict[int, float] = {}
        for word in keys:
            for index in postings[word]:
                sums[index] = sums.get(index, 0.0) + scorer.idf[word]
        for k in (1, 3, 8, 24, 100):
            expected = [index for _, index in sorted((-value, index) for index, value in sums.items())[:k]]
            assert scorer._best(keys, postings, k) == expected
