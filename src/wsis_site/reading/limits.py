"""The largest data the site accepts: far above any real forum, and a site that still builds fast.

A script that appends items in a loop must fail validation in a second with a sentence, not
hold a CI runner until its timeout. Each limit is checked while a file is read (sizes before
reading, counts and lengths while parsing), so validation stops at the first one exceeded.
CONTRIBUTING lists them for editors; `make bench` validates and builds the largest site they
allow ("At the limits" in BENCHMARKS.md: 2,080 pages in about 3 minutes on the 2-core machine,
far inside a CI job's timeout), so they are chosen from a measurement.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from wsis_site.reading.errors import FieldPath

#: Any other file of `data/` but the letters' texts, in bytes (the real ones are under 80 kB; at
#: the other limits, with texts as long as the real ones, the largest is 1.2 MB).
DATA_FILE_BYTES = 2_000_000
#: `data/translated-from.yaml`, written by the tools: one line per text and language, 3.2 MB at the
#: other limits.
TRANSLATION_RECORD_BYTES = 4_000_000
#: One letter's text in one language, in bytes (the real ones are under 8 kB).
LETTER_FILE_BYTES = 100_000
#: One text of a data file, in characters (the real ones are under 600).
TEXT_CHARACTERS = 2_000
LANGUAGES = 10
EDITIONS = 100
ITEMS_PER_EDITION = 100
ITEMS = 1_000
"""Items of all editions together."""
LETTERS = 100
LETTER_FILES = LETTERS * LANGUAGES
"""Files in `data/letters/`: one text per letter and language."""
ORGANIZATIONS = 300
CONTACTS = 100


@dataclass(frozen=True)
class CountLimit:
    """At most `most` entries in the mappings or lists of one file found at `path`."""

    file: str
    path: tuple[str, ...]
    """`*` stands for any key: `("editions", "*", "items")` is every edition's items."""
    most: int
    sentence: str
    """What is wrong, from the keys `*` stood for (`{0}`…) and `{most}`."""

    def matches(self, path: FieldPath) -> bool:
        """Whether a collection at `path` is one this limit counts."""
        return len(path) == len(self.path) and all(
            part == "*" or part == found for part, found in zip(self.path, path, strict=True)
        )

    def message(self, path: FieldPath) -> str:
        """The refusal for the collection at `path`."""
        named = [str(found) for part, found in zip(self.path, path, strict=True) if part == "*"]
        return self.sentence.format(*named, most=self.most)


@dataclass(frozen=True)
class TotalLimit:
    """At most `most` entries in all the collections one `CountLimit` counts, together."""

    of: CountLimit
    most: int
    sentence: str


COUNT_LIMITS = (
    CountLimit(
        "site.yaml",
        ("languages",),
        LANGUAGES,
        "there are more than {most} languages; at most {most} are allowed",
    ),
    CountLimit(
        "events.yaml",
        ("editions",),
        EDITIONS,
        "there are more than {most} editions; at most {most} are allowed",
    ),
    CountLimit(
        "phases.yaml",
        ("editions", "*", "items"),
        ITEMS_PER_EDITION,
        "edition {0} has more than {most} items; at most {most} are allowed per edition",
    ),
    CountLimit(
        "letters.yaml",
        ("letters",),
        LETTERS,
        "there are more than {most} letters; at most {most} are allowed",
    ),
    CountLimit(
        "organizations.yaml",
        ("organizations",),
        ORGANIZATIONS,
        "there are more than {most} organizations; at most {most} are allowed",
    ),
    CountLimit(
        "contacts.yaml",
        ("contacts",),
        CONTACTS,
        "there are more than {most} contacts; at most {most} are allowed",
    ),
)
TOTAL_LIMITS = (
    TotalLimit(
        COUNT_LIMITS[2],
        ITEMS,
        "the editions have more than {most} items together; at most {most} are allowed",
    ),
)


def file_bytes(file: str) -> int:
    """The size limit of one data file (its path inside `data/`)."""
    return TRANSLATION_RECORD_BYTES if file == "translated-from.yaml" else DATA_FILE_BYTES


def count_limits(file: str) -> Sequence[CountLimit]:
    """The count limits of one data file (its path inside `data/`)."""
    return [limit for limit in COUNT_LIMITS if limit.file == file]


def size_problem(size: int, most: int) -> str | None:
    """Why a file of `size` bytes is refused, or None."""
    if size <= most:
        return None
    return f"the file has {size:,} bytes; at most {most:,} are allowed"


def letter_files_problem(count: int) -> str | None:
    """Why a `data/letters/` folder of `count` files is refused, or None."""
    if count <= LETTER_FILES:
        return None
    return (
        f"the folder has {count:,} files; at most {LETTER_FILES:,} are allowed "
        f"(one text per letter and language: {LETTERS} letters, {LANGUAGES} languages)"
    )


def text_problem(text: str) -> str | None:
    """Why one text of a data file is refused, or None."""
    if len(text) <= TEXT_CHARACTERS:
        return None
    return f"the text has {len(text):,} characters; at most {TEXT_CHARACTERS:,} are allowed"
