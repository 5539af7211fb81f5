"""The site's public address, and the check that a publishing build carries no placeholder."""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlsplit

from wsis_site import environment
from wsis_site.addresses import is_placeholder
from wsis_site.environment import PUBLISH, SITE_URL, AddressError
from wsis_site.model.parse import SITE_FILE
from wsis_site.reading.yaml_source import read_yaml

log = logging.getLogger(__name__)


def check_address(
    data_dir: Path, site_url: str, uid_domain: str, environ: Mapping[str, str] = os.environ
) -> None:
    """Refuse placeholder addresses in a publishing build; elsewhere warn once."""
    problems = _placeholders(data_dir, site_url, uid_domain, environ)
    if not problems:
        return
    if environment.is_publishing(environ):
        raise AddressError(
            "\n".join(
                [
                    *problems,
                    f"{PUBLISH}=1 builds for publishing, so these must be addresses "
                    "you control: see 'Publishing' in README.md.",
                ]
            )
        )
    log.warning("; ".join(problems) + " (fine for a preview, refused when publishing)")


def _placeholders(
    data_dir: Path, site_url: str, uid_domain: str, environ: Mapping[str, str]
) -> list[str]:
    """One message per placeholder, naming where it was set."""
    document, _ = read_yaml(data_dir, SITE_FILE, f"{data_dir.name}/{SITE_FILE}")
    found: list[str] = []
    in_file: dict[str, str] = {}
    host = urlsplit(site_url).hostname or ""
    if is_placeholder(host):
        if environment.value(SITE_URL, environ):
            found.append(f"{SITE_URL}: {host} is a reserved example name, not a site")
        else:
            in_file["site_url"] = (
                f"{host} is a reserved example name: set {SITE_URL} or site_url "
                "to the address the site is published at"
            )
    if is_placeholder(uid_domain):
        in_file["calendar_uid_domain"] = (
            f"{uid_domain} is a reserved example name: set a domain you control, once, "
            "before the first publication (UIDs must never change)"
        )
    found += [
        document.issue((field,), message, field_label=field).as_text()
        for field, message in in_file.items()
    ]
    return found
