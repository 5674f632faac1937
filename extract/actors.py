"""Actors of a passage: canonical names from aliases, and people tied to a side.

A person is tied to a side by the article's own wording ('Thủ tướng Iraq X', 'Iraqi Foreign
Minister X', patterns of the language's resources) and, failing that, by the language-neutral
list of well-known people. Later mentions of the same surname in the article count too.
"""

from __future__ import annotations

import re
from functools import cache

from extract.lexicon import Lexicon, Phrases, all_actor_aliases, language_neutral, lexicon

# A personal name in Latin script: capitalised words, with particles such as al- or bin.
_NAME_WORD = r"(?:(?:[Aa]l-|[Ee]l-|bin\s|ibn\s)?[^\W\d_][\w'’.-]*)"
_NAME = rf"(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})"


@cache
def _actor_names() -> dict[str, str]:
    """The aliases of every language and the places of a side ('Basra' for Iraq): each names its
    actor in a passage."""
    return {**all_actor_aliases(), **language_neutral("actors").get("places", {})}


@cache
def _aliases() -> Phrases:
    return Phrases(list(_actor_names()))


@cache
def _known_people() -> dict[str, str]:
    return dict(language_neutral("actors").get("people", {}))


@cache
def implied() -> dict[str, list[str]]:
    return dict(language_neutral("actors").get("implies", {}))


@cache
def _person_patterns(language: str) -> tuple[re.Pattern[str], ...]:
    lex = lexicon(language)
    aliases = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in _aliases().phrases)
    roles = "|".join(re.escape(r).replace(r"\ ", r"\s+") for r in lex.roles.phrases)
    if not roles:
        return ()
    compiled = []
    for template in lex.person_patterns:
        body = (
            re.escape(template)
            .replace(r"\{role\}", rf"(?:{roles})")
            .replace(r"\{actor\}", rf"(?P<actor>{aliases})")
            .replace(r"\{name\}", _NAME)
            .replace(r"\ ", r"\s+")
        )
        compiled.append(re.compile(rf"(?<!\w){body}"))
    return tuple(compiled)


def _capitalised_words(name: str, lex: Lexicon) -> list[str]:
    """The words of a matched name that are a name: capitalised, not a role nor an alias."""
    words = []
    for word in name.split():
        bare = word.rstrip(".,")
        core = bare.split("-", 1)[1] if bare.lower().startswith(("al-", "el-")) else bare
        if not core[:1].isupper() or lex.roles.find(bare) or bare in _actor_names():
            break
        words.append(bare)
    return words


def people_sides(text: str, lex: Lexicon) -> dict[str, str]:
    """Surnames (and full names) the article ties to a side, e.g. {'al-Sudani': 'Iraq'}."""
    aliases = _actor_names()
    sides: dict[str, str] = {}
    for pattern in _person_patterns(lex.language):
        for m in pattern.finditer(text):
            words = _capitalised_words(m.group("name"), lex)
            if not words:
                continue
            side = aliases.get(m.group("actor")) or aliases.get(_case_key(m.group("actor")), "")
            if side:
                sides.setdefault(" ".join(words), side)
                sides.setdefault(words[-1], side)
    return sides


def _case_key(alias: str) -> str:
    for known in _actor_names():
        if known.casefold() == alias.casefold():
            return known
    return alias


@cache
def _people_phrases(names: frozenset[str]) -> Phrases:
    return Phrases(sorted(names))


_recent: list = [None, None, {}]  # the text and people dict last asked about, and (start, end) -> mentions
RECENT_SPANS = 64  # an event asks about a few spans of its sentence, some twice (its clause is its body)


def _mentions(text: str, start: int, end: int, people: dict[str, str]) -> list[tuple[int, str]]:
    """Where each actor is named in ``text[start:end]`` (aliases and people), in text order."""
    if _recent[0] is not text or _recent[1] is not people or len(_recent[2]) > RECENT_SPANS:
        _recent[:] = [text, people, {}]
    known = _recent[2].get((start, end))
    if known is None:
        known = _recent[2][(start, end)] = _find_mentions(text, start, end, people)
    return list(known)


