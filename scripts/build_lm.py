"""Build the syllable 4-gram language model used by the repair stage (``make lm``).

Reads /work/shared/corpus/ (dev machines only) and counts syllable n-grams with numpy, separately
for the legal/administrative files and for a sample of wiki and news text. Each part gets its own
interpolated modified Kneser-Ney model; the two are mixed linearly (legal 0.8: one model over the
concatenated text let the 4x larger general part swamp the legal statistics, while the general
part alone supplies words and names the legal text lacks). Stored: n-grams the summed counts keep,
plus the legal text's own (``DOMAIN_MIN_COUNT``), with backoff weights renormalised for what was
pruned, 8-bit quantised, in ``kehoach/resources/lm/syllable4.npz`` (derived statistics only, no raw
text) plus a JSON manifest with provenance. Deterministic: the same corpus gives the same file.

Held out, never trained on: every 50th paragraph (line) of legal_docs — the evaluation slice
(:func:`kehoach.repair.corpus.heldout_lines`). Usage::

    nice -n 10 .venv/bin/python scripts/build_lm.py [--corpus DIR] [--out DIR] [--counts-cache FILE]

(about 2 minutes of counting and 1 of smoothing on one core, ~6 GB peak; ``--counts-cache`` keeps
the counts for pruning/mixing experiments.)
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
MAX_VOCAB = 65_000  # word ids are 16 bits; lm.py reserves the two highest
MIN_COUNT = {2: 2, 3: 2, 4: 3}  # raw-count pruning of stored n-grams per order (summed counts)
DOMAIN_MIN_COUNT = {2: 1, 3: 1, 4: 2}  # n-grams this frequent in the legal text alone are kept too
LEVELS = 256  # quantisation levels for log probabilities and backoff weights (16 bits measured: no gain)
GENERAL_LINES = 300_000  # wiki + news paragraphs sampled
DOMAIN_WEIGHT = 0.8  # the legal model's share of the mixture


def domain_lines(corpus: Path = CORPUS) -> Iterator[str]:
    """The legal and administrative files, held-out paragraphs left out."""
    for name in DOMAIN_FILES:
        for i, line in enumerate(read_lines(name, corpus)):
            if not is_heldout(name, i):
                yield line


def general_lines_sample(general_lines: int, corpus: Path = CORPUS) -> Iterator[str]:
    """A deterministic spread sample of wiki and news paragraphs: every k-th line."""
    per_file = general_lines // len(GENERAL_FILES)
    for name in GENERAL_FILES:
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
        if n == 1:  # <s> is never predicted: it takes no unigram mass (it would be lost to backoff)
            adj = adj.copy()
            adj[bos] = 0
        d = discounts(adj.astype(np.int64))
        disc = d[np.minimum(adj, 3).astype(np.int64)]
        if n == 1:
            total = adj.sum()
            gamma = (d[1] * np.sum(adj == 1) + d[2] * np.sum(adj == 2) + d[3] * np.sum(adj >= 3)) / total
            p = (adj - disc) / total + gamma / (vocab_size - 1)
            p[bos] = 1e-99
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
            backoff[n - 1][lookup(uniq_ctx, raw[n - 1][0])] = np.log10(np.maximum(gamma, 1e-99))
        prob[n] = p
        logp[n] = np.log10(p)
    return {"logp": logp, "backoff": backoff}


def quantize(values: np.ndarray, levels: int = 256) -> tuple[np.ndarray, np.ndarray]:
    """Codes + a level table (quantiles, each level the mean of its bin): 1 byte per value for up to
    256 levels, 2 bytes for up to 65,536 (the loader indexes the table with either)."""
    edges = np.unique(np.quantile(values, np.linspace(0, 1, levels + 1)[1:-1]))
    codes = np.searchsorted(edges, values).astype(np.uint8 if levels <= 256 else np.uint16)
    sums = np.bincount(codes, weights=values, minlength=len(edges) + 1)
    counts = np.maximum(np.bincount(codes, minlength=len(edges) + 1), 1)
    return codes, (sums / counts).astype(np.float32)


def select_ngrams(
    raw: dict, min_count: dict[int, int], also: dict[int, np.ndarray] | None = None
) -> dict[int, np.ndarray]:
    """Keep masks per order 2..ORDER: n-grams seen ``min_count[n]`` times or marked in ``also[n]``,
    plus every context that a kept higher-order n-gram needs (the decoder looks a context's backoff
    weight up)."""
    keep: dict[int, np.ndarray] = {}
    required = np.zeros(0, dtype=np.uint64)
    for n in range(ORDER, 1, -1):
        keys, counts = raw[n]
        keep[n] = counts >= min_count[n]
        if also is not None and n in also:
            keep[n] |= also[n]
        if n < ORDER:
            keep[n][np.searchsorted(keys, required)] = True
        required = np.unique(keys[keep[n]] >> np.uint64(BITS))
    return keep


def pruned_logprob(tables: dict[int, tuple[np.ndarray, np.ndarray, np.ndarray]], n: int, keys: np.ndarray):
    """log10 p of n-gram ``keys`` under the pruned model built so far (orders 1..n of ``tables``:
    (keys, logp, backoff) each), backing off like the decoder does."""
    if n == 1:
        return tables[1][1][keys.astype(np.int64)]
    table_keys, logp, _ = tables[n]
    idx = np.minimum(np.searchsorted(table_keys, keys), len(table_keys) - 1)
    found = table_keys[idx] == keys
    result = np.empty(len(keys))
    result[found] = logp[idx[found]]
    missing = keys[~found]
    ctx = missing >> np.uint64(BITS)
    if n == 2:
        bo = tables[1][2][ctx.astype(np.int64)]
    else:
        ctx_keys, _, ctx_backoff = tables[n - 1]
        cidx = np.minimum(np.searchsorted(ctx_keys, ctx), len(ctx_keys) - 1)
        bo = np.where(ctx_keys[cidx] == ctx, ctx_backoff[cidx], 0.0)
    suffix = missing & np.uint64((1 << (BITS * (n - 1))) - 1)
    result[~found] = bo + pruned_logprob(tables, n - 1, suffix)
    return result


def renormalized_backoffs(
    keys: np.ndarray, logp: np.ndarray, n: int, tables: dict, context_keys: np.ndarray
) -> np.ndarray:
    """log10 backoff weight of every context of order n-1 so that the pruned model sums to one:
    bo(h) = (1 - sum of kept p(w|h)) / (1 - sum of p_lower(w|h') over the same w).

    Kneser-Ney's own weight (gamma) only covers the n-grams never seen; the mass of the pruned ones
    would otherwise vanish, and pruned continuations (rare names, rare word pairs) would be scored
    far below what the full model gives them."""
    ctx = keys >> np.uint64(BITS)
    lower = pruned_logprob(tables, n - 1, keys & np.uint64((1 << (BITS * (n - 1))) - 1))
    pos = np.searchsorted(context_keys, ctx)
    kept_mass = np.bincount(pos, weights=10.0**logp, minlength=len(context_keys))
    lower_mass = np.bincount(pos, weights=10.0**lower, minlength=len(context_keys))
    numerator = np.clip(1.0 - kept_mass, 1e-9, None)
    denominator = np.clip(1.0 - lower_mass, 1e-9, None)
    return np.log10(numerator / denominator)


def mix_models(
    models: list[tuple[float, dict[int, tuple]]], keys_by_order: dict[int, np.ndarray]
) -> dict[int, np.ndarray]:
    """log10 of the weighted sum of several full (unpruned) models' probabilities of each kept n-gram
    (a static linear interpolation, like SRILM's ``-mix-lm``): each model backs off where it has
    not seen the n-gram, so a word the general text knows is not lost where the legal text lacks it."""
    mixed: dict[int, np.ndarray] = {}
    for n, keys in keys_by_order.items():
        total = np.zeros(len(keys))
        for weight, tables in models:
            total += weight * 10.0 ** pruned_logprob(tables, n, keys)
        mixed[n] = np.log10(total)
    return mixed


def pack_model(
    vocab: list[str], keys_by_order: dict[int, np.ndarray], logp_by_order: dict[int, np.ndarray], levels: int
) -> dict[str, np.ndarray]:
    """The stored model: kept n-grams with their probabilities, backoff weights renormalised for the
    pruning (:func:`renormalized_backoffs`), quantised. ``keys_by_order[1]`` is every word id."""
    tables = {1: (keys_by_order[1], logp_by_order[1], np.zeros(len(vocab)))}
    for n in range(2, ORDER + 1):
        keys, logp = keys_by_order[n], logp_by_order[n]
        context_keys, context_logp, _ = tables[n - 1]
        backoff = renormalized_backoffs(keys, logp, n, tables, context_keys)
        tables[n - 1] = (context_keys, context_logp, backoff)
        tables[n] = (keys, logp, np.zeros(len(keys)))
    arrays: dict[str, np.ndarray] = {"vocab": np.array("\n".join(vocab).encode("utf-8"))}
    arrays["logp1"] = tables[1][1].astype(np.float16)
    arrays["backoff1"] = tables[1][2].astype(np.float16)
    for n in range(2, ORDER + 1):
        keys, logp, bo = tables[n]
        arrays[f"keys{n}_delta"] = np.diff(keys, prepend=np.uint64(0))
        arrays[f"logp{n}_code"], arrays[f"logp{n}_levels"] = quantize(logp, levels)
        if n < ORDER:
            arrays[f"backoff{n}_code"], arrays[f"backoff{n}_levels"] = quantize(bo, levels)
    return arrays


def full_tables(raw: dict, model: dict) -> dict[int, tuple]:
    """A Kneser-Ney model before pruning as (keys, log10 p, log10 backoff) per order."""
    tables = {}
    for n in range(1, ORDER + 1):
        backoff = model["backoff"][n] if n < ORDER else np.zeros(len(raw[n][0]))
        tables[n] = (raw[n][0], model["logp"][n], backoff)
    return tables


def merge_counts(parts: list[dict]) -> dict[int, tuple[np.ndarray, np.ndarray]]:
    """Per order, the union of the parts' n-gram keys with their summed counts."""
    merged = {}
    for n in range(1, ORDER + 1):
        keys = np.concatenate([part[n][0] for part in parts])
        counts = np.concatenate([part[n][1] for part in parts])
        uniq, inverse = np.unique(keys, return_inverse=True)
        merged[n] = (uniq, np.bincount(inverse, weights=counts).astype(np.int64))
    return merged


def build_model(
    vocab: list[str],
    parts: dict[str, dict],
    weights: dict[str, float],
    min_count: dict[int, int],
    levels: int,
    domain_min_count: dict[int, int] | None = None,
) -> dict[str, np.ndarray]:
    """One KN model per part (legal text, general text), mixed with ``weights`` on the n-grams that the
    summed counts keep (or the legal counts alone: ``domain_min_count``), then packed."""
    domain_min_count = domain_min_count or min_count
    bos = vocab.index(BOS)
    models = [
        (weights[name], full_tables(raw, kneser_ney(raw, len(vocab), bos))) for name, raw in parts.items()
    ]
    merged = merge_counts(list(parts.values()))
    domain = parts["domain"]
    also = {}  # legal n-grams seen domain_min_count times are kept whatever the general text says
    for n in range(2, ORDER + 1):
        mask = np.zeros(len(merged[n][0]), dtype=bool)
        frequent = domain[n][0][domain[n][1] >= domain_min_count[n]]
        mask[np.searchsorted(merged[n][0], frequent)] = True
        also[n] = mask
    keep = select_ngrams(merged, min_count, also)
    keys_by_order = {1: np.arange(len(vocab), dtype=np.uint64)} | {
        n: merged[n][0][keep[n]] for n in range(2, ORDER + 1)
    }
    return pack_model(vocab, keys_by_order, mix_models(models, keys_by_order), levels)


def parse_min_count(text: str) -> dict[int, int]:
    """``"2:2,3:2,4:3"`` -> {2: 2, 3: 2, 4: 3}: the pruning thresholds of each order."""
    pairs = dict(item.split(":") for item in text.split(","))
    found = {int(n): int(c) for n, c in pairs.items()}
    if sorted(found) != list(range(2, ORDER + 1)):
        raise argparse.ArgumentTypeError(f"need a threshold for each order 2..{ORDER}: {text!r}")
    return found


def count_part(sentences: list[list[str]], vocab: list[str]) -> dict[int, tuple[np.ndarray, np.ndarray]]:
    """Raw n-gram counts of one part; the unigram table holds every vocabulary id (count at least 1)."""
    ids = id_stream(sentences, vocab)
    raw = {n: count_ngrams(ids, n) for n in range(1, ORDER + 1)}
    uni_counts = np.ones(len(vocab), dtype=np.int64)
    uni_counts[raw[1][0].astype(np.int64)] = raw[1][1]
    raw[1] = (np.arange(len(vocab), dtype=np.uint64), uni_counts)
    return raw


def count_corpus(general_lines: int, corpus: Path) -> tuple[list[str], dict[str, dict], int]:
    """Shared vocabulary, raw counts of the legal ("domain") and general parts, training tokens."""
    t0 = time.time()
    domain = tokenize_corpus(domain_lines(corpus))
    general = tokenize_corpus(general_lines_sample(general_lines, corpus))
    vocab = build_vocab(domain + general)
    n_tokens = sum(len(s) for s in domain) + sum(len(s) for s in general)
    print(f"tokenised {len(domain) + len(general):,} lines, {n_tokens:,} tokens, vocab {len(vocab):,}")
    parts = {"domain": count_part(domain, vocab), "general": count_part(general, vocab)}
    print(
        {name: {n: len(raw[n][0]) for n in raw} for name, raw in parts.items()}, f"({time.time() - t0:.0f}s)"
    )
    return vocab, parts, n_tokens


def cached_counts(general_lines: int, corpus: Path, cache: Path | None) -> tuple[list[str], dict, int]:
    """:func:`count_corpus`, kept in ``cache`` (an .npz outside the repository) so that pruning and
    mixing experiments do not re-read the corpus (most of a build's time)."""
    if cache is not None and cache.exists():
        with np.load(cache) as data:
            if int(data["general_lines"]) == general_lines:
                vocab = bytes(data["vocab"]).decode("utf-8").split("\n")
                parts = {
                    name: {
                        n: (data[f"{name}_keys{n}"], data[f"{name}_counts{n}"]) for n in range(1, ORDER + 1)
                    }
                    for name in ("domain", "general")
                }
                return vocab, parts, int(data["tokens"])
    vocab, parts, n_tokens = count_corpus(general_lines, corpus)
    if cache is not None:
        arrays = {
            f"{name}_{what}{n}": raw[n][i]
            for name, raw in parts.items()
            for n in raw
            for i, what in enumerate(("keys", "counts"))
        }
        np.savez(
            cache,
            vocab=np.array("\n".join(vocab).encode("utf-8")),
            tokens=n_tokens,
            general_lines=general_lines,
            **arrays,
        )
    return vocab, parts, n_tokens


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--general-lines", type=int, default=GENERAL_LINES, help="lines sampled from wiki+news"
    )
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument(
        "--out", type=Path, default=Path(__file__).resolve().parent.parent / "kehoach/resources/lm"
    )
    parser.add_argument("--min-count", type=parse_min_count, default=MIN_COUNT, help="e.g. 2:2,3:2,4:3")
    parser.add_argument(
        "--domain-min-count", type=parse_min_count, default=DOMAIN_MIN_COUNT, help="the same on legal text"
    )
    parser.add_argument("--levels", type=int, default=LEVELS, help="quantisation levels (<= 65536)")
    parser.add_argument("--domain-weight", type=float, default=DOMAIN_WEIGHT, help="legal model's share")
    parser.add_argument("--counts-cache", type=Path, help="keep raw counts here between experiments")
    args = parser.parse_args()
    t0 = time.time()
    vocab, parts, n_tokens = cached_counts(args.general_lines, args.corpus, args.counts_cache)
    weights = {"domain": args.domain_weight, "general": round(1.0 - args.domain_weight, 6)}
    arrays = build_model(vocab, parts, weights, args.min_count, args.levels, args.domain_min_count)
    args.out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out / "syllable4.npz", **arrays)
    bits = 8 if args.levels <= 256 else 16
    manifest = {
        "order": ORDER,
        "smoothing": "interpolated modified Kneser-Ney per part (legal / general text), mixed linearly "
        f"({weights}), pruned with renormalised backoff weights, {bits}-bit quantised "
        f"({args.levels} quantile levels per array)",
        "pruning_min_count": args.min_count,
        "pruning_min_count_legal_text": args.domain_min_count,
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
