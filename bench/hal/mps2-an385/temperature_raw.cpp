// examples/mps2-an385/temperature with raw register accesses: the same
// bit-banged I2C on SBCon 3 (shield 1, 0x4002A000: CONTROLS +0x0 releases
// a line, CONTROLC +0x4 pulls it low, bit 0 SCL, bit 1 SDA), the same
// TMP105 accesses (configuration 0x60, then pointer 0 and two bytes through
// a repeated START), the same log lines and the same LED.
#include <rivet/log/log.hpp>

#include <cstdint>

#include "raw.hpp"

namespace {

constexpr std::uintptr_t sbcon = 0x4002A000;
constexpr std::uint32_t scl = 1, sda = 2;
constexpr std::uint32_t half_period_loops = 25'000'000 / 100'000 / 2 / 4 + 1;
constexpr std::uint8_t sensor = 0x48;

void wait_half() {
    for (std::uint32_t i = 0; i < half_period_loops; ++i) asm volatile("" ::: "memory");
}
void release(std::uint32_t line) {
    raw::reg(sbcon) = line;
}
void pull_low(std::uint32_t line) {
    raw::reg(sbcon + 4) = line;
}
void scl_high() {
    release(scl);
    while ((raw::reg(sbcon) & scl) == 0) {
    }
    wait_half();
}
void scl_low() {
    pull_low(scl);
    wait_half();
}
void start() {
    release(sda);
    scl_high();
    pull_low(sda);
    wait_half();
    scl_low();
}
void stop() {
    pull_low(sda);
    scl_high();
    release(sda);
    wait_half();
}
void put_bit(bool bit) {
    if (bit)
        release(sda);
    else
        pull_low(sda);
    scl_high();
    scl_low();
}
bool get_bit() {
    release(sda);
    scl_high();
    const bool bit = (raw::reg(sbcon) & sda) != 0;
    scl_low();
    return bit;
}
bool put_byte(std::uint8_t byte) {
    for (int i = 7; i >= 0; --i) put_bit(((byte >> i) & 1) != 0);
    return !get_bit();
}
std::uint8_t get_byte(bool ack) {
    std::uint8_t byte = 0;
    for (int i = 0; i < 8; ++i) byte = static_cast<std::uint8_t>((byte << 1) | get_bit());
    put_bit(!ack);
    return byte;
}

}  // namespace

int main() {
    release(scl | sda);
    wait_half();
    // LED0 off, as fpgaio::led<0>::configure().
    raw::reg(raw::fpgaio + raw::fpgaio_led) = raw::reg(raw::fpgaio + raw::fpgaio_led) & ~1u;

    // Configuration: 12-bit resolution.
    start();
    bool acked = put_byte(sensor << 1);
    if (acked) acked = put_byte(0x01);
    if (acked) acked = put_byte(0x60);
    stop();
    if (!acked) {
        RIVET_WARN("no TMP105 at {:#x}", sensor);
        return 1;
    }
    // Temperature: pointer 0, repeated START, two bytes.
    start();
    acked = put_byte(sensor << 1) && put_byte(0x00);
    std::uint8_t msb = 0, lsb = 0;
    if (acked) {
        start();
        acked = put_byte(static_cast<std::uint8_t>((sensor << 1) | 1));
        if (acked) {
            msb = get_byte(true);
            lsb = get_byte(false);
        }
    }
    stop();
    if (!acked) {
        RIVET_ERROR("TMP105 read failed");
        return 1;
    }
    const auto reading = static_cast<std::int16_t>(static_cast<std::uint16_t>(msb << 8 | lsb));
    const std::int32_t millicelsius = reading / 16 * 125 / 2;
    RIVET_INFO("temperature {} mC", millicelsius);
    if (millicelsius > 30'000)
        raw::reg(raw::fpgaio + raw::fpgaio_led) = raw::reg(raw::fpgaio + raw::fpgaio_led) | 1u;
    else
        raw::reg(raw::fpgaio + raw::fpgaio_led) = raw::reg(raw::fpgaio + raw::fpgaio_led) & ~1u;
    RIVET_INFO("warm LED {}", (raw::reg(raw::fpgaio + raw::fpgaio_led) & 1u) ? "on" : "off");
    return 0;
}
