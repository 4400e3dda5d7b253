"""National bodies spelt as they are: "Thủ tưởng Chính phủ" (a typo in the source) is the Prime Minister.

Issuers are stored as the text writes them, but a name that differs from a national body
(``data/abbreviations.yaml``: ``known_bodies``) only in its tone and vowel marks, its case or a
left-out "và" cannot be another body: the list is closed, and no two of its names share a skeleton.
Only a whole name, or the end of one ("Bộ trưởng Bộ Tài nguyên Môi trường"), is replaced.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from extractors.lexicon import load_yaml

_BODIES: list[str] = load_yaml("abbreviations")["known_bodies"]


def _skeleton(words: list[str]) -> tuple[str, ...]:
    """The words without marks, case, punctuation and "và": what a one-mark typo leaves unchanged."""
    plain = []
    for index, word in enumerate(words):
        letters = unicodedata.normalize("NFD", word.replace("Đ", "D").replace("đ", "d").casefold())
        stripped = "".join(c for c in letters if c.isalnum())
        inside = 0 < index < len(words) - 1  # a "và" that ends the words joins the next name: kept
        if stripped and not (stripped == "va" and inside):
            plain.append(stripped)
    return tuple(plain)


_BY_SKELETON: dict[tuple[str, ...], str] = {_skeleton(body.split()): body for body in _BODIES}
assert len(_BY_SKELETON) == len(_BODIES), "two known bodies share a skeleton"
_LONGEST = max(len(key) for key in _BY_SKELETON)


@lru_cache(maxsize=1024)
def known_body_spelling(name: str) -> str:
    """``name`` with a misspelt national body at its end written as that body is spelt."""
    words = name.split()
    for start in range(max(0, len(words) - _LONGEST - 2), len(words)):
        if not words[start][:1].isupper():
            continue  # "... và Bộ Nông nghiệp ...": the name starts at its capital, the "và" stays
        body = _BY_SKELETON.get(_skeleton(words[start:]))
        if body is not None:
            return " ".join([*words[:start], body]) if start else body
    return name
