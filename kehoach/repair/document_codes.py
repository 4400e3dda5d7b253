"""Codes the document spells itself, restoring OCR misreadings of them that no model knows.

Mixed-case codes (``IoT``, ``eTax``, ``VNeID``) are no syllables and rarely in the language model;
OCR garbles them into other mixed-case tokens (``IToT``, ``ToT``). A token with a capital inside
that the model does not know, one edit from exactly one mixed-case code the same document writes
and the model knows, is that code. The archive note that closes every official document, ``Lưu: VT``
(văn thư, the records office), is a fixed formula, so ``Lưu: VI`` or ``!ưu: Vĩ`` is read as it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import regex

from kehoach.repair.acronyms import one_edit_apart

MIN_CODE_LEN = 3
_INNER_CAPITAL = regex.compile(r"\p{Ll}\p{Lu}")  # "IoT", "eTax": a capital after a lowercase letter
_WORD = regex.compile(r"(?<![\w/-])\p{L}{2,}(?![\w/-])")
_ARCHIVE_NOTE = re.compile(
    r"""
    (?P<label>(?<!\w)[L!|lI1]ưu\s*:\s*)   # "Lưu:", OCR's "!ưu:"
    V(?:[TILlĩi1|]|[ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ])(?!\w)
                                           # VT, or VT with its T misread: VI, VL, Vĩ, Vi, or a
                                           # capital with a mark (VŨ), which no code has ("VP" stays)
    (?P<comma>,?)
    (?P<next>\s+[A-ZĐ])?                   # the unit's code after it: "VT, KTTH"
    """,
    re.VERBOSE,
)


def mixed_case_codes(text: str, is_known: Callable[[str], bool]) -> frozenset[str]:
    """The mixed-case codes ``text`` writes that the model knows (``IoT``; not OCR's ``IToT``)."""
    return frozenset(
        t
        for t in _WORD.findall(text)
        if len(t) >= MIN_CODE_LEN and _INNER_CAPITAL.search(t) and is_known(t.lower())
    )


def fix_mixed_case_codes(line: str, codes: frozenset[str], is_known: Callable[[str], bool]) -> str:
    """``line`` with unknown mixed-case tokens one edit from exactly one of ``codes`` replaced by it."""
    if not codes:
        return line

    def replace(m: regex.Match[str]) -> str:
        token = m.group()
        if token in codes or not _INNER_CAPITAL.search(token) or is_known(token.lower()):
            return token
        near = [code for code in codes if one_edit_apart(token, code)]
        return near[0] if len(near) == 1 else token

    return _WORD.sub(replace, line)


def fix_archive_note(line: str) -> str:
    """``Lưu: VI KTTH`` -> ``Lưu: VT, KTTH``: the fixed closing formula of official documents.

    A comma lost after ``VT`` comes back too: the legal corpus writes ``Lưu: VT, <unit>`` 379 times
    and ``Lưu: VT <unit>`` never.
    """

    def replace(m: re.Match[str]) -> str:
        comma = "," if m.group("comma") or m.group("next") else ""
        return "Lưu: VT" + comma + (m.group("next") or "")

    return _ARCHIVE_NOTE.sub(replace, line)
