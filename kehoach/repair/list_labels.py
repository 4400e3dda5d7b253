"""Item labels of lettered lists whose ``đ`` lost its stroke.

Vietnamese legal and administrative lists are lettered ``a) b) c) d) đ) e) g) h) i) k) ...``: with
the stroke stripped, ``d)`` and ``đ)`` look the same, and no language model can tell them apart at
the start of a line (both are common there). The order of the list can: the label after ``c)`` is
``d)``, the one after ``d)`` is ``đ)``.
"""

from __future__ import annotations

import re

_LABEL = re.compile(r"^(\s*[\"“(]?)([a-zA-ZđĐ])(\))")  # "a) ...", "“đ) ...": a lettered item
_NEXT_AFTER = {"c": "d", "d": "đ"}  # the label that follows, where d/đ is in question
_SUB_ITEM = ("-", "+", "•", "*")  # bullets inside a lettered item do not end its list


def fix_list_labels(original: list[str], repaired: list[str], changed: set[int]) -> list[str]:
    """``repaired`` with the ``d)`` labels of repaired lines (``changed``) set from the list's order.

    A label is only decided when the previous item of the same list (no paragraph between them but
    sub-bullets) is ``c)`` or ``d)``; a line that was not repaired is never touched, but its label
    still counts as the previous one."""
    out = list(repaired)
    previous: str | None = None
    for i, line in enumerate(repaired):
        m = _LABEL.match(line)
        if m is None:
            if line.strip() and not line.lstrip().startswith(_SUB_ITEM):
                previous = None  # a paragraph between two labels: the next one may start a new list
            continue
        label = m.group(2)
        observed = _LABEL.match(original[i])
        if i in changed and observed is not None and observed.group(2) in "dD" and previous in _NEXT_AFTER:
            wanted = _NEXT_AFTER[previous]
            label = wanted.upper() if observed.group(2).isupper() else wanted
            out[i] = line[: m.start(2)] + label + line[m.end(2) :]
        previous = label.lower()
    return out
