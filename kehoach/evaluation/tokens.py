"""Token-level comparison of repaired text with a reference: categories and confusions.

Syllable accuracy pools every syllable, so a repair that restores ordinary words but breaks the
things analysts query (document numbers, names of units and people) can still score well. Here
each whitespace token of the reference is put in one category and scored on its own:

- ``code``: document numbers and symbols, acronyms, anything with a digit (``1905/KH-UBND``,
  ``CCHC``, ``CB-GV-CNV``, ``2023``);
- ``name``: a capitalised token that does not start a sentence (``Quận``, ``Tuổi Hồng``,
  ``Chính phủ``): names of people, units and places;
- ``heading``: tokens of an all-capitals line (``KẾ HOẠCH``, ``ỦY BAN NHÂN DÂN``), which
  Tesseract garbles differently and which carry no case signal;
- ``word``: everything else, ordinary words (sentence-initial capitals included).

Reference and hypothesis are aligned line by line (the repair keeps line i at line i) by token
edit distance, so a word glued or split by OCR costs only its own tokens. Tokens are compared as
the syllable accuracy compares them: lowercased, tone placement folded, edge punctuation dropped.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from kehoach.repair.syllables import normalize_tone_placement

CATEGORIES = ("code", "name", "heading", "word")

_EDGE_PUNCTUATION = re.compile(r"^[^\w]+|[^\w]+$")
# An enumerator glued to the first word of an item ("2.Chủ", "11.Phát"): it starts a sentence.
_GLUED_ENUMERATOR = re.compile(r"^\(?\d{1,2}[.)](?=[^\W\d_])")
# Punctuation after which the next token starts a sentence.
_SENTENCE_END = re.compile(r"[.!?:;…]$|^[-+*•–]$")
_OPENING_QUOTE = re.compile(r"^[“\"'(«]")


@dataclass(frozen=True)
class Token:
    """One reference or hypothesis token: its surface, comparison key and category."""

    surface: str
    key: str
    category: str


def token_key(surface: str) -> str:
    """The comparison form: edge punctuation dropped, tone placement folded, lowercased."""
    return normalize_tone_placement(_EDGE_PUNCTUATION.sub("", surface)).lower()


def classify(core: str, sentence_start: bool, caps_line: bool) -> str:
    """The category of a token whose edge punctuation is already stripped (see module docstring)."""
    letters = [c for c in core if c.isalpha()]
    if any(c.isdigit() for c in core) or "/" in core:
        return "code"
    if caps_line:
        return "heading"
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return "code"
    if letters and core[0].isupper() and not sentence_start:
        return "name"
    return "word"


def _is_caps_line(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def tokenize_lines(text: str) -> list[list[Token]]:
    """The tokens of each line of ``text`` (``text.split("\\n")``), categorised.

    Sentence starts carry over line breaks: a line that follows one ending in ``.`` or ``:`` (or a
    blank line, or the start of the text) starts a sentence; a wrapped line does not.
    """
    result: list[list[Token]] = []
    previous_ends_sentence = True
    for line in text.split("\n"):
        caps_line = _is_caps_line(line)
        tokens: list[Token] = []
        if not line.strip():
            previous_ends_sentence = True
        for surface in line.split():
            core = _EDGE_PUNCTUATION.sub("", surface)
            if not core:  # a bullet or a lone punctuation mark
                previous_ends_sentence = previous_ends_sentence or bool(_SENTENCE_END.search(surface))
                continue
            enumerated = bool(_GLUED_ENUMERATOR.match(surface))
            if enumerated:
                core = _GLUED_ENUMERATOR.sub("", core)
            sentence_start = previous_ends_sentence or enumerated or bool(_OPENING_QUOTE.match(surface))
            tokens.append(Token(surface, token_key(core), classify(core, sentence_start, caps_line)))
            previous_ends_sentence = bool(_SENTENCE_END.search(surface))
        result.append(tokens)
    return result


def aligned_pairs(
    reference: list[Token], hypothesis: list[Token]
) -> Iterator[tuple[Token | None, Token | None]]:
    """Reference and hypothesis tokens paired by edit distance on their keys (None for a gap)."""
    if len(reference) == len(hypothesis):  # the usual case for stripped text: a cheap zip
        yield from zip(reference, hypothesis, strict=True)
        return
    ref_keys, hyp_keys = [t.key for t in reference], [t.key for t in hypothesis]
    for tag, ref_start, ref_end, hyp_start, hyp_end in Levenshtein.opcodes(ref_keys, hyp_keys):
        ref_part, hyp_part = reference[ref_start:ref_end], hypothesis[hyp_start:hyp_end]
        if tag in ("equal", "replace") and len(ref_part) == len(hyp_part):
            yield from zip(ref_part, hyp_part, strict=True)
        else:
            yield from ((t, None) for t in ref_part)
            yield from ((None, t) for t in hyp_part)


def _document_pairs(reference: str, hypothesis: str) -> Iterator[tuple[Token | None, Token | None]]:
    ref_lines, hyp_lines = tokenize_lines(reference), tokenize_lines(hypothesis)
    if len(ref_lines) != len(hyp_lines):  # line structure lost: align the whole text at once
        ref_lines = [[t for line in ref_lines for t in line]]
        hyp_lines = [[t for line in hyp_lines for t in line]]
    for ref_tokens, hyp_tokens in zip(ref_lines, hyp_lines, strict=True):
        yield from aligned_pairs(ref_tokens, hyp_tokens)


def category_accuracy(pairs: Iterable[tuple[str, str]]) -> dict[str, dict[str, float]]:
    """Per category: reference tokens, how many the hypothesis has exactly, and the share."""
    counts = {name: Counter() for name in CATEGORIES}
    for reference, hypothesis in pairs:
        for ref, hyp in _document_pairs(reference, hypothesis):
            if ref is None:
                continue
            counts[ref.category]["tokens"] += 1
            counts[ref.category]["correct"] += int(hyp is not None and hyp.key == ref.key)
    return {
        name: {
            "tokens": c["tokens"],
            "correct": c["correct"],
            "accuracy": c["correct"] / c["tokens"] if c["tokens"] else 0.0,
        }
        for name, c in counts.items()
    }


def confusions(pairs: Iterable[tuple[str, str]], top: int = 20) -> list[tuple[str, str, int]]:
    """The most frequent ``(reference token, hypothesis token, count)`` mistakes; ``∅`` marks a gap."""
    counter: Counter[tuple[str, str]] = Counter()
    for reference, hypothesis in pairs:
        for ref, hyp in _document_pairs(reference, hypothesis):
            if ref is not None and hyp is not None and ref.key == hyp.key:
                continue
            counter[(ref.key if ref else "∅", hyp.key if hyp else "∅")] += 1
    return [(ref, hyp, n) for (ref, hyp), n in counter.most_common(top)]
