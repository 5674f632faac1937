"""Clean stage: find the article's text regions without changing any offset.

The page is read line by line. Trailing boilerplate starts at the first line from which the rest
is not the article: a known section marker (related news, gallery, comments, footer), the line
after a closing attribution (``Theo AP, Reuters``), or a closing run of short headline-like lines.
Inside the article, repeated lines (captions appear twice), photo credits, media counters,
share widgets, bylines and attribution lines are left out of the regions; photo captions are
kept, and listed, so that their dates set no year for the story's. Markers are
per-language resources (``extract/lang/<code>/page.toml``); those of every language apply.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import cache

from extract import language
from extract.dateline import dateline, inline_stamps, labelled_date, merge_spans, post_clocks, timestamps
from extract.model import Document, Metadata
from extract.timex.resources import first_characters, searched_by_first_character

MAX_HEADLINE = 150  # characters: longer lines are prose even without a final stop
MIN_PARAGRAPH_WORDS = 8
MAX_CAPTION = 300  # characters: a longer line is paragraphs run together, not one caption
MIN_CLOSING_RUN = 2  # headline-like lines that end a page after the article
MAX_NAME_WORDS = 5  # an author's or agency's name

_FINAL_STOP = set(".!?…")
_CLOSERS = "\"'”’»)]"
_COUNTER = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*/\s*\d{1,2}:\d{2}(?::\d{2})?)?")
# Where a credit may start: the line's start, after a sentence, after a dash or bar ("... - Ảnh: X"),
# or, in brackets, after a space ("... hồi tháng 9 (Ảnh: AFP).").
_CREDIT_START = rf"(?:^|(?<=[.!?…{re.escape(_CLOSERS)}])|\s[-–—|]|\s(?=\())"
_WIDGET_SEPARATOR = r"(?:\s*[|·•/–-]\s*|\s+)"


@dataclass(frozen=True)
class _Markers:
    sections: re.Pattern
    comments: re.Pattern
    footers: re.Pattern
    widget: re.Pattern
    credit: re.Pattern
    leading_credit: re.Pattern
    caption: re.Pattern
    attribution_prefix: re.Pattern
    agency_separator: re.Pattern
    signature: re.Pattern
    byline: re.Pattern


def _alternation(patterns: tuple[str, ...]) -> str:
    """One regex of the resource's patterns; a space in a pattern matches any run of spaces."""
    spaced = (p.replace(" ", r"\s+") for p in patterns)
    return "|".join(f"(?:{p})" for p in spaced) or "(?!)"


@cache
def _markers() -> _Markers:
    def get(section: str, key: str) -> str:
        return _alternation(language.merged("page", section, key))

    widget = rf"(?:{get('widgets', 'words')})(?:\s*\(\d+\))?"
    separators = "|".join(re.escape(s) for s in language.merged("page", "attribution", "separators"))
    return _Markers(
        sections=re.compile(rf"(?:{get('trailing', 'sections')})\s*", re.IGNORECASE),
        comments=re.compile(
            searched_by_first_character(get("trailing", "comments"), re.IGNORECASE), re.IGNORECASE
        ),
        footers=re.compile(get("trailing", "footers"), re.IGNORECASE),
        widget=re.compile(rf"{widget}(?:{_WIDGET_SEPARATOR}{widget})*", re.IGNORECASE),
        credit=re.compile(
            searched_by_first_character(
                rf"{_CREDIT_START}\s*(?P<credit>{get('credits', 'patterns')})\s*$", re.IGNORECASE
            ),
            re.IGNORECASE,
        ),
        leading_credit=re.compile(get("credits", "leading")),
        caption=re.compile(
            searched_by_first_character(get("captions", "patterns"), re.IGNORECASE), re.IGNORECASE
        ),
        attribution_prefix=re.compile(rf"(?:{get('attribution', 'prefixes')})\s+", re.IGNORECASE),
        agency_separator=re.compile(separators or "(?!)", re.IGNORECASE),
        signature=re.compile(rf"(?P<name>[^()]*?)\s*(?:{get('attribution', 'signatures')})", re.IGNORECASE),
        byline=re.compile(get("bylines", "prefixes"), re.IGNORECASE),
    )


