// Raw twin of examples/lm3s6965evb/display.cpp: the same sunset, frame and
// log, with SSI0 (a PL022 at 0x40008000), the chip selects and the D/C pin
// driven by hand through documented addresses, and the SSD0323 commands
// written out. Does what the board support, the SSI HAL and the driver do,
// access for access: PD0 high, SSI0 at 3.125 MHz in SPI mode 3, PA3 (select)
// high, PC7 (D/C) low; the init sequence, the window, then the frame as
// one selection each, keeping at most 8 words in flight and draining the
// receive FIFO as it goes.
#include <rivet/log/log.hpp>

#include <cstddef>
#include <cstdint>

#include "raw.hpp"

namespace {

inline constexpr std::uintptr_t gpioc = 0x40006000;
inline constexpr std::uintptr_t gpiod = 0x40007000;
inline constexpr std::uintptr_t ssi0 = 0x40008000;
inline constexpr std::uintptr_t ssi_cr0 = 0x00, ssi_cr1 = 0x04, ssi_dr = 0x08, ssi_sr = 0x0C,
                                ssi_cpsr = 0x10, ssi_ris = 0x18, ssi_icr = 0x20;
inline constexpr std::uint32_t sr_tnf = 1u << 1, sr_rne = 1u << 2, sr_bsy = 1u << 4;

// One pin of a port through its masked DATA window.
inline volatile std::uint32_t& pin_data(std::uintptr_t port, unsigned pin) {
    return raw::reg(port + ((1u << pin) << 2));
}

// gpio::output_pin::configure(initial).
void output_pin(std::uintptr_t port, unsigned port_index, unsigned pin, bool high) {
    raw::clock_gpio(port_index);
    raw::reg(port + raw::gpio_afsel) = raw::reg(port + raw::gpio_afsel) & ~(1u << pin);
    raw::reg(port + raw::gpio_dr2r) = raw::reg(port + raw::gpio_dr2r) | (1u << pin);
    raw::reg(port + raw::gpio_den) = raw::reg(port + raw::gpio_den) | (1u << pin);
    raw::reg(port + raw::gpio_dir) = raw::reg(port + raw::gpio_dir) | (1u << pin);
    pin_data(port, pin) = high ? 1u << pin : 0u;
}

// Both directions at once, at most 8 words in flight (the FIFO depth).
bool exchange(const std::uint8_t* out, std::size_t words) {
    std::size_t sent = 0, received = 0;
    while (received < words) {
        const std::uint32_t status = raw::reg(ssi0 + ssi_sr);
        if (sent < words && sent - received < 8 && (status & sr_tnf)) {
            raw::reg(ssi0 + ssi_dr) = out[sent];
            ++sent;
        }
        if (status & sr_rne) {
            const std::uint32_t word = raw::reg(ssi0 + ssi_dr);
            (void)word;
            ++received;
        }
    }
    if (raw::reg(ssi0 + ssi_ris) & 1u) {  // receive overrun
        raw::reg(ssi0 + ssi_icr) = 1u;
        return false;
    }
    return true;
}

// D/C, select (PA3 low), the bytes, flush, deselect.
bool send(bool data, const std::uint8_t* bytes, std::size_t size) {
    pin_data(gpioc, 7) = data ? 1u << 7 : 0u;
    pin_data(raw::gpioa, 3) = 0;
    const bool sent = exchange(bytes, size);
    while (raw::reg(ssi0 + ssi_sr) & sr_bsy) {
    }
    pin_data(raw::gpioa, 3) = 1u << 3;
    return sent;
}

constexpr std::uint8_t init_sequence[] = {
    0xae, 0x15, 0x00, 0x3f, 0x75, 0x00, 0x3f, 0x81, 0x40, 0x86, 0xa0, 0x52, 0xa1, 0x00, 0xa2,
    0x00, 0xa4, 0xa8, 0x3f, 0xb1, 0x22, 0xb2, 0x46, 0xb3, 0x41, 0xbc, 0x28, 0xbe, 0x02, 0xbf,
    0x0d, 0xb8, 0x01, 0x11, 0x22, 0x32, 0x43, 0x54, 0x65, 0x76, 0xad, 0x02, 0xaf,
};

constexpr int horizon = 44;
constexpr int sun_x = 88, sun_y = 36, sun_radius = 14;

constexpr std::uint8_t grey_at(int x, int y) {
    const int dx = x - sun_x, dy = y - sun_y;
    if (y < horizon) {
        if (dx * dx + dy * dy < sun_radius * (sun_radius + 1)) return 15;
        return static_cast<std::uint8_t>(1 + y * 9 / horizon);
    }
    const int depth = y - horizon;
    const int half_width = sun_radius - depth / 2;
    if (depth % 3 == 0 && dx >= -half_width && dx <= half_width) return 12;
    return static_cast<std::uint8_t>(depth % 3 == 0 ? 4 : 2);
}

// 64 rows of 64 bytes, the left pixel of each pair in the high nibble.
std::uint8_t frame[64 * 64];

}  // namespace

