// The nRF51 random number generator: a byte at a time from thermal noise.
// Bias correction (CONFIG.DERCEN) evens out the share of ones and zeros at
// the price of a slower rate (on silicon about 4x; QEMU: a byte every 660 us
// instead of 167 us of virtual time).
//
// Each byte is made on demand: the VALRDY_STOP shortcut stops the generator
// after every value and next_byte() starts it again, so no value is ever
// overwritten before it is read or handed out twice, and the generator
// draws no current between calls. (Left running, a slow reader would skip
// values; under QEMU that makes a `-seed`ed run depend on host timing.)
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "nrf51/rng.hpp"

namespace rivet::nrf51::rng {

enum class bias_correction : bool { off = false, on = true };

class rng {
    static constexpr auto block = ::nrf51::RNG;

public:
    static rng configure(bias_correction correction = bias_correction::on) {
        block.tasks_stop().write(::nrf51::rng::tasks_stop::value{1});
        block.shorts().write(
            [](auto& r) { r.valrdy_stop(::nrf51::rng::shorts::valrdy_stop_v::enabled); });
        block.intenclr().write([](auto& r) { r.valrdy(::nrf51::rng::intenclr::valrdy_w::clear); });
        block.config().write([correction](auto& r) {
            r.dercen(correction == bias_correction::on ? ::nrf51::rng::config::dercen_v::enabled
                                                       : ::nrf51::rng::config::dercen_v::disabled);
        });
        block.events_valrdy().write(::nrf51::rng::events_valrdy::value{0});
        return rng{};
    }

    // Starts the generator and blocks until it has made a byte.
    std::uint8_t next_byte() {
        block.events_valrdy().write(::nrf51::rng::events_valrdy::value{0});
        block.tasks_start().write(::nrf51::rng::tasks_start::value{1});
        while (block.events_valrdy().read().bits() == 0) {
        }
        return static_cast<std::uint8_t>(block.value().read().value_());
    }

    // Four bytes, the first one in the low bits.
    std::uint32_t next_u32() {
        std::uint32_t word = 0;
        for (unsigned i = 0; i < 4; ++i) word |= std::uint32_t{next_byte()} << (8 * i);
        return word;
    }

    void fill(std::span<std::uint8_t> bytes) {
        for (std::uint8_t& byte : bytes) byte = next_byte();
    }

    // Stops a generator started by hand (next_byte() stops by itself).
    void stop() { block.tasks_stop().write(::nrf51::rng::tasks_stop::value{1}); }
};

}  // namespace rivet::nrf51::rng
