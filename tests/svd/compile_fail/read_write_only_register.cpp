// EXPECT: no matching function for call to .*reg<rivet_test::uart0::txd::value>::read\(\)
#include "rivet_test.hpp"
#include "rivet_test/uart0.hpp"
unsigned f() {
    return rivet_test::UART0.txd().read().bits();
}
