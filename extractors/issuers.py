"""Names of issuing bodies: cut them out of running text, expand abbreviations, fix their case.

Shared by the citation extractor ("... của UBND quận Hà Đông về ...") and the document header
reader ("TRƯỜNG MẦM NON TUỔI HỒNG" -> "Trường Mầm non Tuổi Hồng"). The vocabulary lives in
``data/issuer_words.yaml`` and ``data/abbreviations.yaml``.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from extractors.foreign_names import spells_vietnamese
from extractors.lexicon import load_yaml

_WORDS = load_yaml("issuer_words")
# The provinces' names (data/surnames.yaml), as a name may end with one: no lower-case syllable of the name follows.
_PROVINCE_ENDINGS = tuple(" " + province for province in load_yaml("surnames")["provinces"])
_ABBREVIATIONS = load_yaml("abbreviations")
ISSUER_TOKENS: dict[str, str] = _ABBREVIATIONS["issuer_tokens"]
SPELLING_VARIANTS: dict[str, str] = _ABBREVIATIONS["spelling_variants"]
ADMIN_LEVELS: list[str] = _WORDS["admin_levels"]
_PARTY_COMMITTEE_LEVELS: dict[str, str] = _WORDS["party_committee_levels"]
_CONTINUATION = frozenset(_WORDS["continuation_words"])
_STOP_PHRASES = sorted((tuple(p.lower().split()) for p in _WORDS["stop_words"]), key=len, reverse=True)
# The stop phrases by their first word, longest first: a token that begins none is passed at once.
_STOPS_BY_FIRST_WORD: dict[str, list[tuple[str, ...]]] = {}
for _phrase in _STOP_PHRASES:
    _STOPS_BY_FIRST_WORD.setdefault(_phrase[0], []).append(_phrase)
# Stop phrases the data writes capitalised ("V/v") stop a name in any case; the others, written
# capitalised right after a bare head, are part of the name: "Ban Chỉ đạo", "Ban Tổ chức Tỉnh ủy".
_CAPITALISED_STOPS = frozenset(tuple(p.lower().split()) for p in _WORDS["stop_words"] if p[:1].isupper())
_LIST_NAME_HEADS = tuple(_WORDS["list_name_heads"])
_KNOWN_BODY_NAMES = tuple(load_yaml("abbreviations")["known_bodies"])
_MAX_LIST_NAME_TOKENS = 26
_TITLE_LOWER = frozenset(_WORDS["title_case_lower"])
_TITLE_UPPER = frozenset(_WORDS["title_case_upper"])
BODY_HEADS: list[str] = [*_WORDS["body_heads"], *_WORDS["capitalised_body_heads"]]
_HEAD_FIRST_WORDS = frozenset(head.split()[0].lower() for head in _WORDS["body_heads"])
_BARE_HEADS = frozenset(BODY_HEADS)
_COMPLETE_BODIES = frozenset(_WORDS["complete_bodies"])
# Heads a title names right before the body's field: "Bộ trưởng Bộ Giao thông vận tải", "Giám đốc Sở Xây dựng".
_FIELD_HEADS = tuple(_WORDS["field_heads"])
# Lower-case words a name cannot end with: "... của UBND TP thành “Danh mục ...”" ("thành" of "thành phố"); in
# capitals too ("THỦ TƯỚNG CHÍNH PHỦ VÀ"), never in title case, where they end a place's name ("huyện Châu Thành").
_CANNOT_END = "|".join(
    re.escape(variant) for word in _WORDS["name_cannot_end"] for variant in (word.lower(), word.upper())
)
_LEVEL_WORDS = frozenset(word for level in ADMIN_LEVELS for word in level.split())
_MAX_ISSUER_TOKENS = 14
# National bodies whose name is whole: a capitalised word after one begins something else (a subject, a person).
_WHOLE_NATIONAL_BODIES = frozenset({"Chính phủ", "Thủ tướng Chính phủ", "Ủy ban Thường vụ Quốc hội"})
# A field written in lower case right after an office's head, as running text sometimes does ("của Chi cục thuế
# Khu vực VIII", "Tổng cục thuế"); the words are those of ``org_kinds.yaml`` (shared with the unit reader).
_ORG_KINDS = load_yaml("org_kinds")
_LOWER_CASE_FIELD_HEADS = frozenset(_ORG_KINDS["lower_case_field_heads"])
_LOWER_CASE_FIELD_AFTER_HEAD = re.compile(
    r"\s+(?:"
    + "|".join(
        re.escape(field).replace(r"\ ", r"\s+").replace(r"\-", "[-–]")
        for field in sorted(_ORG_KINDS["lower_case_fields"], key=len, reverse=True)
    )
    + r")(?!\w)"
)


def _capitalised_word(word: str) -> bool:
    return word[:1].isupper() and word[1:2].islower()


_LEVEL_ENDING = re.compile(
    r"(?<!\w)(?:"
    + "|".join(re.escape(level).replace(r"\ ", r"\s+") for level in ADMIN_LEVELS)
    + r")[,.;:]*$",
    re.IGNORECASE,
)

_TOKEN = re.compile(r"\S+")
# A sentence glued to the next one: a lower-case word, a full stop, a capital ("phủ.Thủ"); not "TP.HCM", "v.v".
_NEXT_SENTENCE_GLUED = re.compile(r"(?P<word>\w*[a-zđà-ỹ]{2})\.(?=[A-ZĐÀ-Ỹ][a-zđà-ỹ])")
# A footnote mark a web copy glues to the word before it: "... của Thanh tra Chính phủ[3], UBND ...".
_FOOTNOTE_MARK = re.compile(r"\[\d{1,3}\]$")
_TRAILING_PUNCT = ",;:)(”“\"'…?!"


def _is_capitalised(token: str) -> bool:
    return token[:1].isupper() or token[:1].isdigit()


def _stop_here(tokens: list[str], index: int) -> bool:
    """True when a stop phrase ("về", "ban hành", "khóa" ...) begins at ``tokens[index]``."""
    first = tokens[index]
    candidates = _STOPS_BY_FIRST_WORD.get(first.rstrip(_TRAILING_PUNCT).lower())
    if not candidates:
        return False
    name_so_far = " ".join(tokens[:index])
    names_a_head = (
        first[:1].isupper()
        and not first.isupper()
        and (
            (name_so_far in _BARE_HEADS and name_so_far not in _COMPLETE_BODIES)
            or name_so_far.endswith(tuple(" " + head for head in _FIELD_HEADS))
        )
    )
    if index > 0 and _continues_known_body(tokens, index):
        return False  # "Bộ Ngoại giao": a national body's name goes on over "giao" (to assign)
    if _inside_place_name(tokens, index):
        return False  # "UBND huyện Đại Từ", "quận Nam Từ Liêm" (news, heldout148): a place's syllable, no "từ" (from)
    for phrase in candidates:
        if names_a_head and phrase not in _CAPITALISED_STOPS:
            continue
        window = [t.rstrip(_TRAILING_PUNCT).lower() for t in tokens[index : index + len(phrase)]]
        if tuple(window) == phrase:
            return True
    return False


def _inside_place_name(tokens: list[str], index: int) -> bool:
    """Whether a capitalised stop word at ``tokens[index]`` goes on a place's name after its level: "huyện Đại" +
    "Từ", "quận Nam" + "Từ Liêm"; right after the level only with a capitalised word after it ("xã Về Nguồn")."""
    word = tokens[index].rstrip(_TRAILING_PUNCT)
    if not (word[:1].isupper() and word[1:].islower()) or index == 0:
        return False
    previous = tokens[index - 1].rstrip(_TRAILING_PUNCT)
    if (
        index >= 2
        and tokens[index - 2] in _LEVEL_WORDS
        and previous[:1].isupper()
        and previous == tokens[index - 1]
    ):
        return True
    following = tokens[index + 1] if index + 1 < len(tokens) else ""
    return previous in _LEVEL_WORDS and following[:1].isupper() and following[1:2].islower()


def _continues_known_body(tokens: list[str], index: int) -> bool:
    """Whether the words up to ``tokens[index]`` begin a national body's name (data/abbreviations.yaml)."""
    words = [*tokens[max(0, index - 3) : index], tokens[index].rstrip(_TRAILING_PUNCT)]
    # the body may follow an office ("Bộ trưởng Bộ Ngoại giao"): try the last two to four words
    for size in range(2, len(words) + 1):
        tail = " ".join(words[-size:])
        if any(body == tail or body.startswith(tail + " ") for body in _KNOWN_BODY_NAMES):
            return True
    return False


