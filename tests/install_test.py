#!/usr/bin/env python3
"""cmake --install BUILD --prefix P puts the program, both manual pages, the shell
completion scripts and the Word paper's files where a user, man(1) and the shells find
them, and the installed program runs; the installed bash completion completes."""
import os
import subprocess
import sys
import tempfile

build = sys.argv[1]
failures = 0
with tempfile.TemporaryDirectory() as prefix:
    done = subprocess.run(["cmake", "--install", build, "--prefix", prefix], capture_output=True, text=True)
    if done.returncode != 0:
        print(f"FAIL cmake --install: {done.stderr}")
        sys.exit(1)
    for path in ("bin/bvplan", "share/man/man1/bvplan.1", "share/man/man5/bvplan-plan.5",
                 "share/bvplan/reference.docx", "share/bvplan/rag.lua", "share/bvplan/plan.schema.json",
                 "share/bvplan/owners.schema.json", "share/bash-completion/completions/bvplan",
                 "share/zsh/vendor-completions/_bvplan", "share/fish/vendor_completions.d/bvplan.fish"):
        if not os.path.isfile(os.path.join(prefix, path)):
            print(f"FAIL not installed: {path}")
            failures += 1
    version = subprocess.run([os.path.join(prefix, "bin", "bvplan"), "--version"], capture_output=True, text=True)
    if version.returncode != 0 or not version.stdout.startswith("bvplan "):
        print(f"FAIL installed bvplan --version: {version.returncode} {version.stdout!r}")
        failures += 1
    for page in ("bvplan", "bvplan-plan"):
        found = subprocess.run(["man", "-M", os.path.join(prefix, "share", "man"), "-w", page], capture_output=True,
                               text=True)
        if found.returncode != 0 or not found.stdout.startswith(prefix):
            print(f"FAIL man -w {page}: {found.stdout}{found.stderr}")
            failures += 1
    # bash-completion loads share/bash-completion/completions/bvplan when bvplan is first
    # completed; sourced here as it would, it completes the installed program's commands.
    done = subprocess.run(["bash", "--norc", "--noprofile", "-c",
                           'source "$1" && COMP_WORDS=(bvplan che) COMP_CWORD=1 && _bvplan && echo "${COMPREPLY[*]}"',
                           "bash", os.path.join(prefix, "share/bash-completion/completions/bvplan")],
                          capture_output=True, text=True)
    if done.stdout != "check\n" or done.stderr:
        print(f"FAIL the installed bash completion: {done.stdout!r} {done.stderr!r}")
        failures += 1
print(f"install: {failures} failures")
sys.exit(1 if failures else 0)
