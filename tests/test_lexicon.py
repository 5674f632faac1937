"""The phrase finder the event stage's word lists go through."""

from hypothesis import given, settings
from hypothesis import strategies as st

from extract.events import _in_regions
from extract.lexicon import Phrases, indexed, remembered, remembered_whole


def test_the_longest_phrase_starting_at_a_place_wins_and_words_stay_whole():
    phrases = Phrases(["peace", "peace talks", "talks", "peace talks resumed", "he"])
    found = Phrases.find(phrases, "The peace talks broke down; he left the peacekeepers.")
    assert [m.phrase for m in found] == ["peace talks", "he"]


def test_a_space_in_a_phrase_matches_any_run_of_spaces_and_names_the_resource_spelling():
    found = Phrases(["air strike"]).find("An Air \n  Strike hit the depot.")
    assert [(m.start, m.end, m.phrase) for m in found] == [(3, 16, "air strike")]


def test_acronyms_are_case_sensitive_and_other_phrases_are_not():
    phrases = Phrases(["US", "troops"])
    assert [m.phrase for m in phrases.find("us and US TROOPS")] == ["US", "troops"]


def test_a_range_is_searched_with_offsets_into_the_whole_text():
    text = "troops here; troops there"
    assert [m.start for m in Phrases(["troops"]).find(text, 5, len(text))] == [13]


def test_a_span_is_inside_the_regions_only_when_one_region_holds_it_whole():
    regions = ((0, 10), (20, 30))
    assert _in_regions(regions, 2, 8)
    assert _in_regions(regions, 20, 30)
    assert not _in_regions(regions, 8, 22)
    assert not _in_regions(regions, 12, 15)
    assert not _in_regions((), 0, 1)


def test_overlaps_resolve_for_the_longest_however_many_matches():
    from extract.lexicon import Match, longest_first

    many = [Match(i, i + 2, "ab") for i in range(0, 20_000, 3)] + [Match(4, 10, "long")]
    kept = longest_first(many)
    assert Match(4, 10, "long") in kept and Match(3, 5, "ab") not in kept and Match(9, 11, "ab") not in kept
    assert len(kept) == len(many) - 3 and kept == sorted(kept)  # (3, 5), (6, 8), (9, 11) give way


# words of a few phrase lists cut and run together with punctuation, letters the regex engine
# equates with others case ignored ('ı', 'ſ', the Kelvin sign, 'İ', 'Σ', 'ͅ'), and decomposed text
_PIECES = [
    "US", "U.S.", "u.s", "Iraq", "iraqi", "Baghdad", "Lầu", "Năm", "Góc", "Mỹ", "quân", "đội", "Quân đội Mỹ",
    "không kích", "struck", "strike", "\u0131raq", "\u017ftruck", "\u212a", "\u0130raq", "\u03a3", "\u0345",
    "My\u0303", "\u0345xy", "-", ",", ".", "(",
    "'", "’", "1", "2024",
]  # fmt: skip
_LISTS = [
    Phrases(["US", "U.S.", "Iraq", "Baghdad", "Lầu Năm Góc", "Mỹ", "Quân đội Mỹ", "US forces"]),
    Phrases(["struck", "strike", "không kích", "quân", "k"]),
    Phrases(["iraqi", "u.s", "\u03b9xy"]),
]


@settings(max_examples=400, deadline=None)
@given(
    pieces=st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from([" ", "", "  ", "\n"])), max_size=14),
    cuts=st.tuples(st.integers(0, 200), st.integers(0, 200)),
)
def test_an_indexed_text_gives_what_a_full_scan_gives(pieces, cuts) -> None:
    text = "".join(word + gap for word, gap in pieces)
    start, end = sorted(min(c, len(text)) for c in cuts)
    for phrases in _LISTS:
        plain = phrases.find(text, start, end)
        with indexed(text):
            assert phrases.find(text, start, end) == plain, (text, start, end)


