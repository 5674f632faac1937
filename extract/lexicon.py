"""Per-language word lists of the event stage, read from ``extract/lang/<code>/events.toml``.

The engine (``events``, ``actors``, ``categories``) knows no word of any language: it asks a
:class:`Lexicon` for the phrases of one kind and finds them as whole words in a text.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import NamedTuple

LANG_DIR = Path(__file__).resolve().parent / "lang"
DEFAULT_LANGUAGE = "en"


class Match(NamedTuple):  # made hundreds of thousands of times on a long article: a tuple is cheapest
    start: int
    end: int
    phrase: str  # the resource's spelling of what was found


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

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Match]:
        """Every occurrence in ``text[start:end]``, overlaps resolved for the longest, in text order.

        Offsets are into ``text`` even when it is decomposed (NFD): the search runs on its NFC form.
        """
        end = len(text) if end is None else end
        segment = text[start:end]
        offsets = None
        if not unicodedata.is_normalized("NFC", segment):
            segment, offsets = nfc_with_offsets(segment)
        found = []
        for pattern in self._patterns:
            for m in pattern.finditer(segment):
                said = " ".join(m.group(0).split())  # a phrase's space matches any run of spaces
                key = said if said in self._by_key else said.casefold()
                a, b = (offsets[m.start()], offsets[m.end()]) if offsets else (m.start(), m.end())
                found.append(Match(start + a, start + b, self._by_key.get(key, m.group(0))))
        return longest_first(found) if len(found) > 1 else found

    def __bool__(self) -> bool:
        return bool(self.phrases)


_NOTHING = r"(?!x)x"


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
    return rf"(?<!\w)(?:{_trie_regex(trie)})(?![\w])"


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

    def marker(self, kind: str) -> Phrases:
        return self.markers.get(kind) or _NO_PHRASES


_NO_PHRASES = Phrases([])


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
    return Lexicon(
        language=path.parent.name,
        actors=dict(data.get("actors", {})),
        roles=Phrases(people.get("roles", [])),
        person_patterns=tuple(people.get("patterns", [])),
        cues=cues,
        markers={
            kind: Phrases(words)
            for kind, words in markers.items()
            if kind not in ("stopwords", "has_just_traps", "has_just_forms", "verb_forms", "nonfinite_forms")
        },
        has_just_forms=tuple(re.compile(p) for p in markers.get("has_just_forms", [])),
        has_just_traps=tuple(re.compile(p, re.IGNORECASE) for p in markers.get("has_just_traps", [])),
        stopwords=frozenset(w.casefold() for w in markers.get("stopwords", [])),
        verb_forms=tuple(re.compile(p) for p in markers.get("verb_forms", [])),
        nonfinite_forms=tuple(re.compile(p) for p in markers.get("nonfinite_forms", [])),
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
