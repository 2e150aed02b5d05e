#!/usr/bin/env python3
"""Every SVG bvplan draws is well-formed XML that keeps its labels inside its view box.

Usage: svg_test.py BVPLAN REPO

Checks each <svg> in every golden output under tests/cli (stdout and created files, HTML
included) and tests/git/expected, and the gantt chart of every valid example: it parses with xml.etree; it has a
viewBox, width, height and a <title>; it holds no script and no external reference; and
every <text> lies inside the view box, its width reckoned at 0.6 x its font size a
character (the estimate the charts are laid out with), and prints at 8 pt or more when the
picture is scaled to the text width of an A4 page (160 mm); a chart in a paper (HTML) is no
taller than 770/560 of its width, so that at that width it fits the page. Then each is drawn to PNG with
rsvg-convert (Debian's librsvg2-bin), which must succeed; without it the test is skipped
(exit 77) after the other checks pass.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

NS = "{http://www.w3.org/2000/svg}"
SVG_BLOCK = re.compile(r"<svg\b.*?</svg>", re.S)
NUMBER = r"(-?[0-9.]+)"
TEXT_WIDTH_MM, MIN_PT, MM_PER_PT = 160, 8, 25.4 / 72
PAGE_RATIO = 770 / 560


def font_size(element, parents):
    node = element
    while node is not None:
        size = node.get("font-size")
        if size:
            return float(size)
        node = parents.get(node)
    return 16.0  # the SVG default


def offset(element, parents):
    """The sum of the translate() transforms of the element's ancestors."""
    dx = dy = 0.0
    node = parents.get(element)
    while node is not None:
        m = re.fullmatch(r"translate\(" + NUMBER + r"[ ,]+" + NUMBER + r"\)", node.get("transform", ""))
        if m:
            dx += float(m.group(1))
            dy += float(m.group(2))
        node = parents.get(node)
    return dx, dy


def check_svg(text, where, in_paper=False):
    problems = []
    try:
        root = ET.fromstring(text)
    except ET.ParseError as e:
        return [f"{where}: not well-formed XML: {e}"]
    if root.tag != NS + "svg":
        return [f"{where}: the root is {root.tag}, not an SVG element"]
    box = root.get("viewBox", "").split()
    if len(box) != 4 or not root.get("width") or not root.get("height"):
        return [f"{where}: no viewBox, width or height"]
    x0, y0, w, h = (float(v) for v in box)
    if in_paper and h > PAGE_RATIO * w + 0.5:
        problems.append(f"{where}: {w:g} x {h:g} is too tall for an A4 page at its text width")
    if root.find(NS + "title") is None or not (root.find(NS + "title").text or "").strip():
        problems.append(f"{where}: no <title>")
    parents = {child: parent for parent in root.iter() for child in parent}
    for element in root.iter():
        if element.tag in (NS + "script", NS + "foreignObject", NS + "image", NS + "a"):
            problems.append(f"{where}: holds a <{element.tag[len(NS):]}>")
        for name, value in element.attrib.items():
            if name.endswith("href") or name.startswith("on") or "url(" in value and not value.startswith("url(#"):
                problems.append(f"{where}: {element.tag[len(NS):]} has {name}={value!r}")
    for element in root.iter(NS + "text"):
        words = "".join(element.itertext())
        size = font_size(element, parents)
        printed = size * TEXT_WIDTH_MM / w / MM_PER_PT
        if printed < MIN_PT - 0.005:
            problems.append(f"{where}: text {words!r} at font size {size:g} in a view box {w:g} wide prints at "
                            f"{printed:.1f} pt at 160 mm wide, under {MIN_PT} pt")
        width = 0.6 * size * len(words)
        dx, dy = offset(element, parents)
        x = float(element.get("x", "0")) + dx
        y = float(element.get("y", "0")) + dy
        anchor = element.get("text-anchor", "start")
        rotate = re.fullmatch(r"rotate\(-90 " + NUMBER + " " + NUMBER + r"\)", element.get("transform", ""))
        if rotate:  # runs upwards from (x, y): its width is vertical
            along = {"start": (y - width, y), "middle": (y - width / 2, y + width / 2), "end": (y, y + width)}[anchor]
            left, right, top, bottom = x - 0.8 * size, x + 0.25 * size, along[0], along[1]
        else:
            left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
            right, top, bottom = left + width, y - 0.8 * size, y + 0.25 * size
        if left < x0 - 0.5 or right > x0 + w + 0.5 or top < y0 - 0.5 or bottom > y0 + h + 0.5:
            problems.append(f"{where}: text {words!r} at ({x:.1f}, {y:.1f}) runs outside the view box "
                            f"{x0:g} {y0:g} {w:g} {h:g} (reckoned {left:.1f}..{right:.1f} by {top:.1f}..{bottom:.1f})")
    return problems


