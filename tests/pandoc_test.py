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

# Plan text cannot become markup: every text field of two plans (a portfolio paper, with
# its financial benefits) holds HTML, and pandoc's HTML holds none of it as tags.
hostile = """bvplan: 1
plan:
  id: {id}
  title: "<img src=x onerror=alert(1)> | {id}"
  review: "<script>alert(2)</script>"
  start: 2004-01-01
  end: 2004-12-31
  owner: SPS
  budget: 1000
  savings_target: 500
  currency: EUR
  monitoring:
    - {{body: "<b onmouseover=alert(3)>O&S</b>", every: quarter}}
owners:
  SPS: "<i>Strategic</i> & Performance"
issues:
  - id: KI1
    title: "<script>alert(4)</script>"
    actions:
      - id: A1
        title: "<iframe src=x></iframe>"
        lead: SPS
        start: 2004-01-01
        due: 2004-03-31
        budget: 500
        savings_target: 500
        milestones: [{{id: M1, title: "<svg onload=alert(5)>", due: 2004-02-01}}]
        updates:
          - {{date: 2004-06-30, complete: 50, spent: 10, savings: 5, summary: "<script>x</script>",
             remedy: "<img src=y>", benefits: "<a href=javascript:alert(6)>b</a>", next: "<style>*{{}}</style>",
             changes: "<object data=x>"}}
"""
with tempfile.TemporaryDirectory() as tmp:
    for plan_id in ("h1", "h2"):
        with open(os.path.join(tmp, f"{plan_id}.yaml"), "w") as f:
            f.write(hostile.format(id=plan_id))
    for name, args in (("hostile", [os.path.join(tmp, "h1.yaml"), "--gantt"]), ("hostile portfolio", [tmp])):
        paper = subprocess.run([binary, "report", *args, "--as-of", "2004-06-30"], capture_output=True,
                               text=True).stdout
        html = subprocess.run(["pandoc", "-f", "gfm+yaml_metadata_block", "-t", "html", "-s"], input=paper,
                              capture_output=True, text=True).stdout
        body = html[html.find("<body"):]  # pandoc's own <style> is in the head
        tags = re.findall(r"<(?:img|script|b|i|iframe|svg|a|style|object)[\s>]", body)
        if not paper or "title-block-header" not in body or tags:
            print(f"FAIL {name}: {len(paper)} bytes of paper; tags from plan text in the HTML: {tags}")
            failures += 1
        else:
            print(f"ok {name}: no plan text became HTML markup")
print(f"{4 - failures} passed, {failures} failed")
sys.exit(1 if failures else 0)
