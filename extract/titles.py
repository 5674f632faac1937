"""Event titles: a short who-did-what phrase cut from the article's own words.

A title is the clause that tells the happening, without the time expression that opens or
closes it (the date is shown beside the title), without a leading connector ('and', 'nhưng'),
cut at a clause or word boundary, never inside a word. A clause that only says who spoke
('he said Thursday') gives way to its whole sentence, whose other clauses tell what was said.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from functools import cache

from extract.categories import STATEMENT, Cue, cue_opening, cues_in
from extract.lexicon import Lexicon, Phrases, remembered
from extract.model import Timex
from extract.period import period

TITLE_CHARS = 90
LONG_TITLE_CHARS = 120  # ... or up to this, to end a title whole rather than inside a phrase
WHOLE_TITLE_CHARS = 105  # a whole clause up to this long is kept whole, not cut to TITLE_CHARS
MIN_CUT_CHARS = 40  # a clause boundary closer to the start than this makes too short a title
MAX_ATTRIBUTION_TAIL_WORDS = 4  # ... of which so many after its verb ('a news conference')
ATTRIBUTION_TIME_CHARS = 12  # a time this close after a saying dates it ('said on Friday')
MAX_ATTRIBUTION_WORDS = 8  # 'deputy health minister Yakov Litzman told a news conference'
MIN_TITLE_WORDS = 3  # fewer words besides its time expressions: the clause alone says nothing
QUALIFIED_WORDS = 3  # a possessor's noun with its adjectives ("Moscow's busiest airport")
MAX_SUBJECT_CHARS = 45  # a subject put back before its predicate: a name or a short noun phrase
MODIFIER_WORDS = 3  # words between a determiner and a date in its noun phrase ('the far more serious 1918')
REDUCED_NOUN_CHARS = 50  # how far before a participle its noun phrase's determiner is looked for
MAX_FRONTED_CHARS = 120  # a phrase of time before the main clause, dropped from a title
MAX_POSSESSOR_WORDS = 3  # 'Its leader', 'His eldest son': a subject a name in apposition stands for
MAX_PRONOUN_CHARS = 12  # the longest pronoun of a language ("chúng tôi")
MAX_LABEL_CHARS = 40  # a label before a colon that opens a title ('Update:')
MAX_PLACE_WORDS = 3  # 'Geneva, Switzerland,': the words of a place's country or state
LEAD_IN_CHARS = 40  # the words that lead into a time inside a title ('shortly after', 'early on the')
MAX_TOLD_WORDS = 3  # whom a quotation was told ('told reporters', 'told the BBC')
WORD_REACH = 30  # characters back to the start of a long word ('acknowledged that')
RELATIVE_CHARS = 20  # a relative's opener ends within so many characters ('lực lượng từng')
MAX_TIME_APPOSITION_WORDS = 8  # 'the ninth day of protests against his rule'
TIME_APPOSITION_HEAD_WORDS = 4  # ... names its time within so many words ('the first full day')
MAX_ASIDE_CHARS = 120  # an aside between a subject and its predicate, dropped from a title
APPOSITION_WORDS = 3  # an aside naming a post: words besides its dates ('a political prisoner from')

_WORD = re.compile(r"[^\W\d_][\w'’-]*|\d[\d.,/:-]*")
_EDGE_PUNCTUATION = " \t\n,;:.-–—()[]\"'“”‘’…|*•"
_POSSESSIVE = re.compile(r"['’]s\b")
_NAME_WITH_PARTICLE = re.compile(r"[a-z]{1,3}-[A-Z]")  # 'al-Khatib', 'el-Baradei'
_COMMA = re.compile(r",(?=\s)")
# words in capitals run into a sentence's first word in mixed case ('FIRST CONFIRMED CASE Edgar ...')
_CAPS_RUN = re.compile(r"(?:[A-Z][A-Z'’.()-]*,?\s+)+(?=[A-Z][a-z]|I\s)")
HEADING_WORDS = 2  # words of four capitals or more that make a run in capitals a heading, not acronyms
# what closes an apposition before its subject's predicate: a comma, or a spaced dash
_APPOSITION_MARK = re.compile(r",(?=\s)|(?<=\s)(?:--|[-–—])(?=\s)")
_TIME_CLAUSE_OPENERS = ("subordinators", "title_subordinators")  # 'after', and 'since' too
_TOKEN_RUN = re.compile(r"[^\s,;:()]+")  # a word with its dots and hyphens ('U.S.', 'Ki-moon')
_COMMA_IN_QUOTES = re.compile(r",[\"”]?(?=\s)")  # also one closing a quoted name ('op-ed, "Fairness,"')
_CLAUSE_BOUNDARY = re.compile(r"[,;:]\s|\s[-–—]+\s")
_SENTENCE_JOIN = re.compile(r"[;:]\s")
_DASH_ASIDE = re.compile(r"\s(?:--|[-–—])\s")
_ONE_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_OPENS_ANOTHER = ("pronouns", "determiners", "relative_pronouns", "title_connectors_inside")
_FRONTING = ("subordinators", "prepositions", "title_lead_ins")  # words that open a phrase before the subject
_NOT_NAMES = ("pronouns", "determiners", "act_nouns", "title_connectors")  # capitalised, they open a sentence
LIST_CHARS = 120  # enough to read the names before a comma of a list and the rest of the list
MAX_LIST_ITEM_WORDS = 4  # the words of one name in a list ('the United Arab Emirates')
PAIR_CONTEXT_CHARS = 60  # enough to read the two words before a dash and the two after it
_BRACKET_TAIL = re.compile(r"^[^()]{1,20}\)[\s,;:.-]*(?=\S)")  # the end of a bracket the title starts in
_LEFT_COMMAS = re.compile(r"(?<=[,;:])(?:\s*,)+")  # what a list of dates leaves in a title ('1985, 1986,')
_LAST_WORD = re.compile(r"[^\W\d_][\w'’-]*$")
_APOSTROPHES = ("'", "’")
_OPENING_QUOTES = '"“'
_QUOTE_MARKS = set('"“”«»')  # a title with one keeps its speaker; not an apostrophe ('Mexico\'s')
_CLOSING_QUOTE = re.compile(r"[\"”]")
MAX_QUOTE_CHARS = 60  # a quoted phrase, not a quoted statement
PREDICATE_AFTER_DATE_CHARS = 40  # a date between a subject and its predicate ('X ngày 10/7 tuyên bố')
NOMINAL_CHARS = 60  # a nominalised happening and what it is about, before its date ('cuộc xâm lược Iraq')
PURPOSE_VERB_CHARS = 20  # the verb between a purpose and the happening it names ('để [đáp trả] vụ')
MAX_COMPLEMENT_WORDS = 8  # what an action noun is about ('the attack [on a base north of Baghdad]')
MAX_NAMING_WORDS = 3  # words between a date and the action noun of the phrase it is in
_PHRASE_WORD = re.compile(r"[^\s,;:]+")
_NAME_GOES_ON = re.compile(r" [A-Z]")
_BRACKET_OPENING = re.compile(
    r"\(((?:[^()\n]|\([^()\n]{0,40}\)){1,80})\)\s*"
)  # one bracket may nest: "(5 p.m. (0027 GMT))"
_AGE = re.compile(r"\s*\d{1,3}(?!\d)\s*")
_BRACKETED = re.compile(r"\s*\(\s*([^()\n]{1,30}?)\s*\)")
_HYPHENATED = re.compile(r"[\w'’]+(?:-[\w'’]+)+")  # a compound word ('rebel-held', 'U.S.-led')
_RESTATED_DATE = re.compile(r"\(\d{1,4}(?:[./-]\d{1,4}){1,2}\)")
_NAME_BEFORE = re.compile(r"\b[A-Z][\w'’-]* $")
_NEXT_LOWER_WORD = re.compile(r" ([a-z][a-z-]*)\b(?![’'])")
MIN_NAMED_WORDS = 2  # 'Uprising' alone says too little
MIN_UNNAMED_WORDS = 6  # a phrase naming a happening with no name in it says enough from this long


def title(
    text: str,
    clause: tuple[int, int],
    sentence: tuple[int, int],
    timexes: Sequence[Timex],
    lex: Lexicon,
    dated: Timex | None = None,
) -> str:
    """The title of the happening told in ``text[clause]``, inside ``text[sentence]``; ``dated``
    is the happening's own time expression, when known."""
    if stamp_end := _bracketed_stamp(text, sentence, timexes):
        # '(8:59 p.m. Monday ET, 2:59 a.m. Tuesday in Libya) Medvedev criticized ...': the post's time
        in_stamp = dated is not None and dated.start < stamp_end
        clause = (
            (stamp_end, sentence[1]) if in_stamp else (max(clause[0], stamp_end), max(clause[1], stamp_end))
        )
        sentence = (stamp_end, sentence[1])
    main = _after_setting(text, clause, sentence, dated, timexes, lex) if dated else None
    if main:  # 'In a report last December, Hutton set out ...': what was done then, not the report
        clause = (main, clause[1] if clause[1] > main else sentence[1])
    if dated and (then := _what_happened_then(text, sentence, dated, lex)):
        # 'The crisis recalled the drought of 1984, when farmers left the valley': what 'when' tells,
        # before a happening named by a noun ('vụ tấn công đầu tiên từ tháng 9 năm ngoái, khi ba quả
        # đạn cối rơi xuống')
        start, end = _trimmed(text, *then, timexes, lex)
        return _titled(text, start, end, timexes, lex)
    if (
        dated
        and not main
        and not _is_predicate(text, dated.start, lex)  # a tense dated by the paper ('have resurfaced')
        and (
            named := _named_happening(text, dated, sentence[1], lex)
            or _happening_before(text, clause[0], dated, sentence[1], lex)
            or _nominalised_happening(text, clause[0], dated, lex)
        )
    ):
        start, end, subject = named
        return _titled(text, start, end, timexes, lex, subject)
    if dated and (told := _cleft(text, sentence, dated, lex)) is not None:
        # 'It was in early August, he said, that everything started falling apart': what followed 'that'
        start, end = _trimmed(text, told, _before_unclosed_bracket(text, told, sentence[1]), timexes, lex)
        return _titled(text, start, end, timexes, lex)
    if dated and (saying := _quoted_saying(text, clause, sentence, dated, timexes, lex)):
        speaker, quote = saying  # '"There is a lot of support," Bowles said on Thursday'
        return _capitalised(_cut(f'"{quote}"', lex, f"{speaker}:"))
    if dated and (apposed := _apposed_participle(text, clause, sentence, dated, lex)):
        # 'Belhadj, born in 1988, joined ...': 'Belhadj was born'
        start, end, subject = apposed
        start, end = _trimmed(text, start, end, timexes, lex)
        return _titled(text, start, end, timexes, lex, _with_passive_auxiliary(subject, lex))
    if aside := _aside(text, clause, sentence, timexes, lex):
        start, end, subject = aside
        return _titled(text, start, end, timexes, lex, subject)
    clause = (clause[0], _over_a_quote(text, clause[1], sentence[1], lex))
    clause = (clause[0], _over_an_aside(text, clause, sentence[1], timexes, lex))
    if dated and (inner := subordinate_start(text, clause, dated, lex)) is not None:
        # the main clause's predicate right after the date closes the clause of time ('con số sau
        # khi Mỹ rút khỏi Iraq năm 2011 [cho thấy] ...')
        of_time = _right_after(text, inner, lex.marker("subordinators"))
        # (unless the clause of time has told no predicate yet: 'after the allies on Monday declined')
        closes = (
            of_time
            and _is_predicate(text, after_spaces(text, dated.end), lex)
            and tells_a_predicate(text, inner, dated.start, lex)
        )
        # ... and so does a predicate joined after the date: whose it is, the clause of time's or the
        # main clause's, no word tells ('since protests started in March and has given sanctuary')
        subordinated = of_time or _right_after(text, inner, lex.marker("title_subordinators"))
        joined = subordinated and (
            joiner := lex.marker("title_coordinators").opening(text, after_spaces(text, dated.end), clause[1])
        )
        closes = closes or bool(joined and _is_predicate(text, after_spaces(text, joiner.end), lex))
        until = dated.end if closes else _before_unclosed_bracket(text, inner, clause[1])
        start, end = _trimmed(text, inner, until, timexes, lex)
        words = _WORD.findall(text, start, end)
        if len(words) >= MIN_TITLE_WORDS or not lex.marker("pronouns").find(words[0] if words else ""):
            # a clause with its own subject and predicate, or a participle's ('after falling ill ...')
            if finite := _trailing_participle(text, start, end, sentence, timexes, lex):
                start, past, subject = finite
                return _titled(text, start, end, timexes, lex, subject, past)
            return _titled(text, start, end, timexes, lex)
        # 'It began', 'We are': a pronoun and its verb say too little
    if dated and (fronted := _fronted_participle(text, sentence, dated, lex)):
        # 'Born in 1958 in Gary, Indiana, Jackson became ...': 'Jackson born in Gary, Indiana'
        start, end, subject = fronted
        first = _WORD.match(text, start)[0].casefold()  # type: ignore[index]
        start, end = _trimmed(text, start, end, timexes, lex)
        return _titled(text, start, end, timexes, lex, _with_passive_auxiliary(subject, lex), first)
    if dated and (gerund := _gerund_before(text, clause, dated, lex)) is not None:
        # '... have struggled since taking control of the east in February': what the -ing form tells,
        # done by the main clause's subject ('The rebels took control of the east'), when the main
        # clause tells a state, in the perfect, and no action ('He fell ill after arriving in Basra on
        # Monday' tells the main clause)
        lead_start, at = gerund
        acts = any(c.category != STATEMENT for c in cues_in(text, clause[0], lead_start, lex))
        state = lex.marker("perfect_auxiliaries").find(text, clause[0], lead_start)
        if (
            state
            and not acts
            and (finite := _trailing_participle(text, at, dated.start, sentence, timexes, lex))
        ):
            start, past, subject = finite
            end = _stripped(text, start, _without_lead_in(text, start, dated.start, lex))[1]
            return _titled(text, start, end, timexes, lex, subject, past)
    if dated and not main and (told := _object_relative(text, clause, dated, lex)):
        subject, verbs, about = told  # 'the king Gaddafi overthrew in 1969': 'Gaddafi overthrew the king'
        return _capitalised(_cut(f"{verbs} {about}", lex, subject))
    if dated and not main and (reduced := _reduced_relative(text, clause, dated, lex)):
        # 'a taxpayer value review ordered six years ago by his predecessor': the noun and its participle
        return _titled(text, *reduced, timexes, lex)
    if dated and not main and (inside := _restrictive_relative(text, clause, sentence[0], dated, lex)):
        start, end, subject = inside
        return _titled(text, start, end, timexes, lex, subject)
    start, end = _trimmed(text, clause[0], _before_unclosed_bracket(text, *clause), timexes, lex)
    start = _after_fronted(text, start, end, lex, dated)
    if _continues_the_sentence(text, start, sentence[0], timexes, lex):
        start = _trimmed(text, sentence[0], end, timexes, lex)[0]
    relative = _relative(text, clause[0], start, sentence, lex) if start < end else None
    if relative:  # a predicate: it says enough with what it is about
        start, subject, aside_end = relative
        if aside_end == sentence[1]:  # a relative clause after a comma ends at the next one, past
            # its date ('IndyMac, which failed last summer, to conceal its problems')
            closings = _CLAUSE_BOUNDARY.finditer(text, max(start, dated.end if dated else start), sentence[1])
            # ... not at one that parts a list of names ('near Tripoli, Misrata and Ajdabiya')
            closing = next((m for m in closings if not lists_names(text, m.start(), lex)), None)
            aside_end = closing.start() if closing else aside_end
        if aside_end < end:  # a participle's aside, or a relative clause: its title ends with it
            end = _trimmed(text, start, aside_end, timexes, lex)[1]
        # ... and its date right after the pronoun goes ('The agency, which in 2009 was given powers')
        start = _trimmed(text, start, end, timexes, lex)[0] if start < end else start
    else:
        if finite := _trailing_participle(text, start, end, sentence, timexes, lex):
            # '..., announcing on Thursday it was closing ...': the main clause's subject did it
            start, past, subject = finite
            return _titled(text, start, end, timexes, lex, subject, past)
        if _only_took_place(text, start, end, timexes, lex) and not any(
            end <= t.start < sentence[1] and t != dated for t in timexes
        ):
            # 'vụ việc xảy ra trong đêm 20/2, nhằm vào căn cứ Balad': what follows tells what it was,
            # unless it holds a time of its own ('đã diễn ra suốt tháng 7 và tiếp tục trong tháng 8')
            end = _trimmed(text, start, _before_unclosed_bracket(text, start, sentence[1]), timexes, lex)[1]
        too_little = _says_too_little(text, (start, end), sentence, timexes, lex)
        if too_little and (shared := _shared_subject(text, clause[0], start, sentence[0], lex)):
            too_little = _says_too_little(text, (start, end), sentence, timexes, lex, shared)
        if too_little:
            # a phrase closing the sentence adds little to what comes before it
            until = start if _is_a_closing_phrase(text, (start, end), sentence[0], lex) else sentence[1]
            start, end = _trimmed(
                text, sentence[0], _before_unclosed_bracket(text, sentence[0], until), timexes, lex
            )
            start = _after_fronted(text, start, end, lex, dated)
        if start >= end:  # nothing but a time: the clause as written
            start, end = _one_line(text, *clause)
        subject = _subject(text, start, sentence[0], lex, timexes)
        if not subject or tells_a_predicate(subject, 0, subject.rfind(" "), lex):
            # no apposition's subject, or one that is a clause, not a subject and its auxiliary ('The
            # envoy compared Basra with Mosul, where militias looted, burned and razed the souk', not
            # 'the governor had, in effect, agreed'): the subject the predicate shares, if any
            subject = _shared_subject(text, clause[0], start, sentence[0], lex, end) or subject
    return _titled(text, start, end, timexes, lex, subject)


SUBJECT_WORDS = 8  # a main clause's predicate comes within so many words, ...
TITLED_NAME_WORDS = 4  # capitalised words of a name and its titles ('U.S. Defense Secretary Robert Gates')
SHORT_SUBJECT_WORDS = 3  # words of a subject with no determiner ('congressional leaders')
MAIN_CLAUSE_WORDS = 16  # ... or within so many before a comma (Vietnamese counts syllables)


def _after_setting(
    text: str,
    clause: tuple[int, int],
    sentence: tuple[int, int],
    dated: Timex,
    timexes: Sequence[Timex],
    lex: Lexicon,
) -> int | None:
    """Where the main clause starts after a fronted phrase that sets it: one opened by a setting word
    that holds its date ('In an interim report last December, Hutton set out a case'; 'Trong cuộc
    gặp hôm 3/1, hai bên đã ký'), or one that tells where it was said or done, after a fronted date
    ('On Tuesday, in a meeting hosted by the premier, the cabinet worked out ...'). The clause given
    opens the sentence and holds the phrase, which ends at a comma that a subject and a predicate
    follow, perhaps after asides. None otherwise."""
    start, end = _stripped(text, *clause)
    if start != _stripped(text, *sentence)[0]:
        return None
    opener = _after_leading(text, start, end, lex.marker("title_settings"))
    role = _after_leading(text, start, end, lex.marker("title_role_settings"))
    if opener == start < role:
        comma = text.find(",", dated.end, sentence[1])
        if not start <= dated.start < end or comma < 0 or may_be_a_clause(text, role, comma, lex):
            return None
        opener = role
    # a participle's phrase ('Announcing the tour on Monday, Lewis said ...'), not one of an earlier
    # happening ('Having gone to war in 1998, ...'); its main clause's subject may be a list or a
    # name and its apposition, so the subject's predicate comes before the next comma
    participle = opener == start and _opens_with_participle(text, start, lex)
    if participle:
        opener = _WORD.match(text, start).end()  # type: ignore[union-attr]
    settings = []  # (where the phrase's words start, where it ends, whether a predicate would undo it)
    after_date = after_spaces(text, dated.end)
    comma_after = text[after_date : after_date + 1] == ","
    # a setting that is a date alone ('On Monday, the envoy ...', 'On Monday the envoy ...', not
    # 'During Tuesday's debate', 'In November alone') is trimmed with the clause; only an aside after
    # its comma ('In March, as in previous years, ...') is passed here
    date_only = (
        opener > start
        and not participle
        and after_spaces(text, opener) == dated.start
        and (comma_after or _opens_a_noun_phrase(text, after_date, lex))
    )
    aside_after = comma_after and not _opens_a_noun_phrase(text, after_spaces(text, after_date + 1), lex)
    if opener > start and start <= dated.start < end and (aside_after or not date_only):
        settings.append((opener, dated.end, True))  # the setting's own predicate would make it a clause
    if not settings or date_only:
        # past an opening date ('On Tuesday, in a meeting hosted by ...'): a participle may follow
        phrase = _trimmed(text, start, end, timexes, lex)[0]
        fronted = _after_leading(text, phrase, end, lex.marker("title_fronted"))
        if fronted > phrase > start:
            settings.insert(0, (fronted, fronted, False))
    if restated := _RESTATED_DATE.match(text, after_spaces(text, dated.end)):
        end = max(end, restated.end())  # 'vào ngày hôm qua (5.1),': its bracket is no edge to strip
    for opener, phrase_end, predicates in settings:
        if after_spaces(text, end) < text.find(",", phrase_end, sentence[1]):
            continue  # the clause ends before the phrase does
        if (
            main := _main_after(text, opener, phrase_end, predicates, dated, sentence, lex, participle)
        ) is not None:
            return main
    return None


