"""Running every evaluation and collecting its figures as one JSON-ready dict."""

from __future__ import annotations

from pathlib import Path

from extract.evaluate import duckling, keydates, own_articles, realnews, tempeval
from extract.evaluate.gold import GoldSet, SystemResult, evaluate_gold_set
from extract.evaluate.systems import OURS, PEER, Tagger, dateparser_peer, ours

PROJECT_SEEDS = Path(__file__).resolve().parents[2] / "seeds"
DUCKLING_REFERENCE = "2017-02-02T03:55"  # the corpus's reference time, to the minute


class MissingData(Exception):
    """The shared data folder lacks what the evaluation needs; the message is one line."""


def gold_sets(shared: Path) -> list[GoldSet]:
    seeds = PROJECT_SEEDS if PROJECT_SEEDS.is_dir() else shared / "seeds"
    return [
        GoldSet("seeds", shared / "gold" / "seeds.json", seeds, seeds / "manifest.csv"),
        GoldSet(
            "dev", shared / "dev" / "gold.json", shared / "dev" / "articles", shared / "dev" / "manifest.csv"
        ),
    ]


def gold_figures(result: SystemResult, verbose: bool) -> dict:
    timex = result.timex
    data: dict = {
        "timex": {
            "relaxed": timex.relaxed.to_json(),
            "strict": timex.strict.to_json(),
            "value": timex.value.to_json(),
        },
        "traps_hit": result.traps,
        "boilerplate_fps": result.boilerplate,
    }
    if result.events is not None:
        events = result.events
        data["events"] = {
            "lenient": events.lenient.to_json(),
            "strict": events.strict.to_json(),
            "boilerplate_leaks": events.leaks,
            "agreement": events.agreement(),
        }
    if verbose:
        data["failures"] = result.failures
    return data


def run_all(
    shared: Path,
    baseline: bool = False,
    verbose: bool = False,
    realnews_per_topic: int | None = 0,
    realnews_out: Path | None = None,
    keydates_on: bool = False,
    keydates_cache: Path | None = None,
) -> dict:
    """Figures of every evaluation whose data is present; ``MissingData`` when the gold files are not.

    ``realnews_per_topic``: 0 leaves the T17 real-news report out (it takes minutes), None builds
    every article of each topic, N a sample of N articles per topic. ``keydates_on`` ranks the key
    dates of every T17 topic (built into ``keydates_cache``/<topic> once, when given).
    """
    sets = gold_sets(shared)
    absent = [str(s.gold) for s in sets if not s.gold.is_file()]
    absent += [str(s.articles) for s in sets if not s.articles.is_dir()]
    if absent:
        raise MissingData(f"missing {', '.join(absent)} (give the shared data folder with --shared DIR)")
    taggers: dict[str, Tagger] = {OURS: ours}
    if baseline:
        taggers[PEER] = dateparser_peer()
    figures: dict = {"systems": list(taggers), "gold": {}, "skipped": []}
    overall = dict.fromkeys(taggers, SystemResult())
    for gold_set in sets:
        results = evaluate_gold_set(gold_set, taggers)
        figures["gold"][gold_set.name] = {name: gold_figures(r, verbose) for name, r in results.items()}
        overall = {name: overall[name] + results[name] for name in taggers}
    figures["gold"]["overall"] = {name: gold_figures(r, verbose) for name, r in overall.items()}

    phrases = shared / "peer-tests" / "duckling_vi_time.json"
    if phrases.is_file():
        peers = {OURS: ours} | ({PEER: dateparser_peer(with_time=True)} if baseline else {})
        figures["duckling"] = {
            name: duckling.evaluate_phrases(phrases, tagger, DUCKLING_REFERENCE).to_json(verbose)
            for name, tagger in peers.items()
        }
    else:
        figures["skipped"].append(str(phrases))

    figures["own_articles"] = {
        "manifest": own_articles.figures(own_articles.run(with_manifest=True)),
        "no_manifest": own_articles.figures(own_articles.run(with_manifest=False)),
    }

    corpus = shared / "tempeval3" / "train"
    if corpus.is_dir():
        docs = tempeval.read_corpus(corpus)
        figures["tempeval"] = {
            name: tempeval.evaluate(docs, tagger).to_json(verbose) for name, tagger in taggers.items()
        }
    else:
        figures["skipped"].append(str(corpus))

    t17 = shared / "t17"
    if realnews_per_topic == 0:
        pass
    elif t17.is_dir():
        figures["realnews"] = realnews.run(t17, per_topic=realnews_per_topic, save_to=realnews_out)
    else:
        figures["skipped"].append(str(t17))

    if keydates_on and t17.is_dir():  # T17's key dates: Date-F1 against two baselines, ROUGE-1
        figures["keydates"] = keydates.run(shared, keydates_cache)
    elif keydates_on:
        figures["skipped"].append(str(t17))
    return figures
