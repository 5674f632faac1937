"""TempEval-3: TimeML reading and writing, and the task's time expression metrics.

Metrics follow the TempEval-3 scorer: precision counts system expressions that match a gold
one, recall gold expressions matched by a system one (strict: same extent; relaxed: overlap).
Value F1 is the same with a match needing an equal value; type accuracy is over relaxed matches.
The DCT's TIMEX3 lies outside ``<TEXT>`` and is given, so it is not scored.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from extract.evaluate.scoring import overlaps
from extract.evaluate.systems import Tagger, ours
from extract.model import Timex

_TAG = re.compile(r"<(/?)([A-Za-z][\w:.-]*)([^>]*?)(/?)>")
_ATTRIBUTE = re.compile(r'([\w:.-]+)\s*=\s*"([^"]*)"')
_DCT = re.compile(r"<DCT>\s*<TIMEX3([^>]*)>", re.S)
_TEXT_OPEN = "<TEXT>"
_TEXT_CLOSE = "</TEXT>"


@dataclass(frozen=True)
class TimeMLDocument:
    """A TimeML file: what precedes ``<TEXT>`` (kept verbatim), the raw text and its TIMEX3 tags."""

    name: str
    head: str
    text: str
    dct: str | None
    timexes: tuple[Timex, ...]


def _attributes(raw: str) -> dict[str, str]:
    return {k: html.unescape(v) for k, v in _ATTRIBUTE.findall(raw)}


def parse_timeml(source: str, name: str = "") -> TimeMLDocument:
    """The raw text of ``<TEXT>`` (tags stripped, entities decoded) with its TIMEX3 spans."""
    open_at = source.find(_TEXT_OPEN)
    close_at = source.find(_TEXT_CLOSE, open_at)
    if open_at < 0 or close_at < 0:
        raise ValueError(f"{name}: no <TEXT> element")
    dct = _DCT.search(source, 0, open_at)
    body = source[open_at + len(_TEXT_OPEN) : close_at]
    pieces: list[str] = []
    length = 0
    opened: list[tuple[int, dict[str, str]]] = []
    timexes = []
    cursor = 0
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[cursor : m.start()])
        pieces.append(chunk)
        length += len(chunk)
        cursor = m.end()
        if m[2] != "TIMEX3" or m[4]:  # other tags, and empty TIMEX3 (no extent), are not expressions
            continue
        if not m[1]:
            opened.append((length, _attributes(m[3])))
        elif opened:
            start, attributes = opened.pop()
            timexes.append((start, length, attributes))
    pieces.append(html.unescape(body[cursor:]))
    text = "".join(pieces)
    return TimeMLDocument(
        name=name,
        head=source[: open_at + len(_TEXT_OPEN)],
        text=text,
        dct=_attributes(dct[1]).get("value") if dct else None,
        timexes=tuple(
            Timex(start, end, text[start:end], a.get("type", ""), a.get("value", ""), a.get("mod"))
            for start, end, a in sorted(timexes, key=lambda t: (t[0], t[1]))
        ),
    )


def write_timeml(doc: TimeMLDocument, timexes: Sequence[Timex]) -> str:
    """The document with ``timexes`` as its only tags in ``<TEXT>``; what followed it is dropped.

    Overlapping expressions cannot nest in TimeML: the first of them (in text order) is kept.
    """
    used = set(re.findall(r'tid="([^"]*)"', doc.head))
    out = [doc.head]
    cursor = 0
    number = 0
    for t in sorted(timexes, key=lambda t: (t.start, -t.end)):
        if t.start < cursor:
            continue
        number += 1
        while f"t{number}" in used:
            number += 1
        attributes = f'tid="t{number}" type={quoteattr(t.type)} value={quoteattr(t.value)}'
        if t.mod:
            attributes += f" mod={quoteattr(t.mod)}"
        out.append(escape(doc.text[cursor : t.start]))
        out.append(f"<TIMEX3 {attributes}>{escape(doc.text[t.start : t.end])}</TIMEX3>")
        cursor = t.end
    out.append(escape(doc.text[cursor:]))
    out.append(f"{_TEXT_CLOSE}\n\n</TimeML>\n")
    return "".join(out)


def read_corpus(folder: Path) -> list[TimeMLDocument]:
    """Every ``.tml`` file under ``folder``, in name order, named by its path relative to it."""
    return [
        parse_timeml(path.read_text(encoding="utf-8"), path.relative_to(folder).as_posix())
        for path in sorted(folder.rglob("*.tml"))
    ]


def tag_document(doc: TimeMLDocument, tagger: Tagger = ours) -> list[Timex]:
    return tagger(doc.text, doc.dct, "en", None)


def tag_directory(in_dir: Path, out_dir: Path) -> int:
    """Tag every TimeML file under ``in_dir`` and write it with TIMEX3 tags under ``out_dir``."""
    docs = read_corpus(Path(in_dir))
    for doc in docs:
        target = Path(out_dir) / doc.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(write_timeml(doc, tag_document(doc)), encoding="utf-8")
    return len(docs)


@dataclass
class Extent:
    """TempEval-3 counts: system expressions matched, gold expressions matched, and the totals."""

    system_matched: int = 0
    system: int = 0
    gold_matched: int = 0
    gold: int = 0

    def __add__(self, other: Extent) -> Extent:
        return Extent(
            self.system_matched + other.system_matched,
            self.system + other.system,
            self.gold_matched + other.gold_matched,
            self.gold + other.gold,
        )

    @property
    def precision(self) -> float:
        return self.system_matched / self.system if self.system else 0.0

    @property
    def recall(self) -> float:
        return self.gold_matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class TempEvalScore:
    documents: int = 0
    strict: Extent = field(default_factory=Extent)
    relaxed: Extent = field(default_factory=Extent)
    value: Extent = field(default_factory=Extent)
    typed: int = 0  # relaxed gold matches whose best system match has the gold's type
    typed_of: int = 0
    failures: list[dict] = field(default_factory=list)  # relaxed misses, false positives, wrong values

    @property
    def type_accuracy(self) -> float:
        return self.typed / self.typed_of if self.typed_of else 0.0

    def to_json(self, verbose: bool = False) -> dict:
        data = {
            "documents": self.documents,
            "strict": self.strict.to_json(),
            "relaxed": self.relaxed.to_json(),
            "value": self.value.to_json(),
            "type_accuracy": round(self.type_accuracy, 4),
        }
        if verbose:
            data["failures"] = self.failures
        return data


def _extent(gold: Sequence[Timex], system: Sequence[Timex], match) -> Extent:
    return Extent(
        system_matched=sum(1 for s in system if any(match(s, g) for g in gold)),
        system=len(system),
        gold_matched=sum(1 for g in gold if any(match(s, g) for s in system)),
        gold=len(gold),
    )


def _best_match(g: Timex, system: Iterable[Timex]) -> Timex | None:
    """The system expression sharing most characters with ``g`` (an exact extent first)."""
    shared = [
        (min(s.end, g.end) - max(s.start, g.start), (s.start, s.end) == (g.start, g.end), s)
        for s in system
        if overlaps((s.start, s.end), (g.start, g.end))
    ]
    return max(shared, key=lambda x: (x[1], x[0]))[2] if shared else None


def score_document(doc: TimeMLDocument, system: Sequence[Timex]) -> TempEvalScore:
    gold = doc.timexes
    score = TempEvalScore(documents=1)
    score.strict = _extent(gold, system, lambda s, g: (s.start, s.end) == (g.start, g.end))
    score.relaxed = _extent(gold, system, lambda s, g: overlaps((s.start, s.end), (g.start, g.end)))
    score.value = _extent(
        gold, system, lambda s, g: overlaps((s.start, s.end), (g.start, g.end)) and s.value == g.value
    )
    for g in gold:
        best = _best_match(g, system)
        if best is None:
            score.failures.append({"kind": "missed", "file": doc.name, "text": g.text, "gold": g.value})
            continue
        score.typed_of += 1
        score.typed += best.type == g.type
        if best.value != g.value:
            score.failures.append(
                {"kind": "wrong value", "file": doc.name, "text": g.text, "gold": g.value, "got": best.value}
            )
    score.failures += [
        {"kind": "false positive", "file": doc.name, "text": s.text, "got": s.value}
        for s in system
        if not any(overlaps((s.start, s.end), (g.start, g.end)) for g in gold)
    ]
    return score


def evaluate(docs: Sequence[TimeMLDocument], tagger: Tagger = ours) -> TempEvalScore:
    total = TempEvalScore()
    for doc in docs:
        one = score_document(doc, tag_document(doc, tagger))
        total.documents += 1
        total.strict += one.strict
        total.relaxed += one.relaxed
        total.value += one.value
        total.typed += one.typed
        total.typed_of += one.typed_of
        total.failures += one.failures
    return total
