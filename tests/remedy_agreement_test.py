#!/usr/bin/env python3
"""check and the paper agree on every missing remedy: for every valid example plan (and
each plan named after the examples folder), at the
end of each month of its period, the actions `check` warns about with `missing-remedy` are
exactly those the paper's section 4 ("Proposed action to remedy any work overdue") prints
"No remedy recorded." for."""
import datetime
import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bvplan_env import bvplan_environment  # noqa: E402

binary, examples, extra = sys.argv[1], sys.argv[2], sys.argv[3:]
ENV = bvplan_environment(SOURCE_DATE_EPOCH="1104451200")  # 2004-12-31: after every example's dates


def run(*args):
    return subprocess.run([binary, *args], capture_output=True, check=False, env=ENV)


def month_ends(start, end):
    day = datetime.date.fromisoformat(start)
    last = datetime.date.fromisoformat(end)
    while day <= last:
        following = (day.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
        yield min(following - datetime.timedelta(days=1), last).isoformat()
        day = following


def plans():
    yield from extra
    for root, dirs, files in os.walk(examples):
        dirs[:] = sorted(d for d in dirs if d != "broken")
        for name in sorted(files):
            if name.endswith(".yaml") and name != "owners.yaml":
                yield os.path.join(root, name)


failures = dates = warned = 0
for plan in plans():
    report = json.loads(run("report", plan, "--format", "json", "--as-of", "2004-12-31").stdout or b"{}")
    if not report.get("plans"):
        print(f"FAIL {plan}: no JSON report")
        failures += 1
        continue
    action_ids = [a["id"] for a in report["plans"][0]["actions"]]
    with open(plan, encoding="utf-8") as f:
        text = f.read()
    start = re.search(r"^  start: (\S+)", text, re.M).group(1)
    end = re.search(r"^  end: (\S+)", text, re.M).group(1)
    for as_of in month_ends(start, end):
        dates += 1
        checked = json.loads(run("check", plan, "--as-of", as_of, "--format", "json").stdout)
        from_check = set()
        for d in checked["diagnostics"]:
            if d["rule"] == "missing-remedy":
                from_check.add(re.search(r"action '([^']+)'", d["message"]).group(1))
        paper = run("report", plan, "--as-of", as_of).stdout.decode("utf-8")
        from_paper = set()
        for line in paper.splitlines():
            if "No remedy recorded" in line:
                # The first action id in the line: the action's own line starts with it, a
                # milestone's names the milestone (not an action id) and then its action.
                named = sorted((m.start(), a) for a in action_ids
                               for m in re.finditer(r"(?<![\w.-])" + re.escape(a) + r"(?![\w.-])", line))
                if not named:
                    print(f"FAIL {plan} {as_of}: no action named in {line!r}")
                    failures += 1
                from_paper.update(a for _, a in named[:1])
        warned += len(from_check)
        if from_check != from_paper:
            failures += 1
            print(f"FAIL {plan} at {as_of}: check warns of {sorted(from_check)}, "
                  f"the paper has no remedy for {sorted(from_paper)}")
print(f"{dates} plan-dates compared, {warned} missing remedies, {failures} failures")
sys.exit(1 if failures or not warned else 0)
