// EXPECT: match: index out of range
#include "rivet_test.hpp"
#include "rivet_test/uart0.hpp"
void f() {
    rivet_test::UART0.match<4>().write([](auto& v) { v.val(1); });
}