int main() {
    output_pin(gpiod, 3, 0, true);  // the SD card's select: deselected (QEMU: OLED selected)

    raw::reg(raw::rcgc1) = raw::reg(raw::rcgc1) | (1u << 4);  // SSI0
    const std::uint32_t settle = raw::reg(raw::rcgc1);
    (void)settle;
    raw::alternate_pin(raw::gpioa, 0, 2, false);  // SSI0Clk
    raw::alternate_pin(raw::gpioa, 0, 4, false);  // SSI0Rx
    raw::alternate_pin(raw::gpioa, 0, 5, false);  // SSI0Tx
    raw::reg(ssi0 + ssi_cr1) = 0;
    raw::reg(ssi0 + ssi_cpsr) = 2;
    // SCR 1 (12.5 MHz / (2 * 2) = 3.125 MHz), SPH and SPO (mode 3), SPI, 8 bits.
    raw::reg(ssi0 + ssi_cr0) = (1u << 8) | (1u << 7) | (1u << 6) | 0x7u;
    raw::reg(ssi0 + ssi_cr1) = 1u << 1;  // SSE, controller
    while (raw::reg(ssi0 + ssi_sr) & sr_rne) {
        const std::uint32_t stale = raw::reg(ssi0 + ssi_dr);
        (void)stale;
    }

    output_pin(raw::gpioa, 0, 3, true);  // the OLED's select, idle high
    output_pin(gpioc, 2, 7, false);      // D/C

    RIVET_ASSERT(send(false, init_sequence, sizeof init_sequence), "OLED init failed");

    unsigned bright = 0;
    for (int y = 0; y < 64; ++y) {
        for (int x = 0; x < 128; ++x) {
            const std::uint8_t grey = grey_at(x, y);
            std::uint8_t& byte = frame[y * 64 + x / 2];
            byte = (x & 1) != 0 ? static_cast<std::uint8_t>((byte & 0xf0) | grey)
                                : static_cast<std::uint8_t>((byte & 0x0f) | grey << 4);
            if (grey == 15) ++bright;
        }
    }
    const std::uint8_t window[] = {0x15, 0, 63, 0x75, 0, 63};
    RIVET_ASSERT(send(false, window, sizeof window) && send(true, frame, sizeof frame),
                 "OLED write failed");

    std::uint32_t checksum = 0;
    for (std::uint8_t byte : frame) checksum = checksum * 31 + byte;
    RIVET_INFO("display: sunset on the {}x{} OLED, sun at ({}, {}) radius {}", 128, 64, sun_x,
               sun_y, sun_radius);
    RIVET_INFO("display: {} pixels at full brightness, frame checksum {:x}", bright, checksum);
    return 0;
}
