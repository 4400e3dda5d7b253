"""Beam search over the candidate readings of one line, scored by LM + channel.

A line is cut into items: word tokens (each with its :class:`Option` readings), numbers (``<num>``)
and punctuation (fixed LM tokens that give context but are never changed). Hypotheses carry their
last three word ids (the 4-gram history, packed into one int) and are recombined on it. Each step
scores every (hypothesis, single-syllable option) pair of every line of a batch with one vectorised
LM call and ranks them with one sort; an extension more than ``BEAM_MARGIN`` below its line's best
is dropped. (Profiled: the language model's table searches and numpy's per-call overhead are what a
step costs, so the fewer and larger the calls and the fewer hopeless hypotheses, the faster.)
Everything between word tokens — spaces, punctuation, codes — is copied from the input, so a line
keeps its structure and a token nobody changes comes out byte-for-byte the same.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml

from kehoach.repair.candidates import Option
from kehoach.repair.lm import EOS, NGramLM, extend_history, pack_histories
from kehoach.repair.syllables import NUM_TOKEN, apply_case, case_pattern

CONVENTIONS_PATH = Path(__file__).resolve().parent / "data" / "spelling_conventions.yaml"
OCR_SYMBOLS = "$§¢&@€"
_OCR_SPAN = re.compile(rf"(?:[^\W_]|[{re.escape(OCR_SYMBOLS)}])+")
_PLAIN_SPAN = re.compile(r"[^\W\d_]+|\d+")
_CONTEXT_PUNCT = re.compile(r"[,;:().?!]")
LONE_DIGIT_LETTERS = {"0", "6"}  # in OCR text a lone 6 is often ở/ố, a lone 0 is o
CHANNEL_WEIGHT = 1.0
UNKNOWN_WORD_PENALTY = 2.0  # <unk> stands for thousands of rare words: one of them is far less likely
KNOWN_WORD_BONUS = 0.7  # log10 bonus for a reading the same document spells that way elsewhere
BEAM_MARGIN = 4.0  # log10: an extension 10^4 times less likely than the line's best is dropped. It
# never survives to win (1,500 held-out paragraphs, OCR seeds: same accuracy), and most of a step's
# work is scoring such hopeless hypotheses (3.0 starts to cost accuracy)
READINGS_CACHE_SIZE = 20_000  # tokens whose readings are kept across documents (cleared when full)
OFFERS_PER_STEP = 3  # best (hypothesis, option) pairs per beam slot considered at each step


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
    pattern = _OCR_SPAN if ocr_symbols else _PLAIN_SPAN
    spans: list[Span] = []
    pos = 0
    for m in pattern.finditer(line):
        spans.extend(
            Span(p.start() + pos, p.end() + pos, p.group(), p.group()) for p in _punct(line[pos : m.start()])
        )
        text = m.group()
        fixed = NUM_TOKEN if text.isdigit() and not (ocr_symbols and text in LONE_DIGIT_LETTERS) else None
        spans.append(Span(m.start(), m.end(), text, fixed))
        pos = m.end()
    spans.extend(Span(p.start() + pos, p.end() + pos, p.group(), p.group()) for p in _punct(line[pos:]))
    return spans


def _punct(separator: str) -> list[re.Match[str]]:
    return list(_CONTEXT_PUNCT.finditer(separator))


_History = int  # the last three word ids packed into one int (lm.pack_histories): cheap to hash
# A hypothesis is a plain tuple (score, history, back pointer): the decoder makes hundreds of
# thousands of them, and tuples cost a fraction of an object's construction time.
_Hyp = tuple[float, _History, tuple | None]  # back: (previous back, Option | None) linked list


@dataclass(slots=True)
class _TokenPlan:
    """A token's readings as the decoder needs them, computed once per token per decode."""

    word_ids: np.ndarray  # LM ids of the single-syllable readings (unk when there are none)
    singles: list[Option]
    multi: list[Option]
    penalty: np.ndarray  # channel cost (minus the known-word bonus, plus the unk penalty) per single
    multi_penalty: list[float]  # channel cost (minus the known-word bonus) per multi-word reading


