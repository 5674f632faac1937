"""Entry point for Streamlit Community Cloud: the same app as ``streamlit run dashboard/app.py``."""

from dashboard.app import main

main()
