"""The dashboard: ``streamlit run dashboard/app.py`` (``TIMELINE_DATA`` may name another events.json).

The title and, for a new visitor, a loading chart are sent first (``dashboard/first_paint.py``);
the page itself is ``dashboard/page.py``, imported after them.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Run as a script by `streamlit run`: make the project importable, once (the script runs again on
# every rerun, and each insert would lengthen the path every later import searches).
if __package__ in (None, "") and str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402

from dashboard import first_paint  # noqa: E402


def main() -> None:
    slots = first_paint.begin(new_session="view_started" not in st.session_state)
    first_paint.page().main(slots)


if __name__ == "__main__":
    main()
