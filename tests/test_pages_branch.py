"""The Pages branch: the site at its root, previews beside it, pushes that race, on real git."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, clone, run_git
from wsis_site.build.pages_branch import NO_JEKYLL, PagesBranch, PublishError, preview_folder


def files(remote: Path, branch: str = "gh-pages") -> dict[str, str]:
    """Each file on the remote's branch and its content."""
    names = run_git(remote, "ls-tree", "-r", "--name-only", branch).splitlines()
    return {name: run_git(remote, "show", f"{branch}:{name}") for name in names}


def site(folder: Path, pages: dict[str, str]) -> Path:
    for name, text in pages.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def remote(tmp_path: Path) -> Path:
    """A bare repository standing for GitHub's, with one commit on main."""
    bare = tmp_path / "remote.git"
    run_git(tmp_path, "init", "--quiet", "--bare", "--initial-branch=main", str(bare))
    return bare


def test_the_site_at_the_root_and_previews_beside_it(remote: Path, tmp_path: Path) -> None:
    work = clone(remote, tmp_path / "work")
    branch = PagesBranch(work)
    production = site(tmp_path / "site", {"index.html": "v1", "_headers": "/*", "a/b.css": "x"})
    preview = site(tmp_path / "preview", {"index.html": "preview 7"})

    assert branch.publish_site(production)
    assert branch.publish_preview(preview, 7)
    assert branch.publish_preview(preview, 7) is None  # nothing new: no empty commit
    (production / "index.html").write_text("v2", encoding="utf-8")
    (production / "a" / "b.css").unlink()
    assert branch.publish_site(production)
    # The new site replaced the old one whole; the preview stayed; Jekyll stays off.
    assert files(remote) == {
        NO_JEKYLL: "",
        "_headers": "/*",
        "index.html": "v2",
        f"{preview_folder(7)}/index.html": "preview 7",
    }
    assert branch.remove_preview(7)
    assert branch.remove_preview(7) is None
    assert files(remote) == {NO_JEKYLL: "", "_headers": "/*", "index.html": "v2"}
    subjects = run_git(remote, "log", "--format=%s", "gh-pages").splitlines()
    assert subjects == [
        "Remove the preview of pull request #7",
        "Publish the site",
        "Preview pull request #7",
        "Publish the site",
    ]
    # The job's own checkout is untouched: same commit, nothing staged or changed.
    assert run_git(work, "status", "--porcelain") == ""
    assert run_git(work, "log", "--format=%s") == "main"


def test_a_first_preview_starts_the_branch(remote: Path, tmp_path: Path) -> None:
    branch = PagesBranch(clone(remote, tmp_path / "work"))
    branch.publish_preview(site(tmp_path / "preview", {"index.html": "p"}), 12)
    assert files(remote) == {NO_JEKYLL: "", "pr-preview/pr-12/index.html": "p"}


def test_previews_from_two_jobs_and_a_deploy_all_stay(remote: Path, tmp_path: Path) -> None:
    first, second = clone(remote, tmp_path / "one"), clone(remote, tmp_path / "two")
    PagesBranch(first).publish_preview(site(tmp_path / "p7", {"index.html": "7"}), 7)
    PagesBranch(second).publish_preview(site(tmp_path / "p8", {"index.html": "8"}), 8)
    PagesBranch(first).publish_site(site(tmp_path / "s", {"index.html": "site"}))
    assert files(remote) == {
        NO_JEKYLL: "",
        "index.html": "site",
        "pr-preview/pr-7/index.html": "7",
        "pr-preview/pr-8/index.html": "8",
    }


