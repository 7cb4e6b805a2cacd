// The nRF51 HAL access by access, against the nRF51 Series Reference Manual
// v3.0: GPIO at 0x50000000 (OUT +0x504, OUTSET +0x508, OUTCLR +0x50C, IN
// +0x510, PIN_CNF[n] +0x700 + 4n), UART0 at 0x40002000, TIMER0..2 at
// 0x40008000 + 0x1000 * n, RNG at 0x4000D000.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <rivet/nrf51/gpio.hpp>
#include <rivet/nrf51/rng.hpp>
#include <rivet/nrf51/timer.hpp>
#include <rivet/nrf51/uart.hpp>
#include <rivet/registers/recording.hpp>
#include <vector>

namespace {

using rivet::registers::testing::load;
using rivet::registers::testing::recorder;
using rivet::registers::testing::store;
using ::testing::ElementsAre;

constexpr std::uintptr_t out = 0x50000504, outset = 0x50000508, outclr = 0x5000050c,
                         in = 0x50000510;
constexpr std::uintptr_t pin_cnf(unsigned pin) {
    return 0x50000700 + 4 * pin;
}

constexpr std::uintptr_t uart = 0x40002000;
constexpr std::uintptr_t startrx = uart + 0x000, starttx = uart + 0x008, rxdrdy = uart + 0x108,
                         txdrdy = uart + 0x11c, error = uart + 0x124, errorsrc = uart + 0x480,
                         enable = uart + 0x500, pseltxd = uart + 0x50c, pselrxd = uart + 0x514,
                         rxd = uart + 0x518, txd = uart + 0x51c, baudrate = uart + 0x524,
                         config = uart + 0x56c;

constexpr std::uintptr_t timer(unsigned n) {
    return 0x40008000 + 0x1000 * n;
}
constexpr std::uintptr_t t_start = 0x000, t_stop = 0x004, t_clear = 0x00c, t_capture3 = 0x04c,
                         t_compare0 = 0x140, t_shorts = 0x200, t_intenclr = 0x308, t_mode = 0x504,
                         t_bitmode = 0x508, t_prescaler = 0x510, t_cc0 = 0x540, t_cc3 = 0x54c;

constexpr std::uintptr_t rng = 0x4000d000;

TEST(nrf51_gpio, output_sets_its_level_then_becomes_an_output_with_its_input_connected) {
    recorder regs;
    regs.set(pin_cnf(13), 0x2);  // reset: input, input buffer disconnected
    (void)rivet::nrf51::gpio::output_pin<13>::configure(rivet::hal::pin_state::high);
    EXPECT_THAT(regs.log(), ElementsAre(store(outset, 4, 1u << 13), store(pin_cnf(13), 4, 0x1)));
}

TEST(nrf51_gpio, levels_are_single_stores_to_outset_and_outclr) {
    recorder regs;
    rivet::nrf51::gpio::output_pin<31> pin;
    (void)pin.set_high();
    (void)pin.set_low();
    EXPECT_THAT(regs.log(),
                ElementsAre(store(outset, 4, 0x80000000u), store(outclr, 4, 0x80000000u)));
}

TEST(nrf51_gpio, toggle_reads_out_and_writes_only_its_own_bit) {
    recorder regs;
    regs.set(out, 1u << 5 | 1u << 6);
    rivet::nrf51::gpio::output_pin<5> pin;
    (void)pin.toggle();
    regs.set(out, 1u << 6);
    (void)pin.toggle();
    EXPECT_THAT(regs.log(), ElementsAre(load(out, 4, 0x60), store(outclr, 4, 0x20),
                                        load(out, 4, 0x40), store(outset, 4, 0x20)));
}

TEST(nrf51_gpio, input_with_pull_up_and_down) {
    recorder regs;
    (void)rivet::nrf51::gpio::input_pin<17>::configure(rivet::nrf51::gpio::pull::up);
    (void)rivet::nrf51::gpio::input_pin<26>::configure(rivet::nrf51::gpio::pull::down);
    EXPECT_THAT(regs.log(), ElementsAre(store(pin_cnf(17), 4, 0xc), store(pin_cnf(26), 4, 0x4)));
    regs.set(in, 1u << 17);
    rivet::nrf51::gpio::input_pin<17> a;
    rivet::nrf51::gpio::input_pin<26> b;
    EXPECT_TRUE(a.is_high().value());
    EXPECT_TRUE(b.is_low().value());
}

TEST(nrf51_gpio, group_of_consecutive_pins_shifts_the_levels) {
    using columns = rivet::nrf51::gpio::output_group<4, 5, 6, 7, 8, 9, 10, 11, 12>;
    static_assert(columns::contiguous && columns::mask == 0x1ff0);
    static_assert(columns::port_bits(0x1ff) == 0x1ff0 && columns::port_bits(0x201) == 0x10);
    using scattered = rivet::nrf51::gpio::output_group<3, 2, 1>;
    static_assert(!scattered::contiguous && scattered::port_bits(0b011) == 0b1100);
    recorder regs;
    columns group;
    group.write(0b1'0000'0001);
    regs.set(out, 0x1010 | 0x4);
    EXPECT_EQ(group.read(), 0x101u);
    EXPECT_THAT(regs.log(), ElementsAre(store(outset, 4, 0x1010), store(outclr, 4, 0x0fe0),
                                        load(out, 4, 0x1014)));
}

TEST(nrf51_uart, configure_routes_the_pins_while_disabled_then_starts_both_directions) {
    recorder regs;
    (void)rivet::nrf51::uart::uart<24, 25, 9600>::configure();
    EXPECT_THAT(
        regs.log(),
        ElementsAre(store(enable, 4, 0), store(outset, 4, 1u << 24), store(pin_cnf(24), 4, 0x1),
                    store(pin_cnf(25), 4, 0x0), store(pseltxd, 4, 24), store(pselrxd, 4, 25),
                    store(baudrate, 4, 0x00275000), store(config, 4, 0), store(error, 4, 0),
                    store(enable, 4, 4), store(starttx, 4, 1), store(startrx, 4, 1)));
}

TEST(nrf51_uart, baud_rates_are_the_register_list) {
    using rivet::nrf51::uart::baud_setting_for;
    static_assert(static_cast<std::uint32_t>(baud_setting_for(115200).value) == 0x01d7e000);
    static_assert(static_cast<std::uint32_t>(baud_setting_for(1000000).value) == 0x10000000);
    static_assert(baud_setting_for(31250).supported && !baud_setting_for(115201).supported);
    static_assert(!baud_setting_for(0).supported);
}

TEST(nrf51_uart, each_byte_clears_txdrdy_writes_txd_and_waits) {
    recorder regs;
    regs.reads_as_set(txdrdy, 1);
    rivet::nrf51::uart::uart<24, 25> port;
    const std::array<std::uint8_t, 2> bytes{'o', 'k'};
    auto written = port.write(bytes);
    ASSERT_TRUE(written);
    EXPECT_EQ(*written, 2u);
    EXPECT_THAT(regs.log(),
                ElementsAre(store(txdrdy, 4, 0), store(txd, 4, 'o'), load(txdrdy, 4, 1),
                            store(txdrdy, 4, 0), store(txd, 4, 'k'), load(txdrdy, 4, 1)));
}

TEST(nrf51_uart, read_takes_bytes_while_rxdrdy_is_raised) {
    recorder regs;
    // Two bytes wait: RXDRDY is raised again by the first RXD read.
    std::array<std::uint8_t, 2> waiting{'h', 'i'};
    unsigned taken = 0;
    regs.set(rxdrdy, 1);
    regs.on_load(rxd, [&](std::uint32_t) {
        const std::uint8_t byte = waiting[taken++];
        regs.set(rxdrdy, taken < waiting.size() ? 1 : 0);
        return std::uint32_t{byte};
    });
    rivet::nrf51::uart::uart<24, 25> port;
    std::array<std::uint8_t, 8> into{};
    auto got = port.read(into);
    ASSERT_TRUE(got);
    EXPECT_EQ(*got, 2u);
    EXPECT_EQ(into[0], 'h');
    EXPECT_EQ(into[1], 'i');
    // RXDRDY is cleared before each RXD read, never after.
    const auto stores = regs.stores();
    EXPECT_THAT(stores, ElementsAre(store(rxdrdy, 4, 0), store(rxdrdy, 4, 0)));
}

TEST(nrf51_uart, receive_error_is_reported_and_cleared) {
    recorder regs;
    regs.set(error, 1);
    regs.set(errorsrc, 0x1);  // OVERRUN
    rivet::nrf51::uart::uart<24, 25> port;
    std::array<std::uint8_t, 4> into{};
    auto got = port.read(into);
    ASSERT_FALSE(got);
    EXPECT_EQ(got.error(), rivet::hal::serial::error_kind::overrun);
    EXPECT_THAT(regs.stores(), ElementsAre(store(errorsrc, 4, 0x1), store(error, 4, 0)));

    recorder again;
    again.set(error, 1);
    again.set(errorsrc, 0x4);  // FRAMING
    EXPECT_EQ(port.read(into).error(), rivet::hal::serial::error_kind::framing);
}

TEST(nrf51_timer, configure_stops_and_sets_mode_width_and_prescaler) {
    recorder regs;
    (void)rivet::nrf51::timer::timer<1, 9>::configure();
    const auto t = timer(1);
    EXPECT_THAT(
        regs.log(),
        ElementsAre(store(t + t_stop, 4, 1), store(t + t_mode, 4, 0), store(t + t_bitmode, 4, 0),
                    store(t + t_prescaler, 4, 9), store(t + t_shorts, 4, 0),
                    store(t + t_intenclr, 4, 0xf0000), store(t + t_clear, 4, 1),
                    store(t + t_compare0, 4, 0), store(t + t_compare0 + 4, 4, 0),
                    store(t + t_compare0 + 8, 4, 0), store(t + t_compare0 + 12, 4, 0)));
}

TEST(nrf51_timer, delay_is_one_compare_from_zero) {
    recorder regs;
    const auto t = timer(0);
    regs.reads_as_set(t + t_compare0, 1);
    rivet::nrf51::timer::timer<0> delay;
    rivet::hal::delay_ms(delay, 3);
    EXPECT_THAT(regs.log(), ElementsAre(store(t + t_stop, 4, 1), store(t + t_clear, 4, 1),
                                        store(t + t_cc0, 4, 3000), store(t + t_compare0, 4, 0),
                                        store(t + t_start, 4, 1), load(t + t_compare0, 4, 1),
                                        store(t + t_stop, 4, 1), store(t + t_compare0, 4, 0)));
}

TEST(nrf51_timer, delays_round_up_and_long_waits_on_a16_bit_timer_are_split) {
    using rivet::cortex_m::per_ns;
    using rivet::cortex_m::ticks_for;
    static_assert(ticks_for(rivet::nrf51::timer::timer<0, 0>::tick_hz, 62, per_ns) == 1);
    static_assert(ticks_for(rivet::nrf51::timer::timer<0, 0>::tick_hz, 63, per_ns) == 2);
    static_assert(ticks_for(rivet::nrf51::timer::timer<2, 9>::tick_hz, 1'000'000'000, per_ns) ==
                  31250);
    recorder regs;
    const auto t = timer(2);
    regs.reads_as_set(t + t_compare0, 1);
    rivet::nrf51::timer::timer<2> delay;  // 1 MHz, 16 bits
    rivet::hal::delay_ms(delay, 100);     // 100000 ticks: 65535 + 34465
    std::vector<std::uint32_t> compares;
    for (const auto& a : regs.stores()) {
        if (a.address == t + t_cc0) compares.push_back(a.value);
    }
    EXPECT_THAT(compares, ElementsAre(65535u, 34465u));
}

TEST(nrf51_timer, now_captures_into_cc3) {
    recorder regs;
    const auto t = timer(0);
    regs.set(t + t_cc3, 1234);
    rivet::nrf51::timer::timer<0> clock;
    EXPECT_EQ(clock.now(), 1234u);
    EXPECT_THAT(regs.log(), ElementsAre(store(t + t_capture3, 4, 1), load(t + t_cc3, 4, 1234)));
}

TEST(nrf51_rng, each_byte_starts_the_generator_which_stops_itself) {
    recorder regs;
    regs.reads_as_set(rng + 0x100, 1);
    regs.set(rng + 0x508, 0xa5);
    auto generator = rivet::nrf51::rng::rng::configure(rivet::nrf51::rng::bias_correction::on);
    EXPECT_THAT(regs.log(), ElementsAre(store(rng + 0x004, 4, 1), store(rng + 0x200, 4, 1),
                                        store(rng + 0x308, 4, 1), store(rng + 0x504, 4, 1),
                                        store(rng + 0x100, 4, 0)));
    regs.clear_log();
    EXPECT_EQ(generator.next_byte(), 0xa5);
    EXPECT_THAT(regs.log(), ElementsAre(store(rng + 0x100, 4, 0), store(rng + 0x000, 4, 1),
                                        load(rng + 0x100, 4, 1), load(rng + 0x508, 4, 0xa5)));
}

}  // namespace
