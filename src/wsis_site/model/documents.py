"""The typed, frozen shape of every data file; cross-file rules live in `checks`."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, RootModel, StrictBool

from wsis_site.model.fields import (
    Domain,
    EditionId,
    Email,
    HttpsUrl,
    InSomeLanguages,
    IsoDate,
    LanguageCode,
    Localized,
    PhaseNumber,
    Phone,
    Slug,
    Text,
    TimeZoneName,
    UiKey,
    WallTime,
)

Role = Literal["co-organizer", "co-host", "collaborating-agency"]
Format = Literal["in-person", "virtual", "hybrid", "to-be-decided"]
ItemKind = Literal["launch", "meeting", "briefing", "deadline", "call", "event"]
ItemStatus = Literal["confirmed", "tentative", "cancelled"]
GrammaticalGender = Literal["feminine", "neuter"]
CallKind = Literal[
    "consultation",
    "stocktaking",
    "prizes",
    "trust-fund",
    "photo-contest",
    "call-for-candidates",
    "participation",
]


class Model(BaseModel):
    """Base for every data model: unknown fields are errors and values never change."""

    # Schemas are built when a file is first validated, each once with its nested models,
    # rather than for every class as it is defined (a third of the import).
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


# --- data/site.yaml -------------------------------------------------------------------------


class SiteSettings(Model):
    """Settings shared by every page and feed."""

    languages: list[LanguageCode] = Field(min_length=1)
    """Languages of the site, default first; every text in `data/` needs each of them."""
    babel_locales: dict[LanguageCode, LanguageCode] = Field(default_factory=dict)
    """Babel locale for dates and numbers where it differs from the language code (en: en_GB)."""
    site_url: HttpsUrl
    """Public address of the site, ending with a slash; links in feeds and metadata use it."""
    calendar_uid_domain: Domain
    """Domain ending every calendar UID; never change it once feeds are published."""
    calendar_timezone: TimeZoneName
    """Zone calendar apps show the feeds in when they ask (X-WR-TIMEZONE)."""

    def locale(self, language: str) -> str:
        """The Babel locale of one language."""
        return self.babel_locales.get(language, language)


# --- data/organizations.yaml ----------------------------------------------------------------


class Organization(Model):
    """An organization named once and referenced by id everywhere else."""

    name: Localized
    """Full official name in each language."""
    acronym: InSomeLanguages | None = None
    """Official acronym in each language that has one (UIT/ITU, PNUD/UNDP); omit a language
    without one: Arabic UN texts write most names in full (اليونسكو, but not ITU or WHO)."""
    url: HttpsUrl | None = None

    def acronym_in(self, language: str) -> str | None:
        """The acronym in `language`, if the organization has one."""
        return self.acronym.get(language) if self.acronym else None


class OrganizationsFile(Model):
    """`data/organizations.yaml`."""

    organizations: dict[Slug, Organization]


# --- data/contacts.yaml ---------------------------------------------------------------------


class Contact(Model):
    """A person or office the public can write to."""

    name: Localized
    """The person's or office's name in each language, in that language's script (赵厚麟)."""
    honorific: Localized | None = None
    """Courtesy title as the letters print it (Sra./Ms)."""
    organization: Slug
    phone: Phone | None = None
    fax: Phone | None = None
    email: Email


class ContactsFile(Model):
    """`data/contacts.yaml`."""

    contacts: dict[Slug, Contact]


# --- data/events.yaml -----------------------------------------------------------------------


class DateRange(Model):
    """Consecutive days, both ends included."""

    start: IsoDate
    end: IsoDate


class Venue(Model):
    """Where an edition takes place."""

    name: Localized | None = None
    city: Localized
    country: Localized


class Organizer(Model):
    """An organization's part in an edition."""

    organization: Slug
    role: Role


class Call(Model):
    """A programme or call the edition invites contributions to (Stocktaking, Prizes…)."""

    kind: CallKind
    title: Localized
    description: Localized
    url: HttpsUrl | None = None
    opens_with: Slug | None = None
    """Id of the item in `phases.yaml` at which the call opens."""
    deadline: Slug | None = None
    """Id of the deadline item in `phases.yaml` that closes the call."""
    letter: Slug
    """Id of the letter that announced it."""


