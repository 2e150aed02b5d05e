#!/usr/bin/env python3
"""bvplan schema: JSON Schemas (draft-07) that agree with what check reads.
- src/model/key_docs.cpp is what scripts/make-key-docs makes from bvplan-plan(5);
- share/plan.schema.json and share/owners.schema.json (installed for editors) are what
  `bvplan schema plan` and `bvplan schema owners` print, and -o writes the same;
- both are valid draft-07 schemas;
- every example plan and owners register is valid, as check finds them;
- each broken example whose fault a schema can express (check reports unknown-key,
  wrong-type, bad-date or missing-key) is refused, and the others are not;
- faults made in a valid plan, one at a time, are refused by both check and the schema.
(Which keys there are, and which are required, cannot differ: the schema is written from
the loader's own tables, and the unit test formats/schema_test fails on a key without a
type or a description.)"""
import copy
import glob
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bvplan_env import bvplan_environment, import_debian  # noqa: E402

jsonschema = import_debian("jsonschema", "python3-jsonschema")
yaml = import_debian("yaml", "python3-yaml")

binary, source = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
failures = 0


def fail(message):
    global failures
    failures += 1
    print("FAIL " + message)


def run(args, cwd=source, stdin=None):
    return subprocess.run([binary, *args], capture_output=True, check=False, cwd=cwd, input=stdin,
                          env=bvplan_environment(SOURCE_DATE_EPOCH="1088553600"))


class Yaml12Loader(yaml.SafeLoader):
    """YAML as yaml-language-server reads it (1.2's core schema): a date stays text, and
    only true and false are booleans (PyYAML's 1.1 also takes yes, no, on and off)."""


Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in ("tag:yaml.org,2002:timestamp",
                                                                      "tag:yaml.org,2002:bool")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
Yaml12Loader.add_implicit_resolver("tag:yaml.org,2002:bool", __import__("re").compile(r"^(?:true|True|TRUE|false|"
                                                                                      r"False|FALSE)$"),
                                   list("tTfF"))


def load(path):
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=Yaml12Loader)


def errors(validator, document):
    return sorted(e.message for e in validator.iter_errors(document))


def check_rules(path):
    """check's rules for a file, and its exit status."""
    done = run(["check", "--as-of", "2004-06-30", "--format", "json", path])
    report = json.loads(done.stdout)
    return {d["rule"] for d in report["diagnostics"]}, done.returncode


# The descriptions come from the man page.
done = subprocess.run([sys.executable, os.path.join(source, "scripts", "make-key-docs"), "--check"],
                      capture_output=True, text=True)
if done.returncode != 0:
    fail(f"make-key-docs --check: {done.stdout}{done.stderr}")

# What bvplan prints is what is shipped, and both are draft-07 schemas.
schemas = {}
for kind in ("plan", "owners"):
    printed = run(["schema", kind])
    if printed.returncode != 0 or printed.stderr:
        fail(f"schema {kind}: exit {printed.returncode}, stderr {printed.stderr!r}")
        continue
    shipped_path = os.path.join(source, "share", f"{kind}.schema.json")
    with open(shipped_path, "rb") as f:
        if f.read() != printed.stdout:
            fail(f"share/{kind}.schema.json is not what 'bvplan schema {kind}' prints: run "
                 f"'bvplan schema {kind} -o share/{kind}.schema.json'")
    with tempfile.TemporaryDirectory() as scratch:
        written = os.path.join(scratch, "out.json")
        if run(["schema", kind, "-o", written]).returncode != 0 or open(written, "rb").read() != printed.stdout:
            fail(f"schema {kind} -o FILE does not write what it prints")
    schema = json.loads(printed.stdout)
    try:
        jsonschema.Draft7Validator.check_schema(schema)
    except jsonschema.exceptions.SchemaError as e:
        fail(f"schema {kind} is not a valid draft-07 schema: {e.message}")
        continue
    checker = getattr(jsonschema.Draft7Validator, "FORMAT_CHECKER", None) or jsonschema.draft7_format_checker
    schemas[kind] = jsonschema.Draft7Validator(schema, format_checker=checker)
if run(["schema"]).stdout != run(["schema", "plan"]).stdout:
    fail("'bvplan schema' is not 'bvplan schema plan'")
if len(schemas) != 2:
    print(f"schema: {failures} failures")
    sys.exit(1)
plan_schema, owners_schema = schemas["plan"], schemas["owners"]

# Every example is valid.
examples = sorted(glob.glob(os.path.join(source, "examples", "*.yaml")) +
                  glob.glob(os.path.join(source, "examples", "leicester", "*.yaml")))
registers = [p for p in examples if os.path.basename(p) == "owners.yaml"]
plans = [p for p in examples if p not in registers]
if len(plans) < 8 or not registers:
    fail(f"found only {len(plans)} example plans and {len(registers)} registers")
for path in plans + registers:
    rel = os.path.relpath(path, source)
    found = errors(owners_schema if path in registers else plan_schema, load(path))
    if found:
        fail(f"{rel} is valid for check, but not for the schema: {found[:3]}")

# A broken example is refused exactly when its fault is one a schema can express.
expressible = {"unknown-key", "wrong-type", "bad-date", "missing-key"}
refused = 0
for path in sorted(glob.glob(os.path.join(source, "examples", "broken", "*.yaml"))):
    rel = os.path.relpath(path, source)
    rules, status = check_rules(rel)
    try:
        document = load(path)
    except yaml.YAMLError:
        if "yaml-syntax" not in rules and "duplicate-key" not in rules:
            fail(f"{rel}: PyYAML cannot read it, but check finds {sorted(rules)}")
        continue
    found = errors(plan_schema, document)
    if rules & expressible:
        refused += 1
        if not found:
            fail(f"{rel}: check finds {sorted(rules & expressible)}, but the schema accepts it")
    elif found and "duplicate-key" not in rules:
        fail(f"{rel}: check finds only {sorted(rules)}, which a schema cannot express, but the schema refuses "
             f"it: {found[:3]}")