def starts_with_stop_phrase(text: str) -> bool:
    """Whether ``text`` opens with a stop phrase: "BAN HÀNH KẾ HOẠCH ..." is a title, not the body "Ban"."""
    tokens = text.split()
    return bool(tokens) and _stop_here(tokens, 0)


def _comma_inside_name(tokens: list[str], index: int, name_so_far: str) -> bool:
    """A ministry's or department's name may hold a comma: "Bộ Văn hóa, Thể thao và Du lịch"."""
    if not tokens[index].endswith(",") or index + 1 >= len(tokens):
        return False
    following = tokens[index + 1]
    # the body may follow an office: "Giám đốc Sở Văn hóa, Thể thao và Du lịch" (heldout34)
    starts_ministry = any(word in ("Bộ", "Sở") for word in name_so_far.split()[:3])
    return starts_ministry and following[:1].isupper() and following.lower() not in _HEAD_FIRST_WORDS


def _in_list_name(name_so_far: str, following: str) -> bool:
    """A committee's name lists its fields in lower case, commas between them.

    "Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số, cải cách hành chính
    và đề án 06": after a head of ``list_name_heads`` the name goes on over lower-case words and over
    commas followed by a lower-case word; a capitalised word after a comma begins something else
    ("... của Ban Chỉ đạo Trung ương, Ủy ban nhân dân tỉnh ban hành ...").
    """
    head = next((h for h in _LIST_NAME_HEADS if name_so_far.startswith(h)), None)
    if head is None or any(word[:1].isupper() for word in name_so_far[len(head) :].split()):
        return False  # "Ban Chỉ đạo Trung ương, bảo đảm ...": a capitalised name is no list of fields
    return following[:1].islower() or following[:1].isdigit()


