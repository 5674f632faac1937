"""Shared fixtures. Tests that need ../shared or Chromium skip without them, except in CI."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def _need(what: str) -> None:
    if IN_CI:
        pytest.fail(f"{what} is required in CI")
    pytest.skip(f"{what} is absent")


@pytest.fixture(scope="session")
def shared() -> Path:
    """The project's shared data folder (gold files, dev articles, TempEval-3)."""
    if not (SHARED / "gold" / "seeds.json").is_file():
        _need(f"{SHARED} (gold files)")
    return SHARED


@pytest.fixture(scope="session")
def chromium() -> str:
    """Path of Debian's Chromium for real-browser tests and PNG export."""
    path = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
    if not path:
        _need("Debian's chromium (apt-get install chromium)")
    return path
