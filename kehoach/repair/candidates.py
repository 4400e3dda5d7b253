"""Candidate syllables for one observed token: same-skeleton variants, fuzzy OCR matches, splits.

The skeleton of a word is its lowercase form without any diacritics (``người`` -> ``nguoi``).
Diacritic restoration only ever needs the syllables sharing the observed skeleton; OCR repair also
needs near skeletons (a symmetric-delete index, as in SymSpell, finds them without scanning the
vocabulary) and, for words the OCR glued together, a segmentation of the token into syllables.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

import regex

from kehoach.repair.channel import CharChannel, LearnedPairs, NoiseParams
from kehoach.repair.fuzzy_index import DeleteIndex
from kehoach.repair.junk import junk_position, junk_skeletons
from kehoach.repair.lm import NGramLM
from kehoach.repair.syllables import is_well_formed, strip_diacritics, strip_tone, tone_position

MAX_SYLLABLE_LEN = 7  # "nghiêng" is the longest Vietnamese syllable
MIN_UNIGRAM = -6.6  # words rarer than this (log10) are typos in the corpus, not candidates
SPLIT_PENALTY = 0.6  # per piece of a split: splits only win on clear evidence
UNIGRAM_SHARE = 0.3  # how much a word's frequency counts when ranking a token's candidates
UNKNOWN_IDENTITY_COST = 1.5  # keeping an unknown token under OCR noise
DIGIT_AS_LETTER_COST = 1.0  # reading a lone digit as a letter needs the context to ask for it
EDIT_COST = 1.6  # a skeleton one insertion or deletion away
FOLD_STEP_COST = 0.3  # a symbol standing for a letter ("6" for ô), as priced by the channel
LONE_CONSONANT_COST = 1.6  # a lone consonant whose vowel the OCR lost ("cán b," for "cán bộ,")
MAX_SKELETONS = 6  # near skeletons whose marked variants are priced in full
JUNK_SKELETON_FACTOR = 3  # ... times as many for a token with a junk glyph (any letter fits it)
MAX_SIBLINGS = 3  # marked siblings of learned readings added to a token's options
MAX_VARIANTS = 16  # marked variants per skeleton, most frequent first
TOKEN_CACHE_SIZE = 20_000  # tokens whose option lists are kept (~1.5 kB each; cleared when full)
STRIPPED_FORM_COST = 1.5  # keeping a known misspelling of a syllable (corpus typos such as "luoc")
KNOWN_WORD_MIN_UNIGRAM = -5.0  # syllables rarer than this (log10) are not trusted as read
SHORT_CODE_LEN = 3  # capital tokens this short that are no syllable are codes (VT, PL, ĐND)
GLUED_MIN_LEN = 4  # shorter unknown words are codes or abbreviations, not two glued syllables
GLUED_MIN_UNIGRAM = -5.0  # each piece of a glued word must be a common syllable's skeleton
_CASE_OR_DIGIT_CUT = regex.compile(
    r"""
      (?<=\p{Ll})(?=\p{Lu})     # tréndiabanQuéan: a capital inside a token starts a new word
    | (?<=\p{L})(?=\d{2})       # ndm2023: a number of 2+ digits is not a misread letter
    | (?<=\d{2})(?=\p{L})
    """,
    regex.VERBOSE,
)
_CASE_CUT = regex.compile(r"\p{Ll}\p{Lu}")
_DIGIT_INSIDE_WORD = regex.compile(r"\p{L}\d+\p{L}")  # "t1ực": OCR's misread letter, not a code
_OCR_SYMBOLS = frozenset("$§¢&@€¥")  # symbols eng reads for letters; vie reads them as written
GLUED_OCR_MIN_PIECE = 3  # in OCR text, an all-lowercase glued word is cut only into pieces this long
_CONSONANTS = frozenset("bcdđghklmnpqrstvx")
_VOWELS = "aeiouy"
_VIET_LETTERS = re.compile(r"^[a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]+$")


@dataclass(frozen=True, slots=True)
class Option:
    """One way to read an observed token: intended words (lowercase), channel cost, observed pieces."""

    words: tuple[str, ...]
    cost: float
    pieces: tuple[str, ...]  # the observed substrings, for case restoration


def is_syllable(word: str) -> bool:
    """True for a lowercase string shaped like one Vietnamese syllable."""
    if not word or len(word) > MAX_SYLLABLE_LEN or not _VIET_LETTERS.match(word):
        return False
    return tone_position(strip_tone(word)) is not None and is_well_formed(word)


class CandidateIndex:
    """Vocabulary syllables grouped by skeleton, with a lazily built fuzzy index over skeletons."""

    def __init__(self, lm: NGramLM) -> None:
        self.lm = lm
        by_skeleton: dict[str, list[tuple[float, str]]] = defaultdict(list)
        self.syllables: set[str] = set()
        for word in lm.vocab:
            if not word.isalpha():
                continue
            logp = lm.unigram(word)
            if is_syllable(word):
                self.syllables.add(word)
            elif len(word) > MAX_SYLLABLE_LEN:
                continue
            if logp >= MIN_UNIGRAM:  # syllables, and short words such as the codes nđ, qđ, hđnd
                by_skeleton[strip_diacritics(word)].append((logp, word))
        self.by_skeleton = {k: [w for _, w in sorted(v, reverse=True)] for k, v in by_skeleton.items()}
        # what a Vietnamese syllable can look like with its marks stripped ("the" can be thể,
        # "shall" or "imposed" cannot): tells an English sentence from stripped Vietnamese
        self.syllable_skeletons = frozenset(strip_diacritics(w) for w in self.syllables)
        self.best_unigram = {k: lm.unigram(v[0]) for k, v in self.by_skeleton.items()}
        self._fuzzy: DeleteIndex | None = None

    def consonant_vowel_skeletons(self, consonant: str) -> list[str]:
        """Known two-letter skeletons made of ``consonant`` and one vowel (``b`` -> bo, ba, bi, ...)."""
        return [consonant + v for v in _VOWELS if consonant + v in self.by_skeleton]

    def variants(self, skeleton: str) -> list[str]:
        return self.by_skeleton.get(skeleton, [])

    def lacks_needed_marks(self, word: str) -> bool:
        """A plain word whose marked variants are far more common (``cac`` for ``các``)."""
        skeleton = strip_diacritics(word)
        if skeleton != word or skeleton not in self.best_unigram:
            return False
        return self.lm.unigram(word) < self.best_unigram[skeleton] - 1.0

    def is_misspelt_syllable(self, word: str) -> bool:
        """A known non-syllable that is a syllable written without its marks (corpus typos: ``luoc``)."""
        return any(v != word and v in self.syllables for v in self.variants(strip_diacritics(word)))

    def split_glued(self, token: str) -> list[str] | None:
        """The syllables of a plain word typed without spaces (``lamviec``, ``xaCam``), or None.

        Only unknown, unmarked, not all-capital words are cut; a capital inside the word always
        cuts, and every piece must be the skeleton of a common syllable (two letters at least, so
        ``iCanhan`` or ``eTax`` stay whole), with as few pieces as possible."""
        lower = token.lower()
        if (
            len(token) < GLUED_MIN_LEN
            or not token.isascii()
            or not token.isalpha()
            or token.isupper()
            or lower in self.lm.index
            or lower in self.syllable_skeletons  # one rare syllable ("Liep" is Liệp), not two
        ):
            return None
        pieces: list[str] = []
        for part in _CASE_OR_DIGIT_CUT.split(token):
            cut = self._fewest_syllables(part)
            if cut is None:
                return None
            pieces.extend(cut)
        return pieces if len(pieces) > 1 else None

    def _fewest_syllables(self, part: str) -> list[str] | None:
        """``part`` cut into the fewest common syllable skeletons (dynamic programming), or None."""
        lower = part.lower()
        best: list[list[int] | None] = [[]] + [None] * len(lower)
        for end in range(2, len(lower) + 1):
            for start in range(max(0, end - MAX_SYLLABLE_LEN), end - 1):
                piece = lower[start:end]
                if best[start] is None or self.best_unigram.get(piece, -99.0) < GLUED_MIN_UNIGRAM:
                    continue
                if piece in self.syllable_skeletons and (
                    best[end] is None or len(best[start]) + 1 < len(best[end])
                ):
                    best[end] = [*best[start], end]
        cuts = best[len(lower)]
        if cuts is None:
            return None
        bounds = [0, *cuts]
        return [part[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]

    def _fuzzy_index(self) -> DeleteIndex:
        if self._fuzzy is None:  # built on first OCR use (a few hundredths of a second)
            self._fuzzy = DeleteIndex(list(self.by_skeleton))
        return self._fuzzy

    def near_skeletons(self, skeleton: str, max_edits: int) -> set[str]:
        """Vocabulary skeletons one deletion away on either side of ``skeleton`` (exact when ``max_edits``
        is 0), no more than ``max_edits`` letters longer or shorter."""
        if max_edits <= 0:
            return {skeleton} if skeleton in self.by_skeleton else set()
        found = self._fuzzy_index().near(skeleton)
        return {s for s in found if abs(len(s) - len(skeleton)) <= max_edits}


_SHARED_INDEXES: dict[int, tuple[NGramLM, CandidateIndex]] = {}
MAX_SHARED_INDEXES = 4  # tests build small models; a process normally holds one


def shared_index(lm: NGramLM) -> CandidateIndex:
    """The candidate index of ``lm``, built once per process: it is model data (vocabulary by
    skeleton, the fuzzy index built on first OCR use), not a cache of any input, so every
    :class:`~kehoach.repair.repairer.Repairer` on the same model shares it."""
    entry = _SHARED_INDEXES.get(id(lm))
    if entry is None or entry[0] is not lm:
        if len(_SHARED_INDEXES) >= MAX_SHARED_INDEXES:
            _SHARED_INDEXES.clear()
        entry = (lm, CandidateIndex(lm))
        _SHARED_INDEXES[id(lm)] = entry
    return entry[1]


class CandidateGenerator:
    """Options for one observed token under one noise model."""

    def __init__(
        self,
        index: CandidateIndex,
        channel: CharChannel,
        params: NoiseParams,
        pairs: LearnedPairs,
        fold: dict[str, str],
        max_options: int = 16,
    ) -> None:
        self.index = index
        self.channel = channel
        self.params = params
        self.pairs = pairs
        self.fold = fold
        self.max_options = max_options
        self._cache: dict[str, list[Option]] = {}
        self._single_cache: dict[tuple[str, bool], list[Option]] = {}
        self._token_cache: dict[str, list[Option]] = {}
        self._segment_cache: dict[str, list[str]] = {}
        prior = channel.prior
        self.substitutions: dict[str, list[tuple[str, float]]] = defaultdict(list)
        for (observed, intended), cost in prior.substitute.items():
            if cost <= 1.5:
                self.substitutions[observed].append((strip_diacritics(intended), cost))
        for observed, intended in fold.items():  # "¢6": a raw symbol is one more confusion step (6 -> o)
            if len(observed) == 1 and not observed.isalpha():
                self.substitutions[observed].append((intended, FOLD_STEP_COST))
        self.merges: dict[str, list[tuple[str, float]]] = defaultdict(list)
        for (observed, intended), cost in prior.merge.items():
            self.merges[observed].append((strip_diacritics(intended), cost))

    def skeleton(self, observed: str) -> str:
        return "".join(self.fold.get(ch, strip_diacritics(ch)) for ch in observed)

    def is_protected_code(self, token: str) -> bool:
        """An upper-case code the model knows and no syllable or commoner spelling competes with
        (``PAPI``, ``UBND``): it is kept as written whatever the context says."""
        lower = token.lower()
        if not (token.isupper() and len(token) >= 3 and lower in self.index.lm.index):
            return False
        variants = self.index.variants(strip_diacritics(lower))
        return lower not in self.index.syllables and (not variants or variants[0] == lower)

    def options(self, token: str) -> list[Option]:
        """The readings of ``token`` (as written: case kept in the pieces). The list is cached per
        token, since running text repeats tokens constantly: callers must not mutate it."""
        found = self._token_cache.get(token)
        if found is None:
            found = self._token_options(token)
            if len(self._token_cache) >= TOKEN_CACHE_SIZE:
                self._token_cache.clear()
            self._token_cache[token] = found
        return found

    def _token_options(self, token: str) -> list[Option]:
        if self.is_protected_code(token) or self._kept_as_written(token):
            return [Option((token.lower(),), 0.0, (token,))]
        lower = token.lower()
        cached = self._cache.get(lower)
        if cached is None:
            cached = self._options(lower)
            self._cache[lower] = cached
        if self.params.name_rank_gap < self.params.rank_gap and token[:1].isupper() and token[1:].islower():
            cached = self._within_gap(cached, self.params.name_rank_gap)
        return [Option(o.words, o.cost, self._pieces(token, o.pieces)) for o in cached]

    def _kept_as_written(self, token: str) -> bool:
        """Tokens a source that reads digits and symbols right (vie) leaves alone: a single letter
        (``đ)``, a list label), a number or code with digits unless a digit sits between letters
        (``5G``, ``10b``; ``t1ực`` is garbled), a code with a symbol (``NN&MT``), a short capital code
        that is no syllable, and, where tokens are not cut into words, a name with a capital inside
        (``IoT``, ``eTax``)."""
        if self.params.digits_for_letters:
            return False
        if len(token) == 1:  # a Vietnamese letter alone is a label; "ÿ" is a misread "y"
            return bool(_VIET_LETTERS.match(token.lower())) and token.lower() not in "fjwz"
        if any(ch in _OCR_SYMBOLS for ch in token):
            return True
        if any(ch.isdigit() for ch in token):
            return not _DIGIT_INSIDE_WORD.search(token)
        if token.isupper() and len(token) <= SHORT_CODE_LEN:
            # "PL" in 34/2007/PL-UBTVQH11, "ĐND": a code, not a misread word ("HUU" is hưu)
            return strip_diacritics(token.lower()) not in self.index.syllable_skeletons
        return not self.params.split_tokens and bool(_CASE_CUT.search(token))

    def _within_gap(self, options: list[Option], gap: float) -> list[Option]:
        """The options ranked at most ``gap`` below the best one (channel cost minus a unigram share)."""
        unigram = self.index.lm.unigram

        def rank(option: Option) -> float:
            return option.cost - UNIGRAM_SHARE * sum(unigram(word) for word in option.words)

        best = min((rank(option) for option in options), default=0.0)
        return [option for option in options if rank(option) <= best + gap]

    @staticmethod
    def _pieces(token: str, lower_pieces: tuple[str, ...]) -> tuple[str, ...]:
        out, pos = [], 0
        for piece in lower_pieces:
            out.append(token[pos : pos + len(piece)])
            pos += len(piece)
        return tuple(out)

    def _single(self, lower: str, fuzzy: bool = True) -> list[Option]:
        key = (lower, fuzzy)
        cached = self._single_cache.get(key)
        if cached is None:
            cached = self._single_uncached(lower, fuzzy)
            self._single_cache[key] = cached
        return cached

    def _single_uncached(self, lower: str, fuzzy: bool) -> list[Option]:
        """Two stages for speed: rank near skeletons by a cheap prior cost, then price only the
        marked variants of the best few with the full channel."""
        skeleton = self.skeleton(lower)
        skeleton_cost: dict[str, float] = {}
        prior = self.channel.prior
        junk = junk_position(lower, skeleton, prior) if self.params.junk_glyphs else None
        if skeleton in self.index.by_skeleton:
            skeleton_cost[skeleton] = 0.0
        if self.params.fuzzy:
            # confusions from the folded skeleton, and from the raw letters (glyph pairs such as ¢e)
            for form in {skeleton, strip_diacritics(lower)}:
                for near, cost in self._confusion_skeletons(form).items():
                    skeleton_cost[near] = min(cost, skeleton_cost.get(near, cost))
            if fuzzy and len(skeleton) > 3:
                for near in self.index.near_skeletons(skeleton, 1):
                    skeleton_cost.setdefault(near, EDIT_COST)
            if junk is not None:
                for near, cost in junk_skeletons(
                    skeleton, junk, prior, self.index.syllable_skeletons
                ).items():
                    skeleton_cost[near] = min(cost, skeleton_cost.get(near, cost))
            if len(lower) == 1 and lower in _CONSONANTS:  # never a word alone: its vowel was lost
                for near in self.index.consonant_vowel_skeletons(lower):
                    skeleton_cost.setdefault(near, LONE_CONSONANT_COST)
        best_unigram = self.index.best_unigram
        ranked_skeletons = sorted(
            skeleton_cost, key=lambda k: skeleton_cost[k] - UNIGRAM_SHARE * best_unigram[k]
        )
        unigram = self.index.lm.unigram
        learned = {w: c for w, c in self.pairs.lookup(lower).items() if " " not in w}
        # a word read as another word costs more than a garbled token read as a word (vie)
        # (a rare syllable such as "niện" is as likely a misread "hiện")
        known = lower in self.index.syllables and unigram(lower) >= KNOWN_WORD_MIN_UNIGRAM
        known_edit = self.params.known_word_edit_cost if known else 0.0
        # Pricing every variant in full is most of the cost of OCR text. A variant whose skeleton's
        # lower bound already ranks it the noise's rank gap below the best reading so far would be dropped below,
        # so it is skipped (variants come most frequent first: the rest of its skeleton goes too).
        best = min((c - UNIGRAM_SHARE * unigram(w) for w, c in learned.items()), default=float("inf"))
        scored: dict[str, float] = {}
        # a junk glyph may be any letter: more skeletons tie, so more are priced
        for near in ranked_skeletons[: MAX_SKELETONS * (1 if junk is None else JUNK_SKELETON_FACTOR)]:
            extra = known_edit if near != skeleton else 0.0
            bound = self.channel.skeleton_bound(lower, near) + extra
            for word in self.index.variants(near)[:MAX_VARIANTS]:
                share = UNIGRAM_SHARE * unigram(word)
                if bound - share > best + self.params.rank_gap and word not in learned:
                    break
                cost = self.channel.cost(lower, word) + extra
                scored[word] = cost
                best = min(best, cost - share)
        for word, cost in learned.items():
            scored[word] = min(scored.get(word, cost), cost)
        ranked = sorted(scored.items(), key=lambda kv: kv[1] - UNIGRAM_SHARE * unigram(kv[0]))
        if ranked:  # a reading 10^rank_gap times less plausible than the best one never wins in context
            floor = ranked[0][1] - UNIGRAM_SHARE * unigram(ranked[0][0]) + self.params.rank_gap
            ranked = [kv for kv in ranked if kv[1] - UNIGRAM_SHARE * unigram(kv[0]) <= floor]
        ranked = ranked[: self.max_options]
        if learned and not self.params.trusts_marks:
            ranked = self._with_marked_siblings(lower, learned, scored, ranked)
        return [Option((w,), c, (lower,)) for w, c in ranked]

    def _with_marked_siblings(
        self,
        lower: str,
        learned: dict[str, float],
        scored: dict[str, float],
        ranked: list[tuple[str, float]],
    ) -> list[tuple[str, float]]:
        """Learned pairs only know the words the training pages held: ``tré`` was seen for ``trẻ``,
        never for the rarer ``trễ``, although a model that cannot write a hook, a tilde or a
        circumflex reads both alike. A marked word of a learned word's skeleton costs the learned
        cost plus what the character channel charges more for it, so the context decides between
        them. The few most frequent such siblings join the options; they never push others out."""
        unigram = self.index.lm.unigram
        siblings: dict[str, float] = {}
        for known, known_cost in learned.items():
            skeleton = strip_diacritics(known)
            if skeleton == known:
                continue
            known_channel = self.channel.cost(lower, known)
            for word in self.index.variants(skeleton)[:MAX_VARIANTS]:
                if word in learned or word == skeleton:
                    continue
                cost = known_cost + max(0.0, self.channel.cost(lower, word) - known_channel)
                if cost < min(siblings.get(word, cost + 1), scored.get(word, cost + 1)):
                    siblings[word] = cost
        if not siblings:
            return ranked
        out = [(w, siblings.pop(w, c)) for w, c in ranked]
        floor = min(c - UNIGRAM_SHARE * unigram(w) for w, c in out) + self.params.rank_gap
        extra = sorted(siblings.items(), key=lambda kv: kv[1] - UNIGRAM_SHARE * unigram(kv[0]))
        out += [kv for kv in extra[:MAX_SIBLINGS] if kv[1] - UNIGRAM_SHARE * unigram(kv[0]) <= floor]
        return out

    def _confusion_skeletons(self, skeleton: str) -> dict[str, float]:
        """Known skeletons one or two prior confusions away (``nim`` -> ``nam``, ``ctia`` -> ``cua``)."""
        found: dict[str, float] = {}
        frontier = {skeleton: 0.0}
        for _ in range(2):
            produced: dict[str, float] = {}
            for form, base_cost in frontier.items():
                for i in range(len(form)):
                    for intended, cost in self.substitutions.get(form[i], ()):
                        new = form[:i] + intended + form[i + 1 :]
                        produced[new] = min(produced.get(new, 99.0), base_cost + cost)
                    for intended, cost in self.merges.get(form[i : i + 2], ()):
                        new = form[:i] + intended + form[i + 2 :]
                        produced[new] = min(produced.get(new, 99.0), base_cost + cost)
            for form, cost in produced.items():
                if form in self.index.by_skeleton and cost < found.get(form, 99.0):
                    found[form] = cost
            frontier = produced
        return found

    def _options(self, lower: str) -> list[Option]:
        if lower.isdigit():  # a lone digit in OCR text: a number, or a letter (6 for ở, 0 for o)
            letters = [Option(o.words, o.cost + DIGIT_AS_LETTER_COST, o.pieces) for o in self._single(lower)]
            return [Option((lower,), 0.0, (lower,)), *letters]
        options = self._single(lower)
        if not any(o.words == (lower,) for o in options):
            options.append(Option((lower,), self._identity_cost(lower), (lower,)))
        for intended, cost in self.pairs.lookup(lower).items():
            if " " in intended:
                words = tuple(intended.split())
                options.append(Option(words, cost, self._even_split(lower, len(words))))
        return options

    def _identity_cost(self, lower: str) -> float:
        """Keeping a token as written: free for known words, dearer for unknown ones under OCR noise."""
        if lower in self.index.syllables:
            return 0.0
        if lower in self.index.lm.index:
            # a known non-syllable (code, foreign word) — unless it is a misspelt syllable (luoc)
            return STRIPPED_FORM_COST if self.index.is_misspelt_syllable(lower) else 0.0
        if self.params.max_edits > 0:
            return UNKNOWN_IDENTITY_COST
        # stripped text: an unknown word spelt like a known syllable without its marks is that syllable
        # ("Giuong" is giường); the model's <unk> would otherwise win where its context is thin
        return UNKNOWN_IDENTITY_COST if self.index.is_misspelt_syllable(lower) else 0.0

    @staticmethod
    def _even_split(lower: str, parts: int) -> tuple[str, ...]:
        size = max(1, len(lower) // parts)
        cuts = [lower[i * size : (i + 1) * size] for i in range(parts - 1)]
        return (*cuts, lower[(parts - 1) * size :])

    def _piece_cost(self, piece: str) -> float:
        """How well one piece reads as one syllable: channel cost minus a share of its frequency."""
        if piece.isdigit():
            return 0.5
        best = 30.0
        for option in self._single(piece, fuzzy=False)[:4]:
            best = min(best, option.cost - self.index.lm.unigram(option.words[0]))
        if len(piece) > MAX_SYLLABLE_LEN and piece not in self.index.lm.index:
            return best  # too long for one syllable: never kept whole
        return min(best, self._identity_cost(piece) - self.index.lm.unigram(piece))

    def segment(self, token: str) -> list[str]:
        """Cut a token the OCR glued (``tréndiabanQuéan``) into syllable-sized pieces, or keep it whole.

        Dynamic programming over cut points; a lowercase-to-uppercase change is always a cut. The
        split must beat the whole token by a margin, so real long words are not chopped.
        """
        if not self.params.fuzzy or len(token) < 5:
            return [token]
        found = self._segment_cache.get(token)
        if found is None:  # running text repeats its glued tokens as much as its words
            found = self._segment(token)
            if len(self._segment_cache) >= TOKEN_CACHE_SIZE:
                self._segment_cache.clear()
            self._segment_cache[token] = found
        return list(found)

    def _segment(self, token: str) -> list[str]:
        if token.isascii() and token.isalpha():
            # a plain word is a foreign word or a code more often than glued syllables: cut only an
            # unknown one that falls into common syllable skeletons ("cuadon", "theoNghi")
            pieces = self.index.split_glued(token)
            if pieces is None or not (
                _CASE_CUT.search(token) or min(map(len, pieces)) >= GLUED_OCR_MIN_PIECE
            ):
                return [token]  # "ngudi" is one misread word (người), not ngu + di
            return pieces
        parts = [p for p in _CASE_OR_DIGIT_CUT.split(token) if p]
        pieces: list[str] = []
        for part in parts:
            pieces.extend(self._segment_part(part))
        return pieces

    def _segment_part(self, part: str) -> list[str]:
        lower = part.lower()
        n = len(lower)
        if n < 4:
            return [part]
        whole = self._piece_cost(lower) if n <= MAX_SYLLABLE_LEN or lower in self.index.lm.index else 99.0
        best: list[tuple[float, list[int]]] = [(0.0, [])] + [(float("inf"), [])] * n
        for end in range(1, n + 1):
            for start in range(max(0, end - MAX_SYLLABLE_LEN), end):
                if best[start][0] == float("inf"):
                    continue
                total = best[start][0] + self._piece_cost(lower[start:end]) + SPLIT_PENALTY
                if total < best[end][0]:
                    best[end] = (total, [*best[start][1], end])
        total, cuts = best[n]
        if len(cuts) < 2 or total >= whole + SPLIT_PENALTY:
            return [part]
        bounds = [0, *cuts]
        return [part[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
