"""A figure holding only a line of text; Plotly alone, so the first paint can draw it (``first_paint``)."""

from __future__ import annotations

import plotly.graph_objects as go


def note_figure(text: str, height: int = 260) -> go.Figure:
    """A figure holding only a line of text, for when there is nothing (yet) to draw."""
    fig = go.Figure(layout=dict(height=height, margin=dict(l=10, r=10, t=10, b=10)))
    fig.add_annotation(text=text, showarrow=False, x=0.5, y=0.5)
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return fig
