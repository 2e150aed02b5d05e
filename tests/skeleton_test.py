#!/usr/bin/env python3
"""What `bvplan new` and `bvplan init` write passes `bvplan check`, and init's GitHub
workflow is YAML whose bvplan commands run as written.

Usage: skeleton_test.py BVPLAN

Each test works in a temporary folder holding a .git folder (so owners.yaml discovery
stops there), with "today" pinned to 2004-06-30 (SOURCE_DATE_EPOCH). The workflow is
parsed with PyYAML (python3-yaml); without it that test is skipped and says so. Its
`bvplan ...` lines are run in the folder init set up, made a git repository with one
commit, with "origin/$BASE_REF" standing for that commit.
"""
import os
import shlex
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bvplan_env import bvplan_environment  # noqa: E402

PINNED_TODAY = "1088553600"  # 2004-06-30T00:00:00Z
CLEAN = "1 file checked: 0 errors, 0 warnings\n"
failures = []


def run(argv, cwd, **extra):
    env = bvplan_environment(SOURCE_DATE_EPOCH=PINNED_TODAY, **extra)
    return subprocess.run(argv, cwd=cwd, capture_output=True, text=True, env=env, timeout=60)


def expect(name, actual, wanted):
    if actual != wanted:
        failures.append(f"{name}:\n--- expected:\n{wanted!r}\n--- actual:\n{actual!r}")


def test_new_checks_clean(bvplan, folder):
    made = run([bvplan, "new", "plans/roads-2005.yaml", "--id", "roads-2005", "--title", "Roads: plan #1",
                "--start", "2004-06-30", "--end", "2005-05-31", "--body", "Environment Scrutiny Committee",
                "--every", "half-year", "--owner", "HWY", "--owner-name", "Highways Service"], folder)
    expect("new: status", (made.returncode, made.stderr), (0, ""))
    check = run([bvplan, "check", "plans", "--strict"], folder)
    expect("new, then check", (check.returncode, check.stdout, check.stderr), (0, CLEAN, ""))


def test_new_with_registered_owner_checks_clean(bvplan, folder):
    with open(os.path.join(folder, "owners.yaml"), "w", encoding="utf-8") as f:
        f.write("owners:\n  CFO: Chief Financial Officer\n")
    made = run([bvplan, "new", "plans/money.yaml", "--id", "money", "--title", "Money", "--start", "2004-06-30",
                "--end", "2004-12-31", "--owner", "CFO"], folder)
    expect("new, registered owner: status", (made.returncode, made.stderr), (0, ""))
    plan = open(os.path.join(folder, "plans", "money.yaml"), encoding="utf-8").read()
    expect("new, registered owner: no owners declared", "\nowners:" in plan, False)
    check = run([bvplan, "check", "plans", "--strict"], folder)
    expect("new with a registered owner, then check", (check.returncode, check.stdout, check.stderr), (0, CLEAN, ""))


def bvplan_lines(workflow):
    """Every `bvplan ...` command in the workflow's run steps, with the step's env."""
    found = []
    for job in workflow["jobs"].values():
        for step in job["steps"]:
            for line in step.get("run", "").splitlines():
                if line.strip().startswith("bvplan "):
                    found.append((line.strip(), step.get("env", {}), step.get("if", "")))
    return found


def test_init_repository(bvplan, folder):
    made = run([bvplan, "init"], folder)
    expect("init: status", (made.returncode, made.stderr), (0, ""))
    check = run([bvplan, "check", "plans", "--strict"], folder)
    expect("init, then check", (check.returncode, check.stdout, check.stderr), (0, CLEAN, ""))
    try:
        import yaml
    except ImportError:
        print("skipped: the workflow's YAML (python3-yaml is not installed)")
        return
    with open(os.path.join(folder, ".github", "workflows", "bvplan.yml"), encoding="utf-8") as f:
        workflow = yaml.safe_load(f)
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    expect("workflow: runs on pull requests", "pull_request" in triggers, True)
    steps = workflow["jobs"]["plans"]["steps"]
    uses = {step["uses"]: step.get("with", {}) for step in steps if "uses" in step}
    expect("workflow: full history for --against", uses.get("actions/checkout@v4"), {"fetch-depth": 0})
    expect("workflow: the paper as an artifact", uses.get("actions/upload-artifact@v4"),
           {"name": "committee-paper", "path": "paper.md"})
    builds = [step for step in steps if "BVPLAN_SOURCE" in step.get("env", {})]
    expect("workflow: bvplan built from vars.BVPLAN_SOURCE", [s["env"]["BVPLAN_SOURCE"] for s in builds],
           ["${{ vars.BVPLAN_SOURCE }}"])

    # Run each bvplan command as the workflow would, in a repository of what init wrote.
    git_env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
               "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_AUTHOR_DATE": "2004-06-30T12:00:00Z",
               "GIT_COMMITTER_DATE": "2004-06-30T12:00:00Z", "HOME": folder}
    os.rmdir(os.path.join(folder, ".git"))
    for argv in (["git", "init", "-q", "-b", "main"], ["git", "add", "."], ["git", "commit", "-q", "-m", "init"],
                 ["git", "update-ref", "refs/remotes/origin/main", "HEAD"]):
        done = run(argv, folder, **git_env)
        expect(f"workflow: {' '.join(argv)}", done.returncode, 0)
    lines = bvplan_lines(workflow)
    expect("workflow: the bvplan commands", [line for line, _, _ in lines], [
        "bvplan check plans --format github --strict --against \"origin/$BASE_REF\"",
        "bvplan check plans --format github --strict",
        "bvplan report plans --format md -o paper.md"])
    for line, env, _ in lines:
        if env.get("BASE_REF") == "${{ github.base_ref }}":
            line = line.replace("$BASE_REF", "main")
        argv = shlex.split(line)
        done = run([bvplan] + argv[1:], folder)
        expect(f"workflow: {line}", (done.returncode, done.stdout, done.stderr),
               (0, CLEAN if argv[1] == "check" else "", ""))
    expect("workflow: the paper is written", os.path.exists(os.path.join(folder, "paper.md")), True)


def main():
    bvplan = os.path.abspath(sys.argv[1])
    tests = [test_new_checks_clean, test_new_with_registered_owner_checks_clean, test_init_repository]
    for test in tests:
        with tempfile.TemporaryDirectory(prefix="bvplan-skeleton-") as folder:
            os.mkdir(os.path.join(folder, ".git"))
            test(bvplan, folder)
    for failure in failures:
        print(failure)
    print(f"{len(tests)} tests, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
