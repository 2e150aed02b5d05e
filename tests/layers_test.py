#!/usr/bin/env python3
"""Fails on an #include that breaks ARCHITECTURE.md's "Layers" table.

Usage: layers_test.py REPOSITORY

The table's rows name each layer and the layers it may include ("—" for none, "every
layer above" for all rows before it). Every .cpp and .hpp under src/ and include/bvplan/
must live in a layer folder named in the table (src/main.cpp aside), and each of its
includes must name its own layer or one its row allows:
  - "bvplan/<layer>/..." (or a quoted path next to the file) is checked against the row;
  - yaml-cpp headers only in yaml/, git2.h only in git/, CLI11 (CLI/...) only in commands/;
  - src/main.cpp includes only commands/.
Each failure is one line, `file:line: includes what: rule`, e.g.
  src/io/workspace.cpp:5: includes bvplan/app/check.hpp: io may include core
Before looking at the repository the script checks itself on a small tree with known
breaks (self_test), so a rule that stops finding anything fails here too.
"""
import os
import re
import sys
import tempfile

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')
# Third-party headers, by prefix, and the one layer that may include them.
OWNED = [("yaml-cpp/", "yaml", "yaml-cpp"), ("git2.h", "git", "libgit2"), ("git2/", "git", "libgit2"),
         ("CLI/", "commands", "CLI11")]
MAIN = "src/main.cpp"


def read_layers(architecture):
    """{layer: set of layers it may include}, in the table's order, from ARCHITECTURE.md."""
    text = open(architecture, encoding="utf-8").read()
    section = re.search(r"^## Layers.*?$(.*?)(?=^## )", text + "\n## ", re.M | re.S)
    if not section:
        raise SystemExit(f"{architecture}: no '## Layers' section")
    rows = [line.strip().strip("|").split("|") for line in section.group(1).splitlines()
            if line.startswith("|")]
    header = [cell.strip() for cell in rows[0]]
    name_at, may_at = header.index("layer"), header.index("may include")
    layers = {}
    for row in rows[2:]:
        name = row[name_at].strip().strip("`")
        may = row[may_at].strip()
        if may == "—":
            allowed = set()
        elif may == "every layer above":
            allowed = set(layers)
        else:
            allowed = {word.strip().strip("`") for word in may.split(",")}
            unknown = allowed - set(layers)
            if unknown:
                raise SystemExit(f"{architecture}: {name} may include {sorted(unknown)}, not a layer above it")
        layers[name] = allowed
    if not layers:
        raise SystemExit(f"{architecture}: the Layers table has no rows")
    return layers


def layer_of(rel):
    """The layer folder of a path relative to the repository, or None."""
    parts = rel.split("/")
    if parts[0] == "src" and len(parts) > 2:
        return parts[1]
    if parts[:2] == ["include", "bvplan"] and len(parts) > 3:
        return parts[2]
    return None


def describe(allowed, layers):
    """The layers a row allows, in the table's order."""
    return ", ".join(name for name in layers if name in allowed) or "no other layer"


def check_include(rel, layer, layers, bracket, target, root):
    """The rule an include breaks, or None."""
    for prefix, owner, library in OWNED:
        if target.startswith(prefix) and layer != owner:
            return f"only {owner} may include {library}"
    if target.startswith("bvplan/"):
        parts = target.split("/")
        other = parts[1] if len(parts) > 2 else None
    elif bracket == '"':
        beside = os.path.relpath(os.path.normpath(os.path.join(root, os.path.dirname(rel), target)), root)
        if not os.path.exists(os.path.join(root, beside)):
            return None
        other = layer_of(beside)
    else:
        return None
    if rel == MAIN:
        return None if other == "commands" else "main.cpp may include only commands"
    if other not in layers:
        return f"{other} is not a layer"
    if other != layer and other not in layers[layer]:
        return f"{layer} may include {describe(layers[layer], layers)}"
    return None


def sources(root):
    for top in ("src", os.path.join("include", "bvplan")):
        for folder, dirs, files in os.walk(os.path.join(root, top)):
            dirs.sort()
            for name in sorted(files):
                if name.endswith((".cpp", ".hpp")):
                    yield os.path.relpath(os.path.join(folder, name), root).replace(os.sep, "/")


