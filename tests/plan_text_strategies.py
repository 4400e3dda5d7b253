"""Hypothesis strategies for the texts plans arrive as: OCR debris of the genre, mixed scripts,
decomposed diacritics, damaged real plan lines, task sections, and fixed 100k-character lines.

Shared by the property tests (``test_properties.py``); the seed plans under ``data/raw`` give the
real lines, so nothing here reads outside the repository.
"""

from __future__ import annotations

import random
import unicodedata
from pathlib import Path

from hypothesis import strategies as st

#: Pieces of the genre: syllables, numbering, document symbols, date and period words, organisation
#: heads, labels of the header and the signature block, OCR debris.
PLAN_TOKENS = [
    "Kế hoạch", "KẾ HOẠCH", "Công văn", "Quyết định", "Nghị định", "Luật", "Thông tư", "Chỉ thị",
    "số", "Số:", "ngày", "tháng", "năm", "Quý", "IV", "II", "quý I", "giai đoạn", "từ năm", "đến năm",
    "trước ngày", "chậm nhất", "hạn", "hoàn thành trong", "định kỳ", "hằng tháng", "hàng quý", "6 tháng",
    "KH-UBND", "/KH-UBND", "QĐ-UBND", "NĐ-CP", "-KL/TW", "QH15", "UBND", "HĐND", "MTTQ",
    "Ủy ban nhân dân", "ỦY BAN NHÂN DÂN", "Quận 1", "phường", "Phòng Nội vụ", "Trường", "Mầm non",
    "Đảng ủy", "Sở", "Ban", "Văn phòng", "Trung tâm",
    "PAPI", "PAR Index", "PAR INDEX", "SIPAS", "PCI", "DTI", "DDCI", "Chỉ số", "công khai, minh bạch",
    "thủ tục hành chính công", "quản trị điện tử", "trách nhiệm giải trình",
    "Bà", "Ông", "Đ/c", "Hiệu trưởng", "Phó Chủ tịch", "Trần Thị Trang", "Nguyễn Văn", "Lê", "Phạm",
    "Nơi nhận:", "TM.", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lưu: VT", "(để t/h)", "báo cáo", "về",
    "Thực hiện", "chịu trách nhiệm", "phối hợp", "gửi", "qua", "Các", "đơn vị", "cán bộ", "người dân",
    "I.", "1.", "1.2.", "a)", "đ)", "-", "+", "•", "**", "###", "[bookmark: x]",
    "/", "-", ".", ",", ";", ":", "(", ")", "…", "\u00a0", "\t", "\n", "\n\n", "  ",
    "Tiép tuc", "c6ng khai", "nguoi dan", "l1", "0", "O", "ſ", "ﬁ", "₫", "½",
]  # fmt: skip

_numbers = st.integers(min_value=0, max_value=99999).map(str)
#: Dates written the ways plans write them, valid or not (day 0..40, month 0..14).
_date_text = st.tuples(st.integers(0, 40), st.integers(0, 14), st.integers(1890, 2210)).flatmap(
    lambda dmy: st.sampled_from(
        [f"{dmy[0]}/{dmy[1]}/{dmy[2]}", f"ngày {dmy[0]} tháng {dmy[1]} năm {dmy[2]}", f"{dmy[1]}/{dmy[2]}"]
    )
)
_symbols = st.tuples(_numbers, st.sampled_from(["KH-UBND", "2023/NĐ-CP", "KL/TW", "UBND-NV", "QĐ"])).map(
    lambda parts: f"{parts[0]}/{parts[1]}"
)
_plan_piece = st.one_of(st.sampled_from(PLAN_TOKENS), _numbers, _date_text, _symbols)
_separator = st.sampled_from([" ", " ", " ", "", "\n", ", ", " - ", "/"])

#: Random mixes of plan vocabulary, numbers, symbols and punctuation: OCR-like garbage of the genre.
ocr_like_text = st.lists(st.tuples(_plan_piece, _separator), max_size=80).map(
    lambda pairs: "".join(piece + sep for piece, sep in pairs)
)

#: Other scripts and odd code points plans carry after bad exports: Cyrillic, CJK, Arabic, emoji,
#: combining marks, zero-width characters, Unicode line and paragraph separators, controls.
ODD_PIECES = [
    "Привет", "計画", "خطة", "😀", "\u0301", "\u0323", "\u200b", "\ufeff", "\u2028", "\u2029",
    "\x0c", "\x0b", "\x1c", "\x85", "\r\n", "\r", "ǅ", "İ", "ß", "ﬀ", "Ⅳ", "２０２４", "٣",
]  # fmt: skip

mixed_script_text = st.lists(
    st.one_of(_plan_piece, st.sampled_from(ODD_PIECES), st.text(max_size=5)), max_size=60
).map(" ".join)

#: The same texts with their diacritics decomposed (NFD), as some PDF text layers give them.
decomposed_text = ocr_like_text.map(lambda text: unicodedata.normalize("NFD", text))


