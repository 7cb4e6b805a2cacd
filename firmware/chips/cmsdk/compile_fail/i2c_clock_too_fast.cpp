// The bit-banged SBCon bus runs standard or fast mode: 1 MHz is refused.
#include "rivet/cmsdk/i2c.hpp"
using namespace rivet::cmsdk;
#ifdef RIVET_COMPILE_FAIL
using bus = i2c::sbcon<3, 25'000'000, 1'000'000>;
#else
using bus = i2c::sbcon<3, 25'000'000, 400'000>;
#endif
void probe() {
    auto b = bus::configure();
    (void)rivet::hal::i2c::probe(b, rivet::hal::i2c::address{0x48});
}
