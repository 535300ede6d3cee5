"""The GitHub workflow and Dependabot configuration, read as data."""

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"


@pytest.fixture(scope="module")
def workflow():
    # PyYAML reads the key `on` as True (YAML 1.1); take it back by name.
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    data["on"] = data.pop(True)
    return data


def test_pull_requests_pushes_to_main_and_every_day_trigger_it(workflow):
    assert "pull_request" in workflow["on"]
    assert workflow["on"]["push"]["branches"] == ["main"]
    # Posts and issues dated in the future are published by the first build on their day.
    (schedule,) = workflow["on"]["schedule"]
    minute, hour, day, month, weekday = schedule["cron"].split()
    assert (day, month, weekday) == ("*", "*", "*")


def test_the_default_token_can_only_read(workflow):
    assert workflow["permissions"] == {"contents": "read"}


def test_only_the_deploy_job_can_publish(workflow):
    jobs = workflow["jobs"]
    assert set(jobs) == {"check", "build", "deploy"}
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    for name in ("check", "build"):
        assert all(level != "write" for level in jobs[name]["permissions"].values()), name


def test_nothing_is_deployed_unless_every_check_passed_on_main(workflow):
    jobs = workflow["jobs"]
    assert jobs["build"]["needs"] == "check" and jobs["deploy"]["needs"] == "build"
    for name in ("build", "deploy"):
        condition = jobs[name]["if"]
        assert condition.startswith("github.ref == 'refs/heads/main' && ("), condition
        assert "'push'" in condition and "'schedule'" in condition and "pull_request" not in condition
    assert "if" not in jobs["check"]


def test_two_deployments_never_race(workflow):
    assert workflow["jobs"]["deploy"]["concurrency"] == {"group": "pages", "cancel-in-progress": False}


def test_the_check_job_builds_strictly_with_annotations_tests_and_uploads_the_site(workflow):
    steps = workflow["jobs"]["check"]["steps"]
    runs = "\n".join(step.get("run", "") for step in steps)
    assert "./run build" in runs and "bash .ci/run" in runs
    build = next(step for step in steps if "./run build" in step.get("run", ""))
    assert build["env"]["CISOTRA_ANNOTATIONS"] == "1"
    assert any(step.get("uses", "").startswith("actions/upload-artifact@") for step in steps)
    assert any("GITHUB_STEP_SUMMARY" in step.get("run", "") for step in steps)


def test_only_the_build_for_publishing_is_marked_as_one(workflow):
    """CISOTRA_DEPLOY=1 makes a build fail whose site_url is a local or private address (cisotra.siteaddress);
    the check job builds for the local address on purpose."""
    marked = {
        name
        for name, job in workflow["jobs"].items()
        for step in job["steps"]
        if step.get("env", {}).get("CISOTRA_DEPLOY") == "1"
    }
    assert marked == {"build"}
    build = next(step for step in workflow["jobs"]["build"]["steps"] if "./run build" in step.get("run", ""))
    assert build["env"]["CISOTRA_DEPLOY"] == "1" and "steps.pages.outputs.base_url" in build["env"]["SITE_URL"]


def test_the_deploy_uses_the_official_pages_actions(workflow):
    uses = [step["uses"].split("@")[0] for job in workflow["jobs"].values() for step in job["steps"] if "uses" in step]
    assert {"actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"} <= set(uses)


def test_every_action_is_pinned_to_a_commit():
    for match in re.finditer(r"uses:\s*(\S+)", WORKFLOW.read_text(encoding="utf-8")):
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", match.group(1)), match.group(1)


def test_dependabot_watches_every_pinned_ecosystem_with_a_cooldown():
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    watched = {(update["package-ecosystem"], update["directory"]) for update in config["updates"]}
    # Every lock of pinned versions in the repository is watched: pip, the workflow's actions, npm.
    locks = {
        ("npm", "/" + path.parent.relative_to(ROOT).as_posix())
        for path in ROOT.glob("**/package-lock.json")
        if "node_modules" not in path.parts
    }
    assert {("pip", "/"), ("github-actions", "/")} | locks <= watched
    assert all(update["cooldown"]["default-days"] >= 7 for update in config["updates"])


def test_checkouts_leave_no_credentials_behind(workflow):
    for job in workflow["jobs"].values():
        for step in job["steps"]:
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False


def test_zizmor_finds_nothing_in_the_workflows():
    import shutil
    import subprocess
    import sys

    zizmor = shutil.which("zizmor", path=str(Path(sys.executable).parent))
    if zizmor is None:
        pytest.skip("zizmor is not installed (it is in requirements-dev.txt)")
    result = subprocess.run(
        [zizmor, "--offline", "--no-progress", str(ROOT / ".github")], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
