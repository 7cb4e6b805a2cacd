// EXPECT: write|constraints not satisfied|no matching
#include "rivet_test.hpp"
void f() { rivet_test::UART0.id().write(rivet_test::uart0::id::value{}); }
