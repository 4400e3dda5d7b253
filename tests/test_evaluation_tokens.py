"""Token categories, alignment and confusions of :mod:`kehoach.evaluation.tokens`."""

from __future__ import annotations

import pytest

from kehoach.evaluation.tokens import category_accuracy, classify, confusions, tokenize_lines


@pytest.mark.parametrize(
    ("core", "sentence_start", "caps_line", "expected"),
    [
        ("1905/KH-UBND", False, False, "code"),
        ("NĐ-CP", True, False, "code"),
        ("CCHC", False, False, "code"),
        ("2023", True, False, "code"),
        ("Quận", False, False, "name"),
        ("Quận", True, False, "word"),
        ("hành", False, False, "word"),
        ("HOẠCH", False, True, "heading"),
        ("56/KH-MNTH", False, True, "code"),
    ],
)
def test_classify_token_categories(core: str, sentence_start: bool, caps_line: bool, expected: str) -> None:
    assert classify(core, sentence_start, caps_line) == expected


def test_sentence_start_follows_punctuation_bullets_and_enumerators() -> None:
    text = "Thực hiện Kế hoạch của Ủy ban\nnhân dân Quận 1.\nPhát huy tính năng động; Đẩy mạnh\n2.Chủ động"
    lines = tokenize_lines(text)
    assert [(t.surface, t.category) for t in lines[0]] == [
        ("Thực", "word"),
        ("hiện", "word"),
        ("Kế", "name"),
        ("hoạch", "word"),
        ("của", "word"),
        ("Ủy", "name"),
        ("ban", "word"),
    ]
    assert [t.category for t in lines[1]] == ["word", "word", "name", "code"]
    assert [t.category for t in lines[2]] == ["word"] * 7  # "Đẩy" follows ";"
    assert [(t.key, t.category) for t in lines[3]] == [("chủ", "word"), ("động", "word")]


def test_category_accuracy_counts_each_reference_token_once() -> None:
    reference = "Thực hiện Kế hoạch số 207/KH-UBND của Ủy ban nhân dân Quận 1"
    hypothesis = "Thực hiện Kế hoạch sớ 207/KH-UBND của Uy ban nhân dân Quân 1"
    result = category_accuracy([(reference, hypothesis)])
    assert result["code"] == {"tokens": 2, "correct": 2, "accuracy": 1.0}
    assert result["name"] == {"tokens": 3, "correct": 1, "accuracy": pytest.approx(1 / 3)}
    assert result["word"] == {"tokens": 8, "correct": 7, "accuracy": 0.875}


def test_glued_words_cost_only_their_own_tokens() -> None:
    reference = "trên địa bàn Quận 1 năm 2023;"
    hypothesis = "trên địabàn Quận 1 năm 2023;"
    result = category_accuracy([(reference, hypothesis)])
    # "địa bàn" -> "địabàn": both reference tokens wrong, the tokens around them still right
    assert result["word"]["tokens"] == 4 and result["word"]["correct"] == 2
    assert result["name"]["correct"] == 1 and result["code"]["correct"] == 2


def test_confusions_rank_repeated_errors_first() -> None:
    pairs = [("cán bộ viên chức", "cán b viên chire"), ("tổ chức", "tổ chire"), ("nhằm", "")]
    assert confusions(pairs, top=3) == [("chức", "chire", 2), ("bộ", "b", 1), ("nhằm", "∅", 1)]


def test_tone_placement_and_case_are_folded() -> None:
    result = category_accuracy([("hòa bình Quận", "hoà bình quận")])
    assert result["word"]["correct"] == 2
    assert result["name"]["correct"] == 1
