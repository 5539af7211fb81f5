"""What every page's frame shows around its content: header, footer and the 404 page.

The theme's templates (`overrides/main.html`, `404.html`, `partials/`) are rendered by MkDocs'
Jinja environment, which does not autoescape. So every text here is HTML already: each value
from `data/` (or from `mkdocs.yml`) is escaped with `markupsafe.escape` when the frame is built,
and a field added to the frame must be built the same way. Addresses are escaped too; `data/`
only holds `https://` ones (see `fields.HttpsUrl`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import reduce

from markupsafe import Markup, escape

from wsis_site.addresses import PAGES, Pages
from wsis_site.domain import formatting, timeline
from wsis_site.model.documents import Organization as OrganizationModel
from wsis_site.model.loader import SiteData
from wsis_site.pages.bidi import is_right_to_left
from wsis_site.pages.source_links import PageSources, Source


@dataclass(frozen=True)
class Organizer:
    """An organization as the footer names it."""

    name: Markup
    acronym: Markup | None


@dataclass(frozen=True)
class ContactLine:
    """The secretariat's contact, in the page's language."""

    name: Markup
    organization: Markup
    phone: Markup | None
    email: Markup


@dataclass(frozen=True)
class DocsSource:
    """Where the hand-written pages are in the repository, to edit or view one by its path."""

    edit: Markup
    view: Markup
    folder: Markup


@dataclass(frozen=True)
class LanguageHome:
    """One language's home page, for the language switcher of pages that have no counterpart."""

    lang: Markup
    name: Markup
    link: Markup


#: The words of a 404 page, from `data/ui/<lang>.yaml`.
NOT_FOUND_KEYS = (
    "not_found_title",
    "not_found_text",
    "go_home",
    "all_editions",
    "all_deadlines",
    "all_letters",
    "calendars_link",
    "search_site",
    "site_name",
    "colon",
)


#: The theme's words read from `data/ui/<lang>.yaml` instead of Material's language files,
#: where those read otherwise ("Saltar a contenido", "إبحث"): `overrides/partials/language.html`.
THEME_WORDS = {
    "action.skip": "theme_skip",
    "search": "theme_search",
    "select.language": "theme_select_language",
    "header": "theme_header",
    "search.result.placeholder": "theme_search_placeholder",
    "search.result.one": "theme_search_result_one",
    "search.result.other": "theme_search_result_other",
    "search.result.more.one": "theme_search_result_more_one",
    "search.result.more.other": "theme_search_result_more_other",
}


@dataclass(frozen=True)
class NotFound:
    """One language's 404 page: the root one carries every language's, for hosts that serve
    only `/404.html` (GitHub Pages), to show the language of the address asked for."""

    lang: Markup
    dir: Markup
    prefix: Markup
    t: Mapping[str, Markup]
    search: Markup
    """The search button's word, as the theme says it in this language."""


@dataclass(frozen=True)
class Chrome:
    """The values the theme's header, footer and 404 templates read as `wsis`, all escaped."""

    t: Mapping[str, Markup]
    theme_words: Mapping[str, Markup]
    """The theme's words this site words itself, by the theme's key (`action.skip`)."""
    prefix: Markup
    home: Markup
    language_name: Markup
    homes: tuple[LanguageHome, ...]
    contact: ContactLine
    organizers: tuple[Organizer, ...]
    website: Markup | None
    website_label: Markup | None
    as_of: Markup
    """`Información al 10 de enero de 2024`: the day the statuses on the pages were computed for."""
    not_found: tuple[NotFound, ...]
    """Every language's 404 page, this one first."""
    docs_source: DocsSource | None = None
    """Where a hand-written page's file is, for "Suggest a change"; None without an address."""
    preview: Markup | None = None
    """The banner of a pull request's preview: not the published site. None on the real site."""
    pages: Pages = PAGES
    """The fixed pages' addresses inside a language (code's constants: nothing to escape)."""


def chrome(
    data: SiteData,
    language: str,
    language_names: Mapping[str, str],
    today: date,
    sources: PageSources | None = None,
) -> Chrome:
    """The frame of `language`'s pages on `today`; `language_names` are the switcher's names."""
    featured = data.editions[timeline.featured_edition(data.editions, today) or ""]
    contact = data.contacts[featured.contact]
    prefix = data.prefix(language)
    return Chrome(
        t={key: escape(text) for key, text in data.ui[language].items()},
        theme_words={key: escape(data.ui[language][ui]) for key, ui in THEME_WORDS.items()},
        prefix=escape(prefix),
        home=escape(prefix or "./"),
        language_name=escape(
            language_names.get(language)
            or formatting.language_name(language, data.babel_locales[language])
        ),
        homes=tuple(
            LanguageHome(
                escape(code),
                escape(language_names.get(code, code)),
                escape(data.prefix(code) or "./"),
            )
            for code in data.languages
        ),
        contact=ContactLine(
            name=escape(contact.name[language]),
            organization=escape(_short_name(data.organizations[contact.organization], language)),
            phone=_escaped(contact.phone),
            email=escape(contact.email),
        ),
        organizers=tuple(
            Organizer(
                escape(data.organizations[org_id].name[language]),
                _escaped(data.organizations[org_id].acronym_in(language)),
            )
            for org_id in standing_organizers(data)
        ),
        website=_escaped(featured.website),
        website_label=_escaped(
            formatting.host_and_path(featured.website) if featured.website else None
        ),
        as_of=escape(information_as_of(data, language, today)),
        not_found=tuple(
            _not_found(data, code)
            for code in sorted(data.languages, key=lambda code: code != language)
        ),
        docs_source=_docs_source(sources),
        preview=_preview_banner(data, language),
    )


def _preview_banner(data: SiteData, language: str) -> Markup | None:
    if data.preview is None:
        return None
    return escape(data.ui[language]["preview_banner"].format(number=data.preview))


def _docs_source(sources: PageSources | None) -> DocsSource | None:
    if sources is None:
        return None
    folder = sources.docs_folder + "/"
    return DocsSource(
        edit=escape(sources.repository.edit(folder)),
        view=escape(sources.repository.view(Source(folder))),
        folder=escape(sources.docs_folder),
    )


def _not_found(data: SiteData, language: str) -> NotFound:
    return NotFound(
        lang=escape(language),
        dir=escape("rtl" if is_right_to_left(language) else "ltr"),
        prefix=escape(data.prefix(language)),
        t={key: escape(data.ui[language][key]) for key in NOT_FOUND_KEYS},
        search=escape(data.ui[language][THEME_WORDS["search"]]),
    )


def information_as_of(data: SiteData, language: str, today: date) -> str:
    """`Información actualizada al 10 de enero de 2024.`: the day the statuses hold for."""
    day = formatting.day(today, data.babel_locales[language])
    return data.ui[language]["information_as_of"].format(date=day)


def standing_organizers(data: SiteData) -> list[str]:
    """Organizations that organize or host every edition, in the order the latest lists them."""
    organizing = [
        [o.organization for o in edition.organizers if o.role != "collaborating-agency"]
        for edition in data.editions.values()
    ]
    if not organizing:
        return []
    common = reduce(lambda kept, ids: kept & set(ids), organizing, set(organizing[-1]))
    return [org_id for org_id in organizing[-1] if org_id in common]


def _escaped(text: str | None) -> Markup | None:
    return None if text is None else escape(text)


def _short_name(organization: OrganizationModel, language: str) -> str:
    return organization.acronym_in(language) or organization.name[language]
