"""Decoder rules for typed text and for tokens with many readings, on tiny hand-made models: an
unknown reading is priced by the model's own <unk> convention, and every reading of an ambiguous
token survives one step, to be judged by the word after it."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from kehoach.repair import decoder as decoder_module
from kehoach.repair.candidates import Option
from kehoach.repair.decoder import UNKNOWN_WORD_PENALTY, BeamDecoder, split_line
from kehoach.repair.lm import BOS, EOS, UNK, UNK_PENALTY, NGramLM, encode_keys

READINGS = [f"r{i}" for i in range(10)]  # ten readings of one token, r9 the least likely alone
VOCAB = [UNK, BOS, EOS, "y", "duyên", *READINGS]


def _lm() -> NGramLM:
    """Unigrams: r0 likeliest ... r9 least. Bigrams: "r9 y" very likely, and an unknown word at the
    start of a line a common class ("<s> <unk>")."""
    ids = {w: i for i, w in enumerate(VOCAB)}
    unigram = np.full(len(VOCAB), -3.0, dtype=np.float32)
    unigram[ids[UNK]] = -2.5
    unigram[ids["duyên"]] = -5.0
    for i, word in enumerate(READINGS):
        unigram[ids[word]] = -2.0 - 0.2 * i
    keys = encode_keys(np.array([[ids["r9"], ids["y"]], [ids[BOS], ids[UNK]]]))
    bigrams = (keys, np.array([-0.1, -1.0], np.float32), np.array([0.0, 0.0], np.float32))
    return NGramLM.from_ngrams(VOCAB, {2: bigrams}, unigram)


class _Generator:
    """A candidate generator; ``max_edits`` 0 is typed text, more is OCR."""

    def __init__(self, max_edits: int) -> None:
        self.params = SimpleNamespace(max_edits=max_edits)

    def options(self, token: str) -> list[Option]:
        if token == "x":
            return [Option((w,), 0.0, (token,)) for w in READINGS]
        if token == "Duyen":
            return [Option(("duyên",), 0.02, (token,)), Option(("duyen",), 1.5, (token,))]
        return [Option((token.lower(),), 0.0, (token,))]


def test_typed_unknown_penalty_follows_the_models_unk_convention() -> None:
    decoder = BeamDecoder(_lm(), case_model=None)
    assert decoder.typed_unknown_penalty == pytest.approx(-2.5 - UNK_PENALTY)
    assert decoder.typed_unknown_penalty > UNKNOWN_WORD_PENALTY


def test_typed_text_prefers_a_known_reading_to_the_unknown_observed_form() -> None:
    decoder = BeamDecoder(_lm(), case_model=None)
    spans = split_line("Duyen", ocr_symbols=False)
    typed = decoder.decode(spans, _Generator(0).options)[0]
    ocr = decoder.decode(spans, _Generator(1).options)[0]
    # "duyên": -5.0 - 0.02; "duyen" (unknown): the class's -1.0, its channel cost 1.5, and the penalty
    assert typed.words == ("duyên",)  # -1.0 - 1.5 - 4.5 loses
    assert ocr.words == ("duyen",)  # OCR keeps the observed form: -1.0 - 1.5 - 2.0 wins


@pytest.mark.parametrize(("cap", "expected"), [(0, "r0"), (16, "r9")])
def test_every_reading_of_an_ambiguous_token_meets_the_next_word(
    monkeypatch: pytest.MonkeyPatch, cap: int, expected: str
) -> None:
    monkeypatch.setattr(decoder_module, "READING_BEAM_CAP", cap)
    decoder = BeamDecoder(_lm(), beam=2, case_model=None)
    choices = decoder.decode(split_line("x y", ocr_symbols=False), _Generator(0).options)
    assert choices[0].words == (expected,)  # beam 2 alone drops r9 before "y" can vouch for it
