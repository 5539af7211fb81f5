"""Parse .ics files with libical (GNOME's library, Debian's bindings) and run its restriction check.

Run by Debian's own `/usr/bin/python3`, which has `gi`; prints what it read as JSON.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import gi

gi.require_version("ICalGLib", "3.0")
from gi.repository import ICalGLib as ICal  # noqa: E402


def errors(component: Any) -> list[str]:
    """The X-LIC-ERROR messages libical attached to `component` and everything inside it."""
    found: list[str] = []
    kind = ICal.PropertyKind.XLICERROR_PROPERTY
    prop = component.get_first_property(kind)
    while prop is not None:
        found.append(prop.get_xlicerror())
        prop = component.get_next_property(kind)
    inner = component.get_first_component(ICal.ComponentKind.ANY_COMPONENT)
    while inner is not None:
        found.extend(errors(inner))
        inner = component.get_next_component(ICal.ComponentKind.ANY_COMPONENT)
    return found


def language(component: Any, kind: Any) -> str | None:
    """The LANGUAGE parameter of one property."""
    prop = component.get_first_property(kind)
    parameter = prop and prop.get_first_parameter(ICal.ParameterKind.LANGUAGE_PARAMETER)
    return parameter.get_language() if parameter else None


def read(path: str) -> dict[str, Any]:
    """What libical made of one file."""
    calendar = ICal.Component.new_from_string(Path(path).read_text(encoding="utf-8"))
    if calendar is None:
        return {"errors": ["libical could not parse the file"], "events": []}
    parse_errors = errors(calendar)
    restrictions_met = bool(ICal.restriction_check(calendar))
    events = []
    event = calendar.get_first_component(ICal.ComponentKind.VEVENT_COMPONENT)
    while event is not None:
        events.append(
            {
                "uid": event.get_uid(),
                "summary": event.get_summary(),
                "sequence": event.get_sequence(),
                "summary_language": language(event, ICal.PropertyKind.SUMMARY_PROPERTY),
                "description_language": language(event, ICal.PropertyKind.DESCRIPTION_PROPERTY),
            }
        )
        event = calendar.get_next_component(ICal.ComponentKind.VEVENT_COMPONENT)
    return {
        "parse_errors": parse_errors,
        "restrictions_met": restrictions_met,
        "errors": errors(calendar),  # parse errors plus those the restriction check added
        "events": events,
    }


if __name__ == "__main__":
    results = {path: read(path) for path in sys.argv[1:]}
    sys.stdout.write(json.dumps(results))
    sys.exit(0 if all(not r["errors"] for r in results.values()) else 1)
