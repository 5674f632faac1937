"""The curation controls: the selected event's editor, the edit log with undo, and the sidebar's
review filter, author field and workspace export/import.

Every change is one call of the workspace (``extract/workspace``) made in a widget's callback, so
the run that follows already draws the curated timeline. What the workspace refuses
(``DecisionError``: a date that is no TIMEX3 value, a merge of one event ...) is said under the
controls. Text from articles and analysts is shown through ``safe_text``, never as Markdown.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import islice

import orjson
import streamlit as st

from dashboard.chart import date_label
from dashboard.curation import REVIEW_STATES, current, marks, workspace
from dashboard.panel import marked_html
from dashboard.safe_text import html_text, markdown_code, one_line
from extract.categories import categories
from extract.model import Event
from extract.workspace import Decision, DecisionError, Workspace, curation
from extract.workspace.decisions import STATUSES, TONES, in_force
from extract.workspace.transfer import export_workspace, import_workspace

EDITOR_HEIGHT = 460  # px, the source panel's height
LOG_ROWS = 20  # newest entries of the edit log on the page; the CLI lists them all
IMPORT_LIMIT_MB = 50
MERGE_CHOICES = 300  # events shown offered for a merge, as many as the table holds
_NOTICE = "curation_notice"  # session state: (level, message) of the last change
_COLOURS = {
    "success": ("#e8f5e9", "#1b5e20"),
    "error": ("#ffebee", "#b71c1c"),
    "info": ("#e3f2fd", "#0d47a1"),
}
_IDS = re.compile(r"[^\s,;]+")


# --- sidebar -------------------------------------------------------------------------------------


def sidebar_filter() -> None:
    """The review filter, among the others (its value is read by ``curation.narrowed``)."""
    if st.session_state.get("f_review") not in REVIEW_STATES:
        st.session_state["f_review"] = "all"
    st.selectbox("Review", list(REVIEW_STATES), format_func=REVIEW_STATES.get, key="f_review")


def sidebar_workspace() -> None:
    """The author's name, decisions gone with their sources, and the workspace as one file."""
    store = current()
    if store is None:
        return
    st.subheader("Curation", anchor=False)
    if store.workspace is None:
        st.caption(html_text(store.note), unsafe_allow_html=True)
        return
    st.text_input("Your name (signs your edits)", key="author", max_chars=200, placeholder="e.g. Lan")
    orphans = store.workspace.orphans()
    if orphans:
        with st.expander(f"{len(orphans)} decision(s) whose sources are gone"):
            for decision in orphans:
                _line(describe(decision))
    additions = store.workspace.additions()
    if additions:
        with st.expander(f"Uploaded files ({len(additions)})"):
            st.caption("Kept in the workspace for every visitor, and through every rebuild.")
            for addition in additions:
                by = f" by {addition.author}" if addition.author else ""
                when = addition.at[:16].replace("T", " ")
                _line(f"{addition.name}: {addition.events} event(s), added {when}{by}")
    with st.expander("Workspace file (export / import)"):
        st.caption(f"{store.workspace.path.name}: the extraction and every decision, in one JSON file.")
        if st.toggle("Prepare export", key="ws_export_open"):
            data = orjson.dumps(export_workspace(store.workspace))
            st.download_button(
                "Download workspace",
                data,
                "workspace.json",
                "application/json",
                key="ws_export",
                on_click="ignore",
            )
        # A switch first: the page's other file input (Add articles) stays the only one until asked.
        if st.toggle("Import a colleague's workspace", key="ws_import_open"):
            st.file_uploader("Workspace file (.json)", type=["json"], key="ws_import")
            st.button("Import decisions", key="ws_import_go", on_click=_import)


def _import() -> None:
    ws, upload = workspace(), st.session_state.get("ws_import")
    if ws is None or upload is None:
        _say("error", "Choose a workspace file (.json) to import first.")
        return
    _say(*import_file(ws, upload.name, upload.size, upload.getvalue))


def import_file(ws: Workspace, name: str, size: int, read: Callable[[], bytes]) -> tuple[str, str]:
    """A colleague's workspace export added to ``ws``: (level, message) of what happened."""
    name = one_line(name)
    if size > IMPORT_LIMIT_MB * 1024 * 1024:
        return "error", f"{name}: over {IMPORT_LIMIT_MB} MB, not imported."
    try:
        report = import_workspace(ws, orjson.loads(read()))
    except orjson.JSONDecodeError:
        return "error", f"{name}: not JSON, nothing imported."
    except DecisionError as error:
        return "error", f"{name}: {error}; nothing imported."
    files = f", {report.files_added} uploaded file(s) added" if report.files_added else ""
    return (
        "success",
        f"{report.decisions_added} decision(s) imported, {report.decisions_known} already here{files}.",
    )


