"""Streamlit dashboard: a thin view over the extractor's ``events.json``."""
