"""Key-date evaluation on T17 (``../shared/t17/<topic>/``): Date-F1 and alignment ROUGE-1.

Each topic is built article by article (a crash in one article skips that article, counted),
then ranked by ``extract.keydates`` (given each article's day mentions, as ``write_key_dates``
tags them) and by two baselines through the same harness:
publication dates ranked by article count, and mentioned dates (day time expressions of the
articles) ranked by mention count. K is the number of dates in the topic's gold timeline.

Date-F1 follows tilse (``tilse/evaluation/dates.py``, used by news-tls' ``evaluate.py``):
precision and recall of the set of predicted days against the set of gold days, F1 their
harmonic mean. The summaries are scored like tilse's ``align_date_costs`` /
``concat``-free alignment in news-tls' ``evaluation.py`` ("alignment-based ROUGE", Martschat and
Markert 2017): each predicted date is aligned to the gold date at the smallest distance (one to
one, nearest first), and ROUGE-1 of the aligned summaries is discounted by 1 / (days apart + 1);
precision sums over predicted dates, recall over gold dates. ROUGE itself is ``rouge-score``.

This module is evaluation only: the extractor never imports it.
"""

from __future__ import annotations

import json
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from extract.model import Document, Event, Metadata

TOPICS_FOLDER = "t17"


@dataclass
class Topic:
    """A T17 topic built by the extractor, with what the baselines need."""

    name: str
    documents: list[Document]
    events: list[Event]
    mentions: dict[str, list[str]]  # file -> day values of its time expressions
    gold: dict[str, list[str]]  # gold day -> the editor's summary sentences
    skipped: list[str] = field(default_factory=list)


def _build_article(path: Path, meta: Metadata | None) -> tuple[Document, list[Event], list[str]]:
    """The pipeline's steps for one article (``process_text``), keeping its day expressions."""
    from extract import language
    from extract.clean import clean
    from extract.events import build_events
    from extract.keydates import mentioned_days
    from extract.read import read_article
    from extract.sentences import split
    from extract.timex import tag_document

    text, page = read_article(path)
    doc = clean(path.name, text, meta or page)
    if not doc.meta.language:
        doc = replace(doc, meta=replace(doc.meta, language=language.detect(text)))
    timexes = tag_document(doc, doc.meta.language or "en")
    return doc, build_events(doc, split(doc), timexes), mentioned_days(timexes)


