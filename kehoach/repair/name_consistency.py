"""One reading per name in a document: a capitalised token decoded two ways is decoded one way.

A beam search decides each occurrence of ``Luan`` on its own 4-gram window, so ``xã Mường Luân`` and
``Luận Giói`` can come out of the same text, and so can ``xã Ia Hrú`` beside ``Ia Hru``. A name
means the same place or person wherever a document writes it the same way, so the occurrences are
evidence for each other: for every capitalised mid-sentence token whose occurrences were decoded
differently, each competing reading is scored at every occurrence — its channel cost plus the
language-model probability of it and of the next words, in the decoded context — and the reading
with the best total is written everywhere. Tokens at a sentence start are left alone (``Dung`` there
is the verb ``Dùng``, in mid-sentence the name ``Dũng``), as are multi-word readings of glued OCR
tokens.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from kehoach.repair.candidates import Option
from kehoach.repair.case_model import CAPITAL, SENTENCE_BREAKS, token_case
from kehoach.repair.line_text import Span
from kehoach.repair.lm import HISTORY_WORDS, NGramLM

MIN_NAME_SYLLABLES = 2  # one capitalised syllable is no name's identity (Cổng, Cộng, Công in one text)
SWITCH_MARGIN = 2.0  # log10: an occurrence whose own context prefers its reading by more keeps it
FOLLOWING_WORDS = HISTORY_WORDS  # words after a changed one whose probability it changes (4-gram)


@dataclass(frozen=True, slots=True)
class Occurrence:
    """A decoded single-syllable reading of a name token: line, position, and its alternatives."""

    line: int
    position: int
    readings: Sequence[Option]  # the token's single-syllable readings
    penalties: Sequence[float]  # their channel costs (as the decoder priced them)


class _PlannedStep(Protocol):
    """What this module reads of the decoder's per-position step (``decoder._Step``)."""

    ids: list[int]
    token: Any  # decoder._TokenPlan (singles, ids, penalty) or None for a fixed token


@dataclass(slots=True)
class NameGroups:
    """Capitalised mid-sentence tokens decoded more than one way, and the decoded word ids of the
    lines they are on (fixed tokens included, then ``</s>``)."""

    groups: list[list[Occurrence]]
    word_ids: dict[int, list[int]]


def name_occurrences(
    lines: list[list[Span]], plans: list[list[_PlannedStep]], choices: list[list[Option | None]]
) -> NameGroups:
    """The groups :func:`harmonize_names` has to settle (usually none: a cheap pass over the spans)."""
    seen: dict[tuple[str, int], list[tuple[int, int]]] = defaultdict(list)
    for li, spans in enumerate(lines):
        for run in _capitalised_runs(spans):
            name = " ".join(spans[p].text for p in run)
            for k, p in enumerate(run):
                choice = choices[li][p]
                if choice is not None and len(choice.words) == 1 and plans[li][p].token is not None:
                    seen[(name, k)].append((li, p))
    groups = [
        [Occurrence(li, p, plans[li][p].token.singles, plans[li][p].token.penalty) for li, p in positions]
        for positions in seen.values()
        if len(positions) > 1 and len({choices[li][p].words for li, p in positions}) > 1  # type: ignore[union-attr]
    ]
    word_ids = {o.line: _decoded_ids(plans[o.line], choices[o.line]) for group in groups for o in group}
    return NameGroups(groups, word_ids)


def _capitalised_runs(spans: list[Span]) -> list[list[int]]:
    """Positions of runs of at least MIN_NAME_SYLLABLES adjacent capitalised words, the first of
    them in mid-sentence (after a word, a number or a comma, as :func:`case_contexts` judges)."""
    runs: list[list[int]] = []
    current: list[int] = []
    mid = False  # whether a capital at this position would be mid-sentence
    for p, span in enumerate(spans):
        word = span.fixed_token is None
        if word and (current or mid) and token_case(span.text) == CAPITAL:
            current.append(p)
        else:
            if len(current) >= MIN_NAME_SYLLABLES:
                runs.append(current)
            current = []
        mid = word or span.text not in SENTENCE_BREAKS
    if len(current) >= MIN_NAME_SYLLABLES:
        runs.append(current)
    return runs


def _decoded_ids(plan: list[_PlannedStep], choices: list[Option | None]) -> list[int]:
    """The LM ids of a decoded line: each chosen single reading's id, fixed tokens' own ids."""
    ids = []
    for p, step in enumerate(plan):
        choice = choices[p] if p < len(choices) else None
        if step.token is None or choice is None or len(choice.words) != 1:
            ids.append(step.ids[0] if step.token is None else -1)
            continue
        k = next(i for i, option in enumerate(step.token.singles) if option is choice)
        ids.append(step.token.ids[k])
    return ids


def harmonize_names(lm: NGramLM, found: NameGroups, choices: list[list[Option | None]]) -> None:
    """Rewrite ``choices`` in place so that each group of :func:`name_occurrences` agrees where its
    own context lets it: an occurrence takes the group's best reading only when that costs it less
    than SWITCH_MARGIN on its own (``Luật Đấu thầu`` beside ``Luật Đầu tư``: the same capitalised
    pair, two names, each settled firmly by its context)."""
    for group in found.groups:
        candidates = sorted({choices[o.line][o.position].words for o in group})  # type: ignore[union-attr]
        scores = _occurrence_scores(lm, found.word_ids, group, candidates)
        if scores is None:
            continue
        best = int(np.argmax(scores.sum(axis=1)))
        wid = lm.word_id(candidates[best][0])
        for j, o in enumerate(group):
            current = candidates.index(choices[o.line][o.position].words)  # type: ignore[union-attr]
            if current != best and scores[current, j] - scores[best, j] < SWITCH_MARGIN:
                k = next(i for i, option in enumerate(o.readings) if option.words == candidates[best])
                choices[o.line][o.position] = o.readings[k]
                found.word_ids[o.line][o.position] = wid


def _occurrence_scores(
    lm: NGramLM, word_ids: dict[int, list[int]], group: list[Occurrence], candidates: list[tuple[str, ...]]
) -> np.ndarray | None:
    """(candidate, occurrence) scores: minus the channel cost, plus the log10 probability of the
    reading and of the words after it in the decoded line. None when a candidate is not a reading
    of every occurrence (different noise models saw the token differently)."""
    scores = np.zeros((len(candidates), len(group)))
    for c, words in enumerate(candidates):
        wid = lm.word_id(words[0])
        for j, o in enumerate(group):
            k = next((i for i, option in enumerate(o.readings) if option.words == words), None)
            if k is None:
                return None
            line = list(word_ids[o.line])
            line[o.position] = wid
            padded = [-1] * HISTORY_WORDS + [lm.bos_id] + line
            start = o.position + HISTORY_WORDS + 1  # the token's index in ``padded``
            positions = range(start, min(start + FOLLOWING_WORDS + 1, len(padded)))
            contexts = np.array([padded[i - HISTORY_WORDS : i] for i in positions])
            targets = np.array([padded[i] for i in positions])
            scores[c, j] = float(lm.logprob(contexts, targets).sum()) - o.penalties[k]
    return scores
