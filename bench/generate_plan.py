#!/usr/bin/env python3
"""Writes a large, valid plan: N actions (default 20,000) over 50 owners, with milestones,
dependencies and quarterly updates, deterministic (seeded). Usage: generate_plan.py N OUT"""
import random
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
out = open(sys.argv[2] if len(sys.argv) > 2 else "big-plan.yaml", "w")
rng = random.Random(2004)
w = out.write
w("bvplan: 1\nplan:\n  id: big\n  title: A very large improvement plan\n")
w("  start: 2004-01-01\n  end: 2006-12-31\n  owner: O0\n  budget: 100000000\n")
w("  monitoring:\n    - body: Overview & Scrutiny Committee\n      every: quarter\n")
w("owners:\n")
for o in range(50):
    w(f"  O{o}:\n    name: Officer number {o}\n    role: Head of service {o}\n    max_actions: 500\n    days_per_month: 15\n")
w("issues:\n")
per_issue = 100
for a in range(n):
    if a % per_issue == 0:
        k = a // per_issue
        w(f"  - id: KI{k}\n    title: \"Key issue {k}: improve the service\"\n    monitored_by: [Group {k % 7}]\n    actions:\n")
    # Months rise within a key issue, so each action is due after the one it depends on.
    month = 1 + (a % per_issue) * 12 // per_issue
    w(f"      - id: A{a}\n        title: \"Action {a}: review the arrangements and report\"\n")
    w(f"        lead: O{rng.randrange(50)}\n        support: [O{rng.randrange(50)}, O{rng.randrange(50)}]\n")
    w(f"        start: 2004-{month:02d}-01\n        due: 2005-{month:02d}-28\n")
    w(f"        budget: {rng.randrange(1000, 4000)}\n        effort_days: {rng.randrange(5, 40)}\n")
    if a % per_issue:
        w(f"        depends_on: [A{a - 1}]\n")
    w(f"        milestones:\n          - id: M{a}\n            title: Interim report\n            due: 2004-12-{10 + month:02d}\n")
    w("        updates:\n")
    done = 0
    for q, date in enumerate(("2004-03-31", "2004-06-30", "2004-09-30", "2004-12-31")):
        if date[:7] < f"2004-{month:02d}":
            continue
        done = min(90, done + rng.randrange(5, 30))
        w(f"          - date: {date}\n            complete: {done}\n            spent: {done * 10}\n")
        w(f"            summary: Progress on action {a} in quarter {q + 1}, reported to the group\n")
        w("            next: Continue the work and report next quarter\n")
