// What `rivet test` counts besides a case's own work (bench/testing/run.sh):
// an empty case in a firmware without setup or teardown, and a case with one
// assertion that holds, whose difference is the assertion's cost.
#include <rivet/testing/test.hpp>

namespace {
volatile int two = 2;
}  // namespace

RIVET_TEST(empty) {}

RIVET_TEST(one_assertion) {
    RIVET_ASSERT_EQ(two, 2);
}
