# lead-intake: `make run` and `make test` do all the set-up on a fresh Debian machine.
SWIFT ?= swift
RUN_ARGS ?= --demo

.PHONY: all deps build build-debug run test parsers-test clean

all: build

deps:
	@./deploy/install-system-packages.sh

build: deps
	$(SWIFT) build -c release --product lead-intake

build-debug: deps
	$(SWIFT) build

# Starts the gateway on its embedded PostgreSQL (./.lead-intake): SMTP 127.0.0.1:2525,
# HTTP 127.0.0.1:8080, and a `demo` builder. Ctrl-C stops it and the cluster.
run: build
	"$$($(SWIFT) build -c release --show-bin-path)/lead-intake" serve $(RUN_ARGS)

# Builds (debug), checks every parser spec against its fixtures, and runs every test: the
# suites without a server, then the integration suites against a throwaway PostgreSQL on a
# private port (Tests/run-tests.sh: why two runs, and the time limit). The end-to-end tests
# start the built lead-intake binary as a real process.
test: deps
	$(SWIFT) build --build-tests
	"$$($(SWIFT) build --show-bin-path)/lead-intake" parsers test --parsers parsers
	LEAD_INTAKE_BIN="$$($(SWIFT) build --show-bin-path)/lead-intake" SWIFT=$(SWIFT) ./Tests/run-tests.sh

# Runs the parser specs against their fixtures (pass/fail table); SPECS=houzz,zillow for some.
parsers-test: build-debug
	"$$($(SWIFT) build --show-bin-path)/lead-intake" parsers test --parsers parsers $(if $(SPECS),--only $(SPECS))

clean:
	rm -rf .build

.PHONY: bench-mime fuzz-mime fuzz-extraction

# MIME engine throughput beside Python's email and fast-mail-parser, and the 25 MB memory
# probe (release build, then ~1.5 min; see BENCHMARKS.md). BENCH_ARGS="--no-peers" for ours only.
bench-mime:
	@python3 -c "import fast_mail_parser" 2>/dev/null || python3 -m pip install --quiet fast-mail-parser
	$(SWIFT) run -c release mime-bench $(BENCH_ARGS)

# libFuzzer + ASan over MIMEMessage.parse for FUZZ_SECONDS (default 600); reproducers go to
# Fuzz/findings/ (see Fuzz/README.md).
FUZZ_SECONDS ?= 600
fuzz-mime:
	./Fuzz/run-mime-fuzzer.sh $(FUZZ_SECONDS)

# libFuzzer + ASan over lead extraction (MIME parse, LeadExtractor with parsers/, outcome
# JSON) for FUZZ_SECONDS; artifacts go to $(FUZZ_WORK or Fuzz/work)/artifacts-extraction/.
fuzz-extraction:
	./Fuzz/run-fuzzer.sh extraction $(FUZZ_SECONDS)

.PHONY: bench-smtp

# SMTP intake load (issue 4): lead-intake `serve --workers 0` beside the aiosmtpd + psycopg
# peer, on a throwaway PostgreSQL, at concurrency 1/8/64, 1 and 10 messages per connection,
# a paced 500 msg/s cell and the 500-idle-connection RSS probe (release build, then ~3 min;
# see BENCHMARKS.md). BENCH_ARGS="--servers ours,nogc,peer" adds ours without group commit.
bench-smtp: deps
	@python3 -c "import aiosmtpd, psycopg" 2>/dev/null || python3 -m pip install --quiet aiosmtpd 'psycopg[binary]'
	$(SWIFT) build -c release --product lead-intake
	$(SWIFT) build -c release --product smtp-bench
	"$$($(SWIFT) build -c release --show-bin-path)/smtp-bench" $(BENCH_ARGS)

.PHONY: bench-extraction bench-dedup bench-identity

# Lead classification + extraction time beside MIME parsing over the fixture corpus (issue 5).
bench-extraction:
	$(SWIFT) build -c release --product extraction-bench
	"$$($(SWIFT) build -c release --show-bin-path)/extraction-bench" $(BENCH_ARGS)

# Deduplication quality on seeded lead records, beside the naive email-or-phone rule (issue 6).
bench-dedup:
	$(SWIFT) build -c release --product dedup-bench
	"$$($(SWIFT) build -c release --show-bin-path)/dedup-bench" $(BENCH_ARGS)

# CSV import throughput and per-lead matching time at 10,000 vs 1,000,000 leads, on a
# throwaway PostgreSQL (issue 6; ~6 min).
bench-identity: deps
	$(SWIFT) build -c release --product identity-bench
	./Tests/with-test-postgres.sh "$$($(SWIFT) build -c release --show-bin-path)/identity-bench" $(BENCH_ARGS)
