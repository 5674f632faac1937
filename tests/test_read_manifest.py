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


@pytest.mark.parametrize("bad", ["29/01/2024", "2024-13", "January 2024"])
def test_a_date_that_is_not_iso_is_a_one_line_error_naming_the_line(tmp_path: Path, bad: str) -> None:
    with pytest.raises(InputError, match=r"manifest\.csv line 3: published") as caught:
        read_manifest(manifest(tmp_path, f"a.txt,,,,2024,vi\nb.txt,,,,{bad},vi\n"))
    assert "\n" not in str(caught.value)


def test_a_manifest_without_file_column_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "m.csv"
    path.write_text("name,title\na.txt,T\n", encoding="utf-8")
    with pytest.raises(InputError, match="no 'file' column"):
        read_manifest(path)
