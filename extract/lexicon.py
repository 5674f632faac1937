"""Per-language word lists of the event stage, read from ``extract/lang/<code>/events.toml``.

The engine (``events``, ``actors``, ``categories``) knows no word of any language: it asks a
:class:`Lexicon` for the phrases of one kind and finds them as whole words in a text.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import NamedTuple, TypeVar

LANG_DIR = Path(__file__).resolve().parent / "lang"
DEFAULT_LANGUAGE = "en"


class Match(NamedTuple):  # made hundreds of thousands of times on a long article: a tuple is cheapest
    start: int
    end: int
    phrase: str  # the resource's spelling of what was found


SHORT_TEXT_CHARS = 80  # a word or a few, searched whole: what was found in it is kept
SHORT_TEXTS_KEPT = 20_000  # ... for so many texts a list of phrases, then forgotten all at once
MEMO_ANSWERS = 2_000  # answers about parts of the indexed article kept (``remembered``)
T = TypeVar("T")  # what a remembered answer is


class Phrases:
    """A list of phrases found as whole words, longest first; all-capital ones case-sensitively."""

    def __init__(self, phrases: list[str]) -> None:
        self.phrases = sorted(set(phrases), key=lambda p: (-len(p), p))
        self._by_key = {p.casefold(): p for p in self.phrases if not _acronym(p)}
        self._by_key.update({p: p for p in self.phrases if _acronym(p)})
        acronyms = [p for p in self.phrases if _acronym(p)]
        words = [p for p in self.phrases if not _acronym(p)]
        self._patterns = [re.compile(_alternation(acronyms))] if acronyms else []
        if words:
            self._patterns.append(re.compile(_alternation(words), re.IGNORECASE))
        # the words the phrases open with, lowered, when each opens with a word of plain letters
        # (``_plain``): then an indexed text (``indexed``) is searched only where one stands
        firsts = [_WORD_RUN.match(p) for p in self.phrases]
        self.first_words = (
            frozenset(m.group().lower() for m in firsts if m)
            if all(firsts) and all(_plain(c) for p in self.phrases for c in p)
            else None
        )
        self._in_short: dict[str, list[Match]] = {}  # what ``find`` found in each short text
        self._spelling: dict[str, str] = {}  # each text matched, and the resource's spelling of it

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Match]:
        """Every occurrence in ``text[start:end]``, overlaps resolved for the longest, in text order.

        Offsets are into ``text`` even when it is decomposed (NFD): the search runs on its NFC form.
        A short text searched whole is searched once: the event stage asks again and again about
        the same few words ('in', 'the', 'sau khi') and the pieces they make.
        """
        index = _INDEX.get()
        if index is not None and index.text is text:
            if self.first_words is not None:  # most searches: a part of the indexed article
                return index.find(self, start, len(text) if end is None else end)
        elif start == 0 and end is None and len(text) <= SHORT_TEXT_CHARS:
            found = self._in_short.get(text)
            if found is None:
                if len(self._in_short) >= SHORT_TEXTS_KEPT:
                    self._in_short.clear()
                found = self._in_short[text] = self._search(text, 0, len(text))
            return list(found)
        return self._search(text, start, len(text) if end is None else end)

    def opening(self, text: str, start: int, end: int) -> Match | None:
        """The first of what ``find`` finds in ``text[start:end]`` when it begins at ``start``."""
        index = _INDEX.get()
        on_index = index is not None and index.text is text and self.first_words is not None
        if self.first_words is not None:  # most parts: no phrase's first word opens them
            if on_index:
                if not index.may_open(self, start, end):  # type: ignore[union-attr]
                    return None
            elif not self._may_open(text, start, end):
                return None
        if not on_index and len(self._patterns) == 1:
            return self._match_at_start(text, start, end)
        found = self.find(text, start, end)
        return found[0] if found and found[0].start == start else None

    def _match_at_start(self, text: str, start: int, end: int) -> Match | None:
        """What ``opening`` finds in a part that ``find`` would search whole with one regex: the
        first match begins at ``start`` only when the regex matches there, so it is tried there
        alone (a search of the part made and spelled every later match too). A part not in NFC is
        searched as ``find`` does, its offsets mapped back."""
        segment = text[start:end]
        if not unicodedata.is_normalized("NFC", segment):
            found = self._search(text, start, end)
            return found[0] if found and found[0].start == start else None
        m = self._patterns[0].match(segment)
        return self._match(m, start, None) if m else None

    def _may_open(self, text: str, start: int, end: int) -> bool:
        """Whether a phrase may begin ``text[start:end]`` (a text not indexed): not when the word
        that opens it, of plain letters (``_plain``), is none of the phrases' first words."""
        word = _WORD_RUN.match(text, start, end)
        if word is None:
            return True
        opening = word.group()
        if opening.lower() in self.first_words or not (opening.isascii() or all(map(_plain, opening))):  # type: ignore[operator]
            return True
        return not unicodedata.is_normalized("NFC", text[start:end])  # else its NFC form is searched

    def _search(self, text: str, start: int, end: int) -> list[Match]:
        """What ``find`` finds in ``text[start:end]``, the regexes run over the whole part."""
        segment = text[start:end]
        offsets = None
        if not unicodedata.is_normalized("NFC", segment):
            segment, offsets = nfc_with_offsets(segment)
        found = []
        for pattern in self._patterns:
            for m in pattern.finditer(segment):
                found.append(self._match(m, start, offsets))
        return longest_first(found) if len(found) > 1 else found

    def _match(self, m: re.Match, start: int, offsets: list[int] | None) -> Match:
        a, b = (offsets[m.start()], offsets[m.end()]) if offsets else (m.start(), m.end())
        return Match(start + a, start + b, self._spelled(m.group(0)))

    def _spelled(self, written: str) -> str:
        """The resource's spelling of a phrase found as ``written``; the same few spellings are
        found again and again, so each is worked out once (forgotten all at once past a bound)."""
        phrase = self._spelling.get(written)
        if phrase is None:
            if len(self._spelling) >= SHORT_TEXTS_KEPT:
                self._spelling.clear()
            said = " ".join(written.split())  # a phrase's space matches any run of spaces
            key = said if said in self._by_key else said.casefold()
            phrase = self._spelling[written] = self._by_key.get(key, written)
        return phrase

    def __bool__(self) -> bool:
        return bool(self.phrases)


