"""Sentence stage: split the article's regions into sentences with exact offsets.

Each line of a region (a line, or the part of it before a photo credit) holds one or more sentences;
a bullet ('•', '*') run into the line ends one too, and a capitalised article run into a headline
('... war zone The planes fired') starts one (``[sentences] run_in_openers``; not after a label
such as 'influenza A'). A sentence ends at
``.``, ``!`` or ``?`` (with any closing quotes or brackets) followed by space and a word that does
not start in lower case,
except after an abbreviation (a per-language resource: ``[sentences] abbreviations`` in
``extract/lang/<code>/page.toml``), initials (``H.W.``) or an ellipsis. Numbers (``4.5``, ``2.500``)
never split: no space follows their stop.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from extract import language
from extract.model import Document, Sentence

_LINE = re.compile(r"[^\n]+")
# A stop and the space after it; or a full stop a scraped page ran into the next sentence ("sau.Ngày").
_END = re.compile(r"(?P<stop>\.\.\.|…|[.!?]+)[\"'”’»)\]]*(?=\s|$)|(?P<glued>\.)(?=[^\W\d_])")
_INITIALS = re.compile(r"(?:[^\W\d_]\.)+")
_NOT_A_SPACE = re.compile(r"\S")  # \s is what str.isspace() tells
# A bullet run into a line (a wire story's summary points: "* Police seize trucks * Cargo was ..."),
# also as Markdown escapes it ("\\*").
# A page's separator between a byline, a date stamp and the text ("By Jane Roe | May 19, 2009") too,
# and a dash opening a list's item after a colon ("Some key facts about him: -- He was born in ...").
_BULLET = re.compile(  # a character first
    r"(?=[\\*•▪■►|-])(?:(?:(?<=\s)|^)\\?[*•▪■►|](?=\s)|(?<=:\s)--(?=\s))", re.MULTILINE
)
_OPENERS = "\"'“‘«(["
_LONGEST_WORD = 40  # characters looked back for the word before a full stop


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(language.merged("page", "sentences", "abbreviations"))


@cache
def _run_in() -> re.Pattern:
    """Where a sentence run into the words before it starts (``[sentences] run_in_openers``, before
    a word in lower case, or after a closing quotation mark; ``run_in_prepositions``, before any
    word; ``run_in_items``, a chronology's dated item; ``run_in_after_numbers``, after a number, a
    date closing a caption run on)."""
    openers = "|".join(map(re.escape, language.merged("page", "sentences", "run_in_openers"))) or "(?!)"
    prepositions = (
        "|".join(map(re.escape, language.merged("page", "sentences", "run_in_prepositions"))) or "(?!)"
    )
    items = "|".join(language.merged("page", "sentences", "run_in_items")) or "(?!)"
    after_numbers = (
        "|".join(map(re.escape, language.merged("page", "sentences", "run_in_after_numbers"))) or "(?!)"
    )
    # ... and, after a name, an opener before a name that a word in lower case follows ("... in
    # Port-au-Prince The BBC has started"), where prose would have a stop
    named = rf"(?P<named>(?:{openers})(?: [A-Z][\w'’.-]*){{1,3}} [^\W\d_A-Z]{{2}})"
    starts = rf"(?:{openers}) [^\W\d_A-Z]{{2}}|(?:{prepositions}) [^\W_](?:[^\W_]|\s)|{items}|{named}"
    return re.compile(  # the space tested first: most positions are passed over after one test
        rf"(?= )(?:(?<=[^\W\d_A-Z][^\W\d_A-Z]) (?={starts})|(?<=\d) (?=(?:{after_numbers}) [^\W\d_A-Z]{{2}})"
        # ... and an opener after a closing quotation mark with no stop: a caption's quoted words
        # run into the story ('Ban Ki-moon: "Monitors were shot at" The head of the UN has said')
        rf'|(?<=[^\W\d_]["”]) (?=(?:{openers}) [^\W\d_]))'
    )


def split(doc: Document) -> list[Sentence]:
    """The sentences of ``doc``'s regions, in reading order; ``doc.text[start:end]`` is each one."""
    sentences = []
    common = _common_word_run_in(doc.text, doc.meta.language)
    for start, end in doc.regions:
        for line in _LINE.finditer(doc.text, start, end):  # a line break always ends a sentence
            for item_start, item_end in _items(doc.text, line.start(), line.end(), common):
                for s, e in _spans(doc.text, item_start, item_end):
                    sentences.append(Sentence(s, e, doc.text[s:e]))
    return sentences


def _items(text: str, start: int, end: int, common: re.Pattern | None = None) -> list[tuple[int, int]]:
    """The line's list items: a bullet ('•', '*') ends what comes before it, and is in neither; a
    sentence run into a headline ('... war zone The planes fired') starts one, and so does one
    that a common word opens (``common``, from ``_common_word_run_in``)."""
    items, begin = [], start
    run_ins = [
        m
        for m in _run_in().finditer(text, start, end)
        if not _after_a_label(text, start, m.start())
        and (
            not m["named"]
            or _after_a_name(text, start, m.start())
            or _after_a_plain_word(text, start, m.start())
        )
    ]
    bullets = [
        m
        for m in _BULLET.finditer(text, start, end)
        if m[0] != "--" or _opens_capitalised(text, m.end(), end)
    ]
    if common is not None:
        leads = _common_word_leads()
        run_ins += [
            m
            for m in common.finditer(text, start, end)
            if (word := _word_before(text, start, m.start())).islower() and word not in leads
        ]
    breaks = sorted([*bullets, *run_ins], key=re.Match.start)
    for m in breaks:
        items.append((begin, m.start()))
        begin = m.end()
    items.append((begin, end))
    return items


