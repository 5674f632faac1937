"""What a tagger knows while reading an article: the publication date and the narrative so far."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

_PUBLISHED = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?)?)?")
# a day/month without year is not read this many days after publication (resources may say otherwise)
_MAX_DAYS_AHEAD = 270
_YEARS = (1000, 2999)  # publication years taken as real; others are noise, not an anchor
_CUE_WINDOW = 50  # characters before an expression searched for a tense cue: about its verb phrase
_VERB_REACH = 25  # characters before an expression where the verb it modifies stands ("announced on")
_FRONTED = re.compile(r"\W*(?:\w+\W+)?")  # what may stand before an expression opening its sentence ("On")
_CUE_AFTER = 30  # characters after a fronted expression searched for its verb's cue ("Sáng mai, Mỹ sẽ ...")
# a sentence ends here ("$5.2 million", "Daniel P. Davison" and "Mr. Lee" do not); the lookahead
# first, so that most positions are passed over after one test, not after three lookbehinds
_BOUNDARY = re.compile(r"(?=[.!?\n])(?:(?<!\b[A-Za-z])(?<!\b(?:Mr|Ms|Dr|St|Jr))(?<!\bMrs)[.!?](?=\s)|\n)")
_CONTEXT_WINDOW = 200  # characters either side searched for a rule's context
_FRAME_REACH = 30  # characters before a year searched for the words that make it the story's frame
_PAST_GRACE = 2  # a day told in the past may lie this far after publication (time zones, late stamps)
_FUTURE_GRACE = 60  # a future sentence may still name a day this recent (reported speech)

_STOPS = ".!?\n"  # the characters a boundary is


def _after_last_boundary(text: str, start: int, end: int) -> int:
    """Where the last sentence boundary in ``text[start:end]`` ends (``start`` when none): looked
    for back from ``end``, a stop at a time, not by a search through the window from ``start``.
    A boundary is one character, so the last one a search would find is the last place one matches."""
    at = end
    while (at := max(text.rfind(stop, start, at) for stop in _STOPS)) >= 0:
        if boundary := _BOUNDARY.match(text, at, end):
            return boundary.end()
    return start


def _before_line_spaces(text: str, at: int) -> int:
    """``at`` moved back over the spaces before it on its line."""
    while at > 0 and text[at - 1] != "\n" and text[at - 1].isspace():
        at -= 1
    return at


def _at_a_line_start(text: str, at: int) -> bool:
    """Whether only spaces stand between a line's start and ``at``."""
    at = _before_line_spaces(text, at)
    return at == 0 or text[at - 1] == "\n"


@dataclass(frozen=True)
class Published:
    year: int | None = None
    month: int | None = None
    day: int | None = None
    time: tuple[int, int, int] | None = None

    @classmethod
    def parse(cls, value: str | None) -> Published:
        m = _PUBLISHED.match(value or "")
        if not m or not _YEARS[0] <= int(m[1]) <= _YEARS[1]:
            return cls()
        year, month, day = (int(g) if g else None for g in m.groups()[:3])
        time = (int(m[4]), int(m[5]), int(m[6] or 0)) if m[4] else None
        if month is not None and not 1 <= month <= 12:
            return cls(year)
        try:
            if day:
                date(year, month, day)  # type: ignore[arg-type]
        except ValueError:
            return cls(year, month)
        if time is not None and not (time[0] < 24 and time[1] < 60 and time[2] < 60):
            time = None
        return cls(year, month, day, time)

    @property
    def date(self) -> date | None:
        return date(self.year, self.month, self.day) if self.day else None  # type: ignore[arg-type]


def dates_around(year: int, month: int, day: int) -> list[date]:
    """The day and month in the year before, in and after ``year``, where the calendar has them."""
    found = []
    for candidate_year in (year - 1, year, year + 1):
        try:
            found.append(date(candidate_year, month, day))
        except ValueError:
            continue
    return found