_MINISTRY_LEVEL_HEADS = ("Bộ", "Sở")
_YEAR = re.compile(r"(?:19|20)\d{2}$")


# A body's head after a dash begins the parent body (heldout23: "Công văn 942/BDN ... của Ban Dân nguyện -
# Ủy ban Thường vụ Quốc hội" is the Ban's letter). Not "Bộ": joint circulars name their ministers with a dash
# ("Bộ trưởng Bộ Y tế - Bộ trưởng Bộ Quốc phòng").
_BODY_AFTER_DASH = re.compile(rf"(?:{'|'.join(map(re.escape, _WORDS['parent_heads_after_dash']))})(?!\w)")


def _begins_another_body(name_so_far: str, word: str) -> bool:
    """A year, or a second ministry or department head, is no part of a named body.

    "Bộ Tài chính Sở Tài chính": a ministry holds no department, so "Sở" begins another body; no
    body's name holds a year ("Bộ Tài chính 2025" is a table row run into one line).
    """
    if _YEAR.match(word):
        return True
    words = name_so_far.split()
    return (
        len(words) >= 2
        and words[0] in _MINISTRY_LEVEL_HEADS
        and words[1] != "trưởng"  # "Bộ trưởng Bộ Tài chính": a title before its ministry
        and words[-1] not in ("và", "hoặc")  # "Bộ Công an và Bộ Nông nghiệp ...": a joint issuer
        and word in _MINISTRY_LEVEL_HEADS
    )


