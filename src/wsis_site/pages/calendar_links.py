"""Links that put one entry into a calendar app, and that subscribe to a whole feed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import quote, urlencode

from wsis_site.domain.calendar_entries import Entry, EntryWords, entry_times

GOOGLE_RENDER = "https://calendar.google.com/calendar/render"
OUTLOOK_COMPOSE = "https://outlook.live.com/calendar/0/action/compose"
OUTLOOK_SUBSCRIBE = "https://outlook.live.com/calendar/0/addfromweb"


@dataclass(frozen=True)
class SubscribeLinks:
    """The ways to subscribe to one feed."""

    https: str
    webcal: str
    google: str
    outlook: str


def subscribe_links(feed_url: str, name: str | None = None) -> SubscribeLinks:
    """webcal:// for Apple, Outlook and Thunderbird; Google's `cid` link, which Android needs;
    Outlook on the web's `addfromweb` (named `name`), as it cannot open webcal:// itself.
    """
    webcal = "webcal://" + feed_url.removeprefix("https://")
    outlook = urlencode({"url": feed_url} | ({"name": name} if name else {}), quote_via=quote)
    return SubscribeLinks(
        feed_url,
        webcal,
        f"{GOOGLE_RENDER}?cid={quote(webcal, safe='')}",
        f"{OUTLOOK_SUBSCRIBE}?{outlook}",
    )


def _google_dates(entry: Entry) -> str:
    start, end = entry_times(entry)
    if isinstance(start, datetime):
        # Wall-clock times plus `ctz`, so Google shows them in the item's zone, DST included.
        end_time = end if isinstance(end, datetime) else start
        return f"{start:%Y%m%dT%H%M%S}/{end_time:%Y%m%dT%H%M%S}"
    assert isinstance(end, date)
    return f"{start:%Y%m%d}/{end:%Y%m%d}"


def google_link(entry: Entry, words: EntryWords) -> str:
    """Google Calendar's "add event" page, filled in."""
    query = {
        "action": "TEMPLATE",
        "text": words.title(entry),
        "dates": _google_dates(entry),
        "details": words.description(entry),
    }
    if entry.item is not None and entry.item.time is not None:
        query["ctz"] = entry.item.time.zone
    if location := words.location(entry):
        query["location"] = location
    return f"{GOOGLE_RENDER}?{urlencode(query, quote_via=quote)}"


def outlook_link(entry: Entry, words: EntryWords) -> str:
    """Outlook on the web's "new event" page, filled in."""
    start, end = entry_times(entry)
    all_day = not isinstance(start, datetime)
    query = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": words.title(entry),
        "startdt": start.isoformat(),
        "enddt": (end or start).isoformat(),
        "allday": "true" if all_day else "false",
        "body": words.description(entry),
    }
    if location := words.location(entry):
        query["location"] = location
    return f"{OUTLOOK_COMPOSE}?{urlencode(query, quote_via=quote)}"
