// The MPS2 FPGA system control and I/O block (0x40028000 on the AN385):
// its user LEDs as rivet::hal::stateful_output_pin, its push buttons as
// rivet::hal::input_pin, and the free-running counters.
//
// The LED register holds one bit per LED. Setting one LED is a
// read-modify-write of that register (the block has no set/clear
// registers), so code that drives LEDs from both thread and interrupt
// context must serialise those writes itself.
//
// Under QEMU 7.2 the AN385 has 2 LEDs and 2 buttons; the buttons always
// read 0 (released) because nothing can press them.
#pragma once

#include <array>
#include <cstdint>

#include "cmsdk_cm3/fpgaio.hpp"
#include "rivet/cmsdk/pins.hpp"
#include "rivet/hal/digital.hpp"
#include "rivet/hal/error.hpp"

namespace rivet::cmsdk::fpgaio {

inline constexpr unsigned led_count = 2;
inline constexpr unsigned button_count = 2;

// All LEDs at once: bit n is LED n.
inline std::uint32_t leds() {
    return ::cmsdk::FPGAIO.led().read().bits();
}
inline void set_leds(std::uint32_t bits) {
    ::cmsdk::FPGAIO.led().write(::cmsdk::fpgaio::led::value{bits});
}

template <unsigned Index>
class led {
    static_assert(Index < led_count, "the MPS2 FPGA I/O block drives LED0 and LED1");
    static constexpr std::uint32_t mask = 1u << Index;

public:
    using error_type = rivet::hal::infallible;
    static constexpr unsigned index = Index;
    static constexpr std::array<rivet::hal::pin_id, 1> claimed_pins{pins::led(Index)};

    static led configure(rivet::hal::pin_state initial = rivet::hal::pin_state::low) {
        led made{};
        (void)rivet::hal::set_state(made, initial);
        return made;
    }

    rivet::hal::result<void, error_type> set_high() {
        ::cmsdk::FPGAIO.led().modify([](auto& r) { r.set_bits(r.bits() | mask); });
        return rivet::hal::success;
    }
    rivet::hal::result<void, error_type> set_low() {
        ::cmsdk::FPGAIO.led().modify([](auto& r) { r.set_bits(r.bits() & ~mask); });
        return rivet::hal::success;
    }
    // The register reads back what was written, so this is the level the
    // FPGA drives.
    rivet::hal::result<bool, error_type> is_set_high() const {
        return (::cmsdk::FPGAIO.led().read().bits() & mask) != 0;
    }
    rivet::hal::result<bool, error_type> is_set_low() const {
        return (::cmsdk::FPGAIO.led().read().bits() & mask) == 0;
    }
    rivet::hal::result<void, error_type> toggle() {
        ::cmsdk::FPGAIO.led().modify([](auto& r) { r.set_bits(r.bits() ^ mask); });
        return rivet::hal::success;
    }
};

// A push button: reads high while pressed.
template <unsigned Index>
class button {
    static_assert(Index < button_count, "the MPS2 FPGA I/O block has BUTTON0 and BUTTON1");
    static constexpr std::uint32_t mask = 1u << Index;

public:
    using error_type = rivet::hal::infallible;
    static constexpr std::array<rivet::hal::pin_id, 1> claimed_pins{pins::button(Index)};

    static button configure() { return button{}; }

    rivet::hal::result<bool, error_type> is_high() {
        return (::cmsdk::FPGAIO.button().read().bits() & mask) != 0;
    }
    rivet::hal::result<bool, error_type> is_low() {
        return (::cmsdk::FPGAIO.button().read().bits() & mask) == 0;
    }
};

// The 1 Hz and 100 Hz up-counters (from reset) and the cycle counter.
inline std::uint32_t clk1hz() {
    return ::cmsdk::FPGAIO.clk1hz().read().bits();
}
inline std::uint32_t clk100hz() {
    return ::cmsdk::FPGAIO.clk100hz().read().bits();
}

static_assert(rivet::hal::stateful_output_pin<led<0>>);
static_assert(rivet::hal::input_pin<button<0>>);

}  // namespace rivet::cmsdk::fpgaio
