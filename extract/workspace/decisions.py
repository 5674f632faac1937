"""The analyst's decisions, checked, and the curated timeline they make of an extraction.

A decision is one row of the append-only edit log. The curated timeline is never stored: it is the
extraction with every decision still in force applied in log order (``fold``), so undoing any
decision, or taking a new extraction, is applying the log again.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass, field, replace
from typing import Any

from extract.categories import categories
from extract.model import Event, Source
from extract.period import period
from extract.workspace.anchors import SourceIndex, SourceKey

ACTIONS = ("edit", "hide", "unhide", "merge", "split", "note", "bookmark", "unbookmark", "review", "undo")
EDITABLE = ("title", "date", "precision", "mod", "status", "actors", "category", "tone", "relevance")
TONES = ("cooperation", "conflict", "neutral")
STATUSES = ("happened", "scheduled")  # a schedule that came to pass is marked happened by hand
MODS = ("START", "MID", "END", "APPROX", "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "EQUAL_OR_LESS",
        "EQUAL_OR_MORE", "LESS_THAN", "MORE_THAN")  # fmt: skip
_CHANGES = frozenset({"edit", "merge", "split"})  # what makes an event 'edited', beyond 'reviewed'
MAX_TEXT = 10_000  # a title or a note longer than this is a paste gone wrong


class DecisionError(ValueError):
    """A decision that cannot be taken: an unknown event, a date that is no TIMEX3 value ..."""


@dataclass(frozen=True)
class Decision:
    """One row of the edit log. ``anchors`` holds one list of source anchors per event concerned
    (a merge names two or more); ``undoes`` is the uid of the decision an 'undo' cancels."""

    seq: int
    uid: str
    at: str
    author: str
    action: str
    anchors: list[list[dict]]
    payload: dict[str, Any]
    undoes: str | None = None


def checked_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """The fields of an 'edit', normalised; DecisionError names the first one that is wrong."""
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise DecisionError(f"cannot edit {', '.join(sorted(unknown))}; editable: {', '.join(EDITABLE)}")
    if not fields:
        raise DecisionError("an edit needs at least one field")
    out: dict[str, Any] = {}
    if "title" in fields:
        out["title"] = _text(fields["title"], "title")
    if "date" in fields:
        value = fields["date"]
        p = period(value) if isinstance(value, str) else None
        if p is None or p.precision == "unknown":
            raise DecisionError(f"{value!r} is not a TIMEX3 date value (2024-01-24, 2024-Q3, 2021 ...)")
        if fields.get("precision") not in (None, p.precision):
            raise DecisionError(f"{value!r} has precision {p.precision}, not {fields['precision']}")
        out["date"] = value
        out["precision"] = p.precision
        out["start"] = p.start.isoformat() if p.start else None
        out["end"] = p.end.isoformat() if p.end else None
    elif "precision" in fields:
        raise DecisionError("the precision follows from the date: edit the date")
    if "mod" in fields:
        if fields["mod"] not in (None, *MODS):
            raise DecisionError(f"mod must be one of {', '.join(MODS)} or none")
        out["mod"] = fields["mod"]
    if "status" in fields:
        if fields["status"] not in STATUSES:
            raise DecisionError(f"status must be one of {', '.join(STATUSES)}")
        out["status"] = fields["status"]
    if "actors" in fields:
        actors = fields["actors"]
        if not isinstance(actors, list | tuple) or not all(isinstance(a, str) for a in actors):
            raise DecisionError("actors must be a list of names")
        out["actors"] = list(dict.fromkeys(a.strip() for a in actors if a.strip()))
    if "category" in fields:
        category = categories().get(fields["category"])
        if category is None:
            raise DecisionError(f"unknown category {fields['category']!r}; known: {', '.join(categories())}")
        out["category"] = category.name
        out["goldstein"] = category.goldstein
        out["tone"] = category.tone  # the category's tone unless the same edit sets one
    if "tone" in fields:
        if fields["tone"] not in TONES:
            raise DecisionError(f"tone must be one of {', '.join(TONES)}")
        out["tone"] = fields["tone"]
    if "relevance" in fields:
        relevance = fields["relevance"]
        if isinstance(relevance, bool) or not isinstance(relevance, int | float) or not 0 <= relevance <= 1:
            raise DecisionError("relevance must be a number from 0 to 1 (0: not about US-Iraq)")
        if math.isnan(relevance):
            raise DecisionError("relevance must be a number from 0 to 1")
        out["relevance"] = float(relevance)
    return out


def checked_note(text: Any) -> str:
    return _text(text, "note")


def _text(value: Any, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise DecisionError(f"the {what} must be some text")
    if len(value) > MAX_TEXT:
        raise DecisionError(f"the {what} is longer than {MAX_TEXT:,} characters")
    return " ".join(value.split()) if what == "title" else value.strip()


def in_force(decisions: list[Decision], *, undos: bool = False) -> list[Decision]:
    """The decisions not cancelled, in log order (with ``undos``, the undos in force too). An undo
    cancels its target unless it is itself undone (undoing an undo redoes), so the log is read
    backwards: later rows decide about earlier ones."""
    cancelled: set[str] = set()
    kept = []
    for decision in reversed(decisions):
        if decision.uid in cancelled:
            continue
        if decision.action == "undo":
            if decision.undoes:
                cancelled.add(decision.undoes)
            if not undos:
                continue
        kept.append(decision)
    kept.reverse()
    return kept


@dataclass
class _Group:
    """A curated event while the log is applied."""

    lead: Event
    keys: list[SourceKey]
    fields: dict[str, Any] = field(default_factory=dict)
    hidden: bool = False
    bookmarked: bool = False
    reviewed: bool = False
    edited: bool = False
    notes: list[dict] = field(default_factory=list)
    decisions: list[int] = field(default_factory=list)
    absorbed: bool = False  # merged into another group


@dataclass
class Curated:
    """The curated timeline and how each decision fared."""

    events: list[Event]  # every curated event, hidden ones too (``extra['curation']['hidden']``)
    applied_to: dict[int, str]  # decision seq -> id of the event it now concerns
    moved: list[Decision]  # applied, but to a passage found by its content at new offsets
    orphans: list[Decision]  # in force, but no source it names is in this extraction


def curation(event: Event) -> dict[str, Any]:
    """An event's curation state: reviewed, edited, hidden, bookmarked, notes, decisions (seqs)."""
    return event.extra.get("curation") or {
        "reviewed": False,
        "edited": False,
        "hidden": False,
        "bookmarked": False,
        "notes": [],
        "decisions": [],
    }


