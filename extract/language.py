"""Guess an article's language, and load the per-language resource files under ``extract/lang/``."""

from __future__ import annotations

import tomllib
import unicodedata
from functools import cache
from pathlib import Path

LANG_DIR = Path(__file__).resolve().parent / "lang"
SAMPLE_CHARS = 5000
# Vietnamese prose carries a tone mark or Vietnamese letter on about one letter in four; English
# text quoting Vietnamese names stays far below this.
VIETNAMESE_MARK_RATIO = 0.08

# Letters that only Vietnamese writes among the languages the project reads.
_VIETNAMESE = set("ăâđêôơưĂÂĐÊÔƠƯ")
_VIETNAMESE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def detect(text: str) -> str:
    """``vi`` when Vietnamese letters or tone marks are common, else ``en``."""
    sample = text[:SAMPLE_CHARS]
    decomposed = unicodedata.normalize("NFD", sample)
    letters = sum(map(str.isalpha, decomposed)) or 1
    marks = sum(decomposed.count(mark) for mark in _VIETNAMESE_MARKS)
    marks += sum(unicodedata.normalize("NFC", sample).count(letter) for letter in _VIETNAMESE)
    return "vi" if marks / letters > VIETNAMESE_MARK_RATIO else "en"


@cache
def resource(lang: str, name: str) -> dict:
    """``extract/lang/<lang>/<name>.toml`` as a dict (empty when the language has no such file)."""
    path = LANG_DIR / lang / f"{name}.toml"
    if not path.is_file():
        return {}
    with path.open("rb") as handle:
        return tomllib.load(handle)


@cache
def languages(name: str) -> tuple[str, ...]:
    """The languages that have a ``<name>.toml`` resource, in a stable order."""
    return tuple(sorted(p.parent.name for p in LANG_DIR.glob(f"*/{name}.toml")))


def merged(name: str, section: str, key: str) -> tuple:
    """``[section] key`` of every language's ``<name>.toml``, concatenated.

    Pages mix languages (an English 'Share' button on a Vietnamese page), so page structure
    markers of all languages apply to every page.
    """
    values: list = []
    for lang in languages(name):
        values.extend(resource(lang, name).get(section, {}).get(key, []))
    return tuple(values)