def _find_mentions(text: str, start: int, end: int, people: dict[str, str]) -> list[tuple[int, str]]:
    aliases = _actor_names()
    sides, finder = _people_finder(people)
    found = []
    dateline_end = start
    for m in _aliases().find(text, start, end):
        if m.start < dateline_end or _inside_a_name(text, m.end):
            continue
        if (place_end := _dateline_end(text, m.start, m.end)) is not None:
            dateline_end = place_end  # its country ('AMMAN, Jordan, May 2 -') is no actor either
            continue
        found.append((m.start, aliases.get(m.phrase) or aliases[_case_key(m.phrase)]))
    found += [(m.start, sides[m.phrase]) for m in finder.find(text, start, end) if m.phrase in sides]
    return sorted(found)


_last_people: list = [None, None]  # the article's people dict and what was made of it


def _people_finder(people: dict[str, str]) -> tuple[dict[str, str], Phrases]:
    """The well-known and the article's people with their sides, and their finder; made once
    per article (every sentence of it asks with the same dict), not once per call."""
    if _last_people[0] is not people:
        sides = {**_known_people(), **people}
        _last_people[:] = [people, (sides, _people_phrases(frozenset(sides)))]
    return _last_people[1]


# After a place in capitals: ", Country", "(Agency)", then the dash, bar or date of a dateline
# ('BAGHDAD (Reuters) -', 'AMMAN, Jordan, May 2 -', 'BASRA | Fri Apr 22'): the reporter's
# whereabouts, not an actor.
_DATELINE_TAIL = re.compile(
    r"(?:\s*,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)?\s*(?:\([^()\n]{1,40}\)\s*)?(?:(?<=\s)[-–—|]|,\s*\w{3,9}\.?\s+\d)"
)


def _dateline_end(text: str, start: int, end: int) -> int | None:
    """Where the dateline ends when the alias at ``start:end`` is its place, else None."""
    written = text[start:end]
    place = written.isupper() and sum(c.isalpha() for c in written) > 3  # not an acronym ('U.S.-led')
    tail = _DATELINE_TAIL.match(text, end) if place else None
    return tail.end() if tail else None


@cache
def _name_tail() -> re.Pattern[str]:
    heads = "|".join(map(re.escape, language_neutral("actors")["names"]["heads"]))
    return re.compile(rf"(?:\s+[A-Z][\w'’&.-]*){{0,3}}?\s+(?:{heads})\.?(?!\w)")


def _inside_a_name(text: str, end: int) -> bool:
    """An alias ending at ``end`` that begins the name of an outlet or company ('USA Today')."""
    return _name_tail().match(text, end) is not None


def actors_in(text: str, start: int, end: int, people: dict[str, str]) -> list[str]:
    """Canonical actors named in ``text[start:end]``, in order of first mention."""
    ordered: list[str] = []
    for _, actor in _mentions(text, start, end, people):
        for name in (actor, *implied().get(actor, [])):
            if name not in ordered:
                ordered.append(name)
    return ordered


def acting_mentions(
    text: str, start: int, end: int, people: dict[str, str], lex: Lexicon
) -> list[tuple[int, str]]:
    """Where actors are named in ``text[start:end]`` other than as a place ('ở Jordan', 'in
    Baghdad', 'in the United States', 'in both Sudan and Iraq'), in text order; the first is
    roughly the clause's subject."""
    return [
        (at, actor)
        for at, actor in _mentions(text, start, end, people)
        if not _named_as_place(text[max(start, at - 40) : at].split(), lex)
    ]


MAX_LISTED_PLACES = 4  # words walked back over in a list of places ('in both Sudan and Iraq')


