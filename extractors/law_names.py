"""Names of laws: abbreviated names written out, and the body a text says passed a law.

"theo quy định của Luật NSNN năm 2025" cites the "Luật Ngân sách nhà nước" (the abbreviations are data,
``law_name_abbreviations`` in ``data/abbreviations.yaml``); "Luật Bảo vệ dữ liệu cá nhân được Quốc hội
khóa XV thông qua ..." names the law's issuer after it, where the citation reader does not look.
"""

from __future__ import annotations

import re

from extractors.issuers import cut_issuer
from extractors.lexicon import load_yaml

_LAW_ABBREVIATIONS: dict[str, str] = load_yaml("abbreviations")["law_name_abbreviations"]
# The body that passed a law, named after the law: "Luật Bảo vệ dữ liệu cá nhân được Quốc hội khóa XV thông
# qua tại kỳ họp thứ 9 ..." (legal_docs: also "Luật Ban hành văn bản quy phạm pháp luật được Quốc hội khóa XV
# thông qua tại Kỳ họp bất thường lần thứ 9").
_PASSED_BY = r"\s+(?:đã\s+)?được\s+(?=\S)"
_PASSING_VERB = re.compile(r"(?:\s+(?:khóa|khoá)\s+[IVXLC]+)?\s+(?:thông\s+qua|ban\s+hành)\b")


def expand_law_abbreviation(title: str) -> str:
    """ "Luật NSNN" → "Luật Ngân sách nhà nước"; other titles unchanged."""
    words = title.split(" ")
    if len(words) == 2 and words[1] in _LAW_ABBREVIATIONS:
        return f"{words[0]} {_LAW_ABBREVIATIONS[words[1]]}"
    return title


def passed_by(text: str, title: str) -> str | None:
    """The body the text says passed the law ``title`` ("... được Quốc hội khóa XV thông qua"), if any."""
    for found in re.finditer(re.escape(title) + _PASSED_BY, text):
        name = cut_issuer(text, found.end())
        if name is not None and _PASSING_VERB.match(text, name[1]):
            return name[0]
    return None
