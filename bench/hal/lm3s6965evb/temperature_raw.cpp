// Raw twin of examples/lm3s6965evb/temperature.cpp: I2C0 (PB2/PB3) at
// 100 kHz driven by hand, the TMP105 set to 12 bits and its temperature
// read (pointer write, STOP, then START and two bytes, as the board's
// sensor bus does under QEMU), with the same log.
#include <rivet/log/log.hpp>

#include <cstdint>

#include "raw.hpp"

namespace {

constexpr std::uint32_t tmp105 = 0x48;

// One byte on the bus: the command, then wait while BUSY; false on ERROR
// (after a STOP unless the command had one).
bool run_byte(std::uint32_t command) {
    raw::reg(raw::i2c0 + raw::i2c_mcs) = command;
    std::uint32_t status = raw::reg(raw::i2c0 + raw::i2c_mcs);
    while (status & raw::mcs_busy) status = raw::reg(raw::i2c0 + raw::i2c_mcs);
    if (status & raw::mcs_error) {
        if (!(command & raw::mcs_stop)) raw::reg(raw::i2c0 + raw::i2c_mcs) = raw::mcs_stop;
        return false;
    }
    return true;
}

}  // namespace

int main() {
    raw::reg(raw::rcgc1) = raw::reg(raw::rcgc1) | (1u << 12);
    const std::uint32_t settle = raw::reg(raw::rcgc1);
    (void)settle;
    raw::alternate_pin(raw::gpiob, 1, 2, true);
    raw::alternate_pin(raw::gpiob, 1, 3, true);
    raw::reg(raw::i2c0 + raw::i2c_mcr) = 1u << 4;  // MFE: master
    raw::reg(raw::i2c0 + raw::i2c_mtpr) = 5;       // 12 MHz / (20 * (5 + 1)) = 100 kHz

    // Configuration register (1) = 0x60: 12-bit resolution.
    raw::reg(raw::i2c0 + raw::i2c_msa) = tmp105 << 1;
    raw::reg(raw::i2c0 + raw::i2c_mdr) = 0x01;
    if (!run_byte(raw::mcs_run | raw::mcs_start)) {
        RIVET_WARN("no TMP105 at {:#x}", tmp105);
        return 1;
    }
    raw::reg(raw::i2c0 + raw::i2c_mdr) = 0x60;
    if (!run_byte(raw::mcs_run | raw::mcs_stop)) {
        RIVET_WARN("no TMP105 at {:#x}", tmp105);
        return 1;
    }

    // Temperature register (0): pointer, STOP, then two bytes read.
    raw::reg(raw::i2c0 + raw::i2c_msa) = tmp105 << 1;
    raw::reg(raw::i2c0 + raw::i2c_mdr) = 0x00;
    bool ok = run_byte(raw::mcs_run | raw::mcs_start | raw::mcs_stop);
    raw::reg(raw::i2c0 + raw::i2c_msa) = tmp105 << 1 | 1;
    ok = ok && run_byte(raw::mcs_run | raw::mcs_start | raw::mcs_ack);
    const std::uint8_t msb = static_cast<std::uint8_t>(raw::reg(raw::i2c0 + raw::i2c_mdr));
    ok = ok && run_byte(raw::mcs_run | raw::mcs_stop);
    const std::uint8_t lsb = static_cast<std::uint8_t>(raw::reg(raw::i2c0 + raw::i2c_mdr));
    if (!ok) {
        RIVET_ERROR("TMP105 read failed");
        return 1;
    }
    const auto value = static_cast<std::int16_t>(static_cast<std::uint16_t>(msb << 8 | lsb));
    RIVET_INFO("temperature {} mC", std::int32_t{value / 16} * 125 / 2);
    return 0;
}
