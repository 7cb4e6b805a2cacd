// STM32F4 USART (USART1 on the Netduino Plus 2). Clock gating through RCC is
// real on hardware and a stub under QEMU; both accept the same sequence.
#include <rivet/board/config.hpp>
#include <rivet/console/console.hpp>

#include "mmio.hpp"

namespace rivet::console {
namespace {
using detail::reg;
constexpr std::uintptr_t base = board::console_base;
constexpr std::uintptr_t rcc_apb2enr = 0x40023844;
constexpr std::uintptr_t sr = 0x00, dr = 0x04, brr = 0x08, cr1 = 0x0c;
constexpr std::uint32_t sr_txe = 1u << 7;
constexpr std::uint32_t cr1_ue = 1u << 13, cr1_te = 1u << 3, cr1_re = 1u << 2;
}  // namespace

void init() noexcept {
    reg(rcc_apb2enr, 0) = reg(rcc_apb2enr, 0) | (1u << 4);  // USART1EN
    reg(base, brr) = (board::clock_hz + 115200u / 2u) / 115200u;
    reg(base, cr1) = cr1_ue | cr1_te | cr1_re;
}

void put(char c) noexcept {
    while ((reg(base, sr) & sr_txe) == 0) {
    }
    reg(base, dr) = static_cast<unsigned char>(c);
}

bool get(char& c) noexcept {
    constexpr std::uint32_t sr_rxne = 1u << 5;
    if ((reg(base, sr) & sr_rxne) == 0) return false;
    c = static_cast<char>(reg(base, dr) & 0xff);
    return true;
}

}  // namespace rivet::console
