"""Event stage: one event per happening reported at a determinable time.

A sentence yields an event for each distinct date that governs one of its clauses: a time
expression naming a point or period (not a duration, set or vague reference) in a clause that
reports a happening, not a state, a forecast, a deadline, a comparison point or page chrome.
The lead's news with 'has just' ('vừa') and no date of its own is dated by the publication
date. Events told twice in one article are merged (``extract.merge``).
"""

from __future__ import annotations

import hashlib
import itertools
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from datetime import timedelta
from functools import cache
from typing import NamedTuple

from extract.actors import (
    acting_mentions,
    actors_in,
    is_story,
    last_actor,
    parties,
    people_in,
    people_sides,
    relevance,
)
from extract.categories import ATTACK_ON_PARTY, OTHER, STATEMENT, Category, Cue, categories, choose, cues_in
from extract.clean import is_furniture
from extract.lexicon import Lexicon, Match, all_actor_aliases, indexed, lexicon, remembered, remembered_whole
from extract.merge import merge
from extract.model import Document, Event, Sentence, Source, Timex
from extract.period import Period, period
from extract.titles import (
    MAX_ATTRIBUTION_TAIL_WORDS,
    WORD_REACH,
    after_spaces,
    dates_an_apposition,
    is_aside_before_predicate,
    is_past_participle,
    joins_two_times,
    lists_names,
    may_be_a_clause,
    named_happening_span,
    names_a_happening,
    opens_a_subject,
    pairs_two_names,
    starts_a_span,
    subordinate_start,
    tells_a_predicate,
    time_apposition_end,
    title,
    word_before,
)

_QUESTION = re.compile(r"\?[\"'”’»)\]]*\s*$")
_STOPPED = re.compile(r"[.!?][\"'”’»)\]]*\s*$")  # a sentence's closing stop, perhaps before a quote
LEAD_SENTENCES = 2  # sentences of the lead that may carry the news of the day ('vừa')
FRONTED_WORDS = 2  # a clause with at most this many words besides its date is an adverbial
SUBORDINATOR_WORDS = 3  # a clause of time opens with its subordinator within this many words
CHROME_WORDS = 3  # a sentence with fewer words besides its dates is page chrome
CHROME_MARKED_WORDS = 8  # ... or with a chrome word and fewer than this
DATELINE_CHARS = 80
NOUN_WORDS = 2  # a determiner this many words before a cue makes it a noun ('a military attack')
REPORT_WORDS_BEFORE = 1  # 'said on Thursday': the saying's date
LIST_ITEM_WORDS = 6  # 'the United States, [Britain and France]': an item of a list of names
CLOCK_BEFORE_CHARS = 30  # a stamp's time of day stands this near before its date
COUNT_CHARS = 40  # enough to read a count that opens a clause ('tens of thousands of')
_BASELINE_OPENERS = ("subordinators", "title_subordinators")  # 'since' too opens a clause of time
COPULA_CHARS = 20  # enough for a copula right after a time ('has been') or before it ('it was')
TIME_PHRASE_WORDS = 5  # words of a phrase of time between a dummy subject's copula and its time
TIME_PHRASE_CHARS = 40  # ... and how far they reach
TELLER_CHARS = 60  # enough for who gives a count and the verb ('The UN refugee agency estimates')
CHANGE_CHARS = 30  # enough for a change's verb and 'since' right before a date ('quadrupled since')
TURN_CHARS = 30  # how far after a deadline's time a word that turns it into a happening's time stands
RECORD_WORDS = 5  # words between a superlative and "since" ('the highest borrowing costs since')
REPORT_WORDS_AFTER = 4  # 'Hôm nay (5/1), Lầu Năm Góc cho biết'
THING_CHARS = 30  # a dated thing's name right before its year ('nghị quyết năm 2002')
THING_MODIFIERS = 2  # words of a thing's own between its year and it ('the 2012 [defense spending] bill')
CHAINED_WORDS = 1  # a cue this close after a named happening's cue is part of it ('vụ Mỹ không kích giết')
NOMINALISERS = ("nominalisers", "clause_nominalisers")  # marker kinds naming a happening as a noun
_DOUBLE_HYPHEN = re.compile(r"\s--\s")
_EDGE_MARKS = ".,;:!?\"'“”‘’()[]"  # punctuation at a word's edges
# Commas (not the one in 2,500), semicolons, colons (not the one in 16:53), spaced dashes and
# quotes end a clause; an aside in brackets belongs to its clause. (The lookahead passes over most
# positions after one test.)
_CLAUSE_BREAK = re.compile(r"(?=[,;:\s“”\"])(?:(?<!\d),|,(?!\d)|;|(?<!\d):|:(?!\d)|\s[-–—]\s|[“”\"]|\s--\s)")
_QUOTED_NAME = re.compile(r"[“\"][^“”\"\n]{1,60}[”\"]")  # a name in quotation marks after its head noun
HEAD_CHARS = 20  # the head noun of a quoted name, right before it ('tờ', 'chương trình')
_SHORT_QUOTE = re.compile(r"(?<=\w )[“\"](?:[^\W\d_][\w'’-]* ?){1,4}[”\"](?= \w)")
_DATELINE_BREAK = re.compile(r"\s(?:--|[-–—])\s")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_WIDER_THAN_A_YEAR = ("decade", "century", "span", "unknown")  # no bound of a range of dates
_POSSESSIVE_END = re.compile(r"['’]s?$")
_SOURCE_PHRASE_END = re.compile(r"[,;:()]|\s[-–—]+\s")  # where an attribution's phrase ends
_YEAR_WRITTEN = re.compile(r"\d{4}|['’]\d{2}\b")
_BRACKET = re.compile(r"\([^()\n]*\)")
_QUOTES = '"“”'
_TOKEN = re.compile(r"[^\W\d_][\w'’.-]*")  # a word with its abbreviation dots ('U.S.')
_SENTENCE_END = re.compile(r"[.!?…][\"”’)\]]*\s*$")
_FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")  # a day with its year
_STAMP_OPENERS_RUN = re.compile(r"[\s\"'“‘«(\[]*")  # what may stand before a stamp that opens a sentence
_CLOCK_BEFORE = re.compile(r"(?<!\d)\d{1,2}[:.h]\d{2}(?!\d)[^\d.!?]{0,16}$")  # '15:00 UK time, '
_STAMP_JOINERS = re.compile(r"[ ;,]*")  # between a stamp's date and its time


class Clause(NamedTuple):  # a sentence's clauses are cut again and again: a tuple is cheapest to make
    start: int
    end: int
    main: int = -1  # where the main clause starts, after fronted dates and clauses of time

    @property
    def main_start(self) -> int:
        return max(self.main, self.start)


def build_events(doc: Document, sentences: Sequence[Sentence], timexes: Sequence[Timex]) -> list[Event]:
    """The article's events, one per happening, each with its passage and time expression."""
    lex = lexicon(doc.meta.language)
    article = unicodedata.normalize("NFC", "\n".join(doc.text[s:e] for s, e in doc.regions))
    people = people_sides(article, lex)
    headline = doc.meta.title or ""
    frame = actors_in(headline, 0, len(headline), people)
    builder = _Builder(doc, lex, people, frame, is_story(article, frame, people))
    inside = [s for s in sentences if _in_regions(doc.regions, s.start, s.end)]
    lead = _lead(inside)
    day_published = doc.meta.published.split("T")[0] if doc.meta.published else None
    published = period(day_published) if day_published else None
    # Time expressions by offset: each sentence finds its own by bisection, so cost stays linear.
    timexes = sorted(timexes, key=lambda t: (t.start, t.end))
    starts = [t.start for t in timexes]
    # an article told in its photos' captions (most of its text) has its story there
    slideshow = 2 * sum(e - s for s, e in doc.captions) > sum(e - s for s, e in doc.regions)
    events: list[Event] = []
    with indexed(doc.text):  # the sentences' many searches look where their phrases' words stand
        for at, sentence in enumerate(inside):
            first, last = bisect_left(starts, sentence.start), bisect_left(starts, sentence.end)
            own = [t for t in timexes[first:last] if t.end <= sentence.end]
            if sentence not in lead and not _dated(own):
                continue  # no date and no news of the lead's: nothing to tell (most sentences of an article)
            if sentence not in lead and is_furniture(sentence.text):
                continue  # page furniture (the lead has none)
            if not slideshow and _in_regions(doc.captions, sentence.start, sentence.end):
                continue  # a photo's caption tells of the picture, often of another day or place
            if _is_chrome(doc.text, sentence, own, lex) or _QUESTION.search(sentence.text):
                continue  # page chrome, or a question: asked, not told
            if at and (when := _dating_opener(doc.text, sentence, own, lex)):
                # 'Egypt and Israel signed a peace treaty. That was back in 1979, ...': the date of what
                # the sentence before told, which gave no date of its own
                before = inside[at - 1]
                undated = timexes[bisect_left(starts, before.start) : first]
                if _tells_undated(doc.text, before, sentence, undated, lex):
                    events.append(_dated_by_the_next(doc.text, builder, before, sentence, when, own))
                    continue
            told = _governing(doc.text, sentence, own, published, lex)
            scheduled = [t for t, _, plan in told if plan and _a_time_to_come(t, published)]
            governing = [
                (t, c) for t, c, plan in told if t in scheduled or not (plan or _planned(t, published, lex))
            ]
            governing = _without_report_dates(
                doc.text, _joined_dates(doc.text, governing, lex), scheduled, lex
            )
            subordinate = _subordinate_clauses(doc.text, sentence, own, lex) if governing else []
            named = _named_happenings(doc.text, sentence, [t for t, _ in governing], lex)
            for timex, clause in governing:
                # the words of the sentence's other happenings and of its clauses of time are not this one's
                others = [c for _, c in governing if c != clause]
                others += [c for c in subordinate if not c.start <= timex.start < c.end]
                # ... nor are the sides of another's noun phrase ('unlike the 2003 invasion of Iraq')
                elsewhere = [n for n in named if not n.start <= timex.start < n.end]
                status = "scheduled" if _holds(timex, scheduled) else "happened"
                event = builder.event(
                    sentence, clause, _date(timex), timex.mod, timex, others, own, elsewhere, status
                )
                events.append(event)
            if not governing and at and (echo := _echoed_date(doc.text, sentence, own, published, lex)):
                # 'X đã bị tấn công. Nguồn tin cho biết như vậy hôm nay (26/6).': the day the source
                # told what the sentence before tells, which gave no date of its own
                before = inside[at - 1]
                undated = timexes[bisect_left(starts, before.start) : first]
                if _tells_undated(doc.text, before, sentence, undated, lex):
                    events.append(_dated_by_the_next(doc.text, builder, before, sentence, echo, own))
            if not governing and sentence in lead and day_published and not _dated(own):
                marker = _has_just(sentence, lex)
                if marker and published and published.dated:
                    clause = Clause(*_dateline_end(doc.text, sentence, []))
                    events.append(builder.event(sentence, clause, day_published, None, marker))
    return merge(events)


