"""Per-language grammars: TOML resources (lexicons, fragments, rules) compiled into one regex.

A rule's pattern is a regex template. ``{name}`` is replaced by a fragment (inline, no group) or by a
lexicon (a named group whose matched words map to values: the *slot* the normaliser reads). All rules
of a language are joined into one alternation, so tagging is a single pass; earlier rules win at the
same start position, so resources list the longer forms first.
"""

from __future__ import annotations

import re
import re._parser as _regex_parser  # a rule's parse tree tells the characters it can begin with
import tomllib
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

LANG_DIR = Path(__file__).resolve().parent.parent / "lang"
_PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")
_SPACES = re.compile(r"\s+")
_FLAGS = re.IGNORECASE | re.MULTILINE
_NAME_REACH = 30  # characters either side of an expression searched for a name that holds it
# where a name may begin: a word, a hashtag, a handle (the character tested before the lookbehind)
_WORD_START = re.compile(r"(?=[\w#@])(?<![\w#@])[\w#@]")


def fold(words: str) -> str:
    """A lexicon key: single-spaced and case-folded (a dotted capital I folds to a plain "i")."""
    return _SPACES.sub(" ", words.strip()).casefold().replace("i\u0307", "i").replace("\u0131", "i")


@dataclass(frozen=True)
class Lexicon:
    """Words (lower case, single-spaced) mapped to a slot value; ``digits`` also match and read as int."""

    name: str
    slot: str
    words: dict[str, int | str]  # lower case, for reading a match
    spellings: tuple[str, ...]  # as written in the resource, for matching (case matters if case_sensitive)
    digits: str | None = None
    case_sensitive: bool = False
    cased: tuple[str, ...] = ()  # spellings matched only as written, whatever ``case_sensitive`` says

    def regex(self) -> str:
        alternatives = []
        for word in sorted(self.spellings + self.cased, key=len, reverse=True):  # "mười hai" before "mười"
            pattern = r"\s+".join(re.escape(part) for part in word.split())
            alternatives.append(f"(?-i:{pattern})" if self.case_sensitive or word in self.cased else pattern)
        if self.digits:
            alternatives.append(f"(?:{self.digits})(?!\\d)")
        return "|".join(alternatives)

    def value(self, matched: str) -> int | str:
        key = fold(matched)
        if key in self.words:
            return self.words[key]
        if key.isdecimal():
            return int(key)
        return self._value_by_pattern(matched)

    def _value_by_pattern(self, matched: str) -> int | str:
        """The word whose own pattern matches: the regex's case-insensitive matching knows pairs that
        no string case mapping undoes (a dotted capital I or a long s matching "i" or "s")."""
        for spelling in self.spellings:
            word = r"\s+".join(re.escape(part) for part in spelling.split())
            if re.fullmatch(word, matched.strip(), 0 if self.case_sensitive else _FLAGS):
                return self.words[fold(spelling)]
        # the digits alternative is left: its pattern may be written with classes wider than ASCII
        return int("".join(str(unicodedata.digit(c, 0)) for c in matched if c.isdigit()) or 0)


@dataclass(frozen=True)
class Rule:
    name: str
    norm: str  # name of the normaliser in extract.timex.normalise
    type: str
    constants: dict  # slot values fixed by the rule (value, mod, unit, sign, anchor...)
    groups: tuple[tuple[str, Lexicon], ...] = ()  # (regex group name, lexicon) of this rule
    # (pattern, slot values): the first pattern found in the match's sentence adds its values (or a norm)
    contexts: tuple[tuple[re.Pattern[str], dict], ...] = ()
    regex: re.Pattern[str] | None = None  # the rule alone, with its slot groups