def _main_after(
    text: str,
    opener: int,
    phrase_end: int,
    predicates: bool,
    dated: Timex,
    sentence: tuple[int, int],
    lex: Lexicon,
    participle: bool,
) -> int | None:
    """Where the main clause starts after the phrase's comma, or after asides that follow it ('In
    July, as in previous years, Mason met ...'): a subject its predicate follows (before the next
    comma after a ``participle``'s phrase). None if ``predicates`` and the phrase from ``opener``
    tells one of its own."""
    follows = _predicate_before_comma if participle else _predicate_follows
    for comma in _COMMA_IN_QUOTES.finditer(text, phrase_end, sentence[1]):
        # the setting's head follows its opener and is a noun ('At [talks] in Baghdad', 'Tại cuộc [gặp]')
        words = itertools.islice(_WORD.finditer(text, opener, comma.start()), 1, None)
        if predicates and any(
            _is_predicate(text, w.start(), lex) and not _dates_a_participle(text, w, dated, lex)
            for w in words
        ):
            return None
        if len(_DASH_ASIDE.findall(text, phrase_end, comma.start())) % 2:
            continue  # a comma of a list inside an aside ('-- including two toddlers, a man --')
        main = after_spaces(text, comma.end())
        subject = _opens_a_noun_phrase(text, main, lex) or (participle and _bare_subject(text, main, lex))
        if subject and follows(text, main, sentence[1], lex):
            return main
    return None