def _echoed_date(
    text: str, sentence: Sentence, own: Sequence[Timex], published: Period | None, lex: Lexicon
) -> Timex | None:
    """The date of a source saying again what came before ('Nguồn tin cho biết như vậy hôm nay
    (26/6)', 'officials said as much on Monday'), when the sentence tells nothing else."""
    echoes = lex.marker("echoes").find(text, sentence.start, sentence.end)
    dates = [t for t in own if _is_date(t) and not _planned(t, published, lex)]
    if not echoes or len(dates) != 1 or tells_a_predicate(text, sentence.start, echoes[0].start, lex):
        return None
    return dates[0]


def _dated_by_the_next(
    text: str, builder: _Builder, told: Sentence, dating: Sentence, when: Timex, own: Sequence[Timex]
) -> Event:
    """The happening ``told`` tells, dated by ``when`` in the sentence after it (``dating``)."""
    both = Sentence(told.start, dating.end, text[told.start : dating.end])
    return builder.event(both, Clause(told.start, told.end), _date(when), when.mod, when, (), own)


def _dating_opener(text: str, sentence: Sentence, own: Sequence[Timex], lex: Lexicon) -> Timex | None:
    """The date of a sentence that opens by dating what came before it ('That was back in 1979',
    'Đó là vào năm 1979'): one of the language's ``dating_openers``, then only words that lead into
    a time, then a date."""
    start = after_spaces(text, sentence.start)
    opener = lex.marker("dating_openers").opening(text, start, sentence.end)
    if opener is None:
        return None
    date = next((t for t in own if t.start >= opener.end and _is_date(t)), None)
    lead_ins = lex.marker("title_lead_ins")
    if date is None or not all(_is_one_of(lead_ins, w) for w in _WORD.findall(text, opener.end, date.start)):
        return None
    return date


def _tells_undated(text: str, told: Sentence, echo: Sentence, timexes: Sequence[Timex], lex: Lexicon) -> bool:
    """Whether ``told``, right before ``echo`` in its paragraph, tells something and dates nothing."""
    return (
        "\n" not in text[told.end : echo.start]
        and not _dated([t for t in timexes if t.end <= told.end])
        and not _QUESTION.search(told.text)
        and not is_furniture(told.text)
        and tells_a_predicate(text, told.start, told.end, lex)
    )


def _named_happenings(text: str, sentence: Sentence, dates: Sequence[Timex], lex: Lexicon) -> list[Clause]:
    """The noun phrases that ``dates`` name happenings in ('a different operation than [the 2003
    invasion of Iraq]'): their sides are not those of another happening of the sentence."""
    return [
        Clause(*span) for timex in dates if (span := named_happening_span(text, timex, sentence.end, lex))
    ]


def _outside_spans(start: int, end: int, others: Sequence[Clause]) -> list[tuple[int, int]]:
    """``start:end`` less the parts the clauses ``others`` cover."""
    spans, at = [], start
    for other in sorted(others, key=lambda c: c.start):
        if other.end <= at or other.start >= end:
            continue
        if other.start > at:
            spans.append((at, other.start))
        at = max(at, other.end)
    if at < end:
        spans.append((at, end))
    return spans


def _actors_in_spans(text: str, spans: Sequence[tuple[int, int]], people: dict[str, str]) -> list[str]:
    return list(dict.fromkeys(actor for a, b in spans for actor in actors_in(text, a, b, people)))


def _planned(timex: Timex, published: Period | None, lex: Lexicon) -> bool:
    """Whether ``timex``, read against the publication, lies wholly after it: what the article could
    only plan or expect ('a meeting of ministers on Thursday', 'the concert takes place on 8
    October', 'next year'), or says it is still to come ('cuối tháng Tám tới', 'later this month'),
    publication known or not. A date written with its year stands: a page's own date may be wrong."""
    if any(m.end == len(timex.text) for m in lex.marker("time_to_come").find(timex.text)):
        return True
    if _opens(lex.marker("time_to_come_openers"), timex.text):
        return True  # 'later this month': the part of the period after the writing
    if _YEAR_WRITTEN.search(timex.text):
        return False
    when = period(_date(timex))
    return bool(published and published.end and when.start and when.start > published.end)


def _holds(timex: Timex, scheduled: Sequence[Timex]) -> bool:
    """Whether ``timex`` is a scheduled date, or a span joined from one ('on Friday and Saturday')."""
    return any(timex.start <= t.start < timex.end for t in scheduled)


def _a_time_to_come(timex: Timex, published: Period | None) -> bool:
    """Whether ``timex`` names a whole day, or a month with its year written ('từ tháng 9/2025',
    'in June 2026'), not over before the day of publication: the time of a schedule the article tells
    (a vaguer time, 'next year', 'later this month', is no schedule). With no publication date, a
    time with its year written is taken as the plan tells it."""
    when = period(_date(timex))
    fixed = when.precision == "day" or (when.precision == "month" and _YEAR_WRITTEN.search(timex.text))
    if not (published and published.start):
        return bool(fixed and when.start and _YEAR_WRITTEN.search(timex.text))
    return bool(fixed and when.end and when.end >= published.start)


def _lead(inside: Sequence[Sentence]) -> list[Sentence]:
    """The first sentences of the article (``LEAD_SENTENCES``, whole sentences, no furniture)."""
    lead: list[Sentence] = []
    for sentence in inside:
        if len(lead) == LEAD_SENTENCES:
            break
        if _SENTENCE_END.search(sentence.text) and not is_furniture(sentence.text):
            lead.append(sentence)
    return lead


