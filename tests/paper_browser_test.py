#!/usr/bin/env python3
"""Every example paper in a real browser: `report --format html` for each example (the
infrastructure plan with its gantt, the Leicester portfolio and each of its plans alone,
and the infrastructure plan's git history with --baseline and --compare), opened in
headless Chromium at A4 width (794 px at 96 dpi). Fails when the page scrolls sideways
(or any element reaches past the page's right edge), when one of the template's seven
section headings is missing, when the paper holds a script or fetches anything, or when
its PDF print is not A4 portrait or lacks a heading. The paper has no script, so the
measuring is done on a copy in the temporary folder with a script added at its end.

Usage: paper_browser_test.py BVPLAN REPO_ROOT. Exits 77 (skipped) when Chromium is not
installed.
"""
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bvplan_env import bvplan_environment  # noqa: E402

BINARY = os.path.abspath(sys.argv[1])
ROOT = os.path.abspath(sys.argv[2])
EXAMPLES = os.path.join(ROOT, "examples")
HEADINGS = ["1. Summary of action taken", "2. Target and actual % complete by date of report",
            "3. % of project implementation budget used", "4. Proposed action to remedy any work overdue",
            "5. Benefits delivered to date", "6. Action planned in the next period",
            "7. Any fundamental changes to plan"]
WIDTH, HEIGHT = 794, 1123

MEASURE = """<script>
(function () {
  var width = document.documentElement.clientWidth, wide = [];
  document.querySelectorAll('body *').forEach(function (e) {
    var r = e.getBoundingClientRect();
    if (r.width > 0 && r.right > width + 0.5) wide.push(e.tagName + ':' + Math.round(r.right));
  });
  var out = document.createElement('pre');
  out.id = 'bvplan-measure';
  out.textContent = 'scrollWidth=' + document.documentElement.scrollWidth + ' clientWidth=' + width +
      ' wide=' + wide.slice(0, 5).join(',');
  document.body.appendChild(out);
})();
</script>
"""


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)
    return None


def browser(exe, profile, *args):
    return subprocess.run([exe, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                           f"--user-data-dir={profile}", f"--window-size={WIDTH},{HEIGHT}", *args],
                          capture_output=True, text=True, timeout=120)


def papers(tmp):
    """(name, argv, cwd) for each example paper."""
    infrastructure = os.path.join(EXAMPLES, "infrastructure-2004.yaml")
    leicester = os.path.join(EXAMPLES, "leicester")
    out = [("infrastructure", [infrastructure, "--as-of", "2004-06-30", "--gantt"], None),
           ("leicester", [leicester, "--period", "2001-Q4", "--gantt"], None)]
    for plan in sorted(os.listdir(leicester)):
        if plan.endswith(".yaml") and plan != "owners.yaml":
            out.append((f"leicester-{plan[:-5]}", [os.path.join(leicester, plan), "--period", "2001-Q4"], None))
    repo = os.path.join(tmp, "council")
    subprocess.run([sys.executable, os.path.join(EXAMPLES, "build-history-repo.py"), repo], check=True,
                   capture_output=True)
    out.append(("baseline-compare", ["plans", "--as-of", "2004-06-30", "--baseline", "HEAD~2", "--compare", "HEAD~1",
                                     "--gantt"], repo))
    return out


def check(exe, tmp, name, argv, cwd):
    problems = []
    page = os.path.join(tmp, f"{name}.html")
    result = subprocess.run([BINARY, "report", *argv, "--format", "html", "-o", page], cwd=cwd,
                            capture_output=True, text=True, env=bvplan_environment(HOME=tmp))
    if result.returncode != 0:
        return [f"report exited {result.returncode}: {result.stderr}"]
    text = open(page, encoding="utf-8").read()
    for banned in ("<script", "src=", "href=", "@import", "<link", "<iframe", "<object"):
        if banned in text:
            problems.append(f"the paper holds {banned!r}")
    # url(#pattern) fills refer to the page itself; any other url( would fetch.
    if re.search(r"url\((?!#)", text):
        problems.append("the paper holds a url( outside the page")
    # The copy with the measuring script: the same page, the script added at the end.
    probe = os.path.join(tmp, f"{name}-probe.html")
    with open(probe, "w", encoding="utf-8") as f:
        f.write(text.replace("</body>", MEASURE + "</body>"))
    profile = os.path.join(tmp, "profile")
    dom = browser(exe, profile, "--dump-dom", "file://" + probe).stdout
    found = re.search(r'id="bvplan-measure">scrollWidth=(\d+) clientWidth=(\d+) wide=([^<]*)<', dom)
    if not found:
        problems.append("the browser did not measure the page")
    else:
        scroll, client, wide = int(found.group(1)), int(found.group(2)), found.group(3)
        if scroll > client or wide:
            problems.append(f"horizontal overflow: scrollWidth {scroll} > {client}, past the edge: {wide}")
    headings = [html.unescape(h) for h in re.findall(r"<h[2-4]>([^<]*)</h[2-4]>", dom)]
    for heading in HEADINGS:
        if heading not in headings:
            problems.append(f"no heading {heading!r}")
    pdf = os.path.join(tmp, f"{name}.pdf")
    browser(exe, profile, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", "file://" + page)
    if not os.path.exists(pdf):
        problems.append("no PDF printed")
    elif shutil.which("pdfinfo") and shutil.which("pdftotext"):
        info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
        size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
        if not size or abs(float(size.group(1)) - 595.3) > 1 or abs(float(size.group(2)) - 841.9) > 1:
            problems.append(f"the print is not A4 portrait: {size.group(0) if size else info}")
        printed = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout
        printed = re.sub(r"\s+", " ", printed)
        for heading in HEADINGS:
            if heading not in printed:
                problems.append(f"the print lacks {heading!r}")
    return problems


def main():
    exe = chromium()
    if not exe:
        print("skipped: Chromium is not installed (scripts/setup installs the package chromium)")
        return 77
    failed = 0
    with tempfile.TemporaryDirectory(prefix="bvplan-browser-") as tmp:
        for name, argv, cwd in papers(tmp):
            problems = check(exe, tmp, name, argv, cwd)
            if problems:
                failed += 1
                print(f"FAIL {name}:\n  " + "\n  ".join(problems))
            else:
                print(f"ok {name}")
    print("all papers fit A4 width with their seven sections" if not failed else f"{failed} papers failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