def check(root):
    """Every failure in the tree at root, one line each."""
    layers = read_layers(os.path.join(root, "ARCHITECTURE.md"))
    failures = []
    for rel in sources(root):
        layer = layer_of(rel)
        if rel != MAIN and layer not in layers:
            failures.append(f"{rel}: not in a layer folder named in ARCHITECTURE.md's Layers table")
            continue
        with open(os.path.join(root, rel), encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                match = INCLUDE.match(line)
                if not match:
                    continue
                broken = check_include(rel, layer, layers, match.group(1), match.group(2), root)
                if broken:
                    failures.append(f"{rel}:{number}: includes {match.group(2)}: {broken}")
    return failures


SELF_TEST_TABLE = """# Architecture

## Layers: folders, and who may include whom

| layer | holds | may include |
|---|---|---|
| `core` | basics | — |
| `yaml` | YAML | core |
| `io` | files | core |
| `app` | work | every layer above |
| `commands` | commands | every layer above |

## Decisions
"""

SELF_TEST_FILES = {
    "src/main.cpp": '#include "bvplan/commands/run.hpp"\n#include "bvplan/core/date.hpp"\n',
    "src/core/date.cpp": '#include "bvplan/core/date.hpp"\n#include <string>\n',
    "include/bvplan/core/date.hpp": "#pragma once\n#include <yaml-cpp/yaml.h>\n",
    "src/yaml/reader.cpp": '#include <yaml-cpp/parser.h>\n#include "bvplan/core/date.hpp"\n',
    "src/io/workspace.cpp": '// io\n#include <git2.h>\n\n  #  include "bvplan/app/check.hpp"\n',
    "src/io/local.hpp": "#pragma once\n",
    "src/io/files.cpp": '#include "local.hpp"\n#include "../yaml/private.hpp"\n',
    "src/yaml/private.hpp": "#pragma once\n",
    "src/app/check.cpp": '#include "bvplan/io/workspace.hpp"\n#include <CLI/CLI.hpp>\n',
    "src/commands/run.cpp": '#include <CLI/CLI.hpp>\n#include "bvplan/app/check.hpp"\n#include "bvplan/paper/x.hpp"\n',
    "src/stray.cpp": "int x;\n",
    "include/bvplan/figures/compute.hpp": "#pragma once\n",
}

SELF_TEST_EXPECTED = [
    "src/main.cpp:2: includes bvplan/core/date.hpp: main.cpp may include only commands",
    "src/app/check.cpp:2: includes CLI/CLI.hpp: only commands may include CLI11",
    "src/commands/run.cpp:3: includes bvplan/paper/x.hpp: paper is not a layer",
    "src/io/files.cpp:2: includes ../yaml/private.hpp: io may include core",
    "src/io/workspace.cpp:2: includes git2.h: only git may include libgit2",
    "src/io/workspace.cpp:4: includes bvplan/app/check.hpp: io may include core",
    "src/stray.cpp: not in a layer folder named in ARCHITECTURE.md's Layers table",
    "include/bvplan/core/date.hpp:2: includes yaml-cpp/yaml.h: only yaml may include yaml-cpp",
    "include/bvplan/figures/compute.hpp: not in a layer folder named in ARCHITECTURE.md's Layers table",
]


def self_test():
    """The rules find exactly the breaks planted in a small tree."""
    with tempfile.TemporaryDirectory(prefix="bvplan-layers-") as root:
        with open(os.path.join(root, "ARCHITECTURE.md"), "w", encoding="utf-8") as f:
            f.write(SELF_TEST_TABLE)
        for rel, text in SELF_TEST_FILES.items():
            os.makedirs(os.path.dirname(os.path.join(root, rel)), exist_ok=True)
            with open(os.path.join(root, rel), "w", encoding="utf-8") as f:
                f.write(text)
        found = sorted(check(root))
    expected = sorted(SELF_TEST_EXPECTED)
    if found != expected:
        print("layers_test.py's self-test failed:")
        print("expected:\n  " + "\n  ".join(expected))
        print("found:\n  " + "\n  ".join(found))
        return False
    return True


def main():
    if len(sys.argv) != 2:
        raise SystemExit("usage: layers_test.py REPOSITORY")
    if not self_test():
        return 1
    failures = check(os.path.abspath(sys.argv[1]))
    for failure in failures:
        print(failure)
    if failures:
        print(f"{len(failures)} include(s) break ARCHITECTURE.md's Layers table")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
