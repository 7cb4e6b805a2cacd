// GPIO pins with port and number fixed at compile time: outputs
// (rivet::hal::stateful_output_pin), inputs (rivet::hal::input_pin) and
// alternate-function pins. The alternate function number of a (pin, signal)
// pair comes from the STM32F405 datasheet's alternate function map; asking
// a pin for a signal it does not carry does not compile.
//
// Levels are set through BSRR (one store, no read-modify-write of ODR), so
// an interrupt driving another pin of the port cannot be undone.
#pragma once

#include <array>
#include <cstdint>
#include <type_traits>

#include "rivet/hal/digital.hpp"
#include "rivet/hal/error.hpp"
#include "rivet/hal/pins.hpp"
#include "rivet/stm32f405/rcc.hpp"
#include "stm32f405/gpioa.hpp"
#include "stm32f405/gpiob.hpp"
#include "stm32f405/gpioi.hpp"

namespace rivet::stm32f405::gpio {

enum class port : unsigned char { a, b, c, d, e, f, g, h, i };

// A pin as rivet::hal sees it (port A is 0); also the way USART, SPI and
// timer types are told which pins to use: usart<1, pin_id_of(port::b, 6), ...>.
constexpr rivet::hal::pin_id pin_id_of(port p, unsigned number) {
    return {static_cast<std::uint16_t>(p), static_cast<std::uint16_t>(number)};
}
constexpr port port_of(rivet::hal::pin_id id) {
    return static_cast<port>(id.port);
}

constexpr rcc::peripheral clock_of(port p) {
    return static_cast<rcc::peripheral>(static_cast<unsigned>(rcc::peripheral::gpioa) +
                                        static_cast<unsigned>(p));
}

// The register block of a port. GPIOA and GPIOB have their own generated
// types only because their reset values differ (the debug pins); the layout
// is the same for every port.
template <port P>
constexpr auto block() {
    if constexpr (P == port::a) {
        return ::stm32f405::GPIOA;
    } else if constexpr (P == port::b) {
        return ::stm32f405::GPIOB;
    } else {
        return ::stm32f405::gpioi::block{0x40020000u + 0x400u * static_cast<unsigned>(P)};
    }
}

// Peripheral signals the HAL can route to a pin.
enum class signal : unsigned char {
    usart1_tx,
    usart1_rx,
    usart2_tx,
    usart2_rx,
    usart3_tx,
    usart3_rx,
    usart6_tx,
    usart6_rx,
    spi1_sck,
    spi1_miso,
    spi1_mosi,
    spi1_nss,
    spi2_sck,
    spi2_miso,
    spi2_mosi,
    spi2_nss,
    spi3_sck,
    spi3_miso,
    spi3_mosi,
    spi3_nss,
    tim2_ch1,
    tim2_ch2,
    tim2_ch3,
    tim2_ch4,
    tim3_ch1,
    tim3_ch2,
    tim3_ch3,
    tim3_ch4,
    tim4_ch1,
    tim4_ch2,
    tim4_ch3,
    tim4_ch4,
    tim5_ch1,
    tim5_ch2,
    tim5_ch3,
    tim5_ch4,
};

namespace detail {
struct af_entry {
    port p;
    unsigned char number;
    signal s;
    unsigned char af;
};
// The STM32F405xx/407xx datasheet (DS8626), table "Alternate function
// mapping", for the signals above (LQFP176 pins; the 64-pin part on the
// Netduino Plus 2 has ports A-C, PD2 and PH0/PH1 only).
// clang-format off
inline constexpr af_entry af_map[] = {
    // AF1: TIM1/TIM2
    {port::a, 0, signal::tim2_ch1, 1}, {port::a, 5, signal::tim2_ch1, 1}, {port::a, 15, signal::tim2_ch1, 1},
    {port::a, 1, signal::tim2_ch2, 1}, {port::b, 3, signal::tim2_ch2, 1},
    {port::a, 2, signal::tim2_ch3, 1}, {port::b, 10, signal::tim2_ch3, 1},
    {port::a, 3, signal::tim2_ch4, 1}, {port::b, 11, signal::tim2_ch4, 1},
    // AF2: TIM3/TIM4/TIM5
    {port::a, 6, signal::tim3_ch1, 2}, {port::b, 4, signal::tim3_ch1, 2}, {port::c, 6, signal::tim3_ch1, 2},
    {port::a, 7, signal::tim3_ch2, 2}, {port::b, 5, signal::tim3_ch2, 2}, {port::c, 7, signal::tim3_ch2, 2},
    {port::b, 0, signal::tim3_ch3, 2}, {port::c, 8, signal::tim3_ch3, 2},
    {port::b, 1, signal::tim3_ch4, 2}, {port::c, 9, signal::tim3_ch4, 2},
    {port::b, 6, signal::tim4_ch1, 2}, {port::d, 12, signal::tim4_ch1, 2},
    {port::b, 7, signal::tim4_ch2, 2}, {port::d, 13, signal::tim4_ch2, 2},
    {port::b, 8, signal::tim4_ch3, 2}, {port::d, 14, signal::tim4_ch3, 2},
    {port::b, 9, signal::tim4_ch4, 2}, {port::d, 15, signal::tim4_ch4, 2},
    {port::a, 0, signal::tim5_ch1, 2}, {port::h, 10, signal::tim5_ch1, 2},
    {port::a, 1, signal::tim5_ch2, 2}, {port::h, 11, signal::tim5_ch2, 2},
    {port::a, 2, signal::tim5_ch3, 2}, {port::h, 12, signal::tim5_ch3, 2},
    {port::a, 3, signal::tim5_ch4, 2}, {port::i, 0, signal::tim5_ch4, 2},
    // AF5: SPI1/SPI2
    {port::a, 5, signal::spi1_sck, 5}, {port::b, 3, signal::spi1_sck, 5},
    {port::a, 6, signal::spi1_miso, 5}, {port::b, 4, signal::spi1_miso, 5},
    {port::a, 7, signal::spi1_mosi, 5}, {port::b, 5, signal::spi1_mosi, 5},
    {port::a, 4, signal::spi1_nss, 5}, {port::a, 15, signal::spi1_nss, 5},
    {port::b, 10, signal::spi2_sck, 5}, {port::b, 13, signal::spi2_sck, 5}, {port::i, 1, signal::spi2_sck, 5},
    {port::b, 14, signal::spi2_miso, 5}, {port::c, 2, signal::spi2_miso, 5}, {port::i, 2, signal::spi2_miso, 5},
    {port::b, 15, signal::spi2_mosi, 5}, {port::c, 3, signal::spi2_mosi, 5}, {port::i, 3, signal::spi2_mosi, 5},
    {port::b, 9, signal::spi2_nss, 5}, {port::b, 12, signal::spi2_nss, 5}, {port::i, 0, signal::spi2_nss, 5},
    // AF6: SPI3
    {port::b, 3, signal::spi3_sck, 6}, {port::c, 10, signal::spi3_sck, 6},
    {port::b, 4, signal::spi3_miso, 6}, {port::c, 11, signal::spi3_miso, 6},
    {port::b, 5, signal::spi3_mosi, 6}, {port::c, 12, signal::spi3_mosi, 6},
    {port::a, 4, signal::spi3_nss, 6}, {port::a, 15, signal::spi3_nss, 6},
    // AF7: USART1-3
    {port::a, 9, signal::usart1_tx, 7}, {port::b, 6, signal::usart1_tx, 7},
    {port::a, 10, signal::usart1_rx, 7}, {port::b, 7, signal::usart1_rx, 7},
    {port::a, 2, signal::usart2_tx, 7}, {port::d, 5, signal::usart2_tx, 7},
    {port::a, 3, signal::usart2_rx, 7}, {port::d, 6, signal::usart2_rx, 7},
    {port::b, 10, signal::usart3_tx, 7}, {port::c, 10, signal::usart3_tx, 7}, {port::d, 8, signal::usart3_tx, 7},
    {port::b, 11, signal::usart3_rx, 7}, {port::c, 11, signal::usart3_rx, 7}, {port::d, 9, signal::usart3_rx, 7},
    // AF8: USART6
    {port::c, 6, signal::usart6_tx, 8}, {port::g, 14, signal::usart6_tx, 8},
    {port::c, 7, signal::usart6_rx, 8}, {port::g, 9, signal::usart6_rx, 8},
};
// clang-format on
}  // namespace detail

// The alternate function number (0..15) that routes signal `s` to the pin,
// or -1 when the pin cannot carry it.
constexpr int alternate_function(rivet::hal::pin_id id, signal s) {
    for (const detail::af_entry& e : detail::af_map) {
        if (e.p == port_of(id) && e.number == id.number && e.s == s) return e.af;
    }
    return -1;
}
constexpr bool pin_has_signal(rivet::hal::pin_id id, signal s) {
    return alternate_function(id, s) >= 0;
}

enum class pull : unsigned char { none = 0, up = 1, down = 2 };
enum class output_type : unsigned char { push_pull = 0, open_drain = 1 };
enum class speed : unsigned char { low = 0, medium = 1, fast = 2, high = 3 };

namespace detail {
// Per-pin fields, written with the generated types. The field enums are
// per port type, hence the decltype.
template <port P, unsigned N>
inline void set_mode(unsigned mode) {
    block<P>().moder().modify(
        [mode](auto& r) { r.moder(N, static_cast<decltype(r.moder(0))>(mode)); });
}
template <port P, unsigned N>
inline void set_output_type(output_type type) {
    block<P>().otyper().modify([type](auto& r) { r.ot(N, static_cast<decltype(r.ot(0))>(type)); });
}
template <port P, unsigned N>
inline void set_speed(speed s) {
    block<P>().ospeedr().modify(
        [s](auto& r) { r.ospeedr(N, static_cast<decltype(r.ospeedr(0))>(s)); });
}
template <port P, unsigned N>
inline void set_pull(pull p) {
    block<P>().pupdr().modify([p](auto& r) { r.pupdr(N, static_cast<decltype(r.pupdr(0))>(p)); });
}
template <port P, unsigned N>
inline void set_alternate_function(unsigned af) {
    [[maybe_unused]] static constexpr unsigned shift = 4 * (N % 8);
    if constexpr (N < 8) {
        block<P>().afrl().modify(
            [af](auto& r) { r.set_bits((r.bits() & ~(0xFu << shift)) | (af << shift)); });
    } else {
        block<P>().afrh().modify(
            [af](auto& r) { r.set_bits((r.bits() & ~(0xFu << shift)) | (af << shift)); });
    }
}
// One BSRR store: bit N sets the pin, bit N + 16 resets it. Always inlined:
// out of line, the call would cost more than the store.
template <port P, unsigned N>
[[gnu::always_inline]] inline void drive(bool high) {
    block<P>().bsrr().write([high](auto& r) { r.set_bits(high ? 1u << N : 1u << (N + 16)); });
}
inline constexpr unsigned mode_input = 0, mode_output = 1, mode_alternate = 2;
}  // namespace detail

template <port P, unsigned N, output_type Type = output_type::push_pull, speed Speed = speed::low>
class output_pin {
    static_assert(N < 16, "an STM32F405 GPIO port has pins 0 to 15");

public:
    using error_type = rivet::hal::infallible;
    static constexpr port port_id = P;
    static constexpr unsigned pin_number = N;
    static constexpr std::array<rivet::hal::pin_id, 1> claimed_pins{pin_id_of(P, N)};

