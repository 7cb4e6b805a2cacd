// GPIO pins with their port and number fixed at compile time: an output pin
// (rivet::hal::stateful_output_pin), an input pin (rivet::hal::input_pin)
// and alternate-function pins, where asking a pin for a peripheral signal
// it does not carry is a compile error.
//
// Levels are written through the masked DATA window (address bits [9:2]
// select the pins an access touches), so setting one pin is a single store:
// no read-modify-write, safe against interrupts changing other pins.
#pragma once

#include <array>
#include <cstdint>

#include "lm3s6965/gpioa.hpp"
#include "rivet/hal/digital.hpp"
#include "rivet/hal/error.hpp"
#include "rivet/hal/pins.hpp"
#include "rivet/lm3s6965/sysctl.hpp"
#include "rivet/registers/register.hpp"

namespace rivet::lm3s6965::gpio {

enum class port : unsigned char { a, b, c, d, e, f, g };

constexpr ::lm3s6965::gpioa::block block_of(port p) {
    switch (p) {
        case port::a:
            return ::lm3s6965::GPIOA;
        case port::b:
            return ::lm3s6965::GPIOB;
        case port::c:
            return ::lm3s6965::GPIOC;
        case port::d:
            return ::lm3s6965::GPIOD;
        case port::e:
            return ::lm3s6965::GPIOE;
        case port::f:
            return ::lm3s6965::GPIOF;
        case port::g:
            return ::lm3s6965::GPIOG;
    }
    return ::lm3s6965::GPIOA;
}

// The pin as rivet::hal::take and distinct_pins see it (port A is 0).
constexpr rivet::hal::pin_id pin_id_of(port p, unsigned pin) {
    return {static_cast<std::uint16_t>(p), static_cast<std::uint16_t>(pin)};
}

constexpr sysctl::peripheral clock_of(port p) {
    return static_cast<sysctl::peripheral>(static_cast<unsigned>(sysctl::peripheral::gpioa) +
                                           static_cast<unsigned>(p));
}

// The peripheral signals a pin can carry (AFSEL = 1). Only the ones the HAL
// drives are listed.
enum class signal : unsigned char {
    u0rx,
    u0tx,
    u1rx,
    u1tx,
    u2rx,
    u2tx,
    i2c0scl,
    i2c0sda,
    i2c1scl,
    i2c1sda,
    ssi0clk,
    ssi0fss,
    ssi0rx,
    ssi0tx,
    // Timer capture/compare/PWM: CCP0/CCP1 are timer 0 A/B, CCP2/CCP3 timer 1 A/B.
    ccp0,
    ccp1,
    ccp2,
    ccp3,
};

// The LM3S6965 pin multiplexing (data sheet, "GPIO pins with alternate
// functions"): each signal lives on exactly one pin.
constexpr bool pin_has_signal(port p, unsigned pin, signal s) {
    struct entry {
        port p;
        unsigned pin;
        signal s;
    };
    constexpr entry table[] = {
        {port::a, 0, signal::u0rx},    {port::a, 1, signal::u0tx},    {port::a, 2, signal::ssi0clk},
        {port::a, 3, signal::ssi0fss}, {port::a, 4, signal::ssi0rx},  {port::a, 5, signal::ssi0tx},
        {port::a, 6, signal::i2c1scl}, {port::a, 7, signal::i2c1sda}, {port::b, 2, signal::i2c0scl},
        {port::b, 3, signal::i2c0sda}, {port::d, 2, signal::u1rx},    {port::d, 3, signal::u1tx},
        {port::g, 0, signal::u2rx},    {port::g, 1, signal::u2tx},    {port::d, 4, signal::ccp0},
        {port::d, 7, signal::ccp1},    {port::d, 5, signal::ccp2},    {port::c, 6, signal::ccp3},
    };
    for (const entry& e : table) {
        if (e.p == p && e.pin == pin && e.s == s) return true;
    }
    return false;
}

namespace detail {
// The DATA register seen through the mask of one pin.
template <port P, unsigned Pin>
constexpr ::rivet::registers::reg<::lm3s6965::gpioa::data::value> masked_data() {
    constexpr std::uintptr_t window = block_of(P).data().address() - 0x3fc;
    return ::rivet::registers::reg<::lm3s6965::gpioa::data::value>{window + ((1u << Pin) << 2)};
}
}  // namespace detail

template <port P, unsigned Pin>
class output_pin {
    static_assert(Pin < 8, "an LM3S6965 GPIO port has pins 0 to 7");

public:
    using error_type = rivet::hal::infallible;
    static constexpr port port_id = P;
    static constexpr unsigned pin_number = Pin;
    static constexpr std::array<rivet::hal::pin_id, 1> claimed_pins{pin_id_of(P, Pin)};

