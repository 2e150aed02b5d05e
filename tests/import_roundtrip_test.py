#!/usr/bin/env python3
"""report -> import -> report: every valid example plan's action-level CSV report, imported
with `bvplan import`, gives a plan that passes check and whose own action-level report has
the same figures.

Every column of the report round-trips: what an action and its latest update hold (plan,
issue id, action, title, lead, support, start, due, targets, status, actual, budget, spent,
staff_days, effort_days, savings_target, savings_delivered, last_update, completed, as_of)
and what is worked out from those alone (state, target, variance, rag, days_late, forecast,
forecast_slip, budget_used, staff_time_used). The examples use the default RAG thresholds,
which the imported plan has too. A key issue's title is not in the action-level report at
all (the imported key issue is titled with its id), nor are milestones, earlier updates,
rebaselines and the plan's own fields.
"""
import csv
import io
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bvplan_env import bvplan_environment  # noqa: E402

binary, examples = sys.argv[1], sys.argv[2]
ROUND_TRIP = ["plan", "issue", "action", "title", "lead", "support", "start", "due", "status", "actual",
              "budget", "spent", "staff_days", "effort_days", "savings_target", "savings_delivered",
              "last_update", "as_of", "state", "budget_used", "staff_time_used", "targets", "completed",
              "target", "variance", "rag", "days_late", "forecast", "forecast_slip"]
# The dates the examples report at: in their plan periods, with updates before and after.
AS_OF = {"infrastructure-2004.yaml": "2004-06-30"}
DEFAULT_AS_OF = "2001-12-31"


def epoch_of(date):
    import datetime
    day = datetime.date.fromisoformat(date)
    return str(int(datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.timezone.utc).timestamp()))


def run(args, as_of, cwd=None):
    return subprocess.run([binary, *args], capture_output=True, check=False, cwd=cwd,
                          env=bvplan_environment(SOURCE_DATE_EPOCH=epoch_of(as_of)))


def report(plan, as_of, owners):
    extra = ["--owners", owners] if owners else []
    done = run(["report", plan, "--format", "csv", "--level", "action", "--as-of", as_of, *extra], as_of)
    if done.returncode != 0:
        raise SystemExit(f"FAIL report {plan}: exit {done.returncode}\n{done.stderr.decode()}")
    return done.stdout


def rows_of(raw):
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def plan_field(text, key):
    found = re.search(r"^plan:\n(?:  .*\n)*?  " + key + r": (\S+)", text, re.M)
    return found.group(1) if found else None


def valid_examples():
    for root, dirs, files in os.walk(examples):
        dirs[:] = sorted(d for d in dirs if d != "broken")
        for name in sorted(files):
            if name.endswith(".yaml") and name != "owners.yaml":
                yield os.path.join(root, name)


failures = compared = plans = 0
with tempfile.TemporaryDirectory() as work:
    for plan in valid_examples():
        plans += 1
        name = os.path.basename(plan)
        as_of = AS_OF.get(name, DEFAULT_AS_OF)
        owners = os.path.join(os.path.dirname(plan), "owners.yaml")
        owners = owners if os.path.exists(owners) else None
        with open(plan, encoding="utf-8") as f:
            text = f.read()
        plan_id, title = plan_field(text, "id"), f"Imported {name}"
        start, end = plan_field(text, "start"), plan_field(text, "end")
        original = report(plan, as_of, owners)
        sheet = os.path.join(work, name + ".csv")
        with open(sheet, "wb") as f:
            f.write(original)
        imported = os.path.join(work, "imported", name)
        extra = ["--owners", owners] if owners else []
        done = run(["import", sheet, "--id", plan_id, "--title", title, "--start", start, "--end", end,
                    "-o", imported, *extra], as_of)
        if done.returncode != 0:
            print(f"FAIL import {name}: exit {done.returncode}\n{done.stderr.decode()}")
            failures += 1
            continue
        checked = run(["check", imported, "--as-of", as_of, *extra], as_of)
        if checked.returncode != 0:
            print(f"FAIL check {name}: exit {checked.returncode}\n{checked.stdout.decode()}")
            failures += 1
            continue
        # Importing the same sheet again gives the same bytes.
        again = run(["import", sheet, "--id", plan_id, "--title", title, "--start", start, "--end", end,
                     *extra], as_of)
        with open(imported, "rb") as f:
            if again.stdout != f.read():
                print(f"FAIL {name}: a second import gave different bytes")
                failures += 1
        before, after = rows_of(original), rows_of(report(imported, as_of, owners))
        if len(before) != len(after):
            print(f"FAIL {name}: {len(before)} actions reported before, {len(after)} after")
            failures += 1
            continue
        for old, new in zip(before, after):
            for column in ROUND_TRIP:
                compared += 1
                if old[column] != new[column]:
                    failures += 1
                    print(f"FAIL {name} {old['action']} {column}: {old[column]!r} before, {new[column]!r} after")

print(f"{plans} plans, {compared} cells compared, {failures} failures")
sys.exit(1 if failures or plans == 0 else 0)
