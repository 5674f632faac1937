"""Read stage: encodings, newlines, bad input and HTML pages."""

from __future__ import annotations

import codecs
import os
import unicodedata
from pathlib import Path

import pytest

from extract.pipeline import build
from extract.read import (
    MAX_ATTRIBUTES,
    MAX_BYTES,
    MAX_HTML_ELEMENTS,
    InputError,
    bounded_markup,
    read_article,
    read_bytes,
)

ARTICLE = "Việt Nam và Hoa Kỳ hôm 24/1 nhất trí tăng cường hợp tác.\nQuân đội Mỹ sẽ rút khỏi căn cứ.\n"
_TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def windows_1258(text: str) -> bytes:
    """``text`` the way Windows-1258 stores it: base letters, then the tone mark as a combining character."""
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        tones = "".join(p for p in parts if p in _TONE_MARKS)
        out.append(unicodedata.normalize("NFC", "".join(p for p in parts if p not in _TONE_MARKS)) + tones)
    return "".join(out).encode("cp1258")


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    "data",
    [
        ARTICLE.encode("utf-8"),
        codecs.BOM_UTF8 + ARTICLE.encode("utf-8"),
        ARTICLE.encode("utf-16"),  # with BOM
        codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"),
        ARTICLE.encode("utf-16-le"),  # no BOM: found from the NUL pattern
        ARTICLE.encode("utf-16-be"),
        windows_1258(ARTICLE),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16be-bom", "utf16le-nobom", "utf16be-nobom", "cp1258"],
)
def test_encodings_decode_to_the_same_text(tmp_path: Path, data: bytes) -> None:
    text, _ = read_article(write(tmp_path, "a.txt", data))
    assert text == ARTICLE
    assert "\ufeff" not in text


def test_windows_1258_text_is_nfc_so_offsets_count_letters(tmp_path: Path) -> None:
    data = windows_1258("Thủ tướng Iraq")
    assert len(data) > len("Thủ tướng Iraq")  # the tone marks are separate bytes on disk
    text, _ = read_article(write(tmp_path, "a.txt", data))
    assert text == "Thủ tướng Iraq"
    assert text.index("Iraq") == 10


def test_universal_newlines(tmp_path: Path) -> None:
    text, _ = read_article(write(tmp_path, "a.txt", b"one\r\ntwo\rthree\n"))
    assert text == "one\ntwo\nthree\n"


def test_utf8_cut_inside_the_last_character_keeps_the_rest(tmp_path: Path) -> None:
    data = "Quân đội Mỹ".encode()
    text, _ = read_article(write(tmp_path, "a.txt", data[:-1]))
    assert text == "Quân đội M"


def _refused(path: Path) -> str:
    with pytest.raises(InputError) as caught:
        read_article(path)
    message = str(caught.value)
    assert "\n" not in message
    assert path.name in message
    return message


def test_empty_and_blank_files_are_refused(tmp_path: Path) -> None:
    assert "empty" in _refused(write(tmp_path, "empty.txt", b""))
    assert "empty" in _refused(write(tmp_path, "blank.txt", b" \n\r\n\t"))
    assert "empty" in _refused(write(tmp_path, "bom.txt", codecs.BOM_UTF16_LE + " \n".encode("utf-16-le")))


