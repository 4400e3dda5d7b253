"""The n-gram model's hash table and its backoff arithmetic, against a plain-Python reference.

A tiny model written by hand (and saved in the committed model's ``.npz`` format) is scored by
``NGramLM`` and by a dictionary-based Katz/KN backoff walk that follows the definition directly;
the two must agree exactly, including padded histories, unknown words and missing contexts."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pytest

from kehoach.repair.hashtable import EMPTY, HashTable
from kehoach.repair.lm import (
    BOS,
    DEFAULT_MODEL,
    EOS,
    UNK,
    UNK_PENALTY,
    NGramLM,
    encode_keys,
    pack_histories,
    tagged_keys,
)

VOCAB = [UNK, BOS, EOS, "ủy", "ban", "nhân", "dân", "quận"]
UNIGRAM = np.array(
    [-9.0, -1.5, -1.25, -2.0, -2.125, -2.25, -2.375, -3.0], dtype=np.float32
)  # exact in float16
UNIGRAM_BACKOFF = np.array([0.0, -0.3125, 0.0, -0.25, -0.5, -0.125, -0.75, -0.375], dtype=np.float32)
# (n-gram words, log10 p, log10 backoff); every context of a kept n-gram is kept, as build_lm does
NGRAMS = {
    2: [
        (("<s>", "ủy"), -0.5, -0.0625),
        (("ủy", "ban"), -0.125, -0.25),
        (("ban", "nhân"), -0.25, -0.125),
        (("nhân", "dân"), -0.0625, -0.5),
        (("dân", "quận"), -1.5, 0.0),
        (("dân", "</s>"), -0.75, -0.25),
    ],
    3: [
        (("<s>", "ủy", "ban"), -0.0625, -0.125),
        (("ủy", "ban", "nhân"), -0.125, -0.0625),
        (("ban", "nhân", "dân"), -0.03125, -0.25),
    ],
    4: [
        (("<s>", "ủy", "ban", "nhân"), -0.25, None),
        (("ủy", "ban", "nhân", "dân"), -0.015625, None),
    ],
}


def _ids(words: tuple[str, ...]) -> list[int]:
    return [VOCAB.index(w) for w in words]


def _tables(max_order: int = 4) -> dict[int, tuple[np.ndarray, np.ndarray, np.ndarray | None]]:
    tables = {}
    for n, rows in NGRAMS.items():
        if n > max_order:
            continue
        rows = sorted(rows, key=lambda r: tuple(_ids(r[0])))
        keys = encode_keys(np.array([_ids(r[0]) for r in rows]))
        logp = np.array([r[1] for r in rows], dtype=np.float32)
        backoff = None if n == max_order else np.array([r[2] or 0.0 for r in rows], dtype=np.float32)
        tables[n] = (keys, logp, backoff)
    return tables


def reference_logprob(context: list[int], word: int, max_order: int = 4) -> float:
    """log10 p(word | context) by the backoff definition: the longest known n-gram, plus the
    backoff weights of the longer contexts that were known."""
    logp = {tuple(_ids(w)): p for n, rows in NGRAMS.items() if n <= max_order for w, p, _ in rows}
    backoff = {tuple(_ids(w)): b or 0.0 for n, rows in NGRAMS.items() if n < max_order for w, _, b in rows}
    backoff.update({(i,): float(b) for i, b in enumerate(UNIGRAM_BACKOFF)})
    context = [c for c in context if c >= 0][-(max_order - 1) :] if max_order > 1 else []

    def walk(ctx: list[int]) -> float:
        if not ctx:
            return UNK_PENALTY if word == 0 else float(UNIGRAM[word])
        if tuple(ctx) in backoff and (*ctx, word) in logp:
            return logp[(*ctx, word)]
        return backoff.get(tuple(ctx), 0.0) + walk(ctx[1:])

    return walk(context)


def _all_queries(width: int = 3) -> tuple[np.ndarray, np.ndarray]:
    """Every context of up to three words (-1 = none) over a few words, against every word."""
    pool = [-1, *range(len(VOCAB))]
    contexts = [
        c for c in itertools.product(pool, repeat=width) if c == tuple(sorted(c, key=lambda x: x >= 0))
    ]
    pairs = [(c, w) for c in contexts for w in range(len(VOCAB))]
    return np.array([c for c, _ in pairs]), np.array([w for _, w in pairs])


@pytest.mark.parametrize("max_order", [2, 3, 4])
def test_model_scores_match_the_backoff_definition(max_order: int) -> None:
    lm = NGramLM.from_ngrams(VOCAB, _tables(max_order), UNIGRAM, UNIGRAM_BACKOFF)
    assert lm.order == max_order
    contexts, words = _all_queries()
    got = lm.logprob(contexts, words)
    expected = [reference_logprob(list(c), int(w), max_order) for c, w in zip(contexts, words, strict=True)]
    np.testing.assert_array_equal(got, np.array(expected))


def test_known_ngram_and_backoff_values() -> None:
    lm = NGramLM.from_ngrams(VOCAB, _tables(), UNIGRAM, UNIGRAM_BACKOFF)
    u, b, n, d = _ids(("ủy", "ban", "nhân", "dân"))
    assert lm.logprob(np.array([[u, b, n]]), np.array([d]))[0] == pytest.approx(-0.015625)
    # "quận" after "ủy ban nhân": no 4-gram, trigram or bigram: three backoffs + unigram
    expected = -0.0625 + -0.125 + -0.125 + -3.0
    assert lm.logprob(np.array([[u, b, n]]), np.array([_ids(("quận",))[0]]))[0] == pytest.approx(expected)
    assert lm.logprob(np.array([[u, b, n]]), np.array([0]))[0] == pytest.approx(-0.0625 - 0.125 - 0.125 - 7.0)


def test_sentence_logprob_prefers_the_known_phrase() -> None:
    lm = NGramLM.from_ngrams(VOCAB, _tables(), UNIGRAM, UNIGRAM_BACKOFF)
    assert lm.sentence_logprob(["ủy", "ban", "nhân", "dân"]) > lm.sentence_logprob(
        ["dân", "nhân", "ban", "ủy"]
    )


def _save_npz(path: Path, code_type: type = np.uint8) -> None:
    """The tiny model in the committed file's format: delta keys, quantised codes + level tables."""
    arrays: dict[str, np.ndarray] = {
        "vocab": np.array("\n".join(VOCAB).encode("utf-8")),
        "logp1": UNIGRAM.astype(np.float16),
        "backoff1": UNIGRAM_BACKOFF.astype(np.float16),
    }
    for n, (keys, logp, backoff) in _tables().items():
        arrays[f"keys{n}_delta"] = np.diff(keys, prepend=np.uint64(0))
        for name, values in (("logp", logp), ("backoff", backoff)):
            if values is None:
                continue
            levels, codes = np.unique(values, return_inverse=True)
            arrays[f"{name}{n}_code"] = codes.astype(code_type)
            arrays[f"{name}{n}_levels"] = levels.astype(np.float32)
    np.savez(path, **arrays)


