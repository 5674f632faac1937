"""A small hand-made timeline for the workspace tests: two Vietnamese articles, one English."""

from __future__ import annotations

from extract.model import Document, Event, Metadata, Source
from extract.period import period

VI_A = (
    "Mỹ và Iraq nối lại đàm phán\n\n"
    "Ngày 24/1/2024, Hoa Kỳ và Iraq bắt đầu đàm phán về tương lai của liên quân. "
    "Hôm 23/1, một căn cứ ở Anbar bị tấn công. "
    "Thủ tướng Mohammed Shia al-Sudani cho biết ngày 5/1 rằng liên quân phải rời đi.\n"
)
VI_B = "Ngày 24/1/2024, Washington xác nhận cuộc đàm phán với Baghdad đã bắt đầu.\n"
EN_C = "On 3 January 2020 a US strike killed Soleimani near Baghdad airport. IS is not named here.\n"


def document(file: str, text: str, language: str) -> Document:
    return Document(
        file,
        text,
        Metadata(file, "Outlet " + file[0], None, "2024-01", language),
        ((0, len(text)),),
        len(text),
    )


def source(doc: Document, passage: str, timex: str) -> Source:
    start = doc.text.index(passage)
    at = doc.text.index(timex, start)
    return Source(
        doc.file,
        doc.meta.title,
        doc.meta.outlet,
        None,
        "2024-01",
        doc.meta.language,
        start,
        start + len(passage),
        passage,
        at,
        at + len(timex),
        timex,
    )


def event(id_: str, date: str, title: str, sources: list[Source], category: str = "negotiate") -> Event:
    p = period(date)
    return Event(
        id_,
        date,
        p.precision,
        p.start.isoformat() if p.start else None,
        p.end.isoformat() if p.end else None,
        title,
        ["US", "Iraq"],
        category,
        "cooperation",
        3.5,
        sources,
        relevance=0.9,
    )


def sentence(text: str, starts: str) -> str:
    start = text.index(starts)
    return text[start : text.index(". ", start) + 1] if ". " in text[start:] else text[start:].rstrip("\n")


def timeline(a_text: str = VI_A, with_b: bool = True) -> tuple[list[Document], list[Event]]:
    """Events: 'talks' (two sources, A and B), 'attack' (A), 'sudani' (A), 'strike' (C)."""
    a = document("a.txt", a_text, "vi")
    b = document("b.txt", VI_B, "vi")
    c = document("c.txt", EN_C, "en")
    talks = [source(a, sentence(a_text, "Ngày 24/1/2024"), "Ngày 24/1/2024")]
    if with_b:
        talks.append(source(b, VI_B.rstrip("\n"), "Ngày 24/1/2024"))
    events = [
        event("talks", "2024-01-24", "Hoa Kỳ và Iraq bắt đầu đàm phán", talks),
        event(
            "attack",
            "2024-01-23",
            "Căn cứ ở Anbar bị tấn công",
            [source(a, sentence(a_text, "Hôm 23/1"), "Hôm 23/1")],
            "military-action",
        ),
        event(
            "sudani",
            "2024-01-05",
            "Al-Sudani: liên quân phải rời đi",
            [source(a, sentence(a_text, "Thủ tướng"), "ngày 5/1")],
            "demand",
        ),
        event(
            "strike",
            "2020-01-03",
            "US strike kills Soleimani",
            [source(c, sentence(EN_C, "On 3"), "3 January 2020")],
            "military-action",
        ),
    ]
    return [a, b, c] if with_b else [a, c], events
