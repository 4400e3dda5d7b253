"""Build the syllable 4-gram language model used by the repair stage (``make lm``).

Reads /work/shared/corpus/ (dev machines only), counts syllable n-grams with numpy, applies
interpolated modified Kneser-Ney smoothing, prunes rare higher-order n-grams and writes
``kehoach/resources/lm/syllable4.npz`` (derived statistics only, no raw text) plus a small JSON
manifest with provenance. Deterministic: the same corpus gives the same file.

Held out, never trained on: every 50th paragraph (line) of legal_docs — the evaluation slice
(:func:`kehoach.repair.corpus.heldout_lines`). Usage::

    nice -n 10 .venv/bin/python scripts/build_lm.py [--general-lines 300000] [--corpus DIR] [--out DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from kehoach.repair.corpus import CORPUS, HELDOUT_EVERY, HELDOUT_FILE, is_heldout, read_lines  # noqa: E402
from kehoach.repair.lm import BITS, BOS, EOS, UNK, encode_keys  # noqa: E402
from kehoach.repair.syllables import lm_tokens  # noqa: E402

DOMAIN_FILES = [
    "legal_docs.txt.xz",
    "legal_qa.txt.xz",
    "dvhcvn_20250701_nq_ubtvqh15.txt.xz",
    "khanhng29_word_recommend_admin_docs.txt.xz",
]
GENERAL_FILES = ["viwiki.txt.xz", "baomoi_news.txt.xz"]
ORDER = 4
MAX_VOCAB = 60_000
MIN_COUNT = {2: 2, 3: 2, 4: 3}  # raw-count pruning of stored n-grams per order


def training_lines(general_lines: int, corpus: Path = CORPUS) -> Iterator[str]:
    for name in DOMAIN_FILES:
        for i, line in enumerate(read_lines(name, corpus)):
            if is_heldout(name, i):
                continue
            yield line
    per_file = general_lines // len(GENERAL_FILES)
    for name in GENERAL_FILES:
        # a deterministic spread sample: every k-th line
        total = sum(1 for _ in read_lines(name, corpus))
        step = max(1, total // per_file)
        for i, line in enumerate(read_lines(name, corpus)):
            if i % step == 0:
                yield line


def looks_stripped(tokens: list[str]) -> bool:
    """A paragraph typed without diacritics (file names, telex-less typing): it would teach the model
    that ``quet`` and ``luoc`` are words, so it is left out."""
    words = [t for t in tokens if t.isalpha()]
    if len(words) < 6:
        return False
    plain = sum(1 for w in words if w.isascii())
    return plain / len(words) > 0.8


def tokenize_corpus(lines: Iterator[str]) -> list[list[str]]:
    return [toks for toks in (lm_tokens(line) for line in lines) if toks and not looks_stripped(toks)]


def build_vocab(sentences: list[list[str]]) -> list[str]:
    counts = Counter(tok for sent in sentences for tok in sent)
    words = [w for w, c in counts.most_common(MAX_VOCAB - 3) if c >= 2]
    return [BOS, EOS, UNK] + words


def id_stream(sentences: list[list[str]], vocab: list[str]) -> np.ndarray:
    """All sentences as one id array, each framed by <s> ... </s>; -1 separates sentences."""
    index = {w: i for i, w in enumerate(vocab)}
    unk = index[UNK]
    out: list[int] = []
    for sent in sentences:
        out.append(-1)
        out.append(index[BOS])
        out.extend(index.get(t, unk) for t in sent)
        out.append(index[EOS])
    return np.asarray(out, dtype=np.int64)


def count_ngrams(ids: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    cols = [ids[i : len(ids) - n + 1 + i] for i in range(n)]
    valid = np.ones(len(cols[0]), dtype=bool)
    for col in cols:
        valid &= col >= 0
    keys = encode_keys(np.stack([c[valid] for c in cols], axis=1))
    return np.unique(keys, return_counts=True)


def discounts(counts: np.ndarray) -> np.ndarray:
    """Modified Kneser-Ney discounts D1, D2, D3+ from counts of counts (Chen & Goodman)."""
    n = [max(int(np.sum(counts == k)), 1) for k in (1, 2, 3, 4)]
    y = n[0] / (n[0] + 2 * n[1])
    d = np.array([0.0, 1 - 2 * y * n[1] / n[0], 2 - 3 * y * n[2] / n[1], 3 - 4 * y * n[3] / n[2]])
    return np.clip(d, 0.0, None)


def lookup(keys: np.ndarray, table: np.ndarray) -> np.ndarray:
    idx = np.searchsorted(table, keys)
    idx = np.minimum(idx, len(table) - 1)
    assert np.all(table[idx] == keys), "lower-order table misses a suffix"
    return idx


def kneser_ney(raw: dict[int, tuple[np.ndarray, np.ndarray]], vocab_size: int, bos: int) -> dict:
    """Interpolated modified KN: returns per order (keys, log10 p) and per context order backoffs."""
    mask = {n: (1 << (BITS * n)) - 1 for n in range(1, ORDER + 1)}
    adjusted: dict[int, np.ndarray] = {ORDER: raw[ORDER][1].astype(np.float64)}
    for n in range(ORDER - 1, 0, -1):
        # continuation count: number of distinct left extensions; raw count for <s>-initial n-grams
        suffixes = raw[n + 1][0] & np.uint64(mask[n])
        uniq, cont = np.unique(suffixes, return_counts=True)
        keys, counts = raw[n]
        adj = np.zeros(len(keys))
        adj[np.searchsorted(keys, uniq)] = cont
        first = (keys >> np.uint64(BITS * (n - 1))).astype(np.int64)
        adj = np.where((first == bos) | (adj == 0), counts, adj)
        adjusted[n] = adj
    logp: dict[int, np.ndarray] = {}
    backoff: dict[int, np.ndarray] = {n: np.zeros(len(raw[n][0])) for n in range(1, ORDER)}
    prob: dict[int, np.ndarray] = {}
    for n in range(1, ORDER + 1):
        keys, adj = raw[n][0], adjusted[n]
        d = discounts(adj.astype(np.int64))
        disc = d[np.minimum(adj, 3).astype(np.int64)]
        if n == 1:
            total = adj.sum()
            gamma = (d[1] * np.sum(adj == 1) + d[2] * np.sum(adj == 2) + d[3] * np.sum(adj >= 3)) / total
            p = (adj - disc) / total + gamma / vocab_size
        else:
            ctx = keys >> np.uint64(BITS)
            uniq_ctx, start = np.unique(ctx, return_index=True)
            inv = np.searchsorted(uniq_ctx, ctx)
            denom = np.add.reduceat(adj, start)
            n1 = np.add.reduceat((adj == 1).astype(float), start)
            n2 = np.add.reduceat((adj == 2).astype(float), start)
            n3 = np.add.reduceat((adj >= 3).astype(float), start)
            gamma = (d[1] * n1 + d[2] * n2 + d[3] * n3) / denom
            lower = prob[n - 1][lookup(keys & np.uint64(mask[n - 1]), raw[n - 1][0])]
            p = (adj - disc) / denom[inv] + gamma[inv] * lower
            backoff[n - 1][lookup(uniq_ctx, raw[n - 1][0])] = np.log10(gamma)
        prob[n] = p
        logp[n] = np.log10(p)
    return {"logp": logp, "backoff": backoff}


def quantize(values: np.ndarray, levels: int = 256) -> tuple[np.ndarray, np.ndarray]:
    """8-bit codes + a level table (quantiles, each level the mean of its bin): 1 byte per value."""
    edges = np.unique(np.quantile(values, np.linspace(0, 1, levels + 1)[1:-1]))
    codes = np.searchsorted(edges, values).astype(np.uint8)
    sums = np.bincount(codes, weights=values, minlength=len(edges) + 1)
    counts = np.maximum(np.bincount(codes, minlength=len(edges) + 1), 1)
    return codes, (sums / counts).astype(np.float32)


def prune_and_pack(raw: dict, model: dict, vocab: list[str]) -> dict[str, np.ndarray]:
    arrays: dict[str, np.ndarray] = {"vocab": np.array("\n".join(vocab).encode("utf-8"))}
    arrays["logp1"] = model["logp"][1].astype(np.float16)
    arrays["backoff1"] = model["backoff"][1].astype(np.float16)
    required = np.zeros(0, dtype=np.uint64)  # contexts of kept higher-order n-grams
    for n in range(ORDER, 1, -1):
        keys, counts = raw[n]
        keep = counts >= MIN_COUNT[n]
        if n < ORDER:
            keep[np.searchsorted(keys, required)] = True
        kept = keys[keep]
        required = np.unique(kept >> np.uint64(BITS))
        arrays[f"keys{n}_delta"] = np.diff(kept, prepend=np.uint64(0))
        arrays[f"logp{n}_code"], arrays[f"logp{n}_levels"] = quantize(model["logp"][n][keep])
        if n < ORDER:
            arrays[f"backoff{n}_code"], arrays[f"backoff{n}_levels"] = quantize(model["backoff"][n][keep])
    return arrays


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--general-lines", type=int, default=300_000, help="lines sampled from wiki+news")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument(
        "--out", type=Path, default=Path(__file__).resolve().parent.parent / "kehoach/resources/lm"
    )
    args = parser.parse_args()
    t0 = time.time()
    sentences = tokenize_corpus(training_lines(args.general_lines, args.corpus))
    vocab = build_vocab(sentences)
    ids = id_stream(sentences, vocab)
    n_tokens = int(np.sum(ids >= 0))
    print(
        f"tokenised {len(sentences):,} lines, {n_tokens:,} tokens, vocab {len(vocab):,} ({time.time() - t0:.0f}s)"
    )
    del sentences
    raw = {n: count_ngrams(ids, n) for n in range(1, ORDER + 1)}
    # unigram table must hold every vocab id (ids never seen keep count 0 -> give them 1)
    uni_keys = np.arange(len(vocab), dtype=np.uint64)
    uni_counts = np.ones(len(vocab), dtype=np.int64)
    uni_counts[raw[1][0].astype(np.int64)] = raw[1][1]
    raw[1] = (uni_keys, uni_counts)
    print("counted", {n: len(raw[n][0]) for n in raw}, f"({time.time() - t0:.0f}s)")
    model = kneser_ney(raw, len(vocab), bos=vocab.index(BOS))
    arrays = prune_and_pack(raw, model, vocab)
    args.out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out / "syllable4.npz", **arrays)
    manifest = {
        "order": ORDER,
        "smoothing": "interpolated modified Kneser-Ney, stored in backoff form, 8-bit quantised",
        "pruning_min_count": MIN_COUNT,
        "training_tokens": n_tokens,
        "vocab": len(vocab),
        "stored_ngrams": {
            n: int(len(arrays[f"logp{n}_code"])) if n > 1 else len(vocab) for n in range(1, ORDER + 1)
        },
        "sources": DOMAIN_FILES + [f"{f} (sample)" for f in GENERAL_FILES],
        "general_lines": args.general_lines,
        "heldout": f"every {HELDOUT_EVERY}th paragraph of {HELDOUT_FILE}",
        "skipped": "paragraphs of 6+ words that are over 80% plain ASCII (typed without diacritics)",
        "provenance": "/work/shared/corpus (see its README): derived counts only, no raw text",
    }
    (args.out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    size = (args.out / "syllable4.npz").stat().st_size
    print(f"wrote {args.out / 'syllable4.npz'} ({size / 1e6:.1f} MB) in {time.time() - t0:.0f}s")


if __name__ == "__main__":
    main()
