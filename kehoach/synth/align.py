"""Align OCR tokens with the tokens that were rendered, allowing glued and split words.

Tesseract's English model turns ``Chỉ số`` into ``Chi s6`` (1→1), glues ``CB-GV-CNV nghiêm`` into
one token (2→1) and splits ``đồng`` into ``df‘) ng`` (1→2). A dynamic programme over token groups of
up to three on either side finds the cheapest segmentation; the cost of pairing two groups is their
character edit distance after folding case and diacritics (what English OCR loses first), so that
``Uy ban`` still pairs with ``Ủy ban`` while a dropped token is cheaper than a forced bad pairing.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from kehoach.evaluation.metrics import levenshtein

MAX_GROUP = 3
IMPLAUSIBLE = 0.6  # folded edit distance / length above which a pairing is a misalignment, not a misreading
# Tuned on eng garbling: "nhà ở" read as "nha 6" must stay nhà→nha, ở→6 (not nhà→"nha 6" and ở
# swallowed by the next word), while glued and split words still group; a token the OCR dropped
# is cheaper as a gap than as a merge.
GAP_COST = 0.55  # one token dropped or invented
GROUP_PENALTY = 0.4  # per extra token in a group
_EDGE_PUNCTUATION = ",.;:!?()[]\"“”'‘’…"


@dataclass(frozen=True, slots=True)
class AlignedPair:
    """``intended`` source tokens and the ``observed`` OCR tokens they became (either may be empty)."""

    intended: tuple[str, ...]
    observed: tuple[str, ...]


def fold(text: str) -> str:
    """Lower case without diacritics; đ→d (NFD does not decompose it)."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def tokenize(text: str) -> list[str]:
    """NFC whitespace tokens, punctuation still attached (``trim_pair`` removes it after aligning)."""
    return unicodedata.normalize("NFC", text).split()


def _edges(token_text: str) -> tuple[int, int]:
    """How many punctuation characters open and close ``token_text``."""
    core = token_text.strip(_EDGE_PUNCTUATION)
    if not core:
        return len(token_text), 0
    return token_text.index(core), len(token_text) - token_text.index(core) - len(core)


def trim_pair(pair: AlignedPair) -> tuple[str, str]:
    """The pair as text with the source's own edge punctuation removed from both sides.

    Only as much is cut from the OCR side as the source had there (and only punctuation), so that
    garbage the English model makes of a diacritic (``đồng`` → ``df‘)ng``) stays in the observation.
    Returns ``("", ...)`` for pure punctuation.
    """
    intended, observed = " ".join(pair.intended), " ".join(pair.observed)
    lead, trail = _edges(intended)
    intended = intended[lead : len(intended) - trail]
    if lead:
        cut = len(observed) - len(observed.lstrip(_EDGE_PUNCTUATION))
        observed = observed[min(cut, lead) :]
    if trail:
        cut = len(observed) - len(observed.rstrip(_EDGE_PUNCTUATION))
        observed = observed[: len(observed) - min(cut, trail)]
    return " ".join(intended.split()), " ".join(observed.split())


def pair_cost(intended: list[str], observed: list[str]) -> float:
    """0 for identical groups, about 1 for unrelated ones."""
    a, b = "".join(intended), "".join(observed)
    longest = max(len(a), len(b), 1)
    folded = levenshtein(fold(a), fold(b)) / longest
    exact = levenshtein(a, b) / longest
    groups = (len(intended) - 1) + (len(observed) - 1)
    return 0.7 * folded + 0.3 * exact + GROUP_PENALTY * groups


def align_tokens(intended: list[str], observed: list[str]) -> list[AlignedPair]:
    """Cheapest alignment of two token lists (one text line each: the table is len(a)×len(b))."""
    n, m = len(intended), len(observed)
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            here = cost[i][j]
            if here == inf:
                continue
            moves = [(1, 0), (0, 1)] + [
                (di, dj) for di in range(1, MAX_GROUP + 1) for dj in range(1, MAX_GROUP + 1)
            ]
            for di, dj in moves:
                if i + di > n or j + dj > m or (di > 1 and dj > 1):
                    continue
                step = GAP_COST if 0 in (di, dj) else pair_cost(intended[i : i + di], observed[j : j + dj])
                if here + step < cost[i + di][j + dj]:
                    cost[i + di][j + dj] = here + step
                    back[i + di][j + dj] = (di, dj)
    pairs: list[AlignedPair] = []
    i, j = n, m
    while i or j:
        di, dj = back[i][j]  # type: ignore[misc]
        pairs.append(AlignedPair(tuple(intended[i - di : i]), tuple(observed[j - dj : j])))
        i, j = i - di, j - dj
    return pairs[::-1]


def is_plausible(intended: str, observed: str) -> bool:
    """False for pairings that share almost nothing (``Căn cứ`` ↔ ``ur``): the aligner filled a hole.

    Tokens of one or two letters are exempt: ``ở`` read as ``6`` shares nothing and is real.
    """
    a, b = fold(intended.replace(" ", "")), fold(observed.replace(" ", ""))
    if len(a) <= 2:
        return True
    return (
        min(len(a), len(b)) >= max(len(a), len(b)) / 2
        and levenshtein(a, b) / max(len(a), len(b)) <= IMPLAUSIBLE
    )


def aligned_text_pairs(intended_text: str, observed_text: str) -> list[tuple[str, str]]:
    """(intended, observed) span pairs of one line, punctuation trimmed; drops, insertions, pure
    punctuation and implausible pairings left out, as the channel tables count them."""
    pairs = []
    for pair in align_tokens(tokenize(intended_text), tokenize(observed_text)):
        if pair.intended and pair.observed:
            intended, observed = trim_pair(pair)
            if intended and observed and is_plausible(intended, observed):
                pairs.append((intended, observed))
    return pairs