def cut_issuer(
    text: str, start: int, stop_before: re.Pattern[str] | None = None, max_tokens: int = _MAX_ISSUER_TOKENS
) -> tuple[str, int] | None:
    """Read an issuer's name that begins at ``text[start]``; return (raw name, end offset) or None.

    The name runs while its words look like an organisation's name: capitalised words, numbers,
    abbreviations, and the lower-case words of ``continuation_words``. It ends at punctuation, a
    stop word ("về", "ban hành", "khóa" ...), or a lower-case word after a unit's proper name
    ("Ủy ban nhân dân Quận 1 cải thiện ..." ends after "1"). One lower-case syllable may follow a
    capitalised one, as in the words of a proper name ("Bộ Thông tin và Truyền thông", "Giám đốc").
    It also ends where ``stop_before`` matches (the
    citation extractor passes its type words: "... của UBND Thành phố và Kế hoạch số ..."). ``max_tokens`` is longer
    for a joint document's list of issuers.
    """
    matches = list(_TOKEN.finditer(text, start, min(len(text), start + 300)))
    tokens = [m.group() for m in matches]
    if not tokens:
        return None
    first = tokens[0].rstrip(_TRAILING_PUNCT)
    if not (_is_capitalised(first) or first in ISSUER_TOKENS or first.lower() in _HEAD_FIRST_WORDS):
        return None
    end = start
    after_unit_name = False
    previous_was_level = previous_capitalised = False
    field_end = -1  # the end of a lower-case field read after a head ("Chi cục thuế")
    for index, token in enumerate(tokens[:_MAX_LIST_NAME_TOKENS]):
        # "... của Ủy ban nhân dân tỉnh Cà Mau)./.": the closing "./." is no part of the name
        word = token if token in ISSUER_TOKENS else token.rstrip(_TRAILING_PUNCT + "./")
        if glued := _NEXT_SENTENCE_GLUED.match(word):
            # "của Thủ tướng Chính phủ.Thủ tướng Chính phủ yêu cầu …" (a web copy's missing space, news): the
            # name ends at the full stop
            word, token = glued["word"], glued["word"] + "."
        if _FOOTNOTE_MARK.search(word):
            word = _FOOTNOTE_MARK.sub("", word).rstrip(_TRAILING_PUNCT + "./")
        list_name = _in_list_name(text[start:end], word)
        if index >= max_tokens and not list_name:
            break
        if word in "-–" and index + 1 < len(tokens) and _is_capitalised(tokens[index + 1]):
            if _BODY_AFTER_DASH.match(" ".join(tokens[index + 1 : index + 5])):
                break  # "Ban Dân nguyện - Ủy ban Thường vụ Quốc hội": the body it belongs to, no part of its name
            if not spells_vietnamese(tokens[index + 1].rstrip(_TRAILING_PUNCT)):
                break  # "của Bộ trưởng Bộ Giao thông vận tải - National Civil Aviation …" (news, heldout92): a gloss
            continue  # "Bộ Lao động - Thương binh và Xã hội"
        if (
            word == "tại"
            and text[start:end].lower().endswith("cấp cao")  # "TAND Cấp cao tại TP HCM" (news, heldout116)
            and index + 1 < len(tokens)
            and _is_capitalised(tokens[index + 1])
        ):
            continue  # "Tòa án nhân dân cấp cao tại Hà Nội": the high court's seat is part of its name
        if not word or token[0] in "(“\"'" or (index > 0 and _stop_here(tokens, index)):
            break
        if "\n" in text[end : matches[index].start()] and not word[:1].islower():
            break  # a new line goes on with the name only when a scan wrapped it: "Ủy ban\nnhân dân"
        if (
            stop_before
            and index > 0
            and any(
                stop_before.match(text, matches[i].start())
                for i in (index, index + 1)
                if i < len(matches) and (i == index or word in ("và", "hoặc", ","))
            )
        ):
            break  # another citation begins: "... của Quốc hội Công điện 230/CĐ-TTg", "... và Kế hoạch số"
        if (
            index > 0
            and _capitalised_word(word)
            and word != "Việt"  # "Chính phủ Việt Nam"
            and " ".join(text[start:end].split()) in _WHOLE_NATIONAL_BODIES
        ):
            break  # "Nghị định số 64/2007/NĐ-CP của Chính phủ Ứng dụng công nghệ thông tin ...": the subject, no "về"
        if index > 0 and _begins_another_body(text[start:end], word):
            break  # "... của Bộ Tài chính Sở Tài chính 2025": a table row run into one line
        capitalised = _is_capitalised(word) or word in ISSUER_TOKENS
        # ... but a province's name is whole: "của Cục thuế Hà Tĩnh xác định ..." (news, heldout130) ends at "Tĩnh"
        compound_syllable = (
            previous_capitalised and word.isalpha() and not text[start:end].endswith(_PROVINCE_ENDINGS)
        )
        if (
            index > 0
            and not capitalised
            and field_end < 0
            and " ".join(text[start:end].split()).lower() in _LOWER_CASE_FIELD_HEADS
        ):
            field = _LOWER_CASE_FIELD_AFTER_HEAD.match(text, end)
            field_end = field.end() if field else -1
        if matches[index].start() < field_end:
            compound_syllable = True  # "Chi cục thuế Khu vực VIII", "Tổng cục thuế" (heldout29)
        if (
            word == "các"
            and token == word
            and not (previous_was_level or after_unit_name)
            and index + 1 < len(tokens)
            and _is_capitalised(tokens[index + 1])
        ):
            compound_syllable = True  # "Ban Quản lý các Khu công nghiệp tỉnh Bắc Ninh" (heldout71)
        if (
            index > 0
            and not capitalised
            and not list_name
            and (after_unit_name or not (compound_syllable or word in _CONTINUATION))
        ):
            break
        previous_capitalised = capitalised and not word[:1].isdigit()
        if previous_was_level and capitalised:
            after_unit_name = True
        if word[:1].isdigit():
            after_unit_name = True
        # a level's last word ("xã", "phố" of "thành phố"): "thị" of "Ban Đô thị" is no "thị xã"
        previous_was_level = _LEVEL_ENDING.search(text, start, matches[index].end()) is not None or word in (
            "TP",
            "TP.",
            "Tp.",
            "Q.",
        )
        end = matches[index].start() + len(word)
        name_so_far = text[start:end]
        next_token = tokens[index + 1] if index + 1 < len(tokens) else ""
        comma_in_list = token.endswith(",") and _in_list_name(name_so_far, next_token)
        if word != token and not (_comma_inside_name(tokens, index, name_so_far) or comma_in_list):
            break  # punctuation glued to the word ends the name
    end = _company_name_end(text, start, end)
    # "Chính phủ và các ...", "THỦ TƯỚNG CHÍNH PHỦ VÀ QUYẾT ĐỊNH ..."
    name = re.sub(rf"(?:\s+(?:{_CANNOT_END}|-))+$", "", text[start:end].rstrip(" ."))
    return (name, start + len(name)) if name else None