_NOTHING = r"(?!x)x"
_WORD_RUN = re.compile(r"\w+")


@cache
def _plain(char: str) -> bool:
    """Whether ``char`` matches, case ignored, exactly the characters of the same ``lower()``: not
    one of the few the regex engine also equates with another letter ('ı' with 'i', 'ſ' with 's',
    the Kelvin sign with 'k'), nor 'Σ', whose ``lower()`` depends on the letters around it."""
    lower, upper = char.lower(), char.upper()
    if char == "Σ" or len(lower) != 1 or len(upper) != 1:
        return False
    return upper.lower() == lower and lower.upper() == upper


class _WordIndex:
    """Where each word of a long text starts, by the word lowered.

    A phrase that opens with a word can only begin where that word stands, at the start of the
    part searched when it cuts a word, or at the start of a word the part's end cuts. The event
    stage searches some forty parts of each sentence for some twenty lists of phrases; with the
    index a search tries the list's regex at a few positions instead of at every character.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.at: dict[str, list[int]] = {}  # each word, lowered, and its starts
        self.anywhere: list[int] = []  # where a word or character not of plain letters stands
        self._by_phrases: dict[Phrases, list[int]] = {}
        self.memo: dict[tuple, object] = {}  # answers about parts of the text (``remembered``)
        self.whole: dict[tuple, object] = {}  # answers about the whole text (``remembered_whole``)
        # every part of a text in NFC is in NFC (a cut leaves no character that composes with one
        # before it), so no part of such a text is checked again
        self.nfc = unicodedata.is_normalized("NFC", text)
        self.word_starts: list[int] = []  # where each run of word characters starts, in order
        by_word: dict[str, list[int]] = {}
        for m in _WORD_RUN.finditer(text):
            at = m.start()  # one number kept twice, not two
            by_word.setdefault(m.group(), []).append(at)
            self.word_starts.append(at)
        for word, starts in by_word.items():  # each word as written, then lowered
            if all(map(_plain, word)):
                self.at.setdefault(word.lower(), []).extend(starts)
            else:
                self.anywhere += starts
        odd = [c for c in set(text) if not _plain(c) and not _WORD_RUN.match(c)]
        if odd:  # a character that is no letter yet, case ignored, may match one
            self.anywhere += [m.start() for m in re.finditer(f"[{re.escape(''.join(odd))}]", text)]
        self.anywhere.sort()

    def may_open(self, phrases: Phrases, start: int, end: int) -> bool:
        """Whether ``find`` may try ``phrases`` at ``start`` in ``text[start:end]`` (False: nothing it
        finds there begins at ``start``)."""
        text = self.text
        segment = text[start:end]
        if not segment:
            return False
        if not self.nfc and not unicodedata.is_normalized("NFC", segment):
            return True  # searched whole, in its NFC form
        known = self._by_phrases.get(phrases)
        if known is None:
            return True
        i = bisect_left(known, start)
        if i < len(known) and known[i] == start:
            return True
        if start:  # the part's start, when it cuts a word
            before, first = text[start - 1], text[start]
            if (before.isalnum() or before == "_") and (first.isalnum() or first == "_"):
                return True
        # nothing else tried: the start may be that of the word the end cuts
        if end < len(text) and (i == len(known) or known[i] >= end):
            after, last = text[end], text[end - 1]
            if (after.isalnum() or after == "_") and (last.isalnum() or last == "_"):
                return self.word_starts[bisect_right(self.word_starts, end - 1) - 1] == start
        return False

    def find(self, phrases: Phrases, start: int, end: int) -> list[Match]:
        """What ``phrases.find`` finds in ``text[start:end]``, its regexes tried only where one of
        its phrases may begin: the same leftmost matches, none overlapping. One function, not a
        few: the event stage searches some 700,000 parts of a 1 MB article."""
        text = self.text
        segment = text[start:end]
        if not segment:
            return []  # no phrase is empty
        if not self.nfc and not unicodedata.is_normalized("NFC", segment):
            return phrases._search(text, start, end)
        known = self._by_phrases.get(phrases)
        if known is None:
            found = [at for word in phrases.first_words for at in self.at.get(word, ())]  # type: ignore[union-attr]
            known = self._by_phrases[phrases] = sorted(found + self.anywhere)
        low = bisect_left(known, start)
        tried = known[low : bisect_left(known, end, low)]
        # the part's start when it cuts a word (elsewhere a phrase's first word, whole there,
        # stands at one of the known places): most parts then have none, and nothing is tried.
        # Every phrase opens with a word character: a part opening with none (a space after a
        # word) has no phrase there unless at a known place.
        if start and (not tried or tried[0] != start):
            before, first = text[start - 1], text[start]
            if (before.isalnum() or before == "_") and (first.isalnum() or first == "_"):
                tried.insert(0, start)
        if end < len(text):
            after, last = text[end], text[end - 1]
            if (after.isalnum() or after == "_") and (last.isalnum() or last == "_"):
                # the start of the word the end cuts, which no other candidate follows
                cut = self.word_starts[bisect_right(self.word_starts, end - 1) - 1]
                if cut > (tried[-1] if tried else start - 1):
                    tried.append(cut)
        if not tried:
            return []
        found = []
        for pattern in phrases._patterns:
            free = start
            for at in tried:
                if at >= free and (m := pattern.match(segment, at - start)):
                    found.append(phrases._match(m, start, None))
                    free = start + m.end()
        return longest_first(found) if len(found) > 1 else found


_INDEX: ContextVar[_WordIndex | None] = ContextVar("word_index", default=None)  # one a thread


def remembered(text: str, key: tuple, compute: Callable[..., T], *args: object) -> T:
    """``compute(*args)``, an answer about a part of ``text``, kept under ``key`` while ``text`` is
    the indexed article (each event of a sentence asks again about its clauses). Keys open with the
    asker's name; the answers are forgotten all at once when ``MEMO_ANSWERS`` are kept (the last
    sentences' are enough)."""
    index = _INDEX.get()
    if index is None or index.text is not text:
        return compute(*args)
    memo = index.memo
    if key not in memo:
        if len(memo) >= MEMO_ANSWERS:
            memo.clear()
        memo[key] = compute(*args)
    return memo[key]  # type: ignore[return-value]


