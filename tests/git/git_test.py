#!/usr/bin/env python3
"""Git history tests: each case builds a small repository with a known history (fixed
authors and dates, so commit ids are the same on every machine) in a temporary folder,
runs one bvplan command in it, and compares status, stdout and stderr exactly with
tests/git/expected/<case>.txt. BVPLAN_UPDATE_GOLDEN=1 rewrites the expected files.

Usage: git_test.py BVPLAN REPO_ROOT [CASE...]
"""
import os
import shlex
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from bvplan_env import bvplan_environment  # noqa: E402

BINARY = os.path.abspath(sys.argv[1])
ROOT = os.path.abspath(sys.argv[2])
EXPECTED = os.path.join(ROOT, "tests", "git", "expected")
BUILD_EXAMPLE = os.path.join(ROOT, "examples", "build-history-repo.py")

PLAN = """bvplan: 1
plan:
  id: small
  title: Small plan
  start: 2004-01-01
  end: 2004-12-31
owners:
  SPS: Strategic & Performance Services
issues:
  - id: KI1
    title: The one key issue
    actions:
      - id: A1
        title: Do the work
        lead: SPS
        start: 2004-01-05
        due: {due}
        updates:
{updates}"""


def plan_text(due="2004-09-30", complete=()):
    updates = "".join(f"          - {{date: {d}, complete: {c}}}\n" for d, c in complete) or "          []\n"
    if not complete:
        return PLAN.format(due=due, updates="").replace("        updates:\n", "")
    return PLAN.format(due=due, updates=updates)


def git(repo, *args, date="2004-01-15"):
    stamp = f"{date}T12:00:00+0000"
    env = dict(os.environ, GIT_AUTHOR_DATE=stamp, GIT_COMMITTER_DATE=stamp, GIT_CONFIG_NOSYSTEM="1")
    subprocess.run(["git", "-C", repo, "-c", "user.name=Officer", "-c", "user.email=officer@example.invalid",
                    "-c", "init.defaultBranch=main", *args], check=True, env=env, capture_output=True)


