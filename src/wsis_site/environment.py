"""Every environment variable the build reads, and what it means: read here and nowhere else.

- `WSIS_SITE_URL`: the site's public address, over `site_url` of `data/site.yaml` (the deploy
  and pull-request workflows set it from GitHub Pages).
- `WSIS_PUBLISH=1`: a build for publishing, set by the deploy workflow: it refuses placeholder
  addresses, feeds without the git history of `data/` and stale translations.
  `WSIS_REQUIRE_HISTORY=1`, its older name, still works.
- `WSIS_PREVIEW_PULL_REQUEST=<n>`: pull request n's preview (a banner, not indexed, no
  subscriptions), set by the pull-request workflow.
- `WSIS_BUILD_DATE=YYYY-MM-DD` (`--build-date`), else `SOURCE_DATE_EPOCH`: the day statuses are
  computed for; today by default.
- `WSIS_REPO_URL`, `WSIS_REPO_BRANCH`: where "Suggest a change" edits, over `repo_url`.
- `WSIS_SERIAL=1`: every step in this process, none in a second one.
- `GITHUB_ACTIONS=true`: data errors are also printed as annotations on the changed lines.

`WSIS_PREVIEW_LANGUAGE` (one language, for `make serve ONLY=es`) is read by `mkdocs.yml`
itself, through MkDocs' `!ENV` tag.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import UTC, date, datetime
from urllib.parse import urlsplit

SITE_URL = "WSIS_SITE_URL"
PUBLISH = "WSIS_PUBLISH"
REQUIRE_HISTORY = "WSIS_REQUIRE_HISTORY"
PREVIEW_PULL_REQUEST = "WSIS_PREVIEW_PULL_REQUEST"
BUILD_DATE = "WSIS_BUILD_DATE"
SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH"
REPO_URL = "WSIS_REPO_URL"
REPO_BRANCH = "WSIS_REPO_BRANCH"
SERIAL = "WSIS_SERIAL"
GITHUB_ACTIONS = "GITHUB_ACTIONS"

Environ = Mapping[str, str]


def value(name: str, environ: Environ = os.environ) -> str:
    """The variable's value without surrounding spaces; empty when it is not set."""
    return environ.get(name, "").strip()


def is_publishing(environ: Environ = os.environ) -> bool:
    """True in a build for publishing (`WSIS_PUBLISH=1`, or its older name)."""
    return "1" in (value(PUBLISH, environ), value(REQUIRE_HISTORY, environ))


def is_serial(environ: Environ = os.environ) -> bool:
    """True when every step must run in this process (`WSIS_SERIAL=1`)."""
    return value(SERIAL, environ) == "1"


def repository_overrides(environ: Environ = os.environ) -> tuple[str, str]:
    """`WSIS_REPO_URL` and `WSIS_REPO_BRANCH`, empty when unset: where pages send edits."""
    return value(REPO_URL, environ), value(REPO_BRANCH, environ)


def on_github_actions(environ: Environ = os.environ) -> bool:
    """True in a GitHub Actions job."""
    return value(GITHUB_ACTIONS, environ) == "true"


class AddressError(ValueError):
    """A site address or UID domain that a build must not use."""


def site_url_override(environ: Environ = os.environ) -> str | None:
    """`WSIS_SITE_URL`, ending with a slash, or None when it is not set."""
    address = value(SITE_URL, environ)
    if not address:
        return None
    parts = urlsplit(address)
    if parts.scheme != "https" or not parts.hostname or parts.query or parts.fragment:
        raise AddressError(
            f"{SITE_URL}={address!r} is not an https:// address such as "
            "https://forum.example.net/wsis/"
        )
    # GitHub Pages gives the base URL without the final slash that relative links need.
    return address if address.endswith("/") else f"{address}/"


def preview_of(environ: Environ = os.environ) -> int | None:
    """The pull request a preview build shows (`WSIS_PREVIEW_PULL_REQUEST`), or None."""
    number = value(PREVIEW_PULL_REQUEST, environ)
    if not number:
        return None
    if not number.isascii() or not number.isdigit() or int(number) == 0:
        raise AddressError(f"{PREVIEW_PULL_REQUEST}={number!r} is not a pull request's number")
    if is_publishing(environ):
        raise AddressError(
            f"{PREVIEW_PULL_REQUEST} builds a preview and {PUBLISH}=1 builds for "
            "publishing: set one of them"
        )
    return int(number)


def build_date(environ: Environ = os.environ) -> date:
    """The day statuses are computed for: `WSIS_BUILD_DATE`, `SOURCE_DATE_EPOCH` or today (UTC)."""
    if fixed := value(BUILD_DATE, environ):
        try:
            return date.fromisoformat(fixed)
        except ValueError:
            name = BUILD_DATE
            raise ValueError(f"{name}={fixed!r} is not a YYYY-MM-DD date") from None
    if epoch := value(SOURCE_DATE_EPOCH, environ):
        return datetime.fromtimestamp(int(epoch), UTC).date()
    return datetime.now(UTC).date()
