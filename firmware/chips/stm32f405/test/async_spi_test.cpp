// The interrupt-driven SPI (rivet/async/spi/stm32f405.hpp) through the
// recorder, against RM0090: SPI2 at 0x40003800 (CR1 +0, CR2 +4, SR +8, DR
// +0xC), its chip select PB10 (GPIOB BSRR at 0x40020418), RCC APB1ENR at
// 0x40023840. SPI2 is modelled as on silicon: DR takes a word while TXE is
// set, and RXNE comes only when the test says the word has been exchanged,
// so the handler runs once a word. The NVIC is plain memory here: the
// System Control Space page (0xE000E000) is mapped for the test, so the
// awaiter's pend of SPI2 (interrupt 36) can be read back.
#include "async_host.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <rivet/async/executor.hpp>
#include <rivet/async/spi/stm32f405.hpp>
#include <rivet/hal/async/spi.hpp>
#include <rivet/hal/pins.hpp>
#include <rivet/registers/recording.hpp>
#include <rivet/stm32f405/gpio.hpp>
#include <rivet/stm32f405/spi.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace {

using namespace rivet::stm32f405;
using rivet::registers::testing::access;
using rivet::registers::testing::recorder;
using rivet::registers::testing::store;
using ::testing::ElementsAre;

constexpr std::uintptr_t spi2 = 0x40003800, cr1 = 0x0, cr2 = 0x4, sr = 0x8, dr = 0xC;
constexpr std::uintptr_t gpiob_bsrr = 0x40020418, rcc_apb1enr = 0x40023840;
constexpr std::uintptr_t iser1 = 0xE000E104, ispr1 = 0xE000E204;
constexpr std::uint32_t spi2_bit = 1u << (36 - 32);
constexpr std::uint32_t txe = 1u << 1, rxne = 1u << 0, ovr = 1u << 6, rxneie = 1u << 6;

using bus =
    rivet::async::spi::stm32f405_bus<2, gpio::pin_id_of(gpio::port::b, 13),
                                     gpio::pin_id_of(gpio::port::b, 14),
                                     gpio::pin_id_of(gpio::port::b, 15), 16'000'000, 1'000'000>;
using select_pin = gpio::output_pin<gpio::port::b, 10>;
using device = rivet::async::spi::stm32f405_device<bus, select_pin>;
using blocking =
    spi::controller<2, gpio::pin_id_of(gpio::port::b, 13), gpio::pin_id_of(gpio::port::b, 14),
                    gpio::pin_id_of(gpio::port::b, 15), 16'000'000, 1'000'000>;

static_assert(rivet::hal::async::spi_bus<bus>);
static_assert(rivet::hal::async::spi_device<device>);
// The async bus and the blocking controller of one SPI claim it both.
static_assert(!rivet::hal::distinct_peripherals<bus, blocking>);
static_assert(bus::claimed_peripheral == blocking::claimed_peripheral);
static_assert(bus::claimed_peripheral.base == spi2);

// SPI2 with a peer that answers `replies` in turn, one word per exchange.
struct spi_model {
    recorder& regs;
    std::vector<std::uint8_t> replies;
    std::vector<std::uint8_t> sent;
    std::size_t next_reply = 0;
    bool exchanged = false;  // RXNE
    bool overrun = false;

    explicit spi_model(recorder& r, std::vector<std::uint8_t> answers)
        : regs(r), replies(std::move(answers)) {
        regs.on_load(spi2 + sr, [this](std::uint32_t) {
            return txe | (exchanged ? rxne : 0u) | (overrun ? ovr : 0u);
        });
        regs.on_store(spi2 + dr, [this](recorder&, std::uint32_t word) {
            sent.push_back(static_cast<std::uint8_t>(word));
        });
        regs.on_load(spi2 + dr, [this](std::uint32_t) {
            exchanged = false;
            return static_cast<std::uint32_t>(next_reply < replies.size() ? replies[next_reply++]
                                                                          : 0xFFu);
        });
    }
};

using spi_result = rivet::hal::result<void, rivet::hal::spi::error_kind>;
using rivet::testing::await_into;

class stm32f405_async_spi : public rivet::testing::nvic_page {
protected:
    void SetUp() override {
        nvic_page::SetUp();
        if (IsSkipped()) return;
        bus::state() = {};
    }
    static std::uint32_t nvic(std::uintptr_t address) { return word(address); }

    rivet::async::executor executor_;
};

std::vector<access> spi2_stores(const recorder& regs) {
    std::vector<access> out;
    for (const access& a : regs.stores()) {
        if (a.address >= spi2 && a.address < spi2 + 0x400) out.push_back(a);
    }
    return out;
}

TEST_F(stm32f405_async_spi,
       configure_sets_up_spi2_as_the_blocking_controller_and_enables_its_interrupt) {
    recorder regs;
    (void)bus::configure();
    const std::vector<access> async_setup = regs.stores();
    EXPECT_EQ(regs.value(rcc_apb1enr), 1u << 14);  // SPI2EN
    EXPECT_EQ(nvic(iser1), spi2_bit);
    EXPECT_EQ(nvic(ispr1), 0u);
    // CR1: master, f/16 (1 MHz from 16 MHz: BR = 3), SSM+SSI, then SPE;
    // CR2: no interrupt until a transfer waits.
    EXPECT_THAT(spi2_stores(regs),
                ElementsAre(store(spi2 + cr1, 2, 0x031C), store(spi2 + cr2, 2, 0),
                            store(spi2 + cr1, 2, 0x035C)));
    recorder again;
    (void)blocking::configure();
    EXPECT_EQ(again.stores(), async_setup);
}

