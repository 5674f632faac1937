"""Time expression tagging and TIMEX3 normalisation."""

from extract.timex.tagger import tag

__all__ = ["tag"]
