// The interrupt-driven SPI of the STM32F405 on netduinoplus2 (SPI2, the
// header's D13/D12/D11, chip select D10), under QEMU. QEMU 7.2 has nothing
// on that bus (every word comes back 0x00) and stubs GPIO (chip select is
// checked on the host, firmware/chips/stm32f405/test/async_spi_test.cpp),
// so what is asserted here is what moves: how many words each operation
// exchanged, what came back, that the awaiting task was suspended (another
// task ran before it resumed) and woken by SPI2's interrupt handler, once a
// transaction, and that the handler leaves its interrupt switched off.
#include <rivet/async/board/netduinoplus2.hpp>
#include <rivet/async/executor.hpp>
#include <rivet/async/task.hpp>
#include <rivet/cortex_m/interrupts.hpp>
#include <rivet/hal/async/spi.hpp>
#include <rivet/log/log.hpp>

#include <array>
#include <cstdint>

namespace {

namespace board = rivet::async::netduinoplus2;
namespace spi = rivet::hal::async::spi;
using operation = rivet::hal::spi::operation;
using bus = board::header_spi_bus<>;

volatile std::uint32_t handler_runs = 0;
void counted_handler() {
    handler_runs = handler_runs + 1;
    bus::on_interrupt();
}

// A delay operation runs in the handler: it only adds up what it is asked.
struct counting_delay {
    static inline std::uint32_t asked_ns = 0;
    void delay_ns(std::uint32_t ns) { asked_ns += ns; }
};
using chip =
    rivet::async::spi::stm32f405_device<bus, board::board::header_spi_select, counting_delay>;
static_assert(rivet::hal::async::spi_device<chip>);

std::array<char, 4> order{};
std::uint32_t marks = 0;
void mark(char c) {
    if (marks < order.size()) order[marks++] = c;
}

// Words exchanged by the last operation of the last transaction.
std::uint32_t words_moved() {
    return static_cast<std::uint32_t>(bus::state().received);
}

bool all_zero(std::span<const std::uint8_t> bytes) {
    for (std::uint8_t b : bytes) {
        if (b != 0) return false;
    }
    return true;
}

rivet::task<void, rivet::frames<"spi", 1024>> transfers() {
    chip device{bus::configure(),
                board::board::header_spi_select::configure(rivet::hal::pin_state::high)};

    mark('a');
    const std::array<std::uint8_t, 4> command{0x9f, 0x01, 0x02, 0x03};
    RIVET_ASSERT(co_await spi::write(device, command));
    mark('A');
    RIVET_ASSERT_EQ(handler_runs, 1u);
    RIVET_ASSERT_EQ(words_moved(), 4u);

    std::array<std::uint8_t, 5> reply{};
    reply.fill(0xAA);
    RIVET_ASSERT(co_await spi::read(device, reply));
    RIVET_ASSERT(all_zero(reply), "QEMU's empty bus answers 0x00");
    RIVET_ASSERT_EQ(words_moved(), 5u);

    // Command, a pause, reply: one selection, one handler run.
    std::array<std::uint8_t, 3> id{0xAA, 0xAA, 0xAA};
    // A named array: GCC 12 rejects a braced list of them across co_await
    // ("array used as initializer").
    const operation identify[] = {operation::write(std::span{command}.first(1)),
                                  operation::delay_ns(1500), operation::read(id)};
    RIVET_ASSERT(co_await spi::transaction_of(device, identify));
    RIVET_ASSERT(all_zero(id));
    RIVET_ASSERT_EQ(counting_delay::asked_ns, 1500u);
    RIVET_ASSERT_EQ(handler_runs, 3u);

    // The bus's own operations: an unequal transfer runs for its longer side.
    bus raw;
    std::array<std::uint8_t, 6> in{};
    in.fill(0xAA);
    RIVET_ASSERT(co_await raw.transfer(in, std::span{command}.first(2)));
    RIVET_ASSERT(all_zero(in));
    RIVET_ASSERT_EQ(words_moved(), 6u);
    std::array<std::uint8_t, 2> both{0x55, 0x66};
    RIVET_ASSERT(co_await raw.transfer_in_place(both));
    RIVET_ASSERT(all_zero(both));
    RIVET_ASSERT(co_await raw.flush());
    RIVET_ASSERT_EQ(handler_runs, 5u);

    // The handler switched RXNEIE off again; SPE stays on.
    RIVET_ASSERT_EQ(::stm32f405::SPI2.cr2().read().bits() & 0xE0u, 0u);
    RIVET_ASSERT((::stm32f405::SPI2.cr1().read().bits() & (1u << 6)) != 0);
    RIVET_ASSERT(order[0] == 'a' && order[1] == 'b' && order[2] == 'A',
                 "the task did not suspend while SPI2's handler ran");
    RIVET_INFO(
        "spi2: 4, 5, 1 then 3, 6 words moved, one interrupt a transaction, another task ran "
        "while the first waited");
}

rivet::task<void, rivet::frames<"other", 64>> other() {
    mark('b');
    co_return;
}

}  // namespace

RIVET_BIND_INTERRUPTS(rivet::cortex_m::bind<bus::irq, counted_handler>);

int main() {
    rivet::async::thread_executor executor;
    executor.spawn(transfers());
    executor.spawn(other());
    executor.run();
    return 0;
}