@dataclass
class Grammar:
    lang: str
    regex: re.Pattern[str]  # all rules, one group each: finds which rule matches where
    rules: dict[str, Rule]  # by the rule's outer group name
    settings: dict = field(default_factory=dict)
    holidays: dict = field(default_factory=dict)
    future_cues: re.Pattern[str] | None = None
    past_cues: re.Pattern[str] | None = None
    recent_cues: re.Pattern[str] | None = None
    starts: re.Pattern[str] | None = None  # where an expression may start: the words rules begin with
    names: re.Pattern[str] | None = None  # names that hold a time word ("USA Today"): not times
    # each rule's group name, its alternative of ``regex`` and the characters it can begin with
    # (None: any); what ``regex`` tries at a position is only the rules its character can begin
    alternatives: tuple[tuple[str, str, re.Pattern[str] | None], ...] = ()
    _by_first: dict[str, re.Pattern[str] | None] = field(default_factory=dict)
    _by_rules: dict[tuple[str, ...], re.Pattern[str]] = field(default_factory=dict)

    def in_name(self, text: str, start: int, end: int) -> bool:
        """True when ``text[start:end]`` lies inside a name that a ``[[name]]`` pattern finds, tried only
        at the word starts shortly before it (a search through the whole window costs a fifth of the
        tagger's time)."""
        if self.names is None:
            return False
        limit = min(len(text), end + _NAME_REACH)
        for word in _WORD_START.finditer(text, max(0, start - _NAME_REACH), start + 1):
            found = self.names.match(text, word.start(), limit)
            if found and found.end() >= end:
                return True
        return False

    def scan(
        self, text: str, start: int, end: int, prefilter: bool = True
    ) -> Iterator[tuple[Rule, re.Match]]:
        """Each leftmost match in ``text[start:end]`` with its rule, read with the rule's slot groups.

        The combined regex is slow to try at every position, so it is tried only where ``starts`` finds
        a word a rule can begin with; ``prefilter=False`` scans every position (for tests).
        """
        if prefilter and self.starts is not None:
            candidates = (m.start() for m in self.starts.finditer(text, start, end))
            matches = self._matches_at(text, candidates, end)
        else:
            matches = self.regex.finditer(text, start, end)
        for match in matches:
            rule = self.rules[match.lastgroup]  # type: ignore[index]
            yield rule, rule.regex.match(text, match.start(), end)  # type: ignore[union-attr,misc]

    def _matches_at(self, text: str, candidates: Iterator[int], end: int) -> Iterator[re.Match]:
        free = 0
        by_first = self._by_first
        for position in candidates:
            if position < free:
                continue
            char = text[position]
            regex = by_first[char] if char in by_first else self._rules_beginning(char)
            match = regex.match(text, position, end) if regex else None
            if match and match.end() > position:
                free = match.end()
                yield match

    def _rules_beginning(self, char: str) -> re.Pattern[str] | None:
        """``regex`` without the rules that cannot begin with ``char`` (the rules kept in their
        order, so a match is the one ``regex`` finds), None when no rule can; at each candidate
        position the engine then tries a few rules, not all of them."""
        if char not in self._by_first:
            kept = tuple(
                (name, source)
                for name, source, first in self.alternatives
                if first is None or first.match(char)
            )
            if len(kept) > len(self.alternatives) * DISPATCH_SHARE:
                self._by_first[char] = self.regex
            elif kept:
                names = tuple(name for name, _ in kept)
                if names not in self._by_rules:
                    combined = "|".join(source for _, source in kept)
                    self._by_rules[names] = re.compile(combined, self.regex.flags)
                self._by_first[char] = self._by_rules[names]
            else:
                self._by_first[char] = None
        return self._by_first[char]


# A character whose rules are more than this share of all is tried with the whole regex: a regex of
# most rules costs as much to compile (tens of milliseconds) as it saves on an article or two.
DISPATCH_SHARE = 0.35
_ZERO_WIDTH = {_regex_parser.AT, _regex_parser.ASSERT, _regex_parser.ASSERT_NOT}
_REPEATS = {_regex_parser.MAX_REPEAT, _regex_parser.MIN_REPEAT, _regex_parser.POSSESSIVE_REPEAT}
_CLASSES = {
    _regex_parser.CATEGORY_DIGIT: r"\d",
    _regex_parser.CATEGORY_NOT_DIGIT: r"\D",
    _regex_parser.CATEGORY_SPACE: r"\s",
    _regex_parser.CATEGORY_NOT_SPACE: r"\S",
    _regex_parser.CATEGORY_WORD: r"\w",
    _regex_parser.CATEGORY_NOT_WORD: r"\W",
}


