// Panics and failed asserts: the message and location are printed and
// `rivet run` ends with the panic exit code (101). RIVET_TEST_CASE picks one.
#include <rivet/log/log.hpp>

#include <cstdint>

namespace {
volatile int four = 4;
}

int main() {
    RIVET_INFO("before");
    const int x = four;
#if RIVET_TEST_CASE == 0
    RIVET_PANIC("boom {}", x);
#elif RIVET_TEST_CASE == 1
    RIVET_ASSERT(x == 3, "x was {}", x);
#elif RIVET_TEST_CASE == 2
    RIVET_ASSERT_EQ(x, 5);
#elif RIVET_TEST_CASE == 3
    RIVET_ASSERT(x != 4);
#elif RIVET_TEST_CASE == 4
    if (x == 4) RIVET_UNREACHABLE();
#elif RIVET_TEST_CASE == 5
    RIVET_TODO("wire up {}", RIVET_STR("the radio"));
#endif
    RIVET_ASSERT_NE(x, 5);
    RIVET_INFO("not reached");
    return 0;
}
