"""A compact syllable n-gram language model held in numpy arrays.

Built by ``scripts/build_lm.py`` (interpolated modified Kneser-Ney, pruned) and stored as one
``.npz``: the vocabulary, and per order a sorted array of n-gram keys (word ids packed 16 bits each
into a uint64, delta-encoded on disk), 8-bit quantised log10 probabilities and, for orders below
the top, 8-bit quantised log10 backoff weights (256 levels per array: far below the decoder's
resolution). Lookups are vectorised ``np.searchsorted`` calls over all
(hypothesis, candidate) pairs of one decoder step, which is what makes a pure-numpy model fast
enough: Python-level dictionaries of millions of n-grams would cost seconds to load and hundreds of
MB of memory.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

BITS = 16
BOS, EOS, UNK = "<s>", "</s>", "<unk>"
DEFAULT_MODEL = Path(__file__).resolve().parent.parent / "resources" / "lm" / "syllable4.npz"
UNK_PENALTY = -7.0  # log10 p of a word the model has never seen


def encode_keys(ids: np.ndarray) -> np.ndarray:
    """Pack rows of word ids (n columns) into uint64 keys, first word in the high bits."""
    ids = np.asarray(ids, dtype=np.uint64)
    key = np.zeros(ids.shape[0], dtype=np.uint64)
    for col in range(ids.shape[1]):
        key = (key << np.uint64(BITS)) | ids[:, col]
    return key


def _dequantize(data: np.lib.npyio.NpzFile, name: str) -> np.ndarray:
    return data[f"{name}_levels"][data[f"{name}_code"]]


@dataclass(slots=True)
class _Table:
    keys: np.ndarray
    logp: np.ndarray
    backoff: np.ndarray | None

    def find(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(found mask, index) for each key."""
        if len(self.keys) == 0:
            return np.zeros(len(keys), dtype=bool), np.zeros(len(keys), dtype=np.int64)
        idx = np.minimum(np.searchsorted(self.keys, keys), len(self.keys) - 1)
        return self.keys[idx] == keys, idx


class NGramLM:
    """Query side of the model: ``logprob(contexts, words)`` for whole batches."""

    def __init__(self, vocab: list[str], tables: dict[int, _Table], unigram_logp: np.ndarray) -> None:
        self.vocab = vocab
        self.index = {w: i for i, w in enumerate(vocab)}
        self.tables = tables
        self.unigram_logp = unigram_logp
        self.order = max(tables) if tables else 1
        self.unk_id = self.index[UNK]
        self.bos_id = self.index[BOS]
        self.eos_id = self.index[EOS]

    @classmethod
    def load(cls, path: Path = DEFAULT_MODEL) -> NGramLM:
        with np.load(path) as data:
            vocab = bytes(data["vocab"]).decode("utf-8").split("\n")
            unigram = data["logp1"].astype(np.float32)
            tables = {
                1: _Table(
                    np.arange(len(vocab), dtype=np.uint64), unigram, data["backoff1"].astype(np.float32)
                )
            }
            n = 2
            while f"keys{n}_delta" in data:
                keys = np.cumsum(data[f"keys{n}_delta"], dtype=np.uint64)
                backoff = _dequantize(data, f"backoff{n}") if f"backoff{n}_code" in data else None
                tables[n] = _Table(keys, _dequantize(data, f"logp{n}"), backoff)
                n += 1
        return cls(vocab, tables, unigram)

    def word_id(self, word: str) -> int:
        return self.index.get(word, self.unk_id)

    def unigram(self, word: str) -> float:
        wid = self.index.get(word)
        return UNK_PENALTY if wid is None else float(self.unigram_logp[wid])

    def logprob(self, contexts: np.ndarray, words: np.ndarray) -> np.ndarray:
        """log10 p(word | context) with backoff, for K rows. ``contexts`` is (K, order-1), oldest first;
        shorter histories are padded on the left with -1 (no word)."""
        contexts = np.asarray(contexts, dtype=np.int64)
        words = np.asarray(words, dtype=np.int64)
        result = self.unigram_logp[words].astype(np.float64)
        result = np.where(words == self.unk_id, UNK_PENALTY, result)
        # walk from bigram upward: at each order, found n-grams replace the backed-off estimate
        for n in range(2, self.order + 1):
            hist = contexts[:, contexts.shape[1] - (n - 1) :]
            usable = np.all(hist >= 0, axis=1)
            if not usable.any():
                break
            ctx_keys = encode_keys(np.where(hist >= 0, hist, 0))
            ctx_table = self.tables[n - 1]
            ctx_found, ctx_idx = ctx_table.find(ctx_keys)
            ctx_found &= usable
            bo = (
                np.where(ctx_found, ctx_table.backoff[ctx_idx], 0.0) if ctx_table.backoff is not None else 0.0
            )
            full_keys = (ctx_keys << np.uint64(BITS)) | words.astype(np.uint64)
            found, idx = self.tables[n].find(full_keys)
            found &= ctx_found
            # p_n = found ? logp_n : bo(ctx) + p_{n-1}; p_{n-1} is `result`
            result = np.where(found, self.tables[n].logp[idx], result + np.where(usable, bo, 0.0))
        return result

    def sentence_logprob(self, words: list[str]) -> float:
        """Total log10 probability of one sentence, <s> and </s> included (for tests and scoring)."""
        ids = [self.bos_id] + [self.word_id(w) for w in words] + [self.eos_id]
        width = self.order - 1
        contexts = [([-1] * width + ids[:i])[-width:] for i in range(1, len(ids))]
        return float(self.logprob(np.array(contexts), np.array(ids[1:])).sum())


@lru_cache(maxsize=2)
def load_default_lm(path: str = str(DEFAULT_MODEL)) -> NGramLM:
    return NGramLM.load(Path(path))
