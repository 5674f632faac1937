"""Manifest CSV: metadata by file name, partial ISO dates, one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.manifest import read_manifest
from extract.read import InputError


def manifest(tmp_path: Path, rows: str) -> Path:
    path = tmp_path / "manifest.csv"
    path.write_text("file,title,outlet,url,published,language\n" + rows, encoding="utf-8-sig")
    return path


def test_rows_by_file_name_with_partial_dates(tmp_path: Path) -> None:
    found = read_manifest(
        manifest(
            tmp_path,
            'sub/a.txt,"Mỹ, Iraq",Báo Thử,,2020-02,vi-VN\n'
            "b.txt,,,https://example.org/b,2023-03-07T06:14:00-05:00,EN\n"
            "c.txt,,,,,\n",
        )
    )
    assert found["a.txt"].title == "Mỹ, Iraq"
    assert found["a.txt"].published == "2020-02"
    assert found["a.txt"].language == "vi"
    assert found["b.txt"].published == "2023-03-07"
    assert found["b.txt"].language == "en"
    assert found["c.txt"].published is None and found["c.txt"].outlet is None


@pytest.mark.parametrize("bad", ["29/01/2024", "2024-13", "January 2024", "2020-02-30", "0000-01-01"])
def test_a_bad_date_is_reported_on_its_line_and_loses_only_that_date(tmp_path: Path, bad: str) -> None:
    said: list[str] = []
    found = read_manifest(
        manifest(tmp_path, f"a.txt,,,,2024,vi\nb.txt,Tiêu đề,,,{bad},vi\n"), warn=said.append
    )
    assert found["a.txt"].published == "2024"
    assert found["b.txt"].published is None and found["b.txt"].title == "Tiêu đề"
    (message,) = said
    assert message.startswith("manifest.csv line 3: published") and "\n" not in message


def test_a_repeated_file_keeps_its_first_row_and_is_reported(tmp_path: Path) -> None:
    said: list[str] = []
    found = read_manifest(
        manifest(tmp_path, "a.txt,First,,,,\nb.txt,,,,,\na.txt,Second,,,,\n"), warn=said.append
    )
    assert found["a.txt"].title == "First"
    assert said == ["manifest.csv line 4: a.txt is listed again (first on line 2); the first row is kept"]


def test_an_unclosed_quote_drops_its_row_not_the_rest_of_the_manifest(tmp_path: Path) -> None:
    said: list[str] = []
    rows = 'a.txt,"An open quote,,,,\nb.txt,B,,,,\n'
    found = read_manifest(manifest(tmp_path, rows), warn=said.append)
    assert "a.txt" not in found
    assert len(said) == 1 and said[0].startswith("manifest.csv line 2: a quoted cell runs over several lines")


def test_a_manifest_in_a_legacy_encoding_or_utf16_is_read(tmp_path: Path) -> None:
    path = tmp_path / "m.csv"
    path.write_bytes("file,title\na.txt,São Paulo talks\n".encode("utf-16"))
    assert read_manifest(path)["a.txt"].title == "São Paulo talks"


def test_a_manifest_without_file_column_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "m.csv"
    path.write_text("name,title\na.txt,T\n", encoding="utf-8")
    with pytest.raises(InputError, match="no 'file' column"):
        read_manifest(path)
