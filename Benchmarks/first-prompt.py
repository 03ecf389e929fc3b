#!/usr/bin/env python3
"""Time from starting `cq --demo` on a pseudo-terminal to its first prompt.

Budget: 150 ms. Prints the median and worst of 20 runs, with an empty history
and with a full one (1000 entries). Uses the release build when present.
"""
import os
import statistics
import sys
import tempfile
import time

import pexpect

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = next(
    (path for path in (os.path.join(ROOT, ".build/release/cq"), os.path.join(ROOT, ".build/debug/cq")) if os.path.exists(path)),
    None,
)


def first_prompt(home, runs=20):
    samples = []
    environment = dict(os.environ, HOME=home, XDG_STATE_HOME=home + "/state", XDG_CACHE_HOME=home + "/cache",
                       TERM="xterm-256color", NO_COLOR="1")
    for _ in range(runs):
        start = time.perf_counter()
        child = pexpect.spawn(BINARY, ["--demo"], env=environment, dimensions=(40, 120))
        child.expect_exact("cq> ", timeout=10)
        samples.append((time.perf_counter() - start) * 1000)
        child.sendcontrol("d")
        child.expect(pexpect.EOF, timeout=10)
    return statistics.median(samples), max(samples)


def main():
    if BINARY is None:
        sys.exit("build cq first (swift build -c release)")
    print(f"== Time to first prompt ({os.path.relpath(BINARY, ROOT)}, budget 150 ms) ==")
    with tempfile.TemporaryDirectory() as home:
        median, worst = first_prompt(home)
        print(f"empty history        median {median:6.1f} ms   worst {worst:6.1f} ms")
        os.makedirs(home + "/state/cq", exist_ok=True)
        with open(home + "/state/cq/history", "w") as history:
            history.write("_HiStOrY_V2_\n")
            for index in range(1000):
                history.write(f"pipelines(\"gh/acme/api\")\\040|\\040take\\040{index}\n")
        median, worst = first_prompt(home)
        print(f"1000-entry history   median {median:6.1f} ms   worst {worst:6.1f} ms")


if __name__ == "__main__":
    main()
