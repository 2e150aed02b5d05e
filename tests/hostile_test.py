#!/usr/bin/env python3
"""Hostile input that golden cases cannot hold: folders without permission, a deleted
current folder, and peak memory on multi-megabyte inputs built on the fly.

Permissions do not stop root, so when run as root the unreadable-folder checks run the
binary as user 'nobody' through setpriv (util-linux); without setpriv they are skipped
and say so. Usage: hostile_test.py BVPLAN EXAMPLES"""
import os
import resource
import shutil
import subprocess
import sys
import tempfile

binary, examples = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
plan = os.path.join(examples, "infrastructure-2004.yaml")
failures = []
ENV = {"PATH": "/usr/bin:/bin", "LC_ALL": "C", "TZ": "UTC",
       "ASAN_OPTIONS": os.environ.get("ASAN_OPTIONS", "")}


def run(argv, cwd, as_nobody=False, stdin=None):
    if as_nobody:
        argv = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] + argv
    return subprocess.run(argv, cwd=cwd, capture_output=True, text=True, env=ENV, timeout=120,
                          stdin=stdin)


def expect(name, result, status, stderr_lines):
    got = result.stderr.splitlines()
    missing = [line for line in stderr_lines if line not in got]
    if result.returncode != status or missing:
        failures.append(f"{name}: status {result.returncode} (want {status}); missing {missing}; "
                        f"stderr:\n{result.stderr}")


with tempfile.TemporaryDirectory(prefix="bvplan-hostile-") as root:
    os.chmod(root, 0o755)
    # An unreadable subfolder holding a broken plan, and links into it.
    d = os.path.join(root, "d")
    os.makedirs(os.path.join(d, "locked"))
    shutil.copy(plan, os.path.join(d, "good.yaml"))
    with open(os.path.join(d, "locked", "broken.yaml"), "w") as f:
        f.write("bvplan: 1\nplan: [\n")
    os.symlink("locked/broken.yaml", os.path.join(d, "link.yaml"))
    os.symlink("locked/inner", os.path.join(d, "linkdir"))
    os.chmod(os.path.join(d, "locked"), 0)
    as_nobody = os.geteuid() == 0
    if as_nobody and not shutil.which("setpriv"):
        print("hostile_test: SKIPPED unreadable folders: running as root without setpriv")
    else:
        for command in ("check", "status"):
            expect(f"{command} with an unreadable folder",
                   run([binary, command, "d", "--as-of", "2004-06-30"], root, as_nobody),
                   2, ["bvplan: error: cannot read 'd/link.yaml': Permission denied",
                       "bvplan: error: cannot read 'd/linkdir': Permission denied",
                       "bvplan: error: cannot read folder 'd/locked': Permission denied"])
    os.chmod(os.path.join(d, "locked"), 0o755)

    # Running from a folder deleted after entering it.
    gone = os.path.join(root, "gone")
    os.mkdir(gone)
    child = subprocess.Popen(["sh", "-c", f'cd "{gone}" && rmdir "{gone}" && '
                              f'"{binary}" check --as-of 2004-06-30; echo "status $?" >&2; '
                              f'"{binary}" check "{plan}" --as-of 2004-06-30 >/dev/null; echo "status $?" >&2; '
                              f'"{binary}" check - --as-of 2004-06-30 < "{plan}" >/dev/null; echo "status $?" >&2'],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV)
    out, err = child.communicate(timeout=120)
    want = ["bvplan: error: cannot read '.': the current folder no longer exists (deleted?); "
            "change to another folder", "status 2", "status 0", "status 0"]
    if err.splitlines() != want:
        failures.append(f"deleted current folder: stderr {err.splitlines()}, want {want}")

    # Peak memory: yaml-cpp queued every token of these (3.7 GB for 16 MB of '[').
    # Generous bounds for sanitizer builds; the old code needed about 1 GB for each.
    shapes = {"deep.yaml": "plan: " + "[" * 4_000_000,
              "keyed-list.yaml": "plan:\n  - [" + "0," * 2_000_000 + "]\n"}
    for name, text in shapes.items():
        with open(os.path.join(root, name), "w") as f:
            f.write(text)
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        result = run([binary, "check", name, "--as-of", "2004-06-30"], root)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        if result.returncode != 1 or "[yaml-syntax]" not in result.stdout:
            failures.append(f"{name}: status {result.returncode}\n{result.stdout[:500]}{result.stderr[:500]}")
        if peak > 400 * 1024 and peak > before:
            failures.append(f"{name}: peak memory {peak // 1024} MiB for a 4 MB file")
        else:
            print(f"hostile_test: {name} ({len(text) // 1000000} MB): peak below {max(peak, before) // 1024} MiB")

    # bvplan import: a sheet of 4 MB of separators, line ends or one unclosed quote ends in
    # an error, in time and memory in proportion to its size.
    sheets = {"commas.csv": "," * 4_000_000, "lines.csv": "\n" * 4_000_000,
              "quote.csv": "Action,Lead,Due\n\"" + "x" * 4_000_000}
    for name, text in sheets.items():
        with open(os.path.join(root, name), "w") as f:
            f.write(text)
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        result = run([binary, "import", name, "--id", "p", "--title", "P"], root)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        if result.returncode != 1 or ": error: " not in result.stderr or result.stdout:
            failures.append(f"import {name}: status {result.returncode}\n{result.stdout[:500]}{result.stderr[:500]}")
        if peak > 400 * 1024 and peak > before:
            failures.append(f"import {name}: peak memory {peak // 1024} MiB for a 4 MB file")
        else:
            print(f"hostile_test: import {name} (4 MB): peak below {max(peak, before) // 1024} MiB")

for f in failures:
    print("FAIL:", f)
sys.exit(1 if failures else 0)
