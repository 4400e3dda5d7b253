"""Beam search over the candidate readings of one line, scored by LM + channel.

A line is cut into items: word tokens (each with its :class:`Option` readings), numbers (``<num>``)
and punctuation (fixed LM tokens that give context but are never changed). Hypotheses carry their
last three word ids (the 4-gram history, packed into one int) and are recombined on it. Each step
scores every (hypothesis, single-syllable option) pair of every line of a batch with one vectorised
LM call and ranks them with one sort; an extension more than ``BEAM_MARGIN`` below its line's best
is dropped. Numbers and punctuation need no decision: their scores ride along in the LM call of
the next word token, so a line takes one step per word (a fifth fewer steps on plain text).
(Profiled: a step costs ~40 us of numpy call overhead plus ~0.5 us per (hypothesis, word) pair,
most of it LM lookups; lines are of uneven length, so half the steps serve one or two lines.)
Everything between word tokens — spaces, punctuation, codes — is copied from the input, so a line
keeps its structure and a token nobody changes comes out byte-for-byte the same.

In typed text (stripped or half-marked: the generator makes no letter edits) a reading's channel
cost also prices the case observed on the token and on the next word (:mod:`.case_model`: the LM
is lowercased, the capital of ``Luan`` says Luân, not luận), and an unknown reading is priced by the
model's own <unk> convention. After decoding, a capitalised name written the same way twice gets
one reading where its contexts allow (:mod:`.name_consistency`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from kehoach.repair.candidates import Option
from kehoach.repair.case_model import NO_CASE, CaseModel, case_contexts, load_default_case_model
from kehoach.repair.line_text import (  # re-exported: the repairer and tests import them from here
    LONE_DIGIT_LETTERS,
    OCR_SYMBOLS,
    SPELLING_CONVENTIONS,
    Span,
    render,
    split_line,
)
from kehoach.repair.lm import BITS, EOS, HISTORY_MASK, UNK_PENALTY, NGramLM, extend_history, pack_histories
from kehoach.repair.name_consistency import harmonize_names, name_occurrences
from kehoach.repair.syllables import NUM_TOKEN, has_diacritics

__all__ = [
    "LONE_DIGIT_LETTERS",
    "OCR_SYMBOLS",
    "SPELLING_CONVENTIONS",
    "BeamDecoder",
    "Span",
    "render",
    "split_line",
]

CHANNEL_WEIGHT = 1.0
UNKNOWN_WORD_PENALTY = 2.0  # <unk> stands for thousands of rare words: one of them is far less likely
KNOWN_WORD_BONUS = 0.7  # log10 bonus for a reading the same document spells that way elsewhere; in
# typed text only for readings with marks: a plain word on a "clean" line of a stripped document
# may itself be stripped (``Dinh`` there vouched for Thạnh Dinh over Thanh Định)
BEAM_MARGIN = 4.0  # log10: an extension 10^4 times less likely than the line's best is dropped. It
# never survives to win (1,500 held-out paragraphs, OCR seeds: same accuracy), and most of a step's
# work is scoring such hopeless hypotheses (3.0 starts to cost accuracy)
READINGS_CACHE_SIZE = 20_000  # tokens whose readings are kept across documents (cleared when full)
OFFERS_PER_STEP = 3  # best (hypothesis, option) pairs per beam slot considered at each step
CASE_WEIGHT = 0.3  # weight of log10 P(observed case | reading) (:mod:`kehoach.repair.case_model`); the LM
# already knows most names, so full weight (1.0) over-rules it: dev paragraphs 64 errors at 1.0, 59 at 0.3
NEXT_CASE_WEIGHT = 0.3  # weight of log10 P(next word's observed case | reading)
_NO_CASE_CONTEXT = (NO_CASE, NO_CASE)
READING_BEAM_CAP = 16  # after a token with more readings than the beam (do: đó, đổ, độ, đồ, dỗ ...), up
# to this many hypotheses are kept, so that each reading meets the next word before it is pruned
# ("khôi phục (do gay" lost "đổ gãy" at beam 8); held-out stripped -3 errors, as beam 16 everywhere
WIDE_BEAM_MARGIN = 3.0  # ... but a slot beyond the beam only within this of the best (2.0: +1 error)
HARMONIZE_NAMES = True  # a repeated name gets one reading (:mod:`kehoach.repair.name_consistency`)


_History = int  # the last three word ids packed into one int (lm.pack_histories): cheap to hash
# A hypothesis is a plain tuple (score, history, back pointer): the decoder makes hundreds of
# thousands of them, and tuples cost a fraction of an object's construction time.
_Hyp = tuple[float, _History, tuple | None]  # back: (previous back, Option | None) linked list


@dataclass(slots=True)
class _TokenPlan:
    """A token's readings as the decoder needs them, computed once per token per decode."""

    word_ids: np.ndarray  # LM ids of the single-syllable readings (unk when there are none)
    ids: list[int]  # the same as a list
    singles: list[Option]
    multi: list[Option]
    penalty: list[float]  # channel cost (minus the known-word bonus, plus the unk penalty) per single
    multi_penalty: list[float]  # channel cost (minus the known-word bonus) per multi-word reading


