// The PL081 DMA from a task: gather three pieces of a greeting into one
// buffer with a scatter-gather list, then send it to the console UART by
// DMA. The task lends its buffers to each transfer while it awaits it and
// resumes from the controller's interrupt.
#include <rivet/async/dma/pl081.hpp>
#include <rivet/async/executor.hpp>
#include <rivet/async/task.hpp>
#include <rivet/bsp/mps2_an505.hpp>
#include <rivet/console/console.hpp>
#include <rivet/hal/dma.hpp>
#include <rivet/log/log.hpp>

#include <cstdint>
#include <string_view>

namespace board = rivet::bsp::mps2_an505;
namespace dma = rivet::hal::dma;
using dma0 = rivet::async::dma::pl081<0>;

namespace {

constexpr std::string_view greeting = "Hello from the PL081 DMA of mps2-an505\n";
dma::buffer<char, greeting.size()> pieces;
dma::buffer<char, greeting.size()> line;
volatile std::uint32_t interrupts = 0;

void on_dma() {
    interrupts = interrupts + 1;
    dma0::on_interrupt();
}

rivet::task<void, rivet::frames<"sender", 384>> sender() {
    auto source = dma::take<pieces>();
    auto message = dma::take<line>();
    // The pieces in the wrong order: "PL081 DMA", "Hello from the ", the rest.
    constexpr std::size_t a = 15, b = 9;
    const auto put = [&](std::size_t at, std::string_view text) {
        for (char c : text) source[at++] = c;
    };
    put(0, greeting.substr(a, b));
    put(b, greeting.substr(0, a));
    put(a + b, greeting.substr(a + b));
    // Gathered into the right order by one transfer of three items.
    co_await dma0::transfer<0>(dma::copy(source.part<b, a>(), message.part<0, a>()),
                               dma::copy(source.part<0, b>(), message.part<a, b>()),
                               dma::copy(source.part<a + b, greeting.size() - a - b>(),
                                         message.part<a + b, greeting.size() - a - b>()));
    // To UART0's data register, a byte at a time.
    co_await dma0::transfer<1>(dma::to_register<rivet::cmsdk::dma::uart_data<0>>(message));
    RIVET_INFO("2 transfers, {} interrupts", static_cast<std::uint32_t>(interrupts));
}

}  // namespace

RIVET_BIND_INTERRUPTS(rivet::cortex_m::bind<dma0::irq, on_dma>);

int main() {
    rivet::console::init();
    dma0::start();
    rivet::async::thread_executor executor;
    executor.spawn(sender());
    executor.run();
    return interrupts == 2 ? 0 : 1;
}
