// EXPECT: include the peripheral's header <device>/<block>\.hpp
// The device header places every register but declares no fields: reading
// one needs the peripheral's header, and the error says which to include.
#include "rivet_test.hpp"

int main() {
    return rivet_test::UART0.cr().read().en() ? 1 : 0;
}
