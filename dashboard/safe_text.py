"""Text from articles, manifests and file names, made safe for the place it is shown.

Every field the dashboard did not write itself goes through one of these before it is rendered:
control characters are normalised first (a ``\\r`` or U+2028 is a line break to a Markdown
parser, and a blank line ends an HTML block, after which the rest would be read as Markdown),
then the text is escaped for its context: an HTML block of ``st.markdown``, a code span in
Streamlit's Markdown (alerts), a link's URL, or one line of a table or a hover label.
"""

from __future__ import annotations

import html
import re
import unicodedata
from urllib.parse import quote, urlsplit

# Line breaks a parser may honour besides "\n": CR, NEL, U+2028 and U+2029 (and CR LF as one).
_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# Other control characters, and formatting ones that reorder or hide text (bidi overrides,
# isolates, zero-width marks): shown as nothing or spoofing, so made a plain space.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]"
)
_TABS = re.compile("\t")
_SPACES = re.compile(r"\s+")
# Characters that HTML, Markdown, GitHub's extensions (autolinks, tables) or Streamlit's own syntax
# (math, colours, icons) read, written as entities in an HTML block.
_HTML_OR_MARKDOWN = frozenset("&<>\"'\\`*_{}[]()#+-.!|~:$=^@/")
_URL_SAFE = ":/?#[]@!$&'()*+,;=%~"


def text_block(value: str | None) -> str:
    """Text whose line breaks are all ``\\n`` and which holds no other control character."""
    value = _BREAKS.sub("\n", value or "")
    return _TABS.sub(" ", _INVISIBLE.sub(" ", value))


def one_line(value: str | None) -> str:
    """Text for a single line (a title, an outlet, a file name, a table cell): every run of
    blanks, line breaks and control characters is one space."""
    return _SPACES.sub(" ", text_block(value)).strip()


def html_text(value: str | None, *, lines: bool = False) -> str:
    """Text inside an HTML block of ``st.markdown(..., unsafe_allow_html=True)``: tags escaped,
    no line break the Markdown parser sees (``<br>`` instead when ``lines``), and every
    character Markdown could read written as an entity, so the text stays text even outside
    the block."""
    value = text_block(value) if lines else one_line(value)
    escaped = "".join(f"&#{ord(c)};" if c in _HTML_OR_MARKDOWN else c for c in value)
    return escaped.replace("\n", "<br>")


def markdown_code(value: str | None) -> str:
    """One line of text as a Markdown code span: shown exactly as written, never a link (GitHub's
    autolinks find URLs even in backslash-escaped text, but not in code), image or formula."""
    value = one_line(value)
    fence = "`" * (1 + max((len(run) for run in re.findall("`+", value)), default=0))
    return f"{fence} {value} {fence}"  # the spaces let a name begin or end with a backtick


def http_url(value: str | None) -> str | None:
    """An http(s) URL fit for an ``href`` (quoted for an HTML attribute), or None for any other
    scheme, a URL without a host, or one holding blanks or control characters."""
    value = (value or "").strip()
    if not value or any(c.isspace() or unicodedata.category(c).startswith("C") for c in value):
        return None
    try:
        parts = urlsplit(value)
    except ValueError:  # e.g. an unbalanced IPv6 bracket
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return html.escape(quote(value, safe=_URL_SAFE), quote=True)
