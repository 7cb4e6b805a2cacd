// A part of a buffer lies inside it.
#include <cstdint>

#include "rivet/hal/dma.hpp"

rivet::hal::dma::buffer<std::uint8_t, 8> a;

std::uintptr_t tail_address() {
    auto bytes = rivet::hal::dma::take<a>();
#ifdef RIVET_COMPILE_FAIL
    return bytes.part<6, 4>().address();
#else
    return bytes.part<6, 2>().address();
#endif
}
