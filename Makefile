# The front door. `make run` and `make test` set up what is missing, build, then run or test.
# Every target works in $(BUILD_DIR) (default build/); the ASan and fuzz trees sit beside it, in
# $(BUILD_DIR)-asan and $(BUILD_DIR)-fuzz. docs/testing.md says what each test target runs.
.PHONY: setup build server web run test check test-unit bench clean fuzz

JOBS ?= 2
BUILD_DIR ?= build
# What the scripts and the Node suites read to find the binaries.
TEST_ENV = BUILD_DIR=$(BUILD_DIR) MOCKMATE_BUILD_DIR=$(BUILD_DIR) ASAN_BUILD_DIR=$(BUILD_DIR)-asan \
  FUZZ_BUILD_DIR=$(BUILD_DIR)-fuzz

setup:
	@scripts/setup.sh

# The dev preset's settings (CMakePresets.json), in $(BUILD_DIR).
server:
	@cmake --preset dev -B $(BUILD_DIR) >/dev/null
	@cmake --build $(BUILD_DIR) -j$(JOBS)

web:
	@if [ -f web/package.json ]; then cd web && npm run --silent build; fi

build: setup server web

run: build
	@mkdir -p data
	$(BUILD_DIR)/mockmate serve

# Every suite; ends with "N passed, N failed". SUITES="..." picks some (scripts/test.sh).
test: build
	@$(TEST_ENV) scripts/test.sh

# The inner loop, a few minutes: the unit tests and the black-box integration suite.
check: setup server
	@$(TEST_ENV) SUITES="unit integration" scripts/test.sh

# The unit tests alone (GoogleTest and the layer check, through CTest).
test-unit: setup server
	@$(TEST_ENV) SUITES=unit scripts/test.sh

# libFuzzer targets (server/fuzz) in $(BUILD_DIR)-fuzz with clang, each for SECONDS seconds.
SECONDS ?= 60
fuzz:
	@FUZZ_BUILD_DIR=$(BUILD_DIR)-fuzz SECONDS_PER_TARGET=$(SECONDS) scripts/fuzz.sh

bench: build
	@BUILD_DIR=$(BUILD_DIR) bench/run.sh

clean:
	rm -rf $(BUILD_DIR) $(BUILD_DIR)-asan $(BUILD_DIR)-fuzz build-release web/dist
