"""The Atom feed of each language: every official letter, and each published change of a date,
a new item or a cancellation, read from the same git history as calendar SEQUENCE."""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, time

from wsis_site import __version__
from wsis_site.addresses import NEWS_FEED, letter_url
from wsis_site.domain.changes import Change, ChangeWords, page_of
from wsis_site.domain.formatting import day
from wsis_site.domain.published_changes import PublishedChange, change_values
from wsis_site.model.loader import SiteData
from wsis_site.pages.templates import PACKAGE_TEMPLATES, template_environment

NEWS_TYPE = "application/atom+xml"


@dataclass(frozen=True)
class NewsLink:
    """What a page needs to link a language's feed: `wsis_news` in the templates."""

    url: str
    title: str
    type: str = NEWS_TYPE


@dataclass(frozen=True)
class NewsEntry:
    """One entry of the feed."""

    id: str
    updated: datetime
    title: str
    summary: str
    link: str


@dataclass(frozen=True)
class NewsFeed:
    """The feed of one language, newest entry first."""

    language: str
    id: str
    url: str
    home: str
    title: str
    subtitle: str
    author: str
    updated: datetime
    entries: Sequence[NewsEntry]
    version: str = __version__


def news_link(data: SiteData, language: str) -> NewsLink:
    """The address and title of the language's Atom feed."""
    return NewsLink(data.base_url(language) + NEWS_FEED, data.ui[language]["news_title"])


def news_feed(
    data: SiteData, language: str, changes: Sequence[PublishedChange], fallback: datetime
) -> bytes:
    """The Atom feed of `language`; `fallback` dates it when it has no entry."""
    entries = sorted(
        [*_letters(data, language), *_changes(data, language, changes)],
        key=lambda entry: (entry.updated, entry.id),
        reverse=True,
    )
    t, link = data.ui[language], news_link(data, language)
    feed = NewsFeed(
        language=language,
        id=_id(data, language, "feed"),
        url=link.url,
        home=data.base_url(language),
        title=link.title,
        subtitle=t["news_subtitle"],
        author=t["site_name"],
        updated=entries[0].updated if entries else fallback,
        entries=entries,
    )
    return (
        template_environment(PACKAGE_TEMPLATES)
        .get_template("atom.xml")
        .render(feed=feed)
        .encode("utf-8")
    )


def is_news(change: Change) -> bool:
    """A change subscribers to news hear of: a date moved, something new, a cancellation."""
    if change.kind == "item_status":
        return bool(change.new == "cancelled")
    return change.kind in {"item_moved", "item_added", "edition_dates", "edition_added"}


def _letters(data: SiteData, language: str) -> Iterator[NewsEntry]:
    locale = data.babel_locales[language]
    words = data.ui[language]
    for letter_id, letter in data.letters.items():
        # The reference is an identifier: as issued, and labelled so, in every language.
        reference = words["reference_as_issued"] + words["colon"]
        reference += letter.reference[letter.original_language]
        yield NewsEntry(
            id=_id(data, language, f"letter/{letter_id}"),
            updated=datetime.combine(letter.date, time(), UTC),
            title=data.ui[language]["news_letter"].format(title=letter.subject[language]),
            summary=f"{day(letter.date, locale)} · {reference}",
            link=data.base_url(language) + letter_url(letter_id),
        )


def _changes(
    data: SiteData, language: str, changes: Sequence[PublishedChange]
) -> Iterator[NewsEntry]:
    """The news among the published changes."""
    change_words = ChangeWords(data, language)
    base = data.base_url(language)
    for published in changes:
        change = published.change
        if not is_news(change):
            continue
        kind = "item_cancelled" if change.kind == "item_status" else change.kind
        edition = data.editions.get(change.edition_id)
        anchor = f"#{change.item_id}" if change.item_id else ""  # a change's id, as published
        yield NewsEntry(
            id=_id(data, language, f"{published.commit}/{kind}/{change.edition_id}{anchor}"),
            updated=published.moment,
            title=data.ui[language][f"news_{kind}"].format(**change_values(change_words, change)),
            summary=edition.name[language] if edition else change.edition_id,
            link=f"{base}{page_of(change)}",
        )


def _id(data: SiteData, language: str, key: str) -> str:
    """A permanent entry id: it hangs on the UID domain, which never changes, not on the address."""
    name = f"https://{data.calendar_uid_domain}/news/{language}/{key}"
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, name)}"
