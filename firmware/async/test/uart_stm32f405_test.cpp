// The interrupt-driven serial port on the STM32F405 USART, on the host
// through the register-recording seam (QEMU's USART model shows neither the
// interrupt enables nor TXE/TC ever being clear): a read that must wait sets
// RXNEIE and suspends; the handler takes the byte, clears RXNEIE and wakes
// the task once; a write_all that meets a full data register waits on TXE
// and the handler finishes it; a flush waits on TC.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <rivet/async/uart/stm32f405.hpp>
#include <rivet/registers/recording.hpp>

#include <array>
#include <coroutine>
#include <cstdint>

namespace {

using namespace rivet::stm32f405;
using rivet::registers::testing::recorder;
using blocking =
    usart::usart<1, gpio::pin(gpio::port::b, 6), gpio::pin(gpio::port::b, 7), 16'000'000, 115200>;
using async_usart = rivet::async::uart::serial<blocking>;
using port = rivet::async::uart::port<blocking>;

constexpr std::uintptr_t sr = 0x40011000, dr = 0x40011004, cr1 = 0x4001100C;
constexpr std::uint32_t rxne = 1u << 5, tc = 1u << 6, txe = 1u << 7;

// A task the port can wake: its header on an executor that nothing runs, so
// a wake shows as the task being queued.
struct waiting_task {
    rivet::async::executor executor;
    rivet::async::task_header header{};
    waiting_task() { header.owner = &executor; }
    bool woken() const { return (header.state & rivet::async::detail::queued) != 0; }
};

TEST(async_uart_stm32f405, read_waits_on_rxneie_and_the_handler_wakes_the_task) {
    recorder regs;
    regs.set(cr1, 0x200c);  // UE, TE, RE: as configure() left it
    port::start();
    EXPECT_EQ(regs.value(cr1), 0x200cu);  // every interrupt enable off

    std::array<std::uint8_t, 4> into{};
    async_usart uart;
    auto read = uart.read(into);
    EXPECT_FALSE(read.await_ready());  // DR empty
    waiting_task task;
    EXPECT_FALSE(read.start(&task.header));
    EXPECT_EQ(regs.value(cr1), 0x200cu | 0x20u);  // RXNEIE
    EXPECT_FALSE(task.woken());

    int reads = 0;  // one byte, then DR is empty
    regs.on_load(sr, [&reads](std::uint32_t) { return reads == 0 ? rxne : 0u; });
    regs.on_load(dr, [&reads](std::uint32_t) {
        ++reads;
        return std::uint32_t{'k'};
    });
    async_usart::on_interrupt();
    EXPECT_TRUE(task.woken());
    EXPECT_EQ(regs.value(cr1), 0x200cu);  // RXNEIE off again: nothing waits
    const auto got = read.await_resume();
    ASSERT_TRUE(got);
    EXPECT_EQ(*got, 1u);
    EXPECT_EQ(into[0], 'k');

    // Nothing waits: another interrupt moves nothing and wakes nobody.
    task.header.state = 0;
    async_usart::on_interrupt();
    EXPECT_FALSE(task.woken());
}

TEST(async_uart_stm32f405, write_all_waits_on_txe_then_flush_on_tc) {
    recorder regs;
    regs.set(cr1, 0x200c);
    async_usart uart;
    const std::array<std::uint8_t, 3> bytes{'a', 'b', 'c'};
    bool free = true;  // DR takes one byte, then is full until the "interrupt"
    regs.on_load(sr, [&free](std::uint32_t) { return free ? txe : 0u; });
    regs.on_store(dr, [&free](recorder&, std::uint32_t) { free = false; });
    auto write = uart.write_all(bytes);
    EXPECT_FALSE(write.await_ready());
    waiting_task task;
    EXPECT_FALSE(write.start(&task.header));
    EXPECT_EQ(regs.value(cr1), 0x200cu | 0x80u);  // TXEIE

    free = true;  // the shifter took 'a': the handler writes 'b', then waits again
    async_usart::on_interrupt();
    EXPECT_FALSE(task.woken());
    free = true;
    async_usart::on_interrupt();
    EXPECT_TRUE(task.woken());
    EXPECT_EQ(regs.value(cr1), 0x200cu);
    EXPECT_TRUE(write.await_resume());
    EXPECT_EQ(regs.value(dr), static_cast<std::uint32_t>('c'));

    auto flush = uart.flush();
    regs.on_load(sr, [](std::uint32_t) { return txe; });  // TC not yet
    EXPECT_FALSE(flush.await_ready());
    waiting_task flushing;
    EXPECT_FALSE(flush.start(&flushing.header));
    EXPECT_EQ(regs.value(cr1), 0x200cu | 0x40u);  // TCIE
    regs.on_load(sr, [](std::uint32_t) { return txe | tc; });
    async_usart::on_interrupt();
    EXPECT_TRUE(flushing.woken());
    EXPECT_EQ(regs.value(cr1), 0x200cu);
    EXPECT_TRUE(flush.await_resume());
}

}  // namespace
