// nRF51 UART (micro:bit): start the transmitter once, then write TXD and
// wait for the TXDRDY event after each byte.
#include <rivet/board/config.hpp>
#include <rivet/console/console.hpp>

#include "mmio.hpp"

namespace rivet::console {
namespace {
using detail::reg;
constexpr std::uintptr_t base = board::console_base;
constexpr std::uintptr_t tasks_starttx = 0x008, events_txdrdy = 0x11c, enable = 0x500,
                         pseltxd = 0x50c, txd = 0x51c, baudrate = 0x524;
constexpr std::uint32_t baud_115200 = 0x01d7e000;
constexpr std::uint32_t microbit_tx_pin = 24;
}  // namespace

void init() noexcept {
    reg(base, pseltxd) = microbit_tx_pin;
    reg(base, baudrate) = baud_115200;
    reg(base, enable) = 4;
    reg(base, tasks_starttx) = 1;
}

void put(char c) noexcept {
    reg(base, events_txdrdy) = 0;
    reg(base, txd) = static_cast<unsigned char>(c);
    while (reg(base, events_txdrdy) == 0) {
    }
}

}  // namespace rivet::console
