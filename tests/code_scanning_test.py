#!/usr/bin/env python3
"""check's formats for CI systems other than GitHub's log:
- --format sarif is valid against the official SARIF 2.1.0 schema (tests/data), lists
  every rule of bvplan(1)'s RULES with its descriptions and fix, and places each finding
  by its path from the repository's root, line and column, with a fingerprint that stays
  the same when lines are added above it;
- --format gitlab is GitLab Code Quality JSON with unique fingerprints;
- --format github, with GITHUB_STEP_SUMMARY set, appends every finding to that file;
- src/rules/catalog.cpp is what scripts/make-rule-catalog makes from the man page."""
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bvplan_env import bvplan_environment, import_debian  # noqa: E402

jsonschema = import_debian("jsonschema", "python3-jsonschema")

binary, source = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
failures = 0


def fail(message):
    global failures
    failures += 1
    print("FAIL " + message)


def run(args, cwd, **extra):
    return subprocess.run([binary, *args], capture_output=True, check=False, cwd=cwd,
                          env=bvplan_environment(SOURCE_DATE_EPOCH="1088553600", **extra))


def git(args, cwd):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                   env={**bvplan_environment(), "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org", "HOME": cwd})


with open(os.path.join(source, "tests", "data", "sarif-schema-2.1.0.json"), encoding="utf-8") as f:
    sarif_schema = jsonschema.Draft4Validator(json.load(f))

# The rule catalog and the man page agree.
made = subprocess.run([sys.executable, os.path.join(source, "scripts", "make-rule-catalog"), "--check"],
                      capture_output=True, text=True)
if made.returncode != 0:
    fail(f"rule catalog: {made.stdout}{made.stderr}")

