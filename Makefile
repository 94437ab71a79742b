# The front door. `make run` and `make test` set up what is missing, build, then run or test.
.PHONY: setup build server web run test test-unit test-node bench clean fuzz

JOBS ?= 2
BUILD_DIR ?= build

setup:
	@scripts/setup.sh

server:
	@cmake --preset dev >/dev/null
	@cmake --build --preset dev -j$(JOBS)

web:
	@if [ -f web/package.json ]; then cd web && npm run --silent build; fi

build: setup server web

run: build
	@mkdir -p data
	$(BUILD_DIR)/mockmate serve

test: build
	@scripts/test.sh

# libFuzzer targets (server/fuzz) in build-fuzz with clang, each for SECONDS seconds.
SECONDS ?= 60
fuzz:
	@SECONDS_PER_TARGET=$(SECONDS) scripts/fuzz.sh

bench: build
	@bench/run.sh

clean:
	rm -rf build build-release build-asan web/dist
