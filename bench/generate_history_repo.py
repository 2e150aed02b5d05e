#!/usr/bin/env python3
"""Builds a git repository of PLANS plans changed over COMMITS commits (defaults 20 and
1,000), one plan per commit, dated a day apart from 2004-01-01, through git fast-import.
Usage: generate_history_repo.py DEST [COMMITS] [PLANS]"""
import datetime
import random
import subprocess
import sys

dest = sys.argv[1]
commits = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
plans = int(sys.argv[3]) if len(sys.argv) > 3 else 20
rng = random.Random(2004)


def plan_text(n, progress):
    lines = [
        "bvplan: 1", "plan:", f"  id: plan-{n:02d}", f"  title: Review {n} improvement plan",
        "  start: 2004-01-01", "  end: 2006-12-31", "  budget: 100000",
        "  monitoring:", "    - {body: Scrutiny Committee, every: quarter}",
        "owners:", "  LEAD: Lead officer", "  TEAM: Review team", "issues:",
    ]
    for k in range(3):
        lines += [f"  - id: KI{k}", f"    title: Key issue {k}", "    actions:"]
        for a in range(4):
            i = k * 4 + a
            lines += [f"      - id: A{k}.{a}", f"        title: Action {k}.{a}", "        lead: LEAD",
                      "        support: [TEAM]", "        start: 2004-01-01", f"        due: 2005-{1 + i % 12:02d}-28",
                      "        budget: 5000"]
            done = [(d, c) for d, c in progress if c]
            if done:
                lines.append("        updates:")
                for date, complete in done:
                    lines.append(f"          - {{date: {date}, complete: {min(100, complete + i)}, spent: {10 * complete}}}")
    return "\n".join(lines) + "\n"


subprocess.run(["git", "init", "-q", "-b", "main", dest], check=True)
git = subprocess.Popen(["git", "-C", dest, "fast-import", "--quiet"], stdin=subprocess.PIPE)
progress = {n: [] for n in range(plans)}
start = datetime.date(2004, 1, 1)
out = []
for c in range(commits):
    day = start + datetime.timedelta(days=c)
    n = rng.randrange(plans)
    last = progress[n][-1][1] if progress[n] else 0
    progress[n].append((day.isoformat(), min(100, last + rng.randrange(0, 4))))
    data = plan_text(n, progress[n][-12:]).encode()
    when = int(datetime.datetime(day.year, day.month, day.day, 12).timestamp())
    message = f"Update plan {n}".encode()
    out.append(b"commit refs/heads/main\n")
    out.append(f"committer Officer <officer@example.invalid> {when} +0000\n".encode())
    out.append(b"data %d\n%s\n" % (len(message), message))
    out.append(b"M 100644 inline plans/plan-%02d.yaml\ndata %d\n%s\n" % (n, len(data), data))
git.stdin.write(b"".join(out))
git.stdin.close()
git.wait()
subprocess.run(["git", "-C", dest, "checkout", "-q", "main"], check=True)
