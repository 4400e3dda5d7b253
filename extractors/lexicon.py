"""Load the extractors' lexicons and pattern tables from ``extractors/data/*.yaml``.

Lexicons live in data files so that a domain expert can read and extend them without touching
code (document-type abbreviations of Nghị định 30/2020/NĐ-CP Phụ lục III, issuer abbreviations,
words that keep their case in titles ...). The files ship as package data (pyproject
``package-data``) next to this module, and are found relative to it rather than through
``importlib.resources.files("extractors")``: under pytest the folder ``tests/extractors`` can make
the name ``extractors`` resolve to a namespace package that does not hold ``data/``.
Loading is cached: every extractor module may call :func:`load_yaml` at import time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).resolve().parent / "data"


@cache
def load_yaml(name: str) -> Any:
    """Return the parsed content of ``extractors/data/<name>`` (``.yaml`` is added when missing).

    The result is shared between callers (cached): treat it as read-only.
    Raises ``FileNotFoundError`` when no such data file exists.
    """
    file_name = name if name.endswith((".yaml", ".yml")) else f"{name}.yaml"
    path = DATA_DIR / file_name
    if not path.is_file():
        raise FileNotFoundError(f"no lexicon extractors/data/{file_name}")
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def phrase_alternation(
    phrases: Iterable[str], word_pattern: Callable[[str], str] | None = None, space: str = r"\s+"
) -> str:
    """A regex alternation of lexicon phrases, longest first ("Ban Chỉ đạo" wins over "Ban"); a space matches any run
    of spaces (or ``space``). ``word_pattern`` makes each word's pattern (default: the word escaped).

    The phrases are merged into a tree of their words ("Ban(?:\\s+(?:Chỉ\\s+đạo|Giám\\s+đốc))?"): the engine then
    reads a shared first word once instead of once per phrase, which halves the cost of a long list of heads. At a
    position where several phrases match, the longest still wins (a longer branch is tried before the branch's end).
    """
    import regex

    return _branches(_word_tree(phrases, word_pattern or regex.escape), space, first=True)


_PHRASE_ENDS = None  # the key of a word-tree node where a phrase ends


def _word_tree(phrases: Iterable[str], word_pattern: Callable[[str], str]) -> dict:
    tree: dict = {}
    for phrase in set(phrases):
        node = tree
        for word in phrase.split(" "):
            node = node.setdefault(word_pattern(word), {})
        node[_PHRASE_ENDS] = {}
    return tree


def _branches(node: dict, space: str, first: bool = False) -> str:
    words = sorted((word for word in node if word is not _PHRASE_ENDS), key=lambda word: (-len(word), word))
    alternatives = "|".join(word + _branches(node[word], space) for word in words)
    if first or not words:
        return alternatives
    if len(words) == 1 and _PHRASE_ENDS not in node:
        return space + alternatives  # one way on: no group ("Bộ\s+phận\s+Một\s+cửa")
    return f"(?:{space}(?:{alternatives})){'?' if _PHRASE_ENDS in node else ''}"
