"""GitHub Pages served from a branch: the site at the branch's root, each pull request's
preview in `pr-preview/pr-<number>/`, taken out when the pull request closes.

The deploy workflow and every preview write the same branch, so each operation is "make this
folder hold these files" on the branch's newest commit: when a push loses a race, the
operation is applied again on the new tip. Only git's plumbing runs, on a temporary index, so
the repository's own work tree and index are never touched. Standard library only: the
publishing jobs install nothing.

    PYTHONPATH=src python3 -m wsis_site.build.pages_branch publish --site site
    PYTHONPATH=src python3 -m wsis_site.build.pages_branch publish --site site --pull-request 7
    PYTHONPATH=src python3 -m wsis_site.build.pages_branch remove --pull-request 7
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

BRANCH = "gh-pages"
PREVIEWS = "pr-preview"
#: Pages runs Jekyll on a branch unless this file is at its root; Jekyll would drop `_headers`.
NO_JEKYLL = ".nojekyll"
ATTEMPTS = 5
#: The commits' author; GitHub shows this one as its Actions bot.
IDENTITY = {
    "GIT_AUTHOR_NAME": "github-actions[bot]",
    "GIT_AUTHOR_EMAIL": "41898282+github-actions[bot]@users.noreply.github.com",
    "GIT_COMMITTER_NAME": "github-actions[bot]",
    "GIT_COMMITTER_EMAIL": "41898282+github-actions[bot]@users.noreply.github.com",
}


class PublishError(RuntimeError):
    """A git command failed, or the branch kept moving under every attempt."""


def preview_folder(pull_request: int) -> str:
    """Where a pull request's preview lives on the branch (and so under the site's address)."""
    return f"{PREVIEWS}/pr-{pull_request}"


@dataclass(frozen=True)
class PagesBranch:
    """The Pages branch of `repository`'s `remote`, changed one commit at a time."""

    repository: Path
    name: str = BRANCH
    remote: str = "origin"

    def publish_site(self, site: Path, open_pull_requests: set[int] | None = None) -> str | None:
        """Put `site` at the branch's root, keeping the previews (only those of
        `open_pull_requests` when given: a removal that never ran is made up for); the new
        commit, or None."""
        tree = self._tree_of_folder(site)

        def change(index: _Index) -> None:
            previews = index.subtree(PREVIEWS)
            index.read(tree)
            if previews:
                index.read(previews, prefix=PREVIEWS)
            if open_pull_requests is not None:
                kept = {preview_folder(number) for number in open_pull_requests}
                for folder in index.folders(PREVIEWS):
                    if f"{PREVIEWS}/{folder}" not in kept:
                        index.remove(f"{PREVIEWS}/{folder}")
            index.add_empty_file(NO_JEKYLL)

        return self._update(change, "Publish the site")

    def publish_preview(self, site: Path, pull_request: int) -> str | None:
        """Put `site` in the pull request's preview folder; the new commit, or None."""
        tree = self._tree_of_folder(site)
        folder = preview_folder(pull_request)

        def change(index: _Index) -> None:
            index.remove(folder)
            index.read(tree, prefix=folder)
            index.add_empty_file(NO_JEKYLL)

        return self._update(change, f"Preview pull request #{pull_request}")

    def remove_preview(self, pull_request: int) -> str | None:
        """Take the pull request's preview out; the new commit, or None if it was not there."""
        folder = preview_folder(pull_request)
        message = f"Remove the preview of pull request #{pull_request}"
        # Without the branch there is no preview to take out, and no branch is started.
        return self._update(lambda index: index.remove(folder), message, starts_branch=False)

    def _update(
        self, change: Callable[[_Index], None], message: str, *, starts_branch: bool = True
    ) -> str | None:
        for _ in range(ATTEMPTS):
            tip = self._fetch_tip()
            if tip is None and not starts_branch:
                return None
            with tempfile.TemporaryDirectory() as scratch:
                index = _Index(self, Path(scratch) / "index")
                if tip:
                    index.read(tip)
                change(index)
                tree = index.write_tree()
            if tip and tree == self.git("rev-parse", f"{tip}^{{tree}}"):
                return None
            parents = ["-p", tip] if tip else []
            commit = self.git("commit-tree", tree, *parents, "-m", message, env=IDENTITY)
            pushed = self._run("push", "--quiet", self.remote, f"{commit}:refs/heads/{self.name}")
            if pushed.returncode == 0:
                return commit
        raise PublishError(
            f"no push to {self.name} went through in {ATTEMPTS} attempts: {pushed.stderr.strip()}"
        )

    def _fetch_tip(self) -> str | None:
        """The branch's newest commit on the remote, fetched; None if it does not exist yet."""
        if not self.git("ls-remote", "--heads", self.remote, f"refs/heads/{self.name}"):
            return None
        local = f"refs/wsis-pages/{self.name}"
        self.git("fetch", "--quiet", "--depth=1", self.remote, f"+refs/heads/{self.name}:{local}")
        return self.git("rev-parse", local)

    def _tree_of_folder(self, folder: Path) -> str:
        """Store every file of `folder` in the repository, and return their tree."""
        if not folder.is_dir():
            raise PublishError(f"{folder} is not a folder: build the site first")
        with tempfile.TemporaryDirectory() as scratch:
            index = {"GIT_INDEX_FILE": str(Path(scratch) / "index")}
            git_dir = self.git("rev-parse", "--absolute-git-dir")
            tree_of = ["--git-dir", git_dir, "--work-tree", str(folder.resolve())]
            self.git(*tree_of, "add", "--all", "--force", ".", env=index, cwd=folder)
            return self.git(*tree_of, "write-tree", env=index, cwd=folder)

    def git(self, *args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> str:
        """What a git command prints, stripped; a failure raises `PublishError`."""
        return _checked(self._run(*args, env=env, cwd=cwd), args).strip()

    def _run(
        self,
        *args: str,
        env: dict[str, str] | None = None,
        cwd: Path | None = None,
        stdin: str | None = None,
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["git", *args],
            cwd=cwd or self.repository,
            env={**os.environ, **(env or {})},
            input=stdin,
            capture_output=True,
            text=True,
            check=False,
        )


def _checked(result: subprocess.CompletedProcess[str], args: Sequence[str]) -> str:
    if result.returncode != 0:
        raise PublishError(f"git {args[0]} failed: {result.stderr.strip()}")
    return result.stdout


@dataclass(frozen=True)
class _Index:
    """A temporary git index: the branch's next tree, assembled without a work tree."""

    branch: PagesBranch
    path: Path

    def git(self, *args: str, stdin: str | None = None) -> str:
        index = {"GIT_INDEX_FILE": str(self.path)}
        return _checked(self.branch._run(*args, env=index, stdin=stdin), args)

    def read(self, tree: str, prefix: str = "") -> None:
        """Replace the index by `tree`, or add it under `prefix/`."""
        self.git("read-tree", f"--prefix={prefix}/", tree) if prefix else self.git(
            "read-tree", tree
        )

    def subtree(self, folder: str) -> str | None:
        """The tree the index holds at `folder`, or None."""
        entries = self.git("ls-files", "--", f"{folder}/")
        if not entries:
            return None
        return self.git("write-tree", f"--prefix={folder}/").strip()

    def folders(self, folder: str) -> list[str]:
        """The names of the folders right under `folder/` in the index."""
        paths = self.git("ls-files", "-z", "--", f"{folder}/").split("\0")
        return sorted({p.removeprefix(f"{folder}/").split("/")[0] for p in paths if "/" in p})

    def remove(self, folder: str) -> None:
        """Take every file under `folder/` out of the index."""
        paths = self.git("ls-files", "-z", "--", f"{folder}/")
        if paths:
            self.git("update-index", "--force-remove", "-z", "--stdin", stdin=paths)

    def add_empty_file(self, name: str) -> None:
        empty = self.git("hash-object", "-w", "--stdin", stdin="").strip()
        self.git("update-index", "--add", "--cacheinfo", f"100644,{empty},{name}")

    def write_tree(self) -> str:
        return self.git("write-tree").strip()


def _numbers(text: str) -> set[int]:
    """`"3 7 12"` (spaces or newlines, as `gh pr list` prints them) as numbers."""
    if not all(word.isdigit() for word in text.split()):
        raise argparse.ArgumentTypeError(f"{text!r} is not a list of pull request numbers")
    return {int(word) for word in text.split()}


def main(arguments: Sequence[str] | None = None) -> int:
    """`publish --site DIR [--pull-request N]` or `remove --pull-request N`."""
    parser = argparse.ArgumentParser(prog="pages_branch", description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=["publish", "remove"])
    parser.add_argument("--site", type=Path, help="the built site (publish)")
    parser.add_argument("--pull-request", type=int, help="the preview's pull request number")
    parser.add_argument(
        "--open-pull-requests",
        type=_numbers,
        help="publishing the site: the open pull requests' numbers (their previews stay)",
    )
    parser.add_argument("--branch", default=BRANCH)
    parser.add_argument("--remote", default="origin")
    args = parser.parse_args(arguments)
    branch = PagesBranch(Path.cwd(), args.branch, args.remote)
    where = preview_folder(args.pull_request) if args.pull_request else "the root"
    try:
        if args.action == "remove":
            if not args.pull_request:
                parser.error("remove needs --pull-request")
            commit = branch.remove_preview(args.pull_request)
        elif args.site is None:
            parser.error("publish needs --site")
        elif args.pull_request:
            commit = branch.publish_preview(args.site, args.pull_request)
        else:
            commit = branch.publish_site(args.site, args.open_pull_requests)
    except PublishError as error:
        print(f"pages_branch: {error}", file=sys.stderr)
        return 1
    done = f"commit {commit[:12]}" if commit else "nothing changed"
    print(f"{args.action} {where} of {args.branch}: {done}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
