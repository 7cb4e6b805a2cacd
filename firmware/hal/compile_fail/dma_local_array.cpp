// A transfer takes buffer handles only, never a local array that could go
// out of scope while the DMA writes it.
#include <array>
#include <cstdint>

#include "rivet/hal/dma.hpp"

rivet::hal::dma::buffer<std::uint32_t, 4> from;
rivet::hal::dma::buffer<std::uint32_t, 4> to;

std::uintptr_t describe() {
    auto source = rivet::hal::dma::take<from>();
#ifdef RIVET_COMPILE_FAIL
    std::array<std::uint32_t, 4> destination{};
#else
    auto destination = rivet::hal::dma::take<to>();
#endif
    return rivet::hal::dma::copy(source, destination).destination;
}