    // Clocks the port and makes the pin an output driving `initial`. The
    // level goes into ODR first (ODR is writable while the pin is an input),
    // so the pin never drives the wrong level.
    static output_pin configure(rivet::hal::pin_state initial = rivet::hal::pin_state::low) {
        rcc::enable_clock<clock_of(P)>();
        detail::drive<P, N>(initial == rivet::hal::pin_state::high);
        detail::set_output_type<P, N>(Type);
        detail::set_speed<P, N>(Speed);
        detail::set_pull<P, N>(pull::none);
        detail::set_mode<P, N>(detail::mode_output);
        return output_pin{};
    }

    rivet::hal::result<void, error_type> set_high() {
        detail::drive<P, N>(true);
        return rivet::hal::success;
    }
    rivet::hal::result<void, error_type> set_low() {
        detail::drive<P, N>(false);
        return rivet::hal::success;
    }
    // ODR holds the level the pin was set to.
    rivet::hal::result<bool, error_type> is_set_high() const {
        return (block<P>().odr().read().bits() >> N & 1u) != 0;
    }
    rivet::hal::result<bool, error_type> is_set_low() const {
        return (block<P>().odr().read().bits() >> N & 1u) == 0;
    }
    // One ODR load, then one BSRR store: other pins of the port are safe.
    rivet::hal::result<void, error_type> toggle() {
        detail::drive<P, N>((block<P>().odr().read().bits() >> N & 1u) == 0);
        return rivet::hal::success;
    }
};

template <port P, unsigned N, pull DefaultPull = pull::none>
class input_pin {
    static_assert(N < 16, "an STM32F405 GPIO port has pins 0 to 15");

public:
    using error_type = rivet::hal::infallible;
    static constexpr port port_id = P;
    static constexpr unsigned pin_number = N;
    static constexpr std::array<rivet::hal::pin_id, 1> claimed_pins{pin_id_of(P, N)};

