"""Retake the README's screenshots of the dashboard at desktop and phone sizes.

Run: ``.venv/bin/python docs/screenshots/take_screenshots.py [--data data/events.json]``; needs
Debian's Chromium (Playwright with ``executable_path``, never ``playwright install``). Writes
``overview.png`` and ``source-panel.png`` (desktop, 1440 x 900), ``overview-phone.png`` and
``source-panel-phone.png`` (390 x 844) beside this file.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CHROMIUM = "/usr/bin/chromium"
SIZES = {
    "desktop": dict(viewport={"width": 1440, "height": 900}),
    "phone": dict(
        viewport={"width": 390, "height": 844},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        user_agent="Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile",
    ),
}
POINTS = ".st-key-chart .scatterlayer .points path"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(data: Path) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    command = [sys.executable, "-m", "streamlit", "run", "dashboard/app.py", "--server.headless", "true"]
    command += ["--server.port", str(port), "--browser.gatherUsageStats", "false"]
    env = {**os.environ, "TIMELINE_DATA": str(data)}
    proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(240):
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2):
                return proc, url
        except OSError:
            time.sleep(0.25)
    proc.terminate()
    raise SystemExit("streamlit did not start")


def _name(view: str, size: str) -> str:
    return f"{view}.png" if size == "desktop" else f"{view}-{size}.png"


def take(url: str, browser, size: str) -> None:
    context = browser.new_context(**SIZES[size])
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(url)
    page.wait_for_selector(POINTS)
    page.wait_for_timeout(2500)  # the layout for the window's width, then the chart settles
    page.screenshot(path=HERE / _name("overview", size))
    point = page.locator(POINTS).first
    box = point.bounding_box()
    if size == "phone":
        page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    else:
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_selector(".src-card mark")
    page.wait_for_timeout(1500)
    panel = page.locator(".st-key-source_panel")
    panel.scroll_into_view_if_needed()
    page.screenshot(path=HERE / _name("source-panel", size))
    context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT / "data" / "events.json")
    args = parser.parse_args()
    proc, url = _serve(args.data.resolve())
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            for size in SIZES:
                take(url, browser, size)
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=30)


if __name__ == "__main__":
    main()
