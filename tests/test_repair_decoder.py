"""The beam decoder against exhaustive search on a tiny model, and lock-step decoding of many lines
against decoding each line alone (numbers and punctuation ride along in the next word's step)."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from kehoach.repair import decoder as decoder_module
from kehoach.repair.candidates import Option
from kehoach.repair.decoder import BeamDecoder, Span, _moves, split_line
from kehoach.repair.lm import BOS, EOS, UNK, NGramLM, encode_keys
from kehoach.repair.syllables import NUM_TOKEN

VOCAB = [
    UNK,
    BOS,
    EOS,
    ",",
    NUM_TOKEN,
    "ủy",
    "uy",
    "ban",
    "bạn",
    "nhân",
    "nhan",
    "dân",
    "dan",
    "quận",
    "quan",
]
# readings of each stripped token: (word, channel cost)
READINGS = {
    "uy": [("ủy", 0.1), ("uy", 0.0)],
    "ban": [("ban", 0.0), ("bạn", 0.1)],
    "nhan": [("nhân", 0.1), ("nhan", 0.0)],
    "dan": [("dân", 0.1), ("dan", 0.0)],
    "quan": [("quận", 0.1), ("quan", 0.0)],
}
PHRASE = ["ủy", "ban", "nhân", "dân", "quận"]


def _lm() -> NGramLM:
    """Unigrams flat-ish; the bigrams and trigrams of "ủy ban nhân dân quận" likely."""
    ids = {w: i for i, w in enumerate(VOCAB)}
    unigram = np.full(len(VOCAB), -2.5, dtype=np.float32)
    backoff = np.full(len(VOCAB), -0.25, dtype=np.float32)
    bigrams = [(a, b) for a, b in itertools.pairwise([BOS, *PHRASE, EOS])] + [("dân", ","), (",", NUM_TOKEN)]
    trigrams = list(itertools.pairwise(itertools.pairwise(PHRASE)))
    tables = {}
    for n, grams in ((2, bigrams), (3, [(a, b, d) for (a, b), (_, d) in trigrams])):
        keys = encode_keys(np.array([[ids[w] for w in g] for g in grams]))
        order = np.argsort(keys)
        tables[n] = (
            keys[order],
            np.full(len(keys), -0.5, np.float32),
            np.full(len(keys), -0.125, np.float32),
        )
    return NGramLM.from_ngrams(VOCAB, tables, unigram, backoff)


def _options(token: str) -> list[Option]:
    return [
        Option((word,), cost, (token,)) for word, cost in READINGS.get(token.lower(), [(token.lower(), 0.0)])
    ]


def _exhaustive(lm: NGramLM, spans: list[Span]) -> list[str]:
    """The best reading of a line by scoring every combination of readings."""
    choices = [[(s.fixed_token, 0.0)] if s.fixed_token else READINGS[s.text.lower()] for s in spans]
    best, best_words = -np.inf, []
    for combo in itertools.product(*choices):
        words = [w for w, _ in combo]
        score = lm.sentence_logprob(words) - sum(cost for _, cost in combo)
        if score > best:
            best, best_words = score, words
    return best_words


def _decoded_words(choices: list[Option | None], spans: list[Span]) -> list[str]:
    return [s.fixed_token if c is None else c.words[0] for c, s in zip(choices, spans, strict=True)]


@pytest.fixture
def no_margin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(decoder_module, "BEAM_MARGIN", 1e9)


@pytest.mark.parametrize(
    "line",
    [
        "uy ban nhan dan quan",
        "uy ban nhan dan, 12 quan",
        "quan dan nhan ban uy",
        "12, uy ban",
        "dan",
    ],
)
def test_beam_finds_the_exhaustive_best(line: str, no_margin: None) -> None:
    lm = _lm()
    spans = split_line(line, ocr_symbols=False)
    choices = BeamDecoder(lm, beam=8).decode(spans, _options)
    assert _decoded_words(choices, spans) == _exhaustive(lm, spans)


def test_the_likely_phrase_wins() -> None:
    lm = _lm()
    spans = split_line("Uy ban nhan dan quan", ocr_symbols=False)
    choices = BeamDecoder(lm).decode(spans, _options)
    assert _decoded_words(choices, spans) == PHRASE


def test_lines_decoded_together_equal_lines_decoded_alone() -> None:
    lm = _lm()
    lines = ["uy ban nhan dan quan", "12, 12 quan", "dan, uy", "uy ban nhan dan, 7 quan dan nhan ban uy", ""]
    spans = [split_line(line, ocr_symbols=False) for line in lines]
    alone = [BeamDecoder(lm).decode(s, _options) for s in spans]
    together = BeamDecoder(lm).decode_many(spans, [_options] * len(spans))
    assert together == alone


def test_glued_token_read_as_two_words() -> None:
    lm = _lm()

    def options(token: str) -> list[Option]:
        if token == "uyban":
            return [Option(("uyban",), 0.0, (token,)), Option(("ủy", "ban"), 0.5, ("uy", "ban"))]
        return _options(token)

    spans = split_line("uyban nhan dan", ocr_symbols=False)
    choices = BeamDecoder(lm).decode(spans, options)
    assert choices[0] is not None and choices[0].words == ("ủy", "ban")
    assert _decoded_words(choices, spans)[1:] == ["nhân", "dân"]


def test_fixed_tokens_join_the_next_word_step() -> None:
    lm = _lm()
    decoder = BeamDecoder(lm)
    spans = split_line("12, uy ban.", ocr_symbols=False)
    plan = decoder._line_steps(spans, _options, {}, frozenset())
    moves = _moves(plan)
    # "12" and "," ride with "uy"; "ban" alone; "." and </s> close the line
    assert [len(m.fixed) for m in moves] == [2, 0, 2]
    assert [m.choice is None for m in moves] == [False, False, True]
    assert moves[-1].fixed[-1].ids == [lm.eos_id]
