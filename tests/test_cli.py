import csv
import io
import json
import subprocess
import sys
from pathlib import Path

from extract.cli import main

ROOT = Path(__file__).resolve().parent.parent


def test_build_writes_events_json_and_csv(tmp_path):
    args = [
        "build",
        str(ROOT / "seeds"),
        "--manifest",
        str(ROOT / "seeds/manifest.csv"),
        "--out",
        str(tmp_path),
    ]
    assert main(args) == 0
    data = json.loads((tmp_path / "events.json").read_text(encoding="utf-8"))
    assert {d["file"] for d in data["documents"]} == {"000_16a87874902828e2.txt", "001_b42aa4ae9a39e79e.txt"}
    csv_bytes = (tmp_path / "timeline.csv").read_bytes()
    assert csv_bytes.startswith(b"\xef\xbb\xbfdate,")
    rows = list(csv.DictReader(io.StringIO(csv_bytes.decode("utf-8-sig"))))
    assert [r["date"] for r in rows] == [e["date"] for e in data["events"]]


def test_build_reports_bad_files_and_keeps_the_good_ones(tmp_path, capsys):
    articles = tmp_path / "in"
    articles.mkdir()
    (articles / "good.txt").write_text("Hôm 24/1/2024, Mỹ và Iraq bắt đầu đàm phán.\n", encoding="utf-8")
    (articles / "empty.txt").write_bytes(b"")
    (articles / "binary.txt").write_bytes(bytes(range(256)) * 8)
    assert main(["build", str(articles), "--out", str(tmp_path / "out")]) == 0
    err_lines = capsys.readouterr().err.splitlines()
    assert len([line for line in err_lines if line.startswith(("empty.txt", "binary.txt"))]) == 2
    data = json.loads((tmp_path / "out" / "events.json").read_text(encoding="utf-8"))
    assert [d["file"] for d in data["documents"]] == ["good.txt"]


def test_build_exits_non_zero_when_no_file_could_be_read(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    assert main(["build", str(tmp_path / "empty.txt"), "--out", str(tmp_path / "out")]) == 1


def test_timex_prints_one_json_object_per_expression(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Ngày 24/1/2024, Mỹ gửi thông điệp tới Iraq.\n", encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "extract", "timex", str(article), "--lang", "vi"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout
    rows = [json.loads(line) for line in out.splitlines()]
    assert any(r["value"] == "2024-01-24" for r in rows)
    text = article.read_text(encoding="utf-8")
    for row in rows:
        assert text[row["start"] : row["end"]] == row["text"]
        assert set(row) >= {"start", "end", "text", "type", "value"}
