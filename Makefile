# The two commands of the README, and the pieces they are made of. Each
# target installs what is missing (scripts/setup.sh) before building.
RIVET := build/host/host/cli/rivet

.PHONY: all setup host firmware fuzz fuzz-long demo test bench sanitize clean

all: firmware

setup:
	@scripts/setup.sh

host: setup
	cmake --preset host
	cmake --build --preset host

firmware: host
	cmake --preset firmware
	cmake --build --preset firmware

# libFuzzer targets, built with clang; `make test` runs each briefly.
fuzz: setup
	cmake --preset fuzz
	cmake --build --preset fuzz

# Every fuzzer for 10 minutes (build/fuzz-long), with a summary per target.
fuzz-long: setup
	cmake --preset fuzz-long
	cmake --build --preset fuzz-long
	scripts/fuzz-long.sh

# Builds everything, then runs examples/hello and examples/logging on the
# emulated LM3S6965. The logging example ends in a failed assertion on
# purpose, which rivet reports with exit code 101. Then the gfx dashboard
# runs with a TMP105 set to 23.5 °C, and its OLED is saved as a PNG.
demo: firmware
	$(RIVET) run build/firmware/examples/hello/hello-lm3s6965evb.elf
	$(RIVET) run build/firmware/examples/logging/logging-lm3s6965evb.elf || test $$? -eq 101
	RIVET_DEMO_PNG="$(CURDIR)/build/dashboard.png" bash tests/integration/dashboard_screendump.sh \
		$(RIVET) build/firmware/examples/lm3s6965evb examples/lm3s6965evb/dashboard.ppm
	@echo "The dashboard on the emulated OLED (4x): $(CURDIR)/build/dashboard.png"

# Host unit tests, a short run of every fuzzer, then the firmware and runner
# tests under QEMU.
test: firmware fuzz
	ctest --preset host
	ctest --preset fuzz
	ctest --preset firmware

# Host tests again under AddressSanitizer and UndefinedBehaviorSanitizer.
sanitize: setup
	cmake --preset sanitize
	cmake --build --preset sanitize
	ctest --preset sanitize

# Measures and rewrites BENCHMARKS.md.
bench: firmware
	bench/run.sh

clean:
	rm -rf build
