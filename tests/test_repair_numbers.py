"""Numbers reach the language model as one ``<num>`` (and a ``%`` after them), exactly as it was
trained: ``10,48`` read digit by digit would be ``<num> , <num>``, a context the model never saw."""

from __future__ import annotations

import pytest

from kehoach.repair import Repairer
from kehoach.repair.decoder import split_line
from kehoach.repair.spans import merge_numbers
from kehoach.repair.syllables import NUM_TOKEN, lm_tokens


def _decoded_tokens(line: str) -> list[str]:
    return [
        span.fixed_token or span.text for span in merge_numbers(line, split_line(line, ocr_symbols=False))
    ]


@pytest.mark.parametrize(
    "line",
    [
        "tang 10,48% so cung ky",
        "ngay 20/11/2025 cua UBND",
        "ma thu tuc 1.003026, thoi han 05 ngay",
        "Dieu 5: 12 , 5 va 7-8",
    ],
)
def test_decoder_tokens_match_training_tokens(line: str) -> None:
    assert [token.lower() for token in _decoded_tokens(line)] == lm_tokens(line)


def test_percent_sign_after_number_is_context() -> None:
    assert lm_tokens("tăng 10,48% so cùng kỳ") == ["tăng", NUM_TOKEN, "%", "so", "cùng", "kỳ"]
    assert _decoded_tokens("tang 10,48% so cung ky") == ["tang", NUM_TOKEN, "%", "so", "cung", "ky"]


def test_merged_number_is_copied_unchanged() -> None:
    text = "Uoc thuc hien ca nam vuot 11,69% so du toan, tang 10,48% so cung ky (10.482 ty dong)"
    out = Repairer.load().repair_text(text)
    assert "11,69%" in out and "10,48%" in out and "(10.482 tỷ đồng)" in out
    assert out.startswith("Ước thực hiện cả năm vượt")
    assert "tăng 10,48% so cùng kỳ" in out


@pytest.mark.parametrize(
    ("token", "pieces"),
    [("lamviec", ["lam", "viec"]), ("xaCam", ["xa", "Cam"]), ("cuacac", ["cua", "cac"])],
)
def test_glued_plain_word_is_cut_into_syllables(token: str, pieces: list[str]) -> None:
    assert Repairer.load().index.split_glued(token) == pieces


@pytest.mark.parametrize(
    "token", ["iCanhan", "eTax", "VNeID", "Facebook", "Microsoft", "Liep", "UBND", "polymorpha", "website"]
)
def test_foreign_words_codes_and_rare_syllables_stay_whole(token: str) -> None:
    assert Repairer.load().index.split_glued(token) is None


def test_glued_words_get_their_marks_and_stay_glued() -> None:
    out = Repairer.load().repair_text("Hop dong dua nguoi lao dong Viet Nam di lamviec o nuoc ngoai")
    assert out == "Hợp đồng đưa người lao động Việt Nam đi làmviệc ở nước ngoài"
