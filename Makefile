# cq: the two commands of the README, each installing what a fresh machine lacks.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
MISSION := pipelines("gh/org/repo") | where state == "failed" | jobs

.PHONY: demo repl test deps build bench jq man completions

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

## man: write the manual page .build/man/man1/cq.1 from cq's own help (man -l .build/man/man1/cq.1).
man: deps
	$(SWIFT) build --product cq
	mkdir -p .build/man/man1
	$$($(SWIFT) build --show-bin-path)/cq --generate-manual > .build/man/man1/cq.1

## completions: write the bash, zsh and fish completion scripts to .build/completions.
completions: deps
	$(SWIFT) build --product cq
	mkdir -p .build/completions
	for shell in bash zsh fish; do $$($(SWIFT) build --show-bin-path)/cq --generate-completion-script $$shell > .build/completions/cq.$$shell; done

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
