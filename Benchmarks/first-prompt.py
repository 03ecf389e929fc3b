#!/usr/bin/env python3
"""Time from starting `cq` on a pseudo-terminal to its first prompt.

Budget: 150 ms. Prints the median and worst of 20 runs, for `cq --demo` with
an empty history and with a full one (1000 entries), and for `cq` against the
real API host (no network is touched before the prompt). Uses the release
build when present. The pseudo-terminal is driven directly (pty.fork + select),
so the figures include process start-up but no driver overhead.
"""
import os
import pty
import select
import signal
import statistics
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = next(
    (path for path in (os.path.join(ROOT, ".build/release/cq"), os.path.join(ROOT, ".build/debug/cq")) if os.path.exists(path)),
    None,
)


def time_to_prompt(arguments, environment):
    start = time.perf_counter()
    pid, master = pty.fork()
    if pid == 0:
        os.execve(BINARY, [BINARY] + arguments, environment)
    seen = b""
    try:
        while b"cq> " not in seen and b"> " not in seen[-40:]:
            ready, _, _ = select.select([master], [], [], 10)
            if not ready:
                raise TimeoutError("no prompt within 10 s")
            seen += os.read(master, 4096)
        return (time.perf_counter() - start) * 1000
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(master)


def measure(label, arguments, environment, runs=20):
    samples = sorted(time_to_prompt(arguments, environment) for _ in range(runs))
    print(f"{label:<34} median {statistics.median(samples):6.1f} ms   worst {samples[-1]:6.1f} ms")


def main():
    if BINARY is None:
        sys.exit("build cq first (swift build -c release)")
    print(f"== Time to first prompt ({os.path.relpath(BINARY, ROOT)}, budget 150 ms) ==")
    with tempfile.TemporaryDirectory() as home:
        environment = dict(os.environ, HOME=home, XDG_STATE_HOME=home + "/state", XDG_CACHE_HOME=home + "/cache",
                           TERM="xterm-256color", NO_COLOR="1")
        environment.pop("CIRCLECI_TOKEN", None)
        environment.pop("CIRCLE_TOKEN", None)
        measure("cq --demo, empty history", ["--demo"], environment)
        os.makedirs(home + "/state/cq", exist_ok=True)
        with open(home + "/state/cq/history", "w") as history:
            history.write("_HiStOrY_V2_\n")
            for index in range(1000):
                history.write(f"pipelines(\"gh/acme/api\")\\040|\\040take\\040{index}\n")
        measure("cq --demo, 1000-entry history", ["--demo"], environment)
        measure("cq (real host, no token)", [], environment)


if __name__ == "__main__":
    main()
