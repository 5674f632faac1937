"""TimeML reading and writing, TempEval-3 metrics and the Duckling phrase rule."""

from __future__ import annotations

from extract.evaluate.duckling import value_right
from extract.evaluate.tempeval import parse_timeml, score_document, tag_directory, write_timeml
from extract.model import Timex

SOURCE = """<?xml version="1.0" ?>
<TimeML>
<DOCID>TINY1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07">19980807</TIMEX3></DCT>
<TEXT>
AT&amp;T <EVENT eid="e1">said</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-08-06">Thursday</TIMEX3> \
it would <EVENT eid="e2">cut</EVENT> 5 &lt; 6 jobs within <TIMEX3 tid="t2" type="DURATION" value="P2Y" \
mod="APPROX">about two years</TIMEX3>.<TIMEX3 tid="t3" type="DATE" value="1998" />
</TEXT>
<TLINK lid="l1" eventInstanceID="ei1" relatedToTime="t1" relType="IS_INCLUDED"/>
</TimeML>
"""


def test_parsing_strips_tags_decodes_entities_and_keeps_exact_spans():
    doc = parse_timeml(SOURCE, "tiny.tml")
    assert doc.dct == "1998-08-07"
    assert doc.text == "\nAT&T said Thursday it would cut 5 < 6 jobs within about two years.\n"
    assert [(doc.text[t.start : t.end], t.type, t.value, t.mod) for t in doc.timexes] == [
        ("Thursday", "DATE", "1998-08-06", None),
        ("about two years", "DURATION", "P2Y", "APPROX"),
    ]


def test_written_timeml_reads_back_as_the_same_text_and_expressions():
    doc = parse_timeml(SOURCE, "tiny.tml")
    start = doc.text.index("Thursday")
    tagged = [
        Timex(start, start + 8, "Thursday", "DATE", "1998-08-06"),
        Timex(start + 2, start + 8, "ursday", "DATE", "XXXX"),  # overlapping: cannot nest, dropped
    ]
    written = write_timeml(doc, tagged)
    again = parse_timeml(written, "tiny.tml")
    assert again.text == doc.text and again.dct == doc.dct
    assert again.timexes == (tagged[0],)
    assert 'tid="t1"' in written and 'tid="t0"' in written and "TLINK" not in written


def test_tempeval_metrics_count_system_and_gold_sides():
    doc = parse_timeml(SOURCE, "tiny.tml")
    thursday, years = doc.timexes
    system = [
        Timex(thursday.start, thursday.end, thursday.text, "DATE", "1998-08-06"),
        Timex(years.start + 6, years.end, "two years", "DURATION", "P3Y"),
        Timex(1, 5, "AT&T", "DATE", "XXXX"),
    ]
    score = score_document(doc, system)
    assert (score.strict.system_matched, score.strict.gold_matched) == (1, 1)
    assert (score.relaxed.system_matched, score.relaxed.system, score.relaxed.gold_matched) == (2, 3, 2)
    assert (score.value.system_matched, score.value.gold_matched) == (1, 1)
    assert score.type_accuracy == 1.0


def test_duckling_values_are_cut_to_the_case_grain():
    reference = "2017-02-02T03:55"
    assert value_right("2017-02-01", "day", "2017-02-01", reference)
    assert value_right("2017-06", "month", "2017-06", reference)
    assert not value_right("2017", "month", "2017-06", reference)
    assert value_right("2017-W05", "week", "2017-01-30", reference)
    assert value_right("2017-02-02TEV", "hour", "2017-02-02T18", reference)
    assert value_right("2017-02-02T15:30", "minute", "2017-02-02T15:30", reference)
    assert not value_right("2017-02-02T15", "minute", "2017-02-02T15:30", reference)
    assert value_right("PRESENT_REF", "second", "2017-02-02T03:55:00", reference)
    assert value_right("2017-Q3", "quarter", "2017-Q3", reference)
    assert value_right("2017-SU", "day", "2017-06-21", reference)
    assert not value_right("2017-WI", "day", "2016-12-21", reference)


def test_tag_directory_writes_timeml_that_reads_back_with_the_same_text(tmp_path):
    source_dir, out_dir = tmp_path / "in", tmp_path / "out"
    (source_dir / "sub").mkdir(parents=True)
    (source_dir / "sub" / "tiny.tml").write_text(SOURCE, encoding="utf-8")
    assert tag_directory(source_dir, out_dir) == 1
    written = parse_timeml((out_dir / "sub" / "tiny.tml").read_text(encoding="utf-8"))
    original = parse_timeml(SOURCE)
    assert written.text == original.text and written.dct == original.dct
    assert all(written.text[t.start : t.end] == t.text and t.value for t in written.timexes)