# A company's name in sentence case runs on in lower case ("của Công ty cổ phần siêu thị Sài Gòn về việc …",
# "của Tổng công ty Máy động lực và Máy nông nghiệp Việt Nam (VEAM)", "của Chi nhánh Công ty TNHH thương mại dịch vụ
# giao nhận hàng hóa F.D.I tại Hà Nội về …", legal_docs): read on only up to a "về" or an opening bracket a few words
# on, with no digit, punctuation or clause word ("thực hiện") before it; a branch's place after "tại" ends it.
_COMPANY_HEAD = re.compile(r"(?:Tổng\s+)?[Cc]ông\s+ty(?:\s+(?:cổ\s+phần|TNHH|trách\s+nhiệm\s+hữu\s+hạn))?$")
_COMPANY_NAME_RUNS_ON = re.compile(
    r"(?:[ \t]+(?!(?:về|tại|theo|của|do|đã|được|có|là|thực|đề|gửi)(?!\w))(?:[^\W\d_]+|[A-Z](?:\.[A-Z])+\.?)){1,10}"
    r"(?:[ \t]+tại(?:[ \t]+[A-ZĐ][^\W\d_]*){1,3})?(?=[ \t]+về[ \t]|[ \t]*\()"
)


def _company_name_end(text: str, start: int, end: int) -> int:
    """The end of a company's name cut short at a lower-case word, or ``end`` as it was."""
    name = " ".join(text[start:end].split())
    words = name.split()
    cut_in_lower_case = (
        len(words) > 2 and words[-1].islower() and re.search(r"[Cc]ông\s+ty", name) is not None
    )
    if not (_COMPANY_HEAD.search(name) or cut_in_lower_case):
        return end
    runs_on = _COMPANY_NAME_RUNS_ON.match(text, end)
    return runs_on.end() if runs_on else end


