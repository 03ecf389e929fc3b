#!/usr/bin/env python3
"""Rewrites the README's builtin reference from the registry (`cq help --markdown`).

    swift build && python3 Scripts/update-readme-reference.py
"""
import os
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
START, END = "<!-- builtins:start -->", "<!-- builtins:end -->"

reference = subprocess.run(
    [os.path.join(ROOT, ".build/debug/cq"), "help", "--markdown"], capture_output=True, text=True, check=True
).stdout.strip()
path = os.path.join(ROOT, "README.md")
text = open(path).read()
head, rest = text.split(START, 1)
_, tail = rest.split(END, 1)
open(path, "w").write(head + START + "\n" + reference + "\n" + END + tail)
