"""Tagger throughput on >= 5 MB of mixed Vietnamese and English news, beside dateparser's search_dates.

Documents are made by recombining the paragraphs of the seeds, the dev set and TempEval-3 (same
language, fixed seed), then each is tagged alone on one core. ``search_dates`` runs on a sample.
Run: ``python benchmarks/bench_tagger.py [--mb 5] [--json]``.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections import defaultdict

from sources import Source, load_sources

from extract.evaluate.systems import dateparser_peer, ours

DOC_BYTES = 4000  # about one news article


def build_corpus(sources: list[Source], megabytes: float, seed: int = 0) -> list[Source]:
    """Documents of about ``DOC_BYTES`` from shuffled paragraphs of one language, to ``megabytes``."""
    rng = random.Random(seed)
    paragraphs: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    for s in sources:
        paragraphs[s.lang] += [(p, s.published) for p in s.text.split("\n") if p.strip()]
    langs = sorted(paragraphs)
    corpus, size = [], 0
    while size < megabytes * 1_000_000:
        lang = langs[len(corpus) % len(langs)]  # alternate languages: a mixed corpus
        parts, published, length = [], None, 0
        while length < DOC_BYTES:
            paragraph, published = rng.choice(paragraphs[lang])
            parts.append(paragraph)
            length += len(paragraph.encode()) + 1
        text = "\n".join(parts)
        corpus.append(Source(text, lang, published))
        size += len(text.encode())
    rng.shuffle(corpus)
    return corpus


def throughput(tagger, docs: list[Source]) -> tuple[float, float, int, float]:
    """(MB/s, seconds, expressions found, MB/s of CPU time) for tagging each document alone. The CPU
    time's rate shows the cost apart from a shared machine's load."""
    size = sum(len(d.text.encode()) for d in docs)
    found = 0
    started, cpu_started = time.perf_counter(), time.process_time()
    for d in docs:
        found += len(tagger(d.text, d.published, d.lang, None))
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    return size / 1_000_000 / seconds, seconds, found, size / 1_000_000 / max(cpu_seconds, 1e-9)


def run(megabytes: float, sample_kb: float) -> dict:
    sources, note = load_sources()
    corpus = build_corpus(sources, megabytes)
    ours_rate, ours_seconds, ours_found, ours_cpu_rate = throughput(ours, corpus)
    sample, size = [], 0
    for d in corpus:  # the corpus is shuffled: its head is a fair sample of both languages
        if size >= sample_kb * 1000:
            break
        sample.append(d)
        size += len(d.text.encode())
    peer_rate, peer_seconds, peer_found, _ = throughput(dateparser_peer(), sample)
    return {
        "sources": note,
        "corpus_mb": round(sum(len(d.text.encode()) for d in corpus) / 1_000_000, 2),
        "documents": len(corpus),
        "languages": sorted({d.lang for d in corpus}),
        "ours_mb_s": round(ours_rate, 3),
        "ours_cpu_mb_s": round(ours_cpu_rate, 3),
        "ours_seconds": round(ours_seconds, 2),
        "ours_expressions": ours_found,
        "dateparser_sample_mb": round(size / 1_000_000, 3),
        "dateparser_mb_s": round(peer_rate, 4),
        "dateparser_seconds": round(peer_seconds, 2),
        "dateparser_expressions": peer_found,
        "ratio": round(ours_rate / peer_rate, 1) if peer_rate else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0, help="corpus size in MB (at least 5 for the target)")
    parser.add_argument("--sample-kb", type=float, default=300.0, help="text given to search_dates")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = run(args.mb, args.sample_kb)
    if args.json:
        print(json.dumps(result))
        return
    print(f"corpus: {result['corpus_mb']} MB, {result['documents']} documents ({result['sources']})")
    print(
        f"tag:          {result['ours_mb_s']} MB/s "
        f"({result['ours_seconds']} s, {result['ours_expressions']} found; "
        f"{result['ours_cpu_mb_s']} MB/s of CPU time)"
    )
    print(
        f"search_dates: {result['dateparser_mb_s']} MB/s on {result['dateparser_sample_mb']} MB "
        f"({result['dateparser_seconds']} s)"
    )
    print(f"ratio: {result['ratio']}x")


if __name__ == "__main__":
    main()
