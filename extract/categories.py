"""Category of a happening from the cue words of its language, with tone and Goldstein-like score."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from extract.lexicon import Lexicon, Phrases, language_neutral, lexicon, remembered

STATEMENT = "statement"
OTHER = "other"
ATTACK_ON_PARTY = "attack-on-us"  # a violent act aimed at the forces of the first party


@dataclass(frozen=True)
class Category:
    name: str
    label: str
    tone: str
    goldstein: float
    violent: bool = False
    kin: frozenset[str] = frozenset()


@cache
def categories() -> dict[str, Category]:
    """The category set of ``extract/lang/categories.toml``, in its order."""
    spec = language_neutral("categories")
    kin: dict[str, set[str]] = {name: set() for name in spec}
    for name, entry in spec.items():
        for other in entry.get("kin", []):
            if other not in spec:
                raise ValueError(f"categories.toml: {name} is kin to unknown category {other!r}")
            kin[name].add(other)
            kin[other].add(name)
    return {
        name: Category(
            name,
            entry["label"],
            entry["tone"],
            float(entry["goldstein"]),
            entry.get("violent", False),
            frozenset(kin[name]),
        )
        for name, entry in spec.items()
    }


def kindred(a: str, b: str) -> bool:
    """The same category, or categories one happening is often told under (``kin``)."""
    table = categories()
    return a == b or (a in table and b in table[a].kin)


class Cue(NamedTuple):  # made for every cue of every part of a sentence asked about: a tuple is cheapest
    start: int
    end: int
    category: str
    gloss: str


@cache
def _cue_finder(language: str) -> tuple[Phrases, dict[str, tuple[str, str]]]:
    """One finder for every cue (and the phrases that only look like cues) of ``language``."""
    lex = lexicon(language)
    by_phrase: dict[str, tuple[str, str]] = {}
    for category, cues in lex.cues.items():
        if category not in categories():
            raise ValueError(f"{language}/events.toml: unknown category {category!r}")
        for cue, gloss in cues.items():
            by_phrase.setdefault(cue.casefold(), (category, gloss))
    phrases = list(
        dict.fromkeys([*(c for cues in lex.cues.values() for c in cues), *lex.marker("not_cues").phrases])
    )
    return Phrases(phrases), by_phrase


def cues_in(text: str, start: int, end: int, lex: Lexicon) -> list[Cue]:
    return list(remembered(text, ("cues_in", start, end, lex.language), _cues_in, text, start, end, lex))


def _cues_in(text: str, start: int, end: int, lex: Lexicon) -> list[Cue]:
    finder, by_phrase = _cue_finder(lex.language)
    found = []
    for m in finder.find(text, start, end):
        entry = by_phrase.get(m.phrase.casefold())
        if entry:
            found.append(Cue(m.start, m.end, *entry))
    return found


def cue_opening(text: str, start: int, end: int, lex: Lexicon) -> Cue | None:
    """The cue of ``cues_in`` that begins at ``start``, if any: asked word by word, so the words that
    open no cue are passed over without a search."""
    finder, by_phrase = _cue_finder(lex.language)
    m = finder.opening(text, start, end)
    entry = by_phrase.get(m.phrase.casefold()) if m else None
    return Cue(m.start, m.end, *entry) if m and entry else None


def choose(
    clause: list[Cue],
    sentence: list[Cue],
    timex_at: int,
    modal_scopes: list[tuple[int, int]],
    nouns: frozenset[int] = frozenset(),
) -> Cue | None:
    """The cue that names the happening dated by a time expression at ``timex_at``.

    In the clause the date governs: a violent cue first (a strike told inside a statement is
    the news) unless it is a noun (at one of ``nouns``: 'lên án các cuộc không kích', 'condemned
    the strikes' tell the condemnation), else the non-statement cue nearest the date. A clause
    that only reports speech is named by what was reported, anywhere in the sentence, unless
    that is a plan or a forecast (the cue in the scope of a modal marker, ``modal_scopes``, that
    opens after the saying): then it stays a statement.
    """
    table = categories()
    violent = [c for c in clause if table[c.category].violent and c.start not in nouns]
    if violent:
        return violent[0]
    sayings = [c for c in [*clause, *sentence] if c.category == STATEMENT]

    def reported_plan(cue: Cue) -> bool:
        said = [s.end for s in sayings if s.end <= cue.start]
        return bool(said) and any(min(said) <= a < cue.start < b for a, b in modal_scopes)

    acts = [c for c in clause if c.category != STATEMENT and not reported_plan(c)]
    if acts:
        return min(acts, key=lambda c: (abs(c.start - timex_at), c.start))
    # 'other' names no content of its own: a statement about it stays a statement
    reported = [c for c in sentence if c.category not in (STATEMENT, OTHER) and not reported_plan(c)]
    if reported:
        return reported[0]
    return sayings[0] if sayings else None
