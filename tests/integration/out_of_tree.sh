# An out-of-tree firmware project (tests/integration/out_of_tree, copied to a
# temporary folder) finds Rivet with find_package, builds, and passes its
# CTest tests, which run the firmware under `rivet run`: one on the bare
# runtime, one on the lm3s6965evb board support (the firmware libraries come
# with find_package). Rivet's own tests do not leak into the project.
source "$(dirname "$0")/lib.sh"
root=$(cd "$(dirname "$0")/../.." && pwd)
cp -r "$root/tests/integration/out_of_tree" "$WORK/project"
cd "$WORK/project" || exit 1
if cmake -S . -B build -G Ninja -DCMAKE_TOOLCHAIN_FILE="$root/cmake/arm-none-eabi.cmake" \
    -DRivet_DIR="$root/cmake" -DRIVET_EXECUTABLE="$RIVET" >"$WORK/configure.log" 2>&1; then
    pass "configure"
else
    fail "configure: $(tail -20 "$WORK/configure.log")"
fi
if cmake --build build >"$WORK/build.log" 2>&1; then pass "build"; else fail "build: $(tail -20 "$WORK/build.log")"; fi
if ctest --test-dir build --output-on-failure >"$WORK/ctest.log" 2>&1; then
    pass "ctest runs the firmware"
else
    fail "ctest: $(cat "$WORK/ctest.log")"
fi
[ -f build/blinky.elf ] && pass "blinky.elf built" || fail "no blinky.elf"
tests=$(ctest --test-dir build -N | awk '/Total Tests:/ {print $3}')
[ "$tests" = 2 ] && pass "only the project's own tests" || fail "$tests tests in the project, expected 2"
[ -f build/blinky.elf.map ] && pass "the linker map beside its ELF" || fail "no build/blinky.elf.map"
ls build/*.map >/dev/null 2>&1 && [ "$(ls build/*.map | wc -l)" = 2 ] &&
    pass "one map per ELF" || fail "maps: $(ls build/*.map 2>&1)"

# A LIBRARIES entry that is no target fails the configure, naming it (a
# typo would otherwise surface at link time as -lrivet_bsp_lm3s6965).
sed -i 's/LIBRARIES rivet_bsp_lm3s6965evb/LIBRARIES rivet_bsp_lm3s6965/' CMakeLists.txt
if cmake -S . -B build-typo -G Ninja -DCMAKE_TOOLCHAIN_FILE="$root/cmake/arm-none-eabi.cmake" \
    -DRivet_DIR="$root/cmake" -DRIVET_EXECUTABLE="$RIVET" >"$WORK/typo.log" 2>&1; then
    fail "a LIBRARIES typo configured"
elif grep -q "rivet_add_firmware(led): LIBRARIES entry 'rivet_bsp_lm3s6965' is not a" "$WORK/typo.log"; then
    pass "a LIBRARIES typo fails the configure, named"
else
    fail "LIBRARIES typo: $(tail -20 "$WORK/typo.log")"
fi
finish
