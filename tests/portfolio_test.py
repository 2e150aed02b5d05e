#!/usr/bin/env python3
"""Portfolio checks that need more than a golden file:
1. the iCalendar file parsed back with the standard library: RFC 5545 framing (CRLF, lines
   of at most 75 octets, folding), UID and DTSTAMP on every event, and every event the
   same as the JSON calendar's;
2. a folder of 100 plans with one broken: the broken one is reported, the other 99 are
   still counted by check, status, workload, savings and calendar."""
import json
import os
import re
import subprocess
import sys
import tempfile

from bvplan_env import bvplan_environment

binary, examples = sys.argv[1], sys.argv[2]
env = bvplan_environment()
passed = failed = 0


def check(condition, what):
    global passed, failed
    if condition:
        passed += 1
    else:
        failed += 1
        print("FAIL", what)


def run(*args):
    return subprocess.run([binary, *args], capture_output=True, env=env, timeout=120)


# --- 1. iCalendar --------------------------------------------------------------------
plans = [os.path.join(examples, "leicester"), os.path.join(examples, "infrastructure-2004.yaml")]
raw = run("calendar", *plans, "--format", "ics", "--as-of", "2004-06-30").stdout
expected = json.loads(run("calendar", *plans, "--format", "json").stdout)["reports"]
check(raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b""), "every line ends with CRLF")
physical = raw.split(b"\r\n")[:-1]
check(all(len(line) <= 75 for line in physical), "no line is longer than 75 octets")
lines = []
for line in physical:
    if line.startswith(b" "):
        lines[-1] += line[1:]
    else:
        lines.append(line)
lines = [line.decode("utf-8") for line in lines]
check(lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR", "VCALENDAR wraps the file")
check("VERSION:2.0" in lines and any(l.startswith("PRODID:") for l in lines), "VERSION and PRODID")
events, current = [], None
for line in lines:
    if line == "BEGIN:VEVENT":
        current = {}
    elif line == "END:VEVENT":
        events.append(current)
        current = None
    elif current is not None:
        name, _, value = line.partition(":")
        current[name] = value


def unescape(text):
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), text)


check(len(events) == len(expected), f"{len(events)} events for {len(expected)} reports due")
uids = set()
for event, report in zip(events, expected):
    what = f"event {report['date']} {report['body']}"
    check("UID" in event and event["UID"] not in uids, what + ": a unique UID")
    uids.add(event.get("UID"))
    check(event.get("DTSTAMP") == "20040630T000000Z", what + ": DTSTAMP")
    check(event.get("DTSTART;VALUE=DATE") == report["date"].replace("-", ""), what + ": DTSTART")
    # In a financial year the summary names the quarter the report covers.
    covering = f" for {report['covers']}" if "covers" in report else ""
    check(unescape(event.get("SUMMARY", "")) == f"Progress report{covering} due to {report['body']}",
          what + ": SUMMARY")
    description = unescape(event.get("DESCRIPTION", ""))
    check(all(f"{plan}:" in description for plan in report["plans"]), what + ": DESCRIPTION names every plan")

# --- 2. 100 plans, one broken ----------------------------------------------------------
base = open(os.path.join(examples, "infrastructure-2004.yaml"), encoding="utf-8").read()
with tempfile.TemporaryDirectory() as tmp:
    os.mkdir(os.path.join(tmp, ".git"))  # stop owners.yaml discovery here
    for n in range(100):
        text = base.replace("id: infra-2004", f"id: plan-{n:03d}")
        if n == 42:
            text = text.replace("lead: EMG", "lead: EMG2", 1)
        with open(os.path.join(tmp, f"plan-{n:03d}.yaml"), "w", encoding="utf-8") as f:
            f.write(text)
    result = run("check", tmp, "--as-of", "2004-06-30", "--format", "json")
    report = json.loads(result.stdout)
    check(result.returncode == 1, "check exits 1")
    check(report["files"] == 100, "check counts 100 files")
    errors = [d for d in report["diagnostics"] if d["severity"] == "error"]
    check(len(errors) == 1 and errors[0]["file"].endswith("plan-042.yaml") and errors[0]["rule"] == "unknown-owner",
          "the one error is plan-042's unknown owner")
    result = run("status", tmp, "--as-of", "2004-06-30")
    check(result.returncode == 1 and b"plan-042.yaml" in result.stderr, "status reports the broken plan on stderr")
    check(b"total: 99 plans" in result.stdout, "status sums up the other 99 plans")
    result = run("savings", tmp, "--as-of", "2004-06-30", "--format", "json")
    check(result.returncode == 1 and len(json.loads(result.stdout)["plans"]) == 99, "savings counts 99 plans")
    result = run("workload", tmp, "--as-of", "2004-06-30", "--format", "json")
    load = json.loads(result.stdout)
    check(result.returncode == 1, "workload exits 1")
    check(load["periods"][1]["active"] == 99 * 6, f"99 plans' actions are counted (got {load['periods'][1]['active']})")
    result = run("calendar", tmp, "--format", "json")
    reports = json.loads(result.stdout)["reports"]
    check(result.returncode == 1 and len(reports) == 2 and all(len(r["plans"]) == 99 for r in reports),
          "the calendar lists the 99 plans' two reports (mid-year and at the end)")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
