"""Sentence stage: split the article's regions into sentences with exact offsets."""

from __future__ import annotations

import re

from extract.model import Document, Sentence

_SENTENCE = re.compile(r"[^\n.!?]+(?:[.!?]+|$)", re.MULTILINE)


def split(doc: Document) -> list[Sentence]:
    sentences = []
    for start, end in doc.regions:
        for m in _SENTENCE.finditer(doc.text, start, end):
            s, e = m.start(), m.end()
            while s < e and doc.text[s].isspace():
                s += 1
            if s < e:
                sentences.append(Sentence(s, e, doc.text[s:e]))
    return sentences