def _named_as_place(before: list[str], lex: Lexicon) -> bool:
    """Whether the words ``before`` a name make it a place: one of the language's ``places`` right
    before it, perhaps with an article between ('in the United States') or the other names of a
    list ('in both Sudan and')."""
    places, skipped = lex.marker("places"), [lex.marker("determiners"), lex.marker("place_lists")]
    for word in reversed(before[-(MAX_LISTED_PLACES + 1) :]):
        if places.find(word):
            return True
        listed = word[:1].isupper() and not word.endswith(",")
        if not (listed or any(kind.find(word) for kind in skipped)):
            return False
    return False


def last_actor(text: str, start: int, end: int, people: dict[str, str]) -> str | None:
    """The actor named last in ``text[start:end]`` (the nearest to what follows), if any."""
    found = _mentions(text, start, end, people)
    return found[-1][1] if found else None


def people_in(text: str, start: int, end: int, people: dict[str, str]) -> list[str]:
    """Surnames of the known or article-introduced people named in ``text[start:end]``."""
    found = _people_finder(people)[1].find(text, start, end)
    return sorted({m.phrase.split()[-1].casefold() for m in found})


def parties() -> list[str]:
    """The two parties of the relationship the timeline follows (US, Iraq)."""
    return list(language_neutral("actors")["relevance"]["parties"])


def _sides(actors: list[str]) -> list[str]:
    """``actors`` with each counted for the party whose side it is on (the coalition for the US)."""
    sides = language_neutral("actors")["relevance"].get("sides", {})
    return list(dict.fromkeys(sides.get(a, a) for a in actors))


def is_story(text: str, headline: list[str], people: dict[str, str]) -> bool:
    """Whether an article tells the story of the relationship: its headline names both parties,
    or each party holds a good share of its actor mentions (not one aside in a story of others)."""
    table = language_neutral("actors")["relevance"]
    sides = table.get("sides", {})
    named = [sides.get(actor, actor) for _, actor in _mentions(text, 0, len(text), people)]
    least = min(named.count(p) for p in table["parties"])
    if all(p in headline for p in table["parties"]):  # the body must still keep to it
        return least >= table["headline_story_per_1000"] * len(text) / 1000
    return (
        least >= table["story_mentions"]
        and least >= table["story_share"] * len(named)
        and least >= table["story_per_1000"] * len(text) / 1000
    )


def relevance(
    actors: list[str],
    story: bool = False,
    clause: list[str] | None = None,
    leading: str | None = None,
    acting: list[str] | None = None,
) -> float:
    """How surely a happening whose sentence names ``actors`` is one of US–Iraq relations (0..1);
    ``story``: the article tells the story of the relationship (``is_story``); ``clause``: the
    actors of the happening's own clause, when known (a sentence can tell several happenings:
    'Britain occupied Iraq; the US deposed ... in 1953'); ``leading``: the clause's first actor
    named other than as a place, when known (else its first actor); ``acting``: the clause's
    actors named other than as places, when known: both parties named only as places ('he lived
    in the United States and trained in Iraq') are the setting, not two sides."""
    table = language_neutral("actors")["relevance"]
    actors, own = _sides(actors), _sides(actors if clause is None else clause)
    parties = [a for a in table["parties"] if a in actors]
    related = any(a in table["related"] for a in actors)
    setting_only = acting is not None and not any(a in _sides(acting) for a in table["parties"])
    if all(a in own for a in table["parties"]) and not setting_only:
        return float(table["both"])
    lead = _sides([leading])[0] if leading else (own[0] if own else None)
    if story and (len(parties) == len(table["parties"]) or lead is None or lead in table["parties"]):
        # both sides in the sentence, or one of them leading its clause, or no actor at all:
        # the story's setting supplies the other side
        return float(table["in_story"])
    if story:  # a third party leads ('British troops were attacked in Basra', 'IS seized Mosul')
        return float(table["party_and_related"] if parties else table["aside"])
    if parties:
        return float(table["party_and_related"] if related else table["party"])
    return float(table["related_only"] if related else table["none"])