# --- the selected event ----------------------------------------------------------------------------


def editor(event: Event | None, shown: list[Event]) -> None:
    """Under the source panel: what the analyst can decide about the selected event, then the log."""
    store = current()
    if store is None:
        return
    if store.workspace is None:
        if event is not None:
            st.caption(html_text(store.note), unsafe_allow_html=True)
        return
    # A fixed height, as the source panel's: a selection that changes what is inside never moves
    # the page (the table below stays where the visitor scrolled it).
    with st.container(border=True, height=EDITOR_HEIGHT, key="curation_panel"):
        _notice()
        log = _Log(store.workspace.log())  # read once a run: a long log is copied on each read
        if event is None:
            st.session_state.pop("cur_filled", None)  # its widgets are gone: fill them again next time
            st.caption("Select an event to correct, merge, hide, note or bookmark it.")
        else:
            _event_controls(event, shown, log)
        _log(log)


class _Log:
    """The edit log as this run shows it: each decision by number and by uid, and those undone."""

    def __init__(self, decisions: list[Decision]) -> None:
        self.decisions = decisions
        self.by_seq = {d.seq: d for d in decisions}
        self.seq_of = {d.uid: d.seq for d in decisions}
        self.undone = {d.undoes for d in in_force(decisions, undos=True) if d.action == "undo"}


def _event_controls(event: Event, shown: list[Event], log: _Log) -> None:
    previous = _remember(event.id)
    state = curation(event)
    st.markdown(f"**Curate** · {_status(state)}")
    v = f"{event.id}_{state['decisions'][-1] if state['decisions'] else 0}"
    _fill(event, v)
    with st.container(horizontal=True, key="curation_actions"):
        if state["hidden"]:
            st.button("Unhide", key="cur_unhide", on_click=_decide, args=("unhide", event.id))
        else:
            st.button("Hide", key="cur_hide", on_click=_decide, args=("hide", event.id))
        if state["bookmarked"]:
            st.button(
                "Remove bookmark", key="cur_unbookmark", on_click=_decide, args=("unbookmark", event.id)
            )
        else:
            st.button("Bookmark", key="cur_bookmark", on_click=_decide, args=("bookmark", event.id))
        st.button(
            "Not about US–Iraq",
            key="cur_irrelevant",
            on_click=_decide,
            args=("not_about_us_iraq", event.id),
            disabled=event.relevance == 0,
        )
        st.button("Mark reviewed", key="cur_review", on_click=_decide, args=("review", event.id))
    edit, merge, split, notes, history = st.tabs(["Edit", "Merge", "Split", "Notes", "History"])
    with edit:
        _edit_form(event, v)
    with merge:
        _merge_controls(event, shown, previous, v)
    with split:
        _split_controls(event, v)
    with notes:
        _notes(event, v)
    with history:
        for seq in reversed(state["decisions"]):
            _log_row(log, log.by_seq[seq], f"ev_{seq}")


def _status(state: dict) -> str:
    words = ["reviewed" if state["reviewed"] else "not reviewed yet"]
    words += [w for w in ("edited", "hidden", "bookmarked") if state[w]]
    return " · ".join(words)


def _remember(event_id: str) -> str | None:
    """The event selected before this one (a chart click or a table row), offered for a merge."""
    if st.session_state.get("cur_current") != event_id:
        st.session_state["cur_previous"] = st.session_state.get("cur_current")
        st.session_state["cur_current"] = event_id
    previous = st.session_state.get("cur_previous")
    return previous if previous != event_id else None


def _fill(event: Event, v: str) -> None:
    """The widgets keep one key whatever the event (a key of its own would mount new widgets on
    each selection, and their moment without height moved the page): they are filled with the
    event's values when another event, or a change to this one, is shown."""
    if st.session_state.get("cur_filled") == v:
        return  # what the analyst typed stays, a refused date too, until it is saved
    st.session_state.update(
        ed_title=event.title,
        ed_date=event.date,
        ed_status=event.status,
        ed_actors=", ".join(event.actors),
        ed_category=event.category,
        ed_tone=event.tone,
        ed_relevance=float(event.relevance),
        cur_merge_pick=[],
        cur_merge_ids="",
        cur_split_source=0,
        cur_note="",
        cur_filled=v,
    )


