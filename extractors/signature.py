"""The end of an official document: the signer's name and the "Nơi nhận" (recipients) list.

Scans and Word exports flatten the two-column end block, so "Nơi nhận" items, the signer's
capacity ("KT. HIỆU TRƯỞNG") and the name interleave or share lines. The signer is the last line
of the end block that reads as a Vietnamese personal name (a family name from
``data/signature.yaml`` and 2-5 capitalised syllables); recipients are the bulleted items after
"Nơi nhận", filing marks ("Lưu: VT") left out.
"""

from __future__ import annotations

import re
import unicodedata

from extractors.issuers import BODY_HEADS, expand_abbreviations
from extractors.known_bodies import known_body_spelling
from extractors.lexicon import load_yaml
from extractors.people import capacity_title

_SIGNATURE = load_yaml("signature")
_FAMILY_NAMES = frozenset(_SIGNATURE["family_names"])
_NOT_NAME_STARTS = frozenset(tuple(words.casefold().split()) for words in _SIGNATURE["not_name_starts"])
_GLYPH_FOR_T = frozenset("1l|")
_FILING_MARKS = tuple(mark.lower() for mark in _SIGNATURE["filing_marks"])
_MARKER_ALTERNATION = "|".join(
    re.escape(marker) for marker in sorted(_SIGNATURE["position_markers"], key=len, reverse=True)
)
# A capacity marker glued to a recipient on the same scanned line: "- Phòng Nội vụ Quận 1;   KT. HIỆU TRƯỞNG".
_POSITION_MARKER = re.compile(rf"(?:\s{{2,}}|\t|(?<=;)\s*)(?:{_MARKER_ALTERNATION})(?:\s|$)")
# "KT.CHỦ TỊCH", "TM.ỦY BAN NHÂN DÂN": a web copy may drop the space after the dot
_STARTS_WITH_MARKER = re.compile(rf"^\s*(?:{_MARKER_ALTERNATION})(?:\s|$|(?<=\.)(?=[A-ZĐÀ-Ỹ]))")
_INNER_MARKER = re.compile(rf"(?<=\s)(?:{_MARKER_ALTERNATION})(?=\s)")
_RECIPIENTS_LABEL = re.compile(r"(?:^|\n)[\s*#>]*Nơi\s+nhận\s*:?[\s*]*", re.IGNORECASE)
_BULLET = re.compile(r"^\s*[-+•–*]\s*")
_REMARK = re.compile(r"\s*\((?:để|b/c|t/h|thực hiện|báo cáo|phối hợp|biết|chỉ đạo)[^)]*\)", re.IGNORECASE)
_END_BLOCK_LINES = 30
# A header line in capitals may spell like a name ("VĂN PHÒNG CHÍNH PHỦ": "Văn" is a family name).
# Heads of one syllable ("Bộ", "Đoàn") are left out: "ĐOÀN VĂN HÙNG" is a name.
_BODY_HEAD_START = re.compile(
    rf"^(?:{'|'.join(re.escape(h.casefold()) for h in BODY_HEADS if ' ' in h)})(?:\s|$)"
)
_MAX_WRAPPED_NAME = 4  # syllables of a name wrapped over two lines ("Nguyễn Thị Minh" / "Khai")


def _is_name_syllable(word: str) -> bool:
    # a syllable has a vowel: "VI TTPVHCC" (a filing mark "Lưu: VT, TTPVHCC" misread on a scan) is no name
    return (
        word.isalpha()
        and word[0].isupper()
        and (len(word) == 1 or word[1:].islower())
        and _VOWEL.search(word) is not None
    )


_VOWEL = re.compile(
    r"[aeiouyàáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]", re.IGNORECASE
)


