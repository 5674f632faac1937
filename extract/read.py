"""Read stage: bytes on disk to text and the page's own metadata.

The text returned is the document text every offset refers to: decoded, universal newlines, BOM
removed. UTF-8 and UTF-16 are kept as decoded (the gold offsets are ``open(encoding="utf-8")``
indices); Windows-1258 writes tone marks as combining characters, so its text is normalised to NFC.
HTML pages become trafilatura's main text, with the page's title, outlet, url and date.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

import trafilatura

from extract.dateline import page_published, page_title
from extract.model import Metadata

MAX_BYTES = 10 * 1024 * 1024
HTML_SUFFIXES = {".html", ".htm"}

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_HTML_START = re.compile(
    r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
    re.IGNORECASE | re.DOTALL,
)
# Controls that text files do carry; any other control character is a sign of binary data.
_TEXT_CONTROLS = set("\t\n\r\f\v")
_MAX_CONTROL_RATIO = 0.02
_SAMPLE_CHARS = 65536  # binary data shows at once; counting a whole 10 MB text is slow
# In Windows-1258 text the bytes above 0x7F are mostly letters and tone marks; mojibake and other
# encodings decode to a mix of symbols instead.
_MIN_LETTER_RATIO = 0.6
# htmldate's extensive search reads dates from page text such as copyright and licence footers.
_HTML_DATE_PARAMS = {"extensive_search": False, "original_date": True}


class InputError(Exception):
    """A file that cannot be read as an article; the message is one line for the user."""


def read_article(path: Path) -> tuple[str, Metadata]:
    """Decode ``path`` (UTF-8 with or without BOM, UTF-16, Windows-1258; HTML through trafilatura)."""
    size = path.stat().st_size  # before reading: a huge file is refused without loading it
    if size > MAX_BYTES:
        raise InputError(f"{path.name}: {size:,} bytes is over the {MAX_BYTES:,} byte limit")
    text = decode(path.read_bytes(), path.name)
    if not text.strip():
        raise InputError(f"{path.name}: empty file")
    if path.suffix.lower() in HTML_SUFFIXES or _HTML_START.match(text[:4096]):
        return _from_html(text, path.name)
    return text, Metadata(title=page_title(text), published=page_published(text))


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
    return _windows_1258(data, name)


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


def _windows_1258(data: bytes, name: str) -> str:
    try:
        text = unicodedata.normalize("NFC", data.decode("cp1258"))
    except UnicodeDecodeError as error:
        raise InputError(f"{name}: unknown text encoding (not UTF-8, UTF-16 or Windows-1258)") from error
    high = [ch for ch in text if ord(ch) > 0x7F]
    letters = sum(ch.isalpha() or unicodedata.category(ch) == "Mn" for ch in high)
    if letters < _MIN_LETTER_RATIO * len(high):
        raise InputError(f"{name}: unknown text encoding (not UTF-8, UTF-16 or Windows-1258)")
    return text


def _from_html(markup: str, name: str) -> tuple[str, Metadata]:
    """The page's main text and metadata; a page trafilatura cannot place falls back to all its text."""
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
