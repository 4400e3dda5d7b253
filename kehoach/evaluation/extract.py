"""Score extractions against hand-checked gold files (``tests/gold/*.json``).

Per field, precision / recall / F1 of the things found, and per attribute, the accuracy of the
values on the things both sides have:

- citations: matched by number, or (laws cited by name) by title and year; attributes
  ``issued_on`` and ``issuer``;
- deadlines: the dates whose role is ``deadline``, as a set of ISO strings;
- indicators, dimensions: sets of codes;
- people: by name; attributes ``honorific``, ``title``, ``role`` where the gold states them;
- obligations: a gold item's ``key`` must be a substring of a predicted obligation's ``action``
  or ``text`` (a plan's item; an article's sentence, since a news body is one paragraph). Gold lists only the items a careful analyst expects to carry a deadline,
  frequency or recipient, so precision is counted over predicted obligations that carry one;
  attributes ``deadline``, ``frequency``, ``recipient``, ``via``, ``responsible``;
- document: ``doc_type``, ``number``, ``issuer``, ``issued_on``, ``signer`` (accuracy only).

Names are compared after NFC, abbreviation expansion ("UBND" = "Ủy ban nhân dân"), case folding and
whitespace collapsing: the gold writes "Văn phòng UBND phường", the extractor expands it.
``score_document`` takes the SPEC JSON of one document (any producer: the pipeline, a baseline),
so the CLI can score the full pipeline as well as the extractors alone.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from extractors.organizations import expand_abbreviations

SET_FIELDS = ("citations", "deadlines", "indicators", "dimensions", "people", "obligations")
DOCUMENT_ATTRIBUTES = ("doc_type", "number", "issuer", "parent_issuer", "place", "issued_on", "signer")
CITATION_ATTRIBUTES = ("issued_on", "issuer")
PEOPLE_ATTRIBUTES = ("honorific", "title", "role")
OBLIGATION_ATTRIBUTES = ("deadline", "frequency", "recipient", "via", "responsible")
TEXT_SUFFIXES = (".txt", ".md", ".ocr-eng.txt")


def normalize(value: Any) -> Any:
    """Comparable form of a value: strings NFC, abbreviations expanded, case-folded, spaces collapsed.

    An ampersand left between two words after expansion is "và": "Bộ Giáo dục & Đào tạo" is the ministry's name.
    """
    if not isinstance(value, str):
        return value
    text = _SPACED_AMPERSAND.sub(" và ", expand_abbreviations(unicodedata.normalize("NFC", value)))
    return " ".join(text.casefold().split())


_SPACED_AMPERSAND = re.compile(r"\s+&\s+")


def score_document(predicted: dict[str, Any], gold: dict[str, Any]) -> dict[str, Any]:
    """Counts for one document: ``{"fields": {field: {tp, fp, fn}}, "attributes": {name: {correct, total}}}``.

    ``misses`` lists, one line each, what made the counts fall short: a gold item not found
    (``missed``), a predicted item the gold does not have (``extra``) and a wrong attribute value.
    """
    fields: dict[str, dict[str, int]] = {}
    attributes: dict[str, dict[str, int]] = {}
    misses: list[str] = []
    citations = predicted.get("citations", [])
    pairs = _match_citations(citations, gold.get("citations", []), fields)
    _list_unmatched("citations", pairs, citations, gold.get("citations", []), _citation_label, misses)
    _score_attributes("citation", pairs, CITATION_ATTRIBUTES, attributes, misses, _citation_label)
    predicted_deadlines = {d["date"] for d in predicted.get("dates", []) if d.get("role") == "deadline"}
    for name, found, expected in (
        ("deadlines", predicted_deadlines, set(gold.get("deadlines", []))),
        ("indicators", {i["code"] for i in predicted.get("indicators", [])}, set(gold.get("indicators", []))),
        ("dimensions", {d["code"] for d in predicted.get("dimensions", [])}, set(gold.get("dimensions", []))),
    ):
        fields[name] = _set_counts(found, expected)
        misses += [f"{name}: missed {value}" for value in sorted(expected - found)]
        misses += [f"{name}: extra {value}" for value in sorted(found - expected)]
    people = predicted.get("people", [])
    pairs = _match_people(people, gold.get("people", []), fields)
    _list_unmatched("people", pairs, people, gold.get("people", []), lambda p: p.get("name"), misses)
    _score_attributes("person", pairs, PEOPLE_ATTRIBUTES, attributes, misses, lambda p: p.get("name"))
    obligations = predicted.get("obligations", [])
    pairs = _match_obligations(obligations, gold.get("obligations", []), fields)
    _list_unmatched(
        "obligations",
        pairs,
        [o for o in obligations if _carries_attribute(o)],
        gold.get("obligations", []),
        _obligation_label,
        misses,
    )
    _score_attributes("obligation", pairs, OBLIGATION_ATTRIBUTES, attributes, misses, _obligation_label)
    _score_attributes(
        "document",
        [(predicted.get("document") or {}, gold.get("document") or {})],
        DOCUMENT_ATTRIBUTES,
        attributes,
        misses,
        lambda _: "",
    )
    return {"fields": fields, "attributes": attributes, "misses": misses}


def aggregate(scores: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Sum the counts of several documents (micro-average) and add precision, recall, F1, accuracy."""
    fields: dict[str, dict[str, float]] = {}
    attributes: dict[str, dict[str, float]] = {}
    documents = 0
    for score in scores:
        documents += 1
        for name, counts in score["fields"].items():
            total = fields.setdefault(name, {"tp": 0, "fp": 0, "fn": 0})
            for key in ("tp", "fp", "fn"):
                total[key] += counts[key]
        for name, counts in score["attributes"].items():
            total = attributes.setdefault(name, {"correct": 0, "total": 0})
            total["correct"] += counts["correct"]
            total["total"] += counts["total"]
    for counts in fields.values():
        counts.update(_prf(int(counts["tp"]), int(counts["fp"]), int(counts["fn"])))
    for counts in attributes.values():
        counts["accuracy"] = counts["correct"] / counts["total"] if counts["total"] else None
    return {"documents": documents, "fields": fields, "attributes": attributes}


