#!/usr/bin/env python3
"""The CSV report read back with Python's csv module agrees, cell for cell, with the JSON
report of the same plans at the same date: two formats, one set of figures."""
import csv
import io
import json
import os
import subprocess
import sys

binary, examples = sys.argv[1], sys.argv[2]


def run(*args):
    return subprocess.run([binary, "report", *args], capture_output=True, check=False).stdout


def cell(value):
    """How a JSON value is written in the CSV."""
    if value is None:
        return ""
    if isinstance(value, list):
        return ";".join(value)
    if isinstance(value, float):
        text = f"{value:.2f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))
        return text
    return str(value)


failures = compared = 0
for target, when in ((os.path.join(examples, "infrastructure-2004.yaml"), ["--as-of", "2004-06-30"]),
                     (os.path.join(examples, "leicester"), ["--period", "2001-Q4"])):
    raw = run(target, *when, "--format", "csv")
    assert raw.endswith(b"\r\n"), "records end with CRLF"
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"), newline="")))
    report = json.loads(run(target, *when, "--format", "json"))
    actions = [(p, a) for p in report["plans"] for a in p["actions"]]
    if len(rows) != len(actions):
        print(f"FAIL {target}: {len(rows)} CSV rows, {len(actions)} JSON actions")
        failures += 1
        continue
    percent = {"target", "actual", "variance"}
    for row, (plan, action) in zip(rows, actions):
        expected = {"plan": plan["id"], "as_of": report["as_of"]}
        for key in ("issue", "title", "lead", "support", "start", "due", "status", "state", "rag",
                    "days_late", "forecast", "forecast_slip", "budget", "spent", "savings_delivered",
                    "last_update"):
            expected[key] = cell(action[key])
        expected["action"] = action["id"]
        expected["completed"] = cell(action["completed"])
        expected["targets"] = "; ".join(f"{t['date']}: {cell(t['percent'])}" for t in action["targets"])
        for key in percent:
            expected[key] = f"{action[key]:.1f}"
        for key, value in expected.items():
            compared += 1
            if row[key] != value:
                failures += 1
                print(f"FAIL {plan['id']}/{action['id']} {key}: csv {row[key]!r}, json {value!r}")
    # Outcome measures: --level measure against each plan's "measures".
    measure_rows = list(csv.DictReader(io.StringIO(
        run(target, *when, "--format", "csv", "--level", "measure").decode("utf-8"), newline="")))
    measures = [(p, m) for p in report["plans"] for m in p["measures"]]
    if len(measure_rows) != len(measures):
        print(f"FAIL {target}: {len(measure_rows)} CSV measure rows, {len(measures)} JSON measures")
        failures += 1
        continue
    for row, (plan, measure) in zip(measure_rows, measures):
        expected = {"plan": plan["id"], "measure": measure["id"], "as_of": report["as_of"]}
        for key in ("issue", "title", "owner", "unit", "better", "current", "current_date", "target",
                    "tolerance", "rag", "direction_short", "direction_long"):
            expected[key] = cell(measure[key])
        expected["shortfall"] = "" if measure["shortfall"] is None else f"{measure['shortfall']:.1f}"
        baseline = measure["baseline"] or {}
        expected["baseline_date"] = cell(baseline.get("date"))
        expected["baseline"] = cell(baseline.get("value"))
        for key, value in expected.items():
            compared += 1
            if row[key] != value:
                failures += 1
                print(f"FAIL {plan['id']}/{measure['id']} {key}: csv {row[key]!r}, json {value!r}")
# The risk register: every CSV column of --level risk is the JSON key of the same name.
infrastructure = [os.path.join(examples, "infrastructure-2004.yaml"), "--as-of", "2004-06-30"]
risk_rows = list(csv.DictReader(io.StringIO(run(*infrastructure, "--format", "csv", "--level", "risk").decode(
    "utf-8"), newline="")))
risks = [(p, r) for p in json.loads(run(*infrastructure, "--format", "json"))["plans"] for r in p["risks"]]
if not risks or len(risk_rows) != len(risks):
    print(f"FAIL risks: {len(risk_rows)} CSV rows, {len(risks)} JSON risks")
    failures += 1
for row, (plan, risk) in zip(risk_rows, risks):
    for key, value in row.items():
        if key == "as_of":
            continue
        expected = plan["id"] if key == "plan" else risk["id"] if key == "risk" else cell(risk.get(key, "<missing>"))
        compared += 1
        if value != expected:
            failures += 1
            print(f"FAIL {plan['id']}/{risk['id']} {key}: csv {value!r}, json {expected!r}")
print(f"{compared} cells compared")
print(f"{compared - failures} passed, {failures} failed")
sys.exit(1 if failures else 0)
