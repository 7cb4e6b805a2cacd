// A 7-bit address constant above 0x7f (often an 8-bit address with the R/W
// bit) is refused when compiled.
#include "rivet/hal/i2c.hpp"

using rivet::hal::i2c::address;

#ifdef RIVET_COMPILE_FAIL
constexpr address sensor{0x90};
#else
constexpr address sensor{0x48};
#endif

int main() {
    return sensor.bits() == 0x48 ? 0 : 1;
}
