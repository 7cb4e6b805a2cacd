// The PL081 DMA of QEMU's mps2-an505 against the data it moves: blocking
// copies of halfwords and 4 KiB of words; a scatter-gather list that
// reverses four blocks; a peripheral register into memory and memory into
// the console UART (lent to the DMA for the transfer); and a task awaiting a transfer on another
// controller, resumed by its interrupt. Each check logs one line; any wrong word ends the run with
// exit 1 naming it.
#include <rivet/async/dma/pl081.hpp>
#include <rivet/async/executor.hpp>
#include <rivet/async/task.hpp>
#include <rivet/bsp/mps2_an505.hpp>
#include <rivet/console/console.hpp>
#include <rivet/cortex_m/interrupts.hpp>
#include <rivet/hal/dma.hpp>
#include <rivet/log/log.hpp>
#include <rivet/runtime/exit.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace board = rivet::bsp::mps2_an505;
namespace dma = rivet::hal::dma;
using channel = board::dma<0>::channel<0>;
using dma1 = rivet::async::dma::pl081<1>;

namespace {

constexpr std::size_t words = 1024;  // 4 KiB
dma::buffer<std::uint32_t, words> word_source;
dma::buffer<std::uint32_t, words> word_destination;
dma::buffer<std::uint16_t, 33> half_source;
dma::buffer<std::uint16_t, 33> half_destination;
dma::buffer<char, 36> text;
dma::buffer<std::uint32_t, 4> version_reads;

std::uint32_t pattern(std::size_t i) {
    return static_cast<std::uint32_t>(i) * 0x9E3779B1u ^ 0xA5A5A5A5u;
}

template <class Handle, class Expected>
void expect_all(const Handle& moved, const char* what, Expected expected) {
    for (std::size_t i = 0; i < moved.size(); ++i) {
        if (moved[i] != expected(i)) {
            RIVET_ERROR("{}: element {} is {:#x}, expected {:#x}", what,
                        static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(moved[i]),
                        static_cast<std::uint32_t>(expected(i)));
            rivet::exit(1);
        }
    }
}

volatile std::uint32_t dma1_interrupts = 0;
void on_dma1() {
    dma1_interrupts = dma1_interrupts + 1;
    dma1::on_interrupt();
}
volatile bool task_done = false;

rivet::task<void, rivet::frames<"copier", 256>> copier(dma::owned<std::uint32_t, words>& from,
                                                       dma::owned<std::uint32_t, words>& to) {
    for (std::size_t i = 0; i < words; ++i) from[i] = ~pattern(i);
    for (std::size_t i = 0; i < words; ++i) to[i] = 0;
    const bool ok = co_await dma1::transfer<1>(dma::copy(from, to));
    expect_all(to, "awaited copy", [](std::size_t i) { return ~pattern(i); });
    RIVET_INFO("dma: awaited 4 KiB on DMA1 channel 1, ok {}, {} interrupt(s)", ok,
               static_cast<std::uint32_t>(dma1_interrupts));
    task_done = true;
}

}  // namespace

RIVET_BIND_INTERRUPTS(rivet::cortex_m::bind<dma1::irq, on_dma1>);

int main() {
    rivet::console::init();
    board::dma<0>::enable();
    auto from = dma::take<word_source>();
    auto to = dma::take<word_destination>();

    // 4 KiB of words, one item of 1024.
    for (std::size_t i = 0; i < words; ++i) from[i] = pattern(i);
    channel::transfer(dma::copy(from, to)).run();
    expect_all(to, "word copy", pattern);
    expect_all(from, "word source", pattern);
    RIVET_INFO("dma: 4 KiB copied word by word");

    // Halfwords and bytes.
    auto halves = dma::take<half_source>();
    auto halves_to = dma::take<half_destination>();
    for (std::size_t i = 0; i < halves.size(); ++i) halves[i] = static_cast<std::uint16_t>(i * 777);
    channel::transfer(dma::copy(halves, halves_to)).run();
    expect_all(halves_to, "halfword copy",
               [](std::size_t i) { return static_cast<std::uint16_t>(i * 777); });
    RIVET_INFO("dma: 33 halfwords copied");

    // Scatter-gather: four blocks of 256 words in reverse order, one transfer.
    channel::transfer(dma::copy(from.part<0, 256>(), to.part<768, 256>()),
                      dma::copy(from.part<256, 256>(), to.part<512, 256>()),
                      dma::copy(from.part<512, 256>(), to.part<256, 256>()),
                      dma::copy(from.part<768, 256>(), to.part<0, 256>()))
        .run();
    expect_all(to, "scatter-gather",
               [](std::size_t i) { return pattern((3 - i / 256) * 256 + i % 256); });
    RIVET_INFO("dma: 4 linked items reversed 4 blocks");

    // A peripheral register into memory: the IoT Kit's SYS_VERSION, four
    // times, at its non-secure address (the one QEMU shows the DMA).
    constexpr std::uintptr_t sys_version = 0x40020000;
    const std::uint32_t version = *reinterpret_cast<volatile std::uint32_t*>(sys_version);
    auto reads = dma::take<version_reads>();
    channel::transfer(dma::from_register<dma::fixed_register<sys_version, std::uint32_t>>(reads))
        .run();
    expect_all(reads, "SYS_VERSION reads", [version](std::size_t) { return version; });
    RIVET_INFO("dma: SYS_VERSION read 4 times: {:#x}", reads[3]);

    // Memory into the console UART's data register.
    constexpr std::string_view line = "dma: 36 bytes to UART0 by the PL081\n";
    auto bytes = dma::take<text>();
    for (std::size_t i = 0; i < line.size(); ++i) bytes[i] = line[i];
    channel::transfer(dma::to_register<rivet::cmsdk::dma::uart_data<0>>(bytes)).run();
    rivet::console::write_line("dma: UART0 back to the core");

    // A task awaits a copy on DMA1; the controller's interrupt resumes it.
    dma1::start();
    rivet::async::thread_executor executor;
    executor.spawn(copier(from, to));
    executor.run();
    return task_done && dma1_interrupts == 1 ? 0 : 1;
}