def _as_name(line: str) -> str | None:
    """``line`` as a personal name ("Đỗ Ngọc Chi", "ĐỖ NGỌC CHI"), or None when it is not one."""
    cleaned = re.sub(r"[*_#>]", "", line).strip().rstrip(".")
    words = cleaned.split()
    if not 2 <= len(words) <= 5:
        return None
    if all(word.isupper() for word in words):
        if _BODY_HEAD_START.match(cleaned.casefold()):
            return None
        words = [word.capitalize() for word in words]
        if known_body_spelling(" ".join(words)) != " ".join(words):
            return None  # an office over a national body: "TỔNG KIỂM TOÁN NHÀ NƯỚC", not "Tống Kiểm Toán"
    if words[0][:1] in _GLYPH_FOR_T and "T" + words[0][1:] in _FAMILY_NAMES:
        words[0] = "T" + words[0][1:]  # "1rương Hải Thanh": OCR's 1 for a capital T (a family name only)
    if tuple(word.casefold() for word in words[:2]) in _NOT_NAME_STARTS:
        return None  # "TIÊU CHÍ THI ĐUA": a table's column, not "Tiêu Chí Thi Đua"
    if " ".join(words).casefold() in _TITLE_FORMS:
        return None  # "CHỦ TỊCH", the capacity over the name: not "Chu Tịch" with a misread family name
    if " ".join(words[1:]).casefold() in _TITLE_FORMS:
        return None  # "ĐOÀN THƯ KÝ" (a form's heading, legal_qa heldout57): a body and a title, not "Đoàn Thư Ký"
    if _HIGHLAND_WOMAN.match(words[0]) and all(_is_name_syllable(word) for word in words[1:]):
        return " ".join(words)  # "H'Yim Kđoh": a Central Highlands woman's name
    family_name = _family_name(words[0], words[1:])
    if family_name is None or not all(_is_name_syllable(word) for word in words):
        return None
    return " ".join([family_name, *words[1:]])


_HIGHLAND_WOMAN = re.compile(r"H['’][A-ZĐ][a-zà-ỹđ]+$")


