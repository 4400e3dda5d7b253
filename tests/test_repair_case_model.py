"""Letter case as decoding evidence (kehoach.repair.case_model) and one reading per repeated name
(kehoach.repair.name_consistency), on tiny hand-made models, plus the committed case statistics."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from kehoach.repair import Repairer
from kehoach.repair.candidates import Option
from kehoach.repair.case_model import (
    CAPITAL,
    DEFAULT_CASE_MODEL,
    LOWER,
    NO_CASE,
    CaseModel,
    case_contexts,
    token_case,
)
from kehoach.repair.decoder import BeamDecoder, split_line
from kehoach.repair.lm import BOS, EOS, UNK, NGramLM, load_default_lm
from kehoach.repair.name_consistency import harmonize_names, name_occurrences

VOCAB = [UNK, BOS, EOS, ",", "xã", "luận", "luân", "giói", "mường", "và"]


@pytest.mark.parametrize(
    ("text", "case"),
    [
        ("luan", LOWER),
        ("Luan", CAPITAL),
        ("A", CAPITAL),
        ("KTN", NO_CASE),
        ("KTNTung", CAPITAL),
        ("12", NO_CASE),
    ],
)
def test_token_case(text: str, case: int) -> None:
    assert token_case(text) == case


def test_case_contexts_ignore_sentence_starts_and_see_the_next_word() -> None:
    spans = split_line("Cac xa Luan Gioi. Xa Muong, Luan", ocr_symbols=False)
    contexts = dict(zip([s.text for s in spans], case_contexts(spans), strict=True))
    assert contexts["Cac"] == (NO_CASE, LOWER)  # the line's first word: its capital says nothing
    assert contexts["xa"] == (LOWER, CAPITAL)  # a capital follows the unit word
    assert contexts["Gioi"] == (CAPITAL, NO_CASE)  # "." follows: no next word
    assert contexts["Xa"] == (NO_CASE, CAPITAL)  # after ".": a sentence start
    assert contexts["Luan"] == (CAPITAL, NO_CASE)  # after a comma: still mid-sentence
    assert contexts["."] == (NO_CASE, NO_CASE)


def test_from_counts_smooths_towards_the_overall_rate() -> None:
    words = ["luận", "luân"]
    own = np.array([[990, 10], [5, 95]])  # luận is written in lower case, luân capitalised
    model = CaseModel.from_counts(VOCAB, words, own, own)
    luan_ord, luan_name, unk = VOCAB.index("luận"), VOCAB.index("luân"), VOCAB.index(UNK)
    assert model.own_logp[luan_ord, CAPITAL] < np.log10(0.05) < model.own_logp[luan_name, CAPITAL]
    rate = 105 / 1100  # a word never counted gets the overall capital rate
    assert model.own_logp[unk, CAPITAL] == pytest.approx(np.log10(rate), abs=1e-6)
    costs = model.costs([luan_ord, luan_name], CAPITAL, NO_CASE)
    assert costs[0] > 1.0 > costs[1] > 0.0
    assert model.costs([luan_ord, luan_name], NO_CASE, NO_CASE) == [0.0, 0.0]


def _lm() -> NGramLM:
    """Flat unigrams, luận a little more likely than luân, no n-grams."""
    unigram = np.full(len(VOCAB), -2.0, dtype=np.float32)
    unigram[VOCAB.index("luận")] = -1.5
    return NGramLM.from_ngrams(VOCAB, {}, unigram)


def _options(token: str) -> list[Option]:
    readings = {"luan": ["luận", "luân"], "xa": ["xã"], "gioi": ["giói"], "muong": ["mường"], "va": ["và"]}
    return [Option((w,), 0.0, (token,)) for w in readings[token.lower()]]


class _TypedText:
    """A candidate generator for typed text (no letter edits): the decoder uses case evidence there."""

    params = SimpleNamespace(max_edits=0)

    def options(self, token: str) -> list[Option]:
        return _options(token)


def test_decoder_reads_a_capitalised_token_as_the_name_syllable() -> None:
    lm = _lm()
    case = CaseModel.from_counts(VOCAB, ["luận", "luân"], np.array([[990, 10], [5, 95]]), np.ones((2, 2)))
    spans = split_line("xa Luan Gioi", ocr_symbols=False)
    typed = _TypedText().options
    plain = BeamDecoder(lm, case_model=None).decode(spans, typed)
    with_case = BeamDecoder(lm, case_model=case).decode(spans, typed)
    ocr = BeamDecoder(lm, case_model=case).decode(spans, _options)  # no typed-text generator: no case
    assert plain[1].words == ("luận",)  # the unigram alone prefers the ordinary word
    assert with_case[1].words == ("luân",)  # the capital mid-sentence says name
    assert ocr[1].words == ("luận",)
    lower = BeamDecoder(lm, case_model=case).decode(split_line("xa luan", ocr_symbols=False), typed)
    assert lower[1].words == ("luận",)


def test_harmonize_names_gives_a_repeated_name_one_reading() -> None:
    lm = _lm()
    decoder = BeamDecoder(lm, case_model=None)
    lines = [split_line(text, ocr_symbols=False) for text in ("xa Muong Luan", "va xa Muong Luan")]
    cache: dict = {}
    plans = [decoder._line_steps(spans, _options, cache, frozenset()) for spans in lines]
    luan_ord = [o for o in plans[0][2].token.singles if o.words == ("luận",)][0]
    luan_name = [o for o in plans[0][2].token.singles if o.words == ("luân",)][0]
    xa, muong = plans[0][0].token.singles[0], plans[0][1].token.singles[0]
    choices = [[xa, muong, luan_name], [None, xa, muong, luan_ord]]  # "va" is not decoded here
    found = name_occurrences(lines, plans, choices)
    assert [[(o.line, o.position) for o in g] for g in found.groups] == [[(0, 2), (1, 3)]]  # Muong agrees
    harmonize_names(lm, found, choices)
    assert choices[0][2].words == choices[1][3].words == ("luận",)  # the likelier reading, everywhere


def test_name_occurrences_needs_a_name_of_two_capitalised_words() -> None:
    lm = _lm()
    decoder = BeamDecoder(lm, case_model=None)
    lines = [split_line(text, ocr_symbols=False) for text in ("xa Luan", "xa Luan")]
    plans = [decoder._line_steps(spans, _options, {}, frozenset()) for spans in lines]
    singles = plans[0][1].token.singles
    choices = [[plans[0][0].token.singles[0], singles[0]], [plans[0][0].token.singles[0], singles[1]]]
    assert name_occurrences(lines, plans, choices).groups == []  # one syllable is no name's identity


@pytest.mark.skipif(not DEFAULT_CASE_MODEL.exists(), reason="case statistics not built")
def test_committed_case_statistics_know_names_from_words() -> None:
    lm = load_default_lm()
    model = CaseModel.load(lm.vocab)
    assert model is not None
    ids = [lm.index[w] for w in ("luận", "luân", "phường", "phương")]
    own_cap = model.own_logp[ids, CAPITAL]
    next_cap = model.next_logp[ids, CAPITAL]
    assert own_cap[1] > own_cap[0] + 1.0  # Luân is a name, luận a word
    assert next_cap[2] > next_cap[3] + 0.5  # phường is followed by a name far more often than phương


@pytest.fixture(scope="module")
def repairer() -> Repairer:
    return Repairer.load()


@pytest.mark.skipif(not DEFAULT_CASE_MODEL.exists(), reason="case statistics not built")
@pytest.mark.parametrize(
    ("stripped", "expected"),
    [
        # capitals mid-sentence are names: Bùi (a surname), La, not bụi "dust" and là "is"
        ("Thanh lap xa moi tren co so cac xa Bui La Nhan va Yen Ho", "các xã Bùi La Nhân và Yên Hồ"),
        # an unknown plain word is rarely what a typist meant: Duyên, not the observed Duyen
        ("Noi nhan: Luu VT, KSTT (Anh, Duyen).", "(Anh, Duyên)."),
        # every reading of "do" meets "gay" before the beam is cut: đổ gãy, not do gây
        ("khong the khoi phuc (do gay, chet)", "(đổ gãy, chết)"),
    ],
)
def test_stripped_text_with_the_committed_models(repairer: Repairer, stripped: str, expected: str) -> None:
    assert repairer.repair_text(stripped).endswith(expected)
