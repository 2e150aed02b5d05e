#!/usr/bin/env python3
"""Builds an example git repository holding the 2004 infrastructure plan as it was
committed over the year, for `bvplan history`, `diff`, `report --baseline/--compare` and
`check --against` to read. Usage: build-history-repo.py DEST (DEST must not exist).

The versions are derived from examples/infrastructure-2004.yaml (the plan as at 30 June
2004): progress updates and milestones done after each commit's date are left out, and
before July action KI8.2 was due on 31 August (it was re-baselined to 30 September in
July, without a `rebaselined` record: `check --against` reports it).
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(HERE, "infrastructure-2004.yaml")


def version(cutoff, ki82_due):
    lines = open(SOURCE, encoding="utf-8").read().split("\n")
    out, skipping, in_ki82 = [], None, False
    for line in lines:
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        if skipping is not None:
            if stripped and indent <= skipping:
                skipping = None
            else:
                continue
        if line.startswith("      - id: "):
            in_ki82 = line.strip() == "- id: KI8.2"
        if stripped.startswith("- date: ") and stripped[8:18] > cutoff:
            skipping = indent  # drop this update, down to the next item or key
            continue
        if stripped.startswith("done: ") and stripped[6:16] > cutoff:
            continue
        if in_ki82 and stripped == "due: 2004-09-30":
            line = line.replace("2004-09-30", ki82_due)
        out.append(line)
    return "\n".join(out)


def main():
    dest = sys.argv[1]
    os.makedirs(os.path.join(dest, "plans"))
    git = ["git", "-C", dest, "-c", "user.name=Performance Officer", "-c", "user.email=performance@example.invalid"]
    subprocess.run(git + ["init", "-q", "-b", "main"], check=True)
    plan = os.path.join(dest, "plans", "infrastructure-2004.yaml")
    for date, cutoff, due, message in (
        ("2004-01-16", "2004-01-16", "2004-08-31", "Improvement plan adopted by Members"),
        ("2004-03-31", "2004-03-31", "2004-08-31", "Progress to 31 March 2004"),
        ("2004-06-30", "2004-06-30", "2004-09-30", "Progress to 30 June 2004; KI8.2 due date moved to 30 September"),
    ):
        with open(plan, "w", encoding="utf-8") as f:
            f.write(version(cutoff, due))
        stamp = f"{date}T12:00:00+0000"
        env = dict(os.environ, GIT_AUTHOR_DATE=stamp, GIT_COMMITTER_DATE=stamp)
        subprocess.run(git + ["add", "-A"], check=True, env=env)
        subprocess.run(git + ["commit", "-q", "-m", message], check=True, env=env)


if __name__ == "__main__":
    main()
