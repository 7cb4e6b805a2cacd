// ARM CMSDK APB UART (MPS2 UART0).
#include <rivet/board/config.hpp>
#include <rivet/console/console.hpp>

#include "mmio.hpp"

namespace rivet::console {
namespace {
using detail::reg;
constexpr std::uintptr_t base = board::console_base;
constexpr std::uintptr_t data = 0x00, state = 0x04, ctrl = 0x08, bauddiv = 0x10;
constexpr std::uint32_t state_tx_full = 1u << 0;
constexpr std::uint32_t ctrl_tx_enable = 1u << 0, ctrl_rx_enable = 1u << 1;
}  // namespace

void init() noexcept {
    reg(base, bauddiv) = board::clock_hz / 115200u;
    reg(base, ctrl) = ctrl_tx_enable | ctrl_rx_enable;
}

void put(char c) noexcept {
    while (reg(base, state) & state_tx_full) {
    }
    reg(base, data) = static_cast<unsigned char>(c);
}

bool get(char& c) noexcept {
    constexpr std::uint32_t state_rx_full = 1u << 1;
    if ((reg(base, state) & state_rx_full) == 0) return false;
    c = static_cast<char>(reg(base, data) & 0xff);
    return true;
}

}  // namespace rivet::console
