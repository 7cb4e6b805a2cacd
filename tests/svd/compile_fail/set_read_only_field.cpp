// EXPECT: has no member named 'busy'|no matching function for call to .*busy
#include "rivet_test.hpp"
void f() { rivet_test::UART0.cr().modify([](auto& v) { v.busy(true); }); }