def write(repo, path, text):
    full = os.path.join(repo, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w", encoding="utf-8") as f:
        f.write(text)


def commit(repo, date, message):
    git(repo, "add", "-A", date=date)
    git(repo, "commit", "-q", "-m", message, date=date)


def example(tmp):
    repo = os.path.join(tmp, "council")
    subprocess.run([sys.executable, BUILD_EXAMPLE, repo], check=True, capture_output=True)
    return repo


def small_history(tmp):
    repo = os.path.join(tmp, "small")
    os.makedirs(repo)
    git(repo, "init", "-q")
    write(repo, "plans/small.yaml", plan_text())
    commit(repo, "2004-01-15", "Adopted")
    write(repo, "plans/small.yaml", plan_text(complete=[("2004-03-31", 30)]))
    commit(repo, "2004-03-31", "Q1")
    write(repo, "plans/small.yaml", plan_text(complete=[("2004-03-31", 30), ("2004-06-30", 55)]))
    commit(repo, "2004-06-30", "Q2")
    return repo


def financial_year(tmp):
    """small_history in a council whose year starts in April (its owners register says so)."""
    repo = small_history(tmp)
    write(repo, "owners.yaml", "year_start: april\nowners:\n  CMT: Corporate Management Team\n")
    commit(repo, "2004-07-01", "The council's financial year")
    return repo


def renamed(tmp):
    repo = small_history(tmp)
    git(repo, "mv", "plans/small.yaml", "plans/infrastructure.yaml", date="2004-07-05")
    commit(repo, "2004-07-05", "Rename the plan file")
    write(repo, "plans/infrastructure.yaml",
          plan_text(complete=[("2004-03-31", 30), ("2004-06-30", 55), ("2004-09-30", 90)]))
    commit(repo, "2004-09-30", "Q3")
    return repo


def broken_commit(tmp):
    repo = small_history(tmp)
    write(repo, "plans/small.yaml", plan_text(complete=[("2004-03-31", 30), ("2004-06-30", 55)]).replace("lead: SPS", "lead: SPS2"))
    commit(repo, "2004-07-10", "A typo")
    write(repo, "plans/small.yaml", plan_text(complete=[("2004-03-31", 30), ("2004-06-30", 55), ("2004-09-30", 80)]))
    commit(repo, "2004-09-30", "Q3, typo fixed")
    return repo


def shallow(tmp):
    source = small_history(tmp)
    repo = os.path.join(tmp, "shallow")
    subprocess.run(["git", "clone", "-q", "--depth", "1", "file://" + source, repo], check=True, capture_output=True)
    return repo


def uncommitted(tmp):
    repo = small_history(tmp)
    write(repo, "plans/small.yaml", plan_text(due="2004-10-31", complete=[("2004-03-31", 30), ("2004-06-30", 55)]))
    write(repo, "plans/new.yaml", plan_text().replace("id: small", "id: new"))
    return repo


def approved(tmp):
    repo = example(tmp)
    path = os.path.join(repo, "plans", "infrastructure-2004.yaml")
    text = open(path, encoding="utf-8").read()
    marker = "      - id: KI8.2\n"
    at = text.index(marker) + len(marker)
    record = ("        rebaselined:\n"
              "          - {date: 2004-06-15, from: 2004-08-31, to: 2004-09-30, "
              "reason: Practice report late, approved_by: Review Team}\n")
    write(repo, "plans/infrastructure-2004.yaml", text[:at] + record + text[at:])
    return repo


def unsigned(tmp):
    repo = approved(tmp)
    path = os.path.join(repo, "plans", "infrastructure-2004.yaml")
    text = open(path, encoding="utf-8").read().replace(", approved_by: Review Team}", "}")
    write(repo, "plans/infrastructure-2004.yaml", text)
    return repo


EXTRA_ACTION = """      - id: A2
        title: Extra work
        lead: SPS
        start: 2004-07-01
        due: 2004-12-15
"""

HALF_YEAR = [("2004-03-31", 30), ("2004-06-30", 55)]


def renamed_and_moved(tmp):
    # One commit renames the file, moves A1's due date two months later and adds A2:
    # the rename must not launder the move past check --against.
    repo = small_history(tmp)
    git(repo, "mv", "plans/small.yaml", "plans/infrastructure.yaml", date="2004-07-05")
    write(repo, "plans/infrastructure.yaml", plan_text(due="2004-11-30", complete=HALF_YEAR) + EXTRA_ACTION)
    commit(repo, "2004-07-05", "Rename the plan file; A1 later; A2 added")
    return repo


def deleted_and_readded(tmp):
    # Deleted in one commit, added again elsewhere (due date moved) in the next: found by id.
    repo = small_history(tmp)
    os.remove(os.path.join(repo, "plans", "small.yaml"))
    commit(repo, "2004-07-05", "Withdraw the plan")
    write(repo, "plans/2004/small-plan.yaml", plan_text(due="2004-11-30", complete=HALF_YEAR))
    commit(repo, "2004-07-10", "Restore the plan")
    return repo


def blank_approver(tmp):
    # A rebaselined record whose approved_by is only invisible characters and spaces.
    repo = small_history(tmp)
    record = ("        rebaselined:\n"
              "          - {date: 2004-07-01, from: 2004-09-30, to: 2004-11-30, reason: Survey late, "
              "approved_by: \"\\u200B\\u00A0\\uFEFF \"}\n")
    text = plan_text(due="2004-11-30", complete=HALF_YEAR).replace("        updates:\n", record + "        updates:\n")
    write(repo, "plans/small.yaml", text)
    return repo


def renamed_uncommitted(tmp):
    # Renamed with git mv and its due date moved, not committed yet; an old plan deleted.
    repo = small_history(tmp)
    write(repo, "plans/old.yaml", plan_text().replace("id: small", "id: old"))
    commit(repo, "2004-07-01", "Add the old plan")
    git(repo, "mv", "plans/small.yaml", "plans/infrastructure.yaml", date="2004-07-05")
    write(repo, "plans/infrastructure.yaml", plan_text(due="2004-11-30", complete=HALF_YEAR))
    os.remove(os.path.join(repo, "plans", "old.yaml"))
    return repo


def big_first_version(tmp):
    # The first commit's plan is over 2,000 bytes (a long comment); later ones are not.
    repo = os.path.join(tmp, "big")
    os.makedirs(repo)
    git(repo, "init", "-q")
    write(repo, "plans/small.yaml", "# " + "x" * 3000 + "\n" + plan_text())
    commit(repo, "2004-01-15", "Adopted")
    write(repo, "plans/small.yaml", plan_text(complete=[("2004-03-31", 30)]))
    commit(repo, "2004-03-31", "Q1")
    write(repo, "plans/small.yaml", plan_text(due="2004-10-31", complete=HALF_YEAR))
    commit(repo, "2004-06-30", "Q2")
    return repo


def committed_late(tmp):
    # The March and June 2004 updates copied in from Word and committed in November 2026.
    repo = os.path.join(tmp, "late")
    os.makedirs(repo)
    git(repo, "init", "-q")
    write(repo, "plans/small.yaml", plan_text(complete=[("2004-03-31", 30)]))
    commit(repo, "2026-11-27", "Plan as at March, from Word")
    write(repo, "plans/small.yaml", plan_text(complete=HALF_YEAR))
    commit(repo, "2026-11-30", "June update, from Word")
    return repo


def not_a_repo(tmp):
    folder = os.path.join(tmp, "loose")
    write(folder, "plan.yaml", plan_text())
    return folder


def other_owner(tmp):
    repo = small_history(tmp)
    for root, dirs, files in os.walk(repo):
        for name in dirs + files:
            os.lchown(os.path.join(root, name), 65534, 65534)
    os.lchown(repo, 65534, 65534)
    return repo


CASES = {
    "history-quarter": (example, "bvplan history --until 2004-12-31"),
    "history-month-csv": (example, "bvplan history plans --by month --until 2004-08-31 --format csv"),
    "history-commit-json": (example, "bvplan history --by commit --format json"),
    "history-since-until": (example, "bvplan history --by month --since 2004-04-01 --until 2004-07-31"),
    "history-svg": (example, "bvplan history --until 2004-12-31 --format svg"),
    "history-committed-late": (committed_late, "bvplan history --until 2004-12-31"),
    "history-committed-late-default-until": (committed_late, "bvplan history plans --format csv"),
    "history-source-plan": (committed_late, "bvplan history --source plan"),
    "report-baseline-committed-late": (committed_late,
                                       "bvplan report plans --as-of 2004-06-30 --baseline HEAD~1 --compare HEAD~1"),
    "history-committed-late-before-start": (committed_late, "bvplan history --until 2003-06-30"),
    "history-source-plan-before-start": (committed_late, "bvplan history plans --source plan --until 2003-06-30"),
    "history-source-plan-svg": (committed_late, "bvplan history --source plan --format svg"),
    "history-source-plan-by-update-json": (committed_late, "bvplan history --source plan --by commit --format json"),
    "history-source-plan-csv-since": (committed_late,
                                      "bvplan history plans --source plan --by month --since 2004-05-01 "
                                      "--until 2004-08-31 --format csv"),
    "history-since-before-first-commit": (small_history, "bvplan history --since 2003-07-01 --until 2004-06-30"),
    "history-financial-quarters": (financial_year, "bvplan history plans --since 2003/04-Q4 --until 2004/05-Q2"),
    "history-financial-quarters-json": (financial_year, "bvplan history plans --until 2004/05-H1 --format json"),
    "history-rename": (renamed, "bvplan history plans/infrastructure.yaml --by commit"),
    "history-shallow": (shallow, "bvplan history --by commit"),
    "history-broken-commit": (broken_commit, "bvplan history --by commit"),
    "history-uncommitted": (uncommitted, "bvplan history plans/small.yaml --by commit"),
    "history-never-committed": (uncommitted, "bvplan history plans/new.yaml"),
    "history-not-a-repo": (not_a_repo, "bvplan history plan.yaml"),
    "diff-revisions": (example, "bvplan diff HEAD~2 HEAD"),
    "diff-json": (example, "bvplan diff HEAD~1 HEAD plans --format json"),
    "diff-working-tree": (uncommitted, "bvplan diff plans/small.yaml"),
    "diff-unknown-revision": (example, "bvplan diff v9.9"),
    "report-baseline-md": (example, "bvplan report plans --as-of 2004-06-30 --baseline HEAD~2"),
    "report-baseline-csv": (example, "bvplan report plans --as-of 2004-06-30 --baseline HEAD~2 --format csv"),
    "report-baseline-json": (example, "bvplan report plans --as-of 2004-06-30 --baseline HEAD~2 --format json"),
    "report-compare": (example, "bvplan report plans --as-of 2004-06-30 --compare HEAD~1 --format csv"),
    "report-baseline-compare-md": (example,
                                   "bvplan report plans --as-of 2004-06-30 --baseline HEAD~2 --compare HEAD~1"),
    "report-baseline-compare-html": (example, "bvplan report plans --as-of 2004-06-30 --baseline HEAD~2 "
                                              "--compare HEAD~1 --format html"),
    "status-compare": (example, "bvplan status plans --as-of 2004-06-30 --compare HEAD~1"),
    "report-baseline-unknown": (example, "bvplan report plans --as-of 2004-06-30 --baseline nosuch"),
    "check-against-unapproved": (example, "bvplan check plans --as-of 2004-06-30 --against HEAD~1"),
    "check-against-approved": (approved, "bvplan check plans --as-of 2004-06-30 --against HEAD~1"),
    "check-against-record-without-approver": (unsigned, "bvplan check plans --as-of 2004-06-30 --against HEAD~1"),
    "history-output-over-input": (example, "bvplan history plans -o plans/infrastructure-2004.yaml"),
    "diff-shallow-unknown-revision": (shallow, "bvplan diff HEAD~1"),
    "check-against-rename-moved": (renamed_and_moved, "bvplan check plans --as-of 2004-07-10 --against HEAD~1"),
    "check-against-deleted-readded": (deleted_and_readded, "bvplan check plans --as-of 2004-07-10 --against HEAD~2"),
    "check-against-new-plan": (uncommitted, "bvplan check plans --as-of 2004-07-10 --against HEAD"),
    "check-against-blank-approver": (blank_approver, "bvplan check plans --as-of 2004-07-10 --against HEAD"),
    "check-against-max-file-size": (big_first_version,
                                    "bvplan check plans --as-of 2004-07-10 --against HEAD~2 --max-file-size 2000"),
    "diff-rename": (renamed_and_moved, "bvplan diff HEAD~1 HEAD"),
    "diff-rename-json": (renamed_and_moved, "bvplan diff HEAD~1 HEAD --format json"),
    "diff-before-rename": (renamed_and_moved, "bvplan diff HEAD~3 HEAD~1"),
    "diff-deleted-readded": (deleted_and_readded, "bvplan diff HEAD~2 HEAD"),
    "diff-progress": (small_history, "bvplan diff HEAD~2 HEAD"),
    "diff-progress-json": (small_history, "bvplan diff HEAD~1 HEAD --format json"),
    "diff-working-tree-rename": (renamed_uncommitted, "bvplan diff"),
    "check-against-uncommitted-rename": (renamed_uncommitted, "bvplan check plans --as-of 2004-07-10 --against HEAD"),
    "diff-max-file-size": (big_first_version, "bvplan diff HEAD~2 HEAD --max-file-size 2000"),
    "history-max-file-size": (big_first_version, "bvplan history plans/small.yaml --by commit --max-file-size 2000"),
    "report-baseline-rename": (renamed_and_moved, "bvplan report plans --as-of 2004-07-10 --baseline HEAD~1"),
    "status-compare-rename": (renamed_and_moved, "bvplan status plans --as-of 2004-07-10 --compare HEAD~1"),
    "report-compare-deleted-readded": (deleted_and_readded,
                                       "bvplan report plans --as-of 2004-07-10 --compare HEAD~2 --format csv"),
    "status-compare-new-plan": (uncommitted, "bvplan status plans --as-of 2004-07-10 --compare HEAD"),
}
if os.geteuid() == 0:
    CASES["history-other-owner"] = (other_owner, "bvplan history plans/small.yaml")


def run(name):
    setup, command = CASES[name]
    with tempfile.TemporaryDirectory(prefix="bvplan-git-") as tmp:
        home = os.path.join(tmp, "home")
        os.makedirs(home)
        folder = setup(tmp)
        argv = shlex.split(command)
        argv[0] = BINARY
        env = bvplan_environment(HOME=home, GIT_CONFIG_NOSYSTEM="1")
        result = subprocess.run(argv, cwd=folder, capture_output=True, env=env, timeout=60)
        text = (f"$ {command}\n[exit {result.returncode}]\n--- stdout\n{result.stdout.decode('utf-8', 'replace')}"
                f"--- stderr\n{result.stderr.decode('utf-8', 'replace')}").replace(tmp, "$TMP")
    return text


def main():
    names = sys.argv[3:] or list(CASES)
    failed = 0
    for name in names:
        actual = run(name)
        path = os.path.join(EXPECTED, name + ".txt")
        if os.environ.get("BVPLAN_UPDATE_GOLDEN") == "1":
            with open(path, "w", encoding="utf-8", newline="") as f:
                f.write(actual)
            continue
        expected = open(path, encoding="utf-8", newline="").read() if os.path.exists(path) else ""
        if expected != actual:
            failed += 1
            print(f"FAIL {name}\n--- expected\n{expected}\n--- actual\n{actual}")
        else:
            print(f"ok {name}")
    print(f"{len(names) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
