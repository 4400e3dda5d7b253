"""The channel model: how likely an observed token is, given the syllable the writer intended.

Three noise sources share one character-level model with different parameters:

* ``stripped`` — diacritics dropped by a keyboard or a converter: a mark may vanish, never change.
* ``ocr-eng`` — Tesseract's English model on Vietnamese print: marks vanish or turn into look-alike
  marks (``é`` means "an e with some mark" — evidence, not noise), hooked letters become plain
  ones, symbols stand for letters (``$`` for S, ``6`` for ô), two glyphs for one (``ti`` for ủ).
* ``ocr-vie`` — Tesseract's Vietnamese model: rarer, mostly wrong tones or one lost mark.

Costs are -log10 P(observed | intended). Character costs come from the prior in
``data/ocr_channel_prior.yaml``; whole-token evidence comes from learned pair files
``kehoach/resources/channel/{eng,vie}_pairs.tsv.gz`` (``intended<TAB>observed<TAB>count``) when they
exist, and is used both to propose candidates and to price them.
"""

from __future__ import annotations

import gzip
import math
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import yaml

from kehoach.repair.syllables import decompose_char, normalize_tone_placement, strip_diacritics

PRIOR_PATH = Path(__file__).resolve().parent / "data" / "ocr_channel_prior.yaml"
PAIRS_DIR = Path(__file__).resolve().parent.parent / "resources" / "channel"
MIN_PAIR_COUNT = 2  # learned pairs seen once are too often alignment accidents
MIN_LEARNED_MARKS = 500  # marks observed before learned mark costs replace the prior ones


@dataclass(frozen=True, slots=True)
class NoiseParams:
    """Mark-level costs for one noise source (log10 units)."""

    name: str
    drop_mark: float  # one tone or modifier present in the intended letter, absent in the observed
    wrong_mark: float  # observed letter carries a mark the intended one does not have
    max_edits: int  # how far (in skeleton edits) candidates may be from the observed token
    fuzzy: bool = False  # propose near skeletons and split glued tokens (letters themselves misread)
    # Candidates ranked this far (log10, channel + 0.3 x unigram) below a token's best are dropped
    # before decoding. It must exceed the cost of the errors the source makes, or they are never fixed.
    rank_gap: float = 1.5
    # The gap for a capitalised word inside a line (a name: "Nguyễn Bình Khiêm" is kept as the page
    # spells it, even where the model knows a likelier name).
    name_rank_gap: float = 1.5
    # Extra cost of a reading with another skeleton when the observed token is itself a known
    # syllable: a source whose letters are nearly always right (vie) rarely turns one word into another.
    known_word_edit_cost: float = 0.0
    # Whether the source misreads digits and letters for each other (eng: "1ap", "6 phường"); vie reads
    # digits right, so a lone digit stays a number and a code with digits ("5G", "H2O") stays whole.
    digits_for_letters: bool = True
    # Whether a token may be cut into several words (eng glues words: "tréndiabanQuéan"); vie rarely
    # does, and cutting a misread word ("tcồng" -> "t công") is worse than leaving it.
    split_tokens: bool = True
    # Whether glyphs that are no letter, glued to or inside a word, stand for letters ("Vă¡", "C¿c",
    # "Ch:nh"): vie's way of failing on a damaged letter, where eng's symbols have their own table.
    junk_glyphs: bool = False
    # Whether the marks the source reads are evidence even on a misread base letter ("trềng" for
    # "trồng": vie's marks are right when a letter is not); eng's marks are too loose for that.
    trusts_marks: bool = False


