// The tick rate chosen when building must be 1 Hz to 1 MHz.
#ifdef RIVET_COMPILE_FAIL
#define RIVET_ASYNC_TICK_HZ 2000000
#endif
#include "rivet/async/time.hpp"

rivet::async::clock::time_point later() {
    return rivet::async::clock::now();
}
