"""Load on a fresh server: many sessions opened at once, and how many of them showed an error.

Starts the dashboard (``streamlit run dashboard/app.py``) on a free port of 127.0.0.1, opens
``--sessions`` sessions at the same moment through Streamlit's own websocket protocol (what the
browser does after loading the page: connect to ``/_stcore/stream``, ask for a script run), and
reads each session's messages until its run finishes. A session *showed an error* when it
received an exception or an error box, or did not finish within ``--timeout`` seconds. Each of
``--rounds`` rounds starts a new server, since the first runs of a new server are the ones that
race. Loopback only, bounded in sessions and time; the server is always stopped at the end.

Target (issue 9): 0 sessions with an error.
Run: ``python benchmarks/bench_load.py [--sessions 20] [--rounds 3] [--spread 2] [--events N]
[--timeout 120] [--json]``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import websockets
from bench_dashboard import BUNDLED, running_app
from sources import ROOT

sys.path.insert(0, str(ROOT))

from streamlit.proto.BackMsg_pb2 import BackMsg  # noqa: E402
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402

from dashboard.sample import generated_timeline  # noqa: E402
from extract.store import save  # noqa: E402

MAX_SESSIONS = 100  # a load script, not a stress tool: the count stays bounded
_FINISHED = ForwardMsg.ScriptFinishedStatus.FINISHED_SUCCESSFULLY


@dataclass
class Session:
    """What one session saw."""

    errors: list[str] = field(default_factory=list)
    chart: bool = False
    finished: bool = False
    seconds: float = 0.0

    @property
    def failed(self) -> bool:
        return bool(self.errors) or not self.finished or not self.chart


def _seen(session: Session, message: ForwardMsg) -> None:
    kind = message.WhichOneof("type")
    if kind == "delta" and message.delta.WhichOneof("type") == "new_element":
        element = message.delta.new_element
        what = element.WhichOneof("type")
        if what == "exception":
            session.errors.append(f"{element.exception.type}: {element.exception.message}"[:200])
        elif what == "alert" and element.alert.format == element.alert.ERROR:
            session.errors.append(f"error box: {element.alert.body}"[:200])
        elif what == "plotly_chart":
            session.chart = True
    elif kind == "script_finished":
        session.finished = message.script_finished == _FINISHED


async def _connect(url: str):
    return await websockets.connect(
        url, subprotocols=["streamlit"], max_size=None, open_timeout=60, compression=None
    )


async def _run_session(socket, start: asyncio.Event, delay: float, timeout: float) -> Session:
    session = Session()
    await start.wait()
    await asyncio.sleep(delay)
    began = time.perf_counter()
    ask = BackMsg()
    ask.rerun_script.query_string = ""
    ask.rerun_script.page_script_hash = ""
    try:
        await socket.send(ask.SerializeToString())
        async with asyncio.timeout(timeout):
            while not session.finished:
                message = ForwardMsg()
                message.ParseFromString(await socket.recv())
                _seen(session, message)
                if message.WhichOneof("type") == "script_finished" and not session.finished:
                    session.errors.append(f"script ended with status {message.script_finished}")
                    break
    except TimeoutError:
        session.errors.append(f"no finished run within {timeout} s")
    except websockets.ConnectionClosed as closed:
        session.errors.append(f"connection closed ({closed})")
    finally:
        session.seconds = time.perf_counter() - began
        await socket.close()
    return session


async def _round(url: str, sessions: int, spread: float, timeout: float) -> list[Session]:
    """Connect every session first, then ask them for their first run within ``spread`` seconds.

    Browsers opened at once start their runs a little apart, so one session is still importing a
    module while another already uses it: runs spread evenly over a second or two meet every stage
    of one another's first run."""
    sockets = await asyncio.gather(*(_connect(url) for _ in range(sessions)))
    start = asyncio.Event()
    delays = [spread * i / max(1, sessions - 1) for i in range(sessions)]
    pairs = zip(sockets, delays, strict=True)
    runs = [asyncio.create_task(_run_session(s, start, d, timeout)) for s, d in pairs]
    start.set()
    return await asyncio.gather(*runs)


def run(data: Path, sessions: int, rounds: int, spread: float, timeout: float) -> dict:
    seen: list[Session] = []
    for _ in range(rounds):
        with running_app(data) as (url, _):
            ws_url = url.replace("http://", "ws://") + "/_stcore/stream"
            seen += asyncio.run(_round(ws_url, sessions, spread, timeout))
    failed = [s for s in seen if s.failed]
    return {
        "sessions": len(seen),
        "rounds": rounds,
        "spread_s": spread,
        "sessions_with_error": len(failed),
        "errors": sorted({e for s in failed for e in s.errors or ["no chart"]})[:10],
        "median_s": round(statistics.median(s.seconds for s in seen), 2),
        "slowest_s": round(max(s.seconds for s in seen), 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20, help=f"per round, at most {MAX_SESSIONS}")
    parser.add_argument("--rounds", type=int, default=3, help="each on a newly started server")
    parser.add_argument("--events", type=int, help="generated events instead of the bundled data")
    parser.add_argument("--spread", type=float, default=2.0, help="seconds over which the runs start")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds a session may take")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    sessions = max(1, min(args.sessions, MAX_SESSIONS))
    with tempfile.TemporaryDirectory(prefix="bench_load_") as tmp:
        data = BUNDLED
        if args.events:
            data = Path(tmp)
            save(data, *generated_timeline(args.events))
        result = run(data, sessions, max(1, args.rounds), max(0.0, args.spread), args.timeout)
    result["data"] = f"{args.events:,} generated events" if args.events else "the bundled data/events.json"
    if args.json:
        print(json.dumps(result))
        return
    print(
        f"{result['sessions']} sessions ({sessions} opened at once, runs started within "
        f"{result['spread_s']} s, on each of {result['rounds']} new servers, "
        f"{result['data']}): {result['sessions_with_error']} showed an error; first run median "
        f"{result['median_s']} s, slowest {result['slowest_s']} s"
    )
    for error in result["errors"]:
        print(f"  {error}")


if __name__ == "__main__":
    main()
