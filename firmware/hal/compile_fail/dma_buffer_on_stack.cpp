// A DMA buffer must outlive any transfer: only one of static storage
// duration can be taken.
#include <cstdint>

#include "rivet/hal/dma.hpp"

rivet::hal::dma::buffer<std::uint32_t, 8> kept;

std::uint32_t first_word() {
#ifdef RIVET_COMPILE_FAIL
    rivet::hal::dma::buffer<std::uint32_t, 8> local;
    auto words = rivet::hal::dma::take<local>();
#else
    auto words = rivet::hal::dma::take<kept>();
#endif
    return words[0];
}
