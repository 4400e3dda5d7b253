"""Document numbers that OCR misread: ``$6:5b /KKH-MNTH`` for ``Số: 56 /KH-MNTH``.

A document number is what analysts join plans on, and a syllable model cannot read it: its digits
are no syllables and its type code (``KH``, ``QĐ``) is no word. So OCR-repaired lines get this rule
after decoding: right after ``Số:``, a number with letters the OCR puts for digits (``b`` for 6,
``O`` for 0, ``l`` for 1) gets its digits back, and a type code that is no known code but becomes
one with a letter dropped (``KKH`` -> ``KH``: a doubled letter) becomes that code. Known codes are
the type codes of ``extractors/data/doc_types.yaml`` and those the document itself writes elsewhere.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml

_DIGIT_LOOKALIKES = str.maketrans({"b": "6", "O": "0", "o": "0", "l": "1", "I": "1", "S": "5"})
_NUMBER_AFTER_SO = re.compile(
    r"""
    (?P<lead>\b[Ss][ốỐ]\s*:\s*)             # "Số:" as the repair wrote it
    (?P<number>[0-9bOolIS]{1,7})             # the number, digits and their look-alikes
    (?P<gap>\s*/\s*)                         # "/" (OCR often puts a space before it)
    (?P<code>[A-ZĐ][A-Za-zĐđ]{1,5})          # the type code, up to the next "-" or "/"
    (?=[-/])
    """,
    re.VERBOSE,
)
_CODE_IN_NUMBER = re.compile(
    r"""
    \d+\s*/\s*(?:\d{4}/)?          # "406/" or "73/2023/"
    (?P<code>[A-ZĐ][A-Za-zĐđ]{0,5}) # the type code
    -                              # then the issuer
    """,
    re.VERBOSE,
)


@lru_cache(maxsize=1)
def known_type_codes() -> frozenset[str]:
    """The document-type codes of a number's symbol (``KH``, ``QĐ``, ``CTr``), from the extractors' data."""
    try:
        text = (resources.files("extractors") / "data" / "doc_types.yaml").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        return frozenset()
    data = yaml.safe_load(text) or {}
    return frozenset(str(code) for code in (data.get("symbol_codes") or {}))


def document_type_codes(text: str) -> frozenset[str]:
    """Type codes the document's own numbers use (``406/KH-UBND`` -> ``KH``)."""
    return frozenset(m.group("code") for m in _CODE_IN_NUMBER.finditer(text))


def _read_number(number: str) -> str:
    """Digits for look-alike letters, only in a token that is mostly digits already (``5b``, ``1O2``)."""
    digits = sum(ch.isdigit() for ch in number)
    if digits == len(number) or digits * 2 < len(number):
        return number
    return number.translate(_DIGIT_LOOKALIKES)


def _read_code(code: str, known: frozenset[str]) -> str:
    """A known code for an unknown one that is one inserted letter longer (``KKH`` -> ``KH``)."""
    if code in known:
        return code
    shorter = {code[:i] + code[i + 1 :] for i in range(len(code))}
    matches = sorted(shorter & known)
    return matches[0] if len(matches) == 1 else code


def fix_document_numbers(line: str, document_codes: frozenset[str] = frozenset()) -> str:
    """``line`` with the number after ``Số:`` and its type code read back (see the module docstring)."""
    known = known_type_codes() | document_codes

    def replace(m: re.Match[str]) -> str:
        number = _read_number(m.group("number"))
        lead = m.group("lead") if m.group("lead")[-1].isspace() else m.group("lead") + " "  # "Số: 56"
        return lead + number + m.group("gap") + _read_code(m.group("code"), known)

    return _NUMBER_AFTER_SO.sub(replace, line)
