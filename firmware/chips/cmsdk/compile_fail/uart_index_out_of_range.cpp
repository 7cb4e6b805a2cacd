// The AN385 image has five UARTs; there is no UART5.
#include "rivet/cmsdk/uart.hpp"
using namespace rivet::cmsdk;
#ifdef RIVET_COMPILE_FAIL
using extra = uart::uart<5, 25'000'000, 115200>;
#else
using extra = uart::uart<4, 25'000'000, 115200>;
#endif
static_assert(extra::bauddiv == 217);
