// A 4 KiB memory copy four ways on the MPS2 AN505 (bench/dma/run.sh counts
// the instructions the core executes in each bench_begin() .. bench_end()
// stretch, in this order): the PL081 DMA started and waited for (blocking),
// newlib's memcpy, a loop of word copies, and a task awaiting the DMA
// transfer (start, the controller's interrupt and its handler). The DMA
// moves the data itself, so its stretches count only the core's part.
#include <rivet/async/dma/pl081.hpp>
#include <rivet/async/executor.hpp>
#include <rivet/async/task.hpp>
#include <rivet/bsp/mps2_an505.hpp>
#include <rivet/cortex_m/interrupts.hpp>
#include <rivet/hal/dma.hpp>

#include <cstdint>
#include <cstring>

#include "../hal/markers.hpp"

namespace board = rivet::bsp::mps2_an505;
namespace dma = rivet::hal::dma;
using dma1 = rivet::async::dma::pl081<1>;

namespace {

constexpr std::size_t words = 1024;
dma::buffer<std::uint32_t, words> source_buffer;
dma::buffer<std::uint32_t, words> destination_buffer;
volatile std::uint32_t sink;

[[gnu::noinline]] void word_loop(const std::uint32_t* from, std::uint32_t* to) {
    for (std::size_t i = 0; i < words; ++i) {
        // volatile: GCC would turn a plain loop into a call to memcpy.
        static_cast<volatile std::uint32_t*>(to)[i] = from[i];
    }
}

rivet::task<void, rivet::frames<"awaiter", 192>> awaiter(dma::owned<std::uint32_t, words>& from,
                                                         dma::owned<std::uint32_t, words>& to) {
    bench_begin();
    co_await dma1::transfer<0>(dma::copy(from, to));
    sink = static_cast<std::uint32_t>(bench_end());
}

}  // namespace

RIVET_BIND_INTERRUPTS(dma1::binding);

int main() {
    auto from = dma::take<source_buffer>();
    auto to = dma::take<destination_buffer>();
    for (std::size_t i = 0; i < words; ++i) from[i] = static_cast<std::uint32_t>(i * 2654435761u);
    board::dma<0>::enable();

    bench_begin();
    board::dma<0>::channel<0>::transfer(dma::copy(from, to)).run();
    sink = static_cast<std::uint32_t>(bench_end());

    bench_begin();
    std::memcpy(to.span().data(), from.span().data(), words * 4);
    sink = static_cast<std::uint32_t>(bench_end());

    bench_begin();
    word_loop(from.span().data(), to.span().data());
    sink = static_cast<std::uint32_t>(bench_end());

    dma1::start();
    rivet::async::thread_executor executor;
    executor.spawn(awaiter(from, to));
    executor.run();
    return std::memcmp(to.span().data(), from.span().data(), words * 4) == 0 ? bench_end() : 1;
}