    static input_pin configure(pull resistor = DefaultPull) {
        rcc::enable_clock<clock_of(P)>();
        detail::set_pull<P, N>(resistor);
        detail::set_mode<P, N>(detail::mode_input);
        return input_pin{};
    }

    rivet::hal::result<bool, error_type> is_high() {
        return (block<P>().idr().read().bits() >> N & 1u) != 0;
    }
    rivet::hal::result<bool, error_type> is_low() {
        return (block<P>().idr().read().bits() >> N & 1u) == 0;
    }
};

// A pin handed to a peripheral signal. alternate_pin<pin_id_of(port::a, 0),
// signal::usart1_tx> does not compile: PA0 cannot carry USART1's TX.
template <rivet::hal::pin_id Pin, signal S, pull Pull = pull::none,
          output_type Type = output_type::push_pull, speed Speed = speed::fast>
struct alternate_pin {
    static_assert(Pin.number < 16, "an STM32F405 GPIO port has pins 0 to 15");
    static_assert(pin_has_signal(Pin, S),
                  "this pin does not carry that peripheral signal on the STM32F405 "
                  "(see gpio::detail::af_map, from the datasheet's alternate function map)");
    static constexpr port P = port_of(Pin);
    static constexpr unsigned N = Pin.number;
    static constexpr unsigned af = static_cast<unsigned>(alternate_function(Pin, S));
    static constexpr std::array<rivet::hal::pin_id, 1> claimed_pins{Pin};

    // The function is selected before the mode switches to alternate, so
    // the pin never carries another peripheral's signal in between.
    static void configure() {
        rcc::enable_clock<clock_of(P)>();
        detail::set_output_type<P, N>(Type);
        detail::set_speed<P, N>(Speed);
        detail::set_pull<P, N>(Pull);
        detail::set_alternate_function<P, N>(af);
        detail::set_mode<P, N>(detail::mode_alternate);
    }
};

static_assert(rivet::hal::stateful_output_pin<output_pin<port::a, 10>>);
static_assert(rivet::hal::input_pin<input_pin<port::b, 11>>);

}  // namespace rivet::stm32f405::gpio
