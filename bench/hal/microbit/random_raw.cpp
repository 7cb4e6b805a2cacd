// microbit-random without the HAL: the RNG with bias correction, eight
// bytes and a 32-bit word logged, exit 1 if the bytes are all equal.
#include <rivet/log/log.hpp>

#include <array>
#include <cstdint>

#include "raw.hpp"

namespace {
// One byte on demand: the VALRDY_STOP shortcut stops the generator after it.
std::uint8_t next_byte() {
    raw::reg(raw::rng_valrdy) = 0;
    raw::reg(raw::rng_start) = 1;
    while (raw::reg(raw::rng_valrdy) == 0) {
    }
    return static_cast<std::uint8_t>(raw::reg(raw::rng_value) & 0xff);
}
}  // namespace

int main() {
    raw::reg(raw::rng_stop) = 1;
    raw::reg(raw::rng_shorts) = 1;  // VALRDY_STOP
    raw::reg(raw::rng_intenclr) = 1;
    raw::reg(raw::rng_config) = 1;  // DERCEN: bias correction
    raw::reg(raw::rng_valrdy) = 0;
    std::array<std::uint8_t, 8> bytes{};
    for (std::uint8_t& byte : bytes) byte = next_byte();
    bool all_equal = true;
    for (const std::uint8_t byte : bytes) {
        RIVET_INFO("random byte {}", byte);
        all_equal = all_equal && byte == bytes[0];
    }
    std::uint32_t word = 0;
    for (unsigned i = 0; i < 4; ++i) word |= std::uint32_t{next_byte()} << (8 * i);
    RIVET_INFO("random word {:#x}", word);
    raw::reg(raw::rng_stop) = 1;
    if (all_equal) {
        RIVET_ERROR("all eight bytes are {}: the generator is stuck", bytes[0]);
        return 1;
    }
    RIVET_INFO("random: bytes differ");
    return 0;
}
