// 12 MHz cannot make 115200 Bd within 0.05 %: the divisor rounds to 417/64,
// which gives 115108 Bd (0.08 % slow).
#include "rivet/lm3s6965/uart.hpp"
using namespace rivet::lm3s6965;
#ifdef RIVET_COMPILE_FAIL
using console = uart::uart<0, 12'000'000, 115'200, 500>;
#else
using console = uart::uart<0, 12'000'000, 115'200, 1'000>;
#endif
static_assert(console::baud_error_ppm > 0);
