// The nRF51 random number generator: log eight random bytes and a 32-bit
// number, and fail (exit 1) if the bytes are all equal, which a working
// generator gives once in 2^56 runs.
#include <rivet/bsp/microbit.hpp>
#include <rivet/log/log.hpp>

#include <array>
#include <cstdint>

namespace board = rivet::bsp::microbit;

int main() {
    auto rng = board::random::configure(rivet::nrf51::rng::bias_correction::on);
    std::array<std::uint8_t, 8> bytes{};
    rng.fill(bytes);
    bool all_equal = true;
    for (const std::uint8_t byte : bytes) {
        RIVET_INFO("random byte {}", byte);
        all_equal = all_equal && byte == bytes[0];
    }
    RIVET_INFO("random word {:#x}", rng.next_u32());
    rng.stop();
    if (all_equal) {
        RIVET_ERROR("all eight bytes are {}: the generator is stuck", bytes[0]);
        return 1;
    }
    RIVET_INFO("random: bytes differ");
    return 0;
}
