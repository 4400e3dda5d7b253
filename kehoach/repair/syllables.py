"""Vietnamese syllable arithmetic: diacritics, tone placement, case, tokens for the language model.

Every Vietnamese letter is a base letter, an optional modifier (breve ă, circumflex â ê ô, horn ơ ư,
stroke đ) and, on the vowel that carries it, one of five tone marks. The repair stage reasons on
these three parts separately: OCR and careless typing lose them independently.

Tone placement convention (one for the whole project, also used by the normalise stage): the
*traditional* placement that Vietnamese administrative documents use — ``hòa``, ``thủy``,
``Ủy ban``, ``khỏe`` — i.e. in an open syllable with two plain vowels the tone sits on the first
one; with a final consonant on the last one (``hoàng``); a vowel with a modifier always carries it
(``thuở``, ``người``, ``chuyển``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

TONE_MARKS = {"\u0300": 2, "\u0301": 1, "\u0309": 3, "\u0303": 4, "\u0323": 5}  # huyền sắc hỏi ngã nặng
TONE_COMBINING = {v: k for k, v in TONE_MARKS.items()}
MODIFIER_MARKS = {"\u0306", "\u0302", "\u031b"}  # breve, circumflex, horn
VOWELS = set("aeiouy")
MODIFIED_VOWELS = set("ăâêôơư")
CONSONANT_ONSETS = [
    "ngh",
    "ng",
    "gh",
    "gi",
    "kh",
    "nh",
    "ph",
    "qu",
    "th",
    "tr",
    "ch",
    "b",
    "c",
    "d",
    "đ",
    "g",
    "h",
    "k",
    "l",
    "m",
    "n",
    "p",
    "r",
    "s",
    "t",
    "v",
    "x",
]  # longest first

_WORD = re.compile(
    r"""
    [^\W\d_]+          # a run of letters: a syllable or a foreign word
    """,
    re.VERBOSE,
)
_LM_TOKEN = re.compile(
    r"""
      (?P<word>[^\W\d_]+)                 # letters
    | (?P<num>\d+(?:[.,/:\-]\d+)*)          # numbers, dates, codes' digit parts
    | (?P<punct>[,;:().?!])               # punctuation that carries context
    | (?P<percent>(?<=\d)%)                # a percentage: "tăng 10% so cùng kỳ", not "tầng 10"
    """,
    re.VERBOSE,
)
NUM_TOKEN = "<num>"


def _slow_strip(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    out = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return out.replace("đ", "d").replace("Đ", "D")


_VIETNAMESE_LETTERS = (
    "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
    "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
)
_STRIP_TABLE = str.maketrans({ch: _slow_strip(ch) for ch in _VIETNAMESE_LETTERS})


def strip_diacritics(text: str) -> str:
    """``Hồ Chí Minh`` -> ``Ho Chi Minh`` (tones, modifiers and the stroke of đ removed)."""
    out = text.translate(_STRIP_TABLE)
    return out if out.isascii() else _slow_strip(out)


def strip_tone(text: str) -> str:
    """Remove only tone marks, keep modifiers: ``người`` -> ``ngươi``."""
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in TONE_MARKS))


@lru_cache(maxsize=4096)
def decompose_char(ch: str) -> tuple[str, str, int]:
    """One letter -> (base letter, modifier mark or '', tone 0-5). ``ờ`` -> (``o``, horn, 2)."""
    if ch in "đĐ":
        return ("d" if ch == "đ" else "D", "đ", 0)
    parts = unicodedata.normalize("NFD", ch)
    base, modifier, tone = parts[0], "", 0
    for mark in parts[1:]:
        if mark in TONE_MARKS:
            tone = TONE_MARKS[mark]
        elif mark in MODIFIER_MARKS:
            modifier = mark
    return base, modifier, tone


def has_diacritics(word: str) -> bool:
    return strip_diacritics(word) != word


def _onset_length(lower: str) -> int:
    """Length of the initial consonant, treating ``qu`` and ``gi`` (before a vowel) as consonants."""
    for onset in CONSONANT_ONSETS:
        if lower.startswith(onset):
            if onset == "gi" and (len(lower) == 2 or strip_diacritics(lower[2]) not in VOWELS):
                return 1  # "gì", "gìn": the i is the vowel
            return len(onset)
    return 0


def tone_position(letters: str) -> int | None:
    """Index in ``letters`` (lowercase, NFC, tone removed) of the vowel that carries the tone."""
    start = _onset_length(letters)
    vowel_idx = []
    for i in range(start, len(letters)):
        if strip_diacritics(letters[i]) in VOWELS:
            if vowel_idx and i != vowel_idx[-1] + 1:
                return None  # two vowel groups: not one syllable
            vowel_idx.append(i)
    if not vowel_idx or len(vowel_idx) > 3:
        return None
    modified = [i for i in vowel_idx if letters[i] in MODIFIED_VOWELS]
    if modified:
        return modified[-1]  # ươ -> ơ, uyê -> ê
    if len(vowel_idx) == 1:
        return vowel_idx[0]
    has_coda = vowel_idx[-1] < len(letters) - 1
    if has_coda:
        return vowel_idx[-1]
    if len(vowel_idx) == 3:
        return vowel_idx[1]
    return vowel_idx[0]  # traditional: hòa, thủy, mùa


VALID_NUCLEI = frozenset(
    """a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ uê ui uô uơ uy
    ưa ưi ươ ưu yê iêu oai oao oay oeo uây uôi uya uyê uyu ươi ươu yêu""".split()
)


@lru_cache(maxsize=65536)
def is_well_formed(word: str) -> bool:
    """True when a lowercase word is built like a Vietnamese syllable: onset, a known vowel nucleus,
    and a final consonant Vietnamese allows (``luoc`` is not: ``uo`` needs its marks)."""
    letters = strip_tone(word)
    start = _onset_length(letters)
    end = start
    while end < len(letters) and strip_diacritics(letters[end]) in VOWELS:
        end += 1
    nucleus, coda = letters[start:end], letters[end:]
    if not nucleus:
        return False
    return nucleus in VALID_NUCLEI and coda in {"", "c", "ch", "m", "n", "ng", "nh", "p", "t"}


@lru_cache(maxsize=65536)
def normalize_syllable_tone(word: str) -> str:
    """Move the tone mark of one word to the conventional vowel; words that are not syllables pass."""
    decomposed = unicodedata.normalize("NFD", word)
    tones = [ch for ch in decomposed if ch in TONE_MARKS]
    if len(tones) != 1:
        return word
    toneless = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in TONE_MARKS))
    position = tone_position(toneless.lower())
    if position is None:
        return word
    target = unicodedata.normalize("NFD", toneless[position]) + tones[0]
    rebuilt = toneless[:position] + unicodedata.normalize("NFC", target) + toneless[position + 1 :]
    return rebuilt


def normalize_tone_placement(text: str) -> str:
    """Fold tone placement to the traditional convention (``hoà`` -> ``hòa``, ``Uỷ`` -> ``Ủy``).

    Only the position of the tone mark changes; text is returned in NFC. The normalise stage calls
    this too, so that every text version in the store follows one spelling.
    """
    text = unicodedata.normalize("NFC", text)
    return _WORD.sub(lambda m: normalize_syllable_tone(m.group(0)), text)


def case_pattern(token: str) -> str:
    """'upper', 'title' or 'lower' — how to restore case on a repaired syllable."""
    letters = ["S" if c == "$" else c for c in token if c.isalpha() or c == "$"]  # OCR's $ is a capital S
    if not letters:
        return "lower"
    if all(c.isupper() for c in letters) and len(letters) > 1:
        return "upper"
    if letters[0].isupper():
        return "title"
    return "lower"


def apply_case(word: str, pattern: str) -> str:
    if pattern == "upper":
        return word.upper()
    if pattern == "title":
        return word[:1].upper() + word[1:]
    return word


def lm_tokens(line: str) -> list[str]:
    """The tokens the language model counts: lowercase tone-normalised words, ``<num>``, punctuation."""
    line = normalize_tone_placement(line).lower()
    out: list[str] = []
    for m in _LM_TOKEN.finditer(line):
        if m.lastgroup == "word":
            out.append(m.group(0))
        elif m.lastgroup == "num":
            out.append(NUM_TOKEN)
        else:
            out.append(m.group(0))
    return out
