// The nRF51 RNG HAL on QEMU's microbit: 64 bytes with and 64 without bias
// correction, neither stuck nor repeating a short pattern. QEMU draws the
// bytes from the host's random source.
#include <rivet/bsp/microbit.hpp>
#include <rivet/log/log.hpp>

#include <array>
#include <cstdint>

namespace rng = rivet::nrf51::rng;

namespace {
unsigned distinct(const std::array<std::uint8_t, 64>& bytes) {
    std::array<bool, 256> seen{};
    unsigned count = 0;
    for (const std::uint8_t byte : bytes) {
        if (!seen[byte]) ++count;
        seen[byte] = true;
    }
    return count;
}
}  // namespace

int main() {
    for (const auto correction : {rng::bias_correction::on, rng::bias_correction::off}) {
        auto generator = rng::rng::configure(correction);
        RIVET_ASSERT_EQ(::nrf51::RNG.config().read().bits(),
                        correction == rng::bias_correction::on ? 1u : 0u);
        std::array<std::uint8_t, 64> bytes{};
        generator.fill(bytes);
        const unsigned different = distinct(bytes);
        // 64 bytes from a uniform source have about 56 distinct values;
        // fewer than 24 happens with a probability far below 1e-20.
        RIVET_INFO("rng: bias correction {}: {} distinct values in 64 bytes, first {} {} {} {}",
                   correction == rng::bias_correction::on ? "on" : "off", different, bytes[0],
                   bytes[1], bytes[2], bytes[3]);
        RIVET_ASSERT(different >= 24, "the generator repeats itself");
        generator.stop();
    }
    RIVET_INFO("rng ok");
    return 0;
}
