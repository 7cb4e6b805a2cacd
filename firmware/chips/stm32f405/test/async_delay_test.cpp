// The async delay on TIM2 (rivet/async/delay/stm32f405.hpp) through the
// recorder, for both counter models, against RM0090: TIM2 at 0x40000000
// (CR1 +0, DIER +0xC, SR +0x10, EGR +0x14, CNT +0x24, PSC +0x28, ARR +0x2C).
// QEMU 7.2's model alarms late by the time of the last PSC/CNT/EGR write,
// so its variant must never write those; the silicon one is a one-pulse.
#include "async_host.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <rivet/async/delay/stm32f405.hpp>
#include <rivet/async/executor.hpp>
#include <rivet/registers/recording.hpp>

#include <cstdint>
#include <vector>

namespace {

using rivet::registers::testing::access;
using rivet::registers::testing::recorder;
using rivet::registers::testing::store;
using rivet::stm32f405::timer::id;
using rivet::stm32f405::timer::model;
using ::testing::ElementsAre;

constexpr std::uintptr_t tim2 = 0x40000000, tim_cr1 = 0x0, dier = 0xC, tim_sr = 0x10, egr = 0x14,
                         cnt = 0x24, psc = 0x28, arr = 0x2C;
constexpr std::uintptr_t iser0 = 0xE000E100;

using qemu_pause = rivet::async::delay::stm32f405<id::tim2, 1'000'000'000, model::qemu>;
using silicon_pause = rivet::async::delay::stm32f405<id::tim2, 16'000'000, model::silicon>;

std::vector<access> tim2_stores(const recorder& regs) {
    std::vector<access> out;
    for (const access& a : regs.stores()) {
        if (a.address >= tim2 && a.address < tim2 + 0x400) out.push_back(a);
    }
    return out;
}

using rivet::testing::await_only;

class stm32f405_async_delay : public rivet::testing::nvic_page {
protected:
    rivet::async::executor executor_;
};

TEST_F(stm32f405_async_delay, under_qemu_no_wait_writes_psc_cnt_or_egr) {
    recorder regs;
    auto pause = qemu_pause::configure();
    EXPECT_EQ(word(iser0), 1u << 28);  // TIM2 is interrupt 28
    EXPECT_THAT(tim2_stores(regs),
                ElementsAre(store(tim2 + tim_cr1, 2, 0), store(tim2 + tim_sr, 2, 0),
                            store(tim2 + dier, 2, 1)));  // UIE
    regs.clear_log();
    // 5 s at 1 GHz is more than ARR holds: 2^32 - 1 ticks, then the rest.
    auto wait = pause.delay_ms(5000);
    auto task = await_only(wait);
    task.spawn(executor_);
    EXPECT_THAT(tim2_stores(regs), ElementsAre(store(tim2 + tim_sr, 2, 0xFFFE),
                                               store(tim2 + tim_cr1, 2, 1),  // CEN first
                                               store(tim2 + arr, 4, 0xFFFFFFFFu)));
    regs.clear_log();
    qemu_pause::on_interrupt();
    EXPECT_FALSE(task.woken());
    EXPECT_THAT(tim2_stores(regs),
                ElementsAre(store(tim2 + tim_sr, 2, 0xFFFE), store(tim2 + tim_sr, 2, 0xFFFE),
                            store(tim2 + tim_cr1, 2, 1),
                            store(tim2 + arr, 4, 5'000'000'000u - 0xFFFFFFFFu)));
    regs.clear_log();
    qemu_pause::on_interrupt();
    // Done: CEN off, and the alarm the model re-armed moved 2^32 ticks away.
    EXPECT_THAT(tim2_stores(regs),
                ElementsAre(store(tim2 + tim_sr, 2, 0xFFFE), store(tim2 + tim_cr1, 2, 0),
                            store(tim2 + arr, 4, 0xFFFFFFFFu)));
    for (const access& a : regs.log()) {
        EXPECT_NE(a.address, tim2 + psc);
        EXPECT_NE(a.address, tim2 + cnt);
        EXPECT_NE(a.address, tim2 + egr);
    }
    EXPECT_TRUE(task.woken());
    executor_.poll_all();
    EXPECT_TRUE(task.finished());
}

TEST_F(stm32f405_async_delay, on_silicon_each_wait_is_a_one_pulse_from_zero) {
    recorder regs;
    auto pause = silicon_pause::configure();
    EXPECT_THAT(tim2_stores(regs),
                ElementsAre(store(tim2 + tim_cr1, 2, 1u << 2),  // URS: UG raises no UIF
                            store(tim2 + psc, 2, 0), store(tim2 + egr, 2, 1),
                            store(tim2 + tim_sr, 2, 0), store(tim2 + dier, 2, 1)));
    regs.clear_log();
    auto wait = pause.delay_us(250);  // 4,000 ticks of 16 MHz
    auto task = await_only(wait);
    task.spawn(executor_);
    EXPECT_THAT(
        tim2_stores(regs),
        ElementsAre(store(tim2 + tim_sr, 2, 0xFFFE), store(tim2 + cnt, 4, 0),
                    store(tim2 + arr, 4, 3999),
                    store(tim2 + tim_cr1, 2, (1u << 2) | (1u << 3) | 1u)));  // URS, OPM, CEN
    regs.clear_log();
    silicon_pause::on_interrupt();
    EXPECT_TRUE(task.woken());
    // OPM has stopped the counter: only UIF is cleared.
    EXPECT_THAT(tim2_stores(regs), ElementsAre(store(tim2 + tim_sr, 2, 0xFFFE)));
}

}  // namespace
