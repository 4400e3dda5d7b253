"""Glyphs that are no letter inside OCR words: ``Vă¡`` (Văn), ``C¿c`` (Các), ``Ch:nh`` (Chính).

Tesseract ``vie`` rarely misreads a letter as another letter; a damaged letter comes out as a glyph
that is no letter at all, glued to or inside the word. The line splitter would drop the glyph and cut
the word around it (``Vă`` + ``¡``); these spans put it back inside one word, so the candidates can
read it as the letter it replaced (``junk`` in ``data/ocr_channel_prior.yaml``).
"""

from __future__ import annotations

import regex

from kehoach.repair.line_text import Span

_JUNK_WORD = regex.compile(
    r"""
    (?<!\S)
    [¡¿»!]?                                  # a glyph glued before a word: "¡ch", "»an", "!ưu"
    \p{L}+
    (?:(?:[¡¿»«\[\]{}|!]|(?<=\p{Ll}):(?=\p{Ll}))\p{L}+)*   # inside it: "C¿c", "F[ĐND", "Ch:nh"
    [¡¿(]?                                   # after it: "Vă¡", "tân(" (a bracket opens no word's end)
    (?=[\s,.;:)]|$)
    """,
    regex.VERBOSE,
)


def merge_junk_glyphs(line: str, spans: list[Span], junk: frozenset[str]) -> list[Span]:
    """``spans`` with every word that has a ``junk`` glyph glued to or inside it as one word span.

    A colon counts only between two lowercase letters (``Ch:nh``; ``Nơi nhận:Như`` is a label that
    lost its space), and a glyph before a word only where no letter can be (``!ưu``, ``»an``)."""
    merged = [m for m in _JUNK_WORD.finditer(line) if any(ch in junk for ch in m.group())]
    if not merged:
        return spans
    out = [s for s in spans if not any(m.start() <= s.start and s.end <= m.end() for m in merged)]
    out.extend(Span(m.start(), m.end(), m.group(), None) for m in merged)
    return sorted(out, key=lambda span: span.start)
