"""The public face of the repair stage: decide which lines need repair, then repair them.

A line is repaired only when its garbling score — the share of its word tokens that are not
Vietnamese syllables the model knows, or that lack marks Vietnamese needs there (``cac`` where the
language writes ``các``) — reaches :data:`GARBLED_LINE`. Correct lines are returned unchanged,
byte for byte. The noise model is chosen per line from what the line looks like: no marks at all
means stripped diacritics; symbols, digits inside words or unknown tokens mean OCR.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import regex

from kehoach.repair.candidates import CandidateGenerator, Option, shared_index
from kehoach.repair.channel import (
    CLEANISH,
    OCR_ENG,
    OCR_VIE,
    STRIPPED,
    CharChannel,
    LearnedPairs,
    NoiseParams,
    learned_mark_params,
    load_learned_pairs,
    load_prior,
)
from kehoach.repair.citation_years import fix_citation_years
from kehoach.repair.decoder import BeamDecoder, Span, split_line
from kehoach.repair.doc_numbers import document_type_codes
from kehoach.repair.document_codes import fix_archive_note, fix_mixed_case_codes, mixed_case_codes
from kehoach.repair.glyphs import merge_junk_glyphs
from kehoach.repair.line_context import neighbour_words
from kehoach.repair.line_finish import finish_line, split_glued
from kehoach.repair.list_labels import fix_list_labels
from kehoach.repair.lm import NGramLM, load_default_lm
from kehoach.repair.marked_names import restore_marked_names
from kehoach.repair.roman import fix_heading_sequence, fix_lone_numerals, read_roman
from kehoach.repair.spans import merge_numbers, split_glued_plain_words
from kehoach.repair.syllables import has_diacritics, normalize_syllable_tone, strip_diacritics

GARBLED_LINE = 0.25  # a line at or above this garbling score is repaired
GARBLED_DOCUMENT = 0.15  # in a document this garbled, lines with any bad token are repaired
LEARN_MARK_COSTS = {"eng"}  # vie pairs come from clean renders: their near-zero error rate is too strict
MIN_CODE_LEN = 3  # upper-case tokens this long count as codes (PAPI, UBND)
DOCUMENT_CODE_COST = -1.0  # an unknown code one letter from a code the document itself uses is
# that code misread: a bonus, since the LM saw few plans (PAPI is rare in its corpus)
TOKEN_STATS_CACHE_SIZE = 50_000  # tokens whose garbling counts are kept (cleared when full)
LINES_PER_BATCH = 64  # lines decoded in lock-step (one LM call per step serves them all)
JOIN_MIN_UNIGRAM = -5.0  # a joined fragment pair must make a reasonably common syllable
OCR_DOCUMENT_SHARE = 0.03  # this share of OCR-looking tokens makes a whole document OCR-garbled
OCR_INVALID_SHARE = 0.08  # this share of unknown tokens means OCR noise, not only lost marks
STRIPPED_MARK_SHARE = 0.15  # below this share of marked syllables, marks were stripped
FOREIGN_LINE_SHARE = 0.6  # a line whose words are mostly no Vietnamese syllable's skeleton is English
FOREIGN_LINE_MIN_WORDS = 3  # ... when at least this many of them are (not "Xã Đắk Mil", "Số: ...TTg")
_TOKEN = re.compile(r"(?:[^\W_]|[$§¢&@€¥])+")
_PROTECTED = re.compile(
    r"""
      (?<!\S)\S*(?:https?://|www\.)\S*     # URLs (anchored at a token start: linear on long tokens)
    | (?<!\S)\S+@\S+\.\w+                 # e-mail addresses
    | (?<!\S)\S+\.(?:aspx?|html?|php|pdf|docx?|xlsx?)\b\S*   # file names and web pages
    | \[bookmark:[^\]]*\]                  # DOCX bookmark anchors
    """,
    re.VERBOSE | re.IGNORECASE,
)


def mask_protected(line: str) -> str:
    """The line with URLs, e-mail addresses and file names blanked out (same length, so offsets hold):
    they are never Vietnamese prose and never repaired."""
    return _PROTECTED.sub(lambda m: " " * len(m.group()), line)


_VOWEL = re.compile(r"[aeiouy]")
_LETTERS = re.compile(r"[^\W\d_]+")
_OCR_MIX = regex.compile(r"[$§¢&@€¥]|\d\p{Ll}|\p{Ll}\d")  # "$6", "1ap", "s6" — not codes such as CO2, A1


@dataclass(slots=True)
class LineStats:
    words: int = 0
    invalid: int = 0
    lacking: int = 0
    marked: int = 0
    ocr_like: int = 0  # unknown tokens with marks, or letters mixed with digits/symbols: OCR, not typing

    @property
    def garbling(self) -> float:
        return (self.invalid + self.lacking) / self.words if self.words else 0.0


class Repairer:
    """Holds the language model, candidate index and channel models; one per process (see :meth:`load`)."""

    def __init__(self, lm: NGramLM, pairs: dict[str, LearnedPairs] | None = None, beam: int = 8) -> None:
        self.lm = lm
        self.index = shared_index(lm)
        self.prior = load_prior()
        self.pairs = pairs if pairs is not None else {}
        self.decoder = BeamDecoder(lm, beam=beam)
        self._generators: dict[str, CandidateGenerator] = {}
        self._token_counts: dict[str, tuple[int, int, int, int, int]] = {}

    @classmethod
    def load(cls) -> Repairer:
        """The shared instance with the committed model (loaded once per process)."""
        return _default_repairer()

    # ---- scoring ---------------------------------------------------------------------------------
    def line_stats(self, line: str) -> LineStats:
        stats = LineStats()
        for m in _TOKEN.finditer(mask_protected(line)):
            counts = self._token_counts.get(m.group())
            if counts is None:
                counts = self._count_token(m.group())
                if len(self._token_counts) >= TOKEN_STATS_CACHE_SIZE:
                    self._token_counts.clear()
                self._token_counts[m.group()] = counts
            words, invalid, lacking, marked, ocr_like = counts
            stats.words += words
            stats.invalid += invalid
            stats.lacking += lacking
            stats.marked += marked
            stats.ocr_like += ocr_like
        return stats

    def _count_token(self, token: str) -> tuple[int, int, int, int, int]:
        """What one token adds to a line's (words, invalid, lacking, marked, ocr_like) counts; cached
        per token, since every document's lines are scored and text repeats its words."""
        lower = token.lower()
        skeleton = strip_diacritics(lower)
        if token.isdigit() or len(token) < 2:
            return (0, 0, 0, 0, 0)  # numbers and single letters say nothing
        fold = self.prior.fold
        if not _VOWEL.search("".join(fold.get(ch, ch) for ch in skeleton)):
            if token.isupper() or lower not in self.lm.index:
                return (0, 0, 0, 0, 0)  # consonant-only codes (MNTH, CCHC)
            return (1, 1, 0, 0, 1)  # "ctr", "cta": OCR's reading of cứ, của
        marked = int(has_diacritics(lower))
        if not lower.isalpha():
            return (1, 1, 0, marked, int(bool(_OCR_MIX.search(token))))
        if normalize_syllable_tone(lower) in self.index.syllables:
            return (1, 0, int(self.index.lacks_needed_marks(lower)), marked, 0)
        if lower not in self.lm.index or self.index.is_misspelt_syllable(lower):
            return (1, 1, 0, marked, int(lower != skeleton))
        return (1, 0, 0, marked, 0)

    def _sum_stats(self, all_stats: list[LineStats]) -> LineStats:
        total = LineStats()
        for stats in all_stats:
            total.words += stats.words
            total.invalid += stats.invalid
            total.lacking += stats.lacking
            total.marked += stats.marked
            total.ocr_like += stats.ocr_like
        return total

    def needs_repair(self, text: str, ocr_lang: str | None = None) -> bool:
        """Whether any of ``text`` needs repair: the document as a whole is garbled, or one line is.

        Text OCRed with ``vie`` always does (its errors are valid-looking syllables). Each line's
        statistics are computed once, since this runs on every document of a batch.
        """
        if ocr_lang == "vie":
            return True
        stats = [self.line_stats(line) for line in text.split("\n")]
        return self._sum_stats(stats).garbling >= GARBLED_DOCUMENT or any(s.garbling >= 0.5 for s in stats)

    def garbling_score(self, text: str) -> float:
        """Share of word tokens that are not known Vietnamese or lack needed marks (0 clean .. 1)."""
        return self._sum_stats([self.line_stats(line) for line in text.splitlines()]).garbling

    def noise_for(self, stats: LineStats, ocr_lang: str | None = None) -> NoiseParams:
        if ocr_lang == "eng":  # the caller knows: Tesseract's English model read this text
            return OCR_ENG
        if stats.ocr_like >= max(1.0, OCR_INVALID_SHARE * stats.words):
            return OCR_VIE if ocr_lang == "vie" else OCR_ENG
        if stats.marked < STRIPPED_MARK_SHARE * stats.words:
            return STRIPPED
        return CLEANISH

    def document_noise(self, doc: LineStats, ocr_lang: str | None = None) -> NoiseParams | None:
        """One noise model for a whole document when it is clearly stripped or clearly OCR-garbled
        (a line alone is too short to tell), else None: decided line by line."""
        if ocr_lang == "vie" or not doc.words:
            return None
        if ocr_lang == "eng":
            return OCR_ENG
        if doc.ocr_like >= OCR_DOCUMENT_SHARE * doc.words:
            return OCR_ENG  # OCR's symbols, digits for letters and half-marked unknown tokens
        if doc.marked < STRIPPED_MARK_SHARE * doc.words:
            return STRIPPED  # marks are simply absent; odd tokens are codes and foreign words
        return None

    def is_foreign_line(self, line: str) -> bool:
        """A line in another language (the English translations that legal texts carry): most of its
        words (codes and single letters aside) are no Vietnamese syllable with its marks stripped.
        Not used on OCR text, whose garbled tokens are no syllables either."""
        words = [t for t in _LETTERS.findall(mask_protected(line)) if len(t) >= 2 and not t.isupper()]
        skeletons = self.index.syllable_skeletons
        foreign = sum(1 for w in words if strip_diacritics(w.lower()) not in skeletons)
        return foreign >= FOREIGN_LINE_MIN_WORDS and foreign >= FOREIGN_LINE_SHARE * len(words)

    # ---- repair ----------------------------------------------------------------------------------
    def generator(self, params: NoiseParams) -> CandidateGenerator:
        """The candidate generator for one noise model, built on first use. For the OCR models the
        learned pair files (when present) add whole-token evidence and re-estimate mark costs."""
        gen = self._generators.get(params.name)
        if gen is None:
            pairs = LearnedPairs()
            effective = params
            if params.max_edits > 0:
                kind = "vie" if params is OCR_VIE else "eng"
                if kind not in self.pairs:
                    self.pairs[kind] = load_learned_pairs(kind)
                pairs = self.pairs[kind]
                if kind in LEARN_MARK_COSTS:
                    effective = learned_mark_params(kind, params)
            channel = CharChannel(effective, self.prior)
            fold = self.prior.fold if params.max_edits > 0 else {}
            gen = CandidateGenerator(self.index, channel, effective, pairs, fold)
            self._generators[params.name] = gen
        return gen

    def repair_line(
        self,
        line: str,
        known_words: frozenset[str] = frozenset(),
        force: bool = False,
        ocr_lang: str | None = None,
        garbled_threshold: float = GARBLED_LINE,
        noise: NoiseParams | None = None,
    ) -> str:
        """Repair one line if it needs it; a line that does not is returned unchanged.

        ``force`` repairs even a line that looks clean (the document as a whole is garbled);
        ``noise`` imposes the noise model chosen for the whole document."""
        plan = self._plan_line(line, force, ocr_lang, garbled_threshold, noise)
        if plan is None:
            return line
        spans, generator = plan
        return finish_line(line, spans, self.decoder.decode(spans, generator.options, known_words), generator)

    def _plan_line(
        self,
        line: str,
        force: bool,
        ocr_lang: str | None,
        garbled_threshold: float = GARBLED_LINE,
        noise: NoiseParams | None = None,
        stats: LineStats | None = None,
    ) -> tuple[list[Span], CandidateGenerator] | None:
        """The spans to decode and the generator to use, or None when the line is left as it is
        (``stats``: the line's statistics when the caller already has them)."""
        stats = stats if stats is not None else self.line_stats(line)
        if not stats.words or (not force and stats.garbling < garbled_threshold):
            return None
        params = OCR_VIE if ocr_lang == "vie" else (noise or self.noise_for(stats, ocr_lang))
        if params.max_edits == 0 and self.is_foreign_line(line):
            return None  # "shall be imposed": restoring marks would turn be into bé
        generator = self.generator(params)
        return self._line_spans(line, generator), generator

    def _line_spans(self, line: str, generator: CandidateGenerator) -> list[Span]:
        params = generator.params
        spans = merge_numbers(line, split_line(mask_protected(line), ocr_symbols=params.fuzzy))
        if params.junk_glyphs:
            spans = merge_junk_glyphs(mask_protected(line), spans, self.prior.junk)
        if params.max_edits > 0:
            spans = self._join_fragments(line, spans)
        if params.fuzzy and params.split_tokens:
            spans = split_glued(spans, generator)
        elif params.max_edits == 0:  # typed text: "lamviec" is làmviệc typed without marks or space
            spans = split_glued_plain_words(spans, self.index)
        return spans

    def _spans_in_context(
        self, lines: list[str], index: int, spans: list[Span], generator: CandidateGenerator
    ) -> tuple[list[Span], range | None]:
        """The spans to decode for line ``index``: under OCR noise the line's own spans between its
        neighbours' edge words (:mod:`kehoach.repair.line_context`), with the positions of its own
        spans among them (the decoder reads only the spans' texts, so offsets need no shifting)."""
        context = neighbour_words(lines, index) if generator.params.fuzzy else None
        if context is None:
            return spans, None
        before, after = context
        head = self._line_spans(before, generator) if before else []
        tail = self._line_spans(after, generator) if after else []
        return [*head, *spans, *tail], range(len(head), len(head) + len(spans))

    def _join_fragments(self, line: str, spans: list[Span]) -> list[Span]:
        """Join two word spans that OCR broke apart (``b ộ``, ``truy ền``): their concatenation is a
        common syllable and at least one part is not a syllable on its own."""
        out: list[Span] = []
        for span in spans:
            prev = out[-1] if out else None
            if (
                prev is not None
                and prev.fixed_token is None
                and span.fixed_token is None
                and line[prev.end : span.start] == " "
            ):
                joined = (prev.text + span.text).lower()
                broken = (
                    prev.text.lower() not in self.index.syllables
                    or span.text.lower() not in self.index.syllables
                )
                if broken and joined in self.index.syllables and self.lm.unigram(joined) >= JOIN_MIN_UNIGRAM:
                    out[-1] = Span(prev.start, span.end, prev.text + span.text, None, joined_from=prev.end)
                    continue
            out.append(span)
        return out

    def repair_text(self, text: str, ocr_lang: str | None = None) -> str:
        """Repair every line that needs it; output line i is input line i."""
        if ocr_lang == "vie":  # "PHƯƠNG BEN NGHE" under "Bến Nghé, ngày ...": the document's own marks
            text = restore_marked_names(text)
        lines = text.split("\n")
        stats = [self.line_stats(line) for line in lines]
        doc = self._sum_stats(stats)
        # in a garbled document every line is suspect: plain words there are stripped ones
        force = doc.garbling >= GARBLED_DOCUMENT or ocr_lang == "vie"  # vie errors are valid syllables
        noise = self.document_noise(doc, ocr_lang)
        clean_tokens = [
            m.group()
            for line, s in zip(lines, stats, strict=True)
            if s.words and s.garbling == 0.0
            for m in _TOKEN.finditer(line)
        ]
        known = frozenset(token.lower() for token in clean_tokens)
        codes = frozenset(t for t in clean_tokens if t.isupper() and t.isalpha() and len(t) >= MIN_CODE_LEN)
        plans = [
            self._plan_line(line, force, ocr_lang, noise=noise, stats=s)
            for line, s in zip(lines, stats, strict=True)
        ]
        todo = [i for i, plan in enumerate(plans) if plan is not None]
        type_codes = document_type_codes(text) if todo else frozenset()
        out = list(lines)
        with_codes: dict[int, Callable[[str], list[Option]]] = {}
        for start in range(0, len(todo), LINES_PER_BATCH):
            batch = todo[start : start + LINES_PER_BATCH]
            wide = [self._spans_in_context(lines, i, *plans[i]) for i in batch]
            generators = [self._options_with_codes(plans[i][1], codes, with_codes) for i in batch]
            decoded = self.decoder.decode_many([spans for spans, _ in wide], generators, known)
            for i, (_, positions), choices in zip(batch, wide, decoded, strict=True):
                own = choices if positions is None else [choices[k] for k in positions]
                out[i] = finish_line(lines[i], plans[i][0], own, plans[i][1], type_codes)
        out = fix_list_labels(lines, out, set(todo))
        if ocr_lang is not None or noise is OCR_ENG:  # what OCR does to digits, numerals and codes
            known = self.lm.index.__contains__
            mixed = mixed_case_codes(text, known)
            out = [fix_archive_note(fix_mixed_case_codes(line, mixed, known)) for line in out]
            out = fix_citation_years(fix_lone_numerals(fix_heading_sequence(out, observed=lines)))
        return "\n".join(out)

    def _options_with_codes(
        self,
        generator: CandidateGenerator,
        codes: frozenset[str],
        cache: dict[int, Callable[[str], list[Option]]],
    ) -> Callable[[str], list[Option]]:
        """``generator.options`` plus, under OCR noise, the document's own codes one letter away from
        an unknown upper-case token (``PAPD`` where the document writes ``PAPI`` elsewhere), unless the
        token is a misread roman numeral, which the numeral rule reads."""
        if generator.params.max_edits <= 0 or not codes:
            return generator.options
        key = id(generator)
        if key not in cache:

            def options(token: str) -> list[Option]:
                found = generator.options(token)
                if (
                    token.isupper()
                    and len(token) >= MIN_CODE_LEN
                    and token.lower() not in self.lm.index
                    and read_roman(token) == token  # "XIH" is XIII misread (roman.py), not the code XIV
                ):
                    found = found + [
                        Option((code.lower(),), DOCUMENT_CODE_COST, (token,))
                        for code in codes
                        if len(code) == len(token)
                        and sum(a != b for a, b in zip(code, token, strict=True)) == 1
                    ]
                return found

            cache[key] = options
        return cache[key]


@lru_cache(maxsize=1)
def _default_repairer() -> Repairer:
    return Repairer(load_default_lm())


def garbling_score(text: str) -> float:
    """Garbling score of ``text`` under the committed model (see :meth:`Repairer.garbling_score`)."""
    return Repairer.load().garbling_score(text)


def repair_text(text: str, ocr_lang: str | None = None) -> str:
    """Repair ``text`` line by line with the committed model."""
    return Repairer.load().repair_text(text, ocr_lang=ocr_lang)
