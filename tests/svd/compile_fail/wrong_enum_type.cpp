// EXPECT: no matching function for call to .*value::mode0
#include "rivet_test.hpp"
#include "rivet_test/uart0.hpp"
void f() {
    rivet_test::UART0.mode().write([](auto& v) { v.mode0(rivet_test::uart0::cr::parity_v::odd); });
}
