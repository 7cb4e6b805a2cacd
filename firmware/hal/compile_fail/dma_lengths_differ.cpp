// A copy moves as many elements as the source holds into as many.
#include <cstdint>

#include "rivet/hal/dma.hpp"

rivet::hal::dma::buffer<std::uint32_t, 8> a;
rivet::hal::dma::buffer<std::uint32_t, 8> b;

std::uintptr_t describe() {
    auto source = rivet::hal::dma::take<a>();
    auto destination = rivet::hal::dma::take<b>();
#ifdef RIVET_COMPILE_FAIL
    return rivet::hal::dma::copy(source.part<0, 4>(), destination).destination;
#else
    return rivet::hal::dma::copy(source.part<0, 4>(), destination.part<4, 4>()).destination;
#endif
}
