"""Search over titles, passages and notes: accent-insensitive and alias-aware, with offsets.

Text is *folded* before SQLite's FTS5 indexes it: lower case, accents removed, and the letters
Unicode does not decompose (Vietnamese đ) mapped by ``extract/lang/*/search.toml``; FTS5's own
``remove_diacritics`` leaves đ alone. A query is cut into words; a run of words that names an
actor (an alias in ``extract/lang/*/events.toml`` [actors], a canonical name, or a person of
``extract/lang/actors.toml``) stands for all the names of that actor: "Mỹ" finds "Hoa Kỳ",
"Washington", "United States" and the people who act for the US; a person finds the other
spellings of the same name ("Sudani", "al-Sudani"). All-capital aliases (US, IS) are matched
with their case, so "is" is no search for the Islamic State.

FTS5 finds candidates fast; the match is then confirmed on the curated text, which also gives
the offsets of the matched words to highlight.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache

from extract.lexicon import LANG_DIR, all_actor_aliases, language_neutral

_WORD = re.compile(r"[\w\u0300-\u036f]+")  # combining accents too: a decomposed text stays one word
MAX_PHRASE_WORDS = 6


@dataclass(frozen=True)
class Phrase:
    words: tuple[str, ...]  # folded
    exact: str | None = None  # an all-capital alias: the text must read exactly this


Term = tuple[Phrase, ...]  # any one of these phrases


@dataclass(frozen=True)
class Hit:
    """Where an event matched: ``field`` is 'title', 'passage' (``index``: which source) or
    'note' (``index``: which note); ``spans`` are offsets into ``text``, that field's text. For a
    passage, ``text[a:b]`` is also ``document.text[passage_start + a:passage_start + b]``."""

    event_id: str
    field: str
    index: int
    text: str
    spans: tuple[tuple[int, int], ...]


@cache
def _letter_folds() -> dict[int, str]:
    table: dict[int, str] = {}
    for path in sorted(LANG_DIR.glob("*/search.toml")):
        for letter, base in tomllib.loads(path.read_text(encoding="utf-8")).get("fold", {}).items():
            table[ord(letter)] = base
    return table


def fold(word: str) -> str:
    """``word`` in lower case without accents: 'Đàm' -> 'dam', 'Kỳ' -> 'ky'."""
    bare = "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))
    return bare.casefold().translate(_letter_folds())


def words(text: str) -> list[tuple[str, int, int]]:
    """The folded words of ``text`` with their offsets in it."""
    return [(fold(m.group()), m.start(), m.end()) for m in _WORD.finditer(text)]


def folded(text: str) -> str:
    """What FTS5 indexes for ``text``: its folded words, one space apart."""
    return " ".join(w for w, _, _ in words(text))


def _acronym(name: str) -> bool:
    return name.isupper() and len(name) <= 5


def _phrase(name: str) -> Phrase:
    return Phrase(tuple(w for w, _, _ in words(name)), name if _acronym(name) else None)


@cache
def _names() -> dict[tuple[str, ...], list[tuple[str, Term]]]:
    """Folded name -> [(its spelling, every name it stands for)], for actors and people."""
    aliases = all_actor_aliases()
    people: dict[str, str] = dict(language_neutral("actors").get("people", {}))
    phrases = {name: _phrase(name) for name in {*aliases, *aliases.values(), *people, *people.values()}}
    by_actor: dict[str, set[str]] = {}
    for alias, actor in aliases.items():
        by_actor.setdefault(actor, {actor}).add(alias)
    for person, side in people.items():
        by_actor.setdefault(side, {side}).add(person)
    names: dict[tuple[str, ...], list[tuple[str, Term]]] = {}
    for members in by_actor.values():
        term = tuple(sorted({phrases[m] for m in members}, key=lambda p: p.words))
        for member in members:
            if member not in people:  # a person is no alias of the whole side
                names.setdefault(phrases[member].words, []).append((member, term))
    by_surname: dict[str, list[str]] = {}
    for person in people:
        by_surname.setdefault(phrases[person].words[-1], []).append(person)
    for person in people:
        own = phrases[person].words
        variants = [
            other
            for other in by_surname[own[-1]]
            if _within(own, phrases[other].words) or _within(phrases[other].words, own)
        ]
        term = tuple(sorted({phrases[v] for v in variants}, key=lambda p: p.words))
        names.setdefault(own, []).append((person, term))
    return names


def _within(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """True when ``short`` is the last words of ``long``: 'Sudani' of 'al-Sudani', 'Bush' of
    'George W. Bush' (a surname), not a first name."""
    return 0 < len(short) <= len(long) and long[-len(short) :] == short


def terms(query: str) -> list[Term]:
    """The query as terms that must all match: each a word, or a name standing for its aliases."""
    found = [(w, query[a:b]) for w, a, b in words(query)]
    names = _names()
    out: list[Term] = []
    i = 0
    while i < len(found):
        for n in range(min(MAX_PHRASE_WORDS, len(found) - i), 0, -1):
            key = tuple(w for w, _ in found[i : i + n])
            typed = " ".join(t for _, t in found[i : i + n])
            spelled = [term for name, term in names.get(key, []) if not _acronym(name) or name == typed]
            if spelled:
                out.append(tuple(dict.fromkeys(p for term in spelled for p in term)))
                i += n
                break
        else:
            out.append((Phrase((found[i][0],)),))
            i += 1
    return out


def fts_query(query_terms: list[Term]) -> str:
    """The FTS5 MATCH expression of ``query_terms``: each phrase quoted (its words are folded
    letters and digits only, and a quote is doubled all the same), terms joined by AND. It is
    bound as a parameter, never put into SQL."""
    groups = []
    for term in query_terms:
        phrases = ['"' + " ".join(p.words).replace('"', '""') + '"' for p in term if p.words]
        groups.append("(" + " OR ".join(phrases) + ")")
    return " AND ".join(groups)


def spans(text: str, query_terms: list[Term]) -> tuple[tuple[int, int], ...] | None:
    """The offsets in ``text`` of every phrase of every term, or None unless every term matches."""
    found = words(text)
    folded_words = [w for w, _, _ in found]
    out: list[tuple[int, int]] = []
    for term in query_terms:
        matched = False
        for phrase in term:
            n = len(phrase.words)
            for i in range(len(found) - n + 1):
                if tuple(folded_words[i : i + n]) != phrase.words:
                    continue
                start, end = found[i][1], found[i + n - 1][2]
                if phrase.exact and " ".join(text[a:b] for _, a, b in found[i : i + n]) != phrase.exact:
                    continue
                out.append((start, end))
                matched = True
        if not matched:
            return None
    return tuple(sorted(set(out)))
