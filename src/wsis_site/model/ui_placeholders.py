"""Which `{name}` placeholders each text of `data/ui/<lang>.yaml` may use, and the rule for them.

A UI text is filled in with `str.format`, which follows attributes and indexes
(`{date.__class__.__mro__}`) and crashes on a positional `{0}`; so a placeholder must be a bare
name that the caller passes for that key, with no attribute, index, conversion or format spec.
"""

from __future__ import annotations

from collections.abc import Mapping
from string import Formatter

# Every change line gets both (editors.change_report.Reporter.line).
_SUBJECT = frozenset({"title", "name"})
_OLD_NEW = _SUBJECT | {"old", "new"}

#: The names passed to `.format()` for each UI key; a key not listed takes no placeholder.
#: To give a UI text a placeholder, add its key here with every name its template (in
#: `overrides/wsis/`) or Python caller passes, e.g. `"letter_of": frozenset({"date"})`.
PLACEHOLDERS: Mapping[str, frozenset[str]] = {
    # overrides/wsis/edition.html, letter.html
    "letter_of": frozenset({"date"}),
    "letter_of_in_text": frozenset({"date"}),
    # overrides/wsis/source-links.html, overrides/main.html
    "source_line": frozenset({"file", "line"}),
    # wsis_site.editors.change_report.Reporter.report
    "change_line": frozenset({"change", "page"}),
    # wsis_site.pages.frame (a pull request's preview)
    "preview_banner": frozenset({"number"}),
    # overrides/wsis/macros.html
    "person": frozenset({"honorific", "name"}),
    "letter_original": frozenset({"language"}),
    "letter_translation": frozenset({"language"}),
    # overrides/wsis/home.html, edition.html; wsis_site.pages.generated and wsis_site.pages.frame
    "information_as_of": frozenset({"date"}),
    "city_country": frozenset({"city", "country"}),
    "format_with_remote": frozenset({"format"}),
    "format_with_note": frozenset({"format", "note"}),
    "timeline_announced_one": frozenset({"date"}),
    "timeline_announced_many": frozenset({"dates"}),
    "phase_title": frozenset({"phase", "title"}),
    # wsis_site.domain.formatting.phase_name and TimeWords
    "phase_name": frozenset({"number"}),
    "time_single": frozenset({"time"}),
    "time_range": frozenset({"start", "end"}),
    "time_zone_named": frozenset({"time", "abbreviation", "offset"}),
    "time_zone_unnamed": frozenset({"time", "offset"}),
    "local_time": frozenset({"time", "zone"}),  # filled in the browser (wsis-local-time.js)
    "edition_year": frozenset({"name", "year"}),
    # wsis_site.feeds.calendars.FeedWriter.alarms
    "reminder_week": frozenset({"title"}),
    "reminder_day": frozenset({"title"}),
    # wsis_site.domain.calendar_entries.EntryWords.title
    "forum_days": frozenset({"edition"}),
    "entry_title": frozenset({"title", "edition"}),
    # wsis_site.editors.change_report.Reporter.line
    "change_item_added": _SUBJECT | {"when"},
    "change_item_moved": _OLD_NEW,
    "change_item_status": _OLD_NEW,
    "change_item_removed": _SUBJECT | {"reason"},
    "change_item_removed_silently": _SUBJECT,
    "change_item_other": _SUBJECT | {"field"},
    "change_text": _SUBJECT | {"language", "field"},
    "change_edition_added": _SUBJECT,
    "change_edition_dates": _OLD_NEW,
    "change_edition_venue": _OLD_NEW,
    "change_edition_format": _OLD_NEW,
    "change_edition_removed_silently": _SUBJECT,
    "change_edition_other": _SUBJECT | {"field"},
    "change_letter_added": _SUBJECT,
    # wsis_site.feeds.atom: a change's values, as for its change line
    "news_letter": frozenset({"title"}),
    "news_item_moved": _OLD_NEW,
    "news_item_added": _SUBJECT | {"when"},
    "news_item_cancelled": _OLD_NEW,
    "news_edition_dates": _OLD_NEW,
    "news_edition_added": _SUBJECT,
    # wsis_site.pages.generated: an edition's published changes, as for its change line
    "history_item_status": _OLD_NEW,
}


def listed(names: frozenset[str] | set[str]) -> str:
    """Placeholder names as an editor writes them: `{date}, {title}`, or `none`."""
    return ", ".join(f"{{{name}}}" for name in sorted(names)) or "none"


def placeholder_names(text: str) -> frozenset[str] | None:
    """A UI text's placeholders as written (`date`, `0`, `date.year`); None if braces don't pair."""
    try:
        return frozenset(name for _, name, _, _ in Formatter().parse(text) if name is not None)
    except ValueError:
        return None


def placeholder_problem(key: str, text: str) -> str | None:
    """Why a UI text's placeholders cannot be filled in safely for `key`, or None if they can."""
    allowed = PLACEHOLDERS.get(key, frozenset())
    # A developer giving a text its first placeholder must register it.
    given = (
        f"it can use {listed(allowed)}"
        if allowed
        else "it takes no placeholder (see PLACEHOLDERS in wsis_site/model/ui_placeholders.py)"
    )
    try:
        fields = [field for field in Formatter().parse(text) if field[1] is not None]
    except ValueError:
        return f"a brace is not closed or not opened: {given}; write a brace as {{{{ or }}}}"
    for _, name, spec, conversion in fields:
        written = "{" + str(name) + (f"!{conversion}" if conversion else "")
        written += f":{spec}}}" if spec else "}"
        if not str(name).isidentifier():
            reason = "is not a bare name (no position, attribute or index)"
        elif conversion or spec:
            reason = "must not convert or format its value"
        elif name not in allowed:
            reason = "is not a placeholder of this text"
        else:
            continue
        return f"{written} {reason}: {given}"
    return None
