#!/usr/bin/env python3
"""Runs one golden CLI case and compares its output exactly.

A case is a folder holding:
  cmd       one command line, starting with `bvplan` (split like a shell would, no
            expansion); it runs inside the case folder
  stdin     optional: fed to standard input
  env       optional: extra environment, one NAME=VALUE a line
  stdout    the exact expected standard output
  stderr    the exact expected standard error
  status    the expected exit status
  anything else: input files for the command

With BVPLAN_UPDATE_GOLDEN=1 the expected files are rewritten from the actual output
(read the diff before committing it).
"""
import os
import shlex
import subprocess
import sys


def main():
    binary, case = sys.argv[1], sys.argv[2]
    with open(os.path.join(case, "cmd"), encoding="utf-8") as f:
        argv = shlex.split(f.read().strip())
    assert argv and argv[0] == "bvplan", "cmd must start with bvplan"
    argv[0] = binary
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C", "TZ": "UTC",
           "ASAN_OPTIONS": os.environ.get("ASAN_OPTIONS", ""),
           "UBSAN_OPTIONS": os.environ.get("UBSAN_OPTIONS", "")}
    env_file = os.path.join(case, "env")
    if os.path.exists(env_file):
        for line in open(env_file, encoding="utf-8").read().splitlines():
            if line.strip():
                name, _, value = line.partition("=")
                env[name] = value
    stdin_path = os.path.join(case, "stdin")
    stdin = open(stdin_path, "rb") if os.path.exists(stdin_path) else subprocess.DEVNULL
    result = subprocess.run(argv, cwd=case, stdin=stdin, capture_output=True, env=env, timeout=30)
    actual = {"stdout": result.stdout, "stderr": result.stderr,
              "status": f"{result.returncode}\n".encode()}
    if os.environ.get("BVPLAN_UPDATE_GOLDEN") == "1":
        for name, data in actual.items():
            with open(os.path.join(case, name), "wb") as f:
                f.write(data)
        return 0
    failed = False
    for name, data in actual.items():
        path = os.path.join(case, name)
        expected = open(path, "rb").read() if os.path.exists(path) else b""
        if expected != data:
            failed = True
            print(f"--- {name} differs in {os.path.basename(case)}")
            print("expected:\n" + expected.decode("utf-8", "replace"))
            print("actual:\n" + data.decode("utf-8", "replace"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
