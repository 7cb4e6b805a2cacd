// 25 MHz with the minimum BAUDDIV of 16 makes at most 1.5625 MBd: 2 MBd
// would need BAUDDIV 12.
#include "rivet/cmsdk/uart.hpp"
using namespace rivet::cmsdk;
#ifdef RIVET_COMPILE_FAIL
using console = uart::uart<0, 25'000'000, 2'000'000>;
#else
using console = uart::uart<0, 25'000'000, 1'500'000>;
#endif
static_assert(console::bauddiv >= 16);