def _in_regions(regions: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``start:end`` lies inside one of ``regions`` (sorted, not overlapping)."""
    i = bisect_right(regions, (start, float("inf"))) - 1
    return i >= 0 and regions[i][0] <= start and end <= regions[i][1]


def _date(timex: Timex) -> str:
    """The date of a TIMEX3 value: a time of day (2010-08-31TEV) dates its day."""
    return timex.value.split("T")[0] if timex.type == "TIME" else timex.value


def _is_date(timex: Timex) -> bool:
    """A point or period in time, or a day/month of unknown year; not a duration, set or ref."""
    if timex.type not in ("DATE", "TIME"):
        return False
    value = _date(timex)
    return period(value).precision != "unknown"


def _dated(timexes: Sequence[Timex]) -> bool:
    return any(_is_date(t) for t in timexes)


def _words(text: str) -> int:
    return len(_WORD.findall(unicodedata.normalize("NFC", text)))


def _outside(text: str, start: int, end: int, timexes: Sequence[Timex]) -> str:
    """``text[start:end]`` with the time expressions blanked out."""
    pieces, at = [], start
    for t in sorted(timexes, key=lambda t: t.start):
        a, b = max(t.start, at), min(t.end, end)
        if a < b:
            pieces += [text[at:a], " " * (b - a)]
            at = b
    pieces.append(text[at:end])
    return "".join(pieces)


def _is_chrome(text: str, sentence: Sentence, timexes: Sequence[Timex], lex: Lexicon) -> bool:
    """A timestamp line, a byline with a date, a copyright line: no article sentence. So is a short
    label that closes with its time, with no stop after it, and tells nothing done ('Các Website
    khác - 21/10/2005', '[Breaking news update 8:58 a.m.]'; not 'Rebels reject the plan the next day.',
    whose verb no word form tells)."""
    rest = _outside(text, sentence.start, sentence.end, timexes)
    words = _words(rest)
    if words < CHROME_WORDS or (words < CHROME_MARKED_WORDS and bool(lex.marker("chrome").find(rest))):
        return True
    return (
        words < CHROME_MARKED_WORDS
        and bool(timexes)
        and not _words(text[timexes[-1].end : sentence.end])
        and not _STOPPED.search(text, timexes[-1].end, sentence.end)
        and not tells_a_predicate(text, sentence.start, sentence.end, lex)
        and not cues_in(text, sentence.start, sentence.end, lex)
    )


def _dateline_end(text: str, sentence: Sentence, timexes: Sequence[Timex]) -> tuple[int, int]:
    """The sentence without its dateline ('WASHINGTON, Oct 1 (Wire) -', '(Outlet) -')."""
    m = _DATELINE_BREAK.search(text, sentence.start, min(sentence.end, sentence.start + DATELINE_CHARS))
    if m:
        prefix = _outside(text, sentence.start, m.start(), timexes)
        prefix = re.sub(r"\([^)]*\)", " ", prefix)
        if all(w[0].isupper() for w in _WORD.findall(prefix)):
            return m.end(), sentence.end
    return sentence.start, sentence.end


def _clauses(text: str, start: int, end: int, timexes: Sequence[Timex], lex: Lexicon) -> list[Clause]:
    """The sentence cut at punctuation, never inside a time expression ('Sept. 27, 2024'); kept
    for the sentence's other askers (its dates' clauses, its clauses of time)."""
    spans = tuple((t.start, t.end) for t in timexes)
    return list(remembered(text, ("clauses", start, end, spans), _cut_clauses, text, start, end, spans, lex))


def _cut_clauses(
    text: str, start: int, end: int, times: tuple[tuple[int, int], ...], lex: Lexicon
) -> list[Clause]:
    cuts = [start]
    # a few words in quotation marks inside a clause ('held "frank and friendly" talks') are no
    # quotation, unless a time follows them: it is the clause's ('hứa ... sẽ rời “sớm” hôm 20/8');
    # capitalised, they are a name whatever follows ('Báo "Tin Sông" ngày 24/12 cho biết')
    time_starts = {a for a, _ in times}
    heads = lex.marker("quoted_name_heads")
    scare_quotes = {  # ... nor is the name of a paper, a show or a campaign ('Báo "Người hướng dẫn ..."')
        at
        for m in _QUOTED_NAME.finditer(text, start, end)
        if any(
            not text[h.end : m.start()].strip()
            for h in heads.find(text, max(start, m.start() - HEAD_CHARS), m.start())
        )
        for at in (m.start(), m.end() - 1)
    }
    scare_quotes |= {
        at
        for m in _SHORT_QUOTE.finditer(text, start, end)
        if after_spaces(text, m.end()) not in time_starts or all(w[0].isupper() for w in _WORD.findall(m[0]))
        for at in (m.start(), m.end() - 1)
    }
    told_asides = _told_asides(text, start, end, times, lex)
    for m in _CLAUSE_BREAK.finditer(text, start, end):
        if (
            "--" in m[0]
            and not _opens_with_a_time(text, m.end(), end, time_starts, lex)
            and m.start() not in told_asides
        ):
            # a double hyphen cuts only before a time ('-- 32 years ago today, the shah fell') or
            # around an aside that tells a dated happening of its own ('-- he sent tanks into Deraa on
            # April 25 --')
            continue
        if (
            not any(a <= m.start() < b for a, b in times)
            and m.start() not in scare_quotes
            and not pairs_two_names(text, m.start(), m.end(), lex)
            and not lists_names(text, m.start(), lex)
        ):
            cuts += [m.start(), m.end()]
    cuts.append(end)
    clauses = [Clause(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=True) if text[a:b].strip()]
    return clauses or [Clause(start, end)]


def _told_asides(
    text: str, start: int, end: int, times: tuple[tuple[int, int], ...], lex: Lexicon
) -> set[int]:
    """Where the double hyphens stand that open and close an aside holding a time, a subject and a
    predicate ('-- he sent tanks into Deraa on April 25 --'; not a participle's '-- conducted from May 20
    to June 4 --')."""
    hyphens = list(_DOUBLE_HYPHEN.finditer(text, start, end))
    return {
        at
        for first, second in itertools.pairwise(hyphens)
        if any(first.end() <= a < second.start() for a, _ in times)
        and opens_a_subject(text, first.end(), lex)
        and tells_a_predicate(text, first.end(), second.start(), lex)
        for at in (first.start(), second.start())
    }


def _is_bare_attribution(text: str, clause: Clause, cues: Sequence[Cue], lex: Lexicon) -> bool:
    """Whether ``clause`` only says who reported what the sentence told before it, after a comma
    ('..., the Pentagon announced Monday'; not '..., though France said on Monday it hoped ...')."""
    if not cues or any(c.category != STATEMENT for c in cues):
        return False
    before = text[max(0, clause.start - 2) : clause.start].strip()
    after = _WORD.findall(text, cues[-1].end, clause.end)
    return (
        before.endswith(",")
        and len(after) <= MAX_ATTRIBUTION_TAIL_WORDS
        and not tells_a_predicate(text, cues[-1].end, clause.end, lex)
    )


def _opens_with_a_time(text: str, at: int, end: int, time_starts: set[int], lex: Lexicon) -> bool:
    """Whether a time expression opens ``text[at:end]``, perhaps after its lead-in ('in May 2029')."""
    at = after_spaces(text, at)
    lead_in = lex.marker("title_lead_ins").opening(text, at, end)
    return at in time_starts or (lead_in is not None and after_spaces(text, lead_in.end) in time_starts)


def _at_coordinated_predicates(
    text: str, clauses: list[Clause], timexes: Sequence[Timex], lex: Lexicon
) -> list[Clause]:
    """``clauses`` cut where a coordinator between two dates opens a predicate of its own ('was
    ousted in April 2003 [and] captured in December', 'lật đổ tháng 4-2003 [và] bị lính Mỹ bắt hồi
    tháng 12'): each date has its own happening."""
    cut: list[Clause] = []
    for clause in clauses:
        dates = [t for t in timexes if clause.start <= t.start < clause.end]
        start = clause.start
        for first, second in itertools.pairwise(dates):
            joins = lex.marker("title_coordinators").find(text, first.end, second.start)
            following = [(m, _WORD.match(text, after_spaces(text, m.end))) for m in joins]
            opens = [m for m, w in following if w and tells_a_predicate(text, w.start(), w.end(), lex)]
            if opens:
                cut.append(Clause(start, opens[-1].start))
                start = opens[-1].start
        cut.append(Clause(start, clause.end))
    return cut


def _governing(
    text: str, sentence: Sentence, timexes: Sequence[Timex], published: Period | None, lex: Lexicon
) -> list[tuple[Timex, Clause, bool]]:
    """The sentence's dates that govern a clause, one per distinct value, with that clause and
    whether the clause tells a schedule (``_is_scheduled``, or a deadline still to come) rather than
    a happening."""
    body_start, body_end = _dateline_end(text, sentence, timexes)
    candidates = [t for t in timexes if _is_date(t) and t.start >= body_start]
    if not candidates:
        return []
    clauses = _at_coordinated_predicates(
        text, _clauses(text, body_start, body_end, candidates, lex), candidates, lex
    )
    chosen: dict[str, tuple[Timex, Clause, bool]] = {}
    for timex in _first_in_each_bracket(text, body_start, body_end, candidates, lex):
        index = next((i for i, c in enumerate(clauses) if c.start <= timex.start < c.end), 0)
        own, index = _with_the_list_before(text, clauses, index, timex, lex)
        clause = own[index]
        deadline = _deadline(text, timex, clause, timexes, lex)
        if deadline and not (
            # 'will end no later than the end of September 2025': a schedule's time, its year written
            # and still to come ('by Friday night, the protesters got ...' tells the story on)
            (_is_one_of(lex.marker("schedule_deadlines"), deadline.phrase) or _is_firm(deadline, lex))
            and not text[deadline.end : timex.start].strip()
            and (_YEAR_WRITTEN.search(timex.text) or lex.marker("years_told").find(timex.text))
            and _a_time_to_come(timex, published)
        ):
            continue
        if _not_a_happening_time(text, timex, clause, timexes, lex) or _continues_a_plan(
            text, own, index, timexes, lex
        ):
            continue
        scope = _extend_adverbial(text, own, index, timexes, lex)
        plan = _plan_markers(text, timex, clause, timexes, lex)
        if plan and not _is_scheduled(text, sentence, scope, plan, lex):
            continue  # hoped, asked, likely, denied or conditional: nothing the timeline can hold
        if (
            deadline
            and not plan
            and not (_is_firm(deadline, lex) and _told_as_fixed(text, sentence, scope, lex))
        ):
            continue  # 'rejecting his offer to go by January 2012': no schedule told
        if (
            # a happening in a clause of time is told apart ('reserves were estimated at $17bn
            # before the uprising began last year')
            _is_state(text, _clause_of_time(text, scope, timex, lex) or scope, timexes, lex)
            or _is_baseline(text, scope, timex, timexes, lex)
            or _is_negated(text, scope, timex, timexes, lex)
            or _is_chatter(text, scope, timex, timexes, lex)
            or _is_present_state(text, scope, timex, timexes, lex)
        ):
            continue
        chosen.setdefault(_date(timex), (timex, scope, bool(plan or deadline)))
    return _without_restatements(text, list(chosen.values()))


def _first_in_each_bracket(
    text: str, start: int, end: int, timexes: list[Timex], lex: Lexicon
) -> list[Timex]:
    """``timexes`` but the second and later of one bracket: '(11 p.m. Monday ET, 5 a.m. Tuesday in
    Libya)' tells one moment in two time zones; one closing a range goes on ('(from 1976 until 2005)').
    A bracket opening the sentence is a live post's stamp: when the sentence gives a date of its own,
    that date is the happening's."""
    brackets = [m.span() for m in _BRACKET.finditer(text, start, end)]
    if (stamp := _BRACKET.match(text, after_spaces(text, start), end)) and any(
        t.start >= stamp.end() for t in timexes
    ):
        timexes = [t for t in timexes if t.start >= stamp.end()]
    kept: list[Timex] = []
    for timex in timexes:
        inside = [(a, b) for a, b in brackets if a < timex.start and timex.end < b]
        if not any(a < other.start < b for a, b in inside for other in kept) or _closes_a_range(
            text, timex, kept, lex
        ):
            kept.append(timex)
    return kept


def _without_restatements(
    text: str, told: list[tuple[Timex, Clause, bool]]
) -> list[tuple[Timex, Clause, bool]]:
    """``told`` without a time of day that opens a bracket right after another one both date: the
    same moment told again in another time zone ('about 4 a.m. (10 p.m. ET Sunday)')."""
    times = sorted((t for t, _, _ in told if t.type == "TIME"), key=lambda t: t.start)
    restated = {
        after
        for before, after in itertools.pairwise(times)
        if (opening := text.rfind("(", before.end, after.start)) >= 0
        and not text[before.end : opening].strip()
        and not text[opening + 1 : after.start].strip()
    }
    return [entry for entry in told if entry[0] not in restated]


def _with_the_list_before(
    text: str, clauses: list[Clause], index: int, timex: Timex, lex: Lexicon
) -> tuple[list[Clause], int]:
    """The clauses with the one holding ``timex`` joined to the names or nouns listed before it when
    it closes a list ('a coalition led by the United States, | Britain and France on March 31', 'will
    withdraw from cities, | towns and villages by June 30'), and its index among them."""
    first = index
    end = timex.start
    if not lex.marker("title_coordinators").find(text, clauses[index].start, end):
        return clauses, index  # the last item is joined by 'and'
    opener = _WORD.search(text, clauses[index].start, end)
    named = bool(opener) and opener[0][:1].isupper()  # a list of names, or of nouns in lower case
    while (
        first > 0
        and text[clauses[first - 1].end] == ","
        and _is_a_list_item(text, clauses[first].start, end, lex)
    ):
        before = _WORD.findall(text, clauses[first - 1].start, clauses[first - 1].end)
        if not before or before[-1][:1].isupper() != named or not before[-1][:1].isalpha():
            break
        first -= 1
        end = clauses[first].end
    if first == index:
        return clauses, index
    joined = Clause(clauses[first].start, clauses[index].end)
    return [*clauses[:first], joined, *clauses[index + 1 :]], first


def _is_a_list_item(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """A few words naming something with no predicate ('Britain and France', 'towns and villages'),
    opened by no connector nor a word that leads into a place or time ('but in the early 90s')."""
    words = _WORD.findall(text, start, end)
    return (
        0 < len(words) <= LIST_ITEM_WORDS
        and words[0].casefold() not in lex.stopwords
        and not any(lex.marker(kind).find(words[0]) for kind in ("title_connectors", "title_lead_ins"))
        and not tells_a_predicate(text, start, end, lex)
    )


def _joined_dates(
    text: str, governing: list[tuple[Timex, Clause]], lex: Lexicon
) -> list[tuple[Timex, Clause]]:
    """Dates next to each other joined by a conjunction ('on Tuesday and Wednesday', 'in 2006 and
    2007') as one span: one happening told over both, one dot. Dates apart ('in 2005 and 2010')
    stay two."""
    joined: list[tuple[Timex, Clause]] = []
    for timex, clause in sorted(governing, key=lambda g: g[0].start):
        if joined:
            last, last_clause = joined[-1]
            first, second = period(_date(last)), period(_date(timex))
            adjacent = (
                joins_two_times(text[last.end : timex.start], lex)
                and first.precision == second.precision != "span"
                and first.end
                and second.start
                and second.start == first.end + timedelta(days=1)
            )
            if adjacent or _is_a_range(text, last, timex, lex):
                value = f"{_date(last)}/{_date(timex)}"
                span = Timex(last.start, timex.end, text[last.start : timex.end], "DATE", value)
                joined[-1] = (
                    span,
                    Clause(last_clause.start, max(last_clause.end, clause.end), last_clause.main),
                )
                continue
        joined.append((timex, clause))
    return joined


def _is_a_range(text: str, opening: Timex, closing: Timex, lex: Lexicon) -> bool:
    """Whether two dates bound one stretch of time ('from 1997 to 2001', 'between March and late
    July', 'từ năm 2003 đến năm 2011'): what it dates lasted over both, it did not happen twice."""
    since, until = period(_date(opening)), period(_date(closing))
    return (
        _range_words(text, opening, closing, lex)
        and since.precision not in _WIDER_THAN_A_YEAR
        and until.precision not in _WIDER_THAN_A_YEAR
        and bool(since.start and until.start and since.start < until.start)
    )


def _closes_a_range(text: str, timex: Timex, timexes: Sequence[Timex], lex: Lexicon) -> bool:
    """Whether ``timex`` ends a range opened by the date before it ('from 1976 [until 2005]'), which
    makes its 'until' no deadline."""
    before = [t for t in timexes if t.end <= timex.start]
    return bool(before) and _is_date(before[-1]) and _is_a_range(text, before[-1], timex, lex)


def _range_words(text: str, opening: Timex, closing: Timex, lex: Lexicon) -> bool:
    """Whether a word opening a range leads into ``opening`` and one joining it leads to ``closing``
    (after the comma that closes a date's year in American usage)."""
    opener = word_before(text, opening.start)
    joiner = text[opening.end : closing.start].strip(" ,").lower()  # 'Mar. 20, 2003[,] and Dec. 19, 2011
    return bool(
        opener
        and lex.marker("range_openers").find(opener[0].lower())
        and _is_one_of(lex.marker("range_joiners"), joiner)
    )


def _without_report_dates(
    text: str, governing: list[tuple[Timex, Clause]], scheduled: Sequence[Timex], lex: Lexicon
) -> list[tuple[Timex, Clause]]:
    """Without the date of a report whose clause tells a dated happening: 'said on Thursday that
    ... last night', 'Hôm nay (5/1), Lầu Năm Góc cho biết hôm 4/1 Mỹ đã ...' tell one happening,
    dated by its own day, not two; so does a dated saying after the quotation it closes when that
    names a day ('"... last night," the Pentagon said on Tuesday'). A schedule announced is two
    ('declared Thursday that elections will be held July 24')."""
    reports = []
    for timex, clause in governing:
        quoted = _quotation_before(text, clause.start)
        sayings = [c for c in cues_in(text, clause.start, clause.end, lex) if c.category == STATEMENT]
        near = [
            c
            for c in sayings
            if (c.end <= timex.start and _words(text[c.end : timex.start]) <= REPORT_WORDS_BEFORE)
            or (c.start >= timex.end and _words(text[timex.end : c.start]) <= REPORT_WORDS_AFTER)
        ]
        if any(
            (other.start > c.end and clause.start <= other.start < clause.end)
            or (quoted and quoted[0] < other.start < quoted[1] and period(_date(other)).precision == "day")
            for c in near
            for other, _ in governing
            if other is not timex and not _holds(other, scheduled)
        ):
            reports.append(timex)
    return [(t, c) for t, c in governing if t not in reports]


def _quotation_before(text: str, start: int) -> tuple[int, int] | None:
    """The quotation on the line that closes right before ``start``, a comma perhaps between."""
    at = start
    while at > 0 and text[at - 1] in " ,":
        at -= 1
    if at == 0 or text[at - 1] not in '”"':
        return None
    line_start = text.rfind("\n", 0, at) + 1
    opening = max(text.rfind("“", line_start, at - 1), text.rfind('"', line_start, at - 1))
    return (opening, at) if opening >= 0 else None


def _markers_before(
    text: str, kind: str, start: int, end: int, timexes: Sequence[Timex], lex: Lexicon
) -> list[Match]:
    """Markers of ``kind`` in ``text[start:end]``, outside time expressions."""
    return [
        m
        for m in lex.marker(kind).find(text, start, end)
        if not any(t.start < m.end and m.start < t.end for t in timexes)
    ]


def _is_a_stamp(text: str, timex: Timex, clause: Clause, timexes: Sequence[Timex], lex: Lexicon) -> bool:
    """Part of a full date and a time opening the sentence and run into a capitalised word after it
    ('May 19, 2009; 2:09 PM ET The graph you post ...', '3/1/2030 10:30 Quân đội ...'), or a full
    date run into another one ('March 29, 2010 This Saturday, ...'): a post's stamp, not the date of
    what follows."""
    opening = _STAMP_OPENERS_RUN.match(text, clause.start).end()
    first = next((t for t in timexes if t.start == opening), None)
    if first is None or not _FULL_DATE.match(first.value):
        return False
    next_start = after_spaces(text, first.end)
    after = next((t for t in timexes if t.start == next_start), None)
    if after is not None and "T" not in after.value and _YEAR_WRITTEN.search(first.text):
        return timex is first  # a date run into the sentence's own ('March 29, 2010 This Saturday, ...')
    end = first.end
    while following := next((t for t in timexes if t.start == _STAMP_JOINERS.match(text, end).end()), None):
        end = following.end  # the time of day that goes with it
    timed = end > first.end or "T" in first.value  # a time of day chained to the date, or in it
    if not timed:
        return False  # a date alone (most sentences): no closer of its time is looked for
    closer = [m for m in lex.marker("title_time_closers").find(text, end, end + 12) if m.start == end + 1]
    end = closer[0].end if closer else end
    # a date alone before a sentence is a chronology's item ('3 March 2011 The trial is delayed')
    return timex.start < end and _runs_into_a_capital(text, end)


def _is_a_clocked_stamp(text: str, timex: Timex) -> bool:
    """A full date with its year after a time of day and run into a capitalised word, wherever it
    stands ('Explaining flu - 15:00 UK time, Friday, 22 May 2009 I'm ...'): a post's stamp in a list
    of posts, not the date of what follows."""
    return bool(
        _FULL_DATE.match(timex.value)
        and _YEAR_WRITTEN.search(timex.text)
        and _runs_into_a_capital(text, timex.end)  # one match: before the search for a clock time
        and _CLOCK_BEFORE.search(text, max(0, timex.start - CLOCK_BEFORE_CHARS), timex.start)
    )


def _runs_into_a_capital(text: str, end: int) -> bool:
    """Whether a capitalised word follows ``end`` after a single space, with no stop between."""
    following = _WORD.match(text, end + 1)
    return text[end : end + 1] == " " and following is not None and following[0][:1].isupper()


def _not_a_happening_time(
    text: str, timex: Timex, clause: Clause, timexes: Sequence[Timex], lex: Lexicon
) -> bool:
    """A comparison point, the time of a forecast or plan, or the day a source said what the article
    told before it ('Nguồn tin ... cho biết như vậy hôm nay'). Deadlines are ``_deadline``'s."""
    if lex.marker("echoes").find(text, clause.start, clause.end):
        return True
    if _is_a_stamp(text, timex, clause, timexes, lex) or _is_a_clocked_stamp(text, timex):
        return True
    if dates_an_apposition(text, timex, timexes, lex) or _names_a_thing_s_year(text, timex, clause, lex):
        return True
    if _dates_a_source(text, timex, clause, lex):
        return True
    closer = lex.marker("comparison_closers").find(text, timex.end, min(clause.end, timex.end + 12))
    if closer and not text[timex.end : closer[0].start].strip():
        return True  # 'three months later than promised': a time compared, not a happening's
    for kind in ("comparison_lead_ins", "record_lead_ins", "comparison_asides"):
        lead_in = lex.marker(kind).find(text, clause.start, timex.start)
        between = text[lead_in[-1].end : timex.start].split() if lead_in else ["-"]
        if not all(lex.marker("determiners").find(w) for w in between):
            continue  # 'since the war broke out in March': a happening of its own
        if kind == "comparison_asides" and _WORD.match(text, after_spaces(text, timex.end)):
            continue  # 'as in his July news conference': the happening named
        if kind != "record_lead_ins" or _after_a_superlative(text, clause.start, lead_in[-1].start, lex):
            return True
    if _period_of_a_thing(text, timex, clause, timexes, lex):
        return True
    if (
        "/" in timex.value
        and text[timex.start - 1 : timex.start] == "("
        and text[timex.end : timex.end + 1] == ")"
    ):
        return True  # a span alone in brackets: a tenure or a term ('chaired the committee (2005-2010)')
    before = word_before(text, timex.start)
    if before and lex.marker("record_before_times").find(before[0].lower()):
        return True  # a record: 'had its busiest November ever', 'the warmest January on record'
    if _is_the_subject_of_a_copula(text, timex, clause, timexes, lex) or _is_a_copulas_complement(
        text, timex, clause, lex
    ):
        return True
    if _since_in_a_phrase(text, timex, clause, lex):
        return True
    if _markers_before(text, "comparison", clause.start, timex.start, timexes, lex):
        return True
    reach = max(clause.start, timex.start - CHANGE_CHARS)
    changes = lex.marker("changed_since").find(text, reach, timex.start)
    if changes and not text[changes[-1].end : timex.start].strip():
        return True  # a baseline: 'has almost doubled since 1998'
    # 'the day before Mubarak resigned': read from a happening the date does not give
    last = _WORD.findall(timex.text)[-1:]
    read_from_what_follows = last and lex.marker("subordinators").find(last[0])
    return bool(read_from_what_follows and _WORD.match(text, after_spaces(text, timex.end)))


def _deadline(
    text: str, timex: Timex, clause: Clause, timexes: Sequence[Timex], lex: Lexicon
) -> Match | None:
    """The word that makes ``timex`` a deadline ('by Friday', 'no later than the end of September
    2025', 'hoãn đến ngày 28-11'), if one does; not a range's end ('from 1976 until 2005') nor a
    sentence's opening 'Đến ngày 3/4/1991, ...', which tells on."""
    lead_in = lex.marker("deadline").find(text, clause.start, timex.start)
    gap = text[lead_in[-1].end : timex.start].strip() if lead_in else ""
    if (
        lead_in
        # only an approximator may stand between ('until at least', 'cho đến ít nhất')
        and (not gap or _is_one_of(lex.marker("approximators"), gap))
        and not _closes_a_range(text, timex, timexes, lex)
        and not (
            _opens_a_sentence(text, lead_in[-1].start)
            and lex.marker("deadline_inside").find(lead_in[-1].phrase)
        )
        and not lex.marker("deadline_turns").find(text, timex.end, min(clause.end, timex.end + TURN_CHARS))
    ):
        return lead_in[-1]
    inside = lex.marker("deadline").find(text, timex.start, timex.end)
    return next((m for m in inside if m.start == timex.start), None)


def _is_firm(deadline: Match, lex: Lexicon) -> bool:
    """Whether ``deadline`` ('no later than') sets a schedule's time with no word of a plan."""
    return _is_one_of(lex.marker("firm_deadlines"), deadline.phrase)


def _plan_markers(
    text: str, timex: Timex, clause: Clause, timexes: Sequence[Timex], lex: Lexicon
) -> list[Match]:
    """The markers of a plan, a forecast or a condition whose reach takes in ``timex`` (a modal
    before it, an auxiliary after it: ``_plan_after``); none when the date names a happening of its
    own ('want to question him over the 1988 Lockerbie bombing': the bombing's date, no plan's)."""
    reaches = _modal_reaches(text, clause.start, timex.start, timexes, lex)
    reaching = [m for m, end in reaches if end >= timex.start]
    reaching += _plan_after(text, timex, clause, timexes, lex)
    if not reaching or names_a_happening(text, timex, clause.end, lex):
        return []
    return reaching


def _is_scheduled(text: str, sentence: Sentence, clause: Clause, plan: Sequence[Match], lex: Lexicon) -> bool:
    """Whether every marker of a plan tells it as fixed ('will', 'is scheduled to', 'sẽ'), none as
    hoped, asked or likely ('could', 'hopes to') nor a noun ('good will'); its clause neither
    hedges nor denies it ('will likely', 'will not'), and its sentence sets no condition and tells
    no doubt or fear ('If talks go well, the envoys will meet on Monday', 'doubts a vote will occur
    Wednesday'): a schedule the timeline keeps."""
    fixed = lex.marker("schedules").phrases
    # ... or as fixed in reported speech, its future told from a past saying ('said that the coalition
    # would pull out by September 2025')
    reported = lex.marker("reported_schedules").phrases
    if not plan or not all(m.phrase in fixed or m.phrase in reported for m in plan):
        return False
    if any(m.phrase not in fixed for m in plan):
        denials = lex.marker("reported_denials")
        sayings = [c.end for c in cues_in(text, sentence.start, sentence.end, lex) if c.category == STATEMENT]
        if not all(
            m.phrase in fixed
            or (any(end <= m.start for end in sayings) and denials.opening(text, m.start, clause.end) is None)
            for m in plan
        ):
            return False
    nouns = lex.marker("schedule_traps")
    if any(n.end == m.end for m in plan for n in nouns.find(text, sentence.start, m.end)):
        return False
    return _told_as_fixed(text, sentence, clause, lex)


def _told_as_fixed(text: str, sentence: Sentence, clause: Clause, lex: Lexicon) -> bool:
    """Whether ``clause`` neither hedges nor denies what it tells and its sentence sets no condition."""
    if lex.marker("conditions").find(text, sentence.start, sentence.end):
        return False
    traps = lex.marker("negation_traps")
    denied = [
        m
        for m in lex.marker("negations").find(text, clause.start, clause.end)
        if not traps.opening(text, m.start, clause.end)
    ]
    return not denied and not lex.marker("hedges").find(text, clause.start, clause.end)


def _dates_a_source(text: str, timex: Timex, clause: Clause, lex: Lexicon) -> bool:
    """Whether ``timex`` tells when the source of what the clause tells spoke: it stands in an
    attribution's phrase that names a source ('according to a [Saturday] report in The Times',
    'according to figures released [Tuesday]'), not after it ('According to police, troops left on
    Monday')."""
    lead_ins = lex.marker("attributions").find(text, clause.start, timex.start)
    if not lead_ins or _SOURCE_PHRASE_END.search(text, lead_ins[-1].end, timex.start):
        return False
    end = _SOURCE_PHRASE_END.search(text, timex.end, clause.end)
    phrase = text[lead_ins[-1].end : end.start() if end else clause.end]
    return any(lex.marker("attributed_sources").find(w.casefold()) for w in _WORD.findall(phrase))


def _names_a_thing_s_year(text: str, timex: Timex, clause: Clause, lex: Lexicon) -> bool:
    """Whether a year tells which of a kind of thing is meant, between a determiner or a possessive
    and the thing, after the clause's predicate ('broke with Egypt's 1971 constitution', 'back to
    the 2008 levels'): it dates the thing, not what the clause tells. As the subject it may date
    what the thing did ('A 2003 study found ...'). So does a span of years ('the 2001-03 tax cuts')."""
    value = _date(timex)
    precision = period(value).precision
    years = all(len(part) == 4 and part.isdigit() for part in value.split("/"))
    if precision not in ("year", "decade") and not (precision == "span" and years):
        return False
    before = word_before(text, timex.start)
    # ... or after the thing, where a language puts it there ('viện dẫn nghị quyết năm 2002')
    things = lex.marker("dated_things").find(text, max(clause.start, timex.start - THING_CHARS), timex.start)
    thing_before = [m.start for m in things if not text[m.end : timex.start].strip()]
    if thing_before:
        return tells_a_predicate(text, clause.start, thing_before[-1], lex)
    opens_the_clause = before is not None and not text[clause.start : before.start()].strip()
    return bool(
        (tells_a_predicate(text, clause.start, timex.start, lex) or not opens_the_clause)
        and before
        and (lex.marker("determiners").find(before[0].lower()) or _POSSESSIVE_END.search(before[0]))
        and _a_thing_follows(text, timex, clause, lex)
    )


def _a_thing_follows(text: str, timex: Timex, clause: Clause, lex: Lexicon) -> bool:
    """Whether a dated thing follows ``timex`` in its noun phrase: right after it or after a few
    words of its own in lower case ('the 2010 census', 'the fiscal 2012 defense spending bill')."""
    at = after_spaces(text, timex.end)
    for _ in range(THING_MODIFIERS + 1):
        word = _WORD.match(text, at, clause.end)
        if word is None or not word[0][:1].islower():
            return False
        if lex.marker("dated_things").find(word[0]):
            return True
        if text[word.end() : word.end() + 1] != " ":
            return False  # the noun phrase ends at a comma or a stop
        at = word.end() + 1
    return False


def _period_of_a_thing(
    text: str, timex: Timex, clause: Clause, timexes: Sequence[Timex], lex: Lexicon
) -> bool:
    """Whether a year, a quarter or a month is the period a thing is for ('paid the back taxes for
    2003 and 2004', 'the budget for 2011', 'ngân sách cho năm 2011'), not when anything happened."""
    lead_in = lex.marker("period_lead_ins").find(text, clause.start, timex.start)
    if not lead_in:
        return False
    dates = [t for t in timexes if t.type == "DATE"]  # 'for [2003 and] 2004', not 'for 60 days last year'
    between = _outside(text, lead_in[-1].end, timex.start, dates).split()
    if any(not lex.marker("title_time_joiners").find(w) for w in between):
        return False
    return period(_date(timex)).precision not in ("day", "time")


def _is_the_subject_of_a_copula(
    text: str, timex: Timex, clause: Clause, timexes: Sequence[Timex], lex: Lexicon
) -> bool:
    """Whether ``timex`` opens its clause as the subject of a copula: what the time was like ('2010
    has been a deadly year', 'Friday is the second day of the conference', 'Năm 2010 là ...')."""
    after = after_spaces(text, timex.end)
    copulas = lex.marker("time_copulas").find(text, after, min(clause.end, after + COPULA_CHARS))
    if not copulas or copulas[0].start != after:
        return False  # most dates: the words before them are not read
    return not _words(_outside(text, clause.start, timex.start, timexes))


def _is_a_copulas_complement(text: str, timex: Timex, clause: Clause, lex: Lexicon) -> bool:
    """Whether ``timex`` is what a dummy subject's copula gives ('It was 4:30 a.m. Monday in Ras
    Lanuf', 'That was yesterday'): when, not what happened; unless a cleft's joiner follows it ('It
    was on Monday that the army entered')."""
    complements = lex.marker("time_complements").find(
        text, max(clause.start, timex.start - COPULA_CHARS - TIME_PHRASE_CHARS), timex.start
    )
    if not complements:
        return False
    # ... perhaps in a phrase of time ('It is the very last day of January', "It's Wednesday January")
    between = text[complements[-1].end : timex.start].split()
    words = lex.marker("time_complement_words")
    if len(between) > TIME_PHRASE_WORDS or not all(_is_one_of(words, w) for w in between):
        return False
    return lex.marker("cleft_joiners").opening(text, after_spaces(text, timex.end), clause.end) is None


def _since_in_a_phrase(text: str, timex: Timex, clause: Clause, lex: Lexicon) -> bool:
    """A state's start in a phrase with no predicate ('Eni, in Libya since the 1950s, produced',
    'Syria, its main Arab ally since 1980, has'): 'since' right before the date, words before it,
    and nothing done in the phrase. A phrase opening the sentence dates the clause after it when it
    is 'since' alone ('Since March,'), or when a word of a start (``start_lead_ins``, 'from' rather
    than 'since') leads to a day: 'Tại thủ đô Baghdad từ chiều tối 29/6, người dân đã chuẩn bị ...'
    is when they began ('With their convoys unable to enter Baba Amr since Friday,' is a state)."""
    since = lex.marker("record_lead_ins").find(text, clause.start, timex.start)
    if (
        not since
        or text[since[-1].end : timex.start].strip()
        or not _words(text[clause.start : since[-1].start])
        or (
            _opens_a_sentence(text, clause.start)
            and since[-1].phrase in lex.marker("start_lead_ins").phrases
            and period(_date(timex)).precision == "day"
        )
    ):
        return False
    if tells_a_predicate(text, clause.start, clause.end, lex):
        return False
    return not [c for c in cues_in(text, clause.start, clause.end, lex) if c.category != STATEMENT]


def _continues_a_plan(
    text: str, clauses: Sequence[Clause], index: int, timexes: Sequence[Timex], lex: Lexicon
) -> bool:
    """Whether ``clauses[index]`` opens with a word that goes on with the plan of the clause before
    it, whose plan reaches its end ('will leave Baghdad in 2025, then Erbil in 2026')."""
    clause = clauses[index]
    opener = lex.marker("plan_continuations").opening(text, after_spaces(text, clause.start), clause.end)
    if index == 0 or opener is None:
        return False
    following = _WORD.match(text, after_spaces(text, opener.end))
    if following and lex.marker("determiners").find(following[0].casefold()):
        return False  # a subject of its own ('and then the gathering in Paris confirmed ...')
    before = clauses[index - 1]
    return any(end >= before.end for _, end in _modal_scopes(text, before.start, before.end, timexes, lex))


def _plan_after(
    text: str, timex: Timex, clause: Clause, timexes: Sequence[Timex], lex: Lexicon
) -> list[Match]:
    """The auxiliary of the future or of a possibility after the date, before anything the clause
    tells was done ('Later this week the watchdog will meet the boards', 'Homs today could be Syria
    tomorrow'); not one after a saying ('On Monday, Iraq said it would ...')."""
    modals = _markers_before(text, "auxiliary_modals", timex.end, clause.end, timexes, lex)
    if not modals:
        return []
    told = [c for c in cues_in(text, clause.start, clause.end, lex) if c.start <= modals[0].start]
    return [] if told or tells_a_predicate(text, clause.start, modals[0].start, lex) else modals[:1]


def _after_a_superlative(text: str, start: int, at: int, lex: Lexicon) -> bool:
    """Whether a superlative or a count of times stands among the few words before ``at`` ('the
    highest borrowing costs [since]', 'attacked 66 times [since]'), in the same clause."""
    # words as spaces part them, numbers left out: an abbreviation or a compound is one word ('the
    # heaviest U.S.-British strikes since')
    words = [w for w in text[start:at].split() if any(c.isalpha() for c in w)][-RECORD_WORDS:]
    words = [w.strip(_EDGE_MARKS) for w in words]
    return any(lex.marker(kind).find(word) for kind in ("superlatives", "repetitions") for word in words)


def _modal_scopes(
    text: str, start: int, end: int, timexes: Sequence[Timex], lex: Lexicon
) -> list[tuple[int, int]]:
    """Where each modal marker's reach (``_modal_reaches``) starts and ends."""
    return [(m.start, reach) for m, reach in _modal_reaches(text, start, end, timexes, lex)]


def _modal_reaches(
    text: str, start: int, end: int, timexes: Sequence[Timex], lex: Lexicon
) -> list[tuple[Match, int]]:
    """Each modal marker in ``text[start:end]`` and where its reach ends: at the next happening
    named as a noun ('nhằm đáp trả vụ tấn công hôm 27/12': the attack is no plan, its date its own)
    or at ``end``."""
    markers = _markers_before(text, "modal", start, end, timexes, lex)
    # a purpose or condition after a happening told in the clause is that happening's adjunct
    markers += [
        m
        for m in _markers_before(text, "purpose", start, end, timexes, lex)
        if not cues_in(text, start, m.start, lex)
    ]
    if not markers:
        return []  # most clauses: no happening named as a noun is looked for
    named = [m.start for m in _markers_before(text, "nominalisers", start, end, timexes, lex)]
    named += [  # with a subject of its own, a name
        m.start
        for m in _markers_before(text, "clause_nominalisers", start, end, timexes, lex)
        if text[(after := after_spaces(text, m.end)) : after + 1].isupper()
    ]
    # so does a clause of the past that tells its predicate ('will help break the resistance that has
    # killed 190 soldiers since President Bush declared major combat over on May 1', not 'since May')
    named += _past_clauses(text, start, end, lex)
    return [(m, min([end, *(n for n in named if n >= m.end)])) for m in markers]


def _only_a_time(text: str, clause: Clause, timexes: Sequence[Timex], lex: Lexicon) -> bool:
    """Whether ``clause`` holds nothing but its times and the words leading into them (', in May.')."""
    rest = _outside(text, clause.start, clause.end, timexes)
    lead_ins = lex.marker("title_lead_ins")
    return all(lead_ins.find(word) for word in _WORD.findall(unicodedata.normalize("NFC", rest)))


def _extend_adverbial(
    text: str, clauses: list[Clause], index: int, timexes: Sequence[Timex], lex: Lexicon
) -> Clause:
    """A fronted date ('Ngày 24/2,', 'On Aug. 17,') governs the clause that follows it, and so
    does a clause of time ('ba ngày sau khi bộ binh vượt biên,', 'after the talks,'). A date
    closing the sentence on its own, as captions do ('..., Iraq, October 17, 2016.'), governs
    the undated clauses before it."""
    if index == len(clauses) - 1 and _only_a_time(text, clauses[index], timexes, lex):
        first = index
        while first > 0 and not any(
            clauses[first - 1].start <= t.start < clauses[first - 1].end for t in timexes
        ):
            first -= 1
        return Clause(clauses[first].start, clauses[index].end, clauses[first].start)
    start = clauses[index].start
    if _participle_apposition(text, clauses, index, lex):
        return clauses[index]
    while index + 1 < len(clauses):
        fronted = _words(_outside(text, start, clauses[index].end, timexes)) <= FRONTED_WORDS
        if not (fronted or _of_time(text, clauses[index], timexes, lex)):
            break
        if _dates_its_own_clause(text, clauses[index], timexes, lex):
            break  # 'Kể từ khi xung đột nổ ra tháng 10/2023, ...': the date is the clause of time's
        index += 1
        if index + 1 < len(clauses) and time_apposition_end(
            text, clauses[index].start, clauses[index + 1].end, lex
        ):
            index += 1  # 'On Wednesday, the ninth day of protests, Gadhafi faced ...': the date's apposition
    main = clauses[index]
    if not _predicate_outside(text, start, main.end, timexes, lex):
        # 'On Oct. 6, the Council, the body that runs the government, issued ...', 'Earlier this
        # year Jackson's father, Joe, filed ...': the subject's apposition, then its predicate
        for aside in (index, index + 1):
            if (
                0 < aside < len(clauses) - 1
                and text[clauses[aside - 1].end] == text[clauses[aside].end] == ","
                and is_aside_before_predicate(text, clauses[aside - 1].end, clauses[aside].end, timexes, lex)
            ):
                last = aside + 1
                while last + 1 < len(clauses) and text[clauses[last].end] in _QUOTES:  # on past a quoted word
                    last += 1
                return Clause(start, clauses[last].end, main.start)
        # 'Hôm 13/12, các căn cứ tại Al-Tanf, | Al-Shaddadi và Al-Furat đã ...': a list of names goes on
        last = index
        while (
            last + 1 < len(clauses)
            and text[clauses[last].end] == ","
            and _continues_a_list(text, clauses[last], clauses[last + 1], lex)
            and not any(clauses[last + 1].start <= t.start < clauses[last + 1].end for t in timexes)
            and not _predicate_outside(text, start, clauses[last].end, timexes, lex)
        ):
            last += 1
        if last > index and _predicate_outside(text, start, clauses[last].end, timexes, lex):
            return Clause(start, clauses[last].end, main.start)
    return Clause(start, main.end, main.start)


def _participle_apposition(text: str, clauses: Sequence[Clause], index: int, lex: Lexicon) -> bool:
    """Whether ``clauses[index]`` is a past participle's phrase between commas after a noun ('Belhadj,
    [born in 1988], joined ...', 'The bridge, [built in 1950], collapsed ...'): it tells a happening of
    its own, about that noun, and leads into no clause."""
    if not 0 < index < len(clauses) - 1 or text[clauses[index - 1].end] != ",":
        return False
    clause, following = clauses[index], clauses[index + 1]
    word = _WORD.match(text, after_spaces(text, clause.start), clause.end)
    return bool(
        word
        and word[0].islower()
        and is_past_participle(word[0], lex)
        and text[clause.end] == ","
        # ... before the predicate it parts from its noun ('the decree, imposed in 1981, Sadat's' is none)
        and may_be_a_clause(text, following.start, clauses[-1].end, lex)
    )


def _predicate_outside(text: str, start: int, end: int, timexes: Sequence[Timex], lex: Lexicon) -> bool:
    """Whether a predicate stands in ``text[start:end]`` outside its time expressions ('hôm 13/12
    [vừa] qua' holds none)."""
    return tells_a_predicate(_outside(text, start, end, timexes), 0, end - start, lex)


def _continues_a_list(text: str, clause: Clause, following: Clause, lex: Lexicon) -> bool:
    """Whether ``following`` goes on with a list of names that ``clause`` ends with ('tại Al-Tanf, |
    Al-Shaddadi và Al-Furat đã ...'): a name before the comma, a name after it, and a coordinator
    before the next predicate."""
    before = _WORD.findall(text, clause.start, clause.end)[-1:]
    first = _WORD.match(text, after_spaces(text, following.start))
    if not (before and before[0][:1].isupper() and first and first[0][:1].isupper()):
        return False
    predicate = next(
        (
            w.start()
            for w in _WORD.finditer(text, following.start, following.end)
            if tells_a_predicate(text, *w.span(), lex)
        ),
        following.end,
    )
    return bool(lex.marker("title_coordinators").find(text, following.start, predicate))


def _dates_its_own_clause(text: str, clause: Clause, timexes: Sequence[Timex], lex: Lexicon) -> bool:
    """Whether a time expression in ``clause`` follows the subject and predicate of a clause of time
    ('since [the war broke out in October]'), not the opener that leads into another ('ba ngày sau khi')."""
    inside = [t for t in timexes if clause.start <= t.start < clause.end]
    opening = lex.marker("subordinators").opening(text, after_spaces(text, clause.start), clause.end)
    if opening:  # ... and one that opens the clause ('After the virus was identified on April 23, ...')
        return any(tells_a_predicate(text, after_spaces(text, opening.end), t.start, lex) for t in inside)
    return any(subordinate_start(text, (clause.start, clause.end), t, lex) is not None for t in inside)


def _opens_with(text: str, clause: Clause, kinds: Sequence[str], lex: Lexicon) -> bool:
    """Whether a phrase of one of ``kinds`` opens ``clause`` ('Since the war broke out in May')."""
    at = after_spaces(text, clause.start)
    return any(
        m.start == at
        for kind in kinds
        for m in lex.marker(kind).find(text, at, min(clause.end, at + COUNT_CHARS))
    )


def _of_time(text: str, clause: Clause, timexes: Sequence[Timex], lex: Lexicon) -> bool:
    """A clause of time: opened by a subordinator ('sau khi', 'after') within its first words."""
    rest = unicodedata.normalize("NFC", _outside(text, clause.start, clause.end, timexes))
    first = itertools.islice(_WORD.finditer(rest), SUBORDINATOR_WORDS)  # not every word of the clause
    return bool(lex.marker("subordinators").find(" ".join(w[0] for w in first)))


def _clause_of_time(
    text: str, clause: Clause, timex: Timex, lex: Lexicon, openers: Sequence[str] = ("subordinators",)
) -> Clause | None:
    """The clause of time inside ``clause`` that holds ``timex``, from its subject on, when a
    subordinator opens it ('after [Hamas raided Israel on Oct. 7]'), or a phrase of one of the
    kinds ``openers``; None otherwise."""
    inner = subordinate_start(text, (clause.start, clause.end), timex, lex)
    if inner is None:
        return None
    opener = sorted(m for kind in openers for m in lex.marker(kind).find(text, clause.start, inner))
    opens_it = opener and after_spaces(text, opener[-1].end) == inner
    return Clause(inner, clause.end, inner) if opens_it else None


def _subordinate_clauses(
    text: str, sentence: Sentence, timexes: Sequence[Timex], lex: Lexicon
) -> list[Clause]:
    """The sentence's clauses of time, whose happening only leads into another one's."""
    start, end = _dateline_end(text, sentence, timexes)
    return [c for c in _clauses(text, start, end, timexes, lex) if _of_time(text, c, timexes, lex)]


def _past_clauses(text: str, start: int, end: int, lex: Lexicon) -> list[int]:
    """Where the clauses of the past with a predicate of their own open in ``text[start:end]`` ('has
    been in place [since Mubarak came to power] in 1981'; not 'since 1963')."""
    return [
        m.start
        for m in lex.marker("past_clause_openers").find(text, start, end)
        if tells_a_predicate(text, m.end, end, lex)
    ]


def _is_state(text: str, clause: Clause, timexes: Sequence[Timex], lex: Lexicon) -> bool:
    """A standing situation ('2,500 troops are stationed', 'Cheney was such a presence'), unless a
    happening is told too, or a saying before it ('Anan said the government would remain in place')."""
    states = [m.start for m in _markers_before(text, "state", clause.start, clause.end, timexes, lex)]
    # a figure stated ('Bilateral trade was $2.5 billion in 2010'), not a date ('The year was 1991')
    states += [
        m.start()
        for form in lex.statistic_forms
        for m in form.finditer(text, clause.start, clause.end)
        if not any(t.start < m.end() and m.start() < t.end for t in timexes)
    ]
    states += [  # what someone was, told by the clause's first predicate ('Cheney was such a presence'),
        # not what a happening was ('The murder of the commander last month is a reminder')
        m.start()
        for form in lex.copula_noun_forms
        for m in form.finditer(text, clause.start, clause.end)
        if not tells_a_predicate(text, clause.start, m.start(), lex)
        and not lex.marker("happening_nouns").find(text, clause.start, m.start())
        and not _past_clauses(text, m.end(), clause.end, lex)
    ]
    if not states:
        return False
    cues = cues_in(text, clause.start, clause.end, lex)
    return not [c for c in cues if c.category != STATEMENT or c.end <= min(states)]


def _is_negated(text: str, clause: Clause, timex: Timex, timexes: Sequence[Timex], lex: Lexicon) -> bool:
    """What did not happen ('Iraq did not attend the talks on Monday'): a negation before the date,
    or anywhere after a date opening the clause ('On Monday, Iraq did not', 'Today many don't'),
    with no saying before it ('told reporters on Monday he did not expect ...' is a statement;
    'left in 2005 and never returned' a happening), nor, after a fronted date, any happening
    ('Today the envoy met Ali and did not speak to reporters')."""
    fronted = timex.end <= clause.main_start or (
        not _words(text[clause.start : timex.start]) and _opens_a_sentence(text, clause.start)
    )
    end = clause.end if fronted else timex.start
    # a clause of time holding the date is told apart ('do not have the help they had when they
    # captured Tripoli on August 23')
    opened = [m.end for m in _markers_before(text, "subordinators", clause.start, timex.start, timexes, lex)]
    traps = lex.marker("negation_traps")
    # a stop since the date happened then ('US forces no longer patrol Fallujah since April')
    since = starts_a_span(text, timex, lex)
    cessations = lex.marker("cessations")
    negations = [
        m
        for m in _markers_before(text, "negations", max([clause.start, *opened]), end, timexes, lex)
        if not traps.opening(text, m.start, clause.end)
        and not (since and cessations.opening(text, m.start, clause.end))
    ]
    if negations and not _in_quotation(text, timex.start):
        # what a quotation denies is said: a date outside it is the saying's ('"We never heard of
        # him," Ghoga said on Sunday')
        negations = [m for m in negations if not _in_quotation(text, m.start)]
    if not negations:
        return False
    told = cues_in(text, clause.start, negations[0].start, lex)
    return not any(fronted or c.category == STATEMENT for c in told)


class _Marks(NamedTuple):
    """Where a text's line breaks and quotation marks stand, each in order."""

    breaks: list[int]
    straight: list[int]
    opening: list[int]
    closing: list[int]


def _marks(text: str) -> _Marks:
    return _Marks(*([m.start() for m in re.finditer(mark, text)] for mark in ("\n", '"', "“", "”")))


def _in_quotation(text: str, at: int) -> bool:
    """Whether ``at`` lies inside a quotation opened on its line. (The marks are found once an
    article: read from each line's start, a page run onto one line would cost its square.)"""
    marks = remembered_whole(text, ("quotation marks",), _marks, text)
    breaks_before = bisect_left(marks.breaks, at)
    start = marks.breaks[breaks_before - 1] + 1 if breaks_before else 0
    straight = bisect_left(marks.straight, at) - bisect_left(marks.straight, start)
    return straight % 2 == 1 or _last(marks.opening, start, at) > _last(marks.closing, start, at)


def _last(positions: list[int], start: int, end: int) -> int:
    """The last of ``positions`` in ``[start, end)``, or -1."""
    i = bisect_left(positions, end)
    return positions[i - 1] if i and positions[i - 1] >= start else -1


def _is_chatter(text: str, clause: Clause, timex: Timex, timexes: Sequence[Timex], lex: Lexicon) -> bool:
    """Talk about the speaker's own day ('We have a terrific show for you today', 'I spoke to a
    surgeon yesterday'): a day told from where the speaker stands, in a clause that speaks as 'I',
    'we' or 'you', and tells no happening ('Today I ordered air strikes' does). Transcripts and
    blogs are full of it. A clause whose subject is the one addressed ('You saw how he was on that
    speech on Thursday') is such talk whatever its time."""
    addressed = _opens(
        lex.marker("addressee_subjects"), text[after_spaces(text, clause.main_start) : clause.end]
    )
    if not addressed and not (
        _opens(lex.marker("speaker_times"), timex.text)
        and _markers_before(text, "speaker_pronouns", clause.start, clause.end, timexes, lex)
    ):
        return False
    return not [c for c in cues_in(text, clause.start, clause.end, lex) if c.category != STATEMENT]


def _is_present_state(
    text: str, clause: Clause, timex: Timex, timexes: Sequence[Timex], lex: Lexicon
) -> bool:
    """How things stand on the day the article is written ('Today, the situation is much calmer',
    'Homs today is besieged'): a day of the writing and a present copula, no happening told."""
    if not _opens(lex.marker("writing_days"), timex.text):
        return False
    copulas = _markers_before(text, "present_copulas", clause.start, clause.end, timexes, lex)
    following = [_WORD.match(text, after_spaces(text, m.end)) for m in copulas]
    if not copulas or any(w and any(f.fullmatch(w[0]) for f in lex.nonfinite_forms) for w in following):
        return False  # 'A ceremony is taking place this morning': under way, a happening
    # nor a saying or an act ('he said NATO is ...'), but a word of a compound ('bombed-out roads')
    return not any(text[c.end : c.end + 1] != "-" for c in cues_in(text, clause.start, clause.end, lex))


def _opens_a_sentence(text: str, at: int) -> bool:
    """Whether only spaces stand between ``at`` and a line's start or a sentence's end."""
    while at > 0 and text[at - 1] in " \t":
        at -= 1
    return at == 0 or text[at - 1] in "\n.!?"


def _is_baseline(text: str, clause: Clause, timex: Timex, timexes: Sequence[Timex], lex: Lexicon) -> bool:
    """Whether ``timex`` is the start or period of a count (``_is_tally``) and of no happening told
    in a clause of time of its own ('... have been killed since [the uprising began in March]')."""
    if not _is_tally(text, clause, timex, timexes, lex):
        return False
    inner = _clause_of_time(text, clause, timex, lex, _BASELINE_OPENERS)
    return inner is None or _is_tally(text, inner, timex, timexes, lex)


def _is_tally(text: str, clause: Clause, timex: Timex, timexes: Sequence[Timex], lex: Lexicon) -> bool:
    """A count over a period ('About 2,000 people have been killed since June', 'khoảng 500.000
    người đã rời bỏ Mosul trong tháng 6'): the clause's subject is a number, its date longer
    than a day. A count on a day ('3 soldiers were killed on Monday') is a happening."""
    if period(_date(timex)).precision == "day":
        return False
    rest = " ".join(_outside(text, clause.main_start, clause.end, timexes).split())
    if _opens_with_a_count(text, clause, rest, lex):
        return True
    # a count someone gives ('Activists estimate some 20,000 people have died since March')
    told = lex.marker("count_reporters").find(rest[:TELLER_CHARS])
    return (
        bool(told)
        and "," not in rest[: told[0].start]
        and _opens_with_a_count(text, clause, rest[told[0].end :], lex)
    )


def _opens_with_a_count(text: str, clause: Clause, rest: str, lex: Lexicon) -> bool:
    """Whether ``rest``, the words of ``clause``, opens with a count, perhaps past an approximator."""
    rest = rest.lstrip()
    while True:
        if rest[:1].isdigit() or _opens(lex.marker("counts"), rest):
            return True
        # past an approximator ('about'), or the words around a fronted span ('Từ [đầu năm 2021] đến nay,')
        kinds = ("span_closers", "approximators", "title_lead_ins")
        if not (found := next((m for kind in kinds if (m := _opens(lex.marker(kind), rest))), None)):
            return False
        # the fronted span's own clause may end there: then the count opens the next
        rest = rest[found.end :].lstrip(" ,") or text[clause.end : clause.end + COUNT_CHARS].lstrip(" ,")


def _is_one_of(phrases, text: str) -> bool:
    """Whether ``text`` is one of ``phrases``, whole ('to' between a range's dates)."""
    return any(m.start == 0 and m.end == len(text) for m in phrases.find(text))


def _opens(phrases, text: str) -> Match | None:
    """The phrase ``text`` opens with, if any."""
    found = phrases.find(text)
    return found[0] if found and found[0].start == 0 else None


def _has_just(sentence: Sentence, lex: Lexicon) -> Timex | None:
    """The 'has just' marker of a lead sentence, as the time expression of its event."""
    if any(trap.search(unicodedata.normalize("NFC", sentence.text)) for trap in lex.has_just_traps):
        return None
    found = [(m.start, m.end) for m in lex.marker("has_just").find(sentence.text)]
    found += [m.span() for form in lex.has_just_forms for m in form.finditer(sentence.text)]
    # in a relative clause it tells about a noun ('the strain that has struck Mexico'), not the news
    found = [(a, b) for a, b in found if not _in_a_relative_clause(sentence.text, a, lex)]
    if not found:
        return None
    a, b = min(found)
    return Timex(sentence.start + a, sentence.start + b, sentence.text[a:b], "DATE", "PRESENT_REF")


def _in_a_relative_clause(text: str, at: int, lex: Lexicon) -> bool:
    """Whether a relative pronoun ('who', 'that'; in lower case: 'the WHO has') opens the clause of
    ``at``: right before it ('the strain that has struck'), or further back with no comma and no
    verb between, after a noun, not after a saying or a date ('a consensus that a new era has begun',
    'the extent to which the regime has lost'; not 'announced on Monday that the army has left')."""
    clause_start = max(text.rfind(mark, 0, at) for mark in _CLAUSE_MARKS) + 1
    pronouns = lex.marker("relative_pronouns").find(text, clause_start, at)
    pronoun = next((m for m in reversed(pronouns) if text[m.start].islower()), None)
    if pronoun is None:
        return False
    if not text[pronoun.end : at].strip():
        return True
    if tells_a_predicate(text, pronoun.end, at, lex):
        return False  # the relative clause's own verb came first ('the boy who decided to ride has raised')
    before = word_before(text, pronoun.start, reach=WORD_REACH)
    if before is None or not before[0].islower():
        return False
    return not any(c.category == STATEMENT for c in cues_in(text, before.start(), before.end(), lex))


_CLAUSE_MARKS = (",", ";", ":", " - ", " – ", " — ")


@cache
def _place_pattern(glosses: tuple[tuple[str, str], ...]) -> re.Pattern[str] | None:
    """A place's preposition and the name in Latin letters after it ('gần Mosul', 'tại Baghdad')."""
    if not glosses:
        return None
    prepositions = "|".join(re.escape(p) for p, _ in sorted(glosses, key=lambda g: -len(g[0])))
    name = r"[A-Z][A-Za-z'’-]+"
    return re.compile(rf"(?<!\w)(?P<at>{prepositions})\s+(?P<name>{name}(?:\s+{name}){{0,2}})(?![\w])")


def _place_in(text: str, start: int, end: int, lex: Lexicon) -> str:
    """Where the clause says it happened, in English ('near Mosul'), or '': not a side's own name,
    which the gloss names already ('ở Iraq')."""
    pattern = _place_pattern(lex.place_glosses)
    if pattern is None:
        return ""
    for found in pattern.finditer(unicodedata.normalize("NFC", text[start:end])):
        if all_actor_aliases().get(found["name"]) != found["name"]:
            return f"{dict(lex.place_glosses)[found['at']]} {found['name']}"
    return ""


class _Builder:
    """Makes the events of one article: title, actors, category, gloss and source."""

    def __init__(
        self, doc: Document, lex: Lexicon, people: dict[str, str], frame: list[str], story: bool
    ) -> None:
        self.doc = doc
        self.lex = lex
        self.people = people
        self.frame = frame
        self.story = story  # the article tells the story of the relationship (actors.is_story)

    def _actors(self, start: int, end: int, named: list[str]) -> list[str]:
        """The passage's actors (``named`` in it); in a story of the relationship, the headline's
        stand in for 'the two countries' and fill a passage that names fewer than two (the
        article's setting is implied). Elsewhere a headline is no setting ('Libya is not Iraq')."""
        actors = list(named)
        if not self.story:
            return actors
        if len(actors) < 2 or self.lex.marker("both_parties").find(self.doc.text, start, end):
            actors += [a for a in self.frame if a not in actors]
        elif any(a in actors for a in parties()):  # one party named in a story of both: the other is there
            actors += [a for a in self.frame if a in parties() and a not in actors]
        return actors

    def _nouns(self, cues: Sequence[Cue], start: int) -> frozenset[int]:
        """Where the clause's cues are nouns: after a determiner ('các cuộc không kích'), or in a
        whole happening named as a noun ('sau vụ Mỹ không kích giết tướng Iran': both)."""
        found: set[int] = set()
        named_end = None  # where the last cue of a named happening ends
        for cue in sorted(cues, key=lambda c: c.start):
            before = self._words_before(cue.start, start)  # read once for the three kinds asked
            chained = named_end is not None and _words(self.doc.text[named_end : cue.start]) <= CHAINED_WORDS
            named = chained or any(self.lex.marker(k).find(before) for k in NOMINALISERS)
            named_end = cue.end if named else None
            if named or self.lex.marker("act_nouns").find(before):
                found.add(cue.start)
        return frozenset(found)

    def _is_noun(self, at: int, start: int) -> bool:
        """A cue at ``at`` used as a noun: a determiner among the words just before it."""
        return bool(self.lex.marker("act_nouns").find(self._words_before(at, start)))

    def _words_before(self, at: int, start: int) -> str:
        """The few words before ``at`` (from ``start`` on), where a marker makes a cue a noun."""
        words = _TOKEN.findall(unicodedata.normalize("NFC", self.doc.text[start:at]))[-NOUN_WORDS:]
        return " ".join(words)

    def _targets_party(self, cue: Cue, start: int, end: int, cues: Sequence[Cue]) -> bool:
        """A violent act aimed at the forces of the timeline's first party by someone else.

        The target is the first of the language's ``party_targets`` after the act, before any
        happening named as a noun ('phóng tên lửa vào căn cứ nơi binh sĩ Mỹ đồn trú', 'fired
        missiles at U.S. troops'), or before a passive act ('căn cứ có quân Mỹ bị trúng rocket').
        The agent is the last actor named before an active verb; a noun has none in view.
        """
        text = self.doc.text
        if self._is_passive(cue.start, start):
            targets = self.lex.marker("party_targets").find(text, start, cue.start)
            return bool(targets)
        # a happening named after the act ('đáp trả vụ tấn công làm 3 lính Mỹ chết') has its own target
        stop = min([end, *(c.start for c in cues if c.start >= cue.end and self._is_noun(c.start, cue.end))])
        targets = self.lex.marker("party_targets").find(text, cue.end, stop)
        if not targets:
            return False
        target = actors_in(text, targets[0].start, targets[0].end, self.people)
        agent = None if self._is_noun(cue.start, start) else last_actor(text, start, cue.start, self.people)
        return agent not in target

    def _gloss(
        self, clause: Clause, cue: Cue | None, category: Category, actors: list[str], heading: str
    ) -> str:
        """An English line for readers of any language: an English article's own title; else who
        did what to whom ('US → militias: air strike'), or the actors and the words as written."""
        if self.lex.language == "en":
            return heading.removesuffix(" …")
        text = self.doc.text
        if cue is None:
            who = " – ".join(actors[:3])
            return f"{who}: “{heading}”" if who else f"“{heading}”"
        agent = last_actor(text, clause.start, cue.start, self.people)
        targets = ", ".join(a for a in actors_in(text, cue.end, clause.end, self.people) if a != agent)
        what = cue.gloss or category.label
        if cue.category != category.name:  # a strike found to target the first party's forces
            what = f"{category.label} ({what})"
        if place := _place_in(text, clause.start, clause.end, self.lex):
            what = f"{what} {place}"  # 'US → Iraq: air strike near Mosul'
        if agent:
            return f"{agent} → {targets}: {what}" if targets else f"{agent}: {what}"
        return f"{what}: {targets}" if targets else what

    def _is_passive(self, at: int, start: int) -> bool:
        """A cue at ``at`` in the passive voice: its subject is the one acted on ('bị', 'was')."""
        words = _TOKEN.findall(unicodedata.normalize("NFC", self.doc.text[start:at]))[-1:]
        return bool(words) and bool(self.lex.marker("passive").find(words[0]))

    def event(
        self,
        sentence: Sentence,
        clause: Clause,
        date: str,
        mod: str | None,
        timex: Timex,
        others: Sequence[Clause] = (),
        timexes: Sequence[Timex] = (),
        elsewhere: Sequence[Clause] = (),
        status: str = "happened",
    ) -> Event:
        """The event dated by ``timex``, told in ``clause`` of ``sentence`` (``others`` are the
        clauses of the sentence's other dated happenings, whose words are not this one's;
        ``timexes`` all of the sentence's time expressions; ``elsewhere`` the noun phrases naming
        its other happenings, whose sides are not this one's)."""
        text = self.doc.text
        meta = self.doc.meta
        body_start, body_end = _dateline_end(text, sentence, [timex])
        modal_scopes = _modal_scopes(text, body_start, body_end, [timex], self.lex)
        clause_cues = cues_in(text, clause.main_start, clause.end, self.lex) or cues_in(
            text, clause.start, clause.end, self.lex
        )
        sentence_cues = [
            c
            for c in cues_in(text, body_start, body_end, self.lex)
            if not any(o.start <= c.start < o.end for o in others)
        ]
        nouns = self._nouns(clause_cues, clause.start)
        cue = choose(clause_cues, sentence_cues, timex.start, modal_scopes, nouns)
        category = categories()[cue.category if cue else OTHER]
        if cue and category.violent and self._targets_party(cue, clause.start, body_end, sentence_cues):
            category = categories()[ATTACK_ON_PARTY]
        named = _actors_in_spans(text, _outside_spans(body_start, body_end, elsewhere), self.people)
        if self.story and self.lex.marker("both_parties").find(text, body_start, body_end):
            named = list(dict.fromkeys([*parties(), *named]))  # 'the two countries' of the story
        actors = self._actors(body_start, body_end, named)
        # a tense that dates the news by the paper ('have ended') is the title's predicate, no time in it
        tense = not timexes and tells_a_predicate(text, timex.start, timex.end, self.lex)
        heading = title(
            text,
            (max(clause.start, body_start), clause.end),
            (body_start, body_end),
            [] if tense else timexes or [timex],
            self.lex,
            timex,
        )
        p = period(date)
        source = Source(
            file=self.doc.file,
            title=meta.title,
            outlet=meta.outlet,
            url=meta.url,
            published=meta.published,
            language=meta.language,
            passage_start=sentence.start,
            passage_end=sentence.end,
            passage=sentence.text,
            timex_start=timex.start,
            timex_end=timex.end,
            timex_text=timex.text,
        )
        # a happening told in a clause of time ('... rose after Hamas raided Israel on Oct. 7') has
        # that clause's actors, not those of the happening it leads into
        inner = _clause_of_time(text, clause, timex, self.lex, _BASELINE_OPENERS)
        own = inner or clause
        of_time = inner is not None or _opens_with(text, clause, _BASELINE_OPENERS, self.lex)
        outside = _outside_spans(own.start, own.end, elsewhere)
        acting = [m for a, b in outside for m in acting_mentions(text, a, b, self.people, self.lex)]
        own_actors = _actors_in_spans(text, outside, self.people)
        leading = next((actor for at, actor in acting if at >= own.main_start), None)
        # a subject the title put back ('IS, vốn chiếm giữ ...' is titled 'IS chiếm giữ ...') leads the
        # clause, and the sides the rest of the sentence names are another happening's
        put_back = (
            None
            if leading
            else next(iter(acting_mentions(heading, 0, len(heading), self.people, self.lex)), None)
        )
        leading = put_back[1] if put_back else leading
        acting_actors = list(dict.fromkeys(actor for _, actor in acting))
        if _is_bare_attribution(text, clause, clause_cues, self.lex):
            # a saying's clause after what it reports ('..., the Pentagon announced Monday'): the sides
            # of what it reports are the happening's too
            told = _actors_in_spans(text, [(body_start, clause.start)], self.people)
            told_acting = acting_mentions(text, body_start, clause.start, self.people, self.lex)
            own_actors = list(dict.fromkeys([*own_actors, *told]))
            acting_actors = list(dict.fromkeys([*acting_actors, *(actor for _, actor in told_acting)]))
        key = f"{self.doc.file}|{sentence.start}|{sentence.end}|{date}"
        return Event(
            id=hashlib.sha1(key.encode("utf-8")).hexdigest()[:16],
            date=date,
            precision=p.precision,
            start=p.start.isoformat() if p.start else None,
            end=p.end.isoformat() if p.end else None,
            title=heading,
            actors=actors,
            category=category.name,
            tone=category.tone,
            goldstein=category.goldstein,
            sources=[source],
            mod=mod,
            summary_en=self._gloss(clause, cue, category, actors, heading),
            status=status,
            relevance=relevance(
                # the sides the rest of the sentence names are another's
                [*own_actors, put_back[1]] if put_back else own_actors if of_time else named,
                self.story,
                own_actors,
                leading,
                acting_actors,
            ),
            # the people named: a clue for merging that holds across languages
            extra={"people": people_in(text, sentence.start, sentence.end, self.people)},
        )