def _edit_form(event: Event, v: str) -> None:
    names = list(categories())
    if event.category not in names:
        names.append(event.category)
    tones = list(TONES) if event.tone in TONES else [*TONES, event.tone]
    with st.form("cur_edit", border=False):
        st.text_input("Title", key="ed_title")
        when, status = st.columns([3, 1])
        when.text_input(
            "Date (TIMEX3 value)",
            key="ed_date",
            help="2024-01-24 (day), 2024-W05, 2024-01 (month), 2024-Q3, 2024, 198 (1980s), 2021/2024 (span)",
        )
        status.selectbox("Status", STATUSES, key="ed_status", help="scheduled: told before its day came")
        st.text_input("Actors (comma separated)", key="ed_actors")
        left, middle, right = st.columns(3)
        left.selectbox("Category", names, key="ed_category")
        middle.selectbox("Tone", tones, key="ed_tone")
        right.number_input("Relevance (0: not about US–Iraq)", 0.0, 1.0, step=0.05, key="ed_relevance")
        st.form_submit_button("Save", on_click=_save_edit, args=(event, v))


def _save_edit(event: Event, v: str) -> None:
    """Only the fields the analyst changed are decided: a category changed alone brings its tone."""
    get = st.session_state.get
    typed = {
        "title": " ".join(str(get("ed_title", event.title)).split()),
        "date": str(get("ed_date", event.date)).strip(),
        "status": get("ed_status", event.status),
        "actors": [a.strip() for a in str(get("ed_actors", "")).split(",") if a.strip()],
        "category": get("ed_category", event.category),
        "tone": get("ed_tone", event.tone),
        "relevance": float(get("ed_relevance", event.relevance)),
    }
    current_values = {
        "title": " ".join(event.title.split()),
        "date": event.date,
        "status": event.status,
        "actors": list(event.actors),
        "category": event.category,
        "tone": event.tone,
        "relevance": float(event.relevance),
    }
    fields = {k: value for k, value in typed.items() if value != current_values[k]}
    if not fields:
        _say("info", "Nothing changed: edit a field, then Save.")
        return
    _decide("edit", event.id, **fields)


def _merge_controls(event: Event, shown: list[Event], previous: str | None, v: str) -> None:
    st.caption("The events chosen join this one: it keeps its fields, their sources and actors join it.")
    if previous:
        st.button(
            "Merge with the event selected before",
            key="cur_merge_previous",
            on_click=_merge,
            args=(event.id, [previous]),
            help=f"id {markdown_code(previous)}",
        )
    others = list(islice((e for e in shown if e.id != event.id), MERGE_CHOICES))
    labels = {e.id: f"{date_label(e)} · {one_line(e.title)[:80]}" for e in others}
    st.multiselect("Events shown", list(labels), format_func=labels.get, key="cur_merge_pick")
    st.text_input("…or their ids (comma or space separated)", key="cur_merge_ids")
    st.button("Merge into this event", key="cur_merge", on_click=_merge_chosen, args=(event.id, v))
    st.caption(f"This event's id: {markdown_code(event.id)}")  # an uploaded timeline's ids are any text


def _merge_chosen(event_id: str, v: str) -> None:
    chosen = list(st.session_state.get("cur_merge_pick") or [])
    chosen += _IDS.findall(st.session_state.get("cur_merge_ids") or "")
    if not chosen:
        _say("error", "Choose the events to merge into this one (from the list, or by id).")
        return
    _merge(event_id, chosen)


def _merge(event_id: str, others: list[str]) -> None:
    _decide("merge", [event_id, *others])


def _split_controls(event: Event, v: str) -> None:
    if len(event.sources) < 2:
        st.caption("One source: nothing to split off.")
        return
    labels = {
        k: f"{k + 1}. {one_line(s.outlet or s.file)} · {one_line(s.timex_text)} · {one_line(s.passage)[:60]}"
        for k, s in enumerate(event.sources)
    }
    st.selectbox(
        "Source to make an event of its own", list(labels), format_func=labels.get, key="cur_split_source"
    )
    st.button("Split off", key="cur_split", on_click=_split, args=(event.id, v))


def _split(event_id: str, v: str) -> None:
    _decide("split", event_id, int(st.session_state.get("cur_split_source") or 0))


