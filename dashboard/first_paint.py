"""What a page shows before the dashboard's modules are imported: the title, the places of what
comes under it, and for a new visitor a loading chart.

This module needs only Streamlit and Plotly, which the server has already loaded. The first
session of a new server then imports the page (``dashboard/page.py``: pandas, the extractor, the
workspace; a second or more of a loaded machine) after the loading chart has gone out, so the
browser fetches and starts Plotly's script (megabytes) meanwhile rather than after.
"""

from __future__ import annotations

import importlib
import threading
from dataclasses import dataclass
from types import ModuleType

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from dashboard.note import note_figure

PAGE_TITLE = "US–Iraq timeline"
TITLE = "US–Iraq relations in the news"
LOADING_HEIGHT = 420  # px: about the timeline's own height, so the page does not jump when it comes
# Plotly reads pandas from sys.modules when it serialises a figure: while one session imports the
# page (pandas among it), another session's loading chart would meet a partially initialised
# module (issue 9; benchmarks/bench_load.py). The import and that chart take turns.
_PAGE_IMPORT = threading.Lock()


@dataclass(frozen=True)
class Slots:
    """The places under the title, in the order of the page, filled once the page is imported."""

    mode: DeltaGenerator  # each an st.empty()
    notes: DeltaGenerator
    caption: DeltaGenerator
    chart: DeltaGenerator


def begin(new_session: bool) -> Slots:
    """The page's config and title, its places; for a ``new_session`` a loading chart in the chart's."""
    st.set_page_config(page_title=PAGE_TITLE, layout="wide")
    st.title(TITLE)
    slots = Slots(st.empty(), st.empty(), st.empty(), st.empty())
    if new_session:
        with _PAGE_IMPORT:
            slots.chart.plotly_chart(note_figure("Loading the timeline…", height=LOADING_HEIGHT))
    return slots


def page() -> ModuleType:
    """``dashboard.page``, imported by the first session that gets here (the others wait for it)."""
    with _PAGE_IMPORT:
        return importlib.import_module("dashboard.page")
