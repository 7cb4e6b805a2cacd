// 25 MHz / 1 MBd is BAUDDIV 25 exactly, but 960 kBd rounds to BAUDDIV 26,
// 961538 Bd: 0.16 % off, more than the 0.1 % asked for.
#include "rivet/cmsdk/uart.hpp"
using namespace rivet::cmsdk;
#ifdef RIVET_COMPILE_FAIL
using link = uart::uart<1, 25'000'000, 960'000, 1'000>;
#else
using link = uart::uart<1, 25'000'000, 1'000'000, 1'000>;
#endif
static_assert(link::baud_error_ppm <= 1'000);
