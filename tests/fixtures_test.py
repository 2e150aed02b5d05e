#!/usr/bin/env python3
"""Golden cases share their inputs instead of copying them.

Usage: fixtures_test.py BVPLAN CLI_FOLDER (tests/cli)

Fails when a case's `fixtures` listing names a missing file, when a file under
tests/cli/fixtures/ is used by no case, and when a case's own input of six lines or more
is a byte-identical copy of a fixture or of another case's input (move it to
fixtures/<name>/ and list it in each case's `fixtures`; see run_case.py). Then runs one
case that takes a fixture and creates a file, in a temporary copy, with
BVPLAN_UPDATE_GOLDEN=1, and checks that only its expected outputs were written: the
fixture never lands in the case folder.
"""
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "cli"))
import run_case  # noqa: E402

SHORTEST_COPY = 6  # lines; the duplicates bar for source files
UPDATE_CASE = "report-output-file"


def case_inputs(case):
    """{path relative to the case: path} of the case's own input files."""
    found = {}
    for root, dirs, files in os.walk(case):
        if root == case:
            dirs[:] = [d for d in dirs if d not in run_case.GOLDEN]
        for name in files:
            path = os.path.join(root, name)
            rel = os.path.relpath(path, case)
            if rel not in run_case.GOLDEN and not os.path.islink(path):
                found[rel] = path
    return found


def check_listings(cli):
    failures, used, owners = [], set(), {}
    shared = os.path.join(cli, "fixtures")
    for name in sorted(os.listdir(cli)):
        case = os.path.join(cli, name)
        if not os.path.isfile(os.path.join(case, "cmd")):
            continue
        try:
            used.update(run_case.read_fixtures(case).values())
        except ValueError as e:
            failures.append(str(e))
        for rel, path in case_inputs(case).items():
            data = open(path, "rb").read()
            if data.count(b"\n") >= SHORTEST_COPY:
                owners.setdefault(data, []).append(f"{name}/{rel}")
    fixtures = run_case.snapshot(shared)
    for rel, path in sorted(fixtures.items()):
        if os.path.abspath(path) not in used:
            failures.append(f"fixtures/{rel}: used by no case")
        copies = owners.pop(open(path, "rb").read(), [])
        failures += [f"{copy}: a copy of fixtures/{rel}; list it in the case's fixtures" for copy in copies]
    for copies in owners.values():
        if len(copies) > 1:
            failures.append(f"{', '.join(copies)}: copies of one file; share it under fixtures/")
    return failures


def check_update_writes_no_fixture(binary, cli):
    """BVPLAN_UPDATE_GOLDEN=1 rewrites outputs and created/, never an input."""
    with tempfile.TemporaryDirectory(prefix="bvplan-fixtures-") as root:
        copy = os.path.join(root, "tests", "cli")
        shutil.copytree(os.path.join(cli, "fixtures"), os.path.join(copy, "fixtures"))
        case = os.path.join(copy, UPDATE_CASE)
        shutil.copytree(os.path.join(cli, UPDATE_CASE), case)
        before = sorted(run_case.snapshot(case))
        assert run_case.read_fixtures(case), f"{UPDATE_CASE} takes no fixture: pick another case"
        env = dict(os.environ, BVPLAN_UPDATE_GOLDEN="1")
        subprocess.run([sys.executable, run_case.__file__, binary, case], env=env, check=True)
        after = sorted(run_case.snapshot(case))
        if after != before:
            return [f"{UPDATE_CASE}: BVPLAN_UPDATE_GOLDEN=1 changed the case's files from {before} to {after}"]
        original = os.path.join(cli, UPDATE_CASE)
        return [f"{UPDATE_CASE}/{rel}: rewritten differently" for rel in after
                if not filecmp.cmp(os.path.join(case, rel), os.path.join(original, rel), shallow=False)]


def main():
    binary, cli = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    failures = check_listings(cli) + check_update_writes_no_fixture(binary, cli)
    for failure in failures:
        print(failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
