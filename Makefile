# cq: the two commands of the README, each installing what a fresh machine lacks.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
MISSION := pipelines("gh/org/repo") | where state == "failed" | jobs

.PHONY: demo repl test deps build bench jq

## demo: run the mission's example against the built-in demo organisation.
demo: deps
	$(SWIFT) run cq --demo -e '$(MISSION)'

## repl: explore the demo organisation interactively.
repl: deps
	$(SWIFT) run cq --demo

## test: build everything and run the whole test suite.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

## bench: print performance figures (requests, latency, evaluator throughput,
## local data beside jq with the release cq binary, the JSON layer).
bench: deps jq
	$(SWIFT) build -c release --product cq
	$(SWIFT) run -c release CQBench
	python3 Benchmarks/first-prompt.py

## jq: install jq when missing (the local-data benchmark runs it beside cq).
jq:
	@if ! command -v jq >/dev/null 2>&1; then \
		echo "Installing jq (the local-data benchmark compares cq with it)..."; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq jq; \
	fi

## deps: install libedit's and SQLite's headers and pkg-config when missing (Debian/Ubuntu).
deps:
	@if ! pkg-config --exists libedit sqlite3 2>/dev/null; then \
		echo "Installing libedit-dev, libsqlite3-dev and pkg-config (the REPL and the response cache)..."; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libedit-dev libsqlite3-dev pkg-config; \
	fi
