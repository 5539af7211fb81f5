"""SEQUENCE and DTSTAMP of each calendar entry, derived from the git history of `data/`.

Editors only change dates; subscribers' calendars only apply an update whose SEQUENCE went up
and whose DTSTAMP is later. Replaying the committed versions of `events.yaml` and
`phases.yaml` gives both without anything for the editor to remember, in any full clone.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from wsis_site import environment
from wsis_site.model.parse import EVENTS_FILE, PHASES_FILE
from wsis_site.reading.git import git, read_blobs
from wsis_site.reading.plaintext import read_text
from wsis_site.reading.yaml_source import parse_yaml

log = logging.getLogger(__name__)

HISTORY_FILES = (EVENTS_FILE, PHASES_FILE)
#: Set to 1 where feeds are published (CI), so a shallow clone fails instead of resetting SEQUENCE.
#: Fields whose change moves an entry in subscribers' calendars, so SEQUENCE goes up.
ITEM_TIME_FIELDS = ("date", "end_date", "time")
ITEM_SCHEDULE_FIELDS = (*ITEM_TIME_FIELDS, "status")
EDITION_SCHEDULE_FIELDS = ("dates", "venue", "format")


@dataclass(frozen=True)
class Fingerprint:
    """Hashes of what subscribers see of an entry: its schedule, and everything about it."""

    schedule: str
    content: str


@dataclass(frozen=True)
class Revision:
    """How often an entry's schedule changed, when it appeared and when it last changed."""

    sequence: int
    created: datetime
    modified: datetime


def _digest(value: Any) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True).encode()).hexdigest()


def fingerprints(events: Any, phases: Any) -> dict[str, Fingerprint]:
    """Fingerprint of each calendar entry, keyed `<edition>/<item>`, from raw YAML data."""
    found: dict[str, Fingerprint] = {}
    names: dict[str, Any] = {}
    for edition_id, edition in as_mapping(as_mapping(events).get("editions")).items():
        edition = as_mapping(edition)
        names[edition_id] = edition.get("name")
        schedule = {field: edition.get(field) for field in EDITION_SCHEDULE_FIELDS}
        found[forum_key(edition_id)] = Fingerprint(_digest(schedule), _digest(edition))
    for edition_id, schedule_file in as_mapping(as_mapping(phases).get("editions")).items():
        for item_id, item in as_mapping(as_mapping(schedule_file).get("items")).items():
            item = as_mapping(item)
            schedule = {field: item.get(field) for field in ITEM_SCHEDULE_FIELDS}
            # An item's SUMMARY carries its edition's name: renaming the edition updates it.
            content = {"item": item, "edition": names.get(edition_id)}
            found[item_key(edition_id, item_id)] = Fingerprint(_digest(schedule), _digest(content))
    return found


def forum_key(edition_id: str) -> str:
    """Key of an edition's forum days."""
    return f"{edition_id}/forum"


def item_key(edition_id: str, item_id: str) -> str:
    """Key of a dated item."""
    return f"{edition_id}/{item_id}"


def as_mapping(value: Any) -> Mapping[str, Any]:
    """A raw YAML mapping, or an empty one where the data holds something else."""
    return value if isinstance(value, dict) else {}


def replay(
    versions: Iterator[tuple[datetime, dict[str, Fingerprint]]],
) -> dict[str, Revision]:
    """Revisions after applying each version of the fingerprints in order."""
    revisions: dict[str, Revision] = {}
    seen: dict[str, Fingerprint] = {}
    for moment, current in versions:
        for key, print_now in current.items():
            before = seen.get(key)
            revision = revisions.get(key)
            if revision is None:
                revisions[key] = Revision(0, moment, moment)
            elif before is None or before.schedule != print_now.schedule:
                revisions[key] = Revision(revision.sequence + 1, revision.created, moment)
            elif before.content != print_now.content:
                revisions[key] = Revision(revision.sequence, revision.created, moment)
            seen[key] = print_now
        for key in seen.keys() - current.keys():
            del seen[key]  # removed; if it comes back, its SEQUENCE goes on from where it was
    return revisions


@dataclass(frozen=True)
class Version:
    """The history files as one commit of main left them, as raw YAML data."""

    commit: str
    moment: datetime
    events: Any
    phases: Any


def entry_revisions(
    data_dir: Path, fallback: datetime, history: list[Version] | None
) -> dict[str, Revision]:
    """Revisions of every entry: from `history`, the working tree counting as one more version.

    Without a git history (an export, or a shallow clone) every entry gets sequence 0 and
    `fallback` as its date.
    """
    working = _working_fingerprints(data_dir)
    if history is None:
        if environment.is_publishing():
            # Publishing SEQUENCE 0 after higher ones would make calendars ignore updates.
            raise RuntimeError(
                f"{environment.PUBLISH}=1 builds for publishing, but the git history of data/ "
                "is not there: fetch it (actions/checkout with fetch-depth: 0)"
            )
        return {key: Revision(0, fallback, fallback) for key in working}
    versions = [(v.moment, fingerprints(v.events, v.phases)) for v in history]
    last_moment = history[-1].moment if history else fallback
    return replay(iter([*versions, (last_moment, working)]))


def _working_fingerprints(data_dir: Path) -> dict[str, Fingerprint]:
    texts = [read_text(data_dir, name, name)[0] for name in HISTORY_FILES]
    return fingerprints(*(None if text is None else _parse(text) for text in texts))


def _parse(text: str) -> Any:
    """Raw data of one version of a file: {} when empty, None when it does not parse."""
    document, issues = parse_yaml(text, "")
    if issues:
        return None
    return {} if document.data is None else document.data


def read_history(data_dir: Path) -> list[Version] | None:
    """Each commit of main touching the history files, oldest first; None without history.

    A warning says why when there is no history (SEQUENCE then stays 0).
    """
    prefix = git(data_dir, "rev-parse", "--show-prefix")
    if prefix is None:
        log.warning("%s is not in a git repository: calendar SEQUENCE stays 0", data_dir)
        return None
    if (git(data_dir, "rev-parse", "--is-shallow-repository") or "").strip() == "true":
        log.warning("shallow clone: calendar SEQUENCE needs the full history (fetch-depth: 0)")
        return None
    paths = [f"{prefix.strip()}{name}" for name in HISTORY_FILES]
    pathspecs = [f":/{path}" for path in paths]
    # Only the commits of main itself: a branch's intermediate states were never published.
    log_lines = git(
        data_dir, "log", "--first-parent", "--reverse", "--format=%H %ct", "--", *pathspecs
    )
    if not log_lines:
        return []
    commits = [line.split() for line in log_lines.splitlines() if line.strip()]
    requests = "".join(f"{sha}:{path}\n" for sha, _ in commits for path in paths)
    blobs = read_blobs(data_dir, requests)
    parsed: dict[str, Any] = {}  # most commits leave one of the two files as it was
    versions = []
    for index, (sha, timestamp) in enumerate(commits):
        texts = blobs[index * 2 : index * 2 + 2]
        for text in texts:
            if text not in parsed:
                parsed[text] = _parse(text)
        events, phases = (parsed[text] for text in texts)
        if events is None or phases is None:
            continue  # an unparsable commit was never published
        moment = datetime.fromtimestamp(int(timestamp), UTC)
        versions.append(Version(sha, moment, events, phases))
    return versions