@dataclass(frozen=True)
class _Line:
    start: int
    end: int  # without trailing whitespace
    text: str
    content_end: int  # before a trailing photo credit (== start for a credit alone)

    @property
    def content(self) -> str:
        return self.text[: self.content_end - self.start]


def clean(file: str, text: str, meta: Metadata) -> Document:
    """The article's regions in ``text``: everything but boilerplate, repeats and credits."""
    markers = _markers()
    lines = _lines(text, markers)
    kinds = _with_link_lists(lines, [_kind(line, markers) for line in lines])
    stamps = timestamps(text)
    end_index = _body_end_index(lines, kinds, markers)
    body_end = lines[end_index].start if end_index < len(lines) else len(text)

    # A stamp or a page's note inside a line of prose is cut out; timestamp lines keep their date.
    stamps_inside = [
        (a, b) for a, b in inline_stamps(text[:body_end]) if not any(s.start <= a < s.end for s in stamps)
    ]
    notes = [m.span() for m in _notes().finditer(text, 0, body_end)]
    label = labelled_date(text)  # 'date 2019-08' opening an exported page: its date, no article text
    labels = [label[:2]] if label else []
    cuts = merge_spans(stamps_inside + notes + labels + post_clocks(text[:body_end], meta.published))
    if story := dateline(text):  # a headline or a wire's summary run into the dateline is not the story
        cuts = merge_spans([*cuts, (text.rfind("\n", 0, story.start) + 1, story.start)])
    regions: list[tuple[int, int]] = []
    captions: list[tuple[int, int]] = []  # a photo's caption: its dates set no year for the story's
    agencies: list[str] = []
    seen: set[str] = set()
    for i, (line, kind) in enumerate(zip(lines[:end_index], kinds, strict=False)):
        if kind == "attribution":
            agencies.extend(a for a in _agencies(line.text, markers) or () if a not in agencies)
        key = " ".join(line.content.split())
        repeated = key in seen
        seen.add(key)
        if kind or repeated or not key or _signs_attribution(i, lines, kinds):
            continue
        # A timestamp line keeps its date, not a trailing "Updated 2 hours ago".
        end = min([line.content_end] + [s.content_end for s in stamps if s.start <= line.start < s.end])
        pieces = _without(line.start, end, cuts)
        regions.extend(pieces)
        if _is_caption(line, markers):
            captions.extend(pieces)
    meta = replace(meta, attribution=tuple(agencies)) if agencies else meta
    return Document(file, text, meta, tuple(regions), body_end, tuple(captions))


def _is_caption(line: _Line, markers: _Markers) -> bool:
    """A photo's caption: a line closed by a photo credit, or a short one that says it is one."""
    if line.content_end < line.end:
        return True
    return len(line.text) <= MAX_CAPTION and markers.caption.search(line.text) is not None


