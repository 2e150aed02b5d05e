#!/usr/bin/env python3
"""Runs one golden CLI case and compares its output exactly.

A case is a folder holding:
  cmd       one command line, starting with `bvplan` (split like a shell would, no
            expansion)
  stdin     optional: fed to standard input
  env       optional: extra environment, one NAME=VALUE a line (SOURCE_DATE_EPOCH is
            pinned to 2004-06-30 for every case unless this file sets it; nothing
            else from the caller's environment reaches bvplan)
  stdout    the exact expected standard output
  stderr    the exact expected standard error
  status    the expected exit status
  created/  optional: files the command is expected to create, byte for byte
  changed/  optional: input files the command is expected to change, as they should be
            after it, byte for byte; every other input must keep its bytes and its
            modification time (a refused `update` leaves the file untouched)
  fixtures  optional: shared input files the case takes from tests/cli/fixtures/, one a
            line: `<fixture> [<destination>]` (split like cmd; `#` starts a comment).
            The fixture is a path below tests/cli/fixtures/; the destination is a path in
            the case, by default the fixture's file name; `stdin` feeds it to standard
            input. A destination must not also exist in the case folder.
  anything else: input files for the command

An input used by more than one case lives once in tests/cli/fixtures/<name>/ and each case
lists it in `fixtures`; tests/fixtures_test.py fails on a case input of six lines or more
that is a byte-identical copy of another case's input or of a fixture.

The command runs in a temporary copy of the case, at tests/cli/<case> below a root that
links examples/ (so ../../../examples works) and holds a .git folder (so owners.yaml
discovery stops there); the listed fixtures are copied in at their destinations first, so
the command sees the same paths as if they were the case's own files. Nothing is written
into the source tree.

With BVPLAN_UPDATE_GOLDEN=1 the expected files (stdout, stderr, status, created/) are
rewritten from the actual output (read the diff before committing it). Inputs, the case's
own and fixtures alike, are never written: created/ holds only files that were not there
before the command ran.
"""
import filecmp
import os
import shlex
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from bvplan_env import bvplan_environment  # noqa: E402

PINNED_TODAY = "1088553600"  # 2004-06-30T00:00:00Z
GOLDEN = {"cmd", "stdin", "env", "stdout", "stderr", "status", "created", "changed", "fixtures"}


def require(condition, message):
    if not condition:
        raise ValueError(message)


