"""``python -m extract eval``: the tagger and the events scored on the shared gold data.

Gold files (seeds, dev set) by the rules of ``shared/gold/README.md``; Duckling's Vietnamese
phrases; TempEval-3's training corpus. With ``--baseline`` dateparser's ``search_dates`` runs on
the same data as a peer. With ``--realnews`` (or ``--realnews-sample N``) the T17 topics of real
English news are built and measured without gold answers (``extract.evaluate.realnews``).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path


def _realnews_per_topic(args: argparse.Namespace) -> int | None:
    """0: no real-news report; None: every T17 article; N: N articles per topic."""
    if getattr(args, "realnews_sample", None):
        return args.realnews_sample
    return None if getattr(args, "realnews", False) else 0


def main(args: argparse.Namespace) -> int:
    from extract.evaluate.report import render
    from extract.evaluate.run import MissingData, run_all  # imports the pipeline

    verbose = bool(getattr(args, "verbose", False))
    started = time.perf_counter()
    try:
        figures = run_all(
            Path(args.shared),
            baseline=args.baseline,
            verbose=verbose or args.json,
            realnews_per_topic=_realnews_per_topic(args),
            realnews_out=getattr(args, "realnews_out", None),
            keydates_on=getattr(args, "keydates", False),
            keydates_cache=getattr(args, "keydates_cache", None),
        )
    except MissingData as missing:
        print(f"error: {missing}", file=sys.stderr)
        return 2
    figures["seconds"] = round(time.perf_counter() - started, 1)
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=1))
    else:
        print(render(figures, verbose=verbose))
    return 0
