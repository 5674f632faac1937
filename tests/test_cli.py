import csv
import io
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from extract import pipeline, store
from extract.cli import EXIT_INTERRUPTED, EXIT_NOTHING_READ, EXIT_SOME_SKIPPED, EXIT_USAGE, main

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
    assert main(["build", str(articles), "--out", str(tmp_path / "out")]) == EXIT_SOME_SKIPPED
    err_lines = capsys.readouterr().err.splitlines()
    assert len([line for line in err_lines if line.startswith(("empty.txt", "binary.txt"))]) == 2
    data = json.loads((tmp_path / "out" / "events.json").read_text(encoding="utf-8"))
    assert [d["file"] for d in data["documents"]] == ["good.txt"]


def _built(out: Path) -> dict[str, bytes]:
    assert (
        main(
            ["build", str(ROOT / "seeds"), "--manifest", str(ROOT / "seeds/manifest.csv"), "--out", str(out)]
        )
        == 0
    )
    return {name: (out / name).read_bytes() for name in ("events.json", "timeline.csv")}


@pytest.mark.parametrize("given", ["a mistyped folder", "an empty folder", "only bad files"])
def test_a_build_that_reads_no_article_leaves_the_previous_output_as_it_was(tmp_path, capsys, given):
    before = _built(tmp_path / "out")
    articles = tmp_path / "in"
    if given != "a mistyped folder":
        articles.mkdir()
    if given == "only bad files":
        (articles / "empty.txt").write_bytes(b"")
    assert main(["build", str(articles), "--out", str(tmp_path / "out")]) == EXIT_NOTHING_READ
    assert {name: (tmp_path / "out" / name).read_bytes() for name in before} == before
    assert "left as it was" in capsys.readouterr().err


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_article_that_fails_in_any_stage_is_one_line_and_the_others_go_on(tmp_path, monkeypatch, jobs):
    articles = tmp_path / "in"
    articles.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (articles / name).write_text(f"Hôm 24/1/2024, Mỹ và Iraq đàm phán ({name}).\n", encoding="utf-8")
    real_split = pipeline.split

    def split_failing_on_b(doc):
        if doc.file == "b.txt":
            raise TypeError("an unexpected None\nacross two lines")
        return real_split(doc)

    monkeypatch.setattr(pipeline, "split", split_failing_on_b)
    timeline = pipeline.build([articles], jobs=jobs)  # workers are forked with the failing stage
    assert [d.file for d in timeline.documents] == ["a.txt", "c.txt"]
    assert timeline.errors == [
        "b.txt: failed in the sentence stage (TypeError: an unexpected None across two lines)"
    ]


def test_a_file_name_that_is_not_utf8_is_shown_escaped_and_built(tmp_path):
    articles = tmp_path / "in"
    articles.mkdir()
    raw = os.path.join(os.fsencode(articles), b"caf\xe9.txt")
    with open(raw, "wb") as handle:
        handle.write("Hôm 24/1/2024, Mỹ và Iraq bắt đầu đàm phán.\n".encode())
    assert main(["build", str(articles), "--out", str(tmp_path / "out")]) == 0
    data = json.loads((tmp_path / "out" / "events.json").read_text(encoding="utf-8"))
    assert [d["file"] for d in data["documents"]] == ["caf\\xe9.txt"]
    assert data["events"] and data["events"][0]["sources"][0]["file"] == "caf\\xe9.txt"


_KILLED_WHILE_SAVING = """
import os, signal, sys
from extract import store
from extract.cli import main

def die(fd):  # the new file is written, not yet in place: the worst moment to be killed
    os.kill(os.getpid(), signal.SIGKILL)

store.os.fsync = die
main(sys.argv[1:])
"""


def test_a_build_killed_while_saving_leaves_the_previous_output_intact(tmp_path):
    before = _built(tmp_path / "out")
    args = ["build", str(ROOT / "seeds"), "--out", str(tmp_path / "out")]  # no manifest: other output
    done = subprocess.run([sys.executable, "-c", _KILLED_WHILE_SAVING, *args], cwd=ROOT, capture_output=True)
    assert done.returncode == -signal.SIGKILL
    assert {name: (tmp_path / "out" / name).read_bytes() for name in before} == before
    json.loads(before["events.json"])


def test_ctrl_c_while_saving_prints_one_line_and_keeps_the_previous_output(tmp_path, capsys, monkeypatch):
    before = _built(tmp_path / "out")
    capsys.readouterr()

    def interrupt(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(store.os, "fsync", interrupt)
    args = ["build", str(ROOT / "seeds"), "--out", str(tmp_path / "out")]
    assert main(args) == EXIT_INTERRUPTED
    assert capsys.readouterr().err.strip().splitlines()[-1] == "interrupted: nothing more was written"
    assert {name: (tmp_path / "out" / name).read_bytes() for name in before} == before
    assert not [p.name for p in (tmp_path / "out").iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("bad", ["garbage", "2024-02-30", "0000-01-01"])
def test_timex_refuses_a_publication_date_that_is_not_a_calendar_date(tmp_path, capsys, bad):
    article = tmp_path / "a.txt"
    article.write_text("Ngày 24/1, Mỹ gửi thông điệp tới Iraq.\n", encoding="utf-8")
    with pytest.raises(SystemExit) as exited:
        main(["timex", str(article), "--published", bad])
    assert exited.value.code == EXIT_USAGE
    assert "--published" in capsys.readouterr().err


def test_timex_tags_the_article_not_its_trailing_boilerplate_unless_asked(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text(
        "Ngày 24/1/2024, Mỹ gửi thông điệp tới Iraq về việc rút quân.\n\nTin liên quan\n\n"
        "Ngày 3/2/2023, một tin khác\n",
        encoding="utf-8",
    )
    main(["timex", str(article), "--lang", "vi"])
    assert [json.loads(line)["value"] for line in capsys.readouterr().out.splitlines()] == ["2024-01-24"]
    main(["timex", str(article), "--lang", "vi", "--all"])
    assert len(capsys.readouterr().out.splitlines()) == 2


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