def remembered_whole(text: str, key: tuple, compute: Callable[..., T], *args: object) -> T:
    """``compute(*args)``, an answer about the whole of ``text``, kept under ``key`` as long as ``text``
    is the indexed article. Not forgotten with the answers about its parts (``remembered``): worked
    out again after each ``MEMO_ANSWERS`` of those, it would cost the square of a long article."""
    index = _INDEX.get()
    if index is None or index.text is not text:
        return compute(*args)
    if key not in index.whole:
        index.whole[key] = compute(*args)
    return index.whole[key]  # type: ignore[return-value]


@contextmanager
def indexed(text: str) -> Iterator[None]:
    """Searches of ``text`` within the block go through a word index of it (``_WordIndex``):
    the same results, found without scanning every character of each part searched."""
    token = _INDEX.set(_WordIndex(text))
    try:
        yield
    finally:
        _INDEX.reset(token)


def nfc_with_offsets(text: str) -> tuple[str, list[int]]:
    """``text`` in NFC, and for each of its characters (and its end) the offset in ``text``."""
    out: list[str] = []
    offsets: list[int] = []
    i = 0
    while i < len(text):
        j = i + 1
        while j < len(text) and unicodedata.combining(text[j]):
            j += 1
        composed = unicodedata.normalize("NFC", text[i:j])
        out.append(composed)
        offsets += [i] * len(composed)
        i = j
    offsets.append(len(text))
    return "".join(out), offsets


