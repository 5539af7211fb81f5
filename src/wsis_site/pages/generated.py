"""The generated pages of one language: which exist, and their Markdown with front matter."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, time
from functools import partial
from pathlib import Path
from typing import Any

import yaml
from babel.lists import format_list
from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup, escape

from wsis_site.addresses import (
    ALL_FEED,
    CALENDARS_PAGE,
    DEADLINES_FEED,
    DEADLINES_PAGE,
    EDITIONS_PAGE,
    HOME_PAGE,
    LETTERS_PAGE,
    PAGES,
    REMINDERS_FEED,
    edition_feed,
    edition_url,
    entry_feed,
    letter_url,
    relative_url,
)
from wsis_site.domain import formatting, timeline
from wsis_site.domain.calendar_entries import EntryWords, entries
from wsis_site.domain.changes import ChangeWords
from wsis_site.domain.published_changes import (
    ON_EDITION_PAGES,
    PublishedChange,
    change_values,
    edition_history,
)
from wsis_site.model.documents import Edition, Item
from wsis_site.model.loader import SiteData
from wsis_site.model.parse import EVENTS_FILE as EVENTS
from wsis_site.model.parse import LETTERS_DIR, letter_text_name, ui_file_name
from wsis_site.model.parse import LETTERS_FILE as LETTERS
from wsis_site.model.parse import PHASES_FILE as PHASES
from wsis_site.pages.calendar_links import google_link, outlook_link, subscribe_links
from wsis_site.pages.frame import information_as_of
from wsis_site.pages.jsonld import edition_event
from wsis_site.pages.letter_html import letter_html
from wsis_site.pages.source_links import Repository, Source
from wsis_site.pages.templates import template_environment

# libyaml's emitter when PyYAML has it: JSON-LD front matter is large, and this is 10x faster.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
#: The data folder, beside mkdocs.yml (`mkdocs_build.data_dir`), as a path in the repository.
DATA_FOLDER = "data"


@dataclass(frozen=True)
class PageSpec:
    """One generated page: its URL inside the language, template, title and template values."""

    url: str
    template: str
    title: str
    description: str
    values: Mapping[str, Any] = field(default_factory=dict)
    feeds: tuple[str, ...] = ()
    """Calendar feeds the page announces with `<link rel="alternate" type="text/calendar">`."""
    sources: tuple[Source, ...] = ()
    """The files holding the page's facts, the one to edit first ("Suggest a change")."""

    @property
    def source_path(self) -> str:
        """Where MkDocs expects its Markdown, relative to the language folder."""
        return f"{self.url}index.md"


def page_specs(data: SiteData, language: str) -> Iterator[PageSpec]:
    """Every generated page of `language`, home first."""
    t = data.ui[language]
    events, phases, letters = (
        Source(f"{DATA_FOLDER}/{name}") for name in (EVENTS, PHASES, LETTERS)
    )
    yield PageSpec(
        HOME_PAGE,
        "home.html",
        t["home_title"],
        t["site_description"],
        feeds=(DEADLINES_FEED, ALL_FEED),
        sources=(events, phases, letters),
    )
    yield PageSpec(
        EDITIONS_PAGE,
        "editions.html",
        t["editions_title"],
        t["editions_description"],
        sources=(events,),
    )
    for edition_id, edition in data.editions.items():
        yield PageSpec(
            edition_url(edition_id),
            "edition.html",
            edition.name[language],
            edition.description[language],
            {"edition_id": edition_id, "edition": edition},
            feeds=(edition_feed(edition_id),),
            sources=(
                Source(events.path, data.source_line(EVENTS, "editions", edition_id)),
                Source(phases.path, data.source_line(PHASES, "editions", edition_id)),
            ),
        )
    yield PageSpec(
        LETTERS_PAGE,
        "letters.html",
        t["letters_title"],
        t["letters_description"],
        sources=(letters,),
    )
    for letter_id, letter in data.letters.items():
        yield PageSpec(
            letter_url(letter_id),
            "letter.html",
            letter.subject[language],
            letter.subject[language],
            {"letter_id": letter_id, "letter": letter},
            sources=(
                Source(f"{DATA_FOLDER}/{LETTERS_DIR}/{letter_text_name(letter_id, language)}"),
                Source(letters.path, data.source_line(LETTERS, "letters", letter_id)),
            ),
        )
    yield PageSpec(
        DEADLINES_PAGE,
        "deadlines.html",
        t["deadlines_title"],
        t["deadlines_description"],
        feeds=(DEADLINES_FEED,),
        sources=(phases,),
    )
    yield PageSpec(
        CALENDARS_PAGE,
        "calendars.html",
        t["calendars_title"],
        t["calendars_description"],
        feeds=(ALL_FEED, DEADLINES_FEED, REMINDERS_FEED, *(edition_feed(e) for e in data.editions)),
        sources=(Source(f"{DATA_FOLDER}/{ui_file_name(language)}"), events),
    )