    // Clocks the port and makes the pin a digital output driving `initial`.
    // DATA drops writes to input pins (the data sheet says so, and QEMU's
    // PL061 model does), so the level is set right after the direction: a
    // pin that was an input drives low for a few cycles before going high.
    static output_pin configure(rivet::hal::pin_state initial = rivet::hal::pin_state::low) {
        sysctl::enable_clock<clock_of(P)>();
        constexpr auto block = block_of(P);
        block.afsel().modify([](auto& r) { r.pin(Pin, ::lm3s6965::gpioa::afsel::pin_v::gpio); });
        block.dr2r().modify([](auto& r) { r.pin(Pin, true); });
        block.den().modify([](auto& r) { r.pin(Pin, true); });
        block.dir().modify([](auto& r) { r.pin(Pin, ::lm3s6965::gpioa::dir::pin_v::output); });
        detail::masked_data<P, Pin>().write(::lm3s6965::gpioa::data::value{
            initial == rivet::hal::pin_state::high ? 1u << Pin : 0u});
        return output_pin{};
    }

    rivet::hal::result<void, error_type> set_high() {
        detail::masked_data<P, Pin>().write(::lm3s6965::gpioa::data::value{1u << Pin});
        return rivet::hal::success;
    }
    rivet::hal::result<void, error_type> set_low() {
        detail::masked_data<P, Pin>().write(::lm3s6965::gpioa::data::value{0u});
        return rivet::hal::success;
    }
    // DATA reads back the level the pin is driving.
    rivet::hal::result<bool, error_type> is_set_high() const {
        return detail::masked_data<P, Pin>().read().pin(Pin);
    }
    rivet::hal::result<bool, error_type> is_set_low() const {
        return !detail::masked_data<P, Pin>().read().pin(Pin);
    }
    rivet::hal::result<void, error_type> toggle() {
        const auto data = detail::masked_data<P, Pin>();
        data.write(::lm3s6965::gpioa::data::value{data.read().bits() ^ (1u << Pin)});
        return rivet::hal::success;
    }
};

enum class pull : unsigned char { none, up, down };

template <port P, unsigned Pin>
class input_pin {
    static_assert(Pin < 8, "an LM3S6965 GPIO port has pins 0 to 7");

public:
    using error_type = rivet::hal::infallible;
    static constexpr std::array<rivet::hal::pin_id, 1> claimed_pins{pin_id_of(P, Pin)};

    static input_pin configure(pull resistor = pull::none) {
        sysctl::enable_clock<clock_of(P)>();
        constexpr auto block = block_of(P);
        block.afsel().modify([](auto& r) { r.pin(Pin, ::lm3s6965::gpioa::afsel::pin_v::gpio); });
        block.dir().modify([](auto& r) { r.pin(Pin, ::lm3s6965::gpioa::dir::pin_v::input); });
        block.pur().modify([resistor](auto& r) { r.pin(Pin, resistor == pull::up); });
        block.pdr().modify([resistor](auto& r) { r.pin(Pin, resistor == pull::down); });
        block.den().modify([](auto& r) { r.pin(Pin, true); });
        return input_pin{};
    }

    rivet::hal::result<bool, error_type> is_high() {
        return detail::masked_data<P, Pin>().read().pin(Pin);
    }
    rivet::hal::result<bool, error_type> is_low() {
        return !detail::masked_data<P, Pin>().read().pin(Pin);
    }
};

// A pin handed to a peripheral. `S` must be a signal this pin carries:
// alternate_pin<port::b, 2, signal::u0tx> does not compile.
template <port P, unsigned Pin, signal S>
struct alternate_pin {
    static_assert(Pin < 8, "an LM3S6965 GPIO port has pins 0 to 7");
    static_assert(pin_has_signal(P, Pin, S),
                  "this pin does not carry that peripheral signal on the LM3S6965 "
                  "(see gpio::pin_has_signal for the pin map)");

    // I2C lines are open drain with the weak pull-up; others push-pull.
    static constexpr bool open_drain = S == signal::i2c0scl || S == signal::i2c0sda ||
                                       S == signal::i2c1scl || S == signal::i2c1sda;

    static void configure() {
        sysctl::enable_clock<clock_of(P)>();
        constexpr auto block = block_of(P);
        block.afsel().modify(
            [](auto& r) { r.pin(Pin, ::lm3s6965::gpioa::afsel::pin_v::peripheral); });
        block.dr2r().modify([](auto& r) { r.pin(Pin, true); });
        block.odr().modify([](auto& r) { r.pin(Pin, open_drain); });
        block.pur().modify([](auto& r) { r.pin(Pin, open_drain); });
        block.den().modify([](auto& r) { r.pin(Pin, true); });
    }
};

static_assert(rivet::hal::stateful_output_pin<output_pin<port::f, 0>>);
static_assert(rivet::hal::input_pin<input_pin<port::f, 1>>);

}  // namespace rivet::lm3s6965::gpio
