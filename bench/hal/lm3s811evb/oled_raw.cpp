// Raw twin of examples/lm3s811evb/main.cpp: "HELLO" on the SSD0303 OLED
// (I2C0 on PB2/PB3, target 0x3D), with the clock gating, the pins and the
// I2C0 master driven through documented LM3S811 register addresses (the
// same blocks, at the same addresses, as on the LM3S6965). The bytes on the
// bus are the ones the BSP's bus and the ssd0303 driver send, transaction
// for transaction: the init sequence (a command with an argument ends its
// transaction, QEMU's model needs that), the eight pages cleared, then the
// word. Each byte is one MCS command as in the HAL: START with the address
// on the first byte, STOP on the last, BUSY polled, STOP after an error
// unless arbitration was lost.
#include <rivet/log/log.hpp>

#include <cstddef>
#include <cstdint>

namespace {

inline volatile std::uint32_t& reg(std::uintptr_t address) {
    return *reinterpret_cast<volatile std::uint32_t*>(address);
}

// System control: run-mode clock gating.
constexpr std::uintptr_t rcgc1 = 0x400FE104;  // I2C0 is bit 12
constexpr std::uintptr_t rcgc2 = 0x400FE108;  // GPIO B is bit 1

// GPIO port B and the offsets of its registers.
constexpr std::uintptr_t gpiob = 0x40005000;
constexpr std::uintptr_t gpio_afsel = 0x420, gpio_dr2r = 0x500, gpio_odr = 0x50C, gpio_pur = 0x510,
                         gpio_den = 0x51C;

// The I2C0 master.
constexpr std::uintptr_t i2c0 = 0x40020000;
constexpr std::uintptr_t i2c_msa = 0x00, i2c_mcs = 0x04, i2c_mdr = 0x08, i2c_mtpr = 0x0C,
                         i2c_mcr = 0x20;
// MCS written: commands; MCS read: status.
constexpr std::uint32_t mcs_run = 1u << 0, mcs_start = 1u << 1, mcs_stop = 1u << 2;
constexpr std::uint32_t mcs_busy = 1u << 0, mcs_error = 1u << 1, mcs_arblst = 1u << 4;

constexpr std::uint32_t oled = 0x3d;
constexpr std::uint8_t control_command = 0x80, control_data = 0x40;
constexpr std::uint8_t first_visible_column = 36;

// A pin of port B handed to I2C0: open drain with the weak pull-up.
void i2c_pin(unsigned pin) {
    reg(rcgc2) = reg(rcgc2) | (1u << 1);
    const std::uint32_t settle = reg(rcgc2);  // the documented wait for the clock
    (void)settle;
    const std::uint32_t bit = 1u << pin;
    reg(gpiob + gpio_afsel) = reg(gpiob + gpio_afsel) | bit;
    reg(gpiob + gpio_dr2r) = reg(gpiob + gpio_dr2r) | bit;
    reg(gpiob + gpio_odr) = reg(gpiob + gpio_odr) | bit;
    reg(gpiob + gpio_pur) = reg(gpiob + gpio_pur) | bit;
    reg(gpiob + gpio_den) = reg(gpiob + gpio_den) | bit;
}

// One byte written to the OLED: the address first when it opens the
// transaction, STOP when it ends it.
bool send_byte(std::uint8_t byte, bool first, bool last) {
    if (first) reg(i2c0 + i2c_msa) = oled << 1;  // R/S 0: transmit
    reg(i2c0 + i2c_mdr) = byte;
    const std::uint32_t command = mcs_run | (first ? mcs_start : 0u) | (last ? mcs_stop : 0u);
    reg(i2c0 + i2c_mcs) = command;
    std::uint32_t status = reg(i2c0 + i2c_mcs);
    while (status & mcs_busy) status = reg(i2c0 + i2c_mcs);
    if (status & mcs_error) {
        // A lost arbitration leaves the bus to the winner: no STOP from us.
        if (!(status & mcs_arblst) && !last) reg(i2c0 + i2c_mcs) = mcs_stop;
        return false;
    }
    return true;
}

// One transaction of commands, each behind its 0x80 control byte.
bool commands(const std::uint8_t* codes, std::size_t count) {
    for (std::size_t i = 0; i < count; ++i) {
        if (!send_byte(control_command, i == 0, false) ||
            !send_byte(codes[i], false, i + 1 == count))
            return false;
    }
    return true;
}

// The driver's init sequence as its transactions, each a count and that
// many commands: a command with an argument (sent as two commands, which
// is the same wire) ends the run of argument-less commands before it.
constexpr std::uint8_t init_transactions[] = {
    1, 0xae,                    // display off
    2, 0xa8, 0x3f,              // multiplex ratio 64
    2, 0xd3, 0x00,              // display offset 0
    1, 0x40,                    // start line 0
    2, 0xad, 0x8b,              // DC-DC on
    4, 0xa0, 0xc0, 0xa6, 0xa4,  // no segment remap, COM 0 -> 63, normal, follow RAM
    2, 0x81, 0x80,              // contrast
    1, 0xaf,                    // display on
};

bool init() {
    for (std::size_t i = 0; i < sizeof init_transactions; i += 1 + init_transactions[i]) {
        if (!commands(&init_transactions[i + 1], init_transactions[i])) return false;
    }
    return true;
}

// Position (page, column) in one transaction, then 0x40 and the pixels in
// the next.
bool write_page(std::uint8_t page, std::uint8_t column, const std::uint8_t* pixels,
                std::size_t count) {
    const std::uint8_t position[] = {
        static_cast<std::uint8_t>(0xb0 | page),
        static_cast<std::uint8_t>(column & 0x0f),
        static_cast<std::uint8_t>(0x10 | column >> 4),
    };
    if (!commands(position, sizeof position) || !send_byte(control_data, true, false)) return false;
    for (std::size_t i = 0; i < count; ++i) {
        if (!send_byte(pixels[i], false, i + 1 == count)) return false;
    }
    return true;
}

bool clear() {
    constexpr std::uint8_t dark[132] = {};
    for (std::uint8_t page = 0; page < 8; ++page) {
        if (!write_page(page, 0, dark, sizeof dark)) return false;
    }
    return true;
}

// Column-major 8x8 glyphs, bit 0 at the top.
constexpr std::uint8_t letter_h[8] = {0x00, 0x7f, 0x08, 0x08, 0x08, 0x7f, 0x00, 0x00};
constexpr std::uint8_t letter_e[8] = {0x00, 0x7f, 0x49, 0x49, 0x49, 0x41, 0x00, 0x00};
constexpr std::uint8_t letter_l[8] = {0x00, 0x7f, 0x40, 0x40, 0x40, 0x40, 0x00, 0x00};
constexpr std::uint8_t letter_o[8] = {0x00, 0x3e, 0x41, 0x41, 0x41, 0x3e, 0x00, 0x00};
constexpr const std::uint8_t* hello[] = {letter_h, letter_e, letter_l, letter_l, letter_o};

}  // namespace

int main() {
    reg(rcgc1) = reg(rcgc1) | (1u << 12);
    const std::uint32_t settle = reg(rcgc1);
    (void)settle;
    i2c_pin(2);                     // SCL
    i2c_pin(3);                     // SDA
    reg(i2c0 + i2c_mcr) = 1u << 4;  // MFE: master
    // 12.5 MHz / (20 * (6 + 1)) = 89 kHz: the HAL's rounding for 100 kHz
    // (never faster).
    reg(i2c0 + i2c_mtpr) = 6;

    RIVET_ASSERT(init(), "no SSD0303 at 0x3d");
    RIVET_ASSERT(clear());
    std::uint8_t row[sizeof hello / sizeof hello[0] * 8] = {};
    for (unsigned i = 0; i < sizeof row; ++i) row[i] = hello[i / 8][i % 8];
    RIVET_ASSERT(write_page(0, first_visible_column + 28, row, sizeof row));
    RIVET_INFO("oled: HELLO drawn");
    return 0;
}