def first_characters(pattern: str, flags: int) -> re.Pattern[str] | None:
    """A one-character regex matching every character a match of ``pattern`` can begin with
    (perhaps more), None when that is any character or the match may be empty."""
    found, may_be_empty = _firsts(_regex_parser.parse(pattern, flags))
    if found is None or may_be_empty or not found:
        return None
    return re.compile(f"[{''.join(sorted(found))}]", flags)


def searched_by_first_character(pattern: str, flags: int) -> str:
    """``pattern`` after a lookahead for the characters its match can begin with, when they are known:
    the same matches, but a search passes over most positions after one test instead of trying
    every branch (and every lookbehind) there."""
    first = first_characters(pattern, flags)
    return f"(?={first.pattern})(?:{pattern})" if first else pattern


def _firsts(items) -> tuple[set[str] | None, bool]:
    """The class items (regex source) a sequence of parsed items can begin with, None for any;
    and whether the sequence may match the empty string."""
    found: set[str] = set()
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if op is _regex_parser.LITERAL:
            return found | {re.escape(chr(av))}, False
        if op is _regex_parser.IN:
            members = _class_items(av)
            return (None if members is None else found | members), False
        if op is _regex_parser.SUBPATTERN or op is _regex_parser.ATOMIC_GROUP:
            alternatives = [av[-1] if op is _regex_parser.SUBPATTERN else av]
        elif op is _regex_parser.BRANCH:
            alternatives = av[1]
        elif op in _REPEATS:
            alternatives = [av[2]]
        else:  # any character, a back reference, a negated literal...
            return None, False
        empty = False
        for alternative in alternatives:
            inner, inner_empty = _firsts(alternative)
            if inner is None:
                return None, False
            found |= inner
            empty = empty or inner_empty
        if op in _REPEATS and av[0] == 0:
            empty = True
        if not empty:
            return found, False
    return found, True


