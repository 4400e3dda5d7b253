"""Fifth held-out set: score floors of the blind run on five unseen corpus documents.

The gold in ``tests/heldout5/gold`` was written by hand before any kehoach code ran on
``tests/heldout5/docs`` (provenance, conventions and limits: ``tests/heldout5/README.md``, where the
blind run's numbers go). Until the lead has made that blind run, ``BLIND_RUN_DONE`` is False and every
test that runs the extractors on these documents is skipped, so that no suite run shows anyone the
unseen scores early; only the cheap shape check of the gold files runs. After the blind run the lead
sets ``BLIND_RUN_DONE = True`` and fills the floors (every floor is 0.0 until then, and a floor of 0.0
is not checked). Never lower a floor to make a change pass.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

HELDOUT5 = Path(__file__).parent
GOLD = HELDOUT5 / "gold"
DOCS = HELDOUT5 / "docs"
DOCUMENTS = 5
MARGIN = 0.02
DOCUMENT_FIELDS = ("doc_type", "number", "issuer", "parent_issuer", "place", "issued_on", "signer")

# The lead's blind run is recorded (README.md); the floors below are measured after issue #4's fixes.
BLIND_RUN_DONE = True
needs_blind_run = pytest.mark.skipif(
    not BLIND_RUN_DONE, reason="held-out set still blind: the lead runs it first (README.md)"
)

# Floors: `kehoach eval extract tests/heldout5/gold --docs tests/heldout5/docs`.
FIELD_F1_FLOORS: dict[str, float] = {
    "citations": 1.000,  # blind 0.938; after issue #4
    "deadlines": 1.000,  # blind 0.909; after issue #4
    "people": 1.000,  # blind 0.800; after issue #4
    "obligations": 1.000,  # blind 0.545; after issue #4
}
ATTRIBUTE_ACCURACY_FLOORS: dict[str, float] = {
    "citation.issued_on": 1.000,  # blind 1.000; after issue #4
    "citation.issuer": 1.000,  # blind 0.857; after issue #4
    "person.honorific": 1.000,  # blind 1.000; after issue #4
    "person.title": 1.000,  # blind 1.000; after issue #4
    "person.role": 1.000,  # blind 1.000; after issue #4
    "obligation.deadline": 1.000,  # blind 0.833; after issue #4
    "obligation.frequency": 1.000,  # blind 0.917; after issue #4
    "obligation.recipient": 1.000,  # blind 0.917; after issue #4
    "obligation.via": 0.0,  # no gold via in this set
    "obligation.responsible": 0.875,  # blind 0.571; after issue #4; left: the 1339 table row's owner (Cơ quan trình)
    "document.doc_type": 1.000,  # blind 1.000; after issue #4
    "document.number": 1.000,  # blind 1.000; after issue #4
    "document.issuer": 1.000,  # blind 0.800; after issue #4
    "document.parent_issuer": 1.000,  # blind 1.000; after issue #4
    "document.place": 1.000,  # blind 1.000; after issue #4
    "document.issued_on": 1.000,  # blind 1.000; after issue #4
    "document.signer": 1.000,  # blind 1.000; after issue #4
}
# None of these documents plans for a governance index (the Nghệ An and HCM plans name "cải cách
# hành chính" only as a field of work): any indicator or dimension found is spurious. The lead sets
# a disputed count here if the blind run finds a mention an analyst could defend.
FIELDS_WITHOUT_GOLD_ITEMS = ("indicators", "dimensions")
DISPUTED_FALSE_POSITIVES = {"indicators": 0, "dimensions": 0}
# The keys the scorer reads; every gold file of tests/gold has them.
GOLD_KEYS = {"document", "citations", "deadlines", "indicators", "dimensions", "people", "obligations"}


@pytest.fixture(scope="module")
def scores() -> dict:
    # Imported here so that the skipped blind tests do not even load the extractors.
    from kehoach.evaluation.extract import evaluate_extraction

    return evaluate_extraction(GOLD, DOCS)


def test_gold_files_have_the_shape_of_tests_gold() -> None:
    # Cheap check that needs no extractor: a malformed gold file would silently score as zero.
    paths = sorted(GOLD.glob("*.json"))
    assert len(paths) == DOCUMENTS
    for path in paths:
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = (DOCS / f"{path.stem}.txt").read_text(encoding="utf-8").lower()
        assert set(gold) == GOLD_KEYS, path.name
        assert set(DOCUMENT_FIELDS) <= set(gold["document"]), path.name
        assert all(c.get("number") or (c.get("title") and c.get("year")) for c in gold["citations"]), (
            path.name
        )
        # Each obligation key is a phrase of its own sentence that occurs once in the document.
        assert all(text.count(o["key"].lower()) == 1 for o in gold["obligations"]), path.name


@needs_blind_run
def test_every_gold_file_has_its_document(scores: dict) -> None:
    stems = {path.stem for path in GOLD.glob("*.json")}
    assert scores["documents"] == len(stems) == DOCUMENTS
    assert set(scores["per_document"]) == stems


@needs_blind_run
def test_field_f1_stays_at_least_measured(scores: dict) -> None:
    below = {
        field: scores["fields"][field]
        for field, floor in FIELD_F1_FLOORS.items()
        if floor > 0 and (scores["fields"][field]["f1"] or 0.0) < floor - MARGIN
    }
    assert below == {}


@needs_blind_run
def test_attribute_accuracy_stays_at_least_measured(scores: dict) -> None:
    attributes = scores["attributes"]
    below = {
        name: attributes.get(name)
        for name, floor in ATTRIBUTE_ACCURACY_FLOORS.items()
        if floor > 0 and ((attributes.get(name) or {}).get("accuracy") or 0.0) < floor - MARGIN
    }
    assert below == {}


@needs_blind_run
@pytest.mark.parametrize("field", FIELDS_WITHOUT_GOLD_ITEMS)
def test_no_spurious_indicators(scores: dict, field: str) -> None:
    counts = scores["fields"][field]
    assert (counts["tp"], counts["fn"]) == (0, 0)
    assert counts["fp"] <= DISPUTED_FALSE_POSITIVES[field]
