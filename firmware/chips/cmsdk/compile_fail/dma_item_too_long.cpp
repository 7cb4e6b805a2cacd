// A PL081 item moves at most 4095 elements (TransferSize is 12 bits).
#include <cstdint>

#include "rivet/cmsdk/dma.hpp"

#ifdef RIVET_COMPILE_FAIL
constexpr std::size_t words = 4096;
#else
constexpr std::size_t words = 4095;
#endif
rivet::hal::dma::buffer<std::uint32_t, words> a;
rivet::hal::dma::buffer<std::uint32_t, words> b;

void copy_all() {
    auto from = rivet::hal::dma::take<a>();
    auto to = rivet::hal::dma::take<b>();
    rivet::cmsdk::dma::controller<0>::channel<0>::transfer(rivet::hal::dma::copy(from, to)).run();
}