def may_be_a_clause(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """Whether ``text[start:end]`` may be a clause: a word of it is a predicate, a form a verb may
    take, or a personal pronoun ('As we kick off the week')."""
    forms = (*lex.verb_forms, *lex.nonfinite_forms, *lex.present_forms)
    return any(
        _is_predicate(text, w.start(), lex)
        or any(f.fullmatch(w[0]) for f in forms)
        or lex.marker("pronouns").find(w[0].casefold())
        for w in _WORD.finditer(text, start, end)
    )


def _dates_a_participle(text: str, word: re.Match, dated: Timex, lex: Lexicon) -> bool:
    """Whether ``word`` is a participle that ``dated`` follows, or one right after ``dated`` that
    leads into its agent: the noun's it qualifies, no predicate ('In a paper [released] earlier this
    month, officials said ...', 'In a trip last month [organized] by a broker, ...')."""
    if not _is_participle(word[0], lex):
        return False
    if after_spaces(text, dated.end) == word.start():
        return bool(lex.marker("title_noun_agents").opening(text, after_spaces(text, word.end()), len(text)))
    after = after_spaces(text, word.end())
    after = _after_leading(text, after, dated.start, lex.marker("title_lead_ins"))
    return after_spaces(text, after) == dated.start


def _cleft(text: str, sentence: tuple[int, int], dated: Timex, lex: Lexicon) -> int | None:
    """Where the clause a cleft sentence puts its date before starts ('It was on Monday [that] the
    army entered', 'It was in early August, he said, that ...'): after the language's cleft opener,
    the date with its lead-in, perhaps an aside between commas, and the joiner. None otherwise."""
    start = after_spaces(text, sentence[0])
    start = after_spaces(text, _after_leading(text, start, dated.start, lex.marker("title_connectors")))
    opener = _after_leading(text, start, dated.start, lex.marker("cleft_openers"))
    if opener == start or _words_between(text, opener, dated.start, lex):
        return None
    at = after_spaces(text, dated.end)
    joiners = lex.marker("cleft_joiners")
    if text[at : at + 1] == ",":
        after_comma = after_spaces(text, at + 1)
        if _after_leading(text, after_comma, sentence[1], joiners) > after_comma:
            at = after_comma  # 'That was the case on Monday, when ...'
        elif (closing := text.find(",", at + 1, min(sentence[1], at + MAX_ASIDE_CHARS))) > 0:
            at = after_spaces(text, closing + 1)  # an aside before the joiner: ', he said, that'
    joiner = _after_leading(text, at, sentence[1], joiners)
    return after_spaces(text, joiner) if joiner > at else None


def _what_happened_then(
    text: str, sentence: tuple[int, int], dated: Timex, lex: Lexicon
) -> tuple[int, int] | None:
    """The clause that a relative 'when' after a time opens, up to its end: it tells what happened
    then ('recalled the drought of 1984, when farmers left the valley'). Only after a time that
    closes a clause of its own, not one that opens the sentence ('In 1984, when ..., the government
    built ...' is titled by its main clause), nor the end of a span ('from 1976 until 2005, when
    ...'), and only when the clause tells a happening, not a state ('when she was 9')."""
    comma = after_spaces(text, dated.end)
    after_comma = text[comma : comma + 1] == ","
    if (
        # ... or, with no comma, after the start of a span ('has been at war since February when ...')
        # or a time a noun phrase names ('This reminds me of 1919 when the League of Nations ...')
        (not after_comma and not starts_a_span(text, dated, lex) and not _named_by_a_noun(text, dated, lex))
        or period(dated.value).precision == "span"
        or not _words_between(text, after_spaces(text, sentence[0]), dated.start, lex)
    ):
        return None
    start = after_spaces(text, comma + 1) if after_comma else comma
    opener = _after_leading(text, start, sentence[1], lex.marker("time_relatives"))
    inner = after_spaces(text, opener)
    if opener == start or not opens_a_subject(text, inner, lex):
        return None
    boundary = _clause_boundary(text, inner, sentence[1], lex)
    # past an aside between the subject and its predicate ('people, inspired by ..., rose up')
    while (
        boundary
        and text[boundary.start()] == ","
        and (second := _COMMA.search(text, boundary.end(), sentence[1]))
        and is_aside_before_predicate(text, boundary.start(), second.start(), [dated], lex)
    ):
        boundary = _clause_boundary(text, second.end(), sentence[1], lex)
    end = boundary.start() if boundary else sentence[1]
    return None if _tells_no_happening(text, inner, end, lex) else (inner, end)


def _named_by_a_noun(text: str, dated: Timex, lex: Lexicon) -> bool:
    """Whether a genitive's preposition leads into ``dated`` ('the drought of 1984', 'reminds me of 1919')."""
    lead = word_before(text, dated.start, reach=WORD_REACH)
    return bool(lead) and bool(lex.marker("genitive_prepositions").find(lead[0].lower()))  # type: ignore[index]


def starts_a_span(text: str, dated: Timex, lex: Lexicon) -> bool:
    """Whether a word that opens a span leads into ``dated`` ('since February', 'kể từ tháng 2')."""
    lead = word_before(text, dated.start, reach=WORD_REACH)
    return bool(lead) and bool(lex.marker("span_start_lead_ins").find(lead[0].lower()))  # type: ignore[index]


def _tells_no_happening(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """Whether ``text[start:end]`` has no predicate, or tells a state: its first predicate a copula
    and no action word ('she was 9', 'the virus was as mild as the flu')."""
    predicate = next(
        (w for w in _WORD.finditer(text, start, end) if _is_predicate(text, w.start(), lex)), None
    )
    return predicate is None or (
        bool(lex.marker("copulas").find(predicate[0].lower())) and not cues_in(text, start, end, lex)
    )


def _words_between(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """Whether words other than those leading into a time stand in ``text[start:end]``."""
    at = start
    while (
        lead := _after_leading(text, after_spaces(text, at), end, lex.marker("title_lead_ins"))
    ) > after_spaces(text, at):
        at = lead
    return bool(text[at:end].strip())


def _opens_with_participle(text: str, at: int, lex: Lexicon) -> bool:
    """Whether an -ing form opens ``text[at:]``, not one of an earlier happening ('Having')."""
    first = _WORD.match(text, at)
    return (
        bool(first)
        and _is_nonfinite(first[0].lower(), lex)
        and not _after_leading(  # type: ignore[index]
            text,
            at,
            first.end(),
            lex.marker("anterior_participles"),  # type: ignore[union-attr]
        )
        > at
    )


def _predicate_before_comma(text: str, at: int, end: int, lex: Lexicon) -> bool:
    """Whether a predicate follows ``at`` before the next comma but those of asides before it ('Lewis,
    the stadium's chief, said')."""
    commas = [m.start() for m in _COMMA.finditer(text, at, end)]
    i = 0
    while i + 1 < len(commas) and is_aside_before_predicate(text, commas[i], commas[i + 1], (), lex):
        i += 2
    return tells_a_predicate(text, at, commas[i] if i < len(commas) else end, lex)


def _predicate_follows(text: str, at: int, end: int, lex: Lexicon) -> bool:
    """Whether a predicate follows a subject at ``at`` within a few words, or a long subject before
    the next comma ('Tổng thống Mỹ Joe Biden và Thủ tướng Iraq Mohamed Shia al-Sudani đã nhất trí'),
    not a name's apposition ('..., a mountain town 40km north-west of the capital, said')."""
    comma = next(_COMMA.finditer(text, at, end), None)
    for i, word in enumerate(itertools.islice(_WORD.finditer(text, at, end), MAIN_CLAUSE_WORDS)):
        if (i < SUBJECT_WORDS or comma is None or word.start() < comma.start()) and _is_predicate(
            text, word.start(), lex
        ):
            return True
    return False


def _right_after(text: str, at: int, phrases: Phrases) -> bool:
    """Whether one of ``phrases`` ends right before ``at``, spaces between ('since [protests]')."""
    return any(m.end == _before_spaces(text, at) for m in phrases.find(text, max(0, at - 20), at))


def subordinate_start(text: str, clause: tuple[int, int], dated: Timex, lex: Lexicon) -> int | None:
    """Where the clause of time or the reported clause that holds ``dated`` starts, when the clause
    given holds more ('He did not say how ... after the allies declined last week to join' gives
    'the allies declined ...'; '... said that Twitter was blocked today' gives 'Twitter was
    blocked'): after the last subordinator, or 'that' after a statement, before the date, when a
    subject opens what follows and a predicate comes before the date with no punctuation. None when
    the date is the clause's own. A report with no 'that' gives what it reports only for a year or
    a decade, which dates no saying of the day ('said Egypt and Israel signed a treaty in 1979')."""
    past = period(dated.value).precision in ("year", "decade")
    key = ("subordinate_start", *clause, dated.start, dated.end, past, lex.language)  # all it depends on
    return remembered(text, key, _subordinate_start, text, clause, dated.start, dated.end, past, lex)


def _subordinate_start(
    text: str, clause: tuple[int, int], dated_start: int, dated_end: int, past: bool, lex: Lexicon
) -> int | None:
    clause_start = clause[0]
    # 'that' right before the date, a subject after it, opens what happened then ('Given that in
    # 1976 it caused deaths'); a relative 'that' goes on with a predicate ('the deal that in 2008 ended')
    # ('that of 1918' is a pronoun's; 'that November day', 'on that Saturday' a demonstrative's)
    for that in lex.marker("title_connectors_inside").find(text, clause_start + 1, dated_start):
        lead_in = _without_lead_in(text, that.end, dated_start, lex)
        following = _WORD.match(text, after_spaces(text, that.end))
        before = word_before(text, that.start)
        if (
            text[that.start].islower()
            and not text[that.end : lead_in].strip()
            and not (lead_in == dated_start and text[dated_start].isupper())
            and not (following and lex.marker("genitive_prepositions").find(following[0]))
            and not (before and lex.marker("prepositions").find(before[0]))
        ):
            after = after_spaces(text, dated_end + (text[dated_end : dated_end + 1] == ","))
            if after < clause[1] and opens_a_subject(text, after, lex):
                return that.end
    traps = lex.marker("subordinator_traps").find(text, clause_start + 1, dated_start)  # 'khi đó': then
    openers = [
        m
        for kind in ("subordinators", "title_subordinators")
        for m in lex.marker(kind).find(text, clause_start + 1, dated_start)
        if not any(t.start <= m.start < t.end for t in traps)
    ]
    for m in lex.marker("title_connectors_inside").find(text, clause_start + 1, dated_start):
        if _reports(text, clause_start, m.start, lex):
            openers.append(m)  # a report's 'that': what follows is what was reported
    # ... or a report with no 'that' of a past year ('the diplomat said Egypt and Israel signed a
    # treaty in 1979'), unless a pronoun stands for who reported ('NATO said it had struck ...')
    openers += [
        m
        for m in (
            lex.marker("reports_without_that").find(text, clause_start + 1, dated_start) if past else []
        )
        if not _opens_with_a_pronoun(text, after_spaces(text, m.end), lex)
        and not _tells_no_happening(text, m.end, dated_start, lex)  # 'said the virus was as mild as ...'
    ]
    openers += lex.marker("untimed_reports").find(text, clause_start + 1, dated_start)
    if not openers:
        return None
    opener = max(openers, key=lambda m: m.start)
    inner = after_spaces(text, opener.end)
    if (
        text[opener.start - 1] != " "
        or inner == opener.end
        or _clause_boundary(text, inner, dated_start, lex)
    ):
        return None  # inside a word ('once-mighty'), or the date is in another clause
    if not opens_a_subject(text, inner, lex):
        return None  # 'after arriving', 'while in Texas': no clause of its own
    words = list(_WORD.finditer(text, inner, dated_start))
    for before, word in zip(words, words[1:], strict=False):
        if _is_predicate(text, word.start(), lex):
            # 'after the disaster and decided ...': a predicate of the main clause, joined to it
            return None if lex.marker("title_coordinators").find(before[0]) else inner
    # ... or, the date between the subject and its predicate, right after it ('sau khi Thủ tướng
    # al-Abadi ngày 10/7 chính thức tuyên bố ...')
    if len(words) < 2:
        return None
    reach = min(clause[1], dated_end + PREDICATE_AFTER_DATE_CHARS)
    boundary = _clause_boundary(text, dated_end, reach, lex)
    for word in itertools.islice(_WORD.finditer(text, dated_end, boundary.start() if boundary else reach), 3):
        if _is_predicate(text, word.start(), lex):
            return inner
        if any(lex.marker(k).find(word[0].lower()) for k in _OPENS_ANOTHER):
            return None  # 'said after talks on Monday [that] ...', '... on Thursday [it] was': another clause
    return None


def _bracketed_stamp(text: str, sentence: tuple[int, int], timexes: Sequence[Timex]) -> int | None:
    """Where the sentence goes on after a bracket that opens it and holds a time, or None."""
    opening = _BRACKET_OPENING.match(text, after_spaces(text, sentence[0]), sentence[1])
    if opening is None or not any(opening.start(1) <= t.start < opening.end(1) for t in timexes):
        return None
    return opening.end() if opening.end() < sentence[1] else None


def _restrictive_relative(
    text: str,
    clause: tuple[int, int],
    sentence_start: int,
    dated: Timex,
    lex: Lexicon,
) -> tuple[int, int, str] | None:
    """The relative clause that holds the date, with what it is about: 'A nurse who treated him in
    2009 will testify' gives 'A nurse' and 'treated him'. Only a relative clause with no comma
    before it, a predicate right after its pronoun (not a copula alone: 'who are here today'), and
    none between that one and the date."""
    pronouns = [
        m
        for kind in ("title_relatives", "title_relatives_people", "title_connectors_inside")
        for m in lex.marker(kind).find(text, clause[0] + 1, dated.start)
        if text[m.start].islower()  # not 'WHO'
    ]
    if not pronouns:
        return None
    pronoun = max(pronouns, key=lambda m: m.start)
    predicate = after_spaces(text, pronoun.end)
    # the date right after the pronoun ('fighters who last week seized the village', 'who, on Monday,')
    date_first = not text[pronoun.end : _without_lead_in(text, pronoun.end, dated.start, lex)].strip(" ,")
    if date_first:
        predicate = after_spaces(text, dated.end + (text[dated.end : dated.end + 1] == ","))
    if not _after_a_word(text, pronoun.start) or (
        not date_first and _clause_boundary(text, pronoun.start, dated.start, lex)
    ):
        return None
    if not _is_predicate(text, predicate, lex) or _reports(
        text, max(0, pronoun.start - 12), pronoun.start, lex
    ):
        return None  # no predicate of its own, or a report's 'that' ('said that')
    relative_end = _relative_clause_end(text, predicate, clause[1], lex) if date_first else dated.start
    words = list(_WORD.finditer(text, predicate, relative_end))
    copula = bool(words) and bool(lex.marker("copulas").find(words[0][0]))
    passive = copula and len(words) > 1 and _is_participle(words[1][0], lex)
    if copula and not passive:
        return None  # a state ('who are here today')
    if not date_first and any(_is_predicate(text, w.start(), lex) for w in words[2 if passive else 1 :]):
        return None  # the date is the main clause's ('the man who shot him was arrested on Monday')
    # ... or it is the main clause's tense, after the relative clause ('The firm that insured the gigs
    # has asked a judge'): the main clause, about what the relative clause is about
    main_tense = (
        not date_first
        and bool(words)
        and _is_predicate(text, dated.start, lex)
        and _WORD.search(text, dated.end, clause[1]) is not None  # 'coroners who ... have said': too little
    )
    if main_tense:
        predicate, end = _stripped(text, dated.start, clause[1])
    elif date_first:
        end = _stripped(text, predicate, relative_end)[1]
    elif _in_a_noun_phrase(text, predicate, dated, clause[1], lex):
        # a date in a noun phrase: up to its noun ('caused the 1918 Asian flu pandemic', 'the 1991 war',
        # 'the far more serious 1918 pandemic')
        end = _stripped(text, predicate, _noun_phrase_end(text, dated.end, clause[1], lex))[1]
    else:
        end = _stripped(text, predicate, _without_lead_in(text, predicate, dated.start, lex))[1]
    before = _before_spaces(text, pronoun.start)
    narrowing = lex.marker("antecedent_after").find(text, max(sentence_start, before - 45), before)
    # the noun phrase right before the pronoun ('the epicenter of [mass protests] that began')
    person = bool(lex.marker("title_relatives_people").find(pronoun.phrase))
    antecedent = _antecedent(text, narrowing[-1].end if narrowing else sentence_start, before, lex, person)
    if antecedent[:1].isdigit():  # an age or a count ('a girl of 16 who'): the noun phrase it is of
        antecedent = _antecedent(text, sentence_start, before, lex, person)
    if not antecedent or end <= predicate:
        return None
    if date_first and tells_a_predicate(antecedent, 0, len(antecedent), lex):
        return None  # no noun phrase but a clause ('tried to push back rebel fighters who last week')
    if lex.marker("time_nouns").find(antecedent.rsplit(" ", 1)[-1]) or _is_nonfinite(
        antecedent.split(" ", 1)[0], lex
    ):
        return None  # a time ('the year that ended on March 31'), or no noun phrase ('Referring to X who')
    return predicate, end, antecedent


def _a_noun_follows(text: str, at: int, end: int, lex: Lexicon) -> bool:
    """Whether a word in lower case that neither leads on nor is a predicate follows ``at``."""
    following = _WORD.match(text, after_spaces(text, at), end)
    return (
        following is not None
        and following[0].islower()
        and following[0] not in lex.stopwords
        and not lex.marker("title_lead_ins").find(following[0])
        and not lex.marker("subordinators").find(following[0])
        and not _is_predicate(text, following.start(), lex)
    )


def _in_a_noun_phrase(text: str, start: int, dated: Timex, end: int, lex: Lexicon) -> bool:
    """Whether ``dated`` stands in a noun phrase a determiner opens: right after it ('the [1991] war'),
    or after a few modifiers in lower case that neither lead on nor are predicates when the phrase's
    noun follows the date ('the far more serious [1918] pandemic'; not 'the nation's capital
    [Wednesday] has')."""
    words = list(_WORD.finditer(text, start, dated.start))[-(MODIFIER_WORDS + 1) :]
    for i in range(len(words) - 1, -1, -1):
        word = words[i][0]
        if word.casefold() in lex.marker("determiners").phrases:
            return i == len(words) - 1 or _a_noun_follows(text, dated.end, end, lex)
        if (
            not word.islower()
            or lex.marker("title_lead_ins").find(word)
            or _is_predicate(text, words[i].start(), lex)
        ):
            return False
    return False


# What never heads the noun phrase an object relative clause is about: a time, a manner, a word that
# leads into a phrase or a clause ('the night Gaddafi died', 'since it started').
_NO_OBJECT_HEADS = (
    "time_nouns",
    "object_relative_not_heads",
    "prepositions",
    "subordinators",
    "title_subordinators",
    "time_relatives",
    "title_lead_ins",
)


def _reduced_relative(
    text: str, clause: tuple[int, int], dated: Timex, lex: Lexicon
) -> tuple[int, int] | None:
    """The noun phrase and the past participle right after it that ``dated`` follows, with the agent
    after the date ('a fascinating [study published] last year [by John Coates]', 'a cargo [shipped
    out] in May [by Vitol]'): from the phrase's determiner to the agent phrase's end; None unless a
    determiner opens the phrase a few words before, no auxiliary or predicate stands before the
    participle, and an agent follows the date."""
    lead_in = _without_lead_in(text, clause[0], dated.start, lex)
    participle = word_before(text, lead_in)
    if participle is not None and lex.marker("title_particles").find(participle[0]):
        participle = word_before(text, participle.start())  # 'shipped [out]'
    if participle is None or not is_past_participle(participle[0], lex):
        return None
    agent = _after_leading(text, after_spaces(text, dated.end), clause[1], lex.marker("title_noun_agents"))
    if agent <= after_spaces(text, dated.end):
        return None
    words = list(
        _WORD.finditer(text, max(clause[0], participle.start() - REDUCED_NOUN_CHARS), participle.start())
    )
    determiner = next(
        (
            i
            for i in range(len(words) - 1, -1, -1)
            if words[i][0].casefold() in lex.marker("determiners").phrases
        ),
        None,
    )
    if determiner is None or determiner == len(words) - 1:
        return None
    noun = words[determiner + 1 :]
    if any(_is_predicate(text, w.start(), lex) or lex.marker("copulas").find(w[0]) for w in noun):
        return None  # 'the contract was signed', not a noun and its participle
    boundary = _clause_boundary(text, agent, clause[1], lex)
    return words[determiner].start(), _stripped(text, agent, boundary.start() if boundary else clause[1])[1]


def _object_relative(
    text: str, clause: tuple[int, int], dated: Timex, lex: Lexicon
) -> tuple[str, str, str] | None:
    """The subject, the verbs and the noun phrase of a relative clause that holds the date and is
    about its verb's object, its subject a name or a pronoun right after that noun phrase ('flags of
    the king [that] Colonel Gaddafi overthrew in 1969' gives 'Colonel Gaddafi', 'overthrew' and 'the
    king'). The noun phrase opens with a determiner and names no time or manner ('the night Gaddafi
    died'). With no relative pronoun, a name after a noun phrase that is no object is that noun's
    apposition ('The Guardian columnist Simon Jenkins complained today'). Only in a language that
    lists its ``object_relatives``."""
    relatives = lex.marker("object_relatives")
    if not relatives.phrases:
        return None
    end = _stripped(text, clause[0], _without_lead_in(text, clause[0], dated.start, lex))[1]
    words = list(_WORD.finditer(text, clause[0], end))[-(TITLED_NAME_WORDS + 7) :]
    if len(words) < 4 or words[-1].end() != end:
        return None
    verb = len(words) - 1  # the verbs: the last word, and an auxiliary before it ('had signed')
    if not (words[verb][0].islower() and _is_predicate(text, words[verb].start(), lex)):
        return None
    if words[verb - 1][0].islower() and _is_predicate(text, words[verb - 1].start(), lex):
        verb -= 1
    if lex.marker("copulas").find(words[verb][0]) or _reports(text, clause[0], end, lex):
        return None  # a state, or a saying ('the spokesman Ali said on Monday', 'told the crowd Ali had')
    subject = verb - 1
    pronoun = bool(lex.marker("pronouns").find(words[subject][0]))
    if not (pronoun or words[subject][0][:1].isupper()):
        return None
    while (
        not pronoun
        and subject > 1
        and words[subject - 1][0][:1].isupper()
        and verb - subject < TITLED_NAME_WORDS
    ):
        subject -= 1
    head = subject - 1
    relative = bool(relatives.find(words[head][0])) and words[head][0].islower()
    head -= 1 if relative else 0
    noun = words[head][0]
    if (
        head < 1
        or not noun.islower()
        or noun in lex.stopwords
        or _is_predicate(text, words[head].start(), lex)
        or any(lex.marker(kind).find(noun) for kind in _NO_OBJECT_HEADS)
    ):
        return None
    # the noun phrase: from a determiner at most three words back, over no word that leads on
    for opener in range(head - 1, max(-1, head - 4), -1):
        word = words[opener][0]
        if not lex.marker("determiners").find(word):
            if word.casefold() in lex.stopwords:
                return None
            continue
        if _CLAUSE_BOUNDARY.search(text, words[opener].start(), end):
            return None
        before = word_before(text, words[opener].start())
        takes_an_object = before is not None and (
            bool(lex.marker("prepositions").find(before[0])) or _is_predicate(text, before.start(), lex)
        )
        if not (pronoun or relative or takes_an_object):
            return None
        about = word.lower() + text[words[opener].end() : words[head].end()]  # 'A decree': 'a decree'
        return (
            " ".join(text[words[subject].start() : words[verb].start()].split()),
            " ".join(text[words[verb].start() : end].split()),
            " ".join(about.split()),
        )
    return None


def _reports(text: str, start: int, end: int, lex: Lexicon, also: tuple[str, ...] = ()) -> bool:
    """Whether a cue of a statement ('said', 'told'), or of a category of ``also``, stands in
    ``text[start:end]``."""
    kinds = (STATEMENT, *also)
    return any(c.category in kinds for c in cues_in(text, start, end, lex))


def _relative_clause_end(text: str, predicate: int, end: int, lex: Lexicon) -> int:
    """Where a relative clause whose predicate opens at ``predicate`` ends: before a clause boundary,
    or before the next predicate past the first's words ('who last week seized the village [has]
    ...'), unless a connector or an infinitive's marker joins it ('was confirmed to have'); past a
    clause inside it, before the boundary."""
    boundary = _clause_boundary(text, predicate, end, lex)
    end = boundary.start() if boundary else end
    words = list(_WORD.finditer(text, predicate, end))
    past_the_verbs = False
    for before, word in zip(words, words[1:], strict=False):
        if lex.marker("embedded_clause_openers").find(before[0]):
            return end  # a clause inside it ('agreed that Gaddafi was'), whose predicates are its own
        past_the_verbs = past_the_verbs or not _is_predicate(text, before.start(), lex)
        joined = any(
            lex.marker(kind).find(before[0]) for kind in ("title_coordinators", "infinitive_markers")
        )
        if past_the_verbs and not joined and _is_predicate(text, word.start(), lex):
            return before.end()
    return end


def _noun_phrase_end(text: str, at: int, end: int, lex: Lexicon) -> int:
    """Where the noun phrase that goes on at ``at`` ends: over names, then over words in lower case
    that neither lead on ('that', 'in') nor are predicates ('was', 'killed', 'appears to')."""
    for word in itertools.islice(_PHRASE_WORD.finditer(text, at, end), MAX_NAMING_WORDS + 1):
        leads_on = word[0].casefold() in lex.stopwords or lex.marker("title_lead_ins").find(word[0])
        if text[at : word.start()].strip() or (
            word[0][:1].islower()
            and (leads_on or _is_predicate(text, word.start(), lex) or _opens_a_present(text, word, lex))
        ):
            break
        at = word.end()
    return at


def _opens_a_present(text: str, word: re.Match, lex: Lexicon) -> bool:
    """Whether ``word`` is a verb in the present tense, told by what opens its object after it
    ('appears to', 'files a'), not a plural ('bars, neighbors')."""
    following = _WORD.match(text, after_spaces(text, word.end()))
    return (
        any(f.fullmatch(word[0]) for f in lex.present_forms)
        and following is not None
        and bool(lex.marker("present_objects").find(following[0]))
    )


def _is_participle(word: str, lex: Lexicon) -> bool:
    return any(form.fullmatch(word) for form in lex.verb_forms)


def is_past_participle(word: str, lex: Lexicon) -> bool:
    """A past participle in the language's regular form ('signed') or one of its irregular ones ('born')."""
    return _is_participle(word, lex) or bool(lex.marker("irregular_participles").find(word))


def _is_nonfinite(word: str, lex: Lexicon) -> bool:
    """Whether ``word`` is a verb form that is no predicate ('arriving')."""
    return any(form.fullmatch(word) for form in lex.nonfinite_forms)


def word_before(text: str, at: int, reach: int = 12) -> re.Match | None:
    """The word that ends right before ``at`` (spaces between), looked for ``reach`` characters back."""
    return _LAST_WORD.search(text, max(0, at - reach), _before_spaces(text, at))


def opens_a_subject(text: str, at: int, lex: Lexicon) -> bool:
    """Whether a subject may start at ``at``: a word or number that is neither a predicate nor one
    leading into a place or time ('after [arriving]' is no clause, 'while [in] Texas' neither)."""
    if text[at : at + 1].isdigit() or _after_leading(text, at, at + 20, lex.marker("approximators")) > at:
        return True  # a count ('at least 30 people died')
    word = _WORD.match(text, at)
    if word is None or _is_predicate(text, at, lex) or _is_nonfinite(word[0], lex):
        return False
    return not any(lex.marker(kind).find(word[0]) for kind in ("title_lead_ins", "places"))


def _aside(
    text: str, clause: tuple[int, int], sentence: tuple[int, int], timexes: Sequence[Timex], lex: Lexicon
) -> tuple[int, int, str] | None:
    """The sentence without an aside between commas that holds the date ('The decision, at around
    1pm local time, sparked cheering' gives 'The decision' and 'sparked cheering'): an aside opens
    with a word that leads into a place or time, a short subject comes before it and a predicate
    right after it. An aside that opens with a participle tells the happening itself ('The
    journalists, released from detention on Monday, told ...' gives 'The journalists' and
    'released from detention'); one that opens with an -ing form, what was going on as the main
    clause's happening took place ('Hague, speaking on Tuesday to lawmakers, said ...' gives
    'Hague' and 'said ...')."""
    start, end = _stripped(text, *clause)
    before, after = _before_spaces(text, start), after_spaces(text, end)
    if text[before - 1 : before] != "," or text[after : after + 1] != ",":
        return None
    opener = _WORD.match(text, start)
    participle = bool(opener) and _is_participle(opener[0], lex)  # type: ignore[index]
    ongoing = bool(opener) and _is_nonfinite(opener[0], lex)  # type: ignore[index]
    if _after_leading(text, start, end, lex.marker("title_lead_ins")) == start and not (
        participle or ongoing
    ):
        return None
    if _after_leading(text, start, end, lex.marker("title_relatives_own_subject")) > start:
        return None  # '..., to which arms firms returned last November, ...': a clause of its own
    piece = _piece_before(text, sentence[0], before - 1, lex)
    if piece is None or piece[0] != _after_leading(
        text, *_stripped(text, sentence[0], before), lex.marker("title_connectors")
    ):
        return None  # the subject opens the sentence; else an apposition ('Doha,') or a clause
    rest = after_spaces(text, after + 1)
    if piece[0] >= piece[1] or piece[1] - piece[0] > MAX_SUBJECT_CHARS or not _is_predicate(text, rest, lex):
        return None
    if lex.marker("title_predicates").find(text, *piece) or tells_a_predicate(text, *piece, lex):
        return None  # a clause of its own, not a subject
    subject = " ".join(text[piece[0] : piece[1]].split())
    if participle:  # 'The journalists, released from detention on Monday, told ...': what befell them
        return *_trimmed(text, start, end, timexes, lex), subject
    rest_end = _trimmed(text, rest, _before_unclosed_bracket(text, rest, sentence[1]), timexes, lex)[1]
    return rest, rest_end, subject


def _after_fronted(text: str, start: int, end: int, lex: Lexicon, dated: Timex | None = None) -> int:
    """``start``, or after a fronted phrase with no predicate that opens the title, its opener
    perhaps dropped already as a connector: one of time ('After a flap about tax payments, the
    Senate confirmed him' gives 'the Senate confirmed him'), a setting ('Trong khuôn khổ chuyến
    thăm Mỹ, ...') or a participle ('Facing a drastic slowdown, France announced ...')."""
    before = word_before(text, start, reach=20)
    # the opener dropped as a connector, or one that runs on past it ('[As] for aid, ...')
    first = (
        before.start()
        if before
        and (
            _fronted_opener(text, before.start(), start, lex) > before.start()
            or _after_leading(text, before.start(), end, lex.marker("title_fronted")) > start
        )
        else start
    )
    opener = _fronted_opener(text, first, end, lex)
    comma = _COMMA.search(text, opener, end)
    while (
        comma
        and (following := _COMMA.search(text, comma.end(), end))
        and (place := word_before(text, comma.start()))
        and place[0][:1].isupper()
        and _is_a_place_part(text[comma.end() : following.start()])
    ):
        comma = following  # 'In a speech in Geneva, Switzerland, the envoy said': the place goes on
    if opener == first or comma is None or comma.start() - first > MAX_FRONTED_CHARS:
        return start
    if dated and first <= dated.start < comma.start():
        return first  # the phrase holds the happening's date ('After talks on Monday, ...'): it stays whole
    clause_of_time = _after_leading(text, first, end, lex.marker("subordinators")) > first
    if clause_of_time and any(
        _is_predicate(text, w.start(), lex) for w in _WORD.finditer(text, opener, comma.start())
    ):
        return start  # a clause of time ('After the troops crossed, ...') says what came first
    rest = after_spaces(text, comma.end())
    # after a phrase a language names as fronted ('According to activists, security forces ...') any
    # subject may follow; after a participle, one that cannot be the rest of a list
    named = _after_leading(text, first, end, lex.marker("title_fronted")) > first
    subject = opens_a_subject(text, rest, lex) if named else _opens_a_noun_phrase(text, rest, lex)
    if len(_WORD.findall(text, rest, end)) < MIN_TITLE_WORDS or not subject:
        return start
    if lex.verb_forms and not any(
        _is_predicate(text, w.start(), lex) for w in _WORD.finditer(text, rest, end)
    ):
        return (
            start  # the phrase's own list or apposition went on ('Determining the impact of cold, heat, ...')
        )
    return rest


def time_apposition_end(text: str, at: int, end: int, lex: Lexicon) -> int | None:
    """Where the comma ends that closes an apposition of a fronted time opening at ``at`` ('On
    Wednesday, [the ninth day of protests,] Gadhafi faced ...'): a short phrase with no predicate,
    a word naming a time (``time_appositions``) among its first words. None otherwise."""
    comma = _COMMA.search(text, at, end)
    if comma is None or "\n" in text[at : comma.start()]:
        return None
    words = _WORD.findall(text, at, comma.start())
    # a clause of time inside it tells its own predicate ('hours before the strike ended')
    opened = lex.marker("subordinators").find(text, at, comma.start())
    told_until = opened[0].start if opened else comma.start()
    if not words or len(words) > MAX_TIME_APPOSITION_WORDS or tells_a_predicate(text, at, told_until, lex):
        return None
    heads = lex.marker("time_appositions")
    return comma.end() if any(heads.find(w.casefold()) for w in words[:TIME_APPOSITION_HEAD_WORDS]) else None


def _is_a_place_part(words: str) -> bool:
    """Whether ``words`` between two commas are the rest of a place's name ('Switzerland', 'New
    York'): one to three capitalised words."""
    parts = words.split()
    return 0 < len(parts) <= MAX_PLACE_WORDS and all(p[:1].isupper() for p in parts)


def _opens_a_noun_phrase(text: str, at: int, lex: Lexicon) -> bool:
    """Whether a subject of its own opens at ``at``: a name, a number, a determiner or a pronoun
    (not the rest of a list: 'Studying the effect of cold, [heat] and humidity was hard')."""
    word = _WORD.match(text, at)
    if word is None:
        return False
    if word[0][:1].isupper() or word[0][:1].isdigit() or _NAME_WITH_PARTICLE.match(word[0]):
        return True  # ... or a name after its particle ('al-Khatib')
    return any(lex.marker(kind).find(word[0]) for kind in ("determiners", "pronouns"))


def _bare_subject(text: str, at: int, lex: Lexicon) -> bool:
    """Whether a short subject with no determiner opens at ``at``, its predicate within
    SHORT_SUBJECT_WORDS ('congressional leaders looked'), no list's end ('heat and humidity was')."""
    words = list(itertools.islice(_WORD.finditer(text, at), SHORT_SUBJECT_WORDS + 1))
    for i, word in enumerate(words):
        if _is_predicate(text, word.start(), lex):
            return i > 0
        if word[0].casefold() in lex.stopwords or text[word.end() : word.end() + 1] in ",;:":
            return False
    return False


def _tells_a_clause(
    text: str, start: int, end: int, sentence_start: int, timexes: Sequence[Timex], lex: Lexicon
) -> bool:
    """Whether ``text[start:end]`` is the sentence's main clause: it opens the sentence or follows a
    fronted phrase, opens with a subject, no setting or fronted phrase, and tells a predicate: a
    finite verb, or a past form right after a date ('In a bid to end the killing, Bu Kitf on Saturday
    named the suspect'), not one that may qualify a noun ('a fruit seller named Bouazizi', 'In a
    statement issued to reporters')."""
    if not (_opens_a_noun_phrase(text, start, lex) and _opens_a_setting(text, start, end, lex) == start):
        return False
    # only a date ('Since 2001,'), a setting or a fronted phrase before it, not a noun phrase: that
    # would make it a list's or an apposition's next name ('The leaders of France, Germany ... met'),
    # nor a quotation ('"No intervention is planned," Juppe, a veteran politician made minister ...')
    before = _trimmed(text, sentence_start, start, timexes, lex)
    opening = after_spaces(text, sentence_start)  # ... its opener perhaps trimmed as a connector ('After')
    if before[0] < before[1] and (
        all(_opens_a_setting(text, at, start, lex) == at for at in (opening, before[0]))
        or any(quote in text[sentence_start:start] for quote in '"“”')
    ):
        return False
    first = _WORD.match(text, start, end)[0].casefold()  # type: ignore[index]
    # a pronoun says too little ('It had 557'), a capital may be no name ('Even')
    if lex.marker("pronouns").find(first) or (
        first in lex.stopwords and not lex.marker("determiners").find(first)
    ):
        return False
    dates_end = {t.end for t in timexes if start <= t.start}
    comma = text.find(",", start, end)
    for word in _WORD.finditer(text, start, end if comma < 0 else comma):
        # (no comma before the predicate: 'Syrian Revolution 2011, appears' is an apposition's end)
        if lex.marker("relative_pronouns").find(word[0]):
            return False  # a relative clause's predicate ('a state which the party had governed')
        if (
            word[0][:1].islower()
            and _is_predicate(text, word.start(), lex)
            and (not _is_participle(word[0], lex) or _before_spaces(text, word.start()) in dates_end)
        ):
            return True
    return False


def _opens_a_setting(text: str, at: int, end: int, lex: Lexicon) -> int:
    """Where the opener of a fronted phrase or a setting at ``at`` ends ('After', 'In', 'Facing a'),
    or ``at``."""
    settings = (lex.marker("title_settings"), lex.marker("place_prepositions"))
    return max(
        _fronted_opener(text, at, end, lex), *(_after_leading(text, at, end, kind) for kind in settings)
    )


def _fronted_opener(text: str, at: int, end: int, lex: Lexicon) -> int:
    """Where the opener of a fronted phrase at ``at`` ends (a subordinator, a language's fronted
    opener, a participle in '-ing', or a past one before a question), or ``at``."""
    found = max(
        _after_leading(text, at, end, lex.marker(kind)) for kind in ("subordinators", "title_fronted")
    )
    word = _WORD.match(text, at, end)
    if found > at or not word or text[word.end() : word.end() + 1] != " ":
        return found
    following = _WORD.match(text, word.end() + 1, end)
    if following is None:
        return found
    if _is_nonfinite(word[0].casefold(), lex):
        # a participle leading into its object or place ('Facing a', 'Speaking after'), not a name
        # ('Beijing, ...') or a noun's modifier ('Shipping sources')
        kinds = ("determiners", "title_lead_ins", "places", "title_noun_objects")
        if any(lex.marker(k).find(following[0]) for k in kinds):
            return word.end()
    if _is_participle(word[0].casefold(), lex) and lex.marker("title_clause_objects").find(following[0]):
        return word.end()  # 'Asked whether France would take part, Juppe said ...'
    if is_past_participle(word[0].casefold(), lex) and any(
        lex.marker(k).find(following[0]) for k in ("title_lead_ins", "title_noun_objects", "places")
    ):
        return word.end()  # 'Surrounded by troops on the deck, Bush declared ...'
    return found


def pairs_two_names(text: str, dash_start: int, dash_end: int, lex: Lexicon) -> bool:
    """Whether the spaced dash at ``text[dash_start:dash_end]`` pairs two one-word names ('xung đột
    Israel - Hamas nổ ra', 'quan hệ Mỹ - Iraq'): no break. After a name of two words ('Kofi Annan -
    Syria ...'), before a word that is no name ('Iraq - Ông nói') or before a capital it sets off
    what follows."""
    if text[dash_start:dash_end].strip() not in lex.marker("name_pair_dashes").phrases:
        return False
    head = text[max(0, dash_start - PAIR_CONTEXT_CHARS) : dash_start].split()
    tail = text[dash_end : dash_end + PAIR_CONTEXT_CHARS].split()
    if len(head) < 2 or not tail:
        return False
    second = tail[0].rstrip(",.;:)")
    names = all(_ONE_WORD.fullmatch(w) and w[:1].isupper() for w in (head[-1], second))
    names = names and not any(second.casefold() in lex.marker(k).phrases for k in _NOT_NAMES)
    before_a_capital = second == tail[0] and len(tail) > 1 and tail[1][:1].isupper()
    return names and head[-2][:1].islower() and not before_a_capital


def lists_names(text: str, comma: int, lex: Lexicon) -> bool:
    """Whether the comma at ``text[comma]`` parts the names of a list ('Britain, France and the
    United States launched', 'Envoys from India, Brazil and South Africa'): no break. After a phrase
    that opens the sentence ('In Baghdad, Iraqi and US officials met') it ends that phrase."""
    if text[comma : comma + 1] != "," or not lex.marker("list_joiners"):
        return False
    reach = max(0, comma - LIST_CHARS)  # bounded: a page run onto one line has no other stop
    opening = max(reach, *(text.rfind(stop, reach, comma) + 1 for stop in (". ", "! ", "? ", "\n")))
    before = text[opening:comma].split()
    run = list(itertools.takewhile(_is_name_word, reversed(before)))
    if (
        not run
        or len(run) > MAX_LIST_ITEM_WORDS
        or not _names_follow(text[comma + 1 : comma + LIST_CHARS], lex)
    ):
        return False
    fronted = any(before[0].casefold() in lex.marker(k).phrases for k in _FRONTING)
    if fronted and not any(w.endswith(",") for w in before):
        return False  # 'In Baghdad, ...', 'After talks in Baghdad, ...'
    word = before[-len(run) - 1] if len(run) < len(before) else ","  # the list opens the sentence
    return word[:1].islower() or word.endswith(",")  # 'Envoys from India, ...', 'India, Brazil, ...'


def _is_name_word(word: str) -> bool:
    return bool(_ONE_WORD.fullmatch(word)) and word[:1].isupper()


def _names_follow(after: str, lex: Lexicon) -> bool:
    """Whether ``after`` (what follows a comma) goes on with names up to a joiner and a last name."""
    words = after.split()
    determiners = lex.marker("determiners").phrases
    i, names = 0, 0
    while i < len(words) and names <= MAX_LIST_ITEM_WORDS:
        word = words[i].rstrip(",")
        if word.casefold() in lex.marker("list_joiners").phrases and names:
            last = [w for w in words[i + 1 : i + 2 + MAX_LIST_ITEM_WORDS]]
            last = last[1:] if last and last[0].casefold() in determiners else last
            return bool(last) and _is_name_word(last[0].rstrip(",.;:"))
        if not _is_name_word(word):
            return False
        names = 0 if words[i].endswith(",") else names + 1
        i += 1
    return False


def _clause_boundaries(text: str, start: int, end: int, lex: Lexicon) -> Iterator[re.Match[str]]:
    """Commas, semicolons, colons and spaced dashes, but no dash that pairs two names and no comma
    in a list of names."""
    matches = _CLAUSE_BOUNDARY.finditer(text, start, end)
    return (
        m
        for m in matches
        if not pairs_two_names(text, m.start(), m.end(), lex) and not lists_names(text, m.start(), lex)
    )


def _clause_boundary(text: str, start: int, end: int, lex: Lexicon) -> re.Match[str] | None:
    return next(_clause_boundaries(text, start, end, lex), None)


def after_spaces(text: str, at: int) -> int:
    while at < len(text) and text[at] == " ":
        at += 1
    return at


def _before_spaces(text: str, at: int) -> int:
    while at > 0 and text[at - 1] == " ":
        at -= 1
    return at


def _named_happening(text: str, dated: Timex, end: int, lex: Lexicon) -> tuple[int, int, str] | None:
    """The happening a noun phrase names with its date inside ('the 2003 U.S.-led invasion of
    Iraq', "Tony Blair's 2007 visit to Libya"): from after the date to the action noun and what it
    is about, after the possessor. None unless a determiner or a possessor opens the phrase, an
    action noun follows the date closely with no predicate between, and a name is in it ('the
    Sept. 11 attacks' says too little)."""
    before = word_before(text, dated.start)
    possessor = _possessor(text, before, lex) if before else ""
    own = _POSSESSIVE.match(text, dated.end, end)  # "Monday's suicide bombing": the date opens it
    if not (own or possessor or (before and before[0].casefold() in lex.marker("determiners").phrases)):
        return None
    opened = own.end() if own else dated.end
    words = list(itertools.islice(_PHRASE_WORD.finditer(text, opened, end), MAX_NAMING_WORDS))
    for i, word in enumerate(words):
        gap = text[words[i - 1].end() if i else opened : word.start()]
        relative = lex.marker("title_relatives").find(word[0])
        if gap.strip() or relative or _is_predicate(text, word.start(), lex):
            return None  # the noun phrase ended before an action word
        if _is_action_noun(text, word.start(), word.end(), lex):
            if _NAME_GOES_ON.match(text, word.end()):
                return None  # part of a name ('the 1973 War Powers Resolution')
            about = _about_what(text, word.end(), end, lex) or _relative_about(text, word.end(), end, lex)
            start, named_end = _stripped(text, opened, about or word.end())
            return _with_a_name(text, start, named_end, lex, possessor)
    return None


def names_a_happening(text: str, dated: Timex, end: int, lex: Lexicon) -> bool:
    """Whether ``dated`` is inside a noun phrase naming a happening ('the 1988 Lockerbie bombing')."""
    return _named_happening(text, dated, end, lex) is not None


def named_happening_span(text: str, dated: Timex, end: int, lex: Lexicon) -> tuple[int, int] | None:
    """The noun phrase naming a happening with ``dated`` inside it ('the [2003 invasion of Iraq]'),
    from the date, or None when it names none."""
    named = _named_happening(text, dated, end, lex)
    return (min(dated.start, named[0]), named[1]) if named else None


def _happening_before(
    text: str, clause_start: int, dated: Timex, end: int, lex: Lexicon
) -> tuple[int, int, str] | None:
    """The happening a noun phrase right before the date names, when a preposition governs the
    phrase and no action of the clause comes before it ('rescued them after the earthquake in
    Pakistan in 2005' gives 'earthquake in Pakistan'; "led to Mubarak's ouster last week", 'a
    suggestion in March by Liam Fox'). None when the phrase names no one."""
    before = word_before(text, dated.start)
    if before and before[0].casefold() in lex.marker("determiners").phrases:
        return None  # the date opens a noun phrase of its own ('and the 2004 tsunami')
    phrase_end = _before_spaces(text, _without_lead_in(text, clause_start, dated.start, lex))
    window = max(clause_start, phrase_end - 80)
    # the phrase's own clause: a boundary earlier in the window ends another ('sites in Iraq, in
    # response to the attack on the base')
    window = max([window, *(m.end() for m in _clause_boundaries(text, window, phrase_end, lex))])
    words = list(_WORD.finditer(text, window, phrase_end))
    if not words or words[-1].end() != phrase_end:
        return None
    for i in range(len(words) - 1, 0, -1):
        opener = words[i - 1]
        possessor = _possessor(text, opener, lex)
        if not possessor and opener[0].casefold() not in lex.marker("determiners").phrases:
            continue
        phrase_start = opener.end() - len(possessor) if possessor else opener.start()
        governor = next((w for w in reversed(words[: i - 1]) if w.end() <= phrase_start), None)
        if governor is not None and not lex.marker("noun_governors").find(governor[0]):
            if lex.marker("title_noun_objects").find(governor[0]):
                continue  # inside a longer noun phrase ('the attack [on] a base'): its head is further back
            return None  # the subject or a verb's object: the clause tells the happening
        if governor is None:
            return None
        if _NAME_BEFORE.search(text, max(0, governor.start() - 40), governor.start()):
            return None  # inside a name ('the State of the Union address')
        acts = cues_in(text, clause_start, governor.end(), lex)
        if any(c.category != STATEMENT and _is_predicate(text, c.start, lex) for c in acts):
            return None  # 'travelled to the summit in Brussels on Monday': the travel is the news
        # the action noun that heads the phrase: what follows it completes it ('the Iranian election
        # [protests] of 2009', 'the [attack] on the protest camp')
        noun = next(
            (
                w
                for w in words[i : i + MAX_NAMING_WORDS]
                if _is_action_noun(text, *w.span(), lex)
                and (w.end() == phrase_end or _complements(text, w.end(), phrase_end, lex))
            ),
            None,
        )
        if noun is None or tells_a_predicate(text, words[i].start(), noun.start(), lex):
            return None  # a clause, not a noun phrase ('the council [held] talks at UN headquarters')
        if noun.end() == phrase_end:  # who did it may follow the date ('by Liam Fox')
            about = _about_what(text, dated.end, end, lex)
            if (
                about
                and _after_leading(text, dated.end + 1, about, lex.marker("title_noun_agents"))
                > dated.end + 1
            ):
                named = " ".join(text[words[i].start() : noun.end()].split())
                return _with_a_name(
                    text, *_stripped(text, dated.end, about), lex, f"{possessor} {named}".strip()
                )
        return _with_a_name(text, words[i].start(), phrase_end, lex, possessor)
    return None


def _nominalised_happening(
    text: str, clause_start: int, dated: Timex, lex: Lexicon
) -> tuple[int, int, str] | None:
    """The happening a nominaliser names right before the date, with what it is about ('bãi bỏ
    nghị quyết cho phép [cuộc xâm lược Iraq] năm 2003'): the date is the phrase's, not the clause's.
    None unless an action follows the nominaliser, nothing after the action tells another, and a
    name is in the phrase or it is long enough to tell what it names."""
    phrase_end = _before_spaces(text, _without_lead_in(text, clause_start, dated.start, lex))
    window = max(clause_start, phrase_end - NOMINAL_CHARS)
    nominals = lex.marker("nominalisers").find(text, window, phrase_end)
    if not nominals:
        return None
    start = nominals[-1].start
    before = word_before(text, start)
    if before and lex.marker("determiners").find(before[0].lower()):
        before = word_before(text, before.start())
    if (
        before
        and lex.marker("circumstance_prepositions").find(before[0].lower())
        and tells_a_predicate(text, clause_start, before.start(), lex)
    ):
        return None  # what befell someone in it shares its date ('đã thiệt mạng trong các cuộc tấn công')
    noun = after_spaces(text, nominals[-1].end)
    acts = [c for c in cues_in(text, noun, phrase_end, lex) if c.start == noun and c.category != STATEMENT]
    if (
        not acts
        or _clause_boundary(text, start, phrase_end, lex)
        or tells_a_predicate(text, acts[0].end, phrase_end, lex)
    ):
        return None
    if len(_WORD.findall(text, start, phrase_end)) >= MIN_UNNAMED_WORDS:
        return start, phrase_end, ""  # 'cuộc không kích bằng máy bay không người lái' tells enough
    return _with_a_name(text, start, phrase_end, lex, "")


def _is_action_noun(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """Whether ``text[start:end]`` is a noun naming a happening: an action cue that starts there
    (not 'Oscar-nominated') or one of the language's happening nouns ('death', 'ouster')."""
    if any(c.category != STATEMENT and c.start == start for c in cues_in(text, start, end, lex)):
        return True
    found = lex.marker("happening_nouns").find(text, start, end)
    return bool(found) and found[0].start == start and found[0].end == end


def _complements(text: str, at: int, end: int, lex: Lexicon) -> bool:
    """Whether ``text[at:end]`` is what an action noun is about: a name ('of Iraq') or a short
    phrase after one of the language's prepositions that tells no action ('on a base north of
    Baghdad')."""
    if _about_what(text, at, end, lex) == end:
        return True
    words = _WORD.findall(text, at, end)
    return (
        0 < len(words) <= MAX_COMPLEMENT_WORDS
        and bool(lex.marker("title_noun_objects").opening(text, after_spaces(text, at), end))
        and not any(c in text[at:end] for c in ",;:")
        and not cues_in(text, at, end, lex)
        and not tells_a_predicate(text, at, end, lex)
    )


def _relative_about(text: str, at: int, end: int, lex: Lexicon) -> int | None:
    """Where a short relative clause after an action noun ends, when it tells what the action did
    to someone named ('the 2020 drone strike [that killed General Qassim Soleimani]')."""
    opened = lex.marker("relative_pronouns").opening(text, after_spaces(text, at), end)
    if not opened or not _is_predicate(text, after_spaces(text, opened.end), lex):
        return None  # a subject's relative: its verb follows ('that [killed] ...'; not 'that the strikes')
    boundary = _clause_boundary(text, opened.end, end, lex)
    close = _stripped(text, opened.end, boundary.start() if boundary else end)[1]
    words = _WORD.findall(text, opened.end, close)
    if not 0 < len(words) <= MAX_COMPLEMENT_WORDS or not any(w[:1].isupper() for w in words):
        return None
    return close


def _about_what(text: str, at: int, end: int, lex: Lexicon) -> int | None:
    """Where what an action noun is about ends: a name after one of the language's prepositions
    ('of Iraq', 'to Libya', 'of Pan Am Flight 103', 'by British Defense Secretary Liam Fox')."""
    m = _about_pattern(lex)
    found = m.match(text, at, end) if m else None
    if found is None:
        return None
    # the noun a name qualifies ('of Spanish flu', 'to the Gadhafi compound'), after its adjectives
    # when the name is a possessor ("at Moscow's busiest airport")
    close = found.end()
    for _ in range(QUALIFIED_WORDS if text[close - 2 : close] in ("'s", "’s") else 1):
        noun = _NEXT_LOWER_WORD.match(text, close, end)
        if not (noun and _qualified_noun(text, noun.start(1), noun.end(1), lex)):
            break
        close = noun.end()
    return close


def _qualified_noun(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """Whether the lower-case word at ``text[start:end]`` after a name is the noun the name
    qualifies ('Spanish [flu]'), not a verb ('in Haiti [say]') or a clause's opener ('[when]')."""
    word = text[start:end]
    if word.casefold() in lex.stopwords or _is_predicate(text, start, lex):
        return False
    openers = ("subordinators", "title_connectors", "title_relatives")
    return not cues_in(text, start, end, lex) and not any(lex.marker(k).find(word) for k in openers)


@cache
def _about_pattern_of(
    prepositions: tuple[str, ...], determiners: tuple[str, ...], joiners: tuple[str, ...]
) -> re.Pattern | None:
    if not prepositions:
        return None
    alternation = "|".join(map(re.escape, prepositions))
    the = "|".join(map(re.escape, determiners))
    joined = "|".join(map(re.escape, sorted(joiners, key=len, reverse=True))) or "(?!)"
    word = r"(?:al-)?[A-Z0-9][\w.'’-]*"
    return re.compile(
        rf"\s+(?:{alternation})\s+(?:(?:{the})\s+)?[A-Z][\w.'’-]*(?:(?:\s+(?:{joined}))?\s+{word}){{0,5}}"
    )


def _about_pattern(lex: Lexicon) -> re.Pattern | None:
    return _about_pattern_of(
        tuple(lex.marker("title_noun_objects").phrases),
        tuple(lex.marker("determiners").phrases),
        tuple(lex.marker("name_joiners").phrases),
    )


def _possessor(text: str, word: re.Match, lex: Lexicon) -> str:
    """The name a possessive word closes ("Tony Blair's"), or nothing."""
    if not _POSSESSIVE.search(word[0]) or not word[0][:1].isupper():
        return ""
    particles = lex.marker("name_particles").phrases
    names = [word]
    for before in reversed(list(_WORD.finditer(text, max(0, word.start() - 40), word.start()))):
        if text[before.end() : names[-1].start()] != " " or not (
            before[0][:1].isupper() or before[0] in particles
        ):
            break
        names.append(before)
    while not names[-1][0][:1].isupper():
        names.pop()
    return text[names[-1].start() : word.end()]


def _with_a_name(
    text: str, start: int, end: int, lex: Lexicon, possessor: str
) -> tuple[int, int, str] | None:
    """The phrase as a title's span, when it or its possessor names someone or something."""
    words = _WORD.findall(text, start, end)
    if len(words) + bool(possessor) < MIN_NAMED_WORDS or not (
        possessor or any(w[:1].isupper() for w in words)
    ):
        return None
    return start, end, possessor


def _quoted_saying(
    text: str,
    clause: tuple[int, int],
    sentence: tuple[int, int],
    dated: Timex,
    timexes: Sequence[Timex],
    lex: Lexicon,
) -> tuple[str, str] | None:
    """Who said the quotation that opens the sentence and what, when ``clause`` is its attribution
    after it ('"...," Bowles said on Thursday', '"...," said Ron Kirk') or the date is inside the
    quotation ('"I resigned on Sunday," Sawani told Reuters'): the speaker with the saying verb
    ('Bowles said') and the quoted words; None otherwise."""
    start = after_spaces(text, sentence[0])
    opened = text[start] in _OPENING_QUOTES
    inside = _CLOSING_QUOTE.search(text, dated.end, sentence[1]) if opened else None
    if inside and not _CLOSING_QUOTE.search(text, start + 1, dated.start):
        quote_end, attribution, attribution_end = (
            inside.start(),
            after_spaces(text, inside.end()),
            sentence[1],
        )
    else:
        closing = list(
            _CLOSING_QUOTE.finditer(text, start + 1, max(clause[0] + 1, min(dated.start, clause[1])))
        )
        if not closing:
            return None
        if not opened and _CLOSING_QUOTE.search(text, start, closing[-1].start()):
            return None  # a quotation inside the sentence, not one that opens it (perhaps a sentence back)
        quote_end, attribution, attribution_end = (
            closing[-1].start(),
            after_spaces(text, closing[-1].end()),
            clause[1],
        )
        if not attribution <= dated.start < clause[1]:
            return None  # the attribution holds the date: after the quotation, up to the clause's end
    sayings = [
        c
        for c in cues_in(text, attribution, attribution_end, lex)
        if c.category == STATEMENT and _is_predicate(text, c.start, lex)  # 'said', not 'press conference'
    ]
    if not sayings or (
        dated.start > attribution and tells_a_predicate(text, sayings[0].end, dated.start, lex)
    ):
        return (
            None  # the date is another happening's ('..., Nasrallah said, since protests broke out in March')
        )
    saying = sayings[0]
    relays = lex.marker("relayed_sayings")
    if len(sayings) > 1 and any(m.start == saying.start for m in relays.find(text, saying.start, saying.end)):
        # 'AFP dẫn lời thư ký báo chí Peter Cook ... cho biết': who spoke is the one quoted, not the relay
        attribution, saying = after_spaces(text, saying.end), sayings[1]
    if saying.start == attribution:  # '..., said Ron Kirk, the nominee,': the name after the verb
        words: list[re.Match] = []  # the name: capitalised words up to a comma ('said Yim Jong-yong, ...')
        for word in _WORD.finditer(text, saying.end, attribution_end):
            if not word[0][:1].isupper() or (words and text[words[-1].end() : word.start()].strip()):
                break
            words.append(word)
        if not words:
            return None
        speaker = f"{text[words[0].start() : words[-1].end()]} {text[saying.start : saying.end]}"
    else:
        speaker = _condensed(text, attribution, saying.end, timexes, lex)
        verb = text[saying.start : saying.end]
        if any(m.end - m.start == len(verb) for m in lex.marker("sayings_to_someone").find(verb)):
            speaker = _with_whom(
                text, speaker, saying, dated, attribution_end, lex
            )  # 'told', not 'told reporters'
    while (last := _LAST_WORD.search(speaker)) and lex.marker("title_lead_ins").find(last[0]):
        speaker = speaker[: last.start()].rstrip()  # 'wrote on [Twitter]'
    if len(speaker) > MAX_SUBJECT_CHARS or not _opens_a_noun_phrase(speaker, 0, lex):
        # a long attribution without an aside: the name right before the saying
        name = (
            None
            if not opened or "," in text[attribution : saying.start]
            else _name_before(text, attribution, saying.start, lex)
        )
        verb_at = speaker.rfind(text[saying.start : saying.end])
        if not name or verb_at < 0:
            return None
        speaker = f"{name} {speaker[verb_at:]}"  # 'senior SocGen gas and LNG analyst [Thierry Bros said]'
    quote_start = start + 1 if opened else start
    quote = " ".join(text[quote_start:quote_end].split()).rstrip(",;:.")  # as said, its date too
    return (speaker, quote) if len(_WORD.findall(quote)) >= MIN_TITLE_WORDS else None


def _name_before(text: str, start: int, at: int, lex: Lexicon) -> str | None:
    """The name that ends right before ``at``: two capitalised words or more after ``start``, without
    the titles before it ('Ambassador Gerard Araud' gives 'Gerard Araud') or the side of the post
    ('phát ngôn viên quân đội Iraq Yahya Rasool' gives 'Yahya Rasool')."""
    words = list(_WORD.finditer(text, start, _before_spaces(text, at)))
    name = _name_words(
        text, words, lambda w: bool(lex.roles.find(w) or lex.marker("name_titles").find(w) or w in lex.actors)
    )
    return text[name[-1].start() : name[0].end()] if len(name) >= 2 else None


def _name_words(text: str, words: list[re.Match], stops: Callable[[str], bool]) -> list[re.Match]:
    """The capitalised words closing ``words``, one space apart, last first, up to a word ``stops``
    tells is no part of the name (a title, a post)."""
    name: list[re.Match] = []
    for word in reversed(words):
        if (
            stops(word[0])
            or not word[0][:1].isupper()
            or (name and text[word.end() : name[-1].start()] != " ")
        ):
            break
        name.append(word)
    return name


def _named_speaker(words: str, lex: Lexicon) -> str:
    """``words`` opening with who spoke told at length, a post then a name right before the saying
    ('Người phát ngôn Bộ Ngoại giao Mỹ Ned Price cho biết ...'), with the name alone before it; else
    ``words`` as they are."""
    saying = next(
        (
            c
            for c in cues_in(words, 0, len(words), lex)
            if c.category == STATEMENT and _is_predicate(words, c.start, lex)
        ),
        None,
    )
    if saying is None:
        return words

    def posted(word: str) -> bool:  # a side or a role: what a post names before the person
        return bool(word in lex.actors or lex.roles.find(word))

    before = list(_WORD.finditer(words, 0, _before_spaces(words, saying.start)))
    name = _name_words(words, before, posted)
    post = before[-len(name) - 1] if 2 <= len(name) < len(before) else None
    if post is None or not posted(post[0]):
        return words  # a name after a post ('... Mỹ [Ned Price]'), not a place ('... quốc gia New Mexico')
    described = words[: name[-1].start()]  # only the post: no clause, list or aside before the name
    first = _WORD.match(words)
    if (
        "," in described
        or lex.marker("title_coordinators").find(described)
        or tells_a_predicate(words, 0, name[-1].start(), lex)
        or (first and first[0].casefold() in lex.marker("determiners").phrases)  # 'The US Geological Survey'
        # a post names a person, not 'the opposition Syrian [National Council]'
        or not lex.roles.find(described)
    ):
        return words
    return f"{words[name[-1].start() : name[0].end()]} {words[saying.start :]}"


def _with_whom(text: str, speaker: str, saying: Cue, dated: Timex, end: int, lex: Lexicon) -> str:
    """'Chan told reporters', 'Hague told the BBC': the few words of whom a quotation was told, up to
    the date or a word leading into a place or time; when they run longer, the plain saying verb ('Ban
    said' for 'Ban told the 15-member Security Council')."""
    objects = list(
        itertools.takewhile(
            lambda w: not lex.marker("title_lead_ins").find(w[0]) and w.start() < dated.start,
            _WORD.finditer(text, saying.end, end),
        )
    )
    told = f"{speaker} {text[objects[0].start() : objects[-1].end()]}" if objects else ""
    fits = objects and len(objects) <= MAX_TOLD_WORDS and len(told) <= MAX_SUBJECT_CHARS
    if fits and "," not in text[saying.end : objects[-1].end()]:
        return told
    verb, plain = text[saying.start : saying.end], lex.marker("title_saying").phrases
    return speaker[: -len(verb)] + plain[0] if plain and speaker.endswith(verb) else speaker


def _over_a_quote(text: str, end: int, sentence_end: int, lex: Lexicon) -> int:
    """``end``, or past the short quotation that opens there: a clause cut at a quotation mark
    ('risked a "humanitarian disaster"') goes on over the quoted words; over a long one too when it
    is the object of the verb that ends the clause ('a cable observed "tremendous fear in ..."') or
    of a word that leads into it ('called on both sides to "honor their commitment ..."')."""
    at = after_spaces(text, end)
    if at >= sentence_end or text[at] not in _OPENING_QUOTES:
        return end
    verb = word_before(text, at)
    told = verb is not None and verb[0][:1].islower() and _is_predicate(text, verb.start(), lex)
    leads_in = verb is not None and verb[0].casefold() in lex.stopwords
    reach = sentence_end if told or leads_in else min(sentence_end, at + 1 + MAX_QUOTE_CHARS)
    closing = _CLOSING_QUOTE.search(text, at + 1, reach)
    return closing.end() if closing else end


def _over_an_aside(
    text: str, clause: tuple[int, int], sentence_end: int, timexes: Sequence[Timex], lex: Lexicon
) -> int:
    """The clause's end, or past an aside between commas that opens there and the predicate that
    follows it to the next clause boundary, when the clause ends on a subject with no predicate yet:
    a clause cut at an apposition's comma ('warned that sharia, Islamic law, had no place in
    Germany') goes on to what its subject did; the aside itself is left out of the title
    (``_condensed``). A clause that told its predicate ('The shelling resumed, ...') ends there."""
    start, end = clause
    comma = after_spaces(text, end)
    if comma >= sentence_end or text[comma] != ",":
        return end
    second = text.find(",", comma + 1, min(sentence_end, comma + MAX_ASIDE_CHARS))
    if second >= 0 and _ends_on_a_connector(text, start, end, lex):
        # 'cautioned that, while the economy is on the mend, unemployment remains an issue'
        boundary = _clause_boundary(text, second + 1, sentence_end, lex)
        return boundary.start() if boundary else sentence_end
    if second < 0 or not is_aside_before_predicate(text, comma, second, timexes, lex):
        return end
    openers = [
        *lex.marker("title_connectors_inside").find(text, start, end),
        *lex.marker("subordinators").find(text, start, end),
    ]
    if tells_a_predicate(text, max([start, *(m.end for m in openers)]), end, lex):
        return end
    boundary = _clause_boundary(text, second + 1, sentence_end, lex)
    return boundary.start() if boundary else sentence_end


def _ends_on_a_connector(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """Whether ``text[start:end]`` ends on a connector that an aside may follow ('that')."""
    last = _LAST_WORD.search(text, start, end)
    found = lex.marker("title_connectors_before_asides").find(last[0]) if last else []
    return any(m.start == 0 and m.end == len(last[0]) for m in found)  # type: ignore[index]


def _asides_after_connectors(text: str, start: int, end: int, lex: Lexicon) -> list[tuple[int, int]]:
    """Spans of asides between commas right after a connector ('said that, as they tried to revive
    him, the doctor ...'): the reported clause goes on after them."""
    asides = []
    for connector in lex.marker("title_connectors_before_asides").find(text, start, end):
        comma = connector.end
        if text[comma : comma + 1] == ",":
            second = text.find(",", comma + 1, min(end, comma + MAX_ASIDE_CHARS))
            if second >= 0:
                asides.append((comma, second + 1))
    return asides


def _shared_subject(
    text: str, clause_start: int, start: int, sentence_start: int, lex: Lexicon, end: int | None = None
) -> str:
    """The sentence's subject, for a predicate joined to the one before it ('Qatari authorities
    took her from a hotel, and forced them onto a plane' gives 'Qatari authorities' to 'forced
    them ...'), or one of a list of predicates that goes on to ``end`` ('King Abdullah sacked his
    government, named a new prime minister and met ...'): the words before the sentence's first
    predicate, when short; else nothing."""
    clause_start = _stripped(text, clause_start, start)[0] if clause_start < start else start
    comma = _before_spaces(text, start) - 1
    listed = end is not None and text[comma : comma + 1] == "," and _lists_predicates(text, start, end, lex)
    clause_start = comma if listed else clause_start
    # a colon or a semicolon opens a sentence of its own ('... his only act of terror: his service
    # was behind ... and sponsored ...'): its subject is shared, not the one before
    sentence_start = max(
        [sentence_start, *(m.end() for m in _SENTENCE_JOIN.finditer(text, sentence_start, clause_start))]
    )
    if clause_start <= sentence_start or clause_start >= start:
        return ""
    coordinated = (
        _after_leading(text, clause_start, start + 1, lex.marker("title_coordinators")) > clause_start
    )
    if not (listed or coordinated) or not _is_predicate(text, start, lex):
        return ""
    predicates = [
        w for w in _WORD.finditer(text, sentence_start, clause_start) if _is_predicate(text, w.start(), lex)
    ]
    if not predicates:
        return ""
    # the sentence's first predicate, or the one a list of predicates opens with ('Davutoglu compared
    # Syria with Libya, where rebels captured, humiliated and killed Gaddafi': the rebels')
    first = predicates[-1] if listed else predicates[0]
    # ... or the first of a relative clause with its own subject ('the pact, under which [U.S. troops]
    # will withdraw ... and will leave the country')
    own = lex.marker("title_relatives_own_subject").find(text, first.end(), clause_start)
    inner = [w for w in predicates if own and w.start() > own[-1].end]
    if inner and not listed:
        sentence_start, first = after_spaces(text, own[-1].end), inner[0]
    joined = _WORD.match(text, start)
    if _reports(text, first.start(), first.end(), lex) and not (
        text[:clause_start].rstrip().endswith(",")
        or (joined and _reports(text, joined.start(), joined.end(), lex, _SPEECH_ACTS))
    ):
        # who spoke did not do what their words tell ('Traders said the tanker was chartered and had
        # been seen'), only what a comma sets apart (', and also sent') or another saying ('but warned')
        return ""
    piece = _piece_before(text, sentence_start, first.start(), lex)
    if piece is not None and piece[0] == piece[1]:
        # an apposition before the first predicate ('Ông Saddam Hussein, 68 tuổi, lên làm ...'): the
        # subject before it
        return _subject(text, first.start(), sentence_start, lex)
    if piece is None or piece[0] >= piece[1] or piece[1] - piece[0] > MAX_SUBJECT_CHARS:
        return ""  # an adverbial, not who acts, or no short subject
    # a relative pronoun stands for the noun phrase before its comma ('The rebellion, which began
    # in February and has been backed by air strikes since March': the rebellion is backed)
    people = _after_leading(text, piece[0], piece[1] + 1, lex.marker("title_relatives_people"))
    if max(people, _after_leading(text, piece[0], piece[1] + 1, lex.marker("title_relatives"))) > piece[0]:
        comma = _comma_before(text, piece[0], sentence_start)
        return _antecedent(text, sentence_start, comma, lex, people > piece[0]) if comma is not None else ""
    return " ".join(text[piece[0] : piece[1]].split())


def _lists_predicates(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """Whether ``text[start:end]`` ends a list of predicates: a predicate opens it and a coordinator
    joins another to it ('named a new prime minister and met privately')."""
    return _is_predicate(text, start, lex) and any(
        _is_predicate(text, after_spaces(text, m.end), lex)
        for m in lex.marker("title_coordinators").find(text, start, end)
    )


_SPEECH_ACTS = ("threaten", "criticize", "demand")  # categories of what a speaker does by speaking


def _since_a_boundary(text: str, sentence_start: int, end: int, lex: Lexicon) -> tuple[int, int]:
    """The words before ``end`` since the sentence's last clause boundary, edges stripped."""
    boundaries = [m.end() for m in _clause_boundaries(text, sentence_start, end, lex)]
    return _stripped(text, boundaries[-1] if boundaries else sentence_start, end)


def _piece_before(text: str, sentence_start: int, end: int, lex: Lexicon) -> tuple[int, int] | None:
    """The words before ``end`` since the sentence's last clause boundary, without a leading
    connector; None when they open with a word that leads into a place or time (an adverbial)."""
    piece_start, piece_end = _since_a_boundary(text, sentence_start, end, lex)
    if text[piece_end : piece_end + 1] == ")" and "(" in text[piece_start:piece_end]:
        piece_end += 1  # 'the troika (EU/IMF/ECB), which': the bracket closed
    piece_start = _after_leading(text, piece_start, piece_end, lex.marker("title_connectors"))
    if _opens_an_adverbial(text, piece_start, piece_end, lex):
        return None
    return piece_start, piece_end


def _opens_a_phrase(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """Whether a preposition, perhaps after a connector, opens ``text[start:end]`` ('with a low death
    rate', 'but with high infectivity'): an aside, no subject."""
    start = after_spaces(text, _after_leading(text, start, end, lex.marker("title_connectors")))
    return _after_leading(text, start, end, lex.marker("prepositions")) > start


def _opens_an_adverbial(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """Whether a word that leads into a place or time opens ``text[start:end]`` ('On Monday'), not a
    count's quantifier ('At least 18 people')."""
    lead_in = _after_leading(text, start, end, lex.marker("title_lead_ins")) > start
    return lead_in and _after_leading(text, start, end, lex.marker("quantifiers")) == start


def _is_predicate(text: str, at: int, lex: Lexicon) -> bool:
    """Whether a finite verb in lower case opens ``text[at:]`` ('forced', 'is', 'đã'), perhaps after
    an adverb ('dramatically claimed')."""
    return remembered(text, ("is_predicate", at, lex.language), _opens_with_a_predicate, text, at, lex)


def _opens_with_a_predicate(text: str, at: int, lex: Lexicon) -> bool:
    word = _WORD.match(text, at)
    if word is None or not word[0][:1].islower():
        return False
    if any(form.fullmatch(word[0]) for form in lex.adverb_forms):
        at = after_spaces(text, word.end())
        word = _WORD.match(text, at)
        if word is None or not word[0][:1].islower():
            return False
    if _after_leading(text, at, len(text), lex.marker("title_predicates")) > at:  # also "trở lại"
        return True
    if not lex.verb_forms:  # no word forms tell a verb ('thiệt mạng'): an action word opening there
        cue = cue_opening(text, at, min(len(text), at + 30), lex)
        if cue is None or _named_as_a_noun(text, at, lex):  # does, unless a noun's classifier names
            return False  # it ('chuyến thăm')
        return not lex.marker("act_nouns").find(text[cue.start : cue.end].split()[0])
    before = word_before(text, at)  # 'a televised address', 'the wounded': an adjective
    if before and before[0].casefold() in lex.marker("determiners").phrases:
        return False
    return any(form.fullmatch(word[0]) for form in lex.verb_forms)


def _relative(
    text: str, clause_start: int, start: int, sentence: tuple[int, int], lex: Lexicon
) -> tuple[int, str, int] | None:
    """Where the title of a relative clause starts and what it is about: '..., which took over'
    gives ``start`` at 'took' and the antecedent ('the alliance'); '..., whose defection' keeps
    'whose' after the antecedent and a comma; with no antecedent found, the sentence's start and
    no subject. None when the clause is no relative clause."""
    sentence_start = sentence[0]
    clause_start = _stripped(text, clause_start, start)[0] if clause_start < start else start
    comma = _comma_before(text, clause_start, sentence_start)
    if comma is None:
        return None
    while (age := text.rfind(",", sentence_start, comma)) > sentence_start and _is_age(
        text, age + 1, comma, lex
    ):
        comma = age  # 'Jane Roe, 35, whose ...': the name before the age
    own = _after_leading(text, clause_start, start + 20, lex.marker("title_relatives_own_subject"))
    if own > clause_start:  # '..., in which 108 people were killed': a clause with its own subject
        return after_spaces(text, own), "", sentence[1]
    reach = start + RELATIVE_CHARS
    kept = _after_leading(text, clause_start, reach, lex.marker("title_relatives_kept"))
    person = _after_leading(text, clause_start, reach, lex.marker("title_relatives_people"))
    dropped = max(person, _after_leading(text, clause_start, reach, lex.marker("title_relatives")))
    opener = _WORD.match(text, clause_start)
    # '..., signed three years ago by Gadhafi': a participle qualifying what comes before the comma
    reduced = bool(opener) and "'" not in opener[0] and _is_participle(opener[0], lex)  # type: ignore[index]
    aside = closes = False
    if reduced:  # ... after a fronted phrase's noun ('Under a treaty, signed in 2008 by ..., Italy agreed')
        opening = _WORD.match(text, after_spaces(text, sentence_start))
        fronted = bool(opening) and bool(lex.marker("prepositions").find(opening[0]))  # type: ignore[index]
        # ... or an aside that the sentence's predicate follows ('the funeral of Kamal Baradan,
        # killed on Friday in Deraa, set fire to ...'): most often about the name before it
        closing = text.find(",", clause_start, min(sentence[1], clause_start + MAX_ASIDE_CHARS))
        aside = closing > 0 and _predicate_after_an_aside(text, after_spaces(text, closing + 1), lex)
        # ... or one that closes the sentence after its first comma, with no object ('honours the
        # basing agreement, signed in 2008 by both governments.'; not 'Belhadj, born in 1988, joined
        # ...' nor a list's predicate, 'dismissed his deputies, appointed a council')
        closes = (
            closing < 0
            and sentence[1] - clause_start <= MAX_ASIDE_CHARS
            and _APPOSITION_MARK.search(text, sentence_start, comma) is None  # ('The envoy -- X -- resigned')
            and not _opens_a_noun_phrase(text, after_spaces(text, opener.end()), lex)  # type: ignore[union-attr]
        )
        reduced = aside or closes or (fronted and _COMMA.search(text, sentence_start, comma) is None)
    if kept == dropped == clause_start and not reduced:
        return None
    antecedent = _antecedent(text, sentence_start, comma, lex, person > clause_start, aside or closes) or (
        "" if reduced else _adverbials_noun(text, sentence_start, comma, lex)
    )
    if closes and antecedent and lex.marker("time_nouns").find(antecedent.rsplit(" ", 1)[-1]):
        return None  # a time ('soared to 498 by the weekend, followed on Sunday by ...'): no noun phrase
    if reduced:  # an aside's title ends with it
        return (clause_start, antecedent, closing if aside else sentence[1]) if antecedent else None
    if not antecedent:  # the sentence as written says more than a predicate alone
        return _stripped(text, sentence_start, start)[0], "", sentence[1]
    if kept > clause_start:
        return clause_start, antecedent + ",", sentence[1]
    return dropped, antecedent, sentence[1]


def _adverbials_noun(text: str, sentence_start: int, comma: int, lex: Lexicon) -> str:
    """The noun phrase of a phrase of place or time right before ``comma``, which a relative clause
    after it is about ('During [the long drought], which started in January, wells ran dry'); ''
    when there is none, or a time ('In 2009, which')."""
    start = _since_a_boundary(text, sentence_start, comma, lex)[0]
    opener = _WORD.match(text, start)
    if opener is None or not _opens_an_adverbial(text, start, comma, lex):
        return ""
    noun = after_spaces(text, opener.end())
    phrase = " ".join(text[noun:comma].split())
    if (
        not phrase[:1].isalpha()
        or len(phrase) > MAX_SUBJECT_CHARS
        or not _opens_a_noun_phrase(text, noun, lex)
        or tells_a_predicate(text, noun, comma, lex)
    ):
        return ""
    return phrase


def _comma_before(text: str, at: int, sentence_start: int) -> int | None:
    """Where the comma (or dash) that a clause opening at ``at`` follows stands, inside the sentence."""
    comma = at - 1
    while comma > sentence_start and text[comma].isspace():
        comma -= 1
    return comma if comma > sentence_start and text[comma] in ",-–—" else None


def _antecedent(
    text: str, sentence_start: int, comma: int, lex: Lexicon, person: bool, aside: bool = False
) -> str:
    """The noun phrase right before ``comma``, the first that is short and has no predicate in it:
    from the piece's last determiner, from its closing run of capitalised words ('said [the
    alliance],' 'brought into [Homs],'), or the whole piece since the last clause boundary. A
    ``person`` tries the closing name first ('the views of [Osama bin Laden], who')."""
    piece = _piece_before(text, sentence_start, comma, lex)
    if piece is None:
        return ""  # an adverbial ('In Basra, where ...'), not a noun phrase
    piece_start, piece_end = piece
    words = list(_WORD.finditer(text, piece_start, piece_end))
    determiners = [w.start() for w in words if w[0].casefold() in lex.marker("determiners").phrases]
    particles = lex.marker("name_particles").phrases
    prepositions = lex.marker("prepositions")
    if words and prepositions.find(words[0][0]) and len(words) > 1:  # 'Under [a friendship treaty],'
        piece_start, words = words[1].start(), words[1:]
    name = list(itertools.takewhile(lambda w: w[0][:1].isupper() or w[0] in particles, reversed(words)))
    while name and not name[-1][0][:1].isupper():  # a name starts with a capital
        name.pop()
    name_start = [name[-1].start()] if name else []
    # a person's name, not a place's ('A protester [in Bahrain], who was shot')
    before = word_before(text, name_start[0]) if name_start else None
    placed = before is not None and bool(lex.marker("place_prepositions").find(before[0].lower()))
    if aside:
        # a participle's aside is about a closing name ('68-year-old [Cecil], awarded'), one after a
        # genitive too ('the funeral of [Kamal Baradan], killed'), but not one after another
        # preposition, which completes the whole phrase ('the committee on Libya, established in
        # March'); no part of a phrase too long to take back whole ('on [Libya]')
        word = before[0].lower() if before else ""
        of_a_name = not prepositions.find(word) or bool(lex.marker("genitive_prepositions").find(word))
        candidates = name_start if name_start and of_a_name else [*determiners[-1:], piece_start]
    else:
        starts = name_start + determiners[-1:] if person and not placed else determiners[-1:] + name_start
        # ... or what follows the piece's last preposition ('participated in [Clooney's telethon], which')
        objects = lex.marker("title_noun_objects").find(text, piece_start, piece_end)
        after_preposition = [after_spaces(text, objects[-1].end)] if objects else []
        if (
            after_preposition
            and lex.marker("infinitive_markers").find(objects[-1].phrase)
            and not _opens_a_noun_phrase(text, after_preposition[0], lex)
        ):
            after_preposition = []  # 'to quarantine people who ...': a verb, no noun phrase
        candidates = [*starts, *after_preposition, piece_start]
    for phrase_start in candidates:
        phrase = text[phrase_start:piece_end]
        if phrase.endswith(")") and "(" not in phrase:
            phrase = phrase[:-1]  # a name's short form in brackets ('Nhà nước Hồi giáo tự xưng ([IS])')
        # ... which is no predicate ('the Islamic State (IS)' has no 'is')
        # ... nor a compound's participle ('the rebel-held east')
        unbracketed = _HYPHENATED.sub("", _BRACKETED.sub("", phrase))
        if len(phrase) <= MAX_SUBJECT_CHARS and not lex.marker("title_predicates").find(unbracketed):
            return " ".join(phrase.split())
    return ""


def _continues_the_sentence(
    text: str, start: int, sentence_start: int, timexes: Sequence[Timex], lex: Lexicon
) -> bool:
    """Whether the clause is the rest of the sentence's first predicate, cut off by an apposition's
    comma ('... met his counterpart, Rene Preval, in Port-au-Prince on Friday'): it opens in lower
    case with a word that leads into a place or time, and no time expression comes before it."""
    before = start
    while before > sentence_start and text[before - 1].isspace():
        before -= 1
    if start <= sentence_start or not text[start : start + 1].islower() or text[before - 1 : before] != ",":
        return False
    reach = min(len(text), start + 30)
    if _after_leading(text, start, reach, lex.marker("title_lead_ins")) == start:
        return False
    if _after_leading(text, start, reach, lex.marker("title_relatives_own_subject")) > start:
        return False  # '..., in which 108 people were killed': a clause of its own
    return not any(sentence_start <= t.start < start for t in timexes)


def _subject(text: str, start: int, sentence_start: int, lex: Lexicon, timexes: Sequence[Timex] = ()) -> str:
    """The subject of a title that opens with its predicate ('is to meet ...', 'đã ký ...') because
    an apposition stood between them, perhaps with a time after it: the piece before the apposition
    ("Russia's foreign minister, Sergei Lavrov, on Monday said" gives "Russia's foreign minister");
    else nothing."""
    if not _is_predicate(text, start, lex):  # a finite verb in lower case ('imposed', 'đã')
        return ""
    # ... between commas, or between dashes right before it ('Amre Moussa -- a former minister -- called';
    # dashes inside an aside between commas are that aside's: '..., containing X - known as Y -, surrounded')
    marks = [m.start() for m in _APPOSITION_MARK.finditer(text, sentence_start, start)]
    dashed = len(marks) >= 2 and text[marks[-1]] != "," and text[marks[-2]] != ","
    commas = marks if dashed else [at for at in marks if text[at] == ","]
    between = next((t for t in timexes if commas and commas[-1] < t.start and t.end <= start), None)
    if between:  # 'Margaret Chan, yesterday suggested': the time dates the predicate
        start = _without_lead_in(text, commas[-1], between.start, lex, ("title_lead_ins",))
    gap = text[commas[-1] : start].strip(", -–—").split() if commas else []
    if len(commas) < 2 or not all(any(f.fullmatch(w) for f in lex.adverb_forms) for w in gap):
        return ""  # only an adverb may stand between the apposition and the title ('..., 47, also faced')
    while len(commas) > 2 and _is_age(text, commas[-3] + 1, commas[-2], lex):
        commas.pop(-2)  # an age between commas is part of the name's apposition ('Middleton, 29, ...')
    # an aside in two pieces ('H1N1, with a low death rate, but with high infectivity, produced')
    while len(commas) > 3 and _opens_a_phrase(text, after_spaces(text, commas[-3] + 1), commas[-2], lex):
        commas.pop(-2)
    piece_start = commas[-3] + 1 if len(commas) > 2 else sentence_start
    # not before a colon or a semicolon ("CNN.com 'Godfather' dies at 63: Jon Petrovich, a former ...")
    breaks = [
        m.end() for m in _clause_boundaries(text, piece_start, commas[-2], lex) if text[m.start()] in ";:"
    ]
    piece_start, piece_end = _stripped(text, max([piece_start, *breaks]), commas[-2])
    piece_start = _after_leading(text, piece_start, piece_end, lex.marker("title_connectors"))
    piece_start, piece_end = _stripped(text, piece_start, piece_end)
    inner = sorted(  # a reported clause's 'that', or a subordinator ('... when Lawrence Summers, ...')
        [
            *lex.marker("title_connectors_inside").find(text, piece_start, piece_end),
            *lex.marker("subordinators").find(text, piece_start, piece_end),
        ],
        key=lambda m: m.start,
    )
    if inner and tells_a_predicate(text, piece_start, inner[-1].start, lex):
        # '... by saying that Mr Assad had, in effect, agreed': the reported clause's subject
        reported = after_spaces(text, inner[-1].end)
        lead_in = _after_leading(text, reported, piece_end, lex.marker("title_lead_ins")) > reported
        piece_start = reported if opens_a_subject(text, reported, lex) and not lead_in else piece_start
    joined = lex.marker("title_coordinators").find(text, piece_start, piece_end)
    if joined and piece_end - piece_start > MAX_SUBJECT_CHARS:
        # the subject of a clause joined to another ('... continues and [the commander], X, conceded'),
        # not a subject's second part ('Syria under the president and his late father, X, has')
        after = after_spaces(text, joined[-1].end)
        clause_before = may_be_a_clause(text, piece_start, joined[-1].start, lex)
        piece_start = after if clause_before and _opens_a_noun_phrase(text, after, lex) else piece_start
    if piece_end - piece_start > MAX_SUBJECT_CHARS:
        piece_end = _leading_name_end(text, piece_start, piece_end, lex)  # 'Syria under the late ...'
    if piece_start >= piece_end or piece_end - piece_start > MAX_SUBJECT_CHARS:
        return ""
    if _opens_an_adverbial(text, piece_start, piece_end, lex):
        return ""  # an adverbial ('On Monday, ...'), not who acts
    return " ".join(text[piece_start:piece_end].split())


def _leading_name_end(text: str, start: int, end: int, lex: Lexicon) -> int:
    """Where the name that opens ``text[start:end]`` ends ('[Syria] under the current president'),
    or ``start`` when no name opens it: a determiner ('The head of ...'), a possessive, a single
    word opening the sentence, capitalised only there ('Rebels in the east ...'), or a predicate
    after it ('Davutoglu compared Syria with Libya': a clause, no subject)."""
    words = []
    for word in _WORD.finditer(text, start, end):
        if text[words[-1].end() if words else start : word.start()].strip() or not word[0][:1].isupper():
            break
        words.append(word)
    if not words or lex.marker("determiners").find(words[0][0].lower()) or _POSSESSIVE.search(words[-1][0]):
        return start
    if len(words) == 1 and _opens_a_sentence(text, start):
        return start
    return start if tells_a_predicate(text, words[-1].end(), end, lex) else words[-1].end()


def _is_age(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """Whether ``text[start:end]`` is an age between commas ('Middleton, 29,', 'Saddam Hussein, 68 tuổi,')."""
    number = _AGE.match(text, start, end)
    if number is None:
        return False
    rest = text[number.end() : end].strip()
    return not rest or any(m.phrase == rest for m in lex.marker("age_words").find(rest))


def _before_unclosed_bracket(text: str, start: int, end: int) -> int:
    """``end``, or where a bracket opened and not closed before it begins ('... 800 m (ảnh')."""
    opened = text.rfind("(", start, end)
    if opened > start and text.find(")", opened, end) < 0:
        return _stripped(text, start, opened)[1]
    return end


def _one_line(text: str, start: int, end: int) -> tuple[int, int]:
    newline = text.find("\n", start, end)
    if newline >= 0 and text[start:newline].strip():
        end = newline
    elif newline >= 0:
        start = newline + 1
    return _stripped(text, start, end)


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE_PUNCTUATION:
        start += 1
    while end > start and text[end - 1] in _EDGE_PUNCTUATION:
        opener = _OPENER_OF.get(text[end - 1])
        if opener and text.count(opener, start, end - 1) > text.count(text[end - 1], start, end - 1):
            break  # the bracket closes one the span opens ('tự xưng (IS)')
        end -= 1
    return start, end


_OPENER_OF = {")": "(", "]": "["}  # a closing bracket and the one it closes


def _trimmed(text: str, start: int, end: int, timexes: Sequence[Timex], lex: Lexicon) -> tuple[int, int]:
    """The span without its line breaks, a time expression at either edge (with the words that
    lead into it: 'on', 'vào'), and leading connectors; kept for the event's other askers (a title
    trims its clause, and so does the test for a fronted phrase that sets it)."""
    start, end = _one_line(text, start, end)
    key = ("trimmed", start, end, tuple((t.start, t.end) for t in timexes), lex.language)  # all it reads
    return remembered(text, key, _trimmed_line, text, start, end, timexes, lex)


def _trimmed_line(text: str, start: int, end: int, timexes: Sequence[Timex], lex: Lexicon) -> tuple[int, int]:
    edge = _before_spaces(text, start)
    before = text[edge - 1 : edge] if edge > 0 else ""  # 'the fact [that] ...', 'blogs, [that] ...'
    if text[start : start + 1].islower() and (before.isalnum() or before == ","):
        start = _after_leading(text, start, end, lex.marker("title_connectors_inside"))
    while True:
        before = (start, end)
        connector_end = _after_leading(text, start, end, lex.marker("title_connectors"))
        lead_in_end = _after_leading(text, start, end, lex.marker("title_lead_ins"))
        # not 'as' of 'as of Monday', nor 'since' before a time ('since March, ...'); 'since' before a
        # clause; nor the first word of a time ('Earlier this month')
        if (connector_end > lead_in_end or connector_end == lead_in_end > start) and not any(
            t.start <= start < t.end
            or (connector_end == lead_in_end and t.start == after_spaces(text, connector_end))
            for t in timexes
        ):
            start = connector_end
        start, end = _stripped(text, start, end)
        if (start, end) != before:  # else the lead-in is the one just found
            lead_in_end = _after_leading(text, start, end, lex.marker("title_lead_ins"))
        # 'On', 'Back in', 'Very early on' before a time that opens the span
        lead = max(lead_in_end, _after_leading(text, start, end, lex.marker("title_opening_lead_ins")))
        for t in timexes:
            opening = text[lead : t.start] if start <= t.start < end else "x"
            if not opening.strip(_EDGE_PUNCTUATION) and not _is_a_subject(text, t, end, lex):
                possessive = _POSSESSIVE.match(text, t.end, end)  # "last summer's rally"
                start, end = _stripped(text, possessive.end() if possessive else t.end, end)
                apposition = time_apposition_end(text, start, end, lex)
                if apposition is not None and text[t.end : start].strip() == ",":
                    start, end = _stripped(text, apposition, end)  # 'On Wednesday, the ninth day of ..., '
            # a time closing the span, its closing bracket perhaps stripped with the edge: "(26/6).",
            # perhaps with a word that closes it ('on Monday alone')
            if (
                start < t.end
                and t.start < end
                and not text[_after_time_closer(text, t.end, end, lex) : end].strip(_EDGE_PUNCTUATION)
            ):
                start, end = _stripped(text, start, _without_lead_in(text, start, t.start, lex))
        if (start, end) == before:
            return start, end


def _after_time_closer(text: str, at: int, end: int, lex: Lexicon) -> int:
    """Where a word that closes a time at a title's end ends ('[Monday] alone'), else ``at`` (not
    past ``end``)."""
    at = min(at, end)
    closer = lex.marker("title_time_enders").opening(text, after_spaces(text, at), end)
    return closer.end if closer else at


def _is_a_subject(text: str, timex: Timex, end: int, lex: Lexicon) -> bool:
    """Whether a time opening a span is its subject ('Today is ...', 'Thursday proved ...'), or the
    head of a noun phrase ('Two months of fighting'), not a date before it ('On Monday,')."""
    told = _opens_a_predicate(text, timex.end, end, lex) or _is_predicate(
        text, after_spaces(text, timex.end), lex
    )
    if told and _opens_a_sentence(text, timex.start):  # 'Saturday witnessed a surge in violence'
        return True
    head = after_spaces(text, timex.end)
    return _after_leading(text, head, end, lex.marker("title_time_heads")) > head


def _after_a_word(text: str, at: int) -> bool:
    """Whether a word, not a comma or the sentence's start, comes right before ``at``."""
    before = _before_spaces(text, at)
    return before > 0 and text[before - 1].isalnum()


def _opens_a_sentence(text: str, at: int) -> bool:
    """Whether ``at`` is where a sentence starts: after a full stop, a line break or nothing."""
    before = at - 1
    while before >= 0 and text[before] in " \t\"“'‘":
        before -= 1
    return before < 0 or text[before] in ".!?…\n"


def _opens_a_predicate(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """Whether a predicate ('is', 'has', 'was') follows ``start`` after a space, with no comma."""
    at = min(after_spaces(text, start), end)
    return at > start and _after_leading(text, at, end, lex.marker("title_predicates")) > at


def _after_leading(text: str, start: int, end: int, phrases) -> int:
    found = phrases.opening(text, start, min(end, start + 40))
    if found and text[found.end : found.end + 1] not in _APOSTROPHES:
        return found.end  # a phrase, not the start of a contraction ("So's", "Then'd")
    return start


def _without_lead_in(
    text: str,
    start: int,
    at: int,
    lex: Lexicon,
    kinds: Sequence[str] = ("title_lead_ins", "title_connectors", "title_time_approximators"),
) -> int:
    """``at`` moved back over the words that lead into a time expression ('early on', 'vào', 'on
    the'), and over a connector left hanging ('between 2005 and [2008]'). A part of a period
    ('early', 'đầu') leads in only right before the time: 'bắt đầu vào hồi [tháng Tám]' keeps 'bắt đầu'."""
    parts = lex.marker("title_period_parts")
    first = True
    while True:
        found = [
            m
            for kind in (*kinds, "time_articles")
            for m in lex.marker(kind).find(text, start, at)
            if not text[m.end : at].strip() and (first or m.phrase not in parts.phrases)
        ]
        if not found:
            return at
        at, first = found[-1].start, False


def _says_too_little(
    text: str,
    clause: tuple[int, int],
    sentence: tuple[int, int],
    timexes: Sequence[Timex],
    lex: Lexicon,
    subject: str = "",
) -> bool:
    """Fewer than MIN_TITLE_WORDS words with the ``subject`` put back before it ('and was sacked in
    May' gives 'The general was sacked'), or only who spoke ('Ghonim said Friday') while the rest
    of the sentence tells what happened and the clause tells nothing after its saying ('one year
    ago I said the internet would change ...' tells it, unless a quotation goes on with it)."""
    start, end = clause
    if len(_WORD.findall(unicodedata.normalize("NFC", f"{subject} {text[start:end]}"))) < MIN_TITLE_WORDS:
        return True
    if subject and _is_predicate(text, start, lex):
        return False  # a predicate of its own, joined to the one before ('and was sacked in May')
    if _is_a_closing_phrase(text, clause, sentence[0], lex):
        return True  # 'with 2,350 over a 24-hour period': the sentence before it tells the happening
    # a cue joined to the word before it is an adjective ('the newly-appointed chairman said')
    cues = [c for c in cues_in(text, start, end, lex) if text[c.start - 1 : c.start] != "-"]
    # ... and one in a speaker's title is a noun ('relief coordinator Valerie Amos said')
    sayings = [c.start for c in cues if c.category == STATEMENT]
    cues = [c for c in cues if not _names_a_speaker(text, c, sayings, lex)]
    if any(c.category != STATEMENT for c in cues):
        return False
    if not cues and not lex.verb_forms and _is_predicate(text, start, lex):
        return False  # where words tell no verb, a predicate opening it ('trở lại theo đề nghị ...')
    opener = lex.marker("subordinators").opening(text, _stripped(text, *sentence)[0], start)
    if (
        not cues
        and opener
        and opener.end == _before_spaces(text, start)
        and tells_a_predicate(text, start, end, lex)
    ):
        return False  # a clause of time opening the sentence ('After the troops crossed on Monday, ...')
    if not cues:
        # a setting ('Tại thủ đô Baghdad') gives way to a predicate after it
        if (
            lex.marker("place_prepositions").opening(text, start, end)
            and tells_a_predicate(text, end, sentence[1], lex)
            and not tells_a_predicate(text, start, end, lex)
        ):
            return True
        if lex.verb_forms and _tells_a_clause(text, start, end, sentence[0], timexes, lex):
            return False  # a subject and its predicate ('Bu Kitf on Saturday named the suspect')
        # no action word ('Trong diễn văn đọc tại Nhà Trắng'): one told elsewhere is the news,
        return any(  # unless, where words tell no verb, a classifier names it as a noun ('Trong [phiên] họp')
            not start <= c.start < end and (lex.verb_forms or not _named_as_a_noun(text, c.start, lex))
            for c in cues_in(text, *sentence, lex)
        )
    told = [
        w
        for w in _WORD.finditer(text, cues[-1].end, end)
        if not any(t.start <= w.start() < t.end for t in timexes)
    ]
    infinitive = bool(told) and bool(lex.marker("infinitive_markers").find(told[0][0]))  # 'vowed to hold'
    if (
        len(told) >= MIN_TITLE_WORDS
        and cues[0].start > start  # a subject of its own, not '"...," said one refugee who'
        and not _is_predicate(text, start, lex)
        and (infinitive or not lex.marker("title_lead_ins").find(told[0][0]))  # not 'said on ...'
        and not lex.marker("title_connectors_inside").find(told[-1][0])  # '... rằng,': said after it
        # a clause, not 'told CNN about it', where the language's word forms tell a predicate
        and (not lex.verb_forms or infinitive or any(_is_predicate(text, w.start(), lex) for w in told))
        and text[after_spaces(text, end) : after_spaces(text, end) + 1] not in _OPENING_QUOTES
    ):
        return False
    rest = text[sentence[0] : start] + " " + text[end : sentence[1]]
    return len(_WORD.findall(unicodedata.normalize("NFC", rest))) >= MIN_TITLE_WORDS


def _names_a_speaker(text: str, cue: Cue, sayings: Sequence[int], lex: Lexicon) -> bool:
    """Whether ``cue``, no predicate, stands in the words that name who then speaks: a name, then a
    saying, after it, no predicate between ('U.N. emergency [relief] coordinator Valerie Amos said';
    not 'the [summit] announced yesterday')."""
    if cue.category == STATEMENT or _is_predicate(text, cue.start, lex):
        return False
    saying = next((at for at in sayings if at > cue.start), None)
    return (
        saying is not None
        and any(w[0][:1].isupper() for w in _WORD.finditer(text, cue.end, saying))
        and not tells_a_predicate(text, cue.end, saying, lex)
    )


def _only_took_place(text: str, start: int, end: int, timexes: Sequence[Timex], lex: Lexicon) -> bool:
    """Whether ``text[start:end]``, its times and their lead-ins aside, ends on a verb of taking
    place ('The incident happened on Monday', 'Vụ việc xảy ra trong đêm 20/2'): it says only that
    something happened, not what."""
    pieces, at = [], start
    for t in (t for t in timexes if start <= t.start < end):
        pieces.append(text[at : _without_lead_in(text, at, t.start, lex)])
        at = t.end
    pieces.append(text[at:end])
    words = _WORD.findall(" ".join(pieces))
    last = " ".join(words[-2:])
    return any(m.end == len(last) for m in lex.marker("took_place").find(last))


def _named_as_a_noun(text: str, at: int, lex: Lexicon) -> bool:
    before = word_before(text, at)
    return bool(before and lex.marker("act_nouns").find(before[0]))


def _is_a_closing_phrase(text: str, clause: tuple[int, int], sentence_start: int, lex: Lexicon) -> bool:
    """Whether the clause is a phrase after the sentence's words: it opens with a preposition, has
    no predicate (where the language's word forms can tell one) and words come before it."""
    start, end = clause
    prepositions = [
        _after_leading(text, start, end, lex.marker(k)) for k in ("title_noun_objects", "title_lead_ins")
    ]
    if not lex.verb_forms or max(prepositions) == start:
        return False
    if len(_WORD.findall(text, sentence_start, start)) < MIN_TITLE_WORDS:
        return False
    return not any(_is_predicate(text, w.start(), lex) for w in _WORD.finditer(text, start, end))


def _titled(
    text: str,
    start: int,
    end: int,
    timexes: Sequence[Timex],
    lex: Lexicon,
    subject: str = "",
    first_word: str | None = None,
) -> str:
    """The title of ``text[start:end]`` with ``subject`` before it, its first word replaced by
    ``first_word`` when given. A clause that is all an aside of company ('including a visit to China
    by Cameron') is titled by what it names."""
    opened = _after_leading(text, start, end, lex.marker("title_company_openers"))
    if opened > start and "," not in text[opened:end] and not _has_a_pronoun(text, opened, end, lex):
        start = after_spaces(text, opened)
    # ... and one opening with a purpose that names a happening as a noun, by that happening ('Để
    # đáp trả vụ tấn công nhằm vào căn cứ ...' gives 'Vụ tấn công nhằm vào căn cứ ...')
    if (purpose := lex.marker("purpose").opening(text, start, end)) and (
        named := lex.marker("nominalisers").find(
            text, purpose.end, min(end, purpose.end + PURPOSE_VERB_CHARS)
        )
    ):
        start = named[0].start
    if (said := _without_attribution(text, start, end, timexes, lex)) < end:
        start, end = _trimmed(text, start, said, timexes, lex)  # a time the attribution closed is an edge now
    words = _with_antecedent(text, start, _condensed(text, start, end, timexes, lex), lex)
    if first_word is not None:
        words = f"{first_word} {words.split(' ', 1)[1] if ' ' in words else ''}".strip()
    elif (
        not subject
        and words[:1].islower()
        and _after_a_time_possessive(text, start, timexes)
        and tells_a_predicate(words, 0, len(words), lex)
    ):
        # "Tuesday's earthquake was 7.0": 'The earthquake was 7.0', not 'Earthquake was 7.0'; a
        # happening named alone keeps a heading's form ('Car bombing at Basra's busiest market')
        words = " ".join([*lex.marker("time_possessor_articles").phrases[:1], words])
    return _capitalised(_cut(words, lex, subject))


ANTECEDENT_CHARS = 1500  # how far back a demonstrative's noun is looked for with its name
ANTECEDENT_MODIFIERS = 3  # lower-case words between that noun and its name ('căn cứ [không quân] Ain')


def _with_antecedent(text: str, start: int, words: str, lex: Lexicon) -> str:
    """``words``, a title that opens with a noun and a demonstrative that points back ('Căn cứ trên
    cũng bị 3 quả rocket rơi trúng'), with the noun as the text last named it ('Căn cứ không quân Ain
    Al Asad cũng bị ...'); unchanged when no such naming comes before."""
    demonstrative = next(
        (m for m in lex.marker("anaphoric_demonstratives").find(words, 0, 40) if 0 < m.start <= 20), None
    )
    head = words[: demonstrative.start].strip() if demonstrative else ""
    if not head or len(head.split()) > 2 or not all(w.isalpha() for w in head.split()):
        return words
    before = text[max(0, start - ANTECEDENT_CHARS) : start]
    folded = before.casefold()
    at = folded.rfind(head.casefold() + " ")
    while at > 0 and folded[at - 1].isalnum():
        at = folded.rfind(head.casefold() + " ", 0, at)  # a word that only ends with the noun
    if at < 0:
        return words
    following = before[at + len(head) :].split()
    modifiers = list(itertools.takewhile(lambda w: w.isalpha() and w.islower(), following))
    name = []
    for word in following[len(modifiers) :]:
        if not (word[:1].isupper() or _NAME_WITH_PARTICLE.match(word)):  # ... or 'al-Asad'
            break
        name.append(word.rstrip(",.;:"))
        if word[-1:] in ",.;:":
            break  # the name ends with its sentence or clause
    if len(modifiers) > ANTECEDENT_MODIFIERS or not name:
        return words
    return " ".join([words[: len(head)], *modifiers, *name]) + words[demonstrative.end :]


def _after_a_time_possessive(text: str, at: int, timexes: Sequence[Timex]) -> bool:
    """Whether a time's possessive ends right before ``at`` ("[Tuesday's] earthquake")."""
    edge = _before_spaces(text, at)
    return any((owned := _POSSESSIVE.match(text, t.end)) and owned.end() == edge for t in timexes)


def _past_form(word: str, lex: Lexicon) -> str | None:
    """The past tense of the verb whose -ing form ``word`` is ('saying' gives 'said'), or None."""
    if word in lex.not_verbs:
        return None
    past = lex.past_forms.get(word)
    if past is None and _is_nonfinite(word, lex):
        past = next((p.sub(r, word, count=1) for p, r in lex.past_rules if p.search(word)), None)
    return past


def _fronted_participle(
    text: str, sentence: tuple[int, int], dated: Timex, lex: Lexicon
) -> tuple[int, int, str] | None:
    """The phrase of a past participle that opens the sentence and holds ``dated``, with no predicate
    of its own, and the subject of the main clause after it, which the phrase is about ('[Founded in
    1990], [the group] has campaigned ...'); else None."""
    start = after_spaces(text, sentence[0])
    word = _WORD.match(text, start, dated.start)
    if word is None or not word[0][:1].isupper():
        return None
    lower = word[0].casefold()
    if not is_past_participle(lower, lex):
        return None
    following = _WORD.match(text, after_spaces(text, word.end()), dated.start)
    if following is None or not following[0][:1].islower():
        return None  # a name ('MOHAMED ELBARADEI, ...', 'Ahmed Saleh in 2003 ...')
    comma = _COMMA.search(text, dated.end, sentence[1])
    while (
        comma
        and (following := _COMMA.search(text, comma.end(), sentence[1]))
        and (place := word_before(text, comma.start()))
        and place[0][:1].isupper()
        and _is_a_place_part(text[comma.end() : following.start()])
    ):
        comma = following  # 'Born in Gary, Indiana, Jackson ...': the place goes on
    if comma is None or comma.start() - start > MAX_FRONTED_CHARS:
        return None
    if tells_a_predicate(text, word.end(), comma.start(), lex):
        return None  # a clause ('United Nations officials said in 2003, ...')
    rest = after_spaces(text, comma.end())
    opening = _WORD.match(text, rest)
    if (
        not _opens_a_noun_phrase(text, rest, lex)
        or text[rest : rest + 1].isdigit()  # a list of years goes on ('Fought wars in 1948, 1967 and ...')
        or (opening and lex.marker("addressee_subjects").find(opening[0]))  # 'you can see ...': no subject
    ):
        return None
    predicate = next(
        (w for w in _WORD.finditer(text, rest, sentence[1]) if _is_predicate(text, w.start(), lex)), None
    )
    if predicate is None:
        return None
    subject_end = _before_spaces(text, predicate.start())
    if subject_end - rest > MAX_SUBJECT_CHARS or "," in text[rest:subject_end]:
        return None
    return start, comma.start(), " ".join(text[rest:subject_end].split())


def _apposed_participle(
    text: str, clause: tuple[int, int], sentence: tuple[int, int], dated: Timex, lex: Lexicon
) -> tuple[int, int, str] | None:
    """The phrase of a past participle between commas that holds ``dated``, right after the noun
    phrase that opens the sentence, and that noun phrase ('[Belhadj], [born in 1988], joined ...');
    else None."""
    start = after_spaces(text, clause[0])
    word = _WORD.match(text, start, dated.start)
    comma = _before_spaces(text, start) - 1
    if (
        word is None
        or not word[0].islower()
        or not is_past_participle(word[0], lex)
        or comma <= sentence[0]
        or text[comma] != ","
        or text[clause[1] : clause[1] + 1] != ","
        or not start <= dated.start < clause[1]
        # the date is a clause's inside the phrase ('mired in a crisis since X crushed a revolt in 1982')
        or tells_a_predicate(text, word.end(), dated.start, lex)
    ):
        return None
    subject_start, subject_end = _stripped(text, sentence[0], comma)
    subject_start = _after_leading(text, subject_start, subject_end, lex.marker("title_connectors"))
    subject_start, subject_end = _stripped(text, subject_start, subject_end)
    first = _WORD.match(text, subject_start, subject_end)
    if (
        first is None
        or subject_end - subject_start > MAX_SUBJECT_CHARS
        or _CLAUSE_BOUNDARY.search(text, subject_start, subject_end)
        or not _opens_a_noun_phrase(text, subject_start, lex)
        or any(f.fullmatch(first[0].casefold()) for f in lex.adverb_forms)  # 'Largely symbolic, ...'
        or tells_a_predicate(text, subject_start, subject_end, lex)
        or _opens_an_adverbial(text, subject_start, subject_end, lex)
        or lex.marker("prepositions").opening(text, subject_start, subject_end)  # 'Under a pact, signed ...'
    ):
        return None
    return start, clause[1], " ".join(text[subject_start:subject_end].split())


def _with_passive_auxiliary(subject: str, lex: Lexicon) -> str:
    """``subject`` and the auxiliary of a past passive that agrees with it ('Jackson was', 'The
    fighters were'): a head word in a plural form takes the plural one."""
    # the head noun is the last word before a preposition ('Lawyers for Dr Murray'), else the last
    head = next(
        (w for w, after in itertools.pairwise(subject.split()) if lex.marker("prepositions").find(after)),
        subject.rsplit(" ", 1)[-1],
    )
    plural = any(form.fullmatch(head.casefold()) for form in lex.present_forms)  # plural nouns: -s forms
    auxiliaries = lex.marker("passive_plural" if plural else "passive_singular").phrases
    return f"{subject} {auxiliaries[0]}" if auxiliaries else subject


def _gerund_before(text: str, clause: tuple[int, int], dated: Timex, lex: Lexicon) -> tuple[int, int] | None:
    """Where the subordinator and the -ing form it leads into stand before ``dated``, in its clause
    with no clause boundary between ('[since] [taking] control of the east in February'), else None."""
    leads = [m for kind in _TIME_CLAUSE_OPENERS for m in lex.marker(kind).find(text, clause[0], dated.start)]
    if not leads:
        return None
    lead = max(leads, key=lambda m: m.end)
    word = _WORD.match(text, after_spaces(text, lead.end))
    if (
        word is None
        or not _is_nonfinite(word[0], lex)
        or _CLAUSE_BOUNDARY.search(text, word.end(), dated.start)
        # the date is another clause's ('after crushing Errani ... was just as dominant on Sunday')
        or tells_a_predicate(text, word.end(), dated.start, lex)
    ):
        return None
    return lead.start, word.start()


def _trailing_participle(
    text: str, start: int, end: int, sentence: tuple[int, int], timexes: Sequence[Timex], lex: Lexicon
) -> tuple[int, str, str] | None:
    """Where the -ing form that opens ``text[start:end]`` (perhaps after a subordinator) stands, its
    past tense, and the subject of the main clause it trails, after a comma or a subordinator
    ('Bahrain added pressure, [announcing] ...', '... was taken to hospital after [falling] ill'),
    when all are known; else None."""
    word = _WORD.match(text, start, end)
    if word and lex.marker("subordinators").find(word[0].casefold()):  # '..., before [narrowing] it'
        start = after_spaces(text, word.end())
        word = _WORD.match(text, start, end)
    past = _past_form(word[0], lex) if word else None
    if word is None or past is None:
        return None
    at = _before_spaces(text, start)
    after_comma = text[at - 1 : at] == ","
    if after_comma:
        # only a report's participle is surely the subject's; not one leading into a phrase ('adding
        # to its toll'), but one before a time ('saying on Monday')
        following = after_spaces(text, word.end())
        lead_in = _after_leading(text, following, end, lex.marker("title_lead_ins"))
        timed = any(t.start == after_spaces(text, lead_in) for t in timexes)
        if word[0] not in lex.report_participles or (lead_in > following and not timed):
            return None
    else:
        before = word_before(text, start)
        if before is None or not any(
            lex.marker(kind).find(before[0].casefold()) for kind in _TIME_CLAUSE_OPENERS
        ):
            return None
        at = _before_spaces(text, before.start())
    predicates = [w for w in _WORD.finditer(text, sentence[0], at) if _is_predicate(text, w.start(), lex)]
    heads = [
        w for w in predicates[1:] if not any(p.end() == _before_spaces(text, w.start()) for p in predicates)
    ]
    if not after_comma and any(
        not lex.marker("pronouns").find(((word_before(text, w.start()) or [""])[0]).casefold()) for w in heads
    ):
        return None  # with no comma it may be about a reported clause's subject ('said the pilot was ...')
    piece = _piece_before(text, sentence[0], predicates[0].start(), lex) if predicates else None
    if piece and piece[0] >= piece[1] and (comma := text.find(",", sentence[0], piece[0])) > 0:
        piece = _piece_before(text, sentence[0], comma, lex)  # a name before its apposition ('Roe, 47, said')
    if (
        piece is None
        or piece[0] >= piece[1]
        or piece[1] - piece[0] > MAX_SUBJECT_CHARS
        or any(piece[0] < t.end and t.start < piece[1] for t in timexes)  # 'Today we added ...'
        or set(text[sentence[0] : piece[1]]) & _QUOTE_MARKS  # a quotation's words, not who spoke
    ):
        return None
    opener = _WORD.match(text, piece[0])
    kinds = ("relative_pronouns", "title_relatives", "title_relatives_people")
    if (
        opener is None
        or not _opens_a_noun_phrase(text, piece[0], lex)
        or any(lex.marker(kind).find(opener[0].casefold()) for kind in kinds)
    ):
        return None  # no subject ('Which two months ago had hit ...')
    return start, past, " ".join(text[piece[0] : piece[1]].split())


def _without_attribution(text: str, start: int, end: int, timexes: Sequence[Timex], lex: Lexicon) -> int:
    """``end``, or the comma before a closing attribution the title can do without: who said it
    after a clause that tells the happening itself ("Mexico's flu death toll rose to 78 on Thursday,
    officials said"). Not after a quotation, whose speaker the title keeps, nor when a time dates the
    saying ('..., the minister said on Friday': the saying is the happening)."""
    comma = text.rfind(",", start, end)
    if comma < 0 or set(text[start:end]) & _QUOTE_MARKS:
        return end
    if any(comma < t.start <= end + ATTRIBUTION_TIME_CHARS for t in timexes):
        return end
    tail = after_spaces(text, comma + 1)
    if len(_WORD.findall(text, tail, end)) > MAX_ATTRIBUTION_WORDS or lex.marker(
        "title_coordinators"
    ).opening(text, tail, end):
        return end  # '..., and says things have never been worse': a predicate of its own
    cues = cues_in(text, tail, end, lex)
    if not cues or any(c.category != STATEMENT for c in cues):
        return end
    # ... then at most where and to whom ('told a news conference', 'wrote in a blog post'), not what
    # ('reported him missing', 'vowed to fight', 'said a vote could come')
    after = _WORD.findall(text, cues[-1].end, end)
    if after and (
        len(after) > MAX_ATTRIBUTION_TAIL_WORDS
        or any(lex.marker(kind).find(after[0].lower()) for kind in ("object_pronouns", "infinitive_markers"))
        or tells_a_predicate(text, cues[-1].end, end, lex)
    ):
        return end
    head = _WORD.findall(text, start, comma)
    if len(head) < MIN_TITLE_WORDS or not tells_a_predicate(text, start, comma, lex):
        return end
    return comma


def _opens_with_a_pronoun(text: str, at: int, lex: Lexicon) -> bool:
    """Whether a pronoun or a possessive, not a title before a name ('ông Obama'), opens ``text[at:]``."""
    end = min(len(text), at + MAX_PRONOUN_CHARS)
    pronoun = lex.marker("pronouns").opening(text, at, end) or lex.marker("possessives").opening(
        text, at, end
    )
    if not pronoun:
        return False
    following = _WORD.match(text, after_spaces(text, pronoun.end))
    return not (following and following[0][:1].isupper())


def _has_a_pronoun(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """Whether a pronoun stands in ``text[start:end]``: the subject of a clause of its own ('along
    with his supporters [he] developed')."""
    return bool(lex.marker("pronouns").find(text, start, end))


def _condensed(text: str, start: int, end: int, timexes: Sequence[Timex], lex: Lexicon) -> str:
    """``text[start:end]`` on one line without what a title can do without: the time expressions
    inside it that only date what it tells, with the words that lead into them ('made the
    announcement on Sept. 24 that ...'; the date stands beside the title), and an aside between a
    subject and its predicate ('Jane Roe, a former minister who ..., arrived')."""
    gaps = [gap for t in timexes if start < t.start and t.end < end and (gap := _time_gap(text, t, end, lex))]
    gaps = _joined(text, sorted(gaps), timexes, lex) + _named_for_a_possessor(
        text, start, _asides_before_predicates(text, start, end, timexes, lex), lex
    )
    gaps += _asides_after_connectors(text, start, end, lex)
    closed = end + 1 if text[end : end + 1] == ")" else end  # a bracket closing the sentence
    gaps += [  # a caption's '(R)', '(phải)', '(ảnh)': where someone stands in the picture
        m.span()
        for m in _BRACKETED.finditer(text, start, closed)
        if (marks := lex.marker("title_position_marks").find(m[1]))
        and marks[0].end - marks[0].start == len(m[1])
    ]
    kept, at = "", start
    for gap_start, gap_end in sorted(gaps):
        if gap_start >= at:
            kept += text[at:gap_start].rstrip()
            at = gap_end
    kept += text[at:end]
    words = _LEFT_COMMAS.sub("", " ".join(kept.split()))
    words = _BRACKET_TAIL.sub("", words, count=1)  # '(CLO) ...', '... (giờ VN), ...': cut inside a bracket
    words = words.lstrip(_EDGE_PUNCTUATION).rstrip(",;: ")  # 'At 10pm last night, a neighbor ...'
    return _without_label(words, lex)


def _named_for_a_possessor(
    text: str, start: int, asides: list[tuple[int, int]], lex: Lexicon
) -> list[tuple[int, int]]:
    """``asides``, but a name in apposition to a short subject that a possessive opens ('Its
    leader, Mustafa Abdul Jalil, told CNN') stands for that subject: the subject and the commas go."""
    if not asides or text[start : asides[0][0]].count(" ") >= MAX_POSSESSOR_WORDS:
        return asides
    first, second = asides[0][0], asides[0][1] - 1
    opener = _WORD.match(text, start)
    name = _WORD.findall(text, first, second)
    possessed = opener and lex.marker("possessives").find(opener[0].lower())
    if (
        not possessed
        or not name
        or not all(w[:1].isupper() or w in lex.marker("name_particles").phrases for w in name)
    ):
        return asides
    return [(start, after_spaces(text, first + 1)), (second, second + 1), *asides[1:]]


def _joined(
    text: str, gaps: list[tuple[int, int]], timexes: Sequence[Timex], lex: Lexicon
) -> list[tuple[int, int]]:
    """Time gaps with the word that joins two of them ('on Tuesday [and] Wednesday') in one, and
    with the bracket that holds nothing else ('(from 1976 until 2005)')."""
    joined: list[tuple[int, int]] = []
    for gap in gaps:
        between = text[joined[-1][1] : gap[0]] if joined else ""
        if joined and (not between.strip() or joins_two_times(between, lex)):
            joined[-1] = (joined[-1][0], gap[1])
        else:
            joined.append(gap)
    return [gap for start, end in joined if (gap := _bracketed_gap(text, start, end, timexes))]


def _bracketed_gap(text: str, start: int, end: int, timexes: Sequence[Timex]) -> tuple[int, int] | None:
    """A time gap closing a bracket: with the bracket when it holds nothing else ('(from 1976 until
    2005)'), None when the bracket would keep only another time ('(1979 [to 1987])')."""
    if text[end : end + 1] != ")":
        return start, end
    if text[start - 1 : start] == "(":
        return _before_spaces(text, start - 1), end + 1
    opening = text.rfind("(", 0, start)
    kept = [t for t in timexes if opening < t.start and t.end <= start]
    words = text[kept[-1].end if kept else opening + 1 : start]
    return (start, end) if opening >= 0 and any(c.isalpha() for c in words) else None


def joins_two_times(between: str, lex: Lexicon) -> bool:
    """Whether ``between`` is one word that joins two times ('and' of 'Tuesday and Wednesday')."""
    word = between.strip()
    return bool(word) and " " not in word and bool(lex.marker("title_time_joiners").find(word))


def _without_label(words: str, lex: Lexicon) -> str:
    """``words`` without a label before a colon that tells nothing of itself ('LIBYA, 6:28 p.m. ET,
    local: Ali Al Oujli said ...', 'Update: ...'): short, no predicate, no quotation; nor the words
    of a caption that say it shows a picture ('Hình ảnh quả bom phát nổ ...', 'A photo of ...')."""
    lead = lex.marker("title_caption_leads").find(words[:MAX_LABEL_CHARS])
    if lead and lead[0].start == 0 and len(_WORD.findall(words, lead[0].end)) >= MIN_TITLE_WORDS:
        words = words[after_spaces(words, lead[0].end) :]
    # ... nor a heading in capitals run into the sentence ('DANISH UN WORKER Jens Kristensen emerged')
    heading = _CAPS_RUN.match(words)
    if (
        heading
        and sum(len(w) >= 4 for w in _WORD.findall(heading[0])) >= HEADING_WORDS
        and len(_WORD.findall(words, heading.end())) >= MIN_TITLE_WORDS
    ):
        words = words[heading.end() :]  # ('US, UK, Germany and France call' keeps its acronyms)
    # ... nor a source of no name ('Tin tức cho biết, hàng loạt vụ nổ ...'): what it tells is the news
    source = lex.marker("unnamed_sources").opening(words, 0, MAX_LABEL_CHARS)
    if source and len(_WORD.findall(words, source.end)) >= MIN_TITLE_WORDS:
        words = words[after_spaces(words, source.end + (words[source.end : source.end + 1] == ",")) :]
    # ... nor a relay of the news before a comma ('Reuters đưa tin, Bộ Tư lệnh Trung tâm Mỹ tuyên bố, ...')
    relay = next((m for m in lex.marker("news_relays").find(words[:MAX_LABEL_CHARS])), None)
    if relay and words[relay.end : relay.end + 2] == ", ":
        rest = words[relay.end + 2 :]
        opening = _WORD.match(rest)
        if (
            not any(_is_predicate(words, w.start(), lex) for w in _WORD.finditer(words, 0, relay.start))
            and len(_WORD.findall(rest)) >= MIN_TITLE_WORDS
            and not (opening and _is_nonfinite(opening[0], lex))  # 'reported, citing officials, ...'
        ):
            words = rest
    colon = words.find(": ")
    label = words[:colon]
    if not 0 < colon <= MAX_LABEL_CHARS or any(q in label for q in "\"“”'‘’"):
        return words
    # 'Reuters vừa đưa tin: ...': a relay of the news, which the rest tells in its own words
    relays = lex.marker("news_relays").find(label)
    relayed = (
        bool(relays) and relays[-1].end == len(label) and words[colon + 2 : colon + 3] not in _OPENING_QUOTES
    )
    if not relayed and any(_is_predicate(label, w.start(), lex) for w in _WORD.finditer(label)):
        return words
    return words[colon + 2 :]


def _time_gap(text: str, timex: Timex, end: int, lex: Lexicon) -> tuple[int, int] | None:
    """The span a title drops for ``timex`` inside it: the time with the words that lead into it
    and out of it ('from 5 p.m. local time'), or a bracket that holds only a time ('(10 a.m. ET)');
    None when the time is more than a date of what the title tells."""
    after = after_spaces(text, timex.end)
    closer = _after_leading(text, after, end, lex.marker("title_time_closers"))
    closed = closer if closer > after else timex.end
    if restated := _RESTATED_DATE.match(text, after_spaces(text, closed)):
        closed = restated.end()  # 'vào ngày hôm qua (5.1)': the date again, in brackets
    if text[timex.start - 1 : timex.start] == "(" and text[closed : closed + 1] == ")":
        return _before_spaces(text, timex.start - 1), closed + 1
    if not _only_dates(text, timex, end, lex):
        return None
    reach = max(0, timex.start - LEAD_IN_CHARS)  # the words leading into it, not the text before them
    return _without_lead_in(
        text, reach, timex.start, lex, ("title_lead_ins", "title_time_approximators")
    ), closed


def _asides_before_predicates(
    text: str, start: int, end: int, timexes: Sequence[Timex], lex: Lexicon
) -> list[tuple[int, int]]:
    """Spans of asides between commas that a predicate follows, with no time expression in them:
    an apposition ('the body of Jane Roe, an activist who ..., was found'), a name after its title
    ('the ruler of Qatar, Sheikh X, said'), an age, a saying ('The plan, he said, was ...'). Asides in
    a row go as one when the first names who came along ('Safia, along with her daughter, as well as
    Mohammed, a son of ..., crossed'): the first piece of any other row may be the subject itself."""
    commas = [m.start() for m in _COMMA.finditer(text, start, end)]
    asides = []
    for j, second in enumerate(commas):
        near = commas[bisect_left(commas, second - MAX_ASIDE_CHARS) : j]  # no longer aside is tried
        firsts = [c for c in near[:-1] if _opens_a_company(text, c, lex)] + near[-1:]
        first = next((c for c in firsts if is_aside_before_predicate(text, c, second, timexes, lex)), None)
        if first is not None:
            asides.append((first, second + 1))
    # ... and one between dashes ('căn cứ Ain al-Asad - nơi có binh sĩ Mỹ đồn trú - đã bị tấn công')
    dashes = list(_DASH_ASIDE.finditer(text, start, end))
    for opening, closing in itertools.pairwise(dashes):
        dash, second = opening.start() + 1, closing.start() + 1  # the dashes themselves
        if is_aside_before_predicate(text, dash, second, timexes, lex):
            asides.append((opening.start(), closing.end() - 1))  # its last space parts the words around it
    return sorted(asides)


def _opens_a_company(text: str, comma: int, lex: Lexicon) -> bool:
    """Whether the words after ``comma`` name who came along ('along with', 'including')."""
    inside = after_spaces(text, comma + 1)
    return _after_leading(text, inside, len(text), lex.marker("title_company_openers")) > inside


def is_aside_before_predicate(
    text: str, first: int, second: int, timexes: Sequence[Timex], lex: Lexicon
) -> bool:
    """Whether the words between the commas at ``first`` and ``second`` are an aside that a
    predicate follows ('the Council, the body that runs the government, issued ...'), or between
    dashes ('Moussa -- a former minister -- called')."""
    inside = after_spaces(text, _past_mark(text, first))
    return (
        second - first <= MAX_ASIDE_CHARS
        and _after_a_word(text, first)
        and _after_leading(text, inside, second, lex.marker("title_connectors")) == inside  # ', but ...,'
        and (
            not _is_predicate(text, inside, lex) or _opens_a_passive_phrase(text, inside, second, lex)
        )  # ', said Ali, was'
        and _predicate_after_an_aside(text, after_spaces(text, _past_mark(text, second)), lex)
        and not any(first < t.start < second for t in timexes)
        and "\n" not in text[first:second]
    )


def _past_mark(text: str, at: int) -> int:
    """Where the words go on after the comma or dash at ``at`` (a double hyphen is one dash)."""
    return at + (2 if text.startswith("--", at) else 1)


def dates_an_apposition(text: str, timex: Timex, timexes: Sequence[Timex], lex: Lexicon) -> bool:
    """Whether ``timex`` stands in an aside between commas that names someone's post, with a predicate
    after it ('Kurtzer, the U.S. ambassador to Egypt from 1997 to 2001, said ...'): it dates the
    post, not what follows. Not an aside of a time alone, of a phrase or a participle ('The envoy,
    speaking on Monday, said'), nor one naming a happening ('The last outbreak, a pandemic in
    1968, killed ...')."""
    first = text.rfind(",", max(0, timex.start - MAX_ASIDE_CHARS), timex.start)
    second = text.find(",", timex.end, timex.end + MAX_ASIDE_CHARS)
    if first < 0 or second < 0 or "\n" in text[first:second] or not _after_a_word(text, first):
        return False
    inside = after_spaces(text, first + 1)
    opener = _WORD.match(text, inside)
    if not (opener and lex.marker("determiners").find(opener[0].lower())):
        return False  # most asides: their words are not read (a comma of the sentence before may open one)
    dates = [(t.start, t.end) for t in timexes if first < t.start < second]
    outside = [
        w for w in _WORD.finditer(text, inside, second) if not any(a <= w.start() < b for a, b in dates)
    ]
    return bool(
        any(lex.marker("post_nouns").find(w[0].lower()) for w in outside)
        and len(outside) >= APPOSITION_WORDS
        and not tells_a_predicate(text, inside, second, lex)
        and _predicate_after_an_aside(text, after_spaces(text, second + 1), lex)
    )


def _opens_a_passive_phrase(text: str, at: int, end: int, lex: Lexicon) -> bool:
    """Whether a participle and its agent open ``text[at:end]`` ('inspired by the revolutions'): an
    aside, no predicate of its own."""
    word = _WORD.match(text, at, end)
    return (
        word is not None
        and _is_participle(word[0], lex)
        and _after_leading(text, after_spaces(text, word.end()), end, lex.marker("title_noun_agents"))
        > after_spaces(text, word.end())
    )


def _predicate_after_an_aside(text: str, at: int, lex: Lexicon) -> bool:
    """Whether a predicate opens ``text[at:]`` right after an aside's closing comma, where a present
    tense is told from a plural by its place ('Jackson's father, Joseph, [files] a lawsuit'); a
    participle with its agent ('backed by NATO jets') is another aside."""
    if _is_predicate(text, at, lex):
        return not _opens_a_passive_phrase(text, at, min(len(text), at + MAX_ASIDE_CHARS), lex)
    # ... or a present tense, told by what opens its object after it ('files a', 'plans to'), not a
    # list's plural ('bars, neighbors and ...'), a subject ('officials said') or a noun ('days after')
    word = _WORD.match(text, at)
    return word is not None and _opens_a_present(text, word, lex)


def tells_a_predicate(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """Whether a predicate stands anywhere in ``text[start:end]``."""
    return any(  # a word in lower case, the only kind that opens a predicate, is asked about
        _is_predicate(text, word.start(), lex)
        for word in _WORD.finditer(text, start, end)
        if word[0][:1].islower()
    )


def _only_dates(text: str, timex: Timex, end: int, lex: Lexicon) -> bool:
    """Whether ``timex`` inside a title only dates it: a date or a time, not a tense ('have
    imposed'), not a subject ('said Friday was the deadline') or a complement ('It was 4 a.m.'), not
    a modifier of a noun ('Tuesday's quake', 'the 2003 epidemic', 'a 2010-11 budget')."""
    if _is_predicate(text, timex.start, lex) or _after_leading(
        text, after_spaces(text, timex.end), end, lex.marker("copulas")
    ) > after_spaces(text, timex.end):
        return False
    if _POSSESSIVE.match(text, timex.end) or text[timex.end : timex.end + 1] not in " ,.;:)":
        return False
    following = _WORD.match(text, timex.end + 1)
    if following and lex.marker("happening_nouns").find(following[0]) and text[timex.end] == " ":
        return False  # 'for Friday prayers', 'the March 7 election'
    # 'a day before [a deadline]', '1 ngày sau [khi]': the time is read from what follows
    last = [w.start() for w in _WORD.finditer(text, timex.start, timex.end)][-1:]
    subordinators = lex.marker("subordinators").find(text, last[0], timex.end + 12) if last else []
    if any(m.start == last[0] for m in subordinators):
        return False
    if (
        timex.type not in ("DATE", "TIME")
        or timex.value.endswith("_REF")
        or text[timex.start - 1 : timex.start] != " "
    ):
        return False  # a duration ('preparing for months'), 'now', '(Monday)', '2010-2011'
    before = word_before(text, timex.start)
    kinds = ("determiners", "copulas", "time_object_verbs")  # 'It was 4 a.m.', 'spent last night watching'
    return not (
        before
        and any(lex.marker(kind).find(before[0]) for kind in kinds)
        or (before and _POSSESSIVE.search(before[0]))
    )


def _cut(words: str, lex: Lexicon, subject: str = "") -> str:
    """``subject`` and ``words`` in at most about TITLE_CHARS, cut at a clause boundary or a word's
    end, and not after a word that leads into the rest ('the', 'of', 'và')."""
    lead = f"{subject} " if subject else ""
    if not lead and len(words) > TITLE_CHARS:  # 'U.S. Defense Secretary Robert Gates said': 'Robert Gates'
        words = _without_titles(words, lex)
    if not lead and len(words) > TITLE_CHARS:  # 'Bộ trưởng Quốc phòng Mỹ Mark Esper cho biết': 'Mark Esper'
        words = _named_speaker(words, lex)
    if len(lead) + len(words) <= TITLE_CHARS:
        kept = len(words)  # '... accused the forces of the' where a quotation went on: a title cut short
        while (last := _LAST_WORD.search(words, 0, kept)) and lex.marker("title_never_last").find(last[0]):
            kept = _stripped(words, 0, last.start())[1]
        return lead + words if kept == len(words) else lead + words[:kept] + " …"
    if len(lead) + len(words) <= WHOLE_TITLE_CHARS and _closes_a_predicate(words, len(words), lex):
        return lead + words  # a clause a little long reads better whole than cut before its object
    if not lead and (main := _main_after_fronted(words, lex)):
        # 'Shortly after moving into Downing Street, Cameron and his government began a bold
        # experiment': the main clause whole rather than the fronted phrase and the clause cut
        return _cut(_capitalised(words[main:]), lex)
    limit = TITLE_CHARS - len(lead)
    phrase_end = _phrase_end(words, limit, lex)
    if phrase_end is not None:
        return lead + words[:phrase_end] + (" …" if phrase_end < len(words) else "")
    boundaries = [m.start() for m in _clause_boundaries(words, MIN_CUT_CHARS, limit, lex)]
    if not tells_a_predicate(words, 0, limit, lex) and tells_a_predicate(words, 0, LONG_TITLE_CHARS, lex):
        # a long subject ('The bases of the US at A, B and C in Syria came under attack'): its
        # predicate is told, up to LONG_TITLE_CHARS, rather than the title cut before it
        if len(lead) + len(words) <= LONG_TITLE_CHARS:
            return lead + words
        limit, boundaries = LONG_TITLE_CHARS - len(lead), []
    if boundaries:
        cut = boundaries[-1]
    else:
        cut = limit
        while cut > 0 and not (words[cut].isspace() and not words[cut - 1].isspace()):
            cut -= 1
        if cut <= 0:  # one very long word
            cut = limit
    cut = _stripped(words, 0, cut)[1]
    while (last := _LAST_WORD.search(words, 0, cut)) and last.start() >= MIN_CUT_CHARS:
        if last[0].casefold() not in lex.stopwords and not lex.marker("title_lead_ins").find(last[0]):
            break  # not after 'the', 'of', 'since'...
        cut = _stripped(words, 0, last.start())[1]
    return lead + words[:cut] + " …"


def _main_after_fronted(words: str, lex: Lexicon) -> int | None:
    """Where the main clause of a long title starts after the fronted phrase that opens it (a
    setting, or a participle's phrase after a subordinator: no clause), when that clause, a named
    subject and its predicate, is short enough to be the title whole; else None."""
    at = after_spaces(words, _after_leading(words, 0, len(words), lex.marker("title_time_approximators")))
    opener = _opens_a_setting(words, at, len(words), lex)
    comma = words.find(", ", opener)
    if opener == at or comma < 0:
        return None
    main = after_spaces(words, comma + 1)
    first = _WORD.match(words, main)
    if (
        first is None
        or len(words) - main > WHOLE_TITLE_CHARS
        or tells_a_predicate(words, opener, comma, lex)  # a clause ('At least 10 were hurt, police said')
        or not opens_a_subject(words, main, lex)
        or not _opens_a_noun_phrase(words, main, lex)
        or lex.marker("pronouns").find(first[0].casefold())  # 'she said ...' names no one
        or not tells_a_predicate(words, main, len(words), lex)
    ):
        return None
    return main


def _without_titles(words: str, lex: Lexicon) -> str:
    """``words`` without the titles before the name that opens them, when a run of at least
    TITLED_NAME_WORDS capitalised words holds a title and a name of two words or more after it, before
    a predicate ('U.S. Defense Secretary Robert Gates said' gives 'Robert Gates said'; 'The World
    Health Organization said' holds no title)."""
    run = list(itertools.takewhile(lambda w: w[0][:1].isupper(), _TOKEN_RUN.finditer(words)))
    if len(run) < TITLED_NAME_WORDS or not _is_predicate(words, after_spaces(words, run[-1].end()), lex):
        return words
    if any(words[a.end() : b.start()] != " " for a, b in itertools.pairwise(run)):
        return words  # a comma or a bracket inside: no single name
    titles = [i for i, w in enumerate(run) if lex.roles.find(w[0]) or lex.marker("name_titles").find(w[0])]
    if not titles or len(run) - titles[-1] - 1 < 2:
        return words
    return words[run[titles[-1] + 1].start() :]


def _phrase_end(words: str, limit: int, lex: Lexicon) -> int | None:
    """Where a long title ends whole: before a clause boundary or a word that opens a phrase
    ('title_cut_before'), once a predicate has been told and not inside a quotation or a bracket;
    the last such end within ``limit``, else the first within LONG_TITLE_CHARS; one a little past
    ``limit`` (up to WHOLE_TITLE_CHARS) rather than one before half of it, which would leave out most of
    what was done ('Mỹ vừa thực hiện một số vụ không kích nhắm …'). None when none."""
    openers = [m.start for m in lex.marker("title_cut_before").find(words) if m.start >= MIN_CUT_CHARS]
    ends = sorted(
        {
            *openers,
            *(m.start() for m in _clause_boundaries(words, MIN_CUT_CHARS, len(words), lex)),
            len(words),
        }
    )
    whole = [
        end
        for end in (_stripped(words, 0, at)[1] for at in ends if at < LONG_TITLE_CHARS)
        if end >= MIN_CUT_CHARS and _closes_a_predicate(words, end, lex)
    ]
    within = [end for end in whole if end <= limit]
    near = [end for end in whole if limit < end <= limit + WHOLE_TITLE_CHARS - TITLE_CHARS]
    if within and within[-1] < limit / 2 and near:
        return near[0]
    return within[-1] if within else whole[0] if whole else None


def _closes_a_predicate(words: str, end: int, lex: Lexicon) -> bool:
    """Whether ``words[:end]`` tells a predicate and what follows it up to a word that may end a
    title (no 'were', 'than', 'the'): outside any quotation or bracket left open, and not past a
    clause boundary after the predicate or a long title's opening ('... the growth[, having
    gambled]'); a reported clause it opens has its own predicate."""
    kept = words[:end]
    if kept.count("(") > kept.count(")") or (kept.count('"') + kept.count("“") + kept.count("”")) % 2:
        return False
    head = next((w for w in _WORD.finditer(kept) if _is_predicate(kept, w.start(), lex)), None)
    last = _LAST_WORD.search(kept)
    if head is None or last is None or last.start() <= head.start():
        return False
    if last[0].casefold() in lex.stopwords or any(
        lex.marker(kind).find(last[0]) for kind in ("title_lead_ins", "title_never_last")
    ):
        return False
    sayings = {  # a saying verb, not a passive ('had been confirmed')
        c.end
        for c in cues_in(kept, 0, len(kept), lex)
        if c.category == STATEMENT
        and not ((before := word_before(kept, c.start)) and lex.marker("passive").find(before[0]))
    }
    quoted = any(q in kept for q in '"“”')
    # who spoke, not what was said ('Một quan chức cho biết, ...', '... told reporters that')
    if end in sayings and (words[end : end + 1] in (",", ":") or (words[end:].strip() and not quoted)):
        return False
    boundaries = _clause_boundaries(kept, min(head.end(), MIN_CUT_CHARS), len(kept), lex)
    if any(b.start() not in sayings for b in boundaries):  # not the comma after 'cho biết,'
        return False
    # a reported clause ('said that the developments [in Egypt have ...]') tells its own predicate
    reported = lex.marker("title_connectors_inside").find(kept, head.end())
    return not reported or tells_a_predicate(kept, reported[-1].end, end, lex)


def _capitalised(title: str) -> str:
    """``title`` with a capital first and its quotation marks paired: a quotation it opens is
    closed (unless the title is cut short), one it closes is opened ('We will stay," he said')."""
    opens = title.count("“") - title.count("”")
    last = title.rfind('"')
    if title.count('"') % 2 and (last == 0 or title[last - 1] == " "):
        opens += 1  # a straight quote opening a quotation
    elif title.count('"') % 2:
        opens -= 1
    if opens > 0 and not title.endswith("…"):
        title += '"' if '"' in title else "”"
    elif opens < 0:
        title = ('"' if '"' in title else "“") + title
    first = len(title) - len(title.lstrip(_OPENING_QUOTES))  # '"production has been ...," it said'
    return title[:first] + title[first : first + 1].upper() + title[first + 1 :]
