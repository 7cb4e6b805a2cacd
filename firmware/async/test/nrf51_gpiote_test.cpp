// The nRF51's awaitable pin (rivet/async/gpio/nrf51.hpp) access by access,
// against the nRF51 Series Reference Manual v3.0: GPIOTE at 0x40006000
// (EVENTS_IN[n] +0x100 + 4n, INTENSET +0x304, INTENCLR +0x308, CONFIG[n]
// +0x510 + 4n: MODE [1:0], PSEL [12:8], POLARITY [17:16]), GPIO IN at
// 0x50000510, PIN_CNF[n] at 0x50000700 + 4n; the GPIOTE interrupt is 6.
// Tasks run on the real executor (async_host.hpp); the test plays the
// interrupt by raising EVENTS_IN and calling the handler.
#include "async_host.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <rivet/async/executor.hpp>
#include <rivet/async/gpio/nrf51.hpp>
#include <rivet/registers/recording.hpp>

namespace {

using rivet::registers::testing::load;
using rivet::registers::testing::recorder;
using rivet::registers::testing::store;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

constexpr std::uintptr_t gpiote = 0x40006000;
constexpr std::uintptr_t intenset = gpiote + 0x304, intenclr = gpiote + 0x308;
constexpr std::uintptr_t events_in(unsigned channel) {
    return gpiote + 0x100 + 4 * channel;
}
constexpr std::uintptr_t config(unsigned channel) {
    return gpiote + 0x510 + 4 * channel;
}
constexpr std::uint32_t event_mode(unsigned pin, std::uint32_t polarity) {
    return 1u | pin << 8 | polarity << 16;
}
constexpr std::uint32_t lo_to_hi = 1, hi_to_lo = 2, toggle = 3;
constexpr std::uintptr_t in = 0x50000510;
constexpr std::uintptr_t pin_cnf(unsigned pin) {
    return 0x50000700 + 4 * pin;
}
constexpr std::uintptr_t nvic_iser = 0xE000E100, nvic_icpr = 0xE000E280, nvic_ipr1 = 0xE000E404;
constexpr std::uint32_t gpiote_line = 1u << 6;

using button_a = rivet::async::gpio::nrf51_pin<17, 0>;
using button_b = rivet::async::gpio::nrf51_pin<26, 3, 2>;
using events = rivet::async::gpio::nrf51_gpiote_events;
using rivet::hal::digital::error_kind;

using wait_result = button_a::result;

// A wait awaited by a task of `executor`, polled up to where it suspends.
// Built in place (the task holds references to the awaiter and the result).
template <class Awaiter>
struct started_wait {
    started_wait(Awaiter wait, rivet::async::executor& executor)
        : awaiter(wait), task(rivet::testing::await_into(awaiter, got)) {
        task.spawn(executor);
    }
    Awaiter awaiter;
    wait_result got;
    rivet::testing::awaiting_task task;
};

// A GPIOTE whose INTENSET and INTENCLR share one enable mask, as on the
// chip (both read it; a 1 written sets or clears a bit).
class gpiote_model {
public:
    explicit gpiote_model(recorder& regs) {
        regs.on_store(intenset, [this](recorder& r, std::uint32_t bits) {
            enabled_ |= bits;
            r.set(intenset, enabled_);
            r.set(intenclr, enabled_);
        });
        regs.on_store(intenclr, [this](recorder& r, std::uint32_t bits) {
            enabled_ &= ~bits;
            r.set(intenset, enabled_);
            r.set(intenclr, enabled_);
        });
    }
    std::uint32_t enabled() const { return enabled_; }

private:
    std::uint32_t enabled_ = 0;
};

class nrf51_gpiote : public rivet::testing::nvic_page {
protected:
    void TearDown() override {
        // No wait may outlive its test: the channels' slots are static.
        for (auto& slot : events::waiting) slot = nullptr;
        nvic_page::TearDown();
    }
    template <class Awaiter>
    started_wait<Awaiter> start(Awaiter wait) {
        return started_wait<Awaiter>(wait, executor);
    }
    recorder regs;
    gpiote_model model{regs};
    rivet::async::executor executor;
};

TEST_F(nrf51_gpiote, configure_makes_an_input_disables_its_channel_and_enables_the_interrupt) {
    (void)button_b::configure(rivet::nrf51::gpio::pull::up);
    EXPECT_THAT(regs.log(), ElementsAre(store(pin_cnf(26), 4, 0xc), store(intenclr, 4, 1u << 3),
                                        store(config(3), 4, 0), store(events_in(3), 4, 0)));
    EXPECT_EQ(word(nvic_ipr1), 0x80u << 16);  // priority 2 of 4 (2 bits)
    EXPECT_EQ(word(nvic_icpr), gpiote_line);
    EXPECT_EQ(word(nvic_iser), gpiote_line);
}

TEST_F(nrf51_gpiote, a_rising_edge_arms_the_channel_and_its_event_wakes_the_task) {
    button_a pin;
    auto rising = start(pin.wait_for_rising_edge());
    EXPECT_FALSE(rising.task.finished());
    EXPECT_THAT(regs.stores(), ElementsAre(store(config(0), 4, event_mode(17, lo_to_hi)),
                                           store(events_in(0), 4, 0), store(intenset, 4, 1)));

    // An interrupt with no event in: nothing is woken, nothing changes.
    regs.clear_log();
    events::on_interrupt();
    EXPECT_FALSE(rising.task.woken());
    EXPECT_THAT(regs.stores(), IsEmpty());

    regs.set(events_in(0), 1);
    events::on_interrupt();
    EXPECT_THAT(regs.stores(), ElementsAre(store(intenclr, 4, 1), store(config(0), 4, 0),
                                           store(events_in(0), 4, 0)));
    EXPECT_TRUE(rising.task.woken());
    EXPECT_FALSE(rising.task.finished());  // woken, not yet polled
    executor.poll_all();
    EXPECT_TRUE(rising.task.finished());
    EXPECT_TRUE(rising.got);
    EXPECT_EQ(model.enabled(), 0u);
}

TEST_F(nrf51_gpiote, each_edge_has_its_polarity) {
    button_b pin;
    auto falling = start(pin.wait_for_falling_edge());
    EXPECT_EQ(regs.value(config(3)), event_mode(26, hi_to_lo));
    regs.set(events_in(3), 1);
    events::on_interrupt();
    executor.poll_all();
    ASSERT_TRUE(falling.task.finished());

    auto any = start(pin.wait_for_any_edge());
    EXPECT_EQ(regs.value(config(3)), event_mode(26, toggle));
    EXPECT_EQ(model.enabled(), 1u << 3);
    regs.set(events_in(3), 1);
    events::on_interrupt();
    executor.poll_all();
    EXPECT_TRUE(any.task.finished() && any.got);
}

TEST_F(nrf51_gpiote, a_level_already_there_completes_without_arming) {
    regs.set(in, 1u << 17);
    button_a pin;
    auto high = start(pin.wait_for_high());
    EXPECT_TRUE(high.task.finished() && high.got);
    EXPECT_THAT(regs.stores(), IsEmpty());
    EXPECT_THAT(regs.log(), ElementsAre(load(in, 4, 1u << 17)));
}

TEST_F(nrf51_gpiote, a_level_not_there_is_awaited_as_the_edge_towards_it) {
    regs.set(in, 1u << 17);
    button_a pin;
    auto low = start(pin.wait_for_low());
    EXPECT_FALSE(low.task.finished());
    EXPECT_EQ(regs.value(config(0)), event_mode(17, hi_to_lo));
    regs.set(in, 0);
    regs.set(events_in(0), 1);
    events::on_interrupt();
    executor.poll_all();
    EXPECT_TRUE(low.task.finished() && low.got);
}

TEST_F(nrf51_gpiote, a_level_reached_while_arming_ends_the_wait_and_releases_the_channel) {
    // Low when the wait starts; high once the channel's interrupt is on,
    // its edge maybe before the event was cleared.
    regs.on_load(in, [this](std::uint32_t) { return model.enabled() != 0 ? 1u << 17 : 0u; });
    button_a pin;
    auto high = start(pin.wait_for_high());
    EXPECT_TRUE(high.task.finished() && high.got);
    EXPECT_EQ(model.enabled(), 0u);
    EXPECT_EQ(regs.value(config(0)), 0u);
    EXPECT_EQ(events::waiting[0], nullptr);
    // No wake is left behind: a late event finds no armed channel.
    regs.set(events_in(0), 1);
    events::on_interrupt();
    EXPECT_FALSE(high.task.woken());
}

TEST_F(nrf51_gpiote, a_second_wait_on_a_pin_fails_and_leaves_the_first_waiting) {
    button_a pin;
    auto first = start(pin.wait_for_rising_edge());
    auto second = start(pin.wait_for_falling_edge());
    EXPECT_FALSE(first.task.finished());
    ASSERT_TRUE(second.task.finished());
    ASSERT_FALSE(second.got);
    EXPECT_EQ(second.got.error(), error_kind::other);
    EXPECT_EQ(regs.value(config(0)), event_mode(17, lo_to_hi));  // still the first's edge
    regs.set(events_in(0), 1);
    events::on_interrupt();
    executor.poll_all();
    EXPECT_TRUE(first.task.finished() && first.got);
}

TEST_F(nrf51_gpiote, an_event_wakes_its_own_channel_only) {
    button_a a;
    button_b b;
    auto on_a = start(a.wait_for_rising_edge());
    auto on_b = start(b.wait_for_rising_edge());
    EXPECT_EQ(model.enabled(), 1u << 0 | 1u << 3);

    regs.set(events_in(3), 1);
    // An event on a channel nobody armed (its interrupt off) is not taken.
    regs.set(events_in(1), 1);
    regs.clear_log();
    events::on_interrupt();
    EXPECT_TRUE(on_b.task.woken());
    EXPECT_FALSE(on_a.task.woken());
    executor.poll_all();
    EXPECT_TRUE(on_b.task.finished());
    EXPECT_FALSE(on_a.task.finished());
    EXPECT_EQ(model.enabled(), 1u << 0);
    EXPECT_THAT(regs.stores(), ElementsAre(store(intenclr, 4, 1u << 3), store(config(3), 4, 0),
                                           store(events_in(3), 4, 0)));

    regs.set(events_in(0), 1);
    events::on_interrupt();
    executor.poll_all();
    EXPECT_TRUE(on_a.task.finished());
}

TEST(nrf51_gpiote_types, channels_and_pins_are_claimed) {
    using rivet::hal::distinct_peripherals;
    using rivet::hal::distinct_pins;
    static_assert(distinct_peripherals<button_a, button_b>);
    static_assert(!distinct_peripherals<button_a, rivet::async::gpio::nrf51_pin<3, 0>>);
    static_assert(!distinct_pins<button_a, rivet::nrf51::gpio::input_pin<17>>);
    static_assert(button_a::irq == ::nrf51::irq::gpiote);
    using same_priority = rivet::async::gpio::nrf51_pin<26, 3>;
    static_assert(rivet::async::gpio::nrf51_gpiote<button_a, same_priority>::binding::irq ==
                  ::nrf51::irq::gpiote);
}

}  // namespace