def read_fixtures(case):
    """The fixtures a case takes, as {destination: path of the shared file}."""
    listing = os.path.join(case, "fixtures")
    if not os.path.exists(listing):
        return {}
    shared = os.path.join(os.path.dirname(case), "fixtures")
    taken = {}
    with open(listing, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            words = shlex.split(line, comments=True)
            if not words:
                continue
            where = f"{listing}:{number}"
            require(len(words) <= 2, f"{where}: want `<fixture> [<destination>]`")
            source = os.path.normpath(os.path.join(shared, words[0]))
            destination = os.path.normpath(words[-1] if len(words) == 2 else os.path.basename(words[0]))
            require(source.startswith(shared + os.sep) and os.path.isfile(source),
                    f"{where}: no fixture file {words[0]} in {shared}")
            require(not os.path.isabs(destination) and not destination.startswith(".."),
                    f"{where}: destination {destination} is outside the case")
            require(destination == "stdin" or destination.split(os.sep)[0] not in GOLDEN,
                    f"{where}: destination {destination} is a golden file's name")
            require(not os.path.lexists(os.path.join(case, destination)),
                    f"{where}: {destination} is both a fixture and the case's own file")
            require(destination not in taken, f"{where}: {destination} is listed twice")
            taken[destination] = source
    return taken


def copy_fixtures(fixtures, work):
    for destination, source in fixtures.items():
        if destination == "stdin":
            continue
        target = os.path.join(work, destination)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copy2(source, target)


def snapshot(folder):
    found = {}
    for root, dirs, files in os.walk(folder):
        for name in files:
            path = os.path.join(root, name)
            found[os.path.relpath(path, folder)] = path
    return found


def inputs_state(paths):
    """Each input's bytes and modification time, to see what a command changed."""
    state = {}
    for rel, path in paths.items():
        if os.path.islink(path) and not os.path.exists(path):
            # A link that leads nowhere (dangling, or in a loop): its target is what it holds.
            state[rel] = (os.readlink(path), None)
            continue
        with open(path, "rb") as f:
            state[rel] = (f.read(), os.stat(path).st_mtime_ns)
    return state


def changed_inputs(before, work):
    """Inputs whose bytes or modification time differ after the command: {rel: path}."""
    now = inputs_state({rel: os.path.join(work, rel) for rel in before
                        if os.path.lexists(os.path.join(work, rel))})
    return {rel: os.path.join(work, rel) for rel in before if now.get(rel) != before[rel]}


def replace_folder(folder, files):
    shutil.rmtree(folder, ignore_errors=True)
    for rel, path in files.items():
        target = os.path.join(folder, rel)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        if os.path.exists(path):
            shutil.copyfile(path, target)


def update(case, actual, created, changed):
    """Rewrites the expected outputs, created/ and changed/; inputs and fixtures are never
    written."""
    for name, data in actual.items():
        with open(os.path.join(case, name), "wb") as f:
            f.write(data)
    replace_folder(os.path.join(case, "created"), created)
    replace_folder(os.path.join(case, "changed"), changed)


def compare_files(what, expected_folder, actual):
    """Prints how the files in `actual` ({rel: path}) differ from `expected_folder`."""
    wanted = snapshot(expected_folder) if os.path.isdir(expected_folder) else {}
    failed = set(wanted) != set(actual)
    if failed:
        print(f"--- {what} files differ: expected {sorted(wanted)}, got {sorted(actual)}")
    for rel in set(wanted) & set(actual):
        if not os.path.exists(actual[rel]) or not filecmp.cmp(wanted[rel], actual[rel], shallow=False):
            failed = True
            print(f"--- {what} file {rel} differs")
    return failed


def compare(case, actual, created, changed):
    """Prints every difference from the expected outputs; True when there is none."""
    failed = False
    for name, data in actual.items():
        path = os.path.join(case, name)
        expected = open(path, "rb").read() if os.path.exists(path) else b""
        if expected != data:
            failed = True
            print(f"--- {name} differs in {os.path.basename(case)}")
            print("expected:\n" + expected.decode("utf-8", "replace"))
            print("actual:\n" + data.decode("utf-8", "replace"))
    failed |= compare_files("created", os.path.join(case, "created"), created)
    failed |= compare_files("changed", os.path.join(case, "changed"), changed)
    return not failed


def main():
    binary, case = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    repo = os.path.dirname(os.path.dirname(os.path.dirname(case)))
    with open(os.path.join(case, "cmd"), encoding="utf-8") as f:
        argv = shlex.split(f.read().strip())
    assert argv and argv[0] == "bvplan", "cmd must start with bvplan"
    argv[0] = binary
    # "Today" is pinned: a case passes whatever the machine's clock says.
    env = bvplan_environment(SOURCE_DATE_EPOCH=PINNED_TODAY)
    env_file = os.path.join(case, "env")
    if os.path.exists(env_file):
        for line in open(env_file, encoding="utf-8").read().splitlines():
            if line.strip():
                name, _, value = line.partition("=")
                env[name] = value
    try:
        fixtures = read_fixtures(case)
    except ValueError as e:
        print(e)
        return 2

    with tempfile.TemporaryDirectory(prefix="bvplan-case-") as root:
        os.mkdir(os.path.join(root, ".git"))
        os.symlink(os.path.join(repo, "examples"), os.path.join(root, "examples"))
        work = os.path.join(root, "tests", "cli", os.path.basename(case))
        shutil.copytree(case, work, symlinks=True,
                        ignore=lambda d, names: [n for n in names if d == case and n in GOLDEN])
        copy_fixtures(fixtures, work)
        inputs = snapshot(work)
        before = set(inputs)
        before_state = inputs_state(inputs)
        stdin_path = fixtures.get("stdin", os.path.join(case, "stdin"))
        stdin = open(stdin_path, "rb") if os.path.exists(stdin_path) else subprocess.DEVNULL
        result = subprocess.run(argv, cwd=work, stdin=stdin, capture_output=True, env=env,
                                timeout=60)
        actual = {"stdout": result.stdout, "stderr": result.stderr,
                  "status": f"{result.returncode}\n".encode()}
        created = {rel: path for rel, path in snapshot(work).items() if rel not in before}
        changed = changed_inputs(before_state, work)
        if os.environ.get("BVPLAN_UPDATE_GOLDEN") == "1":
            update(case, actual, created, changed)
            return 0
        return 0 if compare(case, actual, created, changed) else 1


if __name__ == "__main__":
    sys.exit(main())