TEST_F(stm32f405_async_spi, a_device_transaction_holds_chip_select_across_one_interrupt_a_word) {
    recorder regs;
    auto dev = device{bus::configure(), select_pin::configure(rivet::hal::pin_state::high)};
    spi_model peer{regs, {0xEE, 0x12, 0x34}};
    regs.clear_log();

    const std::array<std::uint8_t, 1> command{0x9f};
    std::array<std::uint8_t, 2> id{};
    auto op = rivet::hal::async::spi::write_then_read(dev, command, id);
    std::optional<spi_result> result;
    auto task = await_into(op, result);
    task.spawn(executor_);
    ASSERT_TRUE(bus::state().busy);
    // Chip select low (BSRR reset bit of PB10), nothing on SPI2 yet: the
    // handler starts once the pended interrupt is taken.
    EXPECT_THAT(regs.stores(), ElementsAre(store(gpiob_bsrr, 4, 1u << 26)));
    EXPECT_EQ(nvic(ispr1), spi2_bit);

    int runs = 0;
    while (bus::state().busy && runs < 10) {
        bus::on_interrupt();
        ++runs;
        if (bus::state().busy) {
            EXPECT_EQ(regs.value(spi2 + cr2), rxneie) << "waiting for RXNE after run " << runs;
            EXPECT_FALSE(task.woken());
        }
        peer.exchanged = true;  // the word in flight has been exchanged
    }
    EXPECT_EQ(runs, 4);  // three words, each brought back by RXNE, and the start
    EXPECT_TRUE(task.woken());
    EXPECT_THAT(peer.sent, ElementsAre(0x9f, 0x00, 0x00));  // the command, then the filler
    EXPECT_THAT(id, ElementsAre(0x12, 0x34));               // the reply to the command dropped
    EXPECT_EQ(regs.value(spi2 + cr2), 0u);
    // Chip select went high only after the last word was read back.
    const std::vector<access> stores = regs.stores();
    ASSERT_FALSE(stores.empty());
    EXPECT_EQ(stores.back(), store(gpiob_bsrr, 4, 1u << 10));
    std::vector<access> selects;
    for (const access& a : stores) {
        if (a.address == gpiob_bsrr) selects.push_back(a);
    }
    EXPECT_THAT(selects,
                ElementsAre(store(gpiob_bsrr, 4, 1u << 26), store(gpiob_bsrr, 4, 1u << 10)));
    executor_.poll_all();
    ASSERT_TRUE(task.finished());
    EXPECT_TRUE(result.value());
}

TEST_F(stm32f405_async_spi, a_transaction_while_the_bus_is_busy_fails_and_touches_nothing) {
    recorder regs;
    auto dev = device{bus::configure(), select_pin::configure(rivet::hal::pin_state::high)};
    spi_model peer{regs, {}};
    const std::array<std::uint8_t, 2> bytes{1, 2};
    auto first = rivet::hal::async::spi::write(dev, bytes);
    std::optional<spi_result> first_result;
    auto first_task = await_into(first, first_result);
    first_task.spawn(executor_);
    ASSERT_TRUE(bus::state().busy);
    regs.clear_log();

    bus other_user;
    auto second = other_user.write(bytes);
    std::optional<spi_result> second_result;
    auto second_task = await_into(second, second_result);
    second_task.spawn(executor_);
    ASSERT_TRUE(second_task.finished());  // refused without suspending
    EXPECT_EQ(second_result.value().error(), rivet::hal::spi::error_kind::other);
    EXPECT_TRUE(regs.stores().empty());

    while (bus::state().busy) {
        bus::on_interrupt();
        peer.exchanged = true;
    }
    executor_.poll_all();
    ASSERT_TRUE(first_task.finished());
    EXPECT_TRUE(first_result.value());
    EXPECT_THAT(peer.sent, ElementsAre(1, 2));
}

TEST_F(stm32f405_async_spi, an_overrun_ends_the_transaction_with_chip_select_released) {
    recorder regs;
    auto dev = device{bus::configure(), select_pin::configure(rivet::hal::pin_state::high)};
    spi_model peer{regs, {}};
    std::array<std::uint8_t, 3> into{};
    auto op = rivet::hal::async::spi::read(dev, into);
    std::optional<spi_result> result;
    auto task = await_into(op, result);
    task.spawn(executor_);
    bus::on_interrupt();
    regs.clear_log();
    peer.overrun = true;
    bus::on_interrupt();
    EXPECT_FALSE(bus::state().busy);
    executor_.poll_all();
    ASSERT_TRUE(task.finished());
    EXPECT_EQ(result.value().error(), rivet::hal::spi::error_kind::overrun);
    // DR then SR read clear OVR (RM0090); RXNEIE off; chip select high.
    std::vector<access> spi_accesses;
    for (const access& a : regs.log()) {
        if (a.address == spi2 + dr || (a.address == spi2 + sr && !spi_accesses.empty()))
            spi_accesses.push_back(a);
    }
    ASSERT_GE(spi_accesses.size(), 2u);
    EXPECT_EQ(spi_accesses[0].address, spi2 + dr);
    EXPECT_EQ(spi_accesses[1].address, spi2 + sr);
    EXPECT_EQ(regs.value(spi2 + cr2), 0u);
    EXPECT_EQ(regs.stores().back(), store(gpiob_bsrr, 4, 1u << 10));
}

}  // namespace
