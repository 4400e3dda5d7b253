"""Multi-year periods: "giai đoạn 2021-2025", "nhiệm kỳ 2020 - 2025", "2021–2025", "từ năm 2021 đến năm 2025".

Plans are framed by periods (the five-year socio-economic plan, a Party congress term); an
analyst filters plans by them. A bare "2021-2025" counts too, since a pair of years joined by a
dash is a period in this genre; the cue word ("giai đoạn", "nhiệm kỳ") is kept in ``text`` when
present. Periods longer than 30 years or running backwards are not periods (page ranges, codes).
"""

from __future__ import annotations

import re

from extractors.types import Period

PERIOD_PATTERN = re.compile(
    r"""
    (?:(?P<cue>giai\s+đoạn|Giai\s+đoạn|GIAI\s+ĐOẠN|nhiệm\s+kỳ|Nhiệm\s+kỳ|NHIỆM\s+KỲ|thời\s+kỳ|Thời\s+kỳ)\s*:?\s*)?
    (?:
        (?<![\d/.-])(?P<from1>(?:19|20)\d{2})\s*[-–—]\s*(?P<to1>(?:19|20)\d{2})(?![\d/-])      # 2021 - 2025
      | (?:[Tt]ừ\s+)?năm\s+(?P<from2>(?:19|20)\d{2})\s+(?:đến|tới)\s+(?:hết\s+)?năm\s+(?P<to2>(?:19|20)\d{2})\b
    )
    """,
    re.VERBOSE,
)
_MAX_PERIOD_YEARS = 30


def extract_periods(text: str) -> list[Period]:
    """Every period in ``text``, in reading order (repeats included: each has its own offsets)."""
    periods = []
    for match in PERIOD_PATTERN.finditer(text):
        from_year = int(match["from1"] or match["from2"])
        to_year = int(match["to1"] or match["to2"])
        if not 0 < to_year - from_year <= _MAX_PERIOD_YEARS:
            continue
        periods.append(Period(from_year, to_year, match.group(), match.start(), match.end()))
    return periods
