"""Words of the neighbouring lines as decoding context for an OCR line.

A scan's lines break a paragraph wherever the page ran out of width: ``phản`` ends one line and
``ánh`` starts the next, ``đẩy`` ends a line before ``mạnh``. Decoded alone, each line ends (or
starts) with no context, and the model picks the commonest word (``phần``, ``đây``). So an OCR line
is decoded with the last words of the line before it and the first words of the line after it
(planned on their own: a fragment is never joined across the line break); only the line's own
readings are kept.
"""

from __future__ import annotations

import re

CONTEXT_WORDS = 2  # words borrowed from each neighbouring line
_CHUNK = re.compile(r"\S+")


def neighbour_words(lines: list[str], index: int, words: int = CONTEXT_WORDS) -> tuple[str, str] | None:
    """The last ``words`` chunks of the line before line ``index`` and the first ``words`` of the
    line after (each "" where there is none), or None when both are empty."""
    before = _CHUNK.findall(lines[index - 1])[-words:] if index > 0 else []
    after = _CHUNK.findall(lines[index + 1])[:words] if index + 1 < len(lines) else []
    if not before and not after:
        return None
    return " ".join(before), " ".join(after)