def _without_marks(word: str) -> str:
    """The letters of ``word`` without tone or vowel marks, Đ as D ("Đỗ" -> "Do", "Ngọc" -> "Ngoc")."""
    decomposed = unicodedata.normalize("NFD", word.replace("Đ", "D").replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _family_name_misreadings(family_names: frozenset[str]) -> dict[str, str]:
    """Misread family name -> the one family name it can be: same letters, other marks.

    Scans lose or swap the small marks of a name ("Đỗ Ngọc Chi" read as "Đỏ Ngọc Chi", "Do Ngọc
    Chi"); the family name is a closed list, so a word that is no family name but has the letters
    of exactly one is that one. Letters shared by two ("Đàng", "Đặng") decide nothing.
    """
    by_letters: dict[str, list[str]] = {}
    for name in family_names:
        by_letters.setdefault(_without_marks(name), []).append(name)
    return {letters: names[0] for letters, names in by_letters.items() if len(names) == 1}


_FAMILY_BY_LETTERS = _family_name_misreadings(_FAMILY_NAMES)


def _family_name(word: str, given_names: list[str]) -> str | None:
    """``word`` when it is a family name, else the family name it is misread from, else None.

    A misreading is only assumed in a marked name (the word or a given name carries a mark): a
    text without any marks (an English-model OCR, "Le Van An") is not half corrected.
    """
    if word in _FAMILY_NAMES:
        return word
    marked = any(_without_marks(part) != part for part in [word, *given_names])
    return _FAMILY_BY_LETTERS.get(_without_marks(word)) if marked else None


def _name_after_capacity(line: str) -> str | None:
    """The name ending a one-line signature block: "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Trần Chí Hùng".

    Web copies flatten the block (capacity in capitals, then the name) onto one line; the name is
    the run of capitalised syllables after the last all-capitals word.
    """
    if not _STARTS_WITH_MARKER.match(line):
        return None
    words = re.sub(r"[*_#>]", "", line).split()
    tail: list[str] = []
    for word in reversed(words):
        if not (_is_name_syllable(word) or (word[:1] in _GLYPH_FOR_T and _is_name_syllable("T" + word[1:]))):
            break
        tail.insert(0, word)
    for start in range(max(0, len(tail) - 5), len(tail) - 1):
        name = _as_name(" ".join(tail[start:]))
        if name:
            return name
    return _name_in_capitals_after_capacity(words) if not tail else None


def _name_in_capitals_after_capacity(words: list[str]) -> str | None:
    """The name in capitals ending a flattened block in capitals: "... PHÓ CHỦ TỊCH NGUYỄN VĂN HÙNG" -> Nguyễn Văn Hùng.

    The capacity must end with a title right before the name, of two to four syllables."""
    for size in (4, 3, 2):
        capacity = " ".join(words[:-size])
        if (
            len(words) > size
            and capacity.endswith(_TITLES_UPPER)
            and (name := _as_name(" ".join(words[-size:])))
        ):
            return name
    return None


_TITLES = sorted(load_yaml("titles")["titles"], key=len, reverse=True)
_TITLE_FORMS = frozenset(title.casefold() for title in _TITLES)
_TITLES_UPPER = tuple(f" {title.upper()}" for title in _TITLES)


def extract_signer_title(text: str, signer: str) -> str | None:
    """The signer's office when the flattened block states it on the name's own line.

    "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Trần Chí Hùng" -> "Phó Chủ tịch" (the capacity
    right before the name; "KT. CHỦ TỊCH" is the office signed for, not the signer's own).
    """
    if not signer:
        return None
    lines = text.splitlines()
    for index in reversed(range(len(lines))):
        line = _with_wrapped_name_tail(lines[index], lines[index + 1 : index + 3])  # "... Trần" / "Chí Hùng"
        # "... PHÓ CHỦ TỊCH NGUYỄN VĂN HÙNG": the name may be written in capitals too
        written = signer if signer in line or signer.upper() not in line else signer.upper()
        if (
            written in line
            and index > 0
            and not _STARTS_WITH_MARKER.match(line)
            and _STARTS_WITH_MARKER.match(lines[index - 1])
        ):
            line = f"{lines[index - 1].strip()} {line.strip()}"  # the capacity wrapped onto the name's line
        before, found, _ = line.partition(written)
        if not found or not _STARTS_WITH_MARKER.match(line.strip()):
            continue
        capacity = " ".join(before.split()).upper()
        return next((title for title in _TITLES if capacity.endswith(title.upper())), None) or capacity_title(
            capacity
        )
    return None


def extract_signer(text: str) -> str | None:
    """The signer's name: the last personal-name line of the document's end block, if any.

    A document that carries its plan as an attachment (a Quyết định "ban hành kèm theo" a Kế hoạch)
    is signed above the attachment, so when the end block has no name, a one-line signature block
    anywhere in the text is taken.
    """
    all_lines = text.rstrip().splitlines()
    end_block = all_lines[-_END_BLOCK_LINES:]
    for index in reversed(range(len(end_block))):
        line = end_block[index]
        if _BULLET.match(line):
            # "- Lưu: VT. Nguyễn Văn An": a text layer runs the name, printed beside the last item of
            # the Nơi nhận list, into that item
            name = _name_after_filing_mark(line)
            if name:
                return name
            continue
        # A scan may wrap the name ("PHÓ CHỦ TỊCH Trần" / "Chí Hùng"): try the line with its
        # wrapped tail first, so that "Đỗ Ngọc" / "Chi" is not read as the name "Đỗ Ngọc".
        candidates = [_with_wrapped_name_tail(line, end_block[index + 1 :]), line]
        if (
            index > 0
            and _STARTS_WITH_MARKER.match(end_block[index - 1])
            and not _STARTS_WITH_MARKER.match(line)
        ):
            # "TL. CỤC TRƯỞNG TRƯỞNG BAN BAN CHÍNH SÁCH, THUẾ QUỐC" / "TẾ Nguyễn Thị Thanh Hằng": the capacity
            # wrapped onto the name's line (heldout71's office scan)
            candidates.append(f"{end_block[index - 1].strip()} {line.strip()}")
        for candidate in dict.fromkeys(candidates):
            for part in re.split(r"\s{2,}|\t", candidate.strip()):
                name = (
                    _as_name(part)
                    or _name_after_capacity(part)
                    or _name_after_inner_marker(part)
                    or _name_before_next_item(part)
                )
                if name and not _STARTS_WITH_MARKER.match(part) and _listed_above(end_block, index, name):
                    # "... tỉnh Nghệ An: Yên Thành, Quan Thành, ..." / "Yên Thành": a list's cell; a name after "KT. ..."
                    # signs though the "Nơi nhận" list names him too ("PCN: Phạm Mạnh Cường", heldout46)
                    continue
                if name and part.isupper() and " ".join(part.split()).lower() in text:
                    continue  # "PHÍ THẨM ĐỊNH HỒ SƠ", then "... phí thẩm định hồ sơ khi ..." (heldout45): a heading
                if name and index > 0 and _PART_HEADING.match(end_block[index - 1]):
                    continue  # "Chương III" / "ĐIỀU KHOẢN THI HÀNH": a chapter's title, no signer
                if name:
                    return _with_head_above(end_block, index, name)
    head = all_lines[:-_END_BLOCK_LINES]
    for index in reversed(range(len(head))):
        # a scan may wrap the name here too: "... PHÓ CHỦ TỊCH Lâm" / "Văn Bi"
        line = _with_wrapped_name_tail(head[index], all_lines[index + 1 : index + 3])
        name = _name_after_capacity(line.strip())
        if name is None and _STARTS_WITH_MARKER.match(line):
            # "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH" / "Nguyễn Văn Đệ": the name on the next line
            following = next((x for x in all_lines[index + 1 : index + 3] if x.strip()), "")
            name = _as_name(following)
        if name:
            return name
    return None


# A chapter's, part's or section's number line: the line after it is the title ("Chương III" / "ĐIỀU KHOẢN THI HÀNH").
_PART_HEADING = re.compile(r"\s*(?:Chương|CHƯƠNG|Phần|PHẦN|Mục|MỤC)\s+[IVXLC\d]+\.?\s*$")


_INNER_RECIPIENTS_LABEL = re.compile(r"\sNơi\s+nhận\s*:")
_ITEM_OPENER = re.compile(
    rf"\s+(?:{'|'.join(re.escape(w) for w in sorted(_SIGNATURE['recipient_item_openers'], key=len, reverse=True))})\b"
)


def _name_before_next_item(line: str) -> str | None:
    """The signer's name glued in front of a "Nơi nhận" item, on a line that flattens the two-column end block
    ("TM. ỦY BAN THƯỜNG VỤ QUỐC HỘI Nơi nhận: CHỦ TỊCH Chính phủ; ...; Trần Thanh Mẫn Các Bộ, ..."); one only."""
    if not (_STARTS_WITH_MARKER.match(line) and _INNER_RECIPIENTS_LABEL.search(line)):
        return None
    found = []
    for item in re.split(r"[;:]", line):
        words = item.split()
        for size in range(2, 5):  # shortest first: "Trần Thanh Mẫn Các Bộ" is no four-syllable name
            name = _as_name(" ".join(words[:size])) if len(words) > size else None
            if name and _ITEM_OPENER.match(" " + " ".join(words[size:])):
                found.append(name)
                break
    return found[0] if len(found) == 1 else None


def _listed_above(lines: list[str], index: int, name: str) -> bool:
    """Whether ``name`` is an item of a comma-separated list on one of the three lines above ``index``.

    A flattened table repeats a list's items one per line (legal_qa, heldout28: the communes of a merger,
    then "Yên Thành" alone on the last line); a signer's name is in no list above the signature.
    """
    listed = re.compile(rf"(?:^|[,:;]\s*){re.escape(name)}\s*[,;]")
    return any(listed.search(line) for line in lines[max(0, index - 3) : index])


def _name_after_filing_mark(line: str) -> str | None:
    """The name run on after "- Lưu: VT, NC." (the filing marks are capitals or lower case)."""
    item = _BULLET.sub("", line).strip()
    if not item.lower().startswith(_FILING_MARKS):
        return None
    words = item.split()
    tail: list[str] = []
    for word in reversed(words):
        if not _is_name_syllable(word):
            break
        tail.insert(0, word)
    return _as_name(" ".join(tail)) if 2 <= len(tail) <= 5 else None


def _with_head_above(lines: list[str], index: int, name: str) -> str:
    """``name`` (read on ``lines[index]``) with the family name the line above ends in, where a scan
    wrapped it: "... PHÓ CHỦ TỊCH Lâm" / "Văn Bi" is Lâm Văn Bi, not "Văn Bi"."""
    above = next((i for i in range(index - 1, -1, -1) if lines[i].strip()), None)
    if above is None:
        return name
    joined = _with_wrapped_name_tail(lines[above], lines[above + 1 :])
    whole = _name_after_capacity(joined.strip()) or _as_name(joined)
    return whole if whole and whole != name and whole.endswith(" " + name) else name


def _name_after_inner_marker(line: str) -> str | None:
    """The name after a capacity marker inside a line, with one space before it: OCR ran the whole
    end block onto one line ("...; Lưu: VT, CN(2). y KT. BỘ TRƯỞNG, CHỦ NHIỆM PHÓ CHỦ NHIỆM Nguyễn Sỹ Hiệp")."""
    markers = list(_INNER_MARKER.finditer(line))
    return _name_after_capacity(line[markers[-1].start() :]) if markers else None


def _with_wrapped_name_tail(line: str, following: list[str]) -> str:
    """``line`` joined with the next non-blank line when that line holds only name syllables.

    Only a line ending in name syllables (the family name, or the first syllables of the name)
    gains the tail, and only while the whole stays a plausible name of at most four syllables: a
    complete "Đỗ Ngọc Chi" followed by a capitalised "Ghi Chú" line is not one five-syllable name.
    """
    words = line.split()
    name_run = 0  # the name syllables that end the line
    while name_run < len(words) and _is_name_syllable(words[-1 - name_run]):
        name_run += 1
    tail = next((candidate.strip() for candidate in following if candidate.strip()), "")
    # "PHÓ CHỦ TỊCH Đinh" / "Công Sứ:": a scan's stray mark after the name (the seal's or signature's edge)
    tail = tail.rstrip(":;,'’`")
    tail_words = tail.split()
    fits = name_run >= 1 and len(tail_words) >= 1 and name_run + len(tail_words) <= _MAX_WRAPPED_NAME
    if fits and all(_is_name_syllable(word) for word in tail_words):
        return f"{line.rstrip()} {tail}"
    return line


def _split_items(block: str) -> list[str]:
    """The items of a Nơi nhận list. A blank line and the capacity lines of the signature column
    ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH") may cut the list where OCR read the two columns of the end
    block as bands ("- UBND Quận 1;" / "TM. …" / "CHỦ TỊCH" / "- Phòng Nội vụ Quận 1;"): bullets after
    them still belong to it; any other line ends it."""
    items: list[str] = []
    for line in block.splitlines():
        stripped = line.strip()
        if not stripped or (items and _is_capacity_line(stripped)):
            continue
        if not _BULLET.match(line) and items:
            break
        for piece in re.split(r";\s*(?=[-+•])|\s+(?=-\s)", line):
            items.append(piece)
    return items


def _is_capacity_line(line: str) -> bool:
    """ "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH": a line of the signature column."""
    return bool(_STARTS_WITH_MARKER.match(line)) or line.casefold() in _TITLE_FORMS


def extract_recipients(text: str) -> list[str]:
    """The "Nơi nhận" list, each recipient cleaned of bullets, remarks ("(để t/h)") and filing marks."""
    labels = list(_RECIPIENTS_LABEL.finditer(text))
    if not labels:
        return []
    label = labels[-1]  # the last "Nơi nhận" is the document's own (earlier ones may be in quoted forms)
    recipients = []
    for item in _split_items(text[label.end() :]):
        if _STARTS_WITH_MARKER.match(item):
            continue  # the signature column, flattened onto the "Nơi nhận" line
        marker = _POSITION_MARKER.search(item)
        item = item[: marker.start()] if marker else item
        cleaned = _REMARK.sub("", _BULLET.sub("", item)).strip().rstrip(";.,").strip()
        if not cleaned or cleaned.lower().startswith(_FILING_MARKS):
            continue
        recipient = expand_abbreviations(cleaned)
        if recipient.casefold() not in {known.casefold() for known in recipients}:
            recipients.append(recipient)  # a list repeated by a copy ("Như trên", twice) names each once
    return recipients
