"""Find time expressions and normalise them to TIMEX3, anchored to publication date or narrative."""

from __future__ import annotations

from collections.abc import Sequence

from extract.model import Timex
from extract.timex.context import Context, Published
from extract.timex.normalise import NORMALISERS
from extract.timex.resources import grammar, slots
from extract.timex.textmap import normal

# what is known of an expression whose normaliser could not say more: nothing but its kind
UNSPECIFIED = {"DATE": "XXXX", "SET": "XXXX", "TIME": "XXXX-XX-XXTXX:XX", "DURATION": "PXY"}


def tag(
    text: str,
    *,
    published: str | None = None,
    lang: str = "vi",
    regions: Sequence[tuple[int, int]] | None = None,
) -> list[Timex]:
    """Time expressions of ``text`` (only inside ``regions`` when given), in text order."""
    try:
        rules = grammar(lang)
    except LookupError:  # a language without resources has no time expressions we can read
        return []
    norm = normal(text)
    ctx = Context(
        Published.parse(published),
        rules.settings,
        holidays=rules.holidays,
        text=norm.text,
        future_cues=rules.future_cues,
    )
    found: list[Timex] = []
    for region_start, region_end in sorted(regions) if regions else [(0, len(text))]:
        start, end = norm.normal(region_start), norm.normal(region_end)
        for rule, match in rules.scan(norm.text, start, end):
            values = slots(rule, match)
            values["_offset"] = match.start()
            values["_end"] = match.end()
            norm_name = rule.norm
            for pattern, in_context in rule.contexts:
                if ctx.sentence_has(match.start(), match.end(), pattern):
                    values.update(in_context)
                    norm_name = values.pop("norm", norm_name)
                    break
            result = NORMALISERS[norm_name](values, ctx, rule.type)
            original_start, original_end = norm.original(match.start()), norm.original(match.end())
            if result is None or original_end <= original_start:
                continue
            kind, value, mod = result
            value = value or UNSPECIFIED[kind]
            expression = text[original_start:original_end]
            found.append(Timex(original_start, original_end, expression, kind, value, mod))
    return found