def _acronym(phrase: str) -> bool:
    letters = [c for c in phrase if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 5


def _alternation(phrases: list[str]) -> str:
    """One regex finding any of ``phrases`` as whole words, the longest where several start at one place.

    The phrases share a trie, so the regex engine tries each next character once rather than
    every phrase in turn: a flat alternation of hundreds of phrases cost a microsecond a character.
    """
    if not phrases:
        return _NOTHING
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for unit in re.findall(r"\s+|\S", phrase):
            key = " " if unit.isspace() else unit.lower()
            node = node.setdefault(key, ({}, re.escape(unit) if key != " " else r"\s+"))[0]
        node[""] = ({}, "")  # a phrase ends here
    # the characters a phrase may open with, tested before the lookbehind: a search passes over most
    # positions after one test
    firsts = "".join(sorted(r"\s" if key == " " else unit for key, (_, unit) in trie.items() if key))
    opening = f"(?=[{firsts}])" if "" not in trie else ""
    return rf"{opening}(?<!\w)(?:{_trie_regex(trie)})(?![\w])"


def _trie_regex(node: dict) -> str:
    ends = "" in node
    branches = [unit + _trie_regex(child) for key, (child, unit) in sorted(node.items()) if key]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and not ends else "(?:" + "|".join(branches) + ")"
    return body + "?" if ends else body  # greedy: a longer phrase is tried before the one ending here


def longest_first(matches: list[Match]) -> list[Match]:
    """Non-overlapping matches, a longer one winning over the shorter ones it overlaps."""
    in_order = sorted(matches)
    if all(a.end <= b.start for a, b in zip(in_order, in_order[1:], strict=False)):
        return in_order  # nothing overlaps (most texts): no list grown by insertion, quadratic on a long text
    kept: list[Match] = []  # in text order, never overlapping: two neighbours tell an overlap
    starts: list[int] = []
    for m in sorted(matches, key=lambda m: (-(m.end - m.start), m.start)):
        i = bisect_left(starts, m.start)
        if (i and kept[i - 1].end > m.start) or (i < len(kept) and kept[i].start < m.end):
            continue
        kept.insert(i, m)
        starts.insert(i, m.start)
    return kept


@dataclass(frozen=True)
class Lexicon:
    """The event stage's resources for one language."""

    language: str
    actors: dict[str, str]  # alias -> canonical actor
    roles: Phrases
    person_patterns: tuple[str, ...]
    cues: dict[str, dict[str, str]]  # category -> cue -> English gloss
    markers: dict[str, Phrases]
    has_just_forms: tuple[re.Pattern[str], ...]  # verb forms telling the news of the day
    has_just_traps: tuple[re.Pattern[str], ...]
    stopwords: frozenset[str]
    verb_forms: tuple[re.Pattern[str], ...] = ()  # a word that is a finite verb ('[a-z]{3,}ed')
    nonfinite_forms: tuple[re.Pattern[str], ...] = ()  # a verb form but no predicate ('[a-z]{3,}ing')
    adverb_forms: tuple[re.Pattern[str], ...] = ()  # a word that may stand before a predicate ('[a-z]{3,}ly')
    # a present tense, told apart from a plural only by where it stands ('Joseph, files a lawsuit')
    present_forms: tuple[re.Pattern[str], ...] = ()
    # a figure stated ('was $2.5 billion', 'were 12 percent')
    statistic_forms: tuple[re.Pattern[str], ...] = ()
    # what someone or something is or was, as the clause's predicate ('Cheney was such a presence')
    copula_noun_forms: tuple[re.Pattern[str], ...] = ()
    # a place's preposition and its English ('gần' -> 'near'), for a gloss of where it happened
    place_glosses: tuple[tuple[str, str], ...] = ()
    # the past tense of a verb's -ing form ('saying' -> 'said'), else rules of regular verbs, and
    # -ing words that are no verbs ('including')
    past_forms: dict[str, str] = field(default_factory=dict)
    past_rules: tuple[tuple[re.Pattern[str], str], ...] = ()
    not_verbs: frozenset[str] = frozenset()
    report_participles: frozenset[str] = frozenset()

    def marker(self, kind: str) -> Phrases:
        return self.markers.get(kind, _NO_PHRASES)  # an empty list of phrases finds nothing either


_NO_PHRASES = Phrases([])
# Markers that are patterns or plain word sets, not phrase lists.
_PATTERN_KINDS = (
    "stopwords",
    "has_just_traps",
    "has_just_forms",
    "verb_forms",
    "nonfinite_forms",
    "adverb_forms",
    "present_forms",
    "statistic_forms",
    "copula_noun_forms",
)


def _patterns(markers: dict, kind: str, flags: int = 0) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, flags) for p in markers.get(kind, []))