STRIPPED = NoiseParams("stripped", drop_mark=0.02, wrong_mark=3.0, max_edits=0)
CLEANISH = NoiseParams("cleanish", drop_mark=1.2, wrong_mark=3.0, max_edits=0)
OCR_ENG = NoiseParams("ocr-eng", drop_mark=0.25, wrong_mark=0.7, max_edits=2, fuzzy=True)
# vie is right 99 % of the time, but its errors are one mark on a valid syllable (tầm -> tâm): with a
# mark costing 1.5, a gap of 1.5 dropped every such reading less frequent than the observed word.
# Its letters are misread too on degraded pages (cônự, quvyen, theo for thao): near skeletons are
# proposed, dearer when the observed token is already a word.
OCR_VIE = NoiseParams(
    "ocr-vie",
    drop_mark=1.5,
    wrong_mark=1.5,
    max_edits=1,
    fuzzy=True,
    rank_gap=2.5,
    known_word_edit_cost=1.5,
    digits_for_letters=False,
    split_tokens=False,
    junk_glyphs=True,
    trusts_marks=True,
)


@dataclass(slots=True)
class OcrPrior:
    fold: dict[str, str]
    substitute: dict[tuple[str, str], float]
    merge: dict[tuple[str, str], float]
    default_substitute: float
    insert: float
    delete: float
    junk: frozenset[str] = frozenset()
    junk_substitute: float = 2.2
    junk_letters: frozenset[str] = frozenset()  # letters Vietnamese lacks: junk inside a marked word

    @classmethod
    def load(cls, path: Path = PRIOR_PATH) -> OcrPrior:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return cls(
            fold={str(k): str(v) for k, v in data["fold"].items()},
            substitute={(str(o), str(i)): float(c) for o, i, c in data["substitute"]},
            merge={(str(o), str(i)): float(c) for o, i, c in data["merge"]},
            default_substitute=float(data["default_substitute"]),
            insert=float(data["insert"]),
            delete=float(data["delete"]),
            junk=frozenset(str(data.get("junk", ""))),
            junk_substitute=float(data.get("junk_substitute", data["default_substitute"])),
            junk_letters=frozenset(str(data.get("junk_letters", ""))),
        )