def fold(events: list[Event], index: SourceIndex, decisions: list[Decision]) -> Curated:
    """The extraction ``events`` with the ``decisions`` in force applied in log order."""
    folding = Folding(events, index)
    for decision in in_force(decisions):
        folding.apply(decision)
    return folding.curated()


class Folding:
    """The curated timeline being made of one extraction, decision after decision.

    A decision logged after those applied, and not an undo (which changes what is in force before
    it), is applied on top: ``apply`` then ``curated`` give what ``fold`` of the whole log would,
    and only the events that decision touched are made again."""

    def __init__(self, events: list[Event], index: SourceIndex) -> None:
        self.events = events
        self.index = index
        self.groups: dict[str, _Group] = {}  # only the events a decision touched
        self.owner: dict[SourceKey, str] = {}  # sources whose event a merge or split changed
        self.order: dict[str, float] = {}  # where a split-off event stands: right after its first event
        self.applied_to: dict[int, str] = {}
        self.moved: list[Decision] = []
        self.orphans: list[Decision] = []
        self._made: dict[str, Event] = {}  # curated events of the groups no decision changed since

    def apply(self, decision: Decision) -> None:
        """One decision in force, after those applied so far."""
        if decision.action == "merge":
            gids = [self._resolve(anchors, decision) for anchors in decision.anchors]
            distinct = list(dict.fromkeys(g for g in gids if g))
            if None in gids:
                self.orphans.append(decision)
            if len(distinct) < 2:
                if distinct:
                    self.applied_to[decision.seq] = distinct[0]
                return
            lead = self.groups[distinct[0]]
            for gid in distinct[1:]:
                other = self.groups[gid]
                other.absorbed = True
                _join(lead, other)
                for key in other.keys:
                    self.owner[key] = distinct[0]
            _touch(lead, decision, changed=True)
            self.applied_to[decision.seq] = distinct[0]
            self._changed(*distinct)
            return
        gid = self._resolve(decision.anchors[0] if decision.anchors else [], decision)
        if gid is None:
            self.orphans.append(decision)
            return
        if decision.action == "split":
            self._changed(gid)
            gid = self._split(gid, decision)
        _apply(self.groups[gid], decision)
        self.applied_to[decision.seq] = gid
        self._changed(gid)

    def curated(self) -> Curated:
        return Curated(self._output(), dict(self.applied_to), list(self.moved), list(self.orphans))

    def _group_of(self, key: SourceKey) -> str:
        gid = self.owner.get(key)
        if gid is None:
            base = self.events[self.index.by_key[key][0]]
            gid = base.id
            if gid not in self.groups:
                self.groups[gid] = _Group(base, [_key(s) for s in base.sources])
        return gid

    def _resolve(self, anchors: list[dict], decision: Decision) -> str | None:
        for item in anchors:
            found = self.index.resolve(item)
            if found:
                if found[1] == "moved" and (not self.moved or self.moved[-1] is not decision):
                    self.moved.append(decision)
                return self._group_of(found[0])
        return None

    def _split(self, gid: str, decision: Decision) -> str:
        """The source the split names becomes an event of its own, with its event's fields so far."""
        group = self.groups[gid]
        found = self.index.resolve(decision.anchors[0][0])
        assert found is not None  # _resolve() found it a moment ago
        key = found[0]
        if len(group.keys) == 1:
            return gid  # already alone: nothing to split off
        group.keys.remove(key)
        new_id = "split-" + hashlib.sha1(repr(key).encode("utf-8")).hexdigest()[:12]
        self.groups[new_id] = _Group(group.lead, [key], fields=dict(group.fields), hidden=group.hidden)
        self.owner[key] = new_id
        _touch(group, decision, changed=True)
        by_key = self.index.by_key
        first = by_key[group.keys[0]][0] if group.keys[0] in by_key else len(self.events)
        self.order[new_id] = first + 0.5
        return new_id

    def _changed(self, *gids: str) -> None:
        for gid in gids:
            self._made.pop(gid, None)

    def _output(self) -> list[Event]:
        after: dict[int, list[str]] = {}  # split-off events, by the position they follow
        for gid, position in sorted(self.order.items(), key=lambda item: item[1]):
            if not self.groups[gid].absorbed:
                after.setdefault(int(position), []).append(gid)
        groups = self.groups
        out: list[Event] = []
        for n, event in enumerate(self.events):
            group = groups.get(event.id)
            if group is None:
                out.append(event)  # untouched: the extractor's own object
            elif not group.absorbed:
                out.append(self._event(event.id))
            for gid in after.get(n, ()):
                out.append(self._event(gid))
        for gid in after.get(len(self.events), ()):
            out.append(self._event(gid))
        return out

    def _event(self, gid: str) -> Event:
        made = self._made.get(gid)
        if made is None:
            made = self._made[gid] = _curated(gid, self.groups[gid], self.events, self.index)
        return made