@cache
def lexicon(language: str | None) -> Lexicon:
    """The resources of ``language``; English's when the language has none."""
    path = LANG_DIR / (language or DEFAULT_LANGUAGE) / "events.toml"
    if not path.is_file():
        path = LANG_DIR / DEFAULT_LANGUAGE / "events.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    markers = data.get("markers", {})
    cues = {
        category: dict(entries) if isinstance(entries, dict) else {cue: cue for cue in entries}
        for category, entries in data.get("cues", {}).items()
    }
    people = data.get("people", {})
    past = data.get("past_of_ongoing", {})
    return Lexicon(
        language=path.parent.name,
        actors=dict(data.get("actors", {})),
        roles=Phrases(people.get("roles", [])),
        person_patterns=tuple(people.get("patterns", [])),
        cues=cues,
        markers={kind: Phrases(words) for kind, words in markers.items() if kind not in _PATTERN_KINDS},
        has_just_forms=_patterns(markers, "has_just_forms"),
        has_just_traps=_patterns(markers, "has_just_traps", re.IGNORECASE),
        stopwords=frozenset(w.casefold() for w in markers.get("stopwords", [])),
        verb_forms=_patterns(markers, "verb_forms"),
        nonfinite_forms=_patterns(markers, "nonfinite_forms"),
        adverb_forms=_patterns(markers, "adverb_forms"),
        present_forms=_patterns(markers, "present_forms"),
        statistic_forms=_patterns(markers, "statistic_forms", re.IGNORECASE),
        copula_noun_forms=_patterns(markers, "copula_noun_forms", re.IGNORECASE),
        place_glosses=tuple(data.get("place_glosses", {}).items()),
        past_forms=dict(past.get("forms", {})),
        past_rules=tuple(
            (re.compile(pattern), replacement) for pattern, replacement in past.get("rules", [])
        ),
        not_verbs=frozenset(past.get("not_verbs", [])),
        report_participles=frozenset(past.get("reports", [])),
    )


@cache
def all_actor_aliases() -> dict[str, str]:
    """Aliases of every language: articles quote names across languages (Baghdad, Pentagon)."""
    aliases: dict[str, str] = {}
    for path in sorted(LANG_DIR.glob("*/events.toml")):
        aliases.update(lexicon(path.parent.name).actors)
    return aliases


@cache
def language_neutral(name: str) -> dict:
    """A language-neutral resource file of ``extract/lang`` (``categories``, ``actors``)."""
    return tomllib.loads((LANG_DIR / f"{name}.toml").read_text(encoding="utf-8"))
