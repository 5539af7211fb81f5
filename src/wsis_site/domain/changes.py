"""What a pull request changes for the public, in plain words, in every language."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any

from pydantic import ValidationError

from wsis_site.addresses import EDITIONS_PAGE, edition_url, item_url, letter_url
from wsis_site.domain.formatting import TimeWords, date_ranges, item_when, language_name, place
from wsis_site.domain.history import (
    EDITION_SCHEDULE_FIELDS,
    ITEM_SCHEDULE_FIELDS,
    ITEM_TIME_FIELDS,
    as_mapping,
)
from wsis_site.model.documents import DateRange, Item
from wsis_site.model.loader import SiteData
from wsis_site.model.parse import EVENTS_FILE, LETTERS_FILE, PHASES_FILE

COMPARED = (EVENTS_FILE, PHASES_FILE, LETTERS_FILE)
#: The parts of a venue, in the order `formatting.place` takes them.
VENUE_PARTS = ("city", "country", "name")


@dataclass(frozen=True)
class Snapshot:
    """The raw data of `events.yaml`, `phases.yaml` and `letters.yaml` at one revision."""

    events: Mapping[str, Any]
    phases: Mapping[str, Any]
    letters: Mapping[str, Any]

    def editions(self) -> Mapping[str, Any]:
        """Raw editions of `events.yaml`."""
        return as_mapping(self.events.get("editions"))

    def items(self, edition_id: str) -> Mapping[str, Any]:
        """Raw items of one edition in `phases.yaml`."""
        return as_mapping(self._schedule(edition_id).get("items"))

    def removed(self, edition_id: str) -> Mapping[str, Any]:
        """Reasons given in `phases.yaml` for items taken out of one edition."""
        return as_mapping(self._schedule(edition_id).get("removed"))

    def _schedule(self, edition_id: str) -> Mapping[str, Any]:
        return as_mapping(as_mapping(self.phases.get("editions")).get(edition_id))


@dataclass(frozen=True)
class Change:
    """One change the public will notice."""

    kind: str
    """A key of `data/ui/<lang>.yaml` without its `change_` prefix."""
    edition_id: str
    subject: Mapping[str, Any]
    """The raw edition, item or letter it is about (the new one unless it was removed)."""
    old: Any = None
    new: Any = None
    language: str | None = None
    """For a text that changed in one language only."""
    field: str | None = None
    item_id: str | None = None
    """The item it is about, for a change to an item."""
    letter_id: str | None = None
    """The letter it is about, for a new letter."""

    @property
    def is_silent_removal(self) -> bool:
        """A published entry taken away without a reason: subscribers lose it unannounced."""
        return self.kind in {"item_removed_silently", "edition_removed_silently"}


def compare(old: Snapshot, new: Snapshot) -> list[Change]:
    """Every public change from `old` to `new`, edition by edition."""
    changes: list[Change] = []
    old_editions, new_editions = old.editions(), new.editions()
    for edition_id in sorted(old_editions.keys() | new_editions.keys()):
        before, after = (
            as_mapping(old_editions.get(edition_id)),
            as_mapping(new_editions.get(edition_id)),
        )
        changes += _edition_changes(edition_id, before, after)
        old_items, new_items = old.items(edition_id), new.items(edition_id)
        reasons = new.removed(edition_id)
        for item_id in [*new_items, *(i for i in old_items if i not in new_items)]:
            found = _item_changes(
                edition_id,
                as_mapping(old_items.get(item_id)),
                as_mapping(new_items.get(item_id)),
                reasons.get(item_id),
            )
            changes += [replace(change, item_id=item_id) for change in found]
    old_letters, new_letters = (
        as_mapping(old.letters.get("letters")),
        as_mapping(new.letters.get("letters")),
    )
    for letter_id in [letter for letter in new_letters if letter not in old_letters]:
        editions = [
            e for e, raw in new_editions.items() if letter_id in as_mapping(raw).get("letters", [])
        ]
        subject = as_mapping(new_letters[letter_id])
        edition = ", ".join(editions) or "—"
        changes.append(Change("letter_added", edition, subject, letter_id=letter_id))
    return changes


def page_of(change: Change) -> str:
    """Where a visitor sees `change`: its page's path inside a language, the item's anchor too."""
    if change.letter_id:
        return letter_url(change.letter_id)
    if change.kind == "edition_removed_silently":
        return EDITIONS_PAGE
    # A removed item has no anchor left: its edition's page says it was removed.
    if change.item_id and not change.kind.startswith("item_removed"):
        return item_url(change.edition_id, change.item_id)
    return edition_url(change.edition_id)


def _differs(before: Any, after: Any) -> bool:
    """Whether a value changed, a translation added or taken out not counting: a venue moves
    when a text in a language both versions have differs, not when French is first written."""
    if not (isinstance(before, dict) and isinstance(after, dict)):
        return bool(before != after)
    shared = before.keys() & after.keys()
    added_or_removed = (before.keys() | after.keys()) - shared
    # A key on one side only is a translation (a text) or a part of the value (a venue's name).
    if any(not isinstance((before | after)[key], str) for key in added_or_removed):
        return True
    return any(_differs(before[key], after[key]) for key in shared)


def _edition_changes(
    edition_id: str, before: Mapping[str, Any], after: Mapping[str, Any]
) -> Iterator[Change]:
    if not after:
        if before:
            yield Change("edition_removed_silently", edition_id, before)
        return
    if not before:
        yield Change("edition_added", edition_id, after)
        return
    for field in EDITION_SCHEDULE_FIELDS:
        if _differs(before.get(field), after.get(field)):
            yield Change(f"edition_{field}", edition_id, after, before.get(field), after.get(field))
    texts = ("name", "description")
    yield from _text_changes(edition_id, before, after, texts)
    yield from _other_changes(
        "edition_other", edition_id, before, after, {*EDITION_SCHEDULE_FIELDS, *texts}
    )


def _item_changes(
    edition_id: str, before: Mapping[str, Any], after: Mapping[str, Any], reason: Any
) -> Iterator[Change]:
    if not after:
        kind = "item_removed" if reason else "item_removed_silently"
        yield Change(kind, edition_id, before, new=reason)
        return
    if not before:
        yield Change("item_added", edition_id, after)
        return
    if any(before.get(field) != after.get(field) for field in ITEM_TIME_FIELDS):
        yield Change("item_moved", edition_id, after, before, after)
    if before.get("status") != after.get("status"):
        yield Change("item_status", edition_id, after, before.get("status"), after.get("status"))
    texts = ("title", "description")
    yield from _text_changes(edition_id, before, after, texts)
    yield from _other_changes(
        "item_other", edition_id, before, after, {*ITEM_SCHEDULE_FIELDS, *texts}
    )


def _other_changes(
    kind: str,
    edition_id: str,
    before: Mapping[str, Any],
    after: Mapping[str, Any],
    described: set[str],
) -> Iterator[Change]:
    """Any other field that changed, named, so that nothing public changes unreported."""
    for field in sorted((before.keys() | after.keys()) - described):
        if before.get(field) != after.get(field):
            yield Change(kind, edition_id, after, field=field)


def _text_changes(
    edition_id: str, before: Mapping[str, Any], after: Mapping[str, Any], fields: tuple[str, ...]
) -> Iterator[Change]:
    for field in fields:
        old, new = as_mapping(before.get(field)), as_mapping(after.get(field))
        for language in sorted(old.keys() | new.keys()):
            if old.get(language) != new.get(language):
                yield Change(
                    "text", edition_id, after, old.get(language), new.get(language), language, field
                )


@dataclass(frozen=True)
class ChangeWords:
    """Puts changes into words in one language, with the words of `data/ui/<lang>.yaml`: for the
    Atom feed, the edition pages' history and the editors' change report alike."""

    data: SiteData
    language: str

    @property
    def locale(self) -> str:
        """Babel locale of the report's language."""
        return self.data.babel_locales[self.language]

    def t(self, key: str, **values: str) -> str:
        """One template string, filled in."""
        return self.data.ui[self.language][key].format(**values)

    def values(self, change: Change) -> dict[str, str]:
        """What the sentences about `change` say: its subject, and what changed, in words."""
        subject = self.name(change.subject)
        values = {"title": subject, "name": subject}
        if change.kind == "item_moved":
            values |= {"old": self.when(change.old), "new": self.when(change.new)}
        elif change.kind == "edition_dates":
            values |= {"old": self.spans(change.old), "new": self.spans(change.new)}
        elif change.kind == "item_status":
            values |= {"old": self.status(change.old), "new": self.status(change.new)}
        elif change.kind == "edition_format":
            values |= {"old": self.format(change.old), "new": self.format(change.new)}
        elif change.kind == "edition_venue":
            values |= {"old": self.venue(change.old), "new": self.venue(change.new)}
        elif change.kind in {"edition_other", "item_other"}:
            values |= {"field": str(change.field)}
        elif change.kind == "item_removed":
            values |= {"reason": self.localized(change.new)}
        elif change.kind == "text":
            assert change.language is not None
            values |= {
                "language": language_name(change.language, self.locale),
                "field": self.t(f"change_field_{change.field}"),
            }
        elif change.kind == "item_added":
            values |= {"when": self.when(change.subject)}
        return values

    def name(self, raw: Mapping[str, Any]) -> str:
        """An item's title, an edition's name or a letter's subject, in this language."""
        for field in ("title", "name", "subject"):
            if text := self.localized(raw.get(field)):
                return text
        return "?"

    def localized(self, value: Any) -> str:
        """A localized text in this language, or the raw value."""
        if isinstance(value, dict):
            return str(value.get(self.language) or next(iter(value.values()), ""))
        return "" if value is None else str(value)

    def when(self, raw: Mapping[str, Any]) -> str:
        """An item's date and time as on the pages, or the raw values if they do not validate."""
        try:
            item = Item.model_validate(raw, context={"languages": ()})
            return item_when(item, self.locale, TimeWords.of(self.data.ui[self.language]))
        except ValidationError:
            return str(raw.get("date", "?"))

    def spans(self, raw: Any) -> str:
        """An edition's date ranges."""
        try:
            ranges = [DateRange.model_validate(r) for r in raw or []]
        except ValidationError:
            return str(raw)
        return "; ".join(date_ranges(ranges, self.locale))

    def status(self, raw: Any) -> str:
        """An item's status in words; no status means confirmed."""
        return self.t(f"status_{raw or 'confirmed'}")

    def format(self, raw: Any) -> str:
        """An edition's format in words."""
        return self.t(f"format_{str(raw).replace('-', '_')}") if raw else "—"

    def venue(self, raw: Any) -> str:
        """A venue as the pages write it ("Sede de la UIT, Ginebra (Suiza)"), or a dash."""
        city, country, name = (self.localized(as_mapping(raw).get(part)) for part in VENUE_PARTS)
        return place(self.data.ui[self.language], city, country, name) or "—"
