"""Names that schools and streets bear, spelt as the corpus spells them.

"Trường Tiểu học Nguyễn Bình Khiêm" is the school named after Nguyễn Bỉnh Khiêm: a plan (or its scan)
may write the name with a wrong tone mark, even in its own issuer. ``data/namesakes.tsv`` (built by
``scripts/build_namesakes.py`` from the corpus) lists the names that follow a school's level or
"đường"/"phố" there. The name after a school's level in a body's name that differs from one of them
only in its tone marks, and is not itself in the list, is given the list's spelling. Places one tone
away from a namesake are listed with count 0, so a school named after its commune keeps the commune's
spelling ("Trường THCS Kim Đông", not "Kim Đồng"). Letters and vowel shapes are never changed ("Hùng"
is no "Hưng").
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path

import regex

_DATA = Path(__file__).parent / "data" / "namesakes.tsv"
_TONE_MARKS = frozenset("\u0300\u0301\u0309\u0303\u0323")
# The name a school bears, after its level: "Trường Tiểu học Nguyễn Bình Khiêm", "Trường THCS ...".
_NAME = regex.compile(
    r"(?<=(?:[Mm]ầm[ \t]+non|[Tt]iểu[ \t]+học|THCS|THPT|[Tt]rung[ \t]+học(?:[ \t]+(?:cơ[ \t]+sở|phổ[ \t]+thông))?"
    r"|[Pp]hổ[ \t]+thông)[ \t]+)\p{Lu}\p{Ll}+(?:[ \t]+\p{Lu}\p{Ll}+){1,3}(?!\w)"
)


# The level of a school right before a name: the name is the school's ("Trường Tiểu học Lý Tự Trọng").
_SCHOOL_LEVEL_BEFORE = regex.compile(
    r"(?:[Mm]ầm[ \t]+non|[Tt]iểu[ \t]+học|THCS|THPT|[Tt]rung[ \t]+học(?:[ \t]+(?:cơ[ \t]+sở|phổ[ \t]+thông))?"
    r"|[Pp]hổ[ \t]+thông|[Đđ]ại[ \t]+học|[Cc]ao[ \t]+đẳng)[ \t]+$"  # "Trường Đại học Nông Lâm"
)


def names_a_school(before: str) -> bool:
    """Whether a name after ``before`` is a school's: "... Phó Hiệu trưởng Trường Tiểu học " + "Lý Tự Trọng"."""
    return _SCHOOL_LEVEL_BEFORE.search(before) is not None


def without_tones(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONE_MARKS))


@lru_cache(maxsize=1)
def _namesakes() -> tuple[frozenset[str], dict[str, str]]:
    """The names as listed, and the most frequent listed spelling of each toneless form."""
    counts: dict[str, int] = {}
    for line in _DATA.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, count = line.split("\t")
            counts[name] = int(count)
    best: dict[str, str] = {}
    for name, count in counts.items():
        key = without_tones(name)
        if key not in best or count > counts[best[key]]:
            best[key] = name
    return frozenset(counts), best


def namesake_spelling(text: str) -> str:
    """``text`` with the name after a school's level respelt where it misspells a listed namesake's
    tone marks: "Trường Tiểu học Nguyễn Bình Khiêm" -> "Trường Tiểu học Nguyễn Bỉnh Khiêm". A place's
    name one tone away from a namesake is listed with count 0 and kept ("Trường THCS Kim Đông")."""
    listed, by_form = _namesakes()

    def respell(match: regex.Match[str]) -> str:
        words = match.group(0).split()
        for size in range(len(words), 1, -1):  # the longest listed tail: "Tiểu Học Nguyễn Bình Khiêm"
            for start in range(len(words) - size + 1):
                name = " ".join(words[start : start + size])
                if name in listed:
                    return match.group(0)
                found = by_form.get(without_tones(name))
                if found is not None:
                    return " ".join([*words[:start], *found.split(), *words[start + size :]])
        return match.group(0)

    return _NAME.sub(respell, text)
