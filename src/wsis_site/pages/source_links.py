"""Where each page's facts live in the repository: "Suggest a change" and "View the source".

The repository's address is `repo_url` in `mkdocs.yml`, or `WSIS_REPO_URL` (the workflows set
it, so a fork links to itself); the branch is `WSIS_REPO_BRANCH`, `main` by default. Without an
address, or with one that is not a repository's https address, pages carry no such links.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlsplit

DEFAULT_BRANCH = "main"


@dataclass(frozen=True)
class Source:
    """A file of the repository, and the line of the page's subject in it (None: the whole)."""

    path: str
    line: int | None = None


@dataclass(frozen=True)
class Repository:
    """A GitHub repository (or one with the same addresses) and the branch pages come from."""

    url: str
    branch: str

    def edit(self, path: str) -> str:
        """GitHub's editor on `path`: a pull request in a few clicks, without git."""
        return f"{self.url}/edit/{self.branch}/{quote(path)}"

    def view(self, source: Source) -> str:
        """The file at the branch, at the subject's line when known."""
        anchor = f"#L{source.line}" if source.line else ""
        return f"{self.url}/blob/{self.branch}/{quote(source.path)}{anchor}"


def repository(repo_url: str | None, url: str = "", branch: str = "") -> Repository | None:
    """The repository pages link to (`url` and `branch` over `repo_url` and `main`), or None: no
    link rather than a broken one."""
    address = url or (repo_url or "").strip()
    parts = urlsplit(address)
    path = parts.path.rstrip("/").removesuffix(".git")
    if parts.scheme != "https" or not parts.hostname or parts.query or parts.fragment:
        return None
    if len(path.strip("/").split("/")) != 2:  # owner/name
        return None
    return Repository(f"https://{parts.netloc}{path}", quote(branch or DEFAULT_BRANCH, safe="/"))


@dataclass(frozen=True)
class PageSources:
    """The repository, and where in it the hand-written pages are (`docs`)."""

    repository: Repository
    docs_folder: str
