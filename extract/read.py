"""Read stage: bytes on disk to text and the page's own metadata.

The text returned is the document text every offset refers to: decoded, universal newlines, BOM
removed. UTF-8 and UTF-16 are kept as decoded (the gold offsets are ``open(encoding="utf-8")``
indices); other encodings are found by charset-normalizer, Vietnamese first: Windows-1258 writes
tone marks as combining characters, so its text is normalised to NFC. HTML pages become
trafilatura's main text, with the page's title, outlet, url and date. Only regular files are read,
and never more than ``MAX_BYTES`` of them, whatever size they report.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import unicodedata
from pathlib import Path

import charset_normalizer
import trafilatura

from extract.dateline import page_published, page_title
from extract.model import Metadata

MAX_BYTES = 10 * 1024 * 1024
HTML_SUFFIXES = {".html", ".htm"}
# trafilatura's cost grows faster than the page beyond these (seconds per page, then minutes); real
# news pages hold a few thousand elements and a few attributes each.
MAX_HTML_ELEMENTS = 50_000
MAX_ATTRIBUTES = 64

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_HTML_START = re.compile(
    r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
    re.IGNORECASE | re.DOTALL,
)
_ELEMENT = re.compile(r"<[A-Za-z]")
_TAG = re.compile(r"<[A-Za-z][^<>]*>")
_ATTRIBUTE = re.compile(r"""\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?""")
# Controls that text files do carry; any other control character is a sign of binary data.
_TEXT_CONTROLS = set("\t\n\r\f\v")
_MAX_CONTROL_RATIO = 0.02
_SAMPLE_CHARS = 65536  # binary data shows at once; counting a whole 10 MB text is slow
# Windows-1258 stores Vietnamese tone marks as combining characters after the vowel; text in a
# Western encoding read as Windows-1258 has next to none of them ("São" reads "Săo", toneless).
_VIETNAMESE_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
_MIN_TONE_RATIO = 0.02  # tone marks per letter; Vietnamese prose has several in ten
_VIETNAMESE_VOWELS = frozenset("aăâeêioôơuưyAĂÂEÊIOÔƠUƯY")  # a tone mark follows one of these
_MIN_ON_VOWELS = 0.9  # other scripts' bytes decode to marks after any character
_WESTERN = "cp1252"  # of legacy encodings that read a text equally well, the most widespread
# The legacy encodings news pages are found in; charset-normalizer would otherwise read noise as
# some rare code page.
_LEGACY = (
    "cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257",
    "latin_1", "iso8859_2", "iso8859_5", "iso8859_7", "iso8859_9", "iso8859_15", "koi8_r",
)  # fmt: skip
# In a legacy encoding's text the characters above 0x7F are mostly letters and marks; mojibake
# decodes to a mix of symbols instead.
_MIN_LETTER_RATIO = 0.6
# htmldate's extensive search reads dates from page text such as copyright and licence footers.
_HTML_DATE_PARAMS = {"extensive_search": False, "original_date": True}


class InputError(Exception):
    """A file that cannot be read as an article; the message is one line for the user."""


def read_article(path: Path) -> tuple[str, Metadata]:
    """Decode ``path`` (UTF-8 with or without BOM, UTF-16, legacy encodings; HTML through trafilatura)."""
    text = decode(read_bytes(path), path.name)
    if not text.strip():
        raise InputError(f"{path.name}: empty file")
    if path.suffix.lower() in HTML_SUFFIXES or _HTML_START.match(text[:4096]):
        return _from_html(text, path.name)
    return text, Metadata(title=page_title(text), published=page_published(text))


def read_bytes(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of a regular file, refused past ``limit`` bytes actually read (sizes can lie)."""
    try:
        # Non-blocking, so that a FIFO is refused below rather than waited on for ever.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as error:
        raise InputError(f"{path.name}: cannot read ({error.strerror or error})") from error
    with os.fdopen(fd, "rb") as handle:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = "folder" if stat.S_ISDIR(mode) else "device, pipe or socket"
            raise InputError(f"{path.name}: not a regular file (a {kind})")
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise InputError(f"{path.name}: over the {limit:,} byte limit")
    return data


