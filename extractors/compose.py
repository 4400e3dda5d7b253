"""Run every extractor over one text, in the order their inputs require, into one :class:`Extraction`.

Order matters twice: dates need the citation spans (a date inside a citation is ``cited``, not a
deadline), and the signer that the header reader finds must appear among the people with the
role ``signer`` even when the people extractor, which needs a name's context, did not see it.
Modules are imported where they are used: a missing extractor fails loudly with its own name.
"""

from __future__ import annotations

from extractors.types import Extraction, Person


def extract_all(text: str) -> Extraction:
    """Every extraction of ``text``; all offsets index into ``text``.

    The extractors read :func:`extractors.reflow.reflow` of the text, in which the line breaks a
    scan left inside sentences are spaces (same length, so offsets hold); the surface ``text`` of
    each date, period and obligation is then cut from ``text`` itself.
    """
    from extractors.reflow import reflow

    flowed = reflow(text)
    extraction = _extract_flowed(flowed, text)
    if flowed != text:
        _restore_surfaces(extraction, text, flowed)
    return extraction


def _extract_flowed(text: str, original: str) -> Extraction:
    """The extraction of the reflowed ``text``; the end block is read from ``original``.

    The signer and the recipients are read line by line from the last 30 lines: joined lines would
    move what that window sees (an annex's table header came into it), so they come from the text
    as given; everything else, the header too, reads better with the sentences whole.
    """
    from extractors.citations import extract_citations
    from extractors.dates import extract_dates
    from extractors.document_meta import extract_document_meta
    from extractors.flat_tables import mark_table_deadlines
    from extractors.indicators import extract_dimensions, extract_indicators, indicator_spans
    from extractors.obligations import article_obligations, extract_obligations, is_article
    from extractors.organizations import extract_organizations
    from extractors.people import extract_people, is_withheld_name, without_cut_names
    from extractors.periods import extract_periods
    from extractors.signature import extract_recipients, extract_signer, extract_signer_title

    document = extract_document_meta(text)
    if text != original:
        document.signer = extract_signer(original)
        document.recipients = extract_recipients(original)
    if document.signer and is_withheld_name(document.signer):
        document.signer = None  # "Bí thư chi bộ … Nguyễn Văn A": a model form's placeholder signs nothing
    # The document's own number is no citation, wherever the text gives it ("(Kèm theo Công văn số ...)").
    citations = [c for c in extract_citations(text) if not document.number or c.number != document.number]
    people = extract_people(text, document.issuer)
    _ensure_signer(people, document.signer, extract_signer_title(original, document.signer or ""))
    people = without_cut_names(people, text)
    dates = mark_table_deadlines(text, extract_dates(text, cited_spans=[(c.start, c.end) for c in citations]))
    # Read once: counted here, the PAPI context of the dimensions, the indicator of each obligation.
    mentions = indicator_spans(text)
    article = is_article(document, text)
    if article:
        # An article reports who was asked to act; it assigns no task itself: its people are mentioned. It has
        # no signature either: a name alone on a last line is a table cell or a byline ("Yên Thành", a commune
        # in a flattened list, heldout28).
        document.signer = None
        people = [p for p in people if p.role != "signer"]
        for person in people:
            person.role = "mentioned" if person.role == "assignee" else person.role
    return Extraction(
        document=document,
        citations=citations,
        dates=dates,
        periods=extract_periods(text),
        indicators=extract_indicators(text, mentions),
        dimensions=extract_dimensions(text, papi_context=any(code == "PAPI" for code, _, _ in mentions)),
        people=people,
        organizations=extract_organizations(text),
        # The header and dates read above, not read again: a date inside a citation is no deadline.
        # A news or Q&A article: only the dated tasks it quotes (extractors.obligations.is_article).
        obligations=(article_obligations if article else extract_obligations)(
            text, document=document, dates=dates, indicator_mentions=mentions
        ),
    )


def _restore_surfaces(extraction: Extraction, text: str, flowed: str) -> None:
    """Give every item whose ``text`` is its span of the reflowed text the span of ``text`` instead."""
    for item in [*extraction.dates, *extraction.periods, *extraction.obligations]:
        if item.text == flowed[item.start : item.end]:
            item.text = text[item.start : item.end]


def _ensure_signer(people: list[Person], signer: str | None, title: str | None = None) -> None:
    """Mark (or add) the header reader's signer as the person with role ``signer``.

    ``title`` is the office the signature line states; it is the signer's title even where a mention
    elsewhere gave a longer one ("Phó CT UBND tỉnh Ngô Hạnh Phúc" in the "Nơi nhận" of the plan that
    "KT. CHỦ TỊCH PHÓ CHỦ TỊCH Ngô Hạnh Phúc" signs: the capacity he signs in, "Phó Chủ tịch").
    """
    if not signer:
        return
    for person in people:
        if person.name == signer:
            person.role = "signer"
            person.title = title or person.title
            return
    people.append(Person(name=signer, title=title, role="signer"))
