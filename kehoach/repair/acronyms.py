"""Index acronyms one letter off: ``PAPIT`` / ``PAPL`` for PAPI, ``STPAS`` for SIPAS.

The acronyms name what a plan is about, so analysts filter on them; Tesseract (``vie`` as much as
``eng``) misreads their capitals (``I`` as ``T`` or ``L``, a stray letter at the end). The list lives
in ``data/indicator_acronyms.yaml``. After decoding, an OCR-repaired line's upper-case token that
the language model does not know and that is one substitution, insertion or deletion away from
exactly one of them becomes that acronym (a rule, not a reading the model weighs: the model has
seen these acronyms too rarely to prefer them over an unknown word).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import yaml

ACRONYMS_PATH = Path(__file__).resolve().parent / "data" / "indicator_acronyms.yaml"
_UPPER_TOKEN = re.compile(r"\b[A-Z]{4,7}\b")  # an all-capital ASCII word of acronym length


@lru_cache(maxsize=1)
def indicator_acronyms(path: Path = ACRONYMS_PATH) -> frozenset[str]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return frozenset(str(a) for a in data.get("acronyms") or ())


def one_edit_apart(a: str, b: str) -> bool:
    """True when ``b`` is ``a`` with exactly one letter substituted, inserted or deleted."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def near_acronyms(token: str, acronyms: frozenset[str] | None = None) -> list[str]:
    """The index acronyms one edit from an upper-case ``token`` (sorted), none for a known one."""
    known = indicator_acronyms() if acronyms is None else acronyms
    if token in known or not token.isupper():
        return []
    return sorted(a for a in known if one_edit_apart(token, a))


def fix_acronyms(line: str, is_known: Callable[[str], bool]) -> str:
    """``line`` with each unknown upper-case token one edit from exactly one index acronym replaced
    by it; ``is_known(lowercase_word)`` says whether the language model knows a word."""

    def replace(m: re.Match[str]) -> str:
        token = m.group()
        if is_known(token.lower()):
            return token
        near = near_acronyms(token)
        return near[0] if len(near) == 1 else token

    return _UPPER_TOKEN.sub(replace, line)
