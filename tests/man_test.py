#!/usr/bin/env python3
"""Each man page renders with groff at the strictest warning level, without warnings."""
import glob
import os
import subprocess
import sys

pages = sorted(glob.glob(os.path.join(sys.argv[1], "*.[1-8]")))
failed = 0
for page in pages:
    result = subprocess.run(["groff", "-ww", "-man", "-Tutf8", "-z", page],
                            capture_output=True, env={"LC_ALL": "C", "PATH": "/usr/bin:/bin"})
    if result.returncode != 0 or result.stderr:
        failed += 1
        print(f"FAIL {page}:\n{result.stderr.decode()}")
if not pages:
    print("no man pages found")
    failed = 1
print(f"{len(pages) - failed} passed, {failed} failed")
sys.exit(1 if failed else 0)
