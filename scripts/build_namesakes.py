"""Build ``extractors/data/namesakes.tsv``: people whose names schools and streets bear, as the corpus spells them.

Schools and streets are named after historical figures ("Trường Tiểu học Nguyễn Bỉnh Khiêm", "đường
Trần Hưng Đạo"), and a plan or its scan may misspell the name in its own issuer ("Nguyễn Bình Khiêm").
Every name of two to four capitalised syllables after a school's level or "đường"/"phố" in the
corpus (``../shared/corpus`` or ``KEHOACH_CORPUS``: legal documents, legal Q&A, Wikipedia, news)
is counted; names seen at least ``--min-count`` times are kept with their count. Only these
statistics are committed, not the text (the corpus README allows derived statistics).

Usage: ``make namesakes`` (dev machines only).
"""

from __future__ import annotations

import argparse
import lzma
from collections import Counter
from pathlib import Path

import regex

from extractors.namesakes import without_tones
from kehoach.repair.corpus import CORPUS

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "extractors" / "data" / "namesakes.tsv"
FILES = ("legal_docs.txt.xz", "legal_qa.txt.xz", "viwiki.txt.xz", "baomoi_news.txt.xz")
SYLLABLE = r"\p{Lu}\p{Ll}+"
LEAD = (
    r"(?:[Tt]rường\s+(?:[Mm]ầm\s+non|[Tt]iểu\s+học|THCS|THPT|[Tt]rung\s+học\s+cơ\s+sở|[Tt]rung\s+học\s+phổ\s+thông"
    r"|[Pp]hổ\s+thông\s+[Dd]ân\s+tộc\s+nội\s+trú)|\b[Đđ]ường|\b[Pp]hố)"
)
PLACE = regex.compile(
    rf"(?:xã|phường|tỉnh|thành\s+phố|đặc\s+khu|huyện|quận)\s+(?P<name>{SYLLABLE}(?:\s+{SYLLABLE}){{1,3}})"
)
NAME = regex.compile(rf"{LEAD}\s+(?P<name>{SYLLABLE}(?:\s+{SYLLABLE}){{1,3}})(?![\w])")
SURNAMES = frozenset(
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Lương Mai Cao Tô Trịnh Đào Lạc"
    " Chu Hà Thái Trương Tạ Quang Lâm Doãn Kim Triệu Khúc Mạc Đoàn Phùng Tôn Hàn Âu Bạch Đồng Giang Lưu".split()
)


def count_names(corpus: Path) -> Counter[str]:
    counts: Counter[str] = Counter()
    for name in FILES:
        path = corpus / name
        if not path.is_file():
            continue
        with lzma.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                for match in NAME.finditer(line):
                    words = match["name"].split()
                    if words[0] in SURNAMES:
                        counts[" ".join(words)] += 1
    return counts


def place_names(corpus: Path) -> set[str]:
    """Names of communes, wards and provinces (the 2025 merger resolutions): a school may bear one
    ("Trường THCS Kim Đông"), so a namesake one tone away ("Kim Đồng") must not respell it."""
    path = corpus / "dvhcvn_20250701_nq_ubtvqh15.txt.xz"
    names: set[str] = set()
    if path.is_file():
        with lzma.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                names.update(m["name"] for m in PLACE.finditer(line))
    return names


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--min-count", type=int, default=3)
    args = parser.parse_args()
    counts = count_names(args.corpus)
    kept = sorted((n, c) for n, c in counts.items() if c >= args.min_count)
    forms = {without_tones(name) for name, _ in kept}
    places = sorted(p for p in place_names(args.corpus) if without_tones(p) in forms and p not in dict(kept))
    lines = [
        "# name\tcount: namesakes of schools and streets in ../shared/corpus (scripts/build_namesakes.py);",
        "# count 0: a place's name one tone away from a namesake, kept as it is written",
        *(f"{name}\t{count}" for name, count in kept),
        *(f"{name}\t0" for name in places),
    ]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(kept)} names (of {len(counts)} seen) -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