def item_source(data: SiteData, edition_id: str, item_id: str) -> Source:
    """Where an item is written: its line of `data/phases.yaml`."""
    line = data.source_line(PHASES, "editions", edition_id, "items", item_id)
    return Source(f"{DATA_FOLDER}/{PHASES}", line)


class PageRenderer:
    """Renders the generated pages and the data fragments of hand-written pages of one language."""

    def __init__(
        self,
        data: SiteData,
        language: str,
        today: date,
        templates_dir: Path,
        history: Sequence[PublishedChange] | None = None,
        repository: Repository | None = None,
    ) -> None:
        self.data = data
        self.language = language
        self.environment = template_environment(templates_dir)
        self.shared = (
            _shared_values(data, language, today)
            | _history_values(data, language, history)
            | {"repository": repository}
        )

    def page(self, spec: PageSpec) -> str:
        """One page's Markdown: YAML front matter, then its body as a single HTML block."""
        body = self._render(spec.template, spec.url, spec.values)
        if self.shared["repository"] is not None and spec.sources:
            body += self._render("source-links.html", spec.url, {"sources": spec.sources})
        # MkDocs prints page titles as HTML, so data text is escaped here, once.
        front_matter: dict[str, Any] = {
            "title": str(escape(spec.title)),  # as the frame escapes `t.home_title`
            "description": spec.description,
            "hide": ["toc"],  # the body is HTML, so Material's table of contents stays empty
            "wsis_generated": True,  # its sources are in data/, not docs/ (overrides/main.html)
        }
        base_url = self.data.base_url(self.language)
        if "edition_id" in spec.values:
            # Serialized here, safe inside <script>: MkDocs parses front matter in pure Python,
            # and one JSON string is many times quicker to read than the same nested YAML.
            front_matter["wsis_jsonld"] = str(
                htmlsafe_json_dumps(
                    edition_event(self.data, spec.values["edition_id"], self.language, base_url),
                    sort_keys=True,
                )
            )
        if spec.feeds:
            front_matter["wsis_feeds"] = [base_url + feed for feed in spec.feeds]
        matter = yaml.dump(
            front_matter, Dumper=_DUMPER, allow_unicode=True, sort_keys=True, width=1000
        )
        return f"---\n{matter}---\n\n{body.strip()}\n"

    def fragment(self, name: str, page_url: str) -> str:
        """The HTML of one data fragment (`next-deadline`, `editions`) for a page at `page_url`."""
        return self._render(f"fragments/{name}.html", page_url, {}).strip()

    def _render(self, template: str, page_url: str, values: Mapping[str, Any]) -> str:
        here = self.data.prefix(self.language) + page_url

        def link(to_url: str) -> str:
            return relative_url(page_url, to_url)

        def link_in_language(other: str, to_url: str) -> str:
            return relative_url(here, self.data.prefix(other) + to_url)

        return self.environment.get_template(template).render(
            **self.shared, **values, link=link, link_in_language=link_in_language
        )


