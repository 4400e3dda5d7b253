"""The alternation of lexicon phrases: a tree of words that still finds the longest phrase first."""

from __future__ import annotations

import regex

from extractors.lexicon import load_yaml, phrase_alternation

HEADS = ["Ban", "Ban Chỉ đạo", "Ban Chỉ huy", "Bộ", "Bộ phận Một cửa", "Sở", "Ủy ban nhân dân", "Ủy ban"]


def test_the_longest_phrase_wins_where_several_match() -> None:
    pattern = regex.compile(rf"(?:{phrase_alternation(HEADS)})(?!\w)")
    assert pattern.match("Ban Chỉ đạo tỉnh").group(0) == "Ban Chỉ đạo"
    assert pattern.match("Ban Chỉ   huy quân sự").group(0) == "Ban Chỉ   huy"  # any run of spaces
    assert pattern.match("Ban Tuyên giáo").group(0) == "Ban"
    assert pattern.match("Bộ phận Một cửa").group(0) == "Bộ phận Một cửa"
    assert pattern.match("Bộ phận kế toán").group(0) == "Bộ"
    assert pattern.match("Ủy ban nhân dân xã").group(0) == "Ủy ban nhân dân"
    assert pattern.match("Sởi") is None  # the alternation ends where a word ends


def test_the_tree_matches_as_the_flat_alternation_does_on_a_real_lexicon() -> None:
    titles = load_yaml("titles")["titles"]
    flat = regex.compile(
        "(?:"
        + "|".join(regex.escape(t).replace(r"\ ", r"\s+") for t in sorted(titles, key=len, reverse=True))
        + ")"
    )
    tree = regex.compile(f"(?:{phrase_alternation(titles)})")
    text = (
        "Phó Chủ tịch Ủy ban nhân dân tỉnh, Giám đốc Sở Tài chính, Chánh Văn phòng, Trưởng phòng Nội vụ, "
        "Bí thư Đảng ủy, Chủ tịch Hội đồng nhân dân, Phó Trưởng ban Tuyên giáo, Hiệu trưởng, Chủ nhiệm Ủy ban Kiểm tra"
    )
    assert [m.span() for m in tree.finditer(text)] == [m.span() for m in flat.finditer(text)]
    assert len(list(tree.finditer(text))) >= 9


def test_a_word_pattern_and_a_literal_space() -> None:
    either_case = phrase_alternation(
        ["kế hoạch", "kế hoạch hành động"], lambda w: f"[{w[0].upper()}{w[0]}]{w[1:]}", " "
    )
    assert regex.fullmatch(either_case, "Kế Hoạch Hành động")
    assert regex.fullmatch(either_case, "kế hoạch")
    assert not regex.fullmatch(either_case, "kế  hoạch")  # one space, as asked
