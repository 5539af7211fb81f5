"""schema.org `Event` data for an edition page, so search engines and calendars read it."""

from __future__ import annotations

from typing import Any

from wsis_site.addresses import edition_url
from wsis_site.domain.formatting import localize
from wsis_site.model.documents import Edition, Item
from wsis_site.model.loader import SiteData

SCHEMA = "https://schema.org/"
ATTENDANCE = {
    "in-person": "OfflineEventAttendanceMode",
    "virtual": "OnlineEventAttendanceMode",
    "hybrid": "MixedEventAttendanceMode",
}
ITEM_STATUS = {
    "confirmed": "EventScheduled",
    "tentative": "EventScheduled",
    "cancelled": "EventCancelled",
}


def edition_event(data: SiteData, edition_id: str, language: str, base_url: str) -> dict[str, Any]:
    """The JSON-LD of one edition, in `language`, with its phases as sub-events."""
    edition = data.editions[edition_id]
    url = base_url + edition_url(edition_id)
    event: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": edition.name[language],
        "description": edition.description[language],
        "url": url,
        "inLanguage": language,
        "startDate": edition.first_day.isoformat(),
        "endDate": edition.last_day.isoformat(),
        "eventStatus": SCHEMA + "EventScheduled",
        "organizer": [
            _organization(data, organizer.organization, language)
            for organizer in edition.organizers
            if organizer.role != "collaborating-agency"
        ],
        "subEvent": [
            _item_event(item, language, f"{url}#{item_id}")
            for item_id, item in data.schedules[edition_id].items()
        ],
    }
    if mode := _attendance_mode(edition):
        event["eventAttendanceMode"] = SCHEMA + mode
    if location := _location(edition, language, url):
        event["location"] = location
    return event


def _attendance_mode(edition: Edition) -> str | None:
    if edition.format == "in-person" and edition.remote_participation:
        return ATTENDANCE["hybrid"]
    return ATTENDANCE.get(edition.format)


def _location(edition: Edition, language: str, url: str) -> list[dict[str, Any]]:
    places: list[dict[str, Any]] = []
    if edition.venue is not None:
        venue = edition.venue
        address = {
            "@type": "PostalAddress",
            "addressLocality": venue.city[language],
            "addressCountry": venue.country[language],
        }
        name = venue.name[language] if venue.name else venue.city[language]
        places.append({"@type": "Place", "name": name, "address": address})
    if edition.format in {"virtual", "hybrid"} or edition.remote_participation:
        places.append({"@type": "VirtualLocation", "url": edition.website or url})
    return places


def _organization(data: SiteData, org_id: str, language: str) -> dict[str, Any]:
    organization = data.organizations[org_id]
    result: dict[str, Any] = {"@type": "Organization", "name": organization.name[language]}
    if acronym := organization.acronym_in(language):
        result["alternateName"] = acronym
    if organization.url:
        result["url"] = organization.url
    return result


def _item_event(item: Item, language: str, url: str) -> dict[str, Any]:
    event: dict[str, Any] = {
        "@type": "Event",
        "name": item.title[language],
        "url": url,
        "eventStatus": SCHEMA + ITEM_STATUS[item.status],
    }
    if item.time is None:
        event["startDate"] = item.date.isoformat()
        event["endDate"] = item.last_day.isoformat()
    else:
        start, end = localize(item.date, item.time)
        event["startDate"] = start.isoformat()
        if end is not None:
            event["endDate"] = end.isoformat()
    return event
