"""Count how often each syllable is capitalised mid-sentence, and followed by a capital (``make case-model``).

The repair decoder's language model is lowercased; :mod:`kehoach.repair.case_model` turns these
counts into a channel factor P(observed case | reading). Counted on exactly the language model's
training text (``scripts/build_lm.py``: the legal files minus the held-out slice, plus the same
wiki/news sample), cut into spans by the decoder's own :func:`~kehoach.repair.line_text.split_line`
and judged by the decoder's own :func:`~kehoach.repair.case_model.case_contexts`. Stored: the words
and their four counts (derived statistics only, no text) in ``kehoach/resources/lm/case_model.npz``, provenance in
``case_model.json``. About 100 s CPU, deterministic.

    nice -n 10 .venv/bin/python scripts/build_case_model.py [--corpus DIR] [--general-lines N]
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_lm import DOMAIN_FILES, GENERAL_FILES, GENERAL_LINES, domain_lines, general_lines_sample  # noqa: E402

from kehoach.repair.case_model import DEFAULT_CASE_MODEL, NO_CASE, case_contexts  # noqa: E402
from kehoach.repair.corpus import CORPUS, HELDOUT_EVERY, HELDOUT_FILE  # noqa: E402
from kehoach.repair.line_text import split_line  # noqa: E402
from kehoach.repair.syllables import normalize_tone_placement  # noqa: E402

MIN_OCCURRENCES = 2  # words seen fewer times mid-sentence carry the corpus-wide rate anyway
PLAIN_SHARE = 0.8  # paragraphs this plain-ASCII (typed without marks) are skipped, as build_lm does
MIN_WORDS_TO_JUDGE = 6


def count_cases(lines: Iterable[str]) -> tuple[Counter, Counter]:
    """Per lowercased word: counts of (own case) and of (next word's case) where case is evidence,
    keyed ``(word, case)``."""
    own: Counter = Counter()
    nxt: Counter = Counter()
    for line in lines:
        spans = split_line(normalize_tone_placement(line), ocr_symbols=False)
        words = [s.text for s in spans if s.fixed_token is None]
        if len(words) >= MIN_WORDS_TO_JUDGE and sum(w.isascii() for w in words) > PLAIN_SHARE * len(words):
            continue  # typed without diacritics: its capitals would vouch for plain spellings
        for span, (own_case, next_case) in zip(spans, case_contexts(spans), strict=True):
            if span.fixed_token is not None:
                continue
            word = span.text.lower()
            if own_case != NO_CASE:
                own[(word, own_case)] += 1
            if next_case != NO_CASE:
                nxt[(word, next_case)] += 1
    return own, nxt


def to_arrays(own: Counter, nxt: Counter) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Words seen at least MIN_OCCURRENCES times in either table, with (lower, capital) counts."""
    totals: Counter = Counter()
    for (word, _), n in itertools.chain(own.items(), nxt.items()):
        totals[word] += n
    words = sorted(w for w, n in totals.items() if n >= MIN_OCCURRENCES)
    own_arr = np.array([[own[(w, 0)], own[(w, 1)]] for w in words], dtype=np.uint32)
    next_arr = np.array([[nxt[(w, 0)], nxt[(w, 1)]] for w in words], dtype=np.uint32)
    return words, own_arr, next_arr


def write_manifest(out: Path, words: list[str], own: np.ndarray, nxt: np.ndarray, general_lines: int) -> None:
    """Provenance beside the counts (``case_model.json``): sources, the held-out rule, sizes."""
    manifest = {
        "what": "per syllable: mid-sentence occurrences in lower case / capitalised, and the case of "
        "the word right after it (kehoach.repair.case_model.case_contexts)",
        "sources": DOMAIN_FILES
        + [f"{f} (every-k-th-line sample, {general_lines} lines)" for f in GENERAL_FILES],
        "heldout": f"every {HELDOUT_EVERY}th paragraph of {HELDOUT_FILE} (never counted)",
        "skipped": f"paragraphs of {MIN_WORDS_TO_JUDGE}+ words over {PLAIN_SHARE:.0%} plain ASCII",
        "words": len(words),
        "observations": {"own": int(own.sum()), "next": int(nxt.sum())},
        "provenance": "/work/shared/corpus (see its README): derived counts only, no raw text",
    }
    out.with_suffix(".json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--out", type=Path, default=DEFAULT_CASE_MODEL)
    parser.add_argument("--general-lines", type=int, default=GENERAL_LINES)
    args = parser.parse_args()
    started = time.process_time()
    general = general_lines_sample(args.general_lines, args.corpus) if args.general_lines else iter(())
    lines = itertools.chain(domain_lines(args.corpus), general)
    own, nxt = count_cases(lines)
    words, own_arr, next_arr = to_arrays(own, nxt)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        args.out, words=np.frombuffer("\n".join(words).encode("utf-8"), np.uint8), own=own_arr, next=next_arr
    )
    write_manifest(args.out, words, own_arr, next_arr, args.general_lines)
    print(
        f"{len(words)} words, {own_arr.sum()} own / {next_arr.sum()} next observations, "
        f"{args.out.stat().st_size / 1e3:.0f} kB, {time.process_time() - started:.0f} s CPU"
    )


if __name__ == "__main__":
    main()
