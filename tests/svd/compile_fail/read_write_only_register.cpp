// EXPECT: read|constraints not satisfied|no matching
#include "rivet_test.hpp"
unsigned f() { return rivet_test::UART0.txd().read().bits(); }