def _without(start: int, end: int, cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``start:end`` less the ``cuts`` (sorted spans, not overlapping) that fall in it."""
    pieces = []
    for cut_start, cut_end in cuts[max(0, bisect_left(cuts, (start, start)) - 1) :]:
        if cut_start >= end:
            break
        if cut_end <= start:
            continue
        if cut_start > start:
            pieces.append((start, cut_start))
        start = max(start, cut_end)
    if start < end:
        pieces.append((start, end))
    return pieces


@cache
def _notes() -> re.Pattern:
    notes = _alternation(language.merged("page", "furniture", "notes"))
    return re.compile(searched_by_first_character(notes, re.IGNORECASE), re.IGNORECASE)


@cache
def _furniture() -> re.Pattern:
    """Whether a sentence holds any of the patterns: their branches that open at a word boundary
    share one ``\b``, which the engine then tests once at each position instead of once a branch
    (two and a half times faster on prose; only whether there is a match is asked, so the branches'
    order does not count)."""
    spaced = (p.replace(" ", r"\s+") for p in language.merged("page", "furniture", "sentences"))
    branches = [branch for pattern in spaced for branch in _top_level_branches(pattern)]
    at_word = [b.removeprefix(r"\b") for b in branches if b.startswith(r"\b")]
    rest = [b for b in branches if not b.startswith(r"\b")]
    alternatives = [_at_a_word(at_word)] if at_word else []
    return re.compile("|".join(alternatives + [f"(?:{b})" for b in rest]) or "(?!)", re.IGNORECASE)


def _at_a_word(branches: list[str]) -> str:
    """``branches`` after one ``\b``, grouped by the characters each can begin with, and a character
    one of them can begin with tested first: most positions fail one test, and a word's start tries
    only the branches of its letter (three times faster on prose than each branch in turn)."""
    groups: dict[str, list[str]] = {}
    for branch in branches:
        first = first_characters(branch, re.IGNORECASE)
        groups.setdefault(f"(?={first.pattern})" if first else "", []).append(f"(?:{branch})")
    grouped = "|".join(f"{first}(?:{'|'.join(group)})" for first, group in groups.items())
    return searched_by_first_character(rf"\b(?:{grouped})", re.IGNORECASE)


def _top_level_branches(pattern: str) -> list[str]:
    """``pattern`` cut at the ``|`` outside groups and character classes."""
    branches, depth, in_class, start, i = [], 0, False, 0, 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 1  # the escaped character
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            i += pattern[i + 1 : i + 2] == "^"
            i += pattern[i + 1 : i + 2] == "]"  # a ']' first in a class is one of its characters
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            branches.append(pattern[start:i])
            start = i + 1
        i += 1
    return [*branches, pattern[start:]]


def is_furniture(sentence: str) -> bool:
    """Page furniture that reads like prose ('This article appeared on p56 of ...', 'Are you in
    Cairo? Show us ...', 'click here'): a sentence of it tells no happening."""
    return _furniture().search(sentence) is not None


def _lines(text: str, markers: _Markers) -> list[_Line]:
    """Non-blank lines with their spans (surrounding whitespace and a credit run into the line left out)."""
    lines = []
    for m in re.finditer(r"[^\n]+", text):
        raw = m[0]
        stripped = raw.strip()
        if not stripped:
            continue
        start = m.start() + len(raw) - len(raw.lstrip())
        end = start + len(stripped)
        if lead := markers.leading_credit.match(stripped):
            start, stripped = start + lead.end(), stripped[lead.end() :]
        credit = markers.credit.search(stripped)
        content_end = start + len(stripped[: credit.start()].rstrip()) if credit else end
        lines.append(_Line(start, end, stripped, content_end))
    return lines


# A short line that closes with a separator: an item of a list of links
_LINK_ITEM = re.compile(r"\S\s+[-|·»]\s*$")
LINK_ITEM_WORDS = 30
LINK_LIST_LINES = 3  # ... when so many follow each other ('Tin A -', 'Tin B -', 'Tin C -')


def _with_link_lists(lines: list[_Line], kinds: list[str | None]) -> list[str | None]:
    """``kinds`` with the runs of link items (``LINK_LIST_LINES`` or more lines in a row) marked
    as such: the headlines of other stories, whose dates are theirs."""
    items = [
        kind is None and len(line.text.split()) <= LINK_ITEM_WORDS and bool(_LINK_ITEM.search(line.text))
        for line, kind in zip(lines, kinds, strict=True)
    ]
    marked = list(kinds)
    for is_item, run in itertools.groupby(range(len(lines)), key=lambda i: items[i]):
        run_lines = list(run)
        if is_item and len(run_lines) >= LINK_LIST_LINES:
            for i in run_lines:
                marked[i] = "links"
    return marked


def _kind(line: _Line, markers: _Markers) -> str | None:
    """What a line is when it is not article text (None for article text)."""
    text = line.text
    if line.content_end == line.start:
        return "credit"
    if _COUNTER.fullmatch(text):
        return "counter"
    if markers.sections.fullmatch(text):
        return "section"
    if markers.widget.fullmatch(text):
        return "widget"
    if markers.footers.match(text):
        return "footer"
    if markers.comments.search(text):
        return "comments"
    if _agencies(text, markers) is not None:
        return "attribution"
    if (m := markers.signature.fullmatch(text)) and _is_name(m["name"]):
        return "signature"
    if markers.byline.match(text) and _is_headline(text) and len(text.split()) <= MAX_NAME_WORDS + 2:
        return "byline"
    return None


def _agencies(text: str, markers: _Markers) -> tuple[str, ...] | None:
    """The agencies of an attribution line (``Theo AP, Reuters``, ``Minh Châu (theo AFP)``), else None."""
    inner = text.rstrip(".")
    if m := re.fullmatch(r"(?P<name>[^()]*?)\s*\((?P<inner>[^()]+)\)", inner):
        if m["name"] and not _is_name(m["name"]):
            return None
        inner = m["inner"]
    prefix = markers.attribution_prefix.match(inner)
    if not prefix:
        return None
    names = [n.strip() for n in markers.agency_separator.split(inner[prefix.end() :])]
    if names and all(_is_name(n) for n in names):
        return tuple(names)
    return None


def _is_name(text: str) -> bool:
    """A short capitalised name without sentence punctuation: ``Reuters``, ``Tân Hoa Xã``, ``Minh Châu``."""
    words = text.split()
    return (
        0 < len(words) <= MAX_NAME_WORDS
        and (words[0][0].isupper() or words[0][0].isdigit())
        and not any(ch in ".!?:;," for ch in text)
    )


def _signs_attribution(i: int, lines: list[_Line], kinds: list[str | None]) -> bool:
    """An author's name alone on the line just before an attribution line (``Thanh Tùng``)."""
    return i + 1 < len(lines) and kinds[i + 1] == "attribution" and _is_name(lines[i].text)


def _is_paragraph(line: _Line) -> bool:
    content = line.content.rstrip(_CLOSERS)
    return len(line.content.split()) >= MIN_PARAGRAPH_WORDS and content[-1:] in _FINAL_STOP


def _is_headline(text: str) -> bool:
    """Short and without a final stop: a title, a link, a name."""
    return len(text) <= MAX_HEADLINE and text.rstrip(_CLOSERS)[-1:] not in _FINAL_STOP


def _body_end_index(lines: list[_Line], kinds: list[str | None], markers: _Markers) -> int:
    """Index of the first line of trailing boilerplate (``len(lines)`` when there is none)."""
    paragraphs = 0
    end = len(lines)
    for i, (line, kind) in enumerate(zip(lines, kinds, strict=True)):
        # A comment counter near the top is a widget, not the comments block.
        widget_near_top = paragraphs < 2 and markers.widget.fullmatch(line.text)
        if paragraphs and kind in ("section", "footer", "comments") and not widget_near_top:
            end = i
            break
        if paragraphs and kind in ("attribution", "signature"):
            following = next((j for j in range(i + 1, len(lines)) if kinds[j] != "attribution"), len(lines))
            if following == len(lines) or not _is_paragraph(lines[following]):
                end = following
                break
        if kind is None and _is_paragraph(line):
            paragraphs += 1
    return min(end, _closing_run_start(lines, kinds, end))


def _closing_run_start(lines: list[_Line], kinds: list[str | None], end: int) -> int:
    """Start of a run of headline-like lines that closes the page (related links), else ``end``."""
    start = end
    headlines = 0
    while start > 0 and (kinds[start - 1] or _is_headline(lines[start - 1].text)):
        start -= 1
        headlines += kinds[start] is None
    has_article = any(
        kind is None and _is_paragraph(line) for line, kind in zip(lines[:start], kinds, strict=False)
    )
    if headlines >= MIN_CLOSING_RUN and has_article:
        return start
    return end
