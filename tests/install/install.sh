# Installation (issue 12): `cmake --install` of this host build into a fresh
# prefix, then a firmware project built against that prefix alone, from a
# copy outside the source tree (tests/integration/out_of_tree), and a host
# project testing a driver against the installed HAL fakes. No file of
# either build may name the source tree. Called as:
#   bash install.sh HOST_BUILD_DIR SOURCE_ROOT
source "$(dirname "$0")/lib.sh"
install_prefix
for file in bin/rivet bin/rivet-fontgen share/rivet/cmake/RivetConfig.cmake \
    share/rivet/cmake/RivetConfigVersion.cmake share/rivet/cmake/arm-none-eabi.cmake \
    share/rivet/firmware/runtime/src/startup.cpp share/rivet/firmware/chips/nrf51/nrf51.facts.svd \
    share/rivet/firmware/hal/fakes/include/rivet/hal/fakes/i2c.hpp \
    share/rivet/boards/microbit/board.json share/rivet/templates/project/CMakeLists.txt.in; do
    [ -e "$prefix/$file" ] || fail "not installed: $file"
done
leaked=$(cd "$prefix/share/rivet" && find . -path '*/test/*' -o -name '*_test.cpp' -o -path '*/compile_fail/*' | head -3)
[ -z "$leaked" ] && pass "no tests installed" || fail "tests installed: $leaked"
"$prefix/bin/rivet" --version >/dev/null && pass "the installed rivet runs" || fail "installed rivet"

# The firmware project, found through CMAKE_PREFIX_PATH as a user's would be.
cp -r "$root/tests/integration/out_of_tree" "$WORK/project"
export PATH="$prefix/bin:$PATH"
if cmake -S "$WORK/project" -B "$WORK/project/build" -G Ninja \
    -DCMAKE_TOOLCHAIN_FILE="$prefix/share/rivet/cmake/arm-none-eabi.cmake" \
    -DCMAKE_PREFIX_PATH="$prefix" >"$WORK/configure.log" 2>&1; then
    pass "find_package(Rivet) from the prefix"
else
    fail "configure: $(tail -20 "$WORK/configure.log")"
fi
if cmake --build "$WORK/project/build" >"$WORK/build.log" 2>&1; then
    pass "firmware built against the prefix"
else
    fail "build: $(tail -20 "$WORK/build.log")"
fi
if ctest --test-dir "$WORK/project/build" --output-on-failure >"$WORK/ctest.log" 2>&1; then
    pass "its tests run the firmware with the installed rivet"
else
    fail "ctest: $(tail -30 "$WORK/ctest.log")"
fi
grep -q "RIVET_EXECUTABLE:FILEPATH=$prefix/bin/rivet" "$WORK/project/build/CMakeCache.txt" &&
    pass "RIVET_EXECUTABLE is the installed rivet" ||
    fail "RIVET_EXECUTABLE: $(grep RIVET_EXECUTABLE "$WORK/project/build/CMakeCache.txt")"

# A host project: a driver's unit test on the installed HAL fakes.
cp -r "$root/tests/install/driver_test" "$WORK/driver_test"
if cmake -S "$WORK/driver_test" -B "$WORK/driver_test/build" -G Ninja \
    -DCMAKE_PREFIX_PATH="$prefix" >"$WORK/host.log" 2>&1 &&
    cmake --build "$WORK/driver_test/build" >>"$WORK/host.log" 2>&1 &&
    "$WORK/driver_test/build/driver_test" >>"$WORK/host.log" 2>&1; then
    pass "a host test links rivet_hal_fakes from the prefix"
else
    fail "host project: $(tail -20 "$WORK/host.log")"
fi

# Nothing points back into the source tree (text files: the build files,
# the package; debug info in the tools names where they were compiled).
for dir in "$WORK/project/build" "$WORK/driver_test/build" "$prefix"; do
    found=$(grep -rlIF "$root" "$dir" 2>/dev/null | head -3)
    [ -z "$found" ] && pass "no path into $root in ${dir#"$WORK"/}" ||
        fail "${dir#"$WORK"/} names the source tree: $found"
done

finish
