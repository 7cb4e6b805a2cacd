# The two commands of the README, and the pieces they are made of. Each
# target installs what is missing (scripts/setup.sh) before building.
RIVET := build/bin/rivet

.PHONY: all setup host firmware fuzz fuzz-long demo test bench sanitize install package clean

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

# Builds only what it runs, in build/demo and quickly (rivet unoptimised and
# without debug information, each module compiled as one unit; then four
# firmwares for the emulated LM3S6965), then shows hello, deferred logging, a
# fault report with its backtrace and the gfx dashboard on the OLED, saved as
# a PNG (scripts/demo.sh says what each step shows and what to try next).
DEMO_FIRMWARE := hello-lm3s6965evb logging-lm3s6965evb fault-lm3s6965evb lm3s6965evb-dashboard
demo: setup
	cmake --preset demo-host
	cmake --build --preset demo-host --target rivet rivet-fontgen
	cmake --preset demo-firmware
	cmake --build --preset demo-firmware --target $(DEMO_FIRMWARE)
	scripts/demo.sh build/demo/bin/rivet build/demo/firmware

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

# rivet, its CMake package, the firmware libraries, chip data, boards and
# project templates into PREFIX (docs/guide/install.md).
PREFIX ?= /usr/local
install: setup
	cmake --preset host
	cmake --build --preset host --target rivet rivet-fontgen
	cmake --install build/host --prefix "$(abspath $(PREFIX))"

# The same files as a Debian package: build/package/rivet_<version>_<arch>.deb.
package: setup
	cmake --preset host
	cmake --build --preset host --target rivet rivet-fontgen
	cd build/host && cpack --config CPackConfig.cmake -B ../package

# Measures and rewrites BENCHMARKS.md.
bench: firmware
	bench/run.sh

clean:
	rm -rf build
