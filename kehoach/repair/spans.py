"""Spans of a line put into the shape the language model was trained on, before decoding.

:func:`kehoach.repair.decoder.split_line` cuts a line into word, number and punctuation spans; the
model counted ``10,48`` and ``20/11/2025`` as one ``<num>`` and ``%`` after a number as a token
(:func:`kehoach.repair.syllables.lm_tokens`), and it knows ``làm`` and ``việc``, not the glued
``lamviec`` that careless typing produces. These functions close those gaps.
"""

from __future__ import annotations

from kehoach.repair.candidates import CandidateIndex
from kehoach.repair.decoder import Span
from kehoach.repair.syllables import NUM_TOKEN

_NUMBER_JOINERS = frozenset(".,/:-")  # inside one number, date or code: 10,48  20/11/2025  1.003026


def merge_numbers(line: str, spans: list[Span]) -> list[Span]:
    """One ``<num>`` for ``10,48``, ``20/11/2025`` or ``1.003026``, as the language model was trained
    (:func:`kehoach.repair.syllables.lm_tokens`): read digit by digit they would be ``<num> , <num>``,
    and the words around them would be decoded in a context the model never saw ("tăng 10,48% so
    cùng kỳ" read as "tầng ... số")."""
    out: list[Span] = []
    for span in spans:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.fixed_token == NUM_TOKEN
            and span.fixed_token == NUM_TOKEN
            and line[prev.end : span.start] in _NUMBER_JOINERS
        ):
            out[-1] = Span(prev.start, span.end, line[prev.start : span.end], NUM_TOKEN)
            continue
        if (  # the separator itself, when the decoder made it a context token (",", ":")
            len(out) >= 2
            and span.fixed_token == NUM_TOKEN
            and prev is not None
            and prev.text in _NUMBER_JOINERS
            and prev.start == out[-2].end
            and span.start == prev.end
            and out[-2].fixed_token == NUM_TOKEN
        ):
            first = out[-2]
            out[-2:] = [Span(first.start, span.end, line[first.start : span.end], NUM_TOKEN)]
            continue
        out.append(span)
    return with_percent_signs(line, out)


def with_percent_signs(line: str, spans: list[Span]) -> list[Span]:
    """A ``%`` right after a number becomes a context token, as the model was trained: "tăng 10%
    so với" and "tầng 10" differ by it."""
    out: list[Span] = []
    for span in spans:
        out.append(span)
        if span.fixed_token == NUM_TOKEN and line[span.end : span.end + 1] == "%":
            out.append(Span(span.end, span.end + 1, "%", "%"))
    return out


def split_glued_plain_words(spans: list[Span], index: CandidateIndex) -> list[Span]:
    """Unknown plain words typed without a space (``lamviec``, ``xaCam``) as their syllables.

    The pieces are adjacent spans, not marked ``glued``, so the line is rebuilt without a space
    between them: the marks are restored (``làmviệc``) and the typing is otherwise left as it was."""
    out: list[Span] = []
    for span in spans:
        pieces = index.split_glued(span.text) if span.fixed_token is None else None
        if not pieces:
            out.append(span)
            continue
        start = span.start
        for piece in pieces:
            out.append(Span(start, start + len(piece), piece, None))
            start += len(piece)
    return out