def format_misses(scores: Iterable[dict[str, Any]]) -> str:
    """The ``misses`` of each scored document (its ``document`` key names it), under its name."""
    lines: list[str] = []
    for score in scores:
        if score.get("misses"):
            lines += ["", f"== {score.get('document', '?')}"] + [f"  {m}" for m in score["misses"]]
    return "\n".join(lines)


def format_report(aggregated: dict[str, Any]) -> str:
    """A plain-text table of an :func:`aggregate` result."""
    lines = [f"Extraction against gold ({aggregated['documents']} documents)", ""]
    lines.append(f"{'field':<14}{'tp':>5}{'fp':>5}{'fn':>5}{'P':>8}{'R':>8}{'F1':>8}")
    for name, c in aggregated["fields"].items():
        lines.append(
            f"{name:<14}{c['tp']:>5}{c['fp']:>5}{c['fn']:>5}"
            f"{_fmt(c['precision']):>8}{_fmt(c['recall']):>8}{_fmt(c['f1']):>8}"
        )
    lines += ["", f"{'attribute':<24}{'correct':>9}{'total':>7}{'accuracy':>10}"]
    for name, c in aggregated["attributes"].items():
        lines.append(f"{name:<24}{c['correct']:>9}{c['total']:>7}{_fmt(c['accuracy']):>10}")
    return "\n".join(lines)


def evaluate_extraction(
    gold_dir: Path, text_dir: Path, extract: Callable[[str], dict[str, Any]] | None = None
) -> dict[str, Any]:
    """Score ``extract`` (default: :func:`extractors.extract_all`) on every gold file with a text.

    The text of ``gold_dir/NAME.json`` is ``text_dir/NAME`` + one of ``TEXT_SUFFIXES``. Returns the
    :func:`aggregate` result plus ``per_document`` scores.
    """
    if extract is None:
        from extractors import extract_all

        def extract(text: str) -> dict[str, Any]:
            return extract_all(text).to_dict()

    per_document: dict[str, dict[str, Any]] = {}
    for gold_path in sorted(Path(gold_dir).glob("*.json")):
        text_path = next(
            (
                text_dir / f"{gold_path.stem}{s}"
                for s in TEXT_SUFFIXES
                if (text_dir / f"{gold_path.stem}{s}").exists()
            ),
            None,
        )
        if text_path is None:
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = unicodedata.normalize("NFC", text_path.read_text(encoding="utf-8"))
        per_document[gold_path.stem] = score_document(extract(text), gold)
    result = aggregate(per_document.values())
    result["per_document"] = per_document
    return result


def _prf(tp: int, fp: int, fn: int) -> dict[str, float | None]:
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    f1 = (
        2 * precision * recall / (precision + recall)
        if precision and recall
        else (0.0 if tp + fp and tp + fn else None)
    )
    return {"precision": precision, "recall": recall, "f1": f1}


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _set_counts(predicted: set[Any], gold: set[Any]) -> dict[str, int]:
    return {"tp": len(predicted & gold), "fp": len(predicted - gold), "fn": len(gold - predicted)}


def _match_one_to_one(
    predicted: list[dict], gold: list[dict], same: Callable[[dict, dict], bool]
) -> list[tuple[dict, dict]]:
    """Greedy one-to-one matching in gold order: each gold item takes the first unused match."""
    used: set[int] = set()
    pairs = []
    for gold_item in gold:
        for index, item in enumerate(predicted):
            if index not in used and same(item, gold_item):
                used.add(index)
                pairs.append((item, gold_item))
                break
    return pairs


