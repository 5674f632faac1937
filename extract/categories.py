"""Category of a happening from the cue words of its language, with tone and Goldstein-like score."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from extract.lexicon import Lexicon, Phrases, language_neutral, lexicon

STATEMENT = "statement"
OTHER = "other"


@dataclass(frozen=True)
class Category:
    name: str
    label: str
    tone: str
    goldstein: float
    violent: bool = False


@cache
def categories() -> dict[str, Category]:
    """The category set of ``extract/lang/categories.toml``, in its order."""
    return {
        name: Category(
            name, spec["label"], spec["tone"], float(spec["goldstein"]), spec.get("violent", False)
        )
        for name, spec in language_neutral("categories").items()
    }


@dataclass(frozen=True)
class Cue:
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
    finder, by_phrase = _cue_finder(lex.language)
    found = []
    for m in finder.find(text, start, end):
        entry = by_phrase.get(m.phrase.casefold())
        if entry:
            found.append(Cue(m.start, m.end, *entry))
    return found


def choose(cues: list[Cue]) -> Cue | None:
    """The cue that names the happening: a violent one first, then the earliest that is more
    than a statement (a statement's content is the news), then the earliest statement."""
    table = categories()
    for wanted in (
        lambda c: table[c.category].violent,
        lambda c: c.category != STATEMENT,
        lambda c: True,
    ):
        chosen = [c for c in cues if wanted(c)]
        if chosen:
            return chosen[0]
    return None
