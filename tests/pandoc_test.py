#!/usr/bin/env python3
"""The committee paper converts to Word with pandoc, and the document carries the title,
the date and the seven headings of the progress report template."""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

binary, examples = sys.argv[1], sys.argv[2]
if not shutil.which("pandoc"):
    print("pandoc is not installed (scripts/setup installs it)")
    sys.exit(1)
headings = ["1. Summary of action taken", "2. Target and actual % complete by date of report",
            "3. % of project implementation budget used", "4. Proposed action to remedy any work overdue",
            "5. Benefits delivered to date", "6. Action planned in the next period",
            "7. Any fundamental changes to plan"]
failures = 0
with tempfile.TemporaryDirectory() as tmp:
    for name, args in (("single", [os.path.join(examples, "infrastructure-2004.yaml"), "--as-of", "2004-06-30", "--gantt"]),
                       ("portfolio", [os.path.join(examples, "leicester"), "--period", "2001-Q4"])):
        paper = os.path.join(tmp, f"{name}.md")
        docx = os.path.join(tmp, f"{name}.docx")
        subprocess.run([binary, "report", *args, "-o", paper], check=True, stderr=subprocess.DEVNULL)
        result = subprocess.run(["pandoc", "-f", "gfm+yaml_metadata_block", paper, "-o", docx],
                                capture_output=True, text=True)
        if result.returncode != 0 or result.stderr:
            print(f"FAIL {name}: pandoc said: {result.stderr}")
            failures += 1
            continue
        xml = zipfile.ZipFile(docx).read("word/document.xml").decode("utf-8")
        text = re.sub(r"<[^>]+>", "", xml).replace("&amp;", "&")
        missing = [h for h in headings if h not in text]
        date = "31 December 2001" if name == "portfolio" else "30 June 2004"
        if missing or date not in text or "Title" not in xml:
            print(f"FAIL {name}: missing {missing}, date present: {date in text}")
            failures += 1
        else:
            print(f"ok {name}: {os.path.getsize(docx)} bytes of .docx with all seven headings")
print(f"{2 - failures} passed, {failures} failed")
sys.exit(1 if failures else 0)
