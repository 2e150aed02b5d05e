#!/usr/bin/env python3
"""`bvplan update` as an officer meets it, beyond the golden cases: the file keeps its
permissions, a symlinked plan is written through to its target, a refused update leaves
the bytes and the modification time alone, and the interactive mode, driven through a
pseudo-terminal, asks for each field with the latest values as defaults.

Usage: update_test.py BVPLAN SOURCE_DIR"""
import os
import shutil
import stat
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bvplan_env import bvplan_environment  # noqa: E402
from interactive_test import EOF, Step, run_in_terminal  # noqa: E402

PINNED = "1088553600"  # 2004-06-30
FAILURES = []


def check(condition, message):
    if not condition:
        FAILURES.append(message)
        print("FAIL:", message)


def run(binary, args, cwd, stdin=subprocess.DEVNULL):
    return subprocess.run([binary] + args, cwd=cwd, stdin=stdin, capture_output=True,
                          env=bvplan_environment(SOURCE_DATE_EPOCH=PINNED), timeout=60)


def in_terminal(binary, args, cwd, answers):
    """Runs bvplan on a pseudo-terminal (interactive_test's driver), typing each answer
    after its prompt (None: end of input). Returns (exit status, what was seen: the
    terminal, then standard output)."""
    result = run_in_terminal(binary, args, cwd=cwd, timeout=30,
                             script=[Step(prompt, EOF if answer is None else answer) for prompt, answer in answers])
    return result.status, result.transcript + result.stdout


def copy_of(plan, root, name):
    """A folder `name` under `root` holding a copy of the plan (times kept)."""
    work = os.path.join(root, name)
    os.mkdir(work)
    shutil.copy2(plan, work)
    return work


def unchanged(work, plan):
    with open(os.path.join(work, "roads.yaml"), "rb") as f, open(plan, "rb") as g:
        return f.read() == g.read()