def decode(data: bytes, name: str) -> str:
    """``data`` as text with universal newlines; InputError for binary or undecodable bytes."""
    text = _decode(data, name)
    sample = text[:_SAMPLE_CHARS]
    controls = sum(ch not in _TEXT_CONTROLS and unicodedata.category(ch) == "Cc" for ch in sample)
    if "\x00" in text or controls > _MAX_CONTROL_RATIO * max(len(sample), 1):
        raise InputError(f"{name}: binary data, not a text or HTML article")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode(data: bytes, name: str) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec)
            except UnicodeDecodeError as error:
                raise InputError(f"{name}: invalid {codec} text after its byte order mark") from error
    if codec := _utf16_without_bom(data):
        try:
            return data.decode(codec)
        except UnicodeDecodeError as error:
            raise InputError(f"{name}: invalid UTF-16 text") from error
    if b"\x00" in data:
        raise InputError(f"{name}: binary data, not a text or HTML article")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.reason == "unexpected end of data":  # cut in the middle of the last character
            return data[: error.start].decode("utf-8")
    return _legacy(data, name)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 byte order from the NUL pattern: ASCII characters have a zero high byte."""
    sample = data[:4096]
    pairs = len(sample) // 2
    if pairs < 2 or len(data) % 2:
        return None
    even = sample[0 : 2 * pairs : 2].count(0)
    odd = sample[1 : 2 * pairs : 2].count(0)
    if odd > 0.3 * pairs and even < 0.05 * pairs:
        return "utf-16-le"
    if even > 0.3 * pairs and odd < 0.05 * pairs:
        return "utf-16-be"
    return None


def _legacy(data: bytes, name: str) -> str:
    """Text in a single-byte encoding: Windows-1258 when its tone marks show Vietnamese, else the
    least chaotic of charset-normalizer's readings (Windows-1252 among equals)."""
    unknown = InputError(f"{name}: unknown text encoding (not UTF-8, UTF-16 or a known legacy encoding)")
    vietnamese = _as_windows_1258(data)
    if vietnamese is not None:
        return vietnamese
    readings = list(charset_normalizer.from_bytes(data, cp_isolation=list(_LEGACY)))
    if not readings:
        raise unknown
    least = min(m.chaos for m in readings)
    best = next((m for m in readings if m.chaos == least and m.encoding == _WESTERN), readings[0])
    text = str(best)
    high = [ch for ch in text if ord(ch) > 0x7F]
    if sum(ch.isalpha() or unicodedata.category(ch) == "Mn" for ch in high) < _MIN_LETTER_RATIO * len(high):
        raise unknown
    return text


def _as_windows_1258(data: bytes) -> str | None:
    try:
        raw = data.decode("cp1258")
    except UnicodeDecodeError:
        return None
    letters = sum(ch.isalpha() for ch in raw)
    tones = [i for i, ch in enumerate(raw) if ch in _VIETNAMESE_TONES]
    on_vowels = sum(i > 0 and raw[i - 1] in _VIETNAMESE_VOWELS for i in tones)
    if not letters or len(tones) < _MIN_TONE_RATIO * letters or on_vowels < _MIN_ON_VOWELS * len(tones):
        return None
    return unicodedata.normalize("NFC", raw)


def bounded_markup(markup: str, name: str) -> str:
    """``markup`` with at most ``MAX_ATTRIBUTES`` attributes a tag; InputError past
    ``MAX_HTML_ELEMENTS`` elements (the parser's cost, not the text, is what such pages inflate)."""
    elements = len(_ELEMENT.findall(markup))
    if elements > MAX_HTML_ELEMENTS:
        raise InputError(f"{name}: {elements:,} HTML elements is over the {MAX_HTML_ELEMENTS:,} limit")
    return _TAG.sub(_fewer_attributes, markup)


def _fewer_attributes(tag: re.Match[str]) -> str:
    text = tag[0]
    if text.count("=") <= MAX_ATTRIBUTES:
        return text
    name = re.match(r"<[^\s/>]+", text)[0]
    kept = _ATTRIBUTE.findall(text, len(name))[:MAX_ATTRIBUTES]
    return name + "".join(kept) + ">"


def _from_html(markup: str, name: str) -> tuple[str, Metadata]:
    """The page's main text and metadata; a page trafilatura cannot place falls back to all its text."""
    markup = bounded_markup(markup, name)
    try:
        page = trafilatura.bare_extraction(
            markup, with_metadata=True, include_comments=False, date_extraction_params=_HTML_DATE_PARAMS
        )
        text = page.text if page is not None and page.text else trafilatura.html2txt(markup)
    except Exception as error:  # lxml and trafilatura raise many types on malformed markup
        raise InputError(f"{name}: cannot parse the HTML page ({type(error).__name__})") from error
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(f"{name}: no article text found in the HTML page")
    meta = Metadata(
        title=page.title if page else None,
        outlet=page.sitename if page else None,
        url=page.url if page else None,
        published=(page.date if page else None) or page_published(text),
    )
    return text, meta
