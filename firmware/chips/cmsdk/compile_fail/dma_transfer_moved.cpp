// A transfer holds its linked list, which the controller reads while it
// runs: it cannot be copied or moved.
#include <cstdint>
#include <utility>

#include "rivet/cmsdk/dma.hpp"

rivet::hal::dma::buffer<std::uint32_t, 8> a;
rivet::hal::dma::buffer<std::uint32_t, 8> b;

void gather() {
    auto from = rivet::hal::dma::take<a>();
    auto to = rivet::hal::dma::take<b>();
    using channel = rivet::cmsdk::dma::controller<0>::channel<1>;
    channel::transfer first(rivet::hal::dma::copy(from.part<0, 4>(), to.part<4, 4>()),
                            rivet::hal::dma::copy(from.part<4, 4>(), to.part<0, 4>()));
#ifdef RIVET_COMPILE_FAIL
    auto moved = std::move(first);
    moved.run();
#else
    first.run();
#endif
}
