// ARM PrimeCell PL011 UART (LM3S6965 UART0). The boot ROM leaves it enabled
// at 8N1; the baud rate matters only on hardware, so init sets 115200 from
// the board clock.
#include <rivet/board/config.hpp>
#include <rivet/console/console.hpp>

#include "mmio.hpp"

namespace rivet::console {
namespace {
using detail::reg;
constexpr std::uintptr_t base = board::console_base;
constexpr std::uintptr_t dr = 0x000, fr = 0x018, ibrd = 0x024, fbrd = 0x028, lcrh = 0x02c,
                         cr = 0x030;
constexpr std::uint32_t fr_txff = 1u << 5;
// Baud divisor in 1/64ths: clock / (16 * baud), rounded.
constexpr std::uint32_t divisor64 = (board::clock_hz * 4u + 115200u / 2u) / 115200u;
}  // namespace

void init() noexcept {
    reg(base, cr) = 0;
    reg(base, ibrd) = divisor64 / 64u;
    reg(base, fbrd) = divisor64 % 64u;
    reg(base, lcrh) = 0x3u << 5;                        // 8 data bits, no FIFO
    reg(base, cr) = (1u << 0) | (1u << 8) | (1u << 9);  // UARTEN, TXE, RXE
}

void put(char c) noexcept {
    while (reg(base, fr) & fr_txff) {
    }
    reg(base, dr) = static_cast<unsigned char>(c);
}

bool get(char& c) noexcept {
    constexpr std::uint32_t fr_rxfe = 1u << 4;
    if (reg(base, fr) & fr_rxfe) return false;
    c = static_cast<char>(reg(base, dr) & 0xff);
    return true;
}

}  // namespace rivet::console
