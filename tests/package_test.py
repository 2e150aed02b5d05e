#!/usr/bin/env python3
"""The Debian package scripts/package makes: its control fields (dependencies from
dpkg-shlibdeps on the libraries the binary links), then installed into a scratch root
with dpkg -x: bvplan runs and names its libraries, man shows both pages, the JSON Schemas
are what it prints, and the bash completion it installs completes a command and a
--format value.

  tests/package_test.py PACKAGE.deb"""
import os
import re
import subprocess
import sys
import tempfile

deb = sys.argv[1]
failures = 0


def fail(message):
    global failures
    failures += 1
    print("FAIL " + message)


fields = subprocess.run(["dpkg-deb", "-f", deb], capture_output=True, text=True, check=True).stdout
depends = re.search(r"^Depends: (.*)$", fields, re.M)
depends = depends.group(1) if depends else ""
for library in ("libgit2-", "libyaml-cpp", "libfmt", "libc6", "libstdc++6"):
    if library not in depends:
        fail(f"Depends lacks {library}: {depends!r}")
for field in ("Package: bvplan", "Maintainer: ", "Description: ", "Section: utils"):
    if field not in fields:
        fail(f"no {field.strip()} in the control fields")
with tempfile.TemporaryDirectory() as root:
    subprocess.run(["dpkg-deb", "-x", deb, root], check=True)
    for path in ("usr/bin/bvplan", "usr/share/man/man1/bvplan.1", "usr/share/man/man5/bvplan-plan.5",
                 "usr/share/bvplan/reference.docx", "usr/share/bvplan/rag.lua",
                 "usr/share/bvplan/plan.schema.json", "usr/share/bvplan/owners.schema.json",
                 "usr/share/bash-completion/completions/bvplan", "usr/share/zsh/vendor-completions/_bvplan",
                 "usr/share/fish/vendor_completions.d/bvplan.fish"):
        if not os.path.isfile(os.path.join(root, path)):
            fail(f"the package has no /{path}")
    done = subprocess.run([os.path.join(root, "usr", "bin", "bvplan"), "--version"], capture_output=True, text=True)
    if done.returncode != 0 or not re.match(r"bvplan \S+\nbuilt with yaml-cpp \S+, libgit2 \S+, fmt \S+\n$",
                                             done.stdout):
        fail(f"bvplan --version from the package: {done.returncode} {done.stdout!r}")
    for page, heading in (("bvplan", "BVPLAN(1)"), ("bvplan-plan", "BVPLAN-PLAN(5)")):
        found = subprocess.run(["man", "-M", os.path.join(root, "usr", "share", "man"), "-w", page],
                               capture_output=True, text=True)
        if found.returncode != 0:
            fail(f"man does not find {page} in the package: {found.stderr}")
        # man bvplan, as a user runs it (without a pager).
        shown = subprocess.run(["man", "-M", os.path.join(root, "usr", "share", "man"), page], capture_output=True,
                               text=True, env={**os.environ, "MANPAGER": "cat", "PAGER": "cat", "MANWIDTH": "80"})
        if shown.returncode != 0 or not shown.stdout.lstrip().startswith(heading):
            fail(f"man {page} from the package: {shown.returncode} {shown.stdout[:80]!r} {shown.stderr[:200]!r}")
    for kind in ("plan", "owners"):
        printed = subprocess.run([os.path.join(root, "usr", "bin", "bvplan"), "schema", kind], capture_output=True)
        with open(os.path.join(root, "usr", "share", "bvplan", f"{kind}.schema.json"), "rb") as f:
            if printed.returncode != 0 or f.read() != printed.stdout:
                fail(f"the package's {kind}.schema.json is not what its bvplan schema {kind} prints")
    completion = os.path.join(root, "usr/share/bash-completion/completions/bvplan")
    for words, expected in ((["bvplan", "che"], "check"), (["bvplan", "check", "--format", "s"], "sarif")):
        done = subprocess.run(["bash", "--norc", "--noprofile", "-c",
                               'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _bvplan; '
                               'echo "${COMPREPLY[*]}"', "bash", completion, *words], capture_output=True, text=True)
        if done.stdout != expected + "\n" or done.stderr:
            fail(f"the package's bash completion of {' '.join(words)!r}: {done.stdout!r} {done.stderr!r}")
print(f"package {os.path.basename(deb)}: {failures} failures")
sys.exit(1 if failures else 0)