def main():
    binary, source = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    plan = os.path.join(source, "tests", "cli", "fixtures", "update", "roads.yaml")
    with tempfile.TemporaryDirectory(prefix="bvplan-update-") as root:
        os.mkdir(os.path.join(root, ".git"))

        # Permissions kept.
        work = copy_of(plan, root, "mode")
        os.chmod(os.path.join(work, "roads.yaml"), 0o640)
        r = run(binary, ["update", "KI1.1", "--complete", "60"], work)
        check(r.returncode == 0, f"update with a 0640 file: {r.stderr.decode()}")
        mode = stat.S_IMODE(os.stat(os.path.join(work, "roads.yaml")).st_mode)
        check(mode == 0o640, f"mode after update is {oct(mode)}, not 0o640")

        # A symlinked plan: the link stays a link, its target gets the update.
        work = os.path.join(root, "link")
        os.makedirs(os.path.join(work, "store"))
        os.makedirs(os.path.join(work, "plans"))
        shutil.copy(plan, os.path.join(work, "store"))
        os.symlink("../store/roads.yaml", os.path.join(work, "plans", "roads.yaml"))
        r = run(binary, ["update", "KI1.1", "--complete", "60", "plans"], work)
        check(r.returncode == 0, f"update through a symlink: {r.stderr.decode()}")
        check(os.path.islink(os.path.join(work, "plans", "roads.yaml")), "the symlink was replaced by a file")
        with open(os.path.join(work, "store", "roads.yaml")) as f:
            check("complete: 60" in f.read(), "the symlink's target did not get the update")
        check(sorted(os.listdir(os.path.join(work, "plans"))) == ["roads.yaml"], "a stray file was left in plans/")

        # A read-only plan is left alone.
        work = copy_of(plan, root, "readonly")
        os.chmod(os.path.join(work, "roads.yaml"), 0o444)
        r = run(binary, ["update", "KI1.1", "--complete", "60"], work)
        check(r.returncode == 2 and b"is read-only; nothing written" in r.stderr, f"read-only: {r}")
        check(unchanged(work, plan), "read-only: the file changed")

        # Standard input not a terminal and no values: never prompts, writes nothing.
        work = copy_of(plan, root, "pipe")
        r = run(binary, ["update", "KI1.1"], work, stdin=subprocess.PIPE)
        check(r.returncode == 2 and b"nothing to write" in r.stderr, f"no values, no terminal: {r}")
        check(unchanged(work, plan), "no values, no terminal: the file changed")

        # Interactive: the latest update's values are the defaults; Enter keeps, '-' clears.
        work = copy_of(plan, root, "terminal")
        status, transcript = in_terminal(binary, ["update", "KI1.1"], work, [
            ("date [2004-06-30]: ", ""),
            ("complete [20]: ", "sixty"),
            ("complete [20]: ", "60"),
            ("spent [1200]: ", "20500"),
            ("staff_days: ", ""),
            ("savings: ", ""),
            ("summary [Survey done; 1,200 potholes logged.]: ", "Contract let"),
            ("remedy: ", ""),
            ("benefits: ", ""),
            ("next [Let the contract]: ", "-"),
            ("changes: ", ""),
            ("Write this to roads.yaml? [y/N] ", "y"),
        ])
        check(status == 0, f"interactive update exited {status}:\n{transcript}")
        check("complete wants a number" in transcript, f"no reason given for 'sixty':\n{transcript}")
        check("+          - date: 2004-06-30\n+            complete: 60\n+            spent: 20500\n"
              "+            summary: Contract let\n" in transcript, f"the diff was not shown:\n{transcript}")
        with open(os.path.join(work, "roads.yaml")) as f:
            text = f.read()
        check("            next: Let the contract\n          - date: 2004-06-30\n            complete: 60\n"
              "            spent: 20500\n            summary: Contract let\n\n" in text,
              f"interactive update wrote:\n{text}")
        check("KI1.1 at 30 June 2004: target" in transcript, f"no figures after the update:\n{transcript}")

        # Interactive: an answer the plan would refuse is asked again at once, with the
        # reason; a measure's value is needed.
        work = copy_of(plan, root, "terminal-again")
        status, transcript = in_terminal(binary, ["update", "PI-3"], work, [
            ("date [2004-06-30]: ", "2004-03-31"),
            ("date [2004-06-30]: ", ""),
            ("value: ", ""),
            ("value: ", "71.5"),
            ("note: ", ""),
            ("Write this to roads.yaml? [y/N] ", "y"),
        ])
        check(status == 0, f"interactive measure exited {status}:\n{transcript}")
        check("date must be after the latest entry's date, 2004-03-31" in transcript
              and "value is needed" in transcript, f"no reasons given:\n{transcript}")
        status, transcript = in_terminal(binary, ["update", "KI1.1"], work, [
            ("date [2004-06-30]: ", ""),
            ("complete [20]: ", "150"),
            ("complete [20]: ", "100"),
            ("completed: ", "2004-06-20"),
            ("spent [1200]: ", None),
        ])
        check(status == 1 and "complete must be from 0 to 100" in transcript,
              f"complete out of range, then Ctrl-D:\n{transcript}")

        # Interactive, declined at the end: nothing written, the file untouched.
        work = copy_of(plan, root, "declined")
        before = os.stat(os.path.join(work, "roads.yaml")).st_mtime_ns
        status, transcript = in_terminal(binary, ["update", "KI1.1a"], work, [
            ("done [2004-06-30]: ", "2004-06-20"),
            ("Write this to roads.yaml? [y/N] ", "n"),
        ])
        check(status == 1 and "nothing written" in transcript, f"declined: {status}\n{transcript}")
        check(os.stat(os.path.join(work, "roads.yaml")).st_mtime_ns == before, "declined: the file was touched")

        # End of input at a prompt: nothing written.
        status, transcript = in_terminal(binary, ["update", "PI-3"], work, [("date [2004-06-30]: ", None)])
        check(status == 1 and "nothing written" in transcript, f"end of input: {status}\n{transcript}")
        check(os.stat(os.path.join(work, "roads.yaml")).st_mtime_ns == before, "end of input: the file was touched")

    if FAILURES:
        print(f"{len(FAILURES)} failure(s)")
        return 1
    print("update: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
