// EXPECT: no matching function for call to .*reg<rivet_test::uart0::id::value>::write
#include "rivet_test.hpp"
#include "rivet_test/uart0.hpp"
void f() {
    rivet_test::UART0.id().write(rivet_test::uart0::id::value{});
}
