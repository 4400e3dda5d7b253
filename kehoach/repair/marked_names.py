"""A name the OCR read without its marks is given them from the same name read with them elsewhere.

Tesseract ``vie`` reads most of a page with its marks but drops them now and then, most often in the
small capitals of a header ("ỦY BAN NHÂN DÂN / PHƯƠNG BEN NGHE" for "PHƯỜNG BẾN NGHÉ"). Decoded on
its own, such a line is guessed from the language model ("BAN NGHE"), while the document itself
writes the name right in its date line ("Bến Nghé, ngày 12 tháng 3 năm 2025"). Before decoding, a run
of two to four capitalised words without any mark whose letters are those of a marked capitalised
name of the same document takes that name's marks, in its own case ("BEN NGHE" -> "BẾN NGHÉ"). Only
for ``vie`` OCR, whose marks are trusted: an ``eng`` text has none to learn from.
"""

from __future__ import annotations

from collections import Counter

import regex

from kehoach.repair.syllables import has_diacritics, strip_diacritics

_NAME_RUN = regex.compile(r"(?<![\w-])\p{Lu}[\p{L}]*(?:[ \t]+\p{Lu}[\p{L}]*){1,3}(?![\w-])")
_WORD = regex.compile(r"\p{L}+")


def _is_name_word(word: str) -> bool:
    """A capitalised word in Title case or all capitals ("Ben", "BEN")."""
    return word.isalpha() and word[:1].isupper() and (word[1:].islower() or word.isupper())


def marked_names(text: str) -> dict[str, str]:
    """Letters (folded, no marks) -> the most frequent marked Title-case spelling of a name in ``text``."""
    counts: Counter[str] = Counter()
    for match in _NAME_RUN.finditer(text):
        words = match.group(0).split()
        if all(w[:1].isupper() and w[1:].islower() for w in words) and any(has_diacritics(w) for w in words):
            counts[" ".join(words)] += 1
    best: dict[str, str] = {}
    for name, _ in counts.most_common():
        best.setdefault(strip_diacritics(name).casefold(), name)
    return best


def restore_marked_names(text: str) -> str:
    """``text`` with unmarked runs of a marked name of the same text given its marks (see module)."""
    names = marked_names(text)
    if not names:
        return text

    def restore(match: regex.Match[str]) -> str:
        words = match.group(0).split()
        out = list(words)
        start = 0
        while start < len(words) - 1:
            for size in range(min(4, len(words) - start), 1, -1):
                part = words[start : start + size]
                if any(has_diacritics(w) or not _is_name_word(w) for w in part):
                    continue
                found = names.get(" ".join(part).casefold())
                if found is not None:
                    marked = found.split()
                    out[start : start + size] = (
                        [w.upper() for w in marked] if all(w.isupper() for w in part) else marked
                    )
                    start += size
                    break
            else:
                start += 1
        return match.group(0) if out == words else " ".join(out)

    return _NAME_RUN.sub(restore, text)
