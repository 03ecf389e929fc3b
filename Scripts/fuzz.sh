#!/usr/bin/env bash
# Coverage-guided fuzzing of cq with libFuzzer: every part that reads query text
# (lexer, parser, checker, planner, formatter, evaluation against the in-process
# simulator, rendering) through Sources/CQFuzzing.
#
#   Scripts/fuzz.sh [RUNS] [extra libFuzzer flags…]     (default 100000 runs)
#
# Inputs that crash or break an invariant are written to Fuzz/crashers/; replay
# one with `swift run cq-fuzz Fuzz/crashers/FILE`. Build products go to
# .build-fuzz/ (instrumented, unfit for anything else).
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${1:-100000}"
shift || true

swift build -c release --scratch-path .build-fuzz --product cq-fuzz \
    -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING -Xswiftc -use-ld=lld

# The seed corpus: every example, grammar example and corpus case, one file each.
corpus=.build-fuzz/corpus
mkdir -p "$corpus" Fuzz/crashers
cp Grammar/examples/*.cq Examples/*.cq "$corpus"/ 2>/dev/null || true
python3 - "$corpus" <<'PY'
import pathlib, sys
out = pathlib.Path(sys.argv[1])
for path in pathlib.Path("Tests/CQTests/Corpus").glob("*.cq"):
    case, lines = None, []
    for line in path.read_text().splitlines() + ["# case: end"]:
        if line.startswith("# case: "):
            if case is not None and lines:
                (out / f"{path.stem}-{abs(hash(case)) % 10**8}.cq").write_text("\n".join(lines))
            case, lines = line, []
        elif not line.startswith("# expect"):
            lines.append(line)
PY

# libFuzzer, not Swift's backtracer, must handle a crash: it saves the input.
export SWIFT_BACKTRACE=enable=no
exec .build-fuzz/release/cq-fuzz "$corpus" -dict=Fuzz/cq.dict -runs="$runs" -max_len=400 -timeout=20 \
    -rss_limit_mb=4096 -artifact_prefix=Fuzz/crashers/ -print_final_stats=1 "$@"
