"""Regression test on the project's own articles (``tests/own_articles/``, development data).

``tests/own_articles/expected.json`` was written by hand before the extractor first ran on these
articles; their errors have since been used to fix the code. They are scored with the gold set's
matching rules (``extract.evaluate.scoring``), with
thresholds the system meets with some margin: a regression test, not a fitted answer.
"""

from __future__ import annotations

from functools import cache

import pytest

from extract.evaluate.own_articles import ARTICLES, Findings, expected, run
from extract.evaluate.scoring import actors_agree
from extract.pipeline import build


@cache
def findings_of(with_manifest: bool) -> Findings:
    found = run(with_manifest)
    assert not found.errors
    return found


@pytest.fixture(scope="module", params=[True, False], ids=["manifest", "no-manifest"])
def findings(request: pytest.FixtureRequest) -> Findings:
    return findings_of(request.param)


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def test_every_article_is_read() -> None:
    timeline = build([ARTICLES])
    assert not timeline.errors
    assert sorted(d.file for d in timeline.documents) == sorted(doc["file"] for doc in expected())


def test_events_are_found(findings: Findings) -> None:
    lenient, strict = findings.score.lenient, findings.score.strict
    assert lenient.recall >= 0.90, [g.id for g in findings.score.missed]
    assert lenient.precision >= 0.90, [(p.date, p.title) for p in findings.score.false_positives]
    assert f1(strict.precision, strict.recall) >= 0.85


def test_no_boilerplate_leaks(findings: Findings) -> None:
    assert findings.score.leaks == 0


def test_no_forbidden_dates(findings: Findings) -> None:
    assert findings.forbidden == []


def test_no_events_from_states_or_traps(findings: Findings) -> None:
    assert findings.not_events == []


def test_publication_dates_from_the_page(findings: Findings) -> None:
    assert findings.published == []


def test_actors_and_categories_mostly_agree(findings: Findings) -> None:
    pairs = findings.score.pairs
    assert sum(actors_agree(p.actors, g.actors) for g, p in pairs) >= 0.85 * len(pairs)
    assert sum(p.category == g.category for g, p in pairs) >= 0.65 * len(pairs)
