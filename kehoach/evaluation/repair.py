"""Measurements of the repair stage (``kehoach eval repair``): accuracy, CER, clean-text safety, speed.

Syllable accuracy is 1 - syllable error rate: syllables are the letter runs of a line, lowercased
and tone placement folded, compared by edit distance (so split or merged words count as errors
where they differ). Sources, each skipped when its data is absent:

1. the held-out corpus slice (every 50th paragraph of legal_docs, never trained on) with every
   diacritic stripped;
2. / 3. seed plans rendered and OCRed with Tesseract ``eng`` / ``vie``
   (``tests/data/ocr_eval/<seed>.<lang>.{gt,ocr}.txt`` from ``scripts/build_channel.py --eval``);
   2b. a blind ``eng`` set, plans the repair was never tuned on, rendered the same way
   (``tests/data/ocr_eval/blind/``, reported as ``ocr_eng_blind``);
   3b. held-out plans scanned at four quality levels and read by the pipeline with ``vie``
   (``tests/data/ocr_eval/vie_scans/``, from ``scripts/build_vie_scan_eval.py``): CER of the text
   entering repair and after it, per quality (``ocr_vie_scans``);
4. the clean seed plans: the share of syllables the repair changes (should be ~0);
5. scans with a hand-made reference (``REFERENCED_SCANS``: the Tuổi Hồng ``eng`` scan,
   ``tests/data/tuoi_hong/reference.txt``): syllable accuracy and CER before and after, accuracy
   per token category and the most frequent remaining confusions;
6. every ``*.ocr-eng.txt`` seed, reference or not: the share of tokens that are valid syllables
   before and after, and a sample.

Sets 1 and 5 are also scored per token category (:mod:`kehoach.evaluation.tokens`: document
numbers and codes, capitalised names, headings, ordinary words), because pooled syllable accuracy
hides whether the tokens analysts query survive.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable
from itertools import islice
from pathlib import Path

from kehoach.config import PROJECT_ROOT
from kehoach.evaluation.metrics import levenshtein, normalize_whitespace
from kehoach.evaluation.tokens import category_accuracy, confusions
from kehoach.repair import Repairer
from kehoach.repair.corpus import CORPUS, heldout_lines
from kehoach.repair.syllables import normalize_tone_placement, strip_diacritics

OCR_EVAL_DIR = PROJECT_ROOT / "tests" / "data" / "ocr_eval"
BLIND_EVAL_DIR = OCR_EVAL_DIR / "blind"  # held-out plans: never tuned on (see its README)
VIE_SCAN_DIR = OCR_EVAL_DIR / "vie_scans"  # degraded scans of held-out plans, vie text entering repair
SEED_DIR = PROJECT_ROOT / "data" / "raw"
REFERENCE_DIR = PROJECT_ROOT / "tests" / "data"
#: Scans with a hand transcription: name -> (garbled text in SEED_DIR, reference in REFERENCE_DIR).
REFERENCED_SCANS = {
    "tuoi_hong": ("ke-hoach-mn-tuoi-hong-par-index-2023.ocr-eng.txt", "tuoi_hong/reference.txt"),
}
DOCUMENT_LINES = 25  # held-out paragraphs repaired together as one document
_SYLLABLE = re.compile(r"[^\W\d_]+")


def syllables(text: str) -> list[str]:
    return _SYLLABLE.findall(normalize_tone_placement(text).lower())


def syllable_errors(reference: str, hypothesis: str) -> tuple[int, int]:
    """(edit distance in syllables, reference syllables) for one pair of texts."""
    ref, hyp = syllables(reference), syllables(hypothesis)
    return levenshtein(ref, hyp), len(ref)


def _char_errors(reference: str, hypothesis: str) -> tuple[int, int]:
    ref, hyp = normalize_tone_placement(reference), normalize_tone_placement(hypothesis)
    return levenshtein(ref, hyp), len(ref)


def score_pairs(pairs: Iterable[tuple[str, str]]) -> dict[str, float]:
    """Syllable accuracy and CER of hypotheses against references, pooled over all pairs."""
    syl_err = syl_total = chr_err = chr_total = 0
    for reference, hypothesis in pairs:
        e, n = syllable_errors(reference, hypothesis)
        syl_err, syl_total = syl_err + e, syl_total + n
        e, n = _char_errors(reference, hypothesis)
        chr_err, chr_total = chr_err + e, chr_total + n
    return {
        "syllable_accuracy": 1 - syl_err / syl_total if syl_total else 0.0,
        "cer": chr_err / chr_total if chr_total else 0.0,
        "syllables": syl_total,
    }


def evaluate_stripped(repairer: Repairer, corpus: Path = CORPUS, max_lines: int = 1500) -> dict | None:
    """Held-out paragraphs with all diacritics stripped, repaired, against the original."""
    if not (corpus / "legal_docs.txt.xz").exists():
        return None
    references = list(islice(heldout_lines(corpus), max_lines))
    stripped = [strip_diacritics(line) for line in references]
    started = time.perf_counter()
    repaired = _repair_in_documents(repairer, stripped)
    seconds = time.perf_counter() - started
    result = {"input": score_pairs(zip(references, stripped, strict=True))}
    result["repaired"] = score_pairs(zip(references, repaired, strict=True))
    result["syllables_per_second"] = result["repaired"]["syllables"] / seconds if seconds else 0.0
    result["categories"] = {
        "input": category_accuracy(zip(references, stripped, strict=True)),
        "repaired": category_accuracy(zip(references, repaired, strict=True)),
    }
    result["confusions"] = _format_confusions(zip(references, repaired, strict=True))
    return result


def _format_confusions(pairs: Iterable[tuple[str, str]], top: int = 20) -> list[str]:
    """The ``top`` most frequent token errors as ``"reference -> output (count)"``, ``∅`` for a gap."""
    return [f"{ref} -> {hyp} ({n})" for ref, hyp, n in confusions(pairs, top)]


def evaluate_reference(
    repairer: Repairer, garbled_path: Path, reference_path: Path, ocr_lang: str | None = None, top: int = 20
) -> dict | None:
    """A garbled scan against its hand-made, line-aligned reference: before/after, per category.

    ``ocr_lang`` is what the pipeline would pass (None for a text file, as ``kehoach extract`` reads
    a ``.ocr-eng.txt`` seed). ``confusions`` lists the ``top`` most frequent remaining token errors
    as ``"reference -> output (count)"`` (``∅`` = nothing there), the list to direct repair work.
    """
    if not (garbled_path.exists() and reference_path.exists()):
        return None
    garbled = garbled_path.read_text(encoding="utf-8")
    reference = reference_path.read_text(encoding="utf-8")
    started = time.process_time()
    repaired = repairer.repair_text(garbled, ocr_lang=ocr_lang)
    cpu_seconds = time.process_time() - started
    pair_before, pair_after = [(reference, garbled)], [(reference, repaired)]
    return {
        "file": garbled_path.name,
        "input": score_pairs(pair_before),
        "repaired": score_pairs(pair_after),
        "categories": {"input": category_accuracy(pair_before), "repaired": category_accuracy(pair_after)},
        "confusions": _format_confusions(pair_after, top),
        "repair_cpu_seconds": cpu_seconds,
    }


def evaluate_referenced_scans(repairer: Repairer) -> dict[str, dict]:
    """:func:`evaluate_reference` on every scan of ``REFERENCED_SCANS`` whose files are present."""
    results = {}
    for name, (garbled, reference) in REFERENCED_SCANS.items():
        result = evaluate_reference(repairer, SEED_DIR / garbled, REFERENCE_DIR / reference)
        if result is not None:
            results[name] = result
    return results


def _repair_in_documents(
    repairer: Repairer, lines: list[str], lines_per_document: int = DOCUMENT_LINES
) -> list[str]:
    """Repair held-out paragraphs in groups, as a stripped document arrives: the whole text at once."""
    out: list[str] = []
    for start in range(0, len(lines), lines_per_document):
        out.extend(repairer.repair_text("\n".join(lines[start : start + lines_per_document])).split("\n"))
    return out


def evaluate_ocr(repairer: Repairer, lang: str, eval_dir: Path = OCR_EVAL_DIR) -> dict | None:
    """Seed plans rendered and OCRed with ``lang``: raw OCR vs repaired, against the drawn text."""
    gt_files = sorted(eval_dir.glob(f"*.{lang}.gt.txt")) if eval_dir.exists() else []
    if not gt_files:
        return None
    references, raw, repaired = [], [], []
    started = time.perf_counter()
    for gt in gt_files:
        ocr = gt.with_name(gt.name.replace(".gt.txt", ".ocr.txt"))
        if not ocr.exists():
            continue
        ocr_text = ocr.read_text(encoding="utf-8")
        references.append(gt.read_text(encoding="utf-8"))
        raw.append(ocr_text)
        repaired.append(repairer.repair_text(ocr_text, ocr_lang=lang))
    seconds = time.perf_counter() - started
    result = {"documents": len(references), "input": score_pairs(zip(references, raw, strict=True))}
    result["repaired"] = score_pairs(zip(references, repaired, strict=True))
    result["syllables_per_second"] = result["repaired"]["syllables"] / seconds if seconds else 0.0
    return result


def evaluate_vie_scans(repairer: Repairer, scan_dir: Path = VIE_SCAN_DIR) -> dict | None:
    """Degraded scans OCRed with ``vie`` (``scripts/build_vie_scan_eval.py``): CER of the text entering
    repair and of the repaired text, per set of plans and quality level. Whitespace is normalised (the
    OCR's line breaks are layout) and tone placement folded, as ``kehoach eval ocr`` scores final text;
    errors are pooled over the pages of a level."""
    truths = sorted(scan_dir.glob("*/*.vie.gt.txt")) if scan_dir.exists() else []
    if not truths:
        return None
    counts: dict[str, list[int]] = {}
    started = time.process_time()
    for truth_path in truths:
        ocr_path = truth_path.with_name(truth_path.name.replace(".gt.txt", ".ocr.txt"))
        if not ocr_path.exists():
            continue
        truth = normalize_whitespace(normalize_tone_placement(truth_path.read_text(encoding="utf-8")))
        ocr = ocr_path.read_text(encoding="utf-8")
        repaired = normalize_whitespace(repairer.repair_text(ocr, ocr_lang="vie"))
        quality = truth_path.name.split(".")[-4]
        row = counts.setdefault(f"{truth_path.parent.name}.{quality}", [0, 0, 0, 0])
        row[0] += levenshtein(truth, normalize_whitespace(normalize_tone_placement(ocr)))
        row[1] += levenshtein(truth, repaired)
        row[2] += len(truth)
        row[3] += 1
    result: dict = {"repair_cpu_seconds": time.process_time() - started}
    for key, (before, after, chars, pages) in sorted(counts.items()):
        result[key] = {
            "pages": pages,
            "chars": chars,
            "input_errors": before,
            "repaired_errors": after,
            "input_cer": before / chars,
            "repaired_cer": after / chars,
        }
    return result


def clean_seed_files(seed_dir: Path = SEED_DIR) -> list[Path]:
    files = sorted(p for p in seed_dir.glob("*") if p.suffix in {".txt", ".md"} and ".ocr-" not in p.name)
    return [p for p in files if p.name.lower() != "readme.md"]


def evaluate_clean(repairer: Repairer, seed_dir: Path = SEED_DIR) -> dict:
    """Clean seed plans: the share of syllables the repair changes (the goal is ≤ 0.05%)."""
    changed = total = 0
    examples: list[str] = []
    for path in clean_seed_files(seed_dir):
        text = path.read_text(encoding="utf-8")
        out = repairer.repair_text(text)
        for before, after in zip(text.split("\n"), out.split("\n"), strict=True):
            if before != after:
                examples.append(f"{path.name}: {before!r} -> {after!r}")
        e, n = syllable_errors(text, out)
        changed, total = changed + e, total + n
    return {
        "changed_share": changed / total if total else 0.0,
        "syllables": total,
        "changed_lines": examples[:10],
    }


def evaluate_unreferenced(repairer: Repairer, path: Path, sample_lines: int = 8) -> dict:
    """A scan without reference text: share of tokens that are known syllables, before and after."""
    text = path.read_text(encoding="utf-8")
    out = repairer.repair_text(text)

    def valid_share(t: str) -> float:
        tokens = [tok for tok in re.findall(r"\S+", t) if any(c.isalpha() for c in tok)]
        words = [re.sub(r"^\W+|\W+$", "", tok).lower() for tok in tokens]
        good = sum(1 for w in words if w in repairer.index.syllables or w in repairer.lm.index)
        return good / len(words) if words else 0.0

    lines = [(a, b) for a, b in zip(text.split("\n"), out.split("\n"), strict=True) if a.strip()]
    return {
        "file": path.name,
        "valid_tokens_before": valid_share(text),
        "valid_tokens_after": valid_share(out),
        "sample": [f"{a}\n  -> {b}" for a, b in lines[:sample_lines]],
    }


def evaluate_repair(corpus: Path = CORPUS, max_lines: int = 1500, eval_dir: Path = OCR_EVAL_DIR) -> dict:
    """Every repair measurement whose data is present (see the module docstring)."""
    repairer = Repairer.load()
    report: dict = {
        "stripped_heldout": evaluate_stripped(repairer, corpus, max_lines),
        "ocr_eng": evaluate_ocr(repairer, "eng", eval_dir),
        "ocr_eng_blind": evaluate_ocr(repairer, "eng", eval_dir / BLIND_EVAL_DIR.name),
        "ocr_vie": evaluate_ocr(repairer, "vie", eval_dir),
        "ocr_vie_scans": evaluate_vie_scans(repairer, eval_dir / VIE_SCAN_DIR.name),
        "clean_seeds": evaluate_clean(repairer),
        "referenced_scans": evaluate_referenced_scans(repairer),
    }
    scans = sorted(SEED_DIR.glob("*.ocr-eng.txt"))
    report["unreferenced_scans"] = [evaluate_unreferenced(repairer, p) for p in scans]
    return report


def bench_repair(corpus: Path = CORPUS, max_lines: int = 1000) -> dict:
    """Speed on stripped and on OCR-garbled text, and pyvi's ``add_accents`` on the same stripped input."""
    repairer = Repairer.load()
    references = list(islice(heldout_lines(corpus), max_lines))
    stripped = [strip_diacritics(line) for line in references]
    repairer.repair_text(stripped[0])  # warm caches that are built lazily
    started = time.perf_counter()
    ours = _repair_in_documents(repairer, stripped)
    ours_seconds = time.perf_counter() - started
    result = {"kehoach": score_pairs(zip(references, ours, strict=True))}
    result["kehoach"]["syllables_per_second"] = result["kehoach"]["syllables"] / ours_seconds
    try:
        from pyvi import ViUtils
    except ImportError:  # pragma: no cover - pyvi is a declared dependency
        ViUtils = None
    if ViUtils is not None:
        started = time.perf_counter()
        theirs, failures = [], 0
        for line in stripped:
            try:
                theirs.append(ViUtils.add_accents(line))
            except (KeyError, ValueError, IndexError):  # pyvi fails on some inputs: count it unrepaired
                theirs.append(line)
                failures += 1
        seconds = time.perf_counter() - started
        result["pyvi_add_accents"] = score_pairs(zip(references, theirs, strict=True))
        result["pyvi_add_accents"]["failed_lines"] = failures
        result["pyvi_add_accents"]["syllables_per_second"] = result["pyvi_add_accents"]["syllables"] / seconds
    scans = sorted(SEED_DIR.glob("*.ocr-eng.txt"))
    if scans:
        garbled = scans[0].read_text(encoding="utf-8")
        fresh = Repairer(repairer.lm)  # cold caches: the honest speed on unseen garbling
        started = time.perf_counter()
        fresh.repair_text(garbled)
        seconds = time.perf_counter() - started
        result["garbled_syllables_per_second"] = len(syllables(garbled)) / seconds
    return result


def format_report(report: dict) -> str:
    """A short plain-text table of :func:`evaluate_repair` or :func:`bench_repair` output."""
    lines: list[str] = []

    def walk(prefix: str, value: object) -> None:
        if isinstance(value, dict):
            for key, sub in value.items():
                walk(f"{prefix}.{key}" if prefix else key, sub)
        elif isinstance(value, list):
            for item in value:
                walk(prefix, item)
        elif isinstance(value, float):
            lines.append(f"{prefix:50s} {value:.4f}")
        else:
            lines.append(f"{prefix:50s} {value}")

    walk("", report)
    return "\n".join(lines)
