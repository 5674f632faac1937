"""Time expression tagging and TIMEX3 normalisation."""

from extract.timex.tagger import tag, tag_document

__all__ = ["tag", "tag_document"]
