"""Synthetic improvement plans for load tests and the store benchmark.

A plan is real administrative prose (paragraphs the caller supplies, e.g. from the legal corpus)
wrapped in the frame every Kế hoạch shares: the issuer block, a ``Số: N/KH-UBND`` number, the date,
``Căn cứ`` citations of other plans of the same batch (a few "hub" plans are cited far more often,
so "the most cited documents" has something to rank), a PAPI dimension to act on, a one-off
deadline and a recurring report, and the signature block. Everything is drawn from a seeded
``random.Random``, so a batch is the same on every run (same SHA-256s).
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

DISTRICTS = ("Quận 1", "Quận 3", "Quận 5", "Quận 10", "Quận Bình Thạnh", "Quận Gò Vấp", "Quận Tân Bình")
SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô")
MIDDLE_AND_GIVEN = ("Văn Hùng", "Thị Lan", "Minh Tuấn", "Thị Hồng", "Quốc Bảo", "Ngọc Chi", "Thanh Hải")
PAPI_DIMENSIONS = (
    "Tham gia của người dân ở cấp cơ sở",
    "Công khai, minh bạch",
    "Trách nhiệm giải trình với người dân",
    "Kiểm soát tham nhũng trong khu vực công",
    "Thủ tục hành chính công",
    "Cung ứng dịch vụ công",
    "Quản trị môi trường",
    "Quản trị điện tử",
)
FREQUENCIES = ("hằng tháng", "định kỳ hằng quý", "định kỳ 6 tháng", "hằng năm")
HUB_COUNT = 40  # plans 196..235 are the hubs that the others cite
HUB_NUMBERS = tuple(range(196, 196 + HUB_COUNT))  # 196/KH-UBND is the SPEC's example of a cited plan


@dataclass(frozen=True, slots=True)
class SyntheticPlan:
    number: str  # as issued, e.g. "196/KH-UBND"
    issuer: str
    file_name: str
    text: str


def plan_number(sequence: int) -> str:
    return f"{sequence}/KH-UBND"


def hub_district(sequence: int) -> str:
    """The district whose People's Committee issues hub plan ``sequence`` (fixed, so citations agree)."""
    return DISTRICTS[sequence % len(DISTRICTS)]


def _issuer(sequence: int, rng: random.Random) -> tuple[str, str, str]:
    """(issuer, its parent, the district): hubs come from a district, other plans from its wards."""
    if sequence in HUB_NUMBERS:
        district = hub_district(sequence)
        return f"Ủy ban nhân dân {district}", "Ủy ban nhân dân Thành phố Hồ Chí Minh", district
    district = rng.choice(DISTRICTS)
    return f"Ủy ban nhân dân Phường {rng.randint(1, 15)}", f"Ủy ban nhân dân {district}", district


def _cited_numbers(sequence: int, rng: random.Random, count: int) -> list[int]:
    """Earlier hub plans, the lower hubs far more often (a Zipf-like skew), never the plan itself."""
    candidates = [n for n in HUB_NUMBERS if n != sequence]
    weights = [1.0 / (rank + 1) for rank in range(len(candidates))]
    picked: list[int] = []
    while len(picked) < count:
        number = rng.choices(candidates, weights)[0]
        if number not in picked:
            picked.append(number)
    return picked


def _citation(hub: int, year: int, rng: random.Random) -> str:
    district = hub_district(hub)
    return (
        f"Căn cứ Kế hoạch số {plan_number(hub)} ngày {rng.randint(1, 28)} tháng {rng.randint(1, 12)} năm "
        f"{year} của Ủy ban nhân dân {district} về cải thiện Chỉ số PAPI trên địa bàn {district};"
    )


def plan_text(sequence: int, paragraphs: Sequence[str], rng: random.Random) -> tuple[str, str]:
    """The text of plan ``sequence`` and its issuer, wrapping ``paragraphs`` in a plan's frame."""
    issuer, parent, district = _issuer(sequence, rng)
    year = rng.choice((2024, 2025))
    issued = (rng.randint(1, 28), rng.randint(1, 6))
    deadline = (rng.randint(1, 28), rng.randint(7, 12))
    dimension = rng.choice(PAPI_DIMENSIONS)
    signer = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE_AND_GIVEN)}"
    citations = [_citation(n, year - 1, rng) for n in _cited_numbers(sequence, rng, rng.randint(1, 3))]
    lines = [
        parent.upper(),
        issuer.upper(),
        f"Số: {plan_number(sequence)}",
        f"{district}, ngày {issued[0]} tháng {issued[1]} năm {year}",
        "KẾ HOẠCH",
        f"Cải thiện Chỉ số Hiệu quả quản trị và Hành chính công cấp tỉnh (PAPI) năm {year}",
        *citations,
        f"{issuer} xây dựng Kế hoạch cải thiện Chỉ số PAPI năm {year} như sau:",
        "I. MỤC ĐÍCH, YÊU CẦU",
        *paragraphs[: len(paragraphs) // 2],
        "II. NỘI DUNG THỰC HIỆN",
        f"1. Chỉ số nội dung “{dimension}”",
        *paragraphs[len(paragraphs) // 2 :],
        "III. TỔ CHỨC THỰC HIỆN",
        f"Văn phòng {issuer} thực hiện báo cáo kết quả trước ngày {deadline[0]} tháng {deadline[1]} năm "
        f"{year}, gửi đến {parent} (thông qua Phòng Nội vụ).",
        f"- Các bộ phận chuyên môn báo cáo {rng.choice(FREQUENCIES)} về {issuer} (qua Văn phòng).",
        "Nơi nhận:",
        f"- {parent};",
        f"- Phòng Nội vụ {district};",
        "- Lưu: VT.",
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        signer,
    ]
    return "\n".join(lines) + "\n", issuer


def generate_plans(
    count: int, paragraphs: Sequence[str], seed: int = 2024, paragraphs_per_plan: int = 20
) -> Iterator[SyntheticPlan]:
    """``count`` plans numbered 1..count, each with a contiguous run of ``paragraphs``."""
    if not paragraphs:
        raise ValueError("generate_plans needs at least one paragraph of body text")
    rng = random.Random(seed)
    run = min(paragraphs_per_plan, len(paragraphs))
    for sequence in range(1, count + 1):
        start = rng.randrange(0, len(paragraphs) - run + 1)
        text, issuer = plan_text(sequence, paragraphs[start : start + run], rng)
        yield SyntheticPlan(plan_number(sequence), issuer, f"ke-hoach-{sequence:05d}.txt", text)


def write_plans(plans: Iterator[SyntheticPlan] | Sequence[SyntheticPlan], folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for plan in plans:
        path = folder / plan.file_name
        path.write_text(plan.text, encoding="utf-8")
        paths.append(path)
    return paths
