// A run-time value cannot become an address unchecked: it has to go
// through address::from_bits().
#include <cstdint>

#include "rivet/hal/i2c.hpp"

using rivet::hal::i2c::address;

int main(int argc, char**) {
    const auto bits = static_cast<std::uint8_t>(argc);
#ifdef RIVET_COMPILE_FAIL
    const address target{bits};
    return target.bits();
#else
    const auto target = address::from_bits(bits);
    return target ? target->bits() : 0;
#endif
}
