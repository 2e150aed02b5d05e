#!/usr/bin/env python3
"""Every example paper in a real browser: `report --format html` for each example (the
infrastructure plan with its gantt, the Leicester portfolio and each of its plans alone, a
long plan whose gantt takes three pictures, and the infrastructure plan's git history with
--baseline and --compare), opened in
headless Chromium at A4 width (794 px at 96 dpi). Fails when the page scrolls sideways
(or any element reaches past the page's right edge), when one of the template's seven
section headings is missing, when a chart's text is drawn under 8 pt or a chart is taller
than an A4 page's text, when the paper holds a script or fetches anything, or when its PDF
print is not A4 portrait or lacks a heading (or, for the long plan, an action). The paper has no script, so the
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
  // Each chart's text as drawn (8 pt is 10.67 px), and its height against an A4 page's
  // text height (263 mm, 994 px).
  var small = [], tall = [];
  document.querySelectorAll('figure svg').forEach(function (svg) {
    var r = svg.getBoundingClientRect(), scale = r.width / svg.viewBox.baseVal.width;
    if (r.height > 263 / 25.4 * 96) tall.push(Math.round(r.height));
    svg.querySelectorAll('text').forEach(function (t) {
      var px = parseFloat(getComputedStyle(t).fontSize) * scale;
      if (px < 8 / 72 * 96 - 0.05) small.push(px.toFixed(1));
    });
  });
  var out = document.createElement('pre');
  out.id = 'bvplan-measure';
  out.textContent = 'scrollWidth=' + document.documentElement.scrollWidth + ' clientWidth=' + width +
      ' small=' + small.slice(0, 5).join(',') + ' tall=' + tall.slice(0, 5).join(',') +
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
    # A plan too long for one page of gantt: its timeline in several pictures.
    long_plan = os.path.join(tmp, "long.yaml")
    with open(long_plan, "w", encoding="utf-8") as f:
        f.write("bvplan: 1\nplan: {id: long, title: Long plan, start: 2004-01-01, end: 2004-12-31}\n"
                "owners: {SPS: Strategic services}\nissues:\n")
        for issue, actions in ((1, 10), (2, 60), (3, 5)):
            f.write(f"  - id: KI{issue}\n    title: Key issue {issue}\n    actions:\n")
            for n in range(1, actions + 1):
                f.write(f"      - {{id: KI{issue}.{n}, title: Action {n}, lead: SPS, start: 2004-01-01, "
                        f"due: 2004-12-31}}\n")
    out.append(("long-plan", [long_plan, "--as-of", "2004-06-30", "--gantt"], None))
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
    found = re.search(r'id="bvplan-measure">scrollWidth=(\d+) clientWidth=(\d+) small=(\S*) tall=(\S*) '
                      r'wide=([^<]*)<', dom)
    if not found:
        problems.append("the browser did not measure the page")
    else:
        scroll, client, wide = int(found.group(1)), int(found.group(2)), found.group(5)
        if scroll > client or wide:
            problems.append(f"horizontal overflow: scrollWidth {scroll} > {client}, past the edge: {wide}")
        if found.group(3):
            problems.append(f"chart text under 8 pt as drawn (px): {found.group(3)}")
        if found.group(4):
            problems.append(f"a chart taller than an A4 page's text (px): {found.group(4)}")
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
        if name == "long-plan":  # every action on the gantt's pictures, none left out
            for n in range(1, 61):
                if f"KI2.{n} Action {n} " not in printed:
                    problems.append(f"the printed gantt lacks KI2.{n}")
            if "part 3 of 3" not in printed or "Key issue 2 (continued)" not in printed:
                problems.append("the printed gantt is not in three parts, key issue 2 going on")
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
