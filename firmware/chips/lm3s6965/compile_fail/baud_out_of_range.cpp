// 12 MHz divided by 16 is at most 750 kBd: 1 MBd would need IBRD = 0.
#include "rivet/lm3s6965/uart.hpp"
using namespace rivet::lm3s6965;
#ifdef RIVET_COMPILE_FAIL
using console = uart::uart<0, 12'000'000, 1'000'000>;
#else
using console = uart::uart<0, 12'000'000, 460'800>;
#endif
static_assert(console::baud_error_ppm < 20'000);
