// nRF51 UART (micro:bit): start the transmitter once, then write TXD and
// wait for the TXDRDY event after each byte.
#include <rivet/board/config.hpp>
#include <rivet/console/console.hpp>

#include "mmio.hpp"

namespace rivet::console {
namespace {
using detail::reg;
constexpr std::uintptr_t base = board::console_base;
constexpr std::uintptr_t tasks_startrx = 0x000, tasks_starttx = 0x008, events_rxdrdy = 0x108,
                         events_txdrdy = 0x11c, enable = 0x500, pseltxd = 0x50c, pselrxd = 0x514,
                         rxd = 0x518, txd = 0x51c, baudrate = 0x524;
constexpr std::uint32_t baud_115200 = 0x01d7e000;
constexpr std::uint32_t microbit_tx_pin = 24;
constexpr std::uint32_t microbit_rx_pin = 25;
}  // namespace

void init() noexcept {
    reg(base, pseltxd) = microbit_tx_pin;
    reg(base, pselrxd) = microbit_rx_pin;
    reg(base, baudrate) = baud_115200;
    reg(base, enable) = 4;
    reg(base, tasks_starttx) = 1;
    reg(base, tasks_startrx) = 1;
}

bool get(char& c) noexcept {
    if (reg(base, events_rxdrdy) == 0) return false;
    reg(base, events_rxdrdy) = 0;
    c = static_cast<char>(reg(base, rxd) & 0xff);
    return true;
}

void put(char c) noexcept {
    reg(base, events_txdrdy) = 0;
    reg(base, txd) = static_cast<unsigned char>(c);
    while (reg(base, events_txdrdy) == 0) {
    }
}

}  // namespace rivet::console