@dataclass
class Context:
    published: Published
    settings: dict
    last_day: date | None = None  # the latest full date of the narrative: the anchor of "two days later"
    last_month: date | None = None  # the first day of its latest month (of a date or a month told alone)
    month_at: int | None = None  # offset of the expression that gave ``last_month``
    narrative_year: int | None = None  # year of the latest full date (or month) given with its year
    narrative_at: int | None = None  # offset of the expression that gave ``narrative_year``
    mentioned_year: int | None = None  # the latest explicit year: the anchor of "that year", "năm sau"
    quarter: tuple[int, int] | None = None  # (year, number) of the latest quarter named: a report's period
    set_until: int = -1  # offset up to which a recurrence ("every year") governs day/month forms
    clock_set_until: int = -1  # ... and up to which a daily one ("every night") governs clock times
    holidays: dict = field(default_factory=dict)
    days_read: dict = field(default_factory=dict)  # (month, day or None) told yearless: the year first read
    text: str = ""
    future_cues: re.Pattern[str] | None = None  # words that put a sentence in the future ("will", "sẽ")
    past_cues: re.Pattern[str] | None = None  # words that put it in the past ("đã")
    recent_cues: re.Pattern[str] | None = None  # words of the recent past ("vừa": has just), near publication
    year_at: int | None = None  # offset of the latest explicit year of the narrative
    current: int = 0  # offset of the expression being read
    current_end: int = 0  # where it ends: a cue after it is searched from there
    in_caption: bool = False  # the expression captions a photo: it sets no year for the story
    frame: tuple[int, int] | None = None  # (offset, year) of the last year set as the story's frame
    day_at: int | None = None  # offset of the expression that gave ``last_day``, when a comma follows it

    def fronted_day(self) -> date | None:
        """The day a date opening this sentence, set off by a comma, gave ('On 3 June, after Friday
        prayers, ...'): it frames the sentence's other days; None when no such date opens it."""
        if self.day_at is None or self.last_day is None or self.day_at >= self.current:
            return None
        left, _ = self._sentence(self.current, self.current, _CONTEXT_WINDOW, 0)
        if _BOUNDARY.search(self.text, self.day_at, self.current) or not _FRONTED.fullmatch(
            self.text, left, self.day_at
        ):
            return None
        return self.last_day

    def _sentence(self, start: int, end: int, before: int, after: int) -> tuple[int, int]:
        """Bounds of the sentence around ``text[start:end]``, at most ``before``/``after`` characters out."""
        left = _after_last_boundary(self.text, max(0, start - before), start)
        boundary = _BOUNDARY.search(self.text, end, end + after)
        return left, boundary.start() if boundary else min(len(self.text), end + after)

    def opens_a_line_in_brackets(self) -> bool:
        """Whether the expression read opens a line inside a bracket: a live post's time ("(10:55 a.m.
        ET) Flights were canceled"), which is the page's, not the narrative's."""
        # read back from the expression over spaces, not by copying its line (a long line's many
        # clock times made that quadratic)
        at = _before_line_spaces(self.text, self.current)
        return at > 0 and self.text[at - 1] == "(" and _at_a_line_start(self.text, at - 1)

    def tense(self, start: int) -> str | None:
        """``"future"`` or ``"past"``: the tense of the cue ("will", "sẽ"; "đã", "vừa") nearest before
        ``start`` in its sentence; with none there and ``tense_after`` set, of the first cue shortly after
        it ("Đầu năm sau, Mỹ sẽ rút quân": a fronted time expression before its verb), or of the words
        ``tense_after`` names when it is a pattern; else None."""
        cue = self.cue(start)
        return "past" if cue == "recent" else cue

    def cue(self, start: int) -> str | None:
        """Like ``tense``, but a cue of the recent past ("vừa": has just) is ``"recent"``."""
        left, _ = self._sentence(start, start, _CUE_WINDOW, 0)
        kinds = (
            (self.future_cues, "future"),
            (self.past_cues, "past"),
            (self.recent_cues, "recent"),
        )
        nearest, found = -1, None
        for cues, name in kinds:
            for cue in cues.finditer(self.text, left, start) if cues is not None else ():
                if cue.end() > nearest:
                    nearest, found = cue.end(), name
        after = self.settings.get("tense_after")
        if found is None and after:
            end = max(self.current_end, start)
            _, right = self._sentence(end, end, 0, _CUE_AFTER)
            if isinstance(after, str):
                # a pattern read right after an expression that opens its sentence ("On Friday, they
                # will ..."): its verb in the future; elsewhere the verb after may be another clause's
                if _FRONTED.fullmatch(self.text, left, start) is None:
                    return None
                if re.compile(after, re.IGNORECASE).match(self.text, end, right):
                    return "future"
                past = self.settings.get("past_after")
                told_past = past and re.compile(past, re.IGNORECASE).match(self.text, end, right)
                return "past" if told_past else None
            first = right
            for cues, name in kinds:
                cue = cues.search(self.text, end, right) if cues is not None else None
                if cue is not None and cue.start() < first:
                    first, found = cue.start(), name
        return found

    def verb_before(self, start: int) -> str | None:
        """``"past"`` when the words right before ``start`` are a verb in the past that the expression
        modifies ("announced Wednesday", "met on Monday"): a cue further back ("would") tells another
        clause. The resources' ``past_verb_before`` pattern says what such a verb looks like."""
        pattern = self.settings.get("past_verb_before")
        if not pattern:
            return None
        window = self.text[max(0, start - _VERB_REACH) : start]
        return "past" if re.search(pattern, window) else None

    def year_in_sentence(self) -> bool:
        """True when the sentence of the expression being read named a year before it."""
        return self._earlier_in_sentence(self.year_at)

    def month_in_sentence(self) -> bool:
        """True when the sentence of the expression being read named a month (or a day) before it."""
        return self._earlier_in_sentence(self.month_at)

    def _earlier_in_sentence(self, at: int | None) -> bool:
        """Whether an expression read at ``at`` stands before the one being read, in its sentence."""
        if at is None or at > self.current:
            return False
        return _BOUNDARY.search(self.text, at, self.current) is None

    def note_month_at(self, month: date) -> None:
        self.last_month, self.month_at = month, self.current

    def sentence_has(self, start: int, end: int, pattern: re.Pattern[str]) -> bool:
        """True when ``pattern`` occurs in the sentence around ``text[start:end]``."""
        left, right = self._sentence(start, end, _CONTEXT_WINDOW, _CONTEXT_WINDOW)
        return pattern.search(self.text, left, right) is not None

    def sentence_end(self, offset: int) -> int:
        return self._sentence(offset, offset, 0, _CONTEXT_WINDOW)[1]

    def note_year(self, year: int) -> bool:
        """An explicit year is the narrative's, unless it is a deadline or a plan (after publication;
        with no publication date, led into by the language's ``deadline_before``: 'until the end of
        2011', 'đến hết năm 2011', or in a sentence in the future: 'sẽ chịu án sau ngày 4-1-2007') or
        captions a photo (a file picture of another year). Whether it is the narrative's."""
        if (
            self.in_caption
            or (self.published.year is None and (self._after_a_deadline_word() or self._in_a_plan()))
            or self._after("since_before")  # 'đã chiếm Mosul từ tháng 6-2014': a state's start, to now
        ):
            return False
        if self.published.year is not None and year > self.published.year:
            return False
        self.mentioned_year = year
        self.year_at = self.current
        frame = self.settings.get("narrative_frame")
        if frame and re.search(frame, self.text[max(0, self.current - _FRAME_REACH) : self.current]):
            self.frame = (self.current, year)
        return True

    def _in_a_plan(self) -> bool:
        """Whether a cue of the future ('will', 'sẽ') stands earlier in the sentence being read."""
        left, _ = self._sentence(self.current, self.current, _CONTEXT_WINDOW, 0)
        return (
            self.future_cues is not None
            and self.future_cues.search(self.text, left, self.current) is not None
        )

    def _after_a_deadline_word(self) -> bool:
        return self._after("deadline_before")

    def _after(self, setting: str) -> bool:
        """Whether the language's pattern ``setting`` ends right before the expression being read."""
        pattern = self.settings.get(setting)
        return (
            bool(pattern)
            and re.search(pattern, self.text[max(0, self.current - _FRAME_REACH) : self.current]) is not None
        )

    def _year_frames_the_story(self) -> bool:
        """Whether the latest year named sets the story in it for a day or month without one: named
        in this sentence, or as a frame ('In 2017, ...', 'Năm 2010, ...'), not in passing."""
        if self.mentioned_year is None:
            return False
        framed = self.frame is not None and self.frame[1] == self.mentioned_year
        return framed or self.year_in_sentence() or not self.settings.get("narrative_frame")

    def story_told_here(self) -> bool:
        """True when an earlier sentence of this paragraph set the story in a year ("In early 2019, ..."):
        a flashback that bare days and months follow where they otherwise take the publication's year.
        A sentence in the future (a plan, a deadline) stays with the publication."""
        if self.frame is None or self.frame[1] != self.mentioned_year:
            return False
        between = self.text[self.frame[0] : self.current]
        earlier_sentence = "\n" not in between and _BOUNDARY.search(between) is not None
        return earlier_sentence and self.tense(self.current) != "future"

    def bare_days_by_publication(self) -> bool:
        """Whether a day or a holiday given without its year takes the publication's: the language
        anchors those there (``day_month_anchor = "published"``) and no earlier sentence of the
        paragraph set the story in a year."""
        return self.settings.get("day_month_anchor") == "published" and not self.story_told_here()

    def note_month(self, year: int) -> None:
        if self.note_year(year):
            self.narrative_year, self.narrative_at = year, self.current

    def note_day(self, day: date, explicit_year: bool) -> None:
        if self.in_caption:
            return
        self.last_day = day
        self.day_at = self.current if self.text[self.current_end : self.current_end + 1] == "," else None
        self.note_month_at(day.replace(day=1))
        if explicit_year:
            self.note_month(day.year)

    def _nearest_the_narrative(self, year: int, month: int, day: int | None) -> int:
        """The year, or the one before or after it, that puts the day or month nearest the narrative's
        latest full date ('hôm 28.12.2023 ... ngày 5.1' is the next January's fifth), not after
        publication: a story told in order crosses a new year."""
        if self.last_day is None or self.last_day.year != year:
            return year
        reference = self.published.date
        ahead = self.settings.get("max_days_ahead", _MAX_DAYS_AHEAD)
        candidates = [
            (abs((candidate - self.last_day).days), candidate.year)
            for candidate in dates_around(year, month, day or 1)
            if reference is None or (candidate - reference).days <= ahead
        ]
        return min(candidates)[1] if candidates else year

    def story_year(self) -> int | None:
        """The year the article is telling about: its latest full date's, its latest year, publication's.
        With a publication year, a year named in passing in an earlier sentence ('Trump in 2017
        declared ... Biden agreed in July') is no story's year: only one that frames it is."""
        if (
            self.published.year is not None
            and self.narrative_year is None
            and not self._year_frames_the_story()
        ):
            return self.published.year
        # a frame set after the latest full date moves the story on ('... the September 11, 2001,
        # attacks. In 2011, troops withdrew but came back in 2014 ... in January')
        frame = self.frame
        if (
            frame is not None
            and frame[1] == self.mentioned_year
            and (self.narrative_at is None or frame[0] > self.narrative_at)
        ):
            return self.mentioned_year
        return self.narrative_year or self.mentioned_year or self.published.year

    def year_for(
        self,
        month: int,
        day: int | None,
        recent: bool = False,
        future: bool = False,
        past: bool = False,
        happened: bool = False,
    ) -> int | None:
        """The year of a day/month (or month) given without one.

        The narrative's year (of its latest full date, else its latest year) comes first, unless the
        language's resources say ``day_month_anchor = "published"`` or the form is ``recent``
        (Vietnamese ``hôm 3/1``: a day near the time of writing) and the paragraph has named no year.
        A reading too far after publication moves a year back; in a ``future`` sentence a reading from
        publication is the next one on or after it; a ``past`` form ("last May") is before publication,
        and so is a day that ``happened`` ("đã họp hôm 4/7": told in the past), a couple of days aside.
        """
        pub = self.published
        if pub.year is None and self.narrative_year is None and not self._year_frames_the_story():
            return None  # '... thảm sát ở Dujail năm 1982. Chiều 29-12, ...': a year told in passing
        # a plan or a deadline ("sẽ ký ngày 3/6") is after publication, unless its sentence names a year
        publication_first = (
            recent or (future and not self.year_in_sentence()) or self.bare_days_by_publication()
        )
        year = pub.year if pub.year is not None and publication_first else self.story_year()
        if year is not None and (not publication_first or pub.year is None):
            year = self._nearest_the_narrative(year, month, day)
        if year is None or pub.year is None or pub.month is None:
            return year
        reference = date(pub.year, pub.month, pub.day or 1)
        try:
            candidate = date(year, month, day or 1)
        except ValueError:
            return year
        ahead = (candidate - reference).days
        if past and year == pub.year:  # "last February" said in February is a year ago
            return year - 1 if ahead >= 0 or (day is None and month == pub.month) else year
        if future and year == pub.year:
            return year + 1 if ahead < -_FUTURE_GRACE else year
        if happened and year == pub.year and day is not None and pub.day is not None and ahead > _PAST_GRACE:
            return year - 1
        if happened and year == pub.year and day is None and month > pub.month:  # "In April, ... scrapped"
            return year - 1
        return year - 1 if ahead > self.settings.get("max_days_ahead", _MAX_DAYS_AHEAD) else year