if refused < 3:
    fail(f"only {refused} broken examples have a fault the schema can express")

# Faults made in a valid plan: check and the schema both refuse each.
base = load(os.path.join(source, "examples", "infrastructure-2004.yaml"))


def first_action(plan):
    return plan["issues"][0]["actions"][0]


def set_key(where, key, value):
    def change(plan):
        where(plan)[key] = value
    return change


def delete_key(where, key):
    def change(plan):
        del where(plan)[key]
    return change


faults = [
    ("unknown key in an action", set_key(first_action, "owner", "SPS"), "unknown-key"),
    ("unknown top-level key", set_key(lambda p: p, "actions", []), "unknown-key"),
    ("unknown key in an update", lambda p: first_action(p)["updates"][0].update(pct=5), "unknown-key"),
    ("a list for a title", set_key(first_action, "title", ["a", "b"]), "wrong-type"),
    ("a quoted number for a budget", set_key(lambda p: p["plan"], "budget", "5000"), "wrong-type"),
    ("yes for external", set_key(first_action, "external", "yes"), "wrong-type"),
    ("a day that does not exist", set_key(first_action, "due", "2005-02-29"), "bad-date"),
    ("a date written 30/06/2004", set_key(first_action, "due", "30/06/2004"), "bad-date"),
    ("a target dated 2004-13-01", set_key(first_action, "targets", {"2004-13-01": 50}), "bad-date"),
    ("no lead", delete_key(first_action, "lead"), "missing-key"),
    ("no plan id", delete_key(lambda p: p["plan"], "id"), "missing-key"),
    ("no issues", set_key(lambda p: p, "issues", []), "missing-key"),
    ("an update with no complete", lambda p: first_action(p)["updates"][0].pop("complete"), "missing-key"),
    ("complete: 120", lambda p: first_action(p)["updates"][0].update(complete=120), "bad-value"),
    ("status done", set_key(first_action, "status", "done"), "bad-value"),
    ("a negative budget", set_key(lambda p: p["plan"], "budget", -5), "bad-value"),
    ("every fortnight", set_key(lambda p: p["plan"], "monitoring", [{"body": "Cabinet", "every": "fortnight"}]),
     "bad-value"),
    ("an id with a space", set_key(first_action, "id", "KI 1"), "bad-value"),
    ("format version 2", set_key(lambda p: p, "bvplan", 2), "bad-value"),
    ("currency pounds", set_key(lambda p: p["plan"], "currency", "pounds"), "bad-value"),
    ("a vertical tab in a title", set_key(first_action, "title", "Review\vthe register"), "bad-value"),
    ("29 February 2100", set_key(first_action, "due", "2100-02-29"), "bad-date"),
    ("a year starting in Aprl", set_key(lambda p: p["plan"], "year_start", "Aprl"), "bad-value"),
    ("a year starting in month 4", set_key(lambda p: p["plan"], "year_start", 4), "bad-value"),
]
# Plans check reads without an error, written in ways the schema must also take.
accepted = [
    ("a leap day", set_key(first_action, "due", "2004-02-29")),
    ("29 February 2000", set_key(first_action, "start", "2000-02-29")),
    ("a title YAML reads as a number", set_key(first_action, "title", 2004)),
    ("an id YAML reads as a number", set_key(lambda p: p["issues"][0], "id", 12)),
    ("a key issue numbered 1.1, as councils number them", set_key(lambda p: p["issues"][0], "id", 1.1)),
    ("support: with no value", set_key(first_action, "support", None)),
    ("measures: with no value", set_key(lambda p: p, "measures", None)),
    ("monitored_by as one text", set_key(lambda p: p["issues"][0], "monitored_by", "Cabinet")),
    ("a tab and a line break in a note", set_key(first_action, "notes", "One\ttwo\nthree")),
    ("every 120 months", set_key(lambda p: p["plan"], "monitoring", [{"body": "Cabinet", "every": "120 months"}])),
    ("a year starting in April", set_key(lambda p: p["plan"], "year_start", "April")),
    ("a year starting in SEPTEMBER", set_key(lambda p: p["plan"], "year_start", "SEPTEMBER")),
]


def judge(change, scratch):
    """The example with `change` made, written out: check's rules and exit status, and
    the schema's errors."""
    plan = copy.deepcopy(base)
    change(plan)
    path = os.path.join(scratch, "plan.yaml")
    with open(path, "w", encoding="utf-8") as f:
        # Dates and version-like text stay as they are; "5000" and "yes" stay quoted.
        yaml.safe_dump(plan, f, sort_keys=False, allow_unicode=True)
    rules, status = check_rules(path)
    return rules, status, errors(plan_schema, load(path))


with tempfile.TemporaryDirectory() as scratch:
    for name, change, rule in faults:
        rules, status, found = judge(change, scratch)
        if rule not in rules or status != 1:
            fail(f"{name}: check exits {status} with {sorted(rules)}, not {rule}")
        if not found:
            fail(f"{name}: check refuses it ({rule}), but the schema accepts it")
        elif "-v" in sys.argv[3:]:
            print(f"{name}: {rule}; schema: {found[0]}")
    for name, change in accepted:
        rules, status, found = judge(change, scratch)
        if status != 0:
            fail(f"{name}: check exits {status} with {sorted(rules)}; the case means to be valid")
        if found:
            fail(f"{name}: check reads it, but the schema refuses it: {found[:2]}")

print(f"schema: {failures} failures")
sys.exit(1 if failures else 0)