@pytest.mark.parametrize("code_type", [np.uint8, np.uint16])
def test_model_file_loads_to_the_same_scores(tmp_path: Path, code_type: type) -> None:
    path = tmp_path / "tiny.npz"
    _save_npz(path, code_type)
    loaded = NGramLM.load(path)
    built = NGramLM.from_ngrams(VOCAB, _tables(), UNIGRAM, UNIGRAM_BACKOFF)
    assert loaded.vocab == VOCAB and loaded.order == 4
    contexts, words = _all_queries()
    np.testing.assert_array_equal(loaded.logprob(contexts, words), built.logprob(contexts, words))


def test_packed_rows_score_like_one_row_per_context() -> None:
    lm = NGramLM.from_ngrams(VOCAB, _tables(), UNIGRAM, UNIGRAM_BACKOFF)
    contexts = np.array([[-1, -1, 1], [3, 4, 5], [-1, 3, 4]])
    histories = pack_histories(contexts)
    rows = np.repeat(np.arange(3), len(VOCAB))
    words = np.tile(np.arange(len(VOCAB)), 3)
    np.testing.assert_array_equal(
        lm.logprob_packed(histories, rows, words), lm.logprob(contexts[rows], words)
    )


def test_tagged_keys_of_different_orders_never_collide() -> None:
    # the bigram (ủy, ban) and the 4-gram (<unk>, <unk>, ủy, ban) pack to the same untagged integer
    bigram = tagged_keys(encode_keys(np.array([[3, 4]])), 2)
    fourgram = tagged_keys(encode_keys(np.array([[0, 0, 3, 4]])), 4)
    assert bigram[0] != fourgram[0]


def test_hash_table_finds_every_key_with_its_payloads() -> None:
    rng = np.random.default_rng(7)
    keys = np.unique(rng.integers(0, 2**63, 20_000, dtype=np.uint64))
    clustered = np.arange(1_000, 3_000, dtype=np.uint64)  # consecutive keys: the worst case for a weak hash
    keys = np.unique(np.concatenate([keys, clustered]))
    a = rng.normal(size=len(keys)).astype(np.float32)
    b = rng.normal(size=len(keys)).astype(np.float32)
    table = HashTable.from_values(keys, a, b)
    found, slot = table.slots(keys)
    assert found.all()
    np.testing.assert_array_equal(table.keys[slot], keys)
    np.testing.assert_array_equal(table.payload_a(slot), a)
    np.testing.assert_array_equal(table.payload_b(slot), b)
    absent = np.setdiff1d(rng.integers(0, 2**63, 5_000, dtype=np.uint64), keys)
    found, slot = table.slots(absent)
    assert not found.any()
    assert (slot == table.null_slot).all()
    assert table.payload_a(slot).max() == 0.0 and table.payload_b(slot).min() == 0.0
    assert table.keys[table.null_slot] == EMPTY


def test_hash_table_of_no_keys_finds_nothing() -> None:
    table = HashTable.from_values(np.zeros(0, np.uint64), np.zeros(0), np.zeros(0))
    found, _ = table.slots(np.array([1, 2, 3], dtype=np.uint64))
    assert not found.any()


@pytest.mark.slow
@pytest.mark.skipif(not DEFAULT_MODEL.exists(), reason="committed model absent")
def test_committed_model_finds_its_stored_ngrams() -> None:
    """Every order of the real model: stored n-grams come back with their stored probability."""
    from kehoach.repair.lm import load_default_lm

    lm = load_default_lm()
    rng = np.random.default_rng(3)
    with np.load(DEFAULT_MODEL) as data:
        for n in range(2, lm.order + 1):
            keys = np.cumsum(data[f"keys{n}_delta"], dtype=np.uint64)
            logp = data[f"logp{n}_levels"][data[f"logp{n}_code"]]
            pick = rng.choice(len(keys), 300, replace=False)
            ids = np.stack(
                [(keys[pick] >> np.uint64(16 * (n - 1 - i))) & np.uint64(0xFFFF) for i in range(n)], 1
            )
            got = lm.logprob(ids[:, :-1].astype(np.int64), ids[:, -1].astype(np.int64))
            np.testing.assert_array_equal(got, logp[pick].astype(np.float64))
