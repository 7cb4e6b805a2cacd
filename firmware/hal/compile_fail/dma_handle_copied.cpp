// A buffer has one owner: its handle cannot be copied.
#include <cstdint>

#include "rivet/hal/dma.hpp"

rivet::hal::dma::buffer<std::uint8_t, 16> bytes;

std::uint8_t copy_handle() {
    auto first = rivet::hal::dma::take<bytes>();
#ifdef RIVET_COMPILE_FAIL
    auto second = first;
#else
    auto second = std::move(first);
#endif
    return second[0];
}
