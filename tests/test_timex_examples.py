"""Rules that carry their own examples: every [[rule]] of lang/*/timex.toml lists phrases (with a reference
date and the value expected), and this test runs them all. The same phrases check that the start-word
prefilter never drops a match the full rules find."""

from __future__ import annotations

import tomllib

import pytest

from extract.timex import tag
from extract.timex.resources import grammar, resource_files

LANGS = ("en", "vi")


def _rule_specs(lang: str) -> list[dict]:
    return [
        spec
        for path in resource_files(lang)
        for spec in tomllib.loads(path.read_text(encoding="utf-8")).get("rule", [])
    ]


_EXAMPLES = [
    (lang, spec["name"], phrase, reference, value)
    for lang in LANGS
    for spec in _rule_specs(lang)
    for phrase, reference, value in spec.get("examples", [])
]


@pytest.mark.parametrize("lang", LANGS)
def test_every_rule_carries_examples(lang: str) -> None:
    bare = [spec["name"] for spec in _rule_specs(lang) if not spec.get("examples")]
    assert bare == [], f"{lang}: rules without examples: {bare}"


@pytest.mark.parametrize(("lang", "rule", "phrase", "reference", "value"), _EXAMPLES)
def test_rule_example_gives_its_value(lang: str, rule: str, phrase: str, reference: str, value: str) -> None:
    # the rule itself matches (not an earlier rule that shadows it), and the tagger gives the value there
    spans = {(m.start(), m.end()) for r, m in grammar(lang).scan(phrase, 0, len(phrase)) if r.name == rule}
    assert spans, f"{rule}: no match of the rule in {phrase!r}"
    found = {(t.start, t.end): t.value for t in tag(phrase, published=reference, lang=lang)}
    assert any(found.get(span) == value for span in spans), f"{rule}: {phrase!r} gave {found}, not {value}"


@pytest.mark.parametrize(("lang", "rule", "phrase"), [example[:3] for example in _EXAMPLES])
def test_prefilter_keeps_every_rule_example(lang: str, rule: str, phrase: str) -> None:
    rules = grammar(lang)
    for text in (phrase, f"({phrase})", f"Tin: {phrase}\n{phrase}"):
        quick = [(m.start(), m.end()) for _, m in rules.scan(text, 0, len(text))]
        full = [(m.start(), m.end()) for _, m in rules.scan(text, 0, len(text), prefilter=False)]
        assert quick == full, f"{rule}: the prefilter drops a match in {text!r}"