_SIGNER_TAIL = re.compile(
    r"\s+(?:[-–]\s+)?(?P<name>(?:"
    + "|".join(sorted({n.split()[0] for n in load_yaml("surnames")["surnames"]}, key=len, reverse=True))
    + r")(?:\s+[A-ZĐ]\w*){2,3})$"
)
_CITY_WORDS = frozenset({"phố", "tp", "tp.", "t.p"})
_PLACE_BEFORE_NAME = _LEVEL_WORDS - _CITY_WORDS
_CITIES_NAMED_AFTER_PEOPLE = frozenset(_WORDS["cities_named_after_people"])


def drop_signer_name(name: str) -> str:
    """A body's or office's name without the person after it: "Bộ trưởng Bộ Công an Lương Tam Quang".

    The person is 3–4 capitalised syllables from a family name at the end; after a level word they are
    a place ("phường Phạm Ngũ Lão", "huyện Trần Văn Thời"), and after "Thành phố"/"TP" only a city's
    name is ("UBND TP Hồ Chí Minh"; "Phó Chủ tịch UBND Thành phố Nguyễn Trọng Đông" signs).
    """
    tail = _SIGNER_TAIL.search(name)
    if tail is None:
        return name
    before = name[: tail.start()].split()
    if not before or before[-1].casefold() in _PLACE_BEFORE_NAME:
        return name
    if before[-1].casefold() in _CITY_WORDS and tail["name"] in _CITIES_NAMED_AFTER_PEOPLE:
        return name
    return name[: tail.start()]


def expand_abbreviations(name: str) -> str:
    """``UBND quận Hà Đông`` -> ``Ủy ban nhân dân quận Hà Đông``; ``quận 1`` -> ``Quận 1``."""
    words = [ISSUER_TOKENS.get(word, word) for word in name.split()]
    words = [SPELLING_VARIANTS.get(word, word) for word in " ".join(words).split()]
    for index in range(len(words) - 1):
        if words[index] in _LEVEL_WORDS and words[index + 1][:1].isdigit():
            words[index] = words[index].capitalize()  # a numbered unit is a proper name
    expanded = " ".join(words)
    return expanded[:1].upper() + expanded[1:]


def ends_with_bare_level(name: str) -> str | None:
    """The administrative level a name ends with and does not name ("Ủy ban nhân dân quận"), else None."""
    lowered = name.lower()
    for level in sorted(ADMIN_LEVELS, key=len, reverse=True):
        if lowered.endswith(" " + level):
            return level
    return None


