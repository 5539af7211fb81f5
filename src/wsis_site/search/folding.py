"""Accent-insensitive search: entries also carry their accented words without accents."""

from __future__ import annotations

import html
import re
import unicodedata
from functools import cache
from typing import Any

#: Languages whose readers type Latin words without accents ("inscripcion", "evenement").
#: Arabic, Chinese and Russian are left alone: folding й into и changes the word.
FOLDED_LANGUAGES = frozenset({"es", "en", "fr"})

_TAG = re.compile(r"<[^>]*>")
_WORD = re.compile(r"\w+")
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE"})


@cache  # an index repeats its words many times over
def fold(text: str) -> str:
    """`text` without diacritics: é → e, ñ → n, œ → oe."""
    decomposed = unicodedata.normalize("NFD", text.translate(_LIGATURES))
    return unicodedata.normalize(
        "NFC", "".join(char for char in decomposed if not unicodedata.combining(char))
    )


def with_folded_words(entry: dict[str, Any]) -> dict[str, Any]:
    """The entry, its text followed by a hidden copy of its accented words, folded.

    lunr's pipeline has no accent folding and Material's worker takes no custom pipeline, so
    the index holds both spellings; `hidden` keeps the copy out of the visible snippet.
    """
    visible = html.unescape(_TAG.sub(" ", f"{entry['title']} {entry['text']}"))
    accented = dict.fromkeys(word for word in _WORD.findall(visible) if not word.isascii())
    folded = dict.fromkeys(bare for word in accented if (bare := fold(word)) != word)
    if not folded:
        return entry
    return {**entry, "text": f"{entry['text']} <span hidden>{' '.join(folded)}</span>"}