with tempfile.TemporaryDirectory() as work:
    # A repository with the broken examples and one plan with warnings, checked from a
    # folder below its root with paths that go up: the URIs are from the root.
    repo = os.path.join(work, "repo")
    shutil.copytree(os.path.join(source, "examples", "broken"), os.path.join(repo, "plans", "broken"))
    shutil.copy(os.path.join(source, "examples", "infrastructure-2004.yaml"), os.path.join(repo, "plans"))
    os.makedirs(os.path.join(repo, "tools"))
    git(["init", "-q"], repo)
    git(["add", "."], repo)
    git(["commit", "-q", "-m", "plans"], repo)
    tools = os.path.join(repo, "tools")
    args = ["check", "../plans", "--as-of", "2004-12-31"]

    done = run([*args, "--format", "sarif"], tools)
    sarif = json.loads(done.stdout) if done.stdout else {}
    errors = sorted(sarif_schema.iter_errors(sarif), key=lambda e: list(e.path))
    if done.returncode != 1 or errors:
        fail(f"sarif: exit {done.returncode}, {len(errors)} schema errors: {[e.message[:200] for e in errors[:3]]}")
    run0 = sarif.get("runs", [{}])[0]
    rules = run0.get("tool", {}).get("driver", {}).get("rules", [])
    results = run0.get("results", [])
    catalog = [r["id"] for r in rules]
    with open(os.path.join(source, "man", "bvplan.1"), encoding="utf-8") as f:
        man = f.read()
    for rule in rules:
        if f".B \\%{rule['id'].replace('-', chr(92) + '-')}\n" not in man:
            fail(f"sarif: rule {rule['id']} is not in bvplan(1)")
        for field in ("shortDescription", "fullDescription", "help"):
            if not rule.get(field, {}).get("text"):
                fail(f"sarif: rule {rule['id']} has no {field}")
        if not rule["help"]["text"].startswith("To fix: "):
            fail(f"sarif: rule {rule['id']}'s help does not say how to fix it")
    if len(set(catalog)) != len(catalog) or len(catalog) < 30:
        fail(f"sarif: rules {catalog}")
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    if not uris or not all(u.startswith("plans/") for u in uris):
        fail(f"sarif: paths not from the repository's root: {sorted(uris)[:5]}")
    for r in results:
        if catalog[r["ruleIndex"]] != r["ruleId"]:
            fail(f"sarif: result {r['ruleId']} points at rule {catalog[r['ruleIndex']]}")
    levels = {r["level"] for r in results}
    if levels != {"error", "warning"}:
        fail(f"sarif: levels {levels}")
    prints = [r["partialFingerprints"]["bvplanFinding/v1"] for r in results]
    if len(set(prints)) != len(prints):
        fail("sarif: two results with one fingerprint")

    # The same findings as --format json, in the same order.
    listed = json.loads(run([*args, "--format", "json"], tools).stdout)["diagnostics"]
    if [(d["rule"], d["line"], d["message"]) for d in listed] != \
            [(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"],
              r["message"]["text"].split("\nhint: ")[0]) for r in results]:
        fail("sarif: the results are not check's findings")

    # Lines added above every finding: the same fingerprints, the lines moved.
    for folder, _, files in os.walk(os.path.join(repo, "plans")):
        for name in files:
            path = os.path.join(folder, name)
            with open(path, "rb") as f:
                text = f.read()
            with open(path, "wb") as f:
                f.write(b"# moved down\n# and again\n" + text)
    moved = json.loads(run([*args, "--format", "sarif"], tools).stdout)["runs"][0]["results"]
    if [r["partialFingerprints"]["bvplanFinding/v1"] for r in moved] != prints:
        fail("sarif: fingerprints changed when lines were added above the findings")
    lines = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in results]
    moved_lines = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in moved]
    if moved_lines != [n + 2 if n > 1 else n for n in lines] and moved_lines != [n + 2 for n in lines]:
        fail(f"sarif: lines {lines[:5]} became {moved_lines[:5]}")

    # GitLab Code Quality.
    done = run([*args, "--format", "gitlab"], tools)
    issues = json.loads(done.stdout) if done.stdout else None
    if done.returncode != 1 or not isinstance(issues, list) or len(issues) != len(results):
        fail(f"gitlab: exit {done.returncode}, {done.stdout[:200]!r}")
    else:
        for issue in issues:
            if set(issue) != {"description", "check_name", "fingerprint", "severity", "location"} or \
                    issue["severity"] not in ("major", "minor") or \
                    not issue["location"]["path"].startswith("plans/") or \
                    not isinstance(issue["location"]["lines"]["begin"], int):
                fail(f"gitlab: {issue}")
                break
        if len({i["fingerprint"] for i in issues}) != len(issues):
            fail("gitlab: fingerprints are not unique")

    # GitHub: annotations on stdout, and every finding appended to the job summary, files
    # named from the repository's root as in the annotations.
    summary = os.path.join(work, "summary.md")
    with open(summary, "w", encoding="utf-8") as f:
        f.write("# Earlier step\n")
    done = run([*args, "--format", "github"], tools, GITHUB_STEP_SUMMARY=summary)
    with open(summary, encoding="utf-8") as f:
        written = f.read()
    rows = [line for line in written.splitlines() if line.startswith("| plans/")]
    if done.returncode != 1 or not written.startswith("# Earlier step\n## bvplan check\n") or \
            len(rows) != len(results):
        fail(f"step summary: exit {done.returncode}, {len(rows)} rows for {len(results)} findings:\n{written[:400]}")
    # Without the variable nothing is written anywhere; an unwritable summary is said.
    done = run([*args, "--format", "github"], tools, GITHUB_STEP_SUMMARY=os.path.join(work, "no", "such.md"))
    if done.returncode != 1 or b"could not add the findings to the job summary" not in done.stderr:
        fail(f"step summary unwritable: exit {done.returncode}, {done.stderr[-300:]!r}")

    # A plan named by its bare name in a folder below the root, and one in a folder below
    # that: both from the root, with the fingerprints a run from the root gives; GitHub's
    # annotations too.
    plans = os.path.join(repo, "plans")
    from_root = json.loads(run(["check", "plans/broken/unknown-owner.yaml", "--format", "sarif"], repo).stdout)
    for folder, name in ((os.path.join(plans, "broken"), "unknown-owner.yaml"),
                         (plans, "broken/unknown-owner.yaml"), (plans, "./broken/unknown-owner.yaml")):
        here = json.loads(run(["check", name, "--format", "sarif"], folder).stdout)
        if here["runs"][0]["results"] != from_root["runs"][0]["results"]:
            fail(f"sarif from {os.path.relpath(folder, repo)} with {name}: results differ from the root's")
        github = run(["check", name, "--format", "github"], folder).stdout.decode()
        if "file=plans/broken/unknown-owner.yaml," not in github:
            fail(f"github from {os.path.relpath(folder, repo)} with {name}: {github[:200]}")

    # Outside any repository the paths stay as given.
    plain = os.path.join(work, "plain")
    shutil.copytree(os.path.join(source, "examples", "broken"), plain)
    results = json.loads(run(["check", "plain", "--format", "sarif"], work).stdout)["runs"][0]["results"]
    if not results or not all(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("plain/")
                               for r in results):
        fail("sarif outside a repository: paths not as given")

print(f"code scanning formats: {failures} failures")
sys.exit(1 if failures else 0)
