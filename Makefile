# Thin front over CMake: the commands people type.
BUILD ?= build
ASAN_BUILD ?= build-asan
TSAN_BUILD ?= build-tsan
FUZZ_BUILD ?= build-fuzz
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
FUZZ_SECONDS ?= 20

.PHONY: all deps build demo check test asan tsan bench fuzz format clean

all: build

deps:
	@sh tools/install-deps.sh

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release -DDYAD_WERROR=ON >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

# Code the bundled example with the built-in dictionaries.
demo: build
	./$(BUILD)/dyad code --date 2014-09-11 examples/kerry-iran.txt

# Every test, then again under AddressSanitizer and UBSan, then the
# --threads test under ThreadSanitizer.
check: test asan tsan

test: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

asan: deps
	@cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDYAD_SANITIZE=ON \
		-DDYAD_WERROR=ON >/dev/null
	@cmake --build $(ASAN_BUILD) -j $(JOBS)
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
		ctest --test-dir $(ASAN_BUILD) --output-on-failure -j $(JOBS)

tsan: deps
	@cmake -S . -B $(TSAN_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDYAD_TSAN=ON \
		-DDYAD_WERROR=ON >/dev/null
	@cmake --build $(TSAN_BUILD) -j $(JOBS) --target dyad
	@if ./$(TSAN_BUILD)/dyad --version >/dev/null 2>&1; then \
		TSAN_OPTIONS=halt_on_error=1 ctest --test-dir $(TSAN_BUILD) --output-on-failure \
			-R '^cli/threads$$'; \
	else \
		echo "tsan: a ThreadSanitizer binary does not start on this kernel: the --threads test"; \
		echo "tsan: ran only in the normal and ASan builds"; \
	fi

bench: build
	sh bench/bench.sh ./$(BUILD)/dyad

# Run each libFuzzer target briefly (FUZZ_SECONDS each), growing tests/corpus.
fuzz: deps
	@CC=clang cmake -S . -B $(FUZZ_BUILD) -DDYAD_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(FUZZ_BUILD) -j $(JOBS)
	sh tests/fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SECONDS)

format:
	clang-format -i include/*.h src/*/*.[ch] cli/*.[ch] tests/unit/*.c tests/fuzz/*.c tools/*.c

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(TSAN_BUILD) $(FUZZ_BUILD)

# Train the tagger and parser on UD English EWT (../shared) into data/model/,
# and score the model on EWT test (gold tokens, then raw text).
.PHONY: model eval-parse
model: build
	./$(BUILD)/dyad train --out data/model/dyad-en.model
eval-parse: build
	./$(BUILD)/dyad eval-parse $${DYAD_SHARED:-../shared}/data/ud-english-ewt/en_ewt-ud-test.conllu
