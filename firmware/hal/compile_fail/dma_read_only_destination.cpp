// A DMA destination must be writable.
#include <cstdint>

#include "rivet/hal/dma.hpp"

rivet::hal::dma::buffer<std::uint16_t, 4> a;
rivet::hal::dma::buffer<std::uint16_t, 4> b;

std::uintptr_t describe() {
    auto source = rivet::hal::dma::take<a>();
    auto destination = rivet::hal::dma::take<b>();
#ifdef RIVET_COMPILE_FAIL
    const auto& target = destination;
#else
    auto& target = destination;
#endif
    return rivet::hal::dma::copy(source, target).destination;
}