def _shared_values(data: SiteData, language: str, today: date) -> dict[str, Any]:
    locale = data.babel_locales[language]
    strings = data.ui[language]

    def organization_name(org_id: str) -> str:
        return data.organizations[org_id].name[language]

    def acronym(org_id: str) -> str | None:
        return data.organizations[org_id].acronym_in(language)

    deadlines = timeline.deadlines_newest_first(data.schedules)
    by_edition: dict[str, list[timeline.DatedItem]] = {}
    for entry in deadlines:
        by_edition.setdefault(entry.edition_id, []).append(entry)
    words = EntryWords(data, language)
    by_key = {(entry.edition_id, entry.entry_id): entry for entry in entries(data)}
    base_url = data.base_url(language)

    return {
        "data": data,
        "lang": language,
        "t": strings,  # `t.key`, as the frame's `wsis.t.key`
        "day": partial(formatting.day, locale=locale),
        "as_of": information_as_of(data, language, today),
        "day_span": partial(formatting.day_span, locale=locale),
        "item_when": partial(
            formatting.item_when, locale=locale, words=formatting.TimeWords.of(strings)
        ),
        "phase_name": partial(formatting.phase_name, ui=strings),
        "place": partial(formatting.place, strings),
        "date_and_time": formatting.date_and_time(locale),
        "item_status": lambda item: timeline.item_status(item, today),
        "edition_status": lambda edition: timeline.edition_status(edition, today),
        "pages": PAGES,
        "edition_url": edition_url,
        "letter_url": letter_url,
        "organization_name": organization_name,
        "acronym": acronym,
        "language_name": partial(formatting.language_name, locale=locale),
        "letter_html": letter_html,
        "item_source": partial(item_source, data),
        "iso_start": _iso_start,
        "iso_end": _iso_end,
        "deadlines": deadlines,
        "deadlines_by_edition": by_edition,
        "next_deadline": timeline.next_deadline(data.schedules, today),
        "last_deadline": timeline.last_deadline(data.schedules, today),
        "next_item": lambda items: timeline.next_item(items, today),
        "newest_letter_id": max(data.letters, key=lambda i: data.letters[i].date, default=None),
        "host_and_path": formatting.host_and_path,
        "featured_edition_id": timeline.featured_edition(data.editions, today),
        "by_role": _by_role,
        "entry_feed": entry_feed,
        "edition_feed": edition_feed,
        "all_feed": ALL_FEED,
        "deadlines_feed": DEADLINES_FEED,
        "reminders_feed": REMINDERS_FEED,
        "google_add": lambda edition_id, entry_id: google_link(by_key[edition_id, entry_id], words),
        "outlook_add": lambda edition_id, entry_id: outlook_link(
            by_key[edition_id, entry_id], words
        ),
        "subscribe": lambda feed, name=None: subscribe_links(base_url + feed, name),
        "in_date_order": _in_date_order,
        "list_join": partial(_list_join, locale=locale),
    }


def _history_values(
    data: SiteData, language: str, history: Sequence[PublishedChange] | None
) -> dict[str, Any]:
    """What edition pages say of their published changes; None: the history is unknown."""
    change_words = ChangeWords(data, language)

    def edition_changes(edition_id: str) -> list[tuple[date, str]]:
        return [
            (
                published.moment.date(),
                change_words.t(
                    ON_EDITION_PAGES[published.change.kind],
                    **change_values(change_words, published.change),
                ),
            )
            for published in edition_history(history or (), edition_id)
        ]

    return {"history_known": history is not None, "edition_changes": edition_changes}


def _list_join(items: list[Markup], locale: str) -> Markup:
    """Pieces of HTML as a list in the locale's words: `A, B y C`, `A, B and C`."""
    return Markup(format_list([escape(item) for item in items], locale=locale))


def _iso_start(item: Item) -> str:
    """Machine-readable start for `<time datetime>`: a date, or a date-time with its offset."""
    if item.time is None:
        return item.date.isoformat()
    start, _ = formatting.localize(item.date, item.time)
    return start.isoformat(timespec="minutes")


def _iso_end(item: Item) -> str:
    """The end of a timed item (its start when it has none), for the visitor's own time."""
    assert item.time is not None
    start, end = formatting.localize(item.date, item.time)
    return (end or start).isoformat(timespec="minutes")


def _in_date_order(items: Mapping[str, Item]) -> list[tuple[str, Item]]:
    """Items by date, then by start time (all-day items first), then as the file lists them."""
    return sorted(items.items(), key=lambda pair: (pair[1].date, pair[1].start_time or time()))


def _by_role(edition: Edition) -> dict[str, list[str]]:
    """Organization ids of an edition grouped by role, in the order roles first appear."""
    groups: dict[str, list[str]] = {}
    for organizer in edition.organizers:
        groups.setdefault(organizer.role, []).append(organizer.organization)
    return groups