class Edition(Model):
    """One yearly WSIS Forum edition."""

    name: Localized
    name_gender: dict[LanguageCode, GrammaticalGender] = Field(default_factory=dict)
    """The grammatical gender of the name where it is not masculine, for the status words that
    agree with it: `fr: feminine` for « Manifestation de haut niveau… », `ru: neuter`."""
    description: Localized
    dates: list[DateRange] = Field(min_length=1)
    venue: Venue | None = None
    format: Format
    format_note: Localized | None = None
    """What the letters say about the format when it is not settled."""
    remote_participation: StrictBool | None = None
    """Whether remote participation is offered; leave empty when the letters do not say."""
    organizers: list[Organizer] = Field(min_length=1)
    collaboration_note: Localized | None = None
    contact: Slug
    website: HttpsUrl | None = None
    letters: list[Slug] = Field(min_length=1)
    sources: list[Slug | HttpsUrl] = Field(default_factory=list)
    """Where the edition's facts come from: letter ids (letters.yaml) and official https pages."""
    editor_notes: list[Localized] = Field(default_factory=list)
    """Where the edition's letters differ from one another: what each says, quoted."""
    calls: dict[Slug, Call] = Field(default_factory=dict)

    @property
    def first_day(self) -> dt.date:
        """The day the edition opens."""
        return min(r.start for r in self.dates)

    @property
    def last_day(self) -> dt.date:
        """The day the edition closes."""
        return max(r.end for r in self.dates)


class EventsFile(Model):
    """`data/events.yaml`."""

    editions: dict[EditionId, Edition]


# --- data/phases.yaml -----------------------------------------------------------------------


class TimeSlot(Model):
    """Wall-clock times in a named IANA zone; CET/CEST is derived from the date, never stored."""

    start: WallTime
    end: WallTime | None = None
    zone: TimeZoneName


class Item(Model):
    """A dated phase, meeting or deadline of an edition's open consultation."""

    phase: PhaseNumber | None = None
    """The phase's number as the letter gives it (I, II…); omit for unnumbered items."""
    kind: ItemKind
    title: Localized
    description: Localized | None = None
    details: list[Localized] = Field(default_factory=list)
    """Points the letter lists under this item."""
    date: IsoDate
    end_date: IsoDate | None = None
    """Last day of an all-day item that spans several days."""
    time: TimeSlot | None = None
    """Omit for an all-day item or a deadline without a time."""
    status: ItemStatus = "confirmed"
    url: HttpsUrl | None = None
    letter: Slug
    """Id of the letter that announced it."""

    @property
    def start_time(self) -> dt.time | None:
        """Wall-clock start, or None for an all-day item."""
        return self.time.start if self.time else None

    @property
    def last_day(self) -> dt.date:
        """The day the item ends: its end date, or the day itself."""
        return self.end_date or self.date


class EditionSchedule(Model):
    """The dated items of one edition."""

    items: dict[Slug, Item] = Field(default_factory=dict)
    removed: dict[Slug, Localized] = Field(default_factory=dict)
    """Published items taken out, by id, with the reason; prefer `status: cancelled`."""


class PhasesFile(Model):
    """`data/phases.yaml`."""

    editions: dict[EditionId, EditionSchedule]

    def items_of(self, edition_id: str) -> dict[str, Item]:
        """The items of one edition; none when the file lists no schedule for it."""
        schedule = self.editions.get(edition_id)
        return schedule.items if schedule else {}


# --- data/letters.yaml ----------------------------------------------------------------------


class Signatory(Model):
    """Who signed a letter, with the title printed under the signature."""

    name: Localized
    """The name in each language, in that language's script, as the organization writes it."""
    honorific: InSomeLanguages | None = None
    """Courtesy title before or after the name, in the languages that give one (Chinese
    signatures have none)."""
    title: Localized
    organization: Slug


class Letter(Model):
    """An official letter; its full text lives in `data/letters/<id>.<language>.md`."""

    date: IsoDate
    place: Localized | None = None
    reference: Localized
    contact: Slug
    addressees: list[Localized] = Field(min_length=1)
    subject: Localized
    signatories: list[Signatory] = Field(min_length=1)
    original_language: LanguageCode
    """The language the letter was written in; the other texts are translations."""
    editor_notes: list[Localized] = Field(default_factory=list)
    """Where the letter contradicts itself: what it says, kept as written, and what it means."""


class LettersFile(Model):
    """`data/letters.yaml`."""

    letters: dict[Slug, Letter]


# --- data/ui/<language>.yaml ----------------------------------------------------------------


class UiStrings(RootModel[dict[UiKey, Text]]):
    """The words of the page templates in one language, by key."""

    model_config = ConfigDict(frozen=True, defer_build=True)
