"""What scripts/make-rule-catalog and scripts/make-key-docs share: a man page rendered as
plain text with one line per paragraph, and text written as a C++ string literal."""
import os
import re
import subprocess


def render_man(source):
    """`source` (troff text) as groff renders it for a terminal of unbounded width: one
    line per paragraph, no hyphenation, no adjustment. Needs groff (Debian's groff-base)."""
    return subprocess.run(["groff", "-man", "-Tutf8", "-P-cbou", "-rLL=100000n", "-rHY=0", "-dAD=l"],
                          input=source.encode("utf-8"), check=True, capture_output=True,
                          env={**os.environ, "LC_ALL": "C.UTF-8"}).stdout.decode("utf-8")


def cpp_string(text):
    """A C++ string literal of `text`, split at spaces into pieces of about 96 columns."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    pieces, line = [], ""
    for word in re.split(r"(?<= )", escaped):
        if len(line) + len(word) > 96 and line:
            pieces.append(line)
            line = ""
        line += word
    pieces.append(line)
    return "\n     ".join(f'"{p}"' for p in pieces)