def _key(source: Source) -> SourceKey:
    return (source.file, source.passage_start, source.passage_end, source.timex_start, source.timex_end)


def _apply(group: _Group, decision: Decision) -> None:
    action = decision.action
    if action == "edit":
        group.fields.update(decision.payload["fields"])
    elif action in ("hide", "unhide"):
        group.hidden = action == "hide"
    elif action in ("bookmark", "unbookmark"):
        group.bookmarked = action == "bookmark"
    elif action == "note":
        text = decision.payload["text"]
        group.notes.append({"seq": decision.seq, "author": decision.author, "at": decision.at, "text": text})
    _touch(group, decision, changed=action in _CHANGES)


def _touch(group: _Group, decision: Decision, *, changed: bool) -> None:
    group.reviewed = True
    group.edited = group.edited or changed
    group.decisions.append(decision.seq)


def _join(lead: _Group, other: _Group) -> None:
    """``other``'s sources, actors, notes and bookmark join ``lead``, whose other fields stand; one of
    them told as done makes the whole done (a schedule kept)."""
    lead.keys.extend(k for k in other.keys if k not in lead.keys)
    actors = lead.fields.get("actors", lead.lead.actors)
    joined = list(dict.fromkeys([*actors, *other.fields.get("actors", other.lead.actors)]))
    if joined != actors:
        lead.fields["actors"] = joined
    lead.fields["relevance"] = max(
        lead.fields.get("relevance", lead.lead.relevance), other.fields.get("relevance", other.lead.relevance)
    )
    if (
        other.fields.get("status", other.lead.status)
        == "happened"
        != lead.fields.get("status", lead.lead.status)
    ):
        lead.fields["status"] = "happened"
    lead.notes.extend(other.notes)
    lead.bookmarked = lead.bookmarked or other.bookmarked
    lead.decisions.extend(other.decisions)


def _curated(gid: str, group: _Group, events: list[Event], index: SourceIndex) -> Event:
    sources = [events[e].sources[s] for e, s in map(index.by_key.__getitem__, group.keys)]
    members = sorted(sources, key=lambda s: (s.file, s.passage_start, s.timex_start))
    extra = dict(group.lead.extra)
    extra["articles"] = len({s.file for s in members})  # a merge or a split changed the count
    extra["outlets"] = len({s.outlet for s in members if s.outlet})
    extra["curation"] = {
        "reviewed": group.reviewed,
        "edited": group.edited,
        "hidden": group.hidden,
        "bookmarked": group.bookmarked,
        "notes": list(group.notes),
        "decisions": list(group.decisions),
    }
    return replace(group.lead, id=gid, sources=members, extra=extra, **group.fields)