def test_a_push_that_loses_a_race_is_applied_again_on_the_new_tip(
    remote: Path, tmp_path: Path
) -> None:
    work = clone(remote, tmp_path / "work")
    PagesBranch(work).publish_preview(site(tmp_path / "p7", {"index.html": "7"}), 7)
    # Another job's preview, ready to land while this job is between its fetch and its push.
    run_git(remote, "branch", "other-job", "gh-pages")
    PagesBranch(work, name="other-job").publish_preview(
        site(tmp_path / "p8", {"index.html": "8"}), 8
    )
    hook = remote / "hooks" / "pre-receive"
    hook.write_text(
        "#!/bin/sh\n"
        f'test -e "{tmp_path}/raced" && exit 0\n'
        f'touch "{tmp_path}/raced"\n'
        "unset GIT_QUARANTINE_PATH GIT_OBJECT_DIRECTORY GIT_ALTERNATE_OBJECT_DIRECTORIES\n"
        "git update-ref refs/heads/gh-pages refs/heads/other-job\n"
        "exit 1\n",
        encoding="utf-8",
    )
    hook.chmod(0o755)
    assert PagesBranch(work).publish_preview(site(tmp_path / "p9", {"index.html": "9"}), 9)
    assert (tmp_path / "raced").exists()
    assert set(files(remote)) == {
        NO_JEKYLL,
        "pr-preview/pr-7/index.html",
        "pr-preview/pr-8/index.html",
        "pr-preview/pr-9/index.html",
    }


def test_the_command_line_says_what_it_did_and_fails_without_a_traceback(
    remote: Path, tmp_path: Path
) -> None:
    work = clone(remote, tmp_path / "work")
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "src")}

    def pages_branch(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "wsis_site.build.pages_branch", *args]
        return subprocess.run(
            command, cwd=work, env=environment, capture_output=True, text=True, check=False
        )

    site(tmp_path / "preview", {"index.html": "p"})
    published = pages_branch("publish", "--site", str(tmp_path / "preview"), "--pull-request", "3")
    assert published.returncode == 0
    assert published.stdout.startswith("publish pr-preview/pr-3 of gh-pages: commit ")
    missing = pages_branch("publish", "--site", str(tmp_path / "nothing"))
    assert missing.returncode == 1
    assert missing.stderr == (
        f"pages_branch: {tmp_path / 'nothing'} is not a folder: build the site first\n"
    )
    garbled = pages_branch(
        "publish", "--site", str(tmp_path / "preview"), "--open-pull-requests", "7 x"
    )
    assert garbled.returncode == 2
    assert "'7 x' is not a list of pull request numbers" in garbled.stderr
    removed = pages_branch("remove", "--pull-request", "3")
    assert removed.returncode == 0
    assert removed.stdout.startswith("remove pr-preview/pr-3 of gh-pages: commit ")
    assert files(remote) == {NO_JEKYLL: ""}


def test_a_remote_that_refuses_every_push_ends_in_a_clear_error(
    remote: Path, tmp_path: Path
) -> None:
    work = clone(remote, tmp_path / "work")
    hook = remote / "hooks" / "pre-receive"
    hook.write_text("#!/bin/sh\necho protected branch >&2\nexit 1\n", encoding="utf-8")
    hook.chmod(0o755)
    with pytest.raises(
        PublishError, match=r"no push to gh-pages went through in 5 attempts: .*protected"
    ):
        PagesBranch(work).publish_site(site(tmp_path / "s", {"index.html": "s"}))


def test_removing_a_preview_never_starts_the_branch(remote: Path, tmp_path: Path) -> None:
    assert PagesBranch(clone(remote, tmp_path / "work")).remove_preview(3) is None
    assert "gh-pages" not in run_git(remote, "branch", "--list")


def test_publishing_the_site_drops_the_previews_of_closed_pull_requests(
    remote: Path, tmp_path: Path
) -> None:
    branch = PagesBranch(clone(remote, tmp_path / "work"))
    for number in (7, 8, 70):
        branch.publish_preview(site(tmp_path / f"p{number}", {"index.html": str(number)}), number)
    # Pull request 8 closed while its removal could not run (a merge conflict stops it).
    branch.publish_site(site(tmp_path / "s", {"index.html": "site"}), open_pull_requests={7, 70})
    assert files(remote) == {
        NO_JEKYLL: "",
        "index.html": "site",
        "pr-preview/pr-7/index.html": "7",
        "pr-preview/pr-70/index.html": "70",
    }
