"""Governance indices (PAPI, PAR Index, SIPAS, PCI, DTI, DDCI) and PAPI dimensions named in a plan.

Names and their variants are data (``data/indicators.yaml``, ``data/papi_dimensions.yaml``); this
module only counts. A name followed by its acronym, "Chỉ số cải cách hành chính (PAR Index)", is
one mention, not two: spans of the same code separated only by brackets, quotes, spaces or a year
("... cấp tỉnh 2016 (PAPI)", "... năm 2016 (PAR INDEX 2016)") merge.

PAPI dimensions are everyday phrases of administrative writing ("công khai, minh bạch",
"thủ tục hành chính công"): in a PAR Index plan they are not PAPI dimensions. Such variants count
only when the document mentions PAPI, or where the text names them as a dimension ("Chỉ số nội
dung “Thủ tục hành chính công”", the lexicon's ``framed_by``); variants marked ``distinctive``
count everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from extractors.lexicon import load_yaml
from extractors.types import DimensionCount, IndicatorCount

_FLAGS = regex.IGNORECASE | regex.VERSION1

# Text allowed between two spans of one code for them to be one mention: "Name (ACR)", "“Name”",
# "Name 2016 (ACR)", "Name năm 2016 (ACR 2016)".
_PUNCT = r"[\s(\[“”\"':,-]*"
_JOINER = regex.compile(rf"{_PUNCT}(?:(?:năm\s+)?\d{{4}}{_PUNCT})?", regex.VERSION1 | regex.IGNORECASE)
_MAX_JOIN = 14
# How far back a dimension's frame ("Chỉ số nội dung số 6 “") may start.
_FRAME_REACH = 60


@dataclass(frozen=True, slots=True)
class _Variant:
    code: str
    pattern: regex.Pattern[str]
    distinctive: bool = True


def _word_bounded(pattern: str) -> regex.Pattern[str]:
    """Compile a lexicon pattern so that it matches whole words only (PCI not inside "PCIe")."""
    return regex.compile(rf"(?<![\w])(?:{pattern})(?![\w])", _FLAGS)


def _load_indicator_variants() -> list[_Variant]:
    table = load_yaml("indicators")["indicators"]
    return [_Variant(entry["code"], _word_bounded(v)) for entry in table for v in entry["variants"]]


def _load_dimension_variants() -> tuple[
    list[_Variant], dict[str, str], regex.Pattern[str], regex.Pattern[str]
]:
    table = load_yaml("papi_dimensions")
    variants = [
        _Variant(dim["code"], _word_bounded(v["pattern"]), bool(v.get("distinctive", False)))
        for dim in table["dimensions"]
        for v in dim["variants"]
    ]
    names = {dim["code"]: dim["name"] for dim in table["dimensions"]}
    frame = regex.compile(rf"(?<![\w])(?:{table['framed_by']})$", _FLAGS)
    return variants, names, _word_bounded(table["numbered_pattern"]), frame


_INDICATOR_VARIANTS = _load_indicator_variants()
# One pattern for "any indicator at all": obligations ask of every sentence, and most name none.
_ANY_INDICATOR = _word_bounded(
    "|".join(f"(?:{v})" for entry in load_yaml("indicators")["indicators"] for v in entry["variants"])
)
_DIMENSION_VARIANTS, _DIMENSION_NAMES, _NUMBERED_DIMENSION, _DIMENSION_FRAME = _load_dimension_variants()
_INDICATOR_ORDER = [entry["code"] for entry in load_yaml("indicators")["indicators"]]
# One pattern for "any dimension wording at all": obligations ask it of every heading, most name none.
_ANY_DIMENSION = regex.compile("|".join(f"(?:{v.pattern.pattern})" for v in _DIMENSION_VARIANTS), _FLAGS)


def indicator_spans(text: str) -> list[tuple[str, int, int]]:
    """Every mention of an indicator as ``(code, start, end)``, merged and sorted by offset.

    Public because obligations tag each action item with the indicator its sentence names.
    """
    if _ANY_INDICATOR.search(text) is None:
        return []
    return _merged_spans(text, _INDICATOR_VARIANTS)


def dimension_spans(text: str, papi_context: bool | None = None) -> list[tuple[str, int, int]]:
    """Every mention of a PAPI dimension as ``(code, start, end)``, merged and sorted.

    ``papi_context`` says whether ordinary (non-distinctive) wordings count; by default it is
    whether ``text`` itself mentions PAPI.
    """
    if _ANY_DIMENSION.search(text) is None and _NUMBERED_DIMENSION.search(text) is None:
        return []
    if papi_context is None:
        papi_context = any(code == "PAPI" for code, _, _ in indicator_spans(text))
    spans = _raw_spans(text, [v for v in _DIMENSION_VARIANTS if v.distinctive or papi_context])
    if not papi_context:
        spans += [
            (v.code, m.start(), m.end())
            for v in _DIMENSION_VARIANTS
            if not v.distinctive
            for m in v.pattern.finditer(text)
            if _framed(text, m.start())
        ]
    if papi_context:
        spans += [
            (f"PAPI-{m.group('number')}", m.start(), m.end()) for m in _NUMBERED_DIMENSION.finditer(text)
        ]
    return _merge(text, spans)


def extract_indicators(text: str, mentions: list[tuple[str, int, int]] | None = None) -> list[IndicatorCount]:
    """Count mentions of each governance index, in the lexicon's order; absent indices are left out.

    ``mentions``: the text's :func:`indicator_spans`, when the caller has read them already.
    """
    counts = _count(indicator_spans(text) if mentions is None else mentions)
    return [IndicatorCount(code, counts[code]) for code in _INDICATOR_ORDER if code in counts]


def extract_dimensions(text: str, papi_context: bool | None = None) -> list[DimensionCount]:
    """Count mentions of each PAPI dimension (PAPI-1 … PAPI-8), ordered by code.

    ``papi_context``: whether the text mentions PAPI, when the caller knows (see :func:`dimension_spans`).
    """
    counts = _count(dimension_spans(text, papi_context))
    return [
        DimensionCount("PAPI", code, _DIMENSION_NAMES[code], counts[code])
        for code in sorted(counts, key=lambda c: int(c.split("-")[1]))
    ]


def dimension_name(code: str) -> str:
    """The canonical name of a PAPI dimension code (``PAPI-6`` → ``Cung ứng dịch vụ công``)."""
    return _DIMENSION_NAMES[code]


def _framed(text: str, start: int) -> bool:
    """Whether the words just before ``start`` name what follows as a PAPI dimension."""
    return _DIMENSION_FRAME.search(text[max(0, start - _FRAME_REACH) : start]) is not None


def _raw_spans(text: str, variants: list[_Variant]) -> list[tuple[str, int, int]]:
    return [(v.code, m.start(), m.end()) for v in variants for m in v.pattern.finditer(text)]


def _merged_spans(text: str, variants: list[_Variant]) -> list[tuple[str, int, int]]:
    return _merge(text, _raw_spans(text, variants))


def _merge(text: str, spans: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Fold overlapping spans (longest wins) and adjacent spans of one code into single mentions."""
    merged: list[tuple[str, int, int]] = []
    for code, start, end in sorted(spans, key=lambda s: (s[1], -(s[2] - s[1]))):
        if merged:
            last_code, last_start, last_end = merged[-1]
            overlaps = start < last_end
            adjacent = (
                code == last_code
                and start >= last_end
                and _JOINER.fullmatch(text, last_end, start) is not None
                and start - last_end <= _MAX_JOIN
            )
            if overlaps or adjacent:
                merged[-1] = (last_code, last_start, max(end, last_end))
                continue
        merged.append((code, start, end))
    return merged


def _count(spans: list[tuple[str, int, int]]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for code, _, _ in spans:
        counts[code] = counts.get(code, 0) + 1
    return counts
