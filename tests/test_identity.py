"""The identity stage alone: a document's symbol, title and date from its lines."""

from resdiff.parse.identity import Identity, Span, identify

_ADOPTED = [
    "United Nations   A/RES/79/183",
    "General Assembly   Distr.: General",
    "23 December 2024",
    "",
    "79/183. Human rights and extreme poverty",
    "",
    "The General Assembly,",
    "Recalling its resolutions,¹",
    "1. Decides to act;",
    "__________________",
    "¹ See A/79/509 and A/79/509/Add.2; and A/79/509 again.",
    "24-24479",
    "2/2 24-24479 A/RES/79/183",
]


def test_symbol_from_masthead_not_from_a_footnote():
    found = identify(_ADOPTED, Span(6, len(_ADOPTED), False), 0, {}, False, None)
    assert found == Identity("A/RES/79/183", "Human rights and extreme poverty", "2024-12-23")


def test_adopted_number_overrides_a_draft_symbol_in_the_header():
    lines = ["A/68/L.39", "", "68/262. Territorial integrity of Ukraine", "", "The General Assembly,",
             "1. Affirms its commitment;"]
    found = identify(lines, Span(4, len(lines), False), 0, {}, False, None)
    assert (found.symbol, found.title) == ("A/RES/68/262", "Territorial integrity of Ukraine")


def test_front_matter_and_file_name_are_fallbacks():
    lines = ["The General Assembly,", "1. Decides;"]
    meta = {"symbol": "A/C.3/78/L.41", "title": "A title", "date": "2023-10-30"}
    assert identify(lines, Span(0, 2, False), 0, meta, False, None) == Identity(
        "A/C.3/78/L.41", "A title", "2023-10-30")
    assert identify(lines, Span(0, 2, False), 0, {}, False, "x/A_C.2_65_L.56.zh.txt") == Identity(
        "A/C.2/65/L.56", None, None)


def test_quoted_draft_in_a_report_is_named_by_the_report():
    lines = ["4. 在 11 月 4 日第 17 次会议上，代表提出了题为“信息和通信技术促进发展”的决议草案"
             "（A/C. 2/65/L. 22），案文如下：", "“大会，", "“1. 决定……。”"]
    found = identify(lines, Span(1, 3, True), 0, {}, True, None)
    assert (found.symbol, found.title) == ("A/C.2/65/L.22", "信息和通信技术促进发展")
