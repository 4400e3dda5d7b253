"""Symmetric-delete index over the vocabulary's skeletons, in numpy arrays.

OCR candidates need the skeletons one edit from an observed one (SymSpell's trick: two strings are
within one substitution, insertion or deletion, or a moved letter, when deleting at most one letter
from each makes them equal). A Python dict of every skeleton's deletions (~160,000 keys) took 0.2 s
to build, paid by the first OCR text of every process: a third of the time to repair a small scan.
Here each skeleton (at most ``MAX_LEN`` letters) and each of its one-letter deletions is encoded
exactly as an integer (6 bits a letter from the 63 commonest, 0 for padding: no collisions), and
the (code, skeleton) pairs are kept sorted; a lookup is a binary search. The few skeletons with
rarer letters (foreign scripts in the vocabulary) keep a small dict.
"""

from __future__ import annotations

import numpy as np

MAX_LEN = 8  # letters per skeleton; 8 x 6 bits fit in an int64
_BITS = 6
_ID_BITS = 16  # skeletons indexed in the arrays: fewer than 65,536 (the vocabulary has ~37,000)


class DeleteIndex:
    """Skeletons by their deletion variants; :meth:`near` gives the same set a dict index would."""

    def __init__(self, skeletons: list[str]) -> None:
        short = [s for s in skeletons if 0 < len(s) <= MAX_LEN]
        points = np.array(short, dtype=f"<U{MAX_LEN}").view(np.uint32).reshape(len(short), MAX_LEN)
        # the 63 commonest letters get codes 1..63; rows with any other letter go to a plain dict
        letters_seen, counts = np.unique(points[points > 0], return_counts=True)
        alphabet = np.sort(letters_seen[np.argsort(-counts, kind="stable")[: 2**_BITS - 1]])
        self.codes = {chr(int(point)): i + 1 for i, point in enumerate(alphabet)}
        where = np.searchsorted(alphabet, points).clip(0, max(len(alphabet) - 1, 0))
        known = (alphabet[where] == points) if len(alphabet) else np.zeros(points.shape, bool)
        usable = np.all(known | (points == 0), axis=1)
        letters = np.where(points > 0, where + 1, 0).astype(np.int64)[usable]
        kept = [s for s, ok in zip(short, usable.tolist(), strict=True) if ok]
        self.skeletons = np.array(kept, dtype=object)
        self.others: dict[str, list[str]] = {}
        for skeleton in set(skeletons).difference(kept):  # foreign scripts in the vocabulary: a few hundred
            for variant in _variants(skeleton):
                self.others.setdefault(variant, []).append(skeleton)
        ids = np.arange(len(kept), dtype=np.int64)
        keys = [_encode_rows(letters)]
        for position in range(MAX_LEN):  # delete the letter at `position` (padding: the word itself)
            shifted = np.concatenate(
                [letters[:, :position], letters[:, position + 1 :], np.zeros((len(kept), 1), np.int64)],
                axis=1,
            )
            keys.append(_encode_rows(shifted))
        # (key, id) pairs packed in one uint64 (key: 48 bits, id: 16) so one 1-D sort dedups them
        if len(kept) >= 2**_ID_BITS:
            raise ValueError(f"{len(kept)} skeletons do not fit in {_ID_BITS}-bit ids")
        packed = np.unique(
            (np.concatenate(keys).astype(np.uint64) << np.uint64(_ID_BITS))
            | np.tile(ids, MAX_LEN + 1).astype(np.uint64)
        )
        self.keys = (packed >> np.uint64(_ID_BITS)).astype(np.int64)
        self.ids = (packed & np.uint64(2**_ID_BITS - 1)).astype(np.int64)

    def _encode(self, text: str) -> int | None:
        if len(text) > MAX_LEN:
            return None
        value = 0
        for k, ch in enumerate(text):
            code = self.codes.get(ch)
            if code is None:
                return None
            value |= code << (_BITS * k)
        return value

    def near(self, skeleton: str) -> set[str]:
        """Skeletons sharing ``skeleton`` or one of its one-letter deletions as a deletion variant."""
        found: set[str] = set()
        for variant in _variants(skeleton):
            found.update(self.others.get(variant, ()))
            key = self._encode(variant)
            if key is None:
                continue
            lo, hi = np.searchsorted(self.keys, [key, key + 1])
            if hi > lo:
                found.update(self.skeletons[self.ids[lo:hi]])
        return found


def _variants(skeleton: str) -> set[str]:
    """``skeleton`` and each of its one-letter deletions."""
    return {skeleton, *(skeleton[:i] + skeleton[i + 1 :] for i in range(len(skeleton)))}


def _encode_rows(letters: np.ndarray) -> np.ndarray:
    """Each row of letter codes as one integer, letter k in bits 6k..6k+5."""
    shifts = np.arange(letters.shape[1], dtype=np.int64) * _BITS
    return (letters << shifts).sum(axis=1)