def test_binary_file_renamed_txt_is_refused(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4
    assert "binary" in _refused(write(tmp_path, "photo.txt", png))


def test_control_characters_mark_binary_data(tmp_path: Path) -> None:
    assert "binary" in _refused(write(tmp_path, "c.txt", b"abc\x01\x02\x03\x04def\x05\x06\x07\x08" * 20))


def test_huge_file_is_refused_from_its_size(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: nothing is written, nothing need be read
    assert path.stat().st_size > MAX_BYTES
    assert "limit" in _refused(path)


def test_undecodable_bytes_are_refused(tmp_path: Path) -> None:
    # 0x81 and 0x8D are undefined in Windows-1258, and the bytes are not UTF-8.
    assert "encoding" in _refused(write(tmp_path, "a.txt", b"Tin t\x81c \x8d\x90 ng\xe0y" * 10))


def test_mojibake_symbols_are_not_taken_for_windows_1258(tmp_path: Path) -> None:
    # Valid Windows-1258 bytes, but they decode to symbols rather than Vietnamese letters.
    assert "encoding" in _refused(write(tmp_path, "a.txt", b"abc \xa7\xb6\xa9\xae\xb1\xbc\x86\x87 xyz" * 5))


PAGE = """<!DOCTYPE html>
<html lang="vi"><head><title>Mỹ và Iraq đối thoại | Báo Thử</title>
<meta property="og:title" content="Mỹ và Iraq đối thoại chiến lược">
<meta property="og:site_name" content="Báo Thử">
<meta property="article:published_time" content="2020-06-12T07:00:00+07:00">
<link rel="canonical" href="https://example.org/my-iraq.html">
</head><body><nav><a href="/">Trang chủ</a> | <a href="/tg">Thế giới</a></nav>
<article><h1>Mỹ và Iraq đối thoại chiến lược</h1>
<p>Vòng đối thoại chiến lược đầu tiên giữa Mỹ và Iraq được tổ chức trực tuyến hôm 11/6, với sự tham gia
của các quan chức ngoại giao và quốc phòng hai nước.</p>
<p>Hai bên ra tuyên bố chung, trong đó Mỹ cam kết tiếp tục giảm quân tại Iraq trong những tháng tới.</p>
</article><footer>Copyright © 2016 - 2024 Báo Thử. Giấy phép cấp ngày 12/3/2021.</footer></body></html>
"""


def test_html_gives_main_text_and_page_metadata(tmp_path: Path) -> None:
    text, meta = read_article(write(tmp_path, "page.html", PAGE.encode()))
    assert "hôm 11/6" in text
    assert "Trang chủ" not in text and "Giấy phép" not in text
    assert meta.title == "Mỹ và Iraq đối thoại chiến lược"
    assert meta.outlet == "Báo Thử"
    assert meta.url == "https://example.org/my-iraq.html"
    assert meta.published == "2020-06-12"


def test_html_date_is_never_taken_from_the_footer(tmp_path: Path) -> None:
    page = PAGE.replace('<meta property="article:published_time" content="2020-06-12T07:00:00+07:00">', "")
    _, meta = read_article(write(tmp_path, "page.html", page.encode()))
    assert meta.published is None


def test_html_is_recognised_by_its_content(tmp_path: Path) -> None:
    text, meta = read_article(write(tmp_path, "page.txt", PAGE.encode()))
    assert "<p>" not in text and "hôm 11/6" in text
    assert meta.outlet == "Báo Thử"


def test_truncated_html_still_gives_its_text(tmp_path: Path) -> None:
    cut = PAGE[: PAGE.index("Hai bên ra") + 40]
    text, _ = read_article(write(tmp_path, "cut.html", cut.encode()))
    assert "hôm 11/6" in text


def test_html_without_text_is_refused(tmp_path: Path) -> None:
    assert "no article text" in _refused(write(tmp_path, "void.html", b"<html><head><title></title></head>"))


def test_build_reads_good_files_and_reports_one_line_per_bad_file(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    write(folder, "good.txt", ARTICLE.encode())
    write(folder, "legacy.txt", windows_1258(ARTICLE))
    write(folder, "page.html", PAGE.encode())
    write(folder, "empty.txt", b"")
    write(folder, "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    write(folder, "broken.txt", b"Tin t\x81c \x8d\x90" * 10)
    with (folder / "huge.md").open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    timeline = build([folder])
    assert sorted(doc.file for doc in timeline.documents) == ["good.txt", "legacy.txt", "page.html"]
    assert len(timeline.errors) == 4
    for name in ("empty.txt", "photo.txt", "broken.txt", "huge.md"):
        (message,) = [e for e in timeline.errors if e.startswith(name)]
        assert "\n" not in message


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("O ministro visitou São Paulo; a reunião durou três horas e terminou após o almoço.", "latin-1"),
        ("Le ministre français a rencontré à Bagdad son homologue irakien pendant trois heures.", "cp1252"),
        ("Министр иностранных дел встретился с послом в понедельник утром в столице.", "cp1251"),
    ],
    ids=["latin1", "cp1252", "cp1251"],
)
def test_legacy_encodings_other_than_windows_1258(tmp_path: Path, text: str, encoding: str) -> None:
    read, _ = read_article(write(tmp_path, "a.txt", text.encode(encoding)))
    assert read == text


def test_a_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert "not a regular file" in _refused(fifo)


def test_a_device_is_refused_even_through_a_link(tmp_path: Path) -> None:
    link = tmp_path / "zeros.txt"
    link.symlink_to("/dev/zero")
    assert "not a regular file" in _refused(link)


def test_the_byte_limit_counts_bytes_read_not_the_size_reported(tmp_path: Path) -> None:
    path = write(tmp_path, "big.txt", b"a few words. " * 100)
    with pytest.raises(InputError, match="limit"):
        read_bytes(path, limit=1000)
    assert len(read_bytes(path, limit=2000)) == 1300


def test_a_tag_with_thousands_of_attributes_keeps_its_text_and_a_bounded_tag(tmp_path: Path) -> None:
    attributes = " ".join(f'data-x{i}="v"' for i in range(20_000))
    page = PAGE.replace("<article>", f"<article {attributes}>")
    assert bounded_markup(page, "a.html").count("data-x") == MAX_ATTRIBUTES
    text, _ = read_article(write(tmp_path, "many.html", page.encode()))
    assert "hôm 11/6" in text


def test_a_page_of_too_many_elements_is_refused_before_parsing(tmp_path: Path) -> None:
    page = "<html><body>" + "<p>x</p>" * (MAX_HTML_ELEMENTS + 1) + "</body></html>"
    assert "elements" in _refused(write(tmp_path, "flood.html", page.encode()))
