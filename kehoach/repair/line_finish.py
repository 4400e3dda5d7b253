"""Turning a decoded line back into text: glued pieces, case, and the rules OCR lines get after decoding.

The decoder chooses readings per span; this module writes them into the line (pieces of a glued
token get their space back, the observed case pattern is kept, except for names OCR read in
capitals) and applies the rules a syllable model cannot: roman numerals, the document number after
``Số:`` and index acronyms.
"""

from __future__ import annotations

from dataclasses import replace

from kehoach.repair.acronyms import fix_acronyms
from kehoach.repair.candidates import CandidateGenerator, Option
from kehoach.repair.decoder import Span, render
from kehoach.repair.doc_numbers import fix_document_numbers
from kehoach.repair.roman import fix_roman_numerals
from kehoach.repair.syllables import NUM_TOKEN


def split_glued(spans: list[Span], generator: CandidateGenerator) -> list[Span]:
    """Replace each glued word span by its pieces (adjacent spans; :func:`_rebuild` puts spaces in)."""
    out: list[Span] = []
    for span in spans:
        if span.fixed_token is not None:
            out.append(span)
            continue
        start = span.start
        for i, piece in enumerate(generator.segment(span.text)):
            fixed = NUM_TOKEN if piece.isdigit() else None
            out.append(Span(start, start + len(piece), piece, fixed, glued=i > 0))
            start += len(piece)
    return out


def finish_line(
    line: str,
    spans: list[Span],
    choices: list[Option | None],
    generator: CandidateGenerator,
    type_codes: frozenset[str] = frozenset(),
) -> str:
    """The repaired line; OCR-repaired lines also get their misread roman numerals and document
    number fixed (``type_codes``: the type codes the document's numbers use elsewhere)."""
    if generator.params.max_edits <= 0:
        return _rebuild(line, spans, choices)
    repaired = _rebuild(line, _names_in_title_case(spans, choices, generator.index.syllables), choices)
    known = generator.index.lm.index
    return fix_acronyms(fix_document_numbers(fix_roman_numerals(repaired), type_codes), known.__contains__)


def _names_in_title_case(
    spans: list[Span], choices: list[Option | None], syllables: frozenset[str] | set[str]
) -> list[Span]:
    """Spans whose repaired reading should be written in title case: OCR reads a capital with
    marks as all capitals (``HO`` for ``Hồ`` in "Thành phố HO Chí Minh"), and the case pattern of
    the observation would give ``HỒ``. A two-letter-or-longer all-capital token whose reading is a
    syllable with marks it lacked, next to a title-case word and not to another all-capital one, is
    part of a name, not a code or a heading."""
    out = list(spans)
    for k, (span, choice) in enumerate(zip(spans, choices, strict=True)):
        text = span.text
        if choice is None or len(text) < 2 or not text.isupper() or len(choice.words) != 1:
            continue
        word = choice.words[0]
        if word == text.lower() or word not in syllables:
            continue
        neighbours = [spans[j].text for j in (k - 1, k + 1) if 0 <= j < len(spans)]
        if any(n.isupper() and len(n) > 1 for n in neighbours):
            continue  # inside a capitals heading ("PHÓ CHỦ TỊCH Nguyễn Văn A"): capitals are meant
        if any(n.istitle() and len(n) > 1 for n in neighbours):
            out[k] = replace(span, text=text[0] + text[1:].lower())
    return out


def _rebuild(line: str, spans: list[Span], choices: list[Option | None]) -> str:
    out: list[str] = []
    pos = 0
    for span, choice in zip(spans, choices, strict=True):
        if span.glued:
            out.append(line[pos : span.start] + " ")  # pieces of a glued token get their space back
            pos = span.start
        if choice is None:
            continue
        out.append(line[pos : span.start])
        out.append(render(choice, span.text))
        pos = span.end
    out.append(line[pos:])
    return "".join(out)
