"""Beam search over the candidate readings of one line, scored by LM + channel.

A line is cut into items: word tokens (each with its :class:`Option` readings), numbers (``<num>``)
and punctuation (fixed LM tokens that give context but are never changed). Hypotheses carry their
last three word ids (the 4-gram history) and are recombined on it; each step scores every
(hypothesis, single-syllable option) pair with one vectorised LM call. Everything between word
tokens — spaces, punctuation, codes — is copied from the input, so a line keeps its structure and a
token nobody changes comes out byte-for-byte the same.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml

from kehoach.repair.candidates import Option
from kehoach.repair.lm import NGramLM
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


@dataclass(slots=True)
class _Hyp:
    score: float
    history: tuple[int, int, int]
    back: tuple | None  # (previous back, Option) linked list of choices


@dataclass(slots=True)
class _Step:
    """What one line asks of the language model at one decoder step."""

    line: int
    word_ids: np.ndarray  # the candidate (or fixed) word ids
    singles: list[Option] | None  # None for a fixed token or the end of the line
    multi: list[Option]
    keep_choice: bool  # False at the end of the line


class BeamDecoder:
    """Beam search; :meth:`decode_many` runs many lines in lock-step so that one vectorised LM call
    serves every line's step (numpy's per-call overhead, not arithmetic, dominates otherwise)."""

    def __init__(self, lm: NGramLM, beam: int = 8) -> None:
        self.lm = lm
        self.beam = beam

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
        plan_cache: dict[tuple[int, str], tuple[np.ndarray, list[Option], list[Option]]] = {}
        beams = [[_Hyp(0.0, (-1, -1, lm.bos_id), None)] for _ in lines]
        longest = max((len(spans) for spans in lines), default=0)
        for t in range(longest + 1):
            steps = [self._plan(li, spans, t, options_for[li], plan_cache) for li, spans in enumerate(lines)]
            steps = [step for step in steps if step is not None]
            if not steps:
                break
            contexts = [
                np.repeat(np.array([h.history for h in beams[s.line]]), len(s.word_ids), axis=0)
                for s in steps
            ]
            words = [np.tile(s.word_ids, len(beams[s.line])) for s in steps]
            logp = lm.logprob(np.concatenate(contexts), np.concatenate(words))
            offset = 0
            for step in steps:
                hyps = beams[step.line]
                size = len(hyps) * len(step.word_ids)
                block = logp[offset : offset + size].reshape(len(hyps), len(step.word_ids))
                offset += size
                if step.singles is None:
                    wid = int(step.word_ids[0])
                    beams[step.line] = [
                        _Hyp(
                            h.score + float(lp),
                            (*h.history[1:], wid),
                            (h.back, None) if step.keep_choice else h.back,
                        )
                        for h, lp in zip(hyps, block[:, 0], strict=True)
                    ]
                else:
                    beams[step.line] = self._select(hyps, step, block, known_words)
        return [self._unwind(max(hyps, key=lambda h: h.score)) for hyps in beams]

    def _plan(
        self,
        line: int,
        spans: list[Span],
        t: int,
        options_for: Callable[[str], list[Option]],
        cache: dict[tuple[int, str], tuple[np.ndarray, list[Option], list[Option]]],
    ) -> _Step | None:
        """What line ``line`` asks at step ``t``: its span's candidates, a fixed token, or </s>."""
        if t > len(spans):
            return None
        if t == len(spans):
            return _Step(line, np.array([self.lm.eos_id]), None, [], keep_choice=False)
        span = spans[t]
        if span.fixed_token is not None:
            return _Step(line, np.array([self.lm.word_id(span.fixed_token)]), None, [], keep_choice=True)
        key = (id(getattr(options_for, "__self__", options_for)), span.text)  # one cache per generator
        cached = cache.get(key)
        if cached is None:
            options = options_for(span.text)
            singles = [o for o in options if len(o.words) == 1]
            multi = [o for o in options if len(o.words) > 1]
            ids = np.array([self._word_id(o.words[0]) for o in singles] or [self.lm.unk_id])
            cached = (ids, singles, multi)
            cache[key] = cached
        ids, singles, multi = cached
        return _Step(line, ids, singles, multi, keep_choice=True)

    @staticmethod
    def _unwind(best: _Hyp) -> list[Option | None]:
        choices: list[Option | None] = []
        back = best.back
        while back is not None:
            back, choice = back
            choices.append(choice)
        choices.reverse()
        return choices

    def _select(self, hyps: list[_Hyp], step: _Step, logp: np.ndarray, known: frozenset[str]) -> list[_Hyp]:
        """Extend every hypothesis by every option; recombine on the 3-word history; keep the beam."""
        lm = self.lm
        scores = np.array([h.score for h in hyps])
        candidates: dict[tuple[int, int, int], _Hyp] = {}

        def offer(hyp: _Hyp, score: float, history: tuple[int, int, int], option: Option) -> None:
            current = candidates.get(history)
            if current is None or score > current.score:
                candidates[history] = _Hyp(score, history, (hyp.back, option))

        singles = step.singles or []
        if singles:
            ids = step.word_ids
            penalty = np.array([self._option_penalty(o, known) for o in singles])
            penalty += np.where(ids == lm.unk_id, UNKNOWN_WORD_PENALTY, 0.0)
            total = scores[:, None] + logp - penalty[None, :]
            flat = total.ravel()
            keep = min(flat.size, OFFERS_PER_STEP * self.beam)
            best = np.argpartition(-flat, keep - 1)[:keep] if keep < flat.size else np.arange(flat.size)
            n_s = len(singles)
            for flat_index in best.tolist():
                hi, si = divmod(flat_index, n_s)
                hyp = hyps[hi]
                offer(hyp, float(flat[flat_index]), (*hyp.history[1:], int(ids[si])), singles[si])
        contexts = np.array([h.history for h in hyps])
        for option in step.multi:
            ctx = contexts.copy()
            total = scores - self._option_penalty(option, known)
            for word in option.words:
                wid = self._word_id(word)
                total = total + lm.logprob(ctx, np.full(len(hyps), wid))
                ctx = np.column_stack([ctx[:, 1:], np.full(len(hyps), wid)])
            for hi, hyp in enumerate(hyps):
                offer(hyp, float(total[hi]), tuple(int(x) for x in ctx[hi]), option)
        ranked = sorted(candidates.values(), key=lambda h: h.score, reverse=True)
        return ranked[: self.beam]

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
