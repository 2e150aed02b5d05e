#!/usr/bin/env python3
"""report --format docx: the Word paper, unzipped and read as Word would. For every
example paper: an A4 page, the title once, Arial, its charts as described images at the text
width and no taller than the page, every table in the "Table" style whose grid and
shaded header row come from bvplan's reference document, and every RAG cell shaded in its
colour with its word. Without pandoc on PATH: a clear error, exit 2, and the file that
was there kept. Skipped (exit 0, with a note) when pandoc is not installed at all."""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bvplan_env import bvplan_environment  # noqa: E402

binary, examples = sys.argv[1], sys.argv[2]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SHADES = {"Red": "C00000", "Amber": "FFC000", "Green": "00B050", "Complete": "9DC3E6"}
# Each paper, its date, its title, its options and the charts it holds (a RAG summary for
# each plan; the gantt with --gantt).
PAPERS = [("infrastructure-2004.yaml", "2004-06-30", "Infrastructure Best Value Review improvement plan 2004: progress report",
           ["--gantt"], ["RAG summary", "Timeline"]),
          ("leicester", "2001-12-31", "Best Value improvement plans: progress report", [], ["RAG summary"] * 7)]
failures = 0
checked_widths = set()


def fail(message):
    global failures
    failures += 1
    print("FAIL " + message)


def run(args, env=None):
    return subprocess.run([binary, *args], capture_output=True, check=False,
                          env=env or bvplan_environment(SOURCE_DATE_EPOCH="1088553600"))


if not shutil.which("pandoc"):
    print("docx_test: pandoc is not installed; skipped (scripts/setup installs it)")
    sys.exit(0)

import xml.etree.ElementTree as ET  # noqa: E402

