"""The text of a document's first pages, for scans that must be a fixed number of pages long.

Benchmarks scan the first page or two of every plan. Cutting the text at a whole source line is not
enough: web copies of official letters often hold the whole body in one paragraph, and the longest
whole-line prefix that fits on one page is then the header alone (34 characters of ground truth; a
photo-quality scan of it reads as nothing at all). Here the paragraph that runs over the last page is
cut after the last word drawn on that page, so the excerpt fills its pages as the full document does.
"""

from __future__ import annotations

from kehoach.synth.render import PageStyle, ground_truth, layout_pages


def first_pages_text(text: str, pages: int, style: PageStyle | None = None) -> str:
    """The source text drawn on the first ``pages`` A4 pages of ``text``, ending with a newline.

    Whole source lines are kept as they are; the line that continues past page ``pages`` is cut after
    the last word drawn on that page (written as drawn: a token too wide for the column, a URL, comes
    back with the breaks the layout put in it). Laid out again, the excerpt draws the same lines on
    the same pages, except that its last line, now a paragraph's last, is left-aligned. A text that
    fits on ``pages`` pages comes back whole.

    A cut can change how the line is laid out (``2. Yêu cầu Các doanh nghiệp ...`` cut to 60 letters
    reads as a bold heading); the excerpt is then laid out again and, if it no longer draws what the
    document draws on those pages, ends before that line instead.
    """
    if pages < 1:
        raise ValueError(f"pages must be at least 1, got {pages}")
    style = style or PageStyle()
    layouts = layout_pages(text, style)
    source_lines = text.replace("\r\n", "\n").replace("\f", "\n").split("\n")
    if len(layouts) <= pages:
        return "\n".join(source_lines).rstrip("\n") + "\n"
    kept = [line for page in layouts[:pages] for line in page.lines]
    if not kept:
        return ""
    last_source = max(line.source_line for line in kept)
    drawn_words = [word for line in kept if line.source_line == last_source for word, _ in line.words]
    whole_line = source_lines[last_source].split()
    if drawn_words == whole_line:
        return "\n".join(source_lines[: last_source + 1]) + "\n"
    excerpt = "\n".join([*source_lines[:last_source], " ".join(drawn_words)]) + "\n"
    if ground_truth(layout_pages(excerpt, style)) == ground_truth(layouts[:pages]):
        return excerpt
    return "\n".join(source_lines[:last_source]) + "\n"
