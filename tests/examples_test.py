#!/usr/bin/env python3
"""Every valid example passes `bvplan check`; every broken one fails with exactly the
findings its `# expect: LINE:COL SEVERITY RULE` comments name."""
import json
import os
import re
import subprocess
import sys

from bvplan_env import bvplan_environment

binary, examples = sys.argv[1], sys.argv[2]
env = bvplan_environment()
failures = []
checked = 0


def check(path, as_of):
    result = subprocess.run([binary, "check", path, "--as-of", as_of, "--format", "json"],
                            capture_output=True, env=env, timeout=30)
    return result.returncode, json.loads(result.stdout)


for root, dirs, files in os.walk(examples):
    dirs.sort()
    for name in sorted(files):
        if not name.endswith((".yaml", ".yml")) or name.startswith("owners."):
            continue
        path = os.path.join(root, name)
        checked += 1
        if os.sep + "broken" in path:
            text = open(path, encoding="utf-8", errors="replace").read()
            expected = sorted(re.findall(r"#\s*expect:\s*(\d+):(\d+)\s+(error|warning)\s+([a-z-]+)", text))
            expected = [(int(l), int(c), s, r) for l, c, s, r in expected]
            if not expected:
                failures.append(f"{path}: no '# expect:' comment")
                continue
            status, report = check(path, "2004-06-30")
            actual = sorted((d["line"], d["column"], d["severity"], d["rule"])
                            for d in report["diagnostics"])
            if status != 1 or actual != sorted(expected):
                failures.append(f"{path}: exit {status}, expected {sorted(expected)}, got {actual}")
        else:
            for as_of in ("2001-09-30", "2004-06-30", "2030-01-01"):
                status, report = check(path, as_of)
                if status != 0:
                    failures.append(f"{path} as of {as_of}: exit {status}: {report['diagnostics']}")

for f in failures:
    print("FAIL", f)
print(f"{checked - len(failures)} passed, {len(failures)} failed")
sys.exit(1 if failures or checked == 0 else 0)