def _class_items(items) -> set[str] | None:
    members = set()
    for op, av in items:
        if op is _regex_parser.LITERAL:
            members.add(re.escape(chr(av)))
        elif op is _regex_parser.RANGE:
            members.add(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is _regex_parser.CATEGORY and av in _CLASSES:
            members.add(_CLASSES[av])
        else:  # a negated class, or one of another kind
            return None
    return members


def _expand(
    template: str,
    fragments: dict[str, str],
    lexicons: dict[str, Lexicon],
    prefix: str,
    groups: list[tuple[str, Lexicon]],
    depth: int = 0,
    capture: bool = True,
) -> str:
    if depth > 10:
        raise ValueError(f"fragments nest too deep in {template!r}")

    def replace(m: re.Match[str]) -> str:
        name = m[1]
        if name in fragments:
            inner = _expand(fragments[name], fragments, lexicons, prefix, groups, depth + 1, capture)
            return f"(?:{inner})"
        if name in lexicons:
            group = f"{prefix}_{len(groups)}"
            groups.append((group, lexicons[name]))
            return f"(?P<{group}>{lexicons[name].regex()})" if capture else f"(?:{lexicons[name].regex()})"
        raise KeyError(f"unknown placeholder {{{name}}} in {template!r}")

    return _PLACEHOLDER.sub(replace, template)


def _lexicons(data: dict) -> dict[str, Lexicon]:
    found = {}
    for name, spec in data.get("lexicon", {}).items():
        found[name] = Lexicon(
            name=name,
            slot=spec.get("slot", name),
            words={fold(k): v for k, v in (spec.get("words", {}) | spec.get("cased_words", {})).items()},
            spellings=tuple(spec.get("words", {})),
            digits=spec.get("digits"),
            case_sensitive=spec.get("case_sensitive", False),
            cased=tuple(spec.get("cased_words", {})),
        )
    return found


def resource_files(lang: str) -> list[Path]:
    return sorted((LANG_DIR / lang).glob("timex*.toml"))


def _word_starts(words: list[str]) -> str:
    """Words (regex fragments) a rule may begin with, grouped by first letter: the scan then tries only
    the words of one letter at each word start, not all of them."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0].lower(), []).append(word)
    body = "|".join(f"(?={re.escape(first)})(?:{'|'.join(group)})" for first, group in sorted(groups.items()))
    return rf"(?<![\w])(?:{body})(?![\w])"


@cache
def grammar(lang: str) -> Grammar:
    """The compiled grammar of ``lang``; raises LookupError when the language has no resources."""
    files = resource_files(lang)
    if not files or not any("[[rule]]" in path.read_text(encoding="utf-8") for path in files):
        raise LookupError(f"no time resources for language {lang!r}")
    data: dict = {"lexicon": {}, "fragment": {}, "rule": [], "settings": {}, "holiday": {}, "name": []}
    for path in files:
        part = tomllib.loads(path.read_text(encoding="utf-8"))
        for key in ("lexicon", "fragment", "settings", "holiday"):
            data[key].update(part.get(key, {}))
        data["rule"].extend(part.get("rule", []))
        data["name"].extend(part.get("name", []))
    lexicons = _lexicons(data)
    rules: dict[str, Rule] = {}
    alternatives = []
    for index, spec in enumerate(data["rule"]):
        outer = f"r{index}"
        groups: list[tuple[str, Lexicon]] = []
        body = _expand(spec["pattern"], data["fragment"], lexicons, outer, groups)
        bare = _expand(spec["pattern"], data["fragment"], lexicons, outer, [], capture=False)
        own = ("name", "pattern", "norm", "type", "contexts", "examples")
        constants = {k: v for k, v in spec.items() if k not in own}
        contexts = tuple((re.compile(c["pattern"], _FLAGS), c["set"]) for c in spec.get("contexts", ()))
        rules[outer] = Rule(
            spec["name"],
            spec.get("norm", "date"),
            spec.get("type", "DATE"),
            constants,
            tuple(groups),
            contexts,
            re.compile(body, _FLAGS),
        )
        alternatives.append((outer, f"(?P<{outer}>{bare})", first_characters(bare, _FLAGS)))
    regex = re.compile("|".join(source for _, source, _ in alternatives), _FLAGS)
    settings = data["settings"]
    future_cues, past_cues, recent_cues = (
        re.compile(settings[key], re.IGNORECASE) if key in settings else None
        for key in ("future_cues", "past_cues", "recent_cues")
    )
    start_patterns = [settings["starts"]] if "starts" in settings else []
    if settings.get("start_words"):
        start_patterns.append(_word_starts(settings["start_words"]))
    # a lookahead: start words may overlap ('year-earlier' holds 'earlier'), and each is a candidate
    starts = re.compile(f"(?=(?:{'|'.join(start_patterns)}))", _FLAGS) if start_patterns else None
    names = [
        f"(?:{_expand(spec['pattern'], data['fragment'], lexicons, 'n', [], capture=False)})"
        for spec in data["name"]
    ]
    names_regex = re.compile("|".join(names), _FLAGS) if names else None
    return Grammar(
        lang,
        regex,
        rules,
        settings,
        data["holiday"],
        future_cues,
        past_cues,
        recent_cues,
        starts,
        names_regex,
        tuple(alternatives),
    )


def slots(rule: Rule, match: re.Match[str]) -> dict:
    """The slot values a match of ``rule`` fills, after the rule's constants."""
    values = dict(rule.constants)
    for group, lexicon in rule.groups:
        matched = match[group]
        if matched is not None and lexicon.slot not in values:
            values[lexicon.slot] = lexicon.value(matched)
    return values
