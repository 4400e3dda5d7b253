"""Extractors and the repair stage never crash, and every offset they give points into the text.

Plans reach the extractors as OCR output, Word exports and web text: arbitrary Unicode, lines of
100k characters (a PDF whose text layer has no line breaks), decomposed diacritics, garbage that
looks like numbers and dates. Hypothesis generates such texts; the properties are:

- no extractor raises, whatever the text;
- every ``start``/``end`` satisfies ``0 <= start <= end <= len(text)``, and where the annotation
  carries the matched surface (dates, periods, section titles) it is ``text[start:end]``;
- ``extract_all(text).to_dict()`` plus a ``source`` is valid against the SPEC's JSON Schema
  (``kehoach/resources/extraction.schema.json``), is the same on a second call and stays NFC;
- an obligation's deadline is a date its own text states;
- repair keeps line ``i`` as line ``i`` (same number of ``\\n``) and never raises.

Lines of 100k characters are fixed cases (their cost in CI must not vary); the schema's teeth are
checked by breaking a valid extraction in each way the SPEC forbids. The examples stay modest
(``max_examples=60``): the file runs in seconds, and a longer hunt is the same tests with a larger
``max_examples``.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Callable
from typing import Any

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from plan_text_strategies import (
    LONG_LINES,
    SEED_DIR,
    any_text,
    mixed_script_text,
    mutated_plan_text,
    ocr_like_text,
    task_section_text,
)

from extractors import extract_all
from extractors.citations import extract_citations
from extractors.dates import extract_dates
from extractors.document_meta import extract_document_meta
from extractors.indicators import dimension_spans, extract_dimensions, extract_indicators, indicator_spans
from extractors.obligations import extract_obligations
from extractors.organizations import extract_organizations, find_organizations
from extractors.people import extract_people
from extractors.periods import extract_periods
from extractors.sections import parse_sections
from extractors.signature import extract_recipients, extract_signer
from extractors.types import CitedDocument, DateMention, Period
from kehoach.schema import validate_extraction
from pipeline.runner import process_file

MODEST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# ---- checks ----------------------------------------------------------------------------------------


def _assert_offsets_inside(text: str, item: Any) -> None:
    assert 0 <= item.start <= item.end <= len(text), (item, len(text))


def _assert_surface(text: str, item: DateMention | Period) -> None:
    _assert_offsets_inside(text, item)
    assert text[item.start : item.end] == item.text, item


def _check_citation(text: str, citation: CitedDocument) -> None:
    """The span covers the citation itself: the serial of its number, or the start of its title."""
    _assert_offsets_inside(text, citation)
    surface = text[citation.start : citation.end]
    if citation.number:
        serial = regex.match(r"\d+", citation.number)
        assert serial is None or serial.group() in surface, (citation, surface)
    elif citation.title:
        assert " ".join(surface.split()).startswith(citation.title), (citation, surface)


def _check_citations(text: str) -> None:
    for citation in extract_citations(text):  # never raises, whatever the text
        _check_citation(text, citation)


def _check_sections(text: str) -> None:
    sections = parse_sections(text)
    for index, section in enumerate(sections):
        assert 0 <= section.start <= section.title_start <= section.end <= len(text), section
        assert text[section.title_start :].startswith(section.title), section
        assert section.parent is None or 0 <= section.parent < index


def _check_spans(text: str, spans: list[tuple[str, int, int]]) -> None:
    for _code, start, end in spans:
        assert 0 <= start < end <= len(text)


def _check_counts(text: str) -> None:
    """Indicator counts are the number of merged mentions, each at least one."""
    spans = indicator_spans(text)
    _check_spans(text, spans)
    for count in extract_indicators(text):
        assert count.mentions == sum(1 for code, _, _ in spans if code == count.code) >= 1


def _check_names(names: list[str]) -> None:
    """Names are stripped, non-empty and distinct."""
    assert all(name and name == name.strip() for name in names), names
    assert len({name.casefold() for name in names}) == len(names), names


def _assert_positive(count: int) -> None:
    assert count >= 1


#: Every extractor function, each with the check of its own output.
EXTRACTOR_CHECKS: dict[str, Callable[[str], None]] = {
    "extract_citations": _check_citations,
    "extract_dates": lambda t: [_assert_surface(t, d) for d in extract_dates(t)],
    "extract_periods": lambda t: [_assert_surface(t, p) for p in extract_periods(t)],
    "extract_people": lambda t: [_assert_offsets_inside(t, p) for p in extract_people(t) if p.end],
    "extract_obligations": lambda t: [_assert_offsets_inside(t, o) for o in extract_obligations(t)],
    "find_organizations": lambda t: [_assert_offsets_inside(t, o) for o in find_organizations(t)],
    "extract_organizations": lambda t: _check_names([o.name for o in extract_organizations(t)]),
    "extract_indicators": _check_counts,
    "extract_dimensions": lambda t: [_assert_positive(d.mentions) for d in extract_dimensions(t)],
    "dimension_spans": lambda t: _check_spans(t, dimension_spans(t, papi_context=True)),
    "extract_document_meta": lambda t: _check_names(extract_document_meta(t).recipients),
    "extract_signer": lambda t: _check_names([name for name in [extract_signer(t)] if name is not None]),
    "extract_recipients": lambda t: _check_names(extract_recipients(t)),
    "parse_sections": _check_sections,
}


def _extraction_json(text: str) -> dict[str, Any]:
    """What ``kehoach extract --format json`` prints for ``text`` read from a plain-text file."""
    data: dict[str, Any] = {
        "source": {
            "path": "plan.txt",
            "sha256": hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
            "kind": "text",
            "pages": 1,
            "ocr": None,
            "repaired": False,
        },
        "text": text,
    }
    data.update(extract_all(text).to_dict())
    return data


# ---- extractor properties -------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(EXTRACTOR_CHECKS))
@MODEST
@given(text=any_text)
def test_extractor_never_raises_and_offsets_point_into_text(name: str, text: str) -> None:
    EXTRACTOR_CHECKS[name](text)


@MODEST
@given(text=any_text)
def test_extract_all_output_is_valid_against_the_schema(text: str) -> None:
    validate_extraction(_extraction_json(text))


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


@MODEST
@given(text=any_text.map(lambda t: unicodedata.normalize("NFC", t)))
def test_extract_all_is_deterministic_and_keeps_nfc_text_nfc(text: str) -> None:
    """Same text, same extraction (no state leaks between calls); NFC in, NFC out (SPEC: text is NFC)."""
    first = extract_all(text).to_dict()
    assert extract_all(text).to_dict() == first
    for value in _strings(first):
        assert unicodedata.is_normalized("NFC", value), value


@pytest.mark.parametrize("kind", sorted(LONG_LINES))
def test_extract_all_survives_a_100k_character_line(kind: str) -> None:
    text = LONG_LINES[kind]()
    assert len(text) == 100_000 and "\n" not in text
    validate_extraction(_extraction_json(text))


@MODEST
@given(text=st.one_of(task_section_text(), mutated_plan_text()))
def test_an_obligation_deadline_is_a_date_its_own_text_states(text: str) -> None:
    """SPEC: a deadline is never given a day (or month) the text does not state."""
    mentions = extract_dates(text)
    for obligation in extract_obligations(text):
        _assert_offsets_inside(text, obligation)
        assert (obligation.deadline is None) == (obligation.deadline_precision is None), obligation
        if obligation.deadline is not None:
            stated = {
                (d.date, d.precision)
                for d in mentions
                if obligation.start <= d.start and d.end <= obligation.end
            }
            assert (obligation.deadline, obligation.deadline_precision) in stated, (obligation, stated)


@MODEST
@given(text=ocr_like_text, cited=st.lists(st.tuples(st.integers(-5, 500), st.integers(-5, 500)), max_size=4))
def test_dates_accept_any_cited_spans(text: str, cited: list[tuple[int, int]]) -> None:
    for mention in extract_dates(text, cited_spans=cited):
        _assert_surface(text, mention)


@pytest.mark.parametrize("seed", sorted(p.name for p in SEED_DIR.glob("*.*") if p.suffix in (".txt", ".md")))
def test_the_pipeline_json_of_each_seed_plan_is_valid_against_the_schema(seed: str) -> None:
    """What ``kehoach extract FILE --format json`` prints, ``source`` and all, keeps the contract."""
    validate_extraction(process_file(SEED_DIR / seed).to_json_dict())


PLAN = "Kế hoạch số 5/KH-UBND. Báo cáo trước ngày 10/11/2024, hoàn thành trong Quý IV/2025."
#: Breaches of the SPEC, each with the path the error must name: the schema is not vacuous.
BREACHES: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    "day_at_month_precision": (lambda d: d["dates"][0].update(precision="month"), "dates/0/date"),
    "quarter_not_ending_a_quarter": (lambda d: d["dates"][1].update(date="2025-11"), "dates/1/date"),
    "unknown_role": (lambda d: d["dates"][0].update(role="due"), "dates/0/role"),
    "date_text_not_at_offsets": (lambda d: d["dates"][0].update(start=0), "dates/0"),
    "offset_past_the_end": (lambda d: d["citations"][0].update(end=len(PLAN) + 1), "citations/0"),
    "unknown_indicator": (
        lambda d: d["indicators"].append({"code": "PAR", "mentions": 1}),
        "indicators/0/code",
    ),
    "papi_dimension_9": (
        lambda d: d["dimensions"].append({"indicator": "PAPI", "code": "PAPI-9", "name": "x", "mentions": 1}),
        "dimensions/0/code",
    ),
    "spaces_in_number": (lambda d: d["citations"][0].update(number="5 /KH-UBND"), "citations/0/number"),
    "unknown_frequency": (
        lambda d: d["obligations"].append({**_OBLIGATION, "frequency": "weekly"}),
        "obligations/0/frequency",
    ),
    "deadline_without_precision": (
        lambda d: d["obligations"].append({**_OBLIGATION, "deadline": "2024-11-10"}),
        "obligations/0",
    ),
    "unknown_source_kind": (lambda d: d["source"].update(kind="pdf"), "source/kind"),
    "missing_key": (lambda d: d.pop("periods"), "(root)"),
}
_OBLIGATION = {
    "action": "Báo cáo", "responsible": None, "deadline": None, "deadline_precision": None, "frequency": None,
    "recipient": None, "via": None, "indicator": None, "section": None, "text": "", "start": 0, "end": 0,
}  # fmt: skip


def test_the_breach_fixture_is_valid_before_it_is_broken() -> None:
    data = _extraction_json(PLAN)
    assert [(d["date"], d["precision"]) for d in data["dates"]] == [
        ("2024-11-10", "day"),
        ("2025-12", "quarter"),
    ]
    validate_extraction(data)


@pytest.mark.parametrize("breach", sorted(BREACHES))
def test_schema_rejects_what_the_spec_forbids(breach: str) -> None:
    data = _extraction_json(PLAN)
    data["indicators"], data["dimensions"], data["obligations"] = [], [], []
    break_it, path = BREACHES[breach]
    break_it(data)
    with pytest.raises(ValueError, match=regex.escape(path)):
        validate_extraction(data)


# ---- regressions found by the properties above ---------------------------------------------------


def test_citation_offsets_index_the_text_given_even_when_it_is_not_nfc() -> None:
    """A PDF text layer may decompose diacritics; offsets must still point into the text passed in."""
    text = unicodedata.normalize(
        "NFD", "Căn cứ Kế hoạch số 12/KH-UBND ngày 04 tháng 01 năm 2024 của UBND Quận 1"
    )
    (citation,) = extract_citations(text)
    surface = text[citation.start : citation.end]
    assert unicodedata.normalize("NFC", surface).startswith("Kế hoạch số 12/KH-UBND")


@pytest.mark.parametrize(
    "phrase", ["ngày 0/1/2024", "ngày 00 tháng 01 năm 2024", "0/12/2025"], ids=["slashes", "words", "bare"]
)
def test_day_zero_is_no_date(phrase: str) -> None:
    """ "0/1/2024" is an OCR slip, not 2024-01-00 (an ISO date that does not exist)."""
    assert [d.date for d in extract_dates(phrase) if d.precision == "day"] == []


def test_people_read_the_title_right_before_a_name_at_the_end_of_a_long_line() -> None:
    """Only the last few hundred characters before a name are read for its title (people.py), enough for
    a title and its unit however long the line."""
    filler = "Tiếp tục triển khai các nội dung cải thiện chỉ số, " * 40
    text = filler + "Phân công Phó Chủ tịch Ủy ban nhân dân phường Vạn Phúc Nguyễn Văn An phụ trách."
    (person,) = extract_people(text)
    assert (person.name, person.title, person.role) == (
        "Nguyễn Văn An",
        "Phó Chủ tịch Ủy ban nhân dân phường Vạn Phúc",
        "assignee",
    )


# ---- repair properties ----------------------------------------------------------------------------

#: Lines the repair stage sees: stripped diacritics, English-model OCR of Vietnamese, glued words.
repair_text_input = st.one_of(
    ocr_like_text.map(lambda t: unicodedata.normalize("NFD", t).encode("ascii", "ignore").decode()),
    ocr_like_text,
    mixed_script_text,
    st.text(max_size=200),
)


@pytest.fixture(scope="module")
def repairer() -> Any:
    repair = pytest.importorskip("kehoach.repair")
    return repair.Repairer.load()


@pytest.mark.slow
@MODEST
@given(text=repair_text_input, ocr_lang=st.sampled_from([None, "vie", "eng"]))
def test_repair_keeps_line_structure_and_never_raises(repairer: Any, text: str, ocr_lang: str | None) -> None:
    repaired = repairer.repair_text(text, ocr_lang=ocr_lang)
    assert isinstance(repaired, str)
    assert repaired.count("\n") == text.count("\n")


@pytest.mark.slow
@MODEST
@given(text=repair_text_input)
def test_garbling_score_is_a_share(repairer: Any, text: str) -> None:
    assert 0.0 <= repairer.garbling_score(text) <= 1.0


@pytest.mark.slow
@pytest.mark.parametrize("kind", sorted(LONG_LINES))
def test_repair_keeps_a_100k_character_line_one_line(repairer: Any, kind: str) -> None:
    text = LONG_LINES[kind]()
    repaired = repairer.repair_text(text)
    assert "\n" not in repaired
    assert (
        len(repaired) >= len(text) * 0.9
    )  # repair replaces letters and splits glued words, never drops text


@pytest.mark.slow
@pytest.mark.parametrize("seed", sorted(p.name for p in SEED_DIR.glob("*.*") if p.suffix in (".txt", ".md")))
def test_repair_leaves_clean_seed_plans_unchanged(repairer: Any, seed: str) -> None:
    """Correct text is left alone (the repair module's promise); only the English-model OCR seed is garbled."""
    text = (SEED_DIR / seed).read_text(encoding="utf-8")
    if ".ocr-" in seed:
        assert repairer.repair_text(text).count("\n") == text.count("\n")
    else:
        assert repairer.repair_text(text) == text
