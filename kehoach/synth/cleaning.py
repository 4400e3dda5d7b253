"""Strip export debris from seed text before rendering it: what a printed page would not show.

Word exports leave ``[bookmark: _GoBack]`` anchors and markdown exports leave ``#`` heading marks and
``**bold**`` markers; a scan of the same plan has none of them, so neither may the ground truth.
"""

from __future__ import annotations

import re
import unicodedata

_BOOKMARK = re.compile(r"""\[bookmark:[^\]]*\]""", re.VERBOSE)
_HEADING_MARK = re.compile(r"""^[ \t]*\#{1,6}[ \t]+""", re.VERBOSE | re.MULTILINE)
_EMPHASIS = re.compile(r"""\*\*|__""", re.VERBOSE)
_LIST_STAR = re.compile(r"""^[ \t]*\*[ \t]+""", re.VERBOSE | re.MULTILINE)  # "* item" -> "- item"
_BLANK_RUNS = re.compile(r"""\n[ \t]*(?:\n[ \t]*)+""", re.VERBOSE)


def clean_source_text(text: str) -> str:
    """NFC text without bookmarks, markdown marks, trailing spaces or blank lines."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n")
    text = _BOOKMARK.sub("", text)
    text = _HEADING_MARK.sub("", text)
    text = _EMPHASIS.sub("", text)
    text = _LIST_STAR.sub("- ", text)
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return _BLANK_RUNS.sub("\n", "\n".join(lines)).strip() + "\n"
