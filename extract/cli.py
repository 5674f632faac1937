"""Command line: ``python -m extract build|timex|eval|sample|tempeval`` (also ``timeline``)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from extract.read import InputError

EXIT_NOTHING_READ = 1  # nothing written: the previous output stays
EXIT_USAGE = 2  # a bad argument or manifest
EXIT_SOME_SKIPPED = 3  # the output was written without the files reported on stderr
EXIT_INTERRUPTED = 130  # Ctrl-C: the previous output stays
EXIT_CODES = """exit codes: 0 every article read; 1 no article read (previous output kept);
2 bad arguments; 3 output written, some files skipped (one line each on stderr);
130 interrupted (previous output kept)"""


def _build(args: argparse.Namespace) -> int:
    from extract.incremental import MERGE_STATE, state_bytes
    from extract.manifest import read_manifest
    from extract.pipeline import build
    from extract.store import collector_paused, save, write_atomic

    manifest = read_manifest(args.manifest, warn=_warn) if args.manifest else None
    cache = None if args.no_cache else (args.cache or args.out / ".cache")
    timeline = build(
        args.articles,
        manifest,
        jobs=args.jobs,
        progress=_warn,
        cache_dir=cache,
        engine=args.engine,
        scheduler=args.scheduler,
        merge_state=None if args.no_cache else args.out / MERGE_STATE,
    )
    if not timeline.documents:
        _warn(f"no article could be read; {args.out} is left as it was")
        return EXIT_NOTHING_READ
    with collector_paused():  # what is written is all kept: walking the timeline again is waste
        save(args.out, timeline.documents, timeline.events)
        _write_key_dates(args.out, timeline.documents, timeline.events, mentions=timeline.mentions)
        if timeline.merge_state:  # after the output: a state describes its own articles, either is usable
            write_atomic({args.out / MERGE_STATE: state_bytes(timeline.merge_state)})
    if args.workspace:
        from extract.workspace.cli import rebuild

        rebuild(args.workspace, timeline.documents, timeline.events, _warn)
    skipped = f" ({len(timeline.errors)} files skipped)" if timeline.errors else ""
    _warn(f"{len(timeline.documents)} articles, {len(timeline.events)} events -> {args.out}{skipped}")
    return EXIT_SOME_SKIPPED if timeline.errors else 0


def _warn(message: str) -> None:
    print(message, file=sys.stderr)


def _write_key_dates(
    out: Path, documents: list, events: list, k: int | None = None, mentions: list | None = None
) -> list:
    """Key dates from ``mentions`` when the build kept them (else the documents are tagged again)."""
    from extract.keydates import write_key_dates

    return write_key_dates(out, documents, events, k, mentions)


def _keydates(args: argparse.Namespace) -> int:
    from extract.keydates import describe
    from extract.store import load

    try:
        documents, events = load(args.out_dir / "events.json")
    except FileNotFoundError:
        raise InputError(f"{args.out_dir / 'events.json'}: no timeline there (run build first)") from None
    print(describe(_write_key_dates(args.out_dir, documents, events, args.k)))
    return 0


def _timex(args: argparse.Namespace) -> int:
    from extract import language
    from extract.clean import clean
    from extract.read import read_article
    from extract.timex import tag

    text, meta = read_article(args.file)
    published = args.published or meta.published
    lang = args.lang or meta.language or language.detect(text)
    regions = None if args.all else clean(args.file.name, text, meta).regions  # as the build reads it
    for timex in tag(text, published=published, lang=lang, regions=regions):
        print(json.dumps(timex.to_json(), ensure_ascii=False))
    return 0


def _published(value: str) -> str:
    from extract.manifest import iso_published

    try:
        return iso_published(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from error


def _article_input(value: str) -> Path | str:
    """An fsspec URL stays a string ('s3://bucket/x' is no local path); anything else is a path."""
    return value if "://" in value else Path(value)


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"'{value}' is not a whole number of at least 1")
    return int(value)


def _eval(args: argparse.Namespace) -> int:
    from extract.evaluate import main as evaluate

    return evaluate(args)


def _sample(args: argparse.Namespace) -> int:
    from extract.evaluate.sample import main as sample

    print(sample(args.out, args.n, args.seed, args.shown_only, args.format))
    return 0


def _tempeval(args: argparse.Namespace) -> int:
    from extract.evaluate.tempeval import tag_directory

    count = tag_directory(args.in_dir, args.out_dir)
    print(f"{count} TimeML files written to {args.out_dir}", file=sys.stderr)
    return 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="timeline",
        description=__doc__,
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = top.add_subparsers(dest="command", required=True)

    build = sub.add_parser(
        "build",
        help="extract the timeline of articles into DIR/events.json and timeline.csv",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    build.add_argument(
        "articles",
        nargs="+",
        type=_article_input,
        help=".txt, .md or .html files, folders of them, or fsspec URLs",
    )
    build.add_argument("--manifest", type=Path, help="CSV: file,title,outlet,url,published,language")
    build.add_argument("--out", type=Path, required=True, help="output folder")
    build.add_argument("--jobs", type=_positive, default=1, help="processes to use (same output as one)")
    build.add_argument(
        "--no-cache",
        action="store_true",
        help="extract every article again (default: only new or changed ones)",
    )
    build.add_argument(
        "--cache", type=Path, metavar="DIR", help="the per-article cache (default: OUT/.cache)"
    )
    build.add_argument(
        "--engine",
        choices=["local", "dask"],
        default="local",
        help="local processes, or a Dask cluster (pip install 'us-iraq-timeline[dask]')",
    )
    build.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="the Dask scheduler (default: a local cluster of --jobs workers, at least 2)",
    )
    build.add_argument(
        "--workspace", type=Path, help="also update this curation workspace (SQLite), its edits kept"
    )
    build.set_defaults(run=_build)

    keydates = sub.add_parser("keydates", help="rank the key dates of DIR/events.json into DIR/keydates.json")
    keydates.add_argument("out_dir", type=Path, help="a folder written by build")
    keydates.add_argument("--k", type=int, help="how many dates (default: from the collection's size)")
    keydates.set_defaults(run=_keydates)

    timex = sub.add_parser("timex", help="print the time expressions of a file, one JSON object a line")
    timex.add_argument("file", type=Path)
    timex.add_argument("--published", type=_published, help="publication date (ISO, may be partial: 2020-02)")
    timex.add_argument(
        "--all",
        action="store_true",
        help="tag the whole file, boilerplate too (default: the article only)",
    )
    timex.add_argument("--lang", choices=["vi", "en"])
    timex.set_defaults(run=_timex)

    evaluate = sub.add_parser("eval", help="score the tagger and events against the gold files")
    evaluate.add_argument("--shared", type=Path, default=Path("../shared"), help="the shared data folder")
    evaluate.add_argument("--baseline", action="store_true", help="also score dateparser's search_dates")
    evaluate.add_argument("--json", action="store_true", help="print the figures as JSON")
    evaluate.add_argument("--verbose", action="store_true", help="also list every miss and false positive")
    evaluate.add_argument(
        "--realnews",
        action="store_true",
        help="also build all seven T17 topics of real news (2,581 articles: 30-90 s on two cores)",
    )
    evaluate.add_argument(
        "--realnews-sample", type=int, metavar="N", help="the same on N articles per topic (seed 0)"
    )
    evaluate.add_argument(
        "--realnews-out", type=Path, metavar="DIR", help="save each topic's build in DIR/<topic> (to sample)"
    )
    evaluate.add_argument(
        "--keydates", action="store_true", help="also rank the key dates of the T17 topics (Date-F1, ROUGE-1)"
    )
    evaluate.add_argument(
        "--keydates-cache", type=Path, metavar="DIR", help="build each T17 topic once into DIR/<topic>"
    )
    evaluate.set_defaults(run=_eval)

    sample = sub.add_parser("sample", help="print a reproducible random sample of events to judge by hand")
    sample.add_argument("out", nargs="+", type=Path, help="build output folders (their events.json)")
    sample.add_argument("--n", type=int, default=50, help="events to draw (default 50)")
    sample.add_argument("--seed", type=int, default=0, help="the same seed draws the same sample")
    sample.add_argument("--shown-only", action="store_true", help="only events shown by default")
    sample.add_argument("--format", choices=["text", "jsonl"], default="text", help="jsonl: a judging sheet")
    sample.set_defaults(run=_sample)

    tempeval = sub.add_parser("tempeval", help="tag TempEval-3 TimeML input files with TIMEX3")
    tempeval.add_argument("in_dir", type=Path)
    tempeval.add_argument("out_dir", type=Path)
    tempeval.set_defaults(run=_tempeval)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except InputError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("interrupted: nothing more was written", file=sys.stderr)
        return EXIT_INTERRUPTED
