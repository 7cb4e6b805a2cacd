// The nRF51 HAL's pins on QEMU's microbit: outputs read back through OUT
// (what was set) and IN (the level on the pin; QEMU feeds OUT into IN for a
// pin whose input buffer is connected and that nothing outside drives),
// inputs settled by their pull resistor, an output group, and the micro:bit
// display's matrix read back LED by LED.
#include <rivet/bsp/microbit.hpp>
#include <rivet/hal/pins.hpp>
#include <rivet/log/log.hpp>

#include <cstdint>

namespace board = rivet::bsp::microbit;
namespace gpio = rivet::nrf51::gpio;

namespace {
std::uint32_t out_register() {
    return ::nrf51::GPIO.out().read().bits();
}
std::uint32_t in_register() {
    return ::nrf51::GPIO.in().read().bits();
}
}  // namespace

int main() {
    // An edge-connector pad that nothing else uses.
    using pad = gpio::output_pin<board::edge::p8>;  // P0.18
    auto out = pad::configure(rivet::hal::pin_state::high);
    RIVET_ASSERT(out.is_set_high().value(), "configure(high) left OUT low");
    RIVET_ASSERT(in_register() & (1u << 18), "IN does not follow the output");
    RIVET_ASSERT_EQ(::nrf51::GPIO.dir().read().bits() & (1u << 18), 1u << 18);
    RIVET_ASSERT(out.set_low());
    RIVET_ASSERT(out.is_set_low().value(), "set_low() left OUT high");
    RIVET_ASSERT(!out.reads_high(), "IN still high after set_low()");
    RIVET_ASSERT(out.toggle());
    RIVET_ASSERT(out.is_set_high().value() && out.reads_high(), "toggle() did not drive high");
    RIVET_ASSERT(out.toggle());
    RIVET_ASSERT(out.is_set_low().value() && !out.reads_high(), "toggle() did not drive low");
    RIVET_INFO("gpio: output P0.{} ok", pad::pin_number);

    // QEMU's model, as the HAL relies on it: with the input buffer
    // disconnected (PIN_CNF.INPUT = 1, the reset value), IN does not see
    // the output; that is why output_pin connects it.
    ::nrf51::GPIO.pin_cnf<19>().write(::nrf51::gpio::pin_cnf::value{0x3});
    ::nrf51::GPIO.outset().write(::nrf51::gpio::outset::value{1u << 19});
    RIVET_ASSERT_EQ(in_register() & (1u << 19), 0u);
    ::nrf51::GPIO.outclr().write(::nrf51::gpio::outclr::value{1u << 19});

    // OUTSET/OUTCLR touch one pin: P0.20 set high by hand stays high.
    ::nrf51::GPIO.outset().write(::nrf51::gpio::outset::value{1u << 20});
    RIVET_ASSERT(out.set_high());
    RIVET_ASSERT(out.set_low());
    RIVET_ASSERT(out_register() & (1u << 20), "set_low() of P0.18 cleared P0.20");
    ::nrf51::GPIO.outclr().write(::nrf51::gpio::outclr::value{1u << 20});

    auto up = gpio::input_pin<board::edge::p12>::configure(gpio::pull::up);      // P0.20
    auto down = gpio::input_pin<board::edge::p16>::configure(gpio::pull::down);  // P0.16
    RIVET_ASSERT(up.is_high().value() && !up.is_low().value(), "pull-up input reads low");
    RIVET_ASSERT(down.is_low().value() && !down.is_high().value(), "pull-down input reads high");
    auto a = board::button_a::configure(gpio::pull::up);
    RIVET_ASSERT(a.is_high().value(), "button A reads pressed with nothing pressing it");
    RIVET_INFO("gpio: inputs ok (pull-up high, pull-down low, button A released)");

    using group = gpio::output_group<1, 2, 3>;  // edge pads P2, P1, P0
    auto pads = group::configure(0b101);
    RIVET_ASSERT_EQ(out_register() & 0xeu, 0xau);
    RIVET_ASSERT_EQ(pads.read(), 0b101u);
    pads.write(0b010);
    RIVET_ASSERT_EQ(out_register() & 0xeu, 0x4u);
    RIVET_ASSERT_EQ(in_register() & 0xeu, 0x4u);
    RIVET_INFO("gpio: output group ok");

    // The board's parts taken together (take<> checks their pins).
    auto [console, display, button, other_button] =
        rivet::hal::take<board::console_uart<>, board::led_matrix, board::button_a,
                         board::button_b>();
    (void)console;
    (void)button;
    (void)other_button;
    RIVET_ASSERT_EQ(display.lit().bits, 0u);
    unsigned checked = 0;
    for (unsigned y = 0; y < 5; ++y) {
        for (unsigned x = 0; x < 5; ++x) {
            display.light(x, y);
            const auto shown = display.lit();
            RIVET_ASSERT_EQ(shown.bits, 1u << (y * 5 + x));
            ++checked;
        }
    }
    display.clear();
    RIVET_ASSERT_EQ(display.lit().bits, 0u);
    // One electrical row of a picture: the middle row of the display is
    // all in row 1 apart from (1, 2) and (3, 2).
    board::image middle;
    for (unsigned x = 0; x < 5; ++x) middle.set(x, 2);
    display.show_row(middle, 1);
    RIVET_ASSERT_EQ(display.lit().bits, middle.bits & ~((1u << 11) | (1u << 13)));
    display.clear();
    RIVET_INFO("gpio: matrix ok, {} LEDs read back", checked);
    return 0;
}
