"""Rules vs underthesea's NER on the organisation case table: exact-name recall and CPU time.

Why: issue #4 asks to use underthesea/spaCy NER where it beats rules, and to measure each choice.
underthesea's CRF model has no ORG-friendly labels for Vietnamese administrative units, so this
counts how many hand-checked names (``tests/extractors/cases/organizations.tsv``) each method finds
exactly. Usage (repository root)::

    .venv/bin/python scripts/compare_org_ner.py
"""

from __future__ import annotations

import csv
import sys
import time
from collections import Counter
from pathlib import Path

from underthesea import ner

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from extractors.organizations import expand_abbreviations, extract_organizations  # noqa: E402

CASES = ROOT / "tests" / "extractors" / "cases" / "organizations.tsv"


def ner_spans(text: str) -> list[tuple[str, str]]:
    """(words, label) spans from underthesea's BIO tags."""
    spans: list[tuple[str, str]] = []
    words: list[str] = []
    label = ""
    for word, _pos, _chunk, tag in ner(text):
        if tag.startswith("I-") and words:
            words.append(word)
            continue
        if words:
            spans.append((" ".join(words), label))
        words, label = ([word], tag[2:]) if tag.startswith("B-") else ([], "")
    if words:
        spans.append((" ".join(words), label))
    return spans


def main() -> None:
    with CASES.open(encoding="utf-8") as handle:
        rows = [
            r
            for r in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
            if r and not r[0].startswith("#")
        ]
    rule_hits = ner_hits = ner_any = 0
    rules_cpu = ner_cpu = 0.0
    labels: Counter[str] = Counter()
    for text, name, *_ in rows:
        start = time.process_time()
        found = {org.name for org in extract_organizations(text)}
        rules_cpu += time.process_time() - start
        rule_hits += name in found
        start = time.process_time()
        spans = ner_spans(expand_abbreviations(text))
        ner_cpu += time.process_time() - start
        labels.update(label for _, label in spans)
        ner_hits += any(span == name and label == "ORG" for span, label in spans)
        ner_any += any(span == name for span, _ in spans)
    n = len(rows)
    print(f"cases {n}: rules exact {rule_hits}/{n} ({rules_cpu * 1000:.0f} ms CPU); "
          f"underthesea ORG exact {ner_hits}/{n}, any label {ner_any}/{n} ({ner_cpu * 1000:.0f} ms CPU); "
          f"labels seen {dict(labels)}")  # fmt: skip


if __name__ == "__main__":
    main()
