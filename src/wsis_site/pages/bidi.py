"""Right-to-left pages: isolate runs of Latin script so they keep their order in the sentence.

In an Arabic sentence, "WSIS+20", "www.wsis.org/forum" or "(UTC+02:00)" would otherwise be
reordered by the Unicode bidirectional algorithm around their punctuation; `<bdi>` isolates each
run as its own left-to-right unit (HTML's recommended markup for text of unknown direction).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from wsis_site.pages.theme_languages import theme_text

#: A run of Latin words: starts with a Latin letter, may hold digits and the punctuation of
#: addresses and acronyms, and ends on a letter or digit (a final full stop stays outside).
_LATIN = "A-Za-z0-9À-ɏ"
# A character of a run, or a whole character reference (`&amp;`): a run never ends inside one.
_PIECE = rf"(?:[{_LATIN}@.:/+\-–'\u2019_()]|&#?\w+;)"
LATIN_RUN = re.compile(
    rf"(?<![&#{_LATIN}])[A-Za-zÀ-ɏ]{_PIECE}*(?:[ \u00a0]+(?:[{_LATIN}(]|&#?\w+;){_PIECE}*)*"
    rf"(?<=[{_LATIN});])"
    # Numbers grouped with spaces ("14 000", "+41 22 730 6240") would read "000 14" and
    # "6240 730 22 41+" between Arabic words.
    r"|(?<![\d&#])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)"
    r"|\+\d+(?:[ \u00a0]\d+)+"
)
#: A quoted attribute value may hold `>`: a tag ends at the first `>` outside quotes.
_TAG = r"""<(?:[^>"']|"[^"]*"|'[^']*')*>"""
#: What is not prose: a comment, an element whose content is raw text (a script's `a<b` is not a
#: tag), or a tag. A tokenizer's units, as a browser's: a run never spans one.
MARKUP = re.compile(
    rf"<!--.*?-->|<(script|style|textarea|title)\b{_TAG[1:]}.*?</\1\s*>|{_TAG}",
    re.DOTALL | re.IGNORECASE,
)
HTML_START = re.compile(r"(<html\b(?![^>]*\bdir=)[^>]*)>")
#: Tags of the elements whose text is not prose, or is isolated already.
SKIPPED_TAG = re.compile(r"</?(svg|code|pre|bdi)(?![a-zA-Z0-9-])", re.IGNORECASE)


def is_right_to_left(language: str) -> bool:
    """True when the theme writes the language right to left (`<body dir="rtl">`: Arabic…)."""
    return theme_text(language, "direction") == "rtl"


def isolate_latin_runs(html: str) -> str:
    """`html` with each run of Latin script in its prose wrapped in `<bdi>`."""
    parts: list[str] = []
    skipping: list[str] = []
    end = 0
    for markup in MARKUP.finditer(html):
        parts += [_isolated_prose(html[end : markup.start()], skipping), markup.group()]
        if markup.group(1) is None and not markup.group().startswith("<!--"):
            _track_skipped(markup.group(), skipping)
        end = markup.end()
    parts.append(_isolated_prose(html[end:], skipping))
    return "".join(parts)


def _isolated_prose(text: str, skipping: list[str]) -> str:
    return LATIN_RUN.sub(_isolated, text) if not skipping and text.strip() else text


def _track_skipped(tag: str, skipping: list[str]) -> None:
    """Note entering or leaving an element whose text is not prose."""
    if skipped := SKIPPED_TAG.match(tag):
        name = skipped[1].lower()
        if tag.startswith("</"):
            if skipping and skipping[-1] == name:
                skipping.pop()
        elif not tag.endswith("/>"):
            skipping.append(name)


def isolate_in_folder(folder: Path, skip: Iterable[Path] = ()) -> None:
    """Rewrite every page under `folder` (one right-to-left language's), except under `skip`."""
    skipped = tuple(skip)
    for page in folder.rglob("*.html"):
        if page.is_symlink() or any(page.is_relative_to(other) for other in skipped):
            continue
        text = page.read_text(encoding="utf-8")
        page.write_text(isolate_latin_runs(right_to_left_root(text)), encoding="utf-8")


def right_to_left_root(html: str) -> str:
    """Material marks `<body dir="rtl">`; the root carries it too, for the title and head."""
    return HTML_START.sub(r'\1 dir="rtl">', html, count=1)


def _isolated(match: re.Match[str]) -> str:
    run = match.group()
    # A closing bracket whose opening one is outside the run stays with it, in the sentence.
    unmatched = run.count(")") - run.count("(")
    kept = len(run) - min(max(unmatched, 0), len(run) - len(run.rstrip(")")))
    return f"<bdi>{run[:kept]}</bdi>{run[kept:]}"
