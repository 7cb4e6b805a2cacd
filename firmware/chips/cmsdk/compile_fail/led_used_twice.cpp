// Two names for LED0 handed out together must not build.
#include "rivet/cmsdk/fpgaio.hpp"
#include "rivet/cmsdk/uart.hpp"
#include "rivet/hal/pins.hpp"
using namespace rivet::cmsdk;
using status = fpgaio::led<0>;
#ifdef RIVET_COMPILE_FAIL
using activity = fpgaio::led<0>;
#else
using activity = fpgaio::led<1>;
#endif
void take_them() {
    auto [console, a, b] = rivet::hal::take<uart::uart<0, 25'000'000, 115200>, status, activity>();
    (void)console;
    (void)a;
    (void)b;
}