@dataclass(slots=True)
class LearnedPairs:
    """Whole-token evidence: observed (lowercase) -> {intended (lowercase): -log10 P(obs | int)}."""

    table: dict[str, dict[str, float]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> LearnedPairs:
        pair_counts: dict[tuple[str, str], int] = defaultdict(int)
        intended_totals: dict[str, int] = defaultdict(int)
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                parts = line.rstrip("\n").split("\t")
                if len(parts) != 3 or not parts[2].isdigit():
                    continue
                intended = normalize_tone_placement(parts[0]).lower()
                observed = parts[1].lower()
                count = int(parts[2])
                pair_counts[(intended, observed)] += count
                intended_totals[intended] += count
        table: dict[str, dict[str, float]] = defaultdict(dict)
        for (intended, observed), count in pair_counts.items():
            if count >= MIN_PAIR_COUNT and intended != observed:
                table[observed][intended] = -math.log10(count / intended_totals[intended])
        return cls(dict(table))

    def lookup(self, observed: str) -> dict[str, float]:
        return self.table.get(observed.lower(), {})


@dataclass(slots=True)
class MarkCounts:
    """How often the OCR kept, dropped or changed a tone or modifier mark, from aligned pairs."""

    kept: int = 0
    dropped: int = 0
    wrong: int = 0

    def add(self, observed: str, intended: str, times: int = 1) -> None:
        kept, dropped, wrong = self.kept, self.dropped, self.wrong
        for o, i in zip(observed, intended, strict=True):
            _, o_mod, o_tone = decompose_char(o)
            _, i_mod, i_tone = decompose_char(i)
            for o_mark, i_mark in ((o_mod, i_mod), (o_tone, i_tone)):
                if i_mark and o_mark == i_mark:
                    kept += times
                elif i_mark and not o_mark:
                    dropped += times
                elif o_mark and o_mark != i_mark:
                    wrong += times
        self.kept, self.dropped, self.wrong = kept, dropped, wrong

    def params(self, base: NoiseParams, min_marks: int = MIN_LEARNED_MARKS) -> NoiseParams:
        """``base`` with drop / wrong-mark costs estimated from the counts (when there are enough)."""
        total = self.kept + self.dropped + self.wrong
        if total < min_marks:
            return base
        drop = -math.log10(max(self.dropped, 1) / total)
        wrong = -math.log10(max(self.wrong, 1) / total)
        return replace(base, drop_mark=round(drop, 3), wrong_mark=round(max(wrong, drop), 3))


def learn_mark_counts(path: Path) -> MarkCounts:
    """Mark statistics of single-syllable pairs whose letters line up (same skeleton length)."""
    counts = MarkCounts()
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 3 or not parts[2].isdigit() or " " in parts[0] or " " in parts[1]:
                continue
            intended = normalize_tone_placement(parts[0]).lower()
            observed = normalize_tone_placement(parts[1]).lower()
            if len(intended) == len(observed) and strip_diacritics(intended) == strip_diacritics(observed):
                counts.add(observed, intended, times=min(int(parts[2]), 50))
    return counts


@lru_cache(maxsize=8)  # model data: read once per process, shared by every Repairer
def learned_mark_params(kind: str, base: NoiseParams, directory: Path = PAIRS_DIR) -> NoiseParams:
    """``base`` with mark costs learned from ``{kind}_pairs.tsv.gz``, or ``base`` without the file."""
    path = directory / f"{kind}_pairs.tsv.gz"
    if not path.exists():
        return base
    try:
        return learn_mark_counts(path).params(base)
    except (OSError, EOFError, UnicodeDecodeError):
        return base


@lru_cache(maxsize=8)  # model data: read once per process, shared by every Repairer
def load_learned_pairs(kind: str, directory: Path = PAIRS_DIR) -> LearnedPairs:
    """The pairs for ``kind`` ('eng' or 'vie'), or an empty table when the file is not built yet."""
    path = directory / f"{kind}_pairs.tsv.gz"
    if not path.exists():
        return LearnedPairs()
    try:
        return LearnedPairs.load(path)
    except (OSError, EOFError, UnicodeDecodeError):
        return LearnedPairs()


def mark_cost(observed: str, intended: str, params: NoiseParams) -> float:
    """Cost of reading ``intended`` letter as ``observed`` when both share a base letter."""
    if observed == intended:
        return 0.0
    o_base, o_mod, o_tone = decompose_char(observed)
    i_base, i_mod, i_tone = decompose_char(intended)
    cost = 0.0
    if o_mod != i_mod:
        cost += params.drop_mark if not o_mod else params.wrong_mark
    if o_tone != i_tone:
        cost += params.drop_mark if not o_tone else params.wrong_mark
    if o_base != i_base:  # case differences are never passed here; bases differ only for đ/d
        cost += params.wrong_mark
    return cost


def _same_marks(observed: str, intended: str) -> bool:
    """Whether two letters carry the same modifier and tone (``ề`` and ``ồ``: a circumflex and a grave)."""
    return decompose_char(observed)[1:] == decompose_char(intended)[1:]


class CharChannel:
    """Weighted edit distance between an observed token and an intended syllable (both lowercase)."""

    def __init__(self, params: NoiseParams, prior: OcrPrior) -> None:
        self.params = params
        self.prior = prior
        self._cache: dict[tuple[str, str], float] = {}
        self._letter_cache: dict[tuple[str, str], float] = {}
        self._bound_cache: dict[tuple[str, str], float] = {}

    def letter_cost(self, observed: str, intended: str) -> float:
        key = (observed, intended)
        cost = self._letter_cache.get(key)
        if cost is None:
            cost = self._letter_cost(observed, intended)
            self._letter_cache[key] = cost
        return cost

    def _letter_cost(self, observed: str, intended: str) -> float:
        o_base = strip_diacritics(observed)
        i_base = strip_diacritics(intended)
        if o_base == i_base:
            return mark_cost(observed, intended, self.params)
        folded = self.prior.fold.get(observed, o_base)
        if folded == i_base:  # a symbol standing for this letter; its marks are lost
            return 0.3 + (self.params.drop_mark if intended != i_base else 0.0)
        if self.params.junk_glyphs and (observed in self.prior.junk or observed in self.prior.junk_letters):
            return self.prior.junk_substitute  # a damaged letter: any letter, marks and all
        sub = self.prior.substitute.get((o_base, i_base), self.prior.default_substitute)
        if intended == i_base or (self.params.trusts_marks and _same_marks(observed, intended)):
            return sub  # the base letter was misread, its marks were read right: trềng for trồng
        return sub + self.params.drop_mark

    def cost(self, observed: str, intended: str) -> float:
        key = (observed, intended)
        cached = self._cache.get(key)
        if cached is None:
            cached = self._distance(observed, intended)
            if len(self._cache) > 200_000:
                self._cache.clear()
            self._cache[key] = cached
        return cached

    def skeleton_bound(self, observed: str, skeleton: str) -> float:
        """A lower bound of :meth:`cost` over every marked spelling of ``skeleton``: the same edit
        distance with each letter's marks priced at their cheapest (free where the base letters
        agree). Lets candidate pricing skip variants that cannot rank."""
        key = (observed, skeleton)
        cached = self._bound_cache.get(key)
        if cached is None:
            plain = strip_diacritics(observed)
            if len(plain) == len(skeleton) and plain == skeleton:
                cached = 0.0
            else:
                cached = self._edit_distance(observed, skeleton, self._bound_letter_cost, 0.0)
            if len(self._bound_cache) > 200_000:
                self._bound_cache.clear()
            self._bound_cache[key] = cached
        return cached

    def _bound_letter_cost(self, observed: str, base: str) -> float:
        return 0.0 if strip_diacritics(observed) == base else self.letter_cost(observed, base)

    def _distance(self, observed: str, intended: str) -> float:
        if observed == intended:
            return 0.0
        if len(observed) == len(intended) and strip_diacritics(observed) == strip_diacritics(intended):
            return sum(mark_cost(o, i, self.params) for o, i in zip(observed, intended, strict=True))
        return self._edit_distance(observed, intended, self.letter_cost, self.params.drop_mark)

    def _edit_distance(
        self, observed: str, intended: str, letter_cost: Callable[[str, str], float], drop_mark: float
    ) -> float:
        """Weighted edit distance with glyph merges (``ti`` for ủ); ``drop_mark`` is added to a merge
        whose intended letter carries marks."""
        # the hot loop of OCR candidate pricing: attributes are bound to locals once
        insert, delete, merge_get = self.prior.insert, self.prior.delete, self.prior.merge.get
        n, m = len(observed), len(intended)
        observed_plain, intended_plain = strip_diacritics(observed), strip_diacritics(intended)
        inf = float("inf")
        dist = [[inf] * (m + 1) for _ in range(n + 1)]
        dist[0][0] = 0.0
        for a in range(n + 1):
            row, below = dist[a], dist[a + 1] if a < n else None
            for b in range(m + 1):
                here = row[b]
                if here == inf:
                    continue
                if below is not None and here + insert < below[b]:
                    below[b] = here + insert
                if b < m and here + delete < row[b + 1]:
                    row[b + 1] = here + delete
                if below is not None and b < m:
                    step = here + letter_cost(observed[a], intended[b])
                    if step < below[b + 1]:
                        below[b + 1] = step
                    if a + 1 < n:
                        merged = merge_get((observed_plain[a : a + 2], intended_plain[b]))
                        if merged is not None:
                            marks = 0.0 if intended[b] == intended_plain[b] else drop_mark
                            if here + merged + marks < dist[a + 2][b + 1]:
                                dist[a + 2][b + 1] = here + merged + marks
        return dist[n][m]


@lru_cache(maxsize=1)
def load_prior() -> OcrPrior:
    return OcrPrior.load()