def _notes(event: Event, v: str) -> None:
    found = marks(event, st.session_state.get("f_text") or "")  # the sidebar search's words
    for k, note in enumerate(curation(event)["notes"]):
        head = html_text(f"{note['author']} · {note['at'][:16].replace('T', ' ')}")
        body = marked_html(note["text"], found.get(f"note:{k}", ()), lines=True)
        st.markdown(f'<div class="cur-note"><small>{head}</small><br>{body}</div>', unsafe_allow_html=True)
    st.text_area("New note", key="cur_note", height=80)
    st.button("Add note", key="cur_note_add", on_click=_note, args=(event.id, v))


def _note(event_id: str, v: str) -> None:
    _decide("note", event_id, st.session_state.get("cur_note") or "")


# --- the edit log ----------------------------------------------------------------------------------


def _log(log: _Log) -> None:
    decisions = log.decisions
    with st.expander(f"Edit log ({len(decisions)})", expanded=False):
        if not decisions:
            st.caption("No decision yet: every change you make is listed here, with its undo.")
        for decision in reversed(decisions[-LOG_ROWS:]):
            _log_row(log, decision, f"log_{decision.seq}")
        if len(decisions) > LOG_ROWS:
            st.caption(f"{len(decisions) - LOG_ROWS} older: python -m extract.workspace log")


def _log_row(log: _Log, decision: Decision, key: str) -> None:
    text, button = st.columns([5, 1], vertical_alignment="center")
    with text:
        _line(describe(decision, log.seq_of))
    if decision.uid in log.undone:
        button.caption("undone")
    else:
        label = "Redo" if decision.action == "undo" else "Undo"
        button.button(label, key=f"undo_{key}", on_click=_undo, args=(decision.seq,))


def describe(decision: Decision, seq_of: dict[str, int] | None = None) -> str:
    """One line for the log: number, time, author, what was decided, and about which event
    (an undo names the number of the decision it cancels, found in ``seq_of``: uid -> number)."""
    head = f"#{decision.seq} {decision.at[:16].replace('T', ' ')} {decision.author}"
    if decision.action == "undo":
        return f"{head}: undo of #{(seq_of or {}).get(decision.undoes or '', '?')}"
    what = decision.action
    if decision.action == "edit":
        fields = decision.payload.get("fields", {})
        what = "edit " + ", ".join(
            f"{k}={v!s:.40}" if k in ("date", "category", "tone", "relevance") else k
            for k, v in fields.items()
            if k not in ("precision", "start", "end", "goldstein")
        )
    first = next((a for group in decision.anchors for a in group), None)
    about = f"{first['file']} “{first['timex_text']}”" if first else ""
    return f"{head}: {what} · {about}"


# --- deciding --------------------------------------------------------------------------------------


def _decide(action: str, target: str | list[str], *args: object, **fields: object) -> None:
    """One decision by this page's author; what the workspace refuses is said, not raised."""
    ws = workspace()
    author = " ".join(str(st.session_state.get("author") or "").split())
    if ws is None:
        _say("error", "No workspace: edits are off here.")
        return
    if not author:
        _say("error", "Type your name under Curation in the sidebar first: every change is signed.")
        return
    method: Callable[..., Decision] = getattr(ws, action)
    try:
        decision = method(target, *args, author, **fields)
    except DecisionError as error:
        _say("error", str(error))
        return
    _say("success", f"Saved: {describe(decision)}")


def _undo(seq: int) -> None:
    ws = workspace()
    author = " ".join(str(st.session_state.get("author") or "").split())
    if ws is None or not author:
        _say("error", "Type your name under Curation in the sidebar first: every change is signed.")
        return
    try:
        decision = ws.undo(seq, author)
    except DecisionError as error:
        _say("error", str(error))
        return
    _say("success", f"Saved: {describe(decision, {d.uid: d.seq for d in ws.log()})}")


def _say(level: str, message: str) -> None:
    st.session_state[_NOTICE] = (level, message)


def _notice() -> None:
    level, message = st.session_state.pop(_NOTICE, (None, None))
    if not message:
        return
    background, colour = _COLOURS.get(level, _COLOURS["info"])
    style = f"background:{background};color:{colour};padding:0.4rem 0.7rem;border-radius:0.5rem;margin:2px 0"
    st.markdown(
        f'<div class="curation-{level}" style="{style}">{html_text(message)}</div>', unsafe_allow_html=True
    )


def _line(text: str) -> None:
    st.markdown(f'<div class="cur-log">{html_text(text)}</div>', unsafe_allow_html=True)