SEED_DIR = Path(__file__).resolve().parents[1] / "data" / "raw"


def _seed_lines() -> list[str]:
    """Lines of the committed seed plans (``data/raw``): real headers, headings, tasks and signatures."""
    lines: list[str] = []
    for path in sorted(SEED_DIR.glob("*.txt")) + sorted(SEED_DIR.glob("*.md")):
        lines.extend(line for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return lines


SEED_LINES = _seed_lines()


@st.composite
def mutated_plan_text(draw: st.DrawFn) -> str:
    """Real plan lines, shuffled and damaged as OCR damages them: cut, spliced, stripped of marks.

    Plan-shaped input reaches the deep paths (task sections, signature blocks, citation tails) that
    random tokens rarely open.
    """
    lines = draw(st.lists(st.sampled_from(SEED_LINES), min_size=1, max_size=40))
    text = "\n".join(lines)
    for _ in range(draw(st.integers(0, 6))):
        at = draw(st.integers(0, len(text)))
        damage = draw(st.sampled_from(["cut", "insert", "strip_marks", "join_lines"]))
        if damage == "cut":
            text = text[:at] + text[at + draw(st.integers(1, 30)) :]
        elif damage == "insert":
            text = text[:at] + draw(st.one_of(_plan_piece, st.sampled_from(ODD_PIECES))) + text[at:]
        elif damage == "strip_marks":
            stripped = unicodedata.normalize("NFD", text[at : at + 200]).encode("ascii", "ignore").decode()
            text = text[:at] + stripped + text[at + 200 :]
        else:
            text = text[:at] + text[at:].replace("\n", " ", 3)
    return text


#: Task sections as plans write them: a Roman heading, then numbered or dashed items that give an
#: owner, an action, a deadline (or a frequency) and a recipient, with random damage in between.
_TASK_HEADINGS = ["II. NHIỆM VỤ, GIẢI PHÁP", "III. TỔ CHỨC THỰC HIỆN", "IV. CHẾ ĐỘ BÁO CÁO", "II. Nội dung"]
_OWNERS = ["Văn phòng Ủy ban nhân dân phường", "Phòng Nội vụ", "Các đơn vị", "Thủ trưởng đơn vị", "Tổ trưởng"]
_ACTIONS = ["thực hiện báo cáo kết quả", "rà soát, cập nhật thủ tục", "tổ chức tuyên truyền", "gửi báo cáo"]
_DEADLINE_CUES = ["trước ngày", "chậm nhất ngày", "hạn", "hoàn thành trong", "trong", "định kỳ hàng quý,", ""]
_RECIPIENTS = ["về Ủy ban nhân dân Quận 1 (qua Phòng Nội vụ)", "gửi UBND phường", "", "cho Hiệu trưởng"]


@st.composite
def task_section_text(draw: st.DrawFn) -> str:
    lines = [draw(st.sampled_from(_TASK_HEADINGS))]
    for number in range(1, draw(st.integers(1, 8)) + 1):
        marker = draw(st.sampled_from([f"{number}.", "-", "+", f"{'abcd'[number % 4]})"]))
        parts = [_OWNERS, _ACTIONS, _DEADLINE_CUES]
        words = [draw(st.sampled_from(choices)) for choices in parts]
        when = draw(st.one_of(_date_text, st.sampled_from(["tháng 12/2025", "Quý IV/2025", "năm 2025"])))
        tail = draw(st.sampled_from(_RECIPIENTS))
        noise = draw(st.one_of(st.just(""), _plan_piece))
        lines.append(f"{marker} {words[0]} {words[1]} {noise} {words[2]} {when} {tail}.")
    return "\n".join(lines)


any_text = st.one_of(
    st.text(max_size=400),
    ocr_like_text,
    mixed_script_text,
    decomposed_text,
    mutated_plan_text(),
    task_section_text(),
)


def _long_line(pieces: list[str], seed: int) -> str:
    """About 100k characters without a line break: ``pieces`` drawn at random (seeded) and joined."""
    rng = random.Random(seed)
    parts: list[str] = []
    length = 0
    while length < 100_000:
        piece = rng.choice(pieces).replace("\n", " ")
        parts.append(piece)
        length += len(piece) + 1
    return " ".join(parts)[:100_000]


#: A text layer that lost its line breaks (the seed plans run together), OCR-like garbage of the
#: genre, and other scripts mixed in: each one line of 100k characters. Fixed, not generated, so that
#: their cost in CI is the same on every run.
LONG_LINES = {
    "plans_without_line_breaks": lambda: _long_line(SEED_LINES, seed=1),
    "ocr_like_garbage": lambda: _long_line(PLAN_TOKENS + ["12/KH-UBND", "ngày 4/8/2021"], seed=2),
    "mixed_scripts": lambda: _long_line(PLAN_TOKENS + ODD_PIECES, seed=3),
}
