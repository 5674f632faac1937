"""What is wrong with the timeline file, said in one line a visitor can act on.

The dashboard shows this instead of a traceback when ``events.json`` is missing, empty (a save cut
off), not JSON (truncated or damaged) or not a timeline; it names the file, never the server's
folders, and gives the command that rebuilds it.
"""

from __future__ import annotations

from pathlib import Path

from dashboard.safe_text import markdown_code

DEFAULT_REBUILD = "python -m extract build seeds --out data"
OTHER_REBUILD = "python -m extract build ARTICLES --out FOLDER"  # TIMELINE_DATA names another file


def problem(path: Path, error: BaseException | None, *, default: bool) -> str:
    """The message (Markdown) for ``path`` that could not be loaded: ``error`` is what loading
    raised, None when the file was not there to load; ``default`` when it is the bundled file."""
    name = markdown_code(path.name or "events.json")
    rebuild = DEFAULT_REBUILD if default else OTHER_REBUILD
    if error is None or isinstance(error, FileNotFoundError):
        what = f"The timeline file {name} is missing."
    elif isinstance(error, IsADirectoryError | NotADirectoryError | PermissionError):
        what = f"The timeline file {name} cannot be opened ({type(error).__name__})."
    elif _size(path) == 0:
        what = f"The timeline file {name} is empty (0 bytes): its last save was probably cut off."
    elif isinstance(error, ValueError):  # orjson's JSONDecodeError, invalid UTF-8
        what = f"The timeline file {name} is not valid JSON: it is truncated or damaged."
    else:  # JSON, but not the extractor's shape (a missing field, a wrong type)
        what = f"The timeline file {name} does not hold a timeline ({type(error).__name__})."
    return f"{what} Rebuild it with `{rebuild}`."


def _size(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except OSError:
        return None
