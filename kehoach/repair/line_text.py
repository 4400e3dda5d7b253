"""The text side of decoding: a line cut into word, number and punctuation spans, and a chosen
reading written back in the observed token's case (the beam search itself is
:mod:`kehoach.repair.decoder`, which re-exports these names)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from kehoach.repair.candidates import Option
from kehoach.repair.syllables import NUM_TOKEN, apply_case, case_pattern

CONVENTIONS_PATH = Path(__file__).resolve().parent / "data" / "spelling_conventions.yaml"
OCR_SYMBOLS = "$§¢&@€¥"
_CONTEXT_PUNCT = r"[,;:().?!]"  # punctuation kept as LM context (never changed)
# one pass over a line finds its words and its context punctuation, in order
_OCR_TOKENS = re.compile(
    rf"""
    (?P<word>(?:[^\W_]|[{re.escape(OCR_SYMBOLS)}])+)  # letters, digits and symbols OCR reads for letters
    | {_CONTEXT_PUNCT}
    """,
    re.VERBOSE,
)
_PLAIN_TOKENS = re.compile(
    rf"""
    (?P<word>[^\W\d_]+ | \d+)  # a run of letters, or of digits
    | {_CONTEXT_PUNCT}
    """,
    re.VERBOSE,
)
LONE_DIGIT_LETTERS = {"0", "6"}  # in OCR text a lone 6 is often ở/ố, a lone 0 is o


@dataclass(slots=True)
class Span:
    start: int
    end: int
    text: str
    fixed_token: str | None  # LM token for numbers / punctuation; None for a repairable word
    glued: bool = False  # a piece cut from the same token as the span before it
    joined_from: int | None = None  # two OCR fragments joined: the text of the span lacks the space


def split_line(line: str, ocr_symbols: bool) -> list[Span]:
    """Word, number and punctuation spans of a line, in order."""
    spans: list[Span] = []
    for m in (_OCR_TOKENS if ocr_symbols else _PLAIN_TOKENS).finditer(line):
        text = m.group()
        if m.lastgroup is None:  # punctuation
            spans.append(Span(m.start(), m.end(), text, text))
            continue
        fixed = NUM_TOKEN if text.isdigit() and not (ocr_symbols and text in LONE_DIGIT_LETTERS) else None
        spans.append(Span(m.start(), m.end(), text, fixed))
    return spans


def _load_conventions() -> frozenset[tuple[str, str]]:
    data = yaml.safe_load(CONVENTIONS_PATH.read_text(encoding="utf-8"))
    pairs = {(str(a), str(b)) for a, b in data["pairs"]}
    return frozenset(pairs | {(b, a) for a, b in pairs})


SPELLING_CONVENTIONS = _load_conventions()


def render(option: Option, observed: str) -> str:
    """The repaired text of one token, with the observed case pattern restored."""
    lower = observed.lower()
    if option.words == (lower,):
        return observed
    if len(option.words) == 1:
        word, piece = option.words[0], option.pieces[0]
        if (lower, word) in SPELLING_CONVENTIONS:
            return observed  # the document's own spelling convention wins
        if word.isdigit() or word == piece.lower():
            return piece
        if observed.islower() and "$" not in observed:  # case_pattern would say "lower" (OCR's $ is S)
            return word
        return apply_case(word, case_pattern(observed))
    out = []
    for word, piece in zip(option.words, option.pieces, strict=True):
        if word.isdigit() or word == piece.lower():
            out.append(piece)
        else:
            out.append(apply_case(word, case_pattern(piece)))
    return " ".join(out)
