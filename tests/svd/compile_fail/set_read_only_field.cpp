// EXPECT: no matching function for call to .*value::busy\(bool\)
#include "rivet_test.hpp"
#include "rivet_test/uart0.hpp"
void f() {
    rivet_test::UART0.cr().modify([](auto& v) { v.busy(true); });
}
