// EXPECT: COMPILES
// The positive control: the same calls, correctly, compile.
#include "rivet_test.hpp"
#include "rivet_test/uart0.hpp"
void f() {
    rivet_test::UART0.cr().write([](auto& v) { v.div(4000).en(true); });
    (void)rivet_test::UART0.id().read().bits();
    rivet_test::UART0.txd().write([](auto& v) { v.byte(1); });
    rivet_test::UART0.match<3>().write([](auto& v) { v.val(1); });
    rivet_test::UART0.mode().write(
        [](auto& v) { v.mode0(rivet_test::uart0::mode::mode_v::analog); });
}
