"""Source texts for the benchmarks: the seeds, the dev articles and TempEval-3's texts (no network).

Without ``../shared`` only the seeds are available; ``note`` says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from extract.evaluate.tempeval import read_corpus
from extract.manifest import read_manifest
from extract.read import read_article

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[\"“(]?[A-ZÀ-Ỹ])")


@dataclass(frozen=True)
class Source:
    text: str
    lang: str
    published: str | None


def _articles(folder: Path, manifest: Path) -> list[Source]:
    meta = read_manifest(manifest) if manifest.is_file() else {}
    found = []
    for path in sorted(folder.glob("*.txt")):
        text, _ = read_article(path)
        m = meta.get(path.name)
        found.append(Source(text, (m.language if m else None) or "vi", m.published if m else None))
    return found


def load_sources(shared: Path = SHARED, with_tempeval: bool = True) -> tuple[list[Source], str]:
    """The source texts (seeds, dev set, TempEval-3's if asked), and a note naming what was used."""
    sources = _articles(ROOT / "seeds", ROOT / "seeds" / "manifest.csv")
    if not (shared / "dev" / "articles").is_dir():
        return sources, f"seeds only ({shared} is absent)"
    sources += _articles(shared / "dev" / "articles", shared / "dev" / "manifest.csv")
    corpus = shared / "tempeval3" / "train"
    timeml = read_corpus(corpus) if with_tempeval and corpus.is_dir() else []
    sources += [Source(doc.text, "en", doc.dct) for doc in timeml]
    return sources, f"seeds, dev set and {len(timeml)} TempEval-3 texts"


def sentences(text: str) -> list[str]:
    """Sentences of the non-blank lines of ``text`` (a rough split: enough to recombine news)."""
    return [
        s.strip()
        for line in text.splitlines()
        if line.strip()
        for s in _SENTENCE_END.split(line)
        if s.strip()
    ]
