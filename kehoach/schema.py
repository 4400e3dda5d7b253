"""The SPEC's extraction JSON as a machine-checkable contract.

``kehoach/resources/extraction.schema.json`` (JSON Schema draft 2020-12) describes the object that
``kehoach extract --format json`` prints. What JSON Schema cannot say — that every ``start``/``end``
lies inside ``text`` and that a date's ``text`` is the surface at its offsets — is checked here, so
one call, :func:`validate_extraction`, answers "is this output what the SPEC promises?" for the
CLI, the evaluation and the tests alike.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match

SCHEMA_RESOURCE = "extraction.schema.json"

#: The lists whose items carry ``start``/``end`` offsets into ``text`` (where the type has them).
OFFSET_LISTS = ("citations", "dates", "periods", "people", "obligations")
#: The lists whose item ``text`` must be exactly ``text[start:end]``.
SURFACE_LISTS = ("dates", "periods")


@cache
def extraction_schema() -> dict[str, Any]:
    """The JSON Schema, read once from the package (it ships as package data)."""
    source = resources.files("kehoach.resources").joinpath(SCHEMA_RESOURCE).read_text(encoding="utf-8")
    return json.loads(source)


@cache
def _validator() -> Draft202012Validator:
    schema = extraction_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def validate_extraction(data: dict[str, Any]) -> None:
    """Raise ``ValueError`` when ``data`` breaks the SPEC's extraction contract; return quietly otherwise.

    The message names the failing path (``citations/0/number``) and jsonschema's own message for
    its most relevant error (``best_match``), so a failing CI line points at the field, not at an
    800-line schema.
    """
    error = _schema_error(data)
    if error is not None:
        raise ValueError(error)
    offset_error = _first_offset_error(data)
    if offset_error is not None:
        raise ValueError(offset_error)


def _schema_error(data: dict[str, Any]) -> str | None:
    error = best_match(_validator().iter_errors(data))
    if error is None:
        return None
    where = "/".join(str(part) for part in error.absolute_path) or "(root)"
    return f"extraction JSON does not match the schema at {where}: {error.message}"


def _first_offset_error(data: dict[str, Any]) -> str | None:
    """The first item whose offsets fall outside ``text`` or whose surface text is not at them."""
    text = data["text"]
    for list_name in OFFSET_LISTS:
        for index, item in enumerate(data[list_name]):
            if "start" not in item:
                continue
            start, end = item["start"], item["end"]
            if not 0 <= start <= end <= len(text):
                return f"{list_name}/{index}: offsets {start}..{end} outside text of length {len(text)}"
            if list_name in SURFACE_LISTS and text[start:end] != item["text"]:
                return f"{list_name}/{index}: text {item['text']!r} is not text[{start}:{end}] {text[start:end]!r}"
    return None
