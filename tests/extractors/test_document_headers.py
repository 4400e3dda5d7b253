"""Document metadata of real headers and end blocks: a case table of 111 documents from legal_docs.

Each row is a header block and its end block ("Nơi nhận", signature) as the corpus writes them,
or, for ``layout`` "merged", the two header columns read across line by line as OCR reads a scan
("ỦY BAN NHÂN DÂN TỈNH CAO BẰNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"). Expected values were written
by reading; an empty cell means the text does not state the field. Values compare as the
evaluation does (NFC, abbreviations expanded, case-folded). ``xfail`` names fields still missed.
"""

from __future__ import annotations

import pytest
from case_tables import load_cases

from extractors.document_meta import extract_document_meta
from kehoach.evaluation.extract import normalize

FIELDS = ("doc_type", "number", "issuer", "parent_issuer", "place", "issued_on", "signer")


def _expected_failures(case: dict[str, str]) -> dict[str, str]:
    reasons = (part.split(":", 1) for part in case["xfail"].split(";") if part.strip())
    return {field.strip(): reason.strip() for field, reason in reasons}


def _field_params() -> list:
    params = []
    for case in load_cases("document_headers.tsv"):
        row = case.values[0]
        failures = _expected_failures(row)
        for field in FIELDS:
            marks = [pytest.mark.xfail(strict=True, reason=failures[field])] if field in failures else []
            params.append(pytest.param(row, field, marks=marks, id=f"{case.id}-{field}"))
    return params


def test_document_headers_table_has_a_hundred_documents_and_merged_rows() -> None:
    rows = [case.values[0] for case in load_cases("document_headers.tsv")]
    documents = {row["source"].split("+")[0] for row in rows}
    assert len(documents) >= 100
    assert sum(row["layout"] == "merged" for row in rows) >= 15
    assert all(row["xfail"].split(":")[0] in ("", *FIELDS) for row in rows)


@pytest.mark.parametrize(("case", "field"), _field_params())
def test_document_header_field(case: dict[str, str], field: str) -> None:
    meta = extract_document_meta(case["text"].replace("\\n", "\n"))
    assert normalize(getattr(meta, field)) == normalize(case[field] or None)