def test_an_indexed_text_finds_a_phrase_in_a_word_the_part_searched_cuts() -> None:
    text = "in the Iraqi army, US-led"
    for start, end, found in ((0, 11, ["Iraq"]), (9, 20, ["aqi"]), (0, 21, ["US"])):
        phrases = Phrases(["Iraq", "aqi", "US"])
        plain = [m.phrase for m in phrases.find(text, start, end)]
        with indexed(text):
            assert [m.phrase for m in phrases.find(text, start, end)] == plain == found


def test_an_indexed_text_finds_a_phrase_opening_at_a_sign_the_regex_equates_with_a_letter() -> None:
    text = "a \u0345xy b"  # the ypogegrammeni is no word character, yet matches 'ι' case ignored
    phrases = Phrases(["\u03b9xy"])
    plain = phrases.find(text)
    with indexed(text):
        assert phrases.find(text) == plain == [(2, 5, "\u03b9xy")]


def test_a_short_text_is_searched_once_and_each_caller_gets_its_own_list(monkeypatch) -> None:
    import extract.lexicon as lexicon_module

    phrases = Phrases(["in", "the", "US"])
    first = phrases.find("in the US")
    assert [m.phrase for m in first] == ["in", "the", "US"]
    first.clear()  # a caller's list is its own
    assert phrases.find("in the US") == Phrases(["in", "the", "US"]).find("in the US") != []
    assert phrases.find("in the US", 3) == [(3, 6, "the"), (7, 9, "US")]  # a part: searched as before
    monkeypatch.setattr(lexicon_module, "SHORT_TEXTS_KEPT", 2)
    for text in ("in", "the", "US", "in the"):
        assert [m.phrase for m in phrases.find(text)] == text.split()
    assert len(phrases._in_short) <= 2  # forgotten all at once when full


def test_every_part_of_an_indexed_text_gives_what_a_scan_of_the_part_gives() -> None:
    """Parts opening or ending inside a word, at a space, inside a phrase, or empty: the index
    tries only where a phrase may begin, and finds what a scan of the part finds."""
    text = "Quân đội Mỹ không kích; US forces  struck Iraqi k, U.S.-led (US) quân"
    for phrases in _LISTS:
        plain = {(a, b): phrases.find(text, a, b) for a in range(len(text) + 1) for b in range(len(text) + 1)}
        with indexed(text):
            assert {(a, b): phrases.find(text, a, b) for a, b in plain} == plain


def test_an_answer_about_the_whole_indexed_text_outlasts_the_answers_about_its_parts(monkeypatch) -> None:
    """``remembered`` forgets its answers when full; ``remembered_whole`` keeps one about the whole
    article for the index's life (worked out again, it would cost the square of a long article)."""
    import extract.lexicon as lexicon_module

    monkeypatch.setattr(lexicon_module, "MEMO_ANSWERS", 2)
    text = "Iraq and the US met on Monday."
    computed: list[str] = []

    def count(what: str) -> int:
        computed.append(what)
        return len(computed)

    with indexed(text):
        assert remembered_whole(text, ("whole",), count, "whole") == 1
        for n in range(5):  # the answers about parts are forgotten twice over
            remembered(text, ("part", n), count, "part")
        assert remembered_whole(text, ("whole",), count, "whole") == 1
        assert remembered_whole("another text", ("whole",), count, "whole") == 7  # not the indexed one
    assert computed.count("whole") == 2
    with indexed(text):  # a new index knows nothing of the last
        assert remembered_whole(text, ("whole",), count, "whole") == 8


@settings(max_examples=300, deadline=None)
@given(
    pieces=st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from([" ", "", "  ", "\n"])), max_size=10),
    cuts=st.tuples(st.integers(0, 120), st.integers(0, 120)),
)
def test_what_opens_a_part_is_the_first_of_what_a_search_of_the_part_finds(pieces, cuts) -> None:
    """``opening`` tries a one-regex list only at the part's start: the same answer as the first of
    what ``find`` finds there, the other list (acronyms and words) searched whole."""
    text = "".join(piece + gap for piece, gap in pieces)
    start, end = sorted(cuts)
    for phrases in [*_LISTS, Phrases(["struck", "strike", "không kích", "quân", "k", "IS"])]:
        found = phrases._search(text, start, min(end, len(text)))
        first = found[0] if found and found[0].start == start else None
        assert phrases.opening(text, start, end) == first