# (options list, word ids, channel costs, unk penalties, single-word options, multi-word options)
_Readings = tuple[list[Option], np.ndarray, np.ndarray, np.ndarray, list[Option], list[Option]]


@dataclass(slots=True)
class _Step:
    """What a line asks of the language model at one position (shared by every line and position
    with the same token: a decode makes one per distinct token, not one per position)."""

    word_ids: np.ndarray  # the candidate (or fixed) word ids
    penalty: np.ndarray  # subtracted from each word's score (zero for fixed tokens)
    token: _TokenPlan | None  # None for a fixed token or the end of the line
    keep_choice: bool  # False at the end of the line


class BeamDecoder:
    """Beam search; :meth:`decode_many` runs many lines in lock-step so that one vectorised LM call
    serves every line's step (numpy's per-call overhead, not arithmetic, dominates otherwise)."""

    def __init__(self, lm: NGramLM, beam: int = 8) -> None:
        self.lm = lm
        self.beam = beam
        self._readings_cache: dict[int, _Readings] = {}
        self._fixed_steps: dict[str, _Step] = {}  # one step per fixed token (number, punctuation, </s>)

    def _fixed(self, token: str) -> _Step:
        step = self._fixed_steps.get(token)
        if step is None:
            ids = np.array([self.lm.word_id(token)])
            step = self._fixed_steps[token] = _Step(ids, np.zeros(1), None, keep_choice=token != EOS)
        return step

    def decode(
        self,
        spans: list[Span],
        options_for: Callable[[str], list[Option]],
        known_words: frozenset[str] = frozenset(),
    ) -> list[Option | None]:
        """The best reading per span (None for fixed spans)."""
        return self.decode_many([spans], [options_for], known_words)[0]

    def decode_many(
        self,
        lines: list[list[Span]],
        options_for: list[Callable[[str], list[Option]]],
        known_words: frozenset[str] = frozenset(),
    ) -> list[list[Option | None]]:
        """:meth:`decode` for many lines at once (each line with its own candidate generator)."""
        lm = self.lm
        cache: dict[tuple[int, str], _Step] = {}
        plans = [
            self._line_steps(spans, generator, cache, known_words)
            for spans, generator in zip(lines, options_for, strict=True)
        ]
        start = int(pack_histories(np.array([[-1, -1, lm.bos_id]]))[0])  # <s> and no word before it
        beams: list[list[_Hyp]] = [[(0.0, start, None)] for _ in lines]
        longest = max((len(plan) for plan in plans), default=0)
        for t in range(longest):
            self._advance([(li, plan[t]) for li, plan in enumerate(plans) if t < len(plan)], beams)
        return [self._unwind(max(hyps, key=lambda h: h[0])) for hyps in beams]

    def _advance(self, steps: list[tuple[int, _Step]], beams: list[list[_Hyp]]) -> None:
        """One decoder step for every line at once: score, then rank each line's extensions.

        Scoring and ranking are vectorised over all lines (one LM call, one sort): a step touches a
        few hundred (hypothesis, word) pairs, and per-line numpy calls would cost more than the work."""
        histories: list[_History] = []
        hyp_scores: list[float] = []
        fan_out: list[int] = []
        words: list[np.ndarray] = []
        penalties: list[np.ndarray] = []
        block_sizes: list[int] = []
        for line, step in steps:
            hyps = beams[line]
            n_hyps, n_words = len(hyps), len(step.word_ids)
            histories.extend(h[1] for h in hyps)
            hyp_scores.extend(h[0] for h in hyps)
            fan_out.extend([n_words] * n_hyps)
            words.extend([step.word_ids] * n_hyps)
            penalties.extend([step.penalty] * n_hyps)
            block_sizes.append(n_hyps * n_words)
        rows = np.repeat(np.arange(len(histories)), fan_out)
        logp = self.lm.logprob_packed(np.array(histories, dtype=np.uint64), rows, np.concatenate(words))
        total = np.array(hyp_scores)[rows] + logp - np.concatenate(penalties)
        block_of_row = np.repeat(np.arange(len(steps)), block_sizes)
        order = np.lexsort((-total, block_of_row)).tolist()  # each line's block, best first
        totals = total.tolist()
        offset = 0
        for (line, step), size in zip(steps, block_sizes, strict=True):
            hyps = beams[line]
            token = step.token
            if token is None:
                beams[line] = self._extend_fixed(
                    hyps, int(step.word_ids[0]), totals[offset : offset + size], step
                )
            elif token.multi or not token.singles:
                block = logp[offset : offset + size].reshape(len(hyps), len(step.word_ids))
                beams[line] = self._select(hyps, token, block)
            else:
                ranked = order[offset : offset + min(size, OFFERS_PER_STEP * self.beam)]
                beams[line] = self._recombine(hyps, token, ranked, offset, totals)
            offset += size

    def _recombine(
        self, hyps: list[_Hyp], token: _TokenPlan, ranked: list[int], offset: int, totals: list[float]
    ) -> list[_Hyp]:
        """The new beam from a line's best extensions (global row numbers, best first): the first
        extension reaching a 3-word history is the one recombination keeps."""
        kept: dict[_History, _Hyp] = {}
        n_s = len(token.singles)
        ids = token.word_ids.tolist()
        floor = totals[ranked[0]] - BEAM_MARGIN
        for row in ranked:
            if totals[row] < floor:
                break
            hi, si = divmod(row - offset, n_s)
            hyp = hyps[hi]
            history = extend_history(hyp[1], ids[si])
            if history not in kept:
                kept[history] = (totals[row], history, (hyp[2], token.singles[si]))
                if len(kept) == self.beam:
                    break
        return list(kept.values())

    @staticmethod
    def _extend_fixed(hyps: list[_Hyp], wid: int, totals: list[float], step: _Step) -> list[_Hyp]:
        """Every hypothesis takes the fixed token (a number, punctuation, the end of the line)."""
        return [
            (total, extend_history(h[1], wid), (h[2], None) if step.keep_choice else h[2])
            for h, total in zip(hyps, totals, strict=True)
        ]

    def _line_steps(
        self,
        spans: list[Span],
        options_for: Callable[[str], list[Option]],
        cache: dict[tuple[int, str], _Step],
        known: frozenset[str],
    ) -> list[_Step]:
        """What a line asks at each position: its spans' candidates or fixed tokens, then </s>."""
        generator_key = id(getattr(options_for, "__self__", options_for))  # one cache per generator
        steps: list[_Step] = []
        for span in spans:
            if span.fixed_token is not None:
                steps.append(self._fixed(span.fixed_token))
                continue
            key = (generator_key, span.text)
            step = cache.get(key)
            if step is None:
                token = self._token_plan(options_for(span.text), known)
                penalty = token.penalty if token.singles else np.zeros(len(token.word_ids))
                step = cache[key] = _Step(token.word_ids, penalty, token, keep_choice=True)
            steps.append(step)
        steps.append(self._fixed(EOS))
        return steps

    def _token_plan(self, options: list[Option], known: frozenset[str]) -> _TokenPlan:
        """The token's readings with this document's penalties (the known-word bonus)."""
        _, ids, costs, unk_penalty, singles, multi = self._readings(options)
        penalty = costs
        if known and singles:
            in_document = np.fromiter((o.words[0] in known for o in singles), dtype=bool, count=len(singles))
            penalty = costs - KNOWN_WORD_BONUS * in_document
        if singles:
            penalty = penalty + unk_penalty
        multi_penalty = [self._option_penalty(o, known) for o in multi]
        return _TokenPlan(ids, singles, multi, penalty, multi_penalty)

    def _readings(self, options: list[Option]) -> _Readings:
        """What does not depend on the document: ids and channel costs of a token's readings, cached
        per options list (generators cache their lists; the entry holds the list, so its id cannot
        be reused by another one while the entry lives)."""
        entry = self._readings_cache.get(id(options))
        if entry is None or entry[0] is not options:
            singles = [o for o in options if len(o.words) == 1]
            multi = [o for o in options if len(o.words) > 1]
            ids = np.array([self._word_id(o.words[0]) for o in singles] or [self.lm.unk_id])
            costs = np.array([CHANNEL_WEIGHT * o.cost for o in singles])
            unk_penalty = np.where(ids == self.lm.unk_id, UNKNOWN_WORD_PENALTY, 0.0)
            entry = (options, ids, costs, unk_penalty, singles, multi)
            if len(self._readings_cache) >= READINGS_CACHE_SIZE:
                self._readings_cache.clear()
            self._readings_cache[id(options)] = entry
        return entry

    @staticmethod
    def _unwind(best: _Hyp) -> list[Option | None]:
        choices: list[Option | None] = []
        back = best[2]
        while back is not None:
            back, choice = back
            choices.append(choice)
        choices.reverse()
        return choices

    def _select(self, hyps: list[_Hyp], token: _TokenPlan, logp: np.ndarray) -> list[_Hyp]:
        """Extend every hypothesis by every option; recombine on the 3-word history; keep the beam.

        Offers are visited best first, so the first offer for a history is the one recombination
        keeps, and the beam is full after the first ``beam`` distinct histories."""
        offers: list[tuple[float, _History, _Hyp, Option]] = []
        if token.singles:
            scores = np.fromiter((h[0] for h in hyps), dtype=np.float64, count=len(hyps))
            flat = (scores[:, None] + logp - token.penalty[None, :]).ravel()
            keep = min(flat.size, OFFERS_PER_STEP * self.beam)
            best = np.argpartition(-flat, keep - 1)[:keep] if keep < flat.size else np.arange(flat.size)
            best = best[np.argsort(-flat[best], kind="stable")]
            n_s = len(token.singles)
            ids = token.word_ids.tolist()
            for flat_index, score in zip(best.tolist(), flat[best].tolist(), strict=True):
                hi, si = divmod(flat_index, n_s)
                hyp = hyps[hi]
                offers.append((score, extend_history(hyp[1], ids[si]), hyp, token.singles[si]))
        if token.multi:
            offers.extend(self._multi_offers(hyps, token))
            offers.sort(key=lambda offer: offer[0], reverse=True)
        kept: dict[_History, _Hyp] = {}
        for score, history, hyp, option in offers:
            if history not in kept:
                kept[history] = (score, history, (hyp[2], option))
                if len(kept) == self.beam:
                    break
        return list(kept.values())

    def _multi_offers(
        self, hyps: list[_Hyp], token: _TokenPlan
    ) -> list[tuple[float, _History, _Hyp, Option]]:
        """Offers for readings of several words (an OCR-glued token), scored word by word: they are
        rare (learned OCR pairs only), so they are not worth batching with the single syllables."""
        lm = self.lm
        scores = np.array([h[0] for h in hyps])
        rows = np.arange(len(hyps))
        offers = []
        for option, penalty in zip(token.multi, token.multi_penalty, strict=True):
            histories = [h[1] for h in hyps]
            total = scores - penalty
            for word in option.words:
                wid = self._word_id(word)
                packed = np.array(histories, dtype=np.uint64)
                total = total + lm.logprob_packed(packed, rows, np.full(len(hyps), wid))
                histories = [extend_history(h, wid) for h in histories]
            for hi, hyp in enumerate(hyps):
                offers.append((float(total[hi]), histories[hi], hyp, option))
        return offers

    def _word_id(self, word: str) -> int:
        return self.lm.word_id(NUM_TOKEN if word.isdigit() else word)

    @staticmethod
    def _option_penalty(option: Option, known: frozenset[str]) -> float:
        penalty = CHANNEL_WEIGHT * option.cost
        if known and all(w in known for w in option.words):
            penalty -= KNOWN_WORD_BONUS
        return penalty


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
    if len(option.words) == 1 and (lower, option.words[0]) in SPELLING_CONVENTIONS:
        return observed  # the document's own spelling convention wins
    out = []
    for word, piece in zip(option.words, option.pieces, strict=True):
        if word.isdigit() or word == piece.lower():
            out.append(piece)
        else:
            pattern = case_pattern(piece) if len(option.words) > 1 else case_pattern(observed)
            out.append(apply_case(word, pattern))
    return " ".join(out)