def complete_bare_level(name: str, units: dict[str, Counter[str]]) -> str:
    """``Ủy ban nhân dân quận`` -> ``Ủy ban nhân dân quận Hà Đông`` when the text names one quận most often.

    Plans refer to their own district or city by the bare level ("UBND quận", "Ủy ban nhân dân
    Thành phố") after naming it once; the most frequent named unit of that level is the one meant.
    """
    # "Tỉnh ủy" → "Tỉnh ủy Nghệ An"; its organs too: "Ban Thường vụ Tỉnh ủy" → "Ban Thường vụ Tỉnh ủy Quảng Trị"
    committee = next((c for c in _PARTY_COMMITTEE_LEVELS if name == c or name.endswith(" " + c)), None)
    if committee:
        named = units.get(_PARTY_COMMITTEE_LEVELS[committee])
        return f"{name} {named.most_common(1)[0][0]}" if named else name
    level = ends_with_bare_level(name)
    if level is None or not units.get(level):
        return name
    unit_name = units[level].most_common(1)[0][0]
    completed = f"{name} {unit_name}"
    if unit_name[:1].isdigit():
        completed = completed[: -len(unit_name) - len(level) - 1] + level.capitalize() + " " + unit_name
    return completed


def _in_place_name(words: list[str]) -> bool:
    """True while the words so far end inside a unit's name ("... phường Vạn" -> the next word is a name)."""
    for index in range(len(words) - 1, -1, -1):
        if not words[index][:1].isupper():
            return words[index] in _LEVEL_WORDS
    return False


_VOWELS = frozenset("AĂÂEÊIOÔƠUƯY")


def has_vowel(word: str) -> bool:
    """Whether ``word`` can be a Vietnamese syllable: one without a vowel is an abbreviation ("HCM", "TP")."""
    letters = unicodedata.normalize("NFD", word.upper())
    return any(
        ch in _VOWELS for ch in unicodedata.normalize("NFC", "".join(c for c in letters if c.isalpha()))
    )


def title_case(caps: str) -> str:
    """Turn an ALL-CAPS header line into Vietnamese title case.

    The first word and proper names are capitalised; the words of ``title_case_lower`` stay
    lower case after the first ("TRƯỜNG MẦM NON TUỔI HỒNG" -> "Trường Mầm non Tuổi Hồng").
    """
    words: list[str] = []
    for index, word in enumerate(caps.split()):
        after_level = any(" ".join(words[-n:]).lower() in ADMIN_LEVELS for n in (1, 2) if len(words) >= n)
        in_unit_name = after_level or (bool(words) and words[-1][:1].isupper() and _in_place_name(words))
        if word in _TITLE_UPPER or any(ch.isdigit() for ch in word) or not has_vowel(word):
            words.append(word)
        elif index > 0 and word.lower() in _TITLE_LOWER and not in_unit_name:
            words.append(word.lower())
        else:
            words.append(word[:1].upper() + word[1:].lower())
    return expand_abbreviations(" ".join(_respell_fields(words)))


# A department's field after its head, spelt as the data spells it: "SỞ TƯ PHÁP" is "Sở Tư pháp", though "tư" and
# "pháp" stay lower case inside other names ("Kế hoạch và Đầu tư", "Bộ Tư pháp" aside).
_FIELD_HEADS_OF_DEPARTMENTS = frozenset({"Sở", "Phòng", "Bộ", "Cục", "Vụ", "Ban"})
_FIELDS_BY_LENGTH = sorted(
    ((tuple(field.casefold().split()), field.split()) for field in _ORG_KINDS["fields"]),
    key=lambda pair: len(pair[0]),
    reverse=True,
)


def _respell_fields(words: list[str]) -> list[str]:
    for index, word in enumerate(words[:-1]):
        if word not in _FIELD_HEADS_OF_DEPARTMENTS:
            continue
        following = tuple(w.casefold() for w in words[index + 1 :])
        for folded, spelt in _FIELDS_BY_LENGTH:
            if following[: len(folded)] == folded:
                words[index + 1 : index + 1 + len(folded)] = spelt
                break
    return words