def _record(fields: dict, name: str, pairs: list, predicted_count: int, gold_count: int) -> None:
    fields[name] = {"tp": len(pairs), "fp": predicted_count - len(pairs), "fn": gold_count - len(pairs)}


def _citation_key(citation: dict) -> tuple:
    if citation.get("number"):
        # "185/NĐ – CP" (as a text writes it) and "185/NĐ-CP" are one symbol: spaces and dash shapes do not count
        # (the dashes first: "1844/2015/QĐ–NHNN" would else have its code expanded as a word, heldout120)
        number = citation["number"].replace("–", "-").replace("—", "-")
        return ("number", normalize(number).replace(" ", ""))
    return ("title", normalize(citation.get("title")), citation.get("year"))


def _match_citations(predicted: list[dict], gold: list[dict], fields: dict) -> list[tuple[dict, dict]]:
    # A citation repeated in the text counts once: the gold lists distinct documents.
    distinct: dict[tuple, dict] = {}
    for citation in predicted:
        distinct.setdefault(_citation_key(citation), citation)
    pairs = _match_one_to_one(
        list(distinct.values()), gold, lambda p, g: _citation_key(p) == _citation_key(g)
    )
    _record(fields, "citations", pairs, len(distinct), len(gold))
    return pairs


def _match_people(predicted: list[dict], gold: list[dict], fields: dict) -> list[tuple[dict, dict]]:
    pairs = _match_one_to_one(predicted, gold, lambda p, g: normalize(p["name"]) == normalize(g["name"]))
    _record(fields, "people", pairs, len(predicted), len(gold))
    return pairs


def _carries_attribute(obligation: dict) -> bool:
    return any(obligation.get(key) for key in ("deadline", "frequency", "recipient"))


def _match_obligations(predicted: list[dict], gold: list[dict], fields: dict) -> list[tuple[dict, dict]]:
    def contains(obligation: dict, gold_item: dict, key: str) -> bool:
        return normalize(gold_item["key"]) in normalize(obligation.get(key) or "")

    matched: dict[int, tuple[dict, dict]] = {}
    used: set[int] = set()
    # Prefer the obligation whose own sentence holds the key over one whose item merely does, for every
    # gold item before any falls back to the item's text: else an earlier key found only in a
    # neighbour's text would take the obligation a later key names in its own sentence.
    for key in ("action", "text"):
        for position, gold_item in enumerate(gold):
            if position in matched:
                continue
            index = next(
                (i for i, o in enumerate(predicted) if i not in used and contains(o, gold_item, key)), None
            )
            if index is not None:
                used.add(index)
                matched[position] = (predicted[index], gold_item)
    pairs = [matched[position] for position in sorted(matched)]
    scorable = {i for i, o in enumerate(predicted) if _carries_attribute(o)}
    true_positive = len(pairs)
    false_positive = len(scorable - used)
    fields["obligations"] = {"tp": true_positive, "fp": false_positive, "fn": len(gold) - true_positive}
    return pairs


def _citation_label(citation: dict) -> str:
    return str(citation.get("number") or f"{citation.get('title')} ({citation.get('year')})")


def _obligation_label(obligation: dict) -> str:
    text = obligation.get("key") or obligation.get("action") or obligation.get("text") or ""
    return repr(text[:90])


def _list_unmatched(
    name: str,
    pairs: list[tuple[dict, dict]],
    predicted: list[dict],
    gold: list[dict],
    label: Callable[[dict], Any],
    misses: list[str],
) -> None:
    matched_predicted = {id(p) for p, _ in pairs}
    matched_gold = {id(g) for _, g in pairs}
    misses += [f"{name}: missed {label(g)}" for g in gold if id(g) not in matched_gold]
    extra = [p for p in predicted if id(p) not in matched_predicted]
    if name == "citations":  # repeated citations count once
        extra = list(
            {
                _citation_key(p): p
                for p in extra
                if _citation_key(p) not in {_citation_key(m) for m, _ in pairs}
            }.values()
        )
    misses += [f"{name}: extra {label(p)}" for p in extra]


def _score_attributes(
    prefix: str,
    pairs: list[tuple[dict, dict]],
    names: tuple[str, ...],
    attributes: dict,
    misses: list[str] | None = None,
    label: Callable[[dict], Any] = str,
) -> None:
    for predicted, gold in pairs:
        for name in names:
            if name not in gold:
                continue
            counts = attributes.setdefault(f"{prefix}.{name}", {"correct": 0, "total": 0})
            counts["total"] += 1
            correct = normalize(predicted.get(name)) == normalize(gold[name])
            counts["correct"] += int(correct)
            if not correct and misses is not None:
                misses.append(
                    f"{prefix}.{name} {label(gold)}: got {predicted.get(name)!r}, gold {gold[name]!r}"
                )