def golden_svgs(cases):
    for case in sorted(os.listdir(cases)):
        folder = os.path.join(cases, case)
        if not os.path.isfile(os.path.join(folder, "cmd")):
            continue
        files = [os.path.join(folder, "stdout")]
        created = os.path.join(folder, "created")
        for top, _, names in os.walk(created):
            files += [os.path.join(top, n) for n in sorted(names)]
        for path in files:
            if not os.path.isfile(path):
                continue
            with open(path, encoding="utf-8", errors="replace") as f:
                text = f.read()
            paper = " (paper)" if "<html" in text else ""
            for n, block in enumerate(SVG_BLOCK.findall(text)):
                yield f"{os.path.relpath(path, cases)}#{n + 1}{paper}", block


def git_svgs(expected):
    """The git scenarios' expected outputs (tests/git/expected/*.txt)."""
    for name in sorted(os.listdir(expected)):
        with open(os.path.join(expected, name), encoding="utf-8", errors="replace") as f:
            text = f.read()
        paper = " (paper)" if "<html" in text else ""
        for n, block in enumerate(SVG_BLOCK.findall(text)):
            yield f"tests/git/expected/{name}#{n + 1}{paper}", block


def example_svgs(bvplan, examples):
    for top, dirs, names in os.walk(examples):
        dirs[:] = sorted(d for d in dirs if d != "broken")
        for name in sorted(names):
            if not name.endswith(".yaml") or name == "owners.yaml":
                continue
            path = os.path.join(top, name)
            run = subprocess.run([bvplan, "report", "--format", "svg", "--as-of", "2004-06-30", path],
                                 capture_output=True, text=True)
            if run.returncode not in (0, 1) or "<svg" not in run.stdout:
                yield path, None
                continue
            for n, block in enumerate(SVG_BLOCK.findall(run.stdout)):
                yield f"{os.path.relpath(path, examples)} (report --format svg)#{n + 1}", block


def main():
    bvplan, repo = sys.argv[1], sys.argv[2]
    svgs = list(golden_svgs(os.path.join(repo, "tests", "cli")))
    svgs += list(git_svgs(os.path.join(repo, "tests", "git", "expected")))
    svgs += list(example_svgs(bvplan, os.path.join(repo, "examples")))
    problems = []
    for where, block in svgs:
        if block is None:
            problems.append(f"{where}: report --format svg gave no chart")
            continue
        problems += check_svg(block, where, in_paper=where.endswith(" (paper)"))
    if not any("report --format svg" in where for where, _ in svgs):
        problems.append("no example gave a chart")
    for p in problems:
        print(p)
    if problems:
        return 1
    print(f"{len(svgs)} SVGs well-formed, their labels inside their view boxes")
    rsvg = shutil.which("rsvg-convert")
    if not rsvg:
        print("rsvg-convert not found (install librsvg2-bin, as scripts/setup does): not drawn")
        return 77
    with tempfile.TemporaryDirectory() as tmp:
        for n, (where, block) in enumerate(svgs):
            source, png = os.path.join(tmp, f"{n}.svg"), os.path.join(tmp, f"{n}.png")
            with open(source, "w", encoding="utf-8") as f:
                f.write(block)
            run = subprocess.run([rsvg, "-o", png, source], capture_output=True, text=True)
            if run.returncode != 0 or os.path.getsize(png) == 0:
                problems.append(f"{where}: rsvg-convert failed: {run.stderr.strip()}")
    for p in problems:
        print(p)
    if problems:
        return 1
    print(f"{len(svgs)} SVGs drawn by rsvg-convert")
    return 0


if __name__ == "__main__":
    sys.exit(main())
