// EXPECT: field_value_out_of_range
#include "rivet_test.hpp"
#include "rivet_test/uart0.hpp"
void f() {
    rivet_test::UART0.cr().write([](auto& v) { v.div(4001); });
}  // writeConstraint max 4000
