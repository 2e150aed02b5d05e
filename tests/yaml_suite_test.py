#!/usr/bin/env python3
"""Runs `bvplan check` on every input of the official YAML test suite.

None of them is a plan, so each must end normally: exit 1 with a diagnostic naming the
file, never a crash, a hang or a sanitizer report. The corpus lives in ../shared beside
the repository; without it the test is skipped (exit 77).
"""
import os
import subprocess
import sys
import time

binary, corpus = sys.argv[1], sys.argv[2]
if not os.path.isdir(corpus):
    print(f"corpus not found at {corpus}; skipped")
    sys.exit(77)

inputs = []
for root, dirs, files in os.walk(corpus):
    dirs.sort()
    if "in.yaml" in files:
        inputs.append(os.path.join(root, "in.yaml"))

failures = []
slowest = (0.0, "")
for path in inputs:
    start = time.monotonic()
    try:
        result = subprocess.run([binary, "check", path, "--as-of", "2004-06-30"],
                                capture_output=True, timeout=10,
                                env={"LC_ALL": "C", "PATH": "/usr/bin:/bin",
                                     "ASAN_OPTIONS": os.environ.get("ASAN_OPTIONS", ""),
                                     "UBSAN_OPTIONS": os.environ.get("UBSAN_OPTIONS", "")})
    except subprocess.TimeoutExpired:
        failures.append(f"{path}: hung (over 10 s)")
        continue
    took = time.monotonic() - start
    slowest = max(slowest, (took, path))
    out = result.stdout.decode("utf-8", "replace")
    if result.returncode != 1:
        failures.append(f"{path}: exit {result.returncode}\n{out}{result.stderr.decode('utf-8', 'replace')}")
    elif not out.startswith(path + ":"):
        failures.append(f"{path}: first line does not name the file:\n{out}")
    elif "1 file checked:" not in out:
        failures.append(f"{path}: no summary line:\n{out}")
    elif result.stderr:
        failures.append(f"{path}: wrote to stderr:\n{result.stderr.decode('utf-8', 'replace')}")

print(f"{len(inputs)} inputs; slowest {slowest[0]:.2f} s ({slowest[1]})")
for f in failures:
    print("FAIL", f)
print(f"{len(inputs) - len(failures)} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
