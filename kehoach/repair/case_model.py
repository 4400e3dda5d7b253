"""Letter case as evidence: which reading of a token fits the capital (or the lack of one) observed.

The language model is lowercased, so without this the decoder ignores half of what a stripped
name says: in ``cua cac xa Luan Gioi`` the capital ``L`` is evidence for ``Luân`` (a name syllable)
over ``Luận`` (an ordinary word), and in ``phuong Huong Xuan`` the capital after ``phuong`` is
evidence for ``phường`` (a unit word, followed by names) over ``phương``. Two channel factors per
reading ``w`` of a token in the middle of a sentence, counted on the training text:

- ``own``: log10 P(observed case | w) — how often ``w`` is written capitalised mid-sentence;
- ``next``: log10 P(the next word's observed case | w) — how often a capitalised word follows ``w``.

Both are smoothed towards the corpus-wide rate (a Dirichlet prior), so a rare word says little. At a
sentence start, after ``. : ; ( )``, in all-capitals tokens and headings case says nothing and both
factors are 0. :func:`case_contexts` decides that from the decoder's spans; the build script
(``scripts/build_case_model.py``) counts with the same function, so training and decoding agree.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

from kehoach.repair.line_text import Span

DEFAULT_CASE_MODEL = Path(__file__).resolve().parent.parent / "resources" / "lm" / "case_model.npz"
NO_CASE, LOWER, CAPITAL = -1, 0, 1
SENTENCE_BREAKS = frozenset(".:;?!()")  # a word after one of these may be capitalised for that reason
_NO_EVIDENCE = (NO_CASE, NO_CASE)
CASE_CACHE_SIZE = 100_000
_CASE_OF: dict[str, int] = {}
PRIOR_STRENGTH = 4.0  # pseudo-counts of the corpus-wide rate added to each word's counts


def token_case(text: str) -> int:
    """LOWER, CAPITAL (first letter upper, the rest not all upper, or a single capital letter) or
    NO_CASE (all-capitals codes and headings, digits). Cached: a text repeats its words."""
    case = _CASE_OF.get(text)
    if case is None:
        if not text[:1].isalpha():
            case = NO_CASE
        elif text.islower():
            case = LOWER
        elif text[0].isupper() and (len(text) == 1 or not text.isupper()):
            case = CAPITAL
        else:
            case = NO_CASE
        if len(_CASE_OF) >= CASE_CACHE_SIZE:
            _CASE_OF.clear()
        _CASE_OF[text] = case
    return case


def case_contexts(spans: Sequence[Span]) -> list[tuple[int, int]]:
    """Per span, (its own observed case, the next word's observed case), each NO_CASE where case is
    no evidence: the span is not a word, starts a sentence, or no word follows it right after it
    (counting across a comma measured no better). Mid-sentence means the span before is a word, a number or a comma. (Runs for every
    decoded line: written for speed.)"""
    n = len(spans)
    cases = [token_case(s.text) if s.fixed_token is None else None for s in spans]
    out = [_NO_EVIDENCE] * n
    mid = False
    for i, case in enumerate(cases):
        if case is None:
            mid = spans[i].text not in SENTENCE_BREAKS
            continue
        following = cases[i + 1] if i + 1 < n else None
        own = case if mid else NO_CASE
        nxt = NO_CASE if following is None else following
        if own != NO_CASE or nxt != NO_CASE:
            out[i] = (own, nxt)
        mid = True
    return out


class CaseModel:
    """log10 P(case | word) tables indexed by language-model word id (row ``unk`` and words the
    counts never saw carry the corpus-wide rate)."""

    def __init__(self, own_logp: np.ndarray, next_logp: np.ndarray) -> None:
        self.own_logp = own_logp  # (vocab, 2): log10 P(own case LOWER/CAPITAL | word)
        self.next_logp = next_logp  # (vocab, 2): log10 P(next word LOWER/CAPITAL | word)
        # the same as costs, per case, in arrays a token's handful of readings index without numpy
        self._own_cost = [array("d", (-own_logp[:, c]).tolist()) for c in (LOWER, CAPITAL)]
        self._next_cost = [array("d", (-next_logp[:, c]).tolist()) for c in (LOWER, CAPITAL)]

    @classmethod
    def from_counts(
        cls, vocab: Sequence[str], words: Sequence[str], own: np.ndarray, nxt: np.ndarray
    ) -> CaseModel:
        """Tables for the LM's ``vocab`` from per-word counts ``own``/``nxt`` of shape (len(words), 2)
        (columns: lower, capital), smoothed towards each table's overall capital rate."""
        index = {w: i for i, w in enumerate(vocab)}
        ids = np.array([index.get(word, -1) for word in words], dtype=np.int64)
        known = ids >= 0
        tables = []
        for counts in (np.asarray(own, np.float64), np.asarray(nxt, np.float64)):
            rate = counts.sum(axis=0) / max(counts.sum(), 1.0)
            full = np.zeros((len(vocab), 2))
            full[ids[known]] = counts[known]
            smoothed = (full + PRIOR_STRENGTH * rate) / (full.sum(axis=1, keepdims=True) + PRIOR_STRENGTH)
            tables.append(np.log10(smoothed).astype(np.float32))
        return cls(tables[0], tables[1])

    @classmethod
    def load(cls, vocab: Sequence[str], path: Path = DEFAULT_CASE_MODEL) -> CaseModel | None:
        """The committed counts mapped onto ``vocab``; None when the file is absent (no case evidence)."""
        if not path.exists():
            return None
        with np.load(path) as data:
            words = bytes(data["words"]).decode("utf-8").split("\n")
            return cls.from_counts(vocab, words, data["own"], data["next"])

    def costs(self, word_ids: Sequence[int], own: int, nxt: int) -> list[float]:
        """Channel cost (−log10 P) of the observed case for each reading; zeros where case says nothing."""
        return self.weighted_costs(word_ids, (own, nxt), 1.0, 1.0)

    def weighted_costs(
        self, word_ids: Sequence[int], case: tuple[int, int], own_weight: float, next_weight: float
    ) -> list[float]:
        """:meth:`costs` with the two factors weighted (plain lookups: a token has a handful of readings)."""
        own, nxt = case
        if own != NO_CASE and nxt != NO_CASE:
            own_cost, next_cost = self._own_cost[own], self._next_cost[nxt]
            return [own_weight * own_cost[i] + next_weight * next_cost[i] for i in word_ids]
        if own != NO_CASE:
            own_cost = self._own_cost[own]
            return [own_weight * own_cost[i] for i in word_ids]
        if nxt != NO_CASE:
            next_cost = self._next_cost[nxt]
            return [next_weight * next_cost[i] for i in word_ids]
        return [0.0] * len(word_ids)


@lru_cache(maxsize=2)
def load_default_case_model(vocab: tuple[str, ...], path: str = str(DEFAULT_CASE_MODEL)) -> CaseModel | None:
    return CaseModel.load(vocab, Path(path))