# (options list, word ids, channel costs, unk penalties, single-word options, multi-word options)
_Readings = tuple[
    list[Option], np.ndarray, list[int], list[float], list[bool], list[str], list[Option], list[Option]
]


@dataclass(slots=True)
class _Step:
    """What a line asks of the language model at one position (shared by every line and position
    with the same token: a decode makes one per distinct token, not one per position)."""

    word_ids: np.ndarray  # the candidate (or fixed) word ids
    ids: list[int]  # the same as a list: a step's rows are built by list repetition, one array at
    penalties: list[float]  # the end; subtracted from each word's score (zero for fixed tokens)
    token: _TokenPlan | None  # None for a fixed token or the end of the line
    keep_choice: bool  # False at the end of the line


@dataclass(slots=True)
class _Move:
    """A line's share of one lock-step: the fixed tokens (numbers, punctuation, </s>) up to its next
    word token, then that token (None at the end of the line). Fixed tokens ask for no decision,
    so their LM scores ride along in the call of the word after them: a line takes one step per
    word instead of one per token (a fifth fewer steps on plain text)."""

    fixed: list[_Step]
    choice: _Step | None


class BeamDecoder:
    """Beam search; :meth:`decode_many` runs many lines in lock-step so that one vectorised LM call
    serves every line's step (numpy's per-call overhead, not arithmetic, dominates otherwise)."""

    def __init__(self, lm: NGramLM, beam: int = 8, case_model: CaseModel | None | str = "default") -> None:
        """``case_model``: the committed case statistics by default, None to decode without case evidence."""
        self.lm = lm
        self.beam = beam
        self.case = load_default_case_model(tuple(lm.vocab)) if case_model == "default" else case_model
        # In typed text an unknown reading is priced as the model prices a word it never saw: the
        # n-gram probability of the <unk> class is shared by every such word, so one of them gets
        # UNK_PENALTY (its backoff score) less the class's own unigram (4.45 for the committed model;
        # held-out stripped: 2.0 -> 4.45 is -4 errors). OCR keeps codes and garbage as observed, where
        # UNKNOWN_WORD_PENALTY stays (3.0 there cost Tuổi Hồng 0.35 points).
        self.typed_unknown_penalty = max(
            UNKNOWN_WORD_PENALTY, float(lm.unigram_logp[lm.unk_id]) - UNK_PENALTY
        )
        self._readings_cache: dict[int, _Readings] = {}
        self._step_cache: dict[tuple[int, tuple[int, int], bool], tuple[list[Option], _Step]] = {}
        self._fixed_steps: dict[str, _Step] = {}  # one step per fixed token (number, punctuation, </s>)

    def _fixed(self, token: str) -> _Step:
        step = self._fixed_steps.get(token)
        if step is None:
            wid = self.lm.word_id(token)
            step = self._fixed_steps[token] = _Step(np.array([wid]), [wid], [0.0], None, token != EOS)
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
        moves = [_moves(plan) for plan in plans]
        longest = max((len(line_moves) for line_moves in moves), default=0)
        for t in range(longest):
            self._advance([(li, m[t]) for li, m in enumerate(moves) if t < len(m)], beams)
        choices = [self._unwind(max(hyps, key=lambda h: h[0])) for hyps in beams]
        if HARMONIZE_NAMES:
            harmonize_names(lm, name_occurrences(lines, plans, choices), choices)
        return choices

    def _advance(self, steps: list[tuple[int, _Move]], beams: list[list[_Hyp]]) -> None:
        """One decoder step for every line at once: score, then rank each line's extensions.

        Scoring and ranking are vectorised over all lines (one LM call, one sort): a step touches a
        few hundred (hypothesis, word) pairs, and per-line numpy calls would cost more than the work.
        Rows of the LM call: first every line's word-token block (hypothesis-major), then the fixed
        tokens' rows (one per hypothesis and token)."""
        histories: list[_History] = []
        fan_out: list[int] = []
        words: list[int] = []
        penalties: list[float] = []
        block_sizes: list[int] = []
        fixed_histories: list[_History] = []
        fixed_words: list[int] = []
        for line, move in steps:
            hyps = beams[line]
            n_hyps = len(hyps)
            line_histories = [h[1] for h in hyps]
            for step in move.fixed:
                fixed_histories.extend(line_histories)
                fixed_words.extend(step.ids * n_hyps)
                wid = step.ids[0]
                line_histories = [
                    ((h << BITS) | wid) & HISTORY_MASK for h in line_histories
                ]  # extend_history
            if move.choice is not None:
                n_words = len(move.choice.ids)
                histories.extend(line_histories)
                fan_out.extend([n_words] * n_hyps)
                words.extend(move.choice.ids * n_hyps)
                penalties.extend(move.choice.penalties * n_hyps)
                block_sizes.append(n_hyps * n_words)
        rows = np.repeat(
            np.arange(len(histories) + len(fixed_histories)), fan_out + [1] * len(fixed_histories)
        )
        logp = self.lm.logprob_packed(
            np.array(histories + fixed_histories, dtype=np.uint64),
            rows,
            np.array(words + fixed_words, dtype=np.uint64),
        )
        n_choice = int(sum(block_sizes))
        fixed_logp = logp[n_choice:].tolist()
        hyp_scores: list[float] = []
        fixed_at = 0
        for line, move in steps:
            if move.fixed:
                beams[line], fixed_at = self._extend_fixed(beams[line], move.fixed, fixed_logp, fixed_at)
            if move.choice is not None:
                hyp_scores.extend(h[0] for h in beams[line])
        if not block_sizes:
            return
        logp = logp[:n_choice]
        total = np.array(hyp_scores)[rows[:n_choice]] + logp - np.array(penalties)
        block_of_row = np.repeat(np.arange(len(block_sizes)), block_sizes)
        order = np.lexsort((-total, block_of_row)).tolist()  # each line's block, best first
        totals = total.tolist()
        offset = 0
        sizes = iter(block_sizes)
        for line, move in steps:
            step = move.choice
            if step is None:
                continue
            size = next(sizes)
            hyps = beams[line]
            token = step.token
            assert token is not None  # a fixed token is never a move's choice
            if token.multi or not token.singles:
                block = logp[offset : offset + size].reshape(len(hyps), len(step.word_ids))
                beams[line] = self._select(hyps, token, block)
            else:
                beam = max(self.beam, min(len(token.singles), READING_BEAM_CAP))
                ranked = order[offset : offset + min(size, OFFERS_PER_STEP * beam)]
                beams[line] = self._recombine(hyps, token, ranked, offset, totals, beam)
            offset += size

    def _recombine(
        self,
        hyps: list[_Hyp],
        token: _TokenPlan,
        ranked: list[int],
        offset: int,
        totals: list[float],
        beam: int,
    ) -> list[_Hyp]:
        """The new beam from a line's best extensions (global row numbers, best first): the first
        extension reaching a 3-word history is the one recombination keeps."""
        kept: dict[_History, _Hyp] = {}
        n_s = len(token.singles)
        ids = token.ids
        best = totals[ranked[0]]
        floor = best - BEAM_MARGIN
        for row in ranked:
            if totals[row] < floor:
                break
            hi, si = divmod(row - offset, n_s)
            hyp = hyps[hi]
            history = ((hyp[1] << BITS) | ids[si]) & HISTORY_MASK  # extend_history, inlined: a hot loop
            if history not in kept:
                kept[history] = (totals[row], history, (hyp[2], token.singles[si]))
                if len(kept) == beam:
                    break
                if len(kept) == self.beam:  # slots beyond the beam only for close calls
                    floor = best - WIDE_BEAM_MARGIN
        return list(kept.values())

    @staticmethod
    def _extend_fixed(
        hyps: list[_Hyp], fixed: list[_Step], fixed_logp: list[float], at: int
    ) -> tuple[list[_Hyp], int]:
        """Every hypothesis takes the fixed tokens (numbers, punctuation, the end of the line), one
        after the other; ``fixed_logp[at:]`` holds their scores, token-major. Returns the new beam
        and where the next line's scores start."""
        for step in fixed:
            wid = step.ids[0]
            scores = fixed_logp[at : at + len(hyps)]
            at += len(hyps)
            hyps = [
                (h[0] + lp, ((h[1] << BITS) | wid) & HISTORY_MASK, (h[2], None) if step.keep_choice else h[2])
                for h, lp in zip(hyps, scores, strict=True)
            ]
        return hyps, at

    def _line_steps(
        self,
        spans: list[Span],
        options_for: Callable[[str], list[Option]],
        cache: dict[tuple[int, str], _Step],
        known: frozenset[str],
    ) -> list[_Step]:
        """What a line asks at each position: its spans' candidates or fixed tokens, then </s>."""
        generator_key = id(getattr(options_for, "__self__", options_for))  # one cache per generator
        typed = _typed_text(options_for)
        contexts = case_contexts(spans) if self.case is not None and typed else None
        steps: list[_Step] = []
        for i, span in enumerate(spans):
            if span.fixed_token is not None:
                steps.append(self._fixed(span.fixed_token))
                continue
            case = contexts[i] if contexts is not None else _NO_CASE_CONTEXT
            key = (generator_key, span.text, case)
            step = cache.get(key)
            if step is None:
                step = cache[key] = self._token_step(options_for(span.text), known, case, typed)
            steps.append(step)
        steps.append(self._fixed(EOS))
        return steps

    def _token_step(
        self, options: list[Option], known: frozenset[str], case: tuple[int, int], typed: bool
    ) -> _Step:
        """A word token's step. Kept across documents while no reading is one of the document's known
        words (the usual case): a token in a given case context is then priced the same everywhere,
        and building its plan again for every document cost stripped text ~5 % of its time."""
        readings = self._readings(options)
        shared = not readings[7] and (not known or known.isdisjoint(readings[5]))  # no multi, no bonus
        key = (id(options), case, typed)
        if shared:
            entry = self._step_cache.get(key)
            if entry is not None and entry[0] is options:
                return entry[1]
        token = self._token_plan(options, known, case, typed)
        penalty = token.penalty if token.singles else [0.0] * len(token.ids)
        step = _Step(token.word_ids, token.ids, penalty, token, keep_choice=True)
        if shared:
            if len(self._step_cache) >= READINGS_CACHE_SIZE:
                self._step_cache.clear()
            self._step_cache[key] = (options, step)
        return step

    def _token_plan(
        self,
        options: list[Option],
        known: frozenset[str],
        case: tuple[int, int] = _NO_CASE_CONTEXT,
        typed: bool = False,
    ) -> _TokenPlan:
        """The token's readings with this document's penalties (the known-word bonus) and the cost
        of the case observed on it and on the next word (:mod:`kehoach.repair.case_model`)."""
        _, word_ids, ids, costs, unknown, words, singles, multi = self._readings(options)
        penalty = costs  # Python floats: a token has a handful of readings, too few for numpy
        if known and not known.isdisjoint(words):
            penalty = [
                c - KNOWN_WORD_BONUS
                if o.words[0] in known and (not typed or has_diacritics(o.words[0]))
                else c
                for c, o in zip(costs, singles, strict=True)
            ]
        if case != _NO_CASE_CONTEXT and len(singles) > 1 and self.case is not None:
            weighted = self.case.weighted_costs(ids, case, CASE_WEIGHT, NEXT_CASE_WEIGHT)
            penalty = [p + w for p, w in zip(penalty, weighted, strict=True)]
        if True in unknown:
            unk = self.typed_unknown_penalty if typed else UNKNOWN_WORD_PENALTY
            penalty = [p + unk if u else p for p, u in zip(penalty, unknown, strict=True)]
        multi_penalty = [self._option_penalty(o, known) for o in multi]
        return _TokenPlan(word_ids, ids, singles, multi, penalty, multi_penalty)

    def _readings(self, options: list[Option]) -> _Readings:
        """What does not depend on the document: ids and channel costs of a token's readings, cached
        per options list (generators cache their lists; the entry holds the list, so its id cannot
        be reused by another one while the entry lives)."""
        entry = self._readings_cache.get(id(options))
        if entry is None or entry[0] is not options:
            singles = [o for o in options if len(o.words) == 1]
            multi = [o for o in options if len(o.words) > 1]
            words = [o.words[0] for o in singles]
            index, unk = self.lm.index, self.lm.unk_id  # _word_id, inlined: tokens have many readings
            ids = [index.get(NUM_TOKEN if w.isdigit() else w, unk) for w in words] or [unk]
            costs = [CHANNEL_WEIGHT * o.cost for o in singles]
            unknown = [wid == unk for wid in ids[: len(singles)]]
            entry = (options, np.array(ids), ids, costs, unknown, words, singles, multi)
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
            flat = (scores[:, None] + logp - np.array(token.penalty)[None, :]).ravel()
            keep = min(flat.size, OFFERS_PER_STEP * self.beam)
            best = np.argpartition(-flat, keep - 1)[:keep] if keep < flat.size else np.arange(flat.size)
            best = best[np.argsort(-flat[best], kind="stable")]
            n_s = len(token.singles)
            ids = token.ids
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


def _typed_text(options_for: Callable[[str], list[Option]]) -> bool:
    """Whether the generator serves typed text (stripped or half-marked: no letter edits), whose case
    is the writer's. OCR misreads case too (``l``/``I``, capitals for marked letters): on the eng
    pages case evidence changed nothing and cost Tuổi Hồng 0.06 points, so it is not used there."""
    params = getattr(getattr(options_for, "__self__", None), "params", None)
    return params is not None and params.max_edits == 0


def _moves(plan: list[_Step]) -> list[_Move]:
    """A line's steps grouped into moves: each word token with the fixed tokens before it, and the
    fixed tokens after the last word (at least </s>) as a last move without a choice."""
    moves: list[_Move] = []
    fixed: list[_Step] = []
    for step in plan:
        if step.token is None:
            fixed.append(step)
        else:
            moves.append(_Move(fixed, step))
            fixed = []
    if fixed:
        moves.append(_Move(fixed, None))
    return moves
