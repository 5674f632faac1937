"""Benchmark parts run in a process of their own, so none inherits another's heap or caches."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def json_of(script: Path, *arguments: str, what: str) -> dict:
    """The JSON object ``script`` prints last, run by this Python; ``what`` names it if it fails."""
    done = subprocess.run([sys.executable, str(script), *arguments], capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"{what} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])