_CAPITALISED = re.compile(r"(?<=[^\W\d_] )[^\W\d_][^\W\d_]+(?= [^\W\d_])")
_LOWER_CASE = re.compile(r"(?<![\w'’-])[^\W\d_]+(?![\w'’-])")


def _common_word_run_in(text: str, lang: str | None) -> re.Pattern | None:
    """Where a common word capitalised inside a line opens a sentence run into the words before it:
    a headline or caption with no stop ('... adoption papers lost in the earthquake Dozens of
    orphans have been flown'). A word is common when the article writes it in lower case elsewhere
    and capitalises it after a word in lower case nowhere else ('Parliament', a name the article
    keeps capitalised, is not). Only in languages that list ``[sentences] run_in_common_word_leads``:
    Vietnamese capitalises the first word of a name alone ('Liên hợp quốc')."""
    if lang is None or "run_in_common_word_leads" not in language.resource(lang, "page").get("sentences", {}):
        return None
    capitalised = Counter(
        m[0]
        for m in _CAPITALISED.finditer(text)
        if m[0][0].isupper() and m[0][1:].islower() and text[m.start() - 2].islower()
    )
    if not capitalised:
        return None
    lower = {w for w in _LOWER_CASE.findall(text) if w.islower()}
    adjectives = _proper_adjectives()
    common = [w for w, n in capitalised.items() if n == 1 and w.lower() in lower and w not in adjectives]
    if not common:
        return None
    words, joiners = "|".join(map(re.escape, common)), _name_joiners()
    return re.compile(
        rf"(?<=[^\W\d_A-Z][^\W\d_A-Z]) (?=(?:{words}) (?!(?:{joiners}) [^\W_a-z])[^\W\d_A-Z][^\W\d_A-Z])"
    )


@cache
def _proper_adjectives() -> frozenset[str]:
    return frozenset(language.merged("page", "sentences", "run_in_proper_adjectives"))


@cache
def _name_joiners() -> str:
    return "|".join(map(re.escape, language.merged("page", "sentences", "run_in_name_joiners"))) or "(?!)"


@cache
def _common_word_leads() -> frozenset[str]:
    """Words after which a capitalised word is a name, not a sentence's start ('an Internet
    provider', 'told Parliament', 'former Ambassador')."""
    return _name_leads() | frozenset(language.merged("page", "sentences", "run_in_common_word_leads"))


def _opens_capitalised(text: str, at: int, end: int) -> bool:
    """Whether the first word after ``at`` opens with a capital ('-- He was born', not '-- no, they')."""
    following = _NOT_A_SPACE.search(text, at, end)
    return following is not None and following[0].isupper()


@cache
def _labels() -> frozenset[str]:
    return frozenset(language.merged("page", "sentences", "run_in_labels"))


def _word_before(text: str, start: int, at: int) -> str:
    """The word that ends before ``at`` (not before ``start``), or ''."""
    before = text[max(start, at - _LONGEST_WORD) : at].rsplit(None, 1)
    return before[-1] if before else ""


@cache
def _name_leads() -> frozenset[str]:
    return frozenset(language.merged("page", "sentences", "run_in_name_leads"))


@cache
def _name_articles() -> frozenset[str]:
    return frozenset(language.merged("page", "sentences", "run_in_name_articles"))


def _after_a_plain_word(text: str, start: int, at: int) -> bool:
    """Whether an article opens the name at ``at`` and the word before it is in lower case and
    leads into no name in prose ('... swine flu [die] The World Health Organization has'; not
    'told', 'in')."""
    word = _word_before(text, start, at)
    article = text[at + 1 : at + 1 + _LONGEST_WORD].split(" ", 1)[0]
    return article in _name_articles() and word.isalpha() and word.islower() and word not in _name_leads()


def _after_a_name(text: str, start: int, at: int) -> bool:
    """Whether the word before ``at`` is a capitalised name ('Port-au-Prince'; not 'in' or 'told', nor
    a short word of a title in title case: 'We Are The World')."""
    word = _word_before(text, start, at)
    return word[:1].isupper() and len(word) > 3


def _after_a_label(text: str, start: int, at: int) -> bool:
    """Whether the word before ``at`` is one a capital names a kind of ('influenza [A] virus')."""
    return _word_before(text, start, at).casefold() in _labels()


def _spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    begin = start
    for m in _END.finditer(text, start, end):
        if m.end() < end and not _ends_sentence(text, m, begin, end):
            continue
        spans.append((begin, m.end()))
        begin = m.end()
    spans.append((begin, end))
    return [trimmed for span in spans if (trimmed := _trim(text, *span))]


def _ends_sentence(text: str, m: re.Match, begin: int, end: int) -> bool:
    if m["glued"]:  # a word in lower case or an acronym ('phiến quân IS.Các'), then a capitalised
        # word: not 'U.S.Army', 'Time.com', 'TP.HCM'
        after = text[m.end() : m.end() + 2]
        word = text[max(begin, m.start() - _LONGEST_WORD) : m.start()].rsplit(None, 1)[-1:] or [""]
        ends_a_word = word[0][-1:].islower() or (len(word[0]) > 1 and word[0].isalpha() and word[0].isupper())
        return ends_a_word and after[:1].isupper() and after[1:].islower()
    stop = m["stop"]
    if stop in ("...", "…"):
        return False
    # the first character after the spaces, found without copying the rest of the line (a copy
    # for each stop made a long line's split quadratic)
    following = _NOT_A_SPACE.search(text, m.end(), end)
    if following and following[0].islower():
        return False
    if stop == ".":
        word = (
            text[max(begin, m.start() - _LONGEST_WORD) : m.start() + 1].rsplit(None, 1)[-1].lstrip(_OPENERS)
        )
        if word in _abbreviations() or _INITIALS.fullmatch(word):
            return False
    return True


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None