with tempfile.TemporaryDirectory() as work:
    for name, as_of, title, options, charts in PAPERS:
        out = os.path.join(work, name + ".docx")
        done = run(["report", os.path.join(examples, name), "--as-of", as_of, "--format", "docx", "-o", out,
                    *options])
        if done.returncode != 0 or done.stdout:
            fail(f"{name}: exit {done.returncode}, stdout {done.stdout[:80]!r}, stderr {done.stderr.decode()[:300]}")
            continue
        with zipfile.ZipFile(out) as docx:
            document = ET.fromstring(docx.read("word/document.xml"))
            styles = docx.read("word/styles.xml").decode("utf-8")
            media = sorted(n for n in docx.namelist() if n.startswith("word/media/"))
        # The charts: each an SVG (with a PNG beside it when rsvg-convert is installed),
        # described by its title for a screen reader, no wider than the A4 text width.
        WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
        described = [d.get("descr", "").split(":")[0] for d in document.iter(WP + "docPr")]
        if described != charts:
            fail(f"{name}: charts {described}, expected {charts}")
        if len([m for m in media if m.endswith(".svg")]) != len(charts):
            fail(f"{name}: media {media}")
        # At the text width (16 cm, 5,760,000 EMU; pandoc rounds to 5,753,100), so that the
        # charts' text prints at 8 pt or more; no taller than the text (24.7 cm).
        for extent in document.iter(WP + "extent"):
            if not 5700000 <= int(extent.get("cx")) <= 5760000:
                fail(f"{name}: a chart {extent.get('cx')} EMU wide, not the text width")
            if int(extent.get("cy")) > 8890000:
                fail(f"{name}: a chart {extent.get('cy')} EMU tall, taller than the text")
        size = document.find(f"{W}body/{W}sectPr/{W}pgSz")
        if size is None or (size.get(W + "w"), size.get(W + "h")) != ("11906", "16838"):
            fail(f"{name}: the page is not A4 portrait")
        paragraphs = []
        for p in document.iter(W + "p"):
            style = p.find(f"{W}pPr/{W}pStyle")
            paragraphs.append((style.get(W + "val") if style is not None else "",
                               "".join(t.text or "" for t in p.iter(W + "t"))))
        titled = [text for style, text in paragraphs if title in text]
        if len(titled) != 1:
            fail(f"{name}: the title is in {len(titled)} paragraphs, not one: {titled}")
        if ("Title", title) not in paragraphs:
            fail(f"{name}: no Title paragraph reading {title!r}")
        if 'w:ascii="Arial"' not in styles:
            fail(f"{name}: the body text is not Arial")
        table_style = next((st for st in ET.fromstring(styles).iter(W + "style") if st.get(W + "styleId") == "Table"),
                           None)
        if table_style is None:
            fail(f"{name}: no Table style")
            continue
        borders = table_style.find(f"{W}tblPr/{W}tblBorders")
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            line = borders.find(W + side) if borders is not None else None
            if line is None or line.get(W + "val") != "single":
                fail(f"{name}: the Table style has no {side} line")
        header = next((p for p in table_style.iter(W + "tblStylePr") if p.get(W + "type") == "firstRow"), None)
        shading = header.find(f"{W}tcPr/{W}shd") if header is not None else None
        if shading is None or shading.get(W + "fill") != "D9D9D9" or header.find(f"{W}rPr/{W}b") is None:
            fail(f"{name}: the Table style's header row is not bold and shaded")
        tables = list(document.iter(W + "tbl"))
        if not tables:
            fail(f"{name}: no tables")
        for table in tables:
            style = table.find(f"{W}tblPr/{W}tblStyle")
            if style is None or style.get(W + "val") != "Table":
                fail(f"{name}: a table not in the Table style")
            # Columns keep the paper's widths across the text width (9070 twips: A4 less
            # two 2.5 cm margins); the header repeats on each page and no row splits.
            widths = [int(c.get(W + "w")) for c in table.iter(W + "gridCol")]
            if not 9000 <= sum(widths) <= 9070:
                fail(f"{name}: a table {sum(widths)} twips wide, not the text width: {widths}")
            rows = table.findall(W + "tr")
            header = ["".join(t.text or "" for t in c.iter(W + "t")) for c in rows[0].findall(W + "tc")]
            if header[:2] == ["Action", "Lead"] and not widths[0] >= 3 * widths[header.index("Target")]:
                fail(f"{name}: the action column is not the widest: {list(zip(header, widths))}")
            if rows[0].find(f"{W}trPr/{W}tblHeader") is None:
                fail(f"{name}: a table whose header row does not repeat: {header}")
            if any(row.find(f"{W}trPr/{W}cantSplit") is None for row in rows):
                fail(f"{name}: a table whose rows may split across pages: {header}")
            checked_widths.add(tuple(header))
        seen = set()
        rated = []
        for table in tables:
            rows = table.findall(W + "tr")
            heads = ["".join(t.text or "" for t in c.iter(W + "t")) for c in rows[0].findall(W + "tc")]
            for row in rows[1:]:
                cells = row.findall(W + "tc")
                first = "".join(t.text or "" for t in cells[0].iter(W + "t")) if cells else ""
                rated += [c for i, c in enumerate(cells)
                          if (i < len(heads) and heads[i] == "RAG") or (i > 0 and first.endswith("(RAG)"))]
        # And no cell outside them is shaded.
        shaded = [c for c in document.iter(W + "tc") if c.find(f"{W}tcPr/{W}shd") is not None]
        if len(shaded) != len([c for c in rated if c.find(f"{W}tcPr/{W}shd") is not None]) or \
                any(all(c is not r for r in rated) for c in shaded):
            fail(f"{name}: a cell outside the RAG columns is shaded")
        for cell in rated:
            text = "".join(t.text or "" for t in cell.iter(W + "t")).strip("\u00a0 ")
            word = re.sub(r"^\W*\s*", "", text)
            if word not in SHADES:
                continue
            # The whole cell shaded (its tcPr), not only the run behind the word.
            fills = [s.get(W + "fill") for s in cell.iter(W + "shd")]
            if fills != [SHADES[word]] or cell.find(f"{W}tcPr/{W}shd") is None:
                fail(f"{name}: a {word} cell is shaded {fills}, not {SHADES[word]} across the cell")
            seen.add(word)
        if not {"Red", "Amber", "Green"} <= seen:
            fail(f"{name}: RAG cells seen: {sorted(seen)}")

    if not any(h[:2] == ("Action", "Lead") for h in checked_widths):
        fail(f"no progress table was seen: {sorted(checked_widths)}")

    # Plan text stays text: what pandoc's Markdown would read as maths, super- or subscript,
    # a citation or a list reaches Word as written.
    odd = "Cut $5 to $10 (m^2^, H~2~O) @SPS -- \\(1) 2004. #1 <b>"
    with open(os.path.join(examples, "infrastructure-2004.yaml"), encoding="utf-8") as f:
        plan = f.read().replace("title: Infrastructure Best Value Review improvement plan 2004",
                                "title: '" + odd + "'", 1)
    # A note that reads like a rating is text, not a rating: not shaded.
    plan = plan.replace("note: Three pilot partnerships now report quarterly", "note: Green", 1)
    odd_plan = os.path.join(work, "odd.yaml")
    with open(odd_plan, "w", encoding="utf-8") as f:
        f.write(plan)
    out = os.path.join(work, "odd.docx")
    done = run(["report", odd_plan, "--as-of", "2004-06-30", "--format", "docx", "-o", out])
    if done.returncode != 0:
        fail(f"odd title: exit {done.returncode}, {done.stderr.decode()[:300]}")
    else:
        with zipfile.ZipFile(out) as docx:
            document = ET.fromstring(docx.read("word/document.xml"))
        texts = ["".join(t.text or "" for t in p.iter(W + "t")) for p in document.iter(W + "p")]
        wanted = odd + ": progress report"
        if wanted not in texts:
            fail(f"odd title: {wanted!r} not a paragraph of the Word paper: {texts[:3]}")
        notes = [c for c in document.iter(W + "tc") if "".join(t.text or "" for t in c.iter(W + "t")) == "Green"
                 and c.find(f"{W}tcPr/{W}shd") is None]
        if len(notes) != 1:
            fail(f"a note reading 'Green': {len(notes)} unshaded cells hold it, not 1")

    # No pandoc on PATH: an error that says what to do, and the paper already there kept.
    kept = os.path.join(work, "kept.docx")
    with open(kept, "wb") as f:
        f.write(b"the paper of last quarter")
    no_pandoc = bvplan_environment(SOURCE_DATE_EPOCH="1088553600", PATH=os.path.join(work, "empty"))
    done = run(["report", os.path.join(examples, "infrastructure-2004.yaml"), "--as-of", "2004-06-30", "--format",
                "docx", "-o", kept], env=no_pandoc)
    expected = (b"bvplan: error: --format docx needs pandoc, which is not on PATH: install it (Debian and Ubuntu: "
                b"apt-get install pandoc), or write the paper with --format md or --format html\n")
    if (done.returncode, done.stdout, done.stderr) != (2, b"", expected):
        fail(f"without pandoc: exit {done.returncode}, stderr {done.stderr!r}")
    with open(kept, "rb") as f:
        if f.read() != b"the paper of last quarter":
            fail("without pandoc: the file that was there was changed")
print(f"{len(PAPERS)} Word papers read, {failures} failures")
sys.exit(1 if failures else 0)