def _is_day(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


def build_topic(
    folder: Path, cache: Path | None = None, progress: Callable[[str], None] | None = None
) -> Topic:
    """The topic in ``folder`` built (or read from ``cache``/<name> when built before)."""
    from extract.manifest import read_manifest
    from extract.merge import merge
    from extract.store import load, save

    name = folder.name
    gold = json.loads((folder / "gold_timeline.json").read_text(encoding="utf-8"))["dates"]
    saved = cache / name if cache else None
    if saved and (saved / "events.json").is_file() and (saved / "mentions.json").is_file():
        documents, events = load(saved / "events.json")
        extra = json.loads((saved / "mentions.json").read_text(encoding="utf-8"))
        return Topic(name, documents, events, extra["mentions"], gold, extra["skipped"])
    manifest = read_manifest(folder / "manifest.csv")
    documents: list[Document] = []
    events: list[Event] = []
    mentions: dict[str, list[str]] = {}
    skipped: list[str] = []
    for path in sorted((folder / "articles").glob("*.txt")):
        try:
            doc, doc_events, days = _build_article(path, manifest.get(path.name))
        except Exception:  # noqa: BLE001 - one article's crash must not lose the topic
            skipped.append(f"{path.name}: {traceback.format_exc(limit=1).splitlines()[-1]}")
            continue
        documents.append(doc)
        events.extend(doc_events)
        mentions[doc.file] = days
    if progress:
        progress(f"{name}: {len(documents)} articles built, {len(skipped)} skipped")
    topic = Topic(name, documents, merge(events), mentions, gold, skipped)
    if saved:
        save(saved, topic.documents, topic.events)
        extra = {"mentions": mentions, "skipped": skipped}
        (saved / "mentions.json").write_text(json.dumps(extra), encoding="utf-8")
    return topic


def date_f1(predicted: list[str], gold: list[str]) -> dict:
    """tilse's ``evaluate_dates``: precision, recall and F1 of the predicted set of days."""
    shared = len(set(predicted) & set(gold))
    precision = shared / len(set(predicted)) if predicted else 0.0
    recall = shared / len(set(gold)) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if shared else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def _top(counts: dict[str, float], k: int, span: tuple[str, str] | None) -> list[str]:
    kept = [d for d in counts if span is None or span[0] <= d <= span[1]]
    return sorted(kept, key=lambda d: (-counts[d], d))[:k]


def publication_baseline(topic: Topic) -> dict[str, float]:
    """Publication days ranked by how many articles appeared on them."""
    return dict(
        Counter(
            d.meta.published[:10]
            for d in topic.documents
            if d.meta.published and _is_day(d.meta.published[:10])
        )
    )


def mention_baseline(topic: Topic) -> dict[str, float]:
    """Days ranked by how many times the articles' time expressions name them."""
    return dict(Counter(day for days in topic.mentions.values() for day in days))


def _align(predicted: list[str], gold: list[str]) -> list[tuple[str, str]]:
    """One-to-one alignment of predicted and gold days, nearest pairs first.

    tilse's ``align_date_costs`` solves this assignment exactly (cost 1 - 1/(days apart + 1));
    taking the nearest free pair first gives the same pairs when no two pairs compete, and
    keeps SciPy out of the dependencies.
    """
    pairs = sorted(
        (abs((date.fromisoformat(p) - date.fromisoformat(g)).days), p, g) for p in predicted for g in gold
    )
    used_p: set[str] = set()
    used_g: set[str] = set()
    aligned = []
    for _, p, g in pairs:
        if p not in used_p and g not in used_g:
            aligned.append((p, g))
            used_p.add(p)
            used_g.add(g)
    return aligned


def alignment_rouge1(predicted: dict[str, str], gold: dict[str, list[str]]) -> dict:
    """Alignment-based ROUGE-1 (tilse's 'align', Martschat and Markert 2017) with ``rouge-score``.

    Each aligned pair adds its unigram overlap discounted by 1 / (days apart + 1); precision
    divides by every predicted summary's tokens, recall by every gold summary's (micro average,
    as tilse). rouge-score stems but keeps stopwords, where tilse's ROUGE-1.5.5 drops them.
    """
    from rouge_score import rouge_scorer, tokenizers

    scorer = rouge_scorer.RougeScorer(["rouge1"], use_stemmer=True)
    tokenizer = tokenizers.DefaultTokenizer(use_stemmer=True)
    gold_text = {d: " ".join(sentences) for d, sentences in gold.items()}
    pred_tokens = sum(len(tokenizer.tokenize(text)) for text in predicted.values())
    gold_tokens = sum(len(tokenizer.tokenize(text)) for text in gold_text.values())
    overlap = 0.0
    for p, g in _align(list(predicted), list(gold)):
        score = scorer.score(gold_text[g], predicted[p])["rouge1"]
        discount = 1 / (abs((date.fromisoformat(p) - date.fromisoformat(g)).days) + 1)
        overlap += discount * score.precision * len(tokenizer.tokenize(predicted[p]))
    precision = overlap / pred_tokens if pred_tokens else 0.0
    recall = overlap / gold_tokens if gold_tokens else 0.0
    f1 = 2 * precision * recall / (precision + recall) if overlap else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


SYSTEMS = ("ours", "publication_count", "mention_count")


def evaluate_topic(topic: Topic, span: bool = False) -> dict:
    """Date-F1 of ours and of both baselines, and our summaries' alignment ROUGE-1, on one topic.

    With ``span`` the candidates are kept to the gold timeline's first to last day (news-tls'
    protocol for T17, ``get_input_time_span`` with no extension)."""
    from extract.keydates import key_dates

    gold_days = sorted(topic.gold)
    k = len(gold_days)
    window = (gold_days[0], gold_days[-1]) if span else None
    published = [d.meta.published for d in topic.documents]
    mentions = [(d.meta.published, topic.mentions.get(d.file, [])) for d in topic.documents]
    ours = key_dates(topic.events, published, k, between=window, mentions=mentions)
    predicted = {
        "ours": [kd.date for kd in ours],
        "publication_count": _top(publication_baseline(topic), k, window),
        "mention_count": _top(mention_baseline(topic), k, window),
    }
    return {
        "k": k,
        "articles": len(topic.documents),
        "skipped": len(topic.skipped),
        "date_f1": {name: date_f1(days, gold_days) for name, days in predicted.items()},
        "rouge1": alignment_rouge1({kd.date: kd.summary for kd in ours}, topic.gold),
    }


def _mean(values: list[float]) -> float:
    return round(sum(values) / len(values), 4) if values else 0.0


def run(shared: Path, cache: Path | None = None, progress: Callable[[str], None] | None = None) -> dict:
    """Figures for every topic of ``shared/t17`` (all days, and within the gold span)."""
    started = time.perf_counter()
    folders = sorted(p for p in (shared / TOPICS_FOLDER).iterdir() if (p / "gold_timeline.json").is_file())
    figures: dict = {"topics": {}, "within_span": {}}
    for folder in folders:
        topic = build_topic(folder, cache, progress)
        figures["topics"][topic.name] = evaluate_topic(topic)
        figures["within_span"][topic.name] = evaluate_topic(topic, span=True)
    for setting in ("topics", "within_span"):
        rows = figures[setting].values()
        figures[f"mean_{setting}"] = {
            "date_f1": {s: _mean([r["date_f1"][s]["f1"] for r in rows]) for s in SYSTEMS},
            "rouge1": _mean([r["rouge1"]["f1"] for r in rows]),
        }
    figures["seconds"] = round(time.perf_counter() - started, 1)
    return figures


def render(figures: dict) -> str:
    """The per-topic table: Date-F1 of ours and the baselines, ROUGE-1 of our summaries."""
    lines = []
    for setting, title in (("topics", "all days"), ("within_span", "within the gold span (news-tls)")):
        lines.append(f"T17 key dates, {title}: Date-F1 ours / publication count / mention count, ROUGE-1 F1")
        for name, row in figures[setting].items():
            f1s = " / ".join(f"{row['date_f1'][s]['f1']:.3f}" for s in SYSTEMS)
            lines.append(f"  {name:<8} K={row['k']:<3} {f1s}   {row['rouge1']['f1']:.3f}")
        mean = figures[f"mean_{setting}"]
        f1s = " / ".join(f"{mean['date_f1'][s]:.3f}" for s in SYSTEMS)
        lines.append(f"  {'mean':<14} {f1s}   {mean['rouge1']:.3f}")
    return "\n".join(lines)


def main(shared: Path, cache: Path | None = None) -> int:
    if not (shared / TOPICS_FOLDER).is_dir():
        print(f"error: missing {shared / TOPICS_FOLDER}", file=sys.stderr)
        return 2
    print(render(run(shared, cache, progress=lambda m: print(m, file=sys.stderr))))
    return 0


if __name__ == "__main__":  # python -m extract.evaluate.keydates SHARED [CACHE]
    raise SystemExit(main(Path(sys.argv[1]), Path(sys.argv[2]) if len(sys.argv) > 2 else None))
