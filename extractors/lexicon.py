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


def phrase_alternation(phrases: list[str]) -> str:
    """A regex alternation of lexicon phrases, longest first ("Ban Chỉ đạo" wins over "Ban"); a space matches any run
    of spaces."""
    import regex

    ordered = sorted(set(phrases), key=len, reverse=True)
    return "|".join(regex.escape(p).replace(r"\ ", r"\s+") for p in ordered)
